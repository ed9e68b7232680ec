/* Run one instruction under a PSW of the test's choosing (problem state,
 * another addressing mode, DAT on, a key): it is entered by LPSWE and left
 * by SUPERVISOR CALL, whose new PSW returns to the 64-bit supervisor state
 * (so the instruction may itself be an SVC). A program interruption of the
 * instruction resumes at that SVC. */
#ifndef PSW_RUN_H
#define PSW_RUN_H

#include "rt/rt.h"

#define LC_SVC_ILC      0x088
#define LC_SVC_CODE     0x08a
#define LC_SVC_OLD_PSW  0x140
#define LC_SVC_NEW_PSW  0x1c0

static uint64_t psw_run_go[2] __attribute__((aligned(16)));

/*
 * Run the instruction text @insn under the PSW mask @mask with GR2 = @a
 * and GR3 = @b; *pi records a program interruption, *at gets the address
 * of the instruction.
 */
#define PSW_RUN(pi, at, mask, insn, a, b) do {                                  \
    *(volatile uint64_t *)LC_SVC_NEW_PSW = PSW_MASK_64;                         \
    psw_run_go[0] = (mask);                                                     \
    rt_pgm_arm();                                                               \
    asm volatile("  larl  %%r1,2f\n"                                            \
                 "  stg   %%r1,%[slot]\n"                                       \
                 "  larl  %%r1,3f\n"                                            \
                 "  stg   %%r1,%[svcia]\n"                                      \
                 "  larl  %[where],1f\n"                                        \
                 "  stg   %[where],%[goia]\n"                                   \
                 "  lgr   %%r2,%[va]\n"                                         \
                 "  lgr   %%r3,%[vb]\n"                                         \
                 "  lpswe %[go]\n"                                              \
                 "1: " insn "\n"                                                \
                 "2: svc  0\n"                                                  \
                 "3:\n"                                                         \
                 : [where] "=&d"(*(at)), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME), \
                   [svcia] "=m"(*(uint64_t *)(LC_SVC_NEW_PSW + 8)),             \
                   [goia] "=Q"(psw_run_go[1])                                   \
                 : [go] "Q"(psw_run_go), [va] "d"((uint64_t)(a)),               \
                   [vb] "d"((uint64_t)(b))                                      \
                 : "r0", "r1", "r2", "r3", "cc", "memory");                     \
    rt_pgm_disarm(pi);                                                          \
} while (0)

#endif
