/* Helpers shared by the timer test programs: the timer instructions, a
 * logging external-interruption handler, enabled windows and waits, SIGP. */
#ifndef TIMER_COMMON_H
#define TIMER_COMMON_H

#include "rt/rt.h"

#define CR0_EMSIG   (1ull << (63 - 49))
#define CR0_XCALL   (1ull << (63 - 50))
#define CR0_CKC     (1ull << (63 - 52))
#define CR0_CPUTM   (1ull << (63 - 53))
#define TOD_US      4096ull                 /* TOD units per microsecond */

/* One external interruption as the logging handler saw it. */
struct ext_rec {
    uint64_t mask, addr;    /* external old PSW */
    uint16_t cpu_addr;      /* lowcore 0x84 */
    uint16_t code;          /* lowcore 0x86 */
    uint32_t param;
    uint64_t pad;
};

/* Filled by timer_ext_entry: n records (at most 15), rec[i] at offset 32 + 32 * i. */
struct {
    uint64_t n;
    uint64_t pad[3];
    struct ext_rec rec[15];
} timer_ext_log __attribute__((aligned(8)));

/* The logging external-interruption handler: records the old PSW, CPU
 * address and code, then returns to the old PSW with the external mask and
 * the wait bit off (so one interruption per enabled window). Saves r1-r2 at
 * absolute 0x300. */
asm("    .text\n"
    "    .globl timer_ext_entry\n"
    "timer_ext_entry:\n"
    "    stmg  %r1,%r2,0x300\n"
    "    larl  %r1,timer_ext_log\n"
    "    lg    %r2,0(%r1)\n"
    "    clgfi %r2,15\n"
    "    jhe   1f\n"
    "    aghi  %r2,1\n"
    "    stg   %r2,0(%r1)\n"
    "    sllg  %r2,%r2,5\n"
    "    la    %r1,0(%r2,%r1)\n"
    "    mvc   0(16,%r1),0x130\n"
    "    mvc   16(4,%r1),0x84\n"
    "    mvc   20(4,%r1),0x80\n"
    "1:  ni    0x130,0xfe\n"
    "    ni    0x131,0xfd\n"
    "    lmg   %r1,%r2,0x300\n"
    "    lpswe 0x130\n");
void timer_ext_entry(void);

static uint64_t saved_ext_new[2];

static inline void log_install(void)
{
    volatile uint64_t *newpsw = (volatile uint64_t *)0x1b0;

    saved_ext_new[0] = newpsw[0];
    saved_ext_new[1] = newpsw[1];
    memset(&timer_ext_log, 0, sizeof(timer_ext_log));
    newpsw[0] = PSW_MASK_64;
    newpsw[1] = (uintptr_t)timer_ext_entry;
}

/* Back to the runtime's handler with every timer and signal quiet, so the
 * console's enabled waits see only the service signal. */
static inline void log_remove(void)
{
    volatile uint64_t *newpsw = (volatile uint64_t *)0x1b0;
    uint64_t ckc = ~0ull, cputm = 0x7fffffffffffffffull;

    rt_lctlg(0, rt_stctg(0) & ~(CR0_EMSIG | CR0_XCALL | CR0_CKC | CR0_CPUTM));
    asm volatile("sckc %0\n\tspt %1" : : "Q"(ckc), "Q"(cputm) : "memory");
    newpsw[0] = saved_ext_new[0];
    newpsw[1] = saved_ext_new[1];
}

static inline uint64_t stck(void)
{
    uint64_t v;

    asm volatile("stck %0" : "=Q"(v) : : "cc", "memory");
    return v;
}

static inline uint64_t stpt(void)
{
    uint64_t v;

    asm volatile("stpt %0" : "=Q"(v) : : "memory");
    return v;
}

static inline void spt(uint64_t v)
{
    asm volatile("spt %0" : : "Q"(v) : "memory");
}

static inline void sckc(uint64_t v)
{
    asm volatile("sckc %0" : : "Q"(v) : "memory");
}

static inline uint64_t stckc(void)
{
    uint64_t v;

    asm volatile("stckc %0" : "=Q"(v) : : "memory");
    return v;
}

/* Busy-wait @us microseconds of TOD time, disabled. */
static inline void spin_us(uint64_t us)
{
    uint64_t end = stck() + us * TOD_US;

    while (stck() < end)
        ;
}

/* Enable external interruptions for @us microseconds (the handler takes at
 * most one: it returns disabled). */
static inline void window(uint64_t us)
{
    uint8_t sv;

    asm volatile("stosm %0,0x01" : "=Q"(sv) : : "memory");
    spin_us(us);
    asm volatile("stnsm %0,0xfe" : "=Q"(sv) : : "memory");
}

/* Enabled wait until an external interruption; returns the address the
 * wait PSW held (where execution resumes). */
static inline uint64_t wait_enabled(void)
{
    static uint64_t psw[2] __attribute__((aligned(16)));
    uint64_t resume;

    psw[0] = PSW_MASK_EXT | PSW_MASK_WAIT | PSW_MASK_64;
    asm volatile("  larl  %0,0f\n"
                 "  stg   %0,8(%1)\n"
                 "  lpswe 0(%1)\n"
                 "0:\n"
                 : "=&d"(resume) : "a"(psw) : "memory", "cc");
    return resume;
}

/* SIGP @order to CPU @addr; returns the CC, *status the status word. */
static inline unsigned sigp(unsigned order, uint16_t addr, uint32_t *status)
{
    uint64_t r1 = 0, ipm;

    asm volatile("  sigp  %0,%2,0(%3)\n"
                 "  ipm   %1\n"
                 : "+d"(r1), "=d"(ipm) : "d"((uint64_t)addr), "a"((uintptr_t)order)
                 : "cc", "memory");
    *status = (uint32_t)r1;
    return rt_cc_from_ipm(ipm);
}

#endif
