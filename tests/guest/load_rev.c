/*
 * load_rev.c - the byte-reversed loads and stores, and LOAD/STORE PAIR
 * (quadword) with their specification exceptions.
 */
#include "rt/rt.h"

static const uint8_t src[8] __attribute__((aligned(8))) = {
    0x01, 0x02, 0x03, 0x84, 0x05, 0x06, 0x07, 0x88,
};

static void test_reversed(void)
{
    uint64_t r;
    uint8_t buf[8];
    const uint8_t *p = src;
    static const uint8_t e1[8] = { 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11 };
    static const uint8_t e2[8] = { 0x88, 0x77, 0x66, 0x55, 0xee, 0x88, 0x77, 0xee };
    const uint64_t v = 0x1122334455667788ull;

    r = 0xa5a5a5a5a5a5a5a5ull;
    asm volatile("lrv %0,0(%1)" : "+d"(r) : "a"(p) : "memory");
    rt_check_u64("lrv", r, 0xa5a5a5a584030201ull);
    asm volatile("lrvg %0,0(%1)" : "=d"(r) : "a"(p) : "memory");
    rt_check_u64("lrvg", r, 0x8807060584030201ull);
    r = 0xa5a5a5a5a5a5a5a5ull;
    asm volatile("lrvh %0,2(%1)" : "+d"(r) : "a"(p) : "memory");
    rt_check_u64("lrvh: bits 48-63 only", r, 0xa5a5a5a5a5a58403ull);
    r = 0xa5a5a5a5a5a5a5a5ull;
    asm("lrvr %0,%1" : "+d"(r) : "d"(v));
    rt_check_u64("lrvr", r, 0xa5a5a5a588776655ull);
    asm("lrvgr %0,%1" : "=d"(r) : "d"(v));
    rt_check_u64("lrvgr", r, 0x8877665544332211ull);
    r = v;
    asm("lrvgr %0,%0" : "+d"(r));
    rt_check_u64("lrvgr same register", r, 0x8877665544332211ull);

    asm volatile("strvg %1,0(%0)" : : "a"(buf), "d"(v) : "memory");
    rt_check_mem("strvg", buf, e1, 8);
    for (int i = 0; i < 8; i++)
        buf[i] = 0xee;
    asm volatile("strv %1,0(%0)\n\tstrvh %1,5(%0)" : : "a"(buf), "d"(v) : "memory");
    rt_check_mem("strv strvh", buf, e2, 8);
}

static void test_pair(void)
{
    static uint64_t q[4] __attribute__((aligned(16))) = {
        0x0123456789abcdefull, 0xfedcba9876543210ull, 0, 0,
    };
    uint64_t hi, lo;

    asm volatile("lpq %%r2,0(%2)\n\tlgr %0,%%r2\n\tlgr %1,%%r3"
                 : "=d"(hi), "=d"(lo) : "a"(q) : "r2", "r3", "memory");
    rt_check_u64("lpq even register", hi, 0x0123456789abcdefull);
    rt_check_u64("lpq odd register", lo, 0xfedcba9876543210ull);
    asm volatile("lgr %%r4,%0\n\tlgr %%r5,%1\n\tstpq %%r4,16(%2)"
                 : : "d"(lo), "d"(hi), "a"(q) : "r4", "r5", "memory");
    rt_check_u64("stpq first doubleword", q[2], 0xfedcba9876543210ull);
    rt_check_u64("stpq second doubleword", q[3], 0x0123456789abcdefull);
}

/* LPQ on an address that is only doubleword aligned, and STPQ with an odd
 * R1: specification exception (ILC 3), nothing changed. */
static void test_pair_specification(void)
{
    static uint64_t q[4] __attribute__((aligned(16))) = { 1, 2, 3, 4 };
    struct rt_pgm_info pi;
    uint64_t next, r2;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[next],1f\n"
                 "  lghi  %%r2,77\n"
                 "  lpq   %%r2,8(%[q])\n"
                 "1:  lgr   %[r2],%%r2\n"
                 : [next] "=&d"(next), [r2] "=&d"(r2), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [q] "a"(q) : "r1", "r2", "r3", "memory");
    rt_check(rt_pgm_disarm(&pi), "lpq misaligned: interruption");
    rt_check_u64("lpq misaligned: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("lpq misaligned: ilc 3", pi.ilc, 3);
    rt_check_u64("lpq misaligned: old psw", pi.addr, next);
    rt_check_u64("lpq misaligned: r2 unchanged", r2, 77);

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[next],1f\n"
                 "  .insn rxy,0xe3000000008e,%%r3,0(%[q])\n"     /* stpq %r3 */
                 "1:\n"
                 : [next] "=&d"(next), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [q] "a"(q) : "r1", "memory");
    rt_check(rt_pgm_disarm(&pi), "stpq odd r1: interruption");
    rt_check_u64("stpq odd r1: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("stpq odd r1: storage unchanged", q[0] + q[1], 3);
}

int main(void)
{
    test_reversed();
    test_pair();
    test_pair_specification();
    return 0;
}
