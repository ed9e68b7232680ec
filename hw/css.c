/* The channel subsystem: subchannels and their SCHIBs, the start, halt and
 * clear functions, channel programs (format-0 and format-1 CCWs, data and
 * command chaining, IDAWs), interruption-response blocks and the queue of
 * pending I/O interruptions. PoO chapters 13 "I/O Overview", 14 "I/O
 * Instructions", 15 "Basic I/O Functions", 16 "I/O Interruptions". */
#include "hw/css.h"

#include <stddef.h>
#include <string.h>
#include "cpu/cpu.h"
#include "cpu/trace.h"
#include "hw/doors.h"
#include "util/bits.h"
#include "util/die.h"

/* SCSW function, activity and status control (the halfword at byte 2). */
#define FCTL_START        0x4000
#define FCTL_HALT         0x2000
#define FCTL_CLEAR        0x1000
#define FCTL_MASK         0x7000
#define ACTL_RESUME_PEND  0x0800
#define ACTL_START_PEND   0x0400
#define ACTL_HALT_PEND    0x0200
#define ACTL_CLEAR_PEND   0x0100
#define ACTL_SUSPENDED    0x0020
#define ACTL_MASK         0x0fe0
#define STCTL_ALERT       0x0010
#define STCTL_INTERMEDIATE 0x0008
#define STCTL_PRIMARY     0x0004
#define STCTL_SECONDARY   0x0002
#define STCTL_PENDING     0x0001
#define STCTL_MASK        0x001f

/* SCSW flags halfword (byte 0). */
#define SFLAG_ESWF        0x0400    /* L: ESW format (extended status stored) */
#define SFLAG_ECTL        0x0002    /* E: extended control (ECW meaningful) */
#define SFLAG_ORB_BITS    0xf0f8    /* key, F, P, I, A, U copied from the ORB */

/* PMCW flags halfword and characteristics word. */
#define PMCW_ISC          0x3800
#define PMCW_ENABLED      0x0080
#define PMCW_LM           0x0060
#define PMCW_MM           0x0018
#define PMCW_MULTIPATH    0x0004
#define PMCW_TIMING       0x0002
#define PMCW_DNV          0x0001
#define PMCW_FLAGS_RESERVED 0xc700
#define PMCW_CHARS_ST     0x00e00000u
#define PMCW_CHARS_MBFC   0x4u
#define PMCW_CHARS_XMWME  0x2u
#define PMCW_CHARS_CSENSE 0x1u

/* ORB word 1. */
#define ORB_KEY           0xf0000000u
#define ORB_SUSPEND       0x08000000u
#define ORB_FORMAT1       0x00800000u
#define ORB_C64           0x00020000u   /* format-2 (64-bit) IDAWs */
#define ORB_I2K           0x00010000u   /* 2 KiB IDAW blocks */
#define ORB_LPM           0x0000ff00u
#define ORB_MIDAW         0x00000040u
#define ORB_RESERVED      (0x00040000u | 0x0000003eu)
#define ORB_EXTENDED      0x00000001u

/* CCW flags. */
#define CCW_CD            0x80
#define CCW_CC            0x40
#define CCW_SLI           0x20
#define CCW_SKIP          0x10
#define CCW_PCI           0x08
#define CCW_IDA           0x04
#define CCW_SUSPEND       0x02
#define CCW_MIDA          0x01

/* Generic commands. */
#define CMD_TIC           0x08
#define CMD_NOOP          0x03
#define CMD_SENSE         0x04
#define CMD_SENSE_ID      0xe4

#define SENSE_SIZE        32
#define SENSE_ID_SIZE     256
#define SENSE_CMD_REJECT  0x80
#define CHAIN_LIMIT       65536u    /* CCWs per channel program before giving up */

struct subchannel {
    bool present;
    uint16_t schno;
    struct ccw_device *dev;
    /* PMCW */
    uint32_t intparm;
    uint16_t pmcw_flags;
    uint16_t devno;
    uint8_t lpm, lpum, pim, pom, pam;
    uint16_t mbi;
    uint32_t chars;
    uint64_t mba;
    /* SCSW */
    uint16_t scsw_flags;
    uint16_t ctrl;
    uint32_t cpa;
    uint8_t dstat, cstat;
    uint16_t count;
    /* The channel program (for resume) and the ORB it came from. */
    uint32_t orb_flags;
    uint64_t ccw_addr;
    uint8_t sense[SENSE_SIZE];
    /* Pending I/O interruption: queue position (0 = none). */
    uint64_t irq_seq;
};

static struct {
    struct machine *m;
    struct subchannel sch[CSS_MAX_SUBCHANNELS];
    unsigned nsch;
    uint64_t seq;
    bool mss;                   /* multiple subchannel sets enabled (CHSC SDA) */
    uint32_t crw;               /* pending channel report word, 0 if none */
    struct ccw_req req;         /* the command being executed */
} css;

void css_init(struct machine *m)
{
    css.m = m;
}

struct storage *css_storage(void)
{
    return &css.m->mem;
}

static unsigned sch_isc(const struct subchannel *s)
{
    return (s->pmcw_flags & PMCW_ISC) >> 11;
}

/* Recompute the pending ISCs and tell every CPU. */
static void update_cpus(void)
{
    uint8_t mask = 0;

    for (unsigned i = 0; i < css.nsch; i++)
        if (css.sch[i].irq_seq)
            mask |= (uint8_t)(0x80 >> sch_isc(&css.sch[i]));
    for (unsigned i = 0; i < css.m->ncpus; i++)
        cpu_set_io_pending(&css.m->cpus[i], mask);
}

/* Make an I/O interruption pending for @s (PoO 16, "I/O Interruptions"). */
static void post_interrupt(struct subchannel *s)
{
    if (!s->irq_seq)
        s->irq_seq = ++css.seq;
    update_cpus();
}

static void clear_interrupt(struct subchannel *s)
{
    if (s->irq_seq) {
        s->irq_seq = 0;
        update_cpus();
    }
}

static uint32_t sch_id(const struct subchannel *s)
{
    return 0x00010000u | s->schno;
}

/* The subchannel for @schid, or NULL (cc 3). */
static struct subchannel *lookup(uint32_t schid)
{
    unsigned ssid = (schid >> 17) & 3;
    unsigned n = schid & 0xffff;

    if (ssid != 0 || n >= css.nsch || !css.sch[n].present)
        return NULL;
    return &css.sch[n];
}

/* Not operational for the functions: not a valid device, or not enabled. */
static struct subchannel *lookup_enabled(uint32_t schid)
{
    struct subchannel *s = lookup(schid);

    if (!s || !(s->pmcw_flags & PMCW_DNV) || !(s->pmcw_flags & PMCW_ENABLED))
        return NULL;
    return s;
}

uint32_t css_schid(const struct ccw_device *dev)
{
    return sch_id(dev->sch);
}

struct ccw_device *css_find_device(uint32_t schid)
{
    struct subchannel *s = lookup(schid);

    return s ? s->dev : NULL;
}

void css_attach(struct ccw_device *dev, int devno)
{
    struct subchannel *s;

    if (css.nsch >= CSS_MAX_SUBCHANNELS)
        die("too many channel-attached devices (at most %d)", CSS_MAX_SUBCHANNELS);
    if (devno < 0) {
        devno = 0;
        for (unsigned i = 0; i < css.nsch; i++)
            if (css.sch[i].devno >= devno)
                devno = css.sch[i].devno + 1;
    }
    for (unsigned i = 0; i < css.nsch; i++)
        if (css.sch[i].devno == devno)
            die("device number fe.0.%04x is used twice", (unsigned)devno);
    s = &css.sch[css.nsch];
    memset(s, 0, sizeof(*s));
    s->present = true;
    s->schno = (uint16_t)css.nsch++;
    s->dev = dev;
    s->devno = (uint16_t)devno;
    s->pmcw_flags = PMCW_DNV;
    s->pim = 0x80;
    s->pam = 0x80;
    s->pom = 0xff;
    dev->sch = s;
}

void css_reset(void)
{
    for (unsigned i = 0; i < css.nsch; i++) {
        struct subchannel *s = &css.sch[i];
        struct ccw_device *dev = s->dev;
        uint16_t schno = s->schno, devno = s->devno;

        memset(s, 0, sizeof(*s));
        s->present = true;
        s->schno = schno;
        s->dev = dev;
        s->devno = devno;
        s->pmcw_flags = PMCW_DNV;
        s->pim = 0x80;
        s->pam = 0x80;
        s->pom = 0xff;
        if (dev->reset)
            dev->reset(dev);
    }
    css.mss = false;
    css.crw = 0;
    update_cpus();
}

/* ---- Channel programs ---------------------------------------------- */

uint32_t ccw_read(struct ccw_req *req, struct storage *mem, void *buf, uint32_t len)
{
    uint8_t *out = buf;
    uint32_t done = 0, off = 0;

    for (unsigned i = 0; i < req->nseg && done < len; i++) {
        const struct ccw_segment *sg = &req->seg[i];

        if (req->pos >= off + sg->len) {
            off += sg->len;
            continue;
        }
        uint32_t skip = req->pos - off;
        uint32_t n = sg->len - skip;

        if (n > len - done)
            n = len - done;
        storage_read_abs(mem, sg->addr + skip, out + done, n);
        done += n;
        req->pos += n;
        off += sg->len;
    }
    return done;
}

uint32_t ccw_write(struct ccw_req *req, struct storage *mem, const void *buf, uint32_t len)
{
    const uint8_t *in = buf;
    uint32_t done = 0, off = 0;

    for (unsigned i = 0; i < req->nseg && done < len; i++) {
        const struct ccw_segment *sg = &req->seg[i];

        if (req->pos >= off + sg->len) {
            off += sg->len;
            continue;
        }
        uint32_t skip = req->pos - off;
        uint32_t n = sg->len - skip;

        if (n > len - done)
            n = len - done;
        if (!sg->skip)
            storage_write_abs(mem, sg->addr + skip, in + done, n);
        done += n;
        req->pos += n;
        off += sg->len;
    }
    return done;
}

/* A decoded CCW. */
struct ccw {
    uint8_t cmd, flags;
    uint16_t count;
    uint32_t addr;
};

/* Fetch the CCW at @addr in the subchannel's format. False: program check. */
static bool fetch_ccw(struct subchannel *s, uint64_t addr, struct ccw *c)
{
    uint8_t b[8];

    if ((addr & 7) || !storage_valid(&css.m->mem, addr, 8))
        return false;
    storage_read_abs(&css.m->mem, addr, b, 8);
    if (s->orb_flags & ORB_FORMAT1) {
        c->cmd = b[0];
        c->flags = b[1];
        c->count = ld_be16(b + 2);
        c->addr = ld_be32(b + 4);
        if (c->addr & 0x80000000u)
            return false;
    } else {
        c->cmd = b[0];
        c->addr = (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
        c->flags = b[4];
        c->count = ld_be16(b + 6);
    }
    return true;
}

/* Add the data area of @c (direct or through IDAWs) to @req. */
static bool add_data(struct subchannel *s, struct ccw_req *req, const struct ccw *c)
{
    struct storage *mem = &css.m->mem;
    uint32_t left = c->count;
    uint64_t idaw_addr = c->addr;
    uint32_t block = (s->orb_flags & ORB_I2K) ? 2048 : 4096;
    bool first = true;

    if (c->flags & CCW_MIDA)
        return false;           /* MIDAWs are not offered */
    if (!(c->flags & CCW_IDA)) {
        if (left && !storage_valid(mem, c->addr, left))
            return false;
        if (req->nseg >= CCW_MAX_SEGMENTS)
            return false;
        req->seg[req->nseg++] = (struct ccw_segment){ c->addr, left, (c->flags & CCW_SKIP) != 0 };
        req->count += left;
        return true;
    }
    while (left) {
        unsigned wsize = (s->orb_flags & ORB_C64) ? 8 : 4;
        uint8_t w[8];
        uint64_t a;
        uint32_t n;

        if ((idaw_addr & (wsize - 1)) || !storage_valid(mem, idaw_addr, wsize))
            return false;
        storage_read_abs(mem, idaw_addr, w, wsize);
        a = wsize == 8 ? ld_be64(w) : ld_be32(w);
        if (wsize == 4 && (a & 0x80000000u))
            return false;
        /* Every IDAW but the first designates the start of a block. */
        if (!first && (a & (block - 1)))
            return false;
        n = block - (uint32_t)(a & (block - 1));
        if (n > left)
            n = left;
        if (!storage_valid(mem, a, n) || req->nseg >= CCW_MAX_SEGMENTS)
            return false;
        req->seg[req->nseg++] = (struct ccw_segment){ a, n, (c->flags & CCW_SKIP) != 0 };
        req->count += n;
        left -= n;
        idaw_addr += wsize;
        first = false;
    }
    return true;
}

/* The generic commands every device answers. */
static enum ccw_result generic_command(struct subchannel *s, struct ccw_req *req, bool *handled)
{
    uint8_t buf[SENSE_ID_SIZE];

    *handled = true;
    switch (req->cmd) {
    case CMD_NOOP:
        return CCW_OK;
    case CMD_SENSE:
        ccw_write(req, &css.m->mem, s->sense, SENSE_SIZE);
        memset(s->sense, 0, sizeof(s->sense));
        return CCW_OK;
    case CMD_SENSE_ID:
        memset(buf, 0, sizeof(buf));
        buf[0] = req->count >= 4 ? 0xff : 0;
        st_be16(buf + 1, s->dev->cu_type);
        buf[3] = s->dev->cu_model;
        ccw_write(req, &css.m->mem, buf, SENSE_ID_SIZE);
        return CCW_OK;
    default:
        *handled = false;
        return CCW_OK;
    }
}

/* End the start function with @dstat/@cstat, the residual count of the last
 * command and the CCW address @next (PoO 16, "Subchannel-Status Word"). */
static void end_start(struct subchannel *s, uint8_t dstat, uint8_t cstat, uint32_t next,
                      uint16_t residual)
{
    s->ctrl &= (uint16_t)~(ACTL_MASK | STCTL_MASK);
    s->ctrl |= STCTL_PRIMARY | STCTL_SECONDARY | STCTL_PENDING;
    if ((dstat & ~(DSTAT_CHANNEL_END | DSTAT_DEVICE_END)) || cstat)
        s->ctrl |= STCTL_ALERT;
    s->dstat = dstat;
    s->cstat = cstat;
    s->cpa = next;
    s->count = residual;
    s->lpum = 0x80;
    if (unlikely(trace_mask_all & TR_IO))
        trace_event_cold(NULL, "io", "end schid=%08x dstat=%02x cstat=%02x cpa=%08x count=%u",
                         sch_id(s), dstat, cstat, next, residual);
    if (unlikely(trace_mask_all & TR_GUEST_ERRORS) && (cstat & CSTAT_PROGRAM_CHECK))
        trace_event_cold(NULL, "guest_errors", "channel-program check schid=%08x near ccw %08x",
                         sch_id(s), next - 8);
}

/* Run the channel program from s->ccw_addr to its end, a check, or a
 * suspension. */
static void run_program(struct subchannel *s)
{
    struct ccw_req *req = &css.req;
    uint64_t addr = s->ccw_addr;
    bool last_tic = false;

    for (unsigned n = 0; n < CHAIN_LIMIT; n++) {
        struct ccw c;
        enum ccw_result r;
        bool handled;
        uint8_t flags;

        if (!fetch_ccw(s, addr, &c)) {
            end_start(s, 0, CSTAT_PROGRAM_CHECK, (uint32_t)addr + 8, 0);
            return;
        }
        if ((c.cmd & 0x0f) == CMD_TIC) {
            /* Two TICs in a row, or a TIC with a command code, are invalid. */
            if (last_tic || (c.cmd & 0xf0) || ((s->orb_flags & ORB_FORMAT1) && c.flags)) {
                end_start(s, 0, CSTAT_PROGRAM_CHECK, (uint32_t)addr + 8, 0);
                return;
            }
            last_tic = true;
            addr = c.addr;
            continue;
        }
        last_tic = false;
        if ((c.cmd & 0x0f) == 0) {
            end_start(s, 0, CSTAT_PROGRAM_CHECK, (uint32_t)addr + 8, 0);
            return;
        }
        if (c.flags & CCW_SUSPEND) {
            if (!(s->orb_flags & ORB_SUSPEND)) {
                end_start(s, 0, CSTAT_PROGRAM_CHECK, (uint32_t)addr + 8, 0);
                return;
            }
            s->ccw_addr = addr;
            s->ctrl = (uint16_t)((s->ctrl & ~ACTL_MASK) | ACTL_SUSPENDED);
            return;
        }
        if (!(s->orb_flags & ORB_FORMAT1) && c.count == 0) {
            end_start(s, 0, CSTAT_PROGRAM_CHECK, (uint32_t)addr + 8, 0);
            return;
        }
        memset(req, 0, offsetof(struct ccw_req, seg));
        req->cmd = c.cmd;
        if (!add_data(s, req, &c)) {
            end_start(s, 0, CSTAT_PROGRAM_CHECK, (uint32_t)addr + 8, c.count);
            return;
        }
        flags = c.flags;
        /* Data chaining: the following CCWs extend the data area. */
        while (flags & CCW_CD) {
            struct ccw d;

            if (++n >= CHAIN_LIMIT)
                break;
            addr += 8;
            if (!fetch_ccw(s, addr, &d)) {
                end_start(s, 0, CSTAT_PROGRAM_CHECK, (uint32_t)addr + 8, 0);
                return;
            }
            if ((d.cmd & 0x0f) == CMD_TIC && !(d.cmd & 0xf0)) {
                /* A TIC between data-chained CCWs: continue at its target. */
                addr = d.addr;
                if (!fetch_ccw(s, addr, &d) || ((d.cmd & 0x0f) == CMD_TIC)) {
                    end_start(s, 0, CSTAT_PROGRAM_CHECK, (uint32_t)addr + 8, 0);
                    return;
                }
            }
            if (d.count == 0 || !add_data(s, req, &d)) {
                end_start(s, 0, CSTAT_PROGRAM_CHECK, (uint32_t)addr + 8, 0);
                return;
            }
            flags = d.flags;
        }
        req->sli = (flags & CCW_SLI) != 0;
        if (unlikely(trace_mask_all & TR_IO))
            trace_event_cold(NULL, "io", "ccw %08llx cmd=%02x flags=%02x count=%u",
                             (unsigned long long)addr, c.cmd, flags, req->count);
        r = generic_command(s, req, &handled);
        if (!handled)
            r = s->dev->command(s->dev, req);
        if (r == CCW_REJECT) {
            memset(s->sense, 0, sizeof(s->sense));
            s->sense[0] = SENSE_CMD_REJECT;
            end_start(s, DSTAT_CHANNEL_END | DSTAT_DEVICE_END | DSTAT_UNIT_CHECK, 0,
                      (uint32_t)addr + 8, (uint16_t)req->count);
            return;
        }
        if (r == CCW_PROGRAM_CHECK) {
            end_start(s, 0, CSTAT_PROGRAM_CHECK, (uint32_t)addr + 8, (uint16_t)req->count);
            return;
        }
        if (req->pos != req->count && !req->sli) {
            end_start(s, DSTAT_CHANNEL_END | DSTAT_DEVICE_END, CSTAT_INCORRECT_LEN,
                      (uint32_t)addr + 8, (uint16_t)(req->count - req->pos));
            return;
        }
        if (!(flags & CCW_CC)) {
            end_start(s, DSTAT_CHANNEL_END | DSTAT_DEVICE_END, 0, (uint32_t)addr + 8,
                      (uint16_t)(req->count - req->pos));
            return;
        }
        addr += 8;
    }
    end_start(s, 0, CSTAT_PROGRAM_CHECK, (uint32_t)addr + 8, 0);
}

/* ---- The I/O instructions' channel-subsystem side -------------------- */

bool door_css_ssid_ok(struct cpu *cpu, unsigned ssid)
{
    return ssid == 0 || css.mss;
}

int door_ssch(struct cpu *cpu, uint32_t schid, const uint8_t *orb)
{
    struct subchannel *s = lookup_enabled(schid);
    uint32_t w1 = ld_be32(orb + 4);

    /* Reserved ORB bits, MIDAWs (not offered) and CPA bit 0: operand exception. */
    if ((w1 & (ORB_RESERVED | ORB_MIDAW)) || (ld_be32(orb + 8) & 0x80000000u))
        return -1;
    if (!s)
        return 3;
    if (s->ctrl & STCTL_PENDING)
        return 1;
    if (s->ctrl & FCTL_MASK)
        return 2;
    if (unlikely(cpu->trace & TR_IO))
        trace_event_cold(cpu, "io", "ssch schid=%08x intparm=%08x flags=%08x cpa=%08x", schid,
                         ld_be32(orb), w1, ld_be32(orb + 8));
    s->intparm = ld_be32(orb);
    s->orb_flags = w1;
    s->ccw_addr = ld_be32(orb + 8) & 0x7fffffffu;
    s->ctrl = FCTL_START | ACTL_START_PEND;
    s->scsw_flags = (uint16_t)((w1 >> 16) & SFLAG_ORB_BITS);
    s->dstat = s->cstat = 0;
    if (!(w1 & ORB_LPM & ((uint32_t)s->pam << 8))) {
        /* No path the ORB allows: deferred condition code 3. */
        s->scsw_flags |= 0x0300;
        s->ctrl = FCTL_START | STCTL_ALERT | STCTL_PENDING;
    } else {
        run_program(s);
    }
    if (s->ctrl & STCTL_PENDING)
        post_interrupt(s);
    return 0;
}

static void put_schib(const struct subchannel *s, uint8_t *b)
{
    memset(b, 0, SCHIB_SIZE);
    st_be32(b, s->intparm);
    st_be16(b + 4, s->pmcw_flags);
    st_be16(b + 6, s->devno);
    b[8] = s->lpm;
    b[9] = 0;
    b[10] = s->lpum;
    b[11] = s->pim;
    st_be16(b + 12, s->mbi);
    b[14] = s->pom;
    b[15] = s->pam;
    b[16] = 0x00;               /* CHPID 0 */
    st_be32(b + 24, s->chars);
    st_be16(b + 28, s->scsw_flags);
    st_be16(b + 30, s->ctrl);
    st_be32(b + 32, s->cpa);
    b[36] = s->dstat;
    b[37] = s->cstat;
    st_be16(b + 38, s->count);
    st_be64(b + 40, s->mba);
}

unsigned door_stsch(struct cpu *cpu, uint32_t schid, uint8_t *schib)
{
    struct subchannel *s = lookup(schid);

    if (!s)
        return 3;
    put_schib(s, schib);
    return 0;
}

int door_msch(struct cpu *cpu, uint32_t schid, const uint8_t *b)
{
    struct subchannel *s = lookup(schid);
    uint16_t flags = ld_be16(b + 4);
    uint32_t chars = ld_be32(b + 24);

    if ((flags & PMCW_FLAGS_RESERVED) ||
        (chars & ~(PMCW_CHARS_ST | PMCW_CHARS_MBFC | PMCW_CHARS_CSENSE)))
        return -1;
    if (!s)
        return 3;
    if (!(s->pmcw_flags & PMCW_DNV))
        return 0;
    if (s->ctrl & STCTL_PENDING)
        return 1;
    if (s->ctrl & FCTL_MASK)
        return 2;
    s->intparm = ld_be32(b);
    s->pmcw_flags = (uint16_t)((s->pmcw_flags & ~(PMCW_ISC | PMCW_ENABLED | PMCW_LM | PMCW_MM |
                                                  PMCW_MULTIPATH)) |
                               (flags & (PMCW_ISC | PMCW_ENABLED | PMCW_LM | PMCW_MM |
                                         PMCW_MULTIPATH)));
    s->lpm = b[8];
    s->mbi = ld_be16(b + 12);
    s->pom = b[14];
    s->chars = (s->chars & ~(PMCW_CHARS_MBFC | PMCW_CHARS_CSENSE)) |
               (chars & (PMCW_CHARS_MBFC | PMCW_CHARS_CSENSE));
    s->mba = ld_be64(b + 40);
    return 0;
}

unsigned door_tsch(struct cpu *cpu, uint32_t schid, uint8_t *irb)
{
    struct subchannel *s = lookup(schid);
    uint16_t st;

    if (!s || !(s->pmcw_flags & (PMCW_DNV | PMCW_ENABLED)))
        return 3;
    st = s->ctrl & STCTL_MASK;
    memset(irb, 0, IRB_SIZE);
    st_be16(irb, s->scsw_flags);
    st_be16(irb + 2, s->ctrl);
    st_be32(irb + 4, s->cpa);
    irb[8] = s->dstat;
    irb[9] = s->cstat;
    st_be16(irb + 10, s->count);
    if (st & STCTL_PENDING) {
        st_be32(irb + 12, (uint32_t)s->lpum << 16);   /* ESW format 0: LPUM */
        if ((s->dstat & DSTAT_UNIT_CHECK) && (s->chars & PMCW_CHARS_CSENSE)) {
            st_be16(irb, (uint16_t)(ld_be16(irb) | SFLAG_ESWF | SFLAG_ECTL));
            st_be32(irb + 16, 0x01000000u | (uint32_t)SENSE_SIZE << 16);   /* ERW: C, SCNT */
            memcpy(irb + 32, s->sense, SENSE_SIZE);
            memset(s->sense, 0, sizeof(s->sense));
        }
        s->ctrl &= (uint16_t)~STCTL_MASK;
        if (st != (STCTL_INTERMEDIATE | STCTL_PENDING))
            s->ctrl &= (uint16_t)~(FCTL_MASK | ACTL_MASK);
        s->scsw_flags &= 0xfcff;        /* the deferred condition code */
    }
    clear_interrupt(s);
    return (st & STCTL_PENDING) ? 0 : 1;
}

unsigned door_csch(struct cpu *cpu, uint32_t schid)
{
    struct subchannel *s = lookup_enabled(schid);

    if (!s)
        return 3;
    /* The clear function: the subchannel is reset and status made pending. */
    s->ctrl = FCTL_CLEAR | STCTL_PENDING;
    s->dstat = s->cstat = 0;
    s->scsw_flags = 0;
    s->lpum = 0x80;
    s->pom = 0xff;
    post_interrupt(s);
    return 0;
}

unsigned door_hsch(struct cpu *cpu, uint32_t schid)
{
    struct subchannel *s = lookup_enabled(schid);

    if (!s)
        return 3;
    if ((s->ctrl & STCTL_MASK) == STCTL_PENDING ||
        (s->ctrl & (STCTL_PRIMARY | STCTL_SECONDARY | STCTL_ALERT)))
        return 1;
    if (s->ctrl & (FCTL_HALT | FCTL_CLEAR))
        return 2;
    /* A suspended program ends there; otherwise the halt signal goes to the
     * idle device, which answers with device end. */
    s->dstat = s->cstat = 0;
    if (s->ctrl & ACTL_SUSPENDED)
        s->cpa = (uint32_t)s->ccw_addr + 8;
    else
        s->dstat = DSTAT_DEVICE_END;
    s->ctrl = (uint16_t)((s->ctrl & ~(FCTL_START | ACTL_MASK | STCTL_MASK)) | FCTL_HALT |
                         STCTL_PENDING);
    post_interrupt(s);
    return 0;
}

unsigned door_xsch(struct cpu *cpu, uint32_t schid)
{
    struct subchannel *s = lookup_enabled(schid);

    if (!s)
        return 3;
    if (s->ctrl & STCTL_PENDING)
        return 1;
    if ((s->ctrl & FCTL_MASK) != FCTL_START ||
        !(s->ctrl & (ACTL_RESUME_PEND | ACTL_START_PEND | ACTL_SUSPENDED)))
        return 2;
    s->ctrl &= (uint16_t)~(FCTL_START | ACTL_MASK);
    s->dstat = s->cstat = 0;
    return 0;
}

unsigned door_rsch(struct cpu *cpu, uint32_t schid)
{
    struct subchannel *s = lookup_enabled(schid);

    if (!s)
        return 3;
    if (s->ctrl & STCTL_PENDING)
        return 1;
    if ((s->ctrl & FCTL_MASK) != FCTL_START || !(s->orb_flags & ORB_SUSPEND) ||
        !(s->ctrl & ACTL_SUSPENDED))
        return 2;
    /* Resume: the CCW that suspended is fetched again, its S flag now ignored
     * once (the program continues with it). */
    s->ctrl &= (uint16_t)~ACTL_SUSPENDED;
    s->orb_flags &= ~ORB_SUSPEND;
    run_program(s);
    s->orb_flags |= ORB_SUSPEND;
    if (s->ctrl & STCTL_PENDING)
        post_interrupt(s);
    return 0;
}

/* The oldest pending interruption whose ISC is in @mask, or NULL. */
static struct subchannel *oldest_pending(uint8_t mask)
{
    struct subchannel *best = NULL;

    for (unsigned i = 0; i < css.nsch; i++) {
        struct subchannel *s = &css.sch[i];

        if (s->irq_seq && (mask & (0x80 >> sch_isc(s))) && (!best || s->irq_seq < best->irq_seq))
            best = s;
    }
    return best;
}

bool door_io_accept(struct cpu *cpu, uint8_t isc_mask, uint32_t code[3])
{
    struct subchannel *s = oldest_pending(isc_mask);

    if (!s)
        return false;
    code[0] = sch_id(s);
    code[1] = s->intparm;
    code[2] = (uint32_t)sch_isc(s) << 27;
    clear_interrupt(s);
    return true;
}

bool door_tpi(struct cpu *cpu, uint32_t code[3])
{
    return door_io_accept(cpu, (uint8_t)(cpu->cr[6] >> 24), code);
}

unsigned door_stcrw(struct cpu *cpu, uint32_t *crw)
{
    *crw = css.crw;
    css.crw = 0;
    return *crw ? 0 : 1;
}

#define CRW_SOLICITED   0x40000000u
#define CRW_RSC_CHPID   0x04000000u     /* reporting source: channel path */
#define CRW_ERC_INIT    0x00020000u     /* error-recovery code: initialized */

int door_rchp(struct cpu *cpu, unsigned cssid, unsigned chpid)
{
    if (cssid != 0)
        return -1;
    if (chpid != 0 || css.nsch == 0)
        return 3;
    /* The path is virtual: the reset is done at once and reported by a
     * solicited channel report (no machine-check interruption is made
     * pending: STORE CHANNEL REPORT WORD finds it). */
    css.crw = CRW_SOLICITED | CRW_RSC_CHPID | CRW_ERC_INIT | chpid;
    return 0;
}

void css_device_interrupt(struct ccw_device *dev)
{
    struct subchannel *s = dev->sch;

    if (!(s->pmcw_flags & PMCW_ENABLED) || (s->ctrl & STCTL_PENDING))
        return;
    s->ctrl = (uint16_t)((s->ctrl & ~STCTL_MASK) | STCTL_ALERT | STCTL_PENDING);
    post_interrupt(s);
}

/* ---- CHANNEL SUBSYSTEM CALL ----------------------------------------- */

#define CHSC_SCPD   0x0002
#define CHSC_SCSC   0x0010
#define CHSC_SDA    0x0031
#define CHSC_SEI    0x000e

#define CHSC_RC_OK          0x0001
#define CHSC_RC_INVALID_REQ 0x0003
#define CHSC_RC_NOT_PROVIDED 0x0004
#define CHSC_RC_NO_EVENT    0x0005
#define CHSC_RC_NOT_INSTALLED 0x0101

static void chsc_response(uint8_t *res, uint16_t len, uint16_t code)
{
    st_be16(res, len);
    st_be16(res + 2, code);
}

/* Store channel-path description (0x0002): CHPID 0 of type 0x32. */
static void chsc_scpd(const uint8_t *req, uint16_t len, uint8_t *res)
{
    unsigned m = (req[4] >> 5) & 1, fmt = req[4] & 0xf, cssid = req[5];
    unsigned rfmt = req[6] & 0xf, first = req[7], last = req[11];
    uint32_t off = 8;

    if (len != 0x10 || fmt != 0 || first > last || rfmt > 1) {
        chsc_response(res, 8, CHSC_RC_INVALID_REQ);
        return;
    }
    if (first == 0 && (m || cssid == 0)) {
        uint32_t size = rfmt ? 32 : 8;

        memset(res + off, 0, size);
        st_be32(res + off, 0x80000000u | 0x32u << 8);
        off += size;
    }
    st_be32(res + 4, rfmt);
    chsc_response(res, (uint16_t)off, CHSC_RC_OK);
}

/* Store channel-subsystem characteristics (0x0010). */
static void chsc_scsc(const uint8_t *req, uint16_t len, uint8_t *res)
{
    if (len != 0x10) {
        chsc_response(res, 8, CHSC_RC_INVALID_REQ);
        return;
    }
    memset(res + 4, 0, 4080 - 4);
    st_be32(res + 8, 0x03000000u);           /* general characteristics */
    st_be32(res + 12, 0x00079000u);
    st_be32(res + 20, 0x00080000u);
    st_be32(res + 8 + 510 * 4, 0x40000000u); /* CHSC characteristics */
    st_be32(res + 8 + 510 * 4 + 12, 0x00040000u);
    chsc_response(res, 4080, CHSC_RC_OK);
}

/* Set domain attributes (0x0031): operation 2 enables subchannel sets 1-3. */
static void chsc_sda(const uint8_t *req, uint16_t len, uint8_t *res)
{
    uint16_t op = ld_be16(req + 6);

    if (op == 2) {
        css.mss = true;
        chsc_response(res, 16, CHSC_RC_OK);
    } else {
        chsc_response(res, 16, CHSC_RC_NOT_INSTALLED);
    }
}

int door_chsc(struct cpu *cpu, uint8_t *blk)
{
    uint16_t len = ld_be16(blk), code = ld_be16(blk + 2);
    uint8_t *res;

    if (len < 16 || len > CHSC_SIZE - 8 || (len & 7))
        return -1;
    res = blk + len;
    memset(res, 0, CHSC_SIZE - len);
    switch (code) {
    case CHSC_SCPD:
        chsc_scpd(blk, len, res);
        break;
    case CHSC_SCSC:
        chsc_scsc(blk, len, res);
        break;
    case CHSC_SDA:
        chsc_sda(blk, len, res);
        break;
    case CHSC_SEI:
        chsc_response(res, 8, CHSC_RC_NO_EVENT);
        break;
    default:
        chsc_response(res, 8, CHSC_RC_NOT_PROVIDED);
        break;
    }
    return 0;
}
