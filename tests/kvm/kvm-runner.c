/* kvm-runner: the smallest KVM user, run inside L1 Linux on sieve. It makes
 * a VM with 1 MiB of memory, puts a few instructions at 0x10000, runs the
 * vCPU and checks what L2 did through the exit KVM reports: the guest
 * computed 43, stored it into a page it touched first (so L1's KVM resolved
 * a host fault and re-entered SIE), and DIAGNOSE 0x501 ended in an
 * instruction intercept (icptcode 4, ipa 0x8300, ipb 0x05010000).
 * Prints "kvm-runner: ok" or "kvm-runner: FAIL ..." and exits 0 or 1. */
#include <fcntl.h>
#include <linux/kvm.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#define MEM_SIZE   (1u << 20)
#define CODE_ADDR  0x10000u
#define DATA_ADDR  0x20008u

static const uint8_t code[] = {
    0xa7, 0x29, 0x00, 0x2a,             /* lghi %r2,42 */
    0xa7, 0x2b, 0x00, 0x01,             /* aghi %r2,1 */
    0xc0, 0x30, 0x00, 0x00, 0x80, 0x00, /* larl %r3,0x20008 */
    0x50, 0x20, 0x30, 0x00,             /* st %r2,0(%r3): first touch of that page */
    0x83, 0x00, 0x05, 0x01,             /* diag 0,0,0x501 */
};

static int fail(const char *what)
{
    printf("kvm-runner: FAIL %s\n", what);
    return 1;
}

int main(void)
{
    int kvm = open("/dev/kvm", O_RDWR);
    int vm, vcpu, rc;
    uint8_t *mem;
    uint32_t stored;
    struct kvm_run *run;
    struct kvm_userspace_memory_region region = { 0 };

    if (kvm < 0)
        return fail("open /dev/kvm");
    vm = ioctl(kvm, KVM_CREATE_VM, 0);
    if (vm < 0)
        return fail("KVM_CREATE_VM (is vm.allocate_pgste=1?)");
    /* KVM on s390 wants guest memory on a segment (1 MiB) boundary */
    mem = mmap(NULL, 2 * MEM_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED)
        return fail("mmap");
    mem = (uint8_t *)(((uintptr_t)mem + MEM_SIZE - 1) & ~(uintptr_t)(MEM_SIZE - 1));
    memcpy(mem + CODE_ADDR, code, sizeof(code));
    region.memory_size = MEM_SIZE;
    region.userspace_addr = (uintptr_t)mem;
    if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) < 0)
        return fail("KVM_SET_USER_MEMORY_REGION");
    vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
    if (vcpu < 0)
        return fail("KVM_CREATE_VCPU");
    run = mmap(NULL, (size_t)ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0), PROT_READ | PROT_WRITE,
               MAP_SHARED, vcpu, 0);
    if (run == MAP_FAILED)
        return fail("mmap kvm_run");
    run->psw_mask = 0x0000000180000000ull;
    run->psw_addr = CODE_ADDR;
    rc = ioctl(vcpu, KVM_RUN, 0);
    stored = (uint32_t)mem[DATA_ADDR] << 24 | (uint32_t)mem[DATA_ADDR + 1] << 16 |
             (uint32_t)mem[DATA_ADDR + 2] << 8 | mem[DATA_ADDR + 3];
    printf("kvm-runner: KVM_RUN rc %d exit %u icptcode 0x%x ipa 0x%04x ipb 0x%08x r2 %llu "
           "stored %u psw %016llx %016llx\n", rc, run->exit_reason, run->s390_sieic.icptcode,
           run->s390_sieic.ipa, run->s390_sieic.ipb,
           (unsigned long long)run->s.regs.gprs[2], stored,
           (unsigned long long)run->psw_mask, (unsigned long long)run->psw_addr);
    if (rc != 0 || run->exit_reason != KVM_EXIT_S390_SIEIC)
        return fail("no instruction-intercept exit");
    if (run->s390_sieic.icptcode != 4 || run->s390_sieic.ipa != 0x8300 ||
        run->s390_sieic.ipb != 0x05010000)
        return fail("wrong intercept fields");
    if (run->s.regs.gprs[2] != 43 || stored != 43)
        return fail("wrong guest results");
    if (run->psw_addr != CODE_ADDR + sizeof(code))
        return fail("PSW not after the DIAGNOSE");
    printf("kvm-runner: ok\n");
    return 0;
}
