/*
 * render_newsletters: the newsletter archive and each issue's page.
 *
 * The agenda block and the "partner in de kijker" block are drawn from the
 * records the issue names, never retyped, so a moved event shows its new
 * date in every issue that lists it.
 */
#include <stdlib.h>

#include "buf.h"
#include "fuzzydate.h"
#include "render_int.h"
#include "xalloc.h"

static int cmp_newest(const void *a, const void *b)
{
	const struct newsletter *x = *(struct newsletter *const *)a;
	const struct newsletter *y = *(struct newsletter *const *)b;
	int c = fuzzydate_cmp(y->date.fd, x->date.fd);

	return c ? c : sl_cmp(y->it.id, x->it.id);
}

static struct tv *issue_card(struct render *r, const struct newsletter *n)
{
	struct tv *m = item_link(r, &n->it);

	put_date(r, m, "date", &n->date, NULL);
	put_text(r, m, "summary", &n->summary);
	if (n->number.set)
		put_int(r, m, "number", n->number.v);
	return m;
}

static struct tv *spotlight(struct render *r, const struct newsletter *n)
{
	const struct partner *p;
	struct tv *m;

	if (!n->spotlight.set)
		return NULL;
	p = (const struct partner *)r->s->kinds[K_PARTNER].v[n->spotlight.index];
	m = item_link(r, &p->it);
	if (p->type.set)
		put(r, m, "type", vocab_tv(r, V_PARTNER_TYPE, &p->type));
	put_text(r, m, "website", &p->website);
	return m;
}

static void render_issue(struct render *r, struct newsletter **v, size_t n,
			 size_t i)
{
	const struct newsletter *nl = v[i];
	struct tv *m = issue_card(r, nl), *agenda = rlist(r), *sp;
	struct buf dir = BUF_INIT;
	size_t k;

	put_sl(r, m, "title", nl->title.s);
	put_text(r, m, "description", &nl->summary);
	for (k = 0; k < nl->events.n; k++) {
		const struct ref *ref = &LIST_AT(nl->events, struct ref, k);

		push(r, agenda, event_card(r,
		     (const struct event *)r->s->kinds[K_EVENT].v[ref->index]));
	}
	if (tv_len(agenda))
		put(r, m, "agenda", agenda);
	sp = spotlight(r, nl);
	if (sp)
		put(r, m, "spotlight", sp);
	if (i + 1 < n)
		put(r, m, "older", issue_card(r, v[i + 1]));
	if (i > 0)
		put(r, m, "newer", issue_card(r, v[i - 1]));
	put_cstr(r, m, "archive_url", kind_url(r, K_NEWSLETTER));
	put_body(r, m, &nl->it);
	buf_printf(&dir, "%s/%.*s/", r->kind_path[K_NEWSLETTER],
		   SL_FMT(nl->it.id));
	emit_page(r, "newsletter", dir.ptr, m, true);
	buf_free(&dir);
}

static void render_archive(struct render *r, struct newsletter **v, size_t n)
{
	struct tv *m = rmap(r), *years = rlist(r), *items = NULL;
	int year = 0;
	size_t i;
	struct buf dir = BUF_INIT;

	for (i = 0; i < n; i++) {
		if (items == NULL || v[i]->date.fd->from.year != year) {
			struct tv *g = rmap(r);

			year = v[i]->date.fd->from.year;
			put_int(r, g, "year", year);
			items = rlist(r);
			put(r, g, "issues", items);
			push(r, years, g);
		}
		push(r, items, issue_card(r, v[i]));
	}
	put_label(r, m, "title", L_TITLE_NEWSLETTERS);
	put(r, m, "years", years);
	put_text(r, m, "subscribe_url", &r->s->cfg.newsletter.subscribe_url);
	buf_printf(&dir, "%s/", r->kind_path[K_NEWSLETTER]);
	emit_page(r, "newsletters", dir.ptr, m, true);
	buf_free(&dir);
}

void render_newsletters(struct render *r)
{
	const struct kind_table *t = &r->s->kinds[K_NEWSLETTER];
	struct newsletter **v = xcalloc(t->n + 1, sizeof(*v));
	size_t i, n = 0;

	for (i = 0; i < t->n; i++)
		if (t->v[i]->published)
			v[n++] = (struct newsletter *)t->v[i];
	qsort(v, n, sizeof(*v), cmp_newest);
	for (i = 0; i < n; i++)
		render_issue(r, v, n, i);
	render_archive(r, v, n);
	free(v);
}
