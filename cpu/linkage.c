/* The linkage stack (PoO chapter 5, "Linkage-Stack Operations"; chapter
 * 10): BAKR and stacking PC form state entries, PR unstacks them, EREG,
 * EREGG, ESTA and MSTA read and modify the current one. The stack lives in
 * the home address space; CR15 holds the address of the current entry's
 * entry descriptor. Stack references are not subject to key-controlled
 * protection (access key 0), but DAT and low-address protection apply. */
#include "cpu/asn.h"

#include "cpu/cpu.h"
#include "cpu/insn.h"
#include "cpu/regs.h"
#include "mmu/mmu.h"

#define LS_STATE_SIZE   296u        /* a state entry, its descriptor included */
#define LS_ED_OFF       288u        /* the entry descriptor within a state entry */
#define LS_ED_SIZE      8u
#define LS_RESERVED_OFF 176u        /* bytes 176-223 are left unchanged */
#define LS_ARS_OFF      224u
#define LSED_U          0x80u       /* unstack-suppression bit */
#define LSED_TYPE       0x7fu
#define CR15_LSEA       (~UINT64_C(7))

/* Prepare @len bytes of the linkage stack at @addr for @kind. Stack
 * addresses are 64 bits in every addressing mode, so a second page is
 * prepared at its own unwrapped address. Returns 0 or the access
 * exception. */
static exc_t ls_prepare(struct cpu *cpu, struct acc *a, uint64_t addr, uint32_t len,
                        enum acc_kind kind)
{
    uint32_t first = page_rest(addr);
    struct acc second;
    exc_t exc;

    if (len <= first)
        return mmu_prepare_space(cpu, a, 0, addr, len, kind, PSW_ASC_HOME, 0);
    exc = mmu_prepare_space(cpu, a, 0, addr, first, kind, PSW_ASC_HOME, 0);
    if (exc)
        return exc;
    exc = mmu_prepare_space(cpu, &second, 0, addr + first, len - first, kind, PSW_ASC_HOME, 0);
    if (exc)
        return exc;
    a->h[1] = second.h[0];
    a->len = len;
    return 0;
}

/* Copy @len bytes of the linkage stack at @addr into @buf. Returns 0 or the
 * access exception. */
static exc_t ls_read(struct cpu *cpu, uint64_t addr, void *buf, uint32_t len)
{
    struct acc a;
    exc_t exc = ls_prepare(cpu, &a, addr, len, ACC_FETCH);

    if (exc)
        return exc;
    acc_read(&a, 0, buf, len);
    return 0;
}

/* Bytes 0-175 and 224-295 of a new state entry for @c whose descriptor
 * continues the section of descriptor @ed with @rfs bytes left. */
static void ls_build(const struct cpu *cpu, const struct lstack_call *c, const uint8_t *ed,
                     uint16_t rfs, uint8_t *e)
{
    uint64_t mask = cpu_psw_mask(cpu) & ~(PSW_MASK_EA | PSW_MASK_BA), ret = c->ret;

    for (unsigned i = 0; i < 16; i++) {
        st_be64(e + 8 * i, cpu->gr[i]);
        st_be32(e + LS_ARS_OFF + 4 * i, cpu->ar[i]);
    }
    st_be32(e + 128, (uint32_t)cpu->cr[3]);
    st_be16(e + 132, (uint16_t)(cpu->cr[8] >> 16));
    st_be16(e + 134, (uint16_t)cpu->cr[4]);
    if (ret & 1) {
        mask |= PSW_MASK_EA | PSW_MASK_BA;
        ret &= ~UINT64_C(1);
    } else if (ret & 0x80000000u) {
        mask |= PSW_MASK_BA;
        ret &= 0x7fffffffu;
    } else {
        ret &= 0xffffffu;
    }
    st_be64(e + 136, mask);
    st_be64(e + 144, c->info);
    memset(e + 152, 0, 16);
    st_be64(e + 168, ret);
    memset(e + LS_ED_OFF, 0, LS_ED_SIZE);
    e[LS_ED_OFF] = c->type;
    e[LS_ED_OFF + 1] = ed[1];
    st_be16(e + LS_ED_OFF + 2, (uint16_t)(rfs - LS_STATE_SIZE));
}

/* Follow the link at @addr (a forward-section-header or backward stack-
 * entry address, bit 63 its validity bit) and read the entry descriptor it
 * designates. Returns 0 with *ed_addr and @ed set, @invalid when the
 * validity bit is zero, or an access exception. */
static exc_t ls_follow(struct cpu *cpu, uint64_t addr, unsigned invalid, uint64_t *ed_addr,
                       uint8_t *ed)
{
    uint8_t b[8];
    exc_t exc = ls_read(cpu, addr, b, 8);

    if (exc)
        return exc;
    if (!(ld_be64(b) & 1))
        return EXC_PGM(invalid);
    *ed_addr = ld_be64(b) & CR15_LSEA;
    return ls_read(cpu, *ed_addr, ed, LS_ED_SIZE);
}

exc_t lstack_push(struct cpu *cpu, const struct lstack_call *c)
{
    uint64_t cur = cpu->cr[15] & CR15_LSEA, ed_addr = cur, entry_addr;
    uint8_t ed[LS_ED_SIZE], e[LS_STATE_SIZE], b[8];
    struct acc entry, cur_ed, back;
    bool new_section;
    uint16_t rfs;
    exc_t exc = ls_read(cpu, cur, ed, LS_ED_SIZE);

    if (exc)
        return exc;
    rfs = ld_be16(ed + 2);
    new_section = rfs < LS_STATE_SIZE;
    if (new_section) {
        if (rfs & 7)
            return EXC_PGM(PGM_STACK_SPEC);
        exc = ls_follow(cpu, cur + LS_ED_SIZE + rfs, PGM_STACK_FULL, &ed_addr, ed);
        if (exc)
            return exc;
        rfs = ld_be16(ed + 2);
        if (rfs < LS_STATE_SIZE)
            return EXC_PGM(PGM_STACK_SPEC);
        exc = ls_prepare(cpu, &back, ed_addr - 8, 8, ACC_STORE);
        if (exc)
            return exc;
    }
    entry_addr = ed_addr + LS_ED_SIZE;
    exc = ls_prepare(cpu, &entry, entry_addr, LS_STATE_SIZE, ACC_STORE);
    if (exc)
        return exc;
    exc = ls_prepare(cpu, &cur_ed, ed_addr, LS_ED_SIZE, ACC_STORE);
    if (exc)
        return exc;
    ls_build(cpu, c, ed, rfs, e);
    acc_write(&entry, 0, e, LS_RESERVED_OFF);
    acc_write(&entry, LS_ARS_OFF, e + LS_ARS_OFF, LS_STATE_SIZE - LS_ARS_OFF);
    if (new_section) {
        st_be64(b, cur | 1);
        acc_write(&back, 0, b, 8);
    }
    st_be16(b, LS_STATE_SIZE);
    acc_write(&cur_ed, 4, b, 2);
    cpu->cr[15] = entry_addr + LS_ED_OFF;
    return 0;
}

/* Find the current state entry (unstacking process, PoO ch. 5 "Unstacking
 * Process"): through a header entry to the last entry of the preceding
 * section. @pr: for PR, an unstack-suppression bit gives a stack-operation
 * exception. Returns 0 with *ed_addr (address of its descriptor) and *type
 * set, stack-empty, stack-specification, stack-type, stack-operation or an
 * access exception. */
static exc_t ls_locate(struct cpu *cpu, bool pr, uint64_t *ed_addr, uint8_t *type)
{
    uint64_t addr = cpu->cr[15] & CR15_LSEA;
    uint8_t ed[LS_ED_SIZE];
    exc_t exc = ls_read(cpu, addr, ed, LS_ED_SIZE);

    if (exc)
        return exc;
    if ((ed[0] & LSED_TYPE) == LSE_HEADER) {
        if (pr && (ed[0] & LSED_U))
            return EXC_PGM(PGM_STACK_OPERATION);
        exc = ls_follow(cpu, addr - 8, PGM_STACK_EMPTY, &addr, ed);
        if (exc)
            return exc;
        if ((ed[0] & LSED_TYPE) == LSE_HEADER)
            return EXC_PGM(PGM_STACK_SPEC);
    }
    if ((ed[0] & LSED_TYPE) != LSE_BRANCH && (ed[0] & LSED_TYPE) != LSE_CALL)
        return EXC_PGM(PGM_STACK_TYPE);
    if (pr && (ed[0] & LSED_U))
        return EXC_PGM(PGM_STACK_OPERATION);
    *ed_addr = addr;
    *type = ed[0] & LSED_TYPE;
    return 0;
}

/* The special-operation checks of the unstacking instructions: DAT off or
 * the secondary-space mode (and for PR the home-space mode). */
static bool ls_mode_ok(const struct cpu *cpu, bool pr)
{
    unsigned asc = PSW_ASC(cpu->psw.mask);

    return (cpu->psw.mask & PSW_MASK_DAT) && asc != PSW_ASC_SECONDARY &&
           !(pr && asc == PSW_ASC_HOME);
}

/* Locate the current state entry and read bytes 0-287 of it into @e.
 * Returns 0 with *ed_addr and *type set, special operation, or as
 * ls_locate. */
static exc_t ls_current(struct cpu *cpu, bool pr, uint8_t *e, uint64_t *ed_addr, uint8_t *type)
{
    exc_t exc;

    if (!ls_mode_ok(cpu, pr))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    exc = ls_locate(cpu, pr, ed_addr, type);
    if (exc)
        return exc;
    return ls_read(cpu, *ed_addr - LS_ED_OFF, e, LS_ED_OFF);
}

/* The return address and mode of BAKR: R1's contents (bit 63 one: 64-bit;
 * else bit 32 one: 31-bit; else 24-bit), or the updated instruction address
 * in the current mode when R1 is 0. */
static uint64_t bakr_return(const struct cpu *cpu, unsigned r1)
{
    uint64_t v = cpu->gr[r1];

    if (r1 == 0) {
        if (cpu->psw.mask & PSW_MASK_EA)
            return cpu->next_ia | 1;
        return cpu->next_ia | (cpu->psw.mask & PSW_MASK_BA ? 0x80000000u : 0);
    }
    if (v & 1)
        return v;
    return v & (v & 0x80000000u ? 0xffffffffu : 0xffffffu);
}

/* BAKR - BRANCH AND STACK (RRE): form a branch state entry with the return
 * address of R1 and the branch address of R2 (with the current mode bit),
 * then branch to R2 unless R2 is 0. Returns 0, special operation (DAT off,
 * secondary or home mode), stack-full, stack-specification or an access
 * exception of the stack. PoO ch. 10, "BRANCH AND STACK". */
exc_t insn_bakr(struct cpu *cpu, const struct insn *in)
{
    uint64_t target = cpu_wrap(cpu, in->r2 ? cpu->gr[in->r2] : cpu->next_ia);
    unsigned asc = PSW_ASC(cpu->psw.mask);
    struct lstack_call c = { .type = LSE_BRANCH, .ret = bakr_return(cpu, in->r1) };
    exc_t exc;

    if (!(cpu->psw.mask & PSW_MASK_DAT) || asc == PSW_ASC_SECONDARY || asc == PSW_ASC_HOME)
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    c.info = target;
    if (cpu->psw.mask & PSW_MASK_EA)
        c.info |= 1;
    else if (cpu->psw.mask & PSW_MASK_BA)
        c.info |= 0x80000000u;
    exc = lstack_push(cpu, &c);
    if (exc)
        return exc;
    if (in->r2) {
        cpu->bea = cpu->psw.addr;
        cpu->next_ia = target;
    }
    return 0;
}

/* The control registers PR restores from the call state entry @e (PKM,
 * SASN, EAX, PASN) and the space switches they imply: CR1, CR4, CR5 for a
 * new PASN, CR7 for the SASN (authorized with the new AX). Returns 0 with
 * @cr set, or the exception of ASN translation or secondary authority. */
static exc_t pr_spaces(struct cpu *cpu, const uint8_t *e, uint64_t *cr)
{
    uint16_t sasn = ld_be16(e + 130), pasn = ld_be16(e + 134);
    struct aste a;
    exc_t exc;

    cr[3] = (cr[3] & ~UINT64_C(0xffffffff)) | ld_be32(e + 128);
    cr[8] = (cr[8] & ~UINT64_C(0xffff0000)) | (uint32_t)ld_be16(e + 132) << 16;
    if (pasn != (uint16_t)cr[4]) {
        exc = asn_switch_target(cpu, pasn, &a, &cr[1]);
        if (exc)
            return exc;
        cr[4] = (cr[4] & ~UINT64_C(0xffffffff)) | (uint32_t)aste_ax(&a) << 16;
        cr[5] = (cr[5] & ~UINT64_C(0xffffffff)) | a.origin;
    }
    cr[4] = (cr[4] & ~UINT64_C(0xffff)) | pasn;
    if (sasn == pasn) {
        cr[7] = cr[1];
        return 0;
    }
    exc = asn_switch_target(cpu, sasn, &a, &cr[7]);
    if (exc)
        return exc;
    return asn_authorize(cpu, (uint16_t)(cr[4] >> 16), &a, ATE_SECONDARY,
                         PGM_SECONDARY_AUTHORITY, sasn);
}

/* PR - PROGRAM RETURN (E): unstack the current state entry: GRs and ARs
 * 2-14, the PSW but its PER mask, and for a call state entry the PKM,
 * SASN, EAX and PASN with the space switches they need (PR-ss). Returns 0,
 * special operation, the stack exceptions, access exceptions, ASN-
 * translation and secondary-authority exceptions, or the completing
 * space-switch event. PoO ch. 10, "PROGRAM RETURN". */
exc_t insn_pr(struct cpu *cpu, const struct insn *in)
{
    uint64_t ed_addr, cr[16], old_asce = cpu->cr[1], mask;
    uint16_t old_pasn = (uint16_t)cpu->cr[4];
    uint8_t e[LS_ED_OFF], type, zero[2] = { 0, 0 };
    struct acc prev;
    exc_t exc = ls_current(cpu, true, e, &ed_addr, &type);

    (void)in;
    if (exc)
        return exc;
    exc = ls_prepare(cpu, &prev, ed_addr - LS_STATE_SIZE + 4, 2, ACC_STORE);
    if (exc)
        return exc;
    memcpy(cr, cpu->cr, sizeof(cr));
    if (type == LSE_CALL) {
        exc = pr_spaces(cpu, e, cr);
        if (exc)
            return exc;
    }
    for (unsigned i = 2; i <= 14; i++) {
        cpu->gr[i] = ld_be64(e + 8 * i);
        cpu->ar[i] = ld_be32(e + LS_ARS_OFF + 4 * i);
    }
    acc_write(&prev, 0, zero, 2);
    memcpy(cpu->cr, cr, sizeof(cr));
    cpu->cr[15] = ed_addr - LS_STATE_SIZE;
    mmu_tlb_flush(cpu);
    mask = (ld_be64(e + 136) & ~PSW_MASK_PER) | (cpu->psw.mask & PSW_MASK_PER);
    cpu->bea = cpu->psw.addr;
    cpu_load_psw(cpu, mask, ld_be64(e + 168));
    if (type != LSE_CALL || (uint16_t)cr[4] == old_pasn)
        return 0;
    return asn_space_switch_event(cpu, old_asce, old_pasn, cr[1]);
}

/* EREG and EREGG: GRs (bits 32-63, or all 64 bits with @wide) and ARs R1
 * through R2 (wrapping) from the current state entry. Returns 0 or as
 * ls_current. */
static exc_t extract_registers(struct cpu *cpu, const struct insn *in, bool wide)
{
    uint8_t e[LS_ED_OFF], type;
    uint64_t ed_addr;
    exc_t exc = ls_current(cpu, false, e, &ed_addr, &type);

    if (exc)
        return exc;
    for (unsigned i = in->r1;; i = (i + 1) & 15) {
        if (wide)
            cpu->gr[i] = ld_be64(e + 8 * i);
        else
            cpu_set_gr32(cpu, i, ld_be32(e + 8 * i + 4));
        cpu->ar[i] = ld_be32(e + LS_ARS_OFF + 4 * i);
        if (i == in->r2)
            break;
    }
    return 0;
}

/* EREG - EXTRACT STACKED REGISTERS (RRE). Returns as extract_registers. */
exc_t insn_ereg(struct cpu *cpu, const struct insn *in)
{
    return extract_registers(cpu, in, false);
}

/* EREGG - EXTRACT STACKED REGISTERS (64) (RRE). Returns as extract_registers. */
exc_t insn_eregg(struct cpu *cpu, const struct insn *in)
{
    return extract_registers(cpu, in, true);
}

/* ESTA - EXTRACT STACKED STATE (RRE): by the code in R2 bits 56-63, into
 * the pair R1, R1+1: 0 PKM/SASN/EAX/PASN, 1 the PSW in the ESA/390 form,
 * 2 the branch address or called-space id and PC number, 3 the modifiable
 * area (bits 32-63 of each register), 4 the PSW (all 64 bits of each). CC
 * 1 for a call state entry, else 0. Returns 0, special operation,
 * specification (R1 odd, code above 4: the ASN-and-LX-reuse facility and
 * its code 5 are not offered) or as ls_current. */
exc_t insn_esta(struct cpu *cpu, const struct insn *in)
{
    unsigned code = (unsigned)cpu->gr[in->r2] & 0xff, r1 = in->r1;
    uint8_t e[LS_ED_OFF], type;
    uint64_t ed_addr, psw0, psw1;
    exc_t exc;

    if (!ls_mode_ok(cpu, false))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    if ((r1 & 1) || code > 4)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = ls_current(cpu, false, e, &ed_addr, &type);
    if (exc)
        return exc;
    psw0 = ld_be64(e + 136);
    psw1 = ld_be64(e + 168);
    if (code == 4) {
        cpu->gr[r1] = psw0;
        cpu->gr[r1 + 1] = psw1;
    } else if (code == 1) {
        cpu_set_gr32(cpu, r1, (uint32_t)(psw0 >> 32) | 0x80000u);
        cpu_set_gr32(cpu, r1 + 1, ((uint32_t)psw0 & 0x80000000u) |
                                  ((uint32_t)psw1 & 0x7fffffffu) | (psw1 > 0x7fffffffu));
    } else {
        cpu_set_gr32(cpu, r1, ld_be32(e + 128 + 8 * code));
        cpu_set_gr32(cpu, r1 + 1, ld_be32(e + 132 + 8 * code));
    }
    cpu_set_cc(cpu, type == LSE_CALL);
    return 0;
}

/* MSTA - MODIFY STACKED STATE (RRE): bits 32-63 of R1 and R1+1 into the
 * modifiable area (bytes 152-159) of the current state entry. Returns 0,
 * special operation, specification (R1 odd) or as ls_locate. */
exc_t insn_msta(struct cpu *cpu, const struct insn *in)
{
    uint64_t ed_addr;
    uint8_t type, v[8];
    struct acc a;
    exc_t exc;

    if (!ls_mode_ok(cpu, false))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = ls_locate(cpu, false, &ed_addr, &type);
    if (exc)
        return exc;
    exc = ls_prepare(cpu, &a, ed_addr - LS_ED_OFF + 152, 8, ACC_STORE);
    if (exc)
        return exc;
    st_be32(v, cpu_gr32(cpu, in->r1));
    st_be32(v + 4, cpu_gr32(cpu, in->r1 + 1));
    acc_write(&a, 0, v, 8);
    return 0;
}
