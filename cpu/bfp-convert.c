/* Binary-floating-point conversions (PoO chapter 19): lengthening and
 * rounding between formats, to and from fixed point, LOAD FP INTEGER and
 * TEST DATA CLASS. */
#include "cpu/bfp.h"

#include "mmu/mmu.h"

static bool pair_ok(unsigned r)
{
    return (r & 2) == 0;
}

/* AFP and pair checks: FPR @a of format @fa and FPR @b of format @fb. */
static exc_t regs_check2(struct cpu *cpu, unsigned a, enum bfp_fmt fa, unsigned b,
                         enum bfp_fmt fb)
{
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    if ((fa == BFP_EXT && !pair_ok(a)) || (fb == BFP_EXT && !pair_ok(b)))
        return EXC_PGM(PGM_SPECIFICATION);
    return 0;
}

/* The rounding context and inexact-suppression control of an instruction
 * whose M3 and M4 fields exist only with the floating-point-extension
 * facility (@base_m3: M3 exists without it too). Returns false for a
 * reserved rounding method. */
static bool m34_ctx(const struct cpu *cpu, const struct insn *in, bool base_m3,
                    struct bfp_ctx *c, bool *xxc)
{
    bool fpe = bfp_fpe(cpu);

    *xxc = fpe && (in->m4 & 4);
    if (!fpe && !base_m3) {
        *c = bfp_ctx_fpc(cpu);
        return true;
    }
    return bfp_ctx_m3(cpu, in->m3, fpe, c);
}

/* Apply IEEE exceptions, then store @v in FPR @r1 (format @f). */
static exc_t finish(struct cpu *cpu, enum bfp_fmt f, unsigned r1, u128 v,
                    const struct bfp_ctx *c, bool xxc)
{
    bool store;
    exc_t exc = bfp_ieee(cpu, c, xxc, &store);

    if (store)
        bfp_set(cpu, f, r1, v);
    return exc;
}

/* Load lengthened: @v (format @from) into FPR R1 (format @to), exact. */
static exc_t lengthen(struct cpu *cpu, const struct insn *in, enum bfp_fmt to,
                      enum bfp_fmt from, u128 v)
{
    struct bfp_ctx c = bfp_ctx_fpc(cpu);

    v = bfp_convert(to, from, v, &c);
    return finish(cpu, to, in->r1, v, &c, false);
}

static exc_t lengthen_rr(struct cpu *cpu, const struct insn *in, enum bfp_fmt to,
                         enum bfp_fmt from)
{
    exc_t exc = regs_check2(cpu, in->r1, to, in->r2, from);

    if (exc)
        return exc;
    return lengthen(cpu, in, to, from, bfp_get(cpu, from, in->r2));
}

static exc_t lengthen_rx(struct cpu *cpu, const struct insn *in, enum bfp_fmt to,
                         enum bfp_fmt from)
{
    uint64_t a = insn_addr2(cpu, in), d;
    uint32_t w;
    exc_t exc = regs_check2(cpu, in->r1, to, 0, BFP_SHORT);

    if (exc)
        return exc;
    if (from == BFP_SHORT) {
        exc = mmu_fetch_u32(cpu, in->b2, a, &w);
        d = w;
    } else {
        exc = mmu_fetch_u64(cpu, in->b2, a, &d);
    }
    if (exc)
        return exc;
    return lengthen(cpu, in, to, from, d);
}

/* LDEBR - LOAD LENGTHENED (short to long BFP) (RRE). */
exc_t insn_ldebr(struct cpu *cpu, const struct insn *in)
{
    return lengthen_rr(cpu, in, BFP_LONG, BFP_SHORT);
}

/* LXDBR - LOAD LENGTHENED (long to extended BFP) (RRE). */
exc_t insn_lxdbr(struct cpu *cpu, const struct insn *in)
{
    return lengthen_rr(cpu, in, BFP_EXT, BFP_LONG);
}

/* LXEBR - LOAD LENGTHENED (short to extended BFP) (RRE). */
exc_t insn_lxebr(struct cpu *cpu, const struct insn *in)
{
    return lengthen_rr(cpu, in, BFP_EXT, BFP_SHORT);
}

/* LDEB - LOAD LENGTHENED (short to long BFP) (RXE). */
exc_t insn_ldeb(struct cpu *cpu, const struct insn *in)
{
    return lengthen_rx(cpu, in, BFP_LONG, BFP_SHORT);
}

/* LXDB - LOAD LENGTHENED (long to extended BFP) (RXE). */
exc_t insn_lxdb(struct cpu *cpu, const struct insn *in)
{
    return lengthen_rx(cpu, in, BFP_EXT, BFP_LONG);
}

/* LXEB - LOAD LENGTHENED (short to extended BFP) (RXE). */
exc_t insn_lxeb(struct cpu *cpu, const struct insn *in)
{
    return lengthen_rx(cpu, in, BFP_EXT, BFP_SHORT);
}

/* Load rounded: FPR R2 (format @from) rounded into FPR R1 (format @to)
 * with the M3 rounding method and M4 inexact control (FPE). The extended
 * source must be a valid pair; the result goes to FPR R1 alone. */
static exc_t load_rounded(struct cpu *cpu, const struct insn *in, enum bfp_fmt to,
                          enum bfp_fmt from)
{
    struct bfp_ctx c;
    bool xxc;
    exc_t exc = regs_check2(cpu, in->r1, BFP_SHORT, in->r2, from);
    u128 v;

    if (exc)
        return exc;
    if (!m34_ctx(cpu, in, false, &c, &xxc))
        return EXC_PGM(PGM_SPECIFICATION);
    v = bfp_convert(to, from, bfp_get(cpu, from, in->r2), &c);
    return finish(cpu, to, in->r1, v, &c, xxc);
}

/* LEDBR - LOAD ROUNDED (long to short BFP) (RRF-e; RRE without FPE). */
exc_t insn_ledbr(struct cpu *cpu, const struct insn *in)
{
    return load_rounded(cpu, in, BFP_SHORT, BFP_LONG);
}

/* LDXBR - LOAD ROUNDED (extended to long BFP) (RRF-e; RRE without FPE). */
exc_t insn_ldxbr(struct cpu *cpu, const struct insn *in)
{
    return load_rounded(cpu, in, BFP_LONG, BFP_EXT);
}

/* LEXBR - LOAD ROUNDED (extended to short BFP) (RRF-e; RRE without FPE). */
exc_t insn_lexbr(struct cpu *cpu, const struct insn *in)
{
    return load_rounded(cpu, in, BFP_SHORT, BFP_EXT);
}

/* Convert from fixed: integer @mag with sign @neg into FPR R1. */
static exc_t from_fixed(struct cpu *cpu, const struct insn *in, enum bfp_fmt f,
                        bool neg, uint64_t mag, bool base_m3)
{
    struct bfp_ctx c;
    bool xxc;
    exc_t exc = regs_check2(cpu, in->r1, f, 0, BFP_SHORT);
    u128 v;

    if (exc)
        return exc;
    if (!m34_ctx(cpu, in, base_m3, &c, &xxc))
        return EXC_PGM(PGM_SPECIFICATION);
    v = mag ? bfp_round_pack(f, neg, 0, mag, false, &c) : 0;
    return finish(cpu, f, in->r1, v, &c, xxc);
}

static exc_t from_s32(struct cpu *cpu, const struct insn *in, enum bfp_fmt f)
{
    int32_t x = (int32_t)cpu_gr32(cpu, in->r2);

    return from_fixed(cpu, in, f, x < 0, x < 0 ? -(uint64_t)(int64_t)x : (uint64_t)x, false);
}

static exc_t from_s64(struct cpu *cpu, const struct insn *in, enum bfp_fmt f)
{
    int64_t x = (int64_t)cpu->gr[in->r2];

    return from_fixed(cpu, in, f, x < 0, x < 0 ? -(uint64_t)x : (uint64_t)x, false);
}

/* CEFBR - CONVERT FROM FIXED (32 to short BFP) (RRF-e; RRE without FPE). */
exc_t insn_cefbr(struct cpu *cpu, const struct insn *in)
{
    return from_s32(cpu, in, BFP_SHORT);
}

/* CDFBR - CONVERT FROM FIXED (32 to long BFP) (RRF-e; RRE without FPE). */
exc_t insn_cdfbr(struct cpu *cpu, const struct insn *in)
{
    return from_s32(cpu, in, BFP_LONG);
}

/* CXFBR - CONVERT FROM FIXED (32 to extended BFP) (RRF-e; RRE without FPE). */
exc_t insn_cxfbr(struct cpu *cpu, const struct insn *in)
{
    return from_s32(cpu, in, BFP_EXT);
}

/* CEGBR - CONVERT FROM FIXED (64 to short BFP) (RRF-e; RRE without FPE). */
exc_t insn_cegbr(struct cpu *cpu, const struct insn *in)
{
    return from_s64(cpu, in, BFP_SHORT);
}

/* CDGBR - CONVERT FROM FIXED (64 to long BFP) (RRF-e; RRE without FPE). */
exc_t insn_cdgbr(struct cpu *cpu, const struct insn *in)
{
    return from_s64(cpu, in, BFP_LONG);
}

/* CXGBR - CONVERT FROM FIXED (64 to extended BFP) (RRF-e; RRE without FPE). */
exc_t insn_cxgbr(struct cpu *cpu, const struct insn *in)
{
    return from_s64(cpu, in, BFP_EXT);
}

/* CELFBR - CONVERT FROM LOGICAL (32 to short BFP) (RRF-e). */
exc_t insn_celfbr(struct cpu *cpu, const struct insn *in)
{
    return from_fixed(cpu, in, BFP_SHORT, false, cpu_gr32(cpu, in->r2), true);
}

/* CDLFBR - CONVERT FROM LOGICAL (32 to long BFP) (RRF-e). */
exc_t insn_cdlfbr(struct cpu *cpu, const struct insn *in)
{
    return from_fixed(cpu, in, BFP_LONG, false, cpu_gr32(cpu, in->r2), true);
}

/* CXLFBR - CONVERT FROM LOGICAL (32 to extended BFP) (RRF-e). */
exc_t insn_cxlfbr(struct cpu *cpu, const struct insn *in)
{
    return from_fixed(cpu, in, BFP_EXT, false, cpu_gr32(cpu, in->r2), true);
}

/* CELGBR - CONVERT FROM LOGICAL (64 to short BFP) (RRF-e). */
exc_t insn_celgbr(struct cpu *cpu, const struct insn *in)
{
    return from_fixed(cpu, in, BFP_SHORT, false, cpu->gr[in->r2], true);
}

/* CDLGBR - CONVERT FROM LOGICAL (64 to long BFP) (RRF-e). */
exc_t insn_cdlgbr(struct cpu *cpu, const struct insn *in)
{
    return from_fixed(cpu, in, BFP_LONG, false, cpu->gr[in->r2], true);
}

/* CXLGBR - CONVERT FROM LOGICAL (64 to extended BFP) (RRF-e). */
exc_t insn_cxlgbr(struct cpu *cpu, const struct insn *in)
{
    return from_fixed(cpu, in, BFP_EXT, false, cpu->gr[in->r2], true);
}

/* Bit number (from the right) of the leftmost one bit of @v (nonzero). */
static int top_bit(u128 v)
{
    uint64_t hi = (uint64_t)(v >> 64);

    return hi ? 127 - __builtin_clzll(hi) : 63 - __builtin_clzll((uint64_t)v);
}

/* Integer result kinds of the conversions to fixed. */
enum fixed_kind { FIX_S32, FIX_S64, FIX_U32, FIX_U64 };

/* Convert @v (format @f) to an integer of kind @k: returns the result
 * (two's complement in 64 bits) and sets *cc; invalid results per the
 * PoO: the extreme value of the operand's sign (NaN: the most negative,
 * or zero for logical results), CC 3, IEEE invalid. */
static uint64_t to_fixed_value(enum bfp_fmt f, u128 v, enum fixed_kind k, struct bfp_ctx *c,
                               unsigned *cc)
{
    bool is_signed = k == FIX_S32 || k == FIX_S64;
    bool wide = k == FIX_S64 || k == FIX_U64;
    uint64_t pos_max = is_signed ? (wide ? INT64_MAX : INT32_MAX)
                                 : (wide ? UINT64_MAX : UINT32_MAX);
    uint64_t neg_max = is_signed ? pos_max + 1 : 0;     /* magnitude of the most negative */
    uint64_t neg_res = is_signed ? (wide ? (uint64_t)INT64_MIN : 0x80000000u) : 0;
    enum bfp_class cls = bfp_classify(f, v);
    bool sign = bfp_sign(f, v);
    struct bfp_num n;
    u128 m;

    if (cls == BFP_ZERO) {
        *cc = 0;
        return 0;
    }
    *cc = sign ? 1 : 2;
    if (cls == BFP_QNAN || cls == BFP_SNAN)
        goto invalid;
    if (cls == BFP_INF)
        goto invalid;
    n = bfp_unpack(f, v);
    if (n.exp + top_bit(n.sig) >= 64)      /* magnitude 2^64 or more */
        goto invalid;
    m = bfp_round_int(n.sig, false, -n.exp, sign, c);
    if (m > (sign ? neg_max : pos_max))
        goto invalid;
    return sign ? -(uint64_t)m : (uint64_t)m;
invalid:
    /* Inexact accompanies an out-of-range operand but not a NaN (as QEMU). */
    c->flags = (c->flags & ~(BFP_INEXACT | BFP_INCREMENTED)) | BFP_INVALID;
    *cc = 3;
    if (cls == BFP_QNAN || cls == BFP_SNAN)
        return neg_res;
    c->flags |= BFP_INEXACT;
    return sign ? neg_res : pos_max;
}

/* Convert to fixed/logical: FPR R2 (format @f) into GR R1. */
static exc_t to_fixed(struct cpu *cpu, const struct insn *in, enum bfp_fmt f, enum fixed_kind k)
{
    bool logical = k == FIX_U32 || k == FIX_U64, xxc, store;
    struct bfp_ctx c;
    unsigned cc;
    uint64_t r;
    exc_t exc = regs_check2(cpu, 0, BFP_SHORT, in->r2, f);

    if (exc)
        return exc;
    if (!m34_ctx(cpu, in, !logical, &c, &xxc))
        return EXC_PGM(PGM_SPECIFICATION);
    r = to_fixed_value(f, bfp_get(cpu, f, in->r2), k, &c, &cc);
    exc = bfp_ieee(cpu, &c, xxc, &store);
    if (store) {
        if (k == FIX_S64 || k == FIX_U64)
            cpu->gr[in->r1] = r;
        else
            cpu_set_gr32(cpu, in->r1, (uint32_t)r);
        cpu_set_cc(cpu, cc);
    }
    return exc;
}

/* CFEBR - CONVERT TO FIXED (short BFP to 32) (RRF-e). */
exc_t insn_cfebr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, BFP_SHORT, FIX_S32);
}

/* CFDBR - CONVERT TO FIXED (long BFP to 32) (RRF-e). */
exc_t insn_cfdbr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, BFP_LONG, FIX_S32);
}

/* CFXBR - CONVERT TO FIXED (extended BFP to 32) (RRF-e). */
exc_t insn_cfxbr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, BFP_EXT, FIX_S32);
}

/* CGEBR - CONVERT TO FIXED (short BFP to 64) (RRF-e). */
exc_t insn_cgebr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, BFP_SHORT, FIX_S64);
}

/* CGDBR - CONVERT TO FIXED (long BFP to 64) (RRF-e). */
exc_t insn_cgdbr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, BFP_LONG, FIX_S64);
}

/* CGXBR - CONVERT TO FIXED (extended BFP to 64) (RRF-e). */
exc_t insn_cgxbr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, BFP_EXT, FIX_S64);
}

/* CLFEBR - CONVERT TO LOGICAL (short BFP to 32) (RRF-e). */
exc_t insn_clfebr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, BFP_SHORT, FIX_U32);
}

/* CLFDBR - CONVERT TO LOGICAL (long BFP to 32) (RRF-e). */
exc_t insn_clfdbr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, BFP_LONG, FIX_U32);
}

/* CLFXBR - CONVERT TO LOGICAL (extended BFP to 32) (RRF-e). */
exc_t insn_clfxbr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, BFP_EXT, FIX_U32);
}

/* CLGEBR - CONVERT TO LOGICAL (short BFP to 64) (RRF-e). */
exc_t insn_clgebr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, BFP_SHORT, FIX_U64);
}

/* CLGDBR - CONVERT TO LOGICAL (long BFP to 64) (RRF-e). */
exc_t insn_clgdbr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, BFP_LONG, FIX_U64);
}

/* CLGXBR - CONVERT TO LOGICAL (extended BFP to 64) (RRF-e). */
exc_t insn_clgxbr(struct cpu *cpu, const struct insn *in)
{
    return to_fixed(cpu, in, BFP_EXT, FIX_U64);
}

/* Round @v to an integer value in the same format. */
static u128 fp_integer(enum bfp_fmt f, u128 v, struct bfp_ctx *c)
{
    enum bfp_class cls = bfp_classify(f, v);
    bool sign = bfp_sign(f, v);
    struct bfp_num n;
    u128 m;

    if (cls == BFP_QNAN || cls == BFP_SNAN)
        return bfp_pick_nan(f, v, v, c);
    if (cls == BFP_ZERO || cls == BFP_INF)
        return v;
    n = bfp_unpack(f, v);
    if (n.exp >= 0)
        return v;
    m = bfp_round_int(n.sig, false, -n.exp, sign, c);
    if (!m)
        return sign ? bfp_sign_bit(f) : 0;
    {
        struct bfp_ctx exact = *c;

        return bfp_round_pack(f, sign, 0, m, false, &exact);
    }
}

/* LOAD FP INTEGER: FPR R2 rounded to an integer into FPR R1 (M3 rounding
 * method; M4 inexact suppression with FPE). */
static exc_t load_fp_integer(struct cpu *cpu, const struct insn *in, enum bfp_fmt f)
{
    struct bfp_ctx c;
    bool xxc;
    exc_t exc = regs_check2(cpu, in->r1, f, in->r2, f);
    u128 v;

    if (exc)
        return exc;
    if (!m34_ctx(cpu, in, true, &c, &xxc))
        return EXC_PGM(PGM_SPECIFICATION);
    v = fp_integer(f, bfp_get(cpu, f, in->r2), &c);
    return finish(cpu, f, in->r1, v, &c, xxc);
}

/* FIEBR - LOAD FP INTEGER (short BFP) (RRF-e). */
exc_t insn_fiebr(struct cpu *cpu, const struct insn *in)
{
    return load_fp_integer(cpu, in, BFP_SHORT);
}

/* FIDBR - LOAD FP INTEGER (long BFP) (RRF-e). */
exc_t insn_fidbr(struct cpu *cpu, const struct insn *in)
{
    return load_fp_integer(cpu, in, BFP_LONG);
}

/* FIXBR - LOAD FP INTEGER (extended BFP) (RRF-e). */
exc_t insn_fixbr(struct cpu *cpu, const struct insn *in)
{
    return load_fp_integer(cpu, in, BFP_EXT);
}

/* TEST DATA CLASS: CC 1 if the class of FPR R1 is selected by bits 52-63
 * of the second-operand address, else 0. No storage is accessed. */
static exc_t test_data_class(struct cpu *cpu, const struct insn *in, enum bfp_fmt f)
{
    exc_t exc = regs_check2(cpu, in->r1, f, 0, BFP_SHORT);
    unsigned mask = (unsigned)insn_addr2(cpu, in) & 0xfff, bit;
    u128 v;

    if (exc)
        return exc;
    v = bfp_get(cpu, f, in->r1);
    bit = (unsigned)bfp_classify(f, v) + (bfp_sign(f, v) ? 1 : 0);
    cpu_set_cc(cpu, (mask >> (11 - bit)) & 1);
    return 0;
}

/* TCEB - TEST DATA CLASS (short BFP) (RXE). */
exc_t insn_tceb(struct cpu *cpu, const struct insn *in)
{
    return test_data_class(cpu, in, BFP_SHORT);
}

/* TCDB - TEST DATA CLASS (long BFP) (RXE). */
exc_t insn_tcdb(struct cpu *cpu, const struct insn *in)
{
    return test_data_class(cpu, in, BFP_LONG);
}

/* TCXB - TEST DATA CLASS (extended BFP) (RXE). */
exc_t insn_tcxb(struct cpu *cpu, const struct insn *in)
{
    return test_data_class(cpu, in, BFP_EXT);
}
