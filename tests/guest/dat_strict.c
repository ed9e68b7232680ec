/* LOAD REAL ADDRESS details where QEMU 7.2 departs from the PoO (ch. 10,
 * "LOAD REAL ADDRESS"): translation with DAT off, CC 1 / CC 2 with the
 * address of an invalid segment- / page-table entry, and bits 0-31 of R1
 * left unchanged with CC 3 and by LRA/LRAY in the 24- and 31-bit modes
 * (which translate the truncated operand address); CSPG's CC 0 on a successful swap (ch. 10
 * "COMPARE AND SWAP AND PURGE"). Runs on sieve only (qemu-deviations.txt). */
#include "rt/rt.h"

#define STE_I   0x20ull
#define PTE_I   0x400ull
#define VBASE   0x40000000ull   /* segment 1024 */

static uint64_t stab[2048] __attribute__((aligned(4096)));
static uint64_t ptab[17][256] __attribute__((aligned(4096)));
static uint8_t page_a[4096] __attribute__((aligned(4096)));

/* Identity-map the first 16 MiB; segment 1024: page 0 -> page_a, the rest
 * invalid; other segments invalid. */
static void build_tables(void)
{
    for (unsigned i = 0; i < 2048; i++)
        stab[i] = STE_I;
    for (unsigned s = 0; s < 16; s++) {
        stab[s] = (uint64_t)(uintptr_t)ptab[s];
        for (unsigned p = 0; p < 256; p++)
            ptab[s][p] = ((uint64_t)s << 20) | ((uint64_t)p << 12);
    }
    for (unsigned p = 0; p < 256; p++)
        ptab[16][p] = PTE_I;
    ptab[16][0] = (uintptr_t)page_a;
    stab[1024] = (uintptr_t)ptab[16];
    rt_lctlg(1, (uintptr_t)stab | 3);
    asm volatile("ptlb" ::: "memory");
}

/* LRAG with DAT on for @addr with R1 preset to *@r1. Returns the CC. */
static unsigned do_lrag(uint64_t addr, uint64_t *r1)
{
    uint64_t ipm;
    uint8_t sm;

    asm volatile("stosm %[sm],0x04\n\tlrag %[r],0(%[a])\n\tipm %[ipm]\n\tstnsm %[sm],0xfb"
                 : [r] "+d"(*r1), [ipm] "=d"(ipm), [sm] "=Q"(sm) : [a] "a"(addr)
                 : "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

/* CSPG with equal first and second operands: CC 0 and the third operand
 * stored (PoO ch. 10 "COMPARE AND SWAP AND PURGE"). */
static void test_cspg_cc(void)
{
    static uint64_t entry __attribute__((aligned(8))) = 0x1000;
    uint64_t ipm;

    asm volatile("lghi %%r2,0x1000\n\tlgfi %%r3,0x2000\n\t.insn rre,0xb98a0000,%%r2,%[a]\n\t"
                 "ipm %[ipm]"
                 : [ipm] "=d"(ipm) : [a] "a"((uintptr_t)&entry | 1) : "r2", "r3", "cc", "memory");
    rt_check_u64("cspg equal operands: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("cspg equal operands: stored", entry, 0x2000);
}

int main(void)
{
    uint64_t r, ipm;

    build_tables();
    r = 0;
    asm volatile("lra %[r],0(%[a])\n\tipm %[ipm]"
                 : [r] "+d"(r), [ipm] "=d"(ipm) : [a] "a"(VBASE + 0x10) : "cc");
    rt_check_u64("lra with DAT off translates: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("lra with DAT off translates: real address", r, (uintptr_t)page_a + 0x10);

    r = 0x1234567800000000ull;
    rt_check_u64("lrag page invalid: cc 2", do_lrag(VBASE + 0x3000, &r), 2);
    rt_check_u64("lrag page invalid: PTE address", r, (uintptr_t)&ptab[16][3]);
    r = 0;
    rt_check_u64("lrag segment invalid: cc 1", do_lrag(VBASE + 0x100000, &r), 1);
    rt_check_u64("lrag segment invalid: STE address", r, (uintptr_t)&stab[1025]);
    r = 0x1234567800000000ull;
    rt_check_u64("lrag ASCE-type: cc 3", do_lrag(0x80000000ull, &r), 3);
    rt_check_u64("lrag ASCE-type: bits 0-31 unchanged", r, 0x1234567880000038ull);
    rt_lctlg(1, (uintptr_t)stab | 1);
    r = 0;
    rt_check_u64("lrag segment-table length: cc 3", do_lrag(VBASE, &r), 3);
    rt_check_u64("lrag segment-table length: code 0x10", r, 0x80000010ull);
    rt_lctlg(1, (uintptr_t)stab | 3);
    r = 0xaaaaaaaa00000000ull;
    asm volatile("sam31\n\tlra %[r],0(%[a])\n\tipm %[ipm]\n\tsam64"
                 : [r] "+d"(r), [ipm] "=d"(ipm) : [a] "a"(0xffffffff80000000ull | (VBASE + 0x10))
                 : "cc");
    rt_check_u64("lra 31-bit mode: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("lra 31-bit mode: bits 0-31 of R1 unchanged", r,
                 0xaaaaaaaa00000000ull | ((uintptr_t)page_a + 0x10));
    r = 0xaaaaaaaa00000000ull;
    asm volatile("sam24\n\tlray %[r],0(%[a])\n\tipm %[ipm]\n\tsam64"
                 : [r] "+d"(r), [ipm] "=d"(ipm) : [a] "a"(VBASE + 0x10) : "cc");
    rt_check_u64("lray 24-bit mode: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("lray 24-bit mode: address 0x10, bits 0-31 of R1 unchanged", r,
                 0xaaaaaaaa00000010ull);
    test_cspg_cc();
    return 0;
}
