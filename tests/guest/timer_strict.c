/* Timer behaviour where QEMU 7.2 departs from the PoO (runs on sieve only,
 * see qemu-deviations.txt). PoO chapter 4 "Clock Comparator" and "CPU
 * Timer": each condition is a level, pending for as long as TOD > CKC,
 * resp. as long as the CPU timer is negative; the CPU timer is a signed
 * value that goes on decrementing through zero, and a negative value set
 * by SPT is a condition at once, a positive one ends it. */
#include "timer_common.h"

/* An interruption condition stays pending while it holds. */
static void test_levels(void)
{
    uint64_t n_ckc, n_cputm;
    uint16_t c0, c1, c2, c3;

    log_install();
    rt_lctlg(0, rt_stctg(0) | CR0_CKC);
    sckc(0);                                /* the earliest comparator value */
    window(1000);
    window(1000);
    n_ckc = timer_ext_log.n;
    c0 = timer_ext_log.rec[0].code;
    c1 = timer_ext_log.rec[1].code;
    sckc(~0ull);
    timer_ext_log.n = 0;
    rt_lctlg(0, rt_stctg(0) | CR0_CPUTM);
    spt(0);
    spin_us(10);
    window(1000);
    window(1000);
    n_cputm = timer_ext_log.n;
    c2 = timer_ext_log.rec[0].code;
    c3 = timer_ext_log.rec[1].code;
    log_remove();

    rt_check_u64("ckc 0: interruptions in two windows", n_ckc, 2);
    rt_check_u64("ckc 0: first code 0x1004", c0, 0x1004);
    rt_check_u64("ckc: still pending while TOD > CKC", c1, 0x1004);
    rt_check_u64("cpu timer: interruptions in two windows", n_cputm, 2);
    rt_check_u64("cpu timer: first code 0x1005", c2, 0x1005);
    rt_check_u64("cpu timer: still pending while negative", c3, 0x1005);
}

static void test_negative(void)
{
    uint64_t a, b;

    spt(1);
    spin_us(10);
    a = stpt();
    spt(~0ull);                             /* -1 */
    b = stpt();
    spt(0x7fffffffffffffffull);
    rt_check((int64_t)a < 0, "stpt: negative once the timer passed zero");
    rt_check((int64_t)a > -(int64_t)(1000000 * TOD_US), "stpt: by the time elapsed");
    rt_check((int64_t)b < 0 && (int64_t)b > -(int64_t)(1000000 * TOD_US),
             "spt of all ones sets -1, then decrements");
}

/* A negative value set by SPT is an interruption condition at once. */
static void test_spt_negative(void)
{
    uint64_t n;

    log_install();
    rt_lctlg(0, rt_stctg(0) | CR0_CPUTM);
    spt(0xfffffffffff00000ull);
    window(2000);
    n = timer_ext_log.n;
    spt(0x7fffffffffffffffull);
    log_remove();
    rt_check_u64("spt of a negative value: interruption at once", n, 1);
    rt_check_u64("  code 0x1005", timer_ext_log.rec[0].code, 0x1005);
}

/* SPT of a positive value ends a pending condition. */
static void test_reset_by_spt(void)
{
    uint64_t n;

    log_install();
    rt_lctlg(0, rt_stctg(0) | CR0_CPUTM);
    spt(1000 * TOD_US);
    spin_us(3000);                          /* run out: pending */
    spt(1000000 * TOD_US);                  /* 1 s: positive again */
    window(2000);
    n = timer_ext_log.n;
    spt(0x7fffffffffffffffull);
    log_remove();
    rt_check_u64("spt of a positive value before enabling: nothing", n, 0);
}

int main(void)
{
    test_levels();
    test_negative();
    test_spt_negative();
    test_reset_by_spt();
    return 0;
}
