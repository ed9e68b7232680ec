/* External interruptions from signals (PoO ch. 6 "External Interruption",
 * "Emergency Signal", "External Call"; ch. 4 "Signal-Processor Orders"),
 * run with -smp 2: an emergency signal and an external call to this CPU
 * stay pending while their CR0 subclass mask (bits 49, 50) is zero, even
 * with the PSW enabled, and are taken once it is one; emergency signals
 * from two CPUs are two conditions, taken one by one with each sender's
 * address at 0x84 before the external call (code 0x1202) from CPU 1. */
#include "sigp_common.h"
#include "timer_common.h"

#define PFX1            0x30000ul       /* prefix area of CPU 1 */
#define SIGP_SENSE      1
#define SIGP_RESTART    6
#define SIGP_SET_PREFIX 13
#define ST_STOPPED      0x40

/* CPU 1: an emergency signal and an external call to CPU 0 (each repeated
 * while CPU 0 is busy, CC 2), then stop. */
asm("    .text\n"
    "    .globl cpu1_entry\n"
    "cpu1_entry:\n"
    "    lghi  %r3,0\n"
    "0:  sigp  %r2,%r3,3\n"
    "    jh    0b\n"
    "1:  sigp  %r2,%r3,2\n"
    "    jh    1b\n"
    "    lghi  %r3,1\n"
    "    sigp  %r2,%r3,5\n"
    "2:  j     2b\n");
void cpu1_entry(void);

/* Poll SIGP SENSE of CPU 1 until it reports stopped. */
static bool await_cpu1_stopped(void)
{
    uint32_t st = 0;

    for (unsigned long i = 0; i < 20000000ul; i++) {
        if (sigp_param(SIGP_SENSE, 1, 0, &st) == 1 && (st & ST_STOPPED))
            return true;
    }
    return false;
}

static void test_subclass_masks(void)
{
    uint64_t n[4];
    unsigned cc[2];
    uint32_t st;

    log_install();
    rt_lctlg(0, rt_stctg(0) & ~(CR0_EMSIG | CR0_XCALL));
    cc[0] = sigp(0x03, rt_stap(), &st);
    cc[1] = sigp(0x02, rt_stap(), &st);
    window(20);
    n[0] = timer_ext_log.n;
    rt_lctlg(0, rt_stctg(0) | CR0_XCALL);
    window(20);
    n[1] = timer_ext_log.n;
    window(20);
    n[2] = timer_ext_log.n;
    rt_lctlg(0, rt_stctg(0) | CR0_EMSIG);
    window(20);
    n[3] = timer_ext_log.n;
    log_remove();
    rt_check_u64("emergency signal to self: cc 0", cc[0], 0);
    rt_check_u64("external call to self: cc 0", cc[1], 0);
    rt_check_u64("CR0 bits 49-50 zero: nothing taken", n[0], 0);
    rt_check_u64("CR0 bit 50 one: one interruption", n[1], 1);
    rt_check_u64("  the external call (0x1202)", timer_ext_log.rec[0].code, 0x1202);
    rt_check_u64("emergency signal still held back by CR0 bit 49", n[2], 1);
    rt_check_u64("CR0 bit 49 one: the emergency signal", n[3], 2);
    rt_check_u64("  code 0x1201", timer_ext_log.rec[1].code, 0x1201);
    rt_check_u64("  sender: this CPU", timer_ext_log.rec[1].cpu_addr, rt_stap());
}

static void test_two_senders(void)
{
    uint64_t *lc1 = (uint64_t *)PFX1;
    unsigned from0 = 0, from1 = 0, cc[3];
    bool stopped;
    uint32_t st;

    memcpy(lc1, (void *)0, 0x2000);
    lc1[0x1a0 / 8] = PSW_MASK_64;
    lc1[0x1a8 / 8] = (uintptr_t)cpu1_entry;
    log_install();
    rt_lctlg(0, rt_stctg(0) & ~(CR0_EMSIG | CR0_XCALL));
    cc[0] = sigp_param(SIGP_SET_PREFIX, 1, PFX1, NULL);
    cc[1] = sigp_param(SIGP_RESTART, 1, 0, NULL);
    stopped = await_cpu1_stopped();
    cc[2] = sigp(0x03, rt_stap(), &st);
    rt_lctlg(0, rt_stctg(0) | CR0_EMSIG | CR0_XCALL);
    for (unsigned i = 0; i < 4; i++)
        window(20);
    log_remove();
    rt_check_u64("set prefix of CPU 1: cc 0", cc[0], 0);
    rt_check_u64("restart CPU 1: cc 0", cc[1], 0);
    rt_check(stopped, "CPU 1 signalled and stopped");
    rt_check_u64("emergency signal to self: cc 0", cc[2], 0);
    rt_check_u64("three interruptions", timer_ext_log.n, 3);
    for (unsigned i = 0; i < 2; i++) {
        if (timer_ext_log.rec[i].code != 0x1201)
            continue;
        from0 += timer_ext_log.rec[i].cpu_addr == 0;
        from1 += timer_ext_log.rec[i].cpu_addr == 1;
    }
    rt_check(from0 == 1 && from1 == 1, "first two: emergency signals from CPU 0 and CPU 1");
    rt_check_u64("third: the external call", timer_ext_log.rec[2].code, 0x1202);
    rt_check_u64("  from CPU 1", timer_ext_log.rec[2].cpu_addr, 1);
}

int main(void)
{
    test_subclass_masks();
    test_two_senders();
    return 0;
}
