/*
 * translate.c - TRANSLATE (TR), TRANSLATE AND TEST (TRT) and TRANSLATE AND
 * TEST REVERSE (TRTR): results, condition codes and the GR1/GR2 updates of
 * TRT/TRTR in the 64-, 31- and 24-bit addressing modes (PoO chapter 7).
 */
#include "rt/rt.h"

static uint8_t upper[256];
static uint8_t stop_tbl[256];
static uint8_t buf[64];
static uint8_t page_buf[8192] __attribute__((aligned(4096)));

static void set_bytes(uint8_t *d, const char *s)
{
    while (*s)
        *d++ = (uint8_t)*s++;
}

static void test_tr(void)
{
    static const uint8_t exp1[13] = "HELLO, WORLD!";

    for (unsigned i = 0; i < 256; i++)
        upper[i] = (uint8_t)((i >= 'a' && i <= 'z') ? i - 32 : i);
    set_bytes(buf, "hello, World!xyz");
    asm volatile("tr 0(13,%[a]),0(%[t])" : : [a] "a"(buf), [t] "a"(upper) : "memory");
    rt_check_mem("tr 13 bytes to upper case", buf, exp1, 13);
    rt_check_mem("tr leaves the byte after the operand", buf + 13, "xyz", 3);

    buf[0] = 'q';
    buf[1] = 'r';
    asm volatile("tr 0(1,%[a]),0(%[t])" : : [a] "a"(buf), [t] "a"(upper) : "memory");
    rt_check_u64("tr length 1 translates one byte", buf[0], 'Q');
    rt_check_u64("tr length 1 leaves the second", buf[1], 'r');

    /* Full 256-byte operand through a table of complements. */
    static uint8_t big[256], comp[256];
    for (unsigned i = 0; i < 256; i++) {
        big[i] = (uint8_t)i;
        comp[i] = (uint8_t)~i;
    }
    asm volatile("tr 0(256,%[a]),0(%[t])" : : [a] "a"(big), [t] "a"(comp) : "memory");
    rt_check_u64("tr 256: first", big[0], 0xff);
    rt_check_u64("tr 256: 0x5a", big[0x5a], 0xa5);
    rt_check_u64("tr 256: last", big[255], 0x00);

    /* The first operand crosses a page boundary. */
    set_bytes(page_buf + 4096 - 3, "abcdefgh");
    asm volatile("tr 0(8,%[a]),0(%[t])" : : [a] "a"(page_buf + 4096 - 3), [t] "a"(upper)
                 : "memory");
    rt_check_mem("tr across a page boundary", page_buf + 4096 - 3, "ABCDEFGH", 8);

    /* Overlap: the table is the first operand itself; each byte is
     * translated after the previous one was stored (PoO: byte at a time). */
    static uint8_t ov[32];
    for (unsigned i = 0; i < 32; i++)
        ov[i] = (uint8_t)(0x40 + i);
    ov[0] = 0x10;       /* -> ov[0x10] = 0x50 */
    ov[1] = 0x00;       /* -> ov[0], already 0x50 */
    ov[2] = 0x01;       /* -> ov[1], already 0x50 */
    ov[3] = 0x1f;       /* -> 0x5f */
    asm volatile("tr 0(4,%[a]),0(%[a])" : : [a] "a"(ov) : "memory");
    rt_check_mem("tr overlapping table", ov, "\x50\x50\x50\x5f", 4);
}

/* Run TRT/TRTR with GR1/GR2 preset to @g1/@g2; returns the CC. */
#define DEF_TRT(fn, text, pre, post)                                          \
static unsigned fn(const void *a, uint64_t *g1, uint64_t *g2)                 \
{                                                                             \
    uint64_t ipm, r1 = *g1, r2 = *g2;                                         \
                                                                              \
    asm volatile("lgr %%r1,%[i1]\n\tlgr %%r2,%[i2]\n\t" pre "\n\t" text      \
                 "\n\tipm %[ipm]\n\t" post "\n\tlgr %[i1],%%r1\n\t"           \
                 "lgr %[i2],%%r2"                                             \
                 : [ipm] "=&d"(ipm), [i1] "+&d"(r1), [i2] "+&d"(r2)           \
                 : [a] "a"(a), [t] "a"(stop_tbl)                              \
                 : "r1", "r2", "cc", "memory");                               \
    *g1 = r1;                                                                 \
    *g2 = r2;                                                                 \
    return rt_cc_from_ipm(ipm);                                               \
}

DEF_TRT(trt8, "trt 0(8,%[a]),0(%[t])", "", "")
DEF_TRT(trtr8, "trtr 7(8,%[a]),0(%[t])", "", "")
DEF_TRT(trt8_31, "trt 0(8,%[a]),0(%[t])", "sam31", "sam64")
DEF_TRT(trt8_24, "trt 0(8,%[a]),0(%[t])", "sam24", "sam64")
DEF_TRT(trtr8_31, "trtr 7(8,%[a]),0(%[t])", "sam31", "sam64")

static void test_trt(void)
{
    uint64_t g1, g2, a = (uint64_t)(uintptr_t)buf;
    unsigned cc;

    stop_tbl[';'] = 0x07;
    stop_tbl['!'] = 0x80;

    set_bytes(buf, "abc;def;");
    g1 = 0x1111111111111111ull;
    g2 = 0x1122334455667788ull;
    cc = trt8(buf, &g1, &g2);
    rt_check_u64("trt first nonzero: cc 1", cc, 1);
    rt_check_u64("trt first nonzero: gr1 = its address", g1, a + 3);
    rt_check_u64("trt first nonzero: gr2 bits 56-63 = function byte", g2,
                 0x1122334455667707ull);

    set_bytes(buf, "abcdefgh");
    g1 = 0x1111111111111111ull;
    g2 = 0x2222222222222222ull;
    cc = trt8(buf, &g1, &g2);
    rt_check_u64("trt all zero: cc 0", cc, 0);
    rt_check_u64("trt all zero: gr1 unchanged", g1, 0x1111111111111111ull);
    rt_check_u64("trt all zero: gr2 unchanged", g2, 0x2222222222222222ull);

    set_bytes(buf, "abcdefg!");
    g1 = 0;
    g2 = 0;
    cc = trt8(buf, &g1, &g2);
    rt_check_u64("trt nonzero at the last byte: cc 2", cc, 2);
    rt_check_u64("trt last byte: gr1", g1, a + 7);
    rt_check_u64("trt last byte: gr2", g2, 0x80);

    set_bytes(buf, "!bcdefgh");
    g1 = 0;
    g2 = 0xffffffffffffffffull;
    cc = trt8(buf, &g1, &g2);
    rt_check_u64("trt nonzero at the first byte: cc 1", cc, 1);
    rt_check_u64("trt first byte: gr1", g1, a);
    rt_check_u64("trt first byte: gr2", g2, 0xffffffffffffff80ull);

    /* 31-bit mode: bits 33-63 replaced, bit 32 zeroed, bits 0-31 kept. */
    set_bytes(buf, "ab;defgh");
    g1 = 0xaaaaaaaaffffffffull;
    g2 = 0;
    cc = trt8_31(buf, &g1, &g2);
    rt_check_u64("trt 31-bit: cc 1", cc, 1);
    rt_check_u64("trt 31-bit: gr1 bits 32-63 = address, 0-31 kept", g1,
                 0xaaaaaaaa00000000ull | (a + 2));

    /* 24-bit mode: bits 40-63 replaced, bits 0-39 kept. */
    g1 = 0xaaaaaaaabbffffffull;
    g2 = 0x5555555555555555ull;
    cc = trt8_24(buf, &g1, &g2);
    rt_check_u64("trt 24-bit: cc 1", cc, 1);
    rt_check_u64("trt 24-bit: gr1 bits 40-63 = address, 0-39 kept", g1,
                 0xaaaaaaaabb000000ull | ((a + 2) & 0xffffff));
    rt_check_u64("trt 24-bit: gr2", g2, 0x5555555555555507ull);
}

static void test_trtr(void)
{
    uint64_t g1, g2, a = (uint64_t)(uintptr_t)buf;
    unsigned cc;

    set_bytes(buf, "abc;def;");
    g1 = 0;
    g2 = 0x1122334455667788ull;
    cc = trtr8(buf, &g1, &g2);
    rt_check_u64("trtr rightmost nonzero first: cc 1", cc, 1);
    rt_check_u64("trtr: gr1 = address of the rightmost match", g1, a + 7);
    rt_check_u64("trtr: gr2", g2, 0x1122334455667707ull);

    set_bytes(buf, "abc;defg");
    g1 = 0;
    cc = trtr8(buf, &g1, &g2);
    rt_check_u64("trtr scans right to left: cc 1", cc, 1);
    rt_check_u64("trtr scans right to left: gr1", g1, a + 3);

    set_bytes(buf, "!bcdefgh");
    g1 = 0;
    g2 = 0;
    cc = trtr8(buf, &g1, &g2);
    rt_check_u64("trtr nonzero at the leftmost (last) byte: cc 2", cc, 2);
    rt_check_u64("trtr leftmost: gr1", g1, a);
    rt_check_u64("trtr leftmost: gr2", g2, 0x80);

    set_bytes(buf, "abcdefgh");
    g1 = 0x77;
    g2 = 0x88;
    cc = trtr8(buf, &g1, &g2);
    rt_check_u64("trtr all zero: cc 0", cc, 0);
    rt_check_u64("trtr all zero: gr1 unchanged", g1, 0x77);
    rt_check_u64("trtr all zero: gr2 unchanged", g2, 0x88);

    set_bytes(buf, "abcde;gh");
    g1 = 0xccccccccffffffffull;
    g2 = 0;
    cc = trtr8_31(buf, &g1, &g2);
    rt_check_u64("trtr 31-bit: cc 1", cc, 1);
    rt_check_u64("trtr 31-bit: gr1", g1, 0xcccccccc00000000ull | (a + 5));
}

/* TR under EXECUTE: the length comes from bits 56-63 of R1 ORed into L. */
static void test_tr_ex(void)
{
    uint64_t len = 4;       /* L = 0 | 4 -> 5 bytes */

    set_bytes(buf, "abcdefgh");
    asm volatile("larl %%r1,0f\n\t"
                 "ex %[l],0(%%r1)\n\t"
                 "j 1f\n"
                 "0:\ttr 0(1,%[a]),0(%[t])\n"
                 "1:"
                 : : [l] "a"(len), [a] "a"(buf), [t] "a"(upper) : "r1", "memory");
    rt_check_mem("ex tr: five bytes", buf, "ABCDEfgh", 8);
}

/* Storage ends at 128 MiB (the runner's -m 128): operands reaching past it
 * get an addressing exception; TRT changes neither GR1 nor GR2 then. */
#define MEM_END 0x8000000ull

static void test_access(void)
{
    struct rt_pgm_info pi;
    uint64_t next, g1 = 0x1111, g2 = 0x2222;
    uint8_t *tail = (uint8_t *)(uintptr_t)(MEM_END - 4);

    for (unsigned i = 0; i < 4; i++)
        tail[i] = 'a';
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[next],1f\n"
                 "0: tr   0(8,%[a]),0(%[t])\n"
                 "1:\n"
                 : [next] "=&d"(next), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [a] "a"(tail), [t] "a"(upper) : "r1", "memory");
    rt_check(rt_pgm_disarm(&pi), "tr past the end of storage: interruption");
    rt_check_u64("tr past the end: addressing", pi.code, PGM_ADDRESSING);
    rt_check_u64("tr past the end: ilc 3", pi.ilc, 3);
    rt_check_u64("tr past the end: suppression, old psw past it", pi.addr, next);

    /* Table byte 0xff beyond storage; the argument operand itself is fine. */
    buf[0] = 0xff;
    rt_pgm_arm();
    asm volatile("  lgr   %%r1,%[i1]\n"
                 "  lgr   %%r2,%[i2]\n"
                 "  larl  %%r3,1f\n"
                 "  stg   %%r3,%[slot]\n"
                 "  larl  %[next],1f\n"
                 "0: trt  0(1,%[a]),0(%[t])\n"
                 "1:\n"
                 : [next] "=&d"(next), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [a] "a"(buf), [t] "a"(MEM_END - 0x80), [i1] "d"(g1), [i2] "d"(g2)
                 : "r1", "r2", "r3", "memory");
    rt_check(rt_pgm_disarm(&pi), "trt table past the end: interruption");
    rt_check_u64("trt table past the end: addressing", pi.code, PGM_ADDRESSING);
    rt_check_u64("trt table past the end: suppression, old psw past it", pi.addr, next);
    rt_check_u64("trt table past the end: gr1 unchanged", pi.gprs[1], 0x1111);
    rt_check_u64("trt table past the end: gr2 unchanged", pi.gprs[2], 0x2222);
}

int main(void)
{
    test_tr();
    test_trt();
    test_trtr();
    test_tr_ex();
    test_access();
    return 0;
}
