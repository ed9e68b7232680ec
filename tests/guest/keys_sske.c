/* Storage-key instructions in detail (PoO ch. 3 "Storage Key", ch. 10 "SET
 * STORAGE KEY EXTENDED", "INSERT STORAGE KEY EXTENDED", "RESET REFERENCE
 * BIT EXTENDED"): every R/C combination through RRBE's CC; ISKE keeps R1
 * bits 0-55 and zeroes bit 63; the operand is a real address (prefixing
 * applies: real 0 is the prefix area's frame), bits 52-63 are ignored and
 * in the 31-bit mode so is bit 32; the M3 field is ignored without the
 * conditional-SSKE facility (neither model offers it); SSKE and RRBE
 * beyond storage are addressing exceptions; keys of neighbouring frames
 * stay apart. */
#include "rt/rt.h"

#define BEYOND  0x7fff0000ull

static uint8_t frames[3][4096] __attribute__((aligned(4096)));
static uint8_t area[8192] __attribute__((aligned(8192)));

static void sske(uint64_t key, uint64_t addr)
{
    asm volatile("sske %0,%1" : : "d"(key), "a"(addr) : "memory");
}

static uint64_t iske(uint64_t addr, uint64_t r1)
{
    asm volatile("iske %0,%1" : "+d"(r1) : "a"(addr) : "memory");
    return r1;
}

static unsigned rrbe(uint64_t addr)
{
    uint64_t ipm;

    asm volatile("rrbe 0,%1\n\tipm %0" : "=d"(ipm) : "a"(addr) : "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

static void test_rrbe_combinations(void)
{
    const uint64_t f = (uintptr_t)frames[0];
    static const struct {
        uint64_t key;
        unsigned cc;
        uint64_t after;
    } cases[] = {
        { 0x50, 0, 0x50 }, { 0x52, 1, 0x52 }, { 0x54, 2, 0x50 }, { 0x56, 3, 0x52 },
    };

    for (unsigned i = 0; i < 4; i++) {
        sske(cases[i].key, f);
        rt_checkf(rrbe(f) == cases[i].cc, "rrbe, key 0x%02llx: cc %u",
                  (unsigned long long)cases[i].key, cases[i].cc);
        rt_checkf(iske(f, 0) == cases[i].after, "rrbe, key 0x%02llx: R reset, the rest kept",
                  (unsigned long long)cases[i].key);
    }
    sske(0, f);
}

static void test_iske_sske_bits(void)
{
    const uint64_t f = (uintptr_t)frames[1];

    sske(0xfffffffffffffff9ull, f);
    rt_check_u64("sske uses bits 56-62 only; iske keeps bits 0-55, bit 63 zero",
                 iske(f, 0x123456789abcdeffull), 0x123456789abcdef8ull);
    sske(0x40, f + 0xfff);
    rt_check_u64("sske: address bits 52-63 ignored", iske(f + 0x123, 0), 0x40);
    rt_check_u64("neighbour frame below: access key untouched", iske(f - 4096, 0) & 0xf8, 0);
    rt_check_u64("neighbour frame above: access key untouched", iske(f + 4096, 0) & 0xf8, 0);
    sske(0x36, f);
    asm volatile(".insn rrf,0xb22b0000,%0,%1,6,0" : : "d"(0x20ull), "a"(f) : "memory");
    rt_check_u64("sske with M3 6 (MR, MC) without conditional SSKE: all set",
                 iske(f, 0), 0x20);
    sske(0, f);
}

static void test_31bit(void)
{
    const uint64_t f = (uintptr_t)frames[2];
    uint64_t k = 0;

    asm volatile("sam31\n\tsske %1,%2\n\tiske %0,%3\n\tsam64"
                 : "+d"(k) : "d"(0x70ull), "a"(f | 0x80000000ull), "a"(f | 0xffffffff80000000ull)
                 : "memory");
    rt_check_u64("31-bit mode: sske and iske ignore address bits 0-32", k, 0x70);
    rt_check_u64("  the frame's key", iske(f, 0), 0x70);
    sske(0, f);
}

static void test_prefixing(void)
{
    const uint64_t p = (uintptr_t)area;
    uint32_t old = 0;

    memcpy(area, (void *)0, sizeof(area));
    sske(0x10, 0);
    sske(0x20, p);
    asm volatile("stpx %0" : "=Q"(old));
    asm volatile("spx %0" : : "Q"((uint32_t){(uint32_t)p}) : "memory");
    rt_check_u64("prefixed: iske of real 0 is the key of absolute P", iske(0, 0) & 0xf8, 0x20);
    rt_check_u64("prefixed: iske of real P is the key of absolute 0", iske(p, 0) & 0xf8, 0x10);
    sske(0x30, 0);
    asm volatile("spx %0" : : "Q"(old) : "memory");
    rt_check_u64("sske of real 0 under prefix P set the key of absolute P", iske(p, 0) & 0xf8,
                 0x30);
    rt_check_u64("  absolute 0 kept its key", iske(0, 0) & 0xf8, 0x10);
    sske(0, 0);
    sske(0, p);
}

static void sske_beyond(void *arg)
{
    (void)arg;
    sske(0x10, BEYOND);
}

static void rrbe_beyond(void *arg)
{
    (void)arg;
    rrbe(BEYOND);
}

static void test_addressing(void)
{
    struct rt_pgm_info pi;

    rt_check_u64("sske beyond storage: addressing", rt_pgm_try(sske_beyond, NULL, &pi),
                 PGM_ADDRESSING);
    rt_check_u64("rrbe beyond storage: addressing", rt_pgm_try(rrbe_beyond, NULL, &pi),
                 PGM_ADDRESSING);
}

int main(void)
{
    test_rrbe_combinations();
    test_iske_sske_bits();
    test_31bit();
    test_prefixing();
    test_addressing();
    return 0;
}
