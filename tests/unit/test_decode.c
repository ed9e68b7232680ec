/* Decoder unit tests: field extraction per format, opcode lookup, table sanity. */
#include <stdio.h>
#include <glib.h>
#include "cpu/insn.h"

static insn_fn *dispatch[INSN_COUNT];

/* Decode @hex (2, 4 or 6 bytes) and return the record. */
static struct insn decode_hex(const char *hex)
{
    uint8_t b[6] = { 0 };
    struct insn in;

    for (unsigned i = 0; hex[2 * i] && i < 6; i++)
        sscanf(hex + 2 * i, "%2hhx", &b[i]);
    insn_decode(b, dispatch, &in);
    return in;
}

static void test_rxy_negative_displacement(void)
{
    struct insn in = decode_hex("e3123ff8ff04");     /* LG %r1,-8(%r2,%r3) */

    g_assert_cmpstr(insn_info[in.id].name, ==, "LG");
    g_assert_cmpuint(in.len, ==, 6);
    g_assert_cmpuint(in.r1, ==, 1);
    g_assert_cmpuint(in.x2, ==, 2);
    g_assert_cmpuint(in.b2, ==, 3);
    g_assert_cmpint(in.d2, ==, -8);
}

static void test_rx_unsigned_displacement(void)
{
    struct insn in = decode_hex("5a1f2fff");         /* A %r1,4095(%r15,%r2) */

    g_assert_cmpstr(insn_info[in.id].name, ==, "A");
    g_assert_cmpuint(in.len, ==, 4);
    g_assert_cmpint(in.d2, ==, 4095);
    g_assert_cmpuint(in.x2, ==, 15);
}

static void test_ri_and_ril(void)
{
    struct insn ahi = decode_hex("a71affff");        /* AHI %r1,-1 */
    struct insn brc = decode_hex("a784fffe");        /* BRC 8,-4 */
    struct insn larl = decode_hex("c0f080000000");   /* LARL %r15,-2^32 */
    struct insn iilf = decode_hex("c019ffffffff");   /* IILF %r1,0xffffffff */

    g_assert_cmpstr(insn_info[ahi.id].name, ==, "AHI");
    g_assert_cmpint(ahi.i2, ==, -1);
    g_assert_cmpstr(insn_info[brc.id].name, ==, "BRC");
    g_assert_cmpuint(brc.r1, ==, 8);
    g_assert_cmpint(brc.ri, ==, -4);
    g_assert_cmpstr(insn_info[larl.id].name, ==, "LARL");
    g_assert_cmpint(larl.ri, ==, -(INT64_C(1) << 32));
    g_assert_cmpstr(insn_info[iilf.id].name, ==, "IILF");
    g_assert_cmpuint((uint32_t)iilf.i2, ==, 0xffffffffu);
}

static void test_rie_f_and_ss(void)
{
    struct insn risbg = decode_hex("ec1220bf0555");  /* RISBG %r1,%r2,32,191,5 */
    struct insn mvc = decode_hex("d2ff1001200f");    /* MVC 1(256,%r1),15(%r2) */
    struct insn pack = decode_hex("f2731004200a");   /* PACK 4(8,%r1),10(4,%r2) */

    g_assert_cmpstr(insn_info[risbg.id].name, ==, "RISBG");
    g_assert_cmpuint(risbg.i3, ==, 32);
    g_assert_cmpuint(risbg.i4, ==, 0xbf);
    g_assert_cmpuint(risbg.i5, ==, 5);
    g_assert_cmpstr(insn_info[mvc.id].name, ==, "MVC");
    g_assert_cmpuint(mvc.l1, ==, 255);
    g_assert_cmpuint(mvc.b1, ==, 1);
    g_assert_cmpint(mvc.d1, ==, 1);
    g_assert_cmpint(mvc.d2, ==, 15);
    g_assert_cmpstr(insn_info[pack.id].name, ==, "PACK");
    g_assert_cmpuint(pack.l1, ==, 7);
    g_assert_cmpuint(pack.l2, ==, 3);
}

static void test_unlisted_opcode(void)
{
    struct insn in = decode_hex("0000");

    g_assert_cmpuint(in.id, ==, INSN_COUNT);
    g_assert_true(in.fn == insn_unimpl);
    g_assert_cmpuint(in.len, ==, 2);
}

/* Every opcode decodes back to its own table line. */
static void test_table_round_trip(void)
{
    for (unsigned id = 0; id < INSN_COUNT; id++) {
        uint16_t op = insn_info[id].opcode;
        uint8_t b[6] = { (uint8_t)(op >> 8), 0, 0, 0, 0, 0 };
        uint8_t byte0 = b[0];

        if (byte0 == 0x01 || byte0 == 0xb2 || byte0 == 0xb3 || byte0 == 0xb9 || byte0 == 0xe5)
            b[1] = (uint8_t)op;
        else if (byte0 == 0xa5 || byte0 == 0xa7 || (byte0 >= 0xc0 && byte0 <= 0xcc))
            b[1] = (uint8_t)(op & 0x0f);
        else if (byte0 == 0xe3 || byte0 == 0xeb || byte0 == 0xec || byte0 == 0xed)
            b[5] = (uint8_t)op;
        g_assert_cmpuint(insn_lookup(b), ==, id);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (unsigned id = 0; id < INSN_COUNT; id++)
        dispatch[id] = insn_unimpl;
    g_test_add_func("/decode/rxy-negative-displacement", test_rxy_negative_displacement);
    g_test_add_func("/decode/rx-unsigned-displacement", test_rx_unsigned_displacement);
    g_test_add_func("/decode/ri-ril", test_ri_and_ril);
    g_test_add_func("/decode/rie-f-ss", test_rie_f_and_ss);
    g_test_add_func("/decode/unlisted", test_unlisted_opcode);
    g_test_add_func("/decode/table-round-trip", test_table_round_trip);
    return g_test_run();
}
