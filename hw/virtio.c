/* Split virtqueues (virtio 1.x, "Split Virtqueues"): descriptor table,
 * available ring, used ring, all little-endian in guest absolute storage. */
#include "hw/virtio.h"

#include <string.h>

#define VRING_DESC_F_NEXT      1
#define VRING_DESC_F_WRITE     2
#define VRING_DESC_F_INDIRECT  4
#define VRING_AVAIL_F_NO_INTERRUPT 1

static bool ld_le(struct virtio_dev *vdev, uint64_t a, unsigned n, uint64_t *v)
{
    uint8_t b[8];

    if (!storage_valid(vdev->mem, a, n))
        return false;
    storage_read_abs(vdev->mem, a, b, n);
    *v = 0;
    for (unsigned i = n; i-- > 0;)
        *v = *v << 8 | b[i];
    return true;
}

static bool st_le(struct virtio_dev *vdev, uint64_t a, unsigned n, uint64_t v)
{
    uint8_t b[8];

    if (!storage_valid(vdev->mem, a, n))
        return false;
    for (unsigned i = 0; i < n; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    storage_write_abs(vdev->mem, a, b, n);
    return true;
}

void virtio_reset(struct virtio_dev *vdev)
{
    vdev->status = 0;
    vdev->guest_features = 0;
    memset(vdev->vq, 0, sizeof(vdev->vq));
    if (vdev->reset)
        vdev->reset(vdev);
}

int virtq_pop(struct virtio_dev *vdev, unsigned q, struct virtq_elem *e)
{
    struct virtq *vq = &vdev->vq[q];
    uint64_t idx, head, a, flags = VRING_DESC_F_NEXT, next;

    if (q >= vdev->nqueues || !vq->num)
        return 0;
    if (!ld_le(vdev, vq->avail + 2, 2, &idx))
        return -1;
    if ((uint16_t)idx == vq->last_avail)
        return 0;
    if (!ld_le(vdev, vq->avail + 4 + 2 * (vq->last_avail % vq->num), 2, &head) || head >= vq->num)
        return -1;
    vq->last_avail++;
    e->head = (uint16_t)head;
    e->nout = e->nin = 0;
    e->out_len = e->in_len = 0;
    next = head;
    /* At most num descriptors: a looping chain ends as malformed. */
    for (unsigned n = 0; flags & VRING_DESC_F_NEXT; n++) {
        uint64_t addr, len;

        if (n >= vq->num || next >= vq->num)
            return -1;
        a = vq->desc + 16 * next;
        if (!ld_le(vdev, a, 8, &addr) || !ld_le(vdev, a + 8, 4, &len) ||
            !ld_le(vdev, a + 12, 2, &flags) || !ld_le(vdev, a + 14, 2, &next))
            return -1;
        if ((flags & VRING_DESC_F_INDIRECT) || !storage_valid(vdev->mem, addr, len))
            return -1;
        if (flags & VRING_DESC_F_WRITE) {
            e->in[e->nin].addr = addr;
            e->in[e->nin++].len = (uint32_t)len;
            e->in_len += len;
        } else {
            if (e->nin)
                return -1;      /* readable after writable */
            e->out[e->nout].addr = addr;
            e->out[e->nout++].len = (uint32_t)len;
            e->out_len += len;
        }
    }
    return 1;
}

void virtq_push(struct virtio_dev *vdev, unsigned q, const struct virtq_elem *e, uint32_t len)
{
    struct virtq *vq = &vdev->vq[q];
    uint64_t idx;

    if (!ld_le(vdev, vq->used + 2, 2, &idx))
        return;
    if (!st_le(vdev, vq->used + 4 + 8 * (idx % vq->num), 4, e->head) ||
        !st_le(vdev, vq->used + 8 + 8 * (idx % vq->num), 4, len))
        return;
    st_le(vdev, vq->used + 2, 2, (uint16_t)(idx + 1));
}

void virtq_notify(struct virtio_dev *vdev, unsigned q)
{
    uint64_t flags;

    if (!ld_le(vdev, vdev->vq[q].avail, 2, &flags) || (flags & VRING_AVAIL_F_NO_INTERRUPT))
        return;
    if (vdev->notify)
        vdev->notify(vdev, q);
}

uint64_t virtq_read(struct virtio_dev *vdev, const struct virtq_elem *e, uint64_t off, void *buf,
                    uint64_t len)
{
    uint8_t *out = buf;
    uint64_t done = 0;

    for (unsigned i = 0; i < e->nout && done < len; i++) {
        uint64_t n;

        if (off >= e->out[i].len) {
            off -= e->out[i].len;
            continue;
        }
        n = e->out[i].len - off;
        if (n > len - done)
            n = len - done;
        storage_read_abs(vdev->mem, e->out[i].addr + off, out + done, n);
        done += n;
        off = 0;
    }
    return done;
}

uint64_t virtq_write(struct virtio_dev *vdev, const struct virtq_elem *e, uint64_t off,
                     const void *buf, uint64_t len)
{
    const uint8_t *in = buf;
    uint64_t done = 0;

    for (unsigned i = 0; i < e->nin && done < len; i++) {
        uint64_t n;

        if (off >= e->in[i].len) {
            off -= e->in[i].len;
            continue;
        }
        n = e->in[i].len - off;
        if (n > len - done)
            n = len - done;
        storage_write_abs(vdev->mem, e->in[i].addr + off, in + done, n);
        done += n;
        off = 0;
    }
    return done;
}
