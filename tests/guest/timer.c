/* Timing facilities and external interruptions (PoO chapter 4 "Timing",
 * chapter 6 "External Interruption"): STCK/STCKE/STCKF, SCK, SCKPF, SCKC,
 * STCKC, SPT, STPT, the clock-comparator (0x1004) and CPU-timer (0x1005)
 * interruptions with their CR0 subclass masks, emergency signal (0x1201)
 * and external call (0x1202) to this CPU by SIGP, and the priority among
 * pending external conditions. Times are never printed: only relations. */
#include "timer_common.h"

static void test_stck(void)
{
    uint64_t v[8], ipm;
    bool inc = true;

    asm volatile("stck %0\n\tipm %1" : "=Q"(v[0]), "=d"(ipm) : : "cc", "memory");
    rt_check_u64("stck: cc 0", rt_cc_from_ipm(ipm), 0);
    for (int i = 1; i < 8; i++)
        v[i] = stck();
    for (int i = 1; i < 8; i++)
        inc &= v[i] > v[i - 1];
    rt_check(inc, "stck: strictly increasing values");
    /* after 1900 + 100 years: bit 51 ticks per microsecond */
    rt_check(v[0] > 3155760000ull * 1000000 * TOD_US, "stck: the date is past the year 2000");
}

static void test_stcke(void)
{
    uint8_t e[16] __attribute__((aligned(8)));
    uint64_t before, after, tod, ipm, r0 = 0xbeef, f;

    asm volatile("lgr %%r0,%0\n\tsckpf" : : "d"(r0) : "r0");
    before = stck();
    asm volatile("stcke %0\n\tipm %1" : "=Q"(e), "=d"(ipm) : : "cc", "memory");
    after = stck();
    rt_check_u64("stcke: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("stcke: epoch index byte 0", e[0], 0);
    tod = 0;
    for (int i = 1; i <= 8; i++)
        tod = tod << 8 | e[i];
    rt_check(tod >= before && tod <= after, "stcke: bytes 1-8 are the TOD clock");
    rt_check_u64("stcke: TOD programmable field from sckpf", (uint16_t)(e[14] << 8 | e[15]),
                 0xbeef);

    /* SCKPF ignores GR0 bits 0-31 */
    r0 = 0xffffffff00001234ull;
    asm volatile("lgr %%r0,%0\n\tsckpf" : : "d"(r0) : "r0");
    asm volatile("stcke %0" : "=Q"(e) : : "cc", "memory");
    rt_check_u64("sckpf: bits 0-31 of GR0 ignored", (uint16_t)(e[14] << 8 | e[15]), 0x1234);

    /* STCKF: not necessarily unique, but not below an earlier STCK */
    before = stck();
    asm volatile("stckf %0\n\tipm %1" : "=Q"(f), "=d"(ipm) : : "cc", "memory");
    rt_check_u64("stckf: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check(f >= before, "stckf: not below an earlier stck");
}

static void test_sckpf_spec(void)
{
    struct rt_pgm_info pi;
    uint8_t e[16] __attribute__((aligned(8)));
    uint64_t r0 = 0x00010000;

    rt_pgm_arm();
    asm volatile("lgr %%r0,%0\n\tsckpf" : : "d"(r0) : "r0");
    rt_check(rt_pgm_disarm(&pi), "sckpf: GR0 bit 47 one: interruption");
    rt_check_u64("sckpf: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("sckpf: ilc 1", pi.ilc, 1);
    asm volatile("stcke %0" : "=Q"(e) : : "cc", "memory");
    rt_check_u64("sckpf: field unchanged after the exception", (uint16_t)(e[14] << 8 | e[15]),
                 0x1234);
    r0 = 0;
    asm volatile("lgr %%r0,%0\n\tsckpf" : : "d"(r0) : "r0");
}

static void test_sck(void)
{
    uint64_t now = stck(), set = now + (1ull << 40), got, ipm;
    static uint64_t dw __attribute__((aligned(8)));

    dw = set;
    asm volatile("sck %1\n\tipm %0" : "=d"(ipm) : "Q"(dw) : "cc", "memory");
    got = stck();
    rt_check_u64("sck: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check(got >= set, "sck: stck afterwards not below the set value");
    rt_check(got - set < (1ull << 36), "sck: and within seconds of it");
}

/* Run @fn with a doubleword operand at an odd word boundary: specification. */
static void unaligned_check(const char *name, void (*fn)(void *))
{
    static uint64_t buf[2] __attribute__((aligned(8)));
    struct rt_pgm_info pi;

    rt_checkf(rt_pgm_try(fn, (uint8_t *)buf + 4, &pi) == PGM_SPECIFICATION,
              "%s: operand not on a doubleword boundary: specification", name);
}

static void do_sck(void *p) { asm volatile("sck 0(%0)" : : "a"(p) : "cc", "memory"); }
static void do_sckc(void *p) { asm volatile("sckc 0(%0)" : : "a"(p) : "memory"); }
static void do_stckc(void *p) { asm volatile("stckc 0(%0)" : : "a"(p) : "memory"); }
static void do_spt(void *p) { asm volatile("spt 0(%0)" : : "a"(p) : "memory"); }
static void do_stpt(void *p) { asm volatile("stpt 0(%0)" : : "a"(p) : "memory"); }

static void test_alignment(void)
{
    unaligned_check("sck", do_sck);
    unaligned_check("sckc", do_sckc);
    unaligned_check("stckc", do_stckc);
    unaligned_check("spt", do_spt);
    unaligned_check("stpt", do_stpt);
}

static void test_ckc_roundtrip(void)
{
    sckc(0x0123456789abcdefull);
    rt_check_u64("sckc/stckc round trip", stckc(), 0x0123456789abcdefull);
    sckc(~0ull);
    rt_check_u64("sckc/stckc all ones", stckc(), ~0ull);
}

static void test_ckc_interruption(void)
{
    uint64_t resume, n_masked, n_future;
    struct ext_rec r;

    log_install();
    /* CKC in the past but subclass mask off: nothing */
    rt_lctlg(0, rt_stctg(0) & ~CR0_CKC);
    sckc(stck());               /* past at once; QEMU 7.2 misses CKCs before its start */
    window(2000);
    n_masked = timer_ext_log.n;
    /* mask on: the condition still holds, an enabled wait ends at once */
    rt_lctlg(0, rt_stctg(0) | CR0_CKC);
    resume = wait_enabled();
    r = timer_ext_log.rec[0];
    /* CKC all ones never fires */
    sckc(~0ull);
    timer_ext_log.n = 0;
    window(2000);
    n_future = timer_ext_log.n;
    log_remove();

    rt_check_u64("ckc: not taken with CR0 bit 52 zero", n_masked, 0);
    rt_check_u64("ckc: interruption code 0x1004", r.code, 0x1004);
    rt_check_u64("ckc: old PSW address is the wait PSW's", r.addr, resume);
    rt_check_u64("ckc: old PSW mask is the wait PSW's", r.mask,
                 PSW_MASK_EXT | PSW_MASK_WAIT | PSW_MASK_64);
    rt_check_u64("ckc: all ones: no interruption", n_future, 0);
}

static void test_cpu_timer(void)
{
    uint64_t a, b, resume;
    struct ext_rec r;

    spt(0x7fffffffffffffffull);
    a = stpt();
    spin_us(100);
    b = stpt();
    rt_check(a <= 0x7fffffffffffffffull && a > 0x7fffff0000000000ull,
             "stpt: just below the value set");
    rt_check(b < a, "stpt: the cpu timer decrements");
    rt_check(a - b >= 100 * TOD_US, "stpt: at least at the TOD rate");

    log_install();
    rt_lctlg(0, rt_stctg(0) | CR0_CPUTM);
    spt(1000 * TOD_US);                     /* 1 ms */
    resume = wait_enabled();
    r = timer_ext_log.rec[0];
    log_remove();
    rt_check_u64("cpu timer: one interruption", timer_ext_log.n, 1);
    rt_check_u64("cpu timer: interruption code 0x1005", r.code, 0x1005);
    rt_check_u64("cpu timer: old PSW address is the wait PSW's", r.addr, resume);
    rt_check_u64("cpu timer: old PSW mask is the wait PSW's", r.mask,
                 PSW_MASK_EXT | PSW_MASK_WAIT | PSW_MASK_64);
}

static void test_sigp_signals(void)
{
    uint16_t self = rt_stap();
    uint32_t st;
    unsigned cc_x1, cc_x2, cc_sense, cc_e1, cc_e2, cc_bad;
    uint32_t st_x2, st_sense;
    uint64_t n_after;
    struct ext_rec r0, r1;

    log_install();
    cc_x1 = sigp(0x02, self, &st);
    st = 0;
    cc_x2 = sigp(0x02, self, &st);
    st_x2 = st;
    st = 0;
    cc_sense = sigp(0x01, self, &st);
    st_sense = st;
    cc_e1 = sigp(0x03, self, &st);
    cc_e2 = sigp(0x03, self, &st);          /* same source: one condition */
    cc_bad = sigp(0x03, 200, &st);
    rt_lctlg(0, rt_stctg(0) | CR0_EMSIG | CR0_XCALL);
    window(1000);
    window(1000);
    r0 = timer_ext_log.rec[0];
    r1 = timer_ext_log.rec[1];
    window(1000);
    n_after = timer_ext_log.n;
    st = 0;
    sigp(0x01, self, &st);
    log_remove();

    rt_check_u64("sigp external call: cc 0", cc_x1, 0);
    rt_check_u64("sigp external call again: cc 1", cc_x2, 1);
    rt_check_u64("sigp external call again: status external call pending", st_x2, 0x80);
    rt_check_u64("sigp sense: cc 1 with a pending external call", cc_sense, 1);
    rt_check_u64("sigp sense: status external call pending", st_sense, 0x80);
    rt_check_u64("sigp emergency signal: cc 0", cc_e1, 0);
    rt_check_u64("sigp emergency signal again: cc 0", cc_e2, 0);
    rt_check_u64("sigp to a CPU address not in the configuration: cc 3", cc_bad, 3);
    rt_check_u64("emergency signal first: code 0x1201", r0.code, 0x1201);
    rt_check_u64("emergency signal: sending CPU address at 0x84", r0.cpu_addr, self);
    rt_check_u64("external call next: code 0x1202", r1.code, 0x1202);
    rt_check_u64("external call: sending CPU address at 0x84", r1.cpu_addr, self);
    rt_check_u64("two emergency signals from one CPU: one interruption", n_after, 2);
    rt_check_u64("sigp sense after delivery: nothing pending", st, 0);
}

static void test_priority(void)
{
    uint16_t self = rt_stap();
    uint32_t st;
    uint16_t codes[6] = { 0 };
    uint64_t n;

    log_install();
    sigp(0x02, self, &st);
    sigp(0x03, self, &st);
    sckc(stck());               /* past at once; QEMU 7.2 misses CKCs before its start */
    spt(0);
    spin_us(2000);                          /* let both timer conditions arise */
    rt_lctlg(0, rt_stctg(0) | CR0_EMSIG | CR0_XCALL | CR0_CKC | CR0_CPUTM);
    window(1000);
    window(1000);
    window(1000);
    sckc(~0ull);                            /* as a handler would: end the CKC condition */
    window(1000);
    spt(0x7fffffffffffffffull);
    window(1000);
    n = timer_ext_log.n;
    for (unsigned i = 0; i < n && i < 6; i++)
        codes[i] = timer_ext_log.rec[i].code;
    log_remove();

    rt_check_u64("priority: four interruptions", n, 4);
    rt_check_u64("priority 1: emergency signal", codes[0], 0x1201);
    rt_check_u64("priority 2: external call", codes[1], 0x1202);
    rt_check_u64("priority 3: clock comparator", codes[2], 0x1004);
    rt_check_u64("priority 4: cpu timer", codes[3], 0x1005);
}

int main(void)
{
    test_stck();
    test_stcke();
    test_sckpf_spec();
    test_sck();
    test_alignment();
    test_ckc_roundtrip();
    test_ckc_interruption();
    test_cpu_timer();
    test_sigp_signals();
    test_priority();
    return 0;
}
