/* Unicode conversions (PoO chapter 7, "General Instructions"): CU12 (CUTFU),
 * CU14, CU21 (CUUTF), CU24, CU41, CU42. Each converts the second operand
 * (R2 address, R2+1 length) into the first (R1 address, R1+1 length), one
 * character at a time:
 *   CC 0  the second operand is exhausted (fewer bytes left than the next
 *         character needs);
 *   CC 1  the first operand has no room for the next character;
 *   CC 2  an invalid character (its address is left in R2);
 *   CC 3  a CPU-determined number of characters was converted.
 * The well-formedness bit W (M3 bit 3, ETF3 enhancement) adds the checks of
 * the PoO tables for UTF-8 and for UTF-16 surrogate pairs. */
#include "cpu/cpu.h"

#include "cpu/insn.h"
#include "cpu/model.h"
#include "cpu/regs.h"
#include "mmu/mmu.h"

/* Characters converted per execution before condition code 3. */
#define CU_UNIT 1024u

enum utf { UTF8, UTF16, UTF32 };

/* One decoded character: its code point as the PoO's bit mapping yields it
 * and the number of source bytes; len == 0: stop with condition code cc. */
struct uchar {
    uint32_t c;
    unsigned len;
    unsigned cc;
};

static inline bool cont_ok(uint8_t b, uint8_t lo, uint8_t hi)
{
    return b >= lo && b <= hi;
}

/* Decode a UTF-8 character. Without W only the first byte is examined
 * (80-BF and F8-FF are invalid); with W the byte ranges of the PoO's
 * well-formedness table apply (C2-DF, E0 A0-BF, ED 80-9F, F0 90-BF,
 * F4 80-8F, F5-FF invalid, ...). */
static exc_t decode_utf8(struct cpu *cpu, unsigned ar, uint64_t addr, uint64_t avail, bool wf,
                         struct uchar *u)
{
    uint8_t b[4];
    unsigned n;
    uint8_t lo = 0x80, hi = 0xbf;
    exc_t exc;

    u->len = 0;
    u->cc = 0;
    if (avail < 1)
        return 0;
    exc = mmu_fetch_u8(cpu, ar, addr, &b[0]);
    if (exc)
        return exc;
    if (b[0] < 0x80) {
        u->c = b[0];
        u->len = 1;
        return 0;
    }
    if (b[0] < (wf ? 0xc2 : 0xc0) || b[0] > (wf ? 0xf4 : 0xf7)) {
        u->cc = 2;
        return 0;
    }
    n = b[0] < 0xe0 ? 2 : b[0] < 0xf0 ? 3 : 4;
    if (avail < n)
        return 0;
    for (unsigned i = 1; i < n; i++) {
        exc = mmu_fetch_u8(cpu, ar, cpu_wrap(cpu, addr + i), &b[i]);
        if (exc)
            return exc;
    }
    if (wf) {
        if (b[0] == 0xe0)
            lo = 0xa0;
        else if (b[0] == 0xed)
            hi = 0x9f;
        else if (b[0] == 0xf0)
            lo = 0x90;
        else if (b[0] == 0xf4)
            hi = 0x8f;
        if (!cont_ok(b[1], lo, hi) || (n > 2 && !cont_ok(b[2], 0x80, 0xbf)) ||
            (n > 3 && !cont_ok(b[3], 0x80, 0xbf))) {
            u->cc = 2;
            return 0;
        }
    }
    if (n == 2)
        u->c = (uint32_t)(b[0] & 0x1f) << 6 | (b[1] & 0x3f);
    else if (n == 3)
        u->c = (uint32_t)(b[0] & 0x0f) << 12 | (uint32_t)(b[1] & 0x3f) << 6 | (b[2] & 0x3f);
    else
        u->c = (uint32_t)(b[0] & 0x07) << 18 | (uint32_t)(b[1] & 0x3f) << 12 |
               (uint32_t)(b[2] & 0x3f) << 6 | (b[3] & 0x3f);
    u->len = n;
    return 0;
}

/* Decode a UTF-16 character. A high surrogate (D800-DBFF) takes the next
 * two bytes as its low half; with W they must be DC00-DFFF. The plane is
 * the high surrogate's wwww field plus one. */
static exc_t decode_utf16(struct cpu *cpu, unsigned ar, uint64_t addr, uint64_t avail, bool wf,
                          struct uchar *u)
{
    uint16_t h, l;
    exc_t exc;

    u->len = 0;
    u->cc = 0;
    if (avail < 2)
        return 0;
    exc = mmu_fetch_u16(cpu, ar, addr, &h);
    if (exc)
        return exc;
    if ((h & 0xfc00) != 0xd800) {
        u->c = h;
        u->len = 2;
        return 0;
    }
    if (avail < 4)
        return 0;
    exc = mmu_fetch_u16(cpu, ar, cpu_wrap(cpu, addr + 2), &l);
    if (exc)
        return exc;
    if (wf && (l & 0xfc00) != 0xdc00) {
        u->cc = 2;
        return 0;
    }
    u->c = (((uint32_t)(h >> 6) & 0xf) + 1) << 16 | (uint32_t)(h & 0x3f) << 10 | (l & 0x3ff);
    u->len = 4;
    return 0;
}

/* Decode a UTF-32 character: D800-DFFF and values above 10FFFF are invalid. */
static exc_t decode_utf32(struct cpu *cpu, unsigned ar, uint64_t addr, uint64_t avail,
                          struct uchar *u)
{
    uint32_t c;
    exc_t exc;

    u->len = 0;
    u->cc = 0;
    if (avail < 4)
        return 0;
    exc = mmu_fetch_u32(cpu, ar, addr, &c);
    if (exc)
        return exc;
    if ((c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff) {
        u->cc = 2;
        return 0;
    }
    u->c = c;
    u->len = 4;
    return 0;
}

/* Encode @c into @out; returns the number of bytes. @pair forces a UTF-16
 * surrogate pair (a 4-byte UTF-8 source, whose plane field uuuuu becomes
 * wwww = uuuuu - 1). */
static unsigned encode(enum utf to, uint32_t c, bool pair, uint8_t *out)
{
    switch (to) {
    case UTF8:
        if (c < 0x80) {
            out[0] = (uint8_t)c;
            return 1;
        }
        if (c < 0x800) {
            out[0] = (uint8_t)(0xc0 | c >> 6);
            out[1] = (uint8_t)(0x80 | (c & 0x3f));
            return 2;
        }
        if (c < 0x10000) {
            out[0] = (uint8_t)(0xe0 | c >> 12);
            out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
            out[2] = (uint8_t)(0x80 | (c & 0x3f));
            return 3;
        }
        out[0] = (uint8_t)(0xf0 | ((c >> 18) & 7));
        out[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3f));
        out[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
        out[3] = (uint8_t)(0x80 | (c & 0x3f));
        return 4;
    case UTF16:
        if (!pair && c < 0x10000) {
            st_be16(out, (uint16_t)c);
            return 2;
        }
        st_be16(out, (uint16_t)(0xd800 | (((c >> 16) - 1) & 0xf) << 6 | ((c >> 10) & 0x3f)));
        st_be16(out + 2, (uint16_t)(0xdc00 | (c & 0x3ff)));
        return 4;
    case UTF32:
        st_be32(out, c);
        return 4;
    }
    return 0;
}

/* The common loop of the six conversions. */
static exc_t convert(struct cpu *cpu, const struct insn *in, enum utf from, enum utf to,
                     bool has_m3)
{
    bool wf = has_m3 && cpu->model->fac[FAC_ETF3E] && (in->m3 & 1);
    uint64_t dst, dlen, src, slen, n = 0;
    unsigned cc = 3;
    exc_t exc = 0;

    if ((in->r1 & 1) || (in->r2 & 1))
        return EXC_PGM(PGM_SPECIFICATION);
    dst = cpu_wrap(cpu, cpu->gr[in->r1]);
    dlen = reg_len(cpu, in->r1 + 1);
    src = cpu_wrap(cpu, cpu->gr[in->r2]);
    slen = reg_len(cpu, in->r2 + 1);
    for (; n < CU_UNIT; n++) {
        struct uchar u;
        struct acc acc;
        uint8_t out[4];
        unsigned olen;

        if (from == UTF8)
            exc = decode_utf8(cpu, in->r2, src, slen, wf, &u);
        else if (from == UTF16)
            exc = decode_utf16(cpu, in->r2, src, slen, wf, &u);
        else
            exc = decode_utf32(cpu, in->r2, src, slen, &u);
        if (exc)
            break;
        if (!u.len) {
            cc = u.cc;
            break;
        }
        olen = encode(to, u.c, from == UTF8 && u.len == 4, out);
        if (dlen < olen) {
            cc = 1;
            break;
        }
        exc = mmu_prepare(cpu, &acc, in->r1, dst, olen, ACC_STORE);
        if (exc)
            break;
        acc_write(&acc, 0, out, olen);
        src = cpu_wrap(cpu, src + u.len);
        slen -= u.len;
        dst = cpu_wrap(cpu, dst + olen);
        dlen -= olen;
    }
    /* An access exception nullifies the current character only: the
     * registers describe the characters already converted. */
    if (exc && n == 0)
        return exc;
    set_reg_addr(cpu, in->r1, dst);
    set_reg_len(cpu, in->r1 + 1, dlen);
    set_reg_addr(cpu, in->r2, src);
    set_reg_len(cpu, in->r2 + 1, slen);
    if (exc)
        return exc;
    cpu_set_cc(cpu, cc);
    return 0;
}

/* CU12 - CONVERT UTF-8 TO UTF-16 (RRF-c). Returns 0, specification or access. */
exc_t insn_cu12(struct cpu *cpu, const struct insn *in)
{
    return convert(cpu, in, UTF8, UTF16, true);
}

/* CU14 - CONVERT UTF-8 TO UTF-32 (RRF-c). Returns 0, specification or access. */
exc_t insn_cu14(struct cpu *cpu, const struct insn *in)
{
    return convert(cpu, in, UTF8, UTF32, true);
}

/* CU21 - CONVERT UTF-16 TO UTF-8 (RRF-c). Returns 0, specification or access. */
exc_t insn_cu21(struct cpu *cpu, const struct insn *in)
{
    return convert(cpu, in, UTF16, UTF8, true);
}

/* CU24 - CONVERT UTF-16 TO UTF-32 (RRF-c). Returns 0, specification or access. */
exc_t insn_cu24(struct cpu *cpu, const struct insn *in)
{
    return convert(cpu, in, UTF16, UTF32, true);
}

/* CU41 - CONVERT UTF-32 TO UTF-8 (RRE). Returns 0, specification or access. */
exc_t insn_cu41(struct cpu *cpu, const struct insn *in)
{
    return convert(cpu, in, UTF32, UTF8, false);
}

/* CU42 - CONVERT UTF-32 TO UTF-16 (RRE). Returns 0, specification or access. */
exc_t insn_cu42(struct cpu *cpu, const struct insn *in)
{
    return convert(cpu, in, UTF32, UTF16, false);
}
