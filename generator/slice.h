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
#include <stdint.h>
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

/* 64-bit FNV-1a: ids, anchors, template names and written paths are all
 * looked up in hash tables, and one hash keeps a fix or a change of it in
 * one place.  The tables are never walked in hash order, so the output
 * does not depend on it. */
static inline uint64_t sl_hash(struct slice s)
{
	uint64_t h = 14695981039346656037u;
	size_t i;

	for (i = 0; i < s.len; i++)
		h = (h ^ (unsigned char)s.ptr[i]) * 1099511628211u;
	return h;
}

#define MEM_NOT_FOUND SIZE_MAX

/* The offset of the first needle[0..n) inside t[from..to), or
 * MEM_NOT_FOUND (also for an empty needle).  memchr finds each candidate
 * first byte: a body is searched once per link it holds and once per Word
 * prompt, a template once per tag.  One copy for markdown.c, model.c and
 * template.c. */
static inline size_t mem_find(const char *t, size_t from, size_t to,
			      const char *needle, size_t n)
{
	const char *p;

	if (n == 0)
		return MEM_NOT_FOUND;
	while (from <= to && to - from >= n) {
		p = memchr(t + from, needle[0], to - from - n + 1);
		if (p == NULL)
			return MEM_NOT_FOUND;
		if (memcmp(p, needle, n) == 0)
			return (size_t)(p - t);
		from = (size_t)(p - t) + 1;
	}
	return MEM_NOT_FOUND;
}

#endif
