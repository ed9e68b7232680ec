/* SIGNAL PROCESSOR between two CPUs (run with -smp 2, see args.txt): sense,
 * set prefix, restart, stop, store status at address, external call,
 * invalid orders. PoO ch. 4 "Signal-Processor Orders". */
#include "sigp_common.h"

#define PFX1     0x30000ul          /* prefix area of CPU 1 */
#define STATUS1  0x34000ul          /* store-status area for CPU 1 */

static volatile uint64_t marker;

/* SIGP @order to CPU @addr with parameter @param. Returns the CC; *status
 * gets bits 32-63 of the status register. */
static unsigned sigp(unsigned order, uint64_t addr, uint64_t param, uint32_t *status)
{
    uint64_t r2 = 0xffffffff00000000ull, r3 = param, ipm;

    asm volatile("sigp %[r2],%[cpu],0(%[ord])\n\tipm %[ipm]"
                 : [r2] "+d"(r2), [ipm] "=d"(ipm)
                 : [cpu] "d"(addr), [ord] "a"((uint64_t)order), "d"(r3)
                 : "cc", "memory");
    (void)r3;
    if (status)
        *status = (uint32_t)r2;
    return rt_cc_from_ipm(ipm);
}

/* Run by CPU 1 after the restart: leave a mark, then stop itself. */
extern char cpu1_entry[];
asm(".text\n"
    "cpu1_entry:\n"
    "  larl  %r1,marker\n"
    "  lghi  %r2,0x5151\n"
    "  stg   %r2,0(%r1)\n"
    "  lghi  %r7,0x77\n"
    "  stap  0x2f0(%r0)\n"        /* own CPU address, from its own lowcore */
    "  lgh   %r3,0x2f0(%r0)\n"
    "  lghi  %r2,0\n"
    "1: sigp  %r2,%r3,5\n"         /* stop, again while busy (CC 2) */
    "  jh    1b\n"
    "0: j 0b\n");

int main(void)
{
    uint32_t st = 0;
    unsigned cc;
    uint64_t *psw;

    cc = sigp(1, 1, 0, &st);
    rt_check_u64("sense CPU 1: cc 1", cc, 1);
    rt_check_u64("sense CPU 1: stopped", st & 0x40, 0x40);
    rt_check_u64("sense CPU 63: cc 3", sigp(1, 63, 0, 0), 3);
    rt_check_u64("invalid order 0x77: cc 1", sigp(0x77, 1, 0, &st), 1);
    rt_check_u64("invalid order: status invalid order", st, 2);

    /* CPU 1 gets its own lowcore with a restart new PSW at cpu1_entry */
    memcpy((void *)PFX1, (void *)0, 0x2000);
    psw = (uint64_t *)(PFX1 + 0x1a0);
    psw[0] = 0x0000000180000000ull;
    psw[1] = (uint64_t)cpu1_entry;
    rt_check_u64("set prefix of stopped CPU 1: cc 0", sigp_param(0x0d, 1, PFX1, 0), 0);
    rt_check_u64("set prefix of this (operating) CPU: incorrect state",
                 sigp_param(0x0d, 0, PFX1, &st), 1);
    rt_check_u64("  status 0x200", st, 0x200);

    marker = 0;
    rt_check_u64("restart CPU 1: cc 0", sigp(0x06, 1, 0, 0), 0);
    for (unsigned long i = 0; i < 100000000ul && marker != 0x5151; i++)
        asm volatile("" ::: "memory");
    rt_check_u64("CPU 1 ran from its restart new PSW", marker, 0x5151);
    for (unsigned long i = 0; i < 10000000ul; i++) {
        cc = sigp(1, 1, 0, &st);
        if (cc != 0 && cc != 2)            /* CC 2: busy, QEMU's CPUs are threads */
            break;
    }
    rt_check_u64("CPU 1 stopped itself", st & 0x40, 0x40);
    rt_check_u64("restart old PSW stored in CPU 1's lowcore",
                 *(uint64_t *)(PFX1 + 0x120) & 0x0001000000000000ull, 0);

    rt_check_u64("store status at address: cc 0", sigp_param(0x0e, 1, STATUS1, 0), 0);
    rt_check_u64("  prefix field", *(uint32_t *)(STATUS1 + 0x118), PFX1);
    rt_check_u64("  GR7 field", *(uint64_t *)(STATUS1 + 0x80 + 7 * 8), 0x77);

    rt_check_u64("external call to stopped CPU 1: cc 0", sigp(0x02, 1, 0, 0), 0);
    cc = sigp(1, 1, 0, &st);
    rt_check_u64("sense: external call pending and stopped", st, 0xc0);
    rt_check_u64("second external call: cc 1", sigp(0x02, 1, 0, &st), 1);
    rt_check_u64("  status external call pending", st, 0x80);
    return 0;
}
