/* Interlocked-update instructions (PoO chapter 7): COMPARE AND SWAP, COMPARE
 * DOUBLE AND SWAP, COMPARE AND SWAP AND STORE, the interlocked-access
 * facility 1 LOAD AND ADD/AND/OR/EXCLUSIVE OR and LOAD PAIR DISJOINT.
 *
 * Every update goes through one small primitive per width (cas32, cas64,
 * cas128) working on the host copy of an operand already prepared for
 * store. An aligned operand of at most 16 bytes never crosses a page, so
 * it is one contiguous host range. With one CPU thread a plain load and
 * store is atomic enough; a multi-threaded sieve replaces the primitives
 * with host compare-and-exchange and keeps every caller as it is. */
#include "cpu/insn.h"

#include "cpu/model.h"
#include "mmu/mmu.h"

/* Host bytes of a prepared, aligned operand of at most 16 bytes. */
static inline uint8_t *acc_host(const struct acc *a)
{
    return a->h[0];
}

/* Compare the word at @p with @cmp and, if equal, replace it by @val.
 * Returns the old word. */
static uint32_t cas32(uint8_t *p, uint32_t cmp, uint32_t val)
{
    uint32_t old = ld_be32(p);

    if (old == cmp)
        st_be32(p, val);
    return old;
}

/* cas32 for a doubleword. Returns the old doubleword. */
static uint64_t cas64(uint8_t *p, uint64_t cmp, uint64_t val)
{
    uint64_t old = ld_be64(p);

    if (old == cmp)
        st_be64(p, val);
    return old;
}

/* cas32 for a quadword held as two doublewords (@cmp[0] leftmost). Puts
 * the old quadword in @old. */
static void cas128(uint8_t *p, const uint64_t cmp[2], const uint64_t val[2], uint64_t old[2])
{
    old[0] = ld_be64(p);
    old[1] = ld_be64(p + 8);
    if (old[0] == cmp[0] && old[1] == cmp[1]) {
        st_be64(p, val[0]);
        st_be64(p + 8, val[1]);
    }
}

/* Prepare the @len-byte (4, 8 or 16) second operand at @addr for an
 * interlocked update. Returns 0, a specification exception if it is not
 * on an integral boundary, or the access exception. */
static exc_t prepare_update(struct cpu *cpu, struct acc *a, unsigned ar, uint64_t addr,
                            unsigned len)
{
    if (addr & (len - 1))
        return EXC_PGM(PGM_SPECIFICATION);
    return mmu_prepare(cpu, a, ar, addr, len, ACC_STORE);
}

/* CS, CSY - COMPARE AND SWAP (RS-a, RSY-a). Returns 0, specification or
 * access exceptions. */
exc_t insn_cs(struct cpu *cpu, const struct insn *in)
{
    struct acc a;
    uint32_t cmp = cpu_gr32(cpu, in->r1), old;
    exc_t exc = prepare_update(cpu, &a, in->b2, insn_addr2(cpu, in), 4);

    if (exc)
        return exc;
    old = cas32(acc_host(&a), cmp, cpu_gr32(cpu, in->r3));
    if (old != cmp)
        cpu_set_gr32(cpu, in->r1, old);
    cpu_set_cc(cpu, old != cmp);
    return 0;
}

/* CSY - COMPARE AND SWAP (RSY-a), the long-displacement form of CS. */
exc_t insn_csy(struct cpu *cpu, const struct insn *in)
{
    return insn_cs(cpu, in);
}

/* CSG - COMPARE AND SWAP (64) (RSY-a). Returns 0, specification or access
 * exceptions. */
exc_t insn_csg(struct cpu *cpu, const struct insn *in)
{
    struct acc a;
    uint64_t cmp = cpu->gr[in->r1], old;
    exc_t exc = prepare_update(cpu, &a, in->b2, insn_addr2(cpu, in), 8);

    if (exc)
        return exc;
    old = cas64(acc_host(&a), cmp, cpu->gr[in->r3]);
    if (old != cmp)
        cpu->gr[in->r1] = old;
    cpu_set_cc(cpu, old != cmp);
    return 0;
}

/* CDS - COMPARE DOUBLE AND SWAP (RS-a): bits 32-63 of the even-odd pairs
 * R1 and R3 against a doubleword. Returns 0, specification or access
 * exceptions. */
exc_t insn_cds(struct cpu *cpu, const struct insn *in)
{
    struct acc a;
    uint64_t cmp, val, old;
    exc_t exc;

    if ((in->r1 | in->r3) & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = prepare_update(cpu, &a, in->b2, insn_addr2(cpu, in), 8);
    if (exc)
        return exc;
    cmp = (uint64_t)cpu_gr32(cpu, in->r1) << 32 | cpu_gr32(cpu, in->r1 + 1);
    val = (uint64_t)cpu_gr32(cpu, in->r3) << 32 | cpu_gr32(cpu, in->r3 + 1);
    old = cas64(acc_host(&a), cmp, val);
    if (old != cmp) {
        cpu_set_gr32(cpu, in->r1, (uint32_t)(old >> 32));
        cpu_set_gr32(cpu, in->r1 + 1, (uint32_t)old);
    }
    cpu_set_cc(cpu, old != cmp);
    return 0;
}

/* CDSY - COMPARE DOUBLE AND SWAP (RSY-a), the long-displacement form of CDS. */
exc_t insn_cdsy(struct cpu *cpu, const struct insn *in)
{
    return insn_cds(cpu, in);
}

/* CDSG - COMPARE DOUBLE AND SWAP (64) (RSY-a): the pairs R1 and R3 against a
 * quadword. Returns 0, specification or access exceptions. */
exc_t insn_cdsg(struct cpu *cpu, const struct insn *in)
{
    struct acc a;
    uint64_t cmp[2], val[2], old[2];
    bool equal;
    exc_t exc;

    if ((in->r1 | in->r3) & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = prepare_update(cpu, &a, in->b2, insn_addr2(cpu, in), 16);
    if (exc)
        return exc;
    cmp[0] = cpu->gr[in->r1];
    cmp[1] = cpu->gr[in->r1 + 1];
    val[0] = cpu->gr[in->r3];
    val[1] = cpu->gr[in->r3 + 1];
    cas128(acc_host(&a), cmp, val, old);
    equal = old[0] == cmp[0] && old[1] == cmp[1];
    if (!equal) {
        cpu->gr[in->r1] = old[0];
        cpu->gr[in->r1 + 1] = old[1];
    }
    cpu_set_cc(cpu, !equal);
    return 0;
}

/* CSST function codes and store characteristics, PoO "COMPARE AND SWAP AND
 * STORE": FC 0-1 and SC 0-3 come with the facility, FC 2 and SC 4 with
 * compare-and-swap-and-store facility 2. */
static bool csst_valid(const struct cpu *cpu, unsigned fc, unsigned sc)
{
    unsigned max_fc = 1, max_sc = 3;

    if (cpu->model->fac[FAC_CSST2]) {
        max_fc = 2;
        max_sc = 4;
    }
    return fc <= max_fc && sc <= max_sc;
}

/* CSST - COMPARE AND SWAP AND STORE (SSF). GR0 bits 56-63 hold the function
 * code (operand size 4 << FC), bits 48-55 the store characteristic (store
 * size 1 << SC); GR1 designates the parameter list: the replacement value
 * at offset 0 and the store value left-aligned at offset 16. Returns 0,
 * specification or access exceptions. */
exc_t insn_csst(struct cpu *cpu, const struct insn *in)
{
    unsigned fc = (unsigned)FIELD64(cpu->gr[0], 56, 63);
    unsigned sc = (unsigned)FIELD64(cpu->gr[0], 48, 55);
    uint64_t addr1 = insn_addr1(cpu, in), addr2 = insn_addr2(cpu, in);
    uint64_t pl = cpu_wrap(cpu, cpu->gr[1]) & ~UINT64_C(15);   /* bits 60-63 ignored */
    unsigned len1, len2;
    struct acc a1, a2, ap;
    uint8_t rep[16], sv[16];
    bool equal;
    exc_t exc;

    if (!csst_valid(cpu, fc, sc) || (fc == 2 && (in->r3 & 1)))
        return EXC_PGM(PGM_SPECIFICATION);
    len1 = 4u << fc;
    len2 = 1u << sc;
    if ((addr1 & (len1 - 1)) || (addr2 & (len2 - 1)))
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_prepare(cpu, &a1, in->b1, addr1, len1, ACC_STORE);
    if (exc)
        return exc;
    exc = mmu_prepare(cpu, &a2, in->b2, addr2, len2, ACC_STORE);
    if (exc)
        return exc;
    exc = mmu_prepare(cpu, &ap, 1, pl, 16 + len2, ACC_FETCH);
    if (exc)
        return exc;
    acc_read(&ap, 0, rep, len1);
    acc_read(&ap, 16, sv, len2);

    if (fc == 0) {
        uint32_t cmp = cpu_gr32(cpu, in->r3);
        uint32_t old = cas32(acc_host(&a1), cmp, ld_be32(rep));

        equal = old == cmp;
        cpu_set_gr32(cpu, in->r3, old);
    } else if (fc == 1) {
        uint64_t cmp = cpu->gr[in->r3];
        uint64_t old = cas64(acc_host(&a1), cmp, ld_be64(rep));

        equal = old == cmp;
        cpu->gr[in->r3] = old;
    } else {
        uint64_t cmp[2] = { cpu->gr[in->r3], cpu->gr[in->r3 + 1] };
        uint64_t val[2] = { ld_be64(rep), ld_be64(rep + 8) };
        uint64_t old[2];

        cas128(acc_host(&a1), cmp, val, old);
        equal = old[0] == cmp[0] && old[1] == cmp[1];
        cpu->gr[in->r3] = old[0];
        cpu->gr[in->r3 + 1] = old[1];
    }
    if (equal)
        acc_write(&a2, 0, sv, len2);
    cpu_set_cc(cpu, !equal);
    return 0;
}

/* The operation of an interlocked-access LOAD AND ... instruction. */
enum la_op { LA_ADD, LA_ADDL, LA_AND, LA_OR, LA_XOR };

/* @op applied to @a and @b in @bits (32 or 64). Sets *cc as the
 * corresponding arithmetic or logical instruction would and *ovf on signed
 * overflow. Returns the result, truncated to @bits. */
static uint64_t la_compute(enum la_op op, unsigned bits, uint64_t a, uint64_t b, unsigned *cc,
                           bool *ovf)
{
    uint64_t mask = bits == 32 ? UINT32_MAX : UINT64_MAX;
    uint64_t sign = UINT64_C(1) << (bits - 1);
    uint64_t r;

    *ovf = false;
    switch (op) {
    case LA_ADD:
        r = (a + b) & mask;
        *ovf = ((a ^ r) & (b ^ r) & sign) != 0;
        *cc = *ovf ? 3 : r == 0 ? 0 : (r & sign) ? 1 : 2;
        return r;
    case LA_ADDL:
        r = (a + b) & mask;
        *cc = (r != 0) | (r < a ? 2 : 0);      /* 2: carry out of the leftmost bit */
        return r;
    case LA_AND:
        r = a & b;
        break;
    case LA_OR:
        r = a | b;
        break;
    default:
        r = a ^ b;
        break;
    }
    *cc = r != 0;
    return r;
}

/* LOAD AND ... (32): R1 gets the old second operand, the second operand
 * gets the old value @op bits 32-63 of R3, as one interlocked update.
 * Returns 0, specification, access or (after completion) fixed-point
 * overflow exceptions. */
static exc_t load_and_op32(struct cpu *cpu, const struct insn *in, enum la_op op)
{
    uint32_t opnd = cpu_gr32(cpu, in->r3), old, cur, res;
    unsigned cc;
    bool ovf;
    struct acc a;
    exc_t exc = prepare_update(cpu, &a, in->b2, insn_addr2(cpu, in), 4);

    if (exc)
        return exc;
    old = ld_be32(acc_host(&a));
    for (;;) {
        res = (uint32_t)la_compute(op, 32, old, opnd, &cc, &ovf);
        cur = cas32(acc_host(&a), old, res);
        if (cur == old)
            break;
        old = cur;
    }
    cpu_set_gr32(cpu, in->r1, old);
    cpu_set_cc(cpu, cc);
    return ovf && (cpu_pm(cpu) & PSW_PM_FIXED) ? EXC_PGM(PGM_FIXED_POINT_OVERFLOW) : 0;
}

/* LOAD AND ... (64): as load_and_op32 on doublewords and all of R3. */
static exc_t load_and_op64(struct cpu *cpu, const struct insn *in, enum la_op op)
{
    uint64_t opnd = cpu->gr[in->r3], old, cur, res;
    unsigned cc;
    bool ovf;
    struct acc a;
    exc_t exc = prepare_update(cpu, &a, in->b2, insn_addr2(cpu, in), 8);

    if (exc)
        return exc;
    old = ld_be64(acc_host(&a));
    for (;;) {
        res = la_compute(op, 64, old, opnd, &cc, &ovf);
        cur = cas64(acc_host(&a), old, res);
        if (cur == old)
            break;
        old = cur;
    }
    cpu->gr[in->r1] = old;
    cpu_set_cc(cpu, cc);
    return ovf && (cpu_pm(cpu) & PSW_PM_FIXED) ? EXC_PGM(PGM_FIXED_POINT_OVERFLOW) : 0;
}

/* LAA - LOAD AND ADD (RSY-a). Returns as load_and_op32. */
exc_t insn_laa(struct cpu *cpu, const struct insn *in)
{
    return load_and_op32(cpu, in, LA_ADD);
}

/* LAAG - LOAD AND ADD (64) (RSY-a). Returns as load_and_op64. */
exc_t insn_laag(struct cpu *cpu, const struct insn *in)
{
    return load_and_op64(cpu, in, LA_ADD);
}

/* LAAL - LOAD AND ADD LOGICAL (RSY-a). Returns as load_and_op32. */
exc_t insn_laal(struct cpu *cpu, const struct insn *in)
{
    return load_and_op32(cpu, in, LA_ADDL);
}

/* LAALG - LOAD AND ADD LOGICAL (64) (RSY-a). Returns as load_and_op64. */
exc_t insn_laalg(struct cpu *cpu, const struct insn *in)
{
    return load_and_op64(cpu, in, LA_ADDL);
}

/* LAN - LOAD AND AND (RSY-a). Returns as load_and_op32. */
exc_t insn_lan(struct cpu *cpu, const struct insn *in)
{
    return load_and_op32(cpu, in, LA_AND);
}

/* LANG - LOAD AND AND (64) (RSY-a). Returns as load_and_op64. */
exc_t insn_lang(struct cpu *cpu, const struct insn *in)
{
    return load_and_op64(cpu, in, LA_AND);
}

/* LAO - LOAD AND OR (RSY-a). Returns as load_and_op32. */
exc_t insn_lao(struct cpu *cpu, const struct insn *in)
{
    return load_and_op32(cpu, in, LA_OR);
}

/* LAOG - LOAD AND OR (64) (RSY-a). Returns as load_and_op64. */
exc_t insn_laog(struct cpu *cpu, const struct insn *in)
{
    return load_and_op64(cpu, in, LA_OR);
}

/* LAX - LOAD AND EXCLUSIVE OR (RSY-a). Returns as load_and_op32. */
exc_t insn_lax(struct cpu *cpu, const struct insn *in)
{
    return load_and_op32(cpu, in, LA_XOR);
}

/* LAXG - LOAD AND EXCLUSIVE OR (64) (RSY-a). Returns as load_and_op64. */
exc_t insn_laxg(struct cpu *cpu, const struct insn *in)
{
    return load_and_op64(cpu, in, LA_XOR);
}

/* LPD - LOAD PAIR DISJOINT (SSF): operand 1 into bits 32-63 of R3, operand
 * 2 into bits 32-63 of R3 + 1. With one CPU nothing can store between the
 * two fetches, so they are always interlocked: CC 0. Returns 0,
 * specification (odd R3, operands not on word boundaries) or access
 * exceptions. */
exc_t insn_lpd(struct cpu *cpu, const struct insn *in)
{
    uint32_t op1, op2;
    exc_t exc;

    if ((in->r3 & 1) || ((insn_addr1(cpu, in) | insn_addr2(cpu, in)) & 3))
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_fetch_u32(cpu, in->b1, insn_addr1(cpu, in), &op1);
    if (exc)
        return exc;
    exc = mmu_fetch_u32(cpu, in->b2, insn_addr2(cpu, in), &op2);
    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r3, op1);
    cpu_set_gr32(cpu, in->r3 + 1, op2);
    cpu_set_cc(cpu, 0);
    return 0;
}

/* LPDG - LOAD PAIR DISJOINT (64) (SSF): as LPD with doublewords into all
 * of R3 and R3 + 1; the operands on doubleword boundaries. */
exc_t insn_lpdg(struct cpu *cpu, const struct insn *in)
{
    uint64_t op1, op2;
    exc_t exc;

    if ((in->r3 & 1) || ((insn_addr1(cpu, in) | insn_addr2(cpu, in)) & 7))
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_fetch_u64(cpu, in->b1, insn_addr1(cpu, in), &op1);
    if (exc)
        return exc;
    exc = mmu_fetch_u64(cpu, in->b2, insn_addr2(cpu, in), &op2);
    if (exc)
        return exc;
    cpu->gr[in->r3] = op1;
    cpu->gr[in->r3 + 1] = op2;
    cpu_set_cc(cpu, 0);
    return 0;
}
