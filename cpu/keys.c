/* Storage-key instructions (PoO chapter 10): SPKA, IPK, ISKE, SSKE, RRBE.
 * Keys live in the storage's key byte per 4 KiB frame (ACC, F, R, C in bits
 * 0-6 of the byte, as ISKE returns them). A key change drops the TLB, so the
 * next reference records R and C again through a fill. */
#include "cpu/insn.h"

#include "mmu/mmu.h"

#define PSW_KEY_SHIFT 52

/* The absolute frame address for the real address in GR @r (bits 0-51 in
 * 64-bit mode, wrapped otherwise; under SIE the host frame backing the
 * guest's). Returns 0, the addressing exception or a host exception. */
static exc_t frame_of(struct cpu *cpu, unsigned r, uint64_t *aaddr)
{
    uint64_t a = prefix_apply(cpu->prefix, cpu_wrap(cpu, cpu->gr[r]) & PAGE_MASK);

    return mmu_abs_host(cpu, a, 1, ACC_FETCH, aaddr);
}

/* SPKA - SET PSW KEY FROM ADDRESS (S). In the problem state the key must be
 * authorised by the PSW-key mask (CR3 bits 32-47), else privileged operation. */
exc_t insn_spka(struct cpu *cpu, const struct insn *in)
{
    unsigned key = (unsigned)(insn_addr2(cpu, in) >> 4) & 0xf;
    uint64_t old = cpu->psw.mask;

    if (cpu_problem_state(cpu) && !(cpu->cr[3] & BIT64(32 + key)))
        return EXC_PGM(PGM_PRIVILEGED_OP);
    cpu->psw.mask = (old & ~PSW_MASK_KEY) | (uint64_t)key << PSW_KEY_SHIFT;
    mmu_psw_changed(cpu, old);
    return 0;
}

/* IPK - INSERT PSW KEY (S): GR2 bits 56-59 get the key, 60-63 zero. In the
 * problem state the extraction-authority control (CR0 bit 36) must be one. */
exc_t insn_ipk(struct cpu *cpu, const struct insn *in)
{
    if (cpu_problem_state(cpu) && !(cpu->cr[0] & BIT64(36)))
        return EXC_PGM(PGM_PRIVILEGED_OP);
    cpu->gr[2] = (cpu->gr[2] & ~UINT64_C(0xff)) | (uint64_t)PSW_KEY(cpu->psw.mask) << 4;
    return 0;
}

/* ISKE - INSERT STORAGE KEY EXTENDED (RRE): GR R1 bits 56-62 get the key of
 * the frame whose real address is in GR R2, bit 63 zero. */
exc_t insn_iske(struct cpu *cpu, const struct insn *in)
{
    uint64_t a;
    exc_t exc = frame_of(cpu, in->r2, &a);

    if (exc)
        return exc;
    cpu->gr[in->r1] = (cpu->gr[in->r1] & ~UINT64_C(0xff)) | (cpu->mem->keys[a >> 12] & 0xfe);
    return 0;
}

/* SSKE - SET STORAGE KEY EXTENDED (RRF-c): the key of the frame addressed by
 * GR R2 from GR R1 bits 56-62. The conditional-SSKE options of M3 need
 * facility 10, which the models do not offer, so M3 is ignored. */
exc_t insn_sske(struct cpu *cpu, const struct insn *in)
{
    uint64_t a;
    exc_t exc = frame_of(cpu, in->r2, &a);

    if (exc)
        return exc;
    cpu->mem->keys[a >> 12] = (uint8_t)(cpu->gr[in->r1] & 0xfe);
    mmu_tlb_flush(cpu);
    return 0;
}

/* RRBE - RESET REFERENCE BIT EXTENDED (RRE): CC from the old R and C bits
 * (0: R0 C0, 1: R0 C1, 2: R1 C0, 3: R1 C1), then R is zero. */
exc_t insn_rrbe(struct cpu *cpu, const struct insn *in)
{
    uint64_t a;
    uint8_t *key;
    exc_t exc = frame_of(cpu, in->r2, &a);

    if (exc)
        return exc;
    key = &cpu->mem->keys[a >> 12];
    cpu_set_cc(cpu, (*key & SKEY_R ? 2 : 0) | (*key & SKEY_C ? 1 : 0));
    *key &= (uint8_t)~SKEY_R;
    mmu_tlb_flush(cpu);
    return 0;
}
