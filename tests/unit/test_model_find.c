/*
 * test_model_find: looking records up by id (model.c).  model_build
 * indexes every kind's ids in a hash table; a kind table made by hand
 * has none and is bisected.  Both must find every record of a real
 * site and nothing else: not an id's prefix, not an id with a byte
 * more, not an id of another kind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "buf.h"
#include "check.h"
#include "civil.h"
#include "load.h"
#include "model.h"

static const char *const sites[] = {
	"tests/regress/calendar/site",
	"tests/regress/mini/site",
	"tests/regress/partners/site",
};

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

static void check_kind(struct build *b, enum kind k, const char *site)
{
	const struct kind_table *t = &b->site.kinds[k];
	struct buf id = BUF_INIT, what = BUF_INIT;
	size_t i, found = 0, misses = 0, agree_all = 0;
	bool agree;

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
	buf_printf(&what, "%s: every %s found by its id", site, kind_names[k]);
	CHECK_INT(found, t->n, what.ptr);
	buf_reset(&what);
	buf_printf(&what, "%s: no %s found by a longer or shorter id", site,
		   kind_names[k]);
	CHECK_INT(misses, 2 * t->n, what.ptr);
	buf_reset(&what);
	buf_printf(&what, "%s: hash and bisection agree on %s ids", site,
		   kind_names[k]);
	CHECK_INT(agree_all, 3 * t->n, what.ptr);
	buf_free(&id);
	buf_free(&what);
}

static void check_site(const char *dir)
{
	struct build b;
	bool agree;
	int k;

	memset(&b, 0, sizeof(b));
	diag_init(&b.diag);
	b.site_dir = dir;
	b.out_dir = "/nonexistent";
	b.check_only = true;
	b.now_day = days_from_civil(2025, 10, 1);
	if (!CHECK(load_site(&b) == 0 && model_build(&b) == 0,
		   "the golden site loads without errors")) {
		build_free(&b);
		return;
	}
	for (k = 0; k < K__ITEMS; k++) {
		CHECK(b.site.kinds[k].mask > 0, "every kind is indexed");
		check_kind(&b, (enum kind)k, dir);
	}
	CHECK(find_both(&b, K_EVENT, SL(""), &agree) == NULL && agree,
	      "the empty id is no record");
	if (b.site.kinds[K_PARTNER].n > 0)
		CHECK(find_both(&b, K_EVENT, b.site.kinds[K_PARTNER].v[0]->id,
				&agree) == NULL && agree,
		      "a partner's id is no event's");
	model_free(&b.site);
	build_free(&b);
}

int main(void)
{
	size_t i;

	for (i = 0; i < sizeof(sites) / sizeof(sites[0]); i++)
		check_site(sites[i]);
	return check_done();
}
