/*
 * logical_imm.c - AND/OR/EXCLUSIVE OR IMMEDIATE and INSERT IMMEDIATE on
 * each halfword and word of a register (CC from the field alone), TEST
 * UNDER MASK on register halfwords (mixed CC 1/2 from the leftmost
 * selected bit), FIND LEFTMOST ONE and POPULATION COUNT.
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

#define V 0x123456789abcdef0ull

static void test_and_imm(void)
{
    T_RI("nihf", V, 0xff00ff00ll, 0, 0x120056009abcdef0ull, 1);
    T_RI("nihf", V, 0, 1, 0x000000009abcdef0ull, 0);
    T_RI("nilf", V, 0x0000ffff, 0, 0x123456780000def0ull, 1);
    T_RI("nilf", V, 0x65432100, 2, 0x1234567800000000ull, 0);
    T_RI("nihh", V, 0x00ff, 0, 0x003456789abcdef0ull, 1);
    T_RI("nihh", V, 0xed00, 1, 0x000056789abcdef0ull, 0);
    T_RI("nihl", V, 0xff00, 0, 0x123456009abcdef0ull, 1);
    T_RI("nilh", V, 0x0f0f, 0, 0x123456780a0cdef0ull, 1);
    T_RI("nill", V, 0, 1, 0x123456789abc0000ull, 0);
    T_RI("nill", V, 0xffff, 0, V, 1);
}

static void test_or_imm(void)
{
    T_RI("oihf", 0, 0, 1, 0, 0);
    T_RI("oihf", 0x0000000100000000ull, 0x80000000ll, 0, 0x8000000100000000ull, 1);
    T_RI("oilf", 0xffffffff00000000ull, 0, 1, 0xffffffff00000000ull, 0);
    T_RI("oilf", 0, 0xffffffffll, 0, 0xffffffff, 1);
    T_RI("oihh", 0x0000ffffffffffffull, 0, 2, 0x0000ffffffffffffull, 0);
    T_RI("oihh", 0, 0x8000, 0, 0x8000000000000000ull, 1);
    T_RI("oihl", 0, 0x0001, 0, 0x0000000100000000ull, 1);
    T_RI("oilh", V, 0x0505, 0, 0x123456789fbddef0ull, 1);
    T_RI("oill", 0xffffffffffff0000ull, 0, 1, 0xffffffffffff0000ull, 0);
    T_RI("oill", 0, 0xffff, 0, 0xffff, 1);
}

static void test_xor_imm(void)
{
    T_RI("xihf", 0xffffffff00000000ull, 0xffffffffll, 1, 0, 0);
    T_RI("xihf", V, 0x12345678, 1, 0x000000009abcdef0ull, 0);
    T_RI("xihf", V, 0x80000000ll, 0, 0x923456789abcdef0ull, 1);
    T_RI("xilf", 0x12345678, 0x12345678, 1, 0, 0);
    T_RI("xilf", 0x12345678, 0xffffffffll, 0, 0xedcba987, 1);
    T_RI("xilf", 0xffffffff00000000ull, 0x1, 0, 0xffffffff00000001ull, 1);
}

static void test_insert_imm(void)
{
    T_RI("iihf", 0x1111111122222222ull, 0xdeadbeefll, 2, 0xdeadbeef22222222ull, 2);
    T_RI("iilf", 0x1111111122222222ull, 0, 1, 0x1111111100000000ull, 1);
    T_RI("iihh", 0x1111111122222222ull, 0xabcd, 3, 0xabcd111122222222ull, 3);
    T_RI("iihl", 0x1111111122222222ull, 0xabcd, 0, 0x1111abcd22222222ull, 0);
    T_RI("iilh", 0x1111111122222222ull, 0xffff, 2, 0x11111111ffff2222ull, 2);
    T_RI("iill", 0x1111111122222222ull, 0, 1, 0x1111111122220000ull, 1);
}

static void test_tm(void)
{
    T_RI("tmll", 0x00f0, 0x00f0, 0, 0x00f0, 3);
    T_RI("tmll", 0x00f0, 0x0f0f, 3, 0x00f0, 0);
    T_RI("tmll", 0xffff, 0, 3, 0xffff, 0);
    T_RI("tmll", 0x00f0, 0x0180, 0, 0x00f0, 1);
    T_RI("tmll", 0x00f0, 0x00c1, 0, 0x00f0, 2);
    T_RI("tmll", 0x8001, 0xffff, 0, 0x8001, 2);
    T_RI("tmll", 0x7ffe, 0xffff, 0, 0x7ffe, 1);
    T_RI("tmll", 0xffffffffffff0001ull, 0x0001, 0, 0xffffffffffff0001ull, 3);
    T_RI("tmlh", 0x0000800100000000ull >> 16, 0x8001, 0, 0x0000000080010000ull, 3);
    T_RI("tmlh", 0x80010000, 0xc000, 0, 0x80010000, 2);
    T_RI("tmlh", 0x80010000, 0x4002, 0, 0x80010000, 0);
    T_RI("tmhl", 0x0000000100000000ull, 0x0003, 0, 0x0000000100000000ull, 1);
    T_RI("tmhl", 0x0000000200000000ull, 0x0003, 0, 0x0000000200000000ull, 2);
    T_RI("tmhh", 0x8001000000000000ull, 0x8001, 0, 0x8001000000000000ull, 3);
    T_RI("tmhh", 0x8001000000000000ull, 0xc000, 0, 0x8001000000000000ull, 2);
    T_RI("tmhh", 0x0000ffffffffffffull, 0xffff, 3, 0x0000ffffffffffffull, 0);
}

/* FLOGR into the pair r2:r3. */
#define T_FLOGR(src, ecount, erest, ecc) do {                                        \
    uint64_t h_, l_, i_;                                                              \
    asm volatile("lghi %%r2,-1\n\tlghi %%r3,-1\n\tflogr %%r2,%[b]\n\tipm %[i]\n\t"    \
                 "lgr %[h],%%r2\n\tlgr %[l],%%r3"                                    \
                 : [h] "=d"(h_), [l] "=d"(l_), [i] "=&d"(i_) : [b] "d"(src)            \
                 : "cc", "r2", "r3");                                                 \
    chk("flogr count", h_, (ecount), rt_cc_from_ipm(i_), (ecc));                      \
    chk("flogr rest", l_, (erest), rt_cc_from_ipm(i_), (ecc));                        \
} while (0)

static void test_flogr(void)
{
    T_FLOGR(0ull, 64, 0, 0);
    T_FLOGR(0x8000000000000000ull, 0, 0, 2);
    T_FLOGR(1ull, 63, 0, 2);
    T_FLOGR(0x00f0000000000001ull, 8, 0x0070000000000001ull, 2);
    T_FLOGR(0xffffffffffffffffull, 0, 0x7fffffffffffffffull, 2);
    T_FLOGR(0x0000000180000000ull, 31, 0x0000000080000000ull, 2);

    /* Source in the odd register of the result pair. */
    T_PAIR("flogr r2,r3", "flogr %%r2,%%r3\n\tspm %[m]", 7, 0x0000000100000000ull, 0, 0, 0, 0,
           31, 0);
    /* Source in the even register. */
    T_PAIR("flogr r2,r2", "flogr %%r2,%%r2\n\tspm %[m]", 0x0000000000000030ull, 7, 0, 0, 0, 0,
           58, 0x10);
    T_PAIR("flogr odd", ".insn rre,0xb9830000,%%r3,%[b]", 5, 6, 1, 0, PGM_SPECIFICATION, 2, 5,
           6);
}

static void test_popcnt(void)
{
    T_RR("popcnt", 0x1234, 0, 1, 0, 0);
    T_RR("popcnt", 0, 0xff010380700fffffull, 0, 0x0801020103040808ull, 1);
    T_RR("popcnt", 0, 0x8000000000000000ull, 0, 0x0100000000000000ull, 1);
    T_RR("popcnt", 0, 0x0102040810204080ull, 0, 0x0101010101010101ull, 1);
}

int main(void)
{
    test_and_imm();
    test_or_imm();
    test_xor_imm();
    test_insert_imm();
    test_tm();
    test_flogr();
    test_popcnt();
    return 0;
}
