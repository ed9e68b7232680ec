/*
 * fp_hfpbfp.c - CONVERT BFP TO HFP (THDER, THDR) and CONVERT HFP TO BFP
 * (TBEDR, TBDR), PoO ch. 9. Expected values are computed by hand from the
 * PoO rules: BFP to long HFP is exact (a 53-bit significand always fits in
 * 14 hex digits), infinities, NaNs and magnitudes above the largest HFP
 * number give CC 3, magnitudes below the smallest normalized HFP number a
 * true zero; HFP to BFP rounds by the M3 method only (0 is toward zero),
 * never uses or changes the FPC, and a short result may overflow (CC 3).
 * QEMU 7.2 TCG implements none of these four (tests/guest/qemu-deviations.txt).
 */
#include "hfp_common.h"

/* RRE with R1 = 4, R2 = 1; RRF-e with M3 and R1 = 4, R2 = 1. */
#define CONV_RRE(op)     RRE(op)
#define CONV_RRF(op, m3) ((const uint8_t[6]){ 0xb3, (op), (uint8_t)((m3) << 4), 0x41 })

#define THDER 0x58
#define THDR  0x59
#define TBEDR 0x50
#define TBDR  0x51

#define F4_INIT 0x0123456789abcdefull

/* Run @insn with FPR 1 = @f1, FPR 4 = F4_INIT and the FPC @fpc; check FPR 4,
 * the CC, the interruption code and that the FPC is unchanged. */
static void conv(const char *name, const uint8_t *insn, uint64_t f1, uint32_t fpc,
                 uint64_t f4, unsigned cc, unsigned code)
{
    uint32_t after, zero = 0;

    hfp_reset();
    hfp_io.f[1] = f1;
    hfp_io.f[4] = F4_INIT;
    asm volatile("sfpc %0" : : "d"(fpc));
    hfp_check(name, insn, 0, f4, 0, cc, code);
    asm volatile("efpc %0\n\tsfpc %1" : "=&d"(after) : "d"(zero));
    rt_check_u64("  FPC unchanged", after, fpc);
}

/* Short BFP result @s in bits 0-31 of FPR 4, bits 32-63 kept. */
static uint64_t short_res(uint32_t s)
{
    return (uint64_t)s << 32 | (F4_INIT & 0xffffffffu);
}

static void bfp_to_hfp(void)
{
    conv("thder 1.5", CONV_RRE(THDER), 0x3fc00000ull << 32, 0, 0x4118000000000000ull, 2, 0);
    conv("thder -1.5", CONV_RRE(THDER), 0xbfc00000ull << 32, 0, 0xc118000000000000ull, 1, 0);
    conv("thder -0", CONV_RRE(THDER), 0x80000000ull << 32, 0, 0x8000000000000000ull, 0, 0);
    /* 2^-149 = 1/2 * 16^-37: characteristic 27, fraction 8 */
    conv("thder smallest subnormal", CONV_RRE(THDER), 1ull << 32, 0,
         0x1b80000000000000ull, 2, 0);
    /* (1 - 2^-24) * 2^128 = 0.FFFFFF * 16^32 */
    conv("thder largest finite", CONV_RRE(THDER), 0x7f7fffffull << 32, 0,
         0x60ffffff00000000ull, 2, 0);
    conv("thder +inf: Hmax, cc 3", CONV_RRE(THDER), 0x7f800000ull << 32, 0,
         0x7fffffffffffffffull, 3, 0);
    conv("thder -inf: -Hmax, cc 3", CONV_RRE(THDER), 0xff800000ull << 32, 0,
         0xffffffffffffffffull, 3, 0);
    conv("thder -QNaN: +Hmax, cc 3", CONV_RRE(THDER), 0xffc00000ull << 32, 0,
         0x7fffffffffffffffull, 3, 0);
    conv("thder SNaN: +Hmax, cc 3", CONV_RRE(THDER), 0x7f800001ull << 32, 0,
         0x7fffffffffffffffull, 3, 0);
    /* the FPC (masks, rounding mode) plays no part and is kept */
    conv("thder with FPC masks", CONV_RRE(THDER), 0x7f800001ull << 32, 0xf8000003,
         0x7fffffffffffffffull, 3, 0);

    conv("thdr 1.0", CONV_RRE(THDR), 0x3ff0000000000000ull, 0, 0x4110000000000000ull, 2, 0);
    conv("thdr -2.5", CONV_RRE(THDR), 0xc004000000000000ull, 0, 0xc128000000000000ull, 1, 0);
    conv("thdr 1 + 2^-52 exact", CONV_RRE(THDR), 0x3ff0000000000001ull, 0,
         0x4110000000000001ull, 2, 0);
    conv("thdr 2^251", CONV_RRE(THDR), 0x4fa0000000000000ull, 0, 0x7f80000000000000ull, 2, 0);
    conv("thdr 2^252 overflows", CONV_RRE(THDR), 0x4fb0000000000000ull, 0,
         0x7fffffffffffffffull, 3, 0);
    conv("thdr -largest finite", CONV_RRE(THDR), 0xffefffffffffffffull, 0,
         0xffffffffffffffffull, 3, 0);
    conv("thdr 2^-260 = smallest HFP", CONV_RRE(THDR), 0x2fb0000000000000ull, 0,
         0x0010000000000000ull, 2, 0);
    conv("thdr 2^-261: true zero, cc 2", CONV_RRE(THDR), 0x2fa0000000000000ull, 0, 0, 2, 0);
    conv("thdr -2^-261: -0, cc 1", CONV_RRE(THDR), 0xafa0000000000000ull, 0,
         0x8000000000000000ull, 1, 0);
    conv("thdr subnormal", CONV_RRE(THDR), 1, 0, 0, 2, 0);
    conv("thdr -SNaN: +Hmax", CONV_RRE(THDR), 0xfff0000000000001ull, 0,
         0x7fffffffffffffffull, 3, 0);
    conv("thdr +0", CONV_RRE(THDR), 0, 0, 0, 0, 0);
}

static void hfp_to_short(void)
{
    uint64_t x = 0x412db6db6db6db6bull;     /* about 20/7 */

    conv("tbedr 1.5", CONV_RRF(TBEDR, 0), 0x4118000000000000ull, 0, short_res(0x3fc00000), 2,
         0);
    conv("tbedr 20/7 m3=0 toward 0", CONV_RRF(TBEDR, 0), x, 0, short_res(0x4036db6d), 2, 0);
    conv("tbedr 20/7 m3=1 nearest away", CONV_RRF(TBEDR, 1), x, 0, short_res(0x4036db6e), 2, 0);
    conv("tbedr 20/7 m3=4 nearest even", CONV_RRF(TBEDR, 4), x, 0, short_res(0x4036db6e), 2, 0);
    conv("tbedr 20/7 m3=5 toward 0", CONV_RRF(TBEDR, 5), x, 0, short_res(0x4036db6d), 2, 0);
    conv("tbedr 20/7 m3=6 toward +inf", CONV_RRF(TBEDR, 6), x, 0, short_res(0x4036db6e), 2, 0);
    conv("tbedr 20/7 m3=7 toward -inf", CONV_RRF(TBEDR, 7), x, 0, short_res(0x4036db6d), 2, 0);
    conv("tbedr 20/7 m3=3 shorter precision", CONV_RRF(TBEDR, 3), x, 0,
         short_res(0x4036db6d), 2, 0);
    /* the FPC's rounding mode (toward -inf) is not used for M3 = 0 */
    conv("tbedr -20/7 m3=0, FPC toward -inf", CONV_RRF(TBEDR, 0), x | 1ull << 63, 0xf8000003,
         short_res(0xc036db6d), 1, 0);
    conv("tbedr -20/7 m3=6", CONV_RRF(TBEDR, 6), x | 1ull << 63, 0, short_res(0xc036db6d), 1,
         0);
    conv("tbedr -20/7 m3=7", CONV_RRF(TBEDR, 7), x | 1ull << 63, 0, short_res(0xc036db6e), 1,
         0);
    /* 0.FFFFFF * 16^62 overflows the short format */
    conv("tbedr overflow m3=0: Nmax, cc 3", CONV_RRF(TBEDR, 0), 0x7effffff00000000ull, 0,
         short_res(0x7f7fffff), 3, 0);
    conv("tbedr overflow m3=4: inf, cc 3", CONV_RRF(TBEDR, 4), 0x7effffff00000000ull, 0,
         short_res(0x7f800000), 3, 0);
    conv("tbedr -overflow m3=6: -Nmax", CONV_RRF(TBEDR, 6), 0xfeffffff00000000ull, 0,
         short_res(0xff7fffff), 3, 0);
    conv("tbedr -overflow m3=7: -inf", CONV_RRF(TBEDR, 7), 0xfeffffff00000000ull, 0xf8000000,
         short_res(0xff800000), 3, 0);
    /* 2^-260 is far below the short subnormals: rounded to 0 or the
     * smallest subnormal, CC of the sign */
    conv("tbedr 2^-260 m3=5: +0, cc 2", CONV_RRF(TBEDR, 5), 0x0010000000000000ull, 0,
         short_res(0), 2, 0);
    conv("tbedr 2^-260 m3=6: Dmin", CONV_RRF(TBEDR, 6), 0x0010000000000000ull, 0,
         short_res(1), 2, 0);
    conv("tbedr 2^-260 m3=3: Dmin", CONV_RRF(TBEDR, 3), 0x0010000000000000ull, 0,
         short_res(1), 2, 0);
    conv("tbedr -2^-260 m3=7: -Dmin", CONV_RRF(TBEDR, 7), 0x8010000000000000ull, 0,
         short_res(0x80000001), 1, 0);
    /* just below 2^-126: subnormal toward zero, Nmin to nearest */
    conv("tbedr below Nmin m3=5", CONV_RRF(TBEDR, 5), 0x213fffffffffffffull, 0,
         short_res(0x007fffff), 2, 0);
    conv("tbedr below Nmin m3=1", CONV_RRF(TBEDR, 1), 0x213fffffffffffffull, 0,
         short_res(0x00800000), 2, 0);
    conv("tbedr zero fraction", CONV_RRF(TBEDR, 0), 0x4100000000000000ull, 0, short_res(0), 0,
         0);
    conv("tbedr -0", CONV_RRF(TBEDR, 0), 0x8000000000000000ull, 0, short_res(0x80000000), 0, 0);
    conv("tbedr unnormalized 1.0", CONV_RRF(TBEDR, 0), 0x4300100000000000ull, 0,
         short_res(0x3f800000), 2, 0);
    conv("tbedr m3=2: specification", CONV_RRF(TBEDR, 2), x, 0, F4_INIT, 0, PGM_SPECIFICATION);
    conv("tbedr m3=8: specification", CONV_RRF(TBEDR, 8), x, 0, F4_INIT, 0, PGM_SPECIFICATION);
}

static void hfp_to_long(void)
{
    uint64_t ten = 0x41a000000000000cull;   /* 10 + 1.5 ulp of long BFP */

    conv("tbdr 1.5", CONV_RRF(TBDR, 0), 0x4118000000000000ull, 0, 0x3ff8000000000000ull, 2, 0);
    conv("tbdr -0", CONV_RRF(TBDR, 0), 0x8000000000000000ull, 0, 0x8000000000000000ull, 0, 0);
    conv("tbdr 8 + 2^-52 m3=0", CONV_RRF(TBDR, 0), 0x4180000000000001ull, 0,
         0x4020000000000000ull, 2, 0);
    conv("tbdr 8 + 2^-52 m3=6", CONV_RRF(TBDR, 6), 0x4180000000000001ull, 0,
         0x4020000000000001ull, 2, 0);
    conv("tbdr 8 + 2^-52 m3=3", CONV_RRF(TBDR, 3), 0x4180000000000001ull, 0,
         0x4020000000000001ull, 2, 0);
    conv("tbdr 8 + 2^-52 m3=4", CONV_RRF(TBDR, 4), 0x4180000000000001ull, 0,
         0x4020000000000000ull, 2, 0);
    conv("tbdr -(8 + 2^-52) m3=7", CONV_RRF(TBDR, 7), 0xc180000000000001ull, 0,
         0xc020000000000001ull, 1, 0);
    conv("tbdr 10 + 1.5ulp m3=5", CONV_RRF(TBDR, 5), ten, 0, 0x4024000000000001ull, 2, 0);
    conv("tbdr 10 + 1.5ulp m3=4", CONV_RRF(TBDR, 4), ten, 0, 0x4024000000000002ull, 2, 0);
    conv("tbdr 10 + 1.5ulp m3=1", CONV_RRF(TBDR, 1), ten, 0, 0x4024000000000002ull, 2, 0);
    conv("tbdr 10 + 1.5ulp m3=7", CONV_RRF(TBDR, 7), ten, 0, 0x4024000000000001ull, 2, 0);
    conv("tbdr 10 + 1.5ulp m3=3", CONV_RRF(TBDR, 3), ten, 0, 0x4024000000000001ull, 2, 0);
    conv("tbdr Hmax m3=5", CONV_RRF(TBDR, 5), 0x7fffffffffffffffull, 0, 0x4fafffffffffffffull,
         2, 0);
    conv("tbdr Hmax m3=4 rounds to 2^252", CONV_RRF(TBDR, 4), 0x7fffffffffffffffull, 0,
         0x4fb0000000000000ull, 2, 0);
    conv("tbdr smallest HFP 2^-260", CONV_RRF(TBDR, 0), 0x0010000000000000ull, 0,
         0x2fb0000000000000ull, 2, 0);
    conv("tbdr m3=15: specification", CONV_RRF(TBDR, 15), ten, 0, F4_INIT, 0,
         PGM_SPECIFICATION);
}

int main(void)
{
    uint32_t dxc;
    unsigned code;

    bfp_to_hfp();
    hfp_to_short();
    hfp_to_long();

    /* FPR 1 does not exist without the AFP-register control: DXC 1 */
    code = hfp_exec_no_afp(CONV_RRE(THDR), &dxc);
    rt_check_u64("thdr f4,f1 without AFP: data exception", code, PGM_DATA);
    rt_check_u64("  dxc 1", dxc, 1);
    code = hfp_exec_no_afp(CONV_RRF(TBEDR, 0), &dxc);
    rt_check_u64("tbedr f4,f1 without AFP: data exception", code, PGM_DATA);
    rt_check_u64("  dxc 1", dxc, 1);
    code = hfp_exec_no_afp((const uint8_t[6]){ 0xb3, 0x51, 0x00, 0x62 }, &dxc);
    rt_check_u64("tbdr f6,f2 without AFP: no exception", code, 0);
    return 0;
}
