/*
 * branch.c - branch on condition, branch and link/save in the 24-, 31- and
 * 64-bit modes, branch on count, branch on index, SAM and TAM (with the
 * specification exception of SAM24 above 16M), and the breaking-event
 * address.
 */
#include "rt/rt.h"

/* BC / BCR: taken iff the mask selects the CC; BCR with R2 = 0 never
 * branches. LA (no CC change) records each fall-through. */
static void test_branch_on_condition(void)
{
    uint64_t taken;

    asm volatile("  lghi  %0,0\n"
                 "  spm   %1\n"                  /* cc 2 */
                 "  larl  %%r1,1f\n"
                 "  bc    2,0(%%r1)\n"           /* taken */
                 "  la    %0,1(%0)\n"
                 "1: larl %%r1,2f\n"
                 "  bc    13,0(%%r1)\n"          /* not taken */
                 "  la    %0,2(%0)\n"
                 "2: larl %%r1,3f\n"
                 "  bcr   2,%%r1\n"              /* taken */
                 "  la    %0,4(%0)\n"
                 "3: larl %%r1,4f\n"
                 "  bcr   5,%%r1\n"              /* not taken */
                 "  la    %0,8(%0)\n"
                 "4: bcr  15,0\n"                /* serialization: falls through */
                 "  la    %0,16(%0)\n"
                 "  bcr   14,0\n"
                 "  la    %0,32(%0)\n"
                 "  lghi  %%r2,8\n"
                 "  larl  %%r1,5f-8\n"
                 "  bc    15,0(%%r2,%%r1)\n"     /* index + base */
                 "  la    %0,64(%0)\n"
                 "5: brc  0,6f\n"                /* mask 0: never */
                 "  la    %0,128(%0)\n"
                 "6: brcl 2,7f\n"
                 "  la    %0,256(%0)\n"
                 "7:\n"
                 : "=&a"(taken) : "d"(2ull << 28) : "r1", "r2", "cc");
    rt_check_u64("bc/bcr/brc/brcl fall-through pattern", taken, 2 | 8 | 16 | 32 | 128);
}

/* BAL, BALR, BAS, BASR, BRAS, BRASL in the 64-bit mode: the link is the
 * address of the next instruction. */
static void test_link_64(void)
{
    uint64_t l1, l2, l3, l4, n1, n2, n3, n4;

    asm volatile("  larl  %%r1,1f\n"
                 "  bal   %[l1],0(%%r1)\n"
                 "0: .short 0\n"
                 "1: larl %[n1],0b\n"
                 "  larl  %%r1,3f\n"
                 "  basr  %[l2],%%r1\n"
                 "2: .short 0\n"
                 "3: larl %[n2],2b\n"
                 "  bras  %[l3],5f\n"
                 "4: .short 0\n"
                 "5: larl %[n3],4b\n"
                 "  brasl %[l4],7f\n"
                 "6: .short 0\n"
                 "7: larl %[n4],6b\n"
                 : [l1] "=&d"(l1), [l2] "=&d"(l2), [l3] "=&d"(l3), [l4] "=&d"(l4),
                   [n1] "=&d"(n1), [n2] "=&d"(n2), [n3] "=&d"(n3), [n4] "=&d"(n4)
                 : : "r1");
    rt_check_u64("bal 64-bit link", l1, n1);
    rt_check_u64("basr 64-bit link", l2, n2);
    rt_check_u64("bras link", l3, n3);
    rt_check_u64("brasl link", l4, n4);

    /* BASR and BALR with R2 = 0: link, no branch. */
    asm volatile("  basr  %[l1],0\n"
                 "0: larl %[n1],0b\n"
                 "  lghi  %[l2],-1\n"
                 "  balr  %[l2],0\n"
                 "1: larl %[n2],1b\n"
                 : [l1] "=&d"(l1), [l2] "=&d"(l2), [n1] "=&d"(n1), [n2] "=&d"(n2));
    rt_check_u64("basr r2=0 links, no branch", l1, n1);
    rt_check_u64("balr r2=0 links, no branch", l2, n2);
}

/* BAL/BALR in the 24-bit mode: ILC, CC and program mask in bits 32-39;
 * BAS/BASR in the 24- and 31-bit modes. High halves unchanged. */
static void test_link_24_31(void)
{
    uint64_t bal, balr, bas24, basr31, n0, n1, n2, n3;

    asm volatile("  lgfi  %[bal],-1\n"
                 "  lgfi  %[balr],0\n"
                 "  lgfi  %[bas24],-1\n"
                 "  lgfi  %[basr31],0x12345678\n"
                 "  iihf  %[basr31],0xabcdef01\n"
                 "  larl  %[n0],0f\n"
                 "  larl  %[n1],1f\n"
                 "  larl  %[n2],2f\n"
                 "  larl  %[n3],3f\n"
                 "  larl  %%r1,4f\n"
                 "  larl  %%r2,0f\n"
                 "  larl  %%r3,1f\n"
                 "  sam24\n"
                 "  spm   %[pm]\n"               /* cc 1, program mask 0xa */
                 "  bal   %[bal],0(%%r2)\n"
                 "0: balr %[balr],%%r1\n"
                 "4: bas  %[bas24],0(%%r3)\n"
                 "1: sam31\n"
                 "  larl  %%r1,3f\n"
                 "  basr  %[basr31],%%r1\n"
                 "2: .short 0\n"
                 "3: sam64\n"
                 "  spm   %[zero]\n"
                 : [bal] "=&d"(bal), [balr] "=&d"(balr), [bas24] "=&d"(bas24),
                   [basr31] "=&d"(basr31), [n0] "=&d"(n0), [n1] "=&d"(n1), [n2] "=&d"(n2),
                   [n3] "=&d"(n3)
                 : [pm] "d"(0x1aull << 24), [zero] "d"(0ull) : "r1", "r2", "r3", "cc");
    rt_check_u64("bal 24-bit: ilc 2, cc 1, pm a, address", bal,
                 0xffffffff00000000ull | 0x9a000000 | (n0 & 0xffffff));
    rt_check_u64("balr 24-bit: ilc 1", balr, 0x5a000000 | ((n1 - 4) & 0xffffff));
    rt_check_u64("bas 24-bit: bits 32-39 zero", bas24,
                 0xffffffff00000000ull | (n1 & 0xffffff));
    rt_check_u64("basr 31-bit: bit 32 one", basr31, 0xabcdef0180000000ull | n2);
    (void)n3;
}

/* BCT family: counts and the 32/64-bit split. */
static void test_count(void)
{
    uint64_t cnt, r2, r3, r4;

    asm volatile("  lghi  %[cnt],0\n"
                 "  lghi  %[r2],3\n"
                 "  larl  %%r1,0f\n"
                 "0: la   %[cnt],1(%[cnt])\n"
                 "  bct   %[r2],0(%%r1)\n"
                 "  llihf %[r3],1\n"
                 "  oill  %[r3],1\n"             /* 0x1_00000001 */
                 "  larl  %%r1,1f\n"
                 "  bct   %[r3],0(%%r1)\n"       /* low word 1 -> 0: no branch */
                 "  la    %[cnt],16(%[cnt])\n"
                 "1: lghi %[r4],5\n"
                 "  bctr  %[r4],0\n"             /* decrement only */
                 : [cnt] "=&a"(cnt), [r2] "=&d"(r2), [r3] "=&d"(r3), [r4] "=&d"(r4)
                 : : "r1");
    rt_check_u64("bct loop runs 3 times", cnt, 3 + 16);
    rt_check_u64("bct loop counter 0", (uint32_t)r2, 0);
    rt_check_u64("bct 32-bit: high word kept", r3, 0x100000000ull);
    rt_check_u64("bctr r2=0 decrements", r4, 4);

    asm volatile("  lghi  %[cnt],0\n"
                 "  llihf %[r2],1\n"             /* 0x1_00000000 */
                 "  larl  %%r1,1f\n"
                 "  bctg  %[r2],0(%%r1)\n"       /* -> 0xffffffff: branch */
                 "  la    %[cnt],1(%[cnt])\n"
                 "1: lghi %[r3],2\n"
                 "  larl  %%r1,2f\n"
                 "2: la   %[cnt],2(%[cnt])\n"
                 "  bctgr %[r3],%%r1\n"
                 "  lghi  %[r4],4\n"
                 "3: la   %[cnt],16(%[cnt])\n"
                 "  brct  %[r4],3b\n"
                 "  lghi  %%r1,2\n"
                 "4: la   %[cnt],256(%[cnt])\n"
                 "  brctg %%r1,4b\n"
                 : [cnt] "=&a"(cnt), [r2] "=&d"(r2), [r3] "=&d"(r3), [r4] "=&d"(r4)
                 : : "r1");
    rt_check_u64("bctg 64-bit: no stop at low word 0", r2, 0xffffffffull);
    rt_check_u64("bctg/bctgr/brct/brctg iterations", cnt, 2 * 2 + 16 * 4 + 256 * 2);

    asm volatile("  lghi  %[cnt],0\n"
                 "  iihf  %[r2],3\n"
                 "  iilf  %[r2],0x77\n"
                 "0: la   %[cnt],1(%[cnt])\n"
                 "  brcth %[r2],0b\n"
                 : [cnt] "=&a"(cnt), [r2] "=&d"(r2));
    rt_check_u64("brcth counts in the high word", cnt, 3);
    rt_check_u64("brcth leaves the low word", r2, 0x77);
}

/* BXH / BXLE and relatives: increment R3, compare value R3|1. */
static void test_index(void)
{
    uint64_t cnt, idx, idx2;

    asm volatile("  lghi  %[cnt],0\n"
                 "  lghi  %[idx],0\n"
                 "  lghi  %%r4,1\n"
                 "  lghi  %%r5,4\n"
                 "  larl  %%r1,0f\n"
                 "0: la   %[cnt],1(%[cnt])\n"
                 "  bxle  %[idx],%%r4,0(%%r1)\n"
                 : [cnt] "=&a"(cnt), [idx] "=&d"(idx) : : "r1", "r4", "r5");
    rt_check_u64("bxle iterations", cnt, 5);
    rt_check_u64("bxle final index", (uint32_t)idx, 5);

    asm volatile("  lghi  %[cnt],0\n"
                 "  lghi  %[idx],10\n"
                 "  lghi  %%r4,-3\n"
                 "  lghi  %%r5,0\n"
                 "  larl  %%r1,0f\n"
                 "0: la   %[cnt],1(%[cnt])\n"
                 "  bxh   %[idx],%%r4,0(%%r1)\n"
                 : [cnt] "=&a"(cnt), [idx] "=&d"(idx) : : "r1", "r4", "r5");
    rt_check_u64("bxh iterations", cnt, 4);
    rt_check_u64("bxh final index", (uint32_t)idx, (uint32_t)-2);

    /* Odd R3: the same register is increment and compare value. */
    asm volatile("  lghi  %[cnt],0\n"
                 "  lghi  %[idx],0\n"
                 "  lghi  %%r5,2\n"
                 "0: la   %[cnt],1(%[cnt])\n"
                 "  brxle %[idx],%%r5,0b\n"
                 : [cnt] "=&a"(cnt), [idx] "=&d"(idx) : : "r5");
    rt_check_u64("brxle odd r3 iterations", cnt, 2);

    /* 32-bit compare is signed on the low word only. */
    asm volatile("  lghi  %[cnt],0\n"
                 "  lgfi  %[idx],0x7ffffffe\n"
                 "  lghi  %%r4,1\n"
                 "  lghi  %%r5,0\n"
                 "0: la   %[cnt],1(%[cnt])\n"
                 "  brxh  %[idx],%%r4,0b\n"       /* 7fffffff > 0, then 80000000 < 0 */
                 : [cnt] "=&a"(cnt), [idx] "=&d"(idx) : : "r4", "r5");
    rt_check_u64("brxh wraps to negative", cnt, 2);
    rt_check_u64("brxh high word untouched", idx, 0x80000000ull);

    asm volatile("  lghi  %[cnt],0\n"
                 "  llihf %[idx],1\n"             /* 0x1_00000000 */
                 "  lghi  %%r2,-1\n"
                 "  llilf %%r3,0xfffffffe\n"
                 "0: la   %[cnt],1(%[cnt])\n"
                 "  brxhg %[idx],%%r2,0b\n"       /* 64-bit: ffffffff > fffffffe */
                 "  lghi  %[idx2],0\n"
                 "  lghi  %%r4,8\n"
                 "  lghi  %%r5,24\n"
                 "  larl  %%r1,1f\n"
                 "1: la   %[cnt],16(%[cnt])\n"
                 "  bxleg %[idx2],%%r4,0(%%r1)\n"  /* 8 16 24 taken, 32 not */
                 "  lghi  %%r5,40\n"
                 "2: la   %[cnt],256(%[cnt])\n"
                 "  brxlg %[idx2],%%r4,2b\n"      /* 40 taken, 48 not */
                 "  lghi  %%r4,-16\n"
                 "  lghi  %%r5,0\n"
                 "  larl  %%r1,3f\n"
                 "3: la   %[cnt],2048(%[cnt])\n"
                 "  bxhg  %[idx2],%%r4,0(%%r1)\n"  /* 32 16 taken, 0 not */
                 : [cnt] "=&a"(cnt), [idx] "=&d"(idx), [idx2] "=&d"(idx2)
                 : : "r1", "r2", "r3", "r4", "r5");
    rt_check_u64("brxhg compares 64 bits", idx, 0xfffffffeull);
    rt_check_u64("brxhg/bxleg/brxlg/bxhg iterations", cnt, 2 + 16 * 4 + 256 * 2 + 2048 * 3);
    rt_check_u64("bxhg final index", idx2, 0);
}

/* TAM and SAM: mode switches and the CC; BSM and BASSM mode bits. */
static void test_modes(void)
{
    uint64_t ipm24, ipm31, ipm64;

    asm volatile("  sam24\n  tam\n  ipm %0\n"
                 "  sam31\n  tam\n  ipm %1\n"
                 "  sam64\n  tam\n  ipm %2\n"
                 : "=&d"(ipm24), "=&d"(ipm31), "=&d"(ipm64) : : "cc");
    rt_check_u64("tam 24-bit: cc 0", rt_cc_from_ipm(ipm24), 0);
    rt_check_u64("tam 31-bit: cc 1", rt_cc_from_ipm(ipm31), 1);
    rt_check_u64("tam 64-bit: cc 3", rt_cc_from_ipm(ipm64), 3);
}

/* SAM24 at an address above 16M: specification exception, mode unchanged,
 * old PSW after the SAM24. */
static void test_sam24_specification(void)
{
    volatile uint16_t *code = (volatile uint16_t *)0x1000000;
    struct rt_pgm_info pi;
    uint64_t ipm;

    code[0] = 0x010c;                          /* sam24 */
    code[1] = 0x07fe;                          /* br %r14 */
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  llilh %%r1,0x100\n"
                 "  basr  %%r14,%%r1\n"
                 "1: tam\n"
                 "  ipm   %[ipm]\n"
                 : [ipm] "=d"(ipm), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "r14", "cc", "memory");
    rt_check(rt_pgm_disarm(&pi), "sam24 above 16M: interruption");
    rt_check_u64("sam24 above 16M: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("sam24 above 16M: ilc 1", pi.ilc, 1);
    rt_check_u64("sam24 above 16M: old psw after sam24", pi.addr, 0x1000002);
    rt_check_u64("sam24 above 16M: still 64-bit", rt_cc_from_ipm(ipm), 3);
}

/* Breaking-event address: a taken branch records its own address; the
 * program interruption stores it at 0x110. */
static void test_bea(void)
{
    struct rt_pgm_info pi;
    uint64_t br;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[br],0f\n"
                 "0: j    2f\n"
                 "  .short 0x0700\n"
                 "2: .short 0x0000\n"
                 "1:\n"
                 : [br] "=&d"(br), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "memory");
    rt_check(rt_pgm_disarm(&pi), "bea: interruption");
    rt_check_u64("bea: address of the taken branch", rt_lc64(0x110), br);
}

int main(void)
{
    test_branch_on_condition();
    test_link_64();
    test_link_24_31();
    test_count();
    test_index();
    test_modes();
    test_sam24_specification();
    test_bea();
    return 0;
}
