/* Restart interruption (PoO ch. 6 "Restart Interruption", ch. 4 "Signal-
 * Processor Orders", restart): SIGP restart addressed to this CPU is
 * accepted with CC 0 and the restart interruption follows, whatever the
 * PSW's masks: the current PSW, past the SIGP, is stored at 0x120 as the
 * restart old PSW (with its CC, program mask, key, addressing mode and
 * DAT/address-space bits) and the PSW at 0x1a0 becomes current. */
#include "ident_map.h"

#define LC_RESTART_OLD  0x120
#define LC_RESTART_NEW  0x1a0
#define SIGP_RESTART    6

static uint64_t stab[2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));
static uint64_t go[2] __attribute__((aligned(16)));

struct restart_seen {
    unsigned cc;            /* SIGP's CC as the restart old PSW shows it */
    uint64_t mask, addr;    /* restart old PSW */
    uint64_t next;          /* address after the SIGP */
    uint64_t new_mask;      /* the PSW mask the restart handler ran with */
};

/*
 * Under the PSW mask @mask, SIGP restart to this CPU; the restart new PSW
 * (64-bit, disabled, with the restart key @key) leads to a label that
 * records its own mask with EPSW and goes on in the 64-bit supervisor state
 * with key 0.
 */
static void restart_self(uint64_t mask, unsigned key, struct restart_seen *r)
{
    volatile uint64_t *rnew = (volatile uint64_t *)LC_RESTART_NEW;
    uint64_t saved[2] = { rnew[0], rnew[1] }, hi = 0, lo = 0;

    rnew[0] = PSW_MASK_64 | (uint64_t)key << 52;
    go[0] = mask;
    asm volatile("  larl  %%r1,3f\n"
                 "  stg   %%r1,%[rnia]\n"
                 "  larl  %%r1,1f\n"
                 "  stg   %%r1,%[goia]\n"
                 "  larl  %[next],2f\n"
                 "  lgr   %%r2,%[cpu]\n"
                 "  lpswe %[go]\n"
                 "1: sigp %%r0,%%r2,%[order]\n"
                 "2: j    2b\n"                 /* not reached: restart comes first */
                 "3: epsw %[hi],%[lo]\n"
                 "  spka  0\n"
                 : [next] "=&d"(r->next), [rnia] "=m"(*(uint64_t *)(LC_RESTART_NEW + 8)),
                   [goia] "=Q"(go[1]), [hi] "+d"(hi), [lo] "+d"(lo)
                 : [go] "Q"(go), [cpu] "d"((uint64_t)rt_stap()), [order] "i"(SIGP_RESTART)
                 : "r0", "r1", "r2", "cc", "memory");
    rnew[0] = saved[0];
    rnew[1] = saved[1];
    r->mask = rt_lc64(LC_RESTART_OLD);
    r->addr = rt_lc64(LC_RESTART_OLD + 8);
    r->cc = psw_mask_cc(r->mask);
    r->new_mask = (hi & 0xffffffff) << 32 | (lo & 0xffffffff);
}

/* Restart under @mask: CC 0, the old PSW, the new PSW's key. */
static void check_restart(const char *what, uint64_t mask, unsigned key)
{
    struct restart_seen r;

    restart_self(mask, key, &r);
    rt_checkf(r.cc == 0, "%s: SIGP restart cc 0", what);
    rt_checkf((r.mask & ~PSW_MASK_CC) == mask, "%s: restart old PSW mask", what);
    if ((r.mask & ~PSW_MASK_CC) != mask)
        rt_diag("got 0x%016llx expected 0x%016llx", (unsigned long long)r.mask,
                (unsigned long long)mask);
    rt_checkf(r.addr == r.next, "%s: restart old PSW address past the SIGP", what);
    rt_checkf((r.new_mask & ~PSW_MASK_CC) == (PSW_MASK_64 | (uint64_t)key << 52),
              "%s: handler runs under the restart new PSW", what);
}

int main(void)
{
    ident_map_16m(stab, ptab);
    rt_lctlg(1, (uintptr_t)stab | 3);
    rt_lctlg(7, (uintptr_t)stab | 3);
    rt_lctlg(13, (uintptr_t)stab | 3);
    check_restart("disabled, 64-bit", PSW_MASK_64, 0);
    check_restart("program mask 15, key 6", PSW_MASK_64 | 0xfull << 40 | 6ull << 52, 0);
    check_restart("31-bit mode", PSW_MASK_BA, 0);
    check_restart("DAT on, home space", PSW_MASK_64 | PSW_MASK_DAT | 3ull << 46, 0);
    check_restart("DAT on, secondary space, new PSW key 9",
                  PSW_MASK_64 | PSW_MASK_DAT | 2ull << 46, 9);
    return 0;
}
