/*
 * ss_logic.c - NC, OC, XC, CLC: results, condition codes, overlap, page
 * crossing, maximum length.
 */
#include "rt/rt.h"

static uint8_t pages[2 * 4096] __attribute__((aligned(4096)));

static void test_nc_oc_xc(void)
{
    uint8_t a[4] = { 0xf0, 0x0f, 0xff, 0x00 };
    const uint8_t m[4] = { 0x3c, 0x3c, 0x81, 0xff };
    const uint8_t zero[4] = { 0 };
    uint64_t ipm;

    asm volatile("nc 0(4,%[d]),0(%[s])\n\tipm %[c]"
                 : [c] "=d"(ipm) : [d] "a"(a), [s] "a"(m) : "cc", "memory");
    rt_check_mem("nc result", a, ((const uint8_t[]){ 0x30, 0x0c, 0x81, 0x00 }), 4);
    rt_check_u64("nc cc 1 (nonzero)", rt_cc_from_ipm(ipm), 1);

    asm volatile("oc 0(4,%[d]),0(%[s])\n\tipm %[c]"
                 : [c] "=d"(ipm) : [d] "a"(a), [s] "a"(m) : "cc", "memory");
    rt_check_mem("oc result", a, ((const uint8_t[]){ 0x3c, 0x3c, 0x81, 0xff }), 4);
    rt_check_u64("oc cc 1", rt_cc_from_ipm(ipm), 1);

    asm volatile("xc 0(4,%[d]),0(%[s])\n\tipm %[c]"
                 : [c] "=d"(ipm) : [d] "a"(a), [s] "a"(m) : "cc", "memory");
    rt_check_mem("xc of equal values is zero", a, zero, 4);
    rt_check_u64("xc cc 0 (zero)", rt_cc_from_ipm(ipm), 0);

    uint8_t b[4] = { 0x12, 0, 0, 0 };
    asm volatile("nc 0(4,%[d]),0(%[s])\n\tipm %[c]"
                 : [c] "=d"(ipm) : [d] "a"(b), [s] "a"(zero) : "cc", "memory");
    rt_check_u64("nc with zero: cc 0", rt_cc_from_ipm(ipm), 0);
    asm volatile("oc 0(4,%[d]),0(%[s])\n\tipm %[c]"
                 : [c] "=d"(ipm) : [d] "a"(b), [s] "a"(zero) : "cc", "memory");
    rt_check_u64("oc zero with zero: cc 0", rt_cc_from_ipm(ipm), 0);
}

/* XC of an operand with itself clears it: the usual way to zero storage. */
static void test_xc_self(void)
{
    uint8_t *p = pages + 4096 - 128;
    uint8_t zero[256];
    uint64_t ipm;

    for (int i = 0; i < 300; i++)
        p[i] = (uint8_t)(i | 1);
    memset(zero, 0, sizeof(zero));
    asm volatile("xc 0(256,%[d]),0(%[d])\n\tipm %[c]"
                 : [c] "=d"(ipm) : [d] "a"(p) : "cc", "memory");
    rt_check_mem("xc self 256 bytes across a page", p, zero, 256);
    rt_check_u64("xc self cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("xc self: next byte untouched", p[256], 1);

    uint8_t q[12] = "abcdefghijk";
    asm volatile("xc 2(8,%[d]),2(%[d])\n\tipm %[c]"
                 : [c] "=d"(ipm) : [d] "a"(q) : "cc", "memory");
    rt_check_mem("xc self within a page", q, "ab\0\0\0\0\0\0\0\0k", 12);
    rt_check_u64("xc self within a page: cc 0", rt_cc_from_ipm(ipm), 0);
}

/* Overlapping XC one byte to the right: each result byte is the source for
 * the next (byte-at-a-time processing). */
static void test_xc_overlap(void)
{
    uint8_t b[5] = { 0x01, 0x02, 0x04, 0x08, 0x10 };
    uint64_t ipm;

    asm volatile("xc 1(4,%[d]),0(%[d])\n\tipm %[c]"
                 : [c] "=d"(ipm) : [d] "a"(b) : "cc", "memory");
    rt_check_mem("xc one-byte overlap chains", b,
                 ((const uint8_t[]){ 0x01, 0x03, 0x07, 0x0f, 0x1f }), 5);
    rt_check_u64("xc overlap cc 1", rt_cc_from_ipm(ipm), 1);
}

static unsigned clc4(const void *a, const void *b)
{
    uint64_t ipm;

    asm volatile("clc 0(4,%[a]),0(%[b])\n\tipm %[c]"
                 : [c] "=d"(ipm) : [a] "a"(a), [b] "a"(b) : "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

static void test_clc(void)
{
    const uint8_t x[4] = { 1, 2, 3, 4 }, y[4] = { 1, 2, 3, 4 };
    const uint8_t lo[4] = { 1, 2, 2, 0xff }, hi[4] = { 1, 0x80, 0, 0 };

    rt_check_u64("clc equal: cc 0", clc4(x, y), 0);
    rt_check_u64("clc first low: cc 1", clc4(lo, x), 1);
    rt_check_u64("clc first high: cc 2", clc4(x, lo), 2);
    rt_check_u64("clc unsigned: 0x80 > 0x02, cc 2", clc4(hi, x), 2);

    uint8_t *a = pages + 4096 - 200, *b = pages + 600;
    uint64_t ipm;
    for (int i = 0; i < 256; i++)
        a[i] = b[i] = (uint8_t)(i * 3);
    asm volatile("clc 0(256,%[a]),0(%[b])\n\tipm %[c]"
                 : [c] "=d"(ipm) : [a] "a"(a), [b] "a"(b) : "cc", "memory");
    rt_check_u64("clc 256 across a page equal", rt_cc_from_ipm(ipm), 0);
    a[255] = (uint8_t)(a[255] - 1);
    asm volatile("clc 0(256,%[a]),0(%[b])\n\tipm %[c]"
                 : [c] "=d"(ipm) : [a] "a"(a), [b] "a"(b) : "cc", "memory");
    rt_check_u64("clc 256 last byte low", rt_cc_from_ipm(ipm), 1);
}

int main(void)
{
    test_nc_oc_xc();
    test_xc_self();
    test_xc_overlap();
    test_clc();
    return 0;
}
