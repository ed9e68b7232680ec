/* ASN translation, ASN authorization, subspace replacement (PoO chapter 5,
 * "ASN Translation", "ASN Authorization", "Subspace Replacement") and the
 * linkage-stack operations that PROGRAM CALL and PROGRAM RETURN share
 * ("Linkage-Stack Operations"). The ASN-and-LX-reuse facility is not
 * offered, so ASTE instance numbers and linkage first tables never apply. */
#ifndef SIEVE_CPU_ASN_H
#define SIEVE_CPU_ASN_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu/state.h"

#define CR14_ASN_TRANSLATION BIT64(44)      /* ASN-translation control */
#define ASCE_SSE             BIT64(57)      /* space-switch-event control */

#define ASTE_WORDS      16
#define ATE_PRIMARY     0x2u                /* authority-table entry bits */
#define ATE_SECONDARY   0x1u

/* An ASN-second-table entry read once from real storage. */
struct aste {
    uint32_t origin;                /* real address (64-byte aligned) */
    uint32_t w[ASTE_WORDS];
};

/* The ASCE in words 2-3 of @a. */
static inline uint64_t aste_asce(const struct aste *a)
{
    return (uint64_t)a->w[2] << 32 | a->w[3];
}

/* The authorization index in word 1 bits 0-15 of @a. */
static inline uint16_t aste_ax(const struct aste *a)
{
    return (uint16_t)(a->w[1] >> 16);
}

/* Read the ASTE at real @origin into @a. Returns 0 or addressing. */
MUST_CHECK exc_t asn_fetch_aste(struct cpu *cpu, uint32_t origin, struct aste *a);

/* Translate @asn through the ASN first table (CR14) into @a. Returns 0,
 * addressing, or AFX/ASX translation with the ASN in cpu->exc.teid. */
MUST_CHECK exc_t asn_translate(struct cpu *cpu, uint16_t asn, struct aste *a);

/* Is @ax authorized for @a's space by the authority-table bit @bit
 * (ATE_PRIMARY or ATE_SECONDARY)? Returns 0 with *ok set, or addressing. */
MUST_CHECK exc_t asn_authorized(struct cpu *cpu, uint16_t ax, const struct aste *a,
                                unsigned bit, bool *ok);

/* The ASCE of @a after subspace replacement: the dispatchable unit's
 * subspace ASCE when @a is its base ASTE, it is subspace active and the
 * ASCE's subspace-group bit is one. Returns 0 with *asce set, addressing,
 * ASTE validity or ASTE sequence. */
MUST_CHECK exc_t asn_space_asce(struct cpu *cpu, const struct aste *a, uint64_t *asce);

/* For a space switch to @asn (PT-ss, SSAR-ss, PR-ss): the ASN-translation
 * control must be on, then ASN translation and subspace replacement.
 * Returns 0 with @a and *asce set, special operation, addressing, AFX/ASX
 * translation, ASTE validity or ASTE sequence. */
MUST_CHECK exc_t asn_switch_target(struct cpu *cpu, uint16_t asn, struct aste *a,
                                   uint64_t *asce);

/* Authorize @ax for @a's space with the authority-table bit @bit. Returns
 * 0, addressing, or @code (primary or secondary authority) with @asn in
 * the TEID. */
MUST_CHECK exc_t asn_authorize(struct cpu *cpu, uint16_t ax, const struct aste *a,
                               unsigned bit, unsigned code, uint16_t asn);

/* The space-switch event of a PC-ss, PT-ss or PR-ss from the primary ASCE
 * @old_asce and PASN @old_pasn to @new_asce: 0 when neither ASCE has the
 * space-switch-event control on, else the (completing) event with the old
 * PASN in the TEID, bit 32 the old control. PoO ch. 6, "Space-Switch Event". */
MUST_CHECK exc_t asn_space_switch_event(struct cpu *cpu, uint64_t old_asce, uint16_t old_pasn,
                                        uint64_t new_asce);

/* Linkage-stack entry types (entry descriptor byte 0 bits 1-7). */
#define LSE_HEADER  0x09
#define LSE_TRAILER 0x0a
#define LSE_BRANCH  0x0c
#define LSE_CALL    0x0d

/* What a stacking operation saves besides the registers and the PSW mask:
 * the return address with its mode bit (bit 63: 64-bit, bit 32: 31-bit),
 * and bytes 144-151 (BAKR: called address; PC: called-space id, PC number). */
struct lstack_call {
    uint8_t type;
    uint64_t ret;
    uint64_t info;
};

/* Form a state entry of @c on the linkage stack (CR15) from the current
 * GRs, ARs, PKM, SASN, EAX, PASN and PSW, and make it current. Returns 0,
 * stack-full, stack-specification or an access exception; nothing changes
 * unless it returns 0. PoO ch. 5, "Stacking Process". */
MUST_CHECK exc_t lstack_push(struct cpu *cpu, const struct lstack_call *c);

#endif
