/* Addressing exceptions during DAT (PoO ch. 3 "Translation Process",
 * ch. 6 "Addressing Exception", "Summary of Action for Addressing and
 * Protection Exceptions"): a page table or a segment table designated
 * beyond the configured storage (128 MiB) by a segment-table or
 * region-third-table entry makes the access an addressing exception that
 * suppresses the instruction (old PSW past it, ILC 3), also for an
 * operand in the secondary space (CR7: region-third table) while
 * instructions come from the primary space; a page-table entry whose
 * frame is beyond storage gives an addressing exception for the operand
 * (LG/STG: terminated, old PSW past the instruction) and for an
 * instruction fetched from that page ("ILC on Instruction-Fetching
 * Exceptions": ILC 1-3 and the old PSW that many halfwords on; for a
 * page-translation exception, nullifying, the old PSW at the page). */
#include "dat_common.h"

#define BEYOND      0x10000000ull       /* 256 MiB: not installed with -m 128 */
#define SEG_BADPT   0x2000000ull        /* segment 32: page table beyond storage */

static uint64_t stab[2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));
static uint64_t marker = 0x4242;
static uint64_t r3t[2048] __attribute__((aligned(4096)));
static uint8_t pages[3][4096] __attribute__((aligned(4096)));

/* Page-table entry of the identity-mapped address @p. */
static uint64_t *pte_of(const void *p)
{
    uint64_t a = (uint64_t)(uintptr_t)p;

    return &ptab[a >> 20][(a >> 12) & 0xff];
}

static void setup(void)
{
    ident_map_16m(stab, ptab);
    stab[SEG_BADPT >> 20] = BEYOND;
    *pte_of(pages[0]) = BEYOND;
    *pte_of(pages[1]) = BEYOND + 0x1000;
    *pte_of(pages[2]) |= PTE_I;
    rt_lctlg(1, (uint64_t)(uintptr_t)stab | ASCE_TL(3));
    /* secondary: region-third entry 0 -> the primary segment table, entry
     * 1 (2-4 GiB) -> a segment table beyond storage */
    for (unsigned i = 0; i < 2048; i++)
        r3t[i] = RTE_I | RTE_TT(1);
    r3t[0] = (uint64_t)(uintptr_t)stab | RTE_TT(1) | RTE_TL(3);
    r3t[1] = BEYOND | RTE_TT(1) | RTE_TL(3);
    rt_lctlg(7, (uint64_t)(uintptr_t)r3t | ASCE_DT(1) | ASCE_TL(3));
    asm volatile("ptlb" : : : "memory");
}

/* Check an addressing exception of the LG/STG at o->at, its ILC 3 and
 * the old PSW past it (suppressed or terminated). */
static void check_addr(const char *what, const struct outcome *o)
{
    dat_check_code(what, o, PGM_ADDRESSING);
    rt_check_u64(what, o->pi.ilc, 3);
    rt_checkf(o->pi.addr == o->at + 6, "%s: old PSW past the instruction", what);
}

static void test_tables(void)
{
    struct outcome o;
    uint64_t v;

    dat_load_p(SEG_BADPT + 0x10, &o);
    check_addr("page table beyond storage, fetch", &o);
    dat_store_p(SEG_BADPT + 0x18, 1, &o);
    check_addr("page table beyond storage, store", &o);
    dat_access(ASC_SECONDARY, false, 0x80000000ull + 0x30000, 0, 0, &o);
    check_addr("secondary: segment table beyond storage, fetch", &o);
    dat_access(ASC_SECONDARY, true, 0x80000000ull + 0x30000, 5, 0, &o);
    check_addr("secondary: segment table beyond storage, store", &o);
    v = dat_access(ASC_SECONDARY, false, (uint64_t)(uintptr_t)&marker, 0, 0, &o);
    rt_checkf(!o.fired && v == 0x4242, "secondary below 2 GiB: through the region-third table");
}

static void test_frames(void)
{
    uint64_t p0 = (uint64_t)(uintptr_t)pages[0], p1 = (uint64_t)(uintptr_t)pages[1];
    struct outcome o;

    dat_load_p(p0 + 0x40, &o);
    check_addr("operand frame beyond storage, fetch", &o);
    dat_store_p(p1 + 0x80, 3, &o);
    check_addr("operand frame beyond storage, store", &o);
    dat_branch(p1, &o);
    dat_check_code("instruction fetch from a frame beyond storage", &o, PGM_ADDRESSING);
    rt_checkf(o.pi.ilc >= 1 && o.pi.ilc <= 3 && o.pi.addr == p1 + 2 * o.pi.ilc,
              "instruction fetch: ILC 1-3, old PSW that many halfwords past the page");
    dat_branch((uint64_t)(uintptr_t)pages[2], &o);
    dat_check_code("instruction fetch from an invalid page", &o, PGM_PAGE_TRANS);
    rt_checkf(o.pi.ilc >= 1 && o.pi.ilc <= 3 && o.pi.addr == (uint64_t)(uintptr_t)pages[2],
              "invalid page: ILC 1-3, old PSW at the page (nullified)");
}

int main(void)
{
    setup();
    test_tables();
    test_frames();
    return 0;
}
