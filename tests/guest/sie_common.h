/* Helpers shared by the bare-metal SIE programs: an SCB and a 1 MiB guest at
 * MSO 16 MiB in our own storage (host DAT off), and a SIE call that keeps
 * the host's registers. Facts: ../shared/docs/SIE.md 3-5. QEMU TCG has no
 * SIE, so the runner runs these programs on sieve only (qemu-deviations.txt). */
#ifndef SIE_COMMON_H
#define SIE_COMMON_H

#include "rt/rt.h"

#define MSO        0x1000000ull
#define GUEST_SIZE 0x100000ull
#define G(a)       ((volatile uint8_t *)(uintptr_t)(MSO + (a)))
#define GCODE      0x4000ull

#define CPUSTAT_STOP    0x04000000u
#define CPUSTAT_IO      0x02000000u
#define CPUSTAT_EXT     0x01000000u
#define CPUSTAT_RRF     0x00008000u
#define CPUSTAT_SLSV    0x00004000u
#define CPUSTAT_SLSR    0x00002000u
#define CPUSTAT_ZARCH   0x00000800u
#define CPUSTAT_MCDS    0x00000100u
#define CPUSTAT_SM      0x00000080u
#define CPUSTAT_GED2    0x00000010u
#define CPUSTAT_GED     0x00000004u
#define ICTL_OPEREXC    0x80000000u
#define ICTL_PINT       0x20000000u
#define ICTL_SSKE       0x00002000u

static uint8_t scb[512] __attribute__((aligned(512)));
static uint64_t ggr[16];
uint64_t sie_hsave[16] __attribute__((used));
extern char sie_insn[];

static inline void st64(volatile void *p, uint64_t v) { *(volatile uint64_t *)p = v; }
static inline void st32(volatile void *p, uint32_t v) { *(volatile uint32_t *)p = v; }
static inline void st16(volatile void *p, uint16_t v) { *(volatile uint16_t *)p = v; }
static inline uint64_t ld64(const volatile void *p) { return *(const volatile uint64_t *)p; }
static inline uint32_t ld32(const volatile void *p) { return *(const volatile uint32_t *)p; }
static inline uint16_t ld16(const volatile void *p) { return *(const volatile uint16_t *)p; }

/* Run SIE on scb with guest GPRs 0-13 from/to ggr; with @host_ext the host
 * PSW is enabled for external interruptions during SIE. SIE sits at the
 * global label sie_insn (the old PSW of a host interruption points there). */
static __attribute__((noinline)) void run_sie_ext(bool host_ext)
{
    asm volatile("  stmg  %%r0,%%r15,0(%[hs])\n"
                 "  lgr   %%r14,%[scb]\n"
                 "  lgr   %%r15,%[gr]\n"
                 "  ltr   %[ext],%[ext]\n"
                 "  lmg   %%r0,%%r13,0(%%r15)\n"
                 "  jz    1f\n"
                 "  stosm 0x2f0,0x01\n"
                 "1:\n"
                 "  .globl sie_insn\n"
                 "sie_insn:\n"
                 "  .insn s,0xb2140000,0(%%r14)\n"
                 "  stnsm 0x2f0,0xfe\n"
                 "  stmg  %%r0,%%r13,0(%%r15)\n"
                 "  larl  %%r1,sie_hsave\n"
                 "  lmg   %%r0,%%r15,0(%%r1)\n"
                 : : [hs] "a"(sie_hsave), [scb] "a"(scb), [gr] "a"(ggr), [ext] "d"(host_ext)
                 : "memory", "cc");
}

static inline void run_sie(void)
{
    run_sie_ext(false);
}

/* A fresh SCB: z/Arch guest, PSW 64-bit DAT off at GCODE, 1 MiB at MSO,
 * the guest's first 64 KiB zeroed. */
static inline void scb_init(uint32_t ictl)
{
    for (unsigned i = 0; i < sizeof(scb); i++)
        scb[i] = 0;
    for (unsigned i = 0; i < 16; i++)
        ggr[i] = 0;
    st32(scb + 0x00, CPUSTAT_ZARCH);
    st64(scb + 0x80, MSO);
    st64(scb + 0x88, MSO + GUEST_SIZE - 1);
    st64(scb + 0x90, PSW_MASK_64);
    st64(scb + 0x98, GCODE);
    st32(scb + 0x48, ictl);
    st64(scb + 0x100, 0xe0);            /* guest CR0 as after reset */
    for (uint64_t a = 0; a < 0x10000; a += 8)
        st64(G(a), 0);
}

/* Copy @n bytes of guest code to guest real GCODE. */
static inline void put_code(const uint8_t *code, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        *G(GCODE + i) = code[i];
}

/* Guest program new PSW at guest 0x1d0 -> 0x5000 where DIAG 0x44 waits. */
static inline void guest_pgm_handler(void)
{
    st64(G(0x1d0), PSW_MASK_64);
    st64(G(0x1d8), 0x5000);
    *G(0x5000) = 0x83;
    *G(0x5001) = 0x00;
    *G(0x5002) = 0x00;
    *G(0x5003) = 0x44;
}

#endif
