/* Hexadecimal floating point (PoO chapter 18): the internal number form
 * shared by cpu/hfp.c and cpu/hfp-mul.c. Private to those files. */
#ifndef SIEVE_CPU_HFP_CORE_H
#define SIEVE_CPU_HFP_CORE_H

#include "cpu/insn.h"

typedef unsigned __int128 u128;

/* Formats, by their number of hex fraction digits. */
enum hfp_fmt {
    HFP_SHORT = 6,
    HFP_LONG = 14,
    HFP_EXT = 28,
};

/* An unpacked HFP number: value = f / 2^120 * 16^(c - 64). The fraction f
 * is below HFP_ONE except transiently (carry); c is the characteristic
 * and may leave 0-127 before the final exponent checks. */
struct hfp {
    bool neg;
    int c;
    u128 f;
};

#define HFP_FBITS 120
#define HFP_ONE   ((u128)1 << HFP_FBITS)
#define HFP_M56   UINT64_C(0x00ffffffffffffff)

exc_t hfp_afp(struct cpu *cpu, unsigned a, unsigned b);
bool hfp_pair_ok(unsigned r);

uint64_t *hfp_fpr(struct cpu *cpu, unsigned r);
struct hfp hfp_get(struct cpu *cpu, unsigned r, enum hfp_fmt fmt);
void hfp_put(struct cpu *cpu, unsigned r, enum hfp_fmt fmt, const struct hfp *x);
struct hfp hfp_from_short(uint32_t v);
struct hfp hfp_from_long(uint64_t v);

exc_t hfp_op2(struct cpu *cpu, const struct insn *in, bool mem, enum hfp_fmt fmt,
              struct hfp *x);

void hfp_normalize(struct hfp *x);
void hfp_truncate(struct hfp *x, enum hfp_fmt fmt);
exc_t hfp_finish(struct cpu *cpu, struct hfp *x);
void hfp_true_zero(struct hfp *x);
struct hfp hfp_sum(struct hfp a, struct hfp b, enum hfp_fmt fmt);

#endif
