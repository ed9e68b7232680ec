/*
 * decimal_pack.c - PACK, UNPACK, MOVE WITH OFFSET, PACK/UNPACK ASCII and
 * UNICODE, TEST DECIMAL, CONVERT TO DECIMAL (CVD, CVDY): the decimal
 * format instructions QEMU 7.2 implements, so both emulators run this.
 * Expected values follow PoO ch. 7 (PACK, UNPACK, MVO, CVD) and ch. 8
 * (PKA, PKU, UNPKA, UNPKU, TP).
 */
#include "rt/rt.h"

static uint8_t b1[80] __attribute__((aligned(8)));
static uint8_t b2[80] __attribute__((aligned(8)));

static void set(uint8_t *b, const void *v, size_t n)
{
    memset(b, 0x5a, sizeof(b1));
    memcpy(b, v, n);
}

/* Run one SS instruction on b1/b2 (addresses in %[a] and %[b]), arm for a
 * program interruption, and return the CC; *fired tells whether one came. */
#define SS_RUN(insn, ccv, pi) do {                                          \
        uint64_t ipm_;                                                      \
        rt_pgm_arm();                                                       \
        asm volatile(insn "\n\tipm %[c]"                                    \
                     : [c] "=&d"(ipm_)                                      \
                     : [a] "a"(b1), [b] "a"(b2) : "cc", "memory");          \
        rt_pgm_disarm(pi);                                                  \
        (ccv) = rt_cc_from_ipm(ipm_);                                       \
    } while (0)

static void test_pack(void)
{
    struct rt_pgm_info pi;
    unsigned cc;

    set(b2, "\xf1\xf2\xf3\xf4\xc5", 5);
    set(b1, "", 0);
    SS_RUN("pack 0(3,%[a]),0(5,%[b])", cc, &pi);
    rt_check(!pi.fired, "pack: no interruption");
    rt_check_mem("pack zoned 12345 into 3 bytes", b1, "\x12\x34\x5c\x5a", 4);

    set(b1, "", 0);
    SS_RUN("pack 0(5,%[a]),0(5,%[b])", cc, &pi);
    rt_check_mem("pack extends with zeros on the left", b1, "\x00\x00\x12\x34\x5c\x5a", 6);

    set(b1, "", 0);
    SS_RUN("pack 0(2,%[a]),0(5,%[b])", cc, &pi);
    rt_check_mem("pack truncates on the left", b1, "\x34\x5c\x5a", 3);

    /* Nibbles are not checked: zones and digits move as they are. */
    set(b2, "\xab\xcd\xef", 3);
    set(b1, "", 0);
    SS_RUN("pack 0(2,%[a]),0(3,%[b])", cc, &pi);
    rt_check(!pi.fired, "pack: no validity check");
    rt_check_mem("pack invalid nibbles copied", b1, "\xbd\xfe\x5a", 3);

    /* In place: result bytes stored right to left as soon as fetched. */
    set(b1, "\xf1\xf2\xf3\xc4", 4);
    SS_RUN("pack 0(4,%[a]),0(4,%[a])", cc, &pi);
    rt_check_mem("pack in place", b1, "\x00\x01\x23\x4c", 4);
    (void)cc;
}

static void test_unpk(void)
{
    struct rt_pgm_info pi;
    unsigned cc;

    /* Results that need the leftmost source byte are in
     * decimal_pack_poo.c: QEMU 7.2 never fetches that byte. */
    set(b2, "\x12\x34\x5c", 3);
    set(b1, "", 0);
    SS_RUN("unpk 0(3,%[a]),0(3,%[b])", cc, &pi);
    rt_check(!pi.fired, "unpk: no interruption");
    rt_check_mem("unpk truncates on the left", b1, "\xf3\xf4\xc5\x5a", 4);

    set(b2, "\x7c", 1);
    set(b1, "", 0);
    SS_RUN("unpk 0(4,%[a]),0(1,%[b])", cc, &pi);
    rt_check_mem("unpk one source byte", b1, "\xf0\xf0\xf0\xc7\x5a", 5);
    (void)cc;
}

static void test_mvo(void)
{
    struct rt_pgm_info pi;
    unsigned cc;

    set(b1, "\x77\x88\x99\x0c", 4);
    set(b2, "\x12\x34\x56", 3);
    SS_RUN("mvo 0(4,%[a]),0(3,%[b])", cc, &pi);
    rt_check(!pi.fired, "mvo: no interruption");
    rt_check_mem("mvo keeps the rightmost digit", b1, "\x01\x23\x45\x6c\x5a", 5);

    set(b1, "\x99\x9f", 2);
    SS_RUN("mvo 0(2,%[a]),0(3,%[b])", cc, &pi);
    rt_check_mem("mvo truncates on the left", b1, "\x45\x6f\x5a", 3);

    set(b1, "\xff\xff\xff\xff\xff\xfd", 6);
    SS_RUN("mvo 0(6,%[a]),0(3,%[b])", cc, &pi);
    rt_check_mem("mvo fills with zeros", b1, "\x00\x00\x01\x23\x45\x6d", 6);
    (void)cc;
}

static void test_pka_pku(void)
{
    struct rt_pgm_info pi;
    unsigned cc;

    /* Shorter operands, where the leftmost character counts, are in
     * decimal_pack_poo.c: QEMU 7.2 drops that character. */
    set(b1, "", 0);
    /* 32 characters: the leftmost one is ignored; digits not checked. */
    set(b2, "x9876543210987654321098765432109", 32);
    SS_RUN("pka 0(%[a]),0(32,%[b])", cc, &pi);
    rt_check(!pi.fired, "pka: no interruption");
    rt_check_mem("pka 32 characters",
                 b1, "\x98\x76\x54\x32\x10\x98\x76\x54\x32\x10\x98\x76\x54\x32\x10\x9c", 16);
    rt_check_u64("pka: byte after untouched", b1[16], 0x5a);

    set(b2, "x:;<=>?0123456789:;<=>?012345678", 32);
    SS_RUN("pka 0(%[a]),0(32,%[b])", cc, &pi);
    rt_check_mem("pka takes the rightmost four bits unchecked",
                 b1, "\xab\xcd\xef\x01\x23\x45\x67\x89\xab\xcd\xef\x01\x23\x45\x67\x8c", 16);

    SS_RUN("pka 0(%[a]),0(33,%[b])", cc, &pi);
    rt_check(pi.fired, "pka length 33: interruption");
    rt_check_u64("pka length 33: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("pka length 33: ilc", pi.ilc, 3);

    for (int i = 0; i < 32; i++) {
        b2[2 * i] = 0x12;
        b2[2 * i + 1] = (uint8_t)(0x30 + (i + 2) % 10);
    }
    set(b1, "", 0);
    SS_RUN("pku 0(%[a]),0(64,%[b])", cc, &pi);
    rt_check(!pi.fired, "pku: no interruption");
    rt_check_mem("pku 32 characters, leftmost ignored, high bits ignored",
                 b1, "\x34\x56\x78\x90\x12\x34\x56\x78\x90\x12\x34\x56\x78\x90\x12\x3c", 16);

    SS_RUN("pku 0(%[a]),0(5,%[b])", cc, &pi);
    rt_check(pi.fired && pi.code == PGM_SPECIFICATION, "pku odd length: specification");
    SS_RUN("pku 0(%[a]),0(66,%[b])", cc, &pi);
    rt_check(pi.fired && pi.code == PGM_SPECIFICATION, "pku length 66: specification");
    (void)cc;
}

static void test_unpka_unpku(void)
{
    struct rt_pgm_info pi;
    unsigned cc;
    uint8_t exp[64];

    memset(exp, 0, 16);
    exp[13] = 0x12; exp[14] = 0x34; exp[15] = 0x5c;
    set(b2, exp, 16);
    set(b1, "", 0);
    SS_RUN("unpka 0(5,%[a]),0(%[b])", cc, &pi);
    rt_check(!pi.fired, "unpka: no interruption");
    rt_check_mem("unpka 12345", b1, "12345\x5a", 6);
    rt_check_u64("unpka plus sign: cc 0", cc, 0);

    b2[15] = 0x5b;
    SS_RUN("unpka 0(7,%[a]),0(%[b])", cc, &pi);
    rt_check_mem("unpka 7 digits", b1, "0012345", 7);
    rt_check_u64("unpka sign B: cc 1", cc, 1);

    b2[15] = 0x5f;
    SS_RUN("unpka 0(3,%[a]),0(%[b])", cc, &pi);
    rt_check_u64("unpka sign F: cc 0", cc, 0);
    b2[15] = 0x59;
    SS_RUN("unpka 0(3,%[a]),0(%[b])", cc, &pi);
    rt_check_u64("unpka invalid sign: cc 3", cc, 3);
    rt_check_mem("unpka invalid sign still stores", b1, "345", 3);

    memset(b2, 0x99, 15);
    b2[15] = 0x9d;
    SS_RUN("unpka 0(32,%[a]),0(%[b])", cc, &pi);
    memset(exp, '9', 32);
    exp[0] = '0';
    rt_check_mem("unpka 32 bytes: leftmost is zero", b1, exp, 32);
    rt_check_u64("unpka 32 bytes: cc 1", cc, 1);

    SS_RUN("unpka 0(33,%[a]),0(%[b])", cc, &pi);
    rt_check(pi.fired && pi.code == PGM_SPECIFICATION, "unpka length 33: specification");

    memset(exp, 0, 16);
    exp[14] = 0x12; exp[15] = 0x3d;
    set(b2, exp, 16);
    set(b1, "", 0);
    SS_RUN("unpku 0(8,%[a]),0(%[b])", cc, &pi);
    rt_check(!pi.fired, "unpku: no interruption");
    rt_check_mem("unpku -123", b1, "\x00\x30\x00\x31\x00\x32\x00\x33\x5a", 9);
    rt_check_u64("unpku minus: cc 1", cc, 1);
    SS_RUN("unpku 0(7,%[a]),0(%[b])", cc, &pi);
    rt_check(pi.fired && pi.code == PGM_SPECIFICATION, "unpku odd length: specification");
}

/* TP is RSL-a; binutils for z196 lacks it, so encode it by hand:
 * EB L1|0 B1|D1 00 C0 with B1 = r1 and D1 = 0. */
static unsigned tp(const void *v, unsigned len)
{
    uint64_t ipm;

    memcpy(b1, v, len);
    switch (len) {
    case 2:
        asm volatile("lgr %%r1,%[a]\n\t.short 0xeb10,0x1000,0x00c0\n\tipm %[c]"
                     : [c] "=d"(ipm) : [a] "a"(b1) : "r1", "cc", "memory");
        break;
    case 16:
        asm volatile("lgr %%r1,%[a]\n\t.short 0xebf0,0x1000,0x00c0\n\tipm %[c]"
                     : [c] "=d"(ipm) : [a] "a"(b1) : "r1", "cc", "memory");
        break;
    default:
        asm volatile("lgr %%r1,%[a]\n\t.short 0xeb00,0x1000,0x00c0\n\tipm %[c]"
                     : [c] "=d"(ipm) : [a] "a"(b1) : "r1", "cc", "memory");
        break;
    }
    return rt_cc_from_ipm(ipm);
}

static void test_tp(void)
{
    rt_check_u64("tp 123+: cc 0", tp("\x12\x3c", 2), 0);
    rt_check_u64("tp sign A: cc 0", tp("\x12\x3a", 2), 0);
    rt_check_u64("tp sign F: cc 0", tp("\x12\x3f", 2), 0);
    rt_check_u64("tp sign 4: cc 1", tp("\x12\x34", 2), 1);
    rt_check_u64("tp digit A: cc 2", tp("\x1a\x3c", 2), 2);
    rt_check_u64("tp leftmost digit F: cc 2", tp("\xf2\x3d", 2), 2);
    rt_check_u64("tp both invalid: cc 3", tp("\xa2\x35", 2), 3);
    rt_check_u64("tp one byte +0: cc 0", tp("\x0c", 1), 0);
    rt_check_u64("tp one byte 9 sign 9: cc 1", tp("\x99", 1), 1);
    rt_check_u64("tp 16 bytes valid: cc 0",
                 tp("\x12\x34\x56\x78\x90\x12\x34\x56\x78\x90\x12\x34\x56\x78\x90\x1d", 16), 0);
    rt_check_u64("tp 16 bytes bad digit: cc 2",
                 tp("\x12\x34\x56\x78\x90\x12\x34\x56\x78\x90\x12\x34\x56\x78\xb0\x1d", 16), 2);
}

static void cvd(int32_t v, uint64_t hi)
{
    uint64_t r = hi | (uint32_t)v;

    asm volatile("cvd %[r],0(%[a])" : : [r] "d"(r), [a] "a"(b1) : "memory");
}

static void cvdy(int32_t v)
{
    uint64_t r = (uint32_t)v;

    asm volatile("cvdy %[r],-8(%[a])" : : [r] "d"(r), [a] "a"(b1 + 16) : "memory");
}

static void test_cvd(void)
{
    set(b1, "", 0);
    cvd(25594, 0);
    rt_check_mem("cvd 25594", b1, "\x00\x00\x00\x00\x00\x25\x59\x4c\x5a", 9);
    cvd(0, 0x12345678ull << 32);
    rt_check_mem("cvd 0 ignores the high word", b1, "\x00\x00\x00\x00\x00\x00\x00\x0c", 8);
    cvd(-1, 0);
    rt_check_mem("cvd -1", b1, "\x00\x00\x00\x00\x00\x00\x00\x1d", 8);
    cvd(INT32_MAX, 0);
    rt_check_mem("cvd 2147483647", b1, "\x00\x00\x02\x14\x74\x83\x64\x7c", 8);
    cvd(INT32_MIN, 0);
    rt_check_mem("cvd -2147483648", b1, "\x00\x00\x02\x14\x74\x83\x64\x8d", 8);
    cvdy(-987654321);
    rt_check_mem("cvdy -987654321", b1 + 8, "\x00\x00\x00\x98\x76\x54\x32\x1d", 8);
}

int main(void)
{
    test_pack();
    test_unpk();
    test_mvo();
    test_pka_pku();
    test_unpka_unpku();
    test_tp();
    test_cvd();
    return 0;
}
