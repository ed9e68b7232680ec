/* The GDB remote-serial-protocol stub (docs/debugging.md). One connection
 * at a time on the loopback interface; each CPU is a thread (id = index + 1).
 * While the guest runs the socket is a machine event source, so gdb's
 * interrupt (a 0x03 byte) is seen between run slices; while the machine is
 * stopped (m->debug_stop) gdbstub_wait() serves packets, blocking.
 * Breakpoints are a list of addresses compared with the PSW address before
 * each instruction (cpu/exec.c, only while ATTN_DEBUG is set): storage is
 * never patched. */
#define _GNU_SOURCE         /* accept4 */
#include "hw/gdbstub.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <glib.h>
#include "cpu/cpu.h"
#include "hw/cpuview.h"
#include "hw/doors.h"
#include "hw/machine.h"
#include "hw/monitor.h"
#include "mmu/mmu.h"
#include "util/die.h"

#define GDB_PACKET_SIZE 4096        /* the largest packet we accept, and announce */
#define GDB_MAX_BP      64
#define GDB_MAX_CPUS    64
#define GDB_SIGINT      2
#define GDB_SIGTRAP     5

/* Register numbers: the order of target.xml and of the 'g' packet. */
#define REG_PSWM    0
#define REG_PSWA    1
#define REG_R0      2
#define REG_ACR0    18
#define REG_FPC     34
#define REG_F0      35
#define REG_CR0     51
#define REG_COUNT   67

enum rx_state { RX_IDLE, RX_DATA, RX_CS1, RX_CS2 };

struct gdbstub {
    struct machine *m;
    int listen_fd;
    int fd;                     /* the connected gdb, -1 while none */
    bool no_ack;                /* QStartNoAckMode agreed */
    enum rx_state rx;
    char pkt[GDB_PACKET_SIZE + 1];
    unsigned pkt_len;
    bool pkt_overflow;
    uint8_t cs_sum, cs_got;
    bool reply_pending;         /* gdb resumed the guest and waits for a stop reply */
    unsigned g_cpu;             /* CPU index for register and storage access (Hg) */
    unsigned c_cpu;             /* CPU index to step (Hc) */
    unsigned stop_cpu;
    unsigned stop_sig;
    int step_cpu;               /* CPU index single-stepping, -1 if none */
    bool step_started;          /* that CPU has been let through one instruction */
    bool skip[GDB_MAX_CPUS];    /* first instruction after a resume ignores a breakpoint */
    uint64_t skip_addr[GDB_MAX_CPUS];
    uint64_t bp[GDB_MAX_BP];
    unsigned nbp;
    struct monitor_sel sel;     /* "monitor" commands: the level gdb shows (0: current) */
};

/* The s390x target description: gdb's s390 feature names with the register
 * names and sizes gdb expects, and the control registers as an extra feature. */
static const char target_xml_head[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
    "<target>\n"
    "<architecture>s390:64-bit</architecture>\n";

static char *target_xml;
static size_t target_xml_len;

/* Append the registers PREFIX0..PREFIX15 of @bits bits to @s. */
static void xml_regs(GString *s, const char *prefix, unsigned bits, const char *type,
                     const char *group)
{
    for (unsigned i = 0; i < 16; i++)
        g_string_append_printf(s, "  <reg name=\"%s%u\" bitsize=\"%u\" type=\"%s\" "
                               "group=\"%s\"/>\n", prefix, i, bits, type, group);
}

static void build_target_xml(void)
{
    GString *s;

    if (target_xml)
        return;
    s = g_string_new(target_xml_head);
    g_string_append(s, "<feature name=\"org.gnu.gdb.s390.core\">\n"
                    "  <reg name=\"pswm\" bitsize=\"64\" type=\"uint64\" group=\"psw\"/>\n"
                    "  <reg name=\"pswa\" bitsize=\"64\" type=\"code_ptr\" group=\"psw\"/>\n");
    xml_regs(s, "r", 64, "uint64", "general");
    g_string_append(s, "</feature>\n<feature name=\"org.gnu.gdb.s390.acr\">\n");
    xml_regs(s, "acr", 32, "uint32", "access");
    g_string_append(s, "</feature>\n<feature name=\"org.gnu.gdb.s390.fpr\">\n"
                    "  <reg name=\"fpc\" bitsize=\"32\" type=\"uint32\" group=\"float\"/>\n");
    xml_regs(s, "f", 64, "ieee_double", "float");
    g_string_append(s, "</feature>\n<feature name=\"org.gnu.gdb.s390.cr\">\n");
    xml_regs(s, "cr", 64, "uint64", "control");
    g_string_append(s, "</feature>\n</target>\n");
    target_xml_len = s->len;
    target_xml = g_string_free(s, FALSE);
}

/* ---- Sending ---- */

static void write_all(struct gdbstub *g, const char *buf, size_t len)
{
    while (len && g->fd >= 0) {
        ssize_t n = write(g->fd, buf, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;             /* the connection broke: the next read sees it */
        buf += n;
        len -= (size_t)n;
    }
}

/* Send @len bytes of @data as one packet, escaping $ # } and *. */
static void send_packet_len(struct gdbstub *g, const char *data, size_t len)
{
    GString *s = g_string_sized_new(len + 8);
    uint8_t sum = 0;

    g_string_append_c(s, '$');
    for (size_t i = 0; i < len; i++) {
        char c = data[i];

        if (c == '$' || c == '#' || c == '}' || c == '*') {
            g_string_append_c(s, '}');
            sum += '}';
            c ^= 0x20;
        }
        g_string_append_c(s, c);
        sum += (uint8_t)c;
    }
    g_string_append_printf(s, "#%02x", sum);
    write_all(g, s->str, s->len);
    g_string_free(s, TRUE);
}

static void send_packet(struct gdbstub *g, const char *data)
{
    send_packet_len(g, data, strlen(data));
}

static void send_stop_reply(struct gdbstub *g)
{
    char buf[32];

    snprintf(buf, sizeof(buf), "T%02xthread:%x;", g->stop_sig, g->stop_cpu + 1);
    send_packet(g, buf);
}

/* ---- Parsing helpers ---- */

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Parse hex digits at *p into *v, advancing *p. Returns false if there are none. */
static bool parse_hex(const char **p, uint64_t *v)
{
    const char *s = *p;
    uint64_t x = 0;

    while (hexval(*s) >= 0)
        x = x << 4 | (uint64_t)hexval(*s++);
    if (s == *p)
        return false;
    *p = s;
    *v = x;
    return true;
}

/* Parse a thread id: -1 (all), 0 (any) or a CPU's id. Returns the CPU index,
 * -1 for all, -2 for any, -3 if malformed or no such CPU. */
static int parse_thread(const struct gdbstub *g, const char *p)
{
    uint64_t v;

    if (strcmp(p, "-1") == 0)
        return -1;
    if (!parse_hex(&p, &v) || *p)
        return -3;
    if (v == 0)
        return -2;
    return v <= g->m->ncpus ? (int)(v - 1) : -3;
}

/* ---- Registers ---- */

static unsigned reg_size(unsigned n)
{
    return (n >= REG_ACR0 && n <= REG_FPC) ? 4 : 8;
}

/* Register @n of @cpu as seen at @level (0: the level it runs at). */
static uint64_t reg_get(const struct cpu *cpu, unsigned level, unsigned n)
{
    struct cpu_view v;

    cpu_view_get(cpu, level, &v);
    if (n == REG_PSWM)
        return v.psw_mask;
    if (n == REG_PSWA)
        return v.psw_addr;
    if (n < REG_ACR0)
        return v.gr[n - REG_R0];
    if (n < REG_FPC)
        return cpu->ar[n - REG_ACR0];
    if (n == REG_FPC)
        return cpu->fpc;
    if (n < REG_CR0)
        return cpu->vr[n - REG_F0].d[0];
    return v.cr[n - REG_CR0];
}

/* May gdb write @cpu's registers? Not in the host view of a CPU in SIE:
 * the host's registers are saved state that SIE exit restores. */
static bool regs_writable(const struct gdbstub *g, const struct cpu *cpu)
{
    return g->sel.level != 1 || cpu_view_current(cpu) == 1;
}

static void reg_set(struct cpu *cpu, unsigned n, uint64_t v)
{
    if (n == REG_PSWM) {
        cpu_load_psw(cpu, v, cpu->psw.addr);
    } else if (n == REG_PSWA) {
        cpu_load_psw(cpu, cpu_psw_mask(cpu), v);
    } else if (n < REG_ACR0) {
        cpu->gr[n - REG_R0] = v;
    } else if (n < REG_FPC) {
        cpu->ar[n - REG_ACR0] = (uint32_t)v;
    } else if (n == REG_FPC) {
        cpu->fpc = (uint32_t)v;
    } else if (n < REG_CR0) {
        cpu->vr[n - REG_F0].d[0] = v;
    } else {
        cpu->cr[n - REG_CR0] = v;
        mmu_tlb_flush(cpu);
        cpu_update_attn(cpu);
    }
}

static void append_reg(GString *s, const struct cpu *cpu, unsigned level, unsigned n)
{
    unsigned size = reg_size(n);
    uint64_t v = reg_get(cpu, level, n);

    for (unsigned i = 0; i < size; i++)
        g_string_append_printf(s, "%02x", (unsigned)(v >> (8 * (size - 1 - i))) & 0xff);
}

/* Parse the big-endian hex value of register @n at *p. Returns false if short. */
static bool parse_reg(const char **p, unsigned n, uint64_t *v)
{
    uint64_t x = 0;

    for (unsigned i = 0; i < 2 * reg_size(n); i++) {
        int d = hexval((*p)[i]);

        if (d < 0)
            return false;
        x = x << 4 | (uint64_t)d;
    }
    *p += 2 * reg_size(n);
    *v = x;
    return true;
}

/* ---- Running and stopping ---- */

/* Set or clear ATTN_DEBUG on every CPU: set while breakpoints exist or a
 * CPU steps, so the execution loop costs nothing otherwise. */
static void update_debug_attn(struct gdbstub *g)
{
    bool on = g->nbp > 0 || g->step_cpu >= 0;

    for (unsigned i = 0; i < g->m->ncpus; i++) {
        if (on)
            g->m->cpus[i].attn |= ATTN_DEBUG;
        else
            g->m->cpus[i].attn &= ~ATTN_DEBUG;
    }
}

/* Stop the machine for the debugger, reporting @cpu and @sig. */
static void stop_machine(struct gdbstub *g, unsigned cpu, unsigned sig)
{
    g->m->debug_stop = true;
    g->stop_cpu = cpu;
    g->stop_sig = sig;
    g->g_cpu = cpu;
    g->c_cpu = cpu;
    g->step_cpu = -1;
    for (unsigned i = 0; i < g->m->ncpus; i++)
        cpu_exit_loop(&g->m->cpus[i]);
}

/* Let the guest run; @step_cpu >= 0 executes one instruction and stops. */
static void resume(struct gdbstub *g, int step_cpu)
{
    struct machine *m = g->m;

    g->step_cpu = step_cpu;
    g->step_started = false;
    for (unsigned i = 0; i < m->ncpus; i++) {
        g->skip[i] = true;
        g->skip_addr[i] = m->cpus[i].psw.addr;
    }
    update_debug_attn(g);
    g->reply_pending = true;
    m->debug_stop = false;
}

bool door_debug_check(struct cpu *cpu)
{
    struct machine *m = cpu->machine;
    struct gdbstub *g = m->gdb;
    unsigned idx = (unsigned)(cpu - m->cpus);
    bool skip;

    if (!g || g->fd < 0)
        return false;
    if (m->debug_stop)
        return true;
    skip = g->skip[idx] && g->skip_addr[idx] == cpu->psw.addr;
    g->skip[idx] = false;
    if (g->step_cpu == (int)idx) {
        /* Let one instruction through, unless an interruption taken before
         * it moved the PSW: then the step ends at the handler's entry. */
        if (!g->step_started && cpu->psw.addr == g->skip_addr[idx]) {
            g->step_started = true;
            return false;
        }
        stop_machine(g, idx, GDB_SIGTRAP);
        return true;
    }
    if (skip)
        return false;
    for (unsigned i = 0; i < g->nbp; i++) {
        if (g->bp[i] == cpu->psw.addr) {
            stop_machine(g, idx, GDB_SIGTRAP);
            return true;
        }
    }
    return false;
}

/* Forget the debugger's breakpoints and stepping; the guest runs on. */
static void release_guest(struct gdbstub *g)
{
    g->nbp = 0;
    g->step_cpu = -1;
    update_debug_attn(g);
    g->reply_pending = false;
    g->m->debug_stop = false;
}

static void drop_client(struct gdbstub *g)
{
    if (g->fd >= 0)
        close(g->fd);
    g->fd = -1;
    release_guest(g);
}

/* ---- Packets ---- */

static void handle_read_regs(struct gdbstub *g)
{
    GString *s = g_string_new(NULL);
    const struct cpu *cpu = &g->m->cpus[g->g_cpu];

    for (unsigned n = 0; n < REG_COUNT; n++)
        append_reg(s, cpu, g->sel.level, n);
    send_packet_len(g, s->str, s->len);
    g_string_free(s, TRUE);
}

static void handle_write_regs(struct gdbstub *g, const char *p)
{
    struct cpu *cpu = &g->m->cpus[g->g_cpu];
    uint64_t v;

    if (!regs_writable(g, cpu)) {
        send_packet(g, "E01");
        return;
    }
    for (unsigned n = 0; n < REG_COUNT && *p; n++) {
        if (!parse_reg(&p, n, &v)) {
            send_packet(g, "E01");
            return;
        }
        reg_set(cpu, n, v);
    }
    send_packet(g, "OK");
}

/* p n / P n=value */
static void handle_reg(struct gdbstub *g, const char *p, bool write)
{
    struct cpu *cpu = &g->m->cpus[g->g_cpu];
    uint64_t n, v;
    GString *s;

    if (!parse_hex(&p, &n) || n >= REG_COUNT) {
        send_packet(g, "E01");
        return;
    }
    if (write) {
        if (*p++ != '=' || !parse_reg(&p, (unsigned)n, &v) || !regs_writable(g, cpu)) {
            send_packet(g, "E01");
            return;
        }
        reg_set(cpu, (unsigned)n, v);
        send_packet(g, "OK");
        return;
    }
    s = g_string_new(NULL);
    append_reg(s, cpu, g->sel.level, (unsigned)n);
    send_packet_len(g, s->str, s->len);
    g_string_free(s, TRUE);
}

/* m addr,len / M addr,len:bytes */
static void handle_mem(struct gdbstub *g, const char *p, bool write)
{
    struct cpu *cpu = &g->m->cpus[g->g_cpu];
    uint64_t addr, len, done;
    uint8_t *buf;

    if (!parse_hex(&p, &addr) || *p++ != ',' || !parse_hex(&p, &len) ||
        (write && *p++ != ':') || (write && len > GDB_PACKET_SIZE / 2)) {
        send_packet(g, "E01");
        return;
    }
    if (len > GDB_PACKET_SIZE / 2)
        len = GDB_PACKET_SIZE / 2;      /* a short read: gdb asks for the rest */
    buf = g_malloc(len + 1);
    if (write) {
        for (uint64_t i = 0; i < len; i++) {
            int hi = hexval(p[2 * i]), lo = hi < 0 ? -1 : hexval(p[2 * i + 1]);

            if (lo < 0) {
                send_packet(g, "E01");
                g_free(buf);
                return;
            }
            buf[i] = (uint8_t)(hi << 4 | lo);
        }
        done = cpu_view_rw(cpu, g->sel.level, addr, buf, len, true, false);
        send_packet(g, done == len ? "OK" : "E14");
    } else {
        done = cpu_view_rw(cpu, g->sel.level, addr, buf, len, false, false);
        if (done == 0 && len) {
            send_packet(g, "E14");
        } else {
            GString *s = g_string_sized_new(2 * done + 1);

            for (uint64_t i = 0; i < done; i++)
                g_string_append_printf(s, "%02x", buf[i]);
            send_packet_len(g, s->str, s->len);
            g_string_free(s, TRUE);
        }
    }
    g_free(buf);
}

/* Z type,addr,kind / z type,addr,kind: types 0 and 1 share the list. */
static void handle_breakpoint(struct gdbstub *g, const char *p, bool insert)
{
    uint64_t type, addr;
    unsigned i;

    if (!parse_hex(&p, &type) || *p++ != ',' || !parse_hex(&p, &addr)) {
        send_packet(g, "E01");
        return;
    }
    if (type > 1) {
        send_packet(g, "");     /* watchpoints: not supported */
        return;
    }
    for (i = 0; i < g->nbp && g->bp[i] != addr; i++)
        ;
    if (insert && i == g->nbp) {
        if (g->nbp == GDB_MAX_BP) {
            send_packet(g, "E28");
            return;
        }
        g->bp[g->nbp++] = addr;
    } else if (!insert && i < g->nbp) {
        g->bp[i] = g->bp[--g->nbp];
    }
    send_packet(g, "OK");
}

/* c [addr] / s [addr]: continue or step the Hc CPU. */
static void handle_resume(struct gdbstub *g, const char *p, bool step)
{
    uint64_t addr;

    if (*p == ';')
        p++;
    if (parse_hex(&p, &addr))
        reg_set(&g->m->cpus[g->c_cpu], REG_PSWA, addr);
    resume(g, step ? (int)g->c_cpu : -1);
}

/* vCont;action[:thread]...: c and C continue, s and S step one CPU. */
static void handle_vcont(struct gdbstub *g, const char *p)
{
    int step_cpu = -1;

    while (*p == ';') {
        char action = p[1];
        int cpu = -1;

        if (!action) {
            send_packet(g, "E01");
            return;
        }
        p += 2;
        if (action == 'C' || action == 'S') {
            uint64_t sig;

            if (!parse_hex(&p, &sig)) {
                send_packet(g, "E01");
                return;
            }
        }
        if (*p == ':') {
            const char *end = strchr(p + 1, ';');
            char tid[24];
            size_t n = end ? (size_t)(end - p - 1) : strlen(p + 1);

            if (n >= sizeof(tid)) {
                send_packet(g, "E01");
                return;
            }
            memcpy(tid, p + 1, n);
            tid[n] = 0;
            cpu = parse_thread(g, tid);
            p += 1 + n;
        }
        if (action == 's' || action == 'S') {
            if (step_cpu < 0)
                step_cpu = cpu >= 0 ? cpu : (int)g->c_cpu;
        } else if (action != 'c' && action != 'C') {
            send_packet(g, "E01");
            return;
        }
    }
    resume(g, step_cpu);
}

/* qXfer:features:read:annex:offset,length */
static void handle_xfer_features(struct gdbstub *g, const char *p)
{
    uint64_t off, len;
    GString *s;

    if (strncmp(p, "target.xml:", 11) != 0) {
        send_packet(g, "E00");
        return;
    }
    p += 11;
    if (!parse_hex(&p, &off) || *p++ != ',' || !parse_hex(&p, &len)) {
        send_packet(g, "E01");
        return;
    }
    build_target_xml();
    if (off >= target_xml_len) {
        send_packet(g, "l");
        return;
    }
    if (len > GDB_PACKET_SIZE / 2)
        len = GDB_PACKET_SIZE / 2;
    if (len > target_xml_len - off)
        len = target_xml_len - off;
    s = g_string_new(off + len < target_xml_len ? "m" : "l");
    g_string_append_len(s, target_xml + off, (gssize)len);
    send_packet_len(g, s->str, s->len);
    g_string_free(s, TRUE);
}

/* qRcmd,HEX: gdb's "monitor CMD" runs a monitor command (hw/monitor.c) for
 * the selected CPU; its text goes back in an O packet, then OK. */
static void handle_rcmd(struct gdbstub *g, const char *hex)
{
    GString *cmd = g_string_new(NULL), *reply;
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);

    for (; hex[0] && hex[1]; hex += 2) {
        int hi = hexval(hex[0]), lo = hexval(hex[1]);

        if (hi < 0 || lo < 0)
            break;
        g_string_append_c(cmd, (char)(hi << 4 | lo));
    }
    g->sel.cpu = g->g_cpu;
    monitor_command(g->m, cmd->str, out, &g->sel);
    fclose(out);
    for (size_t i = 0; i < size;) {          /* O packets within the packet size */
        reply = g_string_new("O");
        for (; i < size && reply->len < GDB_PACKET_SIZE - 2; i++)
            g_string_append_printf(reply, "%02x", (unsigned char)text[i]);
        send_packet_len(g, reply->str, reply->len);
        g_string_free(reply, TRUE);
    }
    send_packet(g, "OK");
    free(text);
    g_string_free(cmd, TRUE);
}

static void handle_query(struct gdbstub *g, const char *p)
{
    char buf[96];

    if (strncmp(p, "qSupported", 10) == 0) {
        snprintf(buf, sizeof(buf),
                 "PacketSize=%x;qXfer:features:read+;QStartNoAckMode+;vContSupported+",
                 GDB_PACKET_SIZE);
        send_packet(g, buf);
    } else if (strncmp(p, "qXfer:features:read:", 20) == 0) {
        handle_xfer_features(g, p + 20);
    } else if (strcmp(p, "qfThreadInfo") == 0) {
        GString *s = g_string_new("m");

        for (unsigned i = 0; i < g->m->ncpus; i++)
            g_string_append_printf(s, i ? ",%x" : "%x", i + 1);
        send_packet_len(g, s->str, s->len);
        g_string_free(s, TRUE);
    } else if (strcmp(p, "qsThreadInfo") == 0) {
        send_packet(g, "l");
    } else if (strcmp(p, "qC") == 0) {
        snprintf(buf, sizeof(buf), "QC%x", g->g_cpu + 1);
        send_packet(g, buf);
    } else if (strcmp(p, "qAttached") == 0) {
        send_packet(g, "1");
    } else if (strncmp(p, "qThreadExtraInfo,", 17) == 0) {
        int cpu = parse_thread(g, p + 17);
        GString *s = g_string_new(NULL);

        snprintf(buf, sizeof(buf), "CPU#%d", cpu < 0 ? 0 : cpu);
        for (const char *c = buf; *c; c++)
            g_string_append_printf(s, "%02x", (unsigned char)*c);
        send_packet_len(g, s->str, s->len);
        g_string_free(s, TRUE);
    } else if (strncmp(p, "qRcmd,", 6) == 0) {
        handle_rcmd(g, p + 6);
    } else if (strncmp(p, "qSymbol:", 8) == 0) {
        send_packet(g, "OK");
    } else if (strcmp(p, "QStartNoAckMode") == 0) {
        send_packet(g, "OK");
        g->no_ack = true;
    } else {
        send_packet(g, "");
    }
}

static void kill_machine(struct gdbstub *g)
{
    machine_finish(g->m, EXIT_GUEST_OK);
    drop_client(g);
}

static void handle_packet(struct gdbstub *g)
{
    const char *p = g->pkt;
    int cpu;

    switch (p[0]) {
    case '?':
        send_stop_reply(g);
        break;
    case 'g':
        handle_read_regs(g);
        break;
    case 'G':
        handle_write_regs(g, p + 1);
        break;
    case 'p':
    case 'P':
        handle_reg(g, p + 1, p[0] == 'P');
        break;
    case 'm':
    case 'M':
        handle_mem(g, p + 1, p[0] == 'M');
        break;
    case 'c':
    case 's':
        handle_resume(g, p + 1, p[0] == 's');
        break;
    case 'C':
    case 'S': {
        const char *semi = strchr(p, ';');

        handle_resume(g, semi ? semi : "", p[0] == 'S');
        break;
    }
    case 'Z':
    case 'z':
        handle_breakpoint(g, p + 1, p[0] == 'Z');
        break;
    case 'H':
        cpu = p[1] ? parse_thread(g, p + 2) : -3;
        if (cpu == -3 || (p[1] != 'g' && p[1] != 'c')) {
            send_packet(g, "E01");
            break;
        }
        if (cpu >= 0 && p[1] == 'g')
            g->g_cpu = (unsigned)cpu;
        else if (cpu >= 0)
            g->c_cpu = (unsigned)cpu;
        send_packet(g, "OK");
        break;
    case 'T':
        send_packet(g, parse_thread(g, p + 1) >= 0 ? "OK" : "E01");
        break;
    case 'D':
        send_packet(g, "OK");
        drop_client(g);
        break;
    case 'k':
        kill_machine(g);
        break;
    case 'q':
    case 'Q':
        handle_query(g, p);
        break;
    case 'v':
        if (strcmp(p, "vCont?") == 0) {
            send_packet(g, "vCont;c;C;s;S");
        } else if (strncmp(p, "vCont;", 6) == 0) {
            handle_vcont(g, p + 5);
        } else if (strncmp(p, "vKill", 5) == 0) {
            send_packet(g, "OK");
            kill_machine(g);
        } else {
            send_packet(g, "");
        }
        break;
    default:
        send_packet(g, "");
        break;
    }
}

/* One byte from gdb. */
static void rx_byte(struct gdbstub *g, char c)
{
    switch (g->rx) {
    case RX_IDLE:
        if (c == '$') {
            g->rx = RX_DATA;
            g->pkt_len = 0;
            g->pkt_overflow = false;
            g->cs_sum = 0;
        } else if (c == 0x03 && !g->m->debug_stop) {
            stop_machine(g, g->c_cpu, GDB_SIGINT);
        }
        break;                  /* acks ('+', '-') and noise are ignored */
    case RX_DATA:
        if (c == '#') {
            g->rx = RX_CS1;
            break;
        }
        g->cs_sum += (uint8_t)c;
        if (g->pkt_len < GDB_PACKET_SIZE)
            g->pkt[g->pkt_len++] = c;
        else
            g->pkt_overflow = true;
        break;
    case RX_CS1:
        g->cs_got = (uint8_t)(hexval(c) << 4);
        g->rx = RX_CS2;
        break;
    case RX_CS2:
        g->cs_got |= (uint8_t)hexval(c);
        g->rx = RX_IDLE;
        if (g->no_ack) {
            if (g->pkt_overflow)
                return;
        } else if (g->cs_got != g->cs_sum || g->pkt_overflow) {
            write_all(g, "-", 1);
            return;
        } else {
            write_all(g, "+", 1);
        }
        g->pkt[g->pkt_len] = 0;
        handle_packet(g);
        break;
    }
}

/* Read what gdb sent and act on it; a closed connection releases the guest. */
static void receive(struct gdbstub *g)
{
    char buf[4096];
    ssize_t n = read(g->fd, buf, sizeof(buf));

    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        drop_client(g);
        return;
    }
    for (ssize_t i = 0; i < n && g->fd >= 0; i++)
        rx_byte(g, buf[i]);
}

static void accept_client(struct gdbstub *g)
{
    int one = 1;
    int fd = accept4(g->listen_fd, NULL, NULL, SOCK_CLOEXEC);

    if (fd < 0)
        return;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    g->fd = fd;
    g->no_ack = false;
    g->rx = RX_IDLE;
    g->nbp = 0;
    g->reply_pending = false;
    if (!g->m->debug_stop)
        stop_machine(g, 0, GDB_SIGTRAP);    /* gdb expects a stopped target on attach */
}

static void source_prepare(void *opaque, struct pollfd *fds, unsigned *n, uint64_t *timeout_ns)
{
    struct gdbstub *g = opaque;

    fds[*n].fd = g->fd >= 0 ? g->fd : g->listen_fd;
    fds[*n].events = POLLIN;
    fds[*n].revents = 0;
    (*n)++;
}

static void source_dispatch(void *opaque, struct pollfd *fds, unsigned n)
{
    struct gdbstub *g = opaque;

    if (n != 1 || !(fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
        return;
    if (g->fd < 0)
        accept_client(g);
    else
        receive(g);
}

void gdbstub_wait(struct machine *m)
{
    struct gdbstub *g = m->gdb;

    if (!g) {
        m->debug_stop = false;
        return;
    }
    if (g->reply_pending && g->fd >= 0) {
        g->reply_pending = false;
        send_stop_reply(g);
    }
    fflush(m->console);
    while (m->debug_stop && !m->done) {
        struct pollfd p = { .fd = g->fd >= 0 ? g->fd : g->listen_fd, .events = POLLIN };

        if (poll(&p, 1, -1) < 0) {
            if (errno == EINTR)
                continue;
            die("gdb stub: poll: %s", strerror(errno));
        }
        if (g->fd < 0)
            accept_client(g);
        else
            receive(g);
    }
}

void gdbstub_exited(struct machine *m, int status)
{
    struct gdbstub *g = m->gdb;
    char buf[8];

    if (!g || g->fd < 0)
        return;
    snprintf(buf, sizeof(buf), "W%02x", status & 0xff);
    send_packet(g, buf);
    close(g->fd);
    g->fd = -1;
}

struct gdbstub *gdbstub_new(struct machine *m, unsigned port, bool wait_attach,
                            const char **err)
{
    struct gdbstub *g = g_new0(struct gdbstub, 1);
    struct sockaddr_in sa = { .sin_family = AF_INET };
    struct machine_source src = { source_prepare, source_dispatch, g };
    int one = 1;

    if (m->ncpus > GDB_MAX_CPUS) {
        *err = "too many CPUs for the gdb stub";
        g_free(g);
        return NULL;
    }
    g->m = m;
    g->fd = -1;
    g->step_cpu = -1;
    g->stop_sig = GDB_SIGTRAP;
    g->listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (g->listen_fd < 0) {
        *err = strerror(errno);
        g_free(g);
        return NULL;
    }
    setsockopt(g->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sa.sin_port = htons((uint16_t)port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(g->listen_fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
        listen(g->listen_fd, 1) < 0) {
        *err = strerror(errno);
        close(g->listen_fd);
        g_free(g);
        return NULL;
    }
    m->gdb = g;
    m->debug_stop = wait_attach;
    machine_add_source(m, &src);
    return g;
}
