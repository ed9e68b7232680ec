/* The machine's run loop and the doors the CPUs use. */
#include "hw/machine.h"

#include <stdlib.h>
#include <poll.h>
#include "hw/doors.h"
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
        m->cpus[i].trace = m->trace;
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
        m->cpus[i].exit_loop = true;
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
    machine_finish(m, EXIT_GUEST_WAIT);
}

unsigned door_servc(struct cpu *cpu, uint32_t cmd, uint64_t sccb)
{
    return sclp_service_call(cpu->machine, cpu, cmd, sccb);
}

/* SIGP order codes, PoO "Signal-Processor Orders". */
#define SIGP_SENSE              0x01
#define SIGP_STOP               0x05
#define SIGP_STOP_STORE_STATUS  0x09
#define SIGP_SET_ARCHITECTURE   0x12
#define SIGP_STATUS_INVALID_ORDER  0x00000002u
#define SIGP_STATUS_INVALID_PARAM  0x00000100u
#define SIGP_STATUS_STOPPED        0x00000040u

unsigned door_sigp(struct cpu *cpu, unsigned order, uint16_t addr, uint64_t param,
                   uint32_t *status)
{
    struct machine *m = cpu->machine;
    struct cpu *dst;

    (void)param;
    if (addr >= m->ncpus)
        return 3;
    dst = &m->cpus[addr];
    switch (order) {
    case SIGP_SENSE:
        if (dst->state == CPU_STOPPED) {
            *status = SIGP_STATUS_STOPPED;
            return 1;
        }
        return 0;
    case SIGP_STOP:
    case SIGP_STOP_STORE_STATUS:
        cpu_stop(dst);
        return 0;
    case SIGP_SET_ARCHITECTURE:
        *status = SIGP_STATUS_INVALID_PARAM;    /* already in z/Architecture mode */
        return 1;
    default:
        *status = SIGP_STATUS_INVALID_ORDER;
        return 1;
    }
}

/* Sleep until something can change a waiting CPU's state. With no timers
 * and no devices yet, an enabled wait with nothing pending never ends. */
static void idle(struct machine *m)
{
    fflush(m->console);
    poll(NULL, 0, 100);
}

int machine_run(struct machine *m)
{
    while (!m->done) {
        bool any_operating = false;
        bool any_running = false;

        for (unsigned i = 0; i < m->ncpus && !m->done; i++) {
            struct cpu *cpu = &m->cpus[i];

            if (cpu->state != CPU_OPERATING)
                continue;
            any_operating = true;
            if (cpu->waiting) {
                if (!cpu_interrupt_enabled(cpu))
                    continue;
                cpu->waiting = false;
            }
            cpu_run(cpu, 1u << 20);
            if (cpu->waiting && disabled_wait(cpu))
                door_disabled_wait(cpu);
            if (cpu->state == CPU_OPERATING && !cpu->waiting)
                any_running = true;
        }
        if (m->done)
            break;
        if (!any_operating) {
            machine_finish(m, EXIT_GUEST_OK);
            break;
        }
        if (!any_running)
            idle(m);
    }
    fflush(m->console);
    return m->exit_status;
}
