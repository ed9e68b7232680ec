/*
 * bfp_arith.c - BFP add, subtract, multiply, divide, square root and
 * multiply-and-add in short and long format: rounding in every FPC mode,
 * overflow and underflow default results, NaN propagation and the default
 * NaN, CC of add/subtract, FPC flags (PoO ch. 19, ch. 9 "IEEE Exceptions").
 */
#include "bfp_common.h"

#define ONE   0x3ff0000000000000ull
#define TWO   0x4000000000000000ull
#define THREE 0x4008000000000000ull
#define HALF  0x3fe0000000000000ull
#define DMAX  0x7fefffffffffffffull
#define DINF  0x7ff0000000000000ull
#define DNAN  0x7ff8000000000000ull
#define DMIN  0x0010000000000000ull     /* smallest normal */

static void boot_ops(void)
{
    struct fpres r;

    /* Linux's boot: CEFBR, DEBR, CGEBR */
    r = BFPG("cefbr %%f0,%[g]", 0, 0, 10, RN);
    rt_check_u64("cefbr 10", r.r2 >> 32, 0x41200000);
    r = BFP2("debr %%f0,%%f2", S(0x41200000), S(0x40800000), RN);
    check_res("debr 10/4", (struct fpres){ .r = SR(r), .fpc = r.fpc }, 0x40200000, 0);
    r = BFPG("cgebr %[g],5,%%f0", S(0x40200000), 0, -1, RN);
    rt_check_u64("cgebr 2.5 rz", r.r, 2);
    rt_checkf(r.cc == 2, "cgebr 2.5 cc 2");
}

static void add_sub(void)
{
    struct fpres r;

    r = BFP2("adbr %%f0,%%f2", ONE, TWO, RN);
    check_res_cc("adbr 1+2", r, THREE, 0, 2);
    r = BFP2("sdbr %%f0,%%f2", ONE, ONE, RN);
    check_res_cc("sdbr 1-1 rn", r, 0, 0, 0);
    r = BFP2("sdbr %%f0,%%f2", ONE, ONE, RM);
    check_res_cc("sdbr 1-1 rm is -0", r, 0x8000000000000000ull, RM, 0);
    r = BFP2("adbr %%f0,%%f2", 0x8000000000000000ull, 0x8000000000000000ull, RN);
    check_res_cc("adbr -0 + -0", r, 0x8000000000000000ull, 0, 0);
    r = BFP2("adbr %%f0,%%f2", 0xbff0000000000000ull, HALF, RN);
    check_res_cc("adbr -1+0.5", r, 0xbfe0000000000000ull, 0, 1);
    /* 1 + 2^-53: a tie, to even 1; toward +inf 1+2^-52 */
    r = BFP2("adbr %%f0,%%f2", ONE, 0x3ca0000000000000ull, RN);
    check_res("adbr 1+2^-53 rn", r, ONE, FPC_FX);
    r = BFP2("adbr %%f0,%%f2", ONE, 0x3ca0000000000000ull, RP);
    check_res("adbr 1+2^-53 rp", r, ONE + 1, FPC_FX | RP);
    r = BFP2("sdbr %%f0,%%f2", ONE, 0x3ca0000000000000ull, RN);
    check_res("sdbr 1-2^-53 exact", r, 0x3fefffffffffffffull, 0);
    r = BFP2("sdbr %%f0,%%f2", ONE, 0x3c90000000000000ull, RZ);
    check_res("sdbr 1-2^-54 rz", r, 0x3fefffffffffffffull, FPC_FX | RZ);
    r = BFP2("sdbr %%f0,%%f2", ONE, 0x3c90000000000000ull, RN);
    check_res("sdbr 1-2^-54 rn", r, ONE, FPC_FX);
    r = BFP2("aebr %%f0,%%f2", S(0x3f800000), S(0x33800000), RN);    /* 1 + 2^-24 */
    check_res_cc("aebr 1+2^-24 rn", (struct fpres){ .r = SR(r), .fpc = r.fpc, .cc = r.cc },
                 0x3f800000, FPC_FX, 2);
    r = BFP2("aebr %%f0,%%f2", S(0x3f800000), S(0x33800000), RP);
    rt_check_u64("aebr 1+2^-24 rp", SR(r), 0x3f800001);
    r = BFP2("sebr %%f0,%%f2", S(0x3f800000), S(0x40000000), RN);
    rt_check_u64("sebr 1-2", SR(r), 0xbf800000);
    rt_checkf(r.cc == 1, "sebr 1-2 cc 1");
    /* overflow */
    r = BFP2("adbr %%f0,%%f2", DMAX, DMAX, RN);
    check_res_cc("adbr max+max rn", r, DINF, FPC_FO | FPC_FX, 2);
    r = BFP2("adbr %%f0,%%f2", DMAX, DMAX, RZ);
    check_res("adbr max+max rz", r, DMAX, FPC_FO | FPC_FX | RZ);
    r = BFP2("adbr %%f0,%%f2", DMAX | 1ull << 63, DMAX | 1ull << 63, RP);
    check_res("adbr -max-max rp", r, DMAX | 1ull << 63, FPC_FO | FPC_FX | RP);
    r = BFP2("adbr %%f0,%%f2", DMAX | 1ull << 63, DMAX | 1ull << 63, RM);
    check_res("adbr -max-max rm", r, DINF | 1ull << 63, FPC_FO | FPC_FX | RM);
    r = BFP2("adbr %%f0,%%f2", DMAX, DMAX, RO);
    check_res("adbr max+max ro", r, DMAX, FPC_FO | FPC_FX | RO);
    /* tiny exact differences raise nothing */
    r = BFP2("sdbr %%f0,%%f2", DMIN + 1, DMIN, RN);
    check_res("sdbr tiny exact", r, 1, 0);
    /* infinities */
    r = BFP2("adbr %%f0,%%f2", DINF, DINF | 1ull << 63, RN);
    check_res_cc("adbr inf-inf", r, DNAN, FPC_FI, 3);
    r = BFP2("sdbr %%f0,%%f2", DINF, ONE, RN);
    check_res_cc("sdbr inf-1", r, DINF, 0, 2);
    r = BFP2("aebr %%f0,%%f2", S(0x7f800000), S(0xff800000), RN);
    rt_check_u64("aebr inf-inf default nan", SR(r), 0x7fc00000);
}

static void nans(void)
{
    struct fpres r;

    r = BFP2("adbr %%f0,%%f2", 0x7ff0000000000001ull, ONE, RN);
    check_res_cc("adbr snan+1", r, 0x7ff8000000000001ull, FPC_FI, 3);
    r = BFP2("adbr %%f0,%%f2", ONE, 0xfff4000000000000ull, RN);
    check_res("adbr 1+(-snan)", r, 0xfffc000000000000ull, FPC_FI);
    r = BFP2("adbr %%f0,%%f2", 0x7ff8000000000002ull, 0x7ff0000000000003ull, RN);
    check_res("adbr qnan+snan: snan wins", r, 0x7ff8000000000003ull, FPC_FI);
    r = BFP2("adbr %%f0,%%f2", 0x7ff8000000000002ull, 0xfff8000000000005ull, RN);
    check_res("adbr qnan+qnan: first", r, 0x7ff8000000000002ull, 0);
    r = BFP2("sdbr %%f0,%%f2", ONE, 0xfff8000000000005ull, RN);
    check_res("sdbr 1-qnan: nan unchanged", r, 0xfff8000000000005ull, 0);
    r = BFP2("mdbr %%f0,%%f2", 0x7ff0000000000003ull, 0x7ff0000000000005ull, RN);
    check_res("mdbr snan*snan: first", r, 0x7ff8000000000003ull, FPC_FI);
    r = BFP2("ddbr %%f0,%%f2", 0x7ff8000000000007ull, 0, RN);
    check_res("ddbr qnan/0: no divide", r, 0x7ff8000000000007ull, 0);
    r = BFP2("meebr %%f0,%%f2", S(0x7f800001), S(0x3f800000), RN);
    rt_check_u64("meebr snan*1", SR(r), 0x7fc00001);
    rt_checkf(r.fpc == FPC_FI, "meebr snan*1 invalid");
}

static void mul_div(void)
{
    struct fpres r;

    r = BFP2("ddbr %%f0,%%f2", ONE, THREE, RN);
    check_res("ddbr 1/3 rn", r, 0x3fd5555555555555ull, FPC_FX);
    r = BFP2("ddbr %%f0,%%f2", ONE, THREE, RZ);
    check_res("ddbr 1/3 rz", r, 0x3fd5555555555555ull, FPC_FX | RZ);
    r = BFP2("ddbr %%f0,%%f2", ONE, THREE, RP);
    check_res("ddbr 1/3 rp", r, 0x3fd5555555555556ull, FPC_FX | RP);
    r = BFP2("ddbr %%f0,%%f2", ONE | 1ull << 63, THREE, RP);
    check_res("ddbr -1/3 rp", r, 0xbfd5555555555555ull, FPC_FX | RP);
    r = BFP2("ddbr %%f0,%%f2", ONE | 1ull << 63, THREE, RM);
    check_res("ddbr -1/3 rm", r, 0xbfd5555555555556ull, FPC_FX | RM);
    r = BFP2("ddbr %%f0,%%f2", TWO, THREE, RN);     /* 2/3: ...5555|0101 -> rounds down */
    check_res("ddbr 2/3 rn", r, 0x3fe5555555555555ull, FPC_FX);
    r = BFP2("ddbr %%f0,%%f2", 0x4014000000000000ull, THREE, RN);   /* 5/3 = 1.1010..|1010 up */
    check_res("ddbr 5/3 rn", r, 0x3ffaaaaaaaaaaaabull, FPC_FX);
    r = BFP2("debr %%f0,%%f2", S(0x3f800000), S(0x40400000), RN);
    rt_check_u64("debr 1/3 rn", SR(r), 0x3eaaaaab);
    r = BFP2("debr %%f0,%%f2", S(0x3f800000), S(0x40400000), RZ);
    rt_check_u64("debr 1/3 rz", SR(r), 0x3eaaaaaa);
    r = BFP2("debr %%f0,%%f2", S(0x3f800000), S(0x40400000), RO);
    rt_check_u64("debr 1/3 prepare shorter", SR(r), 0x3eaaaaab);
    r = BFP2("ddbr %%f0,%%f2", ONE, 0, RN);
    check_res("ddbr 1/0", r, DINF, FPC_FZ);
    r = BFP2("ddbr %%f0,%%f2", ONE | 1ull << 63, 0, RN);
    check_res("ddbr -1/+0", r, DINF | 1ull << 63, FPC_FZ);
    r = BFP2("ddbr %%f0,%%f2", 0, 0, RN);
    check_res("ddbr 0/0", r, DNAN, FPC_FI);
    r = BFP2("mdbr %%f0,%%f2", 0, DINF, RN);
    check_res("mdbr 0*inf", r, DNAN, FPC_FI);
    r = BFP2("mdbr %%f0,%%f2", 0x8000000000000000ull, THREE, RN);
    check_res("mdbr -0*3", r, 0x8000000000000000ull, 0);
    r = BFP2("mdbr %%f0,%%f2", DMAX, TWO, RN);
    check_res("mdbr max*2 rn", r, DINF, FPC_FO | FPC_FX);
    r = BFP2("mdbr %%f0,%%f2", DMAX, TWO, RZ);
    check_res("mdbr max*2 rz", r, DMAX, FPC_FO | FPC_FX | RZ);
    /* gradual underflow */
    r = BFP2("mdbr %%f0,%%f2", DMIN, HALF, RN);
    check_res("mdbr min*0.5 exact subnormal", r, 0x0008000000000000ull, 0);
    r = BFP2("mdbr %%f0,%%f2", DMIN + 1, HALF, RN);
    check_res("mdbr (min+ulp)*0.5 rn", r, 0x0008000000000000ull, FPC_FU | FPC_FX);
    r = BFP2("mdbr %%f0,%%f2", DMIN + 1, HALF, RP);
    check_res("mdbr (min+ulp)*0.5 rp", r, 0x0008000000000001ull, FPC_FU | FPC_FX | RP);
    r = BFP2("mdbr %%f0,%%f2", 1, HALF, RN);
    check_res("mdbr minsub*0.5 rn -> 0", r, 0, FPC_FU | FPC_FX);
    r = BFP2("mdbr %%f0,%%f2", 1 | 1ull << 63, HALF, RM);
    check_res("mdbr -minsub*0.5 rm", r, 1 | 1ull << 63, FPC_FU | FPC_FX | RM);
    /* (1+2^-27) * (2^-1022 - 2^-1049) = Nmin(1 - 2^-54): rounds to Nmin;
     * tiny before rounding (PoO: the precise intermediate value) */
    r = BFP2("mdbr %%f0,%%f2", 0x3ff0000002000000ull, 0x000ffffffe000000ull, RN);
    check_res("mdbr rounds up to Nmin: tiny", r, DMIN, FPC_FU | FPC_FX);
    r = BFP2("mdbr %%f0,%%f2", DMIN, DMIN, RZ);
    check_res("mdbr min*min rz", r, 0, FPC_FU | FPC_FX | RZ);
    /* short multiply and multiply lengthening: 0x3eaaaaab * 3 = 1 + 2^-25 */
    r = BFP2("meebr %%f0,%%f2", S(0x3eaaaaab), S(0x40400000), RN);
    rt_check_u64("meebr 0x3eaaaaab*3 rn", SR(r), 0x3f800000);
    rt_checkf(r.fpc == FPC_FX, "meebr inexact");
}

static void sqrt_fma(void)
{
    struct fpres r;

    r = BFP2("sqdbr %%f0,%%f2", 0, TWO, RN);
    check_res("sqdbr 2", r, 0x3ff6a09e667f3bcdull, FPC_FX);
    r = BFP2("sqdbr %%f0,%%f2", 0, 0x4010000000000000ull, RN);
    check_res("sqdbr 4", r, TWO, 0);
    r = BFP2("sqebr %%f0,%%f2", 0, S(0x40000000), RN);
    rt_check_u64("sqebr 2", SR(r), 0x3fb504f3);
    r = BFP2("sqebr %%f0,%%f2", 0, S(0x40000000), RP);
    rt_check_u64("sqebr 2 rp", SR(r), 0x3fb504f4);
    r = BFP2("sqdbr %%f0,%%f2", 0, 0x8000000000000000ull, RN);
    check_res("sqdbr -0", r, 0x8000000000000000ull, 0);
    r = BFP2("sqdbr %%f0,%%f2", 0, ONE | 1ull << 63, RN);
    check_res("sqdbr -1", r, DNAN, FPC_FI);
    r = BFP2("sqdbr %%f0,%%f2", 0, 1, RN);          /* sqrt(2^-1074) = 2^-537 */
    check_res("sqdbr minsub", r, 0x1e60000000000000ull, 0);
    /* fused: (1+2^-52)^2 - (1+2^-51) = 2^-104 */
    r = BFP3("madbr %%f0,%%f2,%%f4", 0xbff0000000000002ull, ONE + 1, ONE + 1, RN);
    check_res("madbr fused", r, 0x3970000000000000ull, 0);
    r = BFP3("msdbr %%f0,%%f2,%%f4", ONE + 2, ONE + 1, ONE + 1, RN);
    check_res("msdbr fused", r, 0x3970000000000000ull, 0);
    r = BFP3("madbr %%f0,%%f2,%%f4", ONE, TWO, THREE, RN);
    check_res("madbr 1+2*3", r, 0x401c000000000000ull, 0);
    r = BFP3("msdbr %%f0,%%f2,%%f4", 0x401c000000000000ull, TWO, THREE, RN);
    check_res("msdbr 2*3-7 = -1", r, 0xbff0000000000000ull, 0);
    r = BFP3("msdbr %%f0,%%f2,%%f4", 0x4018000000000000ull, TWO, THREE, RM);
    check_res("msdbr 2*3-6 rm = -0", r, 0x8000000000000000ull, RM);
    r = BFP3("maebr %%f0,%%f2,%%f4", S(0x3f800000), S(0x40000000), S(0x40400000), RN);
    rt_check_u64("maebr 1+2*3", SR(r), 0x40e00000);
    r = BFP3("madbr %%f0,%%f2,%%f4", DNAN | 5, 0, DINF, RN);
    check_res("madbr 0*inf+qnan: the nan", r, DNAN | 5, 0);
    r = BFP3("madbr %%f0,%%f2,%%f4", DNAN | 5, ONE, DNAN | 7, RN);
    check_res("madbr nan order: r2 before r1", r, DNAN | 7, 0);
    r = BFP3("madbr %%f0,%%f2,%%f4", ONE, DINF, ONE, RN);
    check_res("madbr inf*1+1", r, DINF, 0);
    r = BFP3("madbr %%f0,%%f2,%%f4", DINF | 1ull << 63, DINF, ONE, RN);
    check_res("madbr inf*1-inf", r, DNAN, FPC_FI);
}

static void storage_forms(void)
{
    static const uint64_t three = THREE;
    static const uint32_t s_three = 0x40400000;
    struct fpres r;

    r = BFP2("adb %%f0,0(%[b])", ONE, (uintptr_t)&three, RN);
    check_res("adb", r, 0x4010000000000000ull, 0);
    r = BFP2("sdb %%f0,0(%[b])", ONE, (uintptr_t)&three, RN);
    check_res("sdb", r, 0xc000000000000000ull, 0);
    r = BFP2("mdb %%f0,0(%[b])", TWO, (uintptr_t)&three, RN);
    check_res("mdb", r, 0x4018000000000000ull, 0);
    r = BFP2("ddb %%f0,0(%[b])", ONE, (uintptr_t)&three, RN);
    check_res("ddb", r, 0x3fd5555555555555ull, FPC_FX);
    r = BFP2("sqdb %%f0,0(%[b])", 0, (uintptr_t)&three, RN);
    check_res("sqdb 3", r, 0x3ffbb67ae8584caaull, FPC_FX);
    r = BFP2("aeb %%f0,0(%[b])", S(0x3f800000), (uintptr_t)&s_three, RN);
    rt_check_u64("aeb", SR(r), 0x40800000);
    r = BFP2("seb %%f0,0(%[b])", S(0x3f800000), (uintptr_t)&s_three, RN);
    rt_check_u64("seb", SR(r), 0xc0000000);
    r = BFP2("meeb %%f0,0(%[b])", S(0x40000000), (uintptr_t)&s_three, RN);
    rt_check_u64("meeb", SR(r), 0x40c00000);
    r = BFP2("deb %%f0,0(%[b])", S(0x3f800000), (uintptr_t)&s_three, RN);
    rt_check_u64("deb", SR(r), 0x3eaaaaab);
    r = BFP2("sqeb %%f0,0(%[b])", 0, (uintptr_t)&s_three, RN);
    rt_check_u64("sqeb 3", SR(r), 0x3fddb3d7);
    r = BFP3("madb %%f0,%%f2,0(%[c])", ONE, TWO, (uintptr_t)&three, RN);
    check_res("madb", r, 0x401c000000000000ull, 0);
    r = BFP3("msdb %%f0,%%f2,0(%[c])", ONE, TWO, (uintptr_t)&three, RN);
    check_res("msdb", r, 0x4014000000000000ull, 0);
    r = BFP3("maeb %%f0,%%f2,0(%[c])", S(0x3f800000), S(0x40000000), (uintptr_t)&s_three, RN);
    rt_check_u64("maeb", SR(r), 0x40e00000);
    r = BFP3("mseb %%f0,%%f2,0(%[c])", S(0x3f800000), S(0x40000000), (uintptr_t)&s_three, RN);
    rt_check_u64("mseb", SR(r), 0x40a00000);
}

int main(void)
{
    boot_ops();
    add_sub();
    nans();
    mul_div();
    sqrt_fma();
    storage_forms();
    return 0;
}
