/* The channel subsystem: STSCH, MSCH, SSCH of Sense ID, the I/O
 * interruption, TSCH and the IRB, invalid operations (PoO chapters 14-16).
 * Needs one virtio-blk-ccw device with devno fe.0.0001 (args.txt). */
#include "css_common.h"

#define PGM_OPERAND 0x15

static struct schib sch;
static struct irb irb;
static struct orb orb;
static struct ccw1 prog[4];
static uint8_t senseid[8] __attribute__((aligned(8)));

static void test_stsch(void)
{
    rt_check_u64("stsch 0.0.0000: cc 0", io_stsch(SCHID0, &sch), 0);
    rt_check_u64("pmcw: device number valid, disabled, isc 0", sch.flags, 0x0001);
    rt_check_u64("pmcw: device number 0001", sch.devno, 0x0001);
    rt_check_u64("pmcw: pim pam pom", (uint32_t)sch.pim << 16 | sch.pam << 8 | sch.pom,
                 0x8080ff);
    rt_check_u64("pmcw: intparm 0", sch.intparm, 0);
    rt_check_u64("pmcw: chpid 0", sch.chpid[0], 0);
    rt_check_u64("pmcw: subchannel type 0 (I/O)", sch.chars & 0x00e00000, 0);
    rt_check_u64("scsw: idle", sch.ctrl, 0);
    rt_check_u64("stsch 0.0.0001: cc 3", io_stsch(SCHID0 | 1, &sch), 3);
}

static void test_msch(void)
{
    rt_check_u64("msch enable isc 3: cc 0", io_enable(SCHID0, 3, 0x12345678), 0);
    io_stsch(SCHID0, &sch);
    rt_check_u64("pmcw after msch: enabled, isc 3", sch.flags, 0x0001 | 0x0080 | 0x1800);
    rt_check_u64("pmcw after msch: intparm", sch.intparm, 0x12345678);
}

/* An S-format I/O instruction without operand (CSCH, HSCH, XSCH, RSCH). */
static unsigned io_simple(unsigned op, uint32_t schid)
{
    uint64_t ipm;

    switch (op) {
    case 0xb230:
        asm volatile("lgr %%r1,%1\n\tcsch\n\tipm %0" : "=d"(ipm) : "d"((uint64_t)schid)
                     : "r1", "cc");
        break;
    default:
        asm volatile("lgr %%r1,%1\n\thsch\n\tipm %0" : "=d"(ipm) : "d"((uint64_t)schid)
                     : "r1", "cc");
        break;
    }
    return rt_cc_from_ipm(ipm);
}

static unsigned start(struct ccw1 *p)
{
    orb.intparm = 0xcafef00d;
    orb.flags = ORB_FMT1 | ORB_PFCH | ORB_LPM80;
    orb.cpa = (uint32_t)(uintptr_t)p;
    return io_ssch(SCHID0, &orb);
}

static void test_sense_id(void)
{
    prog[0] = (struct ccw1){ 0xe4, CCW_SLI, sizeof(senseid), (uint32_t)(uintptr_t)senseid };
    rt_check_u64("ssch sense id: cc 0", start(prog), 0);
    rt_check_u64("ssch while status pending: cc 1", start(prog), 1);
    *(volatile uint32_t *)LC_IO_PARAM = 0;
    io_wait(3);
    rt_check_u64("i/o interruption: subchannel id", *(volatile uint32_t *)LC_SUBCHANNEL_ID,
                 SCHID0);
    rt_check_u64("i/o interruption: parameter", *(volatile uint32_t *)LC_IO_PARAM, 0xcafef00d);
    rt_check_u64("i/o interruption: isc 3", *(volatile uint32_t *)LC_IO_ID, 3u << 27);
    rt_check_u64("tsch: cc 0", io_tsch(SCHID0, &irb), 0);
    rt_check_u64("irb: start function, primary secondary status pending", irb.ctrl,
                 0x4000 | 0x0004 | 0x0002 | 0x0001);
    rt_check_u64("irb: channel end, device end", irb.dstat, 0x0c);
    rt_check_u64("irb: subchannel status 0", irb.cstat, 0);
    rt_check_u64("irb: ccw address past the last ccw", irb.cpa,
                 (uint32_t)(uintptr_t)&prog[1]);
    rt_check_u64("irb: residual count 0", irb.count, 0);
    rt_check_u64("irb: scsw ccw-format flag from the orb", irb.sflags & 0x0080, 0x0080);
    rt_check_u64("irb: esw lpum 80", irb.esw[0], 0x00800000);
    rt_check_u64("sense id: ff, cu type 3832, model 02", (uint32_t)senseid[0] << 24 | senseid[1] << 16 |
                 senseid[2] << 8 | senseid[3], 0xff383202);
    rt_check_u64("sense id: device type and model 0", senseid[4] << 16 | senseid[5] << 8 |
                 senseid[6], 0);
    rt_check_u64("tsch again: cc 1", io_tsch(SCHID0, &irb), 1);
    rt_check_u64("tsch again: idle scsw", irb.ctrl, 0);
}

static void test_chains(void)
{
    /* Command chaining: a no-op, then sense id; the residual of the last. */
    prog[0] = (struct ccw1){ 0x03, CCW_CC | CCW_SLI, 0, 0 };
    prog[1] = (struct ccw1){ 0xe4, CCW_SLI, 4, (uint32_t)(uintptr_t)senseid };
    rt_check_u64("chained no-op, sense id: cc 0", start(prog), 0);
    io_wait(3);
    rt_check_u64("chained: tsch cc 0", io_tsch(SCHID0, &irb), 0);
    rt_check_u64("chained: device end", irb.dstat, 0x0c);
    rt_check_u64("chained: ccw address", irb.cpa, (uint32_t)(uintptr_t)&prog[2]);
    /* An unknown command: unit check (command reject). */
    prog[0] = (struct ccw1){ 0x7f, CCW_SLI, 0, 0 };
    rt_check_u64("unknown command: cc 0", start(prog), 0);
    io_wait(3);
    rt_check_u64("unknown command: tsch cc 0", io_tsch(SCHID0, &irb), 0);
    rt_check_u64("unknown command: unit check", irb.dstat & 0x02, 0x02);
    rt_check_u64("unknown command: alert status", irb.ctrl & 0x0010, 0x0010);
    /* A CCW address outside storage: channel-program check. */
    orb.intparm = 1;
    orb.flags = ORB_FMT1 | ORB_PFCH | ORB_LPM80;
    orb.cpa = 0x7ffff000;
    rt_check_u64("ccw outside storage: cc 0", io_ssch(SCHID0, &orb), 0);
    io_wait(3);
    rt_check_u64("ccw outside storage: tsch cc 0", io_tsch(SCHID0, &irb), 0);
    rt_check_u64("ccw outside storage: program check", irb.cstat, 0x20);
    /* A TIC to itself loops: two TICs in a row are a program check. */
    prog[0] = (struct ccw1){ 0x08, 0, 0, (uint32_t)(uintptr_t)prog };
    rt_check_u64("tic loop: cc 0", start(prog), 0);
    io_wait(3);
    rt_check_u64("tic loop: tsch cc 0", io_tsch(SCHID0, &irb), 0);
    rt_check_u64("tic loop: program check", irb.cstat, 0x20);
}

static void test_functions(void)
{
    uint32_t code[2] = { 0, 0 };
    uint64_t ipm, cr6 = 0x10000000;     /* ISC 3 */

    rt_check_u64("csch: cc 0", io_simple(0xb230, SCHID0), 0);
    io_wait(3);
    rt_check_u64("csch: tsch cc 0", io_tsch(SCHID0, &irb), 0);
    rt_check_u64("csch: clear function, status pending", irb.ctrl, 0x1000 | 0x0001);
    rt_check_u64("hsch of an idle subchannel: cc 0", io_simple(0xb231, SCHID0), 0);
    rt_check_u64("hsch while status pending: cc 1", io_simple(0xb231, SCHID0), 1);
    rt_check_u64("msch while status pending: cc 1", io_msch(SCHID0, &sch), 1);
    asm volatile("lctlg %%c6,%%c6,%[cr6]\n\ttpi %[code]\n\tipm %[ipm]"
                 : [ipm] "=d"(ipm), [code] "=Q"(code) : [cr6] "Q"(cr6) : "cc");
    rt_check_u64("tpi: cc 1", rt_cc_from_ipm(ipm), 1);
    rt_check_u64("tpi: subchannel id", code[0], SCHID0);
    rt_check_u64("tpi: parameter of the last ssch", code[1], 0xcafef00d);
    asm volatile("tpi %[code]\n\tipm %[ipm]" : [ipm] "=d"(ipm), [code] "=Q"(code) : : "cc");
    rt_check_u64("tpi with nothing pending: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("hsch: tsch cc 0", io_tsch(SCHID0, &irb), 0);
    rt_check_u64("hsch: halt function, status pending", irb.ctrl, 0x2000 | 0x0001);
    rt_check_u64("hsch: device end", irb.dstat, 0x04);
}

static void do_ssch_bad_schid(void *arg __attribute__((unused)))
{
    asm volatile("llilf %%r1,0x00020000\n\tssch %0" : : "Q"(orb) : "r1", "cc", "memory");
}

static void do_ssch_bad_orb(void *arg __attribute__((unused)))
{
    orb.flags = ORB_FMT1 | ORB_LPM80 | 0x3e;
    asm volatile("llilf %%r1,0x00010000\n\tssch %0" : : "Q"(orb) : "r1", "cc", "memory");
}

static void do_stsch_misaligned(void *arg __attribute__((unused)))
{
    asm volatile("llilf %%r1,0x00010000\n\tstsch 2(%0)" : : "a"(&sch) : "r1", "cc", "memory");
}

static void test_exceptions(void)
{
    struct rt_pgm_info pi;

    rt_check_u64("ssch, gr1 without the one bit: operand exception",
                 rt_pgm_try(do_ssch_bad_schid, NULL, &pi), PGM_OPERAND);
    rt_check_u64("ssch, reserved orb bits: operand exception",
                 rt_pgm_try(do_ssch_bad_orb, NULL, &pi), PGM_OPERAND);
    rt_check_u64("stsch, misaligned schib: specification exception",
                 rt_pgm_try(do_stsch_misaligned, NULL, &pi), PGM_SPECIFICATION);
    rt_check_u64("tsch of a missing subchannel: cc 3", io_tsch(SCHID0 | 7, &irb), 3);
    orb.flags = ORB_FMT1 | ORB_LPM80;
    rt_check_u64("ssch of a missing subchannel: cc 3", io_ssch(SCHID0 | 7, &orb), 3);
}

int main(void)
{
    test_stsch();
    test_msch();
    test_sense_id();
    test_chains();
    test_functions();
    test_exceptions();
    return 0;
}
