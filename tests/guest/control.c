/* Control instructions used by every supervisor: STAP, STFL, STFLE, SPX and
 * STPX with prefixing, STOSM/STNSM, LPSWE,
 * LCTLG/STCTG, SIGP sense, SERVC's placement checks. PoO chapter 10. */
#include "rt/rt.h"

static uint8_t sccb[4096] __attribute__((aligned(4096)));
static uint64_t crs[16] __attribute__((aligned(8)));

static void test_stap_stfl(void)
{
    uint32_t stfl;

    rt_check_u64("stap: cpu address 0", rt_stap(), 0);
    asm volatile("stfl 0" ::: "memory");
    stfl = rt_lc32(0xc8);
    rt_check_u64("stfl: z/Architecture installed and active (bits 1, 2)", stfl & 0x60000000,
                 0x60000000);
    rt_check_u64("stfl: STFLE (bit 7)", stfl & 0x01000000, 0x01000000);
}

static void test_stfle(void)
{
    uint64_t list[4] = { 0 };
    uint64_t r0 = 3;
    uint64_t ipm;

    asm volatile("lgr %%r0,%[n]\n\t.insn s,0xb2b00000,%[l]\n\tipm %[ipm]\n\tlgr %[n],%%r0"
                 : [n] "+d"(r0), [ipm] "=d"(ipm), [l] "=Q"(list) : : "r0", "cc", "memory");
    rt_check_u64("stfle: cc 0 with room for 4 doublewords", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("stfle: long-displacement (18), extended-immediate (21)",
                 list[0] & 0x0000240000000000ull, 0x0000240000000000ull);
    rt_check_u64("stfle: general-instructions-extension (34)",
                 list[0] & 0x0000000020000000ull, 0x0000000020000000ull);
    rt_check_u64("stfle: z196 general facilities (45)", list[0] & 0x0000000000040000ull,
                 0x0000000000040000ull);
    rt_check((r0 & 0xff) < 4, "stfle: r0 names at least one doubleword");
}

static void test_prefix(void)
{
    uint32_t pfx = 1;
    volatile uint64_t *real_lc = (volatile uint64_t *)0x3e8;

    /* the new prefix area gets a copy of the lowcore so interruptions work */
    memcpy((void *)0x10000, (void *)0, 0x2000);
    asm volatile("spx %0" : : "Q"((uint32_t){0x10000}) : "memory");
    asm volatile("stpx %0" : "=Q"(pfx));
    rt_check_u64("stpx after spx 0x10000", pfx, 0x10000);
    *real_lc = 0x1122334455667788ull;      /* real 0x3e8 -> absolute 0x103e8 */
    asm volatile("spx %0" : : "Q"((uint32_t){0}) : "memory");
    rt_check_u64("prefixed store reached absolute prefix + 0x3e8",
                 *(volatile uint64_t *)0x103e8, 0x1122334455667788ull);
    rt_check(*real_lc != 0x1122334455667788ull, "real 0x3e8 under prefix 0 is absolute 0x3e8");
}

static void test_system_mask(void)
{
    uint8_t old = 0xff, old2 = 0xff;

    asm volatile("stosm %0,0x00" : "=Q"(old) : : "memory");
    rt_check_u64("stosm: system mask is 0 (interruptions off)", old, 0);
    asm volatile("stnsm %0,0xff" : "=Q"(old2) : : "memory");
    rt_check_u64("stnsm: stores the unchanged mask", old2, 0);
}

static void test_control_registers(void)
{
    uint64_t saved[16] __attribute__((aligned(8)));
    uint64_t v = 0x0123456700000000ull;

    asm volatile("stctg 0,15,%0" : "=Q"(saved) : : "memory");
    rt_check_u64("stctg: CR0 has the service-signal subclass (bit 54)", saved[0] & 0x200, 0x200);
    asm volatile("lctlg 10,10,%0\n\tstctg 10,10,%1" : : "Q"(v), "Q"(crs[10]) : "memory");
    rt_check_u64("lctlg/stctg CR10 round trip", crs[10], v);
    asm volatile("lctl 10,10,%0\n\tstctg 10,10,%1" : : "Q"((uint32_t){0x89abcdef}), "Q"(crs[10])
                 : "memory");
    rt_check_u64("lctl replaces bits 32-63 only", crs[10], 0x0123456789abcdefull);
    asm volatile("lctlg 10,10,%0" : : "Q"(saved[10]) : "memory");
}

static void test_lpswe(void)
{
    uint64_t psw[2] __attribute__((aligned(8)));
    struct rt_pgm_info pi;

    /* a valid PSW: continue at label 1 with CC 2 */
    psw[0] = 0x0000200180000000ull;
    asm volatile("larl %%r1,1f\n\tstg %%r1,%[a]\n\tlpswe %[p]\n\tlhi %%r1,-1\n1:\tipm %%r1\n\t"
                 "srl %%r1,28\n\tstg %%r1,%[a]"
                 : [a] "+Q"(psw[1]) : [p] "Q"(*(uint64_t (*)[2])psw) : "r1", "cc", "memory");
    rt_check_u64("lpswe: continues at the new address with the new CC", psw[1], 2);

    /* misaligned operand: specification, ILC 2 */
    rt_pgm_arm();
    asm volatile("lpswe 4(%0)" : : "a"(psw) : "memory");
    rt_check(rt_pgm_disarm(&pi), "lpswe of a misaligned operand: interruption");
    rt_check_u64("  code: specification", pi.code, PGM_SPECIFICATION);
    rt_check_u64("  ilc 2", pi.ilc, 2);
}

static void test_sigp(void)
{
    uint64_t ipm;

    asm volatile("lghi %%r2,0\n\tlghi %%r3,0\n\tsigp %%r2,%%r3,1\n\tipm %0"
                 : "=d"(ipm) : : "r2", "r3", "cc");
    rt_check_u64("sigp sense to itself: cc 0 (operating)", rt_cc_from_ipm(ipm), 0);
    asm volatile("lghi %%r2,0\n\tlghi %%r3,63\n\tsigp %%r2,%%r3,1\n\tipm %0"
                 : "=d"(ipm) : : "r2", "r3", "cc");
    rt_check_u64("sigp sense to CPU 63: cc 3 (not operational)", rt_cc_from_ipm(ipm), 3);
}

static void servc_at(void *arg)
{
    asm volatile("lgr %%r2,%0\n\tllilf %%r1,0x00020001\n\t.insn rre,0xb2200000,%%r1,%%r2"
                 : : "d"(arg) : "r1", "r2", "cc", "memory");
}

static void test_servc(void)
{
    struct rt_pgm_info pi;

    rt_check_u64("servc: misaligned SCCB -> specification",
                 rt_pgm_try(servc_at, sccb + 4, &pi), PGM_SPECIFICATION);
    rt_check_u64("servc: SCCB in the first 8 KiB -> specification",
                 rt_pgm_try(servc_at, (void *)0x1000, &pi), PGM_SPECIFICATION);
    memset(sccb, 0, 16);
    sccb[1] = 16;
    rt_check_u64("servc: unknown command accepted (cc 0)", rt_sclp_call(0x00ff0001, sccb), 0);
    rt_check_u64("servc: unknown command -> response 0x01f0", sccb[6] << 8 | sccb[7], 0x01f0);
}

int main(void)
{
    test_stap_stfl();
    test_stfle();
    test_prefix();
    test_system_mask();
    test_control_registers();
    test_lpswe();
    test_sigp();
    test_servc();
    return 0;
}
