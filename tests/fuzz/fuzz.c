/* The machine the harnesses share (tests/fuzz/fuzz.h). */
#include "tests/fuzz/fuzz.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cpu/model.h"
#include "hw/css.h"
#include "hw/doors.h"
#include "hw/virtio-ccw.h"
#include "hw/virtio.h"

static struct machine machine;
static bool built;

/* A scratch disk image of 1 MiB (in memory where /dev/shm exists, so the
 * guest's flushes cost nothing), unlinked at once. Returns its path. */
static const char *scratch_image(void)
{
    static char shm[] = "/dev/shm/sieve-fuzz-XXXXXX", tmp[] = "/tmp/sieve-fuzz-XXXXXX";
    char *path = access("/dev/shm", W_OK) == 0 ? shm : tmp;
    int fd = mkstemp(path);

    if (fd < 0 || ftruncate(fd, 1 << 20) < 0)
        abort();
    close(fd);
    return path;
}

/* Enable subchannel @n for I/O (MSCH with the enabled bit). */
static void enable(struct machine *m, unsigned n)
{
    uint8_t schib[SCHIB_SIZE];

    if (door_stsch(&m->cpus[0], fuzz_schid(n), schib) != 0)
        abort();
    schib[5] |= 0x80;
    if (door_msch(&m->cpus[0], fuzz_schid(n), schib) != 0)
        abort();
}

struct machine *fuzz_machine(void)
{
    struct machine *m = &machine;
    const char *img;

    if (built)
        return m;
    machine_init(m, FUZZ_MEM_MB, 1, model_find("z196"));
    m->console = fopen("/dev/null", "w");
    m->sclp.vt220 = m->sclp.linemode = true;
    m->sclp.input_fd = -1;
    css_init(m);
    img = scratch_image();
    virtio_ccw_attach(virtio_blk_create(img, false), -1);
    virtio_ccw_attach(virtio_rng_create(), -1);
    virtio_ccw_attach(virtio_console_create(m, -1, -1), -1);
    virtio_ccw_attach(virtio_blk_create(img, true), -1);
    unlink(img);
    m->cpus[0].state = CPU_OPERATING;
    m->cpus[0].cr[6] = 0xff000000u;     /* every ISC enabled for TPI */
    fuzz_enable_all(m);
    built = true;
    return m;
}

void fuzz_enable_all(struct machine *m)
{
    for (unsigned n = 0; n < FUZZ_NSCH; n++)
        enable(m, n);
}

int fuzz_ccw(struct machine *m, unsigned n, uint8_t cmd, uint8_t flags, uint16_t count,
             uint32_t data)
{
    uint8_t ccw[8] = { cmd, flags, (uint8_t)(count >> 8), (uint8_t)count,
                       (uint8_t)(data >> 24), (uint8_t)(data >> 16), (uint8_t)(data >> 8),
                       (uint8_t)data };
    uint8_t orb[ORB_SIZE] = { 0 };
    int cc;

    orb[5] = 0x80;                      /* format-1 CCWs */
    orb[6] = 0xff;                      /* every path */
    orb[8] = (uint8_t)(FUZZ_CCW >> 24);
    orb[9] = (uint8_t)(FUZZ_CCW >> 16);
    orb[10] = (uint8_t)(FUZZ_CCW >> 8);
    orb[11] = (uint8_t)FUZZ_CCW;
    fuzz_put(m, FUZZ_CCW, ccw, sizeof(ccw));
    cc = door_ssch(&m->cpus[0], fuzz_schid(n), orb);
    fuzz_drain(m);
    return cc;
}

void fuzz_put(struct machine *m, uint64_t addr, const uint8_t *data, size_t len)
{
    if (addr >= m->mem.size)
        return;
    if (len > m->mem.size - addr)
        len = (size_t)(m->mem.size - addr);
    memcpy(storage_host(&m->mem, addr), data, len);
    storage_note_store(&m->mem, addr);
}

uint32_t fuzz_schid(unsigned n)
{
    return 0x00010000u | n;
}

void fuzz_drain(struct machine *m)
{
    uint8_t irb[IRB_SIZE];
    uint32_t code[3];

    for (unsigned n = 0; n < FUZZ_NSCH; n++)
        (void)door_tsch(&m->cpus[0], fuzz_schid(n), irb);
    while (door_tpi(&m->cpus[0], code))
        ;
}
