/* The CPU's timing facilities (PoO chapter 4, "Timing"): SET CLOCK, the TOD
 * programmable register, the clock comparator and the CPU timer, and the
 * two external-interruption conditions they raise. The conditions are
 * levels: pending exactly while TOD > CKC, resp. while the CPU timer is
 * negative. They are evaluated lazily, when something could make them
 * matter (cpu_update_attn, the machine's run slices and idle), never per
 * instruction. */
#include "cpu/cpu.h"

#include "cpu/insn.h"
#include "cpu/tod.h"
#include "mmu/mmu.h"
#include "sie/sie.h"

void cpu_timer_sync(struct cpu *cpu, uint64_t raw)
{
    if (cpu->state == CPU_OPERATING)
        cpu->cputm -= (int64_t)(raw - cpu->cputm_raw);
    cpu->cputm_raw = raw;
}

int64_t cpu_timer_get(struct cpu *cpu)
{
    cpu_timer_sync(cpu, tod_raw());
    return cpu->cputm;
}

/* Set the pending bit @bit to @on. */
static void set_pending(struct cpu *cpu, uint32_t bit, bool on)
{
    if (on)
        cpu->irq_pending |= bit;
    else
        cpu->irq_pending &= ~bit;
}

void cpu_timer_check(struct cpu *cpu)
{
    uint64_t now = tod_raw();

    cpu_timer_sync(cpu, now);
    set_pending(cpu, IRQ_EXT_CKC, tod_from_raw(now) + cpu->epoch > cpu->ckc);
    set_pending(cpu, IRQ_EXT_CPUTIMER, cpu->cputm < 0);
}

/* The raw time @delta + 1 units after @now, short of UINT64_MAX ("never"). */
static uint64_t after(uint64_t now, uint64_t delta)
{
    return delta >= UINT64_MAX - 2 - now ? UINT64_MAX - 1 : now + delta + 1;
}

uint64_t cpu_timer_deadline(struct cpu *cpu)
{
    uint64_t now, tod, deadline = UINT64_MAX;

    if (unlikely(cpu->sie != NULL))         /* the host's timers run on in SIE */
        deadline = sie_host_deadline(cpu);
    if (!(cpu->psw.mask & PSW_MASK_EXT) ||
        !(cpu->cr[0] & (CR0_CKC_SUBMASK | CR0_CPUTM_SUBMASK)))
        return deadline;
    now = tod_raw();
    cpu_timer_sync(cpu, now);
    tod = tod_from_raw(now) + cpu->epoch;
    if ((cpu->cr[0] & CR0_CKC_SUBMASK) && cpu->ckc != UINT64_MAX)
        deadline = tod > cpu->ckc ? now : after(now, cpu->ckc - tod);
    if (cpu->cr[0] & CR0_CPUTM_SUBMASK) {
        uint64_t t = cpu->cputm < 0 ? now : after(now, (uint64_t)cpu->cputm);

        if (t < deadline)
            deadline = t;
    }
    return deadline;
}

/* Fetch the doubleword operand of an S-format timer instruction, which
 * must be on a doubleword boundary. Returns 0, specification or access. */
static exc_t fetch_dw(struct cpu *cpu, const struct insn *in, uint64_t *v)
{
    uint64_t addr = insn_addr2(cpu, in);

    if (addr & 7)
        return EXC_PGM(PGM_SPECIFICATION);
    return mmu_fetch_u64(cpu, in->b2, addr, v);
}

/* Store @v at the doubleword-aligned operand. Returns 0, specification or access. */
static exc_t store_dw(struct cpu *cpu, const struct insn *in, uint64_t v)
{
    uint64_t addr = insn_addr2(cpu, in);

    if (addr & 7)
        return EXC_PGM(PGM_SPECIFICATION);
    return mmu_store_u64(cpu, in->b2, addr, v);
}

/* SCK - SET CLOCK (S): the TOD clock takes the doubleword operand; CC 0
 * (clock value set). The clock-comparator conditions of every CPU follow
 * the new value at their next check. Returns 0, specification or access. */
exc_t insn_sck(struct cpu *cpu, const struct insn *in)
{
    uint64_t v;
    exc_t exc = fetch_dw(cpu, in, &v);

    if (exc)
        return exc;
    tod_set(v);
    cpu_set_cc(cpu, 0);
    cpu_update_attn(cpu);
    return 0;
}

/* SCKPF - SET CLOCK PROGRAMMABLE FIELD (E): the TOD programmable register
 * takes bits 48-63 of GR0; bits 32-47 must be zero. Returns 0 or
 * specification. */
exc_t insn_sckpf(struct cpu *cpu, const struct insn *in)
{
    (void)in;
    if (cpu->gr[0] & UINT64_C(0xffff0000))
        return EXC_PGM(PGM_SPECIFICATION);
    cpu->todpr = (uint16_t)cpu->gr[0];
    return 0;
}

/* SCKC - SET CLOCK COMPARATOR (S). Returns 0, specification or access. */
exc_t insn_sckc(struct cpu *cpu, const struct insn *in)
{
    uint64_t v;
    exc_t exc = fetch_dw(cpu, in, &v);

    if (exc)
        return exc;
    cpu->ckc = v;
    cpu_timer_check(cpu);
    cpu_update_attn(cpu);
    return 0;
}

/* STCKC - STORE CLOCK COMPARATOR (S). Returns 0, specification or access. */
exc_t insn_stckc(struct cpu *cpu, const struct insn *in)
{
    return store_dw(cpu, in, cpu->ckc);
}

/* SPT - SET CPU TIMER (S). Returns 0, specification or access. */
exc_t insn_spt(struct cpu *cpu, const struct insn *in)
{
    uint64_t v;
    exc_t exc = fetch_dw(cpu, in, &v);

    if (exc)
        return exc;
    cpu_timer_sync(cpu, tod_raw());
    cpu->cputm = (int64_t)v;
    cpu_timer_check(cpu);
    cpu_update_attn(cpu);
    return 0;
}

/* STPT - STORE CPU TIMER (S). Returns 0, specification or access. */
exc_t insn_stpt(struct cpu *cpu, const struct insn *in)
{
    return store_dw(cpu, in, (uint64_t)cpu_timer_get(cpu));
}
