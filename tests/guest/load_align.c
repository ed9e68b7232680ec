/*
 * load_align.c - the relative-long loads and stores require an operand
 * aligned to its size: PoO "LOAD RELATIVE LONG" / "STORE RELATIVE LONG",
 * specification exception otherwise.  QEMU 7.2 does not check this (QEMU
 * 8.0 added MO_ALIGN to these instructions), so this program fails on
 * QEMU 7.2 by design.
 */
#include "rt/rt.h"

asm(".section .data\n"
    "  .balign 8\n"
    "al_dw:  .quad 0\n"
    "  .long 0\n"
    "al_w:   .long 0\n"                 /* 8n+12: word- but not doubleword-aligned */
    "  .short 0\n"
    "al_mis: .short 0\n"                /* 4n+2 */
    "  .long 0\n"
    "  .previous\n");

/* LRL/STRL/LGRL on a misaligned operand: specification exception, ILC 3,
 * register and storage unchanged. */
static void test_relative_long_alignment(void)
{
    static const char *const names[3] = { "lrl", "lgrl", "strl" };
    struct rt_pgm_info pi;
    uint64_t next, r;

    for (int i = 0; i < 3; i++) {
        r = 0x77;
        rt_pgm_arm();
        if (i == 0)
            asm volatile("  larl  %%r1,1f\n"
                         "  stg   %%r1,%[slot]\n"
                         "  larl  %[next],1f\n"
                         "  lrl   %[r],al_mis\n"
                         "1:\n"
                         : [next] "=&d"(next), [r] "+&d"(r),
                           [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                         : : "r1", "memory");
        else if (i == 1)
            asm volatile("  larl  %%r1,1f\n"
                         "  stg   %%r1,%[slot]\n"
                         "  larl  %[next],1f\n"
                         "  lgrl  %[r],al_w\n"
                         "1:\n"
                         : [next] "=&d"(next), [r] "+&d"(r),
                           [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                         : : "r1", "memory");
        else
            asm volatile("  larl  %%r1,1f\n"
                         "  stg   %%r1,%[slot]\n"
                         "  larl  %[next],1f\n"
                         "  strl  %[r],al_mis\n"
                         "1:\n"
                         : [next] "=&d"(next), [r] "+&d"(r),
                           [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                         : : "r1", "memory");
        rt_checkf(rt_pgm_disarm(&pi), "%s misaligned: interruption", names[i]);
        rt_checkf(pi.code == PGM_SPECIFICATION, "%s misaligned: specification", names[i]);
        rt_checkf(pi.ilc == 3, "%s misaligned: ilc 3", names[i]);
        rt_checkf(pi.addr == next, "%s misaligned: old psw past the insn", names[i]);
        rt_checkf(r == 0x77, "%s misaligned: register unchanged", names[i]);
    }
}

int main(void)
{
    test_relative_long_alignment();
    return 0;
}
