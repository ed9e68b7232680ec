/* The virtio-ccw transport: a virtio device behind an I/O subchannel,
 * configured with channel commands and kicked with DIAGNOSE 0x500.
 * Command layouts: virtio 1.x, "Virtio Over Channel I/O" (big-endian
 * except the feature bits); what Linux sends: LINUX-BOOT.md 6.5-6.6. */
#include "hw/virtio-ccw.h"

#include <stdlib.h>
#include <string.h>
#include "hw/css.h"
#include "hw/doors.h"
#include "util/bits.h"
#include "util/die.h"

#define VIRTIO_CCW_CU_TYPE  0x3832

#define CCW_CMD_SET_VQ          0x13
#define CCW_CMD_VDEV_RESET      0x33
#define CCW_CMD_SET_IND         0x43
#define CCW_CMD_SET_CONF_IND    0x53
#define CCW_CMD_SET_IND_ADAPTER 0x73
#define CCW_CMD_READ_FEAT       0x12
#define CCW_CMD_WRITE_FEAT      0x11
#define CCW_CMD_READ_CONF       0x22
#define CCW_CMD_WRITE_CONF      0x21
#define CCW_CMD_WRITE_STATUS    0x31
#define CCW_CMD_READ_VQ_CONF    0x32
#define CCW_CMD_SET_VIRTIO_REV  0x83
#define CCW_CMD_READ_STATUS     0x72

#define EINVAL_RC  (-22)

struct virtio_ccw {
    struct ccw_device ccw;      /* first: the subsystem hands this back */
    struct virtio_dev *vdev;
    int revision;               /* -1 until SET_VIRTIO_REV */
    uint64_t ind;               /* classic queue indicators (64 bits) */
    uint64_t conf_ind;          /* configuration-change indicator */
};

/* Read exactly @n bytes of the data area; false if it is shorter. */
static bool get(struct ccw_req *req, void *buf, uint32_t n)
{
    return req->count >= n && ccw_read(req, css_storage(), buf, n) == n;
}

static void set_bits(uint64_t addr, uint64_t bits)
{
    struct storage *mem = css_storage();
    uint8_t b[8];

    if (!addr || !storage_valid(mem, addr, 8))
        return;
    storage_read_abs(mem, addr, b, 8);
    st_be64(b, ld_be64(b) | bits);
    storage_write_abs(mem, addr, b, 8);
}

static void vccw_notify(struct virtio_dev *vdev, unsigned q)
{
    struct virtio_ccw *v = vdev->transport;

    if (!v->ind)
        return;
    set_bits(v->ind, UINT64_C(1) << q);
    css_device_interrupt(&v->ccw);
}

static void vccw_reset(struct virtio_ccw *v)
{
    virtio_reset(v->vdev);
    v->ind = 0;
    v->conf_ind = 0;
}

/* SET_VQ, revision 1 layout: descriptor table (8), reserved (4), index
 * (2), size (2), available ring (8), used ring (8). */
static enum ccw_result set_vq(struct virtio_ccw *v, struct ccw_req *req)
{
    struct virtio_dev *vdev = v->vdev;
    uint8_t b[32];
    unsigned idx, num;

    if (v->revision < 1 || !get(req, b, 32))
        return CCW_PROGRAM_CHECK;
    idx = ld_be16(b + 12);
    num = ld_be16(b + 14);
    if (idx >= vdev->nqueues || num > vdev->queue_max)
        return CCW_PROGRAM_CHECK;
    if (!ld_be64(b)) {
        memset(&vdev->vq[idx], 0, sizeof(vdev->vq[idx]));
        return CCW_OK;
    }
    if (num == 0 || (num & (num - 1)))
        return CCW_PROGRAM_CHECK;
    vdev->vq[idx].desc = ld_be64(b);
    vdev->vq[idx].avail = ld_be64(b + 16);
    vdev->vq[idx].used = ld_be64(b + 24);
    vdev->vq[idx].num = (uint16_t)num;
    vdev->vq[idx].last_avail = 0;
    return CCW_OK;
}

/* READ_FEAT / WRITE_FEAT: features (4, little-endian), index (1). */
static enum ccw_result features(struct virtio_ccw *v, struct ccw_req *req, bool write)
{
    struct virtio_dev *vdev = v->vdev;
    uint8_t b[5];
    uint32_t f;
    unsigned sh;

    if (!get(req, b, 5))
        return CCW_PROGRAM_CHECK;
    sh = b[4] * 32;
    if (write) {
        if (b[4] < 2) {
            f = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
                (uint32_t)b[3] << 24;
            vdev->guest_features &= ~(UINT64_C(0xffffffff) << sh);
            vdev->guest_features |= ((uint64_t)f << sh) & vdev->host_features;
        }
        return CCW_OK;
    }
    f = b[4] < 2 ? (uint32_t)(vdev->host_features >> sh) : 0;
    b[0] = (uint8_t)f;
    b[1] = (uint8_t)(f >> 8);
    b[2] = (uint8_t)(f >> 16);
    b[3] = (uint8_t)(f >> 24);
    req->pos = 0;
    ccw_write(req, css_storage(), b, 5);
    return CCW_OK;
}

static enum ccw_result vccw_command(struct ccw_device *dev, struct ccw_req *req)
{
    struct virtio_ccw *v = (struct virtio_ccw *)dev;
    struct virtio_dev *vdev = v->vdev;
    uint8_t b[8];
    uint32_t n;

    switch (req->cmd) {
    case CCW_CMD_SET_VIRTIO_REV:
        if (!get(req, b, 4))
            return CCW_PROGRAM_CHECK;
        /* Revisions 1 and 2 (no payload); revision 0 (legacy) is not offered. */
        if (vdev->status || ld_be16(b) < 1 || ld_be16(b) > 2 || ld_be16(b + 2) != 0)
            return CCW_REJECT;
        v->revision = ld_be16(b);
        return CCW_OK;
    case CCW_CMD_VDEV_RESET:
        vccw_reset(v);
        return CCW_OK;
    case CCW_CMD_READ_FEAT:
        return features(v, req, false);
    case CCW_CMD_WRITE_FEAT:
        return features(v, req, true);
    case CCW_CMD_WRITE_STATUS:
        if (!get(req, b, 1))
            return CCW_PROGRAM_CHECK;
        if (b[0] == 0)
            vccw_reset(v);
        else
            vdev->status = b[0];
        return CCW_OK;
    case CCW_CMD_READ_STATUS:
        if (v->revision < 2)
            return CCW_REJECT;
        ccw_write(req, css_storage(), &vdev->status, 1);
        return CCW_OK;
    case CCW_CMD_READ_CONF:
        n = req->count < vdev->config_len ? req->count : vdev->config_len;
        ccw_write(req, css_storage(), vdev->config, n);
        return CCW_OK;
    case CCW_CMD_WRITE_CONF:
        /* No writable configuration field is offered: the data is taken. */
        req->pos = req->count < vdev->config_len ? req->count : vdev->config_len;
        return CCW_OK;
    case CCW_CMD_READ_VQ_CONF:
        if (!get(req, b, 2))
            return CCW_PROGRAM_CHECK;
        if (ld_be16(b) >= VIRTIO_MAX_QUEUES)
            return CCW_PROGRAM_CHECK;
        st_be16(b + 2, ld_be16(b) < vdev->nqueues ? vdev->queue_max : 0);
        req->pos = 0;
        ccw_write(req, css_storage(), b, 4);
        return CCW_OK;
    case CCW_CMD_SET_VQ:
        return set_vq(v, req);
    case CCW_CMD_SET_IND:
        if (!get(req, b, 8))
            return CCW_PROGRAM_CHECK;
        v->ind = ld_be64(b);
        return CCW_OK;
    case CCW_CMD_SET_CONF_IND:
        if (!get(req, b, 8))
            return CCW_PROGRAM_CHECK;
        v->conf_ind = ld_be64(b);
        return CCW_OK;
    default:    /* including SET_IND_ADAPTER: adapter interruptions are not offered */
        return CCW_REJECT;
    }
}

/* Clear reset: the device and the transport as after power-on. */
static void vccw_clear_reset(struct ccw_device *dev)
{
    struct virtio_ccw *v = (struct virtio_ccw *)dev;

    vccw_reset(v);
    v->revision = -1;
}

void virtio_ccw_attach(struct virtio_dev *vdev, int devno)
{
    struct virtio_ccw *v = calloc(1, sizeof(*v));

    if (!v)
        die("out of memory");
    v->vdev = vdev;
    v->revision = -1;
    v->ccw.cu_type = VIRTIO_CCW_CU_TYPE;
    v->ccw.cu_model = (uint8_t)vdev->device_id;
    v->ccw.command = vccw_command;
    v->ccw.reset = vccw_clear_reset;
    vdev->transport = v;
    vdev->notify = vccw_notify;
    vdev->mem = css_storage();
    css_attach(&v->ccw, devno);
}

int64_t door_virtio_notify(struct cpu *cpu, uint32_t schid, uint64_t queue, uint64_t cookie)
{
    struct ccw_device *dev = css_find_device(schid);
    struct virtio_ccw *v;

    if (!dev || dev->cu_type != VIRTIO_CCW_CU_TYPE)
        return EINVAL_RC;
    v = (struct virtio_ccw *)dev;
    if (queue >= v->vdev->nqueues)
        return EINVAL_RC;
    if (v->vdev->vq[queue].num && v->vdev->handle)
        v->vdev->handle(v->vdev, (unsigned)queue);
    return 0;
}
