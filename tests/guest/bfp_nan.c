/*
 * bfp_nan.c - NaNs in the extended (binary128) format and across formats
 * (PoO ch. 9 "BFP NaNs", "Result of an IEEE Invalid Operation"; ch. 19):
 * which operand's NaN an arithmetic result takes (a signalling NaN first,
 * the first operand before the second), quieting, the default NaN of
 * invalid operations, the sign of a NaN through subtraction and the sign
 * instructions, payloads through lengthening and rounding, NaNs compared
 * by COMPARE and COMPARE AND SIGNAL and converted to fixed, and the data
 * exception (DXC 0x80, target unchanged) with the invalid mask on.
 */
#include "bfp_common.h"

#define XQH  0x7fff800000000000ull      /* quiet NaN, high doubleword */
#define XSH  0x7fff000000000000ull      /* signalling NaN (with a payload) */
#define XINF 0x7fff000000000000ull
#define X1H  0x3fff000000000000ull      /* 1.0 */
#define SIGN 0x8000000000000000ull

static void check_x(const char *name, struct fpres r, uint64_t h, uint64_t l, uint32_t fpc)
{
    rt_checkf(r.r == h && r.r2 == l, "%s: %016llx %016llx (got %016llx %016llx)", name,
              (unsigned long long)h, (unsigned long long)l, (unsigned long long)r.r,
              (unsigned long long)r.r2);
    rt_checkf(r.fpc == fpc, "%s: fpc %08x (got %08x)", name, fpc, r.fpc);
}

static void propagation(void)
{
    struct fpres r;

    r = BFPX("mxbr %%f0,%%f4", XQH, 0x11, XSH, 0x22, RN);
    check_x("mxbr qnan*snan: the snan, quieted", r, XQH, 0x22, FPC_FI);
    r = BFPX("dxbr %%f0,%%f4", SIGN | XSH, 0x33, XQH, 0x44, RN);
    check_x("dxbr snan/qnan: the first, quieted", r, SIGN | XQH, 0x33, FPC_FI);
    r = BFPX("axbr %%f0,%%f4", XSH, 0x55, XSH, 0x66, RN);
    check_x("axbr snan+snan: the first", r, XQH, 0x55, FPC_FI);
    r = BFPX("axbr %%f0,%%f4", XQH, 1, XQH, 2, RN);
    check_x("axbr qnan+qnan: the first, no flag", r, XQH, 1, 0);
    rt_check_u64("axbr qnan+qnan: cc 3", r.cc, 3);
    r = BFPX("sxbr %%f0,%%f4", X1H, 0, SIGN | XQH, 0x77, RN);
    check_x("sxbr 1-(-qnan): the nan, sign kept", r, SIGN | XQH, 0x77, 0);
    r = BFPX("sqxbr %%f0,%%f4", 0, 0, XSH | 5, 6, RN);
    check_x("sqxbr snan: quieted", r, XQH | 5, 6, FPC_FI);
}

static void default_nan(void)
{
    struct fpres r;

    r = BFPX("dxbr %%f0,%%f4", 0, 0, 0, 0, RN);
    check_x("dxbr 0/0: default nan", r, XQH, 0, FPC_FI);
    r = BFPX("mxbr %%f0,%%f4", SIGN, 0, XINF, 0, RN);
    check_x("mxbr -0*inf: default nan (positive)", r, XQH, 0, FPC_FI);
    r = BFPX("sqxbr %%f0,%%f4", 0, 0, SIGN | X1H, 0, RN);
    check_x("sqxbr -1: default nan", r, XQH, 0, FPC_FI);
    r = BFPX("sxbr %%f0,%%f4", XINF, 0, XINF, 0, RN);
    check_x("sxbr inf-inf: default nan", r, XQH, 0, FPC_FI);
}

static void formats(void)
{
    struct fpres r;

    r = BFPX("ldxbr %%f0,%%f4", 0, 0, XSH | 0x123, 0xf000000000000000ull, RN);
    rt_checkf(r.r == 0x7ff800000000123full && r.fpc == FPC_FI,
              "ldxbr snan: leftmost 52 fraction bits, quieted");
    r = BFPX("lexbr %%f0,%%f4", 0, 0, 0xffff800012345678ull, 0, RN);
    rt_checkf(SR(r) == 0xffc00009 && r.fpc == 0, "lexbr -qnan: leftmost 23 fraction bits");
    r = BFPX("lxdbr %%f0,%%f4", 0, 0, 0x7ff80000000000abull, 0, RN);
    check_x("lxdbr qnan: fraction extended on the right", r, 0x7fff80000000000aull,
            0xb000000000000000ull, 0);
    r = BFPX("lxebr %%f0,%%f4", 0, 0, S(0xff812345), 0, RN);
    check_x("lxebr -snan: quieted, fraction extended", r, 0xffff82468a000000ull, 0, FPC_FI);
    r = BFPX("fixbr %%f0,0,%%f4", 0, 0, XSH, 9, RN);
    check_x("fixbr snan: quieted", r, XQH, 9, FPC_FI);
}

static void sign_and_compare(void)
{
    struct fpres r;

    r = BFPX("lcxbr %%f0,%%f4", 0, 0, XSH, 3, RN);
    check_x("lcxbr snan: sign inverted, still signalling, no flag", r, SIGN | XSH, 3, 0);
    rt_check_u64("lcxbr snan: cc 3", r.cc, 3);
    r = BFPX("lpxbr %%f0,%%f4", 0, 0, SIGN | XQH, 4, RN);
    check_x("lpxbr -qnan: positive", r, XQH, 4, 0);
    r = BFPX("lnxbr %%f0,%%f4", 0, 0, XQH, 5, RN);
    check_x("lnxbr qnan: negative", r, SIGN | XQH, 5, 0);
    r = BFPX("cxbr %%f0,%%f4", X1H, 0, XQH, 0, RN);
    rt_checkf(r.cc == 3 && r.fpc == 0, "cxbr 1 vs qnan: cc 3, no flag");
    r = BFPX("cxbr %%f0,%%f4", X1H, 0, XSH, 1, RN);
    rt_checkf(r.cc == 3 && r.fpc == FPC_FI, "cxbr 1 vs snan: cc 3, invalid");
    r = BFPX("kxbr %%f0,%%f4", XQH, 0, X1H, 0, RN);
    rt_checkf(r.cc == 3 && r.fpc == FPC_FI, "kxbr qnan vs 1: cc 3, invalid");
    r = BFPG("cgxbr %[g],0,%%f0", XQH, 0, 0, RN);
    rt_checkf(r.r == SIGN && r.cc == 3 && r.fpc == FPC_FI, "cgxbr qnan: -2^63, cc 3, invalid");
    r = BFPG("cfxbr %[g],0,%%f0", SIGN | XSH, 1, 0x5555555555555555ull, RN);
    rt_checkf(r.r == 0x5555555580000000ull && r.cc == 3 && r.fpc == FPC_FI,
              "cfxbr -snan: -2^31 in bits 32-63, cc 3, invalid");
}

/* With the invalid mask on: data exception, DXC 0x80, target unchanged. */
static void trapping(void)
{
    struct fpres r;

    r = TRAPPING(BFPX("axbr %%f0,%%f4", X1H, 7, XSH, 1, FPC_MI));
    rt_checkf(r.trapped && r.code == PGM_DATA, "axbr 1+snan, invalid enabled: data exception");
    rt_check_u64("axbr: dxc 0x80 in the lowcore", r.dxc, 0x80);
    rt_checkf(r.r == X1H && r.r2 == 7, "axbr: target unchanged");
    rt_check_u64("axbr: fpc mask kept, dxc 0x80, no flag", r.fpc, FPC_MI | 0x8000);
    r = TRAPPING(BFPX("mxbr %%f0,%%f4", 0, 0, XINF, 0, FPC_MI));
    rt_checkf(r.trapped && r.dxc == 0x80 && r.r == 0 && r.r2 == 0,
              "mxbr 0*inf, invalid enabled: dxc 0x80, target unchanged");
    r = TRAPPING(BFPX("axbr %%f0,%%f4", XQH, 7, XQH, 8, FPC_MI));
    rt_checkf(!r.trapped && r.r == XQH && r.r2 == 7 && r.fpc == FPC_MI,
              "axbr qnan+qnan, invalid enabled: no interruption");
    r = TRAPPING(BFPX("ldxbr %%f0,%%f4", X1H, 0, XSH, 1, FPC_MI));
    rt_checkf(r.trapped && r.dxc == 0x80 && r.r == X1H,
              "ldxbr snan, invalid enabled: dxc 0x80, target unchanged");
}

int main(void)
{
    propagation();
    default_nan();
    formats();
    sign_and_compare();
    trapping();
    return 0;
}
