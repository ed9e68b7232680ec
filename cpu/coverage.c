/* The coverage report: per facility and family, how many of the listed
 * instructions have a handler. Printed by sieve --list-insns. */
#include <stdio.h>
#include "cpu/insn.h"

void coverage_report(FILE *out);

/* Print one row per (facility, family) with listed/implemented counts and
 * the mnemonics still missing. */
void coverage_report(FILE *out)
{
    unsigned listed_all = 0, impl_all = 0;

    fprintf(out, "%-8s %-11s %6s %6s %6s  missing\n", "facility", "family", "listed", "impl",
            "pct");
    for (unsigned f = 0; f < FAC_COUNT; f++) {
        for (unsigned fam = 0; fam < FAMILY_COUNT; fam++) {
            unsigned listed = 0, impl = 0;

            for (unsigned id = 0; id < INSN_COUNT; id++) {
                if (insn_info[id].fac != f || insn_info[id].family != fam)
                    continue;
                listed++;
                impl += insn_info[id].fn != NULL;
            }
            if (!listed)
                continue;
            listed_all += listed;
            impl_all += impl;
            fprintf(out, "%-8s %-11s %6u %6u %5.1f%% ", facility_names[f], family_names[fam],
                    listed, impl, 100.0 * impl / listed);
            for (unsigned id = 0; id < INSN_COUNT; id++)
                if (insn_info[id].fac == f && insn_info[id].family == fam && !insn_info[id].fn)
                    fprintf(out, " %s", insn_info[id].name);
            fputc('\n', out);
        }
    }
    fprintf(out, "%-8s %-11s %6u %6u %5.1f%%\n", "total", "", listed_all, impl_all,
            100.0 * impl_all / listed_all);
}
