/* SIGNAL PROCESSOR among four CPUs (run with -smp 4, see args.txt), PoO
 * ch. 4 "Signal-Processor Orders": sense, sense running status, set
 * prefix, restart (of a stopped and of an operating CPU), emergency signal,
 * conditional emergency signal and external call delivered to other CPUs
 * with the sender's address, stop, stop and store status, store status at
 * address, start, CPU reset and initial CPU reset (what they keep and
 * what they clear, seen through store status), set architecture. CPUs 1-3
 * run a small loop: an enabled wait for emergency signals and external
 * calls whose handler logs each interruption. Other CPUs run as threads on
 * QEMU, so every state change is awaited by polling with SIGP SENSE. */
#include "sigp_common.h"

#define PFX(n)      (0x40000ul + (n) * 0x4000ul)    /* prefix area of CPU n */
#define STATUS_AT   0x58000ul                       /* store status at address */
#define CR0_SIGNALS 0x60e0ull                       /* emergency signal, external call */

#define SIGP_SENSE          0x01
#define SIGP_EXTERNAL_CALL  0x02
#define SIGP_EMERGENCY      0x03
#define SIGP_START          0x04
#define SIGP_STOP           0x05
#define SIGP_RESTART        0x06
#define SIGP_STOP_STORE     0x09
#define SIGP_INITIAL_RESET  0x0b
#define SIGP_CPU_RESET      0x0c
#define SIGP_SET_PREFIX     0x0d
#define SIGP_STORE_AT       0x0e
#define SIGP_SET_ARCH       0x12
#define SIGP_COND_EMERGENCY 0x13
#define SIGP_SENSE_RUNNING  0x15

#define ST_STOPPED     0x40u
#define ST_INVAL_PARAM 0x100u
#define ST_INCORRECT   0x200u
#define ST_NOT_RUNNING 0x400u

/* Per CPU: set to 1 when the CPU enters sec_entry; interruption log. */
volatile uint64_t sec_mark[4] __attribute__((aligned(8)));
struct sec_log {
    uint64_t n, code, sender, pad;
};
volatile struct sec_log sec_log[4] __attribute__((aligned(32)));
uint64_t sec_wait_psw_rw[2] __attribute__((aligned(8)));
const uint64_t sec_cr0 __attribute__((aligned(8))) = CR0_SIGNALS;

/* Secondary CPUs: sec_entry from the restart new PSW (disabled), then an
 * enabled wait at sec_wait; sec_ext is the external new PSW's address. */
extern char sec_entry[], sec_wait[], sec_ext[];
asm(".text\n"
    "sec_entry:\n"
    "  stap  0x2f0(%r0)\n"
    "  llgh  %r2,0x2f0(%r0)\n"
    "  larl  %r1,sec_mark\n"
    "  sllg  %r3,%r2,3\n"
    "  lghi  %r4,1\n"
    "  stg   %r4,0(%r3,%r1)\n"
    "  larl  %r1,sec_cr0\n"
    "  lctlg %c0,%c0,0(%r1)\n"
    "sec_wait:\n"
    "  larl  %r5,sec_wait_psw_rw\n"
    "  lpswe 0(%r5)\n"
    "sec_ext:\n"
    "  llgh  %r2,0x2f0(%r0)\n"
    "  larl  %r1,sec_log\n"
    "  sllg  %r3,%r2,5\n"
    "  la    %r1,0(%r3,%r1)\n"
    "  llgh  %r4,0x86(%r0)\n"
    "  stg   %r4,8(%r1)\n"
    "  llgh  %r4,0x84(%r0)\n"
    "  stg   %r4,16(%r1)\n"
    "  lg    %r4,0(%r1)\n"
    "  aghi  %r4,1\n"
    "  stg   %r4,0(%r1)\n"
    "  j     sec_wait\n");

/* SIGP @order to CPU @addr with parameter @param. */
static unsigned sigp(unsigned order, uint64_t addr, uint64_t param, uint32_t *status)
{
    return sigp_param(order, addr, param, status);
}

/* Wait until *p reaches @v. Returns whether it did. */
static bool await(volatile uint64_t *p, uint64_t v)
{
    for (unsigned long i = 0; i < 200000000ul; i++)
        if (*p == v)
            return true;
    return false;
}

/* Give CPU @n a lowcore of its own at PFX(n) with restart and external new
 * PSWs into the sec_ code. */
static void setup_lowcore(unsigned n)
{
    uint64_t *lc = (uint64_t *)PFX(n);

    memcpy(lc, (void *)0, 0x2000);
    lc[0x1a0 / 8] = PSW_MASK_64;
    lc[0x1a8 / 8] = (uint64_t)sec_entry;
    lc[0x1b0 / 8] = PSW_MASK_64;
    lc[0x1b8 / 8] = (uint64_t)sec_ext;
}

static uint64_t be64(uintptr_t a)
{
    return *(volatile uint64_t *)a;
}

static uint32_t be32(uintptr_t a)
{
    return *(volatile uint32_t *)a;
}

/* Sense and sense running status of stopped and operating CPUs. */
static void test_sense(void)
{
    uint32_t st = 0;

    for (unsigned n = 1; n < 4; n++) {
        rt_check_u64("sense stopped CPU: cc 1", sigp(SIGP_SENSE, n, 0, &st), 1);
        rt_check_u64("  status stopped", st, ST_STOPPED);
    }
    rt_check_u64("sense CPU 4 (not configured): cc 3", sigp(SIGP_SENSE, 4, 0, &st), 3);
    rt_check_u64("sense this CPU: cc 0", sigp(SIGP_SENSE, 0, 0, &st), 0);
    rt_check_u64("sense running status of stopped CPU 1: cc 1",
                 sigp(SIGP_SENSE_RUNNING, 1, 0, &st), 1);
    rt_check_u64("  status not running", st, ST_NOT_RUNNING);
    rt_check_u64("sense running status of this CPU: cc 0",
                 sigp(SIGP_SENSE_RUNNING, 0, 0, &st), 0);
}

/* Set prefix and restart CPUs 2 and 3 into their wait loop. */
static void test_start_secondaries(void)
{
    uint32_t st = 0;

    for (unsigned n = 1; n < 4; n++) {
        setup_lowcore(n);
        rt_check_u64("set prefix of a stopped CPU: cc 0",
                     sigp(SIGP_SET_PREFIX, n, PFX(n), &st), 0);
    }
    rt_check_u64("set prefix beyond storage: cc 1",
                 sigp(SIGP_SET_PREFIX, 1, 0x7fffe000ul, &st), 1);
    rt_check_u64("  status invalid parameter", st, ST_INVAL_PARAM);
    for (unsigned n = 2; n < 4; n++) {
        rt_check_u64("restart stopped CPU: cc 0", sigp_retry(SIGP_RESTART, n, 0, &st), 0);
        rt_check(await(&sec_mark[n], 1), "  it runs from its restart new PSW");
        rt_check(sigp_await_sense(n, 0, 0), "  sense: operating, nothing pending (cc 0)");
    }
    rt_check_u64("set prefix of an operating CPU: cc 1",
                 sigp_retry(SIGP_SET_PREFIX, 2, PFX(2), &st), 1);
    rt_check_u64("  status incorrect state", st, ST_INCORRECT);
    rt_check_u64("store status at address of an operating CPU: cc 1",
                 sigp_retry(SIGP_STORE_AT, 2, STATUS_AT, &st), 1);
    rt_check_u64("  status incorrect state", st, ST_INCORRECT);
}

/* Emergency signal, external call and conditional emergency signal to
 * CPUs in an enabled wait: codes 1201/1202 and this CPU's address. */
static void test_signals(void)
{
    uint32_t st = 0;

    rt_check_u64("emergency signal to CPU 2: cc 0", sigp_retry(SIGP_EMERGENCY, 2, 0, &st), 0);
    rt_check(await(&sec_log[2].n, 1), "  CPU 2 takes one external interruption");
    rt_check_u64("  code 0x1201", sec_log[2].code, 0x1201);
    rt_check_u64("  sending CPU address 0", sec_log[2].sender, 0);
    rt_check_u64("external call to CPU 3: cc 0", sigp_retry(SIGP_EXTERNAL_CALL, 3, 0, &st), 0);
    rt_check(await(&sec_log[3].n, 1), "  CPU 3 takes one external interruption");
    rt_check_u64("  code 0x1202", sec_log[3].code, 0x1202);
    rt_check_u64("  sending CPU address 0", sec_log[3].sender, 0);
    rt_check_u64("conditional emergency signal to waiting CPU 2: cc 0",
                 sigp_retry(SIGP_COND_EMERGENCY, 2, 0, &st), 0);
    rt_check(await(&sec_log[2].n, 2), "  CPU 2 takes a second interruption");
    rt_check_u64("  code 0x1201", sec_log[2].code, 0x1201);
}

/* Stop, stop and store status, store status at address, start, restart
 * of an operating CPU. */
static void test_stop_start(void)
{
    uint32_t st = 0;

    rt_check_u64("stop CPU 3: cc 0", sigp_retry(SIGP_STOP, 3, 0, &st), 0);
    rt_check(sigp_await_sense(3, 1, ST_STOPPED), "  sense: stopped");

    *(volatile uint32_t *)(0x1200 + 0x118) = 0xffffffff;
    *(volatile uint8_t *)0xa3 = 0xff;
    rt_check_u64("stop and store status CPU 2: cc 0", sigp_retry(SIGP_STOP_STORE, 2, 0, &st),
                 0);
    rt_check(sigp_await_sense(2, 1, ST_STOPPED), "  sense: stopped");
    rt_check_u64("  prefix at absolute 0x1318", be32(0x1318), PFX(2));
    rt_check_u64("  PSW address: the wait loop", be64(0x1308), (uint64_t)sec_wait);
    rt_check_u64("  PSW mask: enabled wait", be64(0x1300), sec_wait_psw_rw[0]);
    rt_check_u64("  CR0", be64(0x1200 + 0x180), CR0_SIGNALS);
    rt_check_u64("  architectural-mode id at 0xa3", *(volatile uint8_t *)0xa3, 1);

    memset((void *)STATUS_AT, 0xff, 0x200);
    rt_check_u64("store status at address of stopped CPU 3: cc 0",
                 sigp_retry(SIGP_STORE_AT, 3, STATUS_AT, &st), 0);
    rt_check_u64("  prefix", be32(STATUS_AT + 0x118), PFX(3));
    rt_check_u64("  CR0", be64(STATUS_AT + 0x180), CR0_SIGNALS);
    rt_check_u64("  PSW address: the wait loop", be64(STATUS_AT + 0x108), (uint64_t)sec_wait);

    rt_check_u64("start CPU 2: cc 0", sigp_retry(SIGP_START, 2, 0, &st), 0);
    rt_check(sigp_await_sense(2, 0, 0), "  sense: operating (cc 0)");
    rt_check_u64("emergency signal to restarted CPU 2: cc 0",
                 sigp_retry(SIGP_EMERGENCY, 2, 0, &st), 0);
    rt_check(await(&sec_log[2].n, 3), "  it resumed its wait and takes it");

    sec_mark[2] = 0;
    rt_check_u64("restart operating CPU 2: cc 0", sigp_retry(SIGP_RESTART, 2, 0, &st), 0);
    rt_check(await(&sec_mark[2], 1), "  it runs from its restart new PSW again");
    rt_check_u64("  restart old PSW: the wait loop", be64(PFX(2) + 0x128),
                 (uint64_t)sec_wait);
}

/* CPU reset keeps the prefix and control registers; initial CPU reset
 * clears them to their initial values (PoO "CPU Reset", "Initial CPU
 * Reset", Figure "Initial values": CR0 E0, CR14 C2000000). */
static void test_resets(void)
{
    uint32_t st = 0;

    rt_check_u64("cpu reset of stopped CPU 3: cc 0", sigp_retry(SIGP_CPU_RESET, 3, 0, &st), 0);
    rt_check(sigp_await_sense(3, 1, ST_STOPPED), "  still stopped");
    memset((void *)STATUS_AT, 0xff, 0x200);
    rt_check_u64("  store status at address: cc 0",
                 sigp_retry(SIGP_STORE_AT, 3, STATUS_AT, &st), 0);
    rt_check_u64("  prefix kept", be32(STATUS_AT + 0x118), PFX(3));
    rt_check_u64("  CR0 kept", be64(STATUS_AT + 0x180), CR0_SIGNALS);

    rt_check_u64("initial cpu reset of CPU 3: cc 0",
                 sigp_retry(SIGP_INITIAL_RESET, 3, 0, &st), 0);
    rt_check(sigp_await_sense(3, 1, ST_STOPPED), "  still stopped");
    memset((void *)STATUS_AT, 0xff, 0x200);
    rt_check_u64("  store status at address: cc 0",
                 sigp_retry(SIGP_STORE_AT, 3, STATUS_AT, &st), 0);
    rt_check_u64("  prefix 0", be32(STATUS_AT + 0x118), 0);
    rt_check_u64("  CR0 initial value", be64(STATUS_AT + 0x180), 0xe0);
    rt_check_u64("  CR14 initial value", be64(STATUS_AT + 0x180 + 14 * 8), 0xc2000000ull);
    rt_check_u64("  PSW mask 0", be64(STATUS_AT + 0x100), 0);
    rt_check_u64("  PSW address 0", be64(STATUS_AT + 0x108), 0);
}

/* SET ARCHITECTURE to ESA/390 (code 0) with all other CPUs stopped, on a
 * machine that has only z/Architecture: invalid parameter. */
static void test_set_arch(void)
{
    uint32_t st = 0;

    rt_check_u64("stop CPU 2: cc 0", sigp_retry(SIGP_STOP, 2, 0, &st), 0);
    rt_check(sigp_await_sense(2, 1, ST_STOPPED), "  sense: stopped");
    rt_check_u64("set architecture with the others stopped: cc 1",
                 sigp_retry(SIGP_SET_ARCH, 0, 0, &st), 1);
    rt_check_u64("  status invalid parameter", st, ST_INVAL_PARAM);
}

int main(void)
{
    sec_wait_psw_rw[0] = PSW_MASK_64 | PSW_MASK_EXT | PSW_MASK_WAIT;
    sec_wait_psw_rw[1] = (uint64_t)sec_wait;
    test_sense();
    test_start_secondaries();
    test_signals();
    test_stop_start();
    test_resets();
    test_set_arch();
    return 0;
}
