/*
 * logical.c - AND, OR, EXCLUSIVE OR between registers and with storage
 * (32- and 64-bit, distinct-operands forms): results, untouched high
 * words, CC 0 for a zero result and 1 otherwise.
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

static const uint32_t wf0 = 0xf0f0f0f0, w0 = 0, w1 = 1;
static const uint64_t df0 = 0xf0f0f0f0f0f0f0f0ull, dff = 0xffffffffffffffffull;

static void test_and(void)
{
    T_RR("nr", 0xfffffffff0f0f0f0ull, 0x0f0f0f0f, 1, 0xffffffff00000000ull, 0);
    T_RR("nr", 0xff00ff00, 0x123456780ff00ff0ull, 0, 0x0f000f00, 1);
    T_RR("ngr", 0xf0f0f0f0f0f0f0f0ull, 0xff00ff00ff00ff00ull, 0, 0xf000f000f000f000ull, 1);
    T_RR("ngr", 0xffffffffffffffffull, 0, 3, 0, 0);
    T_RR("ngr", 0x8000000000000000ull, 0x8000000000000000ull, 0, 0x8000000000000000ull, 1);
    T_RRR("nrk", 0xaaaaaaaa00000000ull, 0x12345678, 0xffff0000, 0, 0xaaaaaaaa12340000ull, 1);
    T_RRR("nrk", 0xaaaaaaaa55555555ull, 0xffffffff0000ffffull, 0xffffffffffff0000ull, 1,
          0xaaaaaaaa00000000ull, 0);
    T_RRR("ngrk", 0, 0xff00000000000000ull, 0xf00000000000000full, 0, 0xf000000000000000ull, 1);
    T_RRR("ngrk", 5, 0xff00, 0x00ff, 3, 0, 0);
    T_RX("n", 0x123456780f0f0f0full, &wf0, 1, 0x1234567800000000ull, 0);
    T_RX("ny", 0xffffffff, &wf0, 0, 0xf0f0f0f0, 1);
    T_RX("ng", 0xffffffff0000ffffull, &df0, 0, 0xf0f0f0f00000f0f0ull, 1);
    T_RX("ng", 0x0f0f0f0f0f0f0f0full, &df0, 1, 0, 0);
}

static void test_or(void)
{
    T_RR("or", 0xffffffff00000000ull, 0xffffffff00000000ull, 1, 0xffffffff00000000ull, 0);
    T_RR("or", 0x80000000, 1, 0, 0x80000001, 1);
    T_RR("ogr", 0, 0, 2, 0, 0);
    T_RR("ogr", 0x8000000000000000ull, 1, 0, 0x8000000000000001ull, 1);
    T_RRR("ork", 0x5555555512345678ull, 0x00f0, 0x0f00, 0, 0x5555555500000ff0ull, 1);
    T_RRR("ork", 0x5555555512345678ull, 0xffffffff00000000ull, 0, 2, 0x5555555500000000ull, 0);
    T_RRR("ogrk", 0xffff, 0x100000000ull, 0x1, 0, 0x100000001ull, 1);
    T_RX("o", 0x7777777700000000ull, &w0, 2, 0x7777777700000000ull, 0);
    T_RX("oy", 0x0f0f0f0f, &wf0, 0, 0xffffffff, 1);
    T_RX("og", 0, &df0, 0, 0xf0f0f0f0f0f0f0f0ull, 1);
}

static void test_xor(void)
{
    T_RR("xr", 0x9999999912345678ull, 0x12345678, 1, 0x9999999900000000ull, 0);
    T_RR("xr", 0xffffffff, 0x0f0f0f0f, 0, 0xf0f0f0f0, 1);
    T_RR("xgr", 0xffffffffffffffffull, 0xffffffffffffffffull, 1, 0, 0);
    T_RR("xgr", 0xffffffffffffffffull, 0x00ff00ff00ff00ffull, 0, 0xff00ff00ff00ff00ull, 1);
    T_RRR("xrk", 0x2222222200000000ull, 0xa5a5a5a5, 0xffffffff, 0, 0x222222225a5a5a5aull, 1);
    T_RRR("xrk", 0x2222222200000000ull, 0x1, 0x1, 2, 0x2222222200000000ull, 0);
    T_RRR("xgrk", 0, 0x8000000000000001ull, 0x8000000000000000ull, 0, 1, 1);
    T_RX("x", 1, &w1, 1, 0, 0);
    T_RX("xy", 0xf0f0f0f0, &wf0, 3, 0, 0);
    T_RX("xg", 0x0f0f0f0f0f0f0f0full, &dff, 0, 0xf0f0f0f0f0f0f0f0ull, 1);
}

/* Register-to-itself forms, as programs clear registers. */
static void test_same_register(void)
{
    uint64_t a = 0x123456789abcdef0ull, ipm;

    asm volatile("xgr %[a],%[a]\n\tipm %[i]" : [a] "+d"(a), [i] "=d"(ipm) : : "cc");
    chk("xgr r,r", a, 0, rt_cc_from_ipm(ipm), 0);
    a = 0x123456789abcdef0ull;
    asm volatile("xr %[a],%[a]\n\tipm %[i]" : [a] "+d"(a), [i] "=d"(ipm) : : "cc");
    chk("xr r,r", a, 0x1234567800000000ull, rt_cc_from_ipm(ipm), 0);
    a = 0x80;
    asm volatile("nr %[a],%[a]\n\tipm %[i]" : [a] "+d"(a), [i] "=d"(ipm) : : "cc");
    chk("nr r,r", a, 0x80, rt_cc_from_ipm(ipm), 1);
    a = 0;
    asm volatile("ogr %[a],%[a]\n\tipm %[i]" : [a] "+d"(a), [i] "=d"(ipm) : : "cc");
    chk("ogr r,r", a, 0, rt_cc_from_ipm(ipm), 0);
}

int main(void)
{
    test_and();
    test_or();
    test_xor();
    test_same_register();
    return 0;
}
