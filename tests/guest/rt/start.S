/*
 * start.S - entry point and interruption stubs of the guest runtime.
 *
 * Entered in 64-bit mode, DAT off, key 0, supervisor state, all
 * interruptions disabled.  Lowcore scratch locations are in rt.h.
 */

#define RT_LC_GPRS          0x200
#define RT_LC_RESUME_PSW    0x280
#define RT_PGM_RESUME       0x2f8

    .section .text.start, "ax"
    .globl  _start
/* _start: set up the stack, clear .bss, install new PSWs, run main(). */
_start:
    larl    %r15, __stack_top
    aghi    %r15, -160
    lghi    %r0, 0
    stg     %r0, 0(%r15)                /* terminate the back chain */

    /* clear .bss (not the stack we stand on: it is cleared too, harmless) */
    larl    %r2, __bss_start
    larl    %r3, __bss_end
    sgr     %r3, %r2
    lghi    %r4, 0
    lghi    %r5, 0
    mvcl    %r2, %r4

    /* CR0: AFP-register control (bit 45) so f1-f15 are usable, vector
     * enablement (bit 46); compiled code assumes both */
    stctg   %c0, %c0, 0(%r15)
    oi      5(%r15), 0x06
    lctlg   %c0, %c0, 0(%r15)
    xc      0(8, %r15), 0(%r15)

    /* program-check and external new PSWs */
    larl    %r1, rt_new_psws
    mvc     0x1d0(16, %r0), 0(%r1)
    mvc     0x1b0(16, %r0), 16(%r1)

    brasl   %r14, main
    brasl   %r14, rt_exit
2:  j       2b

/*
 * Program-interruption entry: save all GPRs in lowcore, let the C handler
 * record the interruption and fill in the resume PSW (it does not return
 * if the interruption was unexpected), then restore GPRs and resume.
 * Only absolute low addresses are used before the stack switch.
 */
    .text
    .globl  rt_pgm_entry
rt_pgm_entry:
    stmg    %r0, %r15, RT_LC_GPRS
    larl    %r15, __hstack_top
    aghi    %r15, -160
    lghi    %r0, 0
    stg     %r0, 0(%r15)
    brasl   %r14, rt_pgm_handle
    lmg     %r0, %r15, RT_LC_GPRS
    lpswe   RT_LC_RESUME_PSW

/*
 * External-interruption entry: only used to leave an enabled wait.
 * Return to the interrupted PSW with the wait bit and the external mask
 * cleared; no register is touched.  The interruption code and parameter
 * stay in lowcore for the waiter to inspect.
 */
    .globl  rt_ext_entry
rt_ext_entry:
    ni      0x130, 0xfe                 /* bit 7: external mask */
    ni      0x131, 0xfd                 /* bit 14: wait */
    lpswe   0x130

/*
 * int rt_try_call(void (*fn)(void *), void *arg): call fn(arg); returns 0
 * when fn returns, 1 when a program interruption (armed by the caller)
 * abandoned it.  Callee-saved GPRs and FPRs are restored in both cases.
 */
    .globl  rt_try_call
rt_try_call:
    stmg    %r6, %r15, 48(%r15)
    larl    %r1, rt_try_save
    stmg    %r6, %r15, 0(%r1)
    std     %f8, 80(%r1)
    std     %f9, 88(%r1)
    std     %f10, 96(%r1)
    std     %f11, 104(%r1)
    std     %f12, 112(%r1)
    std     %f13, 120(%r1)
    std     %f14, 128(%r1)
    std     %f15, 136(%r1)
    larl    %r0, 3f
    stg     %r0, RT_PGM_RESUME
    lgr     %r1, %r2
    lgr     %r2, %r3
    aghi    %r15, -160
    basr    %r14, %r1
    lmg     %r6, %r15, 160+48(%r15)
    lghi    %r2, 0
    br      %r14
3:  larl    %r1, rt_try_save
    lmg     %r6, %r15, 0(%r1)
    ld      %f8, 80(%r1)
    ld      %f9, 88(%r1)
    ld      %f10, 96(%r1)
    ld      %f11, 104(%r1)
    ld      %f12, 112(%r1)
    ld      %f13, 120(%r1)
    ld      %f14, 128(%r1)
    ld      %f15, 136(%r1)
    lghi    %r2, 1
    br      %r14

    .section .rodata
    .balign 8
rt_new_psws:
    .quad   0x0000000180000000, rt_pgm_entry    /* program new PSW */
    .quad   0x0000000180000000, rt_ext_entry    /* external new PSW */

    .section .bss
    .balign 8
rt_try_save:
    .skip   144

    .section .note.GNU-stack, "", @progbits
