/* Hexadecimal-floating-point instructions (PoO chapter 18), part 3:
 * square root, load FP integer and the conversions to and from fixed. */
#include "cpu/hfp-core.h"


/* floor(sqrt(f * 2^120)): the square root of a fraction at the same scale. */
static u128 frac_sqrt(u128 f)
{
    u128 res = 0, rem = 0;

    for (int i = HFP_FBITS - 1; i >= 0; i--) {
        int k = 2 * i;
        unsigned two = 0;
        u128 trial;

        if (k + 1 >= HFP_FBITS)
            two |= (unsigned)(f >> (k + 1 - HFP_FBITS) & 1) << 1;
        if (k >= HFP_FBITS)
            two |= (unsigned)(f >> (k - HFP_FBITS) & 1);
        rem = rem << 2 | two;
        trial = res << 2 | 1;
        res <<= 1;
        if (rem >= trial) {
            rem -= trial;
            res |= 1;
        }
    }
    return res;
}

/* SQUARE ROOT: the normalized square root of @x, rounded (half a unit in
 * the last place added before truncation), into FPR R1. A zero fraction
 * gives a true zero. Returns the square-root exception (nothing stored)
 * for a negative operand. */
static exc_t sqrt_store(struct cpu *cpu, unsigned r1, enum hfp_fmt fmt, struct hfp x)
{
    struct hfp r;
    int e;

    if (x.f == 0) {
        hfp_true_zero(&r);
        hfp_put(cpu, r1, fmt, &r);
        return 0;
    }
    if (x.neg)
        return EXC_PGM(PGM_HFP_SQRT);
    hfp_normalize(&x);
    e = x.c - 64;
    if (e & 1) {
        x.f >>= 4;
        e++;
    }
    r.neg = false;
    r.c = e / 2 + 64;
    r.f = frac_sqrt(x.f) + ((HFP_ONE >> (4 * fmt)) >> 1);
    if (r.f >= HFP_ONE) {
        r.f >>= 4;
        r.c++;
    }
    hfp_truncate(&r, fmt);
    hfp_put(cpu, r1, fmt, &r);
    return 0;
}

static exc_t sqrt_op(struct cpu *cpu, const struct insn *in, enum hfp_fmt fmt, bool mem)
{
    struct hfp x;
    exc_t exc = hfp_afp(cpu, in->r1, mem ? 0 : in->r2);

    if (exc)
        return exc;
    exc = hfp_op2(cpu, in, mem, fmt, &x);
    if (exc)
        return exc;
    return sqrt_store(cpu, in->r1, fmt, x);
}

/* SQER - SQUARE ROOT (short) (RRE). Returns the square-root exception. */
exc_t insn_sqer(struct cpu *cpu, const struct insn *in)
{
    return sqrt_op(cpu, in, HFP_SHORT, false);
}

/* SQE - SQUARE ROOT (short) (RXE). Returns square-root or access exceptions. */
exc_t insn_sqe(struct cpu *cpu, const struct insn *in)
{
    return sqrt_op(cpu, in, HFP_SHORT, true);
}

/* SQDR - SQUARE ROOT (long) (RRE). Returns the square-root exception. */
exc_t insn_sqdr(struct cpu *cpu, const struct insn *in)
{
    return sqrt_op(cpu, in, HFP_LONG, false);
}

/* SQD - SQUARE ROOT (long) (RXE). Returns square-root or access exceptions. */
exc_t insn_sqd(struct cpu *cpu, const struct insn *in)
{
    return sqrt_op(cpu, in, HFP_LONG, true);
}

/* SQXR - SQUARE ROOT (extended) (RRE). Returns specification or square-root. */
exc_t insn_sqxr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = hfp_afp(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    if (!hfp_pair_ok(in->r1) || !hfp_pair_ok(in->r2))
        return EXC_PGM(PGM_SPECIFICATION);
    return sqrt_store(cpu, in->r1, HFP_EXT, hfp_get(cpu, in->r2, HFP_EXT));
}

/* LOAD FP INTEGER: FPR R2 with its fraction digits right of the radix
 * point dropped (truncation toward zero), normalized, into FPR R1; a zero
 * result is a true zero. */
static exc_t load_fp_int(struct cpu *cpu, const struct insn *in, enum hfp_fmt fmt)
{
    struct hfp x;
    int e;
    exc_t exc = hfp_afp(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    if (fmt == HFP_EXT && (!hfp_pair_ok(in->r1) || !hfp_pair_ok(in->r2)))
        return EXC_PGM(PGM_SPECIFICATION);
    x = hfp_get(cpu, in->r2, fmt);
    e = x.c - 64;
    if (e <= 0)
        x.f = 0;
    else if (e < (int)fmt)
        x.f &= ~((HFP_ONE >> (4 * e)) - 1);
    if (x.f == 0)
        hfp_true_zero(&x);
    hfp_normalize(&x);
    hfp_put(cpu, in->r1, fmt, &x);
    return 0;
}

/* FIER - LOAD FP INTEGER (short) (RRE). */
exc_t insn_fier(struct cpu *cpu, const struct insn *in)
{
    return load_fp_int(cpu, in, HFP_SHORT);
}

/* FIDR - LOAD FP INTEGER (long) (RRE). */
exc_t insn_fidr(struct cpu *cpu, const struct insn *in)
{
    return load_fp_int(cpu, in, HFP_LONG);
}

/* FIXR - LOAD FP INTEGER (extended) (RRE). Returns specification. */
exc_t insn_fixr(struct cpu *cpu, const struct insn *in)
{
    return load_fp_int(cpu, in, HFP_EXT);
}

/* CONVERT FROM FIXED: the signed integer @v, normalized and truncated to
 * @fmt, into FPR R1. */
static exc_t from_fixed(struct cpu *cpu, const struct insn *in, enum hfp_fmt fmt, int64_t v)
{
    struct hfp x;
    exc_t exc = hfp_afp(cpu, in->r1, 0);

    if (exc)
        return exc;
    if (fmt == HFP_EXT && !hfp_pair_ok(in->r1))
        return EXC_PGM(PGM_SPECIFICATION);
    x.neg = v < 0;
    x.c = 64 + 16;
    x.f = (u128)(x.neg ? -(uint64_t)v : (uint64_t)v) << (HFP_FBITS - 64);
    if (x.f == 0)
        hfp_true_zero(&x);
    hfp_normalize(&x);
    hfp_truncate(&x, fmt);
    hfp_put(cpu, in->r1, fmt, &x);
    return 0;
}

/* CEFR - CONVERT FROM FIXED (32 to short) (RRE). */
exc_t insn_cefr(struct cpu *cpu, const struct insn *in)
{
    return from_fixed(cpu, in, HFP_SHORT, (int32_t)cpu_gr32(cpu, in->r2));
}

/* CDFR - CONVERT FROM FIXED (32 to long) (RRE). */
exc_t insn_cdfr(struct cpu *cpu, const struct insn *in)
{
    return from_fixed(cpu, in, HFP_LONG, (int32_t)cpu_gr32(cpu, in->r2));
}

/* CXFR - CONVERT FROM FIXED (32 to extended) (RRE). Returns specification. */
exc_t insn_cxfr(struct cpu *cpu, const struct insn *in)
{
    return from_fixed(cpu, in, HFP_EXT, (int32_t)cpu_gr32(cpu, in->r2));
}

/* CEGR - CONVERT FROM FIXED (64 to short) (RRE). */
exc_t insn_cegr(struct cpu *cpu, const struct insn *in)
{
    return from_fixed(cpu, in, HFP_SHORT, (int64_t)cpu->gr[in->r2]);
}

/* CDGR - CONVERT FROM FIXED (64 to long) (RRE). */
exc_t insn_cdgr(struct cpu *cpu, const struct insn *in)
{
    return from_fixed(cpu, in, HFP_LONG, (int64_t)cpu->gr[in->r2]);
}

/* CXGR - CONVERT FROM FIXED (64 to extended) (RRE). Returns specification. */
exc_t insn_cxgr(struct cpu *cpu, const struct insn *in)
{
    return from_fixed(cpu, in, HFP_EXT, (int64_t)cpu->gr[in->r2]);
}

/* CONVERT TO FIXED: FPR R2 (format @fmt) rounded to an integer as the M3
 * field says (1 nearest with ties away from zero, 4 nearest with ties to
 * even, 0 and 5 toward zero, 6 toward +inf, 7 toward -inf; other values
 * are a specification exception) into GR R1 (@bits 32 or 64). CC 0 zero,
 * 1 negative, 2 positive (from the source), 3 when the integer does not
 * fit: the result is then the largest number of the operand's sign. */
static exc_t to_fixed(struct cpu *cpu, const struct insn *in, enum hfp_fmt fmt, int bits)
{
    struct hfp x;
    u128 ip, rem = 0, half = 1, limit = (u128)1 << (bits - 1);
    bool ovf = false, inc = false;
    uint64_t res;
    int e;
    exc_t exc = hfp_afp(cpu, 0, in->r2);

    if (exc)
        return exc;
    if (in->m3 == 2 || in->m3 == 3 || in->m3 > 7)
        return EXC_PGM(PGM_SPECIFICATION);
    if (fmt == HFP_EXT && !hfp_pair_ok(in->r2))
        return EXC_PGM(PGM_SPECIFICATION);
    x = hfp_get(cpu, in->r2, fmt);
    if (x.f == 0) {
        if (bits == 32)
            cpu_set_gr32(cpu, in->r1, 0);
        else
            cpu->gr[in->r1] = 0;
        cpu_set_cc(cpu, 0);
        return 0;
    }
    hfp_normalize(&x);
    e = x.c - 64;
    if (e > 17) {
        ovf = true;
        ip = 0;
    } else if (e > 0) {
        int sh = HFP_FBITS - 4 * e;

        ip = x.f >> sh;
        rem = x.f & (((u128)1 << sh) - 1);
        half = (u128)1 << (sh - 1);
    } else {
        ip = 0;
        rem = e == 0 ? x.f : 1;
        half = e == 0 ? HFP_ONE >> 1 : 2;
    }
    if (!ovf) {
        switch (in->m3) {
        case 1:
            inc = rem >= half;
            break;
        case 4:
            inc = rem > half || (rem == half && (ip & 1));
            break;
        case 6:
            inc = !x.neg;
            break;
        case 7:
            inc = x.neg;
            break;
        default:
            break;
        }
        if (in->m3 == 6 || in->m3 == 7)
            inc = inc && rem != 0;
        ip += inc;
        ovf = x.neg ? ip > limit : ip >= limit;
    }
    if (ovf)
        res = x.neg ? (uint64_t)limit : (uint64_t)(limit - 1);
    else
        res = x.neg ? -(uint64_t)ip : (uint64_t)ip;
    if (bits == 32)
        cpu_set_gr32(cpu, in->r1, (uint32_t)res);
    else
        cpu->gr[in->r1] = res;
    cpu_set_cc(cpu, ovf ? 3 : x.neg ? 1 : 2);
    return 0;
}

/* CFER - CONVERT TO FIXED (short to 32) (RRF-e). Returns specification. */
exc_t insn_cfer(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, HFP_SHORT, 32);
}

/* CFDR - CONVERT TO FIXED (long to 32) (RRF-e). Returns specification. */
exc_t insn_cfdr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, HFP_LONG, 32);
}

/* CFXR - CONVERT TO FIXED (extended to 32) (RRF-e). Returns specification. */
exc_t insn_cfxr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, HFP_EXT, 32);
}

/* CGER - CONVERT TO FIXED (short to 64) (RRF-e). Returns specification. */
exc_t insn_cger(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, HFP_SHORT, 64);
}

/* CGDR - CONVERT TO FIXED (long to 64) (RRF-e). Returns specification. */
exc_t insn_cgdr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, HFP_LONG, 64);
}

/* CGXR - CONVERT TO FIXED (extended to 64) (RRF-e). Returns specification. */
exc_t insn_cgxr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, HFP_EXT, 64);
}
