/*
 * hfp_mul.c - HFP multiply (all lengths), divide, square root, load FP
 * integer, convert to/from fixed (with the M3 rounding methods), multiply
 * and add/subtract and the unnormalized multiplies (PoO chapter 18), with
 * their exceptions. Expected values are derived by hand; the square roots
 * use the well-known hex expansions sqrt(2) = 1.6A09E667F3BCC908... and
 * sqrt(3) = 1.BB67AE8584CAA73B... QEMU 7.2 TCG implements none of these
 * (see qemu-deviations.txt), so this runs on sieve only.
 */
#include "hfp_common.h"

#define KEEP 0xdeadbeefull
#define S(x) ((uint64_t)(x) << 32)      /* a short operand in an FPR */

static void rr(const char *name, const uint8_t *insn, uint64_t f4, uint64_t f1, unsigned pm,
               uint64_t e4, unsigned code)
{
    hfp_reset();
    hfp_io.f[4] = f4;
    hfp_io.f[1] = f1;
    hfp_check(name, insn, pm, e4, 0, 0, code);
}

static void rx(const char *name, const uint8_t *insn, uint64_t f4, uint64_t m, uint64_t e4,
               unsigned code)
{
    hfp_reset();
    hfp_io.f[4] = f4;
    hfp_mem[0] = m;
    hfp_check(name, insn, 0, e4, 0, 0, code);
}

static void ext(const char *name, const uint8_t *insn, uint64_t h4, uint64_t l6, uint64_t h1,
                uint64_t l3, uint64_t e4, uint64_t e6, unsigned code)
{
    hfp_reset();
    hfp_io.f[4] = h4;
    hfp_io.f[6] = l6;
    hfp_io.f[1] = h1;
    hfp_io.f[3] = l3;
    hfp_check(name, insn, 0, e4, e6, 0, code);
}

/* RRD/RXF: FPR 4 (first operand), FPR 8 (third), FPR 1 or storage (second). */
static void rrd(const char *name, const uint8_t *insn, uint64_t f4, uint64_t f8, uint64_t f1,
                uint64_t e4, uint64_t e6, unsigned code)
{
    hfp_reset();
    hfp_io.f[4] = f4;
    hfp_io.f[8] = f8;
    hfp_io.f[1] = f1;
    hfp_mem[0] = f1;
    hfp_check(name, insn, 0, e4, e6, 0, code);
}

static void test_multiply(void)
{
    rr("meer 2*3", RRE(0x37), S(0x41200000) | KEEP, S(0x41300000), 0,
       S(0x41600000) | KEEP, 0);
    rr("meer truncates", RRE(0x37), S(0x41ffffff), S(0x41ffffff), 0, S(0x42fffffe), 0);
    rr("meer zero is true zero", RRE(0x37), S(0x41100000), S(0xc3000000), 0, 0, 0);
    rr("meer prenormalizes", RRE(0x37), S(0x43002000), S(0x41300000), 0, S(0x41600000), 0);
    rx("mee negative", RXE(0x37), S(0xc1200000), S(0x41200000), S(0xc1400000), 0);
    rr("mder exact", RR(0x3c), S(0x41ffffff) | KEEP, S(0x41ffffff), 0,
       0x42fffffe00000100ull, 0);
    rx("mde", RX(0x7c), S(0x41123456), S(0x41100000), 0x4112345600000000ull, 0);
    rr("mdr", RR(0x2c), 0x4120000000000000ull, 0x4130000000000000ull, 0,
       0x4160000000000000ull, 0);
    rr("mdr exponent overflow", RR(0x2c), 0x7f10000000000000ull, 0x7f10000000000000ull, 0,
       0x3d10000000000000ull, 0x0c);
    rr("mdr exponent underflow masked", RR(0x2c), 0x0110000000000000ull,
       0x0110000000000000ull, 0, 0, 0);
    rr("mdr exponent underflow", RR(0x2c), 0x0110000000000000ull, 0x0110000000000000ull, 2,
       0x4110000000000000ull, 0x0d);
    rx("md", RX(0x6c), 0x41ffffffffffffffull, 0x41ffffffffffffffull, 0x42fffffffffffffeull, 0);
    ext("mxdr exact", RR(0x27), 0x41ffffffffffffffull, 0, 0x41ffffffffffffffull, 0,
        0x42fffffffffffffeull, 0x3400000000000001ull, 0);
    hfp_reset();
    hfp_io.f[4] = 0x4120000000000000ull;
    hfp_mem[0] = 0xc130000000000000ull;
    hfp_check("mxd", RX(0x67), 0, 0xc160000000000000ull, 0xb300000000000000ull, 0, 0);
    ext("mxr", RR(0x26), 0x4120000000000000ull, 0x3300000000000000ull,
        0x4130000000000000ull, 0x3300000000000000ull,
        0x4160000000000000ull, 0x3300000000000000ull, 0);
    ext("mxr invalid pair", ((const uint8_t[6]){ 0x26, 0x42 }), 0x4120000000000000ull, 0,
        0, 0, 0x4120000000000000ull, 0, 0x06);
}

static void test_divide(void)
{
    rr("der 6/3", RR(0x3d), S(0x41600000) | KEEP, S(0x41300000), 0, S(0x41200000) | KEEP, 0);
    rr("der 1/3", RR(0x3d), S(0x41100000), S(0x41300000), 0, S(0x40555555), 0);
    rr("der 4/2", RR(0x3d), S(0x41400000), S(0x41200000), 0, S(0x41200000), 0);
    rr("der by zero", RR(0x3d), S(0x41100000), S(0x41000000), 0, S(0x41100000), 0x0f);
    rr("der zero dividend", RR(0x3d), S(0xc1000000), S(0x41200000), 0, 0, 0);
    rx("de negative", RX(0x7d), S(0xc1200000), S(0x41400000), S(0xc0800000), 0);
    rr("ddr 1/3", RR(0x2d), 0x4110000000000000ull, 0x4130000000000000ull, 0,
       0x4055555555555555ull, 0);
    rr("ddr underflow", RR(0x2d), 0x0010000000000000ull, 0x4210000000000000ull, 2,
       0x7f10000000000000ull, 0x0d);
    rx("dd overflow", RX(0x6d), 0x7f10000000000000ull, 0x3f10000000000000ull,
       0x0110000000000000ull, 0x0c);
    ext("dxr 1/3", RRE_B2(0x2d), 0x4110000000000000ull, 0x3300000000000000ull,
        0x4130000000000000ull, 0x3300000000000000ull,
        0x4055555555555555ull, 0x3255555555555555ull, 0);
    ext("dxr by zero", RRE_B2(0x2d), 0x4110000000000000ull, 0, 0x4100000000000000ull, 0,
        0x4110000000000000ull, 0, 0x0f);
}

static void test_sqrt(void)
{
    rr("sqer 4", RRE_B2(0x45), KEEP, S(0x41400000), 0, S(0x41200000) | KEEP, 0);
    rr("sqer 16", RRE_B2(0x45), 0, S(0x42100000), 0, S(0x41400000), 0);
    rr("sqer 1", RRE_B2(0x45), 0, S(0x41100000), 0, S(0x41100000), 0);
    rr("sqer 2", RRE_B2(0x45), 0, S(0x41200000), 0, S(0x4116a09e), 0);
    rr("sqer 3 rounds up", RRE_B2(0x45), 0, S(0x41300000), 0, S(0x411bb67b), 0);
    rr("sqer unnormalized 4", RRE_B2(0x45), 0, S(0x42040000), 0, S(0x41200000), 0);
    rr("sqer negative", RRE_B2(0x45), S(0x41100000), S(0xc1400000), 0, S(0x41100000), 0x1d);
    rr("sqdr 2", RRE_B2(0x44), 0, 0x4120000000000000ull, 0, 0x4116a09e667f3bcdull, 0);
    rr("sqdr 3", RRE_B2(0x44), 0, 0x4130000000000000ull, 0, 0x411bb67ae8584caaull, 0);
    rr("sqdr 1/256", RRE_B2(0x44), 0, 0x3f10000000000000ull, 0, 0x4010000000000000ull, 0);
    rx("sqe", RXE(0x34), 0, S(0x42190000), S(0x41500000), 0);
    rx("sqd", RXE(0x35), 0, 0x4140000000000000ull, 0x4120000000000000ull, 0);
    ext("sqxr 4", RRE(0x36), 0, 0, 0x4140000000000000ull, 0x3300000000000000ull,
        0x4120000000000000ull, 0x3300000000000000ull, 0);
    ext("sqxr negative", RRE(0x36), 0, 0, 0xc140000000000000ull, 0, 0, 0, 0x1d);
}

static void test_fp_integer(void)
{
    rr("fier 1.5", RRE(0x77), KEEP, S(0x41180000), 0, S(0x41100000) | KEEP, 0);
    rr("fier -2.5", RRE(0x77), 0, S(0xc1280000), 0, S(0xc1200000), 0);
    rr("fier 0.5 is true zero", RRE(0x77), 0, S(0xc0800000), 0, 0, 0);
    rr("fier unnormalized", RRE(0x77), 0, S(0x43001800), 0, S(0x41100000), 0);
    rr("fidr", RRE(0x7f), 0, 0x42123456789abcdeull, 0, 0x4212000000000000ull, 0);
    rr("fidr large", RRE(0x7f), 0, 0x4f123456789abcdeull, 0, 0x4f123456789abcdeull, 0);
    ext("fixr", RRE(0x67), 0, 0, 0x4118000000000000ull, 0x3300000000000001ull,
        0x4110000000000000ull, 0x3300000000000000ull, 0);
}

static void from_fixed(const char *name, const uint8_t *insn, uint64_t g2, uint64_t e4,
                       uint64_t e6)
{
    hfp_reset();
    hfp_io.f[4] = KEEP;
    hfp_io.g[0] = g2;
    hfp_check(name, insn, 0, e4, e6, 0, 0);
}

static void to_fixed(const char *name, const uint8_t *insn, uint64_t f1, uint64_t g2,
                     unsigned cc, unsigned code)
{
    hfp_reset();
    hfp_io.f[1] = f1;
    hfp_io.f[3] = 0x3300000000000000ull;
    hfp_io.g[0] = 0xaaaaaaaa55555555ull;
    hfp_check_gr(name, insn, g2, cc, code);
}

static void test_convert(void)
{
    from_fixed("cefr 1", RRE_FIX(0xb4), 1, S(0x41100000) | KEEP, 0);
    from_fixed("cefr -16", RRE_FIX(0xb4), 0xfffffff0, S(0xc2100000) | KEEP, 0);
    from_fixed("cefr truncates", RRE_FIX(0xb4), 0xffffffff7fffffffull, S(0x487fffff) | KEEP, 0);
    from_fixed("cefr zero", RRE_FIX(0xb4), 0xffffffff00000000ull, KEEP, 0);
    from_fixed("cdfr", RRE_FIX(0xb5), 0x7fffffff, 0x487fffffff000000ull, 0);
    from_fixed("cxfr", RRE_FIX(0xb6), 1, 0x4110000000000000ull, 0x3300000000000000ull);
    from_fixed("cegr min", RRE_FIX(0xc4), 0x8000000000000000ull, S(0xd0800000) | KEEP, 0);
    from_fixed("cdgr truncates", RRE_FIX(0xc5), 0x123456789abcdef0ull,
               0x50123456789abcdeull, 0);
    from_fixed("cxgr", RRE_FIX(0xc6), 0x123456789abcdef0ull, 0x50123456789abcdeull,
               0x42f0000000000000ull);

    to_fixed("cfer m5 1.5", RRF_E(0xb8, 5), S(0x41180000), 0xaaaaaaaa00000001ull, 2, 0);
    to_fixed("cfer m1 1.5", RRF_E(0xb8, 1), S(0x41180000), 0xaaaaaaaa00000002ull, 2, 0);
    to_fixed("cfer m1 2.5", RRF_E(0xb8, 1), S(0x41280000), 0xaaaaaaaa00000003ull, 2, 0);
    to_fixed("cfer m1 -2.5", RRF_E(0xb8, 1), S(0xc1280000), 0xaaaaaaaafffffffdull, 1, 0);
    to_fixed("cfer m4 2.5", RRF_E(0xb8, 4), S(0x41280000), 0xaaaaaaaa00000002ull, 2, 0);
    to_fixed("cfer m4 3.5", RRF_E(0xb8, 4), S(0x41380000), 0xaaaaaaaa00000004ull, 2, 0);
    to_fixed("cfer m6 1.25", RRF_E(0xb8, 6), S(0x41140000), 0xaaaaaaaa00000002ull, 2, 0);
    to_fixed("cfer m6 -1.25", RRF_E(0xb8, 6), S(0xc1140000), 0xaaaaaaaaffffffffull, 1, 0);
    to_fixed("cfer m7 1.25", RRF_E(0xb8, 7), S(0x41140000), 0xaaaaaaaa00000001ull, 2, 0);
    to_fixed("cfer m7 -1.25", RRF_E(0xb8, 7), S(0xc1140000), 0xaaaaaaaafffffffeull, 1, 0);
    to_fixed("cfer m0 1.75", RRF_E(0xb8, 0), S(0x411c0000), 0xaaaaaaaa00000001ull, 2, 0);
    to_fixed("cfer m1 0.5", RRF_E(0xb8, 1), S(0x40800000), 0xaaaaaaaa00000001ull, 2, 0);
    to_fixed("cfer m4 0.5", RRF_E(0xb8, 4), S(0x40800000), 0xaaaaaaaa00000000ull, 2, 0);
    to_fixed("cfer m6 tiny", RRF_E(0xb8, 6), S(0x3f100000), 0xaaaaaaaa00000001ull, 2, 0);
    to_fixed("cfer m1 tiny", RRF_E(0xb8, 1), S(0x3f100000), 0xaaaaaaaa00000000ull, 2, 0);
    to_fixed("cfer negative zero", RRF_E(0xb8, 5), S(0x80000000), 0xaaaaaaaa00000000ull, 0, 0);
    to_fixed("cfer overflow", RRF_E(0xb8, 5), S(0x49100000), 0xaaaaaaaa7fffffffull, 3, 0);
    to_fixed("cfer negative overflow", RRF_E(0xb8, 5), S(0xc9100000),
             0xaaaaaaaa80000000ull, 3, 0);
    to_fixed("cfer -2^31 fits", RRF_E(0xb8, 5), S(0xc8800000), 0xaaaaaaaa80000000ull, 1, 0);
    to_fixed("cfer m3 2 specification", RRF_E(0xb8, 2), S(0x41100000),
             0xaaaaaaaa55555555ull, 0, 0x06);
    to_fixed("cfer m3 8 specification", RRF_E(0xb8, 8), S(0x41100000),
             0xaaaaaaaa55555555ull, 0, 0x06);
    to_fixed("cfdr", RRF_E(0xb9, 5), 0x4212345678000000ull, 0xaaaaaaaa00000012ull, 2, 0);
    to_fixed("cfxr", RRF_E(0xba, 1), 0x4118000000000000ull, 0xaaaaaaaa00000002ull, 2, 0);
    to_fixed("cger", RRF_E(0xc8, 5), S(0xc2100000), 0xfffffffffffffff0ull, 1, 0);
    to_fixed("cgdr 2^60", RRF_E(0xc9, 5), 0x5010000000000000ull, 0x1000000000000000ull, 2, 0);
    to_fixed("cgdr overflow", RRF_E(0xc9, 5), 0x5080000000000000ull,
             0x7fffffffffffffffull, 3, 0);
    to_fixed("cgdr -2^63 fits", RRF_E(0xc9, 5), 0xd080000000000000ull,
             0x8000000000000000ull, 1, 0);
    to_fixed("cgxr", RRF_E(0xca, 1), 0x4118000000000000ull, 2, 2, 0);
}

static void test_multiply_add(void)
{
    rrd("maer 2*3+1", RRD(0x2e), S(0x41100000) | KEEP, S(0x41200000), S(0x41300000),
        S(0x41700000) | KEEP, 0, 0);
    rrd("mser 2*3-1", RRD(0x2f), S(0x41100000), S(0x41200000), S(0x41300000),
        S(0x41500000), 0, 0);
    rrd("mae", RXF(0x2e), S(0xc1100000), S(0x41200000), S(0x41300000), S(0x41500000), 0, 0);
    rrd("mse", RXF(0x2f), S(0xc1100000), S(0x41200000), S(0x41300000), S(0x41700000), 0, 0);
    rrd("madr", RRD(0x3e), 0x4110000000000000ull, 0x4120000000000000ull,
        0x4130000000000000ull, 0x4170000000000000ull, 0, 0);
    rrd("madr zero product normalizes", RRD(0x3e), 0x4201000000000000ull, 0,
        0x4130000000000000ull, 0x4110000000000000ull, 0, 0);
    rrd("msdr zero result", RRD(0x3f), 0x4160000000000000ull, 0x4120000000000000ull,
        0x4130000000000000ull, 0, 0, 0);
    rrd("mad", RXF(0x3e), 0x4110000000000000ull, 0x4120000000000000ull,
        0x4130000000000000ull, 0x4170000000000000ull, 0, 0);
    rrd("msd", RXF(0x3f), 0x4110000000000000ull, 0x4120000000000000ull,
        0x4130000000000000ull, 0x4150000000000000ull, 0, 0);
    rrd("madr exponent overflow", RRD(0x3e), 0, 0x7f10000000000000ull,
        0x7f10000000000000ull, 0x3d10000000000000ull, 0, 0x0c);
}

static void test_unnormalized(void)
{
    rrd("myr", RRD(0x3b), 0, 0x4110000000000000ull, 0x4120000000000000ull,
        0x4202000000000000ull, 0x3400000000000000ull, 0);
    rrd("myr low digits", RRD(0x3b), 0, 0x41ffffffffffffffull, 0x41ffffffffffffffull,
        0x42fffffffffffffeull, 0x3400000000000001ull, 0);
    rrd("my", RXF(0x3b), 0, 0xc1ffffffffffffffull, 0x41ffffffffffffffull,
        0xc2fffffffffffffeull, 0xb400000000000001ull, 0);
    rrd("myr characteristic wraps", RRD(0x3b), 0, 0x0110000000000000ull,
        0x0120000000000000ull, 0x4202000000000000ull, 0x3400000000000000ull, 0);
    rrd("myr invalid pair", ((const uint8_t[6]){ 0xb3, 0x3b, 0x60, 0x81 }), 0,
        0x4110000000000000ull, 0x4120000000000000ull, 0, 0, 0x06);
    rrd("myhr", RRD(0x3d), 0, 0x41ffffffffffffffull, 0x41ffffffffffffffull,
        0x42fffffffffffffeull, 0, 0);
    rrd("myh", RXF(0x3d), 0, 0x4110000000000000ull, 0x4120000000000000ull,
        0x4202000000000000ull, 0, 0);
    rrd("mylr", RRD(0x39), 0, 0x41ffffffffffffffull, 0x41ffffffffffffffull,
        0x3400000000000001ull, 0, 0);
    rrd("myl", RXF(0x39), 0, 0x41ffffffffffffffull, 0x41ffffffffffffffull,
        0x3400000000000001ull, 0, 0);
    rrd("mayr", RRD(0x3a), 0x4110000000000000ull, 0x4110000000000000ull,
        0x4120000000000000ull, 0x4203000000000000ull, 0x3400000000000000ull, 0);
    hfp_reset();
    hfp_io.f[6] = 0x4110000000000000ull;
    hfp_io.f[8] = 0x4110000000000000ull;
    hfp_io.f[1] = 0x4120000000000000ull;
    hfp_check("mayr r1 names the high register of the pair",
              ((const uint8_t[6]){ 0xb3, 0x3a, 0x60, 0x81 }), 0,
              0x4203000000000000ull, 0x3400000000000000ull, 0, 0);
    rrd("may", RXF(0x3a), 0x4110000000000000ull, 0x4110000000000000ull,
        0x4120000000000000ull, 0x4203000000000000ull, 0x3400000000000000ull, 0);
    rrd("mayhr", RRD(0x3c), 0x4110000000000000ull, 0x4110000000000000ull,
        0x4120000000000000ull, 0x4203000000000000ull, 0, 0);
    rrd("mayh", RXF(0x3c), 0x4110000000000000ull, 0x4110000000000000ull,
        0x4120000000000000ull, 0x4203000000000000ull, 0, 0);
    rrd("maylr", RRD(0x38), 0x3310000000000000ull, 0x4110000000000000ull,
        0x4120000000000000ull, 0x3401000000000000ull, 0, 0);
    rrd("mayl", RXF(0x38), 0x3310000000000000ull, 0x4110000000000000ull,
        0x4120000000000000ull, 0x3401000000000000ull, 0, 0);
}

/* Suppressing exceptions not under EXECUTE: nothing stored, CC kept. */
static void test_direct(void)
{
    HFP_DIRECT("ddr divide by zero", "ddr", 0, 0x4110000000000000ull, 0x4200000000000000ull,
               0x0f, 1, 0, 0x4110000000000000ull);
    HFP_DIRECT("sqdr negative", "sqdr", 0, 0x4110000000000000ull, 0xc140000000000000ull,
               0x1d, 2, 0, 0x4110000000000000ull);
    HFP_DIRECT("mdr exponent underflow", "mdr", 2, 0x0110000000000000ull,
               0x0110000000000000ull, 0x0d, 1, 0, 0x4110000000000000ull);
}

int main(void)
{
    test_direct();
    test_multiply();
    test_divide();
    test_sqrt();
    test_fp_integer();
    test_convert();
    test_multiply_add();
    test_unnormalized();
    return 0;
}
