/* Helpers of the DAT programs (dat_levels, dat_teid, dat_tlb): table-entry
 * bits of every level, the translation-exception codes, and one load or
 * store run with DAT on in a chosen address-space mode, its program
 * interruption (if any) and TEID recorded. PoO ch. 3 "Dynamic Address
 * Translation". TEID bits 52-53 (facility 75) are masked: QEMU sets them,
 * sieve's models do not offer the facility. */
#ifndef DAT_COMMON_H
#define DAT_COMMON_H

#include "ident_map.h"

#define LC_ACCESS_ID    0xa0            /* exception access identification */
#define LC_TEID         0xa8
#define TEID_MASK       (~0xc00ull)
#define TEID_PROT_DAT   0x4ull          /* bit 61: protection by DAT */

#define PTE_I           0x400ull        /* bit 53 */
#define PTE_P           0x200ull        /* bit 54 */
#define STE_P           0x200ull        /* bit 54 */
#define RTE_TF(n)       ((uint64_t)(n) << 6)    /* bits 56-57: table offset */
#define RTE_I           0x20ull         /* bit 58 */
#define RTE_TT(n)       ((uint64_t)(n) << 2)    /* bits 60-61: table type */
#define RTE_TL(n)       ((uint64_t)(n))         /* bits 62-63: table length */
#define ASCE_DT(n)      ((uint64_t)(n) << 2)    /* 3 region first ... 0 segment */
#define ASCE_TL(n)      ((uint64_t)(n))

#define PGM_SEG_TRANS   0x10
#define PGM_PAGE_TRANS  0x11
#define PGM_TRANS_SPEC  0x12
#define PGM_ASCE_TYPE   0x38
#define PGM_RFX_TRANS   0x39
#define PGM_RSX_TRANS   0x3a
#define PGM_RTX_TRANS   0x3b

/* Address-space controls (PSW bits 16-17). */
enum { ASC_PRIMARY, ASC_AR, ASC_SECONDARY, ASC_HOME };

/* Virtual address with region-first, region-second, region-third,
 * segment and page indexes @rfx @rsx @rtx @sx @px. */
static inline uint64_t va(uint64_t rfx, uint64_t rsx, uint64_t rtx, uint64_t sx, uint64_t px)
{
    return rfx << 53 | rsx << 42 | rtx << 31 | sx << 20 | px << 12;
}

static uint64_t dat_psw_go[2] __attribute__((aligned(8)));
static uint64_t dat_psw_back[2] __attribute__((aligned(8)));

/*
 * Enter the address-space mode @asc with DAT on by LPSWE, run LG (or STG
 * of @v when @store) with GR4 = @addr as the base (AR 4 = @alet in the AR
 * mode), and leave by LPSWE. Returns what LG loaded (0xeeee if nothing);
 * *o records the interruption, the address of LG/STG and the TEID.
 */
static inline uint64_t dat_access(unsigned asc, bool store, uint64_t addr, uint64_t v,
                                  uint32_t alet, struct outcome *o)
{
    uint64_t r = 0xeeee;

    dat_psw_go[0] = PSW_MASK_DAT | PSW_MASK_64 | (uint64_t)asc << 46;
    dat_psw_back[0] = PSW_MASK_64;
    *(volatile uint64_t *)LC_TEID = 0;
    rt_pgm_arm();
    asm volatile("  larl  %%r1,2f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %%r1,3f\n"
                 "  stg   %%r1,%[backia]\n"
                 "  larl  %[at],1f\n"
                 "  agr   %[at],%[off]\n"
                 "  stg   %[at],%[goia]\n"
                 "  lgr   %%r4,%[a]\n"
                 "  sar   %%a4,%[alet]\n"
                 "  lpswe %[go]\n"
                 "1: lg   %[r],0(%%r4)\n"
                 "  j     2f\n"
                 "  stg   %[v],0(%%r4)\n"
                 "2: lpswe %[back]\n"
                 "3: sar  %%a4,%[zero]\n"
                 : [r] "+d"(r), [at] "=&d"(o->at), [goia] "=Q"(dat_psw_go[1]),
                   [backia] "=Q"(dat_psw_back[1]), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [a] "d"(addr), [v] "d"(v), [off] "d"(store ? 10ull : 0ull),
                   [alet] "d"((uint64_t)alet), [zero] "d"(0ull),
                   [go] "Q"(dat_psw_go), [back] "Q"(dat_psw_back)
                 : "r1", "r4", "memory");
    o->fired = rt_pgm_disarm(&o->pi);
    o->teid = rt_lc64(LC_TEID) & TEID_MASK;
    return r;
}

/* LG at @addr in the primary space, DAT on. */
static inline uint64_t dat_load_p(uint64_t addr, struct outcome *o)
{
    return dat_access(ASC_PRIMARY, false, addr, 0, 0, o);
}

/* STG @v at @addr in the primary space, DAT on. */
static inline void dat_store_p(uint64_t addr, uint64_t v, struct outcome *o)
{
    dat_access(ASC_PRIMARY, true, addr, v, 0, o);
}

/* Branch with DAT on (primary space) to @target, expecting an exception
 * on the instruction fetch; *o records it (o->at is not set). */
static inline void dat_branch(uint64_t target, struct outcome *o)
{
    uint8_t sm;

    *(volatile uint64_t *)LC_TEID = 0;
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  stosm %[sm],0x04\n"
                 "  basr  %%r14,%[t]\n"
                 "1: stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [t] "a"(target) : "r1", "r6", "r14", "memory");
    o->fired = rt_pgm_disarm(&o->pi);
    o->teid = rt_lc64(LC_TEID) & TEID_MASK;
}

/* Check that a nullifying translation exception @code was taken by the
 * instruction at o->at with DAT on, and its TEID. */
static inline void dat_check_nullified(const char *what, const struct outcome *o, unsigned code,
                                       uint64_t teid)
{
    rt_checkf(o->fired && o->pi.code == code, "%s: code 0x%x (got 0x%x)", what, code,
              o->fired ? o->pi.code : 0);
    rt_checkf(o->pi.ilc == 3 && o->pi.addr == o->at,
              "%s: ilc 3, old PSW at the instruction (nullified)", what);
    rt_checkf((o->pi.mask & PSW_MASK_DAT) != 0, "%s: old PSW has DAT on", what);
    rt_check_u64(what, o->teid, teid);
}

/* Check a program interruption @code without looking at the TEID. */
static inline void dat_check_code(const char *what, const struct outcome *o, unsigned code)
{
    rt_checkf(o->fired && o->pi.code == code, "%s: code 0x%x (got 0x%x)", what, code,
              o->fired ? o->pi.code : 0);
}

#endif
