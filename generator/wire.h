/*
 * wire: a flat byte encoding for handing results from one process to
 * another (render workers, see render_workers.c).
 *
 * Both ends are the same binary, forked from one parent, so the encoding
 * needs no versioning or byte-order care: numbers are 8 bytes in host
 * order, strings are a length then their bytes.  The reader never reads
 * past its end: a short or damaged message sets bad, and every later read
 * returns 0 or an empty string, so a caller checks bad once at the end.
 */
#ifndef ZS_WIRE_H
#define ZS_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

void wire_put_u64(struct buf *b, uint64_t v);
/* p may be NULL (len 0): read back as NULL by wire_str. */
void wire_put_str(struct buf *b, const char *p, size_t len);

struct wire {
	const char *p, *end;
	bool bad;
};

uint64_t wire_u64(struct wire *w);
/* A pointer into the message and its length; NULL for a NULL string or
 * on error.  The bytes are not NUL-terminated. */
const char *wire_str(struct wire *w, size_t *len);

#endif
