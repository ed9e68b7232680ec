/* PERFORM TIMING FACILITY FUNCTION (PoO ch. 10; TOD-clock-steering
 * facility, STFLE bit 28) in the -cpu max model (args.txt): the query
 * functions Linux uses (QAF, QTO, QSI, QPT, QUI) agree with STORE CLOCK, the
 * control functions ATO and STO move the TOD clock, the function-code and
 * block checks, and the privileged control functions. QEMU 7.2 does not
 * implement PTFF: sieve only (qemu-deviations.txt). */
#include "priv_common.h"

#define PGM_PRIV    PGM_PRIVILEGED

static uint64_t blk[40] __attribute__((aligned(8)));

/* PTFF with GR0 = @fc and GR1 = @block. Returns the CC. */
static unsigned ptff(uint64_t fc, void *block)
{
    uint64_t ipm;

    asm volatile("  lgr   %%r0,%[fc]\n"
                 "  lgr   %%r1,%[b]\n"
                 "  .insn e,0x0104\n"
                 "  ipm   %[ipm]\n"
                 : [ipm] "=d"(ipm) : [fc] "d"(fc), [b] "d"(block) : "r0", "r1", "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

static uint64_t stck(void)
{
    uint64_t t;

    asm volatile("stck %0" : "=Q"(t) : : "cc");
    return t;
}

static void test_qaf(void)
{
    static const uint8_t expect[16] = { 0xf8, 0, 0, 0, 0, 0, 0, 0, 0xc0 };
    uint64_t fac[4] = { 0 };
    register uint64_t r0 asm("0") = 3;

    asm volatile("stfle %0" : "=Q"(fac), "+d"(r0) : : "cc");
    rt_check_u64("stfle bit 28: TOD-clock steering", fac[0] >> (63 - 28) & 1, 1);
    memset(blk, 0xff, sizeof(blk));
    rt_check_u64("qaf: cc 0", ptff(0, blk), 0);
    rt_check_mem("qaf: QAF QTO QSI QPT QUI ATO STO", blk, expect, 16);
    rt_check_u64("qaf: 16 bytes stored", blk[2], ~0ull);
}

static void test_qto(void)
{
    uint64_t t1, t2, tod, qpt[1];

    memset(blk, 0xff, sizeof(blk));
    t1 = stck();
    rt_check_u64("qto: cc 0", ptff(1, blk), 0);
    t2 = stck();
    tod = blk[0] + blk[1];
    rt_check(t1 <= tod && tod <= t2, "qto: physical clock + TOD offset between two STCKs");
    rt_check_u64("qto: logical TOD offset = TOD offset", blk[2], blk[1]);
    rt_check_u64("qto: TOD epoch difference 0", blk[3], 0);
    rt_check_u64("qto: 32 bytes stored", blk[4], ~0ull);
    rt_check_u64("qpt: cc 0", ptff(3, qpt), 0);
    rt_check(qpt[0] >= blk[0], "qpt: physical clock not behind QTO's");
    rt_check(qpt[0] + blk[1] >= t2 && qpt[0] + blk[1] <= stck(),
             "qpt: physical clock + offset between two STCKs");
}

static void test_qsi_qui(void)
{
    uint64_t qto[4];

    memset(blk, 0xff, sizeof(blk));
    rt_check_u64("qsi: cc 0", ptff(2, blk), 0);
    rt_check_u64("qto: cc 0", ptff(1, qto), 0);
    rt_check(blk[0] <= qto[0], "qsi: physical clock");
    rt_check_u64("qsi: old episode start 0", blk[1], 0);
    rt_check_u64("qsi: old episode base offset = TOD offset", blk[2], qto[1]);
    rt_check_u64("qsi: old episode rates 0", blk[3], 0);
    rt_check_u64("qsi: new episode start 0", blk[4], 0);
    rt_check_u64("qsi: new episode base offset = TOD offset", blk[5], qto[1]);
    rt_check_u64("qsi: new episode rates 0", blk[6], 0);
    rt_check_u64("qsi: 56 bytes stored", blk[7], ~0ull);
    memset(blk, 0xff, sizeof(blk));
    rt_check_u64("qui: cc 0", ptff(4, blk), 0);
    rt_check(blk[0] == 0 && blk[15] == 0 && blk[31] == 0, "qui: no UTC information (zeros)");
    rt_check_u64("qui: 256 bytes stored", blk[32], ~0ull);
}

static void test_control(void)
{
    const uint64_t delta = 0x0000100000000000ull;      /* about 2.1 days */
    uint64_t qto[4], before, t;

    rt_check_u64("qto: cc 0", ptff(1, qto), 0);
    before = qto[1];
    blk[0] = delta;
    rt_check_u64("ato: cc 0", ptff(0x40, blk), 0);
    t = stck();
    rt_check_u64("qto after ato: cc 0", ptff(1, qto), 0);
    rt_check_u64("ato: TOD offset moved by the operand", qto[1] - before, delta);
    rt_check(t >= qto[0] + before + delta - 0x100000000ull, "ato: STCK moved forward");
    blk[0] = before;
    rt_check_u64("sto: cc 0", ptff(0x41, blk), 0);
    rt_check_u64("qto after sto: cc 0", ptff(1, qto), 0);
    rt_check_u64("sto: TOD offset set", qto[1], before);
    rt_check(stck() < t, "sto: STCK back before the adjusted time");
}

static void ptff_at(void *arg)
{
    uint64_t *a = arg;

    (void)ptff(a[0], (void *)a[1]);
}

asm(".section .text\n"
    "  .balign 2\n"
    "pf_ptff: .insn e,0x0104\n"
    "  .previous\n");
extern const char pf_ptff[];

static void test_checks(void)
{
    uint64_t arg[2] = { 0x80, (uintptr_t)blk };
    struct rt_pgm_info pi;

    rt_check_u64("function 5: cc 3", ptff(5, blk), 3);
    rt_check_u64("function 0x42 (SFS, no steering): cc 3", ptff(0x42, blk), 3);
    rt_check_u64("function 0x7f: cc 3", ptff(0x7f, blk), 3);
    rt_check_u64("bits 0-55 of GR0 ignored", ptff(0xffffffffffffff00ull, blk), 0);
    rt_check_u64("GR0 bit 56: specification", rt_pgm_try(ptff_at, arg, &pi), PGM_SPECIFICATION);
    rt_check_u64("qto in the problem state: allowed",
                 in_problem_state_regs(pf_ptff, 1, (uintptr_t)blk), 0);
    rt_check_u64("ato in the problem state: privileged operation",
                 in_problem_state_regs(pf_ptff, 0x40, (uintptr_t)blk), PGM_PRIV);
}

int main(void)
{
    test_qaf();
    test_qto();
    test_qsi_qui();
    test_control();
    test_checks();
    return 0;
}
