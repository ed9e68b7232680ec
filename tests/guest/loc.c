/*
 * loc.c - LOAD/STORE ON CONDITION (LOC LOCG LOCR LOCGR STOC STOCG): every
 * condition code against masks that select and do not select it.
 */
#include "rt/rt.h"

/* Run one LOC-family instruction with CC = @cc; the mask is in the
 * instruction text (M3 = 8 >> cc selects). Results via out[]. */
#define LOC_CASE(insn_text, cc, r, src, dst)                                    \
    asm volatile("spm %[pm]\n\t" insn_text                                       \
                 : [r] "+d"(r), [dst] "+Q"(dst)                                  \
                 : [pm] "d"((uint64_t)(cc) << 28), [src] "Q"(src), [s] "d"(src)  \
                 : "cc")

static void test_loc(void)
{
    static const char *const cc_names[4] = { "cc0", "cc1", "cc2", "cc3" };
    const uint64_t src = 0x8877665544332211ull;
    uint64_t dst, r;

    for (unsigned cc = 0; cc < 4; cc++) {
        /* LOC with mask 8>>cc: taken; with the complement: not taken. */
        r = 0x1111111111111111ull;
        dst = 0;
        switch (cc) {
        case 0:
            LOC_CASE("loc %[r],%[src],8", 0, r, src, dst);
            break;
        case 1:
            LOC_CASE("loc %[r],%[src],4", 1, r, src, dst);
            break;
        case 2:
            LOC_CASE("loc %[r],%[src],2", 2, r, src, dst);
            break;
        default:
            LOC_CASE("loc %[r],%[src],1", 3, r, src, dst);
            break;
        }
        rt_checkf(r == 0x1111111188776655ull, "loc %s selected: low word loaded", cc_names[cc]);

        r = 0x1111111111111111ull;
        switch (cc) {
        case 0:
            LOC_CASE("locg %[r],%[src],7", 0, r, src, dst);
            break;
        case 1:
            LOC_CASE("locg %[r],%[src],11", 1, r, src, dst);
            break;
        case 2:
            LOC_CASE("locg %[r],%[src],13", 2, r, src, dst);
            break;
        default:
            LOC_CASE("locg %[r],%[src],14", 3, r, src, dst);
            break;
        }
        rt_checkf(r == 0x1111111111111111ull, "locg %s not selected: unchanged", cc_names[cc]);
    }

    r = 0x1111111111111111ull;
    LOC_CASE("locg %[r],%[src],15", 2, r, src, dst);
    rt_check_u64("locg mask 15", r, src);
    r = 0x1111111111111111ull;
    LOC_CASE("locr %[r],%[s],2", 2, r, src, dst);
    rt_check_u64("locr taken", r, 0x1111111144332211ull);
    r = 0x1111111111111111ull;
    LOC_CASE("locr %[r],%[s],13", 2, r, src, dst);
    rt_check_u64("locr not taken", r, 0x1111111111111111ull);
    LOC_CASE("locgr %[r],%[s],1", 3, r, src, dst);
    rt_check_u64("locgr taken", r, src);
    r = 0;
    LOC_CASE("locgr %[r],%[s],0", 0, r, src, dst);
    rt_check_u64("locgr mask 0 never", r, 0);
}

static void test_stoc(void)
{
    uint64_t dst, r = 0x0102030405060708ull;
    const uint64_t src = 0;

    dst = ~0ull;
    LOC_CASE("stoc %[r],%[dst],4", 1, r, src, dst);
    rt_check_u64("stoc taken: first word", dst, 0x05060708ffffffffull);
    dst = ~0ull;
    LOC_CASE("stoc %[r],%[dst],11", 1, r, src, dst);
    rt_check_u64("stoc not taken", dst, ~0ull);
    LOC_CASE("stocg %[r],%[dst],8", 0, r, src, dst);
    rt_check_u64("stocg taken", dst, r);
    dst = 5;
    LOC_CASE("stocg %[r],%[dst],7", 0, r, src, dst);
    rt_check_u64("stocg not taken", dst, 5);
}

/* Condition not met: the CC is unchanged by LOC/STOC themselves. */
static void test_cc_kept(void)
{
    uint64_t r = 1, ipm, dst = 0;
    const uint64_t src = 2;

    asm volatile("spm %[pm]\n\tlocg %[r],%[src],8\n\tstocg %[r],%[dst],15\n\tipm %[ipm]"
                 : [r] "+d"(r), [dst] "+Q"(dst), [ipm] "=d"(ipm)
                 : [pm] "d"(3ull << 28), [src] "Q"(src) : "cc");
    rt_check_u64("loc/stoc leave cc 3", rt_cc_from_ipm(ipm), 3);
    rt_check_u64("stocg mask 15 stores", dst, 1);
}

int main(void)
{
    test_loc();
    test_stoc();
    test_cc_kept();
    return 0;
}
