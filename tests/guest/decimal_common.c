/*
 * decimal_common.c - shared by the decimal_*.c guest programs (included,
 * not built on its own): operand buffers, a runner that catches one
 * program interruption, and checks of CC and interruption details.
 */
static uint8_t b1[64] __attribute__((aligned(64)));
static uint8_t b2[64] __attribute__((aligned(64)));

/* Outcome of one instruction run under DEC_RUN. */
struct res {
    unsigned cc;                /* CC after the instruction (or of the old PSW) */
    bool fired;                 /* a program interruption happened */
    struct rt_pgm_info pi;
    uint64_t next;              /* address of the next instruction */
    uint32_t dxc;               /* lowcore DXC word after the run */
};

/* SPM operand: condition code @cc and program mask @pm. */
#define SPMV(cc, pm) (((uint64_t)(cc) << 28) | ((uint64_t)(pm) << 24))

/* Fill b1/b2 with 0x5a, then copy the operands in. */
static void set2(const void *v1, size_t n1, const void *v2, size_t n2)
{
    memset(b1, 0x5a, sizeof(b1));
    memset(b2, 0x5a, sizeof(b2));
    memcpy(b1, v1, n1);
    memcpy(b2, v2, n2);
}

/* Run @insn (operands addressed by %[a] = b1 and %[b] = b2) with CC and
 * program mask set from @spmv, catching one program interruption; the DXC
 * word at 0x90 is preset to all ones so a stored DXC shows. */
#define DEC_RUN(insn, spmv, r) do {                                         \
        uint64_t ipm_, next_;                                               \
        *(volatile uint32_t *)0x90 = 0xffffffffu;                           \
        rt_pgm_arm();                                                       \
        asm volatile("  larl  %[n],1f\n"                                    \
                     "  spm   %[s]\n"                                       \
                     "  " insn "\n"                                         \
                     "1: ipm  %[c]\n"                                       \
                     "  spm   %[z]\n"                                       \
                     : [c] "=&d"(ipm_), [n] "=&d"(next_)                    \
                     : [a] "a"(b1), [b] "a"(b2), [s] "d"(spmv), [z] "d"(0ull) \
                     : "cc", "memory");                                     \
        (r)->fired = rt_pgm_disarm(&(r)->pi);                               \
        (r)->cc = rt_cc_from_ipm(ipm_);                                     \
        (r)->next = next_;                                                  \
        (r)->dxc = rt_lc32(0x90);                                           \
    } while (0)

/* Check a run that completed without interruption with condition code @cc
 * (or any CC when @cc is -1). */
__attribute__((unused)) static void check_ok(const char *what, const struct res *r, int cc)
{
    char name[96];

    rt_snprintf(name, sizeof(name), "%s: no interruption", what);
    rt_check(!r->fired, name);
    if (cc >= 0) {
        rt_snprintf(name, sizeof(name), "%s: cc %d", what, cc);
        rt_check_u64(name, r->cc, (unsigned)cc);
    }
}

/* Check a program interruption @code with ILC @ilc and the old PSW at the
 * next instruction (suppressing or completing); DXC 0 for a data exception. */
static void check_pgm_ilc(const char *what, const struct res *r, unsigned code, unsigned ilc)
{
    char name[96];

    rt_snprintf(name, sizeof(name), "%s: interruption", what);
    rt_check(r->fired, name);
    rt_snprintf(name, sizeof(name), "%s: code %x", what, code);
    rt_check_u64(name, r->pi.code, code);
    rt_snprintf(name, sizeof(name), "%s: ilc %u", what, ilc);
    rt_check_u64(name, r->pi.ilc, ilc);
    rt_snprintf(name, sizeof(name), "%s: old psw at next instruction", what);
    rt_check_u64(name, r->pi.addr, r->next);
    if (code == PGM_DATA) {
        rt_snprintf(name, sizeof(name), "%s: dxc 0", what);
        rt_check_u64(name, r->dxc, 0);
    }
}

/* check_pgm_ilc for a 6-byte instruction. */
__attribute__((unused)) static void check_pgm(const char *what, const struct res *r, unsigned code)
{
    check_pgm_ilc(what, r, code, 3);
}
