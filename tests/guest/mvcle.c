/*
 * mvcle.c - MVCLE, CLCLE, MVCLU, CLCLU: the CC 3 loop over CPU-determined
 * amounts, padding (one- and two-byte), final condition codes and
 * registers, 31-bit register handling, specification exceptions.
 */
#include "rt/rt.h"

static uint8_t pages[6 * 4096] __attribute__((aligned(4096)));

struct lregs {
    uint64_t r4, r5, r6, r7;
    unsigned cc;
};

static uint64_t A(const void *p)
{
    return (uintptr_t)p;
}

/* Run "OP %r4,%r6,PAD" until CC is not 3. */
#define LONG_EXT(name, op, pad)                                                   \
static struct lregs name(uint64_t r4, uint64_t r5, uint64_t r6, uint64_t r7)     \
{                                                                                 \
    struct lregs o;                                                               \
    uint64_t ipm;                                                                 \
                                                                                  \
    asm volatile("  lgr   %%r4,%[a]\n"                                            \
                 "  lgr   %%r5,%[b]\n"                                            \
                 "  lgr   %%r6,%[c]\n"                                            \
                 "  lgr   %%r7,%[d]\n"                                            \
                 "0: " op "  %%r4,%%r6," pad "\n"                                 \
                 "  jo    0b\n"                                                   \
                 "  ipm   %[i]\n"                                                 \
                 "  stmg  %%r4,%%r7,%[o]\n"                                       \
                 : [i] "=&d"(ipm), [o] "=Q"(o)                                    \
                 : [a] "d"(r4), [b] "d"(r5), [c] "d"(r6), [d] "d"(r7)             \
                 : "r4", "r5", "r6", "r7", "cc", "memory");                       \
    o.cc = rt_cc_from_ipm(ipm);                                                   \
    return o;                                                                     \
}

LONG_EXT(mvcle_5a, "mvcle", "0x35a")      /* pad = bits 56-63 of the address: 0x5a */
LONG_EXT(mvcle_00, "mvcle", "0")
LONG_EXT(clcle_40, "clcle", "0x40")
LONG_EXT(mvclu_1234, "mvclu", "0x1234")
LONG_EXT(clclu_0020, "clclu", "0x20")

static void fill(uint8_t *p, size_t n, uint8_t seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(seed + i * 11 + (i >> 9));
}

static bool all(const uint8_t *p, size_t n, uint8_t v)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != v)
            return false;
    return true;
}

static void test_mvcle(void)
{
    uint8_t *src = pages + 50, *dst = pages + 3 * 4096 - 300;
    struct lregs o;

    fill(src, 9000, 1);
    memset(dst, 0, 9100);
    o = mvcle_5a(A(dst), 9000, A(src), 9000);
    rt_check_u64("mvcle 9000 equal: cc 0", o.cc, 0);
    rt_check_mem("mvcle 9000: data", dst, src, 9000);
    rt_check_u64("mvcle 9000: byte after untouched", dst[9000], 0);
    rt_check_u64("mvcle 9000: r4", o.r4, A(dst + 9000));
    rt_check_u64("mvcle 9000: r5", o.r5, 0);
    rt_check_u64("mvcle 9000: r6", o.r6, A(src + 9000));
    rt_check_u64("mvcle 9000: r7", o.r7, 0);

    memset(dst, 0, 9100);
    o = mvcle_5a(A(dst), 9000, A(src), 100);
    rt_check_u64("mvcle padding: cc 2", o.cc, 2);
    rt_check_mem("mvcle padding: moved", dst, src, 100);
    rt_check(all(dst + 100, 8900, 0x5a), "mvcle padding: pad 0x5a from the address");
    rt_check_u64("mvcle padding: r6", o.r6, A(src + 100));
    rt_check_u64("mvcle padding: r7", o.r7, 0);

    memset(dst, 0, 9100);
    o = mvcle_00(A(dst), 100, A(src), 9000);
    rt_check_u64("mvcle first shorter: cc 1", o.cc, 1);
    rt_check_u64("mvcle first shorter: r7 remaining", o.r7, 8900);
    rt_check_u64("mvcle first shorter: r6", o.r6, A(src + 100));
    rt_check_u64("mvcle first shorter: byte after", dst[100], 0);

    o = mvcle_00(A(dst), 0, A(src), 10);
    rt_check_u64("mvcle zero first length: cc 1", o.cc, 1);
    rt_check_u64("mvcle zero first length: r6 unchanged", o.r6, A(src));
    rt_check_u64("mvcle zero first length: r7 unchanged", o.r7, 10);
    o = mvcle_00(A(dst), 0, A(src), 0);
    rt_check_u64("mvcle both zero: cc 0", o.cc, 0);
}

/* 31-bit mode: lengths are bits 32-63 (bits 0-31 kept), addresses bits
 * 33-63 with bit 32 set to zero. */
static void test_mvcle_31(void)
{
    static uint8_t src[32], dst[32];
    uint64_t r[4];
    uint64_t ipm;

    fill(src, 32, 5);
    memset(dst, 0, 32);
    r[0] = 0x1111111180000000ull | A(dst);
    r[1] = 0x2222222200000010ull;
    r[2] = 0x3333333380000000ull | A(src);
    r[3] = 0x4444444400000008ull;
    asm volatile("  lmg   %%r4,%%r7,%[r]\n"
                 "  sam31\n"
                 "0: mvcle %%r4,%%r6,0x7e\n"
                 "  jo    0b\n"
                 "  ipm   %[i]\n"
                 "  sam64\n"
                 "  stmg  %%r4,%%r7,%[r]\n"
                 : [r] "+Q"(r), [i] "=&d"(ipm) : : "r4", "r5", "r6", "r7", "cc", "memory");
    rt_check_u64("mvcle 31-bit: cc 2", rt_cc_from_ipm(ipm), 2);
    rt_check_mem("mvcle 31-bit: data", dst, src, 8);
    rt_check(all(dst + 8, 8, 0x7e), "mvcle 31-bit: padding");
    rt_check_u64("mvcle 31-bit: dst[16] untouched", dst[16], 0);
    rt_check_u64("mvcle 31-bit: r4", r[0], 0x1111111100000000ull | A(dst + 16));
    rt_check_u64("mvcle 31-bit: r5 bits 0-31 kept", r[1], 0x2222222200000000ull);
    rt_check_u64("mvcle 31-bit: r6", r[2], 0x3333333300000000ull | A(src + 8));
    rt_check_u64("mvcle 31-bit: r7 bits 0-31 kept", r[3], 0x4444444400000000ull);
}

static void test_clcle(void)
{
    static const char a[] = "abc@@@@", b[] = "abc";
    uint8_t *x = pages + 10, *y = pages + 3 * 4096 + 5;
    struct lregs o;

    o = clcle_40(A(a), 7, A(b), 3);
    rt_check_u64("clcle padded equal: cc 0", o.cc, 0);
    rt_check_u64("clcle padded equal: r4", o.r4, A(a + 7));
    rt_check_u64("clcle padded equal: r6", o.r6, A(b + 3));

    o = clcle_40(A(b), 3, A("abcA"), 4);
    rt_check_u64("clcle pad 0x40 < 'A': cc 1", o.cc, 1);
    rt_check_u64("clcle unequal: r4 at end of shorter", o.r4, A(b + 3));
    rt_check_u64("clcle unequal: r7 remaining", o.r7, 1);

    fill(x, 10000, 2);
    memcpy(y, x, 10000);
    o = clcle_40(A(x), 10000, A(y), 10000);
    rt_check_u64("clcle 10000 equal: cc 0", o.cc, 0);
    rt_check_u64("clcle 10000: r5", o.r5, 0);
    y[9999] = (uint8_t)(x[9999] + 1);
    o = clcle_40(A(x), 10000, A(y), 10000);
    rt_check_u64("clcle last byte low: cc 1", o.cc, 1);
    rt_check_u64("clcle last byte: r4", o.r4, A(x + 9999));
    rt_check_u64("clcle last byte: r7", o.r7, 1);
}

static void test_unicode(void)
{
    static const uint16_t src[3] = { 0x0041, 0x0042, 0x0043 };
    static uint16_t dst[8];
    static const uint16_t exp[8] = { 0x41, 0x42, 0x43, 0x1234, 0x1234, 0x1234, 0, 0 };
    struct lregs o;

    o = mvclu_1234(A(dst), 12, A(src), 6);
    rt_check_u64("mvclu padding: cc 2", o.cc, 2);
    rt_check_mem("mvclu two-byte padding", dst, exp, 16);
    rt_check_u64("mvclu: r4", o.r4, A(dst + 6));

    static const uint16_t u1[4] = { 0x0041, 0x0020, 0x0020, 0x0020 }, u2[1] = { 0x0041 };
    o = clclu_0020(A(u1), 8, A(u2), 2);
    rt_check_u64("clclu padded equal: cc 0", o.cc, 0);
    static const uint16_t u3[2] = { 0x0041, 0x0120 };
    o = clclu_0020(A(u3), 4, A(u2), 2);
    rt_check_u64("clclu 0x0120 > pad 0x0020: cc 2", o.cc, 2);
    rt_check_u64("clclu unequal: r4", o.r4, A(u3 + 1));
    rt_check_u64("clclu unequal: r5", o.r5, 2);
}

static void test_spec(void)
{
    struct rt_pgm_info pi;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  .insn rs,0xa8000000,%%r3,%%r6,0(%%r0)\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "r3", "r4", "r6", "r7", "memory");
    rt_check(rt_pgm_disarm(&pi), "mvcle odd r1: interruption");
    rt_check_u64("mvcle odd r1: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("mvcle odd r1: ilc 2", pi.ilc, 2);

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  .insn rs,0xa9000000,%%r4,%%r7,0(%%r0)\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "r4", "r5", "r7", "r8", "memory");
    rt_check(rt_pgm_disarm(&pi), "clcle odd r3: interruption");
    rt_check_u64("clcle odd r3: specification", pi.code, PGM_SPECIFICATION);

    static const uint16_t u[2] = { 1, 2 };
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lgr   %%r4,%[p]\n"
                 "  lghi  %%r5,3\n"
                 "  lgr   %%r6,%[p]\n"
                 "  lghi  %%r7,4\n"
                 "  clclu %%r4,%%r6,0\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [p] "d"(u) : "r1", "r4", "r5", "r6", "r7", "memory");
    rt_check(rt_pgm_disarm(&pi), "clclu odd length: interruption");
    rt_check_u64("clclu odd length: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("clclu odd length: ilc 3", pi.ilc, 3);
}

int main(void)
{
    test_mvcle();
    test_mvcle_31();
    test_clcle();
    test_unicode();
    test_spec();
    return 0;
}
