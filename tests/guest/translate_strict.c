/*
 * translate_strict.c - PoO-defined behaviour of TRE and TROO/TROT that QEMU
 * (the reference emulator) gets wrong; kept apart so the other translate
 * programs compare cleanly. Each check cites the PoO rule.
 */
#include "rt/rt.h"

#define DEF_RUN(fn, text, pre, post)                                          \
static unsigned fn(uint64_t *g)                                               \
{                                                                             \
    uint64_t ipm;                                                             \
                                                                              \
    asm volatile("lmg %%r0,%%r5,0(%[g])\n\t" pre "\n"                         \
                 "0:\t" text "\n\t"                                           \
                 "jo 0b\n\t"                                                  \
                 "ipm %[ipm]\n\t" post "\n\t"                                 \
                 "stmg %%r0,%%r5,0(%[g])"                                     \
                 : [ipm] "=&d"(ipm) : [g] "a"(g)                              \
                 : "r0", "r1", "r2", "r3", "r4", "r5", "cc", "memory");       \
    return rt_cc_from_ipm(ipm);                                               \
}

DEF_RUN(run_tre31, "tre %%r2,%%r4", "sam31", "sam64")
DEF_RUN(run_troo, "troo %%r2,%%r4", "", "")
DEF_RUN(run_trot, "trot %%r2,%%r4", "", "")

static uint8_t tbl8[256] __attribute__((aligned(8)));
static uint16_t tbl16[256] __attribute__((aligned(8)));
static uint8_t buf[64], out[64];
static uint16_t wout[16];

static uint64_t A(const void *p)
{
    return (uint64_t)(uintptr_t)p;
}

int main(void)
{
    struct rt_pgm_info pi;
    uint64_t g[6];
    unsigned cc;

    for (unsigned i = 0; i < 256; i++) {
        tbl8[i] = (uint8_t)(i + 1);
        tbl16[i] = (uint16_t)(0x3000 + i);
    }

    /* TRE in the 31-bit mode: bits 0-31 of R1 remain unchanged. */
    buf[0] = 'a';
    buf[1] = '.';
    g[0] = '.';
    g[2] = 0xdeadbeef00000000ull | A(buf);
    g[3] = 0x1234567800000002ull;
    g[4] = A(tbl8);
    cc = run_tre31(g);
    rt_check_u64("tre 31-bit: cc 1", cc, 1);
    rt_check_u64("tre 31-bit: r1 bits 0-31 unchanged", g[2], 0xdeadbeef00000000ull | (A(buf) + 1));

    /* TROO with a zero second-operand length: CC 0, nothing stored. */
    out[0] = 0xee;
    g[0] = 0x55;
    g[1] = A(tbl8);
    g[2] = A(out);
    g[3] = 0;
    g[4] = A(buf);
    cc = run_troo(g);
    rt_check_u64("troo length 0: cc 0", cc, 0);
    rt_check_u64("troo length 0: nothing stored", out[0], 0xee);
    rt_check_u64("troo length 0: r1 unchanged", g[2], A(out));

    /* TROT: the test character is two bytes, GR0 bits 48-63. */
    buf[0] = 1;
    buf[1] = 2;
    buf[2] = 3;
    g[0] = 0x3002;
    g[1] = A(tbl16);
    g[2] = A(wout);
    g[3] = 3;
    g[4] = A(buf);
    cc = run_trot(g);
    rt_check_u64("trot 16-bit test character: cc 1", cc, 1);
    rt_check_u64("trot test character: r1", g[2], A(wout) + 2);
    rt_check_u64("trot test character: r1+1", g[3], 2);
    rt_check_u64("trot test character: r2", g[4], A(buf) + 1);

    /* TROO with an odd R1: specification exception. */
    rt_pgm_arm();
    asm volatile("lghi %%r0,0\n\tlgr %%r1,%[t]\n\tlgr %%r3,%[o]\n\tlghi %%r4,2\n\t"
                 "lgr %%r5,%[s]\n\t.insn rrf,0xb9930000,%%r3,%%r5,0,0"
                 : : [t] "d"(A(tbl8)), [o] "d"(A(out)), [s] "d"(A(buf))
                 : "r0", "r1", "r3", "r4", "r5", "cc", "memory");
    rt_check(rt_pgm_disarm(&pi), "troo odd r1: interruption");
    rt_check_u64("troo odd r1: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("troo odd r1: ilc 2", pi.ilc, 2);
    return 0;
}
