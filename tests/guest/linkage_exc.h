/* Running one linkage-stack, PC or ASN instruction from a stub and checking
 * the program interruption it takes: code, ILC and old PSW. */
#ifndef LINKAGE_EXC_H
#define LINKAGE_EXC_H

#include "linkage_common.h"

static uint8_t stub[16] __attribute__((aligned(8)));

enum { DAT_OFF, PRIMARY, SECONDARY, HOME, AR };

/* Run the instruction @insn (@len bytes) once from a stub, DAT on in the
 * space @mode (SACF) or DAT off, with GR2 = @gr2, GR4 = @gr4. */
static inline void run(const uint8_t *insn, unsigned len, unsigned mode, uint64_t gr2,
                       uint64_t gr4, struct outcome *o)
{
    static const uint64_t sac_code[5] = { 0, 0x000, 0x100, 0x300, 0x200 };
    const uint8_t on = mode == DAT_OFF ? 0x00 : 0x04, off = 0;
    const uint64_t args[4] = { mode != DAT_OFF, sac_code[mode], gr2, gr4 };

    memcpy(stub, insn, len);
    stub[len] = 0x07;                   /* br %r14 */
    stub[len + 1] = 0xfe;
    o->at = (uintptr_t)stub;
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lmg   %%r10,%%r11,0(%[a])\n"
                 "  lg    %%r2,16(%[a])\n"
                 "  lg    %%r4,24(%[a])\n"
                 "  ssm   %[on]\n"
                 "  ltgr  %%r10,%%r10\n"
                 "  jz    0f\n"
                 "  sacf  0(%%r11)\n"
                 "0: basr %%r14,%[s]\n"
                 "1: ltgr %%r10,%%r10\n"
                 "  jz    2f\n"
                 "  sacf  0\n"
                 "2: ssm  %[off]\n"
                 : [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : [a] "a"(args), [s] "a"(stub), [on] "Q"(on), [off] "Q"(off)
                 : "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r10", "r11", "r14", "cc",
                   "memory");
    o->fired = rt_pgm_disarm(&o->pi);
    o->teid = rt_lc64(LC_TEID);
}

/* Check that @o took program interruption @code with ILC @ilc, the old PSW
 * at the instruction (@nullified) or after it. */
static inline void expect(const char *what, const struct outcome *o, unsigned code,
                          unsigned ilc, bool nullified)
{
    uint64_t addr = o->at + (nullified ? 0 : 2 * ilc);

    rt_checkf(o->fired && o->pi.code == code, "%s: code %#x", what, code);
    if (o->fired && o->pi.code != code)
        rt_diag("got code %#x", o->pi.code);
    rt_checkf(o->fired && o->pi.ilc == ilc && o->pi.addr == addr, "%s: ILC %u, old PSW %s",
              what, ilc, nullified ? "at the instruction" : "after it");
}

/* One instruction in one mode and the interruption it must take. */
struct exc_case {
    const char *what;
    const uint8_t *insn;
    unsigned len, mode;
    uint64_t gr2;
    unsigned code, ilc;
    bool nullified;
    bool has_teid;          /* check the TEID (0xa8) too */
    uint64_t teid;
};

static inline void run_cases(const struct exc_case *c, unsigned n)
{
    struct outcome o;

    for (unsigned i = 0; i < n; i++) {
        run(c[i].insn, c[i].len, c[i].mode, c[i].gr2, 0, &o);
        expect(c[i].what, &o, c[i].code, c[i].ilc, c[i].nullified);
        if (c[i].has_teid)
            rt_checkf(o.teid == c[i].teid, "%s: TEID %#llx", c[i].what,
                      (unsigned long long)c[i].teid);
    }
}

#endif
