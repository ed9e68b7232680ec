/* Tracing (-d categories to -D file): always compiled in; when a category is
 * off its hook costs one test of cpu->trace. One line per event: instruction
 * count, CPU, level, SCB (or -), category, then the details (docs/usage.md).
 * cpu->trace holds the categories in effect for the CPU now: the -d list
 * narrowed by --trace-cpu, --trace-level and the --trace-after/--trace-count
 * window, recomputed when the CPU enters or leaves SIE or crosses the window.
 * Also the exit statistics (cpu/tracestat.c) and the in-memory ring. */
#ifndef SIEVE_CPU_TRACE_H
#define SIEVE_CPU_TRACE_H

#include <stdint.h>
#include <stdio.h>
#include "cpu/state.h"

#define TR_IN_ASM       0x001u
#define TR_EXEC         0x002u
#define TR_INT          0x004u
#define TR_UNIMP        0x008u
#define TR_MMU          0x010u
#define TR_SIE          0x020u
#define TR_IO           0x040u
#define TR_GUEST_ERRORS 0x080u
#define TR_STATS        0x100u

/* Levels as --trace-level names them: L1 outside SIE, L2 inside (a guest of
 * a guest, run through L1's KVM vsie, is also L2 to sieve: its SCB differs). */
#define TRACE_L1   0x1u
#define TRACE_L2   0x2u
#define TRACE_MAX_CPUS 64

struct insn;

struct trace_config {
    uint32_t mask;          /* TR_* categories asked for */
    unsigned levels;        /* TRACE_L1 | TRACE_L2 */
    int cpu;                /* the one CPU traced, -1: every CPU */
    uint64_t after;         /* first instruction count traced */
    uint64_t count;         /* instructions traced from there, 0: no end */
    unsigned ring;          /* lines kept in memory instead of written, 0: none */
};

/* Interruption classes counted by the statistics. */
enum trace_int_class { INTC_PGM, INTC_SVC, INTC_EXT, INTC_IO, INTC_RESTART, INTC_COUNT };

/* Set while a trace window or the profiler needs the run loop to stop at
 * given instruction counts (hw/machine.c asks trace_slice_budget). */
extern bool trace_slicing;
/* The categories asked for, for events that belong to no CPU (channel programs). */
extern uint32_t trace_mask_all;
/* Set while the ring keeps lines: the SCLP console shows text to trace_console_text. */
extern bool trace_ring_on;

/* Parse a -d list ("in_asm,int,ring=64"). Returns the TR_* mask (ring= sets
 * *ring), or 0 with *bad set to the first unknown item (or "help" printed when asked). */
uint32_t trace_parse(const char *list, unsigned *ring, const char **bad);
/* Parse -dfilter RANGE[,RANGE...]: A..B (B included), A+LEN, A-LEN (the LEN
 * bytes up to A). Returns false if malformed. */
bool trace_parse_dfilter(const char *spec);
/* Parse --trace-level L1|L2|all into TRACE_L* bits. Returns false if unknown. */
bool trace_parse_level(const char *s, unsigned *levels);
/* Take the configuration; call before machine_init (which attaches the CPUs). */
void trace_configure(const struct trace_config *c);
/* Send trace output to @path (NULL: stderr). Returns false if it cannot be opened. */
bool trace_open(const char *path);
/* Print the statistics if asked for (-d sie, int or stats), then close the stream. */
void trace_close(void);
/* The stream trace lines go to. */
FILE *trace_stream(void);
/* Set up @cpu's trace state (level 1, cpu->trace as configured). */
void trace_attach(struct cpu *cpu);

/* The level (1 or 2) and the SCB address (0 outside SIE) of @cpu, as the
 * SIE hooks last reported them. */
unsigned trace_level(const struct cpu *cpu);
uint64_t trace_scb(const struct cpu *cpu);
/* The SIE hooks (cpu/tracestat.c) report that @cpu now runs at @level with SCB @scb. */
void trace_set_level(struct cpu *cpu, unsigned level, uint64_t scb);

/* Run loop: the budget for the next cpu_run of @cpu, clipped so it stops at
 * the next window edge or profile sample; then account @n steps run. */
uint64_t trace_slice_budget(struct cpu *cpu, uint64_t budget);
void trace_slice_done(struct cpu *cpu, uint64_t n);
/* Call @fn every @period steps of a CPU with the steps run since the last call. */
void trace_set_sampler(uint64_t period, void (*fn)(struct cpu *cpu, unsigned level, uint64_t n));

/* The guest crashed or sieve failed (@why): write the ring, if any, to the stream. */
void trace_crash(const char *why);
/* Console output the guest wrote: a kernel panic dumps the ring. */
void trace_console_text(const void *buf, size_t len);

/* Statistics (cpu/tracestat.c), counted whether or not tracing is on. */
void trace_count_int(const struct cpu *cpu, enum trace_int_class cls, unsigned code);
/* Print every counter to @out (the monitor's info stats, and at exit). */
void trace_stats_print(FILE *out);
/* Count @cpu's instructions in the totals (trace_attach calls it). */
void trace_stats_attach(const struct cpu *cpu);

/* The line machinery shared by cpu/trace.c and cpu/tracestat.c: start a
 * line for @cpu (NULL: no CPU) in category @cat, append, end it. */
void trace_line_start(const struct cpu *cpu, const char *cat);
PRINTF(1, 2) void trace_line_add(const char *fmt, ...);
void trace_line_end(void);

void trace_in_asm_cold(struct cpu *cpu, const struct insn *in, uint64_t ia);
void trace_exec_cold(struct cpu *cpu, const struct insn *in, uint64_t ia);
/* After an executed instruction: the GPRs that differ from @before and the
 * CC if it differs from @cc, on one "exec" continuation line. */
void trace_exec_changes(struct cpu *cpu, const uint64_t before[16], uint8_t cc);
void trace_pgm_cold(struct cpu *cpu, unsigned code, uint64_t addr);
void trace_svc_cold(struct cpu *cpu, unsigned code);
void trace_ext_cold(struct cpu *cpu, unsigned code, uint32_t param);
void trace_io_int_cold(struct cpu *cpu, const uint32_t code[3]);
void trace_restart_cold(struct cpu *cpu);
void trace_unimp_cold(struct cpu *cpu, const struct insn *in);
void trace_mmu_fill_cold(struct cpu *cpu, uint64_t addr, uint64_t aaddr, int kind);
void trace_mmu_flush_cold(struct cpu *cpu);
/* A -d io or -d guest_errors line of @cpu (NULL: the channel subsystem). */
PRINTF(3, 4) void trace_event_cold(const struct cpu *cpu, const char *cat, const char *fmt, ...);

static inline void trace_in_asm(struct cpu *cpu, const struct insn *in, uint64_t ia)
{
    if (unlikely(cpu->trace & TR_IN_ASM))
        trace_in_asm_cold(cpu, in, ia);
}

static inline void trace_pgm(struct cpu *cpu, unsigned code, uint64_t addr)
{
    trace_count_int(cpu, INTC_PGM, code);
    if (unlikely(cpu->trace & TR_INT))
        trace_pgm_cold(cpu, code, addr);
}

static inline void trace_svc(struct cpu *cpu, unsigned code)
{
    trace_count_int(cpu, INTC_SVC, code);
    if (unlikely(cpu->trace & TR_INT))
        trace_svc_cold(cpu, code);
}

static inline void trace_ext(struct cpu *cpu, unsigned code, uint32_t param)
{
    trace_count_int(cpu, INTC_EXT, code);
    if (unlikely(cpu->trace & TR_INT))
        trace_ext_cold(cpu, code, param);
}

static inline void trace_io_int(struct cpu *cpu, const uint32_t code[3])
{
    trace_count_int(cpu, INTC_IO, 0);
    if (unlikely(cpu->trace & TR_INT))
        trace_io_int_cold(cpu, code);
}

static inline void trace_restart(struct cpu *cpu)
{
    trace_count_int(cpu, INTC_RESTART, 0);
    if (unlikely(cpu->trace & TR_INT))
        trace_restart_cold(cpu);
}

static inline void trace_unimp(struct cpu *cpu, const struct insn *in)
{
    if (unlikely(cpu->trace & TR_UNIMP))
        trace_unimp_cold(cpu, in);
}

/* A TLB fill of @addr's page for access @kind (enum acc_kind) at absolute @aaddr. */
static inline void trace_mmu_fill(struct cpu *cpu, uint64_t addr, uint64_t aaddr, int kind)
{
    if (unlikely(cpu->trace & TR_MMU))
        trace_mmu_fill_cold(cpu, addr, aaddr, kind);
}

static inline void trace_mmu_flush(struct cpu *cpu)
{
    if (unlikely(cpu->trace & TR_MMU))
        trace_mmu_flush_cold(cpu);
}

#endif
