/* The translation-exception identification in the access-register mode
 * (PoO ch. 3 "Translation-Exception Identification", ch. 5 "Access-
 * Register-Specified Address Spaces", ch. 6 "Exception Access
 * Identification"): ALET 0 translates in the primary space and ALET 1 in
 * the secondary space, the TEID's bits 62-63 name that space (00, 10; 01
 * is for an ASCE obtained by access-register translation) and the number
 * of the access register used (4) is stored at 0xa0. Sieve only: QEMU 7.2
 * TCG aborts in the AR mode (qemu-deviations.txt). */
#include "dat_teid_common.h"

static const struct mode modes[] = {
    { "AR, ALET 0", ASC_AR, 0, P, 0 },
    { "AR, ALET 1", ASC_AR, 1, S, 2 },
};

int main(void)
{
    build_spaces();
    for (unsigned i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
        test_translation(&modes[i]);
        test_protection(&modes[i]);
    }
    return 0;
}
