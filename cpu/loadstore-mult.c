/* Loads and stores of several registers or of bytes under a mask (PoO
 * chapter 7): LOAD/STORE MULTIPLE in their widths, LOAD MULTIPLE DISJOINT,
 * INSERT CHARACTER(S), STORE CHARACTERS UNDER MASK, COMPARE LOGICAL
 * CHARACTERS UNDER MASK, and the conditional loads and stores. */
#include "cpu/cpu.h"

#include "cpu/insn.h"
#include "mmu/mmu.h"

/* Number of registers R1 to R3, wrapping from 15 to 0. */
static unsigned reg_count(const struct insn *in)
{
    return ((in->r3 - in->r1) & 15u) + 1;
}

/* Which half of a register a 32-bit multiple load or store uses. */
enum half { LOW_WORD, HIGH_WORD };

static uint32_t get_word(const struct cpu *cpu, unsigned r, enum half h)
{
    return h == HIGH_WORD ? cpu_gr32h(cpu, r) : cpu_gr32(cpu, r);
}

static void set_word(struct cpu *cpu, unsigned r, enum half h, uint32_t v)
{
    if (h == HIGH_WORD)
        cpu_set_gr32h(cpu, r, v);
    else
        cpu_set_gr32(cpu, r, v);
}

/* Load 32-bit words into one half of R1..R3 from the second operand.
 * Returns 0 or the fetch exception (no register changed). */
static exc_t load_multiple32(struct cpu *cpu, const struct insn *in, enum half h)
{
    unsigned n = reg_count(in);
    uint8_t buf[64];
    struct acc a;
    exc_t exc = mmu_prepare(cpu, &a, in->b2, insn_addr2(cpu, in), 4 * n, ACC_FETCH);

    if (exc)
        return exc;
    acc_read(&a, 0, buf, 4 * n);
    for (unsigned i = 0; i < n; i++)
        set_word(cpu, (in->r1 + i) & 15, h, ld_be32(buf + 4 * i));
    return 0;
}

/* Store one half of R1..R3 as 32-bit words. Returns 0 or the store exception. */
static exc_t store_multiple32(struct cpu *cpu, const struct insn *in, enum half h)
{
    unsigned n = reg_count(in);
    uint8_t buf[64];
    struct acc a;
    exc_t exc = mmu_prepare(cpu, &a, in->b2, insn_addr2(cpu, in), 4 * n, ACC_STORE);

    if (exc)
        return exc;
    for (unsigned i = 0; i < n; i++)
        st_be32(buf + 4 * i, get_word(cpu, (in->r1 + i) & 15, h));
    acc_write(&a, 0, buf, 4 * n);
    return 0;
}

/* LM - LOAD MULTIPLE (RS-a). Returns 0 or the fetch exception. */
exc_t insn_lm(struct cpu *cpu, const struct insn *in)
{
    return load_multiple32(cpu, in, LOW_WORD);
}

/* LMY - LOAD MULTIPLE (RSY-a). Returns 0 or the fetch exception. */
exc_t insn_lmy(struct cpu *cpu, const struct insn *in)
{
    return load_multiple32(cpu, in, LOW_WORD);
}

/* LMH - LOAD MULTIPLE HIGH (RSY-a). Returns 0 or the fetch exception. */
exc_t insn_lmh(struct cpu *cpu, const struct insn *in)
{
    return load_multiple32(cpu, in, HIGH_WORD);
}

/* STM - STORE MULTIPLE (RS-a). Returns 0 or the store exception. */
exc_t insn_stm(struct cpu *cpu, const struct insn *in)
{
    return store_multiple32(cpu, in, LOW_WORD);
}

/* STMY - STORE MULTIPLE (RSY-a). Returns 0 or the store exception. */
exc_t insn_stmy(struct cpu *cpu, const struct insn *in)
{
    return store_multiple32(cpu, in, LOW_WORD);
}

/* STMH - STORE MULTIPLE HIGH (RSY-a). Returns 0 or the store exception. */
exc_t insn_stmh(struct cpu *cpu, const struct insn *in)
{
    return store_multiple32(cpu, in, HIGH_WORD);
}

/* LMG - LOAD MULTIPLE (64) (RSY-a). Returns 0 or the fetch exception. */
exc_t insn_lmg(struct cpu *cpu, const struct insn *in)
{
    unsigned n = reg_count(in);
    uint8_t buf[128];
    struct acc a;
    exc_t exc = mmu_prepare(cpu, &a, in->b2, insn_addr2(cpu, in), 8 * n, ACC_FETCH);

    if (exc)
        return exc;
    acc_read(&a, 0, buf, 8 * n);
    for (unsigned i = 0; i < n; i++)
        cpu->gr[(in->r1 + i) & 15] = ld_be64(buf + 8 * i);
    return 0;
}

/* STMG - STORE MULTIPLE (64) (RSY-a). Returns 0 or the store exception. */
exc_t insn_stmg(struct cpu *cpu, const struct insn *in)
{
    unsigned n = reg_count(in);
    uint8_t buf[128];
    struct acc a;
    exc_t exc = mmu_prepare(cpu, &a, in->b2, insn_addr2(cpu, in), 8 * n, ACC_STORE);

    if (exc)
        return exc;
    for (unsigned i = 0; i < n; i++)
        st_be64(buf + 8 * i, cpu->gr[(in->r1 + i) & 15]);
    acc_write(&a, 0, buf, 8 * n);
    return 0;
}

/* LMD - LOAD MULTIPLE DISJOINT (SS-e): high halves of R1..R3 from the second
 * operand, low halves from the fourth. Returns 0 or a fetch exception. */
exc_t insn_lmd(struct cpu *cpu, const struct insn *in)
{
    unsigned n = reg_count(in);
    uint8_t hi[64], lo[64];
    struct acc a2, a4;
    exc_t exc;

    exc = mmu_prepare(cpu, &a2, in->b2, insn_addr2(cpu, in), 4 * n, ACC_FETCH);
    if (exc)
        return exc;
    exc = mmu_prepare(cpu, &a4, in->b4, insn_addr4(cpu, in), 4 * n, ACC_FETCH);
    if (exc)
        return exc;
    acc_read(&a2, 0, hi, 4 * n);
    acc_read(&a4, 0, lo, 4 * n);
    for (unsigned i = 0; i < n; i++)
        cpu->gr[(in->r1 + i) & 15] = (uint64_t)ld_be32(hi + 4 * i) << 32 | ld_be32(lo + 4 * i);
    return 0;
}

/* ---- characters under mask ---------------------------------------------------- */

/* Count of one bits in a 4-bit mask. */
static unsigned mask_bytes(unsigned m)
{
    return (unsigned)__builtin_popcount(m & 15);
}

/* ICM family: insert the bytes of the second operand into the bytes of the
 * word @h of R1 selected by M3. CC 0 all inserted bits zero (or mask zero),
 * 1 leftmost inserted bit one, 2 otherwise. Returns 0 or the fetch exception. */
static exc_t insert_under_mask(struct cpu *cpu, const struct insn *in, enum half h)
{
    unsigned m = in->m3, n = mask_bytes(m), j = 0, cc;
    uint8_t buf[4];
    uint32_t w = get_word(cpu, in->r1, h);
    struct acc a;
    exc_t exc;

    if (n == 0) {
        cpu_set_cc(cpu, 0);
        return 0;
    }
    exc = mmu_prepare(cpu, &a, in->b2, insn_addr2(cpu, in), n, ACC_FETCH);
    if (exc)
        return exc;
    acc_read(&a, 0, buf, n);
    for (unsigned i = 0; i < 4; i++) {
        if (m & (8u >> i)) {
            unsigned sh = 24 - 8 * i;

            w = (w & ~(UINT32_C(0xff) << sh)) | (uint32_t)buf[j++] << sh;
        }
    }
    set_word(cpu, in->r1, h, w);
    cc = 0;
    for (unsigned i = 0; i < n; i++)
        if (buf[i])
            cc = 2;
    if (buf[0] & 0x80)
        cc = 1;
    cpu_set_cc(cpu, cc);
    return 0;
}

/* The bytes of word @h of R1 selected by M3, left to right, into @buf.
 * Returns their count. */
static unsigned select_bytes(const struct cpu *cpu, const struct insn *in, enum half h,
                             uint8_t *buf)
{
    uint32_t w = get_word(cpu, in->r1, h);
    unsigned n = 0;

    for (unsigned i = 0; i < 4; i++)
        if (in->m3 & (8u >> i))
            buf[n++] = (uint8_t)(w >> (24 - 8 * i));
    return n;
}

/* STCM family. Returns 0 or the store exception. */
static exc_t store_under_mask(struct cpu *cpu, const struct insn *in, enum half h)
{
    uint8_t buf[4];
    unsigned n = select_bytes(cpu, in, h, buf);
    struct acc a;
    exc_t exc;

    if (n == 0)
        return 0;
    exc = mmu_prepare(cpu, &a, in->b2, insn_addr2(cpu, in), n, ACC_STORE);
    if (exc)
        return exc;
    acc_write(&a, 0, buf, n);
    return 0;
}

/* CLM family: CC 0 equal (or mask zero), 1 first operand low, 2 high.
 * Returns 0 or the fetch exception. */
static exc_t compare_under_mask(struct cpu *cpu, const struct insn *in, enum half h)
{
    uint8_t sel[4], op2[4];
    unsigned n = select_bytes(cpu, in, h, sel), cc = 0;
    struct acc a;
    exc_t exc;

    if (n) {
        exc = mmu_prepare(cpu, &a, in->b2, insn_addr2(cpu, in), n, ACC_FETCH);
        if (exc)
            return exc;
        acc_read(&a, 0, op2, n);
        for (unsigned i = 0; i < n && cc == 0; i++)
            if (sel[i] != op2[i])
                cc = sel[i] < op2[i] ? 1 : 2;
    }
    cpu_set_cc(cpu, cc);
    return 0;
}

/* ICM - INSERT CHARACTERS UNDER MASK (low) (RS-b). Returns 0 or the fetch exception. */
exc_t insn_icm(struct cpu *cpu, const struct insn *in)
{
    return insert_under_mask(cpu, in, LOW_WORD);
}

/* ICMY - INSERT CHARACTERS UNDER MASK (low) (RSY-b). Returns 0 or the fetch exception. */
exc_t insn_icmy(struct cpu *cpu, const struct insn *in)
{
    return insert_under_mask(cpu, in, LOW_WORD);
}

/* ICMH - INSERT CHARACTERS UNDER MASK (high) (RSY-b). Returns 0 or the fetch exception. */
exc_t insn_icmh(struct cpu *cpu, const struct insn *in)
{
    return insert_under_mask(cpu, in, HIGH_WORD);
}

/* STCM - STORE CHARACTERS UNDER MASK (low) (RS-b). Returns 0 or the store exception. */
exc_t insn_stcm(struct cpu *cpu, const struct insn *in)
{
    return store_under_mask(cpu, in, LOW_WORD);
}

/* STCMY - STORE CHARACTERS UNDER MASK (low) (RSY-b). Returns 0 or the store exception. */
exc_t insn_stcmy(struct cpu *cpu, const struct insn *in)
{
    return store_under_mask(cpu, in, LOW_WORD);
}

/* STCMH - STORE CHARACTERS UNDER MASK (high) (RSY-b). Returns 0 or the store exception. */
exc_t insn_stcmh(struct cpu *cpu, const struct insn *in)
{
    return store_under_mask(cpu, in, HIGH_WORD);
}

/* CLM - COMPARE LOGICAL CHAR. UNDER MASK (low) (RS-b). Returns 0 or the fetch exception. */
exc_t insn_clm(struct cpu *cpu, const struct insn *in)
{
    return compare_under_mask(cpu, in, LOW_WORD);
}

/* CLMY - COMPARE LOGICAL CHAR. UNDER MASK (low) (RSY-b). Returns 0 or the fetch exception. */
exc_t insn_clmy(struct cpu *cpu, const struct insn *in)
{
    return compare_under_mask(cpu, in, LOW_WORD);
}

/* CLMH - COMPARE LOGICAL CHAR. UNDER MASK (high) (RSY-b). Returns 0 or the fetch exception. */
exc_t insn_clmh(struct cpu *cpu, const struct insn *in)
{
    return compare_under_mask(cpu, in, HIGH_WORD);
}

/* IC - INSERT CHARACTER (RX-a): bits 56-63 only. Returns 0 or the fetch exception. */
exc_t insn_ic(struct cpu *cpu, const struct insn *in)
{
    uint8_t v;
    exc_t exc = mmu_fetch_u8(cpu, in->b2, insn_addr2(cpu, in), &v);

    if (exc)
        return exc;
    cpu->gr[in->r1] = (cpu->gr[in->r1] & ~UINT64_C(0xff)) | v;
    return 0;
}

/* ICY - INSERT CHARACTER (RXY-a). Returns 0 or the fetch exception. */
exc_t insn_icy(struct cpu *cpu, const struct insn *in)
{
    return insn_ic(cpu, in);
}

/* ---- load/store on condition ---------------------------------------------------- */

/* Does the current CC select a mask bit of @m (8 = CC 0 ... 1 = CC 3)? */
static bool cond_met(const struct cpu *cpu, unsigned m)
{
    return (m & (8u >> cpu->cc)) != 0;
}

/* LOC - LOAD ON CONDITION (32) (RSY-b). When the condition is not met the
 * operand is not accessed. Returns 0 or the fetch exception. */
exc_t insn_loc(struct cpu *cpu, const struct insn *in)
{
    uint32_t v;
    exc_t exc;

    if (!cond_met(cpu, in->m3))
        return 0;
    exc = mmu_fetch_u32(cpu, in->b2, insn_addr2(cpu, in), &v);
    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, v);
    return 0;
}

/* LOCG - LOAD ON CONDITION (64) (RSY-b). Returns 0 or the fetch exception. */
exc_t insn_locg(struct cpu *cpu, const struct insn *in)
{
    uint64_t v;
    exc_t exc;

    if (!cond_met(cpu, in->m3))
        return 0;
    exc = mmu_fetch_u64(cpu, in->b2, insn_addr2(cpu, in), &v);
    if (exc)
        return exc;
    cpu->gr[in->r1] = v;
    return 0;
}

/* LOCR - LOAD ON CONDITION (32) (RRF-c). Returns 0. */
exc_t insn_locr(struct cpu *cpu, const struct insn *in)
{
    if (cond_met(cpu, in->m3))
        cpu_set_gr32(cpu, in->r1, cpu_gr32(cpu, in->r2));
    return 0;
}

/* LOCGR - LOAD ON CONDITION (64) (RRF-c). Returns 0. */
exc_t insn_locgr(struct cpu *cpu, const struct insn *in)
{
    if (cond_met(cpu, in->m3))
        cpu->gr[in->r1] = cpu->gr[in->r2];
    return 0;
}

/* STOC - STORE ON CONDITION (32) (RSY-b). Returns 0 or the store exception. */
exc_t insn_stoc(struct cpu *cpu, const struct insn *in)
{
    if (!cond_met(cpu, in->m3))
        return 0;
    return mmu_store_u32(cpu, in->b2, insn_addr2(cpu, in), cpu_gr32(cpu, in->r1));
}

/* STOCG - STORE ON CONDITION (64) (RSY-b). Returns 0 or the store exception. */
exc_t insn_stocg(struct cpu *cpu, const struct insn *in)
{
    if (!cond_met(cpu, in->m3))
        return 0;
    return mmu_store_u64(cpu, in->b2, insn_addr2(cpu, in), cpu->gr[in->r1]);
}
