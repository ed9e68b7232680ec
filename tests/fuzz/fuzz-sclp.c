/* libFuzzer harness: the SCLP command decoder (hw/sclp.c) through SERVICE
 * CALL's door. Input: byte 0 picks a command Linux issues (or, from 0xc0,
 * takes bytes 1-4 as the command word), byte 1 where the SCCB lies (normal,
 * at the end of storage, or just inside the last 8 bytes, as SERVICE CALL
 * allows), the rest is the SCCB. */
#include <string.h>
#include "hw/doors.h"
#include "tests/fuzz/fuzz.h"

static const uint32_t commands[] = {
    0x00020001, 0x00120001, 0x00010001, 0x00030001, 0x00040001, 0x00770005,
    0x00760005, 0x00780005, 0x00110001, 0x00100001, 0x00080001, 0x000a0001,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct machine *m = fuzz_machine();
    uint64_t sccb;
    uint32_t cmd;

    if (size < 6)
        return 0;
    if (data[0] < 0xc0)
        cmd = commands[data[0] % (sizeof(commands) / sizeof(commands[0]))];
    else
        cmd = (uint32_t)data[1] << 24 | (uint32_t)data[2] << 16 | (uint32_t)data[3] << 8 |
              data[4];
    switch (data[5] & 3) {
    case 0: sccb = 0x10000; break;
    case 1: sccb = m->mem.size - 4096; break;
    case 2: sccb = m->mem.size - 8; break;
    default: sccb = 0x2000 + ((uint64_t)(data[5] >> 2) << 3); break;
    }
    fuzz_put(m, sccb, data + 6, size - 6 > 4096 ? 4096 : size - 6);
    (void)door_servc(&m->cpus[0], cmd, sccb);
    m->cpus[0].irq_pending = 0;
    return 0;
}
