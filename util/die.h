/* Set-up failures (bad option, unreadable file): one line on stderr, exit 2. */
#ifndef SIEVE_UTIL_DIE_H
#define SIEVE_UTIL_DIE_H

#include "util/bits.h"

#define EXIT_USAGE 2

/* Print "sieve: <message>" and exit with EXIT_USAGE. Does not return. */
NORETURN PRINTF(1, 2) void die(const char *fmt, ...);

/* Report a sieve bug (an invariant broke, never a guest error) and abort. */
NORETURN PRINTF(1, 2) void sieve_bug(const char *fmt, ...);

#endif
