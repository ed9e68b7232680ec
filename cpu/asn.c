/* ASN translation and the instructions that switch address spaces through
 * it (PoO chapter 5, "ASN Translation", "ASN Authorization", "PC-Number
 * Translation", "Subspace Replacement"; chapter 10): PC, PT, SSAR, LASP.
 * Tables are read from real storage, each entry once. Without the
 * ASN-and-LX-reuse facility the PC number is 20 bits (LX, EX) and the
 * linkage-table designation is an LTD; PER is not offered, so only the
 * space-switch-event controls of the ASCEs cause space-switch events. */
#include "cpu/asn.h"

#include "cpu/cpu.h"
#include "cpu/insn.h"
#include "mmu/art.h"
#include "mmu/mmu.h"

#define CR5_PASTEO      UINT64_C(0x7fffffc0)    /* primary-ASTE origin */
#define CR2_DUCTO       UINT64_C(0x7fffffc0)    /* DUCT origin */
#define CR14_AFTO       UINT64_C(0x7ffff)       /* ASN-first-table origin (4K units) */
#define AFTE_INVALID    BIT32(0)
#define AFTE_ASTO       0x7fffffc0u
#define ASTE_ATL        0xfff0u                 /* word 1: authority-table length */
#define ASCE_GROUP      BIT64(54)               /* subspace-group control */
#define ASCE_EVENTS     (BIT64(56) | BIT64(57)) /* storage-alteration, space-switch */
#define DUCT_ASTEO      0x7fffffc0u             /* words 0, 1: base, subspace ASTE */
#define LTD_V           BIT32(0)                /* subsystem-linkage control */
#define LTD_LTO         0x7fffff80u
#define LTD_LTL         0x7fu
#define LTE_INVALID     BIT32(0)
#define LTE_ETO         0x7fffffc0u
#define LTE_ETL         0x3fu
#define ETE_SIZE        32u
#define ETE_A           BIT32(0)                /* word 1: 31-bit addressing mode */
#define ETE_P           1u                      /* word 1: problem state */
#define ETE_T           BIT32(0)                /* word 4: stacking PC */
#define ETE_G           BIT32(1)                /* 64-bit addressing mode */
#define ETE_K           BIT32(3)                /* PSW key from EK */
#define ETE_M           BIT32(4)                /* PKM replaced by EKM */
#define ETE_E           BIT32(5)                /* EAX replaced by EEAX */
#define ETE_C           BIT32(6)                /* access-register mode */
#define ETE_S           BIT32(7)                /* SASN = new PASN */
#define PC_G_BIT        BIT32(0)                /* stacked PC number: 64-bit mode */

/* The word at real @raddr. Returns 0 with *v set, or addressing. */
static exc_t real_fetch32(struct cpu *cpu, uint64_t raddr, uint32_t *v)
{
    uint8_t b[4];
    exc_t exc = mmu_real_fetch(cpu, raddr, 4, b);

    *v = ld_be32(b);
    return exc;
}

exc_t asn_fetch_aste(struct cpu *cpu, uint32_t origin, struct aste *a)
{
    uint8_t raw[4 * ASTE_WORDS];
    exc_t exc = mmu_real_fetch(cpu, origin, sizeof(raw), raw);

    if (exc)
        return exc;
    a->origin = origin;
    for (unsigned i = 0; i < ASTE_WORDS; i++)
        a->w[i] = ld_be32(raw + 4 * i);
    return 0;
}

/* An ASN-translation exception @code for @asn. */
static exc_t asn_exception(struct cpu *cpu, unsigned code, uint16_t asn)
{
    cpu->exc.teid = asn;
    return EXC_PGM(code);
}

exc_t asn_translate(struct cpu *cpu, uint16_t asn, struct aste *a)
{
    uint64_t afte_addr = ((cpu->cr[14] & CR14_AFTO) << 12) + (uint64_t)(asn >> 6) * 4;
    uint32_t afte;
    exc_t exc = real_fetch32(cpu, afte_addr, &afte);

    if (exc)
        return exc;
    if (afte & AFTE_INVALID)
        return asn_exception(cpu, PGM_AFX_TRANSLATION, asn);
    exc = asn_fetch_aste(cpu, (afte & AFTE_ASTO) + (uint32_t)(asn & 0x3f) * 64, a);
    if (exc)
        return exc;
    if (a->w[0] & ASTE_I)
        return asn_exception(cpu, PGM_ASX_TRANSLATION, asn);
    return 0;
}

exc_t asn_authorized(struct cpu *cpu, uint16_t ax, const struct aste *a, unsigned bit,
                     bool *ok)
{
    uint8_t ate;
    exc_t exc;

    *ok = false;
    if ((ax & 0xfff0u) > (a->w[1] & ASTE_ATL))
        return 0;
    exc = mmu_real_fetch(cpu, (a->w[0] & ASTE_ATO) + (uint32_t)(ax >> 2), 1, &ate);
    if (exc)
        return exc;
    *ok = ((ate >> (6 - 2 * (ax & 3))) & bit) != 0;
    return 0;
}

exc_t asn_space_asce(struct cpu *cpu, const struct aste *a, uint64_t *asce)
{
    uint64_t ducto = cpu->cr[2] & CR2_DUCTO;
    uint8_t duct[16];
    struct aste sub;
    exc_t exc;

    *asce = aste_asce(a);
    if (!(*asce & ASCE_GROUP))
        return 0;
    exc = mmu_real_fetch(cpu, ducto, sizeof(duct), duct);
    if (exc)
        return exc;
    if (!(ld_be32(duct + 4) & DUCT_SA) || a->origin != (ld_be32(duct) & DUCT_ASTEO))
        return 0;
    exc = asn_fetch_aste(cpu, ld_be32(duct + 4) & DUCT_ASTEO, &sub);
    if (exc)
        return exc;
    cpu->exc.eaid = 0;
    if (sub.w[0] & ASTE_I)
        return EXC_PGM(PGM_ASTE_VALIDITY);
    if (sub.w[5] != ld_be32(duct + 12))
        return EXC_PGM(PGM_ASTE_SEQUENCE);
    *asce = (*asce & ASCE_EVENTS) | (aste_asce(&sub) & ~ASCE_EVENTS);
    return 0;
}

/* ASN translation of @asn and subspace replacement of its ASCE. Returns 0
 * with @a and *asce set, or as asn_translate and asn_space_asce. */
static exc_t translate_space(struct cpu *cpu, uint16_t asn, struct aste *a, uint64_t *asce)
{
    exc_t exc = asn_translate(cpu, asn, a);

    if (exc)
        return exc;
    return asn_space_asce(cpu, a, asce);
}

exc_t asn_switch_target(struct cpu *cpu, uint16_t asn, struct aste *a, uint64_t *asce)
{
    if (!(cpu->cr[14] & CR14_ASN_TRANSLATION))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    return translate_space(cpu, asn, a, asce);
}

exc_t asn_authorize(struct cpu *cpu, uint16_t ax, const struct aste *a, unsigned bit,
                    unsigned code, uint16_t asn)
{
    bool ok;
    exc_t exc = asn_authorized(cpu, ax, a, bit, &ok);

    if (exc)
        return exc;
    return ok ? 0 : asn_exception(cpu, code, asn);
}

exc_t asn_space_switch_event(struct cpu *cpu, uint64_t old_asce, uint16_t old_pasn,
                             uint64_t new_asce)
{
    if (!((old_asce | new_asce) & ASCE_SSE))
        return 0;
    cpu->exc.teid = old_pasn | (old_asce & ASCE_SSE ? BIT64(32) : 0);
    return EXC_PGM(PGM_SPACE_SWITCH);
}

/* Is the CPU in the primary-space mode with DAT on (or, with @ar_ok, the
 * AR mode)? */
static bool dat_primary(const struct cpu *cpu, bool ar_ok)
{
    unsigned asc = PSW_ASC(cpu->psw.mask);

    return (cpu->psw.mask & PSW_MASK_DAT) &&
           (asc == PSW_ASC_PRIMARY || (ar_ok && asc == PSW_ASC_AR));
}

/* The linkage-table designation in word 6 of the primary ASTE (CR5), which
 * must have the subsystem-linkage control on. Returns 0 with *ltd set,
 * addressing or special operation. */
static exc_t primary_ltd(struct cpu *cpu, uint32_t *ltd)
{
    exc_t exc = real_fetch32(cpu, (cpu->cr[5] & CR5_PASTEO) + 24, ltd);

    if (exc)
        return exc;
    return (*ltd & LTD_V) ? 0 : EXC_PGM(PGM_SPECIAL_OPERATION);
}

/* Translate the 20-bit PC number @pcnum through the linkage table of @ltd
 * and the entry table into the entry-table entry @ete. Returns 0,
 * addressing, or LX/EX translation with the PC number in the TEID. PoO
 * ch. 5, "PC-Number Translation". */
static exc_t pc_translate(struct cpu *cpu, uint32_t ltd, uint32_t pcnum, uint32_t ete[8])
{
    unsigned lx = pcnum >> 8 & 0xfff, ex = pcnum & 0xff;
    uint8_t raw[ETE_SIZE];
    uint32_t lte;
    exc_t exc;

    cpu->exc.teid = pcnum;
    if ((lx >> 5) > (ltd & LTD_LTL))
        return EXC_PGM(PGM_LX_TRANSLATION);
    exc = real_fetch32(cpu, (ltd & LTD_LTO) + lx * 4u, &lte);
    if (exc)
        return exc;
    if (lte & LTE_INVALID)
        return EXC_PGM(PGM_LX_TRANSLATION);
    if ((ex >> 2) > (lte & LTE_ETL))
        return EXC_PGM(PGM_EX_TRANSLATION);
    exc = mmu_real_fetch(cpu, (lte & LTE_ETO) + ex * ETE_SIZE, ETE_SIZE, raw);
    if (exc)
        return exc;
    for (unsigned i = 0; i < 8; i++)
        ete[i] = ld_be32(raw + 4 * i);
    return 0;
}

/* The checks PC makes on the entry-table entry @ete before the ASTE:
 * special operation (basic PC in the AR mode or changing into or out of
 * the 64-bit mode), PC-translation specification (24-bit entry address
 * above 16M), privileged operation (problem state and no AKM bit in the
 * PKM). Returns 0 or that exception. */
static exc_t pc_check_entry(const struct cpu *cpu, const uint32_t ete[8])
{
    bool stacking = ete[4] & ETE_T, g = ete[4] & ETE_G;

    if (!stacking && PSW_ASC(cpu->psw.mask) == PSW_ASC_AR)
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    if (!stacking && g != ((cpu->psw.mask & PSW_MASK_EA) != 0))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    if (!(ete[1] & ETE_A) && !g && (ete[1] & 0x7ffffffeu) > 0xffffffu)
        return EXC_PGM(PGM_PC_TRANSLATION_SPEC);
    if (cpu_problem_state(cpu) && !((cpu->cr[3] >> 16) & (ete[2] >> 16) & 0xffff))
        return EXC_PGM(PGM_PRIVILEGED_OP);
    return 0;
}

/* The current instruction address with the mode bit of the addressing
 * mode: bit 63 in the 64-bit mode, bit 32 in the 31-bit mode. */
static uint64_t return_with_mode(const struct cpu *cpu)
{
    if (cpu->psw.mask & PSW_MASK_EA)
        return cpu->next_ia | 1;
    if (cpu->psw.mask & PSW_MASK_BA)
        return cpu->next_ia | 0x80000000u;
    return cpu->next_ia;
}

/* Replace bits 32-47 (@hi true) or 48-63 of CR @r by @v. */
static void set_cr_half(struct cpu *cpu, unsigned r, bool hi, uint16_t v)
{
    unsigned shift = hi ? 16 : 0;

    cpu->cr[r] = (cpu->cr[r] & ~(UINT64_C(0xffff) << shift)) | (uint64_t)v << shift;
}

/* Give the PSW the addressing mode (@ea, @ba), problem-state bit @prob and
 * instruction address @ia of a PC or PT, as a branch does. */
static void enter_at(struct cpu *cpu, bool ea, bool ba, bool prob, uint64_t ia)
{
    uint64_t old = cpu->psw.mask;

    cpu->psw.mask &= ~(PSW_MASK_EA | PSW_MASK_BA | PSW_MASK_PSTATE);
    cpu->psw.mask |= (ea ? PSW_MASK_EA : 0) | (ba ? PSW_MASK_BA : 0) |
                     (prob ? PSW_MASK_PSTATE : 0);
    cpu_amode_update(cpu);
    mmu_psw_changed(cpu, old);
    cpu->bea = cpu->psw.addr;
    cpu->next_ia = ia;
}

/* Enter the called program of a basic PC: return information in GR14, PKM
 * and PASN in GR3, EKM ORed into the PKM, entry parameter in GR4. */
static void pc_basic(struct cpu *cpu, const uint32_t ete[8])
{
    bool prob = ete[1] & ETE_P;

    if (cpu->psw.mask & PSW_MASK_EA) {
        cpu->gr[14] = cpu->next_ia | cpu_problem_state(cpu);
        cpu->gr[4] = (uint64_t)ete[6] << 32 | ete[7];
        enter_at(cpu, true, true, prob, (uint64_t)ete[0] << 32 | (ete[1] & ~ETE_P));
    } else {
        cpu_set_gr32(cpu, 14, (uint32_t)return_with_mode(cpu) | cpu_problem_state(cpu));
        cpu_set_gr32(cpu, 4, ete[7]);
        enter_at(cpu, false, ete[1] & ETE_A, prob, ete[1] & 0x7ffffffeu);
    }
    cpu_set_gr32(cpu, 3, (uint32_t)(cpu->cr[3] & 0xffff0000u) | (uint16_t)cpu->cr[4]);
    cpu->cr[3] |= ete[3] & 0xffff0000u;
}

/* Enter the called program of a stacking PC (the entry is stacked): the
 * addressing mode, key, PKM, EAX and address-space mode the entry says,
 * entry parameter in GR4. */
static void pc_stacking(struct cpu *cpu, const uint32_t ete[8])
{
    uint64_t old = cpu->psw.mask;
    bool prob = ete[1] & ETE_P;

    if (ete[4] & ETE_K)
        cpu->psw.mask = (cpu->psw.mask & ~PSW_MASK_KEY) | (uint64_t)(ete[4] >> 20 & 0xf) << 52;
    cpu->psw.mask = (cpu->psw.mask & ~PSW_MASK_ASC) |
                    (uint64_t)(ete[4] & ETE_C ? PSW_ASC_AR : PSW_ASC_PRIMARY) << 46;
    mmu_psw_changed(cpu, old);
    if (ete[4] & ETE_G)
        enter_at(cpu, true, true, prob, (uint64_t)ete[0] << 32 | (ete[1] & ~ETE_P));
    else
        enter_at(cpu, false, ete[1] & ETE_A, prob, ete[1] & 0x7ffffffeu);
    if (ete[4] & ETE_M)
        cpu->cr[3] &= ~UINT64_C(0xffff0000);
    cpu->cr[3] |= ete[3] & 0xffff0000u;
    if (ete[4] & ETE_E)
        set_cr_half(cpu, 8, true, (uint16_t)ete[4]);
    if (cpu->psw.mask & PSW_MASK_EA)
        cpu->gr[4] = (uint64_t)ete[6] << 32 | ete[7];
    else
        cpu_set_gr32(cpu, 4, ete[7]);
}

/* The stacking PC's called-space identification: new PASN and bits 16-31
 * of the ASTE sequence number, or 0 for a PC to the current primary. */
static uint32_t pc_called_space(uint16_t pasn, const struct aste *a)
{
    return pasn ? (uint32_t)pasn << 16 | (a->w[5] & 0xffff) : 0;
}

/* PC - PROGRAM CALL (S): the PC number in the second-operand address
 * designates an entry-table entry through the primary ASTE's linkage
 * table; basic or stacking, to the current primary (ASN 0) or with space
 * switching. Returns 0, special operation, addressing, LX/EX translation,
 * PC-translation specification, privileged operation, ASX translation,
 * ASTE validity/sequence, stack-full/specification, access exceptions of
 * the linkage stack, or the completing space-switch event. PoO ch. 10,
 * "PROGRAM CALL". */
exc_t insn_pc(struct cpu *cpu, const struct insn *in)
{
    uint32_t pcnum = (uint32_t)insn_addr2(cpu, in) & 0xfffff, ltd, ete[8];
    uint64_t old_asce = cpu->cr[1], asce = old_asce;
    uint16_t old_pasn = (uint16_t)cpu->cr[4], pasn;
    struct aste a = { 0 };
    exc_t exc;

    if (!dat_primary(cpu, true))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    exc = primary_ltd(cpu, &ltd);
    if (exc)
        return exc;
    exc = pc_translate(cpu, ltd, pcnum, ete);
    if (exc)
        return exc;
    exc = pc_check_entry(cpu, ete);
    if (exc)
        return exc;
    pasn = (uint16_t)ete[2];
    if (pasn) {
        if (!(cpu->cr[14] & CR14_ASN_TRANSLATION))
            return EXC_PGM(PGM_SPECIAL_OPERATION);
        exc = asn_fetch_aste(cpu, ete[5] & 0x7fffffc0u, &a);
        if (exc)
            return exc;
        if (a.w[0] & ASTE_I)
            return asn_exception(cpu, PGM_ASX_TRANSLATION, pasn);
        exc = asn_space_asce(cpu, &a, &asce);
        if (exc)
            return exc;
    }
    if (ete[4] & ETE_T) {
        struct lstack_call c = {
            .type = LSE_CALL,
            .ret = return_with_mode(cpu),
            .info = (uint64_t)pc_called_space(pasn, &a) << 32 | pcnum |
                    (ete[4] & ETE_G ? PC_G_BIT : 0),
        };

        exc = lstack_push(cpu, &c);
        if (exc)
            return exc;
        pc_stacking(cpu, ete);
    } else {
        pc_basic(cpu, ete);
    }
    set_cr_half(cpu, 3, false, old_pasn);
    cpu->cr[7] = old_asce;
    mmu_tlb_flush(cpu);
    if (!pasn)
        return 0;
    cpu->cr[4] = (cpu->cr[4] & ~UINT64_C(0xffffffff)) | (uint32_t)aste_ax(&a) << 16 | pasn;
    cpu->cr[1] = asce;
    cpu->cr[5] = (cpu->cr[5] & ~UINT64_C(0xffffffff)) | a.origin;
    if ((ete[4] & ETE_T) && (ete[4] & ETE_S)) {
        set_cr_half(cpu, 3, false, pasn);
        cpu->cr[7] = asce;
    }
    return asn_space_switch_event(cpu, old_asce, old_pasn, asce);
}

/* asn_switch_target for @asn, then authorization of the current AX (CR4
 * bits 32-47) by the authority-table bit @bit. Returns 0 with @a and
 * *asce set, or as asn_switch_target and asn_authorize (@code). */
static exc_t switch_authorized(struct cpu *cpu, uint16_t asn, unsigned bit, unsigned code,
                               struct aste *a, uint64_t *asce)
{
    exc_t exc = asn_switch_target(cpu, asn, a, asce);

    if (exc)
        return exc;
    return asn_authorize(cpu, (uint16_t)(cpu->cr[4] >> 16), a, bit, code, asn);
}

/* PT - PROGRAM TRANSFER (RRE): the PKM in R1 bits 32-47 ANDed into CR3,
 * the PASN in R1 bits 48-63 (PT-ss when it differs from the current one:
 * ASN translation and primary authorization), SASN = PASN; the address,
 * mode bit and problem-state bit in R2 replace the PSW's. Returns 0,
 * special operation, privileged operation (to the supervisor state from
 * the problem state), specification (24-bit address above 16M),
 * addressing, AFX/ASX translation, primary authority, ASTE validity or
 * sequence, or the completing space-switch event. PoO ch. 10, "PROGRAM
 * TRANSFER". */
exc_t insn_pt(struct cpu *cpu, const struct insn *in)
{
    uint64_t r1 = cpu->gr[in->r1], r2 = cpu->gr[in->r2];
    uint64_t old_asce = cpu->cr[1], asce = old_asce, ia;
    uint16_t pkm = (uint16_t)(r1 >> 16), pasn = (uint16_t)r1;
    uint16_t old_pasn = (uint16_t)cpu->cr[4];
    bool ea = cpu->psw.mask & PSW_MASK_EA, ba, prob = r2 & 1;
    struct aste a;
    uint32_t ltd;
    exc_t exc;

    if (!dat_primary(cpu, false))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    ia = ea ? r2 & ~UINT64_C(1) : r2 & 0x7ffffffeu;
    ba = ea || (r2 & 0x80000000u);
    exc = primary_ltd(cpu, &ltd);
    if (exc)
        return exc;
    if (cpu_problem_state(cpu) && !prob)
        return EXC_PGM(PGM_PRIVILEGED_OP);
    if (!ba && ia > 0xffffffu)
        return EXC_PGM(PGM_SPECIFICATION);
    if (pasn != old_pasn) {
        exc = switch_authorized(cpu, pasn, ATE_PRIMARY, PGM_PRIMARY_AUTHORITY, &a, &asce);
        if (exc)
            return exc;
        cpu->cr[1] = asce;
        cpu->cr[4] = (cpu->cr[4] & ~UINT64_C(0xffffffff)) | (uint32_t)aste_ax(&a) << 16 | pasn;
        cpu->cr[5] = (cpu->cr[5] & ~UINT64_C(0xffffffff)) | a.origin;
    }
    enter_at(cpu, ea, ba, prob, ia);
    cpu->cr[3] &= ~((uint64_t)(uint16_t)~pkm << 16);
    set_cr_half(cpu, 3, false, pasn);
    cpu->cr[7] = asce;
    mmu_tlb_flush(cpu);
    if (pasn == old_pasn)
        return 0;
    return asn_space_switch_event(cpu, old_asce, old_pasn, asce);
}

/* SSAR - SET SECONDARY ASN (RRE): R1 bits 48-63 become the SASN; unless
 * it equals the PASN (SSAR-cp), it is translated and authorized with the
 * current AX (SSAR-ss). Returns 0, special operation (DAT off, ASN-
 * translation control off), addressing, AFX/ASX translation, secondary
 * authority, ASTE validity or sequence. PoO ch. 10, "SET SECONDARY ASN". */
exc_t insn_ssar(struct cpu *cpu, const struct insn *in)
{
    uint16_t sasn = (uint16_t)cpu->gr[in->r1];
    uint64_t asce = cpu->cr[1];
    struct aste a;
    exc_t exc;

    if (!(cpu->psw.mask & PSW_MASK_DAT))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    if (sasn != (uint16_t)cpu->cr[4]) {
        exc = switch_authorized(cpu, sasn, ATE_SECONDARY, PGM_SECONDARY_AUTHORITY, &a, &asce);
        if (exc)
            return exc;
    }
    cpu->cr[7] = asce;
    set_cr_half(cpu, 3, false, sasn);
    mmu_tlb_flush(cpu);
    return 0;
}

#define LASP_FORCE      0x4u    /* bit 61: translate the PASN, no SASN shortcut */
#define LASP_AX         0x2u    /* bit 62: use AX-d */
#define LASP_NO_AUTH    0x1u    /* bit 63: no SASN authorization */

/* The new primary space of LASP for PASN-d @pasn: translated when it
 * differs from the current PASN or @force. Returns 0 (CC 0 so far) with
 * *asce, *ax and *asteo set, 1 for CC 1 (ASN translation or ASTE
 * exception), 3 for CC 3 (space-switch event), or an addressing exception
 * in *exc. */
static unsigned lasp_primary(struct cpu *cpu, uint16_t pasn, bool force, uint64_t *asce,
                             uint16_t *ax, uint32_t *asteo, exc_t *exc)
{
    struct aste a;

    *asce = cpu->cr[1];
    *ax = (uint16_t)(cpu->cr[4] >> 16);
    *asteo = (uint32_t)cpu->cr[5];
    if (!force && pasn == (uint16_t)cpu->cr[4])
        return 0;
    *exc = translate_space(cpu, pasn, &a, asce);
    if (*exc)
        return EXC_CODE(*exc) == PGM_ADDRESSING ? 0 : 1;
    if ((cpu->cr[1] | aste_asce(&a)) & ASCE_SSE)
        return 3;
    *ax = aste_ax(&a);
    *asteo = a.origin;
    return 0;
}

/* The new secondary space of LASP for SASN-d @sasn. Returns 0 with *asce
 * set, 2 for CC 2 (translation, ASTE or authorization failure), or an
 * addressing exception in *exc. */
static unsigned lasp_secondary(struct cpu *cpu, uint16_t sasn, uint16_t pasn, uint64_t pasce,
                               uint16_t ax, unsigned fn, uint64_t *asce, exc_t *exc)
{
    struct aste a;
    bool ok = true;

    *asce = pasce;
    if (sasn == pasn)
        return 0;
    *asce = cpu->cr[7];
    if (!(fn & LASP_FORCE) && (fn & LASP_NO_AUTH) && sasn == (uint16_t)cpu->cr[3])
        return 0;
    *exc = translate_space(cpu, sasn, &a, asce);
    if (!*exc && !(fn & LASP_NO_AUTH))
        *exc = asn_authorized(cpu, ax, &a, ATE_SECONDARY, &ok);
    if (*exc)
        return EXC_CODE(*exc) == PGM_ADDRESSING ? 0 : 2;
    return ok ? 0 : 2;
}

/* LASP - LOAD ADDRESS SPACE PARAMETERS (SSE): the doubleword first operand
 * holds PKM-d, SASN-d, AX-d and PASN-d; the second-operand address bits
 * 61-63 are the function bits. CC 0: CR1, CR3, CR4, CR5 and CR7 loaded;
 * CC 1: PASN not translatable; CC 2: SASN not translatable or not
 * authorized; CC 3: space-switch event. Returns 0, special operation
 * (ASN-translation control off), specification (operand not on a
 * doubleword boundary), access exceptions or addressing. PoO ch. 10,
 * "LOAD ADDRESS SPACE PARAMETERS". */
exc_t insn_lasp(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr1(cpu, in), op, pasce, sasce;
    unsigned fn = (unsigned)insn_addr2(cpu, in) & 7, cc;
    uint16_t pasn, sasn, ax;
    uint32_t asteo;
    exc_t exc = 0;

    if (!(cpu->cr[14] & CR14_ASN_TRANSLATION))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    if (addr & 7)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_fetch_u64(cpu, in->b1, addr, &op);
    if (exc)
        return exc;
    pasn = (uint16_t)op;
    sasn = (uint16_t)(op >> 32);
    cc = lasp_primary(cpu, pasn, fn & LASP_FORCE, &pasce, &ax, &asteo, &exc);
    if (!cc && !exc) {
        if (fn & LASP_AX)
            ax = (uint16_t)(op >> 16);
        cc = lasp_secondary(cpu, sasn, pasn, pasce, ax, fn, &sasce, &exc);
    }
    if (exc && EXC_CODE(exc) == PGM_ADDRESSING)
        return exc;
    cpu_set_cc(cpu, cc);
    if (cc)
        return 0;
    cpu->cr[1] = pasce;
    cpu->cr[3] = (cpu->cr[3] & ~UINT64_C(0xffffffff)) | (uint32_t)(op >> 32);
    cpu->cr[4] = (cpu->cr[4] & ~UINT64_C(0xffffffff)) | (uint32_t)ax << 16 | pasn;
    cpu->cr[5] = (cpu->cr[5] & ~UINT64_C(0xffffffff)) | asteo;
    cpu->cr[7] = sasce;
    mmu_tlb_flush(cpu);
    return 0;
}
