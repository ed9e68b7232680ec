/* SIGNAL PROCESSOR orders (PoO chapter 4, "Signal-Processor Orders") as the
 * machine carries them out between its CPUs. All CPUs run on one host
 * thread, so an order takes effect at once and never finds the target busy. */
#include "hw/machine.h"

#include "cpu/lowcore.h"
#include "cpu/tod.h"
#include "cpu/trace.h"
#include "hw/doors.h"
#include "mmu/mmu.h"
#include "sie/sie.h"

enum sigp_order {
    SIGP_SENSE = 0x01,
    SIGP_EXTERNAL_CALL = 0x02,
    SIGP_EMERGENCY_SIGNAL = 0x03,
    SIGP_START = 0x04,
    SIGP_STOP = 0x05,
    SIGP_RESTART = 0x06,
    SIGP_STOP_STORE_STATUS = 0x09,
    SIGP_INITIAL_CPU_RESET = 0x0b,
    SIGP_CPU_RESET = 0x0c,
    SIGP_SET_PREFIX = 0x0d,
    SIGP_STORE_STATUS_ADDR = 0x0e,
    SIGP_SET_ARCHITECTURE = 0x12,
    SIGP_COND_EMERGENCY = 0x13,
    SIGP_SENSE_RUNNING = 0x15,
};

/* Status bits stored in bits 32-63 of R1 with CC 1. */
#define SIGP_STATUS_INCORRECT_STATE 0x00000200u
#define SIGP_STATUS_INVALID_PARAM   0x00000100u
#define SIGP_STATUS_XCALL_PENDING   0x00000080u
#define SIGP_STATUS_STOPPED         0x00000040u
#define SIGP_STATUS_INVALID_ORDER   0x00000002u
#define SIGP_STATUS_NOT_RUNNING     0x00000400u

#define STATUS_AREA_DEFAULT 0x1200u    /* absolute, for stop and store status */
#define STATUS_AREA_SIZE    0x200u

/* Store @cpu's architected status at absolute @addr in the layout of
 * locations 0x1200-0x13ff (PoO "Store Status"). */
static void store_status(struct cpu *cpu, uint64_t addr)
{
    uint8_t a[STATUS_AREA_SIZE] = { 0 };

    for (unsigned i = 0; i < 16; i++) {
        st_be64(a + 0x00 + 8 * i, cpu->vr[i].d[0]);
        st_be64(a + 0x80 + 8 * i, cpu->gr[i]);
        st_be32(a + 0x140 + 4 * i, cpu->ar[i]);
        st_be64(a + 0x180 + 8 * i, cpu->cr[i]);
    }
    st_be64(a + 0x100, cpu_psw_mask(cpu));
    st_be64(a + 0x108, cpu->psw.addr);
    st_be32(a + 0x118, cpu->prefix);
    st_be32(a + 0x11c, cpu->fpc);
    st_be32(a + 0x124, cpu->todpr);
    st_be64(a + 0x128, (uint64_t)cpu_timer_get(cpu));
    st_be64(a + 0x130, cpu->ckc >> 8);
    storage_write_abs(cpu->mem, addr, a, sizeof(a));
}

/* Present a restart interruption on the stopped-or-operating CPU @dst.
 * When @dst is the issuing CPU @cpu, the interruption follows the SIGP:
 * the old PSW holds CC 0 and the address after the SIGP, and the new PSW
 * address becomes the next instruction address. */
static void restart(struct cpu *cpu, struct cpu *dst)
{
    uint64_t addr;
    uint8_t *lc;

    if (unlikely(dst->sie != NULL))         /* the host takes the restart */
        sie_interrupted(dst);
    lc = mmu_lowcore(dst);
    addr = dst->psw.addr;
    trace_restart(dst);
    if (dst == cpu) {
        cpu_set_cc(cpu, 0);
        addr = cpu->next_ia;
    }
    st_be64(lc + LC_RESTART_OLD_PSW, cpu_psw_mask(dst));
    st_be64(lc + LC_RESTART_OLD_PSW + 8, addr);
    dst->state = CPU_OPERATING;
    dst->waiting = false;
    cpu_load_psw(dst, ld_be64(lc + LC_RESTART_NEW_PSW), ld_be64(lc + LC_RESTART_NEW_PSW + 8));
    if (dst == cpu)
        cpu->next_ia = cpu->psw.addr;
}

/* SET PREFIX on the stopped CPU @dst. Returns the CC with *status set. */
static unsigned set_prefix(struct machine *m, struct cpu *dst, uint64_t param, uint32_t *status)
{
    uint32_t pfx = (uint32_t)param & 0x7fffe000u;

    if ((uint64_t)pfx + 0x2000 > m->mem.size) {
        *status = SIGP_STATUS_INVALID_PARAM;
        return 1;
    }
    if (dst->state != CPU_STOPPED) {
        *status = SIGP_STATUS_INCORRECT_STATE;
        return 1;
    }
    dst->prefix = pfx;
    mmu_tlb_flush(dst);
    return 0;
}

/* STORE STATUS AT ADDRESS for the stopped CPU @dst (512-byte aligned area). */
static unsigned store_status_at(struct machine *m, struct cpu *dst, uint64_t param,
                                uint32_t *status)
{
    uint64_t addr = param & 0x7ffffe00u;

    if (dst->state != CPU_STOPPED) {
        *status = SIGP_STATUS_INCORRECT_STATE;
        return 1;
    }
    if (!storage_valid(&m->mem, addr, STATUS_AREA_SIZE)) {
        *status = SIGP_STATUS_INVALID_PARAM;
        return 1;
    }
    store_status(dst, addr);
    return 0;
}

/* SENSE: CC 0 if nothing to report, else 1 with the status bits. */
static unsigned sense(struct cpu *dst, uint32_t *status)
{
    *status = (dst->state == CPU_STOPPED ? SIGP_STATUS_STOPPED : 0) |
              (cpu_external_call_pending(dst) ? SIGP_STATUS_XCALL_PENDING : 0);
    return *status ? 1 : 0;
}

unsigned door_sigp(struct cpu *cpu, unsigned order, uint16_t addr, uint64_t param,
                   uint32_t *status)
{
    struct machine *m = cpu->machine;
    struct cpu *dst;

    if (addr >= m->ncpus)
        return 3;
    dst = &m->cpus[addr];
    switch (order) {
    case SIGP_SENSE:
        return sense(dst, status);
    case SIGP_EXTERNAL_CALL:
        if (!cpu_post_external_call(dst, cpu->cpu_addr)) {
            *status = SIGP_STATUS_XCALL_PENDING;
            return 1;
        }
        return 0;
    case SIGP_EMERGENCY_SIGNAL:
        cpu_post_emergency_signal(dst, cpu->cpu_addr);
        return 0;
    case SIGP_COND_EMERGENCY:
        if (dst->state == CPU_OPERATING && !dst->waiting) {
            *status = SIGP_STATUS_INCORRECT_STATE;
            return 1;
        }
        cpu_post_emergency_signal(dst, cpu->cpu_addr);
        return 0;
    case SIGP_START:
        if (dst->state == CPU_STOPPED) {
            dst->state = CPU_OPERATING;
            cpu_update_attn(dst);
        }
        return 0;
    case SIGP_STOP:
        cpu_stop(dst);
        return 0;
    case SIGP_STOP_STORE_STATUS:
        cpu_stop(dst);
        store_status(dst, STATUS_AREA_DEFAULT);
        m->mem.ram[LC_ARCH_MODE_ID] = 1;
        return 0;
    case SIGP_RESTART:
        restart(cpu, dst);
        return 0;
    case SIGP_INITIAL_CPU_RESET:
        cpu_initial_reset(dst);
        return 0;
    case SIGP_CPU_RESET:
        cpu_reset(dst);
        return 0;
    case SIGP_SET_PREFIX:
        return set_prefix(m, dst, param, status);
    case SIGP_STORE_STATUS_ADDR:
        return store_status_at(m, dst, param, status);
    case SIGP_SET_ARCHITECTURE:
        *status = SIGP_STATUS_INVALID_PARAM;    /* z/Architecture only: nothing to switch */
        return 1;
    case SIGP_SENSE_RUNNING:
        if (dst->state == CPU_OPERATING && !dst->waiting)
            return 0;
        *status = SIGP_STATUS_NOT_RUNNING;
        return 1;
    default:
        *status = SIGP_STATUS_INVALID_ORDER;
        return 1;
    }
}
