/*
 * hfp_common.h - harness for the HFP guest tests: run one instruction
 * through EXECUTE with FPRs 0-15, GPRs 2-3, the program mask and the CC
 * given, then collect FPRs, GPRs 2-3, CC and any program interruption.
 * RX-form operands use base register 1, which points at hfp_mem.
 */
#ifndef HFP_COMMON_H
#define HFP_COMMON_H

#include "rt/rt.h"

struct hfp_io {
    uint64_t f[16];         /* FPRs in, then out */
    uint64_t g[2];          /* GPRs 2 and 3 in, then out */
    unsigned pm;            /* program mask in */
    unsigned cc;            /* CC out */
    unsigned code;          /* program-interruption code, 0 for none */
};

static uint64_t hfp_mem[4] __attribute__((aligned(8)));

/* Execute the instruction whose bytes are @insn (2, 4 or 6 bytes). */
static void hfp_exec(const uint8_t *insn, struct hfp_io *io)
{
    static uint8_t target[8] __attribute__((aligned(8)));
    struct rt_pgm_info pi;
    uint64_t spm = (uint64_t)(io->pm & 0xf) << 24;
    uint64_t ipm;

    memcpy(target, insn, 6);
    rt_pgm_arm();
    asm volatile(
        "  ld    %%f0,0(%[f])\n  ld    %%f1,8(%[f])\n"
        "  ld    %%f2,16(%[f])\n  ld    %%f3,24(%[f])\n"
        "  ld    %%f4,32(%[f])\n  ld    %%f5,40(%[f])\n"
        "  ld    %%f6,48(%[f])\n  ld    %%f7,56(%[f])\n"
        "  ld    %%f8,64(%[f])\n  ld    %%f9,72(%[f])\n"
        "  ld    %%f10,80(%[f])\n  ld    %%f11,88(%[f])\n"
        "  ld    %%f12,96(%[f])\n  ld    %%f13,104(%[f])\n"
        "  ld    %%f14,112(%[f])\n  ld    %%f15,120(%[f])\n"
        "  lg    %%r2,0(%[g])\n  lg    %%r3,8(%[g])\n"
        "  lgr   %%r1,%[m]\n"
        "  spm   %[spm]\n"
        "  ex    %%r0,0(%[t])\n"
        "  ipm   %[ipm]\n"
        "  std   %%f0,0(%[f])\n  std   %%f1,8(%[f])\n"
        "  std   %%f2,16(%[f])\n  std   %%f3,24(%[f])\n"
        "  std   %%f4,32(%[f])\n  std   %%f5,40(%[f])\n"
        "  std   %%f6,48(%[f])\n  std   %%f7,56(%[f])\n"
        "  std   %%f8,64(%[f])\n  std   %%f9,72(%[f])\n"
        "  std   %%f10,80(%[f])\n  std   %%f11,88(%[f])\n"
        "  std   %%f12,96(%[f])\n  std   %%f13,104(%[f])\n"
        "  std   %%f14,112(%[f])\n  std   %%f15,120(%[f])\n"
        "  stg   %%r2,0(%[g])\n  stg   %%r3,8(%[g])\n"
        : [ipm] "=&d"(ipm)
        : [f] "a"(io->f), [g] "a"(io->g), [m] "d"(hfp_mem), [t] "a"(target),
          [spm] "d"(spm)
        : "r1", "r2", "r3", "cc", "memory",
          "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7",
          "f8", "f9", "f10", "f11", "f12", "f13", "f14", "f15");
    io->code = rt_pgm_disarm(&pi) ? pi.code : 0;
    io->cc = rt_cc_from_ipm(ipm);
    /* Leave the program mask clear for the runtime. */
    rt_set_pm(0);
}

/* Execute @insn with the AFP-register control (CR0 bit 45) off and the
 * FPRs as they are. Returns the interruption code; *dxc gets the DXC
 * stored at real location 0x90. */
static __attribute__((unused)) unsigned hfp_exec_no_afp(const uint8_t *insn, uint32_t *dxc)
{
    static uint8_t target[8] __attribute__((aligned(8)));
    struct rt_pgm_info pi;
    uint64_t cr0 = rt_stctg(0);
    unsigned code;

    memcpy(target, insn, 6);
    *(volatile uint32_t *)0x90 = 0xffffffff;
    rt_lctlg(0, cr0 & ~(1ull << 18));
    rt_pgm_arm();
    asm volatile("  lgr   %%r1,%[m]\n"
                 "  ex    %%r0,0(%[t])\n"
                 : : [m] "d"(hfp_mem), [t] "a"(target)
                 : "r1", "cc", "memory", "f0", "f1", "f2", "f4", "f6");
    code = rt_pgm_disarm(&pi) ? pi.code : 0;
    rt_lctlg(0, cr0);
    *dxc = rt_lc32(0x90);
    return code;
}

/* Execute the RR or RRE instruction @mnemonic on FPR 4 and FPR 1 directly
 * (not under EXECUTE) with FPR 4 = @f4, FPR 1 = @f1 and program mask @pm; an interruption
 * is expected. Checks its code, the ILC, that the old PSW points right
 * after the instruction and the CC, then FPR 4 against @e4. */
#define HFP_DIRECT(name, mnemonic, pm, f4, f1, code_, ilc_, cc_, e4) do {        \
    uint64_t buf_[3] = { (f4), (f1), 0 }, next_, pm_ = (uint64_t)(pm) << 24;    \
    struct rt_pgm_info pi_;                                                      \
                                                                                 \
    rt_pgm_arm();                                                                \
    asm volatile("  ld    %%f4,0(%[b])\n"                                        \
                 "  ld    %%f1,8(%[b])\n"                                        \
                 "  spm   %[p]\n"                                                \
                 "  " mnemonic " %%f4,%%f1\n"                                    \
                 "1: larl  %[n],1b\n"                                            \
                 "  std   %%f4,16(%[b])\n"                                       \
                 : [n] "=&d"(next_) : [b] "a"(buf_), [p] "d"(pm_)                 \
                 : "f1", "f4", "cc", "memory");                                 \
    rt_check(rt_pgm_disarm(&pi_), name ": interruption");                        \
    rt_set_pm(0);                                                                \
    rt_check_u64(name ": code", pi_.code, (code_));                              \
    rt_check_u64(name ": ilc", pi_.ilc, (ilc_));                                 \
    rt_check_u64(name ": old PSW after the instruction", pi_.addr, next_);       \
    rt_check_u64(name ": cc", psw_mask_cc(pi_.mask), (cc_));                     \
    rt_check_u64(name ": result", buf_[2], (e4));                                \
} while (0)

/* Encodings with R1 = 4, R2 = 1, R3 = 8; storage operands at 0(%r1). */
#define RR(op)       ((const uint8_t[6]){ (op), 0x41 })
#define RRE(op)      ((const uint8_t[6]){ 0xb3, (op), 0x00, 0x41 })
#define RRE_B2(op)   ((const uint8_t[6]){ 0xb2, (op), 0x00, 0x41 })
#define RX(op)       ((const uint8_t[6]){ (op), 0x40, 0x10, 0x00 })
#define RXE(op)      ((const uint8_t[6]){ 0xed, 0x40, 0x10, 0x00, 0x00, (op) })
#define RXF(op)      ((const uint8_t[6]){ 0xed, 0x80, 0x10, 0x00, 0x40, (op) })
#define RRD(op)      ((const uint8_t[6]){ 0xb3, (op), 0x40, 0x81 })
/* CONVERT FROM FIXED: FPR 4 from GR 2; CONVERT TO FIXED: GR 2 from FPR 1. */
#define RRE_FIX(op)  ((const uint8_t[6]){ 0xb3, (op), 0x00, 0x42 })
#define RRF_E(op, m) ((const uint8_t[6]){ 0xb3, (op), (uint8_t)((m) << 4), 0x21 })

static struct hfp_io hfp_io;

/* Clear the inputs: FPRs, GPRs 2-3 and storage operand. */
static void hfp_reset(void)
{
    memset(&hfp_io, 0, sizeof(hfp_io));
    memset(hfp_mem, 0, sizeof(hfp_mem));
}

/* Run @insn with program mask @pm; check FPRs 4 and 6, the CC and the
 * interruption code as one test. */
static __attribute__((unused)) void hfp_check(const char *name, const uint8_t *insn,
                                              unsigned pm, uint64_t f4, uint64_t f6, unsigned cc,
                                              unsigned code)
{
    struct hfp_io *io = &hfp_io;
    bool ok;

    io->pm = pm;
    hfp_exec(insn, io);
    ok = io->f[4] == f4 && io->f[6] == f6 && io->cc == cc && io->code == code;
    rt_check(ok, name);
    if (!ok) {
        rt_diag("got f4 %016lx f6 %016lx cc %u code %x", (unsigned long)io->f[4],
                (unsigned long)io->f[6], io->cc, io->code);
        rt_diag("exp f4 %016lx f6 %016lx cc %u code %x", (unsigned long)f4,
                (unsigned long)f6, cc, code);
    }
}

/* Run @insn; check GR 2, the CC and the interruption code. */
static __attribute__((unused)) void hfp_check_gr(const char *name, const uint8_t *insn,
                                                 uint64_t g2, unsigned cc, unsigned code)
{
    struct hfp_io *io = &hfp_io;
    bool ok;

    io->pm = 0;
    hfp_exec(insn, io);
    ok = io->g[0] == g2 && io->cc == cc && io->code == code;
    rt_check(ok, name);
    if (!ok)
        rt_diag("got g2 %016lx cc %u code %x / exp %016lx cc %u code %x",
                (unsigned long)io->g[0], io->cc, io->code, (unsigned long)g2, cc, code);
}

#endif
