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
 *   0x500  16 x 4  final ARs
 */

    .text
/* void dt_enter(const void *code): run one case; returns through dt_exit. */
    .globl  dt_enter
dt_enter:
    stmg    %r6, %r15, 48(%r15)
    stg     %r15, 0x388
    lam     %a0, %a15, 0x4c0
    l       %r1, 0x380
    spm     %r1
    br      %r2

/* End of a case, reached by the case's jump or as the resume address of a
 * program interruption (GPRs and PSW mask as at the interruption). */
    .globl  dt_exit
dt_exit:
    stmg    %r0, %r15, 0x400
    stam    %a0, %a15, 0x500
    ipm     %r1
    st      %r1, 0x480
    lghi    %r1, 0                      /* program mask 0 for the harness */
    spm     %r1
    lg      %r15, 0x388
    lmg     %r6, %r15, 48(%r15)
    br      %r14

    .section .note.GNU-stack, "", @progbits
