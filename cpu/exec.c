/* The execution loop: fetch through the decoded-instruction cache, dispatch,
 * complete or present the exception. Also EXECUTE, which re-enters decode. */
#include "cpu/cpu.h"

#include <stdlib.h>
#include "cpu/insn.h"
#include "cpu/model.h"
#include "cpu/tod.h"
#include "cpu/trace.h"
#include "hw/doors.h"
#include "mmu/mmu.h"
#include "sie/sie.h"
#include "util/die.h"

/* Decoded-instruction cache: direct-mapped by absolute halfword address.
 * A record is valid while its tag matches and the frame's code generation
 * has not moved (a store into the frame bumps it: self-modifying code). */
#define ICACHE_BITS 16
#define ICACHE_SIZE (1u << ICACHE_BITS)

struct icache_slot {
    uint64_t tag;           /* absolute address + 1; 0 = empty */
    struct insn in;
};

struct icache {
    struct icache_slot slot[ICACHE_SIZE];
};

static struct icache_slot *icache_slot(struct icache *ic, uint64_t aaddr)
{
    return &ic->slot[(aaddr >> 1) & (ICACHE_SIZE - 1)];
}

exc_t insn_unimpl(struct cpu *cpu, const struct insn *in)
{
    trace_unimp(cpu, in);
    return EXC_PGM(PGM_OPERATION);
}

/* Privileged instructions go through here: problem state gets the
 * privileged-operation exception, else the model's handler runs. */
static exc_t insn_privileged(struct cpu *cpu, const struct insn *in)
{
    if (cpu_problem_state(cpu))
        return EXC_PGM(PGM_PRIVILEGED_OP);
    return cpu->model->dispatch[in->id](cpu, in);
}

/* Decode @bytes for @cpu's model. */
static void decode(struct cpu *cpu, const uint8_t *bytes, struct insn *in)
{
    if (insn_decode(bytes, cpu->model->dispatch, in) &&
        insn_info[in->id].priv == PRIV_PRIV && in->fn != insn_unimpl)
        in->fn = insn_privileged;
}

/* Find or decode the instruction at @ia. Returns 0 with *inp set (pointing
 * into the cache or at @scratch), or the instruction-fetch exception. */
static exc_t fetch_decode(struct cpu *cpu, uint64_t ia, struct insn *scratch,
                          const struct insn **inp)
{
    const uint8_t *p = tlb_hit(cpu->tlb.ifetch, ia, 2);
    uint8_t buf[6];
    uint64_t aaddr;
    struct icache_slot *s;
    exc_t exc;

    if (likely(p != NULL)) {
        aaddr = (uint64_t)(p - cpu->mem->ram);
        s = icache_slot(cpu->icache, aaddr);
        if (likely(s->tag == aaddr + 1 && s->in.gen == cpu->mem->code_gen[aaddr >> 12])) {
            *inp = &s->in;
            return 0;
        }
    }
    if (ia & 1)
        return EXC_PGM(PGM_SPECIFICATION);  /* odd instruction address: ILC 0 */
    exc = mmu_ifetch(cpu, ia, buf, &aaddr);
    if (exc)
        return exc;
    if (((aaddr & ~PAGE_MASK) + insn_len(buf[0])) > PAGE_SIZE) {
        decode(cpu, buf, scratch);          /* crosses a frame: not cached */
        *inp = scratch;
    } else {
        uint64_t frame = aaddr >> 12;

        if (!cpu->mem->code[frame]) {
            cpu->mem->code[frame] = 1;
            mmu_tlb_drop_store_frame(cpu, aaddr);
        }
        s = icache_slot(cpu->icache, aaddr);
        decode(cpu, buf, &s->in);
        s->in.gen = cpu->mem->code_gen[frame];
        s->tag = aaddr + 1;
        *inp = &s->in;
    }
    trace_in_asm(cpu, *inp, ia);
    return 0;
}

/* Handle cpu->attn before the next instruction. Returns false if the CPU
 * must not execute now (stopped or waiting). */
static bool attention(struct cpu *cpu)
{
    if (cpu->attn & ATTN_PSW_INVALID) {
        cpu->attn &= ~ATTN_PSW_INVALID;
        cpu->ilen = 0;
        cpu->next_ia = cpu->psw.addr;
        cpu_program_interrupt(cpu, EXC_PGM(PGM_SPECIFICATION));
        return true;
    }
    if (cpu->attn & ATTN_IRQ)
        cpu_deliver_interrupts(cpu);
    if ((cpu->attn & ATTN_DEBUG) && door_debug_check(cpu))
        return false;
    return cpu->state == CPU_OPERATING;
}

/* Execute @in at @ia as step() does, tracing it and the registers and
 * condition code it changed (-d exec). */
static COLD void step_traced(struct cpu *cpu, const struct insn *in, uint64_t ia)
{
    uint64_t before[16];
    uint8_t cc = cpu->cc;
    exc_t exc;

    memcpy(before, cpu->gr, sizeof(before));
    trace_exec_cold(cpu, in, ia);
    exc = in->fn(cpu, in);
    trace_exec_changes(cpu, before, cc);
    if (likely(!exc)) {
        cpu->psw.addr = cpu->next_ia;
        cpu->icount++;
        return;
    }
    cpu_program_interrupt(cpu, exc);
}

/* Execute one instruction of @cpu. */
static void step(struct cpu *cpu)
{
    struct insn scratch;
    const struct insn *in;
    uint64_t ia = cpu->psw.addr;
    exc_t exc = fetch_decode(cpu, ia, &scratch, &in);

    if (unlikely(exc)) {
        cpu->ilen = 0;
        cpu->next_ia = ia;
        cpu_program_interrupt(cpu, exc);
        return;
    }
    cpu->ia = ia;
    cpu->ilen = in->len;
    cpu->next_ia = cpu_wrap(cpu, ia + in->len);
    if (unlikely(cpu->sie != NULL)) {       /* the instruction-interception hook */
        exc = sie_intercept_insn(cpu, in, 0);
        if (exc) {
            cpu_program_interrupt(cpu, exc);
            return;
        }
    }
    if (unlikely(cpu->trace & TR_EXEC)) {
        step_traced(cpu, in, ia);
        return;
    }
    exc = in->fn(cpu, in);
    if (likely(!exc)) {
        cpu->psw.addr = cpu->next_ia;
        cpu->icount++;
        return;
    }
    cpu_program_interrupt(cpu, exc);
}

uint64_t cpu_run(struct cpu *cpu, uint64_t budget)
{
    uint64_t done = 0;

    cpu->exit_loop = false;
    while (done < budget) {
        if (unlikely(cpu->attn & ATTN_PSW_INVALID)) {
            /* Counted like an instruction: a new PSW that is itself invalid
             * loops here as on the machine, but slices still end. */
            attention(cpu);
            done++;
            continue;
        }
        if (unlikely(cpu->attn) && !attention(cpu))
            break;
        if (unlikely(cpu->psw.mask & PSW_MASK_WAIT)) {
            if (unlikely(cpu->sie != NULL)) {   /* guest wait: intercept */
                sie_wait(cpu);
                continue;
            }
            cpu->waiting = true;
            break;
        }
        step(cpu);
        done++;
        if (unlikely(cpu->exit_loop))
            break;
    }
    return done;
}

void cpu_init(struct cpu *cpu, uint16_t addr, struct storage *mem, struct machine *m,
              const struct cpu_model *model)
{
    memset(cpu, 0, sizeof(*cpu));
    cpu->cpu_addr = addr;
    cpu->mem = mem;
    cpu->machine = m;
    cpu->model = model;
    cpu->mmu_fac = (model->fac[FAC_EDAT1] ? MMU_FAC_EDAT1 : 0) |
                   (model->fac[FAC_EDAT2] ? MMU_FAC_EDAT2 : 0);
    cpu->icache = calloc(1, sizeof(struct icache));
    if (!cpu->icache)
        die("out of memory for the decoded-instruction cache");
    cpu_clear_reset(cpu);
}

void cpu_reset(struct cpu *cpu)
{
    if (unlikely(cpu->sie != NULL))
        sie_interrupted(cpu);
    cpu->state = CPU_STOPPED;
    cpu->irq_pending = 0;
    cpu->emsig_from = 0;
    cpu->xcall_from = 0;
    cpu->attn &= ATTN_DEBUG;               /* the debugger's watch survives resets */
    cpu->waiting = false;
    cpu->exit_loop = true;
}

void cpu_initial_reset(struct cpu *cpu)
{
    cpu_reset(cpu);
    memset(cpu->cr, 0, sizeof(cpu->cr));
    cpu->cr[0] = 0xe0;
    cpu->cr[14] = 0xc2000000u;
    cpu->fpc = 0;
    cpu->prefix = 0;
    cpu->todpr = 0;
    cpu->cputm = 0;
    cpu->cputm_raw = tod_raw();
    cpu->ckc = 0;
    cpu->bea = 1;
    cpu->psw.mask = 0;
    cpu->psw.addr = 0;
    cpu->cc = 0;
    mmu_tlb_flush(cpu);
}

void cpu_clear_reset(struct cpu *cpu)
{
    cpu_initial_reset(cpu);
    memset(cpu->gr, 0, sizeof(cpu->gr));
    memset(cpu->ar, 0, sizeof(cpu->ar));
    memset(cpu->vr, 0, sizeof(cpu->vr));
}

/* EXECUTE the instruction at @target, its second byte ORed with bits 56-63
 * of GR @r1 (unless @r1 is 0). PoO "EXECUTE". Returns the target's outcome. */
static exc_t execute_target(struct cpu *cpu, unsigned r1, uint64_t target)
{
    uint8_t buf[6];
    uint64_t aaddr;
    struct insn tin;
    uint64_t saved_ia = cpu->ia;
    exc_t exc;

    if (target & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_ifetch(cpu, target, buf, &aaddr);
    if (exc)
        return exc;
    if (r1)
        buf[1] |= (uint8_t)cpu->gr[r1];
    decode(cpu, buf, &tin);
    if (tin.id == INSN_EX || tin.id == INSN_EXRL)
        return EXC_PGM(PGM_EXECUTE);
    if (unlikely(cpu->sie != NULL)) {       /* interception of an execute target */
        exc = sie_intercept_insn(cpu, &tin, cpu->ilen);
        if (exc)
            return exc;
    }
    trace_in_asm(cpu, &tin, target);
    cpu->ia = target;                     /* relative operands count from the target */
    exc = tin.fn(cpu, &tin);
    cpu->ia = saved_ia;
    return exc;
}

/* EX - EXECUTE (RX-a). Returns the target's exception, or execute/specification. */
exc_t insn_ex(struct cpu *cpu, const struct insn *in)
{
    return execute_target(cpu, in->r1, insn_addr2(cpu, in));
}

/* EXRL - EXECUTE RELATIVE LONG (RIL-b). Returns as EX does. */
exc_t insn_exrl(struct cpu *cpu, const struct insn *in)
{
    return execute_target(cpu, in->r1, insn_rel(cpu, in));
}
