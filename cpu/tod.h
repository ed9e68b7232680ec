/* The time-of-day clock (PoO chapter 4, "Time-of-Day Clock"): the only
 * place sieve reads the host clock. Bit 51 of the TOD clock ticks every
 * microsecond; its epoch is 1900-01-01 00:00 UTC. */
#ifndef SIEVE_CPU_TOD_H
#define SIEVE_CPU_TOD_H

#include <stdint.h>

/* Bits 0-63 of the TOD clock now. Never goes backwards. */
uint64_t tod_clock(void);
/* Bits 0-63 of the TOD clock, strictly greater than any value returned
 * before by this function (the uniqueness STORE CLOCK guarantees). */
uint64_t tod_clock_unique(void);
/* Set the TOD clock to @value (SET CLOCK): later readings count from it. */
void tod_set(uint64_t value);

#endif
