/* The TOD clock: host CLOCK_MONOTONIC scaled to TOD units, offset once so
 * that it starts at the current date. */
#include "cpu/tod.h"

#include <stdbool.h>
#include <time.h>

/* Seconds from the TOD epoch (1900) to the Unix epoch (1970). */
#define TOD_UNIX_EPOCH_SECONDS UINT64_C(2208988800)

static bool tod_ready;
static uint64_t tod_offset;     /* TOD value at monotonic time zero */
static uint64_t tod_last;       /* last value handed out by tod_clock_unique */

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

static uint64_t monotonic_tod(void)
{
    return ns_to_tod(host_ns(CLOCK_MONOTONIC));
}

uint64_t tod_clock(void)
{
    if (!tod_ready) {
        uint64_t real = ns_to_tod(host_ns(CLOCK_REALTIME)) +
                        (TOD_UNIX_EPOCH_SECONDS * 1000000u << 12);

        tod_offset = real - monotonic_tod();
        tod_ready = true;
    }
    return tod_offset + monotonic_tod();
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
    tod_offset = value - monotonic_tod();
    tod_ready = true;
    tod_last = 0;
}
