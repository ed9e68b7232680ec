/* Linkage-stack exceptions (PoO ch. 5 "Linkage-Stack Operations", ch. 6
 * "Stack-Empty/Full/Operation/Specification/Type Exception", ch. 10
 * "BRANCH AND STACK", "PROGRAM RETURN", "EXTRACT STACKED REGISTERS",
 * "EXTRACT STACKED STATE", "MODIFY STACKED STATE"): each with its code,
 * ILC and old PSW (the stack exceptions nullify, special operation and
 * specification suppress), and the stack left unchanged. QEMU 7.2
 * implements none of these instructions. */
#include "linkage_exc.h"

static const uint8_t PR[] = { 0x01, 0x01 };
static const uint8_t EREG_6_7[] = { 0xb2, 0x49, 0x00, 0x67 };
static const uint8_t ESTA_4_2[] = { 0xb2, 0x4a, 0x00, 0x42 };
static const uint8_t ESTA_5_2[] = { 0xb2, 0x4a, 0x00, 0x52 };
static const uint8_t MSTA_4[] = { 0xb2, 0x47, 0x00, 0x40 };
static const uint8_t MSTA_5[] = { 0xb2, 0x47, 0x00, 0x50 };
static const uint8_t BAKR_0_0[] = { 0xb2, 0x40, 0x00, 0x00 };

static uint64_t hdr_ed;

static void fresh_stack(uint16_t rfs, uint64_t fwd)
{
    hdr_ed = ls_section(lsec[0], 0, rfs, 0, fwd);
    rt_lctlg(15, hdr_ed);
}

static void test_empty(void)
{
    static const struct exc_case cases[] = {
        { "pr, empty stack", PR, 2, PRIMARY, 0, PGM_STACK_EMPTY, 1, true, false, 0 },
        { "ereg, empty stack", EREG_6_7, 4, PRIMARY, 0, PGM_STACK_EMPTY, 2, true, false, 0 },
        { "esta, empty stack", ESTA_4_2, 4, PRIMARY, 0, PGM_STACK_EMPTY, 2, true, false, 0 },
        { "msta, empty stack", MSTA_4, 4, PRIMARY, 0, PGM_STACK_EMPTY, 2, true, false, 0 },
    };

    fresh_stack(LS_ENTRY, 0);
    run_cases(cases, sizeof(cases) / sizeof(cases[0]));
    rt_check_u64("empty stack: CR15 unchanged", rt_stctg(15), hdr_ed);
}

static void test_full(void)
{
    struct outcome o;

    fresh_stack(0, 0);
    run(BAKR_0_0, 4, PRIMARY, 0, 0, &o);
    expect("bakr, no room and no forward section", &o, PGM_STACK_FULL, 2, true);
    rt_check_u64("stack full: CR15 unchanged", rt_stctg(15), hdr_ed);
    rt_check_u64("stack full: header unchanged", *(uint64_t *)(uintptr_t)hdr_ed,
                 (uint64_t)LSE_HEADER << 56);
    fresh_stack(100, 0);
    run(BAKR_0_0, 4, PRIMARY, 0, 0, &o);
    expect("bakr, free space not a multiple of 8", &o, PGM_STACK_SPEC, 2, true);
    ls_section(lsec[1], 0, 200, 0, 0);
    fresh_stack(0, (uintptr_t)lsec[1] + 8 + 1);
    run(BAKR_0_0, 4, PRIMARY, 0, 0, &o);
    expect("bakr, next section too small", &o, PGM_STACK_SPEC, 2, true);
    rt_check_u64("next section too small: its header unchanged", *(uint64_t *)lsec[1], 0);
}

/* A state entry of @type (U bit included) after a fresh header; CR15 at it. */
static uint64_t fake_entry(uint8_t type)
{
    uint64_t ed;

    fresh_stack(2 * LS_ENTRY, 0);
    ed = hdr_ed + LS_ENTRY;
    ls_ed((uint8_t *)(uintptr_t)ed, type, 0, LS_ENTRY, 0);
    rt_lctlg(15, ed);
    return ed;
}

static void test_types(void)
{
    struct outcome o;
    uint64_t ed;

    ed = fake_entry(0x80 | LSE_BRANCH);
    run(PR, 2, PRIMARY, 0, 0, &o);
    expect("pr, unstack-suppression bit in the state entry", &o, PGM_STACK_OP, 1, true);
    rt_check_u64("stack operation: CR15 unchanged", rt_stctg(15), ed);
    run(EREG_6_7, 4, PRIMARY, 0, 0, &o);
    rt_check(!o.fired, "ereg ignores the unstack-suppression bit");
    fresh_stack(LS_ENTRY, 0);
    lsec[0][8] |= 0x80;
    run(PR, 2, PRIMARY, 0, 0, &o);
    expect("pr, unstack-suppression bit in the header", &o, PGM_STACK_OP, 1, true);
    fake_entry(LSE_TRAILER);
    run(EREG_6_7, 4, PRIMARY, 0, 0, &o);
    expect("ereg, current entry a trailer", &o, PGM_STACK_TYPE, 2, true);
    fresh_stack(LS_ENTRY, 0);
    ls_section(lsec[1], 0, LS_ENTRY, 0, 0);
    *(uint64_t *)lsec[0] = (uintptr_t)lsec[1] + 8 + 1;
    run(PR, 2, PRIMARY, 0, 0, &o);
    expect("pr, backward address designates a header", &o, PGM_STACK_SPEC, 1, true);
}

static void test_special(void)
{
    static const struct exc_case cases[] = {
        { "bakr, DAT off", BAKR_0_0, 4, DAT_OFF, 0, PGM_SPECIAL_OP, 2, false, false, 0 },
        { "bakr, secondary-space mode", BAKR_0_0, 4, SECONDARY, 0, PGM_SPECIAL_OP, 2, false,
          false, 0 },
        { "bakr, home-space mode", BAKR_0_0, 4, HOME, 0, PGM_SPECIAL_OP, 2, false, false, 0 },
        { "pr, DAT off", PR, 2, DAT_OFF, 0, PGM_SPECIAL_OP, 1, false, false, 0 },
        { "pr, home-space mode", PR, 2, HOME, 0, PGM_SPECIAL_OP, 1, false, false, 0 },
        { "ereg, secondary-space mode", EREG_6_7, 4, SECONDARY, 0, PGM_SPECIAL_OP, 2, false,
          false, 0 },
        { "ereg, home-space mode: empty stack", EREG_6_7, 4, HOME, 0, PGM_STACK_EMPTY, 2, true,
          false, 0 },
        { "esta, DAT off", ESTA_4_2, 4, DAT_OFF, 0, PGM_SPECIAL_OP, 2, false, false, 0 },
        { "msta, secondary-space mode", MSTA_4, 4, SECONDARY, 0, PGM_SPECIAL_OP, 2, false, false,
          0 },
        { "esta code 5 (no ASN-and-LX reuse)", ESTA_4_2, 4, PRIMARY, 5, PGM_SPECIFICATION, 2,
          false, false, 0 },
        { "esta: code is bits 56-63 (0x100: code 0), empty stack", ESTA_4_2, 4, PRIMARY, 0x100,
          PGM_STACK_EMPTY, 2, true, false, 0 },
        { "esta, odd R1", ESTA_5_2, 4, PRIMARY, 0, PGM_SPECIFICATION, 2, false, false, 0 },
        { "msta, odd R1", MSTA_5, 4, PRIMARY, 0, PGM_SPECIFICATION, 2, false, false, 0 },
    };

    fresh_stack(LS_ENTRY, 0);
    run_cases(cases, sizeof(cases) / sizeof(cases[0]));
    rt_check_u64("special operation, specification: CR15 unchanged", rt_stctg(15), hdr_ed);
}

static void test_ok_after_bakr(void)
{
    struct outcome o;
    uint64_t ed;

    fresh_stack(LS_ENTRY, 0);
    run(BAKR_0_0, 4, PRIMARY, 0, 0, &o);
    rt_check(!o.fired, "bakr 0,0: no branch, no exception");
    ed = rt_stctg(15);
    rt_check_u64("bakr 0,0: CR15 at the new entry", ed, hdr_ed + LS_ENTRY);
    rt_check_u64("bakr 0,0: return address is the updated PSW address",
                 *(uint64_t *)(uintptr_t)(ed - LS_ED + 168), (uintptr_t)stub + 4);
    rt_check_u64("bakr 0,0: branch address the same, 64-bit mode bit",
                 *(uint64_t *)(uintptr_t)(ed - LS_ED + 144), (uintptr_t)stub + 4 + 1);
    run(MSTA_4, 4, PRIMARY, 0, 0x0102030405060708ull, &o);
    rt_check(!o.fired, "msta: no exception");
    rt_check_u64("msta: bytes 152-155 from R1 bits 32-63, 156-159 from R1+1",
                 *(uint64_t *)(uintptr_t)(ed - LS_ED + 152) >> 32, 0x05060708);
}

int main(void)
{
    asn_setup();
    test_empty();
    test_full();
    test_types();
    test_special();
    test_ok_after_bakr();
    return 0;
}
