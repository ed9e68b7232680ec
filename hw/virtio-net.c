/* virtio-net: a network card on the user-mode network backend (virtio
 * 1.x, "Network Device"). Frames carry the 12-byte struct virtio_net_hdr
 * of VIRTIO_F_VERSION_1; no offloads, no mergeable buffers, no control
 * queue: receiveq 0 and transmitq 1. */
#include "hw/virtio.h"

#include <stdlib.h>
#include <string.h>
#include "hw/net-slirp.h"
#include "util/die.h"

#define VIRTIO_NET_ID          1
#define VIRTIO_NET_F_MAC       5
#define VIRTIO_NET_F_STATUS    16
#define VIRTIO_NET_S_LINK_UP   1

#define RXQ         0
#define TXQ         1
#define HDR_LEN     12u         /* struct virtio_net_hdr with num_buffers */
#define CONFIG_LEN  8u          /* mac[6], status */
#define QUEUE_SIZE  256u
#define FRAME_MAX   65536u
#define PENDING_MAX 64u

struct vnet {
    struct virtio_dev vdev;
    struct net_slirp *backend;
    uint8_t config[CONFIG_LEN];
    struct { uint8_t *data; size_t len; } pending[PENDING_MAX];
    unsigned first, npending;
    /* One element per direction: sending a frame can make libslirp answer
     * at once, and that answer is received while the send is under way. */
    struct virtq_elem rx_elem, tx_elem;
    uint8_t frame[FRAME_MAX];
};

/* Put @len bytes of @buf into the next posted receive buffer. Returns
 * false if none is posted. */
static bool deliver(struct vnet *n, const uint8_t *buf, size_t len)
{
    struct virtio_dev *vdev = &n->vdev;
    uint8_t hdr[HDR_LEN];
    int r;

    r = virtq_pop(vdev, RXQ, &n->rx_elem);
    if (r < 0)
        vdev->status |= 0x40;           /* DEVICE_NEEDS_RESET */
    if (r <= 0)
        return false;
    if (n->rx_elem.in_len < HDR_LEN + len) {
        /* Too small (the driver must post room for a whole frame when
         * mergeable buffers are off): handed back with nothing in it. */
        virtq_push(vdev, RXQ, &n->rx_elem, 0);
        return true;
    }
    memset(hdr, 0, sizeof(hdr));
    hdr[10] = 1;                        /* num_buffers = 1 (little-endian) */
    virtq_write(vdev, &n->rx_elem, 0, hdr, HDR_LEN);
    virtq_write(vdev, &n->rx_elem, HDR_LEN, buf, len);
    virtq_push(vdev, RXQ, &n->rx_elem, (uint32_t)(HDR_LEN + len));
    return true;
}

/* Deliver waiting frames while there are receive buffers. */
static void flush_pending(struct vnet *n)
{
    bool any = false;

    while (n->npending && deliver(n, n->pending[n->first].data, n->pending[n->first].len)) {
        free(n->pending[n->first].data);
        n->first = (n->first + 1) % PENDING_MAX;
        n->npending--;
        any = true;
    }
    if (any)
        virtq_notify(&n->vdev, RXQ);
}

/* A frame for the guest: it waits in a short queue until the driver posts
 * a receive buffer; past PENDING_MAX waiting frames, new ones are dropped
 * (TCP retransmits). */
static void vnet_receive(void *opaque, const uint8_t *buf, size_t len)
{
    struct vnet *n = opaque;
    unsigned slot;

    if (!(n->vdev.status & VIRTIO_STATUS_DRIVER_OK) || n->npending == PENDING_MAX)
        return;
    slot = (n->first + n->npending) % PENDING_MAX;
    n->pending[slot].data = malloc(len ? len : 1);
    if (!n->pending[slot].data)
        die("out of memory");
    memcpy(n->pending[slot].data, buf, len);
    n->pending[slot].len = len;
    n->npending++;
    flush_pending(n);
}

/* Back to the initial state: waiting frames are dropped. */
static void vnet_reset(struct virtio_dev *vdev)
{
    struct vnet *n = (struct vnet *)vdev;

    while (n->npending) {
        free(n->pending[n->first].data);
        n->first = (n->first + 1) % PENDING_MAX;
        n->npending--;
    }
}

/* Send every frame queued on the transmit queue; the header's offload
 * fields are not offered, so it is skipped. */
static void vnet_transmit(struct vnet *n)
{
    struct virtio_dev *vdev = &n->vdev;
    bool any = false;
    int r;

    while ((r = virtq_pop(vdev, TXQ, &n->tx_elem)) > 0) {
        uint64_t len = n->tx_elem.out_len;

        if (len > HDR_LEN && len - HDR_LEN <= FRAME_MAX) {
            virtq_read(vdev, &n->tx_elem, HDR_LEN, n->frame, len - HDR_LEN);
            net_slirp_send(n->backend, n->frame, len - HDR_LEN);
        }
        virtq_push(vdev, TXQ, &n->tx_elem, 0);
        any = true;
    }
    if (r < 0)
        vdev->status |= 0x40;
    if (any)
        virtq_notify(vdev, TXQ);
}

static void vnet_handle(struct virtio_dev *vdev, unsigned q)
{
    if (q == TXQ)
        vnet_transmit((struct vnet *)vdev);
    else
        flush_pending((struct vnet *)vdev);
}

struct virtio_dev *virtio_net_create(struct net_slirp *backend, const uint8_t mac[6])
{
    struct vnet *n = calloc(1, sizeof(*n));

    if (!n)
        die("out of memory");
    n->backend = backend;
    memcpy(n->config, mac, 6);
    n->config[6] = VIRTIO_NET_S_LINK_UP;
    n->vdev.device_id = VIRTIO_NET_ID;
    n->vdev.host_features = UINT64_C(1) << VIRTIO_F_VERSION_1 |
                            UINT64_C(1) << VIRTIO_NET_F_MAC |
                            UINT64_C(1) << VIRTIO_NET_F_STATUS;
    n->vdev.nqueues = 2;
    n->vdev.queue_max = QUEUE_SIZE;
    n->vdev.config = n->config;
    n->vdev.config_len = CONFIG_LEN;
    n->vdev.handle = vnet_handle;
    n->vdev.reset = vnet_reset;
    net_slirp_attach(backend, vnet_receive, n);
    return &n->vdev;
}
