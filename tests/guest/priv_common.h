/* Run one instruction in the problem state: EXECUTE of a target that is
 * expected to take a program interruption (privileged operation); an SVC
 * brings the program back to the supervisor state. */
#ifndef PRIV_COMMON_H
#define PRIV_COMMON_H

#include "rt/rt.h"

#define LC_SVC_NEW_PSW  0x1c0

/* EXECUTE the instruction at @target in the problem state. Returns the
 * program-interruption code (0: none). */
static inline unsigned in_problem_state(const void *target)
{
    uint64_t psw[2] __attribute__((aligned(8)));
    struct rt_pgm_info pi;
    uint64_t hi, lo;

    asm volatile("epsw %0,%1" : "=d"(hi), "=d"(lo));
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %%r1,2f\n"
                 "  stg   %%r1,8+%[svc]\n"
                 "  stg   %[m],%[svc]\n"
                 "  oihh  %[m],1\n"             /* bit 15: problem state */
                 "  stg   %[m],%[psw]\n"
                 "  larl  %%r1,0f\n"
                 "  stg   %%r1,8+%[psw]\n"
                 "  lpswe %[psw]\n"
                 "0: ex   0,0(%[t])\n"
                 "1: svc  0\n"
                 "2:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME),
                   [svc] "=m"(*(uint64_t (*)[2])LC_SVC_NEW_PSW), [psw] "=m"(psw)
                 : [m] "d"(hi << 32 | (uint32_t)lo), [t] "a"(target)
                 : "r1", "cc", "memory");
    return rt_pgm_disarm(&pi) ? pi.code : 0;
}

#endif
