/* Explicit tracing (PoO ch. 4 "Tracing", ch. 10 "TRACE"): TRACE and TRACG
 * entries at the trace-entry address in CR12 with the explicit-trace
 * control on, their format (TOD clock, operand, registers R1 through R3 with
 * wrap-around), CR12 advancing, the operand's bit 0, the control off, the
 * trace-table exception and the privileged-operation exception. QEMU 7.2
 * does not implement TRACE or TRACG: sieve only (qemu-deviations.txt). */
#include "priv_common.h"

#define PGM_TRACE_TABLE 0x16
#define CR12_E          1ull

static uint8_t table[2][4096] __attribute__((aligned(4096)));
static uint32_t operand[2] __attribute__((aligned(8))) = { 0x12345678, 0x80000001 };

static uint64_t stck(void)
{
    uint64_t t;

    asm volatile("stck %0" : "=Q"(t) : : "cc");
    return t;
}

/* The big-endian value of the @n bytes at @p. */
static uint64_t ld_be(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < n; i++)
        v = v << 8 | p[i];
    return v;
}

static uint64_t ld64(const uint8_t *p)
{
    return ld_be(p, 8);
}

static uint32_t ld32(const uint8_t *p)
{
    return (uint32_t)ld_be(p, 4);
}

static void test_trace(void)
{
    uint64_t t1, t2, tod;
    uint8_t *e = table[0];

    memset(table, 0xee, sizeof(table));
    rt_lctlg(12, (uintptr_t)e | CR12_E);
    t1 = stck();
    asm volatile("  lghi  %%r2,0x222\n"
                 "  lghi  %%r3,0x333\n"
                 "  llihf %%r4,0x4444\n"
                 "  oilf  %%r4,0x44440004\n"
                 "  trace %%r2,%%r4,0(%[op])\n"
                 : : [op] "a"(operand) : "r2", "r3", "r4", "memory");
    t2 = stck();
    rt_check_u64("trace r2-r4: format 0111 and N = 2", e[0], 0x72);
    rt_check_u64("trace: byte 1 zero", e[1], 0);
    tod = ld64(e) & 0xffffffffffffull;
    rt_check((t1 & 0xffffffffffffull) <= tod && tod <= (t2 & 0xffffffffffffull),
             "trace: TOD bits 16-63 between two STCKs");
    rt_check_u64("trace: operand", ld32(e + 8), 0x12345678);
    rt_check(ld32(e + 12) == 0x222 && ld32(e + 16) == 0x333 && ld32(e + 20) == 0x44440004,
             "trace: bits 32-63 of r2, r3, r4");
    rt_check_u64("trace: nothing beyond the 24-byte entry", e[24], 0xee);
    rt_check_u64("trace: CR12 advanced by 24", rt_stctg(12), ((uintptr_t)e + 24) | CR12_E);
    asm volatile("  lghi  %%r0,0x100\n"
                 "  lghi  %%r1,0x101\n"
                 "  trace %%r15,%%r1,0(%[op])\n"
                 : : [op] "a"(operand) : "r0", "r1", "memory");
    rt_check_u64("trace r15-r1: N = 2", e[24], 0x72);
    rt_check(ld32(e + 24 + 16) == 0x100 && ld32(e + 24 + 20) == 0x101,
             "trace r15-r1: registers wrap to r0, r1");
    rt_check_u64("trace: CR12 advanced by 24 again", rt_stctg(12), ((uintptr_t)e + 48) | CR12_E);
}

static void test_tracg(void)
{
    uint64_t t1, t2;
    uint8_t *e = table[0] + 48;

    t1 = stck();
    asm volatile("  llihf %%r3,0x33333333\n"
                 "  oilf  %%r3,0x44444444\n"
                 "  .insn rsy,0xeb000000000f,%%r3,%%r3,0(%[op])\n"
                 : : [op] "a"(operand) : "r3", "memory");
    t2 = stck();
    rt_check_u64("tracg r3: format 0111, N = 0", e[0], 0x70);
    rt_check_u64("tracg: byte 1 is 0x80", e[1], 0x80);
    rt_check(t1 <= ld64(e + 2) && ld64(e + 2) <= t2, "tracg: TOD bits 0-63 between two STCKs");
    rt_check_u64("tracg: operand", ld32(e + 12), 0x12345678);
    rt_check_u64("tracg: all of r3", ld64(e + 16), 0x3333333344444444ull);
    rt_check_u64("tracg: CR12 advanced by 24", rt_stctg(12), ((uintptr_t)e + 24) | CR12_E);
}

static void trace_at(void *op)
{
    asm volatile("trace %%r0,%%r0,0(%[op])" : : [op] "a"(op) : "memory");
}

static uint64_t tracg_addr;

static void tracg_at(void *op)
{
    asm volatile("  larl  %%r1,0f\n"
                 "  stg   %%r1,%[a]\n"
                 "0: .insn rsy,0xeb000000000f,%%r0,%%r1,0(%[op])\n"
                 : [a] "=Q"(tracg_addr) : [op] "a"(op) : "r1", "memory");
}

asm(".section .text\n"
    "  .balign 2\n"
    "te_trace: trace %r0,%r0,0(%r1)\n"
    "  .previous\n");
extern const char te_trace[];

static void test_no_entry(void)
{
    struct rt_pgm_info pi;
    uint64_t cr12 = (uintptr_t)table[1] | CR12_E;

    rt_lctlg(12, cr12);
    memset(table[1], 0xee, 64);
    rt_check_u64("operand bit 0 one: no interruption", rt_pgm_try(trace_at, &operand[1], &pi), 0);
    rt_check(table[1][0] == 0xee && rt_stctg(12) == cr12, "operand bit 0 one: no entry");
    rt_lctlg(12, (uintptr_t)table[1]);
    rt_check_u64("explicit tracing off: operand not fetched",
                 rt_pgm_try(trace_at, (void *)0x7ffff000ul, &pi), 0);
    rt_check(table[1][0] == 0xee && rt_stctg(12) == (uintptr_t)table[1],
             "explicit tracing off: no entry");
    rt_check_u64("operand not on a word boundary: specification",
                 rt_pgm_try(trace_at, (uint8_t *)operand + 2, &pi), PGM_SPECIFICATION);
    cr12 = ((uintptr_t)table[1] + 4096 - 16) | CR12_E;
    rt_lctlg(12, cr12);
    rt_check_u64("tracg entry crossing 4K: trace table",
                 rt_pgm_try(tracg_at, operand, &pi), PGM_TRACE_TABLE);
    rt_check_u64("trace table: nullified (old PSW at the TRACG)", pi.addr, tracg_addr);
    rt_check_u64("trace table: CR12 unchanged", rt_stctg(12), cr12);
    rt_check_u64("trace in the problem state: privileged operation",
                 in_problem_state_regs(te_trace, 0, (uintptr_t)operand), PGM_PRIVILEGED);
    rt_lctlg(12, 0);
}

int main(void)
{
    test_trace();
    test_tracg();
    test_no_entry();
    return 0;
}
