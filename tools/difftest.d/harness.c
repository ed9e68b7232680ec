/*
 * harness.c - guest side of tools/difftest.
 *
 * For every case generated in cases.S: fill the sandbox with seeded
 * pseudo-random bytes plus the case's patches, load the initial GPRs, access
 * registers, CC and program mask, run the case's instructions (dt_enter), and print one
 * line with everything they changed:
 *   <n> <cc><pm> <pgm> [r<i>=<hex> ...] [a<i>=<hex> ...] [f<i>=<hex> ...] [fpc=<hex>]
 *       [@<off>=<hex> ...] h=<hash>
 * <pgm> is "-" or code/ilc/offset-of-old-PSW-from-case-start[/dxc].
 */
#include "rt/rt.h"

#define SB_SIZE     0x3000
#define LC_INIT     0x300
#define LC_SPM      0x380
#define LC_FINAL    0x400
#define LC_IPM      0x480
#define LC_INIT_AR  0x4c0
#define LC_FINAL_AR 0x500
#define LC_INIT_FPR  0x540
#define LC_FINAL_FPR 0x5c0
#define LC_INIT_FPC  0x640
#define LC_FINAL_FPC 0x644
#define LC_ZERO_FPC  0x648
#define MAX_MEM     24

struct dt_case {
    uint64_t gpr[16];
    uint32_t spm;
    uint32_t npatch;
    uint64_t seed;
    const uint8_t *code;
    const uint8_t *patch;       /* npatch x { u16 offset, u8 len, bytes } */
    uint32_t ar[16];
    uint64_t fpr[16];
    uint32_t fpc;
    uint32_t pad;
};

extern const struct dt_case dt_cases[];
extern const uint32_t dt_ncases;
extern uint8_t dt_sandbox[];

void dt_enter(const uint8_t *code);
void dt_exit(void);

static uint64_t shadow[SB_SIZE / 8];

/* Fill the sandbox for case c and keep a copy in shadow. */
static void setup_sandbox(const struct dt_case *c)
{
    uint64_t x = c->seed | 1, *sb = (uint64_t *)dt_sandbox;
    const uint8_t *p = c->patch;
    unsigned i, j;

    for (i = 0; i < SB_SIZE / 8; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        sb[i] = x;
    }
    for (i = 0; i < c->npatch; i++) {
        unsigned off = (unsigned)p[0] << 8 | p[1], len = p[2];

        for (j = 0; j < len; j++)
            dt_sandbox[off + j] = p[3 + j];
        p += 3 + len;
    }
    for (i = 0; i < SB_SIZE / 8; i++)
        shadow[i] = sb[i];
}

/* Print the changed doublewords of the sandbox (at most MAX_MEM) and a
 * hash of the whole sandbox. */
static void report_sandbox(void)
{
    const uint64_t *sb = (const uint64_t *)dt_sandbox;
    uint64_t h = 0xcbf29ce484222325ull;
    unsigned i, n = 0;

    for (i = 0; i < SB_SIZE / 8; i++) {
        h = (h ^ sb[i]) * 0x100000001b3ull;
        h ^= h >> 29;
        if (sb[i] != shadow[i]) {
            if (n < MAX_MEM)
                rt_printf(" @%x=%016llx", i * 8, (unsigned long long)sb[i]);
            n++;
        }
    }
    if (n > MAX_MEM)
        rt_printf(" +%u", n - MAX_MEM);
    rt_printf(" h=%016llx\n", (unsigned long long)h);
}

int main(void)
{
    volatile uint64_t *init = (volatile uint64_t *)LC_INIT;
    volatile uint64_t *final = (volatile uint64_t *)LC_FINAL;
    struct rt_pgm_info pi;
    uint32_t n, i;

    for (n = 0; n < dt_ncases; n++) {
        const struct dt_case *c = &dt_cases[n];
        uint32_t ipm;

        setup_sandbox(c);
        for (i = 0; i < 16; i++)
            init[i] = c->gpr[i];
        for (i = 0; i < 16; i++)
            ((volatile uint32_t *)LC_INIT_AR)[i] = c->ar[i];
        for (i = 0; i < 16; i++)
            ((volatile uint64_t *)LC_INIT_FPR)[i] = c->fpr[i];
        *(volatile uint32_t *)LC_INIT_FPC = c->fpc;
        *(volatile uint32_t *)LC_ZERO_FPC = 0;
        *(volatile uint32_t *)LC_SPM = c->spm;
        rt_pgm_arm_at((const void *)dt_exit);
        dt_enter(c->code);
        rt_pgm_disarm(&pi);
        ipm = *(volatile uint32_t *)LC_IPM;
        rt_printf("%u %u%x ", n, rt_cc_from_ipm(ipm), rt_pm_from_ipm(ipm));
        if (pi.fired) {
            rt_printf("%x/%u/%lld", pi.code, pi.ilc,
                      (long long)(pi.addr - (uint64_t)(uintptr_t)c->code));
            if (pi.code == PGM_DATA)
                rt_printf("/%x", rt_lc32(0x90));
        } else {
            rt_printf("-");
        }
        for (i = 0; i < 16; i++)
            if (final[i] != c->gpr[i])
                rt_printf(" r%u=%llx", i, (unsigned long long)final[i]);
        for (i = 0; i < 16; i++)
            if (((volatile uint32_t *)LC_FINAL_AR)[i] != c->ar[i])
                rt_printf(" a%u=%x", i, ((volatile uint32_t *)LC_FINAL_AR)[i]);
        for (i = 0; i < 16; i++)
            if (((volatile uint64_t *)LC_FINAL_FPR)[i] != c->fpr[i])
                rt_printf(" f%u=%llx", i,
                          (unsigned long long)((volatile uint64_t *)LC_FINAL_FPR)[i]);
        if (*(volatile uint32_t *)LC_FINAL_FPC != c->fpc)
            rt_printf(" fpc=%x", *(volatile uint32_t *)LC_FINAL_FPC);
        report_sandbox();
    }
    return 0;
}
