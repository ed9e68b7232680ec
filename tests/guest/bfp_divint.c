/*
 * bfp_divint.c - DIVIDE TO INTEGER (DIEBR, DIDBR; PoO ch. 19): the integer
 * quotient rounded with M4, the remainder a - b * n (sign of the dividend
 * when zero), partial results for quotients of 2^p and more (CC 2), the
 * scaled quotient on quotient overflow (CC 1/3), special operands (CC 1),
 * IEEE exceptions of the remainder, specification exceptions. QEMU 7.2
 * does not implement these instructions (sieve only).
 */
#include "bfp_common.h"

#define ONE   0x3ff0000000000000ull
#define TWO   0x4000000000000000ull
#define THREE 0x4008000000000000ull
#define FIVE  0x4014000000000000ull
#define NEG   0x8000000000000000ull
#define DINF  0x7ff0000000000000ull
#define DNAN  0x7ff8000000000000ull

/* f0 = dividend (remainder), f2 = divisor, f4 = quotient (initially 0x1234:
 * bits 32-63 stay for the short format) */
#define DIDBR(M4, A, B, FPC) BFP3("didbr %%f0,%%f4,%%f2," #M4, A, B, 0x1234, FPC)
#define DIEBR(M4, A, B, FPC) BFP3("diebr %%f0,%%f4,%%f2," #M4, S(A), S(B), 0x1234, FPC)

static void check_di(const char *name, struct fpres r, uint64_t rem, uint64_t quo, unsigned cc,
                     uint32_t fpc)
{
    rt_checkf(r.r == rem, "%s: remainder %016llx (got %016llx)", name,
              (unsigned long long)rem, (unsigned long long)r.r);
    rt_checkf(r.r2 == quo, "%s: quotient %016llx (got %016llx)", name,
              (unsigned long long)quo, (unsigned long long)r.r2);
    rt_checkf(r.cc == cc, "%s: cc %u (got %u)", name, cc, r.cc);
    rt_checkf(r.fpc == fpc, "%s: fpc %08x (got %08x)", name, fpc, r.fpc);
}

static void complete(void)
{
    check_di("5/2 m4=4", DIDBR(4, FIVE, TWO, RN), ONE, TWO, 0, 0);
    check_di("5/2 m4=1", DIDBR(1, FIVE, TWO, RN), ONE | NEG, THREE, 0, 0);
    check_di("5/2 m4=5", DIDBR(5, FIVE, TWO, RN), ONE, TWO, 0, 0);
    check_di("5/2 m4=6", DIDBR(6, FIVE, TWO, RN), ONE | NEG, THREE, 0, 0);
    check_di("-5/2 m4=7", DIDBR(7, FIVE | NEG, TWO, RN), ONE, THREE | NEG, 0, 0);
    check_di("5/2 m4=0 fpc rp", DIDBR(0, FIVE, TWO, RP), ONE | NEG, THREE, 0, RP);
    check_di("6/2: +0", DIDBR(4, 0x4018000000000000ull, TWO, RN), 0, THREE, 0, 0);
    check_di("-6/2: -0", DIDBR(4, 0xc018000000000000ull, TWO, RM), NEG, THREE | NEG, 0, RM);
    check_di("1/3 m4=7: n +0", DIDBR(7, ONE, THREE, RN), ONE, 0, 0, 0);
    check_di("-1/3 m4=4: n -0", DIDBR(4, ONE | NEG, THREE, RN), ONE | NEG, NEG, 0, 0);
    check_di("0/3", DIDBR(4, NEG, THREE, RN), NEG, NEG, 0, 0);
    check_di("1/inf", DIDBR(4, ONE, DINF, RN), ONE, 0, 0, 0);
    check_di("1/-inf", DIDBR(4, ONE, DINF | NEG, RN), ONE, NEG, 0, 0);
    /* 1 - 2^60 rounds: inexact */
    check_di("1/2^60 m4=6", DIDBR(6, ONE, 0x43b0000000000000ull, RN),
             0xc3b0000000000000ull, ONE, 0, FPC_FX);
    /* 3*2^25 / 7 = 14380470.86 -> 14380471, r = -1 */
    check_di("diebr 3*2^25/7", DIEBR(4, 0x4cc00000, 0x40e00000, RN),
             S(0xbf800000), S(0x4b5b6db7) | 0x1234, 0, 0);
}

static void partial(void)
{
    /* 3*2^26 / 7 = 28760941.7 >= 2^24: n = 28760940 (truncated), r = 12 */
    check_di("diebr partial", DIEBR(4, 0x4d400000, 0x40e00000, RN),
             S(0x41400000), S(0x4bdb6db6) | 0x1234, 2, 0);
    /* 2^127 / 2^-126 = 2^253: exact, quotient overflow: n scaled 2^61 */
    check_di("diebr quotient overflow", DIEBR(4, 0x7f000000, 0x00800000, RN),
             0, S(0x5e000000) | 0x1234, 1, 0);
    /* 2^127 / (1.5*2^-125): n = 0xaaaaaa*2^228 (scaled by 2^-192), r = 2^103 */
    check_di("diebr partial, quotient overflow", DIEBR(4, 0x7f000000, 0x01400000, RN),
             S(0x73000000), S(0x5d2aaaaa) | 0x1234, 3, 0);
}

static void special(void)
{
    struct fpres r;

    check_di("inf/2", DIDBR(4, DINF, TWO, RN), DNAN, DNAN, 1, FPC_FI);
    check_di("1/0", DIDBR(4, ONE, 0, RN), DNAN, DNAN, 1, FPC_FI);
    check_di("qnan/1", DIDBR(4, DNAN | 3, ONE, RN), DNAN | 3, DNAN | 3, 1, 0);
    check_di("qnan/snan", DIDBR(4, DNAN | 3, 0x7ff0000000000005ull, RN),
             DNAN | 5, DNAN | 5, 1, FPC_FI);
    r = TRAPPING(DIDBR(4, ONE, 0, FPC_MI));
    rt_checkf(r.trapped && r.dxc == 0x80 && r.r == ONE && r.r2 == 0x1234,
              "1/0 invalid trap: suppressed");
    /* tiny remainder with underflow enabled: scaled by 2^1536 */
    r = TRAPPING(DIDBR(4, 1, ONE, FPC_MU));
    rt_checkf(r.trapped && r.dxc == 0x10, "tiny remainder: underflow trap");
    rt_checkf(r.r == 0x5cd0000000000000ull && r.r2 == 0, "tiny remainder scaled, n stored");
    r = TRAPPING(BFP3(".long 0xb35b4000", ONE, TWO, 0, RN));     /* R1 = R2 */
    rt_checkf(r.trapped && r.code == 6, "didbr r1 = r2: specification");
    r = TRAPPING(BFP3(".long 0xb35b4202", ONE, TWO, 0, RN));     /* M4 = 2 */
    rt_checkf(r.trapped && r.code == 6, "didbr m4=2: specification");
}

int main(void)
{
    complete();
    partial();
    special();
    return 0;
}
