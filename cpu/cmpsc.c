/* COMPRESSION CALL (PoO chapter 7, "COMPRESSION CALL"; the dictionary
 * formats and the compression flowchart are those of ESA/390 Data
 * Compression, SA22-7208). Compression turns the byte string at R2 into
 * index symbols of 9-13 bits stored at R1 from bit CBN (GR1 bits 61-63) on;
 * expansion turns the symbols at R2 (from bit CBN) back into bytes at R1.
 * The CMPSC-enhancement facility (zero padding) is not installed.
 *
 * Unit of operation: one index symbol. Every access of a unit (source
 * bytes, dictionary entries, the destination bytes) is made before the unit
 * changes anything; an exception in a later unit leaves the registers
 * describing the units already completed. */
#include <string.h>
#include "cpu/cpu.h"
#include "cpu/insn.h"
#include "mmu/mmu.h"

/* Source bytes one execution processes before it ends with condition code
 * 3 (the CPU-determined amount). */
#define CMPSC_UNIT      8192u
/* Longest string one index symbol stands for. */
#define CMPSC_MAX_SYM   260u
/* Most expansion character entries one symbol may use. */
#define CMPSC_MAX_ECE   127u

/* GR0 bits (PoO: bit 46 zero padding, 47 symbol translation, 48-51 CDSS,
 * 54 format-1 sibling descriptors, 55 expansion). */
#define GR0_ST      BIT64(47)
#define GR0_F1      BIT64(54)
#define GR0_E       BIT64(55)

struct cmpsc {
    struct cpu *cpu;
    unsigned r1, r2;
    unsigned bits;          /* index-symbol size, 9-13 */
    bool f1, st;
    uint64_t dict;          /* dictionary origin */
    uint64_t stt;           /* symbol-translation table */
    uint64_t a1, l1, a2, l2;
    unsigned cbn;
    bool progress;          /* a unit was completed: registers to update */
};

/* A compression character entry, decoded. */
struct cce {
    unsigned cct;           /* child characters in the entry */
    bool more;              /* a sibling descriptor follows the children */
    unsigned act;           /* additional extension characters */
    uint8_t ec[5];
    uint8_t cc[5];
    unsigned cptr;          /* index of the first child */
    uint16_t x;             /* examine-child bits, child n at 0x8000 >> n */
    unsigned yy;            /* examine-child bits of siblings 6-7 / 13-14 */
};

/* A sibling descriptor, decoded (format 0 or 1). */
struct sd {
    unsigned sct;
    bool more;
    uint8_t sc[14];
    uint16_t y;             /* examine-child bits, sibling n at 0x8000 >> n */
};

/* Bits @start..@start+@len-1 of a dictionary entry (bit 0 leftmost). */
static inline unsigned fld(uint64_t e, unsigned start, unsigned len)
{
    return (unsigned)(e >> (64 - start - len)) & ((1u << len) - 1);
}

static inline uint8_t ebyte(uint64_t e, unsigned n)
{
    return (uint8_t)(e >> (56 - 8 * n));
}

static inline uint64_t reg_len(const struct cpu *cpu, unsigned r)
{
    return (cpu->psw.mask & PSW_MASK_EA) ? cpu->gr[r] : cpu_gr32(cpu, r);
}

static inline void set_reg_len(struct cpu *cpu, unsigned r, uint64_t len)
{
    if (cpu->psw.mask & PSW_MASK_EA)
        cpu->gr[r] = len;
    else
        cpu_set_gr32(cpu, r, (uint32_t)len);
}

/* An operand address into register @r as the addressing mode says (the
 * PoO lets bits 32-39 resp. bit 32 be zeroed or unchanged). */
static inline void set_reg_addr(struct cpu *cpu, unsigned r, uint64_t addr)
{
    if (cpu->psw.mask & PSW_MASK_EA)
        cpu->gr[r] = addr;
    else if (cpu->psw.mask & PSW_MASK_BA)
        cpu_set_gr32(cpu, r, (uint32_t)addr & 0x7fffffffu);
    else
        cpu->gr[r] = (cpu->gr[r] & ~UINT64_C(0xffffff)) | (addr & 0xffffff);
}

static exc_t data_exception(struct cpu *cpu)
{
    cpu->exc.dxc = DXC_DECIMAL;     /* DXC 0 */
    return EXC_PGM(PGM_DATA);
}

static inline unsigned max_index(const struct cmpsc *c)
{
    return (1u << c->bits) - 1;
}

/* Dictionary entry @idx; @exp selects the dictionary that follows the
 * compression dictionary (format-1 sibling-descriptor extensions). */
static MUST_CHECK exc_t dict_entry(struct cmpsc *c, unsigned idx, bool exp, uint64_t *e)
{
    uint64_t off = (uint64_t)idx * 8 + (exp ? (UINT64_C(8) << c->bits) : 0);

    return mmu_fetch_u64(c->cpu, c->r2, cpu_wrap(c->cpu, c->dict + off), e);
}

static MUST_CHECK exc_t src_byte(struct cmpsc *c, uint64_t pos, uint8_t *b)
{
    return mmu_fetch_u8(c->cpu, c->r2, cpu_wrap(c->cpu, c->a2 + pos), b);
}

/* Fetch and decode the compression character entry @idx. Returns 0, a data
 * exception for an invalid entry, or an access exception. */
static exc_t get_cce(struct cmpsc *c, unsigned idx, struct cce *p)
{
    uint64_t e;
    unsigned maxcc;
    exc_t exc;

    exc = dict_entry(c, idx, false, &e);
    if (exc)
        return exc;
    memset(p, 0, sizeof(*p));
    p->cct = fld(e, 0, 3);
    if (p->cct <= 1) {
        p->act = fld(e, 8, 3);
        if (p->act > (p->cct ? 4u : 5u))
            return data_exception(c->cpu);
        for (unsigned i = 0; i < p->act; i++)
            p->ec[i] = ebyte(e, 3 + i);
        if (p->cct == 0)
            return 0;
        p->cc[0] = ebyte(e, 3 + p->act);
        p->x = (uint16_t)(fld(e, 3, 1) << 15);
    } else {
        /* D (bit 10): one extension character; children follow it. */
        p->act = fld(e, 10, 1);
        maxcc = 5 - p->act;
        if (p->cct > maxcc + 1)
            return data_exception(c->cpu);
        if (p->cct == maxcc + 1) {
            p->more = true;
            p->cct = maxcc;
        }
        if (p->act)
            p->ec[0] = ebyte(e, 3);
        for (unsigned i = 0; i < p->cct; i++)
            p->cc[i] = ebyte(e, 3 + p->act + i);
        p->x = (uint16_t)(fld(e, 3, 5) << 11);
        p->yy = fld(e, 8, 2);
    }
    p->cptr = fld(e, 11, 13);
    if (p->cptr > max_index(c))
        return data_exception(c->cpu);
    return 0;
}

/* Fetch the sibling descriptor @idx. @parent is the entry whose children
 * it continues when it is the first descriptor (its YY bits give the
 * examine-child bits of the last two siblings), else NULL (those siblings
 * are always examined). Count 0 (and 15 in format 1) means the maximum
 * count and that another descriptor follows. */
static exc_t get_sd(struct cmpsc *c, unsigned idx, const struct cce *parent, struct sd *s)
{
    unsigned last2 = parent ? parent->yy : 3;
    uint64_t e, e2;
    exc_t exc;

    exc = dict_entry(c, idx, false, &e);
    if (exc)
        return exc;
    memset(s, 0, sizeof(*s));
    if (!c->f1) {
        s->sct = fld(e, 0, 3);
        if (s->sct == 0) {
            s->sct = 7;
            s->more = true;
        }
        s->y = (uint16_t)(fld(e, 3, 5) << 11 | last2 << 9);
        for (unsigned i = 0; i < 7; i++)
            s->sc[i] = ebyte(e, 1 + i);
        return 0;
    }
    s->sct = fld(e, 0, 4);
    if (s->sct == 0 || s->sct == 15) {
        s->sct = 14;
        s->more = true;
    }
    s->y = (uint16_t)(fld(e, 4, 12) << 4 | last2 << 2);
    for (unsigned i = 0; i < 6; i++)
        s->sc[i] = ebyte(e, 2 + i);
    if (s->sct > 6) {
        /* Siblings 7-14 are in the same entry of the expansion dictionary. */
        exc = dict_entry(c, idx, true, &e2);
        if (exc)
            return exc;
        for (unsigned i = 0; i < 8; i++)
            s->sc[6 + i] = ebyte(e2, i);
    }
    return 0;
}

/* Do the @n source bytes after position @pos equal @ec? */
static exc_t src_equal(struct cmpsc *c, uint64_t pos, const uint8_t *ec, unsigned n, bool *eq)
{
    uint8_t b;
    exc_t exc;

    *eq = false;
    for (unsigned i = 0; i < n; i++) {
        exc = src_byte(c, pos + 1 + i, &b);
        if (exc)
            return exc;
        if (b != ec[i])
            return 0;
    }
    *eq = true;
    return 0;
}

enum child_result { CHILD_EMIT, CHILD_DESCEND, CHILD_FAIL };

/* The source character at @pos matched the child (or sibling) at @idx:
 * decide whether the match ends with it (@x clear), continues from it, or
 * fails on its additional extension characters. */
static exc_t try_child(struct cmpsc *c, unsigned idx, bool x, uint64_t pos, struct cce *child,
                       uint64_t *newpos, enum child_result *res)
{
    bool eq;
    exc_t exc;

    if (!x) {
        *newpos = pos + 1;
        *res = CHILD_EMIT;
        return 0;
    }
    exc = get_cce(c, idx, child);
    if (exc)
        return exc;
    *res = CHILD_DESCEND;
    *newpos = pos + 1 + child->act;
    if (child->act == 0)
        return 0;
    *res = CHILD_FAIL;
    if (c->l2 - pos < 1 + (uint64_t)child->act)
        return 0;
    exc = src_equal(c, pos, child->ec, child->act, &eq);
    if (exc)
        return exc;
    if (eq)
        *res = CHILD_DESCEND;
    return 0;
}

/* Find the index symbol for the longest dictionary string at the source
 * (the PoO compression flowchart). Returns 0 with *sym and *used (source
 * bytes it stands for), or an exception. c->l2 is at least 1. */
static exc_t find_symbol(struct cmpsc *c, unsigned *sym, uint64_t *used)
{
    struct cce parent, child;
    struct sd sd;
    unsigned pidx, idx, sdidx;
    uint64_t pos, newpos;
    enum child_result res;
    bool flag, first;
    uint8_t b;
    unsigned i;
    exc_t exc;

    exc = src_byte(c, 0, &b);
    if (exc)
        return exc;
    pidx = b;
    exc = get_cce(c, pidx, &parent);
    if (exc)
        return exc;
    pos = 1;
descend:
    if (pos > CMPSC_MAX_SYM)
        return data_exception(c->cpu);
    if (parent.cct == 0 || pos == c->l2)
        goto emit_parent;
    exc = src_byte(c, pos, &b);
    if (exc)
        return exc;
    /* Child characters; after a child failed on its extension characters
     * the scan goes on only while every child so far matched (flag). */
    flag = true;
    for (i = 0; i < parent.cct; ) {
        if (b != parent.cc[i]) {
            flag = false;
            i++;
            continue;
        }
        idx = parent.cptr + i;
        exc = try_child(c, idx, parent.x & (0x8000u >> i), pos, &child, &newpos, &res);
        if (exc)
            return exc;
        if (res == CHILD_EMIT) {
            *sym = idx;
            *used = newpos;
            goto check;
        }
        if (res == CHILD_DESCEND) {
            pidx = idx;
            parent = child;
            pos = newpos;
            goto descend;
        }
        if (!flag || ++i >= parent.cct)
            goto emit_parent;
    }
    if (!parent.more)
        goto emit_parent;
    /* Sibling descriptors continue the children. */
    sdidx = parent.cptr + parent.cct;
    first = true;
    for (;;) {
        exc = get_sd(c, sdidx, first ? &parent : NULL, &sd);
        if (exc)
            return exc;
        for (i = 0; i < sd.sct; i++) {
            if (b != sd.sc[i])
                continue;
            idx = sdidx + 1 + i;
            exc = try_child(c, idx, sd.y & (0x8000u >> i), pos, &child, &newpos, &res);
            if (exc)
                return exc;
            if (res == CHILD_EMIT) {
                *sym = idx;
                *used = newpos;
                goto check;
            }
            if (res == CHILD_FAIL)
                goto emit_parent;
            pidx = idx;
            parent = child;
            pos = newpos;
            goto descend;
        }
        if (!sd.more)
            goto emit_parent;
        sdidx += sd.sct + 1;
        first = false;
    }
emit_parent:
    *sym = pidx;
    *used = pos;
check:
    if (*used > CMPSC_MAX_SYM)
        return data_exception(c->cpu);
    return 0;
}

/* Compression. Returns 0 with *cc, or an exception. */
static exc_t compress(struct cmpsc *c, unsigned *cc)
{
    uint64_t done = 0, used;
    unsigned sym, nbytes;
    uint32_t w;
    struct acc acc;
    exc_t exc;

    for (;;) {
        if (c->l2 == 0) {
            *cc = 0;
            return 0;
        }
        nbytes = (c->cbn + c->bits + 7) / 8;
        if (c->l1 < nbytes) {
            *cc = 1;
            return 0;
        }
        if (done >= CMPSC_UNIT) {
            *cc = 3;
            return 0;
        }
        exc = find_symbol(c, &sym, &used);
        if (exc)
            return exc;
        if (c->st) {
            uint16_t t;

            exc = mmu_fetch_u16(c->cpu, c->r2, cpu_wrap(c->cpu, c->stt + 2 * (uint64_t)sym), &t);
            if (exc)
                return exc;
            sym = t;
        }
        sym &= max_index(c);
        exc = mmu_prepare(c->cpu, &acc, c->r1, c->a1, nbytes, ACC_STORE);
        if (exc)
            return exc;
        /* Bits left of the CBN in the first byte are kept; the rest of the
         * last byte is zeroed. */
        w = (uint32_t)(acc_get(&acc, 0) & ~(0xffu >> c->cbn)) << 24;
        w |= (uint32_t)sym << (32 - c->cbn - c->bits);
        for (unsigned i = 0; i < nbytes; i++)
            acc_set(&acc, i, (uint8_t)(w >> (24 - 8 * i)));
        c->a1 = cpu_wrap(c->cpu, c->a1 + (c->cbn + c->bits) / 8);
        c->l1 -= (c->cbn + c->bits) / 8;
        c->cbn = (c->cbn + c->bits) & 7;
        c->a2 = cpu_wrap(c->cpu, c->a2 + used);
        c->l2 -= used;
        c->progress = true;
        done += used;
    }
}

/* The string of expansion symbol @sym into @buf (at least 264 bytes).
 * Returns 0 with *len, or an exception. */
static exc_t expand_symbol(struct cmpsc *c, unsigned sym, uint8_t *buf, unsigned *len)
{
    unsigned idx = sym, psl, csl, ofst;
    uint64_t e;
    exc_t exc;

    if (sym < 256) {
        buf[0] = (uint8_t)sym;
        *len = 1;
        return 0;
    }
    for (unsigned n = 1; ; n++) {
        if (n > CMPSC_MAX_ECE)
            return data_exception(c->cpu);
        exc = dict_entry(c, idx, false, &e);
        if (exc)
            return exc;
        psl = fld(e, 0, 3);
        if (psl == 0) {
            /* Unpreceded entry: the leftmost characters of the string. */
            csl = fld(e, 5, 3);
            if (csl == 0)
                return data_exception(c->cpu);
            for (unsigned i = 0; i < csl; i++)
                buf[i] = ebyte(e, 1 + i);
            if (n == 1)
                *len = csl;
            return 0;
        }
        if (psl > 5)
            return data_exception(c->cpu);
        /* Preceded entry: characters at an offset, then the predecessor. */
        ofst = ebyte(e, 7);
        for (unsigned i = 0; i < psl; i++)
            buf[ofst + i] = ebyte(e, 2 + i);
        if (n == 1)
            *len = psl + ofst;
        idx = fld(e, 3, 13);
        if (idx > max_index(c))
            return data_exception(c->cpu);
    }
}

/* Expansion. Returns 0 with *cc, or an exception. */
static exc_t expand(struct cmpsc *c, unsigned *cc)
{
    uint8_t buf[CMPSC_MAX_SYM + 8];
    uint64_t done = 0;
    unsigned nbytes, adv, sym, len;
    uint32_t w;
    struct acc acc;
    exc_t exc;

    for (;;) {
        nbytes = (c->cbn + c->bits + 7) / 8;
        if (c->l2 < nbytes) {
            *cc = 0;
            return 0;
        }
        if (c->l1 == 0) {
            *cc = 1;
            return 0;
        }
        if (done >= CMPSC_UNIT) {
            *cc = 3;
            return 0;
        }
        w = 0;
        for (unsigned i = 0; i < nbytes; i++) {
            uint8_t b;

            exc = src_byte(c, i, &b);
            if (exc)
                return exc;
            w |= (uint32_t)b << (24 - 8 * i);
        }
        sym = (w >> (32 - c->cbn - c->bits)) & max_index(c);
        exc = expand_symbol(c, sym, buf, &len);
        if (exc)
            return exc;
        if (len > c->l1) {
            *cc = 1;
            return 0;
        }
        exc = mmu_prepare(c->cpu, &acc, c->r1, c->a1, len, ACC_STORE);
        if (exc)
            return exc;
        acc_write(&acc, 0, buf, len);
        adv = (c->cbn + c->bits) / 8;
        c->a2 = cpu_wrap(c->cpu, c->a2 + adv);
        c->l2 -= adv;
        c->cbn = (c->cbn + c->bits) & 7;
        c->a1 = cpu_wrap(c->cpu, c->a1 + len);
        c->l1 -= len;
        c->progress = true;
        done += adv;
    }
}

/* CMPSC - COMPRESSION CALL (RRE). Returns 0, specification, data (DXC 0)
 * or an access exception; interruptible with condition code 3. */
exc_t insn_cmpsc(struct cpu *cpu, const struct insn *in)
{
    struct cmpsc c;
    unsigned cdss = (unsigned)FIELD64(cpu->gr[0], 48, 51);
    unsigned cc = 0;
    exc_t exc;

    if ((in->r1 & 1) || (in->r2 & 1) || cdss < 1 || cdss > 5)
        return EXC_PGM(PGM_SPECIFICATION);
    memset(&c, 0, sizeof(c));
    c.cpu = cpu;
    c.r1 = in->r1;
    c.r2 = in->r2;
    c.bits = cdss + 8;
    c.f1 = (cpu->gr[0] & GR0_F1) != 0;
    c.st = (cpu->gr[0] & GR0_ST) != 0;
    /* GR1: dictionary origin (bits 0-51), symbol-translation-table offset
     * in 128-byte units (bits 52-60), CBN (bits 61-63). */
    c.dict = cpu_wrap(cpu, cpu->gr[1] & ~UINT64_C(0xfff));
    c.stt = cpu_wrap(cpu, c.dict + ((cpu->gr[1] >> 3) & 0x1ff) * 128);
    c.cbn = (unsigned)cpu->gr[1] & 7;
    c.a1 = cpu_wrap(cpu, cpu->gr[in->r1]);
    c.l1 = reg_len(cpu, in->r1 + 1);
    c.a2 = cpu_wrap(cpu, cpu->gr[in->r2]);
    c.l2 = reg_len(cpu, in->r2 + 1);
    if (cpu->gr[0] & GR0_E)
        exc = expand(&c, &cc);
    else
        exc = compress(&c, &cc);
    if (c.progress) {
        set_reg_addr(cpu, in->r1, c.a1);
        set_reg_len(cpu, in->r1 + 1, c.l1);
        set_reg_addr(cpu, in->r2, c.a2);
        set_reg_len(cpu, in->r2 + 1, c.l2);
        cpu->gr[1] = (cpu->gr[1] & ~UINT64_C(7)) | c.cbn;
    }
    if (exc)
        return exc;
    cpu_set_cc(cpu, cc);
    return 0;
}
