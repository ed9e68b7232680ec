/*
 * atomic_laa_ovf.c - LOAD AND ADD (LAA, LAAG) with the fixed-point-overflow
 * program mask on. PoO chapter 7, "LOAD AND ADD": the program exceptions
 * include fixed-point overflow; like ADD, the interruption completes the
 * instruction (storage, R1 and CC set, old PSW past the instruction).
 * ADD (AR) is checked first the same way as a reference.
 * Kept apart from atomic_laa.c because QEMU 7.2 raises no interruption
 * for LAA/LAAG overflow.
 */
#include "rt/rt.h"

static uint64_t mem[2] __attribute__((aligned(16)));

/* Address after the instruction expected to fail (stored with STGRL). */
uint64_t g_next;

static void test_ar_overflow_interrupt(void)
{
    struct rt_pgm_info pi;
    uint64_t r2 = 0;

    rt_set_pm(8);
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stgrl %%r1,g_next\n"
                 "  stg   %%r1,%[slot]\n"
                 "  llilh %%r2,0x8000\n"
                 "  lghi  %%r3,-1\n"
                 "  ar    %%r2,%%r3\n"
                 "1:  lgr   %[r2],%%r2\n"
                 : [r2] "=&d"(r2), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "r2", "r3", "cc", "memory");
    rt_check(rt_pgm_disarm(&pi), "ar overflow, pm on: interruption");
    rt_set_pm(0);
    rt_check_u64("ar overflow: code fixed-point overflow", pi.code, PGM_FIXED_OVERFLOW);
    rt_check_u64("ar overflow: old psw past insn", pi.addr, g_next);
    rt_check_u64("ar overflow: result stored", (uint32_t)r2, 0x7fffffff);
}

/* LAA with the fixed-point-overflow mask on: the interruption completes
 * the instruction (storage, R1 and CC set, old PSW past it). */
static void test_laa_overflow_interrupt(void)
{
    uint32_t *w = (uint32_t *)mem;
    struct rt_pgm_info pi;
    uint64_t r1 = 0;

    w[0] = 0x80000000;
    rt_set_pm(8);
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stgrl %%r1,g_next\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lghi  %%r3,-1\n"
                 "  lghi  %%r2,0\n"
                 "  laa   %%r2,%%r3,0(%[p])\n"
                 "1:  lgr   %[r1],%%r2\n"
                 : [r1] "=&d"(r1), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [p] "a"(w) : "r1", "r2", "r3", "cc", "memory");
    rt_check(rt_pgm_disarm(&pi), "laa overflow, pm on: interruption");
    rt_set_pm(0);
    rt_check_u64("laa overflow: code fixed-point overflow", pi.code, PGM_FIXED_OVERFLOW);
    rt_check_u64("laa overflow: ilc 3", pi.ilc, 3);
    rt_check_u64("laa overflow: old psw past insn", pi.addr, g_next);
    rt_check_u64("laa overflow: cc 3 in old psw", psw_mask_cc(pi.mask), 3);
    rt_check_u64("laa overflow: storage completed", w[0], 0x7fffffff);
    rt_check_u64("laa overflow: R1 loaded", (uint32_t)r1, 0x80000000);

    mem[1] = 0x7fffffffffffffffull;
    rt_set_pm(8);
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stgrl %%r1,g_next\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lghi  %%r3,1\n"
                 "  lghi  %%r2,0\n"
                 "  laag  %%r2,%%r3,0(%[p])\n"
                 "1:  lgr   %[r1],%%r2\n"
                 : [r1] "=&d"(r1), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [p] "a"(&mem[1]) : "r1", "r2", "r3", "cc", "memory");
    rt_check(rt_pgm_disarm(&pi), "laag overflow, pm on: interruption");
    rt_set_pm(0);
    rt_check_u64("laag overflow: code", pi.code, PGM_FIXED_OVERFLOW);
    rt_check_u64("laag overflow: old psw past insn", pi.addr, g_next);
    rt_check_u64("laag overflow: storage completed", mem[1], 0x8000000000000000ull);
    rt_check_u64("laag overflow: R1 loaded", r1, 0x7fffffffffffffffull);
}

int main(void)
{
    test_ar_overflow_interrupt();
    test_laa_overflow_interrupt();
    return 0;
}
