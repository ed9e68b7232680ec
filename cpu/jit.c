/* The block compiler: a hot decoded block becomes x86-64 code that calls
 * the instructions' handlers one after another, with the bookkeeping the
 * interpreter loop does per instruction (instruction address, length,
 * completion, the attention and branch tests) reduced to immediates and a
 * few stores, and a branch back into the block turned into a host jump.
 * The handlers are the interpreter's own, so every instruction keeps its
 * semantics; cpu/exec.c decides when a block runs here. */
#include "cpu/jit.h"

#include <stddef.h>
#include <string.h>
#include "cpu/insn.h"

#if defined(__x86_64__) && defined(__linux__)
#include <sys/mman.h>
#include "cpu/jit-x86.h"

#define JIT_BLOCK_MAX  (64u << 10)     /* room one block may need at most */

struct jit {
    uint8_t *buf;
    size_t size;                       /* of the code buffer; full: start again */
    size_t used;
    uint64_t bytes;                    /* compiled since the start */
};

static const uint8_t prologue_bytes[] = {
    0x55,                   /* push rbp */
    0x53,                   /* push rbx */
    0x41, 0x54,             /* push r12 */
    0x41, 0x55,             /* push r13 */
    0x41, 0x56,             /* push r14: the stack is 16-byte aligned for calls */
    0x48, 0x89, 0xfb,       /* mov rbx, rdi  (cpu) */
    0x49, 0x89, 0xf5,       /* mov r13, rsi  (limit) */
    0x49, 0x89, 0xd6,       /* mov r14, rdx  (address of the first instruction) */
    0x45, 0x31, 0xe4,       /* xor r12d, r12d (done) */
};

static const uint8_t epilogue_bytes[] = {
    0x4c, 0x89, 0xe0,       /* mov rax, r12 */
    0x41, 0x5e, 0x41, 0x5d, 0x41, 0x5c, 0x5b, 0x5d,     /* pop r14 r13 r12 rbx rbp */
    0xc3,                   /* ret */
};

static void emit_bytes(struct emit *e, const uint8_t *b, size_t n)
{
    memcpy(e->p, b, n);
    e->p += n;
}

/* The logical address of page offset @off of the block's frame into @reg,
 * wrapped to the addressing mode where it is the frame's end. */
static void page_address(struct jctx *c, unsigned reg, unsigned off)
{
    x_mem(&c->e, true, OP_LEA, reg, R14, (int32_t)off - (int32_t)c->off[0]);
    if (off >= PAGE_SIZE)
        x_mem(&c->e, true, OP_AND, reg, RBX, CPU_OFF(amode_mask));
}

/* cpu->icount += @v (or -= for negative @v). */
static void add_icount(struct jctx *c, int32_t v)
{
    if (v != 0)
        x_imm_mem(&c->e, true, G1_ADD, RBX, CPU_OFF(icount), v);
}

/* Add the completed inline instructions to cpu->icount. */
static void flush_pending(struct jctx *c)
{
    add_icount(c, (int32_t)c->pending);
    c->pending = 0;
}

/* The budget test before a jump back into the block: on to @fail unless a
 * whole pass fits in the limit (r12 + n <= r13). */
static void budget_check(struct jctx *c, struct fixups *fail)
{
    x_mem(&c->e, true, OP_LEA, RAX, R12, (int32_t)c->n);
    x_rr(&c->e, true, OP_CMP, RAX, R13);
    fix_add(fail, x_jump(&c->e, X_A));
}

/* The index of the record at page offset @off, or -1. */
static int record_at(const struct jctx *c, int64_t off)
{
    for (unsigned i = 0; i < c->n; i++)
        if ((int64_t)c->off[i] == off)
            return (int)i;
    return -1;
}

/* Call the handler of instruction c->k as the interpreter would (address,
 * next address, length), with cpu->icount exact; an exception leaves for
 * the exception exit. */
static void emit_handler_call(struct jctx *c)
{
    const struct insn *r = &c->in[c->k];
    struct emit *e = &c->e;

    page_address(c, RAX, c->off[c->k]);
    x_mem(e, true, OP_STORE, RAX, RBX, CPU_OFF(psw.addr));
    x_mem(e, true, OP_STORE, RAX, RBX, CPU_OFF(ia));
    page_address(c, RAX, c->off[c->k + 1]);
    x_mem(e, true, OP_STORE, RAX, RBX, CPU_OFF(next_ia));
    x_mem(e, false, 0xc6, 0, RBX, CPU_OFF(ilen));       /* mov byte [ilen], len */
    e8(e, r->len);
    x_rr(e, true, OP_STORE, RBX, RDI);                  /* mov rdi, rbx */
    x_mov_imm(e, RSI, (uint64_t)(uintptr_t)r);
    x_mov_imm(e, RAX, (uint64_t)(uintptr_t)(c->call != NULL ? c->call : r->fn));
    e8(e, 0xff);                                        /* call rax */
    e8(e, 0xd0);
    x_rr(e, false, OP_TEST, RAX, RAX);
    fix_add(&c->exit_exc, x_jump(e, X_NE));
    add_icount(c, 1);
    x_imm_mem(e, false, G1_CMP, RBX, CPU_OFF(attn), 0);
    fix_add(&c->exit_next, x_jump(e, X_NE));
}

/* Instruction c->k through its handler, in line. A relative branch back or
 * forward into the block stays in the block. */
static void emit_call_insn(struct jctx *c)
{
    const struct insn *r = &c->in[c->k];
    struct emit *e = &c->e;
    int t = r->ri != 0 ? record_at(c, (int64_t)c->off[c->k] + r->ri) : -1;

    flush_pending(c);
    emit_handler_call(c);
    page_address(c, RCX, c->off[c->k + 1]);
    x_mem(e, true, OP_CMP, RCX, RBX, CPU_OFF(next_ia));
    if (t < 0) {
        fix_add(&c->exit_branch, x_jump(e, X_NE));
        return;
    }
    uint8_t *skip = x_jump(e, X_E);

    page_address(c, RCX, c->off[t]);
    x_mem(e, true, OP_CMP, RCX, RBX, CPU_OFF(next_ia));
    fix_add(&c->exit_next, x_jump(e, X_NE));
    budget_check(c, &c->exit_next);
    if (c->label[t] != NULL)
        x_patch(x_jump(e, -1), c->label[t]);
    else
        fix_add(&c->br[c->nbr].in, x_jump(e, -1));     /* forward: patched below */
    if (c->label[t] == NULL) {
        c->br[c->nbr].k = c->k;
        c->br[c->nbr].target = t;
        c->br[c->nbr].pending = UINT32_MAX;             /* a plain jump to the label */
        c->br[c->nbr].dynamic = false;
        c->nbr++;
    }
    x_patch(skip, e->p);
}

void jit_slow(struct jctx *c, int cc)
{
    struct slowpath *s = NULL;

    for (unsigned i = 0; i < c->nslow; i++)
        if (c->slow[i].k == c->k)
            s = &c->slow[i];
    if (s == NULL) {
        s = &c->slow[c->nslow++];
        s->k = c->k;
        s->pending = c->pending;
        s->in.n = 0;
        s->resume = NULL;
    }
    fix_add(&s->in, x_jump(&c->e, cc));
}

/* A taken branch of instruction c->k on @cc: to its relative target, or to
 * rax if @dynamic. */
static void branch(struct jctx *c, int cc, bool dynamic)
{
    struct branch *b = NULL;

    for (unsigned i = 0; i < c->nbr; i++)
        if (c->br[i].k == c->k && c->br[i].pending != UINT32_MAX &&
            c->br[i].dynamic == dynamic)
            b = &c->br[i];
    if (b == NULL) {
        b = &c->br[c->nbr++];
        b->k = c->k;
        b->pending = c->pending;
        b->dynamic = dynamic;
        b->target = dynamic ? -1 :
                    record_at(c, (int64_t)c->off[c->k] + c->in[c->k].ri);
        b->in.n = 0;
    }
    fix_add(&b->in, x_jump(&c->e, cc));
}

void jit_branch_rel(struct jctx *c, int cc)
{
    branch(c, cc, false);
}

void jit_branch_reg(struct jctx *c, int cc)
{
    branch(c, cc, true);
}

/* The out-of-line handler call of an inline instruction @s. */
static void emit_slowpath(struct jctx *c, const struct slowpath *s)
{
    struct emit *e = &c->e;

    fix_all(&s->in, e->p);
    c->k = s->k;
    add_icount(c, (int32_t)s->pending);
    emit_handler_call(c);
    page_address(c, RCX, c->off[c->k + 1]);
    x_mem(e, true, OP_CMP, RCX, RBX, CPU_OFF(next_ia));
    fix_add(&c->exit_branch, x_jump(e, X_NE));
    add_icount(c, -(int32_t)(s->pending + 1));
    x_patch(x_jump(e, -1), s->resume);
}

/* Leave for the instruction at page offset @target of this frame: jump
 * straight to its block's code if the exit is linked, the link still holds
 * and the limit allows that block a whole pass; else return with the PSW
 * address there and cpu->jit_chain naming the link to fill. cpu->icount is
 * exact here. */
static void emit_chain_exit(struct jctx *c, unsigned target)
{
    struct emit *e = &c->e;
    struct fixups unlinked = { .n = 0 };
    int32_t delta = (int32_t)target - (int32_t)c->off[0];

    e8(e, 0x48);                                        /* mov rdx, imm64 (the link) */
    e8(e, 0xba);
    c->chain_imm[c->nchain++] = e->p;
    e64(e, 0);
    x_mem(e, true, OP_LOAD, RAX, RDX, (int32_t)offsetof(struct jit_chain, t));
    x_rr(e, true, OP_TEST, RAX, RAX);
    fix_add(&unlinked, x_jump(e, X_E));
    x_mem(e, true, OP_LOAD, RCX, RDX, (int32_t)offsetof(struct jit_chain, code));
    x_mem(e, true, OP_CMP, RCX, RAX, (int32_t)offsetof(struct tb_tag, code));
    fix_add(&unlinked, x_jump(e, X_NE));
    x_mem(e, true, OP_LOAD, RCX, RDX, (int32_t)offsetof(struct jit_chain, tag));
    x_mem(e, true, OP_CMP, RCX, RAX, (int32_t)offsetof(struct tb_tag, tag));
    fix_add(&unlinked, x_jump(e, X_NE));
    x_mem(e, true, OP_LOAD, RCX, RDX, (int32_t)offsetof(struct jit_chain, gen_at));
    x_mem(e, false, OP_LOAD, RCX, RCX, 0);
    x_mem(e, false, OP_CMP, RCX, RAX, (int32_t)offsetof(struct tb_tag, gen));
    fix_add(&unlinked, x_jump(e, X_NE));
    x_mem(e, false, OP_LOAD, RCX, RDX, (int32_t)offsetof(struct jit_chain, n));
    x_rr(e, true, OP_ADD, RCX, R12);
    x_rr(e, true, OP_CMP, RCX, R13);
    fix_add(&unlinked, x_jump(e, X_A));
    x_mem(e, true, OP_LEA, R14, R14, delta);
    x_mem(e, false, 0xff, 4, RDX, (int32_t)offsetof(struct jit_chain, entry));  /* jmp [rdx+] */
    fix_all(&unlinked, e->p);
    x_mem(e, true, OP_LEA, RAX, R14, delta);
    x_mem(e, true, OP_STORE, RAX, RBX, CPU_OFF(psw.addr));
    x_mem(e, true, OP_STORE, RDX, RBX, CPU_OFF(jit_chain));
    fix_add(&c->exit_psw, x_jump(e, -1));
}

/* The exit code of a taken branch @b. */
static void emit_branch(struct jctx *c, const struct branch *b)
{
    struct emit *e = &c->e;
    const struct insn *r = &c->in[b->k];

    fix_all(&b->in, e->p);
    if (b->pending == UINT32_MAX) {                     /* a handler's branch forward */
        x_patch(x_jump(e, -1), c->label[b->target]);
        return;
    }
    c->pending = b->pending + 1;
    flush_pending(c);
    page_address(c, RCX, c->off[b->k]);                 /* the breaking-event address */
    x_mem(e, true, OP_STORE, RCX, RBX, CPU_OFF(bea));
    if (!b->dynamic && b->target < 0) {
        int64_t t = (int64_t)c->off[b->k] + r->ri;

        if (t >= 0 && t < PAGE_SIZE && !(t & 1)) {    /* elsewhere in this frame */
            emit_chain_exit(c, (unsigned)t);
            return;
        }
    }
    if (!b->dynamic) {
        x_mem(e, true, OP_LEA, RAX, R14, (int32_t)(c->off[b->k] - c->off[0]) + (int32_t)r->ri);
        x_mem(e, true, OP_AND, RAX, RBX, CPU_OFF(amode_mask));
        if (b->target >= 0) {
            struct fixups out = { .n = 0 };

            x_mem(e, true, OP_STORE, RAX, RBX, CPU_OFF(psw.addr));
            budget_check(c, &out);
            x_patch(x_jump(e, -1), c->label[b->target]);
            fix_all(&out, e->p);
            fix_add(&c->exit_psw, x_jump(e, -1));
            return;
        }
    }
    fix_add(&c->exit_lookup, x_jump(e, -1));           /* the target in rax */
}

/* The exits to a target known at run time: find its compiled code and go
 * on there, or return with the PSW address at the target. */
static void emit_lookup_exits(struct jctx *c)
{
    struct emit *e = &c->e;

    fix_all(&c->exit_branch, e->p);
    x_mem(e, true, OP_LOAD, RAX, RBX, CPU_OFF(next_ia));
    fix_all(&c->exit_lookup, e->p);
    x_mem(e, true, OP_STORE, RAX, RBX, CPU_OFF(psw.addr));
    x_rr(e, true, OP_STORE, RBX, RDI);                  /* exec_jit_lookup(cpu, ia, left) */
    x_rr(e, true, OP_STORE, RAX, RSI);
    x_rr(e, true, OP_STORE, R13, RDX);
    x_rr(e, true, OP_SUB, RDX, R12);
    x_mov_imm(e, R11, (uint64_t)(uintptr_t)exec_jit_lookup);
    e8(e, 0x41);                                        /* call r11 */
    e8(e, 0xff);
    e8(e, 0xd3);
    x_rr(e, true, OP_TEST, RAX, RAX);
    fix_add(&c->exit_psw, x_jump(e, X_E));
    x_mem(e, true, OP_LOAD, R14, RBX, CPU_OFF(psw.addr));
    e8(e, 0xff);                                        /* jmp rax */
    e8(e, 0xe0);
}

const void *jit_entry(jit_code *code)
{
    return (const uint8_t *)(void *)code + sizeof(prologue_bytes);
}

void jit_link(struct jit_chain *link, struct tb_tag *t, const uint32_t *gen_at)
{
    link->code = t->code;
    link->tag = t->tag;
    link->gen_at = gen_at;
    link->n = t->jit_n;
    link->entry = jit_entry(t->code);
    link->t = t;
}

struct jit *jit_new(unsigned mib)
{
    static struct jit jits[256];
    static unsigned count;
    struct jit *j;
    void *buf;

    if (count == sizeof(jits) / sizeof(jits[0]))
        return NULL;
    buf = mmap(NULL, (size_t)mib << 20, PROT_READ | PROT_WRITE | PROT_EXEC,
               MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (buf == MAP_FAILED)
        return NULL;
    j = &jits[count++];
    j->buf = buf;
    j->size = (size_t)mib << 20;
    j->used = 0;
    j->bytes = 0;
    return j;
}

uint64_t jit_code_bytes(const struct jit *jit)
{
    return jit->bytes;
}

jit_code *jit_compile(struct jit *jit, const struct insn *in, unsigned n, unsigned off,
                      insn_fn *call, bool *flushed)
{
    static struct jctx c;
    struct emit *e = &c.e;
    uint8_t *start;

    *flushed = false;
    if (n == 0 || n > 16)
        return NULL;
    if (jit->used + JIT_BLOCK_MAX > jit->size) {
        jit->used = 0;
        *flushed = true;
    }
    memset(&c, 0, sizeof(c));
    start = jit->buf + jit->used;
    e->p = start;
    c.in = in;
    c.n = n;
    c.call = call;
    c.off[0] = off;
    for (unsigned k = 0; k < n; k++)
        c.off[k + 1] = c.off[k] + in[k].len;
    for (unsigned k = 0; k < n; k++) {
        int t = in[k].ri != 0 ? record_at(&c, (int64_t)c.off[k] + in[k].ri) : -1;

        if (t >= 0)
            c.target[t] = true;
    }
    emit_bytes(e, prologue_bytes, sizeof(prologue_bytes));
    for (unsigned k = 0; k < n; k++) {
        c.k = k;
        if (c.target[k])
            flush_pending(&c);
        c.label[k] = e->p;
        x_mem(e, true, OP_LEA, R12, R12, 1);             /* r12++, the flags kept */
        e->cc_dead = k + 1 < n && jit_insn_kills_cc(&in[k + 1]);
        /* the flags the last instruction left hold here unless another
         * path joins (a branch target) */
        e->flags_in = c.target[k] ? FL_NONE : e->flags;
        e->flags = FL_NONE;
        if (jit_insn_inline(&c)) {
            for (unsigned i = 0; i < c.nslow; i++)
                if (c.slow[i].k == k) {
                    c.slow[i].resume = e->p;
                    e->flags = FL_NONE;         /* the handler's path joins here */
                }
            c.pending++;
        } else {
            emit_call_insn(&c);
            e->flags = FL_NONE;
        }
    }
    e->cc_dead = false;
    /* past the last instruction: the PSW address is the next one's */
    flush_pending(&c);
    if (c.off[n] < PAGE_SIZE) {
        emit_chain_exit(&c, c.off[n]);
    } else {
        page_address(&c, RAX, c.off[n]);
        x_mem(e, true, OP_STORE, RAX, RBX, CPU_OFF(psw.addr));
        fix_add(&c.exit_psw, x_jump(e, -1));
    }
    for (unsigned i = 0; i < c.nslow; i++)
        emit_slowpath(&c, &c.slow[i]);
    for (unsigned i = 0; i < c.nbr; i++)
        emit_branch(&c, &c.br[i]);
    emit_lookup_exits(&c);
    /* exit with the PSW address at next_ia */
    fix_all(&c.exit_next, e->p);
    x_mem(e, true, OP_LOAD, RAX, RBX, CPU_OFF(next_ia));
    x_mem(e, true, OP_STORE, RAX, RBX, CPU_OFF(psw.addr));
    fix_all(&c.exit_psw, e->p);
    emit_bytes(e, epilogue_bytes, sizeof(epilogue_bytes));
    /* exit on an exception, kept for the caller */
    fix_all(&c.exit_exc, e->p);
    x_mem(e, false, OP_STORE, RAX, RBX, CPU_OFF(jit_exc));
    emit_bytes(e, epilogue_bytes, sizeof(epilogue_bytes));
    /* the links of the exits, unlinked */
    e->p = (uint8_t *)(((uintptr_t)e->p + 7) & ~(uintptr_t)7);
    for (unsigned i = 0; i < c.nchain; i++) {
        struct jit_chain *link = (struct jit_chain *)(void *)e->p;

        memset(link, 0, sizeof(*link));
        memcpy(c.chain_imm[i], &link, 8);
        e->p += sizeof(*link);
    }
    jit->used += (size_t)(e->p - start);
    jit->used = (jit->used + 15) & ~(size_t)15;
    jit->bytes += (uint64_t)(e->p - start);
    return (jit_code *)(void *)start;
}

#else   /* no block compiler for this host */

const void *jit_entry(jit_code *code)
{
    return NULL;
}

void jit_link(struct jit_chain *link, struct tb_tag *t, const uint32_t *gen_at)
{
}

struct jit *jit_new(unsigned mib)
{
    return NULL;
}

jit_code *jit_compile(struct jit *jit, const struct insn *in, unsigned n, unsigned off,
                      insn_fn *call, bool *flushed)
{
    *flushed = false;
    return NULL;
}

uint64_t jit_code_bytes(const struct jit *jit)
{
    return 0;
}

#endif
