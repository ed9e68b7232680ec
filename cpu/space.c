/* Address-space control and the moves between spaces and keys (PoO chapter
 * 10): SAC, SACF, IAC, EPAR, ESAR, IVSK, MVCP, MVCS, MVCK, MVCSK, MVCDK,
 * MVPG, PALB.
 * ASN translation (SSAR, PT, PC) and the linkage stack are not here. */
#include "cpu/cpu.h"

#include "cpu/asn.h"
#include "cpu/insn.h"
#include "cpu/lowcore.h"
#include "cpu/regs.h"
#include "mmu/mmu.h"

#define CR0_EXTRACT_AUTH  BIT64(36)     /* extraction-authority control */
#define CR0_SECONDARY     BIT64(37)     /* secondary-space control */
#define MOVE_MAX          256u          /* MVCP, MVCS, MVCK move at most this much */

/* The PSW ASC value (bits 16-17) of the SAC mode code @code (second-operand
 * address bits 52-55, IAC's result): 0 primary, 1 secondary, 2 AR, 3 home. */
static unsigned asc_of_code(unsigned code)
{
    static const uint8_t asc[4] = {
        PSW_ASC_PRIMARY, PSW_ASC_SECONDARY, PSW_ASC_AR, PSW_ASC_HOME,
    };

    return asc[code];
}

/* The common checks of the extraction instructions (IAC, EPAR, ESAR,
 * IVSK). Returns 0, special operation (DAT off) or privileged operation
 * (problem state with CR0 bit 36 zero). */
static exc_t extract_check(const struct cpu *cpu)
{
    if (!(cpu->psw.mask & PSW_MASK_DAT))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    if (cpu_problem_state(cpu) && !(cpu->cr[0] & CR0_EXTRACT_AUTH))
        return EXC_PGM(PGM_PRIVILEGED_OP);
    return 0;
}

/* SAC and SACF: set the address-space control from bits 52-55 of the
 * second-operand address. Switching into or out of the home space with a
 * space-switch-event control (CR1 or CR13 bit 57) one or PER on completes
 * and then reports a space-switch event, the TEID holding the old PASN (into
 * home) in bits 48-63 and the event control in bit 32. Returns 0, special
 * operation (DAT off, CR0 bit 37 zero), privileged operation (home mode in
 * the problem state), specification (code above 3) or space-switch event.
 * PoO ch. 10, "SET ADDRESS SPACE CONTROL". */
static exc_t set_address_space_control(struct cpu *cpu, const struct insn *in)
{
    unsigned code = (unsigned)(insn_addr2(cpu, in) >> 8) & 0xf;
    uint64_t old = cpu->psw.mask;
    unsigned from = PSW_ASC(old), to;

    if (!(old & PSW_MASK_DAT) || !(cpu->cr[0] & CR0_SECONDARY))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    if (code == 3 && cpu_problem_state(cpu))
        return EXC_PGM(PGM_PRIVILEGED_OP);
    if (code > 3)
        return EXC_PGM(PGM_SPECIFICATION);
    to = asc_of_code(code);
    cpu->psw.mask = (old & ~PSW_MASK_ASC) | (uint64_t)to << 46;
    mmu_psw_changed(cpu, old);
    if ((from == PSW_ASC_HOME) == (to == PSW_ASC_HOME))
        return 0;
    if (!(cpu->cr[1] & ASCE_SSE) && !(cpu->cr[13] & ASCE_SSE) && !(old & PSW_MASK_PER))
        return 0;
    if (to == PSW_ASC_HOME)
        cpu->exc.teid = (cpu->cr[4] & 0xffff) | (cpu->cr[1] & ASCE_SSE ? BIT64(32) : 0);
    else
        cpu->exc.teid = cpu->cr[13] & ASCE_SSE ? BIT64(32) : 0;
    return EXC_PGM(PGM_SPACE_SWITCH);
}

/* SAC - SET ADDRESS SPACE CONTROL (S). Returns as set_address_space_control. */
exc_t insn_sac(struct cpu *cpu, const struct insn *in)
{
    return set_address_space_control(cpu, in);
}

/* SACF - SET ADDRESS SPACE CONTROL FAST (S): SAC without serialization.
 * Returns as set_address_space_control. */
exc_t insn_sacf(struct cpu *cpu, const struct insn *in)
{
    return set_address_space_control(cpu, in);
}

/* IAC - INSERT ADDRESS SPACE CONTROL (RRE): the mode code (0 primary, 1
 * secondary, 2 AR, 3 home: PSW bits 16-17 in reverse order) into bits 48-55
 * of R1 and the CC. Returns 0 or as extract_check. */
exc_t insn_iac(struct cpu *cpu, const struct insn *in)
{
    unsigned asc = PSW_ASC(cpu->psw.mask);
    unsigned code = (asc >> 1 | asc << 1) & 3;
    exc_t exc = extract_check(cpu);

    if (exc)
        return exc;
    cpu->gr[in->r1] = (cpu->gr[in->r1] & ~UINT64_C(0xff00)) | (uint64_t)code << 8;
    cpu_set_cc(cpu, code);
    return 0;
}

/* Bits 48-63 of R1 from @asn, bits 32-47 zero, bits 0-31 unchanged. */
static void set_asn(struct cpu *cpu, unsigned r1, uint64_t asn)
{
    cpu_set_gr32(cpu, r1, (uint32_t)(asn & 0xffff));
}

/* EPAR - EXTRACT PRIMARY ASN (RRE): the PASN (CR4 bits 48-63). Returns 0
 * or as extract_check. */
exc_t insn_epar(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = extract_check(cpu);

    if (exc)
        return exc;
    set_asn(cpu, in->r1, cpu->cr[4]);
    return 0;
}

/* ESAR - EXTRACT SECONDARY ASN (RRE): the SASN (CR3 bits 48-63). Returns 0
 * or as extract_check. */
exc_t insn_esar(struct cpu *cpu, const struct insn *in)
{
    exc_t exc = extract_check(cpu);

    if (exc)
        return exc;
    set_asn(cpu, in->r1, cpu->cr[3]);
    return 0;
}

/* IVSK - INSERT VIRTUAL STORAGE KEY (RRE): the access-control and fetch-
 * protection bits of the key of the frame behind the virtual address in R2
 * into bits 56-60 of R1, bits 61-63 zero. Returns 0, as extract_check, or
 * the translation and addressing exceptions of the address. */
exc_t insn_ivsk(struct cpu *cpu, const struct insn *in)
{
    uint64_t aaddr;
    exc_t exc = extract_check(cpu);

    if (exc)
        return exc;
    exc = mmu_translate_key(cpu, in->r2, cpu_wrap(cpu, cpu->gr[in->r2]), ACC_FETCH, 0, &aaddr);
    if (exc)
        return exc;
    exc = mmu_abs_host(cpu, aaddr, 1, ACC_FETCH, &aaddr);
    if (exc)
        return exc;
    cpu->gr[in->r1] = (cpu->gr[in->r1] & ~UINT64_C(0xff)) |
                      (cpu->mem->keys[aaddr >> 12] & (SKEY_ACC | SKEY_F));
    return 0;
}

/* Move @n bytes (at most 256) from the second operand at @addr2 in space
 * @asc2 with key @key2 to the first at @addr1 in @asc1 with @key1, left to
 * right one byte at a time. Returns 0 or an access exception; nothing is
 * stored unless both operands are accessible. */
static exc_t move_keyed(struct cpu *cpu, const struct insn *in, uint64_t addr1, unsigned asc1,
                        unsigned key1, uint64_t addr2, unsigned asc2, unsigned key2, uint32_t n)
{
    struct acc op1, op2;
    exc_t exc;

    exc = mmu_prepare_space(cpu, &op2, in->b2, addr2, n, ACC_FETCH, asc2, key2);
    if (exc)
        return exc;
    exc = mmu_prepare_space(cpu, &op1, in->b1, addr1, n, ACC_STORE, asc1, key1);
    if (exc)
        return exc;
    for (uint32_t i = 0; i < n; i++)
        acc_set(&op1, i, acc_get(&op2, i));
    return 0;
}

/* MVCP, MVCS and MVCK: the true length in R1 (at most 256 bytes move, CC 3
 * when it is larger, else CC 0), the secondary-space key in R3 bits 56-59.
 * @secondary1/@secondary2 name the operand in the secondary space, which
 * uses the R3 key (MVCK: neither; both operands in the PSW's space, the
 * second with the R3 key). Returns 0,
 * special operation (MVCP, MVCS: DAT off, CR0 bit 37 zero, home mode),
 * privileged operation (key not in the PSW-key mask in the problem state)
 * or access exceptions. */
static exc_t move_with_key(struct cpu *cpu, const struct insn *in, bool secondary1,
                           bool secondary2)
{
    uint64_t len = reg_len(cpu, in->r1);
    unsigned key = (unsigned)(cpu->gr[in->r3] >> 4) & 0xf;
    unsigned psw_key = PSW_KEY(cpu->psw.mask);
    unsigned asc = PSW_ASC(cpu->psw.mask);
    unsigned asc1 = asc, asc2 = asc;
    exc_t exc;

    if (secondary1 || secondary2) {
        if (!(cpu->psw.mask & PSW_MASK_DAT) || !(cpu->cr[0] & CR0_SECONDARY) ||
            asc == PSW_ASC_HOME)
            return EXC_PGM(PGM_SPECIAL_OPERATION);
        asc1 = secondary1 ? PSW_ASC_SECONDARY : PSW_ASC_PRIMARY;
        asc2 = secondary2 ? PSW_ASC_SECONDARY : PSW_ASC_PRIMARY;
    }
    if (!cpu_key_authorized(cpu, key))
        return EXC_PGM(PGM_PRIVILEGED_OP);
    exc = move_keyed(cpu, in, insn_addr1(cpu, in), asc1, secondary1 ? key : psw_key,
                     insn_addr2(cpu, in), asc2, secondary1 ? psw_key : key,
                     (uint32_t)(len < MOVE_MAX ? len : MOVE_MAX));
    if (exc)
        return exc;
    cpu_set_cc(cpu, len > MOVE_MAX ? 3 : 0);
    return 0;
}

/* MVCP - MOVE TO PRIMARY (SS): from the secondary space (R3 key) to the
 * primary (PSW key). Returns as move_with_key. */
exc_t insn_mvcp(struct cpu *cpu, const struct insn *in)
{
    return move_with_key(cpu, in, false, true);
}

/* MVCS - MOVE TO SECONDARY (SS): from the primary space (PSW key) to the
 * secondary (R3 key). Returns as move_with_key. */
exc_t insn_mvcs(struct cpu *cpu, const struct insn *in)
{
    return move_with_key(cpu, in, true, false);
}

/* MVCK - MOVE WITH KEY (SS): the second operand fetched with the R3 key,
 * both in the PSW's space. Returns as move_with_key. */
exc_t insn_mvck(struct cpu *cpu, const struct insn *in)
{
    return move_with_key(cpu, in, false, false);
}

/* MVCSK and MVCDK: GR0 bits 56-63 + 1 bytes, the GR1 key (bits 56-59) for
 * the source (@dest false) or the destination operand. Returns 0,
 * privileged operation or access exceptions. */
static exc_t move_gr1_key(struct cpu *cpu, const struct insn *in, bool dest)
{
    unsigned key = (unsigned)(cpu->gr[1] >> 4) & 0xf;
    unsigned psw_key = PSW_KEY(cpu->psw.mask);
    unsigned asc = PSW_ASC(cpu->psw.mask);

    if (!cpu_key_authorized(cpu, key))
        return EXC_PGM(PGM_PRIVILEGED_OP);
    return move_keyed(cpu, in, insn_addr1(cpu, in), asc, dest ? key : psw_key,
                      insn_addr2(cpu, in), asc, dest ? psw_key : key,
                      (uint32_t)(cpu->gr[0] & 0xff) + 1);
}

/* MVCSK - MOVE WITH SOURCE KEY (SSE). Returns as move_gr1_key. */
exc_t insn_mvcsk(struct cpu *cpu, const struct insn *in)
{
    return move_gr1_key(cpu, in, false);
}

/* MVCDK - MOVE WITH DESTINATION KEY (SSE). Returns as move_gr1_key. */
exc_t insn_mvcdk(struct cpu *cpu, const struct insn *in)
{
    return move_gr1_key(cpu, in, true);
}

#define MVPG_F      BIT64(52)       /* destination accessed with the GR0 key */
#define MVPG_S      BIT64(53)       /* source accessed with the GR0 key */
#define MVPG_CCO    BIT64(55)       /* condition-code option */

/* Is @exc one that MVPG's condition-code option turns into a CC: the page
 * (or segment) of the operand is not available? */
static bool mvpg_unavailable(exc_t exc)
{
    return EXC_CODE(exc) == PGM_PAGE_TRANSLATION || EXC_CODE(exc) == PGM_SEGMENT_TRANSLATION;
}

/* MVPG - MOVE PAGE (RRE): the 4 KiB page at the R2 address to the one at
 * the R1 address, CC 0. GR0: F (bit 52) and S (bit 53) name the operand
 * accessed with the key in bits 56-59, CCO (bit 55) turns an unavailable
 * source page into CC 2 and destination page into CC 1; without it a
 * page-translation exception stores R1 and R2 at real location 162.
 * Returns 0, specification (bits 48-51 nonzero, F and S both one),
 * privileged operation (key not in the PSW-key mask in the problem state)
 * or access exceptions. PoO ch. 10, "MOVE PAGE". */
exc_t insn_mvpg(struct cpu *cpu, const struct insn *in)
{
    uint64_t r0 = cpu->gr[0];
    unsigned key = (unsigned)(r0 >> 4) & 0xf, psw_key = PSW_KEY(cpu->psw.mask);
    unsigned asc = PSW_ASC(cpu->psw.mask);
    uint64_t dst = cpu_wrap(cpu, cpu->gr[in->r1]) & PAGE_MASK;
    uint64_t src = cpu_wrap(cpu, cpu->gr[in->r2]) & PAGE_MASK;
    struct acc op1, op2;
    exc_t exc;

    if ((r0 & UINT64_C(0xf000)) || ((r0 & MVPG_F) && (r0 & MVPG_S)))
        return EXC_PGM(PGM_SPECIFICATION);
    if ((r0 & (MVPG_F | MVPG_S)) && !cpu_key_authorized(cpu, key))
        return EXC_PGM(PGM_PRIVILEGED_OP);
    exc = mmu_prepare_space(cpu, &op2, in->r2, src, PAGE_SIZE, ACC_FETCH, asc,
                            r0 & MVPG_S ? key : psw_key);
    if (exc && (r0 & MVPG_CCO) && mvpg_unavailable(exc)) {
        cpu_set_cc(cpu, 2);
        return 0;
    }
    if (!exc) {
        exc = mmu_prepare_space(cpu, &op1, in->r1, dst, PAGE_SIZE, ACC_STORE, asc,
                                r0 & MVPG_F ? key : psw_key);
        if (exc && (r0 & MVPG_CCO) && mvpg_unavailable(exc)) {
            cpu_set_cc(cpu, 1);
            return 0;
        }
    }
    if (exc) {
        if (EXC_CODE(exc) == PGM_PAGE_TRANSLATION)
            mmu_lowcore(cpu)[LC_OP_ACCESS_ID] = (uint8_t)(in->r1 << 4 | in->r2);
        return exc;
    }
    for (uint32_t i = 0; i < PAGE_SIZE; i++)
        acc_set(&op1, i, acc_get(&op2, i));
    cpu_set_cc(cpu, 0);
    return 0;
}

/* PALB - PURGE ALB (RRE): empties the ART-lookaside buffer. Sieve performs
 * access-register translation only for ALETs 0 and 1, which need no ALB,
 * so there is nothing to purge. Returns 0. */
exc_t insn_palb(struct cpu *cpu, const struct insn *in)
{
    (void)cpu;
    (void)in;
    return 0;
}
