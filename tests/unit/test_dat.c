/* Dynamic-address-translation tests with synthetic tables: every exception
 * the walk raises, TEID values, EDAT-1/2 large frames, DAT protection. */
#include <glib.h>
#include <string.h>
#include "cpu/cpu.h"
#include "cpu/insn.h"
#include "cpu/model.h"
#include "mmu/dat.h"
#include "mmu/mmu.h"

#define MEM_SIZE  (4u << 20)
#define STO       0x10000u      /* segment table, 4 pages (TL 3) */
#define PTO       0x20000u      /* page table of segment 0 */
#define R1TO      0x30000u
#define R2TO      0x34000u
#define R3TO      0x38000u
#define STO2      0x3c000u      /* segment table under the region tables */
#define FRAME     0x300000u

static struct storage mem;
static struct cpu cpu;
static struct cpu_model model;

static void put(uint64_t aaddr, uint64_t v)
{
    st_be64(mem.ram + aaddr, v);
}

static uint64_t get(uint64_t aaddr)
{
    return ld_be64(mem.ram + aaddr);
}

/* Segment-table ASCE (TL 3): segment 0's page table at PTO, page 5 mapped
 * to FRAME, every other entry invalid. DAT on, 64-bit, primary space. */
static void setup(void)
{
    g_assert_true(storage_init(&mem, MEM_SIZE));
    memset(&cpu, 0, sizeof(cpu));
    memset(&model, 0, sizeof(model));
    cpu.mem = &mem;
    cpu.model = &model;
    cpu.mmu_fac = 0;
    cpu.psw.mask = PSW_MASK_DAT | PSW_MASK_EA | PSW_MASK_BA;
    cpu_amode_update(&cpu);
    for (unsigned i = 0; i < 2048; i++)
        put(STO + i * 8, DTE_I);
    for (unsigned i = 0; i < 256; i++)
        put(PTO + i * 8, PTE_I);
    put(STO, PTO);
    put(PTO + 5 * 8, FRAME);
    cpu.cr[1] = STO | 3;
    mmu_tlb_flush(&cpu);
}

static void teardown(void)
{
    storage_free(&mem);
}

/* Translate @addr for @kind. Returns the exception; *raddr on success. */
static exc_t xlate(uint64_t addr, enum acc_kind kind, uint64_t *aaddr)
{
    mmu_tlb_flush(&cpu);
    cpu.exc.teid = 0xdead;
    return mmu_translate(&cpu, 1, addr, kind, aaddr);
}

static void test_basic(void)
{
    uint64_t a;
    uint32_t v;

    setup();
    g_assert_cmpuint(xlate(0x5123, ACC_FETCH, &a), ==, 0);
    g_assert_cmpuint(a, ==, FRAME + 0x123);
    g_assert_cmpuint(mmu_store_u32(&cpu, 0, 0x5ffe, 0x11223344), ==, EXC_PGM(PGM_PAGE_TRANSLATION));
    g_assert_cmpuint(cpu.exc.teid, ==, 0x6000);        /* the second page faults */
    g_assert_cmpuint(get(FRAME + 0xff8), ==, 0);       /* nothing stored */
    g_assert_cmpuint(mmu_store_u32(&cpu, 0, 0x5ff0, 0x11223344), ==, 0);
    g_assert_cmpuint(ld_be32(mem.ram + FRAME + 0xff0), ==, 0x11223344);
    g_assert_cmpuint(mmu_fetch_u32(&cpu, 0, 0x5ff0, &v), ==, 0);
    g_assert_cmpuint(v, ==, 0x11223344);
    teardown();
}

static void test_translation_exceptions(void)
{
    uint64_t a;

    setup();
    /* page invalid */
    g_assert_cmpuint(xlate(0x4010, ACC_FETCH, &a), ==, EXC_PGM(PGM_PAGE_TRANSLATION));
    g_assert_cmpuint(cpu.exc.teid, ==, 0x4000);
    /* segment invalid */
    g_assert_cmpuint(xlate(0x100000, ACC_STORE, &a), ==, EXC_PGM(PGM_SEGMENT_TRANSLATION));
    g_assert_cmpuint(cpu.exc.teid, ==, 0x100000);
    /* segment-table length: TL 0 covers indexes 0-511 (512 MiB) */
    cpu.cr[1] = STO;
    g_assert_cmpuint(xlate(0x20000000, ACC_FETCH, &a), ==, EXC_PGM(PGM_SEGMENT_TRANSLATION));
    g_assert_cmpuint(cpu.exc.teid, ==, 0x20000000);
    g_assert_cmpuint(xlate(0x1fffffff, ACC_FETCH, &a), ==, EXC_PGM(PGM_SEGMENT_TRANSLATION));
    /* ASCE type: a segment-table ASCE covers 2 GiB */
    g_assert_cmpuint(xlate(0x80000000, ACC_FETCH, &a), ==, EXC_PGM(PGM_ASCE_TYPE));
    g_assert_cmpuint(cpu.exc.teid, ==, 0x80000000);
    /* translation specification: wrong table type, PTE bits 52 and 55 */
    cpu.cr[1] = STO | 3;
    put(STO, PTO | 0x4);
    g_assert_cmpuint(xlate(0x5000, ACC_FETCH, &a), ==, EXC_PGM(PGM_TRANSLATION_SPEC));
    put(STO, PTO);
    put(PTO + 5 * 8, FRAME | PTE_BIT52);
    g_assert_cmpuint(xlate(0x5000, ACC_FETCH, &a), ==, EXC_PGM(PGM_TRANSLATION_SPEC));
    put(PTO + 5 * 8, FRAME | PTE_BIT55);
    g_assert_cmpuint(xlate(0x5000, ACC_FETCH, &a), ==, EXC_PGM(PGM_TRANSLATION_SPEC));
    /* invalid is recognised before the reserved bits */
    put(PTO + 5 * 8, FRAME | PTE_BIT52 | PTE_I);
    g_assert_cmpuint(xlate(0x5000, ACC_FETCH, &a), ==, EXC_PGM(PGM_PAGE_TRANSLATION));
    /* common segment in a private space */
    put(PTO + 5 * 8, FRAME);
    put(STO, PTO | DTE_C);
    g_assert_cmpuint(xlate(0x5000, ACC_FETCH, &a), ==, 0);
    cpu.cr[1] |= ASCE_P;
    g_assert_cmpuint(xlate(0x5000, ACC_FETCH, &a), ==, EXC_PGM(PGM_TRANSLATION_SPEC));
    /* a page table outside storage */
    cpu.cr[1] = STO | 3;
    put(STO, MEM_SIZE);
    g_assert_cmpuint(xlate(0x5000, ACC_FETCH, &a), ==, EXC_PGM(PGM_ADDRESSING));
    teardown();
}

static void test_spaces(void)
{
    uint64_t a;

    setup();
    /* secondary and home spaces, with their TEID identification */
    cpu.cr[7] = STO | 3;
    cpu.cr[13] = STO | 3;
    cpu.cr[1] = DTE_I;  /* unused */
    cpu.psw.mask |= (uint64_t)PSW_ASC_SECONDARY << 46;
    g_assert_cmpuint(xlate(0x5000, ACC_FETCH, &a), ==, 0);
    g_assert_cmpuint(xlate(0x4000, ACC_FETCH, &a), ==, EXC_PGM(PGM_PAGE_TRANSLATION));
    g_assert_cmpuint(cpu.exc.teid, ==, 0x4002);
    cpu.psw.mask |= (uint64_t)PSW_ASC_HOME << 46;
    g_assert_cmpuint(xlate(0x4000, ACC_FETCH, &a), ==, EXC_PGM(PGM_PAGE_TRANSLATION));
    g_assert_cmpuint(cpu.exc.teid, ==, 0x4003);
    /* access-register mode: ALET 0 primary, 1 secondary */
    cpu.psw.mask &= ~PSW_MASK_ASC;
    cpu.psw.mask |= (uint64_t)PSW_ASC_AR << 46;
    cpu.cr[1] = STO | 3;
    cpu.cr[7] = STO;
    cpu.ar[1] = 1;
    g_assert_cmpuint(xlate(0x4000, ACC_FETCH, &a), ==, EXC_PGM(PGM_PAGE_TRANSLATION));
    g_assert_cmpuint(cpu.exc.teid, ==, 0x4002);
    g_assert_cmpuint(cpu.exc.eaid, ==, 1);
    cpu.ar[1] = 0;
    g_assert_cmpuint(xlate(0x4000, ACC_FETCH, &a), ==, EXC_PGM(PGM_PAGE_TRANSLATION));
    g_assert_cmpuint(cpu.exc.teid, ==, 0x4000);
    /* other ALETs go through access-register translation (mmu/art.c): a
     * reserved bit; ALEN 9 beyond the eight entries of the DU-AL that the
     * zeroed DUCT at real 0 designates */
    cpu.ar[1] = 0x02000002;
    g_assert_cmpuint(xlate(0x4000, ACC_FETCH, &a), ==, EXC_PGM(PGM_ALET_SPEC));
    cpu.ar[1] = 9;
    g_assert_cmpuint(xlate(0x4000, ACC_FETCH, &a), ==, EXC_PGM(PGM_ALEN_TRANSLATION));
    g_assert_cmpuint(cpu.exc.eaid, ==, 1);
    /* real-space ASCE */
    cpu.psw.mask &= ~PSW_MASK_ASC;
    cpu.cr[1] = ASCE_R;
    g_assert_cmpuint(xlate(0x123456, ACC_STORE, &a), ==, 0);
    g_assert_cmpuint(a, ==, 0x123456);
    teardown();
}

static void test_protection(void)
{
    uint64_t a;

    setup();
    put(PTO + 5 * 8, FRAME | PTE_P);
    g_assert_cmpuint(xlate(0x5008, ACC_FETCH, &a), ==, 0);
    g_assert_cmpuint(xlate(0x5008, ACC_STORE, &a), ==, EXC_PGM(PGM_PROTECTION));
    g_assert_cmpuint(cpu.exc.teid, ==, 0x5000 | 4);
    put(PTO + 5 * 8, FRAME);
    put(STO, PTO | DTE_P);
    g_assert_cmpuint(xlate(0x5008, ACC_STORE, &a), ==, EXC_PGM(PGM_PROTECTION));
    g_assert_cmpuint(cpu.exc.teid, ==, 0x5000 | 4);
    g_assert_cmpuint(xlate(0x5008, ACC_IFETCH, &a), ==, 0);
    teardown();
}

/* Region-first ASCE -> R1T -> R2T -> R3T -> STO2 for region index 1 at each
 * level: vaddr (1 << 53) | (1 << 42) | (1 << 31) | page 5 of segment 0. */
static uint64_t region_setup(void)
{
    setup();
    for (unsigned i = 0; i < 2048; i++) {
        put(R1TO + i * 8, DTE_I | 0xc);
        put(R2TO + i * 8, DTE_I | 0x8);
        put(R3TO + i * 8, DTE_I | 0x4);
        put(STO2 + i * 8, DTE_I);
    }
    put(R1TO + 8, R2TO | 0xc | 3);
    put(R2TO + 8, R3TO | 0x8 | 3);
    put(R3TO + 8, STO2 | 0x4 | 3);
    put(STO2, PTO);
    cpu.cr[1] = R1TO | 0xc | 3;
    return (UINT64_C(1) << 53) | (UINT64_C(1) << 42) | (UINT64_C(1) << 31) | 0x5000;
}

static void test_regions(void)
{
    uint64_t va = region_setup();
    uint64_t a;

    g_assert_cmpuint(xlate(va | 0x77, ACC_STORE, &a), ==, 0);
    g_assert_cmpuint(a, ==, FRAME + 0x77);
    /* invalid entries at each level */
    g_assert_cmpuint(xlate(va & ~(UINT64_C(1) << 53), ACC_FETCH, &a), ==,
                     EXC_PGM(PGM_REGION_FIRST_TRANSLATION));
    g_assert_cmpuint(cpu.exc.teid, ==, (va & ~(UINT64_C(1) << 53)));
    g_assert_cmpuint(xlate(va & ~(UINT64_C(1) << 42), ACC_FETCH, &a), ==,
                     EXC_PGM(PGM_REGION_SECOND_TRANSLATION));
    g_assert_cmpuint(xlate(va & ~(UINT64_C(1) << 31), ACC_FETCH, &a), ==,
                     EXC_PGM(PGM_REGION_THIRD_TRANSLATION));
    g_assert_cmpuint(xlate(va | 0x100000, ACC_FETCH, &a), ==, EXC_PGM(PGM_SEGMENT_TRANSLATION));
    /* ASCE table length: TL 0 covers RFX 0-511 */
    cpu.cr[1] = R1TO | 0xc;
    g_assert_cmpuint(xlate(va | (UINT64_C(512) << 53), ACC_FETCH, &a), ==,
                     EXC_PGM(PGM_REGION_FIRST_TRANSLATION));
    cpu.cr[1] = R1TO | 0xc | 3;
    /* table offset of the region-second table: TF 1 excludes RSX 0-511 */
    put(R1TO + 8, R2TO | 0x40 | 0xc | 3);
    g_assert_cmpuint(xlate(va, ACC_FETCH, &a), ==, EXC_PGM(PGM_REGION_SECOND_TRANSLATION));
    /* table length of the region-third table */
    put(R1TO + 8, R2TO | 0xc | 3);
    put(R2TO + 8, R3TO | 0x8 | 0);
    g_assert_cmpuint(xlate(va | (UINT64_C(1024) << 31), ACC_FETCH, &a), ==,
                     EXC_PGM(PGM_REGION_THIRD_TRANSLATION));
    put(R2TO + 8, R3TO | 0x8 | 3);
    /* table length of the segment table under a region-third entry */
    put(R3TO + 8, STO2 | 0x4 | 0);
    g_assert_cmpuint(xlate(va | (UINT64_C(600) << 20), ACC_FETCH, &a), ==,
                     EXC_PGM(PGM_SEGMENT_TRANSLATION));
    put(R3TO + 8, STO2 | 0x4 | 3);
    /* wrong table type in a region entry */
    put(R2TO + 8, R3TO | 0x4 | 3);
    g_assert_cmpuint(xlate(va, ACC_FETCH, &a), ==, EXC_PGM(PGM_TRANSLATION_SPEC));
    put(R2TO + 8, R3TO | 0x8 | 3);
    /* ASCE types lower than the address needs */
    cpu.cr[1] = R2TO | 0x8 | 3;
    g_assert_cmpuint(xlate(va, ACC_FETCH, &a), ==, EXC_PGM(PGM_ASCE_TYPE));
    g_assert_cmpuint(cpu.exc.teid, ==, va);
    g_assert_cmpuint(xlate(va & ~(UINT64_C(1) << 53), ACC_FETCH, &a), ==, 0);
    cpu.cr[1] = R3TO | 0x4 | 3;
    g_assert_cmpuint(xlate(va & ~(UINT64_C(1) << 53), ACC_FETCH, &a), ==, EXC_PGM(PGM_ASCE_TYPE));
    /* region protection counts only with EDAT-1 */
    cpu.cr[1] = R1TO | 0xc | 3;
    put(R2TO + 8, R3TO | DTE_P | 0x8 | 3);
    g_assert_cmpuint(xlate(va, ACC_STORE, &a), ==, 0);
    model.fac[FAC_EDAT1] = true;
    cpu.mmu_fac |= MMU_FAC_EDAT1;
    cpu.cr[0] |= BIT64(40);
    g_assert_cmpuint(xlate(va, ACC_STORE, &a), ==, EXC_PGM(PGM_PROTECTION));
    g_assert_cmpuint(cpu.exc.teid, ==, va | 4);
    teardown();
}

static void test_edat(void)
{
    uint64_t va = region_setup();
    uint64_t a;

    /* EDAT-1: a 1 MiB segment frame; FC ignored while CR0 bit 40 is zero */
    model.fac[FAC_EDAT1] = true;
    cpu.mmu_fac |= MMU_FAC_EDAT1;
    cpu.cr[1] = STO | 3;
    put(STO + 8, 0x200000 | DTE_FC);
    put(0x200000 + 0x23 * 8, FRAME);     /* as a page table: page 0x23 */
    g_assert_cmpuint(xlate(0x123456, ACC_FETCH, &a), ==, 0);
    g_assert_cmpuint(a, ==, FRAME + 0x456);
    cpu.cr[0] |= BIT64(40);
    g_assert_cmpuint(xlate(0x123456, ACC_STORE, &a), ==, 0);
    g_assert_cmpuint(a, ==, 0x223456);
    put(STO + 8, 0x200000 | DTE_FC | DTE_P);
    g_assert_cmpuint(xlate(0x1fffff, ACC_FETCH, &a), ==, 0);
    g_assert_cmpuint(a, ==, 0x2fffff);
    g_assert_cmpuint(xlate(0x1fffff, ACC_STORE, &a), ==, EXC_PGM(PGM_PROTECTION));
    g_assert_cmpuint(cpu.exc.teid, ==, 0x1ff000 | 4);
    /* EDAT-2: a 2 GiB region-third frame, only with facility 78 */
    cpu.cr[1] = R1TO | 0xc | 3;
    put(R3TO + 8, STO2 | DTE_FC | 0x4 | 3);
    g_assert_cmpuint(xlate(va, ACC_FETCH, &a), ==, 0);
    g_assert_cmpuint(a, ==, FRAME);
    model.fac[FAC_EDAT2] = true;
    cpu.mmu_fac |= MMU_FAC_EDAT2;
    g_assert_cmpuint(xlate(va, ACC_FETCH, &a), ==, 0);
    g_assert_cmpuint(a, ==, 0x5000);
    g_assert_cmpuint(xlate((va & ~UINT64_C(0x7fffffff)) | 0x345678, ACC_FETCH, &a), ==, 0);
    g_assert_cmpuint(a, ==, 0x345678);
    cpu.cr[0] &= ~BIT64(40);
    g_assert_cmpuint(xlate(va, ACC_FETCH, &a), ==, 0);
    g_assert_cmpuint(a, ==, FRAME);
    teardown();
}

static void test_prefix_and_tlb(void)
{
    uint64_t a;
    uint8_t b;

    setup();
    /* the real address is prefixed after translation */
    cpu.prefix = 0x8000;
    put(PTO + 5 * 8, 0x1000);
    g_assert_cmpuint(xlate(0x5010, ACC_FETCH, &a), ==, 0);
    g_assert_cmpuint(a, ==, 0x9010);
    /* the TLB keeps a translation until it is cleared */
    mem.ram[0x9010] = 0x5a;
    g_assert_cmpuint(mmu_fetch_u8(&cpu, 0, 0x5010, &b), ==, 0);
    g_assert_cmpuint(b, ==, 0x5a);
    put(PTO + 5 * 8, PTE_I);
    g_assert_cmpuint(mmu_fetch_u8(&cpu, 0, 0x5010, &b), ==, 0);
    mmu_tlb_flush(&cpu);
    g_assert_cmpuint(mmu_fetch_u8(&cpu, 0, 0x5010, &b), ==, EXC_PGM(PGM_PAGE_TRANSLATION));
    teardown();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/dat/basic", test_basic);
    g_test_add_func("/dat/translation-exceptions", test_translation_exceptions);
    g_test_add_func("/dat/spaces", test_spaces);
    g_test_add_func("/dat/protection", test_protection);
    g_test_add_func("/dat/regions", test_regions);
    g_test_add_func("/dat/edat", test_edat);
    g_test_add_func("/dat/prefix-and-tlb", test_prefix_and_tlb);
    return g_test_run();
}
