/* Priority among the program exceptions of one instruction (PoO ch. 6
 * "Multiple Program-Interruption Conditions", figure "Priority of
 * Program-Interruption Conditions"): in the problem state the
 * privileged-operation exception comes before specification and access
 * exceptions of the operand (also under EXECUTE); in the supervisor state
 * a specification exception (alignment, odd register) comes before the
 * operand's access exceptions and before a divide exception. Each time the
 * interruption code and the ILC are checked. */
#include "psw_run.h"

#define BEYOND          0x7fff0000ull   /* above the 128 MiB of storage */

static uint64_t buf[4] __attribute__((aligned(16)));

/* Targets of EXECUTE, out of line. */
asm(".section .text\n"
    "  .balign 2\n"
    "prio_lctlg: lctlg 0,0,1(%r2)\n"
    "prio_ssm:   ssm 0(%r3)\n");

/* Run @insn in the problem state with GR2 = @a and GR3 = @b. */
#define PSTATE_RUN(pi, insn, a, b) do {                                         \
    uint64_t at_;                                                               \
                                                                                \
    PSW_RUN(pi, &at_, PSW_MASK_64 | PSW_MASK_PSTATE, insn, a, b);               \
} while (0)

/* Check that @pi is a program interruption @code with ILC @ilc. */
static void check_pgm(const char *what, const struct rt_pgm_info *pi, unsigned code, unsigned ilc)
{
    rt_checkf(pi->fired && pi->code == code, "%s: code 0x%x (got 0x%x)", what, code,
              pi->fired ? pi->code : 0);
    rt_checkf(pi->ilc == ilc, "%s: ilc %u", what, ilc);
}

static void test_problem_state(void)
{
    struct rt_pgm_info pi;

    PSTATE_RUN(&pi, "lpswe 1(%%r2)", buf, 0);
    check_pgm("problem state, LPSWE misaligned: privileged operation", &pi, PGM_PRIVILEGED, 2);
    PSTATE_RUN(&pi, "lpswe 0(%%r2)", BEYOND, 0);
    check_pgm("problem state, LPSWE beyond storage: privileged operation", &pi,
              PGM_PRIVILEGED, 2);
    PSTATE_RUN(&pi, "lctlg 0,0,4(%%r2)", BEYOND, 0);
    check_pgm("problem state, LCTLG misaligned beyond storage: privileged operation", &pi,
              PGM_PRIVILEGED, 3);
    PSTATE_RUN(&pi, "sske %%r2,%%r3", 0, BEYOND);
    check_pgm("problem state, SSKE beyond storage: privileged operation", &pi,
              PGM_PRIVILEGED, 2);
    PSTATE_RUN(&pi, "stnsm 0(%%r2),0xff", BEYOND, 0);
    check_pgm("problem state, STNSM beyond storage: privileged operation", &pi,
              PGM_PRIVILEGED, 2);
    PSTATE_RUN(&pi, "larl %%r1,prio_lctlg\n\tex %%r0,0(%%r1)", BEYOND, 0);
    check_pgm("problem state, EX of a misaligned LCTLG: privileged operation, ilc of EX", &pi,
              PGM_PRIVILEGED, 2);
    PSTATE_RUN(&pi, "exrl %%r0,prio_ssm", 0, BEYOND);
    check_pgm("problem state, EXRL of SSM beyond storage: privileged operation, ilc of EXRL",
              &pi, PGM_PRIVILEGED, 3);
    PSTATE_RUN(&pi, ".short 0x0000", 0, 0);
    check_pgm("problem state, opcode 00: operation", &pi, PGM_OPERATION, 1);
}

static void lpswe_misaligned_beyond(void *arg)
{
    (void)arg;
    asm volatile("lpswe 0(%0)" : : "a"(BEYOND + 4) : "memory");
}

static void lctlg_misaligned_beyond(void *arg)
{
    (void)arg;
    asm volatile("lctlg 0,0,0(%0)" : : "a"(BEYOND + 4) : "memory");
}

static void cdsg_misaligned_beyond(void *arg)
{
    (void)arg;
    asm volatile("lghi %%r0,0\n\tlghi %%r1,0\n\tcdsg %%r0,%%r0,0(%0)"
                 : : "a"(BEYOND + 8) : "r0", "r1", "cc", "memory");
}

static void dr_odd_zero(void *arg)
{
    (void)arg;
    asm volatile("lghi %%r4,0\n\t.insn rr,0x1d00,%%r3,%%r4" : : : "r3", "r4", "cc");
}

static void d_odd_beyond(void *arg)
{
    (void)arg;
    asm volatile(".insn rx,0x5d000000,%%r3,0(%0)" : : "a"(BEYOND) : "r3", "cc");
}

static void lpq_odd_beyond(void *arg)
{
    (void)arg;
    asm volatile(".insn rxy,0xe3000000008f,%%r3,0(%0)" : : "a"(BEYOND) : "r3", "r4", "memory");
}

/* Run @fn in the supervisor state and check code and ILC. */
static void sup_case(const char *what, void (*fn)(void *), void *arg, unsigned code,
                     unsigned ilc)
{
    struct rt_pgm_info pi;

    rt_pgm_try(fn, arg, &pi);
    check_pgm(what, &pi, code, ilc);
}

static void test_supervisor_state(void)
{
    sup_case("LPSWE misaligned beyond storage: specification", lpswe_misaligned_beyond, NULL,
             PGM_SPECIFICATION, 2);
    sup_case("LCTLG misaligned beyond storage: specification", lctlg_misaligned_beyond, NULL,
             PGM_SPECIFICATION, 3);
    sup_case("CDSG misaligned beyond storage: specification", cdsg_misaligned_beyond, NULL,
             PGM_SPECIFICATION, 3);
    sup_case("DR odd R1, divisor 0: specification before divide", dr_odd_zero, NULL,
             PGM_SPECIFICATION, 1);
    sup_case("D odd R1, operand beyond storage: specification before addressing",
             d_odd_beyond, NULL, PGM_SPECIFICATION, 2);
    sup_case("LPQ odd R1, operand beyond storage: specification before addressing",
             lpq_odd_beyond, NULL, PGM_SPECIFICATION, 3);
}

int main(void)
{
    test_problem_state();
    test_supervisor_state();
    return 0;
}
