/* Register-addressed operands of the interruptible instructions (string,
 * move-long, translate, convert): lengths and addresses kept in general
 * registers and updated by addressing mode, PoO chapter 7. */
#ifndef SIEVE_CPU_REGS_H
#define SIEVE_CPU_REGS_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu/state.h"

static inline bool amode64(const struct cpu *cpu)
{
    return (cpu->psw.mask & PSW_MASK_EA) != 0;
}

/* An operand length in GR @r: the whole register in the 64-bit mode, else
 * bits 32-63. */
static inline uint64_t reg_len(const struct cpu *cpu, unsigned r)
{
    return amode64(cpu) ? cpu->gr[r] : cpu_gr32(cpu, r);
}

/* Store an updated length into GR @r (bits 0-31 unchanged below 64-bit mode). */
static inline void set_reg_len(struct cpu *cpu, unsigned r, uint64_t len)
{
    if (amode64(cpu))
        cpu->gr[r] = len;
    else
        cpu_set_gr32(cpu, r, (uint32_t)len);
}

/* Store an updated address into GR @r: all 64 bits; bits 33-63 with bit 32
 * zero; or bits 40-63 with bits 0-39 unchanged (TRT requires exactly this;
 * the interruptible instructions may leave bits 32-39 or zero them). */
static inline void set_reg_addr(struct cpu *cpu, unsigned r, uint64_t addr)
{
    if (amode64(cpu))
        cpu->gr[r] = addr;
    else if (cpu->psw.mask & PSW_MASK_BA)
        cpu_set_gr32(cpu, r, (uint32_t)addr & 0x7fffffffu);
    else
        cpu->gr[r] = (cpu->gr[r] & ~UINT64_C(0xffffff)) | (addr & 0xffffff);
}

/* As set_reg_addr, but with the bits above the addressing mode in bits
 * 32-63 zeroed (bits 32-39 in the 24-bit mode), as MVCL specifies. */
static inline void set_reg_addr_clear(struct cpu *cpu, unsigned r, uint64_t addr)
{
    if (amode64(cpu))
        cpu->gr[r] = addr;
    else
        cpu_set_gr32(cpu, r, (uint32_t)cpu_wrap(cpu, addr));
}

/* Bytes from @addr to the end of its page. */
static inline uint32_t page_rest(uint64_t addr)
{
    return PAGE_SIZE - (uint32_t)(addr & ~PAGE_MASK);
}

#endif
