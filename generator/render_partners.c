/*
 * render_partners: the partner directory, its facets, and each partner's
 * page, vCard and row of the CSV export.
 *
 * The directory answers "who can I refer to?": partners grouped by
 * cluster, then by partner type, each group in Dutch alphabetical order
 * (collate.h), with an A-Z index and static pages per municipality and
 * per type, so that everything works without a script; partners.js only
 * adds a filter box on top.  A partner's page shows what the partner is
 * part of, drawn from the rest of the site through the reference index
 * of partner_refs.h, and what a machine needs to use it: a vCard
 * (RFC 6350) and schema.org Organization data as JSON-LD.  The whole
 * directory is also written as CSV (RFC 4180) for mail merges.
 *
 * Everything is sorted with total orders (names, then ids; dates, then
 * ids), so two builds give the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "collate.h"
#include "fuzzydate.h"
#include "geojson.h"
#include "partner_refs.h"
#include "render_int.h"
#include "report.h"
#include "vcard.h"
#include "xalloc.h"

#define CSV_FILE "partners.csv"

struct entry {
	const struct partner *p;
	int index;              /* in the site's partner table */
	struct buf key;         /* collate_key of the name */
	char initial;           /* collate_initial() */
};

struct directory {
	struct render *r;
	struct entry *v;        /* published partners in directory order */
	size_t n;
	struct partner_refs refs;
	/* Partners per municipality and per type, counted once: every
	 * facet page shows every facet value's count. */
	size_t *in_municipality, *of_type;
};

/* ---- order ---- */

static int cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = sl_cmp(buf_slice(&x->key), buf_slice(&y->key));

	return c ? c : sl_cmp(x->p->it.id, y->p->it.id);
}

static bool has_ref(const struct list *l, int index)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (LIST_AT(*l, struct ref, i).index == index)
			return true;
	return false;
}

static void count_facets(struct directory *d)
{
	const struct site_config *c = &d->r->s->cfg;
	size_t i, j;

	d->in_municipality = xcalloc(c->vocab[V_MUNICIPALITY].n + 1,
				     sizeof(size_t));
	d->of_type = xcalloc(c->vocab[V_PARTNER_TYPE].n + 1, sizeof(size_t));
	for (i = 0; i < d->n; i++) {
		const struct partner *p = d->v[i].p;
		const struct list *l = &p->municipalities;

		/* No repeats to skip: validation rejects a name listed twice. */
		for (j = 0; j < l->n; j++) {
			int m = LIST_AT(*l, struct ref, j).index;

			if (m >= 0)
				d->in_municipality[m]++;
		}
		if (p->type.set && p->type.index >= 0)
			d->of_type[p->type.index]++;
	}
}

static void directory_open(struct directory *d, struct render *r)
{
	const struct kind_table *t = &r->s->kinds[K_PARTNER];
	size_t i;

	memset(d, 0, sizeof(*d));
	d->r = r;
	d->v = xcalloc(t->n + 1, sizeof(*d->v));
	for (i = 0; i < t->n; i++) {
		struct entry *e;

		if (!t->v[i]->published)
			continue;
		e = &d->v[d->n++];
		e->p = (const struct partner *)t->v[i];
		e->index = (int)i;
		buf_init(&e->key, 64);
		collate_key(&e->key, e->p->name.s);
		e->initial = collate_initial(e->p->name.s);
	}
	qsort(d->v, d->n, sizeof(*d->v), cmp_entry);
	partner_refs_build(&d->refs, r->s);
	count_facets(d);
}

static void directory_close(struct directory *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		buf_free(&d->v[i].key);
	free(d->v);
	free(d->in_municipality);
	free(d->of_type);
	partner_refs_free(&d->refs);
}

/* ---- URLs ---- */

static void vcf_path(struct render *r, struct buf *b, const struct partner *p)
{
	buf_printf(b, "%s/%.*s.vcf", r->kind_path[K_PARTNER], SL_FMT(p->it.id));
}

/* ---- small values ---- */

/* The digits of a phone number, for tel: URIs ("+32 50 00 23 70" ->
 * "+3250002370"). */
static void tel_digits(struct buf *b, struct slice phone)
{
	size_t i, start = b->len;

	for (i = 0; i < phone.len; i++)
		if ((phone.ptr[i] >= '0' && phone.ptr[i] <= '9') ||
		    (phone.ptr[i] == '+' && b->len == start))
			buf_putc(b, phone.ptr[i]);
}

/* "https://www.example.be/" -> "www.example.be": a readable link text. */
static struct slice website_label(struct slice url)
{
	if (sl_starts_with(url, "https://"))
		url = sl_make(url.ptr + 8, url.len - 8);
	else if (sl_starts_with(url, "http://"))
		url = sl_make(url.ptr + 7, url.len - 7);
	if (url.len > 1 && url.ptr[url.len - 1] == '/')
		url.len--;
	return url;
}

static struct slice address_place(struct render *r, const struct address *a)
{
	if (a->municipality.set)
		return vocab_label(r->s, V_MUNICIPALITY, a->municipality.index);
	return a->place.set ? a->place.s : SL("");
}

static void put_search(struct render *r, struct tv *m, const struct partner *p)
{
	struct buf text = BUF_INIT, f = BUF_INIT;
	size_t i;

	buf_putsl(&text, p->name.s);
	if (p->short_name.set)
		buf_printf(&text, " %.*s", SL_FMT(p->short_name.s));
	if (p->type.set)
		buf_printf(&text, " %.*s", SL_FMT(vocab_label(r->s,
			   V_PARTNER_TYPE, p->type.index)));
	if (p->cluster.set)
		buf_printf(&text, " %.*s", SL_FMT(vocab_label(r->s,
			   V_CLUSTER, p->cluster.index)));
	for (i = 0; i < p->municipalities.n; i++)
		buf_printf(&text, " %.*s", SL_FMT(vocab_label(r->s,
			   V_MUNICIPALITY, LIST_AT(p->municipalities,
						   struct ref, i).index)));
	collate_fold(&f, buf_slice(&text));
	put_buf(r, m, "search", &f);
	buf_free(&text);
	buf_free(&f);
}

/* ---- cards ---- */

static struct tv *facet_links(struct render *r, const struct list *l)
{
	struct tv *out = rlist(r);
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct ref *ref = &LIST_AT(*l, struct ref, i);
		struct tv *m = vocab_tv(r, V_MUNICIPALITY, ref);

		put_cstr(r, m, "url", section_url(r, K_PARTNER,
			 PARTNER_FACET_MUNICIPALITY, ref->id));
		push(r, out, m);
	}
	return out;
}

static struct tv *partner_card(struct render *r, const struct partner *p)
{
	struct tv *m = item_link(r, &p->it);
	struct buf logo = BUF_INIT;

	put_text(r, m, "short_name", &p->short_name);
	if (p->type.set) {
		struct tv *t = vocab_tv(r, V_PARTNER_TYPE, &p->type);

		put_cstr(r, t, "url", section_url(r, K_PARTNER,
			 PARTNER_FACET_TYPE, p->type.id));
		put(r, m, "type", t);
	}
	put(r, m, "municipalities", facet_links(r, &p->municipalities));
	put_phone(r, m, &p->phone);
	put_text(r, m, "email", &p->email);
	if (p->website.set) {
		put_text(r, m, "website", &p->website);
		put_sl(r, m, "website_label", website_label(p->website.s));
	}
	if (p->logo.set) {
		buf_putsl(&logo, r->base_path);
		buf_putsl(&logo, p->logo.s);
		put_buf(r, m, "logo", &logo);
	}
	put_bool(r, m, "member", p->member.v);
	put_bool(r, m, "board", p->board.v);
	put_bool(r, m, "badges", p->member.v || p->board.v);
	put_search(r, m, p);
	buf_free(&logo);
	return m;
}

/* ---- groups: cluster, then type ---- */

/* Which partners a list shows: all, or those of one facet value. */
struct filter {
	enum vocab v;           /* V__COUNT: no filter */
	int index;
};

static bool keep(const struct partner *p, const struct filter *f)
{
	if (f->v == V_MUNICIPALITY)
		return has_ref(&p->municipalities, f->index);
	if (f->v == V_PARTNER_TYPE)
		return p->type.set && p->type.index == f->index;
	return true;
}

/* A vocabulary position, with "none" after the last entry. */
static size_t slot(const struct ref *ref, size_t n)
{
	return ref->set && ref->index >= 0 ? (size_t)ref->index : n;
}

static struct tv *type_group(struct directory *d, const struct filter *f,
			     size_t cluster, size_t type, long long *count)
{
	struct render *r = d->r;
	size_t nc = r->s->cfg.vocab[V_CLUSTER].n;
	size_t nt = r->s->cfg.vocab[V_PARTNER_TYPE].n;
	struct tv *g = rmap(r), *items = rlist(r);
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct partner *p = d->v[i].p;

		if (slot(&p->cluster, nc) == cluster &&
		    slot(&p->type, nt) == type && keep(p, f))
			push(r, items, partner_card(r, p));
	}
	if (!tv_len(items))
		return NULL;
	put_sl(r, g, "label", type < nt ? vocab_label(r->s, V_PARTNER_TYPE,
			(int)type) : label(r, L_OTHER));
	put(r, g, "items", items);
	put_int(r, g, "count", (long long)tv_len(items));
	*count += (long long)tv_len(items);
	return g;
}

static struct tv *clusters(struct directory *d, const struct filter *f)
{
	struct render *r = d->r;
	const struct list *cv = &r->s->cfg.vocab[V_CLUSTER];
	size_t nt = r->s->cfg.vocab[V_PARTNER_TYPE].n;
	struct tv *out = rlist(r);
	size_t c, t;

	for (c = 0; c <= cv->n; c++) {
		struct tv *m = rmap(r), *groups = rlist(r);
		struct buf id = BUF_INIT;
		long long count = 0;

		for (t = 0; t <= nt; t++) {
			struct tv *g = type_group(d, f, c, t, &count);

			if (g)
				push(r, groups, g);
		}
		if (!tv_len(groups))
			continue;
		buf_printf(&id, "cluster-%.*s", SL_FMT(c < cv->n ?
			   LIST_AT(*cv, struct vocab_entry, c).id.s :
			   SL("overige")));
		put_buf(r, m, "id", &id);
		put_sl(r, m, "label", c < cv->n ? vocab_label(r->s, V_CLUSTER,
			(int)c) : label(r, L_OTHER));
		put(r, m, "groups", groups);
		put_int(r, m, "count", count);
		push(r, out, m);
		buf_free(&id);
	}
	return out;
}

/* ---- facets ---- */

static size_t facet_count(const struct directory *d, const struct filter *f)
{
	return f->v == V_MUNICIPALITY ? d->in_municipality[f->index]
				      : d->of_type[f->index];
}

static const char *facet_folder(enum vocab v)
{
	return v == V_MUNICIPALITY ? PARTNER_FACET_MUNICIPALITY
				   : PARTNER_FACET_TYPE;
}

/* The facet values that have partners: {label, url, count, current}. */
static struct tv *facet_list(struct directory *d, enum vocab v, int current)
{
	struct render *r = d->r;
	const struct list *l = &r->s->cfg.vocab[v];
	struct tv *out = rlist(r);
	size_t i;

	for (i = 0; i < l->n; i++) {
		struct filter f = { v, (int)i };
		size_t n = facet_count(d, &f);
		struct tv *m;

		if (n == 0)
			continue;
		m = rmap(r);
		put_sl(r, m, "label", vocab_label(r->s, v, (int)i));
		put_cstr(r, m, "url", section_url(r, K_PARTNER, facet_folder(v),
			 LIST_AT(*l, struct vocab_entry, i).id.s));
		put_int(r, m, "count", (long long)n);
		put_bool(r, m, "current", (int)i == current);
		push(r, out, m);
	}
	return out;
}

static void put_facet_nav(struct directory *d, struct tv *m, enum vocab v,
			  int current)
{
	struct render *r = d->r;

	put(r, m, "municipalities", facet_list(d, V_MUNICIPALITY,
			v == V_MUNICIPALITY ? current : -1));
	put(r, m, "types", facet_list(d, V_PARTNER_TYPE,
			v == V_PARTNER_TYPE ? current : -1));
	put_cstr(r, m, "municipalities_url",
		 section_url(r, K_PARTNER, PARTNER_FACET_MUNICIPALITY, SL("")));
	put_cstr(r, m, "types_url",
		 section_url(r, K_PARTNER, PARTNER_FACET_TYPE, SL("")));
	put_cstr(r, m, "directory_url", kind_url(r, K_PARTNER));
}

static void render_facet(struct directory *d, enum vocab v, size_t i)
{
	struct render *r = d->r;
	const struct vocab_entry *e = &LIST_AT(r->s->cfg.vocab[v],
					       struct vocab_entry, i);
	struct filter f = { v, (int)i };
	size_t n = facet_count(d, &f);
	struct tv *m;
	struct buf dir = BUF_INIT;
	struct label_arg value = { v == V_MUNICIPALITY ? "municipality" :
				   "type", vocab_label(r->s, v, (int)i) };

	if (n == 0)
		return;
	m = rmap(r);
	put_label_fill(r, m, "title", v == V_MUNICIPALITY ?
		       L_TITLE_PARTNERS_MUNICIPALITY : L_TITLE_PARTNERS_TYPE,
		       &value, 1);
	put_sl(r, m, "facet_label", vocab_label(r->s, v, (int)i));
	put_bool(r, m, "by_municipality", v == V_MUNICIPALITY);
	put_int(r, m, "count", (long long)n);
	put_bool(r, m, "one", n == 1);
	put(r, m, "clusters", clusters(d, &f));
	put_facet_nav(d, m, v, (int)i);
	section_dir(r, &dir, K_PARTNER, facet_folder(v), e->id.s);
	emit_page(r, "partners-facet", dir.ptr, m, true);
	buf_free(&dir);
}

/* /partners/gemeente/ and /partners/soort/: the facet values. */
static void render_facet_index(struct directory *d, enum vocab v)
{
	struct render *r = d->r;
	struct tv *m = rmap(r);
	struct buf dir = BUF_INIT;

	put_label(r, m, "title", v == V_MUNICIPALITY ?
		  L_TITLE_PARTNERS_MUNICIPALITIES : L_TITLE_PARTNERS_TYPES);
	put_bool(r, m, "by_municipality", v == V_MUNICIPALITY);
	put(r, m, "values", facet_list(d, v, -1));
	put_facet_nav(d, m, V__COUNT, -1);
	section_dir(r, &dir, K_PARTNER, facet_folder(v), SL(""));
	emit_page(r, "partners-facets", dir.ptr, m, true);
	buf_free(&dir);
}

static void render_facets(struct directory *d)
{
	size_t i;

	for (i = 0; i < d->r->s->cfg.vocab[V_MUNICIPALITY].n; i++)
		render_facet(d, V_MUNICIPALITY, i);
	for (i = 0; i < d->r->s->cfg.vocab[V_PARTNER_TYPE].n; i++)
		render_facet(d, V_PARTNER_TYPE, i);
	render_facet_index(d, V_MUNICIPALITY);
	render_facet_index(d, V_PARTNER_TYPE);
}

/* ---- the A-Z index ---- */

static void letter_id(struct buf *b, char c)
{
	if (c == COLLATE_BEFORE_A)
		buf_puts(b, "letter-0");
	else if (c == COLLATE_AFTER_Z)
		buf_puts(b, "letter-andere");
	else
		buf_printf(b, "letter-%c", c - 'A' + 'a');
}

static void put_letter(struct render *r, struct tv *m, char letter)
{
	struct buf s = BUF_INIT;

	letter_id(&s, letter);
	put_buf(r, m, "id", &s);
	buf_reset(&s);
	if (letter == COLLATE_BEFORE_A)
		buf_puts(&s, "0–9");
	else if (letter == COLLATE_AFTER_Z)
		buf_putsl(&s, label(r, L_PARTNERS_LETTER_OTHER));
	else
		buf_putc(&s, letter);
	put_buf(r, m, "letter", &s);
	buf_free(&s);
}

/* The jump list: "0-9" first and "Andere" last when there are such names,
 * A to Z between them, letters without names as plain text. */
static struct tv *az_letters(struct directory *d)
{
	static const char order[] = { COLLATE_BEFORE_A, 'A', 'B', 'C', 'D',
		'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q',
		'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', COLLATE_AFTER_Z,
		0 };
	struct render *r = d->r;
	struct tv *out = rlist(r);
	size_t i, l;

	for (l = 0; order[l]; l++) {
		bool has = false, extra = order[l] < 'A' || order[l] > 'Z';
		struct tv *m;

		for (i = 0; i < d->n && !has; i++)
			has = d->v[i].initial == order[l];
		if (extra && !has)
			continue;
		m = rmap(r);
		put_letter(r, m, order[l]);
		put_bool(r, m, "has", has);
		push(r, out, m);
	}
	return out;
}

static struct tv *az_index(struct directory *d)
{
	struct render *r = d->r;
	struct tv *out = rlist(r), *items = NULL;
	size_t i;
	char cur = 0;

	for (i = 0; i < d->n; i++) {
		const struct partner *p = d->v[i].p;
		struct tv *it;

		if (items == NULL || d->v[i].initial != cur) {
			struct tv *m = rmap(r);

			cur = d->v[i].initial;
			put_letter(r, m, cur);
			items = rlist(r);
			put(r, m, "items", items);
			push(r, out, m);
		}
		it = item_link(r, &p->it);
		put_text(r, it, "short_name", &p->short_name);
		put_search(r, it, p);
		push(r, items, it);
	}
	return out;
}

/* ---- the directory ---- */

static void render_directory(struct directory *d)
{
	struct render *r = d->r;
	struct tv *m = rmap(r);
	struct filter all = { V__COUNT, -1 };
	struct buf dir = BUF_INIT, csv = BUF_INIT;

	put_label(r, m, "title", L_TITLE_PARTNERS);
	put_int(r, m, "count", (long long)d->n);
	put(r, m, "clusters", clusters(d, &all));
	put(r, m, "letters", az_letters(d));
	put(r, m, "az", az_index(d));
	put_facet_nav(d, m, V__COUNT, -1);
	buf_putsl(&csv, r->base_path);
	buf_printf(&csv, "%s/%s", r->kind_path[K_PARTNER], CSV_FILE);
	put_buf(r, m, "csv_url", &csv);
	buf_printf(&dir, "%s/", r->kind_path[K_PARTNER]);
	emit_page(r, "partners", dir.ptr, m, true);
	buf_free(&dir);
	buf_free(&csv);
}

/* ---- a partner's page: what it is part of ---- */

/* The first reference of each record in a run of one kind's references
 * (a record's references are next to each other in the index). */
static bool first_of_record(const struct pref_list *l, size_t i)
{
	return i == 0 || l->v[i - 1].from != l->v[i].from;
}

static int cmp_actions(const void *a, const void *b)
{
	const struct action *x = *(const struct action *const *)a;
	const struct action *y = *(const struct action *const *)b;

	if (x->plan.v != y->plan.v)
		return x->plan.v > y->plan.v ? -1 : 1;
	return sl_cmp(x->it.id, y->it.id);
}

static const struct pref *role_in(const struct pref_list *l, size_t i,
				  enum kind k)
{
	/* The record's strongest role: the index lists field references
	 * (lead before partners, organiser before co-organisers, spotlight)
	 * before links in the body. */
	const struct item *from = l->v[i].from;

	if (from->kind != k || !from->published || !first_of_record(l, i))
		return NULL;
	return &l->v[i];
}

static struct tv *action_links(struct directory *d, const struct pref_list *l)
{
	struct render *r = d->r;
	const struct action **v = xcalloc(l->n + 1, sizeof(*v));
	bool *lead = xcalloc(l->n + 1, sizeof(*lead));
	struct tv *out = rlist(r);
	size_t i, j, n = 0;

	for (i = 0; i < l->n; i++) {
		const struct pref *p = role_in(l, i, K_ACTION);
		const struct action *a;

		if (p == NULL || p->role == PREF_LINK)
			continue;
		a = (const struct action *)p->from;
		if (a->template_.v == TPL_STUB)
			continue;
		v[n++] = a;
	}
	qsort(v, n, sizeof(*v), cmp_actions);
	for (i = 0; i < n; i++) {
		struct tv *m = item_link(r, &v[i]->it);

		for (j = 0; j < l->n; j++)
			lead[i] |= l->v[j].from == &v[i]->it &&
				   l->v[j].role == PREF_LEAD;
		put_int(r, m, "plan", v[i]->plan.v);
		put_text(r, m, "code", &v[i]->code);
		put_bool(r, m, "lead", lead[i]);
		push(r, out, m);
	}
	free(v);
	free(lead);
	return out;
}

struct dated {
	const struct item *it;
	const struct fuzzydate *fd;
	bool co;                /* co-organiser, not organiser */
};

static int cmp_dated_up(const void *a, const void *b)
{
	const struct dated *x = a, *y = b;
	int c = fuzzydate_cmp(x->fd, y->fd);

	return c ? c : sl_cmp(x->it->id, y->it->id);
}

static int cmp_dated_down(const void *a, const void *b)
{
	return cmp_dated_up(b, a);
}

static struct tv *event_list(struct render *r, struct dated *v, size_t n,
			     bool past)
{
	struct tv *out = rlist(r);
	size_t i;

	qsort(v, n, sizeof(*v), past ? cmp_dated_down : cmp_dated_up);
	for (i = 0; i < n; i++) {
		const struct event *e = (const struct event *)v[i].it;
		struct tv *m = item_link(r, &e->it);

		put_date(r, m, "date", &e->start, &e->end);
		put_text(r, m, "date_label", &e->label);
		put_bool(r, m, "co", v[i].co);
		put_bool(r, m, "cancelled", e->status.v == ES_CANCELLED);
		push(r, out, m);
	}
	return out;
}

static void put_events(struct directory *d, struct tv *m,
		       const struct pref_list *l)
{
	struct render *r = d->r;
	struct dated *up = xcalloc(l->n + 1, sizeof(*up));
	struct dated *past = xcalloc(l->n + 1, sizeof(*past));
	size_t i, nup = 0, npast = 0;

	for (i = 0; i < l->n; i++) {
		const struct pref *p = role_in(l, i, K_EVENT);
		const struct event *e;
		struct dated x;

		if (p == NULL || p->role == PREF_LINK)
			continue;
		e = (const struct event *)p->from;
		x = (struct dated){ &e->it, e->start.fd,
				    p->role == PREF_CO_ORGANISER };
		if (event_is_past(e, r->s->now_day))
			past[npast++] = x;
		else
			up[nup++] = x;
	}
	put(r, m, "upcoming", event_list(r, up, nup, false));
	put(r, m, "past", event_list(r, past, npast, true));
	put_bool(r, m, "has_any_events", nup + npast > 0);
	free(up);
	free(past);
}

static int cmp_names(const void *a, const void *b)
{
	const struct item *x = *(const struct item *const *)a;
	const struct item *y = *(const struct item *const *)b;
	int c = collate_cmp(item_title(x), item_title(y));

	return c ? c : sl_cmp(x->id, y->id);
}

static struct tv *service_links(struct directory *d, const struct pref_list *l)
{
	struct render *r = d->r;
	const struct item **v = xcalloc(l->n + 1, sizeof(*v));
	struct tv *out = rlist(r);
	size_t i, n = 0;

	for (i = 0; i < l->n; i++) {
		const struct pref *p = role_in(l, i, K_SERVICE);

		if (p && p->role == PREF_RUNS)
			v[n++] = p->from;
	}
	qsort(v, n, sizeof(*v), cmp_names);
	for (i = 0; i < n; i++) {
		const struct service *s = (const struct service *)v[i];
		struct tv *m = item_link(r, v[i]);

		if (s->municipality.set)
			put_sl(r, m, "municipality", vocab_label(r->s,
			       V_MUNICIPALITY, s->municipality.index));
		push(r, out, m);
	}
	free(v);
	return out;
}

static int cmp_issues(const void *a, const void *b)
{
	const struct newsletter *x = (const struct newsletter *)
		(*(const struct pref *const *)a)->from;
	const struct newsletter *y = (const struct newsletter *)
		(*(const struct pref *const *)b)->from;
	int c = fuzzydate_cmp(y->date.fd, x->date.fd);

	return c ? c : sl_cmp(y->it.id, x->it.id);
}

static struct tv *newsletter_links(struct directory *d,
				   const struct pref_list *l)
{
	struct render *r = d->r;
	const struct pref **v = xcalloc(l->n + 1, sizeof(*v));
	struct tv *out = rlist(r);
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		if (role_in(l, i, K_NEWSLETTER))
			v[n++] = &l->v[i];
	qsort(v, n, sizeof(*v), cmp_issues);
	for (i = 0; i < n; i++) {
		const struct newsletter *nl =
			(const struct newsletter *)v[i]->from;
		struct tv *m = item_link(r, &nl->it);

		put_date(r, m, "date", &nl->date, NULL);
		put_bool(r, m, "spotlight", v[i]->role == PREF_SPOTLIGHT);
		push(r, out, m);
	}
	free(v);
	return out;
}

/* ---- JSON-LD: schema.org Organization ---- */

static void json_key(struct buf *b, const char *key)
{
	if (b->len && b->ptr[b->len - 1] != '{' && b->ptr[b->len - 1] != '[')
		buf_putc(b, ',');
	json_put_string(b, sl_cstr(key));
	buf_putc(b, ':');
}

static void json_field(struct buf *b, const char *key, struct slice v)
{
	if (v.ptr == NULL || v.len == 0)
		return;
	json_key(b, key);
	json_put_string(b, v);
}

static void jsonld_address(struct render *r, struct buf *j,
			   const struct address *a)
{
	if (!a->h.set)
		return;
	json_key(j, "address");
	buf_puts(j, "{");
	json_field(j, "@type", SL("PostalAddress"));
	if (a->street.set)
		json_field(j, "streetAddress", a->street.s);
	if (a->postcode.set)
		json_field(j, "postalCode", a->postcode.s);
	json_field(j, "addressLocality", address_place(r, a));
	buf_puts(j, "}");
}

static void jsonld(struct render *r, const struct partner *p,
		   struct slice summary, struct buf *j)
{
	struct buf u = BUF_INIT;
	size_t i;

	buf_puts(j, "{");
	json_field(j, "@context", SL("https://schema.org"));
	json_field(j, "@type", SL("Organization"));
	abs_url(r, &u, SL(""));
	item_dir(r, &p->it, &u);
	json_field(j, "mainEntityOfPage", buf_slice(&u));
	json_field(j, "name", p->name.s);
	if (p->short_name.set)
		json_field(j, "alternateName", p->short_name.s);
	json_field(j, "description", summary);
	if (p->website.set)
		json_field(j, "url", p->website.s);
	if (p->email.set)
		json_field(j, "email", p->email.s);
	if (p->phone.set)
		json_field(j, "telephone", p->phone.s);
	if (p->logo.set) {
		buf_reset(&u);
		abs_url(r, &u, p->logo.s);
		json_field(j, "logo", buf_slice(&u));
	}
	jsonld_address(r, j, &p->address);
	if (p->municipalities.n) {
		json_key(j, "areaServed");
		buf_puts(j, "[");
		for (i = 0; i < p->municipalities.n; i++) {
			if (i)
				buf_putc(j, ',');
			json_put_string(j, vocab_label(r->s, V_MUNICIPALITY,
				 LIST_AT(p->municipalities, struct ref,
					 i).index));
		}
		buf_puts(j, "]");
	}
	if (p->member.v) {
		json_key(j, "memberOf");
		buf_puts(j, "{");
		json_field(j, "@type", SL("Organization"));
		json_field(j, "name", r->s->cfg.zone.name.s);
		buf_reset(&u);
		abs_url(r, &u, SL(""));
		json_field(j, "url", buf_slice(&u));
		buf_puts(j, "}");
	}
	buf_puts(j, "}");
	buf_free(&u);
}

/* ---- vCard ---- */

static void partner_vcard(struct render *r, const struct partner *p,
			  struct slice summary, struct buf *out)
{
	struct buf t = BUF_INIT;
	struct slice cat[2];
	size_t ncat = 0;

	vcard_begin(out);
	vcard_text(out, "KIND", SL("org"));
	vcard_text(out, "FN", p->name.s);
	vcard_structured(out, "ORG", &p->name.s, 1);
	if (p->short_name.set)
		vcard_list(out, "NICKNAME", &p->short_name.s, 1);
	if (p->type.set)
		cat[ncat++] = vocab_label(r->s, V_PARTNER_TYPE, p->type.index);
	if (p->cluster.set)
		cat[ncat++] = vocab_label(r->s, V_CLUSTER, p->cluster.index);
	if (ncat)
		vcard_list(out, "CATEGORIES", cat, ncat);
	if (p->phone.set) {
		buf_puts(&t, "tel:");
		tel_digits(&t, p->phone.s);
		vcard_uri(out, "TEL;VALUE=uri;TYPE=work", buf_slice(&t));
	}
	if (p->email.set)
		vcard_text(out, "EMAIL;TYPE=work", p->email.s);
	if (p->website.set)
		vcard_uri(out, "URL;TYPE=work", p->website.s);
	if (p->address.h.set) {
		const struct address *a = &p->address;
		struct slice adr[7] = { SL(""), SL(""),
			a->street.set ? a->street.s : SL(""),
			address_place(r, a), SL(""),
			a->postcode.set ? a->postcode.s : SL(""), SL("") };

		vcard_structured(out, "ADR;TYPE=work", adr, 7);
	}
	if (p->logo.set) {
		buf_reset(&t);
		abs_url(r, &t, p->logo.s);
		vcard_uri(out, "LOGO", buf_slice(&t));
	}
	if (summary.len)
		vcard_text(out, "NOTE", summary);
	buf_reset(&t);
	abs_url(r, &t, SL(""));
	item_dir(r, &p->it, &t);
	vcard_uri(out, "UID", buf_slice(&t));
	buf_reset(&t);
	abs_url(r, &t, SL(""));
	vcf_path(r, &t, p);
	vcard_uri(out, "SOURCE", buf_slice(&t));
	vcard_end(out);
	buf_free(&t);
}

/* ---- CSV (RFC 4180) ---- */

static void csv_field(struct buf *b, struct slice v, bool first)
{
	size_t i;
	bool quote = false;

	if (!first)
		buf_putc(b, ',');
	for (i = 0; i < v.len && !quote; i++)
		quote = v.ptr[i] == ',' || v.ptr[i] == '"' ||
			v.ptr[i] == '\r' || v.ptr[i] == '\n';
	if (!quote) {
		buf_putsl(b, v);
		return;
	}
	buf_putc(b, '"');
	for (i = 0; i < v.len; i++) {
		if (v.ptr[i] == '"')
			buf_putc(b, '"');
		buf_putc(b, v.ptr[i]);
	}
	buf_putc(b, '"');
}

static const char *const csv_header[] = { "id", "naam", "korte_naam",
	"soort", "cluster", "gemeenten", "telefoon", "email", "website",
	"straat", "postcode", "gemeente", "lid", "bestuur", "bijgewerkt",
	"pagina", NULL };

static struct slice text_or_empty(const struct text *t)
{
	return t->set ? t->s : SL("");
}

static void csv_row(struct render *r, struct buf *b, const struct partner *p)
{
	struct buf munis = BUF_INIT, url = BUF_INIT;
	const struct address *a = &p->address;
	size_t i;

	for (i = 0; i < p->municipalities.n; i++)
		buf_printf(&munis, "%s%.*s", i ? ", " : "",
			   SL_FMT(vocab_label(r->s, V_MUNICIPALITY,
			   LIST_AT(p->municipalities, struct ref, i).index)));
	abs_url(r, &url, SL(""));
	item_dir(r, &p->it, &url);
	csv_field(b, p->it.id, true);
	csv_field(b, p->name.s, false);
	csv_field(b, text_or_empty(&p->short_name), false);
	csv_field(b, p->type.set ? vocab_label(r->s, V_PARTNER_TYPE,
		  p->type.index) : SL(""), false);
	csv_field(b, p->cluster.set ? vocab_label(r->s, V_CLUSTER,
		  p->cluster.index) : SL(""), false);
	csv_field(b, buf_slice(&munis), false);
	csv_field(b, text_or_empty(&p->phone), false);
	csv_field(b, text_or_empty(&p->email), false);
	csv_field(b, text_or_empty(&p->website), false);
	csv_field(b, a->h.set ? text_or_empty(&a->street) : SL(""), false);
	csv_field(b, a->h.set ? text_or_empty(&a->postcode) : SL(""), false);
	csv_field(b, a->h.set ? address_place(r, a) : SL(""), false);
	csv_field(b, p->member.v ? SL("ja") : SL("nee"), false);
	csv_field(b, p->board.v ? SL("ja") : SL("nee"), false);
	csv_field(b, p->updated.set ? p->updated.raw : SL(""), false);
	csv_field(b, buf_slice(&url), false);
	buf_puts(b, "\r\n");
	buf_free(&munis);
	buf_free(&url);
}

static void render_csv(struct directory *d)
{
	struct buf b = BUF_INIT, path = BUF_INIT;
	size_t i;

	for (i = 0; csv_header[i]; i++)
		csv_field(&b, sl_cstr(csv_header[i]), i == 0);
	buf_puts(&b, "\r\n");
	for (i = 0; i < d->n; i++)
		csv_row(d->r, &b, d->v[i].p);
	buf_printf(&path, "%s/%s", d->r->kind_path[K_PARTNER], CSV_FILE);
	emit_file(d->r, path.ptr, &b);
	buf_free(&b);
	buf_free(&path);
}

/* ---- a partner's page and vCard ---- */

static void render_partner(struct directory *d, const struct entry *e)
{
	struct render *r = d->r;
	const struct partner *p = e->p;
	const struct pref_list *refs = &d->refs.of[e->index];
	struct tv *m = partner_card(r, p);
	struct buf dir = BUF_INIT, summary = BUF_INIT, j = BUF_INIT;
	struct buf vcf = BUF_INIT, vpath = BUF_INIT;

	if (p->it.doc)
		md_summary(p->it.doc, &summary);
	put_sl(r, m, "title", p->name.s);
	put_buf(r, m, "description", &summary);
	if (p->cluster.set)
		put(r, m, "cluster", vocab_tv(r, V_CLUSTER, &p->cluster));
	put_address(r, m, &p->address);
	put_date(r, m, "updated", &p->updated, NULL);
	put(r, m, "actions", action_links(d, refs));
	put_events(d, m, refs);
	put(r, m, "services", service_links(d, refs));
	put(r, m, "newsletters", newsletter_links(d, refs));
	put_cstr(r, m, "directory_url", kind_url(r, K_PARTNER));
	vcf_path(r, &vpath, p);
	buf_putsl(&dir, r->base_path);
	buf_putsl(&dir, buf_slice(&vpath));
	put_buf(r, m, "vcard_url", &dir);
	jsonld(r, p, buf_slice(&summary), &j);
	put_buf(r, m, "jsonld", &j);
	put_body(r, m, &p->it);
	partner_vcard(r, p, buf_slice(&summary), &vcf);
	emit_file(r, vpath.ptr, &vcf);
	buf_reset(&dir);
	item_dir(r, &p->it, &dir);
	emit_page(r, "partner", dir.ptr, m, true);
	buf_free(&dir);
	buf_free(&summary);
	buf_free(&j);
	buf_free(&vcf);
	buf_free(&vpath);
}

/* ---- the stage ---- */

static bool vocab_used(const struct site *s, enum vocab v, int index)
{
	const struct kind_table *t = &s->kinds[K_PARTNER];
	struct filter f = { v, index };
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i]->published &&
		    keep((const struct partner *)t->v[i], &f))
			return true;
	return false;
}

void claim_partner_urls(struct render *r)
{
	static const enum vocab facets[] = { V_MUNICIPALITY, V_PARTNER_TYPE };
	const struct kind_table *t = &r->s->kinds[K_PARTNER];
	const struct pos none = { 0, 0 };
	const char *dir_what = diag_tr(&r->b->diag, "the partner directory",
				       "de partnergids");
	struct buf p = BUF_INIT;
	size_t i, k;

	for (k = 0; k < 2; k++) {
		const struct list *l = &r->s->cfg.vocab[facets[k]];

		buf_reset(&p);
		section_dir(r, &p, K_PARTNER, facet_folder(facets[k]), SL(""));
		claim_url(r, p.ptr, dir_what, NULL, none);
		for (i = 0; i < l->n; i++) {
			if (!vocab_used(r->s, facets[k], (int)i))
				continue;
			buf_reset(&p);
			section_dir(r, &p, K_PARTNER, facet_folder(facets[k]),
				    LIST_AT(*l, struct vocab_entry, i).id.s);
			claim_url(r, p.ptr, dir_what, NULL, none);
		}
	}
	buf_reset(&p);
	buf_printf(&p, "%s/%s", r->kind_path[K_PARTNER], CSV_FILE);
	claim_url(r, p.ptr, dir_what, NULL, none);
	for (i = 0; i < t->n; i++) {
		if (!t->v[i]->published)
			continue;
		buf_reset(&p);
		vcf_path(r, &p, (const struct partner *)t->v[i]);
		claim_url(r, p.ptr, dir_what, NULL, none);
	}
	buf_free(&p);
}

void render_partners(struct render *r)
{
	struct directory d;
	size_t i;

	directory_open(&d, r);
	for (i = 0; i < d.n; i++) {
		if (unit_begin(r, UNIT_PAGE))
			render_partner(&d, &d.v[i]);
		unit_end(r);
	}
	if (unit_begin(r, unit_list_weight(d.n)))
		render_directory(&d);
	unit_end(r);
	/* Twice a list: each facet page filters every partner. */
	if (unit_begin(r, 2 * unit_list_weight(d.n)))
		render_facets(&d);
	unit_end(r);
	if (unit_begin(r, unit_list_weight(d.n)))
		render_csv(&d);
	unit_end(r);
	directory_close(&d);
}
