/* Access-register translation (PoO chapter 5, "Access-Register
 * Translation"). No ART-lookaside buffer: AR-mode data accesses stay out of
 * the TLB, so every one translates its ALET anew, and PURGE ALB has nothing
 * to drop. */
#include "mmu/art.h"

#include "mmu/mmu.h"

#define ALD_ALO         0x7fffff80u     /* access-list origin, 128-byte units */
#define ALD_ALL         0x7fu           /* access-list length, units of 8 entries less one */
#define ALE_SIZE        16
#define ALE_I           0x80000000u     /* word 0 bit 0: ALEN invalid */
#define ALE_F           0x02000000u     /* bit 6: fetch only */
#define ALE_P           0x01000000u     /* bit 7: private */
#define ALE_ALESN(w)    (((w) >> 16) & 0xffu)
#define ALE_ALEAX(w)    ((w) & 0xffffu)
#define ALE_ASTEO       0x7fffffc0u     /* word 2 */
#define ASTE_ATL(w1)    (((w1) >> 4) & 0xfffu)  /* word 1 bits 16-27, 4-byte units */

/* May @eax use the private ALE of the space whose ASTE words 0-1 are
 * @aste0/@aste1: the secondary-authority bit of entry @eax of the authority
 * table. Returns 0, the extended-authority exception, or addressing. PoO
 * ch. 5, "Authorizing the Use of the Access-List Entry". */
static exc_t extended_authority(struct cpu *cpu, uint32_t aste0, uint32_t aste1, uint16_t eax)
{
    uint8_t ate;
    exc_t exc;

    if ((unsigned)(eax >> 4) > ASTE_ATL(aste1))
        return EXC_PGM(PGM_EXTENDED_AUTHORITY);
    exc = mmu_real_fetch(cpu, (aste0 & ASTE_ATO) + eax / 4u, 1, &ate);
    if (exc)
        return exc;
    if (!(ate & (0x40u >> (2 * (eax % 4u)))))
        return EXC_PGM(PGM_EXTENDED_AUTHORITY);
    return 0;
}

/* Fetch the access-list entry @alet designates into @ale (4 words).
 * Returns 0, ALEN-translation, or addressing. */
static exc_t fetch_ale(struct cpu *cpu, uint32_t alet, uint32_t ale[4])
{
    uint64_t cb = (alet & ALET_P) ? (cpu->cr[5] & CR_TABLE_ORIGIN)
                                  : (cpu->cr[2] & CR_TABLE_ORIGIN);
    uint8_t raw[ALE_SIZE];
    uint32_t ald;
    exc_t exc;

    exc = mmu_real_fetch(cpu, cb + DUCT_ALD, 4, raw);       /* also ASTE_OFF_ALD */
    if (exc)
        return exc;
    ald = ld_be32(raw);
    if ((ALET_ALEN(alet) >> 3) > (ald & ALD_ALL))
        return EXC_PGM(PGM_ALEN_TRANSLATION);
    exc = mmu_real_fetch(cpu, (ald & ALD_ALO) + ALET_ALEN(alet) * ALE_SIZE, ALE_SIZE, raw);
    if (exc)
        return exc;
    for (unsigned i = 0; i < 4; i++)
        ale[i] = ld_be32(raw + 4 * i);
    return 0;
}

exc_t art_translate(struct cpu *cpu, uint32_t alet, uint16_t eax, bool special,
                    struct art_result *r)
{
    uint8_t aste[ASTE_SIZE];
    uint32_t ale[4];
    exc_t exc;

    if (alet & ALET_RESERVED)
        return EXC_PGM(PGM_ALET_SPEC);
    exc = fetch_ale(cpu, alet, ale);
    if (exc)
        return exc;
    if (ale[0] & ALE_I)
        return EXC_PGM(PGM_ALEN_TRANSLATION);
    if (!special && ALE_ALESN(ale[0]) != ALET_ALESN(alet))
        return EXC_PGM(PGM_ALE_SEQUENCE);
    exc = mmu_real_fetch(cpu, ale[2] & ALE_ASTEO, ASTE_SIZE, aste);
    if (exc)
        return exc;
    if (ld_be32(aste) & ASTE_I)
        return EXC_PGM(PGM_ASTE_VALIDITY);
    if (ld_be32(aste + ASTE_OFF_ASTESN) != ale[3])
        return EXC_PGM(PGM_ASTE_SEQUENCE);
    if (!special && (ale[0] & ALE_P) && ALE_ALEAX(ale[0]) != eax) {
        exc = extended_authority(cpu, ld_be32(aste), ld_be32(aste + 4), eax);
        if (exc)
            return exc;
    }
    r->asce = ld_be64(aste + ASTE_OFF_ASCE);
    r->asteo = ale[2] & ALE_ASTEO;
    r->aste0 = ld_be32(aste);
    r->astesn = ld_be32(aste + ASTE_OFF_ASTESN);
    r->fetch_only = (ale[0] & ALE_F) != 0;
    r->ps_al = (alet & ALET_P) != 0;
    return 0;
}
