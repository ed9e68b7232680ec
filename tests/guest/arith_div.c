/*
 * arith_div.c - DIVIDE, DIVIDE LOGICAL, DIVIDE SINGLE: quotient and
 * remainder (remainder with the dividend's sign), fixed-point-divide
 * exception for a zero divisor and for a quotient too large (operation
 * suppressed: registers unchanged, old PSW past the instruction), and the
 * specification exception for an odd R1 taking precedence.
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

#define FXD PGM_FIXED_DIVIDE
#define SPEC PGM_SPECIFICATION

static const uint32_t w16 = 0x10, w0 = 0, wm1 = 0xffffffff, w7 = 7;
static const uint64_t d7 = 7, d0 = 0, dm1 = (uint64_t)-1, d16 = 0x10;

static void test_divide(void)
{
    T_PAIR("dr", "dr %%r2,%[b]", 0xaaaaaaaa00000000ull, 0xbbbbbbbb00000064ull, 7, 0, 0, 0,
           0xaaaaaaaa00000002ull, 0xbbbbbbbb0000000eull);
    T_PAIR("dr", "dr %%r2,%[b]", 0xffffffff, 0xffffff9c, 7, 0, 0, 0, 0xfffffffe, 0xfffffff2);
    T_PAIR("dr", "dr %%r2,%[b]", 0, 100, 0xfffffff9, 0, 0, 0, 2, 0xfffffff2);
    T_PAIR("dr", "dr %%r2,%[b]", 0xffffffff, 0xffffff9c, 0xfffffff9, 0, 0, 0, 0xfffffffe, 14);
    T_PAIR("dr", "dr %%r2,%[b]", 0, 0x80000000, 0xffffffff, 0, 0, 0, 0, 0x80000000);
    T_PAIR("dr", "dr %%r2,%[b]", 0xffffffff, 0x80000000, 1, 0, 0, 0, 0, 0x80000000);
    T_PAIR("dr", "dr %%r2,%[b]", 0x3fffffff, 0x00000002, 0x7fffffff, 0, 0, 0, 1, 0x7fffffff);
    T_PAIR("dr big", "dr %%r2,%[b]", 0x3fffffff, 0xffffffff, 0x7fffffff, 0, FXD, 1, 0x3fffffff,
           0xffffffff);
    T_PAIR("dr", "dr %%r2,%[b]", 0, 5, 10, 0, 0, 0, 5, 0);
    T_PAIR("d", "d %%r2,0(%[p])", 1, 0, 0, &w16, 0, 0, 0, 0x10000000);
    T_PAIR("d", "d %%r2,0(%[p])", 0, 3, 0, &wm1, 0, 0, 0, 0xfffffffd);

    /* Fixed-point divide: zero divisor, quotient out of range. */
    T_PAIR("dr /0", "dr %%r2,%[b]", 0, 100, 0, 0, FXD, 1, 0, 100);
    T_PAIR("dr /0 high bits", "dr %%r2,%[b]", 0, 100, 0xffffffff00000000ull, 0, FXD, 1, 0, 100);
    T_PAIR("dr big", "dr %%r2,%[b]", 0x7fffffff, 0, 2, 0, FXD, 1, 0x7fffffff, 0);
    T_PAIR("dr -2^31/-1", "dr %%r2,%[b]", 0xffffffff, 0x80000000, 0xffffffff, 0, FXD, 1,
           0xffffffff, 0x80000000);
    T_PAIR("dr 2^31/1", "dr %%r2,%[b]", 0, 0x80000000, 1, 0, FXD, 1, 0, 0x80000000);
    T_PAIR("d /0", "d %%r2,0(%[p])", 0, 100, 0, &w0, FXD, 2, 0, 100);
    T_PAIR("dr odd", ".insn rr,0x1d00,%%r3,%[b]", 0, 100, 7, 0, SPEC, 1, 0, 100);
    T_PAIR("dr odd /0", ".insn rr,0x1d00,%%r3,%[b]", 0, 100, 0, 0, SPEC, 1, 0, 100);
    T_PAIR("d odd", ".insn rx,0x5d000000,%%r3,0(%[p])", 0, 100, 0, &w16, SPEC, 2, 0, 100);
}

static void test_divide_logical(void)
{
    T_PAIR("dlr", "dlr %%r2,%[b]", 0x1111111100000001ull, 0x2222222200000000ull, 0xffffffff,
           0, 0, 0, 0x1111111100000001ull, 0x2222222200000001ull);
    T_PAIR("dlr", "dlr %%r2,%[b]", 0xfffffffe, 0xffffffff, 0xffffffff, 0, 0, 0, 0xfffffffe,
           0xffffffff);
    T_PAIR("dlr", "dlr %%r2,%[b]", 0, 0xffffff9c, 7, 0, 0, 0, 2, 0x24924916);
    T_PAIR("dl", "dl %%r2,0(%[p])", 0, 100, 0, &w7, 0, 0, 2, 14);
    T_PAIR("dlr big", "dlr %%r2,%[b]", 0xffffffff, 0xffffffff, 0xffffffff, 0, FXD, 2,
           0xffffffff, 0xffffffff);
    T_PAIR("dlr big", "dlr %%r2,%[b]", 1, 0, 1, 0, FXD, 2, 1, 0);
    T_PAIR("dlr /0", "dlr %%r2,%[b]", 0, 1, 0, 0, FXD, 2, 0, 1);
    T_PAIR("dl /0", "dl %%r2,0(%[p])", 0, 1, 0, &w0, FXD, 3, 0, 1);
    T_PAIR("dlr odd", ".insn rre,0xb9970000,%%r3,%[b]", 0, 1, 1, 0, SPEC, 2, 0, 1);
    T_PAIR("dl odd", ".insn rxy,0xe30000000097,%%r3,0(%[p])", 0, 1, 0, &w7, SPEC, 3, 0, 1);

    T_PAIR("dlgr", "dlgr %%r2,%[b]", 1, 0, 2, 0, 0, 0, 0, 0x8000000000000000ull);
    T_PAIR("dlgr", "dlgr %%r2,%[b]", 0, 100, 7, 0, 0, 0, 2, 14);
    T_PAIR("dlgr", "dlgr %%r2,%[b]", 5, 3, 0x10, 0, 0, 0, 3, 0x5000000000000000ull);
    T_PAIR("dlgr", "dlgr %%r2,%[b]", 0xfffffffffffffffeull, 0xffffffffffffffffull,
           0xffffffffffffffffull, 0, 0, 0, 0xfffffffffffffffeull, 0xffffffffffffffffull);
    T_PAIR("dlg", "dlg %%r2,0(%[p])", 0, 0xffffffffffffffffull, 0, &d16, 0, 0, 0xf,
           0x0fffffffffffffffull);
    T_PAIR("dlgr big", "dlgr %%r2,%[b]", 1, 0, 1, 0, FXD, 2, 1, 0);
    T_PAIR("dlgr big", "dlgr %%r2,%[b]", 7, 0, 7, 0, FXD, 2, 7, 0);
    T_PAIR("dlgr /0", "dlgr %%r2,%[b]", 0, 5, 0, 0, FXD, 2, 0, 5);
    T_PAIR("dlg /0", "dlg %%r2,0(%[p])", 0, 5, 0, &d0, FXD, 3, 0, 5);
    T_PAIR("dlgr odd", ".insn rre,0xb9870000,%%r3,%[b]", 0, 5, 1, 0, SPEC, 2, 0, 5);
    T_PAIR("dlg odd", ".insn rxy,0xe30000000087,%%r3,0(%[p])", 0, 5, 0, &d7, SPEC, 3, 0, 5);
}

static void test_divide_single(void)
{
    T_PAIR("dsgr", "dsgr %%r2,%[b]", 0x123456789ull, (uint64_t)-100, 7, 0, 0, 0, (uint64_t)-2,
           (uint64_t)-14);
    T_PAIR("dsgr", "dsgr %%r2,%[b]", 0, 100, (uint64_t)-7, 0, 0, 0, 2, (uint64_t)-14);
    T_PAIR("dsgr", "dsgr %%r2,%[b]", 0, 0x8000000000000000ull, 1, 0, 0, 0, 0,
           0x8000000000000000ull);
    T_PAIR("dsgr", "dsgr %%r2,%[b]", 0, 0x8000000000000000ull, 0x7fffffffffffffffull, 0, 0, 0,
           (uint64_t)-1, (uint64_t)-1);
    T_PAIR("dsgr", "dsgr %%r2,%[b]", 0, 3, 0x100000000ull, 0, 0, 0, 3, 0);
    T_PAIR("dsgr min/-1", "dsgr %%r2,%[b]", 9, 0x8000000000000000ull, (uint64_t)-1, 0, FXD, 2,
           9, 0x8000000000000000ull);
    T_PAIR("dsgr /0", "dsgr %%r2,%[b]", 9, 100, 0, 0, FXD, 2, 9, 100);
    T_PAIR("dsg", "dsg %%r2,0(%[p])", 0, 50, 0, &d7, 0, 0, 1, 7);
    T_PAIR("dsg", "dsg %%r2,0(%[p])", 0, 50, 0, &dm1, 0, 0, 0, (uint64_t)-50);
    T_PAIR("dsg /0", "dsg %%r2,0(%[p])", 0, 50, 0, &d0, FXD, 3, 0, 50);
    T_PAIR("dsgfr", "dsgfr %%r2,%[b]", 0, 100, 0xffffffff, 0, 0, 0, 0, (uint64_t)-100);
    T_PAIR("dsgfr", "dsgfr %%r2,%[b]", 0, (uint64_t)-100, 0xabcdef0000000007ull, 0, 0, 0,
           (uint64_t)-2, (uint64_t)-14);
    T_PAIR("dsgfr /0", "dsgfr %%r2,%[b]", 0, 100, 0x100000000ull, 0, FXD, 2, 0, 100);
    T_PAIR("dsgfr min/-1", "dsgfr %%r2,%[b]", 0, 0x8000000000000000ull, 0xffffffff, 0, FXD, 2,
           0, 0x8000000000000000ull);
    T_PAIR("dsgf", "dsgf %%r2,0(%[p])", 0, 0x80000000ull, 0, &wm1, 0, 0, 0,
           0xffffffff80000000ull);
    T_PAIR("dsgf /0", "dsgf %%r2,0(%[p])", 0, 1, 0, &w0, FXD, 3, 0, 1);
    T_PAIR("dsgr odd", ".insn rre,0xb90d0000,%%r3,%[b]", 0, 1, 1, 0, SPEC, 2, 0, 1);
    T_PAIR("dsgfr odd", ".insn rre,0xb91d0000,%%r3,%[b]", 0, 1, 1, 0, SPEC, 2, 0, 1);
    T_PAIR("dsg odd", ".insn rxy,0xe3000000000d,%%r3,0(%[p])", 0, 1, 0, &d7, SPEC, 3, 0, 1);
    T_PAIR("dsgf odd", ".insn rxy,0xe3000000001d,%%r3,0(%[p])", 0, 1, 0, &w7, SPEC, 3, 0, 1);
}

int main(void)
{
    test_divide();
    test_divide_logical();
    test_divide_single();
    return 0;
}
