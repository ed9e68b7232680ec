/* The narrow doors from cpu/ into the machine: service call, SIGNAL
 * PROCESSOR, DIAGNOSE and the end of a CPU's run. The only hw/ header
 * that cpu/ includes. */
#ifndef SIEVE_HW_DOORS_H
#define SIEVE_HW_DOORS_H

#include <stdint.h>
#include "cpu/state.h"

/* SERVICE CALL with command @cmd on the SCCB at absolute @sccb (already
 * checked for alignment and placement). Returns the condition code. */
unsigned door_servc(struct cpu *cpu, uint32_t cmd, uint64_t sccb);

/* SIGNAL PROCESSOR @order to CPU @addr with @param. Returns the condition
 * code; for cc 1 *status holds the status bits to store. */
unsigned door_sigp(struct cpu *cpu, unsigned order, uint16_t addr, uint64_t param,
                   uint32_t *status);

/* The number of CPUs configured in @cpu's machine. */
unsigned door_cpu_count(const struct cpu *cpu);

/* Clear the TLB of every CPU of @cpu's machine (broadcast purges). */
void door_purge_tlbs(struct cpu *cpu);

/* The CPU loaded a disabled-wait PSW: the machine ends, reporting it. */
void door_disabled_wait(struct cpu *cpu);

#endif
