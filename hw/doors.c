/* Small doors from cpu/ into the machine that need nothing but its layout. */
#include "hw/doors.h"

#include "hw/machine.h"
#include "mmu/mmu.h"

unsigned door_cpu_count(const struct cpu *cpu)
{
    return cpu->machine->ncpus;
}

void door_purge_tlbs(struct cpu *cpu)
{
    struct machine *m = cpu->machine;

    if (!m) {
        mmu_tlb_flush(cpu);
        return;
    }
    for (unsigned i = 0; i < m->ncpus; i++)
        mmu_tlb_flush(&m->cpus[i]);
}
