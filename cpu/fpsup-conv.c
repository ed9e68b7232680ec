/* Conversions between the HFP and BFP formats (PoO chapter 9, "CONVERT
 * BFP TO HFP" and "CONVERT HFP TO BFP"). They belong to the
 * floating-point-support instructions: they neither read nor change the
 * FPC, recognize no IEEE or HFP exception, and report special cases in
 * the condition code only. */
#include "cpu/bfp.h"
#include "cpu/hfp-core.h"    /* hfp_afp: the AFP-register check */

#define HFP_LONG_MAX UINT64_C(0x7fffffffffffffff)   /* largest long HFP magnitude */
#define HFP_FRAC56   UINT64_C(0x00ffffffffffffff)

/* Number of significant bits of @v (0 for 0). */
static int sig_bits(u128 v)
{
    int n = 0;

    while (v) {
        v >>= 1;
        n++;
    }
    return n;
}

/* Convert the BFP value @v of format @f to long HFP in FPR R1 and set the
 * CC: 0 zero, 1 negative, 2 positive, 3 special case (an infinity or a
 * NaN, or a magnitude above the largest HFP number). A magnitude below the
 * smallest normalized HFP number gives a true zero with the operand's
 * sign and the CC of its sign. Every other value is converted exactly: a
 * long BFP significand (53 bits) always fits in 14 hex digits. */
static exc_t to_hfp(struct cpu *cpu, const struct insn *in, enum bfp_fmt f, u128 v)
{
    bool sign = bfp_sign(f, v);
    uint64_t neg = (uint64_t)sign << 63, res;
    enum bfp_class k = bfp_classify(f, v) & ~1;
    struct bfp_num x;
    int e, q;

    if (k == BFP_ZERO) {
        cpu->vr[in->r1].d[0] = neg;
        cpu_set_cc(cpu, 0);
        return 0;
    }
    if (k == BFP_QNAN || k == BFP_SNAN || k == BFP_INF) {
        /* PoO: a NaN gives +Hmax whatever its sign; an infinity +-Hmax. */
        cpu->vr[in->r1].d[0] = HFP_LONG_MAX | (k == BFP_INF ? neg : 0);
        cpu_set_cc(cpu, 3);
        return 0;
    }
    x = bfp_unpack(f, v);
    /* value = sig * 2^exp, leading bit 2^e; HFP exponent q with
     * 16^(q-1) <= value < 16^q. */
    e = x.exp + sig_bits(x.sig) - 1;
    q = (e >= 0 ? e / 4 : -((-e + 3) / 4)) + 1;
    if (q + 64 > 127) {
        res = HFP_LONG_MAX | neg;
        cpu_set_cc(cpu, 3);
    } else if (q + 64 < 0) {
        res = neg;
        cpu_set_cc(cpu, sign ? 1 : 2);
    } else {
        res = neg | (uint64_t)(q + 64) << 56 | (uint64_t)(x.sig << (x.exp - 4 * q + 56));
        cpu_set_cc(cpu, sign ? 1 : 2);
    }
    cpu->vr[in->r1].d[0] = res;
    return 0;
}

/* THDER - CONVERT BFP TO HFP (short BFP to long HFP) (RRE). Returns 0 or
 * an AFP-register data exception. */
exc_t insn_thder(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = hfp_afp(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    return to_hfp(cpu, in, BFP_SHORT, cpu->vr[in->r2].d[0] >> 32);
}

/* THDR - CONVERT BFP TO HFP (long BFP to long HFP) (RRE). Returns 0 or an
 * AFP-register data exception. */
exc_t insn_thdr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = hfp_afp(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    return to_hfp(cpu, in, BFP_LONG, cpu->vr[in->r2].d[0]);
}

/* Convert the long HFP operand in FPR R2 to BFP format @f in FPR R1,
 * rounded by the M3 method: 0 and 5 toward zero, 1 to nearest with ties
 * away from zero, 3 to prepare for shorter precision, 4 to nearest even,
 * 6 toward +infinity, 7 toward -infinity (the FPC's mode is not used);
 * other values are a specification exception. A short result can
 * overflow (infinity or the largest finite number by the rounding
 * method, CC 3) or be tiny (a rounded subnormal, CC of the sign). CC 0
 * zero, 1 negative, 2 positive. */
static exc_t to_bfp(struct cpu *cpu, const struct insn *in, enum bfp_fmt f)
{
    struct bfp_ctx c;
    uint64_t h;
    bool sign;
    u128 v;
    exc_t exc = hfp_afp(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    if (!bfp_ctx_m3(cpu, in->m3 ? in->m3 : 5, bfp_fpe(cpu), &c))
        return EXC_PGM(PGM_SPECIFICATION);
    c.traps = 0;
    c.flags = 0;
    h = cpu->vr[in->r2].d[0];
    sign = h >> 63;
    if ((h & HFP_FRAC56) == 0) {
        v = sign ? bfp_sign_bit(f) : 0;
        cpu_set_cc(cpu, 0);
    } else {
        v = bfp_round_pack(f, sign, 4 * ((int)(h >> 56 & 0x7f) - 64) - 56, h & HFP_FRAC56,
                           false, &c);
        cpu_set_cc(cpu, c.flags & BFP_OVERFLOW ? 3 : sign ? 1 : 2);
    }
    if (f == BFP_SHORT)
        cpu->vr[in->r1].d[0] = (cpu->vr[in->r1].d[0] & 0xffffffffu) | (uint64_t)v << 32;
    else
        cpu->vr[in->r1].d[0] = (uint64_t)v;
    return 0;
}

/* TBEDR - CONVERT HFP TO BFP (long HFP to short BFP) (RRF-e). Returns 0,
 * specification (invalid M3) or an AFP-register data exception. */
exc_t insn_tbedr(struct cpu *cpu, const struct insn *in)
{
    return to_bfp(cpu, in, BFP_SHORT);
}

/* TBDR - CONVERT HFP TO BFP (long HFP to long BFP) (RRF-e). Returns 0,
 * specification (invalid M3) or an AFP-register data exception. */
exc_t insn_tbdr(struct cpu *cpu, const struct insn *in)
{
    return to_bfp(cpu, in, BFP_LONG);
}
