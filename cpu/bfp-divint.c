/* DIVIDE TO INTEGER (PoO chapter 19): DIEBR and DIDBR. The remainder
 * r = a - b * n replaces the dividend, the integer quotient n goes to R3.
 * A quotient of at least 2^p (p the format's precision) gives a partial
 * quotient (the precise quotient truncated to p bits) and the exact
 * partial remainder; CC 2 tells the program to divide again. A partial
 * quotient beyond the format's range is delivered scaled by 2^-alpha
 * (CC 1 or 3, "quotient overflow"). */
#include "cpu/bfp.h"

static int bitlen(u128 x)
{
    uint64_t hi = (uint64_t)(x >> 64), lo = (uint64_t)x;

    if (hi)
        return 128 - __builtin_clzll(hi);
    return lo ? 64 - __builtin_clzll(lo) : 0;
}

/* Does the rounding method of @c round a positive (@sign false) or
 * negative fraction with quotient low bit @odd, comparison of the
 * fraction with one half @cmp_half (-1, 0, 1), away from zero? */
static bool round_up_int(const struct bfp_ctx *c, bool sign, bool odd, int cmp_half)
{
    switch (c->rm) {
    case RM_NEAREST_EVEN:
        return cmp_half > 0 || (cmp_half == 0 && odd);
    case RM_NEAREST_AWAY:
        return cmp_half >= 0;
    case RM_ZERO:
        return false;
    case RM_UP:
        return !sign;
    case RM_DOWN:
        return sign;
    default:
        return !odd;    /* prepare for shorter precision */
    }
}

/* Quotient below 2^p: n = q rounded to an integer with @qc, the
 * remainder rounded with @c. */
static void complete(enum bfp_fmt f, u128 a, u128 b, const struct bfp_ctx *qc,
                     struct bfp_ctx *c, u128 *r, u128 *n)
{
    struct bfp_num x = bfp_unpack(f, a), y = bfp_unpack(f, b);
    bool qsign = x.sign != y.sign;
    int d = x.exp - y.exp, cmp;
    u128 num = x.sig, den = y.sig, q0, rem, nf;
    struct bfp_ctx exact = *c;

    if (d >= 0) {
        num <<= d;
    } else if (bitlen(den) - d > 126) {
        den = 0;        /* quotient far below one half */
    } else {
        den <<= -d;
    }
    if (den) {
        q0 = num / den;
        rem = num % den;
        cmp = rem ? (2 * rem > den ? 1 : 2 * rem == den ? 0 : -1) : -2;
    } else {
        q0 = 0;
        cmp = -1;
    }
    if (cmp != -2 && round_up_int(qc, qsign, q0 & 1, cmp))
        q0++;
    nf = q0 ? bfp_round_pack(f, qsign, 0, q0, false, &exact) : 0;
    *n = nf | (qsign ? bfp_sign_bit(f) : 0);
    /* r = a + (-n) * b, one rounding */
    *r = bfp_fma(f, *n ^ bfp_sign_bit(f), b, a, false, c);
    if ((*r & ~bfp_sign_bit(f)) == 0)
        *r = a & bfp_sign_bit(f);
}

/* Quotient of at least 2^p: partial quotient and exact partial remainder.
 * Returns true when the quotient overflowed (delivered scaled). */
static bool partial(enum bfp_fmt f, u128 a, u128 b, struct bfp_ctx *c, u128 *r, u128 *n)
{
    struct bfp_num x = bfp_unpack(f, a), y = bfp_unpack(f, b);
    int p = bfp_fbits(f) + 1, k = p + bitlen(y.sig) - bitlen(x.sig) + 1, s;
    u128 num = x.sig << k, qt = num / y.sig, rem;
    struct bfp_ctx qc = { .rm = RM_ZERO, .traps = BFP_OVERFLOW, .flags = 0 };

    s = bitlen(qt) - p;
    qt = qt >> s << s;
    rem = num - y.sig * qt;
    *n = bfp_round_pack(f, x.sign != y.sign, x.exp - y.exp - k, qt, false, &qc);
    *r = rem ? bfp_round_pack(f, x.sign, x.exp - k, rem, false, c)
             : (a & bfp_sign_bit(f));
    return (qc.flags & BFP_OVERFLOW) != 0;
}

/* Is |a / b| at least 2^p? a and b finite and nonzero. */
static bool quotient_large(enum bfp_fmt f, u128 a, u128 b)
{
    struct bfp_num x = bfp_unpack(f, a), y = bfp_unpack(f, b);
    int p = bfp_fbits(f) + 1;
    int ex = x.exp + bitlen(x.sig), ey = y.exp + bitlen(y.sig);     /* 2^(e-1) <= v < 2^e */

    if (ex - ey >= p + 1)
        return true;
    if (ex - ey <= p - 1)
        return false;
    /* ex - ey == p: compare the significands aligned at one leading bit */
    x.sig <<= 127 - bitlen(x.sig);
    y.sig <<= 127 - bitlen(y.sig);
    return x.sig >= y.sig;
}

static exc_t divide_to_integer(struct cpu *cpu, const struct insn *in, enum bfp_fmt f)
{
    struct bfp_ctx c = bfp_ctx_fpc(cpu), qc;
    exc_t exc = bfp_check(cpu);
    unsigned cc = 0;
    u128 a, b, r, n;
    bool store;

    if (exc)
        return exc;
    if (in->r1 == in->r2 || in->r1 == in->r3 || in->r2 == in->r3)
        return EXC_PGM(PGM_SPECIFICATION);
    if (!bfp_ctx_m3(cpu, in->m4, bfp_fpe(cpu), &qc))
        return EXC_PGM(PGM_SPECIFICATION);
    a = bfp_get(cpu, f, in->r1);
    b = bfp_get(cpu, f, in->r2);
    if (bfp_is_nan(f, a) || bfp_is_nan(f, b)) {
        r = n = bfp_pick_nan(f, a, b, &c);
        cc = 1;
    } else if (bfp_classify(f, a) == BFP_INF || bfp_classify(f, b) == BFP_ZERO) {
        c.flags |= BFP_INVALID;
        r = n = bfp_default_nan(f);
        cc = 1;
    } else if (bfp_classify(f, b) == BFP_INF || bfp_classify(f, a) == BFP_ZERO) {
        r = a;
        n = bfp_sign(f, a) != bfp_sign(f, b) ? bfp_sign_bit(f) : 0;
    } else if (!quotient_large(f, a, b)) {
        complete(f, a, b, &qc, &c, &r, &n);
    } else {
        cc = partial(f, a, b, &c, &r, &n) ? 1 : 0;
        if (r & ~bfp_sign_bit(f))
            cc |= 2;
    }
    exc = bfp_ieee(cpu, &c, false, &store);
    if (store) {
        bfp_set(cpu, f, in->r1, r);
        bfp_set(cpu, f, in->r3, n);
        cpu_set_cc(cpu, cc);
    }
    return exc;
}

/* DIEBR - DIVIDE TO INTEGER (short BFP) (RRF-b). */
exc_t insn_diebr(struct cpu *cpu, const struct insn *in)
{
    return divide_to_integer(cpu, in, BFP_SHORT);
}

/* DIDBR - DIVIDE TO INTEGER (long BFP) (RRF-b). */
exc_t insn_didbr(struct cpu *cpu, const struct insn *in)
{
    return divide_to_integer(cpu, in, BFP_LONG);
}
