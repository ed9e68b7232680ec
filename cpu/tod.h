/* The time-of-day clock (PoO chapter 4, "Time-of-Day Clock"): the only
 * place sieve reads the host clock. Bit 51 of the TOD clock ticks every
 * microsecond; its epoch is 1900-01-01 00:00 UTC.
 *
 * Two scales: the raw clock counts TOD units since sieve started and is
 * never set (the CPU timers run on it); the TOD clock is the raw clock plus
 * the machine's epoch offset, which SET CLOCK moves. One machine per
 * process, so the state is this file's. */
#ifndef SIEVE_CPU_TOD_H
#define SIEVE_CPU_TOD_H

#include <stdbool.h>
#include <stdint.h>

struct cpu;

/* TOD units per instruction in deterministic mode (about 256 MIPS). */
#define TOD_UNITS_PER_INSN  16u

/* Bits 0-63 of the TOD clock now. Never goes backwards unless set. */
uint64_t tod_clock(void);
/* Bits 0-63 of the TOD clock, strictly greater than any value returned
 * before by this function (the uniqueness STORE CLOCK guarantees). */
uint64_t tod_clock_unique(void);
/* Set the TOD clock to @value (SET CLOCK): later readings count from it. */
void tod_set(uint64_t value);
/* The TOD offset: TOD clock minus raw clock (tod_from_raw(0)). Set it to
 * @offset (PTFF set and adjust TOD offset). */
void tod_set_offset(uint64_t offset);

/* The raw clock now (TOD units since start, not settable). */
uint64_t tod_raw(void);
/* The raw-clock value at which the TOD clock reads @tod, and back. */
uint64_t tod_to_raw(uint64_t tod);
uint64_t tod_from_raw(uint64_t raw);

/* Derive time from the instructions the @n CPUs at @cpus completed, from a
 * fixed date, instead of the host clock. Call before the first reading. */
void tod_set_deterministic(const struct cpu *cpus, unsigned n);
bool tod_deterministic(void);
/* Deterministic mode, every CPU idle: move the raw clock forward to @raw. */
void tod_skip_to(uint64_t raw);
/* Host CLOCK_MONOTONIC nanoseconds at which the raw clock reaches @raw
 * (host mode), rounded up. */
uint64_t tod_raw_to_host_ns(uint64_t raw);

#endif
