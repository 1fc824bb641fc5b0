/*
 * render_directory: the partner directory and the services list.
 *
 * Partners are grouped by cluster, then by partner type; each partner page
 * lists what it is part of, computed from the rest of the site (actions it
 * leads or joins, events it organises, services it runs).  Services are
 * grouped by municipality, then category.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzzydate.h"
#include "render_int.h"
#include "xalloc.h"

static void put_address(struct render *r, struct tv *m,
			const struct address *a)
{
	struct tv *ad;

	if (!a->h.set)
		return;
	ad = rmap(r);
	put_text(r, ad, "street", &a->street);
	put_text(r, ad, "postcode", &a->postcode);
	if (a->municipality.set)
		put_sl(r, ad, "municipality", vocab_label(r->s, V_MUNICIPALITY,
							  a->municipality.index));
	else
		put_text(r, ad, "municipality", &a->place);
	put(r, m, "address", ad);
}

/* tel: links want the number without blanks or punctuation. */
static void put_phone(struct render *r, struct tv *m, const struct text *t)
{
	struct buf tel = BUF_INIT;
	size_t i;

	if (!t->set)
		return;
	for (i = 0; i < t->s.len; i++)
		if ((t->s.ptr[i] >= '0' && t->s.ptr[i] <= '9') ||
		    (t->s.ptr[i] == '+' && tel.len == 0))
			buf_putc(&tel, t->s.ptr[i]);
	put_text(r, m, "phone", t);
	put_buf(r, m, "tel", &tel);
	buf_free(&tel);
}

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

/* Groups items by two vocabularies: (outer, inner) ids of each item. */
struct grouping {
	enum vocab outer, inner;
	int (*outer_of)(const struct item *);
	int (*inner_of)(const struct item *);
	struct tv *(*card)(struct render *, const struct item *);
};

static struct tv *group_items(struct render *r, const struct grouping *g,
			      struct item *const *v, size_t n)
{
	struct tv *groups = rlist(r);
	size_t no = r->s->cfg.vocab[g->outer].n, ni = r->s->cfg.vocab[g->inner].n;
	size_t o, in, i;

	for (o = 0; o <= no; o++) {
		struct tv *og = rmap(r), *subs = rlist(r);

		for (in = 0; in <= ni; in++) {
			struct tv *ig = rmap(r), *items = rlist(r);

			for (i = 0; i < n; i++) {
				int a = g->outer_of(v[i]), b = g->inner_of(v[i]);

				if ((a < 0 ? no : (size_t)a) == o &&
				    (b < 0 ? ni : (size_t)b) == in)
					push(r, items, g->card(r, v[i]));
			}
			if (!tv_len(items))
				continue;
			put_sl(r, ig, "label", in < ni ?
			       vocab_label(r->s, g->inner, (int)in) : label(r, L_OTHER));
			put(r, ig, "items", items);
			put_int(r, ig, "count", (long long)tv_len(items));
			push(r, subs, ig);
		}
		if (!tv_len(subs))
			continue;
		put_sl(r, og, "label", o < no ?
		       vocab_label(r->s, g->outer, (int)o) : label(r, L_OTHER));
		put(r, og, "groups", subs);
		push(r, groups, og);
	}
	return groups;
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

static struct item **published(const struct kind_table *t, size_t *n)
{
	struct item **v = xcalloc(t->n + 1, sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 0; i < t->n; i++)
		if (t->v[i]->published)
			v[(*n)++] = t->v[i];
	return v;
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
	v = published(t, &n);
	m = rmap(r);
	put_label(r, m, "title", L_TITLE_PARTNERS);
	put(r, m, "clusters", group_items(r, &g, v, n));
	put_int(r, m, "count", (long long)n);
	buf_printf(&dir, "%s/", r->kind_path[K_PARTNER]);
	emit_page(r, "partners", dir.ptr, m, true);
	buf_free(&dir);
	free(v);
}

/* ---- services ---- */

static struct tv *service_card(struct render *r, const struct item *it)
{
	const struct service *s = (const struct service *)it;
	struct tv *m = item_link(r, it);

	if (s->category.set)
		put(r, m, "category", vocab_tv(r, V_SERVICE_CATEGORY, &s->category));
	put(r, m, "municipality", vocab_tv(r, V_MUNICIPALITY, &s->municipality));
	put_address(r, m, &s->address);
	put_phone(r, m, &s->phone);
	put_text(r, m, "opening_hours", &s->opening_hours);
	put_text(r, m, "sociale_kaart", &s->sociale_kaart);
	return m;
}

static void render_service(struct render *r, const struct service *s)
{
	struct tv *m = service_card(r, &s->it);
	struct buf dir = BUF_INIT, geo = BUF_INIT;

	put_sl(r, m, "title", s->name.s);
	put_text(r, m, "email", &s->email);
	put_text(r, m, "website", &s->website);
	put(r, m, "target_groups", text_list(r, &s->target_groups));
	if (s->partner.set)
		put(r, m, "partner", item_link(r,
		    r->s->kinds[K_PARTNER].v[s->partner.index]));
	if (s->geo.set) {
		buf_printf(&geo, "%.6f, %.6f", s->geo.lat, s->geo.lon);
		put_buf(r, m, "geo", &geo);
	}
	put_date(r, m, "updated", &s->updated, NULL);
	put_cstr(r, m, "map_url", kind_url(r, K_SERVICE));
	put_body(r, m, &s->it);
	buf_printf(&dir, "%s/%.*s/", r->kind_path[K_SERVICE], SL_FMT(s->it.id));
	emit_page(r, "service", dir.ptr, m, true);
	buf_free(&dir);
	buf_free(&geo);
}

static int service_municipality(const struct item *it)
{
	return ((const struct service *)it)->municipality.index;
}

static int service_category(const struct item *it)
{
	const struct service *s = (const struct service *)it;

	return s->category.set ? s->category.index : -1;
}

void render_services(struct render *r)
{
	static const struct grouping g = { V_MUNICIPALITY, V_SERVICE_CATEGORY,
		service_municipality, service_category, service_card };
	const struct kind_table *t = &r->s->kinds[K_SERVICE];
	struct item **v;
	struct tv *m;
	struct buf dir = BUF_INIT;
	size_t i, n;

	for (i = 0; i < t->n; i++)
		if (t->v[i]->published)
			render_service(r, (const struct service *)t->v[i]);
	v = published(t, &n);
	m = rmap(r);
	put_label(r, m, "title", L_TITLE_SERVICES);
	put(r, m, "municipalities", group_items(r, &g, v, n));
	put_int(r, m, "count", (long long)n);
	buf_printf(&dir, "%s/", r->kind_path[K_SERVICE]);
	emit_page(r, "services", dir.ptr, m, true);
	buf_free(&dir);
	free(v);
}
