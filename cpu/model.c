/* The model table and the building of a model's dispatch table. */
#include "cpu/model.h"

#include <stdio.h>
#include <string.h>

struct model_def {
    const char *name;
    const char *desc;
    uint16_t machine_type;
    const enum facility *facs;
    size_t nfacs;
    const enum facility *extra;     /* more facilities on top of facs */
    size_t nextra;
};

/* Facilities of a z10 as far as sieve implements its general instructions. */
static const enum facility z10_facs[] = {
    FAC_N3, FAC_ZARCH, FAC_ETF1, FAC_STFLE, FAC_ETF2, FAC_LD, FAC_LDHP, FAC_EI, FAC_ETF3, FAC_ETF2E,
    FAC_STCKF, FAC_PE, FAC_MVCOS, FAC_ETF3E, FAC_ECT, FAC_CSST, FAC_CSST2, FAC_GIE, FAC_EE,
    FAC_DATE, FAC_DATE2,
};

/* z10 plus the z196 general-instruction facilities (bit 45). */
static const enum facility z196_facs[] = {
    FAC_N3, FAC_ZARCH, FAC_ETF1, FAC_STFLE, FAC_ETF2, FAC_LD, FAC_LDHP, FAC_EI, FAC_ETF3, FAC_ETF2E,
    FAC_STCKF, FAC_PE, FAC_MVCOS, FAC_ETF3E, FAC_ECT, FAC_CSST, FAC_CSST2, FAC_GIE, FAC_EE,
    FAC_DATE, FAC_DATE2, FAC_DO, FAC_HW, FAC_LOC, FAC_IA1, FAC_POPC, FAC_FBCR, FAC_FPSE,
    FAC_IEEESIM,
    FAC_HFPMAS,
    FAC_HFPUE,
    FAC_FPE,
    FAC_SIEF2,
};

/* What the "max" model adds to z196: system facilities whose instructions
 * exist but which the default models leave off (they change what Linux
 * does). For tests. */
static const enum facility max_extra[] = { FAC_EDAT1, FAC_EDAT2, FAC_RRBM, FAC_LPP, FAC_TODS };

static const struct model_def model_defs[] = {
    { "z10", "IBM System z10 EC (general instructions)", 0x2097, z10_facs,
      sizeof(z10_facs) / sizeof(z10_facs[0]) },
    { "z196", "IBM zEnterprise 196 (general instructions)", 0x2817, z196_facs,
      sizeof(z196_facs) / sizeof(z196_facs[0]) },
    { "max", "z196 with EDAT-1, EDAT-2, RRBM, LPP and TOD steering (for tests)", 0x2817, z196_facs,
      sizeof(z196_facs) / sizeof(z196_facs[0]), max_extra,
      sizeof(max_extra) / sizeof(max_extra[0]) },
};

static struct cpu_model models[sizeof(model_defs) / sizeof(model_defs[0])];

/* Fill @m from @d: facility flags, STFLE bits, dispatch table. */
static void model_build(struct cpu_model *m, const struct model_def *d)
{
    m->name = d->name;
    m->desc = d->desc;
    m->machine_type = d->machine_type;
    for (size_t i = 0; i < d->nfacs + d->nextra; i++) {
        enum facility f = i < d->nfacs ? d->facs[i] : d->extra[i - d->nfacs];
        int bit = facility_bits[f];

        m->fac[f] = true;
        if (bit >= 0)
            m->stfle[bit / 64] |= UINT64_C(1) << (63 - bit % 64);
    }
    m->stfle[0] |= UINT64_C(1) << (63 - 2);     /* z/Architecture active */
    for (unsigned id = 0; id < INSN_COUNT; id++) {
        insn_fn *fn = insn_info[id].fn;

        m->dispatch[id] = m->fac[insn_info[id].fac] && fn ? fn : insn_unimpl;
    }
}

const struct cpu_model *model_find(const char *name)
{
    for (size_t i = 0; i < sizeof(model_defs) / sizeof(model_defs[0]); i++) {
        if (strcmp(name, model_defs[i].name) != 0)
            continue;
        if (!models[i].name)
            model_build(&models[i], &model_defs[i]);
        return &models[i];
    }
    return NULL;
}

void model_list(void)
{
    for (size_t i = 0; i < sizeof(model_defs) / sizeof(model_defs[0]); i++)
        printf("%-8s %s%s\n", model_defs[i].name, model_defs[i].desc,
               strcmp(model_defs[i].name, MODEL_DEFAULT) == 0 ? " (default)" : "");
}
