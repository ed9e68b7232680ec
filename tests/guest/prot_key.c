/* Key-controlled protection (PoO ch. 3, "Key-Controlled Protection",
 * "Fetch-Protection Override", "Storage-Protection Override"): a store needs
 * PSW key 0 or the frame's access-control bits; a fetch also passes when the
 * fetch-protection bit is zero. TLB-cached permissions follow SPKA and SSKE.
 * TEST PROTECTION reports with the key it is given (PoO ch. 10), and MVCOS
 * checks its operands with the keys of its OACs. Sieve only: QEMU 7.2 TCG
 * does not enforce key-controlled protection (see qemu-deviations.txt). */
#include "ident_map.h"

#define LC_TEID     0xa8
#define CR0_FPO     (1ull << (63 - 38))
#define CR0_SPO     (1ull << (63 - 39))

static volatile uint64_t frame[512] __attribute__((aligned(4096)));
static uint64_t stab[2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));
static const uint8_t sm_dat = 0x04, sm_off = 0x00;

static void sske(uint64_t key, volatile void *addr)
{
    asm volatile("sske %0,%1" : : "d"(key), "a"(addr) : "memory");
}

/* With PSW key @key (and DAT on if @dat) store @v at @addr (STG) when
 * @store, else fetch from it (LG). Returns the value fetched. */
static uint64_t access(bool store, uint64_t addr, uint64_t v, unsigned key, bool dat,
                       struct outcome *o)
{
    const uint8_t on = dat ? sm_dat : sm_off;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,2f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  spka  0(%[k])\n"
                 "  ssm   %[on]\n"
                 "  ltgr  %[w],%[w]\n"
                 "  jz    3f\n"
                 "  larl  %[at],1f\n"
                 "1: stg  %[v],0(%[a])\n"
                 "  j     2f\n"
                 "3: larl %[at],4f\n"
                 "4: lg   %[v],0(%[a])\n"
                 "2: ssm  %[off]\n"
                 "  spka  0\n"
                 : [at] "=&d"(o->at), [v] "+&d"(v), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [a] "a"(addr), [w] "d"((uint64_t)store), [k] "a"((uint64_t)key << 4),
                   [on] "Q"(on), [off] "Q"(sm_off)
                 : "r1", "cc", "memory");
    o->fired = rt_pgm_disarm(&o->pi);
    o->teid = rt_lc64(LC_TEID);
    return v;
}

/* Check a protection exception of the STG/LG at o->at: code 4, ILC 3, old
 * PSW past the instruction, TEID bits 56 and 61 zero (ESOP: key-controlled). */
static void check_key_prot(const char *what, const struct outcome *o)
{
    rt_checkf(o->fired && o->pi.code == PGM_PROTECTION, "%s: protection (code 0x%x)", what,
              o->pi.code);
    rt_checkf(o->pi.ilc == 3, "%s: ilc 3", what);
    rt_checkf(o->pi.addr == o->at + 6, "%s: old PSW past the instruction", what);
    rt_checkf((o->teid & 0x84) == 0, "%s: TEID bits 56 and 61 zero", what);
    rt_checkf(((o->pi.mask >> 52) & 0xf) != 0, "%s: old PSW has the test key", what);
}

static void test_store_fetch(void)
{
    uint64_t a = (uintptr_t)&frame[8];
    struct outcome o;
    uint64_t v;

    frame[8] = 0x11;
    sske(0x30, frame);
    access(true, a, 0x22, 3, false, &o);
    rt_check(!o.fired && frame[8] == 0x22, "key 3 stores into an ACC 3 frame");
    access(true, a, 0x33, 4, false, &o);
    check_key_prot("key 4 store into ACC 3", &o);
    rt_check_u64("key 4 store: frame unchanged", frame[8], 0x22);
    v = access(false, a, 0, 4, false, &o);
    rt_check(!o.fired && v == 0x22, "key 4 fetches from ACC 3, F 0");
    access(true, a, 0x44, 0, false, &o);
    rt_check(!o.fired && frame[8] == 0x44, "key 0 stores anywhere");

    sske(0x38, frame);
    v = access(false, a, 0, 4, false, &o);
    check_key_prot("key 4 fetch from ACC 3, F 1", &o);
    rt_check_u64("fetch-protected: register unchanged", v, 0);
    v = access(false, a, 0, 3, false, &o);
    rt_check(!o.fired && v == 0x44, "key 3 fetches from ACC 3, F 1");

    /* The TLB follows SPKA and SSKE: fill with key 3, then change. */
    sske(0x30, frame);
    access(true, a, 0x55, 3, false, &o);
    rt_check(!o.fired && frame[8] == 0x55, "key 3 store (fills the TLB)");
    sske(0x50, frame);
    access(true, a, 0x66, 3, false, &o);
    check_key_prot("after SSKE to ACC 5, key 3 store", &o);
    sske(0x00, frame);
}

static void test_overrides(void)
{
    uint64_t a = (uintptr_t)&frame[16];
    uint64_t cr0 = rt_stctg(0);
    struct outcome o;
    uint64_t v;

    sske(0x90, frame);
    access(true, a, 0x77, 4, false, &o);
    check_key_prot("ACC 9, CR0 bit 39 zero: key 4 store", &o);
    rt_lctlg(0, cr0 | CR0_SPO);
    access(true, a, 0x77, 4, false, &o);
    rt_check(!o.fired && frame[16] == 0x77, "storage-protection override: key 4 stores to ACC 9");
    rt_lctlg(0, cr0);
    sske(0x00, frame);

    /* Fetch-protection override: real 0-2047 of a fetch-protected frame. */
    *(volatile uint64_t *)0x180 = 0x99;
    sske(0x58, (void *)0);
    v = access(false, 0x180, 0, 4, false, &o);
    check_key_prot("real 0x180 fetch-protected, CR0 bit 38 zero", &o);
    rt_lctlg(0, cr0 | CR0_FPO);
    v = access(false, 0x180, 0, 4, false, &o);
    rt_check(!o.fired && v == 0x99, "fetch-protection override: real 0x180");
    access(false, 0x900, 0, 4, false, &o);
    check_key_prot("fetch-protection override ends at 2047", &o);
    rt_lctlg(0, cr0);
    sske(0x00, (void *)0);
}

/* TPROT of @addr with access key @key. Returns the CC. */
static unsigned tprot(uint64_t addr, unsigned key)
{
    uint64_t ipm;

    asm volatile("tprot 0(%1),0(%2)\n\tipm %0"
                 : "=d"(ipm) : "a"(addr), "a"((uint64_t)key << 4) : "cc");
    return rt_cc_from_ipm(ipm);
}

static void test_tprot(void)
{
    uint64_t a = (uintptr_t)frame;

    sske(0x30, frame);
    rt_check_u64("tprot key 3 on ACC 3: cc 0", tprot(a, 3), 0);
    rt_check_u64("tprot key 0 on ACC 3: cc 0", tprot(a, 0), 0);
    rt_check_u64("tprot key 4 on ACC 3, F 0: cc 1", tprot(a, 4), 1);
    sske(0x38, frame);
    rt_check_u64("tprot key 4 on ACC 3, F 1: cc 2", tprot(a, 4), 2);
    sske(0x00, frame);
}

/* With DAT on: the key of the frame behind the page counts, and MVCOS
 * checks each operand with the key its OAC names. */
static void test_dat(void)
{
    uint64_t a = (uintptr_t)&frame[24];
    uint64_t src = 0xabcd, ipm;
    struct rt_pgm_info pi;
    struct outcome o;
    uint8_t sm;

    ident_map_16m(stab, ptab);
    rt_lctlg(1, (uintptr_t)stab | 3);
    rt_lctlg(7, (uintptr_t)stab | 3);
    sske(0x30, frame);
    access(true, a, 0x12, 4, true, &o);
    check_key_prot("DAT on: key 4 store into ACC 3", &o);
    rt_check_u64("DAT on: TEID page", o.teid & ~0xfffull, a & ~0xfffull);
    access(true, a, 0x13, 3, true, &o);
    rt_check(!o.fired && frame[24] == 0x13, "DAT on: key 3 store");

    /* MVCOS, OAC1 key 4 (K=1, A=1 primary) */
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  stosm %[sm],0x04\n"
                 "  llilf %%r0,0x40030000\n"
                 "  lghi  %%r2,8\n"
                 "  .insn ssf,0xc80000000000,0(%[d]),0(%[s]),%%r2\n"
                 "1: stnsm %[sm],0xfb\n"
                 "  ipm   %[ipm]\n"
                 : [sm] "=Q"(sm), [ipm] "=d"(ipm), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [d] "a"(a), [s] "a"(&src) : "r0", "r1", "r2", "cc", "memory");
    rt_check(rt_pgm_disarm(&pi) && pi.code == PGM_PROTECTION,
             "mvcos with OAC1 key 4 into ACC 3: protection");
    rt_check_u64("mvcos key 4: frame unchanged", frame[24], 0x13);
    rt_pgm_arm();
    asm volatile("  stosm %[sm],0x04\n"
                 "  llilf %%r0,0x30030000\n"
                 "  lghi  %%r2,8\n"
                 "  .insn ssf,0xc80000000000,0(%[d]),0(%[s]),%%r2\n"
                 "  stnsm %[sm],0xfb\n"
                 "  ipm   %[ipm]\n"
                 : [sm] "=Q"(sm), [ipm] "=d"(ipm)
                 : [d] "a"(a), [s] "a"(&src) : "r0", "r2", "cc", "memory");
    rt_check(!rt_pgm_disarm(&pi), "mvcos with OAC1 key 3: no interruption");
    rt_check_u64("mvcos key 3: moved", frame[24], 0xabcd);
    sske(0x00, frame);
}

int main(void)
{
    test_store_fetch();
    test_overrides();
    test_tprot();
    test_dat();
    return 0;
}
