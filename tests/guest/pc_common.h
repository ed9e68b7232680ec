/* Helpers of pc.c and pc_exc.c: an entry table for PC numbers 0-15
 * (linkage index 0) and PROGRAM CALL from C. */
#ifndef PC_COMMON_H
#define PC_COMMON_H

#include "linkage_common.h"

#define ETE_T   0x80000000u     /* word 4: stacking PC */
#define ETE_G   0x40000000u     /* 64-bit addressing mode */
#define ETE_K   0x10000000u     /* PSW key from EK (bits 8-11) */
#define ETE_M   0x08000000u     /* PKM replaced by EKM */
#define ETE_E   0x04000000u     /* EAX replaced by EEAX (bits 16-31) */
#define ETE_C   0x02000000u     /* access-register mode */
#define ETE_S   0x01000000u     /* SASN = new PASN */

static uint32_t etab16[16][8] __attribute__((aligned(64)));

/* Entry-table entry @ex: 64-bit entry address @ia (bit 63: problem state),
 * AKM and ASN in word 2, EKM in word 3, the control word 4, ASTE @aste,
 * entry parameter @parm. */
static inline void set_ete(unsigned ex, uint64_t ia, uint32_t akm_asn, uint32_t ekm,
                           uint32_t ctl, uint32_t aste, uint64_t parm)
{
    uint32_t *e = etab16[ex];

    e[0] = (uint32_t)(ia >> 32);
    e[1] = (uint32_t)ia;
    e[2] = akm_asn;
    e[3] = ekm;
    e[4] = ctl;
    e[5] = aste;
    e[6] = (uint32_t)(parm >> 32);
    e[7] = (uint32_t)parm;
}

/* asn_setup, with linkage-table entry 0 designating etab16 (EX 0-15, all
 * zero until set_ete fills them). */
static inline void pc_setup(void)
{
    asn_setup();
    memset(etab16, 0, sizeof(etab16));
    ltab[0] = (uint32_t)(uintptr_t)etab16 | 3;
}

#endif
