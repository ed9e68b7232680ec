/* The instructions the block compiler emits inline: the most frequent
 * general instructions of Linux workloads (loads, stores, register
 * arithmetic, logic, shifts, compares, branches). Each does what its
 * handler does; anything unusual (a TLB miss, a fixed-point overflow) goes
 * to the handler before the instruction changed anything. Guest registers
 * stay in cpu->gr, the condition code in cpu->cc. */
#include "cpu/jit.h"

#if defined(__x86_64__) && defined(__linux__)
#include "cpu/jit-x86.h"
#include "util/bits.h"

static const struct insn *cur(const struct jctx *c)
{
    return &c->in[c->k];
}

/* mov @reg, sign-extended @imm (64-bit). */
static void mov_simm(struct emit *e, unsigned reg, int32_t imm)
{
    x_rex(e, true, 0, 0, reg);
    e8(e, 0xc7);
    e8(e, 0xc0 | (reg & 7));
    e32(e, (uint32_t)imm);
}

/* The effective address @d(@x,@b), wrapped to the addressing mode, into rax. */
static void address(struct jctx *c, int64_t d, unsigned x, unsigned b)
{
    struct emit *e = &c->e;

    mov_simm(e, RAX, (int32_t)d);
    if (x != 0)
        x_mem(e, true, OP_ADD, RAX, RBX, GR(x));
    if (b != 0)
        x_mem(e, true, OP_ADD, RAX, RBX, GR(b));
    x_mem(e, true, OP_AND, RAX, RBX, CPU_OFF(amode_mask));
}

/* The host address of the @len-byte operand at the address in rax into rdx,
 * through the fetch or store TLB; a miss or a page crossing takes the
 * handler. rax and rcx are clobbered. */
static void tlb(struct jctx *c, bool store, unsigned len)
{
    struct emit *e = &c->e;
    int32_t arr = store ? CPU_OFF(tlb.store) : CPU_OFF(tlb.fetch);

    x_rr(e, false, OP_STORE, RAX, RCX);                 /* mov ecx, eax */
    x_shift_imm(e, false, SH_SHR, RCX, 12 - 4);
    x_imm(e, false, G1_AND, RCX, (int32_t)((TLB_SIZE - 1) << 4));
    x_mem(e, true, OP_LEA, RDX, RAX, (int32_t)len - 1);
    x_imm(e, true, G1_AND, RDX, -(int32_t)PAGE_SIZE);
    x_mem_idx(e, true, OP_CMP, RDX, RBX, RCX, arr);
    jit_slow(c, X_NE);
    x_mem_idx(e, true, OP_LOAD, RDX, RBX, RCX, arr + 8);
    x_imm(e, false, G1_AND, RAX, (int32_t)(PAGE_SIZE - 1));
    x_rr(e, true, OP_ADD, RDX, RAX);
}

/* Load the big-endian operand of @len bytes at [rdx] into rax: signed or
 * zero-extended to @wide bits (32 or 64). */
static void load_be(struct emit *e, unsigned len, bool sign, bool wide64)
{
    switch (len) {
    case 1:
        x_mem(e, wide64 && sign, sign ? OP_MOVSX8 : OP_MOVZX8, RAX, RDX, 0);
        break;
    case 2:
        x_mem(e, false, OP_MOVZX16, RAX, RDX, 0);
        x_swap16(e, RAX);
        if (sign)
            x_rr(e, wide64, OP_MOVSX16, RAX, RAX);
        break;
    case 4:
        x_mem(e, false, OP_LOAD, RAX, RDX, 0);
        x_bswap(e, false, RAX);
        if (sign && wide64)
            x_rr(e, true, OP_MOVSXD, RAX, RAX);
        break;
    default:
        x_mem(e, true, OP_LOAD, RAX, RDX, 0);
        x_bswap(e, true, RAX);
        break;
    }
}

/* The storage operand of an RX/RXY instruction into rax. */
static void fetch2(struct jctx *c, unsigned len, bool sign, bool wide64)
{
    const struct insn *in = cur(c);

    address(c, in->d2, in->x2, in->b2);
    tlb(c, false, len);
    load_be(&c->e, len, sign, wide64);
}

/* cpu->cc = dl (nothing if the cc is dead). */
static void store_cc_dl(struct emit *e)
{
    if (!e->cc_dead)
        x_mem(e, false, OP_STORE8, RDX, RBX, CPU_OFF(cc));
}

/* cpu->cc = @cc (nothing if the cc is dead). */
static void store_cc_imm(struct emit *e, unsigned cc)
{
    if (e->cc_dead)
        return;
    x_mem(e, false, 0xc6, 0, RBX, CPU_OFF(cc));
    e8(e, cc);
}

/* cc from x86 conditions: 1 if @low, 2 if @high, else 0. */
static void cc_from(struct emit *e, unsigned low, unsigned high)
{
    /* the flags stay as they are: a branch on the cc next can use them */
    e->flags = low == X_L && high == X_G ? FL_SIGNED :
               low == X_B && high == X_A ? FL_UNSIGNED : FL_NONE;
    if (e->cc_dead)
        return;
    x_setcc(e, low, RCX);
    x_setcc(e, high, RDX);
    x_rr(e, false, OP_MOVZX8, RCX, RCX);
    x_rr(e, false, OP_MOVZX8, RDX, RDX);
    e8(e, 0x8d);                            /* lea edx, [rcx + rdx*2] */
    e8(e, 0x14);
    e8(e, 0x51);
    store_cc_dl(e);
}

/* cc of a signed result whose flags (SF, ZF, OF clear) are set: 0, 1 or 2. */
static void cc_signed(struct emit *e)
{
    cc_from(e, X_L, X_G);
}

/* cc of a logical result: 0 zero, 1 not. */
static void cc_nonzero(struct emit *e)
{
    e->flags = FL_ZERO;
    if (e->cc_dead)
        return;
    x_setcc(e, X_NE, RDX);
    store_cc_dl(e);
}

/* cc of ADD/SUBTRACT LOGICAL: bit 1 the carry (@carry: the x86 condition
 * that holds for it), bit 0 a nonzero result. */
static void cc_logical(struct emit *e, unsigned carry)
{
    if (e->cc_dead)
        return;
    x_setcc(e, carry, RCX);
    x_setcc(e, X_NE, RDX);
    e8(e, 0x00);                            /* add cl, cl */
    e8(e, 0xc9);
    e8(e, 0x08);                            /* or dl, cl */
    e8(e, 0xca);
    store_cc_dl(e);
}

/* The x86 condition under which a compare's result (8 equal, 4 low, 2
 * high) is selected by mask @m; -1 always, -2 never. */
static int compare_cond(unsigned m, bool sign)
{
    switch (m & 14) {
    case 0:  return -2;
    case 2:  return sign ? X_G : X_A;
    case 4:  return sign ? X_L : X_B;
    case 6:  return X_NE;
    case 8:  return X_E;
    case 10: return sign ? X_GE : X_AE;
    case 12: return sign ? X_LE : X_BE;
    default: return -1;
    }
}

/* The x86 condition under which the cc the flags of @kind stand for
 * selects a bit of the branch mask @m (cc 3 cannot be): -1 always, -2
 * never. */
static int flags_cond(enum flags_kind kind, unsigned m)
{
    if (kind == FL_ZERO) {
        m &= 12;
        return m == 12 ? -1 : m == 8 ? X_E : m == 4 ? X_NE : -2;
    }
    return compare_cond(m, kind == FL_SIGNED);
}

/* Test whether the CC selects a bit of the branch mask @m: returns the x86
 * condition that holds then (carry), or -1 always, -2 never. */
static int cc_mask_test(struct emit *e, unsigned m)
{
    unsigned bits = 0;

    m &= 15;
    if (m == 15)
        return -1;
    if (m == 0)
        return -2;
    for (unsigned i = 0; i < 4; i++)
        if (m & (8u >> i))
            bits |= 1u << i;
    x_mem(e, false, OP_MOVZX8, RCX, RBX, CPU_OFF(cc));
    x_mov_imm(e, RDX, bits);
    e8(e, 0x0f);                            /* bt edx, ecx */
    e8(e, 0xa3);
    e8(e, 0xca);
    return X_B;
}

/* ---- register to register ---- */

/* r1 = op(r1, r2) in @wide bits with x86 @op; the cc after it by @cc_kind. */
enum cc_kind { CC_NONE, CC_SIGNED_OVF, CC_NONZERO, CC_ADD_LOGICAL, CC_SUB_LOGICAL };

static void set_cc(struct jctx *c, enum cc_kind kind)
{
    switch (kind) {
    case CC_SIGNED_OVF:
        cc_signed(&c->e);
        break;
    case CC_NONZERO:
        cc_nonzero(&c->e);
        break;
    case CC_ADD_LOGICAL:
        cc_logical(&c->e, X_B);
        break;
    case CC_SUB_LOGICAL:
        cc_logical(&c->e, X_AE);
        break;
    case CC_NONE:
        break;
    }
}

/* Store the result in rax (@wide64 or 32 bits) into guest register @r and
 * set the cc of @kind from the flags of the operation. A signed overflow
 * stores the result with cc 3 while the program mask disables the
 * fixed-point-overflow exception; else the handler presents it. */
static void store_result(struct jctx *c, bool wide64, unsigned r, enum cc_kind kind)
{
    struct emit *e = &c->e;
    uint8_t *ovf, *done;

    if (kind != CC_SIGNED_OVF) {
        x_mem(e, wide64, OP_STORE, RAX, RBX, GR(r));
        set_cc(c, kind);
        return;
    }
    ovf = x_jump(e, X_O);
    x_mem(e, wide64, OP_STORE, RAX, RBX, GR(r));
    cc_signed(e);
    done = x_jump(e, -1);
    x_patch(ovf, e->p);
    x_mem(e, false, 0xf6, 0, RBX, CPU_OFF(psw.mask) + 5);  /* test: PSW bit 20 */
    e8(e, 0x08);
    jit_slow(c, X_NE);
    x_mem(e, wide64, OP_STORE, RAX, RBX, GR(r));
    store_cc_imm(e, 3);
    x_patch(done, e->p);
    e->flags = FL_NONE;                     /* the two paths leave different flags */
}

/* @dst = @a op @b (guest registers, @wide64 or 32 bits), with the cc of @kind. */
static void alu_rr(struct jctx *c, unsigned op, bool wide64, unsigned dst, unsigned a,
                   unsigned b, enum cc_kind kind)
{
    struct emit *e = &c->e;

    x_mem(e, wide64, OP_LOAD, RAX, RBX, GR(a));
    x_mem(e, wide64, op, RAX, RBX, GR(b));
    store_result(c, wide64, dst, kind);
}

/* r1 = op(r1, rax) (the second operand already in rax). */
static void alu_rax(struct jctx *c, unsigned op, bool wide64, enum cc_kind kind)
{
    struct emit *e = &c->e;
    unsigned r1 = cur(c)->r1;

    x_rr(e, true, OP_STORE, RAX, RSI);                  /* mov rsi, rax */
    x_mem(e, wide64, OP_LOAD, RAX, RBX, GR(r1));
    x_rr(e, wide64, op, RAX, RSI);
    store_result(c, wide64, r1, kind);
}

/* cc of comparing guest register @r1 (@wide64 or 32 bits) with rax. */
static void compare_rax(struct jctx *c, unsigned r1, bool wide64, bool sign)
{
    struct emit *e = &c->e;

    x_mem(e, wide64, OP_LOAD, RCX, RBX, GR(r1));
    x_rr(e, wide64, OP_CMP, RCX, RAX);                  /* r1 - rax */
    if (sign)
        cc_from(e, X_L, X_G);
    else
        cc_from(e, X_B, X_A);
}

/* r1 = op(r1, imm) with the immediate @imm sign-extended. */
static void alu_imm(struct jctx *c, unsigned ext, bool wide64, unsigned dst, unsigned src,
                    int32_t imm, enum cc_kind kind)
{
    struct emit *e = &c->e;

    x_mem(e, wide64, OP_LOAD, RAX, RBX, GR(src));
    x_imm(e, wide64, ext, RAX, imm);
    store_result(c, wide64, dst, kind);
}

/* r1 = op(r1, r2) of ADD/SUBTRACT LOGICAL WITH CARRY/BORROW (64 bits). */
static void alu_carry(struct jctx *c, bool sub)
{
    struct emit *e = &c->e;
    const struct insn *in = cur(c);

    /* CF = bit 1 of the cc (carry, or no borrow) */
    x_mem(e, false, OP_MOVZX8, RCX, RBX, CPU_OFF(cc));
    x_shift_imm(e, false, SH_SHR, RCX, 2);
    if (sub)
        e8(e, 0xf5);                                    /* cmc: CF = borrow */
    x_mem(e, true, OP_LOAD, RAX, RBX, GR(in->r1));
    x_mem(e, true, sub ? OP_SBB : OP_ADC, RAX, RBX, GR(in->r2));
    x_mem(e, true, OP_STORE, RAX, RBX, GR(in->r1));
    cc_logical(e, sub ? X_AE : X_B);
}

/* ---- shifts ---- */

/* The shift amount of D2(B2) (bits 58-63) into cl, or its value if static. */
static int shift_amount(struct jctx *c)
{
    const struct insn *in = cur(c);
    struct emit *e = &c->e;

    if (in->b2 == 0)
        return (int)(in->d2 & 63);
    x_mem(e, false, OP_LOAD, RCX, RBX, GR(in->b2));
    x_imm(e, false, G1_ADD, RCX, (int32_t)in->d2);
    return -1;
}

/* rax @ext= shift amount, in @wide64 bits. */
static void shift_rax(struct jctx *c, unsigned ext, bool wide64, int n)
{
    if (n >= 0)
        x_shift_imm(&c->e, wide64, ext, RAX, (unsigned)n & (wide64 ? 63u : 31u));
    else
        x_shift_cl(&c->e, wide64, ext, RAX);
}

/* SLL, SRL: 32-bit logical shifts by 0-63, done on the zero-extended value. */
static void shift32_logical(struct jctx *c, unsigned ext)
{
    const struct insn *in = cur(c);
    int n = shift_amount(c);

    x_mem(&c->e, false, OP_LOAD, RAX, RBX, GR(in->r1));
    if (n >= 32) {
        x_rr(&c->e, false, OP_XOR, RAX, RAX);
    } else if (n >= 0) {
        shift_rax(c, ext, false, n);
    } else {
        x_imm(&c->e, false, G1_AND, RCX, 63);
        x_shift_cl(&c->e, true, ext, RAX);
    }
    x_mem(&c->e, false, OP_STORE, RAX, RBX, GR(in->r1));
}

/* SRA: 32-bit arithmetic right shift by 0-63 and its cc. */
static void shift32_arith(struct jctx *c)
{
    const struct insn *in = cur(c);
    struct emit *e = &c->e;
    int n = shift_amount(c);

    x_mem(e, true, OP_MOVSXD, RAX, RBX, GR(in->r1));
    if (n >= 0) {
        x_shift_imm(e, true, SH_SAR, RAX, (unsigned)n);
    } else {
        x_imm(e, false, G1_AND, RCX, 63);
        x_shift_cl(e, true, SH_SAR, RAX);
    }
    x_mem(e, false, OP_STORE, RAX, RBX, GR(in->r1));
    x_rr(e, false, OP_TEST, RAX, RAX);
    cc_signed(e);
}

/* SLLG, SRLG, SRAG, RLL, RLLG: R1 = R3 shifted (RSY-a). */
static void shift_rsy(struct jctx *c, unsigned ext, bool wide64, bool cc)
{
    const struct insn *in = cur(c);
    struct emit *e = &c->e;
    int n = shift_amount(c);

    x_mem(e, wide64, OP_LOAD, RAX, RBX, GR(in->r3));
    shift_rax(c, ext, wide64, n);
    x_mem(e, wide64, OP_STORE, RAX, RBX, GR(in->r1));
    if (cc) {
        x_rr(e, wide64, OP_TEST, RAX, RAX);
        cc_signed(e);
    }
}

/* ---- storage ---- */

/* Store the low @len bytes of guest register r1 big-endian at D2(X2,B2). */
static void store_gr(struct jctx *c, unsigned len)
{
    const struct insn *in = cur(c);
    struct emit *e = &c->e;

    address(c, in->d2, in->x2, in->b2);
    tlb(c, true, len);
    switch (len) {
    case 1:
        x_mem(e, false, OP_MOVZX8, RAX, RBX, GR(in->r1));
        x_mem(e, false, OP_STORE8, RAX, RDX, 0);
        break;
    case 2:
        x_mem(e, false, OP_LOAD, RAX, RBX, GR(in->r1));
        x_swap16(e, RAX);
        e8(e, 0x66);
        x_mem(e, false, OP_STORE, RAX, RDX, 0);
        break;
    case 4:
        x_mem(e, false, OP_LOAD, RAX, RBX, GR(in->r1));
        x_bswap(e, false, RAX);
        x_mem(e, false, OP_STORE, RAX, RDX, 0);
        break;
    default:
        x_mem(e, true, OP_LOAD, RAX, RBX, GR(in->r1));
        x_bswap(e, true, RAX);
        x_mem(e, true, OP_STORE, RAX, RDX, 0);
        break;
    }
}

/* Guest register @r1 = the address in rax: 64 bits in the 64-bit mode,
 * else bits 32-63. */
static void set_address(struct jctx *c, unsigned r1)
{
    struct emit *e = &c->e;
    uint8_t *not64, *done;

    x_imm_mem(e, true, G1_CMP, RBX, CPU_OFF(amode_mask), -1);
    not64 = x_jump(e, X_NE);
    x_mem(e, true, OP_STORE, RAX, RBX, GR(r1));
    done = x_jump(e, -1);
    x_patch(not64, e->p);
    x_mem(e, false, OP_STORE, RAX, RBX, GR(r1));
    x_patch(done, e->p);
}

/* LA, LAY: the second-operand address. */
static void load_address(struct jctx *c)
{
    const struct insn *in = cur(c);

    address(c, in->d2, in->x2, in->b2);
    set_address(c, in->r1);
}

/* The address of the next instruction into @reg (not at a frame's end). */
static void page_next(struct jctx *c, unsigned reg)
{
    x_mem(&c->e, true, OP_LEA, reg, R14, (int32_t)(c->off[c->k + 1] - c->off[0]));
    if (c->off[c->k + 1] >= PAGE_SIZE)
        x_mem(&c->e, true, OP_AND, reg, RBX, CPU_OFF(amode_mask));
}

/* The SI operand's host address into rdx (@store: through the store TLB). */
static void si_operand(struct jctx *c, bool store)
{
    const struct insn *in = cur(c);

    address(c, in->d1, 0, in->b1);
    tlb(c, store, 1);
}

/* TM: cc 0 selected bits all zero (or mask zero), 1 mixed, 3 all ones. */
static void test_under_mask(struct jctx *c)
{
    struct emit *e = &c->e;
    unsigned m = (uint8_t)cur(c)->i2;

    if (m == 0) {                           /* no bit selected: cc 0 */
        store_cc_imm(e, 0);
        return;
    }
    si_operand(c, false);
    x_mem(e, false, OP_MOVZX8, RAX, RDX, 0);
    x_imm(e, false, G1_AND, RAX, (int32_t)m);
    x_setcc(e, X_NE, RCX);
    x_imm(e, false, G1_CMP, RAX, (int32_t)m);
    x_setcc(e, X_E, RDX);
    e8(e, 0x00);                            /* add dl, dl */
    e8(e, 0xd2);
    e8(e, 0x08);                            /* or dl, cl */
    e8(e, 0xca);
    store_cc_dl(e);
}

/* TMLL, TMLH, TMHL, TMHH: test the halfword at byte @off (little-endian)
 * of R1 under the mask I2: cc 0 zero, 1 mixed with the leftmost selected
 * bit zero, 2 mixed with it one, 3 all ones; computed as the sum of
 * (selected != 0), (leftmost selected bit one) and (all selected ones). */
static void test_halfword(struct jctx *c, int32_t off)
{
    struct emit *e = &c->e;
    unsigned m = (uint16_t)cur(c)->i2;
    unsigned top;

    if (m == 0) {
        store_cc_imm(e, 0);
        return;
    }
    top = 0x8000u >> (__builtin_clz(m) - 16);
    x_mem(e, false, OP_MOVZX16, RAX, RBX, GR(cur(c)->r1) + off);
    x_imm(e, false, G1_AND, RAX, (int32_t)m);
    x_setcc(e, X_NE, RCX);
    e8(e, 0xa9);                            /* test eax, top */
    e32(e, top);
    x_setcc(e, X_NE, RDX);
    e8(e, 0x00);                            /* add dl, cl */
    e8(e, 0xca);
    x_imm(e, false, G1_CMP, RAX, (int32_t)m);
    x_setcc(e, X_E, RCX);
    e8(e, 0x00);                            /* add dl, cl */
    e8(e, 0xca);
    store_cc_dl(e);
}

/* RISBG: R2 rotated by I5, the bits I3-I4 inserted into R1 (the others
 * kept, or zeroed if I4 bit 0); cc of the signed 64-bit result. */
static void rotate_insert(struct jctx *c)
{
    const struct insn *in = cur(c);
    struct emit *e = &c->e;
    uint64_t mask = range_mask(in->i3 & 63, in->i4 & 63);

    x_mem(e, true, OP_LOAD, RAX, RBX, GR(in->r2));
    x_shift_imm(e, true, SH_ROL, RAX, in->i5 & 63);
    x_mov_imm(e, RCX, mask);
    x_rr(e, true, OP_AND, RAX, RCX);
    if (!(in->i4 & 0x80)) {
        x_mov_imm(e, RCX, ~mask);
        x_mem(e, true, OP_AND, RCX, RBX, GR(in->r1));
        x_rr(e, true, OP_OR, RAX, RCX);
    }
    x_mem(e, true, OP_STORE, RAX, RBX, GR(in->r1));
    x_rr(e, true, OP_TEST, RAX, RAX);
    cc_signed(e);
}

/* RNSBG, ROSBG, RXSBG: the bits I3-I4 of R1 combined (x86 @op) with R2
 * rotated by I5; cc 0 if those bits of the result are zero, else 1; R1
 * unchanged if I3 bit 0 (test only). */
static void rotate_combine(struct jctx *c, unsigned op)
{
    const struct insn *in = cur(c);
    struct emit *e = &c->e;
    uint64_t mask = range_mask(in->i3 & 63, in->i4 & 63);

    x_mem(e, true, OP_LOAD, RAX, RBX, GR(in->r2));
    x_shift_imm(e, true, SH_ROL, RAX, in->i5 & 63);
    x_mem(e, true, op, RAX, RBX, GR(in->r1));
    x_mov_imm(e, RCX, mask);
    x_rr(e, true, OP_AND, RAX, RCX);
    cc_nonzero(e);
    if (!(in->i3 & 0x80)) {
        x_mov_imm(e, RCX, ~mask);
        x_mem(e, true, OP_AND, RCX, RBX, GR(in->r1));
        x_rr(e, true, OP_OR, RAX, RCX);
        x_mem(e, true, OP_STORE, RAX, RBX, GR(in->r1));
        e->flags = FL_NONE;
    }
}

/* The AFP-register control for FPR @r: registers other than 0, 2, 4 and 6
 * need CR0 bit 45, else the handler presents the data exception. */
static void afp_check(struct jctx *c, unsigned r)
{
    if (!(r & 9))
        return;
    x_mem(&c->e, false, 0xf6, 0, RBX, CPU_OFF(cr) + 2);    /* test byte [cr0 + 2], 4 */
    e8(&c->e, 0x04);
    jit_slow(c, X_E);
}

/* The storage-operand address of a relative-long instruction into rax, or
 * false if it is not aligned to @size (the handler presents that). */
static bool rel_address(struct jctx *c, unsigned size)
{
    int64_t t = (int64_t)c->off[c->k] + cur(c)->ri;

    if (t & (size - 1))
        return false;
    x_mem(&c->e, true, OP_LEA, RAX, R14, (int32_t)(c->off[c->k] - c->off[0]) + (int32_t)cur(c)->ri);
    x_mem(&c->e, true, OP_AND, RAX, RBX, CPU_OFF(amode_mask));
    return true;
}

/* LMG, STMG, LM, STM: registers R1 through R3 (wrapping) from or to
 * consecutive words of @size bytes at D2(B2), all in one page (else the
 * handler). */
static void multiple(struct jctx *c, unsigned size, bool store)
{
    const struct insn *in = cur(c);
    struct emit *e = &c->e;
    unsigned n = ((in->r3 - in->r1) & 15) + 1;
    bool w = size == 8;

    address(c, in->d2, 0, in->b2);
    tlb(c, store, size * n);
    for (unsigned i = 0; i < n; i++) {
        unsigned r = (in->r1 + i) & 15;

        if (store) {
            x_mem(e, w, OP_LOAD, RAX, RBX, GR(r));
            x_bswap(e, w, RAX);
            x_mem(e, w, OP_STORE, RAX, RDX, (int32_t)(size * i));
        } else {
            x_mem(e, w, OP_LOAD, RAX, RDX, (int32_t)(size * i));
            x_bswap(e, w, RAX);
            x_mem(e, w, OP_STORE, RAX, RBX, GR(r));
        }
    }
}

/* CLC of 1, 2, 4 or 8 bytes: both operands through the TLB, compared as
 * unsigned big-endian numbers (which orders them as bytes do). */
static bool compare_logical_chars(struct jctx *c)
{
    const struct insn *in = cur(c);
    struct emit *e = &c->e;
    unsigned len = in->l1 + 1u;

    if (len != 1 && len != 2 && len != 4 && len != 8)
        return false;
    address(c, in->d1, 0, in->b1);
    tlb(c, false, len);
    x_rr(e, true, OP_STORE, RDX, R8);                  /* mov r8, rdx */
    address(c, in->d2, 0, in->b2);
    tlb(c, false, len);
    load_be(e, len, false, len == 8);                  /* rax = second operand */
    x_rr(e, true, OP_STORE, RAX, RSI);                 /* mov rsi, rax */
    x_rr(e, true, OP_STORE, R8, RDX);                  /* mov rdx, r8 */
    load_be(e, len, false, len == 8);                  /* rax = first operand */
    x_rr(e, true, OP_CMP, RAX, RSI);
    cc_from(e, X_B, X_A);
    return true;
}

/* Store the immediate @v, @len bytes big-endian, at D1(B1) (MVHHI, MVHI, MVGHI). */
static void store_imm(struct jctx *c, unsigned len, uint64_t v)
{
    const struct insn *in = cur(c);
    struct emit *e = &c->e;

    address(c, in->d1, 0, in->b1);
    tlb(c, true, len);
    v = __builtin_bswap64(v) >> (64 - 8 * len);
    x_mov_imm(e, RAX, v);
    if (len == 2)
        e8(e, 0x66);
    x_mem(e, len == 8, OP_STORE, RAX, RDX, 0);
}

/* ---- branches ---- */

/* Branch relative on the compare of rax... : a compare-and-branch with the
 * x86 flags of "cmp r1, op2" set. */
static void compare_branch(struct jctx *c, bool sign)
{
    int cond = compare_cond(cur(c)->m3, sign);

    if (cond != -2)
        jit_branch_rel(c, cond);
}

/* R1 = R2 through the x86 load @op (@load64: a 64-bit operation), stored
 * as 64 bits (@store64) or into bits 32-63. */
static void load_rr(struct jctx *c, unsigned op, bool load64, bool store64)
{
    const struct insn *in = cur(c);

    x_mem(&c->e, load64, op, RAX, RBX, GR(in->r2));
    x_mem(&c->e, store64, OP_STORE, RAX, RBX, GR(in->r1));
}

/* ---- dispatch ---- */

bool jit_insn_kills_cc(const struct insn *in)
{
    if (in->fn != insn_info[in->id].fn)     /* not compiled inline */
        return false;
    switch (in->id) {
    case INSN_AR: case INSN_SR: case INSN_AGR: case INSN_SGR: case INSN_ALR: case INSN_SLR:
    case INSN_ALGR: case INSN_SLGR: case INSN_NR: case INSN_OR: case INSN_XR: case INSN_NGR:
    case INSN_OGR: case INSN_XGR: case INSN_NRK: case INSN_XRK: case INSN_ORK: case INSN_ARK:
    case INSN_SRK: case INSN_AGRK: case INSN_SGRK: case INSN_ALGRK: case INSN_SLGRK:
    case INSN_NGRK: case INSN_OGRK: case INSN_XGRK: case INSN_LTR: case INSN_LTGR:
    case INSN_CR: case INSN_CGR: case INSN_CLR: case INSN_CLGR: case INSN_AHI: case INSN_AFI:
    case INSN_AGHI: case INSN_AGFI: case INSN_AHIK: case INSN_AGHIK: case INSN_ALFI:
    case INSN_SLFI: case INSN_NILF: case INSN_OILF: case INSN_XILF: case INSN_NIHF:
    case INSN_OIHF: case INSN_CHI: case INSN_CFI: case INSN_CGHI: case INSN_CLFI:
    case INSN_CLGFI: case INSN_SRA: case INSN_SRAG: case INSN_RISBG: case INSN_RNSBG:
    case INSN_ROSBG: case INSN_RXSBG: case INSN_TMLL: case INSN_TMLH: case INSN_TMHL:
    case INSN_TMHH: case INSN_AGFR: case INSN_ALGFR: case INSN_LCR: case INSN_LCGR:
        return true;
    default:
        return false;
    }
}

bool jit_insn_inline(struct jctx *c)
{
    const struct insn *in = cur(c);
    struct emit *e = &c->e;
    int cond;

    if (in->fn != insn_info[in->id].fn)     /* disabled, or privileged */
        return false;
    switch (in->id) {
    /* loads and stores between registers */
    case INSN_LR:    load_rr(c, OP_LOAD, false, false); return true;
    case INSN_LGR:   load_rr(c, OP_LOAD, true, true); return true;
    case INSN_LGFR:  load_rr(c, OP_MOVSXD, true, true); return true;
    case INSN_LLGFR: load_rr(c, OP_LOAD, false, true); return true;
    case INSN_LLHR:  load_rr(c, OP_MOVZX16, false, false); return true;
    case INSN_LLGHR: load_rr(c, OP_MOVZX16, false, true); return true;
    case INSN_LLCR:  load_rr(c, OP_MOVZX8, false, false); return true;
    case INSN_LLGCR: load_rr(c, OP_MOVZX8, false, true); return true;
    case INSN_LHR:   load_rr(c, OP_MOVSX16, false, false); return true;
    case INSN_LGHR:  load_rr(c, OP_MOVSX16, true, true); return true;
    case INSN_LBR:   load_rr(c, OP_MOVSX8, false, false); return true;
    case INSN_LGBR:  load_rr(c, OP_MOVSX8, true, true); return true;
    case INSN_LTR:
    case INSN_LTGR:
        x_mem(e, in->id == INSN_LTGR, OP_LOAD, RAX, RBX, GR(in->r2));
        x_mem(e, in->id == INSN_LTGR, OP_STORE, RAX, RBX, GR(in->r1));
        x_rr(e, in->id == INSN_LTGR, OP_TEST, RAX, RAX);
        cc_signed(e);
        return true;
    case INSN_LCR:
    case INSN_LCGR:
        x_mem(e, in->id == INSN_LCGR, OP_LOAD, RAX, RBX, GR(in->r2));
        x_rr(e, in->id == INSN_LCGR, 0xf7, 3, RAX);    /* neg */
        jit_slow(c, X_O);
        x_mem(e, in->id == INSN_LCGR, OP_STORE, RAX, RBX, GR(in->r1));
        cc_signed(e);
        return true;
    case INSN_LOCR:
    case INSN_LOCGR: {
        uint8_t *skip = NULL;

        cond = cc_mask_test(e, in->m3);
        if (cond == -2)
            return true;
        if (cond >= 0)
            skip = x_jump(e, cond ^ 1);
        x_mem(e, in->id == INSN_LOCGR, OP_LOAD, RAX, RBX, GR(in->r2));
        x_mem(e, in->id == INSN_LOCGR, OP_STORE, RAX, RBX, GR(in->r1));
        if (skip != NULL)
            x_patch(skip, e->p);
        return true;
    }

    /* register arithmetic and logic */
    case INSN_AR:  alu_rr(c, OP_ADD, false, in->r1, in->r1, in->r2, CC_SIGNED_OVF); return true;
    case INSN_SR:  alu_rr(c, OP_SUB, false, in->r1, in->r1, in->r2, CC_SIGNED_OVF); return true;
    case INSN_AGR: alu_rr(c, OP_ADD, true, in->r1, in->r1, in->r2, CC_SIGNED_OVF); return true;
    case INSN_SGR: alu_rr(c, OP_SUB, true, in->r1, in->r1, in->r2, CC_SIGNED_OVF); return true;
    case INSN_ALR: alu_rr(c, OP_ADD, false, in->r1, in->r1, in->r2, CC_ADD_LOGICAL); return true;
    case INSN_SLR: alu_rr(c, OP_SUB, false, in->r1, in->r1, in->r2, CC_SUB_LOGICAL); return true;
    case INSN_ALGR: alu_rr(c, OP_ADD, true, in->r1, in->r1, in->r2, CC_ADD_LOGICAL); return true;
    case INSN_SLGR: alu_rr(c, OP_SUB, true, in->r1, in->r1, in->r2, CC_SUB_LOGICAL); return true;
    case INSN_NR:  alu_rr(c, OP_AND, false, in->r1, in->r1, in->r2, CC_NONZERO); return true;
    case INSN_OR:  alu_rr(c, OP_OR, false, in->r1, in->r1, in->r2, CC_NONZERO); return true;
    case INSN_XR:  alu_rr(c, OP_XOR, false, in->r1, in->r1, in->r2, CC_NONZERO); return true;
    case INSN_NGR: alu_rr(c, OP_AND, true, in->r1, in->r1, in->r2, CC_NONZERO); return true;
    case INSN_OGR: alu_rr(c, OP_OR, true, in->r1, in->r1, in->r2, CC_NONZERO); return true;
    case INSN_XGR: alu_rr(c, OP_XOR, true, in->r1, in->r1, in->r2, CC_NONZERO); return true;
    case INSN_NRK: alu_rr(c, OP_AND, false, in->r1, in->r2, in->r3, CC_NONZERO); return true;
    case INSN_XRK: alu_rr(c, OP_XOR, false, in->r1, in->r2, in->r3, CC_NONZERO); return true;
    case INSN_MSR: alu_rr(c, OP_IMUL, false, in->r1, in->r1, in->r2, CC_NONE); return true;
    case INSN_MSGR: alu_rr(c, OP_IMUL, true, in->r1, in->r1, in->r2, CC_NONE); return true;
    case INSN_AGFR:
        x_mem(e, true, OP_MOVSXD, RAX, RBX, GR(in->r2));
        alu_rax(c, OP_ADD, true, CC_SIGNED_OVF);
        return true;
    case INSN_ALGFR:
        x_mem(e, false, OP_LOAD, RAX, RBX, GR(in->r2));
        alu_rax(c, OP_ADD, true, CC_ADD_LOGICAL);
        return true;
    case INSN_ALCGR: alu_carry(c, false); return true;
    case INSN_SLBGR: alu_carry(c, true); return true;
    case INSN_CR:
    case INSN_CGR:
    case INSN_CLR:
    case INSN_CLGR: {
        bool w = in->id == INSN_CGR || in->id == INSN_CLGR;

        x_mem(e, w, OP_LOAD, RAX, RBX, GR(in->r2));
        compare_rax(c, in->r1, w, in->id == INSN_CR || in->id == INSN_CGR);
        return true;
    }

    /* immediates */
    case INSN_LHI:
    case INSN_IILF:
        x_mem(e, false, 0xc7, 0, RBX, GR(in->r1));
        e32(e, (uint32_t)in->i2);
        return true;
    case INSN_LGHI:
    case INSN_LGFI:
        x_mem(e, true, 0xc7, 0, RBX, GR(in->r1));
        e32(e, (uint32_t)in->i2);
        return true;
    case INSN_LLILF:
        x_mov_imm(e, RAX, (uint32_t)in->i2);
        x_mem(e, true, OP_STORE, RAX, RBX, GR(in->r1));
        return true;
    case INSN_IIHF:
        x_mem(e, false, 0xc7, 0, RBX, GR(in->r1) + 4);
        e32(e, (uint32_t)in->i2);
        return true;
    case INSN_AHI:
    case INSN_AFI:
        alu_imm(c, G1_ADD, false, in->r1, in->r1, (int32_t)in->i2, CC_SIGNED_OVF);
        return true;
    case INSN_AGHI:
    case INSN_AGFI:
        alu_imm(c, G1_ADD, true, in->r1, in->r1, (int32_t)in->i2, CC_SIGNED_OVF);
        return true;
    case INSN_AHIK:
        alu_imm(c, G1_ADD, false, in->r1, in->r3, (int32_t)in->i2, CC_SIGNED_OVF);
        return true;
    case INSN_AGHIK:
        alu_imm(c, G1_ADD, true, in->r1, in->r3, (int32_t)in->i2, CC_SIGNED_OVF);
        return true;
    case INSN_NILF:
    case INSN_OILF:
    case INSN_XILF:
    case INSN_NIHF:
    case INSN_OIHF: {
        unsigned ext = in->id == INSN_NILF || in->id == INSN_NIHF ? G1_AND :
                       in->id == INSN_XILF ? G1_XOR : G1_OR;
        int32_t hi = in->id == INSN_NIHF || in->id == INSN_OIHF ? 4 : 0;

        x_imm_mem(e, false, ext, RBX, GR(in->r1) + hi, (int32_t)in->i2);
        cc_nonzero(e);
        return true;
    }
    case INSN_CHI:
    case INSN_CFI:
    case INSN_CGHI:
    case INSN_CLFI:
    case INSN_CLGFI: {
        bool w = in->id == INSN_CGHI || in->id == INSN_CLGFI;
        bool sign = in->id == INSN_CHI || in->id == INSN_CFI || in->id == INSN_CGHI;

        if (in->id == INSN_CLGFI)
            x_mov_imm(e, RAX, (uint32_t)in->i2);
        else
            mov_simm(e, RAX, (int32_t)in->i2);
        compare_rax(c, in->r1, w, sign);
        return true;
    }

    /* shifts and rotates */
    case INSN_SLL: shift32_logical(c, SH_SHL); return true;
    case INSN_SRL: shift32_logical(c, SH_SHR); return true;
    case INSN_SRA: shift32_arith(c); return true;
    case INSN_SLLG: shift_rsy(c, SH_SHL, true, false); return true;
    case INSN_SRLG: shift_rsy(c, SH_SHR, true, false); return true;
    case INSN_SRAG: shift_rsy(c, SH_SAR, true, true); return true;
    case INSN_RLL: shift_rsy(c, SH_ROL, false, false); return true;
    case INSN_RLLG: shift_rsy(c, SH_ROL, true, false); return true;

    /* storage operands */
    case INSN_L:
    case INSN_LY:
        fetch2(c, 4, false, false);
        x_mem(e, false, OP_STORE, RAX, RBX, GR(in->r1));
        return true;
    case INSN_LG:
    case INSN_LGF:
    case INSN_LLGF:
    case INSN_LGH:
    case INSN_LLGH:
    case INSN_LLGC:
    case INSN_LGB: {
        unsigned len = in->id == INSN_LG ? 8 : in->id == INSN_LGF || in->id == INSN_LLGF ? 4 :
                       in->id == INSN_LGH || in->id == INSN_LLGH ? 2 : 1;
        bool sign = in->id == INSN_LGF || in->id == INSN_LGH || in->id == INSN_LGB;

        fetch2(c, len, sign, true);
        x_mem(e, true, OP_STORE, RAX, RBX, GR(in->r1));
        return true;
    }
    case INSN_LH:
    case INSN_LHY:
    case INSN_LLH:
    case INSN_LLC:
    case INSN_LB: {
        unsigned len = in->id == INSN_LLC || in->id == INSN_LB ? 1 : 2;

        fetch2(c, len, in->id != INSN_LLH && in->id != INSN_LLC, false);
        x_mem(e, false, OP_STORE, RAX, RBX, GR(in->r1));
        return true;
    }
    case INSN_IC:
    case INSN_ICY:
        fetch2(c, 1, false, false);
        x_mem(e, false, OP_STORE8, RAX, RBX, GR(in->r1));
        return true;
    case INSN_LT:
    case INSN_LTG: {
        bool w = in->id == INSN_LTG;

        fetch2(c, w ? 8 : 4, false, w);
        x_mem(e, w, OP_STORE, RAX, RBX, GR(in->r1));
        x_rr(e, w, OP_TEST, RAX, RAX);
        cc_signed(e);
        return true;
    }
    case INSN_ST:
    case INSN_STY: store_gr(c, 4); return true;
    case INSN_STG: store_gr(c, 8); return true;
    case INSN_STH:
    case INSN_STHY: store_gr(c, 2); return true;
    case INSN_STC:
    case INSN_STCY: store_gr(c, 1); return true;
    case INSN_A:
    case INSN_AY: fetch2(c, 4, false, false); alu_rax(c, OP_ADD, false, CC_SIGNED_OVF); return true;
    case INSN_S:
    case INSN_SY: fetch2(c, 4, false, false); alu_rax(c, OP_SUB, false, CC_SIGNED_OVF); return true;
    case INSN_AG: fetch2(c, 8, false, true); alu_rax(c, OP_ADD, true, CC_SIGNED_OVF); return true;
    case INSN_SG: fetch2(c, 8, false, true); alu_rax(c, OP_SUB, true, CC_SIGNED_OVF); return true;
    case INSN_AL:
    case INSN_ALY: fetch2(c, 4, false, false); alu_rax(c, OP_ADD, false, CC_ADD_LOGICAL); return true;
    case INSN_SL: fetch2(c, 4, false, false); alu_rax(c, OP_SUB, false, CC_SUB_LOGICAL); return true;
    case INSN_ALG: fetch2(c, 8, false, true); alu_rax(c, OP_ADD, true, CC_ADD_LOGICAL); return true;
    case INSN_SLG: fetch2(c, 8, false, true); alu_rax(c, OP_SUB, true, CC_SUB_LOGICAL); return true;
    case INSN_N: fetch2(c, 4, false, false); alu_rax(c, OP_AND, false, CC_NONZERO); return true;
    case INSN_O: fetch2(c, 4, false, false); alu_rax(c, OP_OR, false, CC_NONZERO); return true;
    case INSN_X: fetch2(c, 4, false, false); alu_rax(c, OP_XOR, false, CC_NONZERO); return true;
    case INSN_NG: fetch2(c, 8, false, true); alu_rax(c, OP_AND, true, CC_NONZERO); return true;
    case INSN_OG: fetch2(c, 8, false, true); alu_rax(c, OP_OR, true, CC_NONZERO); return true;
    case INSN_XG: fetch2(c, 8, false, true); alu_rax(c, OP_XOR, true, CC_NONZERO); return true;
    case INSN_C:
    case INSN_CY: fetch2(c, 4, false, false); compare_rax(c, in->r1, false, true); return true;
    case INSN_CL:
    case INSN_CLY: fetch2(c, 4, false, false); compare_rax(c, in->r1, false, false); return true;
    case INSN_CG: fetch2(c, 8, false, true); compare_rax(c, in->r1, true, true); return true;
    case INSN_CLG: fetch2(c, 8, false, true); compare_rax(c, in->r1, true, false); return true;
    case INSN_LA:
    case INSN_LAY: load_address(c); return true;
    case INSN_MVI:
        si_operand(c, true);
        x_mem(e, false, 0xc6, 0, RDX, 0);
        e8(e, (uint8_t)in->i2);
        return true;
    case INSN_CLI:
        si_operand(c, false);
        x_mem(e, false, OP_MOVZX8, RAX, RDX, 0);
        x_imm(e, false, G1_CMP, RAX, (uint8_t)in->i2);
        cc_from(e, X_B, X_A);
        return true;
    case INSN_TM: test_under_mask(c); return true;

    /* branches */
    case INSN_BRC:
    case INSN_BRCL:
        cond = e->flags_in != FL_NONE ? flags_cond(e->flags_in, in->r1) :
               cc_mask_test(e, in->r1);
        if (cond != -2)
            jit_branch_rel(c, cond);
        return true;
    case INSN_BCR:
        if (in->r2 == 0 || (in->r1 & 15) == 0)
            return true;                    /* never taken (or serialization) */
        x_mem(e, true, OP_LOAD, RAX, RBX, GR(in->r2));
        x_mem(e, true, OP_AND, RAX, RBX, CPU_OFF(amode_mask));
        jit_branch_reg(c, cc_mask_test(e, in->r1));     /* after the AND: it sets flags */
        return true;
    case INSN_BRCT:
    case INSN_BRCTG:
        x_imm_mem(e, in->id == INSN_BRCTG, G1_SUB, RBX, GR(in->r1), 1);
        jit_branch_rel(c, X_NE);
        return true;
    case INSN_CRJ:
    case INSN_CGRJ:
    case INSN_CLRJ:
    case INSN_CLGRJ: {
        bool w = in->id == INSN_CGRJ || in->id == INSN_CLGRJ;

        x_mem(e, w, OP_LOAD, RAX, RBX, GR(in->r1));
        x_mem(e, w, OP_CMP, RAX, RBX, GR(in->r2));
        compare_branch(c, in->id == INSN_CRJ || in->id == INSN_CGRJ);
        return true;
    }
    case INSN_CIJ:
    case INSN_CGIJ:
    case INSN_CLIJ:
    case INSN_CLGIJ: {
        bool w = in->id == INSN_CGIJ || in->id == INSN_CLGIJ;
        bool sign = in->id == INSN_CIJ || in->id == INSN_CGIJ;
        int32_t imm = sign ? (int32_t)in->i2 : (int32_t)(uint8_t)in->i2;

        x_mem(e, w, OP_LOAD, RAX, RBX, GR(in->r1));
        x_imm(e, w, G1_CMP, RAX, imm);
        compare_branch(c, sign);
        return true;
    }
    case INSN_CLC: return compare_logical_chars(c);
    case INSN_RISBG: rotate_insert(c); return true;
    case INSN_RNSBG: rotate_combine(c, OP_AND); return true;
    case INSN_ROSBG: rotate_combine(c, OP_OR); return true;
    case INSN_RXSBG: rotate_combine(c, OP_XOR); return true;
    case INSN_TMLL: test_halfword(c, 0); return true;
    case INSN_TMLH: test_halfword(c, 2); return true;
    case INSN_TMHL: test_halfword(c, 4); return true;
    case INSN_TMHH: test_halfword(c, 6); return true;
    case INSN_ALFI:
        alu_imm(c, G1_ADD, false, in->r1, in->r1, (int32_t)in->i2, CC_ADD_LOGICAL);
        return true;
    case INSN_SLFI:
        alu_imm(c, G1_SUB, false, in->r1, in->r1, (int32_t)in->i2, CC_SUB_LOGICAL);
        return true;
    case INSN_ARK:  alu_rr(c, OP_ADD, false, in->r1, in->r2, in->r3, CC_SIGNED_OVF); return true;
    case INSN_SRK:  alu_rr(c, OP_SUB, false, in->r1, in->r2, in->r3, CC_SIGNED_OVF); return true;
    case INSN_AGRK: alu_rr(c, OP_ADD, true, in->r1, in->r2, in->r3, CC_SIGNED_OVF); return true;
    case INSN_SGRK: alu_rr(c, OP_SUB, true, in->r1, in->r2, in->r3, CC_SIGNED_OVF); return true;
    case INSN_ALGRK: alu_rr(c, OP_ADD, true, in->r1, in->r2, in->r3, CC_ADD_LOGICAL); return true;
    case INSN_SLGRK: alu_rr(c, OP_SUB, true, in->r1, in->r2, in->r3, CC_SUB_LOGICAL); return true;
    case INSN_ORK:  alu_rr(c, OP_OR, false, in->r1, in->r2, in->r3, CC_NONZERO); return true;
    case INSN_NGRK: alu_rr(c, OP_AND, true, in->r1, in->r2, in->r3, CC_NONZERO); return true;
    case INSN_OGRK: alu_rr(c, OP_OR, true, in->r1, in->r2, in->r3, CC_NONZERO); return true;
    case INSN_XGRK: alu_rr(c, OP_XOR, true, in->r1, in->r2, in->r3, CC_NONZERO); return true;
    case INSN_EAR:
        x_mem(e, false, OP_LOAD, RAX, RBX, CPU_OFF(ar) + 4 * (int32_t)in->r2);
        x_mem(e, false, OP_STORE, RAX, RBX, GR(in->r1));
        return true;
    case INSN_LGDR:
        afp_check(c, in->r2);
        x_mem(e, true, OP_LOAD, RAX, RBX, CPU_OFF(vr) + 16 * (int32_t)in->r2);
        x_mem(e, true, OP_STORE, RAX, RBX, GR(in->r1));
        return true;
    case INSN_LDGR:
        afp_check(c, in->r1);
        x_mem(e, true, OP_LOAD, RAX, RBX, GR(in->r2));
        x_mem(e, true, OP_STORE, RAX, RBX, CPU_OFF(vr) + 16 * (int32_t)in->r1);
        return true;
    case INSN_LD:
    case INSN_LDY:
        afp_check(c, in->r1);
        fetch2(c, 8, false, true);
        x_mem(e, true, OP_STORE, RAX, RBX, CPU_OFF(vr) + 16 * (int32_t)in->r1);
        return true;
    case INSN_STD:
    case INSN_STDY:
        afp_check(c, in->r1);
        address(c, in->d2, in->x2, in->b2);
        tlb(c, true, 8);
        x_mem(e, true, OP_LOAD, RAX, RBX, CPU_OFF(vr) + 16 * (int32_t)in->r1);
        x_bswap(e, true, RAX);
        x_mem(e, true, OP_STORE, RAX, RDX, 0);
        return true;
    case INSN_LARL:
        x_mem(e, true, OP_LEA, RAX, R14, (int32_t)(c->off[c->k] - c->off[0]) + (int32_t)in->ri);
        x_mem(e, true, OP_AND, RAX, RBX, CPU_OFF(amode_mask));
        set_address(c, in->r1);
        return true;
    case INSN_LGRL:
    case INSN_LRL:
    case INSN_LGFRL:
    case INSN_LLGFRL: {
        unsigned len = in->id == INSN_LGRL ? 8 : 4;
        bool w = in->id != INSN_LRL;

        if (!rel_address(c, len))
            return false;
        tlb(c, false, len);
        load_be(e, len, in->id == INSN_LGFRL, w);
        x_mem(e, w, OP_STORE, RAX, RBX, GR(in->r1));
        return true;
    }
    case INSN_STGRL:
    case INSN_STRL: {
        unsigned len = in->id == INSN_STGRL ? 8 : 4;

        if (!rel_address(c, len))
            return false;
        tlb(c, true, len);
        x_mem(e, len == 8, OP_LOAD, RAX, RBX, GR(in->r1));
        x_bswap(e, len == 8, RAX);
        x_mem(e, len == 8, OP_STORE, RAX, RDX, 0);
        return true;
    }
    case INSN_LMG: multiple(c, 8, false); return true;
    case INSN_STMG: multiple(c, 8, true); return true;
    case INSN_LM: multiple(c, 4, false); return true;
    case INSN_STM: multiple(c, 4, true); return true;
    case INSN_MVHHI: store_imm(c, 2, (uint64_t)in->i2); return true;
    case INSN_MVHI: store_imm(c, 4, (uint64_t)in->i2); return true;
    case INSN_MVGHI: store_imm(c, 8, (uint64_t)in->i2); return true;
    case INSN_CLIY:
        si_operand(c, false);
        x_mem(e, false, OP_MOVZX8, RAX, RDX, 0);
        x_imm(e, false, G1_CMP, RAX, (uint8_t)in->i2);
        cc_from(e, X_B, X_A);
        return true;
    case INSN_LLIHF:
        x_mov_imm(e, RAX, (uint64_t)(uint32_t)in->i2 << 32);
        x_mem(e, true, OP_STORE, RAX, RBX, GR(in->r1));
        return true;
    case INSN_BRAS:
    case INSN_BRASL:
        /* the 64-bit mode's link: the next instruction's address */
        x_imm_mem(e, true, G1_CMP, RBX, CPU_OFF(amode_mask), -1);
        jit_slow(c, X_NE);
        page_next(c, RAX);
        x_mem(e, true, OP_STORE, RAX, RBX, GR(in->r1));
        jit_branch_rel(c, -1);
        return true;
    default:
        return false;
    }
}

#endif
