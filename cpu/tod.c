/* The TOD clock: a raw clock (host CLOCK_MONOTONIC since start, or the
 * instruction count in deterministic mode) plus an epoch offset that starts
 * at the current date and that SET CLOCK moves. */
#include "cpu/tod.h"

#include <time.h>
#include "cpu/state.h"

/* Seconds from the TOD epoch (1900) to the Unix epoch (1970). */
#define TOD_UNIX_EPOCH_SECONDS UINT64_C(2208988800)
/* Deterministic mode's start: 2024-01-01 00:00:00 UTC, in Unix seconds. */
#define TOD_DETERMINISTIC_START UINT64_C(1704067200)

static bool tod_ready;
static uint64_t start_ns;       /* host monotonic time of raw zero */
static uint64_t tod_offset;     /* TOD value at raw zero */
static uint64_t tod_last;       /* last value handed out by tod_clock_unique */

static const struct cpu *det_cpus;  /* deterministic mode: the CPUs whose */
static unsigned det_ncpus;          /* instructions make the time */
static uint64_t det_skipped;        /* raw units skipped while all CPUs idled */

/* Nanoseconds to TOD units: one unit is 2**-12 microseconds. */
static uint64_t ns_to_tod(uint64_t ns)
{
    return ns / 1000 * 4096 + ns % 1000 * 4096 / 1000;
}

static uint64_t host_ns(clockid_t id)
{
    struct timespec ts;

    clock_gettime(id, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t seconds_to_tod(uint64_t unix_seconds)
{
    return (unix_seconds + TOD_UNIX_EPOCH_SECONDS) * 1000000u << 12;
}

/* First use: raw zero is now, the TOD clock shows the date. */
static void tod_start(void)
{
    if (tod_ready)
        return;
    tod_ready = true;
    if (det_cpus) {
        tod_offset = seconds_to_tod(TOD_DETERMINISTIC_START);
        return;
    }
    start_ns = host_ns(CLOCK_MONOTONIC);
    tod_offset = ns_to_tod(host_ns(CLOCK_REALTIME)) + seconds_to_tod(0);
}

uint64_t tod_raw(void)
{
    uint64_t icount = 0;

    tod_start();
    if (!det_cpus)
        return ns_to_tod(host_ns(CLOCK_MONOTONIC) - start_ns);
    for (unsigned i = 0; i < det_ncpus; i++)
        icount += det_cpus[i].icount;
    return det_skipped + icount * TOD_UNITS_PER_INSN;
}

uint64_t tod_to_raw(uint64_t tod)
{
    tod_start();
    return tod - tod_offset;
}

uint64_t tod_from_raw(uint64_t raw)
{
    tod_start();
    return raw + tod_offset;
}

uint64_t tod_clock(void)
{
    uint64_t raw = tod_raw();

    return tod_offset + raw;
}

uint64_t tod_clock_unique(void)
{
    uint64_t t = tod_clock();

    if (t <= tod_last)
        t = tod_last + 1;
    tod_last = t;
    return t;
}

void tod_set(uint64_t value)
{
    tod_offset = value - tod_raw();
    tod_last = 0;
}

void tod_set_offset(uint64_t offset)
{
    tod_start();
    tod_offset = offset;
    tod_last = 0;
}

void tod_set_deterministic(const struct cpu *cpus, unsigned n)
{
    det_cpus = cpus;
    det_ncpus = n;
}

bool tod_deterministic(void)
{
    return det_cpus != NULL;
}

void tod_skip_to(uint64_t raw)
{
    uint64_t now = tod_raw();

    if (det_cpus && raw > now)
        det_skipped += raw - now;
}

uint64_t tod_raw_to_host_ns(uint64_t raw)
{
    unsigned __int128 ns;

    tod_start();
    ns = ((unsigned __int128)raw * 1000 + 4095) / 4096 + start_ns;
    return ns > UINT64_MAX ? UINT64_MAX : (uint64_t)ns;
}
