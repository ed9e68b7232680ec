/* Supervisor-call interruption (PoO ch. 6 "Supervisor-Call Interruption",
 * ch. 7 "SUPERVISOR CALL", "EXECUTE RELATIVE LONG"): the SVC old PSW keeps
 * the problem state, key, condition code, program mask, addressing mode,
 * DAT and address-space control of the PSW the SVC ran under and points
 * past the SVC; the interruption code is the I field (ORed with bits 56-63
 * of R1 under EXECUTE) and the ILC is that of the SVC or of the EXECUTE. */
#include "ident_map.h"
#include "psw_run.h"

static uint64_t stab[2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));

asm(".section .text\n"
    "  .balign 2\n"
    "svc_target: svc 0x20\n");

struct svc_seen {
    uint16_t ilc, code;
    uint64_t mask, addr, at;
};

/* Record what the last SVC stored. */
static void seen(struct svc_seen *s, uint64_t at)
{
    s->ilc = rt_lc16(LC_SVC_ILC);
    s->code = rt_lc16(LC_SVC_CODE);
    s->mask = rt_lc64(LC_SVC_OLD_PSW);
    s->addr = rt_lc64(LC_SVC_OLD_PSW + 8);
    s->at = at;
}

/* Check the SVC interruption: code, ILC field (0x88), old PSW. */
static void check_svc(const char *what, const struct svc_seen *s, unsigned code, unsigned ilc,
                      uint64_t mask)
{
    rt_checkf(s->code == code, "%s: code %u (got %u)", what, code, s->code);
    rt_checkf(s->ilc == ilc * 2, "%s: ilc %u", what, ilc);
    rt_checkf(s->mask == mask, "%s: old PSW mask", what);
    if (s->mask != mask)
        rt_diag("got 0x%016llx expected 0x%016llx", (unsigned long long)s->mask,
                (unsigned long long)mask);
    rt_checkf(s->addr == s->at + 2 * ilc, "%s: old PSW address past the instruction", what);
}

/* SVC 17 under @mask. */
static void svc_under(const char *what, uint64_t mask)
{
    struct rt_pgm_info pi;
    struct svc_seen s;
    uint64_t at;

    PSW_RUN(&pi, &at, mask, "svc 17", 0, 0);
    seen(&s, at);
    rt_checkf(!pi.fired, "%s: no program interruption", what);
    check_svc(what, &s, 17, 1, mask);
}

static void test_psw_kept(void)
{
    svc_under("supervisor, 64-bit", PSW_MASK_64);
    svc_under("problem state", PSW_MASK_64 | PSW_MASK_PSTATE);
    svc_under("key 3, cc 2, program mask 15", PSW_MASK_64 | 3ull << 52 | 2ull << 44 | 0xfull << 40);
    svc_under("31-bit mode", PSW_MASK_BA);
    svc_under("24-bit mode", 0);
    svc_under("24-bit mode, problem state, cc 3", PSW_MASK_PSTATE | 3ull << 44);
}

static void test_dat_modes(void)
{
    static const char *const name[4] = { "DAT on, primary", "DAT on, AR", "DAT on, secondary",
                                         "DAT on, home" };

    ident_map_16m(stab, ptab);
    rt_lctlg(1, (uintptr_t)stab | 3);
    rt_lctlg(7, (uintptr_t)stab | 3);
    rt_lctlg(13, (uintptr_t)stab | 3);
    for (unsigned asc = 0; asc < 4; asc++) {
        if (asc == 1)
            continue;       /* QEMU 7.2 TCG does not run in the AR mode */
        svc_under(name[asc], PSW_MASK_64 | PSW_MASK_DAT | (uint64_t)asc << 46);
    }
}

static void test_execute(void)
{
    struct rt_pgm_info pi;
    struct svc_seen s;
    uint64_t at;

    PSW_RUN(&pi, &at, PSW_MASK_64, "exrl %%r2,svc_target", 0x105, 0);
    seen(&s, at);
    check_svc("EXRL of SVC 0x20, R1 bits 56-63 0x05", &s, 0x25, 3, PSW_MASK_64);
    PSW_RUN(&pi, &at, PSW_MASK_64 | PSW_MASK_PSTATE, "larl %%r1,svc_target\n\tex %%r0,0(%%r1)",
            0, 0);
    seen(&s, at + 6);
    check_svc("EX of SVC 0x20 with R1 0, problem state", &s, 0x20, 2,
              PSW_MASK_64 | PSW_MASK_PSTATE);
    PSW_RUN(&pi, &at, PSW_MASK_64, "svc 0", 0, 0);
    seen(&s, at);
    check_svc("SVC 0", &s, 0, 1, PSW_MASK_64);
    PSW_RUN(&pi, &at, PSW_MASK_64, "svc 255", 0, 0);
    seen(&s, at);
    check_svc("SVC 255", &s, 255, 1, PSW_MASK_64);
}

int main(void)
{
    test_psw_kept();
    test_dat_modes();
    test_execute();
    return 0;
}
