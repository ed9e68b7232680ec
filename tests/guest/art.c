/* Access-register translation (PoO ch. 5 "Access-Register Translation",
 * ch. 10 "TEST ACCESS", "EXTRACT AND SET EXTENDED AUTHORITY", "BRANCH IN
 * SUBSPACE GROUP", "BRANCH AND SET AUTHORITY"): AR-mode accesses through a
 * dispatchable-unit access list (DUCT via CR2) and a primary-space access
 * list (primary ASTE via CR5), access-list-controlled protection, every ART
 * exception with its exception access id, TAR, ESEA, LRA and TPROT in the
 * AR mode, BSG between a base space and a subspace, and BSA in and out of
 * the reduced-authority state. QEMU 7.2 has no access-register
 * translation: sieve only (qemu-deviations.txt). */
#include "priv_common.h"
#include "space_common.h"

#define PGM_SPECIAL_OP      0x13
#define PGM_ALET_SPEC       0x28
#define PGM_ALEN_TRANS      0x29
#define PGM_ALE_SEQ         0x2a
#define PGM_ASTE_VALID      0x2b
#define PGM_ASTE_SEQ        0x2c
#define PGM_EXT_AUTH        0x2d

#define ALE_I       0x80000000u
#define ALE_F       0x02000000u
#define ALE_P       0x01000000u
#define ASCE_G      0x200ull            /* bit 54: subspace-group control */

static uint32_t duct[16] __attribute__((aligned(64)));
static uint32_t paste[16] __attribute__((aligned(64)));     /* primary (= base) ASTE */
static uint32_t aste_x[16] __attribute__((aligned(64)));    /* the X space */
static uint32_t aste_s[16] __attribute__((aligned(64)));    /* the secondary space */
static uint32_t aste_sub[16] __attribute__((aligned(64)));  /* a subspace */
static uint32_t aste_bad[16] __attribute__((aligned(64)));  /* invalid */
static uint32_t dual[8][4] __attribute__((aligned(128)));
static uint32_t psal[8][4] __attribute__((aligned(128)));
static uint8_t atab[16] __attribute__((aligned(4)));
static uint64_t xstab[2048] __attribute__((aligned(4096)));
static uint64_t xvtab[256] __attribute__((aligned(4096)));
static uint64_t xpage[512] __attribute__((aligned(4096)));
static uint64_t substab[2048] __attribute__((aligned(4096)));
static uint64_t subvtab[256] __attribute__((aligned(4096)));
static uint64_t subpage[512] __attribute__((aligned(4096)));

/* A space that maps 16 MiB identically and VBASE to @pg (filled with @tag). */
static void build_space(uint64_t *st, uint64_t *vt, uint64_t *pg, uint64_t tag)
{
    ident_map_16m(st, ptab);
    for (unsigned p = 0; p < 256; p++)
        vt[p] = 0x400;
    vt[0] = (uintptr_t)pg;
    st[1024] = (uintptr_t)vt;
    for (unsigned i = 0; i < 512; i++)
        pg[i] = tag << 32 | i;
}

static void set_ale(uint32_t *ale, uint32_t w0, const uint32_t *aste, uint32_t astesn)
{
    ale[0] = w0;
    ale[1] = 0;
    ale[2] = (uint32_t)(uintptr_t)aste;
    ale[3] = astesn;
}

static void set_aste(uint32_t *aste, uint32_t w0, uint64_t asce, uint32_t astesn)
{
    memset(aste, 0, 64);
    aste[0] = w0;
    aste[2] = (uint32_t)(asce >> 32);
    aste[3] = (uint32_t)asce;
    aste[5] = astesn;
}

static void build_tables(void)
{
    build_spaces();
    build_space(xstab, xvtab, xpage, 0x58);
    build_space(substab, subvtab, subpage, 0x5b);
    set_aste(paste, 0, (uintptr_t)stab[P] | 3, 1);
    set_aste(aste_x, (uint32_t)(uintptr_t)atab, (uintptr_t)xstab | 3, 0x1234);
    set_aste(aste_s, 0, (uintptr_t)stab[S] | 3, 7);
    set_aste(aste_sub, 0, (uintptr_t)substab | ASCE_G | 3, 0x55);
    set_aste(aste_bad, 0x80000000u, (uintptr_t)xstab | 3, 0x1234);
    /* Authority table of X: ATL 0 (EAX 0-15); EAX 5 has secondary authority. */
    memset(atab, 0, sizeof(atab));
    atab[1] = 0x10;
    set_ale(dual[0], ALE_I, aste_x, 0x1234);
    set_ale(dual[1], 0x00050000u, aste_x, 0x1234);
    set_ale(dual[2], ALE_F, aste_x, 0x1234);
    set_ale(dual[3], ALE_I, aste_x, 0x1234);
    set_ale(dual[4], 0x00070000u, aste_x, 0x1234);
    set_ale(dual[5], 0, aste_bad, 0x1234);
    set_ale(dual[6], 0, aste_x, 0x9999);
    set_ale(dual[7], ALE_P | 0x42, aste_x, 0x1234);
    for (unsigned i = 0; i < 8; i++)
        set_ale(psal[i], ALE_I, aste_x, 0);
    set_ale(psal[1], 0x00030000u, aste_s, 7);
    set_ale(psal[2], 0, aste_sub, 0x55);
    set_ale(psal[3], 0, (const uint32_t *)0x7ffff000ul, 0);  /* ASTE beyond 128 MiB */
    memset(duct, 0, sizeof(duct));
    duct[0] = (uint32_t)(uintptr_t)paste;
    duct[4] = (uint32_t)(uintptr_t)dual;            /* ALL 0: eight entries */
    paste[4] = (uint32_t)(uintptr_t)psal;
    rt_lctlg(2, (uintptr_t)duct);
    rt_lctlg(5, (uintptr_t)paste);
    rt_lctlg(8, 0);
}

struct ar_result {
    bool fired;
    struct rt_pgm_info pi;
    uint64_t v;
    uint64_t at;            /* address of the access */
    uint8_t eaid;
    uint64_t teid;
};

/* In the AR mode with AR4 = @alet: load @base+8 (or store @store_v there
 * when @store), base register 4. */
static void ar_access_at(uint64_t base, uint32_t alet, bool store, uint64_t store_v,
                         struct ar_result *r)
{
    uint64_t v = 0, at;
    uint8_t sm;

    *(volatile uint8_t *)0xa0 = 0xff;
    *(volatile uint64_t *)0xa8 = 0;
    rt_pgm_arm();
    asm volatile("  larl  %%r1,2f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[at],1f\n"
                 "  lgr   %%r4,%[a]\n"
                 "  sar   %%a4,%[alet]\n"
                 "  stosm %[sm],0x04\n"
                 "  sacf  0x200\n"
                 "  ltgr  %[st],%[st]\n"
                 "  jnz   3f\n"
                 "1: lg   %[v],8(%%r4)\n"
                 "  j     2f\n"
                 "3: stg  %[sv],8(%%r4)\n"
                 "2: sacf 0\n"
                 "  stnsm %[sm],0xfb\n"
                 : [v] "+d"(v), [at] "=&d"(at), [sm] "=Q"(sm),
                   [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [a] "d"(base), [alet] "d"(alet), [st] "d"((uint64_t)store),
                   [sv] "d"(store_v)
                 : "r1", "r4", "cc", "memory");
    r->fired = rt_pgm_disarm(&r->pi);
    r->v = v;
    r->at = at + (store ? 10 : 0);          /* the STG follows the J after 1: */
    r->eaid = rt_lc8(0xa0);
    r->teid = rt_lc64(0xa8);
}

/* ar_access_at VBASE. */
static void ar_access(uint32_t alet, bool store, uint64_t store_v, struct ar_result *r)
{
    ar_access_at(VBASE, alet, store, store_v, r);
}

static void test_access(void)
{
    struct ar_result r;

    ar_access(0x00050001, false, 0, &r);
    rt_check(!r.fired && r.v == (0x58ull << 32 | 1), "DU-AL entry 1: VBASE in the X space");
    ar_access(0x01030001, false, 0, &r);
    rt_check(!r.fired && r.v == (2ull << 32 | 1), "PS-AL entry 1: VBASE in the secondary space");
    ar_access(0, false, 0, &r);
    rt_check(!r.fired && r.v == (1ull << 32 | 1), "ALET 0: primary space");
    ar_access(1, false, 0, &r);
    rt_check(!r.fired && r.v == (2ull << 32 | 1), "ALET 1: secondary space");
    ar_access(0x00050001, true, 0xabcdef, &r);
    rt_check(!r.fired && xpage[1] == 0xabcdef, "store through DU-AL entry 1 reaches the X page");
    ar_access(0x00000002, false, 0, &r);
    rt_check(!r.fired && r.v == 0xabcdef, "fetch-only ALE: fetch allowed");
    ar_access(0x00000002, true, 0x1111, &r);
    rt_check(r.fired && r.pi.code == PGM_PROTECTION, "fetch-only ALE: store is a protection exception");
    rt_check_u64("fetch-only: TEID bit 60 and AR space id 01", r.teid, VBASE | 0x8 | 1);
    rt_check_u64("fetch-only: exception access id 4", r.eaid, 4);
    rt_check_u64("fetch-only: nothing stored", xpage[1], 0xabcdef);
    ar_access_at(VBASE + 0x1000, 0x00050001, false, 0, &r);
    rt_check(r.fired && r.pi.code == 0x11, "AR-specified space: page translation");
    rt_check_u64("page translation: TEID with space id 01", r.teid, VBASE + 0x1000 + 1);
    rt_check_u64("page translation: exception access id 4", r.eaid, 4);
    rt_check_u64("page translation: nullified", r.pi.addr, r.at);
}

struct art_case {
    const char *name;
    uint32_t alet;
    uint64_t eax;
    unsigned code;
};

static void test_exceptions(void)
{
    static const struct art_case cases[] = {
        { "ALET bit 6 one", 0x02000001, 0, PGM_ALET_SPEC },
        { "ALET bit 0 one", 0x80050001, 0, PGM_ALET_SPEC },
        { "ALEN 8 beyond the list", 0x00000008, 0, PGM_ALEN_TRANS },
        { "ALEN 3 invalid", 0x00000003, 0, PGM_ALEN_TRANS },
        { "PS-AL ALEN 0 invalid", 0x01000000, 0, PGM_ALEN_TRANS },
        { "ALESN 6 for ALE 7", 0x00060004, 0, PGM_ALE_SEQ },
        { "ALESN 4 for ALE 1 (ALESN 5)", 0x00040001, 0, PGM_ALE_SEQ },
        { "ASTE invalid", 0x00000005, 0, PGM_ASTE_VALID },
        { "ASTESN mismatch", 0x00000006, 0, PGM_ASTE_SEQ },
        { "private, EAX 6 without authority", 0x00000007, 6, PGM_EXT_AUTH },
        { "private, EAX 16 beyond the authority table", 0x00000007, 16, PGM_EXT_AUTH },
        { "private, EAX 0x42 = ALEAX", 0x00000007, 0x42, 0 },
        { "private, EAX 5 with secondary authority", 0x00000007, 5, 0 },
        { "ASTE outside storage", 0x01000003, 0, PGM_ADDRESSING },
    };
    struct ar_result r;

    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct art_case *c = &cases[i];

        rt_lctlg(8, c->eax << 16);
        ar_access(c->alet, false, 0, &r);
        if (c->code == 0) {
            rt_checkf(!r.fired && r.v == 0xabcdef, "%s: access allowed", c->name);
            continue;
        }
        rt_checkf(r.fired && r.pi.code == c->code, "%s: code %#x", c->name, c->code);
        if (c->code == PGM_ADDRESSING)
            continue;
        rt_checkf(r.eaid == 4, "%s: exception access id 4", c->name);
        /* ALET specification suppresses; the other ART exceptions nullify. */
        rt_checkf(r.pi.addr == (c->code == PGM_ALET_SPEC ? r.at + 6 : r.at),
                  "%s: old PSW %s the instruction", c->name,
                  c->code == PGM_ALET_SPEC ? "after" : "at");
    }
    rt_lctlg(8, 0);
}

/* TAR with AR4 = @alet and GR5 = @eax. Returns the CC. */
static unsigned tar(uint32_t alet, uint64_t eax)
{
    uint64_t ipm;

    asm volatile("  sar   %%a4,%[alet]\n"
                 "  lgr   %%r5,%[eax]\n"
                 "  .insn rre,0xb24c0000,%%r4,%%r5\n"
                 "  ipm   %[ipm]\n"
                 : [ipm] "=d"(ipm) : [alet] "d"(alet), [eax] "d"(eax) : "r5", "cc");
    return rt_cc_from_ipm(ipm);
}

static void test_tar(void)
{
    static const struct {
        const char *name;
        uint32_t alet;
        uint64_t eax;
        unsigned cc;
    } cases[] = {
        { "ALET 0", 0, 0, 0 },
        { "ALET 1", 1, 0, 3 },
        { "DU-AL entry", 0x00050001, 0, 1 },
        { "PS-AL entry", 0x01030001, 0, 2 },
        { "ALET specification", 0x04000001, 0, 3 },
        { "ALEN invalid", 0x00000003, 0, 3 },
        { "ALE sequence", 0x00010001, 0, 3 },
        { "ASTE validity", 0x00000005, 0, 3 },
        { "ASTE sequence", 0x00000006, 0, 3 },
        { "private, EAX from R2 = ALEAX", 0x00000007, 0x42, 1 },
        { "private, EAX 5 authorized", 0x00000007, 5, 1 },
        { "private, EAX 6", 0x00000007, 6, 3 },
        { "R2 bits 0-47 ignored", 0x00000007, 0xffffffffffff0042ull, 1 },
    };

    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        rt_checkf(tar(cases[i].alet, cases[i].eax) == cases[i].cc, "tar %s: cc %u",
                  cases[i].name, cases[i].cc);
}

static void test_esea(void)
{
    uint64_t r = 0x1111222233334444ull;

    rt_lctlg(8, 0xaaaabbbbccccddddull);
    asm volatile(".insn rre,0xb99d0000,%[r],0" : [r] "+d"(r));
    rt_check_u64("esea: old EAX in bits 48-63, bits 0-47 kept", r, 0x111122223333ccccull);
    rt_check_u64("esea: EAX from bits 32-47 of R1", rt_stctg(8), 0xaaaabbbb3333ddddull);
    rt_lctlg(8, 0);
}

/* LRA and TPROT of VBASE in the AR mode with AR4 = @alet. */
static void lra_tprot(uint32_t alet, uint64_t *lra, unsigned *lra_cc, unsigned *tprot_cc)
{
    uint64_t r = 0, ipm1, ipm2;
    uint8_t sm;

    asm volatile("  lgr   %%r4,%[a]\n"
                 "  sar   %%a4,%[alet]\n"
                 "  stosm %[sm],0x04\n"
                 "  sacf  0x200\n"
                 "  lrag  %[r],8(%%r4)\n"
                 "  ipm   %[i1]\n"
                 "  tprot 8(%%r4),0\n"
                 "  ipm   %[i2]\n"
                 "  sacf  0\n"
                 "  stnsm %[sm],0xfb\n"
                 : [r] "+d"(r), [i1] "=&d"(ipm1), [i2] "=&d"(ipm2), [sm] "=Q"(sm)
                 : [a] "d"(VBASE), [alet] "d"(alet) : "r4", "cc", "memory");
    *lra = r;
    *lra_cc = rt_cc_from_ipm(ipm1);
    *tprot_cc = rt_cc_from_ipm(ipm2);
}

static void test_lra_tprot(void)
{
    uint64_t r;
    unsigned lcc, tcc;

    lra_tprot(0x00050001, &r, &lcc, &tcc);
    rt_check(lcc == 0 && r == (uintptr_t)xpage + 8, "lrag AR mode: real address in the X space");
    rt_check_u64("tprot AR mode: cc 0", tcc, 0);
    lra_tprot(0x00000002, &r, &lcc, &tcc);
    rt_check_u64("tprot fetch-only ALE: cc 1", tcc, 1);
    lra_tprot(0x00000005, &r, &lcc, &tcc);
    rt_check(lcc == 3 && (uint32_t)r == 0x8000002b, "lrag ASTE validity: cc 3, code in R1");
    rt_check_u64("tprot ASTE validity: cc 3", tcc, 3);
}

/* BSG to the space of ALET @alet (AR6) and read VBASE+8 in the primary mode
 * there; then BSG back to the base space with ALET 0. */
struct bsg_result {
    uint64_t v, link, cr1, cr7, back_cr1;
    uint32_t duct1, duct3;  /* DUCT words 1 and 3 in the subspace */
    uint64_t next;          /* expected link: the address after the first BSG */
};

static void bsg_round(uint32_t alet, struct bsg_result *r)
{
    uint8_t sm;

    asm volatile("  larl  %%r5,1f\n"
                 "  larl  %[next],0f\n"
                 "  sar   %%a5,%[alet]\n"
                 "  stosm %[sm],0x04\n"
                 "  .insn rre,0xb2580000,%%r7,%%r5\n"
                 "0: j    9f\n"
                 "1: lg   %[v],8(%[a])\n"
                 "  stctg %%c1,%%c1,%[cr1]\n"
                 "  stctg %%c7,%%c7,%[cr7]\n"
                 "  lgr   %[link],%%r7\n"
                 "  l     %%r7,4(%[d])\n"
                 "  st    %%r7,%[d1]\n"
                 "  l     %%r7,12(%[d])\n"
                 "  st    %%r7,%[d3]\n"
                 "  larl  %%r5,2f\n"
                 "  sar   %%a5,%[zero]\n"
                 "  .insn rre,0xb2580000,0,%%r5\n"
                 "9: j    9b\n"
                 "2: stctg %%c1,%%c1,%[bcr1]\n"
                 "  stnsm %[sm],0xfb\n"
                 : [v] "=&d"(r->v), [link] "=&d"(r->link), [cr1] "=Q"(r->cr1),
                   [cr7] "=Q"(r->cr7), [bcr1] "=Q"(r->back_cr1), [next] "=&d"(r->next),
                   [sm] "=Q"(sm), [d1] "=Q"(r->duct1), [d3] "=Q"(r->duct3)
                 : [alet] "d"(alet), [a] "a"(VBASE), [zero] "d"(0u), [d] "a"(duct)
                 : "r5", "r7", "cc", "memory");
}

static void test_bsg(void)
{
    const uint64_t cr1 = rt_stctg(1);
    struct bsg_result r;

    rt_lctlg(1, cr1 | 0xc0);                /* storage-alteration and space-switch events */
    rt_lctlg(13, cr1);
    bsg_round(0x01000002, &r);
    rt_check_u64("bsg to the subspace: VBASE of the subspace", r.v, 0x5bull << 32 | 1);
    rt_check_u64("bsg: CR1 = subspace ASCE, event bits kept", r.cr1,
                 (uintptr_t)substab | ASCE_G | 3 | 0xc0);
    rt_check_u64("bsg: CR7 = new CR1", r.cr7, r.cr1);
    rt_check_u64("bsg: link = updated address", r.link, r.next);
    rt_check_u64("bsg: DUCT word 1 subspace active, SSASTEO", r.duct1,
                 0x80000000u | (uint32_t)(uintptr_t)aste_sub);
    rt_check_u64("bsg: DUCT word 3 SSASTESN", r.duct3, 0x55);
    rt_check_u64("bsg ALET 0: CR1 = base ASTE ASCE", r.back_cr1, (uintptr_t)stab[P] | 3);
    rt_check_u64("bsg ALET 0: subspace active off", duct[1], (uint32_t)(uintptr_t)aste_sub);
    bsg_round(1, &r);
    rt_check_u64("bsg ALET 1: last-used subspace", r.v, 0x5bull << 32 | 1);
    rt_check_u64("bsg ALET 1: subspace active again", r.duct1 >> 31, 1);
    rt_lctlg(1, cr1);
    rt_lctlg(7, (uintptr_t)stab[S] | 3);
}

static void bsg_dat_off(void *arg __attribute__((unused)))
{
    asm volatile("  larl  %%r5,0f\n"
                 "  .insn rre,0xb2580000,0,%%r5\n"
                 "0:\n" : : : "r5", "memory");
}

/* BSG with DAT on to the space of ALET @alet in AR6 (GR6 = the address after
 * it). Returns the program-interruption code (0: none) with *eaid. */
static unsigned bsg_try(uint32_t alet, uint8_t *eaid)
{
    struct rt_pgm_info pi;
    uint8_t sm;

    *(volatile uint8_t *)0xa0 = 0xff;
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %%r6,1f\n"
                 "  sar   %%a6,%[alet]\n"
                 "  stosm %[sm],0x04\n"
                 "  .insn rre,0xb2580000,0,%%r6\n"
                 "1: stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [alet] "d"(alet) : "r1", "r6", "cc", "memory");
    *eaid = rt_lc8(0xa0);
    return rt_pgm_disarm(&pi) ? pi.code : 0;
}

static void test_bsg_exceptions(void)
{
    const uint64_t cr1 = rt_stctg(1), cr7 = rt_stctg(7);
    uint8_t eaid;

    duct[1] = 0;
    rt_check_u64("bsg ALET 1 without a last-used subspace: special operation",
                 bsg_try(1, &eaid), PGM_SPECIAL_OP);
    rt_check_u64("bsg to a space that is no subspace (G zero): special operation",
                 bsg_try(0x00050001, &eaid), PGM_SPECIAL_OP);
    rt_check_u64("bsg special ART: ALEN invalid", bsg_try(0x00000003, &eaid), PGM_ALEN_TRANS);
    rt_check_u64("bsg ART exception: exception access id 6", eaid, 6);
    duct[1] = (uint32_t)(uintptr_t)aste_bad;
    duct[3] = 0x1234;
    rt_check_u64("bsg ALET 1, subspace ASTE invalid: ASTE validity",
                 bsg_try(1, &eaid), PGM_ASTE_VALID);
    duct[1] = (uint32_t)(uintptr_t)aste_sub;
    duct[3] = 0x54;
    rt_check_u64("bsg ALET 1, SSASTESN mismatch: ASTE sequence", bsg_try(1, &eaid),
                 PGM_ASTE_SEQ);
    rt_lctlg(5, (uintptr_t)aste_s);
    rt_check_u64("bsg outside the base space: special operation", bsg_try(0, &eaid),
                 PGM_SPECIAL_OP);
    rt_lctlg(5, (uintptr_t)paste);
    rt_check(rt_stctg(1) == cr1 && rt_stctg(7) == cr7, "bsg exceptions: CR1 and CR7 unchanged");
}

asm(".section .text\n"
    "  .balign 2\n"
    "art_bsa: .insn rre,0xb25a0000,%r0,%r1\n"
    "  .previous\n");
extern const char art_bsa[];

static void bsa_r2_zero(void *arg __attribute__((unused)))
{
    asm volatile(".insn rre,0xb25a0000,%%r1,0" : : : "r1", "memory");
}

/* BSA into the reduced-authority state with key 3 and PKM 0x9000, EPSW
 * there, BSA back. */
static void test_bsa(void)
{
    const uint64_t cr3 = rt_stctg(3);
    uint64_t psw, link, next;
    struct rt_pgm_info pi;

    duct[5] = 0;
    rt_lctlg(3, 0x00000000f0000000ull);
    asm volatile("  larl  %%r5,1f\n"
                 "  llilf %%r4,0x90000030\n"
                 "  .insn rre,0xb25a0000,%%r4,%%r5\n"
                 "0: j    2f\n"
                 "1: epsw %[psw],%%r1\n"
                 "  .insn rre,0xb25a0000,%%r7,0\n"
                 "3: j    3b\n"
                 "2: lgr  %[link],%%r7\n"
                 "  larl  %[next],3b\n"
                 : [psw] "=&d"(psw), [link] "=&d"(link), [next] "=&d"(next)
                 : : "r1", "r4", "r5", "r7", "cc", "memory");
    rt_check_u64("bsa: key 3 and the problem state", (uint32_t)psw >> 16 & 0xf1, 0x31);
    rt_check_u64("bsa return: link in R1", link, next);
    rt_check_u64("bsa return: PSW-key mask restored", rt_stctg(3), 0x00000000f0000000ull);
    rt_check_u64("bsa return: DUCT word 5 (PKM, key 0, RA off)", duct[5], 0xf0000000u);
    rt_check_u64("bsa base state, R2 zero: special operation",
                 rt_pgm_try(bsa_r2_zero, NULL, &pi), PGM_SPECIAL_OP);
    rt_check_u64("bsg with DAT off: special operation",
                 rt_pgm_try(bsg_dat_off, NULL, &pi), PGM_SPECIAL_OP);
    duct[5] = 0;
    rt_lctlg(3, 0x0000000080000000ull);     /* PSW-key mask: key 0 only */
    rt_check_u64("bsa in the problem state, key 5 not in the PSW-key mask: privileged",
                 in_problem_state_regs(art_bsa, 0x50, 0x20000), PGM_PRIVILEGED);
    rt_check_u64("bsa privileged operation: DUCT word 5 unchanged", duct[5], 0);
    rt_lctlg(3, cr3);
}

int main(void)
{
    build_tables();
    test_access();
    test_exceptions();
    test_tar();
    test_esea();
    test_lra_tprot();
    test_bsg();
    test_bsg_exceptions();
    test_bsa();
    return 0;
}
