/* Logical AND, OR, EXCLUSIVE OR on registers (register, storage and
 * immediate forms), INSERT IMMEDIATE, TEST UNDER MASK on register halves,
 * FIND LEFTMOST ONE and POPULATION COUNT (PoO chapter 7). The
 * storage-to-storage and storage-immediate forms (NC, NI, TM, ...) are in
 * cpu/string.c.
 *
 * AND/OR/XOR CC: 0 result zero, 1 result not zero. */
#include "cpu/insn.h"
#include "mmu/mmu.h"

enum logop { LOG_AND, LOG_OR, LOG_XOR };

static uint64_t logop(enum logop op, uint64_t a, uint64_t b)
{
    switch (op) {
    case LOG_AND:
        return a & b;
    case LOG_OR:
        return a | b;
    default:
        return a ^ b;
    }
}

/* 32-bit operation on bits 32-63 of R1 with @op2; sets the CC. */
static void log32(struct cpu *cpu, enum logop op, unsigned r1, uint32_t a, uint32_t b)
{
    uint32_t r = (uint32_t)logop(op, a, b);

    cpu_set_gr32(cpu, r1, r);
    cpu_set_cc(cpu, r != 0);
}

static void log64(struct cpu *cpu, enum logop op, unsigned r1, uint64_t a, uint64_t b)
{
    uint64_t r = logop(op, a, b);

    cpu->gr[r1] = r;
    cpu_set_cc(cpu, r != 0);
}

/* RX/RXY forms: R1 op word at D2(X2,B2). */
static exc_t log32_mem(struct cpu *cpu, const struct insn *in, enum logop op)
{
    uint32_t op2;
    exc_t exc = mmu_fetch_u32(cpu, in->b2, insn_addr2(cpu, in), &op2);

    if (exc)
        return exc;
    log32(cpu, op, in->r1, cpu_gr32(cpu, in->r1), op2);
    return 0;
}

static exc_t log64_mem(struct cpu *cpu, const struct insn *in, enum logop op)
{
    uint64_t op2;
    exc_t exc = mmu_fetch_u64(cpu, in->b2, insn_addr2(cpu, in), &op2);

    if (exc)
        return exc;
    log64(cpu, op, in->r1, cpu->gr[in->r1], op2);
    return 0;
}

/* N - AND (RX-a). Returns 0 or the fetch exception. */
exc_t insn_n(struct cpu *cpu, const struct insn *in)
{
    return log32_mem(cpu, in, LOG_AND);
}

/* NY - AND (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_ny(struct cpu *cpu, const struct insn *in)
{
    return log32_mem(cpu, in, LOG_AND);
}

/* NG - AND (RXY-a), 64-bit. Returns 0 or the fetch exception. */
exc_t insn_ng(struct cpu *cpu, const struct insn *in)
{
    return log64_mem(cpu, in, LOG_AND);
}

/* NR - AND (RR). Returns 0. */
exc_t insn_nr(struct cpu *cpu, const struct insn *in)
{
    log32(cpu, LOG_AND, in->r1, cpu_gr32(cpu, in->r1), cpu_gr32(cpu, in->r2));
    return 0;
}

/* NGR - AND (RRE), 64-bit. Returns 0. */
exc_t insn_ngr(struct cpu *cpu, const struct insn *in)
{
    log64(cpu, LOG_AND, in->r1, cpu->gr[in->r1], cpu->gr[in->r2]);
    return 0;
}

/* NRK - AND (RRF-a): R1 = R2 & R3. Returns 0. */
exc_t insn_nrk(struct cpu *cpu, const struct insn *in)
{
    log32(cpu, LOG_AND, in->r1, cpu_gr32(cpu, in->r2), cpu_gr32(cpu, in->r3));
    return 0;
}

/* NGRK - AND (RRF-a), 64-bit: R1 = R2 & R3. Returns 0. */
exc_t insn_ngrk(struct cpu *cpu, const struct insn *in)
{
    log64(cpu, LOG_AND, in->r1, cpu->gr[in->r2], cpu->gr[in->r3]);
    return 0;
}

/* O - OR (RX-a). Returns 0 or the fetch exception. */
exc_t insn_o(struct cpu *cpu, const struct insn *in)
{
    return log32_mem(cpu, in, LOG_OR);
}

/* OY - OR (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_oy(struct cpu *cpu, const struct insn *in)
{
    return log32_mem(cpu, in, LOG_OR);
}

/* OG - OR (RXY-a), 64-bit. Returns 0 or the fetch exception. */
exc_t insn_og(struct cpu *cpu, const struct insn *in)
{
    return log64_mem(cpu, in, LOG_OR);
}

/* OR - OR (RR). Returns 0. */
exc_t insn_or(struct cpu *cpu, const struct insn *in)
{
    log32(cpu, LOG_OR, in->r1, cpu_gr32(cpu, in->r1), cpu_gr32(cpu, in->r2));
    return 0;
}

/* OGR - OR (RRE), 64-bit. Returns 0. */
exc_t insn_ogr(struct cpu *cpu, const struct insn *in)
{
    log64(cpu, LOG_OR, in->r1, cpu->gr[in->r1], cpu->gr[in->r2]);
    return 0;
}

/* ORK - OR (RRF-a): R1 = R2 | R3. Returns 0. */
exc_t insn_ork(struct cpu *cpu, const struct insn *in)
{
    log32(cpu, LOG_OR, in->r1, cpu_gr32(cpu, in->r2), cpu_gr32(cpu, in->r3));
    return 0;
}

/* OGRK - OR (RRF-a), 64-bit: R1 = R2 | R3. Returns 0. */
exc_t insn_ogrk(struct cpu *cpu, const struct insn *in)
{
    log64(cpu, LOG_OR, in->r1, cpu->gr[in->r2], cpu->gr[in->r3]);
    return 0;
}

/* X - EXCLUSIVE OR (RX-a). Returns 0 or the fetch exception. */
exc_t insn_x(struct cpu *cpu, const struct insn *in)
{
    return log32_mem(cpu, in, LOG_XOR);
}

/* XY - EXCLUSIVE OR (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_xy(struct cpu *cpu, const struct insn *in)
{
    return log32_mem(cpu, in, LOG_XOR);
}

/* XG - EXCLUSIVE OR (RXY-a), 64-bit. Returns 0 or the fetch exception. */
exc_t insn_xg(struct cpu *cpu, const struct insn *in)
{
    return log64_mem(cpu, in, LOG_XOR);
}

/* XR - EXCLUSIVE OR (RR). Returns 0. */
exc_t insn_xr(struct cpu *cpu, const struct insn *in)
{
    log32(cpu, LOG_XOR, in->r1, cpu_gr32(cpu, in->r1), cpu_gr32(cpu, in->r2));
    return 0;
}

/* XGR - EXCLUSIVE OR (RRE), 64-bit. Returns 0. */
exc_t insn_xgr(struct cpu *cpu, const struct insn *in)
{
    log64(cpu, LOG_XOR, in->r1, cpu->gr[in->r1], cpu->gr[in->r2]);
    return 0;
}

/* XRK - EXCLUSIVE OR (RRF-a): R1 = R2 ^ R3. Returns 0. */
exc_t insn_xrk(struct cpu *cpu, const struct insn *in)
{
    log32(cpu, LOG_XOR, in->r1, cpu_gr32(cpu, in->r2), cpu_gr32(cpu, in->r3));
    return 0;
}

/* XGRK - EXCLUSIVE OR (RRF-a), 64-bit: R1 = R2 ^ R3. Returns 0. */
exc_t insn_xgrk(struct cpu *cpu, const struct insn *in)
{
    log64(cpu, LOG_XOR, in->r1, cpu->gr[in->r2], cpu->gr[in->r3]);
    return 0;
}

/* ---- immediate forms on a field of R1 ---- */

/* Apply @op with the immediate to the field of R1 that starts at bit @pos
 * (PoO numbering) and is @width (16 or 32) bits wide; the rest of R1 is
 * unchanged and the CC reflects the field alone. */
static void log_field(struct cpu *cpu, const struct insn *in, enum logop op, unsigned pos,
                      unsigned width)
{
    unsigned shift = 64 - pos - width;
    uint64_t mask = (width == 32 ? UINT64_C(0xffffffff) : UINT64_C(0xffff)) << shift;
    uint64_t imm = ((uint64_t)in->i2 << shift) & mask;
    uint64_t field = logop(op, cpu->gr[in->r1] & mask, imm) & mask;

    cpu->gr[in->r1] = (cpu->gr[in->r1] & ~mask) | field;
    cpu_set_cc(cpu, field != 0);
}

/* NIHF - AND IMMEDIATE (RIL-a), bits 0-31. Returns 0. */
exc_t insn_nihf(struct cpu *cpu, const struct insn *in)
{
    log_field(cpu, in, LOG_AND, 0, 32);
    return 0;
}

/* NILF - AND IMMEDIATE (RIL-a), bits 32-63. Returns 0. */
exc_t insn_nilf(struct cpu *cpu, const struct insn *in)
{
    log_field(cpu, in, LOG_AND, 32, 32);
    return 0;
}

/* NIHH - AND IMMEDIATE (RI-a), bits 0-15. Returns 0. */
exc_t insn_nihh(struct cpu *cpu, const struct insn *in)
{
    log_field(cpu, in, LOG_AND, 0, 16);
    return 0;
}

/* NIHL - AND IMMEDIATE (RI-a), bits 16-31. Returns 0. */
exc_t insn_nihl(struct cpu *cpu, const struct insn *in)
{
    log_field(cpu, in, LOG_AND, 16, 16);
    return 0;
}

/* NILH - AND IMMEDIATE (RI-a), bits 32-47. Returns 0. */
exc_t insn_nilh(struct cpu *cpu, const struct insn *in)
{
    log_field(cpu, in, LOG_AND, 32, 16);
    return 0;
}

/* NILL - AND IMMEDIATE (RI-a), bits 48-63. Returns 0. */
exc_t insn_nill(struct cpu *cpu, const struct insn *in)
{
    log_field(cpu, in, LOG_AND, 48, 16);
    return 0;
}

/* OIHF - OR IMMEDIATE (RIL-a), bits 0-31. Returns 0. */
exc_t insn_oihf(struct cpu *cpu, const struct insn *in)
{
    log_field(cpu, in, LOG_OR, 0, 32);
    return 0;
}

/* OILF - OR IMMEDIATE (RIL-a), bits 32-63. Returns 0. */
exc_t insn_oilf(struct cpu *cpu, const struct insn *in)
{
    log_field(cpu, in, LOG_OR, 32, 32);
    return 0;
}

/* OIHH - OR IMMEDIATE (RI-a), bits 0-15. Returns 0. */
exc_t insn_oihh(struct cpu *cpu, const struct insn *in)
{
    log_field(cpu, in, LOG_OR, 0, 16);
    return 0;
}

/* OIHL - OR IMMEDIATE (RI-a), bits 16-31. Returns 0. */
exc_t insn_oihl(struct cpu *cpu, const struct insn *in)
{
    log_field(cpu, in, LOG_OR, 16, 16);
    return 0;
}

/* OILH - OR IMMEDIATE (RI-a), bits 32-47. Returns 0. */
exc_t insn_oilh(struct cpu *cpu, const struct insn *in)
{
    log_field(cpu, in, LOG_OR, 32, 16);
    return 0;
}

/* OILL - OR IMMEDIATE (RI-a), bits 48-63. Returns 0. */
exc_t insn_oill(struct cpu *cpu, const struct insn *in)
{
    log_field(cpu, in, LOG_OR, 48, 16);
    return 0;
}

/* XIHF - EXCLUSIVE OR IMMEDIATE (RIL-a), bits 0-31. Returns 0. */
exc_t insn_xihf(struct cpu *cpu, const struct insn *in)
{
    log_field(cpu, in, LOG_XOR, 0, 32);
    return 0;
}

/* XILF - EXCLUSIVE OR IMMEDIATE (RIL-a), bits 32-63. Returns 0. */
exc_t insn_xilf(struct cpu *cpu, const struct insn *in)
{
    log_field(cpu, in, LOG_XOR, 32, 32);
    return 0;
}

/* Replace the field of R1 at bit @pos, @width bits wide, by the immediate. */
static void insert_field(struct cpu *cpu, const struct insn *in, unsigned pos, unsigned width)
{
    unsigned shift = 64 - pos - width;
    uint64_t mask = (width == 32 ? UINT64_C(0xffffffff) : UINT64_C(0xffff)) << shift;

    cpu->gr[in->r1] = (cpu->gr[in->r1] & ~mask) | (((uint64_t)in->i2 << shift) & mask);
}

/* IIHF - INSERT IMMEDIATE (RIL-a), bits 0-31. Returns 0. */
exc_t insn_iihf(struct cpu *cpu, const struct insn *in)
{
    insert_field(cpu, in, 0, 32);
    return 0;
}

/* IILF - INSERT IMMEDIATE (RIL-a), bits 32-63. Returns 0. */
exc_t insn_iilf(struct cpu *cpu, const struct insn *in)
{
    insert_field(cpu, in, 32, 32);
    return 0;
}

/* IIHH - INSERT IMMEDIATE (RI-a), bits 0-15. Returns 0. */
exc_t insn_iihh(struct cpu *cpu, const struct insn *in)
{
    insert_field(cpu, in, 0, 16);
    return 0;
}

/* IIHL - INSERT IMMEDIATE (RI-a), bits 16-31. Returns 0. */
exc_t insn_iihl(struct cpu *cpu, const struct insn *in)
{
    insert_field(cpu, in, 16, 16);
    return 0;
}

/* IILH - INSERT IMMEDIATE (RI-a), bits 32-47. Returns 0. */
exc_t insn_iilh(struct cpu *cpu, const struct insn *in)
{
    insert_field(cpu, in, 32, 16);
    return 0;
}

/* IILL - INSERT IMMEDIATE (RI-a), bits 48-63. Returns 0. */
exc_t insn_iill(struct cpu *cpu, const struct insn *in)
{
    insert_field(cpu, in, 48, 16);
    return 0;
}

/* ---- TEST UNDER MASK (register halfwords) ---- */

/* PoO "TEST UNDER MASK (TMHH, TMHL, TMLH, TMLL)": CC 0 selected bits all
 * zero (or mask zero), 1 mixed with the leftmost selected bit zero, 2 mixed
 * with the leftmost selected bit one, 3 all ones. */
static void tm_field(struct cpu *cpu, const struct insn *in, unsigned pos)
{
    uint16_t v = (uint16_t)(cpu->gr[in->r1] >> (48 - pos));
    uint16_t mask = (uint16_t)in->i2;
    uint16_t sel = v & mask;
    unsigned top;

    if (sel == 0) {
        cpu_set_cc(cpu, 0);
    } else if (sel == mask) {
        cpu_set_cc(cpu, 3);
    } else {
        top = 0x8000u >> (__builtin_clz(mask) - 16);   /* leftmost mask bit */
        cpu_set_cc(cpu, (sel & top) ? 2 : 1);
    }
}

/* TMHH - TEST UNDER MASK (RI-a), bits 0-15. Returns 0. */
exc_t insn_tmhh(struct cpu *cpu, const struct insn *in)
{
    tm_field(cpu, in, 0);
    return 0;
}

/* TMHL - TEST UNDER MASK (RI-a), bits 16-31. Returns 0. */
exc_t insn_tmhl(struct cpu *cpu, const struct insn *in)
{
    tm_field(cpu, in, 16);
    return 0;
}

/* TMLH - TEST UNDER MASK (RI-a), bits 32-47. Returns 0. */
exc_t insn_tmlh(struct cpu *cpu, const struct insn *in)
{
    tm_field(cpu, in, 32);
    return 0;
}

/* TMLL - TEST UNDER MASK (RI-a), bits 48-63. Returns 0. */
exc_t insn_tmll(struct cpu *cpu, const struct insn *in)
{
    tm_field(cpu, in, 48);
    return 0;
}

/* ---- FIND LEFTMOST ONE, POPULATION COUNT ---- */

/* FLOGR - FIND LEFTMOST ONE (RRE): R1 = bit number of the leftmost one of R2
 * (64 if none), R1+1 = R2 with that bit cleared; CC 0 none found, 2 found.
 * Returns 0 or specification (odd R1). */
exc_t insn_flogr(struct cpu *cpu, const struct insn *in)
{
    uint64_t v = cpu->gr[in->r2];
    unsigned n;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    if (v == 0) {
        cpu->gr[in->r1] = 64;
        cpu->gr[in->r1 + 1] = 0;
        cpu_set_cc(cpu, 0);
        return 0;
    }
    n = (unsigned)__builtin_clzll(v);
    cpu->gr[in->r1] = n;
    cpu->gr[in->r1 + 1] = v & ~BIT64(n);
    cpu_set_cc(cpu, 2);
    return 0;
}

/* POPCNT - POPULATION COUNT (RRE): each byte of R1 = number of ones in the
 * byte of R2; CC 0 result zero, 1 not zero. Returns 0. */
exc_t insn_popcnt(struct cpu *cpu, const struct insn *in)
{
    uint64_t v = cpu->gr[in->r2];
    uint64_t r = 0;

    for (unsigned i = 0; i < 8; i++)
        r |= (uint64_t)__builtin_popcount((unsigned)(v >> (8 * i)) & 0xffu) << (8 * i);
    cpu->gr[in->r1] = r;
    cpu_set_cc(cpu, r != 0);
    return 0;
}
