/* SIE with host DAT on (SIE.md 2.4, 5.1): guest storage is host virtual
 * MSO + guest absolute, translated through the host ASCE in CR1 at SIE
 * entry. A guest access to an unmapped host page ends SIE with a host
 * page-translation exception: old PSW at the SIE instruction, ILC 4 (SIE's
 * length), TEID = the host-virtual page with ASCE id 00; the guest
 * instruction is nullified and runs again after the host maps the page.
 * A guest prefix page the host has not mapped is a validity intercept
 * (0x37). Guest DAT runs on top of host DAT: a guest table page missing in
 * the host is a host fault on the table's address. An IPTE that the other
 * CPU issues while the guest stores into a page takes effect at once (run
 * with -smp 2). sieve only: QEMU TCG has no SIE. */
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

#define PFX1       0x80000ul        /* prefix area of CPU 1 (beyond the program) */

volatile uint64_t cpu1_done __attribute__((used));
uint64_t cpu1_ipte[2] __attribute__((used));    /* page-table origin, address */

/* CPU 1 after its restart: a while later, IPTE the page cpu1_ipte names,
 * then stop. */
extern char cpu1_entry[];
asm(".text\n"
    "cpu1_entry:\n"
    "  lgfi  %r4,100000\n"
    "0: brctg %r4,0b\n"
    "  larl  %r1,cpu1_ipte\n"
    "  lmg   %r2,%r3,0(%r1)\n"
    "  ipte  %r2,%r3\n"
    "  larl  %r1,cpu1_done\n"
    "  mvghi 0(%r1),1\n"
    "  lghi  %r3,1\n"
    "  lghi  %r2,0\n"
    "1: sigp  %r2,%r3,5\n"
    "  jh    1b\n"
    "2: j 2b\n");

/* Restart CPU 1 with its own lowcore. */
static void start_cpu1(void)
{
    uint64_t *psw = (uint64_t *)(PFX1 + 0x1a0), ipm;

    memcpy((void *)PFX1, (void *)0, 0x2000);
    psw[0] = 0x0000000180000000ull;
    psw[1] = (uint64_t)(uintptr_t)cpu1_entry;
    cpu1_done = 0;
    asm volatile("lgr %%r3,%[p]\n\tlghi %%r2,0\n\tlghi %%r4,1\n\tsigp %%r2,%%r4,0x0d\n\t"
                 "sigp %%r2,%%r4,0x06\n\tipm %[ipm]"
                 : [ipm] "=d"(ipm) : [p] "d"((uint64_t)PFX1) : "r2", "r3", "r4", "cc", "memory");
    rt_check_u64("CPU 1 restarted", rt_cc_from_ipm(ipm), 0);
}

static void test_prefix_validity(void)
{
    pts[16][0x8] = 0x400;                               /* guest page 0x8000 unmapped */
    st64(scb + 0x00, ((uint64_t)0x00000800 << 32) | 0x8000);   /* prefix 0x8000 */
    run_sie();
    rt_check_u64("prefix page unmapped: validity", scb[0x50], 0x20);
    rt_check_u64("prefix page unmapped: reason 0x37", ld64(scb + 0x58) >> 48, 0x37);
    pts[16][0x8] = BACKING + 0x8000;
    st64(scb + 0x00, (uint64_t)0x00000800 << 32);
    scb[0x50] = 0;
}

/* Guest DAT: segment table at guest 0x10000, page table at 0x11000 (a page
 * the host maps only later), virtual 0x8000 -> real HOLE. */
static void test_guest_tables(void)
{
    /* llill r6,0x8010; mvi 0(r6),0xa5; diag */
    static const uint8_t code[] = {
        0xa5, 0x6f, 0x80, 0x10, 0x92, 0xa5, 0x60, 0x00, 0x83, 0x00, 0x00, 0x44,
    };
    struct rt_pgm_info pi;

    for (unsigned i = 0; i < sizeof(code); i++)
        *G(GCODE + i) = code[i];
    for (unsigned i = 0; i < 2048; i++)
        st64((void *)G(0x10000 + 8 * i), 0x20);
    st64((void *)G(0x10000), 0x11000);
    pts[16][0x11] = BACKING + 0x11000;                  /* fill the page table */
    for (unsigned i = 0; i < 256; i++)
        st64((void *)G(0x11000 + 8 * i), 0x400);
    st64((void *)G(0x11000 + 8 * 4), 0x4000);
    st64((void *)G(0x11000 + 8 * 8), HOLE);
    pts[16][0x11] = 0x400;                              /* then unmap it in the host */
    asm volatile("ptlb" ::: "memory");
    st64(scb + 0x108, 0x10000 | 3);                     /* guest CR1 */
    st64(scb + 0x90, 0x0400000180000000ull);            /* guest DAT on */
    st64(scb + 0x98, GCODE);
    rt_pgm_arm();
    run_sie();
    rt_check(rt_pgm_disarm(&pi), "guest table unmapped: host program interruption");
    rt_check_u64("guest table unmapped: page translation", pi.code, 0x11);
    rt_check_u64("guest table unmapped: teid = the table's host page", ld64((const void *)0xa8),
                 MSO + 0x11000);
    rt_check_u64("guest table unmapped: gpsw at the fetch", ld64(scb + 0x98), GCODE);
    pts[16][0x11] = BACKING + 0x11000;
    asm volatile("ptlb" ::: "memory");
    run_sie();
    rt_check_u64("guest tables mapped: diag", scb[0x50], 0x04);
    rt_check_u64("guest dat over host dat: store landed", *G(HOLE + 0x10), 0xa5);

    /* A guest page fault whose tables sit behind host DAT: the guest's
     * TEID names the guest page, not a table entry (the host translations
     * of the table fetches must leave it alone). */
    st64((void *)G(0x11000 + 8 * 8), 0x400);            /* virtual 0x8000 invalid */
    st64((void *)G(0x1d0), 0x0000000180000000ull);      /* program new PSW: DAT off */
    st64((void *)G(0x1d8), 0x5000);
    *G(0x5000) = 0x83; *G(0x5001) = 0x00; *G(0x5002) = 0x00; *G(0x5003) = 0x44;
    pts[16][0x5] = BACKING + 0x5000;
    st64(scb + 0x90, 0x0400000180000000ull);
    st64(scb + 0x98, GCODE);
    run_sie();
    rt_check_u64("guest page fault: delivered, then diag", scb[0x50], 0x04);
    rt_check_u64("guest page fault: code 0x11", ld64((const void *)G(0x8c)) >> 32 & 0xffff, 0x11);
    rt_check_u64("guest page fault: guest teid = the guest page",
                 ld64((const void *)G(0xa8)) & ~0xfffull, 0x8000);
    st64(scb + 0x90, 0x0000000180000000ull);
}

/* CPU 1 invalidates the host page the guest keeps storing into. */
static void test_ipte_other_cpu(void)
{
    /* llill r6,0x9010; mvi 0(r6),0x5a; brctg r2,*-4; diag */
    static const uint8_t code[] = {
        0xa5, 0x6f, 0x90, 0x10, 0x92, 0x5a, 0x60, 0x00, 0xa7, 0x27, 0xff, 0xfe,
        0x83, 0x00, 0x00, 0x44,
    };
    struct rt_pgm_info pi;

    for (unsigned i = 0; i < sizeof(code); i++)
        *G(GCODE + i) = code[i];
    ggr[2] = 1ull << 40;
    st64(scb + 0x98, GCODE);
    cpu1_ipte[0] = (uint64_t)(uintptr_t)pts[16];
    cpu1_ipte[1] = MSO + HOLE;
    start_cpu1();
    rt_pgm_arm();
    run_sie();
    while (!cpu1_done)
        ;
    rt_check(rt_pgm_disarm(&pi), "ipte by CPU 1: host program interruption");
    rt_check_u64("ipte by CPU 1: page translation", pi.code, 0x11);
    rt_check_u64("ipte by CPU 1: teid", ld64((const void *)0xa8), MSO + HOLE);
    rt_check_u64("ipte by CPU 1: gpsw at the store", ld64(scb + 0x98), GCODE + 4);
    rt_check(ggr[2] < (1ull << 40), "ipte by CPU 1: the guest stored before it");
    rt_check_u64("ipte by CPU 1: pte invalid", pts[16][HOLE >> 12] & 0x400, 0x400);
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
    test_prefix_validity();
    test_guest_tables();
    test_ipte_other_cpu();
    return 0;
}
