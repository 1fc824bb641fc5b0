/*
 * test_report: the figures of the plan report that do not need a whole
 * site (report.c, with model_is_stale from model.c and md_links from
 * markdown.c): when a date is stale, which plan is in force, when an
 * event counts as held, how a recurrence and a target read, and which
 * links a body has.  tests/suites/action-report.mjs checks the report
 * itself on a site whose figures are worked out by hand.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "civil.h"
#include "diag.h"
#include "fuzzydate.h"
#include "markdown.h"
#include "model.h"
#include "report.h"
#include "schema.h"

static struct fuzzydate fds[64];
static size_t nfds;

/* A date field as validate.c would fill it; "" leaves it unset. */
static struct date date_of(const char *text)
{
	struct date d = { 0 };
	struct fd_status st;

	if (!*text)
		return d;
	if (!fuzzydate_parse(sl_cstr(text), NULL, &fds[nfds], &st, NULL)) {
		printf("# cannot parse '%s'\n", text);
		return d;
	}
	d.fd = &fds[nfds++];
	d.raw = sl_cstr(text);
	d.set = true;
	return d;
}

static int64_t day(int y, int m, int d)
{
	return days_from_civil(y, m, d);
}

static void test_stale(void)
{
	struct date d;

	d = date_of("2024-10-01");
	CHECK(!model_is_stale(&d, day(2025, 10, 1)), "stale: exactly 12 months old is not stale");
	d = date_of("2024-09-30");
	CHECK(model_is_stale(&d, day(2025, 10, 1)), "stale: 12 months and a day old is stale");
	d = date_of("");
	CHECK(!model_is_stale(&d, day(2025, 10, 1)), "stale: no date is not stale");
	d = date_of("2024-01-15");
	CHECK(!model_is_stale(&d, day(2025, 1, 15)), "stale: across the turn of the year, 12 months is not stale");
	d = date_of("2024-01-14");
	CHECK(model_is_stale(&d, day(2025, 1, 15)), "stale: across the turn of the year, a day more is");
	d = date_of("2023-02-28");
	CHECK(!model_is_stale(&d, day(2024, 2, 29)), "stale: from 29 February, 28 February a year before is 12 months");
	d = date_of("2023-02-27");
	CHECK(model_is_stale(&d, day(2024, 2, 29)), "stale: from 29 February, the 27th a year before is stale");
}

static void test_target(void)
{
	struct text t = { .set = true };
	long long n = -1;

	t.s = SL("85");
	CHECK(target_number(&t, &n) && n == 85, "target: \"85\" is 85");
	t.s = SL(" 3 ");
	CHECK(target_number(&t, &n) && n == 3, "target: blanks around a number are fine");
	t.s = SL("3,5/5");
	CHECK(!target_number(&t, &n), "target: \"3,5/5\" is no whole number");
	t.s = SL("min. 3");
	CHECK(!target_number(&t, &n), "target: \"min. 3\" is no whole number");
	t.s = SL("");
	CHECK(!target_number(&t, &n), "target: empty is no number");
	t.set = false;
	t.s = SL("3");
	CHECK(!target_number(&t, &n), "target: an absent target is no number");
}

static struct event event_at(const char *start, int status, long long att)
{
	struct event e;

	memset(&e, 0, sizeof(e));
	e.it.kind = K_EVENT;
	e.it.published = true;
	e.start = date_of(start);
	e.status.v = status;
	e.attendance.set = att >= 0;
	e.attendance.v = att;
	return e;
}

static void test_held(void)
{
	int64_t today = day(2025, 10, 1);
	struct event e;

	e = event_at("2025-06-12", ES_DONE, -1);
	CHECK(event_is_held(&e, today), "held: past and done");
	e = event_at("2025-06-12", ES_CONFIRMED, 25);
	CHECK(event_is_held(&e, today), "held: past with an attendance");
	e = event_at("2025-06-12", ES_CONFIRMED, -1);
	CHECK(!event_is_held(&e, today), "held: past but not reported is not held");
	e = event_at("2025-06-12", ES_CANCELLED, 10);
	CHECK(!event_is_held(&e, today), "held: cancelled is never held");
	e = event_at("2025-10-01", ES_DONE, -1);
	CHECK(!event_is_held(&e, today), "held: an event of today is not past yet");
	e = event_at("2025-09", ES_DONE, -1);
	CHECK(event_is_held(&e, today), "held: a month that is over");
	e = event_at("2025-Q4", ES_DONE, -1);
	CHECK(!event_is_held(&e, today), "held: a quarter that is not over");
	e = event_at("tbd", ES_DONE, -1);
	CHECK(!event_is_held(&e, today), "held: tbd is never past");
}

static void test_recurrence(void)
{
	struct action a;
	long long n = 0;

	memset(&a, 0, sizeof(a));
	CHECK(!recurrence_per_year(&a, &n), "recurrence: none without the key");
	a.recurrence.h.set = true;
	a.recurrence.count = (struct num){ .v = 2, .set = true };
	CHECK(recurrence_per_year(&a, &n) && n == 2, "recurrence: per year by default");
	a.recurrence.per = (struct choice){ .v = PER_QUARTER, .set = true };
	CHECK(recurrence_per_year(&a, &n) && n == 8, "recurrence: 2 per quarter is 8 a year");
	a.recurrence.per.v = PER_MONTH;
	CHECK(recurrence_per_year(&a, &n) && n == 24, "recurrence: 2 per month is 24 a year");
}

static void test_plan_year(void)
{
	static const int plans[] = { 2024, 2026, 2027 };
	struct action a[3];
	struct item *items[3];
	struct site s;
	size_t i, n;
	int *years;

	memset(&s, 0, sizeof(s));
	memset(a, 0, sizeof(a));
	for (i = 0; i < 3; i++) {
		a[i].it.kind = K_ACTION;
		a[i].it.published = true;
		a[i].plan = (struct num){ .v = plans[i], .set = true };
		items[i] = &a[i].it;
	}
	s.kinds[K_ACTION].v = items;
	s.kinds[K_ACTION].n = 3;
	CHECK_INT(plan_year_current(&s, day(2026, 3, 1)), 2026, "plan year: the plan of today's year");
	CHECK_INT(plan_year_current(&s, day(2025, 3, 1)), 2024, "plan year: else the latest before it");
	CHECK_INT(plan_year_current(&s, day(2023, 3, 1)), 2024, "plan year: else the earliest after it");
	a[1].it.published = false;
	CHECK_INT(plan_year_current(&s, day(2026, 3, 1)), 2024, "plan year: an unpublished plan is not in force");
	years = plan_years(&s, &n);
	CHECK(n == 2 && years[0] == 2024 && years[1] == 2027, "plan years: the published ones, ascending");
	free(years);
	a[1].it.published = true;
	a[1].plan.set = false;
	years = plan_years(&s, &n);
	CHECK(n == 2 && years[0] == 2024 && years[1] == 2027, "plan years: a fiche whose plan: was refused has no year");
	free(years);
	s.kinds[K_ACTION].n = 0;
	CHECK_INT(plan_year_current(&s, day(2026, 3, 1)), 2026, "plan year: without fiches, today's year");
}

struct seen {
	char text[512];
};

static void note_link(void *ctx, const struct md_link_ref *ref)
{
	static const char *const kinds[] = { "event", "action", "partner",
		"service", "newsletter", "page", "relative" };
	struct seen *s = ctx;
	size_t n = strlen(s->text);

	snprintf(s->text + n, sizeof(s->text) - n, "%s%s:%.*s", n ? " " : "",
		 kinds[ref->kind], (int)ref->id.len, ref->id.ptr);
}

static void test_links(void)
{
	static const char body[] =
		"Zie [de actie](action:a-een) en [hoe](action:a-een#hoe), "
		"[het ELP](event:elp), [de kalender](../kalender/), "
		"[extern](https://example.org/), [hier](#boven) en "
		"[raar](foo:bar).\n\n![logo](/logo.svg)\n";
	struct diag_ctx d;
	struct source *src;
	struct md_doc *doc;
	struct seen s = { "" };

	diag_init(&d);
	src = diag_source(&d, "t.md", body, strlen(body));
	doc = md_parse(&d, src, sl_make(body, strlen(body)), 1, NULL);
	CHECK_INT(md_links(doc, note_link, &s), 5, "md_links: five links into the site");
	CHECK_STR(s.text, "action:a-een action:a-een event:elp relative:../kalender/ relative:/logo.svg",
		  "md_links: in document order, with their kind and id, not the web, fragment or rejected ones");
	CHECK_INT(md_links(doc, NULL, NULL), 5, "md_links: counts without a callback");
	md_free(doc);
	diag_free(&d);
}

int main(void)
{
	test_stale();
	test_target();
	test_held();
	test_recurrence();
	test_plan_year();
	test_links();
	return check_done();
}
