/*
 * bfp_strict.c - BFP behaviour where QEMU 7.2 departs from the PoO (run on
 * sieve only, see qemu-deviations.txt):
 * - MULTIPLY (short to long / long to extended): the first operand is
 *   short / long (PoO ch. 19 "MULTIPLY"); QEMU reads it as long / extended.
 * - LOAD AND TEST of a signalling NaN: IEEE invalid, quiet result (PoO
 *   ch. 19 "LOAD AND TEST"); QEMU copies it unchanged without a flag.
 * - Enabled IEEE overflow, underflow and inexact complete: the (scaled)
 *   result is stored and the DXC tells exact / inexact / incremented
 *   (PoO ch. 9 "IEEE Overflow", "IEEE Underflow", "IEEE Inexact", Figure
 *   "Data-Exception Code"); QEMU stores nothing and always reports
 *   "truncated".
 */
#include "bfp_common.h"

#define ONE   0x3ff0000000000000ull
#define THREE 0x4008000000000000ull
#define HALF  0x3fe0000000000000ull
#define DMAX  0x7fefffffffffffffull
#define DMIN  0x0010000000000000ull

static void lengthening_multiply(void)
{
    static const uint32_t s_three = 0x40400000;
    static const uint64_t d_one_ulp = 0x3ff0000000000001ull;
    struct fpres r;

    r = BFP2("mdebr %%f0,%%f2", S(0x3eaaaaab), S(0x40400000), RN);
    check_res("mdebr 0x3eaaaaab*3 exact", r, 0x3ff0000008000000ull, 0);
    r = BFP2("mdebr %%f0,%%f2", S(0x7f7fffff), S(0x7f7fffff), RN);
    check_res("mdebr max*max no overflow", r, 0x4fefffffc0000020ull, 0);
    r = BFP2("mdeb %%f0,0(%[b])", S(0x3eaaaaab), (uintptr_t)&s_three, RN);
    check_res("mdeb", r, 0x3ff0000008000000ull, 0);
    r = BFPX("mxdbr %%f0,%%f4", 0x3ff0000000000001ull, 0, 0x3ff0000000000001ull, 0, RN);
    rt_checkf(r.r == 0x3fff000000000000ull && r.r2 == 0x2000000000000100ull && r.fpc == 0,
              "mxdbr exact square");
    r = BFPX("mxdb %%f0,0(%[bh])", 0x3ff0000000000001ull, 0, (uintptr_t)&d_one_ulp, 0, RN);
    rt_checkf(r.r == 0x3fff000000000000ull && r.r2 == 0x2000000000000100ull, "mxdb");
}

static void load_and_test(void)
{
    struct fpres r;

    r = BFP2("ltdbr %%f0,%%f2", 0, 0xfff0000000000001ull, RN);
    check_res_cc("ltdbr -snan", r, 0xfff8000000000001ull, FPC_FI, 3);
    r = BFP2("ltebr %%f0,%%f2", 0xdeadbeefull, S(0x7f800001), RN);
    rt_check_u64("ltebr snan result", SR(r), 0x7fc00001);
    rt_checkf(r.cc == 3 && r.fpc == FPC_FI, "ltebr snan cc 3 invalid");
    r = BFPX("ltxbr %%f0,%%f4", 0, 0, 0x7fff000000000000ull, 1, RN);
    rt_checkf(r.r == 0x7fff800000000000ull && r.r2 == 1 && r.cc == 3 && r.fpc == FPC_FI,
              "ltxbr snan");
    r = TRAPPING(BFP2("ltdbr %%f0,%%f2", ONE, 0x7ff0000000000001ull, FPC_MI));
    rt_checkf(r.trapped && r.dxc == 0x80 && r.r == ONE, "ltdbr snan invalid trap");
}

static void completing_traps(void)
{
    struct fpres r;

    r = TRAPPING(BFP2("ddbr %%f0,%%f2", ONE, THREE, FPC_MX));
    rt_checkf(r.trapped && r.dxc == 0x08, "1/3 inexact trap, truncated");
    rt_check_u64("1/3 inexact trap: result stored", r.r, 0x3fd5555555555555ull);
    r = TRAPPING(BFP2("ddbr %%f0,%%f2", 0x4014000000000000ull, THREE, FPC_MX));
    rt_checkf(r.trapped && r.dxc == 0x0c, "5/3 inexact trap, incremented");
    rt_check_u64("5/3 inexact trap: result stored", r.r, 0x3ffaaaaaaaaaaaabull);
    r = TRAPPING(BFP2("mdbr %%f0,%%f2", DMAX, 0x4000000000000000ull, FPC_MO));
    rt_checkf(r.trapped && r.dxc == 0x20, "max*2 overflow trap, exact");
    rt_check_u64("max*2 overflow trap: scaled result", r.r, 0x1fffffffffffffffull);
    rt_check_u64("max*2 overflow trap: fpc", r.fpc, FPC_MO | 0x2000);
    r = TRAPPING(BFP2("adbr %%f0,%%f2", DMAX, 0x7c90000000000000ull, FPC_MO | RP));
    rt_checkf(r.trapped && r.dxc == 0x2c, "max+ulp/2 rp overflow trap, incremented");
    rt_check_u64("max+ulp/2 rp: scaled 2^1024", r.r, 0x1ff0000000000000ull);
    r = TRAPPING(BFP2("ddbr %%f0,%%f2", DMAX, 0x3fe5555555555555ull, FPC_MO));
    rt_checkf(r.trapped && (r.dxc & 0xf8) == 0x28, "max/(2/3) overflow trap, inexact");
    r = TRAPPING(BFP2("mdbr %%f0,%%f2", DMIN, HALF, FPC_MU));
    rt_checkf(r.trapped && r.dxc == 0x10, "min*0.5 underflow trap, exact");
    rt_check_u64("min*0.5 underflow trap: scaled result", r.r, 0x6000000000000000ull);
    r = TRAPPING(BFP2("mdbr %%f0,%%f2", DMIN, 0x3fd5555555555555ull, FPC_MU));
    rt_checkf(r.trapped && r.dxc == 0x10, "min*(1/3) underflow trap");
    rt_check_u64("min*(1/3) underflow trap: scaled", r.r, 0x5ff5555555555555ull);
    r = TRAPPING(BFP2("mdbr %%f0,%%f2", DMIN + 1, 0x3fd5555555555555ull, FPC_MU));
    rt_checkf(r.trapped && r.dxc == 0x18, "(min+ulp)*(1/3) underflow trap, inexact truncated");
    r = TRAPPING(BFP2("mdbr %%f0,%%f2", DMIN + 1, HALF, FPC_MX));
    rt_checkf(r.trapped && r.dxc == 0x08 && r.r == 0x0008000000000000ull && r.fpc == (FPC_MX |
              FPC_FU | 0x0800), "underflow masked, inexact enabled: flag U, DXC 08, result");
    r = TRAPPING(BFP2("debr %%f0,%%f2", S(0x7f7fffff), S(0x3f000000), FPC_MO));
    rt_checkf(r.trapped && r.dxc == 0x20 && SR(r) == 0x1fffffff, "debr max/0.5 scaled by 192");
}

int main(void)
{
    lengthening_multiply();
    load_and_test();
    completing_traps();
    return 0;
}
