/* LOAD REAL ADDRESS in each addressing mode and address-space mode (PoO
 * ch. 10 "LOAD REAL ADDRESS"): the second-operand address is truncated to
 * 24 or 31 bits in those modes, where LRA and LRAY set bits 32-63 of R1
 * (bit 32 zero); in the 64-bit mode they set all of R1; LRAG sets all of
 * R1 in every mode; LRAY takes a negative displacement; the home-space
 * mode translates by the home ASCE; a segment index beyond the segment
 * table's length gives CC 3 with bit 32 one and the exception code in
 * bits 48-63. QEMU 7.2 also replaces bits 0-31 of R1 in the 24- and 31-bit
 * modes (PoO: unchanged), so only bits 32-63 are compared there; the
 * CC 1/2 cases are in dat_strict. */
#include "dat_common.h"
#include "psw_run.h"

#define AM24    0ull
#define AM31    PSW_MASK_BA
#define AM64    PSW_MASK_64
#define HOME    (3ull << 46)
#define R1_OLD  0xaaaaaaaabbbbbbbbull

static uint64_t stab[2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));
static uint64_t home_stab[512] __attribute__((aligned(4096)));
static uint64_t home_ptab[256] __attribute__((aligned(4096)));
static uint8_t page[4096] __attribute__((aligned(4096)));
static uint8_t frame[4096] __attribute__((aligned(4096)));
static uint8_t home_frame[4096] __attribute__((aligned(4096)));

/* R1 and the IPM word after the instruction. */
uint64_t lra_out[2];

/* Primary space: 16 MiB identity, the test page on frame. Home space: a
 * 512-entry segment table (TL 0) with the test page on home_frame. */
static void setup(void)
{
    uint64_t p = (uint64_t)(uintptr_t)page;

    ident_map_16m(stab, ptab);
    for (unsigned i = 0; i < 512; i++)
        home_stab[i] = stab[i];
    for (unsigned i = 0; i < 256; i++)
        home_ptab[i] = ptab[p >> 20][i];
    ptab[p >> 20][(p >> 12) & 0xff] = (uint64_t)(uintptr_t)frame;
    home_ptab[(p >> 12) & 0xff] = (uint64_t)(uintptr_t)home_frame;
    home_stab[p >> 20] = (uint64_t)(uintptr_t)home_ptab;
    stab[1024] = (uint64_t)(uintptr_t)ptab[0];          /* 1 GiB -> real 0 */
    rt_lctlg(1, (uint64_t)(uintptr_t)stab | ASCE_TL(3));
    rt_lctlg(13, (uint64_t)(uintptr_t)home_stab | ASCE_TL(0));
    asm volatile("ptlb" : : : "memory");
}

/* Run @insn (R1 = GR2 = R1_OLD, operand address in GR3) under DAT with the
 * PSW mask bits @mode; returns the CC, *r1 gets R1. */
#define LRA_RUN(name, insn, mode, addr, r1) ({                                  \
    struct rt_pgm_info pi_;                                                     \
    uint64_t at_;                                                               \
    lra_out[0] = lra_out[1] = 0;                                                \
    PSW_RUN(&pi_, &at_, PSW_MASK_DAT | (mode),                                  \
            insn "\n ipm %%r3\n larl %%r1,lra_out\n stg %%r2,0(%%r1)\n"         \
            " stg %%r3,8(%%r1)", R1_OLD, addr);                                 \
    rt_checkf(!pi_.fired, "%s: no interruption", name);                         \
    *(r1) = lra_out[0];                                                         \
    rt_cc_from_ipm(lra_out[1]);                                                 \
})

static void test_modes(void)
{
    uint64_t p = (uint64_t)(uintptr_t)page, f = (uint64_t)(uintptr_t)frame;
    uint64_t h = (uint64_t)(uintptr_t)home_frame, r1;
    unsigned cc;

    cc = LRA_RUN("lra 64-bit", "lra %%r2,0(%%r3)", AM64, p + 0x123, &r1);
    rt_checkf(cc == 0 && r1 == f + 0x123, "lra 64-bit: cc 0, all of R1 the real address");
    cc = LRA_RUN("lra 31-bit", "lra %%r2,0(%%r3)", AM31, 0xffffffff80000000ull | (p + 0x123), &r1);
    rt_check_u64("lra 31-bit: cc 0", cc, 0);
    rt_check_u64("lra 31-bit: bits 32-63, 31-bit address translated", (uint32_t)r1, f + 0x123);
    cc = LRA_RUN("lra 24-bit", "lra %%r2,0(%%r3)", AM24, 0xffffffffff000000ull | (p + 0x45), &r1);
    rt_check_u64("lra 24-bit: cc 0", cc, 0);
    rt_check_u64("lra 24-bit: bits 32-63, 24-bit address translated", (uint32_t)r1, f + 0x45);
    cc = LRA_RUN("lray 31-bit", "lray %%r2,-0x100(%%r3)", AM31, p + 0x200, &r1);
    rt_check_u64("lray 31-bit, displacement -256: cc 0", cc, 0);
    rt_check_u64("lray 31-bit: real address", (uint32_t)r1, f + 0x100);
    cc = LRA_RUN("lrag 31-bit", "lrag %%r2,0(%%r3)", AM31, 0xffffffff80000000ull | (p + 8), &r1);
    rt_checkf(cc == 0 && r1 == f + 8, "lrag 31-bit: cc 0, all of R1 the real address");
    cc = LRA_RUN("lrag 24-bit", "lrag %%r2,0(%%r3)", AM24, p + 0xff8, &r1);
    rt_checkf(cc == 0 && r1 == f + 0xff8, "lrag 24-bit: cc 0, all of R1 the real address");
    cc = LRA_RUN("lra home 64-bit", "lra %%r2,0(%%r3)", AM64 | HOME, p + 0x10, &r1);
    rt_checkf(cc == 0 && r1 == h + 0x10, "lra home-space mode: the home space's frame");
    cc = LRA_RUN("lra home 31-bit beyond", "lra %%r2,0(%%r3)", AM31 | HOME, 0x40000000ull, &r1);
    rt_check_u64("lra beyond the segment-table length: cc 3", cc, 3);
    rt_check_u64("lra cc 3: bit 32 one, code 0x10", (uint32_t)r1, 0x80000000u | PGM_SEG_TRANS);
    cc = LRA_RUN("lra primary 31-bit 1 GiB", "lra %%r2,0(%%r3)", AM31, 0x40000000ull, &r1);
    rt_checkf(cc == 0 && (uint32_t)r1 == 0,
              "lra 31-bit primary (2048 segments): the same address translates");
}

int main(void)
{
    setup();
    test_modes();
    return 0;
}
