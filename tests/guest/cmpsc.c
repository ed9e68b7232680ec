/*
 * cmpsc.c - COMPRESSION CALL (PoO chapter 7, "COMPRESSION CALL"; dictionary
 * formats per ESA/390 Data Compression, SA22-7208): expansion and
 * compression with hand-built dictionaries, format-0 and format-1 sibling
 * descriptors, symbol translation, CBN handling, CC 0/1/3, register updates,
 * data and specification exceptions. QEMU does not implement CMPSC: this
 * program runs on sieve only (qemu-deviations.txt).
 *
 * The dictionaries (9-bit symbols unless noted): compression dictionary at
 * dict[0..4095], expansion dictionary right after it at dict[4096..8191].
 *
 * Compression entries (index: string, entry):
 *   'A' 041: children 'B' (100, X=1) and 'C' (101, X=1)   58 01 00 42 43 ..
 *   100 "AB": one child 'C' (102, X=0)                     20 01 02 43 ..
 *   101 "AC"+AEC "DE" = "ACDE"                             00 40 00 44 45 ..
 *   102 "ABC": never examined (X=0), so invalid here       e0 ..
 *   'S' 053: 5 children '1'-'5' (110-114, X=0) and more    c0 01 10 31..35
 *   115: format-0 SD, 2 siblings '6' (Y=0) '7' (Y=1)       48 36 37 ..
 *   116 "S6", 117 "S7"+AEC "8" = "S78"                     00 20 00 38 ..
 *   'T' 054: 5 children (120-124) and more                 c0 01 20 31..35
 *   125: format-1 SD, 8 siblings 'a'-'f' here, 'g' 'h' in the expansion
 *        dictionary entry 125; siblings 126-12d            80 00 61..66
 *   'U' 055: 5 children (140-144) and more                 c0 01 40 31..35
 *   145: format-0 SD, SCT 0: siblings 'a'-'g' (146-14c) and more  00 61..67
 *   14d: format-0 SD, 1 sibling 'z' (14e)                  20 7a ..
 *   '#' 023: CCT 0 with ACT 6: invalid                     00 c0 ..
 *   'E' 045: one child 'F' (130, X=1)                      30 01 30 46 ..
 *   130 "EF"+D "G" = "EFG": children 'H' 'I' (131-132, X=0) 40 21 31 47 48 49
 * Expansion entries: 100 "AB", 101 "ACDE", 102 "ABC", 103 "HELLO, ",
 *   104 preceded by 103: "WORLD" at 7, 105 preceded by 104: "!!" at 12,
 *   140-144 "U1".."U5", 146-14c "Ua".."Ug", 14e "Uz",
 *   130 "EFG", 131 "EFGH", 132 "EFGI", 110-114 "S1".."S5", 116 "S6", 117 "S78", 120-124 "T1".."T5",
 *   126-12d "Ta".."Th",
 *   1f0 all zero (CSL 0: invalid), 1f1 PSL 6 (invalid).
 */
#include "rt/rt.h"

#define CMPSC ".insn rre,0xb2630000,%%r2,%%r4"

/* GR0 values: CDSS in bits 48-51, F1 bit 54, E bit 55, ST bit 47. */
#define CDSS(n)  ((uint64_t)(n) << 12)
#define GR0_E    0x100u
#define GR0_F1   0x200u
#define GR0_ST   0x10000u

static uint8_t dict[16384] __attribute__((aligned(4096)));
static uint8_t src[12000];
static uint8_t dst[12000];
static uint8_t out[12000];

/* GR0-GR5 from g[0..5], CMPSC R1=2 R2=4, repeated while CC 3 if @loop;
 * the registers are stored back. Returns the CC. */
static unsigned run(uint64_t *g, bool loop)
{
    uint64_t ipm;

    if (loop)
        asm volatile("lmg %%r0,%%r5,0(%[g])\n"
                     "0:\t" CMPSC "\n\t"
                     "jo 0b\n\t"
                     "ipm %[ipm]\n\t"
                     "stmg %%r0,%%r5,0(%[g])"
                     : [ipm] "=&d"(ipm) : [g] "a"(g)
                     : "r0", "r1", "r2", "r3", "r4", "r5", "cc", "memory");
    else
        asm volatile("lmg %%r0,%%r5,0(%[g])\n\t"
                     CMPSC "\n\t"
                     "ipm %[ipm]\n\t"
                     "stmg %%r0,%%r5,0(%[g])"
                     : [ipm] "=&d"(ipm) : [g] "a"(g)
                     : "r0", "r1", "r2", "r3", "r4", "r5", "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

/* CMPSC R1=2 R2=4 (or @odd: R1=3) with a program interruption expected;
 * the registers at the interruption go to g, *next is the address after
 * the instruction. Returns whether an interruption happened. */
static bool run_pgm(uint64_t *g, bool odd, struct rt_pgm_info *pi, uint64_t *next)
{
    *(volatile uint32_t *)0x90 = 0xffffffffu;
    rt_pgm_arm();
    if (odd)
        asm volatile("lmg %%r0,%%r5,0(%[g])\n\t"
                     "larl %%r6,1f\n\t"
                     "stg %%r6,%[slot]\n\t"
                     "larl %[next],1f\n\t"
                     ".insn rre,0xb2630000,%%r3,%%r4\n"
                     "1:\tstmg %%r0,%%r5,0(%[g])"
                     : [next] "=&d"(*next), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                     : [g] "a"(g)
                     : "r0", "r1", "r2", "r3", "r4", "r5", "r6", "cc", "memory");
    else
        asm volatile("lmg %%r0,%%r5,0(%[g])\n\t"
                     "larl %%r6,1f\n\t"
                     "stg %%r6,%[slot]\n\t"
                     "larl %[next],1f\n\t"
                     CMPSC "\n"
                     "1:\tstmg %%r0,%%r5,0(%[g])"
                     : [next] "=&d"(*next), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                     : [g] "a"(g)
                     : "r0", "r1", "r2", "r3", "r4", "r5", "r6", "cc", "memory");
    return rt_pgm_disarm(pi);
}

static uint64_t A(const void *p)
{
    return (uint64_t)(uintptr_t)p;
}

static void put(uint8_t *d, unsigned idx, const uint8_t e[8])
{
    for (unsigned i = 0; i < 8; i++)
        d[idx * 8 + i] = e[i];
}

#define ENT(d, idx, ...) put((d), (idx), (const uint8_t[8]){ __VA_ARGS__ })

/* An unpreceded expansion entry for the string @s (1-7 characters). */
static void exp_str(unsigned idx, const char *s)
{
    uint8_t *e = &dict[4096 + idx * 8];
    unsigned n = 0;

    while (s[n]) {
        e[1 + n] = (uint8_t)s[n];
        n++;
    }
    e[0] = (uint8_t)n;
}

static void build_dict(void)
{
    uint8_t *c = dict, *x = dict + 4096;

    for (unsigned i = 0; i < sizeof(dict); i++)
        dict[i] = 0;
    /* compression dictionary */
    ENT(c, 0x41, 0x58, 0x01, 0x00, 'B', 'C', 0, 0, 0);
    ENT(c, 0x100, 0x20, 0x01, 0x02, 'C', 0, 0, 0, 0);
    ENT(c, 0x101, 0x00, 0x40, 0x00, 'D', 'E', 0, 0, 0);
    ENT(c, 0x102, 0xe0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
    ENT(c, 0x53, 0xc0, 0x01, 0x10, '1', '2', '3', '4', '5');
    ENT(c, 0x115, 0x48, '6', '7', 0, 0, 0, 0, 0);
    ENT(c, 0x117, 0x00, 0x20, 0x00, '8', 0, 0, 0, 0);
    ENT(c, 0x54, 0xc0, 0x01, 0x20, '1', '2', '3', '4', '5');
    ENT(c, 0x125, 0x80, 0x00, 'a', 'b', 'c', 'd', 'e', 'f');
    ENT(x, 0x125, 'g', 'h', 0, 0, 0, 0, 0, 0);
    ENT(c, 0x23, 0x00, 0xc0, 0x00, 0, 0, 0, 0, 0);
    ENT(c, 0x55, 0xc0, 0x01, 0x40, '1', '2', '3', '4', '5');
    ENT(c, 0x145, 0x00, 'a', 'b', 'c', 'd', 'e', 'f', 'g');
    ENT(c, 0x14d, 0x20, 'z', 0, 0, 0, 0, 0, 0);
    ENT(c, 0x45, 0x30, 0x01, 0x30, 'F', 0, 0, 0, 0);
    ENT(c, 0x130, 0x40, 0x21, 0x31, 'G', 'H', 'I', 0, 0);
    /* expansion dictionary */
    exp_str(0x100, "AB");
    exp_str(0x101, "ACDE");
    exp_str(0x102, "ABC");
    exp_str(0x103, "HELLO, ");
    ENT(x, 0x104, 0xa1, 0x03, 'W', 'O', 'R', 'L', 'D', 7);
    ENT(x, 0x105, 0x41, 0x04, '!', '!', 0, 0, 0, 12);
    for (unsigned i = 0; i < 5; i++) {
        char s[3] = { 'S', (char)('1' + i), 0 };

        exp_str(0x110 + i, s);
    }
    for (unsigned i = 0; i < 7; i++) {
        char s[3] = { 'U', (char)('a' + i), 0 };

        exp_str(0x146 + i, s);
        if (i < 5) {
            s[1] = (char)('1' + i);
            exp_str(0x140 + i, s);
        }
    }
    exp_str(0x14e, "Uz");
    exp_str(0x130, "EFG");
    exp_str(0x131, "EFGH");
    exp_str(0x132, "EFGI");
    exp_str(0x116, "S6");
    exp_str(0x117, "S78");
    for (unsigned i = 0; i < 8; i++) {
        char s[3] = { 'T', (char)('a' + i), 0 };

        exp_str(0x126 + i, s);
    }
    for (unsigned i = 0; i < 5; i++) {
        char s[3] = { 'T', (char)('1' + i), 0 };

        exp_str(0x120 + i, s);
    }
    ENT(x, 0x1f1, 0xc0, 0x00, 'x', 0, 0, 0, 0, 0);
}

static unsigned set_src(const char *s)
{
    unsigned n = 0;

    while (s[n]) {
        src[n] = (uint8_t)s[n];
        n++;
    }
    return n;
}

static void fill(uint8_t *p, uint8_t v, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        p[i] = v;
}

/* Set up g[] for compression of @n source bytes into dst (length @l1). */
static void setup_cmp(uint64_t *g, uint64_t gr0, unsigned cbn, unsigned n, uint64_t l1)
{
    g[0] = gr0;
    g[1] = A(dict) | cbn;
    g[2] = A(dst);
    g[3] = l1;
    g[4] = A(src);
    g[5] = n;
}

/* Set up g[] for expansion of @n bytes at src from bit @cbn into dst. */
static void setup_exp(uint64_t *g, uint64_t gr0, unsigned cbn, unsigned n, uint64_t l1)
{
    g[0] = gr0 | GR0_E;
    g[1] = (A(dict) + 4096) | cbn;
    g[2] = A(dst);
    g[3] = l1;
    g[4] = A(src);
    g[5] = n;
}

static void check_regs(const char *what, const uint64_t *g, uint64_t a1, uint64_t l1,
                       uint64_t a2, uint64_t l2, unsigned cbn)
{
    char name[96];

    rt_snprintf(name, sizeof(name), "%s: R1 address", what);
    rt_check_u64(name, g[2], a1);
    rt_snprintf(name, sizeof(name), "%s: R1+1 length", what);
    rt_check_u64(name, g[3], l1);
    rt_snprintf(name, sizeof(name), "%s: R2 address", what);
    rt_check_u64(name, g[4], a2);
    rt_snprintf(name, sizeof(name), "%s: R2+1 length", what);
    rt_check_u64(name, g[5], l2);
    rt_snprintf(name, sizeof(name), "%s: GR1 CBN", what);
    rt_check_u64(name, g[1] & 7, cbn);
}

static void test_compress_basic(void)
{
    /* ABC->102, AB->100, ACDE->101, A (AC then X: AEC fails)->041, C->043,
     * X->058, Z->05a: 63 bits. */
    static const uint8_t exp[8] = { 0x81, 0x40, 0x20, 0x24, 0x12, 0x19, 0x60, 0xb4 };
    unsigned n = set_src("ABCABACDEACXZ");
    uint64_t g[6];
    unsigned cc;

    fill(dst, 0, 16);
    setup_cmp(g, CDSS(1), 0, n, 100);
    cc = run(g, false);
    rt_check_u64("compress: cc 0", cc, 0);
    rt_check_mem("compress: symbols", dst, exp, 8);
    check_regs("compress", g, A(dst) + 7, 93, A(src) + 13, 0, 7);
    rt_check_u64("compress: GR1 origin kept", g[1] & ~7ull, A(dict));

    /* Destination for two symbols only: CC 1, then resume. */
    fill(dst, 0, 16);
    setup_cmp(g, CDSS(1), 0, n, 3);
    cc = run(g, false);
    rt_check_u64("compress short: cc 1", cc, 1);
    rt_check_mem("compress short: two symbols", dst, exp, 2);
    rt_check_u64("compress short: third byte", dst[2], 0);
    check_regs("compress short", g, A(dst) + 2, 1, A(src) + 5, 8, 2);
    g[3] = 20;
    cc = run(g, false);
    rt_check_u64("compress resume: cc 0", cc, 0);
    rt_check_mem("compress resume: symbols", dst, exp, 8);
    check_regs("compress resume", g, A(dst) + 7, 15, A(src) + 13, 0, 7);
}

static void test_compress_siblings(void)
{
    /* S3->112 (child, X=0), S6->116 (SD sibling 1, Y=0), S78->117 (sibling
     * 2, Y=1, AEC '8'), S7 at the end (AEC missing)->053, 7->037. */
    static const uint8_t exp[6] = { 0x89, 0x45, 0xa2, 0xe5, 0x31, 0xb8 };
    static const uint8_t exp1[3] = { 0x96, 0xc9, 0x80 };
    static const uint8_t exp2[4] = { 0xa7, 0x53, 0x28, 0xc0 };
    unsigned n = set_src("S3S6S78S7");
    uint64_t g[6];
    unsigned cc;

    fill(dst, 0, 16);
    setup_cmp(g, CDSS(1), 0, n, 100);
    cc = run(g, false);
    rt_check_u64("format-0 siblings: cc 0", cc, 0);
    rt_check_mem("format-0 siblings: symbols", dst, exp, 6);
    check_regs("format-0 siblings", g, A(dst) + 5, 95, A(src) + 9, 0, 5);

    /* Format 0 with SCT 0 (seven siblings, another descriptor follows):
     * Uz -> 14e (second descriptor), Ug -> 14c, Ua -> 146. */
    n = set_src("UzUgUa");
    fill(dst, 0, 16);
    setup_cmp(g, CDSS(1), 0, n, 100);
    cc = run(g, false);
    rt_check_u64("format-0 SD chain: cc 0", cc, 0);
    rt_check_mem("format-0 SD chain: symbols", dst, exp2, 4);
    check_regs("format-0 SD chain", g, A(dst) + 3, 97, A(src) + 6, 0, 3);

    /* Format 1: Th -> 12d (sibling 8, from the expansion dictionary),
     * Ta -> 126. */
    n = set_src("ThTa");
    fill(dst, 0, 16);
    setup_cmp(g, CDSS(1) | GR0_F1, 0, n, 100);
    cc = run(g, false);
    rt_check_u64("format-1 siblings: cc 0", cc, 0);
    rt_check_mem("format-1 siblings: symbols", dst, exp1, 3);
    check_regs("format-1 siblings", g, A(dst) + 2, 98, A(src) + 4, 0, 2);
}

static void test_compress_double(void)
{
    /* EFGH -> 131 (through 130 with its D character G), EFGZ -> 130, Z ->
     * 05a, EFX (D character missing) -> 045, F -> 046, X -> 058. */
    static const uint8_t exp[7] = { 0x98, 0xcc, 0x0b, 0x44, 0x52, 0x31, 0x60 };
    unsigned n = set_src("EFGHEFGZEFX");
    uint64_t g[6];
    unsigned cc;

    fill(dst, 0, 16);
    setup_cmp(g, CDSS(1), 0, n, 100);
    cc = run(g, false);
    rt_check_u64("D character: cc 0", cc, 0);
    rt_check_mem("D character: symbols", dst, exp, 7);
    check_regs("D character", g, A(dst) + 6, 94, A(src) + 11, 0, 6);
}

/* Expansion of 041 100 in the 31-bit addressing mode: bits 0-31 of the
 * registers stay, bits 32-63 of the lengths count. */
static void test_amode31(void)
{
    uint64_t g[6], ipm;

    src[0] = 0x20;
    src[1] = 0xc0;
    src[2] = 0x00;
    fill(dst, 0xee, 8);
    setup_exp(g, CDSS(1), 0, 3, 100);
    g[1] |= 0xffffffff00000000ull;
    g[2] |= 0x1234567800000000ull;
    g[3] |= 0xdeadbeef00000000ull;
    g[4] |= 0x8765432100000000ull;
    g[5] |= 0xcafef00d00000000ull;
    asm volatile("lmg %%r0,%%r5,0(%[g])\n\t"
                 "sam31\n\t"
                 CMPSC "\n\t"
                 "ipm %[ipm]\n\t"
                 "sam64\n\t"
                 "stmg %%r0,%%r5,0(%[g])"
                 : [ipm] "=&d"(ipm) : [g] "a"(g)
                 : "r0", "r1", "r2", "r3", "r4", "r5", "cc", "memory");
    rt_check_u64("31-bit: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_mem("31-bit: text", dst, "AAB", 3);
    rt_check_u64("31-bit: GR1", g[1], 0xffffffff00000000ull | (A(dict) + 4096) | 2);
    rt_check_u64("31-bit: R1", g[2], 0x1234567800000000ull | (A(dst) + 3));
    rt_check_u64("31-bit: R1+1", g[3], 0xdeadbeef00000000ull | 97);
    rt_check_u64("31-bit: R2", g[4], 0x8765432100000000ull | (A(src) + 2));
    rt_check_u64("31-bit: R2+1", g[5], 0xcafef00d00000000ull | 1);
}

static void test_compress_other(void)
{
    static const uint8_t exp10[3] = { 0x40, 0x85, 0xa0 };
    static const uint8_t expst[3] = { 0xff, 0xc0, 0x00 };
    uint16_t *stt = (uint16_t *)(dict + 8192);
    unsigned n;
    uint64_t g[6];
    unsigned cc;

    /* CBN 3 start: bits 0-2 of the first byte are kept; Z = 05a. */
    n = set_src("Z");
    dst[0] = 0xff;
    dst[1] = 0;
    dst[2] = 0x77;
    setup_cmp(g, CDSS(1), 3, n, 100);
    cc = run(g, false);
    rt_check_u64("compress cbn 3: cc 0", cc, 0);
    rt_check_u64("compress cbn 3: byte 0", dst[0], 0xe5);
    rt_check_u64("compress cbn 3: byte 1", dst[1], 0xa0);
    rt_check_u64("compress cbn 3: byte 2 untouched", dst[2], 0x77);
    check_regs("compress cbn 3", g, A(dst) + 1, 99, A(src) + 1, 0, 4);

    /* 10-bit symbols (the same entries, dictionary of 1024 entries):
     * ABC -> 102, Z -> 05a. */
    n = set_src("ABCZ");
    fill(dst, 0, 16);
    setup_cmp(g, CDSS(2), 0, n, 100);
    cc = run(g, false);
    rt_check_u64("compress 10-bit: cc 0", cc, 0);
    rt_check_mem("compress 10-bit: symbols", dst, exp10, 3);
    check_regs("compress 10-bit", g, A(dst) + 2, 98, A(src) + 4, 0, 4);

    /* Symbol translation: table at origin + 64 * 128, identity except
     * 102 -> 1ff. ABC AB -> 1ff, 100. */
    for (unsigned i = 0; i < 512; i++)
        stt[i] = (uint16_t)i;
    stt[0x102] = 0x1ff;
    n = set_src("ABCAB");
    fill(dst, 0, 16);
    setup_cmp(g, CDSS(1) | GR0_ST, 0, n, 100);
    g[1] |= 64 << 3;
    cc = run(g, false);
    rt_check_u64("symbol translation: cc 0", cc, 0);
    rt_check_mem("symbol translation: symbols", dst, expst, 3);
    check_regs("symbol translation", g, A(dst) + 2, 98, A(src) + 5, 0, 2);
    rt_check_u64("symbol translation: STT offset kept", g[1] & 0xff8, 64 << 3);

    /* Empty source: CC 0, nothing changes. */
    setup_cmp(g, CDSS(1), 5, 0, 100);
    cc = run(g, false);
    rt_check_u64("compress empty: cc 0", cc, 0);
    check_regs("compress empty", g, A(dst), 100, A(src), 0, 5);

    /* Destination of one byte at CBN 0 cannot hold a 9-bit symbol. */
    n = set_src("Z");
    setup_cmp(g, CDSS(1), 0, n, 1);
    cc = run(g, false);
    rt_check_u64("compress no room: cc 1", cc, 1);
    check_regs("compress no room", g, A(dst), 1, A(src), 1, 0);
}

static void test_cc3(void)
{
    uint64_t g[6];
    unsigned cc;
    bool same = true;

    /* 10000 'Q' (no children) -> 10000 symbols 051 = 90000 bits. The first
     * CC 3 relies on sieve's CPU-determined amount (8 KiB of source). */
    fill(src, 'Q', 10000);
    fill(dst, 0, 11260);
    setup_cmp(g, CDSS(1), 0, 10000, 12000);
    cc = run(g, false);
    rt_check_u64("compress long: first execution cc 3", cc, 3);
    rt_check(g[5] > 0 && g[5] < 10000, "compress long: part of the source processed");
    rt_check_u64("compress long: R2 + R2+1 consistent", g[4] + g[5], A(src) + 10000);
    rt_check_u64("compress long: R1 advance matches symbols",
                 (g[2] - A(dst)) * 8 + (g[1] & 7), (10000 - g[5]) * 9);
    cc = run(g, true);
    rt_check_u64("compress long: final cc 0", cc, 0);
    check_regs("compress long", g, A(dst) + 11250, 12000 - 11250, A(src) + 10000, 0, 0);

    /* Expand it back: 11250 bytes of symbols -> 10000 'Q'. */
    for (unsigned i = 0; i < 11250; i++)
        src[i] = dst[i];
    fill(out, 0, 10010);
    g[0] = CDSS(1) | GR0_E;
    g[1] = A(dict) + 4096;
    g[2] = A(out);
    g[3] = 12000;
    g[4] = A(src);
    g[5] = 11250;
    cc = run(g, false);
    rt_check_u64("expand long: first execution cc 3", cc, 3);
    cc = run(g, true);
    rt_check_u64("expand long: final cc 0", cc, 0);
    check_regs("expand long", g, A(out) + 10000, 2000, A(src) + 11250, 0, 0);
    for (unsigned i = 0; i < 10000; i++)
        same = same && out[i] == 'Q';
    rt_check(same && out[10000] == 0, "expand long: 10000 Q");
}

static void test_expand(void)
{
    /* 041 100 104 105 05a: A, AB, HELLO, WORLD, HELLO, WORLD!!, Z. */
    static const uint8_t stream[6] = { 0x20, 0xc0, 0x20, 0x90, 0x52, 0xd0 };
    static const char text[] = "AABHELLO, WORLDHELLO, WORLD!!Z";
    /* 13-bit: 0041 0100 005a */
    static const uint8_t s13[5] = { 0x02, 0x08, 0x40, 0x00, 0xb4 };
    /* CBN 3 with leading bits 101: 100 041 */
    static const uint8_t s3[3] = { 0xb0, 0x02, 0x08 };
    uint64_t g[6];
    unsigned cc;

    for (unsigned i = 0; i < 6; i++)
        src[i] = stream[i];
    fill(dst, 0xee, 40);
    setup_exp(g, CDSS(1), 0, 6, 100);
    cc = run(g, false);
    rt_check_u64("expand: cc 0", cc, 0);
    rt_check_mem("expand: text", dst, text, 30);
    rt_check_u64("expand: byte after untouched", dst[30], 0xee);
    check_regs("expand", g, A(dst) + 30, 70, A(src) + 5, 1, 5);

    /* Destination of 10: A, AB fit; the 12-character symbol does not. */
    fill(dst, 0xee, 40);
    setup_exp(g, CDSS(1), 0, 6, 10);
    cc = run(g, false);
    rt_check_u64("expand short: cc 1", cc, 1);
    rt_check_mem("expand short: text", dst, text, 3);
    rt_check_u64("expand short: no partial symbol", dst[3], 0xee);
    check_regs("expand short", g, A(dst) + 3, 7, A(src) + 2, 4, 2);
    g[3] = 100;
    cc = run(g, false);
    rt_check_u64("expand resume: cc 0", cc, 0);
    rt_check_mem("expand resume: text", dst, text, 30);
    check_regs("expand resume", g, A(dst) + 30, 73, A(src) + 5, 1, 5);

    /* Zero-length destination: CC 1 at once. */
    setup_exp(g, CDSS(1), 0, 6, 0);
    cc = run(g, false);
    rt_check_u64("expand no room: cc 1", cc, 1);
    check_regs("expand no room", g, A(dst), 0, A(src), 6, 0);

    /* CBN 3 start. */
    for (unsigned i = 0; i < 3; i++)
        src[i] = s3[i];
    fill(dst, 0xee, 8);
    setup_exp(g, CDSS(1), 3, 3, 100);
    cc = run(g, false);
    rt_check_u64("expand cbn 3: cc 0", cc, 0);
    rt_check_mem("expand cbn 3: text", dst, "ABA", 3);
    check_regs("expand cbn 3", g, A(dst) + 3, 97, A(src) + 2, 1, 5);

    /* 13-bit symbols. */
    for (unsigned i = 0; i < 5; i++)
        src[i] = s13[i];
    fill(dst, 0xee, 8);
    setup_exp(g, CDSS(5), 0, 5, 100);
    cc = run(g, false);
    rt_check_u64("expand 13-bit: cc 0", cc, 0);
    rt_check_mem("expand 13-bit: text", dst, "AABZ", 4);
    check_regs("expand 13-bit", g, A(dst) + 4, 96, A(src) + 4, 1, 7);
}

static void roundtrip(const char *s, uint64_t gr0)
{
    unsigned n = set_src(s), cc1, cc2;
    uint64_t g[6];
    char name[80];

    fill(dst, 0, 64);
    setup_cmp(g, gr0, 0, n, 64);
    cc1 = run(g, true);
    /* Expand the symbols (whole bytes plus the partial one). */
    for (unsigned i = 0; i < 64; i++)
        src[i] = dst[i];
    fill(out, 0, 300);
    g[0] = gr0 | GR0_E;
    g[5] = (g[2] - A(dst)) + ((g[1] & 7) ? 1 : 0);
    g[1] = A(dict) + 4096;
    g[2] = A(out);
    g[3] = 300;
    g[4] = A(src);
    cc2 = run(g, true);
    rt_snprintf(name, sizeof(name), "roundtrip \"%s\": cc", s);
    rt_check_u64(name, cc1 * 4 + cc2, 0);
    rt_snprintf(name, sizeof(name), "roundtrip \"%s\": text", s);
    rt_check_mem(name, out, s, n);
    rt_snprintf(name, sizeof(name), "roundtrip \"%s\": length", s);
    rt_check_u64(name, 300 - g[3], n);
}

static void test_exceptions(void)
{
    static const uint8_t bad[3] = { 0x20, 0xfc, 0x00 };     /* 041 1f0 */
    struct rt_pgm_info pi;
    uint64_t g[6], next;
    unsigned n;

    /* Expansion: 041 then 1f0 (CSL 0): data exception DXC 0; the first
     * symbol is complete. */
    for (unsigned i = 0; i < 3; i++)
        src[i] = bad[i];
    fill(dst, 0xee, 8);
    setup_exp(g, CDSS(1), 0, 3, 100);
    rt_check(run_pgm(g, false, &pi, &next), "expand invalid entry: interruption");
    rt_check_u64("expand invalid entry: code", pi.code, 7);
    rt_check_u64("expand invalid entry: ilc", pi.ilc, 2);
    rt_check_u64("expand invalid entry: old psw", pi.addr, next);
    rt_check_u64("expand invalid entry: dxc", rt_lc32(0x90), 0);
    rt_check_u64("expand invalid entry: first symbol stored", dst[0], 'A');
    rt_check_u64("expand invalid entry: nothing more", dst[1], 0xee);
    check_regs("expand invalid entry", g, A(dst) + 1, 99, A(src) + 1, 2, 1);

    /* Expansion of 1f1 (PSL 6). */
    src[0] = 0xf8;      /* 1f1 = 111110001 */
    src[1] = 0x80;
    setup_exp(g, CDSS(1), 0, 2, 100);
    rt_check(run_pgm(g, false, &pi, &next), "expand psl 6: interruption");
    rt_check_u64("expand psl 6: code", pi.code, 7);
    check_regs("expand psl 6", g, A(dst), 100, A(src), 2, 0);

    /* Compression: A, then '#' whose entry has ACT 6. */
    n = set_src("A#");
    fill(dst, 0, 8);
    setup_cmp(g, CDSS(1), 0, n, 100);
    rt_check(run_pgm(g, false, &pi, &next), "compress invalid entry: interruption");
    rt_check_u64("compress invalid entry: code", pi.code, 7);
    rt_check_u64("compress invalid entry: dxc", rt_lc32(0x90), 0);
    rt_check_u64("compress invalid entry: first symbol", dst[0], 0x20);
    check_regs("compress invalid entry", g, A(dst) + 1, 99, A(src) + 1, 1, 1);

    /* Expansion of 041 100 into the last two bytes of the 128 MiB of
     * storage: "A" fits, "AB" crosses the end (addressing exception); the
     * registers describe the completed first symbol. */
    src[0] = 0x20;
    src[1] = 0xc0;
    src[2] = 0x00;
    *(volatile uint8_t *)0x7fffffeul = 0xee;
    *(volatile uint8_t *)0x7ffffffull = 0xee;
    setup_exp(g, CDSS(1), 0, 3, 100);
    g[2] = 0x7fffffe;
    rt_check(run_pgm(g, false, &pi, &next), "expand at end of storage: interruption");
    rt_check_u64("expand at end of storage: addressing", pi.code, 5);
    rt_check_u64("expand at end of storage: A stored", *(volatile uint8_t *)0x7fffffeul, 'A');
    rt_check_u64("expand at end of storage: AB not begun",
                 *(volatile uint8_t *)0x7ffffffull, 0xee);
    check_regs("expand at end of storage", g, 0x7ffffff, 99, A(src) + 1, 2, 1);

    /* Specification: CDSS 0, CDSS 6, odd R1. */
    n = set_src("A");
    setup_cmp(g, CDSS(0), 0, n, 100);
    rt_check(run_pgm(g, false, &pi, &next), "cdss 0: interruption");
    rt_check_u64("cdss 0: specification", pi.code, 6);
    rt_check_u64("cdss 0: old psw", pi.addr, next);
    check_regs("cdss 0", g, A(dst), 100, A(src), 1, 0);
    setup_cmp(g, CDSS(6) | GR0_E, 0, n, 100);
    rt_check(run_pgm(g, false, &pi, &next), "cdss 6: interruption");
    rt_check_u64("cdss 6: specification", pi.code, 6);
    setup_cmp(g, CDSS(1), 0, n, 100);
    rt_check(run_pgm(g, true, &pi, &next), "odd R1: interruption");
    rt_check_u64("odd R1: specification", pi.code, 6);
}

int main(void)
{
    build_dict();
    test_compress_basic();
    test_compress_siblings();
    test_compress_double();
    test_compress_other();
    test_amode31();
    test_expand();
    test_cc3();
    roundtrip("ABCABACDEACXZ", CDSS(1));
    roundtrip("S1S2S3S4S5S6S78S7S", CDSS(1));
    roundtrip("ThTgTfTeTdTcTbTaT5TT", CDSS(1) | GR0_F1);
    roundtrip("AAABABCACDEACDACE", CDSS(1));
    roundtrip("HELLO, WORLD", CDSS(1));
    roundtrip("UaUbUcUdUeUfUgUzU1U5UU", CDSS(1));
    roundtrip("EFGHEFGZEFXEFGIEFEFG", CDSS(1));
    test_exceptions();
    return 0;
}
