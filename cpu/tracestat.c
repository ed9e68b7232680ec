/* Exit statistics and the SIE trace hooks: SIE entries and exits per
 * interception code and intercepted instruction, instructions per level,
 * interruptions per class and code. Counted always (a few increments per
 * interruption or SIE exit); printed at exit with -d sie, int or stats, and
 * by the monitor's "info stats". */
#include "cpu/trace.h"

#include <string.h>
#include "cpu/cpu.h"
#include "cpu/insn.h"
#include "cpu/model.h"
#include "sie/sie.h"

#define EXT_CODES 16

static struct {
    uint64_t ints[2][INTC_COUNT];       /* per level, per class */
    uint64_t pgm[2][256];
    uint64_t svc[2][256];
    struct {
        uint16_t code;
        uint64_t n[2];
    } ext[EXT_CODES];
    unsigned next;
    uint64_t sie_entries;
    uint64_t l2_insns;
    uint64_t icpt[256];
    uint64_t icpt_insn[INSN_COUNT + 1];   /* the last: text not in the table */
    uint64_t icpt_pgm[256];
    uint64_t entry_icount[TRACE_MAX_CPUS];
    uint64_t icount_total;              /* instructions of every CPU, as of the last print */
} st;

static const struct cpu *cpus[TRACE_MAX_CPUS];
static unsigned ncpus;

/* Remember @cpu for the instruction totals. */
void trace_stats_attach(const struct cpu *cpu)
{
    if (ncpus < TRACE_MAX_CPUS)
        cpus[ncpus++] = cpu;
}

void trace_count_int(const struct cpu *cpu, enum trace_int_class cls, unsigned code)
{
    unsigned lv = trace_level(cpu) - 1;

    st.ints[lv][cls]++;
    if (cls == INTC_PGM)
        st.pgm[lv][code & 0xff]++;
    else if (cls == INTC_SVC)
        st.svc[lv][code & 0xff]++;
    if (cls != INTC_EXT)
        return;
    for (unsigned i = 0; i < st.next; i++) {
        if (st.ext[i].code == code) {
            st.ext[i].n[lv]++;
            return;
        }
    }
    if (st.next < EXT_CODES) {
        st.ext[st.next].code = (uint16_t)code;
        st.ext[st.next++].n[lv] = 1;
    }
}

/* The name of interception code @icpt (SIE.md 4.1). */
static const char *icpt_name(unsigned icpt)
{
    switch (icpt) {
    case ICPT_NONE: return "host interruption or fault";
    case ICPT_INST: return "instruction";
    case ICPT_PROGI: return "program interruption";
    case ICPT_EXTREQ: return "external request";
    case ICPT_IOREQ: return "I/O request";
    case ICPT_WAIT: return "wait state";
    case ICPT_VALIDITY: return "validity";
    case ICPT_STOP: return "stop request";
    case ICPT_OPEREXC: return "operation exception";
    default: return "?";
    }
}

/* The table index of the instruction whose text @s holds in ipa/ipb,
 * INSN_COUNT if the table does not list it. */
static unsigned ipa_insn(const struct cpu *cpu, const struct scb_shadow *s)
{
    uint8_t b[6] = { (uint8_t)(s->ipa >> 8), (uint8_t)s->ipa, (uint8_t)(s->ipb >> 24),
                     (uint8_t)(s->ipb >> 16), (uint8_t)(s->ipb >> 8), (uint8_t)s->ipb };
    struct insn in;

    memset(&in, 0, sizeof(in));
    insn_decode(b, cpu->model->dispatch, &in);
    return in.id < INSN_COUNT ? in.id : INSN_COUNT;
}

void trace_sie_entry(struct cpu *cpu)
{
    const struct sie_ctx *ctx = cpu->sie;

    st.sie_entries++;
    st.entry_icount[cpu->cpu_addr % TRACE_MAX_CPUS] = cpu->icount;
    trace_set_level(cpu, 2, ctx->scb);
    if (!(cpu->trace & TR_SIE))
        return;
    trace_line_start(cpu, "sie");
    trace_line_add("entry psw=%016llx:%016llx prefix=%x mso=%llx msl=%llx",
                   (unsigned long long)ctx->s.gpsw_mask, (unsigned long long)ctx->s.gpsw_addr,
                   ctx->s.prefix, (unsigned long long)ctx->s.mso,
                   (unsigned long long)ctx->s.msl);
    trace_line_end();
}

void trace_sie_exit(struct cpu *cpu)
{
    const struct scb_shadow *s = &cpu->sie->s;
    uint64_t ran = cpu->icount - st.entry_icount[cpu->cpu_addr % TRACE_MAX_CPUS];
    unsigned id = INSN_COUNT;

    st.icpt[s->icpt]++;
    st.l2_insns += ran;
    if (s->icpt == ICPT_INST || s->icpt == ICPT_OPEREXC) {
        id = ipa_insn(cpu, s);
        st.icpt_insn[id]++;
    } else if (s->icpt == ICPT_PROGI) {
        st.icpt_pgm[s->iprcc & 0xff]++;
    }
    if (cpu->trace & TR_SIE) {
        trace_line_start(cpu, "sie");
        trace_line_add("exit icpt=%02x ipa=%04x ipb=%08x psw=%016llx:%016llx", s->icpt, s->ipa,
                       s->ipb, (unsigned long long)s->gpsw_mask,
                       (unsigned long long)s->gpsw_addr);
        if (id < INSN_COUNT)
            trace_line_add(" insn=%s", insn_info[id].name);
        if (s->icpt == ICPT_PROGI)
            trace_line_add(" code=%04x", s->iprcc);
        trace_line_add(" l2_insns=%llu (%s)", (unsigned long long)ran, icpt_name(s->icpt));
        trace_line_end();
    }
    trace_set_level(cpu, 1, 0);
}

/* Print the interruption counters of @out. */
static void print_ints(FILE *out)
{
    static const char *const cls[INTC_COUNT] = { "program", "svc", "external", "i/o",
                                                 "restart" };

    fprintf(out, "interruptions            L1           L2\n");
    for (unsigned c = 0; c < INTC_COUNT; c++)
        fprintf(out, "  %-14s %12llu %12llu\n", cls[c], (unsigned long long)st.ints[0][c],
                (unsigned long long)st.ints[1][c]);
    for (unsigned i = 0; i < 256; i++)
        if (st.pgm[0][i] || st.pgm[1][i])
            fprintf(out, "  program %04x   %12llu %12llu\n", i,
                    (unsigned long long)st.pgm[0][i], (unsigned long long)st.pgm[1][i]);
    for (unsigned i = 0; i < st.next; i++)
        fprintf(out, "  external %04x  %12llu %12llu\n", st.ext[i].code,
                (unsigned long long)st.ext[i].n[0], (unsigned long long)st.ext[i].n[1]);
    for (unsigned i = 0; i < 256; i++)
        if (st.svc[0][i] || st.svc[1][i])
            fprintf(out, "  svc %02x         %12llu %12llu\n", i,
                    (unsigned long long)st.svc[0][i], (unsigned long long)st.svc[1][i]);
}

void trace_stats_print(FILE *out)
{
    uint64_t total = 0, exits = 0;

    for (unsigned i = 0; i < ncpus; i++)
        total += cpus[i]->icount;
    for (unsigned i = 0; i < 256; i++)
        exits += st.icpt[i];
    fprintf(out, "statistics\n");
    fprintf(out, "instructions             L1           L2\n");
    fprintf(out, "  executed       %12llu %12llu\n",
            (unsigned long long)(total - (st.l2_insns < total ? st.l2_insns : total)),
            (unsigned long long)st.l2_insns);
    fprintf(out, "sie entries %llu, exits %llu\n", (unsigned long long)st.sie_entries,
            (unsigned long long)exits);
    for (unsigned i = 0; i < 256; i++)
        if (st.icpt[i])
            fprintf(out, "  icpt %02x %-26s %12llu\n", i, icpt_name(i),
                    (unsigned long long)st.icpt[i]);
    for (unsigned i = 0; i <= INSN_COUNT; i++)
        if (st.icpt_insn[i])
            fprintf(out, "  intercepted %-22s %12llu\n",
                    i < INSN_COUNT ? insn_info[i].name : "(unlisted)",
                    (unsigned long long)st.icpt_insn[i]);
    for (unsigned i = 0; i < 256; i++)
        if (st.icpt_pgm[i])
            fprintf(out, "  intercepted program %04x %21llu\n", i,
                    (unsigned long long)st.icpt_pgm[i]);
    print_ints(out);
}
