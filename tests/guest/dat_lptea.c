/* LOAD PAGE-TABLE-ENTRY ADDRESS (PoO ch. 10 "LOAD PAGE-TABLE-ENTRY
 * ADDRESS", DAT-enhancement facility 2): M4 0-3 select the primary,
 * access-register (ALET in access register R2), secondary and home spaces,
 * 4 the PSW's address-space control, 5-15 are a specification exception.
 * The address in R2 is translated (DAT bit notwithstanding: this program
 * runs with DAT off) down to its page-table entry, which is not fetched.
 * CC 0 / 1: that entry's real address in R1, 1 when a segment-table entry
 * (or, with EDAT-1, a region-table entry) on the way is DAT-protected;
 * CC 2: an invalid region- or segment-table entry, or a large-frame entry
 * (EDAT-1 segment, EDAT-2 region third), ended the walk: its address in R1
 * with the table type in bits 62-63 (3 region first ... 0 segment) and the
 * large frame's DAT protection in bit 61; CC 3: ASCE-type, region/segment-
 * length or ART exception, bit 32 one and the code in bits 48-63 of R1,
 * bits 0-31 unchanged (as LOAD REAL ADDRESS). Translation-specification and
 * addressing exceptions interrupt; a real-space designation is a special-
 * operation exception; the problem state a privileged-operation exception.
 * Sieve only: QEMU 7.2 does not implement LPTEA (tests/guest/qemu-
 * deviations.txt). Runs with -cpu max (EDAT-1 and 2). */
#include "dat_common.h"
#include "priv_common.h"

#define ASCE_R          0x20ull
#define STE_FC          0x400ull        /* bit 53: format control (EDAT-1) */
#define CR0_EDAT        (1ull << (63 - 40))
#define PGM_SPECIAL_OP  0x13
#define HIGH            0x5a5a5a5a00000000ull   /* R1 bits 0-31 preset */

/* Tables of 512 entries (table length 0) and one page table. */
static uint64_t r1t[512] __attribute__((aligned(4096)));
static uint64_t r2t[512] __attribute__((aligned(4096)));
static uint64_t r3t[512] __attribute__((aligned(4096)));
static uint64_t r3t_p[512] __attribute__((aligned(4096)));
static uint64_t st[512] __attribute__((aligned(4096)));
static uint64_t pt[256] __attribute__((aligned(2048)));

struct lptea_res {
    bool fired;
    unsigned code, cc;
    uint64_t r1;
};

/* LPTEA R1,R0,R2,@m4 with GR2 = @addr, AR 2 = @alet and R1 preset to HIGH. */
#define LPTEA(m4, addr, alet) ({                                                \
    struct lptea_res res_;                                                      \
    struct rt_pgm_info pi_;                                                     \
    uint64_t r_ = HIGH, ipm_;                                                   \
                                                                                \
    rt_pgm_arm();                                                               \
    asm volatile("  lgr   %%r2,%[a]\n"                                          \
                 "  sar   %%a2,%[al]\n"                                         \
                 "  lptea %[r],%%r0,%%r2,%[m]\n"                                \
                 "  ipm   %[ipm]\n"                                             \
                 "  sar   %%a2,%[zero]\n"                                       \
                 : [r] "+d"(r_), [ipm] "=d"(ipm_)                               \
                 : [a] "d"((uint64_t)(addr)), [al] "d"((uint64_t)(alet)),       \
                   [m] "i"(m4), [zero] "d"(0ull)                                \
                 : "r2", "cc", "memory");                                       \
    res_.fired = rt_pgm_disarm(&pi_);                                           \
    res_.code = res_.fired ? pi_.code : 0;                                      \
    res_.cc = rt_cc_from_ipm(ipm_);                                             \
    res_.r1 = r_;                                                               \
    res_;                                                                       \
})

static uint64_t psw_go[2] __attribute__((aligned(8)));
static uint64_t psw_back[2] __attribute__((aligned(8)));

/* LPTEA with M4 4 for @addr in the address-space control @asc (DAT off),
 * AR 2 = @alet. */
static struct lptea_res lptea_psw(unsigned asc, uint64_t addr, uint32_t alet)
{
    struct lptea_res res;
    uint64_t r = HIGH, ipm;

    psw_go[0] = PSW_MASK_64 | (uint64_t)asc << 46;
    psw_back[0] = PSW_MASK_64;
    asm volatile("  larl  %%r1,2f\n"
                 "  stg   %%r1,%[backia]\n"
                 "  larl  %%r1,1f\n"
                 "  stg   %%r1,%[goia]\n"
                 "  lgr   %%r2,%[a]\n"
                 "  sar   %%a2,%[al]\n"
                 "  lpswe %[go]\n"
                 "1: lptea %[r],%%r0,%%r2,4\n"
                 "  ipm   %[ipm]\n"
                 "  lpswe %[back]\n"
                 "2: sar  %%a2,%[zero]\n"
                 : [r] "+d"(r), [ipm] "=&d"(ipm), [goia] "=Q"(psw_go[1]),
                   [backia] "=Q"(psw_back[1])
                 : [a] "d"(addr), [al] "d"((uint64_t)alet), [zero] "d"(0ull),
                   [go] "Q"(psw_go), [back] "Q"(psw_back)
                 : "r1", "r2", "cc", "memory");
    res.fired = false;
    res.code = 0;
    res.cc = rt_cc_from_ipm(ipm);
    res.r1 = r;
    return res;
}

static uint64_t adr(const void *p)
{
    return (uint64_t)(uintptr_t)p;
}

/* Primary: region-first table down to the page table; secondary: the
 * segment table alone; home: a DAT-protected region-third table. */
static void build_tables(void)
{
    for (unsigned i = 0; i < 512; i++) {
        r1t[i] = RTE_I | RTE_TT(3);
        r2t[i] = RTE_I | RTE_TT(2);
        r3t[i] = RTE_I | RTE_TT(1);
        r3t_p[i] = RTE_I | RTE_TT(1);
        st[i] = STE_I;
    }
    for (unsigned i = 0; i < 256; i++)
        pt[i] = PTE_I;
    r1t[0] = adr(r2t) | RTE_TT(3) | RTE_TL(0);
    r1t[2] = adr(r2t) | RTE_TT(2) | RTE_TL(0);             /* wrong type */
    r2t[0] = adr(r3t) | RTE_TT(2) | RTE_TL(0);
    r3t[0] = adr(st) | RTE_TT(1) | RTE_TL(0);
    r3t[2] = 0x10000000000ull | RTE_TT(1) | RTE_TL(0);     /* beyond storage */
    r3t[3] = 0x80000000 | STE_FC | RTE_TT(1);              /* EDAT-2 2 GiB frame */
    r3t[4] = 0x80000000 | STE_FC | STE_P | RTE_TT(1);
    r3t_p[0] = adr(st) | RTE_TT(1) | RTE_TL(0) | STE_P;
    st[1] = adr(pt);
    st[2] = adr(pt) | STE_P;
    st[4] = 0x00100000 | STE_FC;
    st[5] = 0x00200000 | STE_FC | STE_P;
    st[6] = 0x7ffff800;                                     /* page table beyond storage */
    rt_lctlg(1, adr(r1t) | ASCE_DT(3) | ASCE_TL(0));
    rt_lctlg(7, adr(st) | ASCE_DT(0) | ASCE_TL(0));
    rt_lctlg(13, adr(r3t_p) | ASCE_DT(1) | ASCE_TL(0));
}

static void check(const char *what, struct lptea_res r, unsigned cc, uint64_t r1)
{
    rt_checkf(!r.fired && r.cc == cc, "%s: cc %u (got %u, code 0x%x)", what, cc, r.cc, r.code);
    rt_check_u64("  R1", r.r1, r1);
}

static void test_primary(void)
{
    check("page: pte address", LPTEA(0, va(0, 0, 0, 1, 5) + 0x123, 0), 0, adr(&pt[5]));
    check("invalid pte: not fetched", LPTEA(0, va(0, 0, 0, 1, 6), 0), 0, adr(&pt[6]));
    check("protected segment", LPTEA(0, va(0, 0, 0, 2, 7), 0), 1, adr(&pt[7]));
    check("page table beyond storage: not fetched", LPTEA(0, va(0, 0, 0, 6, 1), 0), 0,
          0x7ffff808);
    check("invalid segment entry", LPTEA(0, va(0, 0, 0, 3, 0), 0), 2, adr(&st[3]));
    check("invalid region-third entry", LPTEA(0, va(0, 0, 1, 0, 0), 0), 2, adr(&r3t[1]) | 1);
    check("invalid region-second entry", LPTEA(0, va(0, 1, 0, 0, 0), 0), 2, adr(&r2t[1]) | 2);
    check("invalid region-first entry", LPTEA(0, va(1, 0, 0, 0, 0), 0), 2, adr(&r1t[1]) | 3);
    check("region-first length", LPTEA(0, va(512, 0, 0, 0, 0), 0), 3, HIGH | 0x80000039);
    check("region-second length", LPTEA(0, va(0, 512, 0, 0, 0), 0), 3, HIGH | 0x8000003a);
    check("region-third length", LPTEA(0, va(0, 0, 512, 0, 0), 0), 3, HIGH | 0x8000003b);
    check("segment length", LPTEA(0, va(0, 0, 0, 512, 0), 0), 3, HIGH | 0x80000010);
}

static void test_spaces(void)
{
    check("m4 2, secondary: pte address", LPTEA(2, va(0, 0, 0, 1, 9), 0), 0, adr(&pt[9]));
    check("m4 2, ASCE-type", LPTEA(2, va(0, 0, 1, 0, 0), 0), 3, HIGH | 0x80000038);
    check("m4 3, home: region protection ignored without EDAT-1",
          LPTEA(3, va(0, 0, 0, 1, 3), 0), 0, adr(&pt[3]));
    check("m4 1, ALET 0: primary", LPTEA(1, va(0, 0, 0, 1, 4), 0), 0, adr(&pt[4]));
    check("m4 1, ALET 1: secondary", LPTEA(1, va(0, 0, 1, 0, 0), 1), 3, HIGH | 0x80000038);
    check("m4 1, ALET 0x80000000: ALET specification", LPTEA(1, va(0, 0, 0, 1, 4), 0x80000000),
          3, HIGH | 0x80000028);
    check("m4 0 ignores the ALET", LPTEA(0, va(0, 0, 0, 1, 4), 0x80000000), 0, adr(&pt[4]));
    check("m4 4, PSW primary", lptea_psw(ASC_PRIMARY, va(0, 0, 0, 2, 1), 0), 1, adr(&pt[1]));
    check("m4 4, PSW secondary", lptea_psw(ASC_SECONDARY, va(0, 0, 1, 0, 0), 0), 3,
          HIGH | 0x80000038);
    check("m4 4, PSW home", lptea_psw(ASC_HOME, va(0, 0, 0, 3, 0), 0), 2, adr(&st[3]));
    check("m4 4, PSW AR mode, ALET 1", lptea_psw(ASC_AR, va(0, 0, 0, 1, 2), 1), 0,
          adr(&pt[2]));
}

static void test_edat(void)
{
    uint64_t cr0 = rt_stctg(0);

    rt_lctlg(0, cr0 | CR0_EDAT);
    check("EDAT-1 large frame", LPTEA(0, va(0, 0, 0, 4, 2), 0), 2, adr(&st[4]));
    check("EDAT-1 protected large frame: bit 61", LPTEA(0, va(0, 0, 0, 5, 2), 0), 2,
          adr(&st[5]) | 4);
    check("EDAT-1 protected region-third entry", LPTEA(3, va(0, 0, 0, 1, 3), 0), 1,
          adr(&pt[3]));
    check("EDAT-1 page", LPTEA(0, va(0, 0, 0, 1, 5), 0), 0, adr(&pt[5]));
    check("EDAT-2 large region-third frame", LPTEA(0, va(0, 0, 3, 0, 0), 0), 2,
          adr(&r3t[3]) | 1);
    check("EDAT-2 protected large region-third frame", LPTEA(0, va(0, 0, 4, 7, 1), 0), 2,
          adr(&r3t[4]) | 4 | 1);
    rt_lctlg(0, cr0);
}

static void test_exceptions(void)
{
    uint64_t cr7 = rt_stctg(7);
    struct lptea_res r;

    r = LPTEA(5, va(0, 0, 0, 1, 5), 0);
    rt_checkf(r.code == PGM_SPECIFICATION && r.r1 == HIGH, "m4 5: specification, R1 kept");
    r = LPTEA(15, va(0, 0, 0, 1, 5), 0);
    rt_checkf(r.code == PGM_SPECIFICATION, "m4 15: specification");
    r = LPTEA(0, va(2, 0, 0, 0, 0), 0);
    rt_checkf(r.code == PGM_TRANS_SPEC && r.r1 == HIGH,
              "region-first entry of the wrong type: translation specification");
    r = LPTEA(0, va(0, 0, 2, 0, 0), 0);
    rt_checkf(r.code == PGM_ADDRESSING && r.r1 == HIGH,
              "segment table beyond storage: addressing");
    rt_lctlg(7, ASCE_R);
    r = LPTEA(2, va(0, 0, 0, 1, 5), 0);
    rt_checkf(r.code == PGM_SPECIAL_OP && r.r1 == HIGH,
              "real-space designation: special operation");
    rt_lctlg(7, cr7);
}

asm(".pushsection .text\n"
    "lptea_target: lptea %r0,%r0,%r1,0\n"
    ".popsection");
extern const char lptea_target[];

int main(void)
{
    build_tables();
    test_primary();
    test_spaces();
    test_edat();
    test_exceptions();
    rt_check_u64("problem state: privileged operation", in_problem_state(lptea_target),
                 PGM_PRIVILEGED);
    return 0;
}
