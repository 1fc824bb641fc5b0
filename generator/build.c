/*
 * build: the lifetime of the build context.  Everything a build allocated
 * is reachable from struct build, so one call releases it all; the sanitizer
 * and valgrind runs of the test suite hold us to that.
 */
#include "build.h"

#include <stdlib.h>

void build_free(struct build *b)
{
	size_t i;

	for (i = 0; i < b->nstatics; i++) {
		free(b->statics[i].rel);
		free(b->statics[i].path);
	}
	free(b->statics);
	b->statics = NULL;
	b->nstatics = 0;
	diag_free(&b->diag);
	arena_free(&b->arena);
}
