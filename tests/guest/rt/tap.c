/*
 * tap.c - TAP output: numbered ok/not ok lines, plan and summary at exit,
 * and stopping the CPU.
 */
#include "rt.h"

static unsigned n_tests, n_pass, n_fail;

void rt_tap_unexpected(uint16_t code, uint16_t ilc, uint64_t mask,
                       uint64_t addr) __attribute__((noreturn));

/* Record a result and print its TAP line; returns ok. */
static bool report(bool ok, const char *name)
{
    n_tests++;
    if (ok)
        n_pass++;
    else
        n_fail++;
    rt_printf("%sok %u - %s\n", ok ? "" : "not ", n_tests, name);
    return ok;
}

/* Record a check; returns ok. */
bool rt_check(bool ok, const char *name)
{
    return report(ok, name);
}

/* Record a check with a printf-style name; returns ok. */
bool rt_checkf(bool ok, const char *fmt, ...)
{
    char name[160];
    va_list ap;

    va_start(ap, fmt);
    rt_vsnprintf(name, sizeof(name), fmt, ap);
    va_end(ap);
    return report(ok, name);
}

/* Compare two values; on mismatch show both.  Returns got == expected. */
bool rt_check_u64(const char *name, uint64_t got, uint64_t expected)
{
    bool ok = got == expected;

    report(ok, name);
    if (!ok)
        rt_printf("# got 0x%016lx expected 0x%016lx\n", got, expected);
    return ok;
}

/* Print up to 64 bytes of p in hex after a "# label" prefix. */
static void dump(const char *label, const uint8_t *p, size_t len)
{
    size_t i;

    rt_printf("# %s", label);
    for (i = 0; i < len && i < 64; i++)
        rt_printf("%s%02x", i % 8 ? "" : " ", p[i]);
    rt_printf("%s\n", len > 64 ? " ..." : "");
}

/* Compare two buffers; on mismatch show both.  Returns equality. */
bool rt_check_mem(const char *name, const void *got, const void *expected,
                  size_t len)
{
    const uint8_t *g = got, *e = expected;
    size_t i;

    for (i = 0; i < len && g[i] == e[i]; i++)
        ;
    report(i == len, name);
    if (i < len) {
        rt_printf("# first difference at offset %lu\n", (unsigned long)i);
        dump("got     ", g, len);
        dump("expected", e, len);
    }
    return i == len;
}

/* Report a skipped check (counts as passed). */
void rt_skip(const char *name, const char *reason)
{
    n_tests++;
    n_pass++;
    rt_printf("ok %u - %s # SKIP %s\n", n_tests, name, reason);
}

/* Print a "# " diagnostic line. */
void rt_diag(const char *fmt, ...)
{
    va_list ap;

    rt_printf("# ");
    va_start(ap, fmt);
    rt_vprintf(fmt, ap);
    va_end(ap);
    rt_putc('\n');
}

/* Number of failed checks so far. */
unsigned rt_failures(void)
{
    return n_fail;
}

/* Report a program interruption nobody expected, then end the run. */
void rt_tap_unexpected(uint16_t code, uint16_t ilc, uint64_t mask,
                       uint64_t addr)
{
    n_tests++;
    n_fail++;
    rt_printf("not ok - unexpected program interruption code=%04x at=%lx\n",
              code, addr);
    rt_printf("# ilc=%u psw=%016lx %016lx\n", ilc, mask, addr);
    rt_exit();
}

/* Stop this CPU with SIGNAL PROCESSOR (stop); falls back to a disabled
 * wait if the order is not accepted. */
void rt_stop(void)
{
    static uint64_t psw[2] __attribute__((aligned(16))) = {
        PSW_MASK_WAIT | PSW_MASK_64, 0xdead,
    };
    uint64_t status = 0;
    uint16_t cpu = rt_stap();

    asm volatile("sigp %0,%1,5" : "+d"(status) : "d"((uint64_t)cpu)
                 : "cc", "memory");
    for (;;)
        asm volatile("lpswe 0(%0)" : : "a"(psw) : "memory");
}

/* Print the plan and the summary, then stop. */
void rt_exit(void)
{
    rt_printf("1..%u\n", n_tests);
    rt_printf("# pass %u fail %u\n", n_pass, n_fail);
    rt_flush();
    rt_stop();
}
