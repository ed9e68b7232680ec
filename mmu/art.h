/* Access-register translation: an ALET other than 0 and 1 to the ASCE of
 * an AR-specified address space through the DUCT or the primary ASTE, the
 * access list and the ASTE. PoO chapter 5, "Access-Register Translation". */
#ifndef SIEVE_MMU_ART_H
#define SIEVE_MMU_ART_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu/state.h"

/* ALET fields (PoO "Access-List-Entry Token"). */
#define ALET_RESERVED   0xfe000000u     /* bits 0-6: must be zero */
#define ALET_P          0x01000000u     /* primary-list bit: the PS-AL, else the DU-AL */
#define ALET_ALESN(a)   (((a) >> 16) & 0xffu)
#define ALET_ALEN(a)    ((a) & 0xffffu)

/* Origins in bits 33-57 of CR2 (DUCT) and CR5 (primary ASTE). */
#define CR_TABLE_ORIGIN 0x7fffffc0u

/* DUCT offsets (PoO "Dispatchable-Unit Control Table"). */
#define DUCT_BASTEO     0               /* word 0: base-ASTE origin */
#define DUCT_SSASTEO    4               /* word 1: subspace-active bit, subspace-ASTE origin */
#define DUCT_SSASTESN   12              /* word 3: subspace-ASTE sequence number */
#define DUCT_ALD        16              /* word 4: DU-AL designation */
#define DUCT_BSA_STATE  20              /* word 5: PSW-key mask, key, RA, P (BSA) */
#define DUCT_BSA_RET    32              /* words 8-9: BSA return address */
#define DUCT_TRAP       44              /* word 11: trap-control-block address, E */
#define DUCT_SIZE       64
#define DUCT_SA         0x80000000u     /* word 1 bit 0: subspace active */

/* ASTE offsets and bits (PoO "ASN-Second-Table Entries"). */
#define ASTE_SIZE       64
#define ASTE_I          0x80000000u     /* word 0 bit 0: ASX invalid */
#define ASTE_ATO        0x7ffffffcu     /* word 0: authority-table origin */
#define ASTE_BASE       0x00000001u     /* word 0 bit 31: base space of a subspace group */
#define ASTE_OFF_ASCE   8               /* words 2-3 */
#define ASTE_OFF_ALD    16              /* word 4: PS-AL designation */
#define ASTE_OFF_ASTESN 20              /* word 5 */

/* The result of an access-register translation. */
struct art_result {
    uint64_t asce;          /* ASTE words 2-3 */
    uint32_t asteo;         /* real address of the ASTE */
    uint32_t aste0;         /* ASTE word 0 (base-space bit) */
    uint32_t astesn;        /* ASTE word 5 */
    bool fetch_only;        /* the ALE's fetch-only bit: access-list-controlled protection */
    bool ps_al;             /* the ALE came from the primary-space access list */
};

/* Translate @alet (not 0 or 1) using extended authorization index @eax.
 * @special: the special ART of BRANCH IN SUBSPACE GROUP, which checks
 * neither the ALE sequence number nor authority. Returns 0 with @r filled,
 * EXC_PGM(code) for an ALET-specification, ALEN-translation, ALE-sequence,
 * ASTE-validity, ASTE-sequence or extended-authority exception, or an
 * addressing exception for a table outside storage. */
MUST_CHECK exc_t art_translate(struct cpu *cpu, uint32_t alet, uint16_t eax, bool special,
                               struct art_result *r);

/* Is @code one of the ART exceptions (0x28-0x2d)? */
static inline bool art_exception(unsigned code)
{
    return code >= PGM_ALET_SPEC && code <= PGM_EXTENDED_AUTHORITY;
}

/* The extended authorization index, CR8 bits 32-47. */
static inline uint16_t art_eax(const struct cpu *cpu)
{
    return (uint16_t)(cpu->cr[8] >> 16);
}

#endif
