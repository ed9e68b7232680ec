/*
 * load_mult2.c - STORE MULTIPLE HIGH, LOAD MULTIPLE DISJOINT, COPY ACCESS.
 *
 * QEMU 7.2 diverges from the PoO on both, so this program fails there by
 * design: its STMH shifts each register left instead of right and stores
 * zeros instead of bits 0-31 (PoO "STORE MULTIPLE HIGH"), and it does not
 * implement LMD or CPYA (operation exception).
 */
#include "rt/rt.h"

static const uint32_t words[4] = { 0x11111111, 0x22222222, 0x33333333, 0x44444444 };

int main(void)
{
    uint64_t out[2];
    uint32_t st[4];

    asm volatile("llihf %%r2,0xaaaaaaaa\n\tllihf %%r3,0xbbbbbbbb\n\t"
                 "oilf %%r2,0xcccccccc\n\t"
                 "stmh %%r2,%%r3,0(%0)\n\tstmy %%r2,%%r2,8(%0)"
                 : : "a"(st) : "r2", "r3", "memory");
    rt_check_u64("stmh first", st[0], 0xaaaaaaaa);
    rt_check_u64("stmh second", st[1], 0xbbbbbbbb);
    rt_check_u64("stmy", st[2], 0xcccccccc);

    /* LMD: high halves from the second operand, low from the fourth. */
    asm volatile("lmd %%r2,%%r3,0(%1),8(%1)\n\tstg %%r2,0(%0)\n\tstg %%r3,8(%0)"
                 : : "a"(out), "a"(words) : "r2", "r3", "memory");
    rt_check_u64("lmd r2", out[0], 0x1111111133333333ull);
    rt_check_u64("lmd r3", out[1], 0x2222222244444444ull);

    /* CPYA: AR R1 <- AR R2. */
    asm volatile("lgfi %%r0,0x5a5a0001\n\tsar %%a3,%%r0\n\t"
                 "cpya %%a4,%%a3\n\tear %0,%%a4\n\t"
                 "lhi %%r0,0\n\tsar %%a3,%%r0\n\tsar %%a4,%%r0"
                 : "=&d"(out[0]) : : "r0");
    rt_check_u64("cpya", (uint32_t)out[0], 0x5a5a0001);
    return 0;
}
