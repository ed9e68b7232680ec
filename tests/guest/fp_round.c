/* BFP rounding (PoO ch. 9 "Rounding", ch. 19 "LOAD FP INTEGER", "LOAD
 * ROUNDED", "SET BFP ROUNDING MODE"): LOAD FP INTEGER with every
 * rounding-method modifier (M3 1, 3-7) and with M3 0 under the FPC's
 * modes, the inexact flag and its suppression by M4; LOAD ROUNDED long to
 * short with each FPC rounding mode (0-3, 7) on values halfway between and
 * off halfway, and with an M3 override. Expected values by hand. */
#include "bfp_common.h"

#define D2_5    0x4004000000000000ull
#define DM2_5   0xc004000000000000ull
#define D3_5    0x400c000000000000ull
#define D2_3    0x4002666666666666ull
#define DM2_3   0xc002666666666666ull
#define D2_7    0x400599999999999aull
#define D2      0x4000000000000000ull
#define D3      0x4008000000000000ull
#define D4      0x4010000000000000ull
#define DM2     0xc000000000000000ull
#define DM3     0xc008000000000000ull

/* FIDBRA f0,@m3,f2,0 of @x with FPC @fpc. */
static struct fpres fidbra(unsigned m3, uint64_t x, uint32_t fpc)
{
    switch (m3) {
    case 0:
        return BFP2("fidbra %%f0,0,%%f2,0", 0, x, fpc);
    case 1:
        return BFP2("fidbra %%f0,1,%%f2,0", 0, x, fpc);
    case 3:
        return BFP2("fidbra %%f0,3,%%f2,0", 0, x, fpc);
    case 4:
        return BFP2("fidbra %%f0,4,%%f2,0", 0, x, fpc);
    case 5:
        return BFP2("fidbra %%f0,5,%%f2,0", 0, x, fpc);
    case 6:
        return BFP2("fidbra %%f0,6,%%f2,0", 0, x, fpc);
    default:
        return BFP2("fidbra %%f0,7,%%f2,0", 0, x, fpc);
    }
}

static void test_load_fp_integer(void)
{
    static const unsigned m3s[6] = { 1, 3, 4, 5, 6, 7 };
    static const struct {
        const char *name;
        uint64_t x;
        uint64_t want[6];   /* for m3s[] */
    } cases[] = {
        { "2.5", D2_5, { D3, D3, D2, D2, D3, D2 } },
        { "-2.5", DM2_5, { DM3, DM3, DM2, DM2, DM2, DM3 } },
        { "3.5", D3_5, { D4, D3, D4, D3, D4, D3 } },
        { "2.3", D2_3, { D2, D3, D2, D2, D3, D2 } },
        { "-2.3", DM2_3, { DM2, DM3, DM2, DM2, DM2, DM3 } },
        { "2.7", D2_7, { D3, D3, D3, D2, D3, D2 } },
    };
    struct fpres r;

    for (unsigned c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
        for (unsigned m = 0; m < 6; m++) {
            r = fidbra(m3s[m], cases[c].x, RN);
            rt_checkf(r.r == cases[c].want[m] && r.fpc == FPC_FX,
                      "fidbra %s m3=%u: result, inexact flag", cases[c].name, m3s[m]);
        }
    }
    r = fidbra(0, D2_5, RZ);
    rt_checkf(r.r == D2 && r.fpc == (FPC_FX | RZ), "fidbra 2.5 m3=0, FPC toward zero: 2");
    r = fidbra(0, D2_5, RP);
    rt_checkf(r.r == D3 && r.fpc == (FPC_FX | RP), "fidbra 2.5 m3=0, FPC toward +inf: 3");
    r = fidbra(0, DM2_5, RM);
    rt_checkf(r.r == DM3 && r.fpc == (FPC_FX | RM), "fidbra -2.5 m3=0, FPC toward -inf: -3");
    r = fidbra(0, D3_5, RN);
    rt_checkf(r.r == D4 && r.fpc == FPC_FX, "fidbra 3.5 m3=0, FPC nearest even: 4");
    r = fidbra(0, D2_5, RO);
    rt_checkf(r.r == D3 && r.fpc == (FPC_FX | RO), "fidbra 2.5 m3=0, FPC prepare shorter: 3");
    r = fidbra(4, D3, RN);
    rt_checkf(r.r == D3 && r.fpc == 0, "fidbra 3.0: exact, no flag");
    r = BFP2("fidbra %%f0,4,%%f2,4", 0, D2_5, RN);
    rt_checkf(r.r == D2 && r.fpc == 0, "fidbra 2.5 m3=4 m4=4: inexact suppressed");
    r = BFP2("fiebra %%f0,1,%%f2,0", 0, S(0x40200000), RN);
    rt_checkf(SR(r) == 0x40400000 && r.fpc == FPC_FX, "fiebra 2.5f m3=1: 3.0f");
    r = BFP2("fiebra %%f0,5,%%f2,0", 0, S(0xc0200000), RN);
    rt_checkf(SR(r) == 0xc0000000 && r.fpc == FPC_FX, "fiebra -2.5f m3=5: -2.0f");
}

/* LEDBR of @x under each FPC rounding mode. */
static void ledbr_modes(const char *name, uint64_t x, const uint32_t want[5])
{
    static const uint32_t modes[5] = { RN, RZ, RP, RM, RO };
    struct fpres r;

    for (unsigned m = 0; m < 5; m++) {
        r = BFP2("ledbr %%f0,%%f2", 0, x, modes[m]);
        rt_checkf(SR(r) == want[m] && r.fpc == (FPC_FX | modes[m]),
                  "ledbr %s, FPC mode %u: 0x%08x, inexact flag", name, modes[m], want[m]);
    }
}

static void test_load_rounded(void)
{
    static const uint32_t half_even[5] = { 0x3f800000, 0x3f800000, 0x3f800001, 0x3f800000,
                                           0x3f800001 };
    static const uint32_t neg_half_even[5] = { 0xbf800000, 0xbf800000, 0xbf800000, 0xbf800001,
                                               0xbf800001 };
    static const uint32_t half_odd[5] = { 0x3f800002, 0x3f800001, 0x3f800002, 0x3f800001,
                                          0x3f800001 };
    static const uint32_t above_half[5] = { 0x3f800001, 0x3f800000, 0x3f800001, 0x3f800000,
                                            0x3f800001 };
    struct fpres r;

    ledbr_modes("1+2^-24 (tie, even below)", 0x3ff0000010000000ull, half_even);
    ledbr_modes("-(1+2^-24)", 0xbff0000010000000ull, neg_half_even);
    ledbr_modes("1+3*2^-24 (tie, odd below)", 0x3ff0000030000000ull, half_odd);
    ledbr_modes("1+2^-24+2^-40 (above the tie)", 0x3ff0000010001000ull, above_half);
    r = BFP2("ledbra %%f0,1,%%f2,0", 0, 0x3ff0000010000000ull, RZ);
    rt_checkf(SR(r) == 0x3f800001 && r.fpc == (FPC_FX | RZ),
              "ledbra m3=1 (ties away) overrides FPC mode 1");
    r = BFP2("ledbra %%f0,7,%%f2,0", 0, 0x3ff0000030000000ull, RP);
    rt_checkf(SR(r) == 0x3f800001 && r.fpc == (FPC_FX | RP),
              "ledbra m3=7 (toward -inf) overrides FPC mode 2");
    r = BFP2("ledbr %%f0,%%f2", 0, 0x3ff8000000000000ull, RP);
    rt_checkf(SR(r) == 0x3fc00000 && r.fpc == RP, "ledbr 1.5: exact, no flag");
}

int main(void)
{
    test_load_fp_integer();
    test_load_rounded();
    return 0;
}
