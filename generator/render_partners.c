/*
 * render_partners: the partner directory and each partner's page.
 *
 * Partners are grouped by cluster, then by partner type; each partner page
 * lists what it is part of, computed from the rest of the site (actions it
 * leads or joins, events it organises, services it runs).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzzydate.h"
#include "render_int.h"
#include "xalloc.h"

static struct tv *partner_card(struct render *r, const struct partner *p)
{
	struct tv *m = item_link(r, &p->it);
	struct buf logo = BUF_INIT;

	put_text(r, m, "short_name", &p->short_name);
	if (p->type.set)
		put(r, m, "type", vocab_tv(r, V_PARTNER_TYPE, &p->type));
	put(r, m, "municipalities", vocab_list(r, V_MUNICIPALITY,
					       &p->municipalities));
	put_phone(r, m, &p->phone);
	put_text(r, m, "email", &p->email);
	put_text(r, m, "website", &p->website);
	if (p->logo.set) {
		buf_putsl(&logo, r->base_path);
		buf_putsl(&logo, p->logo.s);
		put_buf(r, m, "logo", &logo);
	}
	put_bool(r, m, "member", p->member.v);
	put_bool(r, m, "board", p->board.v);
	buf_free(&logo);
	return m;
}

static bool refers(const struct list *l, int index)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (LIST_AT(*l, struct ref, i).index == index)
			return true;
	return false;
}

/* What the partner is part of, from the other records' references. */
static void put_backlinks(struct render *r, struct tv *m, int index)
{
	const struct site *s = r->s;
	struct tv *actions = rlist(r), *events = rlist(r), *services = rlist(r);
	size_t i;

	for (i = 0; i < s->kinds[K_ACTION].n; i++) {
		const struct action *a = (const struct action *)s->kinds[K_ACTION].v[i];

		if (a->it.published && (a->lead.index == index ||
					refers(&a->partners, index)))
			push(r, actions, item_link(r, &a->it));
	}
	for (i = 0; i < s->kinds[K_EVENT].n; i++) {
		const struct event *e = (const struct event *)s->kinds[K_EVENT].v[i];

		if (e->it.published && ((e->organiser.set &&
					 e->organiser.index == index) ||
					refers(&e->co_organisers, index)))
			push(r, events, event_card(r, e));
	}
	for (i = 0; i < s->kinds[K_SERVICE].n; i++) {
		const struct service *sv = (const struct service *)s->kinds[K_SERVICE].v[i];

		if (sv->it.published && sv->partner.set &&
		    sv->partner.index == index)
			push(r, services, item_link(r, &sv->it));
	}
	if (tv_len(actions))
		put(r, m, "actions", actions);
	if (tv_len(events))
		put(r, m, "events", events);
	if (tv_len(services))
		put(r, m, "services", services);
}

static void render_partner(struct render *r, const struct partner *p, int index)
{
	struct tv *m = partner_card(r, p);
	struct buf dir = BUF_INIT;

	put_sl(r, m, "title", p->name.s);
	if (p->cluster.set)
		put(r, m, "cluster", vocab_tv(r, V_CLUSTER, &p->cluster));
	put_address(r, m, &p->address);
	put_date(r, m, "updated", &p->updated, NULL);
	put_backlinks(r, m, index);
	put_cstr(r, m, "directory_url", kind_url(r, K_PARTNER));
	put_body(r, m, &p->it);
	buf_printf(&dir, "%s/%.*s/", r->kind_path[K_PARTNER], SL_FMT(p->it.id));
	emit_page(r, "partner", dir.ptr, m, true);
	buf_free(&dir);
}

static int partner_cluster(const struct item *it)
{
	const struct partner *p = (const struct partner *)it;

	return p->cluster.set ? p->cluster.index : -1;
}

static int partner_type(const struct item *it)
{
	const struct partner *p = (const struct partner *)it;

	return p->type.set ? p->type.index : -1;
}

static struct tv *partner_card_item(struct render *r, const struct item *it)
{
	return partner_card(r, (const struct partner *)it);
}

void render_partners(struct render *r)
{
	static const struct grouping g = { V_CLUSTER, V_PARTNER_TYPE,
		partner_cluster, partner_type, partner_card_item };
	const struct kind_table *t = &r->s->kinds[K_PARTNER];
	struct item **v;
	struct tv *m;
	struct buf dir = BUF_INIT;
	size_t i, n;

	for (i = 0; i < t->n; i++)
		if (t->v[i]->published)
			render_partner(r, (const struct partner *)t->v[i], (int)i);
	v = published_items(t, &n);
	m = rmap(r);
	put_label(r, m, "title", L_TITLE_PARTNERS);
	put(r, m, "clusters", group_items(r, &g, v, n));
	put_int(r, m, "count", (long long)n);
	buf_printf(&dir, "%s/", r->kind_path[K_PARTNER]);
	emit_page(r, "partners", dir.ptr, m, true);
	buf_free(&dir);
	free(v);
}
