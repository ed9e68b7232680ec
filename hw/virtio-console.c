/* virtio-console: one console port on receiveq 0 and transmitq 1 (virtio
 * 1.x, "Console Device", without VIRTIO_CONSOLE_F_MULTIPORT, so the
 * driver makes port 0 its console, Linux's hvc0). Output goes to the
 * chardev's descriptor; input comes from it through a machine source. */
#include "hw/virtio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "hw/machine.h"
#include "util/die.h"

#define VIRTIO_CONSOLE_ID  3
#define RXQ         0
#define TXQ         1
#define QUEUE_SIZE  128u
#define CONFIG_LEN  12u         /* cols, rows, max_nr_ports, emerg_wr */
#define INPUT_SIZE  4096u

struct vcon {
    struct virtio_dev vdev;
    struct machine *m;
    int in_fd, out_fd;          /* -1: none */
    uint8_t input[INPUT_SIZE];  /* bytes read, not yet in a receive buffer */
    unsigned input_len;
    uint8_t config[CONFIG_LEN];
};

static struct virtq_elem elem;
static uint8_t iobuf[1 << 16];
static struct termios saved_tio;
static int tio_fd = -1;

static void restore_terminal(void)
{
    if (tio_fd >= 0)
        tcsetattr(tio_fd, TCSANOW, &saved_tio);
}

/* Write all of @buf to the chardev, after what the machine's console
 * buffered, so output on a shared stdout keeps its order. */
static void put(struct vcon *c, const uint8_t *buf, size_t len)
{
    fflush(c->m->console);
    while (len) {
        ssize_t n = write(c->out_fd, buf, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;             /* the reader went away: output is lost */
        buf += n;
        len -= (size_t)n;
    }
}

static void transmit(struct vcon *c)
{
    struct virtio_dev *vdev = &c->vdev;
    bool any = false;
    int r;

    while ((r = virtq_pop(vdev, TXQ, &elem)) > 0) {
        for (uint64_t off = 0; off < elem.out_len;) {
            uint64_t n = virtq_read(vdev, &elem, off, iobuf, sizeof(iobuf));

            if (c->out_fd >= 0)
                put(c, iobuf, n);
            off += n;
        }
        virtq_push(vdev, TXQ, &elem, 0);
        any = true;
    }
    if (r < 0)
        vdev->status |= 0x40;           /* DEVICE_NEEDS_RESET */
    if (any)
        virtq_notify(vdev, TXQ);
}

/* Move waiting input into receive buffers. */
static void receive(struct vcon *c)
{
    struct virtio_dev *vdev = &c->vdev;
    bool any = false;
    int r = 0;

    while (c->input_len && (r = virtq_pop(vdev, RXQ, &elem)) > 0) {
        uint32_t n = (uint32_t)virtq_write(vdev, &elem, 0, c->input, c->input_len);

        memmove(c->input, c->input + n, c->input_len - n);
        c->input_len -= n;
        virtq_push(vdev, RXQ, &elem, n);
        any = true;
    }
    if (r < 0)
        vdev->status |= 0x40;
    if (any)
        virtq_notify(vdev, RXQ);
}

static void vcon_handle(struct virtio_dev *vdev, unsigned q)
{
    struct vcon *c = (struct vcon *)vdev;

    if (q == TXQ)
        transmit(c);
    else
        receive(c);
}

static void vcon_reset(struct virtio_dev *vdev)
{
    ((struct vcon *)vdev)->input_len = 0;
}

static void input_prepare(void *opaque, struct pollfd *fds, unsigned *n, uint64_t *timeout_ns)
{
    struct vcon *c = opaque;

    (void)timeout_ns;
    if (c->in_fd < 0 || c->input_len == INPUT_SIZE || *n >= MACHINE_MAX_POLLFDS)
        return;
    fds[*n].fd = c->in_fd;
    fds[*n].events = POLLIN;
    fds[*n].revents = 0;
    (*n)++;
}

static void input_dispatch(void *opaque, struct pollfd *fds, unsigned n)
{
    struct vcon *c = opaque;
    ssize_t got;

    if (!n || !(fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
        return;
    got = read(c->in_fd, c->input + c->input_len, INPUT_SIZE - c->input_len);
    if (got < 0 && errno == EINTR)
        return;
    if (got <= 0) {
        c->in_fd = -1;          /* end of input: stop polling */
        return;
    }
    c->input_len += (unsigned)got;
    if (c->vdev.status & VIRTIO_STATUS_DRIVER_OK)
        receive(c);
}

struct virtio_dev *virtio_console_create(struct machine *m, int in_fd, int out_fd)
{
    struct vcon *c = calloc(1, sizeof(*c));
    struct machine_source src = { input_prepare, input_dispatch, c };

    if (!c)
        die("out of memory");
    c->m = m;
    c->in_fd = in_fd;
    c->out_fd = out_fd;
    c->config[4] = 1;                   /* max_nr_ports (little-endian) */
    c->vdev.device_id = VIRTIO_CONSOLE_ID;
    c->vdev.host_features = UINT64_C(1) << VIRTIO_F_VERSION_1;
    c->vdev.nqueues = 2;
    c->vdev.queue_max = QUEUE_SIZE;
    c->vdev.config = c->config;
    c->vdev.config_len = CONFIG_LEN;
    c->vdev.handle = vcon_handle;
    c->vdev.reset = vcon_reset;
    if (in_fd >= 0) {
        if (isatty(in_fd) && tio_fd < 0 && tcgetattr(in_fd, &saved_tio) == 0) {
            struct termios tio = saved_tio;

            tio_fd = in_fd;
            atexit(restore_terminal);
            tio.c_lflag &= (tcflag_t)~(ICANON | ECHO);
            tio.c_iflag &= (tcflag_t)~(ICRNL | IXON);
            tio.c_cc[VMIN] = 1;
            tio.c_cc[VTIME] = 0;
            tcsetattr(in_fd, TCSANOW, &tio);
        }
        machine_add_source(m, &src);
    }
    return &c->vdev;
}
