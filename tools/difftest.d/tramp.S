/*
 * tramp.S - enter and leave one difftest case.
 *
 * The case's code (generated, in cases.S) starts with LMG of all 16 GPRs
 * from absolute 0x300 and ends with a branch to dt_exit, so no register is
 * reserved while the instructions under test run: the harness state lives
 * in absolute lowcore locations reached with base register 0.
 *   0x300  16 x 8  initial GPRs        0x380  4  SPM operand (CC, PM)
 *   0x388  8       harness stack ptr   0x400  16 x 8  final GPRs
 *   0x480  4       IPM result          0x4c0  16 x 4  initial ARs
 *   0x500  16 x 4  final ARs         0x540  16 x 8  initial FPRs
 *   0x5c0  16 x 8  final FPRs        0x640  4  initial FPC
 *   0x644  4       final FPC
 */

    .text
/* void dt_enter(const void *code): run one case; returns through dt_exit. */
    .globl  dt_enter
dt_enter:
    stmg    %r6, %r15, 48(%r15)
    stg     %r15, 0x388
    lam     %a0, %a15, 0x4c0
    ld      %f0, 0x540
    ld      %f1, 0x548
    ld      %f2, 0x550
    ld      %f3, 0x558
    ld      %f4, 0x560
    ld      %f5, 0x568
    ld      %f6, 0x570
    ld      %f7, 0x578
    ld      %f8, 0x580
    ld      %f9, 0x588
    ld      %f10, 0x590
    ld      %f11, 0x598
    ld      %f12, 0x5a0
    ld      %f13, 0x5a8
    ld      %f14, 0x5b0
    ld      %f15, 0x5b8
    lfpc    0x640
    l       %r1, 0x380
    spm     %r1
    br      %r2

/* End of a case, reached by the case's jump or as the resume address of a
 * program interruption (GPRs and PSW mask as at the interruption). */
    .globl  dt_exit
dt_exit:
    stmg    %r0, %r15, 0x400
    stam    %a0, %a15, 0x500
    std     %f0, 0x5c0
    std     %f1, 0x5c8
    std     %f2, 0x5d0
    std     %f3, 0x5d8
    std     %f4, 0x5e0
    std     %f5, 0x5e8
    std     %f6, 0x5f0
    std     %f7, 0x5f8
    std     %f8, 0x600
    std     %f9, 0x608
    std     %f10, 0x610
    std     %f11, 0x618
    std     %f12, 0x620
    std     %f13, 0x628
    std     %f14, 0x630
    std     %f15, 0x638
    stfpc   0x644
    lfpc    0x648                       /* FPC 0 for the harness */
    ipm     %r1
    st      %r1, 0x480
    lghi    %r1, 0                      /* program mask 0 for the harness */
    spm     %r1
    lg      %r15, 0x388
    lmg     %r6, %r15, 48(%r15)
    br      %r14

    .section .note.GNU-stack, "", @progbits
