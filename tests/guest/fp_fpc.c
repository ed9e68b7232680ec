/* The floating-point-control register (PoO ch. 9 "Floating-Point-Control
 * (FPC) Register", "Data-Exception Code", ch. 9 SET FPC, STORE FPC, LOAD
 * FPC, EXTRACT FPC): SFPC/EFPC and LFPC/STFPC round trips of masks, flags,
 * DXC and rounding mode; EFPC keeps R1 bits 0-31; reserved bits and the
 * invalid rounding modes 4-6 give a specification exception with the FPC
 * unchanged; with the AFP-register control off the FPC instructions give
 * a data exception with DXC 2;
 * masked IEEE conditions only set flags; compare and trap puts DXC 0xff in
 * the FPC and at 0x90. */
#include "bfp_common.h"

static uint32_t efpc(void)
{
    uint64_t v = 0;

    asm volatile("efpc %0" : "+d"(v));
    return (uint32_t)v;
}

static void sfpc(uint32_t v)
{
    asm volatile("sfpc %0" : : "d"((uint64_t)v));
}

static void test_round_trips(void)
{
    uint64_t r = 0x1234567800000000ull;
    uint32_t mem = 0, in = 0x88f80001;

    sfpc(0xf8f8ab03);
    asm volatile("efpc %0" : "+d"(r));
    rt_check_u64("sfpc/efpc: masks, flags, DXC, mode; R1 bits 0-31 kept", r,
                 0x12345678f8f8ab03ull);
    asm volatile("stfpc %0" : "=Q"(mem));
    rt_check_u64("stfpc", mem, 0xf8f8ab03);
    asm volatile("lfpc %0" : : "Q"(in));
    rt_check_u64("lfpc", efpc(), 0x88f80001);
    sfpc(0x00000007);
    rt_check_u64("mode 7 (prepare for shorter precision) accepted", efpc(), 7);
    sfpc(0);
}

static void sfpc_try(void *arg)
{
    sfpc((uint32_t)(uintptr_t)arg);
}

static void lfpc_try(void *arg)
{
    asm volatile("lfpc 0(%0)" : : "a"(arg));
}

static void test_reserved(void)
{
    static const uint32_t bad[] = { 0x00000004, 0x00000005, 0x00000006, 0x01000000,
                                    0x02000000, 0x00000080, 0x00000008 };
    static uint32_t mem;
    struct rt_pgm_info pi;
    unsigned code;

    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        sfpc(0x40000001);
        code = rt_pgm_try(sfpc_try, (void *)(uintptr_t)bad[i], &pi);
        rt_checkf(code == PGM_SPECIFICATION && efpc() == 0x40000001,
                  "sfpc 0x%08x: specification, FPC unchanged", bad[i]);
        mem = bad[i];
        code = rt_pgm_try(lfpc_try, &mem, &pi);
        rt_checkf(code == PGM_SPECIFICATION && efpc() == 0x40000001,
                  "lfpc 0x%08x: specification, FPC unchanged", bad[i]);
    }
    sfpc(0);
}

/* With the AFP-register control off, the FPC instructions are BFP
 * instructions that give a data exception with DXC 2. */
static void test_afp_off(void)
{
    static const char *const name[6] = { "sfpc", "lfpc", "efpc", "stfpc", "srnm", "srnmb" };
    unsigned code[6];
    uint32_t dxc[6];

    code[0] = AFP_OFF_RUN("lghi %%r0,1\n\tsfpc %%r0", 0, &dxc[0]);
    code[1] = AFP_OFF_RUN("lfpc 0(%%r1)", 0, &dxc[1]);
    code[2] = AFP_OFF_RUN("efpc %%r0", 0, &dxc[2]);
    code[3] = AFP_OFF_RUN("stfpc 0(%%r1)", 0, &dxc[3]);
    code[4] = AFP_OFF_RUN("srnm 1", 0, &dxc[4]);
    code[5] = AFP_OFF_RUN("srnmb 1", 0, &dxc[5]);
    for (unsigned i = 0; i < 6; i++)
        rt_checkf(code[i] == PGM_DATA && dxc[i] == 0x02,
                  "AFP control off: %s gives a data exception, DXC 2", name[i]);
    rt_check_u64("  FPC unchanged", efpc(), 0);
}

static void test_masked_flags(void)
{
    const uint64_t one = 0x3ff0000000000000ull, three = 0x4008000000000000ull;
    const uint64_t big = 0x7fefffffffffffffull, tiny = 0x0010000000000001ull;
    struct fpres r;

    r = BFP2("ddbr %%f0,%%f2", one, 0, RN);
    check_res("masked divide by zero: +inf, FZ flag", r, 0x7ff0000000000000ull, FPC_FZ);
    r = BFP2("ddbr %%f0,%%f2", one, three, RN);
    check_res("masked inexact: 1/3, FX flag", r, 0x3fd5555555555555ull, FPC_FX);
    r = BFP2("adbr %%f0,%%f2", big, big, RN);
    check_res("masked overflow: +inf, FO and FX", r, 0x7ff0000000000000ull, FPC_FO | FPC_FX);
    r = BFP2("mdbr %%f0,%%f2", tiny, 0x3fe0000000000000ull, RN);
    check_res("masked underflow, inexact: FU and FX", r, 0x0008000000000000ull,
              FPC_FU | FPC_FX);
    r = BFP2("sqdbr %%f0,%%f2", 0, 0xbff0000000000000ull, RN);
    check_res("masked invalid: sqrt(-1) default NaN, FI", r, 0x7ff8000000000000ull, FPC_FI);
    r = BFP2("ddbr %%f0,%%f2", one, 0, FPC_FX | FPC_FO);
    check_res("flags accumulate", r, 0x7ff0000000000000ull, FPC_FX | FPC_FO | FPC_FZ);
}

static void cgit_equal(void *arg)
{
    (void)arg;
    asm volatile("lghi %%r2,0\n\tcgit %%r2,0,8" : : : "r2");
}

static void test_non_ieee_dxc(void)
{
    struct rt_pgm_info pi;
    unsigned code;

    sfpc(0x0000ab00);
    *(volatile uint32_t *)0x90 = 0xffffffff;
    code = rt_pgm_try(cgit_equal, NULL, &pi);
    rt_check_u64("compare and trap: data exception", code, PGM_DATA);
    rt_check_u64("  DXC 0xff in the FPC", efpc(), 0x0000ff00);
    rt_check_u64("  DXC 0xff at 0x90", rt_lc32(0x90), 0xff);
    sfpc(0);
}

int main(void)
{
    test_round_trips();
    test_reserved();
    test_afp_off();
    test_masked_flags();
    test_non_ieee_dxc();
    return 0;
}
