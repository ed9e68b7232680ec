/*
 * arith_strict.c - checks where QEMU 7.2 (the reference emulator) departs
 * from the Principles of Operation, kept apart so the other programs stay
 * comparable:
 *  - fixed-point-overflow program interruption when PSW bit 20 is one
 *    (PoO "Fixed-Point-Overflow Exception"; QEMU never raises it);
 *  - specification exception for a misaligned relative-long compare operand
 *    (PoO COMPARE RELATIVE LONG: word/doubleword boundary required);
 *  - test-only form of RNSBG/ROSBG/RXSBG (QEMU 7.2 computes the CC from an
 *    uninitialised temporary; fixed upstream in 2023);
 *  - DIVIDE of -2^63 by -1 (fixed-point divide; QEMU 7.2 dies of SIGFPE),
 *    done last.
 */
#include "rt/rt.h"

/* Keep compiled code off the floating-point registers (GPR spills to FPRs). */
#pragma GCC target("soft-float")

#include "arith_common.h"

/* Even-odd pair r2:r3 = hi:lo, @body operates on it (operand %[b] a register,
 * %[p] an address register); @code 0 means no interruption expected. The
 * CC is preset to 2 and checked unchanged (none of these sets it). */
#define T_PAIR(name, body, hi, lo, bv, ptr, code, ilc, ehi, elo) do {                  \
    uint64_t h_ = (hi), l_ = (lo), b_ = (bv), i_, n_;                                 \
    rt_pgm_arm();                                                                     \
    asm volatile("lgr %%r2,%[h]\n\tlgr %%r3,%[l]\n\tspm %[m]\n\tlarl %[nx],1f\n\t"    \
                 body "\n1:\tipm %[i]\n\tlgr %[h],%%r2\n\tlgr %[l],%%r3"              \
                 : [h] "+d"(h_), [l] "+d"(l_), [i] "=&d"(i_), [nx] "=&a"(n_)          \
                 : [b] "d"(b_), [p] "a"(ptr), [m] "d"(CCPM(2, 0))                      \
                 : "cc", "r2", "r3", "memory");                                       \
    if (code)                                                                         \
        chk_pgm(name, (code), (ilc), n_);                                             \
    else                                                                              \
        chk_nopgm(name);                                                              \
    chk(name " even", h_, (ehi), rt_cc_from_ipm(i_), 2);                              \
    chk(name " odd", l_, (elo), rt_cc_from_ipm(i_), 2);                               \
} while (0)

#define OVF PGM_FIXED_OVERFLOW

asm(".section .data\n"
    ".balign 8\n"
    "st_w:    .long 0, 0\n"
    "         .short 0\n"                   /* +8 */
    "st_wmis: .long 0x00000001\n"           /* +10: not a word boundary */
    "         .short 0\n"                   /* +14 */
    "         .long 0\n"                    /* +16 */
    "st_dmis: .quad 1\n"                    /* +20: not a doubleword boundary */
    ".previous\n");

#define T_RLSPEC(ins, sym) do {                                                      \
    uint64_t a_ = 0, i_, n_;                                                          \
    rt_pgm_arm();                                                                     \
    asm volatile("spm %[m]\n\tlarl %[nx],1f\n\t" ins " %[a]," sym "\n1:\tipm %[i]"    \
                 : [a] "+d"(a_), [i] "=&d"(i_), [nx] "=&a"(n_) : [m] "d"(CCPM(1, 0))   \
                 : "cc", "memory");                                                   \
    chk_pgm(ins " misaligned", PGM_SPECIFICATION, 3, n_);                             \
    chk(ins " misaligned", a_, 0, rt_cc_from_ipm(i_), 1);                             \
} while (0)

#define T_RIEF(ins, av, bv, i3, i4, i5, ccin, eres, ecc) do {                       \
    uint64_t a_ = (av), b_ = (bv), i_;                                                \
    asm volatile("spm %[m]\n\t" ins " %[a],%[b]," #i3 "," #i4 "," #i5 "\n\tipm %[i]"  \
                 : [a] "+&d"(a_), [i] "=&d"(i_) : [b] "d"(b_), [m] "d"(CCPM(ccin, 0))  \
                 : "cc");                                                             \
    chk(ins " " #i3 "," #i4 "," #i5, a_, (eres), rt_cc_from_ipm(i_), (ecc));           \
} while (0)

static void test_overflow_exc(void)
{
    T_PGM("ar pm8", "ar %[a],%[b]", 0x7fffffff, 1, 8, OVF, 1, 0x80000000, 3);
    T_PGM("ar pm8 no ovf", "ar %[a],%[b]", 0x7ffffffe, 1, 8, 0, 0, 0x7fffffff, 2);
    T_PGM("agr pm8", "agr %[a],%[b]", 0x8000000000000000ull, (uint64_t)-1, 8, OVF, 2,
          0x7fffffffffffffffull, 3);
    T_PGM("agfr pm8", "agfr %[a],%[b]", 0x8000000000000000ull, 0xffffffff, 8, OVF, 2,
          0x7fffffffffffffffull, 3);
    T_PGM("sr pm8", "sr %[a],%[b]", 0x80000000, 1, 8, OVF, 1, 0x7fffffff, 3);
    T_PGM("sgr pm15", "sgr %[a],%[b]", 0, 0x8000000000000000ull, 15, OVF, 2,
          0x8000000000000000ull, 3);
    T_PGM("ahi pm8", "ahi %[a],1", 0x7fffffff, 0, 8, OVF, 2, 0x80000000, 3);
    T_PGM("aghi pm8", "aghi %[a],-1", 0x8000000000000000ull, 0, 8, OVF, 2,
          0x7fffffffffffffffull, 3);
    T_PGM("afi pm8", "afi %[a],-1", 0x80000000, 0, 8, OVF, 3, 0x7fffffff, 3);
    T_PGM("agfi pm8", "agfi %[a],-1", 0x8000000000000000ull, 0, 8, OVF, 3,
          0x7fffffffffffffffull, 3);
    T_PGM("ark pm8", "ark %[a],%[b],%[b]", 0, 0x40000000, 8, OVF, 2, 0x80000000, 3);
    T_PGM("agrk pm8", "agrk %[a],%[b],%[b]", 0, 0x4000000000000000ull, 8, OVF, 2,
          0x8000000000000000ull, 3);
    T_PGM("srk pm8", "srk %[a],%[b],%[b]", 0x1234, 0x40000000, 8, 0, 0, 0, 0);
    T_PGM("ahik pm8", "ahik %[a],%[b],-2", 0, 0x80000001, 8, OVF, 3, 0x7fffffff, 3);
    T_PGM("aih pm8", "aih %[a],1", 0x7fffffff00000000ull, 0, 8, OVF, 3,
          0x8000000000000000ull, 3);
    T_PGM("shhhr pm8", "shhhr %[a],%[a],%[b]", 0x8000000000000000ull, 0x0000000100000000ull, 8,
          OVF, 2, 0x7fffffff00000000ull, 3);
    T_PGM("lcr pm8", "lcr %[a],%[b]", 0, 0x80000000, 8, OVF, 1, 0x80000000, 3);
    T_PGM("lcgr pm8", "lcgr %[a],%[b]", 0, 0x8000000000000000ull, 8, OVF, 2,
          0x8000000000000000ull, 3);
    T_PGM("lpr pm8", "lpr %[a],%[b]", 0, 0x80000000, 8, OVF, 1, 0x80000000, 3);
    T_PGM("lpgr pm8", "lpgr %[a],%[b]", 0, 0x8000000000000000ull, 8, OVF, 2,
          0x8000000000000000ull, 3);
    T_PGM("lnr pm8", "lnr %[a],%[b]", 0, 0x80000000, 8, 0, 0, 0x80000000, 1);
    T_PGM("sla pm8", "sla %[a],1", 0x40000000, 0, 8, OVF, 2, 0, 3);
    T_PGM("slak pm8", "slak %[a],%[b],1", 0, 0x7fffffff, 8, OVF, 3, 0x7ffffffe, 3);
    T_PGM("slag pm8", "slag %[a],%[b],1", 0, 0x4000000000000000ull, 8, OVF, 3, 0, 3);
}

/* SLDA on the pair r2:r3: the sum of both words shifted, overflow completing. */
static void test_slda_overflow(void)
{
    uint64_t h_ = 0x40000000, l_ = 0x12345678, i_, n_;

    rt_pgm_arm();
    asm volatile("lgr %%r2,%[h]\n\tlgr %%r3,%[l]\n\tspm %[m]\n\tlarl %[nx],1f\n\t"
                 "slda %%r2,1\n1:\tipm %[i]\n\tspm %[z]\n\tlgr %[h],%%r2\n\tlgr %[l],%%r3"
                 : [h] "+d"(h_), [l] "+d"(l_), [i] "=&d"(i_), [nx] "=&a"(n_)
                 : [m] "d"(CCPM(0, 8)), [z] "d"(0ull) : "cc", "r2", "r3", "memory");
    chk_pgm("slda pm8", OVF, 2, n_);
    chk("slda pm8 even", h_, 0, rt_cc_from_ipm(i_), 3);
    chk("slda pm8 odd", l_, 0x2468acf0, rt_cc_from_ipm(i_), 3);
}

static void test_storage_overflow(void)
{
    static uint32_t w;
    static uint64_t d;
    uint64_t i_, n_;

    w = 0x7fffffff;
    rt_pgm_arm();
    asm volatile("spm %[m]\n\tlarl %[nx],1f\n\tasi %[w],1\n1:\tipm %[i]\n\tspm %[z]"
                 : [w] "+QS"(w), [i] "=&d"(i_), [nx] "=&a"(n_)
                 : [m] "d"(CCPM(0, 8)), [z] "d"(0ull) : "cc", "memory");
    chk_pgm("asi pm8", OVF, 3, n_);
    chk("asi pm8", w, 0x80000000, rt_cc_from_ipm(i_), 3);

    d = 0x8000000000000000ull;
    rt_pgm_arm();
    asm volatile("spm %[m]\n\tlarl %[nx],1f\n\tagsi %[w],-1\n1:\tipm %[i]\n\tspm %[z]"
                 : [w] "+QS"(d), [i] "=&d"(i_), [nx] "=&a"(n_)
                 : [m] "d"(CCPM(0, 8)), [z] "d"(0ull) : "cc", "memory");
    chk_pgm("agsi pm8", OVF, 3, n_);
    chk("agsi pm8", d, 0x7fffffffffffffffull, rt_cc_from_ipm(i_), 3);
}

static void test_relative_long_alignment(void)
{
    T_RLSPEC("crl", "st_wmis");
    T_RLSPEC("clrl", "st_wmis");
    T_RLSPEC("cgfrl", "st_wmis");
    T_RLSPEC("clgfrl", "st_wmis");
    T_RLSPEC("cgrl", "st_dmis");
    T_RLSPEC("clgrl", "st_dmis");
    T_RLSPEC("cgrl", "st_wmis");
}

static void test_rsbg_test_only(void)
{
    T_RIEF("rnsbg", 0xffffffffffffffffull, 0x1200000000000000ull, 184, 63, 8, 0,
           0xffffffffffffffffull, 1);
    T_RIEF("rnsbg", 0x123400000000ff00ull, 0x00ff, 176, 63, 0, 3, 0x123400000000ff00ull, 0);
    T_RIEF("rosbg", 0x10, 0x8000000000000001ull, 190, 63, 1, 0, 0x10, 1);
    T_RIEF("rosbg", 0x10, 0, 187, 63, 0, 0, 0x10, 1);
    T_RIEF("rosbg", 0x10, 0, 188, 63, 0, 3, 0x10, 0);
    T_RIEF("rxsbg", 0xf0f0, 0xff00, 176, 63, 0, 0, 0xf0f0, 1);
    T_RIEF("rxsbg", 0xf0f0, 0xf0f0, 176, 63, 0, 2, 0xf0f0, 0);
}

int main(void)
{
    test_overflow_exc();
    test_slda_overflow();
    test_storage_overflow();
    test_relative_long_alignment();
    test_rsbg_test_only();
    /* Last: QEMU 7.2 takes a host SIGFPE here. */
    T_PAIR("dr min/-1", "dr %%r2,%[b]", 0x80000000, 0, 0xffffffff, 0, PGM_FIXED_DIVIDE, 1,
           0x80000000, 0);
    return 0;
}
