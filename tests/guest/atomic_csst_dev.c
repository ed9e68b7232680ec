/*
 * atomic_csst_dev.c - COMPARE AND SWAP AND STORE where QEMU 7.2 deviates.
 *
 * Function code 0 (32-bit):
 * the comparison value is bits 32-63 of R3 and, on an unequal comparison,
 * the first operand is loaded into bits 32-63 of R3, bits 0-31 unchanged
 * (PoO chapter 7, "COMPARE AND SWAP AND STORE"). On equal, R3 is not
 * changed. QEMU 7.2 writes the old value into bits 0-31 of R3 instead
 * (in both cases).
 *
 * Store characteristic 0: a one-byte store, no boundary requirement.
 * QEMU 7.2 aborts (extract32 with length 0 in its alignment check).
 */
#include "rt/rt.h"

#pragma GCC target("soft-float")

static uint32_t op1[2] __attribute__((aligned(8)));
static uint32_t op2[2] __attribute__((aligned(8)));
static uint32_t pl[8] __attribute__((aligned(16)));

/* CSST with GR0 = @gr0, operand 2 at op2 + @off2, R3 = @r3. Returns the
 * CC; *out gets R3 after. */
static unsigned csst_r4(uint64_t gr0, unsigned off2, uint64_t r3, uint64_t *out)
{
    uint64_t ipm;

    asm volatile("  lgr   %%r0,%[gr0]\n"
                 "  lgr   %%r1,%[pl]\n"
                 "  lgr   %%r4,%[r3]\n"
                 "  csst  0(%[p1]),0(%[p2]),%%r4\n"
                 "  ipm   %[ipm]\n"
                 "  lgr   %[r3],%%r4\n"
                 : [ipm] "=&d"(ipm), [r3] "+&d"(r3)
                 : [gr0] "d"(gr0), [pl] "d"(pl), [p1] "a"(op1), [p2] "a"((char *)op2 + off2)
                 : "r0", "r1", "r4", "cc", "memory");
    *out = r3;
    return rt_cc_from_ipm(ipm);
}

int main(void)
{
    uint64_t r3;
    unsigned cc;

    op1[0] = 0x01020304;
    op2[0] = 0;
    pl[0] = 0xa0a1a2a3;
    pl[4] = 0xc0c1c2c3;
    cc = csst_r4(0x0200, 0, 0xeeeeeeee00000000ull, &r3);
    rt_check_u64("fc0 unequal: cc 1", cc, 1);
    rt_check_u64("fc0 unequal: R3 bits 32-63 loaded, 0-31 kept", r3, 0xeeeeeeee01020304ull);
    rt_check_u64("fc0 unequal: nothing stored", op2[0], 0);

    cc = csst_r4(0x0200, 0, r3, &r3);
    rt_check_u64("fc0 equal: cc 0", cc, 0);
    rt_check_u64("fc0 equal: R3 unchanged", r3, 0xeeeeeeee01020304ull);
    rt_check_u64("fc0 equal: operand 1 replaced", op1[0], 0xa0a1a2a3);
    rt_check_u64("fc0 equal: operand 2 stored", op2[0], 0xc0c1c2c3);

    op2[0] = op2[1] = 0;
    pl[4] = 0x5a000000;
    cc = csst_r4(0x0000, 3, 0xeeeeeeeea0a1a2a3ull, &r3);     /* FC 0, SC 0 at an odd address */
    rt_check_u64("sc0 equal: cc 0", cc, 0);
    rt_check_u64("sc0: one byte stored at op2+3", op2[0], 0x0000005a);
    rt_check_u64("sc0: next word untouched", op2[1], 0);
    return 0;
}
