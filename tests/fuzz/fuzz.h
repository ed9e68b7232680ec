/* Shared set-up of the libFuzzer harnesses: one machine with 16 MiB of
 * storage, one CPU, the SCLP consoles and four virtio-ccw devices (blk on a
 * scratch file, rng, console without a backend, blk read-only), all
 * subchannels enabled. The harnesses enter the machine through the same
 * doors (hw/doors.h) the instructions use, with the checks the instructions
 * make before them. */
#ifndef SIEVE_TESTS_FUZZ_H
#define SIEVE_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include "hw/machine.h"

#define FUZZ_MEM_MB     16u
#define FUZZ_NSCH       4u      /* subchannels 0.0.0000-0003 */
#define FUZZ_ORB        0x30000u
#define FUZZ_CCW        0x30100u

/* The machine, built on first use. */
struct machine *fuzz_machine(void);
/* Copy @len bytes of @data to absolute @addr, clipped to storage. */
void fuzz_put(struct machine *m, uint64_t addr, const uint8_t *data, size_t len);
/* Subchannel id of subchannel @n (0-3). */
uint32_t fuzz_schid(unsigned n);
/* Enable every subchannel again (an input may have disabled one). */
void fuzz_enable_all(struct machine *m);
/* Run one format-1 CCW @cmd with @flags and @count bytes at absolute
 * @data on subchannel @n (ORB at FUZZ_ORB, CCW at FUZZ_CCW) and collect its
 * status. Returns the SSCH condition code (-1: operand exception). */
int fuzz_ccw(struct machine *m, unsigned n, uint8_t cmd, uint8_t flags, uint16_t count,
             uint32_t data);
/* Collect every pending status and interruption, so the next input starts
 * from idle subchannels. */
void fuzz_drain(struct machine *m);

#endif
