/*
 * test_calendar_series: an action's series as the fiche shows it.
 *
 * Loads the calendar's golden site (tests/regress/calendar/site) through
 * the real pipeline, on 1 October 2025, and counts the events that serve
 * its fiche k-a01-platformen (three a year): one held in September, one
 * confirmed in October, one in 2026 that belongs to another plan year.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "check.h"
#include "civil.h"
#include "load.h"
#include "model.h"
#include "render_int.h"

static const char *str(const struct tv *m, const char *key)
{
	const struct tv *v = tv_map_get(m, key);
	static char out[128];

	if (v == NULL || v->kind != TV_STR)
		return NULL;
	snprintf(out, sizeof(out), "%.*s", SL_FMT(v->u.s));
	return out;
}

int main(void)
{
	struct build b;
	struct render r;
	const struct item *it;
	const struct tv *series;
	struct tv *m;
	int planned = -1, held = -1;

	memset(&b, 0, sizeof(b));
	diag_init(&b.diag);
	b.site_dir = "tests/regress/calendar/site";
	b.out_dir = "/nonexistent";
	b.check_only = true;
	b.now_day = days_from_civil(2025, 10, 1);
	CHECK(load_site(&b) == 0 && model_build(&b) == 0,
	      "the golden site loads without errors");
	memset(&r, 0, sizeof(r));
	r.b = &b;
	r.s = &b.site;
	labels_defaults(&r.labels); /* the texts of the series are labels */
	it = model_find(&b.site, K_ACTION, SL("k-a01-platformen"));
	if (!CHECK(it != NULL, "the fiche is there"))
		return check_done();
	calendar_series_counts(&r, (const struct action *)it, &planned, &held);
	CHECK_INT(planned, 2, "2 events planned in 2025 (the held one included)");
	CHECK_INT(held, 1, "1 event held by 1 October 2025");
	m = tv_map_new(&r.pa);
	put_series(&r, m, (const struct action *)it);
	series = tv_map_get(m, "series");
	CHECK(series != NULL, "put_series puts a series");
	CHECK_STR(series ? str(series, "planned_text") : NULL, "2 van 3 ingepland",
		  "planned_text reads \"2 van 3 ingepland\"");
	CHECK_STR(series ? str(series, "held_text") : NULL, "1 gehouden",
		  "held_text reads \"1 gehouden\"");
	b.now_day = days_from_civil(2025, 10, 20);
	b.site.now_day = (int)b.now_day;
	calendar_series_counts(&r, (const struct action *)it, &planned, &held);
	CHECK(planned == 2 && held == 1,
	      "an event that is over but not reported (no done, no attendance) "
	      "is not counted as held");
	arena_free(&r.pa);
	free(r.events);
	model_free(&b.site);
	build_free(&b);
	return check_done();
}
