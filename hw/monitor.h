/* A small monitor with QEMU's HMP command names (info registers, info cpus,
 * info tlb, info sie, info stats, x, xp, cpu, level, quit, help), on stdio or
 * a Unix socket (-monitor unix:PATH,server,nowait). The gdb stub runs the
 * same commands for gdb's "monitor" (qRcmd). docs/debugging.md. */
#ifndef SIEVE_HW_MONITOR_H
#define SIEVE_HW_MONITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct machine;

/* What a monitor session has selected: a CPU index and the level shown
 * (0: the level the CPU is at). */
struct monitor_sel {
    unsigned cpu;
    unsigned level;
};

/* Start the monitor of -monitor @spec: none, stdio, or
 * unix:PATH,server,nowait (server=on,wait=off too). Dies if malformed. With
 * stdio while the SCLP console reads stdin too, the two share it as QEMU's
 * mon:stdio does: Ctrl-A c switches between them, Ctrl-A x ends sieve. */
void monitor_new(struct machine *m, const char *spec);

/* Set while the console and the monitor share stdin. */
extern bool monitor_mux_on;
/* Console input @buf of @n bytes: take the escapes and the monitor's bytes
 * out. Returns how many bytes, moved to the front of @buf, are the guest's. */
size_t monitor_mux_filter(struct machine *m, uint8_t *buf, size_t n);

/* Run the command @line on @m, writing the answer to @out. Returns false
 * if the command was quit (the machine is then finishing). */
bool monitor_command(struct machine *m, const char *line, FILE *out, struct monitor_sel *sel);

#endif
