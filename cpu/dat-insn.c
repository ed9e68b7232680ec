/* Control instructions of dynamic address translation and real-address
 * access: TLB purges, entry invalidation, LOAD REAL ADDRESS, LOAD PAGE-
 * TABLE-ENTRY ADDRESS, TEST PROTECTION, TEST BLOCK, LOAD/STORE USING REAL
 * ADDRESS. PoO chapter 10. All are privileged; the dispatcher checks that. */
#include "cpu/cpu.h"

#include <string.h>
#include "cpu/insn.h"
#include "hw/doors.h"
#include "mmu/art.h"
#include "mmu/dat.h"
#include "mmu/mmu.h"

#define CR_ADDR_PTO     (~UINT64_C(0x7ff))  /* IPTE R1: page-table origin */
#define IDTE_CLEAR_ONLY BIT64(52)           /* IDTE R2: clearing-by-ASCE option */

/* Clear the TLBs of every CPU of the configuration (the broadcast purges of
 * IPTE, IDTE and CSP). */
static void purge_all_tlbs(struct cpu *cpu)
{
    door_purge_tlbs(cpu);
}

/* Set bits @bits in the table entry at absolute @aaddr (already validated). */
static void entry_set_bits(struct cpu *cpu, uint64_t aaddr, uint64_t bits)
{
    uint8_t *p = storage_host(cpu->mem, aaddr);

    storage_note_store(cpu->mem, aaddr);
    st_be64(p, ld_be64(p) | bits);
}

/* PTLB - PURGE TLB (S). Returns 0. */
exc_t insn_ptlb(struct cpu *cpu, const struct insn *in)
{
    (void)in;
    mmu_tlb_flush(cpu);
    return 0;
}

/* IPTE - INVALIDATE PAGE TABLE ENTRY (RRF_a): sets the page-invalid bit of
 * the entry R1 (page-table origin) and R2 (page index) designate, then clears
 * the TLBs. The IPTE-range (facility 13) and local-clearing options are not
 * offered, so R3 and M4 are ignored. Returns 0 or an addressing exception. */
exc_t insn_ipte(struct cpu *cpu, const struct insn *in)
{
    uint64_t pte = (cpu->gr[in->r1] & CR_ADDR_PTO) + ((cpu->gr[in->r2] >> 12) & 0xff) * 8;
    exc_t exc = mmu_abs_host(cpu, pte, 8, ACC_STORE, &pte);

    if (exc)
        return exc;
    entry_set_bits(cpu, pte, PTE_I);
    purge_all_tlbs(cpu);
    return 0;
}

/* IDTE - INVALIDATE DAT TABLE ENTRY (RRF_b): with R2 bit 52 zero, sets the
 * invalid bit of 1 + R2 bits 53-63 region- or segment-table entries of the
 * table R1 designates (origin, DT), starting at the index R2 bits 0-43 give
 * for that level, then clears the TLBs; with bit 52 one only clears them
 * (clearing by ASCE). Returns 0 or an addressing exception. */
exc_t insn_idte(struct cpu *cpu, const struct insn *in)
{
    uint64_t r1 = cpu->gr[in->r1], r2 = cpu->gr[in->r2];
    unsigned level = ASCE_DT(r1);
    unsigned first = (unsigned)(r2 >> (20 + 11 * level)) & 0x7ff;
    unsigned last = first + (unsigned)(r2 & 0x7ff);
    uint64_t origin = r1 & ASCE_ORIGIN;

    if (!(r2 & IDTE_CLEAR_ONLY)) {
        if (last > 0x7ff)
            last = 0x7ff;
        uint64_t a;
        exc_t exc;

        /* Probe every entry first: nothing changes if one is unreachable. */
        for (unsigned i = first; i <= last; i++) {
            exc = mmu_abs_host(cpu, origin + i * 8, 8, ACC_STORE, &a);
            if (exc)
                return exc;
        }
        for (unsigned i = first; i <= last; i++) {
            exc = mmu_abs_host(cpu, origin + i * 8, 8, ACC_STORE, &a);
            if (exc)
                return exc;
            entry_set_bits(cpu, a, DTE_I);
        }
    }
    purge_all_tlbs(cpu);
    return 0;
}

/* Common part of CSP and CSPG (@len 4 or 8): compare R1 with the operand at
 * R2 (low bits ignored), store R1+1 if equal and purge the TLBs when R2 bit
 * 63 is one (CC 0), else load the operand into R1 (CC 1). */
static exc_t compare_swap_purge(struct cpu *cpu, const struct insn *in, unsigned len)
{
    uint64_t r2 = cpu->gr[in->r2];
    uint64_t addr = cpu_wrap(cpu, r2) & ~(uint64_t)(len - 1);
    uint64_t old, cmp, repl;
    uint8_t buf[8];
    struct acc a;
    exc_t exc;

    if (in->r1 & 1)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_prepare(cpu, &a, in->r2, addr, len, ACC_STORE);
    if (exc)
        return exc;
    acc_read(&a, 0, buf, len);
    old = len == 4 ? ld_be32(buf) : ld_be64(buf);
    cmp = len == 4 ? cpu_gr32(cpu, in->r1) : cpu->gr[in->r1];
    repl = len == 4 ? cpu_gr32(cpu, in->r1 + 1) : cpu->gr[in->r1 + 1];
    if (old != cmp) {
        if (len == 4)
            cpu_set_gr32(cpu, in->r1, (uint32_t)old);
        else
            cpu->gr[in->r1] = old;
        cpu_set_cc(cpu, 1);
        return 0;
    }
    if (len == 4)
        st_be32(buf, (uint32_t)repl);
    else
        st_be64(buf, repl);
    acc_write(&a, 0, buf, len);
    if (r2 & 1)
        purge_all_tlbs(cpu);
    cpu_set_cc(cpu, 0);
    return 0;
}

/* CSP - COMPARE AND SWAP AND PURGE (32) (RRE). Returns specification or access exceptions. */
exc_t insn_csp(struct cpu *cpu, const struct insn *in)
{
    return compare_swap_purge(cpu, in, 4);
}

/* CSPG - COMPARE AND SWAP AND PURGE (64) (RRE). Returns specification or access exceptions. */
exc_t insn_cspg(struct cpu *cpu, const struct insn *in)
{
    return compare_swap_purge(cpu, in, 8);
}

/* Common part of LRA, LRAY and LRAG: translate @addr with the tables of the
 * PSW's address-space mode, DAT bit notwithstanding. CC 0: real address in
 * R1; CC 1 / 2: segment- / page-table entry invalid, the entry's address in
 * R1; CC 3: ASCE-type, region-translation, segment-length or ART exception,
 * bit 32 one and the code in bits 48-63 of R1 (bits 0-31 unchanged). In the
 * 24- and 31-bit modes LRA and LRAY leave bits 0-31 alone: a real address
 * above 2 GiB is a special-operation exception, an entry address there gives
 * CC 3. Returns translation-specification or addressing exceptions.
 * PoO ch. 10, "LOAD REAL ADDRESS". */
static exc_t load_real_address(struct cpu *cpu, const struct insn *in, uint64_t addr, bool g)
{
    enum dat_space space;
    struct dat_walk w = { 0 };
    uint64_t asce, result;
    unsigned code = 0, cc = 0;
    exc_t exc;

    exc = dat_select_asce(cpu, in->b2, ACC_FETCH, &asce, &space);
    if (!exc)
        exc = dat_walk(cpu, asce, addr, &w);
    if (exc) {
        code = EXC_CODE(exc);
        if (code == PGM_TRANSLATION_SPEC || code == PGM_ADDRESSING)
            return exc;
        cc = art_exception(code) ? 3 : w.lra_cc;
    }
    result = cc == 0 ? w.raddr : w.entry;
    if (cc != 3 && !g && !(cpu->psw.mask & PSW_MASK_EA) && result > 0x7fffffffu) {
        if (cc == 0)
            return EXC_PGM(PGM_SPECIAL_OPERATION);
        cc = 3;
    }
    if (cc == 3)
        cpu_set_gr32(cpu, in->r1, 0x80000000u | code);
    else if (g || (cpu->psw.mask & PSW_MASK_EA))
        cpu->gr[in->r1] = result;
    else
        cpu_set_gr32(cpu, in->r1, (uint32_t)result);
    cpu_set_cc(cpu, cc);
    return 0;
}

/* LRA - LOAD REAL ADDRESS (RX). Returns as load_real_address. */
exc_t insn_lra(struct cpu *cpu, const struct insn *in)
{
    return load_real_address(cpu, in, insn_addr2(cpu, in), false);
}

/* LRAY - LOAD REAL ADDRESS (RXY). Returns as load_real_address. */
exc_t insn_lray(struct cpu *cpu, const struct insn *in)
{
    return load_real_address(cpu, in, insn_addr2(cpu, in), false);
}

/* LRAG - LOAD REAL ADDRESS (64) (RXY). Returns as load_real_address. */
exc_t insn_lrag(struct cpu *cpu, const struct insn *in)
{
    return load_real_address(cpu, in, insn_addr2(cpu, in), true);
}

#define LPTEA_M4_PSW    4           /* M4: the PSW's address-space control */
#define LPTEA_LARGE_P   0x4u        /* R1 bit 61 (CC 2, large frame): DAT protection */

/* The ASCE LPTEA translates with: M4 0 primary, 1 access-register mode with
 * the ALET in access register R2, 2 secondary, 3 home (the encoding of the
 * PSW's address-space control, which M4 4 takes). Returns 0, specification
 * for M4 5-15, or an ART exception or addressing. */
static exc_t lptea_asce(struct cpu *cpu, const struct insn *in, uint64_t *asce)
{
    unsigned asc = in->m4 == LPTEA_M4_PSW ? PSW_ASC(cpu->psw.mask) : in->m4;
    uint32_t alet = cpu->ar[in->r2];
    struct art_result art;
    exc_t exc;

    if (in->m4 > LPTEA_M4_PSW)
        return EXC_PGM(PGM_SPECIFICATION);
    if (asc == PSW_ASC_AR && alet > 1) {
        exc = art_translate(cpu, alet, art_eax(cpu), false, &art);
        if (exc)
            return exc;
        *asce = art.asce;
        return 0;
    }
    if (asc == PSW_ASC_AR)
        asc = alet == 0 ? PSW_ASC_PRIMARY : PSW_ASC_SECONDARY;
    *asce = cpu->cr[asc == PSW_ASC_PRIMARY ? 1 : asc == PSW_ASC_SECONDARY ? 7 : 13];
    return 0;
}

/* LPTEA - LOAD PAGE-TABLE-ENTRY ADDRESS (RRF-b): translate the address in R2
 * in the space M4 designates, DAT bit notwithstanding, up to its page-table
 * entry. CC 0 / 1: that entry's real address in R1, 1 when a segment- or
 * (EDAT-1) region-table entry on the way is DAT-protected; CC 2: the walk
 * stopped at an invalid region- or segment-table entry, or at a large-frame
 * one (EDAT), its address in R1 with the table type in bits 62-63 and, for
 * a large frame, the DAT protection in bit 61; CC 3: ASCE-type, region- or
 * segment-length or ART exception, bit 32 one and the code in bits 48-63 of
 * R1 (bits 0-31 unchanged, as LRA). Returns specification, special
 * operation for a real-space designation, translation-specification or
 * addressing exceptions. PoO ch. 10, "LOAD PAGE-TABLE-ENTRY ADDRESS". */
exc_t insn_lptea(struct cpu *cpu, const struct insn *in)
{
    uint64_t vaddr = cpu_wrap(cpu, cpu->gr[in->r2]);
    struct dat_walk w = { 0 };
    unsigned code;
    uint64_t asce;
    exc_t exc;

    exc = lptea_asce(cpu, in, &asce);
    if (!exc && (asce & ASCE_R))
        return EXC_PGM(PGM_SPECIAL_OPERATION);
    if (!exc)
        exc = dat_walk_pte(cpu, asce, vaddr, &w);
    if (exc) {
        code = EXC_CODE(exc);
        if (code == PGM_TRANSLATION_SPEC || code == PGM_ADDRESSING ||
            code == PGM_SPECIFICATION)
            return exc;
        if (!art_exception(code) && w.invalid) {
            cpu->gr[in->r1] = w.entry | w.level;
            cpu_set_cc(cpu, 2);
            return 0;
        }
        cpu_set_gr32(cpu, in->r1, 0x80000000u | code);
        cpu_set_cc(cpu, 3);
        return 0;
    }
    if (w.large) {
        cpu->gr[in->r1] = w.entry | w.level | (w.prot ? LPTEA_LARGE_P : 0);
        cpu_set_cc(cpu, 2);
        return 0;
    }
    cpu->gr[in->r1] = w.entry;
    cpu_set_cc(cpu, w.prot);
    return 0;
}

/* TPROT - TEST PROTECTION (SSE): CC 0 fetch and store permitted, 1 fetch
 * only, 2 neither, 3 translation not available, for the first-operand
 * location and the access key in bits 56-59 of the second-operand address
 * (DAT protection, access-list-controlled protection and key-controlled
 * protection with its overrides; low-address protection is not tested; an
 * ART exception in the AR mode gives CC 3). Returns translation-specification
 * or addressing exceptions. PoO ch. 10, "TEST PROTECTION". */
exc_t insn_tprot(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr = insn_addr1(cpu, in);
    unsigned key = (unsigned)(insn_addr2(cpu, in) >> 4) & 0xf;
    uint64_t raddr = addr, asce;
    enum dat_space space;
    struct dat_walk w;
    bool prot = false;
    exc_t exc;

    if (cpu->psw.mask & PSW_MASK_DAT) {
        exc = dat_select_space(cpu, in->b1, ACC_FETCH, &asce, &space, &prot);
        if (!exc)
            exc = dat_walk(cpu, asce, addr, &w);
        if (exc) {
            if (EXC_CODE(exc) == PGM_TRANSLATION_SPEC || EXC_CODE(exc) == PGM_ADDRESSING)
                return exc;
            cpu_set_cc(cpu, 3);
            return 0;
        }
        raddr = w.raddr;
        prot = prot || w.prot;
    }
    exc = mmu_abs_host(cpu, prefix_apply(cpu->prefix, raddr), 1, ACC_FETCH, &raddr);
    if (exc)
        return exc;
    if (!mmu_key_permits(cpu, in->b1, addr, raddr, ACC_FETCH, key))
        cpu_set_cc(cpu, 2);
    else
        cpu_set_cc(cpu, prot || !mmu_key_permits(cpu, in->b1, addr, raddr, ACC_STORE, key));
    return 0;
}

/* TB - TEST BLOCK (RRE): clear the 4 KiB block at the real address in R2
 * and set CC 0 (the block is usable). Returns an addressing exception.
 * PoO ch. 10, "TEST BLOCK". */
exc_t insn_tb(struct cpu *cpu, const struct insn *in)
{
    uint64_t raddr = cpu_wrap(cpu, cpu->gr[in->r2]) & PAGE_MASK;
    uint8_t *host;
    exc_t exc;

    exc = mmu_real_host(cpu, raddr, PAGE_SIZE, ACC_STORE, &host);
    if (exc)
        return exc;
    memset(host, 0, PAGE_SIZE);
    cpu_set_cc(cpu, 0);
    return 0;
}

/* The real address in R2 for LURA(G)/STURA(G), checked for an @len-byte
 * boundary. Returns 0 with *host, specification or addressing exceptions. */
static exc_t real_operand(struct cpu *cpu, const struct insn *in, unsigned len,
                          enum acc_kind kind, uint8_t **host)
{
    uint64_t raddr = cpu_wrap(cpu, cpu->gr[in->r2]);

    if (raddr & (len - 1))
        return EXC_PGM(PGM_SPECIFICATION);
    return mmu_real_host(cpu, raddr, len, kind, host);
}

/* LURA - LOAD USING REAL ADDRESS (32) (RRE). Returns specification or addressing exceptions. */
exc_t insn_lura(struct cpu *cpu, const struct insn *in)
{
    uint8_t *host;
    exc_t exc = real_operand(cpu, in, 4, ACC_FETCH, &host);

    if (exc)
        return exc;
    cpu_set_gr32(cpu, in->r1, ld_be32(host));
    return 0;
}

/* LURAG - LOAD USING REAL ADDRESS (64) (RRE). Returns specification or addressing exceptions. */
exc_t insn_lurag(struct cpu *cpu, const struct insn *in)
{
    uint8_t *host;
    exc_t exc = real_operand(cpu, in, 8, ACC_FETCH, &host);

    if (exc)
        return exc;
    cpu->gr[in->r1] = ld_be64(host);
    return 0;
}

/* STURA - STORE USING REAL ADDRESS (32) (RRE). Returns specification or addressing exceptions. */
exc_t insn_stura(struct cpu *cpu, const struct insn *in)
{
    uint8_t *host;
    exc_t exc = real_operand(cpu, in, 4, ACC_STORE, &host);

    if (exc)
        return exc;
    st_be32(host, cpu_gr32(cpu, in->r1));
    return 0;
}

/* STURG - STORE USING REAL ADDRESS (64) (RRE). Returns specification or addressing exceptions. */
exc_t insn_sturg(struct cpu *cpu, const struct insn *in)
{
    uint8_t *host;
    exc_t exc = real_operand(cpu, in, 8, ACC_STORE, &host);

    if (exc)
        return exc;
    st_be64(host, cpu->gr[in->r1]);
    return 0;
}

/* STRAG - STORE REAL ADDRESS (SSE): translate the second-operand address in
 * the PSW's address-space mode, DAT bit notwithstanding, and store the 64-bit
 * real address at the doubleword first operand. Privileged (the dispatcher
 * checks). Returns 0, specification (first operand not on a doubleword
 * boundary), the translation exceptions of the second operand (TEID set),
 * or the first operand's access exceptions. PoO ch. 10, "STORE REAL ADDRESS". */
exc_t insn_strag(struct cpu *cpu, const struct insn *in)
{
    uint64_t addr1 = insn_addr1(cpu, in), raddr;
    uint8_t buf[8];
    struct acc acc;
    exc_t exc;

    if (addr1 & 7)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = dat_translate(cpu, in->b2, insn_addr2(cpu, in), ACC_FETCH, &raddr);
    if (exc)
        return exc;
    exc = mmu_prepare(cpu, &acc, in->b1, addr1, 8, ACC_STORE);
    if (exc)
        return exc;
    st_be64(buf, raddr);
    acc_write(&acc, 0, buf, 8);
    return 0;
}
