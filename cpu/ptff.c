/* PERFORM TIMING FACILITY FUNCTION (PoO chapter 10, "PERFORM TIMING
 * FACILITY FUNCTION"; the TOD-clock-steering facility). The physical clock
 * is sieve's raw clock (cpu/tod.h); the TOD clock is the physical clock
 * plus the TOD offset, which never steers: no steering episode is ever
 * scheduled, so both episodes report the current offset with rates zero.
 * The logical TOD clock of this level adds the epoch difference (nonzero
 * only for a SIE guest), as STORE CLOCK does. */
#include "cpu/insn.h"

#include <string.h>
#include "cpu/tod.h"
#include "mmu/mmu.h"

#define PTFF_QAF    0x00    /* query available functions */
#define PTFF_QTO    0x01    /* query TOD offset */
#define PTFF_QSI    0x02    /* query steering information */
#define PTFF_QPT    0x03    /* query physical clock */
#define PTFF_QUI    0x04    /* query UTC information */
#define PTFF_ATO    0x40    /* adjust TOD offset */
#define PTFF_STO    0x41    /* set TOD offset */
#define PTFF_CONTROL 0x40   /* function codes 64-127: control functions, privileged */
#define PTFF_BLOCK_MAX 256

/* Parameter-block length of function @fc, or 0 if it is not installed.
 * Fine and gross steering (SFS, SGS) are not offered: the clock does not
 * steer. */
static unsigned block_len(unsigned fc)
{
    switch (fc) {
    case PTFF_QAF:
        return 16;
    case PTFF_QTO:
        return 32;
    case PTFF_QSI:
        return 56;
    case PTFF_QPT:
    case PTFF_ATO:
    case PTFF_STO:
        return 8;
    case PTFF_QUI:
        return 256;
    default:
        return 0;
    }
}

/* The QAF answer: one bit per installed function code (bit 0 = code 0). */
static void query_available(uint8_t *b)
{
    for (unsigned fc = 0; fc < 128; fc++)
        if (block_len(fc))
            b[fc / 8] |= 0x80u >> (fc % 8);
}

/* Fill the parameter block @b of query function @fc. */
static void query(struct cpu *cpu, unsigned fc, uint8_t *b)
{
    uint64_t offset = tod_from_raw(0);
    uint64_t physical = tod_raw();

    switch (fc) {
    case PTFF_QAF:
        query_available(b);
        break;
    case PTFF_QTO:
        st_be64(b, physical);
        st_be64(b + 8, offset);
        st_be64(b + 16, offset + cpu->epoch);       /* logical TOD offset */
        st_be64(b + 24, cpu->epoch);                /* TOD epoch difference */
        break;
    case PTFF_QSI:
        st_be64(b, physical);
        /* Old and new episode: start time 0, base offset, rates 0. */
        st_be64(b + 16, offset);
        st_be64(b + 40, offset);
        break;
    case PTFF_QPT:
        st_be64(b, physical);
        break;
    default:
        /* QUI: local timing mode, no leap-second event, no STP data. */
        break;
    }
}

/* PTFF - PERFORM TIMING FACILITY FUNCTION (E): function code in bits 57-63
 * of GR0 (bit 56 must be zero), parameter block at the logical address in
 * GR1. Query functions store the block; the control functions ATO and STO
 * (privileged) adjust or set the TOD offset from it. CC 0 performed, 3 the
 * function is not installed. Returns 0, specification (bit 56), privileged
 * operation, or the access exception. The block needs no alignment here.
 * PoO ch. 10, "PERFORM TIMING FACILITY FUNCTION". */
exc_t insn_ptff(struct cpu *cpu, const struct insn *in)
{
    uint8_t b[PTFF_BLOCK_MAX];
    unsigned fc = (unsigned)cpu->gr[0] & 0xff;
    uint64_t addr = cpu_wrap(cpu, cpu->gr[1]);
    unsigned len = block_len(fc & 0x7f);
    struct acc acc;
    exc_t exc;

    if (fc & 0x80)
        return EXC_PGM(PGM_SPECIFICATION);
    if ((fc & PTFF_CONTROL) && cpu_problem_state(cpu))
        return EXC_PGM(PGM_PRIVILEGED_OP);
    if (len == 0) {
        cpu_set_cc(cpu, 3);
        return 0;
    }
    exc = mmu_prepare(cpu, &acc, 1, addr, len, fc & PTFF_CONTROL ? ACC_FETCH : ACC_STORE);
    if (exc)
        return exc;
    memset(b, 0, len);
    if (fc == PTFF_ATO || fc == PTFF_STO) {
        acc_read(&acc, 0, b, 8);
        tod_set_offset(fc == PTFF_ATO ? tod_from_raw(0) + ld_be64(b) : ld_be64(b));
    } else {
        query(cpu, fc, b);
        acc_write(&acc, 0, b, len);
    }
    cpu_set_cc(cpu, 0);
    return 0;
}
