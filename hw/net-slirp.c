/* The user-mode network backend: libslirp's TCP/IP stack NATs the guest's
 * frames onto host sockets. Its sockets join the run loop's poll as a
 * machine source; its timers are a short list the same source serves. */
#define _GNU_SOURCE
#include "hw/net-slirp.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libslirp.h>
#include "util/die.h"

struct slirp_timer {
    SlirpTimerId id;
    void *cb_opaque;
    int64_t expire_ms;          /* -1: not armed */
    struct slirp_timer *next;
};

struct net_slirp {
    Slirp *slirp;
    uint32_t net, mask;         /* host order */
    struct slirp_timer *timers;
    void (*receive)(void *opaque, const uint8_t *frame, size_t len);
    void *rx_opaque;
    /* The pollfd array between prepare and dispatch. */
    struct pollfd *fds;
    unsigned *nfds;
    unsigned base;
};

static int64_t clock_ns(void *opaque)
{
    struct timespec ts;

    (void)opaque;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static ssize_t send_packet(const void *buf, size_t len, void *opaque)
{
    struct net_slirp *ns = opaque;

    if (ns->receive)
        ns->receive(ns->rx_opaque, buf, len);
    return (ssize_t)len;
}

/* Malformed guest traffic is the guest's business (qemu logs it only
 * under -d guest_errors). */
static void guest_error(const char *msg, void *opaque)
{
    (void)msg;
    (void)opaque;
}

static void *timer_new_opaque(SlirpTimerId id, void *cb_opaque, void *opaque)
{
    struct net_slirp *ns = opaque;
    struct slirp_timer *t = calloc(1, sizeof(*t));

    if (!t)
        die("out of memory");
    t->id = id;
    t->cb_opaque = cb_opaque;
    t->expire_ms = -1;
    t->next = ns->timers;
    ns->timers = t;
    return t;
}

static void timer_free(void *timer, void *opaque)
{
    struct net_slirp *ns = opaque;

    for (struct slirp_timer **p = &ns->timers; *p; p = &(*p)->next) {
        if (*p == timer) {
            *p = (*p)->next;
            free(timer);
            return;
        }
    }
}

static void timer_mod(void *timer, int64_t expire_ms, void *opaque)
{
    (void)opaque;
    ((struct slirp_timer *)timer)->expire_ms = expire_ms;
}

static void fd_nop(int fd, void *opaque)
{
    (void)fd;
    (void)opaque;
}

static void notify_nop(void *opaque)
{
    (void)opaque;
}

static const SlirpCb callbacks = {
    .send_packet = send_packet,
    .guest_error = guest_error,
    .clock_get_ns = clock_ns,
    .timer_free = timer_free,
    .timer_mod = timer_mod,
    .register_poll_fd = fd_nop,
    .unregister_poll_fd = fd_nop,
    .notify = notify_nop,
    .timer_new_opaque = timer_new_opaque,
};

/* slirp_pollfds_fill's callback: one more pollfd; returns its index in
 * this source's slice, or -1 when the machine's array is full. */
static int add_poll(int fd, int events, void *opaque)
{
    struct net_slirp *ns = opaque;
    struct pollfd *p;

    if (*ns->nfds >= MACHINE_MAX_POLLFDS)
        return -1;
    p = &ns->fds[(*ns->nfds)++];
    p->fd = fd;
    p->events = (short)((events & SLIRP_POLL_IN ? POLLIN : 0) |
                        (events & SLIRP_POLL_OUT ? POLLOUT : 0) |
                        (events & SLIRP_POLL_PRI ? POLLPRI : 0));
    p->revents = 0;
    return (int)(*ns->nfds - 1 - ns->base);
}

static void slirp_prepare(void *opaque, struct pollfd *fds, unsigned *n, uint64_t *timeout_ns)
{
    struct net_slirp *ns = opaque;
    uint64_t ms = *timeout_ns / 1000000u;
    uint32_t timeout = ms > UINT32_MAX ? UINT32_MAX : (uint32_t)ms;
    int64_t now_ms = clock_ns(NULL) / 1000000;

    ns->fds = fds;
    ns->nfds = n;
    ns->base = *n;
    slirp_pollfds_fill(ns->slirp, &timeout, add_poll, ns);
    for (struct slirp_timer *t = ns->timers; t; t = t->next) {
        if (t->expire_ms < 0)
            continue;
        if (t->expire_ms <= now_ms)
            timeout = 0;
        else if ((uint64_t)(t->expire_ms - now_ms) < timeout)
            timeout = (uint32_t)(t->expire_ms - now_ms);
    }
    if ((uint64_t)timeout * 1000000u < *timeout_ns)
        *timeout_ns = (uint64_t)timeout * 1000000u;
}

struct revents_ctx {
    struct pollfd *fds;
    unsigned n;
};

static int get_revents(int idx, void *opaque)
{
    struct revents_ctx *c = opaque;
    short r;

    if (idx < 0 || (unsigned)idx >= c->n)
        return 0;
    r = c->fds[idx].revents;
    return (r & POLLIN ? SLIRP_POLL_IN : 0) | (r & POLLOUT ? SLIRP_POLL_OUT : 0) |
           (r & POLLPRI ? SLIRP_POLL_PRI : 0) | (r & POLLERR ? SLIRP_POLL_ERR : 0) |
           (r & POLLHUP ? SLIRP_POLL_HUP : 0);
}

static void slirp_dispatch(void *opaque, struct pollfd *fds, unsigned n)
{
    struct net_slirp *ns = opaque;
    struct revents_ctx c = { fds, n };
    int64_t now_ms;
    bool again = true;

    slirp_pollfds_poll(ns->slirp, 0, get_revents, &c);
    /* A timer callback may free or re-arm timers: rescan after each. */
    while (again) {
        again = false;
        now_ms = clock_ns(NULL) / 1000000;
        for (struct slirp_timer *t = ns->timers; t; t = t->next) {
            if (t->expire_ms >= 0 && t->expire_ms <= now_ms) {
                t->expire_ms = -1;
                slirp_handle_timer(ns->slirp, t->id, t->cb_opaque);
                again = true;
                break;
            }
        }
    }
}

static struct in_addr in4(uint32_t host_order)
{
    struct in_addr a = { htonl(host_order) };

    return a;
}

struct net_slirp *net_slirp_new(struct machine *m, uint32_t net, unsigned prefix,
                                const char **err)
{
    struct net_slirp *ns;
    SlirpConfig cfg;
    struct machine_source src = { slirp_prepare, slirp_dispatch, NULL };
    uint32_t mask;

    if (prefix < 1 || prefix > 27) {
        *err = "the prefix length must be 1 to 27 (the DHCP range starts at .15)";
        return NULL;
    }
    mask = ~UINT32_C(0) << (32 - prefix);
    if (net & ~mask) {
        *err = "the network address has bits set beyond the prefix";
        return NULL;
    }
    ns = calloc(1, sizeof(*ns));
    if (!ns)
        die("out of memory");
    ns->net = net;
    ns->mask = mask;
    memset(&cfg, 0, sizeof(cfg));
    cfg.version = 4;
    cfg.in_enabled = true;
    cfg.vnetwork = in4(net);
    cfg.vnetmask = in4(mask);
    cfg.vhost = in4(net | 2);
    cfg.vdhcp_start = in4(net | 15);
    cfg.vnameserver = in4(net | 3);
    /* IPv6 as qemu's default: prefix fec0::/64, host ::2, DNS ::3. */
    cfg.in6_enabled = true;
    inet_pton(AF_INET6, "fec0::", &cfg.vprefix_addr6);
    cfg.vprefix_len = 64;
    inet_pton(AF_INET6, "fec0::2", &cfg.vhost6);
    inet_pton(AF_INET6, "fec0::3", &cfg.vnameserver6);
    ns->slirp = slirp_new(&cfg, &callbacks, ns);
    if (!ns->slirp)
        die("-netdev user: libslirp could not start");
    src.opaque = ns;
    machine_add_source(m, &src);
    *err = NULL;
    return ns;
}

/* Parse "[ADDR]:PORT" at @s, ending with @endc: *addr (if given), *port
 * and *rest at the end character. */
static bool parse_endpoint(const char *s, char endc, uint32_t *addr, bool *has_addr, int *port,
                           const char **rest)
{
    const char *colon = strchr(s, ':');
    char buf[64], *e;
    long v;

    if (!colon || (size_t)(colon - s) >= sizeof(buf))
        return false;
    memcpy(buf, s, (size_t)(colon - s));
    buf[colon - s] = 0;
    *has_addr = buf[0] != 0;
    if (*has_addr) {
        struct in_addr a;

        if (inet_pton(AF_INET, buf, &a) != 1)
            return false;
        *addr = ntohl(a.s_addr);
    }
    v = strtol(colon + 1, &e, 10);
    if (e == colon + 1 || *e != endc || v < 0 || v > 65535)
        return false;
    *port = (int)v;
    *rest = e;
    return true;
}

const char *net_slirp_hostfwd(struct net_slirp *ns, const char *rule)
{
    const char *p = strchr(rule, ':'), *rest;
    uint32_t host = 0x7f000001, guest = ns->net | 15;
    int hport, gport, udp;
    bool has;

    if (!p)
        return "expected [tcp|udp]:[HOSTADDR]:HOSTPORT-[GUESTADDR]:GUESTPORT";
    if (p == rule || strncmp(rule, "tcp:", 4) == 0)
        udp = 0;
    else if (strncmp(rule, "udp:", 4) == 0)
        udp = 1;
    else
        return "the protocol must be tcp or udp";
    if (!parse_endpoint(p + 1, '-', &host, &has, &hport, &rest) ||
        !parse_endpoint(rest + 1, 0, &guest, &has, &gport, &rest) || gport == 0)
        return "expected [tcp|udp]:[HOSTADDR]:HOSTPORT-[GUESTADDR]:GUESTPORT";
    if (slirp_add_hostfwd(ns->slirp, udp, in4(host), hport, in4(guest), gport) < 0)
        return "cannot listen on the host port (in use?)";
    return NULL;
}

void net_slirp_attach(struct net_slirp *ns,
                      void (*receive)(void *opaque, const uint8_t *frame, size_t len),
                      void *opaque)
{
    ns->receive = receive;
    ns->rx_opaque = opaque;
}

void net_slirp_send(struct net_slirp *ns, const uint8_t *frame, size_t len)
{
    slirp_input(ns->slirp, frame, (int)len);
}
