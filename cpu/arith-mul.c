/* Binary multiply and divide (PoO chapter 7): MULTIPLY, MULTIPLY SINGLE,
 * MULTIPLY HALFWORD, MULTIPLY LOGICAL, DIVIDE, DIVIDE LOGICAL, DIVIDE SINGLE.
 *
 * The forms with a 64- or 128-bit result or dividend use the even-odd pair
 * R1, R1+1: an odd R1 is a specification exception, recognized before any
 * storage access. None of these sets the condition code. Fixed-point divide
 * (zero divisor or a quotient too large for its field) suppresses the
 * operation: no register changes. */
#include "cpu/insn.h"
#include "mmu/mmu.h"

static ALWAYS_INLINE MUST_CHECK exc_t fetch16(struct cpu *cpu, const struct insn *in, uint64_t *v)
{
    uint16_t h;
    exc_t exc = mmu_fetch_u16(cpu, in->b2, insn_addr2(cpu, in), &h);

    *v = (uint64_t)(int64_t)(int16_t)h;
    return exc;
}

static ALWAYS_INLINE MUST_CHECK exc_t fetch32(struct cpu *cpu, const struct insn *in, uint32_t *v)
{
    return mmu_fetch_u32(cpu, in->b2, insn_addr2(cpu, in), v);
}

static ALWAYS_INLINE MUST_CHECK exc_t fetch64(struct cpu *cpu, const struct insn *in, uint64_t *v)
{
    return mmu_fetch_u64(cpu, in->b2, insn_addr2(cpu, in), v);
}

static inline uint64_t sext32(uint32_t v)
{
    return (uint64_t)(int64_t)(int32_t)v;
}

/* ---- MULTIPLY into an even-odd pair ---- */

/* Signed 32 x 32: the multiplicand is bits 32-63 of R1+1; the 64-bit product
 * goes to bits 32-63 of R1 (high half) and of R1+1 (low half). */
static void mul_pair32(struct cpu *cpu, unsigned r1, uint32_t op2)
{
    int64_t p = (int64_t)(int32_t)cpu_gr32(cpu, r1 + 1) * (int32_t)op2;

    cpu_set_gr32(cpu, r1, (uint32_t)((uint64_t)p >> 32));
    cpu_set_gr32(cpu, r1 + 1, (uint32_t)p);
}

static void mull_pair32(struct cpu *cpu, unsigned r1, uint32_t op2)
{
    uint64_t p = (uint64_t)cpu_gr32(cpu, r1 + 1) * op2;

    cpu_set_gr32(cpu, r1, (uint32_t)(p >> 32));
    cpu_set_gr32(cpu, r1 + 1, (uint32_t)p);
}

static void mull_pair64(struct cpu *cpu, unsigned r1, uint64_t op2)
{
    unsigned __int128 p = (unsigned __int128)cpu->gr[r1 + 1] * op2;

    cpu->gr[r1] = (uint64_t)(p >> 64);
    cpu->gr[r1 + 1] = (uint64_t)p;
}

/* M - MULTIPLY (RX-a). Returns 0, specification (odd R1) or the fetch exception. */
exc_t insn_m(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = fetch32(cpu, in, &op2);
    if (exc)
        return exc;
    mul_pair32(cpu, in->r1, op2);
    return 0;
}

/* MFY - MULTIPLY (RXY-a). Returns 0, specification (odd R1) or the fetch exception. */
exc_t insn_mfy(struct cpu *cpu, const struct insn *in)
{
    return insn_m(cpu, in);
}

/* MR - MULTIPLY (RR). Returns 0 or specification (odd R1). */
exc_t insn_mr(struct cpu *cpu, const struct insn *in)
{
    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    mul_pair32(cpu, in->r1, cpu_gr32(cpu, in->r2));
    return 0;
}

/* ML - MULTIPLY LOGICAL (RXY-a). Returns 0, specification or the fetch exception. */
exc_t insn_ml(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = fetch32(cpu, in, &op2);
    if (exc)
        return exc;
    mull_pair32(cpu, in->r1, op2);
    return 0;
}

/* MLR - MULTIPLY LOGICAL (RRE). Returns 0 or specification (odd R1). */
exc_t insn_mlr(struct cpu *cpu, const struct insn *in)
{
    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    mull_pair32(cpu, in->r1, cpu_gr32(cpu, in->r2));
    return 0;
}

/* MLG - MULTIPLY LOGICAL (RXY-a), 128 <- 64 x 64. Returns 0, specification or the
 * fetch exception. */
exc_t insn_mlg(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = fetch64(cpu, in, &op2);
    if (exc)
        return exc;
    mull_pair64(cpu, in->r1, op2);
    return 0;
}

/* MLGR - MULTIPLY LOGICAL (RRE), 128 <- 64 x 64. Returns 0 or specification (odd R1). */
exc_t insn_mlgr(struct cpu *cpu, const struct insn *in)
{
    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    mull_pair64(cpu, in->r1, cpu->gr[in->r2]);
    return 0;
}

/* ---- MULTIPLY SINGLE / HALFWORD: low-order bits of the product, no overflow ---- */

static void mul_low32(struct cpu *cpu, unsigned r1, uint32_t op2)
{
    cpu_set_gr32(cpu, r1, cpu_gr32(cpu, r1) * op2);
}

/* MH - MULTIPLY HALFWORD (RX-a). Returns 0 or the fetch exception. */
exc_t insn_mh(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = fetch16(cpu, in, &op2);

    if (exc)
        return exc;
    mul_low32(cpu, in->r1, (uint32_t)op2);
    return 0;
}

/* MHY - MULTIPLY HALFWORD (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_mhy(struct cpu *cpu, const struct insn *in)
{
    return insn_mh(cpu, in);
}

/* MHI - MULTIPLY HALFWORD IMMEDIATE (RI-a). Returns 0. */
exc_t insn_mhi(struct cpu *cpu, const struct insn *in)
{
    mul_low32(cpu, in->r1, (uint32_t)in->i2);
    return 0;
}

/* MGHI - MULTIPLY HALFWORD IMMEDIATE (RI-a), 64-bit. Returns 0. */
exc_t insn_mghi(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] *= (uint64_t)in->i2;
    return 0;
}

/* MS - MULTIPLY SINGLE (RX-a). Returns 0 or the fetch exception. */
exc_t insn_ms(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc = fetch32(cpu, in, &op2);

    if (exc)
        return exc;
    mul_low32(cpu, in->r1, op2);
    return 0;
}

/* MSY - MULTIPLY SINGLE (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_msy(struct cpu *cpu, const struct insn *in)
{
    return insn_ms(cpu, in);
}

/* MSR - MULTIPLY SINGLE (RRE). Returns 0. */
exc_t insn_msr(struct cpu *cpu, const struct insn *in)
{
    mul_low32(cpu, in->r1, cpu_gr32(cpu, in->r2));
    return 0;
}

/* MSFI - MULTIPLY SINGLE IMMEDIATE (RIL-a). Returns 0. */
exc_t insn_msfi(struct cpu *cpu, const struct insn *in)
{
    return insn_mhi(cpu, in);
}

/* MSG - MULTIPLY SINGLE (RXY-a), 64-bit. Returns 0 or the fetch exception. */
exc_t insn_msg(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc = fetch64(cpu, in, &op2);

    if (exc)
        return exc;
    cpu->gr[in->r1] *= op2;
    return 0;
}

/* MSGF - MULTIPLY SINGLE (RXY-a), 64 <- 32 signed. Returns 0 or the fetch exception. */
exc_t insn_msgf(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc = fetch32(cpu, in, &op2);

    if (exc)
        return exc;
    cpu->gr[in->r1] *= sext32(op2);
    return 0;
}

/* MSGR - MULTIPLY SINGLE (RRE), 64-bit. Returns 0. */
exc_t insn_msgr(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] *= cpu->gr[in->r2];
    return 0;
}

/* MSGFR - MULTIPLY SINGLE (RRE), 64 <- 32 signed. Returns 0. */
exc_t insn_msgfr(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] *= sext32(cpu_gr32(cpu, in->r2));
    return 0;
}

/* MSGFI - MULTIPLY SINGLE IMMEDIATE (RIL-a), 64-bit. Returns 0. */
exc_t insn_msgfi(struct cpu *cpu, const struct insn *in)
{
    return insn_mghi(cpu, in);
}

/* ---- DIVIDE ---- */

/* Signed 64 / 32: the dividend is bits 32-63 of R1 (high) and R1+1 (low);
 * remainder to R1, quotient to R1+1, each a 32-bit signed integer, the
 * remainder with the dividend's sign. */
static exc_t div_pair32(struct cpu *cpu, unsigned r1, uint32_t op2)
{
    int64_t n = (int64_t)(((uint64_t)cpu_gr32(cpu, r1) << 32) | cpu_gr32(cpu, r1 + 1));
    int64_t d = (int32_t)op2;
    int64_t q;

    if (d == 0)
        return EXC_PGM(PGM_FIXED_POINT_DIVIDE);
    if (n == INT64_MIN && d == -1)
        return EXC_PGM(PGM_FIXED_POINT_DIVIDE);
    q = n / d;
    if (q != (int32_t)q)
        return EXC_PGM(PGM_FIXED_POINT_DIVIDE);
    cpu_set_gr32(cpu, r1, (uint32_t)(n % d));
    cpu_set_gr32(cpu, r1 + 1, (uint32_t)q);
    return 0;
}

static exc_t divl_pair32(struct cpu *cpu, unsigned r1, uint32_t op2)
{
    uint64_t n = ((uint64_t)cpu_gr32(cpu, r1) << 32) | cpu_gr32(cpu, r1 + 1);
    uint64_t q;

    if (op2 == 0)
        return EXC_PGM(PGM_FIXED_POINT_DIVIDE);
    q = n / op2;
    if (q > UINT32_MAX)
        return EXC_PGM(PGM_FIXED_POINT_DIVIDE);
    cpu_set_gr32(cpu, r1, (uint32_t)(n % op2));
    cpu_set_gr32(cpu, r1 + 1, (uint32_t)q);
    return 0;
}

static exc_t divl_pair64(struct cpu *cpu, unsigned r1, uint64_t op2)
{
    unsigned __int128 n = ((unsigned __int128)cpu->gr[r1] << 64) | cpu->gr[r1 + 1];
    unsigned __int128 q;

    if (op2 == 0)
        return EXC_PGM(PGM_FIXED_POINT_DIVIDE);
    q = n / op2;
    if ((q >> 64) != 0)
        return EXC_PGM(PGM_FIXED_POINT_DIVIDE);
    cpu->gr[r1] = (uint64_t)(n % op2);
    cpu->gr[r1 + 1] = (uint64_t)q;
    return 0;
}

/* DIVIDE SINGLE: the 64-bit dividend is R1+1 alone; remainder to R1,
 * quotient to R1+1. Only -2^63 / -1 overflows. */
static exc_t divs_pair64(struct cpu *cpu, unsigned r1, uint64_t op2)
{
    int64_t n = (int64_t)cpu->gr[r1 + 1];
    int64_t d = (int64_t)op2;

    if (d == 0 || (n == INT64_MIN && d == -1))
        return EXC_PGM(PGM_FIXED_POINT_DIVIDE);
    cpu->gr[r1] = (uint64_t)(n % d);
    cpu->gr[r1 + 1] = (uint64_t)(n / d);
    return 0;
}

/* D - DIVIDE (RX-a). Returns 0, specification, the fetch exception or fixed-point divide. */
exc_t insn_d(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = fetch32(cpu, in, &op2);
    if (exc)
        return exc;
    return div_pair32(cpu, in->r1, op2);
}

/* DR - DIVIDE (RR). Returns 0, specification or fixed-point divide. */
exc_t insn_dr(struct cpu *cpu, const struct insn *in)
{
    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    return div_pair32(cpu, in->r1, cpu_gr32(cpu, in->r2));
}

/* DL - DIVIDE LOGICAL (RXY-a). Returns 0, specification, the fetch exception or
 * fixed-point divide. */
exc_t insn_dl(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = fetch32(cpu, in, &op2);
    if (exc)
        return exc;
    return divl_pair32(cpu, in->r1, op2);
}

/* DLR - DIVIDE LOGICAL (RRE). Returns 0, specification or fixed-point divide. */
exc_t insn_dlr(struct cpu *cpu, const struct insn *in)
{
    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    return divl_pair32(cpu, in->r1, cpu_gr32(cpu, in->r2));
}

/* DLG - DIVIDE LOGICAL (RXY-a), 128 / 64. Returns 0, specification, the fetch
 * exception or fixed-point divide. */
exc_t insn_dlg(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = fetch64(cpu, in, &op2);
    if (exc)
        return exc;
    return divl_pair64(cpu, in->r1, op2);
}

/* DLGR - DIVIDE LOGICAL (RRE), 128 / 64. Returns 0, specification or fixed-point divide. */
exc_t insn_dlgr(struct cpu *cpu, const struct insn *in)
{
    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    return divl_pair64(cpu, in->r1, cpu->gr[in->r2]);
}

/* DSG - DIVIDE SINGLE (RXY-a), 64 / 64. Returns 0, specification, the fetch
 * exception or fixed-point divide. */
exc_t insn_dsg(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2;
    exc_t exc;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = fetch64(cpu, in, &op2);
    if (exc)
        return exc;
    return divs_pair64(cpu, in->r1, op2);
}

/* DSGR - DIVIDE SINGLE (RRE), 64 / 64. Returns 0, specification or fixed-point divide. */
exc_t insn_dsgr(struct cpu *cpu, const struct insn *in)
{
    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    return divs_pair64(cpu, in->r1, cpu->gr[in->r2]);
}

/* DSGF - DIVIDE SINGLE (RXY-a), 64 / 32 signed. Returns 0, specification, the fetch
 * exception or fixed-point divide. */
exc_t insn_dsgf(struct cpu *cpu, const struct insn *in)
{
    uint32_t op2;
    exc_t exc;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = fetch32(cpu, in, &op2);
    if (exc)
        return exc;
    return divs_pair64(cpu, in->r1, sext32(op2));
}

/* DSGFR - DIVIDE SINGLE (RRE), 64 / 32 signed. Returns 0, specification or
 * fixed-point divide. */
exc_t insn_dsgfr(struct cpu *cpu, const struct insn *in)
{
    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    return divs_pair64(cpu, in->r1, sext32(cpu_gr32(cpu, in->r2)));
}
