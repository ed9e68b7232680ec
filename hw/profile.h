/* --profile: where the guest spends its instructions, per level. The run
 * loop samples the PSW address every N instructions (trace_set_sampler);
 * at exit the samples are named by ELF or System.map symbols and written as
 * a top-N table and as folded stacks ("L1;function count") for flame-graph
 * tools (docs/debugging.md). Costs nothing without --profile. */
#ifndef SIEVE_HW_PROFILE_H
#define SIEVE_HW_PROFILE_H

#include <stdbool.h>
#include <stdint.h>

/* Start profiling into @path (and @path.folded). @symbols is a NULL-ended
 * list of "[L1=|L2=]FILE" (or NULL); @period the sample period as given
 * (NULL: the default). Dies on a malformed option or an unwritable file. */
void profile_setup(const char *path, char **symbols, const char *period);

/* Name the samples and write both files. Symbol files are read now, so a
 * guest may have produced one during the run (/proc/kallsyms on a disk). */
void profile_write(void);

#endif
