/* PSW-format errors (PoO ch. 4 "Program-Status Word", ch. 6 "Early
 * Exception Recognition", ch. 10 "LOAD PSW", "LOAD PSW EXTENDED"): a PSW
 * loaded by LPSWE or LPSW with a reserved mask bit one, bit 12 one (LPSWE),
 * the extended-addressing bit without the basic one, an odd instruction
 * address, or an address beyond the addressing mode is loaded, then a
 * specification exception is recognized before any instruction runs: the
 * old PSW is the invalid PSW and the ILC is 0. LPSW with bit 12 zero is a
 * suppressing specification exception of LPSW itself (ILC 2); an LPSWE
 * operand on a doubleword boundary beyond storage is an addressing
 * exception. Sieve only: QEMU 7.2 TCG loads invalid PSWs without an
 * exception and wants LPSWE's operand on a 16-byte boundary
 * (qemu-deviations.txt). */
#include "rt/rt.h"

#define BEYOND  0x7fff0000ull   /* above the 128 MiB of storage */

static uint64_t newpsw[2] __attribute__((aligned(16)));

struct early {
    uint16_t code;      /* 0xffff: no program interruption */
    uint16_t ilc;
    uint64_t mask, addr;    /* program old PSW */
    uint64_t target;        /* the instruction address put into the PSW */
    uint64_t lpsw_next;     /* address after LPSW */
};

/*
 * Load the PSW with @mask (LPSWE) or the ESA/390 PSW with the high word
 * @mask (LPSW when @is_short) and the address of a local label XORed with
 * @addr_xor. A program interruption or the loaded PSW itself lands at the
 * label, which returns to the 64-bit mode.
 */
static void load(bool is_short, uint64_t mask, uint64_t addr_xor, struct early *e)
{
    volatile uint64_t *pnew = (volatile uint64_t *)LC_PGM_NEW_PSW;
    uint64_t saved[2] = { pnew[0], pnew[1] }, lab, next;

    pnew[0] = PSW_MASK_64;
    *(volatile uint16_t *)LC_PGM_CODE = 0xffff;
    *(volatile uint16_t *)LC_PGM_ILC = 0xffff;
    asm volatile("  larl  %[lab],1f\n"
                 "  stg   %[lab],0x1d8\n"
                 "  xgr   %[lab],%[x]\n"
                 "  larl  %[next],3f\n"
                 "  ltgr  %[s],%[s]\n"
                 "  jz    2f\n"
                 "  sllg  %[m],%[m],32\n"
                 "  ogr   %[m],%[lab]\n"
                 "  stg   %[m],0(%[p])\n"
                 "  lpsw  0(%[p])\n"
                 "3: j    1f\n"
                 "2: stg  %[m],0(%[p])\n"
                 "  stg   %[lab],8(%[p])\n"
                 "  lpswe 0(%[p])\n"
                 "1: sam64\n"
                 : [lab] "=&a"(lab), [next] "=&a"(next), [m] "+d"(mask)
                 : [x] "d"(addr_xor), [s] "d"((uint64_t)is_short), [p] "a"(newpsw)
                 : "memory", "cc");
    pnew[0] = saved[0];
    pnew[1] = saved[1];
    e->code = rt_lc16(LC_PGM_CODE);
    e->ilc = (rt_lc16(LC_PGM_ILC) >> 1) & 3;
    e->mask = rt_lc64(LC_PGM_OLD_PSW);
    e->addr = rt_lc64(LC_PGM_OLD_PSW + 8);
    e->target = lab;
    e->lpsw_next = next;
}

/* An LPSWE of @mask and the address XOR @x loads, then a specification
 * exception with ILC 0 and the invalid PSW as the old PSW. */
static void check_early(const char *what, uint64_t mask, uint64_t x)
{
    struct early e;

    load(false, mask, x, &e);
    rt_checkf(e.code == PGM_SPECIFICATION && e.ilc == 0, "%s: specification, ilc 0", what);
    rt_checkf(e.mask == mask && e.addr == e.target, "%s: old PSW is the invalid PSW", what);
}

/* A valid PSW loads without an interruption. */
static void check_valid(const char *what, bool is_short, uint64_t mask, uint64_t x)
{
    struct early e;

    load(is_short, mask, x, &e);
    rt_checkf(e.code == 0xffff, "%s: loaded, no interruption", what);
}

static void lpswe_beyond(void *arg)
{
    (void)arg;
    asm volatile("lpswe 0(%0)" : : "a"(BEYOND + 8) : "memory");
}

int main(void)
{
    struct rt_pgm_info pi;
    struct early e;

    check_valid("LPSWE 64-bit", false, PSW_MASK_64, 0);
    check_valid("LPSWE 31-bit", false, PSW_MASK_BA, 0);
    check_valid("LPSWE 24-bit", false, 0, 0);
    check_valid("LPSW 31-bit", true, 0x00080000, 0x80000000);
    check_valid("LPSW 24-bit", true, 0x00080000, 0);
    check_early("LPSWE bit 0 one", PSW_MASK_64 | 1ull << 63, 0);
    check_early("LPSWE bit 12 one", PSW_MASK_64 | 1ull << 51, 0);
    check_early("LPSWE bit 24 one", PSW_MASK_64 | 1ull << 39, 0);
    check_early("LPSWE bit 33 one", PSW_MASK_64 | 1ull << 30, 0);
    check_early("LPSWE bit 63 one", PSW_MASK_64 | 1ull, 0);
    check_early("LPSWE EA without BA", PSW_MASK_EA, 0);
    check_early("LPSWE odd instruction address", PSW_MASK_64, 1);
    check_early("LPSWE 31-bit mode, address bit 32 one", PSW_MASK_BA, 1ull << 31);
    check_early("LPSWE 24-bit mode, address bit 39 one", 0, 1ull << 24);

    load(true, 0x00080000, 0x80000001, &e);
    rt_check(e.code == PGM_SPECIFICATION && e.ilc == 0, "LPSW odd address: specification, ilc 0");
    rt_check(e.mask == PSW_MASK_BA && e.addr == (e.target & 0x7fffffff),
             "LPSW odd address: old PSW in the 16-byte form, bit 12 gone");
    load(true, 0x00000000, 0x80000000, &e);
    rt_check(e.code == PGM_SPECIFICATION && e.ilc == 2,
             "LPSW bit 12 zero: specification of LPSW, ilc 2");
    rt_check((e.mask & ~PSW_MASK_CC) == PSW_MASK_64 && e.addr == e.lpsw_next,
             "LPSW bit 12 zero: suppressed, old PSW is the current PSW past LPSW");

    rt_pgm_try(lpswe_beyond, NULL, &pi);
    rt_check_u64("LPSWE operand on a doubleword boundary beyond storage: addressing", pi.code,
                 PGM_ADDRESSING);
    return 0;
}
