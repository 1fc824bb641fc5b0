/*
 * arena: one region allocator per build.
 *
 * The model of a site (front matter trees, typed records, rendered fragments)
 * lives exactly as long as the build, so it is carved from one arena and
 * released at once.  Blocks are never moved, so pointers into the arena stay
 * valid; allocation dies through xalloc on exhaustion.
 */
#ifndef ZS_ARENA_H
#define ZS_ARENA_H

#include <stddef.h>

#include "slice.h"

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used_total; /* bytes handed out, for the benchmarks */
};

#define ARENA_INIT { NULL, 0 }

/* Zeroed memory, aligned for any object. */
void *arena_alloc(struct arena *a, size_t n);
void *arena_array(struct arena *a, size_t count, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
struct slice arena_slice(struct arena *a, struct slice s);
/* Forgets everything allocated but keeps the newest block for reuse: for
 * an arena refilled many times, like the data of one page after another.
 * Pointers into the arena are invalid afterwards, as after arena_free. */
void arena_reset(struct arena *a);
void arena_free(struct arena *a);

#endif
