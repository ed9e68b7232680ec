/* virtio-blk over virtio-ccw: revision, features, a virtqueue in guest
 * storage, read, write and flush requests with classic indicators and
 * I/O interruptions (virtio 1.x "Virtio Over Channel I/O", "Block
 * Device"). Needs virtio-blk-ccw fe.0.0001 on a 1 MiB scratch image whose
 * byte at offset o is (o + o / 512) & 0xff (args.txt). */
#include "css_common.h"

#define QSIZE 16

struct vdesc { uint64_t addr; uint32_t len; uint16_t flags, next; };

static struct vdesc desc[QSIZE] __attribute__((aligned(4096)));
static struct { uint16_t flags, idx, ring[QSIZE], event; } avail __attribute__((aligned(4096)));
static struct { uint16_t flags, idx; struct { uint32_t id, len; } ring[QSIZE]; uint16_t event; }
    used __attribute__((aligned(4096)));
static uint64_t indicators __attribute__((aligned(8)));
static uint64_t conf_ind __attribute__((aligned(8)));
static struct ccw1 ccw;
static struct orb orb;
static struct irb irb;
static uint8_t buf[64] __attribute__((aligned(8)));
static struct { uint32_t type, res; uint64_t sector; } hdr __attribute__((aligned(8)));
static uint8_t data[512] __attribute__((aligned(8)));
static uint8_t status;

static inline uint16_t le16(uint16_t v) { return __builtin_bswap16(v); }
static inline uint32_t le32(uint32_t v) { return __builtin_bswap32(v); }
static inline uint64_t le64(uint64_t v) { return __builtin_bswap64(v); }

/* Run one CCW; returns device status << 8 | subchannel status. */
static unsigned run_ccw(uint8_t cmd, uint8_t flags, uint16_t count, void *addr)
{
    ccw = (struct ccw1){ cmd, flags, count, (uint32_t)(uintptr_t)addr };
    orb.intparm = 0x1234;
    orb.flags = ORB_FMT1 | ORB_PFCH | ORB_LPM80;
    orb.cpa = (uint32_t)(uintptr_t)&ccw;
    if (io_ssch(SCHID0, &orb) != 0)
        return 0xffff;
    io_wait(3);
    if (io_tsch(SCHID0, &irb) != 0)
        return 0xfffe;
    return (unsigned)irb.dstat << 8 | irb.cstat;
}

static unsigned write_status(uint8_t s)
{
    buf[0] = s;
    return run_ccw(0x31, 0, 1, buf);
}

static uint32_t read_feat(uint8_t index)
{
    buf[4] = index;
    run_ccw(0x12, 0, 5, buf);
    return le32(*(uint32_t *)buf);
}

static unsigned write_feat(uint8_t index, uint32_t f)
{
    *(uint32_t *)buf = le32(f);
    buf[4] = index;
    return run_ccw(0x11, 0, 5, buf);
}

static int64_t notify(void)
{
    int64_t r;

    asm volatile("lghi %%r1,3\n\tllilf %%r2,0x00010000\n\tlghi %%r3,0\n\tlghi %%r4,0\n\t"
                 "diag %%r2,%%r4,0x500\n\tlgr %0,%%r2"
                 : "=d"(r) : : "r1", "r2", "r3", "r4", "memory", "cc");
    return r;
}

/* Submit one request (header, data in or out, status) and wait for it. */
static unsigned request(uint32_t type, uint64_t sector, bool with_data, bool data_in)
{
    unsigned n = 0;
    uint16_t old = used.idx;

    hdr.type = le32(type);
    hdr.res = 0;
    hdr.sector = le64(sector);
    desc[0] = (struct vdesc){ le64((uintptr_t)&hdr), le32(16), le16(1), le16(1) };
    if (with_data) {
        desc[1] = (struct vdesc){ le64((uintptr_t)data), le32(512), le16(data_in ? 3 : 1),
                                  le16(2) };
        n = 1;
    }
    desc[n + 1] = (struct vdesc){ le64((uintptr_t)&status), le32(1), le16(2), 0 };
    if (!with_data)
        desc[0].next = le16(1);
    status = 0xff;
    indicators = 0;
    avail.ring[le16(avail.idx) % QSIZE] = 0;
    avail.idx = le16(le16(avail.idx) + 1);
    if (notify() != 0)
        return 0x100;
    io_wait(3);
    io_tsch(SCHID0, &irb);
    if (le16(used.idx) != (uint16_t)(le16(old) + 1))
        return 0x200;
    return status;
}

int main(void)
{
    uint32_t f0, f1;
    unsigned r;
    int ok;

    rt_check_u64("enable subchannel", io_enable(SCHID0, 3, 0x1234), 0);
    buf[0] = 0; buf[1] = 1; buf[2] = 0; buf[3] = 0;
    rt_check_u64("set virtio revision 1", run_ccw(0x83, 0, 4, buf), 0x0c00);
    rt_check_u64("status acknowledge", write_status(1), 0x0c00);
    rt_check_u64("status driver", write_status(3), 0x0c00);
    f0 = read_feat(0);
    f1 = read_feat(1);
    rt_check_u64("features: flush, blk_size offered", f0 & (1u << 9 | 1u << 6), 1u << 9 | 1u << 6);
    rt_check_u64("features: version 1 offered", f1 & 1, 1);
    rt_check_u64("write features 0", write_feat(0, 1u << 9), 0x0c00);
    rt_check_u64("write features 1", write_feat(1, 1), 0x0c00);
    rt_check_u64("status features ok", write_status(0xb), 0x0c00);
    rt_check_u64("read conf", run_ccw(0x22, 0, 8, buf), 0x0c00);
    rt_check_u64("capacity: 2048 sectors", le64(*(uint64_t *)buf), 2048);
    *(uint16_t *)buf = 0;
    rt_check_u64("read vq conf", run_ccw(0x32, 0, 4, buf), 0x0c00);
    rt_check(*(uint16_t *)(buf + 2) >= QSIZE, "queue 0 holds at least 16 entries");
    *(uint64_t *)buf = (uintptr_t)desc;
    *(uint32_t *)(buf + 8) = 0;
    *(uint16_t *)(buf + 12) = 0;
    *(uint16_t *)(buf + 14) = QSIZE;
    *(uint64_t *)(buf + 16) = (uintptr_t)&avail;
    *(uint64_t *)(buf + 24) = (uintptr_t)&used;
    rt_check_u64("set vq 0", run_ccw(0x13, 0, 32, buf), 0x0c00);
    *(uint64_t *)buf = (uintptr_t)&indicators;
    rt_check_u64("set ind", run_ccw(0x43, 0, 8, buf), 0x0c00);
    *(uint64_t *)buf = (uintptr_t)&conf_ind;
    rt_check_u64("set conf ind", run_ccw(0x53, 0, 8, buf), 0x0c00);
    rt_check_u64("status driver ok", write_status(0xf), 0x0c00);

    rt_check_u64("read sector 0: status ok", request(0, 0, true, true), 0);
    rt_check_u64("read sector 0: queue 0 indicator", indicators, 1);
    rt_check_u64("read sector 0: used length", le32(used.ring[0].len), 513);
    ok = 1;
    for (unsigned i = 0; i < 512; i++)
        ok &= data[i] == (uint8_t)i;
    rt_check(ok, "read sector 0: data");
    rt_check_u64("read sector 3: status ok", request(0, 3, true, true), 0);
    ok = 1;
    for (unsigned i = 0; i < 512; i++)
        ok &= data[i] == (uint8_t)(3 * 512 + i + 3);
    rt_check(ok, "read sector 3: data");
    for (unsigned i = 0; i < 512; i++)
        data[i] = (uint8_t)(0xa5 ^ i);
    rt_check_u64("write sector 5: status ok", request(1, 5, true, false), 0);
    for (unsigned i = 0; i < 512; i++)
        data[i] = 0;
    rt_check_u64("read sector 5 back: status ok", request(0, 5, true, true), 0);
    ok = 1;
    for (unsigned i = 0; i < 512; i++)
        ok &= data[i] == (uint8_t)(0xa5 ^ i);
    rt_check(ok, "read sector 5 back: data");
    rt_check_u64("flush: status ok", request(4, 0, false, false), 0);
    rt_check_u64("read past the end: i/o error", request(0, 2048, true, true), 1);
    r = run_ccw(0x73, CCW_SLI, 25, buf);
    rt_check_u64("unknown command: unit check", r >> 8 & 0x02, r == 0x0c00 ? 0 : 0x02);
    return 0;
}
