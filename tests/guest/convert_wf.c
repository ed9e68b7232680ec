/*
 * convert_wf.c - the well-formedness-checking bit W (M3 bit 3, ETF3
 * enhancement) of CU12, CU14, CU21 and CU24: invalid and overlong UTF-8
 * sequences, encoded surrogates, values above 10FFFF, unpaired UTF-16
 * surrogates, and the same inputs converted without W (PoO chapter 7,
 * the tables of well-formed UTF-8 byte sequences).
 */
#include "rt/rt.h"

#define DEF_RUN(fn, text)                                                     \
static unsigned fn(uint64_t *g)                                               \
{                                                                             \
    uint64_t ipm;                                                             \
                                                                              \
    asm volatile("lmg %%r0,%%r5,0(%[g])\n"                                    \
                 "0:\t" text "\n\t"                                           \
                 "jo 0b\n\t"                                                  \
                 "ipm %[ipm]\n\t"                                             \
                 "stmg %%r0,%%r5,0(%[g])"                                     \
                 : [ipm] "=&d"(ipm) : [g] "a"(g)                              \
                 : "r0", "r1", "r2", "r3", "r4", "r5", "cc", "memory");       \
    return rt_cc_from_ipm(ipm);                                               \
}

DEF_RUN(cu12_w0, ".insn rrf,0xb2a70000,%%r2,%%r4,0,0")
DEF_RUN(cu12_w1, ".insn rrf,0xb2a70000,%%r2,%%r4,1,0")
DEF_RUN(cu12_m14, ".insn rrf,0xb2a70000,%%r2,%%r4,14,0")
DEF_RUN(cu12_m15, ".insn rrf,0xb2a70000,%%r2,%%r4,15,0")
DEF_RUN(cu14_w0, ".insn rrf,0xb9b00000,%%r2,%%r4,0,0")
DEF_RUN(cu14_w1, ".insn rrf,0xb9b00000,%%r2,%%r4,1,0")
DEF_RUN(cu21_w1, ".insn rrf,0xb2a60000,%%r2,%%r4,1,0")
DEF_RUN(cu24_w0, ".insn rrf,0xb9b10000,%%r2,%%r4,0,0")
DEF_RUN(cu24_w1, ".insn rrf,0xb9b10000,%%r2,%%r4,1,0")

static uint8_t src[64], dst[64];

static uint64_t A(const void *p)
{
    return (uint64_t)(uintptr_t)p;
}

/* Run @fn on the @n bytes @s with a 32-byte first operand; returns the CC
 * and leaves the registers in g. */
static unsigned conv(unsigned (*fn)(uint64_t *), const char *s, unsigned n, uint64_t *g)
{
    for (unsigned i = 0; i < n; i++)
        src[i] = (uint8_t)s[i];
    for (unsigned i = 0; i < 64; i++)
        dst[i] = 0xee;
    g[0] = g[1] = 0;
    g[2] = A(dst);
    g[3] = 32;
    g[4] = A(src);
    g[5] = n;
    return fn(g);
}

/* An input with an invalid character at byte @sadv: CC 2, R2 addresses
 * it and R1 is past the @dadv bytes converted before it. */
static void reject_at(const char *name, unsigned (*fn)(uint64_t *), const char *s, unsigned n,
                      unsigned sadv, unsigned dadv)
{
    uint64_t g[6];
    unsigned cc;

    cc = conv(fn, s, n, g);
    rt_checkf(cc == 2, "%s: cc 2 (got %u)", name, cc);
    rt_checkf(g[4] == A(src) + sadv && g[5] == n - sadv,
              "%s: r2 addresses the invalid character", name);
    rt_checkf(g[2] == A(dst) + dadv && g[3] == 32 - dadv,
              "%s: r1 after the preceding character", name);
}

/* A UTF-8 sequence W rejects, after the character "A" (@out_len bytes). */
static void reject(const char *name, unsigned (*fn)(uint64_t *), const char *seq, unsigned n,
                   unsigned out_len)
{
    char s[8] = { 'A' };

    for (unsigned i = 0; i < n; i++)
        s[1 + i] = seq[i];
    reject_at(name, fn, s, n + 1, 1, out_len);
}

/* A sequence converted to the @m expected bytes with CC 0. */
static void accept(const char *name, unsigned (*fn)(uint64_t *), const char *seq, unsigned n,
                   const char *exp, unsigned m)
{
    uint64_t g[6];
    unsigned cc;

    cc = conv(fn, seq, n, g);
    rt_checkf(cc == 0, "%s: cc 0 (got %u)", name, cc);
    rt_check_mem(name, dst, exp, m);
    rt_checkf(g[5] == 0 && g[3] == 32 - m, "%s: lengths", name);
}

static void test_utf8(void)
{
    /* Second byte continuation and lead-byte limits. */
    reject("cu12 w: c0 80 overlong", cu12_w1, "\xc0\x80", 2, 2);
    reject("cu12 w: c1 bf overlong", cu12_w1, "\xc1\xbf", 2, 2);
    reject("cu12 w: c3 41 bad continuation", cu12_w1, "\xc3\x41", 2, 2);
    reject("cu12 w: lone continuation 80", cu12_w1, "\x80", 1, 2);
    reject("cu12 w: e0 9f bf overlong", cu12_w1, "\xe0\x9f\xbf", 3, 2);
    reject("cu12 w: ed a0 80 surrogate d800", cu12_w1, "\xed\xa0\x80", 3, 2);
    reject("cu12 w: ed bf bf surrogate dfff", cu12_w1, "\xed\xbf\xbf", 3, 2);
    reject("cu12 w: e1 80 c0 bad third byte", cu12_w1, "\xe1\x80\xc0", 3, 2);
    reject("cu12 w: f0 8f bf bf overlong", cu12_w1, "\xf0\x8f\xbf\xbf", 4, 2);
    reject("cu12 w: f4 90 80 80 above 10ffff", cu12_w1, "\xf4\x90\x80\x80", 4, 2);
    reject("cu12 w: f5 80 80 80", cu12_w1, "\xf5\x80\x80\x80", 4, 2);
    reject("cu12 w: f0 90 80 41 bad fourth byte", cu12_w1, "\xf0\x90\x80\x41", 4, 2);
    reject("cu12 w: ff", cu12_w1, "\xff", 1, 2);
    reject("cu12 m3=15: c0 80", cu12_m15, "\xc0\x80", 2, 2);
    reject("cu14 w: c0 80", cu14_w1, "\xc0\x80", 2, 4);
    reject("cu14 w: ed a0 80", cu14_w1, "\xed\xa0\x80", 3, 4);
    reject("cu14 w: f4 90 80 80", cu14_w1, "\xf4\x90\x80\x80", 4, 4);

    /* Well-formed boundaries pass with W. */
    accept("cu12 w: c2 80 -> 0080", cu12_w1, "\xc2\x80", 2, "\x00\x80", 2);
    accept("cu12 w: df bf -> 07ff", cu12_w1, "\xdf\xbf", 2, "\x07\xff", 2);
    accept("cu12 w: e1 80 80 -> 1000", cu12_w1, "\xe1\x80\x80", 3, "\x10\x00", 2);
    accept("cu12 w: ed 9f bf -> d7ff", cu12_w1, "\xed\x9f\xbf", 3, "\xd7\xff", 2);
    accept("cu12 w: ee 80 80 -> e000", cu12_w1, "\xee\x80\x80", 3, "\xe0\x00", 2);
    accept("cu12 w: ef bf bf -> ffff", cu12_w1, "\xef\xbf\xbf", 3, "\xff\xff", 2);
    accept("cu12 w: f0 90 80 80 -> d800 dc00", cu12_w1, "\xf0\x90\x80\x80", 4,
           "\xd8\x00\xdc\x00", 4);
    accept("cu12 w: f4 8f bf bf -> dbff dfff", cu12_w1, "\xf4\x8f\xbf\xbf", 4,
           "\xdb\xff\xdf\xff", 4);
    accept("cu14 w: f4 8f bf bf -> 10ffff", cu14_w1, "\xf4\x8f\xbf\xbf", 4,
           "\x00\x10\xff\xff", 4);

    /* Without W only the first byte is checked. */
    accept("cu12 no w: c0 80 -> 0000", cu12_w0, "\xc0\x80", 2, "\x00\x00", 2);
    accept("cu12 m3=14 (w=0): c0 80 -> 0000", cu12_m14, "\xc0\x80", 2, "\x00\x00", 2);
    accept("cu12 no w: c3 41 -> 00c1", cu12_w0, "\xc3\x41", 2, "\x00\xc1", 2);
    accept("cu12 no w: ed a0 80 -> d800", cu12_w0, "\xed\xa0\x80", 3, "\xd8\x00", 2);
    accept("cu14 no w: ed b0 80 -> dc00", cu14_w0, "\xed\xb0\x80", 3, "\x00\x00\xdc\x00", 4);
    accept("cu14 no w: e0 80 80 -> 0", cu14_w0, "\xe0\x80\x80", 3, "\x00\x00\x00\x00", 4);
    reject("cu12 no w: 80 still invalid", cu12_w0, "\x80", 1, 2);
    reject("cu12 no w: bf still invalid", cu12_w0, "\xbf", 1, 2);
    reject("cu12 no w: f8 still invalid", cu12_w0, "\xf8\x80\x80\x80", 4, 2);
    reject("cu14 no w: fc still invalid", cu14_w0, "\xfc", 1, 4);
}

static void test_utf16(void)
{
    reject_at("cu21 w: d800 0041 unpaired high surrogate", cu21_w1,
              "\x00\x41\xd8\x00\x00\x41", 6, 2, 1);
    reject_at("cu24 w: dbff e000", cu24_w1, "\x00\x41\xdb\xff\xe0\x00", 6, 2, 4);
    accept("cu24 w: d83d de00 -> 1f600", cu24_w1, "\xd8\x3d\xde\x00", 4, "\x00\x01\xf6\x00", 4);
    accept("cu24 no w: d800 0041 -> 10041", cu24_w0, "\xd8\x00\x00\x41", 4,
           "\x00\x01\x00\x41", 4);
}

int main(void)
{
    test_utf8();
    test_utf16();
    return 0;
}
