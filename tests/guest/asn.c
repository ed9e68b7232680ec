/* ASN translation and authorization through SET SECONDARY ASN, PROGRAM
 * TRANSFER and LOAD ADDRESS SPACE PARAMETERS (PoO ch. 5 "ASN Translation",
 * "ASN Authorization", ch. 6 "AFX-Translation", "ASX-Translation",
 * "Primary-Authority", "Secondary-Authority Exception", ch. 10 "SET
 * SECONDARY ASN", "PROGRAM TRANSFER", "LOAD ADDRESS SPACE PARAMETERS"): the
 * control registers each loads, the spaces that follow, the exceptions with
 * TEID, ILC and old PSW, and LASP's condition codes. QEMU 7.2 implements
 * none of SSAR, PT, LASP. */
#include "linkage_exc.h"

static const uint8_t SSAR_2[] = { 0xb2, 0x25, 0x00, 0x20 };
static const uint8_t PT_2_4[] = { 0xb2, 0x28, 0x00, 0x24 };

static void test_ssar(void)
{
    struct outcome o;

    asn_setup();
    rt_lctlg(3, 0x80000005ull);
    rt_lctlg(7, (uintptr_t)stab[S] | 3);
    run(SSAR_2, 4, PRIMARY, 1, 0, &o);
    rt_check(!o.fired, "ssar-cp: no exception");
    rt_check_u64("ssar-cp: SASN = PASN", rt_stctg(3), 0x80000001);
    rt_check_u64("ssar-cp: CR7 = CR1", rt_stctg(7), (uintptr_t)stab[P] | 3);
    rt_lctlg(7, (uintptr_t)stab[H] | 3);
    run(SSAR_2, 4, PRIMARY, 0xffff0002, 0, &o);
    rt_check(!o.fired, "ssar-ss to ASN 2: no exception");
    rt_check_u64("ssar-ss: SASN 2 (R1 bits 48-63)", rt_stctg(3), 0x80000002);
    rt_check_u64("ssar-ss: CR7 from ASTE 2", rt_stctg(7), (uintptr_t)stab[S] | 3);
    memset(buf, 0, 16);
    rt_check_u64("mvcp after ssar-ss: cc 0", mvcp_mvcs(false, 16), 0);
    rt_check_mem("mvcp: VBASE of ASN 2's space", buf, page[S], 16);
}

static void test_ssar_exc(void)
{
    static const struct exc_case cases[] = {
        { "ssar, AFX invalid", SSAR_2, 4, PRIMARY, 0x40, PGM_AFX, 2, true, true, 0x40 },
        { "ssar, ASX invalid", SSAR_2, 4, PRIMARY, 3, PGM_ASX, 2, true, true, 3 },
        { "ssar, authority-table bit S zero", SSAR_2, 4, PRIMARY, 4, PGM_SECONDARY_AUTH, 2,
          true, true, 4 },
        { "ssar, DAT off", SSAR_2, 4, DAT_OFF, 2, PGM_SPECIAL_OP, 2, false, false, 0 },
    };
    static const struct exc_case ax_out[] = {
        { "ssar, AX beyond the authority table", SSAR_2, 4, PRIMARY, 2, PGM_SECONDARY_AUTH, 2,
          true, true, 2 },
    };
    static const struct exc_case asnt_off[] = {
        { "ssar-ss, ASN-translation control 0", SSAR_2, 4, PRIMARY, 2, PGM_SPECIAL_OP, 2,
          false, false, 0 },
    };
    struct spaces before, after;
    struct outcome o;

    asn_setup();
    get_spaces(&before);
    run_cases(cases, sizeof(cases) / sizeof(cases[0]));
    get_spaces(&after);
    rt_check(same_spaces(&before, &after), "ssar exceptions: CR1 CR3 CR4 CR5 CR7 unchanged");
    rt_lctlg(4, 0x00100001ull);
    run_cases(ax_out, 1);
    asn_setup();
    rt_lctlg(14, rt_stctg(14) & ~CR14_ASNT);
    run_cases(asnt_off, 1);
    run(SSAR_2, 4, PRIMARY, 1, 0, &o);
    rt_check(!o.fired, "ssar-cp with the ASN-translation control 0: no exception");
    asn_setup();
}

/* PT R2, R4 with DAT on: R2 = @r2, R4 the address of the instruction after
 * the PT, with bit 63 @prob. Returns the doubleword at VBASE + 8 read right
 * after the PT. */
static uint64_t pt_to(uint64_t r2)
{
    uint64_t v;
    uint8_t sm;

    asm volatile("  stosm %[sm],0x04\n"
                 "  lgr   %%r2,%[r]\n"
                 "  larl  %%r4,1f\n"
                 "  pt    %%r2,%%r4\n"
                 "1: llilh %%r1,0x4000\n"
                 "  lg    %[v],8(%%r1)\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [v] "=d"(v)
                 : [r] "d"(r2)
                 : "r1", "r2", "r4", "cc", "memory");
    return v;
}

static void test_pt(void)
{
    struct spaces s;

    asn_setup();
    rt_lctlg(3, 0xc0000005ull);
    rt_lctlg(7, (uintptr_t)stab[S] | 3);
    rt_check_u64("pt-cp: VBASE of the primary space", pt_to(0x80000001ull), 1ull << 32 | 1);
    rt_check_u64("pt-cp: PKM ANDed, SASN = PASN", rt_stctg(3), 0x80000001);
    rt_check_u64("pt-cp: CR7 = CR1", rt_stctg(7), (uintptr_t)stab[P] | 3);
    rt_check_u64("pt-ss to ASN 2: VBASE of ASN 2's space", pt_to(0xffff0002ull), 2ull << 32 | 1);
    get_spaces(&s);
    check_space2("pt-ss (PKM ANDed with ones, SASN = PASN)", &s, 0x80000002,
                 (uintptr_t)stab[S] | 3);
    rt_check_u64("pt-ss back to ASN 1", pt_to(0x80000001ull), 1ull << 32 | 1);
    rt_check_u64("pt-ss back: CR4 AX 1, PASN 1", rt_stctg(4), 0x00010001);
    rt_check_u64("pt-ss back: CR5 ASTE 1", rt_stctg(5), aste_of(1));
}

static void test_pt_exc(void)
{
    static const struct exc_case cases[] = {
        { "pt, AFX invalid", PT_2_4, 4, PRIMARY, 0xffff0040, PGM_AFX, 2, true, true, 0x40 },
        { "pt, ASX invalid", PT_2_4, 4, PRIMARY, 0xffff0003, PGM_ASX, 2, true, true, 3 },
        { "pt, authority-table bit P zero", PT_2_4, 4, PRIMARY, 0xffff0004, PGM_PRIMARY_AUTH,
          2, true, true, 4 },
        { "pt, AR mode", PT_2_4, 4, AR, 0xffff0001, PGM_SPECIAL_OP, 2, false, false, 0 },
        { "pt, secondary-space mode", PT_2_4, 4, SECONDARY, 0xffff0001, PGM_SPECIAL_OP, 2,
          false, false, 0 },
        { "pt, DAT off", PT_2_4, 4, DAT_OFF, 0xffff0001, PGM_SPECIAL_OP, 2, false, false, 0 },
    };
    static const struct exc_case ltd_off[] = {
        { "pt, subsystem-linkage control 0", PT_2_4, 4, PRIMARY, 0xffff0001, PGM_SPECIAL_OP,
          2, false, false, 0 },
    };
    struct spaces before, after;

    asn_setup();
    get_spaces(&before);
    run_cases(cases, sizeof(cases) / sizeof(cases[0]));
    get_spaces(&after);
    rt_check(same_spaces(&before, &after), "pt exceptions: CR1 CR3 CR4 CR5 CR7 unchanged");
    ast[1][6] &= 0x7fffffffu;
    run_cases(ltd_off, 1);
    asn_setup();
}

/* BAKR; PT to the problem state (bit 63 of R4); there EPSW and a PT back
 * to the supervisor state (privileged operation, resumed after it); PR.
 * Returns EPSW's bits 0-31 in the problem state. */
static uint32_t pt_problem(struct rt_pgm_info *pi, uint64_t *at)
{
    uint64_t epsw = 0;
    uint8_t sm;

    rt_pgm_arm();
    asm volatile("  stosm %[sm],0x04\n"
                 "  larl  %[at],2f\n"
                 "  larl  %%r1,3f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %%r1,9f\n"
                 "  oill  %%r1,1\n"
                 "  bakr  %%r1,0\n"
                 "  iilf  %%r2,0x80000001\n"
                 "  larl  %%r4,1f\n"
                 "  oill  %%r4,1\n"
                 "  pt    %%r2,%%r4\n"
                 "1: epsw %%r5,%%r0\n"
                 "  st    %%r5,0(%[e])\n"
                 "  larl  %%r4,3f\n"
                 "2: pt   %%r2,%%r4\n"
                 "3: .insn e,0x0101\n"
                 "9: stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [at] "=&a"(*at), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [e] "a"((uint32_t *)&epsw + 1)
                 : "r0", "r1", "r2", "r4", "r5", "cc", "memory");
    rt_pgm_disarm(pi);
    return (uint32_t)epsw;
}

static void test_pt_problem(void)
{
    struct rt_pgm_info pi;
    uint64_t at;
    uint32_t m;

    asn_setup();
    rt_lctlg(15, ls_section(lsec[0], 0, LS_ENTRY, 0, 0));
    m = pt_problem(&pi, &at);
    rt_check_u64("pt with R2 bit 63 one: problem state", m >> 16 & 1, 1);
    rt_check(pi.fired && pi.code == PGM_PRIVILEGED,
             "pt to the supervisor state from the problem state: privileged operation");
    rt_check(pi.ilc == 2 && pi.addr == at + 4, "privileged operation: ILC 2, old PSW after");
    rt_check_u64("pr afterwards: stack empty", rt_stctg(15), (uintptr_t)lsec[0] + 8);
}

/* PT R2, R4 in the 31-bit mode with R4 = @r4 (bit 32 zero: 24-bit mode).
 * Returns the interruption code or 0. */
static unsigned pt_amode(uint64_t r4, struct rt_pgm_info *pi, uint64_t *at)
{
    uint8_t sm;

    rt_pgm_arm();
    asm volatile("  stosm %[sm],0x04\n"
                 "  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[at],0f\n"
                 "  iilf  %%r2,0x80000001\n"
                 "  lgr   %%r4,%[r]\n"
                 "  sam31\n"
                 "0: pt   %%r2,%%r4\n"
                 "1: sam64\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [at] "=&a"(*at), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [r] "d"(r4)
                 : "r1", "r2", "r4", "cc", "memory");
    return rt_pgm_disarm(pi) ? pi->code : 0;
}

static void test_pt_amode(void)
{
    struct rt_pgm_info pi;
    uint64_t at;

    asn_setup();
    rt_check_u64("pt, 24-bit target above 16M: specification",
                 pt_amode(0x01000000ull, &pi, &at), PGM_SPECIFICATION);
    rt_check(pi.ilc == 2 && pi.addr == at + 4, "specification: ILC 2, old PSW after");
}

/* LASP with the doubleword @op and function bits @fn, DAT off. Returns the
 * CC, or 0x100 + the interruption code. */
static unsigned lasp(uint64_t op, unsigned fn, bool misalign)
{
    static uint64_t operand[2] __attribute__((aligned(8)));
    struct rt_pgm_info pi;
    uint64_t ipm = 0;

    operand[0] = op;
    operand[1] = op;
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  .insn sse,0xe50000000000,0(%[a]),0(%[f])\n"
                 "  ipm   %[ipm]\n"
                 "1:\n"
                 : [ipm] "+d"(ipm), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [a] "a"((uint8_t *)operand + (misalign ? 4 : 0)), [f] "a"((uint64_t)fn)
                 : "r1", "cc", "memory");
    if (rt_pgm_disarm(&pi))
        return 0x100 + pi.code;
    return rt_cc_from_ipm(ipm);
}

static uint32_t duct[16] __attribute__((aligned(64)));

/* A dispatchable unit whose base space is ASN 2 (its ASCE with the
 * subspace-group bit), subspace active with the subspace ASTE 5 (the home
 * tables, sequence number @sn5; DUCT word 3 holds 0x55). */
static void set_subspace(uint32_t sn5, bool valid)
{
    asn_setup();
    ast[2][3] |= 0x200;                                  /* G: bit 54 */
    set_aste(5, 5, atab[0], (uintptr_t)stab[H] | 3, sn5);
    if (!valid)
        ast[5][0] |= 0x80000000u;
    memset(duct, 0, sizeof(duct));
    duct[0] = aste_of(2);
    duct[1] = 0x80000000u | aste_of(5);
    duct[3] = 0x55;
    rt_lctlg(2, (uintptr_t)duct);
}

static void test_subspace(void)
{
    static const struct exc_case seq[] = {
        { "ssar, subspace ASTE sequence number differs", SSAR_2, 4, PRIMARY, 2, 0x2c, 2, true,
          false, 0 },
    };
    static const struct exc_case val[] = {
        { "ssar, subspace ASTE invalid", SSAR_2, 4, PRIMARY, 2, 0x2b, 2, true, false, 0 },
    };
    struct outcome o;

    set_subspace(0x55, true);
    run(SSAR_2, 4, PRIMARY, 2, 0, &o);
    rt_check(!o.fired, "ssar-ss to the base space of a subspace-active unit");
    rt_check_u64("subspace replacement: CR7 the subspace's ASCE, G bit from it",
                 rt_stctg(7), (uintptr_t)stab[H] | 3);
    memset(buf, 0, 16);
    mvcp_mvcs(false, 16);
    rt_check_mem("mvcp: VBASE of the subspace", buf, page[H], 16);
    set_subspace(0x56, true);
    run_cases(seq, 1);
    set_subspace(0x55, false);
    run_cases(val, 1);
    rt_lctlg(2, 0);
    asn_setup();
}

static void test_pt_space_switch_event(void)
{
    struct rt_pgm_info pi;
    uint64_t v;

    asn_setup();
    ast[2][3] |= (uint32_t)ASCE_SSE;
    rt_pgm_arm();
    v = pt_to(0xffff0002ull);
    rt_check(rt_pgm_disarm(&pi) && pi.code == PGM_SPACE_SWITCH,
             "pt-ss, space-switch-event control in the new ASCE: space-switch event");
    rt_check(pi.ilc == 2, "space-switch event: ILC 2");
    rt_check_u64("space-switch event: TEID old PASN", rt_lc64(LC_TEID), 1);
    rt_check_u64("space-switch event: PT completed, in ASN 2's space", v, 2ull << 32 | 1);
    asn_setup();
}

static void test_lasp(void)
{
    const uint64_t op2 = 0x8000000200030002ull;     /* PKM, SASN 2, AX-d 3, PASN 2 */
    struct spaces before, after;

    asn_setup();
    rt_check_u64("lasp PASN-d 2: cc 0", lasp(op2, 0, false), 0);
    get_spaces(&after);
    check_space2("lasp (PKM-d, SASN-d = PASN-d, AX of ASTE 2)", &after, 0x80000002,
                 (uintptr_t)stab[S] | 3);
    asn_setup();
    rt_check_u64("lasp, function bit 62: cc 0", lasp(op2, 2, false), 0);
    rt_check_u64("lasp, function bit 62: AX-d in CR4", rt_stctg(4), 0x00030002);
    asn_setup();
    get_spaces(&before);
    rt_check_u64("lasp, PASN-d's ASTE invalid: cc 1", lasp(0x8000000100000003ull, 0, false),
                 1);
    rt_check_u64("lasp, SASN-d's AFTE invalid: cc 2", lasp(0x8000004000000001ull, 0, false),
                 2);
    rt_check_u64("lasp, SASN-d not authorized: cc 2", lasp(0x8000000400000001ull, 0, false),
                 2);
    ast[2][3] |= (uint32_t)ASCE_SSE;
    rt_check_u64("lasp, space-switch-event control in ASTE 2: cc 3", lasp(op2, 0, false), 3);
    get_spaces(&after);
    rt_check(same_spaces(&before, &after), "lasp cc 1-3: control registers unchanged");
    asn_setup();
    rt_check_u64("lasp, function bit 63: SASN-d 4 without authorization: cc 0",
                 lasp(0x8000000400010001ull, 1, false), 0);
    rt_check_u64("lasp, function bit 63: CR7 from ASTE 4", rt_stctg(7), (uintptr_t)stab[S] | 3);
    asn_setup();
    rt_check_u64("lasp, first operand not on a doubleword: specification",
                 lasp(op2, 0, true), 0x100 + PGM_SPECIFICATION);
    rt_lctlg(14, rt_stctg(14) & ~CR14_ASNT);
    rt_check_u64("lasp, ASN-translation control 0: special operation", lasp(op2, 0, false),
                 0x100 + PGM_SPECIAL_OP);
    asn_setup();
}

int main(void)
{
    test_ssar();
    test_ssar_exc();
    test_pt();
    test_pt_exc();
    test_pt_problem();
    test_pt_amode();
    test_pt_space_switch_event();
    test_subspace();
    test_lasp();
    return 0;
}
