/* Clock comparator (PoO ch. 4 "Clock Comparator", ch. 6 "External
 * Interruption"): the condition arises once the TOD clock passes the
 * comparator, not before; it is taken when the PSW and CR0 bit 52 enable
 * it, also in ordinary execution (not only in a wait); a comparator moved
 * into the future by SCKC ends a pending condition. Only relations between
 * times are checked. */
#include "timer_common.h"

static void test_not_before(void)
{
    uint64_t ckc, n_early, n_late, woke;

    log_install();
    rt_lctlg(0, rt_stctg(0) | CR0_CKC);
    ckc = stck() + 20000 * TOD_US;          /* 20 ms ahead */
    sckc(ckc);
    window(2000);
    n_early = timer_ext_log.n;
    wait_enabled();
    woke = stck();
    n_late = timer_ext_log.n;
    sckc(~0ull);
    log_remove();
    rt_check_u64("ckc 20 ms ahead: not taken in a 2 ms window", n_early, 0);
    rt_check_u64("enabled wait: one interruption", n_late, 1);
    rt_check_u64("  code 0x1004", timer_ext_log.rec[0].code, 0x1004);
    rt_check(woke > ckc, "  taken only after the TOD clock passed the comparator");
}

static void test_mid_execution(void)
{
    log_install();
    rt_lctlg(0, rt_stctg(0) | CR0_CKC);
    sckc(stck());
    spin_us(2000);
    window(2000);
    sckc(~0ull);
    log_remove();
    rt_check_u64("passed comparator: taken in an enabled window", timer_ext_log.n, 1);
    rt_check_u64("  old PSW mask: external mask on, no wait",
                 timer_ext_log.rec[0].mask & ~PSW_MASK_CC, PSW_MASK_EXT | PSW_MASK_64);
    rt_check_u64("  code 0x1004", timer_ext_log.rec[0].code, 0x1004);
}

static void test_moved_away(void)
{
    uint64_t n_pending, n_moved, n_subclass;

    log_install();
    rt_lctlg(0, rt_stctg(0) | CR0_CKC);
    sckc(stck());
    spin_us(2000);
    sckc(~0ull);
    window(2000);
    n_moved = timer_ext_log.n;
    rt_lctlg(0, rt_stctg(0) & ~CR0_CKC);
    sckc(stck());
    spin_us(2000);
    window(2000);
    n_subclass = timer_ext_log.n;
    rt_lctlg(0, rt_stctg(0) | CR0_CKC);
    window(2000);
    n_pending = timer_ext_log.n;
    sckc(~0ull);
    log_remove();
    rt_check_u64("comparator moved into the future before enabling: nothing", n_moved, 0);
    rt_check_u64("CR0 bit 52 zero: held back", n_subclass, 0);
    rt_check_u64("CR0 bit 52 one: taken", n_pending, 1);
}

int main(void)
{
    test_not_before();
    test_mid_execution();
    test_moved_away();
    return 0;
}
