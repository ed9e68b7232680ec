/* Binary floating point: exact software arithmetic with one final rounding
 * (PoO chapter 19 "BFP Rounding", "Results"), and the architected-state
 * helpers shared by the BFP handlers (FPRs, FPC, IEEE exceptions of
 * chapter 9). */
#include "cpu/bfp.h"

#include "cpu/model.h"

/* Tininess is detected before rounding: PoO chapter 9, "IEEE Underflow",
 * tests the precise intermediate value (unbounded precision and range). */
static const bool tiny_before_rounding = true;

static int emax(enum bfp_fmt f)
{
    return bfp_bias(f);
}

static int emin(enum bfp_fmt f)
{
    return 1 - bfp_bias(f);
}

/* Exponent adjustment of scaled results (PoO "Scaled Value"). */
static int alpha(enum bfp_fmt f)
{
    return f == BFP_SHORT ? 192 : f == BFP_LONG ? 1536 : 24576;
}

static unsigned exp_mask(enum bfp_fmt f)
{
    return 2 * (unsigned)bfp_bias(f) + 1;
}

static u128 frac_mask(enum bfp_fmt f)
{
    return ((u128)1 << bfp_fbits(f)) - 1;
}

static unsigned exp_field(enum bfp_fmt f, u128 v)
{
    return (unsigned)(v >> bfp_fbits(f)) & exp_mask(f);
}

static u128 sign_if(enum bfp_fmt f, bool sign)
{
    return sign ? bfp_sign_bit(f) : 0;
}

static int bitlen(u128 x)
{
    uint64_t hi = (uint64_t)(x >> 64), lo = (uint64_t)x;

    if (hi)
        return 128 - __builtin_clzll(hi);
    return lo ? 64 - __builtin_clzll(lo) : 0;
}

/* @x >> @n with the bits shifted out ORed into *sticky; any @n >= 0. */
static u128 shift_right_sticky(u128 x, int n, bool *sticky)
{
    if (n <= 0)
        return x;
    if (n >= 128) {
        *sticky |= x != 0;
        return 0;
    }
    *sticky |= (x & (((u128)1 << n) - 1)) != 0;
    return x >> n;
}

enum bfp_class bfp_classify(enum bfp_fmt f, u128 v)
{
    unsigned e = exp_field(f, v);
    u128 fr = v & frac_mask(f);

    if (e == exp_mask(f)) {
        if (!fr)
            return BFP_INF;
        return (fr >> (bfp_fbits(f) - 1)) & 1 ? BFP_QNAN : BFP_SNAN;
    }
    if (e == 0)
        return fr ? BFP_SUBNORMAL : BFP_ZERO;
    return BFP_NORMAL;
}

bool bfp_is_nan(enum bfp_fmt f, u128 v)
{
    return exp_field(f, v) == exp_mask(f) && (v & frac_mask(f)) != 0;
}

static bool is_snan(enum bfp_fmt f, u128 v)
{
    return bfp_classify(f, v) == BFP_SNAN;
}

static bool is_zero(enum bfp_fmt f, u128 v)
{
    return (v & ~bfp_sign_bit(f)) == 0;
}

static bool is_inf(enum bfp_fmt f, u128 v)
{
    return bfp_classify(f, v) == BFP_INF;
}

u128 bfp_quiet(enum bfp_fmt f, u128 v)
{
    return v | (u128)1 << (bfp_fbits(f) - 1);
}

/* The default NaN: positive, quiet, only the leftmost fraction bit one. */
u128 bfp_default_nan(enum bfp_fmt f)
{
    return bfp_quiet(f, (u128)exp_mask(f) << bfp_fbits(f));
}

u128 bfp_inf(enum bfp_fmt f, bool sign)
{
    return sign_if(f, sign) | (u128)exp_mask(f) << bfp_fbits(f);
}

static u128 max_finite(enum bfp_fmt f, bool sign)
{
    return sign_if(f, sign) | (u128)(exp_mask(f) - 1) << bfp_fbits(f) | frac_mask(f);
}

u128 bfp_pick_nan(enum bfp_fmt f, u128 a, u128 b, struct bfp_ctx *c)
{
    bool sa = is_snan(f, a), sb = is_snan(f, b);

    if (sa || sb)
        c->flags |= BFP_INVALID;
    if (sa)
        return bfp_quiet(f, a);
    if (sb)
        return bfp_quiet(f, b);
    return bfp_is_nan(f, a) ? a : b;
}

struct bfp_num bfp_unpack(enum bfp_fmt f, u128 v)
{
    struct bfp_num n;
    unsigned e = exp_field(f, v);

    n.sign = bfp_sign(f, v);
    n.sig = v & frac_mask(f);
    if (e == 0) {
        n.exp = emin(f) - bfp_fbits(f);
    } else {
        n.sig |= (u128)1 << bfp_fbits(f);
        n.exp = (int)e - bfp_bias(f) - bfp_fbits(f);
    }
    return n;
}

u128 bfp_round_int(u128 sig, bool sticky, int shift, bool sign, struct bfp_ctx *c)
{
    u128 q;
    bool half, rest, inc = false;

    if (shift <= 0) {
        q = sig << -shift;
        half = false;
        rest = sticky;
    } else if (shift > 128) {
        q = 0;
        half = false;
        rest = sig != 0 || sticky;
    } else if (shift == 128) {
        q = 0;
        half = sig >> 127;
        rest = (sig << 1) != 0 || sticky;
    } else {
        q = sig >> shift;
        half = (sig >> (shift - 1)) & 1;
        rest = (sig & (((u128)1 << (shift - 1)) - 1)) != 0 || sticky;
    }
    if (!half && !rest)
        return q;
    c->flags |= BFP_INEXACT;
    switch (c->rm) {
    case RM_NEAREST_EVEN:
        inc = half && (rest || (q & 1));
        break;
    case RM_NEAREST_AWAY:
        inc = half;
        break;
    case RM_ZERO:
        break;
    case RM_UP:
        inc = !sign;
        break;
    case RM_DOWN:
        inc = sign;
        break;
    case RM_ODD:
        inc = !(q & 1);
        break;
    }
    if (inc) {
        q++;
        c->flags |= BFP_INCREMENTED;
    }
    return q;
}

/* Pack a normal number with unbiased exponent @e and significand @m
 * (integer bit included); the exponent field wraps for scaled results. */
static u128 pack_normal(enum bfp_fmt f, bool sign, int e, u128 m)
{
    unsigned be = (unsigned)(e + bfp_bias(f)) & exp_mask(f);

    return sign_if(f, sign) | (u128)be << bfp_fbits(f) | (m & frac_mask(f));
}

u128 bfp_round_pack(enum bfp_fmt f, bool sign, int exp, u128 sig, bool sticky,
                    struct bfp_ctx *c)
{
    int fb = bfp_fbits(f), p = fb + 1;
    int n = bitlen(sig), e = exp + n - 1, e1 = e;
    struct bfp_ctx t = *c;
    u128 m;
    bool tiny;

    /* Round to the format's precision with an unbounded exponent. */
    t.flags = 0;
    m = bfp_round_int(sig, sticky, n - p, sign, &t);
    if (m >> p) {
        m >>= 1;
        e1++;
    }
    if (e1 > emax(f)) {
        if (c->traps & BFP_OVERFLOW) {
            c->flags |= BFP_OVERFLOW | t.flags;
            return pack_normal(f, sign, e1 - alpha(f), m);
        }
        c->flags |= BFP_OVERFLOW | BFP_INEXACT;
        if (c->rm == RM_NEAREST_EVEN || c->rm == RM_NEAREST_AWAY ||
            (c->rm == RM_UP && !sign) || (c->rm == RM_DOWN && sign)) {
            c->flags |= BFP_INCREMENTED;
            return bfp_inf(f, sign);
        }
        return max_finite(f, sign);
    }
    tiny = tiny_before_rounding ? e < emin(f) : e1 < emin(f);
    if (tiny) {
        if (c->traps & BFP_UNDERFLOW) {
            c->flags |= BFP_UNDERFLOW | t.flags;
            return pack_normal(f, sign, e1 + alpha(f), m);
        }
        t.flags = 0;
        m = bfp_round_int(sig, sticky, emin(f) - fb - exp, sign, &t);
        if (t.flags & BFP_INEXACT)
            c->flags |= BFP_UNDERFLOW;
        c->flags |= t.flags;
        /* A carry into bit @fb gives the smallest normal number. */
        return sign_if(f, sign) | m;
    }
    c->flags |= t.flags;
    return pack_normal(f, sign, e1, m);
}

int bfp_compare(enum bfp_fmt f, u128 a, u128 b, bool signal, struct bfp_ctx *c)
{
    bool sa = bfp_sign(f, a), sb = bfp_sign(f, b), lt;
    u128 ma, mb;

    if (bfp_is_nan(f, a) || bfp_is_nan(f, b)) {
        if (signal || is_snan(f, a) || is_snan(f, b))
            c->flags |= BFP_INVALID;
        return 3;
    }
    if (is_zero(f, a) && is_zero(f, b))
        return 0;
    if (sa != sb)
        return sa ? 1 : 2;
    ma = a & ~bfp_sign_bit(f);
    mb = b & ~bfp_sign_bit(f);
    if (ma == mb)
        return 0;
    lt = ma < mb;
    if (sa)
        lt = !lt;
    return lt ? 1 : 2;
}

/* The exact zero result of x + y with x == -y (PoO: +0 except when rounding
 * toward -infinity). */
static u128 zero_sum(enum bfp_fmt f, const struct bfp_ctx *c)
{
    return sign_if(f, c->rm == RM_DOWN);
}

/* Round x + y for exact values whose significands have at most 126 bits;
 * a zero significand stands for a zero of that sign. */
static u128 add_nums(enum bfp_fmt f, struct bfp_num x, struct bfp_num y, struct bfp_ctx *c)
{
    bool sticky = false;
    u128 s;
    int d;

    if (!x.sig && !y.sig)
        return x.sign == y.sign ? sign_if(f, x.sign) : zero_sum(f, c);
    if (!x.sig)
        return bfp_round_pack(f, y.sign, y.exp, y.sig, false, c);
    if (!y.sig)
        return bfp_round_pack(f, x.sign, x.exp, x.sig, false, c);
    /* Leading bits at bit 125, the larger exponent in x. */
    d = 126 - bitlen(x.sig);
    x.sig <<= d;
    x.exp -= d;
    d = 126 - bitlen(y.sig);
    y.sig <<= d;
    y.exp -= d;
    if (x.exp < y.exp || (x.exp == y.exp && x.sig < y.sig)) {
        struct bfp_num t = x;

        x = y;
        y = t;
    }
    y.sig = shift_right_sticky(y.sig, x.exp - y.exp, &sticky);
    if (x.sign == y.sign)
        return bfp_round_pack(f, x.sign, x.exp, x.sig + y.sig, sticky, c);
    /* x - (y + eps) = (x - y - 1) + (1 - eps) for a nonzero sticky part. */
    s = x.sig - y.sig - (sticky ? 1 : 0);
    if (!s && !sticky)
        return zero_sum(f, c);
    return bfp_round_pack(f, x.sign, x.exp, s, sticky, c);
}

u128 bfp_add(enum bfp_fmt f, u128 a, u128 b, bool sub, struct bfp_ctx *c)
{
    if (bfp_is_nan(f, a) || bfp_is_nan(f, b))
        return bfp_pick_nan(f, a, b, c);
    if (sub)
        b ^= bfp_sign_bit(f);
    if (is_inf(f, a) && is_inf(f, b) && bfp_sign(f, a) != bfp_sign(f, b)) {
        c->flags |= BFP_INVALID;
        return bfp_default_nan(f);
    }
    if (is_inf(f, a))
        return a;
    if (is_inf(f, b))
        return b;
    return add_nums(f, bfp_unpack(f, a), bfp_unpack(f, b), c);
}

/* The 256-bit product of @a and @b. */
static void mul128(u128 a, u128 b, u128 *hi, u128 *lo)
{
    uint64_t a0 = (uint64_t)a, a1 = (uint64_t)(a >> 64);
    uint64_t b0 = (uint64_t)b, b1 = (uint64_t)(b >> 64);
    u128 p00 = (u128)a0 * b0, p01 = (u128)a0 * b1, p10 = (u128)a1 * b0, p11 = (u128)a1 * b1;
    u128 mid = (p00 >> 64) + (uint64_t)p01 + (uint64_t)p10;

    *lo = mid << 64 | (uint64_t)p00;
    *hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
}

/* Special operands of a product: returns true with *r set. */
static bool mul_special(enum bfp_fmt f, u128 a, u128 b, struct bfp_ctx *c, u128 *r)
{
    bool sign = bfp_sign(f, a) != bfp_sign(f, b);

    if ((is_inf(f, a) && is_zero(f, b)) || (is_zero(f, a) && is_inf(f, b))) {
        c->flags |= BFP_INVALID;
        *r = bfp_default_nan(f);
        return true;
    }
    if (is_inf(f, a) || is_inf(f, b)) {
        *r = bfp_inf(f, sign);
        return true;
    }
    if (is_zero(f, a) || is_zero(f, b)) {
        *r = sign_if(f, sign);
        return true;
    }
    return false;
}

u128 bfp_mul(enum bfp_fmt f, u128 a, u128 b, struct bfp_ctx *c)
{
    struct bfp_num x, y;
    u128 hi, lo, sig, r;
    bool sticky = false;
    int exp;

    if (bfp_is_nan(f, a) || bfp_is_nan(f, b))
        return bfp_pick_nan(f, a, b, c);
    if (mul_special(f, a, b, c, &r))
        return r;
    x = bfp_unpack(f, a);
    y = bfp_unpack(f, b);
    mul128(x.sig, y.sig, &hi, &lo);
    exp = x.exp + y.exp;
    if (hi) {
        int sh = bitlen(hi) + 128 - 126;

        sticky = (lo & (((u128)1 << sh) - 1)) != 0;
        sig = hi << (128 - sh) | lo >> sh;
        exp += sh;
    } else {
        sig = lo;
    }
    return bfp_round_pack(f, x.sign != y.sign, exp, sig, sticky, c);
}

u128 bfp_div(enum bfp_fmt f, u128 a, u128 b, struct bfp_ctx *c)
{
    bool sign = bfp_sign(f, a) != bfp_sign(f, b);
    struct bfp_num x, y;
    int p = bfp_fbits(f) + 1, k = p + 3, d;
    u128 q = 0, r;

    if (bfp_is_nan(f, a) || bfp_is_nan(f, b))
        return bfp_pick_nan(f, a, b, c);
    if ((is_inf(f, a) && is_inf(f, b)) || (is_zero(f, a) && is_zero(f, b))) {
        c->flags |= BFP_INVALID;
        return bfp_default_nan(f);
    }
    if (is_inf(f, a))
        return bfp_inf(f, sign);
    if (is_inf(f, b) || is_zero(f, a))
        return sign_if(f, sign);
    if (is_zero(f, b)) {
        c->flags |= BFP_DIVIDE;
        return bfp_inf(f, sign);
    }
    x = bfp_unpack(f, a);
    y = bfp_unpack(f, b);
    d = p - bitlen(x.sig);
    x.sig <<= d;
    x.exp -= d;
    d = p - bitlen(y.sig);
    y.sig <<= d;
    y.exp -= d;
    r = x.sig;
    for (int i = 0; i < k; i++) {
        q <<= 1;
        if (r >= y.sig) {
            r -= y.sig;
            q |= 1;
        }
        r <<= 1;
    }
    return bfp_round_pack(f, sign, x.exp - y.exp - (k - 1), q, r != 0, c);
}

u128 bfp_sqrt(enum bfp_fmt f, u128 a, struct bfp_ctx *c)
{
    struct bfp_num x;
    int p = bfp_fbits(f) + 1, s, pairs;
    u128 rem = 0, root = 0;

    if (bfp_is_nan(f, a))
        return bfp_pick_nan(f, a, a, c);
    if (is_zero(f, a))
        return a;
    if (bfp_sign(f, a)) {
        c->flags |= BFP_INVALID;
        return bfp_default_nan(f);
    }
    if (is_inf(f, a))
        return a;
    x = bfp_unpack(f, a);
    if (x.exp & 1) {
        x.sig <<= 1;
        x.exp -= 1;
    }
    /* M = sig * 4^s with at least 2(p + 2) bits; root = isqrt(M). */
    s = (2 * (p + 2) - bitlen(x.sig) + 1) / 2;
    if (s < 0)
        s = 0;
    pairs = (bitlen(x.sig) + 2 * s + 1) / 2;
    for (int j = pairs - 1; j >= 0; j--) {
        int pos = 2 * j - 2 * s;
        unsigned two = 0;
        u128 trial;

        if (pos + 1 >= 0)
            two |= (unsigned)((x.sig >> (pos + 1)) & 1) << 1;
        if (pos >= 0)
            two |= (unsigned)(x.sig >> pos) & 1;
        rem = rem << 2 | two;
        trial = root << 2 | 1;
        root <<= 1;
        if (rem >= trial) {
            rem -= trial;
            root |= 1;
        }
    }
    return bfp_round_pack(f, false, (x.exp - 2 * s) / 2, root, rem != 0, c);
}

u128 bfp_fma(enum bfp_fmt f, u128 a, u128 b, u128 d, bool sub, struct bfp_ctx *c)
{
    bool infzero = (is_inf(f, a) && is_zero(f, b)) || (is_zero(f, a) && is_inf(f, b));
    bool psign = bfp_sign(f, a) != bfp_sign(f, b);
    struct bfp_num x, y, z;

    /* A NaN operand decides even for infinity times zero (as QEMU does;
     * IEEE 754-2008 leaves it to the implementation). */
    if (bfp_is_nan(f, a) || bfp_is_nan(f, b) || bfp_is_nan(f, d)) {
        if (is_snan(f, a) || is_snan(f, b) || is_snan(f, d))
            c->flags |= BFP_INVALID;
        if (is_snan(f, a))
            return bfp_quiet(f, a);
        if (is_snan(f, b))
            return bfp_quiet(f, b);
        if (is_snan(f, d))
            return bfp_quiet(f, d);
        return bfp_is_nan(f, a) ? a : bfp_is_nan(f, b) ? b : d;
    }
    if (sub)
        d ^= bfp_sign_bit(f);
    if (infzero) {
        c->flags |= BFP_INVALID;
        return bfp_default_nan(f);
    }
    if (is_inf(f, a) || is_inf(f, b)) {
        if (is_inf(f, d) && bfp_sign(f, d) != psign) {
            c->flags |= BFP_INVALID;
            return bfp_default_nan(f);
        }
        return bfp_inf(f, psign);
    }
    if (is_inf(f, d))
        return d;
    z = bfp_unpack(f, d);
    if (is_zero(f, a) || is_zero(f, b)) {
        x.sign = psign;
        x.exp = 0;
        x.sig = 0;
    } else {
        x = bfp_unpack(f, a);
        y = bfp_unpack(f, b);
        /* At most 2 * 53 bits: exact in 128. */
        x.sig *= y.sig;
        x.exp += y.exp;
        x.sign = psign;
    }
    return add_nums(f, x, z, c);
}

u128 bfp_convert(enum bfp_fmt to, enum bfp_fmt from, u128 v, struct bfp_ctx *c)
{
    bool sign = bfp_sign(from, v);
    struct bfp_num n;

    if (bfp_is_nan(from, v)) {
        u128 fr = v & frac_mask(from);
        int d = bfp_fbits(to) - bfp_fbits(from);

        if (is_snan(from, v))
            c->flags |= BFP_INVALID;
        fr = d >= 0 ? fr << d : fr >> -d;
        return bfp_quiet(to, sign_if(to, sign) | (u128)exp_mask(to) << bfp_fbits(to) | fr);
    }
    if (is_inf(from, v))
        return bfp_inf(to, sign);
    if (is_zero(from, v))
        return sign_if(to, sign);
    n = bfp_unpack(from, v);
    return bfp_round_pack(to, sign, n.exp, n.sig, false, c);
}

exc_t bfp_check(struct cpu *cpu)
{
    if (cpu->cr[0] & BIT64(45))
        return 0;
    cpu->exc.dxc = DXC_BFP_INSN;
    return EXC_PGM(PGM_DATA);
}

u128 bfp_get(struct cpu *cpu, enum bfp_fmt f, unsigned r)
{
    switch (f) {
    case BFP_SHORT:
        return cpu->vr[r].d[0] >> 32;
    case BFP_LONG:
        return cpu->vr[r].d[0];
    default:
        return (u128)cpu->vr[r].d[0] << 64 | cpu->vr[(r + 2) & 15].d[0];
    }
}

void bfp_set(struct cpu *cpu, enum bfp_fmt f, unsigned r, u128 v)
{
    switch (f) {
    case BFP_SHORT:
        cpu->vr[r].d[0] = (cpu->vr[r].d[0] & 0xffffffffu) | (uint64_t)v << 32;
        break;
    case BFP_LONG:
        cpu->vr[r].d[0] = (uint64_t)v;
        break;
    default:
        cpu->vr[r].d[0] = (uint64_t)(v >> 64);
        cpu->vr[(r + 2) & 15].d[0] = (uint64_t)v;
        break;
    }
}

struct bfp_ctx bfp_ctx_fpc(const struct cpu *cpu)
{
    static const enum bfp_rm modes[8] = {
        RM_NEAREST_EVEN, RM_ZERO, RM_UP, RM_DOWN,
        RM_NEAREST_EVEN, RM_NEAREST_EVEN, RM_NEAREST_EVEN, RM_ODD,
    };
    struct bfp_ctx c;

    c.rm = modes[cpu->fpc & 7];
    c.traps = (cpu->fpc >> 24) & 0xf8;
    c.flags = 0;
    return c;
}

bool bfp_ctx_m3(const struct cpu *cpu, unsigned m3, bool fpe, struct bfp_ctx *c)
{
    *c = bfp_ctx_fpc(cpu);
    switch (m3) {
    case 0:
        return true;
    case 1:
        c->rm = RM_NEAREST_AWAY;
        return true;
    case 3:
        c->rm = RM_ODD;
        return fpe;
    case 4:
        c->rm = RM_NEAREST_EVEN;
        return true;
    case 5:
        c->rm = RM_ZERO;
        return true;
    case 6:
        c->rm = RM_UP;
        return true;
    case 7:
        c->rm = RM_DOWN;
        return true;
    default:
        return false;
    }
}

bool bfp_fpe(const struct cpu *cpu)
{
    return cpu->model->fac[FAC_FPE];
}

/* Raise data exception @dxc (an IEEE trap). */
static exc_t ieee_trap(struct cpu *cpu, unsigned dxc)
{
    cpu->exc.dxc = dxc;
    return EXC_PGM(PGM_DATA);
}

exc_t bfp_ieee(struct cpu *cpu, const struct bfp_ctx *c, bool xxc, bool *store)
{
    unsigned fl = c->flags, mask = cpu->fpc >> 24, ix = fl & (BFP_INEXACT | BFP_INCREMENTED);

    *store = true;
    if (fl & BFP_INVALID) {
        if (mask & BFP_INVALID) {
            *store = false;
            return ieee_trap(cpu, DXC_IEEE_INVALID);
        }
        cpu->fpc |= BFP_INVALID << 16;
    }
    if (fl & BFP_DIVIDE) {
        if (mask & BFP_DIVIDE) {
            *store = false;
            return ieee_trap(cpu, DXC_IEEE_DIVIDE);
        }
        cpu->fpc |= BFP_DIVIDE << 16;
    }
    if (fl & BFP_OVERFLOW) {
        if (mask & BFP_OVERFLOW)
            return ieee_trap(cpu, DXC_IEEE_OVERFLOW | ix);
        cpu->fpc |= BFP_OVERFLOW << 16;
    }
    if (fl & BFP_UNDERFLOW) {
        if (mask & BFP_UNDERFLOW)
            return ieee_trap(cpu, DXC_IEEE_UNDERFLOW | ix);
        cpu->fpc |= BFP_UNDERFLOW << 16;
    }
    if ((fl & BFP_INEXACT) && !xxc) {
        if (mask & BFP_INEXACT)
            return ieee_trap(cpu, DXC_IEEE_INEXACT | (fl & BFP_INCREMENTED));
        cpu->fpc |= BFP_INEXACT << 16;
    }
    return 0;
}

unsigned bfp_cc(enum bfp_fmt f, u128 v)
{
    if (bfp_is_nan(f, v))
        return 3;
    if (is_zero(f, v))
        return 0;
    return bfp_sign(f, v) ? 1 : 2;
}
