/*
 * translate_ext.c - TRANSLATE EXTENDED (TRE) and TRANSLATE ONE/TWO TO
 * ONE/TWO (TROO, TROT, TRTO, TRTT): results, test-character stop, the M3
 * comparison-suppression bit of the ETF2 enhancement, register updates in
 * 64- and 31-bit mode, CC 3 resumption and specification exceptions
 * (PoO chapter 7).
 */
#include "rt/rt.h"

/* GR0-GR5 are loaded from g[0..5] around the instruction and stored back;
 * CC 3 re-executes (the CPU-determined amount), so the CC is final. */
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

DEF_RUN(run_tre, "tre %%r2,%%r4", "", "")
DEF_RUN(run_tre31, "tre %%r2,%%r4", "sam31", "sam64")
DEF_RUN(run_troo, "troo %%r2,%%r4", "", "")
DEF_RUN(run_troo_m1, ".insn rrf,0xb9930000,%%r2,%%r4,1,0", "", "")
DEF_RUN(run_trot, "trot %%r2,%%r4", "", "")
DEF_RUN(run_trto, "trto %%r2,%%r4", "", "")
DEF_RUN(run_trtt, "trtt %%r2,%%r4", "", "")
DEF_RUN(run_trtt_m1, ".insn rrf,0xb9900000,%%r2,%%r4,1,0", "", "")
DEF_RUN(run_troo31, "troo %%r2,%%r4", "sam31", "sam64")

static uint8_t tbl8[256] __attribute__((aligned(8)));
static uint16_t tbl16[256] __attribute__((aligned(8)));
static uint8_t tbl2to1[65536] __attribute__((aligned(8)));
static uint16_t tbl2to2[65536] __attribute__((aligned(8)));
static uint8_t buf[16384];
static uint8_t out[16384];
static uint16_t wsrc[64], wout[64];

static uint64_t A(const void *p)
{
    return (uint64_t)(uintptr_t)p;
}

static void set_bytes(uint8_t *d, const char *s)
{
    while (*s)
        *d++ = (uint8_t)*s++;
}

static void test_tre(void)
{
    uint64_t g[6];
    unsigned cc;

    for (unsigned i = 0; i < 256; i++)
        tbl8[i] = (uint8_t)((i >= 'a' && i <= 'z') ? i - 32 : i);

    set_bytes(buf, "abcdefghij--");
    g[0] = 0xffffffffffffff00ull;       /* test byte 00: not in the operand */
    g[2] = A(buf);
    g[3] = 10;
    g[4] = A(tbl8);
    cc = run_tre(g);
    rt_check_u64("tre whole operand: cc 0", cc, 0);
    rt_check_mem("tre whole operand: result", buf, "ABCDEFGHIJ--", 12);
    rt_check_u64("tre whole operand: r1 advanced", g[2], A(buf) + 10);
    rt_check_u64("tre whole operand: r1+1 zero", g[3], 0);
    rt_check_u64("tre: r2 unchanged", g[4], A(tbl8));

    set_bytes(buf, "abcd efgh");
    g[0] = ' ';
    g[2] = A(buf);
    g[3] = 9;
    g[4] = A(tbl8);
    cc = run_tre(g);
    rt_check_u64("tre test byte found: cc 1", cc, 1);
    rt_check_mem("tre test byte found: bytes before it translated", buf, "ABCD efgh", 9);
    rt_check_u64("tre test byte found: r1 points at it", g[2], A(buf) + 4);
    rt_check_u64("tre test byte found: r1+1 remaining", g[3], 5);

    g[0] = 'x';
    g[2] = A(buf);
    g[3] = 0;
    cc = run_tre(g);
    rt_check_u64("tre length 0: cc 0", cc, 0);
    rt_check_u64("tre length 0: r1 unchanged", g[2], A(buf));

    /* A long operand needs several CPU-determined units (CC 3). */
    for (unsigned i = 0; i < 10000; i++)
        buf[i] = (uint8_t)('a' + i % 26);
    g[0] = 0;
    g[2] = A(buf);
    g[3] = 10000;
    g[4] = A(tbl8);
    cc = run_tre(g);
    rt_check_u64("tre 10000 bytes: cc 0", cc, 0);
    rt_check_u64("tre 10000 bytes: first", buf[0], 'A');
    rt_check_u64("tre 10000 bytes: last", buf[9999], 'A' + 9999 % 26);
    rt_check_u64("tre 10000 bytes: r1", g[2], A(buf) + 10000);
    rt_check_u64("tre 10000 bytes: r1+1", g[3], 0);

    /* 31-bit mode: the length is bits 32-63 of R1+1; bits 0-31 of both
     * registers stay unchanged. */
    set_bytes(buf, "xyz.");
    g[0] = '.';
    g[2] = 0xdeadbeef00000000ull | A(buf);
    g[3] = 0x1234567800000004ull;
    g[4] = 0xfeedface00000000ull | A(tbl8);
    cc = run_tre31(g);
    rt_check_u64("tre 31-bit: cc 1", cc, 1);
    rt_check_mem("tre 31-bit: result", buf, "XYZ.", 4);
    rt_check_u64("tre 31-bit: r1 bits 32-63", (uint32_t)g[2], A(buf) + 3);
    rt_check_u64("tre 31-bit: r1+1", g[3], 0x1234567800000001ull);

    /* R1 odd: specification exception, nothing changed. */
    struct rt_pgm_info pi;
    set_bytes(buf, "abcd");
    rt_pgm_arm();
    asm volatile("lghi %%r0,0\n\tlgr %%r3,%[a]\n\tlghi %%r4,4\n\tlgr %%r5,%[t]\n\t"
                 ".insn rre,0xb2a50000,%%r3,%%r5"
                 : : [a] "d"(A(buf)), [t] "d"(A(tbl8)) : "r0", "r3", "r4", "r5", "cc", "memory");
    rt_check(rt_pgm_disarm(&pi), "tre odd r1: interruption");
    rt_check_u64("tre odd r1: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("tre odd r1: ilc 2", pi.ilc, 2);
    rt_check_mem("tre odd r1: operand unchanged", buf, "abcd", 4);
}

static void test_troo(void)
{
    uint64_t g[6];
    unsigned cc;

    for (unsigned i = 0; i < 256; i++)
        tbl8[i] = (uint8_t)(i + 1);
    set_bytes(buf, "ABCDEF");
    for (unsigned i = 0; i < 8; i++)
        out[i] = 0xee;
    g[0] = 0;               /* test character 00 (from 0xff) not met */
    g[1] = A(tbl8) | 5;     /* low three bits ignored */
    g[2] = A(out);
    g[3] = 6;
    g[4] = A(buf);
    cc = run_troo(g);
    rt_check_u64("troo: cc 0", cc, 0);
    rt_check_mem("troo: result", out, "BCDEFG\xee", 7);
    rt_check_u64("troo: r1 advanced", g[2], A(out) + 6);
    rt_check_u64("troo: r1+1 zero", g[3], 0);
    rt_check_u64("troo: r2 advanced", g[4], A(buf) + 6);
    rt_check_u64("troo: gr1 unchanged", g[1], A(tbl8) | 5);

    for (unsigned i = 0; i < 8; i++)
        out[i] = 0xee;
    g[0] = 0xffffffffffffff00ull | 'E';   /* 'D' translates to 'E' */
    g[1] = A(tbl8);
    g[2] = A(out);
    g[3] = 6;
    g[4] = A(buf);
    cc = run_troo(g);
    rt_check_u64("troo test character: cc 1", cc, 1);
    rt_check_mem("troo test character: stored before it", out, "BCD\xee", 4);
    rt_check_u64("troo test character: r1", g[2], A(out) + 3);
    rt_check_u64("troo test character: r1+1", g[3], 3);
    rt_check_u64("troo test character: r2 at the source char", g[4], A(buf) + 3);

    g[0] = 'E';
    g[2] = A(out);
    g[3] = 6;
    g[4] = A(buf);
    cc = run_troo_m1(g);
    rt_check_u64("troo m3=1 no comparison: cc 0", cc, 0);
    rt_check_mem("troo m3=1: result", out, "BCDEFG", 6);

    /* Long operand: CC 3 units, then CC 0. */
    for (unsigned i = 0; i < 12000; i++)
        buf[i] = (uint8_t)i;
    g[0] = 0x100;           /* bits 56-63 = 00, and 00 is never a result here */
    tbl8[0xff] = 0x01;      /* i + 1 for all, 0xff -> 0x01 instead of 0x00 */
    g[1] = A(tbl8);
    g[2] = A(out);
    g[3] = 12000;
    g[4] = A(buf);
    cc = run_troo(g);
    rt_check_u64("troo 12000: cc 0", cc, 0);
    rt_check_u64("troo 12000: byte 0", out[0], 1);
    rt_check_u64("troo 12000: byte 255", out[255], 1);
    rt_check_u64("troo 12000: byte 11999", out[11999], (11999 + 1) & 0xff);
    rt_check_u64("troo 12000: r1", g[2], A(out) + 12000);
    rt_check_u64("troo 12000: r2", g[4], A(buf) + 12000);

    /* 31-bit mode register updates. */
    set_bytes(buf, "ab");
    g[0] = 0;
    g[1] = A(tbl8);
    g[2] = 0x1111111100000000ull | A(out);
    g[3] = 0x2222222200000002ull;
    g[4] = 0x3333333300000000ull | A(buf);
    cc = run_troo31(g);
    rt_check_u64("troo 31-bit: cc 0", cc, 0);
    rt_check_u64("troo 31-bit: r1", g[2], 0x1111111100000000ull | (A(out) + 2));
    rt_check_u64("troo 31-bit: r1+1", g[3], 0x2222222200000000ull);
    rt_check_u64("troo 31-bit: r2", g[4], 0x3333333300000000ull | (A(buf) + 2));
}

static void test_trot_trto_trtt(void)
{
    uint64_t g[6];
    unsigned cc;

    /* TROT: bytes to halfwords. */
    for (unsigned i = 0; i < 256; i++)
        tbl16[i] = (uint16_t)(0x3000 + i);
    set_bytes(buf, "\x01\x02\x7f");
    g[0] = 0xffff;          /* not met */
    g[1] = A(tbl16);
    g[2] = A(wout);
    g[3] = 3;
    g[4] = A(buf);
    cc = run_trot(g);
    rt_check_u64("trot: cc 0", cc, 0);
    rt_check_u64("trot: first", wout[0], 0x3001);
    rt_check_u64("trot: last", wout[2], 0x307f);
    rt_check_u64("trot: r1", g[2], A(wout) + 6);
    rt_check_u64("trot: r2", g[4], A(buf) + 3);

    /* TRTO: halfwords to bytes through a 64K table. */
    tbl2to1[0x0041] = 'a';
    tbl2to1[0x1234] = 'b';
    tbl2to1[0xffff] = 'c';
    wsrc[0] = 0x0041;
    wsrc[1] = 0x1234;
    wsrc[2] = 0xffff;
    for (unsigned i = 0; i < 4; i++)
        out[i] = 0xee;
    g[0] = 0;
    g[1] = A(tbl2to1);
    g[2] = A(out);
    g[3] = 6;
    g[4] = A(wsrc);
    cc = run_trto(g);
    rt_check_u64("trto: cc 0", cc, 0);
    rt_check_mem("trto: result", out, "abc\xee", 4);
    rt_check_u64("trto: r1", g[2], A(out) + 3);
    rt_check_u64("trto: r2", g[4], A(wsrc) + 6);

    /* TRTT: halfwords to halfwords through a 128K table. */
    tbl2to2[0x0041] = 0xa0a0;
    tbl2to2[0x1234] = 0x4321;
    tbl2to2[0xffff] = 0x0000;
    g[0] = 0x0000;
    g[1] = A(tbl2to2);
    g[2] = A(wout);
    g[3] = 6;
    g[4] = A(wsrc);
    cc = run_trtt(g);
    rt_check_u64("trtt stops at test character 0000: cc 1", cc, 1);
    rt_check_u64("trtt: first", wout[0], 0xa0a0);
    rt_check_u64("trtt: second", wout[1], 0x4321);
    rt_check_u64("trtt: r1", g[2], A(wout) + 4);
    rt_check_u64("trtt: r1+1", g[3], 2);
    rt_check_u64("trtt: r2", g[4], A(wsrc) + 4);

    wout[2] = 0x5555;
    g[0] = 0x0000;
    g[2] = A(wout);
    g[3] = 6;
    g[4] = A(wsrc);
    cc = run_trtt_m1(g);
    rt_check_u64("trtt m3=1: cc 0", cc, 0);
    rt_check_u64("trtt m3=1: 0000 stored", wout[2], 0);
    rt_check_u64("trtt m3=1: r1+1", g[3], 0);

    /* Odd length with two-byte source characters: specification. */
    struct rt_pgm_info pi;
    rt_pgm_arm();
    asm volatile("lghi %%r0,0\n\tlgr %%r1,%[t]\n\tlgr %%r2,%[o]\n\tlghi %%r3,5\n\t"
                 "lgr %%r4,%[s]\n\ttrtt %%r2,%%r4"
                 : : [t] "d"(A(tbl2to2)), [o] "d"(A(wout)), [s] "d"(A(wsrc))
                 : "r0", "r1", "r2", "r3", "r4", "cc", "memory");
    rt_check(rt_pgm_disarm(&pi), "trtt odd length: interruption");
    rt_check_u64("trtt odd length: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("trtt odd length: r1 unchanged", pi.gprs[2], A(wout));
}

int main(void)
{
    test_tre();
    test_troo();
    test_trot_trto_trtt();
    return 0;
}
