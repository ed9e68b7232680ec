/* I/O instructions for channel paths and adapters on a machine without
 * channel-path resets pending and without QDIO devices (PoO ch. 14 "SET
 * ADDRESS LIMIT", "STORE CHANNEL PATH STATUS", "RESET CHANNEL PATH"; SIGNAL
 * ADAPTER of the QDIO architecture), where sieve and QEMU 7.2 agree; the
 * stored channel-path status and the alignment QEMU does not check are in
 * sysmisc_strict. No devices are configured: CHPID 0 is not installed. */
#include "priv_common.h"

#define PGM_OPERAND_EXC 0x15

static uint8_t cps[64] __attribute__((aligned(32)));

/* The instructions under test, run by EXECUTE. */
asm(".section .text\n"
    "  .balign 2\n"
    "sm_sal:   .insn s,0xb2370000,0\n"
    "sm_stcps: .insn s,0xb23a0000,0\n"
    "sm_rchp:  .insn s,0xb23b0000,0\n"
    "sm_siga:  .insn s,0xb2740000,0\n"
    "  .previous\n");
extern const char sm_sal[], sm_stcps[], sm_rchp[], sm_siga[];

/* EXECUTE @insn with GR1 = @gr1 and CC @cc before. Returns the CC after. */
static unsigned ex_gr1(const char *insn, uint64_t gr1, unsigned cc)
{
    uint64_t ipm;

    rt_set_cc(cc);
    asm volatile("  lgr   %%r1,%[g]\n"
                 "  ex    0,0(%[t])\n"
                 "  ipm   %[ipm]\n"
                 : [ipm] "=d"(ipm) : [g] "d"(gr1), [t] "a"(insn) : "r1", "cc");
    return rt_cc_from_ipm(ipm);
}

static unsigned sal(uint64_t gr1, unsigned cc)
{
    return ex_gr1(sm_sal, gr1, cc);
}

static void sal_bad(void *arg)
{
    (void)sal((uintptr_t)arg, 0);
}

static unsigned rchp(uint64_t gr1)
{
    return ex_gr1(sm_rchp, gr1, 0);
}

static void rchp_bad(void *arg)
{
    (void)rchp((uintptr_t)arg);
}

static void test_sal(void)
{
    struct rt_pgm_info pi;

    rt_check_u64("sal limit 0: cc 2 unchanged", sal(0, 2), 2);
    rt_check_u64("sal limit 7fff0000: cc 1 unchanged", sal(0x7fff0000, 1), 1);
    rt_check_u64("sal ignores bits 0-31", sal(0xffffffff00000000ull, 3), 3);
    rt_check_u64("sal bit 32: operand", rt_pgm_try(sal_bad, (void *)0x80000000ul, &pi),
                 PGM_OPERAND_EXC);
    rt_check_u64("sal bit 63: operand", rt_pgm_try(sal_bad, (void *)1ul, &pi),
                 PGM_OPERAND_EXC);
}

static void test_stcps(void)
{
    uint64_t ipm;

    rt_set_cc(1);
    asm volatile("  .insn s,0xb23a0000,0(%[a])\n"
                 "  ipm   %[ipm]\n"
                 : [ipm] "=d"(ipm) : [a] "a"(cps) : "cc", "memory");
    rt_check_u64("stcps: cc 1 unchanged", rt_cc_from_ipm(ipm), 1);
}

static void test_rchp(void)
{
    struct rt_pgm_info pi;
    uint32_t crw = 0xffffffff;
    uint64_t ipm;

    rt_check_u64("rchp chpid 0 not installed: cc 3", rchp(0), 3);
    rt_check_u64("rchp chpid 0x25: cc 3", rchp(0x25), 3);
    rt_check_u64("rchp ignores bits 0-31", rchp(0xffffffff00000000ull), 3);
    rt_check_u64("rchp css image 1: operand", rt_pgm_try(rchp_bad, (void *)0x10000ul, &pi),
                 PGM_OPERAND_EXC);
    rt_check_u64("rchp bit 55: operand", rt_pgm_try(rchp_bad, (void *)0x100ul, &pi),
                 PGM_OPERAND_EXC);
    rt_check_u64("rchp bit 39: operand", rt_pgm_try(rchp_bad, (void *)0x1000000ul, &pi),
                 PGM_OPERAND_EXC);
    asm volatile("  stcrw %[c]\n"
                 "  ipm   %[ipm]\n"
                 : [c] "=Q"(crw), [ipm] "=d"(ipm) : : "cc");
    rt_check(rt_cc_from_ipm(ipm) == 1 && crw == 0, "no channel report after rchp cc 3");
}

static void test_siga(void)
{
    for (unsigned fc = 0; fc < 3; fc++) {
        uint64_t ipm;

        asm volatile("  lgr   %%r0,%[fc]\n"
                     "  llilf %%r1,0x10000\n"
                     "  .insn s,0xb2740000,0\n"
                     "  ipm   %[ipm]\n"
                     : [ipm] "=d"(ipm) : [fc] "d"((uint64_t)fc) : "r0", "r1", "cc");
        rt_checkf(rt_cc_from_ipm(ipm) == 3, "siga function %u: cc 3, no QDIO subchannel", fc);
    }
}


static void test_privileged(void)
{
    static const struct {
        const char *name;
        const char *insn;
    } insns[] = {
        { "sal", sm_sal }, { "stcps", sm_stcps }, { "rchp", sm_rchp }, { "siga", sm_siga },
    };

    for (unsigned i = 0; i < sizeof(insns) / sizeof(insns[0]); i++)
        rt_checkf(in_problem_state(insns[i].insn) == PGM_PRIVILEGED,
                  "%s in the problem state: privileged operation", insns[i].name);
}

int main(void)
{
    test_sal();
    test_stcps();
    test_rchp();
    test_siga();
    test_privileged();
    return 0;
}
