/* I/O interruptions and their masks (PoO ch. 6 "I/O Interruption", ch. 14
 * "I/O-Interruption Subclass Mask", ch. 14 "TEST PENDING INTERRUPTION"): a
 * subchannel's status with ISC 5 stays pending while CR6 masks ISC 5 or
 * the PSW's I/O mask is off, and TPI does not take it then; once both
 * enable it, it is taken at once with the I/O old PSW pointing after the
 * enabling STOSM and the subchannel id, parameter and ISC at 0xb8-0xc3.
 * TPI with operand address 0 stores all three words in the lowcore and
 * clears the interruption; with another address it stores two. Needs one
 * virtio-blk-ccw device (args.txt). */
#include "css_common.h"

#define ISC         5u
#define CR6_ISC(n)  (0x80000000ull >> (n))

static struct orb orb;
static struct ccw1 prog[2];
static uint8_t senseid[8] __attribute__((aligned(8)));

/* Filled by io_log_entry: n records of the old PSW and 0xb8-0xc3. */
struct io_rec {
    uint64_t mask, addr;
    uint32_t schid, param, id, pad;
};

struct {
    uint64_t n;
    uint64_t pad[3];
    struct io_rec rec[4];       /* rec[i] at offset 32 + 32 * i */
} io_log __attribute__((aligned(8)));

/* The logging I/O handler: records the old PSW and the interruption code,
 * then returns with the I/O mask and the wait bit off. Saves r1-r2 at
 * absolute 0x300. */
asm("    .text\n"
    "    .globl io_log_entry\n"
    "io_log_entry:\n"
    "    stmg  %r1,%r2,0x300\n"
    "    larl  %r1,io_log\n"
    "    lg    %r2,0(%r1)\n"
    "    clgfi %r2,4\n"
    "    jhe   1f\n"
    "    aghi  %r2,1\n"
    "    stg   %r2,0(%r1)\n"
    "    mghi  %r2,32\n"
    "    la    %r1,0(%r2,%r1)\n"
    "    mvc   0(16,%r1),0x170\n"
    "    mvc   16(12,%r1),0xb8\n"
    "1:  ni    0x170,0xfd\n"
    "    ni    0x171,0xfd\n"
    "    lmg   %r1,%r2,0x300\n"
    "    lpswe 0x170\n");
void io_log_entry(void);

/* Enable I/O interruptions for the span of one instruction; returns the
 * address after the enabling STOSM. */
static uint64_t io_window(void)
{
    uint64_t after;
    uint8_t sm;

    asm volatile("  larl  %[a],1f\n"
                 "  stosm %[sm],0x02\n"
                 "1: stnsm %[sm],0xfd\n"
                 : [a] "=&d"(after), [sm] "=Q"(sm) : : "memory");
    return after;
}

/* Start Sense ID on the subchannel and poll until its status is pending. */
static bool start_and_settle(void)
{
    struct schib s;

    prog[0] = (struct ccw1){ 0xe4, CCW_SLI, sizeof(senseid), (uint32_t)(uintptr_t)senseid };
    orb.intparm = 0x5a5a0000u | ISC;
    orb.flags = ORB_FMT1 | ORB_LPM80;
    orb.cpa = (uint32_t)(uintptr_t)prog;
    if (io_ssch(SCHID0, &orb))
        return false;
    for (unsigned i = 0; i < 1000000; i++) {
        if (io_stsch(SCHID0, &s) == 0 && (s.ctrl & 1))
            return true;
    }
    return false;
}

static unsigned tpi(void *where)
{
    uint64_t ipm;

    asm volatile("tpi 0(%[a])\n\tipm %[ipm]" : [ipm] "=d"(ipm) : [a] "a"(where) : "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

static void test_masks(void)
{
    volatile uint64_t *io_new = (volatile uint64_t *)LC_IO_NEW_PSW;
    struct irb irb;
    uint32_t code[3] = { 0, 0, 0xeeeeeeee };
    uint64_t after;

    io_new[0] = PSW_MASK_64;
    io_new[1] = (uintptr_t)io_log_entry;
    rt_check_u64("msch: enabled with isc 5", io_enable(SCHID0, ISC, 0), 0);
    rt_check(start_and_settle(), "sense id started, status pending");
    rt_lctlg(6, CR6_ISC(3));
    io_window();
    rt_check_u64("CR6 masks isc 5: not taken", io_log.n, 0);
    rt_check_u64("CR6 masks isc 5: tpi cc 0", tpi(code), 0);
    rt_lctlg(6, CR6_ISC(3) | CR6_ISC(ISC));
    rt_check_u64("PSW I/O mask off: still pending, nothing taken", io_log.n, 0);
    after = io_window();
    rt_check_u64("both enabled: taken at once", io_log.n, 1);
    rt_check_u64("I/O old PSW: after the enabling STOSM", io_log.rec[0].addr, after);
    rt_check_u64("I/O old PSW: mask with the I/O bit", io_log.rec[0].mask,
                 PSW_MASK_64 | PSW_MASK_IO);
    rt_check_u64("subchannel id at 0xb8", io_log.rec[0].schid, SCHID0);
    rt_check_u64("interruption parameter at 0xbc", io_log.rec[0].param, 0x5a5a0000u | ISC);
    rt_check_u64("isc in the identification word at 0xc0", io_log.rec[0].id, ISC << 27);
    rt_check_u64("tsch: cc 0", io_tsch(SCHID0, &irb), 0);
    rt_check_u64("tsch: device end, channel end", irb.dstat, 0x0c);
    io_window();
    rt_check_u64("no second interruption", io_log.n, 1);
    rt_check_u64("tsch again: cc 1", io_tsch(SCHID0, &irb), 1);
}

static void test_tpi(void)
{
    uint32_t code[3] = { 0, 0, 0xeeeeeeee };
    struct irb irb;

    rt_check(start_and_settle(), "second sense id, status pending");
    *(volatile uint32_t *)LC_SUBCHANNEL_ID = 0;
    *(volatile uint32_t *)LC_IO_PARAM = 0;
    *(volatile uint32_t *)LC_IO_ID = 0;
    rt_check_u64("tpi 0: cc 1", tpi((void *)0), 1);
    rt_check_u64("tpi 0: subchannel id at 0xb8", rt_lc32(LC_SUBCHANNEL_ID), SCHID0);
    rt_check_u64("tpi 0: parameter at 0xbc", rt_lc32(LC_IO_PARAM), 0x5a5a0000u | ISC);
    rt_check_u64("tpi 0: identification word at 0xc0", rt_lc32(LC_IO_ID), ISC << 27);
    io_window();
    rt_check_u64("tpi cleared the interruption: nothing taken", io_log.n, 1);
    rt_check_u64("tpi cleared only the interruption: tsch cc 0", io_tsch(SCHID0, &irb), 0);
    rt_check(start_and_settle(), "third sense id, status pending");
    rt_check_u64("tpi to storage: cc 1", tpi(code), 1);
    rt_check_u64("tpi to storage: subchannel id", code[0], SCHID0);
    rt_check_u64("tpi to storage: parameter", code[1], 0x5a5a0000u | ISC);
    rt_check_u64("tpi to storage: two words only", code[2], 0xeeeeeeee);
    rt_check_u64("tsch: cc 0", io_tsch(SCHID0, &irb), 0);
    rt_check_u64("tpi with nothing pending: cc 0", tpi(code), 0);
}

int main(void)
{
    test_masks();
    test_tpi();
    rt_lctlg(6, 0);
    return 0;
}
