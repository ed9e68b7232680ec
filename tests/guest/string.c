/*
 * string.c - MVST, CLST, SRST, SRSTU, CKSM: results, registers, condition
 * codes, the CC 3 resumption loop across pages, specification exceptions.
 * (CUSE is not tested: QEMU does not implement it.)
 */
#include "rt/rt.h"

static uint8_t pages[4 * 4096] __attribute__((aligned(4096)));

struct regs2 {
    uint64_t r1, r2;
    unsigned cc;
};

/* MVST %r4,%r6 with GR0 = @end, looping while CC 3. */
static struct regs2 mvst(void *dst, const void *src, uint64_t end)
{
    struct regs2 r;
    uint64_t ipm;

    asm volatile("  lgr   %%r0,%[e]\n"
                 "  lgr   %%r4,%[d]\n"
                 "  lgr   %%r6,%[s]\n"
                 "0: mvst %%r4,%%r6\n"
                 "  jo    0b\n"
                 "  ipm   %[c]\n"
                 "  lgr   %[r1],%%r4\n"
                 "  lgr   %[r2],%%r6\n"
                 : [c] "=&d"(ipm), [r1] "=&d"(r.r1), [r2] "=&d"(r.r2)
                 : [e] "d"(end), [d] "d"(dst), [s] "d"(src)
                 : "r0", "r4", "r6", "cc", "memory");
    r.cc = rt_cc_from_ipm(ipm);
    return r;
}

static void test_mvst(void)
{
    static const char src[] = "hello, world";
    char dst[16];

    memset(dst, '#', sizeof(dst));
    struct regs2 r = mvst(dst, src, 0);
    rt_check_u64("mvst cc 1", r.cc, 1);
    rt_check_mem("mvst moved through the ending character", dst, src, 13);
    rt_check_u64("mvst byte after ending character untouched", dst[13], '#');
    rt_check_u64("mvst r1 = ending character in first operand", r.r1, (uintptr_t)(dst + 12));
    rt_check_u64("mvst r2 unchanged", r.r2, (uintptr_t)src);

    /* Ending character other than zero, and a string that is only it. */
    r = mvst(dst, ",x", ',');
    rt_check_u64("mvst ending char first: cc 1", r.cc, 1);
    rt_check_u64("mvst ending char first: r1", r.r1, (uintptr_t)dst);

    /* Both operands cross pages: the loop on CC 3 finishes the move. */
    uint8_t *s = pages + 4096 - 5, *d = pages + 3 * 4096 - 2000;
    for (int i = 0; i < 3000; i++)
        s[i] = (uint8_t)(0x41 + i % 26);
    s[2999] = 0;
    memset(d, 0xee, 3001);
    r = mvst(d, s, 0);
    rt_check_u64("mvst across pages: cc 1", r.cc, 1);
    rt_check_u64("mvst across pages: r1", r.r1, (uintptr_t)(d + 2999));
    rt_check_mem("mvst across pages: data", d, s, 3000);
    rt_check_u64("mvst across pages: next byte untouched", d[3000], 0xee);
}

/* Bits 32-55 of GR0 nonzero: specification exception, ILC 2. */
static void test_string_spec(void)
{
    struct rt_pgm_info pi;
    char a[4] = "abc", b[4];

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lghi  %%r0,0x100\n"
                 "  lgr   %%r4,%[d]\n"
                 "  lgr   %%r6,%[s]\n"
                 "  mvst  %%r4,%%r6\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [d] "d"(b), [s] "d"(a) : "r0", "r1", "r4", "r6", "memory");
    rt_check(rt_pgm_disarm(&pi), "mvst gr0 bit 55: interruption");
    rt_check_u64("mvst gr0 bit 55: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("mvst gr0 bit 55: ilc 2", pi.ilc, 2);

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  llilh %%r0,0x80\n"
                 "  lgr   %%r4,%[d]\n"
                 "  lgr   %%r6,%[s]\n"
                 "  srst  %%r4,%%r6\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [d] "d"(a + 3), [s] "d"(a) : "r0", "r1", "r4", "r6", "memory");
    rt_check(rt_pgm_disarm(&pi), "srst gr0 bit 40: interruption");
    rt_check_u64("srst gr0 bit 40: specification", pi.code, PGM_SPECIFICATION);

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  llilh %%r0,1\n"
                 "  lgr   %%r4,%[d]\n"
                 "  lgr   %%r6,%[s]\n"
                 "  srstu %%r4,%%r6\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [d] "d"(a + 2), [s] "d"(a) : "r0", "r1", "r4", "r6", "memory");
    rt_check(rt_pgm_disarm(&pi), "srstu gr0 bit 47: interruption");
    rt_check_u64("srstu gr0 bit 47: specification", pi.code, PGM_SPECIFICATION);
}

static struct regs2 clst(const void *a, const void *b, uint64_t end)
{
    struct regs2 r;
    uint64_t ipm;

    asm volatile("  lgr   %%r0,%[e]\n"
                 "  lgr   %%r4,%[a]\n"
                 "  lgr   %%r6,%[b]\n"
                 "0: clst %%r4,%%r6\n"
                 "  jo    0b\n"
                 "  ipm   %[c]\n"
                 "  lgr   %[r1],%%r4\n"
                 "  lgr   %[r2],%%r6\n"
                 : [c] "=&d"(ipm), [r1] "=&d"(r.r1), [r2] "=&d"(r.r2)
                 : [e] "d"(end), [a] "d"(a), [b] "d"(b)
                 : "r0", "r4", "r6", "cc", "memory");
    r.cc = rt_cc_from_ipm(ipm);
    return r;
}

static void test_clst(void)
{
    static const char s1[] = "abcdef", s2[] = "abcdef", s3[] = "abd", s4[] = "ab";
    struct regs2 r;

    r = clst(s1, s2, 0);
    rt_check_u64("clst equal: cc 0", r.cc, 0);
    rt_check_u64("clst equal: r1 unchanged", r.r1, (uintptr_t)s1);
    rt_check_u64("clst equal: r2 unchanged", r.r2, (uintptr_t)s2);

    r = clst(s1, s3, 0);
    rt_check_u64("clst abc < abd: cc 1", r.cc, 1);
    rt_check_u64("clst unequal: r1 at the unequal byte", r.r1, (uintptr_t)(s1 + 2));
    rt_check_u64("clst unequal: r2 at the unequal byte", r.r2, (uintptr_t)(s3 + 2));

    r = clst(s3, s1, 0);
    rt_check_u64("clst abd > abc: cc 2", r.cc, 2);

    /* The string that ends first is low, whatever the other byte is. */
    r = clst(s4, s1, 0);
    rt_check_u64("clst ab vs abcdef: cc 1", r.cc, 1);
    rt_check_u64("clst shorter first: r1 at its end", r.r1, (uintptr_t)(s4 + 2));
    r = clst(s1, s4, 'c');
    rt_check_u64("clst ending 'c' reached in first operand: cc 1", r.cc, 1);

    /* Long equal strings crossing pages. */
    uint8_t *a = pages + 4096 - 7, *b = pages + 3 * 4096 - 1000;
    for (int i = 0; i < 2500; i++)
        a[i] = b[i] = (uint8_t)(1 + i % 200);
    a[2500] = b[2500] = 0;
    r = clst(a, b, 0);
    rt_check_u64("clst long equal: cc 0", r.cc, 0);
    b[2400] = 0xff;
    r = clst(a, b, 0);
    rt_check_u64("clst long, differs at 2400: cc 1", r.cc, 1);
    rt_check_u64("clst long: r1", r.r1, (uintptr_t)(a + 2400));
    rt_check_u64("clst long: r2", r.r2, (uintptr_t)(b + 2400));
}

/* SRST: R1 = end, R2 = start, GR0 = character; loop on CC 3. */
static struct regs2 srst(const void *start, const void *end, uint64_t ch, bool unicode)
{
    struct regs2 r;
    uint64_t ipm;

    if (unicode)
        asm volatile("  lgr   %%r0,%[e]\n"
                     "  lgr   %%r4,%[end]\n"
                     "  lgr   %%r6,%[s]\n"
                     "0: srstu %%r4,%%r6\n"
                     "  jo    0b\n"
                     "  ipm   %[c]\n"
                     "  lgr   %[r1],%%r4\n"
                     "  lgr   %[r2],%%r6\n"
                     : [c] "=&d"(ipm), [r1] "=&d"(r.r1), [r2] "=&d"(r.r2)
                     : [e] "d"(ch), [end] "d"(end), [s] "d"(start)
                     : "r0", "r4", "r6", "cc", "memory");
    else
        asm volatile("  lgr   %%r0,%[e]\n"
                     "  lgr   %%r4,%[end]\n"
                     "  lgr   %%r6,%[s]\n"
                     "0: srst %%r4,%%r6\n"
                     "  jo    0b\n"
                     "  ipm   %[c]\n"
                     "  lgr   %[r1],%%r4\n"
                     "  lgr   %[r2],%%r6\n"
                     : [c] "=&d"(ipm), [r1] "=&d"(r.r1), [r2] "=&d"(r.r2)
                     : [e] "d"(ch), [end] "d"(end), [s] "d"(start)
                     : "r0", "r4", "r6", "cc", "memory");
    r.cc = rt_cc_from_ipm(ipm);
    return r;
}

static void test_srst(void)
{
    static const char s[] = "find the x here";
    struct regs2 r;

    r = srst(s, s + 15, 'x', false);
    rt_check_u64("srst found: cc 1", r.cc, 1);
    rt_check_u64("srst found: r1 = address", r.r1, (uintptr_t)(s + 9));
    rt_check_u64("srst found: r2 unchanged", r.r2, (uintptr_t)s);

    r = srst(s, s + 9, 'x', false);
    rt_check_u64("srst end before char: cc 2", r.cc, 2);
    rt_check_u64("srst not found: r1 unchanged", r.r1, (uintptr_t)(s + 9));
    rt_check_u64("srst not found: r2 unchanged", r.r2, (uintptr_t)s);

    r = srst(s, s, 'f', false);
    rt_check_u64("srst empty operand: cc 2", r.cc, 2);

    uint8_t *p = pages + 100;
    memset(p, 'a', 9000);
    p[8500] = 'z';
    r = srst(p, p + 9000, 'z', false);
    rt_check_u64("srst across pages: cc 1", r.cc, 1);
    rt_check_u64("srst across pages: r1", r.r1, (uintptr_t)(p + 8500));
    r = srst(p, p + 8500, 'z', false);
    rt_check_u64("srst across pages, not found: cc 2", r.cc, 2);
    rt_check_u64("srst not found: r1 still the end", r.r1, (uintptr_t)(p + 8500));
}

static void test_srstu(void)
{
    static const uint16_t u[8] = { 0x0041, 0x1234, 0x3412, 0x0000, 0xfffe, 0x1234, 0, 0 };
    struct regs2 r;

    r = srst(u, u + 8, 0x3412, true);
    rt_check_u64("srstu found: cc 1", r.cc, 1);
    rt_check_u64("srstu found: r1", r.r1, (uintptr_t)(u + 2));
    r = srst(u + 3, u + 8, 0x1234, true);
    rt_check_u64("srstu second occurrence: r1", r.r1, (uintptr_t)(u + 5));
    r = srst(u, u + 4, 0xfffe, true);
    rt_check_u64("srstu not found: cc 2", r.cc, 2);
}

struct cksm_out {
    uint64_t sum, addr, len;
    unsigned cc;
};

static struct cksm_out cksm(uint64_t init, const void *p, uint64_t len)
{
    struct cksm_out o;
    uint64_t ipm;

    asm volatile("  lgr   %%r3,%[i]\n"
                 "  lgr   %%r6,%[p]\n"
                 "  lgr   %%r7,%[l]\n"
                 "0: cksm %%r3,%%r6\n"
                 "  jo    0b\n"
                 "  ipm   %[c]\n"
                 "  lgr   %[s],%%r3\n"
                 "  lgr   %[a],%%r6\n"
                 "  lgr   %[n],%%r7\n"
                 : [c] "=&d"(ipm), [s] "=&d"(o.sum), [a] "=&d"(o.addr), [n] "=&d"(o.len)
                 : [i] "d"(init), [p] "d"(p), [l] "d"(len)
                 : "r3", "r6", "r7", "cc", "memory");
    o.cc = rt_cc_from_ipm(ipm);
    return o;
}

static void test_cksm(void)
{
    static const uint8_t nine[9] = { 0, 1, 2, 3, 4, 5, 6, 7, 8 };
    static const uint8_t two[4] = { 0, 0, 0, 2 };
    struct cksm_out o;

    o = cksm(0, nine, 9);
    rt_check_u64("cksm 9 bytes, last word padded", o.sum, 0x0c06080a);
    rt_check_u64("cksm cc 0", o.cc, 0);
    rt_check_u64("cksm r2 advanced", o.addr, (uintptr_t)(nine + 9));
    rt_check_u64("cksm r2+1 zero", o.len, 0);

    o = cksm(0xabcdef01ffffffffull, two, 4);
    rt_check_u64("cksm end-around carry, high half kept", o.sum, 0xabcdef0100000002ull);

    o = cksm(0x1234, nine, 0);
    rt_check_u64("cksm zero length: sum unchanged", o.sum, 0x1234);
    rt_check_u64("cksm zero length: cc 0", o.cc, 0);

    uint8_t *p = pages + 4096 - 10;
    memset(p, 1, 5000);
    o = cksm(0, p, 5000);
    rt_check_u64("cksm 5000 bytes across pages", o.sum, 0xe6e6e6e6);
    rt_check_u64("cksm 5000: r2 at end", o.addr, (uintptr_t)(p + 5000));

    struct rt_pgm_info pi;
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  cksm  %%r2,%%r3\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME) : : "r1", "r2", "r3", "r4", "memory");
    rt_check(rt_pgm_disarm(&pi), "cksm odd r2: interruption");
    rt_check_u64("cksm odd r2: specification", pi.code, PGM_SPECIFICATION);
}

int main(void)
{
    test_mvst();
    test_string_spec();
    test_clst();
    test_srst();
    test_srstu();
    test_cksm();
    return 0;
}
