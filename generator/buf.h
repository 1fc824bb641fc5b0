/*
 * buf: the one growable byte buffer of zonesite (after git's strbuf).
 *
 * Invariants, true after every call that takes a struct buf:
 *  - ptr is never NULL: an empty buffer points to a shared empty string, so
 *    a buf can always be printed or compared without a test;
 *  - ptr[len] == '\0', so the content is also a C string (it may contain
 *    other NUL bytes; len is the truth);
 *  - cap == 0 means ptr is the shared empty string and must not be freed or
 *    written; otherwise cap > len and ptr is owned by the buf.
 * Growth dies through xalloc on exhaustion; no function here fails.
 */
#ifndef ZS_BUF_H
#define ZS_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "slice.h"

struct buf {
	char *ptr;
	size_t len;
	size_t cap;
};

extern char buf_empty[];
#define BUF_INIT { buf_empty, 0, 0 }

void buf_init(struct buf *b, size_t hint);
void buf_free(struct buf *b);
/* Makes room for at least extra more bytes plus the terminator. */
void buf_grow(struct buf *b, size_t extra);
void buf_reset(struct buf *b);
void buf_truncate(struct buf *b, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_putsl(struct buf *b, struct slice s);

/* Inline, as buf_putc: writers (HTML, iCalendar, mail) call them for a
 * byte or a character at a time. */
static inline void buf_put(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	if (b->len + n >= b->cap)
		buf_grow(b, n);
	memcpy(b->ptr + b->len, p, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

static inline void buf_putc(struct buf *b, int c)
{
	if (b->len + 2 > b->cap)
		buf_grow(b, 1);
	b->ptr[b->len++] = (char)c;
	b->ptr[b->len] = '\0';
}
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void buf_printf(struct buf *b, const char *fmt, ...);
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Hands the bytes to the caller (free() them); the buf is left empty. */
char *buf_detach(struct buf *b, size_t *len);
static inline struct slice buf_slice(const struct buf *b)
{
	return (struct slice){ b->ptr, b->len };
}

/* HTML text and attribute escaping: & < > " ' */
void buf_put_html(struct buf *b, const char *p, size_t n);

#endif
