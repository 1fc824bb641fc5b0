/*
 * render_calendar: the activity calendar's pages.
 *
 * The calendar shows two kinds of entries: the published events, and the
 * milestones of published action fiches that no event stands for (a
 * milestone that names its event is that event).  Entries sort by their
 * earliest possible moment, then precision, then id (content-model
 * section 3), and the generator never invents precision: a month item is
 * listed in a "datum volgt" band at the start of its month, never on the
 * 1st; only items known to the day sit under a day or in a grid cell.
 *
 * Pages: the upcoming list (/kalender/), grouped by month and day; the
 * archive, newest first; a month grid for every month from the first to
 * the last item; one list per event type, audience and municipality; the
 * subscription page; and a page per event, which stays online after the
 * event so old newsletters keep working.  Everything works without
 * JavaScript; assets/calendar.js only filters the main list in place.
 * Files in other formats (iCalendar, JSON-LD) come from calendar_export.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "calendar.h"
#include "civil.h"
#include "dutch.h"
#include "fuzzydate.h"
#include "render_int.h"
#include "xalloc.h"

enum { MONTHS_PER_YEAR = 12, DAYS_PER_WEEK = 7, MINUTES_PER_HOUR = 60 };

/* Month keys count months since year 0: year * 12 + month - 1. */
#define MONTH_TBD INT64_MAX

const enum vocab cal_facet_vocab[CF__COUNT] = {
	[CF_TYPE] = V_EVENT_TYPE, [CF_AUDIENCE] = V_AUDIENCE,
	[CF_MUNICIPALITY] = V_MUNICIPALITY,
};
const char *const cal_facet_dir[CF__COUNT] = {
	[CF_TYPE] = CAL_DIR_TYPE, [CF_AUDIENCE] = CAL_DIR_AUDIENCE,
	[CF_MUNICIPALITY] = CAL_DIR_MUNICIPALITY,
};
/* The data-* attribute each facet has on a list entry, for calendar.js. */
static const char *const facet_attr[CF__COUNT] = { "type", "audience",
	"municipality" };

/* ---- events by date (shared with the home page and others) ---- */

static int cmp_events(const void *a, const void *b)
{
	const struct event *x = *(struct event *const *)a;
	const struct event *y = *(struct event *const *)b;
	int c = fuzzydate_cmp(x->start.fd, y->start.fd);

	return c ? c : sl_cmp(x->it.id, y->it.id);
}

struct event *const *events_by_date(struct render *r, size_t *n)
{
	const struct kind_table *t = &r->s->kinds[K_EVENT];
	size_t i;

	if (r->events == NULL) {
		r->events = xcalloc(t->n + 1, sizeof(*r->events));
		for (i = 0; i < t->n; i++)
			if (t->v[i]->published &&
			    ((struct event *)t->v[i])->start.fd != NULL)
				r->events[r->nevents++] = (struct event *)t->v[i];
		qsort(r->events, r->nevents, sizeof(*r->events), cmp_events);
	}
	*n = r->nevents;
	return r->events;
}

/* ---- entries ---- */

static struct slice entry_id(const struct cal_entry *e)
{
	return e->ev ? e->ev->it.id : e->action->it.id;
}

static int cmp_entries(const void *a, const void *b)
{
	const struct cal_entry *x = a, *y = b;
	int c = fuzzydate_cmp(x->start, y->start);

	if (c == 0)
		c = sl_cmp(entry_id(x), entry_id(y));
	if (c == 0 && (x->ev == NULL) != (y->ev == NULL))
		c = x->ev ? -1 : 1;
	if (c == 0)
		c = (x->ms_index > y->ms_index) - (x->ms_index < y->ms_index);
	return c;
}

static void set_span(struct cal_entry *e, const struct fuzzydate *start,
		     const struct fuzzydate *end)
{
	e->start = start;
	e->tbd = start->prec == FD_TBD;
	e->end = !e->tbd && end && end->prec != FD_TBD ? end : NULL;
	e->from = &start->from;
	if (e->end)
		e->to = e->end->prec == FD_RANGE ? &e->end->to : &e->end->from;
	else
		e->to = start->prec == FD_RANGE ? &start->to : &start->from;
	e->first_day = start->first_day;
	e->last_day = e->end ? e->end->last_day : start->last_day;
	e->day_precise = !e->tbd && e->from->prec <= FD_DAY &&
			 e->to->prec <= FD_DAY;
}

/* A milestone shares its fiche's fate: dropped reads as cancelled. */
static int milestone_status(const struct action *a)
{
	switch (a->status.v) {
	case AS_DROPPED: return ES_CANCELLED;
	case AS_POSTPONED: return ES_POSTPONED;
	case AS_DONE: return ES_DONE;
	default: return ES_PLANNED;
	}
}

static void add_milestones(struct render *r, struct cal *c, size_t cap)
{
	const struct kind_table *t = &r->s->kinds[K_ACTION];
	size_t i, j;

	for (i = 0; i < t->n; i++) {
		const struct action *a = (const struct action *)t->v[i];

		if (!a->it.published)
			continue;
		for (j = 0; j < a->milestones.n && c->n < cap; j++) {
			const struct milestone *ms =
				&LIST_AT(a->milestones, struct milestone, j);
			struct cal_entry *e;

			if (ms->event.set || !ms->date.set || ms->date.fd == NULL)
				continue;
			e = &c->v[c->n++];
			e->action = a;
			e->ms = ms;
			e->ms_index = j + 1;
			set_span(e, ms->date.fd, NULL);
			e->title = ms->title.set ? ms->title.s : a->title.s;
			e->status = milestone_status(a);
			e->tentative = ms->tentative.v;
		}
	}
}

/* URLs are collected for the link checks of `check` even when some date
 * did not parse (already reported): such an item has no place here. */
void cal_collect(struct render *r, struct cal *c)
{
	const struct kind_table *ev = &r->s->kinds[K_EVENT];
	const struct kind_table *t = &r->s->kinds[K_ACTION];
	size_t i, cap = ev->n;

	for (i = 0; i < t->n; i++)
		cap += ((const struct action *)t->v[i])->milestones.n;
	memset(c, 0, sizeof(*c));
	c->v = xcalloc(cap + 1, sizeof(*c->v));
	for (i = 0; i < ev->n; i++) {
		const struct event *x = (const struct event *)ev->v[i];
		struct cal_entry *e;

		if (!x->it.published || x->start.fd == NULL)
			continue;
		e = &c->v[c->n++];
		e->ev = x;
		set_span(e, x->start.fd, x->end.set ? x->end.fd : NULL);
		e->title = x->title.s;
		e->status = x->status.v;
		e->tentative = x->tentative.v;
	}
	add_milestones(r, c, cap);
	qsort(c->v, c->n, sizeof(*c->v), cmp_entries);
}

void cal_free(struct cal *c)
{
	int f;

	for (f = 0; f < CF__COUNT; f++) {
		free(c->facet[f].idx);
		free(c->facet[f].off);
		free(c->facet[f].upcoming);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

static bool is_past(struct render *r, const struct cal_entry *e)
{
	return !e->tbd && e->last_day < r->s->now_day;
}

bool cal_facet_first(struct render *r, enum cal_facet f, size_t i)
{
	const struct list *l = &r->s->cfg.vocab[cal_facet_vocab[f]];

	return model_find_vocab(r->s, cal_facet_vocab[f],
		LIST_AT(*l, struct vocab_entry, i).id.s) == (int)i;
}

/* The references an entry has for a facet: a list, or the one type. */
static const struct list *facet_refs(const struct cal_entry *e,
				     enum cal_facet f, const struct ref **one)
{
	*one = NULL;
	if (f == CF_TYPE) {
		if (e->ev && e->ev->type.set)
			*one = &e->ev->type;
		return NULL;
	}
	if (f == CF_AUDIENCE)
		return e->ev ? &e->ev->audience : NULL;
	return e->ev ? &e->ev->municipalities : &e->action->municipalities;
}

/* Calls add(k) for each vocabulary index of entry e in facet f. */
static void each_ref(const struct cal_entry *e, enum cal_facet f, size_t nvoc,
		     void (*add)(struct cal_facet_index *, size_t, size_t),
		     struct cal_facet_index *x, size_t entry)
{
	const struct ref *one;
	const struct list *l = facet_refs(e, f, &one);
	size_t i;

	if (one && one->index >= 0 && (size_t)one->index < nvoc)
		add(x, (size_t)one->index, entry);
	for (i = 0; l && i < l->n; i++) {
		int k = LIST_AT(*l, struct ref, i).index;

		if (k >= 0 && (size_t)k < nvoc)
			add(x, (size_t)k, entry);
	}
}

static void count_ref(struct cal_facet_index *x, size_t k, size_t entry)
{
	(void)entry;
	x->off[k + 1]++;
}

static void fill_ref(struct cal_facet_index *x, size_t k, size_t entry)
{
	x->idx[x->upcoming[k]++] = entry; /* upcoming: a cursor for now */
}

/* A counting sort of the entries by vocabulary index, per facet. */
void cal_index(struct render *r, struct cal *c)
{
	int f;
	size_t i, k;

	for (f = 0; f < CF__COUNT; f++) {
		struct cal_facet_index *x = &c->facet[f];
		size_t nvoc = r->s->cfg.vocab[cal_facet_vocab[f]].n;

		x->off = xcalloc(nvoc + 2, sizeof(*x->off));
		x->upcoming = xcalloc(nvoc + 1, sizeof(*x->upcoming));
		for (i = 0; i < c->n; i++)
			each_ref(&c->v[i], (enum cal_facet)f, nvoc, count_ref, x, i);
		for (k = 0; k < nvoc; k++)
			x->off[k + 1] += x->off[k];
		x->idx = xcalloc(x->off[nvoc] + 1, sizeof(*x->idx));
		memcpy(x->upcoming, x->off, nvoc * sizeof(*x->off));
		for (i = 0; i < c->n; i++)
			each_ref(&c->v[i], (enum cal_facet)f, nvoc, fill_ref, x, i);
		for (k = 0; k < nvoc; k++) {
			size_t j;

			x->upcoming[k] = 0;
			for (j = x->off[k]; j < x->off[k + 1]; j++)
				x->upcoming[k] += !is_past(r, &c->v[x->idx[j]]);
		}
	}
}

const char *cal_entry_url(struct render *r, const struct cal_entry *e)
{
	return item_url(r, e->ev ? &e->ev->it : &e->action->it);
}

/* ---- small formatting helpers ---- */

static int64_t month_key(int64_t day)
{
	int64_t y;
	int m;

	civil_from_days(day, &y, &m, NULL);
	return y * MONTHS_PER_YEAR + m - 1;
}

static int64_t month_first_day(int64_t key)
{
	return days_from_civil(civil_floor_div(key, MONTHS_PER_YEAR),
			       (int)civil_floor_mod(key, MONTHS_PER_YEAR) + 1, 1);
}

static int64_t month_last_day(int64_t key)
{
	return month_first_day(key + 1) - 1;
}

/* "2025/10/" under the calendar: the month grid's folder. */
static void month_dir(struct render *r, struct buf *b, int64_t key)
{
	buf_printf(b, "%s/%04lld/%02d/", r->kind_path[K_EVENT],
		   (long long)civil_floor_div(key, MONTHS_PER_YEAR),
		   (int)civil_floor_mod(key, MONTHS_PER_YEAR) + 1);
}

static void put_month_url(struct render *r, struct tv *m, const char *key,
			  int64_t month)
{
	struct buf b = BUF_INIT;

	buf_putsl(&b, r->base_path);
	month_dir(r, &b, month);
	put_buf(r, m, key, &b);
	buf_free(&b);
}

static void format_month(struct buf *b, int64_t key)
{
	nl_format_month(b, (int)civil_floor_div(key, MONTHS_PER_YEAR),
			(int)civil_floor_mod(key, MONTHS_PER_YEAR) + 1);
}

/* ---- an entry as template data ---- */

static void put_status(struct render *r, struct tv *m, int s, bool tentative)
{
	put_cstr(r, m, "status", words_event_status[s]);
	put_label(r, m, "status_label", L_EVENT_STATUS(s));
	put_bool(r, m, "cancelled", s == ES_CANCELLED);
	put_bool(r, m, "postponed", s == ES_POSTPONED);
	put_bool(r, m, "tentative", tentative);
	put_bool(r, m, "flagged", s == ES_CANCELLED || s == ES_POSTPONED ||
				  tentative);
}

/* <time datetime>: a moment (with its UTC offset), a day, a month or a
 * year in ISO form; nothing for a quarter, half-year, season, range or
 * tbd. */
static void put_datetime(struct render *r, struct tv *m, const struct date *d)
{
	struct buf b = BUF_INIT;

	if (d->fd->prec < FD_RANGE &&
	    fuzzydate_put_iso(&b, &d->fd->from, CIVIL_HH_MM))
		put_buf(r, m, "datetime", &b);
	buf_free(&b);
}

struct tv *event_card(struct render *r, const struct event *e)
{
	struct tv *m = item_link(r, &e->it);

	put_date(r, m, "date", &e->start, &e->end);
	put_datetime(r, m, &e->start);
	put_text(r, m, "date_label", &e->label);
	put_status(r, m, e->status.v, e->tentative.v);
	if (e->type.set)
		put(r, m, "type", vocab_tv(r, V_EVENT_TYPE, &e->type));
	put_text(r, m, "location", &e->location.name);
	put(r, m, "municipalities", vocab_list(r, V_MUNICIPALITY,
					       &e->municipalities));
	put_bool(r, m, "online", e->online.url.set);
	put_bool(r, m, "fuzzy", !fuzzydate_is_day_precise(e->start.fd));
	return m;
}

/* The space-separated ids of a reference list, for data-* attributes. */
static void put_ids(struct render *r, struct tv *m, const char *key,
		    const struct list *l)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (i)
			buf_putc(&b, ' ');
		buf_putsl(&b, LIST_AT(*l, struct ref, i).id);
	}
	put_buf(r, m, key, &b);
	buf_free(&b);
}

/* The type and municipalities an entry shows, and, on the list the
 * script filters, the ids it filters on.  An entry for more municipalities
 * than CAL_MUNICIPALITIES_SHOWN says how many: it is listed on each of
 * their pages, and naming them all there would grow as their square. */
static void put_entry_facets(struct render *r, struct tv *m,
			     const struct cal_entry *e, bool filterable)
{
	const struct event *ev = e->ev;
	const struct list *munis = ev ? &ev->municipalities :
				   &e->action->municipalities;

	if (ev && ev->type.set) {
		put(r, m, "type", vocab_tv(r, V_EVENT_TYPE, &ev->type));
		if (filterable)
			put_sl(r, m, "data_type", ev->type.id);
	}
	if (filterable && ev)
		put_ids(r, m, "data_audience", &ev->audience);
	if (filterable)
		put_ids(r, m, "data_municipality", munis);
	put_bool(r, m, "filterable", filterable);
	if (munis->n > CAL_MUNICIPALITIES_SHOWN)
		put_int(r, m, "municipality_count", (long long)munis->n);
	else
		put(r, m, "municipalities", vocab_list(r, V_MUNICIPALITY, munis));
}

/* The place's name, or the name of the service it is held at. */
static void put_location_name(struct render *r, struct tv *m,
			      const struct event *e)
{
	const struct location *l = &e->location;

	if (!l->h.set)
		return;
	if (l->name.set)
		put_text(r, m, "location", &l->name);
	else if (l->service.set && l->service.index >= 0)
		put_sl(r, m, "location", item_title(
		       r->s->kinds[K_SERVICE].v[l->service.index]));
}

/* The fields every view of an entry shows. */
static struct tv *entry_tv(struct render *r, const struct cal_entry *e,
			   bool filterable)
{
	struct tv *m = rmap(r);
	struct buf b = BUF_INIT;

	put_sl(r, m, "label", e->title);
	put_sl(r, m, "id", entry_id(e));
	put_cstr(r, m, "url", cal_entry_url(r, e));
	fuzzydate_format_nl(&b, e->start, e->end);
	put_buf(r, m, "date", &b);
	buf_free(&b);
	put_status(r, m, e->status, e->tentative);
	put_bool(r, m, "fuzzy", !e->day_precise);
	put_entry_facets(r, m, e, filterable);
	if (e->ev) {
		put_text(r, m, "date_label", &e->ev->label);
		put_location_name(r, m, e->ev);
		put_bool(r, m, "online", e->ev->online.url.set);
	} else {
		put_text(r, m, "date_label", &e->ms->label);
		put_bool(r, m, "milestone", true);
		put(r, m, "fiche", item_link(r, &e->action->it));
	}
	return m;
}

/* "dag 2 van 8": day nth of an item of days days. */
static void day_of(struct render *r, struct buf *b, int64_t nth,
		   int64_t days)
{
	char n[24], d[24];

	snprintf(n, sizeof(n), "%lld", (long long)nth);
	snprintf(d, sizeof(d), "%lld", (long long)days);
	label_fill(b, label(r, L_CALENDAR_DAY_OF), (const struct label_arg[]){
		{ "day", sl_cstr(n) }, { "days", sl_cstr(d) } }, 2);
}

/* What a row under a day says about the time: "12.00–13.30 uur", or the
 * whole span with "dag 2 van 8" for an item of several days. */
static void put_day_when(struct render *r, struct tv *m,
			 const struct cal_entry *e, int64_t day)
{
	struct buf b = BUF_INIT;
	int64_t days = e->last_day - e->first_day + 1;

	if (days > 1) {
		fuzzydate_format_nl(&b, e->start, e->end);
		put_buf(r, m, "when", &b);
		buf_reset(&b);
		day_of(r, &b, day - e->first_day + 1, days);
		put_buf(r, m, "nth_day", &b);
		put_bool(r, m, "continued", day > e->first_day);
	} else if (e->from->prec == FD_MOMENT) {
		if (e->to->prec == FD_MOMENT && e->to != e->from &&
		    e->to->first_minute != e->from->first_minute)
			nl_format_time_range(&b, e->from->first_minute,
					     e->to->first_minute);
		else
			nl_format_time(&b, e->from->first_minute);
		put_buf(r, m, "when", &b);
	}
	buf_reset(&b);
	if (e->from->prec == FD_MOMENT && day == e->first_day)
		brussels_put_moment(&b, day, e->from->first_minute,
				    CIVIL_HH_MM);
	else
		civil_put_date(&b, day, CIVIL_ISO_EXTENDED);
	put_buf(r, m, "datetime", &b);
	buf_free(&b);
}

/* ---- lists: upcoming, archive, facets ---- */

/* One appearance of an entry in a list: in its month's band (day -1),
 * or under one of its days. */
struct placement {
	int64_t month, day;
	size_t entry;
};

struct placements {
	struct placement *v;
	size_t n, cap;
	bool past; /* newest first */
};

static void place(struct placements *p, int64_t month, int64_t day,
		  size_t entry)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->v = xreallocarray(p->v, p->cap, sizeof(*p->v));
	}
	p->v[p->n++] = (struct placement){ month, day, entry };
}

static int cmp3(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* Bands come first in a month; the archive runs backwards in time. */
static int cmp_up(const void *a, const void *b)
{
	const struct placement *x = a, *y = b;
	int c = cmp3(x->month, y->month);

	if (c == 0)
		c = cmp3(x->day, y->day);
	return c ? c : cmp3((int64_t)x->entry, (int64_t)y->entry);
}

static int cmp_down(const void *a, const void *b)
{
	const struct placement *x = a, *y = b;
	int c = cmp3(y->month, x->month);

	if (c == 0 && (x->day < 0 || y->day < 0))
		c = cmp3(x->day, y->day);
	else if (c == 0)
		c = cmp3(y->day, x->day);
	return c ? c : cmp3((int64_t)y->entry, (int64_t)x->entry);
}

/* Where entry i of the list appears: past items on all their days,
 * upcoming ones from today on; an item that began before today shows in
 * today's month. */
static void place_entry(struct render *r, struct placements *p,
			const struct cal_entry *e, size_t i)
{
	int64_t today = r->s->now_day, lo, hi, d;

	if (e->tbd) {
		place(p, MONTH_TBD, -1, i);
		return;
	}
	lo = !p->past && e->first_day < today ? today : e->first_day;
	if (!e->day_precise) {
		place(p, month_key(lo), -1, i);
		return;
	}
	hi = e->last_day - e->first_day + 1 > CAL_SPAN_MAX_DAYS ? lo :
	     e->last_day;
	for (d = lo; d <= hi; d++)
		place(p, month_key(d), d, i);
}

/* facet < 0: every entry. */
static void list_placements(struct render *r, const struct cal *c,
			    bool past, int facet, int index,
			    struct placements *p)
{
	size_t i;

	const struct cal_facet_index *x = facet >= 0 ? &c->facet[facet] : NULL;
	size_t from = x ? x->off[index] : 0, to = x ? x->off[index + 1] : c->n;

	memset(p, 0, sizeof(*p));
	p->past = past;
	for (i = from; i < to; i++) {
		size_t k = x ? x->idx[i] : i;

		if (is_past(r, &c->v[k]) == past)
			place_entry(r, p, &c->v[k], k);
	}
	if (p->n)
		qsort(p->v, p->n, sizeof(*p->v), past ? cmp_down : cmp_up);
}

static struct tv *new_month_group(struct render *r, int64_t key,
				  int64_t first, int64_t last)
{
	struct tv *g = rmap(r);
	struct buf t = BUF_INIT;

	if (key == MONTH_TBD) {
		put_label(r, g, "heading", L_CALENDAR_DATE_TBD);
		put_cstr(r, g, "id", "datum-volgt");
	} else {
		int64_t year = civil_floor_div(key, MONTHS_PER_YEAR);
		int month = (int)civil_floor_mod(key, MONTHS_PER_YEAR) + 1;

		format_month(&t, key);
		put_buf(r, g, "heading", &t);
		buf_reset(&t);
		civil_put_month(&t, year, month);
		put_buf(r, g, "id", &t);
		if (key >= first && key <= last)
			put_month_url(r, g, "grid_url", key);
	}
	buf_free(&t);
	return g;
}

static struct tv *new_day(struct render *r, int64_t day)
{
	struct tv *d = rmap(r);
	struct buf t = BUF_INIT;

	nl_format_day_long(&t, day);
	put_buf(r, d, "heading", &t);
	buf_reset(&t);
	civil_put_date(&t, day, CIVIL_ISO_EXTENDED);
	put_buf(r, d, "datetime", &t);
	put_bool(r, d, "today", day == r->s->now_day);
	buf_free(&t);
	return d;
}

/* The months of a list, each with its band and its days. */
static struct tv *month_groups(struct render *r, const struct cal *c,
			       const struct placements *p,
			       const int64_t range[2], bool filterable)
{
	struct tv *groups = rlist(r), *g = NULL, *band = NULL, *days = NULL,
		  *items = NULL;
	int64_t month = -1, day = -1;
	size_t k;

	for (k = 0; k < p->n; k++) {
		const struct placement *pl = &p->v[k];
		const struct cal_entry *e = &c->v[pl->entry];
		struct tv *it = entry_tv(r, e, filterable);

		if (g == NULL || pl->month != month) {
			g = new_month_group(r, pl->month, range[0], range[1]);
			band = rlist(r);
			days = rlist(r);
			put(r, g, "band", band);
			put(r, g, "days", days);
			push(r, groups, g);
			month = pl->month;
			day = -1;
		}
		put_bool(r, it, "in_band", pl->day < 0);
		if (pl->day < 0) {
			push(r, band, it);
			continue;
		}
		if (pl->day != day) {
			struct tv *d = new_day(r, pl->day);

			items = rlist(r);
			put(r, d, "items", items);
			push(r, days, d);
			day = pl->day;
		}
		put_day_when(r, it, e, pl->day);
		push(r, items, it);
	}
	return groups;
}

/* The months that get a grid: from the first to the last dated entry,
 * within CAL_GRID_MAX_YEARS of today.  False when nothing is dated. */
static bool grid_range(struct render *r, const struct cal *c, int64_t out[2])
{
	int64_t now = month_key(r->s->now_day);
	int64_t lo = now - CAL_GRID_MAX_YEARS * MONTHS_PER_YEAR;
	int64_t hi = now + CAL_GRID_MAX_YEARS * MONTHS_PER_YEAR;
	bool any = false;
	size_t i;

	for (i = 0; i < c->n; i++) {
		int64_t a, z;

		if (c->v[i].tbd)
			continue;
		a = month_key(c->v[i].first_day);
		z = month_key(c->v[i].last_day);
		if (!any || a < out[0])
			out[0] = a;
		if (!any || z > out[1])
			out[1] = z;
		any = true;
	}
	if (!any)
		return false;
	out[0] = out[0] < lo ? lo : out[0] > hi ? hi : out[0];
	out[1] = out[1] > hi ? hi : out[1] < lo ? lo : out[1];
	return true;
}

static void facet_dir(struct render *r, struct buf *b, enum cal_facet f,
		      int index)
{
	const struct vocab_entry *v =
		&LIST_AT(r->s->cfg.vocab[cal_facet_vocab[f]],
			 struct vocab_entry, index);

	section_dir(r, b, K_EVENT, cal_facet_dir[f], v->id.s);
}

static void put_feed_url(struct render *r, struct tv *m, enum cal_facet f,
			 int index)
{
	struct buf b = BUF_INIT, abs = BUF_INIT;
	size_t skip;

	buf_putsl(&b, r->base_path);
	cal_feed_path(r, &b, f, index);
	put_buf(r, m, "feed_url", &b);
	abs_site_url(r, &abs, b.ptr);
	put_buf(r, m, "feed_absolute", &abs);
	buf_reset(&b);
	/* webcal: makes a click open the calendar program's subscribe dialog */
	skip = abs.len > 4 && abs.ptr[4] == 's' ? 5 : 4;
	buf_puts(&b, "webcal");
	buf_put(&b, abs.ptr + skip, abs.len - skip);
	put_buf(r, m, "feed_webcal", &b);
	buf_free(&abs);
	buf_free(&b);
}

/* For each facet, its entries: label, page, feed and upcoming count. */
static struct tv *facet_lists(struct render *r, const struct cal *c,
			      int current_facet, int current_index)
{
	static const enum label_id titles[CF__COUNT][3] = {
		{ L_CALENDAR_BY_TYPE, L_CALENDAR_TYPE, L_CALENDAR_ALL_TYPES },
		{ L_CALENDAR_BY_AUDIENCE, L_CALENDAR_AUDIENCE,
		  L_CALENDAR_ALL_AUDIENCES },
		{ L_CALENDAR_BY_MUNICIPALITY, L_CALENDAR_MUNICIPALITY,
		  L_CALENDAR_ALL_MUNICIPALITIES } };
	struct tv *out = rlist(r);
	int f;
	size_t i;

	for (f = 0; f < CF__COUNT; f++) {
		const struct list *voc = &r->s->cfg.vocab[cal_facet_vocab[f]];
		struct tv *fm = rmap(r), *entries = rlist(r);
		struct buf b = BUF_INIT;

		put_label(r, fm, "title", titles[f][0]);
		put_label(r, fm, "select_label", titles[f][1]);
		put_label(r, fm, "all_label", titles[f][2]);
		put_cstr(r, fm, "name", cal_facet_dir[f]);
		put_cstr(r, fm, "attr", facet_attr[f]);
		for (i = 0; i < voc->n; i++) {
			struct tv *m;
			size_t n;

			if (!cal_facet_first(r, (enum cal_facet)f, i))
				continue;
			m = rmap(r);
			n = c->facet[f].upcoming[i];

			put_sl(r, m, "id", LIST_AT(*voc, struct vocab_entry, i).id.s);
			put_sl(r, m, "label", vocab_label(r->s, cal_facet_vocab[f],
							  (int)i));
			buf_reset(&b);
			buf_putsl(&b, r->base_path);
			facet_dir(r, &b, (enum cal_facet)f, (int)i);
			put_buf(r, m, "url", &b);
			put_int(r, m, "count", (long long)n);
			put_bool(r, m, "upcoming", n > 0);
			put_bool(r, m, "current", f == current_facet &&
						  (int)i == current_index);
			put_feed_url(r, m, (enum cal_facet)f, (int)i);
			push(r, entries, m);
		}
		buf_free(&b);
		put(r, fm, "entries", entries);
		push(r, out, fm);
	}
	return out;
}

/* What every calendar page links to: the list, this month's grid, the
 * archive, the subscription page, and the main feed. */
static void put_nav(struct render *r, struct tv *m, const int64_t range[2],
		    bool have_grid, const char *current)
{
	int64_t now = month_key(r->s->now_day);

	put_cstr(r, m, "calendar_url", kind_url(r, K_EVENT));
	put_cstr(r, m, "archive_url",
		 section_url(r, K_EVENT, CAL_DIR_ARCHIVE, SL("")));
	put_cstr(r, m, "subscribe_url",
		 section_url(r, K_EVENT, CAL_DIR_SUBSCRIBE, SL("")));
	if (have_grid)
		put_month_url(r, m, "month_url", now < range[0] ? range[0] :
			      now > range[1] ? range[1] : now);
	put_feed_url(r, m, CF__COUNT, -1);
	put_bool(r, m, current, true);
}

/* The upcoming list (facet < 0), a facet's list, or the archive. */
static void render_list(struct render *r, const struct cal *c, bool past,
			int facet, int index, const int64_t range[2],
			bool have_grid)
{
	struct tv *m = rmap(r), *groups;
	struct placements p;
	struct buf dir = BUF_INIT, t = BUF_INIT;

	list_placements(r, c, past, facet, index, &p);
	groups = month_groups(r, c, &p, range, !past && facet < 0);
	put(r, m, "groups", groups);
	put_bool(r, m, "archive", past);
	/* first: a facet's own feed below replaces the main one */
	put_nav(r, m, range, have_grid, past ? "nav_archive" :
		facet < 0 ? "nav_list" : "nav_facet");
	if (facet >= 0) {
		struct slice name = vocab_label(r->s,
			cal_facet_vocab[facet], index);

		facet_dir(r, &dir, (enum cal_facet)facet, index);
		buf_printf(&t, "%.*s: %.*s", SL_FMT(label(r, L_TITLE_CALENDAR)),
			   SL_FMT(name));
		put_buf(r, m, "title", &t);
		put_sl(r, m, "facet_label", name);
		put_bool(r, m, facet == CF_TYPE ? "facet_type" :
			 facet == CF_AUDIENCE ? "facet_audience" :
			 "facet_municipality", true);
		put_feed_url(r, m, (enum cal_facet)facet, index);
	} else {
		put_label(r, m, "title", past ? L_TITLE_ARCHIVE : L_TITLE_CALENDAR);
		if (past)
			section_dir(r, &dir, K_EVENT, CAL_DIR_ARCHIVE, SL(""));
		else
			buf_printf(&dir, "%s/", r->kind_path[K_EVENT]);
	}
	/* every facet on every facet page would cost facets squared */
	if (!past && facet < 0)
		put(r, m, "facets", facet_lists(r, c, facet, index));
	put_bool(r, m, "main_list", !past && facet < 0);
	if (!past && facet < 0) {
		buf_reset(&t);
		buf_printf(&t, "%.*sassets/calendar.js", SL_FMT(r->base_path));
		put_buf(r, m, "script_url", &t);
	}
	emit_page(r, "calendar", dir.ptr, m, true);
	free(p.v);
	buf_free(&dir);
	buf_free(&t);
}

/* ---- month grids ---- */

static struct tv *band_entry(struct render *r, const struct cal_entry *e)
{
	struct tv *m = entry_tv(r, e, false);

	put_bool(r, m, "in_band", true);
	put_bool(r, m, "title_h3", true);
	return m;
}

static struct tv *grid_item(struct render *r, const struct cal_entry *e,
			    int64_t day)
{
	struct tv *m = rmap(r);
	struct buf b = BUF_INIT;

	put_sl(r, m, "label", e->title);
	put_cstr(r, m, "url", cal_entry_url(r, e));
	put_status(r, m, e->status, e->tentative);
	put_bool(r, m, "milestone", e->ev == NULL);
	if (e->from->prec == FD_MOMENT && day == e->first_day) {
		buf_printf(&b, "%d.%02d", e->from->first_minute / MINUTES_PER_HOUR,
			   e->from->first_minute % MINUTES_PER_HOUR);
		put_buf(r, m, "time", &b);
	}
	put_bool(r, m, "continued", day > e->first_day);
	buf_free(&b);
	return m;
}

static struct tv *grid_cell(struct render *r, const struct cal *c,
			    const size_t *sel, size_t nsel, int64_t day,
			    int64_t key)
{
	struct tv *cell = rmap(r), *items = rlist(r);
	struct buf b = BUF_INIT;
	int64_t y;
	int mo, d;
	size_t i;

	civil_from_days(day, &y, &mo, &d);
	put_bool(r, cell, "in_month", month_key(day) == key);
	if (month_key(day) != key) {
		buf_free(&b);
		return cell;
	}
	put_int(r, cell, "day", d);
	put_cstr(r, cell, "weekday", nl_weekday(civil_weekday(day)));
	put_cstr(r, cell, "month", nl_month(mo));
	civil_put_date(&b, day, CIVIL_ISO_EXTENDED);
	put_buf(r, cell, "datetime", &b);
	put_bool(r, cell, "today", day == r->s->now_day);
	put_bool(r, cell, "weekend", civil_weekday(day) >= 6);
	for (i = 0; i < nsel; i++) {
		const struct cal_entry *e = &c->v[sel[i]];

		if (e->first_day <= day && day <= e->last_day)
			push(r, items, grid_item(r, e, day));
	}
	put(r, cell, "items", items);
	buf_free(&b);
	return cell;
}

static void put_neighbour(struct render *r, struct tv *m, const char *key,
			  int64_t month)
{
	struct tv *n = rmap(r);
	struct buf t = BUF_INIT;

	put_month_url(r, n, "url", month);
	format_month(&t, month);
	put_buf(r, n, "label", &t);
	put(r, m, key, n);
	buf_free(&t);
}

static void render_month(struct render *r, const struct cal *c, int64_t key,
			 const int64_t range[2], size_t *sel)
{
	int64_t first = month_first_day(key), last = month_last_day(key);
	int64_t from = first - (civil_weekday(first) - 1);
	int64_t to = last + (DAYS_PER_WEEK - civil_weekday(last));
	struct tv *m = rmap(r), *weeks = rlist(r), *band = rlist(r);
	struct buf t = BUF_INIT, dir = BUF_INIT;
	size_t i, nsel = 0;
	int64_t d;

	for (i = 0; i < c->n; i++) {
		const struct cal_entry *e = &c->v[i];

		if (e->tbd || e->last_day < first || e->first_day > last)
			continue;
		if (e->day_precise)
			sel[nsel++] = i;
		else
			push(r, band, band_entry(r, e));
	}
	for (d = from; d <= to; d += DAYS_PER_WEEK) {
		struct tv *w = rmap(r), *cells = rlist(r);
		int k;

		for (k = 0; k < DAYS_PER_WEEK; k++)
			push(r, cells, grid_cell(r, c, sel, nsel, d + k, key));
		put(r, w, "days", cells);
		push(r, weeks, w);
	}
	format_month(&t, key);
	put_buf(r, m, "month", &t);
	buf_printf(&dir, "%.*s %s", SL_FMT(label(r, L_TITLE_CALENDAR)), t.ptr);
	put_buf(r, m, "title", &dir);
	buf_reset(&dir);
	put(r, m, "weeks", weeks);
	put(r, m, "band", band);
	put_bool(r, m, "has_day_items", nsel > 0);
	if (key > range[0])
		put_neighbour(r, m, "prev", key - 1);
	if (key < range[1])
		put_neighbour(r, m, "next", key + 1);
	put_nav(r, m, range, true, "nav_month");
	month_dir(r, &dir, key);
	emit_page(r, "calendar-month", dir.ptr, m, true);
	buf_free(&t);
	buf_free(&dir);
}

static void render_months(struct render *r, const struct cal *c,
			  const int64_t range[2])
{
	size_t *sel = xcalloc(c->n + 1, sizeof(*sel));
	int64_t k;

	/* Each month looks at every entry: a twentieth of a page each. */
	for (k = range[0]; k <= range[1]; k++) {
		if (unit_begin(r, UNIT_PAGE + c->n / 80))
			render_month(r, c, k, range, sel);
		unit_end(r);
	}
	free(sel);
}

/* ---- the subscription page ---- */

static void render_subscribe(struct render *r, const struct cal *c,
			     const int64_t range[2], bool have_grid)
{
	struct tv *m = rmap(r);
	struct buf dir = BUF_INIT;

	put_label(r, m, "title", L_TITLE_SUBSCRIBE);
	put(r, m, "facets", facet_lists(r, c, -1, -1));
	put_nav(r, m, range, have_grid, "nav_subscribe");
	section_dir(r, &dir, K_EVENT, CAL_DIR_SUBSCRIBE, SL(""));
	emit_page(r, "calendar-subscribe", dir.ptr, m, true);
	buf_free(&dir);
}

/* ---- event pages ---- */

static struct tv *partner_links(struct render *r, const struct list *l)
{
	struct tv *out = rlist(r);
	size_t i;

	for (i = 0; i < l->n; i++)
		push(r, out, partner_link(r, &LIST_AT(*l, struct ref, i)));
	return out;
}

static struct tv *programme(struct render *r, const struct event *e)
{
	struct tv *out = rlist(r);
	size_t i;

	for (i = 0; i < e->programme.n; i++) {
		const struct programme_entry *p =
			&LIST_AT(e->programme, struct programme_entry, i);
		struct tv *m = rmap(r);
		struct buf t = BUF_INIT;

		if (p->start.fd->prec == FD_MOMENT) {
			int from = p->start.fd->from.first_minute;

			if (p->end.set && p->end.fd->prec == FD_MOMENT)
				nl_format_time_range(&t, from,
						     p->end.fd->from.first_minute);
			else
				nl_format_time(&t, from);
			put_buf(r, m, "time", &t);
			buf_reset(&t);
			brussels_put_moment(&t, p->start.fd->from.first_day,
					    from, CIVIL_HH_MM);
			put_buf(r, m, "datetime", &t);
		} else {
			fuzzydate_format_nl(&t, p->start.fd,
					    p->end.set ? p->end.fd : NULL);
			put_buf(r, m, "time", &t);
		}
		put_text(r, m, "title", &p->title);
		push(r, out, m);
		buf_free(&t);
	}
	return out;
}

/* The place: its name, the service page it is held at (whose address
 * stands in when the event gives none), and the address. */
static void put_location(struct render *r, struct tv *m, const struct event *e)
{
	struct tv *loc = rmap(r);
	const struct service *sv = NULL;

	if (!e->location.h.set)
		return;
	put_text(r, loc, "name", &e->location.name);
	put_text(r, loc, "address", &e->location.address);
	if (e->location.service.set) {
		sv = (const struct service *)
		     r->s->kinds[K_SERVICE].v[e->location.service.index];
		put(r, loc, "service", item_link(r, &sv->it));
		if (!e->location.address.set && sv->address.h.set) {
			struct tv *a = rmap(r);

			put_address(r, a, &sv->address);
			put(r, loc, "service_address",
			    (struct tv *)tv_map_get(a, "address"));
		}
		if (!e->location.name.set)
			put_sl(r, loc, "name", sv->name.s);
	}
	put(r, m, "location", loc);
}

static void put_registration(struct render *r, struct tv *m,
			     const struct event *e)
{
	struct tv *reg;

	if (!e->registration.h.set)
		return;
	reg = rmap(r);
	put_text(r, reg, "url", &e->registration.url);
	put_date(r, reg, "deadline", &e->registration.deadline, NULL);
	if (e->registration.capacity.set)
		put_int(r, reg, "capacity", e->registration.capacity.v);
	put(r, m, "registration", reg);
}

static void render_event(struct render *r, const struct cal_entry *ce,
			 const int64_t range[2], bool have_grid)
{
	const struct event *e = ce->ev;
	struct tv *m = event_card(r, e);
	struct buf dir = BUF_INIT;

	put_sl(r, m, "title", e->title.s);
	if (e->organiser.set)
		put(r, m, "organiser", partner_link(r, &e->organiser));
	put(r, m, "co_organisers", partner_links(r, &e->co_organisers));
	put(r, m, "audience", vocab_list(r, V_AUDIENCE, &e->audience));
	put_location(r, m, e);
	put_text(r, m, "online_url", &e->online.url);
	put_registration(r, m, e);
	put(r, m, "programme", programme(r, e));
	/* A public event may serve an internal fiche: its title is not
	 * the edition's to show. */
	if (e->action.set &&
	    r->s->kinds[K_ACTION].v[e->action.index]->published)
		put(r, m, "action", item_link(r,
		    r->s->kinds[K_ACTION].v[e->action.index]));
	if (e->attendance.set)
		put_int(r, m, "attendance", e->attendance.v);
	put_bool(r, m, "past", is_past(r, ce));
	put_nav(r, m, range, have_grid, "nav_event");
	if (ce->day_precise && have_grid)
		put_month_url(r, m, "event_month_url", month_key(ce->first_day));
	cal_put_export(r, m, ce);
	put_body(r, m, &e->it);
	item_dir(r, &e->it, &dir);
	emit_page(r, "event", dir.ptr, m, true);
	buf_free(&dir);
}

/* ---- series: an action's recurrence against its events ---- */

/* The events of the fiche's plan year that serve it, as report.c counts
 * them (one definition for the fiche, the report and the calendar):
 * planned is every one not cancelled, held those over and reported. */
void calendar_series_counts(struct render *r, const struct action *a,
			    int *planned, int *held)
{
	struct action_series sr;

	action_series(r->s, a, a->plan.set ? (int)a->plan.v : 0,
		      r->s->now_day, &sr);
	*planned = (int)(sr.planned + sr.held + sr.unreported);
	*held = (int)sr.held;
}

void put_series(struct render *r, struct tv *m, const struct action *a)
{
	struct tv *s;
	struct buf b = BUF_INIT;
	int planned, held;
	long long target;
	char n[24];

	if (!recurrence_per_year(a, &target))
		return;
	calendar_series_counts(r, a, &planned, &held);
	s = rmap(r);
	put_int(r, s, "planned", planned);
	put_int(r, s, "held", held);
	put_int(r, s, "target", target);
	if (a->plan.set)
		put_int(r, s, "year", a->plan.v);
	if (a->recurrence.min.v)
		buf_printf(&b, "%.*s ", SL_FMT(label(r, L_AT_LEAST)));
	buf_printf(&b, "%lld", target);
	snprintf(n, sizeof(n), "%d", planned);
	put_label_fill(r, s, "planned_text", L_SERIES_PLANNED,
		       (const struct label_arg[]){
			{ "planned", sl_cstr(n) },
			{ "target", buf_slice(&b) } }, 2);
	snprintf(n, sizeof(n), "%d", held);
	put_label_fill(r, s, "held_text", L_SERIES_HELD,
		       &(const struct label_arg){ "held", sl_cstr(n) }, 1);
	put(r, m, "series", s);
	buf_free(&b);
}

/* ---- the URL set ---- */

static void claim(struct render *r, const char *path, const char *fmt,
		  struct slice id)
{
	struct buf what = BUF_INIT;

	buf_printf(&what, fmt, SL_FMT(id));
	claim_url(r, path, what.ptr, NULL, (struct pos){ 0, 0 });
	buf_free(&what);
}

void claim_calendar_urls(struct render *r)
{
	static const char *const facet_what[CF__COUNT][2] = {
		{ "the calendar of event type '%.*s'",
		  "de kalender van activiteitensoort '%.*s'" },
		{ "the calendar of audience '%.*s'",
		  "de kalender van doelgroep '%.*s'" },
		{ "the calendar of municipality '%.*s'",
		  "de kalender van gemeente '%.*s'" } };
	const struct diag_ctx *d = &r->b->diag;
	struct cal c;
	struct buf p = BUF_INIT;
	int64_t range[2], k;
	size_t i;
	int f;

	cal_collect(r, &c);
	section_dir(r, &p, K_EVENT, CAL_DIR_SUBSCRIBE, SL(""));
	claim(r, p.ptr, diag_tr(d, "the calendar's subscription page%.*s",
				"de abonneerpagina van de kalender%.*s"), SL(""));
	for (f = 0; f < CF__COUNT; f++)
		for (i = 0; i < r->s->cfg.vocab[cal_facet_vocab[f]].n; i++) {
			if (!cal_facet_first(r, (enum cal_facet)f, i))
				continue;
			buf_reset(&p);
			facet_dir(r, &p, (enum cal_facet)f, (int)i);
			claim(r, p.ptr, diag_tr(d, facet_what[f][0],
						facet_what[f][1]),
			      LIST_AT(r->s->cfg.vocab[cal_facet_vocab[f]],
				      struct vocab_entry, i).id.s);
		}
	if (grid_range(r, &c, range))
		for (k = range[0]; k <= range[1]; k++) {
			buf_reset(&p);
			month_dir(r, &p, k);
			claim(r, p.ptr, diag_tr(d, "a month of the calendar%.*s",
						"een maand van de kalender%.*s"),
			      SL(""));
		}
	cal_claim_feeds(r, &c);
	buf_free(&p);
	cal_free(&c);
}

/* ---- the stage ---- */

void render_calendar(struct render *r)
{
	struct cal c;
	int64_t range[2] = { 0, 0 };
	bool have_grid;
	size_t i;
	int f;

	cal_collect(r, &c);
	cal_index(r, &c);
	have_grid = grid_range(r, &c, range);
	for (i = 0; i < c.n; i++) {
		if (!c.v[i].ev)
			continue;
		if (unit_begin(r, UNIT_PAGE))
			render_event(r, &c.v[i], range, have_grid);
		unit_end(r);
	}
	if (unit_begin(r, unit_list_weight(c.n)))
		render_list(r, &c, false, -1, -1, range, have_grid);
	unit_end(r);
	if (unit_begin(r, unit_list_weight(c.n)))
		render_list(r, &c, true, -1, -1, range, have_grid);
	unit_end(r);
	for (f = 0; f < CF__COUNT; f++)
		for (i = 0; i < r->s->cfg.vocab[cal_facet_vocab[f]].n; i++) {
			const struct cal_facet_index *x = &c.facet[f];

			if (!cal_facet_first(r, (enum cal_facet)f, i))
				continue;
			if (unit_begin(r, unit_list_weight(x->off[i + 1] -
							   x->off[i])))
				render_list(r, &c, false, f, (int)i, range,
					    have_grid);
			unit_end(r);
		}
	if (have_grid)
		render_months(r, &c, range);
	render_subscribe(r, &c, range, have_grid);
	cal_write_feeds(r, &c);
	cal_free(&c);
}
