/*
 * partner_refs: the index of references to partners.  See partner_refs.h.
 */
#include "partner_refs.h"

#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "markdown.h"
#include "xalloc.h"

static void add(struct partner_refs *pr, const struct ref *ref,
		const struct item *from, enum pref_role role)
{
	struct pref_list *l;

	if (!ref->set || ref->index < 0 || (size_t)ref->index >= pr->n)
		return;
	l = &pr->of[ref->index];
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n++] = (struct pref){ from, role };
}

static void add_list(struct partner_refs *pr, const struct list *l,
		     const struct item *from, enum pref_role role)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		add(pr, &LIST_AT(*l, struct ref, i), from, role);
}

static void add_fields(struct partner_refs *pr, const struct item *it)
{
	switch (it->kind) {
	case K_ACTION: {
		const struct action *a = (const struct action *)it;

		add(pr, &a->lead, it, PREF_LEAD);
		add_list(pr, &a->partners, it, PREF_PARTNER);
		break;
	}
	case K_EVENT: {
		const struct event *e = (const struct event *)it;

		add(pr, &e->organiser, it, PREF_ORGANISER);
		add_list(pr, &e->co_organisers, it, PREF_CO_ORGANISER);
		break;
	}
	case K_SERVICE:
		add(pr, &((const struct service *)it)->partner, it, PREF_RUNS);
		break;
	case K_NEWSLETTER:
		add(pr, &((const struct newsletter *)it)->spotlight, it,
		    PREF_SPOTLIGHT);
		break;
	default:
		break;
	}
}

struct link_walk {
	struct partner_refs *pr;
	const struct site *s;
	const struct item *from;
};

static void on_link(void *ctx, const struct md_link_ref *ref)
{
	struct link_walk *w = ctx;
	struct ref r = { 0 };

	if (ref->kind != MD_LINK_PARTNER)
		return;
	r.index = model_find_index(w->s, K_PARTNER, ref->id);
	r.set = true;
	if (r.index >= 0 && w->s->kinds[K_PARTNER].v[r.index] != w->from)
		add(w->pr, &r, w->from, PREF_LINK);
}

void partner_refs_build(struct partner_refs *pr, const struct site *s)
{
	struct link_walk w = { pr, s, NULL };
	size_t i;
	int k;

	pr->n = s->kinds[K_PARTNER].n;
	pr->of = xcalloc(pr->n + 1, sizeof(*pr->of));
	for (k = 0; k < K__ITEMS; k++)
		for (i = 0; i < s->kinds[k].n; i++) {
			const struct item *it = s->kinds[k].v[i];

			add_fields(pr, it);
			w.from = it;
			if (it->doc)
				md_links(it->doc, on_link, &w);
		}
}

void partner_refs_free(struct partner_refs *pr)
{
	size_t i;

	for (i = 0; i < pr->n; i++)
		free(pr->of[i].v);
	free(pr->of);
	pr->of = NULL;
	pr->n = 0;
}

void partner_refs_check(struct build *b)
{
	const struct kind_table *t = &b->site.kinds[K_PARTNER];
	size_t i;

	for (i = 0; i < t->n; i++) {
		const struct partner *p = (const struct partner *)t->v[i];

		struct buf day = BUF_INIT;

		if (!model_is_stale(&p->updated, b->now_day))
			continue;
		buf_putsl(&day, p->updated.raw);
		diag(&b->diag, D_PARTNER_STALE, p->it.src, p->updated.pos,
		     day.ptr, (int)MODEL_STALE_MONTHS);
		buf_free(&day);
	}
}

size_t partner_refs_unreferenced(const struct site *s, struct buf *ids)
{
	struct partner_refs pr;
	size_t i, n = 0;

	partner_refs_build(&pr, s);
	for (i = 0; i < pr.n; i++) {
		if (pr.of[i].n)
			continue;
		if (n++)
			buf_puts(ids, ", ");
		buf_putsl(ids, s->kinds[K_PARTNER].v[i]->id);
	}
	partner_refs_free(&pr);
	return n;
}
