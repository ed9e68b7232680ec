/*
 * movelong.c - MVCL and CLCL: lengths, padding, condition codes, register
 * updates (64-, 31- and 24-bit modes), destructive overlap, long operands
 * that cross many pages (the instructions are interrupted and resumed
 * internally; only the results are checked), specification exceptions.
 */
#include "rt/rt.h"

static uint8_t pages[8 * 4096] __attribute__((aligned(4096)));

struct lregs {
    uint64_t r4, r5, r6, r7;
    unsigned cc;
};

/* MVCL %r4,%r6 with the given register contents (64-bit mode). */
static struct lregs mvcl(uint64_t r4, uint64_t r5, uint64_t r6, uint64_t r7)
{
    struct lregs o;
    uint64_t ipm;

    asm volatile("  lgr   %%r4,%[a]\n"
                 "  lgr   %%r5,%[b]\n"
                 "  lgr   %%r6,%[c]\n"
                 "  lgr   %%r7,%[d]\n"
                 "  mvcl  %%r4,%%r6\n"
                 "  ipm   %[i]\n"
                 "  stmg  %%r4,%%r7,%[o]\n"
                 : [i] "=&d"(ipm), [o] "=Q"(o)
                 : [a] "d"(r4), [b] "d"(r5), [c] "d"(r6), [d] "d"(r7)
                 : "r4", "r5", "r6", "r7", "cc", "memory");
    o.cc = rt_cc_from_ipm(ipm);
    return o;
}

static struct lregs clcl(uint64_t r4, uint64_t r5, uint64_t r6, uint64_t r7)
{
    struct lregs o;
    uint64_t ipm;

    asm volatile("  lgr   %%r4,%[a]\n"
                 "  lgr   %%r5,%[b]\n"
                 "  lgr   %%r6,%[c]\n"
                 "  lgr   %%r7,%[d]\n"
                 "  clcl  %%r4,%%r6\n"
                 "  ipm   %[i]\n"
                 "  stmg  %%r4,%%r7,%[o]\n"
                 : [i] "=&d"(ipm), [o] "=Q"(o)
                 : [a] "d"(r4), [b] "d"(r5), [c] "d"(r6), [d] "d"(r7)
                 : "r4", "r5", "r6", "r7", "cc", "memory");
    o.cc = rt_cc_from_ipm(ipm);
    return o;
}

static void fill(uint8_t *p, size_t n, uint8_t seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(seed + i * 13 + (i >> 8));
}

/* A pointer to absolute 0 the compiler cannot see through. */
static volatile uint8_t *absolute0(void)
{
    uintptr_t z = 0;

    asm("" : "+d"(z));
    return (volatile uint8_t *)z;
}

static uint64_t A(const void *p)
{
    return (uintptr_t)p;
}

static void test_mvcl_lengths(void)
{
    uint8_t src[32], dst[32], exp[32];
    struct lregs o;

    fill(src, 32, 1);
    memset(dst, 0xee, 32);
    o = mvcl(A(dst), 20, A(src), 20 | 0x5a000000);
    rt_check_mem("mvcl equal lengths: data", dst, src, 20);
    rt_check_u64("mvcl equal lengths: byte after untouched", dst[20], 0xee);
    rt_check_u64("mvcl equal: cc 0", o.cc, 0);
    rt_check_u64("mvcl equal: r4 advanced", o.r4, A(dst + 20));
    rt_check_u64("mvcl equal: r5 zero", o.r5, 0);
    rt_check_u64("mvcl equal: r6 advanced", o.r6, A(src + 20));
    rt_check_u64("mvcl equal: r7 length zero, pad kept", o.r7, 0x5a000000);

    memset(dst, 0xee, 32);
    memcpy(exp, src, 8);
    memset(exp + 8, 0x40, 12);
    exp[20] = 0xee;
    o = mvcl(A(dst), 20, A(src), 8 | 0x40000000);
    rt_check_mem("mvcl padding", dst, exp, 21);
    rt_check_u64("mvcl first longer: cc 2", o.cc, 2);
    rt_check_u64("mvcl padding: r6 at end of source", o.r6, A(src + 8));
    rt_check_u64("mvcl padding: r7 pad only", o.r7, 0x40000000);

    memset(dst, 0xee, 32);
    o = mvcl(A(dst), 8, A(src), 20);
    rt_check_mem("mvcl truncation: data", dst, src, 8);
    rt_check_u64("mvcl truncation: byte after untouched", dst[8], 0xee);
    rt_check_u64("mvcl first shorter: cc 1", o.cc, 1);
    rt_check_u64("mvcl truncation: r7 remaining", o.r7, 12);
    rt_check_u64("mvcl truncation: r6", o.r6, A(src + 8));

    memset(dst, 0xee, 32);
    o = mvcl(A(dst), 0, A(src), 5);
    rt_check_u64("mvcl zero first length: cc 1", o.cc, 1);
    rt_check_u64("mvcl zero first length: nothing stored", dst[0], 0xee);
    rt_check_u64("mvcl zero first length: r4 unchanged", o.r4, A(dst));
    rt_check_u64("mvcl zero first length: r7 unchanged", o.r7, 5);

    o = mvcl(A(dst), 0, A(src), 0);
    rt_check_u64("mvcl both lengths zero: cc 0", o.cc, 0);

    /* Bits 0-39 of the length registers are not part of the length. */
    o = mvcl(A(dst), 0xffffffff12000004ull, A(src), 0xaaaaaaaa00000004ull);
    rt_check_u64("mvcl ignores r5 bits 0-39: cc 0", o.cc, 0);
    rt_check_u64("mvcl r5 bits 0-39 kept", o.r5, 0xffffffff12000000ull);
    rt_check_u64("mvcl r7 bits 0-31 kept", o.r7, 0xaaaaaaaa00000000ull);
}

/* PoO MVCL: destructive overlap sets CC 3 and moves nothing. */
static void test_mvcl_overlap(void)
{
    uint8_t b[24];
    uint8_t save[24];
    struct lregs o;

    fill(b, 24, 7);
    memcpy(save, b, 24);
    o = mvcl(A(b + 1), 10, A(b), 10);
    rt_check_u64("mvcl destructive overlap: cc 3", o.cc, 3);
    rt_check_mem("mvcl destructive overlap: nothing moved", b, save, 24);
    rt_check_u64("mvcl destructive overlap: r4 unchanged", o.r4, A(b + 1));
    rt_check_u64("mvcl destructive overlap: r5 unchanged", o.r5, 10);

    /* Destination at the last source byte is still destructive. */
    o = mvcl(A(b + 9), 10, A(b), 10);
    rt_check_u64("mvcl overlap at last byte: cc 3", o.cc, 3);

    /* Only min(L1, L2) bytes come from the source. */
    o = mvcl(A(b + 10), 10, A(b), 10);
    rt_check_u64("mvcl adjacent after source: cc 0", o.cc, 0);
    rt_check_mem("mvcl adjacent: data", b + 10, save, 10);

    memcpy(b, save, 24);
    o = mvcl(A(b + 4), 20, A(b), 4 | 0x21000000);
    rt_check_u64("mvcl source shorter, padding over it: cc 2", o.cc, 2);

    /* Destination left of the source: not destructive. */
    memcpy(b, save, 24);
    o = mvcl(A(b), 16, A(b + 3), 16);
    rt_check_u64("mvcl left shift: cc 0", o.cc, 0);
    rt_check_mem("mvcl left shift: data", b, save + 3, 16);

    memcpy(b, save, 24);
    o = mvcl(A(b), 16, A(b), 16);
    rt_check_u64("mvcl same address: cc 0", o.cc, 0);
    rt_check_mem("mvcl same address: unchanged", b, save, 24);
}

static void test_mvcl_long(void)
{
    uint8_t *src = pages + 123, *dst = pages + 4 * 4096 + 1001;
    uint8_t pat[64];
    struct lregs o;
    bool ok = true;

    fill(src, 12000, 3);
    memset(dst, 0, 14000);
    o = mvcl(A(dst), 14000, A(src), 12000 | 0xc5000000);
    rt_check_u64("mvcl 14000 from 12000 across pages: cc 2", o.cc, 2);
    rt_check_mem("mvcl long: moved part", dst, src, 12000);
    memset(pat, 0xc5, sizeof(pat));
    for (int i = 12000; i < 14000; i += 50)
        ok &= memcmp(dst + i, pat, 14000 - i < 50 ? 14000 - i : 50) == 0;
    rt_check(ok, "mvcl long: padded part");
    rt_check_u64("mvcl long: r4", o.r4, A(dst + 14000));
    rt_check_u64("mvcl long: r6", o.r6, A(src + 12000));
    rt_check_u64("mvcl long: r5", o.r5, 0);

    /* The usual page clear: source length zero, pad zero. */
    memset(pages + 4096, 0x77, 3 * 4096 + 1);
    o = mvcl(A(pages + 4096), 3 * 4096, 0, 0);
    memset(pat, 0, sizeof(pat));
    ok = true;
    for (int i = 0; i < 3 * 4096; i += 64)
        ok &= memcmp(pages + 4096 + i, pat, 64) == 0;
    rt_check(ok, "mvcl clears three pages");
    rt_check_u64("mvcl clear: cc 2", o.cc, 2);
    rt_check_u64("mvcl clear: byte after untouched", pages[4 * 4096], 0x77);
}

static void test_clcl(void)
{
    static const char a[] = "abcdefghij", b[] = "abcdefgxij";
    static const char s1[] = "abc   ", s2[] = "abc", s3[] = "abc  x";
    struct lregs o;

    o = clcl(A(a), 10, A(a), 10);
    rt_check_u64("clcl equal: cc 0", o.cc, 0);
    rt_check_u64("clcl equal: r4", o.r4, A(a + 10));
    rt_check_u64("clcl equal: r5", o.r5, 0);

    o = clcl(A(a), 10, A(b), 10 | 0x20000000);
    rt_check_u64("clcl h < x: cc 1", o.cc, 1);
    rt_check_u64("clcl unequal: r4 at the byte", o.r4, A(a + 7));
    rt_check_u64("clcl unequal: r5 remaining", o.r5, 3);
    rt_check_u64("clcl unequal: r6 at the byte", o.r6, A(b + 7));
    rt_check_u64("clcl unequal: r7 remaining, pad kept", o.r7, 0x20000003);

    o = clcl(A(b), 10, A(a), 10);
    rt_check_u64("clcl x > h: cc 2", o.cc, 2);

    o = clcl(A(s1), 6, A(s2), 3 | 0x20000000);
    rt_check_u64("clcl padded equal: cc 0", o.cc, 0);
    rt_check_u64("clcl padded equal: r4", o.r4, A(s1 + 6));
    rt_check_u64("clcl padded equal: r6 at end of shorter", o.r6, A(s2 + 3));
    rt_check_u64("clcl padded equal: r7", o.r7, 0x20000000);

    o = clcl(A(s3), 6, A(s2), 3 | 0x20000000);
    rt_check_u64("clcl x vs pad blank: cc 2", o.cc, 2);
    rt_check_u64("clcl against pad: r4", o.r4, A(s3 + 5));
    rt_check_u64("clcl against pad: r5", o.r5, 1);
    rt_check_u64("clcl against pad: r6", o.r6, A(s2 + 3));

    o = clcl(A(s2), 3, A(s3), 6 | 0x7f000000);
    rt_check_u64("clcl pad 0x7f in first operand vs blank: cc 2", o.cc, 2);
    rt_check_u64("clcl pad first: r4 at end", o.r4, A(s2 + 3));
    rt_check_u64("clcl pad first: r6", o.r6, A(s3 + 3));

    o = clcl(0, 0, 0, 0);
    rt_check_u64("clcl both empty: cc 0", o.cc, 0);

    uint8_t *x = pages + 77, *y = pages + 4 * 4096 + 999;
    fill(x, 15000, 9);
    memcpy(y, x, 15000);
    o = clcl(A(x), 15000, A(y), 15000);
    rt_check_u64("clcl 15000 across pages: cc 0", o.cc, 0);
    y[13333] ^= 0x80;
    o = clcl(A(x), 15000, A(y), 15000);
    rt_check_u64("clcl long, differs at 13333: r4", o.r4, A(x + 13333));
    rt_check_u64("clcl long: r7", o.r7, 15000 - 13333);
    rt_check_u64("clcl long: cc", o.cc, x[13333] < y[13333] ? 1 : 2);
}

/* Register updates outside the 64-bit mode (PoO MVCL): the bits above the
 * addressing mode of R1 and R2 become zero, bits 0-31 stay. */
static void test_mvcl_amode(void)
{
    static uint8_t src[16] = "0123456789abcdef", dst[16];
    uint64_t r[4];

    memset(dst, 0, 16);
    r[0] = 0xaaaaaaaa7f000000ull | A(dst);
    r[1] = 0x5555555512000010ull;
    r[2] = 0xbbbbbbbbff000000ull | A(src);
    r[3] = 0x6666666600000008ull;
    asm volatile("  lmg   %%r4,%%r7,%[r]\n"
                 "  sam24\n"
                 "  mvcl  %%r4,%%r6\n"
                 "  sam64\n"
                 "  stmg  %%r4,%%r7,%[r]\n"
                 : [r] "+Q"(r) : : "r4", "r5", "r6", "r7", "cc", "memory");
    rt_check_mem("mvcl 24-bit: data from bits 40-63 addresses", dst, src, 8);
    rt_check_u64("mvcl 24-bit: r4 bits 32-39 zero", r[0], 0xaaaaaaaa00000000ull | A(dst + 16));
    rt_check_u64("mvcl 24-bit: r6 bits 32-39 zero", r[2], 0xbbbbbbbb00000000ull | A(src + 8));
    rt_check_u64("mvcl 24-bit: r5 bits 0-39 kept", r[1], 0x5555555512000000ull);
    rt_check_u64("mvcl 24-bit: r7 pad", r[3], 0x6666666600000000ull);

    memset(dst, 0, 16);
    r[0] = 0xaaaaaaaa80000000ull | A(dst);
    r[1] = 4;
    r[2] = 0xbbbbbbbb80000000ull | A(src);
    r[3] = 4;
    asm volatile("  lmg   %%r4,%%r7,%[r]\n"
                 "  sam31\n"
                 "  mvcl  %%r4,%%r6\n"
                 "  sam64\n"
                 "  stmg  %%r4,%%r7,%[r]\n"
                 : [r] "+Q"(r) : : "r4", "r5", "r6", "r7", "cc", "memory");
    rt_check_mem("mvcl 31-bit: data", dst, src, 4);
    rt_check_u64("mvcl 31-bit: r4 bit 32 zero", r[0], 0xaaaaaaaa00000000ull | A(dst + 4));
    rt_check_u64("mvcl 31-bit: r6 bit 32 zero", r[2], 0xbbbbbbbb00000000ull | A(src + 4));
}

/* MVCL in the 24-bit mode wraps from 0xffffff to 0, and R1 wraps too. */
static void test_mvcl_wrap24(void)
{
    volatile uint8_t *top = (volatile uint8_t *)0xfffffd, *low = absolute0();
    static const uint8_t src[5] = { 0xb1, 0xb2, 0xb3, 0xb4, 0xb5 };
    uint8_t save[2] = { low[0], low[1] };
    uint8_t got[5];
    uint64_t r[4] = { 0xfffffd, 5, A(src), 5 };

    asm volatile("  lmg   %%r4,%%r7,%[r]\n"
                 "  sam24\n"
                 "  mvcl  %%r4,%%r6\n"
                 "  sam64\n"
                 "  stmg  %%r4,%%r7,%[r]\n"
                 : [r] "+Q"(r) : : "r4", "r5", "r6", "r7", "cc", "memory");
    for (int i = 0; i < 3; i++)
        got[i] = top[i];
    got[3] = low[0];
    got[4] = low[1];
    low[0] = save[0];
    low[1] = save[1];
    rt_check_mem("mvcl wraps at the 24-bit limit", got, src, 5);
    rt_check_u64("mvcl 24-bit wrap: r4", r[0], 2);
}

/* The first operand runs off the end of storage (128 MiB): addressing
 * exception; the registers describe exactly what was moved before. */
static void test_mvcl_addressing(void)
{
    uint8_t *dst = (uint8_t *)(uintptr_t)(0x8000000 - 0x1800);
    struct rt_pgm_info pi;
    uint64_t r[4] = { A(dst), 0x2000, A(pages), 0x2000 };

    fill(pages, 0x2000, 4);
    memset(dst, 0, 0x1800);
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lmg   %%r4,%%r7,%[r]\n"
                 "  mvcl  %%r4,%%r6\n"
                 "1:\n"
                 "  stmg  %%r4,%%r7,%[r]\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME), [r] "+Q"(r)
                 : : "r1", "r4", "r5", "r6", "r7", "memory");
    rt_check(rt_pgm_disarm(&pi), "mvcl past end of storage: interruption");
    rt_check_u64("mvcl past end: addressing", pi.code, PGM_ADDRESSING);
    uint64_t done = r[0] - A(dst);
    rt_check(done <= 0x1800, "mvcl past end: r4 within storage");
    rt_check_u64("mvcl past end: r5 = length - moved", r[1], 0x2000 - done);
    rt_check_u64("mvcl past end: r6 advanced alike", r[2], A(pages) + done);
    rt_check_mem("mvcl past end: moved part", dst, pages, done);
}

static void test_spec(void)
{
    struct rt_pgm_info pi;
    uint64_t next;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[next],1f\n"
                 "  mvcl  %%r5,%%r6\n"
                 "1:\n"
                 : [next] "=&d"(next), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "r5", "r6", "r7", "memory");
    rt_check(rt_pgm_disarm(&pi), "mvcl odd r1: interruption");
    rt_check_u64("mvcl odd r1: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("mvcl odd r1: ilc 1", pi.ilc, 1);
    rt_check_u64("mvcl odd r1: old psw after the instruction", pi.addr, next);

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  clcl  %%r4,%%r7\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME) : : "r1", "r4", "r5", "r7", "memory");
    rt_check(rt_pgm_disarm(&pi), "clcl odd r2: interruption");
    rt_check_u64("clcl odd r2: specification", pi.code, PGM_SPECIFICATION);
}

int main(void)
{
    test_mvcl_lengths();
    test_mvcl_overlap();
    test_mvcl_long();
    test_clcl();
    test_mvcl_amode();
    test_mvcl_wrap24();
    test_mvcl_addressing();
    test_spec();
    return 0;
}
