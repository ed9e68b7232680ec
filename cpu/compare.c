/* Binary compare, signed and logical, in every operand form (register,
 * storage, immediate, storage-immediate, relative-long, high-word), and
 * LOAD COMPLEMENT / POSITIVE / NEGATIVE / AND TEST (PoO chapter 7).
 *
 * Compare CC: 0 operands equal, 1 first operand low, 2 first operand high. */
#include "cpu/insn.h"
#include "mmu/mmu.h"

/* The compare CCs, computed without branches (random data would mispredict them). */
static unsigned cmp_s(int64_t a, int64_t b)
{
    return (unsigned)(a < b) | (unsigned)(a > b) << 1;
}

static unsigned cmp_u(uint64_t a, uint64_t b)
{
    return (unsigned)(a < b) | (unsigned)(a > b) << 1;
}

static inline int64_t s32(uint32_t v)
{
    return (int32_t)v;
}

static exc_t fixed_overflow(const struct cpu *cpu, bool ovf)
{
    return ovf && (cpu_pm(cpu) & PSW_PM_FIXED) ? EXC_PGM(PGM_FIXED_POINT_OVERFLOW) : 0;
}

static ALWAYS_INLINE MUST_CHECK exc_t fetch16(struct cpu *cpu, const struct insn *in, uint16_t *v)
{
    return mmu_fetch_u16(cpu, in->b2, insn_addr2(cpu, in), v);
}

static ALWAYS_INLINE MUST_CHECK exc_t fetch32(struct cpu *cpu, const struct insn *in, uint32_t *v)
{
    return mmu_fetch_u32(cpu, in->b2, insn_addr2(cpu, in), v);
}

static ALWAYS_INLINE MUST_CHECK exc_t fetch64(struct cpu *cpu, const struct insn *in, uint64_t *v)
{
    return mmu_fetch_u64(cpu, in->b2, insn_addr2(cpu, in), v);
}

/* ---- COMPARE (signed) ---- */

/* C - COMPARE (RX-a). Returns 0 or the fetch exception. */
exc_t insn_c(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc = fetch32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_s(s32(cpu_gr32(cpu, in->r1)), s32(op2)));
    return 0;
}

/* CY - COMPARE (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_cy(struct cpu *cpu, const struct insn *in)
{
    return insn_c(cpu, in);
}

/* CH - COMPARE HALFWORD (RX-a). Returns 0 or the fetch exception. */
exc_t insn_ch(struct cpu *cpu, const struct insn *in)
{
    uint16_t op2;
    exc_t exc = fetch16(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_s(s32(cpu_gr32(cpu, in->r1)), (int16_t)op2));
    return 0;
}

/* CHY - COMPARE HALFWORD (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_chy(struct cpu *cpu, const struct insn *in)
{
    return insn_ch(cpu, in);
}

/* CGH - COMPARE HALFWORD (64) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_cgh(struct cpu *cpu, const struct insn *in)
{
    uint16_t op2;
    exc_t exc = fetch16(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_s((int64_t)cpu->gr[in->r1], (int16_t)op2));
    return 0;
}

/* CR - COMPARE (RR). Returns 0. */
exc_t insn_cr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_s(s32(cpu_gr32(cpu, in->r1)), s32(cpu_gr32(cpu, in->r2))));
    return 0;
}

/* CHI - COMPARE HALFWORD IMMEDIATE (RI-a). Returns 0. */
exc_t insn_chi(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_s(s32(cpu_gr32(cpu, in->r1)), in->i2));
    return 0;
}

/* CFI - COMPARE IMMEDIATE (RIL-a). Returns 0. */
exc_t insn_cfi(struct cpu *cpu, const struct insn *in)
{
    return insn_chi(cpu, in);
}

/* CG - COMPARE (RXY-a), 64-bit. Returns 0 or the fetch exception. */
exc_t insn_cg(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = fetch64(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_s((int64_t)cpu->gr[in->r1], (int64_t)op2));
    return 0;
}

/* CGF - COMPARE (RXY-a), 64 <- 32 signed. Returns 0 or the fetch exception. */
exc_t insn_cgf(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc = fetch32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_s((int64_t)cpu->gr[in->r1], s32(op2)));
    return 0;
}

/* CGR - COMPARE (RRE), 64-bit. Returns 0. */
exc_t insn_cgr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_s((int64_t)cpu->gr[in->r1], (int64_t)cpu->gr[in->r2]));
    return 0;
}

/* CGFR - COMPARE (RRE), 64 <- 32 signed. Returns 0. */
exc_t insn_cgfr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_s((int64_t)cpu->gr[in->r1], s32(cpu_gr32(cpu, in->r2))));
    return 0;
}

/* CGHI - COMPARE HALFWORD IMMEDIATE (RI-a), 64-bit. Returns 0. */
exc_t insn_cghi(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_s((int64_t)cpu->gr[in->r1], in->i2));
    return 0;
}

/* CGFI - COMPARE IMMEDIATE (RIL-a), 64-bit. Returns 0. */
exc_t insn_cgfi(struct cpu *cpu, const struct insn *in)
{
    return insn_cghi(cpu, in);
}

/* ---- COMPARE LOGICAL ---- */

/* CL - COMPARE LOGICAL (RX-a). Returns 0 or the fetch exception. */
exc_t insn_cl(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc = fetch32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_u(cpu_gr32(cpu, in->r1), op2));
    return 0;
}

/* CLY - COMPARE LOGICAL (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_cly(struct cpu *cpu, const struct insn *in)
{
    return insn_cl(cpu, in);
}

/* CLR - COMPARE LOGICAL (RR). Returns 0. */
exc_t insn_clr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_u(cpu_gr32(cpu, in->r1), cpu_gr32(cpu, in->r2)));
    return 0;
}

/* CLFI - COMPARE LOGICAL IMMEDIATE (RIL-a). Returns 0. */
exc_t insn_clfi(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_u(cpu_gr32(cpu, in->r1), (uint32_t)in->i2));
    return 0;
}

/* CLG - COMPARE LOGICAL (RXY-a), 64-bit. Returns 0 or the fetch exception. */
exc_t insn_clg(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = fetch64(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_u(cpu->gr[in->r1], op2));
    return 0;
}

/* CLGF - COMPARE LOGICAL (RXY-a), 64 <- 32 unsigned. Returns 0 or the fetch exception. */
exc_t insn_clgf(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc = fetch32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_u(cpu->gr[in->r1], op2));
    return 0;
}

/* CLGR - COMPARE LOGICAL (RRE), 64-bit. Returns 0. */
exc_t insn_clgr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_u(cpu->gr[in->r1], cpu->gr[in->r2]));
    return 0;
}

/* CLGFR - COMPARE LOGICAL (RRE), 64 <- 32 unsigned. Returns 0. */
exc_t insn_clgfr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_u(cpu->gr[in->r1], cpu_gr32(cpu, in->r2)));
    return 0;
}

/* CLGFI - COMPARE LOGICAL IMMEDIATE (RIL-a), 64 <- unsigned 32-bit immediate. Returns 0. */
exc_t insn_clgfi(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_u(cpu->gr[in->r1], (uint32_t)in->i2));
    return 0;
}

/* ---- storage-immediate compares (SIL: first operand at D1(B1)) ---- */

/* CHHSI - COMPARE HALFWORD IMMEDIATE (SIL), 16-bit storage. Returns 0 or the fetch exception. */
exc_t insn_chhsi(struct cpu *cpu, const struct insn *in)
{
    uint16_t op1;
    exc_t exc = mmu_fetch_u16(cpu, in->b1, insn_addr1(cpu, in), &op1);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_s((int16_t)op1, in->i2));
    return 0;
}

/* CHSI - COMPARE HALFWORD IMMEDIATE (SIL), 32-bit storage. Returns 0 or the fetch exception. */
exc_t insn_chsi(struct cpu *cpu, const struct insn *in)
{
    uint32_t op1;
    exc_t exc = mmu_fetch_u32(cpu, in->b1, insn_addr1(cpu, in), &op1);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_s(s32(op1), in->i2));
    return 0;
}

/* CGHSI - COMPARE HALFWORD IMMEDIATE (SIL), 64-bit storage. Returns 0 or the fetch exception. */
exc_t insn_cghsi(struct cpu *cpu, const struct insn *in)
{
    uint64_t op1;
    exc_t exc = mmu_fetch_u64(cpu, in->b1, insn_addr1(cpu, in), &op1);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_s((int64_t)op1, in->i2));
    return 0;
}

/* CLHHSI - COMPARE LOGICAL IMMEDIATE (SIL), 16-bit storage. Returns 0 or the fetch exception. */
exc_t insn_clhhsi(struct cpu *cpu, const struct insn *in)
{
    uint16_t op1;
    exc_t exc = mmu_fetch_u16(cpu, in->b1, insn_addr1(cpu, in), &op1);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_u(op1, (uint16_t)in->i2));
    return 0;
}

/* CLFHSI - COMPARE LOGICAL IMMEDIATE (SIL), 32-bit storage. Returns 0 or the fetch exception. */
exc_t insn_clfhsi(struct cpu *cpu, const struct insn *in)
{
    uint32_t op1;
    exc_t exc = mmu_fetch_u32(cpu, in->b1, insn_addr1(cpu, in), &op1);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_u(op1, (uint16_t)in->i2));
    return 0;
}

/* CLGHSI - COMPARE LOGICAL IMMEDIATE (SIL), 64-bit storage. Returns 0 or the fetch exception. */
exc_t insn_clghsi(struct cpu *cpu, const struct insn *in)
{
    uint64_t op1;
    exc_t exc = mmu_fetch_u64(cpu, in->b1, insn_addr1(cpu, in), &op1);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_u(op1, (uint16_t)in->i2));
    return 0;
}

/* ---- relative-long compares: the operand must be aligned on its size ---- */

/* Fetch the @size-byte operand at the relative address, zero-extended into *v.
 * Returns the specification exception if it is not aligned, or the fetch
 * exception. The operand is in the instruction's address space. */
static MUST_CHECK exc_t fetch_rel(struct cpu *cpu, const struct insn *in, unsigned size,
                                  uint64_t *v)
{
    uint64_t addr = insn_rel(cpu, in);
    uint16_t h;
    uint32_t w;
    exc_t exc;

    if (addr & (size - 1))
        return EXC_PGM(PGM_SPECIFICATION);
    if (size == 2) {
        exc = mmu_fetch_u16(cpu, 0, addr, &h);
        *v = h;
    } else if (size == 4) {
        exc = mmu_fetch_u32(cpu, 0, addr, &w);
        *v = w;
    } else {
        exc = mmu_fetch_u64(cpu, 0, addr, v);
    }
    return exc;
}

/* CRL - COMPARE RELATIVE LONG (RIL-b). Returns 0, specification or the fetch exception. */
exc_t insn_crl(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = fetch_rel(cpu, in, 4, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_s(s32(cpu_gr32(cpu, in->r1)), s32((uint32_t)op2)));
    return 0;
}

/* CGRL - COMPARE RELATIVE LONG (RIL-b), 64-bit. Returns 0, specification or the
 * fetch exception. */
exc_t insn_cgrl(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = fetch_rel(cpu, in, 8, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_s((int64_t)cpu->gr[in->r1], (int64_t)op2));
    return 0;
}

/* CGFRL - COMPARE RELATIVE LONG (RIL-b), 64 <- 32 signed. Returns 0, specification
 * or the fetch exception. */
exc_t insn_cgfrl(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = fetch_rel(cpu, in, 4, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_s((int64_t)cpu->gr[in->r1], s32((uint32_t)op2)));
    return 0;
}

/* CHRL - COMPARE HALFWORD RELATIVE LONG (RIL-b). Returns 0, specification or the
 * fetch exception. */
exc_t insn_chrl(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = fetch_rel(cpu, in, 2, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_s(s32(cpu_gr32(cpu, in->r1)), (int16_t)op2));
    return 0;
}

/* CGHRL - COMPARE HALFWORD RELATIVE LONG (RIL-b), 64-bit. Returns 0, specification
 * or the fetch exception. */
exc_t insn_cghrl(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = fetch_rel(cpu, in, 2, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_s((int64_t)cpu->gr[in->r1], (int16_t)op2));
    return 0;
}

/* CLRL - COMPARE LOGICAL RELATIVE LONG (RIL-b). Returns 0, specification or the
 * fetch exception. */
exc_t insn_clrl(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = fetch_rel(cpu, in, 4, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_u(cpu_gr32(cpu, in->r1), op2));
    return 0;
}

/* CLGRL - COMPARE LOGICAL RELATIVE LONG (RIL-b), 64-bit. Returns 0, specification
 * or the fetch exception. */
exc_t insn_clgrl(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = fetch_rel(cpu, in, 8, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_u(cpu->gr[in->r1], op2));
    return 0;
}

/* CLGFRL - COMPARE LOGICAL RELATIVE LONG (RIL-b), 64 <- 32 unsigned. Returns 0,
 * specification or the fetch exception. */
exc_t insn_clgfrl(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = fetch_rel(cpu, in, 4, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_u(cpu->gr[in->r1], op2));
    return 0;
}

/* CLHRL - COMPARE LOGICAL RELATIVE LONG (RIL-b), 32 <- 16 unsigned. Returns 0,
 * specification or the fetch exception. */
exc_t insn_clhrl(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = fetch_rel(cpu, in, 2, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_u(cpu_gr32(cpu, in->r1), op2));
    return 0;
}

/* CLGHRL - COMPARE LOGICAL RELATIVE LONG (RIL-b), 64 <- 16 unsigned. Returns 0,
 * specification or the fetch exception. */
exc_t insn_clghrl(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = fetch_rel(cpu, in, 2, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_u(cpu->gr[in->r1], op2));
    return 0;
}

/* ---- high-word compares: the first operand is bits 0-31 of R1 ---- */

/* CHHR - COMPARE HIGH (RRE): R1h with R2h. Returns 0. */
exc_t insn_chhr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_s(s32(cpu_gr32h(cpu, in->r1)), s32(cpu_gr32h(cpu, in->r2))));
    return 0;
}

/* CHLR - COMPARE HIGH (RRE): R1h with R2 low. Returns 0. */
exc_t insn_chlr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_s(s32(cpu_gr32h(cpu, in->r1)), s32(cpu_gr32(cpu, in->r2))));
    return 0;
}

/* CHF - COMPARE HIGH (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_chf(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc = fetch32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_s(s32(cpu_gr32h(cpu, in->r1)), s32(op2)));
    return 0;
}

/* CIH - COMPARE IMMEDIATE HIGH (RIL-a). Returns 0. */
exc_t insn_cih(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_s(s32(cpu_gr32h(cpu, in->r1)), in->i2));
    return 0;
}

/* CLHHR - COMPARE LOGICAL HIGH (RRE): R1h with R2h. Returns 0. */
exc_t insn_clhhr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_u(cpu_gr32h(cpu, in->r1), cpu_gr32h(cpu, in->r2)));
    return 0;
}

/* CLHLR - COMPARE LOGICAL HIGH (RRE): R1h with R2 low. Returns 0. */
exc_t insn_clhlr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_u(cpu_gr32h(cpu, in->r1), cpu_gr32(cpu, in->r2)));
    return 0;
}

/* CLHF - COMPARE LOGICAL HIGH (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_clhf(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc = fetch32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_cc(cpu, cmp_u(cpu_gr32h(cpu, in->r1), op2));
    return 0;
}

/* CLIH - COMPARE LOGICAL IMMEDIATE HIGH (RIL-a). Returns 0. */
exc_t insn_clih(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, cmp_u(cpu_gr32h(cpu, in->r1), (uint32_t)in->i2));
    return 0;
}

/* ---- LOAD COMPLEMENT / POSITIVE / NEGATIVE / AND TEST ---- */

static unsigned cc_value(int64_t v)
{
    return (unsigned)(v < 0) | (unsigned)(v > 0) << 1;
}

/* LCR - LOAD COMPLEMENT (RR). Returns 0 or fixed-point overflow (maximum negative). */
exc_t insn_lcr(struct cpu *cpu, const struct insn *in)
{
    int32_t v = (int32_t)cpu_gr32(cpu, in->r2);
    bool ovf = v == INT32_MIN;
    int32_t r = ovf ? v : -v;

    cpu_set_gr32(cpu, in->r1, (uint32_t)r);
    cpu_set_cc(cpu, ovf ? 3 : cc_value(r));
    return fixed_overflow(cpu, ovf);
}

/* LCGR - LOAD COMPLEMENT (RRE), 64-bit. Returns 0 or fixed-point overflow. */
exc_t insn_lcgr(struct cpu *cpu, const struct insn *in)
{
    int64_t v = (int64_t)cpu->gr[in->r2];
    bool ovf = v == INT64_MIN;
    int64_t r = ovf ? v : -v;

    cpu->gr[in->r1] = (uint64_t)r;
    cpu_set_cc(cpu, ovf ? 3 : cc_value(r));
    return fixed_overflow(cpu, ovf);
}

/* LCGFR - LOAD COMPLEMENT (RRE), 64 <- 32 signed: cannot overflow. Returns 0. */
exc_t insn_lcgfr(struct cpu *cpu, const struct insn *in)
{
    int64_t r = -s32(cpu_gr32(cpu, in->r2));

    cpu->gr[in->r1] = (uint64_t)r;
    cpu_set_cc(cpu, cc_value(r));
    return 0;
}

/* LPR - LOAD POSITIVE (RR). Returns 0 or fixed-point overflow (maximum negative). */
exc_t insn_lpr(struct cpu *cpu, const struct insn *in)
{
    int32_t v = (int32_t)cpu_gr32(cpu, in->r2);
    bool ovf = v == INT32_MIN;
    int32_t r = ovf || v >= 0 ? v : -v;

    cpu_set_gr32(cpu, in->r1, (uint32_t)r);
    cpu_set_cc(cpu, ovf ? 3 : cc_value(r));
    return fixed_overflow(cpu, ovf);
}

/* LPGR - LOAD POSITIVE (RRE), 64-bit. Returns 0 or fixed-point overflow. */
exc_t insn_lpgr(struct cpu *cpu, const struct insn *in)
{
    int64_t v = (int64_t)cpu->gr[in->r2];
    bool ovf = v == INT64_MIN;
    int64_t r = ovf || v >= 0 ? v : -v;

    cpu->gr[in->r1] = (uint64_t)r;
    cpu_set_cc(cpu, ovf ? 3 : cc_value(r));
    return fixed_overflow(cpu, ovf);
}

/* LPGFR - LOAD POSITIVE (RRE), 64 <- 32 signed: cannot overflow. Returns 0. */
exc_t insn_lpgfr(struct cpu *cpu, const struct insn *in)
{
    int64_t v = s32(cpu_gr32(cpu, in->r2));
    int64_t r = v < 0 ? -v : v;

    cpu->gr[in->r1] = (uint64_t)r;
    cpu_set_cc(cpu, cc_value(r));
    return 0;
}

/* LNR - LOAD NEGATIVE (RR). Returns 0. */
exc_t insn_lnr(struct cpu *cpu, const struct insn *in)
{
    int32_t v = (int32_t)cpu_gr32(cpu, in->r2);
    int32_t r = v > 0 ? -v : v;

    cpu_set_gr32(cpu, in->r1, (uint32_t)r);
    cpu_set_cc(cpu, cc_value(r));
    return 0;
}

/* LNGR - LOAD NEGATIVE (RRE), 64-bit. Returns 0. */
exc_t insn_lngr(struct cpu *cpu, const struct insn *in)
{
    int64_t v = (int64_t)cpu->gr[in->r2];
    int64_t r = v > 0 ? -v : v;

    cpu->gr[in->r1] = (uint64_t)r;
    cpu_set_cc(cpu, cc_value(r));
    return 0;
}

/* LNGFR - LOAD NEGATIVE (RRE), 64 <- 32 signed. Returns 0. */
exc_t insn_lngfr(struct cpu *cpu, const struct insn *in)
{
    int64_t v = s32(cpu_gr32(cpu, in->r2));
    int64_t r = v > 0 ? -v : v;

    cpu->gr[in->r1] = (uint64_t)r;
    cpu_set_cc(cpu, cc_value(r));
    return 0;
}

/* LTR - LOAD AND TEST (RR). Returns 0. */
exc_t insn_ltr(struct cpu *cpu, const struct insn *in)
{
    uint32_t v = cpu_gr32(cpu, in->r2);

    cpu_set_gr32(cpu, in->r1, v);
    cpu_set_cc(cpu, cc_value(s32(v)));
    return 0;
}

/* LTGR - LOAD AND TEST (RRE), 64-bit. Returns 0. */
exc_t insn_ltgr(struct cpu *cpu, const struct insn *in)
{
    uint64_t v = cpu->gr[in->r2];

    cpu->gr[in->r1] = v;
    cpu_set_cc(cpu, cc_value((int64_t)v));
    return 0;
}

/* LTGFR - LOAD AND TEST (RRE), 64 <- 32 signed. Returns 0. */
exc_t insn_ltgfr(struct cpu *cpu, const struct insn *in)
{
    int64_t v = s32(cpu_gr32(cpu, in->r2));

    cpu->gr[in->r1] = (uint64_t)v;
    cpu_set_cc(cpu, cc_value(v));
    return 0;
}
