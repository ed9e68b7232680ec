/* sieve's command line, in qemu-system-s390x's spelling, and start-up. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include "cpu/cpu.h"
#include "cpu/model.h"
#include "cpu/tod.h"
#include "cpu/trace.h"
#include "hw/css.h"
#include "hw/machine.h"
#include "hw/virtio-ccw.h"
#include "util/die.h"

#ifndef SIEVE_VERSION
#define SIEVE_VERSION "0"
#endif

static char *opt_kernel, *opt_initrd, *opt_append, *opt_mem, *opt_smp, *opt_cpu;
static char *opt_machine, *opt_debug, *opt_logfile, *opt_serial, *opt_monitor, *opt_display;
static char **opt_chardev, **opt_device, **opt_drive;
static gboolean opt_nographic, opt_nodefaults, opt_noreboot, opt_version, opt_list_insns;
static gboolean opt_deterministic;

static const GOptionEntry entries[] = {
    { "kernel", 0, 0, G_OPTION_ARG_FILENAME, &opt_kernel, "Kernel: ELF, or image loaded at 0",
      "FILE" },
    { "initrd", 0, 0, G_OPTION_ARG_FILENAME, &opt_initrd, "Initial ramdisk for a Linux kernel",
      "FILE" },
    { "append", 0, 0, G_OPTION_ARG_STRING, &opt_append, "Kernel command line", "STR" },
    { "m", 'm', 0, G_OPTION_ARG_STRING, &opt_mem, "Guest storage size (default 128M)", "SIZE" },
    { "smp", 0, 0, G_OPTION_ARG_STRING, &opt_smp, "Number of CPUs (1-64)", "N" },
    { "cpu", 0, 0, G_OPTION_ARG_STRING, &opt_cpu, "CPU model (-cpu help lists them)", "MODEL" },
    { "machine", 'M', 0, G_OPTION_ARG_STRING, &opt_machine,
      "Machine: s390-ccw-virtio[,accel=tcg]", "TYPE" },
    { "nographic", 0, 0, G_OPTION_ARG_NONE, &opt_nographic, "Console on stdio (the default)",
      NULL },
    { "display", 0, 0, G_OPTION_ARG_STRING, &opt_display, "Only 'none' is accepted", "none" },
    { "nodefaults", 0, 0, G_OPTION_ARG_NONE, &opt_nodefaults, "Create no default console", NULL },
    { "chardev", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_chardev, "Character device: stdio,id=ID",
      "SPEC" },
    { "device", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_device,
      "Device: sclpconsole,chardev=ID or sclplmconsole,chardev=ID", "SPEC" },
    { "drive", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_drive,
      "Disk image: file=IMG,format=raw,if=virtio|none[,readonly=on][,id=ID]", "SPEC" },
    { "serial", 0, 0, G_OPTION_ARG_STRING, &opt_serial, "none, stdio or mon:stdio", "DEV" },
    { "monitor", 0, 0, G_OPTION_ARG_STRING, &opt_monitor, "Only 'none' is accepted", "DEV" },
    { "no-reboot", 0, 0, G_OPTION_ARG_NONE, &opt_noreboot, "Exit instead of rebooting", NULL },
    { "d", 'd', 0, G_OPTION_ARG_STRING, &opt_debug, "Trace categories (-d help lists them)",
      "LIST" },
    { "D", 'D', 0, G_OPTION_ARG_FILENAME, &opt_logfile, "Write traces to FILE", "FILE" },
    { "deterministic", 0, 0, G_OPTION_ARG_NONE, &opt_deterministic,
      "Derive time from the instruction count: every run replays the same", NULL },
    { "list-insns", 0, 0, G_OPTION_ARG_NONE, &opt_list_insns,
      "Print the instruction coverage report and exit", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version, "Print the version and exit", NULL },
    { NULL },
};

void coverage_report(FILE *out);

/* qemu spells long options with one dash: turn "-kernel" into "--kernel"
 * (single-letter options stay short) before GOption sees them. */
static void qemu_spelling(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];

        if (a[0] != '-' || a[1] == '-' || a[1] == 0 || a[2] == 0)
            continue;
        for (const GOptionEntry *e = entries; e->long_name; e++) {
            size_t n = strlen(e->long_name);

            if (strncmp(a + 1, e->long_name, n) == 0 && (a[n + 1] == 0 || a[n + 1] == '=')) {
                argv[i] = g_strconcat("-", a, NULL);
                if (e->arg != G_OPTION_ARG_NONE && a[n + 1] == 0)
                    i++;                         /* skip the value */
                break;
            }
        }
    }
}

/* Parse "128", "128M", "1G", "512k" as MiB. Returns 0 if malformed. */
static uint64_t parse_size_mb(const char *s)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);

    if (end == s)
        return 0;
    switch (*end) {
    case 0: case 'M': case 'm':
        break;
    case 'G': case 'g':
        v *= 1024;
        break;
    case 'T': case 't':
        v *= 1024 * 1024;
        break;
    default:
        return 0;
    }
    if (*end && end[1] && !(end[1] == 'B' && !end[2]))
        return 0;
    return v;
}

/* Split "name,key=val,key=val" and return the value of @key (or NULL). */
static const char *spec_get(char **parts, const char *key)
{
    size_t n = strlen(key);

    for (int i = 1; parts[i]; i++)
        if (strncmp(parts[i], key, n) == 0 && parts[i][n] == '=')
            return parts[i] + n + 1;
    return NULL;
}

/* Reject any key in @parts[1..] not in the NULL-terminated @known list. */
static void spec_check(const char *what, char **parts, const char *const *known)
{
    for (int i = 1; parts[i]; i++) {
        bool ok = false;

        for (int k = 0; known[k]; k++)
            ok |= strncmp(parts[i], known[k], strlen(known[k])) == 0 &&
                  parts[i][strlen(known[k])] == '=';
        if (!ok)
            die("%s: unsupported property '%s'", what, parts[i]);
    }
}

/* A -drive, and the device number of the virtio-blk-ccw device using it. */
struct drive {
    char *file;
    char *id;
    bool readonly;
    bool used;
    int devno;          /* -1: the next free one */
};

static GPtrArray *drives;      /* every -drive, in command-line order */
static GPtrArray *disks;       /* the drives of virtio-blk-ccw devices, in order */

/* Parse -drive @spec. if=virtio makes the device at once, as qemu does. */
static void parse_drive(const char *spec)
{
    static const char *const keys[] = { "file", "format", "if", "readonly", "id", NULL };
    char **p = g_strsplit(spec, ",", -1);
    struct drive *d = g_new0(struct drive, 1);
    const char *fmt, *ifc, *ro;
    char **all = g_new0(char *, g_strv_length(p) + 2);

    /* spec_get and spec_check skip the first element: every part is a key here. */
    all[0] = (char *)"";
    for (unsigned i = 0; p[i]; i++)
        all[i + 1] = p[i];
    spec_check("-drive", all, keys);
    d->file = g_strdup(spec_get(all, "file"));
    d->id = g_strdup(spec_get(all, "id"));
    fmt = spec_get(all, "format");
    ifc = spec_get(all, "if");
    ro = spec_get(all, "readonly");
    d->devno = -1;
    if (!d->file || !*d->file)
        die("-drive %s: needs file=", spec);
    if (fmt && strcmp(fmt, "raw") != 0)
        die("-drive %s: only format=raw is supported", spec);
    if (ro && strcmp(ro, "on") != 0 && strcmp(ro, "off") != 0)
        die("-drive %s: readonly= takes on or off", spec);
    d->readonly = ro && strcmp(ro, "on") == 0;
    if (!ifc || strcmp(ifc, "virtio") == 0) {
        d->used = true;
        g_ptr_array_add(disks, d);
    } else if (strcmp(ifc, "none") == 0) {
        if (!d->id)
            die("-drive %s: if=none needs id=", spec);
    } else {
        die("-drive %s: only if=virtio and if=none are supported", spec);
    }
    g_ptr_array_add(drives, d);
    g_free(all);
    g_strfreev(p);
}

/* -device virtio-blk-ccw,drive=ID[,devno=fe.0.NNNN][,id=X]. */
static void parse_virtio_blk(char **p, const char *spec)
{
    static const char *const keys[] = { "drive", "devno", "id", NULL };
    const char *drive = spec_get(p, "drive"), *devno = spec_get(p, "devno");
    struct drive *d = NULL;

    spec_check("-device virtio-blk-ccw", p, keys);
    for (guint k = 0; drive && k < drives->len; k++) {
        struct drive *c = g_ptr_array_index(drives, k);

        if (c->id && strcmp(c->id, drive) == 0)
            d = c;
    }
    if (!d)
        die("-device %s: drive '%s' is not defined", spec, drive ? drive : "");
    if (d->used)
        die("-device %s: drive '%s' is in use already", spec, drive);
    d->used = true;
    if (devno) {
        char *end;
        unsigned long n;

        if (strncmp(devno, "fe.0.", 5) != 0)
            die("-device %s: devno must be fe.0.NNNN (channel subsystem fe, set 0)", spec);
        n = strtoul(devno + 5, &end, 16);
        if (*end || end == devno + 5 || strlen(devno + 5) != 4 || n > 0xffff)
            die("-device %s: devno must be fe.0.NNNN with four hex digits", spec);
        d->devno = (int)n;
    }
    g_ptr_array_add(disks, d);
}

/* Make the virtio-blk-ccw devices, in command-line order. */
static void attach_disks(struct machine *m)
{
    css_init(m);
    for (guint k = 0; k < disks->len; k++) {
        struct drive *d = g_ptr_array_index(disks, k);

        virtio_ccw_attach(virtio_blk_create(d->file, d->readonly), d->devno);
    }
}

/* Apply -machine, -chardev, -device, -serial, -monitor to @m. */
static void configure_devices(struct machine *m)
{
    static const char *const machine_keys[] = { "accel", NULL };
    static const char *const chardev_keys[] = { "id", "signal", NULL };
    static const char *const device_keys[] = { "chardev", "id", NULL };
    GPtrArray *stdio_ids = g_ptr_array_new_with_free_func(g_free);
    bool serial_default = !opt_nodefaults;

    if (opt_machine) {
        char **p = g_strsplit(opt_machine, ",", -1);
        const char *accel = spec_get(p, "accel");

        if (strcmp(p[0], "s390-ccw-virtio") != 0 && strncmp(p[0], "type=", 5) != 0)
            die("-machine %s: only s390-ccw-virtio is emulated", p[0]);
        spec_check("-machine", p, machine_keys);
        if (accel && strcmp(accel, "tcg") != 0)
            die("-machine accel=%s: sieve is its own accelerator; only accel=tcg is accepted", accel);
        g_strfreev(p);
    }
    for (int i = 0; opt_chardev && opt_chardev[i]; i++) {
        char **p = g_strsplit(opt_chardev[i], ",", -1);
        const char *id = spec_get(p, "id");

        if (strcmp(p[0], "stdio") != 0)
            die("-chardev %s: only the stdio backend is supported", p[0]);
        spec_check("-chardev", p, chardev_keys);
        if (!id)
            die("-chardev %s: needs id=", opt_chardev[i]);
        g_ptr_array_add(stdio_ids, g_strdup(id));
        g_strfreev(p);
    }
    drives = g_ptr_array_new();
    disks = g_ptr_array_new();
    for (int i = 0; opt_drive && opt_drive[i]; i++)
        parse_drive(opt_drive[i]);
    for (int i = 0; opt_device && opt_device[i]; i++) {
        char **p = g_strsplit(opt_device[i], ",", -1);
        const char *cd = spec_get(p, "chardev");
        bool found = false;

        if (strcmp(p[0], "virtio-blk-ccw") == 0) {
            parse_virtio_blk(p, opt_device[i]);
            g_strfreev(p);
            continue;
        }
        spec_check("-device", p, device_keys);
        if (strcmp(p[0], "sclpconsole") != 0 && strcmp(p[0], "sclplmconsole") != 0)
            die("-device %s: not emulated (yet)", p[0]);
        for (guint k = 0; cd && k < stdio_ids->len; k++)
            found |= strcmp(cd, g_ptr_array_index(stdio_ids, k)) == 0;
        if (!found)
            die("-device %s: chardev '%s' is not defined", p[0], cd ? cd : "");
        if (strcmp(p[0], "sclpconsole") == 0)
            m->sclp.vt220 = true;
        else
            m->sclp.linemode = true;
        g_strfreev(p);
    }
    if (opt_serial) {
        if (strcmp(opt_serial, "none") == 0)
            serial_default = false;
        else if (strcmp(opt_serial, "stdio") == 0 || strcmp(opt_serial, "mon:stdio") == 0)
            serial_default = true;
        else
            die("-serial %s: only none, stdio and mon:stdio are supported", opt_serial);
    }
    if (opt_monitor && strcmp(opt_monitor, "none") != 0)
        die("-monitor %s: the monitor is not available; use -monitor none", opt_monitor);
    if (opt_display && strcmp(opt_display, "none") != 0)
        die("-display %s: sieve has no display; use -display none or -nographic", opt_display);
    if (serial_default)
        m->sclp.vt220 = true;     /* qemu's default: the first serial is the VT220 console */
    g_ptr_array_free(stdio_ids, TRUE);
}

int main(int argc, char **argv)
{
    GOptionContext *ctx = g_option_context_new("- s390x system emulator with SIE");
    GError *err = NULL;
    static struct machine m;
    const struct cpu_model *model;
    struct boot_info bi;
    uint64_t mem_mb = 128;
    long ncpus = 1;
    int status;

    qemu_spelling(argc, argv);
    g_option_context_add_main_entries(ctx, entries, NULL);
    if (!g_option_context_parse(ctx, &argc, &argv, &err))
        die("%s (see --help)", err->message);
    g_option_context_free(ctx);
    if (argc > 1)
        die("unexpected argument '%s' (see --help)", argv[1]);
    if (opt_version) {
        printf("sieve version %s\n", SIEVE_VERSION);
        return 0;
    }
    if (opt_list_insns) {
        coverage_report(stdout);
        return 0;
    }
    if (opt_cpu && strcmp(opt_cpu, "help") == 0) {
        model_list();
        return 0;
    }
    model = model_find(opt_cpu ? opt_cpu : MODEL_DEFAULT);
    if (!model)
        die("-cpu %s: unknown CPU model (-cpu help lists them)", opt_cpu);
    if (opt_mem && !(mem_mb = parse_size_mb(opt_mem)))
        die("-m %s: not a storage size", opt_mem);
    if (mem_mb > 1024 * 1024)
        die("-m %s: more than 1 TiB of guest storage", opt_mem);
    if (opt_smp) {
        char *end;

        ncpus = strtol(opt_smp, &end, 10);
        if (*end == ',' && strncmp(end, ",cpus=", 6) != 0)
            end = end + strlen(end);
        if (end == opt_smp || ncpus < 1 || ncpus > 64)
            die("-smp %s: the number of CPUs must be 1 to 64", opt_smp);
    }
    if (opt_debug) {
        const char *bad;

        m.trace = trace_parse(opt_debug, &bad);
        if (bad && strcmp(bad, "help") == 0)
            return 0;
        if (bad)
            die("-d: unknown category '%s' (-d help lists them)", bad);
    }
    if (!trace_open(opt_logfile))
        die("-D %s: cannot open for writing", opt_logfile);
    if (!opt_kernel)
        die("no -kernel given: sieve boots a kernel image directly (see --help)");
    configure_devices(&m);
    machine_init(&m, mem_mb, (unsigned)ncpus, model);
    attach_disks(&m);
    if (opt_deterministic)
        tod_set_deterministic(m.cpus, m.ncpus);
    loader_load(&m, opt_kernel, opt_initrd, opt_append, &bi);
    m.cpus[0].state = CPU_OPERATING;
    cpu_load_psw(&m.cpus[0], PSW_MASK_EA | PSW_MASK_BA, bi.entry);
    m.sclp.input_fd = -1;
    if (m.sclp.vt220)
        sclp_console_input(&m, STDIN_FILENO);
    status = machine_run(&m);
    virtio_blk_close_all();
    trace_close();
    return status;
}
