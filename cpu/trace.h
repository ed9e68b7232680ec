/* Tracing (-d categories to -D file): always compiled in; when a category is
 * off its hook costs one test of cpu->trace. One line per event: instruction
 * count, CPU, level, SCB (or -), category, then the details. */
#ifndef SIEVE_CPU_TRACE_H
#define SIEVE_CPU_TRACE_H

#include <stdint.h>
#include <stdio.h>
#include "cpu/state.h"

#define TR_IN_ASM  0x01u
#define TR_EXEC    0x02u
#define TR_INT     0x04u
#define TR_UNIMP   0x08u
#define TR_MMU     0x10u
#define TR_SIE     0x20u
#define TR_IO      0x40u

struct insn;

/* Parse a -d list ("in_asm,int"). Returns the TR_* mask, or 0 with *bad set
 * to the first unknown name (or "help" printed when asked). */
uint32_t trace_parse(const char *list, const char **bad);
/* Send trace output to @path (NULL: stderr). Returns false if it cannot be opened. */
bool trace_open(const char *path);
void trace_close(void);
/* The stream trace lines go to. */
FILE *trace_stream(void);

void trace_in_asm_cold(struct cpu *cpu, const struct insn *in, uint64_t ia);
void trace_exec_cold(struct cpu *cpu, const struct insn *in, uint64_t ia);
/* After an executed instruction: the GPRs that differ from @before and the
 * CC if it differs from @cc, on one "exec" continuation line. */
void trace_exec_changes(struct cpu *cpu, const uint64_t before[16], uint8_t cc);
void trace_pgm_cold(struct cpu *cpu, unsigned code, uint64_t addr);
void trace_svc_cold(struct cpu *cpu, unsigned code);
void trace_ext_cold(struct cpu *cpu, unsigned code, uint32_t param);
void trace_unimp_cold(struct cpu *cpu, const struct insn *in);

static inline void trace_in_asm(struct cpu *cpu, const struct insn *in, uint64_t ia)
{
    if (unlikely(cpu->trace & TR_IN_ASM))
        trace_in_asm_cold(cpu, in, ia);
}

static inline void trace_pgm(struct cpu *cpu, unsigned code, uint64_t addr)
{
    if (unlikely(cpu->trace & TR_INT))
        trace_pgm_cold(cpu, code, addr);
}

static inline void trace_svc(struct cpu *cpu, unsigned code)
{
    if (unlikely(cpu->trace & TR_INT))
        trace_svc_cold(cpu, code);
}

static inline void trace_ext(struct cpu *cpu, unsigned code, uint32_t param)
{
    if (unlikely(cpu->trace & TR_INT))
        trace_ext_cold(cpu, code, param);
}

static inline void trace_unimp(struct cpu *cpu, const struct insn *in)
{
    if (unlikely(cpu->trace & TR_UNIMP))
        trace_unimp_cold(cpu, in);
}

#endif
