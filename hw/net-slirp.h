/* The user-mode network backend (libslirp): a NAT'ed IPv4 network with a
 * virtual gateway, DHCP and DNS, as qemu's -netdev user. */
#ifndef SIEVE_HW_NET_SLIRP_H
#define SIEVE_HW_NET_SLIRP_H

#include <stddef.h>
#include <stdint.h>
#include "hw/machine.h"

struct net_slirp;

/* The network @net/@prefix (host order; 10.0.2.0/24 by default): gateway
 * .2, DNS .3, DHCP from .15. Returns NULL with *err set when the network
 * is unusable. Its sockets and timers are served by the run loop of @m. */
struct net_slirp *net_slirp_new(struct machine *m, uint32_t net, unsigned prefix,
                                const char **err);
/* Add a forwarding rule "tcp|udp:[HOSTADDR]:HOSTPORT-[GUESTADDR]:GUESTPORT"
 * (an empty host address is 127.0.0.1, an empty guest address the first
 * DHCP address). Returns NULL or what is wrong. */
const char *net_slirp_hostfwd(struct net_slirp *ns, const char *rule);
/* The frontend: @receive gets every frame for the guest (it may drop it). */
void net_slirp_attach(struct net_slirp *ns,
                      void (*receive)(void *opaque, const uint8_t *frame, size_t len),
                      void *opaque);
/* A frame from the guest. */
void net_slirp_send(struct net_slirp *ns, const uint8_t *frame, size_t len);

#endif
