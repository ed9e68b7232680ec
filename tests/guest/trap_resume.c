/* TRAP2, TRAP4 and RESUME PROGRAM (PoO ch. 10 "TRAP", "RESUME PROGRAM"):
 * with DAT on, a trap through the trap control block in DUCT word 11 saves
 * the flags, TRAP4's operand address, AR15, the PSW and the registers in
 * the trap save area (home space) and enters the trap program in the 31-bit
 * mode with GR15 = the TCB address; the trap program returns with RP, which
 * reloads the PSW, AR15 and GR15 from the save area. Also EXECUTE of TRAP2,
 * the special-operation and specification exceptions. QEMU 7.2 implements
 * none of these: sieve only (qemu-deviations.txt). */
#include "space_common.h"

#define PGM_SPECIAL_OP  0x13
#define TCB_P           0x00040000u
#define TCB_R           0x00020000u

static uint32_t duct[16] __attribute__((aligned(64)));
static uint32_t tcb[8] __attribute__((aligned(8)));
static uint64_t tsa[24] __attribute__((aligned(8)));
static uint64_t seen_gr15, seen_psw;    /* stored by the trap program */

/* The trap program: note GR15 and the PSW, then RP from the save area with
 * B2 = 15: the PSW at +16 (16 bytes, or 8 in the ESA/390 form when the TCB's
 * P bit is zero), AR15 at +12, and GR15 as a doubleword at +32 + 15 * 8
 * (flags 6) or, when the R bit is zero, as a word at +32 + 15 * 4 (flags 4,
 * or 0 with the 8-byte PSW). */
asm(".section .text\n"
    "  .balign 8\n"
    "tp_entry:\n"
    "  larl  %r1,seen_gr15\n"
    "  stg   %r15,0(%r1)\n"
    "  epsw  %r0,%r1\n"
    "  sllg  %r0,%r0,32\n"
    "  lr    %r0,%r1\n"
    "  larl  %r1,seen_psw\n"
    "  stg   %r0,0(%r1)\n"
    "  l     %r0,0(%r15)\n"
    "  l     %r15,12(%r15)\n"
    "  nilf  %r15,0x7ffffff8\n"
    "  tmlh  %r0,0x0004\n"
    "  jz    9f\n"
    "  tmlh  %r0,0x0002\n"
    "  jz    8f\n"
    "  .insn s,0xb2770000,0(%r15)\n"
    "  .short 0x0006,16,12,152\n"
    "8: .insn s,0xb2770000,0(%r15)\n"
    "  .short 0x0004,16,12,92\n"
    "9: .insn s,0xb2770000,0(%r15)\n"
    "  .short 0x0000,16,12,92\n"
    "tp_target: .insn e,0x01ff\n"
    "  .previous\n");
extern const char tp_entry[], tp_target[];

static void setup(uint32_t tcb0)
{
    memset(duct, 0, sizeof(duct));
    duct[11] = (uint32_t)(uintptr_t)tcb | 1;
    memset(tcb, 0, sizeof(tcb));
    tcb[0] = tcb0;
    tcb[3] = (uint32_t)(uintptr_t)tsa;
    tcb[5] = (uint32_t)(uintptr_t)tp_entry;
    memset(tsa, 0xee, sizeof(tsa));
    rt_lctlg(2, (uintptr_t)duct);
    seen_gr15 = seen_psw = 0;
}

struct trap_run {
    uint64_t r2, r15, ar15;
    uint64_t at;            /* address of the trap */
};

/* TRAP2 (or TRAP4 of 0x123(r2) when @trap4, or EX of TRAP2 when @ex) with
 * DAT on, GR2 = 0x2222, AR15 = 0xa15; back through RP. */
static void trap_round(bool trap4, bool ex, struct trap_run *r)
{
    uint8_t sm;
    uint32_t ar15;

    asm volatile("  stosm %[sm],0x04\n"
                 "  lghi  %%r2,0x2222\n"
                 "  lhi   %%r1,0xa15\n"
                 "  sar   %%a15,%%r1\n"
                 "  larl  %%r1,tp_target\n"
                 "  ltgr  %[t4],%[t4]\n"
                 "  jnz   4f\n"
                 "  ltgr  %[ex],%[ex]\n"
                 "  jnz   5f\n"
                 "  larl  %[at],0f\n"
                 "0: .insn e,0x01ff\n"
                 "  j     1f\n"
                 "4: larl %[at],6f\n"
                 "6: .insn s,0xb2ff0000,0x123(%%r2)\n"
                 "  j     1f\n"
                 "5: larl %[at],7f\n"
                 "7: ex   0,0(%%r1)\n"
                 "1: lgr  %[r2],%%r2\n"
                 "  lgr   %[r15],%%r15\n"
                 "  ear   %[ar15],%%a15\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [r2] "=&d"(r->r2), [r15] "=&d"(r->r15),
                   [ar15] "=&d"(ar15), [at] "=&d"(r->at)
                 : [t4] "d"((uint64_t)trap4), [ex] "d"((uint64_t)ex)
                 : "r0", "r1", "r2", "cc", "memory");
    r->ar15 = ar15;
}

static void test_trap2(void)
{
    struct trap_run r;

    setup(TCB_P | TCB_R);
    trap_round(false, false, &r);
    rt_check_u64("trap2: trap program got GR15 = TCB address", seen_gr15, (uintptr_t)tcb);
    rt_check_u64("trap2: trap program in the 31-bit primary mode",
                 seen_psw & (0x0000c00180000000ull), 0x80000000ull);
    rt_check_u64("trap2 flags: ILC 2", tsa[0] >> 32, 0x00020000);
    rt_check_u64("trap2: +8 zero, +12 AR15", tsa[1], 0xa15);
    rt_check_u64("trap2: PSW address after the TRAP2", tsa[3], r.at + 2);
    rt_check_u64("trap2: PSW 64-bit, DAT on", tsa[2] & 0x0400000180000000ull,
                 0x0400000180000000ull);
    rt_check_u64("trap2: GR2 saved (64-bit)", tsa[4 + 2], 0x2222);
    rt_check_u64("trap2: GR15 saved", tsa[4 + 15], r.r15);
    rt_check_u64("rp: back after the TRAP2 with GR2 kept", r.r2, 0x2222);
    rt_check_u64("rp: AR15 from the save area", r.ar15, 0xa15);
}

static void test_trap4_ex(void)
{
    struct trap_run r;

    setup(TCB_P | TCB_R);
    trap_round(true, false, &r);
    rt_check_u64("trap4 flags: TRAP4, ILC 4", tsa[0] >> 32, 0x40040000);
    rt_check_u64("trap4: operand address at +8", tsa[1] >> 32, 0x2222 + 0x123);
    rt_check_u64("trap4: PSW address after the TRAP4", tsa[3], r.at + 4);
    rt_check_u64("trap4 then rp: GR2 kept", r.r2, 0x2222);
    setup(TCB_P);
    trap_round(false, true, &r);
    rt_check_u64("ex of trap2: flags EXECUTE, ILC 4", tsa[0] >> 32, 0x80040000);
    rt_check_u64("ex of trap2: PSW address after the EX", tsa[3], r.at + 4);
    rt_check_u64("R bit zero: GR2 saved as a word at +40", tsa[5] >> 32, 0x2222);
}

/* TRAP2 in the 31-bit mode with the TCB's P and R bits zero: the ESA/390
 * PSW in the save area, and RP back with the 8-byte PSW. */
static void test_trap_esa390(void)
{
    uint64_t at, r2, mask;
    uint8_t sm;

    setup(0);
    asm volatile("  stosm %[sm],0x04\n"
                 "  lghi  %%r2,0x2323\n"
                 "  sam31\n"
                 "  larl  %[at],0f\n"
                 "0: .insn e,0x01ff\n"
                 "  epsw  %%r0,%%r1\n"
                 "  sam64\n"
                 "  sllg  %[mask],%%r0,32\n"
                 "  lr    %[mask],%%r1\n"
                 "  lgr   %[r2],%%r2\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [at] "=&d"(at), [r2] "=&d"(r2), [mask] "=&d"(mask)
                 : : "r0", "r1", "r2", "cc", "memory");
    rt_check_u64("31-bit trap2, P zero: ESA/390 PSW with bit 12 and the address",
                 tsa[2], (mask & 0xffffffff00000000ull) | 0x0008000000000000ull |
                 0x80000000u | (at + 2));
    rt_check_u64("31-bit trap2, P zero: +24 zero", tsa[3], 0);
    rt_check_u64("rp with the 8-byte PSW: back in the 31-bit mode", mask & 0x180000000ull,
                 0x80000000ull);
    rt_check_u64("rp with the 8-byte PSW: GR2 kept", r2, 0x2323);
}

static void trap_dat_off(void *arg)
{
    (void)arg;
    asm volatile(".insn e,0x01ff" : : : "memory");
}

static void trap_dat_on(void *arg)
{
    uint8_t sm;

    (void)arg;
    asm volatile("  stosm %0,0x04\n"
                 "  .insn e,0x01ff\n"
                 "  stnsm %0,0xfb\n" : "=Q"(sm) : : "memory");
}

static void rp_bad_flags(void *arg)
{
    uint8_t sm;

    (void)arg;
    asm volatile("  stosm %0,0x04\n"
                 "  larl  %%r1,0f\n"
                 "  .insn s,0xb2770000,0(%%r1)\n"
                 "0: .short 0x0008,16,12,152\n"
                 "  stnsm %0,0xfb\n" : "=Q"(sm) : : "r1", "memory");
}

static void test_exceptions(void)
{
    struct rt_pgm_info pi;

    setup(TCB_P | TCB_R);
    rt_check_u64("trap2 with DAT off: special operation",
                 rt_pgm_try(trap_dat_off, NULL, &pi), PGM_SPECIAL_OP);
    duct[11] &= ~1u;
    rt_check_u64("trap2 with DUCT E zero: special operation",
                 rt_pgm_try(trap_dat_on, NULL, &pi), PGM_SPECIAL_OP);
    setup(TCB_R);
    rt_check_u64("trap2 in the 64-bit mode, TCB P zero: special operation",
                 rt_pgm_try(trap_dat_on, NULL, &pi), PGM_SPECIAL_OP);
    rt_check_u64("trap2 special operation: save area untouched", tsa[0], 0xeeeeeeeeeeeeeeeeull);
    rt_check_u64("rp flag bit 12: specification",
                 rt_pgm_try(rp_bad_flags, NULL, &pi), PGM_SPECIFICATION);
}

int main(void)
{
    build_spaces();
    test_trap2();
    test_trap4_ex();
    test_trap_esa390();
    test_exceptions();
    rt_lctlg(2, 0);
    return 0;
}
