/* virtio-console over virtio-ccw (virtio 1.x "Console Device") without
 * the multiport feature: port 0 on receiveq 0 and transmitq 1. The line
 * sent goes to the chardev, which args.txt points at stdout, so the runner
 * sees it between the TAP lines. Needs virtio-serial-ccw on fe.0.0001 with
 * a virtconsole (args.txt). Input: virtio_console_input. */
#include "virtio_common.h"

static struct vring rxq, txq;
static uint8_t rxbuf[64];
static const char line[] = "# virtio console: hello from port 0\n";

int main(void)
{
    uint64_t f = vio_start();
    int64_t r;
    bool done;

    rt_check_u64("features: version 1 offered", f >> 32 & 1, 1);
    vio_features(UINT64_C(1) << 32);
    vio_set_vq(0, &rxq);
    vio_set_vq(1, &txq);
    vio_ready();
    vio_post(&rxq, 0, rxbuf, sizeof(rxbuf), true);
    rt_check_u64("notify receiveq", (uint64_t)vio_notify(0), 0);
    rt_check_u64("no input", le16(rxq.used.idx), 0);

    rt_flush();
    vio_post(&txq, 0, (void *)line, sizeof(line) - 1, false);
    /* Nothing is printed until the line is back: the order of the two
     * outputs is then fixed. */
    r = vio_notify(1);
    done = vio_wait_used(&txq, 0, 8);
    rt_check_u64("notify transmitq", (uint64_t)r, 0);
    rt_check(done, "line transmitted");
    rt_check_u64("used: descriptor 0", le32(txq.used.ring[0].id), 0);
    rt_check_u64("used: nothing written", le32(txq.used.ring[0].len), 0);
    rt_check_u64("transmitq indicator", vindicators & 2, 2);
    return 0;
}
