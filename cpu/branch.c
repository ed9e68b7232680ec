/* Branches (PoO chapter 7, "General Instructions"): on condition, and
 * link, and save, and set mode, on count, on index, relative forms,
 * compare and branch/jump, compare and trap, and the addressing-mode
 * instructions SAM24/SAM31/SAM64 and TAM. A taken branch sets next_ia and
 * records the breaking-event address. */
#include "cpu/cpu.h"

#include "cpu/insn.h"
#include "mmu/mmu.h"

/* Take a branch to @target (already wrapped). The breaking-event address is
 * that of the branch, or of the EXECUTE when the branch is its target (the
 * PSW still points at the EXECUTE then). PoO "Breaking-Event-Address Recording". */
static void branch_to(struct cpu *cpu, uint64_t target)
{
    cpu->bea = cpu->psw.addr;
    cpu->next_ia = target;
}

/* Does the CC select a bit of the 4-bit branch mask @m? */
static bool cc_selected(const struct cpu *cpu, unsigned m)
{
    return (m & (8u >> cpu->cc)) != 0;
}

/* The link information of BAS, BASR, BRAS, BRASL (and BAL/BALR outside the
 * 24-bit mode) for the old contents @old of R1: the updated instruction
 * address, with bit 32 one in the 31-bit mode; bits 0-31 unchanged in the 24-
 * and 31-bit modes. PoO "BRANCH AND SAVE". */
static uint64_t link_bas(const struct cpu *cpu, uint64_t old)
{
    uint64_t hi = old & UINT64_C(0xffffffff00000000);

    if (cpu->psw.mask & PSW_MASK_EA)
        return cpu->next_ia;
    if (cpu->psw.mask & PSW_MASK_BA)
        return hi | 0x80000000u | cpu->next_ia;
    return hi | (cpu->next_ia & 0xffffff);
}

/* The link information of BAL and BALR: in the 24-bit mode bits 32-63 are
 * the ILC, CC, program mask and 24-bit updated address. PoO "BRANCH AND LINK". */
static uint64_t link_bal(const struct cpu *cpu, uint64_t old)
{
    uint32_t lo;

    if (cpu->psw.mask & (PSW_MASK_EA | PSW_MASK_BA))
        return link_bas(cpu, old);
    lo = (uint32_t)(cpu->ilen / 2) << 30 | (uint32_t)cpu->cc << 28 | cpu_pm(cpu) << 24 |
         (uint32_t)(cpu->next_ia & 0xffffff);
    return (old & UINT64_C(0xffffffff00000000)) | lo;
}

/* ---- branch on condition ------------------------------------------------ */

/* BC - BRANCH ON CONDITION (RX-b). Returns 0. */
exc_t insn_bc(struct cpu *cpu, const struct insn *in)
{
    if (cc_selected(cpu, in->r1))
        branch_to(cpu, insn_addr2(cpu, in));
    return 0;
}

/* BCR - BRANCH ON CONDITION (RR): R2 zero never branches (BCR 15,0 and 14,0
 * serialize, a no-op here). Returns 0. */
exc_t insn_bcr(struct cpu *cpu, const struct insn *in)
{
    if (in->r2 && cc_selected(cpu, in->r1))
        branch_to(cpu, cpu_wrap(cpu, cpu->gr[in->r2]));
    return 0;
}

/* BRC - BRANCH RELATIVE ON CONDITION (RI-c). Returns 0. */
exc_t insn_brc(struct cpu *cpu, const struct insn *in)
{
    if (cc_selected(cpu, in->r1))
        branch_to(cpu, insn_rel(cpu, in));
    return 0;
}

/* BRCL - BRANCH RELATIVE ON CONDITION LONG (RIL-c). Returns 0. */
exc_t insn_brcl(struct cpu *cpu, const struct insn *in)
{
    return insn_brc(cpu, in);
}

/* ---- branch and link / save ------------------------------------------------ */

/* BAL - BRANCH AND LINK (RX-a). Returns 0. */
exc_t insn_bal(struct cpu *cpu, const struct insn *in)
{
    uint64_t target = insn_addr2(cpu, in);

    cpu->gr[in->r1] = link_bal(cpu, cpu->gr[in->r1]);
    branch_to(cpu, target);
    return 0;
}

/* BALR - BRANCH AND LINK (RR): R2 zero links without branching. Returns 0. */
exc_t insn_balr(struct cpu *cpu, const struct insn *in)
{
    uint64_t target = cpu_wrap(cpu, cpu->gr[in->r2]);

    cpu->gr[in->r1] = link_bal(cpu, cpu->gr[in->r1]);
    if (in->r2)
        branch_to(cpu, target);
    return 0;
}

/* BAS - BRANCH AND SAVE (RX-a). Returns 0. */
exc_t insn_bas(struct cpu *cpu, const struct insn *in)
{
    uint64_t target = insn_addr2(cpu, in);

    cpu->gr[in->r1] = link_bas(cpu, cpu->gr[in->r1]);
    branch_to(cpu, target);
    return 0;
}

/* BASR - BRANCH AND SAVE (RR): R2 zero saves without branching. Returns 0. */
exc_t insn_basr(struct cpu *cpu, const struct insn *in)
{
    uint64_t target = cpu_wrap(cpu, cpu->gr[in->r2]);

    cpu->gr[in->r1] = link_bas(cpu, cpu->gr[in->r1]);
    if (in->r2)
        branch_to(cpu, target);
    return 0;
}

/* BRAS - BRANCH RELATIVE AND SAVE (RI-b). Returns 0. */
exc_t insn_bras(struct cpu *cpu, const struct insn *in)
{
    cpu->gr[in->r1] = link_bas(cpu, cpu->gr[in->r1]);
    branch_to(cpu, insn_rel(cpu, in));
    return 0;
}

/* BRASL - BRANCH RELATIVE AND SAVE LONG (RIL-b). Returns 0. */
exc_t insn_brasl(struct cpu *cpu, const struct insn *in)
{
    return insn_bras(cpu, in);
}

/* Switch the addressing mode as bit 63 (64-bit) or bit 32 (31-bit) of @v
 * says and return the branch address @v designates in that mode. PoO
 * "BRANCH AND SET MODE". */
static uint64_t set_mode_from(struct cpu *cpu, uint64_t v)
{
    cpu->psw.mask &= ~(PSW_MASK_EA | PSW_MASK_BA);
    if (v & 1)
        cpu->psw.mask |= PSW_MASK_EA | PSW_MASK_BA;
    else if (v & 0x80000000u)
        cpu->psw.mask |= PSW_MASK_BA;
    cpu_amode_update(cpu);
    return v & ~UINT64_C(1) & cpu->amode_mask;
}

/* BSM - BRANCH AND SET MODE (RR): R1 nonzero records the current mode (bit
 * 63 one in the 64-bit mode, else bit 32 = the basic-addressing-mode bit);
 * R2 nonzero sets the mode and branches. Returns 0. */
exc_t insn_bsm(struct cpu *cpu, const struct insn *in)
{
    uint64_t v2 = cpu->gr[in->r2];

    if (in->r1) {
        if (cpu->psw.mask & PSW_MASK_EA)
            cpu->gr[in->r1] |= 1;
        else if (cpu->psw.mask & PSW_MASK_BA)
            cpu->gr[in->r1] |= 0x80000000u;
        else
            cpu->gr[in->r1] &= ~UINT64_C(0x80000000);
    }
    if (in->r2)
        branch_to(cpu, set_mode_from(cpu, v2));
    return 0;
}

/* BASSM - BRANCH AND SAVE AND SET MODE (RR): link as BASR, with bit 63 one in
 * the 64-bit mode; R2 nonzero sets the mode and branches. Returns 0. */
exc_t insn_bassm(struct cpu *cpu, const struct insn *in)
{
    uint64_t v2 = cpu->gr[in->r2];
    uint64_t link = link_bas(cpu, cpu->gr[in->r1]);

    if (cpu->psw.mask & PSW_MASK_EA)
        link |= 1;
    cpu->gr[in->r1] = link;
    if (in->r2)
        branch_to(cpu, set_mode_from(cpu, v2));
    return 0;
}

/* ---- branch on count ---------------------------------------------------------- */

/* Decrement the low word of R1; true if the result is nonzero. */
static bool count32(struct cpu *cpu, unsigned r1)
{
    uint32_t v = cpu_gr32(cpu, r1) - 1;

    cpu_set_gr32(cpu, r1, v);
    return v != 0;
}

static bool count64(struct cpu *cpu, unsigned r1)
{
    return --cpu->gr[r1] != 0;
}

/* BCT - BRANCH ON COUNT (32) (RX-a). Returns 0. */
exc_t insn_bct(struct cpu *cpu, const struct insn *in)
{
    uint64_t target = insn_addr2(cpu, in);

    if (count32(cpu, in->r1))
        branch_to(cpu, target);
    return 0;
}

/* BCTR - BRANCH ON COUNT (32) (RR): R2 zero decrements only. Returns 0. */
exc_t insn_bctr(struct cpu *cpu, const struct insn *in)
{
    uint64_t target = cpu_wrap(cpu, cpu->gr[in->r2]);

    if (count32(cpu, in->r1) && in->r2)
        branch_to(cpu, target);
    return 0;
}

/* BCTG - BRANCH ON COUNT (64) (RXY-a). Returns 0. */
exc_t insn_bctg(struct cpu *cpu, const struct insn *in)
{
    uint64_t target = insn_addr2(cpu, in);

    if (count64(cpu, in->r1))
        branch_to(cpu, target);
    return 0;
}

/* BCTGR - BRANCH ON COUNT (64) (RRE): R2 zero decrements only. Returns 0. */
exc_t insn_bctgr(struct cpu *cpu, const struct insn *in)
{
    uint64_t target = cpu_wrap(cpu, cpu->gr[in->r2]);

    if (count64(cpu, in->r1) && in->r2)
        branch_to(cpu, target);
    return 0;
}

/* BRCT - BRANCH RELATIVE ON COUNT (32) (RI-b). Returns 0. */
exc_t insn_brct(struct cpu *cpu, const struct insn *in)
{
    if (count32(cpu, in->r1))
        branch_to(cpu, insn_rel(cpu, in));
    return 0;
}

/* BRCTG - BRANCH RELATIVE ON COUNT (64) (RI-b). Returns 0. */
exc_t insn_brctg(struct cpu *cpu, const struct insn *in)
{
    if (count64(cpu, in->r1))
        branch_to(cpu, insn_rel(cpu, in));
    return 0;
}

/* BRCTH - BRANCH RELATIVE ON COUNT HIGH (32) (RIL-b). Returns 0. */
exc_t insn_brcth(struct cpu *cpu, const struct insn *in)
{
    uint32_t v = cpu_gr32h(cpu, in->r1) - 1;

    cpu_set_gr32h(cpu, in->r1, v);
    if (v)
        branch_to(cpu, insn_rel(cpu, in));
    return 0;
}

/* ---- branch on index ------------------------------------------------------------ */

/* Add the increment (R3) to R1 and compare with the compare value (the odd
 * register of the R3 pair, read before R1 changes). Returns true if the sum
 * is high (@high) or low or equal (!@high). PoO "BRANCH ON INDEX HIGH". */
static bool index32(struct cpu *cpu, const struct insn *in, bool high)
{
    int32_t incr = (int32_t)cpu_gr32(cpu, in->r3);
    int32_t cmp = (int32_t)cpu_gr32(cpu, in->r3 | 1);
    int32_t sum = (int32_t)(cpu_gr32(cpu, in->r1) + (uint32_t)incr);

    cpu_set_gr32(cpu, in->r1, (uint32_t)sum);
    return high ? sum > cmp : sum <= cmp;
}

static bool index64(struct cpu *cpu, const struct insn *in, bool high)
{
    int64_t incr = (int64_t)cpu->gr[in->r3];
    int64_t cmp = (int64_t)cpu->gr[in->r3 | 1];
    int64_t sum = (int64_t)(cpu->gr[in->r1] + (uint64_t)incr);

    cpu->gr[in->r1] = (uint64_t)sum;
    return high ? sum > cmp : sum <= cmp;
}

/* BXH - BRANCH ON INDEX HIGH (32) (RS-a). Returns 0. */
exc_t insn_bxh(struct cpu *cpu, const struct insn *in)
{
    uint64_t target = insn_addr2(cpu, in);

    if (index32(cpu, in, true))
        branch_to(cpu, target);
    return 0;
}

/* BXLE - BRANCH ON INDEX LOW OR EQUAL (32) (RS-a). Returns 0. */
exc_t insn_bxle(struct cpu *cpu, const struct insn *in)
{
    uint64_t target = insn_addr2(cpu, in);

    if (index32(cpu, in, false))
        branch_to(cpu, target);
    return 0;
}

/* BXHG - BRANCH ON INDEX HIGH (64) (RSY-a). Returns 0. */
exc_t insn_bxhg(struct cpu *cpu, const struct insn *in)
{
    uint64_t target = insn_addr2(cpu, in);

    if (index64(cpu, in, true))
        branch_to(cpu, target);
    return 0;
}

/* BXLEG - BRANCH ON INDEX LOW OR EQUAL (64) (RSY-a). Returns 0. */
exc_t insn_bxleg(struct cpu *cpu, const struct insn *in)
{
    uint64_t target = insn_addr2(cpu, in);

    if (index64(cpu, in, false))
        branch_to(cpu, target);
    return 0;
}

/* BRXH - BRANCH RELATIVE ON INDEX HIGH (32) (RSI). Returns 0. */
exc_t insn_brxh(struct cpu *cpu, const struct insn *in)
{
    if (index32(cpu, in, true))
        branch_to(cpu, insn_rel(cpu, in));
    return 0;
}

/* BRXLE - BRANCH RELATIVE ON INDEX LOW OR EQUAL (32) (RSI). Returns 0. */
exc_t insn_brxle(struct cpu *cpu, const struct insn *in)
{
    if (index32(cpu, in, false))
        branch_to(cpu, insn_rel(cpu, in));
    return 0;
}

/* BRXHG - BRANCH RELATIVE ON INDEX HIGH (64) (RIE-e). Returns 0. */
exc_t insn_brxhg(struct cpu *cpu, const struct insn *in)
{
    if (index64(cpu, in, true))
        branch_to(cpu, insn_rel(cpu, in));
    return 0;
}

/* BRXLG - BRANCH RELATIVE ON INDEX LOW OR EQUAL (64) (RIE-e). Returns 0. */
exc_t insn_brxlg(struct cpu *cpu, const struct insn *in)
{
    if (index64(cpu, in, false))
        branch_to(cpu, insn_rel(cpu, in));
    return 0;
}

/* ---- compare and branch / jump / trap ---------------------------------------------- */

/* Comparison results as mask bits: 8 equal, 4 first operand low, 2 high. */
static unsigned cmp_signed(int64_t a, int64_t b)
{
    return 8u >> ((unsigned)(a < b) | (unsigned)(a > b) << 1);
}

static unsigned cmp_logical(uint64_t a, uint64_t b)
{
    return 8u >> ((unsigned)(a < b) | (unsigned)(a > b) << 1);
}

static int64_t gr32s(const struct cpu *cpu, unsigned r)
{
    return (int32_t)cpu_gr32(cpu, r);
}

static int64_t gr64s(const struct cpu *cpu, unsigned r)
{
    return (int64_t)cpu->gr[r];
}

/* Branch to @target if the comparison result @res is selected by M3. */
static exc_t cmp_branch(struct cpu *cpu, const struct insn *in, unsigned res, uint64_t target)
{
    if (in->m3 & res)
        branch_to(cpu, target);
    return 0;
}

/* Trap (data exception, DXC FF) if @res is selected by M3. PoO "COMPARE AND TRAP". */
static exc_t cmp_trap(struct cpu *cpu, const struct insn *in, unsigned res)
{
    if (!(in->m3 & res))
        return 0;
    cpu->exc.dxc = DXC_COMPARE_AND_TRAP;
    return EXC_PGM(PGM_DATA);
}

/* CRJ - COMPARE AND BRANCH RELATIVE (32) (RIE-b). Returns 0. */
exc_t insn_crj(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_signed(gr32s(cpu, in->r1), gr32s(cpu, in->r2)),
                      insn_rel(cpu, in));
}

/* CGRJ - COMPARE AND BRANCH RELATIVE (64) (RIE-b). Returns 0. */
exc_t insn_cgrj(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_signed(gr64s(cpu, in->r1), gr64s(cpu, in->r2)),
                      insn_rel(cpu, in));
}

/* CLRJ - COMPARE LOGICAL AND BRANCH RELATIVE (32) (RIE-b). Returns 0. */
exc_t insn_clrj(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_logical(cpu_gr32(cpu, in->r1), cpu_gr32(cpu, in->r2)),
                      insn_rel(cpu, in));
}

/* CLGRJ - COMPARE LOGICAL AND BRANCH RELATIVE (64) (RIE-b). Returns 0. */
exc_t insn_clgrj(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_logical(cpu->gr[in->r1], cpu->gr[in->r2]),
                      insn_rel(cpu, in));
}

/* CIJ - COMPARE IMMEDIATE AND BRANCH RELATIVE (32<-8) (RIE-c). Returns 0. */
exc_t insn_cij(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_signed(gr32s(cpu, in->r1), in->i2), insn_rel(cpu, in));
}

/* CGIJ - COMPARE IMMEDIATE AND BRANCH RELATIVE (64<-8) (RIE-c). Returns 0. */
exc_t insn_cgij(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_signed(gr64s(cpu, in->r1), in->i2), insn_rel(cpu, in));
}

/* CLIJ - COMPARE LOGICAL IMMEDIATE AND BRANCH RELATIVE (32<-8) (RIE-c). Returns 0. */
exc_t insn_clij(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_logical(cpu_gr32(cpu, in->r1), (uint8_t)in->i2),
                      insn_rel(cpu, in));
}

/* CLGIJ - COMPARE LOGICAL IMMEDIATE AND BRANCH RELATIVE (64<-8) (RIE-c). Returns 0. */
exc_t insn_clgij(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_logical(cpu->gr[in->r1], (uint8_t)in->i2),
                      insn_rel(cpu, in));
}

/* CRB - COMPARE AND BRANCH (32) (RRS). Returns 0. */
exc_t insn_crb(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_signed(gr32s(cpu, in->r1), gr32s(cpu, in->r2)),
                      insn_addr4(cpu, in));
}

/* CGRB - COMPARE AND BRANCH (64) (RRS). Returns 0. */
exc_t insn_cgrb(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_signed(gr64s(cpu, in->r1), gr64s(cpu, in->r2)),
                      insn_addr4(cpu, in));
}

/* CLRB - COMPARE LOGICAL AND BRANCH (32) (RRS). Returns 0. */
exc_t insn_clrb(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_logical(cpu_gr32(cpu, in->r1), cpu_gr32(cpu, in->r2)),
                      insn_addr4(cpu, in));
}

/* CLGRB - COMPARE LOGICAL AND BRANCH (64) (RRS). Returns 0. */
exc_t insn_clgrb(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_logical(cpu->gr[in->r1], cpu->gr[in->r2]),
                      insn_addr4(cpu, in));
}

/* CIB - COMPARE IMMEDIATE AND BRANCH (32<-8) (RIS). Returns 0. */
exc_t insn_cib(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_signed(gr32s(cpu, in->r1), in->i2), insn_addr4(cpu, in));
}

/* CGIB - COMPARE IMMEDIATE AND BRANCH (64<-8) (RIS). Returns 0. */
exc_t insn_cgib(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_signed(gr64s(cpu, in->r1), in->i2), insn_addr4(cpu, in));
}

/* CLIB - COMPARE LOGICAL IMMEDIATE AND BRANCH (32<-8) (RIS). Returns 0. */
exc_t insn_clib(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_logical(cpu_gr32(cpu, in->r1), (uint8_t)in->i2),
                      insn_addr4(cpu, in));
}

/* CLGIB - COMPARE LOGICAL IMMEDIATE AND BRANCH (64<-8) (RIS). Returns 0. */
exc_t insn_clgib(struct cpu *cpu, const struct insn *in)
{
    return cmp_branch(cpu, in, cmp_logical(cpu->gr[in->r1], (uint8_t)in->i2),
                      insn_addr4(cpu, in));
}

/* CRT - COMPARE AND TRAP (32) (RRF-c). Returns 0 or data exception (DXC FF). */
exc_t insn_crt(struct cpu *cpu, const struct insn *in)
{
    return cmp_trap(cpu, in, cmp_signed(gr32s(cpu, in->r1), gr32s(cpu, in->r2)));
}

/* CGRT - COMPARE AND TRAP (64) (RRF-c). Returns 0 or data exception (DXC FF). */
exc_t insn_cgrt(struct cpu *cpu, const struct insn *in)
{
    return cmp_trap(cpu, in, cmp_signed(gr64s(cpu, in->r1), gr64s(cpu, in->r2)));
}

/* CLRT - COMPARE LOGICAL AND TRAP (32) (RRF-c). Returns 0 or data exception (DXC FF). */
exc_t insn_clrt(struct cpu *cpu, const struct insn *in)
{
    return cmp_trap(cpu, in, cmp_logical(cpu_gr32(cpu, in->r1), cpu_gr32(cpu, in->r2)));
}

/* CLGRT - COMPARE LOGICAL AND TRAP (64) (RRF-c). Returns 0 or data exception (DXC FF). */
exc_t insn_clgrt(struct cpu *cpu, const struct insn *in)
{
    return cmp_trap(cpu, in, cmp_logical(cpu->gr[in->r1], cpu->gr[in->r2]));
}

/* CIT - COMPARE IMMEDIATE AND TRAP (32<-16) (RIE-a). Returns 0 or data exception. */
exc_t insn_cit(struct cpu *cpu, const struct insn *in)
{
    return cmp_trap(cpu, in, cmp_signed(gr32s(cpu, in->r1), in->i2));
}

/* CGIT - COMPARE IMMEDIATE AND TRAP (64<-16) (RIE-a). Returns 0 or data exception. */
exc_t insn_cgit(struct cpu *cpu, const struct insn *in)
{
    return cmp_trap(cpu, in, cmp_signed(gr64s(cpu, in->r1), in->i2));
}

/* CLFIT - COMPARE LOGICAL IMMEDIATE AND TRAP (32<-16) (RIE-a). Returns 0 or data exception. */
exc_t insn_clfit(struct cpu *cpu, const struct insn *in)
{
    return cmp_trap(cpu, in, cmp_logical(cpu_gr32(cpu, in->r1), (uint16_t)in->i2));
}

/* CLGIT - COMPARE LOGICAL IMMEDIATE AND TRAP (64<-16) (RIE-a). Returns 0 or data exception. */
exc_t insn_clgit(struct cpu *cpu, const struct insn *in)
{
    return cmp_trap(cpu, in, cmp_logical(cpu->gr[in->r1], (uint16_t)in->i2));
}

/* ---- addressing mode ----------------------------------------------------------------- */

/* Set the addressing mode to @ea/@ba. The updated instruction address must
 * fit the new mode: specification exception otherwise. PoO "SET ADDRESSING MODE". */
static exc_t set_amode(struct cpu *cpu, bool ea, bool ba)
{
    uint64_t limit = ea ? UINT64_MAX : ba ? 0x7fffffffu : 0xffffffu;

    if (cpu->next_ia & ~limit)
        return EXC_PGM(PGM_SPECIFICATION);
    cpu->psw.mask &= ~(PSW_MASK_EA | PSW_MASK_BA);
    cpu->psw.mask |= (ea ? PSW_MASK_EA : 0) | (ba ? PSW_MASK_BA : 0);
    cpu_amode_update(cpu);
    return 0;
}

/* SAM24 - SET ADDRESSING MODE (24) (E). Returns 0 or specification. */
exc_t insn_sam24(struct cpu *cpu, const struct insn *in)
{
    return set_amode(cpu, false, false);
}

/* SAM31 - SET ADDRESSING MODE (31) (E). Returns 0 or specification. */
exc_t insn_sam31(struct cpu *cpu, const struct insn *in)
{
    return set_amode(cpu, false, true);
}

/* SAM64 - SET ADDRESSING MODE (64) (E). Returns 0. */
exc_t insn_sam64(struct cpu *cpu, const struct insn *in)
{
    return set_amode(cpu, true, true);
}

/* TAM - TEST ADDRESSING MODE (E): CC 0 24-bit, 1 31-bit, 3 64-bit. Returns 0. */
exc_t insn_tam(struct cpu *cpu, const struct insn *in)
{
    unsigned cc = (cpu->psw.mask & PSW_MASK_EA) ? 3 : (cpu->psw.mask & PSW_MASK_BA) ? 1 : 0;

    cpu_set_cc(cpu, cc);
    return 0;
}
