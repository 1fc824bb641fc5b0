/*
 * fdio: whole reads and writes on a file descriptor.
 *
 * write() and read() may do part of the work or be interrupted by a
 * signal; every caller that needs all of it (the output tree, the ledger,
 * the render workers' hand-over) loops the same way, so the loop is here.
 */
#ifndef ZS_FDIO_H
#define ZS_FDIO_H

#include <stddef.h>

#include "buf.h"

/* Writes all n bytes of p; 0, or -1 with errno set. */
int fd_write_all(int fd, const void *p, size_t n);

/* Appends everything fd gives until end of file to b; 0, or -1 with
 * errno set (what was read stays in b). */
int fd_read_all(int fd, struct buf *b);

#endif
