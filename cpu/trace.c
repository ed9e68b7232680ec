/* Trace output: category parsing, the filters (CPU, level, address ranges,
 * instruction-count window), the log stream or in-memory ring, and the cold
 * formatting functions behind the inline hooks of cpu/trace.h. */
#define _GNU_SOURCE         /* memmem */
#include "cpu/trace.h"

#include <ctype.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <capstone/capstone.h>
#include "cpu/insn.h"

#define LINE_MAX_LEN  256
#define DFILTER_MAX   32

bool trace_slicing;
uint32_t trace_mask_all;
bool trace_ring_on;

static FILE *trace_out;
static csh cs_handle;
static bool cs_ready;
static struct trace_config cfg = { .levels = TRACE_L1 | TRACE_L2, .cpu = -1 };

/* -dfilter: inclusive address ranges; none means every address. */
static struct { uint64_t lo, hi; } dfilter[DFILTER_MAX];
static unsigned ndfilter;

/* Per-CPU trace state, by CPU address. */
static struct trace_cpu {
    unsigned level;
    uint64_t scb;
    uint64_t since_sample;
    bool exec_hidden;       /* the exec line of this instruction was filtered out */
} tcpu[TRACE_MAX_CPUS];

static uint64_t sample_period;
static void (*sampler)(struct cpu *cpu, unsigned level, uint64_t n);

/* The line being built, and the ring of finished ones. */
static char line[LINE_MAX_LEN];
static size_t line_len;
static char (*ring)[LINE_MAX_LEN];
static unsigned ring_next, ring_used;

static const struct {
    const char *name;
    uint32_t bit;
    const char *help;
} categories[] = {
    { "in_asm", TR_IN_ASM, "each instruction when it is first decoded" },
    { "exec", TR_EXEC, "every executed instruction and the registers it changed" },
    { "int", TR_INT, "interruptions: class, code, old PSW; statistics at exit" },
    { "unimp", TR_UNIMP, "operation exceptions for unlisted or unimplemented opcodes" },
    { "mmu", TR_MMU, "TLB fills (translations) and TLB flushes" },
    { "sie", TR_SIE, "SIE entries and exits; statistics at exit" },
    { "io", TR_IO, "SSCH, CCWs, I/O interruptions" },
    { "guest_errors", TR_GUEST_ERRORS, "guest mistakes: invalid PSW, SCLP and channel errors" },
    { "stats", TR_STATS, "print the exit statistics at exit" },
};
#define NCATEGORIES (sizeof(categories) / sizeof(categories[0]))

/* The trace state of @cpu. */
static struct trace_cpu *tc(const struct cpu *cpu)
{
    return &tcpu[cpu->cpu_addr % TRACE_MAX_CPUS];
}

/* Parse a decimal count after "ring=" of length @n at @p. Returns false if malformed. */
static bool parse_ring(const char *p, size_t n, unsigned *ring_lines)
{
    char buf[16];
    char *end;
    unsigned long v;

    if (n == 0 || n >= sizeof(buf))
        return false;
    memcpy(buf, p, n);
    buf[n] = 0;
    v = strtoul(buf, &end, 10);
    if (*end || v == 0 || v > 1000000)
        return false;
    *ring_lines = (unsigned)v;
    return true;
}

uint32_t trace_parse(const char *list, unsigned *ring_lines, const char **bad)
{
    static char badbuf[64];
    uint32_t mask = 0;
    const char *p = list;

    *ring_lines = 0;
    while (*p) {
        size_t n = strcspn(p, ",");
        bool found = false;

        for (size_t i = 0; i < NCATEGORIES; i++) {
            if (strlen(categories[i].name) == n && strncmp(p, categories[i].name, n) == 0) {
                mask |= categories[i].bit;
                found = true;
            }
        }
        if (n > 5 && strncmp(p, "ring=", 5) == 0)
            found = parse_ring(p + 5, n - 5, ring_lines);
        if (n == 4 && strncmp(p, "help", 4) == 0) {
            for (size_t i = 0; i < NCATEGORIES; i++)
                printf("%-12s %s\n", categories[i].name, categories[i].help);
            printf("%-12s %s\n", "ring=N", "keep the last N lines in memory, write them when "
                   "the guest crashes");
            *bad = "help";
            return 0;
        }
        if (!found && n) {
            snprintf(badbuf, sizeof(badbuf), "%.*s", (int)(n < 60 ? n : 60), p);
            *bad = badbuf;
            return 0;
        }
        p += n;
        if (*p == ',')
            p++;
    }
    *bad = NULL;
    return mask;
}

/* Parse an address (0x hex, or decimal) at *p. Returns false if none. */
static bool parse_addr(const char **p, uint64_t *v)
{
    char *end;

    if (!isdigit((unsigned char)**p))
        return false;
    *v = strtoull(*p, &end, 0);
    *p = end;
    return true;
}

bool trace_parse_dfilter(const char *spec)
{
    const char *p = spec;

    ndfilter = 0;
    while (*p) {
        uint64_t a, b;

        if (ndfilter == DFILTER_MAX || !parse_addr(&p, &a))
            return false;
        if (strncmp(p, "..", 2) == 0) {
            p += 2;
            if (!parse_addr(&p, &b) || b < a)
                return false;
        } else if (*p == '+' || *p == '-') {
            char op = *p++;

            if (!parse_addr(&p, &b) || b == 0)
                return false;
            if (op == '+') {
                b = a + b - 1;
            } else {
                uint64_t len = b;

                b = a;
                a = len - 1 > a ? 0 : a - (len - 1);
            }
        } else {
            return false;
        }
        dfilter[ndfilter].lo = a;
        dfilter[ndfilter].hi = b;
        ndfilter++;
        if (*p == ',')
            p++;
        else if (*p)
            return false;
    }
    return ndfilter > 0;
}

bool trace_parse_level(const char *s, unsigned *levels)
{
    if (strcmp(s, "L1") == 0 || strcmp(s, "l1") == 0 || strcmp(s, "1") == 0)
        *levels = TRACE_L1;
    else if (strcmp(s, "L2") == 0 || strcmp(s, "l2") == 0 || strcmp(s, "2") == 0)
        *levels = TRACE_L2;
    else if (strcmp(s, "all") == 0)
        *levels = TRACE_L1 | TRACE_L2;
    else
        return false;
    return true;
}

/* Does @ia pass -dfilter? */
static bool addr_traced(uint64_t ia)
{
    if (!ndfilter)
        return true;
    for (unsigned i = 0; i < ndfilter; i++)
        if (ia >= dfilter[i].lo && ia <= dfilter[i].hi)
            return true;
    return false;
}

/* Write the ring, oldest line first, to file descriptor @fd: only write(2),
 * so the fatal-signal handler may call it too. */
static void ring_write(int fd)
{
    unsigned first = ring_used < cfg.ring ? 0 : ring_next;

    for (unsigned i = 0; i < ring_used; i++) {
        const char *l = ring[(first + i) % cfg.ring];

        if (write(fd, l, strlen(l)) < 0)
            return;
    }
}

/* A fatal signal (sieve_bug's abort, a crash of sieve itself): dump the ring. */
static void fatal_signal(int sig)
{
    static const char head[] = "sieve: trace ring before a fatal signal:\n";
    int fd = fileno(trace_stream());

    fflush(trace_stream());
    if (write(fd, head, sizeof(head) - 1) >= 0)
        ring_write(fd);
    signal(sig, SIG_DFL);
    raise(sig);
}

void trace_configure(const struct trace_config *c)
{
    static const int sigs[] = { SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE };

    cfg = *c;
    trace_mask_all = c->mask;
    trace_slicing = c->after || c->count || sampler;
    if (c->ring) {
        ring = calloc(c->ring, LINE_MAX_LEN);
        if (!ring) {
            cfg.ring = 0;
            return;
        }
        trace_ring_on = true;
        for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
            signal(sigs[i], fatal_signal);
    }
}

bool trace_open(const char *path)
{
    trace_out = path ? fopen(path, "w") : stderr;
    return trace_out != NULL;
}

void trace_close(void)
{
    if (cfg.mask & (TR_SIE | TR_INT | TR_STATS))
        trace_stats_print(trace_stream());
    if (trace_out && trace_out != stderr)
        fclose(trace_out);
    trace_out = NULL;
    if (cs_ready)
        cs_close(&cs_handle);
    cs_ready = false;
}

FILE *trace_stream(void)
{
    return trace_out ? trace_out : stderr;
}

/* Is @cpu's instruction count inside the --trace-after/--trace-count window? */
static bool in_window(const struct cpu *cpu)
{
    return cpu->icount >= cfg.after && (!cfg.count || cpu->icount - cfg.after < cfg.count);
}

/* Recompute cpu->trace for @cpu at @level. SIE lines mark the boundary
 * between the levels and pass the level filter. */
static void refresh(struct cpu *cpu, unsigned level)
{
    uint32_t m = cfg.mask;

    tc(cpu)->level = level;
    if (cfg.cpu >= 0 && cpu->cpu_addr != (unsigned)cfg.cpu)
        m = 0;
    if (!(cfg.levels & (level == 2 ? TRACE_L2 : TRACE_L1)))
        m &= TR_SIE;
    if (!in_window(cpu))
        m = 0;
    cpu->trace = m & ~TR_STATS;
}

void trace_attach(struct cpu *cpu)
{
    struct trace_cpu *t = tc(cpu);

    t->scb = 0;
    t->since_sample = 0;
    refresh(cpu, 1);
    trace_stats_attach(cpu);
}

unsigned trace_level(const struct cpu *cpu)
{
    return tc(cpu)->level ? tc(cpu)->level : 1;
}

uint64_t trace_scb(const struct cpu *cpu)
{
    return tc(cpu)->scb;
}

/* Called by the SIE hooks (cpu/tracestat.c) when @cpu changes level. */
void trace_set_level(struct cpu *cpu, unsigned level, uint64_t scb)
{
    tc(cpu)->scb = scb;
    refresh(cpu, level);
}

uint64_t trace_slice_budget(struct cpu *cpu, uint64_t budget)
{
    uint64_t b = budget;

    if (cfg.after || cfg.count) {
        uint64_t ic = cpu->icount, edge = UINT64_MAX;

        if (ic < cfg.after)
            edge = cfg.after;
        else if (cfg.count && ic - cfg.after < cfg.count)
            edge = cfg.after + cfg.count;
        if (edge != UINT64_MAX && edge - ic < b)
            b = edge - ic;
    }
    if (sampler) {
        uint64_t left = sample_period - tc(cpu)->since_sample;

        if (left < b)
            b = left;
    }
    return b ? b : 1;
}

void trace_slice_done(struct cpu *cpu, uint64_t n)
{
    struct trace_cpu *t = tc(cpu);

    if (cfg.after || cfg.count)
        refresh(cpu, trace_level(cpu));
    if (sampler) {
        t->since_sample += n;
        if (t->since_sample >= sample_period) {
            sampler(cpu, trace_level(cpu), t->since_sample);
            t->since_sample = 0;
        }
    }
}

void trace_set_sampler(uint64_t period, void (*fn)(struct cpu *cpu, unsigned level, uint64_t n))
{
    sample_period = period;
    sampler = fn;
    trace_slicing = true;
}

void trace_crash(const char *why)
{
    FILE *out = trace_stream();

    if (!ring || !ring_used)
        return;
    fprintf(out, "sieve: trace ring, the last %u lines before %s:\n", ring_used, why);
    fflush(out);
    ring_write(fileno(out));
    ring_used = 0;
    ring_next = 0;
}

void trace_console_text(const void *buf, size_t len)
{
    static const char panic[] = "Kernel panic - not syncing";

    if (memmem(buf, len, panic, sizeof(panic) - 1))
        trace_crash("a kernel panic on the console");
}

void trace_line_start(const struct cpu *cpu, const char *cat)
{
    if (!cpu) {
        line_len = (size_t)snprintf(line, sizeof(line), "%10s c- -  %-8s %-6s ", "-", "-", cat);
        return;
    }
    if (tc(cpu)->scb)
        line_len = (size_t)snprintf(line, sizeof(line), "%10llu c%u L%u %-8llx %-6s ",
                                    (unsigned long long)cpu->icount, cpu->cpu_addr,
                                    trace_level(cpu), (unsigned long long)tc(cpu)->scb, cat);
    else
        line_len = (size_t)snprintf(line, sizeof(line), "%10llu c%u L%u %-8s %-6s ",
                                    (unsigned long long)cpu->icount, cpu->cpu_addr,
                                    trace_level(cpu), "-", cat);
}

void trace_line_add(const char *fmt, ...)
{
    va_list ap;
    int n;

    if (line_len >= sizeof(line) - 1)
        return;
    va_start(ap, fmt);
    n = vsnprintf(line + line_len, sizeof(line) - line_len, fmt, ap);
    va_end(ap);
    if (n > 0)
        line_len += (size_t)n;
    if (line_len > sizeof(line) - 2)
        line_len = sizeof(line) - 2;
}

void trace_line_end(void)
{
    line[line_len++] = '\n';
    line[line_len] = 0;
    if (ring) {
        memcpy(ring[ring_next], line, line_len + 1);
        ring_next = (ring_next + 1) % cfg.ring;
        if (ring_used < cfg.ring)
            ring_used++;
    } else {
        fputs(line, trace_stream());
    }
    line_len = 0;
}

/* Capstone's text for @in, or "" if it cannot disassemble the bytes. */
static void disas(const struct insn *in, uint64_t ia, char *out, size_t size)
{
    cs_insn *ci;
    size_t n;

    out[0] = 0;
    if (!cs_ready) {
        if (cs_open(CS_ARCH_SYSZ, CS_MODE_BIG_ENDIAN, &cs_handle) != CS_ERR_OK)
            return;
        cs_ready = true;
    }
    n = cs_disasm(cs_handle, in->bytes, in->len, ia, 1, &ci);
    if (n == 1)
        snprintf(out, size, "%.31s %.150s", ci->mnemonic, ci->op_str);
    if (n)
        cs_free(ci, n);
}

/* Append address, bytes, table mnemonic and capstone text of @in, end the line. */
static void insn_line(const struct insn *in, uint64_t ia)
{
    char text[200];
    char hex[13];
    const char *mn = in->id < INSN_COUNT ? insn_info[in->id].name : "(unlisted)";

    hex[0] = 0;
    for (unsigned i = 0; i < in->len && i < sizeof(in->bytes); i++)
        snprintf(hex + 2 * i, sizeof(hex) - 2 * i, "%02x", in->bytes[i]);
    disas(in, ia, text, sizeof(text));
    trace_line_add("%016llx %-12s %-8s %s", (unsigned long long)ia, hex, mn, text);
    trace_line_end();
}

void trace_in_asm_cold(struct cpu *cpu, const struct insn *in, uint64_t ia)
{
    if (!addr_traced(ia))
        return;
    trace_line_start(cpu, "in_asm");
    insn_line(in, ia);
}

void trace_exec_cold(struct cpu *cpu, const struct insn *in, uint64_t ia)
{
    tc(cpu)->exec_hidden = !addr_traced(ia);
    if (tc(cpu)->exec_hidden)
        return;
    trace_line_start(cpu, "exec");
    insn_line(in, ia);
}

void trace_exec_changes(struct cpu *cpu, const uint64_t before[16], uint8_t cc)
{
    bool any = false;

    if (tc(cpu)->exec_hidden)
        return;
    for (unsigned r = 0; r < 16; r++) {
        if (cpu->gr[r] == before[r])
            continue;
        if (!any)
            trace_line_start(cpu, "exec");
        trace_line_add("%sr%u=%016llx", any ? " " : "  ", r, (unsigned long long)cpu->gr[r]);
        any = true;
    }
    if (cpu->cc != cc) {
        if (!any)
            trace_line_start(cpu, "exec");
        trace_line_add("%scc=%u", any ? " " : "  ", cpu->cc);
        any = true;
    }
    if (any)
        trace_line_end();
}

void trace_pgm_cold(struct cpu *cpu, unsigned code, uint64_t addr)
{
    if (!addr_traced(cpu->ia))
        return;
    trace_line_start(cpu, "int");
    trace_line_add("pgm code=%04x ilc=%u old=%016llx:%016llx", code, cpu->ilen / 2,
                   (unsigned long long)cpu_psw_mask(cpu), (unsigned long long)addr);
    trace_line_end();
}

void trace_svc_cold(struct cpu *cpu, unsigned code)
{
    if (!addr_traced(cpu->ia))
        return;
    trace_line_start(cpu, "int");
    trace_line_add("svc code=%02x old=%016llx:%016llx", code,
                   (unsigned long long)cpu_psw_mask(cpu), (unsigned long long)cpu->next_ia);
    trace_line_end();
}

void trace_ext_cold(struct cpu *cpu, unsigned code, uint32_t param)
{
    trace_line_start(cpu, "int");
    trace_line_add("ext code=%04x param=%08x old=%016llx:%016llx", code, param,
                   (unsigned long long)cpu_psw_mask(cpu), (unsigned long long)cpu->psw.addr);
    trace_line_end();
}

void trace_io_int_cold(struct cpu *cpu, const uint32_t code[3])
{
    trace_line_start(cpu, "int");
    trace_line_add("io schid=%08x param=%08x iid=%08x old=%016llx:%016llx", code[0], code[1],
                   code[2], (unsigned long long)cpu_psw_mask(cpu),
                   (unsigned long long)cpu->psw.addr);
    trace_line_end();
}

void trace_restart_cold(struct cpu *cpu)
{
    trace_line_start(cpu, "int");
    trace_line_add("restart old=%016llx:%016llx", (unsigned long long)cpu_psw_mask(cpu),
                   (unsigned long long)cpu->psw.addr);
    trace_line_end();
}

void trace_unimp_cold(struct cpu *cpu, const struct insn *in)
{
    trace_line_start(cpu, "unimp");
    insn_line(in, cpu->ia);
}

void trace_mmu_fill_cold(struct cpu *cpu, uint64_t addr, uint64_t aaddr, int kind)
{
    static const char *const kinds[] = { "fetch", "store", "ifetch" };

    trace_line_start(cpu, "mmu");
    trace_line_add("fill %s %016llx -> %llx asce=%016llx", kind >= 0 && kind < 3 ?
                   kinds[kind] : "?", (unsigned long long)addr, (unsigned long long)aaddr,
                   (unsigned long long)cpu->cr[1]);
    trace_line_end();
}

void trace_mmu_flush_cold(struct cpu *cpu)
{
    trace_line_start(cpu, "mmu");
    trace_line_add("flush psw=%016llx", (unsigned long long)cpu_psw_mask(cpu));
    trace_line_end();
}

void trace_event_cold(const struct cpu *cpu, const char *cat, const char *fmt, ...)
{
    char buf[LINE_MAX_LEN];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    trace_line_start(cpu, cat);
    trace_line_add("%s", buf);
    trace_line_end();
}
