/* PERFORM FRAME MANAGEMENT FUNCTION and RESET REFERENCE BITS MULTIPLE (PoO
 * ch. 10): PFMF sets keys and clears 4 KiB frames by real address and the
 * rest of a 1 MiB frame by absolute address (R2 advanced), with its
 * specification and low-address-protection checks; RRBM collects and
 * resets the reference bits of 64 frames; LPP's operand access. Run with
 * -cpu max (args.txt), the model offering EDAT-1, RRBM and LPP. Sieve
 * only: QEMU 7.2 TCG lacks PFMF and RRBM (qemu-deviations.txt). */
#include "rt/rt.h"

#define AREA        0x600000ull         /* 1 MiB the program does not use */
#define PFMF_SK     (1ull << (63 - 46))
#define PFMF_CF     (1ull << (63 - 47))
#define PFMF_FSC1   (1ull << (63 - 51))
#define PFMF_NQ     (1ull << (63 - 52))
#define CR0_LAP     (1ull << (63 - 35))

static uint8_t frame[4096] __attribute__((aligned(4096)));

static uint64_t iske(uint64_t addr)
{
    uint64_t k = 0;

    asm volatile("iske %0,%1" : "+d"(k) : "a"(addr) : "memory");
    return k;
}

static void sske(uint64_t key, uint64_t addr)
{
    asm volatile("sske %0,%1" : : "d"(key), "a"(addr) : "memory");
}

/* PFMF with R1 @r1 and R2 @r2. Returns R2 afterwards. */
static uint64_t pfmf(uint64_t r1, uint64_t r2)
{
    asm volatile(".insn rre,0xb9af0000,%1,%0" : "+a"(r2) : "d"(r1) : "memory");
    return r2;
}

static void pfmf_arg(void *arg)
{
    pfmf((uintptr_t)arg, AREA);
}

static void pfmf_beyond(void *arg)
{
    (void)arg;
    pfmf(PFMF_SK, 0x10000000);          /* 256 MiB: beyond the 128 MiB */
}

static void pfmf_clear_zero(void *arg)
{
    (void)arg;
    pfmf(PFMF_CF, 0);
}

static void test_pfmf_4k(void)
{
    uint64_t a = (uintptr_t)frame;

    rt_check_u64("pfmf sk 4K: R2 unchanged", pfmf(PFMF_SK | 0x36, a + 0x123), a + 0x123);
    rt_check_u64("pfmf sk 4K: key set", iske(a) & 0xfe, 0x36);
    memset(frame, 0xaa, sizeof(frame));
    sske(0x30, a);
    pfmf(PFMF_CF, a);
    rt_check(frame[0] == 0 && frame[2048] == 0 && frame[4095] == 0, "pfmf cf 4K: cleared");
    rt_check_u64("pfmf cf 4K: key kept, R and C set", iske(a) & 0xfe, 0x36);
    memset(frame, 0x55, sizeof(frame));
    pfmf(PFMF_SK | PFMF_CF | 0x10, a);
    rt_check(frame[100] == 0, "pfmf sk+cf: cleared");
    rt_check_u64("pfmf sk+cf: ACC and F from R1", iske(a) & 0xf8, 0x10);
    sske(0, a);
}

static void test_pfmf_1m(void)
{
    rt_check_u64("pfmf sk 1M from the last frame: R2 at the next 1M",
                 pfmf(PFMF_SK | PFMF_FSC1 | 0x20, AREA + 0xff000), AREA + 0x100000);
    rt_check_u64("pfmf 1M: last frame keyed", iske(AREA + 0xff000) & 0xf0, 0x20);
    rt_check_u64("pfmf 1M: earlier frame untouched", iske(AREA + 0xfe000) & 0xf0, 0x00);
    rt_check_u64("pfmf sk 1M whole: R2 at the next 1M",
                 pfmf(PFMF_SK | PFMF_FSC1 | 0x40, AREA + 0x5000), AREA + 0x100000);
    rt_check(iske(AREA) == 0 && (iske(AREA + 0x5000) & 0xf0) == 0x40 &&
             (iske(AREA + 0xff000) & 0xf0) == 0x40, "pfmf 1M: from R2's frame to the end");
    pfmf(PFMF_SK | PFMF_FSC1, AREA);
    rt_check_u64("pfmf 1M: keys reset", iske(AREA + 0x80000) & 0xf0, 0);
}

static void test_pfmf_exceptions(void)
{
    uint64_t cr0 = rt_stctg(0);
    struct rt_pgm_info pi;

    rt_check_u64("pfmf reserved bit 63: specification",
                 rt_pgm_try(pfmf_arg, (void *)(PFMF_SK | 1), &pi), PGM_SPECIFICATION);
    rt_check_u64("pfmf reserved bit 45: specification",
                 rt_pgm_try(pfmf_arg, (void *)(PFMF_SK | (1ull << 18)), &pi), PGM_SPECIFICATION);
    rt_check_u64("pfmf FSC 3: specification",
                 rt_pgm_try(pfmf_arg, (void *)(PFMF_SK | 3 * PFMF_FSC1), &pi), PGM_SPECIFICATION);
    rt_check_u64("pfmf NQ without facility 14: specification",
                 rt_pgm_try(pfmf_arg, (void *)(PFMF_SK | PFMF_NQ), &pi), PGM_SPECIFICATION);
    rt_check_u64("pfmf beyond storage: addressing", rt_pgm_try(pfmf_beyond, 0, &pi), 0x05);
    *(volatile uint64_t *)0x180 = 0x1234;
    rt_lctlg(0, cr0 | CR0_LAP);
    rt_check_u64("pfmf cf of real 0 under LAP: protection",
                 rt_pgm_try(pfmf_clear_zero, 0, &pi), PGM_PROTECTION);
    rt_lctlg(0, cr0);
    rt_check_u64("pfmf cf under LAP: lowcore intact", rt_lc64(0x180), 0x1234);
}

static void test_rrbm(void)
{
    uint64_t mask = 0xdead;

    for (unsigned i = 0; i < 64; i++)
        sske(i == 0 || i == 5 || i == 63 ? 0x04 : 0x02, AREA + i * 4096ull);
    asm volatile(".insn rre,0xb9ae0000,%0,%1" : "=d"(mask) : "a"(AREA + 0x1234) : "memory");
    rt_check_u64("rrbm: R bits of frames 0, 5, 63", mask,
                 1ull << 63 | 1ull << (63 - 5) | 1ull);
    rt_check_u64("rrbm: frame 5 R reset", iske(AREA + 5 * 4096) & 0x06, 0);
    rt_check_u64("rrbm: frame 6 C kept", iske(AREA + 6 * 4096) & 0x06, 0x02);
    for (unsigned i = 0; i < 64; i++)
        sske(0, AREA + i * 4096ull);
}

static void lpp_at(void *arg)
{
    asm volatile(".insn s,0xb2800000,0(%0)" : : "a"(arg) : "memory");
}

/* LPP: the program parameter is not observable; only the access counts. */
static void test_lpp(void)
{
    static const uint64_t param = 0x0123456789abcdefull;
    struct rt_pgm_info pi;

    rt_check_u64("lpp: no interruption", rt_pgm_try(lpp_at, (void *)&param, &pi), 0);
    rt_check_u64("lpp beyond storage: addressing",
                 rt_pgm_try(lpp_at, (void *)0x10000000, &pi), 0x05);
}

int main(void)
{
    test_pfmf_4k();
    test_pfmf_1m();
    test_pfmf_exceptions();
    test_rrbm();
    test_lpp();
    return 0;
}
