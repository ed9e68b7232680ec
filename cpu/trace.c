/* Trace output: category parsing, the log stream, and the cold formatting
 * functions behind the inline hooks of cpu/trace.h. */
#include "cpu/trace.h"

#include <ctype.h>
#include <string.h>
#include <capstone/capstone.h>
#include "cpu/insn.h"

static FILE *trace_out;
static csh cs_handle;
static bool cs_ready;

static const struct {
    const char *name;
    uint32_t bit;
    const char *help;
} categories[] = {
    { "in_asm", TR_IN_ASM, "each instruction when it is first decoded" },
    { "exec", TR_EXEC, "every executed instruction" },
    { "int", TR_INT, "interruptions: class, code, old and new PSW" },
    { "unimp", TR_UNIMP, "operation exceptions for unlisted or unimplemented opcodes" },
    { "mmu", TR_MMU, "translations and TLB flushes" },
    { "sie", TR_SIE, "SIE entries and exits" },
    { "io", TR_IO, "channel-subsystem activity" },
};

uint32_t trace_parse(const char *list, const char **bad)
{
    static char badbuf[64];
    uint32_t mask = 0;
    const char *p = list;

    while (*p) {
        size_t n = strcspn(p, ",");
        bool found = false;

        for (size_t i = 0; i < sizeof(categories) / sizeof(categories[0]); i++) {
            if (strlen(categories[i].name) == n && strncmp(p, categories[i].name, n) == 0) {
                mask |= categories[i].bit;
                found = true;
            }
        }
        if (n == 4 && strncmp(p, "help", 4) == 0) {
            for (size_t i = 0; i < sizeof(categories) / sizeof(categories[0]); i++)
                printf("%-8s %s\n", categories[i].name, categories[i].help);
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

bool trace_open(const char *path)
{
    trace_out = path ? fopen(path, "w") : stderr;
    return trace_out != NULL;
}

void trace_close(void)
{
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

/* The common line prefix: instruction count, CPU, level, SCB. */
static void prefix(struct cpu *cpu, const char *cat)
{
    fprintf(trace_stream(), "%10llu c%u L1 -        %-6s ", (unsigned long long)cpu->icount,
            cpu->cpu_addr, cat);
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

/* Format address, bytes, table mnemonic and capstone text of @in. */
static void insn_line(const struct insn *in, uint64_t ia)
{
    char text[256];
    char hex[13];
    const char *mn = in->id < INSN_COUNT ? insn_info[in->id].name : "(unlisted)";

    for (unsigned i = 0; i < in->len; i++)
        sprintf(hex + 2 * i, "%02x", in->bytes[i]);
    disas(in, ia, text, sizeof(text));
    fprintf(trace_stream(), "%016llx %-12s %-8s %s\n", (unsigned long long)ia, hex, mn, text);
}

void trace_in_asm_cold(struct cpu *cpu, const struct insn *in, uint64_t ia)
{
    prefix(cpu, "in_asm");
    insn_line(in, ia);
}

void trace_exec_cold(struct cpu *cpu, const struct insn *in, uint64_t ia)
{
    prefix(cpu, "exec");
    insn_line(in, ia);
}

void trace_exec_changes(struct cpu *cpu, const uint64_t before[16], uint8_t cc)
{
    bool any = false;

    for (unsigned r = 0; r < 16; r++) {
        if (cpu->gr[r] == before[r])
            continue;
        if (!any)
            prefix(cpu, "exec");
        fprintf(trace_stream(), "%sr%u=%016llx", any ? " " : "  ", r,
                (unsigned long long)cpu->gr[r]);
        any = true;
    }
    if (cpu->cc != cc) {
        if (!any)
            prefix(cpu, "exec");
        fprintf(trace_stream(), "%scc=%u", any ? " " : "  ", cpu->cc);
        any = true;
    }
    if (any)
        fputc('\n', trace_stream());
}

void trace_pgm_cold(struct cpu *cpu, unsigned code, uint64_t addr)
{
    prefix(cpu, "int");
    fprintf(trace_stream(), "pgm code=%04x ilc=%u old=%016llx:%016llx\n", code, cpu->ilen / 2,
            (unsigned long long)cpu_psw_mask(cpu), (unsigned long long)addr);
}

void trace_svc_cold(struct cpu *cpu, unsigned code)
{
    prefix(cpu, "int");
    fprintf(trace_stream(), "svc code=%02x old=%016llx:%016llx\n", code,
            (unsigned long long)cpu_psw_mask(cpu), (unsigned long long)cpu->next_ia);
}

void trace_ext_cold(struct cpu *cpu, unsigned code, uint32_t param)
{
    prefix(cpu, "int");
    fprintf(trace_stream(), "ext code=%04x param=%08x old=%016llx:%016llx\n", code, param,
            (unsigned long long)cpu_psw_mask(cpu), (unsigned long long)cpu->psw.addr);
}

void trace_unimp_cold(struct cpu *cpu, const struct insn *in)
{
    prefix(cpu, "unimp");
    insn_line(in, cpu->ia);
}
