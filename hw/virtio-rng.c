/* virtio-rng: an entropy source (virtio 1.x, "Entropy Device"): every
 * device-writable buffer on requestq 0 comes back full of bytes from the
 * host's getrandom(2). */
#include "hw/virtio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include "util/die.h"

#define VIRTIO_RNG_ID  4
#define QUEUE_SIZE     8u       /* as qemu's */

static struct virtq_elem elem;

/* Fill the writable part of elem; returns the bytes written. */
static uint32_t fill(struct virtio_dev *vdev)
{
    uint8_t buf[256];
    uint64_t done = 0;

    while (done < elem.in_len) {
        size_t n = elem.in_len - done < sizeof(buf) ? (size_t)(elem.in_len - done) : sizeof(buf);
        ssize_t got = getrandom(buf, n, 0);

        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        virtq_write(vdev, &elem, done, buf, (uint64_t)got);
        done += (uint64_t)got;
    }
    return (uint32_t)done;
}

static void rng_handle(struct virtio_dev *vdev, unsigned q)
{
    bool any = false;
    int r;

    while ((r = virtq_pop(vdev, q, &elem)) > 0) {
        virtq_push(vdev, q, &elem, fill(vdev));
        any = true;
    }
    if (r < 0)
        vdev->status |= 0x40;           /* DEVICE_NEEDS_RESET */
    if (any)
        virtq_notify(vdev, q);
}

struct virtio_dev *virtio_rng_create(void)
{
    struct virtio_dev *vdev = calloc(1, sizeof(*vdev));

    if (!vdev)
        die("out of memory");
    vdev->device_id = VIRTIO_RNG_ID;
    vdev->host_features = UINT64_C(1) << VIRTIO_F_VERSION_1;
    vdev->nqueues = 1;
    vdev->queue_max = QUEUE_SIZE;
    vdev->handle = rng_handle;
    return vdev;
}
