/* DIAGNOSE on a KVM-style machine (PoO ch. 10 "DIAGNOSE": privileged,
 * bits 8-31 model-dependent; here the displacement is the function code):
 * code 0x44 (time-slice end) completes, also under EXECUTE; 0x308
 * subcode 6 (store IPL parameters) answers "no configuration" (0x0102) in
 * R1 + 1 when no IPL block was set, and gives a specification exception
 * for an odd R1, an operand not on a 4K boundary, an unknown subcode or
 * subcode bits above 48-63; 0x500 with an unknown hypercall function and
 * unassigned codes are specification exceptions (suppressed: ILC 2, old
 * PSW past it, ILC of EXECUTE under EX); in the problem state DIAGNOSE is
 * privileged. Left out as model choices where the two machines differ: a
 * base register (sieve adds it, QEMU 7.2 TCG takes the displacement
 * alone) and code 0x9c (QEMU 7.2 TCG: specification). */
#include "psw_run.h"

#define SUP64   PSW_MASK_64

static uint8_t iplb[4096] __attribute__((aligned(4096)));

/* GR3 after the DIAGNOSE text. */
uint64_t diag_r3;

/* Run the DIAGNOSE text @insn with GR2 = @a, GR3 = @b under @mask; check
 * for a program interruption @want (0: none) and return GR3 afterwards. */
#define DIAG_RUN(what, mask, insn, a, b, want) ({                               \
    struct rt_pgm_info pi_;                                                     \
    uint64_t at_;                                                               \
    diag_r3 = 0xdead;                                                           \
    PSW_RUN(&pi_, &at_, mask, insn "\n larl %%r1,diag_r3\n stg %%r3,0(%%r1)", a, b); \
    rt_checkf((pi_.fired ? pi_.code : 0) == (want), "%s: code 0x%x (got 0x%x)", what, \
              (unsigned)(want), pi_.fired ? pi_.code : 0);                      \
    diag_r3;                                                                    \
})

static void test_codes(void)
{
    uint64_t r;

    DIAG_RUN("diag 0x44", SUP64, "diag 0,0,0x44", 0, 0, 0);
    r = DIAG_RUN("diag 0x308 store", SUP64, "diag %%r2,%%r3,0x308", iplb, 6, 0);
    rt_check_u64("diag 0x308 store: no IPL block, rc 0x0102 in R1 + 1", r, 0x0102);
    DIAG_RUN("diag 0x308 odd R1", SUP64, "diag %%r3,%%r3,0x308", 0, 6, PGM_SPECIFICATION);
    DIAG_RUN("diag 0x308 store, operand not on 4K", SUP64, "diag %%r2,%%r3,0x308", iplb + 8, 6,
             PGM_SPECIFICATION);
    DIAG_RUN("diag 0x308 subcode 7", SUP64, "diag %%r2,%%r3,0x308", iplb, 7, PGM_SPECIFICATION);
    DIAG_RUN("diag 0x308 subcode 0x10006", SUP64, "diag %%r2,%%r3,0x308", iplb, 0x10006,
             PGM_SPECIFICATION);
    DIAG_RUN("diag 0x500 function 99", SUP64, "lghi %%r1,99\n diag 0,0,0x500", 0, 0,
             PGM_SPECIFICATION);
    DIAG_RUN("diag 0x258", SUP64, "diag 0,0,0x258", 0, 0, PGM_SPECIFICATION);
    DIAG_RUN("diag 0x10 (problem state)", SUP64 | PSW_MASK_PSTATE, "diag 0,0,0x10", 0, 0,
             PGM_PRIVILEGED);
    DIAG_RUN("diag 0x44 (problem state)", SUP64 | PSW_MASK_PSTATE, "diag 0,0,0x44", 0, 0,
             PGM_PRIVILEGED);
}

/* EXECUTE targets. */
asm("    .text\n"
    "    .globl diag_t258\n"
    "diag_t258: diag 0,0,0x258\n"
    "    .globl diag_t44\n"
    "diag_t44: diag 0,0,0x44\n");
extern const char diag_t258[], diag_t44[];

/* ILC and old PSW of a rejected DIAGNOSE, direct and under EXECUTE. */
static void test_ilc(void)
{
    struct rt_pgm_info pi;
    uint64_t at;

    PSW_RUN(&pi, &at, SUP64, "diag 0,0,0x258", 0, 0);
    rt_checkf(pi.fired && pi.ilc == 2 && pi.addr == at + 4, "diag 0x258: ilc 2, old PSW past it");
    PSW_RUN(&pi, &at, SUP64, "ex 0,0(%%r2)", diag_t258, 0);
    rt_checkf(pi.fired && pi.code == PGM_SPECIFICATION && pi.ilc == 2 && pi.addr == at + 4,
              "ex of diag 0x258: specification, ilc 2, old PSW past the ex");
    PSW_RUN(&pi, &at, SUP64 | PSW_MASK_PSTATE, "ex 0,0(%%r2)", diag_t44, 0);
    rt_checkf(pi.fired && pi.code == PGM_PRIVILEGED && pi.ilc == 2,
              "ex of diag 0x44 in the problem state: privileged, ilc 2");
    PSW_RUN(&pi, &at, SUP64, "ex 0,0(%%r2)", diag_t44, 0);
    rt_check(!pi.fired, "ex of diag 0x44: completes");
}

int main(void)
{
    test_codes();
    test_ilc();
    return 0;
}
