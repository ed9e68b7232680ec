/* Decoding: the instruction table expanded into lookup and field-extraction
 * tables, and the routine that turns instruction bytes into a struct insn. */
#include "cpu/insn.h"

#include <stddef.h>

const struct insn_info insn_info[INSN_COUNT] = {
#define INSN(mn, op, fmt, fac, fam, priv, h) \
    [INSN_##mn] = { #mn, op, FMT_##fmt, FAC_##fac, FAMILY_##fam, PRIV_##priv, insn_##h },
#include "cpu/insn.def"
#undef INSN
};

const char *const fmt_names[FMT_COUNT] = {
#define FMT(name, ...) [FMT_##name] = #name,
#include "cpu/format.def"
#undef FMT
};

const char *const facility_names[FAC_COUNT] = {
#define FAC(name, bit, desc) [FAC_##name] = #name,
#include "cpu/facility.def"
#undef FAC
};

const char *const facility_descs[FAC_COUNT] = {
#define FAC(name, bit, desc) [FAC_##name] = desc,
#include "cpu/facility.def"
#undef FAC
};

const int facility_bits[FAC_COUNT] = {
#define FAC(name, bit, desc) [FAC_##name] = bit,
#include "cpu/facility.def"
#undef FAC
};

const char *const family_names[FAMILY_COUNT] = {
    [FAMILY_GENERAL] = "general", [FAMILY_DECIMAL] = "decimal", [FAMILY_FPSUP] = "fp-support",
    [FAMILY_BFP] = "bfp", [FAMILY_HFP] = "hfp", [FAMILY_DFP] = "dfp",
    [FAMILY_CONTROL] = "control", [FAMILY_IO] = "io", [FAMILY_CRYPTO] = "crypto",
};

enum field_slot { R1, R2, R3, X2, B1, B2, B4, D1, D2, D4, M3, M4, M5, L1, L2, I2, I3, I4, I5, RI };
enum field_kind { U, S, DH, REL };

struct field {
    uint8_t slot, pos, width, kind;   /* width 0 ends the list */
};

#define F(slot, pos, width, kind) { slot, pos, width, kind }
static const struct field fmt_fields[FMT_COUNT][7] = {
#define FMT(name, ...) [FMT_##name] = { __VA_ARGS__ },
#include "cpu/format.def"
#undef FMT
};
#undef F

/* Where the extended opcode sits, by first byte (PoO appendix B). */
enum op2_kind { OP2_NONE, OP2_BYTE1, OP2_NIBBLE1, OP2_BYTE5 };

static enum op2_kind op2_kind(uint8_t byte0)
{
    switch (byte0) {
    case 0x01: case 0xa7: case 0xb2: case 0xb3: case 0xb9: case 0xe5:
        return byte0 == 0xa7 ? OP2_NIBBLE1 : OP2_BYTE1;
    case 0xa5: case 0xc0: case 0xc2: case 0xc4: case 0xc6: case 0xc8: case 0xcc:
        return OP2_NIBBLE1;
    case 0xe3: case 0xe6: case 0xe7: case 0xeb: case 0xec: case 0xed:
        return OP2_BYTE5;
    default:
        return OP2_NONE;
    }
}

/* The 16-bit opcode of the table for the instruction in @bytes. */
static uint16_t opcode_of(const uint8_t *bytes)
{
    switch (op2_kind(bytes[0])) {
    case OP2_BYTE1:
        return (uint16_t)(bytes[0] << 8 | bytes[1]);
    case OP2_NIBBLE1:
        return (uint16_t)(bytes[0] << 8 | (bytes[1] & 0x0f));
    case OP2_BYTE5:
        return (uint16_t)(bytes[0] << 8 | bytes[5]);
    default:
        return (uint16_t)(bytes[0] << 8);
    }
}

static uint16_t opcode_map[65536];    /* opcode -> id + 1; 0 = not listed */

/* Fill opcode_map from the table. Runs once, before main. */
__attribute__((constructor)) static void decode_init(void)
{
    for (unsigned id = 0; id < INSN_COUNT; id++)
        opcode_map[insn_info[id].opcode] = (uint16_t)(id + 1);
}

unsigned insn_lookup(const uint8_t *bytes)
{
    unsigned v = opcode_map[opcode_of(bytes)];

    return v ? v - 1 : INSN_COUNT;
}

/* Bits @pos..@pos+@width-1 of the instruction (bit 0 = first bit). */
static uint64_t extract(const uint8_t *bytes, unsigned pos, unsigned width)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < 6; i++)
        v = v << 8 | bytes[i];
    return (v >> (48 - pos - width)) & ((UINT64_C(1) << width) - 1);
}

static int64_t sext(uint64_t v, unsigned width)
{
    return (int64_t)(v << (64 - width)) >> (64 - width);
}

static void put_field(struct insn *in, const struct field *f, const uint8_t *bytes)
{
    uint64_t raw = extract(bytes, f->pos, f->width);
    int64_t v = f->kind == U ? (int64_t)raw : sext(raw, f->width);

    switch (f->slot) {
    case R1: in->r1 = (uint8_t)v; break;
    case R2: in->r2 = (uint8_t)v; break;
    case R3: in->r3 = (uint8_t)v; break;
    case X2: in->x2 = (uint8_t)v; break;
    case B1: in->b1 = (uint8_t)v; break;
    case B2: in->b2 = (uint8_t)v; break;
    case B4: in->b4 = (uint8_t)v; break;
    case M3: in->m3 = (uint8_t)v; break;
    case M4: in->m4 = (uint8_t)v; break;
    case M5: in->m5 = (uint8_t)v; break;
    case L1: in->l1 = (uint8_t)v; break;
    case L2: in->l2 = (uint8_t)v; break;
    case I3: in->i3 = (uint8_t)v; break;
    case I4: in->i4 = (uint8_t)v; break;
    case I5: in->i5 = (uint8_t)v; break;
    case I2: in->i2 = v; break;
    case RI: in->ri = v * 2; break;
    case D1: case D2: case D4: {
        int32_t *d = f->slot == D1 ? &in->d1 : f->slot == D2 ? &in->d2 : &in->d4;
        *d = f->kind == DH ? (int32_t)(*d | (int32_t)(v * 4096)) : (int32_t)v;
        break;
    }
    }
}

bool insn_decode(const uint8_t *bytes, insn_fn *const *dispatch, struct insn *in)
{
    unsigned id = insn_lookup(bytes);
    unsigned len = insn_len(bytes[0]);

    memset(in, 0, sizeof(*in));
    in->len = (uint8_t)len;
    memcpy(in->bytes, bytes, len);
    if (id == INSN_COUNT) {
        in->id = INSN_COUNT;
        in->fn = insn_unimpl;
        return false;
    }
    in->id = (uint16_t)id;
    in->fn = dispatch[id];
    for (const struct field *f = fmt_fields[insn_info[id].fmt]; f->width; f++)
        put_field(in, f, in->bytes);
    return true;
}
