/*
 * atomic_cs.c - COMPARE AND SWAP (CS, CSY, CSG) and COMPARE DOUBLE AND SWAP
 * (CDS, CDSY, CDSG): equal and unequal outcomes, condition codes, register
 * update on mismatch, untouched high halves, and the specification
 * exceptions for misaligned operands and odd register numbers (PoO
 * chapter 7, "COMPARE AND SWAP", "COMPARE DOUBLE AND SWAP").
 */
#include "rt/rt.h"

static uint64_t mem[4] __attribute__((aligned(16)));
/* Address after the instruction expected to fail; stored by the asm with
 * STGRL so the bodies need no base register (and no FPR spill). */
uint64_t g_next;

static void test_cs(void)
{
    uint32_t *w = (uint32_t *)mem;
    uint64_t r1, ipm;

    w[0] = 0x11112222;
    w[1] = 0xdeadbeef;
    r1 = 0xaaaaaaaa11112222ull;
    asm volatile("cs %0,%2,0(%3)\n\tipm %1"
                 : "+d"(r1), "=d"(ipm) : "d"(0xbbbbbbbb33334444ull), "a"(w)
                 : "cc", "memory");
    rt_check_u64("cs equal: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("cs equal: R3 bits 32-63 stored", w[0], 0x33334444);
    rt_check_u64("cs equal: next word untouched", w[1], 0xdeadbeef);
    rt_check_u64("cs equal: R1 unchanged", r1, 0xaaaaaaaa11112222ull);

    r1 = 0xaaaaaaaa11112222ull;
    asm volatile("cs %0,%2,0(%3)\n\tipm %1"
                 : "+d"(r1), "=d"(ipm) : "d"(0x55555555ull), "a"(w)
                 : "cc", "memory");
    rt_check_u64("cs unequal: cc 1", rt_cc_from_ipm(ipm), 1);
    rt_check_u64("cs unequal: storage unchanged", w[0], 0x33334444);
    rt_check_u64("cs unequal: R1 low word loaded, high kept", r1, 0xaaaaaaaa33334444ull);

    /* CSY with a negative long displacement. */
    w[1] = 0x80000000;
    r1 = 0x80000000;
    asm volatile("csy %0,%2,-4(%3)\n\tipm %1"
                 : "+d"(r1), "=d"(ipm) : "d"(0x7fffffffull), "a"(w + 2)
                 : "cc", "memory");
    rt_check_u64("csy equal: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("csy equal: stored", w[1], 0x7fffffff);

    /* Same register as R1 and R3: on equal the value is stored back. */
    w[0] = 7;
    r1 = 0x0123456700000007ull;
    asm volatile("cs %0,%0,0(%2)\n\tipm %1"
                 : "+d"(r1), "=d"(ipm) : "a"(w) : "cc", "memory");
    rt_check_u64("cs r1==r3 equal: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("cs r1==r3: storage", w[0], 7);
}

static void test_csg(void)
{
    uint64_t r1, ipm;

    mem[0] = 0x0102030405060708ull;
    mem[1] = 0x1111111111111111ull;
    r1 = 0x0102030405060708ull;
    asm volatile("csg %0,%2,8(%3)\n\tipm %1"
                 : "+d"(r1), "=d"(ipm) : "d"(0xf0e0d0c0b0a09080ull), "a"(mem)
                 : "cc", "memory");
    rt_check_u64("csg unequal (other dw): cc 1", rt_cc_from_ipm(ipm), 1);
    rt_check_u64("csg unequal: R1 loaded", r1, 0x1111111111111111ull);
    rt_check_u64("csg unequal: storage unchanged", mem[1], 0x1111111111111111ull);

    r1 = 0x0102030405060708ull;
    asm volatile("csg %0,%2,0(%3)\n\tipm %1"
                 : "+d"(r1), "=d"(ipm) : "d"(0xf0e0d0c0b0a09080ull), "a"(mem)
                 : "cc", "memory");
    rt_check_u64("csg equal: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("csg equal: stored", mem[0], 0xf0e0d0c0b0a09080ull);
    rt_check_u64("csg equal: R1 unchanged", r1, 0x0102030405060708ull);
}

static void test_cds(void)
{
    uint32_t *w = (uint32_t *)mem;
    uint64_t ipm, r2, r3;

    w[0] = 0xaaaa0001;
    w[1] = 0xbbbb0002;
    asm volatile("  llihf %%r2,0xffffffff\n"
                 "  iilf  %%r2,0xaaaa0001\n"
                 "  llihf %%r3,0xeeeeeeee\n"
                 "  iilf  %%r3,0xbbbb0002\n"
                 "  lghi  %%r4,-1\n"
                 "  iilf  %%r4,0x01234567\n"
                 "  lghi  %%r5,-1\n"
                 "  iilf  %%r5,0x89abcdef\n"
                 "  cds   %%r2,%%r4,0(%3)\n"
                 "  ipm   %0\n"
                 "  lgr   %1,%%r2\n"
                 "  lgr   %2,%%r3\n"
                 : "=&d"(ipm), "=&d"(r2), "=&d"(r3) : "a"(w)
                 : "r2", "r3", "r4", "r5", "cc", "memory");
    rt_check_u64("cds equal: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("cds equal: word 0 from R3", w[0], 0x01234567);
    rt_check_u64("cds equal: word 1 from R3+1", w[1], 0x89abcdef);
    rt_check_u64("cds equal: R1 unchanged", r2, 0xffffffffaaaa0001ull);

    asm volatile("  llihf %%r2,0xffffffff\n"
                 "  iilf  %%r2,0x01234567\n"
                 "  llihf %%r3,0xeeeeeeee\n"
                 "  iilf  %%r3,0x00000000\n"
                 "  lghi  %%r4,0\n"
                 "  lghi  %%r5,0\n"
                 "  cdsy  %%r2,%%r4,0(%3)\n"
                 "  ipm   %0\n"
                 "  lgr   %1,%%r2\n"
                 "  lgr   %2,%%r3\n"
                 : "=&d"(ipm), "=&d"(r2), "=&d"(r3) : "a"(w)
                 : "r2", "r3", "r4", "r5", "cc", "memory");
    rt_check_u64("cdsy unequal in low word: cc 1", rt_cc_from_ipm(ipm), 1);
    rt_check_u64("cdsy unequal: R1 low word loaded", r2, 0xffffffff01234567ull);
    rt_check_u64("cdsy unequal: R1+1 low word loaded", r3, 0xeeeeeeee89abcdefull);
    rt_check_u64("cdsy unequal: storage unchanged", mem[0], 0x0123456789abcdefull);
}

static void test_cdsg(void)
{
    uint64_t ipm, r2, r3;

    mem[0] = 1;
    mem[1] = 2;
    mem[2] = 0x5555;
    asm volatile("  lghi  %%r2,1\n"
                 "  lghi  %%r3,2\n"
                 "  llihf %%r4,0x44444444\n"
                 "  llihf %%r5,0x55555555\n"
                 "  cdsg  %%r2,%%r4,0(%3)\n"
                 "  ipm   %0\n"
                 "  lgr   %1,%%r2\n"
                 "  lgr   %2,%%r3\n"
                 : "=&d"(ipm), "=&d"(r2), "=&d"(r3) : "a"(mem)
                 : "r2", "r3", "r4", "r5", "cc", "memory");
    rt_check_u64("cdsg equal: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("cdsg equal: dw 0", mem[0], 0x4444444400000000ull);
    rt_check_u64("cdsg equal: dw 1", mem[1], 0x5555555500000000ull);
    rt_check_u64("cdsg equal: next dw untouched", mem[2], 0x5555);

    asm volatile("  llihf %%r2,0x44444444\n"
                 "  lghi  %%r3,7\n"
                 "  lghi  %%r4,0\n"
                 "  lghi  %%r5,0\n"
                 "  cdsg  %%r2,%%r4,0(%3)\n"
                 "  ipm   %0\n"
                 "  lgr   %1,%%r2\n"
                 "  lgr   %2,%%r3\n"
                 : "=&d"(ipm), "=&d"(r2), "=&d"(r3) : "a"(mem)
                 : "r2", "r3", "r4", "r5", "cc", "memory");
    rt_check_u64("cdsg unequal in right half: cc 1", rt_cc_from_ipm(ipm), 1);
    rt_check_u64("cdsg unequal: R1 loaded", r2, 0x4444444400000000ull);
    rt_check_u64("cdsg unequal: R1+1 loaded", r3, 0x5555555500000000ull);
    rt_check_u64("cdsg unequal: storage unchanged", mem[1], 0x5555555500000000ull);
}

/* Exception bodies, called armed: each records the address after the
 * instruction in g_next and as the resume address. */
static void cs_misaligned(void *arg)
{
    asm volatile("  larl  %%r1,1f\n"
                 "  stgrl %%r1,g_next\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lghi  %%r2,0\n"
                 "  cs    %%r2,%%r2,2(%[p])\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [p] "a"(arg) : "r1", "r2", "cc", "memory");
}

static void csg_misaligned(void *arg)
{
    asm volatile("  larl  %%r1,1f\n"
                 "  stgrl %%r1,g_next\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lghi  %%r2,0\n"
                 "  csg   %%r2,%%r2,4(%[p])\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [p] "a"(arg) : "r1", "r2", "cc", "memory");
}

static void cds_odd_r1(void *arg)
{
    asm volatile("  larl  %%r1,1f\n"
                 "  stgrl %%r1,g_next\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lghi  %%r3,0\n"
                 "  .insn rs,0xbb000000,%%r3,%%r4,0(%[p])\n"    /* cds r3,r4 */
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [p] "a"(arg) : "r1", "r3", "r4", "cc", "memory");
}

static void cds_odd_r3(void *arg)
{
    asm volatile("  larl  %%r1,1f\n"
                 "  stgrl %%r1,g_next\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lghi  %%r2,0\n"
                 "  lghi  %%r3,0\n"
                 "  .insn rs,0xbb000000,%%r2,%%r5,0(%[p])\n"    /* cds r2,r5 */
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [p] "a"(arg) : "r1", "r2", "r3", "r5", "cc", "memory");
}

static void cds_misaligned(void *arg)
{
    asm volatile("  larl  %%r1,1f\n"
                 "  stgrl %%r1,g_next\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lghi  %%r2,0\n"
                 "  lghi  %%r3,0\n"
                 "  cds   %%r2,%%r2,4(%[p])\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [p] "a"(arg) : "r1", "r2", "r3", "cc", "memory");
}

static void cdsg_misaligned(void *arg)
{
    asm volatile("  larl  %%r1,1f\n"
                 "  stgrl %%r1,g_next\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lghi  %%r2,0\n"
                 "  lghi  %%r3,0\n"
                 "  cdsg  %%r2,%%r2,8(%[p])\n"
                 "1:\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [p] "a"(arg) : "r1", "r2", "r3", "cc", "memory");
}

static void expect_spec(const char *name, void (*fn)(void *), unsigned ilc)
{
    struct rt_pgm_info pi;

    mem[0] = mem[1] = mem[2] = 0;
    rt_pgm_arm();
    fn(mem);
    rt_checkf(rt_pgm_disarm(&pi), "%s: interruption", name);
    rt_checkf(pi.code == PGM_SPECIFICATION, "%s: specification", name);
    rt_checkf(pi.ilc == ilc, "%s: ilc %u", name, ilc);
    rt_checkf(pi.addr == g_next, "%s: old psw after instruction", name);
    rt_checkf(mem[0] == 0 && mem[1] == 0 && mem[2] == 0, "%s: storage untouched", name);
}

int main(void)
{
    test_cs();
    test_csg();
    test_cds();
    test_cdsg();
    expect_spec("cs at word+2", cs_misaligned, 2);
    expect_spec("csg at dw+4", csg_misaligned, 3);
    expect_spec("cds odd r1", cds_odd_r1, 2);
    expect_spec("cds odd r3", cds_odd_r3, 2);
    expect_spec("cds at dw+4", cds_misaligned, 2);
    expect_spec("cdsg at qw+8", cdsg_misaligned, 3);
    return 0;
}
