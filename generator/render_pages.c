/*
 * render_pages: free pages and the home page.
 *
 * The home page is what a partner sees first: the next activities, the
 * latest newsletter and the action plan at a glance, all drawn from the
 * same records as the section pages.
 */
#include "buf.h"
#include "fuzzydate.h"
#include "render_int.h"
#include "report.h"

enum { HOME_EVENTS = 5 };

void render_pages(struct render *r)
{
	const struct kind_table *t = &r->s->kinds[K_PAGE];
	size_t i;

	for (i = 0; i < t->n; i++) {
		const struct page *p = (const struct page *)t->v[i];
		struct tv *m;
		struct buf dir = BUF_INIT;

		if (!p->it.published)
			continue;
		m = rmap(r);
		put_text(r, m, "title", &p->title);
		put_text(r, m, "description", &p->summary);
		put_text(r, m, "summary", &p->summary);
		put_body(r, m, &p->it);
		buf_printf(&dir, "%.*s/", SL_FMT(p->it.id));
		emit_page(r, "page", dir.ptr, m, true);
		buf_free(&dir);
	}
}

static struct tv *latest_newsletter(struct render *r)
{
	const struct kind_table *t = &r->s->kinds[K_NEWSLETTER];
	const struct newsletter *best = NULL;
	struct tv *m;
	size_t i;

	for (i = 0; i < t->n; i++) {
		const struct newsletter *n = (const struct newsletter *)t->v[i];

		/* An issue prepared ahead is online (its mail will link to
		 * it) but is not yet "the latest". */
		if (!n->it.published || n->date.fd->first_day > r->s->now_day)
			continue;
		if (!best || fuzzydate_cmp(n->date.fd, best->date.fd) > 0)
			best = n;
	}
	if (!best)
		return NULL;
	m = item_link(r, &best->it);
	put_date(r, m, "date", &best->date, NULL);
	put_text(r, m, "summary", &best->summary);
	return m;
}

static struct tv *plan_glance(struct render *r)
{
	const struct kind_table *t = &r->s->kinds[K_ACTION];
	size_t i, counts[6] = { 0 }, total = 0;
	struct tv *m = rmap(r);

	for (i = 0; i < t->n; i++) {
		const struct action *a = (const struct action *)t->v[i];

		if (!a->it.published || a->template_.v == TPL_STUB)
			continue;
		counts[a->status.v]++;
		total++;
	}
	put_int(r, m, "total", (long long)total);
	put_int(r, m, "running", (long long)counts[AS_RUNNING]);
	put_int(r, m, "planned", (long long)counts[AS_PLANNED]);
	put_int(r, m, "done", (long long)counts[AS_DONE]);
	put_cstr(r, m, "url", kind_url(r, K_ACTION));
	return m;
}

void render_home(struct render *r)
{
	struct tv *m = rmap(r), *events = rlist(r), *nl;
	struct event *const *ev;
	size_t n, i, shown = 0;

	ev = events_by_date(r, &n);
	for (i = 0; i < n && shown < HOME_EVENTS; i++) {
		if (event_is_past(ev[i], r->s->now_day))
			continue;
		push(r, events, event_card(r, ev[i]));
		shown++;
	}
	put_text(r, m, "title", &r->s->cfg.zone.name);
	put(r, m, "events", events);
	put_cstr(r, m, "calendar_url", kind_url(r, K_EVENT));
	nl = latest_newsletter(r);
	if (nl)
		put(r, m, "newsletter", nl);
	put_cstr(r, m, "newsletters_url", kind_url(r, K_NEWSLETTER));
	put(r, m, "plan", plan_glance(r));
	emit_page(r, "home", "", m, true);
}
