/* The shadow SCB: the SIE control block is read once into a host-endian
 * shadow and checked; at exit only the architected exit fields go back
 * (STYLE C10, SIE.md 3.1-3.4). */
#include "sie/sie.h"

#include <string.h>

#define SCB_MS_MASK  (~UINT64_C(0xfffff))   /* MSO and MSL are 1 MiB granular */

unsigned scb_shadow(const uint8_t *raw, struct scb_shadow *s)
{
    uint32_t flags = ld_be32(raw + SCB_CPUFLAGS);

    memset(s, 0, sizeof(*s));
    s->cpuflags = flags;
    if (!(flags & CPUSTAT_ZARCH) || (flags & (CPUSTAT_RRF | CPUSTAT_MCDS)) ||
        (flags & (CPUSTAT_GED | CPUSTAT_GED2)) == (CPUSTAT_GED | CPUSTAT_GED2))
        return VIR_CPUFLAGS;
    if (flags & (CPUSTAT_SLSV | CPUSTAT_SLSR))
        return VIR_SLS;
    s->prefix = ld_be32(raw + SCB_PREFIX) & 0x7fffe000u;
    s->cputm = ld_be64(raw + SCB_CPUTM);
    s->ckc = ld_be64(raw + SCB_CKC);
    s->epoch = ld_be64(raw + SCB_EPOCH);
    s->svcc = ld_be32(raw + SCB_SVCC);
    s->lctl = ld_be16(raw + SCB_LCTL);
    s->icpua = ld_be16(raw + SCB_ICPUA);
    s->ictl = ld_be32(raw + SCB_ICTL);
    s->eca = ld_be32(raw + SCB_ECA);
    s->ecb = raw[SCB_ECB];
    s->ecb2 = raw[SCB_ECB2];
    s->ecb3 = raw[SCB_ECB3];
    s->scao = ((uint64_t)ld_be32(raw + SCB_SCAOH) << 32) | (ld_be32(raw + SCB_SCAOL) & ~0xfu);
    s->todpr = ld_be32(raw + SCB_TODPR) & 0xffff;
    s->mso = ld_be64(raw + SCB_MSO) & SCB_MS_MASK;
    s->msl = ld_be64(raw + SCB_MSL) | ~SCB_MS_MASK;
    s->gpsw_mask = ld_be64(raw + SCB_GPSW);
    s->gpsw_addr = ld_be64(raw + SCB_GPSW + 8);
    s->gg14 = ld_be64(raw + SCB_GG14);
    s->gg15 = ld_be64(raw + SCB_GG15);
    for (unsigned i = 0; i < 16; i++)
        s->gcr[i] = ld_be64(raw + SCB_GCR + 8 * i);
    s->gbea = ld_be64(raw + SCB_GBEA);
    s->fac = ld_be32(raw + SCB_FAC) & 0x7ffffff8u;  /* format-0 list below 2 GiB */
    s->ecd = ld_be32(raw + SCB_ECD);
    if (!(flags & CPUSTAT_SM)) {
        /* With storage-limit suppression MSO and MSL are ignored (SIE.md 5.2). */
        if (s->mso > s->msl)
            return VIR_MSO_MSL;
        if ((uint64_t)s->prefix + 0x1fff > s->msl - s->mso)
            return VIR_PREFIX_LIMIT;
    }
    if (s->scao) {
        if (s->scao < 0x2000)
            return VIR_SCA_LOW;
        /* A basic SCA is 2112 bytes and must not cross a 4 KiB boundary. */
        if ((s->scao & 0xfff) + 2112 > 0x1000)
            return VIR_SCA_CROSS;
    }
    return 0;
}

void scb_unshadow(uint8_t *raw, const struct scb_shadow *s, uint16_t ihcpu)
{
    raw[SCB_ICPTCODE] = s->icpt;
    raw[SCB_ICPTSTATUS] = s->icptstatus;
    st_be16(raw + SCB_IHCPU, ihcpu);
    st_be16(raw + SCB_IPA, s->ipa);
    st_be32(raw + SCB_IPB, s->ipb);
    st_be64(raw + SCB_CPUTM, s->cputm);
    st_be64(raw + SCB_CKC, s->ckc);
    st_be32(raw + SCB_TODPR, s->todpr);
    st_be64(raw + SCB_GPSW, s->gpsw_mask);
    st_be64(raw + SCB_GPSW + 8, s->gpsw_addr);
    st_be64(raw + SCB_GG14, s->gg14);
    st_be64(raw + SCB_GG15, s->gg15);
    for (unsigned i = 0; i < 16; i++)
        st_be64(raw + SCB_GCR + 8 * i, s->gcr[i]);
    st_be64(raw + SCB_GBEA, s->gbea);
    if (s->icpt == ICPT_PROGI) {
        memset(raw + SCB_PGM_PARAMS, 0, SCB_PGM_PARAMS_LEN);
        st_be16(raw + SCB_PGMILC, s->pgmilc);
        st_be16(raw + SCB_IPRCC, s->iprcc);
        st_be32(raw + SCB_DXC, s->dxc);
        st_be16(raw + SCB_MCN, s->mcn);
        raw[SCB_EAI] = s->eai;
        st_be64(raw + SCB_TECMC, s->tecmc);
    }
}
