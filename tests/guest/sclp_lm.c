/*
 * sclp_lm.c - line-mode (message event) console output.  With only the
 * VT220 console configured the text itself is not visible; the test
 * checks that the SCLP accepts and completes the WRITE EVENT DATA.
 */
#include "rt/rt.h"

int main(void)
{
    unsigned rc;

    rc = rt_puts_lm("line-mode console: Hello, World 0123456789 [ok]");
    rt_diag("line-mode response code 0x%04x", rc);
    rt_check(rc != 0, "line-mode write event data accepted");
    rt_check_u64("vt220 console still works afterwards", rt_sclp_mask_rc(),
                 0x20);
    return 0;
}
