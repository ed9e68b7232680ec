/* Hexadecimal-floating-point instructions (PoO chapter 18), part 2:
 * multiply (all lengthening forms), divide, multiply and add/subtract
 * (HFP-multiply-and-add/subtract facility) and the unnormalized
 * multiplies (HFP-unnormalized-extension facility). */
#include "cpu/hfp-core.h"

/* The 240-bit product of two fractions below HFP_ONE, shifted right 120
 * bits: the product fraction at the same scale, truncated. */
static u128 frac_mul(u128 a, u128 b)
{
    uint64_t a0 = (uint64_t)a, a1 = (uint64_t)(a >> 64);
    uint64_t b0 = (uint64_t)b, b1 = (uint64_t)(b >> 64);
    u128 p00 = (u128)a0 * b0, p01 = (u128)a0 * b1, p10 = (u128)a1 * b0;
    u128 p11 = (u128)a1 * b1;
    u128 mid = (p00 >> 64) + (uint64_t)p01 + (uint64_t)p10;
    u128 lo = (u128)(uint64_t)p00 | mid << 64;
    u128 hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);

    return hi << 8 | lo >> 120;
}

/* The normalized product of @a and @b (operands prenormalized), not yet
 * truncated nor checked; a true zero if either fraction is zero. */
static struct hfp product(struct hfp a, struct hfp b)
{
    struct hfp r;

    if (a.f == 0 || b.f == 0) {
        hfp_true_zero(&r);
        return r;
    }
    hfp_normalize(&a);
    hfp_normalize(&b);
    r.neg = a.neg != b.neg;
    r.c = a.c + b.c - 64;
    r.f = frac_mul(a.f, b.f);
    hfp_normalize(&r);
    return r;
}

/* MULTIPLY: FPR R1 (as @a) times @b, result of format @out into FPR R1.
 * Returns exponent overflow or underflow after storing. */
static exc_t mul_store(struct cpu *cpu, unsigned r1, struct hfp a, struct hfp b,
                       enum hfp_fmt out)
{
    struct hfp r = product(a, b);
    exc_t exc;

    hfp_truncate(&r, out);
    exc = hfp_finish(cpu, &r);
    hfp_put(cpu, r1, out, &r);
    return exc;
}

/* Short or long multiply: operands of format @in_fmt, result @out. */
static exc_t mul_op(struct cpu *cpu, const struct insn *in, enum hfp_fmt in_fmt,
                    enum hfp_fmt out, bool mem)
{
    struct hfp b;
    exc_t exc = hfp_afp(cpu, in->r1, mem ? 0 : in->r2);

    if (exc)
        return exc;
    if (out == HFP_EXT && !hfp_pair_ok(in->r1))
        return EXC_PGM(PGM_SPECIFICATION);
    exc = hfp_op2(cpu, in, mem, in_fmt, &b);
    if (exc)
        return exc;
    return mul_store(cpu, in->r1, hfp_get(cpu, in->r1, in_fmt), b, out);
}

/* MEER - MULTIPLY (short) (RRE). Returns exponent overflow/underflow. */
exc_t insn_meer(struct cpu *cpu, const struct insn *in)
{
    return mul_op(cpu, in, HFP_SHORT, HFP_SHORT, false);
}

/* MEE - MULTIPLY (short) (RXE). Returns exponent overflow/underflow or
 * access exceptions. */
exc_t insn_mee(struct cpu *cpu, const struct insn *in)
{
    return mul_op(cpu, in, HFP_SHORT, HFP_SHORT, true);
}

/* MDER - MULTIPLY (short to long) (RR). Returns exponent overflow/underflow. */
exc_t insn_mder(struct cpu *cpu, const struct insn *in)
{
    return mul_op(cpu, in, HFP_SHORT, HFP_LONG, false);
}

/* MDE - MULTIPLY (short to long) (RX-a). Returns exponent overflow/underflow
 * or access exceptions. */
exc_t insn_mde(struct cpu *cpu, const struct insn *in)
{
    return mul_op(cpu, in, HFP_SHORT, HFP_LONG, true);
}

/* MDR - MULTIPLY (long) (RR). Returns exponent overflow/underflow. */
exc_t insn_mdr(struct cpu *cpu, const struct insn *in)
{
    return mul_op(cpu, in, HFP_LONG, HFP_LONG, false);
}

/* MD - MULTIPLY (long) (RX-a). Returns exponent overflow/underflow or
 * access exceptions. */
exc_t insn_md(struct cpu *cpu, const struct insn *in)
{
    return mul_op(cpu, in, HFP_LONG, HFP_LONG, true);
}

/* MXDR - MULTIPLY (long to extended) (RR). Returns specification or
 * exponent overflow/underflow. */
exc_t insn_mxdr(struct cpu *cpu, const struct insn *in)
{
    return mul_op(cpu, in, HFP_LONG, HFP_EXT, false);
}

/* MXD - MULTIPLY (long to extended) (RX-a). Returns specification,
 * exponent overflow/underflow or access exceptions. */
exc_t insn_mxd(struct cpu *cpu, const struct insn *in)
{
    return mul_op(cpu, in, HFP_LONG, HFP_EXT, true);
}

/* MXR - MULTIPLY (extended) (RR). Returns specification or exponent
 * overflow/underflow. */
exc_t insn_mxr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = hfp_afp(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    if (!hfp_pair_ok(in->r1) || !hfp_pair_ok(in->r2))
        return EXC_PGM(PGM_SPECIFICATION);
    return mul_store(cpu, in->r1, hfp_get(cpu, in->r1, HFP_EXT),
                     hfp_get(cpu, in->r2, HFP_EXT), HFP_EXT);
}

/* floor(a * 2^120 / b) for fractions a, b in [HFP_ONE/16, HFP_ONE). */
static u128 frac_div(u128 a, u128 b)
{
    u128 q = a / b, r = a % b;

    for (int i = 0; i < HFP_FBITS; i++) {
        r <<= 1;
        q <<= 1;
        if (r >= b) {
            r -= b;
            q |= 1;
        }
    }
    return q;
}

/* DIVIDE: FPR R1 divided by @b, both of format @fmt, truncated quotient
 * into FPR R1. Returns HFP divide (nothing stored) for a zero divisor
 * fraction, or exponent overflow/underflow after storing. */
static exc_t div_store(struct cpu *cpu, unsigned r1, enum hfp_fmt fmt, struct hfp b)
{
    struct hfp a = hfp_get(cpu, r1, fmt), r;
    exc_t exc;

    if (b.f == 0)
        return EXC_PGM(PGM_HFP_DIVIDE);
    if (a.f == 0) {
        hfp_true_zero(&r);
        hfp_put(cpu, r1, fmt, &r);
        return 0;
    }
    hfp_normalize(&a);
    hfp_normalize(&b);
    r.neg = a.neg != b.neg;
    r.c = a.c - b.c + 64;
    r.f = frac_div(a.f, b.f);
    if (r.f >= HFP_ONE) {
        r.f >>= 4;
        r.c++;
    }
    hfp_truncate(&r, fmt);
    exc = hfp_finish(cpu, &r);
    hfp_put(cpu, r1, fmt, &r);
    return exc;
}

static exc_t div_op(struct cpu *cpu, const struct insn *in, enum hfp_fmt fmt, bool mem)
{
    struct hfp b;
    exc_t exc = hfp_afp(cpu, in->r1, mem ? 0 : in->r2);

    if (exc)
        return exc;
    exc = hfp_op2(cpu, in, mem, fmt, &b);
    if (exc)
        return exc;
    return div_store(cpu, in->r1, fmt, b);
}

/* DER - DIVIDE (short) (RR). Returns HFP divide or exponent exceptions. */
exc_t insn_der(struct cpu *cpu, const struct insn *in)
{
    return div_op(cpu, in, HFP_SHORT, false);
}

/* DE - DIVIDE (short) (RX-a). Returns HFP divide, exponent or access exceptions. */
exc_t insn_de(struct cpu *cpu, const struct insn *in)
{
    return div_op(cpu, in, HFP_SHORT, true);
}

/* DDR - DIVIDE (long) (RR). Returns HFP divide or exponent exceptions. */
exc_t insn_ddr(struct cpu *cpu, const struct insn *in)
{
    return div_op(cpu, in, HFP_LONG, false);
}

/* DD - DIVIDE (long) (RX-a). Returns HFP divide, exponent or access exceptions. */
exc_t insn_dd(struct cpu *cpu, const struct insn *in)
{
    return div_op(cpu, in, HFP_LONG, true);
}

/* DXR - DIVIDE (extended) (RRE). Returns specification, HFP divide or
 * exponent exceptions. */
exc_t insn_dxr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = hfp_afp(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    if (!hfp_pair_ok(in->r1) || !hfp_pair_ok(in->r2))
        return EXC_PGM(PGM_SPECIFICATION);
    return div_store(cpu, in->r1, HFP_EXT, hfp_get(cpu, in->r2, HFP_EXT));
}

/* MULTIPLY AND ADD/SUBTRACT (PoO "MULTIPLY AND ADD (HFP)"): FPR R3 times
 * operand 2, plus (or minus) FPR R1; the product is exact, the sum is
 * normalized and truncated into FPR R1. A zero result is a true zero (no
 * significance exception). Returns exponent overflow/underflow. */
static exc_t madd_op(struct cpu *cpu, const struct insn *in, enum hfp_fmt fmt, bool mem,
                     bool sub)
{
    struct hfp b, a, r;
    exc_t exc = hfp_afp(cpu, in->r1, in->r3 | (mem ? 0 : in->r2));

    if (exc)
        return exc;
    exc = hfp_op2(cpu, in, mem, fmt, &b);
    if (exc)
        return exc;
    a = hfp_get(cpu, in->r1, fmt);
    if (sub)
        a.neg = !a.neg;
    /* Sum at extended precision: the shorter operand keeps every digit. */
    r = hfp_sum(product(hfp_get(cpu, in->r3, fmt), b), a, HFP_EXT);
    if (r.f >= HFP_ONE) {
        r.f >>= 4;
        r.c++;
    }
    hfp_normalize(&r);
    hfp_truncate(&r, fmt);
    exc = hfp_finish(cpu, &r);
    hfp_put(cpu, in->r1, fmt, &r);
    return exc;
}

/* MAER - MULTIPLY AND ADD (short) (RRD). Returns exponent overflow/underflow. */
exc_t insn_maer(struct cpu *cpu, const struct insn *in)
{
    return madd_op(cpu, in, HFP_SHORT, false, false);
}

/* MAE - MULTIPLY AND ADD (short) (RXF). Returns exponent or access exceptions. */
exc_t insn_mae(struct cpu *cpu, const struct insn *in)
{
    return madd_op(cpu, in, HFP_SHORT, true, false);
}

/* MADR - MULTIPLY AND ADD (long) (RRD). Returns exponent overflow/underflow. */
exc_t insn_madr(struct cpu *cpu, const struct insn *in)
{
    return madd_op(cpu, in, HFP_LONG, false, false);
}

/* MAD - MULTIPLY AND ADD (long) (RXF). Returns exponent or access exceptions. */
exc_t insn_mad(struct cpu *cpu, const struct insn *in)
{
    return madd_op(cpu, in, HFP_LONG, true, false);
}

/* MSER - MULTIPLY AND SUBTRACT (short) (RRD). Returns exponent overflow/underflow. */
exc_t insn_mser(struct cpu *cpu, const struct insn *in)
{
    return madd_op(cpu, in, HFP_SHORT, false, true);
}

/* MSE - MULTIPLY AND SUBTRACT (short) (RXF). Returns exponent or access exceptions. */
exc_t insn_mse(struct cpu *cpu, const struct insn *in)
{
    return madd_op(cpu, in, HFP_SHORT, true, true);
}

/* MSDR - MULTIPLY AND SUBTRACT (long) (RRD). Returns exponent overflow/underflow. */
exc_t insn_msdr(struct cpu *cpu, const struct insn *in)
{
    return madd_op(cpu, in, HFP_LONG, false, true);
}

/* MSD - MULTIPLY AND SUBTRACT (long) (RXF). Returns exponent or access exceptions. */
exc_t insn_msd(struct cpu *cpu, const struct insn *in)
{
    return madd_op(cpu, in, HFP_LONG, true, true);
}

/* Which part of the extended result an unnormalized multiply stores. */
enum unnorm_part {
    PART_BOTH,      /* MY, MAY: the pair R1 */
    PART_HIGH,      /* MYH, MAYH: the high-order part into FPR R1 */
    PART_LOW,       /* MYL, MAYL: the low-order part into FPR R1 */
};

/* MULTIPLY (AND ADD) UNNORMALIZED (PoO "MULTIPLY UNNORMALIZED"): FPR R3
 * times operand 2 (long, not normalized) gives an exact 28-digit product
 * with characteristic c3 + c2 - 64; with @add, the long operand in FPR R1
 * is added without normalization (a carry shifts right one digit). The
 * characteristics wrap modulo 128; there are no HFP exceptions. */
static exc_t unnorm_op(struct cpu *cpu, const struct insn *in, bool mem, bool add,
                       enum unnorm_part part)
{
    struct hfp a, b, r;
    uint64_t hi, lo, sign;
    exc_t exc = hfp_afp(cpu, in->r1, in->r3 | (mem ? 0 : in->r2));

    if (exc)
        return exc;
    /* MY needs a valid pair; MAY may name either register of one (the
     * addend is the long operand in the register named). */
    if (part == PART_BOTH && !add && !hfp_pair_ok(in->r1))
        return EXC_PGM(PGM_SPECIFICATION);
    exc = hfp_op2(cpu, in, mem, HFP_LONG, &b);
    if (exc)
        return exc;
    a = hfp_get(cpu, in->r3, HFP_LONG);
    r.neg = a.neg != b.neg;
    r.c = a.c + b.c - 64;
    r.f = (u128)(uint64_t)(a.f >> 64) * (uint64_t)(b.f >> 64) << 8;
    if (add) {
        r = hfp_sum(r, hfp_get(cpu, in->r1, HFP_LONG), HFP_EXT);
        if (r.f >= HFP_ONE) {
            r.f >>= 4;
            r.c++;
        }
        hfp_truncate(&r, HFP_EXT);
    }
    sign = (uint64_t)r.neg << 63;
    hi = sign | (uint64_t)(r.c & 0x7f) << 56 | (uint64_t)(r.f >> 64);
    lo = sign | (uint64_t)((r.c - 14) & 0x7f) << 56 | ((uint64_t)(r.f >> 8) & HFP_M56);
    if (part == PART_BOTH) {
        *hfp_fpr(cpu, in->r1 & ~2u) = hi;
        *hfp_fpr(cpu, (in->r1 & ~2u) + 2) = lo;
    } else {
        *hfp_fpr(cpu, in->r1) = part == PART_HIGH ? hi : lo;
    }
    return 0;
}

/* MYR - MULTIPLY UNNORMALIZED (long to extended) (RRD). Returns specification. */
exc_t insn_myr(struct cpu *cpu, const struct insn *in)
{
    return unnorm_op(cpu, in, false, false, PART_BOTH);
}

/* MY - MULTIPLY UNNORMALIZED (long to extended) (RXF). Returns specification
 * or access exceptions. */
exc_t insn_my(struct cpu *cpu, const struct insn *in)
{
    return unnorm_op(cpu, in, true, false, PART_BOTH);
}

/* MYHR - MULTIPLY UNNORMALIZED (long to extended high) (RRD). */
exc_t insn_myhr(struct cpu *cpu, const struct insn *in)
{
    return unnorm_op(cpu, in, false, false, PART_HIGH);
}

/* MYH - MULTIPLY UNNORMALIZED (long to extended high) (RXF). Returns access
 * exceptions. */
exc_t insn_myh(struct cpu *cpu, const struct insn *in)
{
    return unnorm_op(cpu, in, true, false, PART_HIGH);
}

/* MYLR - MULTIPLY UNNORMALIZED (long to extended low) (RRD). */
exc_t insn_mylr(struct cpu *cpu, const struct insn *in)
{
    return unnorm_op(cpu, in, false, false, PART_LOW);
}

/* MYL - MULTIPLY UNNORMALIZED (long to extended low) (RXF). Returns access
 * exceptions. */
exc_t insn_myl(struct cpu *cpu, const struct insn *in)
{
    return unnorm_op(cpu, in, true, false, PART_LOW);
}

/* MAYR - MULTIPLY AND ADD UNNORMALIZED (long to extended) (RRD). Returns
 * specification. */
exc_t insn_mayr(struct cpu *cpu, const struct insn *in)
{
    return unnorm_op(cpu, in, false, true, PART_BOTH);
}

/* MAY - MULTIPLY AND ADD UNNORMALIZED (long to extended) (RXF). Returns
 * specification or access exceptions. */
exc_t insn_may(struct cpu *cpu, const struct insn *in)
{
    return unnorm_op(cpu, in, true, true, PART_BOTH);
}

/* MAYHR - MULTIPLY AND ADD UNNORMALIZED (long to extended high) (RRD). */
exc_t insn_mayhr(struct cpu *cpu, const struct insn *in)
{
    return unnorm_op(cpu, in, false, true, PART_HIGH);
}

/* MAYH - MULTIPLY AND ADD UNNORMALIZED (long to extended high) (RXF).
 * Returns access exceptions. */
exc_t insn_mayh(struct cpu *cpu, const struct insn *in)
{
    return unnorm_op(cpu, in, true, true, PART_HIGH);
}

/* MAYLR - MULTIPLY AND ADD UNNORMALIZED (long to extended low) (RRD). */
exc_t insn_maylr(struct cpu *cpu, const struct insn *in)
{
    return unnorm_op(cpu, in, false, true, PART_LOW);
}

/* MAYL - MULTIPLY AND ADD UNNORMALIZED (long to extended low) (RXF).
 * Returns access exceptions. */
exc_t insn_mayl(struct cpu *cpu, const struct insn *in)
{
    return unnorm_op(cpu, in, true, true, PART_LOW);
}
