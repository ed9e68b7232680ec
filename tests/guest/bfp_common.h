/*
 * bfp_common.h - helpers of the BFP guest tests: run one BFP instruction
 * on explicit FPRs loaded with LD from memory (so the programs stay
 * -msoft-float and need no LDGR/LGDR),
 * with a given FPC, and collect the result, the FPC and the CC.
 */
#ifndef BFP_COMMON_H
#define BFP_COMMON_H

#include "rt/rt.h"

struct fpres {
    uint64_t r, r2;     /* result (extended: r high, r2 low); GR result for conversions */
    uint32_t fpc;       /* FPC after the instruction */
    unsigned cc;
    bool trapped;       /* a program interruption happened (the _T forms) */
    uint16_t code;
    uint32_t dxc;       /* lowcore 0x90 */
};

/* FPC values: masks (bits 0-4), flags (8-12), rounding mode (29-31). */
#define FPC_MI 0x80000000u
#define FPC_MZ 0x40000000u
#define FPC_MO 0x20000000u
#define FPC_MU 0x10000000u
#define FPC_MX 0x08000000u
#define FPC_FI 0x00800000u
#define FPC_FZ 0x00400000u
#define FPC_FO 0x00200000u
#define FPC_FU 0x00100000u
#define FPC_FX 0x00080000u
#define RN 0u   /* nearest even */
#define RZ 1u
#define RP 2u   /* toward +infinity */
#define RM 3u   /* toward -infinity */
#define RO 7u   /* prepare for shorter precision */

/* Short operands live in bits 0-31 of the FPR. */
#define S(x) ((uint64_t)(uint32_t)(x) << 32)
#define SR(r) ((uint32_t)((r).r >> 32))

/* f0 = A, f2 = B, f4 = C; run INSN; r = f0, r2 = f4. */
#define BFP3(insn, A, B, C, FPC) ({                                             \
    struct fpres r_ = { 0 };                                                    \
    uint64_t ipm_, fo_, io_[3] = { (A), (B), (C) };                            \
    asm volatile("  sfpc  %[fpc]\n"                                             \
                 "  ld    %%f0,0(%[io])\n"                                      \
                 "  ld    %%f2,8(%[io])\n"                                      \
                 "  ld    %%f4,16(%[io])\n"                                     \
                 "  " insn "\n"                                                 \
                 "  ipm   %[ipm]\n"                                             \
                 "  std   %%f0,0(%[io])\n"                                      \
                 "  std   %%f4,16(%[io])\n"                                     \
                 "  efpc  %[fo]\n"                                              \
                 "  sfpc  %[z]\n"                                               \
                 : [ipm] "=&d"(ipm_), [fo] "=&d"(fo_)                           \
                 : [io] "a"(io_), [b] "d"((uint64_t)(B)),                       \
                   [c] "d"((uint64_t)(C)), [fpc] "d"((uint64_t)(FPC)),          \
                   [z] "d"(0ull)                                                \
                 : "f0", "f2", "f4", "cc", "memory");                          \
    r_.r = io_[0];                                                              \
    r_.r2 = io_[2];                                                             \
    r_.fpc = (uint32_t)fo_;                                                     \
    r_.cc = rt_cc_from_ipm(ipm_);                                               \
    r_;                                                                         \
})

#define BFP2(insn, A, B, FPC) BFP3(insn, A, B, 0, FPC)

/* Extended: f0/f2 = A (AH:AL), f4/f6 = B; run INSN; r:r2 = f0/f2. */
#define BFPX(insn, AH, AL, BH, BL, FPC) ({                                      \
    struct fpres r_ = { 0 };                                                    \
    uint64_t ipm_, fo_, io_[4] = { (AH), (AL), (BH), (BL) };                    \
    asm volatile("  sfpc  %[fpc]\n"                                             \
                 "  ld    %%f0,0(%[io])\n"                                      \
                 "  ld    %%f2,8(%[io])\n"                                      \
                 "  ld    %%f4,16(%[io])\n"                                     \
                 "  ld    %%f6,24(%[io])\n"                                     \
                 "  " insn "\n"                                                 \
                 "  ipm   %[ipm]\n"                                             \
                 "  std   %%f0,0(%[io])\n"                                      \
                 "  std   %%f2,8(%[io])\n"                                      \
                 "  efpc  %[fo]\n"                                              \
                 "  sfpc  %[z]\n"                                               \
                 : [ipm] "=&d"(ipm_), [fo] "=&d"(fo_)                           \
                 : [io] "a"(io_), [bh] "d"((uint64_t)(BH)),                     \
                   [fpc] "d"((uint64_t)(FPC)), [z] "d"(0ull)                    \
                 : "f0", "f2", "f4", "f6", "cc", "memory");                    \
    r_.r = io_[0];                                                              \
    r_.r2 = io_[1];                                                             \
    r_.fpc = (uint32_t)fo_;                                                     \
    r_.cc = rt_cc_from_ipm(ipm_);                                               \
    r_;                                                                         \
})

/* GR forms: f0/f2 = A (AH:AL), %[g] = G in and out; r = G, r2 = f0. */
#define BFPG(insn, AH, AL, G, FPC) ({                                           \
    struct fpres r_ = { 0 };                                                    \
    uint64_t ipm_, fo_, g_ = (G), io_[2] = { (AH), (AL) };                      \
    asm volatile("  sfpc  %[fpc]\n"                                             \
                 "  ld    %%f0,0(%[io])\n"                                      \
                 "  ld    %%f2,8(%[io])\n"                                      \
                 "  " insn "\n"                                                 \
                 "  ipm   %[ipm]\n"                                             \
                 "  std   %%f0,0(%[io])\n"                                      \
                 "  efpc  %[fo]\n"                                              \
                 "  sfpc  %[z]\n"                                               \
                 : [g] "+&d"(g_), [ipm] "=&d"(ipm_), [fo] "=&d"(fo_)           \
                 : [io] "a"(io_), [fpc] "d"((uint64_t)(FPC)), [z] "d"(0ull)     \
                 : "f0", "f2", "cc", "memory");                                \
    r_.r = g_;                                                                  \
    r_.r2 = io_[0];                                                                  \
    r_.fpc = (uint32_t)fo_;                                                     \
    r_.cc = rt_cc_from_ipm(ipm_);                                               \
    r_;                                                                         \
})

/* Run EXPR (one of the above) with a program interruption allowed; the
 * runtime resumes after the instruction. */
#define TRAPPING(EXPR) ({                                                       \
    struct rt_pgm_info pi_;                                                     \
    struct fpres t_;                                                            \
    *(volatile uint32_t *)0x90 = 0;                                             \
    rt_pgm_arm();                                                               \
    t_ = EXPR;                                                                  \
    t_.trapped = rt_pgm_disarm(&pi_);                                           \
    t_.code = pi_.code;                                                         \
    t_.dxc = rt_lc32(0x90);                                                     \
    t_;                                                                         \
})

static inline void check_res(const char *name, struct fpres r, uint64_t val, uint32_t fpc)
{
    rt_check_u64(name, r.r, val);
    rt_checkf(r.fpc == fpc, "%s: fpc %08x (got %08x)", name, fpc, r.fpc);
}

static inline void check_res_cc(const char *name, struct fpres r, uint64_t val, uint32_t fpc,
                                unsigned cc)
{
    check_res(name, r, val, fpc);
    rt_checkf(r.cc == cc, "%s: cc %u (got %u)", name, cc, r.cc);
}

#define CR0_AFP     (1ull << (63 - 45))

/* Run @insn with the AFP-register control off, GR1 holding the address of
 * a word that holds @init and GR0 that word; returns the program-
 * interruption code (0: none) and sets *dxc from 0x90. */
#define AFP_OFF_RUN(insn, init, dxc) ({                                         \
    struct rt_pgm_info pi_;                                                     \
    uint64_t off_ = rt_stctg(0) & ~CR0_AFP, on_ = rt_stctg(0);                  \
    static uint32_t mem_;                                                       \
                                                                                \
    mem_ = (init);                                                              \
    *(volatile uint32_t *)0x90 = 0xffffffff;                                    \
    rt_pgm_arm();                                                               \
    asm volatile("  larl  %%r1,1f\n"                                            \
                 "  stg   %%r1,%[slot]\n"                                       \
                 "  la    %%r1,%[mem]\n"                                        \
                 "  l     %%r0,%[mem]\n"                                        \
                 "  lctlg 0,0,%[off]\n"                                         \
                 "  " insn "\n"                                                 \
                 "1: lctlg 0,0,%[on]\n"                                         \
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME), [mem] "+Q"(mem_)    \
                 : [off] "Q"(off_), [on] "Q"(on_)                               \
                 : "r0", "r1", "cc", "memory");                                 \
    rt_pgm_disarm(&pi_);                                                        \
    *(dxc) = rt_lc32(0x90);                                                     \
    pi_.fired ? pi_.code : 0u;                                                  \
})

#endif
