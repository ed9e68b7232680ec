/* DAT through every table level (PoO ch. 3 "Translation Process"): ASCEs
 * designating a region-first, region-second, region-third and segment
 * table reach the same page; the ASCE-type exception for addresses beyond
 * the designated table's reach; region-first, region-second, region-third
 * and segment-translation exceptions for an invalid entry and for an index
 * outside the table length or below the table offset; the
 * translation-specification exception for a table-type mismatch. */
#include "dat_common.h"

#define VBASE   0x40000000ull   /* segment 1024 */
#define RFX     5ull
#define RSX     6ull
#define RTX     7ull

static uint64_t rft[2048] __attribute__((aligned(4096)));
static uint64_t rst[2048] __attribute__((aligned(4096)));
static uint64_t rtt[2048] __attribute__((aligned(4096)));
static uint64_t stab[2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));
static uint64_t vtab[256] __attribute__((aligned(4096)));
static uint64_t page_a[512] __attribute__((aligned(4096)));

/* Index 0 of each region table leads to the identity map of 16 MiB; RFX,
 * RSX and RTX lead to the same lower tables; segment 1024 page 0 maps page_a. */
static void build_tables(void)
{
    ident_map_16m(stab, ptab);
    for (unsigned i = 0; i < 2048; i++) {
        rft[i] = RTE_I | RTE_TT(3) | RTE_TL(3);
        rst[i] = RTE_I | RTE_TT(2) | RTE_TL(3);
        rtt[i] = RTE_I | RTE_TT(1) | RTE_TL(3);
    }
    rft[0] = rft[RFX] = (uintptr_t)rst | RTE_TT(3) | RTE_TL(3);
    rst[0] = rst[RSX] = (uintptr_t)rtt | RTE_TT(2) | RTE_TL(3);
    rtt[0] = rtt[RTX] = (uintptr_t)stab | RTE_TT(1) | RTE_TL(3);
    for (unsigned p = 0; p < 256; p++)
        vtab[p] = PTE_I;
    vtab[0] = (uintptr_t)page_a;
    stab[1024] = (uintptr_t)vtab;
    for (unsigned i = 0; i < 512; i++)
        page_a[i] = 0xa0000000ull + i;
}

/* Load CR1 with @asce and purge the TLB. */
static void set_asce(uint64_t asce)
{
    rt_lctlg(1, asce);
    asm volatile("ptlb" ::: "memory");
}

static void test_every_designation(void)
{
    static const char *const name[4] = { "segment", "region-third", "region-second",
                                         "region-first" };
    static const uint64_t *const table[4] = { stab, rtt, rst, rft };
    struct outcome o;
    uint64_t v, addr;

    for (unsigned dt = 0; dt < 4; dt++) {
        set_asce((uintptr_t)table[dt] | ASCE_DT(dt) | ASCE_TL(3));
        addr = VBASE + 0x18;
        if (dt >= 1)
            addr |= RTX << 31;
        if (dt >= 2)
            addr |= RSX << 42;
        if (dt >= 3)
            addr |= RFX << 53;
        v = dat_load_p(addr, &o);
        rt_checkf(!o.fired && v == 0xa0000003ull, "%s-table ASCE: load through every level",
                  name[dt]);
        dat_store_p(addr + 8, 0x5555, &o);
        rt_checkf(!o.fired && page_a[4] == 0x5555, "%s-table ASCE: store through every level",
                  name[dt]);
        page_a[4] = 0xa0000004ull;
        v = dat_load_p(0x123458, &o);
        rt_checkf(!o.fired && v == *(uint64_t *)0x123458, "%s-table ASCE: identity map at 0",
                  name[dt]);
    }
}

static void test_asce_type(void)
{
    struct outcome o;

    set_asce((uintptr_t)rst | ASCE_DT(2) | ASCE_TL(3));
    dat_load_p(va(1, RSX, RTX, 1024, 0), &o);
    dat_check_nullified("region-second ASCE, address bit 10 one: ASCE-type", &o, PGM_ASCE_TYPE,
                        va(1, RSX, RTX, 1024, 0));
    set_asce((uintptr_t)rtt | ASCE_DT(1) | ASCE_TL(3));
    dat_load_p(va(0, 1, RTX, 1024, 0), &o);
    dat_check_nullified("region-third ASCE, address bit 21 one: ASCE-type", &o, PGM_ASCE_TYPE,
                        va(0, 1, RTX, 1024, 0));
    dat_load_p(va(0, 0, RTX, 1024, 1), &o);
    dat_check_nullified("region-third ASCE, below 4 TiB: page translation", &o,
                        PGM_PAGE_TRANS, va(0, 0, RTX, 1024, 1));
    set_asce((uintptr_t)stab | ASCE_DT(0) | ASCE_TL(3));
    dat_load_p(va(0, 0, 1, 0, 0), &o);
    dat_check_nullified("segment ASCE, address bit 32 one: ASCE-type", &o, PGM_ASCE_TYPE,
                        va(0, 0, 1, 0, 0));
}

/* One case: the region-first-table ASCE, an entry of a table changed to
 * @entry, a load at @addr expecting @code with the TEID of @addr. */
static void entry_case(const char *what, uint64_t *slot, uint64_t entry, uint64_t addr,
                       unsigned code)
{
    uint64_t saved = *slot;
    struct outcome o;

    *slot = entry;
    asm volatile("ptlb" ::: "memory");
    dat_load_p(addr, &o);
    if (code == PGM_TRANS_SPEC)
        dat_check_code(what, &o, code);
    else
        dat_check_nullified(what, &o, code, addr & ~0xfffull);
    *slot = saved;
    asm volatile("ptlb" ::: "memory");
}

static void test_invalid_entries(void)
{
    const uint64_t addr = va(RFX, RSX, RTX, 1024, 0) + 0x20;
    struct outcome o;

    set_asce((uintptr_t)rft | ASCE_DT(3) | ASCE_TL(3));
    entry_case("region-first entry invalid", &rft[RFX], rft[RFX] | RTE_I, addr, PGM_RFX_TRANS);
    entry_case("region-second entry invalid", &rst[RSX], rst[RSX] | RTE_I, addr, PGM_RSX_TRANS);
    entry_case("region-third entry invalid", &rtt[RTX], rtt[RTX] | RTE_I, addr, PGM_RTX_TRANS);
    entry_case("segment entry invalid", &stab[1024], stab[1024] | STE_I, addr, PGM_SEG_TRANS);
    dat_load_p(addr + 0x1000, &o);
    dat_check_nullified("page entry invalid", &o, PGM_PAGE_TRANS, addr + 0x1000 - 0x20);
    dat_load_p(va(RFX + 1, RSX, RTX, 1024, 0), &o);
    dat_check_nullified("unused region-first entry", &o, PGM_RFX_TRANS,
                        va(RFX + 1, RSX, RTX, 1024, 0));
    dat_load_p(va(RFX, RSX + 1, RTX, 1024, 0), &o);
    dat_check_nullified("unused region-second entry", &o, PGM_RSX_TRANS,
                        va(RFX, RSX + 1, RTX, 1024, 0));
    dat_load_p(va(RFX, RSX, RTX + 1, 1024, 0), &o);
    dat_check_nullified("unused region-third entry", &o, PGM_RTX_TRANS,
                        va(RFX, RSX, RTX + 1, 1024, 0));
}

static void test_length_offset(void)
{
    struct outcome o;

    /* The ASCE's table length covers the first 512 entries only. */
    set_asce((uintptr_t)rft | ASCE_DT(3) | ASCE_TL(0));
    dat_load_p(va(RFX, RSX, RTX, 1024, 0), &o);
    rt_check(!o.fired, "region-first ASCE TL 0: index 5 within the table");
    rft[RFX + 512] = rft[RFX];
    asm volatile("ptlb" ::: "memory");
    dat_load_p(va(RFX + 512, RSX, RTX, 1024, 0), &o);
    dat_check_nullified("region-first ASCE TL 0, index 517: region-first translation", &o,
                        PGM_RFX_TRANS, va(RFX + 512, RSX, RTX, 1024, 0));
    set_asce((uintptr_t)rft | ASCE_DT(3) | ASCE_TL(1));
    dat_load_p(va(RFX + 512, RSX, RTX, 1024, 0), &o);
    rt_check(!o.fired, "region-first ASCE TL 1: index 517 within the table");
    rft[RFX + 512] = RTE_I | RTE_TT(3);
    set_asce((uintptr_t)rst | ASCE_DT(2) | ASCE_TL(2));
    rst[RSX + 1536] = rst[RSX];
    dat_load_p(va(0, RSX + 1536, RTX, 1024, 0), &o);
    dat_check_nullified("region-second ASCE TL 2, index 1542: region-second translation", &o,
                        PGM_RSX_TRANS, va(0, RSX + 1536, RTX, 1024, 0));
    rst[RSX + 1536] = RTE_I | RTE_TT(2);

    /* Table offset and length in the entry designating the next table. */
    set_asce((uintptr_t)rft | ASCE_DT(3) | ASCE_TL(3));
    entry_case("region-first entry TF 1, RSX 6: region-second translation", &rft[RFX],
               rft[RFX] | RTE_TF(1), va(RFX, RSX, RTX, 1024, 0), PGM_RSX_TRANS);
    entry_case("region-first entry TL 0, RSX 518: region-second translation", &rft[RFX],
               rft[RFX] & ~RTE_TL(3), va(RFX, RSX + 512, RTX, 1024, 0), PGM_RSX_TRANS);
    entry_case("region-second entry TF 2, RTX 7: region-third translation", &rst[RSX],
               rst[RSX] | RTE_TF(2), va(RFX, RSX, RTX, 1024, 0), PGM_RTX_TRANS);
    entry_case("region-second entry TL 1, RTX 1031: region-third translation", &rst[RSX],
               (rst[RSX] & ~RTE_TL(3)) | RTE_TL(1), va(RFX, RSX, RTX + 1024, 1024, 0),
               PGM_RTX_TRANS);
    entry_case("region-third entry TF 3, SX 1024: segment translation", &rtt[RTX],
               rtt[RTX] | RTE_TF(3), va(RFX, RSX, RTX, 1024, 0), PGM_SEG_TRANS);
    entry_case("region-third entry TL 1, SX 1024: segment translation", &rtt[RTX],
               (rtt[RTX] & ~RTE_TL(3)) | RTE_TL(1), va(RFX, RSX, RTX, 1024, 0), PGM_SEG_TRANS);
    rtt[RTX] |= RTE_TF(2);
    asm volatile("ptlb" ::: "memory");
    dat_load_p(va(RFX, RSX, RTX, 1024, 0) + 0x28, &o);
    rt_check(!o.fired && o.pi.code == 0, "region-third entry TF 2, SX 1024: within the table");
    rtt[RTX] &= ~RTE_TF(3);
}

static void test_table_type(void)
{
    const uint64_t addr = va(RFX, RSX, RTX, 1024, 0);

    set_asce((uintptr_t)rft | ASCE_DT(3) | ASCE_TL(3));
    entry_case("region-first entry with TT 10: translation specification", &rft[RFX],
               (rft[RFX] & ~RTE_TT(3)) | RTE_TT(2), addr, PGM_TRANS_SPEC);
    entry_case("region-second entry with TT 11: translation specification", &rst[RSX],
               rst[RSX] | RTE_TT(3), addr, PGM_TRANS_SPEC);
    entry_case("region-third entry with TT 00: translation specification", &rtt[RTX],
               rtt[RTX] & ~RTE_TT(3), addr, PGM_TRANS_SPEC);
    entry_case("segment entry with TT 01: translation specification", &stab[1024],
               stab[1024] | RTE_TT(1), addr, PGM_TRANS_SPEC);
}

int main(void)
{
    build_tables();
    test_every_designation();
    test_asce_type();
    test_invalid_entries();
    test_length_offset();
    test_table_type();
    set_asce((uintptr_t)stab | ASCE_DT(0) | ASCE_TL(3));
    return 0;
}
