/*
 * load.c - LOAD and STORE in their widths and extensions (RX, RXY, RR,
 * RRE forms), LOAD AND TEST, LOAD ADDRESS (EXTENDED), the high-word forms,
 * page-crossing operands and an addressing exception.
 */
#include "rt/rt.h"

static const uint8_t src[16] __attribute__((aligned(8))) = {
    0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88,
    0x7f, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
};

#define GARBAGE 0xa5a5a5a5a5a5a5a5ull

/* Loads from storage: sign and zero extension, untouched high halves. */
static void test_storage_loads(void)
{
    uint64_t r;
    const uint8_t *p = src;

    r = GARBAGE;
    asm volatile("l %0,0(%1)" : "+d"(r) : "a"(p) : "memory");
    rt_check_u64("l: low word, high word kept", r, 0xa5a5a5a581828384ull);
    r = GARBAGE;
    asm volatile("ly %0,-4(%1)" : "+d"(r) : "a"(p + 12) : "memory");
    rt_check_u64("ly negative displacement", r, 0xa5a5a5a57f010203ull);
    asm volatile("lg %0,0(%1)" : "=d"(r) : "a"(p) : "memory");
    rt_check_u64("lg", r, 0x8182838485868788ull);
    asm volatile("lgf %0,0(%1)" : "=d"(r) : "a"(p) : "memory");
    rt_check_u64("lgf sign-extends", r, 0xffffffff81828384ull);
    asm volatile("lgf %0,8(%1)" : "=d"(r) : "a"(p) : "memory");
    rt_check_u64("lgf positive", r, 0x7f010203ull);
    r = GARBAGE;
    asm volatile("lh %0,0(%1)" : "+d"(r) : "a"(p) : "memory");
    rt_check_u64("lh sign-extends to 32 bits", r, 0xa5a5a5a5ffff8182ull);
    r = GARBAGE;
    asm volatile("lhy %0,8(%1)" : "+d"(r) : "a"(p) : "memory");
    rt_check_u64("lhy positive", r, 0xa5a5a5a500007f01ull);
    asm volatile("lgh %0,0(%1)" : "=d"(r) : "a"(p) : "memory");
    rt_check_u64("lgh", r, 0xffffffffffff8182ull);
    r = GARBAGE;
    asm volatile("lb %0,1(%1)" : "+d"(r) : "a"(p) : "memory");
    rt_check_u64("lb", r, 0xa5a5a5a5ffffff82ull);
    asm volatile("lgb %0,0(%1)" : "=d"(r) : "a"(p) : "memory");
    rt_check_u64("lgb", r, 0xffffffffffffff81ull);
    asm volatile("lgb %0,8(%1)" : "=d"(r) : "a"(p) : "memory");
    rt_check_u64("lgb positive", r, 0x7full);
    r = GARBAGE;
    asm volatile("llc %0,0(%1)" : "+d"(r) : "a"(p) : "memory");
    rt_check_u64("llc", r, 0xa5a5a5a500000081ull);
    r = GARBAGE;
    asm volatile("llgc %0,0(%1)" : "+d"(r) : "a"(p) : "memory");
    rt_check_u64("llgc", r, 0x81ull);
    r = GARBAGE;
    asm volatile("llh %0,0(%1)" : "+d"(r) : "a"(p) : "memory");
    rt_check_u64("llh", r, 0xa5a5a5a500008182ull);
    asm volatile("llgh %0,0(%1)" : "=d"(r) : "a"(p) : "memory");
    rt_check_u64("llgh", r, 0x8182ull);
    asm volatile("llgf %0,0(%1)" : "=d"(r) : "a"(p) : "memory");
    rt_check_u64("llgf", r, 0x81828384ull);
    asm volatile("llgt %0,0(%1)" : "=d"(r) : "a"(p) : "memory");
    rt_check_u64("llgt drops bit 32", r, 0x01828384ull);
}

/* LOAD AND TEST: the value and CC 0/1/2. */
static void test_load_and_test(void)
{
    static const uint64_t v[3] = { 0, 0xfffffffe00000000ull, 0x0000000100000000ull };
    uint64_t r, ipm;

    r = GARBAGE;
    asm volatile("lt %0,0(%2)\n\tipm %1" : "+d"(r), "=d"(ipm) : "a"(&v[1]) : "cc", "memory");
    rt_check_u64("lt value", r, 0xa5a5a5a5fffffffeull);
    rt_check_u64("lt negative cc 1", rt_cc_from_ipm(ipm), 1);
    asm volatile("lt %0,4(%2)\n\tipm %1" : "+d"(r), "=d"(ipm) : "a"(&v[1]) : "cc", "memory");
    rt_check_u64("lt zero cc 0", rt_cc_from_ipm(ipm), 0);
    asm volatile("ltg %0,0(%2)\n\tipm %1" : "=d"(r), "=d"(ipm) : "a"(&v[2]) : "cc", "memory");
    rt_check_u64("ltg value", r, 0x100000000ull);
    rt_check_u64("ltg positive cc 2 (low word zero)", rt_cc_from_ipm(ipm), 2);
    asm volatile("ltg %0,0(%2)\n\tipm %1" : "=d"(r), "=d"(ipm) : "a"(&v[0]) : "cc", "memory");
    rt_check_u64("ltg zero cc 0", rt_cc_from_ipm(ipm), 0);
    asm volatile("ltgf %0,0(%2)\n\tipm %1" : "=d"(r), "=d"(ipm) : "a"(&v[1]) : "cc", "memory");
    rt_check_u64("ltgf sign-extends", r, 0xfffffffffffffffeull);
    rt_check_u64("ltgf cc 1", rt_cc_from_ipm(ipm), 1);
    asm volatile("ltgf %0,0(%2)\n\tipm %1" : "=d"(r), "=d"(ipm) : "a"(&v[2]) : "cc", "memory");
    rt_check_u64("ltgf cc 2", rt_cc_from_ipm(ipm), 2);
}

/* Register-to-register loads. */
static void test_register_loads(void)
{
    const uint64_t s = 0x123456789abcdef0ull, t = 0x0000000080007f80ull;
    uint64_t r;

    r = GARBAGE;
    asm("lr %0,%1" : "+d"(r) : "d"(s));
    rt_check_u64("lr", r, 0xa5a5a5a59abcdef0ull);
    asm("lgr %0,%1" : "=d"(r) : "d"(s));
    rt_check_u64("lgr", r, s);
    asm("lgfr %0,%1" : "=d"(r) : "d"(s));
    rt_check_u64("lgfr", r, 0xffffffff9abcdef0ull);
    r = GARBAGE;
    asm("lhr %0,%1" : "+d"(r) : "d"(s));
    rt_check_u64("lhr", r, 0xa5a5a5a5ffffdef0ull);
    asm("lghr %0,%1" : "=d"(r) : "d"(t));
    rt_check_u64("lghr", r, 0x7f80ull);
    r = GARBAGE;
    asm("lbr %0,%1" : "+d"(r) : "d"(t));
    rt_check_u64("lbr", r, 0xa5a5a5a5ffffff80ull);
    asm("lgbr %0,%1" : "=d"(r) : "d"(t));
    rt_check_u64("lgbr", r, 0xffffffffffffff80ull);
    r = GARBAGE;
    asm("llcr %0,%1" : "+d"(r) : "d"(t));
    rt_check_u64("llcr", r, 0xa5a5a5a500000080ull);
    asm("llgcr %0,%1" : "=d"(r) : "d"(s));
    rt_check_u64("llgcr", r, 0xf0ull);
    r = GARBAGE;
    asm("llhr %0,%1" : "+d"(r) : "d"(s));
    rt_check_u64("llhr", r, 0xa5a5a5a50000def0ull);
    asm("llghr %0,%1" : "=d"(r) : "d"(s));
    rt_check_u64("llghr", r, 0xdef0ull);
    asm("llgfr %0,%1" : "=d"(r) : "d"(s));
    rt_check_u64("llgfr", r, 0x9abcdef0ull);
    asm("llgtr %0,%1" : "=d"(r) : "d"(s));
    rt_check_u64("llgtr", r, 0x1abcdef0ull);
}

/* Stores: only the addressed bytes change. */
static void test_stores(void)
{
    uint8_t buf[16];
    const uint64_t v = 0x0102030405060708ull;
    static const uint8_t e1[16] = { 0xee, 0x05, 0x06, 0x07, 0x08, 0xee, 0xee, 0xee,
                                    0xee, 0xee, 0xee, 0xee, 0xee, 0xee, 0xee, 0xee };
    static const uint8_t e2[16] = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
                                    0x07, 0x08, 0xee, 0x08, 0x05, 0x06, 0x07, 0x08 };
    static const uint8_t e3[16] = { 0xee, 0xee, 0xee, 0xee, 0xee, 0xee, 0xee, 0xee,
                                    0xee, 0xee, 0xee, 0xee, 0x07, 0x08, 0x08, 0xee };

    for (int i = 0; i < 16; i++)
        buf[i] = 0xee;
    asm volatile("st %1,1(%0)" : : "a"(buf), "d"(v) : "memory");
    rt_check_mem("st word at odd address", buf, e1, 16);
    asm volatile("stg %1,0(%0)\n\t"
                 "sth %1,8(%0)\n\t"
                 "stc %1,11(%0)\n\t"
                 "sty %1,12(%0)"
                 : : "a"(buf), "d"(v) : "memory");
    rt_check_mem("stg sth stc sty", buf, e2, 16);
    for (int i = 0; i < 16; i++)
        buf[i] = 0xee;
    asm volatile("sthy %1,-4(%0)\n\tstcy %1,-2(%0)" : : "a"(buf + 16), "d"(v) : "memory");
    rt_check_mem("sthy stcy negative displacement", buf, e3, 16);
}

/* High-word loads and stores (high-word facility). */
static void test_high_word(void)
{
    uint8_t buf[8] = { 0 };
    uint64_t r;
    const uint8_t *p = src;
    static const uint8_t e[8] = { 0x85, 0x86, 0x87, 0x88, 0x87, 0x88, 0x88, 0x00 };

    r = 0x1111111122222222ull;
    asm volatile("lbh %0,0(%1)" : "+d"(r) : "a"(p) : "memory");
    rt_check_u64("lbh", r, 0xffffff8122222222ull);
    asm volatile("lhh %0,8(%1)" : "+d"(r) : "a"(p) : "memory");
    rt_check_u64("lhh", r, 0x00007f0122222222ull);
    asm volatile("lfh %0,4(%1)" : "+d"(r) : "a"(p) : "memory");
    rt_check_u64("lfh", r, 0x8586878822222222ull);
    asm volatile("llch %0,0(%1)" : "+d"(r) : "a"(p) : "memory");
    rt_check_u64("llch", r, 0x0000008122222222ull);
    asm volatile("llhh %0,0(%1)" : "+d"(r) : "a"(p) : "memory");
    rt_check_u64("llhh", r, 0x0000818222222222ull);
    r = 0x8586878801020304ull;
    asm volatile("stfh %1,0(%0)\n\tsthh %1,4(%0)\n\tstch %1,6(%0)" : : "a"(buf), "d"(r)
                 : "memory");
    rt_check_mem("stfh sthh stch", buf, e, 8);
}

/* LOAD ADDRESS in the 64-bit mode, LAY, LARL, LAE (primary space: AR 0). */
static void test_load_address(void)
{
    uint64_t r, here, ar;

    asm("la %0,4095(%1,%2)" : "=d"(r) : "a"(0x1000ull), "a"(0xffffffff00000000ull));
    rt_check_u64("la 64-bit sum", r, 0xffffffff00001fffull);
    asm("lay %0,-1(%1)" : "=d"(r) : "a"(0ull));
    rt_check_u64("lay wraps to all ones", r, ~0ull);
    asm("0:\tlarl %0,0b\n1:\tlarl %1,1b\n\tlarl %2,0b" : "=&d"(here), "=&d"(r), "=d"(ar));
    rt_check_u64("larl to itself", r - here, 6);
    rt_check_u64("larl backwards", ar, here);
    asm volatile("lhi %%r0,-1\n\tsar %%a5,%%r0\n\t"
                 "lae %%r5,16(%2,%3)\n\t"
                 "lgr %0,%%r5\n\tear %1,%%a5"
                 : "=d"(r), "=d"(ar) : "a"(0x100ull), "a"(0x20000ull) : "r0", "r5");
    rt_check_u64("lae address", r, 0x20110);
    rt_check_u64("lae primary mode sets ar 0", (uint32_t)ar, 0);
}

/* Operands crossing a page boundary. */
static void test_page_crossing(void)
{
    static uint8_t page[8192] __attribute__((aligned(4096)));
    uint64_t r;

    for (int i = 0; i < 8; i++)
        page[4092 + i] = (uint8_t)(0x10 + i);
    asm volatile("lg %0,4092(%1)" : "=d"(r) : "a"(page) : "memory");
    rt_check_u64("lg across a page boundary", r, 0x1011121314151617ull);
    r = 0xa1a2a3a4a5a6a7a8ull;
    asm volatile("stg %1,4093(%0)" : : "a"(page), "d"(r) : "memory");
    rt_check_u64("stg across a page boundary", page[4093] << 8 | page[4100], 0xa1a8);
}

/* A load from beyond the end of storage: addressing exception, ILC 3
 * (LG is 6 bytes), GPR unchanged. */
static void test_addressing(void)
{
    struct rt_pgm_info pi;
    uint64_t next, r = 0x5a;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[next],1f\n"
                 "  llihh %%r2,0x100\n"               /* 2**56 */
                 "  lg    %[r],0(%%r2)\n"
                 "1:\n"
                 : [next] "=&d"(next), [r] "+&d"(r), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "r2", "memory");
    rt_check(rt_pgm_disarm(&pi), "lg beyond storage: interruption");
    rt_check_u64("lg beyond storage: addressing", pi.code, PGM_ADDRESSING);
    rt_check_u64("lg beyond storage: ilc 3", pi.ilc, 3);
    rt_check_u64("lg beyond storage: old psw past lg", pi.addr, next);
    rt_check_u64("lg beyond storage: r1 unchanged", r, 0x5a);
}

int main(void)
{
    test_storage_loads();
    test_load_and_test();
    test_register_loads();
    test_stores();
    test_high_word();
    test_load_address();
    test_page_crossing();
    test_addressing();
    return 0;
}
