/* Binary floating point (PoO chapter 19, exceptions in chapter 9): the
 * shared software arithmetic and the helpers the BFP handlers share.
 * Every operation is computed exactly and rounded in software, so all
 * rounding methods, tininess, scaled trap results and NaN rules follow
 * the PoO without depending on the host's floating point. */
#ifndef SIEVE_CPU_BFP_H
#define SIEVE_CPU_BFP_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu/insn.h"

typedef unsigned __int128 u128;

enum bfp_fmt { BFP_SHORT, BFP_LONG, BFP_EXT };

/* Rounding methods (PoO "BFP Rounding"). */
enum bfp_rm {
    RM_NEAREST_EVEN,
    RM_ZERO,
    RM_UP,              /* toward +infinity */
    RM_DOWN,            /* toward -infinity */
    RM_NEAREST_AWAY,    /* to nearest, ties away from zero */
    RM_ODD,             /* prepare for shorter precision */
};

/* IEEE exception flags, in the bit positions of the FPC mask/flag bytes
 * and the DXC; BFP_INCREMENTED is the DXC's "y" bit (magnitude rounded up). */
#define BFP_INVALID     0x80u
#define BFP_DIVIDE      0x40u
#define BFP_OVERFLOW    0x20u
#define BFP_UNDERFLOW   0x10u    /* tiny; becomes an exception per the mask */
#define BFP_INEXACT     0x08u
#define BFP_INCREMENTED 0x04u

/* Data classes, as bit numbers of the TEST DATA CLASS mask from the left
 * of its 12 bits, positive forms (the negative form is one more). */
enum bfp_class {
    BFP_ZERO = 0,
    BFP_NORMAL = 2,
    BFP_SUBNORMAL = 4,
    BFP_INF = 6,
    BFP_QNAN = 8,
    BFP_SNAN = 10,
};

/* Operation context: rounding method and the FPC mask byte (traps want
 * scaled results on overflow/underflow). */
struct bfp_ctx {
    enum bfp_rm rm;
    unsigned traps;
    unsigned flags;     /* BFP_* raised by the operation */
};

/* An unpacked finite nonzero value: (-1)^sign * sig * 2^exp. */
struct bfp_num {
    bool sign;
    int exp;
    u128 sig;
};

/* Format parameters. */
static inline int bfp_fbits(enum bfp_fmt f)
{
    return f == BFP_SHORT ? 23 : f == BFP_LONG ? 52 : 112;
}

static inline int bfp_width(enum bfp_fmt f)
{
    return f == BFP_SHORT ? 32 : f == BFP_LONG ? 64 : 128;
}

static inline int bfp_bias(enum bfp_fmt f)
{
    return f == BFP_SHORT ? 127 : f == BFP_LONG ? 1023 : 16383;
}

static inline u128 bfp_sign_bit(enum bfp_fmt f)
{
    return (u128)1 << (bfp_width(f) - 1);
}

static inline bool bfp_sign(enum bfp_fmt f, u128 v)
{
    return (v & bfp_sign_bit(f)) != 0;
}

/* Classification and NaN helpers (cpu/bfp-core.c). */
enum bfp_class bfp_classify(enum bfp_fmt f, u128 v);
bool bfp_is_nan(enum bfp_fmt f, u128 v);
u128 bfp_default_nan(enum bfp_fmt f);
u128 bfp_quiet(enum bfp_fmt f, u128 v);
u128 bfp_inf(enum bfp_fmt f, bool sign);
/* The NaN result of a two-operand operation with at least one NaN operand
 * (PoO: a signalling NaN before a quiet one, then the first operand). */
u128 bfp_pick_nan(enum bfp_fmt f, u128 a, u128 b, struct bfp_ctx *c);
/* Unpack a finite nonzero value. */
struct bfp_num bfp_unpack(enum bfp_fmt f, u128 v);
/* Round (-1)^sign * (sig + sticky) * 2^exp to format @f (sig nonzero). */
u128 bfp_round_pack(enum bfp_fmt f, bool sign, int exp, u128 sig, bool sticky,
                    struct bfp_ctx *c);
/* Round sig * 2^-shift to an integer with c->rm; sets BFP_INEXACT and
 * BFP_INCREMENTED in c->flags. */
u128 bfp_round_int(u128 sig, bool sticky, int shift, bool sign, struct bfp_ctx *c);
/* Compare: 0 equal, 1 a low, 2 a high, 3 unordered; @signal: any NaN is
 * invalid (COMPARE AND SIGNAL), else only signalling NaNs. */
int bfp_compare(enum bfp_fmt f, u128 a, u128 b, bool signal, struct bfp_ctx *c);

/* Arithmetic (cpu/bfp-core.c). */
u128 bfp_add(enum bfp_fmt f, u128 a, u128 b, bool sub, struct bfp_ctx *c);
u128 bfp_mul(enum bfp_fmt f, u128 a, u128 b, struct bfp_ctx *c);
u128 bfp_div(enum bfp_fmt f, u128 a, u128 b, struct bfp_ctx *c);
u128 bfp_sqrt(enum bfp_fmt f, u128 a, struct bfp_ctx *c);
/* a * b + d (or - d), one rounding; NaN selection order a, b, d. */
u128 bfp_fma(enum bfp_fmt f, u128 a, u128 b, u128 d, bool sub, struct bfp_ctx *c);
/* Format conversion with rounding (lengthening is exact). */
u128 bfp_convert(enum bfp_fmt to, enum bfp_fmt from, u128 v, struct bfp_ctx *c);

/* Architected state (cpu/bfp-core.c). */
/* BFP instructions need the AFP-register control (CR0 bit 45); without it
 * they give a BFP-instruction data exception (DXC 2; PoO chapter 19,
 * "Data-Exception Code"). Returns 0 or that exception. */
exc_t bfp_check(struct cpu *cpu);
/* FPR @r as a value of format @f (extended: the pair r, r + 2). */
u128 bfp_get(struct cpu *cpu, enum bfp_fmt f, unsigned r);
void bfp_set(struct cpu *cpu, enum bfp_fmt f, unsigned r, u128 v);
/* Context for the FPC's rounding mode. */
struct bfp_ctx bfp_ctx_fpc(const struct cpu *cpu);
/* Context for an M3 rounding-method field: 0 means the FPC's mode.
 * Returns false for a reserved value (specification exception); @fpe tells
 * whether the floating-point-extension values (3) are allowed. */
bool bfp_ctx_m3(const struct cpu *cpu, unsigned m3, bool fpe, struct bfp_ctx *c);
/* Is the floating-point-extension facility installed? */
bool bfp_fpe(const struct cpu *cpu);
/* Apply the IEEE exceptions in c->flags (PoO "IEEE Exceptions"): sets FPC
 * flags or prepares a data exception. *store tells whether the result is
 * to be stored (false when the exception suppresses). @xxc suppresses
 * IEEE inexact. Returns 0 or the program exception to return after the
 * store. */
exc_t bfp_ieee(struct cpu *cpu, const struct bfp_ctx *c, bool xxc, bool *store);
/* CC 0 zero, 1 negative, 2 positive, 3 NaN. */
unsigned bfp_cc(enum bfp_fmt f, u128 v);

#endif
