/* CPU models: a facility set, the dispatch table built from it, and the
 * identification the machine reports (STIDP, STFLE). */
#ifndef SIEVE_CPU_MODEL_H
#define SIEVE_CPU_MODEL_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu/insn.h"

struct cpu_model {
    const char *name;
    const char *desc;
    uint16_t machine_type;
    bool fac[FAC_COUNT];
    uint64_t stfle[4];              /* facility list as STFLE stores it */
    insn_fn *dispatch[INSN_COUNT];
};

/* The model called @name ("help" lists them), built and checked. Returns
 * NULL if there is no such model. */
const struct cpu_model *model_find(const char *name);
/* Print the model names and descriptions to stdout. */
void model_list(void);
/* The model used when -cpu is not given. */
#define MODEL_DEFAULT "z196"

#endif
