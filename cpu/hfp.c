/* Hexadecimal-floating-point instructions (PoO chapter 18), part 1: the
 * number form, add, subtract, compare, halve and the loads (test,
 * complement, positive, negative, rounded, lengthened). Multiply, divide,
 * square root and the conversions are in cpu/hfp-mul.c.
 *
 * HFP arithmetic truncates: only LOAD ROUNDED, SQUARE ROOT and CONVERT TO
 * FIXED round. A number is kept unpacked with a 120-bit fraction, which
 * holds an extended (28-digit) fraction plus a guard digit and a carry. */
#include "cpu/hfp-core.h"

#include "mmu/mmu.h"

/* FPRs @a and @b must exist: without the AFP-register control (CR0 bit
 * 45) only 0, 2, 4 and 6 do. Returns 0 or a data exception (DXC 1). */
exc_t hfp_afp(struct cpu *cpu, unsigned a, unsigned b)
{
    if (cpu->cr[0] & BIT64(45))
        return 0;
    if ((a | b) & 9) {
        cpu->exc.dxc = DXC_AFP_REGISTER;
        return EXC_PGM(PGM_DATA);
    }
    return 0;
}

/* Is @r the lower register of a valid FPR pair (0,1,4,5,8,9,12,13)? */
bool hfp_pair_ok(unsigned r)
{
    return (r & 2) == 0;
}

uint64_t *hfp_fpr(struct cpu *cpu, unsigned r)
{
    return &cpu->vr[r].d[0];
}

struct hfp hfp_from_short(uint32_t v)
{
    struct hfp x = { v >> 31, (v >> 24) & 0x7f, (u128)(v & 0xffffff) << 96 };

    return x;
}

struct hfp hfp_from_long(uint64_t v)
{
    struct hfp x = { v >> 63, (v >> 56) & 0x7f, (u128)(v & HFP_M56) << 64 };

    return x;
}

/* The operand of format @fmt in FPR @r (the pair @r, @r+2 for extended;
 * the sign and characteristic of the low-order part are ignored). */
struct hfp hfp_get(struct cpu *cpu, unsigned r, enum hfp_fmt fmt)
{
    struct hfp x;

    if (fmt == HFP_SHORT)
        return hfp_from_short((uint32_t)(*hfp_fpr(cpu, r) >> 32));
    x = hfp_from_long(*hfp_fpr(cpu, r));
    if (fmt == HFP_EXT)
        x.f |= (u128)(*hfp_fpr(cpu, r + 2) & HFP_M56) << 8;
    return x;
}

/* Store @x in format @fmt into FPR @r: a short result replaces bits 0-31
 * only; an extended one gets a low-order part whose sign is that of the
 * high-order part and whose characteristic is 14 less, modulo 128 (all
 * zeros for a true zero). */
void hfp_put(struct cpu *cpu, unsigned r, enum hfp_fmt fmt, const struct hfp *x)
{
    uint64_t sign = (uint64_t)x->neg << 63;
    uint64_t hi = sign | (uint64_t)(x->c & 0x7f) << 56 | (uint64_t)(x->f >> 64);
    uint64_t *p = hfp_fpr(cpu, r);

    if (fmt == HFP_SHORT) {
        *p = (*p & 0xffffffffu) | (hi & UINT64_C(0xffffffff00000000));
        return;
    }
    *p = hi;
    if (fmt == HFP_EXT) {
        uint64_t lo = (uint64_t)(x->f >> 8) & HFP_M56;

        if (hi | lo)
            lo |= sign | (uint64_t)((x->c - 14) & 0x7f) << 56;
        *hfp_fpr(cpu, r + 2) = lo;
    }
}

/* Second operand of format @fmt (short or long): FPR R2, or storage at
 * the second-operand address when @mem. Returns an access exception. */
exc_t hfp_op2(struct cpu *cpu, const struct insn *in, bool mem, enum hfp_fmt fmt,
              struct hfp *x)
{
    exc_t exc;

    if (!mem) {
        *x = hfp_get(cpu, in->r2, fmt);
        return 0;
    }
    if (fmt == HFP_SHORT) {
        uint32_t v;

        exc = mmu_fetch_u32(cpu, in->b2, insn_addr2(cpu, in), &v);
        if (exc)
            return exc;
        *x = hfp_from_short(v);
    } else {
        uint64_t v;

        exc = mmu_fetch_u64(cpu, in->b2, insn_addr2(cpu, in), &v);
        if (exc)
            return exc;
        *x = hfp_from_long(v);
    }
    return 0;
}

/* Shift the fraction left until its leftmost digit is nonzero. */
void hfp_normalize(struct hfp *x)
{
    if (x->f == 0)
        return;
    while (x->f < (HFP_ONE >> 4)) {
        x->f <<= 4;
        x->c--;
    }
}

/* Drop the fraction digits beyond the format. */
void hfp_truncate(struct hfp *x, enum hfp_fmt fmt)
{
    x->f &= ~((HFP_ONE >> (4 * fmt)) - 1);
}

void hfp_true_zero(struct hfp *x)
{
    x->neg = false;
    x->c = 0;
    x->f = 0;
}

/* Final exponent checks of a normalized result (PoO "HFP-Exponent-Overflow
 * Exception", "HFP-Exponent-Underflow Exception"): a zero fraction gives a
 * true zero; a characteristic above 127 is wrapped and reported; one below
 * 0 is wrapped and reported when program-mask bit 22 is one, else the
 * result is a true zero. Returns the exception to report after storing. */
exc_t hfp_finish(struct cpu *cpu, struct hfp *x)
{
    if (x->f == 0) {
        hfp_true_zero(x);
        return 0;
    }
    if (x->c > 127) {
        x->c -= 128;
        return EXC_PGM(PGM_HFP_EXP_OVERFLOW);
    }
    if (x->c < 0) {
        if (cpu_pm(cpu) & PSW_PM_HFP_EXPU) {
            x->c += 128;
            return EXC_PGM(PGM_HFP_EXP_UNDERFLOW);
        }
        hfp_true_zero(x);
    }
    return 0;
}

/* Align @a and @b (format @fmt) and add them algebraically: the fraction
 * with the smaller characteristic is shifted right, keeping one guard
 * digit (PoO "ADD NORMALIZED"). The result has the larger characteristic,
 * a fraction below 16 * HFP_ONE, and plus sign when the fraction is 0. */
struct hfp hfp_sum(struct hfp a, struct hfp b, enum hfp_fmt fmt)
{
    struct hfp r;
    int d;

    if (b.c > a.c) {
        r = a;
        a = b;
        b = r;
    }
    d = a.c - b.c;
    b.f = d >= 31 ? 0 : b.f >> (4 * d);
    b.f &= ~((HFP_ONE >> (4 * (fmt + 1))) - 1);
    r.c = a.c;
    if (a.neg == b.neg) {
        r.f = a.f + b.f;
        r.neg = a.neg;
    } else if (a.f >= b.f) {
        r.f = a.f - b.f;
        r.neg = a.neg;
    } else {
        r.f = b.f - a.f;
        r.neg = b.neg;
    }
    if (r.f == 0)
        r.neg = false;
    return r;
}

/* ADD/SUBTRACT: FPR R1 (format @fmt) plus or minus @b, normalized or
 * not; CC 0 for a zero result fraction, 1 negative, 2 positive. Returns
 * the significance, exponent-overflow or -underflow exception after
 * storing the result. */
static exc_t add_common(struct cpu *cpu, unsigned r1, enum hfp_fmt fmt, struct hfp b,
                        bool sub, bool norm)
{
    struct hfp r;
    exc_t exc;

    if (sub)
        b.neg = !b.neg;
    r = hfp_sum(hfp_get(cpu, r1, fmt), b, fmt);
    if (r.f >= HFP_ONE) {
        r.f >>= 4;
        r.c++;
    }
    if (norm)
        hfp_normalize(&r);
    hfp_truncate(&r, fmt);
    if (r.f == 0) {
        /* PoO "HFP-Significance Exception": the zero fraction keeps the
         * characteristic of the intermediate result when the mask is one. */
        cpu_set_cc(cpu, 0);
        if (cpu_pm(cpu) & PSW_PM_HFP_SIGN) {
            r.neg = false;
            hfp_put(cpu, r1, fmt, &r);
            return EXC_PGM(PGM_HFP_SIGNIFICANCE);
        }
        hfp_true_zero(&r);
        hfp_put(cpu, r1, fmt, &r);
        return 0;
    }
    exc = hfp_finish(cpu, &r);
    hfp_put(cpu, r1, fmt, &r);
    cpu_set_cc(cpu, r.f == 0 ? 0 : r.neg ? 1 : 2);
    return exc;
}

/* Register-register or register-storage add/subtract in short or long. */
static exc_t add_op(struct cpu *cpu, const struct insn *in, enum hfp_fmt fmt, bool mem,
                    bool sub, bool norm)
{
    struct hfp b;
    exc_t exc = hfp_afp(cpu, in->r1, mem ? 0 : in->r2);

    if (exc)
        return exc;
    exc = hfp_op2(cpu, in, mem, fmt, &b);
    if (exc)
        return exc;
    return add_common(cpu, in->r1, fmt, b, sub, norm);
}

/* Extended add/subtract (RR forms only). */
static exc_t add_ext(struct cpu *cpu, const struct insn *in, bool sub)
{
    exc_t exc = hfp_afp(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    if (!hfp_pair_ok(in->r1) || !hfp_pair_ok(in->r2))
        return EXC_PGM(PGM_SPECIFICATION);
    return add_common(cpu, in->r1, HFP_EXT, hfp_get(cpu, in->r2, HFP_EXT), sub, true);
}

/* AER - ADD NORMALIZED (short) (RR). Returns HFP exceptions. */
exc_t insn_aer(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_SHORT, false, false, true);
}

/* AE - ADD NORMALIZED (short) (RX-a). Returns HFP or access exceptions. */
exc_t insn_ae(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_SHORT, true, false, true);
}

/* ADR - ADD NORMALIZED (long) (RR). Returns HFP exceptions. */
exc_t insn_adr(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_LONG, false, false, true);
}

/* AD - ADD NORMALIZED (long) (RX-a). Returns HFP or access exceptions. */
exc_t insn_ad(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_LONG, true, false, true);
}

/* AXR - ADD NORMALIZED (extended) (RR). Returns specification or HFP exceptions. */
exc_t insn_axr(struct cpu *cpu, const struct insn *in)
{
    return add_ext(cpu, in, false);
}

/* SER - SUBTRACT NORMALIZED (short) (RR). Returns HFP exceptions. */
exc_t insn_ser(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_SHORT, false, true, true);
}

/* SE - SUBTRACT NORMALIZED (short) (RX-a). Returns HFP or access exceptions. */
exc_t insn_se(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_SHORT, true, true, true);
}

/* SDR - SUBTRACT NORMALIZED (long) (RR). Returns HFP exceptions. */
exc_t insn_sdr(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_LONG, false, true, true);
}

/* SD - SUBTRACT NORMALIZED (long) (RX-a). Returns HFP or access exceptions. */
exc_t insn_sd(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_LONG, true, true, true);
}

/* SXR - SUBTRACT NORMALIZED (extended) (RR). Returns specification or HFP exceptions. */
exc_t insn_sxr(struct cpu *cpu, const struct insn *in)
{
    return add_ext(cpu, in, true);
}

/* AUR - ADD UNNORMALIZED (short) (RR). Returns HFP exceptions. */
exc_t insn_aur(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_SHORT, false, false, false);
}

/* AU - ADD UNNORMALIZED (short) (RX-a). Returns HFP or access exceptions. */
exc_t insn_au(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_SHORT, true, false, false);
}

/* AWR - ADD UNNORMALIZED (long) (RR). Returns HFP exceptions. */
exc_t insn_awr(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_LONG, false, false, false);
}

/* AW - ADD UNNORMALIZED (long) (RX-a). Returns HFP or access exceptions. */
exc_t insn_aw(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_LONG, true, false, false);
}

/* SUR - SUBTRACT UNNORMALIZED (short) (RR). Returns HFP exceptions. */
exc_t insn_sur(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_SHORT, false, true, false);
}

/* SU - SUBTRACT UNNORMALIZED (short) (RX-a). Returns HFP or access exceptions. */
exc_t insn_su(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_SHORT, true, true, false);
}

/* SWR - SUBTRACT UNNORMALIZED (long) (RR). Returns HFP exceptions. */
exc_t insn_swr(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_LONG, false, true, false);
}

/* SW - SUBTRACT UNNORMALIZED (long) (RX-a). Returns HFP or access exceptions. */
exc_t insn_sw(struct cpu *cpu, const struct insn *in)
{
    return add_op(cpu, in, HFP_LONG, true, true, false);
}

/* COMPARE: CC from the sign of (R1 - @b) computed as in subtraction with
 * a guard digit; zero fractions compare equal whatever their sign and
 * characteristic. No exceptions. */
static void compare_common(struct cpu *cpu, unsigned r1, enum hfp_fmt fmt, struct hfp b)
{
    struct hfp r;

    b.neg = !b.neg;
    r = hfp_sum(hfp_get(cpu, r1, fmt), b, fmt);
    cpu_set_cc(cpu, r.f == 0 ? 0 : r.neg ? 1 : 2);
}

static exc_t compare_op(struct cpu *cpu, const struct insn *in, enum hfp_fmt fmt, bool mem)
{
    struct hfp b;
    exc_t exc = hfp_afp(cpu, in->r1, mem ? 0 : in->r2);

    if (exc)
        return exc;
    exc = hfp_op2(cpu, in, mem, fmt, &b);
    if (exc)
        return exc;
    compare_common(cpu, in->r1, fmt, b);
    return 0;
}

/* CER - COMPARE (short) (RR). */
exc_t insn_cer(struct cpu *cpu, const struct insn *in)
{
    return compare_op(cpu, in, HFP_SHORT, false);
}

/* CE - COMPARE (short) (RX-a). Returns access exceptions. */
exc_t insn_ce(struct cpu *cpu, const struct insn *in)
{
    return compare_op(cpu, in, HFP_SHORT, true);
}

/* CDR - COMPARE (long) (RR). */
exc_t insn_cdr(struct cpu *cpu, const struct insn *in)
{
    return compare_op(cpu, in, HFP_LONG, false);
}

/* CD - COMPARE (long) (RX-a). Returns access exceptions. */
exc_t insn_cd(struct cpu *cpu, const struct insn *in)
{
    return compare_op(cpu, in, HFP_LONG, true);
}

/* CXR - COMPARE (extended) (RRE). Returns specification for invalid pairs. */
exc_t insn_cxr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = hfp_afp(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    if (!hfp_pair_ok(in->r1) || !hfp_pair_ok(in->r2))
        return EXC_PGM(PGM_SPECIFICATION);
    compare_common(cpu, in->r1, HFP_EXT, hfp_get(cpu, in->r2, HFP_EXT));
    return 0;
}

/* HALVE: FPR R2 divided by two, normalized (the bit shifted out stays in
 * the guard digit), into FPR R1. Returns exponent underflow after storing. */
static exc_t halve(struct cpu *cpu, const struct insn *in, enum hfp_fmt fmt)
{
    struct hfp x;
    exc_t exc = hfp_afp(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    x = hfp_get(cpu, in->r2, fmt);
    x.f >>= 1;
    hfp_normalize(&x);
    hfp_truncate(&x, fmt);
    exc = hfp_finish(cpu, &x);
    hfp_put(cpu, in->r1, fmt, &x);
    return exc;
}

/* HER - HALVE (short) (RR). Returns exponent underflow. */
exc_t insn_her(struct cpu *cpu, const struct insn *in)
{
    return halve(cpu, in, HFP_SHORT);
}

/* HDR - HALVE (long) (RR). Returns exponent underflow. */
exc_t insn_hdr(struct cpu *cpu, const struct insn *in)
{
    return halve(cpu, in, HFP_LONG);
}

/* The sign operations of LOAD AND TEST/COMPLEMENT/NEGATIVE/POSITIVE. */
enum sign_op {
    SIGN_KEEP,
    SIGN_INVERT,
    SIGN_SET,
    SIGN_CLEAR,
};

/* FPR R2 with its sign changed by @op into FPR R1, unnormalized; CC 0 for a
 * zero fraction, 1 negative, 2 positive. For extended operands the
 * low-order sign and characteristic are set as for any extended result. */
static exc_t sign_common(struct cpu *cpu, const struct insn *in, enum hfp_fmt fmt,
                         enum sign_op op)
{
    struct hfp x;
    exc_t exc = hfp_afp(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    if (fmt == HFP_EXT && (!hfp_pair_ok(in->r1) || !hfp_pair_ok(in->r2)))
        return EXC_PGM(PGM_SPECIFICATION);
    x = hfp_get(cpu, in->r2, fmt);
    if (op == SIGN_INVERT)
        x.neg = !x.neg;
    else if (op == SIGN_SET)
        x.neg = true;
    else if (op == SIGN_CLEAR)
        x.neg = false;
    hfp_put(cpu, in->r1, fmt, &x);
    cpu_set_cc(cpu, x.f == 0 ? 0 : x.neg ? 1 : 2);
    return 0;
}

/* LTER - LOAD AND TEST (short) (RR). */
exc_t insn_lter(struct cpu *cpu, const struct insn *in)
{
    return sign_common(cpu, in, HFP_SHORT, SIGN_KEEP);
}

/* LTDR - LOAD AND TEST (long) (RR). */
exc_t insn_ltdr(struct cpu *cpu, const struct insn *in)
{
    return sign_common(cpu, in, HFP_LONG, SIGN_KEEP);
}

/* LTXR - LOAD AND TEST (extended) (RRE). Returns specification. */
exc_t insn_ltxr(struct cpu *cpu, const struct insn *in)
{
    return sign_common(cpu, in, HFP_EXT, SIGN_KEEP);
}

/* LCER - LOAD COMPLEMENT (short) (RR). */
exc_t insn_lcer(struct cpu *cpu, const struct insn *in)
{
    return sign_common(cpu, in, HFP_SHORT, SIGN_INVERT);
}

/* LCDR - LOAD COMPLEMENT (long) (RR). */
exc_t insn_lcdr(struct cpu *cpu, const struct insn *in)
{
    return sign_common(cpu, in, HFP_LONG, SIGN_INVERT);
}

/* LCXR - LOAD COMPLEMENT (extended) (RRE). Returns specification. */
exc_t insn_lcxr(struct cpu *cpu, const struct insn *in)
{
    return sign_common(cpu, in, HFP_EXT, SIGN_INVERT);
}

/* LNER - LOAD NEGATIVE (short) (RR). */
exc_t insn_lner(struct cpu *cpu, const struct insn *in)
{
    return sign_common(cpu, in, HFP_SHORT, SIGN_SET);
}

/* LNDR - LOAD NEGATIVE (long) (RR). */
exc_t insn_lndr(struct cpu *cpu, const struct insn *in)
{
    return sign_common(cpu, in, HFP_LONG, SIGN_SET);
}

/* LNXR - LOAD NEGATIVE (extended) (RRE). Returns specification. */
exc_t insn_lnxr(struct cpu *cpu, const struct insn *in)
{
    return sign_common(cpu, in, HFP_EXT, SIGN_SET);
}

/* LPER - LOAD POSITIVE (short) (RR). */
exc_t insn_lper(struct cpu *cpu, const struct insn *in)
{
    return sign_common(cpu, in, HFP_SHORT, SIGN_CLEAR);
}

/* LPDR - LOAD POSITIVE (long) (RR). */
exc_t insn_lpdr(struct cpu *cpu, const struct insn *in)
{
    return sign_common(cpu, in, HFP_LONG, SIGN_CLEAR);
}

/* LPXR - LOAD POSITIVE (extended) (RRE). Returns specification. */
exc_t insn_lpxr(struct cpu *cpu, const struct insn *in)
{
    return sign_common(cpu, in, HFP_EXT, SIGN_CLEAR);
}

/* LOAD ROUNDED: @x (from a longer format) rounded to @fmt by adding one in
 * the leftmost bit position dropped, then truncated, without
 * normalization; a carry out of the fraction shifts it right one digit.
 * Stored into FPR @r1. Returns exponent overflow after storing. */
static exc_t load_rounded(struct cpu *cpu, unsigned r1, enum hfp_fmt fmt, struct hfp x)
{
    exc_t exc = 0;

    x.f += (HFP_ONE >> (4 * fmt)) >> 1;
    hfp_truncate(&x, fmt);
    if (x.f >= HFP_ONE) {
        x.f >>= 4;
        x.c++;
    }
    if (x.c > 127) {
        x.c -= 128;
        exc = EXC_PGM(PGM_HFP_EXP_OVERFLOW);
    }
    hfp_put(cpu, r1, fmt, &x);
    return exc;
}

/* LEDR - LOAD ROUNDED (long to short) (RR). Returns exponent overflow. */
exc_t insn_ledr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = hfp_afp(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    return load_rounded(cpu, in->r1, HFP_SHORT, hfp_get(cpu, in->r2, HFP_LONG));
}

/* LDXR - LOAD ROUNDED (extended to long) (RR). Returns specification or
 * exponent overflow. */
exc_t insn_ldxr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = hfp_afp(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    if (!hfp_pair_ok(in->r2))
        return EXC_PGM(PGM_SPECIFICATION);
    return load_rounded(cpu, in->r1, HFP_LONG, hfp_get(cpu, in->r2, HFP_EXT));
}

/* LEXR - LOAD ROUNDED (extended to short) (RRE). Returns specification or
 * exponent overflow. */
exc_t insn_lexr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = hfp_afp(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    if (!hfp_pair_ok(in->r2))
        return EXC_PGM(PGM_SPECIFICATION);
    return load_rounded(cpu, in->r1, HFP_SHORT, hfp_get(cpu, in->r2, HFP_EXT));
}

/* LOAD LENGTHENED: @x extended with zero digits into FPR R1 in @fmt,
 * without normalization. */
static exc_t load_lengthened(struct cpu *cpu, const struct insn *in, enum hfp_fmt fmt,
                             enum hfp_fmt from, bool mem)
{
    struct hfp x;
    exc_t exc = hfp_afp(cpu, in->r1, mem ? 0 : in->r2);

    if (exc)
        return exc;
    if (fmt == HFP_EXT && !hfp_pair_ok(in->r1))
        return EXC_PGM(PGM_SPECIFICATION);
    exc = hfp_op2(cpu, in, mem, from, &x);
    if (exc)
        return exc;
    hfp_put(cpu, in->r1, fmt, &x);
    return 0;
}

/* LDER - LOAD LENGTHENED (short to long) (RRE). */
exc_t insn_lder(struct cpu *cpu, const struct insn *in)
{
    return load_lengthened(cpu, in, HFP_LONG, HFP_SHORT, false);
}

/* LDE - LOAD LENGTHENED (short to long) (RXE). Returns access exceptions. */
exc_t insn_lde(struct cpu *cpu, const struct insn *in)
{
    return load_lengthened(cpu, in, HFP_LONG, HFP_SHORT, true);
}

/* LXDR - LOAD LENGTHENED (long to extended) (RRE). Returns specification. */
exc_t insn_lxdr(struct cpu *cpu, const struct insn *in)
{
    return load_lengthened(cpu, in, HFP_EXT, HFP_LONG, false);
}

/* LXD - LOAD LENGTHENED (long to extended) (RXE). Returns specification or
 * access exceptions. */
exc_t insn_lxd(struct cpu *cpu, const struct insn *in)
{
    return load_lengthened(cpu, in, HFP_EXT, HFP_LONG, true);
}

/* LXER - LOAD LENGTHENED (short to extended) (RRE). Returns specification. */
exc_t insn_lxer(struct cpu *cpu, const struct insn *in)
{
    return load_lengthened(cpu, in, HFP_EXT, HFP_SHORT, false);
}

/* LXE - LOAD LENGTHENED (short to extended) (RXE). Returns specification or
 * access exceptions. */
exc_t insn_lxe(struct cpu *cpu, const struct insn *in)
{
    return load_lengthened(cpu, in, HFP_EXT, HFP_SHORT, true);
}
