/*
 * hfp_arith.c - HFP add, subtract (normalized, unnormalized), compare,
 * halve, load and test/complement/negative/positive, load rounded and load
 * lengthened (PoO chapter 18), with the significance, exponent-overflow
 * and exponent-underflow exceptions and invalid register pairs.
 * Expected values are derived by hand: 1.0 short is 0x41100000.
 * QEMU 7.2 TCG implements none of these but LDE/LDER (see
 * qemu-deviations.txt), so this runs on sieve only.
 */
#include "hfp_common.h"

#define KEEP 0xdeadbeefull      /* bits 32-63 of a short result's FPR */

/* FPR 4 and FPR 1 as operands, FPR 4 checked (FPR 6 must stay zero). */
static void rr(const char *name, const uint8_t *insn, uint64_t f4, uint64_t f1, unsigned pm,
               uint64_t e4, unsigned cc, unsigned code)
{
    hfp_reset();
    hfp_io.f[4] = f4;
    hfp_io.f[1] = f1;
    hfp_check(name, insn, pm, e4, 0, cc, code);
}

/* FPR 4 and the storage operand @m (left-aligned in a doubleword). */
static void rx(const char *name, const uint8_t *insn, uint64_t f4, uint64_t m, unsigned pm,
               uint64_t e4, unsigned cc, unsigned code)
{
    hfp_reset();
    hfp_io.f[4] = f4;
    hfp_mem[0] = m;
    hfp_check(name, insn, pm, e4, 0, cc, code);
}

/* Extended: pair 4/6 and pair 1/3. */
static void rx_ext(const char *name, const uint8_t *insn, uint64_t h4, uint64_t l6,
                   uint64_t h1, uint64_t l3, uint64_t e4, uint64_t e6, unsigned cc,
                   unsigned code)
{
    hfp_reset();
    hfp_io.f[4] = h4;
    hfp_io.f[6] = l6;
    hfp_io.f[1] = h1;
    hfp_io.f[3] = l3;
    hfp_check(name, insn, 0, e4, e6, cc, code);
}

static void test_add_short(void)
{
    rr("aer 1+1", RR(0x3a), 0x41100000ull << 32 | KEEP, 0x41100000ull << 32, 0,
       0x41200000ull << 32 | KEEP, 2, 0);
    rr("aer 1+(-1) true zero", RR(0x3a), 0x41100000ull << 32 | KEEP, 0xc1100000ull << 32, 0,
       KEEP, 0, 0);
    rr("aer 1+(-1) significance", RR(0x3a), 0x41100000ull << 32 | KEEP,
       0xc1100000ull << 32, 1, 0x41000000ull << 32 | KEEP, 0, 0x0e);
    rr("aer carry 8+8", RR(0x3a), 0x41800000ull << 32, 0x41800000ull << 32, 0,
       0x42100000ull << 32, 2, 0);
    rr("ser guard digit", RR(0x3b), 0x41100000ull << 32, 0x40100001ull << 32, 0,
       0x40efffffull << 32, 2, 0);
    rr("ser 1-2", RR(0x3b), 0x41100000ull << 32, 0x41200000ull << 32, 0,
       0xc1100000ull << 32, 1, 0);
    rr("ser 2-1", RR(0x3b), 0x41200000ull << 32, 0x41100000ull << 32, 0,
       0x41100000ull << 32, 2, 0);
    rr("aer exponent overflow wraps", RR(0x3a), 0x7ff00000ull << 32, 0x7ff00000ull << 32, 0,
       0x001e0000ull << 32, 2, 0x0c);
    rr("ser exponent underflow masked", RR(0x3b), 0x00100000ull << 32,
       0x000f0000ull << 32, 0, 0, 0, 0);
    rr("ser exponent underflow", RR(0x3b), 0x00100000ull << 32, 0x000f0000ull << 32, 2,
       0x7f100000ull << 32, 2, 0x0d);
    rr("aer small operand shifted out", RR(0x3a), 0x41100000ull << 32,
       0x3a100000ull << 32, 0, 0x41100000ull << 32, 2, 0);
    rr("ser tiny loses to truncation", RR(0x3b), 0x41100000ull << 32,
       0x39100000ull << 32, 0, 0x41100000ull << 32, 2, 0);
    rx("ae unnormalized operands", RX(0x7a), 0x42010000ull << 32, 0x42010000ull << 32, 0,
       0x41200000ull << 32, 2, 0);
    rx("se", RX(0x7b), 0x41300000ull << 32, 0x41100000ull << 32, 0,
       0x41200000ull << 32, 2, 0);
    rx("au keeps unnormalized", RX(0x7e), 0x42010000ull << 32, 0x42010000ull << 32, 0,
       0x42020000ull << 32, 2, 0);
    rr("aur keeps unnormalized", RR(0x3e), 0x42010000ull << 32, 0x42010000ull << 32, 0,
       0x42020000ull << 32, 2, 0);
    rr("sur zero significance", RR(0x3f), 0x42010000ull << 32, 0x42010000ull << 32, 1,
       0x42000000ull << 32, 0, 0x0e);
    rx("su negative", RX(0x7f), 0x41100000ull << 32, 0x41200000ull << 32, 0,
       0xc1100000ull << 32, 1, 0);
}

static void test_add_long(void)
{
    rr("adr 1+1", RR(0x2a), 0x4110000000000000ull, 0x4110000000000000ull, 0,
       0x4120000000000000ull, 2, 0);
    rr("sdr guard digit", RR(0x2b), 0x4110000000000000ull, 0x4010000000000001ull, 0,
       0x40efffffffffffffull, 2, 0);
    rx("ad", RX(0x6a), 0x4110000000000001ull, 0x4110000000000001ull, 0,
       0x4120000000000002ull, 2, 0);
    rx("sd negative", RX(0x6b), 0x4110000000000000ull, 0x4120000000000000ull, 0,
       0xc110000000000000ull, 1, 0);
    rr("awr keeps unnormalized", RR(0x2e), 0x4201000000000000ull, 0x4201000000000000ull, 0,
       0x4202000000000000ull, 2, 0);
    rx("aw", RX(0x6e), 0x4201000000000000ull, 0x4201000000000000ull, 0,
       0x4202000000000000ull, 2, 0);
    rr("swr", RR(0x2f), 0x4203000000000000ull, 0x4201000000000000ull, 0,
       0x4202000000000000ull, 2, 0);
    rx("sw significance", RX(0x6f), 0x4201000000000000ull, 0x4201000000000000ull, 1,
       0x4200000000000000ull, 0, 0x0e);
    rr("adr exponent underflow masked", RR(0x2a), 0x0010000000000000ull,
       0x800f000000000000ull, 0, 0, 0, 0);
}

static void test_add_ext(void)
{
    rx_ext("axr", RR(0x36), 0x4110000000000000ull, 0x3300000000000001ull,
           0x4110000000000000ull, 0x3300000000000001ull,
           0x4120000000000000ull, 0x3300000000000002ull, 2, 0);
    rx_ext("sxr true zero", RR(0x37), 0x4110000000000000ull, 0x3300000000000001ull,
           0x4110000000000000ull, 0x3300000000000001ull, 0, 0, 0, 0);
    rx_ext("sxr low digit", RR(0x37), 0x4110000000000000ull, 0x3300000000000001ull,
           0x4110000000000000ull, 0x3300000000000000ull,
           0x2610000000000000ull, 0x1800000000000000ull, 2, 0);
    rx_ext("sxr one guard digit only", RR(0x37), 0x4110000000000000ull, 0x3300000000000000ull,
           0x3f10000000000000ull, 0x3100000000000001ull,
           0x40ff000000000000ull, 0x3200000000000000ull, 2, 0);
    rx_ext("axr invalid pair", ((const uint8_t[6]){ 0x36, 0x61 }),
           0x4110000000000000ull, 0x3300000000000000ull, 0x4110000000000000ull, 0,
           0x4110000000000000ull, 0x3300000000000000ull, 0, 0x06);
}

static void test_compare(void)
{
    rr("cer 1 vs 2", RR(0x39), 0x41100000ull << 32, 0x41200000ull << 32, 0,
       0x41100000ull << 32, 1, 0);
    rr("cer 2 vs 1", RR(0x39), 0x41200000ull << 32, 0x41100000ull << 32, 0,
       0x41200000ull << 32, 2, 0);
    rr("cer zero fractions equal", RR(0x39), 0x41000000ull << 32, 0x80000000ull << 32, 0,
       0x41000000ull << 32, 0, 0);
    rr("cer unnormalized equal", RR(0x39), 0x41100000ull << 32, 0x42010000ull << 32, 0,
       0x41100000ull << 32, 0, 0);
    rr("cer -1 vs 1", RR(0x39), 0xc1100000ull << 32, 0x41100000ull << 32, 0,
       0xc1100000ull << 32, 1, 0);
    rx("ce", RX(0x79), 0x41100000ull << 32, 0x40800000ull << 32, 0,
       0x41100000ull << 32, 2, 0);
    rr("cdr equal", RR(0x29), 0x4110000000000001ull, 0x4110000000000001ull, 0,
       0x4110000000000001ull, 0, 0);
    rx("cd low", RX(0x69), 0xc110000000000000ull, 0x4110000000000000ull, 0,
       0xc110000000000000ull, 1, 0);
    rx_ext("cxr high", RRE(0x69), 0x4110000000000000ull, 0x3300000000000002ull,
           0x4110000000000000ull, 0x3300000000000001ull,
           0x4110000000000000ull, 0x3300000000000002ull, 2, 0);
}

static void test_halve(void)
{
    rr("her 1.0", RR(0x34), KEEP, 0x41100000ull << 32, 0, 0x40800000ull << 32 | KEEP, 0, 0);
    rr("her 3.0", RR(0x34), 0, 0x41300000ull << 32, 0, 0x41180000ull << 32, 0, 0);
    rr("her guard digit", RR(0x34), 0, 0x41100001ull << 32, 0, 0x40800008ull << 32, 0, 0);
    rr("her negative", RR(0x34), 0, 0xc1400000ull << 32, 0, 0xc1200000ull << 32, 0, 0);
    rr("her underflow masked", RR(0x34), 0, 0x00100000ull << 32, 0, 0, 0, 0);
    rr("her underflow", RR(0x34), 0, 0x00100000ull << 32, 2, 0x7f800000ull << 32, 0, 0x0d);
    rr("hdr", RR(0x24), 0, 0x4120000000000000ull, 0, 0x4110000000000000ull, 0, 0);
    rr("hdr unnormalized", RR(0x24), 0, 0x4200100000000000ull, 0,
       0x3f80000000000000ull, 0, 0);
}

static void test_sign_loads(void)
{
    rr("lter negative", RR(0x32), KEEP, 0xc1100000ull << 32, 0,
       0xc1100000ull << 32 | KEEP, 1, 0);
    rr("lter zero fraction", RR(0x32), 0, 0x80000000ull << 32, 0, 0x80000000ull << 32, 0, 0);
    rr("lter unnormalized kept", RR(0x32), 0, 0x42000001ull << 32, 0,
       0x42000001ull << 32, 2, 0);
    rr("lcer", RR(0x33), 0, 0x41100000ull << 32, 0, 0xc1100000ull << 32, 1, 0);
    rr("lner", RR(0x31), 0, 0x41100000ull << 32, 0, 0xc1100000ull << 32, 1, 0);
    rr("lper", RR(0x30), 0, 0xc1100000ull << 32, 0, 0x41100000ull << 32, 2, 0);
    rr("ltdr", RR(0x22), 0, 0x4200000000000001ull, 0, 0x4200000000000001ull, 2, 0);
    rr("lcdr", RR(0x23), 0, 0x4110000000000000ull, 0, 0xc110000000000000ull, 1, 0);
    rr("lcdr zero", RR(0x23), 0, 0, 0, 0x8000000000000000ull, 0, 0);
    rr("lndr", RR(0x21), 0, 0x4110000000000000ull, 0, 0xc110000000000000ull, 1, 0);
    rr("lpdr", RR(0x20), 0, 0xc110000000000000ull, 0, 0x4110000000000000ull, 2, 0);
    rx_ext("lpxr", RRE(0x60), 0, 0, 0xc110000000000000ull, 0xb300000000000005ull,
           0x4110000000000000ull, 0x3300000000000005ull, 2, 0);
    rx_ext("lcxr", RRE(0x63), 0, 0, 0x4110000000000000ull, 0x3300000000000005ull,
           0xc110000000000000ull, 0xb300000000000005ull, 1, 0);
    rx_ext("lnxr", RRE(0x61), 0, 0, 0x4110000000000000ull, 0x3300000000000005ull,
           0xc110000000000000ull, 0xb300000000000005ull, 1, 0);
    rx_ext("ltxr", RRE(0x62), 0, 0, 0x4110000000000000ull, 0x3300000000000005ull,
           0x4110000000000000ull, 0x3300000000000005ull, 2, 0);
    rx_ext("ltxr invalid pair", ((const uint8_t[6]){ 0xb3, 0x62, 0x00, 0x42 }), 0, 0,
           0x4110000000000000ull, 0, 0, 0, 0, 0x06);
}

static void test_rounded(void)
{
    rr("ledr round up", RR(0x35), KEEP, 0x4110000080000000ull, 0,
       0x41100001ull << 32 | KEEP, 0, 0);
    rr("ledr round down", RR(0x35), 0, 0x411000007fffffffull, 0, 0x41100000ull << 32, 0, 0);
    rr("ledr carry", RR(0x35), 0, 0x41ffffff80000000ull, 0, 0x42100000ull << 32, 0, 0);
    rr("ledr unnormalized kept", RR(0x35), 0, 0x4200000180000000ull, 0,
       0x42000002ull << 32, 0, 0);
    rr("ledr exponent overflow", RR(0x35), 0, 0xffffffff80000000ull, 0,
       0x80100000ull << 32, 0, 0x0c);
    rx_ext("ldxr round up", RR(0x25), 0, 0, 0x4110000000000000ull, 0x3380000000000000ull,
           0x4110000000000001ull, 0, 0, 0);
    rx_ext("ldxr round down", RR(0x25), 0, 0, 0x4110000000000000ull, 0x337fffffffffffffull,
           0x4110000000000000ull, 0, 0, 0);
    rx_ext("lexr", RRE(0x66), KEEP, 0, 0x4110000080000000ull, 0x3300000000000000ull,
           0x41100001ull << 32 | KEEP, 0, 0, 0);
    rx_ext("ldxr invalid pair", ((const uint8_t[6]){ 0x25, 0x42 }), 0, 0,
           0x4110000000000000ull, 0, 0, 0, 0, 0x06);
}

static void test_lengthened(void)
{
    rx_ext("lxdr", RRE(0x25), 0, 0, 0x4110000000000001ull, 0,
           0x4110000000000001ull, 0x3300000000000000ull, 0, 0);
    rx_ext("lxdr characteristic wraps", RRE(0x25), 0, 0, 0x8510000000000000ull, 0,
           0x8510000000000000ull, 0xf700000000000000ull, 0, 0);
    rx_ext("lxer", RRE(0x26), 0, 0, 0x41123456ffffffffull, 0,
           0x4112345600000000ull, 0x3300000000000000ull, 0, 0);
    hfp_reset();
    hfp_mem[0] = 0xc1100000000000ffull;
    hfp_check("lxd", RXE(0x25), 0, 0xc1100000000000ffull, 0xb300000000000000ull, 0, 0);
    hfp_reset();
    hfp_mem[0] = 0x41100000ffffffffull;
    hfp_check("lxe", RXE(0x26), 0, 0x4110000000000000ull, 0x3300000000000000ull, 0, 0);
    rx_ext("lxdr invalid pair", ((const uint8_t[6]){ 0xb3, 0x25, 0x00, 0x61 }), 0, 0,
           0x4110000000000000ull, 0, 0, 0, 0, 0x06);
}

/* Without the AFP-register control only FPRs 0, 2, 4 and 6 exist. */
static void test_afp(void)
{
    uint32_t dxc;
    unsigned code = hfp_exec_no_afp(RR(0x3a), &dxc);

    rt_check(code == 0x07 && dxc == 1, "aer f4,f1 without AFP: data exception DXC 1");
    code = hfp_exec_no_afp(((const uint8_t[6]){ 0xb3, 0x62, 0x00, 0x08 }), &dxc);
    rt_check(code == 0x07 && dxc == 1, "ltxr f0,f8 without AFP: data exception DXC 1");
    code = hfp_exec_no_afp(((const uint8_t[6]){ 0xb3, 0x24, 0x00, 0x01 }), &dxc);
    rt_check(code == 0x07 && dxc == 1, "lder f0,f1 without AFP: data exception DXC 1");
    code = hfp_exec_no_afp(((const uint8_t[6]){ 0x3a, 0x02 }), &dxc);
    rt_check_u64("aer f0,f2 without AFP: no exception", code, 0);
}

/* Exceptions of instructions not under EXECUTE: ILC and old PSW. */
static void test_direct(void)
{
    /* Exponent overflow completes: the wrapped result is stored, CC set. */
    HFP_DIRECT("adr overflow", "adr", 0, 0x7ff0000000000000ull, 0x7ff0000000000000ull,
               0x0c, 1, 2, 0x001e000000000000ull);
    HFP_DIRECT("sdr significance", "sdr", 1, 0xc210000000000000ull, 0xc210000000000000ull,
               0x0e, 1, 0, 0x4200000000000000ull);
    HFP_DIRECT("her underflow", "her", 2, 0x0010000000000000ull, 0x0010000000000000ull,
               0x0d, 1, 0, 0x7f80000000000000ull);
}

int main(void)
{
    test_afp();
    test_direct();
    test_add_short();
    test_add_long();
    test_add_ext();
    test_compare();
    test_halve();
    test_sign_loads();
    test_rounded();
    test_lengthened();
    return 0;
}
