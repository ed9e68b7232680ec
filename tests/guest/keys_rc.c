/* Reference and change recording (PoO ch. 3 "Reference Recording",
 * "Change Recording"): which frames get R and C for operand fetches,
 * stores, instruction fetches (also of an EXECUTE target), moves and
 * compares spanning two frames, with DAT off and through DAT (the frame
 * the page translates to, not the one at the virtual address); a store
 * refused by DAT protection sets no change bit; recording leaves the
 * access-control bits alone; SSKE resets R and C. Seen through ISKE. */
#include "dat_common.h"
#include "keys_common.h"

static uint64_t stab[2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));
static uint8_t fr[8][4096] __attribute__((aligned(4096)));
static uint8_t code[4096] __attribute__((aligned(4096)));

/* The key bits R and C of the frame at @p. */
static unsigned rc(volatile void *p)
{
    return (unsigned)iske(p) & (SK_R | SK_C);
}

/* Reset the keys of all test frames to @key. */
static void reset_keys(uint64_t key)
{
    for (unsigned i = 0; i < 8; i++)
        sske(key, fr[i]);
    sske(key, code);
}

static void test_dat_off(void)
{
    uint64_t v;
    int cmp;

    reset_keys(0);
    asm volatile("llgc %0,100(%1)" : "=d"(v) : "a"(fr[0]) : "memory");
    rt_check_u64("operand fetch: R", rc(fr[0]), SK_R);
    asm volatile("stc %0,100(%1)" : : "d"(v), "a"(fr[1]) : "memory");
    rt_check_u64("store: R and C", rc(fr[1]), SK_R | SK_C);
    rt_check_u64("untouched frame: neither", rc(fr[2]), 0);

    asm volatile("mvc 0(16,%0),0(%1)" : : "a"(fr[3]), "a"(fr[2]) : "memory");
    rt_check_u64("mvc source: R", rc(fr[2]), SK_R);
    rt_check_u64("mvc destination: R and C", rc(fr[3]), SK_R | SK_C);

    reset_keys(0);
    asm volatile("clc 0(8,%1),0(%2)\n\tipm %0" : "=d"(cmp) : "a"(fr[4]), "a"(fr[5])
                 : "cc", "memory");
    rt_checkf(rc(fr[4]) == SK_R && rc(fr[5]) == SK_R, "clc: both operands R only");
    asm volatile("mvc 0(8,%0),0(%1)" : : "a"(fr[6] + 4092), "a"(fr[0]) : "memory");
    rt_checkf(rc(fr[6]) == (SK_R | SK_C) && rc(fr[7]) == (SK_R | SK_C),
              "mvc across a frame boundary: both frames R and C");

    sske(0x50, fr[1]);
    asm volatile("stc %0,0(%1)" : : "d"(v), "a"(fr[1]) : "memory");
    rt_check_u64("store with access-control bits 5: key 0x56", iske(fr[1]) & 0xfe, 0x56);
    sske(0x00, fr[1]);
    rt_check_u64("sske 0 resets R and C", iske(fr[1]) & 0xfe, 0);
    rt_check_u64("rrbe after the reset: cc 0", rrbe(fr[1]), 0);
}

/* Instruction fetch: a routine copied into its own frame, run by BASR and
 * as the target of EXECUTE. */
static void test_instruction_fetch(void)
{
    static const uint8_t text[] = {
        0xa7, 0x29, 0x00, 0x2a,         /* lghi %r2,42 */
        0x07, 0xfe,                     /* br   %r14 */
        0xa7, 0x29, 0x00, 0x07,         /* lghi %r2,7 (EX target) */
    };
    uint64_t r;

    for (unsigned i = 0; i < sizeof(text); i++)
        code[i] = text[i];
    sske(0, code);
    rt_check_u64("code frame after sske: neither", rc(code), 0);
    asm volatile("basr %%r14,%1\n\tlgr %0,%%r2" : "=d"(r) : "a"(code) : "r2", "r14", "memory");
    rt_check_u64("routine ran", r, 42);
    rt_check_u64("instruction fetch: R only", rc(code), SK_R);
    sske(0, code);
    asm volatile("lghi %%r2,0\n\tex %%r0,6(%1)\n\tlgr %0,%%r2" : "=d"(r) : "a"(code)
                 : "r2", "memory");
    rt_check_u64("ex target ran", r, 7);
    rt_check_u64("fetch of the ex target: R only", rc(code), SK_R);
}

/* Through DAT: page fr[0] translates to frame fr[1]; page fr[2] is
 * DAT-protected. */
static void test_dat(void)
{
    uint64_t p0 = (uint64_t)(uintptr_t)fr[0], p1 = (uint64_t)(uintptr_t)fr[1];
    uint64_t p2 = (uint64_t)(uintptr_t)fr[2];
    struct outcome o;
    uint64_t v;

    ident_map_16m(stab, ptab);
    ptab[p0 >> 20][(p0 >> 12) & 0xff] = p1;
    ptab[p2 >> 20][(p2 >> 12) & 0xff] |= PTE_P;
    rt_lctlg(1, (uint64_t)(uintptr_t)stab | ASCE_TL(3));
    asm volatile("ptlb" : : : "memory");
    *(volatile uint64_t *)(fr[1] + 64) = 0x1234;

    reset_keys(0);
    v = dat_load_p(p0 + 64, &o);
    rt_checkf(!o.fired && v == 0x1234, "fetch through DAT reads the frame behind the page");
    rt_check_u64("fetch through DAT: frame R", rc(fr[1]), SK_R);
    rt_check_u64("fetch through DAT: frame at the virtual address untouched", rc(fr[0]), 0);
    reset_keys(0);
    dat_store_p(p0 + 128, 5, &o);
    rt_checkf(!o.fired && *(volatile uint64_t *)(fr[1] + 128) == 5, "store through DAT");
    rt_check_u64("store through DAT: frame R and C", rc(fr[1]), SK_R | SK_C);
    rt_check_u64("store through DAT: frame at the virtual address untouched", rc(fr[0]), 0);
    reset_keys(0);
    dat_store_p(p2, 5, &o);
    dat_check_code("store to a DAT-protected page", &o, PGM_PROTECTION);
    rt_check_u64("refused store: no change bit", rc(fr[2]) & SK_C, 0);
}

int main(void)
{
    test_dat_off();
    test_instruction_fetch();
    test_dat();
    return 0;
}
