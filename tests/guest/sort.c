/*
 * sort.c - the sorting instructions of PoO chapter 7: COMPARE AND FORM
 * CODEWORD (CFC) and UPDATE TREE (UPT), with the codeword and tree formats
 * of the appendix "Sorting Instructions". QEMU does not implement either,
 * so this program runs on sieve only (tests/guest/qemu-deviations.txt).
 *
 * CFC: GR1/GR3 hold the first/third-operand bases, bits 48-63 of GR2 the
 * common index; bits 49-62 of the second-operand address with a zero
 * appended are the limit, its bit 63 the operand-control bit (0 ascending:
 * the inverted higher unit goes into the codeword; 1 descending: the lower
 * unit as is). Units are halfwords, six bytes in the 64-bit mode. The index
 * is advanced past the unequal unit and forms the codeword with the unit.
 *
 * UPT: GR4 is the tree base, GR5 the node index; each step halves GR5 and
 * rounds it down to the node size (8 bytes, 16 in the 64-bit mode); a node
 * whose codeword is logically higher than GR0 trades places with GR0/GR1.
 * Every expected value below is derived by hand from those rules.
 */
#include "rt/rt.h"

#pragma GCC target("soft-float")

#define A(p) ((uint64_t)(uintptr_t)(p))

/* GR0-GR5 before and after, the CFC second-operand address, the IPM word
 * and the address of the instruction under test. */
struct ctx {
    uint64_t r[6];
    uint64_t op2;
    uint64_t ipm;
    uint64_t ia;
};

enum mode { M64, M31, M24 };

/* Run @insn (using r6 as the second-operand base) with GR0-GR5 from @c in
 * the addressing mode selected by @sam; an interruption resumes at 1:. */
#define RUN(sam, insn, c)                                                   \
    asm volatile("  larl  %%r1,1f\n"                                      \
                 "  stg   %%r1,%[slot]\n"                                 \
                 "  larl  %%r1,0f\n"                                      \
                 "  stg   %%r1,64(%[p])\n"                                \
                 "  lg    %%r6,48(%[p])\n"                                \
                 "  lmg   %%r0,%%r5,0(%[p])\n"                            \
                 "  " sam "\n"                                            \
                 "0: " insn "\n"                                          \
                 "1: sam64\n"                                             \
                 "  ipm   %%r7\n"                                         \
                 "  stmg  %%r0,%%r5,0(%[p])\n"                            \
                 "  stg   %%r7,56(%[p])\n"                                \
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)                \
                 : [p] "a"(c)                                              \
                 : "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "cc", "memory")

static unsigned run_cfc(struct ctx *c, enum mode m)
{
    if (m == M31)
        RUN("sam31", "cfc 0(%%r6)", c);
    else if (m == M24)
        RUN("sam24", "cfc 0(%%r6)", c);
    else
        RUN("sam64", "cfc 0(%%r6)", c);
    return rt_cc_from_ipm(c->ipm);
}

static unsigned run_upt(struct ctx *c, enum mode m)
{
    if (m == M31)
        RUN("sam31", "upt", c);
    else
        RUN("sam64", "upt", c);
    return rt_cc_from_ipm(c->ipm);
}

/* ---- CFC data ---------------------------------------------------------- */

static uint16_t k1[4] = { 0x0001, 0x0002, 0x0003, 0x0004 };
static uint16_t k3[4] = { 0x0001, 0x0002, 0x0005, 0x0000 };
static uint16_t khi[1] = { 0x8000 };
static uint16_t klo[1] = { 0x7fff };
static uint8_t ka[12] __attribute__((aligned(2))) = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0x0a, 0x0b };
static uint8_t kb[12] __attribute__((aligned(2))) = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0x0a, 0x0c };
static uint8_t pg[8192] __attribute__((aligned(4096)));
static uint16_t big[16384];
static uint16_t big2[16384];

#define H1 0x1111111100000000ull
#define H2 0x2222222200000000ull
#define H3 0x3333333300000000ull

static void cfc_set(struct ctx *c, uint64_t r1, uint64_t r2, uint64_t r3, uint64_t op2)
{
    for (int i = 0; i < 6; i++)
        c->r[i] = 0x0f0f0f0f0f0f0f00ull + (uint64_t)i;
    c->r[1] = r1;
    c->r[2] = r2;
    c->r[3] = r3;
    c->op2 = op2;
}

/* Check CC and GR1-GR3 after a CFC; GR0, GR4 and GR5 must be unchanged. */
static void cfc_expect(const char *name, const struct ctx *c, unsigned cc, unsigned want_cc,
                       uint64_t r1, uint64_t r2, uint64_t r3)
{
    rt_checkf(cc == want_cc, "%s: cc %u (got %u)", name, want_cc, cc);
    rt_check_u64(name, c->r[2], r2);
    rt_checkf(c->r[1] == r1, "%s: gr1", name);
    rt_checkf(c->r[3] == r3, "%s: gr3", name);
    rt_checkf(c->r[0] == 0x0f0f0f0f0f0f0f00ull && c->r[4] == 0x0f0f0f0f0f0f0f04ull &&
              c->r[5] == 0x0f0f0f0f0f0f0f05ull, "%s: gr0 gr4 gr5 untouched", name);
}

static void test_cfc31(void)
{
    struct ctx c;
    unsigned cc;

    /* Ascending, in sequence: units 0 and 2 equal, 0x0003 < 0x0005 at index 4;
     * index becomes 6, codeword 0006 ~0005 = 0006fffa, CC 1. */
    cfc_set(&c, H1 | A(k1), H2, H3 | A(k3), 6);
    cc = run_cfc(&c, M31);
    cfc_expect("cfc31 asc low", &c, cc, 1, H1 | A(k1), H2 | 0x0006fffa, H3 | A(k3));

    /* Ascending, out of sequence: the first operand is higher; its unit
     * inverted, bits 32-63 of GR1 and GR3 interchanged, CC 2. */
    cfc_set(&c, H1 | A(k3), H2, H3 | A(k1), 6);
    cc = run_cfc(&c, M31);
    cfc_expect("cfc31 asc high", &c, cc, 2, H1 | A(k1), H2 | 0x0006fffa, H3 | A(k3));

    /* Descending (bit 63 of the address one), first operand low: out of
     * sequence, the lower unit 0003 as is, registers interchanged, CC 2. */
    cfc_set(&c, H1 | A(k1), H2, H3 | A(k3), 7);
    cc = run_cfc(&c, M31);
    cfc_expect("cfc31 desc low", &c, cc, 2, H1 | A(k3), H2 | 0x00060003, H3 | A(k1));

    /* Descending, first operand high: in sequence, lower unit 0003, CC 1. */
    cfc_set(&c, H1 | A(k3), H2, H3 | A(k1), 7);
    cc = run_cfc(&c, M31);
    cfc_expect("cfc31 desc high", &c, cc, 1, H1 | A(k3), H2 | 0x00060003, H3 | A(k1));

    /* Equal operands up to the limit 6 (indexes 0, 2, 4, 6): CC 0 and GR2
     * bits 32-63 = GR3 bits 32-63 with bit 32 one. */
    cfc_set(&c, H1 | A(k1), H2, H3 | A(k1), 6);
    cc = run_cfc(&c, M31);
    cfc_expect("cfc31 equal", &c, cc, 0, H1 | A(k1), H2 | 0x80000000 | A(k1), H3 | A(k1));

    /* Limit 2: the difference at index 4 is beyond it, so the operands
     * compare equal. */
    cfc_set(&c, H1 | A(k1), H2, H3 | A(k3), 2);
    cc = run_cfc(&c, M31);
    cfc_expect("cfc31 limit 2", &c, cc, 0, H1 | A(k1), H2 | 0x80000000 | A(k3), H3 | A(k3));

    /* Bit 48 of the second-operand address is not part of the limit:
     * 0x8002 is limit 2 again. */
    cfc_set(&c, H1 | A(k1), H2, H3 | A(k3), 0x8002);
    cc = run_cfc(&c, M31);
    cfc_expect("cfc31 limit bit 48 ignored", &c, cc, 0, H1 | A(k1), H2 | 0x80000000 | A(k3),
               H3 | A(k3));

    /* Starting index 4: the first unit compared is the unequal one. */
    cfc_set(&c, H1 | A(k1), H2 | 4, H3 | A(k3), 6);
    cc = run_cfc(&c, M31);
    cfc_expect("cfc31 start index 4", &c, cc, 1, H1 | A(k1), H2 | 0x0006fffa, H3 | A(k3));

    /* Starting index 8 above the limit 6: CC 0 at once. */
    cfc_set(&c, H1 | A(k1), H2 | 8, H3 | A(k3), 6);
    cc = run_cfc(&c, M31);
    cfc_expect("cfc31 start beyond limit", &c, cc, 0, H1 | A(k1), H2 | 0x80000000 | A(k3),
               H3 | A(k3));

    /* Limit 0 still compares the unit at index 0; the compare is logical:
     * 0x8000 > 0x7fff, ascending: CC 2, codeword 0002 ~8000 = 00027fff. */
    cfc_set(&c, H1 | A(khi), H2, H3 | A(klo), 0);
    cc = run_cfc(&c, M31);
    cfc_expect("cfc31 logical", &c, cc, 2, H1 | A(klo), H2 | 0x00027fff, H3 | A(khi));
}

static void test_cfc24(void)
{
    struct ctx c;
    unsigned cc;

    /* 24-bit mode: bits 32-39 of GR1/GR3 are not part of the address;
     * the equal result is GR3 bits 32-63 with bit 32 one. */
    cfc_set(&c, H1 | 0x5a000000 | A(k1), H2, H3 | 0x3c000000 | A(k1), 6);
    cc = run_cfc(&c, M24);
    cfc_expect("cfc24 equal", &c, cc, 0, H1 | 0x5a000000 | A(k1), H2 | 0xbc000000 | A(k1),
               H3 | 0x3c000000 | A(k1));

    cfc_set(&c, H1 | 0x5a000000 | A(k1), H2, H3 | 0x3c000000 | A(k3), 6);
    cc = run_cfc(&c, M24);
    cfc_expect("cfc24 asc low", &c, cc, 1, H1 | 0x5a000000 | A(k1), H2 | 0x0006fffa,
               H3 | 0x3c000000 | A(k3));
}

static void test_cfc64(void)
{
    struct ctx c;
    unsigned cc;

    /* Six-byte units: index 0 equal, 060708090a0b < 060708090a0c at index 6;
     * index 12, codeword 000c followed by ~060708090a0c = f9f8f7f6f5f3. */
    cfc_set(&c, A(ka), 0, A(kb), 12);
    cc = run_cfc(&c, M64);
    cfc_expect("cfc64 asc low", &c, cc, 1, A(ka), 0x000cf9f8f7f6f5f3ull, A(kb));

    cfc_set(&c, A(kb), 0, A(ka), 12);
    cc = run_cfc(&c, M64);
    cfc_expect("cfc64 asc high", &c, cc, 2, A(ka), 0x000cf9f8f7f6f5f3ull, A(kb));

    cfc_set(&c, A(ka), 0, A(kb), 13);
    cc = run_cfc(&c, M64);
    cfc_expect("cfc64 desc low", &c, cc, 2, A(kb), 0x000c060708090a0bull, A(ka));

    cfc_set(&c, A(kb), 0, A(ka), 13);
    cc = run_cfc(&c, M64);
    cfc_expect("cfc64 desc high", &c, cc, 1, A(kb), 0x000c060708090a0bull, A(ka));

    /* Equal through the limit 6 (indexes 0 and 6): GR2 = GR3 with bit 0 one. */
    cfc_set(&c, A(ka), 0, A(ka), 6);
    cc = run_cfc(&c, M64);
    cfc_expect("cfc64 equal", &c, cc, 0, A(ka), A(ka) | 1ull << 63, A(ka));

    /* Limit 4: index 6 is beyond it after the first unit. */
    cfc_set(&c, A(ka), 0, A(kb), 4);
    cc = run_cfc(&c, M64);
    cfc_expect("cfc64 limit 4", &c, cc, 0, A(ka), A(kb) | 1ull << 63, A(kb));

    /* High bits of GR2 above the index do not reach the codeword. */
    cfc_set(&c, A(ka), 0xabcdef0000000006ull, A(kb), 12);
    cc = run_cfc(&c, M64);
    cfc_expect("cfc64 gr2 high bits", &c, cc, 1, A(ka), 0x000cf9f8f7f6f5f3ull, A(kb));

    /* A six-byte unit that crosses a page boundary. */
    {
        static const uint8_t a[6] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66 };
        static const uint8_t b[6] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x77 };

        for (int i = 0; i < 6; i++) {
            pg[4094 + i] = a[i];
            pg[6000 + i] = b[i];
        }
        cfc_set(&c, A(pg + 4094), 0, A(pg + 6000), 0);
        cc = run_cfc(&c, M64);
        cfc_expect("cfc64 page crossing", &c, cc, 1, A(pg + 4094), 0x0006eeddccbbaa88ull,
                   A(pg + 6000));
    }
}

/* 16384 halfword units up to the largest limit 0x7ffe: more than one
 * CPU-determined slice, so the instruction is resumed from GR2. */
static void test_cfc_long(void)
{
    struct ctx c;
    unsigned cc;

    for (int i = 0; i < 16384; i++)
        big[i] = (uint16_t)(i * 7);
    cfc_set(&c, H1 | A(big), H2, H3 | A(big), 0x7ffe);
    cc = run_cfc(&c, M31);
    cfc_expect("cfc long equal", &c, cc, 0, H1 | A(big), H2 | 0x80000000 | A(big), H3 | A(big));

    /* The last unit differs: index 0x7ffe + 2 = 0x8000 goes into bits
     * 32-47, and 0x1234 < 0x1235: codeword 8000 ~1235 = 8000edca, CC 1. */
    for (int i = 0; i < 16384; i++)
        big2[i] = big[i];
    big[16383] = 0x1234;
    big2[16383] = 0x1235;
    cfc_set(&c, H1 | A(big), H2, H3 | A(big2), 0x7ffe);
    cc = run_cfc(&c, M31);
    cfc_expect("cfc long last unit", &c, cc, 1, H1 | A(big), H2 | 0x8000edca, H3 | A(big2));
}

struct spec_case {
    const char *name;
    enum mode m;
    uint64_t r1, r2, r3;
};

static void test_cfc_exceptions(void)
{
    static const struct spec_case cases[] = {
        { "cfc64 odd gr1", M64, 1, 0, 0 },
        { "cfc64 odd gr2", M64, 0, 1, 0 },
        { "cfc64 odd gr3", M64, 0, 0, 1 },
        { "cfc31 odd gr1", M31, 1, 0, 0 },
        { "cfc31 odd gr2", M31, 0, 1, 0 },
        { "cfc31 odd gr3", M31, 0, 0, 1 },
    };
    struct rt_pgm_info pi;
    struct ctx c;

    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct spec_case *t = &cases[i];
        uint64_t r1 = H1 | (A(k1) + t->r1), r2 = H2 | t->r2, r3 = H3 | (A(k3) + t->r3);

        cfc_set(&c, r1, r2, r3, 6);
        rt_pgm_arm();
        run_cfc(&c, t->m);
        rt_checkf(rt_pgm_disarm(&pi), "%s: interruption", t->name);
        rt_checkf(pi.code == PGM_SPECIFICATION, "%s: specification (code %x)", t->name, pi.code);
        rt_checkf(pi.ilc == 2, "%s: ilc 2", t->name);
        rt_checkf(pi.addr == c.ia + 4, "%s: old psw after the instruction", t->name);
        rt_checkf(c.r[1] == r1 && c.r[2] == r2 && c.r[3] == r3, "%s: registers unchanged",
                  t->name);
    }

    /* An access exception on the second six-byte unit: the first (equal)
     * unit is completed and GR2 shows it. Storage ends at 128 MiB. */
    {
        static uint16_t k[6] = { 0, 0, 0, 0x1111, 0x1111, 0x1111 };
        uint64_t end = 128ull << 20;

        for (int i = 2; i <= 6; i += 2)
            *(volatile uint16_t *)(uintptr_t)(end - i) = 0;
        cfc_set(&c, end - 6, 0, A(k), 12);
        rt_pgm_arm();
        run_cfc(&c, M64);
        rt_check(rt_pgm_disarm(&pi), "cfc64 addressing: interruption");
        rt_check_u64("cfc64 addressing: code", pi.code, PGM_ADDRESSING);
        rt_check_u64("cfc64 addressing: ilc", pi.ilc, 2);
        rt_check_u64("cfc64 addressing: gr2 past the equal unit", c.r[2], 6);
        rt_check(c.r[1] == end - 6 && c.r[3] == A(k), "cfc64 addressing: gr1 gr3 unchanged");
    }
}

/* ---- UPT ---------------------------------------------------------------- */

/* 31-bit tree: node i at index 8*i (node 0 unused), codeword then data. */
static uint32_t t31[2 * 16] __attribute__((aligned(8)));
/* 64-bit tree: 16-byte nodes. */
static uint64_t t64[2 * 16] __attribute__((aligned(16)));

static void node31(unsigned idx, uint32_t code, uint32_t data)
{
    t31[idx / 4] = code;
    t31[idx / 4 + 1] = data;
}

static void node64(unsigned idx, uint64_t code, uint64_t data)
{
    t64[idx / 8] = code;
    t64[idx / 8 + 1] = data;
}

static void upt_set(struct ctx *c, uint64_t r0, uint64_t r1, uint64_t r4, uint64_t r5)
{
    c->r[0] = r0;
    c->r[1] = r1;
    c->r[2] = 0x2222222222222222ull;
    c->r[3] = 0x3333333333333333ull;
    c->r[4] = r4;
    c->r[5] = r5;
    c->op2 = 0;
}

static void test_upt31(void)
{
    struct ctx c;
    unsigned cc;

    /* Path from index 64: 32, 16, 8, then 0 (CC 1). Node 32 (0x30000) is
     * lower than GR0 (0x50000): kept. Node 16 (0x70000) is higher: it takes
     * GR0/GR1 and GR0/GR1 take it. Node 8 (0x60000) is lower than 0x70000.
     * GR0 bits 0-31 are all ones and must not make it negative. */
    for (unsigned i = 0; i < 32; i++)
        t31[i] = 0;
    node31(32, 0x00030000, 0xd4d4d4d4);
    node31(16, 0x00070000, 0xd2d2d2d2);
    node31(8, 0x00060000, 0xd1d1d1d1);
    upt_set(&c, 0xffffffff00050000ull, 0x11111111a0a0a0a0ull, H1 | A(t31), 0x5555555500000040ull);
    cc = run_upt(&c, M31);
    rt_check_u64("upt31 bubble: cc", cc, 1);
    rt_check_u64("upt31 bubble: gr0", c.r[0], 0xffffffff00070000ull);
    rt_check_u64("upt31 bubble: gr1", c.r[1], 0x11111111d2d2d2d2ull);
    rt_check_u64("upt31 bubble: gr5", c.r[5], 0x5555555500000000ull);
    rt_check(c.r[2] == 0x2222222222222222ull && c.r[3] == 0x3333333333333333ull &&
             c.r[4] == (H1 | A(t31)), "upt31 bubble: gr2 gr3 gr4 unchanged");
    rt_check(t31[8] == 0x00030000 && t31[9] == 0xd4d4d4d4, "upt31 bubble: node 32 kept");
    rt_check(t31[4] == 0x00050000 && t31[5] == 0xa0a0a0a0, "upt31 bubble: node 16 swapped");
    rt_check(t31[2] == 0x00060000 && t31[3] == 0xd1d1d1d1, "upt31 bubble: node 8 kept");

    /* Equal codeword after a swap: node 32 (0x30000) beats GR0 (0x20000);
     * node 16 then equals the new GR0: GR2/GR3 = node 16, GR5 = 16, CC 0. */
    node31(32, 0x00030000, 0xd4d4d4d4);
    node31(16, 0x00030000, 0xd2d2d2d2);
    upt_set(&c, 0x00020000, 0xa0a0a0a0, A(t31), 64);
    cc = run_upt(&c, M31);
    rt_check_u64("upt31 equal: cc", cc, 0);
    rt_check_u64("upt31 equal: gr0", c.r[0], 0x00030000);
    rt_check_u64("upt31 equal: gr1", c.r[1], 0xd4d4d4d4);
    rt_check_u64("upt31 equal: gr2", c.r[2], 0x2222222200030000ull);
    rt_check_u64("upt31 equal: gr3", c.r[3], 0x33333333d2d2d2d2ull);
    rt_check_u64("upt31 equal: gr5", c.r[5], 16);
    rt_check(t31[8] == 0x00020000 && t31[9] == 0xa0a0a0a0, "upt31 equal: node 32 swapped");

    /* GR0 negative from the start: CC 3 after the first halving, nothing
     * examined. */
    node31(32, 0x00030000, 0xd4d4d4d4);
    upt_set(&c, 0x80000001, 0xa0a0a0a0, A(t31), 64);
    cc = run_upt(&c, M31);
    rt_check_u64("upt31 negative: cc", cc, 3);
    rt_check_u64("upt31 negative: gr5", c.r[5], 32);
    rt_check_u64("upt31 negative: gr0", c.r[0], 0x80000001);
    rt_check(t31[8] == 0x00030000, "upt31 negative: node 32 unchanged");

    /* A negative codeword is logically high: node 32 (0x80000000) beats
     * 0x7fffffff and is swapped in; then GR0 is negative at index 16. */
    node31(32, 0x80000000, 0xd4d4d4d4);
    node31(16, 0xffffffff, 0xd2d2d2d2);
    upt_set(&c, 0x7fffffff, 0xa0a0a0a0, A(t31), 64);
    cc = run_upt(&c, M31);
    rt_check_u64("upt31 logical: cc", cc, 3);
    rt_check_u64("upt31 logical: gr0", c.r[0], 0x80000000);
    rt_check_u64("upt31 logical: gr1", c.r[1], 0xd4d4d4d4);
    rt_check_u64("upt31 logical: gr5", c.r[5], 16);
    rt_check(t31[8] == 0x7fffffff && t31[9] == 0xa0a0a0a0 && t31[4] == 0xffffffff,
             "upt31 logical: nodes");

    /* Rounding down: from 56, 28 -> 24, 12 -> 8, 4 -> 0. Both nodes on the
     * path are higher and move up one place each. */
    node31(24, 0x00040000, 0xd3d3d3d3);
    node31(8, 0x00090000, 0xd1d1d1d1);
    upt_set(&c, 0x00010000, 0x11111111, A(t31), 56);
    cc = run_upt(&c, M31);
    rt_check_u64("upt31 round: cc", cc, 1);
    rt_check_u64("upt31 round: gr0", c.r[0], 0x00090000);
    rt_check_u64("upt31 round: gr1", c.r[1], 0xd1d1d1d1);
    rt_check_u64("upt31 round: gr5", c.r[5], 0);
    rt_check(t31[6] == 0x00010000 && t31[7] == 0x11111111, "upt31 round: node 24");
    rt_check(t31[2] == 0x00040000 && t31[3] == 0xd3d3d3d3, "upt31 round: node 8");

    /* GR5 = 8: the first halving gives 0, CC 1 without any access. */
    upt_set(&c, 0x00010000, 0x11111111, A(t31), 8);
    cc = run_upt(&c, M31);
    rt_check_u64("upt31 index 8: cc", cc, 1);
    rt_check_u64("upt31 index 8: gr5", c.r[5], 0);
    rt_check_u64("upt31 index 8: gr0", c.r[0], 0x00010000);
}

static void test_upt64(void)
{
    struct ctx c;
    unsigned cc;

    /* Path from 128: 64, 32, 16. Node 64 (0x0000ffffffffffff) is lower than
     * GR0 (0x0001000000000000) in 64 bits though its low word is higher.
     * Node 32 is higher: swapped. Node 16 equals the new GR0: CC 0. */
    for (unsigned i = 0; i < 32; i++)
        t64[i] = 0;
    node64(64, 0x0000ffffffffffffull, 0x4444444444444444ull);
    node64(32, 0x0002000000000000ull, 0x2222222200000002ull);
    node64(16, 0x0002000000000000ull, 0x1111111100000001ull);
    upt_set(&c, 0x0001000000000000ull, 0xaaaaaaaaaaaaaaaaull, A(t64), 128);
    cc = run_upt(&c, M64);
    rt_check_u64("upt64 equal: cc", cc, 0);
    rt_check_u64("upt64 equal: gr0", c.r[0], 0x0002000000000000ull);
    rt_check_u64("upt64 equal: gr1", c.r[1], 0x2222222200000002ull);
    rt_check_u64("upt64 equal: gr2", c.r[2], 0x0002000000000000ull);
    rt_check_u64("upt64 equal: gr3", c.r[3], 0x1111111100000001ull);
    rt_check_u64("upt64 equal: gr5", c.r[5], 16);
    rt_check(t64[8] == 0x0000ffffffffffffull, "upt64 equal: node 64 kept");
    rt_check(t64[4] == 0x0001000000000000ull && t64[5] == 0xaaaaaaaaaaaaaaaaull,
             "upt64 equal: node 32 swapped");

    /* Bit 0 is the sign in the 64-bit mode: 0x0000000080000000 is not
     * negative; node 16 (lower) is kept and the walk reaches 0. */
    node64(16, 0x0000000000000001ull, 0x1111111100000001ull);
    upt_set(&c, 0x0000000080000000ull, 0x5, A(t64), 32);
    cc = run_upt(&c, M64);
    rt_check_u64("upt64 not negative: cc", cc, 1);
    rt_check_u64("upt64 not negative: gr5", c.r[5], 0);
    rt_check_u64("upt64 not negative: gr0", c.r[0], 0x0000000080000000ull);

    upt_set(&c, 0x8000000000000000ull, 0x5, A(t64), 64);
    cc = run_upt(&c, M64);
    rt_check_u64("upt64 negative: cc", cc, 3);
    rt_check_u64("upt64 negative: gr5", c.r[5], 32);

    /* Rounding to 16: from 112, 56 -> 48, 24 -> 16, 8 -> 0. */
    node64(48, 0x30, 0x3);
    node64(16, 0x10, 0x1);
    upt_set(&c, 0x20, 0x2, A(t64), 112);
    cc = run_upt(&c, M64);
    rt_check_u64("upt64 round: cc", cc, 1);
    rt_check_u64("upt64 round: gr0", c.r[0], 0x30);
    rt_check_u64("upt64 round: gr1", c.r[1], 0x3);
    rt_check(t64[6] == 0x20 && t64[7] == 0x2 && t64[2] == 0x10, "upt64 round: nodes");
}

struct upt_spec {
    const char *name;
    enum mode m;
    uint64_t r4_off, r5;
};

static void test_upt_exceptions(void)
{
    static const struct upt_spec cases[] = {
        { "upt31 gr4 not a multiple of 8", M31, 4, 64 },
        { "upt31 gr5 not a multiple of 8", M31, 0, 68 },
        { "upt64 gr4 not a multiple of 16", M64, 8, 128 },
        { "upt64 gr5 not a multiple of 16", M64, 0, 136 },
        { "upt64 gr5 odd", M64, 0, 1 },
    };
    struct rt_pgm_info pi;
    struct ctx c;

    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct upt_spec *t = &cases[i];
        uint64_t r4 = A(t->m == M31 ? (void *)t31 : (void *)t64) + t->r4_off;

        upt_set(&c, 0x10, 0x1, r4, t->r5);
        rt_pgm_arm();
        run_upt(&c, t->m);
        rt_checkf(rt_pgm_disarm(&pi), "%s: interruption", t->name);
        rt_checkf(pi.code == PGM_SPECIFICATION, "%s: specification (code %x)", t->name, pi.code);
        rt_checkf(pi.ilc == 1, "%s: ilc 1", t->name);
        rt_checkf(pi.addr == c.ia + 2, "%s: old psw after the instruction", t->name);
        rt_checkf(c.r[0] == 0x10 && c.r[4] == r4 && c.r[5] == t->r5, "%s: registers unchanged",
                  t->name);
    }

    /* A node beyond the end of storage: addressing exception, GR5 keeps
     * its value (the step is not completed). */
    upt_set(&c, 0x10, 0x1, (128ull << 20) - 32, 64);
    rt_pgm_arm();
    run_upt(&c, M64);
    rt_check(rt_pgm_disarm(&pi), "upt64 addressing: interruption");
    rt_check_u64("upt64 addressing: code", pi.code, PGM_ADDRESSING);
    rt_check_u64("upt64 addressing: ilc", pi.ilc, 1);
    rt_check_u64("upt64 addressing: gr5", c.r[5], 64);
    rt_check_u64("upt64 addressing: gr0", c.r[0], 0x10);
}

int main(void)
{
    test_cfc31();
    test_cfc24();
    test_cfc64();
    test_cfc_long();
    test_cfc_exceptions();
    test_upt31();
    test_upt64();
    test_upt_exceptions();
    return 0;
}
