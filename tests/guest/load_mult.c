/*
 * load_mult.c - LOAD/STORE MULTIPLE in every width (with register
 * wrap-around; STMH and LMD are in load_mult2.c), the characters-under-mask
 * instructions (ICM STCM CLM and their Y/H forms, IC ICY), and the
 * access-register moves (LAM STAM EAR SAR; CPYA is in load_mult2.c).
 */
#include "rt/rt.h"

static const uint32_t words[6] = {
    0x11111111, 0x22222222, 0x33333333, 0x44444444, 0x55555555, 0x66666666,
};

static void test_multiple(void)
{
    uint64_t out[4];
    uint32_t st[4];
    uint64_t save[2];

    /* LM 2,4 keeps the high halves. */
    asm volatile("lgfi %%r2,-1\n\tlgfi %%r3,-1\n\tlgfi %%r4,-1\n\t"
                 "lm %%r2,%%r4,0(%1)\n\t"
                 "stg %%r2,0(%0)\n\tstg %%r3,8(%0)\n\tstg %%r4,16(%0)"
                 : : "a"(out), "a"(words) : "r2", "r3", "r4", "memory");
    rt_check_u64("lm r2", out[0], 0xffffffff11111111ull);
    rt_check_u64("lm r4", out[2], 0xffffffff33333333ull);

    /* LMH and LMY into the halves of r2-r3. */
    asm volatile("lmy %%r2,%%r3,-8(%1)\n\tlmh %%r2,%%r3,8(%1)\n\t"
                 "stg %%r2,0(%0)\n\tstg %%r3,8(%0)"
                 : : "a"(out), "a"(&words[2]) : "r2", "r3", "memory");
    rt_check_u64("lmy + lmh r2", out[0], 0x5555555511111111ull);
    rt_check_u64("lmy + lmh r3", out[1], 0x6666666622222222ull);

    /* LM 14,1 wraps from r15 to r0; STM 14,1 stores them back in order. */
    asm volatile("stmg %%r14,%%r15,0(%2)\n\t"
                 "lm %%r14,%%r1,0(%1)\n\t"
                 "stm %%r14,%%r1,0(%0)\n\t"
                 "lmg %%r14,%%r15,0(%2)"
                 : : "a"(st), "a"(&words[2]), "a"(save) : "r0", "r1", "r14", "memory");
    rt_check_u64("lm/stm 14,1 wrap: r14", st[0], 0x33333333);
    rt_check_u64("lm/stm 14,1 wrap: r1", st[3], 0x66666666);

    /* LMG/STMG. */
    asm volatile("lmg %%r2,%%r3,0(%1)\n\tstmg %%r2,%%r3,0(%0)"
                 : : "a"(out), "a"(words) : "r2", "r3", "memory");
    rt_check_u64("lmg/stmg r2", out[0], 0x1111111122222222ull);
    rt_check_u64("lmg/stmg r3", out[1], 0x3333333344444444ull);
}

static void test_under_mask(void)
{
    static const uint8_t b[4] = { 0x00, 0x80, 0x7f, 0x00 };
    uint64_t r, ipm;
    uint8_t buf[4];
    static const uint8_t e[4] = { 0x22, 0x44, 0xee, 0xee };

    r = 0xa5a5a5a5a5a5a5a5ull;
    asm volatile("icm %0,10,1(%2)\n\tipm %1" : "+d"(r), "=d"(ipm) : "a"(b) : "cc", "memory");
    rt_check_u64("icm mask 1010", r, 0xa5a5a5a580a57fa5ull);
    rt_check_u64("icm leftmost bit one: cc 1", rt_cc_from_ipm(ipm), 1);
    asm volatile("icm %0,3,2(%2)\n\tipm %1" : "+d"(r), "=d"(ipm) : "a"(b) : "cc", "memory");
    rt_check_u64("icm mask 0011", r, 0xa5a5a5a580a57f00ull);
    rt_check_u64("icm nonzero, leftmost zero: cc 2", rt_cc_from_ipm(ipm), 2);
    asm volatile("icmy %0,4,0(%2)\n\tipm %1" : "+d"(r), "=d"(ipm) : "a"(b) : "cc", "memory");
    rt_check_u64("icmy zero byte: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("icmy zero byte inserted", r, 0xa5a5a5a580007f00ull);
    asm volatile("icm %0,0,0(%2)\n\tipm %1" : "+d"(r), "=d"(ipm) : "a"(b) : "cc", "memory");
    rt_check_u64("icm mask 0: cc 0", rt_cc_from_ipm(ipm), 0);
    asm volatile("icmh %0,15,0(%2)\n\tipm %1" : "+d"(r), "=d"(ipm) : "a"(b) : "cc", "memory");
    rt_check_u64("icmh", r, 0x00807f0080007f00ull);
    rt_check_u64("icmh cc 2", rt_cc_from_ipm(ipm), 2);

    r = 0xa5a5a5a5a5a5a5a5ull;
    asm volatile("ic %0,1(%1)" : "+d"(r) : "a"(b) : "memory");
    rt_check_u64("ic", r, 0xa5a5a5a5a5a5a580ull);
    asm volatile("icy %0,2(%1)" : "+d"(r) : "a"(b) : "memory");
    rt_check_u64("icy", r, 0xa5a5a5a5a5a5a57full);

    r = 0x1122334455667788ull;
    for (int i = 0; i < 4; i++)
        buf[i] = 0xee;
    asm volatile("stcmh %1,5,0(%0)" : : "a"(buf), "d"(r) : "memory");
    rt_check_mem("stcmh mask 0101", buf, e, 4);
    asm volatile("stcm %1,9,1(%0)\n\tstcmy %1,0,3(%0)" : : "a"(buf), "d"(r) : "memory");
    rt_check_u64("stcm mask 1001", (uint32_t)buf[1] << 8 | buf[2], 0x5588);
    rt_check_u64("stcmy mask 0 stores nothing", buf[3], 0xee);

    asm volatile("clm %1,6,1(%2)\n\tipm %0" : "=d"(ipm) : "d"(0x00807f00ull), "a"(b)
                 : "cc", "memory");
    rt_check_u64("clm equal: cc 0", rt_cc_from_ipm(ipm), 0);
    asm volatile("clmy %1,12,0(%2)\n\tipm %0" : "=d"(ipm) : "d"(0x00810000ull), "a"(b)
                 : "cc", "memory");
    rt_check_u64("clmy high: cc 2", rt_cc_from_ipm(ipm), 2);
    asm volatile("clmh %1,8,1(%2)\n\tipm %0" : "=d"(ipm) : "d"(0x7f00000000000000ull), "a"(b)
                 : "cc", "memory");
    rt_check_u64("clmh low: cc 1", rt_cc_from_ipm(ipm), 1);
}

static void test_access_registers(void)
{
    static const uint32_t alets[3] = { 0x01000001, 0x02000002, 0x03000003 };
    uint32_t st[3];
    uint64_t r, r2;

    asm volatile("lam %%a14,%%a0,0(%2)\n\t"
                 "ear %0,%%a15\n\t"
                 "ear %1,%%a0\n\t"
                 "sar %%a1,%1\n\t"
                 "stamy %%a14,%%a15,0(%3)\n\t"
                 "stam %%a1,%%a1,8(%3)"
                 : "=&d"(r), "=&d"(r2) : "a"(alets), "a"(st) : "memory");
    rt_check_u64("lam wrap: a15", (uint32_t)r, 0x02000002);
    rt_check_u64("lam wrap: a0", (uint32_t)r2, 0x03000003);
    rt_check_u64("stamy a14", st[0], 0x01000001);
    rt_check_u64("stam a1", st[2], 0x03000003);
    r = 0xffffffff12345678ull;
    asm volatile("sar %%a2,%1\n\tlgfi %0,-1\n\tear %0,%%a2" : "=&d"(r2) : "d"(r));
    rt_check_u64("sar/ear keep high half of r1", r2, 0xffffffff12345678ull);
    asm volatile("lhi %%r0,0\n\tsar %%a1,%%r0\n\tsar %%a2,%%r0\n\t"
                 "sar %%a14,%%r0\n\tsar %%a15,%%r0\n\tsar %%a0,%%r0" : : : "r0");
}

/* LAM on a halfword boundary: specification exception, ILC 2. */
static void test_lam_specification(void)
{
    struct rt_pgm_info pi;
    uint64_t next;
    static const uint32_t z[2];

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[next],1f\n"
                 "  lam   %%a2,%%a2,2(%[z])\n"
                 "1:\n"
                 : [next] "=&d"(next), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [z] "a"(z) : "r1", "memory");
    rt_check(rt_pgm_disarm(&pi), "lam misaligned: interruption");
    rt_check_u64("lam misaligned: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("lam misaligned: ilc 2", pi.ilc, 2);
    rt_check_u64("lam misaligned: old psw", pi.addr, next);
}

int main(void)
{
    test_multiple();
    test_under_mask();
    test_access_registers();
    test_lam_specification();
    return 0;
}
