/*
 * arith_common.h - check helpers shared by the integer test programs
 * (arith_*, logical*, shift, rotate): one instruction per check, its result
 * register and condition code compared with the expected values, and
 * program interruptions caught through the runtime. Include after rt/rt.h.
 */
#ifndef ARITH_COMMON_H
#define ARITH_COMMON_H

#include "rt/rt.h"

#define CCPM(cc, pm) ((uint64_t)((((cc) & 3) << 4) | ((pm) & 15)) << 24)

static unsigned seq;

/* Check a result register and the condition code left by one instruction. */
static __attribute__((unused))
void chk(const char *ins, uint64_t got, uint64_t exp, unsigned gcc, unsigned ecc)
{
    char name[96];

    seq++;
    rt_snprintf(name, sizeof(name), "%s #%u result", ins, seq);
    rt_check_u64(name, got, exp);
    rt_snprintf(name, sizeof(name), "%s #%u cc", ins, seq);
    rt_check_u64(name, gcc, ecc);
}

/* Check that the armed program interruption happened with @code and @ilc and
 * an old PSW pointing at @next. */
static __attribute__((unused))
void chk_pgm(const char *ins, unsigned code, unsigned ilc, uint64_t next)
{
    struct rt_pgm_info pi;
    char name[96];
    bool fired = rt_pgm_disarm(&pi);

    seq++;
    rt_snprintf(name, sizeof(name), "%s #%u interruption", ins, seq);
    rt_check(fired, name);
    rt_snprintf(name, sizeof(name), "%s #%u code", ins, seq);
    rt_check_u64(name, pi.code, code);
    rt_snprintf(name, sizeof(name), "%s #%u ilc", ins, seq);
    rt_check_u64(name, pi.ilc, ilc);
    rt_snprintf(name, sizeof(name), "%s #%u old psw address", ins, seq);
    rt_check_u64(name, pi.addr, next);
}

/* Check that nothing was caught while armed. */
static __attribute__((unused))
void chk_nopgm(const char *ins)
{
    char name[96];

    seq++;
    rt_snprintf(name, sizeof(name), "%s #%u no interruption", ins, seq);
    rt_check(!rt_pgm_disarm(NULL), name);
}

/* ins R1,R2 with R1 = av, R2 = bv, CC preset to ccin. */
#define T_RR(ins, av, bv, ccin, eres, ecc) do {                                      \
    uint64_t a_ = (av), b_ = (bv), i_;                                                \
    asm volatile("spm %[m]\n\t" ins " %[a],%[b]\n\tipm %[i]"                          \
                 : [a] "+d"(a_), [i] "=&d"(i_) : [b] "d"(b_), [m] "d"(CCPM(ccin, 0))   \
                 : "cc");                                                             \
    chk(ins, a_, (eres), rt_cc_from_ipm(i_), (ecc));                                  \
} while (0)

/* ins R1,R2,R3 with R1 = av (for the bits the instruction keeps). */
#define T_RRR(ins, av, bv, cv, ccin, eres, ecc) do {                                 \
    uint64_t a_ = (av), b_ = (bv), c_ = (cv), i_;                                     \
    asm volatile("spm %[m]\n\t" ins " %[a],%[b],%[c]\n\tipm %[i]"                     \
                 : [a] "+&d"(a_), [i] "=&d"(i_)                                       \
                 : [b] "d"(b_), [c] "d"(c_), [m] "d"(CCPM(ccin, 0)) : "cc");          \
    chk(ins, a_, (eres), rt_cc_from_ipm(i_), (ecc));                                  \
} while (0)

/* ins R1,I2 */
#define T_RI(ins, av, imm, ccin, eres, ecc) do {                                     \
    uint64_t a_ = (av), i_;                                                           \
    asm volatile("spm %[m]\n\t" ins " %[a],%[n]\n\tipm %[i]"                          \
                 : [a] "+d"(a_), [i] "=&d"(i_) : [n] "i"(imm), [m] "d"(CCPM(ccin, 0))  \
                 : "cc");                                                             \
    chk(ins, a_, (eres), rt_cc_from_ipm(i_), (ecc));                                  \
} while (0)

/* ins R1,R3,I2 */
#define T_RRI(ins, av, bv, imm, ccin, eres, ecc) do {                                \
    uint64_t a_ = (av), b_ = (bv), i_;                                                \
    asm volatile("spm %[m]\n\t" ins " %[a],%[b],%[n]\n\tipm %[i]"                     \
                 : [a] "+&d"(a_), [i] "=&d"(i_)                                       \
                 : [b] "d"(b_), [n] "i"(imm), [m] "d"(CCPM(ccin, 0)) : "cc");         \
    chk(ins, a_, (eres), rt_cc_from_ipm(i_), (ecc));                                  \
} while (0)

/* ins R1,0(X2=0,B2) on the operand at @ptr. */
#define T_RX(ins, av, ptr, ccin, eres, ecc) do {                                     \
    uint64_t a_ = (av), i_;                                                           \
    asm volatile("spm %[m]\n\t" ins " %[a],0(%[p])\n\tipm %[i]"                       \
                 : [a] "+d"(a_), [i] "=&d"(i_)                                        \
                 : [p] "a"(ptr), [m] "d"(CCPM(ccin, 0)) : "cc", "memory");            \
    chk(ins, a_, (eres), rt_cc_from_ipm(i_), (ecc));                                  \
} while (0)

/* An instruction text @body (operands %[a], %[b]) expected to raise program
 * interruption @code with program mask @pm; checks the result and CC after. */
#define T_PGM(ins, body, av, bv, pm, code, ilc, eres, ecc) do {                     \
    uint64_t a_ = (av), b_ = (bv), i_, n_;                                            \
    rt_pgm_arm();                                                                     \
    asm volatile("spm %[m]\n\tlarl %[nx],1f\n\t" body "\n1:\tipm %[i]\n\tspm %[z]"    \
                 : [a] "+&d"(a_), [i] "=&d"(i_), [nx] "=&a"(n_)                       \
                 : [b] "d"(b_), [m] "d"(CCPM(0, pm)), [z] "d"(0ull) : "cc", "memory"); \
    if (code)                                                                         \
        chk_pgm(ins, (code), (ilc), n_);                                              \
    else                                                                              \
        chk_nopgm(ins);                                                               \
    chk(ins, a_, (eres), rt_cc_from_ipm(i_), (ecc));                                  \
} while (0)

#endif
