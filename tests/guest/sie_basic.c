/* SIE (B214) as a bare-metal L1 hypervisor: build an SCB and a 1 MiB guest
 * at MSO 16 MiB in our own storage (host DAT off), run it, check the
 * intercepts. Facts: ../shared/docs/SIE.md 3-5. QEMU TCG has no SIE, so the
 * runner runs this on sieve only (qemu-deviations.txt). */
#include "sie_common.h"

static void test_diag(void)
{
    /* lghi r2,5; aghi r2,1; lghi r14,0x14; lghi r15,0x15; diag 0,0,0x44 */
    static const uint8_t code[] = {
        0xa7, 0x29, 0x00, 0x05, 0xa7, 0x2b, 0x00, 0x01, 0xa7, 0xe9, 0x00, 0x14,
        0xa7, 0xf9, 0x00, 0x15, 0x83, 0x00, 0x00, 0x44,
    };

    scb_init(0);
    put_code(code, sizeof(code));
    ggr[2] = 99;
    run_sie();
    rt_check_u64("diag: icptcode 0x04", scb[0x50], 0x04);
    rt_check_u64("diag: ipa", ld16(scb + 0x56), 0x8300);
    rt_check_u64("diag: ipb", ld32(scb + 0x58), 0x00440000);
    rt_check_u64("diag: gpsw after the instruction", ld64(scb + 0x98), GCODE + 20);
    rt_check_u64("diag: gpsw mask, cc 2 from aghi", ld64(scb + 0x90), PSW_MASK_64 | (2ull << 44));
    rt_check_u64("diag: guest r2 shared", ggr[2], 6);
    rt_check_u64("diag: gg14", ld64(scb + 0xa0), 0x14);
    rt_check_u64("diag: gg15", ld64(scb + 0xa8), 0x15);
}

static void test_sske(void)
{
    /* sske r1,r2 (RRF-c B22B 00 12) */
    static const uint8_t code[] = { 0xb2, 0x2b, 0x00, 0x12 };

    scb_init(ICTL_SSKE);
    put_code(code, sizeof(code));
    run_sie();
    rt_check_u64("sske: icptcode 0x04", scb[0x50], 0x04);
    rt_check_u64("sske: ipa", ld16(scb + 0x56), 0xb22b);
    rt_check_u64("sske: ipb", ld32(scb + 0x58), 0x00120000);
    rt_check_u64("sske: gpsw", ld64(scb + 0x98), GCODE + 4);
}

static void validity(const char *name, uint32_t flags, uint64_t msl, uint32_t prefix,
                     uint32_t reason)
{
    scb_init(0);
    st32(scb, flags);
    st64(scb + 0x88, msl);
    st32(scb + 0x04, prefix);
    run_sie();
    rt_checkf(scb[0x50] == 0x20, "validity %s: icptcode 0x20", name);
    rt_checkf(ld32(scb + 0x58) == reason << 16, "validity %s: reason 0x%x (got ipb 0x%x)",
              name, reason, ld32(scb + 0x58));
    rt_checkf(ld64(scb + 0x98) == GCODE, "validity %s: gpsw unchanged", name);
}

static void test_validity(void)
{
    validity("no zarch", 0, MSO + GUEST_SIZE - 1, 0, 0x0001);
    validity("slsv", CPUSTAT_ZARCH | CPUSTAT_SLSV, MSO + GUEST_SIZE - 1, 0, 0x0007);
    validity("mso > msl", CPUSTAT_ZARCH, MSO - GUEST_SIZE, 0, 0x0041);
    validity("prefix beyond msl", CPUSTAT_ZARCH, MSO + GUEST_SIZE - 1, 0x100000, 0x0010);
}

static void test_pgm(void)
{
    /* lghi r3,7; .short 0 (operation exception) */
    static const uint8_t code[] = { 0xa7, 0x39, 0x00, 0x07, 0x00, 0x00 };

    scb_init(0);
    put_code(code, sizeof(code));
    guest_pgm_handler();
    run_sie();
    rt_check_u64("pgm delivered: then diag intercept", scb[0x50], 0x04);
    rt_check_u64("pgm delivered: gpsw in the handler", ld64(scb + 0x98), 0x5004);
    rt_check_u64("pgm delivered: guest code", ld16(G(0x8e)), 1);
    rt_check_u64("pgm delivered: guest ilc", ld16(G(0x8c)), 2);
    rt_check_u64("pgm delivered: guest old psw", ld64(G(0x158)), GCODE + 6);
    rt_check_u64("pgm delivered: r3", ggr[3], 7);

    scb_init(ICTL_OPEREXC);
    put_code(code, sizeof(code));
    run_sie();
    rt_check_u64("operexc: icptcode 0x2c", scb[0x50], 0x2c);
    rt_check_u64("operexc: ipa", ld16(scb + 0x56), 0x0000);
    rt_check_u64("operexc: gpsw after", ld64(scb + 0x98), GCODE + 6);

    scb_init(ICTL_PINT);
    put_code(code, sizeof(code));
    run_sie();
    rt_check_u64("pint: icptcode 0x08", scb[0x50], 0x08);
    rt_check_u64("pint: iprcc", ld16(scb + 0xce), 1);
    rt_check_u64("pint: pgmilc", ld16(scb + 0xcc), 2);
    rt_check_u64("pint: gpsw", ld64(scb + 0x98), GCODE + 6);
    rt_check_u64("pint: guest lowcore untouched", ld16(G(0x8e)), 0);
}

static void test_storage(void)
{
    /* lgfi r4,0x100000 (one past MSL); lghi r5,0x55; stc r5,0x100(0);
     * stpx 0x108(0); stc r5,0(r4) -> addressing */
    static const uint8_t code[] = {
        0xc0, 0x41, 0x00, 0x10, 0x00, 0x00, 0xa7, 0x59, 0x00, 0x55,
        0x42, 0x50, 0x01, 0x00, 0xb2, 0x11, 0x01, 0x08, 0x42, 0x54, 0x00, 0x00,
    };

    scb_init(0);
    st32(scb + 0x04, 0x8000);           /* guest prefix 0x8000 */
    put_code(code, sizeof(code));
    guest_pgm_handler();
    run_sie();
    rt_check_u64("storage: addressing intercepted 0x08", scb[0x50], 0x08);
    rt_check_u64("storage: iprcc 5", ld16(scb + 0xce), 5);
    rt_check_u64("storage: gpsw", ld64(scb + 0x98), GCODE + 22);
    rt_check_u64("storage: store via guest prefix", *G(0x8100), 0x55);
    rt_check_u64("storage: real 0x100 untouched", *G(0x100), 0);
    rt_check_u64("storage: stpx", ld32(G(0x8108)), 0x8000);
}

static void test_wait_and_requests(void)
{
    /* lpswe 0x200(0): wait PSW */
    static const uint8_t code[] = { 0xb2, 0xb2, 0x02, 0x00 };
    static const uint8_t nops[] = { 0x07, 0x00, 0x07, 0x00 };

    scb_init(0);
    put_code(code, sizeof(code));
    st64(G(0x200), PSW_MASK_64 | PSW_MASK_WAIT | PSW_MASK_EXT);
    st64(G(0x208), 0x6000);
    run_sie();
    rt_check_u64("wait: icptcode 0x1c", scb[0x50], 0x1c);
    rt_check_u64("wait: gpsw mask", ld64(scb + 0x90), PSW_MASK_64 | PSW_MASK_WAIT | PSW_MASK_EXT);
    rt_check_u64("wait: gpsw addr", ld64(scb + 0x98), 0x6000);

    scb_init(0);
    put_code(nops, sizeof(nops));
    st32(scb, CPUSTAT_ZARCH | CPUSTAT_EXT);
    st64(scb + 0x90, PSW_MASK_64 | PSW_MASK_EXT);
    run_sie();
    rt_check_u64("ext request: icptcode 0x10", scb[0x50], 0x10);
    rt_check_u64("ext request: gpsw", ld64(scb + 0x98), GCODE);

    scb_init(0);
    put_code(nops, sizeof(nops));
    st32(scb, CPUSTAT_ZARCH | CPUSTAT_STOP);
    run_sie();
    rt_check_u64("stop request: icptcode 0x28", scb[0x50], 0x28);
    rt_check_u64("stop request: cpuflags kept", ld32(scb), CPUSTAT_ZARCH | CPUSTAT_STOP);
}

/* Guest DAT on: a segment table at guest 0x10000 (one page table at
 * 0x11000) maps the code page to itself and virtual 0x8000 to real 0x7000. */
static void test_guest_dat(void)
{
    /* llill r6,0x8000; mvi 0x10(r6),0x77; diag 0,0,0x44 */
    static const uint8_t code[] = {
        0xa5, 0x6f, 0x80, 0x00, 0x92, 0x77, 0x60, 0x10, 0x83, 0x00, 0x00, 0x44,
    };
    uint64_t st = 0x10000, pt = 0x11000;

    scb_init(0);
    put_code(code, sizeof(code));
    for (uint64_t i = 0; i < 2048; i++)
        st64(G(st + 8 * i), 0x20);              /* invalid */
    for (uint64_t i = 0; i < 256; i++)
        st64(G(pt + 8 * i), 0x400);             /* invalid */
    st64(G(st + 8 * 0), pt);                    /* segment 0 -> pt (identity for code) */
    st64(G(pt + 8 * 4), 0x4000);                /* page 4 (code) identity */
    st64(G(pt + 8 * 8), 0x7000);                /* virtual 0x8000 -> real 0x7000 */
    st64(scb + 0x108, st | 3);                          /* guest CR1: segment table, TL 3 */
    st64(scb + 0x90, PSW_MASK_64 | PSW_MASK_DAT);
    run_sie();
    rt_check_u64("guest dat: icptcode 0x04", scb[0x50], 0x04);
    rt_check_u64("guest dat: store through guest tables", *G(0x7010), 0x77);
    rt_check_u64("guest dat: virtual page untouched", *G(0x8010), 0);
}

static void test_controls(void)
{
    static const uint8_t ex[] = { 0x44, 0x00, 0x03, 0x00 };            /* ex 0,0x300 */
    static const uint8_t svc[] = { 0x0a, 0x05 };                        /* svc 5 */
    static const uint8_t lctlg[] = { 0xeb, 0x00, 0x03, 0x00, 0x00, 0x2f, /* lctlg 0,0,0x300 */
                                     0x83, 0x00, 0x00, 0x44 };

    scb_init(0);
    put_code(ex, sizeof(ex));
    *G(0x300) = 0x83; *G(0x301) = 0x00; *G(0x302) = 0x00; *G(0x303) = 0x44;
    run_sie();
    rt_check_u64("ex target: icptcode 0x04", scb[0x50], 0x04);
    rt_check_u64("ex target: ipa", ld16(scb + 0x56), 0x8300);
    rt_check_u64("ex target: ipb", ld32(scb + 0x58), 0x00440000);
    rt_check_u64("ex target: icptstatus", scb[0x51], 0x01);
    rt_check_u64("ex target: gpsw after the EX", ld64(scb + 0x98), GCODE + 4);

    scb_init(0);
    st32(scb + 0x40, 0x40000000u | 5u << 16);     /* svcc: intercept SVC 5 */
    put_code(svc, sizeof(svc));
    run_sie();
    rt_check_u64("svc 5: icptcode 0x04", scb[0x50], 0x04);
    rt_check_u64("svc 5: ipa", ld16(scb + 0x56), 0x0a05);
    rt_check_u64("svc 5: ipb", ld32(scb + 0x58), 0);
    rt_check_u64("svc 5: icptstatus", scb[0x51], 0);
    rt_check_u64("svc 5: gpsw", ld64(scb + 0x98), GCODE + 2);

    scb_init(0);
    *(volatile uint16_t *)(scb + 0x44) = 0x8000;  /* lctl: CR0 */
    put_code(lctlg, sizeof(lctlg));
    st64(G(0x300), 0x00000000000400e0ull);
    run_sie();
    rt_check_u64("lctlg cr0 with lctl: icptcode 0x04", scb[0x50], 0x04);
    rt_check_u64("lctlg cr0 with lctl: ipa", ld16(scb + 0x56), 0xeb00);
    rt_check_u64("lctlg cr0 with lctl: ipb", ld32(scb + 0x58), 0x0300002f);
    rt_check_u64("lctlg cr0 with lctl: gcr0 unchanged", ld64(scb + 0x100), 0xe0);

    scb_init(0);
    *(volatile uint16_t *)(scb + 0x44) = 0x4000;  /* lctl: CR1 only */
    put_code(lctlg, sizeof(lctlg));
    st64(G(0x300), 0x00000000000400e0ull);
    run_sie();
    rt_check_u64("lctlg cr0 interpreted: diag intercept", scb[0x50], 0x04);
    rt_check_u64("lctlg cr0 interpreted: gpsw", ld64(scb + 0x98), GCODE + 10);
    rt_check_u64("lctlg cr0 interpreted: gcr0 written back", ld64(scb + 0x100),
                 0x00000000000400e0ull);
}

/* A negative guest CPU timer with the guest enabled: the external
 * interruption goes into the guest lowcore (SIE.md 6). */
static void test_guest_timer(void)
{
    static const uint8_t nops[] = { 0x07, 0x00, 0x07, 0x00 };

    scb_init(0);
    put_code(nops, sizeof(nops));
    st64(scb + 0x28, ~0ull);                      /* guest CPU timer -1 */
    st64(scb + 0x100, 0xe0 | 0x400);              /* CR0 CPU-timer subclass */
    st64(scb + 0x90, PSW_MASK_64 | PSW_MASK_EXT);
    st64(G(0x1b0), PSW_MASK_64);
    st64(G(0x1b8), 0x5000);
    guest_pgm_handler();                          /* diag 0x44 at 0x5000 */
    run_sie();
    rt_check_u64("guest cpu timer: delivered, then diag", scb[0x50], 0x04);
    rt_check_u64("guest cpu timer: gpsw", ld64(scb + 0x98), 0x5004);
    rt_check_u64("guest cpu timer: code 0x1005", ld16(G(0x86)), 0x1005);
    rt_check_u64("guest cpu timer: old psw", ld64(G(0x138)), GCODE);
    rt_check((int64_t)ld64(scb + 0x28) < 0, "guest cpu timer: still negative in the SCB");
}

int main(void)
{
    test_diag();
    test_sske();
    test_validity();
    test_pgm();
    test_storage();
    test_wait_and_requests();
    test_guest_dat();
    test_controls();
    test_guest_timer();
    return 0;
}
