/* PROGRAM CALL exceptions (PoO ch. 5 "PC-Number Translation", ch. 6
 * "LX-Translation", "EX-Translation", "PC-Translation-Specification",
 * "ASX-Translation Exception", "Secondary-Authority Exception", "Space-
 * Switch Event", ch. 10 "PROGRAM CALL", "PROGRAM RETURN"): code, ILC, old
 * PSW and TEID of each, the space-switch event that completes a PC-ss, and
 * PR's translation and authorization of the SASN and PASN it restores.
 * QEMU 7.2 implements neither PC nor PR. */
#include "linkage_exc.h"
#include "pc_common.h"

static const uint8_t PC_R2[] = { 0xb2, 0x18, 0x20, 0x00 };     /* pc 0(%r2) */
static const uint8_t PR[] = { 0x01, 0x01 };
static const uint8_t SSAR_2[] = { 0xb2, 0x25, 0x00, 0x20 };     /* ssar %r2 */

asm("   .text\n"
    "   .globl pc_nop_t\n"
    "pc_nop_t:\n"
    "   .insn e,0x0101\n");
extern char pc_nop_t[];

static void set_entries(void)
{
    pc_setup();
    rt_lctlg(15, ls_section(lsec[0], 0, 2 * LS_ENTRY, 0, 0));
    set_ete(0, (uintptr_t)pc_nop_t, 0x80000000u, 0, ETE_G, 0, 0);
    set_ete(3, (uintptr_t)pc_nop_t, 0x80000000u, 0, 0, 0, 0);
    set_ete(4, 0x01000000u, 0x80000000u, 0, ETE_T, 0, 0);
    set_ete(5, (uintptr_t)pc_nop_t, 0x80000003u, 0, ETE_T | ETE_G, aste_of(3), 0);
    set_ete(8, (uintptr_t)pc_nop_t, 0, 0, ETE_T | ETE_G, 0, 0);
    set_ete(10, (uintptr_t)pc_nop_t, 0x80000002u, 0, ETE_T | ETE_G, aste_of(2), 0);
}

static void test_translation(void)
{
    static const struct exc_case cases[] = {
        { "pc, LX beyond the linkage table", PC_R2, 4, PRIMARY, 0x2000, PGM_LX, 2, true,
          true, 0x2000 },
        { "pc, linkage-table entry invalid", PC_R2, 4, PRIMARY, 0x100, PGM_LX, 2, true, true,
          0x100 },
        { "pc, EX beyond the entry table", PC_R2, 4, PRIMARY, 0x10, PGM_EX, 2, true, true,
          0x10 },
        { "pc, only bits 44-63 are the PC number", PC_R2, 4, PRIMARY, 0x7ff00010, PGM_EX, 2,
          true, true, 0x10 },
        { "pc-ss, ASTE invalid", PC_R2, 4, PRIMARY, 5, PGM_ASX, 2, true, true, 3 },
        { "pc, 24-bit entry address above 16M", PC_R2, 4, PRIMARY, 4, PGM_PC_TRANS_SPEC, 2,
          false, false, 0 },
        { "basic pc into the 31-bit mode from the 64-bit mode", PC_R2, 4, PRIMARY, 3,
          PGM_SPECIAL_OP, 2, false, false, 0 },
        { "basic pc in the AR mode", PC_R2, 4, AR, 0, PGM_SPECIAL_OP, 2, false, false, 0 },
        { "pc, DAT off", PC_R2, 4, DAT_OFF, 0, PGM_SPECIAL_OP, 2, false, false, 0 },
        { "pc, secondary-space mode", PC_R2, 4, SECONDARY, 0, PGM_SPECIAL_OP, 2, false, false, 0 },
        { "pc, home-space mode", PC_R2, 4, HOME, 0, PGM_SPECIAL_OP, 2, false, false, 0 },
    };

    set_entries();
    run_cases(cases, sizeof(cases) / sizeof(cases[0]));
    rt_check_u64("pc exceptions: PASN unchanged", rt_stctg(4), 0x00010001);
}

static void test_controls(void)
{
    static const struct exc_case ltd_off[] = {
        { "pc, subsystem-linkage control 0", PC_R2, 4, PRIMARY, 0, PGM_SPECIAL_OP, 2, false,
          false, 0 },
    };
    static const struct exc_case asnt_off[] = {
        { "pc-ss, ASN-translation control 0", PC_R2, 4, PRIMARY, 10, PGM_SPECIAL_OP, 2,
          false, false, 0 },
    };
    static const struct exc_case full[] = {
        { "stacking pc, stack full", PC_R2, 4, PRIMARY, 10, PGM_STACK_FULL, 2, true, false, 0 },
    };

    set_entries();
    ast[1][6] &= 0x7fffffffu;
    run_cases(ltd_off, 1);
    set_entries();
    rt_lctlg(14, rt_stctg(14) & ~CR14_ASNT);
    run_cases(asnt_off, 1);
    set_entries();
    rt_lctlg(15, ls_section(lsec[0], 0, 0, 0, 0));
    run_cases(full, 1);
    rt_check_u64("stack full: PASN unchanged", rt_stctg(4), 0x00010001);
}

static uint64_t new_psw[2] __attribute__((aligned(16)));

/* BAKR, into the problem state, PC 8 (AKM 0) expecting the privileged-
 * operation exception, PR back. */
static void test_privileged(void)
{
    struct rt_pgm_info pi;
    uint64_t at;
    uint8_t sm;

    set_entries();
    new_psw[0] = 0x0401000180000000ull;        /* DAT, P, EA, BA */
    rt_pgm_arm();
    asm volatile("  stosm %[sm],0x04\n"
                 "  larl  %%r1,2f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[at],1f\n"
                 "  larl  %%r1,9f\n"
                 "  oill  %%r1,1\n"
                 "  bakr  %%r1,0\n"
                 "  larl  %%r1,1f\n"
                 "  stg   %%r1,8(%[p])\n"
                 "  lghi  %%r2,8\n"
                 "  lpswe 0(%[p])\n"
                 "1: pc   0(%%r2)\n"
                 "2: .insn e,0x0101\n"
                 "9: stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [at] "=&a"(at), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [p] "a"(new_psw)
                 : "r0", "r1", "r2", "cc", "memory");
    rt_check(rt_pgm_disarm(&pi) && pi.code == PGM_PRIVILEGED,
             "pc in the problem state, PKM AND AKM zero: privileged operation");
    rt_check(pi.ilc == 2 && pi.addr == at + 4, "privileged operation: ILC 2, old PSW after");
    rt_check_u64("privileged operation: CR15 at the BAKR entry",
                 rt_stctg(15), (uintptr_t)lsec[0] + 8);
}

/* Stacking PC-ss into ASN 2, whose ASCE (or, with @old_sse, the current
 * primary ASCE) has the space-switch-event control on: the PC completes and
 * a space-switch event follows. */
static void test_space_switch_event(bool old_sse)
{
    struct rt_pgm_info pi;
    uint64_t cr4;
    uint8_t sm;

    set_entries();
    if (old_sse)
        rt_lctlg(1, rt_stctg(1) | ASCE_SSE);
    else
        ast[2][3] |= (uint32_t)ASCE_SSE;
    rt_pgm_arm();
    asm volatile("  stosm %[sm],0x04\n"
                 "  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lghi  %%r2,10\n"
                 "  pc    0(%%r2)\n"
                 "1: stnsm %[sm],0xfb\n"
                 "  stctg %%c4,%%c4,%[cr4]\n"
                 : [sm] "=Q"(sm), [cr4] "=Q"(cr4), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 :
                 : "r1", "r2", "cc", "memory");
    rt_checkf(rt_pgm_disarm(&pi) && pi.code == PGM_SPACE_SWITCH,
              "pc-ss, space-switch-event control in the %s ASCE: space-switch event",
              old_sse ? "old" : "new");
    rt_check(pi.ilc == 2 && pi.addr == (uintptr_t)pc_nop_t,
             "space-switch event: PC completed, old PSW at the called program");
    rt_check_u64("space-switch event: TEID old PASN, bit 32 the old control",
                 rt_lc64(LC_TEID), old_sse ? 0x80000001ull : 1);
    rt_check_u64("space-switch event: CR4 of ASN 2", cr4, 0x00020002);
    set_entries();
}

/* A call state entry that restores SASN @sasn and PASN @pasn, current. */
static uint64_t fake_call(uint16_t sasn, uint16_t pasn)
{
    uint8_t *e = lsec[0] + 16;

    ls_section(lsec[0], 0, 2 * LS_ENTRY, 0, 0);
    *(uint64_t *)(e + 128) = 0x8000000000000000ull | (uint64_t)sasn << 32 | pasn;
    ls_ed(e + LS_ED, LSE_CALL, 0, LS_ENTRY, 0);
    rt_lctlg(15, (uintptr_t)e + LS_ED);
    return (uintptr_t)e + LS_ED;
}

static void test_pr_spaces(void)
{
    static const struct exc_case sa[] = {
        { "pr, restored SASN not authorized", PR, 2, PRIMARY, 0, PGM_SECONDARY_AUTH, 1, true,
          true, 4 },
    };
    static const struct exc_case asx[] = {
        { "pr-ss, restored PASN's ASTE invalid", PR, 2, PRIMARY, 0, PGM_ASX, 1, true, true,
          3 },
    };
    static const struct exc_case asnt_off[] = {
        { "pr-ss, ASN-translation control 0", PR, 2, PRIMARY, 0, PGM_SPECIAL_OP, 1, false,
          false, 0 },
    };
    struct spaces before, after;
    struct outcome o;
    uint64_t ed;

    set_entries();
    set_ete(11, (uintptr_t)pc_nop_t, 0x80000000u, 0, ETE_T | ETE_G, 0, 0);
    run(SSAR_2, 4, PRIMARY, 2, 0, &o);
    run(PC_R2, 4, PRIMARY, 11, 0, &o);
    rt_check(!o.fired, "stacking pc-cp with SASN 2, pr: no exception");
    rt_check_u64("pr: SASN 2 restored", rt_stctg(3), 0x80000002);
    rt_check_u64("pr: CR7 from ASTE 2 (SASN translated)", rt_stctg(7), (uintptr_t)stab[S] | 3);

    set_entries();
    ed = fake_call(4, 1);
    get_spaces(&before);
    run_cases(sa, 1);
    get_spaces(&after);
    rt_check(same_spaces(&before, &after), "pr nullified: CR1 CR3 CR4 CR5 CR7 unchanged");
    rt_check_u64("pr nullified: CR15 unchanged", rt_stctg(15), ed);
    fake_call(1, 3);
    run_cases(asx, 1);
    fake_call(2, 2);
    rt_lctlg(14, rt_stctg(14) & ~CR14_ASNT);
    run_cases(asnt_off, 1);
    set_entries();
}

int main(void)
{
    test_translation();
    test_controls();
    test_privileged();
    test_space_switch_event(false);
    test_space_switch_event(true);
    test_pr_spaces();
    return 0;
}
