/* The access-register control instructions (PoO chapter 10, "Control
 * Instructions"): TEST ACCESS, EXTRACT AND SET EXTENDED AUTHORITY, BRANCH
 * IN SUBSPACE GROUP and BRANCH AND SET AUTHORITY, built on the access-
 * register translation of mmu/art.c and the dispatchable-unit control table
 * that CR2 designates. */
#include "cpu/cpu.h"

#include "cpu/insn.h"
#include "mmu/art.h"
#include "mmu/mmu.h"

#define ASCE_G          BIT64(54)       /* subspace-group control */
#define ASCE_EVENTS     (BIT64(56) | BIT64(57))  /* storage-alteration, space-switch event */
#define DUCT_PKM        0xffff0000u     /* word 5: PSW-key mask */
#define DUCT_KEY        0x000000f0u     /* word 5: PSW key */
#define DUCT_RA         0x00000008u     /* word 5: reduced-authority state */
#define DUCT_PROB       0x00000001u     /* word 5: problem state */
#define CR3_PKM         UINT64_C(0xffff0000)

/* TAR - TEST ACCESS (RRE): can the ALET in AR R1 be translated with the EAX
 * in bits 48-63 of R2? CC 0 ALET 0; 1 through the DU-AL; 2 through the PS-AL;
 * 3 ALET 1 or an ART exception. Returns 0 or addressing (a table outside
 * storage). PoO ch. 10, "TEST ACCESS". */
exc_t insn_tar(struct cpu *cpu, const struct insn *in)
{
    uint32_t alet = cpu->ar[in->r1];
    struct art_result r;
    exc_t exc;

    if (alet <= 1) {
        cpu_set_cc(cpu, alet == 0 ? 0 : 3);
        return 0;
    }
    exc = art_translate(cpu, alet, (uint16_t)cpu->gr[in->r2], false, &r);
    if (exc && !art_exception(EXC_CODE(exc)))
        return exc;
    cpu_set_cc(cpu, exc ? 3 : r.ps_al ? 2 : 1);
    return 0;
}

/* ESEA - EXTRACT AND SET EXTENDED AUTHORITY (RRE): bits 32-47 of R1 become
 * the EAX (CR8 bits 32-47) and the old EAX goes to bits 48-63 of R1.
 * Privileged (the dispatcher checks). Returns 0. PoO ch. 10. */
exc_t insn_esea(struct cpu *cpu, const struct insn *in)
{
    uint64_t old = art_eax(cpu);

    cpu->cr[8] = (cpu->cr[8] & ~UINT64_C(0xffff0000)) | (cpu->gr[in->r1] & 0xffff0000u);
    cpu->gr[in->r1] = (cpu->gr[in->r1] & ~UINT64_C(0xffff)) | old;
    return 0;
}

/* Host pointer to the DUCT CR2 designates, for fetching and storing (low-
 * address protection applies). Returns 0, protection or addressing. */
static exc_t duct_host(struct cpu *cpu, uint8_t **duct)
{
    return mmu_real_host(cpu, cpu->cr[2] & CR_TABLE_ORIGIN, DUCT_SIZE, ACC_STORE, duct);
}

/* The link information of BSG and BSA: the updated instruction address, with
 * bit 32 one in the 31-bit mode (bits 0-31 of @old kept outside the 64-bit
 * mode). */
static uint64_t link_info(const struct cpu *cpu, uint64_t old)
{
    if (cpu->psw.mask & PSW_MASK_EA)
        return cpu->next_ia;
    return (old & UINT64_C(0xffffffff00000000)) | (cpu->next_ia & 0x7fffffffu) |
           (cpu->psw.mask & PSW_MASK_BA ? 0x80000000u : 0);
}

/* Branch to @v as BSG and the base-authority BSA do: outside the 64-bit
 * mode bit 32 of @v selects the 31- or 24-bit mode. */
static void branch_set_mode(struct cpu *cpu, uint64_t v)
{
    cpu->bea = cpu->psw.addr;
    if (!(cpu->psw.mask & PSW_MASK_EA)) {
        cpu->psw.mask &= ~PSW_MASK_BA;
        if (v & 0x80000000u)
            cpu->psw.mask |= PSW_MASK_BA;
        cpu_amode_update(cpu);
    }
    cpu->next_ia = v & cpu->amode_mask;
}

/* The destination of BSG for ALET @alet: *asteo, *asce and *astesn of the
 * base space (ALET 0), the last-used subspace (ALET 1) or the space a
 * special ART finds, which must be the base space or a subspace of the
 * group. Returns 0, special-operation, addressing or an ART exception. */
static exc_t bsg_destination(struct cpu *cpu, const uint8_t *duct, uint32_t alet,
                             uint32_t *asteo, uint64_t *asce, uint32_t *astesn)
{
    uint32_t basteo = ld_be32(duct + DUCT_BASTEO) & CR_TABLE_ORIGIN;
    uint8_t aste[ASTE_SIZE];
    struct art_result r;
    exc_t exc;

    if (alet == 0 || alet == 1) {
        *asteo = alet == 0 ? basteo : ld_be32(duct + DUCT_SSASTEO) & CR_TABLE_ORIGIN;
        if (*asteo == 0)
            return EXC_PGM(PGM_SPECIAL_OPERATION);
        exc = mmu_real_fetch(cpu, *asteo, ASTE_SIZE, aste);
        if (exc)
            return exc;
        if (alet == 1 && (ld_be32(aste) & ASTE_I))
            return EXC_PGM(PGM_ASTE_VALIDITY);
        if (alet == 1 && ld_be32(aste + ASTE_OFF_ASTESN) != ld_be32(duct + DUCT_SSASTESN))
            return EXC_PGM(PGM_ASTE_SEQUENCE);
        *asce = ld_be64(aste + ASTE_OFF_ASCE);
        *astesn = ld_be32(aste + ASTE_OFF_ASTESN);
        return 0;
    }
    exc = art_translate(cpu, alet, 0, true, &r);
    if (exc)
        return exc;
    if (r.asteo != basteo && (!(r.asce & ASCE_G) || (r.aste0 & ASTE_BASE)))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    *asteo = r.asteo;
    *asce = r.asce;
    *astesn = r.astesn;
    return 0;
}

/* BSG - BRANCH IN SUBSPACE GROUP (RRE): switch the primary space to the base
 * space or a subspace of the dispatchable unit's subspace group (ALET in AR
 * R2) and branch to the address in R2, linking in R1. The secondary space
 * becomes the new primary one. Returns 0, special-operation (DAT off, the
 * primary space not the base space), addressing, or an ART exception with
 * the exception access id R2. PoO ch. 10, "BRANCH IN SUBSPACE GROUP". */
exc_t insn_bsg(struct cpu *cpu, const struct insn *in)
{
    uint32_t alet = in->r2 ? cpu->ar[in->r2] : 0;
    uint64_t target = cpu->gr[in->r2], asce;
    uint32_t asteo, astesn, basteo, w1;
    uint8_t *duct;
    exc_t exc;

    if (!(cpu->psw.mask & PSW_MASK_DAT))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    exc = duct_host(cpu, &duct);
    if (exc)
        return exc;
    basteo = ld_be32(duct + DUCT_BASTEO) & CR_TABLE_ORIGIN;
    if ((cpu->cr[5] & CR_TABLE_ORIGIN) != basteo)
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    cpu->exc.eaid = (uint8_t)in->r2;
    exc = bsg_destination(cpu, duct, alet, &asteo, &asce, &astesn);
    if (exc)
        return exc;
    if (asteo == basteo && alet != 1)
        cpu->cr[1] = asce;
    else
        cpu->cr[1] = (cpu->cr[1] & ASCE_EVENTS) | (asce & ~ASCE_EVENTS);
    if (in->r1)
        cpu->gr[in->r1] = link_info(cpu, cpu->gr[in->r1]);
    branch_set_mode(cpu, target);
    cpu->cr[7] = cpu->cr[1];
    cpu->cr[3] = (cpu->cr[3] & ~UINT64_C(0xffff)) | (cpu->cr[4] & 0xffff);
    w1 = ld_be32(duct + DUCT_SSASTEO);
    if (alet == 1) {
        w1 |= DUCT_SA;
    } else if (asteo == basteo) {
        w1 &= ~DUCT_SA;
    } else {
        w1 = DUCT_SA | asteo;
        st_be32(duct + DUCT_SSASTESN, astesn);
    }
    st_be32(duct + DUCT_SSASTEO, w1);
    mmu_tlb_flush(cpu);
    return 0;
}

/* Load PSW key @key and the problem-state bit @prob (flushing the TLB as a
 * PSW change of those bits does). */
static void set_key_state(struct cpu *cpu, unsigned key, bool prob)
{
    uint64_t old = cpu->psw.mask;

    cpu->psw.mask = (old & ~(PSW_MASK_KEY | PSW_MASK_PSTATE)) | (uint64_t)key << 52 |
                    (prob ? PSW_MASK_PSTATE : 0);
    mmu_psw_changed(cpu, old);
}

/* BSA in the base-authority state: save the return address, PSW-key mask,
 * key and problem state in the DUCT, enter the reduced-authority state with
 * the key in bits 56-59 of R1 and the PSW-key mask ANDed with bits 32-47 of
 * R1, in the problem state, and branch to R2. */
static exc_t bsa_base(struct cpu *cpu, const struct insn *in, uint8_t *duct)
{
    unsigned key = (unsigned)(cpu->gr[in->r1] >> 4) & 0xf;
    uint32_t state;

    if (in->r2 == 0)
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    if (!cpu_key_authorized(cpu, key))
        return EXC_PGM(PGM_PRIVILEGED_OP);
    state = (uint32_t)(cpu->cr[3] & CR3_PKM) | PSW_KEY(cpu->psw.mask) << 4 | DUCT_RA |
            (cpu_problem_state(cpu) ? DUCT_PROB : 0);
    st_be32(duct + DUCT_BSA_STATE, state);
    st_be64(duct + DUCT_BSA_RET, link_info(cpu, 0));
    cpu->cr[3] &= ~CR3_PKM | (cpu->gr[in->r1] & CR3_PKM);
    set_key_state(cpu, key, true);
    branch_set_mode(cpu, cpu->gr[in->r2]);
    return 0;
}

/* BSA in the reduced-authority state: link in R1 (if nonzero), return to the
 * address saved in the DUCT and restore the PSW-key mask, key and problem
 * state from it, leaving the reduced-authority state. */
static exc_t bsa_reduced(struct cpu *cpu, const struct insn *in, uint8_t *duct, uint32_t state)
{
    uint64_t ret = ld_be64(duct + DUCT_BSA_RET);

    if (in->r2 != 0)
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    if (in->r1)
        cpu->gr[in->r1] = link_info(cpu, cpu->gr[in->r1]);
    cpu->cr[3] = (cpu->cr[3] & ~CR3_PKM) | (state & DUCT_PKM);
    set_key_state(cpu, (state & DUCT_KEY) >> 4, (state & DUCT_PROB) != 0);
    st_be32(duct + DUCT_BSA_STATE, state & ~DUCT_RA);
    branch_set_mode(cpu, (cpu->psw.mask & PSW_MASK_EA) ? ret : (uint32_t)ret);
    return 0;
}

/* BSA - BRANCH AND SET AUTHORITY (RRE): enter (base-authority state, R2
 * nonzero) or leave (reduced-authority state, R2 zero) the reduced-authority
 * state that DUCT word 5 records. Returns 0, special-operation (R2 wrong for
 * the state), privileged-operation (key not allowed by the PSW-key mask in
 * the problem state), protection (DUCT in a low-address-protected area) or
 * addressing. PoO ch. 10, "BRANCH AND SET AUTHORITY". */
exc_t insn_bsa(struct cpu *cpu, const struct insn *in)
{
    uint8_t *duct;
    uint32_t state;
    exc_t exc = duct_host(cpu, &duct);

    if (exc)
        return exc;
    state = ld_be32(duct + DUCT_BSA_STATE);
    if (state & DUCT_RA)
        return bsa_reduced(cpu, in, duct, state);
    return bsa_base(cpu, in, duct);
}
