/* --profile: PSW-address samples per level, named by symbols at exit. */
#include "hw/profile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "cpu/cpu.h"
#include "cpu/trace.h"
#include "util/die.h"

#define DEFAULT_PERIOD  1009u            /* prime: no lock-step with guest loops */
#define TOP_N           40u
#define MAP_SPAN_MAX    (UINT64_C(1) << 20)   /* a System.map symbol covers at most 1 MiB */
#define BUCKET_SHIFT    8                /* unnamed addresses are grouped by 256 bytes */

/* Samples are kept apart by the PSW's state: kernel symbols name supervisor
 * addresses only; problem state is user space; DAT off with no symbol is
 * mostly the kernel's decompressor. */
enum mode { MODE_SUPER, MODE_DAT_OFF, MODE_PROBLEM, MODE_COUNT };
static const char *const unnamed[MODE_COUNT] = { "(no symbol)", "(no symbol, DAT off)",
                                                 "(problem state)" };

/* Samples of one level: an open-addressing table address -> instructions. */
struct samples {
    uint64_t *addr;         /* address + 1; 0 = free slot */
    uint64_t *count;
    size_t size, used;
    uint64_t total;
};

struct symbol {
    uint64_t addr, end;
    char *name;
};

static struct samples levels[2][MODE_COUNT];
static uint64_t level_total[2];
static char *out_path;
static FILE *out_table, *out_folded;
static char *sym_path[2];
static uint64_t period = DEFAULT_PERIOD;

/* Slot of @addr in @s (free or holding it). */
static size_t slot(const struct samples *s, uint64_t addr)
{
    size_t i = (size_t)((addr * UINT64_C(0x9e3779b97f4a7c15)) >> 20) & (s->size - 1);

    while (s->addr[i] && s->addr[i] != addr + 1)
        i = (i + 1) & (s->size - 1);
    return i;
}

/* Make @s twice as large (or its first size). */
static void grow(struct samples *s)
{
    struct samples old = *s;

    s->size = old.size ? old.size * 2 : 4096;
    s->addr = g_new0(uint64_t, s->size);
    s->count = g_new0(uint64_t, s->size);
    for (size_t i = 0; i < old.size; i++) {
        if (old.addr[i]) {
            size_t j = slot(s, old.addr[i] - 1);

            s->addr[j] = old.addr[i];
            s->count[j] = old.count[i];
        }
    }
    g_free(old.addr);
    g_free(old.count);
}

/* The sampler: @n instructions of @cpu at @level end at the current PSW. */
static void sample(struct cpu *cpu, unsigned level, uint64_t n)
{
    enum mode mode = (cpu->psw.mask & PSW_MASK_PSTATE) ? MODE_PROBLEM :
                     (cpu->psw.mask & PSW_MASK_DAT) ? MODE_SUPER : MODE_DAT_OFF;
    struct samples *s = &levels[level == 2][mode];
    size_t i;

    if (2 * (s->used + 1) > s->size)
        grow(s);
    i = slot(s, cpu->psw.addr);
    if (!s->addr[i]) {
        s->addr[i] = cpu->psw.addr + 1;
        s->used++;
    }
    s->count[i] += n;
    s->total += n;
    level_total[level == 2] += n;
}

void profile_setup(const char *path, char **symbols, const char *period_arg)
{
    char *folded;

    for (int i = 0; symbols && symbols[i]; i++) {
        const char *spec = symbols[i], *file = spec;
        int lv = 0;

        if (strncmp(spec, "L1=", 3) == 0 || strncmp(spec, "L2=", 3) == 0) {
            lv = spec[1] - '1';
            file = spec + 3;
        } else if (strncmp(spec, "1=", 2) == 0 || strncmp(spec, "2=", 2) == 0) {
            lv = spec[0] - '1';
            file = spec + 2;
        }
        if (!*file)
            die("--symbols %s: needs a file", spec);
        if (!g_file_test(file, G_FILE_TEST_IS_REGULAR))
            die("--symbols %s: no such file", file);
        if (sym_path[lv])
            die("--symbols %s: L%d has symbols already", spec, lv + 1);
        sym_path[lv] = g_strdup(file);
    }
    if (period_arg) {
        char *end;
        unsigned long long v = strtoull(period_arg, &end, 10);

        if (end == period_arg || *end || v == 0 || v > 100000000)
            die("--profile-period %s: 1 to 100000000 instructions", period_arg);
        period = v;
    }
    out_path = g_strdup(path);
    folded = g_strconcat(path, ".folded", NULL);
    out_table = fopen(path, "w");
    if (!out_table)
        die("--profile %s: %s", path, strerror(errno));
    out_folded = fopen(folded, "w");
    if (!out_folded)
        die("--profile %s: %s", folded, strerror(errno));
    g_free(folded);
    trace_set_sampler(period, sample);
}

/* Order symbols by address. */
static int sym_cmp(const void *a, const void *b)
{
    const struct symbol *x = a, *y = b;

    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Read a big- or little-endian field of @n bytes at @p. */
static uint64_t ld(const uint8_t *p, unsigned n, bool be)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < n; i++)
        v |= (uint64_t)p[be ? i : n - 1 - i] << (8 * (n - 1 - i));
    return v;
}

/* Add the function and untyped symbols of the ELF64 image @d (@len bytes) to
 * @syms. Returns false if it is not a well-formed ELF64 file. */
static bool elf_symbols(const uint8_t *d, size_t len, GArray *syms)
{
    bool be;
    uint64_t shoff;
    unsigned shentsize, shnum;

    if (len < 64 || memcmp(d, "\177ELF", 4) != 0 || d[4] != 2)
        return false;
    be = d[5] == 2;
    shoff = ld(d + 0x28, 8, be);
    shentsize = (unsigned)ld(d + 0x3a, 2, be);
    shnum = (unsigned)ld(d + 0x3c, 2, be);
    if (shentsize < 64 || shoff > len || (uint64_t)shnum * shentsize > len - shoff)
        return false;
    for (unsigned i = 0; i < shnum; i++) {
        const uint8_t *sh = d + shoff + (uint64_t)i * shentsize;
        uint64_t off = ld(sh + 0x18, 8, be), size = ld(sh + 0x20, 8, be);
        unsigned link = (unsigned)ld(sh + 0x28, 4, be);
        const uint8_t *strsh;
        uint64_t stroff, strsize;

        if (ld(sh + 4, 4, be) != 2 || link >= shnum || off > len || size > len - off)
            continue;                       /* SHT_SYMTAB only */
        strsh = d + shoff + (uint64_t)link * shentsize;
        stroff = ld(strsh + 0x18, 8, be);
        strsize = ld(strsh + 0x20, 8, be);
        if (stroff > len || strsize > len - stroff)
            continue;
        for (uint64_t e = off; e + 24 <= off + size; e += 24) {
            uint64_t name = ld(d + e, 4, be);
            unsigned type = d[e + 4] & 0xf;
            struct symbol s;

            if ((type != 2 && type != 0) || ld(d + e + 6, 2, be) == 0 || name >= strsize)
                continue;                   /* STT_FUNC or STT_NOTYPE, defined */
            s.name = g_strndup((const char *)d + stroff + name, strsize - name);
            if (!s.name[0] || s.name[0] == '.' || s.name[0] == '$') {
                g_free(s.name);
                continue;
            }
            s.addr = ld(d + e + 8, 8, be);
            s.end = ld(d + e + 16, 8, be) ? s.addr + ld(d + e + 16, 8, be) : 0;
            g_array_append_val(syms, s);
        }
    }
    return true;
}

/* Add the text symbols of a System.map or /proc/kallsyms listing to @syms
 * ("ADDR TYPE NAME [module]"); the text ends at the first NUL (a disk image). */
static void map_symbols(const char *text, size_t len, GArray *syms)
{
    const char *p = text, *end = text + strnlen(text, len);

    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        char *lineb = g_strndup(p, nl ? (size_t)(nl - p) : (size_t)(end - p));
        char type, name[256];
        unsigned long long a;

        if (sscanf(lineb, "%llx %c %255s", &a, &type, name) == 3 &&
            (type == 't' || type == 'T' || type == 'w' || type == 'W')) {
            struct symbol s = { .addr = a, .end = 0, .name = g_strdup(name) };

            g_array_append_val(syms, s);
        }
        g_free(lineb);
        p = nl ? nl + 1 : end;
    }
}

/* Load the symbols of level @lv, sorted, ends filled in. NULL if none. */
static GArray *load_symbols(int lv)
{
    GArray *syms;
    gchar *data;
    gsize len;
    GError *err = NULL;

    if (!sym_path[lv])
        return NULL;
    if (!g_file_get_contents(sym_path[lv], &data, &len, &err)) {
        fprintf(stderr, "sieve: --symbols %s: %s\n", sym_path[lv], err->message);
        g_error_free(err);
        return NULL;
    }
    syms = g_array_new(FALSE, FALSE, sizeof(struct symbol));
    if (!elf_symbols((const uint8_t *)data, len, syms))
        map_symbols(data, len, syms);
    g_free(data);
    g_array_sort(syms, sym_cmp);
    for (guint i = 0; i < syms->len; i++) {
        struct symbol *s = &g_array_index(syms, struct symbol, i);
        uint64_t next = s->addr + MAP_SPAN_MAX;

        for (guint j = i + 1; j < syms->len; j++) {
            if (g_array_index(syms, struct symbol, j).addr > s->addr) {
                next = g_array_index(syms, struct symbol, j).addr;
                break;
            }
        }
        if (!s->end || s->end > next)
            s->end = next < s->addr + MAP_SPAN_MAX ? next : s->addr + MAP_SPAN_MAX;
    }
    return syms;
}

/* The symbol holding @addr in @syms, or NULL. */
static const struct symbol *lookup(GArray *syms, uint64_t addr)
{
    guint lo = 0, hi = syms->len;

    while (lo < hi) {                       /* first symbol above addr */
        guint mid = (lo + hi) / 2;

        if (g_array_index(syms, struct symbol, mid).addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    while (lo > 0) {
        const struct symbol *s = &g_array_index(syms, struct symbol, lo - 1);

        if (addr < s->end)
            return s;
        if (s->addr != addr)               /* aliases share an address: try them */
            return NULL;
        lo--;
    }
    return NULL;
}

struct entry {
    char *name;             /* "L1;function" */
    uint64_t count;
};

/* Order entries by count, largest first, then by name. */
static int entry_cmp(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;

    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Add the samples of level @lv in @mode, named by @syms (or NULL), to
 * @by_name ("Ln;function" -> count). */
static void name_mode(int lv, enum mode mode, GArray *syms, GHashTable *by_name)
{
    const struct samples *s = &levels[lv][mode];

    for (size_t i = 0; i < s->size; i++) {
        uint64_t addr, *c;
        const struct symbol *sym;
        char *key;

        if (!s->addr[i])
            continue;
        addr = s->addr[i] - 1;
        sym = syms && mode != MODE_PROBLEM ? lookup(syms, addr) : NULL;
        if (sym)
            key = g_strdup_printf("L%d;%s", lv + 1, sym->name);
        else if (syms || mode == MODE_PROBLEM)
            key = g_strdup_printf("L%d;%s", lv + 1, unnamed[mode]);
        else
            key = g_strdup_printf("L%d;%016llx", lv + 1,
                                  (unsigned long long)(addr >> BUCKET_SHIFT << BUCKET_SHIFT));
        c = g_hash_table_lookup(by_name, key);
        if (!c) {
            c = g_new0(uint64_t, 1);
            g_hash_table_insert(by_name, key, c);
        } else {
            g_free(key);
        }
        *c += s->count[i];
    }
}

/* Add every sample of level @lv, named, to @by_name. */
static void name_samples(int lv, GHashTable *by_name)
{
    GArray *syms = load_symbols(lv);

    for (enum mode mode = 0; mode < MODE_COUNT; mode++)
        name_mode(lv, mode, syms, by_name);
    for (guint i = 0; syms && i < syms->len; i++)
        g_free(g_array_index(syms, struct symbol, i).name);
    if (syms)
        g_array_free(syms, TRUE);
}

void profile_write(void)
{
    GHashTable *by_name = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    GHashTableIter it;
    gpointer k, v;
    GArray *all = g_array_new(FALSE, FALSE, sizeof(struct entry));
    uint64_t total = level_total[0] + level_total[1];

    for (int lv = 0; lv < 2; lv++)
        name_samples(lv, by_name);
    g_hash_table_iter_init(&it, by_name);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        struct entry e = { k, *(uint64_t *)v };

        g_array_append_val(all, e);
    }
    g_array_sort(all, entry_cmp);
    fprintf(out_table, "# sieve profile: %llu instructions sampled every %llu: L1 %llu, L2 %llu\n",
            (unsigned long long)total, (unsigned long long)period,
            (unsigned long long)level_total[0], (unsigned long long)level_total[1]);
    fprintf(out_table, "# %-5s %8s %14s  %s\n", "level", "share", "instructions", "function");
    for (guint i = 0; i < all->len && i < TOP_N; i++) {
        const struct entry *e = &g_array_index(all, struct entry, i);

        fprintf(out_table, "  %-5.2s %7.2f%% %14llu  %s\n", e->name,
                total ? 100.0 * (double)e->count / (double)total : 0.0,
                (unsigned long long)e->count, e->name + 3);
    }
    for (guint i = 0; i < all->len; i++) {
        const struct entry *e = &g_array_index(all, struct entry, i);

        char *frame = g_strdelimit(g_strdup(e->name), " ", '_');   /* one word per frame */

        fprintf(out_folded, "%s %llu\n", frame, (unsigned long long)e->count);
        g_free(frame);
    }
    fclose(out_table);
    fclose(out_folded);
    g_array_free(all, TRUE);
    g_hash_table_destroy(by_name);
    g_free(out_path);
}
