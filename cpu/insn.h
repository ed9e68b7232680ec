/* The instruction table (cpu/insn.def) as C: ids, static information,
 * the decoded-instruction record and the operand-address helpers. */
#ifndef SIEVE_CPU_INSN_H
#define SIEVE_CPU_INSN_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu/state.h"

enum insn_fmt {
#define FMT(name, ...) FMT_##name,
#include "cpu/format.def"
#undef FMT
    FMT_COUNT
};

enum facility {
#define FAC(name, bit, desc) FAC_##name,
#include "cpu/facility.def"
#undef FAC
    FAC_COUNT
};

enum insn_family {
    FAMILY_GENERAL,
    FAMILY_DECIMAL,
    FAMILY_FPSUP,
    FAMILY_BFP,
    FAMILY_HFP,
    FAMILY_DFP,
    FAMILY_CONTROL,
    FAMILY_IO,
    FAMILY_CRYPTO,
    FAMILY_COUNT
};

enum insn_priv {
    PRIV_PROB,      /* problem state */
    PRIV_PRIV,      /* privileged: privileged-operation exception in problem state */
    PRIV_SEMI,      /* semiprivileged: the handler checks its own authority */
};

enum insn_id {
#define INSN(mn, op, fmt, fac, fam, priv, fn) INSN_##mn,
#include "cpu/insn.def"
#undef INSN
    INSN_COUNT
};

/* Handlers are weak: an instruction listed without a handler decodes to the
 * operation exception and counts as unimplemented in the coverage report. */
#define INSN(mn, op, fmt, fac, fam, priv, fn) \
    exc_t insn_##fn(struct cpu *cpu, const struct insn *in) __attribute__((weak));
#include "cpu/insn.def"
#undef INSN

struct insn_info {
    const char *name;
    uint16_t opcode;
    uint8_t fmt;
    uint8_t fac;
    uint8_t family;
    uint8_t priv;
    insn_fn *fn;
};

extern const struct insn_info insn_info[INSN_COUNT];
extern const char *const fmt_names[FMT_COUNT];
extern const char *const facility_names[FAC_COUNT];
extern const char *const facility_descs[FAC_COUNT];
extern const int facility_bits[FAC_COUNT];
extern const char *const family_names[FAMILY_COUNT];

/* A decoded instruction: every field extracted once, displacements and
 * immediates already extended (see cpu/format.def). */
struct insn {
    insn_fn *fn;
    uint16_t id;
    uint8_t len;            /* 2, 4 or 6; ILC = len / 2 */
    uint8_t r1, r2, r3, x2, b1, b2, b4;
    uint8_t m3, m4, m5, l1, l2;
    uint8_t i3, i4, i5;
    int32_t d1, d2, d4;
    int64_t i2;
    int64_t ri;             /* relative-immediate operand, in bytes */
    uint8_t bytes[6];
};

/* GR @r's contents as a base or index: zero for register 0. Computed
 * without a branch (which the host would mispredict across records). */
static inline uint64_t insn_breg(const struct cpu *cpu, unsigned r)
{
    return cpu->gr[r] & -(uint64_t)(r != 0);
}

/* Effective address of a D2(X2,B2) operand, wrapped to the addressing mode. */
static inline uint64_t insn_addr2(const struct cpu *cpu, const struct insn *in)
{
    uint64_t a = (uint64_t)(int64_t)in->d2 + insn_breg(cpu, in->x2) + insn_breg(cpu, in->b2);

    return cpu_wrap(cpu, a);
}

/* Effective address of a D1(B1) operand. */
static inline uint64_t insn_addr1(const struct cpu *cpu, const struct insn *in)
{
    return cpu_wrap(cpu, (uint64_t)(int64_t)in->d1 + insn_breg(cpu, in->b1));
}

/* Effective address of a D4(B4) operand. */
static inline uint64_t insn_addr4(const struct cpu *cpu, const struct insn *in)
{
    return cpu_wrap(cpu, (uint64_t)(int64_t)in->d4 + insn_breg(cpu, in->b4));
}

/* Target of a relative operand: the instruction's own address plus RI. */
static inline uint64_t insn_rel(const struct cpu *cpu, const struct insn *in)
{
    return cpu_wrap(cpu, cpu->ia + (uint64_t)in->ri);
}

/* Decode the instruction in @bytes (at least in_len(bytes[0]) valid) into
 * @in using @dispatch. Returns false if the opcode is not in the table. */
bool insn_decode(const uint8_t *bytes, insn_fn *const *dispatch, struct insn *in);

/* Instruction length in bytes from the first opcode byte. */
static inline unsigned insn_len(uint8_t byte0)
{
    return byte0 < 0x40 ? 2 : byte0 < 0xc0 ? 4 : 6;
}

/* Look up the table id of the instruction in @bytes. Returns INSN_COUNT if
 * the opcode is not listed. */
unsigned insn_lookup(const uint8_t *bytes);

/* Operation-exception handler used for unlisted, unimplemented or disabled
 * instructions. */
exc_t insn_unimpl(struct cpu *cpu, const struct insn *in);

#endif
