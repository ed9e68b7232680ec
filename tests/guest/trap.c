/*
 * trap.c - COMPARE AND TRAP in every form: a selected result gives a data
 * exception with DXC FF (lowcore 0x90), the old PSW after the instruction;
 * an unselected one falls through.
 */
#include "rt/rt.h"

struct trap_result {
    bool fired;
    uint16_t code, ilc;
    uint32_t dxc;
    bool addr_ok;
};

/* Execute @insn_text with operands A_ (%[a]) and B_ (%[b]). */
#define TRAP(res, insn_text, A_, B_) do {                                       \
    struct rt_pgm_info pi_;                                                     \
    uint64_t next_;                                                             \
    *(volatile uint32_t *)0x90 = 0;                                             \
    rt_pgm_arm();                                                               \
    asm volatile("  larl  %%r1,1f\n"                                            \
                 "  stg   %%r1,%[slot]\n"                                       \
                 "  larl  %[next],1f\n"                                         \
                 "  " insn_text "\n"                                            \
                 "1:\n"                                                         \
                 : [next] "=&d"(next_), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME) \
                 : [a] "d"(A_), [b] "d"(B_) : "r1", "memory");                  \
    (res).fired = rt_pgm_disarm(&pi_);                                          \
    (res).code = pi_.code;                                                      \
    (res).ilc = pi_.ilc;                                                        \
    (res).dxc = rt_lc32(0x90);                                                  \
    (res).addr_ok = pi_.addr == next_;                                          \
} while (0)

static void expect_trap(const char *name, struct trap_result r, unsigned ilc)
{
    rt_checkf(r.fired && r.code == PGM_DATA, "%s: data exception", name);
    rt_checkf(r.dxc == 0xff, "%s: dxc ff", name);
    rt_checkf(r.ilc == ilc, "%s: ilc %u", name, ilc);
    rt_checkf(r.addr_ok, "%s: old psw after the instruction", name);
}

static void expect_no_trap(const char *name, struct trap_result r)
{
    rt_checkf(!r.fired, "%s: no trap", name);
}

int main(void)
{
    const uint64_t five = 0xffffffff00000005ull, seven = 7;
    const uint64_t m2 = 0xfffffffeull;        /* -2 in 32 bits, large positive in 64 */
    struct trap_result r;

    TRAP(r, "crt %[a],%[b],4", five, seven);
    expect_trap("crt 5<7 mask low", r, 2);
    TRAP(r, "crt %[a],%[b],10", five, seven);
    expect_no_trap("crt 5<7 mask eq|high", r);
    TRAP(r, "cgrt %[a],%[b],4", five, seven);
    expect_trap("cgrt negative < 7", r, 2);
    TRAP(r, "cgrt %[a],%[b],8", seven, seven);
    expect_trap("cgrt equal", r, 2);
    TRAP(r, "clrt %[a],%[b],2", m2, five);
    expect_trap("clrt fffffffe > 5", r, 2);
    TRAP(r, "clgrt %[a],%[b],4", m2, five);
    expect_trap("clgrt fffffffe < ffffffff00000005", r, 2);
    TRAP(r, "clgrt %[a],%[b],0", m2, five);
    expect_no_trap("clgrt mask 0", r);

    TRAP(r, "cit %[a],-2,8", m2, seven);
    expect_trap("cit -2 == -2", r, 3);
    TRAP(r, "cgit %[a],-2,8", m2, seven);
    expect_no_trap("cgit fffffffe != -2 (64-bit)", r);
    TRAP(r, "cgit %[a],-32768,2", m2, seven);
    expect_trap("cgit > -32768", r, 3);
    TRAP(r, "clfit %[a],65535,2", m2, seven);
    expect_trap("clfit fffffffe > 65535 (unsigned immediate)", r, 3);
    TRAP(r, "clfit %[a],65535,4", seven, seven);
    expect_trap("clfit 7 < 65535", r, 3);
    TRAP(r, "clgit %[a],65535,2", five, seven);
    expect_trap("clgit 64-bit", r, 3);
    TRAP(r, "clgit %[a],7,6", seven, seven);
    expect_no_trap("clgit equal, mask low|high", r);
    return 0;
}
