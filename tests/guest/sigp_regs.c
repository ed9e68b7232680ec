/* What SIGP STORE STATUS AT ADDRESS stores (PoO ch. 4 "Signal-Processor
 * Orders", "Store Status"; run with -smp 2): CPU 1, given a prefix by SIGP
 * SET PREFIX and started by SIGP RESTART, loads known values into its
 * GPRs, ARs, FPRs, FPC, control registers 0, 10 and 11, CPU timer, clock
 * comparator and TOD programmable register, then stops itself by SIGP
 * STOP; the 512-byte area then holds the FPRs (0x00), GPRs (0x80), the
 * PSW past the SIGP, in its retry loop (0x100), prefix (0x118), FPC
 * (0x11c), TOD programmable register (0x124), clock comparator bits 0-55
 * (0x131), ARs (0x140) and CRs (0x180). The CPU timer (0x128) is left
 * out: QEMU 7.2 stores its internal deadline there, not the timer's
 * value. */
#include "sigp_common.h"

#define PFX1        0x40000ul
#define STATUS_AT   0x48000ul
#define CR0_VAL     0x00000000000400e0ull   /* AFP-register control + defaults */
#define CPT_VAL     0x0000123456789000ull
#define CKC_VAL     0xfedcba9876543210ull
#define TODPR_VAL   0xbeefull

#define SIGP_STOP           0x05
#define SIGP_RESTART        0x06
#define SIGP_SET_PREFIX     0x0d
#define SIGP_STORE_AT       0x0e
#define ST_STOPPED          0x40u

/* What CPU 1 loads. GPR 3 holds its own address (1) in bits 48-63 for
 * SIGP STOP; the stop leaves every register as loaded. */
uint64_t regs_gpr[16] __attribute__((aligned(8)));
uint32_t regs_ar[16] __attribute__((aligned(8)));
uint64_t regs_fpr[16] __attribute__((aligned(8)));
uint64_t regs_cr[3] __attribute__((aligned(8))) = { CR0_VAL, 0x1000, 0x7fffffff };
uint64_t regs_misc[4] __attribute__((aligned(8))) = { CPT_VAL, CKC_VAL, TODPR_VAL };
uint32_t regs_fpc __attribute__((aligned(4))) = 0x00000003;     /* round toward -inf */

/* CPU 1's program: everything above into place, then SIGP STOP to itself
 * (the instruction after it marks where the stored PSW must point). */
extern char regs_entry[], regs_after_stop[];
asm(".text\n"
    "regs_entry:\n"
    "  larl  %r1,regs_cr\n"
    "  lctlg %c0,%c0,0(%r1)\n"
    "  lctlg %c10,%c11,8(%r1)\n"
    "  larl  %r1,regs_misc\n"
    "  spt   0(%r1)\n"
    "  sckc  8(%r1)\n"
    "  lg    %r0,16(%r1)\n"
    "  sckpf\n"
    "  larl  %r1,regs_fpc\n"
    "  lfpc  0(%r1)\n"
    "  larl  %r1,regs_fpr\n"
    "  ld    %f0,0(%r1)\n  ld    %f1,8(%r1)\n  ld    %f2,16(%r1)\n  ld    %f3,24(%r1)\n"
    "  ld    %f4,32(%r1)\n  ld    %f5,40(%r1)\n  ld    %f6,48(%r1)\n  ld    %f7,56(%r1)\n"
    "  ld    %f8,64(%r1)\n  ld    %f9,72(%r1)\n  ld    %f10,80(%r1)\n  ld    %f11,88(%r1)\n"
    "  ld    %f12,96(%r1)\n  ld    %f13,104(%r1)\n  ld    %f14,112(%r1)\n"
    "  ld    %f15,120(%r1)\n"
    "  larl  %r1,regs_ar\n"
    "  lam   %a0,%a15,0(%r1)\n"
    "  larl  %r1,regs_gpr\n"
    "  lmg   %r0,%r15,0(%r1)\n"
    "0:\n"
    "  sigp  %r1,%r3,5\n"
    "regs_after_stop:\n"
    "  jh    0b\n"                     /* busy (CC 2): QEMU's SIGP lock */
    "  j     regs_after_stop\n");

static uint64_t at64(uintptr_t a)
{
    return *(volatile uint64_t *)a;
}

static uint32_t at32(uintptr_t a)
{
    return *(volatile uint32_t *)a;
}

int main(void)
{
    uint64_t *lc = (uint64_t *)PFX1;
    bool gpr_ok = true, ar_ok = true, fpr_ok = true;
    uint32_t st;
    unsigned cc;

    for (unsigned i = 0; i < 16; i++) {
        regs_gpr[i] = 0x0101010101010101ull * i + 0x1000 * i + 0x10;
        regs_ar[i] = 0xa0000000u + i * 0x111;
        regs_fpr[i] = 0x3ff0000000000000ull + ((uint64_t)i << 40) + i;
    }
    regs_gpr[3] = 0x3333333300000001ull;
    memcpy(lc, (void *)0, 0x2000);
    lc[0x1a0 / 8] = PSW_MASK_64;                /* restart new PSW */
    lc[0x1a8 / 8] = (uint64_t)(uintptr_t)regs_entry;
    memset((void *)STATUS_AT, 0, 512);

    cc = sigp_retry(SIGP_SET_PREFIX, 1, PFX1, &st);
    rt_check_u64("set prefix of CPU 1: cc 0", cc, 0);
    cc = sigp_retry(SIGP_RESTART, 1, 0, &st);
    rt_check_u64("restart CPU 1: cc 0", cc, 0);
    rt_check(sigp_await_sense(1, 1, ST_STOPPED), "CPU 1 stops itself");
    cc = sigp_retry(SIGP_STORE_AT, 1, STATUS_AT, &st);
    rt_check_u64("store status at address: cc 0", cc, 0);

    for (unsigned i = 0; i < 16; i++) {
        gpr_ok &= at64(STATUS_AT + 0x80 + 8 * i) == regs_gpr[i];
        ar_ok &= at32(STATUS_AT + 0x140 + 4 * i) == regs_ar[i];
        fpr_ok &= at64(STATUS_AT + 8 * i) == regs_fpr[i];
    }
    rt_check(gpr_ok, "GPRs 0-15 at 0x80");
    rt_check(ar_ok, "ARs 0-15 at 0x140");
    rt_check(fpr_ok, "FPRs 0-15 at 0x00");
    rt_check_u64("PSW mask at 0x100", at64(STATUS_AT + 0x100), PSW_MASK_64);
    /* QEMU 7.2 stops one instruction later (after the JH) */
    rt_checkf(at64(STATUS_AT + 0x108) == (uint64_t)(uintptr_t)regs_after_stop ||
              at64(STATUS_AT + 0x108) == (uint64_t)(uintptr_t)regs_after_stop + 4,
              "PSW address past the SIGP STOP, in the loop");
    rt_check_u64("prefix at 0x118", at32(STATUS_AT + 0x118), PFX1);
    rt_check_u64("FPC at 0x11c", at32(STATUS_AT + 0x11c), regs_fpc);
    rt_check_u64("TOD programmable register at 0x124", at32(STATUS_AT + 0x124), TODPR_VAL);
    rt_check_u64("clock comparator bits 0-55 at 0x131", at64(STATUS_AT + 0x130), CKC_VAL >> 8);
    rt_check_u64("CR0 at 0x180", at64(STATUS_AT + 0x180), CR0_VAL);
    rt_check_u64("CR10 at 0x1d0", at64(STATUS_AT + 0x1d0), 0x1000);
    rt_check_u64("CR11 at 0x1d8", at64(STATUS_AT + 0x1d8), 0x7fffffff);
    return 0;
}
