/* Prefixing (PoO ch. 3 "Prefixing", ch. 10 "SET PREFIX", "STORE PREFIX"):
 * with prefix P, real 0-8K is absolute P-P+8K and real P-P+8K is absolute
 * 0-8K, both 4K pages of the block, nothing beyond it; SPX ignores operand
 * bits 0 and 19-31, wants a word-aligned operand and a prefix area in
 * storage; STPX stores the prefix with zeros around it; STFL and a
 * program interruption store into the prefix area. */
#include "rt/rt.h"

#define PAGE0_SPOT  0x0f00      /* real locations no one else uses */
#define PAGE1_SPOT  0x1f00

static uint8_t area[8192] __attribute__((aligned(8192)));
static uint8_t beyond[4096] __attribute__((aligned(4096)));

/* The doubleword at real address @a (DAT is off: real = logical). */
static uint64_t real64(uintptr_t a)
{
    return *(volatile uint64_t *)a;
}

static void set_prefix(uint32_t p)
{
    asm volatile("spx %0" : : "Q"(p) : "memory");
}

static uint32_t get_prefix(void)
{
    uint32_t p = 0xffffffff;

    asm volatile("stpx %0" : "=Q"(p));
    return p;
}

static void test_swap(void)
{
    const uintptr_t p = (uintptr_t)area;

    memcpy(area, (void *)0, sizeof(area));
    *(volatile uint64_t *)PAGE0_SPOT = 0xa0;
    *(volatile uint64_t *)PAGE1_SPOT = 0xa1;
    *(volatile uint64_t *)(p + PAGE0_SPOT) = 0xb0;
    *(volatile uint64_t *)(p + PAGE1_SPOT) = 0xb1;
    *(volatile uint64_t *)beyond = 0xc0;
    set_prefix(p);
    rt_check_u64("stpx: the new prefix", get_prefix(), p);
    rt_check_u64("real page 0 is absolute P", real64(PAGE0_SPOT), 0xb0);
    rt_check_u64("real page 1 is absolute P + 4K", real64(PAGE1_SPOT), 0xb1);
    rt_check_u64("real P is absolute 0", real64(p + PAGE0_SPOT), 0xa0);
    rt_check_u64("real P + 4K is absolute 4K", real64(p + PAGE1_SPOT), 0xa1);
    rt_check_u64("real 8K and above: not prefixed", real64((uintptr_t)beyond), 0xc0);
    *(volatile uint64_t *)PAGE1_SPOT = 0xd1;            /* absolute P + 0x1f00 */
    *(volatile uint64_t *)(p + PAGE0_SPOT) = 0xd0;      /* absolute 0x0f00 */
    set_prefix(0);
    rt_check_u64("prefix 0: stpx", get_prefix(), 0);
    rt_check_u64("store to real page 1 reached absolute P + 4K", real64(p + PAGE1_SPOT), 0xd1);
    rt_check_u64("store to real P reached absolute 0", real64(PAGE0_SPOT), 0xd0);
    rt_check_u64("absolute 4K kept", real64(PAGE1_SPOT), 0xa1);
}

static void test_operand_bits(void)
{
    const uintptr_t p = (uintptr_t)area;
    uint32_t st[2] = { 0xffffffff, 0xffffffff };

    memcpy(area, (void *)0, sizeof(area));
    set_prefix(0x80000000u | (uint32_t)p | 0x1fff);
    asm volatile("stpx %0" : "=Q"(st[0]));
    set_prefix(0);
    rt_check_u64("spx ignores bits 0 and 19-31", st[0], p);
    rt_check_u64("stpx stores one word only", st[1], 0xffffffff);
}

static void spx_at(void *arg)
{
    asm volatile("spx 0(%0)" : : "a"(arg) : "memory");
}

static void test_exceptions(void)
{
    static uint32_t ops[2] __attribute__((aligned(8)));
    struct rt_pgm_info pi;
    unsigned code;

    ops[0] = 0x7fffe000;        /* far beyond the 128 MiB of storage */
    code = rt_pgm_try(spx_at, &ops[0], &pi);
    rt_check_u64("spx outside storage: addressing", code, PGM_ADDRESSING);
    rt_check_u64("spx outside storage: prefix kept", get_prefix(), 0);
    code = rt_pgm_try(spx_at, (uint8_t *)ops + 2, &pi);
    rt_check_u64("spx odd-halfword operand: specification", code, PGM_SPECIFICATION);
    rt_check_u64("spx: ilc 2", pi.ilc, 2);
}

static void bad_op(void *arg)
{
    (void)arg;
    asm volatile(".short 0x0000");
}

static void test_stores_into_prefix_area(void)
{
    const uintptr_t p = (uintptr_t)area;
    struct rt_pgm_info pi;
    uint32_t fl0;

    memcpy(area, (void *)0, sizeof(area));
    asm volatile("stfl 0" ::: "memory");
    fl0 = *(volatile uint32_t *)0xc8;
    *(volatile uint32_t *)0xc8 = 0;
    *(volatile uint32_t *)(p + 0xc8) = 0;
    *(volatile uint16_t *)0x8e = 0x5555;
    set_prefix(p);
    asm volatile("stfl 0" ::: "memory");
    rt_pgm_try(bad_op, NULL, &pi);
    set_prefix(0);
    rt_check_u64("stfl stored into the prefix area", *(volatile uint32_t *)(p + 0xc8), fl0);
    rt_check_u64("absolute 0xc8 untouched", *(volatile uint32_t *)0xc8, 0);
    rt_check_u64("program interruption code in the prefix area",
                 *(volatile uint16_t *)(p + 0x8e), PGM_OPERATION);
    rt_check_u64("absolute 0x8e untouched", *(volatile uint16_t *)0x8e, 0x5555);
    rt_check_u64("program old PSW address in the prefix area",
                 *(volatile uint64_t *)(p + 0x158), pi.addr);
}

int main(void)
{
    test_swap();
    test_operand_bits();
    test_exceptions();
    test_stores_into_prefix_area();
    return 0;
}
