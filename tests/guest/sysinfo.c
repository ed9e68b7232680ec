/* STORE SYSTEM INFORMATION and DIAGNOSE: configuration level, SYSIB fields
 * both machines define the same way, condition codes and exceptions. */
#include "rt/rt.h"

static uint8_t sysib[4096] __attribute__((aligned(4096)));

/* Run STSI with GR0 = @r0 and GR1 = @r1 on @buf. Returns the CC; *r0out gets GR0. */
static unsigned stsi(uint64_t r0, uint64_t r1, void *buf, uint64_t *r0out)
{
    uint64_t ipm;

    asm volatile("lgr %%r0,%[r0]\n\tlgr %%r1,%[r1]\n\tstsi 0(%[b])\n\tipm %[ipm]\n\t"
                 "lgr %[r0],%%r0"
                 : [r0] "+d"(r0), [ipm] "=d"(ipm) : [r1] "d"(r1), [b] "a"(buf)
                 : "r0", "r1", "cc", "memory");
    if (r0out)
        *r0out = r0;
    return rt_cc_from_ipm(ipm);
}

static void stsi_badbits(void *arg)
{
    (void)arg;
    stsi(0x10000101ull | 0x100000, 1, sysib, 0);     /* bit 43 of GR0 one */
}

static void stsi_misaligned(void *arg)
{
    (void)arg;
    stsi(0x10000101ull, 1, sysib + 8, 0);
}

/* Linux encodes the function code in the displacement with base 0. */
static void diag_44(void *arg)
{
    (void)arg;
    asm volatile("diag 0,0,0x44" : : : "memory");
}

static void diag_unknown(void *arg)
{
    (void)arg;
    asm volatile("diag 0,0,0x234" : : : "memory");
}

static void test_stsi(void)
{
    struct rt_pgm_info pi;
    uint64_t r0;

    rt_check_u64("stsi 0.0.0: cc 0", stsi(0, 0, sysib, &r0), 0);
    rt_check_u64("stsi 0.0.0: level 3 in GR0 bits 32-35", (r0 >> 28) & 0xf, 3);
    rt_check_u64("stsi 1.1.1: cc 0", stsi(0x10000001ull, 1, sysib, 0), 0);
    rt_check_u64("stsi 1.2.2: cc 0", stsi(0x10000002ull, 2, sysib, 0), 0);
    rt_check_u64("stsi 1.2.2: cpus total", sysib[36] << 8 | sysib[37], 1);
    rt_check_u64("stsi 1.2.2: cpus configured", sysib[38] << 8 | sysib[39], 1);
    rt_check_u64("stsi 2.2.2: cc 0", stsi(0x20000002ull, 2, sysib, 0), 0);
    rt_check_u64("stsi 2.2.2: cpus total", sysib[36] << 8 | sysib[37], 1);
    rt_check_u64("stsi 3.2.2: cc 0", stsi(0x30000002ull, 2, sysib, 0), 0);
    rt_check_u64("stsi 3.2.2: one VM description", sysib[31] & 0xf, 1);
    rt_check_u64("stsi 3.2.2: cpus total", sysib[36] << 8 | sysib[37], 1);
    rt_check_u64("stsi 3.2.2: control program starts with EBCDIC KVM",
                 sysib[56] << 16 | sysib[57] << 8 | sysib[58], 0xd2e5d4);
    rt_check_u64("stsi 1.1.3: cc 3", stsi(0x10000001ull, 3, sysib, 0), 3);
    rt_check_u64("stsi 4.1.1: cc 3", stsi(0x40000001ull, 1, sysib, 0), 3);
    rt_check_u64("stsi reserved GR0 bits: specification",
                 rt_pgm_try(stsi_badbits, 0, &pi), PGM_SPECIFICATION);
    rt_check_u64("stsi operand not on 4K: specification",
                 rt_pgm_try(stsi_misaligned, 0, &pi), PGM_SPECIFICATION);
}

static void test_diag(void)
{
    struct rt_pgm_info pi;

    rt_check_u64("diag 0x44 (time-slice end) completes",
                 rt_pgm_try(diag_44, 0, &pi), 0);
    rt_check_u64("diag 0x234 (unknown): specification",
                 rt_pgm_try(diag_unknown, 0, &pi), PGM_SPECIFICATION);
}

int main(void)
{
    test_stsi();
    test_diag();
    return 0;
}
