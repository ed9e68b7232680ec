/* PERFORM LOCKED OPERATION (PoO chapter 7). GR0 bits 56-63 select one of 24
 * functions: the function code divided by 4 is the operation (compare and
 * load, compare and swap, double compare and swap, compare and swap and
 * store, ... and double store, ... and triple store), the remainder the
 * operand form:
 *   0  32-bit: operand 1 in R1/R1+1 bits 32-63, words;
 *   1  64-bit, operand 1 and the others in the parameter list (D4(B4));
 *   2  64-bit, operand 1 in R1/R1+1;
 *   3  128-bit, in the parameter list.
 * The parameter list is a row of 16-byte slots, each value right-aligned in
 * its slot: 0 operand-1 comparison value, 1 operand-1 replacement value,
 * 2 operand-3 (comparison) value, 3 operand-3 (replacement) value, 4 the
 * operand-4 address (rightmost 8 bytes, ALET at byte 4), 5 operand 5,
 * 6 operand-6 address, 7 operand 7, 8 operand-8 address.
 *
 * One CPU thread: the lock named by the program lock token in GR1 is
 * implied, so GR1 is not used. Every operand the chosen path touches is
 * prepared before anything changes (probe, then commit). */
#include "cpu/insn.h"

#include <string.h>
#include "mmu/mmu.h"

enum plo_op { PLO_CL, PLO_CS, PLO_DCS, PLO_CSST, PLO_CSDST, PLO_CSTST };
enum plo_form { FORM_32, FORM_G, FORM_GR, FORM_X };

#define PLO_FC_MAX      0x17
#define PLO_SLOT        16u
#define PLO_GR0_TEST    BIT64(55)
#define PLO_GR0_RESV    (UINT64_C(0x7fffff) << 9)      /* bits 32-54 */

/* The decoded request. */
struct plo {
    struct cpu *cpu;
    const struct insn *in;
    enum plo_op op;
    enum plo_form form;
    unsigned w;             /* operand size: 4, 8 or 16 */
    uint64_t addr2;
    uint64_t addr4;         /* operand 4 (forms 32/GR with CL, DCS, CSST) or the parameter list */
};

/* A stored operand waiting for the commit. */
struct plo_store {
    struct acc a;
    uint8_t val[16];
};

static bool form_uses_list(enum plo_form form)
{
    return form == FORM_G || form == FORM_X;
}

/* Is D4(B4) the fourth operand itself rather than a parameter list? */
static bool d4_is_op4(const struct plo *p)
{
    return !form_uses_list(p->form) && p->op <= PLO_CSST && p->op != PLO_CS;
}

/* Register @r as a @p->w-byte value (bits 32-63 in the 32-bit form). */
static void reg_get(const struct plo *p, unsigned r, uint8_t *buf)
{
    if (p->w == 4)
        st_be32(buf, cpu_gr32(p->cpu, r));
    else
        st_be64(buf, p->cpu->gr[r]);
}

static void reg_set(const struct plo *p, unsigned r, const uint8_t *buf)
{
    if (p->w == 4)
        cpu_set_gr32(p->cpu, r, ld_be32(buf));
    else
        p->cpu->gr[r] = ld_be64(buf);
}

/* Address of the value in parameter-list slot @slot. */
static uint64_t slot_addr(const struct plo *p, unsigned slot)
{
    return cpu_wrap(p->cpu, p->addr4 + slot * PLO_SLOT + PLO_SLOT - p->w);
}

/* Fetch the value in slot @slot. Returns 0 or the access exception. */
static exc_t slot_fetch(const struct plo *p, unsigned slot, uint8_t *buf)
{
    struct acc a;
    exc_t exc = mmu_prepare(p->cpu, &a, p->in->b4, slot_addr(p, slot), p->w, ACC_FETCH);

    if (exc)
        return exc;
    acc_read(&a, 0, buf, p->w);
    return 0;
}

/* Fetch the operand address in slot @slot. Returns 0, a specification
 * exception if it is not on an integral boundary, or the access exception. */
static exc_t slot_operand_addr(const struct plo *p, unsigned slot, uint64_t *addr)
{
    uint64_t raw;
    exc_t exc = mmu_fetch_u64(p->cpu, p->in->b4,
                              cpu_wrap(p->cpu, p->addr4 + slot * PLO_SLOT + 8), &raw);

    if (exc)
        return exc;
    *addr = cpu_wrap(p->cpu, raw);
    return (*addr & (p->w - 1)) ? EXC_PGM(PGM_SPECIFICATION) : 0;
}

/* The operand-1 comparison value into @buf. Returns 0 or an access exception. */
static exc_t op1_compare_value(const struct plo *p, uint8_t *buf)
{
    if (form_uses_list(p->form))
        return slot_fetch(p, 0, buf);
    reg_get(p, p->in->r1, buf);
    return 0;
}

/* The operand-1 replacement value into @buf. Returns 0 or an access exception. */
static exc_t op1_replacement_value(const struct plo *p, uint8_t *buf)
{
    if (form_uses_list(p->form))
        return slot_fetch(p, 1, buf);
    reg_get(p, p->in->r1 + 1, buf);
    return 0;
}

/* Prepare operand 4 (and the other even-numbered operands) for @kind: the
 * address is D4(B4) or comes from slot @slot. Returns 0 or the exception. */
static exc_t prepare_even_operand(const struct plo *p, unsigned slot, enum acc_kind kind,
                                  struct acc *a)
{
    uint64_t addr = p->addr4;
    unsigned ar = p->in->b4;
    exc_t exc;

    if (slot != 4 || !d4_is_op4(p)) {
        exc = slot_operand_addr(p, slot, &addr);
        if (exc)
            return exc;
        ar = p->in->r3;
    }
    return mmu_prepare(p->cpu, a, ar, addr, p->w, kind);
}

/* Put @val where the operand-1 (@slot 0) or operand-3 (@slot 2) comparison
 * value came from and set @cc: the unequal outcome. Returns 0 or the
 * access exception for the parameter list. */
static exc_t replace_compare_value(const struct plo *p, unsigned slot, const uint8_t *val,
                                   unsigned cc)
{
    struct acc a;
    exc_t exc;

    if (form_uses_list(p->form)) {
        exc = mmu_prepare(p->cpu, &a, p->in->b4, slot_addr(p, slot), p->w, ACC_STORE);
        if (exc)
            return exc;
        acc_write(&a, 0, val, p->w);
    } else {
        reg_set(p, slot == 0 ? p->in->r1 : p->in->r3, val);
    }
    cpu_set_cc(p->cpu, cc);
    return 0;
}

/* Compare and load, operands 1 and 2 already equal: operand 3 gets operand
 * 4. Returns 0 or an exception. */
static exc_t plo_cl(const struct plo *p)
{
    struct acc a4;
    uint8_t op4[16];
    exc_t exc = prepare_even_operand(p, 4, ACC_FETCH, &a4);

    if (exc)
        return exc;
    acc_read(&a4, 0, op4, p->w);
    return replace_compare_value(p, 2, op4, 0);
}

/* Double compare and swap, operands 1 and 2 already equal. Returns 0 or an
 * exception; CC 2 when operands 3 and 4 differ. */
static exc_t plo_dcs(const struct plo *p, const struct acc *a2)
{
    struct acc a4;
    uint8_t op3c[16], op3r[16], op4[16], op1r[16];
    exc_t exc = prepare_even_operand(p, 4, ACC_STORE, &a4);

    if (exc)
        return exc;
    if (form_uses_list(p->form)) {
        exc = slot_fetch(p, 2, op3c);
        if (exc)
            return exc;
    } else {
        reg_get(p, p->in->r3, op3c);
    }
    acc_read(&a4, 0, op4, p->w);
    if (memcmp(op3c, op4, p->w) != 0)
        return replace_compare_value(p, 2, op4, 2);
    if (form_uses_list(p->form)) {
        exc = slot_fetch(p, 3, op3r);
        if (exc)
            return exc;
    } else {
        reg_get(p, p->in->r3 + 1, op3r);
    }
    exc = op1_replacement_value(p, op1r);
    if (exc)
        return exc;
    acc_write(&a4, 0, op3r, p->w);
    acc_write(a2, 0, op1r, p->w);
    cpu_set_cc(p->cpu, 0);
    return 0;
}

/* Compare and swap and store / double store / triple store, operands 1 and
 * 2 already equal: operand 3 to operand 4, 5 to 6, 7 to 8, then the
 * operand-1 replacement value to operand 2. Returns 0 or an exception. */
static exc_t plo_csst(const struct plo *p, const struct acc *a2)
{
    unsigned n = p->op - PLO_CSST + 1;
    struct plo_store st[3];
    uint8_t op1r[16];
    exc_t exc;

    for (unsigned i = 0; i < n; i++) {
        exc = prepare_even_operand(p, 4 + 2 * i, ACC_STORE, &st[i].a);
        if (exc)
            return exc;
        if (i == 0 && d4_is_op4(p)) {
            reg_get(p, p->in->r3, st[i].val);
        } else {
            exc = slot_fetch(p, 3 + 2 * i, st[i].val);
            if (exc)
                return exc;
        }
    }
    exc = op1_replacement_value(p, op1r);
    if (exc)
        return exc;
    for (unsigned i = 0; i < n; i++)
        acc_write(&st[i].a, 0, st[i].val, p->w);
    acc_write(a2, 0, op1r, p->w);
    cpu_set_cc(p->cpu, 0);
    return 0;
}

/* Check the register and boundary rules of @p. Returns 0 or a
 * specification exception. */
static exc_t plo_check(const struct plo *p)
{
    unsigned d4_align = form_uses_list(p->form) ? 8 : p->w;

    if (!form_uses_list(p->form)) {
        if (p->op != PLO_CL && (p->in->r1 & 1))
            return EXC_PGM(PGM_SPECIFICATION);
        if (p->op == PLO_DCS && (p->in->r3 & 1))
            return EXC_PGM(PGM_SPECIFICATION);
    }
    if (p->addr2 & (p->w - 1))
        return EXC_PGM(PGM_SPECIFICATION);
    if (p->op != PLO_CS || form_uses_list(p->form)) {
        if (p->addr4 & (d4_align - 1))
            return EXC_PGM(PGM_SPECIFICATION);
    }
    return 0;
}

/* PLO - PERFORM LOCKED OPERATION (SS-e). With the test bit (GR0 bit 55) one
 * only reports whether the function code is installed: CC 0 or 3. Returns
 * 0, specification (reserved GR0 bits, unassigned function code, odd
 * register, boundary) or access exceptions. */
exc_t insn_plo(struct cpu *cpu, const struct insn *in)
{
    unsigned fc = (unsigned)FIELD64(cpu->gr[0], 56, 63);
    struct plo p;
    struct acc a2;
    uint8_t op1c[16], op2[16];
    exc_t exc;

    if (cpu->gr[0] & PLO_GR0_RESV)
        return EXC_PGM(PGM_SPECIFICATION);
    if (cpu->gr[0] & PLO_GR0_TEST) {
        cpu_set_cc(cpu, fc <= PLO_FC_MAX ? 0 : 3);
        return 0;
    }
    if (fc > PLO_FC_MAX)
        return EXC_PGM(PGM_SPECIFICATION);

    p.cpu = cpu;
    p.in = in;
    p.op = (enum plo_op)(fc / 4);
    p.form = (enum plo_form)(fc % 4);
    p.w = p.form == FORM_32 ? 4 : p.form == FORM_X ? 16 : 8;
    p.addr2 = insn_addr2(cpu, in);
    p.addr4 = insn_addr4(cpu, in);
    exc = plo_check(&p);
    if (exc)
        return exc;

    exc = mmu_prepare(cpu, &a2, in->b2, p.addr2, p.w, p.op == PLO_CL ? ACC_FETCH : ACC_STORE);
    if (exc)
        return exc;
    exc = op1_compare_value(&p, op1c);
    if (exc)
        return exc;
    acc_read(&a2, 0, op2, p.w);
    if (memcmp(op1c, op2, p.w) != 0)
        return replace_compare_value(&p, 0, op2, 1);

    switch (p.op) {
    case PLO_CL:
        return plo_cl(&p);
    case PLO_CS:
        exc = op1_replacement_value(&p, op2);
        if (exc)
            return exc;
        acc_write(&a2, 0, op2, p.w);
        cpu_set_cc(cpu, 0);
        return 0;
    case PLO_DCS:
        return plo_dcs(&p, &a2);
    default:
        return plo_csst(&p, &a2);
    }
}
