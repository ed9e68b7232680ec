/*
 * bfp_ext.c - extended (binary128) BFP: arithmetic on FPR pairs, compare,
 * conversions to and from fixed, lengthening/rounding, LOAD FP INTEGER,
 * MULTIPLY long to extended, and the specification exception for a
 * register that does not designate a valid FPR pair (PoO ch. 19, ch. 9).
 */
#include "bfp_common.h"

#define X1H 0x3fff000000000000ull   /* 1.0 */
#define X2H 0x4000000000000000ull   /* 2.0 */
#define X3H 0x4000800000000000ull   /* 3.0 */

static void arith(void)
{
    struct fpres r;

    r = BFPX("axbr %%f0,%%f4", X1H, 0, X1H, 0, RN);
    rt_checkf(r.r == X2H && r.r2 == 0 && r.cc == 2 && r.fpc == 0, "axbr 1+1");
    r = BFPX("sxbr %%f0,%%f4", X1H, 0, X1H, 0, RN);
    rt_checkf(r.r == 0 && r.r2 == 0 && r.cc == 0, "sxbr 1-1");
    r = BFPX("sxbr %%f0,%%f4", X1H, 0, X1H, 1, RN);
    rt_checkf(r.r == 0xbf8f000000000000ull && r.r2 == 0 && r.cc == 1, "sxbr 1-(1+ulp) = -2^-112");
    r = BFPX("dxbr %%f0,%%f4", X1H, 0, X3H, 0, RN);
    rt_checkf(r.r == 0x3ffd555555555555ull && r.r2 == 0x5555555555555555ull && r.fpc == FPC_FX,
              "dxbr 1/3 rn");
    r = BFPX("dxbr %%f0,%%f4", X1H, 0, X3H, 0, RP);
    rt_checkf(r.r == 0x3ffd555555555555ull && r.r2 == 0x5555555555555556ull, "dxbr 1/3 rp");
    r = BFPX("mxbr %%f0,%%f4", X3H, 0, X3H, 0, RN);
    rt_checkf(r.r == 0x4002200000000000ull && r.r2 == 0 && r.fpc == 0, "mxbr 3*3");
    r = BFPX("sqxbr %%f0,%%f4", 0, 0, X2H, 0, RN);
    rt_checkf(r.r == 0x3fff6a09e667f3bcull && r.r2 == 0xc908b2fb1366ea95ull && r.fpc == FPC_FX,
              "sqxbr 2");
    r = BFPX("dxbr %%f0,%%f4", X1H, 0, 0, 0, RN);
    rt_checkf(r.r == 0x7fff000000000000ull && r.r2 == 0 && r.fpc == FPC_FZ, "dxbr 1/0");
    r = BFPX("axbr %%f0,%%f4", 0x7fff000000000000ull, 0, 0xffff000000000000ull, 0, RN);
    rt_checkf(r.r == 0x7fff800000000000ull && r.r2 == 0 && r.cc == 3 && r.fpc == FPC_FI,
              "axbr inf-inf default nan");
    r = BFPX("axbr %%f0,%%f4", X1H, 0, 0x7fff000000000000ull, 3, RN);
    rt_checkf(r.r == 0x7fff800000000000ull && r.r2 == 3 && r.fpc == FPC_FI, "axbr 1+snan");
    r = BFPX("mxbr %%f0,%%f4", 0x7ffeffffffffffffull, ~0ull, X2H, 0, RN);
    rt_checkf(r.r == 0x7fff000000000000ull && r.r2 == 0 && r.fpc == (FPC_FO | FPC_FX),
              "mxbr max*2 overflow");
    r = BFPX("mxbr %%f0,%%f4", 0x0001000000000000ull, 0, 0x3ffe000000000000ull, 0, RN);
    rt_checkf(r.r == 0x0000800000000000ull && r.r2 == 0 && r.fpc == 0, "mxbr min*0.5 subnormal");
}

static void conversions(void)
{
    static const uint64_t onehalf = 0x3ff8000000000000ull;
    static const uint32_t minsub = 1;
    struct fpres r;

    r = BFPG("cxfbr %%f0,%[g]", 0, 0, 0xffffffffull, RN);
    rt_checkf(r.r2 == 0xbfff000000000000ull, "cxfbr -1");
    r = BFPG("cxgbr %%f0,%[g]", 0, 0, 0x7fffffffffffffffull, RN);
    rt_checkf(r.r2 == 0x403dffffffffffffull && r.fpc == 0, "cxgbr 2^63-1 exact");
    r = BFPG("cxlgbr %%f0,0,%[g],0", 0, 0, ~0ull, RN);
    rt_checkf(r.r2 == 0x403effffffffffffull, "cxlgbr 2^64-1");
    r = BFPG("cxlfbr %%f0,0,%[g],0", 0, 0, 0x80000000ull, RN);
    rt_checkf(r.r2 == 0x401e000000000000ull, "cxlfbr 2^31");
    r = BFPG("cfxbr %[g],0,%%f0", 0x3ffd555555555555ull, 0x5555555555555555ull, 0, RN);
    rt_checkf((uint32_t)r.r == 0 && r.cc == 2 && r.fpc == FPC_FX, "cfxbr 1/3");
    r = BFPG("cgxbr %[g],4,%%f0", 0xc000400000000000ull, 0, 0, RN);
    rt_checkf(r.r == (uint64_t)-2 && r.cc == 1, "cgxbr -2.5 m3=4");
    r = BFPG("cgxbr %[g],0,%%f0", 0x403e000000000000ull, 0, 0, RN);
    rt_checkf(r.r == 0x7fffffffffffffffull && r.cc == 3, "cgxbr 2^63 out of range");
    r = BFPG("clfxbr %[g],0,%%f0,0", 0x401efffffffe0000ull, 0, 0, RN);
    rt_checkf(r.r == 0xffffffffull && r.cc == 2 && r.fpc == 0, "clfxbr 2^32-1");
    r = BFPG("clgxbr %[g],5,%%f0,0", 0x3ffe000000000000ull, 0, 9, RN);
    rt_checkf(r.r == 0 && r.cc == 2 && r.fpc == FPC_FX, "clgxbr 0.5 rz");
    /* magnitudes of 2^64 and more are out of range however many fraction
     * bits the extended operand has */
    r = BFPG("clgxbr %[g],5,%%f0,0", 0x4080000000000000ull, 0x3edb2608cull, 9, RN);
    rt_checkf(r.r == ~0ull && r.cc == 3 && r.fpc == (FPC_FI | FPC_FX), "clgxbr 2^129");
    r = BFPG("cgxbr %[g],5,%%f0", 0x4063000000000000ull, 1, 0, RN);
    rt_checkf(r.r == 0x7fffffffffffffffull && r.cc == 3 && r.fpc == (FPC_FI | FPC_FX),
              "cgxbr 2^100");
    r = BFPX("lxdbr %%f0,%%f4", 0, 0, 0x3ff8000000000000ull, 0, RN);
    rt_checkf(r.r == 0x3fff800000000000ull && r.r2 == 0, "lxdbr 1.5");
    r = BFPX("lxebr %%f0,%%f4", 0, 0, S(1), 0, RN);
    rt_checkf(r.r == 0x3f6a000000000000ull && r.r2 == 0, "lxebr min subnormal");
    r = BFPX("lxdb %%f0,0(%[bh])", 0, 0, (uintptr_t)&onehalf, 0, RN);
    rt_checkf(r.r == 0x3fff800000000000ull && r.r2 == 0, "lxdb 1.5");
    r = BFPX("lxeb %%f0,0(%[bh])", 0, 0, (uintptr_t)&minsub, 0, RN);
    rt_checkf(r.r == 0x3f6a000000000000ull && r.r2 == 0, "lxeb min subnormal");
    r = BFPX("lxdbr %%f0,%%f4", 0, 0, 0x7ff4000000000000ull, 0, RN);
    rt_checkf(r.r == 0x7fffc00000000000ull && r.r2 == 0 && r.fpc == FPC_FI, "lxdbr snan");
    r = BFPX("ldxbr %%f0,%%f4", 0, 0, 0x3ffd555555555555ull, 0x5555555555555555ull, RN);
    rt_checkf(r.r == 0x3fd5555555555555ull && r.fpc == FPC_FX, "ldxbr 1/3");
    r = BFPX("ldxbra %%f0,6,%%f4,0", 0, 0, 0x3ffd555555555555ull, 0x5555555555555555ull, RN);
    rt_checkf(r.r == 0x3fd5555555555556ull, "ldxbra 1/3 rp");
    r = BFPX("lexbr %%f0,%%f4", 0, 0, 0x3ffd555555555555ull, 0x5555555555555555ull, RN);
    rt_checkf((r.r >> 32) == 0x3eaaaaab, "lexbr 1/3");
    r = BFPX("ldxbr %%f0,%%f4", 0, 0, 0x7ffeffffffffffffull, 0, RN);
    rt_checkf(r.r == 0x7ff0000000000000ull && r.fpc == (FPC_FO | FPC_FX), "ldxbr huge -> inf");
    r = BFPX("fixbr %%f0,4,%%f4", 0, 0, 0x4000400000000000ull, 0, RN);
    rt_checkf(r.r == X2H && r.r2 == 0 && r.fpc == FPC_FX, "fixbr 2.5 m3=4");
    r = BFPX("fixbra %%f0,1,%%f4,4", 0, 0, 0x4000400000000000ull, 0, RN);
    rt_checkf(r.r == X3H && r.r2 == 0 && r.fpc == 0, "fixbra 2.5 m3=1 xxc");
}

static void pairs(void)
{
    struct fpres r;

    r = TRAPPING(BFPX(".insn rre,0xb34a0000,0,2", X1H, 0, 0, 0, RN));
    rt_checkf(r.trapped && r.code == 6, "axbr f0,f2: specification");
    r = TRAPPING(BFPX(".insn rre,0xb34a0000,2,0", X1H, 0, 0, 0, RN));
    rt_checkf(r.trapped && r.code == 6, "axbr f2,f0: specification");
    r = TRAPPING(BFPX(".insn rre,0xb3050000,2,0", X1H, 0, 0, 0, RN));
    rt_checkf(r.trapped && r.code == 6, "lxdbr f2: specification");
    r = TRAPPING(BFPX(".insn rre,0xb3450000,0,2", X1H, 0, 0, 0, RN));
    rt_checkf(r.trapped && r.code == 6, "ldxbr from f2: specification");
    r = TRAPPING(BFPX(".insn rre,0xb3070000,2,0", X1H, 0, 0, 0, RN));
    rt_checkf(r.trapped && r.code == 6, "mxdbr f2: specification");
    r = TRAPPING(BFPX(".insn rre,0xb3490000,0,6", X1H, 0, 0, 0, RN));
    rt_checkf(r.trapped && r.code == 6, "cxbr f6: specification");
}

/* SRNM sets FPC bits 30-31 and clears bit 29; SRNMB wants address bits
 * 56-60 zero (PoO ch. 9, SET BFP ROUNDING MODE). */
static void rounding_mode(void)
{
    struct rt_pgm_info pi;
    uint64_t fpc, seven = 7;

    asm volatile("sfpc %1\n\tsrnm 2\n\tefpc %0\n\tsfpc %2"
                 : "=&d"(fpc) : "d"(seven), "d"(0ull));
    rt_check_u64("srnm 2 after mode 7: mode 2", fpc & 0xffffffff, 2);
    asm volatile("sfpc %1\n\tsrnmb 0xf07\n\tefpc %0\n\tsfpc %2"
                 : "=&d"(fpc) : "d"(0ull), "d"(0ull));
    rt_check_u64("srnmb 0xf07 (bits 0-55 ignored): mode 7", fpc & 0xffffffff, 7);
    rt_pgm_arm();
    asm volatile("srnmb 0x13" ::: "memory");
    rt_check(rt_pgm_disarm(&pi), "srnmb 0x13 (bit 59 one): interruption");
    rt_check_u64("  specification", pi.code, PGM_SPECIFICATION);
    asm volatile("efpc %0\n\tsfpc %1" : "=&d"(fpc) : "d"(0ull));
    rt_check_u64("  FPC unchanged", fpc & 0xffffffff, 0);
}

int main(void)
{
    rounding_mode();
    arith();
    conversions();
    pairs();
    return 0;
}
