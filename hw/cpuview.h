/* A debugger's view of a CPU at a chosen level. While a CPU interprets a
 * guest (SIE), struct cpu holds the guest's (L2) state and the SIE context
 * holds the host's (L1); the gdb stub and the monitor read either through
 * these functions. Outside SIE both levels show the same (L1) state. */
#ifndef SIEVE_HW_CPUVIEW_H
#define SIEVE_HW_CPUVIEW_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu/state.h"

/* What gdb and the monitor see of a CPU. */
struct cpu_view {
    unsigned level;         /* 1 or 2: the level shown */
    bool in_sie;            /* the CPU is in SIE now */
    uint64_t scb;           /* its SCB, when in SIE */
    uint64_t psw_mask, psw_addr;
    uint64_t gr[16];
    uint64_t cr[16];
    uint32_t prefix;
};

/* The level @cpu runs at now: 2 in SIE, else 1. */
unsigned cpu_view_current(const struct cpu *cpu);
/* Fill @v with @cpu's state at @level (0: the current one). A level the CPU
 * is not at shows the current state (L2 outside SIE shows L1). */
void cpu_view_get(const struct cpu *cpu, unsigned level, struct cpu_view *v);
/* Copy up to @len bytes at logical @addr of @level (DAT as that level's PSW
 * says) to or from @buf, page by page; @real: @addr is absolute, no DAT.
 * Returns the number of bytes accessible from the start. */
uint64_t cpu_view_rw(struct cpu *cpu, unsigned level, uint64_t addr, uint8_t *buf,
                     uint64_t len, bool write, bool real);

#endif
