/*
 * plo.c - PERFORM LOCKED OPERATION (PoO chapter 7). GR0 bits 56-63 hold
 * the function code, bit 55 the test bit, bits 32-54 must be zero. Each
 * of the 24 function codes is run through its equal and unequal paths
 * (CC 0/1, and CC 2 for the double compare and swap), with the operands
 * in registers (R1 = r2/r3, R3 = r4/r5) or in the parameter list (16-byte
 * slots, values right-aligned: 0 op1 comparison, 1 op1 replacement, 2 op3
 * comparison, 3 op3, 4 op4 address, 5 op5, 6 op6 address, 7 op7, 8 op8
 * address), then the test bit and the specification exceptions.
 */
#include "rt/rt.h"

#pragma GCC target("soft-float")

struct regs {
    uint64_t r2, r3, r4, r5;
};

static uint64_t op2[2] __attribute__((aligned(16)));
static uint64_t op4[2] __attribute__((aligned(16)));
static uint64_t op6[2] __attribute__((aligned(16)));
static uint64_t op8[2] __attribute__((aligned(16)));
static uint64_t pl[18] __attribute__((aligned(16)));

/* Address after the instruction expected to fail (stored with STGRL). */
uint64_t g_next;

/* PLO r2,0(@p2),r4,0(@p4) with GR0 = @gr0 and r2-r5 from/to @r. Returns the CC. */
static unsigned plo(uint64_t gr0, struct regs *r, void *p2, void *p4)
{
    uint64_t ipm;

    asm volatile("  lgr   %%r0,%[gr0]\n"
                 "  lghi  %%r1,-1\n"               /* program lock token: any value */
                 "  lmg   %%r2,%%r5,0(%[r])\n"
                 "  plo   %%r2,0(%[p2]),%%r4,0(%[p4])\n"
                 "  ipm   %[ipm]\n"
                 "  stmg  %%r2,%%r5,0(%[r])\n"
                 : [ipm] "=&d"(ipm)
                 : [gr0] "d"(gr0), [r] "a"(r), [p2] "a"(p2), [p4] "a"(p4)
                 : "r0", "r1", "r2", "r3", "r4", "r5", "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

static uint8_t *slot(unsigned n, unsigned w)
{
    return (uint8_t *)pl + 16 * n + 16 - w;
}

static uint64_t slot64(unsigned n)
{
    return *(uint64_t *)slot(n, 8);
}

static uint32_t slot32(unsigned n)
{
    return *(uint32_t *)slot(n, 4);
}

static void set_slot64(unsigned n, uint64_t v)
{
    *(uint64_t *)slot(n, 8) = v;
}

static void set_slot32(unsigned n, uint32_t v)
{
    *(uint32_t *)slot(n, 4) = v;
}

static void set_slot128(unsigned n, uint64_t hi, uint64_t lo)
{
    pl[2 * n] = hi;
    pl[2 * n + 1] = lo;
}

static void reset(void)
{
    for (unsigned i = 0; i < 18; i++)
        pl[i] = 0x5555555555555555ull;
    op2[0] = op2[1] = op4[0] = op4[1] = 0;
    op6[0] = op6[1] = op8[0] = op8[1] = 0;
    set_slot64(4, (uint64_t)op4);
    set_slot64(6, (uint64_t)op6);
    set_slot64(8, (uint64_t)op8);
}

static void test_compare_and_load(void)
{
    struct regs r;
    unsigned cc;

    /* 0 CL: 32-bit, operand 4 at D4. */
    reset();
    op2[0] = 0x1111111100000000ull;     /* word at op2: 0x11111111 */
    op4[0] = 0x4444444400000000ull;
    r = (struct regs){ 0xaaaaaaaa11111111ull, 0, 0xbbbbbbbb00000000ull, 0 };
    cc = plo(0x00, &r, op2, op4);
    rt_check_u64("cl equal: cc 0", cc, 0);
    rt_check_u64("cl equal: R3 bits 32-63 get op4", r.r4, 0xbbbbbbbb44444444ull);
    r.r2 = 0xaaaaaaaa22222222ull;
    cc = plo(0x00, &r, op2, op4);
    rt_check_u64("cl unequal: cc 1", cc, 1);
    rt_check_u64("cl unequal: R1 bits 32-63 get op2", r.r2, 0xaaaaaaaa11111111ull);

    /* 1 CLG: comparison value and operand 3 in the list. */
    reset();
    op2[0] = 0x0123456789abcdefull;
    op4[0] = 0xfedcba9876543210ull;
    set_slot64(0, 0x0123456789abcdefull);
    cc = plo(0x01, &r, op2, pl);
    rt_check_u64("clg equal: cc 0", cc, 0);
    rt_check_u64("clg equal: op4 to list slot 2 (offset 40)", pl[5], 0xfedcba9876543210ull);
    set_slot64(0, 7);
    cc = plo(0x01, &r, op2, pl);
    rt_check_u64("clg unequal: cc 1", cc, 1);
    rt_check_u64("clg unequal: op2 to list offset 8", pl[1], 0x0123456789abcdefull);

    /* 2 CLGR: 64-bit registers, operand 4 at D4. */
    reset();
    op2[0] = 0x0123456789abcdefull;
    op4[0] = 0x7777777777777777ull;
    r = (struct regs){ 0x0123456789abcdefull, 0, 0, 0 };
    cc = plo(0x02, &r, op2, op4);
    rt_check_u64("clgr equal: cc 0", cc, 0);
    rt_check_u64("clgr equal: R3 gets op4", r.r4, 0x7777777777777777ull);
    r.r2 = 0;
    cc = plo(0x02, &r, op2, op4);
    rt_check_u64("clgr unequal: cc 1", cc, 1);
    rt_check_u64("clgr unequal: R1 gets op2", r.r2, 0x0123456789abcdefull);

    /* 3 CLX: 128-bit values in the list. */
    reset();
    op2[0] = 1;
    op2[1] = 2;
    op4[0] = 3;
    op4[1] = 4;
    set_slot128(0, 1, 2);
    cc = plo(0x03, &r, op2, pl);
    rt_check_u64("clx equal: cc 0", cc, 0);
    rt_check(pl[4] == 3 && pl[5] == 4, "clx equal: op4 to list offset 32");
    set_slot128(0, 1, 3);
    cc = plo(0x03, &r, op2, pl);
    rt_check_u64("clx unequal: cc 1", cc, 1);
    rt_check(pl[0] == 1 && pl[1] == 2, "clx unequal: op2 to list offset 0");
}

static void test_compare_and_swap(void)
{
    struct regs r;
    unsigned cc;

    /* 4 CS: R1 comparison, R1+1 replacement (bits 32-63). */
    reset();
    op2[0] = 0x1111111100000000ull;
    r = (struct regs){ 0xaaaaaaaa11111111ull, 0xbbbbbbbb22222222ull, 0, 0 };
    cc = plo(0x04, &r, op2, NULL);
    rt_check_u64("cs equal: cc 0", cc, 0);
    rt_check_u64("cs equal: op2 replaced", op2[0], 0x2222222200000000ull);
    cc = plo(0x04, &r, op2, NULL);
    rt_check_u64("cs unequal: cc 1", cc, 1);
    rt_check_u64("cs unequal: R1 loaded", r.r2, 0xaaaaaaaa22222222ull);
    rt_check_u64("cs unequal: op2 unchanged", op2[0], 0x2222222200000000ull);

    /* 5 CSG: list offsets 8 and 24. */
    reset();
    op2[0] = 0x0123456789abcdefull;
    set_slot64(0, 0x0123456789abcdefull);
    set_slot64(1, 0x1010101010101010ull);
    cc = plo(0x05, &r, op2, pl);
    rt_check_u64("csg equal: cc 0", cc, 0);
    rt_check_u64("csg equal: op2 replaced", op2[0], 0x1010101010101010ull);
    cc = plo(0x05, &r, op2, pl);
    rt_check_u64("csg unequal: cc 1", cc, 1);
    rt_check_u64("csg unequal: op2 to list offset 8", pl[1], 0x1010101010101010ull);

    /* 6 CSGR */
    reset();
    op2[1] = 0x99;
    r = (struct regs){ 0x99, 0x98, 0, 0 };
    cc = plo(0x06, &r, &op2[1], NULL);
    rt_check_u64("csgr equal: cc 0", cc, 0);
    rt_check_u64("csgr equal: op2 replaced", op2[1], 0x98);
    cc = plo(0x06, &r, &op2[1], NULL);
    rt_check_u64("csgr unequal: cc 1", cc, 1);
    rt_check_u64("csgr unequal: R1 loaded", r.r2, 0x98);

    /* 7 CSX: list offsets 0 and 16. */
    reset();
    op2[0] = 5;
    op2[1] = 6;
    set_slot128(0, 5, 6);
    set_slot128(1, 7, 8);
    cc = plo(0x07, &r, op2, pl);
    rt_check_u64("csx equal: cc 0", cc, 0);
    rt_check(op2[0] == 7 && op2[1] == 8, "csx equal: op2 replaced");
    cc = plo(0x07, &r, op2, pl);
    rt_check_u64("csx unequal: cc 1", cc, 1);
    rt_check(pl[0] == 7 && pl[1] == 8, "csx unequal: op2 to list offset 0");
}

static void test_double_compare_and_swap(void)
{
    struct regs r;
    unsigned cc;

    /* 8 DCS: R1/R1+1 with op2, R3/R3+1 with op4 (D4). */
    reset();
    op2[0] = 0x1111111100000000ull;
    op4[0] = 0x3333333300000000ull;
    r = (struct regs){ 0x11111111, 0x22222222, 0x30303030, 0x44444444 };
    cc = plo(0x08, &r, op2, op4);
    rt_check_u64("dcs op3 unequal: cc 2", cc, 2);
    rt_check_u64("dcs op3 unequal: R3 loaded", r.r4, 0x33333333);
    rt_check_u64("dcs op3 unequal: op2 unchanged", op2[0], 0x1111111100000000ull);
    cc = plo(0x08, &r, op2, op4);
    rt_check_u64("dcs equal: cc 0", cc, 0);
    rt_check_u64("dcs equal: op2 replaced", op2[0], 0x2222222200000000ull);
    rt_check_u64("dcs equal: op4 replaced", op4[0], 0x4444444400000000ull);
    cc = plo(0x08, &r, op2, op4);
    rt_check_u64("dcs op1 unequal: cc 1", cc, 1);
    rt_check_u64("dcs op1 unequal: R1 loaded", r.r2, 0x22222222);
    rt_check_u64("dcs op1 unequal: R3 untouched", r.r4, 0x33333333);

    /* 9 DCSG: list 8/24 (op1), 40/56 (op3), op4 address at 72. */
    reset();
    op2[0] = 0x100;
    op4[0] = 0x300;
    set_slot64(0, 0x100);
    set_slot64(1, 0x200);
    set_slot64(2, 0x301);
    set_slot64(3, 0x400);
    cc = plo(0x09, &r, op2, pl);
    rt_check_u64("dcsg op3 unequal: cc 2", cc, 2);
    rt_check_u64("dcsg op3 unequal: op4 to list offset 40", pl[5], 0x300);
    cc = plo(0x09, &r, op2, pl);
    rt_check_u64("dcsg equal: cc 0", cc, 0);
    rt_check(op2[0] == 0x200 && op4[0] == 0x400, "dcsg equal: op2 and op4 replaced");
    cc = plo(0x09, &r, op2, pl);
    rt_check_u64("dcsg op1 unequal: cc 1", cc, 1);
    rt_check_u64("dcsg op1 unequal: op2 to list offset 8", pl[1], 0x200);

    /* 10 DCSGR */
    reset();
    op2[0] = 10;
    op4[0] = 30;
    r = (struct regs){ 10, 20, 30, 40 };
    cc = plo(0x0a, &r, op2, op4);
    rt_check_u64("dcsgr equal: cc 0", cc, 0);
    rt_check(op2[0] == 20 && op4[0] == 40, "dcsgr equal: op2 and op4 replaced");

    /* 11 DCSX */
    reset();
    op2[0] = 1;
    op2[1] = 2;
    op4[0] = 3;
    op4[1] = 4;
    set_slot128(0, 1, 2);
    set_slot128(1, 5, 6);
    set_slot128(2, 3, 4);
    set_slot128(3, 7, 8);
    cc = plo(0x0b, &r, op2, pl);
    rt_check_u64("dcsx equal: cc 0", cc, 0);
    rt_check(op2[0] == 5 && op2[1] == 6 && op4[0] == 7 && op4[1] == 8,
             "dcsx equal: op2 and op4 replaced");
    set_slot128(0, 5, 6);
    cc = plo(0x0b, &r, op2, pl);
    rt_check_u64("dcsx op3 unequal: cc 2", cc, 2);
    rt_check(pl[4] == 7 && pl[5] == 8, "dcsx op3 unequal: op4 to list offset 32");
}

static void test_compare_and_swap_and_store(void)
{
    struct regs r;
    unsigned cc;

    /* 12 CSST: op3 in R3, op4 at D4. */
    reset();
    op2[0] = 0x1111111100000000ull;
    r = (struct regs){ 0x11111111, 0x22222222, 0xffffffff33333333ull, 0 };
    cc = plo(0x0c, &r, op2, op4);
    rt_check_u64("csst equal: cc 0", cc, 0);
    rt_check_u64("csst equal: op2 replaced", op2[0], 0x2222222200000000ull);
    rt_check_u64("csst equal: op3 stored at op4", op4[0], 0x3333333300000000ull);
    op4[0] = 0;
    cc = plo(0x0c, &r, op2, op4);
    rt_check_u64("csst unequal: cc 1", cc, 1);
    rt_check_u64("csst unequal: R1 loaded", r.r2, 0x22222222);
    rt_check_u64("csst unequal: op4 not stored", op4[0], 0);

    /* 13 CSSTG: op3 at list offset 56. */
    reset();
    op2[0] = 0xabc;
    set_slot64(0, 0xabc);
    set_slot64(1, 0xdef);
    set_slot64(3, 0x333);
    cc = plo(0x0d, &r, op2, pl);
    rt_check_u64("csstg equal: cc 0", cc, 0);
    rt_check(op2[0] == 0xdef && op4[0] == 0x333, "csstg equal: op2 and op4 stored");

    /* 14 CSSTGR */
    reset();
    op2[0] = 0xabc;
    r = (struct regs){ 0xabc, 0xdef, 0x333, 0 };
    cc = plo(0x0e, &r, op2, op4);
    rt_check_u64("csstgr equal: cc 0", cc, 0);
    rt_check(op2[0] == 0xdef && op4[0] == 0x333, "csstgr equal: op2 and op4 stored");

    /* 15 CSSTX */
    reset();
    set_slot128(1, 9, 10);
    set_slot128(3, 11, 12);
    set_slot128(0, 0, 0);
    cc = plo(0x0f, &r, op2, pl);
    rt_check_u64("csstx equal: cc 0", cc, 0);
    rt_check(op2[0] == 9 && op2[1] == 10 && op4[0] == 11 && op4[1] == 12,
             "csstx equal: op2 and op4 stored");
    cc = plo(0x0f, &r, op2, pl);
    rt_check_u64("csstx unequal: cc 1", cc, 1);
    rt_check(pl[0] == 9 && pl[1] == 10, "csstx unequal: op2 to list offset 0");
}

static void test_double_and_triple_store(void)
{
    struct regs r;
    unsigned cc;

    /* 16 CSDST: 32-bit, R1/R1+1; list at D4: op3 at 60, op5 at 92. */
    reset();
    op2[0] = 0x1111111100000000ull;
    set_slot32(3, 0x33333333);
    set_slot32(5, 0x55555550);
    r = (struct regs){ 0x11111111, 0x22222222, 0, 0 };
    cc = plo(0x10, &r, op2, pl);
    rt_check_u64("csdst equal: cc 0", cc, 0);
    rt_check_u64("csdst: op2", op2[0], 0x2222222200000000ull);
    rt_check_u64("csdst: op4", op4[0], 0x3333333300000000ull);
    rt_check_u64("csdst: op6", op6[0], 0x5555555000000000ull);

    /* 17 CSDSTG */
    reset();
    set_slot64(0, 0);
    set_slot64(1, 1);
    set_slot64(3, 3);
    set_slot64(5, 5);
    cc = plo(0x11, &r, op2, pl);
    rt_check_u64("csdstg equal: cc 0", cc, 0);
    rt_check(op2[0] == 1 && op4[0] == 3 && op6[0] == 5, "csdstg: op2, op4, op6");
    cc = plo(0x11, &r, op2, pl);
    rt_check_u64("csdstg unequal: cc 1", cc, 1);
    rt_check_u64("csdstg unequal: list offset 8", slot64(0), 1);

    /* 18 CSDSTGR */
    reset();
    set_slot64(3, 3);
    set_slot64(5, 5);
    r = (struct regs){ 0, 0x77, 0, 0 };
    cc = plo(0x12, &r, op2, pl);
    rt_check_u64("csdstgr equal: cc 0", cc, 0);
    rt_check(op2[0] == 0x77 && op4[0] == 3 && op6[0] == 5, "csdstgr: op2, op4, op6");

    /* 19 CSDSTX */
    reset();
    set_slot128(0, 0, 0);
    set_slot128(1, 1, 2);
    set_slot128(3, 3, 4);
    set_slot128(5, 5, 6);
    cc = plo(0x13, &r, op2, pl);
    rt_check_u64("csdstx equal: cc 0", cc, 0);
    rt_check(op2[1] == 2 && op4[1] == 4 && op6[0] == 5 && op6[1] == 6, "csdstx: stores");

    /* 20 CSTST: 32-bit; op7 at 124, op8 address at 136. */
    reset();
    op2[0] = 0x1111111100000000ull;
    set_slot32(3, 0x33333333);
    set_slot32(5, 0x55555550);
    set_slot32(7, 0x77777777);
    r = (struct regs){ 0x11111111, 0x22222222, 0, 0 };
    cc = plo(0x14, &r, op2, pl);
    rt_check_u64("cstst equal: cc 0", cc, 0);
    rt_check_u64("cstst: op8", op8[0], 0x7777777700000000ull);
    rt_check_u64("cstst: op6", op6[0], 0x5555555000000000ull);
    rt_check_u64("cstst: list unchanged", slot32(7), 0x77777777);

    /* 21 CSTSTG */
    reset();
    set_slot64(0, 0);
    set_slot64(1, 1);
    set_slot64(3, 3);
    set_slot64(5, 5);
    set_slot64(7, 7);
    cc = plo(0x15, &r, op2, pl);
    rt_check_u64("cststg equal: cc 0", cc, 0);
    rt_check(op2[0] == 1 && op4[0] == 3 && op6[0] == 5 && op8[0] == 7, "cststg: stores");

    /* 22 CSTSTGR */
    reset();
    set_slot64(3, 3);
    set_slot64(5, 5);
    set_slot64(7, 7);
    r = (struct regs){ 0, 0x77, 0, 0 };
    cc = plo(0x16, &r, op2, pl);
    rt_check_u64("cststgr equal: cc 0", cc, 0);
    rt_check(op2[0] == 0x77 && op4[0] == 3 && op6[0] == 5 && op8[0] == 7, "cststgr: stores");

    /* 23 CSTSTX */
    reset();
    set_slot128(0, 0, 0);
    set_slot128(1, 1, 2);
    set_slot128(3, 3, 4);
    set_slot128(5, 5, 6);
    set_slot128(7, 7, 8);
    cc = plo(0x17, &r, op2, pl);
    rt_check_u64("cststx equal: cc 0", cc, 0);
    rt_check(op2[1] == 2 && op4[1] == 4 && op6[1] == 6 && op8[0] == 7 && op8[1] == 8,
             "cststx: stores");
}

static void test_test_bit(void)
{
    struct regs r = { 0, 0, 0, 0 };

    rt_check_u64("test bit, fc 0: cc 0", plo(0x100, &r, op2, op4), 0);
    rt_check_u64("test bit, fc 0x17: cc 0", plo(0x117, &r, op2, op4), 0);
    rt_check_u64("test bit, fc 0x18: cc 3", plo(0x118, &r, op2, op4), 3);
    rt_check_u64("test bit, fc 0xff: cc 3", plo(0x1ff, &r, op2, op4), 3);
    rt_check_u64("test bit, GR0 bits 0-31 ignored: cc 0",
                 plo(0xffffffff0000010bull, &r, op2, op4), 0);
    /* With the test bit nothing is accessed: operands at odd addresses. */
    rt_check_u64("test bit, no operand checks: cc 0",
                 plo(0x107, &r, (char *)op2 + 1, (char *)op4 + 1), 0);
}

/* PLO that should raise a specification exception; R1 = @r1 (2 or 3),
 * R3 = @r3 (4 or 5), operands at op2 + @off2 and @p4. */
static void expect_spec(const char *name, uint64_t gr0, int odd_r1, int odd_r3,
                        unsigned off2, void *p4)
{
    struct rt_pgm_info pi;
    void *p2 = (char *)op2 + off2;

    reset();
    rt_pgm_arm();
    if (odd_r1) {
        asm volatile("  larl  %%r1,1f\n"
                     "  stgrl %%r1,g_next\n"
                     "  stg   %%r1,%[slot]\n"
                     "  lgr   %%r0,%[gr0]\n"
                     "  lghi  %%r3,0\n"
                     "  .insn ss,0xee0000000000,0(%%r3,%[p2]),0(%[p4]),%%r4\n"
                     "1:\n"
                     : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                     : [gr0] "d"(gr0), [p2] "a"(p2), [p4] "a"(p4)
                     : "r0", "r1", "r3", "r4", "cc", "memory");
    } else if (odd_r3) {
        asm volatile("  larl  %%r1,1f\n"
                     "  stgrl %%r1,g_next\n"
                     "  stg   %%r1,%[slot]\n"
                     "  lgr   %%r0,%[gr0]\n"
                     "  lghi  %%r2,0\n"
                     "  lghi  %%r3,0\n"
                     "  .insn ss,0xee0000000000,0(%%r2,%[p2]),0(%[p4]),%%r5\n"
                     "1:\n"
                     : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                     : [gr0] "d"(gr0), [p2] "a"(p2), [p4] "a"(p4)
                     : "r0", "r1", "r2", "r3", "r5", "cc", "memory");
    } else {
        asm volatile("  larl  %%r1,1f\n"
                     "  stgrl %%r1,g_next\n"
                     "  stg   %%r1,%[slot]\n"
                     "  lgr   %%r0,%[gr0]\n"
                     "  lghi  %%r2,0\n"
                     "  lghi  %%r3,0\n"
                     "  lghi  %%r4,0\n"
                     "  lghi  %%r5,0\n"
                     "  plo   %%r2,0(%[p2]),%%r4,0(%[p4])\n"
                     "1:\n"
                     : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                     : [gr0] "d"(gr0), [p2] "a"(p2), [p4] "a"(p4)
                     : "r0", "r1", "r2", "r3", "r4", "r5", "cc", "memory");
    }
    rt_checkf(rt_pgm_disarm(&pi), "%s: interruption", name);
    rt_checkf(pi.code == PGM_SPECIFICATION, "%s: specification", name);
    rt_checkf(pi.ilc == 3, "%s: ilc 3", name);
    rt_checkf(pi.addr == g_next, "%s: old psw after instruction", name);
    rt_checkf((op2[0] | op2[1] | op4[0] | op4[1]) == 0, "%s: operands untouched", name);
}

int main(void)
{
    test_test_bit();
    test_compare_and_load();
    test_compare_and_swap();
    test_double_compare_and_swap();
    test_compare_and_swap_and_store();
    test_double_and_triple_store();

    expect_spec("fc 0x18", 0x18, 0, 0, 0, op4);
    expect_spec("reserved GR0 bit 54", 0x204, 0, 0, 0, op4);
    expect_spec("reserved GR0 bit 54 with test bit", 0x304, 0, 0, 0, op4);
    expect_spec("cs odd r1", 0x04, 1, 0, 0, op4);
    expect_spec("dcs odd r3", 0x08, 0, 1, 0, op4);
    expect_spec("cs op2 at word+2", 0x04, 0, 0, 2, op4);
    expect_spec("csgr op2 at dw+4", 0x06, 0, 0, 4, op4);
    expect_spec("csx op2 at qw+8", 0x07, 0, 0, 8, pl);
    expect_spec("csg list at dw+4", 0x05, 0, 0, 0, (char *)pl + 4);
    expect_spec("cl op4 at word+1", 0x00, 0, 0, 0, (char *)op4 + 1);
    return 0;
}
