/* kvm-runner: a small KVM user, run inside L1 Linux on sieve, in the manner
 * of KVM's selftests. It makes a VM with 1 MiB of memory, copies the L2
 * payload (payload.h) into it, creates one or two vCPUs (-n N) and runs
 * each in a thread, handling the exits KVM hands to user space: DIAGNOSE
 * 0x501 instruction intercepts are the payload's hypercalls (print, exit);
 * anything else is a failure. It prints the payload's lines, each vCPU's
 * exit status, and "kvm-runner: ok" when every vCPU ended with status 0 and
 * the result the payload stored is right. Exit status: the first non-zero
 * vCPU status, or 1 for a failure of its own, else 0. */
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "payload.h"

#define MEM_SIZE     (1u << 20)
#define MAX_VCPUS    2
#define SUM_SQUARES  333833500ull       /* 1^2 + ... + 1000^2 */
#define TIMEOUT_S    120                /* the watchdog's limit */

struct vcpu {
    unsigned id;
    int fd;
    struct kvm_run *run;
    pthread_t thread;
    int status;                 /* the payload's exit status, or -1 */
    char why[160];              /* what went wrong, if status is -1 */
};

static uint8_t *mem;
static unsigned nvcpus = 1;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

/* Print the failure @what and return 1. */
static int fail(const char *what)
{
    printf("kvm-runner: FAIL %s (%s)\n", what, strerror(errno));
    return 1;
}

/* Handle one hypercall of @v. Returns 1 while the vCPU goes on, 0 when it
 * has ended (status set), -1 on a malformed call (why set). */
static int hypercall(struct vcpu *v, const struct kvm_regs *regs)
{
    uint64_t addr = regs->gprs[3], len = regs->gprs[4];

    switch (regs->gprs[2]) {
    case 1:
        if (addr >= MEM_SIZE || len > MEM_SIZE - addr) {
            snprintf(v->why, sizeof(v->why), "print outside guest memory");
            return -1;
        }
        pthread_mutex_lock(&out_lock);
        fwrite(mem + addr, 1, len, stdout);
        fflush(stdout);
        pthread_mutex_unlock(&out_lock);
        return 1;
    case 2:
        v->status = (int)(regs->gprs[3] & 0xff);
        return 0;
    default:
        snprintf(v->why, sizeof(v->why), "unknown hypercall %llu",
                 (unsigned long long)regs->gprs[2]);
        return -1;
    }
}

/* Run vCPU @arg until its payload exits or something unexpected happens. */
static void *vcpu_thread(void *arg)
{
    struct vcpu *v = arg;
    struct kvm_run *run = v->run;
    struct kvm_regs regs;

    for (;;) {
        int rc = ioctl(v->fd, KVM_RUN, 0);

        if (rc < 0 && errno == EINTR)
            continue;
        if (rc < 0) {
            snprintf(v->why, sizeof(v->why), "KVM_RUN: %s", strerror(errno));
            break;
        }
        if (run->exit_reason != KVM_EXIT_S390_SIEIC || run->s390_sieic.icptcode != 4 ||
            run->s390_sieic.ipa != 0x8300 || run->s390_sieic.ipb != 0x05010000) {
            snprintf(v->why, sizeof(v->why),
                     "exit reason %u icptcode 0x%x ipa 0x%04x ipb 0x%08x psw %016llx %016llx",
                     run->exit_reason, run->s390_sieic.icptcode, run->s390_sieic.ipa,
                     run->s390_sieic.ipb, (unsigned long long)run->psw_mask,
                     (unsigned long long)run->psw_addr);
            break;
        }
        if (ioctl(v->fd, KVM_GET_REGS, &regs) < 0) {
            snprintf(v->why, sizeof(v->why), "KVM_GET_REGS: %s", strerror(errno));
            break;
        }
        rc = hypercall(v, &regs);
        if (rc <= 0)
            return NULL;
    }
    v->status = -1;
    return NULL;
}

/* Create vCPU @id starting at guest real @entry with GR12 = vCPU count. */
static int create_vcpu(int kvm, int vm, struct vcpu *v, unsigned id, uint64_t entry)
{
    struct kvm_regs regs = { 0 };

    v->id = id;
    v->status = -1;
    v->fd = ioctl(vm, KVM_CREATE_VCPU, id);
    if (v->fd < 0)
        return fail("KVM_CREATE_VCPU");
    v->run = mmap(NULL, (size_t)ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0), PROT_READ | PROT_WRITE,
                  MAP_SHARED, v->fd, 0);
    if (v->run == MAP_FAILED)
        return fail("mmap kvm_run");
    regs.gprs[12] = nvcpus;
    if (ioctl(v->fd, KVM_SET_REGS, &regs) < 0)
        return fail("KVM_SET_REGS");
    v->run->psw_mask = 0x0000000180000000ull;       /* 64-bit, DAT off */
    v->run->psw_addr = entry;
    return 0;
}

/* SIGALRM: a vCPU hangs; say which and end with status 1. */
static void watchdog(int sig)
{
    static const char msg[] = "kvm-runner: FAIL timeout, a vcpu did not exit\n";

    (void)sig;
    if (write(1, msg, sizeof(msg) - 1) < 0)
        _exit(1);
    _exit(1);
}

int main(int argc, char **argv)
{
    struct kvm_userspace_memory_region region = { 0 };
    struct vcpu vcpus[MAX_VCPUS];
    int kvm, vm, opt, status = 0;
    uint64_t stored;

    while ((opt = getopt(argc, argv, "n:")) != -1) {
        if (opt != 'n' || atoi(optarg) < 1 || atoi(optarg) > MAX_VCPUS) {
            fprintf(stderr, "usage: kvm-runner [-n VCPUS (1-%d)]\n", MAX_VCPUS);
            return 2;
        }
        nvcpus = (unsigned)atoi(optarg);
    }
    signal(SIGALRM, watchdog);
    alarm(TIMEOUT_S);
    kvm = open("/dev/kvm", O_RDWR);
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
    memcpy(mem + PAYLOAD_ADDR, payload_start, (size_t)(payload_end - payload_start));
    region.memory_size = MEM_SIZE;
    region.userspace_addr = (uintptr_t)mem;
    if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) < 0)
        return fail("KVM_SET_USER_MEMORY_REGION");
    for (unsigned i = 0; i < nvcpus; i++) {
        uint64_t entry = PAYLOAD_ADDR + (i ? (uint64_t)(payload_cpu1 - payload_start) : 0);

        if (create_vcpu(kvm, vm, &vcpus[i], i, entry))
            return 1;
    }
    for (unsigned i = 0; i < nvcpus; i++)
        if (pthread_create(&vcpus[i].thread, NULL, vcpu_thread, &vcpus[i]) != 0)
            return fail("pthread_create");
    for (unsigned i = 0; i < nvcpus; i++) {
        pthread_join(vcpus[i].thread, NULL);
        if (vcpus[i].status < 0) {
            printf("kvm-runner: FAIL vcpu %u: %s\n", i, vcpus[i].why);
            status = status ? status : 1;
        } else {
            printf("kvm-runner: vcpu %u exit status %d\n", i, vcpus[i].status);
            status = status ? status : vcpus[i].status;
        }
    }
    stored = 0;
    for (unsigned i = 0; i < 8; i++)
        stored = stored << 8 | mem[RESULT_ADDR + i];
    if (stored != SUM_SQUARES) {
        printf("kvm-runner: FAIL result in guest memory %llu\n", (unsigned long long)stored);
        status = status ? status : 1;
    }
    if (!status)
        printf("kvm-runner: ok (%u vcpu%s)\n", nvcpus, nvcpus > 1 ? "s" : "");
    return status;
}
