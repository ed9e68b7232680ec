/* Storage-to-storage (SS), storage-immediate (SI) and string instructions of
 * PoO chapter 7 "General Instructions": MVC, MVCIN, MVN, MVZ, NC, OC, XC, CLC,
 * the SI/SIY logical family, and MVST, CLST, SRST, SRSTU, CUSE, CKSM. */
#include "cpu/insn.h"

#include <string.h>
#include "cpu/cpu.h"
#include "cpu/regs.h"
#include "mmu/mmu.h"

/* Bytes per execution of the CPU-determined string instructions. */
#define STRING_UNIT 4096u

/* ---- register helpers ------------------------------------------------- */

/* ---- SS-a instructions ------------------------------------------------ */

/* Prepare both operands of an SS-a instruction, length L1 + 1: the second
 * for fetch, the first for @kind1. Returns 0 or the access exception. */
static exc_t ss_prepare(struct cpu *cpu, const struct insn *in, struct acc *op1,
                        struct acc *op2, enum acc_kind kind1)
{
    uint32_t len = in->l1 + 1u;
    exc_t exc;

    exc = mmu_prepare(cpu, op2, in->b2, insn_addr2(cpu, in), len, ACC_FETCH);
    if (exc)
        return exc;
    return mmu_prepare(cpu, op1, in->b1, insn_addr1(cpu, in), len, kind1);
}

enum ss_op { SS_MOVE, SS_NUMERICS, SS_ZONES, SS_AND, SS_OR, SS_XOR };

/* Run a byte-at-a-time SS operation left to right, so that overlapping
 * operands see each stored byte (PoO "Storage-Operand Consistency": one-byte
 * overlap propagates). Returns the OR of the result bytes. */
static uint8_t ss_bytewise(const struct acc *op1, const struct acc *op2, enum ss_op op)
{
    uint8_t any = 0;

    for (uint32_t i = 0; i < op1->len; i++) {
        uint8_t s = acc_get(op2, i);
        uint8_t d = op == SS_MOVE ? s : acc_get(op1, i);

        switch (op) {
        case SS_MOVE:
            break;
        case SS_NUMERICS:
            d = (uint8_t)((d & 0xf0) | (s & 0x0f));
            break;
        case SS_ZONES:
            d = (uint8_t)((d & 0x0f) | (s & 0xf0));
            break;
        case SS_AND:
            d &= s;
            break;
        case SS_OR:
            d |= s;
            break;
        case SS_XOR:
            d ^= s;
            break;
        }
        acc_set(op1, i, d);
        any |= d;
    }
    return any;
}

/* Host address of a prepared operand that lies in one page, else 0. */
static uintptr_t acc_flat(const struct acc *a)
{
    return a->len0 == a->len ? (uintptr_t)a->h[0] : 0;
}

/* Fast forms with the same result as the byte-at-a-time loop: MVC of
 * disjoint operands, MVC one byte right of its source (a fill), XC of an
 * operand with itself (a clear). Returns true if @op was done here. */
static bool ss_fast(const struct acc *op1, const struct acc *op2, enum ss_op op)
{
    uintptr_t d = acc_flat(op1), s = acc_flat(op2);
    uint32_t len = op1->len;

    if (!d || !s)
        return false;
    if (op == SS_MOVE && (d + len <= s || s + len <= d)) {
        memcpy(op1->h[0], op2->h[0], len);
        return true;
    }
    if (op == SS_MOVE && d == s + 1) {
        memset(op1->h[0], op2->h[0][0], len);
        return true;
    }
    if (op == SS_XOR && d == s) {
        memset(op1->h[0], 0, len);
        return true;
    }
    return false;
}

/* Common body of the SS-a moves and logical operations. Returns 0 or the
 * access exception (nothing stored then). */
static exc_t ss_run(struct cpu *cpu, const struct insn *in, enum ss_op op, bool sets_cc)
{
    struct acc op1, op2;
    exc_t exc = ss_prepare(cpu, in, &op1, &op2, ACC_STORE);
    uint8_t any;

    if (exc)
        return exc;
    if (ss_fast(&op1, &op2, op)) {
        if (sets_cc)
            cpu_set_cc(cpu, 0);     /* only XC of an operand with itself */
        return 0;
    }
    any = ss_bytewise(&op1, &op2, op);
    if (sets_cc)
        cpu_set_cc(cpu, any ? 1 : 0);
    return 0;
}

/* MVC - MOVE (CHARACTER) (SS-a). Returns 0 or the access exception. */
exc_t insn_mvc(struct cpu *cpu, const struct insn *in)
{
    return ss_run(cpu, in, SS_MOVE, false);
}

/* MVN - MOVE NUMERICS (SS-a). Returns 0 or the access exception. */
exc_t insn_mvn(struct cpu *cpu, const struct insn *in)
{
    return ss_run(cpu, in, SS_NUMERICS, false);
}

/* MVZ - MOVE ZONES (SS-a). Returns 0 or the access exception. */
exc_t insn_mvz(struct cpu *cpu, const struct insn *in)
{
    return ss_run(cpu, in, SS_ZONES, false);
}

/* NC - AND (CHARACTER) (SS-a). Returns 0 or the access exception. */
exc_t insn_nc(struct cpu *cpu, const struct insn *in)
{
    return ss_run(cpu, in, SS_AND, true);
}

/* OC - OR (CHARACTER) (SS-a). Returns 0 or the access exception. */
exc_t insn_oc(struct cpu *cpu, const struct insn *in)
{
    return ss_run(cpu, in, SS_OR, true);
}

/* XC - EXCLUSIVE OR (CHARACTER) (SS-a). Returns 0 or the access exception. */
exc_t insn_xc(struct cpu *cpu, const struct insn *in)
{
    return ss_run(cpu, in, SS_XOR, true);
}

/* MVCIN - MOVE INVERSE (SS-a): the second-operand address designates the
 * rightmost byte of that operand. Returns 0 or the access exception. */
exc_t insn_mvcin(struct cpu *cpu, const struct insn *in)
{
    uint32_t len = in->l1 + 1u;
    uint64_t addr2 = cpu_wrap(cpu, insn_addr2(cpu, in) - in->l1);
    struct acc op1, op2;
    exc_t exc;

    exc = mmu_prepare(cpu, &op2, in->b2, addr2, len, ACC_FETCH);
    if (exc)
        return exc;
    exc = mmu_prepare(cpu, &op1, in->b1, insn_addr1(cpu, in), len, ACC_STORE);
    if (exc)
        return exc;
    for (uint32_t i = 0; i < len; i++)
        acc_set(&op1, i, acc_get(&op2, len - 1 - i));
    return 0;
}

/* CLC - COMPARE LOGICAL (CHARACTER) (SS-a). Returns 0 or the access
 * exception. */
exc_t insn_clc(struct cpu *cpu, const struct insn *in)
{
    struct acc op1, op2;
    exc_t exc = ss_prepare(cpu, in, &op1, &op2, ACC_FETCH);
    unsigned cc = 0;

    if (exc)
        return exc;
    if (op1.len0 == op1.len && op2.len0 == op2.len) {     /* each in one page */
        int d = memcmp(op1.h[0], op2.h[0], op1.len);

        cpu_set_cc(cpu, (unsigned)(d < 0) | (unsigned)(d > 0) << 1);
        return 0;
    }
    for (uint32_t i = 0; i < op1.len; i++) {
        uint8_t a = acc_get(&op1, i), b = acc_get(&op2, i);

        if (a != b) {
            cc = a < b ? 1 : 2;
            break;
        }
    }
    cpu_set_cc(cpu, cc);
    return 0;
}

/* ---- SI and SIY instructions ------------------------------------------ */

enum si_op { SI_AND, SI_OR, SI_XOR };

/* NI/OI/XI and their SIY forms: fetch, combine, store one byte. Returns 0
 * or the access exception. */
static exc_t si_logic(struct cpu *cpu, const struct insn *in, enum si_op op)
{
    uint64_t addr = insn_addr1(cpu, in);
    uint8_t imm = (uint8_t)in->i2;
    struct acc acc;
    uint8_t v;
    exc_t exc;

    exc = mmu_prepare(cpu, &acc, in->b1, addr, 1, ACC_STORE);
    if (exc)
        return exc;
    v = acc_get(&acc, 0);
    v = op == SI_AND ? (v & imm) : op == SI_OR ? (v | imm) : (v ^ imm);
    acc_set(&acc, 0, v);
    cpu_set_cc(cpu, v ? 1 : 0);
    return 0;
}

/* NI - AND (immediate) (SI). Returns 0 or the access exception. */
exc_t insn_ni(struct cpu *cpu, const struct insn *in)
{
    return si_logic(cpu, in, SI_AND);
}

/* NIY - AND (immediate) (SIY). Returns 0 or the access exception. */
exc_t insn_niy(struct cpu *cpu, const struct insn *in)
{
    return si_logic(cpu, in, SI_AND);
}

/* OI - OR (immediate) (SI). Returns 0 or the access exception. */
exc_t insn_oi(struct cpu *cpu, const struct insn *in)
{
    return si_logic(cpu, in, SI_OR);
}

/* OIY - OR (immediate) (SIY). Returns 0 or the access exception. */
exc_t insn_oiy(struct cpu *cpu, const struct insn *in)
{
    return si_logic(cpu, in, SI_OR);
}

/* XI - EXCLUSIVE OR (immediate) (SI). Returns 0 or the access exception. */
exc_t insn_xi(struct cpu *cpu, const struct insn *in)
{
    return si_logic(cpu, in, SI_XOR);
}

/* XIY - EXCLUSIVE OR (immediate) (SIY). Returns 0 or the access exception. */
exc_t insn_xiy(struct cpu *cpu, const struct insn *in)
{
    return si_logic(cpu, in, SI_XOR);
}

/* MVI - MOVE (immediate) (SI). Returns 0 or the access exception. */
exc_t insn_mvi(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u8(cpu, in->b1, insn_addr1(cpu, in), (uint8_t)in->i2);
}

/* MVIY - MOVE (immediate) (SIY). Returns 0 or the access exception. */
exc_t insn_mviy(struct cpu *cpu, const struct insn *in)
{
    return mmu_store_u8(cpu, in->b1, insn_addr1(cpu, in), (uint8_t)in->i2);
}

/* CLI and CLIY: the storage byte is the first operand. */
static exc_t si_compare(struct cpu *cpu, const struct insn *in)
{
    uint8_t imm = (uint8_t)in->i2, v;
    exc_t exc = mmu_fetch_u8(cpu, in->b1, insn_addr1(cpu, in), &v);

    if (exc)
        return exc;
    cpu_set_cc(cpu, (unsigned)(v < imm) | (unsigned)(v > imm) << 1);
    return 0;
}

/* CLI - COMPARE LOGICAL (immediate) (SI). Returns 0 or the access exception. */
exc_t insn_cli(struct cpu *cpu, const struct insn *in)
{
    return si_compare(cpu, in);
}

/* CLIY - COMPARE LOGICAL (immediate) (SIY). Returns 0 or the access exception. */
exc_t insn_cliy(struct cpu *cpu, const struct insn *in)
{
    return si_compare(cpu, in);
}

/* TM and TMY: CC 0 all selected bits zero (or mask zero), 1 mixed, 3 all
 * selected bits one. */
static exc_t si_test(struct cpu *cpu, const struct insn *in)
{
    uint8_t mask = (uint8_t)in->i2, v;
    exc_t exc = mmu_fetch_u8(cpu, in->b1, insn_addr1(cpu, in), &v);

    if (exc)
        return exc;
    v &= mask;
    cpu_set_cc(cpu, (unsigned)(v != 0) | (unsigned)(v != 0 && v == mask) << 1);
    return 0;
}

/* TM - TEST UNDER MASK (SI). Returns 0 or the access exception. */
exc_t insn_tm(struct cpu *cpu, const struct insn *in)
{
    return si_test(cpu, in);
}

/* TMY - TEST UNDER MASK (SIY). Returns 0 or the access exception. */
exc_t insn_tmy(struct cpu *cpu, const struct insn *in)
{
    return si_test(cpu, in);
}

/* ---- string instructions ---------------------------------------------- */

/* MVST - MOVE STRING (RRE). Bits 32-55 of GR0 must be zero. Moves up to the
 * end of the current page of either operand per execution: CC 1 with R1 at
 * the ending character in the first operand, or CC 3 with R1 and R2
 * advanced. Returns 0, specification or access exceptions. */
exc_t insn_mvst(struct cpu *cpu, const struct insn *in)
{
    uint32_t r0 = cpu_gr32(cpu, 0);
    uint64_t dst = cpu_wrap(cpu, cpu->gr[in->r1]);
    uint64_t src = cpu_wrap(cpu, cpu->gr[in->r2]);
    uint32_t n = page_rest(dst) < page_rest(src) ? page_rest(dst) : page_rest(src);
    struct acc op1, op2;
    exc_t exc;

    if (r0 & 0xffffff00u)
        return EXC_PGM(PGM_SPECIFICATION);
    /* Each operand stays within its current page: no access exception for
     * storage beyond the ending character's page. */
    exc = mmu_prepare(cpu, &op2, in->r2, src, n, ACC_FETCH);
    if (exc)
        return exc;
    exc = mmu_prepare(cpu, &op1, in->r1, dst, n, ACC_STORE);
    if (exc)
        return exc;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t v = acc_get(&op2, i);

        acc_set(&op1, i, v);
        if (v == (uint8_t)r0) {
            set_reg_addr_clear(cpu, in->r1, dst + i);
            cpu_set_cc(cpu, 1);
            return 0;
        }
    }
    set_reg_addr_clear(cpu, in->r1, dst + n);
    set_reg_addr_clear(cpu, in->r2, src + n);
    cpu_set_cc(cpu, 3);
    return 0;
}

/* CLST - COMPARE LOGICAL STRING (RRE). Bits 32-55 of GR0 must be zero.
 * CC 0 equal (registers unchanged), 1/2 first operand low/high with R1 and
 * R2 at the last bytes compared, 3 a page's worth equal with both advanced.
 * Returns 0, specification or access exceptions. */
exc_t insn_clst(struct cpu *cpu, const struct insn *in)
{
    uint32_t r0 = cpu_gr32(cpu, 0);
    uint8_t end = (uint8_t)r0;
    uint64_t a1 = cpu_wrap(cpu, cpu->gr[in->r1]);
    uint64_t a2 = cpu_wrap(cpu, cpu->gr[in->r2]);
    uint32_t n = page_rest(a1) < page_rest(a2) ? page_rest(a1) : page_rest(a2);
    struct acc op1, op2;
    exc_t exc;

    if (r0 & 0xffffff00u)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_prepare(cpu, &op1, in->r1, a1, n, ACC_FETCH);
    if (exc)
        return exc;
    exc = mmu_prepare(cpu, &op2, in->r2, a2, n, ACC_FETCH);
    if (exc)
        return exc;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t v1 = acc_get(&op1, i), v2 = acc_get(&op2, i);

        if (v1 == v2 && v1 == end) {
            cpu_set_cc(cpu, 0);
            return 0;
        }
        if (v1 != v2) {
            /* A string that ends first is the low one. */
            unsigned cc = v1 == end ? 1 : v2 == end ? 2 : v1 < v2 ? 1 : 2;

            set_reg_addr_clear(cpu, in->r1, a1 + i);
            set_reg_addr_clear(cpu, in->r2, a2 + i);
            cpu_set_cc(cpu, cc);
            return 0;
        }
    }
    set_reg_addr_clear(cpu, in->r1, a1 + n);
    set_reg_addr_clear(cpu, in->r2, a2 + n);
    cpu_set_cc(cpu, 3);
    return 0;
}

/* SRST - SEARCH STRING (RRE). R1 holds the end address, R2 the start, GR0
 * bits 56-63 the character (bits 32-55 must be zero). CC 1 found (R1 =
 * its address), 2 not found (registers unchanged), 3 partly searched (R2
 * advanced). Returns 0, specification or access exceptions. */
exc_t insn_srst(struct cpu *cpu, const struct insn *in)
{
    uint32_t r0 = cpu_gr32(cpu, 0);
    uint64_t end = cpu_wrap(cpu, cpu->gr[in->r1]);
    uint64_t str = cpu_wrap(cpu, cpu->gr[in->r2]);
    uint64_t left = (end - str) & cpu_amode_mask(cpu);
    uint32_t n = page_rest(str);
    struct acc op2;
    exc_t exc;

    if (r0 & 0xffffff00u)
        return EXC_PGM(PGM_SPECIFICATION);
    if (left == 0) {
        cpu_set_cc(cpu, 2);
        return 0;
    }
    if (left < n)
        n = (uint32_t)left;
    exc = mmu_prepare(cpu, &op2, in->r2, str, n, ACC_FETCH);
    if (exc)
        return exc;
    for (uint32_t i = 0; i < n; i++) {
        if (acc_get(&op2, i) == (uint8_t)r0) {
            set_reg_addr_clear(cpu, in->r1, str + i);
            cpu_set_cc(cpu, 1);
            return 0;
        }
    }
    if (left == n) {
        cpu_set_cc(cpu, 2);
        return 0;
    }
    set_reg_addr_clear(cpu, in->r2, str + n);
    cpu_set_cc(cpu, 3);
    return 0;
}

/* SRSTU - SEARCH STRING UNICODE (RRE): SRST on two-byte characters, GR0
 * bits 48-63 the character (bits 32-47 must be zero). The end is reached
 * when fewer than two bytes remain before the R1 address. Returns 0,
 * specification or access exceptions. */
exc_t insn_srstu(struct cpu *cpu, const struct insn *in)
{
    uint32_t r0 = cpu_gr32(cpu, 0);
    uint64_t end = cpu_wrap(cpu, cpu->gr[in->r1]);
    uint64_t str = cpu_wrap(cpu, cpu->gr[in->r2]);
    uint64_t left = (end - str) & cpu_amode_mask(cpu);
    uint32_t done;

    if (r0 & 0xffff0000u)
        return EXC_PGM(PGM_SPECIFICATION);
    for (done = 0; done < STRING_UNIT; done += 2) {
        uint64_t addr = cpu_wrap(cpu, str + done);
        uint16_t v;
        exc_t exc;

        if (left - done < 2) {
            cpu_set_cc(cpu, 2);
            return 0;
        }
        exc = mmu_fetch_u16(cpu, in->r2, addr, &v);
        if (exc)
            return exc;
        if (v == (uint16_t)r0) {
            set_reg_addr_clear(cpu, in->r1, addr);
            cpu_set_cc(cpu, 1);
            return 0;
        }
    }
    set_reg_addr_clear(cpu, in->r2, str + done);
    cpu_set_cc(cpu, 3);
    return 0;
}

/* CKSM - CHECKSUM (RRE). R2 even: the second operand's address and length;
 * its words are added into bits 32-63 of R1 with end-around carry, a last
 * partial word padded on the right with zeros. CC 0 done, 3 partly done
 * (registers advanced). Returns 0, specification or access exceptions. */
exc_t insn_cksm(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = cpu_wrap(cpu, cpu->gr[in->r2]);
    uint64_t len = reg_len(cpu, in->r2 + 1);
    uint32_t n = len < STRING_UNIT ? (uint32_t)len : STRING_UNIT;
    uint64_t sum = cpu_gr32(cpu, in->r1);
    struct acc op2;
    exc_t exc;

    if (in->r2 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_prepare(cpu, &op2, in->r2, addr, n, ACC_FETCH);
    if (exc)
        return exc;
    for (uint32_t i = 0; i < n; i += 4) {
        uint32_t word = 0;

        for (uint32_t j = 0; j < 4; j++)
            word = word << 8 | (i + j < n ? acc_get(&op2, i + j) : 0);
        sum += word;
        sum = (sum & 0xffffffffu) + (sum >> 32);
    }
    cpu_set_gr32(cpu, in->r1, (uint32_t)sum);
    set_reg_addr_clear(cpu, in->r2, addr + n);
    set_reg_len(cpu, in->r2 + 1, len - n);
    cpu_set_cc(cpu, len == n ? 0 : 3);
    return 0;
}

/* CUSE - COMPARE UNTIL SUBSTRING EQUAL (RRE). R1 and R2 even: address and
 * length pairs; GR0 bits 56-63 the substring length, GR1 bits 56-63 the
 * padding byte for the shorter operand. CC 0 an equal substring was found
 * (registers designate it), 1 the operands ended in a partial equal
 * substring (registers designate it), 2 they ended unequal (registers at
 * the ends), 3 a CPU-determined amount compared (registers at the next
 * bytes). Returns 0, specification or access exceptions. */
exc_t insn_cuse(struct cpu *cpu, const struct insn *in)
{
    uint8_t sslen = (uint8_t)cpu->gr[0], pad = (uint8_t)cpu->gr[1];
    uint64_t a1, a2, l1, l2, eq_a1, eq_a2, eq_l1, eq_l2;
    unsigned cc = 2, equal = 0;

    if ((in->r1 | in->r2) & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    a1 = eq_a1 = cpu_wrap(cpu, cpu->gr[in->r1]);
    a2 = eq_a2 = cpu_wrap(cpu, cpu->gr[in->r2]);
    l1 = eq_l1 = reg_len(cpu, in->r1 + 1);
    l2 = eq_l2 = reg_len(cpu, in->r2 + 1);
    if (sslen == 0) {
        cpu_set_cc(cpu, 0);
        return 0;
    }
    for (uint32_t i = 0; l1 || l2; i++) {
        uint8_t b1 = pad, b2 = pad;
        exc_t exc;

        /* Stop only between substrings so re-execution loses nothing. */
        if (equal == 0 && i >= STRING_UNIT) {
            cc = 3;
            break;
        }
        if (l1) {
            exc = mmu_fetch_u8(cpu, in->r1, a1, &b1);
            if (exc)
                return exc;
        }
        if (l2) {
            exc = mmu_fetch_u8(cpu, in->r2, a2, &b2);
            if (exc)
                return exc;
        }
        if (b1 == b2) {
            if (equal++ == 0) {
                eq_a1 = a1, eq_a2 = a2, eq_l1 = l1, eq_l2 = l2;
            }
            cc = 1;
        } else {
            equal = 0;
            cc = 2;
        }
        if (l1) {
            a1 = cpu_wrap(cpu, a1 + 1);
            l1--;
        }
        if (l2) {
            a2 = cpu_wrap(cpu, a2 + 1);
            l2--;
        }
        if (equal == sslen) {
            cc = 0;
            break;
        }
    }
    if (cc < 2) {
        a1 = eq_a1, a2 = eq_a2, l1 = eq_l1, l2 = eq_l2;
    }
    set_reg_addr_clear(cpu, in->r1, a1);
    set_reg_addr_clear(cpu, in->r2, a2);
    set_reg_len(cpu, in->r1 + 1, l1);
    set_reg_len(cpu, in->r2 + 1, l2);
    cpu_set_cc(cpu, cc);
    return 0;
}
