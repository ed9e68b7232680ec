/* Guest-visible outcomes of an instruction or an access: returned, never
 * thrown. 0 means no exception. See docs/design.md, "Exceptions". */
#ifndef SIEVE_CPU_EXC_H
#define SIEVE_CPU_EXC_H

#include <stdint.h>
#include "util/bits.h"

typedef uint32_t exc_t;

#define EXC_CODE(e)     ((e) & 0xffffu)     /* program-interruption or intercept code */
#define EXC_F_HOST      0x10000u            /* L1's DAT failed for an L2 access */
#define EXC_F_ICPT      0x20000u            /* end SIE with this interception code */
#define EXC_PGM(c)      ((exc_t)(c))
#define EXC_HOST_PGM(c) (EXC_F_HOST | (exc_t)(c))
#define EXC_ICPT(c)     (EXC_F_ICPT | (exc_t)(c))

/* Program-interruption codes, PoO chapter 6 "Program-Interruption Conditions". */
enum pgm_code {
    PGM_OPERATION = 0x01,
    PGM_PRIVILEGED_OP = 0x02,
    PGM_EXECUTE = 0x03,
    PGM_PROTECTION = 0x04,
    PGM_ADDRESSING = 0x05,
    PGM_SPECIFICATION = 0x06,
    PGM_DATA = 0x07,
    PGM_FIXED_POINT_OVERFLOW = 0x08,
    PGM_FIXED_POINT_DIVIDE = 0x09,
    PGM_DECIMAL_OVERFLOW = 0x0a,
    PGM_DECIMAL_DIVIDE = 0x0b,
    PGM_HFP_EXP_OVERFLOW = 0x0c,
    PGM_HFP_EXP_UNDERFLOW = 0x0d,
    PGM_HFP_SIGNIFICANCE = 0x0e,
    PGM_HFP_DIVIDE = 0x0f,
    PGM_SEGMENT_TRANSLATION = 0x10,
    PGM_PAGE_TRANSLATION = 0x11,
    PGM_TRANSLATION_SPEC = 0x12,
    PGM_SPECIAL_OPERATION = 0x13,
    PGM_OPERAND = 0x15,
    PGM_TRACE_TABLE = 0x16,
    PGM_VECTOR_PROCESSING = 0x1b,
    PGM_SPACE_SWITCH = 0x1c,
    PGM_HFP_SQRT = 0x1d,
    PGM_PC_TRANSLATION_SPEC = 0x1f,
    PGM_AFX_TRANSLATION = 0x20,
    PGM_ASX_TRANSLATION = 0x21,
    PGM_LX_TRANSLATION = 0x22,
    PGM_EX_TRANSLATION = 0x23,
    PGM_PRIMARY_AUTHORITY = 0x24,
    PGM_SECONDARY_AUTHORITY = 0x25,
    PGM_LFX_TRANSLATION = 0x26,
    PGM_LSX_TRANSLATION = 0x27,
    PGM_ALET_SPEC = 0x28,
    PGM_ALEN_TRANSLATION = 0x29,
    PGM_ALE_SEQUENCE = 0x2a,
    PGM_ASTE_VALIDITY = 0x2b,
    PGM_ASTE_SEQUENCE = 0x2c,
    PGM_EXTENDED_AUTHORITY = 0x2d,
    PGM_LSTE_SEQUENCE = 0x2e,
    PGM_ASTE_INSTANCE = 0x2f,
    PGM_STACK_FULL = 0x30,
    PGM_STACK_EMPTY = 0x31,
    PGM_STACK_SPEC = 0x32,
    PGM_STACK_TYPE = 0x33,
    PGM_STACK_OPERATION = 0x34,
    PGM_ASCE_TYPE = 0x38,
    PGM_REGION_FIRST_TRANSLATION = 0x39,
    PGM_REGION_SECOND_TRANSLATION = 0x3a,
    PGM_REGION_THIRD_TRANSLATION = 0x3b,
    PGM_MONITOR_EVENT = 0x40,
    PGM_PER = 0x80,
};

/* Data-exception codes (DXC) stored with PGM_DATA, PoO "Data-Exception Code". */
enum dxc {
    DXC_DECIMAL = 0x00,
    DXC_AFP_REGISTER = 0x01,
    DXC_BFP_INSN = 0x02,
    DXC_DFP_INSN = 0x03,
    DXC_IEEE_INEXACT = 0x08,
    DXC_IEEE_UNDERFLOW = 0x10,
    DXC_IEEE_OVERFLOW = 0x20,
    DXC_IEEE_DIVIDE = 0x40,
    DXC_IEEE_INVALID = 0x80,
    DXC_COMPARE_AND_TRAP = 0xff,
};

#endif
