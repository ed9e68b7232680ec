/*
 * smc.c - self-modifying code: a store into an instruction that has run
 * before changes what runs next, whether the store is the instruction just
 * before it (STH), a loop body patched between iterations, a real-address
 * store (STURA, as kernels patch their text) or a storage-to-storage move
 * (MVC). Each routine first runs twice storing elsewhere, so that the
 * instruction it later patches has run (and any decoded copy of it is
 * current) when the patching store comes.
 */
#include "rt/rt.h"

/* Each routine takes a value V (0-0x7fff) in %r2 and the address to store
 * into in %r5: the immediate of an instruction it then runs, or a scratch
 * area. It returns what that instruction computed. */
asm(".section .text\n"
    "  .balign 8\n"
    /* STH V, then the LGHI right after it. Returns its immediate. */
    "smc_next:\n"
    "  sth   %r2,0(%r5)\n"
    "smc_next_insn:\n"
    "  lghi  %r2,1\n"
    "  br    %r14\n"
    /* Three rounds of an AHI, with STH V after the first. Returns the
     * immediate before plus twice the immediate after. */
    "smc_loop:\n"
    "  lgr   %r4,%r2\n"
    "  lghi  %r2,0\n"
    "  lghi  %r3,3\n"
    "smc_loop_insn:\n"
    "  ahi   %r2,1\n"
    "  sth   %r4,0(%r5)\n"
    "  brct  %r3,smc_loop_insn\n"
    "  br    %r14\n"
    /* STURA LGHI %r2,V, then the instruction right after it. */
    "smc_stura:\n"
    "  iilf  %r3,0xa7290000\n"
    "  or    %r3,%r2\n"
    "  stura %r3,%r5\n"
    "smc_stura_insn:\n"
    "  lghi  %r2,1\n"
    "  br    %r14\n"
    /* MVC LGHI %r2,V (built in smc_tmpl), then the instruction right after it. */
    "smc_mvc:\n"
    "  larl  %r3,smc_tmpl\n"
    "  sth   %r2,2(%r3)\n"
    "  mvc   0(4,%r5),0(%r3)\n"
    "smc_mvc_insn:\n"
    "  lghi  %r2,1\n"
    "  br    %r14\n"
    "  .previous\n"
    ".section .data\n"
    "  .balign 4\n"
    "smc_tmpl: lghi %r2,0\n"
    "  .previous\n");

extern char smc_next_insn[], smc_loop_insn[], smc_stura_insn[], smc_mvc_insn[];
static uint8_t scratch[8] __attribute__((aligned(8)));

/* Call the routine @label (a string literal) with @v in %r2 and @at in %r5.
 * Returns its %r2. */
#define SMC_CALL(label, v, at)                                              \
    ({                                                                      \
        uint64_t r2_ = (v);                                                 \
        asm volatile("lgr %%r2,%0\n\tlgr %%r5,%1\n\tbrasl %%r14," label "\n\tlgr %0,%%r2" \
                     : "+d"(r2_) : "a"(at)                                  \
                     : "r1", "r2", "r3", "r4", "r5", "r14", "cc", "memory"); \
        r2_;                                                                \
    })

int main(void)
{
    unsigned old = 1;                   /* the immediates as assembled */

    for (unsigned v = 7; v < 10; v++, old = v - 1) {
        rt_check_u64("next: unpatched", SMC_CALL("smc_next", v, scratch), old);
        rt_check_u64("next: unpatched again", SMC_CALL("smc_next", v, scratch), old);
        rt_check_u64("next: patched instruction runs",
                     SMC_CALL("smc_next", v, smc_next_insn + 2), v);
        rt_check_u64("loop: unpatched", SMC_CALL("smc_loop", v, scratch), 3 * old);
        rt_check_u64("loop: body patched after one pass",
                     SMC_CALL("smc_loop", v, smc_loop_insn + 2), old + 2 * v);
        rt_check_u64("stura: unpatched", SMC_CALL("smc_stura", v, scratch), old);
        rt_check_u64("stura: patched instruction runs",
                     SMC_CALL("smc_stura", v, smc_stura_insn), v);
        rt_check_u64("mvc: unpatched", SMC_CALL("smc_mvc", v, scratch), old);
        rt_check_u64("mvc: patched instruction runs", SMC_CALL("smc_mvc", v, smc_mvc_insn), v);
    }
    return 0;
}
