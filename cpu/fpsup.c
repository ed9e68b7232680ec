/* Floating-point-support instructions (PoO chapter 9): loads, stores and
 * register moves that do no arithmetic, and the FPC. Debian's userland
 * uses LDGR/LGDR and STD/LD as spill registers, so these come before the
 * BFP and HFP families. */
#include "cpu/bfp.h"
#include "cpu/insn.h"

#include "mmu/mmu.h"

#define FPC_INVALID 0x03030088u    /* reserved FPC bits: 6-7, 14-15, 24, 28 */

/* Check that FPRs @a and @b may be used: without the AFP-register control
 * (CR0 bit 45) only 0, 2, 4 and 6 exist. Returns 0 or a data exception (DXC 1). */
static exc_t afp_check(struct cpu *cpu, unsigned a, unsigned b)
{
    if (cpu->cr[0] & BIT64(45))
        return 0;
    if ((a | b) & 9) {
        cpu->exc.dxc = DXC_AFP_REGISTER;
        return EXC_PGM(PGM_DATA);
    }
    return 0;
}

static uint64_t *fpr(struct cpu *cpu, unsigned r)
{
    return &cpu->vr[r].d[0];
}

/* Replace bits 0-31 of FPR @r (a short operand) by @v. */
static void set_fpr_short(struct cpu *cpu, unsigned r, uint32_t v)
{
    *fpr(cpu, r) = (*fpr(cpu, r) & 0xffffffffu) | (uint64_t)v << 32;
}

/* Is @r the lower register of a valid FPR pair (0,1,4,5,8,9,12,13)? */
static bool fpr_pair_ok(unsigned r)
{
    return (r & 2) == 0;
}

/* LDR - LOAD (long) (RR). */
exc_t insn_ldr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = afp_check(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    *fpr(cpu, in->r1) = *fpr(cpu, in->r2);
    return 0;
}

/* LER - LOAD (short) (RR): bits 0-31 only. */
exc_t insn_ler(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = afp_check(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    set_fpr_short(cpu, in->r1, (uint32_t)(*fpr(cpu, in->r2) >> 32));
    return 0;
}

/* LXR - LOAD (extended) (RRE). Returns specification for an invalid pair. */
exc_t insn_lxr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = afp_check(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    if (!fpr_pair_ok(in->r1) || !fpr_pair_ok(in->r2))
        return EXC_PGM(PGM_SPECIFICATION);
    *fpr(cpu, in->r1) = *fpr(cpu, in->r2);
    *fpr(cpu, in->r1 + 2) = *fpr(cpu, in->r2 + 2);
    return 0;
}

/* Common part of LD/LDY: fetch 8 bytes into FPR R1. */
static exc_t load_long(struct cpu *cpu, const struct insn *in)
{
    uint64_t v;
    exc_t exc = afp_check(cpu, in->r1, 0);

    if (exc)
        return exc;
    exc = mmu_fetch_u64(cpu, in->b2, insn_addr2(cpu, in), &v);
    if (exc)
        return exc;
    *fpr(cpu, in->r1) = v;
    return 0;
}

/* LD - LOAD (long) (RX-a). */
exc_t insn_ld(struct cpu *cpu, const struct insn *in)
{
    return load_long(cpu, in);
}

/* LDY - LOAD (long) (RXY-a). */
exc_t insn_ldy(struct cpu *cpu, const struct insn *in)
{
    return load_long(cpu, in);
}

/* Common part of LE/LEY: fetch 4 bytes into bits 0-31 of FPR R1. */
static exc_t load_short(struct cpu *cpu, const struct insn *in)
{
    uint32_t v;
    exc_t exc = afp_check(cpu, in->r1, 0);

    if (exc)
        return exc;
    exc = mmu_fetch_u32(cpu, in->b2, insn_addr2(cpu, in), &v);
    if (exc)
        return exc;
    set_fpr_short(cpu, in->r1, v);
    return 0;
}

/* LE - LOAD (short) (RX-a). */
exc_t insn_le(struct cpu *cpu, const struct insn *in)
{
    return load_short(cpu, in);
}

/* LEY - LOAD (short) (RXY-a). */
exc_t insn_ley(struct cpu *cpu, const struct insn *in)
{
    return load_short(cpu, in);
}

/* Common part of STD/STDY. */
static exc_t store_long(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = afp_check(cpu, in->r1, 0);

    if (exc)
        return exc;
    return mmu_store_u64(cpu, in->b2, insn_addr2(cpu, in), *fpr(cpu, in->r1));
}

/* STD - STORE (long) (RX-a). */
exc_t insn_std(struct cpu *cpu, const struct insn *in)
{
    return store_long(cpu, in);
}

/* STDY - STORE (long) (RXY-a). */
exc_t insn_stdy(struct cpu *cpu, const struct insn *in)
{
    return store_long(cpu, in);
}

/* Common part of STE/STEY: bits 0-31 of FPR R1. */
static exc_t store_short(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = afp_check(cpu, in->r1, 0);

    if (exc)
        return exc;
    return mmu_store_u32(cpu, in->b2, insn_addr2(cpu, in), (uint32_t)(*fpr(cpu, in->r1) >> 32));
}

/* STE - STORE (short) (RX-a). */
exc_t insn_ste(struct cpu *cpu, const struct insn *in)
{
    return store_short(cpu, in);
}

/* STEY - STORE (short) (RXY-a). */
exc_t insn_stey(struct cpu *cpu, const struct insn *in)
{
    return store_short(cpu, in);
}

/* LZER - LOAD ZERO (short) (RRE): bits 0-31 become +0. */
exc_t insn_lzer(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = afp_check(cpu, in->r1, 0);

    if (exc)
        return exc;
    set_fpr_short(cpu, in->r1, 0);
    return 0;
}

/* LZDR - LOAD ZERO (long) (RRE). */
exc_t insn_lzdr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = afp_check(cpu, in->r1, 0);

    if (exc)
        return exc;
    *fpr(cpu, in->r1) = 0;
    return 0;
}

/* LZXR - LOAD ZERO (extended) (RRE). Returns specification for an invalid pair. */
exc_t insn_lzxr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = afp_check(cpu, in->r1, 0);

    if (exc)
        return exc;
    if (!fpr_pair_ok(in->r1))
        return EXC_PGM(PGM_SPECIFICATION);
    *fpr(cpu, in->r1) = 0;
    *fpr(cpu, in->r1 + 2) = 0;
    return 0;
}

/* LDGR - LOAD FPR FROM GR (long) (RRE). */
exc_t insn_ldgr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = afp_check(cpu, in->r1, 0);

    if (exc)
        return exc;
    *fpr(cpu, in->r1) = cpu->gr[in->r2];
    return 0;
}

/* LGDR - LOAD GR FROM FPR (long) (RRE). */
exc_t insn_lgdr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = afp_check(cpu, 0, in->r2);

    if (exc)
        return exc;
    cpu->gr[in->r1] = *fpr(cpu, in->r2);
    return 0;
}

/* Set FPR R1 from FPR R2 with its sign bit replaced: @op 0 positive, 1
 * negative, 2 inverted. Returns the AFP data exception. */
static exc_t sign_op(struct cpu *cpu, const struct insn *in, int op)
{
    uint64_t v;
    exc_t exc = afp_check(cpu, in->r1, in->r2);

    if (exc)
        return exc;
    v = *fpr(cpu, in->r2);
    v = op == 0 ? v & ~BIT64(0) : op == 1 ? v | BIT64(0) : v ^ BIT64(0);
    *fpr(cpu, in->r1) = v;
    return 0;
}

/* LPDFR - LOAD POSITIVE (long) (RRE): sign bit zero, no CC. */
exc_t insn_lpdfr(struct cpu *cpu, const struct insn *in)
{
    return sign_op(cpu, in, 0);
}

/* LNDFR - LOAD NEGATIVE (long) (RRE): sign bit one, no CC. */
exc_t insn_lndfr(struct cpu *cpu, const struct insn *in)
{
    return sign_op(cpu, in, 1);
}

/* LCDFR - LOAD COMPLEMENT (long) (RRE): sign bit inverted, no CC. */
exc_t insn_lcdfr(struct cpu *cpu, const struct insn *in)
{
    return sign_op(cpu, in, 2);
}

/* CPSDR - COPY SIGN (long) (RRF-b): FPR R2 with the sign of FPR R3. */
exc_t insn_cpsdr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = afp_check(cpu, in->r1, in->r2 | in->r3);

    if (exc)
        return exc;
    *fpr(cpu, in->r1) = (*fpr(cpu, in->r2) & ~BIT64(0)) | (*fpr(cpu, in->r3) & BIT64(0));
    return 0;
}

/* EFPC - EXTRACT FPC (RRE): bits 32-63 of GR R1. Returns the data
 * exception of a BFP instruction with the AFP-register control off. */
exc_t insn_efpc(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, cpu->fpc);
    return 0;
}

/* Is @fpc a value SFPC/LFPC may load? Reserved bits and the BFP rounding
 * modes 4-6 are invalid. */
static bool fpc_valid(uint32_t fpc)
{
    unsigned rm = fpc & 7;

    return !(fpc & FPC_INVALID) && (rm < 4 || rm == 7);
}

/* SFPC - SET FPC (RRE). Returns the AFP data exception, or specification
 * for an invalid FPC value. */
exc_t insn_sfpc(struct cpu *cpu, const struct insn *in)
{
    uint32_t v = cpu_gr32(cpu, in->r1);
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    if (!fpc_valid(v))
        return EXC_PGM(PGM_SPECIFICATION);
    cpu->fpc = v;
    return 0;
}

/* LFPC - LOAD FPC (S). Returns the AFP data exception, access or
 * specification exceptions. */
exc_t insn_lfpc(struct cpu *cpu, const struct insn *in)
{
    uint32_t v;
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    exc = mmu_fetch_u32(cpu, in->b2, insn_addr2(cpu, in), &v);
    if (exc)
        return exc;
    if (!fpc_valid(v))
        return EXC_PGM(PGM_SPECIFICATION);
    cpu->fpc = v;
    return 0;
}

#define FPC_FLAGS       0x00fc0000u     /* FPC bits 8-13: i z o u x q flags */
#define DXC_SIMULATED   0x03u           /* DXC bits 6-7 of a simulated IEEE exception */
#define FPC_QUANTUM     0x04u           /* the q bit of a flag, mask or DXC byte */

/* The DXC of the simulated IEEE exception that loading @src into an FPC
 * holding @cur signals, or 0: an enabled flag is a flag of @cur whose mask
 * is one in @src; the highest-priority one (invalid, division by zero,
 * overflow, underflow, inexact, quantum) gives the DXC, overflow and
 * underflow with the x bit of an enabled inexact flag, and bits 6-7 are 11.
 * PoO ch. 9, "SET FPC AND SIGNAL". */
static unsigned simulated_ieee_dxc(uint32_t cur, uint32_t src)
{
    unsigned enabled = (cur >> 16) & (src >> 24) & 0xfc;
    unsigned x = enabled & BFP_INEXACT;

    if (enabled & BFP_INVALID)
        return BFP_INVALID | DXC_SIMULATED;
    if (enabled & BFP_DIVIDE)
        return BFP_DIVIDE | DXC_SIMULATED;
    if (enabled & BFP_OVERFLOW)
        return BFP_OVERFLOW | x | DXC_SIMULATED;
    if (enabled & BFP_UNDERFLOW)
        return BFP_UNDERFLOW | x | DXC_SIMULATED;
    if (x)
        return BFP_INEXACT | DXC_SIMULATED;
    if (enabled & FPC_QUANTUM)
        return FPC_QUANTUM | DXC_SIMULATED;
    return 0;
}

/* Common part of LFAS and SFASR: the FPC becomes @src with the current flags
 * ORed into its flags. Returns specification for an invalid @src (FPC
 * unchanged), else the data exception of a simulated IEEE exception (the
 * FPC already loaded; the interruption stores the DXC in it too). */
static exc_t set_fpc_and_signal(struct cpu *cpu, uint32_t src)
{
    unsigned dxc;

    if (!fpc_valid(src))
        return EXC_PGM(PGM_SPECIFICATION);
    dxc = simulated_ieee_dxc(cpu->fpc, src);
    cpu->fpc = src | (cpu->fpc & FPC_FLAGS);
    if (!dxc)
        return 0;
    cpu->exc.dxc = dxc;
    return EXC_PGM(PGM_DATA);
}

/* The AFP-register check of LFAS and SFASR: without CR0 bit 45 they are
 * DFP-class instructions and give a data exception with DXC 3, as QEMU 7.2
 * does. Returns 0 or that exception. */
static exc_t ieeesim_check(struct cpu *cpu)
{
    if (cpu->cr[0] & BIT64(45))
        return 0;
    cpu->exc.dxc = DXC_DFP_INSN;
    return EXC_PGM(PGM_DATA);
}

/* SFASR - SET FPC AND SIGNAL (RRE): bits 32-63 of GR R1. Returns as
 * set_fpc_and_signal, or the AFP data exception. */
exc_t insn_sfasr(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = ieeesim_check(cpu);

    if (exc)
        return exc;
    return set_fpc_and_signal(cpu, cpu_gr32(cpu, in->r1));
}

/* LFAS - LOAD FPC AND SIGNAL (S). Returns the AFP data exception, access
 * exceptions, or as set_fpc_and_signal. */
exc_t insn_lfas(struct cpu *cpu, const struct insn *in)
{
    uint32_t v;
    exc_t exc = ieeesim_check(cpu);

    if (exc)
        return exc;
    exc = mmu_fetch_u32(cpu, in->b2, insn_addr2(cpu, in), &v);
    if (exc)
        return exc;
    return set_fpc_and_signal(cpu, v);
}

/* STFPC - STORE FPC (S). Returns the AFP data exception or access
 * exceptions. */
exc_t insn_stfpc(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    return mmu_store_u32(cpu, in->b2, insn_addr2(cpu, in), cpu->fpc);
}

/* SRNM - SET BFP ROUNDING MODE (S): FPC bits 30-31 from address bits 62-63;
 * bit 29, the third bit of the BFP rounding mode, is set to zero. Returns
 * the AFP data exception. */
exc_t insn_srnm(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    cpu->fpc = (cpu->fpc & ~7u) | (uint32_t)(insn_addr2(cpu, in) & 3);
    return 0;
}

/* SRNMT - SET DFP ROUNDING MODE (S): FPC bits 25-27 from address bits 61-63. */
exc_t insn_srnmt(struct cpu *cpu, const struct insn *in)
{
    cpu->fpc = (cpu->fpc & ~0x70u) | (uint32_t)(insn_addr2(cpu, in) & 7) << 4;
    return 0;
}

/* SRNMB - SET BFP ROUNDING MODE (S): FPC bits 29-31 from address bits
 * 61-63. Returns the AFP data exception, specification for the reserved
 * modes 4-6 and when address bits 56-60 are not zero (PoO ch. 9, SET BFP
 * ROUNDING MODE). */
exc_t insn_srnmb(struct cpu *cpu, const struct insn *in)
{
    uint64_t a = insn_addr2(cpu, in);
    unsigned rm = (unsigned)(a & 7);
    exc_t exc = bfp_check(cpu);

    if (exc)
        return exc;
    if ((a & 0xf8) || (rm >= 4 && rm != 7))
        return EXC_PGM(PGM_SPECIFICATION);
    cpu->fpc = (cpu->fpc & ~7u) | rm;
    return 0;
}
