/*
 * smoke.c - first guest test: a few integer instructions with their
 * condition codes, and expected program interruptions.
 */
#include "rt/rt.h"

/* ADD (AR): 32-bit sum and condition code. */
static void test_ar(void)
{
    uint64_t a = 0xffffffff00000005ull, ipm;

    asm volatile("ar %0,%2\n\tipm %1" : "+d"(a), "=d"(ipm) : "d"(7ull)
                 : "cc");
    rt_check_u64("ar 5+7: result, high half untouched", a,
                 0xffffffff0000000cull);
    rt_check_u64("ar 5+7: cc 2 (positive)", rt_cc_from_ipm(ipm), 2);

    a = 5;
    asm volatile("ar %0,%2\n\tipm %1" : "+d"(a), "=d"(ipm)
                 : "d"((uint64_t)-5) : "cc");
    rt_check_u64("ar 5+(-5): result", (uint32_t)a, 0);
    rt_check_u64("ar 5+(-5): cc 0 (zero)", rt_cc_from_ipm(ipm), 0);

    a = 0x7fffffff;
    asm volatile("ar %0,%2\n\tipm %1" : "+d"(a), "=d"(ipm) : "d"(1ull)
                 : "cc");
    rt_check_u64("ar overflow: result wraps", (uint32_t)a, 0x80000000);
    rt_check_u64("ar overflow: cc 3", rt_cc_from_ipm(ipm), 3);
}

/* ADD (AGR): 64-bit sum and condition code. */
static void test_agr(void)
{
    uint64_t a = 0x00000000ffffffffull, ipm;

    asm volatile("agr %0,%2\n\tipm %1" : "+d"(a), "=d"(ipm) : "d"(1ull)
                 : "cc");
    rt_check_u64("agr carry into high word", a, 0x100000000ull);
    rt_check_u64("agr cc 2", rt_cc_from_ipm(ipm), 2);

    a = 1;
    asm volatile("agr %0,%2\n\tipm %1" : "+d"(a), "=d"(ipm)
                 : "d"((uint64_t)-3) : "cc");
    rt_check_u64("agr 1+(-3)", a, (uint64_t)-2);
    rt_check_u64("agr cc 1 (negative)", rt_cc_from_ipm(ipm), 1);

    a = 0x8000000000000000ull;
    asm volatile("agr %0,%2\n\tipm %1" : "+d"(a), "=d"(ipm)
                 : "d"(0x8000000000000000ull) : "cc");
    rt_check_u64("agr overflow: result", a, 0);
    rt_check_u64("agr overflow: cc 3", rt_cc_from_ipm(ipm), 3);
}

/* Operation exception from opcode 0x0000: code 1, ILC 1, suppressing, so
 * the old PSW points past the 2-byte instruction. */
static void test_operation_exception(void)
{
    struct rt_pgm_info pi;
    uint64_t insn, next, r3;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"          /* resume at 1: */
                 "  larl  %[insn],0f\n"
                 "  larl  %[next],1f\n"
                 "  lghi  %%r3,0x5a5\n"
                 "0:  .short 0x0000\n"
                 "1:  lgr   %[r3],%%r3\n"
                 : [insn] "=&d"(insn), [next] "=&d"(next), [r3] "=&d"(r3),
                   [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "r3", "memory");
    rt_check(rt_pgm_disarm(&pi), "opcode 0x0000 raises a program interruption");
    rt_check_u64("operation exception: code", pi.code, PGM_OPERATION);
    rt_check_u64("operation exception: ilc", pi.ilc, 1);
    rt_check_u64("operation exception: old psw addr after insn", pi.addr,
                 next);
    rt_check_u64("operation exception: insn address", insn + 2, next);
    rt_check_u64("operation exception: old psw mask (64-bit, no cc)",
                 pi.mask & ~PSW_MASK_CC, PSW_MASK_64);
    rt_check_u64("operation exception: gpr 3 preserved", r3, 0x5a5);
    rt_check_u64("operation exception: saved gpr 3", pi.gprs[3], 0x5a5);
}

/* DR by zero: fixed-point-divide exception, code 9, ILC 1; suppressing,
 * so the register pair keeps the dividend. */
static void test_divide_exception(void)
{
    struct rt_pgm_info pi;
    uint64_t next, hi, lo;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[next],1f\n"
                 "  lghi  %%r2,0\n"
                 "  lghi  %%r3,100\n"
                 "  lghi  %%r4,0\n"
                 "  dr    %%r2,%%r4\n"
                 "1:  lgr   %[hi],%%r2\n"
                 "  lgr   %[lo],%%r3\n"
                 : [next] "=&d"(next), [hi] "=&d"(hi), [lo] "=&d"(lo),
                   [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "r2", "r3", "r4", "memory");
    rt_check(rt_pgm_disarm(&pi), "dr by zero raises a program interruption");
    rt_check_u64("divide exception: code", pi.code, PGM_FIXED_DIVIDE);
    rt_check_u64("divide exception: ilc", pi.ilc, 1);
    rt_check_u64("divide exception: old psw addr", pi.addr, next);
    rt_check_u64("divide exception: dividend high untouched", hi, 0);
    rt_check_u64("divide exception: dividend low untouched", lo, 100);
}

/* Called through rt_pgm_try: executes an operation exception. */
static void raise_operation(void *arg)
{
    (void)arg;
    asm volatile(".short 0x0000" : : : "memory");
}

/* Called through rt_pgm_try: returns normally. */
static void no_exception(void *arg)
{
    *(int *)arg = 42;
}

/* The function-call flavour of catching. */
static void test_pgm_try(void)
{
    struct rt_pgm_info pi;
    int v = 0;

    rt_check_u64("rt_pgm_try: operation exception caught",
                 rt_pgm_try(raise_operation, NULL, &pi), PGM_OPERATION);
    rt_check_u64("rt_pgm_try: ilc", pi.ilc, 1);
    rt_check_u64("rt_pgm_try: normal return gives 0",
                 rt_pgm_try(no_exception, &v, &pi), 0);
    rt_check_u64("rt_pgm_try: function ran", v, 42);
    rt_check(!pi.fired, "rt_pgm_try: nothing recorded");
}

/* Runtime self-checks: console setup, printf formatting. */
static void test_runtime(void)
{
    char buf[64];

    rt_check_u64("sclp write event mask completed", rt_sclp_mask_rc(), 0x20);
    rt_snprintf(buf, sizeof(buf), "%d|%5u|%-4x|%08lx|%s|%c|%p|%X", -12, 34u,
                0xabu, 0x1234ul, "str", 'z', (void *)0x20000, 0xbeefu);
    rt_check(strcmp(buf, "-12|   34|ab  |00001234|str|z|0x20000|BEEF") == 0,
             "rt_snprintf formatting");
    rt_snprintf(buf, sizeof(buf), "%016lx %llx %hx %hhx", 0xfedcba98ul,
                0x123456789abcdefull, 0x12345u, 0x1ffu);
    rt_check(strcmp(buf, "00000000fedcba98 123456789abcdef 2345 ff") == 0,
             "rt_snprintf long/short modifiers");
    rt_check_u64("running with cpu address 0", rt_stap(), 0);
    memcpy(buf, "0123456789abcdef", 16);
    rt_check_mem("memcpy/rt_check_mem", buf, "0123456789abcdef", 16);
    rt_check_u64("cr0 afp-register control on", (rt_stctg(0) >> 18) & 1, 1);
}

int main(void)
{
    rt_puts("# smoke test");
    test_runtime();
    test_ar();
    test_agr();
    test_operation_exception();
    test_divide_exception();
    test_pgm_try();
    return 0;
}
