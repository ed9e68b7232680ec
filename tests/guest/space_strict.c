/* Address-space control and keyed moves where QEMU 7.2 departs from the
 * PoO (ch. 10: it lacks SAC, IAC, EPAR, ESAR, IVSK, MVCK, MVCSK, MVCDK,
 * MVPG's access key and the special-operation and space-switch-event rules
 * of SAC/SACF). Runs on sieve only (qemu-deviations.txt). */
#include "space_common.h"

static void test_sac(void)
{
    static const char *const name[4] = { "primary", "secondary", "AR", "home" };
    static const unsigned codes[3] = { 0, 1, 3 };
    static const unsigned space_of[4] = { P, S, P, H };
    struct mode_result r;

    for (unsigned f = 0; f < 2; f++) {
        for (unsigned i = 0; i < 3; i++) {
            unsigned c = codes[i];

            in_mode(c, f, true, &r);
            rt_checkf(r.cc == c, "%s %s: IAC cc %u", f ? "sacf" : "sac", name[c], r.cc);
            rt_checkf(r.iac == (0xffffffffffff00ffull | (uint64_t)c << 8),
                      "%s %s: IAC bits 48-55 (0x%llx)", f ? "sacf" : "sac", name[c],
                      (unsigned long long)r.iac);
            rt_checkf(r.v == ((uint64_t)(space_of[c] + 1) << 32 | 1),
                      "%s %s: VBASE in the %s space", f ? "sacf" : "sac", name[c], name[c]);
        }
    }
}

static void sac_bad(void *arg)
{
    uint8_t sm;

    asm volatile("  stosm %[sm],0x04\n"
                 "  sac   0(%[c])\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm) : [c] "a"((uintptr_t)arg) : "memory");
}

static void test_sac_spec(void)
{
    struct rt_pgm_info pi;

    rt_check_u64("sac mode 4: specification", rt_pgm_try(sac_bad, (void *)0x400, &pi),
                 PGM_SPECIFICATION);
    rt_check_u64("sac mode 15: specification", rt_pgm_try(sac_bad, (void *)0xf00, &pi),
                 PGM_SPECIFICATION);
}

static void test_asn(void)
{
    uint64_t p = 0x1122334455667788ull, s = 0x99aabbccddeeff00ull;
    uint64_t cr3 = rt_stctg(3), cr4 = rt_stctg(4);
    uint8_t sm;

    rt_lctlg(3, (cr3 & ~0xffffull) | 0x0abc);
    rt_lctlg(4, (cr4 & ~0xffffull) | 0x1234);
    asm volatile("  stosm %[sm],0x04\n"
                 "  epar  %[p]\n"
                 "  esar  %[s]\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [p] "+d"(p), [s] "+d"(s) : : "memory");
    rt_check_u64("epar: PASN, bits 32-47 zero", p, 0x1122334400001234ull);
    rt_check_u64("esar: SASN, bits 32-47 zero", s, 0x99aabbcc00000abcull);
    rt_lctlg(3, cr3);
    rt_lctlg(4, cr4);
}

/* MVCK of @len bytes from src to dst with the key in R3. Returns the CC. */
static unsigned mvck(void *dst, const void *src, uint64_t len, uint64_t key)
{
    uint64_t ipm;

    asm volatile("  mvck  0(%[l],%[d]),0(%[s]),%[k]\n"
                 "  ipm   %[ipm]\n"
                 : [ipm] "=d"(ipm)
                 : [l] "d"(len), [d] "a"(dst), [s] "a"(src), [k] "d"(key)
                 : "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

static void test_mvck(void)
{
    static uint8_t src[300];
    uint64_t len = 15;

    for (unsigned i = 0; i < sizeof(src); i++)
        src[i] = (uint8_t)(i * 7);
    memset(buf, 0, sizeof(buf));
    rt_check_u64("mvck 10: cc 0", mvck(buf, src, 10, 0), 0);
    rt_check_mem("mvck 10: moved", buf, src, 10);
    rt_check_u64("mvck 10: byte 10 untouched", buf[10], 0);
    rt_check_u64("mvck 300: cc 3", mvck(buf, src, 300, 0), 3);
    rt_check_mem("mvck 300: 256 moved", buf, src, 256);
    rt_check_u64("mvck 300: byte 256 untouched", buf[256], 0);

    memset(buf, 0, sizeof(buf));
    asm volatile("  lgr   %%r0,%[l]\n"
                 "  lghi  %%r1,0\n"
                 "  mvcsk 0(%[d]),0(%[s])\n"
                 : : [l] "d"(len), [d] "a"(buf), [s] "a"(src) : "r0", "r1", "memory");
    rt_check_mem("mvcsk GR0 15: 16 bytes", buf, src, 16);
    rt_check_u64("mvcsk: byte 16 untouched", buf[16], 0);
    memset(buf, 0, sizeof(buf));
    asm volatile("  lghi  %%r0,255\n"
                 "  lghi  %%r1,0\n"
                 "  mvcdk 0(%[d]),0(%[s])\n"
                 : : [d] "a"(buf), [s] "a"(src) : "r0", "r1", "memory");
    rt_check_mem("mvcdk GR0 255: 256 bytes", buf, src, 256);
    rt_check_u64("mvcdk: byte 256 untouched", buf[256], 0);
}

static void test_ivsk(void)
{
    uint64_t k = 0xffffffffffffffffull;
    uint8_t sm;

    asm volatile("sske %0,%1" : : "d"(0x3eull), "a"(page[P]) : "memory");
    asm volatile("  stosm %[sm],0x04\n"
                 "  ivsk  %[k],%[a]\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [k] "+d"(k) : [a] "a"(VBASE + 0x123) : "memory");
    rt_check_u64("ivsk: ACC and F in bits 56-60, 61-63 zero", k, 0xffffffffffffff38ull);
    asm volatile("sske %0,%1" : : "d"(0ull), "a"(page[P]) : "memory");
}


static void sacf_dat_off(void *arg)
{
    asm volatile("sacf 0(%0)" : : "a"((uintptr_t)arg) : "memory");
}

/* SAC to AR mode: IAC says 2; with AR 0 naming ALET 0 the operand is in
 * the primary space. */
static void test_ar_mode(void)
{
    uint64_t iac = 0, ipm, v;
    uint8_t sm;

    asm volatile("  lghi  %%r1,0\n"
                 "  sar   %%a4,%%r1\n"
                 "  stosm %[sm],0x04\n"
                 "  sac   0x200\n"
                 "  iac   %[iac]\n"
                 "  ipm   %[ipm]\n"
                 "  lgr   %%r4,%[a]\n"
                 "  lg    %[v],8(%%r4)\n"
                 "  sac   0\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [iac] "+d"(iac), [ipm] "=d"(ipm), [v] "=d"(v)
                 : [a] "d"(VBASE) : "r1", "r4", "cc", "memory");
    rt_check_u64("sac AR mode: IAC cc 2", rt_cc_from_ipm(ipm), 2);
    rt_check_u64("sac AR mode: IAC bits 48-55", iac, 0x200);
    rt_check_u64("AR mode, ALET 0: primary space", v, (uint64_t)(P + 1) << 32 | 1);
}

/* SAC into the home space with CR1 bit 57 one: completes, then a space-
 * switch event with the PASN and bit 32 in the TEID. */
static void test_space_switch(void)
{
    struct rt_pgm_info pi;
    uint64_t cr1 = rt_stctg(1), cr4 = rt_stctg(4), at;
    uint8_t sm;

    rt_check_u64("sacf with DAT off: special operation",
                 rt_pgm_try(sacf_dat_off, (void *)0x100, &pi), 0x13);
    rt_lctlg(4, (cr4 & ~0xffffull) | 0x0042);
    rt_lctlg(1, cr1 | 0x40);                    /* bit 57 */
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  stosm %[sm],0x04\n"
                 "  larl  %[at],1f\n"
                 "  sac   0x300\n"
                 "1: stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm), [at] "=&d"(at), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "memory");
    rt_pgm_disarm(&pi);
    rt_lctlg(1, cr1);
    rt_lctlg(4, cr4);
    asm volatile("stosm %0,0x04\n\tsac 0\n\tstnsm %0,0xfb" : "=Q"(sm) : : "memory");
    rt_check_u64("sac into home with CR1 bit 57: space-switch event", pi.code, 0x1c);
    rt_check_u64("space-switch event: old PSW past SAC", pi.addr, at);
    rt_check_u64("space-switch event: old PSW in home mode", (pi.mask >> 46) & 3, 3);
    rt_check_u64("space-switch event: TEID PASN and bit 32", rt_lc64(0xa8), 0x80000042ull);
}

/* MVPG with F one: the destination is stored with the GR0 key. */
static void test_mvpg_key(void)
{
    static uint64_t dst[512] __attribute__((aligned(4096)));
    struct mvpg_result r;

    asm volatile("sske %0,%1" : : "d"(0x30ull), "a"(dst) : "memory");
    mvpg(0x800 | 0x40, (uintptr_t)dst, (uintptr_t)page[P], false, &r);
    rt_check(r.fired && r.pi.code == PGM_PROTECTION, "mvpg F, key 4 into ACC 3: protection");
    rt_check_u64("mvpg F key 4: nothing moved", dst[1], 0);
    mvpg(0x800 | 0x30, (uintptr_t)dst, (uintptr_t)page[P], false, &r);
    rt_check(!r.fired && r.cc == 0 && dst[1] == page[P][1], "mvpg F, key 3 into ACC 3: moved");
    asm volatile("sske %0,%1" : : "d"(0ull), "a"(dst) : "memory");
}

static void palb(void *arg)
{
    (void)arg;
    asm volatile(".insn rre,0xb2480000,0,0" : : : "memory");
}

int main(void)
{
    build_spaces();
    test_sac();
    test_sac_spec();
    test_ar_mode();
    test_space_switch();
    test_asn();
    test_mvck();
    test_ivsk();
    test_mvpg_key();
    rt_check_u64("palb: no interruption", rt_pgm_try(palb, 0, NULL), 0);
    return 0;
}
