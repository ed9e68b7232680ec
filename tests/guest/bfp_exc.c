/*
 * bfp_exc.c - BFP program interruptions (PoO ch. 9 "IEEE Exceptions",
 * "Data-Exception Code"): enabled IEEE invalid and division by zero
 * suppress (target unchanged, DXC in lowcore and in the FPC), masked
 * conditions set only flags, FPC flags accumulate, and a BFP instruction
 * with the AFP-register control off gives DXC 2.
 */
#include "bfp_common.h"

#define ONE   0x3ff0000000000000ull
#define THREE 0x4008000000000000ull
#define SNAN  0x7ff0000000000001ull

static void suppressing(void)
{
    struct fpres r;

    r = TRAPPING(BFP2("adbr %%f0,%%f2", ONE, SNAN, FPC_MI));
    rt_checkf(r.trapped && r.code == 7, "adbr snan, invalid enabled: data exception");
    rt_check_u64("adbr snan: dxc 80", r.dxc, 0x80);
    rt_check_u64("adbr snan: target unchanged", r.r, ONE);
    rt_check_u64("adbr snan: fpc dxc byte, no flag", r.fpc, FPC_MI | 0x8000);
    r = TRAPPING(BFP2("ddbr %%f0,%%f2", ONE, 0, FPC_MZ));
    rt_checkf(r.trapped && r.code == 7, "ddbr 1/0, divide enabled");
    rt_check_u64("ddbr 1/0: dxc 40", r.dxc, 0x40);
    rt_check_u64("ddbr 1/0: target unchanged", r.r, ONE);
    rt_check_u64("ddbr 1/0: fpc", r.fpc, FPC_MZ | 0x4000);
    r = TRAPPING(BFP2("ddbr %%f0,%%f2", ONE, 0, FPC_MI));
    rt_checkf(!r.trapped && r.fpc == (FPC_MI | FPC_FZ), "ddbr 1/0 with only invalid enabled: flag");
    r = TRAPPING(BFP2("sqdbr %%f0,%%f2", ONE, ONE | 1ull << 63, FPC_MI));
    rt_checkf(r.trapped && r.dxc == 0x80 && r.r == ONE, "sqdbr -1 invalid trap");
    r = TRAPPING(BFP2("cdbr %%f0,%%f2", ONE, SNAN, FPC_MI));
    rt_checkf(r.trapped && r.dxc == 0x80, "cdbr snan invalid trap");
    r = TRAPPING(BFP2("kdbr %%f0,%%f2", ONE, 0x7ff8000000000000ull, FPC_MI));
    rt_checkf(r.trapped && r.dxc == 0x80, "kdbr qnan invalid trap");
    r = TRAPPING(BFP2("cdbr %%f0,%%f2", ONE, 0x7ff8000000000000ull, FPC_MI));
    rt_checkf(!r.trapped && r.cc == 3, "cdbr qnan: no trap");
    r = TRAPPING(BFPG("cfdbr %[g],0,%%f0", SNAN, 0, 0x1234, FPC_MI));
    rt_checkf(r.trapped && r.dxc == 0x80 && r.r == 0x1234, "cfdbr snan: trap, gr unchanged");
    r = TRAPPING(BFP2("ldebr %%f0,%%f2", ONE, S(0x7f800001), FPC_MI));
    rt_checkf(r.trapped && r.dxc == 0x80 && r.r == ONE, "ldebr snan trap");
    r = TRAPPING(BFP3("madbr %%f0,%%f2,%%f4", ONE, 0, 0x7ff0000000000000ull, FPC_MI));
    rt_checkf(r.trapped && r.dxc == 0x80 && r.r == ONE, "madbr 0*inf trap");
}

static void masked(void)
{
    struct fpres r;

    r = TRAPPING(BFP2("ddbr %%f0,%%f2", ONE, THREE, FPC_MI | FPC_MZ | FPC_MO | FPC_MU));
    rt_checkf(!r.trapped && r.r == 0x3fd5555555555555ull, "1/3 with inexact masked");
    rt_check_u64("1/3 flag", r.fpc, FPC_MI | FPC_MZ | FPC_MO | FPC_MU | FPC_FX);
    r = BFP2("ddbr %%f0,%%f2", ONE, 0, FPC_FX | FPC_FI);
    rt_check_u64("flags accumulate", r.fpc, FPC_FX | FPC_FI | FPC_FZ);
    r = BFP2("adbr %%f0,%%f2", ONE, ONE, FPC_MX);
    rt_checkf(r.fpc == FPC_MX && r.r == 0x4000000000000000ull,
              "exact result, inexact enabled: nothing");
    r = TRAPPING(BFP2("mdbr %%f0,%%f2", 0x0010000000000000ull, 0x3fe0000000000000ull, FPC_MX));
    rt_checkf(!r.trapped && r.r == 0x0008000000000000ull && r.fpc == FPC_MX,
              "tiny exact, underflow masked: nothing");
}

static void inexact_trap(void)
{
    struct fpres r;

    r = TRAPPING(BFP2("ddbr %%f0,%%f2", ONE, THREE, FPC_MX));
    rt_checkf(r.trapped && r.code == 7, "1/3 inexact enabled: data exception");
    rt_check_u64("1/3 inexact: dxc 08", r.dxc, 0x08);
    rt_check_u64("1/3 inexact: fpc dxc byte", r.fpc & 0xffff, 0x0800);
    r = TRAPPING(BFPG("cdfbr %%f0,%[g]", 0, 0, 7, FPC_MX));
    rt_checkf(!r.trapped && r.r2 == 0x401c000000000000ull, "cdfbr exact: no trap");
    r = TRAPPING(BFPG("cfdbra %[g],5,%%f0,4", 0x3fd5555555555555ull, 0, 9, FPC_MX));
    rt_checkf(!r.trapped && r.r == 0 && r.fpc == FPC_MX, "cfdbra xxc: no inexact trap");
}

static uint64_t get_cr0(void)
{
    uint64_t v;

    asm volatile("stctg %%c0,%%c0,%0" : "=Q"(v));
    return v;
}

/* Run INSN on f0 = A, f2 = B (GR %[g] = G) with CR0 bit 45 (AFP-register
 * control) off; only INSN runs in that state. */
#define AFP_OFF(insn, A, B, G) ({                                               \
    struct fpres r_ = { 0 };                                                    \
    uint64_t on_ = get_cr0(), off_ = on_ & ~(1ull << 18), g_ = (G);             \
    uint64_t io_[2] = { (A), (B) };                                             \
    struct rt_pgm_info pi_;                                                     \
    *(volatile uint32_t *)0x90 = 0;                                             \
    rt_pgm_arm();                                                               \
    asm volatile("  ld    %%f0,0(%[io])\n"                                      \
                 "  ld    %%f2,8(%[io])\n"                                      \
                 "  lctlg %%c0,%%c0,%[off]\n"                                   \
                 "  " insn "\n"                                                 \
                 "  lctlg %%c0,%%c0,%[on]\n"                                    \
                 "  std   %%f0,0(%[io])\n"                                      \
                 : [g] "+&d"(g_)                                                \
                 : [io] "a"(io_), [off] "Q"(off_), [on] "Q"(on_)                \
                 : "f0", "f2", "cc", "memory");                                \
    r_.r = io_[0];                                                              \
    r_.trapped = rt_pgm_disarm(&pi_);                                           \
    r_.code = pi_.code;                                                         \
    r_.dxc = rt_lc32(0x90);                                                     \
    r_.r2 = g_;                                                                 \
    r_;                                                                         \
})

static void afp_off(void)
{
    struct fpres r;

    r = AFP_OFF("adbr %%f0,%%f2", ONE, ONE, 0);
    rt_checkf(r.trapped && r.code == 7 && r.dxc == 2, "adbr with AFP off: DXC 2");
    rt_check_u64("adbr with AFP off: no result", r.r, ONE);
    r = AFP_OFF("cefbr %%f0,%[g]", ONE, 0, 1);
    rt_checkf(r.trapped && r.dxc == 2 && r.r == ONE, "cefbr with AFP off: DXC 2");
    r = AFP_OFF("ltdbr %%f0,%%f2", ONE, 0, 0);
    rt_checkf(r.trapped && r.dxc == 2 && r.r == ONE, "ltdbr with AFP off: DXC 2");
    r = AFP_OFF("cfdbr %[g],0,%%f0", ONE, 0, 5);
    rt_checkf(r.trapped && r.dxc == 2 && r.r2 == 5, "cfdbr with AFP off: DXC 2");
}

int main(void)
{
    suppressing();
    masked();
    inexact_trap();
    afp_off();
    return 0;
}
