/*
 * csst.c - COMPARE AND SWAP AND STORE (PoO chapter 7). GR0 bits 56-63: the
 * function code (FC 0: 32-bit, 1: 64-bit, 2: 128-bit compare and swap,
 * the last with facility 2); bits 48-55: the store characteristic (store
 * size 1 << SC, SC 4 with facility 2). GR1: the parameter list, the
 * replacement value at offset 0 and the store value left-aligned at 16.
 * Equal: operand 1 replaced, operand 2 stored, CC 0. Unequal: operand 1
 * into R3, nothing stored, CC 1. The FC 0 register checks, where QEMU
 * 7.2 differs, and the
 * byte store (SC 0), where QEMU 7.2 aborts, are in atomic_csst_dev.c.
 */
#include "rt/rt.h"

#pragma GCC target("soft-float")

static uint64_t op1[4] __attribute__((aligned(16)));
static uint64_t op2[4] __attribute__((aligned(16)));
static uint64_t pl[4] __attribute__((aligned(16)));

/* Address after the instruction expected to fail (stored with STGRL). */
uint64_t g_next;

static void reset(void)
{
    op1[0] = 0x0102030405060708ull;
    op1[1] = 0x1112131415161718ull;
    op1[2] = 0;
    op2[0] = op2[1] = op2[2] = 0;
    pl[0] = 0xa0a1a2a3a4a5a6a7ull;
    pl[1] = 0xb0b1b2b3b4b5b6b7ull;
    pl[2] = 0xc0c1c2c3c4c5c6c7ull;
    pl[3] = 0xd0d1d2d3d4d5d6d7ull;
}

/* CSST with GR0 = @gr0 on op1 + @off1 and op2 + @off2, R3 = r4 (r5 the pair
 * partner); returns the CC, the final r4 and r5 in *r4 and *r5. */
static unsigned csst(uint64_t gr0, unsigned off1, unsigned off2, uint64_t *r4, uint64_t *r5)
{
    uint64_t ipm, a = *r4, b = *r5;

    asm volatile("  lgr   %%r0,%[gr0]\n"
                 "  lgr   %%r1,%[pl]\n"
                 "  lgr   %%r4,%[a]\n"
                 "  lgr   %%r5,%[b]\n"
                 "  csst  0(%[p1]),0(%[p2]),%%r4\n"
                 "  ipm   %[ipm]\n"
                 "  lgr   %[a],%%r4\n"
                 "  lgr   %[b],%%r5\n"
                 : [ipm] "=&d"(ipm), [a] "+&d"(a), [b] "+&d"(b)
                 : [gr0] "d"(gr0), [pl] "d"(pl), [p1] "a"((char *)op1 + off1),
                   [p2] "a"((char *)op2 + off2)
                 : "r0", "r1", "r4", "r5", "cc", "memory");
    *r4 = a;
    *r5 = b;
    return rt_cc_from_ipm(ipm);
}

static void test_fc0(void)
{
    uint64_t r4, r5 = 0;
    unsigned cc;

    reset();
    r4 = 0xffffffff05060708ull;
    cc = csst(0x0200, 4, 4, &r4, &r5);      /* FC 0, SC 2 */
    rt_check_u64("fc0 equal: cc 0", cc, 0);
    rt_check_u64("fc0 equal: operand 1 replaced", op1[0], 0x01020304a0a1a2a3ull);
    rt_check_u64("fc0 equal: word stored at operand 2", op2[0], 0x00000000c0c1c2c3ull);

    reset();
    r4 = 0x0102030400000000ull;
    cc = csst(0x0200, 0, 0, &r4, &r5);
    rt_check_u64("fc0 unequal (high word ignored): cc 1", cc, 1);
    rt_check_u64("fc0 unequal: operand 1 unchanged", op1[0], 0x0102030405060708ull);
    rt_check_u64("fc0 unequal: nothing stored", op2[0], 0);
}

static void test_fc1(void)
{
    uint64_t r4, r5 = 0;
    unsigned cc;

    reset();
    r4 = 0x1112131415161718ull;
    cc = csst(0x0301, 8, 8, &r4, &r5);      /* FC 1, SC 3 */
    rt_check_u64("fc1 equal: cc 0", cc, 0);
    rt_check_u64("fc1 equal: operand 1 replaced", op1[1], 0xa0a1a2a3a4a5a6a7ull);
    rt_check_u64("fc1 equal: dw stored", op2[1], 0xc0c1c2c3c4c5c6c7ull);
    rt_check_u64("fc1 equal: neighbour untouched", op2[0], 0);

    reset();
    r4 = 0;
    cc = csst(0x0101, 0, 2, &r4, &r5);      /* FC 1, SC 1: halfword */
    rt_check_u64("fc1 unequal: cc 1", cc, 1);
    rt_check_u64("fc1 unequal: R3 loaded", r4, 0x0102030405060708ull);
    rt_check_u64("fc1 unequal: nothing stored", op2[0], 0);

    cc = csst(0x0101, 0, 2, &r4, &r5);
    rt_check_u64("fc1 sc1 equal: cc 0", cc, 0);
    rt_check_u64("fc1 sc1: halfword stored", op2[0], 0x0000c0c100000000ull);

    r4 = 0xa0a1a2a3a4a5a6a7ull;
    cc = csst(0x0201, 0, 12, &r4, &r5);     /* FC 1, SC 2: word */
    rt_check_u64("fc1 sc2 equal: cc 0", cc, 0);
    rt_check_u64("fc1 sc2: word stored", op2[1], 0x00000000c0c1c2c3ull);
}

static void test_fc2(void)
{
    uint64_t r4, r5;
    unsigned cc;

    reset();
    r4 = 0x0102030405060708ull;
    r5 = 0x1112131415161718ull;
    cc = csst(0x0402, 0, 16, &r4, &r5);     /* FC 2, SC 4 */
    rt_check_u64("fc2 equal: cc 0", cc, 0);
    rt_check_u64("fc2 equal: operand 1 left", op1[0], 0xa0a1a2a3a4a5a6a7ull);
    rt_check_u64("fc2 equal: operand 1 right", op1[1], 0xb0b1b2b3b4b5b6b7ull);
    rt_check_u64("fc2 equal: qw stored left", op2[2], 0xc0c1c2c3c4c5c6c7ull);
    rt_check_u64("fc2 equal: qw stored right", op2[3], 0xd0d1d2d3d4d5d6d7ull);

    r4 = 0xa0a1a2a3a4a5a6a7ull;
    r5 = 0;
    op2[2] = op2[3] = 0;
    cc = csst(0x0402, 0, 16, &r4, &r5);
    rt_check_u64("fc2 unequal: cc 1", cc, 1);
    rt_check_u64("fc2 unequal: R3 loaded", r4, 0xa0a1a2a3a4a5a6a7ull);
    rt_check_u64("fc2 unequal: R3+1 loaded", r5, 0xb0b1b2b3b4b5b6b7ull);
    rt_check_u64("fc2 unequal: nothing stored", op2[2] | op2[3], 0);
}

/* A CSST that should raise a specification exception: GR0 = @gr0,
 * operands at op1 + off1 and op2 + off2, R3 = @odd ? 5 : 4. */
static void expect_spec(const char *name, uint64_t gr0, unsigned off1, unsigned off2, int odd)
{
    struct rt_pgm_info pi;

    reset();
    rt_pgm_arm();
    if (odd) {
        asm volatile("  larl  %%r1,1f\n"
                     "  stgrl %%r1,g_next\n"
                     "  stg   %%r1,%[slot]\n"
                     "  lgr   %%r0,%[gr0]\n"
                     "  lgr   %%r1,%[pl]\n"
                     "  .insn ssf,0xc80200000000,0(%[p1]),0(%[p2]),%%r5\n"
                     "1:\n"
                     : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                     : [gr0] "d"(gr0), [pl] "d"(pl), [p1] "a"((char *)op1 + off1),
                       [p2] "a"((char *)op2 + off2)
                     : "r0", "r1", "r4", "r5", "cc", "memory");
    } else {
        asm volatile("  larl  %%r1,1f\n"
                     "  stgrl %%r1,g_next\n"
                     "  stg   %%r1,%[slot]\n"
                     "  lgr   %%r0,%[gr0]\n"
                     "  lgr   %%r1,%[pl]\n"
                     "  lmg   %%r4,%%r5,0(%[p1])\n"
                     "  csst  0(%[p1]),0(%[p2]),%%r4\n"
                     "1:\n"
                     : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                     : [gr0] "d"(gr0), [pl] "d"(pl), [p1] "a"((char *)op1 + off1),
                       [p2] "a"((char *)op2 + off2)
                     : "r0", "r1", "r4", "r5", "cc", "memory");
    }
    rt_checkf(rt_pgm_disarm(&pi), "%s: interruption", name);
    rt_checkf(pi.code == PGM_SPECIFICATION, "%s: specification", name);
    rt_checkf(pi.ilc == 3, "%s: ilc 3", name);
    rt_checkf(pi.addr == g_next, "%s: old psw after instruction", name);
    rt_checkf(op1[0] == 0x0102030405060708ull && op1[1] == 0x1112131415161718ull,
              "%s: operand 1 untouched", name);
    rt_checkf((op2[0] | op2[1] | op2[2] | op2[3]) == 0, "%s: operand 2 untouched", name);
}

int main(void)
{
    test_fc0();
    test_fc1();
    test_fc2();
    expect_spec("fc 3", 0x0003, 0, 0, 0);
    expect_spec("fc 255", 0x00ff, 0, 0, 0);
    expect_spec("sc 5", 0x0501, 0, 0, 0);
    expect_spec("fc 2 with odd r3", 0x0402, 0, 0, 1);
    expect_spec("fc 1 operand 1 at dw+4", 0x0001, 4, 0, 0);
    expect_spec("fc 2 operand 1 at qw+8", 0x0002, 8, 0, 0);
    expect_spec("sc 2 operand 2 at word+2", 0x0200, 0, 2, 0);
    expect_spec("sc 4 operand 2 at qw+8", 0x0401, 0, 8, 0);
    return 0;
}
