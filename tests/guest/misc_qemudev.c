/*
 * misc_qemudev.c - checks where QEMU 7.2 (the reference emulator here)
 * diverges from the PoO; this program fails on QEMU 7.2 by design.
 *
 * - EXTRACT PSW: bits 0-31 of the current PSW include the CC (bits 18-19);
 *   QEMU 7.2 stores the mask without it (fixed in later QEMU).
 * - EXECUTE: an odd target address is a specification exception (PoO
 *   "EXECUTE"); QEMU 7.2 fetches the target from the odd address.
 * - EXTRACT CPU TIME: the first and second operands are doublewords in
 *   storage (PoO "EXTRACT CPU TIME"; Hercules agrees); QEMU 7.2 uses the
 *   operand addresses themselves as values.
 * - A branch to an odd address: specification exception with the odd
 *   address in the old PSW (PoO ch. 6, "Specification Exception"); QEMU
 *   7.2 fetches from the odd address.
 */
#include "rt/rt.h"

asm(".section .text\n"
    "  .balign 2\n"
    "qd_target: lghi %r5,1\n"
    "  .previous\n");

static void test_epsw_cc(void)
{
    uint64_t r = 0x1234567800000000ull, r2 = 0;

    for (unsigned cc = 0; cc < 4; cc++) {
        asm volatile("spm %[v]\n\tepsw %[r],%[r2]\n\tspm %[z]"
                     : [r] "+d"(r), [r2] "+d"(r2)
                     : [v] "d"((uint64_t)cc << 28 | 0x5ull << 24), [z] "d"(0ull) : "cc");
        rt_checkf((uint32_t)r == (0x00000001u | cc << 12 | 0x5u << 8),
                  "epsw: cc %u and program mask 5 in bits 18-23", cc);
    }
}

static void test_ex_odd(void)
{
    struct rt_pgm_info pi;
    uint64_t next;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[next],1f\n"
                 "  larl  %%r4,qd_target\n"
                 "  la    %%r4,1(%%r4)\n"
                 "  ex    0,0(%%r4)\n"
                 "1:\n"
                 : [next] "=&d"(next), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "r4", "memory");
    rt_check(rt_pgm_disarm(&pi), "ex odd target: interruption");
    rt_check_u64("ex odd target: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("ex odd target: ilc 2", pi.ilc, 2);
    rt_check_u64("ex odd target: old psw after ex", pi.addr, next);

}

/* ECTG: GR1 = second operand, GR R3 = the doubleword R3 designates (GR0
 * depends on the CPU timer and is not checked). */
static void test_ectg(void)
{
    static const uint64_t ops[3] = { 0x1111, 0x2222222222222222ull, 0x3333333333333333ull };
    uint64_t g1, g4;

    asm volatile("  lgr   %%r4,%[p]\n"
                 "  aghi  %%r4,16\n"
                 "  ectg  0(%[p]),8(%[p]),%%r4\n"
                 "  lgr   %[g1],%%r1\n"
                 "  lgr   %[g4],%%r4\n"
                 : [g1] "=&d"(g1), [g4] "=&d"(g4) : [p] "a"(ops) : "r0", "r1", "r4", "memory");
    rt_check_u64("ectg gr1 = second operand", g1, 0x2222222222222222ull);
    rt_check_u64("ectg gr r3 = third operand", g4, 0x3333333333333333ull);
}

/* A branch to an odd address: specification exception when the next
 * instruction is fetched; the old PSW holds the odd address. */
static void test_odd_target(void)
{
    struct rt_pgm_info pi;
    uint64_t target;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[t],1f\n"
                 "  la    %[t],1(%[t])\n"
                 "  br    %[t]\n"
                 "1:\n"
                 : [t] "=&a"(target), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "memory");
    rt_check(rt_pgm_disarm(&pi), "branch to odd address: interruption");
    rt_check_u64("branch to odd address: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("branch to odd address: old psw address", pi.addr, target);
}

int main(void)
{
    test_epsw_cc();
    test_ex_odd();
    test_ectg();
    test_odd_target();
    return 0;
}
