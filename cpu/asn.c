/* ASN translation (PoO chapter 5, "ASN Translation", "ASN Authorization",
 * "Subspace Replacement"): ASN-first and ASN-second tables, authority
 * tables and the dispatchable unit's subspace, read from real storage,
 * each entry once. Without the ASN-and-LX-reuse facility no ASTE instance
 * numbers are checked; PER is not offered, so only the space-switch-event
 * controls of the ASCEs cause space-switch events. */
#include "cpu/asn.h"

#include "cpu/cpu.h"
#include "cpu/insn.h"
#include "mmu/mmu.h"

#define CR5_PASTEO      UINT64_C(0x7fffffc0)    /* primary-ASTE origin */
#define CR2_DUCTO       UINT64_C(0x7fffffc0)    /* DUCT origin */
#define CR14_AFTO       UINT64_C(0x7ffff)       /* ASN-first-table origin (4K units) */
#define AFTE_INVALID    BIT32(0)
#define AFTE_ASTO       0x7fffffc0u
#define ASTE_INVALID    BIT32(0)
#define ASTE_ATO        0x7ffffffcu             /* word 0: authority-table origin */
#define ASTE_ATL        0xfff0u                 /* word 1: authority-table length */
#define ASCE_GROUP      BIT64(54)               /* subspace-group control */
#define ASCE_EVENTS     (BIT64(56) | BIT64(57)) /* storage-alteration, space-switch */
#define DUCT_SA         BIT32(0)                /* word 1: subspace active */
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

/* Copy @len bytes at real @raddr (within one page) into @buf. Returns 0 or
 * addressing. */
static exc_t real_fetch(struct cpu *cpu, uint64_t raddr, void *buf, unsigned len)
{
    uint8_t *host;
    exc_t exc = mmu_real_host(cpu, raddr, len, ACC_FETCH, &host);

    if (exc)
        return exc;
    memcpy(buf, host, len);
    return 0;
}

/* The word at real @raddr. Returns 0 with *v set, or addressing. */
static exc_t real_fetch32(struct cpu *cpu, uint64_t raddr, uint32_t *v)
{
    uint8_t b[4];
    exc_t exc = real_fetch(cpu, raddr, b, 4);

    *v = ld_be32(b);
    return exc;
}

exc_t asn_fetch_aste(struct cpu *cpu, uint32_t origin, struct aste *a)
{
    uint8_t raw[4 * ASTE_WORDS];
    exc_t exc = real_fetch(cpu, origin, raw, sizeof(raw));

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
    if (a->w[0] & ASTE_INVALID)
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
    exc = real_fetch(cpu, (a->w[0] & ASTE_ATO) + (uint32_t)(ax >> 2), &ate, 1);
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
    exc = real_fetch(cpu, ducto, duct, sizeof(duct));
    if (exc)
        return exc;
    if (!(ld_be32(duct + 4) & DUCT_SA) || a->origin != (ld_be32(duct) & DUCT_ASTEO))
        return 0;
    exc = asn_fetch_aste(cpu, ld_be32(duct + 4) & DUCT_ASTEO, &sub);
    if (exc)
        return exc;
    cpu->exc.eaid = 0;
    if (sub.w[0] & ASTE_INVALID)
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

