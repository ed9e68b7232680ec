/* INSERT PSW KEY after SET PSW KEY FROM ADDRESS (PoO ch. 10). QEMU 7.2
 * TCG lacks IPK, so this runs on sieve only (qemu-deviations.txt). */
#include "rt/rt.h"

int main(void)
{
    uint64_t gr2;

    asm volatile("spka 0x50\n\tlghi %%r2,-1\n\tipk\n\tlgr %0,%%r2\n\tspka 0"
                 : "=d"(gr2) : : "r2", "memory");
    rt_check_u64("spka 0x50 then ipk: GR2 bits 56-63 = 0x50, rest kept", gr2,
                 0xffffffffffffff50ull);
    return 0;
}
