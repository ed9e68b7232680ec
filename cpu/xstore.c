/* The expanded-storage instructions (PoO chapter 10, "PAGE IN", "PAGE
 * OUT"). No expanded storage is configured, so every block number names an
 * unavailable block. */
#include "cpu/insn.h"

/* PGIN - PAGE IN (RRE): expanded-storage block in bits 32-63 of R2 to the
 * main-storage page at the real address in R1. No block is available: CC 3,
 * nothing moved. Privileged (the dispatcher checks). Returns 0. */
exc_t insn_pgin(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, 3);
    return 0;
}

/* PGOUT - PAGE OUT (RRE): the page at the real address in R1 to expanded-
 * storage block R2. No block is available: CC 3. Privileged. Returns 0. */
exc_t insn_pgout(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, 3);
    return 0;
}
