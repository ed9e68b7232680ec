/* The block compiler: hot decoded blocks turned into x86-64 host code that
 * runs their instructions back to back (cpu/jit.c, docs/performance.md). */
#ifndef SIEVE_CPU_JIT_H
#define SIEVE_CPU_JIT_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu/state.h"

struct insn;
struct jit;

/* Compiled code of one block. Runs at most @limit instructions of it (a
 * loop inside the block goes round while the count allows a whole pass),
 * the first at logical @ia. Returns the number executed, the last one
 * counted also when it ended in an exception: then cpu->jit_exc holds the
 * exception, and cpu->ia, ilen and next_ia describe that instruction as
 * they do for the interpreter. Otherwise the PSW address is the next
 * instruction's and cpu->icount counts those that completed. */
typedef uint64_t jit_code(struct cpu *cpu, uint64_t limit, uint64_t ia);

/* The tag of a decoded block (cpu/exec.c's cache), which compiled code
 * checks before it jumps to another block's code. */
struct tb_tag {
    uint64_t tag;           /* absolute address of the first instruction + 1; 0 = empty */
    uint32_t gen;           /* the frame's code generation when decoded */
    uint8_t n;              /* instructions decoded so far */
    uint8_t jit_n;          /* instructions in the compiled code */
    uint16_t runs;          /* times entered, until it is compiled */
    jit_code *code;         /* compiled code, or NULL */
    bool code_sie;          /* compiled for the SIE guest (its calls intercept) */
};

/* A link from an exit of compiled code to the block that starts at its
 * target in the same frame: valid while that block's tag, code and frame
 * generation are what they were when linked. cpu->jit_chain points at the
 * link of the exit that returned, for the caller to fill. */
struct jit_chain {
    struct tb_tag *t;       /* NULL: not linked */
    jit_code *code;
    uint64_t tag;
    const uint32_t *gen_at; /* the frame's code generation */
    uint32_t n;             /* t->jit_n */
    uint32_t unused;
    const void *entry;      /* where a jump from another block enters the code */
};

/* For compiled code, from cpu/exec.c: where to continue in compiled code
 * at logical @ia with @left instructions of the limit left: the entry of
 * the compiled block there if it may run now, else NULL (return to the
 * loop). Looks only: claims no slot. */
const void *exec_jit_lookup(struct cpu *cpu, uint64_t ia, uint64_t left);
/* The entry of @code for a jump from other compiled code. */
const void *jit_entry(jit_code *code);

/* Link @link to the compiled block @t of the frame whose code generation
 * is at @gen_at. */
void jit_link(struct jit_chain *link, struct tb_tag *t, const uint32_t *gen_at);

/* A block compiler with a code buffer of @mib MiB (at least 1), or NULL
 * where the host has none (not x86-64) or the buffer cannot be mapped. */
struct jit *jit_new(unsigned mib);
/* Compile the @n decoded records @in of a block whose first instruction
 * lies at page offset @off; instructions not compiled inline call @call
 * (cpu, record) if it is not NULL, else their handlers. Returns the code,
 * or NULL if the block cannot be compiled; *@flushed is set when the code
 * buffer was full and every earlier block's code is gone. */
jit_code *jit_compile(struct jit *jit, const struct insn *in, unsigned n, unsigned off,
                      insn_fn *call, bool *flushed);
/* Host bytes of code compiled since the start (for statistics). */
uint64_t jit_code_bytes(const struct jit *jit);

#endif
