/* virtio-net over virtio-ccw (virtio 1.x "Network Device") on a user-mode
 * (libslirp) network 10.0.2.0/24: features, the MAC and link status in the
 * configuration space, receive buffers, and two exchanges with the virtual
 * gateway: an ARP request for 10.0.2.2 and a DHCP DISCOVER that must bring
 * an OFFER of 10.0.2.15. Frames carry the 12-byte virtio_net_hdr
 * (VIRTIO_F_VERSION_1). Needs virtio-net-ccw on fe.0.0001 (args.txt). */
#include "virtio_common.h"

#define F_MAC     5
#define F_STATUS  16
#define HDR       12
#define NRX       8
#define BUFSZ     1536

static struct vring rxq, txq;
static uint8_t rxbuf[NRX][BUFSZ] __attribute__((aligned(8)));
static uint8_t txbuf[HDR + 342] __attribute__((aligned(8)));
static uint16_t rx_seen, tx_seen;
static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
static const uint8_t gw_ip[4] = { 10, 0, 2, 2 }, my_ip[4] = { 10, 0, 2, 15 };

static uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }

/* Ethernet header from us to @dst of type @type at @p (after the virtio header). */
static uint8_t *eth(const uint8_t *dst, uint16_t type)
{
    uint8_t *p = txbuf + HDR;

    memset(txbuf, 0, sizeof(txbuf));
    memcpy(p, dst, 6);
    memcpy(p + 6, mac, 6);
    put16(p + 12, type);
    return p + 14;
}

/* Send the first @len bytes of txbuf (virtio header included). */
static void transmit(const char *what, uint32_t len)
{
    vio_post(&txq, 0, txbuf, len, false);
    rt_checkf(vio_notify(1) == 0, "%s: notify transmitq", what);
    rt_checkf(vio_wait_used(&txq, tx_seen, 8), "%s: transmitted", what);
    tx_seen++;
}

/* Repost receive buffer @d. */
static void repost(unsigned d)
{
    vio_post(&rxq, d, rxbuf[d], BUFSZ, true);
    vio_notify(0);
}

/* Wait for a received frame that @match accepts; other frames are dropped.
 * Returns the frame (after the virtio header) or NULL; *len its length. */
static const uint8_t *receive(bool (*match)(const uint8_t *f, uint32_t len), uint32_t *len)
{
    static uint8_t frame[BUFSZ];

    for (unsigned tries = 0; tries < 16; tries++) {
        if (!vio_wait_used(&rxq, rx_seen, 4))
            return NULL;
        while (le16(*(volatile uint16_t *)&rxq.used.idx) != rx_seen) {
            unsigned d = le32(rxq.used.ring[rx_seen % rxq.num].id);
            uint32_t n = le32(rxq.used.ring[rx_seen % rxq.num].len);
            bool ok = d < NRX && n >= HDR && n <= BUFSZ;

            rx_seen++;
            if (ok) {
                memcpy(frame, rxbuf[d] + HDR, n - HDR);
                *len = n - HDR;
            }
            if (d < NRX)
                repost(d);
            if (ok && match(frame, *len))
                return frame;
        }
    }
    return NULL;
}

static bool is_arp_reply(const uint8_t *f, uint32_t len)
{
    return len >= 42 && be16(f + 12) == 0x0806 && be16(f + 20) == 2;
}

static bool is_dhcp(const uint8_t *f, uint32_t len)
{
    return len >= 14 + 20 + 8 + 240 && be16(f + 12) == 0x0800 && f[23] == 17 &&
           be16(f + 34) == 67 && be16(f + 36) == 68;
}

static void arp(void)
{
    uint8_t *p = eth(bcast, 0x0806);
    const uint8_t *r;
    uint32_t len = 0;

    put16(p, 1);            /* Ethernet */
    put16(p + 2, 0x0800);   /* IPv4 */
    p[4] = 6;
    p[5] = 4;
    put16(p + 6, 1);        /* request */
    memcpy(p + 8, mac, 6);
    memcpy(p + 14, my_ip, 4);
    memcpy(p + 24, gw_ip, 4);
    transmit("arp", HDR + 14 + 28);
    r = receive(is_arp_reply, &len);
    if (!rt_check(r != NULL, "arp: reply received")) {
        for (int i = 0; i < 5; i++)
            rt_skip("arp reply", "none received");
        return;
    }
    rt_check_mem("arp: to our MAC", r, mac, 6);
    rt_check_u64("arp: hardware and protocol", (uint64_t)be16(r + 14) << 16 | be16(r + 16),
                 0x00010800);
    rt_check_mem("arp: sender is 10.0.2.2", r + 28, gw_ip, 4);
    rt_check_mem("arp: target is us", r + 32, mac, 6);
    rt_check_mem("arp: target ip 10.0.2.15", r + 38, my_ip, 4);
}

/* The Internet checksum of @n bytes at @p. */
static uint16_t ip_sum(const uint8_t *p, unsigned n)
{
    uint32_t s = 0;

    for (unsigned i = 0; i < n; i += 2)
        s += be16(p + i);
    while (s >> 16)
        s = (s & 0xffff) + (s >> 16);
    return (uint16_t)~s;
}

/* The value of DHCP option @code in the options at @o (@n bytes), or -1. */
static int dhcp_option(const uint8_t *o, uint32_t n, uint8_t code)
{
    for (uint32_t i = 0; i < n && o[i] != 255;) {
        if (o[i] == 0) {
            i++;
            continue;
        }
        if (i + 2 >= n)
            break;
        if (o[i] == code)
            return o[i + 2];
        i += 2u + o[i + 1];
    }
    return -1;
}

static void dhcp(void)
{
    uint8_t *ip = eth(bcast, 0x0800), *udp = ip + 20, *bp = udp + 8;
    const uint8_t *r;
    uint32_t len = 0, blen = 300;

    bp[0] = 1;                      /* BOOTREQUEST */
    bp[1] = 1;
    bp[2] = 6;
    memcpy(bp + 4, "\x5e\x1e\x7a\x11", 4);      /* xid */
    put16(bp + 10, 0x8000);         /* broadcast */
    memcpy(bp + 28, mac, 6);
    memcpy(bp + 236, "\x63\x82\x53\x63", 4);    /* magic cookie */
    memcpy(bp + 240, "\x35\x01\x01\xff", 4);    /* DHCPDISCOVER, end */
    put16(udp, 68);
    put16(udp + 2, 67);
    put16(udp + 4, (uint16_t)(8 + blen));
    ip[0] = 0x45;
    put16(ip + 2, (uint16_t)(20 + 8 + blen));
    ip[8] = 64;
    ip[9] = 17;
    memset(ip + 16, 0xff, 4);
    put16(ip + 10, ip_sum(ip, 20));
    transmit("dhcp", HDR + 14 + 20 + 8 + blen);
    r = receive(is_dhcp, &len);
    if (!rt_check(r != NULL, "dhcp: reply received")) {
        for (int i = 0; i < 6; i++)
            rt_skip("dhcp reply", "none received");
        return;
    }
    bp = (uint8_t *)r + 14 + 20 + 8;
    /* The broadcast flag asks for a broadcast reply (RFC 2131 4.1). */
    rt_check_mem("dhcp: broadcast", r, bcast, 6);
    rt_check_u64("dhcp: BOOTREPLY", bp[0], 2);
    rt_check_mem("dhcp: same xid", bp + 4, "\x5e\x1e\x7a\x11", 4);
    rt_check_mem("dhcp: offers 10.0.2.15", bp + 16, my_ip, 4);
    rt_check_mem("dhcp: magic cookie", bp + 236, "\x63\x82\x53\x63", 4);
    rt_check_u64("dhcp: message type OFFER", (uint64_t)dhcp_option(bp + 240, len - 282, 53), 2);
}

int main(void)
{
    uint64_t f = vio_start(), want;

    want = UINT64_C(1) << 32 | 1u << F_MAC | 1u << F_STATUS;
    rt_check_u64("features: version 1, mac, status offered", f & want, want);
    vio_features(want);
    rt_check_u64("read conf", vio_ccw(0x22, 0, 8, vbuf), 0x0c00);
    rt_check_mem("config: default MAC 52:54:00:12:34:56", vbuf, mac, 6);
    rt_check_u64("config: link up", vbuf[6] | vbuf[7] << 8, 1);
    vio_set_vq(0, &rxq);
    vio_set_vq(1, &txq);
    vio_ready();
    for (unsigned d = 0; d < NRX; d++)
        vio_post(&rxq, d, rxbuf[d], BUFSZ, true);
    rt_check_u64("notify receiveq", (uint64_t)vio_notify(0), 0);
    arp();
    dhcp();
    return 0;
}
