/* virtio-blk: a block device on a raw image file (virtio 1.x, "Block
 * Device"). Requests run to completion when the driver notifies. */
#define _GNU_SOURCE
#include "hw/virtio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util/die.h"

#define VIRTIO_BLK_ID            2
#define VIRTIO_BLK_F_SEG_MAX     2
#define VIRTIO_BLK_F_RO          5
#define VIRTIO_BLK_F_BLK_SIZE    6
#define VIRTIO_BLK_F_FLUSH       9

#define VIRTIO_BLK_T_IN      0
#define VIRTIO_BLK_T_OUT     1
#define VIRTIO_BLK_T_FLUSH   4
#define VIRTIO_BLK_T_GET_ID  8
#define VIRTIO_BLK_S_OK      0
#define VIRTIO_BLK_S_IOERR   1
#define VIRTIO_BLK_S_UNSUPP  2

#define SECTOR       512u
#define CONFIG_LEN   36u
#define QUEUE_SIZE   128u
#define ID_BYTES     20u
#define MAX_DISKS    16

struct vblk {
    struct virtio_dev vdev;
    int fd;
    bool readonly;
    uint64_t sectors;
    uint8_t config[CONFIG_LEN];
};

static struct vblk *disks[MAX_DISKS];
static unsigned ndisks;
static struct virtq_elem elem;
static uint8_t iobuf[1 << 16];

static void put_le(uint8_t *p, unsigned n, uint64_t v)
{
    for (unsigned i = 0; i < n; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* Move the data of an IN or OUT request between the chain and the image,
 * in pieces of iobuf's size. Returns the status byte; *written the bytes
 * stored into the chain. */
static uint8_t transfer(struct vblk *b, uint32_t type, uint64_t sector, uint32_t *written)
{
    uint64_t len = type == VIRTIO_BLK_T_IN ? elem.in_len - 1 : elem.out_len - 16;
    uint64_t off = sector * SECTOR;

    if (len % SECTOR || sector > b->sectors || len / SECTOR > b->sectors - sector)
        return VIRTIO_BLK_S_IOERR;
    if (type == VIRTIO_BLK_T_OUT && b->readonly)
        return VIRTIO_BLK_S_IOERR;
    for (uint64_t done = 0; done < len;) {
        size_t n = len - done < sizeof(iobuf) ? (size_t)(len - done) : sizeof(iobuf);

        if (type == VIRTIO_BLK_T_IN) {
            if (pread(b->fd, iobuf, n, (off_t)(off + done)) != (ssize_t)n)
                return VIRTIO_BLK_S_IOERR;
            virtq_write(&b->vdev, &elem, done, iobuf, n);
            *written += (uint32_t)n;
        } else {
            virtq_read(&b->vdev, &elem, 16 + done, iobuf, n);
            if (pwrite(b->fd, iobuf, n, (off_t)(off + done)) != (ssize_t)n)
                return VIRTIO_BLK_S_IOERR;
        }
        done += n;
    }
    return VIRTIO_BLK_S_OK;
}

/* Execute the request in elem; returns the bytes written into the chain. */
static uint32_t request(struct vblk *b)
{
    uint8_t hdr[16], status = VIRTIO_BLK_S_OK;
    uint32_t type, written = 0;
    uint64_t sector = 0;

    if (elem.out_len < 16 || elem.in_len < 1)
        return 0;
    virtq_read(&b->vdev, &elem, 0, hdr, 16);
    type = (uint32_t)hdr[0] | (uint32_t)hdr[1] << 8 | (uint32_t)hdr[2] << 16 |
           (uint32_t)hdr[3] << 24;
    for (unsigned i = 8; i-- > 0;)
        sector = sector << 8 | hdr[8 + i];
    switch (type) {
    case VIRTIO_BLK_T_IN:
    case VIRTIO_BLK_T_OUT:
        status = transfer(b, type, sector, &written);
        break;
    case VIRTIO_BLK_T_FLUSH:
        if (!b->readonly && fdatasync(b->fd) != 0)
            status = VIRTIO_BLK_S_IOERR;
        break;
    case VIRTIO_BLK_T_GET_ID: {
        uint8_t id[ID_BYTES];

        memset(id, 0, sizeof(id));      /* no serial number */
        written = (uint32_t)virtq_write(&b->vdev, &elem, 0, id,
                                        elem.in_len - 1 < ID_BYTES ? elem.in_len - 1 : ID_BYTES);
        break;
    }
    default:
        status = VIRTIO_BLK_S_UNSUPP;
        break;
    }
    virtq_write(&b->vdev, &elem, elem.in_len - 1, &status, 1);
    return written + 1;
}

static void blk_handle(struct virtio_dev *vdev, unsigned q)
{
    struct vblk *b = (struct vblk *)vdev;
    bool any = false;
    int r;

    while ((r = virtq_pop(vdev, q, &elem)) > 0) {
        virtq_push(vdev, q, &elem, request(b));
        any = true;
    }
    if (r < 0)
        vdev->status |= 0x40;           /* DEVICE_NEEDS_RESET */
    if (any)
        virtq_notify(vdev, q);
}

struct virtio_dev *virtio_blk_create(const char *path, bool readonly)
{
    struct vblk *b = calloc(1, sizeof(*b));
    struct flock lk = { .l_type = readonly ? F_RDLCK : F_WRLCK, .l_whence = SEEK_SET };
    struct stat st;

    if (!b)
        die("out of memory");
    if (ndisks >= MAX_DISKS)
        die("-drive %s: at most %d disks", path, MAX_DISKS);
    b->fd = open(path, readonly ? O_RDONLY : O_RDWR);
    if (b->fd < 0)
        die("-drive file=%s: %s", path, strerror(errno));
    if (fcntl(b->fd, F_SETLK, &lk) != 0)
        die("-drive file=%s: the image is in use by another process (lock: %s)", path,
            strerror(errno));
    if (fstat(b->fd, &st) != 0)
        die("-drive file=%s: %s", path, strerror(errno));
    b->readonly = readonly;
    b->sectors = (uint64_t)st.st_size / SECTOR;
    put_le(b->config, 8, b->sectors);                 /* capacity */
    put_le(b->config + 12, 4, 126);                   /* seg_max */
    put_le(b->config + 20, 4, SECTOR);                /* blk_size */
    b->vdev.device_id = VIRTIO_BLK_ID;
    b->vdev.host_features = UINT64_C(1) << VIRTIO_F_VERSION_1 |
                            UINT64_C(1) << VIRTIO_BLK_F_SEG_MAX |
                            UINT64_C(1) << VIRTIO_BLK_F_BLK_SIZE |
                            UINT64_C(1) << VIRTIO_BLK_F_FLUSH |
                            (readonly ? UINT64_C(1) << VIRTIO_BLK_F_RO : 0);
    b->vdev.nqueues = 1;
    b->vdev.queue_max = QUEUE_SIZE;
    b->vdev.config = b->config;
    b->vdev.config_len = CONFIG_LEN;
    b->vdev.handle = blk_handle;
    disks[ndisks++] = b;
    return &b->vdev;
}

void virtio_blk_close_all(void)
{
    for (unsigned i = 0; i < ndisks; i++) {
        if (!disks[i]->readonly)
            fsync(disks[i]->fd);
        close(disks[i]->fd);
    }
    ndisks = 0;
}
