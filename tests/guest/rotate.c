/*
 * rotate.c - ROTATE THEN INSERT / AND / OR / EXCLUSIVE OR SELECTED BITS:
 * bit ranges (with wrap-around from bit 63 to bit 0), the zero-remaining-
 * bits flag of RISBG/RISBHG/RISBLG, the CC of each (RISBHG/RISBLG leave
 * it alone). The test-only flag of RNSBG/ROSBG/RXSBG is in arith_strict.c.
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

/* ins R1,R2,I3,I4,I5 */
#define T_RIEF(ins, av, bv, i3, i4, i5, ccin, eres, ecc) do {                       \
    uint64_t a_ = (av), b_ = (bv), i_;                                                \
    asm volatile("spm %[m]\n\t" ins " %[a],%[b]," #i3 "," #i4 "," #i5 "\n\tipm %[i]"  \
                 : [a] "+&d"(a_), [i] "=&d"(i_) : [b] "d"(b_), [m] "d"(CCPM(ccin, 0))  \
                 : "cc");                                                             \
    chk(ins " " #i3 "," #i4 "," #i5, a_, (eres), rt_cc_from_ipm(i_), (ecc));           \
} while (0)

static void test_risbg(void)
{
    T_RIEF("risbg", 0x1111111111111111ull, 0xab, 40, 47, 16, 0, 0x1111111111ab1111ull, 2);
    T_RIEF("risbg", 0x1111111111111111ull, 0xab, 40, 175, 16, 0, 0x0000000000ab0000ull, 2);
    T_RIEF("risbg", 0x1111111111111111ull, 0x8000000000000000ull, 0, 128, 0, 0,
           0x8000000000000000ull, 1);
    T_RIEF("risbg", 0x1111111111111111ull, 0x8000000000000000ull, 0, 0, 0, 0,
           0x9111111111111111ull, 1);
    T_RIEF("risbg", 0x7fffffffffffffffull, 0, 0, 0, 0, 0, 0x7fffffffffffffffull, 2);
    T_RIEF("risbg", 0x5555555555555555ull, 0, 0, 191, 0, 3, 0, 0);
    T_RIEF("risbg", 0, 0xffffffffffffffffull, 60, 3, 0, 0, 0xf00000000000000full, 1);
    T_RIEF("risbg", 0x0123456789abcdefull, 0, 60, 131, 0, 0, 0, 0);
    T_RIEF("risbg", 0x10, 1, 63, 63, 0, 0, 0x11, 2);
    T_RIEF("risbg", 0, 0x123456789abcdef0ull, 0, 191, 4, 0, 0x23456789abcdef01ull, 2);
    T_RIEF("risbg", 0, 0x123456789abcdef0ull, 32, 191, 32, 0, 0x12345678ull, 2);
    T_RIEF("risbg", 0xffffffffffffffffull, 0x123456789abcdef0ull, 56, 191, 8, 3, 0x12, 2);
    /* Shift-left-and-mask idiom: bits 0-55 of R2 to bits 8-63... */
    T_RIEF("risbg", 0, 0xff00000000000000ull, 8, 191, 56, 0, 0x00ff000000000000ull, 2);
}

static void test_rnsbg(void)
{
    T_RIEF("rnsbg", 0xffffffffffffffffull, 0x00ff00ff00ff00ffull, 0, 63, 0, 0,
           0x00ff00ff00ff00ffull, 1);
    T_RIEF("rnsbg", 0xffffffffffffffffull, 0x1200000000000000ull, 56, 63, 8, 0,
           0xffffffffffffff12ull, 1);
    T_RIEF("rnsbg", 0x123400000000ff00ull, 0x00ff, 48, 63, 0, 3, 0x1234000000000000ull, 0);
    T_RIEF("rnsbg", 0xf00000000000000full, 0xffffffffffffffffull, 62, 1, 0, 0,
           0xf00000000000000full, 1);
}

static void test_rosbg(void)
{
    T_RIEF("rosbg", 0, 0x8000000000000001ull, 62, 63, 1, 0, 3, 1);
    T_RIEF("rosbg", 0, 0x8000000000000001ull, 0, 61, 1, 3, 0, 0);
    T_RIEF("rosbg", 0x0f0f000000000000ull, 0xf0f0, 0, 15, 48, 0, 0xffff000000000000ull, 1);
    T_RIEF("rosbg", 0x8000000000000000ull, 0xffff, 63, 0, 0, 0, 0x8000000000000001ull, 1);
}

static void test_rxsbg(void)
{
    T_RIEF("rxsbg", 0xffff, 0xffff, 48, 63, 0, 1, 0, 0);
    T_RIEF("rxsbg", 0xf0f0, 0xff00, 48, 63, 0, 0, 0x0ff0, 1);
    T_RIEF("rxsbg", 0xffffffff00000000ull, 0xffffffff, 0, 31, 32, 0, 0, 0);
    T_RIEF("rxsbg", 0xffffffff00000000ull, 0xffffffff, 0, 63, 32, 0, 0, 0);
    T_RIEF("rxsbg", 0x1, 0x1, 60, 62, 0, 0, 0x1, 0);
}

static void test_risbhg_risblg(void)
{
    T_RIEF("risbhg", 0x1111111122222222ull, 0xaabbccdd, 0, 31, 32, 2,
           0xaabbccdd22222222ull, 2);
    T_RIEF("risbhg", 0x1111111122222222ull, 0xaabbccdd, 8, 143, 32, 1,
           0x00bb000022222222ull, 1);
    T_RIEF("risbhg", 0x1111111122222222ull, 0xaabbccdd, 8, 15, 32, 0,
           0x11bb111122222222ull, 0);
    T_RIEF("risbhg", 0, 0xffffffff00000000ull, 24, 7, 0, 3, 0xff0000ff00000000ull, 3);
    T_RIEF("risbhg", 0x1111111122222222ull, 0, 0, 159, 0, 3, 0x0000000022222222ull, 3);
    T_RIEF("risblg", 0x1111111122222222ull, 0xaabbccdd00000000ull, 0, 31, 32, 2,
           0x11111111aabbccddull, 2);
    T_RIEF("risblg", 0x1111111122222222ull, 0xaabbccdd00000000ull, 16, 151, 32, 1,
           0x111111110000cc00ull, 1);
    T_RIEF("risblg", 0x1111111122222222ull, 0xaabbccdd00000000ull, 16, 23, 32, 0,
           0x111111112222cc22ull, 0);
    T_RIEF("risblg", 0, 0xffffffff, 24, 7, 0, 1, 0xff0000ffull, 1);
    T_RIEF("risblg", 0x1111111122222222ull, 0, 31, 159, 0, 2, 0x1111111100000000ull, 2);
}

int main(void)
{
    test_risbg();
    test_rnsbg();
    test_rosbg();
    test_rxsbg();
    test_risbhg_risblg();
    return 0;
}
