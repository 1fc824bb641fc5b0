/*
 * arena: a list of blocks; requests bigger than a quarter block get a
 * block of their own so no space is wasted on one huge Markdown body.
 *
 * Blocks start small and double up to ARENA_BLOCK_SIZE: zonesite keeps
 * one arena per Markdown document, most of which need a few hundred
 * bytes, and a large first block for each would cost a site of 100,000
 * pages gigabytes of address space and a page of memory per document.
 */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

enum {
	ARENA_FIRST_BLOCK = 1024 - 32, /* with malloc's header, 1 KiB */
	ARENA_BLOCK_SIZE = 256 * 1024,
};

struct arena_block {
	struct arena_block *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
};

static struct arena_block *block_new(size_t size)
{
	struct arena_block *b = xmalloc(sizeof(*b) + size);

	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

/* Twice the head block, within the bounds, and at least n. */
static size_t next_size(const struct arena_block *head, size_t n)
{
	size_t size = head ? 2 * head->size : ARENA_FIRST_BLOCK;

	if (size > ARENA_BLOCK_SIZE)
		size = ARENA_BLOCK_SIZE;
	return size < n ? n : size;
}

void *arena_alloc(struct arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	struct arena_block *b = a->head;
	void *p;

	if (n > SIZE_MAX - align)
		die("arena allocation overflow");
	n = (n + align - 1) & ~(align - 1);
	if (n == 0)
		n = align;
	if (b == NULL || b->size - b->used < n) {
		if (n > ARENA_BLOCK_SIZE / 4) {
			/* A big request gets its own block behind the head. */
			struct arena_block *big = block_new(n);

			if (b) {
				big->next = b->next;
				b->next = big;
			} else {
				a->head = big;
			}
			big->used = n;
			a->used_total += n;
			memset(big->data, 0, n);
			return big->data;
		}
		b = block_new(next_size(b, n));
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += n;
	a->used_total += n;
	memset(p, 0, n);
	return p;
}

void *arena_array(struct arena *a, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size)
		die("arena array overflow");
	return arena_alloc(a, count * size);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

struct slice arena_slice(struct arena *a, struct slice s)
{
	return sl_make(arena_strndup(a, s.ptr, s.len), s.len);
}

void arena_reset(struct arena *a)
{
	struct arena_block *keep = a->head;

	if (keep == NULL)
		return;
	/* The head is the block filled last (a big request's block goes
	 * behind it, unless it was the first of all). */
	a->head = keep->next;
	keep->next = NULL;
	arena_free(a);
	keep->used = 0;
	a->head = keep;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;

	while (b) {
		struct arena_block *next = b->next;

		free(b);
		b = next;
	}
	a->head = NULL;
	a->used_total = 0;
}
