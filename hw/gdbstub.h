/* A GDB remote-serial-protocol stub: gdb (gdb-multiarch) attaches over TCP
 * on the loopback interface, reads and writes registers and storage, sets
 * breakpoints, single-steps and interrupts the guest (docs/debugging.md). */
#ifndef SIEVE_HW_GDBSTUB_H
#define SIEVE_HW_GDBSTUB_H

#include <stdbool.h>
#include <stdint.h>

struct machine;
struct gdbstub;

/* Listen on 127.0.0.1:@port for gdb and register the stub as an event
 * source of @m. With @wait_attach the CPUs do not start until gdb connects
 * and resumes them (-S). Returns NULL with *err set if the port cannot be
 * bound. */
struct gdbstub *gdbstub_new(struct machine *m, unsigned port, bool wait_attach,
                            const char **err);

/* The machine is stopped for the debugger (m->debug_stop): serve gdb, blocking,
 * until it resumes the guest, detaches, disconnects or kills the machine. */
void gdbstub_wait(struct machine *m);

/* The guest ended with @status: tell a connected gdb the process exited. */
void gdbstub_exited(struct machine *m, int status);

#endif
