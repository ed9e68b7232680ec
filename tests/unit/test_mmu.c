/* Storage and real-mode access tests: prefixing, addressing exceptions,
 * page-crossing operands, and the decoded-code invalidation marks. */
#include <glib.h>
#include "cpu/cpu.h"
#include "mmu/mmu.h"

static struct storage mem;
static struct cpu cpu;

static void setup(void)
{
    g_assert_true(storage_init(&mem, 1u << 20));
    memset(&cpu, 0, sizeof(cpu));
    cpu.mem = &mem;
    cpu.psw.mask = PSW_MASK_EA | PSW_MASK_BA;
    cpu_amode_update(&cpu);
    mmu_tlb_flush(&cpu);
}

static void teardown(void)
{
    storage_free(&mem);
}

static void test_prefix_swap(void)
{
    g_assert_cmpuint(prefix_apply(0x10000, 0x100), ==, 0x10100);
    g_assert_cmpuint(prefix_apply(0x10000, 0x10100), ==, 0x100);
    g_assert_cmpuint(prefix_apply(0x10000, 0x2000), ==, 0x2000);
    g_assert_cmpuint(prefix_apply(0, 0x1fff), ==, 0x1fff);
}

static void test_prefixed_store(void)
{
    setup();
    cpu.prefix = 0x4000;
    mmu_tlb_flush(&cpu);
    g_assert_cmpuint(mmu_store_u32(&cpu, 0, 0x10, 0xdeadbeef), ==, 0);
    g_assert_cmpuint(ld_be32(mem.ram + 0x4010), ==, 0xdeadbeef);
    g_assert_cmpuint(ld_be32(mem.ram + 0x10), ==, 0);
    teardown();
}

static void test_addressing_exception(void)
{
    uint64_t v;

    setup();
    g_assert_cmpuint(mmu_fetch_u64(&cpu, 0, 1u << 20, &v), ==, EXC_PGM(PGM_ADDRESSING));
    /* a store crossing out of storage changes nothing (probe, then commit) */
    g_assert_cmpuint(mmu_store_u64(&cpu, 0, (1u << 20) - 4, ~UINT64_C(0)), ==,
                     EXC_PGM(PGM_ADDRESSING));
    g_assert_cmpuint(ld_be32(mem.ram + (1u << 20) - 4), ==, 0);
    teardown();
}

static void test_page_crossing(void)
{
    uint64_t v;

    setup();
    g_assert_cmpuint(mmu_store_u64(&cpu, 0, 0x2ffc, UINT64_C(0x0102030405060708)), ==, 0);
    g_assert_cmpuint(mmu_fetch_u64(&cpu, 0, 0x2ffc, &v), ==, 0);
    g_assert_cmpuint(v, ==, UINT64_C(0x0102030405060708));
    g_assert_cmpuint(mem.ram[0x3000], ==, 5);
    teardown();
}

static void test_code_frame_invalidation(void)
{
    setup();
    mem.code[5] = 1;
    g_assert_cmpuint(mem.code_gen[5], ==, 0);
    g_assert_cmpuint(mmu_store_u8(&cpu, 0, 0x5123, 7), ==, 0);
    g_assert_cmpuint(mem.code_gen[5], ==, 1);
    g_assert_cmpuint(mem.code[5], ==, 0);
    g_assert_cmpuint(mem.keys[5] & (SKEY_R | SKEY_C), ==, SKEY_R | SKEY_C);
    teardown();
}

static void test_wrap_24bit(void)
{
    struct acc a;

    setup();
    cpu.psw.mask = 0;
    cpu_amode_update(&cpu);
    mmu_tlb_flush(&cpu);
    g_assert_cmpuint(mmu_prepare(&cpu, &a, 0, 0xfffffe, 4, ACC_STORE), ==, EXC_PGM(PGM_ADDRESSING));
    cpu.prefix = 0;
    g_assert_cmpuint(cpu_wrap(&cpu, 0xffffff + 1), ==, 0);
    teardown();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/mmu/prefix-swap", test_prefix_swap);
    g_test_add_func("/mmu/prefixed-store", test_prefixed_store);
    g_test_add_func("/mmu/addressing-exception", test_addressing_exception);
    g_test_add_func("/mmu/page-crossing", test_page_crossing);
    g_test_add_func("/mmu/code-frame-invalidation", test_code_frame_invalidation);
    g_test_add_func("/mmu/wrap-24bit", test_wrap_24bit);
    return g_test_run();
}
