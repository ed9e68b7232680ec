/* SIE: what the hardware interprets for the guest and what it intercepts
 * among the control instructions (SIE.md 4.2, 6): the TOD clock seen
 * through the SCB epoch (STCK, STCKE with todpr, the clock comparator),
 * the guest CPU timer and clock comparator living in the SCB, STAP giving
 * icpua, STFLE reading the SCB's facility list (and intercepting without
 * one), STIDP intercepting; I/O and external requests; every validity
 * reason of the entry checks. sieve only: QEMU TCG has no SIE. */
#include "sie_common.h"

#define DIAG44     0x83, 0x00, 0x00, 0x44
#define TOD_SEC    (4096ull * 1000000ull)

static uint64_t fac_list[4] __attribute__((aligned(8))) = {
    0xaaaaaaaaaaaaaaaaull, 0x5555555555555555ull, 0x0123456789abcdefull, 0xfedcba9876543210ull,
};

static uint64_t host_stck(void)
{
    uint64_t v;

    asm volatile("stck %0" : "=Q"(v) : : "cc", "memory");
    return v;
}

static void test_epoch(void)
{
    /* stck 0x300; stcke 0x310; diag */
    static const uint8_t code[] = { 0xb2, 0x05, 0x03, 0x00, 0xb2, 0x78, 0x03, 0x10, DIAG44 };
    const uint64_t epoch = 0x0000100000000000ull;
    uint64_t t0, t1, g, ge;

    scb_init(0);
    put_code(code, sizeof(code));
    st64(scb + 0x38, epoch);
    st32(scb + 0x6c, 0x1234);                       /* todpr */
    t0 = host_stck();
    run_sie();
    t1 = host_stck();
    g = ld64(G(0x300));
    ge = ld64(G(0x311));
    rt_check_u64("epoch: diag intercept", scb[0x50], 0x04);
    rt_checkf(g >= t0 + epoch && g <= t1 + epoch, "epoch: guest stck = host tod + epoch "
              "(%lx in [%lx, %lx])", (unsigned long)g, (unsigned long)(t0 + epoch),
              (unsigned long)(t1 + epoch));
    rt_checkf(ge > g && ge <= t1 + epoch, "epoch: guest stcke tod after stck, with epoch");
    rt_check_u64("stcke: epoch index 0", *G(0x310), 0);
    rt_check_u64("stcke: todpr from the scb", ld16(G(0x31e)), 0x1234);
}

static void test_timers(void)
{
    /* spt 0x380; stpt 0x348; sckc 0x388; stckc 0x358; diag */
    static const uint8_t code[] = {
        0xb2, 0x08, 0x03, 0x80, 0xb2, 0x09, 0x03, 0x48, 0xb2, 0x06, 0x03, 0x88,
        0xb2, 0x07, 0x03, 0x58, DIAG44,
    };
    const uint64_t cputm = 0x7000000000000000ull, ckc = 0xffff000000000000ull;
    const uint64_t host_ckc = 0xfffe000000000000ull;
    uint64_t v;

    scb_init(0);
    put_code(code, sizeof(code));
    st64(G(0x380), cputm);
    st64(G(0x388), ckc);
    asm volatile("sckc %0" : : "Q"(host_ckc) : "memory");
    run_sie();
    rt_check_u64("timers: diag intercept (spt..stckc interpreted)", scb[0x50], 0x04);
    v = ld64(G(0x348));
    rt_checkf(v <= cputm && v > cputm - TOD_SEC, "stpt: the guest timer just set");
    v = ld64(scb + 0x28);
    rt_checkf(v <= ld64(G(0x348)) && v > cputm - TOD_SEC, "spt: scb cputm written back");
    rt_check_u64("sckc: scb ckc written back", ld64(scb + 0x30), ckc);
    rt_check_u64("stckc: the guest's", ld64(G(0x358)), ckc);
    asm volatile("stckc %0" : "=Q"(v) : : "memory");
    rt_check_u64("host clock comparator untouched", v, host_ckc);
}

/* Guest code for the comparator tests: enable ckc and CPU-timer subclasses
 * in the SCB, external new PSW -> 0x5000 (diag). */
static void timer_guest(uint64_t epoch, uint64_t ckc, uint64_t cputm)
{
    static const uint8_t nops[] = { 0x07, 0x00, 0x07, 0x00, DIAG44 };

    scb_init(0);
    put_code(nops, sizeof(nops));
    guest_pgm_handler();                            /* diag at 0x5000 */
    st64(G(0x1b0), PSW_MASK_64);
    st64(G(0x1b8), 0x5000);
    st64(scb + 0x38, epoch);
    st64(scb + 0x30, ckc);
    st64(scb + 0x28, cputm);
    st64(scb + 0x100, 0xe0 | 0x800 | 0x400);        /* CR0: ckc and CPU-timer subclasses */
    st64(scb + 0x90, PSW_MASK_64 | PSW_MASK_EXT);
    run_sie();
}

static void test_clock_comparator(void)
{
    /* ckc 1 is long past: delivered, and before the CPU timer also pending. */
    timer_guest(0, 1, ~0ull);
    rt_check_u64("ckc: delivered, then diag", scb[0x50], 0x04);
    rt_check_u64("ckc: guest ext code 0x1004 before the CPU timer",
                 ld16(G(0x86)), 0x1004);
    rt_check_u64("ckc: guest ext old psw", ld64(G(0x138)), GCODE);
    rt_check_u64("ckc: gpsw in the handler", ld64(scb + 0x98), 0x5004);

    /* An epoch that puts the guest's TOD near 0: a ckc one minute ahead
     * is not due, although the host's TOD is far beyond it. */
    timer_guest(0 - host_stck(), 60 * TOD_SEC, 0x7fffffffffffffffull);
    rt_check_u64("ckc with epoch: not due, guest reaches its diag", scb[0x50], 0x04);
    rt_check_u64("ckc with epoch: gpsw at the diag", ld64(scb + 0x98), GCODE + 8);
    rt_check_u64("ckc with epoch: nothing delivered", ld16(G(0x86)), 0);
}

static void test_stap_stidp(void)
{
    /* stap 0x320; stidp 0x360 */
    static const uint8_t code[] = { 0xb2, 0x12, 0x03, 0x20, 0xb2, 0x02, 0x03, 0x60 };

    scb_init(0);
    put_code(code, sizeof(code));
    st16(scb + 0x46, 5);                            /* icpua */
    st16(G(0x320), 0xffff);
    run_sie();
    rt_check_u64("stap: guest cpu address = icpua", ld16(G(0x320)), 5);
    rt_check_u64("stidp: intercepted", scb[0x50], 0x04);
    rt_check_u64("stidp: ipa", ld16(scb + 0x56), 0xb202);
    rt_check_u64("stidp: ipb", ld32(scb + 0x58), 0x03600000);
    rt_check_u64("stidp: gpsw after it", ld64(scb + 0x98), GCODE + 8);
}

static void test_stfle(void)
{
    /* lghi r0,3; stfle 0x400; ipm r5; diag */
    static const uint8_t code[] = {
        0xa7, 0x09, 0x00, 0x03, 0xb2, 0xb0, 0x04, 0x00, 0xb2, 0x22, 0x00, 0x50, DIAG44,
    };
    uint64_t host[4] = { 0 };
    unsigned have;

    asm volatile("lghi %%r0,3\n\tstfle %0" : "=Q"(host) : : "r0", "cc", "memory");
    for (have = 4; have > 1 && !host[have - 1]; have--)
        ;
    scb_init(0);
    put_code(code, sizeof(code));
    st32(scb + 0x1a0, (uint32_t)(uintptr_t)fac_list);
    run_sie();
    rt_check_u64("stfle with fac: interpreted", scb[0x50], 0x04);
    rt_check_u64("stfle with fac: gpsw at the diag", ld64(scb + 0x98), GCODE + 16);
    for (unsigned i = 0; i < 4; i++)
        rt_checkf(ld64(G(0x400 + 8 * i)) == (i < have ? fac_list[i] : 0),
                  "stfle with fac: doubleword %u from the list (machine length %u)", i, have);
    rt_check_u64("stfle with fac: r0 = machine length - 1", ggr[0] & 0xff, have - 1);
    rt_check_u64("stfle with fac: cc 0", (ggr[5] >> 28) & 3, 0);

    scb_init(0);
    put_code(code, sizeof(code));
    run_sie();
    rt_check_u64("stfle without fac: intercepted", scb[0x50], 0x04);
    rt_check_u64("stfle without fac: ipa", ld16(scb + 0x56), 0xb2b0);
    rt_check_u64("stfle without fac: ipb", ld32(scb + 0x58), 0x04000000);
    rt_check_u64("stfle without fac: nothing stored", ld64(G(0x400)), 0);
}

static void test_requests(void)
{
    /* nop; stosm 0x390,0x01 (enable external); nop; diag */
    static const uint8_t code[] = {
        0x07, 0x00, 0xac, 0x01, 0x03, 0x90, 0xad, 0x01, 0x03, 0x90, 0x07, 0x00, DIAG44,
    };

    scb_init(0);
    put_code(code + 6, sizeof(code) - 6);
    st32(scb, CPUSTAT_ZARCH | CPUSTAT_IO);
    st64(scb + 0x90, PSW_MASK_64 | PSW_MASK_IO);
    run_sie();
    rt_check_u64("io request, guest enabled: icptcode 0x18", scb[0x50], 0x18);
    rt_check_u64("io request: gpsw not advanced", ld64(scb + 0x98), GCODE);
    rt_check_u64("io request: cpuflags kept", ld32(scb), CPUSTAT_ZARCH | CPUSTAT_IO);

    scb_init(0);
    put_code(code + 6, sizeof(code) - 6);
    st32(scb, CPUSTAT_ZARCH | CPUSTAT_IO);
    run_sie();
    rt_check_u64("io request, guest disabled: runs to the diag", scb[0x50], 0x04);

    /* stnsm first keeps external off; then stosm enables it: 0x10 right after. */
    scb_init(0);
    put_code(code, sizeof(code));
    st32(scb, CPUSTAT_ZARCH | CPUSTAT_EXT);
    run_sie();
    rt_check_u64("ext request on stosm: icptcode 0x10", scb[0x50], 0x10);
    rt_check_u64("ext request on stosm: gpsw after the stosm", ld64(scb + 0x98), GCODE + 10);
    rt_check_u64("ext request on stosm: guest enabled", ld64(scb + 0x90) & PSW_MASK_EXT,
                 PSW_MASK_EXT);
}

/* Enter with one SCB field changed; expect validity @reason and the guest
 * PSW untouched. */
static void expect_validity(const char *name, unsigned off, unsigned size, uint64_t v,
                            uint32_t reason)
{
    scb_init(0);
    if (size == 4)
        st32(scb + off, (uint32_t)v);
    else
        st64(scb + off, v);
    run_sie();
    rt_checkf(scb[0x50] == 0x20 && ld32(scb + 0x58) == reason << 16,
              "validity %s: icptcode 0x20, reason 0x%x (got 0x%x, ipb 0x%x)", name, reason,
              scb[0x50], ld32(scb + 0x58));
    rt_checkf(ld64(scb + 0x98) == GCODE, "validity %s: gpsw unchanged", name);
}

static uint8_t new_lowcore[0x2000] __attribute__((aligned(0x2000)));

static void spx(uint32_t p)
{
    asm volatile("spx %0" : : "Q"(p) : "memory");
}

static void test_validity(void)
{
    uint32_t z = CPUSTAT_ZARCH;
    uint32_t pfx = (uint32_t)(uintptr_t)new_lowcore;

    expect_validity("rrf", 0x00, 4, z | CPUSTAT_RRF, 0x0001);
    expect_validity("mcds", 0x00, 4, z | CPUSTAT_MCDS, 0x0001);
    expect_validity("ged+ged2", 0x00, 4, z | CPUSTAT_GED | CPUSTAT_GED2, 0x0001);
    expect_validity("slsr", 0x00, 4, z | CPUSTAT_SLSR, 0x0007);
    expect_validity("sca below 8k", 0x64, 4, 0x1000, 0x0038);
    expect_validity("sca crossing 4k", 0x64, 4, 0x300f00, 0x003b);
    expect_validity("sca beyond storage", 0x5c, 4, 0x10, 0x0034);
    expect_validity("fac beyond storage", 0x1a0, 4, 0x7ffff000, 0x1090);

    /* An SCA in the host's prefix area: move our lowcore first. */
    memcpy(new_lowcore, (void *)0, sizeof(new_lowcore));
    spx(pfx);
    expect_validity("sca in the host prefix area", 0x64, 4, pfx + 0x100, 0x0011);
    spx(0);

    /* Storage-limit suppression: MSO/MSL ignored, so no 0x41 and no 0x10. */
    scb_init(0);
    st32(scb, z | CPUSTAT_SM);
    st64(scb + 0x80, MSO + 0x100000);
    st64(scb + 0x88, 0);
    st64(scb + 0x90, PSW_MASK_64 | PSW_MASK_WAIT);
    run_sie();
    rt_check_u64("sm: mso > msl accepted, wait intercept", scb[0x50], 0x1c);
}

int main(void)
{
    test_epoch();
    test_timers();
    test_clock_comparator();
    test_stap_stidp();
    test_stfle();
    test_requests();
    test_validity();
    return 0;
}
