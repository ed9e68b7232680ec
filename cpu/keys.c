/* Storage-key instructions (PoO chapter 10): SPKA, IPK, ISKE, SSKE, RRBE,
 * RRBM, PFMF.
 * Keys live in the storage's key byte per 4 KiB frame (ACC, F, R, C in bits
 * 0-6 of the byte, as ISKE returns them). A key change drops the TLB, so the
 * next reference records R and C again through a fill. */
#include "cpu/insn.h"

#include <string.h>

#include "cpu/cpu.h"
#include "cpu/regs.h"
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

/* RRBM - RESET REFERENCE BITS MULTIPLE (RRE): R1 bit i gets the reference
 * bit of frame i of the 256 KiB block whose real address is in R2 (bits
 * 0-45), and every one of those bits is reset. Returns 0 or an addressing
 * exception (before any bit changes). */
exc_t insn_rrbm(struct cpu *cpu, const struct insn *in)
{
    uint64_t block = cpu_wrap(cpu, cpu->gr[in->r2]) & ~UINT64_C(0x3ffff);
    uint64_t frames[64], mask = 0;
    exc_t exc;

    for (unsigned i = 0; i < 64; i++) {
        exc = mmu_abs_host(cpu, prefix_apply(cpu->prefix, block + i * PAGE_SIZE), 1,
                           ACC_FETCH, &frames[i]);
        if (exc)
            return exc;
    }
    for (unsigned i = 0; i < 64; i++) {
        uint8_t *key = &cpu->mem->keys[frames[i] >> 12];

        if (*key & SKEY_R)
            mask |= BIT64(i);
        *key &= (uint8_t)~SKEY_R;
    }
    cpu->gr[in->r1] = mask;
    mmu_tlb_flush(cpu);
    return 0;
}

#define PFMF_RESERVED  UINT64_C(0xfffc0101)    /* R1 bits 32-45, 55, 63 */
#define PFMF_SK        BIT64(46)               /* set key */
#define PFMF_CF        BIT64(47)               /* clear frame */
#define PFMF_FSC(r)    ((unsigned)FIELD64(r, 49, 51))
#define PFMF_NQ        BIT64(52)               /* nonquiescing (facility 14) */
#define PFMF_BATCH     256u                    /* 4 KiB frames per execution */

/* Set the key and/or clear the 4 KiB frame at absolute @aaddr as @r1 asks.
 * Returns 0, or protection if the frame is cleared and low-address
 * protection covers @eaddr (the R2 address of the frame). */
static exc_t pfmf_frame(struct cpu *cpu, uint64_t r1, uint64_t eaddr, uint64_t aaddr)
{
    if (r1 & PFMF_CF) {
        if ((cpu->cr[0] & BIT64(35)) && eaddr < 2 * PAGE_SIZE) {
            cpu->exc.teid = eaddr | BIT64(56);
            return EXC_PGM(PGM_PROTECTION);
        }
        memset(storage_host(cpu->mem, aaddr), 0, PAGE_SIZE);
        storage_note_store(cpu->mem, aaddr);        /* R and C, drops code */
    }
    if (r1 & PFMF_SK)
        cpu->mem->keys[aaddr >> 12] = (uint8_t)(r1 & 0xfe);
    return 0;
}

/* PFMF - PERFORM FRAME MANAGEMENT FUNCTION (RRE): set the storage key (SK,
 * key in R1 bits 56-62) and/or clear (CF) the frame R2 designates: a 4 KiB
 * frame by real address (FSC 0, R2 unchanged), or from the 4 KiB frame at
 * the absolute address in R2 to the end of its 1 MiB (FSC 1) or 2 GiB (FSC
 * 2, EDAT-2) frame, R2 then advanced to the next frame; interruptible after
 * each batch of 4 KiB frames. MR and MC are ignored (no conditional-SSKE
 * facility). Returns 0, specification, protection (clearing under low-
 * address protection) or addressing exceptions. PoO ch. 10. */
exc_t insn_pfmf(struct cpu *cpu, const struct insn *in)
{
    uint64_t r1 = cpu->gr[in->r1];
    uint64_t addr = cpu_wrap(cpu, cpu->gr[in->r2]) & PAGE_MASK;
    unsigned fsc = PFMF_FSC(r1);
    uint64_t end, aaddr;
    exc_t exc;

    if ((r1 & (PFMF_RESERVED | PFMF_NQ)) || fsc > 2 ||
        (fsc == 2 && (!(cpu->mmu_fac & MMU_FAC_EDAT2) || !(cpu->psw.mask & PSW_MASK_BA))))
        return EXC_PGM(PGM_SPECIFICATION);
    if (fsc == 0) {
        exc = frame_of(cpu, in->r2, &aaddr);
        if (!exc)
            exc = pfmf_frame(cpu, r1, addr, aaddr);
        mmu_tlb_flush(cpu);
        return exc;
    }
    end = (addr | (fsc == 1 ? UINT64_C(0xfffff) : UINT64_C(0x7fffffff))) + 1;
    for (unsigned n = 0; addr != end; n++) {
        if (n == PFMF_BATCH) {
            cpu_repeat(cpu);
            break;
        }
        exc = mmu_abs_host(cpu, addr, PAGE_SIZE, ACC_STORE, &aaddr);
        if (!exc)
            exc = pfmf_frame(cpu, r1, addr, aaddr);
        if (exc) {
            mmu_tlb_flush(cpu);
            return exc;
        }
        addr += PAGE_SIZE;
    }
    if (amode64(cpu))
        cpu->gr[in->r2] = addr;
    else
        cpu_set_gr32(cpu, in->r2, (uint32_t)cpu_wrap(cpu, addr));
    mmu_tlb_flush(cpu);
    return 0;
}
