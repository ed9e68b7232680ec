/*
 * decimal_mul.c - MULTIPLY DECIMAL and DIVIDE DECIMAL (PoO ch. 8): signs
 * (even of zero results), operand-length specification exceptions, the
 * multiplicand leading-zero rule (data exception), decimal-divide
 * exceptions for a zero divisor and a quotient too large, and the
 * condition code left unchanged.
 * QEMU 7.2 lacks these instructions: run with --sieve-only.
 */
#include "rt/rt.h"
#include "decimal_common.c"

static void test_mp(void)
{
    struct res r;

    set2("\x00\x00\x12\x3c", 4, "\x4d", 1);
    DEC_RUN("mp 0(4,%[a]),0(1,%[b])", SPMV(2, 0), &r);
    check_ok("mp 123 * -4", &r, 2);
    rt_check_mem("mp 123 * -4 = -492", b1, "\x00\x00\x49\x2d\x5a", 5);

    set2("\x00\x00\x0c", 3, "\x5d", 1);
    DEC_RUN("mp 0(3,%[a]),0(1,%[b])", SPMV(1, 0), &r);
    check_ok("mp 0 * -5", &r, 1);
    rt_check_mem("mp 0 * -5 = -0", b1, "\x00\x00\x0d", 3);

    set2("\x00\x99\x9c", 3, "\x9c", 1);
    DEC_RUN("mp 0(3,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_ok("mp 999 * 9", &r, 0);
    rt_check_mem("mp 999 * 9 = 8991", b1, "\x08\x99\x1c", 3);

    set2("\x00\x00\x00\x00\x00\x00\x00\x00\x99\x99\x99\x99\x99\x99\x99\x9d", 16,
         "\x99\x99\x99\x99\x99\x99\x99\x9d", 8);
    DEC_RUN("mp 0(16,%[a]),0(8,%[b])", SPMV(3, 0), &r);
    check_ok("mp 15 digits * 15 digits", &r, 3);
    rt_check_mem("mp (10^15-1)^2, minus times minus",
                 b1, "\x09\x99\x99\x99\x99\x99\x99\x98\x00\x00\x00\x00\x00\x00\x00\x1c", 16);

    set2("\x00\x00\x12\x3c", 4, "\x00\x00\x00\x00\x00\x00\x00\x00\x5c", 9);
    DEC_RUN("mp 0(16,%[a]),0(9,%[b])", SPMV(0, 0), &r);
    check_pgm("mp second operand of 9 bytes", &r, PGM_SPECIFICATION);
    DEC_RUN("mp 0(2,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_pgm("mp L2 = L1", &r, PGM_SPECIFICATION);
    DEC_RUN("mp 0(2,%[a]),0(3,%[b])", SPMV(0, 0), &r);
    check_pgm("mp L2 > L1", &r, PGM_SPECIFICATION);

    set2("\x01\x23\x4c", 3, "\x2c", 1);
    DEC_RUN("mp 0(3,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_pgm("mp multiplicand without leading zero byte", &r, PGM_DATA);
    rt_check_mem("mp data exception: unchanged", b1, "\x01\x23\x4c", 3);

    set2("\x00\x09\x99\x9c", 4, "\x00\x2c", 2);
    DEC_RUN("mp 0(4,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_pgm("mp one leading zero byte for a 2-byte multiplier", &r, PGM_DATA);

    set2("\x00\x00\x99\x9c", 4, "\x00\x2c", 2);
    DEC_RUN("mp 0(4,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_ok("mp two leading zero bytes", &r, 0);
    rt_check_mem("mp 999 * 2 = 1998", b1, "\x00\x01\x99\x8c", 4);

    set2("\x00\x00\x12\x3c", 4, "\x4e", 1);
    DEC_RUN("mp 0(4,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_ok("mp sign E is plus", &r, 0);
    rt_check_mem("mp 123 * 4 = 492", b1, "\x00\x00\x49\x2c", 4);

    set2("\x00\x00\x12\x3c", 4, "\x47", 1);
    DEC_RUN("mp 0(4,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_pgm("mp invalid multiplier sign", &r, PGM_DATA);
}

static void test_dp(void)
{
    struct res r;

    set2("\x00\x01\x23\x4c", 4, "\x05\x0c", 2);
    DEC_RUN("dp 0(4,%[a]),0(2,%[b])", SPMV(1, 0), &r);
    check_ok("dp 1234 / 50", &r, 1);
    rt_check_mem("dp 1234 / 50 = 24 r 34", b1, "\x02\x4c\x03\x4c\x5a", 5);

    set2("\x00\x01\x23\x4d", 4, "\x05\x0c", 2);
    DEC_RUN("dp 0(4,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_ok("dp -1234 / 50", &r, 0);
    rt_check_mem("dp -1234 / 50 = -24 r -34", b1, "\x02\x4d\x03\x4d", 4);

    set2("\x00\x01\x23\x4c", 4, "\x05\x0d", 2);
    DEC_RUN("dp 0(4,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_ok("dp 1234 / -50", &r, 0);
    rt_check_mem("dp 1234 / -50 = -24 r 34", b1, "\x02\x4d\x03\x4c", 4);

    set2("\x00\x00\x01\x2d", 4, "\x05\x0c", 2);
    DEC_RUN("dp 0(4,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_ok("dp -12 / 50", &r, 0);
    rt_check_mem("dp -12 / 50 = -0 r -12", b1, "\x00\x0d\x01\x2d", 4);

    set2("\x00\x49\x99\x9c", 4, "\x05\x0c", 2);
    DEC_RUN("dp 0(4,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_ok("dp largest quotient", &r, 0);
    rt_check_mem("dp 49999 / 50 = 999 r 49", b1, "\x99\x9c\x04\x9c", 4);

    set2("\x00\x50\x00\x0c", 4, "\x05\x0c", 2);
    DEC_RUN("dp 0(4,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_pgm("dp quotient 1000 too large", &r, PGM_DEC_DIVIDE);
    rt_check_mem("dp divide exception: unchanged", b1, "\x00\x50\x00\x0c", 4);

    set2("\x12\x34\x56\x7c", 4, "\x01\x0c", 2);
    DEC_RUN("dp 0(4,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_pgm("dp quotient much too large", &r, PGM_DEC_DIVIDE);

    set2("\x00\x01\x23\x4c", 4, "\x00\x0d", 2);
    DEC_RUN("dp 0(4,%[a]),0(2,%[b])", SPMV(2, 0), &r);
    check_pgm("dp by -0", &r, PGM_DEC_DIVIDE);
    rt_check_u64("dp by zero: cc unchanged", psw_mask_cc(r.pi.mask), 2);
    rt_check_mem("dp by zero: unchanged", b1, "\x00\x01\x23\x4c", 4);

    set2("\x00\x01\x23\x4c", 4, "\x00\x0a", 2);
    DEC_RUN("dp 0(4,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_pgm("dp divisor with invalid sign", &r, PGM_DATA);

    set2("\x00\x01\x23\x4c", 4, "\x00\x0c", 2);
    DEC_RUN("dp 0(4,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_pgm("dp by +0", &r, PGM_DEC_DIVIDE);

    DEC_RUN("dp 0(4,%[a]),0(4,%[b])", SPMV(0, 0), &r);
    check_pgm("dp L2 = L1", &r, PGM_SPECIFICATION);
    DEC_RUN("dp 0(16,%[a]),0(9,%[b])", SPMV(0, 0), &r);
    check_pgm("dp L2 = 9", &r, PGM_SPECIFICATION);

    /* 31-digit dividend, 15-digit divisor. */
    set2("\x00\x00\x00\x00\x00\x00\x00\x12\x34\x56\x78\x90\x12\x34\x56\x7c", 16,
         "\x00\x00\x00\x00\x00\x00\x10\x0c", 8);
    DEC_RUN("dp 0(16,%[a]),0(8,%[b])", SPMV(0, 0), &r);
    check_ok("dp 16 by 8 bytes", &r, 0);
    rt_check_mem("dp 12345678901234567 / 100",
                 b1, "\x12\x34\x56\x78\x90\x12\x34\x5c\x00\x00\x00\x00\x00\x00\x06\x7c", 16);
}

int main(void)
{
    test_mp();
    test_dp();
    return 0;
}
