/*
 * test_arena: the region allocator.
 *
 * Blocks now start small and grow, and arena_reset() recycles the newest
 * block for the next page; what must not change is what callers rely on:
 * zeroed, aligned memory that stays put until the arena is reset or freed,
 * however the requests mix small, large and huge sizes.
 */
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check.h"

enum { NPTR = 5000 };

static bool aligned(const void *p)
{
	return (uintptr_t)p % alignof(max_align_t) == 0;
}

static bool all_zero(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

/* Size of the i-th request: mostly small, sometimes a block or more. */
static size_t size_of(size_t i)
{
	if (i % 997 == 0)
		return 300 * 1024; /* a block of its own */
	if (i % 101 == 0)
		return 20000;
	return 1 + (i * 37) % 200;
}

/* Fills NPTR requests with their own byte, then checks every one. */
static void fill_and_check(struct arena *a, const char *what)
{
	static unsigned char *p[NPTR];
	bool zero = true, align = true, intact = true;
	size_t i, j;

	for (i = 0; i < NPTR; i++) {
		p[i] = arena_alloc(a, size_of(i));
		zero &= all_zero(p[i], size_of(i));
		align &= aligned(p[i]);
		memset(p[i], (int)(i % 251) + 1, size_of(i));
	}
	for (i = 0; i < NPTR; i++)
		for (j = 0; j < size_of(i); j++)
			if (p[i][j] != (unsigned char)(i % 251 + 1))
				intact = false;
	CHECK(zero, what);
	CHECK(align, "... aligned for any object");
	CHECK(intact, "... and no request overlaps another");
}

int main(void)
{
	struct arena a = ARENA_INIT;
	char *s;
	struct slice sl;

	s = arena_strndup(&a, "abc", 2);
	CHECK_STR(s, "ab", "arena_strndup copies n bytes and ends them");
	sl = arena_slice(&a, SL("zone"));
	CHECK(sl.len == 4 && memcmp(sl.ptr, "zone", 5) == 0,
	      "arena_slice copies with a terminator");
	CHECK(arena_alloc(&a, 0) != NULL, "a zero-size request gets memory");
	fill_and_check(&a, "fresh arena: memory comes zeroed");
	CHECK(a.used_total > 3 * 300 * 1024, "used_total counts the bytes");
	arena_reset(&a);
	CHECK_INT(a.used_total, 0, "reset forgets the count");
	CHECK(a.head != NULL, "reset keeps a block for reuse");
	fill_and_check(&a, "after reset: memory comes zeroed again");
	arena_reset(&a);
	arena_reset(&a);
	fill_and_check(&a, "after two resets in a row");
	arena_free(&a);
	CHECK(a.head == NULL && a.used_total == 0, "free releases everything");
	arena_reset(&a);
	CHECK(a.head == NULL, "reset of an empty arena is harmless");
	s = arena_alloc(&a, 300 * 1024);
	CHECK(s != NULL && aligned(s), "a huge first request");
	arena_reset(&a);
	fill_and_check(&a, "after reset of an arena holding one huge block");
	arena_free(&a);
	return check_done();
}
