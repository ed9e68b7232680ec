/* Storage-key instructions for the key programs (PoO ch. 10 "SET STORAGE
 * KEY EXTENDED", "INSERT STORAGE KEY EXTENDED", "RESET REFERENCE BIT
 * EXTENDED"), each on the frame holding the real address @addr. */
#ifndef KEYS_COMMON_H
#define KEYS_COMMON_H

#include "rt/rt.h"

#define SK_R    0x04u           /* reference bit */
#define SK_C    0x02u           /* change bit */

/* Set the storage key of the frame at @addr to @key (bits 56-62). */
static inline void sske(uint64_t key, volatile void *addr)
{
    asm volatile("sske %0,%1" : : "d"(key), "a"(addr) : "memory");
}

/* The storage key of the frame at @addr inserted into R1 = 0xff00
 * (bits 56-62 the key, bit 63 zero, bits 0-55 kept). */
static inline uint64_t iske(volatile void *addr)
{
    uint64_t k = 0xff00;

    asm volatile("iske %0,%1" : "+d"(k) : "a"(addr) : "memory");
    return k;
}

/* RRBE's CC for the frame at @addr (2 R, 1 C: the old bits). */
static inline unsigned rrbe(volatile void *addr)
{
    uint64_t ipm;

    asm volatile("rrbe 0,%1\n\tipm %0" : "=d"(ipm) : "a"(addr) : "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

#endif
