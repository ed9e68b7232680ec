/*
 * convert_strict.c - PoO-defined Unicode-conversion results that QEMU (the
 * reference emulator) gets wrong; kept apart so convert and convert_wf
 * compare cleanly.
 *  - CU12/CU14 with W: E0 A0-BF 80-BF is well formed (U+0800-U+0FFF), PoO
 *    table of well-formed UTF-8 sequences; QEMU rejects values below 1000.
 *  - CU41/CU42: a UTF-32 value in DC00-DFFF is invalid (CC 2) like D800-DBFF;
 *    QEMU checks only D800-DBFF.
 */
#include "rt/rt.h"

#define DEF_RUN(fn, text)                                                     \
static unsigned fn(uint64_t *g)                                               \
{                                                                             \
    uint64_t ipm;                                                             \
                                                                              \
    asm volatile("lmg %%r0,%%r5,0(%[g])\n"                                    \
                 "0:\t" text "\n\t"                                           \
                 "jo 0b\n\t"                                                  \
                 "ipm %[ipm]\n\t"                                             \
                 "stmg %%r0,%%r5,0(%[g])"                                     \
                 : [ipm] "=&d"(ipm) : [g] "a"(g)                              \
                 : "r0", "r1", "r2", "r3", "r4", "r5", "cc", "memory");       \
    return rt_cc_from_ipm(ipm);                                               \
}

DEF_RUN(cu12_w1, ".insn rrf,0xb2a70000,%%r2,%%r4,1,0")
DEF_RUN(cu14_w1, ".insn rrf,0xb9b00000,%%r2,%%r4,1,0")
DEF_RUN(cu41, ".insn rre,0xb9b20000,%%r2,%%r4")
DEF_RUN(cu42, ".insn rre,0xb9b30000,%%r2,%%r4")

static uint8_t src[16], dst[16];

static unsigned conv(unsigned (*fn)(uint64_t *), const char *s, unsigned n, uint64_t *g)
{
    for (unsigned i = 0; i < n; i++)
        src[i] = (uint8_t)s[i];
    for (unsigned i = 0; i < 16; i++)
        dst[i] = 0xee;
    g[0] = g[1] = 0;
    g[2] = (uint64_t)(uintptr_t)dst;
    g[3] = 16;
    g[4] = (uint64_t)(uintptr_t)src;
    g[5] = n;
    return fn(g);
}

int main(void)
{
    uint64_t g[6];
    unsigned cc;

    cc = conv(cu12_w1, "\xe0\xa0\x80", 3, g);
    rt_check_u64("cu12 w: e0 a0 80 is well formed: cc 0", cc, 0);
    rt_check_mem("cu12 w: e0 a0 80 -> 0800", dst, "\x08\x00", 2);
    cc = conv(cu12_w1, "\xe0\xbf\xbf", 3, g);
    rt_check_u64("cu12 w: e0 bf bf is well formed: cc 0", cc, 0);
    rt_check_mem("cu12 w: e0 bf bf -> 0fff", dst, "\x0f\xff", 2);
    cc = conv(cu14_w1, "\xe0\xa4\x80", 3, g);
    rt_check_u64("cu14 w: e0 a4 80 is well formed: cc 0", cc, 0);
    rt_check_mem("cu14 w: e0 a4 80 -> 00000900", dst, "\x00\x00\x09\x00", 4);

    cc = conv(cu41, "\x00\x00\xdc\x00", 4, g);
    rt_check_u64("cu41 0000dc00 invalid: cc 2", cc, 2);
    rt_check_u64("cu41 0000dc00: r1+1 unchanged", g[3], 16);
    cc = conv(cu42, "\x00\x00\xdf\xff", 4, g);
    rt_check_u64("cu42 0000dfff invalid: cc 2", cc, 2);
    rt_check_u64("cu42 0000dfff: nothing stored", dst[0], 0xee);
    return 0;
}
