/* Shared part of dat_teid and dat_teid_strict: three address spaces and
 * the TEID checks of translation and DAT-protection exceptions in one
 * address-space mode. PoO ch. 3 "Translation-Exception Identification". */
#ifndef DAT_TEID_COMMON_H
#define DAT_TEID_COMMON_H

#include "dat_common.h"

#define VBASE       0x40000000ull       /* segment 1024 */
#define VINV_PAGE   (VBASE + 0x1000)    /* page invalid */
#define VPROT_PAGE  (VBASE + 0x2000)    /* page protected */
#define VINV_SEG    (VBASE + 0x100000)  /* segment 1025 invalid */
#define VPROT_SEG   (VBASE + 0x200000)  /* segment 1026 protected */
#define VHIGH       0x80000000ull       /* beyond a segment table's reach */

enum { P, S, H };

static uint64_t stab[3][2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));
static uint64_t vtab[3][256] __attribute__((aligned(4096)));
static uint64_t page[3][512] __attribute__((aligned(4096)));

/* Each space identity-maps 16 MiB; VBASE maps page[space], VBASE + 4K is
 * invalid, VBASE + 8K maps page[space] protected; segment 1025 is invalid
 * and segment 1026 maps the VBASE pages with the segment protected. */
static void build_spaces(void)
{
    for (unsigned sp = 0; sp < 3; sp++) {
        ident_map_16m(stab[sp], ptab);
        for (unsigned p = 0; p < 256; p++)
            vtab[sp][p] = PTE_I;
        vtab[sp][0] = (uintptr_t)page[sp];
        vtab[sp][2] = (uintptr_t)page[sp] | PTE_P;
        stab[sp][1024] = (uintptr_t)vtab[sp];
        stab[sp][1026] = (uintptr_t)vtab[sp] | STE_P;
        for (unsigned i = 0; i < 512; i++)
            page[sp][i] = (uint64_t)(sp + 1) << 32 | i;
    }
    rt_lctlg(1, (uintptr_t)stab[P] | 3);
    rt_lctlg(7, (uintptr_t)stab[S] | 3);
    rt_lctlg(13, (uintptr_t)stab[H] | 3);
    asm volatile("ptlb" ::: "memory");
}

struct mode {
    const char *name;
    unsigned asc;
    uint32_t alet;
    unsigned space;     /* the space the operand is translated in */
    uint64_t bits;      /* TEID bits 62-63 */
};


/* Check the access-id byte in the AR mode (the base register is GR4). */
static void check_access_id(const struct mode *m, const char *what)
{
    if (m->asc == ASC_AR)
        rt_checkf(rt_lc8(LC_ACCESS_ID) == 4, "%s, %s: exception access id 4", m->name, what);
}

/* The translation exceptions of a load in mode @m. */
static void test_translation(const struct mode *m)
{
    char what[96];
    struct outcome o;
    uint64_t v;

    v = dat_access(m->asc, false, VBASE + 0x38, 0, m->alet, &o);
    rt_checkf(!o.fired && v == ((uint64_t)(m->space + 1) << 32 | 7),
              "%s: VBASE maps the page of the expected space", m->name);
    *(volatile uint8_t *)LC_ACCESS_ID = 0xff;
    dat_access(m->asc, false, VINV_PAGE + 0x48, 0, m->alet, &o);
    rt_snprintf(what, sizeof(what), "%s: page translation TEID", m->name);
    dat_check_nullified(what, &o, PGM_PAGE_TRANS, VINV_PAGE | m->bits);
    check_access_id(m, "page translation");
    *(volatile uint8_t *)LC_ACCESS_ID = 0xff;
    dat_access(m->asc, true, VINV_SEG + 0x5008, 1, m->alet, &o);
    rt_snprintf(what, sizeof(what), "%s: segment translation (store) TEID", m->name);
    dat_check_nullified(what, &o, PGM_SEG_TRANS, (VINV_SEG + 0x5000) | m->bits);
    check_access_id(m, "segment translation");
    dat_access(m->asc, false, VHIGH + 0x7ff8, 0, m->alet, &o);
    rt_snprintf(what, sizeof(what), "%s: ASCE-type TEID", m->name);
    dat_check_nullified(what, &o, PGM_ASCE_TYPE, (VHIGH + 0x7000) | m->bits);
}

/* Check a suppressed protection exception of STG and its TEID. */
static void check_protection(const struct mode *m, const char *what, const struct outcome *o,
                             uint64_t teid)
{
    rt_checkf(o->fired && o->pi.code == PGM_PROTECTION, "%s, %s: protection", m->name, what);
    rt_checkf(o->pi.ilc == 3 && o->pi.addr == o->at + 6,
              "%s, %s: old PSW past STG (suppressed)", m->name, what);
    rt_checkf(o->teid == teid, "%s, %s: TEID page, bit 61, space bits", m->name, what);
    if (o->teid != teid)
        rt_diag("got 0x%llx expected 0x%llx", (unsigned long long)o->teid,
                (unsigned long long)teid);
    check_access_id(m, what);
}

/* DAT protection of a store in mode @m; fetches are allowed. */
static void test_protection(const struct mode *m)
{
    const uint64_t want = (uint64_t)(m->space + 1) << 32 | 9;
    struct outcome o;
    uint64_t v;

    v = dat_access(m->asc, false, VPROT_PAGE + 0x48, 0, m->alet, &o);
    rt_checkf(!o.fired && v == want, "%s: fetch from a protected page", m->name);
    *(volatile uint8_t *)LC_ACCESS_ID = 0xff;
    dat_access(m->asc, true, VPROT_PAGE + 0x48, 0x77, m->alet, &o);
    check_protection(m, "page-protected store", &o, VPROT_PAGE | TEID_PROT_DAT | m->bits);
    rt_checkf(page[m->space][9] == want, "%s: page-protected store suppressed", m->name);
    v = dat_access(m->asc, false, VPROT_SEG + 0x48, 0, m->alet, &o);
    rt_checkf(!o.fired && v == want, "%s: fetch from a protected segment", m->name);
    *(volatile uint8_t *)LC_ACCESS_ID = 0xff;
    dat_access(m->asc, true, VPROT_SEG + 0x48, 0x77, m->alet, &o);
    check_protection(m, "segment-protected store", &o, VPROT_SEG | TEID_PROT_DAT | m->bits);
}

#endif
