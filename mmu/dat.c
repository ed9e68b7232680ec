/* Dynamic address translation: logical to real through the region, segment
 * and page tables of the ASCE the address-space mode selects. PoO chapter 3,
 * "Dynamic Address Translation". */
#include "mmu/dat.h"
#include "mmu/art.h"
#include "sie/sie.h"


#define CR0_EDAT        BIT64(40)   /* enhanced-DAT enablement */
#define RFAA_MASK       (~UINT64_C(0x7fffffff))    /* region-frame absolute address */
#define SFAA_MASK       (~UINT64_C(0xfffff))       /* segment-frame absolute address */
#define PTO_MASK        (~UINT64_C(0x7ff))         /* page-table origin */

bool dat_edat1(const struct cpu *cpu)
{
    return (cpu->cr[0] & CR0_EDAT) && (cpu->mmu_fac & MMU_FAC_EDAT1);
}

bool dat_edat2(const struct cpu *cpu)
{
    return dat_edat1(cpu) && (cpu->mmu_fac & MMU_FAC_EDAT2);
}

exc_t dat_select_space(struct cpu *cpu, unsigned ar, enum acc_kind kind, uint64_t *asce,
                       enum dat_space *space, bool *fetch_only)
{
    unsigned asc = PSW_ASC(cpu->psw.mask);
    struct art_result art;
    uint32_t alet;
    exc_t exc;

    *fetch_only = false;
    if (asc == PSW_ASC_AR) {
        /* Instruction fetches use the primary space; access register 0 is
         * taken as zero when it is named by a B field of zero. */
        alet = kind == ACC_IFETCH || ar == 0 ? 0 : cpu->ar[ar];
        cpu->exc.eaid = kind == ACC_IFETCH ? 0 : (uint8_t)ar;
        if (alet == 0) {
            asc = PSW_ASC_PRIMARY;
        } else if (alet == 1) {
            asc = PSW_ASC_SECONDARY;
        } else {
            exc = art_translate(cpu, alet, art_eax(cpu), false, &art);
            if (exc)
                return exc;
            *asce = art.asce;
            *space = DAT_SPACE_AR;
            *fetch_only = art.fetch_only;
            return 0;
        }
    }
    switch (asc) {
    case PSW_ASC_SECONDARY:
        *asce = cpu->cr[7];
        break;
    case PSW_ASC_HOME:
        *asce = cpu->cr[13];
        break;
    default:
        *asce = cpu->cr[1];
        break;
    }
    *space = (enum dat_space)asc;
    return 0;
}

exc_t dat_select_asce(struct cpu *cpu, unsigned ar, enum acc_kind kind, uint64_t *asce,
                      enum dat_space *space)
{
    bool fetch_only;

    return dat_select_space(cpu, ar, kind, asce, space, &fetch_only);
}

/* The translation exception of a table level: the length or invalid-bit
 * exception of the table of type @level. */
static exc_t level_exc(unsigned level)
{
    static const uint16_t code[4] = {
        PGM_SEGMENT_TRANSLATION, PGM_REGION_THIRD_TRANSLATION,
        PGM_REGION_SECOND_TRANSLATION, PGM_REGION_FIRST_TRANSLATION,
    };

    return EXC_PGM(code[level]);
}

/* The 11-bit index of @vaddr into the table of type @level (SX, RTX, RSX, RFX). */
static unsigned level_index(uint64_t vaddr, unsigned level)
{
    return (unsigned)(vaddr >> (20 + 11 * level)) & 0x7ff;
}

/* Fetch the table entry at absolute @aaddr. Tables are unpredictably real or
 * absolute (PoO "Translation Tables"); sieve, like QEMU, uses absolute.
 * Returns 0 or an addressing exception. */
static exc_t fetch_entry(struct cpu *cpu, uint64_t aaddr, uint64_t *e)
{
    if (unlikely(cpu->sie != NULL))         /* guest tables under SIE */
        return sie_table_fetch(cpu, aaddr, e);
    if (!storage_valid(cpu->mem, aaddr, 8))
        return EXC_PGM(PGM_ADDRESSING);
    *e = ld_be64(storage_host(cpu->mem, aaddr));
    return 0;
}

/* The page-table lookup for @vaddr with segment-table entry @ste. */
static exc_t walk_page(struct cpu *cpu, uint64_t ste, uint64_t vaddr, struct dat_walk *w)
{
    uint64_t pte;
    exc_t exc;

    w->entry = (ste & PTO_MASK) + ((vaddr >> 12) & 0xff) * 8;
    if (w->pte_only)
        return 0;
    exc = fetch_entry(cpu, w->entry, &pte);
    if (exc)
        return exc;
    if (pte & PTE_I) {
        w->lra_cc = 2;
        return EXC_PGM(PGM_PAGE_TRANSLATION);
    }
    /* Bit 55 is the IEP bit only with instruction-execution protection,
     * which no model offers yet. */
    if (pte & (PTE_BIT52 | PTE_BIT55))
        return EXC_PGM(PGM_TRANSLATION_SPEC);
    if (pte & PTE_P)
        w->prot = true;
    w->raddr = (pte & PAGE_MASK) | (vaddr & ~PAGE_MASK);
    return 0;
}

/* The segment-table entry @ste has been fetched and is valid. */
static exc_t walk_segment(struct cpu *cpu, uint64_t asce, uint64_t ste, uint64_t vaddr,
                          struct dat_walk *w)
{
    if ((ste & DTE_C) && (asce & ASCE_P))
        return EXC_PGM(PGM_TRANSLATION_SPEC);
    if (ste & DTE_P)
        w->prot = true;
    if ((ste & DTE_FC) && dat_edat1(cpu)) {
        w->large = true;
        w->raddr = (ste & SFAA_MASK) | (vaddr & ~SFAA_MASK);
        return 0;
    }
    return walk_page(cpu, ste, vaddr, w);
}

/* The walk of dat_walk and dat_walk_pte (@w->pte_only set by them). */
static exc_t walk(struct cpu *cpu, uint64_t asce, uint64_t vaddr, struct dat_walk *w)
{
    const bool edat1 = dat_edat1(cpu);
    unsigned level = ASCE_DT(asce);
    uint64_t origin = asce & ASCE_ORIGIN;
    unsigned tf = 0, tl = ASCE_TL(asce);
    uint64_t e;
    exc_t exc;

    w->prot = false;
    w->entry = 0;
    w->lra_cc = 3;
    w->invalid = false;
    w->large = false;
    if (asce & ASCE_R) {
        w->raddr = vaddr;
        return 0;
    }
    /* ASCE-type exception: the address needs a higher table than the ASCE
     * designates. PoO "Translation Process". */
    if (level < DAT_TT_REGION1 && (vaddr >> (31 + 11 * level)) != 0)
        return EXC_PGM(PGM_ASCE_TYPE);
    for (;;) {
        unsigned idx = level_index(vaddr, level);

        /* Table offset and length, in units of 512 entries. */
        if ((idx >> 9) < tf || (idx >> 9) > tl)
            return level_exc(level);
        w->entry = origin + idx * 8;
        w->level = (uint8_t)level;
        exc = fetch_entry(cpu, w->entry, &e);
        if (exc)
            return exc;
        if (e & DTE_I) {
            w->invalid = true;
            w->lra_cc = level == DAT_TT_SEGMENT ? 1 : 3;
            return level_exc(level);
        }
        if (DTE_TT(e) != level)
            return EXC_PGM(PGM_TRANSLATION_SPEC);
        if (level == DAT_TT_SEGMENT)
            return walk_segment(cpu, asce, e, vaddr, w);
        /* Region-table DAT protection exists with EDAT-1. */
        if (edat1 && (e & DTE_P))
            w->prot = true;
        if (level == DAT_TT_REGION3 && (e & DTE_FC) && dat_edat2(cpu)) {
            if ((e & DTE_C) && (asce & ASCE_P))
                return EXC_PGM(PGM_TRANSLATION_SPEC);
            w->large = true;
            w->raddr = (e & RFAA_MASK) | (vaddr & ~RFAA_MASK);
            return 0;
        }
        origin = e & ASCE_ORIGIN;
        tf = RTE_TF(e);
        tl = RTE_TL(e);
        level--;
    }
}

exc_t dat_walk(struct cpu *cpu, uint64_t asce, uint64_t vaddr, struct dat_walk *w)
{
    w->pte_only = false;
    return walk(cpu, asce, vaddr, w);
}

exc_t dat_walk_pte(struct cpu *cpu, uint64_t asce, uint64_t vaddr, struct dat_walk *w)
{
    w->pte_only = true;
    return walk(cpu, asce, vaddr, w);
}

exc_t dat_translate(struct cpu *cpu, unsigned ar, uint64_t addr, enum acc_kind kind,
                    uint64_t *raddr)
{
    enum dat_space space;
    struct dat_walk w;
    bool fetch_only;
    uint64_t asce;
    exc_t exc;

    exc = dat_select_space(cpu, ar, kind, &asce, &space, &fetch_only);
    if (exc)
        return exc;
    /* TEID: bits 0-51 of the address, the ASCE identification in 62-63.
     * Bits 52-53 (facility 75) stay zero: no model offers it. */
    cpu->exc.teid = (addr & PAGE_MASK) | space;
    /* Low-address protection comes before the table walk (as in QEMU) and
     * spares private spaces. */
    if (kind == ACC_STORE && !(asce & ASCE_P) && dat_low_protected(cpu, addr)) {
        cpu->exc.teid |= TEID_LAP;
        return EXC_PGM(PGM_PROTECTION);
    }
    exc = dat_walk(cpu, asce, addr, &w);
    if (exc)
        return exc;
    if (kind == ACC_STORE && fetch_only) {
        /* Access-list-controlled protection: TEID bit 60. */
        cpu->exc.teid |= TEID_ALE_PROT;
        return EXC_PGM(PGM_PROTECTION);
    }
    if (kind == ACC_STORE && w.prot) {
        /* Suppression on protection: bit 61 says DAT protection. */
        cpu->exc.teid |= TEID_DAT_PROT;
        return EXC_PGM(PGM_PROTECTION);
    }
    *raddr = w.raddr;
    return 0;
}
