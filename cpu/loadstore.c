/* Loads and stores of general registers (PoO chapter 7, "General
 * Instructions"): LOAD in its widths and extensions, immediate and relative-long
 * forms, LOAD ADDRESS, STORE, the byte-reversed forms, the high-word forms,
 * MOVE immediate, LOAD/STORE PAIR (quadword). The multiple-register and
 * characters-under-mask forms live in cpu/loadstore-mult.c. */
#include "cpu/cpu.h"

#include "cpu/insn.h"
#include "mmu/mmu.h"

static inline void set_gr64(struct cpu *cpu, unsigned r, uint64_t v)
{
    cpu->gr[r] = v;
}

/* CC of a signed result: 0 zero, 1 negative, 2 positive. */
static inline unsigned cc_signed(int64_t v)
{
    return (unsigned)(v < 0) | (unsigned)(v > 0) << 1;
}

/* ---- loads from storage (RX/RXY) ---------------------------------------- */

/* Fetch the byte, halfword, word or doubleword second operand. */
static ALWAYS_INLINE exc_t fetch8(struct cpu *cpu, const struct insn *in, uint8_t *v)
{
    return mmu_fetch_u8(cpu, in->b2, insn_addr2(cpu, in), v);
}

static ALWAYS_INLINE exc_t fetch16(struct cpu *cpu, const struct insn *in, uint16_t *v)
{
    return mmu_fetch_u16(cpu, in->b2, insn_addr2(cpu, in), v);
}

static ALWAYS_INLINE exc_t fetch32(struct cpu *cpu, const struct insn *in, uint32_t *v)
{
    return mmu_fetch_u32(cpu, in->b2, insn_addr2(cpu, in), v);
}

static ALWAYS_INLINE exc_t fetch64(struct cpu *cpu, const struct insn *in, uint64_t *v)
{
    return mmu_fetch_u64(cpu, in->b2, insn_addr2(cpu, in), v);
}

/* L - LOAD (RX-a). Returns 0 or the fetch exception. */
exc_t insn_l(struct cpu *cpu, const struct insn *in)
{
    uint32_t v;
    exc_t exc = fetch32(cpu, in, &v);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, v);
    return 0;
}

/* LY - LOAD (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_ly(struct cpu *cpu, const struct insn *in)
{
    return insn_l(cpu, in);
}

/* LG - LOAD (64) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_lg(struct cpu *cpu, const struct insn *in)
{
    uint64_t v;
    exc_t exc = fetch64(cpu, in, &v);

    if (exc)
        return exc;
    set_gr64(cpu, in->r1, v);
    return 0;
}

/* LGF - LOAD (64<-32) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_lgf(struct cpu *cpu, const struct insn *in)
{
    uint32_t v;
    exc_t exc = fetch32(cpu, in, &v);

    if (exc)
        return exc;
    set_gr64(cpu, in->r1, (uint64_t)(int64_t)(int32_t)v);
    return 0;
}

/* LH - LOAD HALFWORD (RX-a). Returns 0 or the fetch exception. */
exc_t insn_lh(struct cpu *cpu, const struct insn *in)
{
    uint16_t v;
    exc_t exc = fetch16(cpu, in, &v);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, (uint32_t)(int32_t)(int16_t)v);
    return 0;
}

/* LHY - LOAD HALFWORD (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_lhy(struct cpu *cpu, const struct insn *in)
{
    return insn_lh(cpu, in);
}

/* LGH - LOAD HALFWORD (64<-16) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_lgh(struct cpu *cpu, const struct insn *in)
{
    uint16_t v;
    exc_t exc = fetch16(cpu, in, &v);

    if (exc)
        return exc;
    set_gr64(cpu, in->r1, (uint64_t)(int64_t)(int16_t)v);
    return 0;
}

/* LB - LOAD BYTE (32<-8) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_lb(struct cpu *cpu, const struct insn *in)
{
    uint8_t v;
    exc_t exc = fetch8(cpu, in, &v);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, (uint32_t)(int32_t)(int8_t)v);
    return 0;
}

/* LGB - LOAD BYTE (64<-8) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_lgb(struct cpu *cpu, const struct insn *in)
{
    uint8_t v;
    exc_t exc = fetch8(cpu, in, &v);

    if (exc)
        return exc;
    set_gr64(cpu, in->r1, (uint64_t)(int64_t)(int8_t)v);
    return 0;
}

/* LLC - LOAD LOGICAL CHARACTER (32<-8) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_llc(struct cpu *cpu, const struct insn *in)
{
    uint8_t v;
    exc_t exc = fetch8(cpu, in, &v);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, v);
    return 0;
}

/* LLGC - LOAD LOGICAL CHARACTER (64<-8) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_llgc(struct cpu *cpu, const struct insn *in)
{
    uint8_t v;
    exc_t exc = fetch8(cpu, in, &v);

    if (exc)
        return exc;
    set_gr64(cpu, in->r1, v);
    return 0;
}

/* LLH - LOAD LOGICAL HALFWORD (32<-16) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_llh(struct cpu *cpu, const struct insn *in)
{
    uint16_t v;
    exc_t exc = fetch16(cpu, in, &v);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, v);
    return 0;
}

/* LLGH - LOAD LOGICAL HALFWORD (64<-16) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_llgh(struct cpu *cpu, const struct insn *in)
{
    uint16_t v;
    exc_t exc = fetch16(cpu, in, &v);

    if (exc)
        return exc;
    set_gr64(cpu, in->r1, v);
    return 0;
}

/* LLGF - LOAD LOGICAL (64<-32) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_llgf(struct cpu *cpu, const struct insn *in)
{
    uint32_t v;
    exc_t exc = fetch32(cpu, in, &v);

    if (exc)
        return exc;
    set_gr64(cpu, in->r1, v);
    return 0;
}

/* LLGT - LOAD LOGICAL THIRTY ONE BITS (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_llgt(struct cpu *cpu, const struct insn *in)
{
    uint32_t v;
    exc_t exc = fetch32(cpu, in, &v);

    if (exc)
        return exc;
    set_gr64(cpu, in->r1, v & 0x7fffffffu);
    return 0;
}

/* LT - LOAD AND TEST (32) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_lt(struct cpu *cpu, const struct insn *in)
{
    uint32_t v;
    exc_t exc = fetch32(cpu, in, &v);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, v);
    cpu_set_cc(cpu, cc_signed((int32_t)v));
    return 0;
}

/* LTG - LOAD AND TEST (64) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_ltg(struct cpu *cpu, const struct insn *in)
{
    uint64_t v;
    exc_t exc = fetch64(cpu, in, &v);

    if (exc)
        return exc;
    set_gr64(cpu, in->r1, v);
    cpu_set_cc(cpu, cc_signed((int64_t)v));
    return 0;
}

/* LTGF - LOAD AND TEST (64<-32) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_ltgf(struct cpu *cpu, const struct insn *in)
{
    uint32_t v;
    exc_t exc = fetch32(cpu, in, &v);

    if (exc)
        return exc;
    set_gr64(cpu, in->r1, (uint64_t)(int64_t)(int32_t)v);
    cpu_set_cc(cpu, cc_signed((int32_t)v));
    return 0;
}

/* ---- register-to-register loads ------------------------------------------ */

/* LR - LOAD (RR). Returns 0. */
exc_t insn_lr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, cpu_gr32(cpu, in->r2));
    return 0;
}

/* LGR - LOAD (64) (RRE). Returns 0. */
exc_t insn_lgr(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, cpu->gr[in->r2]);
    return 0;
}

/* LGFR - LOAD (64<-32) (RRE). Returns 0. */
exc_t insn_lgfr(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, (uint64_t)(int64_t)(int32_t)cpu_gr32(cpu, in->r2));
    return 0;
}

/* LHR - LOAD HALFWORD (32<-16) (RRE). Returns 0. */
exc_t insn_lhr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, (uint32_t)(int32_t)(int16_t)cpu->gr[in->r2]);
    return 0;
}

/* LGHR - LOAD HALFWORD (64<-16) (RRE). Returns 0. */
exc_t insn_lghr(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, (uint64_t)(int64_t)(int16_t)cpu->gr[in->r2]);
    return 0;
}

/* LBR - LOAD BYTE (32<-8) (RRE). Returns 0. */
exc_t insn_lbr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, (uint32_t)(int32_t)(int8_t)cpu->gr[in->r2]);
    return 0;
}

/* LGBR - LOAD BYTE (64<-8) (RRE). Returns 0. */
exc_t insn_lgbr(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, (uint64_t)(int64_t)(int8_t)cpu->gr[in->r2]);
    return 0;
}

/* LLCR - LOAD LOGICAL CHARACTER (32<-8) (RRE). Returns 0. */
exc_t insn_llcr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, (uint8_t)cpu->gr[in->r2]);
    return 0;
}

/* LLGCR - LOAD LOGICAL CHARACTER (64<-8) (RRE). Returns 0. */
exc_t insn_llgcr(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, (uint8_t)cpu->gr[in->r2]);
    return 0;
}

/* LLHR - LOAD LOGICAL HALFWORD (32<-16) (RRE). Returns 0. */
exc_t insn_llhr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, (uint16_t)cpu->gr[in->r2]);
    return 0;
}

/* LLGHR - LOAD LOGICAL HALFWORD (64<-16) (RRE). Returns 0. */
exc_t insn_llghr(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, (uint16_t)cpu->gr[in->r2]);
    return 0;
}

/* LLGFR - LOAD LOGICAL (64<-32) (RRE). Returns 0. */
exc_t insn_llgfr(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, cpu_gr32(cpu, in->r2));
    return 0;
}

/* LLGTR - LOAD LOGICAL THIRTY ONE BITS (RRE). Returns 0. */
exc_t insn_llgtr(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, cpu_gr32(cpu, in->r2) & 0x7fffffffu);
    return 0;
}

/* ---- immediate loads ------------------------------------------------------ */

/* LHI - LOAD HALFWORD IMMEDIATE (32<-16) (RI-a). Returns 0. */
exc_t insn_lhi(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, (uint32_t)(int32_t)in->i2);
    return 0;
}

/* LGHI - LOAD HALFWORD IMMEDIATE (64<-16) (RI-a). Returns 0. */
exc_t insn_lghi(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, (uint64_t)in->i2);
    return 0;
}

/* LGFI - LOAD IMMEDIATE (64<-32) (RIL-a). Returns 0. */
exc_t insn_lgfi(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, (uint64_t)in->i2);
    return 0;
}

/* LLIHF - LOAD LOGICAL IMMEDIATE (high) (RIL-a). Returns 0. */
exc_t insn_llihf(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, (uint64_t)(uint32_t)in->i2 << 32);
    return 0;
}

/* LLILF - LOAD LOGICAL IMMEDIATE (low) (RIL-a). Returns 0. */
exc_t insn_llilf(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, (uint32_t)in->i2);
    return 0;
}

/* LLIHH - LOAD LOGICAL IMMEDIATE (high high) (RI-a). Returns 0. */
exc_t insn_llihh(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, (uint64_t)(uint16_t)in->i2 << 48);
    return 0;
}

/* LLIHL - LOAD LOGICAL IMMEDIATE (high low) (RI-a). Returns 0. */
exc_t insn_llihl(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, (uint64_t)(uint16_t)in->i2 << 32);
    return 0;
}

/* LLILH - LOAD LOGICAL IMMEDIATE (low high) (RI-a). Returns 0. */
exc_t insn_llilh(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, (uint64_t)(uint16_t)in->i2 << 16);
    return 0;
}

/* LLILL - LOAD LOGICAL IMMEDIATE (low low) (RI-a). Returns 0. */
exc_t insn_llill(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, (uint16_t)in->i2);
    return 0;
}

/* ---- relative-long loads and stores --------------------------------------- */

/* The second operand address of a relative-long load or store, which must be
 * aligned on an integral boundary of @size bytes (PoO "LOAD RELATIVE LONG":
 * specification exception otherwise). Returns 0 or specification. */
static exc_t rel_operand(const struct cpu *cpu, const struct insn *in, unsigned size,
                         uint64_t *addr)
{
    *addr = insn_rel(cpu, in);
    return (*addr & (size - 1)) ? EXC_PGM(PGM_SPECIFICATION) : 0;
}

/* LRL - LOAD RELATIVE LONG (32) (RIL-b). Returns 0, specification or the fetch exception. */
exc_t insn_lrl(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr;
    uint32_t v;
    exc_t exc = rel_operand(cpu, in, 4, &addr);

    if (exc)
        return exc;
    exc = mmu_fetch_u32(cpu, 0, addr, &v);
    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, v);
    return 0;
}

/* LGRL - LOAD RELATIVE LONG (64) (RIL-b). Returns 0, specification or the fetch exception. */
exc_t insn_lgrl(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr, v;
    exc_t exc = rel_operand(cpu, in, 8, &addr);

    if (exc)
        return exc;
    exc = mmu_fetch_u64(cpu, 0, addr, &v);
    if (exc)
        return exc;
    set_gr64(cpu, in->r1, v);
    return 0;
}

/* LGFRL - LOAD RELATIVE LONG (64<-32) (RIL-b). Returns 0, specification or the
 * fetch exception. */
exc_t insn_lgfrl(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr;
    uint32_t v;
    exc_t exc = rel_operand(cpu, in, 4, &addr);

    if (exc)
        return exc;
    exc = mmu_fetch_u32(cpu, 0, addr, &v);
    if (exc)
        return exc;
    set_gr64(cpu, in->r1, (uint64_t)(int64_t)(int32_t)v);
    return 0;
}

/* LLGFRL - LOAD LOGICAL RELATIVE LONG (64<-32) (RIL-b). Returns 0, specification
 * or the fetch exception. */
exc_t insn_llgfrl(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr;
    uint32_t v;
    exc_t exc = rel_operand(cpu, in, 4, &addr);

    if (exc)
        return exc;
    exc = mmu_fetch_u32(cpu, 0, addr, &v);
    if (exc)
        return exc;
    set_gr64(cpu, in->r1, v);
    return 0;
}

/* Fetch the halfword at the relative-long address (always even). */
static exc_t fetch_rel16(struct cpu *cpu, const struct insn *in, uint16_t *v)
{
    return mmu_fetch_u16(cpu, 0, insn_rel(cpu, in), v);
}

/* LHRL - LOAD HALFWORD RELATIVE LONG (32<-16) (RIL-b). Returns 0 or the fetch exception. */
exc_t insn_lhrl(struct cpu *cpu, const struct insn *in)
{
    uint16_t v;
    exc_t exc = fetch_rel16(cpu, in, &v);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, (uint32_t)(int32_t)(int16_t)v);
    return 0;
}

/* LGHRL - LOAD HALFWORD RELATIVE LONG (64<-16) (RIL-b). Returns 0 or the fetch exception. */
exc_t insn_lghrl(struct cpu *cpu, const struct insn *in)
{
    uint16_t v;
    exc_t exc = fetch_rel16(cpu, in, &v);

    if (exc)
        return exc;
    set_gr64(cpu, in->r1, (uint64_t)(int64_t)(int16_t)v);
    return 0;
}

/* LLHRL - LOAD LOGICAL HALFWORD RELATIVE LONG (32<-16) (RIL-b). Returns 0 or the
 * fetch exception. */
exc_t insn_llhrl(struct cpu *cpu, const struct insn *in)
{
    uint16_t v;
    exc_t exc = fetch_rel16(cpu, in, &v);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, v);
    return 0;
}

/* LLGHRL - LOAD LOGICAL HALFWORD RELATIVE LONG (64<-16) (RIL-b). Returns 0 or
 * the fetch exception. */
exc_t insn_llghrl(struct cpu *cpu, const struct insn *in)
{
    uint16_t v;
    exc_t exc = fetch_rel16(cpu, in, &v);

    if (exc)
        return exc;
    set_gr64(cpu, in->r1, v);
    return 0;
}

/* STRL - STORE RELATIVE LONG (32) (RIL-b). Returns 0, specification or the
 * store exception. */
exc_t insn_strl(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr;
    exc_t exc = rel_operand(cpu, in, 4, &addr);

    if (exc)
        return exc;
    return mmu_store_u32(cpu, 0, addr, cpu_gr32(cpu, in->r1));
}

/* STGRL - STORE RELATIVE LONG (64) (RIL-b). Returns 0, specification or the
 * store exception. */
exc_t insn_stgrl(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr;
    exc_t exc = rel_operand(cpu, in, 8, &addr);

    if (exc)
        return exc;
    return mmu_store_u64(cpu, 0, addr, cpu->gr[in->r1]);
}

/* STHRL - STORE HALFWORD RELATIVE LONG (RIL-b). Returns 0 or the store exception. */
exc_t insn_sthrl(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u16(cpu, 0, insn_rel(cpu, in), (uint16_t)cpu->gr[in->r1]);
}

/* ---- load address ---------------------------------------------------------- */

/* Place the address @addr in GR @r as LOAD ADDRESS does: in the 24-bit mode
 * bits 40-63 are replaced and 32-39 zeroed, in the 31-bit mode bits 33-63
 * replaced and bit 32 zeroed; bits 0-31 unchanged in both. PoO "LOAD ADDRESS". */
static void set_address(struct cpu *cpu, unsigned r, uint64_t addr)
{
    if (cpu->psw.mask & PSW_MASK_EA)
        cpu->gr[r] = addr;
    else
        cpu_set_gr32(cpu, r, (uint32_t)addr);
}

/* LA - LOAD ADDRESS (RX-a). Returns 0. */
exc_t insn_la(struct cpu *cpu, const struct insn *in)
{
    set_address(cpu, in->r1, insn_addr2(cpu, in));
    return 0;
}

/* LAY - LOAD ADDRESS (RXY-a). Returns 0. */
exc_t insn_lay(struct cpu *cpu, const struct insn *in)
{
    return insn_la(cpu, in);
}

/* LARL - LOAD ADDRESS RELATIVE LONG (RIL-b). Returns 0. */
exc_t insn_larl(struct cpu *cpu, const struct insn *in)
{
    set_address(cpu, in->r1, insn_rel(cpu, in));
    return 0;
}

/* LAE - LOAD ADDRESS EXTENDED (RX-a): also sets AR R1 from the address-space
 * control: 0 primary, 1 secondary, 2 home, AR B2 (0 if B2 is 0) in AR mode.
 * PoO "LOAD ADDRESS EXTENDED". Returns 0. */
exc_t insn_lae(struct cpu *cpu, const struct insn *in)
{
    uint32_t alet;

    switch (PSW_ASC(cpu->psw.mask)) {
    case PSW_ASC_AR:
        alet = in->b2 ? cpu->ar[in->b2] : 0;
        break;
    case PSW_ASC_SECONDARY:
        alet = 1;
        break;
    case PSW_ASC_HOME:
        alet = 2;
        break;
    default:
        alet = 0;
        break;
    }
    set_address(cpu, in->r1, insn_addr2(cpu, in));
    cpu->ar[in->r1] = alet;
    return 0;
}

/* LAEY - LOAD ADDRESS EXTENDED (RXY-a). Returns 0. */
exc_t insn_laey(struct cpu *cpu, const struct insn *in)
{
    return insn_lae(cpu, in);
}

/* ---- stores ----------------------------------------------------------------- */

/* ST - STORE (RX-a). Returns 0 or the store exception. */
exc_t insn_st(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u32(cpu, in->b2, insn_addr2(cpu, in), cpu_gr32(cpu, in->r1));
}

/* STY - STORE (RXY-a). Returns 0 or the store exception. */
exc_t insn_sty(struct cpu *cpu, const struct insn *in)
{
    return insn_st(cpu, in);
}

/* STG - STORE (64) (RXY-a). Returns 0 or the store exception. */
exc_t insn_stg(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u64(cpu, in->b2, insn_addr2(cpu, in), cpu->gr[in->r1]);
}

/* STH - STORE HALFWORD (RX-a). Returns 0 or the store exception. */
exc_t insn_sth(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u16(cpu, in->b2, insn_addr2(cpu, in), (uint16_t)cpu->gr[in->r1]);
}

/* STHY - STORE HALFWORD (RXY-a). Returns 0 or the store exception. */
exc_t insn_sthy(struct cpu *cpu, const struct insn *in)
{
    return insn_sth(cpu, in);
}

/* STC - STORE CHARACTER (RX-a). Returns 0 or the store exception. */
exc_t insn_stc(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u8(cpu, in->b2, insn_addr2(cpu, in), (uint8_t)cpu->gr[in->r1]);
}

/* STCY - STORE CHARACTER (RXY-a). Returns 0 or the store exception. */
exc_t insn_stcy(struct cpu *cpu, const struct insn *in)
{
    return insn_stc(cpu, in);
}

/* MVHHI - MOVE (16<-16) (SIL). Returns 0 or the store exception. */
exc_t insn_mvhhi(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u16(cpu, in->b1, insn_addr1(cpu, in), (uint16_t)in->i2);
}

/* MVHI - MOVE (32<-16) (SIL). Returns 0 or the store exception. */
exc_t insn_mvhi(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u32(cpu, in->b1, insn_addr1(cpu, in), (uint32_t)in->i2);
}

/* MVGHI - MOVE (64<-16) (SIL). Returns 0 or the store exception. */
exc_t insn_mvghi(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u64(cpu, in->b1, insn_addr1(cpu, in), (uint64_t)in->i2);
}

/* ---- byte-reversed loads and stores ------------------------------------------ */

/* LRV - LOAD REVERSED (32) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_lrv(struct cpu *cpu, const struct insn *in)
{
    uint32_t v;
    exc_t exc = fetch32(cpu, in, &v);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, __builtin_bswap32(v));
    return 0;
}

/* LRVG - LOAD REVERSED (64) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_lrvg(struct cpu *cpu, const struct insn *in)
{
    uint64_t v;
    exc_t exc = fetch64(cpu, in, &v);

    if (exc)
        return exc;
    set_gr64(cpu, in->r1, __builtin_bswap64(v));
    return 0;
}

/* LRVH - LOAD REVERSED (16) (RXY-a): bits 48-63 only. Returns 0 or the fetch exception. */
exc_t insn_lrvh(struct cpu *cpu, const struct insn *in)
{
    uint16_t v;
    exc_t exc = fetch16(cpu, in, &v);

    if (exc)
        return exc;
    cpu->gr[in->r1] = (cpu->gr[in->r1] & ~UINT64_C(0xffff)) | __builtin_bswap16(v);
    return 0;
}

/* LRVR - LOAD REVERSED (32) (RRE). Returns 0. */
exc_t insn_lrvr(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, __builtin_bswap32(cpu_gr32(cpu, in->r2)));
    return 0;
}

/* LRVGR - LOAD REVERSED (64) (RRE). Returns 0. */
exc_t insn_lrvgr(struct cpu *cpu, const struct insn *in)
{
    set_gr64(cpu, in->r1, __builtin_bswap64(cpu->gr[in->r2]));
    return 0;
}

/* STRV - STORE REVERSED (32) (RXY-a). Returns 0 or the store exception. */
exc_t insn_strv(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u32(cpu, in->b2, insn_addr2(cpu, in),
                         __builtin_bswap32(cpu_gr32(cpu, in->r1)));
}

/* STRVG - STORE REVERSED (64) (RXY-a). Returns 0 or the store exception. */
exc_t insn_strvg(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u64(cpu, in->b2, insn_addr2(cpu, in), __builtin_bswap64(cpu->gr[in->r1]));
}

/* STRVH - STORE REVERSED (16) (RXY-a). Returns 0 or the store exception. */
exc_t insn_strvh(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u16(cpu, in->b2, insn_addr2(cpu, in),
                         __builtin_bswap16((uint16_t)cpu->gr[in->r1]));
}

/* ---- high-word loads and stores (high-word facility) -------------------------- */

/* LBH - LOAD BYTE HIGH (32<-8) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_lbh(struct cpu *cpu, const struct insn *in)
{
    uint8_t v;
    exc_t exc = fetch8(cpu, in, &v);

    if (exc)
        return exc;
    cpu_set_gr32h(cpu, in->r1, (uint32_t)(int32_t)(int8_t)v);
    return 0;
}

/* LHH - LOAD HALFWORD HIGH (32<-16) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_lhh(struct cpu *cpu, const struct insn *in)
{
    uint16_t v;
    exc_t exc = fetch16(cpu, in, &v);

    if (exc)
        return exc;
    cpu_set_gr32h(cpu, in->r1, (uint32_t)(int32_t)(int16_t)v);
    return 0;
}

/* LFH - LOAD HIGH (32) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_lfh(struct cpu *cpu, const struct insn *in)
{
    uint32_t v;
    exc_t exc = fetch32(cpu, in, &v);

    if (exc)
        return exc;
    cpu_set_gr32h(cpu, in->r1, v);
    return 0;
}

/* LLCH - LOAD LOGICAL CHARACTER HIGH (32<-8) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_llch(struct cpu *cpu, const struct insn *in)
{
    uint8_t v;
    exc_t exc = fetch8(cpu, in, &v);

    if (exc)
        return exc;
    cpu_set_gr32h(cpu, in->r1, v);
    return 0;
}

/* LLHH - LOAD LOGICAL HALFWORD HIGH (32<-16) (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_llhh(struct cpu *cpu, const struct insn *in)
{
    uint16_t v;
    exc_t exc = fetch16(cpu, in, &v);

    if (exc)
        return exc;
    cpu_set_gr32h(cpu, in->r1, v);
    return 0;
}

/* STCH - STORE CHARACTER HIGH (8) (RXY-a). Returns 0 or the store exception. */
exc_t insn_stch(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u8(cpu, in->b2, insn_addr2(cpu, in), (uint8_t)cpu_gr32h(cpu, in->r1));
}

/* STHH - STORE HALFWORD HIGH (16) (RXY-a). Returns 0 or the store exception. */
exc_t insn_sthh(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u16(cpu, in->b2, insn_addr2(cpu, in), (uint16_t)cpu_gr32h(cpu, in->r1));
}

/* STFH - STORE HIGH (32) (RXY-a). Returns 0 or the store exception. */
exc_t insn_stfh(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u32(cpu, in->b2, insn_addr2(cpu, in), cpu_gr32h(cpu, in->r1));
}

/* ---- quadword pair --------------------------------------------------------------- */

/* LPQ - LOAD PAIR FROM QUADWORD (RXY-a): R1 even, operand on a quadword
 * boundary, fetched as one block-concurrent unit. Returns 0, specification or
 * the fetch exception. */
exc_t insn_lpq(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    uint8_t buf[16];
    struct acc a;
    exc_t exc;

    if ((in->r1 & 1) || (addr & 15))
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_prepare(cpu, &a, in->b2, addr, 16, ACC_FETCH);
    if (exc)
        return exc;
    acc_read(&a, 0, buf, 16);
    cpu->gr[in->r1] = ld_be64(buf);
    cpu->gr[in->r1 + 1] = ld_be64(buf + 8);
    return 0;
}

/* STPQ - STORE PAIR TO QUADWORD (RXY-a): R1 even, operand on a quadword
 * boundary. Returns 0, specification or the store exception. */
exc_t insn_stpq(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    uint8_t buf[16];
    struct acc a;
    exc_t exc;

    if ((in->r1 & 1) || (addr & 15))
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_prepare(cpu, &a, in->b2, addr, 16, ACC_STORE);
    if (exc)
        return exc;
    st_be64(buf, cpu->gr[in->r1]);
    st_be64(buf + 8, cpu->gr[in->r1 + 1]);
    acc_write(&a, 0, buf, 16);
    return 0;
}
