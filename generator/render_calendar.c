/*
 * render_calendar: the activity calendar's pages.
 *
 * Events sort by their earliest possible moment, then precision, then id
 * (content-model section 3), so a month-precise item never pretends to be
 * on the 1st.  The list shows upcoming items from "now" grouped by month,
 * the archive the past ones newest first; every event has its own page,
 * which stays online after the event so old newsletters keep working.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "civil.h"
#include "dutch.h"
#include "fuzzydate.h"
#include "render_int.h"
#include "xalloc.h"

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
			if (t->v[i]->published)
				r->events[r->nevents++] = (struct event *)t->v[i];
		qsort(r->events, r->nevents, sizeof(*r->events), cmp_events);
	}
	*n = r->nevents;
	return r->events;
}

static bool is_past(struct render *r, const struct event *e)
{
	return fuzzydate_is_past(e->start.fd, e->end.set ? e->end.fd : NULL,
				 r->s->now_day);
}

static void put_status(struct render *r, struct tv *m, const struct event *e)
{
	int s = e->status.v;

	put_cstr(r, m, "status", words_event_status[s]);
	put_label(r, m, "status_label", L_EVENT_STATUS(s));
	put_bool(r, m, "cancelled", s == ES_CANCELLED);
	put_bool(r, m, "postponed", s == ES_POSTPONED);
	put_bool(r, m, "tentative", e->tentative.v);
	put_bool(r, m, "flagged", s == ES_CANCELLED || s == ES_POSTPONED ||
				  e->tentative.v);
}

/* <time datetime>: a day or moment in ISO form, only when day-precise. */
static void put_datetime(struct render *r, struct tv *m, const struct date *d)
{
	const struct fd_point *p = &d->fd->from;
	struct buf b = BUF_INIT;

	if (d->fd->prec == FD_MOMENT)
		buf_printf(&b, "%04d-%02d-%02dT%02d:%02d", p->year, p->month,
			   p->day, p->hour, p->minute);
	else if (d->fd->prec == FD_DAY)
		buf_printf(&b, "%04d-%02d-%02d", p->year, p->month, p->day);
	else if (d->fd->prec == FD_MONTH)
		buf_printf(&b, "%04d-%02d", p->year, p->month);
	else if (d->fd->prec == FD_YEAR)
		buf_printf(&b, "%04d", p->year);
	if (b.len)
		put_buf(r, m, "datetime", &b);
	buf_free(&b);
}

struct tv *event_card(struct render *r, const struct event *e)
{
	struct tv *m = item_link(r, &e->it);

	put_date(r, m, "date", &e->start, &e->end);
	put_datetime(r, m, &e->start);
	put_text(r, m, "date_label", &e->label);
	put_status(r, m, e);
	if (e->type.set)
		put(r, m, "type", vocab_tv(r, V_EVENT_TYPE, &e->type));
	put_text(r, m, "location", &e->location.name);
	put(r, m, "municipalities", vocab_list(r, V_MUNICIPALITY,
					       &e->municipalities));
	put_bool(r, m, "online", e->online.url.set);
	put_bool(r, m, "fuzzy", !fuzzydate_is_day_precise(e->start.fd));
	return m;
}

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
			int from = p->start.fd->from.hour * 60 +
				   p->start.fd->from.minute;

			if (p->end.set && p->end.fd->prec == FD_MOMENT)
				nl_format_time_range(&t, from,
						     p->end.fd->from.hour * 60 +
						     p->end.fd->from.minute);
			else
				nl_format_time(&t, from);
		} else {
			fuzzydate_format_nl(&t, p->start.fd,
					    p->end.set ? p->end.fd : NULL);
		}
		put_buf(r, m, "time", &t);
		put_text(r, m, "title", &p->title);
		push(r, out, m);
		buf_free(&t);
	}
	return out;
}

static void put_place(struct render *r, struct tv *m, const struct event *e)
{
	struct tv *loc = rmap(r), *reg;

	if (e->location.h.set) {
		put_text(r, loc, "name", &e->location.name);
		put_text(r, loc, "address", &e->location.address);
		if (e->location.service.set)
			put(r, loc, "service", item_link(r,
			    r->s->kinds[K_SERVICE].v[e->location.service.index]));
		put(r, m, "location", loc);
	}
	put_text(r, m, "online_url", &e->online.url);
	if (e->registration.h.set) {
		reg = rmap(r);
		put_text(r, reg, "url", &e->registration.url);
		put_date(r, reg, "deadline", &e->registration.deadline, NULL);
		if (e->registration.capacity.set)
			put_int(r, reg, "capacity", e->registration.capacity.v);
		put(r, m, "registration", reg);
	}
}

static void render_event(struct render *r, const struct event *e)
{
	struct tv *m = event_card(r, e);
	struct buf dir = BUF_INIT;

	put_sl(r, m, "title", e->title.s);
	if (e->organiser.set)
		put(r, m, "organiser", partner_link(r, &e->organiser));
	put(r, m, "co_organisers", partner_links(r, &e->co_organisers));
	put(r, m, "audience", vocab_list(r, V_AUDIENCE, &e->audience));
	put_place(r, m, e);
	put(r, m, "programme", programme(r, e));
	if (e->action.set)
		put(r, m, "action", item_link(r,
		    r->s->kinds[K_ACTION].v[e->action.index]));
	if (e->attendance.set)
		put_int(r, m, "attendance", e->attendance.v);
	put_bool(r, m, "past", is_past(r, e));
	put_cstr(r, m, "calendar_url", kind_url(r, K_EVENT));
	put_body(r, m, &e->it);
	buf_printf(&dir, "%s/%.*s/", r->kind_path[K_EVENT], SL_FMT(e->it.id));
	emit_page(r, "event", dir.ptr, m, true);
	buf_free(&dir);
}

/* Upcoming items grouped by the month of their earliest moment; items
 * without a known date go last, under "datum volgt". */
static struct tv *month_groups(struct render *r, bool past)
{
	struct event *const *ev;
	struct tv *groups = rlist(r), *items = NULL;
	int64_t cur = -1;
	size_t n, k;

	ev = events_by_date(r, &n);
	for (k = 0; k < n; k++) {
		const struct event *e = ev[past ? n - 1 - k : k];
		const struct fuzzydate *fd = e->start.fd;
		int64_t key, y;
		int mo, d;

		if (is_past(r, e) != past)
			continue;
		if (fd->prec == FD_TBD) {
			key = 0;
		} else {
			civil_from_days(fd->first_day, &y, &mo, &d);
			key = y * 12 + mo;
		}
		if (key != cur || items == NULL) {
			struct tv *g = rmap(r);
			struct buf t = BUF_INIT;

			if (key)
				nl_format_month(&t, (int)(key - 1) / 12,
						(int)((key - 1) % 12) + 1);
			else
				buf_puts(&t, "datum volgt");
			put_buf(r, g, "heading", &t);
			buf_reset(&t);
			if (key)
				buf_printf(&t, "%04d-%02d", (int)((key - 1) / 12),
					   (int)((key - 1) % 12) + 1);
			else
				buf_puts(&t, "datum-volgt");
			put_buf(r, g, "id", &t);
			buf_free(&t);
			items = rlist(r);
			put(r, g, "items", items);
			push(r, groups, g);
			cur = key;
		}
		push(r, items, event_card(r, e));
	}
	return groups;
}

static void render_list(struct render *r, bool past)
{
	struct tv *m = rmap(r);
	struct buf dir = BUF_INIT;

	put_label(r, m, "title", past ? L_TITLE_ARCHIVE : L_TITLE_CALENDAR);
	put(r, m, "groups", month_groups(r, past));
	put_bool(r, m, "archive", past);
	put_cstr(r, m, "calendar_url", kind_url(r, K_EVENT));
	buf_printf(&dir, "%s/", r->kind_path[K_EVENT]);
	put_cstr(r, m, "archive_url", past ? NULL : "");
	if (past)
		buf_puts(&dir, "archief/");
	emit_page(r, "calendar", dir.ptr, m, true);
	buf_free(&dir);
}

void render_calendar(struct render *r)
{
	struct event *const *ev;
	size_t n, i;

	ev = events_by_date(r, &n);
	for (i = 0; i < n; i++)
		render_event(r, ev[i]);
	render_list(r, false);
	render_list(r, true);
}
