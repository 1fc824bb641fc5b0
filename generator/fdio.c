/*
 * fdio: the loops of fdio.h.  A write() that returns 0 for a non-empty
 * request would loop for ever; it is treated as an error (EIO).
 */
#include "fdio.h"

#include <errno.h>
#include <unistd.h>

/* Bytes asked of read() at a time when the total is unknown. */
enum { FDIO_READ_CHUNK = 65536 };

int fd_write_all(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n > 0) {
		ssize_t w = write(fd, c, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return -1;
		}
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

int fd_read_all(int fd, struct buf *b)
{
	for (;;) {
		ssize_t got;

		buf_grow(b, FDIO_READ_CHUNK);
		got = read(fd, b->ptr + b->len, b->cap - b->len - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -1;
		if (got == 0)
			return 0;
		b->len += (size_t)got;
		b->ptr[b->len] = '\0';
	}
}
