/* Priority of interruptions (PoO ch. 6 "Priority of Interruptions"): a
 * program interruption, a supervisor call and a restart are taken while a
 * clock-comparator external interruption is pending but masked; each new
 * PSW enables external interruptions, so the pending external
 * interruption follows at once, before the first instruction of the
 * handler: its old PSW is the program (SVC, restart) new PSW. */
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
    "  lpswe 0x120\n");

/* Make a clock-comparator interruption pending while this CPU is disabled
 * for external interruptions. */
static void ckc_pending(void)
{
    log_install();
    rt_lctlg(0, rt_stctg(0) | CR0_CKC);
    sckc(stck());
    spin_us(50000);
}

/* Point the new PSW at @lc to @entry, enabled for external interruptions;
 * save the old contents in @save. */
static void new_psw(unsigned lc, const void *entry, uint64_t save[2])
{
    volatile uint64_t *p = (volatile uint64_t *)(uintptr_t)lc;

    save[0] = p[0];
    save[1] = p[1];
    p[0] = PSW_MASK_64 | PSW_MASK_EXT;
    p[1] = (uintptr_t)entry;
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
    return 0;
}
