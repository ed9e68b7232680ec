/*
 * arith_add.c - signed binary ADD and SUBTRACT in every operand form:
 * results, condition codes (0 zero, 1 negative, 2 positive, 3 overflow),
 * the high word of 32-bit forms left alone, and fixed-point overflow
 * (completing: result stored, old PSW past the instruction) with the
 * program mask bit 20 on and off.
 */
#include "rt/rt.h"

/* Keep compiled code off the floating-point registers (GPR spills to FPRs). */
#pragma GCC target("soft-float")

#include "arith_common.h"

static void test_add_rr(void)
{
    T_RR("ar", 0xdeadbeef00000005ull, 7, 0, 0xdeadbeef0000000cull, 2);
    T_RR("ar", 0x7fffffff, 1, 0, 0x80000000, 3);
    T_RR("ar", 0x80000000, 0xffffffff, 0, 0x7fffffff, 3);
    T_RR("ar", 0xfffffffd, 0x1234567800000001ull, 0, 0xfffffffe, 1);
    T_RR("ar", 5, 0xfffffffb, 3, 0, 0);
    T_RR("agr", 0x7fffffffffffffffull, 1, 0, 0x8000000000000000ull, 3);
    T_RR("agr", 1, (uint64_t)-3, 0, (uint64_t)-2, 1);
    T_RR("agr", 0xffffffff, 1, 0, 0x100000000ull, 2);
    T_RR("agr", 0x8000000000000000ull, 0x8000000000000000ull, 0, 0, 3);
    T_RR("agfr", 0x100000000ull, 0xffffffffffffffffull, 0, 0xffffffff, 2);
    T_RR("agfr", 0x10, 0x1234567800000002ull, 0, 0x12, 2);
    T_RR("agfr", 0x8000000000000000ull, 0x80000000, 0, 0x7fffffff80000000ull, 3);
    T_RRR("ark", 0xaaaaaaaa12345678ull, 0x80000000, 0x80000000, 0, 0xaaaaaaaa00000000ull, 3);
    T_RRR("ark", 0xaaaaaaaa12345678ull, 0x1111111100000002ull, 3, 0, 0xaaaaaaaa00000005ull, 2);
    T_RRR("agrk", 0, 0x8000000000000000ull, (uint64_t)-1, 0, 0x7fffffffffffffffull, 3);
    T_RRR("agrk", 0, 0x100000000ull, (uint64_t)-0x100000000ll, 1, 0, 0);
}

static void test_add_imm(void)
{
    T_RI("ahi", 0x5555555500000010ull, -0x20, 0, 0x55555555fffffff0ull, 1);
    T_RI("ahi", 0x7ffffff0, 0x10, 0, 0x80000000, 3);
    T_RI("ahi", 0x7fff8000, 0x7fff, 0, 0x7fffffff, 2);
    T_RI("aghi", (uint64_t)-1, 1, 0, 0, 0);
    T_RI("aghi", 0x8000000000000000ull, -1, 0, 0x7fffffffffffffffull, 3);
    T_RI("afi", 0x7fffffff, -0x80000000ll, 0, 0xffffffff, 1);
    T_RI("afi", 0x7fffffff, 0x7fffffff, 0, 0xfffffffe, 3);
    T_RI("agfi", 0x7fffffffffffffffull, 1, 0, 0x8000000000000000ull, 3);
    T_RI("agfi", 0, -0x80000000ll, 0, 0xffffffff80000000ull, 1);
    T_RRI("ahik", 0x1111111100000000ull, 0x7fff0000, 0x7fff, 0, 0x111111117fff7fffull, 2);
    T_RRI("ahik", 0, 0x80000000, -1, 0, 0x7fffffff, 3);
    T_RRI("aghik", 0xffff, (uint64_t)-5, 5, 1, 0, 0);
    T_RRI("aghik", 0, 0x7fffffffffff8000ull, 0x7fff, 0, 0x7fffffffffffffffull, 2);
}

static void test_add_mem(void)
{
    static const uint32_t w1 = 1, wm = 0x80000000;
    static const uint16_t h8 = 0x8000, hm1 = 0xffff;
    static const uint64_t dmin = 0x8000000000000000ull;

    T_RX("a", 0x99999999ffffffffull, &w1, 0, 0x9999999900000000ull, 0);
    T_RX("ay", 0x7fffffff, &w1, 0, 0x80000000, 3);
    T_RX("ah", 0, &h8, 0, 0xffff8000, 1);
    T_RX("ahy", 0x80000000, &hm1, 0, 0x7fffffff, 3);
    T_RX("ahy", 2, &hm1, 0, 1, 2);
    T_RX("ag", 0x8000000000000000ull, &dmin, 0, 0, 3);
    T_RX("ag", 1, &dmin, 0, 0x8000000000000001ull, 1);
    T_RX("agf", 0, &wm, 0, 0xffffffff80000000ull, 1);
    T_RX("agf", 0x80000000, &wm, 0, 0, 0);
}

static void test_sub(void)
{
    static const uint32_t wm1 = 0xffffffff, w1 = 1;
    static const uint16_t hm1 = 0xffff, h2 = 2;
    static const uint64_t d1 = 1;

    T_RR("sr", 5, 7, 0, 0xfffffffe, 1);
    T_RR("sr", 0xabcdef0080000000ull, 1, 0, 0xabcdef007fffffffull, 3);
    T_RR("sr", 0, 0x80000000, 0, 0x80000000, 3);
    T_RR("sr", 0x80000000, 0x80000000, 3, 0, 0);
    T_RR("sgr", 0, 0x8000000000000000ull, 0, 0x8000000000000000ull, 3);
    T_RR("sgr", 10, 3, 0, 7, 2);
    T_RR("sgr", 0x8000000000000000ull, 1, 0, 0x7fffffffffffffffull, 3);
    T_RR("sgfr", 0, 0xffffffffffffffffull, 0, 1, 2);
    T_RR("sgfr", 0, 0x80000000, 0, 0x80000000, 2);
    T_RRR("srk", 0xffffffff12345678ull, 3, 3, 2, 0xffffffff00000000ull, 0);
    T_RRR("srk", 0, 0x7fffffff, 0xffffffff, 0, 0x80000000, 3);
    T_RRR("sgrk", 0, 0x8000000000000000ull, 1, 0, 0x7fffffffffffffffull, 3);
    T_RRR("sgrk", 0, 1, 2, 0, (uint64_t)-1, 1);
    T_RX("s", 0x7fffffff, &wm1, 0, 0x80000000, 3);
    T_RX("sy", 1, &w1, 1, 0, 0);
    T_RX("sh", 0, &hm1, 0, 1, 2);
    T_RX("shy", 0x80000001, &h2, 0, 0x7fffffff, 3);
    T_RX("sg", 0, &d1, 0, (uint64_t)-1, 1);
    T_RX("sgf", 0x7fffffffffffffffull, &wm1, 0, 0x8000000000000000ull, 3);
}

static void test_high(void)
{
    T_RRR("ahhhr", 0x1111111122222222ull, 0x0000000599999999ull, 0x0000000788888888ull, 0,
          0x0000000c22222222ull, 2);
    T_RRR("ahhlr", 0x1111111122222222ull, 0x7fffffff00000000ull, 0x0000000000000001ull, 0,
          0x8000000022222222ull, 3);
    T_RRR("ahhlr", 0x1111111122222222ull, 0xfffffffe00000000ull, 0x0000000100000001ull, 0,
          0xffffffff22222222ull, 1);
    T_RRR("shhhr", 0x1111111122222222ull, 0x00000001aaaaaaaaull, 0x00000002bbbbbbbbull, 0,
          0xffffffff22222222ull, 1);
    T_RRR("shhlr", 0x1111111122222222ull, 0x0000000500000000ull, 0x0000000700000005ull, 3,
          0x0000000022222222ull, 0);
    T_RRR("shhhr", 0x1111111122222222ull, 0x8000000000000000ull, 0x0000000100000000ull, 0,
          0x7fffffff22222222ull, 3);
    T_RI("aih", 0x7ffffff012345678ull, 0x10, 0, 0x8000000012345678ull, 3);
    T_RI("aih", 0x0000001012345678ull, -0x20, 0, 0xfffffff012345678ull, 1);
    T_RI("aih", 0xfffffff012345678ull, 0x10, 2, 0x0000000012345678ull, 0);
}

/* ASI and AGSI: storage operand updated, overflow CC and exception. */
static void test_asi(void)
{
    static uint32_t w;
    static uint64_t d;
    uint64_t i_;

    w = 0x7fffffff;
    asm volatile("asi %[m],1\n\tipm %[i]" : [m] "+QS"(w), [i] "=d"(i_) : : "cc");
    chk("asi", w, 0x80000000, rt_cc_from_ipm(i_), 3);
    w = 5;
    asm volatile("asi %[m],-5\n\tipm %[i]" : [m] "+QS"(w), [i] "=d"(i_) : : "cc");
    chk("asi", w, 0, rt_cc_from_ipm(i_), 0);
    w = 0;
    asm volatile("asi %[m],-128\n\tipm %[i]" : [m] "+QS"(w), [i] "=d"(i_) : : "cc");
    chk("asi", w, 0xffffff80, rt_cc_from_ipm(i_), 1);
    d = (uint64_t)-1;
    asm volatile("agsi %[m],-128\n\tipm %[i]" : [m] "+QS"(d), [i] "=d"(i_) : : "cc");
    chk("agsi", d, (uint64_t)-129, rt_cc_from_ipm(i_), 1);
    d = 0x7fffffffffffff90ull;
    asm volatile("agsi %[m],127\n\tipm %[i]" : [m] "+QS"(d), [i] "=d"(i_) : : "cc");
    chk("agsi", d, 0x800000000000000full, rt_cc_from_ipm(i_), 3);
    d = 0x7ffffffffffffff0ull;
    asm volatile("agsi %[m],15\n\tipm %[i]" : [m] "+QS"(d), [i] "=d"(i_) : : "cc");
    chk("agsi", d, 0x7fffffffffffffffull, rt_cc_from_ipm(i_), 2);
}

/* Fixed-point overflow with program-mask bit 20 off: no interruption, CC 3.
 * The interruption itself (mask bit on) is tested in arith_ovf.c. */
static void test_overflow_masked(void)
{
    T_PGM("ar pm0", "ar %[a],%[b]", 0x7fffffff, 1, 0, 0, 0, 0x80000000, 3);
    T_PGM("ar pm7", "ar %[a],%[b]", 0x7fffffff, 1, 7, 0, 0, 0x80000000, 3);
    T_PGM("agr pm7", "agr %[a],%[b]", 0x8000000000000000ull, (uint64_t)-1, 7, 0, 0,
          0x7fffffffffffffffull, 3);
    T_PGM("sr pm0", "sr %[a],%[b]", 0x80000000, 1, 0, 0, 0, 0x7fffffff, 3);
    T_PGM("sgr pm7", "sgr %[a],%[b]", 0, 0x8000000000000000ull, 7, 0, 0,
          0x8000000000000000ull, 3);
    T_PGM("afi pm0", "afi %[a],-1", 0x80000000, 0, 0, 0, 0, 0x7fffffff, 3);
    T_PGM("ahik pm0", "ahik %[a],%[b],-2", 0, 0x80000001, 0, 0, 0, 0x7fffffff, 3);
}

/* Operands that straddle a page boundary. */
static void test_page_cross(void)
{
    static uint8_t buf[8192] __attribute__((aligned(4096)));
    uint8_t *w = buf + 4094, *d = buf + 4092;
    uint64_t i_;

    w[0] = 0x7f; w[1] = 0xff; w[2] = 0xff; w[3] = 0xff;
    T_RX("a", 1, w, 0, 0x80000000, 3);
    T_RX("s", 0x7fffffff, w, 0, 0, 0);
    asm volatile("asi 0(%[p]),1\n\tipm %[i]" : [i] "=d"(i_) : [p] "a"(w) : "cc", "memory");
    chk("asi cross", ((uint32_t)w[0] << 24) | ((uint32_t)w[1] << 16) | (w[2] << 8) | w[3],
        0x80000000, rt_cc_from_ipm(i_), 3);
    for (int k = 0; k < 8; k++)
        d[k] = (uint8_t)(k == 7);
    T_RX("ag", 0xffffffffffffffffull, d, 0, 0, 0);
    asm volatile("agsi 0(%[p]),-2\n\tipm %[i]" : [i] "=d"(i_) : [p] "a"(d) : "cc", "memory");
    chk("agsi cross", d[7] | ((uint64_t)d[0] << 56), 0xff000000000000ffull, rt_cc_from_ipm(i_),
        1);
}

int main(void)
{
    test_add_rr();
    test_add_imm();
    test_add_mem();
    test_sub();
    test_high();
    test_asi();
    test_overflow_masked();
    test_page_cross();
    return 0;
}
