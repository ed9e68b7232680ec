/*
 * decimal_add.c - ADD DECIMAL, SUBTRACT DECIMAL, ZERO AND ADD, COMPARE
 * DECIMAL and SHIFT AND ROUND DECIMAL (PoO ch. 8): results with preferred
 * signs, condition codes, decimal overflow with the program mask off and
 * on, and data exceptions for invalid digits and signs.
 * QEMU 7.2 lacks these instructions: run with --sieve-only.
 */
#include "rt/rt.h"
#include "decimal_common.c"

static void test_ap(void)
{
    struct res r;

    set2("\x00\x12\x3c", 3, "\x45\x6c", 2);
    DEC_RUN("ap 0(3,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_ok("ap 123+456", &r, 2);
    rt_check_mem("ap 123+456 = 579", b1, "\x00\x57\x9c\x5a", 4);

    set2("\x12\x3f", 2, "\x1a", 1);
    DEC_RUN("ap 0(2,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_ok("ap signs F and A", &r, 2);
    rt_check_mem("ap signs F and A give preferred C", b1, "\x12\x4c", 2);

    set2("\x00\x10\x0d", 3, "\x02\x5c", 2);
    DEC_RUN("ap 0(3,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_ok("ap -100+25", &r, 1);
    rt_check_mem("ap -100+25 = -75", b1, "\x00\x07\x5d", 3);

    set2("\x05\x0d", 2, "\x05\x0b", 2);
    DEC_RUN("ap 0(2,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_ok("ap -50 + -50 (sign B)", &r, 1);
    rt_check_mem("ap -50 + -50 = -100", b1, "\x10\x0d", 2);

    set2("\x05\x0d", 2, "\x05\x0c", 2);
    DEC_RUN("ap 0(2,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_ok("ap -50+50", &r, 0);
    rt_check_mem("ap -50+50 = +0", b1, "\x00\x0c", 2);

    set2("\x0d", 1, "\x0b", 1);
    DEC_RUN("ap 0(1,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_ok("ap -0 + -0", &r, 0);
    rt_check_mem("ap -0 + -0 = +0", b1, "\x0c", 1);

    /* Operands whose rightmost bytes coincide. */
    set2("\x00\x00\x12\x3c", 4, "", 0);
    DEC_RUN("ap 0(4,%[a]),2(2,%[a])", SPMV(0, 0), &r);
    check_ok("ap to itself", &r, 2);
    rt_check_mem("ap 123+123 in place", b1, "\x00\x00\x24\x6c", 4);

    /* 31-digit operands. */
    set2("\x99\x99\x99\x99\x99\x99\x99\x99\x99\x99\x99\x99\x99\x99\x99\x9d", 16,
         "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x1c", 16);
    DEC_RUN("ap 0(16,%[a]),0(16,%[b])", SPMV(0, 0), &r);
    check_ok("ap 31 digits", &r, 1);
    rt_check_mem("ap -(10^31-1) + 1",
                 b1, "\x99\x99\x99\x99\x99\x99\x99\x99\x99\x99\x99\x99\x99\x99\x99\x8d", 16);
}

static void test_ap_overflow(void)
{
    struct res r;

    set2("\x99\x9c", 2, "\x1c", 1);
    DEC_RUN("ap 0(2,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_ok("ap overflow, mask off", &r, 3);
    rt_check_mem("ap 999+1: zero keeps the plus sign", b1, "\x00\x0c\x5a", 3);

    set2("\x99\x9d", 2, "\x2d", 1);
    DEC_RUN("ap 0(2,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_ok("ap negative overflow, mask off", &r, 3);
    rt_check_mem("ap -999-2 = -1001 truncated", b1, "\x00\x1d", 2);

    set2("\x99\x9d", 2, "\x1d", 1);
    DEC_RUN("ap 0(2,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_ok("ap -999-1, mask off", &r, 3);
    rt_check_mem("ap -999-1: zero result keeps the minus sign", b1, "\x00\x0d", 2);

    set2("\x99\x9c", 2, "\x5c", 1);
    DEC_RUN("ap 0(2,%[a]),0(1,%[b])", SPMV(0, 4), &r);
    check_pgm("ap overflow, mask on", &r, PGM_DEC_OVERFLOW);
    rt_check_u64("ap overflow, mask on: cc 3 in old psw", psw_mask_cc(r.pi.mask), 3);
    rt_check_mem("ap overflow, mask on: result stored", b1, "\x00\x4c", 2);

    /* Fixed-point overflow mask alone does not enable decimal overflow. */
    set2("\x99\x9c", 2, "\x5c", 1);
    DEC_RUN("ap 0(2,%[a]),0(1,%[b])", SPMV(0, 0xb), &r);
    check_ok("ap overflow, other masks on", &r, 3);
}

static void test_ap_data(void)
{
    struct res r;

    set2("\x12\x3c", 2, "\x12\x34", 2);
    DEC_RUN("ap 0(2,%[a]),0(2,%[b])", SPMV(1, 0), &r);
    check_pgm("ap invalid second sign", &r, PGM_DATA);
    rt_check_mem("ap invalid sign: first operand unchanged", b1, "\x12\x3c", 2);
    rt_check_u64("ap invalid sign: cc unchanged", r.cc, 1);

    set2("\x1a\x3c", 2, "\x12\x3c", 2);
    DEC_RUN("ap 0(2,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_pgm("ap invalid first digit", &r, PGM_DATA);
    rt_check_mem("ap invalid digit: first operand unchanged", b1, "\x1a\x3c", 2);

    set2("\x12\x3c", 2, "\xf2\x3c", 2);
    DEC_RUN("sp 0(2,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_pgm("sp invalid leftmost digit", &r, PGM_DATA);

    set2("\x12\x3c", 2, "\x12\x3c", 2);
    DEC_RUN("cp 0(2,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_ok("cp valid", &r, 0);
    set2("\x12\x39", 2, "\x12\x3c", 2);
    DEC_RUN("cp 0(2,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_pgm("cp invalid first sign", &r, PGM_DATA);
}

static void test_sp(void)
{
    struct res r;

    set2("\x00\x10\x0c", 3, "\x25\x0c", 2);
    DEC_RUN("sp 0(3,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_ok("sp 100-250", &r, 1);
    rt_check_mem("sp 100-250 = -150", b1, "\x00\x15\x0d", 3);

    set2("\x00\x10\x0c", 3, "\x25\x0d", 2);
    DEC_RUN("sp 0(3,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_ok("sp 100-(-250)", &r, 2);
    rt_check_mem("sp 100-(-250) = 350", b1, "\x00\x35\x0c", 3);

    set2("\x0d", 1, "\x0d", 1);
    DEC_RUN("sp 0(1,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_ok("sp -0 - -0", &r, 0);
    rt_check_mem("sp -0 - -0 = +0", b1, "\x0c", 1);

    set2("\x12\x3c", 2, "", 0);
    DEC_RUN("sp 0(2,%[a]),0(2,%[a])", SPMV(0, 0), &r);
    check_ok("sp from itself", &r, 0);
    rt_check_mem("sp x-x = +0", b1, "\x00\x0c", 2);

    set2("\x50\x0d", 2, "\x50\x1c", 2);
    DEC_RUN("sp 0(2,%[a]),0(2,%[b])", SPMV(0, 4), &r);
    check_pgm("sp overflow, mask on", &r, PGM_DEC_OVERFLOW);
    rt_check_mem("sp -500-501 = -1001 truncated", b1, "\x00\x1d", 2);
}

static void test_zap(void)
{
    struct res r;

    set2("\xff\xff\xff", 3, "\x12\x3d", 2);
    DEC_RUN("zap 0(3,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_ok("zap over invalid first operand", &r, 1);
    rt_check_mem("zap -123", b1, "\x00\x12\x3d", 3);

    set2("\xff\xff", 2, "\x12\x34\x5f", 3);
    DEC_RUN("zap 0(2,%[a]),0(3,%[b])", SPMV(0, 0), &r);
    check_ok("zap overflow, mask off", &r, 3);
    rt_check_mem("zap 12345 into 2 bytes", b1, "\x34\x5c", 2);

    set2("\xff\xff", 2, "\x10\x00\x0d", 3);
    DEC_RUN("zap 0(2,%[a]),0(3,%[b])", SPMV(0, 4), &r);
    check_pgm("zap overflow to zero, mask on", &r, PGM_DEC_OVERFLOW);
    rt_check_mem("zap -10000 into 2 bytes keeps the sign", b1, "\x00\x0d", 2);

    set2("\xff", 1, "\x00\x00\x0b", 3);
    DEC_RUN("zap 0(1,%[a]),0(3,%[b])", SPMV(0, 0), &r);
    check_ok("zap -0", &r, 0);
    rt_check_mem("zap -0 = +0", b1, "\x0c", 1);

    set2("\x99\x99\x12\x3f", 4, "", 0);
    DEC_RUN("zap 0(4,%[a]),2(2,%[a])", SPMV(0, 0), &r);
    check_ok("zap rightmost bytes coincide", &r, 2);
    rt_check_mem("zap in place", b1, "\x00\x00\x12\x3c", 4);

    set2("\x11\x11", 2, "\x1b\x3c", 2);
    DEC_RUN("zap 0(2,%[a]),0(2,%[b])", SPMV(0, 0), &r);
    check_pgm("zap invalid digit", &r, PGM_DATA);
    rt_check_mem("zap invalid digit: unchanged", b1, "\x11\x11", 2);
}

static void test_cp(void)
{
    struct res r;

    set2("\x12\x3c", 2, "\x00\x12\x3f", 3);
    DEC_RUN("cp 0(2,%[a]),0(3,%[b])", SPMV(3, 0), &r);
    check_ok("cp 123 = 123", &r, 0);
    set2("\x0c", 1, "\x00\x0d", 2);
    DEC_RUN("cp 0(1,%[a]),0(2,%[b])", SPMV(3, 0), &r);
    check_ok("cp +0 = -0", &r, 0);
    set2("\x5d", 1, "\x3c", 1);
    DEC_RUN("cp 0(1,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_ok("cp -5 < 3", &r, 1);
    set2("\x01\x0c", 2, "\x9c", 1);
    DEC_RUN("cp 0(2,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_ok("cp 10 > 9", &r, 2);
    set2("\x01\x0d", 2, "\x9d", 1);
    DEC_RUN("cp 0(2,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_ok("cp -10 < -9", &r, 1);
    set2("\x0d", 1, "\x1d", 1);
    DEC_RUN("cp 0(1,%[a]),0(1,%[b])", SPMV(0, 0), &r);
    check_ok("cp -0 > -1", &r, 2);
    rt_check_mem("cp stores nothing", b1, "\x0d\x5a", 2);
}

static void test_srp(void)
{
    struct res r;

    set2("\x00\x12\x3c", 3, "", 0);
    DEC_RUN("srp 0(3,%[a]),2,0", SPMV(0, 0), &r);
    check_ok("srp left 2", &r, 2);
    rt_check_mem("srp 123 left 2 = 12300", b1, "\x12\x30\x0c", 3);

    set2("\x01\x23\x45\x6d", 4, "", 0);
    DEC_RUN("srp 0(4,%[a]),62,5", SPMV(0, 0), &r);
    check_ok("srp right 2 round 5", &r, 1);
    rt_check_mem("srp -123456 right 2 round 5 = -1235", b1, "\x00\x01\x23\x5d", 4);

    set2("\x01\x23\x45\x6d", 4, "", 0);
    DEC_RUN("srp 0(4,%[a]),62,0", SPMV(0, 0), &r);
    check_ok("srp right 2 round 0", &r, 1);
    rt_check_mem("srp -123456 right 2 = -1234", b1, "\x00\x01\x23\x4d", 4);

    set2("\x99\x9c", 2, "", 0);
    DEC_RUN("srp 0(2,%[a]),63,5", SPMV(0, 0), &r);
    check_ok("srp right 1 round carries", &r, 2);
    rt_check_mem("srp 999 right 1 round 5 = 100", b1, "\x10\x0c", 2);

    /* Shift amount from base register plus displacement, low 6 bits. */
    set2("\x12\x3d", 2, "", 0);
    DEC_RUN("srp 0(2,%[a]),0x1e0(%[a]),0", SPMV(0, 0), &r);
    check_ok("srp right 32", &r, 0);
    rt_check_mem("srp right 32 gives +0", b1, "\x00\x0c", 2);

    set2("\x04\x9d", 2, "", 0);
    DEC_RUN("srp 0(2,%[a]),63,5", SPMV(0, 0), &r);
    check_ok("srp -49 right 1 round 5", &r, 1);
    rt_check_mem("srp -49 right 1 round 5 = -5", b1, "\x00\x5d", 2);

    set2("\x00\x4d", 2, "", 0);
    DEC_RUN("srp 0(2,%[a]),63,5", SPMV(0, 0), &r);
    check_ok("srp -4 right 1 round 5", &r, 0);
    rt_check_mem("srp -4 right 1 round 5 = +0", b1, "\x00\x0c", 2);

    set2("\x12\x3c", 2, "", 0);
    DEC_RUN("srp 0(2,%[a]),1,0", SPMV(0, 0), &r);
    check_ok("srp left overflow, mask off", &r, 3);
    rt_check_mem("srp 123 left 1 = 230", b1, "\x23\x0c", 2);

    set2("\x10\x0d", 2, "", 0);
    DEC_RUN("srp 0(2,%[a]),3,0", SPMV(0, 4), &r);
    check_pgm("srp left overflow, mask on", &r, PGM_DEC_OVERFLOW);
    rt_check_u64("srp overflow: cc 3", psw_mask_cc(r.pi.mask), 3);
    rt_check_mem("srp -100 left 3: zero keeps the minus sign", b1, "\x00\x0d", 2);

    set2("\x00\x0d", 2, "", 0);
    DEC_RUN("srp 0(2,%[a]),0,0", SPMV(0, 0), &r);
    check_ok("srp -0 shift 0", &r, 0);
    rt_check_mem("srp -0 shift 0 = +0", b1, "\x00\x0c", 2);

    set2("\x12\x3a", 2, "", 0);
    DEC_RUN("srp 0(2,%[a]),0,0", SPMV(0, 0), &r);
    check_ok("srp shift 0 normalises the sign", &r, 2);
    rt_check_mem("srp sign A becomes C", b1, "\x12\x3c", 2);

    set2("\x12\x33", 2, "", 0);
    DEC_RUN("srp 0(2,%[a]),1,0", SPMV(0, 0), &r);
    check_pgm("srp invalid sign", &r, PGM_DATA);
    rt_check_mem("srp invalid sign: unchanged", b1, "\x12\x33", 2);
}

static uint8_t pages[8192] __attribute__((aligned(4096)));

/* Operands crossing a page boundary, and an operand running off the end of
 * storage: the addressing exception must leave the first operand as it
 * was (sieve prepares every operand before it stores). */
static void test_boundaries(void)
{
    volatile uint8_t *end = (volatile uint8_t *)0x7fffffeul;   /* 128 MiB - 2 */
    struct rt_pgm_info pi;
    uint64_t ipm;

    memcpy(pages + 4094, "\x00\x99\x99\x9c", 4);
    memcpy(pages + 8190, "\x1c", 1);
    rt_pgm_arm();
    asm volatile("ap 0(4,%[p]),0(1,%[q])\n\tipm %[c]"
                 : [c] "=d"(ipm) : [p] "a"(pages + 4094), [q] "a"(pages + 8190)
                 : "cc", "memory");
    rt_check(!rt_pgm_disarm(&pi), "ap across a page boundary: no interruption");
    rt_check_mem("ap across a page boundary", pages + 4094, "\x01\x00\x00\x0c", 4);
    rt_check_u64("ap across a page boundary: cc 2", rt_cc_from_ipm(ipm), 2);

    end[0] = 0x11;
    end[1] = 0x11;
    memcpy(b2, "\x12\x3c", 2);
    rt_pgm_arm();
    asm volatile("zap 0(4,%[p]),0(2,%[q])"
                 : : [p] "a"(end), [q] "a"(b2) : "cc", "memory");
    rt_check(rt_pgm_disarm(&pi), "zap beyond storage: interruption");
    rt_check_u64("zap beyond storage: addressing", pi.code, 5);
    rt_check_u64("zap beyond storage: ilc 3", pi.ilc, 3);
    rt_check_u64("zap beyond storage: nothing stored", (end[0] << 8) | end[1], 0x1111);
}

int main(void)
{
    test_boundaries();
    test_ap();
    test_ap_overflow();
    test_ap_data();
    test_sp();
    test_zap();
    test_cp();
    test_srp();
    return 0;
}
