/*
 * arith_cmp.c - COMPARE and COMPARE LOGICAL in every form (register,
 * storage, immediate, storage-immediate, relative-long with its alignment
 * check, high word) and LOAD COMPLEMENT / POSITIVE / NEGATIVE / AND TEST
 * (with the maximum-negative overflow cases, program mask off).
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

/* Relative-long operands (the misaligned ones are used by arith_strict.c). */
asm(".section .data\n"
    ".balign 8\n"
    "rl_d:    .quad 0x8000000000000000\n"   /* +0 */
    "rl_w:    .long 0xfffffffe\n"           /* +8 */
    "rl_h:    .short 0x8000\n"              /* +12 */
    "rl_hp:   .short 0x7fff\n"              /* +14 */
    "         .short 0\n"                   /* +16 */
    "rl_wmis: .long 0x00000001\n"           /* +18: not a word boundary */
    "         .short 0\n"                   /* +22 */
    "         .long 0\n"                    /* +24 */
    "rl_dmis: .quad 1\n"                    /* +28: not a doubleword boundary */
    ".previous\n");

#define T_CMPRL(ins, sym, av, ecc) do {                                              \
    uint64_t a_ = (av), i_;                                                           \
    asm volatile(ins " %[a]," sym "\n\tipm %[i]" : [a] "+d"(a_), [i] "=d"(i_) : : "cc"); \
    chk(ins " " sym, a_, (av), rt_cc_from_ipm(i_), (ecc));                            \
} while (0)

/* SIL: compare the storage operand at @ptr with the immediate. */
#define T_SIL(ins, ptr, imm, ecc) do {                                               \
    uint64_t i_;                                                                      \
    asm volatile(ins " 0(%[p]),%[n]\n\tipm %[i]"                                      \
                 : [i] "=d"(i_) : [p] "a"(ptr), [n] "i"(imm) : "cc", "memory");       \
    chk(ins, 0, 0, rt_cc_from_ipm(i_), (ecc));                                        \
} while (0)

static void test_compare_reg(void)
{
    T_RR("cr", 1, 2, 0, 1, 1);
    T_RR("cr", 2, 1, 0, 2, 2);
    T_RR("cr", 5, 5, 3, 5, 0);
    T_RR("cr", 0x80000000, 0x7fffffff, 0, 0x80000000, 1);
    T_RR("cr", 0xffffffff00000001ull, 1, 3, 0xffffffff00000001ull, 0);
    T_RR("cgr", 0x8000000000000000ull, 1, 0, 0x8000000000000000ull, 1);
    T_RR("cgr", 1, 0xffffffffffffffffull, 0, 1, 2);
    T_RR("cgfr", 0xffffffffffffffffull, 0xffffffff, 0, 0xffffffffffffffffull, 0);
    T_RR("cgfr", 0x100000000ull, 0x7fffffff, 0, 0x100000000ull, 2);
    T_RR("cgfr", 0xffffffff, 0xffffffff, 0, 0xffffffff, 2);
    T_RR("clr", 0x80000000, 0x7fffffff, 0, 0x80000000, 2);
    T_RR("clr", 1, 0x1234567800000001ull, 1, 1, 0);
    T_RR("clgr", 1, 0xffffffffffffffffull, 0, 1, 1);
    T_RR("clgr", 0x8000000000000000ull, 0x7fffffffffffffffull, 0, 0x8000000000000000ull, 2);
    T_RR("clgfr", 0x100000000ull, 0xffffffff, 0, 0x100000000ull, 2);
    T_RR("clgfr", 0xffffffff, 0x12345678ffffffffull, 1, 0xffffffff, 0);
    T_RR("clgfr", 0x7fffffff, 0x80000000, 0, 0x7fffffff, 1);
}

static void test_compare_imm(void)
{
    T_RI("chi", 0xffffffff, -1, 3, 0xffffffff, 0);
    T_RI("chi", 0, -1, 0, 0, 2);
    T_RI("chi", 0x7ffe, 0x7fff, 0, 0x7ffe, 1);
    T_RI("cghi", 0x8000000000000000ull, 0x7fff, 0, 0x8000000000000000ull, 1);
    T_RI("cghi", 0xffffffffffff8000ull, -0x8000, 3, 0xffffffffffff8000ull, 0);
    T_RI("cfi", 0x80000000, -0x80000000ll, 3, 0x80000000, 0);
    T_RI("cfi", 0x7fffffff, -1, 0, 0x7fffffff, 2);
    T_RI("cgfi", 0x80000000, -0x80000000ll, 0, 0x80000000, 2);
    T_RI("cgfi", 0xffffffff80000000ull, -0x80000000ll, 3, 0xffffffff80000000ull, 0);
    T_RI("clfi", 0x80000000, 0xffffffffll, 0, 0x80000000, 1);
    T_RI("clfi", 0xffffffff, 0xffffffffll, 3, 0xffffffff, 0);
    T_RI("clgfi", 0x100000000ull, 0xffffffffll, 0, 0x100000000ull, 2);
    T_RI("clgfi", 0xfffffffe, 0xffffffffll, 0, 0xfffffffe, 1);
}

static void test_compare_mem(void)
{
    static const uint32_t w7f = 0x7fffffff, wff = 0xffffffff;
    static const uint16_t h8 = 0x8000;
    static const uint64_t d8 = 0x8000000000000000ull;

    T_RX("c", 0x80000000, &w7f, 0, 0x80000000, 1);
    T_RX("cy", 0xffffffff, &wff, 3, 0xffffffff, 0);
    T_RX("ch", 0xffff8000, &h8, 3, 0xffff8000, 0);
    T_RX("ch", 0x8000, &h8, 0, 0x8000, 2);
    T_RX("chy", 0x80000000, &h8, 0, 0x80000000, 1);
    T_RX("cgh", 0xffffffffffff8000ull, &h8, 3, 0xffffffffffff8000ull, 0);
    T_RX("cgh", 0xffff8000, &h8, 0, 0xffff8000, 2);
    T_RX("cgh", 0x8000000000000000ull, &h8, 0, 0x8000000000000000ull, 1);
    T_RX("cg", 0, &d8, 0, 0, 2);
    T_RX("cgf", 0xffffffffffffffffull, &wff, 3, 0xffffffffffffffffull, 0);
    T_RX("cgf", 0xffffffff, &wff, 0, 0xffffffff, 2);
    T_RX("cl", 0x80000000, &w7f, 0, 0x80000000, 2);
    T_RX("cly", 0, &wff, 0, 0, 1);
    T_RX("clg", 0, &d8, 0, 0, 1);
    T_RX("clg", 0x8000000000000000ull, &d8, 3, 0x8000000000000000ull, 0);
    T_RX("clgf", 0xffffffff, &wff, 3, 0xffffffff, 0);
    T_RX("clgf", 0xffffffffffffffffull, &wff, 0, 0xffffffffffffffffull, 2);
}

static void test_compare_sil(void)
{
    static const uint16_t h8 = 0x8000, hff = 0xffff;
    static const uint32_t w = 0xffff8000;
    static const uint64_t d = 0xffffffffffffffffull;

    T_SIL("chhsi", &h8, -0x8000, 0);
    T_SIL("chhsi", &h8, 0, 1);
    T_SIL("chhsi", &hff, -2, 2);
    T_SIL("chsi", &w, -0x8000, 0);
    T_SIL("chsi", &w, 0x7fff, 1);
    T_SIL("cghsi", &d, -1, 0);
    T_SIL("cghsi", &d, -2, 2);
    T_SIL("clhhsi", &h8, 0x8000, 0);
    T_SIL("clhhsi", &h8, 0xffff, 1);
    T_SIL("clhhsi", &hff, 1, 2);
    T_SIL("clfhsi", &w, 0x8000, 2);
    T_SIL("clfhsi", &w, 0xffff, 2);
    T_SIL("clghsi", &d, 0xffff, 2);
    T_SIL("clghsi", &h8, 0, 2);
}

static void test_compare_rl(void)
{
    T_CMPRL("crl", "rl_w", 0xfffffffe, 0);
    T_CMPRL("crl", "rl_w", 0, 2);
    T_CMPRL("crl", "rl_w", 0x80000000, 1);
    T_CMPRL("cgrl", "rl_d", 0, 2);
    T_CMPRL("cgrl", "rl_d", 0x8000000000000000ull, 0);
    T_CMPRL("clgrl", "rl_d", 0, 1);
    T_CMPRL("clgrl", "rl_d", 0xffffffffffffffffull, 2);
    T_CMPRL("cgfrl", "rl_w", 0xfffffffffffffffeull, 0);
    T_CMPRL("cgfrl", "rl_w", 0xfffffffe, 2);
    T_CMPRL("clgfrl", "rl_w", 0xfffffffe, 0);
    T_CMPRL("clgfrl", "rl_w", 0xfffffffffffffffeull, 2);
    T_CMPRL("clrl", "rl_w", 0xffffffff, 2);
    T_CMPRL("clrl", "rl_w", 0x7fffffff, 1);
    T_CMPRL("chrl", "rl_h", 0xffff8000, 0);
    T_CMPRL("chrl", "rl_hp", 0, 1);
    T_CMPRL("cghrl", "rl_h", 0xffffffffffff8000ull, 0);
    T_CMPRL("cghrl", "rl_hp", 0x8000, 2);
    T_CMPRL("clhrl", "rl_h", 0x8000, 0);
    T_CMPRL("clhrl", "rl_h", 0xffff8000, 2);
    T_CMPRL("clghrl", "rl_hp", 0x7fff, 0);
    T_CMPRL("clghrl", "rl_h", 0x7fff, 1);
}

static void test_compare_high(void)
{
    static const uint32_t w7f = 0x7fffffff;

    T_RR("chhr", 0xffffffff00000000ull, 0x0000000100000000ull, 0, 0xffffffff00000000ull, 1);
    T_RR("chhr", 0x0000000500000001ull, 0x00000005ffffffffull, 3, 0x0000000500000001ull, 0);
    T_RR("chlr", 0x7fffffff00000000ull, 0x0000000080000000ull, 0, 0x7fffffff00000000ull, 2);
    T_RR("clhhr", 0xffffffff00000000ull, 0x0000000100000000ull, 0, 0xffffffff00000000ull, 2);
    T_RR("clhlr", 0x0000000500000000ull, 0xffffffff00000005ull, 3, 0x0000000500000000ull, 0);
    T_RR("clhlr", 0x0000000500000009ull, 0x0000000000000006ull, 0, 0x0000000500000009ull, 1);
    T_RX("chf", 0x8000000000000000ull, &w7f, 0, 0x8000000000000000ull, 1);
    T_RX("clhf", 0x8000000000000000ull, &w7f, 0, 0x8000000000000000ull, 2);
    T_RX("clhf", 0x7fffffff00000000ull, &w7f, 3, 0x7fffffff00000000ull, 0);
    T_RI("cih", 0xfffffffe00000000ull, -2, 3, 0xfffffffe00000000ull, 0);
    T_RI("cih", 0x00000000ffffffffull, -2, 0, 0x00000000ffffffffull, 2);
    T_RI("clih", 0xfffffffe00000000ull, 0xffffffffll, 0, 0xfffffffe00000000ull, 1);
    T_RI("clih", 0x8000000000000000ull, 0x7fffffff, 0, 0x8000000000000000ull, 2);
}

static void test_load_signed(void)
{
    T_RR("lcr", 0xaaaaaaaa11111111ull, 1, 0, 0xaaaaaaaaffffffffull, 1);
    T_RR("lcr", 0, 0xffffffff, 0, 1, 2);
    T_RR("lcr", 7, 0xffffffff00000000ull, 3, 0, 0);
    T_RR("lcr", 0, 0x80000000, 0, 0x80000000, 3);
    T_RR("lcgr", 0, 0x8000000000000000ull, 0, 0x8000000000000000ull, 3);
    T_RR("lcgr", 0, 5, 0, (uint64_t)-5, 1);
    T_RR("lcgr", 0, 0xffffffff, 0, 0xffffffff00000001ull, 1);
    T_RR("lcgfr", 0, 0x80000000, 0, 0x80000000, 2);
    T_RR("lcgfr", 0, 0x1234567800000001ull, 0, (uint64_t)-1, 1);
    T_RR("lpr", 0x5555555500000000ull, 0xfffffffb, 0, 0x5555555500000005ull, 2);
    T_RR("lpr", 9, 0, 3, 0, 0);
    T_RR("lpr", 0, 0x80000000, 0, 0x80000000, 3);
    T_RR("lpr", 0, 7, 0, 7, 2);
    T_RR("lpgr", 0, (uint64_t)-1, 0, 1, 2);
    T_RR("lpgr", 0, 0x8000000000000000ull, 0, 0x8000000000000000ull, 3);
    T_RR("lpgr", 0, 0xffffffff, 0, 0xffffffff, 2);
    T_RR("lpgfr", 0, 0x80000000, 0, 0x80000000, 2);
    T_RR("lpgfr", 0, 0xfffffffe, 0, 2, 2);
    T_RR("lnr", 0x1111111100000000ull, 5, 0, 0x11111111fffffffbull, 1);
    T_RR("lnr", 0, 0xfffffffb, 0, 0xfffffffb, 1);
    T_RR("lnr", 0, 0, 3, 0, 0);
    T_RR("lnr", 0, 0x80000000, 0, 0x80000000, 1);
    T_RR("lngr", 0, 0x7fffffffffffffffull, 0, 0x8000000000000001ull, 1);
    T_RR("lngr", 0, 0x8000000000000000ull, 0, 0x8000000000000000ull, 1);
    T_RR("lngfr", 0, 0x7fffffff, 0, 0xffffffff80000001ull, 1);
    T_RR("lngfr", 0, 0xffffffff, 0, (uint64_t)-1, 1);
    T_RR("ltr", 0x9999999900000000ull, 0x80000000, 0, 0x9999999980000000ull, 1);
    T_RR("ltr", 5, 0xffffffff00000000ull, 3, 0, 0);
    T_RR("ltr", 0, 1, 0, 1, 2);
    T_RR("ltgr", 0, 0x8000000000000000ull, 0, 0x8000000000000000ull, 1);
    T_RR("ltgr", 0, 0x100000000ull, 0, 0x100000000ull, 2);
    T_RR("ltgr", 5, 0, 3, 0, 0);
    T_RR("ltgfr", 0, 0x12345678ffffffffull, 0, (uint64_t)-1, 1);
    T_RR("ltgfr", 0, 0xffffffff00000000ull, 3, 0, 0);
    T_PGM("lcr pm7", "lcr %[a],%[b]", 0, 0x80000000, 7, 0, 0, 0x80000000, 3);
    T_PGM("lpgr pm0", "lpgr %[a],%[b]", 0, 0x8000000000000000ull, 0, 0, 0,
          0x8000000000000000ull, 3);
}

int main(void)
{
    test_compare_reg();
    test_compare_imm();
    test_compare_mem();
    test_compare_sil();
    test_compare_rl();
    test_compare_high();
    test_load_signed();
    return 0;
}
