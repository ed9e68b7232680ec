/* Shared pieces of the protection and address-space programs: a segment
 * table that identity-maps the first 16 MiB through 16 page tables, and the
 * record of an access that may take a program interruption. */
#ifndef IDENT_MAP_H
#define IDENT_MAP_H

#include "rt/rt.h"

#define STE_I       0x20ull     /* segment-table entry invalid */

struct outcome {
    struct rt_pgm_info pi;
    bool fired;
    uint64_t at;        /* address of the instruction under test */
    uint64_t teid;
};

/* Fill @stab (2048 entries) with invalid entries except segments 0-15,
 * which map 16 MiB one to one through @ptab. */
static inline void ident_map_16m(uint64_t *stab, uint64_t (*ptab)[256])
{
    for (unsigned i = 0; i < 2048; i++)
        stab[i] = i < 16 ? (uint64_t)(uintptr_t)ptab[i] : STE_I;
    for (unsigned s = 0; s < 16; s++)
        for (unsigned p = 0; p < 256; p++)
            ptab[s][p] = ((uint64_t)s << 20) | ((uint64_t)p << 12);
}

#endif
