/*
 * decimal_edit.c - EDIT and EDIT AND MARK (PoO ch. 8): digit selectors,
 * significance starter, field separator, fill character, sign codes
 * ending a source byte, the condition code of the last field, GR1 for
 * EDMK, and data exceptions for invalid source digits.
 * QEMU 7.2 lacks these instructions: run with --sieve-only.
 */
#include "rt/rt.h"
#include "decimal_common.c"

/* " dd,dsd.dd CR": fill blank, digit selectors, significance starter. */
static const char pattern[] = "\x40\x20\x20\x6b\x20\x21\x20\x4b\x20\x20\x40\xc3\xd9";

/* Run ED or EDMK @insn with GR1 preset to @g1; returns GR1 in *g1out. */
#define EDIT_RUN(insn, g1, r, g1out) do {                                   \
        uint64_t ipm_, next_, g_ = (g1);                                    \
        *(volatile uint32_t *)0x90 = 0xffffffffu;                           \
        rt_pgm_arm();                                                       \
        asm volatile("  larl  %[n],1f\n"                                    \
                     "  lgr   %%r1,%[g]\n"                                  \
                     "  " insn "\n"                                         \
                     "1: ipm  %[c]\n"                                       \
                     "  lgr   %[g],%%r1\n"                                  \
                     : [c] "=&d"(ipm_), [n] "=&d"(next_), [g] "+&d"(g_)     \
                     : [a] "a"(b1), [b] "a"(b2) : "r1", "cc", "memory");    \
        (r)->fired = rt_pgm_disarm(&(r)->pi);                               \
        (r)->cc = rt_cc_from_ipm(ipm_);                                     \
        (r)->next = next_;                                                  \
        (r)->dxc = rt_lc32(0x90);                                           \
        (g1out) = g_;                                                       \
    } while (0)

static void test_ed(void)
{
    struct res r;
    uint64_t g1;

    set2(pattern, 13, "\x02\x57\x42\x6d", 4);
    EDIT_RUN("ed 0(13,%[a]),0(%[b])", 0x1234, &r, g1);
    check_ok("ed -2574.26", &r, 1);
    rt_check_mem("ed -2574.26", b1, "\x40\x40\xf2\x6b\xf5\xf7\xf4\x4b\xf2\xf6\x40\xc3\xd9\x5a", 14);
    rt_check_u64("ed leaves gr1 alone", g1, 0x1234);

    set2(pattern, 13, "\x02\x57\x42\x6c", 4);
    EDIT_RUN("ed 0(13,%[a]),0(%[b])", 0, &r, g1);
    check_ok("ed +2574.26", &r, 2);
    rt_check_mem("ed +2574.26: plus sign blanks CR", b1,
                 "\x40\x40\xf2\x6b\xf5\xf7\xf4\x4b\xf2\xf6\x40\x40\x40", 13);

    set2(pattern, 13, "\x00\x00\x00\x0f", 4);
    EDIT_RUN("ed 0(13,%[a]),0(%[b])", 0, &r, g1);
    check_ok("ed zero with significance starter", &r, 0);
    rt_check_mem("ed zero: starter forces digits after it", b1,
                 "\x40\x40\x40\x40\x40\x40\xf0\x4b\xf0\xf0\x40\x40\x40", 13);

    set2(pattern, 13, "\x00\x00\x00\x0d", 4);
    EDIT_RUN("ed 0(13,%[a]),0(%[b])", 0, &r, g1);
    check_ok("ed minus zero", &r, 0);
    rt_check_mem("ed minus zero keeps CR", b1,
                 "\x40\x40\x40\x40\x40\x40\xf0\x4b\xf0\xf0\x40\xc3\xd9", 13);

    /* Fill '*', field separator; no sign code: significance stays on. */
    set2("\x5c\x20\x20\x22\x20\x20", 6, "\x12\x30", 2);
    EDIT_RUN("ed 0(6,%[a]),0(%[b])", 0, &r, g1);
    check_ok("ed two fields", &r, 1);
    rt_check_mem("ed two fields", b1, "\x5c\xf1\xf2\x5c\xf3\xf0", 6);

    set2("\x5c\x20\x20\x22\x20\x20", 6, "\x12\x00", 2);
    EDIT_RUN("ed 0(6,%[a]),0(%[b])", 0, &r, g1);
    check_ok("ed last field zero", &r, 0);
    rt_check_mem("ed last field zero", b1, "\x5c\xf1\xf2\x5c\x5c\x5c", 6);

    /* The fill byte is itself a digit selector. */
    set2("\x20\x20\x20", 3, "\x01\x2c", 2);
    EDIT_RUN("ed 0(3,%[a]),0(%[b])", 0, &r, g1);
    check_ok("ed fill is a digit selector", &r, 2);
    rt_check_mem("ed fill is a digit selector", b1, "\x20\xf1\xf2", 3);

    /* A sign in the right half ends the byte; the next digit comes from
     * the next source byte. */
    set2("\x40\x20\x20\x20", 4, "\x1c\x0d\x3c", 3);
    EDIT_RUN("ed 0(4,%[a]),0(%[b])", 0, &r, g1);
    check_ok("ed signs in the middle", &r, 2);
    rt_check_mem("ed signs in the middle", b1, "\x40\xf1\x40\xf3\x5a", 5);

    set2("\x40\x20\x20\x20", 4, "\x1c\xa0", 2);
    EDIT_RUN("ed 0(4,%[a]),0(%[b])", 0, &r, g1);
    check_pgm("ed invalid left digit", &r, PGM_DATA);
    rt_check_mem("ed data exception: pattern unchanged", b1, "\x40\x20\x20\x20", 4);

    set2("\x40\x20", 2, "\xc1", 1);
    EDIT_RUN("ed 0(2,%[a]),0(%[b])", 0, &r, g1);
    check_pgm("ed sign code as left digit", &r, PGM_DATA);

    /* Message bytes only: no source byte is used, CC 0. */
    set2("\x40\xc1\xc2", 3, "\xff", 1);
    EDIT_RUN("ed 0(3,%[a]),0(%[b])", 0, &r, g1);
    check_ok("ed without digit selectors", &r, 0);
    rt_check_mem("ed message bytes become fill", b1, "\x40\x40\x40", 3);
}

static void test_edmk(void)
{
    struct res r;
    uint64_t g1;

    set2(pattern, 13, "\x02\x57\x42\x6d", 4);
    EDIT_RUN("edmk 0(13,%[a]),0(%[b])", 0xdeadbeefdeadbeefull, &r, g1);
    check_ok("edmk -2574.26", &r, 1);
    rt_check_mem("edmk result as ed", b1,
                 "\x40\x40\xf2\x6b\xf5\xf7\xf4\x4b\xf2\xf6\x40\xc3\xd9", 13);
    rt_check_u64("edmk gr1 = first significant digit", g1, (uint64_t)(uintptr_t)(b1 + 2));

    set2(pattern, 13, "\x00\x00\x01\x2c", 4);
    EDIT_RUN("edmk 0(13,%[a]),0(%[b])", 0, &r, g1);
    check_ok("edmk after significance starter", &r, 2);
    rt_check_mem("edmk 0.12", b1, "\x40\x40\x40\x40\x40\x40\xf0\x4b\xf1\xf2\x40\x40\x40", 13);
    rt_check_u64("edmk: starter does not mark", g1, 0);

    set2(pattern, 13, "\x00\x00\x00\x0c", 4);
    EDIT_RUN("edmk 0(13,%[a]),0(%[b])", 0x77, &r, g1);
    check_ok("edmk zero", &r, 0);
    rt_check_u64("edmk zero: gr1 unchanged", g1, 0x77);

    set2("\x5c\x20\x20\x22\x20\x20", 6, "\x12\x30", 2);
    EDIT_RUN("edmk 0(6,%[a]),0(%[b])", 0, &r, g1);
    check_ok("edmk two fields", &r, 1);
    rt_check_u64("edmk two fields: last mark wins", g1, (uint64_t)(uintptr_t)(b1 + 4));
}

int main(void)
{
    test_ed();
    test_edmk();
    return 0;
}
