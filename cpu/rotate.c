/* Shifts and rotates of general registers (PoO chapter 7): SHIFT LEFT/RIGHT
 * SINGLE and DOUBLE, logical and arithmetic, ROTATE LEFT SINGLE LOGICAL and
 * the ROTATE THEN ... SELECTED BITS family.
 *
 * The shift amount is bits 58-63 of the second-operand address D2(B2); the
 * address is not used to address storage. */
#include "cpu/insn.h"

static unsigned shift_count(const struct cpu *cpu, const struct insn *in)
{
    return (unsigned)insn_addr2(cpu, in) & 63;
}

static exc_t fixed_overflow(const struct cpu *cpu, bool ovf)
{
    return ovf && (cpu_pm(cpu) & PSW_PM_FIXED) ? EXC_PGM(PGM_FIXED_POINT_OVERFLOW) : 0;
}

static unsigned cc_signed(int64_t v)
{
    return (unsigned)(v < 0) | (unsigned)(v > 0) << 1;
}

/* Arithmetic left shift of the @width-bit (32 or 64) signed value @v by @n
 * (0-63): the sign stays, the numeric bits move left, zeros come in.
 * *ovf is set when a bit unlike the sign is shifted out of bit position 1
 * (PoO "SHIFT LEFT SINGLE"); with a negative operand and n > width - 1 the
 * zeros shifted in are themselves shifted out, which is an overflow too.
 * The result is @width bits, zero-extended. */
static uint64_t sla(uint64_t v, unsigned width, unsigned n, bool *ovf)
{
    uint64_t num_mask = (width == 64 ? UINT64_MAX : (UINT64_C(1) << width) - 1) >> 1;
    uint64_t sign = v & ~num_mask & (num_mask << 1 | 1);
    uint64_t num = v & num_mask;
    uint64_t lost, fill;

    if (n >= width - 1) {
        lost = num;
        fill = sign ? num_mask : 0;
        *ovf = lost != fill || (sign && n > width - 1);
        return sign;
    }
    lost = num >> (width - 1 - n);
    fill = sign ? (UINT64_C(1) << n) - 1 : 0;
    *ovf = lost != fill;
    return sign | ((num << n) & num_mask);
}

/* Arithmetic right shift by @n (0-63) of a signed 64-bit value. */
static int64_t sra64(int64_t v, unsigned n)
{
    return v >> n;      /* GCC: arithmetic shift on signed values */
}

/* ---- single logical ---- */

/* SLL - SHIFT LEFT SINGLE LOGICAL (RS-a), bits 32-63. Returns 0. */
exc_t insn_sll(struct cpu *cpu, const struct insn *in)
{
    unsigned n = shift_count(cpu, in);

    cpu_set_gr32(cpu, in->r1, n >= 32 ? 0 : cpu_gr32(cpu, in->r1) << n);
    return 0;
}

/* SRL - SHIFT RIGHT SINGLE LOGICAL (RS-a), bits 32-63. Returns 0. */
exc_t insn_srl(struct cpu *cpu, const struct insn *in)
{
    unsigned n = shift_count(cpu, in);

    cpu_set_gr32(cpu, in->r1, n >= 32 ? 0 : cpu_gr32(cpu, in->r1) >> n);
    return 0;
}

/* SLLK - SHIFT LEFT SINGLE LOGICAL (RSY-a): R1 = R3 << n, bits 32-63. Returns 0. */
exc_t insn_sllk(struct cpu *cpu, const struct insn *in)
{
    unsigned n = shift_count(cpu, in);

    cpu_set_gr32(cpu, in->r1, n >= 32 ? 0 : cpu_gr32(cpu, in->r3) << n);
    return 0;
}

/* SRLK - SHIFT RIGHT SINGLE LOGICAL (RSY-a): R1 = R3 >> n, bits 32-63. Returns 0. */
exc_t insn_srlk(struct cpu *cpu, const struct insn *in)
{
    unsigned n = shift_count(cpu, in);

    cpu_set_gr32(cpu, in->r1, n >= 32 ? 0 : cpu_gr32(cpu, in->r3) >> n);
    return 0;
}

/* SLLG - SHIFT LEFT SINGLE LOGICAL (RSY-a), 64-bit: R1 = R3 << n. Returns 0. */
exc_t insn_sllg(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = cpu->gr[in->r3] << shift_count(cpu, in);
    return 0;
}

/* SRLG - SHIFT RIGHT SINGLE LOGICAL (RSY-a), 64-bit: R1 = R3 >> n. Returns 0. */
exc_t insn_srlg(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = cpu->gr[in->r3] >> shift_count(cpu, in);
    return 0;
}

/* ---- single arithmetic ---- */

static exc_t sla32(struct cpu *cpu, const struct insn *in, unsigned src)
{
    bool ovf;
    uint32_t r = (uint32_t)sla(cpu_gr32(cpu, src), 32, shift_count(cpu, in), &ovf);

    cpu_set_gr32(cpu, in->r1, r);
    cpu_set_cc(cpu, ovf ? 3 : cc_signed((int32_t)r));
    return fixed_overflow(cpu, ovf);
}

static void sra32(struct cpu *cpu, const struct insn *in, unsigned src)
{
    int32_t r = (int32_t)sra64((int32_t)cpu_gr32(cpu, src), shift_count(cpu, in));

    cpu_set_gr32(cpu, in->r1, (uint32_t)r);
    cpu_set_cc(cpu, cc_signed(r));
}

/* SLA - SHIFT LEFT SINGLE (RS-a). Returns 0 or fixed-point overflow. */
exc_t insn_sla(struct cpu *cpu, const struct insn *in)
{
    return sla32(cpu, in, in->r1);
}

/* SLAK - SHIFT LEFT SINGLE (RSY-a): R1 = R3 shifted. Returns 0 or fixed-point overflow. */
exc_t insn_slak(struct cpu *cpu, const struct insn *in)
{
    return sla32(cpu, in, in->r3);
}

/* SLAG - SHIFT LEFT SINGLE (RSY-a), 64-bit: R1 = R3 shifted. Returns 0 or
 * fixed-point overflow. */
exc_t insn_slag(struct cpu *cpu, const struct insn *in)
{
    bool ovf;
    uint64_t r = sla(cpu->gr[in->r3], 64, shift_count(cpu, in), &ovf);

    cpu->gr[in->r1] = r;
    cpu_set_cc(cpu, ovf ? 3 : cc_signed((int64_t)r));
    return fixed_overflow(cpu, ovf);
}

/* SRA - SHIFT RIGHT SINGLE (RS-a). Returns 0. */
exc_t insn_sra(struct cpu *cpu, const struct insn *in)
{
    sra32(cpu, in, in->r1);
    return 0;
}

/* SRAK - SHIFT RIGHT SINGLE (RSY-a): R1 = R3 shifted. Returns 0. */
exc_t insn_srak(struct cpu *cpu, const struct insn *in)
{
    sra32(cpu, in, in->r3);
    return 0;
}

/* SRAG - SHIFT RIGHT SINGLE (RSY-a), 64-bit: R1 = R3 shifted. Returns 0. */
exc_t insn_srag(struct cpu *cpu, const struct insn *in)
{
    int64_t r = sra64((int64_t)cpu->gr[in->r3], shift_count(cpu, in));

    cpu->gr[in->r1] = (uint64_t)r;
    cpu_set_cc(cpu, cc_signed(r));
    return 0;
}

/* ---- double: bits 32-63 of the even-odd pair R1, R1+1 as one 64-bit value ---- */

static uint64_t pair_get(const struct cpu *cpu, unsigned r1)
{
    return ((uint64_t)cpu_gr32(cpu, r1) << 32) | cpu_gr32(cpu, r1 + 1);
}

static void pair_set(struct cpu *cpu, unsigned r1, uint64_t v)
{
    cpu_set_gr32(cpu, r1, (uint32_t)(v >> 32));
    cpu_set_gr32(cpu, r1 + 1, (uint32_t)v);
}

/* SLDL - SHIFT LEFT DOUBLE LOGICAL (RS-a). Returns 0 or specification (odd R1). */
exc_t insn_sldl(struct cpu *cpu, const struct insn *in)
{
    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    pair_set(cpu, in->r1, pair_get(cpu, in->r1) << shift_count(cpu, in));
    return 0;
}

/* SRDL - SHIFT RIGHT DOUBLE LOGICAL (RS-a). Returns 0 or specification (odd R1). */
exc_t insn_srdl(struct cpu *cpu, const struct insn *in)
{
    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    pair_set(cpu, in->r1, pair_get(cpu, in->r1) >> shift_count(cpu, in));
    return 0;
}

/* SLDA - SHIFT LEFT DOUBLE (RS-a). Returns 0, specification or fixed-point overflow. */
exc_t insn_slda(struct cpu *cpu, const struct insn *in)
{
    bool ovf;
    uint64_t r;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    r = sla(pair_get(cpu, in->r1), 64, shift_count(cpu, in), &ovf);
    pair_set(cpu, in->r1, r);
    cpu_set_cc(cpu, ovf ? 3 : cc_signed((int64_t)r));
    return fixed_overflow(cpu, ovf);
}

/* SRDA - SHIFT RIGHT DOUBLE (RS-a). Returns 0 or specification (odd R1). */
exc_t insn_srda(struct cpu *cpu, const struct insn *in)
{
    int64_t r;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    r = sra64((int64_t)pair_get(cpu, in->r1), shift_count(cpu, in));
    pair_set(cpu, in->r1, (uint64_t)r);
    cpu_set_cc(cpu, cc_signed(r));
    return 0;
}

/* ---- rotates ---- */

static uint64_t rotl64(uint64_t v, unsigned n)
{
    n &= 63;
    return n ? (v << n) | (v >> (64 - n)) : v;
}

/* RLL - ROTATE LEFT SINGLE LOGICAL (RSY-a), 32-bit: R1 = R3 rotated. Returns 0. */
exc_t insn_rll(struct cpu *cpu, const struct insn *in)
{
    uint32_t v = cpu_gr32(cpu, in->r3);
    unsigned n = shift_count(cpu, in) & 31;

    cpu_set_gr32(cpu, in->r1, n ? (v << n) | (v >> (32 - n)) : v);
    return 0;
}

/* RLLG - ROTATE LEFT SINGLE LOGICAL (RSY-a), 64-bit: R1 = R3 rotated. Returns 0. */
exc_t insn_rllg(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = rotl64(cpu->gr[in->r3], shift_count(cpu, in));
    return 0;
}

/* ROTATE THEN AND/OR/EXCLUSIVE OR SELECTED BITS (RIE-f): the selected bits
 * of R1 are combined with those of R2 rotated left by I5; unselected bits
 * are unchanged. I3 bit 0 is the test-only control: the CC is set but R1 is
 * not changed. CC 0 selected bits of the result all zero, 1 not all zero. */
static void rsbg(struct cpu *cpu, const struct insn *in, uint64_t (*op)(uint64_t, uint64_t))
{
    uint64_t mask = range_mask(in->i3 & 63, in->i4 & 63);
    uint64_t rot = rotl64(cpu->gr[in->r2], in->i5 & 63);
    uint64_t sel = op(cpu->gr[in->r1], rot) & mask;

    cpu_set_cc(cpu, sel != 0);
    if (!(in->i3 & 0x80))
        cpu->gr[in->r1] = (cpu->gr[in->r1] & ~mask) | sel;
}

static uint64_t op_and(uint64_t a, uint64_t b)
{
    return a & b;
}

static uint64_t op_or(uint64_t a, uint64_t b)
{
    return a | b;
}

static uint64_t op_xor(uint64_t a, uint64_t b)
{
    return a ^ b;
}

/* RNSBG - ROTATE THEN AND SELECTED BITS (RIE-f). Returns 0. */
exc_t insn_rnsbg(struct cpu *cpu, const struct insn *in)
{
    rsbg(cpu, in, op_and);
    return 0;
}

/* ROSBG - ROTATE THEN OR SELECTED BITS (RIE-f). Returns 0. */
exc_t insn_rosbg(struct cpu *cpu, const struct insn *in)
{
    rsbg(cpu, in, op_or);
    return 0;
}

/* RXSBG - ROTATE THEN EXCLUSIVE OR SELECTED BITS (RIE-f). Returns 0. */
exc_t insn_rxsbg(struct cpu *cpu, const struct insn *in)
{
    rsbg(cpu, in, op_xor);
    return 0;
}

/* Insert the bits of R2 rotated by I5 selected by @mask (within @field, the
 * part of R1 the instruction may change) into R1; I4 bit 0 (zero remaining
 * bits) clears the unselected bits of @field, otherwise they are unchanged. */
static uint64_t risbg_common(struct cpu *cpu, const struct insn *in, uint64_t mask,
                             uint64_t field)
{
    uint64_t rot = rotl64(cpu->gr[in->r2], in->i5 & 63);
    uint64_t keep = (in->i4 & 0x80) ? ~field : ~mask;
    uint64_t r = (cpu->gr[in->r1] & keep) | (rot & mask);

    cpu->gr[in->r1] = r;
    return r;
}

/* RISBG - ROTATE THEN INSERT SELECTED BITS (RIE-f). CC from the 64-bit signed
 * result: 0 zero, 1 negative, 2 positive. Returns 0. */
exc_t insn_risbg(struct cpu *cpu, const struct insn *in)
{
    int64_t r = (int64_t)risbg_common(cpu, in, range_mask(in->i3 & 63, in->i4 & 63), UINT64_MAX);

    cpu_set_cc(cpu, cc_signed(r));
    return 0;
}

/* RISBHG - ROTATE THEN INSERT SELECTED BITS HIGH (RIE-f): positions 0-31 only,
 * I3 and I4 bits 3-7; bits 32-63 of R1 and the CC unchanged. Returns 0. */
exc_t insn_risbhg(struct cpu *cpu, const struct insn *in)
{
    uint64_t field = UINT64_C(0xffffffff00000000);

    (void)risbg_common(cpu, in, range_mask(in->i3 & 31, in->i4 & 31) & field, field);
    return 0;
}

/* RISBLG - ROTATE THEN INSERT SELECTED BITS LOW (RIE-f): positions 32-63 only,
 * I3 and I4 bits 3-7 plus 32; bits 0-31 of R1 and the CC unchanged. Returns 0. */
exc_t insn_risblg(struct cpu *cpu, const struct insn *in)
{
    uint64_t field = UINT64_C(0x00000000ffffffff);

    (void)risbg_common(cpu, in, range_mask(32 + (in->i3 & 31), 32 + (in->i4 & 31)) & field,
                       field);
    return 0;
}
