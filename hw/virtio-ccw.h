/* The virtio-ccw transport (hw/virtio-ccw.c). */
#ifndef SIEVE_HW_VIRTIO_CCW_H
#define SIEVE_HW_VIRTIO_CCW_H

#include "hw/virtio.h"

/* Put @vdev on the next free subchannel with device number @devno (-1: the
 * next free one). */
void virtio_ccw_attach(struct virtio_dev *vdev, int devno);

#endif
