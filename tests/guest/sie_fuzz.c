/* SIE fed random SCBs (SIE.md 3-4, 11): each round fills the SCB with random
 * bytes, keeps guest storage inside an arena of ours (MSO and MSL drawn in
 * it, storage-limit suppression off: with SM the guest would own our storage
 * by architecture), points the guest PSW at random code in the arena and
 * enters SIE with a host clock comparator armed, so a looping guest ends by
 * a host interruption. Every round must end in an architected way: an
 * interception code KVM knows (never 0x0C, 0x24 or 0x40), a host program
 * interruption of the kinds a guest access may cause, or the host timer.
 * Storage around the arena must stay untouched. sieve only (no SIE in QEMU
 * TCG). Rounds: FUZZ_ROUNDS (100000). */
#include "sie_common.h"

#define FUZZ_ROUNDS   100000u
#define ARENA         0x1000000ull      /* 16 MiB: guest storage lives in ... */
#define ARENA_SIZE    0x600000ull       /* ... 16-22 MiB */
#define CANARY_LO     (ARENA - 0x10000)
#define CANARY_HI     (ARENA + ARENA_SIZE)
#define CANARY_SIZE   0x10000ull
#define SLICE_US      40ull             /* host timer per round */

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint8_t fac[32] __attribute__((aligned(8)));
static uint64_t n_icpt[256], n_host_pgm[128], n_host_ext, n_skipped;
uint64_t fuzz_ext_count __attribute__((used));

/* xorshift64*: the next pseudo-random doubleword. */
static uint64_t rnd(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 0x2545f4914f6cdd1dull;
}

static uint8_t canary(uint64_t a)
{
    return (uint8_t)(a * 7 + (a >> 9));
}

/* The host external handler: a host timer interruption during SIE (or
 * right before it) ends the round after the SIE instruction, disabled. */
extern char fuzz_ext_entry[], fuzz_after[];
asm(".text\n"
    "fuzz_ext_entry:\n"
    "  stg   %r1,0x2e8\n"
    "  larl  %r1,fuzz_after\n"
    "  stg   %r1,0x138\n"
    "  ni    0x130,0xfe\n"
    "  larl  %r1,fuzz_ext_count\n"
    "  agsi  0(%r1),1\n"
    "  lg    %r1,0x2e8\n"
    "  lpswe 0x130\n");

/* One SIE with the host enabled for external interruptions; a host program
 * interruption resumes at fuzz_after too (rt_pgm_arm_at). */
static __attribute__((noinline)) void fuzz_sie(void)
{
    asm volatile("  stmg  %%r0,%%r15,0(%[hs])\n"
                 "  lgr   %%r14,%[scb]\n"
                 "  lgr   %%r15,%[gr]\n"
                 "  lmg   %%r0,%%r13,0(%%r15)\n"
                 "  stosm 0x2f0,0x01\n"
                 "  .insn s,0xb2140000,0(%%r14)\n"
                 "  .globl fuzz_after\n"
                 "fuzz_after:\n"
                 "  stnsm 0x2f0,0xfe\n"
                 "  larl  %%r1,sie_hsave\n"
                 "  lmg   %%r0,%%r15,0(%%r1)\n"
                 : : [hs] "a"(sie_hsave), [scb] "a"(scb), [gr] "a"(ggr) : "memory", "cc");
}

static void fill_random(uint64_t from, uint64_t len)
{
    for (uint64_t a = from; a < from + len; a += 8)
        st64((volatile void *)(uintptr_t)a, rnd());
}

/* A random SCB whose guest storage stays in the arena. */
static void random_scb(void)
{
    uint64_t r = rnd(), mso, msl;

    for (unsigned i = 0; i < sizeof(scb); i += 8)
        st64(scb + i, rnd());
    /* Mostly a z/Architecture guest, sometimes random flags; never SM. */
    if ((r & 15) == 0)                  /* random flags: mostly validity */
        st32(scb, ld32(scb) & ~CPUSTAT_SM);
    else if ((r & 15) < 4)              /* requests, rarely other bits */
        st32(scb, CPUSTAT_ZARCH | (ld32(scb) & 0x07000000u) |
                  ((r & 0x300) ? 0 : ld32(scb) & 0xfff7u & ~CPUSTAT_SM));
    else
        st32(scb, CPUSTAT_ZARCH);
    mso = ARENA + ((r >> 8) & 3) * 0x100000;
    msl = mso + ((r >> 10) & 1 ? 0x1fffff : ((r >> 11) & 0x1fffff));
    if (((r >> 32) & 15) == 0)
        msl = rnd();                    /* anything: validity or a small guest */
    if (msl > ARENA + ARENA_SIZE - 1 && msl >= mso)
        msl = ARENA + ARENA_SIZE - 1;   /* the guest never leaves the arena */
    st64(scb + 0x80, mso);
    st64(scb + 0x88, msl);
    if (((r >> 36) & 3) == 0)
        st32(scb + 0x04, (uint32_t)(rnd() & 0xfe000));   /* prefix below 1 MiB */
    else
        st32(scb + 0x04, 0);
    if ((r >> 38) & 7) {                /* mostly no SCA, else random */
        st32(scb + 0x5c, 0);
        st32(scb + 0x64, (r >> 41) & 1 ? (uint32_t)(uintptr_t)fac & ~0xfu : 0);
    }
    if ((r >> 42) & 3)
        st32(scb + 0x1a0, (r >> 44) & 1 ? (uint32_t)(uintptr_t)fac : 0);
    if ((r >> 45) & 1) {                /* a plausible guest PSW into the random code */
        st64(scb + 0x90, (ld64(scb + 0x90) & 0x070f3f0000000000ull) | PSW_MASK_64);
        st64(scb + 0x98, rnd() & 0x3fffe);
    }
    if ((r >> 46) & 1)
        st64(scb + 0x100, ld64(scb + 0x100) & ~0xffull);    /* guest CR0 */
}

static void check_canaries(const char *when)
{
    uint64_t bad = 0;

    for (uint64_t a = CANARY_LO; a < CANARY_LO + CANARY_SIZE; a++)
        bad += *(volatile uint8_t *)(uintptr_t)a != canary(a);
    for (uint64_t a = CANARY_HI; a < CANARY_HI + CANARY_SIZE; a++)
        bad += *(volatile uint8_t *)(uintptr_t)a != canary(a);
    rt_checkf(bad == 0, "storage around the guest arena untouched %s (%lu bytes changed)", when,
              (unsigned long)bad);
}

int main(void)
{
    volatile uint64_t *ext_new = (volatile uint64_t *)0x1b0;
    uint64_t saved_ext[2] = { ext_new[0], ext_new[1] };
    uint64_t bad_icpt = 0, bad_pgm = 0, tod;
    struct rt_pgm_info pi;

    for (uint64_t a = CANARY_LO; a < CANARY_LO + CANARY_SIZE; a++)
        *(volatile uint8_t *)(uintptr_t)a = canary(a);
    for (uint64_t a = CANARY_HI; a < CANARY_HI + CANARY_SIZE; a++)
        *(volatile uint8_t *)(uintptr_t)a = canary(a);
    fill_random(ARENA, ARENA_SIZE);
    fill_random((uintptr_t)fac, sizeof(fac));
    ext_new[0] = PSW_MASK_64;
    ext_new[1] = (uintptr_t)fuzz_ext_entry;
    rt_lctlg(0, rt_stctg(0) | 0x800);                   /* host ckc subclass */

    for (unsigned round = 0; round < FUZZ_ROUNDS; round++) {
        uint64_t ext_before = fuzz_ext_count;

        if ((round & 1023) == 1023)     /* fresh random code now and then */
            fill_random(ARENA + (rnd() & (ARENA_SIZE - 1) & ~0xffffull), 0x10000);
        random_scb();
        for (unsigned i = 0; i < 14; i++)
            ggr[i] = rnd();
        scb[0x50] = 0xff;               /* "SIE did not complete" marker */
        asm volatile("stck %0" : "=Q"(tod) : : "cc");
        tod += SLICE_US * 4096;
        asm volatile("sckc %0" : : "Q"(tod));
        rt_pgm_arm_at(fuzz_after);
        fuzz_sie();
        if (rt_pgm_disarm(&pi)) {
            n_host_pgm[pi.code & 0x7f]++;
            switch (pi.code & 0x7f) {
            case 0x04: case 0x05: case 0x10: case 0x11:
            case 0x38: case 0x39: case 0x3a: case 0x3b:
                break;
            default:
                if (bad_pgm++ < 5)
                    rt_diag("round %u: host program interruption 0x%x at %lx", round, pi.code,
                            (unsigned long)pi.addr);
            }
        } else if (fuzz_ext_count != ext_before) {
            if (scb[0x50] == 0xff)
                n_skipped++;            /* the timer came before SIE began */
            else
                n_host_ext++;
        } else {
            unsigned c = scb[0x50];

            n_icpt[c]++;
            if (c == 0xff || c == 0x0c || c == 0x24 || c == 0x40 || c == 0 || (c & 3)) {
                if (bad_icpt++ < 5)
                    rt_diag("round %u: icptcode 0x%x", round, c);
            }
        }
    }
    tod = ~0ull;
    asm volatile("sckc %0" : : "Q"(tod));
    rt_lctlg(0, rt_stctg(0) & ~0x800ull);
    ext_new[0] = saved_ext[0];
    ext_new[1] = saved_ext[1];

    rt_diag("%u rounds: host timer %lu, timer before entry %lu", FUZZ_ROUNDS,
            (unsigned long)n_host_ext, (unsigned long)n_skipped);
    for (unsigned c = 0; c < 256; c++)
        if (n_icpt[c])
            rt_diag("  icptcode 0x%02x: %lu", c, (unsigned long)n_icpt[c]);
    for (unsigned c = 0; c < 128; c++)
        if (n_host_pgm[c])
            rt_diag("  host program interruption 0x%02x: %lu", c, (unsigned long)n_host_pgm[c]);
    rt_check_u64("every round ended in an architected interception", bad_icpt, 0);
    rt_check_u64("host program interruptions only of guest-access kinds", bad_pgm, 0);
    rt_check(n_icpt[0x20] > 0 && n_icpt[0x04] > 0 && n_icpt[0x1c] + n_icpt[0x08] > 0,
             "the rounds reached validity, instruction and other interceptions");
    check_canaries("after the rounds");
    return 0;
}
