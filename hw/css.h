/* The channel subsystem: one subchannel set of I/O subchannels on a single
 * virtual channel path (CHPID 0, type 0x32), channel programs run to the
 * end as SSCH issues them, I/O interruptions queued per subclass. PoO
 * chapters 13-17; what Linux expects: LINUX-BOOT.md section 6. */
#ifndef SIEVE_HW_CSS_H
#define SIEVE_HW_CSS_H

#include <stdbool.h>
#include <stdint.h>
#include "hw/machine.h"

#define CSS_MAX_SUBCHANNELS  64
#define CCW_MAX_SEGMENTS     256    /* data areas of one command (data chaining, IDAWs) */

/* Device status (SCSW byte 8) and subchannel status (byte 9). */
#define DSTAT_ATTENTION      0x80
#define DSTAT_CHANNEL_END    0x08
#define DSTAT_DEVICE_END     0x04
#define DSTAT_UNIT_CHECK     0x02
#define DSTAT_UNIT_EXCEPTION 0x01
#define CSTAT_PCI            0x80
#define CSTAT_INCORRECT_LEN  0x40
#define CSTAT_PROGRAM_CHECK  0x20
#define CSTAT_PROTECTION     0x10
#define CSTAT_DATA_CHECK     0x08

/* What a device's command handler returns. */
enum ccw_result {
    CCW_OK,             /* channel end and device end */
    CCW_REJECT,         /* unit check, sense byte 0 = command reject */
    CCW_PROGRAM_CHECK,  /* the channel program is invalid for this device */
};

/* One segment of a command's data area (absolute address). */
struct ccw_segment {
    uint64_t addr;
    uint32_t len;
    bool skip;          /* read data is not stored (CCW skip flag) */
};

/* A command handed to a device: its code, the data area, and the bytes the
 * device moved so far (ccw_read and ccw_write advance pos). */
struct ccw_req {
    uint8_t cmd;
    bool sli;           /* suppress-length-indication of the last CCW */
    uint32_t count;     /* bytes in the data area */
    uint32_t pos;       /* bytes transferred */
    unsigned nseg;
    struct ccw_segment seg[CCW_MAX_SEGMENTS];
};

/* Move up to @len bytes between the data area at the current position and
 * @buf. Return the number moved. */
uint32_t ccw_read(struct ccw_req *req, struct storage *mem, void *buf, uint32_t len);
uint32_t ccw_write(struct ccw_req *req, struct storage *mem, const void *buf, uint32_t len);

struct subchannel;

/* A device behind a subchannel. */
struct ccw_device {
    uint8_t cu_model;   /* Sense ID control-unit model (the virtio device ID) */
    uint16_t cu_type;   /* Sense ID control-unit type (0x3832 for virtio) */
    /* Execute one command (not the generic ones the subsystem answers). */
    enum ccw_result (*command)(struct ccw_device *dev, struct ccw_req *req);
    struct subchannel *sch;     /* set when attached */
    /* Back to the state after power-on (a clear reset); may be NULL. */
    void (*reset)(struct ccw_device *dev);
};

/* Bring up the channel subsystem of @m (before devices are attached). */
void css_init(struct machine *m);
/* Clear reset of the channel subsystem: every subchannel disabled and
 * idle, nothing pending, the devices reset. */
void css_reset(void);
/* Attach @dev on the next free subchannel with device number @devno (or the
 * next free one when @devno is negative). Dies with a message on conflicts. */
void css_attach(struct ccw_device *dev, int devno);
/* Unsolicited status for an attention from @dev's device (virtio
 * notifications): made pending unless status is pending already. */
void css_device_interrupt(struct ccw_device *dev);
/* The subsystem-identification word of @dev's subchannel. */
uint32_t css_schid(const struct ccw_device *dev);
/* The device on the subchannel designated by @schid, or NULL. */
struct ccw_device *css_find_device(uint32_t schid);
/* The storage of the machine the subsystem belongs to. */
struct storage *css_storage(void);

#endif
