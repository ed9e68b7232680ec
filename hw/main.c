/* sieve's command line, in qemu-system-s390x's spelling, and start-up. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <glib.h>
#include "cpu/cpu.h"
#include "cpu/model.h"
#include "cpu/tod.h"
#include "cpu/trace.h"
#include "hw/css.h"
#include "hw/gdbstub.h"
#include "hw/machine.h"
#include "hw/monitor.h"
#include "hw/net-slirp.h"
#include "hw/profile.h"
#include "hw/virtio-ccw.h"
#include "util/die.h"

#ifndef SIEVE_VERSION
#define SIEVE_VERSION "0"
#endif

static char *opt_kernel, *opt_initrd, *opt_append, *opt_mem, *opt_smp, *opt_cpu;
static char *opt_machine, *opt_debug, *opt_logfile, *opt_serial, *opt_monitor, *opt_display;
static char **opt_chardev, **opt_device, **opt_drive, **opt_netdev;
static gboolean opt_nographic, opt_nodefaults, opt_noreboot, opt_version, opt_list_insns;
static gboolean opt_deterministic;
static gboolean opt_no_jit;
static gboolean opt_jit_eager;
static gint opt_tb_size = 16;
static char *opt_gdb;
static gboolean opt_gdb_default, opt_freeze;
static char *opt_dfilter, *opt_trace_level, *opt_trace_cpu, *opt_trace_after, *opt_trace_count;
static char *opt_trace_ring, *opt_profile, *opt_profile_period;
static char **opt_symbols;

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
    { "chardev", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_chardev,
      "Character device: stdio,id=ID or file,id=ID,path=OUT[,input-path=IN]", "SPEC" },
    { "device", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_device,
      "Device: sclpconsole|sclplmconsole,chardev=ID; virtio-blk-ccw,drive=ID; "
      "virtio-net-ccw,netdev=ID[,mac=M]; virtio-serial-ccw; virtconsole,chardev=ID; "
      "virtio-rng-ccw (the virtio ones take devno=fe.0.NNNN)", "SPEC" },
    { "netdev", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_netdev,
      "User-mode network: user,id=ID[,net=ADDR/PREFIX][,hostfwd=tcp|udp:[HOSTADDR]:PORT-"
      "[GUESTADDR]:PORT]... (an empty host address is 127.0.0.1)", "SPEC" },
    { "drive", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_drive,
      "Disk image: file=IMG,format=raw,if=virtio|none[,readonly=on][,id=ID]", "SPEC" },
    { "serial", 0, 0, G_OPTION_ARG_STRING, &opt_serial, "none, stdio or mon:stdio", "DEV" },
    { "monitor", 0, 0, G_OPTION_ARG_STRING, &opt_monitor,
      "Monitor: none, stdio, or unix:PATH,server,nowait (docs/debugging.md)", "DEV" },
    { "no-reboot", 0, 0, G_OPTION_ARG_NONE, &opt_noreboot, "Exit instead of rebooting", NULL },
    { "d", 'd', 0, G_OPTION_ARG_STRING, &opt_debug, "Trace categories (-d help lists them)",
      "LIST" },
    { "D", 'D', 0, G_OPTION_ARG_FILENAME, &opt_logfile, "Write traces to FILE", "FILE" },
    { "dfilter", 0, 0, G_OPTION_ARG_STRING, &opt_dfilter,
      "Trace only instructions in these ranges: A..B, A+LEN, A-LEN, comma-separated", "RANGES" },
    { "trace-level", 0, 0, G_OPTION_ARG_STRING, &opt_trace_level,
      "Trace L1 (outside SIE), L2 (in SIE) or all (the default)", "L1|L2|all" },
    { "trace-cpu", 0, 0, G_OPTION_ARG_STRING, &opt_trace_cpu, "Trace CPU N only", "N" },
    { "trace-after", 0, 0, G_OPTION_ARG_STRING, &opt_trace_after,
      "Start tracing at instruction count N (of each CPU)", "N" },
    { "trace-count", 0, 0, G_OPTION_ARG_STRING, &opt_trace_count,
      "Trace N instructions' worth of events, then stop", "N" },
    { "trace-ring", 0, 0, G_OPTION_ARG_STRING, &opt_trace_ring,
      "Keep the last N trace lines in memory; write them when the guest crashes", "N" },
    { "profile", 0, 0, G_OPTION_ARG_FILENAME, &opt_profile,
      "Sample where the guest runs; write a table to FILE, folded stacks to FILE.folded",
      "FILE" },
    { "profile-period", 0, 0, G_OPTION_ARG_STRING, &opt_profile_period,
      "Take a profile sample every N instructions (default 1009)", "N" },
    { "symbols", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_symbols,
      "Symbols for --profile: an ELF file or a System.map, for L1 or L2 (default L1)",
      "[LEVEL=]FILE" },
    { "gdb", 0, 0, G_OPTION_ARG_STRING, &opt_gdb,
      "Listen for gdb on tcp::PORT, 127.0.0.1 only (docs/debugging.md)", "DEV" },
    { "s", 's', 0, G_OPTION_ARG_NONE, &opt_gdb_default, "Shorthand for -gdb tcp::1234", NULL },
    { "S", 'S', 0, G_OPTION_ARG_NONE, &opt_freeze,
      "Do not start the CPU until gdb says continue", NULL },
    { "deterministic", 0, 0, G_OPTION_ARG_NONE, &opt_deterministic,
      "Derive time from the instruction count: every run replays the same", NULL },
    { "no-jit", 0, 0, G_OPTION_ARG_NONE, &opt_no_jit,
      "Interpret every instruction: compile no block to host code", NULL },
    { "tb-size", 0, 0, G_OPTION_ARG_INT, &opt_tb_size,
      "Code buffer of the block compiler per CPU, in MiB (1-1024, default 16)", "MIB" },
    { "jit-eager", 0, 0, G_OPTION_ARG_NONE, &opt_jit_eager,
      "Compile every block when first entered, not once hot (tests the compiler)", NULL },
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

/* A -drive. */
struct drive {
    char *file;
    char *id;
    bool readonly;
    bool used;
};

/* A -chardev: stdio, or a file (written; input from input-path). */
struct chardev {
    char *id;
    char *path;         /* NULL: stdio */
    char *input_path;
    bool used;
};

/* A -netdev user. */
struct netdev {
    char *id;
    uint32_t net;       /* host order */
    unsigned prefix;
    GPtrArray *hostfwd; /* rules, as given */
    bool used;
    struct net_slirp *backend;
};

enum vdev_kind { VDEV_BLK, VDEV_NET, VDEV_SERIAL, VDEV_RNG };

/* A virtio-ccw device to make, and its device number (-1: the next free one). */
struct vdevice {
    enum vdev_kind kind;
    int devno;
    struct drive *drive;        /* VDEV_BLK */
    struct netdev *netdev;      /* VDEV_NET */
    uint8_t mac[6];
    struct chardev *port;       /* VDEV_SERIAL: the virtconsole's chardev, or NULL */
};

static GPtrArray *drives;      /* every -drive, in command-line order */
static GPtrArray *chardevs;    /* every -chardev */
static GPtrArray *netdevs;     /* every -netdev */
static GPtrArray *vdevs;       /* the virtio-ccw devices, in command-line order */

static struct vdevice *new_vdev(enum vdev_kind kind)
{
    struct vdevice *v = g_new0(struct vdevice, 1);

    v->kind = kind;
    v->devno = -1;
    g_ptr_array_add(vdevs, v);
    return v;
}

/* devno=fe.0.NNNN of -device @spec, or -1 if not given. */
static int parse_devno(char **p, const char *spec)
{
    const char *devno = spec_get(p, "devno");
    char *end;
    unsigned long n;

    if (!devno)
        return -1;
    if (strncmp(devno, "fe.0.", 5) != 0)
        die("-device %s: devno must be fe.0.NNNN (channel subsystem fe, set 0)", spec);
    n = strtoul(devno + 5, &end, 16);
    if (*end || end == devno + 5 || strlen(devno + 5) != 4 || n > 0xffff)
        die("-device %s: devno must be fe.0.NNNN with four hex digits", spec);
    return (int)n;
}

/* The -chardev with id @id for -device @spec, marked as used. */
static struct chardev *take_chardev(const char *id, const char *spec)
{
    for (guint k = 0; id && k < chardevs->len; k++) {
        struct chardev *c = g_ptr_array_index(chardevs, k);

        if (strcmp(c->id, id) != 0)
            continue;
        if (c->used)
            die("-device %s: chardev '%s' is in use already", spec, id);
        c->used = true;
        return c;
    }
    die("-device %s: chardev '%s' is not defined", spec, id ? id : "");
}

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
    if (!d->file || !*d->file)
        die("-drive %s: needs file=", spec);
    if (fmt && strcmp(fmt, "raw") != 0)
        die("-drive %s: only format=raw is supported", spec);
    if (ro && strcmp(ro, "on") != 0 && strcmp(ro, "off") != 0)
        die("-drive %s: readonly= takes on or off", spec);
    d->readonly = ro && strcmp(ro, "on") == 0;
    if (!ifc || strcmp(ifc, "virtio") == 0) {
        d->used = true;
        new_vdev(VDEV_BLK)->drive = d;
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
    const char *drive = spec_get(p, "drive");
    struct drive *d = NULL;
    struct vdevice *v;

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
    v = new_vdev(VDEV_BLK);
    v->drive = d;
    v->devno = parse_devno(p, spec);
}

/* Parse -chardev @spec: stdio,id=ID[,signal=on|off] or
 * file,id=ID,path=FILE[,input-path=FILE]. */
static void parse_chardev(const char *spec)
{
    static const char *const stdio_keys[] = { "id", "signal", NULL };
    static const char *const file_keys[] = { "id", "path", "input-path", NULL };
    char **p = g_strsplit(spec, ",", -1);
    struct chardev *c = g_new0(struct chardev, 1);
    const char *id = spec_get(p, "id");

    if (strcmp(p[0], "stdio") == 0) {
        spec_check("-chardev", p, stdio_keys);
        for (guint k = 0; k < chardevs->len; k++)
            if (!((struct chardev *)g_ptr_array_index(chardevs, k))->path)
                die("-chardev %s: stdio can back one chardev only", spec);
    } else if (strcmp(p[0], "file") == 0) {
        spec_check("-chardev", p, file_keys);
        c->path = g_strdup(spec_get(p, "path"));
        c->input_path = g_strdup(spec_get(p, "input-path"));
        if (!c->path || !*c->path)
            die("-chardev %s: needs path=", spec);
    } else {
        die("-chardev %s: only the stdio and file backends are supported", p[0]);
    }
    if (!id)
        die("-chardev %s: needs id=", spec);
    for (guint k = 0; k < chardevs->len; k++)
        if (strcmp(((struct chardev *)g_ptr_array_index(chardevs, k))->id, id) == 0)
            die("-chardev %s: duplicate id '%s'", spec, id);
    c->id = g_strdup(id);
    g_ptr_array_add(chardevs, c);
    g_strfreev(p);
}

/* Parse -netdev @spec: user,id=ID[,net=ADDR/PREFIX][,hostfwd=RULE]... */
static void parse_netdev(const char *spec)
{
    static const char *const keys[] = { "id", "net", "hostfwd", NULL };
    char **p = g_strsplit(spec, ",", -1);
    struct netdev *nd = g_new0(struct netdev, 1);
    const char *id = spec_get(p, "id"), *net = spec_get(p, "net");

    if (strcmp(p[0], "user") != 0)
        die("-netdev %s: only the user (libslirp) backend is supported", p[0]);
    spec_check("-netdev", p, keys);
    if (!id || !*id)
        die("-netdev %s: needs id=", spec);
    for (guint k = 0; k < netdevs->len; k++)
        if (strcmp(((struct netdev *)g_ptr_array_index(netdevs, k))->id, id) == 0)
            die("-netdev %s: duplicate id '%s'", spec, id);
    nd->id = g_strdup(id);
    nd->net = 0x0a000200;                       /* 10.0.2.0/24 */
    nd->prefix = 24;
    if (net) {
        const char *slash = strchr(net, '/');
        char *addr, *end;
        struct in_addr a;
        unsigned long n;

        if (!slash)
            die("-netdev %s: net= needs ADDR/PREFIX, e.g. 10.0.2.0/24", spec);
        addr = g_strndup(net, (gsize)(slash - net));
        n = strtoul(slash + 1, &end, 10);
        if (inet_pton(AF_INET, addr, &a) != 1 || *end || end == slash + 1 || n > 32)
            die("-netdev %s: net= needs ADDR/PREFIX, e.g. 10.0.2.0/24", spec);
        nd->net = ntohl(a.s_addr);
        nd->prefix = (unsigned)n;
        g_free(addr);
    }
    nd->hostfwd = g_ptr_array_new();
    for (int i = 1; p[i]; i++)
        if (strncmp(p[i], "hostfwd=", 8) == 0)
            g_ptr_array_add(nd->hostfwd, g_strdup(p[i] + 8));
    g_ptr_array_add(netdevs, nd);
    g_strfreev(p);
}

/* -device virtio-net-ccw,netdev=ID[,mac=52:54:00:12:34:56][,devno=...][,id=X]. */
static void parse_virtio_net(char **p, const char *spec)
{
    static const char *const keys[] = { "netdev", "mac", "devno", "id", NULL };
    static unsigned nics;
    const char *id = spec_get(p, "netdev"), *mac = spec_get(p, "mac");
    struct vdevice *v;
    struct netdev *nd = NULL;

    spec_check("-device virtio-net-ccw", p, keys);
    for (guint k = 0; id && k < netdevs->len; k++)
        if (strcmp(((struct netdev *)g_ptr_array_index(netdevs, k))->id, id) == 0)
            nd = g_ptr_array_index(netdevs, k);
    if (!nd)
        die("-device %s: netdev '%s' is not defined", spec, id ? id : "");
    if (nd->used)
        die("-device %s: netdev '%s' is in use already", spec, id);
    nd->used = true;
    v = new_vdev(VDEV_NET);
    v->netdev = nd;
    v->devno = parse_devno(p, spec);
    if (mac) {
        unsigned b[6];
        char tail;

        if (sscanf(mac, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5],
                   &tail) != 6 || strlen(mac) != 17)
            die("-device %s: mac must be six hex bytes, e.g. 52:54:00:12:34:56", spec);
        if (b[0] & 1)
            die("-device %s: mac %s is a multicast address", spec, mac);
        for (int i = 0; i < 6; i++)
            v->mac[i] = (uint8_t)b[i];
    } else {
        /* qemu's default: 52:54:00:12:34:56, then :57 and so on. */
        memcpy(v->mac, "\x52\x54\x00\x12\x34", 5);
        v->mac[5] = (uint8_t)(0x56 + nics);
    }
    nics++;
}

/* -device virtconsole,chardev=ID: the one port of the last virtio-serial-ccw. */
static void parse_virtconsole(char **p, const char *spec)
{
    static const char *const keys[] = { "chardev", "id", NULL };
    struct vdevice *serial = NULL;

    spec_check("-device virtconsole", p, keys);
    for (guint k = 0; k < vdevs->len; k++)
        if (((struct vdevice *)g_ptr_array_index(vdevs, k))->kind == VDEV_SERIAL)
            serial = g_ptr_array_index(vdevs, k);
    if (!serial)
        die("-device %s: needs a -device virtio-serial-ccw before it", spec);
    if (serial->port)
        die("-device %s: sieve's virtio-serial-ccw has one port (the console)", spec);
    serial->port = take_chardev(spec_get(p, "chardev"), spec);
}

/* Open the chardev of a virtconsole; stdio must not be the SCLP console's too. */
static void open_port(struct machine *m, const struct chardev *c, int *in_fd, int *out_fd)
{
    if (!c->path) {
        if (m->sclp.vt220)
            die("-device virtconsole: stdio is the SCLP console's already "
                "(add -nodefaults or -serial none)");
        *in_fd = STDIN_FILENO;
        *out_fd = STDOUT_FILENO;
        return;
    }
    *out_fd = open(c->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (*out_fd < 0)
        die("-chardev file,path=%s: %s", c->path, strerror(errno));
    *in_fd = -1;
    if (c->input_path) {
        *in_fd = open(c->input_path, O_RDONLY | O_CLOEXEC);
        if (*in_fd < 0)
            die("-chardev file,input-path=%s: %s", c->input_path, strerror(errno));
    }
}

/* Make the network backends and the virtio-ccw devices, in command-line order. */
static void attach_devices(struct machine *m)
{
    css_init(m);
    for (guint k = 0; k < netdevs->len; k++) {
        struct netdev *nd = g_ptr_array_index(netdevs, k);
        const char *err;

        nd->backend = net_slirp_new(m, nd->net, nd->prefix, &err);
        if (!nd->backend)
            die("-netdev user,id=%s: net=: %s", nd->id, err);
        for (guint i = 0; i < nd->hostfwd->len; i++) {
            const char *rule = g_ptr_array_index(nd->hostfwd, i);

            err = net_slirp_hostfwd(nd->backend, rule);
            if (err)
                die("-netdev user,id=%s: hostfwd=%s: %s", nd->id, rule, err);
        }
    }
    for (guint k = 0; k < vdevs->len; k++) {
        struct vdevice *v = g_ptr_array_index(vdevs, k);
        struct virtio_dev *vdev = NULL;
        int in_fd = -1, out_fd = -1;

        switch (v->kind) {
        case VDEV_BLK:
            vdev = virtio_blk_create(v->drive->file, v->drive->readonly);
            break;
        case VDEV_NET:
            vdev = virtio_net_create(v->netdev->backend, v->mac);
            break;
        case VDEV_SERIAL:
            if (v->port)
                open_port(m, v->port, &in_fd, &out_fd);
            vdev = virtio_console_create(m, in_fd, out_fd);
            break;
        case VDEV_RNG:
            vdev = virtio_rng_create();
            break;
        }
        virtio_ccw_attach(vdev, v->devno);
    }
}

/* The TCP port of -gdb @spec: tcp::PORT, tcp:127.0.0.1:PORT or tcp:localhost:PORT. */
static unsigned parse_gdb_port(const char *spec)
{
    const char *colon = strrchr(spec, ':');
    size_t host_len;
    char *end;
    unsigned long port;

    if (strncmp(spec, "tcp:", 4) != 0 || colon < spec + 4)
        die("-gdb %s: only tcp::PORT (on 127.0.0.1) is supported", spec);
    host_len = (size_t)(colon - (spec + 4));
    if (host_len && !(host_len == 9 && strncmp(spec + 4, "127.0.0.1", 9) == 0) &&
        !(host_len == 9 && strncmp(spec + 4, "localhost", 9) == 0))
        die("-gdb %s: the stub listens on 127.0.0.1 only", spec);
    port = strtoul(colon + 1, &end, 10);
    if (*end || end == colon + 1 || port == 0 || port > 65535)
        die("-gdb %s: the port must be 1 to 65535", spec);
    return (unsigned)port;
}

/* Apply -machine, -chardev, -device, -serial, -monitor to @m. */
static void configure_devices(struct machine *m)
{
    static const char *const machine_keys[] = { "accel", NULL };
    static const char *const device_keys[] = { "chardev", "id", NULL };
    static const char *const plain_keys[] = { "devno", "id", NULL };
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
    chardevs = g_ptr_array_new();
    netdevs = g_ptr_array_new();
    vdevs = g_ptr_array_new();
    for (int i = 0; opt_chardev && opt_chardev[i]; i++)
        parse_chardev(opt_chardev[i]);
    for (int i = 0; opt_netdev && opt_netdev[i]; i++)
        parse_netdev(opt_netdev[i]);
    drives = g_ptr_array_new();
    for (int i = 0; opt_drive && opt_drive[i]; i++)
        parse_drive(opt_drive[i]);
    for (int i = 0; opt_device && opt_device[i]; i++) {
        char **p = g_strsplit(opt_device[i], ",", -1);
        const char *name = p[0];
        bool handled = true;

        if (strcmp(name, "virtio-blk-ccw") == 0) {
            parse_virtio_blk(p, opt_device[i]);
        } else if (strcmp(name, "virtio-net-ccw") == 0) {
            parse_virtio_net(p, opt_device[i]);
        } else if (strcmp(name, "virtconsole") == 0) {
            parse_virtconsole(p, opt_device[i]);
        } else if (strcmp(name, "virtio-serial-ccw") == 0 || strcmp(name, "virtio-rng-ccw") == 0) {
            char what[40];

            snprintf(what, sizeof(what), "-device %s", name);
            spec_check(what, p, plain_keys);
            new_vdev(name[7] == 's' ? VDEV_SERIAL : VDEV_RNG)->devno =
                parse_devno(p, opt_device[i]);
        } else {
            handled = false;
        }
        if (handled) {
            g_strfreev(p);
            continue;
        }
        spec_check("-device", p, device_keys);
        if (strcmp(p[0], "sclpconsole") != 0 && strcmp(p[0], "sclplmconsole") != 0)
            die("-device %s: not emulated (yet)", p[0]);
        if (take_chardev(spec_get(p, "chardev"), opt_device[i])->path)
            die("-device %s: the SCLP consoles need a stdio chardev", p[0]);
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
    if (opt_display && strcmp(opt_display, "none") != 0)
        die("-display %s: sieve has no display; use -display none or -nographic", opt_display);
    if (serial_default)
        m->sclp.vt220 = true;     /* qemu's default: the first serial is the VT220 console */
}

/* Parse the count @s of option @opt. Dies if it is not a decimal number. */
static uint64_t parse_count(const char *opt, const char *s)
{
    char *end;
    unsigned long long v;

    if (!s)
        return 0;
    v = strtoull(s, &end, 10);
    if (end == s || *end || s[0] == '-')
        die("%s %s: not a number", opt, s);
    return v;
}

/* Apply -d, -dfilter and the --trace-* options. Returns 0 if -d help was
 * printed (sieve ends), 1 otherwise; dies on a malformed option. */
static int trace_options(void)
{
    struct trace_config c = { .levels = TRACE_L1 | TRACE_L2, .cpu = -1 };
    const char *bad = NULL;
    uint64_t ring_n;

    if (opt_debug) {
        c.mask = trace_parse(opt_debug, &c.ring, &bad);
        if (bad && strcmp(bad, "help") == 0)
            return 0;
        if (bad)
            die("-d: unknown category '%s' (-d help lists them)", bad);
    }
    if (opt_dfilter && !trace_parse_dfilter(opt_dfilter))
        die("-dfilter %s: ranges are A..B, A+LEN or A-LEN, comma-separated", opt_dfilter);
    if (opt_trace_level && !trace_parse_level(opt_trace_level, &c.levels))
        die("--trace-level %s: L1, L2 or all", opt_trace_level);
    if (opt_trace_cpu) {
        uint64_t n = parse_count("--trace-cpu", opt_trace_cpu);

        if (n >= TRACE_MAX_CPUS)
            die("--trace-cpu %s: CPU addresses are 0 to %d", opt_trace_cpu, TRACE_MAX_CPUS - 1);
        c.cpu = (int)n;
    }
    c.after = parse_count("--trace-after", opt_trace_after);
    c.count = parse_count("--trace-count", opt_trace_count);
    if (opt_trace_count && c.count == 0)
        die("--trace-count 0: nothing would be traced");
    ring_n = parse_count("--trace-ring", opt_trace_ring);
    if (opt_trace_ring && (ring_n == 0 || ring_n > 1000000))
        die("--trace-ring %s: 1 to 1000000 lines", opt_trace_ring);
    if (opt_trace_ring)
        c.ring = (unsigned)ring_n;
    if ((opt_dfilter || opt_trace_level || opt_trace_cpu || opt_trace_after || opt_trace_count ||
         c.ring) && !c.mask)
        die("the trace filters need -d with at least one category");
    trace_configure(&c);
    return 1;
}

int main(int argc, char **argv)
{
    GOptionContext *ctx = g_option_context_new("- s390x system emulator with SIE");
    GError *err = NULL;
    static struct machine m;
    const struct cpu_model *model;
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
    if (trace_options() == 0)
        return 0;
    if (!trace_open(opt_logfile))
        die("-D %s: cannot open for writing", opt_logfile);
    if (opt_profile)
        profile_setup(opt_profile, opt_symbols, opt_profile_period);
    else if (opt_symbols || opt_profile_period)
        die("--symbols and --profile-period need --profile FILE");
    if (!opt_kernel)
        die("no -kernel given: sieve boots a kernel image directly (see --help)");
    configure_devices(&m);
    if (opt_tb_size < 1 || opt_tb_size > 1024)
        die("--tb-size %d: give the code buffer size in MiB, 1 to 1024", opt_tb_size);
    cpu_set_jit(!opt_no_jit, opt_jit_eager, (unsigned)opt_tb_size);
    machine_init(&m, mem_mb, (unsigned)ncpus, model);
    attach_devices(&m);
    if (opt_deterministic)
        tod_set_deterministic(m.cpus, m.ncpus);
    m.kernel = opt_kernel;
    m.initrd = opt_initrd;
    m.append = opt_append;
    m.no_reboot = opt_noreboot;
    machine_ipl(&m);
    m.sclp.input_fd = -1;
    if (m.sclp.vt220)
        sclp_console_input(&m, STDIN_FILENO);
    if (opt_gdb_default && !opt_gdb)
        opt_gdb = g_strdup("tcp::1234");
    if (opt_freeze && !opt_gdb)
        die("-S needs -gdb or -s: only gdb can start the CPU");
    if (opt_gdb) {
        const char *gerr;

        if (!gdbstub_new(&m, parse_gdb_port(opt_gdb), opt_freeze, &gerr))
            die("-gdb %s: %s", opt_gdb, gerr);
    }
    if (opt_monitor)
        monitor_new(&m, opt_monitor);
    else if (m.sclp.vt220 && (opt_serial ? strcmp(opt_serial, "mon:stdio") == 0 : opt_nographic))
        monitor_new(&m, "stdio");           /* Ctrl-A c reaches the monitor, Ctrl-A x quits */
    status = machine_run(&m);
    virtio_blk_close_all();
    if (opt_profile)
        profile_write();
    trace_close();
    return status;
}
