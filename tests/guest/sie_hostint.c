/* SIE and the host's interruptions (SIE.md 2.5, 4.4, 5.7), run with -smp 2:
 * a host clock-comparator interruption and an emergency signal from the
 * other CPU interrupt a running guest (old PSW at the SIE instruction,
 * guest state in the SCB, icptcode 0) and SIE re-executed continues the
 * guest; a stop request that the other CPU sets in the SCB's cpuflags while
 * the guest runs ends SIE with 0x28. sieve only: QEMU TCG has no SIE. */
#include "sie_common.h"
#include "timer_common.h"

#define PFX1       0x80000ul        /* prefix area of CPU 1 (beyond the program) */
#define LOOPS      20000000ull      /* guest loop: long enough to be interrupted */

/* What CPU 1 does after its restart: 1 = set STOP in the SCB, 2 = send an
 * emergency signal to CPU 0; then it stops itself. */
uint64_t cpu1_mode __attribute__((used));
volatile uint64_t cpu1_done __attribute__((used));

extern char cpu1_entry[];
asm(".text\n"
    "cpu1_entry:\n"
    "  larl  %r1,cpu1_mode\n"
    "  lg    %r5,0(%r1)\n"
    "  lgfi  %r4,100000\n"
    "0: brctg %r4,0b\n"                 /* let CPU 0 get into SIE */
    "  cghi  %r5,1\n"
    "  jne   1f\n"
    "  larl  %r1,scb\n"
    "  oi    0(%r1),0x04\n"             /* cpuflags STOP_INT */
    "  j     2f\n"
    "1: lghi  %r3,0\n"
    "  lghi  %r2,0\n"
    "  sigp  %r2,%r3,3\n"               /* emergency signal to CPU 0 */
    "2: larl  %r1,cpu1_done\n"
    "  mvghi 0(%r1),1\n"
    "  stap  0x2f0(%r0)\n"
    "  lgh   %r3,0x2f0(%r0)\n"
    "  lghi  %r2,0\n"
    "3: sigp  %r2,%r3,5\n"              /* stop self */
    "  jh    3b\n"
    "4: j 4b\n");

/* SIGP set prefix of the stopped CPU 1 to @pfx. Returns the CC. */
static unsigned set_prefix_cpu1(uint64_t pfx)
{
    uint64_t ipm;

    asm volatile("lgr %%r3,%[p]\n\tlghi %%r2,0\n\tlghi %%r4,1\n\tsigp %%r2,%%r4,0x0d\n\t"
                 "ipm %[ipm]"
                 : [ipm] "=d"(ipm) : [p] "d"(pfx) : "r2", "r3", "r4", "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

/* The guest: brctg r2 on itself, then diag 0x44. */
static void loop_guest(uint64_t loops)
{
    static const uint8_t code[] = { 0xa7, 0x27, 0x00, 0x00, 0x83, 0x00, 0x00, 0x44 };

    scb_init(0);
    put_code(code, sizeof(code));
    ggr[2] = loops;
}

/* Restart CPU 1 in @mode. */
static void start_cpu1(uint64_t mode)
{
    uint32_t st;

    cpu1_mode = mode;
    cpu1_done = 0;
    sigp(0x06, 1, &st);
}

static void wait_cpu1(void)
{
    while (!cpu1_done)
        ;
}

static void test_host_ckc(void)
{
    loop_guest(LOOPS);
    log_install();
    rt_lctlg(0, rt_stctg(0) | CR0_CKC);
    sckc(stck() + 2000 * TOD_US);
    run_sie_ext(true);
    log_remove();
    rt_check_u64("host ckc: one host interruption", timer_ext_log.n, 1);
    rt_check_u64("host ckc: code 0x1004", timer_ext_log.rec[0].code, 0x1004);
    rt_check_u64("host ckc: old psw at the SIE instruction", timer_ext_log.rec[0].addr,
                 (uint64_t)(uintptr_t)sie_insn);
    rt_check_u64("host ckc: SIE re-executed, guest ran to its diag", scb[0x50], 0x04);
    rt_check_u64("host ckc: gpsw after the diag", ld64(scb + 0x98), GCODE + 8);
    rt_check_u64("host ckc: the guest loop completed", ggr[2], 0);
}

static void test_stop_request(void)
{
    loop_guest(1ull << 40);
    start_cpu1(1);
    run_sie();
    wait_cpu1();
    rt_check_u64("stop set by CPU 1 mid-run: icptcode 0x28", scb[0x50], 0x28);
    rt_check_u64("stop: gpsw at the loop", ld64(scb + 0x98), GCODE);
    rt_check(ggr[2] < (1ull << 40), "stop: the guest ran before the request");
    rt_check_u64("stop: cpuflags kept", ld32(scb), CPUSTAT_ZARCH | CPUSTAT_STOP);
}

static void test_emergency_signal(void)
{
    loop_guest(LOOPS);
    log_install();
    rt_lctlg(0, rt_stctg(0) | CR0_EMSIG);
    start_cpu1(2);
    run_sie_ext(true);
    wait_cpu1();
    log_remove();
    rt_check_u64("emergency signal: one host interruption", timer_ext_log.n, 1);
    rt_check_u64("emergency signal: code 0x1201", timer_ext_log.rec[0].code, 0x1201);
    rt_check_u64("emergency signal: from CPU 1", timer_ext_log.rec[0].cpu_addr, 1);
    rt_check_u64("emergency signal: old psw at the SIE instruction",
                 timer_ext_log.rec[0].addr, (uint64_t)(uintptr_t)sie_insn);
    rt_check_u64("emergency signal: guest ran to its diag", scb[0x50], 0x04);
    rt_check_u64("emergency signal: the guest loop completed", ggr[2], 0);
}

int main(void)
{
    uint64_t *psw;

    memcpy((void *)PFX1, (void *)0, 0x2000);
    psw = (uint64_t *)(PFX1 + 0x1a0);
    psw[0] = 0x0000000180000000ull;
    psw[1] = (uint64_t)(uintptr_t)cpu1_entry;
    rt_check_u64("set prefix of CPU 1: cc 0", set_prefix_cpu1(PFX1), 0);
    test_host_ckc();
    test_stop_request();
    test_emergency_signal();
    return 0;
}
