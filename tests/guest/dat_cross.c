/* Accesses that cross a page boundary (PoO ch. 3 "Translation Process",
 * ch. 5 "Instruction Fetching", "Storage-Operand Fetch/Store References",
 * ch. 6 "Types of Instruction Ending"): when the second page of an operand
 * is invalid, LG, STG, STMG and MVC (either operand) are nullified and the
 * TEID names the second page; LG leaves R1, STG and MVC store no byte of
 * the first page (not checked for STMG, whose first doubleword QEMU 7.2
 * stores);
 * when it is DAT-protected, the store is suppressed with nothing stored;
 * an instruction whose last halfwords lie on an invalid page gives a
 * page-translation exception for that page with the old PSW at the
 * instruction. */
#include "dat_common.h"

#define VBASE   0x40000000ull   /* segment 1024 */
#define VA(p)   (VBASE + (p) * 0x1000ull)

static uint64_t stab[2048] __attribute__((aligned(4096)));
static uint64_t ptab[16][256] __attribute__((aligned(4096)));
static uint64_t vtab[256] __attribute__((aligned(4096)));
static uint8_t page[3][4096] __attribute__((aligned(4096)));

/* Virtual pages: 0 page[0], 1 invalid, 2 page[1], 3 page[2] protected,
 * 4 page[2] writable (the code page for the fetch test), 5 invalid. */
static void build_tables(void)
{
    ident_map_16m(stab, ptab);
    for (unsigned p = 0; p < 256; p++)
        vtab[p] = PTE_I;
    vtab[0] = (uintptr_t)page[0];
    vtab[2] = (uintptr_t)page[1];
    vtab[3] = (uintptr_t)page[2] | PTE_P;
    vtab[4] = (uintptr_t)page[2];
    stab[1024] = (uintptr_t)vtab;
    rt_lctlg(1, (uintptr_t)stab | 3);
    asm volatile("ptlb" ::: "memory");
}

/* Run @insn with DAT on, GR4 = @a, GR5 = @b; *o records the outcome. */
#define DAT_RUN(o, insn, a, b) do {                                             \
    uint8_t sm_;                                                                \
                                                                                \
    *(volatile uint64_t *)LC_TEID = 0;                                          \
    rt_pgm_arm();                                                               \
    asm volatile("  larl  %%r1,2f\n"                                            \
                 "  stg   %%r1,%[slot]\n"                                       \
                 "  larl  %[at],1f\n"                                           \
                 "  lgr   %%r4,%[va]\n"                                         \
                 "  lgr   %%r5,%[vb]\n"                                         \
                 "  lghi  %%r6,-1\n"                                            \
                 "  lghi  %%r7,-1\n"                                            \
                 "  stosm %[sm],0x04\n"                                         \
                 "1: " insn "\n"                                                \
                 "2: stnsm %[sm],0xfb\n"                                        \
                 : [at] "=&d"((o)->at), [sm] "=Q"(sm_),                         \
                   [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)                      \
                 : [va] "d"((uint64_t)(a)), [vb] "d"((uint64_t)(b))             \
                 : "r1", "r4", "r5", "r6", "r7", "memory");                     \
    (o)->fired = rt_pgm_disarm(&(o)->pi);                                       \
    (o)->teid = rt_lc64(LC_TEID) & TEID_MASK;                                   \
} while (0)

static bool untouched(const uint8_t *p, size_t n, uint8_t v)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != v)
            return false;
    return true;
}

static void test_invalid_second_page(void)
{
    struct outcome o;

    memset(page[0], 0x11, 4096);
    DAT_RUN(&o, "lg %%r6,0(%%r4)", VA(0) + 4092, 0);
    dat_check_nullified("LG across into an invalid page", &o, PGM_PAGE_TRANS, VA(1));
    rt_check_u64("  R1 unchanged", o.pi.gprs[6], ~0ull);
    DAT_RUN(&o, "stg %%r6,0(%%r4)", VA(0) + 4092, 0);
    dat_check_nullified("STG across into an invalid page", &o, PGM_PAGE_TRANS, VA(1));
    rt_check(untouched(page[0] + 4092, 4, 0x11), "  no byte stored in the first page");
    DAT_RUN(&o, "stmg %%r6,%%r7,0(%%r4)", VA(0) + 4088, 0);
    dat_check_nullified("STMG across into an invalid page", &o, PGM_PAGE_TRANS, VA(1));
    memset(page[0], 0x11, 4096);
    DAT_RUN(&o, "mvc 0(32,%%r4),0(%%r5)", VA(0) + 4080, VA(2));
    dat_check_nullified("MVC destination across into an invalid page", &o, PGM_PAGE_TRANS,
                        VA(1));
    rt_check(untouched(page[0] + 4080, 16, 0x11), "  no byte stored in the first page");
    DAT_RUN(&o, "mvc 0(32,%%r4),0(%%r5)", VA(2), VA(0) + 4080);
    dat_check_nullified("MVC source across into an invalid page", &o, PGM_PAGE_TRANS, VA(1));
    rt_check(untouched(page[1], 32, 0), "  destination untouched");
}

/* Check a suppressed DAT-protection exception of the @ilen-byte
 * instruction in @o for the page at @va. */
static void check_suppressed(const char *what, const struct outcome *o, unsigned ilen,
                             uint64_t va)
{
    rt_checkf(o->fired && o->pi.code == PGM_PROTECTION, "%s: protection", what);
    rt_checkf(o->pi.addr == o->at + ilen, "%s: suppressed", what);
    rt_checkf(o->teid == (va | TEID_PROT_DAT), "%s: TEID of the protected page, bit 61", what);
}

static void test_protected_second_page(void)
{
    struct outcome o;

    memset(page[1], 0x22, 4096);
    memset(page[2], 0x33, 4096);
    DAT_RUN(&o, "stg %%r6,0(%%r4)", VA(2) + 4092, 0);
    check_suppressed("STG across into a protected page", &o, 6, VA(3));
    rt_check(untouched(page[1] + 4092, 4, 0x22), "  no byte stored in the first page");
    DAT_RUN(&o, "mvc 0(64,%%r4),0(%%r5)", VA(2) + 4064, VA(0));
    check_suppressed("MVC across into a protected page", &o, 6, VA(3));
    rt_check(untouched(page[1] + 4064, 32, 0x22), "  no byte stored in the first page");
    rt_check(untouched(page[2], 32, 0x33), "  nor in the protected one");
}

/* A 6-byte LGHI-like instruction (LGFI) placed at the end of virtual page
 * 4 so that its last 4 bytes are on the invalid page 5. */
static void test_instruction_fetch(void)
{
    static const uint8_t lgfi_r6[6] = { 0xc0, 0x61, 0x12, 0x34, 0x56, 0x78 };
    uint64_t target = VA(4) + 4094;
    struct outcome o;

    memcpy(page[2] + 4094, lgfi_r6, 2);
    dat_branch(target, &o);
    rt_check(o.fired && o.pi.code == PGM_PAGE_TRANS,
             "instruction across into an invalid page: page translation");
    rt_check_u64("  old PSW at the instruction", o.pi.addr, target);
    rt_check_u64("  TEID of the second page", o.teid, VA(5));
}

int main(void)
{
    build_tables();
    test_invalid_second_page();
    test_protected_second_page();
    test_instruction_fetch();
    return 0;
}
