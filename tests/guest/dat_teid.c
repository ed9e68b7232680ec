/* The translation-exception identification (PoO ch. 3 "Translation-
 * Exception Identification") for ASCE-type, segment- and page-translation
 * exceptions and for DAT protection at the page and segment level, in the
 * primary-space, secondary-space and home-space modes: bits 0-51 the page
 * of the failing address, bit 61 one for DAT protection only, bits 62-63
 * the space (00 primary, 10 secondary, 11 home). Also an instruction fetch
 * from an invalid page and which space each mode translates in. The AR
 * mode is in dat_teid_strict. */
#include "dat_teid_common.h"

static const struct mode modes[] = {
    { "primary", ASC_PRIMARY, 0, P, 0 },
    { "secondary", ASC_SECONDARY, 0, S, 2 },
    { "home", ASC_HOME, 0, H, 3 },
};

/* Branch to an invalid page with DAT on: a page-translation exception on
 * the instruction fetch, the old PSW at the branch target, TEID primary. */
static void test_instruction_fetch(void)
{
    struct outcome o;

    dat_branch(VINV_PAGE + 0x100, &o);
    rt_check(o.fired && o.pi.code == PGM_PAGE_TRANS, "instruction fetch: page translation");
    rt_check_u64("instruction fetch: old PSW at the target", o.pi.addr, VINV_PAGE + 0x100);
    rt_check_u64("instruction fetch: TEID page, primary", o.teid, VINV_PAGE);
}

int main(void)
{
    build_spaces();
    for (unsigned i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
        test_translation(&modes[i]);
        test_protection(&modes[i]);
    }
    test_instruction_fetch();
    return 0;
}
