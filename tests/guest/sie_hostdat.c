/* SIE with host DAT on (SIE.md 2.4, 5.1): guest storage is host virtual
 * MSO + guest absolute, translated through the host ASCE in CR1 at SIE
 * entry. A guest access to an unmapped host page ends SIE with a host
 * page-translation exception: old PSW at the SIE instruction, ILC 4 (SIE's
 * length), TEID = the host-virtual page with ASCE id 00; the guest
 * instruction is nullified and runs again after the host maps the page.
 * sieve only: QEMU TCG has no SIE. */
#include "rt/rt.h"

#define HOST_MAP   0x1000000ull         /* host virtual 0-16 MiB identity */
#define MSO        0x2000000ull         /* guest at host virtual 32 MiB ... */
#define BACKING    0x1800000ull         /* ... backed by host real 24 MiB */
#define GUEST_SIZE 0x100000ull
#define GCODE      0x4000ull
#define HOLE       0x9000ull            /* guest page left unmapped at first */

static uint64_t seg[512] __attribute__((aligned(4096)));
static uint64_t pts[24][256] __attribute__((aligned(2048)));
static uint8_t scb[512] __attribute__((aligned(512)));
static uint64_t ggr[16];
uint64_t sie_hsave2[16] __attribute__((used));

static void st64(void *p, uint64_t v) { *(volatile uint64_t *)p = v; }
static uint64_t ld64(const void *p) { return *(const volatile uint64_t *)p; }

#define G(a) ((volatile uint8_t *)(uintptr_t)(BACKING + (a)))

/* Build identity for 0-16 MiB and MSO..MSO+1 MiB -> BACKING, HOLE invalid. */
static void build_tables(void)
{
    for (unsigned i = 0; i < 512; i++)
        seg[i] = 0x20;                          /* invalid */
    for (unsigned s = 0; s < 16; s++) {
        for (unsigned p = 0; p < 256; p++)
            pts[s][p] = ((uint64_t)s << 20) | ((uint64_t)p << 12);
        seg[s] = (uint64_t)(uintptr_t)pts[s];
    }
    for (unsigned p = 0; p < 256; p++)
        pts[16][p] = BACKING + ((uint64_t)p << 12);
    pts[16][HOLE >> 12] = 0x400;                /* page invalid */
    seg[MSO >> 20] = (uint64_t)(uintptr_t)pts[16];
}

extern char sie_insn2[];

/* Run SIE with host DAT on in primary space (Linux uses home space, but
 * sieve lacks SACF so far), CR1 = CR13 = our ASCE. A host program
 * interruption resumes after SIE (slot 0x2f8). */
static __attribute__((noinline)) void run_sie(void)
{
    uint64_t asce = (uint64_t)(uintptr_t)seg;   /* segment table, TL 0 */

    asm volatile("  stmg  %%r0,%%r15,0(%[hs])\n"
                 "  lctlg %%c1,%%c1,0(%[asce])\n"
                 "  lctlg %%c13,%%c13,0(%[asce])\n"
                 "  larl  %%r1,1f\n"
                 "  stg   %%r1,0x2f8\n"
                 "  lgr   %%r14,%[scb]\n"
                 "  lgr   %%r15,%[gr]\n"
                 "  lmg   %%r0,%%r13,0(%%r15)\n"
                 "  stosm 0(%%r15),0x04\n"              /* DAT on, primary space */
                 "sie_insn2:\n"
                 "  .insn s,0xb2140000,0(%%r14)\n"
                 "1:stnsm 0(%%r15),0xfb\n"             /* DAT off */
                 "  stmg  %%r0,%%r13,0(%%r15)\n"
                 "  larl  %%r1,sie_hsave2\n"
                 "  lmg   %%r0,%%r15,0(%%r1)\n"
                 : : [hs] "a"(sie_hsave2), [scb] "a"(scb), [gr] "a"(ggr), [asce] "a"(&asce)
                 : "memory", "cc");
}

int main(void)
{
    /* llill r6,0x9010; mvi 0(r6),0x5a; diag 0,0,0x44 */
    static const uint8_t code[] = {
        0xa5, 0x6f, 0x90, 0x10, 0x92, 0x5a, 0x60, 0x00, 0x83, 0x00, 0x00, 0x44,
    };
    struct rt_pgm_info pi;

    build_tables();
    for (unsigned i = 0; i < sizeof(code); i++)
        *G(GCODE + i) = code[i];
    st64(scb + 0x00, (uint64_t)0x00000800 << 32);       /* cpuflags ZARCH, prefix 0 */
    scb[0x61] = 0x02;                                   /* ecb HOSTPROTINT */
    st64(scb + 0x80, MSO);
    st64(scb + 0x88, MSO + GUEST_SIZE - 1);
    st64(scb + 0x90, 0x0000000180000000ull);
    st64(scb + 0x98, GCODE);

    rt_pgm_arm();
    run_sie();
    rt_check(rt_pgm_disarm(&pi), "host fault: program interruption in the host");
    rt_check_u64("host fault: code page translation", pi.code, 0x11);
    rt_check_u64("host fault: ilc 2 (4 bytes)", pi.ilc, 2);
    rt_check_u64("host fault: old psw at SIE", pi.addr, (uint64_t)(uintptr_t)sie_insn2);
    rt_check_u64("host fault: teid", ld64((const void *)0xa8), MSO + HOLE);
    rt_check_u64("host fault: icptcode 0", scb[0x50], 0);
    rt_check_u64("host fault: gpsw nullified", ld64(scb + 0x98), GCODE + 4);
    rt_check_u64("host fault: guest r6 kept", ggr[6], 0x9010);
    rt_check_u64("host fault: old psw is the host's (DAT on)",
                 pi.mask & 0x0400c00000000000ull, 0x0400000000000000ull);

    pts[16][HOLE >> 12] = BACKING + HOLE;               /* map it, run again */
    asm volatile("ptlb" ::: "memory");
    run_sie();
    rt_check_u64("re-entry: diag intercept", scb[0x50], 0x04);
    rt_check_u64("re-entry: gpsw", ld64(scb + 0x98), GCODE + 12);
    rt_check_u64("re-entry: store landed in backing", *G(HOLE + 0x10), 0x5a);
    return 0;
}
