/* Bit numbering as the Principles of Operation counts it, big-endian loads
 * and stores, and the compiler hints every directory uses. */
#ifndef SIEVE_UTIL_BITS_H
#define SIEVE_UTIL_BITS_H

#include <stdint.h>
#include <string.h>

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define MUST_CHECK  __attribute__((warn_unused_result))
#define COLD        __attribute__((cold, noinline))
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define NORETURN    __attribute__((noreturn))
#define PRINTF(a, b) __attribute__((format(printf, a, b)))

/* Bit n of a 64-bit (resp. 32-bit) value, bit 0 being the most significant. */
#define BIT64(n) (UINT64_C(1) << (63 - (n)))
#define BIT32(n) (UINT32_C(1) << (31 - (n)))
/* Bits a..b of a 64-bit value, PoO numbering, right-aligned. */
#define FIELD64(v, a, b) (((v) >> (63 - (b))) & ((UINT64_C(2) << ((b) - (a))) - 1))

static inline uint16_t ld_be16(const void *p)
{
    uint16_t v;
    memcpy(&v, p, 2);
    return __builtin_bswap16(v);
}

static inline uint32_t ld_be32(const void *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return __builtin_bswap32(v);
}

static inline uint64_t ld_be64(const void *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return __builtin_bswap64(v);
}

static inline void st_be16(void *p, uint16_t v)
{
    v = __builtin_bswap16(v);
    memcpy(p, &v, 2);
}

static inline void st_be32(void *p, uint32_t v)
{
    v = __builtin_bswap32(v);
    memcpy(p, &v, 4);
}

static inline void st_be64(void *p, uint64_t v)
{
    v = __builtin_bswap64(v);
    memcpy(p, &v, 8);
}

/* Bit positions @start through @end (PoO numbering, 0-63) of a doubleword,
 * wrapping from bit 63 to bit 0 when @start > @end (the ROTATE THEN ...
 * SELECTED BITS range). */
static inline uint64_t range_mask(unsigned start, unsigned end)
{
    uint64_t from_start = UINT64_MAX >> start;          /* bits start..63 */
    uint64_t to_end = UINT64_MAX << (63 - end);          /* bits 0..end */

    return start <= end ? from_start & to_end : from_start | to_end;
}

#endif
