/* Driver side of virtio-ccw for the virtio device tests: channel commands
 * on subchannel 0.0.0000, feature negotiation, split virtqueues in guest
 * storage and DIAGNOSE 0x500 notifications (virtio 1.x "Virtio Over
 * Channel I/O"). Everything in a virtqueue is little-endian. */
#ifndef VIRTIO_COMMON_H
#define VIRTIO_COMMON_H

#include "css_common.h"

#define VQ_SIZE 16
#define VRING_DESC_F_NEXT  1
#define VRING_DESC_F_WRITE 2

struct vdesc { uint64_t addr; uint32_t len; uint16_t flags, next; };

struct vring {
    unsigned num;           /* entries in use: min(VQ_SIZE, the device's maximum) */
    struct vdesc desc[VQ_SIZE] __attribute__((aligned(4096)));
    struct { uint16_t flags, idx, ring[VQ_SIZE], event; } avail __attribute__((aligned(4096)));
    struct { uint16_t flags, idx; struct { uint32_t id, len; } ring[VQ_SIZE]; uint16_t event; }
        used __attribute__((aligned(4096)));
};

static inline uint16_t le16(uint16_t v) { return __builtin_bswap16(v); }
static inline uint32_t le32(uint32_t v) { return __builtin_bswap32(v); }
static inline uint64_t le64(uint64_t v) { return __builtin_bswap64(v); }

static struct ccw1 vccw;
static struct orb vorb;
static struct irb virb;
static uint8_t vbuf[64] __attribute__((aligned(8)));
static uint64_t vindicators __attribute__((aligned(8)));

/* Run one CCW; returns device status << 8 | subchannel status. */
static inline unsigned vio_ccw(uint8_t cmd, uint8_t flags, uint16_t count, void *addr)
{
    vccw = (struct ccw1){ cmd, flags, count, (uint32_t)(uintptr_t)addr };
    vorb.intparm = 0x1234;
    vorb.flags = ORB_FMT1 | ORB_PFCH | ORB_LPM80;
    vorb.cpa = (uint32_t)(uintptr_t)&vccw;
    if (io_ssch(SCHID0, &vorb) != 0)
        return 0xffff;
    io_wait(3);
    if (io_tsch(SCHID0, &virb) != 0)
        return 0xfffe;
    return (unsigned)virb.dstat << 8 | virb.cstat;
}

static inline unsigned vio_status(uint8_t s)
{
    vbuf[0] = s;
    return vio_ccw(0x31, 0, 1, vbuf);
}

static inline uint32_t vio_read_feat(uint8_t index)
{
    vbuf[4] = index;
    vio_ccw(0x12, 0, 5, vbuf);
    return le32(*(uint32_t *)vbuf);
}

static inline unsigned vio_write_feat(uint8_t index, uint32_t f)
{
    *(uint32_t *)vbuf = le32(f);
    vbuf[4] = index;
    return vio_ccw(0x11, 0, 5, vbuf);
}

/* Revision 1, ACKNOWLEDGE, DRIVER; returns the offered feature bits 0-63. */
static inline uint64_t vio_start(void)
{
    uint64_t f;

    rt_check_u64("enable subchannel", io_enable(SCHID0, 3, 0x1234), 0);
    vbuf[0] = 0; vbuf[1] = 1; vbuf[2] = 0; vbuf[3] = 0;
    rt_check_u64("set virtio revision 1", vio_ccw(0x83, 0, 4, vbuf), 0x0c00);
    rt_check_u64("status acknowledge", vio_status(1), 0x0c00);
    rt_check_u64("status driver", vio_status(3), 0x0c00);
    f = vio_read_feat(0);
    return f | (uint64_t)vio_read_feat(1) << 32;
}

/* Accept @features, then FEATURES_OK. */
static inline void vio_features(uint64_t features)
{
    rt_check_u64("write features 0", vio_write_feat(0, (uint32_t)features), 0x0c00);
    rt_check_u64("write features 1", vio_write_feat(1, (uint32_t)(features >> 32)), 0x0c00);
    rt_check_u64("status features ok", vio_status(0xb), 0x0c00);
}

/* Hand queue @q in @r to the device. */
static inline void vio_set_vq(unsigned q, struct vring *r)
{
    *(uint16_t *)vbuf = (uint16_t)q;
    rt_check_u64("read vq conf", vio_ccw(0x32, 0, 4, vbuf), 0x0c00);
    rt_check(*(uint16_t *)(vbuf + 2) >= 8, "queue holds at least 8 entries");
    r->num = *(uint16_t *)(vbuf + 2) < VQ_SIZE ? *(uint16_t *)(vbuf + 2) : VQ_SIZE;
    *(uint64_t *)vbuf = (uintptr_t)r->desc;
    *(uint32_t *)(vbuf + 8) = 0;
    *(uint16_t *)(vbuf + 12) = (uint16_t)q;
    *(uint16_t *)(vbuf + 14) = (uint16_t)r->num;
    *(uint64_t *)(vbuf + 16) = (uintptr_t)&r->avail;
    *(uint64_t *)(vbuf + 24) = (uintptr_t)&r->used;
    rt_check_u64("set vq", vio_ccw(0x13, 0, 32, vbuf), 0x0c00);
}

/* Classic indicators, then DRIVER_OK. */
static inline void vio_ready(void)
{
    *(uint64_t *)vbuf = (uintptr_t)&vindicators;
    rt_check_u64("set ind", vio_ccw(0x43, 0, 8, vbuf), 0x0c00);
    rt_check_u64("status driver ok", vio_status(0xf), 0x0c00);
}

/* Make descriptor @d of @r one buffer and offer it (not yet notified). */
static inline void vio_post(struct vring *r, unsigned d, void *addr, uint32_t len, bool writable)
{
    uint16_t idx = le16(r->avail.idx);

    r->desc[d] = (struct vdesc){ le64((uintptr_t)addr), le32(len),
                                 le16(writable ? VRING_DESC_F_WRITE : 0), 0 };
    r->avail.ring[idx % r->num] = le16((uint16_t)d);
    asm volatile("bcr 14,0" : : : "memory");
    r->avail.idx = le16((uint16_t)(idx + 1));
}

/* DIAGNOSE 0x500 subcode 3: kick queue @q of subchannel 0.0.0000. */
static inline int64_t vio_notify(unsigned q)
{
    register uint64_t r1 asm("1") = 3;
    register uint64_t r2 asm("2") = SCHID0;
    register uint64_t r3 asm("3") = q;
    register uint64_t r4 asm("4") = 0;

    asm volatile("diag %%r2,%%r4,0x500" : "+d"(r2) : "d"(r1), "d"(r3), "d"(r4) : "memory", "cc");
    return (int64_t)r2;
}

/* Wait (at most @tries I/O interruptions) until the used index of @r
 * passes @seen. Returns true if it did. */
static inline bool vio_wait_used(struct vring *r, uint16_t seen, unsigned tries)
{
    for (unsigned i = 0; i < tries; i++) {
        if (*(volatile uint16_t *)&r->used.idx != le16(seen))
            return true;
        io_wait(3);
        io_tsch(SCHID0, &virb);
    }
    return *(volatile uint16_t *)&r->used.idx != le16(seen);
}

#endif
