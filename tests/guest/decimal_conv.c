/*
 * decimal_conv.c - CONVERT TO BINARY (CVB, CVBY, CVBG) and CONVERT TO
 * DECIMAL (CVDG) (PoO ch. 7): values at the range limits, data exceptions
 * for invalid digits and signs, and the fixed-point-divide exception when
 * the result does not fit (CVB/CVBY still set the rightmost 32 bits of R1,
 * CVBG leaves R1 unchanged).
 * QEMU 7.2 lacks these instructions: run with --sieve-only.
 */
#include "rt/rt.h"
#include "decimal_common.c"

/* Run CVB/CVBY/CVBG @insn on b1 with R2 preset to @init; returns R2. */
#define CONV_RUN(insn, init, r, out) do {                                   \
        uint64_t ipm_, next_, g_ = (init);                                  \
        *(volatile uint32_t *)0x90 = 0xffffffffu;                           \
        rt_pgm_arm();                                                       \
        asm volatile("  larl  %[n],1f\n"                                    \
                     "  " insn "\n"                                         \
                     "1: ipm  %[c]\n"                                       \
                     : [c] "=&d"(ipm_), [n] "=&d"(next_), [g] "+&d"(g_)     \
                     : [a] "a"(b1) : "cc", "memory");                       \
        (r)->fired = rt_pgm_disarm(&(r)->pi);                               \
        (r)->cc = rt_cc_from_ipm(ipm_);                                     \
        (r)->next = next_;                                                  \
        (r)->dxc = rt_lc32(0x90);                                           \
        (out) = g_;                                                         \
    } while (0)

static void test_cvb(void)
{
    struct res r;
    uint64_t g;

    set2("\x00\x00\x00\x00\x00\x25\x59\x4c", 8, "", 0);
    CONV_RUN("cvb %[g],0(%[a])", 0xaaaaaaaa55555555ull, &r, g);
    check_ok("cvb 25594", &r, -1);
    rt_check_u64("cvb 25594 = 0x63fa, high word unchanged", g, 0xaaaaaaaa000063faull);

    set2("\x00\x00\x00\x00\x00\x00\x00\x1d", 8, "", 0);
    CONV_RUN("cvb %[g],0(%[a])", 0, &r, g);
    check_ok("cvb -1", &r, -1);
    rt_check_u64("cvb -1", g, 0xffffffffull);

    set2("\x00\x00\x02\x14\x74\x83\x64\x7f", 8, "", 0);
    CONV_RUN("cvb %[g],0(%[a])", 0, &r, g);
    check_ok("cvb 2147483647", &r, -1);
    rt_check_u64("cvb 2147483647", g, 0x7fffffffull);

    set2("\x00\x00\x02\x14\x74\x83\x64\x8b", 8, "", 0);
    CONV_RUN("cvb %[g],0(%[a])", 0, &r, g);
    check_ok("cvb -2147483648", &r, -1);
    rt_check_u64("cvb -2147483648", g, 0x80000000ull);

    set2("\x00\x00\x02\x14\x74\x83\x64\x8c", 8, "", 0);
    CONV_RUN("cvb %[g],0(%[a])", 0x1111111100000000ull, &r, g);
    check_pgm_ilc("cvb 2147483648", &r, PGM_FIXED_DIVIDE, 2);
    rt_check_u64("cvb 2147483648: rightmost 32 bits stored", g, 0x1111111180000000ull);

    set2("\x99\x99\x99\x99\x99\x99\x99\x9c", 8, "", 0);
    CONV_RUN("cvb %[g],0(%[a])", 0, &r, g);
    check_pgm_ilc("cvb 999999999999999", &r, PGM_FIXED_DIVIDE, 2);
    rt_check_u64("cvb 999999999999999: rightmost 32 bits", g, 0xa4c67fffull);

    set2("\x00\x00\x02\x14\x74\x83\x64\x9d", 8, "", 0);
    CONV_RUN("cvb %[g],0(%[a])", 0, &r, g);
    check_pgm_ilc("cvb -2147483649", &r, PGM_FIXED_DIVIDE, 2);
    rt_check_u64("cvb -2147483649: rightmost 32 bits", g, 0x7fffffffull);

    set2("\x00\x00\x00\x00\x00\x25\x59\x45", 8, "", 0);
    CONV_RUN("cvb %[g],0(%[a])", 0x77, &r, g);
    check_pgm_ilc("cvb invalid sign", &r, PGM_DATA, 2);
    rt_check_u64("cvb invalid sign: r1 unchanged", g, 0x77);

    set2("\x00\x00\x00\x00\x00\x2a\x59\x4c", 8, "", 0);
    CONV_RUN("cvb %[g],0(%[a])", 0x77, &r, g);
    check_pgm_ilc("cvb invalid digit", &r, PGM_DATA, 2);
    rt_check_u64("cvb invalid digit: r1 unchanged", g, 0x77);

    set2("\xff\xff\xff\xff\xff\xff\xff\xff\x00\x00\x00\x00\x00\x12\x34\x5d", 16, "", 0);
    CONV_RUN("cvby %[g],8(%[a])", 0, &r, g);
    check_ok("cvby -12345", &r, -1);
    rt_check_u64("cvby -12345", g, (uint32_t)-12345);
    CONV_RUN("cvby %[g],0(%[a])", 0x99, &r, g);
    check_pgm("cvby invalid digits", &r, PGM_DATA);
    rt_check_u64("cvby invalid digits: r1 unchanged", g, 0x99);
}

static void test_cvbg(void)
{
    struct res r;
    uint64_t g;

    set2("\x00\x00\x00\x00\x00\x00\x92\x23\x37\x20\x36\x85\x47\x75\x80\x7c", 16, "", 0);
    CONV_RUN("cvbg %[g],0(%[a])", 0, &r, g);
    check_ok("cvbg 2^63-1", &r, -1);
    rt_check_u64("cvbg 2^63-1", g, 0x7fffffffffffffffull);

    set2("\x00\x00\x00\x00\x00\x00\x92\x23\x37\x20\x36\x85\x47\x75\x80\x8d", 16, "", 0);
    CONV_RUN("cvbg %[g],0(%[a])", 0, &r, g);
    check_ok("cvbg -2^63", &r, -1);
    rt_check_u64("cvbg -2^63", g, 0x8000000000000000ull);

    set2("\x00\x00\x00\x00\x00\x00\x12\x34\x56\x78\x90\x12\x34\x56\x78\x9d", 16, "", 0);
    CONV_RUN("cvbg %[g],0(%[a])", 0, &r, g);
    check_ok("cvbg -1234567890123456789", &r, -1);
    rt_check_u64("cvbg -1234567890123456789", g, (uint64_t)-1234567890123456789ll);

    set2("\x00\x00\x00\x00\x00\x00\x92\x23\x37\x20\x36\x85\x47\x75\x80\x8c", 16, "", 0);
    CONV_RUN("cvbg %[g],0(%[a])", 0x5555, &r, g);
    check_pgm("cvbg 2^63", &r, PGM_FIXED_DIVIDE);
    rt_check_u64("cvbg 2^63: r1 unchanged", g, 0x5555);

    set2("\x10\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x0d", 16, "", 0);
    CONV_RUN("cvbg %[g],0(%[a])", 0x5555, &r, g);
    check_pgm("cvbg -10^30", &r, PGM_FIXED_DIVIDE);
    rt_check_u64("cvbg -10^30: r1 unchanged", g, 0x5555);

    set2("\xa0\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x0c", 16, "", 0);
    CONV_RUN("cvbg %[g],0(%[a])", 0x5555, &r, g);
    check_pgm("cvbg invalid leftmost digit", &r, PGM_DATA);
    rt_check_u64("cvbg invalid digit: r1 unchanged", g, 0x5555);
}

static void test_cvdg(void)
{
    uint64_t v;

    set2("", 0, "", 0);
    v = 0x8000000000000000ull;
    asm volatile("cvdg %[r],0(%[a])" : : [r] "d"(v), [a] "a"(b1) : "memory");
    rt_check_mem("cvdg -2^63",
                 b1, "\x00\x00\x00\x00\x00\x00\x92\x23\x37\x20\x36\x85\x47\x75\x80\x8d\x5a", 17);
    v = 0x7fffffffffffffffull;
    asm volatile("cvdg %[r],0(%[a])" : : [r] "d"(v), [a] "a"(b1) : "memory");
    rt_check_mem("cvdg 2^63-1",
                 b1, "\x00\x00\x00\x00\x00\x00\x92\x23\x37\x20\x36\x85\x47\x75\x80\x7c", 16);
    v = 0;
    asm volatile("cvdg %[r],0(%[a])" : : [r] "d"(v), [a] "a"(b1) : "memory");
    rt_check_mem("cvdg 0",
                 b1, "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x0c", 16);
    v = (uint64_t)-1;
    asm volatile("cvdg %[r],0(%[a])" : : [r] "d"(v), [a] "a"(b1) : "memory");
    rt_check_mem("cvdg -1",
                 b1, "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x1d", 16);
}

int main(void)
{
    test_cvb();
    test_cvbg();
    test_cvdg();
    return 0;
}
