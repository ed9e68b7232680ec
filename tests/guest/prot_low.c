/* Low-address protection (PoO ch. 3, "Low-Address Protection"): with CR0
 * bit 35 one, stores at effective addresses 0-511 and 4096-4607 are refused
 * with DAT off (real addresses, STURA included) and with DAT on (virtual
 * addresses, unless the ASCE's private-space control is one). The
 * instruction is suppressed; with ESOP (PoO "Suppression on Protection")
 * TEID bit 56 is one, bit 61 zero, bits 0-51 the page. TEID bits 52-53
 * (facility 75) are masked, and bits 62-63 with DAT off (unpredictable). */
#include "ident_map.h"

#define LC_TEID     0xa8
#define TEID_MASK   (~0xc00ull)
#define TEID_LAP    0x80ull             /* bit 56 */
#define CR0_LAP     (1ull << (63 - 35))
#define ASCE_P      (1ull << (63 - 55)) /* private-space control */
#define SCRATCH     0x180               /* real lowcore bytes no one uses */

static uint64_t stab[2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));
static uint8_t page_v0[4096] __attribute__((aligned(4096)));
static uint8_t page_v1[4096] __attribute__((aligned(4096)));
static const uint8_t sm_dat = 0x04, sm_off = 0x00;

/* Identity-map 16 MiB, except virtual pages 0 and 1 (page_v0, page_v1)
 * and virtual page 3 (real page 0). */
static void build_tables(void)
{
    ident_map_16m(stab, ptab);
    ptab[0][0] = (uintptr_t)page_v0;
    ptab[0][1] = (uintptr_t)page_v1;
    ptab[0][3] = 0;
}

static void set_lap(bool on)
{
    uint64_t cr0 = rt_stctg(0);

    rt_lctlg(0, on ? cr0 | CR0_LAP : cr0 & ~CR0_LAP);
}

/* STG @v at @addr, DAT on when @dat. */
static void store8(uint64_t addr, uint64_t v, bool dat, struct outcome *o)
{
    const uint8_t on = dat ? sm_dat : sm_off;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,2f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[at],1f\n"
                 "  ssm   %[on]\n"
                 "1: stg  %[v],0(%[a])\n"
                 "2: ssm  %[off]\n"
                 : [at] "=&d"(o->at), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [a] "a"(addr), [v] "d"(v), [on] "Q"(on),
                   [off] "Q"(sm_off)
                 : "r1", "memory");
    o->fired = rt_pgm_disarm(&o->pi);
    o->teid = rt_lc64(LC_TEID) & TEID_MASK;
}

/* Check a suppressing protection exception of the @ilen-byte instruction
 * at o->at with TEID @teid (compared under @mask). */
static void check_lap(const char *what, const struct outcome *o, unsigned ilen, uint64_t teid,
                      uint64_t mask)
{
    rt_checkf(o->fired && o->pi.code == PGM_PROTECTION, "%s: protection (code 0x%x)", what,
              o->pi.code);
    rt_checkf(o->pi.ilc == ilen / 2, "%s: ilc", what);
    rt_checkf(o->pi.addr == o->at + ilen, "%s: old PSW past the instruction", what);
    rt_checkf((o->teid & mask) == teid, "%s: TEID bit 56, page (0x%llx)", what,
              (unsigned long long)o->teid);
}

static void test_dat_off(void)
{
    const uint64_t m = TEID_MASK & ~3ull;
    struct outcome o;

    store8(SCRATCH, 0x1111, false, &o);
    rt_check(!o.fired && rt_lc64(SCRATCH) == 0x1111, "LAP off: store to real 0x180");
    set_lap(true);
    store8(SCRATCH, 0x2222, false, &o);
    check_lap("real 0x180", &o, 6, TEID_LAP, m);
    rt_check_u64("real 0x180 unchanged", rt_lc64(SCRATCH), 0x1111);
    store8(0x11f8, 0x3333, false, &o);
    check_lap("real 0x11f8", &o, 6, 0x1000 | TEID_LAP, m);
    store8(0x1200, 0x4444, false, &o);
    rt_check(!o.fired && rt_lc64(0x1200) == 0x4444, "real 0x1200 (4608) is not protected");
    rt_check_u64("fetch from real 0x180 allowed", rt_lc64(SCRATCH), 0x1111);
    set_lap(false);
}

/* STC at real 511 and MVC across 4607/4608: any protected byte refuses the
 * whole instruction. */
static void test_edges(void)
{
    static const uint8_t src[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
    uint8_t before = rt_lc8(0x1ff);
    struct outcome o;

    *(volatile uint64_t *)0x1200 = 0x5555;
    set_lap(true);
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[at],0f\n"
                 "0: stc  %[v],0x1ff\n"
                 "1:\n"
                 : [at] "=&d"(o.at), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [v] "d"(before ^ 0xff) : "r1", "memory");
    o.fired = rt_pgm_disarm(&o.pi);
    o.teid = rt_lc64(LC_TEID) & TEID_MASK;
    check_lap("stc at real 511", &o, 4, TEID_LAP, TEID_MASK & ~3ull);
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[at],0f\n"
                 "0: mvc  0(16,%[d]),0(%[s])\n"
                 "1:\n"
                 : [at] "=&d"(o.at), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [d] "a"(0x11f8), [s] "a"(src) : "r1", "memory");
    o.fired = rt_pgm_disarm(&o.pi);
    o.teid = rt_lc64(LC_TEID) & TEID_MASK;
    check_lap("mvc over 4607/4608", &o, 6, 0x1000 | TEID_LAP, TEID_MASK & ~3ull);
    rt_check_u64("mvc: unprotected bytes unchanged", rt_lc64(0x1200), 0x5555);
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[at],0f\n"
                 "  lgr   %%r2,%[v]\n"
                 "  lghi  %%r3,0x180\n"
                 "0: .insn rre,0xb2460000,%%r2,%%r3\n"     /* STURA */
                 "1:\n"
                 : [at] "=&d"(o.at), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [v] "d"(0x7777ull) : "r1", "r2", "r3", "memory");
    o.fired = rt_pgm_disarm(&o.pi);
    o.teid = rt_lc64(LC_TEID) & TEID_MASK;
    check_lap("stura at real 0x180", &o, 4, TEID_LAP, TEID_MASK & ~3ull);
    set_lap(false);
    rt_check_u64("real 511 unchanged", rt_lc8(0x1ff), before);
}

static void test_dat_on(void)
{
    struct outcome o;

    build_tables();
    rt_lctlg(1, (uintptr_t)stab | 3);
    memset(page_v0, 0, sizeof(page_v0));
    memset(page_v1, 0, sizeof(page_v1));
    set_lap(true);
    store8(0x100, 0xa1, true, &o);
    check_lap("virtual 0x100", &o, 6, TEID_LAP, TEID_MASK);
    rt_check_u64("virtual 0x100: DAT on in old PSW", o.pi.mask & PSW_MASK_DAT, PSW_MASK_DAT);
    store8(0x1100, 0xa2, true, &o);
    check_lap("virtual 0x1100", &o, 6, 0x1000 | TEID_LAP, TEID_MASK);
    rt_check(*(uint64_t *)(page_v0 + 0x100) == 0 && *(uint64_t *)(page_v1 + 0x100) == 0,
             "virtual 0x100, 0x1100: frames unchanged");
    store8(0x200, 0xa3, true, &o);
    rt_check(!o.fired && *(uint64_t *)(page_v0 + 0x200) == 0xa3, "virtual 0x200 allowed");
    store8(0x3000 + SCRATCH, 0xa4, true, &o);
    rt_check(!o.fired && rt_lc64(SCRATCH) == 0xa4,
             "virtual 0x3180 (real 0x180) allowed: the effective address counts");
    rt_lctlg(1, (uintptr_t)stab | 3 | ASCE_P);
    store8(0x100, 0xa5, true, &o);
    rt_check(!o.fired && *(uint64_t *)(page_v0 + 0x100) == 0xa5,
             "private space: virtual 0x100 allowed");
    rt_lctlg(1, (uintptr_t)stab | 3);
    set_lap(false);
    store8(0x1100, 0xa6, true, &o);
    rt_check(!o.fired && *(uint64_t *)(page_v1 + 0x100) == 0xa6, "LAP off: virtual 0x1100");
}

int main(void)
{
    test_dat_off();
    test_edges();
    test_dat_on();
    return 0;
}
