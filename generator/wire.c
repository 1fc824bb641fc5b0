/*
 * wire: the encoding of wire.h.  A string's length carries one extra
 * value, UINT64_MAX, for NULL, since a missing message text and an empty
 * one are different things to the reader.
 */
#include "wire.h"

#include <string.h>

void wire_put_u64(struct buf *b, uint64_t v)
{
	buf_put(b, &v, sizeof(v));
}

void wire_put_str(struct buf *b, const char *p, size_t len)
{
	if (p == NULL) {
		wire_put_u64(b, UINT64_MAX);
		return;
	}
	wire_put_u64(b, len);
	buf_put(b, p, len);
}

uint64_t wire_u64(struct wire *w)
{
	uint64_t v;

	if (w->bad || (size_t)(w->end - w->p) < sizeof(v)) {
		w->bad = true;
		return 0;
	}
	memcpy(&v, w->p, sizeof(v));
	w->p += sizeof(v);
	return v;
}

const char *wire_str(struct wire *w, size_t *len)
{
	uint64_t n = wire_u64(w);
	const char *s;

	*len = 0;
	if (w->bad || n == UINT64_MAX)
		return NULL;
	if (n > (uint64_t)(w->end - w->p)) {
		w->bad = true;
		return NULL;
	}
	s = w->p;
	w->p += n;
	*len = (size_t)n;
	return s;
}
