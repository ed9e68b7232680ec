/*
 * decimal_pack_poo.c - UNPACK, PACK ASCII and PACK UNICODE cases where
 * QEMU 7.2 is wrong: its UNPK never fetches the leftmost second-operand
 * byte, and its PKA/PKU drop the leftmost character of an operand shorter
 * than 32 characters. PoO ch. 7 "UNPACK" and ch. 8 "PACK ASCII"/"PACK
 * UNICODE" use every byte/character (up to 31 digits).
 * Run with --sieve-only.
 */
#include "rt/rt.h"
#include "decimal_common.c"

static void test_unpk(void)
{
    struct res r;

    set2("", 0, "\x12\x34\x5c", 3);
    DEC_RUN("unpk 0(5,%[a]),0(3,%[b])", SPMV(0, 0), &r);
    check_ok("unpk", &r, -1);
    rt_check_mem("unpk 12345+ into 5 bytes", b1, "\xf1\xf2\xf3\xf4\xc5\x5a", 6);

    set2("", 0, "\x12\x34\x5c", 3);
    DEC_RUN("unpk 0(7,%[a]),0(3,%[b])", SPMV(0, 0), &r);
    rt_check_mem("unpk extends with F0", b1, "\xf0\xf0\xf1\xf2\xf3\xf4\xc5\x5a", 8);

    set2("", 0, "\x12\x34\x5c", 3);
    DEC_RUN("unpk 0(4,%[a]),0(3,%[b])", SPMV(0, 0), &r);
    rt_check_mem("unpk even length", b1, "\xf2\xf3\xf4\xc5\x5a", 5);

    /* Classic in-place overlap: UNPK of a field onto its own rightmost
     * bytes, one source byte fetched before its two result bytes. */
    set2("\x00\x00\x12\x3c", 4, "", 0);
    DEC_RUN("unpk 0(4,%[a]),2(2,%[a])", SPMV(0, 0), &r);
    rt_check_mem("unpk overlapping", b1, "\xf0\xf1\xf2\xc3", 4);
}

static void test_pka_pku(void)
{
    struct res r;
    uint8_t exp[16];

    set2("", 0, "12345", 5);
    DEC_RUN("pka 0(%[a]),0(5,%[b])", SPMV(0, 0), &r);
    check_ok("pka", &r, -1);
    memset(exp, 0, 16);
    exp[13] = 0x12; exp[14] = 0x34; exp[15] = 0x5c;
    rt_check_mem("pka 12345", b1, exp, 16);

    set2("", 0, "A:", 2);
    DEC_RUN("pka 0(%[a]),0(2,%[b])", SPMV(0, 0), &r);
    memset(exp, 0, 16);
    exp[14] = 0x01; exp[15] = 0xac;
    rt_check_mem("pka takes the rightmost four bits of every character", b1, exp, 16);

    set2("", 0, "7", 1);
    DEC_RUN("pka 0(%[a]),0(1,%[b])", SPMV(0, 0), &r);
    memset(exp, 0, 16);
    exp[15] = 0x7c;
    rt_check_mem("pka one character", b1, exp, 16);

    set2("", 0, "\x00\x31\x00\x32\x00\x33", 6);
    DEC_RUN("pku 0(%[a]),0(6,%[b])", SPMV(0, 0), &r);
    check_ok("pku", &r, -1);
    memset(exp, 0, 16);
    exp[14] = 0x12; exp[15] = 0x3c;
    rt_check_mem("pku 123", b1, exp, 16);
}

int main(void)
{
    test_unpk();
    test_pka_pku();
    return 0;
}
