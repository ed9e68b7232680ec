/* Control instructions (PoO chapter 10) needed by the machine's start-up
 * and by bare-metal programs: PSW and control-register loads and stores,
 * SERVICE CALL, SIGNAL PROCESSOR, prefix, CPU identification. The rest of
 * chapter 10 arrives with the system-architecture work. */
#include "cpu/cpu.h"

#include <string.h>

#include "cpu/insn.h"
#include "cpu/lowcore.h"
#include "cpu/model.h"
#include "hw/doors.h"
#include "mmu/mmu.h"
#include "sie/sie.h"

/* Apply a change of control registers: translation and interruption
 * subclasses may have changed. */
static void cr_changed(struct cpu *cpu)
{
    mmu_tlb_flush(cpu);
    cpu_update_attn(cpu);
}

/* LPSWE - LOAD PSW EXTENDED (S). Returns specification or access exceptions. */
exc_t insn_lpswe(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    uint64_t mask, ia;
    exc_t exc;

    if (addr & 7)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_fetch_u64(cpu, in->b2, addr, &mask);
    if (exc)
        return exc;
    exc = mmu_fetch_u64(cpu, in->b2, cpu_wrap(cpu, addr + 8), &ia);
    if (exc)
        return exc;
    cpu_load_psw(cpu, mask, ia);
    return 0;
}

/* LPSW - LOAD PSW (S): an ESA/390-format PSW, bit 12 one. Returns
 * specification or access exceptions. */
exc_t insn_lpsw(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    uint64_t psw, mask;
    exc_t exc;

    if (addr & 7)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_fetch_u64(cpu, in->b2, addr, &psw);
    if (exc)
        return exc;
    if (!(psw & PSW_MASK_BIT12))
        return EXC_PGM(PGM_SPECIFICATION);
    mask = (psw & UINT64_C(0xffffffff00000000) & ~PSW_MASK_BIT12) |
           ((psw & BIT64(32)) ? PSW_MASK_BA : 0);
    cpu_load_psw(cpu, mask, psw & 0x7fffffffu);
    return 0;
}

/* LCTLG - LOAD CONTROL (64) (RSY-a). Returns specification or access exceptions. */
exc_t insn_lctlg(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    uint64_t val[16];
    unsigned n = ((in->r3 - in->r1) & 15) + 1;
    exc_t exc;

    if (addr & 7)
        return EXC_PGM(PGM_SPECIFICATION);
    for (unsigned i = 0; i < n; i++) {
        exc = mmu_fetch_u64(cpu, in->b2, cpu_wrap(cpu, addr + 8 * i), &val[i]);
        if (exc)
            return exc;
    }
    for (unsigned i = 0; i < n; i++)
        cpu->cr[(in->r1 + i) & 15] = val[i];
    cr_changed(cpu);
    return 0;
}

/* LCTL - LOAD CONTROL (32) (RS-a): bits 32-63 of the CRs. */
exc_t insn_lctl(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    uint32_t val[16];
    unsigned n = ((in->r3 - in->r1) & 15) + 1;
    exc_t exc;

    if (addr & 3)
        return EXC_PGM(PGM_SPECIFICATION);
    for (unsigned i = 0; i < n; i++) {
        exc = mmu_fetch_u32(cpu, in->b2, cpu_wrap(cpu, addr + 4 * i), &val[i]);
        if (exc)
            return exc;
    }
    for (unsigned i = 0; i < n; i++) {
        uint64_t *cr = &cpu->cr[(in->r1 + i) & 15];

        *cr = (*cr & UINT64_C(0xffffffff00000000)) | val[i];
    }
    cr_changed(cpu);
    return 0;
}

/* STCTG - STORE CONTROL (64) (RSY-a). */
exc_t insn_stctg(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    unsigned n = ((in->r3 - in->r1) & 15) + 1;
    struct acc a;
    uint8_t buf[128];
    exc_t exc;

    if (addr & 7)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_prepare(cpu, &a, in->b2, addr, 8 * n, ACC_STORE);
    if (exc)
        return exc;
    for (unsigned i = 0; i < n; i++)
        st_be64(buf + 8 * i, cpu->cr[(in->r1 + i) & 15]);
    acc_write(&a, 0, buf, 8 * n);
    return 0;
}

/* STCTL - STORE CONTROL (32) (RS-a). */
exc_t insn_stctl(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    unsigned n = ((in->r3 - in->r1) & 15) + 1;
    struct acc a;
    uint8_t buf[64];
    exc_t exc;

    if (addr & 3)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_prepare(cpu, &a, in->b2, addr, 4 * n, ACC_STORE);
    if (exc)
        return exc;
    for (unsigned i = 0; i < n; i++)
        st_be32(buf + 4 * i, (uint32_t)cpu->cr[(in->r1 + i) & 15]);
    acc_write(&a, 0, buf, 4 * n);
    return 0;
}

/* Replace PSW bits 0-7 (the system mask) by @sm. */
static void set_system_mask(struct cpu *cpu, uint8_t sm)
{
    uint64_t mask = (cpu_psw_mask(cpu) & ~(UINT64_C(0xff) << 56)) | ((uint64_t)sm << 56);

    cpu_load_psw(cpu, mask, cpu->next_ia);
}

/* SSM - SET SYSTEM MASK (S). Returns special-operation (SSM suppression) or
 * access exceptions; a mask with bits 0, 2-4 one makes the PSW invalid, an
 * early specification exception after SSM completes. */
exc_t insn_ssm(struct cpu *cpu, const struct insn *in)
{
    uint8_t sm;
    exc_t exc;

    if (cpu->cr[0] & BIT64(33))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    exc = mmu_fetch_u8(cpu, in->b2, insn_addr2(cpu, in), &sm);
    if (exc)
        return exc;
    set_system_mask(cpu, sm);
    return 0;
}

/* Common part of STOSM and STNSM: store the system mask, then combine. */
static exc_t store_then_system_mask(struct cpu *cpu, const struct insn *in, bool or)
{
    uint8_t sm = (uint8_t)(cpu->psw.mask >> 56);
    uint8_t i2 = (uint8_t)in->i2;
    uint8_t nsm = or ? sm | i2 : sm & i2;
    exc_t exc = mmu_store_u8(cpu, in->b1, insn_addr1(cpu, in), sm);

    if (exc)
        return exc;
    set_system_mask(cpu, nsm);
    return 0;
}

/* STOSM - STORE THEN OR SYSTEM MASK (SI). */
exc_t insn_stosm(struct cpu *cpu, const struct insn *in)
{
    return store_then_system_mask(cpu, in, true);
}

/* STNSM - STORE THEN AND SYSTEM MASK (SI). */
exc_t insn_stnsm(struct cpu *cpu, const struct insn *in)
{
    return store_then_system_mask(cpu, in, false);
}

/* STAP - STORE CPU ADDRESS (S). */
exc_t insn_stap(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);

    if (addr & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    if (unlikely(cpu->sie != NULL))         /* the guest CPU address from the SCB */
        return mmu_store_u16(cpu, in->b2, addr, sie_icpua(cpu));
    return mmu_store_u16(cpu, in->b2, addr, cpu->cpu_addr);
}

/* STIDP - STORE CPU ID (S): version 0, CPU identification from the CPU
 * address, the model's machine type, format-1 bit on. */
exc_t insn_stidp(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    uint64_t id = ((uint64_t)(0x010000u | cpu->cpu_addr) << 32) |
                  ((uint64_t)cpu->model->machine_type << 16) | 0x8000u;

    if (addr & 7)
        return EXC_PGM(PGM_SPECIFICATION);
    return mmu_store_u64(cpu, in->b2, addr, id);
}

/* STFL - STORE FACILITY LIST (S): the first word of the list to lowcore 200. */
exc_t insn_stfl(struct cpu *cpu, const struct insn *in)
{
    uint8_t *lc = mmu_lowcore(cpu);

    (void)in;
    st_be32(lc + LC_STFL, (uint32_t)(cpu->model->stfle[0] >> 32));
    return 0;
}

/* STFLE - STORE FACILITY LIST EXTENDED (S). CC 0 if the whole list fit,
 * 3 if not; GR0 bits 56-63 get the list length in doublewords minus one. */
exc_t insn_stfle(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    unsigned want = (unsigned)(cpu->gr[0] & 0xff) + 1;
    unsigned have = 1;
    unsigned n;
    struct acc a;
    uint64_t list[4];
    uint8_t buf[32];
    exc_t exc;

    for (unsigned i = 0; i < 4; i++)
        if (cpu->model->stfle[i])
            have = i + 1;
    memcpy(list, cpu->model->stfle, sizeof(list));
    if (unlikely(cpu->sie != NULL))         /* the guest's list, as long as ours */
        sie_facility_list(cpu, list, have);
    n = want < have ? want : have;
    if (addr & 7)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_prepare(cpu, &a, in->b2, addr, 8 * n, ACC_STORE);
    if (exc)
        return exc;
    for (unsigned i = 0; i < n; i++)
        st_be64(buf + 8 * i, list[i]);
    acc_write(&a, 0, buf, 8 * n);
    cpu->gr[0] = (cpu->gr[0] & ~UINT64_C(0xff)) | (have - 1);
    cpu_set_cc(cpu, want >= have ? 0 : 3);
    return 0;
}

/* SPX - SET PREFIX (S). Returns specification or addressing (prefix area
 * outside storage) or access exceptions. */
exc_t insn_spx(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);
    uint32_t v;
    exc_t exc;

    if (addr & 3)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_fetch_u32(cpu, in->b2, addr, &v);
    if (exc)
        return exc;
    v &= 0x7fffe000u;
    if ((uint64_t)v + 0x2000 > cpu->mem->size)
        return EXC_PGM(PGM_ADDRESSING);
    cpu->prefix = v;
    mmu_tlb_flush(cpu);
    return 0;
}

/* LPP - LOAD PROGRAM PARAMETER (S): the doubleword at the second-operand
 * address becomes the program parameter, which only CPU-measurement
 * samples report. Returns 0 or access exceptions. */
exc_t insn_lpp(struct cpu *cpu, const struct insn *in)
{
    uint64_t v;
    exc_t exc = mmu_fetch_u64(cpu, in->b2, insn_addr2(cpu, in), &v);

    if (exc)
        return exc;
    cpu->progparm = v;
    return 0;
}

/* STPX - STORE PREFIX (S). */
exc_t insn_stpx(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr2(cpu, in);

    if (addr & 3)
        return EXC_PGM(PGM_SPECIFICATION);
    return mmu_store_u32(cpu, in->b2, addr, cpu->prefix);
}

/* SERVC - SERVICE CALL (RRE, B220): GR R1 the SCLP command word, GR R2 the
 * SCCB real address. Returns specification for a misplaced SCCB or
 * addressing when it lies outside storage; else the SCLP's CC. */
exc_t insn_servc(struct cpu *cpu, const struct insn *in)
{
    uint64_t sccb = cpu->gr[in->r2];
    uint64_t aaddr;

    if (sccb & ~UINT64_C(0x7ffffff8))
        return EXC_PGM(PGM_SPECIFICATION);
    aaddr = prefix_apply(cpu->prefix, sccb);
    if (aaddr < 0x2000 || (aaddr & ~UINT64_C(0x1fff)) == cpu->prefix)
        return EXC_PGM(PGM_SPECIFICATION);
    if (aaddr + 8 > cpu->mem->size)
        return EXC_PGM(PGM_ADDRESSING);
    cpu_set_cc(cpu, door_servc(cpu, cpu_gr32(cpu, in->r1), aaddr));
    return 0;
}

/* SIGP - SIGNAL PROCESSOR (RS-a): order from the second-operand address,
 * CPU address in GR R3, parameter in GR R1+1 (odd). Sets the CC; status
 * goes to bits 32-63 of GR R1 when the CC is 1. */
exc_t insn_sigp(struct cpu *cpu, const struct insn *in)
{
    unsigned order = (unsigned)(insn_addr2(cpu, in) & 0xff);
    uint32_t status = 0;
    uint64_t next_ia = cpu->next_ia;
    unsigned cc = door_sigp(cpu, order, (uint16_t)cpu->gr[in->r3], cpu->gr[in->r1 | 1], &status);

    if (cpu->next_ia != next_ia)    /* restart of this CPU: CC 0 is in its old PSW */
        return 0;
    if (cc == 1)
        cpu_set_gr32(cpu, in->r1, status);
    cpu_set_cc(cpu, cc);
    return 0;
}
