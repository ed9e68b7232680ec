/* Translation instructions (PoO chapter 7, "General Instructions"): TR, TRT,
 * TRTR, TRE, TROO/TROT/TRTO/TRTT, TRTE and TRTRE. */
#include "cpu/cpu.h"

#include "cpu/insn.h"
#include "cpu/model.h"
#include "cpu/regs.h"
#include "mmu/mmu.h"

/* Characters an interruptible translation processes per execution before
 * it ends with condition code 3 (the CPU-determined amount). */
#define TR_UNIT 4096u

/* Fetch a 1- or 2-byte character. */
static inline MUST_CHECK exc_t fetch_char(struct cpu *cpu, unsigned ar, uint64_t addr,
                                          unsigned size, uint16_t *val)
{
    uint8_t b;
    exc_t exc;

    if (size == 2)
        return mmu_fetch_u16(cpu, ar, addr, val);
    exc = mmu_fetch_u8(cpu, ar, addr, &b);
    *val = b;
    return exc;
}

static inline MUST_CHECK exc_t store_char(struct cpu *cpu, unsigned ar, uint64_t addr,
                                          unsigned size, uint16_t val)
{
    if (size == 2)
        return mmu_store_u16(cpu, ar, addr, val);
    return mmu_store_u8(cpu, ar, addr, (uint8_t)val);
}

/* TR - TRANSLATE (SS-a). Returns 0 or an access exception. Every argument
 * byte and every table byte it selects is probed before the first store;
 * the table is read again byte by byte so that an overlap with the first
 * operand sees the bytes already translated. */
exc_t insn_tr(struct cpu *cpu, const struct insn *in)
{
    uint64_t a1 = insn_addr1(cpu, in);
    uint64_t a2 = insn_addr2(cpu, in);
    uint32_t len = in->l1 + 1u;
    uint64_t seen[4] = { 0, 0, 0, 0 };
    struct acc op1;
    uint8_t fb;
    exc_t exc;

    exc = mmu_prepare(cpu, &op1, in->b1, a1, len, ACC_FETCH);
    if (exc)
        return exc;
    for (uint32_t i = 0; i < len; i++) {
        uint8_t arg = acc_get(&op1, i);

        if (seen[arg / 64] & (UINT64_C(1) << (arg % 64)))
            continue;
        seen[arg / 64] |= UINT64_C(1) << (arg % 64);
        exc = mmu_fetch_u8(cpu, in->b2, cpu_wrap(cpu, a2 + arg), &fb);
        if (exc)
            return exc;
    }
    exc = mmu_prepare(cpu, &op1, in->b1, a1, len, ACC_STORE);
    if (exc)
        return exc;
    for (uint32_t i = 0; i < len; i++) {
        exc = mmu_fetch_u8(cpu, in->b2, cpu_wrap(cpu, a2 + acc_get(&op1, i)), &fb);
        if (exc)
            return exc;     /* cannot happen: probed above */
        acc_set(&op1, i, fb);
    }
    return 0;
}

/* TRT and TRTR: scan the first operand forward or backward for an argument
 * byte whose function byte is nonzero. */
static exc_t trt_common(struct cpu *cpu, const struct insn *in, bool backward)
{
    uint64_t a1 = insn_addr1(cpu, in);
    uint64_t a2 = insn_addr2(cpu, in);
    unsigned n = in->l1 + 1u;
    uint8_t arg, fb;
    exc_t exc;

    for (unsigned i = 0; i < n; i++) {
        uint64_t addr = cpu_wrap(cpu, backward ? a1 - i : a1 + i);

        exc = mmu_fetch_u8(cpu, in->b1, addr, &arg);
        if (exc)
            return exc;
        exc = mmu_fetch_u8(cpu, in->b2, cpu_wrap(cpu, a2 + arg), &fb);
        if (exc)
            return exc;
        if (fb) {
            /* PoO: GR1 gets the argument address (bits 40-63, 33-63 with
             * bit 32 zeroed, or 0-63), GR2 bits 56-63 the function byte. */
            set_reg_addr(cpu, 1, addr);
            cpu->gr[2] = (cpu->gr[2] & ~UINT64_C(0xff)) | fb;
            cpu_set_cc(cpu, i == n - 1 ? 2 : 1);
            return 0;
        }
    }
    cpu_set_cc(cpu, 0);
    return 0;
}

/* TRT - TRANSLATE AND TEST (SS-a). Returns 0 or an access exception. */
exc_t insn_trt(struct cpu *cpu, const struct insn *in)
{
    return trt_common(cpu, in, false);
}

/* TRTR - TRANSLATE AND TEST REVERSE (SS-a). Returns 0 or an access exception. */
exc_t insn_trtr(struct cpu *cpu, const struct insn *in)
{
    return trt_common(cpu, in, true);
}

/* TRE - TRANSLATE EXTENDED (RRE). Returns 0, specification or an access
 * exception. Interruptible: the unit of operation is one byte; an access
 * exception leaves the registers describing the bytes already translated. */
exc_t insn_tre(struct cpu *cpu, const struct insn *in)
{
    uint64_t a1, len, tbl, done = 0;
    uint8_t test = (uint8_t)cpu->gr[0];
    unsigned cc = 0;
    exc_t exc = 0;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    a1 = cpu_wrap(cpu, cpu->gr[in->r1]);
    len = reg_len(cpu, in->r1 + 1);
    tbl = cpu_wrap(cpu, cpu->gr[in->r2]);
    while (done < len) {
        uint64_t addr = cpu_wrap(cpu, a1 + done);
        uint8_t arg, fb;

        if (done == TR_UNIT) {
            cc = 3;
            break;
        }
        exc = mmu_fetch_u8(cpu, in->r1, addr, &arg);
        if (exc)
            break;
        if (arg == test) {
            cc = 1;
            break;
        }
        exc = mmu_fetch_u8(cpu, in->r2, cpu_wrap(cpu, tbl + arg), &fb);
        if (exc)
            break;
        exc = mmu_store_u8(cpu, in->r1, addr, fb);
        if (exc)
            break;
        done++;
    }
    if (exc && done == 0)
        return exc;
    set_reg_addr(cpu, in->r1, a1 + done);
    set_reg_len(cpu, in->r1 + 1, len - done);
    if (exc)
        return exc;
    cpu_set_cc(cpu, cc);
    return 0;
}

/* TROO, TROT, TRTO, TRTT: translate @ssize-byte characters of the second
 * operand through the table at GR1 into @dsize-byte characters of the first
 * operand, stopping at the test character in GR0 unless M3 bit 3 (ETF2
 * enhancement) suppresses the comparison. */
static exc_t tr_xx(struct cpu *cpu, const struct insn *in, unsigned ssize, unsigned dsize)
{
    uint64_t dst, src, tbl, len, done = 0, n = 0;
    uint16_t test = dsize == 1 ? (uint8_t)cpu->gr[0] : (uint16_t)cpu->gr[0];
    bool compare = !(cpu->model->fac[FAC_ETF2E] && (in->m3 & 1));
    unsigned cc = 0;
    exc_t exc = 0;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    len = reg_len(cpu, in->r1 + 1);
    if (ssize == 2 && (len & 1))
        return EXC_PGM(PGM_SPECIFICATION);
    dst = cpu_wrap(cpu, cpu->gr[in->r1]);
    src = cpu_wrap(cpu, cpu->gr[in->r2]);
    tbl = cpu_wrap(cpu, cpu->gr[1]) & ~UINT64_C(7);   /* doubleword boundary */
    while (done < len) {
        uint16_t sc, fc;

        if (n == TR_UNIT) {
            cc = 3;
            break;
        }
        exc = fetch_char(cpu, in->r2, cpu_wrap(cpu, src + done), ssize, &sc);
        if (exc)
            break;
        exc = fetch_char(cpu, 1, cpu_wrap(cpu, tbl + (uint64_t)sc * dsize), dsize, &fc);
        if (exc)
            break;
        if (compare && fc == test) {
            cc = 1;
            break;
        }
        exc = store_char(cpu, in->r1, cpu_wrap(cpu, dst + n * dsize), dsize, fc);
        if (exc)
            break;
        done += ssize;
        n++;
    }
    if (exc && n == 0)
        return exc;
    set_reg_addr(cpu, in->r1, dst + n * dsize);
    set_reg_len(cpu, in->r1 + 1, len - done);
    set_reg_addr(cpu, in->r2, src + done);
    if (exc)
        return exc;
    cpu_set_cc(cpu, cc);
    return 0;
}

/* TRTT - TRANSLATE TWO TO TWO (RRF-c). Returns 0, specification or access. */
exc_t insn_trtt(struct cpu *cpu, const struct insn *in)
{
    return tr_xx(cpu, in, 2, 2);
}

/* TRTO - TRANSLATE TWO TO ONE (RRF-c). Returns 0, specification or access. */
exc_t insn_trto(struct cpu *cpu, const struct insn *in)
{
    return tr_xx(cpu, in, 2, 1);
}

/* TROT - TRANSLATE ONE TO TWO (RRF-c). Returns 0, specification or access. */
exc_t insn_trot(struct cpu *cpu, const struct insn *in)
{
    return tr_xx(cpu, in, 1, 2);
}

/* TROO - TRANSLATE ONE TO ONE (RRF-c). Returns 0, specification or access. */
exc_t insn_troo(struct cpu *cpu, const struct insn *in)
{
    return tr_xx(cpu, in, 1, 1);
}

/* TRTE and TRTRE: M3 bit 0 (A) selects 2-byte argument characters, bit 1
 * (F) 2-byte function codes, bit 2 (L) limits 2-byte arguments to the first
 * 256 table entries (larger ones have function code zero). Nothing is
 * stored, so an access exception simply nullifies the execution. */
static exc_t trte_common(struct cpu *cpu, const struct insn *in, bool backward)
{
    unsigned asize = (in->m3 & 8) ? 2 : 1;
    unsigned fsize = (in->m3 & 4) ? 2 : 1;
    bool limit = asize == 2 && (in->m3 & 2);
    uint64_t a1, len, tbl, done = 0;
    uint16_t fc = 0;
    unsigned cc = 0;
    exc_t exc;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    len = reg_len(cpu, in->r1 + 1);
    if (asize == 2 && (len & 1))
        return EXC_PGM(PGM_SPECIFICATION);
    a1 = cpu_wrap(cpu, cpu->gr[in->r1]);
    tbl = cpu_wrap(cpu, cpu->gr[1]);
    while (done < len) {
        uint64_t addr = cpu_wrap(cpu, backward ? a1 - done : a1 + done);
        uint16_t arg;

        if (done >= TR_UNIT) {
            cc = 3;
            break;
        }
        exc = fetch_char(cpu, in->r1, addr, asize, &arg);
        if (exc)
            return exc;
        fc = 0;
        if (!limit || arg < 256) {
            exc = fetch_char(cpu, 1, cpu_wrap(cpu, tbl + (uint64_t)arg * fsize), fsize, &fc);
            if (exc)
                return exc;
        }
        if (fc) {
            cc = 1;
            break;
        }
        done += asize;
    }
    set_reg_addr(cpu, in->r1, backward ? a1 - done : a1 + done);
    set_reg_len(cpu, in->r1 + 1, len - done);
    if (cc == 1)
        set_reg_len(cpu, in->r2, fc);   /* zero-extended into bits 32-63 or 0-63 */
    cpu_set_cc(cpu, cc);
    return 0;
}

/* TRTE - TRANSLATE AND TEST EXTENDED (RRF-c). Returns 0, specification or
 * an access exception. */
exc_t insn_trte(struct cpu *cpu, const struct insn *in)
{
    return trte_common(cpu, in, false);
}

/* TRTRE - TRANSLATE AND TEST REVERSE EXTENDED (RRF-c). Returns 0,
 * specification or an access exception. */
exc_t insn_trtre(struct cpu *cpu, const struct insn *in)
{
    return trte_common(cpu, in, true);
}
