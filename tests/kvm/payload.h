/* The L2 payload kvm-runner runs: bare-metal z/Architecture code, position
 * independent, copied to guest real PAYLOAD_ADDR and started with DAT off in
 * 64-bit mode. vCPU 0 starts at the first byte, vCPU 1 at payload_cpu1.
 *
 * Hypercall: DIAGNOSE 0x501 (intercepted by the machine, handed by L1's KVM
 * to its user space, kvm-runner) with GR2 = 1 print GR4 bytes at GR3,
 * GR2 = 2 end this vCPU with exit status GR3.
 *
 * vCPU 0 computes the sum of squares 1..1000 (and stores it at RESULT_ADDR,
 * a page it touches first, so L1's KVM resolves a host fault), prints it in
 * decimal (CVDG/UNPK), takes a fixed-point-divide exception in its own
 * handler (delivered by the machine into L2's lowcore), waits enabled for
 * its clock comparator 10 ms ahead (wait intercept; L1's KVM sleeps and
 * injects the interruption) and, with two vCPUs (GR12 = 2 at entry), sends
 * an emergency signal to vCPU 1, which waits for it in its own prefix area.
 * The exit status counts what went wrong: 0 is success. */
#ifndef KVM_PAYLOAD_H
#define KVM_PAYLOAD_H

#define PAYLOAD_ADDR  0x10000u
#define RESULT_ADDR   0x20008u
#define CPU1_PREFIX   0x8000u

extern const unsigned char payload_start[], payload_cpu1[], payload_end[];

__asm__(
    "   .section .rodata.payload,\"a\"\n"
    "   .balign 8\n"
    "   .globl payload_start, payload_cpu1, payload_end\n"
    "payload_start:\n"
    /* ---- vCPU 0 ---- */
    "   lghi  %r11,0\n"                     /* failures */
    "   bras  %r14,.Lnew_psws\n"
    "   larl  %r3,.Lmsg_hello\n"
    "   lghi  %r4,.Lmsg_hello_end-.Lmsg_hello\n"
    "   bras  %r14,.Lprint\n"
    /* sum of squares 1..1000 */
    "   lghi  %r5,1000\n"
    "   lghi  %r6,0\n"
    "0: lgr   %r7,%r5\n"
    "   msgr  %r7,%r5\n"
    "   agr   %r6,%r7\n"
    "   brctg %r5,0b\n"
    "   llilf %r1,0x20008\n"
    "   stg   %r6,0(%r1)\n"                 /* first touch of that page */
    "   larl  %r1,.Lpacked\n"
    "   cvdg  %r6,0(%r1)\n"
    "   larl  %r3,.Lmsg_sum_digits\n"
    "   unpk  0(15,%r3),8(8,%r1)\n"
    "   oi    14(%r3),0xf0\n"                /* zoned decimal (EBCDIC digits) ... */
    "   larl  %r1,.Lascii_mask\n"
    "   nc    0(15,%r3),0(%r1)\n"             /* ... to ASCII */
    "   larl  %r3,.Lmsg_sum\n"
    "   lghi  %r4,.Lmsg_sum_end-.Lmsg_sum\n"
    "   bras  %r14,.Lprint\n"
    /* a program interruption L2 handles itself */
    "   lghi  %r8,0\n"
    "   lghi  %r9,7\n"
    "   lghi  %r10,0\n"
    "   dsgr  %r8,%r10\n"                   /* fixed-point divide: code 9 */
    "   clhhsi 0x200,9\n"                   /* the handler left the code here */
    "   je    1f\n"
    "   aghi  %r11,1\n"
    "1: larl  %r3,.Lmsg_pgm\n"
    "   lghi  %r4,.Lmsg_pgm_end-.Lmsg_pgm\n"
    "   bras  %r14,.Lprint\n"
    /* an enabled wait that the clock comparator ends */
    "   larl  %r1,.Lscratch\n"
    "   stck  0(%r1)\n"
    "   lg    %r2,0(%r1)\n"
    "   agfi  %r2,40960000\n"               /* + 10 ms */
    "   stg   %r2,0(%r1)\n"
    "   sckc  0(%r1)\n"
    "   stctg %c0,%c0,0(%r1)\n"
    "   oi    6(%r1),0x08\n"                /* CR0 bit 52: clock-comparator subclass */
    "   lctlg %c0,%c0,0(%r1)\n"
    "   bras  %r14,.Lwait\n"
    "   clhhsi 0x202,0x1004\n"
    "   je    2f\n"
    "   aghi  %r11,1\n"
    "2: larl  %r3,.Lmsg_ckc\n"
    "   lghi  %r4,.Lmsg_ckc_end-.Lmsg_ckc\n"
    "   bras  %r14,.Lprint\n"
    /* with two vCPUs: an emergency signal to vCPU 1 */
    "   chi   %r12,2\n"
    "   jl    3f\n"
    "   lghi  %r5,1\n"
    "4: lghi  %r2,0\n"
    "   sigp  %r2,%r5,3\n"
    "   jo    5f\n"                         /* CC 3: not there */
    "   jh    4b\n"                         /* CC 2: busy, again */
    "   j     3f\n"
    "5: aghi  %r11,1\n"
    "3: lgr   %r3,%r11\n"
    "   lghi  %r2,2\n"
    "   .long 0x83000501\n"
    "   j     3b\n"
    /* ---- vCPU 1: its own prefix area, then wait for the signal ---- */
    "payload_cpu1:\n"
    "   lghi  %r11,0\n"
    "   larl  %r1,.Lscratch1\n"
    "   llilh %r2,0\n"
    "   oill  %r2,0x8000\n"
    "   st    %r2,0(%r1)\n"
    "   spx   0(%r1)\n"
    "   bras  %r14,.Lnew_psws\n"
    "   larl  %r3,.Lmsg_cpu1\n"
    "   lghi  %r4,.Lmsg_cpu1_end-.Lmsg_cpu1\n"
    "   bras  %r14,.Lprint\n"
    "   larl  %r1,.Lscratch1\n"
    "   stctg %c0,%c0,0(%r1)\n"
    "   oi    6(%r1),0x40\n"                /* CR0 bit 49: emergency-signal subclass */
    "   lctlg %c0,%c0,0(%r1)\n"
    "   bras  %r14,.Lwait\n"
    "   clhhsi 0x202,0x1201\n"
    "   jne   6f\n"
    "   clhhsi 0x204,0\n"                   /* from CPU 0 */
    "   je    7f\n"
    "6: aghi  %r11,1\n"
    "7: larl  %r3,.Lmsg_emsig\n"
    "   lghi  %r4,.Lmsg_emsig_end-.Lmsg_emsig\n"
    "   bras  %r14,.Lprint\n"
    "   j     3b\n"
    /* ---- subroutines (return address in r14) ---- */
    ".Lprint:\n"                            /* r3 = text, r4 = length */
    "   lghi  %r2,1\n"
    "   .long 0x83000501\n"
    "   br    %r14\n"
    ".Lnew_psws:\n"                         /* program and external new PSWs */
    "   llihl %r0,1\n"
    "   oilh  %r0,0x8000\n"
    "   stg   %r0,0x1d0\n"
    "   stg   %r0,0x1b0\n"
    "   larl  %r1,.Lpgm_handler\n"
    "   stg   %r1,0x1d8\n"
    "   larl  %r1,.Lext_handler\n"
    "   stg   %r1,0x1b8\n"
    "   mvhhi 0x200,0\n"
    "   mvhhi 0x202,0\n"
    "   br    %r14\n"
    ".Lwait:\n"                             /* enabled wait until an external interruption, */
    "   larl  %r1,.Lwait_psw\n"                /* with the wait PSW in this CPU's lowcore */
    "   mvc   0x210(8),0(%r1)\n"
    "   stg   %r14,0x218\n"
    "   lpswe 0x210\n"
    ".Lpgm_handler:\n"                      /* note the code, go on after the instruction */
    "   mvc   0x200(2),0x8e\n"
    "   lpswe 0x150\n"
    ".Lext_handler:\n"                      /* note code and CPU, return disabled, awake */
    "   mvc   0x202(2),0x86\n"
    "   mvc   0x204(2),0x84\n"
    "   ni    0x130,0xfe\n"
    "   ni    0x131,0xfd\n"
    "   lpswe 0x130\n"
    /* ---- data ---- */
    "   .balign 8\n"
    ".Lwait_psw:\n"
    "   .quad 0x0102000180000000\n"
    ".Lscratch:\n"
    "   .quad 0\n"
    ".Lscratch1:\n"
    "   .quad 0\n"
    ".Lpacked:\n"
    "   .quad 0, 0\n"
    "   .balign 2\n"
    ".Lmsg_hello:\n"
    "   .ascii \"L2: hello from a KVM guest of L1 on sieve\\n\"\n"
    ".Lmsg_hello_end:\n"
    "   .balign 2\n"
    ".Lmsg_sum:\n"
    "   .ascii \"L2: sum of squares 1..1000 is \"\n"      /* even length: LARL */
    ".Lmsg_sum_digits:\n"
    "   .ascii \"???????????????\\n\"\n"
    ".Lmsg_sum_end:\n"
    "   .balign 2\n"
    ".Lmsg_pgm:\n"
    "   .ascii \"L2: fixed-point-divide exception handled in L2\\n\"\n"
    ".Lmsg_pgm_end:\n"
    "   .balign 2\n"
    ".Lmsg_ckc:\n"
    "   .ascii \"L2: woken from an enabled wait by the clock comparator\\n\"\n"
    ".Lmsg_ckc_end:\n"
    "   .balign 2\n"
    ".Lascii_mask:\n"
    "   .fill 15,1,0x3f\n"
    "   .balign 2\n"
    ".Lmsg_cpu1:\n"
    "   .ascii \"L2: vcpu 1 up, waiting for a signal\\n\"\n"
    ".Lmsg_cpu1_end:\n"
    "   .balign 2\n"
    ".Lmsg_emsig:\n"
    "   .ascii \"L2: vcpu 1 got an emergency signal from vcpu 0\\n\"\n"
    ".Lmsg_emsig_end:\n"
    "   .balign 8\n"
    "payload_end:\n"
    "   .previous\n");

#endif
