/* Explicit tracing: TRACE and TRACE (64) (PoO chapter 4, "Tracing", and
 * chapter 10). With the explicit-trace control (CR12 bit 63) one, an entry
 * with the TOD clock, the operand and a range of general registers goes to
 * the trace table at the real trace-entry address in CR12, which then
 * points past it. */
#include "cpu/insn.h"

#include <string.h>
#include "cpu/tod.h"
#include "mmu/mmu.h"

#define CR12_EXPLICIT   UINT64_C(1)                     /* bit 63: explicit tracing */
#define CR12_TEA        UINT64_C(0x3ffffffffffffffc)    /* bits 2-61: trace-entry address */
#define TRACE_FMT       0x70                            /* byte 0: 0111, then N */
#define TRACG_FMT2      0x80                            /* byte 1 of a TRACG entry */
#define TRACE_NO_ENTRY  0x80000000u                     /* operand bit 0 */
#define TRACE_MAX       (16 + 16 * 8)

/* The second operand of TRACE and TRACG, or *skip when explicit tracing is
 * off or bit 0 of the operand is one. Returns 0, specification (not on a
 * word boundary) or the fetch exception. */
static exc_t trace_operand(struct cpu *cpu, const struct insn *in, uint32_t *op, bool *skip)
{
    uint64_t addr = insn_addr2(cpu, in);
    exc_t exc;

    *skip = true;
    if (addr & 3)
        return EXC_PGM(PGM_SPECIFICATION);
    if (!(cpu->cr[12] & CR12_EXPLICIT))
        return 0;
    exc = mmu_fetch_u32(cpu, in->b2, addr, op);
    if (exc)
        return exc;
    *skip = (*op & TRACE_NO_ENTRY) != 0;
    return 0;
}

/* Store the @len-byte trace entry @e at the trace-entry address and advance
 * CR12. Returns 0, trace table (the entry would reach the next 4K
 * boundary), protection (low-address) or addressing. */
static exc_t trace_store(struct cpu *cpu, const uint8_t *e, unsigned len)
{
    uint64_t tea = cpu->cr[12] & CR12_TEA;
    uint8_t *host;
    exc_t exc;

    if (((tea + len) & PAGE_MASK) != (tea & PAGE_MASK))
        return EXC_PGM(PGM_TRACE_TABLE);
    exc = mmu_real_host(cpu, tea, len, ACC_STORE, &host);
    if (exc)
        return exc;
    memcpy(host, e, len);
    cpu->cr[12] = (cpu->cr[12] & ~CR12_TEA) | ((tea + len) & CR12_TEA);
    return 0;
}

/* The number of registers R1 through R3 (wrapping after 15), less one. */
static unsigned reg_count_less1(const struct insn *in)
{
    return (in->r3 - in->r1) & 15;
}

/* Form and store the entry of TRACE (@wide false: TOD bits 16-63, bits
 * 32-63 of R1 through R3) or TRACG (TOD bits 0-79, all 64 bits). Returns 0 or
 * as trace_operand and trace_store. */
static exc_t explicit_trace(struct cpu *cpu, const struct insn *in, bool wide)
{
    uint8_t e[TRACE_MAX] = { 0 };
    unsigned n = reg_count_less1(in);
    unsigned hdr = wide ? 16 : 12, size = wide ? 8 : 4;
    uint64_t tod;
    uint32_t op;
    bool skip;
    exc_t exc = trace_operand(cpu, in, &op, &skip);

    if (exc || skip)
        return exc;
    tod = tod_clock_unique() + cpu->epoch;
    e[0] = (uint8_t)(TRACE_FMT | n);
    if (wide) {
        e[1] = TRACG_FMT2;
        st_be64(e + 2, tod);                /* bits 64-79 (bytes 10-11) stay zero */
    } else {
        st_be16(e + 2, (uint16_t)(tod >> 32));
        st_be32(e + 4, (uint32_t)tod);
    }
    st_be32(e + hdr - 4, op);
    for (unsigned i = 0; i <= n; i++) {
        uint64_t r = cpu->gr[(in->r1 + i) & 15];

        if (wide)
            st_be64(e + hdr + 8 * i, r);
        else
            st_be32(e + hdr + 4 * i, (uint32_t)r);
    }
    return trace_store(cpu, e, hdr + size * (n + 1));
}

/* TRACE - TRACE (RS-a). Privileged (the dispatcher checks). Returns as
 * explicit_trace. PoO ch. 10, "TRACE". */
exc_t insn_trace(struct cpu *cpu, const struct insn *in)
{
    return explicit_trace(cpu, in, false);
}

/* TRACG - TRACE (64) (RSY-a). Privileged. Returns as explicit_trace. */
exc_t insn_tracg(struct cpu *cpu, const struct insn *in)
{
    return explicit_trace(cpu, in, true);
}
