/* Enhanced DAT (PoO ch. 3 "Enhanced-DAT Facility 1", "Enhanced-DAT
 * Facility 2", "Translation Process"), with -cpu max and CR0 bit 40 one: a
 * segment-table entry with the format control maps a 1 MiB frame, its
 * DAT-protection bit protects the frame; a region-third-table entry with
 * the format control maps a 2 GiB frame (addressing exception for the part
 * beyond storage), also protected by its P bit; with EDAT-1 the P bit of a
 * region-table entry protects everything below it. Protection exceptions
 * are suppressed with TEID bit 61. Sieve only: QEMU 7.2 TCG offers neither
 * EDAT-1 nor EDAT-2 (qemu-deviations.txt). */
#include "dat_common.h"

#define CR0_EDAT    (1ull << (63 - 40))
#define DTE_FC      0x400ull            /* bit 53: format control */
#define FRAME1M     0x700000ull         /* a 1 MiB frame the program does not use */
#define VSEG        0x40000000ull       /* segment 1024: the 1 MiB frame */
#define VSEG_P      0x40100000ull       /* segment 1025: the same, protected */
#define V2G         0x80000000ull       /* region-third entry 1: 2 GiB frame at 0 */
#define V2G_P       0x100000000ull      /* entry 2: the same, protected */
#define VREG_P      0x180000000ull      /* entry 3: the identity map, region protected */

static uint64_t rtt[2048] __attribute__((aligned(4096)));
static uint64_t stab[2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));
static volatile uint64_t var = 0x1111;

static void build_tables(void)
{
    ident_map_16m(stab, ptab);
    stab[1024] = FRAME1M | DTE_FC;
    stab[1025] = FRAME1M | DTE_FC | STE_P;
    for (unsigned i = 0; i < 2048; i++)
        rtt[i] = RTE_I | RTE_TT(1) | RTE_TL(3);
    rtt[0] = (uintptr_t)stab | RTE_TT(1) | RTE_TL(3);
    rtt[1] = 0 | DTE_FC | RTE_TT(1);
    rtt[2] = 0 | DTE_FC | STE_P | RTE_TT(1);
    rtt[3] = (uintptr_t)stab | STE_P | RTE_TT(1) | RTE_TL(3);
    rt_lctlg(1, (uintptr_t)rtt | ASCE_DT(1) | ASCE_TL(3));
    rt_lctlg(0, rt_stctg(0) | CR0_EDAT);
    asm volatile("ptlb" ::: "memory");
}

/* Check a suppressed DAT-protection exception of STG at @addr. */
static void check_protected(const char *what, uint64_t addr)
{
    struct outcome o;

    dat_store_p(addr, 0x9999, &o);
    rt_checkf(o.fired && o.pi.code == PGM_PROTECTION, "%s: protection", what);
    rt_checkf(o.pi.addr == o.at + 6, "%s: suppressed (old PSW past STG)", what);
    rt_checkf(o.teid == ((addr & ~0xfffull) | TEID_PROT_DAT), "%s: TEID page and bit 61", what);
}

static uint64_t lrag(uint64_t addr, unsigned *cc)
{
    uint64_t r = 0, ipm;
    uint8_t sm;

    asm volatile("stosm %[sm],0x04\n\tlrag %[r],0(%[a])\n\tipm %[ipm]\n\tstnsm %[sm],0xfb"
                 : [r] "+d"(r), [ipm] "=d"(ipm), [sm] "=Q"(sm) : [a] "a"(addr) : "cc", "memory");
    *cc = rt_cc_from_ipm(ipm);
    return r;
}

static void test_1m_frames(void)
{
    struct outcome o;
    unsigned cc;
    uint64_t v;

    *(volatile uint64_t *)(FRAME1M + 0xffff8) = 0x5151;
    v = dat_load_p(VSEG + 0xffff8, &o);
    rt_check(!o.fired && v == 0x5151, "1 MiB frame: load from its last doubleword");
    dat_store_p(VSEG + 0x12340, 0x6262, &o);
    rt_check(!o.fired && *(volatile uint64_t *)(FRAME1M + 0x12340) == 0x6262,
             "1 MiB frame: store at offset 0x12340");
    rt_check_u64("lrag in a 1 MiB frame: real address", lrag(VSEG + 0x12345, &cc),
                 FRAME1M + 0x12345);
    rt_check_u64("  cc 0", cc, 0);
    v = dat_load_p(VSEG_P + 0xffff8, &o);
    rt_check(!o.fired && v == 0x5151, "protected 1 MiB frame: fetch allowed");
    check_protected("protected 1 MiB frame", VSEG_P + 0x54320);
    rt_check_u64("  frame unchanged", *(volatile uint64_t *)(FRAME1M + 0x54320), 0);
}

static void test_2g_frames(void)
{
    struct outcome o;
    unsigned cc;
    uint64_t v;

    var = 0x1111;
    v = dat_load_p(V2G + (uintptr_t)&var, &o);
    rt_check(!o.fired && v == 0x1111, "2 GiB frame: load");
    dat_store_p(V2G + (uintptr_t)&var, 0x2222, &o);
    rt_check(!o.fired && var == 0x2222, "2 GiB frame: store");
    rt_check_u64("lrag in a 2 GiB frame: real address", lrag(V2G + 0x1234567, &cc), 0x1234567);
    rt_check_u64("  cc 0", cc, 0);
    dat_load_p(V2G + 0x10000000, &o);
    rt_check(o.fired && o.pi.code == PGM_ADDRESSING,
             "2 GiB frame beyond the 128 MiB of storage: addressing");
    v = dat_load_p(V2G_P + (uintptr_t)&var, &o);
    rt_check(!o.fired && v == 0x2222, "protected 2 GiB frame: fetch allowed");
    check_protected("protected 2 GiB frame", V2G_P + (uintptr_t)&var);
    rt_check_u64("  variable unchanged", var, 0x2222);
}

static void test_region_protection(void)
{
    struct outcome o;
    uint64_t v;

    v = dat_load_p(VREG_P + (uintptr_t)&var, &o);
    rt_check(!o.fired && v == 0x2222, "protected region-third entry: fetch allowed");
    check_protected("protected region-third entry", VREG_P + (uintptr_t)&var);
}

int main(void)
{
    build_tables();
    test_1m_frames();
    test_2g_frames();
    test_region_protection();
    rt_lctlg(0, rt_stctg(0) & ~CR0_EDAT);
    rt_lctlg(1, (uintptr_t)stab | 3);
    return 0;
}
