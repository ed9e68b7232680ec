/*
 * si.c - MVI, NI, OI, XI, CLI, TM and their SIY forms (long displacement,
 * negative displacements): results and condition codes.
 */
#include "rt/rt.h"

static uint8_t buf[64];

static void test_mvi(void)
{
    uint8_t *p = buf + 32;

    asm volatile("mvi 0(%[p]),0xa5\n\tmviy -1(%[p]),0x5a\n\tmviy 1(%[p]),0xff"
                 : : [p] "a"(p) : "memory");
    rt_check_u64("mvi", p[0], 0xa5);
    rt_check_u64("mviy negative displacement", p[-1], 0x5a);
    rt_check_u64("mviy 0xff (not sign extended into neighbours)", p[1], 0xff);
    rt_check_u64("mviy neighbour untouched", p[2], 0);
}

static void test_logic(void)
{
    uint8_t *p = buf + 8;
    uint64_t ipm;

    p[0] = 0xf0;
    asm volatile("ni 0(%[p]),0x3c\n\tipm %[c]" : [c] "=d"(ipm) : [p] "a"(p) : "cc", "memory");
    rt_check_u64("ni result", p[0], 0x30);
    rt_check_u64("ni cc 1", rt_cc_from_ipm(ipm), 1);
    asm volatile("ni 0(%[p]),0x0f\n\tipm %[c]" : [c] "=d"(ipm) : [p] "a"(p) : "cc", "memory");
    rt_check_u64("ni to zero", p[0], 0);
    rt_check_u64("ni cc 0", rt_cc_from_ipm(ipm), 0);
    asm volatile("oi 0(%[p]),0x81\n\tipm %[c]" : [c] "=d"(ipm) : [p] "a"(p) : "cc", "memory");
    rt_check_u64("oi result", p[0], 0x81);
    rt_check_u64("oi cc 1", rt_cc_from_ipm(ipm), 1);
    asm volatile("xi 0(%[p]),0x81\n\tipm %[c]" : [c] "=d"(ipm) : [p] "a"(p) : "cc", "memory");
    rt_check_u64("xi result zero", p[0], 0);
    rt_check_u64("xi cc 0", rt_cc_from_ipm(ipm), 0);

    p[-2] = 0x55;
    asm volatile("oiy -2(%[p]),0xaa\n\tipm %[c]" : [c] "=d"(ipm) : [p] "a"(p) : "cc", "memory");
    rt_check_u64("oiy result", p[-2], 0xff);
    rt_check_u64("oiy cc 1", rt_cc_from_ipm(ipm), 1);
    asm volatile("xiy -2(%[p]),0x0f\n\tipm %[c]" : [c] "=d"(ipm) : [p] "a"(p) : "cc", "memory");
    rt_check_u64("xiy result", p[-2], 0xf0);
    asm volatile("niy -2(%[p]),0x0f\n\tipm %[c]" : [c] "=d"(ipm) : [p] "a"(p) : "cc", "memory");
    rt_check_u64("niy result", p[-2], 0);
    rt_check_u64("niy cc 0", rt_cc_from_ipm(ipm), 0);
}

static void test_cli(void)
{
    uint8_t *p = buf + 16;
    uint64_t i0, i1, i2, i3;

    p[0] = 0x80;
    asm volatile("cli 0(%[p]),0x80\n\tipm %[a]\n\t"
                 "cli 0(%[p]),0x81\n\tipm %[b]\n\t"
                 "cli 0(%[p]),0x7f\n\tipm %[c]\n\t"
                 "cliy 0(%[p]),0xff\n\tipm %[d]"
                 : [a] "=&d"(i0), [b] "=&d"(i1), [c] "=&d"(i2), [d] "=&d"(i3)
                 : [p] "a"(p) : "cc");
    rt_check_u64("cli equal cc 0", rt_cc_from_ipm(i0), 0);
    rt_check_u64("cli storage low cc 1", rt_cc_from_ipm(i1), 1);
    rt_check_u64("cli storage high (unsigned) cc 2", rt_cc_from_ipm(i2), 2);
    rt_check_u64("cliy vs 0xff cc 1", rt_cc_from_ipm(i3), 1);
}

static void test_tm(void)
{
    uint8_t *p = buf + 24;
    uint64_t i0, i1, i2, i3, i4;

    p[0] = 0xa5;
    asm volatile("tm 0(%[p]),0x5a\n\tipm %[a]\n\t"
                 "tm 0(%[p]),0xa0\n\tipm %[b]\n\t"
                 "tm 0(%[p]),0x0f\n\tipm %[c]\n\t"
                 "tm 0(%[p]),0x00\n\tipm %[d]\n\t"
                 "tmy 0(%[p]),0xa5\n\tipm %[e]"
                 : [a] "=&d"(i0), [b] "=&d"(i1), [c] "=&d"(i2), [d] "=&d"(i3), [e] "=&d"(i4)
                 : [p] "a"(p) : "cc");
    rt_check_u64("tm selected all zero: cc 0", rt_cc_from_ipm(i0), 0);
    rt_check_u64("tm selected all one: cc 3", rt_cc_from_ipm(i1), 3);
    rt_check_u64("tm mixed: cc 1", rt_cc_from_ipm(i2), 1);
    rt_check_u64("tm zero mask: cc 0", rt_cc_from_ipm(i3), 0);
    rt_check_u64("tmy all ones: cc 3", rt_cc_from_ipm(i4), 3);
}

int main(void)
{
    test_mvi();
    test_logic();
    test_cli();
    test_tm();
    return 0;
}
