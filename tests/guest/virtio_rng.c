/* virtio-rng over virtio-ccw (virtio 1.x "Entropy Device"): one request
 * queue whose device-writable buffers come back full of random bytes.
 * Needs virtio-rng-ccw on fe.0.0001 (args.txt). */
#include "virtio_common.h"

static struct vring rq;
static uint8_t a[64], b[64];

static bool all_zero(const uint8_t *p, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

int main(void)
{
    uint64_t f = vio_start();

    rt_check_u64("features: version 1 offered", f >> 32 & 1, 1);
    vio_features(UINT64_C(1) << 32);
    vio_set_vq(0, &rq);
    vio_ready();

    vio_post(&rq, 0, a, sizeof(a), true);
    rt_check_u64("notify queue 0", (uint64_t)vio_notify(0), 0);
    rt_check(vio_wait_used(&rq, 0, 8), "first request used");
    rt_check_u64("first request: descriptor 0", le32(rq.used.ring[0].id), 0);
    rt_check_u64("first request: 64 bytes", le32(rq.used.ring[0].len), 64);
    rt_check_u64("queue 0 indicator", vindicators, 1);
    vio_post(&rq, 1, b, sizeof(b), true);
    rt_check_u64("notify again", (uint64_t)vio_notify(0), 0);
    rt_check(vio_wait_used(&rq, 1, 8), "second request used");
    rt_check_u64("second request: descriptor 1", le32(rq.used.ring[1].id), 1);
    rt_check_u64("second request: 64 bytes", le32(rq.used.ring[1].len), 64);
    rt_check(!all_zero(a, 64), "first 64 bytes not all zero");
    rt_check(!all_zero(b, 64), "second 64 bytes not all zero");
    rt_check(memcmp(a, b, 64) != 0, "the two requests differ");
    return 0;
}
