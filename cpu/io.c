/* The I/O instructions (PoO chapter 14, "I/O Instructions"): operand checks
 * and storage accesses here, the channel subsystem behind hw/doors.h. All
 * are privileged (the dispatcher checks) and take the subsystem-
 * identification word from GR1 where they address a subchannel. */
#include "cpu/insn.h"

#include <string.h>
#include "hw/doors.h"
#include "mmu/mmu.h"

/* Check GR1 as a subsystem-identification word: bits 32-44 zero, bit 47
 * one, bits 45-46 (the subchannel set) zero unless multiple subchannel sets
 * are enabled. Returns 0 or the operand exception. */
static exc_t schid_check(struct cpu *cpu, uint32_t *schid)
{
    uint32_t w = cpu_gr32(cpu, 1);

    if ((w & 0xfff80000u) || !(w & 0x00010000u))
        return EXC_PGM(PGM_OPERAND);
    if (!door_css_ssid_ok(cpu, (w >> 17) & 3))
        return EXC_PGM(PGM_OPERAND);
    *schid = w;
    return 0;
}

/* The second-operand address of an S-format I/O instruction, checked for
 * word alignment. */
static exc_t word_operand(struct cpu *cpu, const struct insn *in, uint64_t *addr)
{
    *addr = insn_addr2(cpu, in);
    return (*addr & 3) ? EXC_PGM(PGM_SPECIFICATION) : 0;
}

/* The common start of SSCH, STSCH, MSCH and TSCH: the word-aligned second
 * operand (@len bytes for @kind prepared into @acc, in that order of checks:
 * specification, operand, access) and the subchannel id from GR1. Returns
 * 0 or the exception. */
static exc_t subchannel_operand(struct cpu *cpu, const struct insn *in, unsigned len,
                                enum acc_kind kind, struct acc *acc, uint32_t *schid)
{
    uint64_t addr;
    exc_t exc = word_operand(cpu, in, &addr);

    if (exc)
        return exc;
    exc = schid_check(cpu, schid);
    if (exc)
        return exc;
    return mmu_prepare(cpu, acc, in->b2, addr, len, kind);
}

/* SSCH - START SUBCHANNEL (S). Returns 0 or operand, specification, access. */
exc_t insn_ssch(struct cpu *cpu, const struct insn *in)
{
    uint8_t orb[ORB_SIZE];
    struct acc acc;
    uint32_t schid;
    exc_t exc;
    int cc;

    exc = subchannel_operand(cpu, in, 12, ACC_FETCH, &acc, &schid);
    if (exc)
        return exc;
    memset(orb, 0, sizeof(orb));
    acc_read(&acc, 0, orb, 12);
    if (ld_be32(orb + 4) & 1) {             /* extended ORB: 32 bytes */
        exc = mmu_prepare(cpu, &acc, in->b2, insn_addr2(cpu, in), ORB_SIZE, ACC_FETCH);
        if (exc)
            return exc;
        acc_read(&acc, 0, orb, ORB_SIZE);
    }
    cc = door_ssch(cpu, schid, orb);
    if (cc < 0)
        return EXC_PGM(PGM_OPERAND);
    cpu_set_cc(cpu, (unsigned)cc);
    return 0;
}

/* STSCH - STORE SUBCHANNEL (S). Returns 0 or operand, specification, access. */
exc_t insn_stsch(struct cpu *cpu, const struct insn *in)
{
    uint8_t schib[SCHIB_SIZE];
    struct acc acc;
    uint32_t schid;
    unsigned cc;
    exc_t exc;

    exc = subchannel_operand(cpu, in, SCHIB_SIZE, ACC_STORE, &acc, &schid);
    if (exc)
        return exc;
    cc = door_stsch(cpu, schid, schib);
    if (cc == 0)
        acc_write(&acc, 0, schib, SCHIB_SIZE);
    cpu_set_cc(cpu, cc);
    return 0;
}

/* MSCH - MODIFY SUBCHANNEL (S). Returns 0 or operand, specification, access. */
exc_t insn_msch(struct cpu *cpu, const struct insn *in)
{
    uint8_t schib[SCHIB_SIZE];
    struct acc acc;
    uint32_t schid;
    exc_t exc;
    int cc;

    exc = subchannel_operand(cpu, in, SCHIB_SIZE, ACC_FETCH, &acc, &schid);
    if (exc)
        return exc;
    acc_read(&acc, 0, schib, SCHIB_SIZE);
    cc = door_msch(cpu, schid, schib);
    if (cc < 0)
        return EXC_PGM(PGM_OPERAND);
    cpu_set_cc(cpu, (unsigned)cc);
    return 0;
}

/* TSCH - TEST SUBCHANNEL (S). Returns 0 or operand, specification, access. */
exc_t insn_tsch(struct cpu *cpu, const struct insn *in)
{
    uint8_t irb[IRB_SIZE];
    struct acc acc;
    uint32_t schid;
    unsigned cc;
    exc_t exc;

    exc = subchannel_operand(cpu, in, IRB_SIZE, ACC_STORE, &acc, &schid);
    if (exc)
        return exc;
    cc = door_tsch(cpu, schid, irb);
    if (cc != 3)
        acc_write(&acc, 0, irb, IRB_SIZE);
    cpu_set_cc(cpu, cc);
    return 0;
}

/* The subchannel functions without a storage operand. */
static exc_t simple_function(struct cpu *cpu, unsigned (*fn)(struct cpu *, uint32_t))
{
    uint32_t schid;
    exc_t exc;

    exc = schid_check(cpu, &schid);
    if (exc)
        return exc;
    cpu_set_cc(cpu, fn(cpu, schid));
    return 0;
}

/* CSCH - CLEAR SUBCHANNEL (S). Returns 0 or operand. */
exc_t insn_csch(struct cpu *cpu, const struct insn *in)
{
    return simple_function(cpu, door_csch);
}

/* HSCH - HALT SUBCHANNEL (S). Returns 0 or operand. */
exc_t insn_hsch(struct cpu *cpu, const struct insn *in)
{
    return simple_function(cpu, door_hsch);
}

/* XSCH - CANCEL SUBCHANNEL (S). Returns 0 or operand. */
exc_t insn_xsch(struct cpu *cpu, const struct insn *in)
{
    return simple_function(cpu, door_xsch);
}

/* RSCH - RESUME SUBCHANNEL (S). Returns 0 or operand. */
exc_t insn_rsch(struct cpu *cpu, const struct insn *in)
{
    return simple_function(cpu, door_rsch);
}

/* TPI - TEST PENDING INTERRUPTION (S). Operand address zero: the
 * interruption code goes to real 0xb8-0xc3 as for an interruption;
 * otherwise the first two words go to the operand. Returns 0 or
 * specification, access. */
exc_t insn_tpi(struct cpu *cpu, const struct insn *in)
{
    uint32_t code[3];
    uint8_t buf[12];
    struct acc acc;
    uint64_t addr;
    exc_t exc;

    exc = word_operand(cpu, in, &addr);
    if (exc)
        return exc;
    if (addr) {
        exc = mmu_prepare(cpu, &acc, in->b2, addr, 8, ACC_STORE);
        if (exc)
            return exc;
    }
    if (!door_tpi(cpu, code)) {
        cpu_set_cc(cpu, 0);
        return 0;
    }
    st_be32(buf, code[0]);
    st_be32(buf + 4, code[1]);
    st_be32(buf + 8, code[2]);
    if (addr)
        acc_write(&acc, 0, buf, 8);
    else
        memcpy(mmu_lowcore(cpu) + 0xb8, buf, 12);
    cpu_set_cc(cpu, 1);
    return 0;
}

/* STCRW - STORE CHANNEL REPORT WORD (S). Returns 0 or specification, access. */
exc_t insn_stcrw(struct cpu *cpu, const struct insn *in)
{
    uint8_t buf[4];
    struct acc acc;
    uint64_t addr;
    uint32_t crw;
    unsigned cc;
    exc_t exc;

    exc = word_operand(cpu, in, &addr);
    if (exc)
        return exc;
    exc = mmu_prepare(cpu, &acc, in->b2, addr, 4, ACC_STORE);
    if (exc)
        return exc;
    cc = door_stcrw(cpu, &crw);
    st_be32(buf, crw);
    acc_write(&acc, 0, buf, 4);
    cpu_set_cc(cpu, cc);
    return 0;
}

/* SCHM - SET CHANNEL MONITOR (S). Measurement is accepted and not kept.
 * GR2 holds the measurement-block origin (32-byte aligned when GR1 bit 62
 * asks for measurement updates). Returns 0 or operand. */
exc_t insn_schm(struct cpu *cpu, const struct insn *in)
{
    uint32_t w = cpu_gr32(cpu, 1);

    if (w & 0x0ffffffcu)
        return EXC_PGM(PGM_OPERAND);
    if ((w & 2) && (cpu->gr[2] & 0x1f))
        return EXC_PGM(PGM_OPERAND);
    return 0;
}

/* CHSC - CHANNEL SUBSYSTEM CALL (RRE). GR R1 designates a 4 KiB-aligned
 * command-request block; the response follows the request. Returns 0 or
 * specification, operand, access. */
exc_t insn_chsc(struct cpu *cpu, const struct insn *in)
{
    static uint8_t blk[CHSC_SIZE];
    uint64_t addr = cpu_wrap(cpu, cpu->gr[in->r1]);
    struct acc acc;
    exc_t exc;
    int cc;

    if (addr & 0xfff)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_prepare(cpu, &acc, in->r1, addr, CHSC_SIZE, ACC_STORE);
    if (exc)
        return exc;
    acc_read(&acc, 0, blk, CHSC_SIZE);
    cc = door_chsc(cpu, blk);
    if (cc < 0)
        return EXC_PGM(PGM_OPERAND);
    acc_write(&acc, 0, blk, CHSC_SIZE);
    cpu_set_cc(cpu, (unsigned)cc);
    return 0;
}

/* SAL - SET ADDRESS LIMIT (S): bits 33-47 of GR1 would be the limit for
 * address-limit checking, which no subchannel here requests; bit 32 and bits
 * 48-63 must be zero. The CC is unchanged. Returns 0 or operand. PoO ch. 14,
 * "SET ADDRESS LIMIT". */
exc_t insn_sal(struct cpu *cpu, const struct insn *in)
{
    return (cpu_gr32(cpu, 1) & 0x8000ffffu) ? EXC_PGM(PGM_OPERAND) : 0;
}

/* STCPS - STORE CHANNEL PATH STATUS (S): the 32-byte channel-path-status
 * word, one bit per channel path performing a function. Channel programs
 * run to the end inside START SUBCHANNEL, so no path is ever active: zeros.
 * The CC is unchanged. Returns 0, specification (operand not on a 32-byte
 * boundary) or access. PoO ch. 14, "STORE CHANNEL PATH STATUS". */
exc_t insn_stcps(struct cpu *cpu, const struct insn *in)
{
    static const uint8_t zeros[32];
    uint64_t addr = insn_addr2(cpu, in);
    struct acc acc;
    exc_t exc;

    if (addr & 31)
        return EXC_PGM(PGM_SPECIFICATION);
    exc = mmu_prepare(cpu, &acc, in->b2, addr, sizeof(zeros), ACC_STORE);
    if (exc)
        return exc;
    acc_write(&acc, 0, zeros, sizeof(zeros));
    return 0;
}

/* RCHP - RESET CHANNEL PATH (S): CHPID in bits 56-63 of GR1, the channel-
 * subsystem image in bits 40-47 (only image 0 exists); bits 32-39 and 48-55
 * must be zero. Returns 0 or operand. PoO ch. 14, "RESET CHANNEL PATH". */
exc_t insn_rchp(struct cpu *cpu, const struct insn *in)
{
    uint32_t w = cpu_gr32(cpu, 1);
    int cc;

    if (w & 0xff00ff00u)
        return EXC_PGM(PGM_OPERAND);
    cc = door_rchp(cpu, (w >> 16) & 0xff, w & 0xff);
    if (cc < 0)
        return EXC_PGM(PGM_OPERAND);
    cpu_set_cc(cpu, (unsigned)cc);
    return 0;
}

/* SIGA - SIGNAL ADAPTER (S): QDIO, outside the PoO. No subchannel is a QDIO
 * device, so every function finds the subchannel not operational: CC 3, as
 * qemu-system-s390x answers. Returns 0. */
exc_t insn_siga(struct cpu *cpu, const struct insn *in)
{
    cpu_set_cc(cpu, 3);
    return 0;
}
