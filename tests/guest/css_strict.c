/* Channel-subsystem checks where QEMU 7.2 departs from the PoO: the SCSW
 * of a start function reflects the ORB's prefetch control (PoO ch. 16,
 * "Subchannel-Status Word": bit 9, P, is the ORB's P bit, set when the
 * start function is initiated). Runs on sieve only. */
#include "css_common.h"

static struct irb irb;
static struct orb orb;
static struct ccw1 prog[1];
static uint8_t senseid[8] __attribute__((aligned(8)));

int main(void)
{
    rt_check_u64("msch enable isc 2", io_enable(SCHID0, 2, 0), 0);
    prog[0] = (struct ccw1){ 0xe4, CCW_SLI, sizeof(senseid), (uint32_t)(uintptr_t)senseid };
    orb.intparm = 7;
    orb.flags = ORB_FMT1 | ORB_PFCH | ORB_LPM80;
    orb.cpa = (uint32_t)(uintptr_t)prog;
    rt_check_u64("ssch with prefetch: cc 0", io_ssch(SCHID0, &orb), 0);
    io_wait(2);
    rt_check_u64("tsch: cc 0", io_tsch(SCHID0, &irb), 0);
    rt_check_u64("scsw: F and P from the orb", irb.sflags & 0x00c0, 0x00c0);
    orb.flags = ORB_FMT1 | ORB_LPM80;
    rt_check_u64("ssch without prefetch: cc 0", io_ssch(SCHID0, &orb), 0);
    io_wait(2);
    rt_check_u64("tsch: cc 0", io_tsch(SCHID0, &irb), 0);
    rt_check_u64("scsw: F without P", irb.sflags & 0x00c0, 0x0080);
    return 0;
}
