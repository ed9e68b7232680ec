/* The IEEE-exception-simulation facility (PoO ch. 9 "SET FPC AND SIGNAL",
 * "LOAD FPC AND SIGNAL", "Data-Exception Code"): SFASR and LFAS load the
 * FPC from the operand with the current flags ORed into the new flags; a
 * current flag whose mask is one in the operand is a simulated IEEE
 * exception: a data exception after the FPC is loaded, whose DXC names the
 * highest-priority enabled flag (invalid 0x83, division by zero 0x43,
 * overflow 0x23 / 0x2b with an enabled inexact flag, underflow 0x13 / 0x1b,
 * inexact 0x0b, quantum 0x07), stored at 0x90 and, the AFP-register control
 * being one, in the FPC's DXC byte. The CC is unchanged. An invalid operand
 * is a specification exception with the FPC unchanged; with the AFP-register
 * control off both instructions are DFP-class: data exception, DXC 3. */
#include "bfp_common.h"

#define FPC_MQ      0x04000000u
#define FPC_FQ      0x00040000u
#define ALL_MASKS   (FPC_MI | FPC_MZ | FPC_MO | FPC_MU | FPC_MX)
#define ALL_FLAGS   (FPC_FI | FPC_FZ | FPC_FO | FPC_FU | FPC_FX)

struct sig_result {
    bool fired;
    unsigned code, ilc, cc;
    uint32_t fpc, lc_dxc;
    uint64_t addr, next;
};

/* Run SFASR (@lfas false) or LFAS with the FPC @old and operand @src, CC 1
 * beforehand. */
static struct sig_result signal_run(uint32_t old, uint32_t src, bool lfas)
{
    static uint32_t mem;
    struct sig_result r;
    struct rt_pgm_info pi;
    uint64_t ipm, fpc = 0, next;

    mem = src;
    *(volatile uint32_t *)0x90 = 0xffffffff;
    rt_pgm_arm();
    if (lfas)
        asm volatile("  sfpc  %[old]\n"
                     "  lghi  %%r0,-1\n"
                     "  ltgr  %%r0,%%r0\n"
                     "  lfas  %[mem]\n"
                     "1: larl %[next],1b\n"
                     "  ipm   %[ipm]\n"
                     "  efpc  %[fpc]\n"
                     "  sfpc  %[zero]\n"
                     : [ipm] "=&d"(ipm), [fpc] "+&d"(fpc), [next] "=&d"(next)
                     : [old] "d"((uint64_t)old), [mem] "Q"(mem), [zero] "d"(0ull)
                     : "r0", "cc");
    else
        asm volatile("  sfpc  %[old]\n"
                     "  lghi  %%r0,-1\n"
                     "  ltgr  %%r0,%%r0\n"
                     "  sfasr %[src]\n"
                     "1: larl %[next],1b\n"
                     "  ipm   %[ipm]\n"
                     "  efpc  %[fpc]\n"
                     "  sfpc  %[zero]\n"
                     : [ipm] "=&d"(ipm), [fpc] "+&d"(fpc), [next] "=&d"(next)
                     : [old] "d"((uint64_t)old), [src] "d"((uint64_t)src), [zero] "d"(0ull)
                     : "r0", "cc");
    r.fired = rt_pgm_disarm(&pi);
    r.code = r.fired ? pi.code : 0;
    r.ilc = pi.ilc;
    r.addr = pi.addr;
    r.next = next;
    r.cc = rt_cc_from_ipm(ipm);
    r.fpc = (uint32_t)fpc;
    r.lc_dxc = rt_lc32(0x90);
    return r;
}

struct sig_case {
    const char *name;
    uint32_t old, src;
    unsigned dxc;           /* 0: no interruption */
};

/* Every priority level, with lower-priority flags also enabled or not. */
static const struct sig_case cases[] = {
    { "all flags, all masks: invalid", ALL_FLAGS, ALL_MASKS, 0x83 },
    { "z o u x flags, all masks: division by zero", FPC_FZ | FPC_FO | FPC_FU | FPC_FX, ALL_MASKS,
      0x43 },
    { "o u x flags, all masks: overflow, inexact", FPC_FO | FPC_FU | FPC_FX, ALL_MASKS, 0x2b },
    { "o u flags, all masks: overflow, exact", FPC_FO | FPC_FU, ALL_MASKS, 0x23 },
    { "o x flags, o mask only: overflow, x not enabled", FPC_FO | FPC_FX, FPC_MO, 0x23 },
    { "o x flags, o x masks: overflow, inexact", FPC_FO | FPC_FX, FPC_MO | FPC_MX, 0x2b },
    { "u x flags, all masks: underflow, inexact", FPC_FU | FPC_FX, ALL_MASKS, 0x1b },
    { "u flag, all masks: underflow, exact", FPC_FU, ALL_MASKS, 0x13 },
    { "u x flags, u mask only: underflow, x not enabled", FPC_FU | FPC_FX, FPC_MU, 0x13 },
    { "x flag, all masks: inexact", FPC_FX, ALL_MASKS, 0x0b },
    { "i z flags, z mask: division by zero (i not enabled)", FPC_FI | FPC_FZ, FPC_MZ, 0x43 },
    { "q flag, q mask: quantum", FPC_FQ, FPC_MQ, 0x07 },
    { "x q flags, x q masks: inexact before quantum", FPC_FX | FPC_FQ, FPC_MX | FPC_MQ, 0x0b },
    { "all flags, no masks: nothing", ALL_FLAGS, 0, 0 },
    { "i flag, z o u x masks: nothing", FPC_FI, FPC_MZ | FPC_MO | FPC_MU | FPC_MX, 0 },
    { "no flags, all masks: nothing", 0, ALL_MASKS, 0 },
    { "operand flags and masks only: nothing", 0, ALL_MASKS | ALL_FLAGS, 0 },
    { "u flag, operand x flag: flags ORed", FPC_FU, FPC_FX | FPC_MI, 0 },
    { "operand DXC byte and rounding mode loaded", 0x0000ab01, 0x00001203, 0 },
    { "old DXC and mode dropped, o flag kept", FPC_FO | 0x0000cd02, FPC_MI | RO, 0 },
    { "i flag, i mask, mode 3, DXC byte replaced", FPC_FI | 0x0000ab00, FPC_MI | 0x00001203,
      0x83 },
};

static void test_cases(bool lfas)
{
    const char *insn = lfas ? "lfas" : "sfasr";

    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct sig_case *c = &cases[i];
        struct sig_result r = signal_run(c->old, c->src, lfas);
        uint32_t fpc = c->src | (c->old & 0x00ff0000u);

        if (c->dxc) {
            fpc = (fpc & 0xffff00ffu) | c->dxc << 8;
            rt_checkf(r.code == PGM_DATA && r.lc_dxc == c->dxc && r.ilc == 2 &&
                      r.addr == r.next,
                      "%s %s: data exception, DXC 0x%02x at 0x90, ILC 2, PSW next", insn,
                      c->name, c->dxc);
        } else {
            rt_checkf(!r.fired, "%s %s: no interruption", insn, c->name);
        }
        if (!rt_checkf(r.fpc == fpc, "  FPC 0x%08x", fpc))
            rt_diag("got FPC 0x%08x code 0x%x DXC 0x%x", r.fpc, r.code, r.lc_dxc);
        rt_checkf(r.cc == 1, "  CC unchanged");
    }
}

/* Reserved bits and the rounding modes 4-6: specification exception, FPC
 * unchanged (and no simulated exception although i is flagged and the
 * operand's i mask is one). */
static void test_invalid(void)
{
    static const uint32_t bad[] = { FPC_MI | 4, FPC_MI | 5, FPC_MI | 6, FPC_MI | 0x01000000,
                                    FPC_MI | 0x00010000, FPC_MI | 0x00000080, FPC_MI | 8 };

    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct sig_result s = signal_run(FPC_FI | 1, bad[i], false);
        struct sig_result l = signal_run(FPC_FI | 1, bad[i], true);

        rt_checkf(s.code == PGM_SPECIFICATION && s.fpc == (FPC_FI | 1),
                  "sfasr 0x%08x: specification, FPC unchanged", bad[i]);
        rt_checkf(l.code == PGM_SPECIFICATION && l.fpc == (FPC_FI | 1),
                  "lfas 0x%08x: specification, FPC unchanged", bad[i]);
    }
}

static void test_afp_off(void)
{
    uint32_t dxc;
    unsigned code;
    uint64_t fpc = 0;

    asm volatile("sfpc %0" : : "d"((uint64_t)FPC_FX));
    code = AFP_OFF_RUN("sfasr %%r0", FPC_MX, &dxc);
    rt_checkf(code == PGM_DATA && dxc == 3, "AFP control off: sfasr, data exception DXC 3");
    code = AFP_OFF_RUN("lfas 0(%%r1)", FPC_MX, &dxc);
    rt_checkf(code == PGM_DATA && dxc == 3, "AFP control off: lfas, data exception DXC 3");
    asm volatile("efpc %0\n\tsfpc %1" : "+d"(fpc) : "d"(0ull));
    rt_check_u64("  FPC unchanged", (uint32_t)fpc, FPC_FX);
}

int main(void)
{
    test_cases(false);
    test_cases(true);
    test_invalid();
    test_afp_off();
    return 0;
}
