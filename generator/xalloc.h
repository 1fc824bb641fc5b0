/*
 * xalloc: the one allocation entry point of zonesite.
 *
 * Every allocation goes through these wrappers so that running out of memory
 * ends the program with one clear message instead of a NULL that some caller
 * forgets to test and turns into a silently missing page.  die() is also the
 * exit for internal invariants that must never break.
 */
#ifndef ZS_XALLOC_H
#define ZS_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* xreallocarray checks count * size for overflow before resizing. */
void *xreallocarray(void *p, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#if defined(__GNUC__)
__attribute__((noreturn, format(printf, 1, 2)))
#endif
void die(const char *fmt, ...);

#endif
