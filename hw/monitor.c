/* The monitor: QEMU HMP command names over stdio or a Unix socket. While
 * the guest runs, the monitor's file descriptors are a machine event source,
 * so commands are served between run slices. */
#define _GNU_SOURCE         /* accept4 */
#include "hw/monitor.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <glib.h>
#include "cpu/cpu.h"
#include "cpu/trace.h"
#include "hw/cpuview.h"
#include "hw/machine.h"
#include "util/die.h"

#define MON_LINE_MAX  1024
#define MON_PROMPT    "(sieve) "
#define X_MAX_BYTES   4096

struct monitor {
    struct machine *m;
    int listen_fd;          /* the Unix socket, -1 for stdio */
    int in_fd, out_fd;      /* the session, -1 while none */
    char path[108];
    char buf[MON_LINE_MAX];
    size_t len;
    struct monitor_sel sel;
};

static const char help_text[] =
    "help                      this list\n"
    "info registers            PSW, general and control registers of the selected CPU\n"
    "info cpus                 every CPU: state, level, SCB, PSW\n"
    "info tlb                  valid TLB entries of the selected CPU\n"
    "info sie                  each CPU's SIE state, then the statistics\n"
    "info stats                instructions per level, SIE exits, interruptions\n"
    "x/NFU ADDR                N units at logical ADDR (F: x d u c; U: b h w g)\n"
    "xp/NFU ADDR               the same at absolute ADDR\n"
    "cpu N                     select CPU N\n"
    "level 1|2|auto            show the host (1), the guest in SIE (2), or where it runs\n"
    "quit                      end sieve (exit status 0)\n";

bool monitor_mux_on;
static struct monitor *mux;         /* the monitor sharing stdin with the console */
static bool mux_escape;             /* Ctrl-A seen */
static bool mux_monitor;            /* stdin goes to the monitor now */

static const char *const state_names[] = { "stopped", "operating", "check-stop" };

/* The view of the selected CPU. */
static struct cpu *sel_cpu(struct machine *m, const struct monitor_sel *sel)
{
    return &m->cpus[sel->cpu < m->ncpus ? sel->cpu : 0];
}

/* info registers: PSW, GRs and CRs of the selected CPU at the selected level. */
static void info_registers(struct machine *m, FILE *out, const struct monitor_sel *sel)
{
    struct cpu *cpu = sel_cpu(m, sel);
    struct cpu_view v;

    cpu_view_get(cpu, sel->level, &v);
    fprintf(out, "CPU#%u L%u%s", cpu->cpu_addr, v.level, v.in_sie ? " (in SIE" : "");
    if (v.in_sie)
        fprintf(out, ", SCB %llx)", (unsigned long long)v.scb);
    fprintf(out, "\nPSW=mask %016llx addr %016llx cc %u prefix %08x\n",
            (unsigned long long)v.psw_mask, (unsigned long long)v.psw_addr,
            (unsigned)(v.psw_mask >> 44) & 3, v.prefix);
    for (unsigned i = 0; i < 16; i++)
        fprintf(out, "R%02u=%016llx%c", i, (unsigned long long)v.gr[i], i % 4 == 3 ? '\n' : ' ');
    for (unsigned i = 0; i < 16; i++)
        fprintf(out, "C%02u=%016llx%c", i, (unsigned long long)v.cr[i], i % 4 == 3 ? '\n' : ' ');
}

/* info cpus: one line per CPU, the selected one starred. */
static void info_cpus(struct machine *m, FILE *out, const struct monitor_sel *sel)
{
    for (unsigned i = 0; i < m->ncpus; i++) {
        const struct cpu *cpu = &m->cpus[i];
        struct cpu_view v;

        cpu_view_get(cpu, 0, &v);
        fprintf(out, "%c CPU #%u: %s%s L%u scb=%llx psw=%016llx:%016llx insns=%llu\n",
                i == sel->cpu ? '*' : ' ', cpu->cpu_addr, state_names[cpu->state],
                cpu->waiting ? " (waiting)" : "", v.level, (unsigned long long)v.scb,
                (unsigned long long)v.psw_mask, (unsigned long long)v.psw_addr,
                (unsigned long long)cpu->icount);
    }
}

/* Print the valid entries of one TLB array. Returns how many there are. */
static unsigned tlb_array(struct machine *m, FILE *out, const char *name,
                          const struct tlb_entry *arr)
{
    unsigned n = 0;

    for (unsigned i = 0; i < TLB_SIZE; i++) {
        if (arr[i].page & 1)
            continue;
        fprintf(out, "  %-6s %016llx -> %llx\n", name, (unsigned long long)arr[i].page,
                (unsigned long long)(arr[i].host - m->mem.ram));
        n++;
    }
    return n;
}

/* info tlb: the selected CPU's valid TLB entries and their count. */
static void info_tlb(struct machine *m, FILE *out, const struct monitor_sel *sel)
{
    struct cpu *cpu = sel_cpu(m, sel);
    unsigned f, s, i;

    fprintf(out, "CPU#%u TLB (level %u now), logical page -> absolute:\n", cpu->cpu_addr,
            cpu_view_current(cpu));
    f = tlb_array(m, out, "fetch", cpu->tlb.fetch);
    s = tlb_array(m, out, "store", cpu->tlb.store);
    i = tlb_array(m, out, "ifetch", cpu->tlb.ifetch);
    fprintf(out, "%u fetch, %u store, %u ifetch entries valid of %u each\n", f, s, i, TLB_SIZE);
}

/* info sie: each CPU's SIE state (guest and host PSW), then the statistics. */
static void info_sie(struct machine *m, FILE *out)
{
    for (unsigned i = 0; i < m->ncpus; i++) {
        struct cpu *cpu = &m->cpus[i];
        struct cpu_view g, h;

        cpu_view_get(cpu, 2, &g);
        if (!g.in_sie) {
            fprintf(out, "CPU #%u: not in SIE\n", cpu->cpu_addr);
            continue;
        }
        cpu_view_get(cpu, 1, &h);
        fprintf(out, "CPU #%u: in SIE, SCB %llx, guest PSW %016llx:%016llx, host at "
                "%016llx:%016llx\n", cpu->cpu_addr, (unsigned long long)g.scb,
                (unsigned long long)g.psw_mask, (unsigned long long)g.psw_addr,
                (unsigned long long)h.psw_mask, (unsigned long long)h.psw_addr);
    }
    trace_stats_print(out);
}

/* Print @n bytes of @buf read at @addr as units of @size bytes in format @fmt. */
static void dump_units(FILE *out, uint64_t addr, const uint8_t *buf, uint64_t n, unsigned size,
                       char fmt)
{
    for (uint64_t off = 0; off < n; off += size) {
        uint64_t v = 0;

        if (off % 16 == 0)
            fprintf(out, "%s%016llx:", off ? "\n" : "", (unsigned long long)(addr + off));
        for (unsigned i = 0; i < size; i++)
            v = v << 8 | buf[off + i];
        if (fmt == 'd')
            fprintf(out, " %lld", size == 8 ? (long long)v :
                    (long long)(v ^ (UINT64_C(1) << (8 * size - 1))) -
                    (long long)(UINT64_C(1) << (8 * size - 1)));
        else if (fmt == 'u')
            fprintf(out, " %llu", (unsigned long long)v);
        else if (fmt == 'c')
            fprintf(out, " '%c'", v >= 0x20 && v < 0x7f ? (int)v : '.');
        else
            fprintf(out, " 0x%0*llx", (int)(2 * size), (unsigned long long)v);
    }
    fputc('\n', out);
}

/* x/NFU ADDR and xp/NFU ADDR: @args points after "x" or "xp". */
static void examine(struct machine *m, FILE *out, const struct monitor_sel *sel,
                    const char *args, bool real)
{
    unsigned long count = 1;
    unsigned size = 4;
    char fmt = 'x';
    uint64_t addr, n;
    uint8_t *buf;
    char *end;

    if (*args == '/') {
        args++;
        if (*args >= '0' && *args <= '9')
            count = strtoul(args, (char **)&args, 10);
        for (; *args && *args != ' '; args++) {
            switch (*args) {
            case 'x': case 'd': case 'u': case 'c': fmt = *args; break;
            case 'b': size = 1; break;
            case 'h': size = 2; break;
            case 'w': size = 4; break;
            case 'g': size = 8; break;
            default:
                fprintf(out, "unknown format '%c' (formats x d u c, sizes b h w g)\n", *args);
                return;
            }
        }
    }
    while (*args == ' ')
        args++;
    addr = strtoull(args, &end, 0);
    if (end == args || *end) {
        fprintf(out, "usage: x/NFU ADDR (for instance x/8xg 0x10000)\n");
        return;
    }
    if (fmt == 'c')
        size = 1;
    n = (uint64_t)count * size;
    if (n == 0 || n > X_MAX_BYTES) {
        fprintf(out, "at most %u bytes at a time\n", X_MAX_BYTES);
        return;
    }
    buf = malloc(n);
    if (!buf)
        return;
    n = cpu_view_rw(sel_cpu(m, sel), sel->level, addr, buf, n, false, real) / size * size;
    if (n)
        dump_units(out, addr, buf, n, size, fmt);
    if (n < (uint64_t)count * size)
        fprintf(out, "cannot access memory at %016llx\n", (unsigned long long)(addr + n));
    free(buf);
}

/* "info WHAT". */
static void info(struct machine *m, FILE *out, const struct monitor_sel *sel, const char *what)
{
    if (strcmp(what, "registers") == 0)
        info_registers(m, out, sel);
    else if (strcmp(what, "cpus") == 0)
        info_cpus(m, out, sel);
    else if (strcmp(what, "tlb") == 0)
        info_tlb(m, out, sel);
    else if (strcmp(what, "sie") == 0)
        info_sie(m, out);
    else if (strcmp(what, "stats") == 0)
        trace_stats_print(out);
    else
        fprintf(out, "info %s: unknown (registers, cpus, tlb, sie, stats)\n", what);
}

bool monitor_command(struct machine *m, const char *line, FILE *out, struct monitor_sel *sel)
{
    char *cmd = g_strstrip(g_strdup(line));
    bool go_on = true;

    if (!*cmd) {
        /* an empty line does nothing */
    } else if (strcmp(cmd, "help") == 0 || strcmp(cmd, "?") == 0) {
        fputs(help_text, out);
    } else if (strncmp(cmd, "info ", 5) == 0) {
        info(m, out, sel, g_strstrip(cmd + 5));
    } else if (strncmp(cmd, "xp", 2) == 0 && (cmd[2] == '/' || cmd[2] == ' ')) {
        examine(m, out, sel, cmd + 2, true);
    } else if (cmd[0] == 'x' && (cmd[1] == '/' || cmd[1] == ' ')) {
        examine(m, out, sel, cmd + 1, false);
    } else if (strncmp(cmd, "cpu ", 4) == 0) {
        char *end;
        unsigned long n = strtoul(cmd + 4, &end, 0);

        if (*end || end == cmd + 4 || n >= m->ncpus)
            fprintf(out, "cpu %s: CPUs are 0 to %u\n", cmd + 4, m->ncpus - 1);
        else
            sel->cpu = (unsigned)n;
    } else if (strncmp(cmd, "level", 5) == 0 && (!cmd[5] || cmd[5] == ' ')) {
        const char *a = g_strstrip(cmd + 5);

        if (strcmp(a, "1") == 0 || strcmp(a, "2") == 0)
            sel->level = (unsigned)(a[0] - '0');
        else if (strcmp(a, "auto") == 0)
            sel->level = 0;
        else if (*a)
            fprintf(out, "level %s: 1, 2 or auto\n", a);
        if (sel->level == 2 && cpu_view_current(sel_cpu(m, sel)) == 1)
            fprintf(out, "CPU#%u is not in SIE: level 2 shows L1 until it enters SIE\n",
                    sel->cpu);
        fprintf(out, "showing %s\n", sel->level == 1 ? "level 1 (the host)" :
                sel->level == 2 ? "level 2 (the guest in SIE)" : "the level each CPU is at");
    } else if (strcmp(cmd, "quit") == 0 || strcmp(cmd, "q") == 0) {
        machine_finish(m, EXIT_GUEST_OK);
        go_on = false;
    } else {
        fprintf(out, "unknown command: '%s' (help lists them)\n", cmd);
    }
    g_free(cmd);
    return go_on;
}

/* ---- The session ---- */

/* Write all of @len bytes at @p to the session; a dead peer ends it. */
static void mon_write(struct monitor *mon, const char *p, size_t len)
{
    while (len && mon->out_fd >= 0) {
        ssize_t n = mon->listen_fd >= 0 ? send(mon->out_fd, p, len, MSG_NOSIGNAL)
                                        : write(mon->out_fd, p, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        p += n;
        len -= (size_t)n;
    }
}

/* End the session (the socket stays open for the next one). */
static void end_session(struct monitor *mon)
{
    if (mon->listen_fd >= 0 && mon->in_fd >= 0)
        close(mon->in_fd);
    mon->in_fd = mon->out_fd = -1;
    mon->len = 0;
}

/* Run the complete lines in the buffer. */
static void run_lines(struct monitor *mon)
{
    char *nl;

    while (mon->out_fd >= 0 && (nl = memchr(mon->buf, '\n', mon->len))) {
        char *text = NULL;
        size_t size = 0;
        FILE *out = open_memstream(&text, &size);
        bool go_on;

        *nl = 0;
        go_on = monitor_command(mon->m, mon->buf, out, &mon->sel);
        if (go_on)
            fputs(MON_PROMPT, out);
        fclose(out);
        mon_write(mon, text, size);
        free(text);
        mon->len -= (size_t)(nl + 1 - mon->buf);
        memmove(mon->buf, nl + 1, mon->len);
        if (!go_on)
            end_session(mon);
    }
}

/* Begin a session on @in_fd/@out_fd with the greeting and a prompt. */
static void start_session(struct monitor *mon, int in_fd, int out_fd)
{
    static const char hello[] = "sieve monitor - type 'help' for the commands\n" MON_PROMPT;

    mon->in_fd = in_fd;
    mon->out_fd = out_fd;
    mon->len = 0;
    mon_write(mon, hello, sizeof(hello) - 1);
}

/* Event source: wait for a connection on the socket and for session input. */
static void source_prepare(void *opaque, struct pollfd *fds, unsigned *n, uint64_t *timeout_ns)
{
    struct monitor *mon = opaque;

    (void)timeout_ns;
    if (mon->listen_fd >= 0) {
        fds[*n].fd = mon->listen_fd;
        fds[*n].events = POLLIN;
        fds[*n].revents = 0;
        (*n)++;
    }
    fds[*n].fd = mon->in_fd;                /* -1: poll ignores the slot */
    fds[*n].events = POLLIN;
    fds[*n].revents = 0;
    (*n)++;
}

/* Event source: accept a session, or read its input and run complete lines. */
static void source_dispatch(void *opaque, struct pollfd *fds, unsigned n)
{
    struct monitor *mon = opaque;
    struct pollfd *in = &fds[n - 1];

    if (mon->listen_fd >= 0 && (fds[0].revents & POLLIN)) {
        int fd = accept4(mon->listen_fd, NULL, NULL, SOCK_CLOEXEC);

        if (fd >= 0 && mon->in_fd >= 0)
            close(fd);                      /* one session at a time */
        else if (fd >= 0)
            start_session(mon, fd, fd);
        return;
    }
    if (mon->in_fd < 0 || in->fd != mon->in_fd || !(in->revents & (POLLIN | POLLHUP | POLLERR)))
        return;
    ssize_t got = read(mon->in_fd, mon->buf + mon->len, sizeof(mon->buf) - 1 - mon->len);

    if (got <= 0) {
        end_session(mon);
        return;
    }
    mon->len += (size_t)got;
    run_lines(mon);
    if (mon->len == sizeof(mon->buf) - 1)
        mon->len = 0;                       /* an overlong line is dropped */
}

static char *socket_path;

static const char mux_help[] =
    "\r\nC-a c    switch between console and monitor\r\n"
    "C-a x    end sieve\r\n"
    "C-a h    this help\r\n"
    "C-a C-a  send C-a to the guest\r\n";

/* One byte typed at the monitor of the shared stdin: echo it (the terminal
 * is raw), edit the line, run it at Enter. */
static void mux_byte(struct monitor *mon, uint8_t c)
{
    if (c == '\r' || c == '\n') {
        mon_write(mon, "\r\n", 2);
        mon->buf[mon->len++] = '\n';
        run_lines(mon);
        mon->out_fd = STDOUT_FILENO;        /* quit ends the session; output stays */
        mon->in_fd = -2;
        return;
    }
    if ((c == 0x7f || c == 0x08) && mon->len) {
        mon->len--;
        mon_write(mon, "\b \b", 3);
        return;
    }
    if (c < 0x20 || mon->len >= sizeof(mon->buf) - 2)
        return;
    mon->buf[mon->len++] = (char)c;
    mon_write(mon, (const char *)&c, 1);
}

size_t monitor_mux_filter(struct machine *m, uint8_t *buf, size_t n)
{
    size_t out = 0;

    for (size_t i = 0; i < n; i++) {
        uint8_t c = buf[i];

        if (mux_escape) {
            mux_escape = false;
            if (c == 'c') {
                mux_monitor = !mux_monitor;
                mon_write(mux, mux_monitor ? "\r\n" MON_PROMPT : "\r\n",
                          mux_monitor ? 2 + strlen(MON_PROMPT) : 2);
                mux->len = 0;
            } else if (c == 'x') {
                mon_write(mux, "\r\nsieve: terminated\r\n", 22);
                machine_finish(m, EXIT_GUEST_OK);
            } else if (c == 'h') {
                mon_write(mux, mux_help, sizeof(mux_help) - 1);
            } else if (c == 0x01 && !mux_monitor) {
                buf[out++] = c;
            }
            continue;
        }
        if (c == 0x01)
            mux_escape = true;
        else if (mux_monitor)
            mux_byte(mux, c);
        else
            buf[out++] = c;
    }
    return out;
}

/* Remove the socket file at exit. */
static void unlink_socket(void)
{
    if (socket_path)
        unlink(socket_path);
}

/* Listen on the Unix socket @path. Dies if it cannot. */
static int listen_unix(const char *path)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int fd;

    if (strlen(path) >= sizeof(sa.sun_path))
        die("-monitor unix:%s: the path is too long", path);
    strcpy(sa.sun_path, path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        die("-monitor unix:%s: %s", path, strerror(errno));
    unlink(path);
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(fd, 1) < 0)
        die("-monitor unix:%s: %s", path, strerror(errno));
    socket_path = g_strdup(path);
    atexit(unlink_socket);
    return fd;
}

void monitor_new(struct machine *m, const char *spec)
{
    struct monitor *mon;
    struct machine_source src = { source_prepare, source_dispatch, NULL };

    if (strcmp(spec, "none") == 0)
        return;
    mon = g_new0(struct monitor, 1);
    mon->m = m;
    mon->listen_fd = mon->in_fd = mon->out_fd = -1;
    if (strcmp(spec, "stdio") == 0 && m->sclp.vt220) {
        mon->in_fd = -2;                    /* fed by the console: nothing to poll */
        mon->out_fd = STDOUT_FILENO;
        mux = mon;
        monitor_mux_on = true;
        return;
    } else if (strcmp(spec, "stdio") == 0) {
        start_session(mon, STDIN_FILENO, STDOUT_FILENO);
    } else if (strncmp(spec, "unix:", 5) == 0) {
        char **p = g_strsplit(spec + 5, ",", -1);
        bool server = false, nowait = false;

        for (int i = 1; p[i]; i++) {
            if (strcmp(p[i], "server") == 0 || strcmp(p[i], "server=on") == 0)
                server = true;
            else if (strcmp(p[i], "nowait") == 0 || strcmp(p[i], "wait=off") == 0)
                nowait = true;
            else
                die("-monitor %s: unknown option '%s'", spec, p[i]);
        }
        if (!server || !nowait || !p[0][0])
            die("-monitor %s: only unix:PATH,server,nowait is supported", spec);
        mon->listen_fd = listen_unix(p[0]);
        g_strfreev(p);
    } else {
        die("-monitor %s: none, stdio or unix:PATH,server,nowait", spec);
    }
    src.opaque = mon;
    machine_add_source(m, &src);
}
