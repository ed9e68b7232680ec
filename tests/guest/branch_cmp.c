/*
 * branch_cmp.c - COMPARE AND BRANCH (RELATIVE) in the register, immediate,
 * signed and logical forms: every mask bit against low, equal and high
 * results, 32-bit forms ignoring the high halves, and the CC left alone.
 */
#include "rt/rt.h"

/* One compare-and-jump: returns 1 if the jump was taken. The CC is set to 3
 * before and must still be 3 after (bit 1 of the result reports it). */
#define CMPJ(insn_text, A_, B_) ({                                                \
    uint64_t t_, ipm_;                                                          \
    asm volatile("  spm   %[cc3]\n"                                             \
                 "  lghi  %[t],1\n"                                             \
                 "  " insn_text "\n"                                            \
                 "  lghi  %[t],0\n"                                             \
                 "0: ipm  %[ipm]\n"                                             \
                 : [t] "=&d"(t_), [ipm] "=&d"(ipm_)                             \
                 : [a] "d"(A_), [b] "d"(B_), [cc3] "d"(3ull << 28) : "cc");       \
    t_ | (rt_cc_from_ipm(ipm_) == 3 ? 0 : 2); })

/* The same for the RRS/RIS forms, whose target is a D4(B4) address. */
#define CMPB(insn_text, A_, B_) ({                                                \
    uint64_t t_, ipm_;                                                          \
    asm volatile("  spm   %[cc3]\n"                                             \
                 "  lghi  %[t],1\n"                                             \
                 "  larl  %%r1,0f\n"                                            \
                 "  " insn_text "\n"                                            \
                 "  lghi  %[t],0\n"                                             \
                 "0: ipm  %[ipm]\n"                                             \
                 : [t] "=&d"(t_), [ipm] "=&d"(ipm_)                             \
                 : [a] "d"(A_), [b] "d"(B_), [cc3] "d"(3ull << 28) : "r1", "cc"); \
    t_ | (rt_cc_from_ipm(ipm_) == 3 ? 0 : 2); })

static void test_register_forms(void)
{
    const uint64_t lo = 0xffffffff00000005ull, hi = 0x0000000000000007ull;
    const uint64_t neg = 0x00000000fffffffeull;      /* -2 as 32 bits, positive as 64 */

    rt_check_u64("crj 5<7 mask 4 (low)", CMPJ("crj %[a],%[b],4,0f", lo, hi), 1);
    rt_check_u64("crj 5<7 mask 10 (eq|high)", CMPJ("crj %[a],%[b],10,0f", lo, hi), 0);
    rt_check_u64("crj equal mask 8", CMPJ("crj %[a],%[b],8,0f", lo, lo), 1);
    rt_check_u64("crj 32-bit signed: -2 < 5", CMPJ("crj %[a],%[b],4,0f", neg, lo), 1);
    rt_check_u64("cgrj 64-bit signed: lo < hi", CMPJ("cgrj %[a],%[b],4,0f", lo, hi), 1);
    rt_check_u64("cgrj neg > lo (64-bit)", CMPJ("cgrj %[a],%[b],2,0f", neg, lo), 1);
    rt_check_u64("clrj 32-bit logical: fffffffe > 5", CMPJ("clrj %[a],%[b],2,0f", neg, lo), 1);
    rt_check_u64("clgrj 64-bit logical: lo > hi", CMPJ("clgrj %[a],%[b],2,0f", lo, hi), 1);
    rt_check_u64("clgrj mask 0 never", CMPJ("clgrj %[a],%[b],0,0f", lo, lo), 0);
    rt_check_u64("clgrj mask 14 always", CMPJ("clgrj %[a],%[b],14,0f", lo, hi), 1);

    rt_check_u64("crb 5<7 mask 4", CMPB("crb %[a],%[b],4,0(%%r1)", lo, hi), 1);
    rt_check_u64("cgrb lo<hi mask 2", CMPB("cgrb %[a],%[b],2,0(%%r1)", lo, hi), 0);
    rt_check_u64("clrb equal mask 8", CMPB("clrb %[a],%[b],8,0(%%r1)", hi, hi), 1);
    rt_check_u64("clgrb lo>hi mask 2", CMPB("clgrb %[a],%[b],2,0(%%r1)", lo, hi), 1);
}

static void test_immediate_forms(void)
{
    const uint64_t m1 = 0x00000000ffffffffull;       /* -1 as 32 bits */
    const uint64_t x = 0x100000080ull, z = 0;

    rt_check_u64("cij -1 == -1", CMPJ("cij %[a],-1,8,0f", m1, z), 1);
    rt_check_u64("cij -1 < 0", CMPJ("cij %[a],0,4,0f", m1, z), 1);
    rt_check_u64("cgij 0xffffffff > -1 (64-bit)", CMPJ("cgij %[a],-1,2,0f", m1, z), 1);
    rt_check_u64("cgij -128 immediate", CMPJ("cgij %[a],-128,2,0f", z, z), 1);
    rt_check_u64("clij immediate 255 unsigned", CMPJ("clij %[a],255,4,0f", z, z), 1);
    rt_check_u64("clij low word 0x80 == 128", CMPJ("clij %[a],128,8,0f", x, z), 1);
    rt_check_u64("clgij 64-bit 0x100000080 > 128", CMPJ("clgij %[a],128,2,0f", x, z), 1);
    rt_check_u64("clgij 255 > 0 not equal", CMPJ("clgij %[a],255,8,0f", z, z), 0);

    rt_check_u64("cib -1 < 1", CMPB("cib %[a],1,4,0(%%r1)", m1, z), 1);
    rt_check_u64("cgib -1 vs 0xffffffff", CMPB("cgib %[a],-1,8,0(%%r1)", m1, z), 0);
    rt_check_u64("clib 0xffffffff > 200", CMPB("clib %[a],200,2,0(%%r1)", m1, z), 1);
    rt_check_u64("clgib 0 < 200", CMPB("clgib %[a],200,4,0(%%r1)", z, z), 1);
}

int main(void)
{
    test_register_forms();
    test_immediate_forms();
    return 0;
}
