/* Instruction-length code and program old PSW (PoO ch. 6 "Instruction-
 * Length Code", "Program Interruption", ch. 5 "Types of Instruction
 * Ending"): for suppressing exceptions (operation, privileged operation,
 * specification, fixed-point divide, data by COMPARE AND TRAP) of 2-, 4-
 * and 6-byte instructions the ILC is the instruction's length in halfwords
 * and the old PSW points past it; under EXECUTE (ILC 2) and EXECUTE
 * RELATIVE LONG (ILC 3) the ILC and the old PSW are those of the execute
 * instruction. For a nullifying page-translation exception the old PSW
 * points at the instruction itself, also at the EXECUTE of the target. */
#include "dat_common.h"

static uint64_t stab[2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));
static uint64_t zero_dw __attribute__((aligned(8)));
uint64_t ilc_sm_save;                   /* STOSM/STNSM operand */

/* The page made invalid for the nullification cases. */
static uint8_t hole[4096] __attribute__((aligned(4096)));

/*
 * Run @pre then @insn (at label 1, its address in *at) with an interruption
 * expected, then @post; resumes at label 2. GR2 = @a on entry to @pre.
 */
#define ILC_RUN(pi, at, pre, insn, post, a) do {                                \
    rt_pgm_arm();                                                               \
    asm volatile("  larl  %%r1,2f\n"                                            \
                 "  stg   %%r1,%[slot]\n"                                       \
                 "  larl  %[where],1f\n"                                        \
                 "  lgr   %%r2,%[va]\n"                                         \
                 pre "\n"                                                       \
                 "1: " insn "\n"                                                \
                 "2: " post "\n"                                                \
                 : [where] "=&d"(*(at)), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME) \
                 : [va] "d"((uint64_t)(a))                                      \
                 : "r0", "r1", "r2", "r3", "r4", "r5", "cc", "memory");         \
    rt_pgm_disarm(pi);                                                          \
} while (0)

/* Check code, ILC and the old PSW address (@at + @off). */
static void check(const char *what, const struct rt_pgm_info *pi, uint64_t at, unsigned code,
                  unsigned ilc, unsigned off)
{
    rt_checkf(pi->fired && pi->code == code, "%s: code 0x%x (got 0x%x)", what, code,
              pi->fired ? pi->code : 0);
    rt_check_u64(what, pi->ilc, ilc);
    rt_checkf(pi->addr == at + off, "%s: old PSW at instruction + %u", what, off);
}

static void test_direct(void)
{
    struct rt_pgm_info pi;
    uint64_t at;

    ILC_RUN(&pi, &at, "", ".short 0x0000", "", 0);
    check("2-byte operation", &pi, at, PGM_OPERATION, 1, 2);
    ILC_RUN(&pi, &at, "lghi %%r2,7", ".insn rr,0x1d00,%%r3,%%r2", "", 0);
    check("dr odd r1: specification", &pi, at, PGM_SPECIFICATION, 1, 2);
    ILC_RUN(&pi, &at, "lghi %%r2,0\n lghi %%r5,1", "dr %%r4,%%r2", "", 0);
    check("dr by zero: fixed-point divide", &pi, at, PGM_FIXED_DIVIDE, 1, 2);
    ILC_RUN(&pi, &at, "", ".insn rx,0x5d000000,%%r3,0(%%r2)", "", &zero_dw);
    check("d odd r1: specification", &pi, at, PGM_SPECIFICATION, 2, 4);
    ILC_RUN(&pi, &at, "lghi %%r5,1", "d %%r4,0(%%r2)", "", &zero_dw);
    check("d by zero: fixed-point divide", &pi, at, PGM_FIXED_DIVIDE, 2, 4);
    ILC_RUN(&pi, &at, "lghi %%r3,5", "crt %%r3,%%r3,8", "", 0);
    check("crt: data", &pi, at, PGM_DATA, 2, 4);
    ILC_RUN(&pi, &at, "", ".insn rxy,0xe3000000000d,%%r3,0(%%r2)", "", &zero_dw);
    check("dsg odd r1: specification", &pi, at, PGM_SPECIFICATION, 3, 6);
    ILC_RUN(&pi, &at, "lghi %%r5,1", "dsg %%r4,0(%%r2)", "", &zero_dw);
    check("dsg by zero: fixed-point divide", &pi, at, PGM_FIXED_DIVIDE, 3, 6);
    ILC_RUN(&pi, &at, "lghi %%r3,5", "cgit %%r3,5,8", "", 0);
    check("cgit: data", &pi, at, PGM_DATA, 3, 6);
    rt_check_u64("cgit: dxc ff", rt_lc8(0x93), 0xff);
}

/* The same exceptions in the target of EX and EXRL (the target is skipped
 * over by a branch and reached only by the execute instruction). */
static void test_execute(void)
{
    struct rt_pgm_info pi;
    uint64_t at;

    ILC_RUN(&pi, &at, "j 3f\n4: .short 0x0000\n3: larl %%r1,4b", "ex %%r0,0(%%r1)", "", 0);
    check("ex of an invalid opcode", &pi, at, PGM_OPERATION, 2, 4);
    ILC_RUN(&pi, &at, "j 3f\n4: .short 0x0000\n3:", "exrl %%r0,4b", "", 0);
    check("exrl of an invalid opcode", &pi, at, PGM_OPERATION, 3, 6);
    ILC_RUN(&pi, &at, "lghi %%r2,7\n j 3f\n4: .insn rr,0x1d00,%%r3,%%r2\n3: larl %%r1,4b",
            "ex %%r0,0(%%r1)", "", 0);
    check("ex of dr odd r1", &pi, at, PGM_SPECIFICATION, 2, 4);
    ILC_RUN(&pi, &at, "lghi %%r5,1\n j 3f\n4: d %%r4,0(%%r2)\n3:", "exrl %%r0,4b", "",
            &zero_dw);
    check("exrl of d by zero", &pi, at, PGM_FIXED_DIVIDE, 3, 6);
    ILC_RUN(&pi, &at, "j 3f\n4: .insn rxy,0xe3000000000d,%%r3,0(%%r2)\n3: larl %%r1,4b",
            "ex %%r0,0(%%r1)", "", &zero_dw);
    check("ex of dsg odd r1", &pi, at, PGM_SPECIFICATION, 2, 4);
    ILC_RUN(&pi, &at, "lghi %%r3,5\n j 3f\n4: cgit %%r3,5,8\n3:", "exrl %%r0,4b", "", 0);
    check("exrl of cgit", &pi, at, PGM_DATA, 3, 6);
}

/* Page-translation exceptions nullify: the old PSW designates the
 * instruction (or the execute instruction), the ILC is still its length. */
static void test_nullifying(void)
{
    uint64_t page = (uint64_t)(uintptr_t)hole;
    struct rt_pgm_info pi;
    uint64_t at;

    ident_map_16m(stab, ptab);
    ptab[page >> 20][(page >> 12) & 0xff] |= PTE_I;
    rt_lctlg(1, (uint64_t)(uintptr_t)stab | ASCE_TL(3));
    asm volatile("ptlb" : : : "memory");

#define DAT_ON  "stosm 0(%%r1),0x04\n"
#define DAT_OFF "stnsm 0(%%r1),0xfb"
    ILC_RUN(&pi, &at, "larl %%r1,ilc_sm_save\n" DAT_ON, "l %%r3,0(%%r2)",
            "larl %%r1,ilc_sm_save\n" DAT_OFF, page);
    check("l from an invalid page: nullified", &pi, at, PGM_PAGE_TRANS, 2, 0);
    rt_check((pi.mask & PSW_MASK_DAT) != 0, "l: old PSW has DAT on");
    ILC_RUN(&pi, &at, "larl %%r1,ilc_sm_save\n" DAT_ON, "lg %%r3,8(%%r2)",
            "larl %%r1,ilc_sm_save\n" DAT_OFF, page);
    check("lg from an invalid page: nullified", &pi, at, PGM_PAGE_TRANS, 3, 0);
    ILC_RUN(&pi, &at, "larl %%r1,ilc_sm_save\n" DAT_ON "j 3f\n4: st %%r3,0(%%r2)\n3: larl %%r1,4b",
            "ex %%r0,0(%%r1)", "larl %%r1,ilc_sm_save\n" DAT_OFF, page);
    check("ex of st to an invalid page: nullified", &pi, at, PGM_PAGE_TRANS, 2, 0);
    ILC_RUN(&pi, &at, "larl %%r1,ilc_sm_save\n" DAT_ON "j 3f\n4: mvi 16(%%r2),1\n3:",
            "exrl %%r0,4b", "larl %%r1,ilc_sm_save\n" DAT_OFF, page);
    check("exrl of mvi to an invalid page: nullified", &pi, at, PGM_PAGE_TRANS, 3, 0);
    rt_check_u64("teid of the exrl target's operand", rt_lc64(LC_TEID) & TEID_MASK & ~0xfffull,
                 page);
#undef DAT_ON
#undef DAT_OFF
}

int main(void)
{
    test_direct();
    test_execute();
    test_nullifying();
    return 0;
}
