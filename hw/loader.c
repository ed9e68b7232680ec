/* Loading a kernel the way qemu-system-s390x's -kernel does: an ELF image
 * by its program headers, anything else copied to absolute 0; a Linux image
 * gets the command line and initrd in its parameter area. Facts:
 * docs/boot.md. */
#include "hw/machine.h"

#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "util/die.h"

#define LINUX_ENTRY          0x10000u
#define LINUX_MAGIC_OFF      0x10008u
#define PARM_INITRD_START    0x10408u
#define PARM_INITRD_SIZE     0x10410u
#define PARM_MAX_CMDLINE     0x10430u
#define PARM_CMDLINE         0x10480u
#define LEGACY_CMDLINE_MAX   0x380u
#define INITRD_DEFAULT_ADDR  0x800000u

static uint8_t *read_file(const char *what, const char *path, gsize *len)
{
    gchar *data;
    GError *err = NULL;

    if (!g_file_get_contents(path, &data, len, &err))
        die("cannot read %s %s: %s", what, path, err->message);
    return (uint8_t *)data;
}

/* Copy @len bytes to absolute @aaddr, or die naming @what if it does not fit. */
static void place(struct machine *m, const char *what, uint64_t aaddr, const void *src,
                  uint64_t len)
{
    if (!storage_valid(&m->mem, aaddr, len))
        die("%s does not fit in guest storage (%llu bytes at 0x%llx, storage %llu MiB)", what,
            (unsigned long long)len, (unsigned long long)aaddr,
            (unsigned long long)(m->mem.size >> 20));
    storage_write_abs(&m->mem, aaddr, src, len);
}

/* Load the PT_LOAD segments of the big-endian s390x ELF64 @img. Returns the
 * entry point and the highest address loaded in *end. */
static uint64_t load_elf(struct machine *m, const char *path, const uint8_t *img, gsize len,
                         uint64_t *end)
{
    uint64_t phoff, entry;
    unsigned phnum, phentsize;

    if (len < sizeof(Elf64_Ehdr) || img[EI_CLASS] != ELFCLASS64 || img[EI_DATA] != ELFDATA2MSB ||
        ld_be16(img + 18) != EM_S390)
        die("%s: not a 64-bit big-endian s390x ELF file", path);
    entry = ld_be64(img + 24);
    phoff = ld_be64(img + 32);
    phentsize = ld_be16(img + 54);
    phnum = ld_be16(img + 56);
    if (phentsize < sizeof(Elf64_Phdr) || phoff > len || (uint64_t)phnum * phentsize > len - phoff)
        die("%s: malformed ELF program headers", path);
    *end = 0;
    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *ph = img + phoff + (uint64_t)i * phentsize;
        uint64_t off = ld_be64(ph + 8), paddr = ld_be64(ph + 24);
        uint64_t filesz = ld_be64(ph + 32), memsz = ld_be64(ph + 40);

        if (ld_be32(ph) != PT_LOAD)
            continue;
        if (off > len || filesz > len - off || filesz > memsz)
            die("%s: malformed ELF segment %u", path, i);
        if (!storage_valid(&m->mem, paddr, memsz))
            die("%s: segment %u (0x%llx+0x%llx) does not fit in guest storage", path, i,
                (unsigned long long)paddr, (unsigned long long)memsz);
        storage_write_abs(&m->mem, paddr, img + off, filesz);
        if (paddr + memsz > *end)
            *end = paddr + memsz;
    }
    return entry;
}

/* Put @cmdline into a Linux image's parameter area and place @initrd. */
static void setup_linux(struct machine *m, const char *cmdline, const char *initrd,
                        uint64_t kernel_end)
{
    uint64_t max = ld_be64(m->mem.ram + PARM_MAX_CMDLINE);
    size_t clen = strlen(cmdline) + 1;

    if (!max)
        max = LEGACY_CMDLINE_MAX;
    if (clen > max)
        die("command line too long: %zu bytes, the kernel accepts %llu", clen,
            (unsigned long long)max);
    place(m, "command line", PARM_CMDLINE, cmdline, clen);
    if (initrd) {
        gsize len;
        uint8_t *data = read_file("initrd", initrd, &len);
        uint64_t addr = INITRD_DEFAULT_ADDR;

        while (kernel_end + (1u << 20) > addr)
            addr += 1u << 20;
        place(m, "initrd", addr, data, len);
        st_be64(m->mem.ram + PARM_INITRD_START, addr);
        st_be64(m->mem.ram + PARM_INITRD_SIZE, len);
        g_free(data);
    }
}

void loader_load(struct machine *m, const char *kernel, const char *initrd,
                 const char *cmdline, struct boot_info *bi)
{
    gsize len;
    uint8_t *img = read_file("kernel", kernel, &len);
    uint64_t end;

    if (len >= 4 && memcmp(img, ELFMAG, SELFMAG) == 0) {
        bi->entry = load_elf(m, kernel, img, len, &end);
    } else {
        place(m, "kernel image", 0, img, len);
        end = len;
        if (len >= LINUX_MAGIC_OFF + 6 && memcmp(img + LINUX_MAGIC_OFF, "S390EP", 6) == 0)
            bi->entry = LINUX_ENTRY;
        else if (len >= 8)
            bi->entry = ld_be32(img + 4) & 0x7fffffffu;
        else
            die("%s: too short for an IPL PSW", kernel);
    }
    bi->linux_image = bi->entry == LINUX_ENTRY;
    if (bi->linux_image)
        setup_linux(m, cmdline ? cmdline : "", initrd, end);
    else if (initrd || (cmdline && *cmdline))
        die("-initrd and -append need a Linux kernel image (entry 0x10000)");
    g_free(img);
}
