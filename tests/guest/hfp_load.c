/*
 * hfp_load.c - HFP LOAD LENGTHENED short to long (LDER, LDE), the only
 * HFP instructions QEMU 7.2 TCG implements: the fraction is extended with
 * zeros, sign and characteristic are kept, nothing is normalized.
 */
#include "hfp_common.h"

int main(void)
{
    hfp_reset();
    hfp_io.f[4] = 0xffffffffffffffffull;
    hfp_io.f[1] = 0x41123456deadbeefull;
    hfp_check("lder clears bits 32-63", RRE(0x24), 0, 0x4112345600000000ull, 0, 0, 0);
    hfp_reset();
    hfp_io.f[1] = 0xc2000001ull << 32;
    hfp_check("lder unnormalized kept", RRE(0x24), 0, 0xc200000100000000ull, 0, 0, 0);
    hfp_reset();
    hfp_io.f[4] = 0x0123456789abcdefull;
    hfp_mem[0] = 0x80000000ffffffffull;
    hfp_check("lde negative zero", RXE(0x24), 0, 0x8000000000000000ull, 0, 0, 0);
    hfp_reset();
    hfp_mem[0] = 0x7fffffff00000000ull;
    hfp_check("lde", RXE(0x24), 0, 0x7fffffff00000000ull, 0, 0, 0);

    /* Without the AFP-register control FPRs 0, 2, 4 and 6 still work (the
     * data exception for the others is checked in hfp_arith: QEMU lacks it). */
    uint32_t dxc;
    unsigned code = hfp_exec_no_afp((const uint8_t[6]){ 0xb3, 0x24, 0x00, 0x62 }, &dxc);

    rt_check_u64("lder f6,f2 without AFP: no exception", code, 0);
    return 0;
}
