/* TRAP2, TRAP4 and RESUME PROGRAM (PoO chapter 10, "TRAP", "RESUME
 * PROGRAM"): a trap saves the program's state in the trap save area that
 * the trap control block (DUCT word 11, home space) names and enters the
 * trap program; RESUME PROGRAM loads a PSW, an access register and a
 * general register back from such an area, as its parameter list says. */
#include "cpu/cpu.h"

#include <string.h>
#include "cpu/insn.h"
#include "mmu/art.h"
#include "mmu/mmu.h"

#define DUCT_TRAP_E     0x00000001u     /* word 11 bit 31: trap enabled */
#define DUCT_TCBA       0x7ffffff8u     /* word 11: trap-control-block address */
#define TCB_P           0x00040000u     /* word 0 bit 13: z/Architecture PSW */
#define TCB_R           0x00020000u     /* word 0 bit 14: 64-bit registers */
#define TCB_OFF_TSAO    12              /* word 3: trap-save-area origin */
#define TCB_OFF_TPA     20              /* word 5: trap-program address */
#define TCB_LEN         24
#define TSA_OFF_OPERAND 8
#define TSA_OFF_AR15    12
#define TSA_OFF_PSW     16
#define TSA_OFF_GRS     32
#define TSA_MAX         (TSA_OFF_GRS + 16 * 8)
#define TRAP_FLAG_EX    0x80000000u     /* TRAP was the target of an EXECUTE */
#define TRAP_FLAG_TRAP4 0x40000000u
#define ESA_PSW_BIT12   BIT64(12)

/* The ESA/390 form (8 bytes) of the current PSW with address @addr. */
static uint64_t esa390_psw(const struct cpu *cpu, uint64_t addr)
{
    uint64_t mask = cpu_psw_mask(cpu);

    return (mask & UINT64_C(0xffffffff00000000) & ~PSW_MASK_EA) | ESA_PSW_BIT12 |
           (mask & PSW_MASK_BA) | (addr & 0x7fffffffu);
}

/* Fill the trap save area image @tsa (@len bytes) for TRAP4 operand @op. */
static void fill_tsa(struct cpu *cpu, uint8_t *tsa, uint32_t tcb0, bool trap4, uint64_t op)
{
    uint32_t flags = (uint32_t)cpu->ilen << 16;

    if (cpu->ia != cpu->psw.addr)
        flags |= TRAP_FLAG_EX;
    if (trap4)
        flags |= TRAP_FLAG_TRAP4;
    st_be32(tsa, flags);
    st_be32(tsa + TSA_OFF_OPERAND, (uint32_t)op & 0x7fffffffu);
    st_be32(tsa + TSA_OFF_AR15, cpu->ar[15]);
    if (tcb0 & TCB_P) {
        st_be64(tsa + TSA_OFF_PSW, cpu_psw_mask(cpu));
        st_be64(tsa + TSA_OFF_PSW + 8, cpu->next_ia);
    } else {
        st_be64(tsa + TSA_OFF_PSW, esa390_psw(cpu, cpu->next_ia));
    }
    for (unsigned i = 0; i < 16; i++) {
        if (tcb0 & TCB_R)
            st_be64(tsa + TSA_OFF_GRS + 8 * i, cpu->gr[i]);
        else
            st_be32(tsa + TSA_OFF_GRS + 4 * i, (uint32_t)cpu->gr[i]);
    }
}

/* The common part of TRAP2 and TRAP4 (@op: TRAP4's second-operand address).
 * Returns 0, special operation (DAT off, not the primary-space or AR mode,
 * trap not enabled, a 64-bit-mode trap with the TCB's P bit zero), or the
 * access exceptions of the DUCT, the TCB and the trap save area. */
static exc_t trap(struct cpu *cpu, bool trap4, uint64_t op)
{
    uint8_t raw[TCB_LEN], tsa[TSA_MAX];
    unsigned asc = PSW_ASC(cpu->psw.mask);
    uint32_t duct11, tcb0, len;
    struct acc tcb, save;
    exc_t exc;

    if (!(cpu->psw.mask & PSW_MASK_DAT) || (asc != PSW_ASC_PRIMARY && asc != PSW_ASC_AR))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    exc = mmu_real_fetch(cpu, (cpu->cr[2] & CR_TABLE_ORIGIN) + DUCT_TRAP, 4, raw);
    if (exc)
        return exc;
    duct11 = ld_be32(raw);
    if (!(duct11 & DUCT_TRAP_E))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    exc = mmu_prepare_asc(cpu, &tcb, 0, duct11 & DUCT_TCBA, TCB_LEN, ACC_FETCH, PSW_ASC_HOME);
    if (exc)
        return exc;
    acc_read(&tcb, 0, raw, TCB_LEN);
    tcb0 = ld_be32(raw);
    len = tcb0 & TCB_R ? TSA_OFF_GRS + 16 * 8 : TSA_OFF_GRS + 16 * 4;
    exc = mmu_prepare_asc(cpu, &save, 0, ld_be32(raw + TCB_OFF_TSAO) & 0x7ffffff8u, len,
                          ACC_STORE, PSW_ASC_HOME);
    if (exc)
        return exc;
    if (!(tcb0 & TCB_P) && (cpu->psw.mask & PSW_MASK_EA))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    memset(tsa, 0, sizeof(tsa));
    fill_tsa(cpu, tsa, tcb0, trap4, op);
    acc_write(&save, 0, tsa, len);
    if (cpu->psw.mask & PSW_MASK_EA)
        cpu->gr[15] = duct11 & DUCT_TCBA;
    else
        cpu_set_gr32(cpu, 15, duct11 & DUCT_TCBA);
    cpu->bea = cpu->psw.addr;
    cpu_load_psw(cpu, (cpu_psw_mask(cpu) & ~(PSW_MASK_EA | PSW_MASK_ASC)) | PSW_MASK_BA,
                 ld_be32(raw + TCB_OFF_TPA) & 0x7fffffffu);
    return 0;
}

/* TRAP2 - TRAP (E). Returns as trap(). PoO ch. 10, "TRAP". */
exc_t insn_trap2(struct cpu *cpu, const struct insn *in)
{
    return trap(cpu, false, 0);
}

/* TRAP4 - TRAP (S): the second-operand address (not accessed) goes to the
 * trap save area. Returns as trap(). */
exc_t insn_trap4(struct cpu *cpu, const struct insn *in)
{
    return trap(cpu, true, insn_addr2(cpu, in));
}

#define RP_FLAGS_RESERVED 0xfff8u       /* flag bits 0-12 */
#define RP_PSW16        0x0004u         /* bit 13: 16-byte PSW */
#define RP_GR_MASK      0x0003u         /* bits 14-15: register field format */
#define RP_GR8          0x0002u         /* 8-byte GR */
#define RP_GR_DISJOINT  0x0003u         /* 4-byte low and 4-byte high halves */

/* The new PSW of RESUME PROGRAM from the operand PSW @p (8 or 16 bytes):
 * bits 0-15 stay the current PSW's; bits 16-23 (space, CC, program mask),
 * bit 31 and the address come from the operand. Returns 0 with *mask and
 * *addr, specification (invalid PSW, odd address) or privileged operation
 * (home-space mode in the problem state). */
static exc_t rp_new_psw(struct cpu *cpu, const uint8_t *p, bool psw16, uint64_t *mask,
                        uint64_t *addr)
{
    uint64_t op = ld_be64(p);
    uint64_t lim;

    *mask = (cpu->psw.mask & UINT64_C(0xffff000000000000)) |
            (op & (UINT64_C(0xff) << 40)) | (op & PSW_MASK_EA);
    if (psw16) {
        if (op & UINT64_C(0x7fffffff))
            return EXC_PGM(PGM_SPECIFICATION);
        *mask |= op & PSW_MASK_BA;
        *addr = ld_be64(p + 8);
    } else {
        *mask |= op & PSW_MASK_BA;
        *addr = op & 0x7fffffffu;
    }
    if ((*mask & PSW_MASK_EA) && !(*mask & PSW_MASK_BA))
        return EXC_PGM(PGM_SPECIFICATION);
    lim = *mask & PSW_MASK_EA ? UINT64_MAX : *mask & PSW_MASK_BA ? 0x7fffffffu : 0xffffffu;
    if ((*addr & 1) || *addr > lim)
        return EXC_PGM(PGM_SPECIFICATION);
    if (PSW_ASC(*mask) == PSW_ASC_HOME && cpu_problem_state(cpu))
        return EXC_PGM(PGM_PRIVILEGED_OP);
    return 0;
}

/* Fetch @len bytes at operand offset @off of RESUME PROGRAM. */
static exc_t rp_fetch(struct cpu *cpu, const struct insn *in, uint16_t off, unsigned len,
                      uint8_t *buf)
{
    return mmu_fetch_slow(cpu, in->b2, cpu_wrap(cpu, insn_addr2(cpu, in) + off), len, buf);
}

/* RP - RESUME PROGRAM (S): the parameter list after the instruction gives
 * flags and the offsets, from the second-operand address, of a new PSW, of
 * the new contents of AR B2 and of GR B2. Returns 0, specification
 * (reserved flags, invalid PSW), privileged operation, or access exceptions.
 * PoO ch. 10, "RESUME PROGRAM". */
exc_t insn_rp(struct cpu *cpu, const struct insn *in)
{
    uint8_t pl[10] = { 0 }, psw[16], ar[4], gr[8], grh[4];
    uint16_t flags, gr_fmt;
    uint64_t mask, addr;
    struct acc list;
    exc_t exc;

    exc = mmu_prepare(cpu, &list, 0, cpu_wrap(cpu, cpu->ia + 4), 8, ACC_IFETCH);
    if (exc)
        return exc;
    acc_read(&list, 0, pl, 8);
    flags = ld_be16(pl);
    gr_fmt = flags & RP_GR_MASK;
    if (flags & RP_FLAGS_RESERVED)
        return EXC_PGM(PGM_SPECIFICATION);
    if (gr_fmt == RP_GR_DISJOINT) {
        exc = mmu_prepare(cpu, &list, 0, cpu_wrap(cpu, cpu->ia + 12), 2, ACC_IFETCH);
        if (exc)
            return exc;
        acc_read(&list, 0, pl + 8, 2);
    }
    exc = rp_fetch(cpu, in, ld_be16(pl + 2), flags & RP_PSW16 ? 16 : 8, psw);
    if (!exc)
        exc = rp_fetch(cpu, in, ld_be16(pl + 4), 4, ar);
    if (!exc)
        exc = rp_fetch(cpu, in, ld_be16(pl + 6), gr_fmt == RP_GR8 ? 8 : 4, gr);
    if (!exc && gr_fmt == RP_GR_DISJOINT)
        exc = rp_fetch(cpu, in, ld_be16(pl + 8), 4, grh);
    if (!exc)
        exc = rp_new_psw(cpu, psw, flags & RP_PSW16, &mask, &addr);
    if (exc)
        return exc;
    cpu->ar[in->b2] = ld_be32(ar);
    if (gr_fmt == RP_GR8)
        cpu->gr[in->b2] = ld_be64(gr);
    else if (gr_fmt == RP_GR_DISJOINT)
        cpu->gr[in->b2] = (uint64_t)ld_be32(grh) << 32 | ld_be32(gr);
    else
        cpu_set_gr32(cpu, in->b2, ld_be32(gr));
    cpu->bea = cpu->psw.addr;
    cpu_load_psw(cpu, mask, addr);
    return 0;
}
