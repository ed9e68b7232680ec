/* libFuzzer harness: the virtio-ccw transport and the virtqueues of the
 * devices behind it (hw/virtio-ccw.c, hw/virtio.c, virtio-blk, -rng,
 * -console). Each input first brings one device to DRIVER_OK with queue 0 at
 * VRING (as Linux does: revision 1, VERSION_1, SET_VQ, status), then plays
 * its operations: 0 one virtio-ccw command with random flags, count and
 * data; 1 store bytes into the vring and buffer area; 2 notify a queue
 * (DIAGNOSE 0x500). */
#include <string.h>
#include "hw/doors.h"
#include "tests/fuzz/fuzz.h"

#define DATA    0x31000u        /* CCW data */
#define VRING   0x40000u        /* descriptors, avail ring, used ring, buffers */
#define QSIZE   8u

static const uint8_t commands[] = {
    0x13, 0x33, 0x43, 0x53, 0x73, 0x12, 0x11, 0x22, 0x21, 0x31, 0x32, 0x83, 0x72, 0x04, 0xe4,
};

/* Store the big-endian @v of @len bytes at @p. */
static void put_be(uint8_t *p, uint64_t v, unsigned len)
{
    for (unsigned i = 0; i < len; i++)
        p[i] = (uint8_t)(v >> (8 * (len - 1 - i)));
}

/* Bring subchannel @n's device to DRIVER_OK with queue 0 at VRING. */
static void setup(struct machine *m, unsigned n)
{
    uint8_t rev[4] = { 0, 1, 0, 0 };
    uint8_t feat[5] = { 0x01, 0, 0, 0, 1 };         /* VERSION_1 (bit 32) */
    uint8_t vq[32] = { 0 };
    uint8_t status;

    status = 0;
    fuzz_put(m, DATA, &status, 1);
    (void)fuzz_ccw(m, n, 0x31, 0, 1, DATA);         /* reset by status 0 */
    fuzz_put(m, DATA, rev, sizeof(rev));
    (void)fuzz_ccw(m, n, 0x83, 0, sizeof(rev), DATA);
    status = 0x03;
    fuzz_put(m, DATA, &status, 1);
    (void)fuzz_ccw(m, n, 0x31, 0, 1, DATA);
    fuzz_put(m, DATA, feat, sizeof(feat));
    (void)fuzz_ccw(m, n, 0x11, 0, sizeof(feat), DATA);
    put_be(vq, VRING, 8);                           /* descriptors */
    put_be(vq + 12, 0, 2);                          /* queue 0 */
    put_be(vq + 14, QSIZE, 2);
    put_be(vq + 16, VRING + 16 * QSIZE, 8);         /* avail */
    put_be(vq + 24, VRING + 0x1000, 8);             /* used */
    fuzz_put(m, DATA, vq, sizeof(vq));
    (void)fuzz_ccw(m, n, 0x13, 0, sizeof(vq), DATA);
    status = 0x0f;
    fuzz_put(m, DATA, &status, 1);
    (void)fuzz_ccw(m, n, 0x31, 0, 1, DATA);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct machine *m = fuzz_machine();
    size_t i = 1;
    unsigned n;

    if (size < 1)
        return 0;
    n = data[0] % FUZZ_NSCH;
    setup(m, n);
    while (i + 4 <= size) {
        unsigned op = data[i] % 3, len;

        switch (op) {
        case 0:                         /* cmd, flags, count; data follows */
            len = data[i + 3] % 64;
            if (i + 4 + len > size)
                return 0;
            fuzz_put(m, DATA, data + i + 4, len);
            (void)fuzz_ccw(m, n, data[i + 1] < 0xf0 ? commands[data[i + 1] % sizeof(commands)]
                                                    : data[i + 1],
                           data[i + 2] & 0xfc, (uint16_t)len, DATA);
            i += 4 + len;
            break;
        case 1:                         /* offset, length; bytes follow */
            len = data[i + 3];
            if (i + 4 + len > size)
                return 0;
            fuzz_put(m, VRING + ((uint32_t)data[i + 1] << 8 | data[i + 2]) % 0x2000,
                     data + i + 4, len);
            i += 4 + len;
            break;
        default:
            (void)door_virtio_notify(&m->cpus[0], fuzz_schid(n), data[i + 1] % 4,
                                     data[i + 2]);
            fuzz_drain(m);
            i += 4;
            break;
        }
    }
    m->cpus[0].irq_pending = 0;
    return 0;
}
