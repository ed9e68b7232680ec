/* Loading and storing control registers (PoO ch. 10 "LOAD CONTROL",
 * "STORE CONTROL"): the register range wraps from CR15 to CR0; LCTL
 * replaces bits 32-63 and keeps bits 0-31, STCTL stores bits 32-63 as
 * words; LCTL/STCTL want a word-aligned operand, LCTLG/STCTG a doubleword
 * (specification exception, ILC 2 or 3); an operand beyond storage is an
 * addressing exception; all four are privileged. Only CRs the runtime does
 * not use with DAT off are changed (CR0 is reloaded with its own value). */
#include "psw_run.h"

#define BEYOND  0x8000000ul             /* the end of 128 MiB */

static uint64_t saved[16] __attribute__((aligned(8)));
static uint64_t dw[16] __attribute__((aligned(8)));
static uint32_t w[16] __attribute__((aligned(8)));

static void save_crs(void)
{
    asm volatile("stctg 0,15,%0" : "=Q"(saved) : : "memory");
}

/* All CRs back as saved; got[] receives them as they were before. */
static uint64_t got[16] __attribute__((aligned(8)));

static void restore_crs(void)
{
    asm volatile("stctg 0,15,%0\n\tlctlg 0,15,%1" : "=Q"(got) : "Q"(saved) : "memory");
}

static void test_wrap(void)
{
    uint64_t out[3] __attribute__((aligned(8)));

    save_crs();
    dw[0] = 0x1515151515151515ull;
    dw[1] = saved[0];
    dw[2] = 0x0101010101010101ull;
    asm volatile("lctlg 15,1,%1\n\tstctg 15,1,%0" : "=Q"(out) : "Q"(dw) : "memory");
    restore_crs();
    rt_check_u64("lctlg 15,1: CR15", got[15], dw[0]);
    rt_check_u64("lctlg 15,1: CR0 (wrapped)", got[0], saved[0]);
    rt_check_u64("lctlg 15,1: CR1 (wrapped)", got[1], dw[2]);
    rt_checkf(out[0] == dw[0] && out[1] == saved[0] && out[2] == dw[2],
              "stctg 15,1: CR15, CR0, CR1 in order");
    rt_check_u64("lctlg 15,1: CR2 untouched", got[2], saved[2]);
}

static void test_words(void)
{
    uint32_t out[5] __attribute__((aligned(8)));

    save_crs();
    dw[0] = 0xaaaaaaaa00000000ull;
    dw[1] = 0xbbbbbbbb00000000ull;
    dw[2] = 0xcccccccc00000000ull;
    w[0] = 0x11111111;
    w[1] = 0x22222222;
    w[2] = 0x33333333;
    asm volatile("lctlg 9,11,%0\n\tlctl 9,11,%1" : : "Q"(dw), "Q"(w) : "memory");
    asm volatile("stctl 9,11,%0" : "=Q"(out) : : "memory");
    restore_crs();
    rt_check_u64("lctl 9,11: CR9 bits 0-31 kept", got[9], 0xaaaaaaaa11111111ull);
    rt_check_u64("lctl 9,11: CR10", got[10], 0xbbbbbbbb22222222ull);
    rt_check_u64("lctl 9,11: CR11", got[11], 0xcccccccc33333333ull);
    rt_checkf(out[0] == 0x11111111 && out[1] == 0x22222222 && out[2] == 0x33333333,
              "stctl 9,11: bits 32-63 as three words");

    save_crs();
    w[0] = 0x0f0f0f0f;
    w[1] = (uint32_t)saved[0];
    out[2] = 0x5a5a5a5a;
    asm volatile("lctl 15,0,%1\n\tstctl 15,0,%0" : "=Q"(out) : "Q"(w) : "memory");
    restore_crs();
    rt_check_u64("lctl 15,0: CR15 bits 0-31 kept", got[15],
                 (saved[15] & 0xffffffff00000000ull) | 0x0f0f0f0f);
    rt_checkf(out[0] == 0x0f0f0f0f && out[1] == (uint32_t)saved[0] && out[2] == 0x5a5a5a5a,
              "stctl 15,0: two words, nothing after");
}

/* Check the program interruption @code with ILC @ilc recorded in *pi. */
static void check_exc(const char *what, unsigned code, unsigned ilc, const struct rt_pgm_info *pi)
{
    rt_checkf(pi->fired && pi->code == code, "%s: code 0x%x (got 0x%x)", what, code,
              pi->fired ? pi->code : 0);
    rt_checkf(pi->ilc == ilc, "%s: ilc %u", what, ilc);
}

static void test_exceptions(void)
{
    uint64_t ps = PSW_MASK_64 | PSW_MASK_PSTATE, at;
    uintptr_t b = (uintptr_t)dw;
    struct rt_pgm_info pi;

    save_crs();
    PSW_RUN(&pi, &at, PSW_MASK_64, "lctl 9,9,0(%%r2)", b + 2, 0);
    check_exc("lctl halfword-aligned: specification", PGM_SPECIFICATION, 2, &pi);
    PSW_RUN(&pi, &at, PSW_MASK_64, "stctl 9,9,0(%%r2)", b + 1, 0);
    check_exc("stctl odd address: specification", PGM_SPECIFICATION, 2, &pi);
    PSW_RUN(&pi, &at, PSW_MASK_64, "lctlg 9,9,0(%%r2)", b + 4, 0);
    check_exc("lctlg word-aligned: specification", PGM_SPECIFICATION, 3, &pi);
    PSW_RUN(&pi, &at, PSW_MASK_64, "stctg 9,9,0(%%r2)", b + 4, 0);
    check_exc("stctg word-aligned: specification", PGM_SPECIFICATION, 3, &pi);
    PSW_RUN(&pi, &at, PSW_MASK_64, "lctlg 9,11,0(%%r2)", BEYOND - 8, 0);
    check_exc("lctlg running beyond storage: addressing", PGM_ADDRESSING, 3, &pi);
    PSW_RUN(&pi, &at, PSW_MASK_64, "stctl 9,9,0(%%r2)", BEYOND, 0);
    check_exc("stctl beyond storage: addressing", PGM_ADDRESSING, 2, &pi);
    restore_crs();
    PSW_RUN(&pi, &at, ps, "lctl 9,9,0(%%r2)", b, 0);
    check_exc("lctl in the problem state: privileged", PGM_PRIVILEGED, 2, &pi);
    PSW_RUN(&pi, &at, ps, "stctg 9,9,0(%%r2)", b, 0);
    check_exc("stctg in the problem state: privileged", PGM_PRIVILEGED, 3, &pi);
    PSW_RUN(&pi, &at, ps, "stctl 9,9,1(%%r2)", b, 0);
    check_exc("stctl misaligned in the problem state: privileged first", PGM_PRIVILEGED, 2,
              &pi);
}

int main(void)
{
    test_wrap();
    test_words();
    test_exceptions();
    return 0;
}
