/* The linkage stack (PoO ch. 5 "Linkage-Stack Operations", ch. 10 "BRANCH
 * AND STACK", "PROGRAM RETURN", "EXTRACT STACKED REGISTERS", "EXTRACT
 * STACKED STATE", "MODIFY STACKED STATE"): a BAKR/PR round trip and what the
 * branch state entry holds, the extraction instructions, PR back to the
 * supervisor state and key, and the switch to a new section through the
 * trailer's forward-section-header address and back through the header's
 * backward stack-entry address. QEMU 7.2 implements none of these. */
#include "linkage_common.h"

/* GRs 0-15 (8 bytes each) then ARs 0-15 (4 bytes each). */
struct regimage {
    uint64_t gr[16];
    uint32_t ar[16];
};

struct regimage ls_in, ls_sub, ls_out, ls_save;
uint64_t ls_mid[2];                 /* CR15 and the header descriptor in ls_sub */

/* ls_roundtrip: with DAT on, load ls_in (GR15: the address of ls_subr),
 * BAKR 0,15; ls_subr records CR15 and the header descriptor, loads ls_sub
 * (GR15: &ls_out) and PRs; back after the BAKR, store every register in
 * ls_out and restore the caller's. */
asm("   .text\n"
    "   .globl ls_roundtrip\n"
    "ls_roundtrip:\n"
    "   larl  %r1,ls_save\n"
    "   stmg  %r0,%r15,0(%r1)\n"
    "   stam  %a0,%a15,128(%r1)\n"
    "   larl  %r1,ls_sm\n"
    "   stosm 0(%r1),0x04\n"
    "   larl  %r1,ls_in\n"
    "   lam   %a0,%a15,128(%r1)\n"
    "   lmg   %r0,%r15,0(%r1)\n"
    "   bakr  0,%r15\n"
    "   .globl ls_back\n"
    "ls_back:\n"
    "   stmg  %r0,%r15,0(%r15)\n"
    "   stam  %a0,%a15,128(%r15)\n"
    "   larl  %r1,ls_sm\n"
    "   stnsm 0(%r1),0xfb\n"
    "   larl  %r1,ls_save\n"
    "   lam   %a0,%a15,128(%r1)\n"
    "   lmg   %r0,%r15,0(%r1)\n"
    "   br    %r14\n"
    "   .globl ls_subr\n"
    "ls_subr:\n"
    "   larl  %r1,ls_mid\n"
    "   stctg %c15,%c15,0(%r1)\n"
    "   larl  %r2,lsec\n"
    "   mvc   8(8,%r1),8(%r2)\n"
    "   larl  %r15,ls_sub\n"
    "   lam   %a0,%a15,128(%r15)\n"
    "   lmg   %r0,%r15,0(%r15)\n"
    "   .insn e,0x0101\n"
    "   .data\n"
    "ls_sm: .byte 0\n"
    "   .text\n");

void ls_roundtrip(void);
extern char ls_back[], ls_subr[];

static uint64_t hdr_ed;

/* A fresh one-section stack with room for @n state entries (SI 0x5a). */
static void fresh_stack(unsigned n)
{
    hdr_ed = ls_section(lsec[0], 0x5a, (uint16_t)(n * LS_ENTRY), 0, 0);
    rt_lctlg(15, hdr_ed);
}

static void test_roundtrip(void)
{
    const uint8_t *e = lsec[0] + 16;
    const uint64_t psw_ia = 0x0400000180000000ull;   /* DAT, EA, BA; key 0, CC 0 */
    bool gr_ok = true, ar_ok = true;

    fresh_stack(3);
    for (unsigned i = 0; i < 16; i++) {
        ls_in.gr[i] = 0x1000000000000000ull * (i + 1) + i;
        ls_in.ar[i] = 0x100 + i;
        ls_sub.gr[i] = 0x5a5a000000000000ull + i;
        ls_sub.ar[i] = 0x200 + i;
    }
    ls_in.gr[15] = (uintptr_t)ls_subr;
    ls_sub.gr[15] = (uintptr_t)&ls_out;
    rt_lctlg(3, 0x8000a005ull);
    rt_lctlg(4, 0x00030007ull);
    rt_lctlg(8, 0x00090000ull);
    rt_set_cc(0);
    ls_roundtrip();

    rt_check_u64("bakr: CR15 = new entry's descriptor", ls_mid[0], (uintptr_t)e + LS_ED);
    rt_check_u64("bakr: header next-entry size 296", ls_mid[1] >> 16 & 0xffff, LS_ENTRY);
    for (unsigned i = 0; i < 16; i++) {
        bool restored = i >= 2 && i <= 14;

        gr_ok &= ls_out.gr[i] == (restored ? ls_in.gr[i] : ls_sub.gr[i]);
        ar_ok &= ls_out.ar[i] == (restored ? ls_in.ar[i] : ls_sub.ar[i]);
    }
    rt_check(gr_ok, "pr: GRs 2-14 restored, 0, 1, 15 kept");
    rt_check(ar_ok, "pr: ARs 2-14 restored, 0, 1, 15 kept");
    rt_check_u64("pr: CR15 back at the header", rt_stctg(15), hdr_ed);
    rt_check_u64("pr: header next-entry size cleared", ed_half(hdr_ed, 4), 0);
    rt_check_mem("entry bytes 0-127: GRs", e, ls_in.gr, 128);
    rt_check_u64("entry bytes 128-135: PKM SASN EAX PASN", *(uint64_t *)(e + 128),
                 0x8000a00500090007ull);
    rt_check_u64("entry bytes 136-143: PSW 0-63", *(uint64_t *)(e + 136) & ~(3ull << 44),
                 psw_ia);
    rt_check_u64("entry bytes 144-151: branch address, 64-bit mode bit",
                 *(uint64_t *)(e + 144), (uintptr_t)ls_subr | 1);
    rt_check_u64("entry bytes 152-167 zero", *(uint64_t *)(e + 152) | *(uint64_t *)(e + 160), 0);
    rt_check_u64("entry bytes 168-175: return address", *(uint64_t *)(e + 168),
                 (uintptr_t)ls_back);
    rt_check_mem("entry bytes 224-287: ARs", e + 224, ls_in.ar, 64);
    rt_check_u64("entry descriptor: branch state, SI, rfs", *(uint64_t *)(e + LS_ED),
                 (uint64_t)LSE_BRANCH << 56 | 0x5aull << 48 | (uint64_t)(2 * LS_ENTRY) << 32);
    asn_setup();
}

/* Filled by extract_all at these offsets. */
struct extract {
    uint64_t esta[5][2];        /* 0 */
    uint64_t esta_cc;           /* 80 */
    uint64_t r6, r8;            /* 88, 96 */
    uint64_t a6, a7;            /* 104, 112 */
    uint64_t after_bakr;        /* 120 */
    uint64_t ret;               /* 128 */
};

/* BAKR R1=return|1, R2=0; ESTA codes 0-4, MSTA then ESTA 3; EREG 6,7 and
 * EREGG 8,8 after changing those registers; PR. */
static void extract_all(struct extract *x)
{
    uint8_t sm;

    asm volatile("  stosm %[sm],0x04\n"
                 "  lghi  %%r1,0\n"
                 "  sar   %%a6,%%r1\n"
                 "  lghi  %%r1,0x66\n"
                 "  sar   %%a7,%%r1\n"
                 "  iihf  %%r6,0xaaaaaaaa\n"
                 "  iilf  %%r6,0xbbbbbbbb\n"
                 "  iihf  %%r8,0x12345678\n"
                 "  iilf  %%r8,0x9abcdef0\n"
                 "  larl  %%r1,9f\n"
                 "  stg   %%r1,128(%[x])\n"
                 "  oill  %%r1,1\n"
                 "  cr    %%r0,%%r0\n"
                 "  bakr  %%r1,0\n"
                 "0: larl %%r1,0b\n"
                 "  stg   %%r1,120(%[x])\n"
                 "  lghi  %%r0,0\n"
                 "  esta  %%r4,%%r0\n"
                 "  ipm   %%r1\n"
                 "  stg   %%r1,80(%[x])\n"
                 "  stmg  %%r4,%%r5,0(%[x])\n"
                 "  lghi  %%r0,1\n"
                 "  esta  %%r4,%%r0\n"
                 "  stmg  %%r4,%%r5,16(%[x])\n"
                 "  lghi  %%r0,2\n"
                 "  esta  %%r4,%%r0\n"
                 "  stmg  %%r4,%%r5,32(%[x])\n"
                 "  iilf  %%r4,0x11112222\n"
                 "  iilf  %%r5,0x33334444\n"
                 "  msta  %%r4\n"
                 "  lghi  %%r0,3\n"
                 "  esta  %%r4,%%r0\n"
                 "  stmg  %%r4,%%r5,48(%[x])\n"
                 "  lghi  %%r0,4\n"
                 "  esta  %%r4,%%r0\n"
                 "  stmg  %%r4,%%r5,64(%[x])\n"
                 "  iihf  %%r6,0x11111111\n"
                 "  iilf  %%r6,0x22222222\n"
                 "  lghi  %%r8,0\n"
                 "  lghi  %%r1,0x77\n"
                 "  sar   %%a6,%%r1\n"
                 "  sar   %%a7,%%r1\n"
                 "  ereg  %%r6,%%r7\n"
                 "  eregg %%r8,%%r8\n"
                 "  stg   %%r6,88(%[x])\n"
                 "  stg   %%r8,96(%[x])\n"
                 "  lghi  %%r1,0\n"
                 "  ear   %%r1,%%a6\n"
                 "  stg   %%r1,104(%[x])\n"
                 "  lghi  %%r1,0\n"
                 "  ear   %%r1,%%a7\n"
                 "  stg   %%r1,112(%[x])\n"
                 "  .insn e,0x0101\n"
                 "9: stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm)
                 : [x] "a"(x)
                 : "r0", "r1", "r4", "r5", "r6", "r7", "r8", "cc", "memory");
}

static void test_extract(void)
{
    static struct extract x;
    const uint64_t psw0 = 0x0400000180000000ull;   /* DAT, EA, BA, CC 0 */
    uint64_t lo = 0xffffffffull;

    fresh_stack(2);
    rt_lctlg(3, 0x8000a005ull);
    rt_lctlg(4, 0x00030007ull);
    rt_lctlg(8, 0x00090000ull);
    extract_all(&x);
    rt_check_u64("esta: cc 0 for a branch state entry", rt_cc_from_ipm(x.esta_cc), 0);
    rt_check_u64("esta 0: PKM, SASN", x.esta[0][0] & lo, 0x8000a005);
    rt_check_u64("esta 0: EAX, PASN", x.esta[0][1] & lo, 0x00090007);
    rt_check_u64("esta 1: PSW 0-31 in ESA/390 form", x.esta[1][0] & lo,
                 (psw0 >> 32) | 0x80000);
    rt_check_u64("esta 1: bit 32 and address", x.esta[1][1] & lo, 0x80000000u | x.ret);
    rt_check_u64("esta 2: branch address bits 0-31", x.esta[2][0] & lo, 0);
    rt_check_u64("esta 2: branch address bits 32-63", x.esta[2][1] & lo,
                 (x.after_bakr | 1) & lo);
    rt_check_u64("msta, esta 3: modifiable area", (x.esta[3][0] & lo) << 32 | (x.esta[3][1] & lo),
                 0x1111222233334444ull);
    rt_check_u64("esta 4: PSW 0-63", x.esta[4][0], psw0);
    rt_check_u64("esta 4: PSW 64-127", x.esta[4][1], x.ret);
    rt_check_u64("ereg: GR6 bits 32-63 only", x.r6, 0x11111111bbbbbbbbull);
    rt_check_u64("eregg: GR8 all 64 bits", x.r8, 0x123456789abcdef0ull);
    rt_check_u64("ereg: AR6", x.a6, 0);
    rt_check_u64("ereg: AR7", x.a7, 0x66);
    rt_check_u64("pr: stack empty again", rt_stctg(15), hdr_ed);
    asn_setup();
}

static uint64_t new_psw[2] __attribute__((aligned(16)));

/* BAKR (return to 9f), SPKA key 3, LPSWE into the problem state, PR there.
 * Returns the PSW bits 0-31 EPSW sees after the PR. */
static uint32_t pr_from_problem_state(void)
{
    uint64_t epsw;
    uint8_t sm;

    asm volatile("  stosm %[sm],0x04\n"
                 "  larl  %%r1,9f\n"
                 "  oill  %%r1,1\n"
                 "  bakr  %%r1,0\n"
                 "  larl  %%r1,1f\n"
                 "  stg   %%r1,8(%[p])\n"
                 "  spka  0x30\n"
                 "  lpswe 0(%[p])\n"
                 "1: .insn e,0x0101\n"
                 "9: epsw %%r1,%%r0\n"
                 "  lgr   %[e],%%r1\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [e] "=d"(epsw)
                 : [p] "a"(new_psw)
                 : "r0", "r1", "cc", "memory");
    return (uint32_t)epsw;
}

static void test_pr_state(void)
{
    uint32_t m;

    fresh_stack(1);
    new_psw[0] = 0x0431000180000000ull;        /* DAT, key 3, P, EA, BA */
    m = pr_from_problem_state();
    rt_check_u64("pr from the problem state: supervisor again", m >> 16 & 1, 0);
    rt_check_u64("pr: PSW key 0 restored", m >> 20 & 0xf, 0);
    rt_check_u64("pr: stack empty again", rt_stctg(15), hdr_ed);
}

struct sections {
    uint64_t cr15[3];
};

/* Two BAKRs (the second into the next section), then two PRs; CR15 after
 * each step. */
static void two_sections(struct sections *s)
{
    uint8_t sm;

    asm volatile("  stosm %[sm],0x04\n"
                 "  larl  %%r1,8f\n"
                 "  oill  %%r1,1\n"
                 "  bakr  %%r1,0\n"
                 "  larl  %%r1,9f\n"
                 "  oill  %%r1,1\n"
                 "  bakr  %%r1,0\n"
                 "  stctg %%c15,%%c15,0(%[s])\n"
                 "  .insn e,0x0101\n"
                 "9: stctg %%c15,%%c15,8(%[s])\n"
                 "  .insn e,0x0101\n"
                 "8: stctg %%c15,%%c15,16(%[s])\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm)
                 : [s] "a"(s->cr15)
                 : "r1", "cc", "memory");
}

static void test_sections(void)
{
    static struct sections s;
    uint64_t a_hdr, b_hdr;
    uint8_t *b = lsec[1];

    b_hdr = ls_section(lsec[1], 0x02, 2 * LS_ENTRY, 0, 0);
    a_hdr = ls_section(lsec[0], 0x01, LS_ENTRY, 0, b_hdr | 1);
    rt_lctlg(15, a_hdr);
    two_sections(&s);
    rt_check_u64("second bakr: entry in the next section", s.cr15[0],
                 (uintptr_t)b + 16 + LS_ED);
    rt_check_u64("new section header: backward address of the first entry, valid",
                 *(uint64_t *)b, (uintptr_t)lsec[0] + 16 + LS_ED + 1);
    rt_check_u64("new section: entry descriptor takes the header's SI", b[16 + LS_ED + 1], 2);
    rt_check_u64("pr: new section header's next-entry size cleared", ed_half(b_hdr, 4), 0);
    rt_check_u64("first pr: CR15 at the new section's header", s.cr15[1], b_hdr);
    rt_check_u64("second pr: through the backward address to the first section", s.cr15[2],
                 a_hdr);
    rt_check_u64("first section: entry descriptor rfs 0", ed_half(a_hdr + LS_ENTRY, 2), 0);
}

static uint8_t high_page[4096] __attribute__((aligned(4096)));

/* BAKR 0,0 in the 24-bit mode with the stack at VBASE + 0xef0 in the home
 * space, so that the new entry runs from VBASE + 0xf00 into the next page
 * (mapped to high_page): stack addresses are not wrapped to 24 bits. */
static void test_high_stack_24(void)
{
    uint8_t *h = (uint8_t *)page[H];
    uint8_t sm;

    vtab[H][1] = (uintptr_t)high_page;
    memset(high_page, 0, sizeof(high_page));
    ls_section(h + 0xef0, 0x24, LS_ENTRY, 0, 0);
    rt_lctlg(15, VBASE + 0xef8);
    asm volatile("  stosm %[sm],0x04\n"
                 "  sam24\n"
                 "  bakr  0,0\n"
                 "  sam64\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm) : : "cc", "memory");
    rt_check_u64("24-bit mode, stack above 16M: CR15", rt_stctg(15), VBASE + 0xf00 + LS_ED);
    rt_check_u64("entry descriptor in the stack's second page", high_page[0x20], LSE_BRANCH);
    rt_check_u64("entry descriptor: SI, rfs 0", *(uint32_t *)(high_page + 0x20) & 0xffffff,
                 0x240000);
    rt_check_u64("entry bytes 136-143 in the first page: 24-bit PSW",
                 *(uint64_t *)(h + 0xf00 + 136) >> 31 & 3, 0);
    vtab[H][1] = 0x400;
    asn_setup();
}

int main(void)
{
    asn_setup();
    test_roundtrip();
    test_extract();
    test_pr_state();
    test_sections();
    test_high_stack_24();
    return 0;
}
