/*
 * misc.c - SUPERVISOR CALL (codes and old PSW in the lowcore), IPM, SPM,
 * EPSW, MONITOR CALL, the TOD-clock stores, EXTRACT CPU ATTRIBUTE for
 * reserved attributes, PREFETCH DATA, TEST AND SET. (EXTRACT CPU TIME is
 * in misc_qemudev.c.)
 */
#include "rt/rt.h"

#define LC_SVC_ILC      0x088
#define LC_SVC_CODE     0x08a
#define LC_MON_CLASS    0x094
#define LC_MON_CODE     0x0b0
#define LC_SVC_OLD_PSW  0x140
#define LC_SVC_NEW_PSW  0x1c0

/* SVC 42 with CC 2: the handler (LPSWE of the SVC old PSW) returns after it. */
static void test_svc(void)
{
    uint64_t next, ipm;

    *(volatile uint64_t *)LC_SVC_NEW_PSW = PSW_MASK_64;
    asm volatile("  larl  %%r1,3f\n"
                 "  stg   %%r1,%[newaddr]\n"
                 "  larl  %[next],1f\n"
                 "  spm   %[cc2]\n"
                 "0: svc  42\n"
                 "1: ipm  %[ipm]\n"
                 "  j     4f\n"
                 "3: lpswe %[old]\n"
                 "4:\n"
                 : [next] "=&d"(next), [ipm] "=&d"(ipm),
                   [newaddr] "=m"(*(uint64_t *)(LC_SVC_NEW_PSW + 8))
                 : [cc2] "d"(2ull << 28), [old] "Q"(*(uint64_t *)LC_SVC_OLD_PSW)
                 : "r1", "cc", "memory");
    rt_check_u64("svc: ilc field (length 2)", rt_lc16(LC_SVC_ILC), 2);
    rt_check_u64("svc: code 42", rt_lc16(LC_SVC_CODE), 42);
    rt_check_u64("svc: old psw address after svc", rt_lc64(LC_SVC_OLD_PSW + 8), next);
    rt_check_u64("svc: old psw mask with cc 2", rt_lc64(LC_SVC_OLD_PSW), PSW_MASK_64 | 2ull << 44);
    rt_check_u64("svc: cc restored by the handler", rt_cc_from_ipm(ipm), 2);

    asm volatile("  larl  %%r1,3f\n"
                 "  stg   %%r1,%[newaddr]\n"
                 "  larl  %[next],1f\n"
                 "0: svc  255\n"
                 "1: j    4f\n"
                 "3: lpswe %[old]\n"
                 "4:\n"
                 : [next] "=&d"(next), [newaddr] "=m"(*(uint64_t *)(LC_SVC_NEW_PSW + 8))
                 : [old] "Q"(*(uint64_t *)LC_SVC_OLD_PSW) : "r1", "cc", "memory");
    rt_check_u64("svc 255: code", rt_lc16(LC_SVC_CODE), 255);
}

static void test_ipm_spm_epsw(void)
{
    uint64_t r = ~0ull, r2, r3;

    asm volatile("spm %[v]\n\tipm %[r]\n\tspm %[z]"
                 : [r] "+d"(r) : [v] "d"(0x15ull << 24), [z] "d"(0ull) : "cc");
    rt_check_u64("ipm: cc 1 pm 5, bits 32-33 zero, rest kept", r, 0xffffffff15ffffffull);
    r = 0;
    asm volatile("spm %[v]\n\tipm %[r]\n\tspm %[z]"
                 : [r] "+d"(r) : [v] "d"(0xffffffff2fffffffull), [z] "d"(0ull) : "cc");
    rt_check_u64("spm ignores bits 32-33 and 40-63", r, 0x2f000000ull);

    r = 0x1234567800000000ull;
    r2 = 0xabcdef0100000000ull;
    asm volatile("spm %[z]\n\tepsw %[r],%[r2]"
                 : [r] "+d"(r), [r2] "+d"(r2) : [z] "d"(0ull) : "cc");
    rt_check_u64("epsw r1: psw bits 0-31 (cc 0; cc 1 in misc_epsw.c)", r, 0x1234567800000001ull);
    rt_check_u64("epsw r2: psw bits 32-63", r2, 0xabcdef0180000000ull);
    r3 = 0;
    asm volatile("epsw %[r],0" : [r] "+d"(r3) : : "cc");
    rt_check_u64("epsw r2=0", r3, 0x00000001ull);
}

static void test_monitor_call(void)
{
    struct rt_pgm_info pi;
    uint64_t next, cr8 = rt_stctg(8);

    /* Class 3 masked off: nothing happens. */
    asm volatile("mc 0x123,3" : : : "memory");
    rt_check(true, "mc with the class masked: no interruption");

    rt_lctlg(8, cr8 | 0x1000);                   /* monitor mask bit 51: class 3 */
    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[next],1f\n"
                 "  llilh %%r2,1\n"
                 "  mc    0x123(%%r2),3\n"
                 "1:\n"
                 : [next] "=&d"(next), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "r2", "memory");
    rt_check(rt_pgm_disarm(&pi), "mc class 3 enabled: interruption");
    rt_check_u64("mc: monitor event code", pi.code, 0x40);
    rt_check_u64("mc: ilc 2", pi.ilc, 2);
    rt_check_u64("mc: old psw after mc", pi.addr, next);
    rt_check_u64("mc: monitor class number", rt_lc16(LC_MON_CLASS), 3);
    rt_check_u64("mc: monitor code = operand address", rt_lc64(LC_MON_CODE), 0x10123);

    asm volatile("mc 0x10,4" : : : "memory");
    rt_check(true, "mc other class: no interruption");

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[next],1f\n"
                 "  mc    0,0x13\n"
                 "1:\n"
                 : [next] "=&d"(next), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "memory");
    rt_check(rt_pgm_disarm(&pi), "mc i2 bits 8-11 nonzero: interruption");
    rt_check_u64("mc i2 bits 8-11 nonzero: specification", pi.code, PGM_SPECIFICATION);
    rt_lctlg(8, cr8);
}

static void test_clock(void)
{
    uint64_t t1, t2, t3, ipm;
    uint8_t e[16] __attribute__((aligned(8)));
    uint64_t et;

    asm volatile("stck %0\n\tipm %1" : "=Q"(t1), "=d"(ipm) : : "cc", "memory");
    rt_check_u64("stck cc 0", rt_cc_from_ipm(ipm), 0);
    asm volatile("stck %0" : "=Q"(t2) : : "cc", "memory");
    rt_check(t2 > t1, "stck strictly increasing");
    rt_check(t1 > 0xd700000000000000ull, "stck after 2020 (TOD epoch 1900)");
    asm volatile("stckf %0\n\tipm %1" : "=Q"(t3), "=d"(ipm) : : "cc", "memory");
    rt_check_u64("stckf cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check(t3 >= t1, "stckf not before the first stck");
    asm volatile("stcke %0\n\tipm %1" : "=Q"(e), "=d"(ipm) : : "cc", "memory");
    rt_check_u64("stcke cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("stcke epoch index 0", e[0], 0);
    et = 0;
    for (int i = 1; i <= 8; i++)
        et = et << 8 | e[i];
    rt_check(et >= t2 && et - t2 < (1ull << 32), "stcke bits 0-63 follow stck");
    rt_check_u64("stcke programmable field 0", (uint32_t)e[14] << 8 | e[15], 0);
}

static void test_ecag_pfd_ts(void)
{
    static uint8_t lock;
    uint64_t r, ipm;

    asm volatile("ecag %0,0,0x40" : "=d"(r));
    rt_check_u64("ecag reserved attribute 4: all ones", r, ~0ull);
    asm volatile("ecag %0,0,0xf0" : "=d"(r));
    rt_check_u64("ecag reserved attribute 15: all ones", r, ~0ull);
    asm volatile("ecag %0,0,0x1e" : "=d"(r));
    rt_check_u64("ecag line size of absent level 7: all ones", r, ~0ull);

    asm volatile("llihh %%r1,0x100\n\tpfd 1,0(%%r1)\n\tpfd 2,-8(%%r1)\n\tpfdrl 1,0f\n0:"
                 : : : "r1", "memory");
    rt_check(true, "pfd beyond storage and pfdrl: no exception");

    lock = 0x00;
    asm volatile("ts %0\n\tipm %1" : "+Q"(lock), "=d"(ipm) : : "cc", "memory");
    rt_check_u64("ts free: cc 0", rt_cc_from_ipm(ipm), 0);
    rt_check_u64("ts sets all ones", lock, 0xff);
    lock = 0x80;
    asm volatile("ts %0\n\tipm %1" : "+Q"(lock), "=d"(ipm) : : "cc", "memory");
    rt_check_u64("ts taken: cc 1", rt_cc_from_ipm(ipm), 1);
    lock = 0x7f;
    asm volatile("ts %0\n\tipm %1" : "+Q"(lock), "=d"(ipm) : : "cc", "memory");
    rt_check_u64("ts bit 0 zero: cc 0", rt_cc_from_ipm(ipm), 0);
}

int main(void)
{
    test_svc();
    test_ipm_spm_epsw();
    test_monitor_call();
    test_clock();
    test_ecag_pfd_ts();
    return 0;
}
