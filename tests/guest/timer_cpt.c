/* CPU timer (PoO ch. 4 "CPU Timer", ch. 6 "External Interruption"): the
 * condition arises once the timer goes negative, not before; it is taken
 * when the PSW and CR0 bit 53 enable it, also in ordinary execution; STPT
 * reads a timer that decreases from the value set. Only relations between
 * times are checked. SPT of negative values and the end of a condition by
 * SPT are in timer_strict. */
#include "timer_common.h"

static void test_not_before(void)
{
    uint64_t start, woke, n_early, n_late, left;

    log_install();
    rt_lctlg(0, rt_stctg(0) | CR0_CPUTM);
    start = stck();
    spt(20000 * TOD_US);                    /* 20 ms */
    left = stpt();
    window(2000);
    n_early = timer_ext_log.n;
    wait_enabled();
    woke = stck();
    n_late = timer_ext_log.n;
    spt(0x7fffffffffffffffull);
    log_remove();
    rt_check(left <= 20000 * TOD_US && left > 10000 * TOD_US,
             "stpt right after spt: a bit less");
    rt_check_u64("20 ms timer: not taken in a 2 ms window", n_early, 0);
    rt_check_u64("enabled wait: one interruption", n_late, 1);
    rt_check_u64("  code 0x1005", timer_ext_log.rec[0].code, 0x1005);
    rt_check(woke - start >= 20000 * TOD_US, "  taken only after 20 ms of TOD time");
}

static void test_held_back(void)
{
    uint64_t n_subclass, n;

    log_install();
    rt_lctlg(0, rt_stctg(0) & ~CR0_CPUTM);
    spt(1000 * TOD_US);                     /* 1 ms */
    spin_us(3000);
    window(2000);
    n_subclass = timer_ext_log.n;
    rt_lctlg(0, rt_stctg(0) | CR0_CPUTM);
    window(2000);
    n = timer_ext_log.n;
    spt(0x7fffffffffffffffull);
    log_remove();
    rt_check_u64("timer run out, CR0 bit 53 zero: held back", n_subclass, 0);
    rt_check_u64("CR0 bit 53 one: taken in an enabled window", n, 1);
    rt_check_u64("  old PSW mask: external mask on, no wait",
                 timer_ext_log.rec[0].mask & ~PSW_MASK_CC, PSW_MASK_EXT | PSW_MASK_64);
    rt_check_u64("  code 0x1005", timer_ext_log.rec[0].code, 0x1005);
}

int main(void)
{
    test_not_before();
    test_held_back();
    return 0;
}
