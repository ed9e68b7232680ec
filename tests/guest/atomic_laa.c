/*
 * atomic_laa.c - interlocked-access facility 1: LOAD AND ADD (LAA, LAAG),
 * LOAD AND ADD LOGICAL (LAAL, LAALG), LOAD AND AND/OR/EXCLUSIVE OR (LAN,
 * LANG, LAO, LAOG, LAX, LAXG) and LOAD PAIR DISJOINT (LPD, LPDG).
 * R1 receives the old second operand, the second operand the result, the
 * CC is that of the corresponding ADD/ADD LOGICAL/AND/OR/XOR; fixed-point
 * overflow of LAA/LAAG completes (PoO chapter 7).
 */
#include "rt/rt.h"

/* Keep compiled code off the FPRs (no FPR spills of GPRs). */
#pragma GCC target("soft-float")

static uint64_t mem[4] __attribute__((aligned(16)));

/* Address after the instruction expected to fail (stored with STGRL). */
uint64_t g_next;

/* Run the 32-bit interlocked op @insn on word @w with R3 = @r3. R1 starts
 * as 0xaaaaaaaa_aaaaaaaa; *r1 gets it back, the return value is the CC. */
#define LA32(insn, w, r3, r1)                                               \
    ({                                                                      \
        uint64_t ipm_;                                                      \
        r1 = 0xaaaaaaaaaaaaaaaaull;                                         \
        asm volatile(insn " %0,%2,0(%3)\n\tipm %1"                          \
                     : "+&d"(r1), "=d"(ipm_) : "d"(r3), "a"(w)              \
                     : "cc", "memory");                                     \
        rt_cc_from_ipm(ipm_);                                               \
    })

static void test_laa(void)
{
    uint32_t *w = (uint32_t *)mem;
    uint64_t r1;
    unsigned cc;

    w[0] = 5;
    cc = LA32("laa", w, 0xffffffff00000003ull, r1);
    rt_check_u64("laa 5+3: R1 low word old value, high kept", r1, 0xaaaaaaaa00000005ull);
    rt_check_u64("laa 5+3: storage", w[0], 8);
    rt_check_u64("laa 5+3: cc 2", cc, 2);

    cc = LA32("laa", w, (uint64_t)-11, r1);
    rt_check_u64("laa 8-11: storage", w[0], (uint32_t)-3);
    rt_check_u64("laa 8-11: cc 1", cc, 1);

    cc = LA32("laa", w, 3ull, r1);
    rt_check_u64("laa -3+3: storage", w[0], 0);
    rt_check_u64("laa -3+3: R1", (uint32_t)r1, (uint32_t)-3);
    rt_check_u64("laa -3+3: cc 0", cc, 0);

    w[0] = 0x7fffffff;
    cc = LA32("laa", w, 1ull, r1);
    rt_check_u64("laa overflow (masked): storage wraps", w[0], 0x80000000);
    rt_check_u64("laa overflow (masked): R1", (uint32_t)r1, 0x7fffffff);
    rt_check_u64("laa overflow (masked): cc 3", cc, 3);

    mem[1] = 0x8000000000000000ull;
    cc = LA32("laag", &mem[1], (uint64_t)-1, r1);
    rt_check_u64("laag overflow: storage", mem[1], 0x7fffffffffffffffull);
    rt_check_u64("laag overflow: R1", r1, 0x8000000000000000ull);
    rt_check_u64("laag overflow: cc 3", cc, 3);

    cc = LA32("laag", &mem[1], 0x8000000000000001ull, r1);
    rt_check_u64("laag max+min+1: storage", mem[1], 0);
    rt_check_u64("laag max+min+1: cc 0", cc, 0);

    /* R1 == R3: the addend is the register's original contents. */
    {
        uint64_t r = 0x1234567800000010ull, ipm;

        w[0] = 0x20;
        asm volatile("laa %0,%0,0(%2)\n\tipm %1" : "+d"(r), "=d"(ipm) : "a"(w)
                     : "cc", "memory");
        rt_check_u64("laa r1==r3: R1 old", r, 0x1234567800000020ull);
        rt_check_u64("laa r1==r3: storage", w[0], 0x30);
    }
}

static void test_laal(void)
{
    uint32_t *w = (uint32_t *)mem;
    uint64_t r1;
    unsigned cc;

    w[0] = 0;
    cc = LA32("laal", w, 0ull, r1);
    rt_check_u64("laal 0+0: cc 0", cc, 0);
    cc = LA32("laal", w, 0x7fffffffull, r1);
    rt_check_u64("laal 0+7fffffff: cc 1 (no overflow for logical)", cc, 1);
    cc = LA32("laal", w, 1ull, r1);
    rt_check_u64("laal 7fffffff+1: storage", w[0], 0x80000000);
    rt_check_u64("laal 7fffffff+1: cc 1", cc, 1);
    cc = LA32("laal", w, 0x80000000ull, r1);
    rt_check_u64("laal 80000000+80000000: storage 0", w[0], 0);
    rt_check_u64("laal 80000000+80000000: cc 2 (zero, carry)", cc, 2);
    w[0] = 0xffffffff;
    cc = LA32("laal", w, 2ull, r1);
    rt_check_u64("laal ffffffff+2: storage", w[0], 1);
    rt_check_u64("laal ffffffff+2: R1", (uint32_t)r1, 0xffffffff);
    rt_check_u64("laal ffffffff+2: cc 3 (nonzero, carry)", cc, 3);

    mem[1] = 0xffffffffffffffffull;
    cc = LA32("laalg", &mem[1], 1ull, r1);
    rt_check_u64("laalg -1+1: storage", mem[1], 0);
    rt_check_u64("laalg -1+1: R1", r1, 0xffffffffffffffffull);
    rt_check_u64("laalg -1+1: cc 2", cc, 2);
    cc = LA32("laalg", &mem[1], 0x100000000ull, r1);
    rt_check_u64("laalg 0+2^32: storage", mem[1], 0x100000000ull);
    rt_check_u64("laalg 0+2^32: cc 1", cc, 1);
}

static void test_logical(void)
{
    uint32_t *w = (uint32_t *)mem;
    uint64_t r1;
    unsigned cc;

    w[0] = 0xff00ff00;
    cc = LA32("lan", w, 0x0ff00ff0ull, r1);
    rt_check_u64("lan: storage", w[0], 0x0f000f00);
    rt_check_u64("lan: R1", r1, 0xaaaaaaaaff00ff00ull);
    rt_check_u64("lan: cc 1", cc, 1);
    cc = LA32("lan", w, 0xf0fff0ffull, r1);
    rt_check_u64("lan zero: storage", w[0], 0);
    rt_check_u64("lan zero: cc 0", cc, 0);

    cc = LA32("lao", w, 0ull, r1);
    rt_check_u64("lao 0|0: cc 0", cc, 0);
    cc = LA32("lao", w, 0x80000001ull, r1);
    rt_check_u64("lao: storage", w[0], 0x80000001);
    rt_check_u64("lao: cc 1", cc, 1);

    cc = LA32("lax", w, 0x80000000ull, r1);
    rt_check_u64("lax: storage", w[0], 1);
    rt_check_u64("lax: R1", (uint32_t)r1, 0x80000001);
    rt_check_u64("lax: cc 1", cc, 1);
    cc = LA32("lax", w, 1ull, r1);
    rt_check_u64("lax self-cancel: storage", w[0], 0);
    rt_check_u64("lax self-cancel: cc 0", cc, 0);

    mem[1] = 0xffff0000ffff0000ull;
    cc = LA32("lang", &mem[1], 0x0000ffffffff0000ull, r1);
    rt_check_u64("lang: storage", mem[1], 0x00000000ffff0000ull);
    rt_check_u64("lang: R1", r1, 0xffff0000ffff0000ull);
    rt_check_u64("lang: cc 1", cc, 1);
    cc = LA32("laog", &mem[1], 0xf000000000000000ull, r1);
    rt_check_u64("laog: storage", mem[1], 0xf0000000ffff0000ull);
    rt_check_u64("laog: cc 1", cc, 1);
    cc = LA32("laxg", &mem[1], mem[1], r1);
    rt_check_u64("laxg self: storage 0", mem[1], 0);
    rt_check_u64("laxg self: cc 0", cc, 0);
}

/* Misaligned second operands: specification exception, nothing changed. */
static void laa_misaligned(void *p)
{
    asm volatile("  larl  %%r1,1f\n"
                 "  stgrl %%r1,g_next\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lghi  %%r2,0\n"
                 "  lghi  %%r3,1\n"
                 "  laa   %%r2,%%r3,2(%[p])\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [p] "a"(p) : "r1", "r2", "r3", "cc", "memory");
}

static void lang_misaligned(void *p)
{
    asm volatile("  larl  %%r1,1f\n"
                 "  stgrl %%r1,g_next\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lghi  %%r2,0\n"
                 "  lghi  %%r3,0\n"
                 "  lang  %%r2,%%r3,4(%[p])\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [p] "a"(p) : "r1", "r2", "r3", "cc", "memory");
}

static void lpd_odd_r3(void *p)
{
    asm volatile("  larl  %%r1,1f\n"
                 "  stgrl %%r1,g_next\n"
                 "  stg   %%r1,%[slot]\n"
                 "  .insn ssf,0xc80400000000,0(%[p]),4(%[p]),%%r3\n"   /* lpd %r3 */
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [p] "a"(p) : "r1", "r3", "r4", "cc", "memory");
}

static void expect_spec(const char *name, void (*fn)(void *))
{
    struct rt_pgm_info pi;

    mem[0] = 0x0102030405060708ull;
    mem[1] = 0x1112131415161718ull;
    rt_pgm_arm();
    fn(mem);
    rt_checkf(rt_pgm_disarm(&pi), "%s: interruption", name);
    rt_checkf(pi.code == PGM_SPECIFICATION, "%s: specification", name);
    rt_checkf(pi.ilc == 3, "%s: ilc 3", name);
    rt_checkf(pi.addr == g_next, "%s: old psw after instruction", name);
    rt_checkf(mem[0] == 0x0102030405060708ull && mem[1] == 0x1112131415161718ull,
              "%s: storage untouched", name);
}

static void test_lpd(void)
{
    uint64_t ipm, r4, r5;

    mem[0] = 0x0102030405060708ull;
    mem[2] = 0xa1a2a3a4a5a6a7a8ull;
    asm volatile("  lghi  %%r4,-1\n"
                 "  lghi  %%r5,-1\n"
                 "  lpd   %%r4,4(%3),0(%4)\n"
                 "  ipm   %0\n"
                 "  lgr   %1,%%r4\n"
                 "  lgr   %2,%%r5\n"
                 : "=&d"(ipm), "=&d"(r4), "=&d"(r5) : "a"(&mem[0]), "a"(&mem[2])
                 : "r4", "r5", "cc", "memory");
    rt_check_u64("lpd: R3 low word from operand 1", r4, 0xffffffff05060708ull);
    rt_check_u64("lpd: R3+1 low word from operand 2", r5, 0xffffffffa1a2a3a4ull);
    rt_check_u64("lpd: cc 0 (interlocked)", rt_cc_from_ipm(ipm), 0);

    asm volatile("  lghi  %%r4,-1\n"
                 "  lghi  %%r5,-1\n"
                 "  lpdg  %%r4,0(%4),0(%3)\n"
                 "  ipm   %0\n"
                 "  lgr   %1,%%r4\n"
                 "  lgr   %2,%%r5\n"
                 : "=&d"(ipm), "=&d"(r4), "=&d"(r5) : "a"(&mem[0]), "a"(&mem[2])
                 : "r4", "r5", "cc", "memory");
    rt_check_u64("lpdg: R3 from operand 1", r4, 0xa1a2a3a4a5a6a7a8ull);
    rt_check_u64("lpdg: R3+1 from operand 2", r5, 0x0102030405060708ull);
    rt_check_u64("lpdg: cc 0", rt_cc_from_ipm(ipm), 0);
}

int main(void)
{
    test_laa();
    test_laal();
    test_logical();
    test_lpd();
    expect_spec("laa at word+2", laa_misaligned);
    expect_spec("lang at dw+4", lang_misaligned);
    expect_spec("lpd odd r3", lpd_odd_r3);
    return 0;
}
