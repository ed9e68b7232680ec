/*
 * ss_move.c - MVC, MVCIN, MVN, MVZ: byte-at-a-time overlap, page crossing,
 * maximum length, and access exceptions that store nothing.
 */
#include "rt/rt.h"

static uint8_t pages[3 * 4096] __attribute__((aligned(4096)));

/* A pointer to absolute 0 the compiler cannot see through. */
static volatile uint8_t *absolute0(void)
{
    uintptr_t z = 0;

    asm("" : "+d"(z));
    return (volatile uint8_t *)z;
}

static void fill(uint8_t *p, size_t n, uint8_t seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(seed + i * 7);
}

static void test_mvc_basic(void)
{
    uint8_t src[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, dst[8] = { 0 };
    const uint8_t exp[8] = { 1, 2, 3, 4, 5, 0, 0, 0 };

    asm volatile("mvc 0(5,%[d]),0(%[s])" : : [d] "a"(dst), [s] "a"(src) : "memory");
    rt_check_mem("mvc 5 bytes", dst, exp, 8);

    uint8_t one[2] = { 0xaa, 0x55 };
    asm volatile("mvc 1(1,%[d]),0(%[d])" : : [d] "a"(one) : "memory");
    rt_check_u64("mvc length 1", one[1], 0xaa);
}

/* Destination one byte right of the source: each stored byte is fetched
 * again, so the first byte propagates (PoO MVC, overlap). */
static void test_mvc_propagate(void)
{
    char buf[9] = "a.......";
    char buf2[12] = "xy........";

    asm volatile("mvc 1(7,%[b]),0(%[b])" : : [b] "a"(buf) : "memory");
    rt_check_mem("mvc one-byte overlap propagates", buf, "aaaaaaaa", 8);

    asm volatile("mvc 2(8,%[b]),0(%[b])" : : [b] "a"(buf2) : "memory");
    rt_check_mem("mvc two-byte overlap repeats the pair", buf2, "xyxyxyxyxy", 10);

    /* Destination left of the source: a plain left shift. */
    char buf3[9] = "01234567";
    asm volatile("mvc 0(7,%[b]),1(%[b])" : : [b] "a"(buf3) : "memory");
    rt_check_mem("mvc left shift", buf3, "12345677", 8);
}

static void test_mvc_256_page_cross(void)
{
    uint8_t *src = pages + 4096 - 100, *dst = pages + 2 * 4096 - 17;
    uint8_t exp[256];

    fill(pages, sizeof(pages), 3);
    memcpy(exp, src, 256);
    asm volatile("mvc 0(256,%[d]),0(%[s])" : : [d] "a"(dst), [s] "a"(src) : "memory");
    rt_check_mem("mvc 256 bytes, both operands cross a page", dst, exp, 256);
    rt_check_u64("mvc byte after operand untouched", dst[256],
                 (uint8_t)(3 + (dst + 256 - pages) * 7));
}

/* The first operand ends beyond storage (128 MiB): addressing exception,
 * and nothing is stored into its valid part. */
static void test_mvc_addressing(void)
{
    uint8_t *dst = (uint8_t *)(uintptr_t)(0x8000000 - 0x80);
    uint8_t src[256];
    struct rt_pgm_info pi;

    memset(src, 0x5a, sizeof(src));
    memset(dst, 0x11, 0x80);
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  mvc   0(256,%[d]),0(%[s])\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [d] "a"(dst), [s] "a"(src) : "r1", "memory");
    rt_check(rt_pgm_disarm(&pi), "mvc past end of storage: interruption");
    rt_check_u64("mvc past end: addressing", pi.code, PGM_ADDRESSING);
    rt_check_u64("mvc past end: ilc 3", pi.ilc, 3);
    rt_check_u64("mvc past end: first byte not stored", dst[0], 0x11);
    rt_check_u64("mvc past end: last valid byte not stored", dst[0x7f], 0x11);
}

static void test_mvcin(void)
{
    const uint8_t src[6] = { 1, 2, 3, 4, 5, 6 };
    uint8_t dst[6] = { 0 };
    const uint8_t exp[6] = { 6, 5, 4, 3, 2, 1 };

    /* The second-operand address designates its rightmost byte. */
    asm volatile("mvcin 0(6,%[d]),5(%[s])" : : [d] "a"(dst), [s] "a"(src) : "memory");
    rt_check_mem("mvcin reverses 6 bytes", dst, exp, 6);

    uint8_t *s = pages + 4096 - 3, *d = pages + 2 * 4096 - 2;
    fill(pages, sizeof(pages), 9);
    uint8_t e[8];
    for (int i = 0; i < 8; i++)
        e[i] = s[7 - i];
    asm volatile("mvcin 0(8,%[d]),7(%[s])" : : [d] "a"(d), [s] "a"(s) : "memory");
    rt_check_mem("mvcin across pages", d, e, 8);
}

static void test_mvn_mvz(void)
{
    uint8_t a[4] = { 0x12, 0x34, 0x56, 0x78 };
    const uint8_t b[4] = { 0xab, 0xcd, 0xef, 0x09 };
    const uint8_t expn[4] = { 0x1b, 0x3d, 0x5f, 0x79 };
    const uint8_t expz[4] = { 0xab, 0xcd, 0xef, 0x09 };

    asm volatile("mvn 0(4,%[d]),0(%[s])" : : [d] "a"(a), [s] "a"(b) : "memory");
    rt_check_mem("mvn moves low digits only", a, expn, 4);
    asm volatile("mvz 0(4,%[d]),0(%[s])" : : [d] "a"(a), [s] "a"(b) : "memory");
    rt_check_mem("mvz moves high digits only", a, expz, 4);

    uint8_t c[5] = { 0xf1, 0x02, 0x03, 0x04, 0x05 };
    const uint8_t expc[5] = { 0xf1, 0xf2, 0xf3, 0xf4, 0xf5 };
    asm volatile("mvz 1(4,%[d]),0(%[d])" : : [d] "a"(c) : "memory");
    rt_check_mem("mvz one-byte overlap propagates the zone", c, expc, 5);
}

/* MVC under EXECUTE with the length supplied by the register. */
static void test_mvc_ex(void)
{
    uint8_t src[16], dst[16];
    uint8_t exp[16];

    fill(src, 16, 1);
    memset(dst, 0, 16);
    memset(exp, 0, 16);
    memcpy(exp, src, 10);
    asm volatile("  exrl  %[len],1f\n"
                 "  j     2f\n"
                 "1: mvc  0(1,%[d]),0(%[s])\n"
                 "2:\n"
                 : : [len] "a"(9ull), [d] "a"(dst), [s] "a"(src) : "memory");
    rt_check_mem("ex mvc with length 10", dst, exp, 16);
}

/* In the 24-bit mode an operand that runs past 0xffffff wraps to 0. */
static void test_mvc_wrap24(void)
{
    volatile uint8_t *top = (volatile uint8_t *)0xfffffe, *low = absolute0();
    static const uint8_t src[4] = { 0xa1, 0xa2, 0xa3, 0xa4 };
    uint8_t save[2] = { low[0], low[1] };
    uint8_t got[4];

    top[0] = top[1] = 0;
    asm volatile("  sam24\n"
                 "  mvc   0(4,%[d]),0(%[s])\n"
                 "  sam64\n"
                 : : [d] "a"(0xfffffeull), [s] "a"(src) : "memory");
    got[0] = top[0];
    got[1] = top[1];
    got[2] = low[0];
    got[3] = low[1];
    low[0] = save[0];
    low[1] = save[1];
    rt_check_mem("mvc wraps at the 24-bit limit", got, src, 4);
}

/* MVCOS needs DAT on: with DAT off it is a special-operation exception
 * (suppressing, so the old PSW points past it) and nothing moves. */
static void test_mvcos_dat_off(void)
{
    uint8_t src[8] = "abcdefg", dst[8] = { 0 };
    struct rt_pgm_info pi;
    uint64_t next;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[next],1f\n"
                 "  lghi  %%r0,0\n"
                 "  lghi  %%r3,8\n"
                 "  mvcos 0(%[d]),0(%[s]),%%r3\n"
                 "1:\n"
                 : [next] "=&d"(next), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [d] "a"(dst), [s] "a"(src) : "r0", "r1", "r3", "memory");
    rt_check(rt_pgm_disarm(&pi), "mvcos dat off: interruption");
    rt_check_u64("mvcos dat off: special operation", pi.code, 0x13);
    rt_check_u64("mvcos dat off: ilc 3", pi.ilc, 3);
    rt_check_u64("mvcos dat off: old psw past the instruction", pi.addr, next);
    rt_check_u64("mvcos dat off: nothing moved", dst[0], 0);
}

int main(void)
{
    test_mvc_basic();
    test_mvc_propagate();
    test_mvc_256_page_cross();
    test_mvc_addressing();
    test_mvcin();
    test_mvn_mvz();
    test_mvc_ex();
    test_mvc_wrap24();
    test_mvcos_dat_off();
    return 0;
}
