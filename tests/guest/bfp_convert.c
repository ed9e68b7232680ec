/*
 * bfp_convert.c - BFP conversions (PoO ch. 19): CONVERT FROM FIXED and
 * FROM LOGICAL, CONVERT TO FIXED and TO LOGICAL with every M3 rounding
 * method, CC and the invalid-operation results, LOAD LENGTHENED, LOAD
 * ROUNDED (M3, inexact suppression), LOAD FP INTEGER.
 */
#include "bfp_common.h"

#define ONE   0x3ff0000000000000ull
#define DMAX  0x7fefffffffffffffull
#define NEG   0x8000000000000000ull

static void from_fixed(void)
{
    struct fpres r;

    r = BFPG("cefbr %%f0,%[g]", 0, 0, 0x7fffffff, RN);
    rt_check_u64("cefbr 2^31-1 rn", r.r2 >> 32, 0x4f000000);
    rt_checkf(r.fpc == FPC_FX, "cefbr 2^31-1 inexact");
    r = BFPG("cefbra %%f0,5,%[g],0", 0, 0, 0x7fffffff, RN);
    rt_check_u64("cefbra 2^31-1 rz", r.r2 >> 32, 0x4effffff);
    r = BFPG("cefbr %%f0,%[g]", 0, 0, 0xffffffffull, RN);
    rt_check_u64("cefbr -1", r.r2 >> 32, 0xbf800000);
    rt_checkf(r.fpc == 0, "cefbr -1 exact");
    r = BFPG("cefbr %%f0,%[g]", 0, 0, 0xaaaaaaaa00000000ull, RN);
    rt_check_u64("cefbr 0 is +0 (bits 32-63 only)", r.r2 >> 32, 0);
    r = BFPG("cdfbr %%f0,%[g]", 0, 0, 0x80000000ull, RN);
    rt_check_u64("cdfbr -2^31", r.r2, 0xc1e0000000000000ull);
    r = BFPG("cdgbr %%f0,%[g]", 0, 0, (1ull << 53) + 1, RN);
    rt_check_u64("cdgbr 2^53+1 rn", r.r2, 0x4340000000000000ull);
    rt_checkf(r.fpc == FPC_FX, "cdgbr 2^53+1 inexact");
    r = BFPG("cdgbra %%f0,6,%[g],0", 0, 0, (1ull << 53) + 1, RN);
    rt_check_u64("cdgbra 2^53+1 rp", r.r2, 0x4340000000000001ull);
    r = BFPG("cdgbra %%f0,0,%[g],4", 0, 0, (1ull << 53) + 1, RN);
    rt_checkf(r.fpc == 0, "cdgbra xxc suppresses inexact");
    r = BFPG("cdgbr %%f0,%[g]", 0, 0, 0x8000000000000000ull, RN);
    rt_check_u64("cdgbr -2^63", r.r2, 0xc3e0000000000000ull);
    r = BFPG("cegbr %%f0,%[g]", 0, 0, 0xfffffffffffffffdull, RN);
    rt_check_u64("cegbr -3", r.r2 >> 32, 0xc0400000);
    r = BFPG("celfbr %%f0,0,%[g],0", 0, 0, 0xffffffffull, RN);
    rt_check_u64("celfbr 2^32-1", r.r2 >> 32, 0x4f800000);
    r = BFPG("cdlfbr %%f0,0,%[g],0", 0, 0, 0xffffffffull, RN);
    rt_check_u64("cdlfbr 2^32-1", r.r2, 0x41efffffffe00000ull);
    rt_checkf(r.fpc == 0, "cdlfbr exact");
    r = BFPG("celgbr %%f0,0,%[g],0", 0, 0, ~0ull, RN);
    rt_check_u64("celgbr 2^64-1", r.r2 >> 32, 0x5f800000);
    r = BFPG("cdlgbr %%f0,0,%[g],0", 0, 0, ~0ull, RN);
    rt_check_u64("cdlgbr 2^64-1", r.r2, 0x43f0000000000000ull);
    r = BFPG("cdlgbr %%f0,5,%[g],0", 0, 0, ~0ull, RN);
    rt_check_u64("cdlgbr 2^64-1 rz", r.r2, 0x43efffffffffffffull);
}

static void to_fixed(void)
{
    struct fpres r;

    r = BFPG("cfebr %[g],4,%%f0", S(0x40200000), 0, 0, RN);
    rt_checkf((uint32_t)r.r == 2 && r.cc == 2 && r.fpc == FPC_FX, "cfebr 2.5 m3=4 -> 2");
    r = BFPG("cfebr %[g],1,%%f0", S(0x40200000), 0, 0, RN);
    rt_checkf((uint32_t)r.r == 3 && r.cc == 2, "cfebr 2.5 m3=1 -> 3");
    r = BFPG("cfebr %[g],5,%%f0", S(0x40200000), 0, 0, RN);
    rt_checkf((uint32_t)r.r == 2, "cfebr 2.5 m3=5 -> 2");
    r = BFPG("cfebr %[g],6,%%f0", S(0x40200000), 0, 0, RN);
    rt_checkf((uint32_t)r.r == 3, "cfebr 2.5 m3=6 -> 3");
    r = BFPG("cfebr %[g],7,%%f0", S(0x40200000), 0, 0, RN);
    rt_checkf((uint32_t)r.r == 2, "cfebr 2.5 m3=7 -> 2");
    r = BFPG("cfebr %[g],7,%%f0", S(0xc0200000), 0, 0, RN);
    rt_checkf((uint32_t)r.r == 0xfffffffd && r.cc == 1, "cfebr -2.5 m3=7 -> -3");
    r = BFPG("cfebr %[g],1,%%f0", S(0xc0200000), 0, 0, RN);
    rt_checkf((uint32_t)r.r == 0xfffffffd, "cfebr -2.5 m3=1 -> -3");
    r = BFPG("cfebr %[g],4,%%f0", S(0xc0200000), 0, 0, RN);
    rt_checkf((uint32_t)r.r == 0xfffffffe, "cfebr -2.5 m3=4 -> -2");
    r = BFPG("cfebr %[g],0,%%f0", S(0x40200000), 0, 0, RP);
    rt_checkf((uint32_t)r.r == 3, "cfebr 2.5 m3=0 fpc rp -> 3");
    r = BFPG("cfebr %[g],3,%%f0", S(0x40200000), 0, 0, RN);
    rt_checkf((uint32_t)r.r == 3, "cfebr 2.5 m3=3 prepare shorter -> 3");
    r = BFPG("cfebr %[g],3,%%f0", S(0x40400000), 0, 0, RN);
    rt_checkf((uint32_t)r.r == 3 && r.fpc == 0, "cfebr 3.0 m3=3 exact");
    r = BFPG("cfebr %[g],0,%%f0", S(0x7fc00000), 0, 0x5555555500000000ull, RN);
    rt_check_u64("cfebr nan", r.r, 0x5555555580000000ull);
    rt_checkf(r.cc == 3 && r.fpc == FPC_FI, "cfebr nan cc 3, invalid");
    r = BFPG("cfebr %[g],0,%%f0", S(0x4f32d05e), 0, 0, RN);
    rt_checkf((uint32_t)r.r == 0x7fffffff && r.cc == 3, "cfebr 3e9 -> max");
    r = BFPG("cfebr %[g],0,%%f0", S(0xcf32d05e), 0, 0, RN);
    rt_checkf((uint32_t)r.r == 0x80000000 && r.cc == 3, "cfebr -3e9 -> min");
    r = BFPG("cfebr %[g],0,%%f0", S(0xff800000), 0, 0, RN);
    rt_checkf((uint32_t)r.r == 0x80000000 && r.cc == 3, "cfebr -inf -> min");
    rt_checkf(r.fpc == (FPC_FI | FPC_FX), "cfebr -inf: invalid and inexact");
    r = BFPG("cfdbr %[g],4,%%f0", 0x41dfffffffe00000ull, 0, 0, RN);
    rt_checkf((uint32_t)r.r == 0x7fffffff && r.cc == 3 && r.fpc == (FPC_FI | FPC_FX),
              "cfdbr 2^31-0.5 rn: out of range");
    r = BFPG("cfdbr %[g],5,%%f0", 0x41dfffffffe00000ull, 0, 0, RN);
    rt_checkf((uint32_t)r.r == 0x7fffffff && r.cc == 2 && r.fpc == FPC_FX, "cfdbr 2^31-0.5 rz");
    r = BFPG("cfdbr %[g],4,%%f0", 0xc1e00000000ccccdull, 0, 0, RN);
    rt_checkf((uint32_t)r.r == 0x80000000 && r.cc == 1, "cfdbr -2^31-0.4 rn");
    r = BFPG("cfdbr %[g],4,%%f0", 0xc1e0000000133333ull, 0, 0, RN);
    rt_checkf((uint32_t)r.r == 0x80000000 && r.cc == 3, "cfdbr -2^31-0.6 rn: out of range");
    r = BFPG("cfdbr %[g],0,%%f0", NEG, 0, 0xaaaaaaaabbbbbbbbull, RN);
    rt_check_u64("cfdbr -0", r.r, 0xaaaaaaaa00000000ull);
    rt_checkf(r.cc == 0 && r.fpc == 0, "cfdbr -0 cc 0");
    r = BFPG("cfdbra %[g],0,%%f0,4", 0x3fd5555555555555ull, 0, 0, RN);
    rt_checkf((uint32_t)r.r == 0 && r.cc == 2 && r.fpc == 0, "cfdbra 1/3 xxc: cc 2, no inexact");
    r = BFPG("cgdbr %[g],0,%%f0", 0x43e158e460913d00ull, 0, 0, RN);
    rt_checkf(r.r == 0x7fffffffffffffffull && r.cc == 3, "cgdbr 1e19 -> max");
    r = BFPG("cgdbr %[g],0,%%f0", 0xc3e0000000000000ull, 0, 0, RN);
    rt_checkf(r.r == 0x8000000000000000ull && r.cc == 1 && r.fpc == 0, "cgdbr -2^63 exact");
    r = BFPG("cgdbr %[g],0,%%f0", 0x7ff0000000000001ull, 0, 0, RN);
    rt_checkf(r.r == 0x8000000000000000ull && r.cc == 3, "cgdbr snan -> min");
    r = BFPG("cgebr %[g],0,%%f0", S(0x42f60000), 0, 0, RN);
    rt_checkf(r.r == 123 && r.cc == 2 && r.fpc == 0, "cgebr 123");
    r = BFPG("cgebr %[g],0,%%f0", S(0xcf000000), 0, 0, RN);
    rt_checkf(r.r == 0xffffffff80000000ull && r.cc == 1, "cgebr -2^31");
    r = BFPG("clfebr %[g],5,%%f0,0", S(0xbf000000), 0, 7, RN);
    rt_checkf(r.r == 0 && r.cc == 1 && r.fpc == FPC_FX, "clfebr -0.5 rz -> 0 cc 1");
    r = BFPG("clfebr %[g],5,%%f0,0", S(0xbf800000), 0, 7, RN);
    rt_checkf(r.r == 0 && r.cc == 3 && r.fpc == (FPC_FI | FPC_FX), "clfebr -1 invalid -> 0");
    r = BFPG("clfdbr %[g],0,%%f0,0", 0x41efffffffe00000ull, 0, 0, RN);
    rt_checkf(r.r == 0xffffffffull && r.cc == 2 && r.fpc == 0, "clfdbr 2^32-1");
    r = BFPG("clfdbr %[g],0,%%f0,0", 0x41f0000000000000ull, 0, 0, RN);
    rt_checkf(r.r == 0xffffffffull && r.cc == 3, "clfdbr 2^32 -> max, cc 3");
    r = BFPG("clgdbr %[g],0,%%f0,0", 0x43f0000000000000ull, 0, 0, RN);
    rt_checkf(r.r == ~0ull && r.cc == 3, "clgdbr 2^64 -> max, cc 3");
    r = BFPG("clgdbr %[g],0,%%f0,0", 0x7ff8000000000000ull, 0, 5, RN);
    rt_checkf(r.r == 0 && r.cc == 3, "clgdbr nan -> 0");
    r = BFPG("clgebr %[g],1,%%f0,0", S(0x3fc00000), 0, 0, RN);
    rt_checkf(r.r == 2 && r.cc == 2, "clgebr 1.5 m3=1 -> 2");
    r = BFPG("clgdbr %[g],0,%%f0,0", 0xc3e0000000000000ull, 0, 0, RN);
    rt_checkf(r.r == 0 && r.cc == 3, "clgdbr -2^63 -> 0, cc 3");
}

static void lengthen_round(void)
{
    static const uint32_t s_third = 0x3eaaaaab;
    struct fpres r;

    r = BFP2("ledbr %%f0,%%f2", 0, 0x3fd5555555555555ull, RN);
    rt_checkf(SR(r) == 0x3eaaaaab && r.fpc == FPC_FX, "ledbr 1/3");
    r = BFP2("ledbra %%f0,5,%%f2,0", 0, 0x3fd5555555555555ull, RN);
    rt_checkf(SR(r) == 0x3eaaaaaa, "ledbra 1/3 rz");
    r = BFP2("ledbra %%f0,3,%%f2,0", 0, 0x3ff0000004000000ull, RN);
    rt_checkf(SR(r) == 0x3f800001 && r.fpc == FPC_FX, "ledbra 1+2^-30 prepare shorter");
    r = BFP2("ledbra %%f0,4,%%f2,0", 0, 0x3ff0000004000000ull, RZ);
    rt_checkf(SR(r) == 0x3f800000, "ledbra 1+2^-30 m3=4");
    r = BFP2("ledbra %%f0,0,%%f2,4", 0, 0x3fd5555555555555ull, RN);
    rt_checkf(SR(r) == 0x3eaaaaab && r.fpc == 0, "ledbra xxc: no inexact");
    r = BFP2("ledbr %%f0,%%f2", 0, DMAX, RN);
    rt_checkf(SR(r) == 0x7f800000 && r.fpc == (FPC_FO | FPC_FX), "ledbr max -> inf");
    r = BFP2("ledbra %%f0,5,%%f2,0", 0, DMAX, RN);
    rt_checkf(SR(r) == 0x7f7fffff && r.fpc == (FPC_FO | FPC_FX), "ledbra max rz -> max");
    r = BFP2("ledbr %%f0,%%f2", 0, 0x7ff4000000000000ull, RN);
    rt_checkf(SR(r) == 0x7fe00000 && r.fpc == FPC_FI, "ledbr snan payload");
    r = BFP2("ledbr %%f0,%%f2", 0, 0xfff8000000000123ull, RN);
    rt_checkf(SR(r) == 0xffc00000 && r.fpc == 0, "ledbr qnan");
    r = BFP2("ledbr %%f0,%%f2", 0, 0x3690000000000000ull, RN);
    rt_checkf(SR(r) == 0 && r.fpc == (FPC_FU | FPC_FX), "ledbr 2^-150 rn -> 0");
    r = BFP2("ledbr %%f0,%%f2", 0, 0x3690000000000000ull, RP);
    rt_checkf(SR(r) == 1 && r.fpc == (FPC_FU | FPC_FX | RP), "ledbr 2^-150 rp");
    r = BFP2("ldebr %%f0,%%f2", 0, S(0x7f800001), RN);
    check_res("ldebr snan", r, 0x7ff8000020000000ull, FPC_FI);
    r = BFP2("ldebr %%f0,%%f2", 0, S(0x00000001), RN);
    check_res("ldebr min subnormal", r, 0x36a0000000000000ull, 0);
    r = BFP2("ldebr %%f0,%%f2", 0, S(0xff800000), RN);
    check_res("ldebr -inf", r, 0xfff0000000000000ull, 0);
    r = BFP2("ldeb %%f0,0(%[b])", 0, (uintptr_t)&s_third, RN);
    check_res("ldeb", r, 0x3fd5555560000000ull, 0);
}

static void fp_integer(void)
{
    struct fpres r;

    r = BFP2("fidbr %%f0,4,%%f2", 0, 0x4004000000000000ull, RN);
    check_res("fidbr 2.5 m3=4", r, 0x4000000000000000ull, FPC_FX);
    r = BFP2("fidbr %%f0,1,%%f2", 0, 0x4004000000000000ull, RN);
    check_res("fidbr 2.5 m3=1", r, 0x4008000000000000ull, FPC_FX);
    r = BFP2("fidbr %%f0,4,%%f2", 0, 0xbfe0000000000000ull, RN);
    check_res("fidbr -0.5 m3=4 -> -0", r, NEG, FPC_FX);
    r = BFP2("fidbra %%f0,4,%%f2,4", 0, 0x4004000000000000ull, RN);
    check_res("fidbra xxc", r, 0x4000000000000000ull, 0);
    r = BFP2("fidbr %%f0,0,%%f2", 0, 0x7e37e43c8800759cull, RN);
    check_res("fidbr 1e300", r, 0x7e37e43c8800759cull, 0);
    r = BFP2("fidbr %%f0,0,%%f2", 0, 0xbff8000000000000ull, RM);
    check_res("fidbr -1.5 fpc rm", r, 0xc000000000000000ull, FPC_FX | RM);
    r = BFP2("fidbr %%f0,0,%%f2", 0, 0x7ff0000000000001ull, RN);
    check_res("fidbr snan", r, 0x7ff8000000000001ull, FPC_FI);
    r = BFP2("fiebr %%f0,5,%%f2", 0, S(0x3fc00000), RN);
    rt_checkf(SR(r) == 0x3f800000 && r.fpc == FPC_FX, "fiebr 1.5 rz");
    r = BFP2("fiebr %%f0,6,%%f2", 0, S(0x3e800000), RN);
    rt_checkf(SR(r) == 0x3f800000, "fiebr 0.25 rp -> 1");
}

static void spec(void)
{
    struct fpres r;

    r = TRAPPING(BFPG("cfdbr %[g],2,%%f0", ONE, 0, 0, RN));
    rt_checkf(r.trapped && r.code == 6, "cfdbr m3=2: specification");
    r = TRAPPING(BFP2("fidbr %%f0,8,%%f2", 0, ONE, RN));
    rt_checkf(r.trapped && r.code == 6, "fidbr m3=8: specification");
    r = TRAPPING(BFP2("ledbra %%f0,2,%%f2,0", 0, ONE, RN));
    rt_checkf(r.trapped && r.code == 6, "ledbra m3=2: specification");
}

int main(void)
{
    from_fixed();
    to_fixed();
    lengthen_round();
    fp_integer();
    spec();
    return 0;
}
