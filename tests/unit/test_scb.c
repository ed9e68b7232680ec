/* Shadow-SCB tests: scb_shadow's validity reasons (SIE.md 4.5), its field
 * decoding, and scb_unshadow writing back only the exit fields (SIE.md 3.4). */
#include <glib.h>
#include <string.h>
#include "sie/sie.h"

static uint8_t raw[SCB_SIZE];

/* A valid SCB: z/Arch, 1 MiB at MSO 16 MiB, prefix 0. */
static void good(void)
{
    memset(raw, 0, sizeof(raw));
    st_be32(raw + SCB_CPUFLAGS, CPUSTAT_ZARCH);
    st_be64(raw + SCB_MSO, 0x1000000);
    st_be64(raw + SCB_MSL, 0x1000000);
}

static void test_valid(void)
{
    struct scb_shadow s;

    good();
    st_be32(raw + SCB_PREFIX, 0x8000 | 0x80000123u);
    st_be64(raw + SCB_GPSW, 0x0000000180000000ull);
    st_be64(raw + SCB_GPSW + 8, 0x4000);
    st_be64(raw + SCB_GCR + 8 * 14, 0xc2000000u);
    g_assert_cmpuint(scb_shadow(raw, &s), ==, 0);
    g_assert_cmphex(s.prefix, ==, 0x8000);          /* bit 0 and bits 19-31 dropped */
    g_assert_cmphex(s.mso, ==, 0x1000000);
    g_assert_cmphex(s.msl, ==, 0x10fffff);          /* low 20 bits set */
    g_assert_cmphex(s.gpsw_addr, ==, 0x4000);
    g_assert_cmphex(s.gcr[14], ==, 0xc2000000u);
}

static void check_reason(uint32_t flags, uint64_t mso, uint64_t msl, uint32_t prefix,
                         uint64_t sca, unsigned reason)
{
    struct scb_shadow s;

    good();
    st_be32(raw + SCB_CPUFLAGS, flags);
    st_be64(raw + SCB_MSO, mso);
    st_be64(raw + SCB_MSL, msl);
    st_be32(raw + SCB_PREFIX, prefix);
    st_be32(raw + SCB_SCAOH, (uint32_t)(sca >> 32));
    st_be32(raw + SCB_SCAOL, (uint32_t)sca);
    g_assert_cmphex(scb_shadow(raw, &s), ==, reason);
}

static void test_validity(void)
{
    const uint32_t z = CPUSTAT_ZARCH;

    check_reason(0, 0, 0, 0, 0, VIR_CPUFLAGS);
    check_reason(z | CPUSTAT_RRF, 0, 0, 0, 0, VIR_CPUFLAGS);
    check_reason(z | CPUSTAT_MCDS, 0, 0, 0, 0, VIR_CPUFLAGS);
    check_reason(z | CPUSTAT_GED | CPUSTAT_GED2, 0, 0, 0, 0, VIR_CPUFLAGS);
    check_reason(z | CPUSTAT_GED2, 0, 0, 0, 0, 0);
    check_reason(z | CPUSTAT_SLSR, 0, 0, 0, 0, VIR_SLS);
    check_reason(z, 0x200000, 0x100000, 0, 0, VIR_MSO_MSL);
    check_reason(z | CPUSTAT_SM, 0x200000, 0x100000, 0, 0, 0);  /* SM: ignored */
    check_reason(z, 0x100000, 0x100000, 0x100000, 0, VIR_PREFIX_LIMIT);
    check_reason(z, 0x100000, 0x100000, 0xfe000, 0, 0);        /* last 8 KiB fit */
    check_reason(z, 0, 0, 0, 0x1000, VIR_SCA_LOW);
    check_reason(z, 0, 0, 0, 0x10800, VIR_SCA_CROSS);
    check_reason(z, 0, 0, 0, 0x10000, 0);
}

static void test_unshadow(void)
{
    struct scb_shadow s;
    uint8_t before[SCB_SIZE];

    good();
    st_be32(raw + SCB_ICTL, 0x20000000);
    st_be32(raw + 0x0c, 1);                          /* prog0c: software's */
    st_be32(raw + 0x20, 2);                          /* prog20: software's */
    g_assert_cmpuint(scb_shadow(raw, &s), ==, 0);
    st_be32(raw + SCB_CPUFLAGS, CPUSTAT_ZARCH | CPUSTAT_STOP_INT);   /* set meanwhile */
    memcpy(before, raw, sizeof(raw));
    s.icpt = ICPT_INST;
    s.ipa = 0x8300;
    s.ipb = 0x00440000;
    s.gpsw_addr = 0x4004;
    s.gg14 = 14;
    scb_unshadow(raw, &s, 3);
    g_assert_cmpuint(raw[SCB_ICPTCODE], ==, ICPT_INST);
    g_assert_cmphex(ld_be16(raw + SCB_IPA), ==, 0x8300);
    g_assert_cmphex(ld_be32(raw + SCB_IPB), ==, 0x00440000);
    g_assert_cmphex(ld_be16(raw + SCB_IHCPU), ==, 3);
    g_assert_cmphex(ld_be64(raw + SCB_GPSW + 8), ==, 0x4004);
    g_assert_cmphex(ld_be64(raw + SCB_GG14), ==, 14);
    /* Software-owned fields are never written. */
    g_assert_cmphex(ld_be32(raw + SCB_CPUFLAGS), ==, CPUSTAT_ZARCH | CPUSTAT_STOP_INT);
    g_assert_cmphex(ld_be32(raw + 0x0c), ==, 1);
    g_assert_cmphex(ld_be32(raw + 0x20), ==, 2);
    g_assert_cmphex(ld_be32(raw + SCB_ICTL), ==, 0x20000000);
    g_assert_cmpmem(raw + SCB_PGM_PARAMS, SCB_PGM_PARAMS_LEN,
                    before + SCB_PGM_PARAMS, SCB_PGM_PARAMS_LEN);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/scb/valid", test_valid);
    g_test_add_func("/scb/validity", test_validity);
    g_test_add_func("/scb/unshadow", test_unshadow);
    return g_test_run();
}
