/*
 * arith_logical.c - ADD LOGICAL and SUBTRACT LOGICAL (with carry/borrow,
 * signed-immediate, storage-immediate and high-word forms): results and the
 * carry/borrow condition codes (add: 0 zero, 1 nonzero, 2 zero+carry,
 * 3 nonzero+carry; subtract: 0 zero+borrow, 1 nonzero+borrow, 2 zero,
 * 3 nonzero, no borrow).
 */
#include "rt/rt.h"

/* Keep compiled code off the floating-point registers (GPR spills to FPRs). */
#pragma GCC target("soft-float")

#include "arith_common.h"

static void test_add_logical(void)
{
    static const uint32_t w80 = 0x80000000, w1 = 1, wff = 0xffffffff;
    static const uint64_t dff = 0xffffffffffffffffull;

    T_RR("alr", 0x12345678ffffffffull, 1, 0, 0x1234567800000000ull, 2);
    T_RR("alr", 0xffffffff, 2, 0, 1, 3);
    T_RR("alr", 1, 2, 0, 3, 1);
    T_RR("alr", 0, 0xffffffff00000000ull, 3, 0, 0);
    T_RR("algr", 0xffffffffffffffffull, 1, 0, 0, 2);
    T_RR("algr", 0x8000000000000000ull, 0x8000000000000001ull, 0, 1, 3);
    T_RR("algr", 0xffffffff, 1, 0, 0x100000000ull, 1);
    T_RR("algfr", 0xffffffffffffffffull, 0xabcdef0000000001ull, 0, 0, 2);
    T_RR("algfr", 1, 0xffffffff, 0, 0x100000000ull, 1);
    T_RRR("alrk", 0x5555555512345678ull, 0x80000000, 0x80000000, 0, 0x5555555500000000ull, 2);
    T_RRR("alrk", 0, 0xfffffffe, 0x3, 0, 1, 3);
    T_RRR("algrk", 0, 5, 6, 0, 11, 1);
    T_RRR("algrk", 0, 0xffffffffffffffffull, 0xffffffffffffffffull, 0,
          0xfffffffffffffffeull, 3);
    T_RI("alfi", 0xfffffff0, 0x10, 0, 0, 2);
    T_RI("alfi", 1, 0xffffffffll, 0, 0, 2);
    T_RI("alfi", 0xaaaaaaaa00000000ull, 0xffffffffll, 0, 0xaaaaaaaaffffffffull, 1);
    T_RI("algfi", 0xffffffffffffffffull, 1, 0, 0, 2);
    T_RI("algfi", 0, 0xffffffffll, 0, 0xffffffff, 1);
    T_RI("algfi", 0xffffffff00000001ull, 0xffffffffll, 0, 0, 2);
    T_RRI("alhsik", 0x7777777700000000ull, 5, -1, 0, 0x7777777700000004ull, 3);
    T_RRI("alhsik", 0, 0, -1, 0, 0xffffffff, 1);
    T_RRI("alhsik", 0, 1, -1, 0, 0, 2);
    T_RRI("alhsik", 0, 0xffff0000, 0x7fff, 0, 0xffff7fff, 1);
    T_RRI("alghsik", 0, 0x10, -0x10, 0, 0, 2);
    T_RRI("alghsik", 0, 0xfffffffffffffff0ull, 0x10, 0, 0, 2);
    T_RRI("alghsik", 0, 0, 5, 3, 5, 1);
    T_RRI("alghsik", 0, 0, -5, 0, (uint64_t)-5, 1);
    T_RX("al", 0x80000000, &w80, 0, 0, 2);
    T_RX("aly", 0x7fffffff, &w1, 0, 0x80000000, 1);
    T_RX("alg", 2, &dff, 0, 1, 3);
    T_RX("algf", 1, &wff, 0, 0x100000000ull, 1);
    T_RX("algf", 0xffffffff00000001ull, &wff, 0, 0, 2);
}

static void test_add_carry(void)
{
    static const uint32_t w1 = 1;
    static const uint64_t d1 = 1;

    T_RR("alcr", 0xffffffff, 0, 2, 0, 2);
    T_RR("alcr", 1, 1, 3, 3, 1);
    T_RR("alcr", 1, 1, 1, 2, 1);
    T_RR("alcr", 0xfffffffe, 1, 3, 0, 2);
    T_RR("alcr", 0xffffffff, 0xffffffff, 2, 0xffffffff, 3);
    T_RR("alcr", 0, 0, 0, 0, 0);
    T_RR("alcgr", 0xffffffffffffffffull, 0xffffffffffffffffull, 2, 0xffffffffffffffffull, 3);
    T_RR("alcgr", 0xfffffffffffffffeull, 1, 2, 0, 2);
    T_RR("alcgr", 0xfffffffffffffffeull, 1, 1, 0xffffffffffffffffull, 1);
    T_RX("alc", 0xaaaaaaaafffffffeull, &w1, 3, 0xaaaaaaaa00000000ull, 2);
    T_RX("alc", 5, &w1, 0, 6, 1);
    T_RX("alcg", 0xffffffffffffffffull, &d1, 0, 0, 2);
    T_RX("alcg", 0xffffffffffffffffull, &d1, 2, 1, 3);
}

static void test_sub_logical(void)
{
    static const uint32_t w5 = 5, wff = 0xffffffff;
    static const uint64_t d1 = 1, d8 = 0x8000000000000000ull;

    T_RR("slr", 5, 3, 0, 2, 3);
    T_RR("slr", 0xcccccccc00000003ull, 5, 0, 0xccccccccfffffffeull, 1);
    T_RR("slr", 5, 5, 0, 0, 2);
    T_RR("slgr", 0, 1, 0, 0xffffffffffffffffull, 1);
    T_RR("slgr", 0x8000000000000000ull, 1, 0, 0x7fffffffffffffffull, 3);
    T_RR("slgr", 7, 7, 1, 0, 2);
    T_RR("slgfr", 0x100000000ull, 0xffffffff00000001ull, 0, 0xffffffff, 3);
    T_RR("slgfr", 0, 0xffffffff, 0, 0xffffffff00000001ull, 1);
    T_RRR("slrk", 0x9999999912345678ull, 0, 1, 0, 0x99999999ffffffffull, 1);
    T_RRR("slrk", 0, 0x80000000, 0x7fffffff, 0, 1, 3);
    T_RRR("slgrk", 0, 7, 7, 0, 0, 2);
    T_RRR("slgrk", 0, 6, 7, 0, 0xffffffffffffffffull, 1);
    T_RI("slfi", 0x10, 0x10, 0, 0, 2);
    T_RI("slfi", 0, 0xffffffffll, 0, 1, 1);
    T_RI("slfi", 0xffffffff, 0xfffffffell, 0, 1, 3);
    T_RI("slgfi", 0x100000000ull, 0xffffffffll, 0, 1, 3);
    T_RI("slgfi", 0, 1, 0, 0xffffffffffffffffull, 1);
    T_RX("sl", 5, &w5, 0, 0, 2);
    T_RX("sly", 4, &w5, 0, 0xffffffff, 1);
    T_RX("slg", 0, &d1, 0, 0xffffffffffffffffull, 1);
    T_RX("slg", 0x8000000000000000ull, &d8, 0, 0, 2);
    T_RX("slgf", 0x1ffffffffull, &wff, 0, 0x100000000ull, 3);
}

static void test_sub_borrow(void)
{
    static const uint32_t w3 = 3;
    static const uint64_t dff = 0xffffffffffffffffull;

    T_RR("slbr", 5, 3, 3, 2, 3);
    T_RR("slbr", 5, 3, 1, 1, 3);
    T_RR("slbr", 3, 3, 1, 0xffffffff, 1);
    T_RR("slbr", 4, 3, 0, 0, 2);
    T_RR("slbr", 0, 0, 0, 0xffffffff, 1);
    T_RR("slbr", 0, 0xffffffff, 0, 0, 0);
    T_RR("slbr", 0, 0xffffffff, 2, 1, 1);
    T_RR("slbgr", 0, 0xffffffffffffffffull, 0, 0, 0);
    T_RR("slbgr", 10, 3, 2, 7, 3);
    T_RR("slbgr", 10, 3, 1, 6, 3);
    T_RX("slb", 0x4444444400000003ull, &w3, 1, 0x44444444ffffffffull, 1);
    T_RX("slb", 4, &w3, 0, 0, 2);
    T_RX("slbg", 0, &dff, 0, 0, 0);
    T_RX("slbg", 0, &dff, 3, 1, 1);
}

/* 128-bit arithmetic as a program would write it. */
static void test_multiprecision(void)
{
    uint64_t hi = 0x1, lo = 0xffffffffffffffffull, ipm;

    asm volatile("algr %[lo],%[b]\n\talcgr %[hi],%[c]\n\tipm %[i]"
                 : [hi] "+&d"(hi), [lo] "+&d"(lo), [i] "=d"(ipm)
                 : [b] "d"(1ull), [c] "d"(0ull) : "cc");
    chk("algr+alcgr hi", hi, 2, rt_cc_from_ipm(ipm), 1);
    chk("algr+alcgr lo", lo, 0, 1, 1);
    asm volatile("slgr %[lo],%[b]\n\tslbgr %[hi],%[c]\n\tipm %[i]"
                 : [hi] "+&d"(hi), [lo] "+&d"(lo), [i] "=d"(ipm)
                 : [b] "d"(1ull), [c] "d"(0ull) : "cc");
    chk("slgr+slbgr hi", hi, 1, rt_cc_from_ipm(ipm), 3);
    chk("slgr+slbgr lo", lo, 0xffffffffffffffffull, 1, 1);
}

static void test_high_logical(void)
{
    T_RRR("alhhhr", 0x1111111122222222ull, 0xffffffff33333333ull, 0x0000000144444444ull, 0,
          0x0000000022222222ull, 2);
    T_RRR("alhhhr", 0x1111111122222222ull, 0xffffffff33333333ull, 0x0000000244444444ull, 0,
          0x0000000122222222ull, 3);
    T_RRR("alhhlr", 0x1111111122222222ull, 0x0000000133333333ull, 0x5555555500000002ull, 0,
          0x0000000322222222ull, 1);
    T_RRR("slhhhr", 0x1111111122222222ull, 0x0000000533333333ull, 0x0000000744444444ull, 0,
          0xfffffffe22222222ull, 1);
    T_RRR("slhhlr", 0x1111111122222222ull, 0x0000000533333333ull, 0x0000000700000005ull, 0,
          0x0000000022222222ull, 2);
    T_RRR("slhhlr", 0x1111111122222222ull, 0x0000000933333333ull, 0x0000000700000005ull, 0,
          0x0000000422222222ull, 3);
    T_RI("alsih", 0xffffffff12345678ull, 1, 0, 0x0000000012345678ull, 2);
    T_RI("alsih", 0x0000001012345678ull, -1, 0, 0x0000000f12345678ull, 3);
    T_RI("alsih", 0x0000000012345678ull, -1, 0, 0xffffffff12345678ull, 1);
    T_RI("alsihn", 0xffffffff12345678ull, 1, 1, 0x0000000012345678ull, 1);
    T_RI("alsihn", 0x0000001012345678ull, -0x11, 2, 0xffffffff12345678ull, 2);
}

static void test_storage_imm(void)
{
    static uint32_t w;
    static uint64_t d;
    uint64_t i_;

    w = 0xffffffff;
    asm volatile("alsi %[m],1\n\tipm %[i]" : [m] "+QS"(w), [i] "=d"(i_) : : "cc");
    chk("alsi", w, 0, rt_cc_from_ipm(i_), 2);
    w = 5;
    asm volatile("alsi %[m],-1\n\tipm %[i]" : [m] "+QS"(w), [i] "=d"(i_) : : "cc");
    chk("alsi", w, 4, rt_cc_from_ipm(i_), 3);
    w = 0;
    asm volatile("alsi %[m],-1\n\tipm %[i]" : [m] "+QS"(w), [i] "=d"(i_) : : "cc");
    chk("alsi", w, 0xffffffff, rt_cc_from_ipm(i_), 1);
    w = 0x7fffffff;
    asm volatile("alsi %[m],127\n\tipm %[i]" : [m] "+QS"(w), [i] "=d"(i_) : : "cc");
    chk("alsi", w, 0x8000007e, rt_cc_from_ipm(i_), 1);
    d = 0xfffffffffffffffeull;
    asm volatile("algsi %[m],1\n\tipm %[i]" : [m] "+QS"(d), [i] "=d"(i_) : : "cc");
    chk("algsi", d, 0xffffffffffffffffull, rt_cc_from_ipm(i_), 1);
    d = 1;
    asm volatile("algsi %[m],-1\n\tipm %[i]" : [m] "+QS"(d), [i] "=d"(i_) : : "cc");
    chk("algsi", d, 0, rt_cc_from_ipm(i_), 2);
    d = 0xffffffffffffff81ull;
    asm volatile("algsi %[m],127\n\tipm %[i]" : [m] "+QS"(d), [i] "=d"(i_) : : "cc");
    chk("algsi", d, 0, rt_cc_from_ipm(i_), 2);
}

int main(void)
{
    test_add_logical();
    test_add_carry();
    test_sub_logical();
    test_sub_borrow();
    test_multiprecision();
    test_high_logical();
    test_storage_imm();
    return 0;
}
