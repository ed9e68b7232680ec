/*
 * convert.c - CONVERT UTF-8/16/32 instructions CU12, CU14, CU21, CU24,
 * CU41, CU42: conversions, CC 0/1/2 (CC 3 resumed), register updates and
 * specification exceptions (PoO chapter 7). Operands: R2/R3 first operand
 * (destination) address/length, R4/R5 second operand (source).
 */
#include "rt/rt.h"

#define DEF_RUN(fn, text, pre, post)                                          \
static unsigned fn(uint64_t *g)                                               \
{                                                                             \
    uint64_t ipm;                                                             \
                                                                              \
    asm volatile("lmg %%r0,%%r5,0(%[g])\n\t" pre "\n"                         \
                 "0:\t" text "\n\t"                                           \
                 "jo 0b\n\t"                                                  \
                 "ipm %[ipm]\n\t" post "\n\t"                                 \
                 "stmg %%r0,%%r5,0(%[g])"                                     \
                 : [ipm] "=&d"(ipm) : [g] "a"(g)                              \
                 : "r0", "r1", "r2", "r3", "r4", "r5", "cc", "memory");       \
    return rt_cc_from_ipm(ipm);                                               \
}

DEF_RUN(cu12, ".insn rrf,0xb2a70000,%%r2,%%r4,0,0", "", "")
DEF_RUN(cu12_31, ".insn rrf,0xb2a70000,%%r2,%%r4,0,0", "sam31", "sam64")
DEF_RUN(cu14, ".insn rrf,0xb9b00000,%%r2,%%r4,0,0", "", "")
DEF_RUN(cu21, ".insn rrf,0xb2a60000,%%r2,%%r4,0,0", "", "")
DEF_RUN(cu24, ".insn rrf,0xb9b10000,%%r2,%%r4,0,0", "", "")
DEF_RUN(cu41, ".insn rre,0xb9b20000,%%r2,%%r4", "", "")
DEF_RUN(cu42, ".insn rre,0xb9b30000,%%r2,%%r4", "", "")

static uint8_t src[8192], dst[16384];

/* "A", U+00E9, U+20AC, U+1F600 in the three encodings. */
static const uint8_t s8[10] = { 0x41, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80 };
static const uint8_t s16[10] = { 0x00, 0x41, 0x00, 0xe9, 0x20, 0xac, 0xd8, 0x3d, 0xde, 0x00 };
static const uint8_t s32[16] = { 0, 0, 0, 0x41, 0, 0, 0, 0xe9, 0, 0, 0x20, 0xac, 0, 1, 0xf6, 0 };

static uint64_t A(const void *p)
{
    return (uint64_t)(uintptr_t)p;
}

static void copy(uint8_t *d, const uint8_t *s, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        d[i] = s[i];
}

static void fill(uint8_t *d, uint8_t v, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        d[i] = v;
}

/* Set up g for a conversion of n source bytes into a dlen-byte buffer. */
static void setup(uint64_t *g, const uint8_t *s, unsigned n, uint64_t dlen)
{
    copy(src, s, n);
    fill(dst, 0xee, 64);
    g[0] = 0;
    g[1] = 0;
    g[2] = A(dst);
    g[3] = dlen;
    g[4] = A(src);
    g[5] = n;
}

static void check_regs(const char *what, const uint64_t *g, uint64_t dadv, uint64_t dleft,
                       uint64_t sadv, uint64_t sleft)
{
    rt_checkf(g[2] == A(dst) + dadv, "%s: r1 address +%u", what, (unsigned)dadv);
    rt_checkf(g[3] == dleft, "%s: r1+1 length %u", what, (unsigned)dleft);
    rt_checkf(g[4] == A(src) + sadv, "%s: r2 address +%u", what, (unsigned)sadv);
    rt_checkf(g[5] == sleft, "%s: r2+1 length %u", what, (unsigned)sleft);
}

static void test_cu12(void)
{
    uint64_t g[6];
    unsigned cc;

    setup(g, s8, 10, 16);
    cc = cu12(g);
    rt_check_u64("cu12: cc 0", cc, 0);
    rt_check_mem("cu12: utf-16", dst, s16, 10);
    rt_check_u64("cu12: nothing beyond", dst[10], 0xee);
    check_regs("cu12", g, 10, 6, 10, 0);

    /* First operand too short for the surrogate pair: CC 1. */
    setup(g, s8, 10, 9);
    cc = cu12(g);
    rt_check_u64("cu12 short first operand: cc 1", cc, 1);
    rt_check_mem("cu12 short first operand: three characters", dst, s16, 6);
    rt_check_u64("cu12 short first operand: no partial pair", dst[6], 0xee);
    check_regs("cu12 cc 1", g, 6, 3, 6, 4);

    /* Second operand ends inside a character: CC 0 before it. */
    setup(g, s8, 5, 16);
    cc = cu12(g);
    rt_check_u64("cu12 truncated 3-byte character: cc 0", cc, 0);
    check_regs("cu12 truncated", g, 4, 12, 3, 2);

    /* Invalid first byte 80-BF: CC 2, R2 addresses it. */
    setup(g, (const uint8_t *)"AB\x85" "C", 4, 16);
    cc = cu12(g);
    rt_check_u64("cu12 invalid 0x85: cc 2", cc, 2);
    check_regs("cu12 invalid", g, 4, 12, 2, 2);

    setup(g, (const uint8_t *)"\xf8\x80\x80\x80\x80", 5, 16);
    cc = cu12(g);
    rt_check_u64("cu12 invalid 0xf8: cc 2", cc, 2);
    check_regs("cu12 0xf8", g, 0, 16, 0, 5);

    /* Zero lengths. */
    setup(g, s8, 0, 16);
    cc = cu12(g);
    rt_check_u64("cu12 empty second operand: cc 0", cc, 0);
    setup(g, s8, 10, 0);
    cc = cu12(g);
    rt_check_u64("cu12 empty first operand: cc 1", cc, 1);
    check_regs("cu12 empty first", g, 0, 0, 0, 10);

    /* Many characters: CPU-determined units (CC 3) until done. */
    for (unsigned i = 0; i < 6000; i++)
        src[i] = (uint8_t)('a' + i % 26);
    g[2] = A(dst);
    g[3] = 16384;
    g[4] = A(src);
    g[5] = 6000;
    cc = cu12(g);
    rt_check_u64("cu12 6000 characters: cc 0", cc, 0);
    rt_check_u64("cu12 6000: last", (uint64_t)dst[11998] << 8 | dst[11999], 'a' + 5999 % 26);
    check_regs("cu12 6000", g, 12000, 4384, 6000, 0);

    /* 31-bit mode: lengths are bits 32-63; bits 0-31 stay. */
    copy(src, s8, 10);
    g[2] = 0xaaaaaaaa00000000ull | A(dst);
    g[3] = 0xbbbbbbbb00000010ull;
    g[4] = 0xcccccccc00000000ull | A(src);
    g[5] = 0xdddddddd0000000aull;
    cc = cu12_31(g);
    rt_check_u64("cu12 31-bit: cc 0", cc, 0);
    rt_check_u64("cu12 31-bit: r1", g[2], 0xaaaaaaaa00000000ull | (A(dst) + 10));
    rt_check_u64("cu12 31-bit: r1+1", g[3], 0xbbbbbbbb00000006ull);
    rt_check_u64("cu12 31-bit: r2", g[4], 0xcccccccc00000000ull | (A(src) + 10));
    rt_check_u64("cu12 31-bit: r2+1", g[5], 0xdddddddd00000000ull);
}

static void test_cu14_cu21_cu24(void)
{
    uint64_t g[6];
    unsigned cc;

    setup(g, s8, 10, 16);
    cc = cu14(g);
    rt_check_u64("cu14: cc 0", cc, 0);
    rt_check_mem("cu14: utf-32", dst, s32, 16);
    check_regs("cu14", g, 16, 0, 10, 0);

    setup(g, s8, 10, 15);
    cc = cu14(g);
    rt_check_u64("cu14 short first operand: cc 1", cc, 1);
    check_regs("cu14 cc 1", g, 12, 3, 6, 4);

    setup(g, s16, 10, 16);
    cc = cu21(g);
    rt_check_u64("cu21: cc 0", cc, 0);
    rt_check_mem("cu21: utf-8", dst, s8, 10);
    check_regs("cu21", g, 10, 6, 10, 0);

    setup(g, s16, 10, 9);
    cc = cu21(g);
    rt_check_u64("cu21 short first operand: cc 1", cc, 1);
    check_regs("cu21 cc 1", g, 6, 3, 6, 4);

    /* A high surrogate with its low half beyond the operand: CC 0. */
    setup(g, s16, 8, 16);
    cc = cu21(g);
    rt_check_u64("cu21 split surrogate pair: cc 0", cc, 0);
    check_regs("cu21 split pair", g, 6, 10, 6, 2);

    /* One odd byte left: CC 0. */
    setup(g, s16, 3, 16);
    cc = cu21(g);
    rt_check_u64("cu21 odd byte left: cc 0", cc, 0);
    check_regs("cu21 odd byte", g, 1, 15, 2, 1);

    /* W=0: a lone low surrogate is an ordinary 3-byte character. */
    setup(g, (const uint8_t *)"\xdc\x00", 2, 16);
    cc = cu21(g);
    rt_check_u64("cu21 lone low surrogate: cc 0", cc, 0);
    rt_check_mem("cu21 lone low surrogate: ed b0 80", dst, "\xed\xb0\x80", 3);

    /* W=0: high surrogate followed by a non-surrogate: the bits are used
     * as they are (plane wwww+1 = 1, low ten bits 041) -> U+10041. */
    setup(g, (const uint8_t *)"\xd8\x00\x00\x41", 4, 16);
    cc = cu21(g);
    rt_check_u64("cu21 w=0 unpaired high surrogate: cc 0", cc, 0);
    rt_check_mem("cu21 w=0 unpaired: f0 90 81 81", dst, "\xf0\x90\x81\x81", 4);

    setup(g, s16, 10, 16);
    cc = cu24(g);
    rt_check_u64("cu24: cc 0", cc, 0);
    rt_check_mem("cu24: utf-32", dst, s32, 16);
    check_regs("cu24", g, 16, 0, 10, 0);

    setup(g, s16, 10, 12);
    cc = cu24(g);
    rt_check_u64("cu24 short first operand: cc 1", cc, 1);
    check_regs("cu24 cc 1", g, 12, 0, 6, 4);
}

static void test_cu41_cu42(void)
{
    uint64_t g[6];
    unsigned cc;

    setup(g, s32, 16, 16);
    cc = cu41(g);
    rt_check_u64("cu41: cc 0", cc, 0);
    rt_check_mem("cu41: utf-8", dst, s8, 10);
    check_regs("cu41", g, 10, 6, 16, 0);

    setup(g, s32, 16, 5);
    cc = cu41(g);
    rt_check_u64("cu41 short first operand: cc 1", cc, 1);
    check_regs("cu41 cc 1", g, 3, 2, 8, 8);

    setup(g, s32, 16, 16);
    cc = cu42(g);
    rt_check_u64("cu42: cc 0", cc, 0);
    rt_check_mem("cu42: utf-16", dst, s16, 10);
    check_regs("cu42", g, 10, 6, 16, 0);

    setup(g, s32, 15, 16);
    cc = cu42(g);
    rt_check_u64("cu42 3 bytes left: cc 0", cc, 0);
    check_regs("cu42 3 left", g, 6, 10, 12, 3);

    /* Invalid UTF-32: above 10FFFF and a high-surrogate value. */
    setup(g, (const uint8_t *)"\0\0\0\x41\0\x11\0\0", 8, 16);
    cc = cu41(g);
    rt_check_u64("cu41 0x110000: cc 2", cc, 2);
    check_regs("cu41 0x110000", g, 1, 15, 4, 4);

    setup(g, (const uint8_t *)"\0\0\xd8\0", 4, 16);
    cc = cu42(g);
    rt_check_u64("cu42 0xd800: cc 2", cc, 2);
    check_regs("cu42 0xd800", g, 0, 16, 0, 4);

    setup(g, (const uint8_t *)"\x80\0\0\x41", 4, 16);
    cc = cu42(g);
    rt_check_u64("cu42 0x80000041: cc 2", cc, 2);

    setup(g, (const uint8_t *)"\0\x10\xff\xff", 4, 16);
    cc = cu42(g);
    rt_check_u64("cu42 0x10ffff: cc 0", cc, 0);
    rt_check_mem("cu42 0x10ffff: dbff dfff", dst, "\xdb\xff\xdf\xff", 4);
}

static void test_spec(void)
{
    struct rt_pgm_info pi;

    rt_pgm_arm();
    asm volatile(".insn rrf,0xb2a70000,%%r3,%%r4,0,0" : : : "cc", "memory");
    rt_check(rt_pgm_disarm(&pi), "cu12 odd r1: interruption");
    rt_check_u64("cu12 odd r1: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("cu12 odd r1: ilc 2", pi.ilc, 2);

    rt_pgm_arm();
    asm volatile(".insn rre,0xb9b30000,%%r2,%%r5" : : : "cc", "memory");
    rt_check(rt_pgm_disarm(&pi), "cu42 odd r2: interruption");
    rt_check_u64("cu42 odd r2: specification", pi.code, PGM_SPECIFICATION);

    rt_pgm_arm();
    asm volatile(".insn rrf,0xb2a60000,%%r2,%%r7,0,0" : : : "cc", "memory");
    rt_check(rt_pgm_disarm(&pi), "cu21 odd r2: interruption");
    rt_check_u64("cu21 odd r2: specification", pi.code, PGM_SPECIFICATION);
}

/* The first operand runs past the end of storage (128 MiB): the
 * characters before the boundary are stored, then an addressing exception. */
static void test_access(void)
{
    struct rt_pgm_info pi;
    uint8_t *tail = (uint8_t *)(uintptr_t)(0x8000000ull - 4);
    uint64_t g[6];

    fill(tail, 0xee, 4);
    copy(src, (const uint8_t *)"ABCD", 4);
    g[0] = g[1] = 0;
    g[2] = A(tail);
    g[3] = 100;
    g[4] = A(src);
    g[5] = 4;
    rt_pgm_arm();
    asm volatile("  lmg   %%r0,%%r5,0(%[g])\n"
                 "  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lghi  %%r1,0\n"
                 "  .insn rrf,0xb2a70000,%%r2,%%r4,0,0\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [g] "a"(g) : "r0", "r1", "r2", "r3", "r4", "r5", "cc", "memory");
    rt_check(rt_pgm_disarm(&pi), "cu12 past the end of storage: interruption");
    rt_check_u64("cu12 past the end: addressing", pi.code, PGM_ADDRESSING);
    rt_check_u64("cu12 past the end: ilc 2", pi.ilc, 2);
    rt_check_mem("cu12 past the end: characters before the boundary", tail, "\0A\0B", 4);
}

int main(void)
{
    test_cu12();
    test_cu14_cu21_cu24();
    test_cu41_cu42();
    test_spec();
    test_access();
    return 0;
}
