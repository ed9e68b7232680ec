/* SIGNAL PROCESSOR helper shared by the SIGP guest tests. */
#ifndef SIGP_COMMON_H
#define SIGP_COMMON_H

#include "rt/rt.h"

/* SIGP @order to CPU @addr with R1 = GR2 (cleared) and the parameter
 * @param in GR3. Returns the CC; *status (if given) gets bits 32-63 of
 * GR2, the status stored with CC 1. */
static inline unsigned sigp_param(unsigned order, uint64_t addr, uint64_t param,
                                  uint32_t *status)
{
    uint64_t ipm, st;

    asm volatile("lgr %%r3,%[p]\n\tlghi %%r2,0\n\tsigp %%r2,%[cpu],0(%[ord])\n\tipm %[ipm]\n\t"
                 "lgr %[st],%%r2"
                 : [ipm] "=d"(ipm), [st] "=d"(st)
                 : [cpu] "d"(addr), [ord] "a"((uint64_t)order), [p] "d"(param)
                 : "r2", "r3", "cc", "memory");
    if (status)
        *status = (uint32_t)st;
    return rt_cc_from_ipm(ipm);
}

/* SIGP that retries while the CC is 2 (busy: QEMU's CPUs are threads).
 * Returns the last CC. */
static inline unsigned sigp_retry(unsigned order, uint64_t addr, uint64_t param,
                                  uint32_t *status)
{
    unsigned cc = 2;

    for (unsigned long i = 0; i < 10000000ul && cc == 2; i++)
        cc = sigp_param(order, addr, param, status);
    return cc;
}

/* Wait until SIGP SENSE (order 1) of CPU @addr gives CC @cc and status
 * @st (ignored for CC 0). Returns whether it did. */
static inline bool sigp_await_sense(unsigned addr, unsigned cc, uint32_t st)
{
    uint32_t s = 0;

    for (unsigned long i = 0; i < 20000000ul; i++) {
        unsigned c = sigp_param(0x01, addr, 0, &s);

        if (c == cc && (cc != 1 || s == st))
            return true;
    }
    return false;
}

#endif
