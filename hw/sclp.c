/* The service-call logical processor: Read SCP Info, Read CPU Info, event
 * masks and console event data (VT220 and line mode). Facts: Linux
 * drivers/s390/char/sclp*.c; layout details in docs/sclp.md. */
#include "hw/machine.h"

#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "cpu/model.h"
#include "cpu/trace.h"
#include "hw/monitor.h"
#include "util/bits.h"

#define SCCB_MAX 4096u

/* Command words (masked with 0xffff00ff before dispatch). */
#define SCLP_READ_CPU_INFO        0x00010001u
#define SCLP_READ_SCP_INFO        0x00020001u
#define SCLP_READ_SCP_INFO_FORCED 0x00120001u
#define SCLP_WRITE_EVENT_DATA     0x00760005u
#define SCLP_READ_EVENT_DATA      0x00770005u
#define SCLP_WRITE_EVENT_MASK     0x00780005u

/* Response codes. */
#define SCLP_RC_NORMAL_READ       0x0010
#define SCLP_RC_NORMAL            0x0020
#define SCLP_RC_BOUNDARY          0x0100
#define SCLP_RC_INVALID_COMMAND   0x01f0
#define SCLP_RC_INSUFFICIENT_LEN  0x0300
#define SCLP_RC_INVALID_FUNCTION  0x40f0
#define SCLP_RC_NO_EVENT_BUFFERS  0x60f0
#define SCLP_RC_INVALID_MASK_LEN  0x74f0

/* Event types and their mask bits (type T is bit T-1 of the 64-bit mask). */
#define EV_MESSAGE   0x02
#define EV_VT220     0x1a
#define EV_QUIESCE   0x1d
#define EV_MASK(t)   (UINT64_C(1) << (64 - (t)))

/* The first byte of a VT220 input buffer says what it carries. */
#define VT220_SESSION_DATA 0x00

#define SCCB_OFF_LEN   0
#define SCCB_OFF_RC    6
#define CPU_ENTRY_SIZE 16

static void set_rc(uint8_t *sccb, uint16_t rc)
{
    st_be16(sccb + SCCB_OFF_RC, rc);
}

/* Write one 16-byte CPU entry for every CPU at @p. */
static void put_cpu_entries(struct machine *m, uint8_t *p)
{
    for (unsigned i = 0; i < m->ncpus; i++) {
        memset(p + i * CPU_ENTRY_SIZE, 0, CPU_ENTRY_SIZE);
        p[i * CPU_ENTRY_SIZE] = (uint8_t)m->cpus[i].cpu_addr;
        if (m->model->fac[FAC_SIEF2])
            p[i * CPU_ENTRY_SIZE + 2] |= 0x08;       /* SIEF2 (SIE.md 1.1) */
    }
}

/* Read SCP Info: storage size in increments, CPU count and entries. */
static void read_scp_info(struct machine *m, uint8_t *sccb, uint16_t len)
{
    uint64_t mb = m->mem.size >> 20;
    uint64_t rnsize = (mb + 0xfffe) / 0xffff;
    uint32_t cpuoff = 128;

    if (len < cpuoff + m->ncpus * CPU_ENTRY_SIZE) {
        set_rc(sccb, SCLP_RC_INSUFFICIENT_LEN);
        return;
    }
    memset(sccb + 8, 0, len - 8);
    if (rnsize > 255)
        rnsize = 0;
    st_be16(sccb + 8, rnsize ? (uint16_t)(mb / rnsize) : 0);
    sccb[10] = (uint8_t)rnsize;
    st_be16(sccb + 16, (uint16_t)m->ncpus);
    st_be16(sccb + 18, (uint16_t)cpuoff);
    memset(sccb + 24, 0x40, 8);                       /* load parameter: EBCDIC blanks */
    st_be64(sccb + 48, UINT64_C(0x0800000000000000));  /* Read CPU Info available */
    st_be32(sccb + 100, 1);                           /* rnsize2 in MiB */
    st_be64(sccb + 104, mb);                          /* rnmax2 */
    st_be16(sccb + 120, (uint16_t)(m->ncpus - 1));
    if (m->model->fac[FAC_SIEF2]) {
        sccb[85] |= 0x02;                             /* ESOP */
        sccb[116] |= 0x80;                            /* 64-bit SCA origin */
    }
    put_cpu_entries(m, sccb + cpuoff);
    set_rc(sccb, SCLP_RC_NORMAL_READ);
}

/* Read CPU Info: every CPU configured, none in standby. */
static void read_cpu_info(struct machine *m, uint8_t *sccb, uint16_t len)
{
    uint32_t off = 0x18;

    if (len < off + m->ncpus * CPU_ENTRY_SIZE) {
        set_rc(sccb, SCLP_RC_INSUFFICIENT_LEN);
        return;
    }
    st_be16(sccb + 8, (uint16_t)m->ncpus);
    st_be16(sccb + 10, (uint16_t)off);
    st_be16(sccb + 12, 0);
    st_be16(sccb + 14, (uint16_t)(off + m->ncpus * CPU_ENTRY_SIZE));
    put_cpu_entries(m, sccb + off);
    set_rc(sccb, SCLP_RC_NORMAL_READ);
}

/* The event types this SCLP can receive from the OS. */
static uint64_t sclp_receive_mask(const struct machine *m)
{
    return (m->sclp.vt220 ? EV_MASK(EV_VT220) : 0) | (m->sclp.linemode ? EV_MASK(EV_MESSAGE) : 0);
}

/* Load a mask of @len (1..8) bytes at @p as a left-aligned 64-bit value. */
static uint64_t mask_get(const uint8_t *p, unsigned len)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < 8; i++)
        v = v << 8 | (i < len ? p[i] : 0);
    return v;
}

static void mask_put(uint8_t *p, unsigned len, uint64_t v)
{
    for (unsigned i = 0; i < len; i++)
        p[i] = (uint8_t)(v >> (56 - 8 * i));
}

/* Write Event Mask: record the OS masks, answer with the SCLP's. */
static void write_event_mask(struct machine *m, uint8_t *sccb, uint16_t len)
{
    unsigned mlen = ld_be16(sccb + 10);

    if (mlen == 0 || mlen > 8 || len < 12 + 4 * mlen) {
        set_rc(sccb, SCLP_RC_INVALID_MASK_LEN);
        return;
    }
    m->sclp.receive_mask = mask_get(sccb + 12, mlen);
    m->sclp.send_mask = mask_get(sccb + 12 + mlen, mlen);
    mask_put(sccb + 12 + 2 * mlen, mlen, sclp_receive_mask(m));
    mask_put(sccb + 12 + 3 * mlen, mlen, m->sclp.vt220 ? EV_MASK(EV_VT220) | EV_MASK(EV_QUIESCE)
                                                        : EV_MASK(EV_QUIESCE));
    set_rc(sccb, SCLP_RC_NORMAL);
}

/* EBCDIC (code page 037) to ASCII for the printable characters. */
static char ebcdic_to_ascii(uint8_t c)
{
    static const char tab[256] =
        "                "  "                "  "                "  "                "
        "           .<(+|"  "&         !$*);^"  "-/        |,%_>?"  "         `:#@'=\""
        " abcdefghi      "  " jklmnopqr      "  " ~stuvwxyz   [  "  "             ]  "
        "{ABCDEFGHI      "  "}JKLMNOPQR      "  "\\ STUVWXYZ      " "0123456789      ";

    return c == 0x25 || c == 0x15 ? '\n' : tab[c];
}

/* Print the message-text objects of a line-mode message event at @p. */
static void put_linemode(struct machine *m, const uint8_t *p, unsigned len)
{
    unsigned off = 6 + 12;                     /* event header, MDB header */

    while (off + 4 <= len) {
        unsigned olen = ld_be16(p + off);
        unsigned type = ld_be16(p + off + 2);

        if (olen < 4 || off + olen > len)
            break;
        if (type == 0x0004 && olen >= 10) {     /* message-text object */
            for (unsigned i = 10; i < olen; i++)
                fputc(ebcdic_to_ascii(p[off + i]), m->console);
            fputc('\n', m->console);
        }
        off += type == 0x0001 ? 6 : olen;       /* descend into the GO object */
    }
}

/* Write Event Data: consume console buffers. */
static void write_event_data(struct machine *m, uint8_t *sccb, uint16_t len)
{
    unsigned off = 8;
    bool handled = false;

    while (off + 6 <= len) {
        unsigned elen = ld_be16(sccb + off);
        unsigned type = sccb[off + 2];

        if (elen < 6 || off + elen > len)
            break;
        if (type == EV_VT220 && m->sclp.vt220) {
            fwrite(sccb + off + 6, 1, elen - 6, m->console);
            if (unlikely(trace_ring_on))
                trace_console_text(sccb + off + 6, elen - 6);
            sccb[off + 3] |= 0x80;
            handled = true;
        } else if (type == EV_MESSAGE && m->sclp.linemode) {
            put_linemode(m, sccb + off, elen);
            sccb[off + 3] |= 0x80;
            handled = true;
        }
        off += elen;
    }
    fflush(m->console);
    set_rc(sccb, handled ? SCLP_RC_NORMAL : SCLP_RC_INVALID_FUNCTION);
}

/* Is console input waiting that the OS has asked to receive? */
static bool input_pending(const struct machine *m)
{
    return m->sclp.input_len && m->sclp.vt220 && (m->sclp.receive_mask & EV_MASK(EV_VT220));
}

/* Read Event Data: hand the OS one VT220 buffer of typed bytes. Returns
 * the SCCB length to write back (shortened for a variable-length read). */
static uint16_t read_event_data(struct machine *m, uint8_t *sccb, uint16_t len)
{
    unsigned room, n;

    if (!input_pending(m) || len < 8 + 6 + 2) {
        set_rc(sccb, SCLP_RC_NO_EVENT_BUFFERS);
        return len;
    }
    room = len - 8 - 6 - 1;
    n = m->sclp.input_len < room ? m->sclp.input_len : room;
    st_be16(sccb + 8, (uint16_t)(6 + 1 + n));
    sccb[10] = EV_VT220;
    sccb[11] = 0;
    st_be16(sccb + 12, 0);
    sccb[14] = VT220_SESSION_DATA;
    memcpy(sccb + 15, m->sclp.input, n);
    memmove(m->sclp.input, m->sclp.input + n, m->sclp.input_len - n);
    m->sclp.input_len -= n;
    if (sccb[5] & 0x80) {               /* variable-length response allowed */
        sccb[5] &= 0x7f;
        len = (uint16_t)(8 + 6 + 1 + n);
        st_be16(sccb, len);
    }
    set_rc(sccb, SCLP_RC_NORMAL);
    return len;
}

static struct termios saved_tio;
static bool tio_saved;

static void restore_terminal(void)
{
    if (tio_saved)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
}

static void input_prepare(void *opaque, struct pollfd *fds, unsigned *n, uint64_t *timeout_ns)
{
    struct machine *m = opaque;

    (void)timeout_ns;
    if (m->sclp.input_fd < 0 || m->sclp.input_len == SCLP_INPUT_SIZE)
        return;
    fds[*n].fd = m->sclp.input_fd;
    fds[*n].events = POLLIN;
    fds[*n].revents = 0;
    (*n)++;
}

/* Typed bytes arrived: keep them and announce them with a service signal
 * whose parameter has only the event-pending bit. */
static void input_dispatch(void *opaque, struct pollfd *fds, unsigned n)
{
    struct machine *m = opaque;
    struct cpu *cpu = &m->cpus[0];
    ssize_t got;

    if (!n || !(fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
        return;
    got = read(m->sclp.input_fd, m->sclp.input + m->sclp.input_len,
               SCLP_INPUT_SIZE - m->sclp.input_len);
    if (got <= 0) {
        m->sclp.input_fd = -1;          /* end of input: stop polling */
        return;
    }
    if (monitor_mux_on)         /* Ctrl-A c: stdin is shared with the monitor */
        got = (ssize_t)monitor_mux_filter(m, m->sclp.input + m->sclp.input_len, (size_t)got);
    m->sclp.input_len += (unsigned)got;
    if (input_pending(m) && !(cpu->irq_pending & IRQ_EXT_SERVICE))
        cpu_post_service_signal(cpu, 1);
}

void sclp_console_input(struct machine *m, int fd)
{
    struct machine_source src = { input_prepare, input_dispatch, m };
    struct termios tio;

    m->sclp.input_fd = fd;
    if (isatty(fd) && tcgetattr(fd, &saved_tio) == 0) {
        tio_saved = true;
        atexit(restore_terminal);
        tio = saved_tio;
        tio.c_lflag &= (tcflag_t)~(ICANON | ECHO);
        tio.c_iflag &= (tcflag_t)~(ICRNL | IXON);
        tio.c_cc[VMIN] = 1;
        tio.c_cc[VTIME] = 0;
        tcsetattr(fd, TCSANOW, &tio);
    }
    machine_add_source(m, &src);
}

unsigned sclp_service_call(struct machine *m, struct cpu *cpu, uint32_t cmd, uint64_t aaddr)
{
    uint8_t sccb[SCCB_MAX];
    uint16_t len = ld_be16(m->mem.ram + aaddr);

    if (len > SCCB_MAX - (aaddr & (SCCB_MAX - 1)))
        len = (uint16_t)(SCCB_MAX - (aaddr & (SCCB_MAX - 1)));
    storage_read_abs(&m->mem, aaddr, sccb, len);
    if (len < 8)
        return 0;
    if ((aaddr & (SCCB_MAX - 1)) + ld_be16(sccb) > SCCB_MAX) {
        set_rc(sccb, SCLP_RC_BOUNDARY);
    } else {
        switch (cmd & 0xffff00ffu) {
        case SCLP_READ_SCP_INFO:
        case SCLP_READ_SCP_INFO_FORCED:
            read_scp_info(m, sccb, len);
            break;
        case SCLP_READ_CPU_INFO:
            read_cpu_info(m, sccb, len);
            break;
        case SCLP_WRITE_EVENT_MASK:
            write_event_mask(m, sccb, len);
            break;
        case SCLP_WRITE_EVENT_DATA:
            write_event_data(m, sccb, len);
            break;
        case SCLP_READ_EVENT_DATA:
            len = read_event_data(m, sccb, len);
            break;
        default:
            set_rc(sccb, SCLP_RC_INVALID_COMMAND);
            break;
        }
    }
    if (unlikely(cpu->trace & TR_GUEST_ERRORS) && len >= 8 &&
        ld_be16(sccb + SCCB_OFF_RC) != SCLP_RC_NORMAL &&
        ld_be16(sccb + SCCB_OFF_RC) != SCLP_RC_NORMAL_READ &&
        ld_be16(sccb + SCCB_OFF_RC) != SCLP_RC_NO_EVENT_BUFFERS)
        trace_event_cold(cpu, "guest_errors", "sclp command %08x sccb %llx: response %04x",
                         cmd, (unsigned long long)aaddr, ld_be16(sccb + SCCB_OFF_RC));
    storage_write_abs(&m->mem, aaddr, sccb, len);
    cpu_post_service_signal(cpu, (uint32_t)aaddr | (input_pending(m) ? 1 : 0));
    return 0;
}
