/*
 * translate_test.c - TRANSLATE AND TEST EXTENDED (TRTE) and TRANSLATE AND
 * TEST REVERSE EXTENDED (TRTRE) of the parsing-enhancement facility: the
 * A, F and L bits of M3, CC 0/1/3, R1/R1+1 updates, the function code in
 * R2 and specification exceptions (PoO chapter 7).
 */
#include "rt/rt.h"

/* GR0-GR5 loaded from g[0..5] and stored back; CC 3 resumes. */
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

/* TRTE/TRTRE R2=4, R4=5 (function code in GR5). */
DEF_RUN(trte_0, ".insn rrf,0xb9bf0000,%%r2,%%r5,0,0")
DEF_RUN(trte_a, ".insn rrf,0xb9bf0000,%%r2,%%r5,8,0")
DEF_RUN(trte_af, ".insn rrf,0xb9bf0000,%%r2,%%r5,12,0")
DEF_RUN(trte_al, ".insn rrf,0xb9bf0000,%%r2,%%r5,10,0")
DEF_RUN(trtre_0, ".insn rrf,0xb9bd0000,%%r2,%%r5,0,0")
DEF_RUN(trtre_a, ".insn rrf,0xb9bd0000,%%r2,%%r5,8,0")

static uint8_t fct8[256];
static uint16_t fct16[65536];
static uint8_t buf[20000];
static uint16_t wbuf[32];

static uint64_t A(const void *p)
{
    return (uint64_t)(uintptr_t)p;
}

static void set_bytes(uint8_t *d, const char *s)
{
    while (*s)
        *d++ = (uint8_t)*s++;
}

static void test_trte(void)
{
    uint64_t g[6];
    unsigned cc;

    fct8[','] = 0x11;
    fct8['.'] = 0x22;

    set_bytes(buf, "abc,def.");
    g[1] = A(fct8);
    g[2] = A(buf);
    g[3] = 8;
    g[5] = 0xffffffffffffffffull;
    cc = trte_0(g);
    rt_check_u64("trte: cc 1 at the first nonzero function code", cc, 1);
    rt_check_u64("trte: r1 = its address", g[2], A(buf) + 3);
    rt_check_u64("trte: r1+1 = remaining length including it", g[3], 5);
    rt_check_u64("trte: function code in r2", g[5], 0x11);

    set_bytes(buf, "abcdefgh");
    g[2] = A(buf);
    g[3] = 8;
    g[5] = 0x5555;
    cc = trte_0(g);
    rt_check_u64("trte all zero: cc 0", cc, 0);
    rt_check_u64("trte all zero: r1 past the operand", g[2], A(buf) + 8);
    rt_check_u64("trte all zero: r1+1 zero", g[3], 0);
    rt_check_u64("trte all zero: r2 unchanged", g[5], 0x5555);

    /* Long operand: CC 3 units until done. */
    for (unsigned i = 0; i < 20000; i++)
        buf[i] = 'x';
    buf[19999] = '.';
    g[2] = A(buf);
    g[3] = 20000;
    cc = trte_0(g);
    rt_check_u64("trte 20000: cc 1", cc, 1);
    rt_check_u64("trte 20000: r1", g[2], A(buf) + 19999);
    rt_check_u64("trte 20000: r1+1", g[3], 1);
    rt_check_u64("trte 20000: r2", g[5], 0x22);

    /* A=1: two-byte arguments; F=1: two-byte function codes. */
    fct16[0x0041] = 0;
    fct16[0x2c00] = 0xbeef;
    fct8[0x2c] = 0;
    wbuf[0] = 0x0041;
    wbuf[1] = 0x0041;
    wbuf[2] = 0x2c00;
    wbuf[3] = 0x0041;
    g[1] = A(fct16);
    g[2] = A(wbuf);
    g[3] = 8;
    g[5] = 0;
    cc = trte_af(g);
    rt_check_u64("trte A F: cc 1", cc, 1);
    rt_check_u64("trte A F: r1", g[2], A(wbuf) + 4);
    rt_check_u64("trte A F: r1+1", g[3], 4);
    rt_check_u64("trte A F: 16-bit function code", g[5], 0xbeef);

    /* A=1, F=0: one-byte function codes indexed by the 16-bit argument. */
    fct8['B'] = 0x33;
    wbuf[0] = 'A';
    wbuf[1] = 'B';
    g[1] = A(fct8);
    g[2] = A(wbuf);
    g[3] = 4;
    cc = trte_a(g);
    rt_check_u64("trte A: cc 1", cc, 1);
    rt_check_u64("trte A: r1", g[2], A(wbuf) + 2);
    rt_check_u64("trte A: function code", g[5], 0x33);

    /* L=1: arguments above 255 have function code zero, no table access. */
    wbuf[0] = 0x4242;
    wbuf[1] = 'B';
    g[1] = A(fct8);
    g[2] = A(wbuf);
    g[3] = 4;
    g[5] = 0;
    cc = trte_al(g);
    rt_check_u64("trte A L: cc 1 at the second argument", cc, 1);
    rt_check_u64("trte A L: r1", g[2], A(wbuf) + 2);
    rt_check_u64("trte A L: r1+1", g[3], 2);
}

static void test_trtre(void)
{
    uint64_t g[6];
    unsigned cc;

    set_bytes(buf, "a,b.cdef");
    g[1] = A(fct8);
    g[2] = A(buf) + 7;      /* rightmost byte */
    g[3] = 8;
    g[5] = 0;
    cc = trtre_0(g);
    rt_check_u64("trtre: cc 1", cc, 1);
    rt_check_u64("trtre: r1 = rightmost match", g[2], A(buf) + 3);
    rt_check_u64("trtre: r1+1", g[3], 4);
    rt_check_u64("trtre: function code", g[5], 0x22);

    set_bytes(buf, "abcdefgh");
    g[2] = A(buf) + 7;
    g[3] = 8;
    g[5] = 7;
    cc = trtre_0(g);
    rt_check_u64("trtre all zero: cc 0", cc, 0);
    rt_check_u64("trtre all zero: r1 before the operand", g[2], A(buf) - 1);
    rt_check_u64("trtre all zero: r1+1", g[3], 0);
    rt_check_u64("trtre all zero: r2 unchanged", g[5], 7);

    wbuf[0] = 'B';
    wbuf[1] = 'A';
    wbuf[2] = 'A';
    g[2] = A(wbuf) + 4;     /* rightmost two-byte character */
    g[3] = 6;
    cc = trtre_a(g);
    rt_check_u64("trtre A: cc 1", cc, 1);
    rt_check_u64("trtre A: r1", g[2], A(wbuf));
    rt_check_u64("trtre A: r1+1", g[3], 2);
    rt_check_u64("trtre A: function code", g[5], 0x33);
}

static void test_spec(void)
{
    struct rt_pgm_info pi;

    /* A=1 with an odd length. */
    rt_pgm_arm();
    asm volatile("lgr %%r1,%[t]\n\tlgr %%r2,%[b]\n\tlghi %%r3,3\n\t"
                 ".insn rrf,0xb9bf0000,%%r2,%%r5,8,0"
                 : : [t] "d"(A(fct8)), [b] "d"(A(wbuf)) : "r1", "r2", "r3", "r5", "cc");
    rt_check(rt_pgm_disarm(&pi), "trte A odd length: interruption");
    rt_check_u64("trte A odd length: specification", pi.code, PGM_SPECIFICATION);

    /* Odd R1. */
    rt_pgm_arm();
    asm volatile("lgr %%r1,%[t]\n\tlgr %%r3,%[b]\n\tlghi %%r4,2\n\t"
                 ".insn rrf,0xb9bd0000,%%r3,%%r5,0,0"
                 : : [t] "d"(A(fct8)), [b] "d"(A(wbuf)) : "r1", "r3", "r4", "r5", "cc");
    rt_check(rt_pgm_disarm(&pi), "trtre odd r1: interruption");
    rt_check_u64("trtre odd r1: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("trtre odd r1: ilc 2", pi.ilc, 2);
}

int main(void)
{
    test_trte();
    test_trtre();
    test_spec();
    return 0;
}
