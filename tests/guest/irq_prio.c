/* Priority of interruptions (PoO ch. 6 "Priority of Interruptions"): a
 * program interruption, a supervisor call and a restart are taken while a
 * clock-comparator external interruption is pending but masked; each new
 * PSW enables external interruptions, so the pending external
 * interruption follows at once, before the first instruction of the
 * handler: its old PSW is the program (SVC, restart) new PSW. Then an
 * external and an I/O interruption pending together: external first.
 * Needs one virtio-blk-ccw device (args.txt) for the I/O interruption. */
#include "css_common.h"
#include "timer_common.h"

#define LC_RESTART_OLD 0x120
#define LC_SVC_OLD     0x140
#define LC_PGM_OLD     0x150
#define LC_RESTART_NEW 0x1a0
#define LC_SVC_NEW     0x1c0
#define LC_PGM_NEW     0x1d0

/* What a handler saw on entry: the number of external interruptions
 * logged so far, the interruption code and the old PSW. */
struct seen {
    uint64_t n_ext;
    uint64_t code;
    uint64_t mask, addr;
};
struct seen prio_seen __attribute__((aligned(8)));

/* Handlers for the program, SVC and restart interruptions: record, then
 * return to the old PSW. r1-r2 are saved at absolute 0x310 (the external
 * handler uses 0x300). */
extern char prio_pgm_entry[], prio_svc_entry[], prio_rst_entry[];
#define LC_IO_NEW LC_IO_NEW_PSW
asm(".text\n"
    "prio_pgm_entry:\n"
    "  stmg  %r1,%r2,0x310\n"
    "  larl  %r1,prio_seen\n"
    "  larl  %r2,timer_ext_log\n"
    "  mvc   0(8,%r1),0(%r2)\n"
    "  xc    8(8,%r1),8(%r1)\n"
    "  mvc   14(2,%r1),0x8e\n"
    "  mvc   16(16,%r1),0x150\n"
    "  lmg   %r1,%r2,0x310\n"
    "  lpswe 0x150\n"
    "prio_svc_entry:\n"
    "  stmg  %r1,%r2,0x310\n"
    "  larl  %r1,prio_seen\n"
    "  larl  %r2,timer_ext_log\n"
    "  mvc   0(8,%r1),0(%r2)\n"
    "  xc    8(8,%r1),8(%r1)\n"
    "  mvc   14(2,%r1),0x8a\n"
    "  mvc   16(16,%r1),0x140\n"
    "  lmg   %r1,%r2,0x310\n"
    "  lpswe 0x140\n"
    "prio_rst_entry:\n"
    "  stmg  %r1,%r2,0x310\n"
    "  larl  %r1,prio_seen\n"
    "  larl  %r2,timer_ext_log\n"
    "  mvc   0(8,%r1),0(%r2)\n"
    "  xc    8(8,%r1),8(%r1)\n"
    "  mvc   16(16,%r1),0x120\n"
    "  lmg   %r1,%r2,0x310\n"
    "  lpswe 0x120\n"
    "prio_io_entry:\n"
    "  stmg  %r1,%r2,0x310\n"
    "  larl  %r1,prio_seen\n"
    "  larl  %r2,timer_ext_log\n"
    "  mvc   0(8,%r1),0(%r2)\n"
    "  xc    8(8,%r1),8(%r1)\n"
    "  mvc   12(4,%r1),0xbc\n"             /* I/O interruption parameter */
    "  mvc   16(16,%r1),0x170\n"
    "  ni    0x170,0xfc\n"                 /* return disabled for I/O and external */
    "  lmg   %r1,%r2,0x310\n"
    "  lpswe 0x170\n");
extern char prio_io_entry[];

/* Make a clock-comparator interruption pending while this CPU is disabled
 * for external interruptions. */
static void ckc_pending(void)
{
    log_install();
    rt_lctlg(0, rt_stctg(0) | CR0_CKC);
    sckc(stck());
    spin_us(50000);
}

/* Point the new PSW at @lc to @entry with mask @mask; save the old
 * contents in @save. */
static void new_psw_mask(unsigned lc, const void *entry, uint64_t mask, uint64_t save[2])
{
    volatile uint64_t *p = (volatile uint64_t *)(uintptr_t)lc;

    save[0] = p[0];
    save[1] = p[1];
    p[0] = mask;
    p[1] = (uintptr_t)entry;
}

/* The same, enabled for external interruptions. */
static void new_psw(unsigned lc, const void *entry, uint64_t save[2])
{
    new_psw_mask(lc, entry, PSW_MASK_64 | PSW_MASK_EXT, save);
}

static void restore_psw(unsigned lc, const uint64_t save[2])
{
    volatile uint64_t *p = (volatile uint64_t *)(uintptr_t)lc;

    p[0] = save[0];
    p[1] = save[1];
}

/* Check the external interruption that followed the handler's new PSW. */
static void check_after(const void *entry)
{
    struct ext_rec r = timer_ext_log.rec[0];

    rt_check_u64("  then one external interruption", timer_ext_log.n, 1);
    rt_check_u64("  code 0x1004 (clock comparator)", r.code, 0x1004);
    rt_check_u64("  its old PSW address is the handler's entry", r.addr, (uintptr_t)entry);
    rt_check_u64("  its old PSW mask is the new PSW's", r.mask, PSW_MASK_64 | PSW_MASK_EXT);
    rt_check_u64("  taken before the handler's first instruction", prio_seen.n_ext, 1);
}

static void test_program(void)
{
    uint64_t save[2], after, n_masked;

    memset(&prio_seen, 0, sizeof(prio_seen));
    ckc_pending();
    n_masked = timer_ext_log.n;
    new_psw(LC_PGM_NEW, prio_pgm_entry, save);
    asm volatile("  .short 0\n"                /* operation exception */
                 "0: larl  %0,0b\n" : "=d"(after) : : "memory");
    restore_psw(LC_PGM_NEW, save);
    log_remove();
    rt_check_u64("program: ckc pending but masked", n_masked, 0);
    rt_check_u64("program interruption first: code 1", prio_seen.code, 1);
    rt_check_u64("  old PSW after the invalid instruction", prio_seen.addr, after);
    check_after(prio_pgm_entry);
}

static void test_svc(void)
{
    uint64_t save[2], after;

    memset(&prio_seen, 0, sizeof(prio_seen));
    ckc_pending();
    new_psw(LC_SVC_NEW, prio_svc_entry, save);
    asm volatile("  svc   0x42\n"
                 "0: larl  %0,0b\n" : "=d"(after) : : "memory");
    restore_psw(LC_SVC_NEW, save);
    log_remove();
    rt_check_u64("supervisor call first: code 0x42", prio_seen.code, 0x42);
    rt_check_u64("  old PSW after the SVC", prio_seen.addr, after);
    check_after(prio_svc_entry);
}

static void test_restart(void)
{
    uint64_t save[2], ipm, ok = 0;

    memset(&prio_seen, 0, sizeof(prio_seen));
    ckc_pending();
    new_psw(LC_RESTART_NEW, prio_rst_entry, save);
    asm volatile("  lghi  %%r2,0\n"
                 "  stap  0x2f0(%%r0)\n"
                 "  llgh  %%r3,0x2f0(%%r0)\n"
                 "  sigp  %%r2,%%r3,6\n"        /* restart this CPU */
                 "  ipm   %0\n"
                 : "=d"(ipm) : : "r2", "r3", "cc", "memory");
    for (unsigned long i = 0; i < 100000000ul && !prio_seen.addr; i++)
        asm volatile("" ::: "memory");
    ok = prio_seen.addr != 0;
    restore_psw(LC_RESTART_NEW, save);
    log_remove();
    rt_check_u64("sigp restart of this CPU: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check(ok, "restart interruption taken");
    rt_check_u64("  old PSW disabled for external", prio_seen.mask & PSW_MASK_EXT, 0);
    check_after(prio_rst_entry);
}

/* An I/O interruption (sense ID completed) and a clock-comparator
 * interruption pending together, both enabled by one STOSM: the external
 * interruption comes first; it returns with external interruptions
 * masked and the I/O interruption follows at the same point. */
static void test_external_before_io(void)
{
    static uint8_t senseid[8];
    static struct ccw1 prog[1];
    static struct orb orb;
    struct irb irb;
    uint64_t save[2], after, n_before;
    uint8_t sv;
    unsigned cc_en, cc_ssch;

    memset(&prio_seen, 0, sizeof(prio_seen));
    cc_en = io_enable(SCHID0, 3, 0x1234abcd);
    rt_lctlg(6, 0x80000000ull >> 3);
    prog[0] = (struct ccw1){ 0xe4, CCW_SLI, sizeof(senseid), (uint32_t)(uintptr_t)senseid };
    orb.intparm = 0x1234abcd;
    orb.flags = ORB_FMT1 | ORB_PFCH | ORB_LPM80;
    orb.cpa = (uint32_t)(uintptr_t)prog;
    cc_ssch = io_ssch(SCHID0, &orb);
    ckc_pending();                  /* also gives the I/O 50 ms to end */
    n_before = timer_ext_log.n;
    /* disabled: the clock-comparator condition persists while the TOD
     * clock is past the comparator, so an enabled new PSW would take it
     * again (PoO ch. 4 "Clock Comparator") */
    new_psw_mask(LC_IO_NEW, prio_io_entry, PSW_MASK_64, save);
    asm volatile("  stosm %0,0x03\n"
                 "0: larl  %1,0b\n"
                 "  stnsm %0,0xfc\n" : "=Q"(sv), "=d"(after) : : "memory");
    restore_psw(LC_IO_NEW, save);
    log_remove();
    rt_lctlg(6, 0);
    io_tsch(SCHID0, &irb);

    rt_check_u64("msch enable: cc 0", cc_en, 0);
    rt_check_u64("ssch sense id: cc 0", cc_ssch, 0);
    rt_check_u64("both pending, both masked: nothing taken", n_before, 0);
    rt_check_u64("external interruption first (one)", timer_ext_log.n, 1);
    rt_check_u64("  code 0x1004", timer_ext_log.rec[0].code, 0x1004);
    rt_check_u64("  old PSW: after the STOSM", timer_ext_log.rec[0].addr, after);
    rt_check_u64("  old PSW mask: I/O and external enabled",
                 timer_ext_log.rec[0].mask & (PSW_MASK_IO | PSW_MASK_EXT),
                 PSW_MASK_IO | PSW_MASK_EXT);
    rt_check_u64("I/O interruption next: seen after the external one", prio_seen.n_ext, 1);
    rt_check_u64("  interruption parameter", prio_seen.code, 0x1234abcd);
    rt_check_u64("  old PSW: after the STOSM", prio_seen.addr, after);
    rt_check_u64("  old PSW mask: external masked by its handler, I/O enabled",
                 prio_seen.mask & (PSW_MASK_IO | PSW_MASK_EXT), PSW_MASK_IO);
}

int main(void)
{
    /* QEMU 7.2 makes a clock-comparator condition pending asynchronously,
     * from a host timer (hence the 50 ms in ckc_pending), and the first one
     * after start-up late: take one in an enabled wait first. */
    log_install();
    rt_lctlg(0, rt_stctg(0) | CR0_CKC);
    sckc(stck());
    wait_enabled();
    log_remove();
    test_svc();
    test_program();
    test_restart();
    test_external_before_io();
    return 0;
}
