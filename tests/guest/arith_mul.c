/*
 * arith_mul.c - MULTIPLY (pair results), MULTIPLY LOGICAL, MULTIPLY SINGLE
 * and MULTIPLY HALFWORD: products, untouched high words, unchanged CC,
 * specification exception for an odd R1 of the pair forms.
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

static const uint32_t w10000 = 0x10000, wm1 = 0xffffffff, w2 = 2, w10 = 0x10;
static const uint64_t d4 = 4, d100 = 0x100000000ull, dm2 = (uint64_t)-2;
static const uint16_t hm2 = 0xfffe, h4 = 4;

static void test_mul_pair(void)
{
    T_PAIR("mr", "mr %%r2,%[b]", 0xaaaaaaaa00000000ull, 0xbbbbbbbb00000007ull, 0xfffffffd, 0,
           0, 0, 0xaaaaaaaaffffffffull, 0xbbbbbbbbffffffebull);
    T_PAIR("mr", "mr %%r2,%[b]", 0, 0x80000000, 0x80000000, 0, 0, 0, 0x40000000, 0);
    T_PAIR("mr", "mr %%r2,%[b]", 0x12345678ull, 0x7fffffff, 0x7fffffff, 0, 0, 0, 0x3fffffff, 1);
    T_PAIR("mr", "mr %%r2,%[b]", 0xffffffff, 0x12345, 0, 0, 0, 0, 0, 0);
    T_PAIR("m", "m %%r2,0(%[p])", 0, 0x10000, 0, &w10000, 0, 0, 1, 0);
    T_PAIR("mfy", "mfy %%r2,0(%[p])", 0, 0xffffffff, 0, &wm1, 0, 0, 0, 1);
    T_PAIR("mfy", "mfy %%r2,0(%[p])", 0, 0x80000000, 0, &wm1, 0, 0, 0, 0x80000000);
    T_PAIR("mlr", "mlr %%r2,%[b]", 0x5555555500000000ull, 0xffffffff, 0xffffffff, 0, 0, 0,
           0x55555555fffffffeull, 1);
    T_PAIR("ml", "ml %%r2,0(%[p])", 0, 0x80000000, 0, &w2, 0, 0, 1, 0);
    T_PAIR("mlgr", "mlgr %%r2,%[b]", 7, 0xffffffffffffffffull, 0xffffffffffffffffull, 0, 0, 0,
           0xfffffffffffffffeull, 1);
    T_PAIR("mlgr", "mlgr %%r2,%[b]", 7, 0x123456789ull, 0, 0, 0, 0, 0, 0);
    T_PAIR("mlg", "mlg %%r2,0(%[p])", 0, 0x8000000000000000ull, 0, &d4, 0, 0, 2, 0);
    /* MULTIPLY with the multiplier in the odd register itself: r3 * r3. */
    T_PAIR("mr r3", "mr %%r2,%%r3", 0, 0xfffffffe, 0, 0, 0, 0, 0, 4);
    T_PAIR("mlgr r3", "mlgr %%r2,%%r3", 0, 0x100000000ull, 0, 0, 0, 0, 1, 0);
}

static void test_mul_spec(void)
{
    T_PAIR("mr odd", ".insn rr,0x1c00,%%r3,%[b]", 1, 2, 3, 0, PGM_SPECIFICATION, 1, 1, 2);
    T_PAIR("m odd", ".insn rx,0x5c000000,%%r3,0(%[p])", 1, 2, 0, &w2, PGM_SPECIFICATION, 2,
           1, 2);
    T_PAIR("mlr odd", ".insn rre,0xb9960000,%%r3,%[b]", 1, 2, 3, 0, PGM_SPECIFICATION, 2, 1, 2);
    T_PAIR("mlgr odd", ".insn rre,0xb9860000,%%r3,%[b]", 1, 2, 3, 0, PGM_SPECIFICATION, 2, 1,
           2);
    T_PAIR("mlg odd", ".insn rxy,0xe30000000086,%%r3,0(%[p])", 1, 2, 0, &d4,
           PGM_SPECIFICATION, 3, 1, 2);
    T_PAIR("mfy odd", ".insn rxy,0xe3000000005c,%%r3,0(%[p])", 1, 2, 0, &w2,
           PGM_SPECIFICATION, 3, 1, 2);
    T_PAIR("ml odd", ".insn rxy,0xe30000000096,%%r3,0(%[p])", 1, 2, 0, &w2,
           PGM_SPECIFICATION, 3, 1, 2);
}

static void test_mul_single(void)
{
    T_RX("mh", 0x5555555500001000ull, &hm2, 2, 0x55555555ffffe000ull, 2);
    T_RX("mhy", 0x40000000, &h4, 1, 0, 1);
    T_RX("mhy", 0xfffffffd, &h4, 1, 0xfffffff4, 1);
    T_RI("mhi", 7, -3, 2, 0xffffffeb, 2);
    T_RI("mhi", 0xabcdef0000010000ull, 0x7fff, 3, 0xabcdef007fff0000ull, 3);
    T_RI("mhi", 0x00020000, 0x7fff, 3, 0xfffe0000, 3);
    T_RI("mghi", (uint64_t)-1, 0x7fff, 2, 0xffffffffffff8001ull, 2);
    T_RI("mghi", 0x4000000000000000ull, 4, 0, 0, 0);
    T_RX("ms", 0x9999999912345678ull, &w10, 2, 0x9999999923456780ull, 2);
    T_RX("msy", 0x80000000, &wm1, 1, 0x80000000, 1);
    T_RR("msr", 0xffffffff, 0xffffffff, 2, 1, 2);
    T_RR("msr", 0x10000, 0x10000, 2, 0, 2);
    T_RI("msfi", 100000, 100000, 2, 0x540be400, 2);
    T_RI("msfi", 3, -0x80000000ll, 1, 0x80000000, 1);
    T_RX("msg", 0x100000000ull, &d100, 2, 0, 2);
    T_RX("msg", 0x123, &dm2, 2, (uint64_t)-0x246, 2);
    T_RR("msgr", (uint64_t)-2, 3, 2, (uint64_t)-6, 2);
    T_RR("msgr", 0xffffffff, 0xffffffff, 3, 0xfffffffe00000001ull, 3);
    T_RX("msgf", 5, &wm1, 2, (uint64_t)-5, 2);
    T_RR("msgfr", 0x100000000ull, 0x1234567800000002ull, 2, 0x200000000ull, 2);
    T_RR("msgfr", 3, 0x80000000, 2, 0xfffffffe80000000ull, 2);
    T_RI("msgfi", 3, -0x80000000ll, 2, 0xfffffffe80000000ull, 2);
    T_RI("msgfi", 0x100000000ull, 0x7fffffff, 1, 0x7fffffff00000000ull, 1);
}

int main(void)
{
    test_mul_pair();
    test_mul_spec();
    test_mul_single();
    return 0;
}
