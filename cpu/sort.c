/* The sorting instructions of PoO chapter 7 "General Instructions": COMPARE
 * AND FORM CODEWORD and UPDATE TREE. The codeword and tree formats are those
 * of the PoO appendix "Sorting Instructions". Both instructions take all
 * their operands from GR0-GR5; in the 24-bit and 31-bit modes they use and
 * change only bits 32-63 of those registers, in the 64-bit mode all 64. */
#include "cpu/insn.h"

#include "cpu/cpu.h"
#include "mmu/mmu.h"

/* Compare units CFC examines per execution before it lets the instruction
 * be executed again (CFC is interruptible; GR2 holds the resume point). */
#define CFC_UNITS 1024u

/* The largest compare unit: six bytes in the 64-bit mode. */
#define CFC_MAX_UNIT 6u

static inline bool amode64(const struct cpu *cpu)
{
    return (cpu->psw.mask & PSW_MASK_EA) != 0;
}

/* GR @r as the sorting instructions see it: bits 0-63 in the 64-bit mode,
 * else bits 32-63. */
static uint64_t sort_reg(const struct cpu *cpu, unsigned r)
{
    return amode64(cpu) ? cpu->gr[r] : cpu_gr32(cpu, r);
}

/* Set GR @r in the same width; bits 0-31 stay unchanged outside the 64-bit
 * mode. */
static void set_sort_reg(struct cpu *cpu, unsigned r, uint64_t v)
{
    if (amode64(cpu))
        cpu->gr[r] = v;
    else
        cpu_set_gr32(cpu, r, (uint32_t)v);
}

/* The leftmost bit of a register in that width (bit 0 or bit 32). */
static inline uint64_t sort_sign(const struct cpu *cpu)
{
    return amode64(cpu) ? 1ull << 63 : 1ull << 31;
}

/* ---- COMPARE AND FORM CODEWORD ---------------------------------------- */

/* Fetch the @width-byte compare unit at @addr (already wrapped) through
 * access register 1 into @buf. Returns 0 or the access exception. */
static exc_t cfc_fetch(struct cpu *cpu, uint64_t addr, uint32_t width, uint8_t *buf)
{
    struct acc acc;
    exc_t exc;

    exc = mmu_prepare(cpu, &acc, 1, addr, width, ACC_FETCH);
    if (exc)
        return exc;
    acc_read(&acc, 0, buf, width);
    return 0;
}

/* Big-endian value of the @width bytes at @p. */
static uint64_t unit_value(const uint8_t *p, uint32_t width)
{
    uint64_t v = 0;

    for (uint32_t i = 0; i < width; i++)
        v = v << 8 | p[i];
    return v;
}

/* Finish CFC at an unequal unit: @v1/@v3 are the first- and third-operand
 * units (logical values), GR2 already holds the updated index. With the
 * operand-control bit @descending zero, the higher operand is the one that
 * sorts later: its unit, inverted, goes into the codeword; with it one, the
 * lower operand's unit goes in as is. If the operand that sorts later is the
 * first, GR1 and GR3 are interchanged and CC 2 is set, else CC 1. The
 * codeword is the index (bits 48-63 of GR2) followed by the unit: bits
 * 32-47 and 48-63 of GR2, or bits 0-15 and 16-63 in the 64-bit mode. */
static void cfc_codeword(struct cpu *cpu, uint64_t v1, uint64_t v3, bool descending,
                         uint32_t width)
{
    uint64_t umask = (1ull << (8 * width)) - 1;
    bool first_later = descending ? v1 < v3 : v1 > v3;
    uint64_t later = first_later ? v1 : v3;
    uint64_t unit = descending ? later : ~later & umask;
    uint64_t index = cpu->gr[2] & 0xffff;

    if (first_later) {
        uint64_t r1 = sort_reg(cpu, 1);

        set_sort_reg(cpu, 1, sort_reg(cpu, 3));
        set_sort_reg(cpu, 3, r1);
    }
    set_sort_reg(cpu, 2, index << (8 * width) | unit);
    cpu_set_cc(cpu, first_later ? 2 : 1);
}

/* CFC - COMPARE AND FORM CODEWORD (S). Compares the first and third operands
 * (bases in GR1 and GR3, common index in bits 48-63 of GR2) two bytes at a
 * time, six in the 64-bit mode, until a unit differs or the index exceeds
 * the limit: bits 49-62 of the second-operand address with a zero appended
 * (bit 63 of that address is the operand-control bit). Equal operands set
 * CC 0 and load GR2 with GR3 with its leftmost bit one. GR1, GR2 and GR3 must
 * be even. Returns 0, the specification exception or an access exception. */
exc_t insn_cfc(struct cpu *cpu, const struct insn *in)
{
    uint64_t op2 = insn_addr2(cpu, in);
    uint32_t limit = (uint32_t)op2 & 0x7ffe;
    bool descending = op2 & 1;
    uint32_t width = amode64(cpu) ? 6 : 2;
    uint8_t u1[CFC_MAX_UNIT], u3[CFC_MAX_UNIT];
    exc_t exc;

    if ((sort_reg(cpu, 1) | sort_reg(cpu, 2) | sort_reg(cpu, 3)) & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    for (uint32_t n = 0; n < CFC_UNITS; n++) {
        uint32_t index = (uint32_t)(cpu->gr[2] & 0xffff);
        uint64_t v1, v3;

        if (index > limit) {
            set_sort_reg(cpu, 2, sort_reg(cpu, 3) | sort_sign(cpu));
            cpu_set_cc(cpu, 0);
            return 0;
        }
        /* One unit of operation: both fetches, then the index update. The
         * index cannot carry out of bits 48-63 (it is at most 0x7ffe + 6). */
        exc = cfc_fetch(cpu, cpu_wrap(cpu, sort_reg(cpu, 1) + index), width, u1);
        if (exc)
            return exc;
        exc = cfc_fetch(cpu, cpu_wrap(cpu, sort_reg(cpu, 3) + index), width, u3);
        if (exc)
            return exc;
        set_sort_reg(cpu, 2, sort_reg(cpu, 2) + width);
        v1 = unit_value(u1, width);
        v3 = unit_value(u3, width);
        if (v1 != v3) {
            cfc_codeword(cpu, v1, v3, descending, width);
            return 0;
        }
    }
    /* Interrupted at a unit boundary: GR2 has the index to resume at and the
     * CC is unpredictable (left unchanged). */
    cpu_repeat(cpu);
    return 0;
}

/* ---- UPDATE TREE ------------------------------------------------------- */

/* UPT - UPDATE TREE (E). Walks from the node whose index is in GR5 toward the
 * root of the tree at GR4: each step halves the index and rounds it down to
 * a node boundary (8-byte nodes, 16-byte in the 64-bit mode: codeword, then
 * the other data). Index 0 ends with CC 1 (GR5 zero); a GR0 codeword with
 * its leftmost bit one ends with CC 3 before the node is examined; a node
 * codeword equal to GR0 is loaded with its data into GR2/GR3 with CC 0. A
 * node codeword logically higher than GR0 is exchanged with GR0/GR1. Each
 * step is a unit of operation: GR5 is updated after its accesses succeed.
 * GR4 and GR5 must be multiples of the node size. Returns 0, the
 * specification exception or an access exception. */
exc_t insn_upt(struct cpu *cpu, const struct insn *in)
{
    uint32_t size = amode64(cpu) ? 16 : 8;
    uint32_t half = size / 2;
    uint64_t base = sort_reg(cpu, 4);
    uint64_t index = sort_reg(cpu, 5);
    exc_t exc;

    (void)in;
    if ((base | index) & (size - 1))
        return EXC_PGM(PGM_SPECIFICATION);
    /* At most 64 steps: the index halves each time. */
    for (;;) {
        uint64_t addr, code, data;
        struct acc node;
        uint8_t buf[16];

        index = (index >> 1) & ~(uint64_t)(size - 1);
        if (index == 0) {
            set_sort_reg(cpu, 5, 0);
            cpu_set_cc(cpu, 1);
            return 0;
        }
        if (sort_reg(cpu, 0) & sort_sign(cpu)) {
            set_sort_reg(cpu, 5, index);
            cpu_set_cc(cpu, 3);
            return 0;
        }
        /* The node is aligned on its size, so it lies within one page. */
        addr = cpu_wrap(cpu, base + index);
        exc = mmu_prepare(cpu, &node, 4, addr, size, ACC_FETCH);
        if (exc)
            return exc;
        acc_read(&node, 0, buf, size);
        code = unit_value(buf, half);
        data = unit_value(buf + half, half);
        if (code == sort_reg(cpu, 0)) {
            set_sort_reg(cpu, 2, code);
            set_sort_reg(cpu, 3, data);
            set_sort_reg(cpu, 5, index);
            cpu_set_cc(cpu, 0);
            return 0;
        }
        if (code > sort_reg(cpu, 0)) {
            uint64_t old[2] = { sort_reg(cpu, 0), sort_reg(cpu, 1) };

            exc = mmu_prepare(cpu, &node, 4, addr, size, ACC_STORE);
            if (exc)
                return exc;
            for (uint32_t i = 0; i < size; i++)
                acc_set(&node, i, (uint8_t)(old[i / half] >> (8 * (half - 1 - i % half))));
            set_sort_reg(cpu, 0, code);
            set_sort_reg(cpu, 1, data);
        }
        set_sort_reg(cpu, 5, index);
    }
}
