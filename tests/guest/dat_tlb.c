/* Translation-lookaside buffer from the inside (PoO ch. 3 "Translation-
 * Lookaside Buffer", ch. 10 "INVALIDATE DAT TABLE ENTRY", "COMPARE AND
 * SWAP AND PURGE", "PURGE TLB", "SET PREFIX"): after each of PTLB, IDTE of
 * a region-third and of a segment entry, IDTE's clearing by ASCE, CSPG
 * with purge on a segment entry and SPX, the changed table is what
 * translation uses (CSPG's CC is checked in dat_strict); TLB entries
 * formed with one ASCE are not used for another, so switching CR1 between
 * two spaces needs no purge. */
#include "dat_common.h"

#define VBASE   0x40000000ull   /* segment 1024 */
#define RTX     3ull

static uint64_t rtt[2048] __attribute__((aligned(4096)));
static uint64_t stab[2][2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));
static uint64_t vtab[2][256] __attribute__((aligned(4096)));
static uint64_t page[3][512] __attribute__((aligned(4096)));
static uint32_t pfx_area[2048] __attribute__((aligned(8192)));

/* Two segment tables A and B identity-map 16 MiB; VBASE maps page[0] in A
 * and page[1] in B. The region-third table has entries 0 and RTX for A. */
static void build_tables(void)
{
    for (unsigned t = 0; t < 2; t++) {
        ident_map_16m(stab[t], ptab);
        for (unsigned p = 0; p < 256; p++)
            vtab[t][p] = PTE_I;
        vtab[t][0] = (uintptr_t)page[t];
        stab[t][1024] = (uintptr_t)vtab[t];
    }
    for (unsigned i = 0; i < 2048; i++)
        rtt[i] = RTE_I | RTE_TT(1) | RTE_TL(3);
    rtt[0] = rtt[RTX] = (uintptr_t)stab[0] | RTE_TT(1) | RTE_TL(3);
    for (unsigned p = 0; p < 3; p++)
        for (unsigned i = 0; i < 512; i++)
            page[p][i] = (uint64_t)(p + 1) << 32 | i;
}

/* The doubleword at @addr, DAT on in the primary space, or 0 after an
 * interruption with its code in *code. */
static uint64_t peek(uint64_t addr, unsigned *code)
{
    struct outcome o;
    uint64_t v = dat_load_p(addr, &o);

    *code = o.fired ? o.pi.code : 0;
    return o.fired ? 0 : v;
}

/* Check that @addr reads word @i of page[@p] now. */
static void check_sees(const char *what, uint64_t addr, unsigned p, unsigned i)
{
    unsigned code;
    uint64_t v = peek(addr, &code);

    rt_checkf(code == 0 && v == ((uint64_t)(p + 1) << 32 | i), "%s: sees page %u", what, p);
}

static void test_asce_switch(void)
{
    rt_lctlg(1, (uintptr_t)stab[0] | 3);
    asm volatile("ptlb" ::: "memory");
    check_sees("ASCE A", VBASE + 8, 0, 1);
    rt_lctlg(1, (uintptr_t)stab[1] | 3);
    check_sees("CR1 to ASCE B, no purge", VBASE + 8, 1, 1);
    rt_lctlg(1, (uintptr_t)stab[0] | 3);
    check_sees("CR1 back to ASCE A, no purge", VBASE + 8, 0, 1);
}

static void test_ptlb_and_spx(void)
{
    uint32_t pfx;

    rt_lctlg(1, (uintptr_t)stab[0] | 3);
    asm volatile("ptlb" ::: "memory");
    check_sees("before the PTE change", VBASE + 16, 0, 2);
    vtab[0][0] = (uintptr_t)page[2];
    asm volatile("ptlb" ::: "memory");
    check_sees("PTE changed, PTLB", VBASE + 16, 2, 2);
    vtab[0][0] = (uintptr_t)page[1];
    memcpy(pfx_area, (void *)0, sizeof(pfx_area));
    asm volatile("stpx %0" : "=Q"(pfx));
    asm volatile("spx %0" : : "Q"(pfx) : "memory");
    check_sees("PTE changed, SPX with the same prefix", VBASE + 16, 1, 2);
    vtab[0][0] = (uintptr_t)page[0];
    asm volatile("spx %0" : : "Q"((uint32_t){(uint32_t)(uintptr_t)pfx_area}) : "memory");
    check_sees("PTE changed, SPX to a new prefix", VBASE + 16, 0, 2);
    asm volatile("spx %0" : : "Q"(pfx) : "memory");
}

/* IDTE with R1 = the table designation @r1 and R2 = @r2. */
static void idte(uint64_t r1, uint64_t r2)
{
    asm volatile(".insn rrf,0xb98e0000,%0,%1,%%r0,0" : : "a"(r1), "a"(r2) : "memory");
}

static void test_idte(void)
{
    const uint64_t addr = va(0, 0, RTX, 1024, 0) + 0x18;
    unsigned code;

    rt_lctlg(1, (uintptr_t)rtt | ASCE_DT(1) | ASCE_TL(3));
    asm volatile("ptlb" ::: "memory");
    check_sees("region-third ASCE", addr, 0, 3);
    idte((uintptr_t)rtt | ASCE_DT(1), RTX << 31);
    rt_check_u64("IDTE region-third entry: invalid bit set", rtt[RTX],
                 (uintptr_t)stab[0] | RTE_I | RTE_TT(1) | RTE_TL(3));
    rt_check_u64("IDTE region-third entry: entry 0 unchanged", rtt[0],
                 (uintptr_t)stab[0] | RTE_TT(1) | RTE_TL(3));
    peek(addr, &code);
    rt_check_u64("IDTE region-third entry: region-third translation", code, PGM_RTX_TRANS);
    rtt[RTX] &= ~RTE_I;
    asm volatile("ptlb" ::: "memory");
    check_sees("region-third entry valid again", addr, 0, 3);

    /* two segment entries (additional-entry count 1) */
    stab[0][1025] = (uintptr_t)vtab[1];
    asm volatile("ptlb" ::: "memory");
    check_sees("segment 1025", addr + 0x100000, 1, 3);
    idte((uintptr_t)stab[0], VBASE | 1);
    rt_check(stab[0][1024] & stab[0][1025] & STE_I, "IDTE segments 1024-1025: both invalid");
    rt_check_u64("IDTE segments 1024-1025: segment 1026 untouched", stab[0][1026], STE_I);
    peek(addr, &code);
    rt_check_u64("IDTE segment 1024: segment translation", code, PGM_SEG_TRANS);
    peek(addr + 0x100000, &code);
    rt_check_u64("IDTE segment 1025: segment translation", code, PGM_SEG_TRANS);
    stab[0][1024] = (uintptr_t)vtab[0];
    stab[0][1025] = STE_I;
    asm volatile("ptlb" ::: "memory");

    /* clearing by ASCE: no entry changed, the TLB entries of the ASCE go */
    check_sees("before clearing by ASCE", addr, 0, 3);
    vtab[0][0] = (uintptr_t)page[2];
    idte((uintptr_t)rtt | ASCE_DT(1) | ASCE_TL(3), 1ull << (63 - 52));
    rt_check_u64("IDTE clearing by ASCE: region-third entry unchanged", rtt[RTX],
                 (uintptr_t)stab[0] | RTE_TT(1) | RTE_TL(3));
    check_sees("IDTE clearing by ASCE", addr, 2, 3);
    vtab[0][0] = (uintptr_t)page[0];
    asm volatile("ptlb" ::: "memory");
}

static void test_cspg_segment(void)
{
    uint64_t old = stab[0][1024];
    unsigned code;

    rt_lctlg(1, (uintptr_t)stab[0] | 3);
    asm volatile("ptlb" ::: "memory");
    check_sees("before CSPG", VBASE + 32, 0, 4);
    asm volatile("lgr %%r2,%[c]\n\tlgr %%r3,%[n]\n\t.insn rre,0xb98a0000,%%r2,%[a]"
                 :
                 : [c] "d"(old), [n] "d"((uint64_t)(uintptr_t)vtab[1]),
                   [a] "a"((uintptr_t)&stab[0][1024] | 1)
                 : "r2", "r3", "cc", "memory");
    rt_check_u64("CSPG on a segment entry: stored", stab[0][1024], (uintptr_t)vtab[1]);
    check_sees("CSPG with purge: the new page table", VBASE + 32, 1, 4);
    asm volatile("lgr %%r2,%[c]\n\tlgr %%r3,%[n]\n\t.insn rre,0xb98a0000,%%r2,%[a]"
                 :
                 : [c] "d"((uint64_t)(uintptr_t)vtab[1]), [n] "d"(old | STE_I),
                   [a] "a"((uintptr_t)&stab[0][1024] | 1)
                 : "r2", "r3", "cc", "memory");
    rt_check_u64("CSPG invalidating the segment: stored", stab[0][1024], old | STE_I);
    peek(VBASE + 32, &code);
    rt_check_u64("CSPG with purge: segment translation", code, PGM_SEG_TRANS);
    stab[0][1024] = old;
    asm volatile("ptlb" ::: "memory");
}

int main(void)
{
    build_tables();
    test_asce_switch();
    test_ptlb_and_spx();
    test_idte();
    test_cspg_segment();
    rt_lctlg(1, (uintptr_t)stab[0] | 3);
    return 0;
}
