/* SIGNAL PROCESSOR operands and status (PoO ch. 4 "Signal-Processor
 * Orders", ch. 10 "SIGNAL PROCESSOR"), run with -smp 2 and CPU 1 left
 * stopped: the order code is bits 56-63 of the second-operand address,
 * the CPU address bits 48-63 of R3; with CC 1 the status replaces bits
 * 32-63 of R1 and bits 0-31 stay, with CC 0 R1 is unchanged; the parameter
 * is in R1 + 1, or in R1 itself when R1 is odd; store status at address
 * uses parameter bits 33-54 (a 512-byte boundary) and stores the 512-byte
 * area with the prefix; unassigned orders give invalid order;
 * SIGP in the problem state is privileged. */
#include "psw_run.h"

#define SIGP_SENSE      0x01
#define SIGP_SET_PREFIX 0x0d
#define SIGP_STORE_AT   0x0e
#define ST_STOPPED      0x40u
#define ST_INVAL_ORDER  0x02u
#define PFX1            0x30000ul
#define STATUS_AT       0x34000ul

/* SIGP with R1 = GR2 (in: @r1; out: *r1), parameter in GR3 = @param, CPU
 * address in GR4 = @cpu, order address @order. Returns the CC. */
static unsigned sigp_even(uint64_t order, uint64_t cpu, uint64_t param, uint64_t *r1)
{
    uint64_t ipm, v = *r1;

    asm volatile("lgr %%r2,%[v]\n\tlgr %%r3,%[p]\n\tlgr %%r4,%[c]\n\t"
                 "sigp %%r2,%%r4,0(%[o])\n\tipm %[ipm]\n\tlgr %[v],%%r2"
                 : [ipm] "=d"(ipm), [v] "+d"(v)
                 : [o] "a"(order), [c] "d"(cpu), [p] "d"(param)
                 : "r2", "r3", "r4", "cc", "memory");
    *r1 = v;
    return rt_cc_from_ipm(ipm);
}

/* SIGP with the odd R1 = GR3 holding the parameter @param. Returns the
 * CC; *r1 gets GR3 afterwards. */
static unsigned sigp_odd(uint64_t order, uint64_t cpu, uint64_t param, uint64_t *r1)
{
    uint64_t ipm, v;

    asm volatile("lgr %%r3,%[p]\n\tlgr %%r4,%[c]\n\t"
                 "sigp %%r3,%%r4,0(%[o])\n\tipm %[ipm]\n\tlgr %[v],%%r3"
                 : [ipm] "=d"(ipm), [v] "=d"(v)
                 : [o] "a"(order), [c] "d"(cpu), [p] "d"(param)
                 : "r3", "r4", "cc", "memory");
    *r1 = v;
    return rt_cc_from_ipm(ipm);
}

static void test_operand_bits(void)
{
    uint64_t r1;
    unsigned cc;

    r1 = 0xaaaaaaaa55555555ull;
    cc = sigp_even(0xffffffffffffff01ull, 1, 0, &r1);
    rt_check_u64("order 0x..ff01 is sense: cc 1", cc, 1);
    rt_check_u64("  status stopped in bits 32-63, bits 0-31 kept", r1,
                 0xaaaaaaaa00000000ull | ST_STOPPED);
    r1 = 0;
    cc = sigp_even(SIGP_SENSE, 0xffffffffffff0001ull, 0, &r1);
    rt_check(cc == 1 && (uint32_t)r1 == ST_STOPPED, "CPU address from R3 bits 48-63: CPU 1");
    r1 = 0x1234;
    cc = sigp_even(SIGP_SENSE, rt_stap(), 0, &r1);
    rt_check(cc == 0 && r1 == 0x1234, "sense of this CPU: cc 0, R1 unchanged");
    r1 = 0;
    cc = sigp_even(0x07, 1, 0, &r1);
    rt_check(cc == 1 && (uint32_t)r1 == ST_INVAL_ORDER, "order 0x07: cc 1, invalid order");
    r1 = 0;
    cc = sigp_even(0x00, 1, 0, &r1);
    rt_check(cc == 1 && (uint32_t)r1 == ST_INVAL_ORDER, "order 0x00: cc 1, invalid order");
}

static void test_store_status_at(void)
{
    uint64_t r1;
    unsigned cc;

    memcpy((void *)PFX1, (void *)0, 0x2000);
    r1 = 0;
    cc = sigp_odd(SIGP_SET_PREFIX, 1, PFX1, &r1);
    rt_check_u64("set prefix with odd R1 (parameter in R1): cc 0", cc, 0);
    memset((void *)(STATUS_AT - 0x200), 0, 0x600);
    r1 = 0;
    cc = sigp_even(SIGP_STORE_AT, 1, 0xffffffff00000000ull | (STATUS_AT + 0x1ff), &r1);
    rt_check_u64("store status at address: cc 0", cc, 0);
    rt_check_u64("  parameter bits 0-32 and 55-63 ignored: prefix field at the boundary",
                 *(volatile uint32_t *)(STATUS_AT + 0x118), PFX1);
    rt_check_u64("  nothing stored before the area", *(volatile uint64_t *)(STATUS_AT - 8), 0);
    rt_check_u64("  nothing stored after the area", *(volatile uint64_t *)(STATUS_AT + 0x200), 0);
}

static void test_problem_state(void)
{
    struct rt_pgm_info pi;
    uint64_t at;

    PSW_RUN(&pi, &at, PSW_MASK_64 | PSW_MASK_PSTATE, "sigp %%r2,%%r3,1", 0, 1);
    rt_check(pi.fired && pi.code == PGM_PRIVILEGED, "sigp in the problem state: privileged");
    rt_check_u64("  ilc 2", pi.ilc, 2);
}

int main(void)
{
    test_operand_bits();
    test_store_status_at();
    test_problem_state();
    return 0;
}
