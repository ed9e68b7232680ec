/* Run one instruction in the problem state: EXECUTE of a target that is
 * expected to take a program interruption (privileged operation); an SVC
 * brings the program back to the supervisor state. */
#ifndef PRIV_COMMON_H
#define PRIV_COMMON_H

#include "rt/rt.h"

#define LC_SVC_NEW_PSW  0x1c0

/* EXECUTE the instruction at @target in the problem state with GR0 = @gr0
 * and GR1 = @gr1. Returns the program-interruption code (0: none). */
static inline unsigned in_problem_state_regs(const void *target, uint64_t gr0, uint64_t gr1)
{
    uint64_t psw[2] __attribute__((aligned(8)));
    struct rt_pgm_info pi;
    uint64_t hi, lo, tmp, m;

    asm volatile("epsw %0,%1" : "=d"(hi), "=d"(lo));
    m = hi << 32 | (uint32_t)lo;
    rt_pgm_arm();
    asm volatile("  larl  %[tmp],1f\n"
                 "  stg   %[tmp],%[slot]\n"
                 "  larl  %[tmp],2f\n"
                 "  stg   %[tmp],8+%[svc]\n"
                 "  stg   %[m],%[svc]\n"
                 "  oihh  %[m],1\n"             /* bit 15: problem state */
                 "  stg   %[m],%[psw]\n"
                 "  larl  %[tmp],0f\n"
                 "  stg   %[tmp],8+%[psw]\n"
                 "  lgr   %%r0,%[g0]\n"
                 "  lgr   %%r1,%[g1]\n"
                 "  lpswe %[psw]\n"
                 "0: ex   0,0(%[t])\n"
                 "1: svc  0\n"
                 "2:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME),
                   [svc] "=m"(*(uint64_t (*)[2])LC_SVC_NEW_PSW), [psw] "=m"(psw),
                   [tmp] "=&a"(tmp), [m] "+d"(m)
                 : [t] "a"(target), [g0] "d"(gr0),
                   [g1] "d"(gr1)
                 : "r0", "r1", "cc", "memory");
    return rt_pgm_disarm(&pi) ? pi.code : 0;
}

/* in_problem_state_regs with GR0 and GR1 zero. */
static inline unsigned in_problem_state(const void *target)
{
    return in_problem_state_regs(target, 0, 0);
}

#endif
