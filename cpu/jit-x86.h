/* The block compiler's x86-64 encoder and the state of one compilation,
 * shared by cpu/jit.c (blocks, exits, calls) and cpu/jit-insn.c (the
 * instructions compiled inline). Only x86-64 hosts include it. */
#ifndef SIEVE_CPU_JIT_X86_H
#define SIEVE_CPU_JIT_X86_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "cpu/insn.h"
#include "cpu/state.h"

/* Host registers. rbx holds the cpu, r12 the instructions done, r13 the
 * limit, r14 the address of the block's first instruction; rax, rcx, rdx,
 * rsi, rdi and r8-r11 are free inside an instruction. */
enum { RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7,
       R8 = 8, R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14 };

/* x86 condition codes (tttn). */
enum { X_O = 0, X_NO = 1, X_B = 2, X_AE = 3, X_E = 4, X_NE = 5, X_BE = 6, X_A = 7,
       X_S = 8, X_NS = 9, X_L = 0xc, X_GE = 0xd, X_LE = 0xe, X_G = 0xf };

/* Opcodes of the forms "op reg, r/m" (and 0x89/0x88 "mov r/m, reg");
 * two-byte ones carry their 0x0f prefix. */
enum {
    OP_ADD = 0x03, OP_OR = 0x0b, OP_ADC = 0x13, OP_SBB = 0x1b, OP_AND = 0x23,
    OP_SUB = 0x2b, OP_XOR = 0x33, OP_CMP = 0x3b, OP_MOVSXD = 0x63, OP_TEST = 0x85,
    OP_STORE8 = 0x88, OP_STORE = 0x89, OP_LOAD = 0x8b, OP_LEA = 0x8d,
    OP_IMUL = 0x0faf, OP_MOVZX8 = 0x0fb6, OP_MOVZX16 = 0x0fb7, OP_MOVSX8 = 0x0fbe,
    OP_MOVSX16 = 0x0fbf,
};

/* Group-1 immediate operations (0x81 /ext) and group-2 shifts (0xc1/0xd3 /ext). */
enum { G1_ADD = 0, G1_OR = 1, G1_AND = 4, G1_SUB = 5, G1_XOR = 6, G1_CMP = 7 };
enum { SH_ROL = 0, SH_SHL = 4, SH_SHR = 5, SH_SAR = 7 };

#define CPU_OFF(field) ((int32_t)offsetof(struct cpu, field))
#define GR(r)          ((int32_t)(8 * (r)))             /* cpu->gr[r], low word first */

/* What the host flags say about the guest cc after an instruction: nothing,
 * or they are those of a signed or unsigned compare (cc 0 equal, 1 low, 2
 * high) or of a result tested for zero (cc 0 zero, 1 not). */
enum flags_kind { FL_NONE, FL_SIGNED, FL_UNSIGNED, FL_ZERO };

struct emit {
    uint8_t *p;
    bool cc_dead;           /* the next instruction sets the cc before anything reads it */
    enum flags_kind flags_in;   /* the flags as the previous instruction left them */
    enum flags_kind flags;      /* the flags as this instruction leaves them */
};

/* A jump whose rel32 is patched when its target is placed. */
struct fixups {
    uint8_t *at[128];
    unsigned n;
};

/* An instruction compiled inline that can fall back to its handler: the
 * jumps to the out-of-line call, and where the call returns to. */
struct slowpath {
    unsigned k;
    unsigned pending;
    struct fixups in;
    uint8_t *resume;
};

/* A taken branch of an inline instruction: where its exit code starts. */
struct branch {
    unsigned k;
    unsigned pending;
    int target;             /* record index inside the block, or -1 */
    bool dynamic;           /* the target address is in rax */
    struct fixups in;
};

/* One block's compilation. */
struct jctx {
    struct emit e;
    const struct insn *in;
    unsigned n;
    insn_fn *call;          /* what calls an instruction's handler, NULL: the handler */
    unsigned off[17];       /* page offset of each instruction (and of the end) */
    bool target[16];        /* a relative branch of the block lands here */
    uint8_t *label[16];
    unsigned k;             /* the instruction being compiled */
    unsigned pending;       /* completed, not yet added to cpu->icount */
    struct fixups exit_next, exit_psw, exit_exc;
    struct fixups exit_branch;  /* a handler branched: look for the code at next_ia */
    struct fixups exit_lookup;  /* look for the code at the address in rax */
    struct slowpath slow[16];
    unsigned nslow;
    struct branch br[16];
    unsigned nbr;
    uint8_t *chain_imm[24]; /* the mov imm64 of each exit's struct jit_chain address */
    unsigned nchain;
};

static inline void e8(struct emit *e, unsigned b)
{
    *e->p++ = (uint8_t)b;
}

static inline void e32(struct emit *e, uint32_t v)
{
    memcpy(e->p, &v, 4);
    e->p += 4;
}

static inline void e64(struct emit *e, uint64_t v)
{
    memcpy(e->p, &v, 8);
    e->p += 8;
}

/* The REX prefix for operand size @w and registers @reg, @index, @base (if any bit is needed). */
static inline void x_rex(struct emit *e, bool w, unsigned reg, unsigned index, unsigned base)
{
    unsigned rex = 0x40 | (w ? 8 : 0) | ((reg >> 3) << 2) | ((index >> 3) << 1) | (base >> 3);

    if (rex != 0x40)
        e8(e, rex);
}

static inline void x_opcode(struct emit *e, unsigned op)
{
    if (op > 0xff)
        e8(e, op >> 8);
    e8(e, op & 0xff);
}

/* @op with ModRM reg @reg and the memory operand [@base + @disp]. */
static inline void x_mem(struct emit *e, bool w, unsigned op, unsigned reg, unsigned base,
                         int32_t disp)
{
    x_rex(e, w, reg, 0, base);
    x_opcode(e, op);
    e8(e, 0x80 | ((reg & 7) << 3) | (base & 7));
    if ((base & 7) == RSP)
        e8(e, 0x24);
    e32(e, (uint32_t)disp);
}

/* @op with ModRM reg @reg and the memory operand [@base + @index + @disp]. */
static inline void x_mem_idx(struct emit *e, bool w, unsigned op, unsigned reg, unsigned base,
                             unsigned index, int32_t disp)
{
    x_rex(e, w, reg, index, base);
    x_opcode(e, op);
    e8(e, 0x80 | ((reg & 7) << 3) | 4);
    e8(e, ((index & 7) << 3) | (base & 7));
    e32(e, (uint32_t)disp);
}

/* @op with ModRM reg @reg and register operand @rm. */
static inline void x_rr(struct emit *e, bool w, unsigned op, unsigned reg, unsigned rm)
{
    x_rex(e, w, reg, 0, rm);
    x_opcode(e, op);
    e8(e, 0xc0 | ((reg & 7) << 3) | (rm & 7));
}

/* Group-1 operation @ext of register @rm with a sign-extended 32-bit immediate. */
static inline void x_imm(struct emit *e, bool w, unsigned ext, unsigned rm, int32_t imm)
{
    x_rex(e, w, 0, 0, rm);
    e8(e, 0x81);
    e8(e, 0xc0 | (ext << 3) | (rm & 7));
    e32(e, (uint32_t)imm);
}

/* Group-1 operation @ext of [@base + @disp] with a sign-extended 32-bit immediate. */
static inline void x_imm_mem(struct emit *e, bool w, unsigned ext, unsigned base, int32_t disp,
                             int32_t imm)
{
    x_mem(e, w, 0x81, ext, base, disp);
    e32(e, (uint32_t)imm);
}

/* mov @reg, @v (zero-extending 32-bit form where it fits). */
static inline void x_mov_imm(struct emit *e, unsigned reg, uint64_t v)
{
    if (v <= UINT32_MAX) {
        x_rex(e, false, 0, 0, reg);
        e8(e, 0xb8 | (reg & 7));
        e32(e, (uint32_t)v);
        return;
    }
    x_rex(e, true, 0, 0, reg);
    e8(e, 0xb8 | (reg & 7));
    e64(e, v);
}

/* Shift @rm by the immediate @n (@n 0: none). */
static inline void x_shift_imm(struct emit *e, bool w, unsigned ext, unsigned rm, unsigned n)
{
    if (n == 0)
        return;
    x_rex(e, w, 0, 0, rm);
    e8(e, 0xc1);
    e8(e, 0xc0 | (ext << 3) | (rm & 7));
    e8(e, n);
}

/* Shift @rm by cl. */
static inline void x_shift_cl(struct emit *e, bool w, unsigned ext, unsigned rm)
{
    x_rex(e, w, 0, 0, rm);
    e8(e, 0xd3);
    e8(e, 0xc0 | (ext << 3) | (rm & 7));
}

/* setcc into the low byte of @reg (rax, rcx or rdx). */
static inline void x_setcc(struct emit *e, unsigned cc, unsigned reg)
{
    e8(e, 0x0f);
    e8(e, 0x90 | cc);
    e8(e, 0xc0 | reg);
}

static inline void x_bswap(struct emit *e, bool w, unsigned reg)
{
    x_rex(e, w, 0, 0, reg);
    e8(e, 0x0f);
    e8(e, 0xc8 | (reg & 7));
}

/* rol @reg16, 8: swap the bytes of a halfword. */
static inline void x_swap16(struct emit *e, unsigned reg)
{
    e8(e, 0x66);
    x_rex(e, false, 0, 0, reg);
    e8(e, 0xc1);
    e8(e, 0xc0 | (reg & 7));
    e8(e, 8);
}

/* A rel32 jump on x86 condition @cc, or unconditional (@cc < 0). Returns
 * where the displacement lies. */
static inline uint8_t *x_jump(struct emit *e, int cc)
{
    if (cc < 0) {
        e8(e, 0xe9);
    } else {
        e8(e, 0x0f);
        e8(e, 0x80 | (unsigned)cc);
    }
    e32(e, 0);
    return e->p - 4;
}

static inline void x_patch(uint8_t *at, const uint8_t *target)
{
    int32_t rel = (int32_t)(target - (at + 4));

    memcpy(at, &rel, 4);
}

static inline void fix_add(struct fixups *f, uint8_t *at)
{
    f->at[f->n++] = at;
}

static inline void fix_all(const struct fixups *f, const uint8_t *target)
{
    for (unsigned i = 0; i < f->n; i++)
        x_patch(f->at[i], target);
}

/* Does @in, compiled inline, set the cc from registers alone, without
 * reading it and without an exception before it sets it? Then the cc of
 * the instruction before it is dead. cpu/jit-insn.c. */
bool jit_insn_kills_cc(const struct insn *in);

/* Compile instruction c->k inline. Returns false if it has no inline form
 * (then its handler is called). cpu/jit-insn.c. */
bool jit_insn_inline(struct jctx *c);

/* For jit-insn.c, from cpu/jit.c: jump to the handler call of the current
 * instruction on x86 condition @cc (or always, @cc < 0); the call returns
 * to the end of the instruction's inline code. Only before the
 * instruction changed anything. */
void jit_slow(struct jctx *c, int cc);
/* Take the current instruction's relative branch on x86 condition @cc
 * (always if @cc < 0). */
void jit_branch_rel(struct jctx *c, int cc);
/* Branch to the address in rax (already wrapped) on @cc (always if < 0). */
void jit_branch_reg(struct jctx *c, int cc);

#endif
