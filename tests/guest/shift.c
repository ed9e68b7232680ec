/*
 * shift.c - SHIFT LEFT/RIGHT SINGLE and DOUBLE, logical and arithmetic,
 * and ROTATE LEFT SINGLE LOGICAL: the shift amount from bits 58-63 of the
 * second-operand address, results, CC of the arithmetic forms including
 * SLA overflow (bits unlike the sign shifted out; program mask off), and
 * the specification exception for an odd R1 of the double forms.
 */
#include "rt/rt.h"

/* Keep compiled code off the floating-point registers (GPR spills to FPRs). */
#pragma GCC target("soft-float")

#include "arith_common.h"

/* Even-odd pair r2:r3 = hi:lo, @body operates on it (operand %[b] a register,
 * %[p] an address register); @code 0 means no interruption expected. The
 * CC is preset to 2 and checked unchanged (none of these sets it). */
#define T_PAIR(name, body, hi, lo, bv, ptr, code, ilc, ehi, elo) do {                  \
    uint64_t h_ = (hi), l_ = (lo), b_ = (bv), i_, n_;                                 \
    rt_pgm_arm();                                                                     \
    asm volatile("lgr %%r2,%[h]\n\tlgr %%r3,%[l]\n\tspm %[m]\n\tlarl %[nx],1f\n\t"    \
                 body "\n1:\tipm %[i]\n\tlgr %[h],%%r2\n\tlgr %[l],%%r3"              \
                 : [h] "+d"(h_), [l] "+d"(l_), [i] "=&d"(i_), [nx] "=&a"(n_)          \
                 : [b] "d"(b_), [p] "a"(ptr), [m] "d"(CCPM(2, 0))                      \
                 : "cc", "r2", "r3", "memory");                                       \
    if (code)                                                                         \
        chk_pgm(name, (code), (ilc), n_);                                             \
    else                                                                              \
        chk_nopgm(name);                                                              \
    chk(name " even", h_, (ehi), rt_cc_from_ipm(i_), 2);                              \
    chk(name " odd", l_, (elo), rt_cc_from_ipm(i_), 2);                               \
} while (0)

/* ins R1,D2 (shift amount as a displacement, no base). */
#define T_SH(ins, av, d, ccin, eres, ecc) do {                                       \
    uint64_t a_ = (av), i_;                                                           \
    asm volatile("spm %[m]\n\t" ins " %[a],%[n]\n\tipm %[i]"                          \
                 : [a] "+d"(a_), [i] "=&d"(i_) : [n] "i"(d), [m] "d"(CCPM(ccin, 0))    \
                 : "cc");                                                             \
    chk(ins, a_, (eres), rt_cc_from_ipm(i_), (ecc));                                  \
} while (0)

/* ins R1,D2(B2) with the amount from base register + displacement. */
#define T_SHB(ins, av, base, d, ccin, eres, ecc) do {                                \
    uint64_t a_ = (av), i_;                                                           \
    asm volatile("spm %[m]\n\t" ins " %[a]," #d "(%[b])\n\tipm %[i]"                  \
                 : [a] "+d"(a_), [i] "=&d"(i_) : [b] "a"(base), [m] "d"(CCPM(ccin, 0)) \
                 : "cc");                                                             \
    chk(ins, a_, (eres), rt_cc_from_ipm(i_), (ecc));                                  \
} while (0)

/* ins R1,R3,D2: R1 = R3 shifted. */
#define T_SH3(ins, av, bv, d, ccin, eres, ecc) do {                                  \
    uint64_t a_ = (av), b_ = (bv), i_;                                                \
    asm volatile("spm %[m]\n\t" ins " %[a],%[b],%[n]\n\tipm %[i]"                     \
                 : [a] "+&d"(a_), [i] "=&d"(i_)                                       \
                 : [b] "d"(b_), [n] "i"(d), [m] "d"(CCPM(ccin, 0)) : "cc");           \
    chk(ins, a_, (eres), rt_cc_from_ipm(i_), (ecc));                                  \
} while (0)

/* Double shift of the pair r2:r3 with the CC checked. */
#define T_DBL(ins, d, hi, lo, ccin, ehi, elo, ecc) do {                              \
    uint64_t h_ = (hi), l_ = (lo), i_;                                                \
    asm volatile("lgr %%r2,%[h]\n\tlgr %%r3,%[l]\n\tspm %[m]\n\t"                     \
                 ins " %%r2," #d "\n\tipm %[i]\n\tlgr %[h],%%r2\n\tlgr %[l],%%r3"     \
                 : [h] "+d"(h_), [l] "+d"(l_), [i] "=&d"(i_) : [m] "d"(CCPM(ccin, 0))  \
                 : "cc", "r2", "r3");                                                 \
    chk(ins " even", h_, (ehi), rt_cc_from_ipm(i_), (ecc));                           \
    chk(ins " odd", l_, (elo), rt_cc_from_ipm(i_), (ecc));                            \
} while (0)

static void test_single_logical(void)
{
    T_SH("sll", 0xaaaaaaaa00000001ull, 31, 2, 0xaaaaaaaa80000000ull, 2);
    T_SH("sll", 0xaaaaaaaaffffffffull, 32, 1, 0xaaaaaaaa00000000ull, 1);
    T_SH("sll", 0x12345678, 4, 0, 0x23456780, 0);
    T_SH("sll", 0x12345678, 0, 3, 0x12345678, 3);
    T_SHB("sll", 0x12345678, 0x1000ull, 4, 0, 0x23456780, 0);
    T_SHB("sll", 0x12345678, 0x3full, 1, 0, 0x12345678, 0);
    T_SHB("sll", 0x12345678, 0xffffffffffffffc4ull, 0, 2, 0x23456780, 2);
    T_SH("srl", 0x80000000, 31, 2, 1, 2);
    T_SH("srl", 0xffffffff80000000ull, 63, 2, 0xffffffff00000000ull, 2);
    T_SH("srl", 0x87654321, 8, 1, 0x00876543, 1);
    T_SH3("sllk", 0x5555555500000000ull, 0x12345678, 4, 0, 0x5555555523456780ull, 0);
    T_SH3("sllk", 0, 0xffffffffffffffffull, 40, 1, 0, 1);
    T_SH3("srlk", 0x5555555500000000ull, 0x12345678, 4, 3, 0x5555555501234567ull, 3);
    T_SH3("sllg", 0, 1, 63, 2, 0x8000000000000000ull, 2);
    T_SH3("sllg", 0, 0x123456789abcdef0ull, 64, 2, 0x123456789abcdef0ull, 2);
    T_SH3("sllg", 0, 0x123456789abcdef0ull, 12, 0, 0x456789abcdef0000ull, 0);
    T_SH3("srlg", 0, 0x8000000000000000ull, 63, 1, 1, 1);
    T_SH3("srlg", 0, 0x123456789abcdef0ull, 36, 1, 0x1234567ull, 1);
}

static void test_single_arith(void)
{
    T_SH("sla", 0x1111111100000001ull, 30, 0, 0x1111111140000000ull, 2);
    T_SH("sla", 1, 31, 0, 0, 3);
    T_SH("sla", 0xffffffff, 31, 0, 0x80000000, 1);
    T_SH("sla", 0xffffffff, 63, 0, 0x80000000, 3);
    T_SH("sla", 0xffffffff, 32, 0, 0x80000000, 3);
    T_SH("sla", 0x7fffffff, 63, 0, 0, 3);
    T_SH("sla", 1, 63, 0, 0, 3);
    T_SH("sla", 0xc0000000, 1, 0, 0x80000000, 1);
    T_SH("sla", 0xc0000000, 2, 0, 0x80000000, 3);
    T_SH("sla", 0x40000000, 1, 0, 0, 3);
    T_SH("sla", 0, 63, 1, 0, 0);
    T_SH("sla", 0x80000000, 1, 0, 0x80000000, 3);
    T_SH("sla", 0xfffffff5, 2, 0, 0xffffffd4, 1);
    T_SH("sla", 0x3, 29, 0, 0x60000000, 2);
    T_SH("sla", 0x3, 30, 0, 0x40000000, 3);
    T_SH("sla", 0x12345678, 0, 0, 0x12345678, 2);
    T_SH3("slak", 0x2222222200000000ull, 0x00000003, 2, 0, 0x222222220000000cull, 2);
    T_SH3("slak", 0, 0x7fffffff, 1, 0, 0x7ffffffe, 3);
    T_SH3("slag", 0, 0x4000000000000000ull, 1, 0, 0, 3);
    T_SH3("slag", 0, 0xffffffffffffffffull, 63, 0, 0x8000000000000000ull, 1);
    T_SH3("slag", 0, 3, 2, 0, 12, 2);
    T_SH3("slag", 0, 0xc000000000000001ull, 1, 0, 0x8000000000000002ull, 1);
    T_SH3("slag", 0, 0x00000000ffffffffull, 32, 0, 0x7fffffff00000000ull, 3);
    T_SH("sra", 0x80000000, 31, 0, 0xffffffff, 1);
    T_SH("sra", 0x3333333380000000ull, 63, 0, 0x33333333ffffffffull, 1);
    T_SH("sra", 0x7fffffff, 63, 1, 0, 0);
    T_SH("sra", 0x40, 3, 0, 8, 2);
    T_SH("sra", 0xfffffff0, 2, 0, 0xfffffffc, 1);
    T_SH3("srak", 0, 0xfffffff1, 4, 0, 0xffffffff, 1);
    T_SH3("srak", 0x4444444400000000ull, 0x10, 5, 3, 0x4444444400000000ull, 0);
    T_SH3("srag", 0, 0x8000000000000000ull, 63, 0, 0xffffffffffffffffull, 1);
    T_SH3("srag", 0, 0x7000000000000000ull, 60, 0, 7, 2);
    T_SH3("srag", 0, 0xfffffffffffffff0ull, 4, 0, 0xffffffffffffffffull, 1);
}

static void test_double(void)
{
    T_DBL("sldl", 8, 0xaaaaaaaa12345678ull, 0xbbbbbbbb9abcdef0ull, 2, 0xaaaaaaaa3456789aull,
          0xbbbbbbbbbcdef000ull, 2);
    T_DBL("sldl", 32, 0x12345678, 0x9abcdef0, 1, 0x9abcdef0, 0, 1);
    T_DBL("sldl", 63, 0, 1, 3, 0x80000000, 0, 3);
    T_DBL("srdl", 4, 0x12345678, 0x9abcdef0, 2, 0x01234567, 0x89abcdef, 2);
    T_DBL("srdl", 63, 0x80000000, 0, 0, 0, 1, 0);
    T_DBL("slda", 62, 0, 1, 0, 0x40000000, 0, 2);
    T_DBL("slda", 63, 0, 1, 0, 0, 0, 3);
    T_DBL("slda", 63, 0xffffffff, 0xffffffff, 0, 0x80000000, 0, 1);
    T_DBL("slda", 32, 0, 0x80000000, 0, 0, 0, 3);
    T_DBL("slda", 31, 0, 0x80000000, 0, 0x40000000, 0, 2);
    T_DBL("slda", 4, 0xfffffff8, 0x00000001, 0, 0xffffff80, 0x00000010, 1);
    T_DBL("slda", 0, 0, 0, 3, 0, 0, 0);
    T_DBL("srda", 63, 0x80000000, 0, 0, 0xffffffff, 0xffffffff, 1);
    T_DBL("srda", 4, 0, 0x10, 0, 0, 1, 2);
    T_DBL("srda", 1, 0, 1, 3, 0, 0, 0);
    T_DBL("srda", 36, 0x9999999980000000ull, 0x7777777700000000ull, 0, 0x99999999ffffffffull,
          0x77777777f8000000ull, 1);

    T_PAIR("sldl odd", ".insn rs,0x8d000000,%%r3,%%r0,4(%%r0)", 5, 6, 0, 0, PGM_SPECIFICATION, 2,
           5, 6);
    T_PAIR("srdl odd", ".insn rs,0x8c000000,%%r3,%%r0,4(%%r0)", 5, 6, 0, 0, PGM_SPECIFICATION, 2,
           5, 6);
    T_PAIR("slda odd", ".insn rs,0x8f000000,%%r3,%%r0,4(%%r0)", 5, 6, 0, 0, PGM_SPECIFICATION, 2,
           5, 6);
    T_PAIR("srda odd", ".insn rs,0x8e000000,%%r3,%%r0,4(%%r0)", 5, 6, 0, 0, PGM_SPECIFICATION, 2,
           5, 6);
}

static void test_rotate(void)
{
    T_SH3("rll", 0x6666666600000000ull, 0x80000001, 1, 2, 0x6666666600000003ull, 2);
    T_SH3("rll", 0, 0x12345678, 32, 0, 0x12345678, 0);
    T_SH3("rll", 0, 0x12345678, 36, 1, 0x23456781, 1);
    T_SH3("rll", 0, 0xf0000000ffffffffull, 4, 1, 0xffffffff, 1);
    T_SH3("rllg", 0, 0x8000000000000001ull, 4, 0, 0x18, 0);
    T_SH3("rllg", 0, 0x123456789abcdef0ull, 64, 3, 0x123456789abcdef0ull, 3);
    T_SH3("rllg", 0, 0x123456789abcdef0ull, 32, 3, 0x9abcdef012345678ull, 3);
    T_SH3("rllg", 0, 0x123456789abcdef0ull, 60, 2, 0x0123456789abcdefull, 2);
}

int main(void)
{
    test_single_logical();
    test_single_arith();
    test_double();
    test_rotate();
    return 0;
}
