/* Dynamic address translation from the inside: page tables built in the
 * guest, DAT turned on with STOSM, translated accesses, the translation and
 * protection exceptions with their codes, old PSWs and TEIDs, and IPTE,
 * IDTE, PTLB, CSP(G), LRAG, TPROT, LURA/STURA, TB. PoO chapters 3 and 10.
 * TEID bits 52-53 (facility 75, fetch/store indication) are masked: QEMU
 * sets them, sieve's models do not offer the facility. */
#include "dat_common.h"

#define PTE_BIT52       0x800ull
#define VBASE           0x40000000ull   /* segment 1024: test mappings */

static uint64_t stab[2048] __attribute__((aligned(4096)));
static uint64_t ptab[17][256] __attribute__((aligned(4096)));
static uint8_t page_a[4096] __attribute__((aligned(4096)));
static uint8_t page_b[4096] __attribute__((aligned(4096)));
static uint8_t page_c[4096] __attribute__((aligned(4096)));
static uint64_t stab2[2048] __attribute__((aligned(4096)));
static uint64_t ptab2[256] __attribute__((aligned(4096)));

/* Identity-map the first 16 MiB; segment 1024 maps VBASE + n * 4K:
 * 0 page_a, 1 page_b, 2 invalid, 3 page_a protected, 4 bit 52 set. */
static void build_tables(void)
{
    for (unsigned i = 0; i < 2048; i++)
        stab[i] = STE_I;
    for (unsigned s = 0; s < 16; s++) {
        stab[s] = (uint64_t)(uintptr_t)ptab[s];
        for (unsigned p = 0; p < 256; p++)
            ptab[s][p] = ((uint64_t)s << 20) | ((uint64_t)p << 12);
    }
    for (unsigned p = 0; p < 256; p++)
        ptab[16][p] = PTE_I;
    ptab[16][0] = (uintptr_t)page_a;
    ptab[16][1] = (uintptr_t)page_b;
    ptab[16][3] = (uintptr_t)page_a | PTE_P;
    ptab[16][4] = (uintptr_t)page_a | PTE_BIT52;
    stab[1024] = (uintptr_t)ptab[16];
    rt_lctlg(1, (uintptr_t)stab | 3);
    asm volatile("ptlb" ::: "memory");
}

static void test_translated_access(void)
{
    struct outcome o;
    uint64_t v;

    memset(page_a, 0, sizeof(page_a));
    memset(page_b, 0, sizeof(page_b));
    dat_store_p(VBASE + 0x10, 0x1122334455667788ull, &o);
    rt_check(!o.fired, "store through DAT");
    rt_check_u64("store reached page_a", *(uint64_t *)(page_a + 0x10), 0x1122334455667788ull);
    *(uint64_t *)(page_b + 0x20) = 0xabcdef;
    v = dat_load_p(VBASE + 0x1020, &o);
    rt_check(!o.fired, "load through DAT");
    rt_check_u64("load from page_b", v, 0xabcdef);
    v = dat_load_p((uintptr_t)&page_c[8], &o);
    rt_check(!o.fired && v == 0, "identity-mapped load");
}

static void test_exceptions(void)
{
    struct outcome o;

    dat_load_p(VBASE + 0x2008, &o);
    dat_check_nullified("page-translation", &o, PGM_PAGE_TRANS, VBASE + 0x2000);
    dat_store_p(VBASE + 0x100000, 1, &o);
    dat_check_nullified("segment-translation (invalid)", &o, PGM_SEG_TRANS, VBASE + 0x100000);
    rt_lctlg(1, (uintptr_t)stab | 1);
    dat_load_p(VBASE, &o);
    dat_check_nullified("segment-translation (table length)", &o, PGM_SEG_TRANS, VBASE);
    rt_lctlg(1, (uintptr_t)stab | 3);
    dat_load_p(0x80000000ull + 0x5000, &o);
    dat_check_nullified("ASCE-type", &o, PGM_ASCE_TYPE, 0x80005000ull);
    dat_load_p(0x123456789000ull, &o);
    dat_check_nullified("ASCE-type (high address)", &o, PGM_ASCE_TYPE, 0x123456789000ull);
    dat_load_p(VBASE + 0x4000, &o);
    rt_check(o.fired && o.pi.code == PGM_TRANS_SPEC, "PTE bit 52: translation specification");
    stab[1025] = 0x10000000;   /* a page table beyond the 128 MiB of storage */
    dat_load_p(VBASE + 0x100000, &o);
    rt_check(o.fired && o.pi.code == 0x05, "page table outside storage: addressing");
    stab[1025] = STE_I;
}

static void test_protection(void)
{
    struct outcome o;
    uint64_t v;

    *(uint64_t *)(page_a + 0x30) = 0x55;
    v = dat_load_p(VBASE + 0x3030, &o);
    rt_check(!o.fired && v == 0x55, "protected page: fetch allowed");
    dat_store_p(VBASE + 0x3030, 0x66, &o);
    rt_check(o.fired, "protected page: store interrupts");
    rt_check_u64("protection code", o.pi.code, 0x04);
    rt_check_u64("protection: old PSW past the instruction (suppressed)", o.pi.addr, o.at + 6);
    rt_check_u64("protection TEID: address, bit 61 (DAT), primary", o.teid, VBASE + 0x3004);
    rt_check_u64("protection: storage unchanged", *(uint64_t *)(page_a + 0x30), 0x55);
    /* segment protection */
    stab[1024] |= PTE_P;
    asm volatile("ptlb" ::: "memory");
    dat_store_p(VBASE + 0x1000, 1, &o);
    rt_check(o.fired && o.pi.code == 0x04, "segment-protected: store interrupts");
    rt_check_u64("segment-protected TEID", o.teid, VBASE + 0x1004);
    stab[1024] &= ~PTE_P;
    asm volatile("ptlb" ::: "memory");
}

static void test_ipte_ptlb(void)
{
    struct outcome o;
    uint64_t v;

    *(uint64_t *)page_b = 0xbbbb;
    *(uint64_t *)page_a = 0xaaaa;
    v = dat_load_p(VBASE, &o);
    rt_check(!o.fired && v == 0xaaaa, "VBASE maps page_a");
    ptab[16][0] = (uintptr_t)page_b;
    asm volatile("ptlb" ::: "memory");
    v = dat_load_p(VBASE, &o);
    rt_check(!o.fired && v == 0xbbbb, "after PTE change and PTLB: page_b");
    asm volatile("ipte %0,%1" : : "a"((uintptr_t)ptab[16]), "a"(VBASE) : "memory");
    rt_check_u64("ipte set the page-invalid bit", ptab[16][0], (uintptr_t)page_b | PTE_I);
    dat_load_p(VBASE + 8, &o);
    dat_check_nullified("after IPTE", &o, PGM_PAGE_TRANS, VBASE);
    ptab[16][0] = (uintptr_t)page_a;
    asm volatile("ptlb" ::: "memory");
}

static void test_idte(void)
{
    struct outcome o;
    uint64_t v;

    v = dat_load_p(VBASE, &o);
    rt_check(!o.fired && v == 0xaaaa, "before IDTE");
    /* R1: segment-table designation (DT 0), R2: index of segment 1024, count 0 */
    asm volatile("idte %0,%%r0,%1" : : "a"((uintptr_t)stab), "a"(VBASE) : "memory");
    rt_check_u64("idte set the segment-invalid bit", stab[1024], (uintptr_t)ptab[16] | STE_I);
    rt_check_u64("idte left the next entry", stab[1025], STE_I);
    dat_load_p(VBASE, &o);
    dat_check_nullified("after IDTE", &o, PGM_SEG_TRANS, VBASE);
    stab[1024] = (uintptr_t)ptab[16];
    asm volatile("ptlb" ::: "memory");
}

static void test_csp(void)
{
    struct outcome o;
    uint64_t ipm, r2out;
    uint32_t *lo = (uint32_t *)&ptab[16][0] + 1;
    uint32_t cur = *lo;

    /* mismatch: CC 1, R1 gets the operand */
    asm volatile("lgfi %%r2,1\n\tlgr %%r3,%[n]\n\tcsp %%r2,%[a]\n\tipm %[ipm]\n\tlgr %[o],%%r2"
                 : [ipm] "=d"(ipm), [o] "=d"(r2out)
                 : [n] "d"((uint64_t)(cur | PTE_I)), [a] "a"((uintptr_t)lo | 1)
                 : "r2", "r3", "cc", "memory");
    rt_check_u64("csp mismatch cc", rt_cc_from_ipm(ipm), 1);
    rt_check_u64("csp mismatch loads R1", (uint32_t)r2out, cur);
    rt_check_u64("csp mismatch leaves storage", *lo, cur);
    /* match with purge: the page becomes invalid */
    asm volatile("lgr %%r2,%[c]\n\tlgr %%r3,%[n]\n\tcsp %%r2,%[a]\n\tipm %[ipm]"
                 : [ipm] "=d"(ipm)
                 : [c] "d"((uint64_t)cur), [n] "d"((uint64_t)(cur | PTE_I)),
                   [a] "a"((uintptr_t)lo | 1)
                 : "r2", "r3", "cc", "memory");
    rt_check_u64("csp match cc", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("csp stored", *lo, cur | PTE_I);
    dat_load_p(VBASE, &o);
    dat_check_nullified("after CSP with purge", &o, PGM_PAGE_TRANS, VBASE);
    /* CSPG back to valid, with purge */
    asm volatile("lgr %%r2,%[c]\n\tlgr %%r3,%[n]\n\t.insn rre,0xb98a0000,%%r2,%[a]\n\tipm %[ipm]"
                 : [ipm] "=d"(ipm)
                 : [c] "d"(ptab[16][0]), [n] "d"((uint64_t)(uintptr_t)page_a),
                   [a] "a"((uintptr_t)&ptab[16][0] | 1)
                 : "r2", "r3", "cc", "memory");
    rt_check_u64("cspg match cc", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("cspg stored", ptab[16][0], (uintptr_t)page_a);
    dat_load_p(VBASE, &o);
    rt_check(!o.fired, "after CSPG: translation back");
}

/* LRAG with DAT on for @addr. Returns the CC; *r1 the result. */
static unsigned do_lrag(uint64_t addr, uint64_t *r1)
{
    uint64_t ipm, r = 0xffffffffffffffffull;
    uint8_t sm;

    asm volatile("stosm %[sm],0x04\n\tlrag %[r],0(%[a])\n\tipm %[ipm]\n\tstnsm %[sm],0xfb"
                 : [r] "+d"(r), [ipm] "=d"(ipm), [sm] "=Q"(sm) : [a] "a"(addr) : "cc", "memory");
    *r1 = r;
    return rt_cc_from_ipm(ipm);
}

static void test_lra(void)
{
    uint64_t r;

    rt_check_u64("lrag mapped: cc 0", do_lrag(VBASE + 0x1234, &r), 0);
    rt_check_u64("lrag mapped: real address", r, (uintptr_t)page_b + 0x234);
    rt_check_u64("lrag identity: cc 0", do_lrag(0x123456, &r), 0);
    rt_check_u64("lrag identity: real address", r, 0x123456);
    rt_check_u64("lrag ASCE-type: cc 3", do_lrag(0x80000000ull, &r), 3);
    rt_check_u64("lrag ASCE-type: code in R1 32-63", (uint32_t)r, 0x80000038);
    rt_check_u64("lrag protected page: cc 0", do_lrag(VBASE + 0x3000, &r), 0);
}

/* TPROT with DAT on for @addr. Returns the CC. */
static unsigned do_tprot(uint64_t addr)
{
    uint64_t ipm;
    uint8_t sm;

    asm volatile("stosm %[sm],0x04\n\ttprot 0(%[a]),0\n\tipm %[ipm]\n\tstnsm %[sm],0xfb"
                 : [ipm] "=d"(ipm), [sm] "=Q"(sm) : [a] "a"(addr) : "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

static void test_tprot(void)
{
    rt_check_u64("tprot mapped page: cc 0", do_tprot(VBASE), 0);
    rt_check_u64("tprot protected page: cc 1", do_tprot(VBASE + 0x3000), 1);
    rt_check_u64("tprot invalid page: cc 3", do_tprot(VBASE + 0x2000), 3);
    rt_check_u64("tprot invalid segment: cc 3", do_tprot(VBASE + 0x100000), 3);
}

static void test_real_access(void)
{
    uint64_t v32 = 0, v64 = 0;
    uint8_t sm;

    *(uint64_t *)(page_c + 0x40) = 0x0102030405060708ull;
    /* with DAT on, the real address of page_c is used untranslated
     * (page_c is identity-mapped, so use VBASE-unrelated real addresses) */
    asm volatile("stosm %[sm],0x04\n\t"
                 "lura %[w],%[a]\n\t"
                 "lurag %[d],%[a]\n\t"
                 "stura %[w],%[b]\n\t"
                 "sturg %[d],%[c]\n\t"
                 "stnsm %[sm],0xfb"
                 : [w] "+d"(v32), [d] "+d"(v64), [sm] "=Q"(sm)
                 : [a] "a"((uintptr_t)page_c + 0x40), [b] "a"((uintptr_t)page_c + 0x80),
                   [c] "a"((uintptr_t)page_c + 0x88)
                 : "memory");
    rt_check_u64("lura: low word", (uint32_t)v32, 0x01020304);
    rt_check_u64("lurag", v64, 0x0102030405060708ull);
    rt_check_u64("stura", *(uint32_t *)(page_c + 0x80), 0x01020304);
    rt_check_u64("sturg", *(uint64_t *)(page_c + 0x88), 0x0102030405060708ull);
}

/* Load the doubleword at @addr in the address-space mode @asc (2 secondary,
 * 3 home); DAT on. */
static uint64_t space_load(unsigned asc, uint64_t addr, struct outcome *o)
{
    return dat_access(asc, false, addr, 0, 0, o);
}

static void test_spaces(void)
{
    struct outcome o;
    uint64_t v;

    /* secondary and home spaces: the same identity map, VBASE -> page_b,
     * VBASE + 0x1000 invalid */
    memcpy(stab2, stab, sizeof(stab2));
    for (unsigned p = 0; p < 256; p++)
        ptab2[p] = PTE_I;
    ptab2[0] = (uintptr_t)page_b;
    stab2[1024] = (uintptr_t)ptab2;
    rt_lctlg(7, (uintptr_t)stab2 | 3);
    rt_lctlg(13, (uintptr_t)stab2 | 3);
    *(uint64_t *)page_a = 0xaaaa;
    *(uint64_t *)page_b = 0xbbbb;
    v = space_load(2, VBASE, &o);
    rt_check(!o.fired && v == 0xbbbb, "secondary space: VBASE maps page_b");
    v = space_load(3, VBASE, &o);
    rt_check(!o.fired && v == 0xbbbb, "home space: VBASE maps page_b");
    space_load(2, VBASE + 0x1008, &o);
    rt_check(o.fired && o.pi.code == PGM_PAGE_TRANS, "secondary space: page translation");
    rt_check_u64("secondary space: old PSW at the instruction", o.pi.addr, o.at);
    rt_check_u64("secondary space: TEID bits 62-63 = 10", o.teid, VBASE + 0x1000 + 2);
    space_load(3, VBASE + 0x1008, &o);
    rt_check(o.fired && o.pi.code == PGM_PAGE_TRANS, "home space: page translation");
    rt_check_u64("home space: TEID bits 62-63 = 11", o.teid, VBASE + 0x1000 + 3);
    v = dat_load_p(VBASE, &o);
    rt_check(!o.fired && v == 0xaaaa, "primary space again: page_a");
}

static void test_tb(void)
{
    uint64_t ipm;

    memset(page_c, 0x5a, sizeof(page_c));
    asm volatile("lghi %%r0,0\n\t.insn rre,0xb22c0000,%%r0,%[a]\n\tipm %[ipm]"
                 : [ipm] "=d"(ipm) : [a] "a"((uintptr_t)page_c + 0x123) : "r0", "cc", "memory");
    rt_check_u64("tb: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check(page_c[0] == 0 && page_c[4095] == 0 && page_c[0x800] == 0, "tb cleared the block");
}

int main(void)
{
    build_tables();
    test_translated_access();
    test_exceptions();
    test_protection();
    test_ipte_ptlb();
    test_idte();
    test_csp();
    test_lra();
    test_tprot();
    test_real_access();
    test_spaces();
    test_tb();
    return 0;
}
