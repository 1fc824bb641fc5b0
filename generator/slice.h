/*
 * slice: text as {pointer, length}.
 *
 * Front matter values, ids and Markdown bodies are views into file buffers
 * that live for the whole build; passing them as slices avoids copying and
 * makes embedded NUL bytes and missing terminators impossible to confuse.
 * A slice never owns its bytes.
 */
#ifndef ZS_SLICE_H
#define ZS_SLICE_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct slice {
	const char *ptr;
	size_t len;
};

#define SL(lit) ((struct slice){ (lit), sizeof(lit) - 1 })
#define SL_NULL ((struct slice){ NULL, 0 })
/* printf("%.*s", SL_FMT(s)) */
#define SL_FMT(s) (int)(s).len, (s).ptr

static inline struct slice sl_cstr(const char *s)
{
	return (struct slice){ s, s ? strlen(s) : 0 };
}

static inline struct slice sl_make(const char *p, size_t n)
{
	return (struct slice){ p, n };
}

static inline bool sl_eq(struct slice a, struct slice b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

static inline bool sl_eq_cstr(struct slice a, const char *s)
{
	return sl_eq(a, sl_cstr(s));
}

static inline bool sl_is_null(struct slice a)
{
	return a.ptr == NULL;
}

static inline bool sl_starts_with(struct slice a, const char *prefix)
{
	size_t n = strlen(prefix);

	return a.len >= n && memcmp(a.ptr, prefix, n) == 0;
}

/* Byte-wise total order, shorter first on a common prefix. */
static inline int sl_cmp(struct slice a, struct slice b)
{
	size_t n = a.len < b.len ? a.len : b.len;
	int c = n ? memcmp(a.ptr, b.ptr, n) : 0;

	if (c != 0)
		return c;
	return (a.len > b.len) - (a.len < b.len);
}

#endif
