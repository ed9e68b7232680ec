/* The machine's run loop and the doors the CPUs use. */
#define _GNU_SOURCE         /* ppoll */
#include "hw/machine.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <time.h>
#include "cpu/tod.h"
#include "cpu/trace.h"
#include "hw/doors.h"
#include "hw/css.h"
#include "hw/gdbstub.h"
#include "util/die.h"

void machine_init(struct machine *m, uint64_t ram_mb, unsigned ncpus,
                  const struct cpu_model *model)
{
    m->model = model;
    if (!storage_init(&m->mem, ram_mb << 20))
        die("cannot allocate %llu MiB of guest storage", (unsigned long long)ram_mb);
    m->ncpus = ncpus;
    m->cpus = calloc(ncpus, sizeof(struct cpu));
    if (!m->cpus)
        die("out of memory");
    for (unsigned i = 0; i < ncpus; i++) {
        cpu_init(&m->cpus[i], (uint16_t)i, &m->mem, m, model);
        trace_attach(&m->cpus[i]);
    }
    if (!m->console)
        m->console = stdout;
}

void machine_finish(struct machine *m, int status)
{
    if (!m->done) {
        m->done = true;
        m->exit_status = status;
    }
    for (unsigned i = 0; i < m->ncpus; i++)
        cpu_exit_loop(&m->cpus[i]);
}

void machine_add_source(struct machine *m, const struct machine_source *src)
{
    if (m->nsources == MACHINE_MAX_SOURCES)
        die("too many host event sources");
    m->sources[m->nsources++] = *src;
}

/* Poll every event source for at most @timeout_ns (0: just look) and
 * dispatch what is ready. */
static void poll_sources(struct machine *m, uint64_t timeout_ns)
{
    struct pollfd fds[MACHINE_MAX_POLLFDS];
    unsigned first[MACHINE_MAX_SOURCES + 1];
    unsigned n = 0;
    struct timespec ts;

    for (unsigned i = 0; i < m->nsources; i++) {
        first[i] = n;
        m->sources[i].prepare(m->sources[i].opaque, fds, &n, &timeout_ns);
    }
    first[m->nsources] = n;
    ts.tv_sec = (time_t)(timeout_ns / 1000000000u);
    ts.tv_nsec = (long)(timeout_ns % 1000000000u);
    if (ppoll(fds, n, &ts, NULL) < 0) {
        if (errno != EINTR)
            die("ppoll: %s", strerror(errno));
        return;
    }
    for (unsigned i = 0; i < m->nsources; i++)
        m->sources[i].dispatch(m->sources[i].opaque, fds + first[i], first[i + 1] - first[i]);
}

/* Is the wait PSW of @cpu disabled for every interruption that could end it? */
static bool disabled_wait(const struct cpu *cpu)
{
    return !(cpu->psw.mask & (PSW_MASK_EXT | PSW_MASK_IO | PSW_MASK_MCHECK));
}

void door_disabled_wait(struct cpu *cpu)
{
    struct machine *m = cpu->machine;

    fflush(m->console);
    if ((cpu->psw.addr & 0xfff) == 0xfff) {      /* the SCLP quiesce convention */
        machine_finish(m, EXIT_GUEST_OK);
        return;
    }
    fprintf(stderr, "sieve: cpu %u: disabled wait, PSW %016llx %016llx\n", cpu->cpu_addr,
            (unsigned long long)cpu_psw_mask(cpu), (unsigned long long)cpu->psw.addr);
    trace_crash("a disabled wait");
    machine_finish(m, EXIT_GUEST_WAIT);
}

unsigned door_servc(struct cpu *cpu, uint32_t cmd, uint64_t sccb)
{
    return sclp_service_call(cpu->machine, cpu, cmd, sccb);
}

/* Instructions a run slice executes before the machine looks at the clock. */
#define SLICE_INSNS       (UINT64_C(1) << 20)
/* Host mode: the fewest instructions between two looks at the clock. */
#define SLICE_MIN_INSNS   256u
/* Longest host sleep: nothing is lost by waking up to look again. */
#define IDLE_MAX_NS       UINT64_C(1000000000)

/* How many of @left instructions @cpu may run before one of its timer
 * conditions could arise: exactly, in deterministic mode; in host mode
 * assuming at most one instruction per nanosecond, so the slice ends at or
 * before the deadline and the next one is shorter. */
static uint64_t timer_budget(struct cpu *cpu, uint64_t left)
{
    uint64_t deadline, now, n;

    deadline = cpu_timer_deadline(cpu);
    if (deadline == UINT64_MAX)
        return left;
    now = tod_raw();
    if (deadline <= now)
        return 1;
    if (tod_deterministic())
        n = (deadline - now + TOD_UNITS_PER_INSN - 1) / TOD_UNITS_PER_INSN;
    else
        n = tod_raw_to_host_ns(deadline) - tod_raw_to_host_ns(now);
    if (!tod_deterministic() && n < SLICE_MIN_INSNS)
        n = SLICE_MIN_INSNS;
    return n < left ? n : left;
}

/* Run @cpu for one slice, in steps that end when a timer condition could
 * arise; the conditions are checked between steps, never per instruction. */
static void run_slice(struct cpu *cpu)
{
    uint64_t left = SLICE_INSNS;

    while (left) {
        uint64_t budget = timer_budget(cpu, left);
        uint64_t n;

        if (unlikely(trace_slicing))          /* a trace window or the profiler */
            budget = trace_slice_budget(cpu, budget);
        n = cpu_run(cpu, budget);
        if (unlikely(trace_slicing))
            trace_slice_done(cpu, n);

        left -= n < left ? n : left;
        cpu_timer_sync(cpu, tod_raw());      /* keeps cpu->cputm current for readers */
        cpu_update_attn(cpu);
        if (n < budget || cpu->exit_loop || cpu->waiting || cpu->state != CPU_OPERATING)
            break;
    }
}

/* Sleep until something can change a waiting CPU's state: the earliest
 * timer deadline of a CPU waiting enabled for external interruptions (in
 * deterministic mode the clock jumps there instead), or a host event. */
static void idle(struct machine *m)
{
    uint64_t deadline = UINT64_MAX;
    uint64_t now_ns, until_ns;
    struct timespec ts;

    fflush(m->console);
    for (unsigned i = 0; i < m->ncpus; i++) {
        struct cpu *cpu = &m->cpus[i];

        if (cpu->state == CPU_OPERATING && cpu->waiting && (cpu->psw.mask & PSW_MASK_EXT)) {
            uint64_t d = cpu_timer_deadline(cpu);

            if (d < deadline)
                deadline = d;
        }
    }
    if (deadline != UINT64_MAX && tod_deterministic()) {
        tod_skip_to(deadline);
        return;
    }
    clock_gettime(CLOCK_MONOTONIC, &ts);
    now_ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
    until_ns = tod_deterministic() ? UINT64_MAX : tod_raw_to_host_ns(deadline);
    if (until_ns <= now_ns)
        return;
    if (until_ns - now_ns > IDLE_MAX_NS)
        until_ns = now_ns + IDLE_MAX_NS;
    poll_sources(m, until_ns - now_ns);
}

void machine_ipl(struct machine *m)
{
    struct boot_info bi;

    loader_load(m, m->kernel, m->initrd, m->append, &bi);
    m->cpus[0].state = CPU_OPERATING;
    cpu_load_psw(&m->cpus[0], PSW_MASK_EA | PSW_MASK_BA, bi.entry);
}

void door_reipl(struct cpu *cpu)
{
    struct machine *m = cpu->machine;

    m->reipl = true;
    cpu_exit_loop(cpu);
}

/* Re-IPL after DIAGNOSE 308 load clear: a clear reset of every CPU, of
 * storage, the channel subsystem and the SCLP event masks, then the same
 * kernel, initrd and command line again (PoO "Initial Program Loading"). */
static void reipl(struct machine *m)
{
    m->reipl = false;
    if (m->no_reboot) {
        machine_finish(m, EXIT_GUEST_OK);
        return;
    }
    fflush(m->console);
    for (unsigned i = 0; i < m->ncpus; i++)
        cpu_clear_reset(&m->cpus[i]);
    storage_clear(&m->mem);
    css_reset();
    m->sclp.receive_mask = 0;
    m->sclp.send_mask = 0;
    machine_ipl(m);
}

int machine_run(struct machine *m)
{
    while (!m->done) {
        if (unlikely(m->reipl)) {
            reipl(m);
            continue;
        }
        bool any_operating = false;
        bool any_running = false;

        if (unlikely(m->debug_stop)) {
            gdbstub_wait(m);
            continue;
        }
        for (unsigned i = 0; i < m->ncpus && !m->done && !m->debug_stop && !m->reipl; i++) {
            struct cpu *cpu = &m->cpus[i];

            if (cpu->state != CPU_OPERATING) {
                cpu_timer_sync(cpu, tod_raw());     /* halted while stopped */
                continue;
            }
            if (cpu->waiting) {
                cpu_update_attn(cpu);
                if (!cpu_interrupt_enabled(cpu)) {
                    any_operating = true;
                    continue;
                }
                cpu->waiting = false;
            }
            run_slice(cpu);
            if (cpu->waiting && disabled_wait(cpu))
                door_disabled_wait(cpu);
            /* A CPU that stopped in this slice (SIGP stop) no longer counts:
             * idling for it would only delay the end of the run. */
            if (cpu->state == CPU_OPERATING) {
                any_operating = true;
                any_running |= !cpu->waiting;
            }
        }
        if (m->done)
            break;
        if (m->debug_stop)
            continue;
        if (!any_operating) {
            machine_finish(m, EXIT_GUEST_OK);
            break;
        }
        if (!any_running)
            idle(m);
        else if (m->nsources)
            poll_sources(m, 0);
    }
    fflush(m->console);
    if (m->gdb)
        gdbstub_exited(m, m->exit_status);
    return m->exit_status;
}
