/* Decimal instructions (PoO chapter 8, "Decimal Instructions") and the
 * conversions between packed decimal and binary (chapter 7, CONVERT TO
 * BINARY / CONVERT TO DECIMAL). Operands are fetched whole into local
 * buffers after every operand was prepared, the result is computed on
 * 128-bit magnitudes (31 digits fit), then stored. The byte-wise moves
 * (PACK, UNPK, MVO) work in place, right to left, so overlapping operands
 * behave as the PoO describes. */
#include <string.h>
#include "cpu/insn.h"
#include "mmu/mmu.h"

typedef unsigned __int128 u128;

/* 10^n for 0 <= n <= 32. */
static u128 pow10_u128(unsigned n)
{
    u128 v = 1;

    while (n--)
        v *= 10;
    return v;
}

static bool dec_sign_is_minus(uint8_t nib)
{
    return nib == 0xb || nib == 0xd;
}

/* A data exception with DXC 0 (decimal operand). Returns the exception. */
static exc_t dec_data_exception(struct cpu *cpu)
{
    cpu->exc.dxc = DXC_DECIMAL;
    return EXC_PGM(PGM_DATA);
}

/* Decode the packed-decimal field @b of @len bytes into *mag and *neg.
 * Returns false if a digit or the sign is invalid (PoO ch. 8, "Decimal
 * Number Formats"). */
static bool dec_unpack(const uint8_t *b, unsigned len, u128 *mag, bool *neg)
{
    u128 v = 0;
    uint8_t sign = b[len - 1] & 0xf;

    if (sign < 0xa)
        return false;
    for (unsigned i = 0; i < len; i++) {
        uint8_t hi = b[i] >> 4, lo = b[i] & 0xf;

        if (hi > 9)
            return false;
        v = v * 10 + hi;
        if (i == len - 1)
            break;
        if (lo > 9)
            return false;
        v = v * 10 + lo;
    }
    *mag = v;
    *neg = dec_sign_is_minus(sign);
    return true;
}

/* Encode the rightmost 2 * @len - 1 digits of @mag with the preferred sign
 * (C plus, D minus) into @b of @len bytes. */
static void dec_pack(uint8_t *b, unsigned len, u128 mag, bool neg)
{
    b[len - 1] = (uint8_t)(((unsigned)(mag % 10) << 4) | (neg ? 0xd : 0xc));
    mag /= 10;
    for (unsigned i = len - 1; i-- > 0;) {
        unsigned lo = (unsigned)(mag % 10);

        mag /= 10;
        b[i] = (uint8_t)(((unsigned)(mag % 10) << 4) | lo);
        mag /= 10;
    }
}

/* Number of digits a field of @len bytes holds. */
static unsigned dec_digits(unsigned len)
{
    return 2 * len - 1;
}

/* Prepare and read the @len-byte operand at @addr; with @store the operand
 * is also prepared for the later store into *acc. Returns 0 or the access
 * exception. */
static exc_t dec_fetch(struct cpu *cpu, struct acc *acc, unsigned ar, uint64_t addr,
                       unsigned len, bool store, uint8_t *buf)
{
    exc_t exc = mmu_prepare(cpu, acc, ar, addr, len, store ? ACC_STORE : ACC_FETCH);

    if (exc)
        return exc;
    acc_read(acc, 0, buf, len);
    return 0;
}

/* The decimal-overflow exception when the program mask allows it. */
static exc_t dec_overflow(struct cpu *cpu, bool ovf)
{
    return ovf && (cpu_pm(cpu) & PSW_PM_DECIMAL) ? EXC_PGM(PGM_DECIMAL_OVERFLOW) : 0;
}

/* Store @mag/@neg into the first operand of @len1 bytes and set the
 * condition code of AP, SP, ZAP and SRP: 0 zero, 1 negative, 2 positive,
 * 3 overflow. A zero result is positive unless digits were lost (PoO ch. 8,
 * ADD DECIMAL). Returns 0 or the decimal-overflow exception (completing). */
static exc_t dec_store_result(struct cpu *cpu, const struct acc *a1, unsigned len1, u128 mag,
                              bool neg, bool ovf)
{
    uint8_t buf[16];

    if (mag == 0 && !ovf)
        neg = false;
    dec_pack(buf, len1, mag, neg);
    acc_write(a1, 0, buf, len1);
    cpu_set_cc(cpu, ovf ? 3 : mag == 0 ? 0 : neg ? 1 : 2);
    return dec_overflow(cpu, ovf);
}

enum dec_addop { DEC_ADD, DEC_SUB, DEC_ZAP };

/* AP, SP and ZAP. Returns 0, an access or data exception (nothing
 * stored), or decimal overflow after the result is stored. */
static exc_t dec_add_common(struct cpu *cpu, const struct insn *in, enum dec_addop op)
{
    unsigned len1 = in->l1 + 1u, len2 = in->l2 + 1u;
    uint8_t b1[16], b2[16];
    struct acc a1, a2;
    u128 m1 = 0, m2, sum;
    bool n1 = false, n2, neg;
    exc_t exc;

    exc = dec_fetch(cpu, &a2, in->b2, insn_addr2(cpu, in), len2, false, b2);
    if (exc)
        return exc;
    exc = dec_fetch(cpu, &a1, in->b1, insn_addr1(cpu, in), len1, true, b1);
    if (exc)
        return exc;
    if (op != DEC_ZAP && !dec_unpack(b1, len1, &m1, &n1))
        return dec_data_exception(cpu);
    if (!dec_unpack(b2, len2, &m2, &n2))
        return dec_data_exception(cpu);
    if (op == DEC_SUB)
        n2 = !n2;
    if (n1 == n2 || m1 == 0 || m2 == 0) {
        sum = m1 + m2;
        neg = m1 ? n1 : n2;
    } else if (m1 >= m2) {
        sum = m1 - m2;
        neg = n1;
    } else {
        sum = m2 - m1;
        neg = n2;
    }
    u128 lim = pow10_u128(dec_digits(len1));
    bool ovf = sum >= lim;

    /* A zero sum is positive; after overflow the truncated result keeps
     * the sign of the true sum. */
    return dec_store_result(cpu, &a1, len1, sum % lim, neg, ovf);
}

/* AP - ADD DECIMAL (SS-b). Returns 0, access or data exceptions, or
 * decimal overflow (completing, CC 3). */
exc_t insn_ap(struct cpu *cpu, const struct insn *in)
{
    return dec_add_common(cpu, in, DEC_ADD);
}

/* SP - SUBTRACT DECIMAL (SS-b). Returns 0, access or data exceptions, or
 * decimal overflow (completing, CC 3). */
exc_t insn_sp(struct cpu *cpu, const struct insn *in)
{
    return dec_add_common(cpu, in, DEC_SUB);
}

/* ZAP - ZERO AND ADD (SS-b). Only the second operand is checked. Returns
 * 0, access or data exceptions, or decimal overflow (completing, CC 3). */
exc_t insn_zap(struct cpu *cpu, const struct insn *in)
{
    return dec_add_common(cpu, in, DEC_ZAP);
}

/* CP - COMPARE DECIMAL (SS-b). CC 0 equal, 1 first low, 2 first high;
 * +0 equals -0. Returns 0, access or data exceptions. */
exc_t insn_cp(struct cpu *cpu, const struct insn *in)
{
    unsigned len1 = in->l1 + 1u, len2 = in->l2 + 1u;
    uint8_t b1[16], b2[16];
    struct acc a1, a2;
    u128 m1, m2;
    bool n1, n2;
    exc_t exc;

    exc = dec_fetch(cpu, &a1, in->b1, insn_addr1(cpu, in), len1, false, b1);
    if (exc)
        return exc;
    exc = dec_fetch(cpu, &a2, in->b2, insn_addr2(cpu, in), len2, false, b2);
    if (exc)
        return exc;
    if (!dec_unpack(b1, len1, &m1, &n1) || !dec_unpack(b2, len2, &m2, &n2))
        return dec_data_exception(cpu);
    n1 = n1 && m1;
    n2 = n2 && m2;
    if (n1 != n2)
        cpu_set_cc(cpu, n1 ? 1 : 2);
    else if (m1 == m2)
        cpu_set_cc(cpu, 0);
    else
        cpu_set_cc(cpu, (m1 < m2) != n1 ? 1 : 2);
    return 0;
}

/* Common checks of MP and DP: L2 at most 8 bytes and shorter than L1
 * (specification), both operands valid (data). Returns 0 with both
 * operands decoded and the first prepared for store, or the exception. */
static exc_t dec_muldiv_operands(struct cpu *cpu, const struct insn *in, struct acc *a1,
                                 u128 *m1, bool *n1, u128 *m2, bool *n2)
{
    unsigned len1 = in->l1 + 1u, len2 = in->l2 + 1u;
    uint8_t b1[16], b2[16];
    struct acc a2;
    exc_t exc;

    if (len2 > 8 || len2 >= len1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = dec_fetch(cpu, &a2, in->b2, insn_addr2(cpu, in), len2, false, b2);
    if (exc)
        return exc;
    exc = dec_fetch(cpu, a1, in->b1, insn_addr1(cpu, in), len1, true, b1);
    if (exc)
        return exc;
    if (!dec_unpack(b1, len1, m1, n1) || !dec_unpack(b2, len2, m2, n2))
        return dec_data_exception(cpu);
    return 0;
}

/* MP - MULTIPLY DECIMAL (SS-b). The multiplicand must have at least as
 * many leftmost zero bytes as the multiplier has bytes (data exception);
 * the product sign follows algebra even for zero. CC unchanged. Returns 0,
 * specification, access or data exceptions. */
exc_t insn_mp(struct cpu *cpu, const struct insn *in)
{
    unsigned len1 = in->l1 + 1u, len2 = in->l2 + 1u;
    uint8_t buf[16];
    struct acc a1;
    u128 m1, m2;
    bool n1, n2;
    exc_t exc;

    exc = dec_muldiv_operands(cpu, in, &a1, &m1, &n1, &m2, &n2);
    if (exc)
        return exc;
    if (m1 >= pow10_u128(dec_digits(len1) - 2 * len2))
        return dec_data_exception(cpu);
    dec_pack(buf, len1, m1 * m2, n1 != n2);
    acc_write(&a1, 0, buf, len1);
    return 0;
}

/* DP - DIVIDE DECIMAL (SS-b). Quotient in the leftmost L1-L2 bytes (sign
 * by algebra), remainder in the rightmost L2 bytes (sign of the dividend),
 * both even when zero. Returns 0, specification, access or data
 * exceptions, or decimal divide (zero divisor or quotient too large,
 * suppressing). */
exc_t insn_dp(struct cpu *cpu, const struct insn *in)
{
    unsigned len1 = in->l1 + 1u, len2 = in->l2 + 1u;
    uint8_t buf[16];
    struct acc a1;
    u128 m1, m2;
    bool n1, n2;
    exc_t exc;

    exc = dec_muldiv_operands(cpu, in, &a1, &m1, &n1, &m2, &n2);
    if (exc)
        return exc;
    if (m2 == 0 || m1 / m2 >= pow10_u128(dec_digits(len1 - len2)))
        return EXC_PGM(PGM_DECIMAL_DIVIDE);
    dec_pack(buf, len1 - len2, m1 / m2, n1 != n2);
    dec_pack(buf + len1 - len2, len2, m1 % m2, n1);
    acc_write(&a1, 0, buf, len1);
    return 0;
}

/* SRP - SHIFT AND ROUND DECIMAL (SS-c). The rightmost six bits of the
 * second-operand address are a signed shift count: left 0-31, right 1-32
 * with the rounding digit I3 added to the leftmost digit shifted out.
 * Returns 0, access or data exceptions (invalid operand or rounding digit),
 * or decimal overflow (completing, CC 3) when a left shift loses a nonzero
 * digit. */
exc_t insn_srp(struct cpu *cpu, const struct insn *in)
{
    unsigned len1 = in->l1 + 1u, ndig = dec_digits(len1);
    unsigned shift = (unsigned)(insn_addr2(cpu, in) & 0x3f);
    uint8_t b1[16];
    struct acc a1;
    u128 m, res;
    bool neg, ovf = false;
    exc_t exc;

    exc = dec_fetch(cpu, &a1, in->b1, insn_addr1(cpu, in), len1, true, b1);
    if (exc)
        return exc;
    if (!dec_unpack(b1, len1, &m, &neg) || in->i3 > 9)
        return dec_data_exception(cpu);
    if (shift < 32) {
        if (shift >= ndig) {
            ovf = m != 0;
            res = 0;
        } else {
            u128 keep = pow10_u128(ndig - shift);

            ovf = m >= keep;
            res = (m % keep) * pow10_u128(shift);
        }
    } else {
        unsigned n = 64 - shift;
        unsigned round = (unsigned)(m / pow10_u128(n - 1) % 10);

        res = m / pow10_u128(n) + (round + in->i3 >= 10);
    }
    return dec_store_result(cpu, &a1, len1, res, neg, ovf);
}

/* TP - TEST DECIMAL (RSL-a). CC 0 valid, 1 invalid sign, 2 invalid digit,
 * 3 both. Returns 0 or the access exception. */
exc_t insn_tp(struct cpu *cpu, const struct insn *in)
{
    unsigned len = in->l1 + 1u, cc = 0;
    uint8_t b[16];
    struct acc a;
    exc_t exc;

    exc = dec_fetch(cpu, &a, in->b1, insn_addr1(cpu, in), len, false, b);
    if (exc)
        return exc;
    for (unsigned i = 0; i < len; i++) {
        if ((b[i] >> 4) > 9 || (i < len - 1 && (b[i] & 0xf) > 9))
            cc |= 2;
    }
    if ((b[len - 1] & 0xf) < 0xa)
        cc |= 1;
    cpu_set_cc(cpu, cc);
    return 0;
}

/* CONVERT TO BINARY (32): the 8-byte operand at the second-operand address
 * into the low word of R1. A result outside the 32-bit range still stores
 * its rightmost 32 bits, then reports fixed-point divide (PoO ch. 7,
 * CONVERT TO BINARY). Returns 0, access, data or fixed-point-divide. */
static exc_t cvb_common(struct cpu *cpu, const struct insn *in)
{
    uint8_t b[8];
    uint64_t raw;
    u128 mag;
    bool neg;
    exc_t exc;

    exc = mmu_fetch_u64(cpu, in->b2, insn_addr2(cpu, in), &raw);
    if (exc)
        return exc;
    st_be64(b, raw);
    if (!dec_unpack(b, 8, &mag, &neg))
        return dec_data_exception(cpu);
    int64_t v = neg ? -(int64_t)mag : (int64_t)mag;
    cpu_set_gr32(cpu, in->r1, (uint32_t)v);
    return v < INT32_MIN || v > INT32_MAX ? EXC_PGM(PGM_FIXED_POINT_DIVIDE) : 0;
}

/* CVB - CONVERT TO BINARY (RX-a). Returns 0, access, data or
 * fixed-point-divide (after R1 is set). */
exc_t insn_cvb(struct cpu *cpu, const struct insn *in)
{
    return cvb_common(cpu, in);
}

/* CVBY - CONVERT TO BINARY (RXY-a). Returns as CVB. */
exc_t insn_cvby(struct cpu *cpu, const struct insn *in)
{
    return cvb_common(cpu, in);
}

/* CVBG - CONVERT TO BINARY (RXY-a), 16-byte operand to 64 bits. A result
 * outside the 64-bit range suppresses with fixed-point divide. Returns 0,
 * access, data or fixed-point-divide exceptions. */
exc_t insn_cvbg(struct cpu *cpu, const struct insn *in)
{
    uint8_t b[16];
    struct acc a;
    u128 mag;
    bool neg;
    exc_t exc;

    exc = dec_fetch(cpu, &a, in->b2, insn_addr2(cpu, in), 16, false, b);
    if (exc)
        return exc;
    if (!dec_unpack(b, 16, &mag, &neg))
        return dec_data_exception(cpu);
    if (mag > (neg ? (u128)1 << 63 : ((u128)1 << 63) - 1))
        return EXC_PGM(PGM_FIXED_POINT_DIVIDE);
    cpu->gr[in->r1] = neg ? -(uint64_t)mag : (uint64_t)mag;
    return 0;
}

/* CONVERT TO DECIMAL of the signed @v into @len bytes at the second-operand
 * address. Returns 0 or the access exception. */
static exc_t cvd_common(struct cpu *cpu, const struct insn *in, int64_t v, unsigned len)
{
    uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
    uint8_t b[16];
    struct acc a;
    exc_t exc;

    exc = mmu_prepare(cpu, &a, in->b2, insn_addr2(cpu, in), len, ACC_STORE);
    if (exc)
        return exc;
    dec_pack(b, len, mag, v < 0);
    acc_write(&a, 0, b, len);
    return 0;
}

/* CVD - CONVERT TO DECIMAL (RX-a). Returns 0 or the access exception. */
exc_t insn_cvd(struct cpu *cpu, const struct insn *in)
{
    return cvd_common(cpu, in, (int32_t)cpu_gr32(cpu, in->r1), 8);
}

/* CVDY - CONVERT TO DECIMAL (RXY-a). Returns 0 or the access exception. */
exc_t insn_cvdy(struct cpu *cpu, const struct insn *in)
{
    return cvd_common(cpu, in, (int32_t)cpu_gr32(cpu, in->r1), 8);
}

/* CVDG - CONVERT TO DECIMAL (RXY-a), 64 bits to 16 bytes. Returns 0 or
 * the access exception. */
exc_t insn_cvdg(struct cpu *cpu, const struct insn *in)
{
    return cvd_common(cpu, in, (int64_t)cpu->gr[in->r1], 16);
}

/* PKA - PACK ASCII (SS-f): the rightmost four bits of each of the L2+1
 * (at most 32) second-operand bytes, right-aligned, as a 16-byte packed
 * number with sign C. Returns 0, specification or access exceptions. */
exc_t insn_pka(struct cpu *cpu, const struct insn *in)
{
    unsigned len2 = in->l2 + 1u;
    uint8_t src[32], res[16];
    struct acc a1, a2;
    exc_t exc;

    if (len2 > 32)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = dec_fetch(cpu, &a2, in->b2, insn_addr2(cpu, in), len2, false, src);
    if (exc)
        return exc;
    exc = mmu_prepare(cpu, &a1, in->b1, insn_addr1(cpu, in), 16, ACC_STORE);
    if (exc)
        return exc;
    memset(res, 0, sizeof(res));
    res[15] = 0x0c;
    for (unsigned k = 0; k < len2 && k < 31; k++) {
        unsigned pos = 30 - k;              /* digit index from the left, 0-30 */
        uint8_t d = src[len2 - 1 - k] & 0xf;

        res[pos / 2] |= (pos & 1) ? d : (uint8_t)(d << 4);
    }
    acc_write(&a1, 0, res, 16);
    return 0;
}

/* PKU - PACK UNICODE (SS-f): like PKA with 2-byte characters; L2+1 must be
 * even and at most 64. Returns 0, specification or access exceptions. */
exc_t insn_pku(struct cpu *cpu, const struct insn *in)
{
    unsigned len2 = in->l2 + 1u, n = len2 / 2;
    uint8_t src[64], res[16];
    struct acc a1, a2;
    exc_t exc;

    if (len2 > 64 || (len2 & 1))
        return EXC_PGM(PGM_SPECIFICATION);
    exc = dec_fetch(cpu, &a2, in->b2, insn_addr2(cpu, in), len2, false, src);
    if (exc)
        return exc;
    exc = mmu_prepare(cpu, &a1, in->b1, insn_addr1(cpu, in), 16, ACC_STORE);
    if (exc)
        return exc;
    memset(res, 0, sizeof(res));
    res[15] = 0x0c;
    for (unsigned k = 0; k < n && k < 31; k++) {
        unsigned pos = 30 - k;
        uint8_t d = src[len2 - 1 - 2 * k] & 0xf;

        res[pos / 2] |= (pos & 1) ? d : (uint8_t)(d << 4);
    }
    acc_write(&a1, 0, res, 16);
    return 0;
}

/* Digit @k from the right (0 = the digit left of the sign) of the 16-byte
 * packed field @b; 0 beyond the 31 digits. */
static uint8_t dec_digit_from_right(const uint8_t *b, unsigned k)
{
    unsigned pos;

    if (k >= 31)
        return 0;
    pos = 30 - k;
    return (pos & 1) ? b[pos / 2] & 0xf : b[pos / 2] >> 4;
}

/* CC of UNPKA/UNPKU from the sign nibble: 0 plus, 1 minus, 3 invalid. */
static unsigned dec_sign_cc(uint8_t nib)
{
    return nib < 0xa ? 3 : dec_sign_is_minus(nib) ? 1 : 0;
}

/* UNPKA - UNPACK ASCII (SS-a): the 16-byte packed second operand into
 * L1+1 (at most 32) ASCII digits 0x30-0x39; digits are not checked.
 * Returns 0, specification or access exceptions. */
exc_t insn_unpka(struct cpu *cpu, const struct insn *in)
{
    unsigned len1 = in->l1 + 1u;
    uint8_t src[16], res[32];
    struct acc a1, a2;
    exc_t exc;

    if (len1 > 32)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = dec_fetch(cpu, &a2, in->b2, insn_addr2(cpu, in), 16, false, src);
    if (exc)
        return exc;
    exc = mmu_prepare(cpu, &a1, in->b1, insn_addr1(cpu, in), len1, ACC_STORE);
    if (exc)
        return exc;
    for (unsigned k = 0; k < len1; k++)
        res[len1 - 1 - k] = 0x30 | dec_digit_from_right(src, k);
    acc_write(&a1, 0, res, len1);
    cpu_set_cc(cpu, dec_sign_cc(src[15] & 0xf));
    return 0;
}

/* UNPKU - UNPACK UNICODE (SS-a): like UNPKA with 2-byte characters
 * 0x0030-0x0039; L1+1 must be even and at most 64. Returns 0,
 * specification or access exceptions. */
exc_t insn_unpku(struct cpu *cpu, const struct insn *in)
{
    unsigned len1 = in->l1 + 1u, n = len1 / 2;
    uint8_t src[16], res[64];
    struct acc a1, a2;
    exc_t exc;

    if (len1 > 64 || (len1 & 1))
        return EXC_PGM(PGM_SPECIFICATION);
    exc = dec_fetch(cpu, &a2, in->b2, insn_addr2(cpu, in), 16, false, src);
    if (exc)
        return exc;
    exc = mmu_prepare(cpu, &a1, in->b1, insn_addr1(cpu, in), len1, ACC_STORE);
    if (exc)
        return exc;
    for (unsigned k = 0; k < n; k++) {
        res[len1 - 2 - 2 * k] = 0;
        res[len1 - 1 - 2 * k] = 0x30 | dec_digit_from_right(src, k);
    }
    acc_write(&a1, 0, res, len1);
    cpu_set_cc(cpu, dec_sign_cc(src[15] & 0xf));
    return 0;
}

/* Prepare the second operand for fetch and the first for store (and
 * fetch, with @fetch1) for the in-place moves PACK, UNPK and MVO. Returns
 * 0 or the access exception. */
static exc_t dec_prepare_move(struct cpu *cpu, const struct insn *in, struct acc *a1,
                              struct acc *a2, bool fetch1)
{
    uint64_t addr1 = insn_addr1(cpu, in);
    exc_t exc;

    exc = mmu_prepare(cpu, a2, in->b2, insn_addr2(cpu, in), in->l2 + 1u, ACC_FETCH);
    if (exc)
        return exc;
    if (fetch1) {
        exc = mmu_prepare(cpu, a1, in->b1, addr1, in->l1 + 1u, ACC_FETCH);
        if (exc)
            return exc;
    }
    return mmu_prepare(cpu, a1, in->b1, addr1, in->l1 + 1u, ACC_STORE);
}

/* PACK - PACK (SS-b). Right to left, each result byte stored as soon as
 * its source bytes are fetched, so overlapping operands give the
 * architected result (PoO ch. 7, PACK). No validity checks. Returns 0 or
 * the access exception. */
exc_t insn_pack(struct cpu *cpu, const struct insn *in)
{
    struct acc a1, a2;
    int i = in->l1, j = in->l2;
    exc_t exc;

    exc = dec_prepare_move(cpu, in, &a1, &a2, false);
    if (exc)
        return exc;
    uint8_t b = acc_get(&a2, (uint32_t)j--);
    acc_set(&a1, (uint32_t)i--, (uint8_t)(b << 4 | b >> 4));
    for (; i >= 0; i--) {
        uint8_t lo = j >= 0 ? acc_get(&a2, (uint32_t)j) & 0xf : 0;
        uint8_t hi;

        j--;
        hi = j >= 0 ? acc_get(&a2, (uint32_t)j) & 0xf : 0;
        j--;
        acc_set(&a1, (uint32_t)i, (uint8_t)(hi << 4 | lo));
    }
    return 0;
}

/* UNPK - UNPACK (SS-b). Right to left, zones F, the rightmost byte with
 * its halves swapped; each source byte is fetched before the two result
 * bytes it makes are stored. No validity checks. Returns 0 or the access
 * exception. */
exc_t insn_unpk(struct cpu *cpu, const struct insn *in)
{
    struct acc a1, a2;
    int i = in->l1, j = in->l2;
    exc_t exc;

    exc = dec_prepare_move(cpu, in, &a1, &a2, false);
    if (exc)
        return exc;
    uint8_t b = acc_get(&a2, (uint32_t)j--);
    acc_set(&a1, (uint32_t)i--, (uint8_t)(b << 4 | b >> 4));
    while (i >= 0) {
        b = j >= 0 ? acc_get(&a2, (uint32_t)j) : 0;
        j--;
        acc_set(&a1, (uint32_t)i--, 0xf0 | (b & 0xf));
        if (i < 0)
            break;
        acc_set(&a1, (uint32_t)i--, 0xf0 | b >> 4);
    }
    return 0;
}

/* MVO - MOVE WITH OFFSET (SS-b). The second operand goes left of the
 * first operand's rightmost four bits, right to left, extended with zeros
 * or truncated on the left. Returns 0 or the access exception. */
exc_t insn_mvo(struct cpu *cpu, const struct insn *in)
{
    struct acc a1, a2;
    int i = in->l1, j = in->l2;
    uint8_t carry;
    exc_t exc;

    exc = dec_prepare_move(cpu, in, &a1, &a2, true);
    if (exc)
        return exc;
    carry = acc_get(&a1, (uint32_t)i) & 0xf;
    for (; i >= 0; i--) {
        uint8_t b = j >= 0 ? acc_get(&a2, (uint32_t)j) : 0;

        j--;
        acc_set(&a1, (uint32_t)i, (uint8_t)(b << 4 | carry));
        carry = b >> 4;
    }
    return 0;
}

/* State of an ED/EDMK run over a local copy of the pattern. */
struct edit_state {
    uint64_t addr1, addr2;      /* pattern and next source byte addresses */
    unsigned len;               /* pattern length */
    uint8_t res[256];           /* result bytes 0..i-1 are final */
    uint8_t right;              /* right half of the current source byte */
    bool have_right;            /* right half still to be used as a digit */
    bool sig;                   /* significance indicator */
    bool nonzero;               /* a nonzero digit since the last field separator */
    bool marked;                /* EDMK: mark_addr is valid */
    uint64_t mark_addr;
};

/* Fetch the next source byte. A byte inside the already edited part of
 * the pattern is taken from the result, as byte-by-byte processing would
 * see it. Returns 0 or the access exception. */
static exc_t edit_fetch_source(struct cpu *cpu, struct edit_state *st, unsigned ar, unsigned i,
                               uint8_t *b)
{
    uint64_t off = cpu_wrap(cpu, st->addr2 - st->addr1);
    exc_t exc;

    if (off < i) {
        *b = st->res[off];
    } else {
        exc = mmu_fetch_u8(cpu, ar, st->addr2, b);
        if (exc)
            return exc;
    }
    st->addr2 = cpu_wrap(cpu, st->addr2 + 1);
    return 0;
}

/* Edit pattern byte @i (digit selector 0x20 or significance starter 0x21)
 * with the next source digit. Returns 0, access or data exceptions. */
static exc_t edit_digit(struct cpu *cpu, struct edit_state *st, unsigned ar, unsigned i,
                        uint8_t pat, uint8_t fill)
{
    bool left = !st->have_right;
    uint8_t d;
    exc_t exc;

    if (left) {
        uint8_t b;

        exc = edit_fetch_source(cpu, st, ar, i, &b);
        if (exc)
            return exc;
        d = b >> 4;
        if (d > 9)
            return dec_data_exception(cpu);
        st->right = b & 0xf;
        st->have_right = true;
    } else {
        d = st->right;
        st->have_right = false;
    }
    if (d && !st->sig) {
        st->marked = true;
        st->mark_addr = cpu_wrap(cpu, st->addr1 + i);
    }
    st->res[i] = !st->sig && d == 0 ? fill : 0xf0 | d;
    if (d)
        st->nonzero = true;
    if (pat == 0x21 || d)
        st->sig = true;
    /* A sign code in the right half ends the source byte; a plus sign
     * turns the significance indicator off (PoO ch. 8, EDIT). */
    if (left && st->right > 9) {
        if (!dec_sign_is_minus(st->right))
            st->sig = false;
        st->have_right = false;
    }
    return 0;
}

/* ED and EDMK. Returns 0, access or data exceptions (nothing stored). */
static exc_t edit_common(struct cpu *cpu, const struct insn *in, bool mark)
{
    struct edit_state st = {
        .addr1 = insn_addr1(cpu, in), .addr2 = insn_addr2(cpu, in), .len = in->l1 + 1u,
    };
    uint8_t pat[256], fill = 0;
    struct acc a1;
    exc_t exc;

    exc = mmu_prepare(cpu, &a1, in->b1, st.addr1, st.len, ACC_FETCH);
    if (exc)
        return exc;
    exc = mmu_prepare(cpu, &a1, in->b1, st.addr1, st.len, ACC_STORE);
    if (exc)
        return exc;
    acc_read(&a1, 0, pat, st.len);
    for (unsigned i = 0; i < st.len; i++) {
        uint8_t p = pat[i];

        if (i == 0)
            fill = p;
        if (p == 0x20 || p == 0x21) {
            exc = edit_digit(cpu, &st, in->b2, i, p, fill);
            if (exc)
                return exc;
        } else if (p == 0x22) {
            st.res[i] = fill;
            st.sig = false;
            st.nonzero = false;
        } else {
            st.res[i] = st.sig ? p : fill;
        }
    }
    acc_write(&a1, 0, st.res, st.len);
    cpu_set_cc(cpu, !st.nonzero ? 0 : st.sig ? 1 : 2);
    if (mark && st.marked) {
        if (cpu->psw.mask & PSW_MASK_EA)
            cpu->gr[1] = st.mark_addr;
        else if (cpu->psw.mask & PSW_MASK_BA)
            cpu->gr[1] = (cpu->gr[1] & ~UINT64_C(0x7fffffff)) | st.mark_addr;
        else
            cpu->gr[1] = (cpu->gr[1] & ~UINT64_C(0xffffff)) | st.mark_addr;
    }
    return 0;
}

/* ED - EDIT (SS-a). CC 0 last field zero, 1 negative, 2 positive. Returns
 * 0, access or data exceptions. */
exc_t insn_ed(struct cpu *cpu, const struct insn *in)
{
    return edit_common(cpu, in, false);
}

/* EDMK - EDIT AND MARK (SS-a). As ED; GR1 gets the address of the first
 * significant result digit when one turned significance on. Returns 0,
 * access or data exceptions. */
exc_t insn_edmk(struct cpu *cpu, const struct insn *in)
{
    return edit_common(cpu, in, true);
}
