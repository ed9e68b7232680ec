/*
 * loop.c - speed benchmark for tools/difftest --bench: a counted loop of
 * mixed general instructions (register, storage, immediate, shift,
 * branch), LOOP_ITERS iterations of 10 instructions (default 1e8
 * instructions; tools/difftest --bench builds it with 1e8 iterations and
 * with 1 iteration to subtract the start-up time). Prints the final
 * register values ("# loop result ...", which tools/bench compares between
 * emulators) and the runtime's TAP trailer.
 */
#include "rt/rt.h"

#ifndef LOOP_ITERS
#define LOOP_ITERS 10000000ull
#endif

static uint64_t buf[4];

int main(void)
{
    uint64_t n = LOOP_ITERS, a = 1, b = 3, c = 5, d = 0;

    asm volatile("0:  agr   %[a],%[b]\n"
                 "    xgr   %[c],%[a]\n"
                 "    sllg  %[d],%[c],3\n"
                 "    stg   %[d],0(%[p])\n"
                 "    lg    %[b],8(%[p])\n"
                 "    ahi   %[b],7\n"
                 "    nr    %[d],%[b]\n"
                 "    stg   %[b],8(%[p])\n"
                 "    clr   %[d],%[a]\n"
                 "    brctg %[n],0b\n"
                 : [n] "+d"(n), [a] "+d"(a), [b] "+d"(b), [c] "+d"(c), [d] "+d"(d)
                 : [p] "a"(buf)
                 : "cc", "memory");
    rt_diag("loop result %lx:%lx:%lx:%lx", (unsigned long)a, (unsigned long)b,
            (unsigned long)c, (unsigned long)d);
    return 0;
}
