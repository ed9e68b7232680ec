/*
 * bfp_cmp.c - BFP COMPARE, COMPARE AND SIGNAL, TEST DATA CLASS, LOAD AND
 * TEST / COMPLEMENT / POSITIVE / NEGATIVE (PoO ch. 19): CC, signed zeros,
 * NaNs (quiet compare signals only for signalling NaNs).
 */
#include "bfp_common.h"

#define ONE   0x3ff0000000000000ull
#define TWO   0x4000000000000000ull
#define DINF  0x7ff0000000000000ull
#define QNAN  0x7ff8000000000000ull
#define SNAN  0x7ff0000000000001ull
#define NEG   0x8000000000000000ull

static void compares(void)
{
    struct fpres r;

    r = BFP2("cdbr %%f0,%%f2", ONE, TWO, RN);
    rt_checkf(r.cc == 1 && r.fpc == 0, "cdbr 1<2 cc 1");
    r = BFP2("cdbr %%f0,%%f2", TWO, ONE, RN);
    rt_checkf(r.cc == 2, "cdbr 2>1 cc 2");
    r = BFP2("cdbr %%f0,%%f2", 0, NEG, RN);
    rt_checkf(r.cc == 0, "cdbr +0 = -0");
    r = BFP2("cdbr %%f0,%%f2", ONE | NEG, TWO | NEG, RN);
    rt_checkf(r.cc == 2, "cdbr -1 > -2");
    r = BFP2("cdbr %%f0,%%f2", DINF | NEG, 0xffefffffffffffffull, RN);
    rt_checkf(r.cc == 1, "cdbr -inf < -max");
    r = BFP2("cdbr %%f0,%%f2", 1, NEG, RN);
    rt_checkf(r.cc == 2, "cdbr subnormal > -0");
    r = BFP2("cdbr %%f0,%%f2", QNAN, ONE, RN);
    rt_checkf(r.cc == 3 && r.fpc == 0, "cdbr qnan: cc 3, no flag");
    r = BFP2("cdbr %%f0,%%f2", ONE, SNAN, RN);
    rt_checkf(r.cc == 3 && r.fpc == FPC_FI, "cdbr snan: cc 3, invalid");
    r = BFP2("kdbr %%f0,%%f2", QNAN, ONE, RN);
    rt_checkf(r.cc == 3 && r.fpc == FPC_FI, "kdbr qnan: cc 3, invalid");
    r = BFP2("kdbr %%f0,%%f2", ONE, ONE, RN);
    rt_checkf(r.cc == 0 && r.fpc == 0, "kdbr 1=1");
    r = BFP2("cebr %%f0,%%f2", S(0x3f800000), S(0x3f800001), RN);
    rt_checkf(r.cc == 1, "cebr 1 < 1+ulp");
    r = BFP2("cebr %%f0,%%f2", S(0x7fc00000), S(0x7fc00000), RN);
    rt_checkf(r.cc == 3 && r.fpc == 0, "cebr qnan");
    r = BFP2("kebr %%f0,%%f2", S(0x7fc00000), S(0), RN);
    rt_checkf(r.cc == 3 && r.fpc == FPC_FI, "kebr qnan invalid");
    r = BFP2("kebr %%f0,%%f2", S(0x80000000), S(0), RN);
    rt_checkf(r.cc == 0, "kebr -0 = +0");
    r = BFPX("cxbr %%f0,%%f4", ONE, 0, ONE, 1, RN);
    rt_checkf(r.cc == 1, "cxbr low word decides");
    r = BFPX("cxbr %%f0,%%f4", 0x7fff800000000000ull, 0, 0, 0, RN);
    rt_checkf(r.cc == 3 && r.fpc == 0, "cxbr qnan");
    r = BFPX("kxbr %%f0,%%f4", 0x7fff800000000000ull, 0, 0, 0, RN);
    rt_checkf(r.cc == 3 && r.fpc == FPC_FI, "kxbr qnan invalid");
    r = BFPX("cxbr %%f0,%%f4", 0x7fff000000000000ull, 1, 0, 0, RN);
    rt_checkf(r.cc == 3 && r.fpc == FPC_FI, "cxbr snan invalid");
}

static void storage_compares(void)
{
    static const uint64_t two = TWO;
    static const uint32_t s_two = 0x40000000;
    struct fpres r;

    r = BFP2("cdb %%f0,0(%[b])", ONE, (uintptr_t)&two, RN);
    rt_checkf(r.cc == 1, "cdb");
    r = BFP2("kdb %%f0,0(%[b])", TWO, (uintptr_t)&two, RN);
    rt_checkf(r.cc == 0, "kdb");
    r = BFP2("ceb %%f0,0(%[b])", S(0x40400000), (uintptr_t)&s_two, RN);
    rt_checkf(r.cc == 2, "ceb");
    r = BFP2("keb %%f0,0(%[b])", S(0x7fc00000), (uintptr_t)&s_two, RN);
    rt_checkf(r.cc == 3 && r.fpc == FPC_FI, "keb nan");
}


static unsigned tcdb(uint64_t v, unsigned mask)
{
    struct fpres r = { 0 };
    uint64_t ipm;

    asm volatile("  ld    %%f0,%[v]\n"
                 "  tcdb  %%f0,0(%[m])\n"
                 "  ipm   %[ipm]\n"
                 : [ipm] "=d"(ipm) : [v] "R"(v), [m] "a"((uint64_t)mask) : "f0", "cc");
    r.cc = rt_cc_from_ipm(ipm);
    return r.cc;
}

static unsigned tceb(uint32_t v, unsigned mask)
{
    uint64_t ipm;

    asm volatile("  le    %%f0,%[v]\n"
                 "  tceb  %%f0,0(%[m])\n"
                 "  ipm   %[ipm]\n"
                 : [ipm] "=d"(ipm) : [v] "R"(v), [m] "a"((uint64_t)mask) : "f0", "cc");
    return rt_cc_from_ipm(ipm);
}

static unsigned tcxb(uint64_t hi, uint64_t lo, unsigned mask)
{
    uint64_t ipm;

    asm volatile("  ld    %%f0,%[h]\n"
                 "  ld    %%f2,%[l]\n"
                 "  tcxb  %%f0,0(%[m])\n"
                 "  ipm   %[ipm]\n"
                 : [ipm] "=d"(ipm) : [h] "R"(hi), [l] "R"(lo), [m] "a"((uint64_t)mask)
                 : "f0", "f2", "cc");
    return rt_cc_from_ipm(ipm);
}

static void data_class(void)
{
    rt_checkf(tcdb(0, 0x800) == 1, "tcdb +0");
    rt_checkf(tcdb(NEG, 0x800) == 0, "tcdb -0 not +0");
    rt_checkf(tcdb(NEG, 0x400) == 1, "tcdb -0");
    rt_checkf(tcdb(ONE, 0x200) == 1, "tcdb +normal");
    rt_checkf(tcdb(ONE | NEG, 0x100) == 1, "tcdb -normal");
    rt_checkf(tcdb(1, 0x080) == 1, "tcdb +subnormal");
    rt_checkf(tcdb(1 | NEG, 0x040) == 1, "tcdb -subnormal");
    rt_checkf(tcdb(DINF, 0x020) == 1, "tcdb +inf");
    rt_checkf(tcdb(DINF | NEG, 0x010) == 1, "tcdb -inf");
    rt_checkf(tcdb(QNAN, 0x008) == 1, "tcdb +qnan");
    rt_checkf(tcdb(QNAN | NEG, 0x004) == 1, "tcdb -qnan");
    rt_checkf(tcdb(SNAN, 0x002) == 1, "tcdb +snan");
    rt_checkf(tcdb(SNAN | NEG, 0x001) == 1, "tcdb -snan");
    rt_checkf(tcdb(SNAN | NEG, 0xffe) == 0, "tcdb -snan other bits");
    rt_checkf(tcdb(ONE, 0xdff) == 0, "tcdb normal other bits");
    rt_checkf(tceb(0x00000001, 0x080) == 1, "tceb +subnormal");
    rt_checkf(tceb(0xff800000, 0x010) == 1, "tceb -inf");
    rt_checkf(tceb(0x7f800001, 0x002) == 1, "tceb snan");
    rt_checkf(tceb(0x7fc00000, 0x002) == 0, "tceb qnan is not snan");
    rt_checkf(tcxb(0x7fff000000000000ull, 1, 0x002) == 1, "tcxb snan low bit");
    rt_checkf(tcxb(0x7fff000000000000ull, 0, 0x020) == 1, "tcxb +inf");
    rt_checkf(tcxb(0x0000ffffffffffffull, 0, 0x080) == 1, "tcxb +subnormal");
    rt_checkf(tcxb(0x8001000000000000ull, 0, 0x100) == 1, "tcxb -normal");
}

static void load_sign(void)
{
    struct fpres r;

    r = BFP2("ltdbr %%f0,%%f2", 0, ONE | NEG, RN);
    check_res_cc("ltdbr -1", r, ONE | NEG, 0, 1);
    r = BFP2("ltdbr %%f0,%%f2", 0, NEG, RN);
    check_res_cc("ltdbr -0", r, NEG, 0, 0);
    r = BFP2("ltdbr %%f0,%%f2", 0, QNAN, RN);
    check_res_cc("ltdbr qnan", r, QNAN, 0, 3);
    r = BFP2("lcdbr %%f0,%%f2", 0, SNAN, RN);
    check_res_cc("lcdbr snan: no signal", r, SNAN | NEG, 0, 3);
    r = BFP2("lcdbr %%f0,%%f2", 0, ONE, RN);
    check_res_cc("lcdbr 1", r, ONE | NEG, 0, 1);
    r = BFP2("lcdbr %%f0,%%f2", 0, 0, RN);
    check_res_cc("lcdbr +0", r, NEG, 0, 0);
    r = BFP2("lpdbr %%f0,%%f2", 0, DINF | NEG, RN);
    check_res_cc("lpdbr -inf", r, DINF, 0, 2);
    r = BFP2("lndbr %%f0,%%f2", 0, TWO, RN);
    check_res_cc("lndbr 2", r, TWO | NEG, 0, 1);
    r = BFP2("lndbr %%f0,%%f2", 0, 0, RN);
    check_res_cc("lndbr 0", r, NEG, 0, 0);
    r = BFP2("ltebr %%f0,%%f2", 0xdeadbeefull, S(0xbf800000), RN);
    rt_check_u64("ltebr: bits 32-63 of r1 kept", (uint32_t)r.r, 0xdeadbeef);
    rt_checkf(SR(r) == 0xbf800000 && r.cc == 1, "ltebr -1");
    r = BFP2("lcebr %%f0,%%f2", 0, S(0x3f800000), RN);
    rt_checkf(SR(r) == 0xbf800000 && r.cc == 1, "lcebr 1");
    r = BFP2("lpebr %%f0,%%f2", 0, S(0x80000000), RN);
    rt_checkf(SR(r) == 0 && r.cc == 0, "lpebr -0");
    r = BFP2("lnebr %%f0,%%f2", 0, S(0x7fc00000), RN);
    rt_checkf(SR(r) == 0xffc00000 && r.cc == 3, "lnebr nan");
    r = BFPX("ltxbr %%f0,%%f4", 0, 0, 0xbfff000000000000ull, 5, RN);
    rt_checkf(r.r == 0xbfff000000000000ull && r.r2 == 5 && r.cc == 1, "ltxbr negative");
    r = BFPX("lcxbr %%f0,%%f4", 0, 0, 0x3fff000000000000ull, 5, RN);
    rt_checkf(r.r == 0xbfff000000000000ull && r.r2 == 5 && r.cc == 1, "lcxbr");
    r = BFPX("lpxbr %%f0,%%f4", 0, 0, 0xbfff000000000000ull, 5, RN);
    rt_checkf(r.r == 0x3fff000000000000ull && r.r2 == 5 && r.cc == 2, "lpxbr");
    r = BFPX("lnxbr %%f0,%%f4", 0, 0, 0, 0, RN);
    rt_checkf(r.r == NEG && r.r2 == 0 && r.cc == 0, "lnxbr 0");
}

int main(void)
{
    compares();
    storage_compares();
    data_class();
    load_sign();
    return 0;
}
