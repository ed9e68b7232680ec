/* The long moves and compares of PoO chapter 7 "General Instructions":
 * MVCL, CLCL (interruptible), MVCLE, CLCLE, MVCLU, CLCLU (CPU-determined
 * amount, CC 3), and MOVE WITH OPTIONAL SPECIFICATIONS. */
#include "cpu/insn.h"

#include "cpu/cpu.h"
#include "cpu/regs.h"
#include "mmu/mmu.h"

/* Bytes compared per execution of the long compares. */
#define LONG_UNIT 4096u

/* MVCL/CLCL lengths: bits 40-63; bits 0-39 are left alone. */
static void set_len24(struct cpu *cpu, unsigned r, uint32_t len)
{
    cpu->gr[r] = (cpu->gr[r] & ~UINT64_C(0xffffff)) | (len & 0xffffffu);
}

static inline uint64_t min64(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

static inline unsigned cmp_len(uint64_t dlen, uint64_t slen)
{
    return dlen == slen ? 0 : dlen < slen ? 1 : 2;
}

/* One unit of a long move: up to the end of the current page of each
 * operand, moving from the source while it lasts, then padding. @wide
 * selects the two-byte padding of MVCLU (the high byte where an even number
 * of bytes remain). Updates the four values. Returns 0 or the access
 * exception (nothing changed then). */
static exc_t move_unit(struct cpu *cpu, unsigned ar1, unsigned ar2, uint64_t *dst,
                       uint64_t *dlen, uint64_t *src, uint64_t *slen, uint16_t pad, bool wide)
{
    uint32_t n = (uint32_t)min64(*dlen, page_rest(*dst));
    struct acc op1, op2;
    exc_t exc;

    if (*slen) {
        n = (uint32_t)min64(min64(n, *slen), page_rest(*src));
        exc = mmu_prepare(cpu, &op2, ar2, *src, n, ACC_FETCH);
        if (exc)
            return exc;
    }
    exc = mmu_prepare(cpu, &op1, ar1, *dst, n, ACC_STORE);
    if (exc)
        return exc;
    if (*slen) {
        /* Byte at a time: a non-destructive overlap stays correct. */
        for (uint32_t i = 0; i < n; i++)
            acc_set(&op1, i, acc_get(&op2, i));
        *src = cpu_wrap(cpu, *src + n);
        *slen -= n;
    } else {
        for (uint32_t i = 0; i < n; i++) {
            uint64_t rest = *dlen - i;

            acc_set(&op1, i, (uint8_t)(wide && !(rest & 1) ? pad >> 8 : pad));
        }
    }
    *dst = cpu_wrap(cpu, *dst + n);
    *dlen -= n;
    return 0;
}

/* Does moving @len bytes from @src to @dst left to right use a first-operand
 * byte as a source after it was stored? PoO MVCL, "destructive overlap";
 * addresses wrap at the addressing-mode limit. */
static bool destructive_overlap(const struct cpu *cpu, uint64_t dst, uint64_t src, uint64_t len)
{
    if (len == 0 || dst == src)
        return false;
    return ((dst - src) & cpu_amode_mask(cpu)) < len;
}

/* MVCL - MOVE LONG (RR). R1, R2 even. Interruptible: each execution moves a
 * unit, updates the registers and repeats until the first operand is full.
 * CC by the original lengths, 3 (nothing moved) on destructive overlap.
 * Returns 0, specification or access exceptions. */
exc_t insn_mvcl(struct cpu *cpu, const struct insn *in)
{
    uint64_t dst, src, dlen, slen;
    uint8_t pad;
    unsigned cc;
    exc_t exc;

    if ((in->r1 | in->r2) & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    dst = cpu_wrap(cpu, cpu->gr[in->r1]);
    src = cpu_wrap(cpu, cpu->gr[in->r2]);
    dlen = cpu->gr[in->r1 + 1] & 0xffffff;
    slen = cpu->gr[in->r2 + 1] & 0xffffff;
    pad = (uint8_t)(cpu->gr[in->r2 + 1] >> 24);
    /* The length relation survives each unit (both shrink together, then
     * only the first while padding), so the CC of the original lengths is
     * that of the current ones. */
    cc = cmp_len(dlen, slen);
    if (destructive_overlap(cpu, dst, src, min64(dlen, slen)))
        cc = 3;
    if (dlen && cc != 3) {
        exc = move_unit(cpu, in->r1, in->r2, &dst, &dlen, &src, &slen, pad, false);
        if (exc)
            return exc;
        set_len24(cpu, in->r1 + 1, (uint32_t)dlen);
        set_len24(cpu, in->r2 + 1, (uint32_t)slen);
    }
    set_reg_addr_clear(cpu, in->r1, dst);
    set_reg_addr_clear(cpu, in->r2, src);
    if (dlen && cc != 3) {
        cpu_repeat(cpu);
        return 0;
    }
    cpu_set_cc(cpu, cc);
    return 0;
}

/* Compare up to @limit units of @width bytes (1 or 2) of two operands, the
 * shorter extended with @pad. Stops at the first unequal unit, leaving the
 * addresses on it. Returns 0 with *cc set (0 equal so far, 1/2 first operand
 * low/high), or the access exception; the values are updated either way
 * for the units found equal. */
static exc_t compare_units(struct cpu *cpu, unsigned ar1, unsigned ar2, uint64_t *a1,
                           uint64_t *l1, uint64_t *a2, uint64_t *l2, uint16_t pad,
                           unsigned width, uint32_t limit, unsigned *cc)
{
    *cc = 0;
    for (uint32_t i = 0; i < limit && (*l1 || *l2); i++) {
        uint16_t v1 = pad, v2 = pad;
        uint8_t b;
        exc_t exc;

        if (*l1) {
            if (width == 1) {
                exc = mmu_fetch_u8(cpu, ar1, *a1, &b);
                v1 = b;
            } else {
                exc = mmu_fetch_u16(cpu, ar1, *a1, &v1);
            }
            if (exc)
                return exc;
        }
        if (*l2) {
            if (width == 1) {
                exc = mmu_fetch_u8(cpu, ar2, *a2, &b);
                v2 = b;
            } else {
                exc = mmu_fetch_u16(cpu, ar2, *a2, &v2);
            }
            if (exc)
                return exc;
        }
        if (v1 != v2) {
            *cc = v1 < v2 ? 1 : 2;
            return 0;
        }
        if (*l1) {
            *a1 = cpu_wrap(cpu, *a1 + width);
            *l1 -= width;
        }
        if (*l2) {
            *a2 = cpu_wrap(cpu, *a2 + width);
            *l2 -= width;
        }
    }
    return 0;
}

/* CLCL - COMPARE LOGICAL LONG (RR). R1, R2 even; the shorter operand is
 * extended with the pad byte in bits 32-39 of R2+1. Interruptible: repeats
 * per unit until unequal bytes (registers designate them) or the end.
 * Returns 0, specification or access exceptions. */
exc_t insn_clcl(struct cpu *cpu, const struct insn *in)
{
    uint64_t a1, a2, l1, l2;
    unsigned cc;
    exc_t exc;

    if ((in->r1 | in->r2) & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    a1 = cpu_wrap(cpu, cpu->gr[in->r1]);
    a2 = cpu_wrap(cpu, cpu->gr[in->r2]);
    l1 = cpu->gr[in->r1 + 1] & 0xffffff;
    l2 = cpu->gr[in->r2 + 1] & 0xffffff;
    /* A fault nullifies the current unit: registers change only after it. */
    exc = compare_units(cpu, in->r1, in->r2, &a1, &l1, &a2, &l2,
                        (uint8_t)(cpu->gr[in->r2 + 1] >> 24), 1, LONG_UNIT, &cc);
    if (exc)
        return exc;
    set_reg_addr_clear(cpu, in->r1, a1);
    set_reg_addr_clear(cpu, in->r2, a2);
    set_len24(cpu, in->r1 + 1, (uint32_t)l1);
    set_len24(cpu, in->r2 + 1, (uint32_t)l2);
    if (cc == 0 && (l1 || l2)) {
        cpu_repeat(cpu);
        return 0;
    }
    cpu_set_cc(cpu, cc);
    return 0;
}

/* MVCLE and MVCLU: one unit per execution, CC 3 while the first operand is
 * not full. Returns 0, specification or access exceptions. */
static exc_t move_long_ext(struct cpu *cpu, const struct insn *in, bool wide)
{
    uint64_t dst, src, dlen, slen;
    uint16_t pad = (uint16_t)insn_addr2(cpu, in);
    unsigned cc;
    exc_t exc;

    if ((in->r1 | in->r3) & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    dst = cpu_wrap(cpu, cpu->gr[in->r1]);
    src = cpu_wrap(cpu, cpu->gr[in->r3]);
    dlen = reg_len(cpu, in->r1 + 1);
    slen = reg_len(cpu, in->r3 + 1);
    if (wide && ((dlen | slen) & 1))
        return EXC_PGM(PGM_SPECIFICATION);
    if (!wide)
        pad &= 0xff;
    cc = cmp_len(dlen, slen);
    if (dlen) {
        exc = move_unit(cpu, in->r1, in->r3, &dst, &dlen, &src, &slen, pad, wide);
        if (exc)
            return exc;
        set_reg_len(cpu, in->r1 + 1, dlen);
        set_reg_len(cpu, in->r3 + 1, slen);
    }
    set_reg_addr_clear(cpu, in->r1, dst);
    set_reg_addr_clear(cpu, in->r3, src);
    cpu_set_cc(cpu, dlen ? 3 : cc);
    return 0;
}

/* MVCLE - MOVE LONG EXTENDED (RS-a). Returns 0, specification or access
 * exceptions. */
exc_t insn_mvcle(struct cpu *cpu, const struct insn *in)
{
    return move_long_ext(cpu, in, false);
}

/* MVCLU - MOVE LONG UNICODE (RSY-a): lengths must be even. Returns 0,
 * specification or access exceptions. */
exc_t insn_mvclu(struct cpu *cpu, const struct insn *in)
{
    return move_long_ext(cpu, in, true);
}

/* CLCLE and CLCLU: compare up to a unit, CC 3 if more remains. Returns 0,
 * specification or access exceptions. */
static exc_t compare_long_ext(struct cpu *cpu, const struct insn *in, unsigned width)
{
    uint64_t a1, a3, l1, l3;
    uint16_t pad = (uint16_t)insn_addr2(cpu, in);
    unsigned cc;
    exc_t exc;

    if ((in->r1 | in->r3) & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    a1 = cpu_wrap(cpu, cpu->gr[in->r1]);
    a3 = cpu_wrap(cpu, cpu->gr[in->r3]);
    l1 = reg_len(cpu, in->r1 + 1);
    l3 = reg_len(cpu, in->r3 + 1);
    if (width == 2 && ((l1 | l3) & 1))
        return EXC_PGM(PGM_SPECIFICATION);
    if (width == 1)
        pad &= 0xff;
    exc = compare_units(cpu, in->r1, in->r3, &a1, &l1, &a3, &l3, pad, width,
                        LONG_UNIT / width, &cc);
    if (exc)
        return exc;
    set_reg_addr_clear(cpu, in->r1, a1);
    set_reg_addr_clear(cpu, in->r3, a3);
    set_reg_len(cpu, in->r1 + 1, l1);
    set_reg_len(cpu, in->r3 + 1, l3);
    cpu_set_cc(cpu, cc == 0 && (l1 || l3) ? 3 : cc);
    return 0;
}

/* CLCLE - COMPARE LOGICAL LONG EXTENDED (RS-a). Returns 0, specification or
 * access exceptions. */
exc_t insn_clcle(struct cpu *cpu, const struct insn *in)
{
    return compare_long_ext(cpu, in, 1);
}

/* CLCLU - COMPARE LOGICAL LONG UNICODE (RSY-a). Returns 0, specification
 * or access exceptions. */
exc_t insn_clclu(struct cpu *cpu, const struct insn *in)
{
    return compare_long_ext(cpu, in, 2);
}

/* ---- MVCOS -------------------------------------------------------------- */

#define OAC_KEY(oac)  ((unsigned)((oac) >> 12) & 0xf)
#define OAC_AS(oac)   ((unsigned)((oac) >> 6) & 0x3)
#define OAC_K         0x2u
#define OAC_A         0x1u

/* The address-space control an operand of MVCOS uses: from its OAC if the
 * A bit is one, else from the PSW. */
static unsigned oac_space(const struct cpu *cpu, uint16_t oac)
{
    return oac & OAC_A ? OAC_AS(oac) : PSW_ASC(cpu->psw.mask);
}

/* The access key an operand of MVCOS uses: from its OAC if the K bit is
 * one, else the PSW key. */
static unsigned oac_key(const struct cpu *cpu, uint16_t oac)
{
    return oac & OAC_K ? OAC_KEY(oac) : PSW_KEY(cpu->psw.mask);
}

/* The operand-access-control checks of MVCOS, in the order QEMU and
 * Hercules apply them. Returns 0; special operation for DAT off, for the
 * home space named for the first operand in the problem state, or for the
 * secondary space used with CR0 bit 37 zero; privileged operation for a
 * key the PSW-key mask does not allow in the problem state. */
static exc_t mvcos_check(const struct cpu *cpu, uint16_t oac1, uint16_t oac2)
{
    if (!(cpu->psw.mask & PSW_MASK_DAT))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    if ((oac1 & OAC_A) && OAC_AS(oac1) == PSW_ASC_HOME && cpu_problem_state(cpu))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    if (!(cpu->cr[0] & BIT64(37)) && (oac_space(cpu, oac1) == PSW_ASC_SECONDARY ||
                                      oac_space(cpu, oac2) == PSW_ASC_SECONDARY))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    if (!cpu_key_authorized(cpu, oac_key(cpu, oac1)) ||
        !cpu_key_authorized(cpu, oac_key(cpu, oac2)))
        return EXC_PGM(PGM_PRIVILEGED_OP);
    return 0;
}

/* MVCOS - MOVE WITH OPTIONAL SPECIFICATIONS (SSF). GR0 bits 32-47 and 48-63
 * are the operand-access controls of the first and second operands; R3
 * holds the true length. At most 4096 bytes move: CC 0 all moved, CC 3
 * 4096 moved and more remain (registers unchanged). Requires DAT on (PoO:
 * special-operation exception when DAT is off). Returns 0, special-
 * operation, privileged-operation or access exceptions. */
exc_t insn_mvcos(struct cpu *cpu, const struct insn *in)
{
    uint16_t oac1 = (uint16_t)(cpu->gr[0] >> 16), oac2 = (uint16_t)cpu->gr[0];
    uint64_t len = reg_len(cpu, in->r3);
    uint32_t n = (uint32_t)min64(len, PAGE_SIZE);
    struct acc op1, op2;
    exc_t exc;

    exc = mvcos_check(cpu, oac1, oac2);
    if (exc)
        return exc;
    /* Each operand is translated in the space and checked with the key its
     * OAC names (Linux's uaccess copies between the kernel's home space and
     * the user's primary space). */
    exc = mmu_prepare_space(cpu, &op2, in->b2, insn_addr2(cpu, in), n, ACC_FETCH,
                            oac_space(cpu, oac2), oac_key(cpu, oac2));
    if (exc)
        return exc;
    exc = mmu_prepare_space(cpu, &op1, in->b1, insn_addr1(cpu, in), n, ACC_STORE,
                            oac_space(cpu, oac1), oac_key(cpu, oac1));
    if (exc)
        return exc;
    for (uint32_t i = 0; i < n; i++)
        acc_set(&op1, i, acc_get(&op2, i));
    cpu_set_cc(cpu, len > PAGE_SIZE ? 3 : 0);
    return 0;
}
