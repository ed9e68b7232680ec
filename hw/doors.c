/* Small doors from cpu/ into the machine that need nothing but its layout. */
#include "hw/doors.h"

#include "hw/machine.h"

unsigned door_cpu_count(const struct cpu *cpu)
{
    return cpu->machine->ncpus;
}
