/* Dynamic address translation: ASCE selection, the region/segment/page
 * table walk, DAT protection and the translation-exception identification.
 * PoO chapter 3, "Dynamic Address Translation". */
#ifndef SIEVE_MMU_DAT_H
#define SIEVE_MMU_DAT_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu/state.h"
#include "mmu/mmu.h"

/* Address-space-control-element fields (PoO "Address-Space-Control Element"). */
#define ASCE_ORIGIN     (~UINT64_C(0xfff))  /* bits 0-51: table origin */
#define ASCE_P          BIT64(55)           /* private-space control */
#define ASCE_R          BIT64(58)           /* real-space control */
#define ASCE_DT(a)      ((unsigned)FIELD64(a, 60, 61))
#define ASCE_TL(a)      ((unsigned)FIELD64(a, 62, 63))

/* Designation and table types (ASCE DT, entry TT). */
#define DAT_TT_SEGMENT  0
#define DAT_TT_REGION3  1
#define DAT_TT_REGION2  2
#define DAT_TT_REGION1  3

/* Table-entry bits shared by region- and segment-table entries. */
#define DTE_FC          BIT64(53)           /* format control (EDAT) */
#define DTE_P           BIT64(54)           /* DAT protection */
#define DTE_I           BIT64(58)           /* entry invalid */
#define DTE_C           BIT64(59)           /* common segment / common region */
#define DTE_TT(e)       ((unsigned)FIELD64(e, 60, 61))
#define RTE_TF(e)       ((unsigned)FIELD64(e, 56, 57))
#define RTE_TL(e)       ((unsigned)FIELD64(e, 62, 63))

/* Page-table-entry bits. */
#define PTE_BIT52       BIT64(52)           /* must be zero */
#define PTE_I           BIT64(53)
#define PTE_P           BIT64(54)
#define PTE_BIT55       BIT64(55)           /* must be zero without IEP */

/* TEID bits (PoO "Translation-Exception Identification"; with ESOP-1,
 * "Suppression on Protection"): bit 56 low-address protection, bit 61 DAT
 * protection, bit 60 access-list-controlled protection, all zero key-
 * controlled protection. */
#define TEID_LAP        BIT64(56)
#define TEID_DAT_PROT   BIT64(61)
#define TEID_ALE_PROT   BIT64(60)           /* access-list-controlled protection */

#define CR0_LAP         BIT64(35)           /* low-address-protection control */

/* Does low-address protection forbid a store at effective address @addr:
 * CR0 bit 35 one and @addr in 0-511 or 4096-4607? The caller has checked the
 * space: DAT off, or an ASCE whose private-space control is zero. PoO ch. 3,
 * "Low-Address Protection". */
static inline bool dat_low_protected(const struct cpu *cpu, uint64_t addr)
{
    return (cpu->cr[0] & CR0_LAP) && (addr & ~UINT64_C(0x1000)) < 512;
}

/* ASCE identification in TEID bits 62-63. */
enum dat_space {
    DAT_SPACE_PRIMARY = 0,
    DAT_SPACE_AR = 1,
    DAT_SPACE_SECONDARY = 2,
    DAT_SPACE_HOME = 3,
};

/* Result of a table walk. */
struct dat_walk {
    uint64_t raddr;         /* real address of the byte (valid when the walk succeeds) */
    uint64_t entry;         /* absolute address of the last table entry fetched */
    bool prot;              /* DAT protection applies to the page */
    uint8_t lra_cc;         /* on a translation exception: the LRA condition code */
    uint8_t level;          /* table type (DAT_TT_*) of the region or segment entry */
    bool invalid;           /* the walk stopped at that entry: its I bit is one */
    bool large;             /* it ended at that entry: FC one (EDAT-1/2 frame) */
    bool pte_only;          /* set by dat_walk_pte: stop at the page-table entry */
};

/* The ASCE an access of @kind with base field @ar uses in the PSW's address-
 * space mode; in access-register mode an ALET other than 0 and 1 goes
 * through access-register translation (mmu/art.h), and *fetch_only reports
 * the ALE's fetch-only bit. Returns 0 with *asce and *space set, or an ART
 * exception (cpu->exc.eaid set) or addressing. PoO "Address-Space Control". */
MUST_CHECK exc_t dat_select_space(struct cpu *cpu, unsigned ar, enum acc_kind kind,
                                  uint64_t *asce, enum dat_space *space, bool *fetch_only);

/* dat_select_space without the fetch-only indication. */
MUST_CHECK exc_t dat_select_asce(struct cpu *cpu, unsigned ar, enum acc_kind kind,
                                 uint64_t *asce, enum dat_space *space);

/* Walk the tables of @asce for @vaddr. Returns 0 with @w filled, or
 * EXC_PGM(code) for an ASCE-type, region/segment/page-translation,
 * translation-specification or addressing exception (no TEID set; @w->entry
 * and @w->lra_cc describe translation exceptions). PoO "Translation Process". */
MUST_CHECK exc_t dat_walk(struct cpu *cpu, uint64_t asce, uint64_t vaddr, struct dat_walk *w);

/* dat_walk up to the page-table entry without fetching it (LOAD PAGE-TABLE-
 * ENTRY ADDRESS): 0 with @w->entry its address, or with @w->large set the
 * walk ended at a large-frame entry; exceptions as dat_walk but none of the
 * page-table entry. */
MUST_CHECK exc_t dat_walk_pte(struct cpu *cpu, uint64_t asce, uint64_t vaddr,
                              struct dat_walk *w);

/* Translate logical @addr (DAT on) for @kind. Returns 0 with *raddr the real
 * address, or the exception with cpu->exc.teid (and eaid) set as architected:
 * translation exceptions, low-address and DAT protection on stores. */
MUST_CHECK exc_t dat_translate(struct cpu *cpu, unsigned ar, uint64_t addr, enum acc_kind kind,
                               uint64_t *raddr);

/* Are EDAT-1 / EDAT-2 in effect (facility installed and CR0 bit 40 one)? */
bool dat_edat1(const struct cpu *cpu);
bool dat_edat2(const struct cpu *cpu);

#endif
