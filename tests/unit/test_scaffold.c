/*
 * test_scaffold: the files `zonesite new` writes (scaffold.c).
 *
 * For every kind: the front matter parses with no diagnostic, every key of
 * the kind's schema (schema.c) is in it, as a key or as a commented-out
 * line, so a key added to the contract cannot be left out of the
 * scaffold; the title is kept exactly, even with quotes and a colon.  The
 * id folds accents.
 *
 * The dates come from "now", a day number, checked on days where a date
 * is easy to get wrong: a month's last and first day, a year's (the plan
 * year and the year before change) and a leap day.  On each, every date
 * in the text is that day, the key that takes it (date, updated, plan)
 * parses to it, and the whole text is the text of a far-off reference
 * day with that day's date and years in their places, so no date
 * anywhere can be off.  scaffold_text() gets the day, not an instant, so
 * the time of day and Brussels' clock changes play no part here: turning
 * an instant into the day of "now" is tests/suites/scaffold.sh's, with a
 * building round trip.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "check.h"
#include "civil.h"
#include "diag.h"
#include "frontmatter.h"
#include "scaffold.h"
#include "schema.h"

static const char title[] = "Één \"overleg\": wonen & zorg";

/* Is key in text as "key:" or "# key:" at the start of a line? */
static bool has_key(const char *text, const char *key)
{
	char want[96];
	const char *p;

	for (p = text; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		const char *q = p;

		if (q[0] == '#' && q[1] == ' ')
			q += 2;
		snprintf(want, sizeof(want), "%s:", key);
		if (!strncmp(q, want, strlen(want)))
			return true;
	}
	return false;
}

static void check_kind(enum kind k, int64_t day)
{
	struct buf text = BUF_INIT;
	struct diag_ctx d;
	struct arena a;
	struct frontmatter fm;
	struct source *src;
	const struct field *f;
	const struct ynode *t;
	char what[160];
	int missing = 0;

	scaffold_text(k, title, day, &text);
	diag_init(&d);
	a = (struct arena)ARENA_INIT;
	src = diag_source(&d, "new.md", text.ptr, text.len);
	snprintf(what, sizeof(what), "%s: the front matter parses with no "
		 "diagnostic", kind_names[k]);
	CHECK(fm_parse(&a, &a, &d, src, &fm) == 0 && d.n == 0 && fm.root, what);
	for (f = schema_kinds[k]->fields; f->key; f++) {
		if (has_key(text.ptr, f->key))
			continue;
		printf("#   missing key: %s\n", f->key);
		missing++;
	}
	snprintf(what, sizeof(what), "%s: every key of the schema is there",
		 kind_names[k]);
	CHECK(missing == 0, what);
	t = fm.root ? ynode_get(fm.root, k == K_PARTNER || k == K_SERVICE
				? "name" : "title") : NULL;
	snprintf(what, sizeof(what), "%s: the title is kept exactly",
		 kind_names[k]);
	CHECK(t && t->kind == Y_SCALAR && !strcmp(t->text.ptr, title), what);
	diag_flush(&d, stdout);
	diag_free(&d);
	arena_free(&a);
	buf_free(&text);
}

/* ---- the dates of "now" ---- */

/* The days checked, and the reference day whose text, with its date and
 * years replaced, every other day's text must be: none of its numbers
 * occurs in a template by itself. */
static const struct civil_day { int y, m, d; } days[] = {
	{ 2025, 10, 1 },				/* the demo's day */
	{ 2025, 10, 31 }, { 2025, 11, 1 },		/* a month ends */
	{ 2025, 12, 31 }, { 2026, 1, 1 },		/* a year ends */
	{ 2024, 2, 29 }, { 2024, 3, 1 },		/* a leap day */
};
static const struct civil_day reference = { 1987, 6, 14 };

/* DATE_CHARS: YYYY-MM-DD; NUMBER_MAX: room for any int printed. */
enum { DATE_CHARS = 10, NUMBER_MAX = 48 };

/* The strings a day's scaffold uses: YYYY-MM-DD, its year, the year
 * before. */
struct day_text {
	char today[NUMBER_MAX], year[NUMBER_MAX], prev[NUMBER_MAX];
};

static struct day_text day_text(struct civil_day c)
{
	struct day_text t;

	snprintf(t.today, sizeof(t.today), "%04d-%02d-%02d", c.y, c.m, c.d);
	snprintf(t.year, sizeof(t.year), "%d", c.y);
	snprintf(t.prev, sizeof(t.prev), "%d", c.y - 1);
	return t;
}

/* text with every `from` replaced by `to`, into out (emptied first). */
static void replace_all(struct buf *out, const char *text, const char *from,
			const char *to)
{
	size_t n = strlen(from);
	const char *p = text, *hit;

	buf_reset(out);
	while ((hit = strstr(p, from)) != NULL) {
		buf_put(out, p, (size_t)(hit - p));
		buf_puts(out, to);
		p = hit + n;
	}
	buf_puts(out, p);
}

/* The text expected on day t: the reference text with the reference's
 * date, year and year before replaced by t's, in that order. */
static void expected_text(const char *ref_text, const struct day_text *t,
			  struct buf *out)
{
	struct day_text r = day_text(reference);
	struct buf a = BUF_INIT, b = BUF_INIT;

	replace_all(&a, ref_text, r.today, t->today);
	replace_all(&b, a.ptr, r.year, t->year);
	replace_all(out, b.ptr, r.prev, t->prev);
	buf_free(&a);
	buf_free(&b);
}

/* Is every YYYY-MM-DD in text today?  The first other one goes to
 * *other. */
static bool only_today(const char *text, const char *today, const char **other)
{
	const char *p;

	for (p = text; *p; p++) {
		static const char shape[] = "dddd-dd-dd";
		size_t i;

		for (i = 0; shape[i] && p[i]; i++)
			if (shape[i] == 'd' ? p[i] < '0' || p[i] > '9'
					    : p[i] != shape[i])
				break;
		if (shape[i] == '\0' && strncmp(p, today, DATE_CHARS)) {
			*other = p;
			return false;
		}
	}
	return true;
}

/* The key of each kind whose value is a date of now (or its year). */
static const struct date_key {
	const char *key;
	bool year;	/* the year of now, not the day */
} date_keys[K__ITEMS] = {
	[K_ACTION] = { "plan", true }, [K_EVENT] = { NULL, false },
	[K_NEWSLETTER] = { "date", false }, [K_PARTNER] = { "updated", false },
	[K_SERVICE] = { "updated", false }, [K_PAGE] = { NULL, false },
};

/* Does key in the front matter of text parse to the scalar want? */
static bool key_is(struct arena *a, const struct buf *text, const char *key,
		   const char *want)
{
	struct diag_ctx d;
	struct frontmatter fm;
	struct source *src;
	const struct ynode *v = NULL;

	diag_init(&d);
	src = diag_source(&d, "new.md", text->ptr, text->len);
	if (fm_parse(a, a, &d, src, &fm) == 0 && fm.root)
		v = ynode_get(fm.root, key);
	diag_free(&d);
	return v && v->kind == Y_SCALAR && !strcmp(v->text.ptr, want);
}

static void check_day(enum kind k, struct civil_day c, const char *ref_text)
{
	struct day_text t = day_text(c);
	const struct date_key *dk = &date_keys[k];
	struct buf text = BUF_INIT, want = BUF_INIT, line = BUF_INIT;
	struct buf what = BUF_INIT;
	struct arena a = ARENA_INIT;
	const char *other = NULL;

	scaffold_text(k, title, days_from_civil(c.y, c.m, c.d), &text);
	buf_printf(&line, "`zonesite new` op %s.", t.today);
	buf_printf(&what, "%s on %s: every date is that day, the header "
		   "says it", kind_names[k], t.today);
	if (!CHECK(only_today(text.ptr, t.today, &other) &&
		   strstr(text.ptr, line.ptr), what.ptr) && other)
		printf("#   found: %.10s\n", other);
	if (dk->key) {
		buf_reset(&what);
		buf_printf(&what, "%s on %s: '%s' is %s", kind_names[k],
			   t.today, dk->key, dk->year ? t.year : t.today);
		CHECK(key_is(&a, &text, dk->key, dk->year ? t.year : t.today),
		      what.ptr);
	}
	expected_text(ref_text, &t, &want);
	buf_reset(&what);
	buf_printf(&what, "%s on %s: the reference day's text with %s, %s "
		   "and %s in its places", kind_names[k], t.today, t.today,
		   t.year, t.prev);
	CHECK_STR(text.ptr, want.ptr, what.ptr);
	arena_free(&a);
	buf_free(&text);
	buf_free(&want);
	buf_free(&line);
	buf_free(&what);
}

/* How many times needle occurs in text. */
static int count(const char *text, const char *needle)
{
	int n = 0;

	for (; (text = strstr(text, needle)) != NULL; text++)
		n++;
	return n;
}

/* The reference day's own text must hold its date, year and year before
 * where they belong, or the comparison above would prove little: the
 * comparison cannot tell the year from the year before, so the year
 * before must be where an action's continued_from is suggested, and
 * nowhere else. */
static void check_reference(enum kind k, const char *ref_text)
{
	struct day_text r = day_text(reference);
	struct buf what = BUF_INIT, line = BUF_INIT;

	buf_printf(&what, "%s: the reference text has the day %s",
		   kind_names[k], r.today);
	CHECK(strstr(ref_text, r.today) != NULL, what.ptr);
	buf_reset(&what);
	buf_printf(&what, "%s: the year before (%s) is only in an action's "
		   "continued_from", kind_names[k], r.prev);
	buf_printf(&line, "\n# continued_from: %s ", r.prev);
	CHECK(count(ref_text, r.prev) == (k == K_ACTION) &&
	      (k != K_ACTION || strstr(ref_text, line.ptr)), what.ptr);
	buf_free(&what);
	buf_free(&line);
}

static void check_dates(enum kind k)
{
	struct civil_day r = reference;
	struct buf ref_text = BUF_INIT;
	size_t i;

	scaffold_text(k, title, days_from_civil(r.y, r.m, r.d), &ref_text);
	check_reference(k, ref_text.ptr);
	for (i = 0; i < sizeof(days) / sizeof(days[0]); i++)
		check_day(k, days[i], ref_text.ptr);
	buf_free(&ref_text);
}

int main(void)
{
	int64_t day = days_from_civil(2025, 10, 1);
	struct buf id = BUF_INIT;
	int k;

	for (k = 0; k < K__ITEMS; k++)
		check_kind((enum kind)k, day);
	for (k = 0; k < K__ITEMS; k++)
		check_dates((enum kind)k);
	scaffold_id(title, &id);
	CHECK_STR(id.ptr, "een-overleg-wonen-zorg", "id: the title's slug, "
		  "accents folded");
	CHECK(scaffold_kind("event") == K_EVENT &&
	      scaffold_kind("activiteit") == K_EVENT &&
	      scaffold_kind("dienst") == K_SERVICE && scaffold_kind("x") < 0,
	      "kinds by their English and Dutch names");
	buf_free(&id);
	return check_done();
}
