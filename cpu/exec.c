/* The execution loop: run decoded blocks, dispatch, complete or present the
 * exception. Also EXECUTE, which re-enters decode. */
#include "cpu/cpu.h"

#include <stdlib.h>
#include "cpu/insn.h"
#include "cpu/jit.h"
#include "cpu/model.h"
#include "cpu/tod.h"
#include "cpu/trace.h"
#include "hw/doors.h"
#include "mmu/mmu.h"
#include "sie/sie.h"
#include "util/die.h"

/* Decoded blocks: a straight-line run of instructions inside one frame,
 * decoded as execution first reaches each of them, direct-mapped by the
 * absolute address of the first. A block is valid while its tag matches and
 * the frame's code generation has not moved (a store into the frame bumps
 * it: self-modifying code). The tags sit apart from the decoded records so
 * that a lookup touches one small array and the records stay line-aligned. */
#define TB_BITS  14
#define TB_COUNT (1u << TB_BITS)
#define TB_INSNS 16

/* Entries into a block before it is compiled. */
#define JIT_HOT 32u

struct icache {
    struct tb_tag tag[TB_COUNT];
    uint8_t mru[TB_COUNT / 2];      /* per set of two slots: the one used last */
    struct insn (*in)[TB_INSNS];    /* TB_COUNT blocks, allocated apart (aligned) */
};

/* The first of the two slots (a set) where a block starting at absolute
 * @aaddr may be. Two ways: the kernel's and a program's hot code meet in
 * a direct-mapped cache often enough to decode the same blocks again and
 * again. */
static unsigned tb_set(uint64_t aaddr)
{
    return 2 * ((unsigned)((aaddr >> 1) ^ (aaddr >> TB_BITS)) & (TB_COUNT / 2 - 1));
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

/* Handle cpu->attn before the next instruction. Returns false if the CPU
 * must not execute now (stopped or waiting). */
static bool attention(struct cpu *cpu)
{
    cpu->attn &= ~ATTN_REFETCH;
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

/* Run @in at @ia with the per-instruction hooks: the SIE instruction
 * interception and -d exec (the instruction, then the registers and the
 * condition code it changed). Returns the instruction's outcome. */
static COLD exc_t exec_hooked(struct cpu *cpu, const struct insn *in, uint64_t ia)
{
    uint64_t before[16];
    uint8_t cc = cpu->cc;
    exc_t exc;

    if (cpu->sie != NULL) {
        exc = sie_intercept_insn(cpu, in, 0);
        if (exc)
            return exc;
    }
    if (!(cpu->trace & TR_EXEC))
        return in->fn(cpu, in);
    memcpy(before, cpu->gr, sizeof(before));
    trace_exec_cold(cpu, in, ia);
    exc = in->fn(cpu, in);
    trace_exec_changes(cpu, before, cc);
    return exc;
}

/* Does @cpu need exec_hooked for every instruction? */
static inline bool exec_needs_hooks(const struct cpu *cpu)
{
    return cpu->sie != NULL || (cpu->trace & TR_EXEC);
}

/* Execute @in at @ia with next_ia @next, then complete it or present its
 * exception. Returns false on an exception. */
static inline bool exec_one(struct cpu *cpu, const struct insn *in, uint64_t ia, uint64_t next,
                            bool hooked)
{
    exc_t exc;

    cpu->ia = ia;
    cpu->ilen = in->len;
    cpu->next_ia = next;
    if (unlikely(hooked))
        exc = exec_hooked(cpu, in, ia);
    else
        exc = in->fn(cpu, in);
    if (unlikely(exc)) {
        cpu_program_interrupt(cpu, exc);
        return false;
    }
    cpu->psw.addr = cpu->next_ia;
    cpu->icount++;
    return true;
}

/* Fetch the instruction at @ia through the TLB's slow path (filling it).
 * Returns its host address, or NULL once the instruction is done: it
 * crossed a frame boundary (decoded and executed here, never cached) or
 * its fetch ended in an exception. */
static const uint8_t *fetch_slow(struct cpu *cpu, uint64_t ia)
{
    struct insn in;
    uint8_t buf[6];
    uint64_t aaddr;
    exc_t exc = mmu_ifetch(cpu, ia, buf, &aaddr);

    if (exc) {
        /* PoO ch. 6 "ILC on Instruction-Fetching Exceptions": ILC 1, 2 or
         * 3 (here 1) and, for a suppressing exception (addressing,
         * protection), the instruction address advanced by that many
         * halfwords; a nullifying one leaves it at the instruction. */
        cpu->ilen = 2;
        cpu->next_ia = cpu_wrap(cpu, ia + 2);
        cpu_program_interrupt(cpu, exc);
        return NULL;
    }
    if ((aaddr & ~PAGE_MASK) + insn_len(buf[0]) <= PAGE_SIZE)
        return cpu->mem->ram + aaddr;
    decode(cpu, buf, &in);
    trace_in_asm(cpu, &in, ia);
    exec_one(cpu, &in, ia, cpu_wrap(cpu, ia + in.len), exec_needs_hooks(cpu));
    return NULL;
}

/* The slot of the valid block for the instruction at absolute @aaddr,
 * emptied and claimed for it if the slot held another block or stale code. */
static unsigned tb_find(struct cpu *cpu, uint64_t aaddr)
{
    unsigned set = tb_set(aaddr), slot;
    struct tb_tag *t = &cpu->icache->tag[set];
    uint64_t frame = aaddr >> 12;
    uint32_t gen = cpu->mem->code_gen[frame];

    if (likely(t[0].tag == aaddr + 1 && t[0].gen == gen)) {
        cpu->icache->mru[set / 2] = 0;
        return set;
    }
    if (likely(t[1].tag == aaddr + 1 && t[1].gen == gen)) {
        cpu->icache->mru[set / 2] = 1;
        return set + 1;
    }
    /* stale code of the same address, else the way used less recently */
    if (t[0].tag == aaddr + 1)
        slot = set;
    else if (t[1].tag == aaddr + 1)
        slot = set + 1;
    else
        slot = set + 1 - cpu->icache->mru[set / 2];
    cpu->icache->mru[set / 2] = (uint8_t)(slot - set);
    t = &cpu->icache->tag[slot];
    if (!cpu->mem->code[frame]) {
        cpu->mem->code[frame] = 1;
        mmu_tlb_drop_store_frame(cpu, aaddr);
    }
    t->tag = aaddr + 1;
    t->gen = cpu->mem->code_gen[frame];
    t->n = 0;
    t->jit_n = 0;
    t->runs = 0;
    t->code = NULL;
    return slot;
}

static bool jit_enabled = true;
static bool jit_eager;
static unsigned jit_mib = 16;

void cpu_set_jit(bool on, bool eager, unsigned mib)
{
    jit_enabled = on;
    jit_eager = eager;
    jit_mib = mib;
}

/* Compile the @t->n decoded records @first of the block that starts at
 * logical @ia into its code. Returns true if the code buffer was full and
 * every block's code (and every link) is gone. */
/* An instruction of the SIE guest called from compiled code: its
 * interception first, as exec_hooked does. Returns its outcome. */
static exc_t exec_sie_call(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = sie_intercept_insn(cpu, in, 0);

    return exc ? exc : in->fn(cpu, in);
}

static COLD bool compile_block(struct cpu *cpu, struct tb_tag *t, const struct insn *first,
                               uint64_t ia)
{
    bool flushed;
    jit_code *code = jit_compile(cpu->jit, first, t->n, (unsigned)(ia & ~PAGE_MASK),
                                 cpu->sie != NULL ? exec_sie_call : NULL, &flushed);

    if (flushed)
        for (unsigned i = 0; i < TB_COUNT; i++)
            cpu->icache->tag[i].code = NULL;
    t->code = code;
    t->code_sie = cpu->sie != NULL;
    t->jit_n = t->n;
    return flushed;
}

/* Can a cached block start at logical @ia (page offset)? Not at an odd
 * address, nor where the instruction at @p crosses the frame's end. */
static inline bool block_can_start(uint64_t ia, const uint8_t *p)
{
    uint64_t off = ia & ~PAGE_MASK;

    return !(ia & 1) && (off <= PAGE_SIZE - 6 || off + insn_len(p[0]) <= PAGE_SIZE);
}

const void *exec_jit_lookup(struct cpu *cpu, uint64_t ia, uint64_t left)
{
    const uint8_t *p = tlb_hit(cpu->tlb.ifetch, ia, 2);
    struct tb_tag *t;
    uint64_t aaddr;
    uint32_t gen;

    if (p == NULL || cpu->attn != 0 || !block_can_start(ia, p))
        return NULL;
    aaddr = (uint64_t)(p - cpu->mem->ram);
    t = &cpu->icache->tag[tb_set(aaddr)];
    gen = cpu->mem->code_gen[aaddr >> 12];
    for (unsigned w = 0; w < 2; w++, t++)
        if (t->tag == aaddr + 1 && t->gen == gen && t->code != NULL &&
            t->code_sie == (cpu->sie != NULL) && t->jit_n <= left)
            return jit_entry(t->code);
    return NULL;
}

/* Decode the empty block @t (records @first) that starts at logical @ia in
 * the frame at host @page as far as it can reach: TB_INSNS instructions or
 * the frame's end. For --jit-eager, which compiles a block when it is first
 * entered. */
static COLD void decode_ahead(struct cpu *cpu, struct tb_tag *t, struct insn *first,
                              const uint8_t *page, uint64_t ia)
{
    struct insn *in = first;

    while (t->n < TB_INSNS) {
        const uint8_t *p = page + (ia & ~PAGE_MASK);

        if (t->n > 0 && ((ia & ~PAGE_MASK) == 0 || !block_can_start(ia, p)))
            break;
        decode(cpu, p, in);
        trace_in_asm(cpu, in, ia);
        t->n++;
        ia += in->len;
        in++;
    }
}

/* The record of the instruction at @target in the block whose records
 * @first up to @cur (the running one, at @cur_ia) start at @block_ia: a
 * branch back into the running block continues there. Returns NULL if
 * @target is not the address of one of them. */
static struct insn *tb_record(struct insn *first, const struct insn *cur, uint64_t block_ia,
                              uint64_t cur_ia, uint64_t target)
{
    uint64_t a = block_ia;

    if (target < block_ia || target > cur_ia)
        return NULL;
    for (struct insn *r = first; r <= cur; r++) {
        if (a == target)
            return r;
        a += r->len;
    }
    return NULL;
}

/* Execute up to @budget (at least 1) instructions from the PSW address
 * while execution stays in one frame and nothing needs attention: block
 * after block, following branches inside the frame without another
 * translation; every instruction through exec_hooked if @hooked. Returns
 * the number of instructions executed or ended by an exception. */
static ALWAYS_INLINE uint64_t run_frame_with(struct cpu *cpu, uint64_t budget, bool hooked)
{
    uint64_t ia = cpu->psw.addr;
    const uint8_t *p = tlb_hit(cpu->tlb.ifetch, ia, 2);
    const uint8_t *page;
    uint64_t frame, done = 0;
    bool jit_ok;

    if (unlikely(p == NULL || !block_can_start(ia, p))) {
        if (ia & 1) {
            cpu->ilen = 0;                  /* odd instruction address: ILC 0 */
            cpu->next_ia = ia;
            cpu_program_interrupt(cpu, EXC_PGM(PGM_SPECIFICATION));
            return 1;
        }
        p = fetch_slow(cpu, ia);
        if (p == NULL)
            return 1;
    }
    page = p - (ia & ~PAGE_MASK);
    frame = (uint64_t)(page - cpu->mem->ram);
    /* compiled code runs in the guest too (its calls intercept), not under -d exec */
    jit_ok = cpu->jit != NULL && (!hooked || !(cpu->trace & TR_EXEC));
    for (struct jit_chain *link = NULL;;) { /* one block; @link: the exit that led here */
        unsigned slot = tb_find(cpu, frame | (ia & ~PAGE_MASK));
        struct tb_tag *t = &cpu->icache->tag[slot];
        struct insn *first = cpu->icache->in[slot];
        struct insn *in, *end;
        uint64_t page_ia = ia & PAGE_MASK, block_ia = ia;

        if (jit_ok) {
            if (t->code != NULL && t->code_sie != (cpu->sie != NULL))
                t->code = NULL;             /* compiled in the other mode: again */
            if (t->code == NULL) {
                if (jit_eager && t->n == 0)
                    decode_ahead(cpu, t, first, page, ia);
                if (t->n != 0 && (jit_eager || ++t->runs >= JIT_HOT) &&
                    compile_block(cpu, t, first, ia))
                    link = NULL;
            }
            if (link != NULL && t->code != NULL)
                jit_link(link, t, &cpu->mem->code_gen[frame >> 12]);
            link = NULL;
            /* attention pending (a debugger's breakpoints: ATTN_DEBUG stays
             * set) means one instruction at a time, so no compiled code */
            if (t->code != NULL && t->jit_n <= budget - done && cpu->attn == 0) {
                cpu->jit_chain = NULL;
                done += t->code(cpu, budget - done, ia);
                if (unlikely(cpu->jit_exc != 0)) {
                    exc_t exc = cpu->jit_exc;

                    cpu->jit_exc = 0;
                    cpu_program_interrupt(cpu, exc);
                    return done;
                }
                if (unlikely(cpu->attn != 0) || done == budget)
                    return done;
                ia = cpu->psw.addr;         /* a branch, or past the compiled part */
                if ((ia & PAGE_MASK) != page_ia ||
                    !block_can_start(ia, page + (ia & ~PAGE_MASK)))
                    return done;
                link = cpu->jit_chain;
                continue;
            }
        }

        in = first;                         /* t->n as of now: decode_ahead may have grown it */
        end = first + t->n;
        for (;;) {                          /* one instruction */
            uint64_t next;

            if (in == end) {                /* first time here: decode, or end the block */
                p = page + (ia & ~PAGE_MASK);
                if (in == first + TB_INSNS || (in > first && ((ia & ~PAGE_MASK) == 0 ||
                                                              !block_can_start(ia, p))))
                    return done;
                decode(cpu, p, in);
                t->n++;
                end++;
                trace_in_asm(cpu, in, ia);
            }
            next = ia + in->len;
            if (unlikely((next & ~PAGE_MASK) == 0))
                next = cpu_wrap(cpu, next); /* only a frame's end can be the mode's end */
            done++;
            if (!exec_one(cpu, in, ia, next, hooked))
                return done;
            if (unlikely(cpu->attn != 0) || done == budget)
                return done;
            if (cpu->next_ia != next) {     /* a branch: back into this block? */
                in = tb_record(first, in, block_ia, ia, cpu->next_ia);
                if (in == NULL)
                    break;
                /* a loop: once it is hot, leave so that the block at its
                 * head is compiled (and the loop runs in its code) */
                if (jit_ok && ++t->runs >= JIT_HOT)
                    break;
                ia = cpu->next_ia;
                continue;
            }
            ia = next;
            in++;
        }
        ia = cpu->next_ia;                  /* or elsewhere in this frame */
        if ((ia & PAGE_MASK) != page_ia)
            return done;
        if (!block_can_start(ia, page + (ia & ~PAGE_MASK)))
            return done;
    }
}

/* run_frame_with, specialised for the usual case (no hooks) and the
 * hooked one. Returns the number of instructions done. */
static uint64_t run_frame(struct cpu *cpu, uint64_t budget)
{
    if (unlikely(exec_needs_hooks(cpu)))
        return run_frame_with(cpu, budget, true);
    return run_frame_with(cpu, budget, false);
}

uint64_t cpu_run(struct cpu *cpu, uint64_t budget)
{
    uint64_t done = 0;

    cpu->exit_loop = false;
    cpu->mem->code_watch = &cpu->attn;      /* a store into code leaves the block */
    cpu->mem->code_watch_bit = ATTN_REFETCH;
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
        done += run_frame(cpu, budget - done);
        if (unlikely(cpu->exit_loop))
            break;
    }
    cpu->mem->code_watch = NULL;
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
    if (cpu->icache)    /* left uninitialised: an empty tag guards each block */
        cpu->icache->in = aligned_alloc(64, sizeof(struct insn[TB_COUNT][TB_INSNS]));
    if (!cpu->icache || !cpu->icache->in)
        die("out of memory for the decoded-instruction cache");
    cpu->jit = jit_enabled ? jit_new(jit_mib) : NULL;
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
    cpu_exit_loop(cpu);
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
    cpu_amode_update(cpu);
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
