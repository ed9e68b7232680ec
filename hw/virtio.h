/* Virtio devices (virtio 1.x, split virtqueues) independent of the
 * transport: queue state, taking and returning descriptor chains, and the
 * small interface a device implements. */
#ifndef SIEVE_HW_VIRTIO_H
#define SIEVE_HW_VIRTIO_H

#include <stdbool.h>
#include <stdint.h>
#include "mmu/storage.h"

#define VIRTIO_MAX_QUEUES   8
#define VIRTQ_MAX_SIZE      256
#define VIRTIO_F_VERSION_1  32

/* Device status bits. */
#define VIRTIO_STATUS_ACKNOWLEDGE  0x01
#define VIRTIO_STATUS_DRIVER       0x02
#define VIRTIO_STATUS_DRIVER_OK    0x04
#define VIRTIO_STATUS_FEATURES_OK  0x08
#define VIRTIO_STATUS_FAILED       0x80

struct virtq {
    uint16_t num;           /* entries; 0 = not set up */
    uint64_t desc, avail, used;
    uint16_t last_avail;    /* next avail-ring index to take */
};

/* One taken descriptor chain: device-readable segments, then writable ones. */
struct virtq_elem {
    uint16_t head;
    unsigned nout, nin;
    struct { uint64_t addr; uint32_t len; } out[VIRTQ_MAX_SIZE], in[VIRTQ_MAX_SIZE];
    uint64_t out_len, in_len;
};

struct virtio_dev {
    uint16_t device_id;         /* 2 = block */
    uint64_t host_features;
    uint64_t guest_features;
    uint8_t status;
    unsigned nqueues;
    uint16_t queue_max;
    struct virtq vq[VIRTIO_MAX_QUEUES];
    struct storage *mem;
    uint8_t *config;            /* device configuration space (little-endian fields) */
    uint32_t config_len;
    /* Device: process queue @q after a notification. */
    void (*handle)(struct virtio_dev *vdev, unsigned q);
    /* Device: back to the initial state (status 0). */
    void (*reset)(struct virtio_dev *vdev);
    /* Transport: a used buffer is there on queue @q. */
    void (*notify)(struct virtio_dev *vdev, unsigned q);
    void *transport;
};

/* Reset the common state (status, features, queues) and the device's. */
void virtio_reset(struct virtio_dev *vdev);
/* Take the next available chain of queue @q. Returns 1 with *elem filled,
 * 0 if the ring is empty, -1 if the chain is malformed (the device is then
 * marked as needing reset and the queue stops). */
int virtq_pop(struct virtio_dev *vdev, unsigned q, struct virtq_elem *elem);
/* Return @elem with @len bytes written to the used ring of queue @q. */
void virtq_push(struct virtio_dev *vdev, unsigned q, const struct virtq_elem *elem, uint32_t len);
/* Tell the driver about used buffers on @q unless it asked not to. */
void virtq_notify(struct virtio_dev *vdev, unsigned q);
/* Copy @len bytes at offset @off of the chain's readable (out) or
 * writable (in) part. Return the bytes copied. */
uint64_t virtq_read(struct virtio_dev *vdev, const struct virtq_elem *e, uint64_t off, void *buf,
                    uint64_t len);
uint64_t virtq_write(struct virtio_dev *vdev, const struct virtq_elem *e, uint64_t off,
                     const void *buf, uint64_t len);

/* virtio-blk (hw/virtio-blk.c): a raw image file, opened read-write (or
 * read-only) and locked against a second user. Dies on failure. */
struct virtio_dev *virtio_blk_create(const char *path, bool readonly);
/* Flush and close every image (clean shutdown). */
void virtio_blk_close_all(void);

struct machine;
struct net_slirp;
/* virtio-net (hw/virtio-net.c) with MAC address @mac on @backend. */
struct virtio_dev *virtio_net_create(struct net_slirp *backend, const uint8_t mac[6]);
/* virtio-console (hw/virtio-console.c): one port writing to @out_fd and
 * reading @in_fd (either -1 for none) through a source of @m. */
struct virtio_dev *virtio_console_create(struct machine *m, int in_fd, int out_fd);
/* virtio-rng (hw/virtio-rng.c): random bytes from getrandom(2). */
struct virtio_dev *virtio_rng_create(void);

#endif
