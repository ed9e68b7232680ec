/* Helpers of space.c and space_strict.c: three address spaces (primary
 * CR1, secondary CR7, home CR13) that map the first 16 MiB identically and
 * VBASE to a page of their own. */
#ifndef SPACE_COMMON_H
#define SPACE_COMMON_H

#include "ident_map.h"

#define VBASE       0x40000000ull       /* segment 1024 */
#define CR0_SSC     (1ull << (63 - 37)) /* secondary-space control */

static uint64_t stab[3][2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));
static uint64_t vtab[3][256] __attribute__((aligned(4096)));
static uint64_t page[3][512] __attribute__((aligned(4096)));   /* P, S, H at VBASE */
static uint8_t buf[512] __attribute__((aligned(8)));

enum { P, S, H };

/* Identity-map 16 MiB in each space; VBASE maps page[space]. */
static inline void build_spaces(void)
{
    for (unsigned sp = 0; sp < 3; sp++) {
        ident_map_16m(stab[sp], ptab);
        for (unsigned p = 0; p < 256; p++)
            vtab[sp][p] = 0x400;                        /* page invalid */
        vtab[sp][0] = (uintptr_t)page[sp];
        stab[sp][1024] = (uintptr_t)vtab[sp];
        for (unsigned i = 0; i < 512; i++)
            page[sp][i] = (uint64_t)(sp + 1) << 32 | i;
    }
    rt_lctlg(1, (uintptr_t)stab[P] | 3);
    rt_lctlg(7, (uintptr_t)stab[S] | 3);
    rt_lctlg(13, (uintptr_t)stab[H] | 3);
    rt_lctlg(0, rt_stctg(0) | CR0_SSC);
}

struct mode_result {
    uint64_t iac;       /* R1 after IAC */
    unsigned cc;        /* IAC's CC */
    uint64_t v;         /* the doubleword at VBASE + 8 in the mode */
};

/* With DAT on: SAC (or SACF when @fast) with mode @code, IAC if @with_iac,
 * load VBASE+8, back to primary. */
static inline void in_mode(unsigned code, bool fast, bool with_iac, struct mode_result *r)
{
    uint64_t iac = 0xffffffffffffffffull, ipm = 0, v;
    uint8_t sm;

    asm volatile("  stosm %[sm],0x04\n"
                 "  ltgr  %[f],%[f]\n"
                 "  jz    1f\n"
                 "  sacf  0(%[c])\n"
                 "  j     2f\n"
                 "1: sac  0(%[c])\n"
                 "2: ltgr %[i],%[i]\n"
                 "  jz    3f\n"
                 "  iac   %[iac]\n"
                 "  ipm   %[ipm]\n"
                 "3: lg   %[v],8(%[a])\n"
                 "  sacf  0\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [iac] "+d"(iac), [ipm] "+d"(ipm), [v] "=d"(v)
                 : [i] "d"((uint64_t)with_iac), [f] "d"((uint64_t)fast), [c] "a"((uint64_t)code << 8), [a] "a"(VBASE)
                 : "cc", "memory");
    r->iac = iac;
    r->cc = rt_cc_from_ipm(ipm);
    r->v = v;
}

/* MVCP (@to_secondary false) or MVCS of @len bytes between buf and VBASE
 * in the secondary space, key 0 in R3. Returns the CC. */
static inline unsigned mvcp_mvcs(bool to_secondary, uint64_t len)
{
    uint64_t ipm;
    uint8_t sm;

    asm volatile("  stosm %[sm],0x04\n"
                 "  ltgr  %[t],%[t]\n"
                 "  jnz   1f\n"
                 "  mvcp  0(%[l],%[b]),0(%[v]),%[k]\n"
                 "  j     2f\n"
                 "1: mvcs 0(%[l],%[v]),0(%[b]),%[k]\n"
                 "2: ipm  %[ipm]\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [ipm] "=d"(ipm)
                 : [t] "d"((uint64_t)to_secondary), [l] "d"(len), [b] "a"(buf),
                   [v] "a"(VBASE), [k] "d"(0ull)
                 : "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

struct mvpg_result {
    struct rt_pgm_info pi;
    bool fired;
    unsigned cc;
};

/* MVPG with GR0 @gr0, R1 (GR4) @dst, R2 (GR5) @src, DAT on if @dat. */
static inline void mvpg(uint64_t gr0, uint64_t dst, uint64_t src, bool dat, struct mvpg_result *r)
{
    const uint8_t on = dat ? 0x04 : 0x00, off = 0;
    uint64_t ipm = 0;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lgr   %%r0,%[g]\n"
                 "  lgr   %%r4,%[d]\n"
                 "  lgr   %%r5,%[s]\n"
                 "  ssm   %[on]\n"
                 "  .insn rre,0xb2540000,%%r4,%%r5\n"
                 "  ipm   %[ipm]\n"
                 "1: ssm  %[off]\n"
                 : [ipm] "+d"(ipm), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [g] "d"(gr0), [d] "d"(dst), [s] "d"(src), [on] "Q"(on), [off] "Q"(off)
                 : "r0", "r1", "r4", "r5", "cc", "memory");
    r->fired = rt_pgm_disarm(&r->pi);
    r->cc = rt_cc_from_ipm(ipm);
}

#endif
