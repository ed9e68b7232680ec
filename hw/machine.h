/* The machine: storage, CPUs, SCLP, console, the run loop and how it ends. */
#ifndef SIEVE_HW_MACHINE_H
#define SIEVE_HW_MACHINE_H

#include <stdbool.h>
#include <stdint.h>
#include <poll.h>
#include <stdio.h>
#include "cpu/cpu.h"
#include "mmu/storage.h"

/* Exit statuses of the sieve process (docs/exit-status.md). */
#define EXIT_GUEST_OK        0   /* power-off, quiesce, every CPU stopped */
#define EXIT_GUEST_INTERNAL  1   /* sieve itself failed */
#define EXIT_GUEST_USAGE     2   /* bad option, unreadable or malformed file */
#define EXIT_GUEST_WAIT      3   /* the guest loaded a disabled-wait PSW */

#define SCLP_INPUT_SIZE 4096

struct sclp {
    uint64_t receive_mask;      /* OS receive mask (events the OS accepts) */
    uint64_t send_mask;         /* OS send mask */
    bool vt220;                 /* a VT220 console is attached */
    bool linemode;              /* a line-mode console is attached */
    int input_fd;               /* console input (stdin), -1 when closed */
    uint8_t input[SCLP_INPUT_SIZE];  /* bytes typed, not yet read by the OS */
    unsigned input_len;
};

#define MACHINE_MAX_SOURCES 8
#define MACHINE_MAX_POLLFDS 64

/* A host event source (console input, a network backend): before the
 * machine polls, prepare() appends the pollfds it waits on at fds[*n] (and
 * advances *n) and may lower *timeout_ns; after the poll, dispatch() gets
 * the same slice of fds with revents filled in. */
struct machine_source {
    void (*prepare)(void *opaque, struct pollfd *fds, unsigned *n, uint64_t *timeout_ns);
    void (*dispatch)(void *opaque, struct pollfd *fds, unsigned n);
    void *opaque;
};

struct machine {
    struct storage mem;
    struct cpu *cpus;
    unsigned ncpus;
    const struct cpu_model *model;
    struct sclp sclp;
    FILE *console;
    bool done;
    int exit_status;
    uint32_t trace;
    struct machine_source sources[MACHINE_MAX_SOURCES];
    unsigned nsources;
    struct gdbstub *gdb;        /* the gdb stub (hw/gdbstub.c), NULL without -gdb */
    /* What an IPL loads (-kernel, -initrd, -append), for re-IPL too. */
    const char *kernel, *initrd, *append;
    bool no_reboot;             /* -no-reboot: a re-IPL ends the run instead */
    bool reipl;                 /* a CPU asked for a re-IPL (DIAGNOSE 308) */
    bool debug_stop;            /* every CPU holds still while gdb looks */
};

/* Build the machine: @ram_mb MiB of storage, @ncpus CPUs of @model. */
void machine_init(struct machine *m, uint64_t ram_mb, unsigned ncpus,
                  const struct cpu_model *model);
/* Register an event source; dies if there are too many. */
void machine_add_source(struct machine *m, const struct machine_source *src);

/* Load m->kernel (with initrd and command line) and start CPU 0 at its
 * entry, the other CPUs stopped. Dies with a message on a bad file. */
void machine_ipl(struct machine *m);

/* Run until the guest ends; returns the process exit status. */
int machine_run(struct machine *m);
/* End the run with @status. */
void machine_finish(struct machine *m, int status);

/* Read SCP Info and friends, event data: the SCLP command processor. */
unsigned sclp_service_call(struct machine *m, struct cpu *cpu, uint32_t cmd, uint64_t sccb);
/* Take console input from @fd (a terminal is put in raw mode until exit). */
void sclp_console_input(struct machine *m, int fd);

/* Where the loader put things, for the CPU's initial PSW. */
struct boot_info {
    uint64_t entry;
    bool linux_image;
};

/* Load @kernel (ELF or raw image), @initrd and @cmdline into @m.
 * Dies with a clear message on an unreadable or malformed file. */
void loader_load(struct machine *m, const char *kernel, const char *initrd,
                 const char *cmdline, struct boot_info *bi);

#endif
