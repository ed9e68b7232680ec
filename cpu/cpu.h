/* The CPU's public face for the machine: create, reset, run, post
 * interruptions, and the PSW and interruption helpers instruction code uses. */
#ifndef SIEVE_CPU_CPU_H
#define SIEVE_CPU_CPU_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu/state.h"


/* Initialise @cpu with address @addr on @mem (clear-reset state). */
void cpu_init(struct cpu *cpu, uint16_t addr, struct storage *mem, struct machine *m,
              const struct cpu_model *model);
/* CPU reset (PoO "Resets"): the CPU stops, pending interruptions are gone. */
void cpu_reset(struct cpu *cpu);
/* Initial CPU reset: a CPU reset plus PSW, prefix, timers, CRs, FPC, TLB. */
void cpu_initial_reset(struct cpu *cpu);
/* Clear reset: an initial CPU reset plus GPRs, ARs and FPRs zeroed. */
void cpu_clear_reset(struct cpu *cpu);

/* Compile hot blocks to host code (the default) or interpret every
 * instruction; @eager compiles every block when it is first entered (a
 * test of the compiler); @mib is each CPU's code buffer in MiB (1-1024).
 * Applies to CPUs initialised afterwards. */
void cpu_set_jit(bool on, bool eager, unsigned mib);

/* Execute up to @budget instructions; returns early when the CPU stops, waits
 * or an instruction asks to leave the loop. Returns the number executed. */
uint64_t cpu_run(struct cpu *cpu, uint64_t budget);

/* Load @mask/@addr as the current PSW (and the next instruction's address). */
void cpu_load_psw(struct cpu *cpu, uint64_t mask, uint64_t addr);
/* Present a program interruption for @exc (cpu->ilen, cpu->exc hold the details). */
void cpu_program_interrupt(struct cpu *cpu, exc_t exc);
/* Present an SVC interruption with @code; the old PSW points past the SVC. */
void cpu_svc_interrupt(struct cpu *cpu, uint8_t code);
/* Post a service-signal external interruption with SCCB address @param. */
void cpu_post_service_signal(struct cpu *cpu, uint32_t param);
/* Post an emergency signal from the CPU with address @from (SIGP order 3). */
void cpu_post_emergency_signal(struct cpu *cpu, uint16_t from);
/* Post an external call from CPU @from (SIGP order 2). Returns false, posting
 * nothing, if an external call is already pending. */
bool cpu_post_external_call(struct cpu *cpu, uint16_t from);
/* Is an external call pending (SIGP sense status)? */
bool cpu_external_call_pending(const struct cpu *cpu);
/* Set the ISCs (bit 0x80 >> ISC) for which the channel subsystem holds a
 * pending I/O interruption; the hw side calls it on every CPU. */
void cpu_set_io_pending(struct cpu *cpu, uint8_t isc_mask);
/* Deliver the highest-priority enabled pending interruption. Returns true if one was taken. */
bool cpu_deliver_interrupts(struct cpu *cpu);
/* Is any pending interruption enabled by the current PSW and CRs? */
bool cpu_interrupt_enabled(const struct cpu *cpu);
/* Recompute cpu->attn after a change of PSW, CRs or pending interruptions. */
void cpu_update_attn(struct cpu *cpu);
/* Stop the CPU (SIGP stop): it leaves the execution loop and stays stopped. */
void cpu_stop(struct cpu *cpu);

/* CPU timer and clock comparator (cpu/timer.c). Times are raw-clock
 * values (cpu/tod.h). */
/* Bring the CPU timer up to raw time @raw: it decrements only while the CPU
 * is operating (running or waiting). */
void cpu_timer_sync(struct cpu *cpu, uint64_t raw);
/* The CPU timer now (STPT, ECTG). */
int64_t cpu_timer_get(struct cpu *cpu);
/* Re-evaluate the clock-comparator and CPU-timer conditions into
 * cpu->irq_pending (cpu_update_attn does this when they could matter). */
void cpu_timer_check(struct cpu *cpu);
/* Raw time of the next clock-comparator or CPU-timer condition that the
 * PSW and the CR0 subclass masks enable (under SIE: the guest's or the
 * host's, whichever comes first): now if one holds already, UINT64_MAX if
 * none. */
uint64_t cpu_timer_deadline(struct cpu *cpu);

/* SIE trace hooks (cpu/tracestat.c), one call each in sie/sie.c: after the
 * guest state is loaded, and in sie_exit once the SCB holds the exit fields. */
void trace_sie_entry(struct cpu *cpu);
void trace_sie_exit(struct cpu *cpu);

/* Repeat the current instruction (an interruptible instruction that did a
 * unit of work): the PSW keeps pointing at it, or at the EXECUTE. */
static inline void cpu_repeat(struct cpu *cpu)
{
    cpu->next_ia = cpu->psw.addr;
}

/* Make @cpu leave its execution loop after the current instruction. */
static inline void cpu_exit_loop(struct cpu *cpu)
{
    cpu->exit_loop = true;
    cpu->attn |= ATTN_REFETCH;
}

#endif
