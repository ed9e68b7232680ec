/* Miscellaneous general instructions (PoO chapter 7): SUPERVISOR CALL,
 * program-mask and PSW extraction, MONITOR CALL, the TOD-clock stores,
 * access-register moves, EXTRACT CACHE ATTRIBUTE, PREFETCH DATA, TEST AND
 * SET, EXTRACT CPU TIME. */
#include "cpu/cpu.h"

#include "cpu/insn.h"
#include "cpu/tod.h"
#include "mmu/mmu.h"

/* SVC - SUPERVISOR CALL (I): the SVC interruption with the I field as code.
 * Returns 0 (the interruption is presented here). */
exc_t insn_svc(struct cpu *cpu, const struct insn *in)
{
    cpu_svc_interrupt(cpu, (uint8_t)in->i2);
    return 0;
}

/* IPM - INSERT PROGRAM MASK (RRE): bits 32-39 of R1 become 00, CC, program
 * mask; the rest unchanged. Returns 0. */
exc_t insn_ipm(struct cpu *cpu, const struct insn *in)
{
    uint32_t v = cpu_gr32(cpu, in->r1) & 0x00ffffffu;

    v |= (uint32_t)cpu->cc << 28 | cpu_pm(cpu) << 24;
    cpu_set_gr32(cpu, in->r1, v);
    return 0;
}

/* SPM - SET PROGRAM MASK (RR): CC from bits 34-35 and program mask from bits
 * 36-39 of R1. Returns 0. */
exc_t insn_spm(struct cpu *cpu, const struct insn *in)
{
    uint32_t v = cpu_gr32(cpu, in->r1);

    cpu_set_cc(cpu, (v >> 28) & 3);
    cpu->psw.mask = (cpu->psw.mask & ~PSW_MASK_PM) | (uint64_t)((v >> 24) & 0xf) << 40;
    return 0;
}

/* EPSW - EXTRACT PSW (RRE): PSW bits 0-31 into bits 32-63 of R1, then bits
 * 32-63 into bits 32-63 of R2 unless R2 is 0. Returns 0. */
exc_t insn_epsw(struct cpu *cpu, const struct insn *in)
{
    uint64_t mask = cpu_psw_mask(cpu);

    cpu_set_gr32(cpu, in->r1, (uint32_t)(mask >> 32));
    if (in->r2)
        cpu_set_gr32(cpu, in->r2, (uint32_t)mask);
    return 0;
}

/* MC - MONITOR CALL (SI): bits 8-11 of the I2 field must be zero; a
 * monitor event is recognized when the CR8 mask bit (48 + class) is one,
 * with the first-operand address as monitor code. PoO "MONITOR CALL".
 * Returns 0, specification or monitor event. */
exc_t insn_mc(struct cpu *cpu, const struct insn *in)
{
    uint8_t i2 = (uint8_t)in->i2;
    unsigned cls = i2 & 0xf;

    if (i2 & 0xf0)
        return EXC_PGM(PGM_SPECIFICATION);
    if (!(cpu->cr[8] & BIT64(48 + cls)))
        return 0;
    cpu->exc.monitor_class = (uint16_t)cls;
    cpu->exc.monitor_code = insn_addr1(cpu, in);
    return EXC_PGM(PGM_MONITOR_EVENT);
}

/* ---- TOD clock ------------------------------------------------------------- */

/* STCK - STORE CLOCK (S): a unique, increasing TOD value; CC 0. Returns 0
 * or the store exception. */
exc_t insn_stck(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    struct acc a;
    uint8_t buf[8];
    exc_t exc = mmu_prepare(cpu, &a, in->b2, addr, 8, ACC_STORE);

    if (exc)
        return exc;
    st_be64(buf, tod_clock_unique() + cpu->epoch);
    acc_write(&a, 0, buf, 8);
    cpu_set_cc(cpu, 0);
    return 0;
}

/* STCKF - STORE CLOCK FAST (S): the TOD value, uniqueness not required; CC 0.
 * Returns 0 or the store exception. */
exc_t insn_stckf(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    struct acc a;
    uint8_t buf[8];
    exc_t exc = mmu_prepare(cpu, &a, in->b2, addr, 8, ACC_STORE);

    if (exc)
        return exc;
    st_be64(buf, tod_clock() + cpu->epoch);
    acc_write(&a, 0, buf, 8);
    cpu_set_cc(cpu, 0);
    return 0;
}

/* STCKE - STORE CLOCK EXTENDED (S): epoch index 0, TOD bits 0-63, zero
 * bits 64-103, the TOD programmable field; CC 0. Returns 0 or the store
 * exception. PoO "STORE CLOCK EXTENDED". */
exc_t insn_stcke(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    struct acc a;
    uint8_t buf[16] = { 0 };
    exc_t exc = mmu_prepare(cpu, &a, in->b2, addr, 16, ACC_STORE);

    if (exc)
        return exc;
    st_be64(buf + 1, tod_clock_unique() + cpu->epoch);
    st_be16(buf + 14, (uint16_t)cpu->todpr);
    acc_write(&a, 0, buf, 16);
    cpu_set_cc(cpu, 0);
    return 0;
}

/* ---- access registers ----------------------------------------------------------- */

/* EAR - EXTRACT ACCESS (RRE). Returns 0. */
exc_t insn_ear(struct cpu *cpu, const struct insn *in)
{
    cpu_set_gr32(cpu, in->r1, cpu->ar[in->r2]);
    return 0;
}

/* SAR - SET ACCESS (RRE). Returns 0. */
exc_t insn_sar(struct cpu *cpu, const struct insn *in)
{
    cpu->ar[in->r1] = cpu_gr32(cpu, in->r2);
    return 0;
}

/* CPYA - COPY ACCESS (RRE). Returns 0. */
exc_t insn_cpya(struct cpu *cpu, const struct insn *in)
{
    cpu->ar[in->r1] = cpu->ar[in->r2];
    return 0;
}

/* Number of access registers R1 to R3, wrapping from 15 to 0. */
static unsigned ar_count(const struct insn *in)
{
    return ((in->r3 - in->r1) & 15u) + 1;
}

/* LAM - LOAD ACCESS MULTIPLE (RS-a): word boundary required. Returns 0,
 * specification or the fetch exception. */
exc_t insn_lam(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    unsigned n = ar_count(in);
    uint8_t buf[64];
    struct acc a;
    exc_t exc;

    if (addr & 3)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_prepare(cpu, &a, in->b2, addr, 4 * n, ACC_FETCH);
    if (exc)
        return exc;
    acc_read(&a, 0, buf, 4 * n);
    for (unsigned i = 0; i < n; i++)
        cpu->ar[(in->r1 + i) & 15] = ld_be32(buf + 4 * i);
    return 0;
}

/* LAMY - LOAD ACCESS MULTIPLE (RSY-a). Returns as LAM. */
exc_t insn_lamy(struct cpu *cpu, const struct insn *in)
{
    return insn_lam(cpu, in);
}

/* STAM - STORE ACCESS MULTIPLE (RS-a): word boundary required. Returns 0,
 * specification or the store exception. */
exc_t insn_stam(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    unsigned n = ar_count(in);
    uint8_t buf[64];
    struct acc a;
    exc_t exc;

    if (addr & 3)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_prepare(cpu, &a, in->b2, addr, 4 * n, ACC_STORE);
    if (exc)
        return exc;
    for (unsigned i = 0; i < n; i++)
        st_be32(buf + 4 * i, cpu->ar[(in->r1 + i) & 15]);
    acc_write(&a, 0, buf, 4 * n);
    return 0;
}

/* STAMY - STORE ACCESS MULTIPLE (RSY-a). Returns as STAM. */
exc_t insn_stamy(struct cpu *cpu, const struct insn *in)
{
    return insn_stam(cpu, in);
}

/* ---- cache attributes and prefetch ---------------------------------------------- */

/* z196-like cache topology: per level, scope (bits 4-5: 1 private, 2
 * shared) and type (bits 6-7: 0 separate I and D, 3 unified). */
static const uint8_t cache_summary[8] = { 0x04, 0x07, 0x0b, 0x0b };

struct cache_level {
    uint64_t line, size[2], assoc[2];   /* [0] data or unified, [1] instruction */
};

static const struct cache_level cache_levels[4] = {
    { 256, { 128 * 1024, 64 * 1024 }, { 8, 4 } },
    { 256, { 1536 * 1024, 1536 * 1024 }, { 12, 12 } },
    { 256, { 24 * 1024 * 1024, 24 * 1024 * 1024 }, { 12, 12 } },
    { 256, { 192 * 1024 * 1024, 192 * 1024 * 1024 }, { 24, 24 } },
};

/* ECAG - EXTRACT CPU ATTRIBUTE (RSY-a): bits 56-59 of the second-operand
 * address select the attribute (0 topology summary, 1 line size, 2 total
 * size, 3 associativity), 60-62 the level, 63 data (0) or instruction (1).
 * Reserved attributes and absent levels give all ones. Returns 0. */
exc_t insn_ecag(struct cpu *cpu, const struct insn *in)
{
    uint8_t sel = (uint8_t)insn_addr2(cpu, in);
    unsigned ai = sel >> 4, li = (sel >> 1) & 7, ti = sel & 1;
    uint64_t v = UINT64_MAX;

    if (ai == 0) {
        v = ld_be64(cache_summary);
    } else if (li < 4) {
        const struct cache_level *c = &cache_levels[li];

        if (ai == 1)
            v = c->line;
        else if (ai == 2)
            v = c->size[ti];
        else if (ai == 3)
            v = c->assoc[ti];
    }
    cpu->gr[in->r1] = v;
    return 0;
}

/* PFD - PREFETCH DATA (RXY-b): a hint; never an access exception. Returns 0. */
exc_t insn_pfd(struct cpu *cpu, const struct insn *in)
{
    return 0;
}

/* PFDRL - PREFETCH DATA RELATIVE LONG (RIL-c): a hint. Returns 0. */
exc_t insn_pfdrl(struct cpu *cpu, const struct insn *in)
{
    return 0;
}

/* ---- test and set, CPU time --------------------------------------------------------- */

/* TS - TEST AND SET (S): CC from the leftmost bit of the byte, which is set
 * to all ones (interlocked). Returns 0 or the access exception. */
exc_t insn_ts(struct cpu *cpu, const struct insn *in)
{
    struct acc a;
    uint8_t old;
    exc_t exc = mmu_prepare(cpu, &a, in->b2, insn_addr2(cpu, in), 1, ACC_STORE);

    if (exc)
        return exc;
    old = acc_get(&a, 0);
    acc_set(&a, 0, 0xff);
    cpu_set_cc(cpu, old >> 7);
    return 0;
}

/* ECTG - EXTRACT CPU TIME (SSF): GR0 = first operand - CPU timer, GR1 =
 * second operand, GR R3 = the doubleword GR R3 designates. Returns 0 or a
 * fetch exception. */
exc_t insn_ectg(struct cpu *cpu, const struct insn *in)
{
    uint64_t op1, op2, op3;
    exc_t exc;

    exc = mmu_fetch_u64(cpu, in->b1, insn_addr1(cpu, in), &op1);
    if (exc)
        return exc;
    exc = mmu_fetch_u64(cpu, in->b2, insn_addr2(cpu, in), &op2);
    if (exc)
        return exc;
    exc = mmu_fetch_u64(cpu, in->r3, cpu_wrap(cpu, cpu->gr[in->r3]), &op3);
    if (exc)
        return exc;
    cpu->gr[0] = op1 - (uint64_t)cpu_timer_get(cpu);
    cpu->gr[1] = op2;
    cpu->gr[in->r3] = op3;
    return 0;
}
