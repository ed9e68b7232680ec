/* Binary add and subtract, signed and logical, including the high-word,
 * distinct-operands and storage-immediate forms (PoO chapter 7, "General
 * Instructions"). Compares and load complement/positive/negative/test are
 * in cpu/compare.c, multiply and divide in cpu/arith-mul.c.
 *
 * Condition codes (PoO "Condition Code", figure 7-1 summary):
 *  signed add/subtract:  0 zero, 1 less than zero, 2 greater than zero, 3 overflow;
 *  logical add:          0 zero no carry, 1 nonzero no carry, 2 zero carry, 3 nonzero carry;
 *  logical subtract:     1 nonzero borrow, 2 zero no borrow, 3 nonzero no borrow
 *                        (0 zero borrow only with SUBTRACT LOGICAL WITH BORROW).
 * A logical subtract is computed as op1 + ~op2 + 1, whose carry is "no borrow",
 * so both logical forms share one condition-code rule. */
#include "cpu/insn.h"
#include "mmu/mmu.h"

/* ---- condition codes and shared computations ---- */

/* Fixed-point overflow is a completing exception: the result is already
 * stored, the interruption is taken only if program-mask bit 20 is one. */
static exc_t arith_fixed_overflow(const struct cpu *cpu, bool ovf)
{
    return ovf && (cpu_pm(cpu) & PSW_PM_FIXED) ? EXC_PGM(PGM_FIXED_POINT_OVERFLOW) : 0;
}

/* CC 3 on overflow, else 0 zero, 1 negative, 2 positive; computed without
 * branches, which random data would mispredict. */
static unsigned cc_signed(int64_t r, bool ovf)
{
    return (ovf ? 3u : 0u) | (unsigned)(r < 0) | (unsigned)(r > 0) << 1;
}

static unsigned cc_logical(uint64_t r, bool carry)
{
    return (r != 0 ? 1 : 0) | (carry ? 2 : 0);
}

/* Signed 32-bit add: sets the CC, reports overflow in *ovf. */
static uint32_t add_s32(struct cpu *cpu, uint32_t a, uint32_t b, bool *ovf)
{
    int32_t r;

    *ovf = __builtin_add_overflow((int32_t)a, (int32_t)b, &r);
    cpu_set_cc(cpu, cc_signed(r, *ovf));
    return (uint32_t)r;
}

static uint32_t sub_s32(struct cpu *cpu, uint32_t a, uint32_t b, bool *ovf)
{
    int32_t r;

    *ovf = __builtin_sub_overflow((int32_t)a, (int32_t)b, &r);
    cpu_set_cc(cpu, cc_signed(r, *ovf));
    return (uint32_t)r;
}

static uint64_t add_s64(struct cpu *cpu, uint64_t a, uint64_t b, bool *ovf)
{
    int64_t r;

    *ovf = __builtin_add_overflow((int64_t)a, (int64_t)b, &r);
    cpu_set_cc(cpu, cc_signed(r, *ovf));
    return (uint64_t)r;
}

static uint64_t sub_s64(struct cpu *cpu, uint64_t a, uint64_t b, bool *ovf)
{
    int64_t r;

    *ovf = __builtin_sub_overflow((int64_t)a, (int64_t)b, &r);
    cpu_set_cc(cpu, cc_signed(r, *ovf));
    return (uint64_t)r;
}

/* Logical 32-bit a + b + cin: sets the CC from the result and the carry. */
static uint32_t addc_u32(struct cpu *cpu, uint32_t a, uint32_t b, unsigned cin)
{
    uint64_t r = (uint64_t)a + b + cin;

    cpu_set_cc(cpu, cc_logical((uint32_t)r, r >> 32));
    return (uint32_t)r;
}

static uint64_t addc_u64(struct cpu *cpu, uint64_t a, uint64_t b, unsigned cin)
{
    unsigned __int128 r = (unsigned __int128)a + b + cin;

    cpu_set_cc(cpu, cc_logical((uint64_t)r, (r >> 64) != 0));
    return (uint64_t)r;
}

static uint32_t add_u32(struct cpu *cpu, uint32_t a, uint32_t b)
{
    return addc_u32(cpu, a, b, 0);
}

static uint32_t sub_u32(struct cpu *cpu, uint32_t a, uint32_t b)
{
    return addc_u32(cpu, a, ~b, 1);
}

static uint64_t add_u64(struct cpu *cpu, uint64_t a, uint64_t b)
{
    return addc_u64(cpu, a, b, 0);
}

static uint64_t sub_u64(struct cpu *cpu, uint64_t a, uint64_t b)
{
    return addc_u64(cpu, a, ~b, 1);
}

/* The carry of ADD LOGICAL WITH CARRY and the no-borrow of SUBTRACT LOGICAL
 * WITH BORROW: bit 0 of the two-bit CC (CC 2 or 3). */
static unsigned cc_carry(const struct cpu *cpu)
{
    return (cpu->cc >> 1) & 1;
}

/* ---- operand fetch ---- */

static MUST_CHECK exc_t arith_fetch_s16(struct cpu *cpu, const struct insn *in, uint64_t *v)
{
    uint16_t h;
    exc_t exc = mmu_fetch_u16(cpu, in->b2, insn_addr2(cpu, in), &h);

    if (exc)
        return exc;
    *v = (uint64_t)(int64_t)(int16_t)h;
    return 0;
}

static ALWAYS_INLINE MUST_CHECK exc_t arith_fetch_u32(struct cpu *cpu, const struct insn *in, uint32_t *v)
{
    return mmu_fetch_u32(cpu, in->b2, insn_addr2(cpu, in), v);
}

static ALWAYS_INLINE MUST_CHECK exc_t arith_fetch_u64(struct cpu *cpu, const struct insn *in, uint64_t *v)
{
    return mmu_fetch_u64(cpu, in->b2, insn_addr2(cpu, in), v);
}

static inline uint64_t sext32(uint32_t v)
{
    return (uint64_t)(int64_t)(int32_t)v;
}

/* ---- ADD ---- */

/* A - ADD (RX-a). Returns 0, the fetch exception or fixed-point overflow. */
exc_t insn_a(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    bool ovf;
    exc_t exc = arith_fetch_u32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, add_s32(cpu, cpu_gr32(cpu, in->r1), op2, &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* AY - ADD (RXY-a). Returns 0, the fetch exception or fixed-point overflow. */
exc_t insn_ay(struct cpu *cpu, const struct insn *in)
{
    return insn_a(cpu, in);
}

/* AH - ADD HALFWORD (RX-a). Returns 0, the fetch exception or fixed-point overflow. */
exc_t insn_ah(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    bool ovf;
    exc_t exc = arith_fetch_s16(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, add_s32(cpu, cpu_gr32(cpu, in->r1), (uint32_t)op2, &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* AHY - ADD HALFWORD (RXY-a). Returns 0, the fetch exception or fixed-point overflow. */
exc_t insn_ahy(struct cpu *cpu, const struct insn *in)
{
    return insn_ah(cpu, in);
}

/* AR - ADD (RR). Returns 0 or fixed-point overflow. */
exc_t insn_ar(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu_set_gr32(cpu, in->r1, add_s32(cpu, cpu_gr32(cpu, in->r1), cpu_gr32(cpu, in->r2), &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* ARK - ADD (RRF-a): R1 = R2 + R3. Returns 0 or fixed-point overflow. */
exc_t insn_ark(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu_set_gr32(cpu, in->r1, add_s32(cpu, cpu_gr32(cpu, in->r2), cpu_gr32(cpu, in->r3), &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* AHI - ADD HALFWORD IMMEDIATE (RI-a). Returns 0 or fixed-point overflow. */
exc_t insn_ahi(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu_set_gr32(cpu, in->r1, add_s32(cpu, cpu_gr32(cpu, in->r1), (uint32_t)in->i2, &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* AFI - ADD IMMEDIATE (RIL-a). Returns 0 or fixed-point overflow. */
exc_t insn_afi(struct cpu *cpu, const struct insn *in)
{
    return insn_ahi(cpu, in);
}

/* AHIK - ADD HALFWORD IMMEDIATE (RIE-d): R1 = R3 + I2. Returns 0 or fixed-point overflow. */
exc_t insn_ahik(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu_set_gr32(cpu, in->r1, add_s32(cpu, cpu_gr32(cpu, in->r3), (uint32_t)in->i2, &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* AG - ADD (RXY-a), 64-bit. Returns 0, the fetch exception or fixed-point overflow. */
exc_t insn_ag(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    bool ovf;
    exc_t exc = arith_fetch_u64(cpu, in, &op2);

    if (exc)
        return exc;
    cpu->gr[in->r1] = add_s64(cpu, cpu->gr[in->r1], op2, &ovf);
    return arith_fixed_overflow(cpu, ovf);
}

/* AGF - ADD (RXY-a), 64 <- 32 signed. Returns 0, the fetch exception or fixed-point overflow. */
exc_t insn_agf(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    bool ovf;
    exc_t exc = arith_fetch_u32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu->gr[in->r1] = add_s64(cpu, cpu->gr[in->r1], sext32(op2), &ovf);
    return arith_fixed_overflow(cpu, ovf);
}

/* AGR - ADD (RRE), 64-bit. Returns 0 or fixed-point overflow. */
exc_t insn_agr(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu->gr[in->r1] = add_s64(cpu, cpu->gr[in->r1], cpu->gr[in->r2], &ovf);
    return arith_fixed_overflow(cpu, ovf);
}

/* AGFR - ADD (RRE), 64 <- 32 signed. Returns 0 or fixed-point overflow. */
exc_t insn_agfr(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu->gr[in->r1] = add_s64(cpu, cpu->gr[in->r1], sext32(cpu_gr32(cpu, in->r2)), &ovf);
    return arith_fixed_overflow(cpu, ovf);
}

/* AGRK - ADD (RRF-a), 64-bit: R1 = R2 + R3. Returns 0 or fixed-point overflow. */
exc_t insn_agrk(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu->gr[in->r1] = add_s64(cpu, cpu->gr[in->r2], cpu->gr[in->r3], &ovf);
    return arith_fixed_overflow(cpu, ovf);
}

/* AGHI - ADD HALFWORD IMMEDIATE (RI-a), 64-bit. Returns 0 or fixed-point overflow. */
exc_t insn_aghi(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu->gr[in->r1] = add_s64(cpu, cpu->gr[in->r1], (uint64_t)in->i2, &ovf);
    return arith_fixed_overflow(cpu, ovf);
}

/* AGFI - ADD IMMEDIATE (RIL-a), 64 <- 32 signed. Returns 0 or fixed-point overflow. */
exc_t insn_agfi(struct cpu *cpu, const struct insn *in)
{
    return insn_aghi(cpu, in);
}

/* AGHIK - ADD HALFWORD IMMEDIATE (RIE-d), 64-bit: R1 = R3 + I2. Returns 0 or
 * fixed-point overflow. */
exc_t insn_aghik(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu->gr[in->r1] = add_s64(cpu, cpu->gr[in->r3], (uint64_t)in->i2, &ovf);
    return arith_fixed_overflow(cpu, ovf);
}

/* ---- storage-immediate add: prepare the operand for store, then update ---- */

/* Add the sign-extended I2 to the @len-byte (4 or 8) operand at D1(B1),
 * signed (@logical false) or logical. One CPU: the interlocked update of
 * PoO "ADD IMMEDIATE" is a plain read-modify-write after the probe. */
static exc_t add_storage_imm(struct cpu *cpu, const struct insn *in, unsigned len, bool logical)
{
    uint8_t buf[8];
    struct acc acc;
    bool ovf = false;
    exc_t exc = mmu_prepare(cpu, &acc, in->b1, insn_addr1(cpu, in), len, ACC_STORE);

    if (exc)
        return exc;
    acc_read(&acc, 0, buf, len);
    if (len == 4) {
        uint32_t v = ld_be32(buf);

        v = logical ? add_u32(cpu, v, (uint32_t)in->i2) : add_s32(cpu, v, (uint32_t)in->i2, &ovf);
        st_be32(buf, v);
    } else {
        uint64_t v = ld_be64(buf);

        v = logical ? add_u64(cpu, v, (uint64_t)in->i2) : add_s64(cpu, v, (uint64_t)in->i2, &ovf);
        st_be64(buf, v);
    }
    acc_write(&acc, 0, buf, len);
    return arith_fixed_overflow(cpu, ovf);
}

/* ASI - ADD IMMEDIATE (SIY), 32-bit storage. Returns 0, the access exception or
 * fixed-point overflow (after the sum is stored). */
exc_t insn_asi(struct cpu *cpu, const struct insn *in)
{
    return add_storage_imm(cpu, in, 4, false);
}

/* AGSI - ADD IMMEDIATE (SIY), 64-bit storage. Returns 0, the access exception or
 * fixed-point overflow. */
exc_t insn_agsi(struct cpu *cpu, const struct insn *in)
{
    return add_storage_imm(cpu, in, 8, false);
}

/* ALSI - ADD LOGICAL WITH SIGNED IMMEDIATE (SIY), 32-bit. Returns 0 or the access exception. */
exc_t insn_alsi(struct cpu *cpu, const struct insn *in)
{
    return add_storage_imm(cpu, in, 4, true);
}

/* ALGSI - ADD LOGICAL WITH SIGNED IMMEDIATE (SIY), 64-bit. Returns 0 or the access exception. */
exc_t insn_algsi(struct cpu *cpu, const struct insn *in)
{
    return add_storage_imm(cpu, in, 8, true);
}

/* ---- ADD LOGICAL ---- */

/* AL - ADD LOGICAL (RX-a). Returns 0 or the fetch exception. */
exc_t insn_al(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc = arith_fetch_u32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, add_u32(cpu, cpu_gr32(cpu, in->r1), op2));
    return 0;
}

/* ALY - ADD LOGICAL (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_aly(struct cpu *cpu, const struct insn *in)
{
    return insn_al(cpu, in);
}

/* ALR - ADD LOGICAL (RR). Returns 0. */
exc_t insn_alr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, add_u32(cpu, cpu_gr32(cpu, in->r1), cpu_gr32(cpu, in->r2)));
    return 0;
}

/* ALRK - ADD LOGICAL (RRF-a): R1 = R2 + R3. Returns 0. */
exc_t insn_alrk(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, add_u32(cpu, cpu_gr32(cpu, in->r2), cpu_gr32(cpu, in->r3)));
    return 0;
}

/* ALFI - ADD LOGICAL IMMEDIATE (RIL-a), unsigned 32-bit immediate. Returns 0. */
exc_t insn_alfi(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, add_u32(cpu, cpu_gr32(cpu, in->r1), (uint32_t)in->i2));
    return 0;
}

/* ALHSIK - ADD LOGICAL WITH SIGNED IMMEDIATE (RIE-d): R1 = R3 + sign-extended I2. Returns 0. */
exc_t insn_alhsik(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, add_u32(cpu, cpu_gr32(cpu, in->r3), (uint32_t)in->i2));
    return 0;
}

/* ALG - ADD LOGICAL (RXY-a), 64-bit. Returns 0 or the fetch exception. */
exc_t insn_alg(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = arith_fetch_u64(cpu, in, &op2);

    if (exc)
        return exc;
    cpu->gr[in->r1] = add_u64(cpu, cpu->gr[in->r1], op2);
    return 0;
}

/* ALGF - ADD LOGICAL (RXY-a), 64 <- 32 unsigned. Returns 0 or the fetch exception. */
exc_t insn_algf(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc = arith_fetch_u32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu->gr[in->r1] = add_u64(cpu, cpu->gr[in->r1], op2);
    return 0;
}

/* ALGR - ADD LOGICAL (RRE), 64-bit. Returns 0. */
exc_t insn_algr(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = add_u64(cpu, cpu->gr[in->r1], cpu->gr[in->r2]);
    return 0;
}

/* ALGFR - ADD LOGICAL (RRE), 64 <- 32 unsigned. Returns 0. */
exc_t insn_algfr(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = add_u64(cpu, cpu->gr[in->r1], cpu_gr32(cpu, in->r2));
    return 0;
}

/* ALGRK - ADD LOGICAL (RRF-a), 64-bit: R1 = R2 + R3. Returns 0. */
exc_t insn_algrk(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = add_u64(cpu, cpu->gr[in->r2], cpu->gr[in->r3]);
    return 0;
}

/* ALGFI - ADD LOGICAL IMMEDIATE (RIL-a), 64 <- unsigned 32-bit immediate. Returns 0. */
exc_t insn_algfi(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = add_u64(cpu, cpu->gr[in->r1], (uint32_t)in->i2);
    return 0;
}

/* ALGHSIK - ADD LOGICAL WITH SIGNED IMMEDIATE (RIE-d), 64-bit: R1 = R3 + I2. Returns 0. */
exc_t insn_alghsik(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = add_u64(cpu, cpu->gr[in->r3], (uint64_t)in->i2);
    return 0;
}

/* ALC - ADD LOGICAL WITH CARRY (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_alc(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc = arith_fetch_u32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, addc_u32(cpu, cpu_gr32(cpu, in->r1), op2, cc_carry(cpu)));
    return 0;
}

/* ALCR - ADD LOGICAL WITH CARRY (RRE). Returns 0. */
exc_t insn_alcr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1,
                 addc_u32(cpu, cpu_gr32(cpu, in->r1), cpu_gr32(cpu, in->r2), cc_carry(cpu)));
    return 0;
}

/* ALCG - ADD LOGICAL WITH CARRY (RXY-a), 64-bit. Returns 0 or the fetch exception. */
exc_t insn_alcg(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = arith_fetch_u64(cpu, in, &op2);

    if (exc)
        return exc;
    cpu->gr[in->r1] = addc_u64(cpu, cpu->gr[in->r1], op2, cc_carry(cpu));
    return 0;
}

/* ALCGR - ADD LOGICAL WITH CARRY (RRE), 64-bit. Returns 0. */
exc_t insn_alcgr(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = addc_u64(cpu, cpu->gr[in->r1], cpu->gr[in->r2], cc_carry(cpu));
    return 0;
}

/* ---- SUBTRACT ---- */

/* S - SUBTRACT (RX-a). Returns 0, the fetch exception or fixed-point overflow. */
exc_t insn_s(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    bool ovf;
    exc_t exc = arith_fetch_u32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, sub_s32(cpu, cpu_gr32(cpu, in->r1), op2, &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* SY - SUBTRACT (RXY-a). Returns 0, the fetch exception or fixed-point overflow. */
exc_t insn_sy(struct cpu *cpu, const struct insn *in)
{
    return insn_s(cpu, in);
}

/* SH - SUBTRACT HALFWORD (RX-a). Returns 0, the fetch exception or fixed-point overflow. */
exc_t insn_sh(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    bool ovf;
    exc_t exc = arith_fetch_s16(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, sub_s32(cpu, cpu_gr32(cpu, in->r1), (uint32_t)op2, &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* SHY - SUBTRACT HALFWORD (RXY-a). Returns 0, the fetch exception or fixed-point overflow. */
exc_t insn_shy(struct cpu *cpu, const struct insn *in)
{
    return insn_sh(cpu, in);
}

/* SR - SUBTRACT (RR). Returns 0 or fixed-point overflow. */
exc_t insn_sr(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu_set_gr32(cpu, in->r1, sub_s32(cpu, cpu_gr32(cpu, in->r1), cpu_gr32(cpu, in->r2), &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* SRK - SUBTRACT (RRF-a): R1 = R2 - R3. Returns 0 or fixed-point overflow. */
exc_t insn_srk(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu_set_gr32(cpu, in->r1, sub_s32(cpu, cpu_gr32(cpu, in->r2), cpu_gr32(cpu, in->r3), &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* SG - SUBTRACT (RXY-a), 64-bit. Returns 0, the fetch exception or fixed-point overflow. */
exc_t insn_sg(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    bool ovf;
    exc_t exc = arith_fetch_u64(cpu, in, &op2);

    if (exc)
        return exc;
    cpu->gr[in->r1] = sub_s64(cpu, cpu->gr[in->r1], op2, &ovf);
    return arith_fixed_overflow(cpu, ovf);
}

/* SGF - SUBTRACT (RXY-a), 64 <- 32 signed. Returns 0, the fetch exception or
 * fixed-point overflow. */
exc_t insn_sgf(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    bool ovf;
    exc_t exc = arith_fetch_u32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu->gr[in->r1] = sub_s64(cpu, cpu->gr[in->r1], sext32(op2), &ovf);
    return arith_fixed_overflow(cpu, ovf);
}

/* SGR - SUBTRACT (RRE), 64-bit. Returns 0 or fixed-point overflow. */
exc_t insn_sgr(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu->gr[in->r1] = sub_s64(cpu, cpu->gr[in->r1], cpu->gr[in->r2], &ovf);
    return arith_fixed_overflow(cpu, ovf);
}

/* SGFR - SUBTRACT (RRE), 64 <- 32 signed. Returns 0 or fixed-point overflow. */
exc_t insn_sgfr(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu->gr[in->r1] = sub_s64(cpu, cpu->gr[in->r1], sext32(cpu_gr32(cpu, in->r2)), &ovf);
    return arith_fixed_overflow(cpu, ovf);
}

/* SGRK - SUBTRACT (RRF-a), 64-bit: R1 = R2 - R3. Returns 0 or fixed-point overflow. */
exc_t insn_sgrk(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu->gr[in->r1] = sub_s64(cpu, cpu->gr[in->r2], cpu->gr[in->r3], &ovf);
    return arith_fixed_overflow(cpu, ovf);
}

/* ---- SUBTRACT LOGICAL ---- */

/* SL - SUBTRACT LOGICAL (RX-a). Returns 0 or the fetch exception. */
exc_t insn_sl(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc = arith_fetch_u32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, sub_u32(cpu, cpu_gr32(cpu, in->r1), op2));
    return 0;
}

/* SLY - SUBTRACT LOGICAL (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_sly(struct cpu *cpu, const struct insn *in)
{
    return insn_sl(cpu, in);
}

/* SLR - SUBTRACT LOGICAL (RR). Returns 0. */
exc_t insn_slr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, sub_u32(cpu, cpu_gr32(cpu, in->r1), cpu_gr32(cpu, in->r2)));
    return 0;
}

/* SLRK - SUBTRACT LOGICAL (RRF-a): R1 = R2 - R3. Returns 0. */
exc_t insn_slrk(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, sub_u32(cpu, cpu_gr32(cpu, in->r2), cpu_gr32(cpu, in->r3)));
    return 0;
}

/* SLFI - SUBTRACT LOGICAL IMMEDIATE (RIL-a). Returns 0. */
exc_t insn_slfi(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, sub_u32(cpu, cpu_gr32(cpu, in->r1), (uint32_t)in->i2));
    return 0;
}

/* SLG - SUBTRACT LOGICAL (RXY-a), 64-bit. Returns 0 or the fetch exception. */
exc_t insn_slg(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = arith_fetch_u64(cpu, in, &op2);

    if (exc)
        return exc;
    cpu->gr[in->r1] = sub_u64(cpu, cpu->gr[in->r1], op2);
    return 0;
}

/* SLGF - SUBTRACT LOGICAL (RXY-a), 64 <- 32 unsigned. Returns 0 or the fetch exception. */
exc_t insn_slgf(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc = arith_fetch_u32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu->gr[in->r1] = sub_u64(cpu, cpu->gr[in->r1], op2);
    return 0;
}

/* SLGR - SUBTRACT LOGICAL (RRE), 64-bit. Returns 0. */
exc_t insn_slgr(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = sub_u64(cpu, cpu->gr[in->r1], cpu->gr[in->r2]);
    return 0;
}

/* SLGFR - SUBTRACT LOGICAL (RRE), 64 <- 32 unsigned. Returns 0. */
exc_t insn_slgfr(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = sub_u64(cpu, cpu->gr[in->r1], cpu_gr32(cpu, in->r2));
    return 0;
}

/* SLGRK - SUBTRACT LOGICAL (RRF-a), 64-bit: R1 = R2 - R3. Returns 0. */
exc_t insn_slgrk(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = sub_u64(cpu, cpu->gr[in->r2], cpu->gr[in->r3]);
    return 0;
}

/* SLGFI - SUBTRACT LOGICAL IMMEDIATE (RIL-a), 64 <- unsigned 32-bit immediate. Returns 0. */
exc_t insn_slgfi(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = sub_u64(cpu, cpu->gr[in->r1], (uint32_t)in->i2);
    return 0;
}

/* SLB - SUBTRACT LOGICAL WITH BORROW (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_slb(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc = arith_fetch_u32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, addc_u32(cpu, cpu_gr32(cpu, in->r1), ~op2, cc_carry(cpu)));
    return 0;
}

/* SLBR - SUBTRACT LOGICAL WITH BORROW (RRE). Returns 0. */
exc_t insn_slbr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1,
                 addc_u32(cpu, cpu_gr32(cpu, in->r1), ~cpu_gr32(cpu, in->r2), cc_carry(cpu)));
    return 0;
}

/* SLBG - SUBTRACT LOGICAL WITH BORROW (RXY-a), 64-bit. Returns 0 or the fetch exception. */
exc_t insn_slbg(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = arith_fetch_u64(cpu, in, &op2);

    if (exc)
        return exc;
    cpu->gr[in->r1] = addc_u64(cpu, cpu->gr[in->r1], ~op2, cc_carry(cpu));
    return 0;
}

/* SLBGR - SUBTRACT LOGICAL WITH BORROW (RRE), 64-bit. Returns 0. */
exc_t insn_slbgr(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = addc_u64(cpu, cpu->gr[in->r1], ~cpu->gr[in->r2], cc_carry(cpu));
    return 0;
}

/* ---- high-word facility: operate on bits 0-31 of R1 ---- */

/* AHHHR - ADD HIGH (RRF-a): R1h = R2h + R3h. Returns 0 or fixed-point overflow. */
exc_t insn_ahhhr(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu_set_gr32h(cpu, in->r1,
                  add_s32(cpu, cpu_gr32h(cpu, in->r2), cpu_gr32h(cpu, in->r3), &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* AHHLR - ADD HIGH (RRF-a): R1h = R2h + R3 low. Returns 0 or fixed-point overflow. */
exc_t insn_ahhlr(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu_set_gr32h(cpu, in->r1, add_s32(cpu, cpu_gr32h(cpu, in->r2), cpu_gr32(cpu, in->r3), &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* AIH - ADD IMMEDIATE HIGH (RIL-a). Returns 0 or fixed-point overflow. */
exc_t insn_aih(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu_set_gr32h(cpu, in->r1, add_s32(cpu, cpu_gr32h(cpu, in->r1), (uint32_t)in->i2, &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* ALHHHR - ADD LOGICAL HIGH (RRF-a): R1h = R2h + R3h. Returns 0. */
exc_t insn_alhhhr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32h(cpu, in->r1, add_u32(cpu, cpu_gr32h(cpu, in->r2), cpu_gr32h(cpu, in->r3)));
    return 0;
}

/* ALHHLR - ADD LOGICAL HIGH (RRF-a): R1h = R2h + R3 low. Returns 0. */
exc_t insn_alhhlr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32h(cpu, in->r1, add_u32(cpu, cpu_gr32h(cpu, in->r2), cpu_gr32(cpu, in->r3)));
    return 0;
}

/* ALSIH - ADD LOGICAL WITH SIGNED IMMEDIATE HIGH (RIL-a). Returns 0. */
exc_t insn_alsih(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32h(cpu, in->r1, add_u32(cpu, cpu_gr32h(cpu, in->r1), (uint32_t)in->i2));
    return 0;
}

/* ALSIHN - ADD LOGICAL WITH SIGNED IMMEDIATE HIGH (RIL-a), CC unchanged. Returns 0. */
exc_t insn_alsihn(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32h(cpu, in->r1, cpu_gr32h(cpu, in->r1) + (uint32_t)in->i2);
    return 0;
}

/* SHHHR - SUBTRACT HIGH (RRF-a): R1h = R2h - R3h. Returns 0 or fixed-point overflow. */
exc_t insn_shhhr(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu_set_gr32h(cpu, in->r1,
                  sub_s32(cpu, cpu_gr32h(cpu, in->r2), cpu_gr32h(cpu, in->r3), &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* SHHLR - SUBTRACT HIGH (RRF-a): R1h = R2h - R3 low. Returns 0 or fixed-point overflow. */
exc_t insn_shhlr(struct cpu *cpu, const struct insn *in)
{
    bool ovf;

    cpu_set_gr32h(cpu, in->r1, sub_s32(cpu, cpu_gr32h(cpu, in->r2), cpu_gr32(cpu, in->r3), &ovf));
    return arith_fixed_overflow(cpu, ovf);
}

/* SLHHHR - SUBTRACT LOGICAL HIGH (RRF-a): R1h = R2h - R3h. Returns 0. */
exc_t insn_slhhhr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32h(cpu, in->r1, sub_u32(cpu, cpu_gr32h(cpu, in->r2), cpu_gr32h(cpu, in->r3)));
    return 0;
}

/* SLHHLR - SUBTRACT LOGICAL HIGH (RRF-a): R1h = R2h - R3 low. Returns 0. */
exc_t insn_slhhlr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32h(cpu, in->r1, sub_u32(cpu, cpu_gr32h(cpu, in->r2), cpu_gr32(cpu, in->r3)));
    return 0;
}
