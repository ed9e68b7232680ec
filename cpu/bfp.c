/* Binary-floating-point arithmetic, comparison and sign instructions
 * (PoO chapter 19). The arithmetic itself is in cpu/bfp-core.c. */
#include "cpu/bfp.h"

#include "mmu/mmu.h"

enum arith_op { OP_ADD, OP_SUB, OP_MUL, OP_DIV };

/* Is @r the lower register of a valid FPR pair? */
static bool pair_ok(unsigned r)
{
    return (r & 2) == 0;
}

/* AFP check for FPRs @a and @b, plus the pair check when @f is extended.
 * Returns 0, a data or a specification exception. */
static exc_t regs_check(struct cpu *cpu, enum bfp_fmt f, unsigned a, unsigned b)
{
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    if (f == BFP_EXT && (!pair_ok(a) || !pair_ok(b)))
        return EXC_PGM(PGM_SPECIFICATION);
    return 0;
}

/* Fetch the short or long second operand of an RXE/RXF instruction. */
static exc_t fetch_op2(struct cpu *cpu, const struct insn *in, enum bfp_fmt f, u128 *v)
{
    uint64_t a = insn_addr2(cpu, in);
    exc_t exc;

    if (f == BFP_SHORT) {
        uint32_t w;

        exc = mmu_fetch_u32(cpu, in->b2, a, &w);
        *v = w;
        return exc;
    } else {
        uint64_t d;

        exc = mmu_fetch_u64(cpu, in->b2, a, &d);
        *v = d;
        return exc;
    }
}

/* Apply the IEEE exceptions of @c, then store @v in FPR @r1 and set the
 * CC to @cc (negative: unchanged) unless the exception suppresses. */
static exc_t finish(struct cpu *cpu, enum bfp_fmt f, unsigned r1, u128 v,
                    const struct bfp_ctx *c, int cc)
{
    bool store;
    exc_t exc = bfp_ieee(cpu, c, false, &store);

    if (store) {
        bfp_set(cpu, f, r1, v);
        if (cc >= 0)
            cpu_set_cc(cpu, (unsigned)cc);
    }
    return exc;
}

/* Common part of the add, subtract, multiply and divide instructions on
 * FPR R1 and the second operand @b. */
static exc_t arith(struct cpu *cpu, const struct insn *in, enum bfp_fmt f, enum arith_op op, u128 b)
{
    struct bfp_ctx c = bfp_ctx_fpc(cpu);
    u128 a = bfp_get(cpu, f, in->r1), v;

    switch (op) {
    case OP_ADD:
    case OP_SUB:
        v = bfp_add(f, a, b, op == OP_SUB, &c);
        return finish(cpu, f, in->r1, v, &c, (int)bfp_cc(f, v));
    case OP_MUL:
        v = bfp_mul(f, a, b, &c);
        break;
    default:
        v = bfp_div(f, a, b, &c);
        break;
    }
    return finish(cpu, f, in->r1, v, &c, -1);
}

/* Register form (RRE) of an arithmetic instruction. */
static exc_t arith_rr(struct cpu *cpu, const struct insn *in, enum bfp_fmt f, enum arith_op op)
{
    exc_t exc = regs_check(cpu, f, in->r1, in->r2);

    if (exc)
        return exc;
    return arith(cpu, in, f, op, bfp_get(cpu, f, in->r2));
}

/* Storage form (RXE) of an arithmetic instruction. */
static exc_t arith_rx(struct cpu *cpu, const struct insn *in, enum bfp_fmt f, enum arith_op op)
{
    u128 b;
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    exc = fetch_op2(cpu, in, f, &b);
    if (exc)
        return exc;
    return arith(cpu, in, f, op, b);
}

/* AEBR - ADD (short BFP) (RRE). */
exc_t insn_aebr(struct cpu *cpu, const struct insn *in)
{
    return arith_rr(cpu, in, BFP_SHORT, OP_ADD);
}

/* ADBR - ADD (long BFP) (RRE). */
exc_t insn_adbr(struct cpu *cpu, const struct insn *in)
{
    return arith_rr(cpu, in, BFP_LONG, OP_ADD);
}

/* AXBR - ADD (extended BFP) (RRE). */
exc_t insn_axbr(struct cpu *cpu, const struct insn *in)
{
    return arith_rr(cpu, in, BFP_EXT, OP_ADD);
}

/* AEB - ADD (short BFP) (RXE). */
exc_t insn_aeb(struct cpu *cpu, const struct insn *in)
{
    return arith_rx(cpu, in, BFP_SHORT, OP_ADD);
}

/* ADB - ADD (long BFP) (RXE). */
exc_t insn_adb(struct cpu *cpu, const struct insn *in)
{
    return arith_rx(cpu, in, BFP_LONG, OP_ADD);
}

/* SEBR - SUBTRACT (short BFP) (RRE). */
exc_t insn_sebr(struct cpu *cpu, const struct insn *in)
{
    return arith_rr(cpu, in, BFP_SHORT, OP_SUB);
}

/* SDBR - SUBTRACT (long BFP) (RRE). */
exc_t insn_sdbr(struct cpu *cpu, const struct insn *in)
{
    return arith_rr(cpu, in, BFP_LONG, OP_SUB);
}

/* SXBR - SUBTRACT (extended BFP) (RRE). */
exc_t insn_sxbr(struct cpu *cpu, const struct insn *in)
{
    return arith_rr(cpu, in, BFP_EXT, OP_SUB);
}

/* SEB - SUBTRACT (short BFP) (RXE). */
exc_t insn_seb(struct cpu *cpu, const struct insn *in)
{
    return arith_rx(cpu, in, BFP_SHORT, OP_SUB);
}

/* SDB - SUBTRACT (long BFP) (RXE). */
exc_t insn_sdb(struct cpu *cpu, const struct insn *in)
{
    return arith_rx(cpu, in, BFP_LONG, OP_SUB);
}

/* MEEBR - MULTIPLY (short BFP) (RRE). */
exc_t insn_meebr(struct cpu *cpu, const struct insn *in)
{
    return arith_rr(cpu, in, BFP_SHORT, OP_MUL);
}

/* MDBR - MULTIPLY (long BFP) (RRE). */
exc_t insn_mdbr(struct cpu *cpu, const struct insn *in)
{
    return arith_rr(cpu, in, BFP_LONG, OP_MUL);
}

/* MXBR - MULTIPLY (extended BFP) (RRE). */
exc_t insn_mxbr(struct cpu *cpu, const struct insn *in)
{
    return arith_rr(cpu, in, BFP_EXT, OP_MUL);
}

/* MEEB - MULTIPLY (short BFP) (RXE). */
exc_t insn_meeb(struct cpu *cpu, const struct insn *in)
{
    return arith_rx(cpu, in, BFP_SHORT, OP_MUL);
}

/* MDB - MULTIPLY (long BFP) (RXE). */
exc_t insn_mdb(struct cpu *cpu, const struct insn *in)
{
    return arith_rx(cpu, in, BFP_LONG, OP_MUL);
}

/* DEBR - DIVIDE (short BFP) (RRE). */
exc_t insn_debr(struct cpu *cpu, const struct insn *in)
{
    return arith_rr(cpu, in, BFP_SHORT, OP_DIV);
}

/* DDBR - DIVIDE (long BFP) (RRE). */
exc_t insn_ddbr(struct cpu *cpu, const struct insn *in)
{
    return arith_rr(cpu, in, BFP_LONG, OP_DIV);
}

/* DXBR - DIVIDE (extended BFP) (RRE). */
exc_t insn_dxbr(struct cpu *cpu, const struct insn *in)
{
    return arith_rr(cpu, in, BFP_EXT, OP_DIV);
}

/* DEB - DIVIDE (short BFP) (RXE). */
exc_t insn_deb(struct cpu *cpu, const struct insn *in)
{
    return arith_rx(cpu, in, BFP_SHORT, OP_DIV);
}

/* DDB - DIVIDE (long BFP) (RXE). */
exc_t insn_ddb(struct cpu *cpu, const struct insn *in)
{
    return arith_rx(cpu, in, BFP_LONG, OP_DIV);
}

/* Multiply lengthening: FPR R1 (format @f) times @b into format @to.
 * A NaN is chosen in the source format so that the PoO's order holds. */
static exc_t mul_lengthen(struct cpu *cpu, const struct insn *in, enum bfp_fmt f,
                          enum bfp_fmt to, u128 b)
{
    struct bfp_ctx c = bfp_ctx_fpc(cpu);
    u128 a = bfp_get(cpu, f, in->r1), v;

    if (bfp_is_nan(f, a) || bfp_is_nan(f, b)) {
        v = bfp_convert(to, f, bfp_pick_nan(f, a, b, &c), &c);
    } else {
        a = bfp_convert(to, f, a, &c);
        b = bfp_convert(to, f, b, &c);
        v = bfp_mul(to, a, b, &c);
    }
    return finish(cpu, to, in->r1, v, &c, -1);
}

/* MDEBR - MULTIPLY (short to long BFP) (RRE). */
exc_t insn_mdebr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = regs_check(cpu, BFP_SHORT, in->r1, in->r2);

    if (exc)
        return exc;
    return mul_lengthen(cpu, in, BFP_SHORT, BFP_LONG, bfp_get(cpu, BFP_SHORT, in->r2));
}

/* MDEB - MULTIPLY (short to long BFP) (RXE). */
exc_t insn_mdeb(struct cpu *cpu, const struct insn *in)
{
    u128 b;
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    exc = fetch_op2(cpu, in, BFP_SHORT, &b);
    if (exc)
        return exc;
    return mul_lengthen(cpu, in, BFP_SHORT, BFP_LONG, b);
}

/* MXDBR - MULTIPLY (long to extended BFP) (RRE). Specification exception
 * unless R1 designates a valid FPR pair. */
exc_t insn_mxdbr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = regs_check(cpu, BFP_LONG, in->r1, in->r2);

    if (exc)
        return exc;
    if (!pair_ok(in->r1))
        return EXC_PGM(PGM_SPECIFICATION);
    return mul_lengthen(cpu, in, BFP_LONG, BFP_EXT, bfp_get(cpu, BFP_LONG, in->r2));
}

/* MXDB - MULTIPLY (long to extended BFP) (RXE). */
exc_t insn_mxdb(struct cpu *cpu, const struct insn *in)
{
    u128 b;
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    if (!pair_ok(in->r1))
        return EXC_PGM(PGM_SPECIFICATION);
    exc = fetch_op2(cpu, in, BFP_LONG, &b);
    if (exc)
        return exc;
    return mul_lengthen(cpu, in, BFP_LONG, BFP_EXT, b);
}

/* Multiply and add/subtract: R1 = R3 * @b +/- R1 with one rounding. */
static exc_t fused(struct cpu *cpu, const struct insn *in, enum bfp_fmt f, u128 b, bool sub)
{
    struct bfp_ctx c = bfp_ctx_fpc(cpu);
    u128 v = bfp_fma(f, bfp_get(cpu, f, in->r3), b, bfp_get(cpu, f, in->r1), sub, &c);

    return finish(cpu, f, in->r1, v, &c, -1);
}

static exc_t fused_rr(struct cpu *cpu, const struct insn *in, enum bfp_fmt f, bool sub)
{
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    return fused(cpu, in, f, bfp_get(cpu, f, in->r2), sub);
}

static exc_t fused_rx(struct cpu *cpu, const struct insn *in, enum bfp_fmt f, bool sub)
{
    u128 b;
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    exc = fetch_op2(cpu, in, f, &b);
    if (exc)
        return exc;
    return fused(cpu, in, f, b, sub);
}

/* MAEBR - MULTIPLY AND ADD (short BFP) (RRD). */
exc_t insn_maebr(struct cpu *cpu, const struct insn *in)
{
    return fused_rr(cpu, in, BFP_SHORT, false);
}

/* MADBR - MULTIPLY AND ADD (long BFP) (RRD). */
exc_t insn_madbr(struct cpu *cpu, const struct insn *in)
{
    return fused_rr(cpu, in, BFP_LONG, false);
}

/* MSEBR - MULTIPLY AND SUBTRACT (short BFP) (RRD). */
exc_t insn_msebr(struct cpu *cpu, const struct insn *in)
{
    return fused_rr(cpu, in, BFP_SHORT, true);
}

/* MSDBR - MULTIPLY AND SUBTRACT (long BFP) (RRD). */
exc_t insn_msdbr(struct cpu *cpu, const struct insn *in)
{
    return fused_rr(cpu, in, BFP_LONG, true);
}

/* MAEB - MULTIPLY AND ADD (short BFP) (RXF). */
exc_t insn_maeb(struct cpu *cpu, const struct insn *in)
{
    return fused_rx(cpu, in, BFP_SHORT, false);
}

/* MADB - MULTIPLY AND ADD (long BFP) (RXF). */
exc_t insn_madb(struct cpu *cpu, const struct insn *in)
{
    return fused_rx(cpu, in, BFP_LONG, false);
}

/* MSEB - MULTIPLY AND SUBTRACT (short BFP) (RXF). */
exc_t insn_mseb(struct cpu *cpu, const struct insn *in)
{
    return fused_rx(cpu, in, BFP_SHORT, true);
}

/* MSDB - MULTIPLY AND SUBTRACT (long BFP) (RXF). */
exc_t insn_msdb(struct cpu *cpu, const struct insn *in)
{
    return fused_rx(cpu, in, BFP_LONG, true);
}

/* Square root of @b into FPR R1. */
static exc_t sqrt_op(struct cpu *cpu, const struct insn *in, enum bfp_fmt f, u128 b)
{
    struct bfp_ctx c = bfp_ctx_fpc(cpu);
    u128 v = bfp_sqrt(f, b, &c);

    return finish(cpu, f, in->r1, v, &c, -1);
}

/* SQEBR - SQUARE ROOT (short BFP) (RRE). */
exc_t insn_sqebr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = regs_check(cpu, BFP_SHORT, in->r1, in->r2);

    if (exc)
        return exc;
    return sqrt_op(cpu, in, BFP_SHORT, bfp_get(cpu, BFP_SHORT, in->r2));
}

/* SQDBR - SQUARE ROOT (long BFP) (RRE). */
exc_t insn_sqdbr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = regs_check(cpu, BFP_LONG, in->r1, in->r2);

    if (exc)
        return exc;
    return sqrt_op(cpu, in, BFP_LONG, bfp_get(cpu, BFP_LONG, in->r2));
}

/* SQXBR - SQUARE ROOT (extended BFP) (RRE). */
exc_t insn_sqxbr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = regs_check(cpu, BFP_EXT, in->r1, in->r2);

    if (exc)
        return exc;
    return sqrt_op(cpu, in, BFP_EXT, bfp_get(cpu, BFP_EXT, in->r2));
}

static exc_t sqrt_rx(struct cpu *cpu, const struct insn *in, enum bfp_fmt f)
{
    u128 b;
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    exc = fetch_op2(cpu, in, f, &b);
    if (exc)
        return exc;
    return sqrt_op(cpu, in, f, b);
}

/* SQEB - SQUARE ROOT (short BFP) (RXE). */
exc_t insn_sqeb(struct cpu *cpu, const struct insn *in)
{
    return sqrt_rx(cpu, in, BFP_SHORT);
}

/* SQDB - SQUARE ROOT (long BFP) (RXE). */
exc_t insn_sqdb(struct cpu *cpu, const struct insn *in)
{
    return sqrt_rx(cpu, in, BFP_LONG);
}

/* Compare FPR R1 with @b; @signal for COMPARE AND SIGNAL. */
static exc_t compare(struct cpu *cpu, const struct insn *in, enum bfp_fmt f, u128 b, bool signal)
{
    struct bfp_ctx c = bfp_ctx_fpc(cpu);
    int cc = bfp_compare(f, bfp_get(cpu, f, in->r1), b, signal, &c);
    bool store;
    exc_t exc = bfp_ieee(cpu, &c, false, &store);

    if (store)
        cpu_set_cc(cpu, (unsigned)cc);
    return exc;
}

static exc_t compare_rr(struct cpu *cpu, const struct insn *in, enum bfp_fmt f, bool signal)
{
    exc_t exc = regs_check(cpu, f, in->r1, in->r2);

    if (exc)
        return exc;
    return compare(cpu, in, f, bfp_get(cpu, f, in->r2), signal);
}

static exc_t compare_rx(struct cpu *cpu, const struct insn *in, enum bfp_fmt f, bool signal)
{
    u128 b;
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    exc = fetch_op2(cpu, in, f, &b);
    if (exc)
        return exc;
    return compare(cpu, in, f, b, signal);
}

/* CEBR - COMPARE (short BFP) (RRE). */
exc_t insn_cebr(struct cpu *cpu, const struct insn *in)
{
    return compare_rr(cpu, in, BFP_SHORT, false);
}

/* CDBR - COMPARE (long BFP) (RRE). */
exc_t insn_cdbr(struct cpu *cpu, const struct insn *in)
{
    return compare_rr(cpu, in, BFP_LONG, false);
}

/* CXBR - COMPARE (extended BFP) (RRE). */
exc_t insn_cxbr(struct cpu *cpu, const struct insn *in)
{
    return compare_rr(cpu, in, BFP_EXT, false);
}

/* CEB - COMPARE (short BFP) (RXE). */
exc_t insn_ceb(struct cpu *cpu, const struct insn *in)
{
    return compare_rx(cpu, in, BFP_SHORT, false);
}

/* CDB - COMPARE (long BFP) (RXE). */
exc_t insn_cdb(struct cpu *cpu, const struct insn *in)
{
    return compare_rx(cpu, in, BFP_LONG, false);
}

/* KEBR - COMPARE AND SIGNAL (short BFP) (RRE). */
exc_t insn_kebr(struct cpu *cpu, const struct insn *in)
{
    return compare_rr(cpu, in, BFP_SHORT, true);
}

/* KDBR - COMPARE AND SIGNAL (long BFP) (RRE). */
exc_t insn_kdbr(struct cpu *cpu, const struct insn *in)
{
    return compare_rr(cpu, in, BFP_LONG, true);
}

/* KXBR - COMPARE AND SIGNAL (extended BFP) (RRE). */
exc_t insn_kxbr(struct cpu *cpu, const struct insn *in)
{
    return compare_rr(cpu, in, BFP_EXT, true);
}

/* KEB - COMPARE AND SIGNAL (short BFP) (RXE). */
exc_t insn_keb(struct cpu *cpu, const struct insn *in)
{
    return compare_rx(cpu, in, BFP_SHORT, true);
}

/* KDB - COMPARE AND SIGNAL (long BFP) (RXE). */
exc_t insn_kdb(struct cpu *cpu, const struct insn *in)
{
    return compare_rx(cpu, in, BFP_LONG, true);
}

enum sign_op { SIGN_TEST, SIGN_COMPLEMENT, SIGN_POSITIVE, SIGN_NEGATIVE };

/* LOAD AND TEST / COMPLEMENT / POSITIVE / NEGATIVE: only LOAD AND TEST
 * signals (a signalling NaN becomes quiet); CC from the result. */
static exc_t sign_insn(struct cpu *cpu, const struct insn *in, enum bfp_fmt f, enum sign_op op)
{
    struct bfp_ctx c = bfp_ctx_fpc(cpu);
    exc_t exc = regs_check(cpu, f, in->r1, in->r2);
    u128 v, s = bfp_sign_bit(f);

    if (exc)
        return exc;
    v = bfp_get(cpu, f, in->r2);
    switch (op) {
    case SIGN_TEST:
        if (bfp_is_nan(f, v))
            v = bfp_pick_nan(f, v, v, &c);
        break;
    case SIGN_COMPLEMENT:
        v ^= s;
        break;
    case SIGN_POSITIVE:
        v &= ~s;
        break;
    case SIGN_NEGATIVE:
        v |= s;
        break;
    }
    return finish(cpu, f, in->r1, v, &c, (int)bfp_cc(f, v));
}

/* LTEBR - LOAD AND TEST (short BFP) (RRE). */
exc_t insn_ltebr(struct cpu *cpu, const struct insn *in)
{
    return sign_insn(cpu, in, BFP_SHORT, SIGN_TEST);
}

/* LTDBR - LOAD AND TEST (long BFP) (RRE). */
exc_t insn_ltdbr(struct cpu *cpu, const struct insn *in)
{
    return sign_insn(cpu, in, BFP_LONG, SIGN_TEST);
}

/* LTXBR - LOAD AND TEST (extended BFP) (RRE). */
exc_t insn_ltxbr(struct cpu *cpu, const struct insn *in)
{
    return sign_insn(cpu, in, BFP_EXT, SIGN_TEST);
}

/* LCEBR - LOAD COMPLEMENT (short BFP) (RRE). */
exc_t insn_lcebr(struct cpu *cpu, const struct insn *in)
{
    return sign_insn(cpu, in, BFP_SHORT, SIGN_COMPLEMENT);
}

/* LCDBR - LOAD COMPLEMENT (long BFP) (RRE). */
exc_t insn_lcdbr(struct cpu *cpu, const struct insn *in)
{
    return sign_insn(cpu, in, BFP_LONG, SIGN_COMPLEMENT);
}

/* LCXBR - LOAD COMPLEMENT (extended BFP) (RRE). */
exc_t insn_lcxbr(struct cpu *cpu, const struct insn *in)
{
    return sign_insn(cpu, in, BFP_EXT, SIGN_COMPLEMENT);
}

/* LPEBR - LOAD POSITIVE (short BFP) (RRE). */
exc_t insn_lpebr(struct cpu *cpu, const struct insn *in)
{
    return sign_insn(cpu, in, BFP_SHORT, SIGN_POSITIVE);
}

/* LPDBR - LOAD POSITIVE (long BFP) (RRE). */
exc_t insn_lpdbr(struct cpu *cpu, const struct insn *in)
{
    return sign_insn(cpu, in, BFP_LONG, SIGN_POSITIVE);
}

/* LPXBR - LOAD POSITIVE (extended BFP) (RRE). */
exc_t insn_lpxbr(struct cpu *cpu, const struct insn *in)
{
    return sign_insn(cpu, in, BFP_EXT, SIGN_POSITIVE);
}

/* LNEBR - LOAD NEGATIVE (short BFP) (RRE). */
exc_t insn_lnebr(struct cpu *cpu, const struct insn *in)
{
    return sign_insn(cpu, in, BFP_SHORT, SIGN_NEGATIVE);
}

/* LNDBR - LOAD NEGATIVE (long BFP) (RRE). */
exc_t insn_lndbr(struct cpu *cpu, const struct insn *in)
{
    return sign_insn(cpu, in, BFP_LONG, SIGN_NEGATIVE);
}

/* LNXBR - LOAD NEGATIVE (extended BFP) (RRE). */
exc_t insn_lnxbr(struct cpu *cpu, const struct insn *in)
{
    return sign_insn(cpu, in, BFP_EXT, SIGN_NEGATIVE);
}
