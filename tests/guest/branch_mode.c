/*
 * branch_mode.c - BRANCH AND SET MODE and BRANCH AND SAVE AND SET MODE:
 * the mode recorded in R1, the mode taken from R2 (bit 63 for 64-bit, else
 * bit 32), R2 = 0 not branching.
 *
 * QEMU 7.2 implements neither instruction (operation exception), so this
 * program runs on sieve only.
 */
#include "rt/rt.h"

static void test_bsm(void)
{
    uint64_t r1, r2, r3, ipm, lbl;

    /* R2 = 0: no branch; 64-bit mode sets bit 63 of R1, nothing else. */
    r1 = 0x1234567800000000ull;
    asm volatile("bsm %0,0" : "+d"(r1));
    rt_check_u64("bsm 64-bit: bit 63 of r1 set", r1, 0x1234567800000001ull);

    /* Into the 31-bit mode and back; in 31-bit mode BSM R1 sets bit 32. */
    r2 = 0xfedcba9800000001ull;
    r3 = 0xfedcba98ffffffffull;
    asm volatile("  larl  %%r1,1f\n"
                 "  oilh  %%r1,0x8000\n"       /* bit 32: 31-bit mode */
                 "  bsm   0,%%r1\n"
                 "  j     2f\n"
                 "1: tam\n"
                 "  ipm   %[ipm]\n"
                 "  bsm   %[r2],0\n"            /* 31-bit: bit 32 one */
                 "  sam24\n"
                 "  bsm   %[r3],0\n"            /* 24-bit: bit 32 zero */
                 "  sam64\n"
                 "2:\n"
                 : [ipm] "=&d"(ipm), [r2] "+d"(r2), [r3] "+d"(r3) : : "r1", "cc");
    rt_check_u64("bsm to 31-bit: tam cc 1", rt_cc_from_ipm(ipm), 1);
    rt_check_u64("bsm r1 in 31-bit mode: bit 32 one", r2, 0xfedcba9880000001ull);
    rt_check_u64("bsm r1 in 24-bit mode: bit 32 zero", r3, 0xfedcba987fffffffull);

    /* Bit 63 one: 64-bit mode, the branch address drops bit 63. */
    asm volatile("  larl  %%r1,1f\n"
                 "  oill  %%r1,1\n"
                 "  sam31\n"
                 "  bsm   0,%%r1\n"
                 "  sam64\n"
                 "  lghi  %[lbl],0\n"
                 "  j     2f\n"
                 "1: tam\n"
                 "  ipm   %[ipm]\n"
                 "  larl  %[lbl],1b\n"
                 "2:\n"
                 : [ipm] "=&d"(ipm), [lbl] "=&d"(lbl) : : "r1", "cc");
    rt_check(lbl != 0, "bsm bit 63: branch taken to the even address");
    rt_check_u64("bsm bit 63: 64-bit mode", rt_cc_from_ipm(ipm), 3);
}

static void test_bassm(void)
{
    uint64_t link, next, ipm, link31;

    /* From the 64-bit mode to the 24-bit mode: link has bit 63 one. */
    asm volatile("  larl  %%r1,1f\n"
                 "  bassm %[link],%%r1\n"
                 "0: .short 0\n"
                 "1: tam\n"
                 "  ipm   %[ipm]\n"
                 "  sam64\n"
                 "  larl  %[next],0b\n"
                 : [link] "=&d"(link), [next] "=&d"(next), [ipm] "=&d"(ipm) : : "r1", "cc");
    rt_check_u64("bassm 64-bit link: next address with bit 63 one", link, next | 1);
    rt_check_u64("bassm to 24-bit: tam cc 0", rt_cc_from_ipm(ipm), 0);

    /* In the 31-bit mode: bit 32 one, high half unchanged; R2 = 0 no branch. */
    link31 = 0x5555555500000000ull;
    asm volatile("  sam31\n"
                 "  bassm %[link],0\n"
                 "0: sam64\n"
                 "  larl  %[next],0b\n"
                 : [link] "+d"(link31), [next] "=&d"(next) : : "cc");
    rt_check_u64("bassm 31-bit link, r2=0", link31, 0x5555555580000000ull | next);
}

int main(void)
{
    test_bsm();
    test_bassm();
    return 0;
}
