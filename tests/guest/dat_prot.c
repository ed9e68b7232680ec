/* DAT protection (PoO ch. 3 "DAT Protection", "Suppression on Protection";
 * ch. 10 "TEST PROTECTION", "STORE USING REAL ADDRESS"): the page-table
 * and segment-table P bits refuse stores (protection, TEID bit 61 and the
 * page) but allow operand fetches and instruction fetches; protection
 * belongs to the translation path, not the frame (an unprotected alias of
 * the same frame stores); a store that would cross from an unprotected
 * into a protected page is suppressed as a whole (MVC; for STMG only the
 * exception is checked: QEMU 7.2 stores the part in the unprotected page
 * first), as is TEST AND SET; TPROT gives CC 1 for either P bit, CC 0 without, CC 3 for an
 * invalid page; a real-address store (STURA) ignores DAT protection. */
#include "dat_common.h"
#include "psw_run.h"

#define SEG_ALIAS   0x2000000ull        /* segment 32: alias of buf's segment, P bit */
#define DAT64       (PSW_MASK_64 | PSW_MASK_DAT)

static uint64_t stab[2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));
static uint8_t buf[3][4096] __attribute__((aligned(4096)));
static uint8_t code[4096] __attribute__((aligned(4096)));

/* IPM word after TPROT. */
uint64_t dat_prot_ipm;

/* Virtual address of @p through the segment-protected alias. */
static uint64_t seg_alias(const void *p)
{
    return SEG_ALIAS + ((uint64_t)(uintptr_t)p & 0xfffff);
}

/* Page-table entry of the identity-mapped address @p. */
static uint64_t *pte(const void *p)
{
    uint64_t a = (uint64_t)(uintptr_t)p;

    return &ptab[a >> 20][(a >> 12) & 0xff];
}

/* buf[1] page-protected, buf[2] invalid, buf's segment also reachable at
 * SEG_ALIAS through a protected segment-table entry. */
static void setup(void)
{
    uint64_t b = (uint64_t)(uintptr_t)buf;

    ident_map_16m(stab, ptab);
    *pte(buf[1]) |= PTE_P;
    *pte(buf[2]) |= PTE_I;
    stab[SEG_ALIAS >> 20] = (uint64_t)(uintptr_t)ptab[b >> 20] | STE_P;
    rt_lctlg(1, (uint64_t)(uintptr_t)stab | ASCE_TL(3));
    asm volatile("ptlb" : : : "memory");
}

/* Check a suppressed DAT-protection exception of the instruction at @at
 * (@len bytes) for the page of @addr. */
static void check_prot(const char *what, const struct rt_pgm_info *pi, uint64_t at,
                       unsigned len, uint64_t addr)
{
    rt_checkf(pi->fired && pi->code == PGM_PROTECTION, "%s: protection (got 0x%x)", what,
              pi->fired ? pi->code : 0);
    rt_checkf(pi->addr == at + len, "%s: suppressed, old PSW past the instruction", what);
    rt_check_u64(what, rt_lc64(LC_TEID) & TEID_MASK,
                 (addr & ~0xfffull) | TEID_PROT_DAT);
}

static void test_store_fetch(void)
{
    uint64_t a1 = (uint64_t)(uintptr_t)buf[1], sa = seg_alias(buf[0]);
    struct outcome o;
    uint64_t v;

    *(volatile uint64_t *)(buf[1] + 8) = 0x1111;
    *(volatile uint64_t *)(buf[0] + 8) = 0x2222;
    dat_store_p(a1 + 8, 5, &o);
    dat_check_code("store to a page-protected page", &o, PGM_PROTECTION);
    rt_check_u64("page P: TEID", o.teid, a1 | TEID_PROT_DAT);
    rt_checkf(o.pi.addr == o.at + 6, "page P: suppressed, old PSW past STG");
    v = dat_load_p(a1 + 8, &o);
    rt_checkf(!o.fired && v == 0x1111, "fetch from a page-protected page");
    dat_store_p(sa + 8, 6, &o);
    dat_check_code("store through a segment-protected entry", &o, PGM_PROTECTION);
    rt_check_u64("segment P: TEID", o.teid, (sa & ~0xfffull) | TEID_PROT_DAT);
    v = dat_load_p(sa + 8, &o);
    rt_checkf(!o.fired && v == 0x2222, "fetch through a segment-protected entry");
    dat_store_p((uint64_t)(uintptr_t)buf[0] + 8, 7, &o);
    rt_checkf(!o.fired && *(volatile uint64_t *)(buf[0] + 8) == 7,
              "the same frame through an unprotected entry stores");
}

static void test_suppression(void)
{
    uint64_t a1 = (uint64_t)(uintptr_t)buf[1];
    struct rt_pgm_info pi;
    uint64_t at;

    for (unsigned i = 0; i < 64; i++)
        buf[0][4032 + i] = 0x5a;
    PSW_RUN(&pi, &at, DAT64, "mvc 0(16,%%r2),0(%%r3)", buf[0] + 4088, buf[0]);
    check_prot("mvc into the protected page", &pi, at, 6, a1);
    rt_checkf(buf[0][4088] == 0x5a && buf[0][4095] == 0x5a,
              "mvc: nothing stored in the unprotected page");
    PSW_RUN(&pi, &at, DAT64, "stmg %%r0,%%r3,0(%%r2)", buf[0] + 4080, 0);
    check_prot("stmg into the protected page", &pi, at, 6, a1);
    buf[1][0] = 0;
    PSW_RUN(&pi, &at, DAT64, "ts 0(%%r2)", buf[1], 0);
    check_prot("ts on the protected page", &pi, at, 4, a1);
    rt_check_u64("ts: byte unchanged", buf[1][0], 0);
}

static void test_tprot(void)
{
    static const char *const what[] = {
        "tprot unprotected page: cc 0", "tprot page P: cc 1", "tprot segment P: cc 1",
        "tprot invalid page: cc 3",
    };
    const uint64_t addr[] = {
        (uint64_t)(uintptr_t)buf[0], (uint64_t)(uintptr_t)buf[1], seg_alias(buf[0]),
        (uint64_t)(uintptr_t)buf[2],
    };
    const unsigned cc[] = { 0, 1, 1, 3 };
    struct rt_pgm_info pi;
    uint64_t at;

    for (unsigned i = 0; i < 4; i++) {
        PSW_RUN(&pi, &at, DAT64, "tprot 0(%%r2),0\n ipm %%r3\n larl %%r1,dat_prot_ipm\n"
                " stg %%r3,0(%%r1)", addr[i], 0);
        rt_checkf(!pi.fired && rt_cc_from_ipm(dat_prot_ipm) == cc[i], "%s", what[i]);
    }
}

/* Instructions run from a protected page, and a real store into one. */
static void test_fetch_real(void)
{
    static const uint8_t text[] = {
        0xa7, 0x39, 0x00, 0x2a,         /* lghi %r3,42 */
        0x07, 0xf1,                     /* br   %r1 */
    };
    struct rt_pgm_info pi;
    uint64_t at, r;

    for (unsigned i = 0; i < sizeof(text); i++)
        code[i] = text[i];
    *pte(code) |= PTE_P;
    asm volatile("ptlb" : : : "memory");
    PSW_RUN(&pi, &at, DAT64, "lghi %%r3,0\n basr %%r1,%%r2\n larl %%r1,dat_prot_ipm\n"
            " stg %%r3,0(%%r1)", code, 0);
    r = dat_prot_ipm;
    rt_checkf(!pi.fired && r == 42, "instructions run from a page-protected page");
    PSW_RUN(&pi, &at, DAT64, "stura %%r3,%%r2", buf[1] + 64, 0x77665544);
    rt_checkf(!pi.fired && *(volatile uint32_t *)(buf[1] + 64) == 0x77665544,
              "stura into a page-protected frame: stored (real address)");
}

int main(void)
{
    setup();
    test_store_fetch();
    test_suppression();
    test_tprot();
    test_fetch_real();
    return 0;
}
