/*
 * test_model_find: looking records up by id (model.c).  model_build
 * indexes every kind's ids in a hash table; a kind table made by hand
 * has none and is bisected.  Both must find every record of a real
 * site and nothing else: not an id's prefix, not an id with a byte
 * more, not an id of another kind.
 *
 * The golden sites have a few records of each kind; the demo zone
 * (content/) has dozens of events, services, partners and actions, more
 * than the first table's slots, so its tables must grow, and every
 * table must stay at most half full.  A table that never grew would
 * fill up, and indexing one more id then never ends, so the test ends
 * itself with a failing check after TIME_LIMIT seconds.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "buf.h"
#include "check.h"
#include "civil.h"
#include "load.h"
#include "model.h"

enum {
	FIRST_SLOTS = 16,  /* the first table of model.c's index_ids() */
	TIME_LIMIT = 120,  /* seconds; a run takes well under one */
};

#define KIND_BIT(k) (1u << (k))
#define ALL_KINDS (KIND_BIT(K__ITEMS) - 1)

/* A site, the kinds it must have records of, and those of which it must
 * have more than FIRST_SLOTS; an empty kind not named is noted. */
static const struct fixture {
	const char *dir;
	unsigned kinds, many;
} sites[] = {
	{ "tests/regress/calendar/site",
	  KIND_BIT(K_PARTNER) | KIND_BIT(K_SERVICE) | KIND_BIT(K_ACTION) |
	  KIND_BIT(K_EVENT), 0 },
	{ "tests/regress/mini/site", ALL_KINDS, 0 },
	{ "tests/regress/partners/site", ALL_KINDS & ~KIND_BIT(K_PAGE), 0 },
	{ "content", ALL_KINDS,
	  KIND_BIT(K_PARTNER) | KIND_BIT(K_SERVICE) | KIND_BIT(K_ACTION) |
	  KIND_BIT(K_EVENT) },
};

static void timed_out(int sig)
{
	static const char msg[] = "not ok - the sites are indexed and looked "
				  "up in time (a full table loops forever)\n";
	ssize_t n = write(STDOUT_FILENO, msg, sizeof(msg) - 1);

	(void)sig;
	(void)n;
	_exit(1);
}

/* What both searches give for id, or "two answers" when they differ. */
static const struct item *find_both(struct build *b, enum kind k,
				    struct slice id, bool *agree)
{
	struct site bare = b->site;
	const struct item *hashed = model_find(&b->site, k, id), *bisected;

	bare.kinds[k].slot = NULL;
	bare.kinds[k].mask = 0;
	bisected = model_find(&bare, k, id);
	*agree = hashed == bisected;
	return hashed;
}

/* The table of kind k: indexed, at most half full, and with more than
 * FIRST_SLOTS ids when the fixture says so. */
static void check_table(const struct kind_table *t, enum kind k,
			const struct fixture *f)
{
	struct buf what = BUF_INIT;

	buf_printf(&what, "%s: the %s ids are indexed", f->dir, kind_names[k]);
	CHECK(t->mask > 0 && t->slot != NULL, what.ptr);
	buf_reset(&what);
	buf_printf(&what, "%s: the %s table (%zu ids) is at most half full",
		   f->dir, kind_names[k], t->n);
	CHECK(2 * t->n <= t->mask + 1, what.ptr);
	if (f->many & KIND_BIT(k)) {
		buf_reset(&what);
		buf_printf(&what, "%s: more %s ids than the first table's %d "
			   "slots", f->dir, kind_names[k], FIRST_SLOTS);
		CHECK(t->n > FIRST_SLOTS, what.ptr);
	}
	buf_free(&what);
}

static void check_kind(struct build *b, enum kind k, const struct fixture *f)
{
	const struct kind_table *t = &b->site.kinds[k];
	struct buf id = BUF_INIT, what = BUF_INIT;
	size_t i, found = 0, misses = 0, agree_all = 0;
	bool agree;

	if (t->n == 0 && !(f->kinds & KIND_BIT(k))) {
		printf("# %s: no %s to look up\n", f->dir, kind_names[k]);
		return;
	}
	buf_printf(&what, "%s: has %s records", f->dir, kind_names[k]);
	if (!CHECK(t->n > 0, what.ptr)) {
		buf_free(&what);
		return;
	}
	check_table(t, k, f);
	for (i = 0; i < t->n; i++) {
		struct slice s = t->v[i]->id;

		found += find_both(b, k, s, &agree) == t->v[i];
		agree_all += agree;
		buf_reset(&id);
		buf_putsl(&id, s);
		buf_putc(&id, 'x');
		misses += find_both(b, k, buf_slice(&id), &agree) == NULL;
		agree_all += agree;
		misses += find_both(b, k, sl_make(s.ptr, s.len - 1),
				    &agree) == NULL;
		agree_all += agree;
	}
	buf_reset(&what);
	buf_printf(&what, "%s: every %s found by its id", f->dir,
		   kind_names[k]);
	CHECK_INT(found, t->n, what.ptr);
	buf_reset(&what);
	buf_printf(&what, "%s: no %s found by a longer or shorter id", f->dir,
		   kind_names[k]);
	CHECK_INT(misses, 2 * t->n, what.ptr);
	buf_reset(&what);
	buf_printf(&what, "%s: hash and bisection agree on %s ids", f->dir,
		   kind_names[k]);
	CHECK_INT(agree_all, 3 * t->n, what.ptr);
	buf_free(&id);
	buf_free(&what);
}

/* Ids that belong to no event: the empty one, and a partner's. */
static void check_not_events(struct build *b, const char *dir)
{
	const struct kind_table *partners = &b->site.kinds[K_PARTNER];
	struct buf what = BUF_INIT;
	bool agree;

	buf_printf(&what, "%s: the empty id is no record", dir);
	CHECK(find_both(b, K_EVENT, SL(""), &agree) == NULL && agree,
	      what.ptr);
	buf_reset(&what);
	buf_printf(&what, "%s: a partner's id is no event's", dir);
	CHECK(partners->n > 0 &&
	      find_both(b, K_EVENT, partners->v[0]->id, &agree) == NULL &&
	      agree, what.ptr);
	buf_free(&what);
}

static void check_site(const struct fixture *f)
{
	struct build b;
	struct buf what = BUF_INIT;
	int k;

	memset(&b, 0, sizeof(b));
	diag_init(&b.diag);
	b.site_dir = f->dir;
	b.out_dir = "/nonexistent";
	b.check_only = true;
	b.now_day = days_from_civil(2025, 10, 1);
	buf_printf(&what, "%s loads without errors", f->dir);
	if (CHECK(load_site(&b) == 0 && model_build(&b) == 0, what.ptr)) {
		for (k = 0; k < K__ITEMS; k++)
			check_kind(&b, (enum kind)k, f);
		check_not_events(&b, f->dir);
		model_free(&b.site);
	}
	build_free(&b);
	buf_free(&what);
}

int main(void)
{
	size_t i;

	/* Lines reach the log before a timeout ends the process. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGALRM, timed_out);
	alarm(TIME_LIMIT);
	for (i = 0; i < sizeof(sites) / sizeof(sites[0]); i++)
		check_site(&sites[i]);
	return check_done();
}
