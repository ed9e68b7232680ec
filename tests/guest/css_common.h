/* Channel-subsystem helpers for the css and virtio guest tests: the I/O
 * instructions as inline functions returning the condition code, and an
 * enabled wait for one I/O interruption. */
#ifndef CSS_COMMON_H
#define CSS_COMMON_H

#include "rt/rt.h"

#define SCHID0    0x00010000u      /* subchannel 0.0.0000 */
#define LC_SUBCHANNEL_ID 0xb8
#define LC_IO_PARAM     0xbc
#define LC_IO_ID        0xc0
#define LC_IO_OLD_PSW   0x170
#define LC_IO_NEW_PSW   0x1f0

struct schib {
    uint32_t intparm;
    uint16_t flags, devno;
    uint8_t lpm, pnom, lpum, pim;
    uint16_t mbi;
    uint8_t pom, pam;
    uint8_t chpid[8];
    uint32_t chars;
    uint16_t sflags, ctrl;
    uint32_t cpa;
    uint8_t dstat, cstat;
    uint16_t count;
    uint8_t model[12];
} __attribute__((packed, aligned(4)));

struct irb {
    uint16_t sflags, ctrl;
    uint32_t cpa;
    uint8_t dstat, cstat;
    uint16_t count;
    uint32_t esw[5];
    uint8_t ecw[32];
    uint32_t emw[8];
} __attribute__((packed, aligned(4)));

struct orb {
    uint32_t intparm;
    uint32_t flags;
    uint32_t cpa;
    uint32_t ext[5];
} __attribute__((packed, aligned(8)));

struct ccw1 {
    uint8_t cmd, flags;
    uint16_t count;
    uint32_t cda;
} __attribute__((packed, aligned(8)));

#define ORB_FMT1   0x00800000u
#define ORB_PFCH   0x00400000u
#define ORB_LPM80  0x00008000u
#define CCW_CD     0x80
#define CCW_CC     0x40
#define CCW_SLI    0x20

static inline unsigned io_stsch(uint32_t schid, struct schib *s)
{
    uint64_t ipm;

    asm volatile("lgr %%r1,%[id]\n\tstsch %[s]\n\tipm %[ipm]"
                 : [ipm] "=d"(ipm), [s] "=Q"(*s) : [id] "d"((uint64_t)schid) : "r1", "cc");
    return rt_cc_from_ipm(ipm);
}

static inline unsigned io_msch(uint32_t schid, struct schib *s)
{
    uint64_t ipm;

    asm volatile("lgr %%r1,%[id]\n\tmsch %[s]\n\tipm %[ipm]"
                 : [ipm] "=d"(ipm) : [id] "d"((uint64_t)schid), [s] "Q"(*s) : "r1", "cc");
    return rt_cc_from_ipm(ipm);
}

static inline unsigned io_ssch(uint32_t schid, struct orb *o)
{
    uint64_t ipm;

    asm volatile("lgr %%r1,%[id]\n\tssch %[o]\n\tipm %[ipm]"
                 : [ipm] "=d"(ipm) : [id] "d"((uint64_t)schid), [o] "Q"(*o)
                 : "r1", "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

static inline unsigned io_tsch(uint32_t schid, struct irb *i)
{
    uint64_t ipm;

    asm volatile("lgr %%r1,%[id]\n\ttsch %[i]\n\tipm %[ipm]"
                 : [ipm] "=d"(ipm), [i] "=Q"(*i) : [id] "d"((uint64_t)schid) : "r1", "cc");
    return rt_cc_from_ipm(ipm);
}

/* Enable ISC @isc in CR6, wait enabled for I/O and come back disabled. */
static inline void io_wait(unsigned isc)
{
    static uint64_t wait_psw[2] __attribute__((aligned(8)));
    uint64_t cr6 = 0x80000000ull >> isc;

    wait_psw[0] = PSW_MASK_64 | PSW_MASK_IO | PSW_MASK_WAIT;
    wait_psw[1] = 0;
    asm volatile("lctlg %%c6,%%c6,%[cr6]\n"
                 "  larl %%r1,1f\n"
                 "  stg %%r1,0x1f8\n"
                 "  llihl %%r1,1\n"              /* EA */
                 "  oilh %%r1,0x8000\n"          /* BA */
                 "  stg %%r1,0x1f0\n"
                 "  lpswe %[w]\n"
                 "1:\n"
                 : : [cr6] "Q"(cr6), [w] "Q"(wait_psw) : "r1", "memory");
}

/* Enable the subchannel @schid with ISC @isc and interruption parameter @ip. */
static inline unsigned io_enable(uint32_t schid, unsigned isc, uint32_t ip)
{
    struct schib s;

    if (io_stsch(schid, &s))
        return 3;
    s.flags |= 0x0080;
    s.flags = (uint16_t)((s.flags & ~0x3800) | isc << 11);
    s.intparm = ip;
    return io_msch(schid, &s);
}

#endif
