/* PROGRAM CALL and the ways back (PoO ch. 5 "PC-Number Translation", ch.
 * 10 "PROGRAM CALL", "PROGRAM TRANSFER", "PROGRAM RETURN"): basic PC to the
 * current primary and back with PT; stacking PC with entry key, EKM and
 * EEAX and back with PR; stacking and basic PC with space switching into
 * ASN 2 and back with PR-ss and PT-ss; the AR-mode and S-bit options; a
 * basic PC from the 31-bit mode. QEMU 7.2 implements none of PC, PT, PR. */
#include "pc_common.h"

/* What a called program saw: GRs 0-15, CRs 0-15, PSW bits 0-63, ESTA code
 * 2 (R4, R5) and the IPM after it, the doubleword at VBASE + 8. */
uint64_t pcrec[512] __attribute__((aligned(4096)));

#define REC_CR      16
#define REC_PSW     32
#define REC_ESTA    33
#define REC_IPM     35
#define REC_VBASE   36

asm("   .text\n"
    "   .globl pc_basic_t\n"
    "pc_basic_t:\n"
    "   larl  %r1,pcrec\n"
    "   stmg  %r0,%r15,0(%r1)\n"
    "   bras  %r9,pc_record\n"
    "   pt    %r3,%r14\n"
    "   .globl pc_stack_t\n"
    "pc_stack_t:\n"
    "   larl  %r1,pcrec\n"
    "   stmg  %r0,%r15,0(%r1)\n"
    "   bras  %r9,pc_record\n"
    "   lghi  %r0,2\n"
    "   esta  %r4,%r0\n"
    "   ipm   %r6\n"
    "   stg   %r6,280(%r1)\n"
    "   stmg  %r4,%r5,264(%r1)\n"
    "   .insn e,0x0101\n"
    "pc_record:\n"
    "   stctg %c0,%c15,128(%r1)\n"
    "   epsw  %r6,%r7\n"
    "   st    %r6,256(%r1)\n"
    "   st    %r7,260(%r1)\n"
    "   llilh %r2,0x4000\n"
    "   lg    %r6,8(%r2)\n"
    "   stg   %r6,288(%r1)\n"
    "   br    %r9\n");

extern char pc_basic_t[], pc_stack_t[];

/* PC @pcnum with DAT on (in the 31-bit mode with @amode31), ARs 1 and 2
 * zero. Returns the address after the PC. */
static uint64_t call_pc(uint32_t pcnum, bool amode31)
{
    uint64_t ret;
    uint8_t sm;

    asm volatile("  stosm %[sm],0x04\n"
                 "  lghi  %%r0,0\n"
                 "  sar   %%a1,%%r0\n"
                 "  sar   %%a2,%%r0\n"
                 "  lgr   %%r2,%[n]\n"
                 "  larl  %%r8,1f\n"
                 "  ltgr  %[m],%[m]\n"
                 "  jz    0f\n"
                 "  sam31\n"
                 "0: pc   0(%%r2)\n"
                 "1: sam64\n"
                 "  stnsm %[sm],0xfb\n"
                 "  lgr   %[r],%%r8\n"
                 : [sm] "=Q"(sm), [r] "=d"(ret)
                 : [n] "d"((uint64_t)pcnum), [m] "d"((uint64_t)amode31)
                 : "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r14", "cc",
                   "memory");
    return ret;
}

static const uint64_t PARM = 0x1122334455667788ull;

static void test_basic_cp(void)
{
    uint64_t ret;

    set_ete(0, (uintptr_t)pc_basic_t, 0x80000000u, 0x40000000u, ETE_G, 0, PARM);
    ret = call_pc(0, false);
    rt_check_u64("basic pc-cp: GR14 return address, supervisor", pcrec[14], ret);
    rt_check_u64("basic pc-cp: GR3 PKM and PASN", pcrec[3] & 0xffffffff, 0x80000001);
    rt_check_u64("basic pc-cp: GR4 entry parameter", pcrec[4], PARM);
    rt_check_u64("basic pc-cp: EKM ORed into the PKM", pcrec[REC_CR + 3] & 0xffffffff,
                 0xc0000001);
    rt_check_u64("basic pc-cp: 64-bit supervisor state, key 0",
                 pcrec[REC_PSW] & ~(3ull << 44), 0x0400000180000000ull);
    rt_check_u64("pt-cp back: PKM ANDed with GR3's", rt_stctg(3), 0x80000001);
    rt_check_u64("pt-cp back: PASN unchanged", rt_stctg(4), 0x00010001);
}

static void test_basic_31(void)
{
    uint64_t ret;

    set_ete(9, 0x80000000u | (uintptr_t)pc_basic_t, 0x80000000u, 0, 0, 0, PARM);
    ret = call_pc(9, true);
    rt_check_u64("basic pc from the 31-bit mode: GR14 bit 32 and address",
                 pcrec[14] & 0xffffffff, 0x80000000u | ret);
    rt_check_u64("basic pc, 31-bit: GR4 bits 32-63 the parameter's", pcrec[4] & 0xffffffff,
                 PARM & 0xffffffff);
    rt_check_u64("basic pc, 31-bit: entered in the 31-bit mode", pcrec[REC_PSW] >> 31 & 3, 1);
}

static void test_stacking_cp(void)
{
    const uint8_t *e = lsec[0] + 16;
    uint64_t hdr = ls_section(lsec[0], 0, 2 * LS_ENTRY, 0, 0), ret;

    rt_lctlg(15, hdr);
    set_ete(1, (uintptr_t)pc_stack_t, 0x80000000u, 0x20000000u,
            ETE_T | ETE_G | ETE_K | ETE_E | 3u << 20 | 0x42, 0, PARM);
    ret = call_pc(1, false);
    rt_check_u64("stacking pc: PSW key from the entry key", pcrec[REC_PSW] >> 52 & 0xf, 3);
    rt_check_u64("stacking pc, M 0: EKM ORed into the PKM", pcrec[REC_CR + 3] & 0xffffffff,
                 0xa0000001);
    rt_check_u64("stacking pc, E 1: EAX from the entry", pcrec[REC_CR + 8] >> 16 & 0xffff,
                 0x42);
    rt_check_u64("stacking pc: GR4 entry parameter", pcrec[4], PARM);
    rt_check_u64("stacking pc: CR15 at a call state entry", pcrec[REC_CR + 15],
                 (uintptr_t)e + LS_ED);
    rt_check_u64("call state entry type", e[LS_ED], LSE_CALL);
    rt_check_u64("call state entry: PKM SASN EAX PASN", *(uint64_t *)(e + 128),
                 0x8000000100000001ull);
    rt_check_u64("call state entry: return address", *(uint64_t *)(e + 168), ret);
    rt_check_u64("esta 2 in the called program: called-space id 0 (pc-cp)",
                 pcrec[REC_ESTA] & 0xffffffff, 0);
    rt_check_u64("esta 2: PC number with the 64-bit bit", pcrec[REC_ESTA + 1] & 0xffffffff,
                 0x80000001);
    rt_check_u64("esta: cc 1 for a call state entry", rt_cc_from_ipm(pcrec[REC_IPM]), 1);
    rt_check_u64("pr: PKM restored", rt_stctg(3), 0x80000001);
    rt_check_u64("pr: EAX restored", rt_stctg(8), 0);
    rt_check_u64("pr: stack empty again", rt_stctg(15), hdr);
}

/* The space-2 state the called program of a PC-ss to ASN 2 must see. */
static void check_in_space2(const char *what, uint64_t sasn, uint64_t cr7)
{
    const struct spaces s = {
        pcrec[REC_CR + 1], pcrec[REC_CR + 3], pcrec[REC_CR + 4], pcrec[REC_CR + 5],
        pcrec[REC_CR + 7],
    };

    rt_checkf(pcrec[REC_VBASE] == (2ull << 32 | 1), "%s: VBASE in ASN 2's space", what);
    check_space2(what, &s, 0x80000000u | sasn, cr7);
}

/* Back in ASN 1 with SASN 1. */
static void check_back_home(const char *what)
{
    rt_checkf(rt_stctg(1) == ((uintptr_t)stab[P] | 3), "%s: CR1 of ASN 1", what);
    rt_checkf(rt_stctg(4) == 0x00010001, "%s: CR4 AX 1, PASN 1", what);
    rt_checkf(rt_stctg(5) == aste_of(1), "%s: CR5 ASTE 1", what);
    rt_checkf(rt_stctg(3) == 0x80000001, "%s: PKM, SASN 1", what);
    rt_checkf(rt_stctg(7) == ((uintptr_t)stab[P] | 3), "%s: CR7 = CR1", what);
}

static void test_space_switch(void)
{
    uint64_t hdr = ls_section(lsec[0], 0, 2 * LS_ENTRY, 0, 0);

    rt_lctlg(15, hdr);
    set_ete(2, (uintptr_t)pc_stack_t, 0x80000002u, 0, ETE_T | ETE_G, aste_of(2), PARM);
    call_pc(2, false);
    check_in_space2("stacking pc-ss", 1, (uintptr_t)stab[P] | 3);
    rt_check_u64("esta 2: called-space id ASN 2, ASTESN bits 16-31",
                 pcrec[REC_ESTA] & 0xffffffff, 0x00020000 | (ASTESN2 & 0xffff));
    check_back_home("pr-ss");

    set_ete(6, (uintptr_t)pc_basic_t, 0x80000002u, 0, ETE_G, aste_of(2), PARM);
    call_pc(6, false);
    check_in_space2("basic pc-ss", 1, (uintptr_t)stab[P] | 3);
    rt_check_u64("basic pc-ss: GR3 old PKM and PASN", pcrec[3] & 0xffffffff, 0x80000001);
    check_back_home("pt-ss");

    set_ete(7, (uintptr_t)pc_stack_t, 0x80000002u, 0, ETE_T | ETE_G | ETE_C | ETE_S,
            aste_of(2), PARM);
    call_pc(7, false);
    check_in_space2("stacking pc-ss, S 1", 2, (uintptr_t)stab[S] | 3);
    rt_check_u64("stacking pc, C 1: access-register mode", pcrec[REC_PSW] >> 46 & 3, 1);
    check_back_home("pr-ss from the AR mode");
    rt_check_u64("pr-ss: stack empty again", rt_stctg(15), hdr);
}

int main(void)
{
    uint64_t key3 = 0x30;

    asm volatile("sske %0,%1" : : "d"(key3), "a"(pcrec) : "memory");
    pc_setup();
    test_basic_cp();
    test_basic_31();
    test_stacking_cp();
    test_space_switch();
    return 0;
}
