/* System-control instructions QEMU 7.2 lacks or treats loosely (sieve only,
 * qemu-deviations.txt): STORE CHANNEL PATH STATUS stores its 32-byte status
 * word and wants a 32-byte boundary (PoO ch. 14); RESET CHANNEL PATH of the
 * installed virtual path (a virtio-blk device is configured, args.txt) is
 * reported by a solicited channel report; PAGE IN and PAGE OUT find no
 * expanded storage (PoO ch. 10); STORE REAL ADDRESS (PoO ch. 10). */
#include "priv_common.h"
#include "space_common.h"

#define PGM_PAGE_TRANS  0x11

static uint8_t cps[64] __attribute__((aligned(32)));

static void stcps_at(void *addr)
{
    asm volatile(".insn s,0xb23a0000,0(%[a])" : : [a] "a"(addr) : "memory");
}

static void test_stcps(void)
{
    struct rt_pgm_info pi;
    static const uint8_t zeros[32];

    memset(cps, 0xff, sizeof(cps));
    rt_check_u64("stcps: no interruption", rt_pgm_try(stcps_at, cps, &pi), 0);
    rt_check_mem("stcps: 32 bytes, no channel path active", cps, zeros, 32);
    rt_check_u64("stcps: byte 32 untouched", cps[32], 0xff);
    rt_check_u64("stcps at +16: specification", rt_pgm_try(stcps_at, cps + 16, &pi),
                 PGM_SPECIFICATION);
}

static void test_rchp(void)
{
    uint32_t crw = 0;
    uint64_t ipm1, ipm2, ipm3;

    asm volatile("  lghi  %%r1,0\n"
                 "  .insn s,0xb23b0000,0\n"
                 "  ipm   %[i1]\n"
                 "  stcrw %[c]\n"
                 "  ipm   %[i2]\n"
                 "  stcrw 4+%[c]\n"
                 "  ipm   %[i3]\n"
                 : [i1] "=&d"(ipm1), [i2] "=&d"(ipm2), [i3] "=&d"(ipm3),
                   [c] "=Q"(*(uint32_t (*)[2])cps)
                 : : "r1", "cc", "memory");
    crw = *(uint32_t *)cps;
    rt_check_u64("rchp chpid 0 (virtio path installed): cc 0", rt_cc_from_ipm(ipm1), 0);
    rt_check_u64("stcrw after rchp: cc 0", rt_cc_from_ipm(ipm2), 0);
    rt_check_u64("crw: solicited, channel path, initialized, chpid 0", crw, 0x44020000);
    rt_check_u64("stcrw again: cc 1, none pending", rt_cc_from_ipm(ipm3), 1);
    rt_check_u64("stcrw again: zeros stored", *(uint32_t *)(cps + 4), 0);
}

/* PGIN (@out false) or PGOUT of the page at @page with block @block.
 * Returns the CC. */
static unsigned page_in_out(bool out, void *page, uint64_t block)
{
    uint64_t ipm;

    if (out)
        asm volatile(".insn rre,0xb22f0000,%[p],%[b]\n\tipm %[ipm]"
                     : [ipm] "=d"(ipm) : [p] "a"(page), [b] "d"(block) : "cc", "memory");
    else
        asm volatile(".insn rre,0xb22e0000,%[p],%[b]\n\tipm %[ipm]"
                     : [ipm] "=d"(ipm) : [p] "a"(page), [b] "d"(block) : "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

asm(".section .text\n"
    "  .balign 2\n"
    "ss_pgin:  .insn rre,0xb22e0000,%r2,%r3\n"
    "ss_pgout: .insn rre,0xb22f0000,%r2,%r3\n"
    "ss_strag: .insn sse,0xe50200000000,0(%r2),0(%r3)\n"
    "ss_esea:  .insn rre,0xb99d0000,%r2,0\n"
    "  .previous\n");
extern const char ss_pgin[], ss_pgout[], ss_strag[], ss_esea[];

static void test_page(void)
{
    memset(page[P], 0x5a, 8);
    rt_check_u64("pgin block 0: cc 3, no expanded storage", page_in_out(false, page[P], 0), 3);
    rt_check_u64("pgin: main-storage page unchanged", page[P][0], 0x5a5a5a5a5a5a5a5aull);
    rt_check_u64("pgout block 0: cc 3", page_in_out(true, page[P], 0), 3);
    rt_check_u64("pgout block 0x12345: cc 3", page_in_out(true, page[P], 0x12345), 3);
    rt_check_u64("pgin in the problem state: privileged", in_problem_state(ss_pgin),
                 PGM_PRIVILEGED);
    rt_check_u64("pgout in the problem state: privileged", in_problem_state(ss_pgout),
                 PGM_PRIVILEGED);
    rt_check_u64("esea in the problem state: privileged", in_problem_state(ss_esea),
                 PGM_PRIVILEGED);
    rt_check_u64("strag in the problem state: privileged", in_problem_state(ss_strag),
                 PGM_PRIVILEGED);
    for (unsigned i = 0; i < 512; i++)
        page[P][i] = 1ull << 32 | i;
}

struct strag_arg {
    uint64_t *op1;
    uint64_t op2;
    unsigned mode;          /* SACF code: 0 primary, 1 secondary, 3 home */
    bool dat;
};

static void strag_fn(void *p)
{
    struct strag_arg *a = p;
    uint8_t sm;

    if (!a->dat) {
        asm volatile(".insn sse,0xe50200000000,0(%[o1]),0(%[o2])"
                     : : [o1] "a"(a->op1), [o2] "a"(a->op2) : "memory");
        return;
    }
    asm volatile("  stosm %[sm],0x04\n"
                 "  sacf  0(%[c])\n"
                 "  .insn sse,0xe50200000000,0(%[o1]),0(%[o2])\n"
                 "  sacf  0\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm)
                 : [c] "a"((uint64_t)a->mode << 8), [o1] "a"(a->op1), [o2] "a"(a->op2)
                 : "memory");
}

static void test_strag(void)
{
    static uint64_t out[2] __attribute__((aligned(8)));
    struct strag_arg a = { out, VBASE + 0x128, 0, true };
    struct rt_pgm_info pi;

    rt_check_u64("strag primary: no interruption", rt_pgm_try(strag_fn, &a, &pi), 0);
    rt_check_u64("strag primary: real address of VBASE+0x128", out[0],
                 (uintptr_t)page[P] + 0x128);
    a.mode = 1;
    (void)rt_pgm_try(strag_fn, &a, &pi);
    rt_check_u64("strag secondary mode: secondary page", out[0], (uintptr_t)page[S] + 0x128);
    a.mode = 3;
    (void)rt_pgm_try(strag_fn, &a, &pi);
    rt_check_u64("strag home mode: home page", out[0], (uintptr_t)page[H] + 0x128);
    a.mode = 0;
    a.dat = false;
    out[0] = 0;
    rt_check_u64("strag with DAT off: no interruption", rt_pgm_try(strag_fn, &a, &pi), 0);
    rt_check_u64("strag with DAT off: translated all the same", out[0],
                 (uintptr_t)page[P] + 0x128);
    a.op2 = VBASE + 0x1000;
    out[0] = 0x77;
    rt_check_u64("strag of an invalid page: page translation", rt_pgm_try(strag_fn, &a, &pi),
                 PGM_PAGE_TRANS);
    rt_check_u64("strag page translation: TEID", rt_lc64(0xa8), VBASE + 0x1000);
    rt_check_u64("strag page translation: nothing stored", out[0], 0x77);
    a.op1 = (uint64_t *)((uintptr_t)out + 4);
    a.op2 = VBASE;
    rt_check_u64("strag first operand at +4: specification", rt_pgm_try(strag_fn, &a, &pi),
                 PGM_SPECIFICATION);
}

int main(void)
{
    build_spaces();
    test_stcps();
    test_rchp();
    test_page();
    test_strag();
    return 0;
}
