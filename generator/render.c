/*
 * render: the render stage's core.  See render.h and render_int.h.
 *
 * Order of work: find the theme and its templates; collect every URL the
 * build will publish (so links and aliases can be checked against the
 * whole site before any page is written); copy static files and theme
 * assets; render each kind's pages; write the alias redirects, 404.html,
 * sitemap.xml and robots.txt; then swap the new tree in, or throw it away
 * when anything was wrong.
 */
#include "render.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "calendar.h" /* CAL_DIR_ARCHIVE */
#include "dutch.h"
#include "frontmatter.h"
#include "fuzzydate.h"
#include "geojson.h"
#include "ledger.h"
#include "load.h"
#include "render_int.h"
#include "xalloc.h"

#ifndef ZONESITE_DATADIR
#define ZONESITE_DATADIR "/usr/local/share/zonesite"
#endif

enum { URL_MAX = 1024 };

/* ---- template data helpers ---- */

struct tv *rmap(struct render *r)
{
	return tv_map_new(&r->pa);
}

struct tv *rlist(struct render *r)
{
	return tv_list_new(&r->pa);
}

/* A list also gets "has_KEY", true when it has items as the page is
 * rendered (lists are often filled after they are put), so a template
 * can wrap it in <ul> only when there is something to list. */
void put(struct render *r, struct tv *m, const char *key, struct tv *v)
{
	tv_map_put(&r->pa, m, key, v);
	if (v && v->kind == TV_LIST) {
		struct buf k = BUF_INIT;

		buf_printf(&k, "has_%s", key);
		tv_map_put(&r->pa, m, arena_strndup(&r->pa, k.ptr, k.len),
			   tv_has(&r->pa, v));
		buf_free(&k);
	}
}

void put_sl(struct render *r, struct tv *m, const char *key, struct slice s)
{
	if (s.ptr != NULL)
		put(r, m, key, tv_str(&r->pa, s));
}

void put_text(struct render *r, struct tv *m, const char *key,
	      const struct text *t)
{
	if (t->set)
		put_sl(r, m, key, t->s);
}

void put_cstr(struct render *r, struct tv *m, const char *key, const char *s)
{
	if (s != NULL)
		put(r, m, key, tv_strdup(&r->pa, sl_cstr(s)));
}

void put_buf(struct render *r, struct tv *m, const char *key,
	     const struct buf *b)
{
	put(r, m, key, tv_strdup(&r->pa, buf_slice(b)));
}

void put_bool(struct render *r, struct tv *m, const char *key, bool v)
{
	put(r, m, key, tv_bool(&r->pa, v));
}

void put_int(struct render *r, struct tv *m, const char *key, long long v)
{
	put(r, m, key, tv_int(&r->pa, v));
}

void push(struct render *r, struct tv *list, struct tv *v)
{
	tv_list_push(&r->pa, list, v);
}

size_t tv_len(const struct tv *list)
{
	return list->kind == TV_LIST ? list->u.list.n : 0;
}

struct slice label(const struct render *r, enum label_id id)
{
	return r->labels.text[id];
}

void put_label(struct render *r, struct tv *m, const char *key,
	       enum label_id id)
{
	put_sl(r, m, key, label(r, id));
}

void put_label_fill(struct render *r, struct tv *m, const char *key,
		    enum label_id id, const struct label_arg *args,
		    size_t nargs)
{
	struct buf b = BUF_INIT;

	label_fill(&b, label(r, id), args, nargs);
	put_buf(r, m, key, &b);
	buf_free(&b);
}

/* ---- URLs ---- */

const char *kind_url(struct render *r, enum kind k)
{
	struct buf u = BUF_INIT;
	const char *s;

	buf_putsl(&u, r->base_path);
	if (r->kind_path[k][0])
		buf_printf(&u, "%s/", r->kind_path[k]);
	s = arena_strndup(&r->pa, u.ptr, u.len);
	buf_free(&u);
	return s;
}

void item_dir(struct render *r, const struct item *it, struct buf *b)
{
	if (r->kind_path[it->kind][0])
		buf_printf(b, "%s/", r->kind_path[it->kind]);
	buf_putsl(b, it->id);
	buf_putc(b, '/');
}

void section_dir(struct render *r, struct buf *b, enum kind k,
		 const char *sub, struct slice id)
{
	buf_printf(b, "%s/%s/", r->kind_path[k], sub);
	if (id.len)
		buf_printf(b, "%.*s/", SL_FMT(id));
}

const char *section_url(struct render *r, enum kind k, const char *sub,
			struct slice id)
{
	struct buf u = BUF_INIT;
	const char *s;

	buf_putsl(&u, r->base_path);
	section_dir(r, &u, k, sub, id);
	s = arena_strndup(&r->pa, u.ptr, u.len);
	buf_free(&u);
	return s;
}

/* base_url carries the base path already, without its trailing '/'. */
void abs_url(struct render *r, struct buf *b, struct slice rel)
{
	buf_putsl(b, r->base_url);
	buf_putc(b, '/');
	buf_putsl(b, rel);
}

void abs_site_url(struct render *r, struct buf *b, const char *url)
{
	size_t n = r->base_path.len;

	abs_url(r, b, strncmp(url, r->base_path.ptr, n) ? SL("") :
		sl_cstr(url + n));
}

const char *item_url(struct render *r, const struct item *it)
{
	struct buf u = BUF_INIT;
	const char *s;

	if (!it->published)
		return "";
	buf_putsl(&u, r->base_path);
	item_dir(r, it, &u);
	s = arena_strndup(&r->pa, u.ptr, u.len);
	buf_free(&u);
	return s;
}

struct slice item_title(const struct item *it)
{
	switch (it->kind) {
	case K_PAGE: return ((const struct page *)it)->title.s;
	case K_PARTNER: return ((const struct partner *)it)->name.s;
	case K_SERVICE: return ((const struct service *)it)->name.s;
	case K_ACTION: return ((const struct action *)it)->title.s;
	case K_EVENT: return ((const struct event *)it)->title.s;
	case K_NEWSLETTER: return ((const struct newsletter *)it)->title.s;
	default: break;
	}
	return it->id;
}

struct tv *item_link(struct render *r, const struct item *it)
{
	struct tv *m = rmap(r);

	put_sl(r, m, "label", item_title(it));
	put_sl(r, m, "id", it->id);
	if (it->published)
		put_cstr(r, m, "url", item_url(r, it));
	return m;
}

struct tv *partner_link(struct render *r, const struct ref *ref)
{
	struct tv *m;

	if (!ref->set)
		return NULL;
	if (ref->index == REF_ZONE) {
		m = rmap(r);
		put_text(r, m, "label", &r->s->cfg.zone.name);
		put_sl(r, m, "url", r->base_path);
		put_bool(r, m, "zone", true);
		return m;
	}
	return item_link(r, r->s->kinds[K_PARTNER].v[ref->index]);
}

struct tv *vocab_tv(struct render *r, enum vocab v, const struct ref *ref)
{
	struct tv *m = rmap(r);
	const struct vocab_entry *e;

	put_sl(r, m, "id", ref->id);
	put_sl(r, m, "label", vocab_label(r->s, v, ref->index));
	if (ref->index >= 0) {
		e = &LIST_AT(r->s->cfg.vocab[v], struct vocab_entry, ref->index);
		put_text(r, m, "color", &e->color);
	}
	return m;
}

struct tv *vocab_list(struct render *r, enum vocab v, const struct list *l)
{
	struct tv *out = rlist(r);
	size_t i;

	for (i = 0; i < l->n; i++)
		push(r, out, vocab_tv(r, v, &LIST_AT(*l, struct ref, i)));
	return out;
}

struct tv *text_list(struct render *r, const struct list *l)
{
	struct tv *out = rlist(r);
	size_t i;

	for (i = 0; i < l->n; i++)
		push(r, out, tv_str(&r->pa, LIST_AT(*l, struct text, i).s));
	return out;
}

void put_date(struct render *r, struct tv *m, const char *key,
	      const struct date *start, const struct date *end)
{
	struct buf b = BUF_INIT;

	if (!start->set)
		return;
	fuzzydate_format_nl(&b, start->fd, end && end->set ? end->fd : NULL);
	put_buf(r, m, key, &b);
	buf_free(&b);
}

/* ---- records shared by several kinds ---- */

void put_address(struct render *r, struct tv *m,
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
void put_phone(struct render *r, struct tv *m, const struct text *t)
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

struct tv *group_items(struct render *r, const struct grouping *g,
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

struct item **published_items(const struct kind_table *t, size_t *n)
{
	struct item **v = xcalloc(t->n + 1, sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 0; i < t->n; i++)
		if (t->v[i]->published)
			v[(*n)++] = t->v[i];
	return v;
}

/* ---- Markdown links ---- */

static const enum kind link_kinds[] = {
	[MD_LINK_EVENT] = K_EVENT, [MD_LINK_ACTION] = K_ACTION,
	[MD_LINK_PARTNER] = K_PARTNER, [MD_LINK_SERVICE] = K_SERVICE,
	[MD_LINK_NEWSLETTER] = K_NEWSLETTER, [MD_LINK_PAGE] = K_PAGE,
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_claim_path(const void *key, const void *elem)
{
	return strcmp(key, ((const struct url_claim *)elem)->path);
}

static bool url_known(struct render *r, const char *path)
{
	return bsearch(path, r->urls.v, r->urls.n, sizeof(*r->urls.v),
		       cmp_claim_path) != NULL;
}

/* Resolves a relative link against the page's folder into a site path
 * without the leading '/', "..": refused past the site root. */
static bool normalise_path(struct render *r, struct slice link,
			   struct buf *out)
{
	struct buf in = BUF_INIT;
	size_t i, start;
	bool ok = true;

	if (link.len && link.ptr[0] == '/') {
		link.ptr++;
		link.len--;
	} else if (r->current) {
		item_dir(r, r->current, &in);
	}
	buf_putsl(&in, link);
	buf_reset(out);
	for (start = 0, i = 0; i <= in.len; i++) {
		size_t n;

		if (i < in.len && in.ptr[i] != '/')
			continue;
		n = i - start;
		if (n == 2 && !memcmp(in.ptr + start, "..", 2)) {
			if (out->len == 0) {
				ok = false;
				break;
			}
			buf_truncate(out, out->len - 1);
			while (out->len && out->ptr[out->len - 1] != '/')
				buf_truncate(out, out->len - 1);
		} else if (n && !(n == 1 && in.ptr[start] == '.')) {
			buf_put(out, in.ptr + start, n);
			if (i < in.len)
				buf_putc(out, '/');
		}
		start = i + 1;
	}
	buf_free(&in);
	return ok;
}

static enum md_resolve_result resolve_relative(struct render *r,
					       const struct md_link_ref *ref,
					       struct buf *url)
{
	struct buf p = BUF_INIT;
	enum md_resolve_result res = MD_RESOLVE_NO_TARGET;

	if (normalise_path(r, ref->id, &p)) {
		if (url_known(r, p.ptr)) {
			res = MD_RESOLVE_OK;
		} else if (p.len && p.ptr[p.len - 1] != '/') {
			buf_putc(&p, '/');
			if (url_known(r, p.ptr))
				res = MD_RESOLVE_OK;
		}
	}
	if (res == MD_RESOLVE_OK) {
		struct buf path = BUF_INIT;
		const char *campaign = r->campaign;

		if (ref->image)
			r->campaign = NULL; /* an image is no link */
		buf_putsl(&path, r->base_path);
		buf_putsl(&path, buf_slice(&p));
		site_url(r, url, path.ptr, ref->anchor);
		r->campaign = campaign;
		buf_free(&path);
	}
	buf_free(&p);
	return res;
}

static enum md_resolve_result resolve_link(void *ctx,
					   const struct md_link_ref *ref,
					   struct buf *url)
{
	struct render *r = ctx;
	const struct item *it;

	if (ref->kind == MD_LINK_RELATIVE)
		return resolve_relative(r, ref, url);
	it = model_find(r->s, link_kinds[ref->kind], ref->id);
	if (it == NULL)
		return MD_RESOLVE_NO_TARGET;
	/* A broken target (already reported) has no anchors to check. */
	if (!sl_is_null(ref->anchor) && it->doc &&
	    !md_has_anchor(it->doc, ref->anchor))
		return MD_RESOLVE_NO_ANCHOR;
	if (!it->published)
		return MD_RESOLVE_UNPUBLISHED;
	site_url(r, url, item_url(r, it), ref->anchor);
	return MD_RESOLVE_OK;
}

/* Pages link root-relative; a mail or a feed is read away from the site,
 * so there (r->abs_links) every link is absolute, and a mail's links into
 * the site carry its campaign parameter, before the fragment. */
void site_url(struct render *r, struct buf *url, const char *path,
	      struct slice anchor)
{
	if (r->abs_links) {
		abs_site_url(r, url, path);
		if (r->campaign && *r->campaign)
			buf_printf(url, "%c%s", strchr(path, '?') ? '&' : '?',
				   r->campaign);
	} else {
		buf_puts(url, path);
	}
	if (!sl_is_null(anchor)) {
		buf_putc(url, '#');
		buf_putsl(url, anchor);
	}
}

void body_render(struct render *r, const struct item *it, struct buf *out,
		 bool plain_text)
{
	struct md_resolver res = { resolve_link, r };

	if (it->doc == NULL)
		return;
	r->current = it;
	if (plain_text)
		md_plain_text(it->doc, &res, out);
	else
		md_render(it->doc, &res, out);
	r->current = NULL;
}

void put_body(struct render *r, struct tv *m, const struct item *it)
{
	struct buf html = BUF_INIT;

	body_render(r, it, &html, false);
	if (html.len)
		put_buf(r, m, "body", &html);
	buf_free(&html);
}

/* ---- the URL set ---- */

/*
 * Every path the build will publish, with who claims it, collected before
 * any page is rendered: relative links are checked against it and two
 * claims of one path are reported with both owners, in `check` as much
 * as in `build`.
 */
void claim_url(struct render *r, const char *path, const char *what,
	       const struct source *src, struct pos pos)
{
	struct url_claim *c;

	if (r->urls.n == r->urls.cap) {
		r->urls.cap = r->urls.cap ? r->urls.cap * 2 : 1024;
		r->urls.v = xreallocarray(r->urls.v, r->urls.cap,
					  sizeof(*r->urls.v));
	}
	c = &r->urls.v[r->urls.n++];
	c->path = xstrdup(path);
	c->what = xstrdup(what);
	c->src = src;
	c->pos = pos;
}

static int cmp_claim(const void *a, const void *b)
{
	const struct url_claim *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	if (c)
		return c;
	return strcmp(x->what, y->what);
}

/* "/kalender/oud/" -> "kalender/oud/"; "/oud.html" stays a file. */
static void alias_path(const struct text *alias, struct buf *p)
{
	buf_reset(p);
	buf_put(p, alias->s.ptr + 1, alias->s.len - 1);
	if (p->len && p->ptr[p->len - 1] != '/' && !strstr(p->ptr, ".htm"))
		buf_putc(p, '/');
}

static void claim_item(struct render *r, const struct item *it,
		       struct buf *p)
{
	struct buf what = BUF_INIT;
	size_t j;

	buf_reset(p);
	item_dir(r, it, p);
	buf_printf(&what, "%s '%.*s'", diag_tr(&r->b->diag,
		   kind_names[it->kind], kind_names_nl[it->kind]),
		   SL_FMT(it->id));
	claim_url(r, p->ptr, what.ptr, it->src, (struct pos){ 1, 1 });
	for (j = 0; j < it->aliases.n; j++) {
		const struct text *al = &LIST_AT(it->aliases, struct text, j);

		buf_reset(&what);
		buf_printf(&what, diag_tr(&r->b->diag, "an alias of %s '%.*s'",
					  "een alias van %s '%.*s'"),
			   diag_tr(&r->b->diag, kind_names[it->kind],
				   kind_names_nl[it->kind]), SL_FMT(it->id));
		alias_path(al, p);
		claim_url(r, p->ptr, what.ptr, it->src, al->pos);
	}
	buf_free(&what);
}

static const char *const fixed_paths[] = { "", "404.html", "sitemap.xml",
	"robots.txt", NULL };

static void report_clashes(struct render *r)
{
	size_t i;

	for (i = 1; i < r->urls.n; i++) {
		const struct url_claim *a = &r->urls.v[i - 1], *b = &r->urls.v[i];
		/* Point at the claim written in a file (an alias line) rather
		 * than at a file as a whole. */
		const struct url_claim *at = b->pos.line > 1 || !a->src ? b : a;
		struct buf shown = BUF_INIT;

		if (strcmp(a->path, b->path) != 0)
			continue;
		buf_printf(&shown, "/%s", a->path);
		diag(&r->b->diag, D_URL_CLASH, at->src, at->pos, shown.ptr,
		     a->what, b->what);
		buf_free(&shown);
	}
}

static bool url_known(struct render *r, const char *path);

/* A menu entry by path must lead somewhere the build writes. */
static void check_menu(struct render *r)
{
	const struct list *menu = &r->s->cfg.menu;
	struct buf p = BUF_INIT;
	size_t i;

	for (i = 0; i < menu->n; i++) {
		const struct menu_entry *e = &LIST_AT(*menu, struct menu_entry, i);

		if (!e->path.set)
			continue;
		buf_reset(&p);
		buf_printf(&p, "%s/", e->path.s.ptr);
		if (!url_known(r, p.ptr))
			diag(&r->b->diag, D_MENU_PATH, r->s->config_src,
			     e->path.pos, e->path.s.ptr);
	}
	buf_free(&p);
}

bool url_claimed(struct render *r, const char *path)
{
	return url_known(r, path);
}

static void collect_urls(struct render *r)
{
	struct buf p = BUF_INIT;
	size_t i;
	int k;

	for (i = 0; fixed_paths[i]; i++)
		claim_url(r, fixed_paths[i], diag_tr(&r->b->diag,
			  "the generator", "de generator"), NULL,
			  (struct pos){ 0, 0 });
	for (k = 0; k < K__ITEMS; k++) {
		if (r->kind_path[k][0]) {
			buf_reset(&p);
			buf_printf(&p, "%s/", r->kind_path[k]);
			claim_url(r, p.ptr, diag_tr(&r->b->diag, "a section "
				  "of the site", "een rubriek van de site"), NULL,
				  (struct pos){ 0, 0 });
		}
		for (i = 0; i < r->s->kinds[k].n; i++)
			if (r->s->kinds[k].v[i]->published)
				claim_item(r, r->s->kinds[k].v[i], &p);
	}
	buf_reset(&p);
	section_dir(r, &p, K_EVENT, CAL_DIR_ARCHIVE, SL(""));
	claim_url(r, p.ptr, diag_tr(&r->b->diag, "the calendar archive",
				    "het archief van de kalender"), NULL,
		  (struct pos){ 0, 0 });
	claim_newsletter_urls(r);
	claim_service_urls(r);
	claim_action_urls(r);
	claim_partner_urls(r);
	claim_calendar_urls(r);
	claim_search_urls(r);
	for (i = 0; i < r->b->nstatics; i++) {
		buf_reset(&p);
		buf_printf(&p, "static file '%s'", r->b->statics[i].rel);
		claim_url(r, r->b->statics[i].rel, p.ptr, NULL,
			  (struct pos){ 0, 0 });
	}
	buf_free(&p);
	qsort(r->urls.v, r->urls.n, sizeof(*r->urls.v), cmp_claim);
	report_clashes(r);
	check_menu(r);
}

static void free_urls(struct render *r)
{
	size_t i;

	for (i = 0; i < r->urls.n; i++) {
		free(r->urls.v[i].path);
		free(r->urls.v[i].what);
	}
	free(r->urls.v);
	for (i = 0; i < r->nsitemap; i++)
		free(r->sitemap[i]);
	free(r->sitemap);
}

/* ---- output ---- */

/* Sequence numbers of messages and referrer links: region 2k + 1 is
 * unit k, region 2k the work between unit k - 1 and unit k, and a
 * region's numbers start at (region + 1) << RENDER_SEQ_SHIFT, above those
 * of the stages before (fewer than 2^32 messages). */
enum { RENDER_SEQ_SHIFT = 32 };

static void seq_region(struct render *r, unsigned long long region)
{
	unsigned long long seq = (region + 1) << RENDER_SEQ_SHIFT;

	diag_seq_at(&r->b->diag, seq);
	ledger_seq_at(r->ledger, seq);
}

bool unit_begin(struct render *r, unsigned long long weight)
{
	struct render_units *u = &r->units;
	unsigned long long k = u->next++;
	unsigned w, best = 0;

	if (u->in_unit)
		die("internal error: render units do not nest");
	for (w = 1; w < u->nworkers; w++)
		if (u->load[w] < u->load[best])
			best = w;
	u->load[best] += weight;
	u->in_unit = true;
	u->mine = u->nworkers <= 1 || best == u->worker;
	seq_region(r, 2 * k + 1);
	return u->mine;
}

void unit_end(struct render *r)
{
	r->units.in_unit = false;
	seq_region(r, 2 * r->units.next);
}

/*
 * A file written outside a unit is a unit of its own: file_begin()
 * opens one when needed and says whether this worker writes the file;
 * file_end() closes what file_begin() opened.
 */
static bool file_begin(struct render *r, bool *opened)
{
	*opened = !r->units.in_unit;
	return *opened ? unit_begin(r, 1) : r->units.mine;
}

static void file_end(struct render *r, bool opened)
{
	if (opened)
		unit_end(r);
}

static void put_file(struct render *r, const char *path,
		     const struct buf *data)
{
	if (r->writing)
		out_write(&r->out, path, data->ptr, data->len);
	ledger_note_file(r->ledger, path, data);
}

void emit_file(struct render *r, const char *path, const struct buf *data)
{
	bool opened;

	if (file_begin(r, &opened))
		put_file(r, path, data);
	file_end(r, opened);
}

void emit_pieces(struct render *r, const char *path, const struct slice *v,
		 size_t n)
{
	bool opened;

	if (file_begin(r, &opened)) {
		if (r->writing)
			out_write_pieces(&r->out, path, v, n);
		ledger_note_file(r->ledger, path, NULL);
	}
	file_end(r, opened);
}

void sitemap_add(struct render *r, const char *path)
{
	if (r->nsitemap == r->sitemap_cap) {
		r->sitemap_cap = r->sitemap_cap ? r->sitemap_cap * 2 : 256;
		r->sitemap = xreallocarray(r->sitemap, r->sitemap_cap,
					   sizeof(char *));
	}
	r->sitemap[r->nsitemap++] = xstrdup(path);
}

static struct tv *menu_data(struct render *r, const char *path);

static struct tv *layout_data(struct render *r, const char *path,
			      struct tv *page)
{
	const struct site_config *c = &r->s->cfg;
	struct tv *root = rmap(r), *site = rmap(r), *contact = rmap(r);
	struct buf canon = BUF_INIT;

	put_text(r, site, "name", &c->zone.name);
	put_sl(r, site, "short_name", c->zone.short_name.set ?
		       c->zone.short_name.s : c->zone.name.s);
	put_text(r, site, "legal_name", &c->zone.legal_name);
	put_sl(r, site, "base", r->base_path);
	put_text(r, site, "base_url", &c->base_url);
	put_text(r, contact, "email", &c->contact.email);
	put_text(r, contact, "phone", &c->contact.phone);
	put_text(r, contact, "address", &c->contact.address);
	put(r, site, "contact", contact);
	put_text(r, site, "subscribe_url", &c->newsletter.subscribe_url);
	put(r, root, "site", site);
	put(r, root, "menu", menu_data(r, path));
	put_cstr(r, root, "css", r->css_url);
	put_bool(r, root, "noindex", r->s->edition != ED_PUBLIC);
	put_bool(r, root, "internal", r->s->edition == ED_INTERNAL);
	put_bool(r, root, "partners_edition", r->s->edition == ED_PARTNERS);
	put_bool(r, root, "live_reload", r->b->live_reload);
	abs_url(r, &canon, sl_cstr(path));
	put_buf(r, page, "canonical", &canon);
	put_cstr(r, page, "path", path);
	put(r, root, "page", page);
	buf_free(&canon);
	return root;
}

static void page_in_unit(struct render *r, const char *tpl, const char *path,
			 struct tv *page, bool in_sitemap)
{
	const struct tpl *t = tpl_get(r->tpls, tpl);
	struct buf file = BUF_INIT;
	size_t n = strlen(path);

	buf_reset(&r->html);
	if (t && tpl_render(r->tpls, t, layout_data(r, path, page),
			    &r->html) == 0) {
		buf_puts(&file, path);
		if (n == 0 || path[n - 1] == '/')
			buf_puts(&file, "index.html");
		put_file(r, file.ptr, &r->html);
		r->b->pages++; /* for the summary line of main.c */
		if (in_sitemap && r->s->edition == ED_PUBLIC)
			sitemap_add(r, path);
	}
	buf_free(&file);
}

void emit_page(struct render *r, const char *tpl, const char *path,
	       struct tv *page, bool in_sitemap)
{
	bool opened;

	if (file_begin(r, &opened))
		page_in_unit(r, tpl, path, page, in_sitemap);
	file_end(r, opened);
	/* Reset, not freed: the next page reuses the block. */
	arena_reset(&r->pa);
}

/* ---- the menu ---- */

static const struct slice *section_label(struct render *r, struct slice path)
{
	static const enum label_id ids[K__ITEMS] = {
		[K_ACTION] = L_SECTION_ACTIONS, [K_EVENT] = L_SECTION_CALENDAR,
		[K_NEWSLETTER] = L_SECTION_NEWSLETTERS,
		[K_PARTNER] = L_SECTION_PARTNERS,
		[K_SERVICE] = L_SECTION_SERVICES,
	};
	int k;

	for (k = 0; k < K__ITEMS; k++)
		if (k != K_PAGE && sl_eq_cstr(path, r->kind_path[k]))
			return &r->labels.text[ids[k]];
	if (sl_eq_cstr(path, SEARCH_DIR))
		return &r->labels.text[L_SECTION_SEARCH];
	return NULL;
}

static void menu_entry(struct render *r, struct tv *list, struct slice label,
		       const char *url, const char *path)
{
	struct tv *m = rmap(r);
	size_t base = r->base_path.len;
	const char *rel = strlen(url) >= base ? url + base : url;

	put_sl(r, m, "label", label);
	put_cstr(r, m, "url", url);
	put_bool(r, m, "current", strcmp(rel, path) == 0);
	put_bool(r, m, "section", rel[0] && strncmp(rel, path, strlen(rel)) == 0);
	push(r, list, m);
}

static int cmp_menu_pages(const void *a, const void *b)
{
	const struct page *x = *(struct page *const *)a;
	const struct page *y = *(struct page *const *)b;

	if (x->menu.v != y->menu.v)
		return x->menu.v < y->menu.v ? -1 : 1;
	return sl_cmp(x->it.id, y->it.id);
}

/* The search comes last, on every site, unless site.yaml's menu already
 * places it ({path: zoeken}). */
static void menu_search(struct render *r, struct tv *list, const char *path)
{
	const struct list *menu = &r->s->cfg.menu;
	struct buf u = BUF_INIT;
	size_t i;

	for (i = 0; i < menu->n; i++) {
		const struct menu_entry *e = &LIST_AT(*menu, struct menu_entry, i);

		if (e->path.set && sl_eq_cstr(e->path.s, SEARCH_DIR))
			return;
	}
	buf_printf(&u, "%.*s%s/", SL_FMT(r->base_path), SEARCH_DIR);
	menu_entry(r, list, label(r, L_SECTION_SEARCH), u.ptr, path);
	buf_free(&u);
}

static struct tv *menu_data(struct render *r, const char *path)
{
	const struct site_config *c = &r->s->cfg;
	const struct kind_table *pages = &r->s->kinds[K_PAGE];
	struct tv *list = rlist(r);
	struct page **menu_pages;
	size_t i, n = 0;
	static const enum kind order[] = { K_EVENT, K_NEWSLETTER, K_ACTION,
		K_PARTNER, K_SERVICE };

	for (i = 0; i < c->menu.n; i++) {
		const struct menu_entry *e = &LIST_AT(c->menu, struct menu_entry, i);
		const struct item *it;

		if (e->page.set && e->page.index >= 0) {
			it = pages->v[e->page.index];
			menu_entry(r, list, e->label.set ? e->label.s :
				   item_title(it), item_url(r, it), path);
		} else if (e->path.set) {
			struct buf u = BUF_INIT;
			const struct slice *l = section_label(r, e->path.s);

			buf_putsl(&u, r->base_path);
			buf_printf(&u, "%s/", e->path.s.ptr);
			menu_entry(r, list, e->label.set ? e->label.s :
				   l ? *l : e->path.s, u.ptr, path);
			buf_free(&u);
		}
	}
	if (c->menu.n == 0)
		for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
			menu_entry(r, list, *section_label(r,
				   sl_cstr(r->kind_path[order[i]])),
				   kind_url(r, order[i]), path);
	menu_pages = xcalloc(pages->n + 1, sizeof(*menu_pages));
	for (i = 0; i < pages->n; i++) {
		struct page *p = (struct page *)pages->v[i];

		if (p->menu.set && p->it.published)
			menu_pages[n++] = p;
	}
	qsort(menu_pages, n, sizeof(*menu_pages), cmp_menu_pages);
	for (i = 0; i < n; i++)
		if (c->menu.n == 0 || !c->menu.set)
			menu_entry(r, list, menu_pages[i]->title.s,
				   item_url(r, &menu_pages[i]->it), path);
	free(menu_pages);
	menu_search(r, list, path);
	return list;
}

/* ---- theme ---- */

static bool is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Where templates/ and themes/ of the tool are: $ZONESITE_DATADIR, the
 * folder above the binary (a source tree), or the installed data folder. */
static char *data_dir(const struct build *b)
{
	const char *env = getenv("ZONESITE_DATADIR");
	char *exe = realpath("/proc/self/exe", NULL);
	struct buf p = BUF_INIT;

	if (env && *env) {
		free(exe);
		return xstrdup(env);
	}
	(void)b;
	if (exe) {
		char *slash = strrchr(exe, '/');

		if (slash)
			*slash = '\0';
		buf_printf(&p, "%s/../templates", exe);
		if (is_dir(p.ptr)) {
			buf_reset(&p);
			buf_printf(&p, "%s/..", exe);
			free(exe);
			return buf_detach(&p, NULL);
		}
		buf_reset(&p);
		buf_printf(&p, "%s/../../templates", exe);
		if (is_dir(p.ptr)) {
			buf_reset(&p);
			buf_printf(&p, "%s/../..", exe);
			free(exe);
			return buf_detach(&p, NULL);
		}
	}
	free(exe);
	buf_free(&p);
	return xstrdup(ZONESITE_DATADIR);
}

static void add_dir_if(struct render *r, struct buf *p)
{
	if (is_dir(p->ptr) && r->ntpl_dirs < TPL_DIRS) {
		const char *d = arena_strndup(&r->b->arena, p->ptr, p->len);

		tpl_set_add_dir(r->tpls, d);
		r->tpl_dirs[r->ntpl_dirs++] = d;
	}
	buf_reset(p);
}

static char **sorted_names(const char *dir, size_t *n);

/* Every template is parsed, used or not, so a broken one is reported
 * before the day a page starts to need it. */
static void preload_templates(struct render *r)
{
	size_t d, i, n;

	for (d = 0; d < r->ntpl_dirs; d++) {
		char **names = sorted_names(r->tpl_dirs[d], &n);

		for (i = 0; i < n; i++) {
			size_t len = strlen(names[i]);
			const char *ext = ".mustache";

			if (len > strlen(ext) &&
			    !strcmp(names[i] + len - strlen(ext), ext)) {
				names[i][len - strlen(ext)] = '\0';
				tpl_get(r->tpls, names[i]);
			}
			free(names[i]);
		}
		free(names);
	}
}

static unsigned setup_theme(struct render *r)
{
	const struct site_config *c = &r->s->cfg;
	const char *theme = c->theme.set ? c->theme.s.ptr : "default";
	char *data = data_dir(r->b);
	struct buf p = BUF_INIT;

	r->tpls = tpl_set_new(&r->b->arena, &r->b->diag);
	/* load_join: these paths name templates in diagnostics. */
	load_join(&p, r->b->site_dir, "themes/");
	buf_printf(&p, "%s/templates", theme);
	add_dir_if(r, &p);
	load_join(&p, r->b->site_dir, "templates");
	add_dir_if(r, &p);
	buf_printf(&p, "%s/themes/%s/templates", data, theme);
	add_dir_if(r, &p);
	buf_printf(&p, "%s/templates", data);
	add_dir_if(r, &p);
	/* A site's own theme folder may hold only what it changes; the rest
	 * comes from the tool's theme of the same name. */
	buf_printf(&p, "%s/themes/%s", data, theme);
	if (is_dir(p.ptr))
		r->theme_dirs[r->ntheme_dirs++] = arena_strndup(&r->b->arena,
								p.ptr, p.len);
	load_join(&p, r->b->site_dir, "themes/");
	buf_puts(&p, theme);
	if (is_dir(p.ptr))
		r->theme_dirs[r->ntheme_dirs++] = arena_strndup(&r->b->arena,
								p.ptr, p.len);
	else if (r->ntheme_dirs) {
		buf_reset(&p);
		buf_puts(&p, r->theme_dirs[0]);
	}
	free(data);
	if (!is_dir(p.ptr)) {
		diag(&r->b->diag, D_BAD_THEME, r->s->config_src,
		     c->theme.set ? c->theme.pos : (struct pos){ 0, 0 }, theme);
		buf_free(&p);
		return 1;
	}
	r->theme_dir = arena_strndup(&r->b->arena, p.ptr, p.len);
	buf_free(&p);
	preload_templates(r);
	return labels_load(&r->labels, &r->b->arena, &r->b->diag, r->theme_dir);
}

static uint32_t fnv1a(const char *p, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 16777619u;
	}
	return h;
}

static bool read_whole(const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t n;

	if (f == NULL)
		return false;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(out, chunk, n);
	fclose(f);
	return true;
}

static char **sorted_names(const char *dir, size_t *n)
{
	struct dirent *e;
	char **names = NULL;
	DIR *d = opendir(dir);

	*n = 0;
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = xreallocarray(names, *n + 1, sizeof(*names));
		names[(*n)++] = xstrdup(e->d_name);
	}
	if (d)
		closedir(d);
	if (*n)
		qsort(names, *n, sizeof(*names), cmp_str);
	return names;
}

/* Theme assets go to /assets/; the stylesheet's URL carries a hash of
 * its bytes so browsers never keep a stale one after an update. */
/* The asset name's file in the last theme folder that has it: the site's
 * own theme overrides the tool's file by file. */
static bool asset_source(struct render *r, const char *name, struct buf *src)
{
	struct stat st;
	size_t d;

	for (d = r->ntheme_dirs; d-- > 0;) {
		buf_reset(src);
		buf_printf(src, "%s/assets/%s", r->theme_dirs[d], name);
		if (stat(src->ptr, &st) == 0 && S_ISREG(st.st_mode))
			return true;
	}
	return false;
}

static char **asset_names(struct render *r, size_t *n)
{
	char **all = NULL;
	size_t d, i, k = 0;

	for (d = 0; d < r->ntheme_dirs; d++) {
		struct buf dir = BUF_INIT;
		size_t m;
		char **names;

		buf_printf(&dir, "%s/assets", r->theme_dirs[d]);
		names = sorted_names(dir.ptr, &m);
		all = xreallocarray(all, k + m + 1, sizeof(*all));
		for (i = 0; i < m; i++)
			all[k++] = names[i];
		free(names);
		buf_free(&dir);
	}
	if (k)
		qsort(all, k, sizeof(*all), cmp_str);
	for (i = 0, *n = 0; i < k; i++) {
		if (*n && !strcmp(all[*n - 1], all[i]))
			free(all[i]);
		else
			all[(*n)++] = all[i];
	}
	return all;
}

static void copy_assets(struct render *r)
{
	struct buf src = BUF_INIT, dst = BUF_INIT, css = BUF_INIT;
	size_t n, i;
	char **names;

	names = asset_names(r, &n);
	for (i = 0; i < n; i++) {
		buf_reset(&dst);
		buf_printf(&dst, "assets/%s", names[i]);
		if (!asset_source(r, names[i], &src)) {
			free(names[i]);
			continue;
		}
		if (r->writing)
			out_copy(&r->out, dst.ptr, src.ptr);
		if (!strcmp(names[i], "style.css") && read_whole(src.ptr, &css)) {
			struct buf u = BUF_INIT;

			buf_printf(&u, "%.*sassets/style.css?v=%08x",
				   SL_FMT(r->base_path), fnv1a(css.ptr, css.len));
			r->css_url = arena_strndup(&r->b->arena, u.ptr, u.len);
			buf_free(&u);
		}
		free(names[i]);
	}
	free(names);
	buf_free(&src);
	buf_free(&dst);
	buf_free(&css);
}

static void copy_statics(struct render *r)
{
	size_t i;

	for (i = 0; r->writing && i < r->b->nstatics; i++)
		out_copy(&r->out, r->b->statics[i].rel, r->b->statics[i].path);
}

/* ---- aliases, 404, sitemap, robots ---- */

static void emit_redirect(struct render *r, const struct item *it,
			  const struct text *alias)
{
	struct tv *page = rmap(r);
	struct buf path = BUF_INIT, target = BUF_INIT;

	abs_site_url(r, &target, item_url(r, it));
	put_sl(r, page, "title", item_title(it));
	put_buf(r, page, "target", &target);
	buf_reset(&path);
	json_put_string(&path, sl_cstr(item_url(r, it)));
	put_buf(r, page, "target_js", &path);
	alias_path(alias, &path);
	put_cstr(r, page, "target_path", item_url(r, it));
	emit_page(r, "redirect", path.ptr, page, false);
	buf_free(&path);
	buf_free(&target);
}

static void render_aliases(struct render *r)
{
	size_t i, j;
	int k;

	for (k = 0; k < K__ITEMS; k++)
		for (i = 0; i < r->s->kinds[k].n; i++) {
			const struct item *it = r->s->kinds[k].v[i];

			for (j = 0; it->published && j < it->aliases.n; j++)
				emit_redirect(r, it, &LIST_AT(it->aliases,
							      struct text, j));
		}
}

static void render_sitemap(struct render *r)
{
	struct buf x = BUF_INIT, u = BUF_INIT;
	size_t i;

	buf_puts(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		 "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	if (r->nsitemap)
		qsort(r->sitemap, r->nsitemap, sizeof(char *), cmp_str);
	for (i = 0; i < r->nsitemap; i++) {
		buf_reset(&u);
		abs_url(r, &u, sl_cstr(r->sitemap[i]));
		buf_puts(&x, "  <url><loc>");
		buf_put_html(&x, u.ptr, u.len);
		buf_puts(&x, "</loc></url>\n");
	}
	buf_puts(&x, "</urlset>\n");
	emit_file(r, "sitemap.xml", &x);
	buf_reset(&x);
	if (r->s->edition == ED_PUBLIC) {
		buf_puts(&x, "User-agent: *\nAllow: /\n\nSitemap: ");
		abs_url(r, &x, SL("sitemap.xml"));
		buf_putc(&x, '\n');
	} else {
		buf_puts(&x, "# Not the public edition: keep it out of search engines.\n"
			 "User-agent: *\nDisallow: /\n");
	}
	emit_file(r, "robots.txt", &x);
	buf_free(&u);
	buf_free(&x);
}

static void render_404(struct render *r)
{
	struct tv *page = rmap(r);

	put_label(r, page, "title", L_TITLE_NOT_FOUND);
	emit_page(r, "404", "404.html", page, false);
}

/* ---- the stage ---- */

void render_setup_paths(struct render *r)
{
	const struct paths_cfg *p = &r->s->cfg.paths;
	const struct text *base = &r->s->cfg.base_url;
	const char *slash;

	r->kind_path[K_PAGE] = "";
	r->kind_path[K_ACTION] = p->actions.set ? p->actions.s.ptr : "acties";
	r->kind_path[K_EVENT] = p->calendar.set ? p->calendar.s.ptr : "kalender";
	r->kind_path[K_NEWSLETTER] = p->newsletters.set ?
				     p->newsletters.s.ptr : "nieuwsbrief";
	r->kind_path[K_PARTNER] = p->partners.set ? p->partners.s.ptr : "partners";
	r->kind_path[K_SERVICE] = p->services.set ? p->services.s.ptr : "kaart";
	if (!base->set) { /* reported; links are still checked */
		r->base_url = SL("");
		r->base_path = SL("/");
		return;
	}
	r->base_url = base->s;
	while (r->base_url.len && r->base_url.ptr[r->base_url.len - 1] == '/')
		r->base_url.len--;
	slash = memchr(base->s.ptr + 8, '/', base->s.len - 8);
	r->base_path = SL("/");
	if (slash) {
		/* https://host/zone and https://host/zone/ both mean the
		 * folder /zone/: links must never fall back to the root. */
		struct buf p = BUF_INIT;

		buf_put(&p, slash, (size_t)(base->s.ptr + base->s.len - slash));
		if (p.ptr[p.len - 1] != '/')
			buf_putc(&p, '/');
		r->base_path = arena_slice(&r->b->arena, buf_slice(&p));
		buf_free(&p);
	}
}

/* The resolver for a body this edition does not render.  A reference to
 * an unknown item or anchor is wrong in every edition and is reported;
 * one to an item this edition leaves out is what such a body may well
 * hold; a relative link is judged by a build of the body's own edition,
 * whose pages this build does not know. */
static enum md_resolve_result resolve_unrendered(void *ctx,
						 const struct md_link_ref *ref,
						 struct buf *url)
{
	enum md_resolve_result res;

	if (ref->kind == MD_LINK_RELATIVE)
		return MD_RESOLVE_OK;
	res = resolve_link(ctx, ref, url);
	return res == MD_RESOLVE_UNPUBLISHED ? MD_RESOLVE_OK : res;
}

/* Checks the links of every body, or (all false) of the bodies left out
 * of the edition: rendering checks the others. */
static void check_links(struct render *r, bool all)
{
	struct md_resolver res = { resolve_link, r };
	struct md_resolver quiet = { resolve_unrendered, r };
	size_t i;
	int k;

	for (k = 0; k < K__ITEMS; k++)
		for (i = 0; i < r->s->kinds[k].n; i++) {
			struct item *it = r->s->kinds[k].v[i];

			if (it->doc == NULL || (it->published && !all))
				continue;
			r->current = it;
			md_check_links(it->doc, it->published ? &res : &quiet);
		}
	r->current = NULL;
}

/* After content errors the pages are not built, but every link is still
 * checked, so one run reports all problems. */
unsigned render_check_links(struct build *b)
{
	struct render r;
	unsigned before = diag_errors(&b->diag);

	memset(&r, 0, sizeof(r));
	r.b = b;
	r.s = &b->site;
	render_setup_paths(&r);
	if (setup_theme(&r) == 0) {
		collect_urls(&r);
		check_links(&r, true);
	}
	free_urls(&r);
	free(r.events);
	arena_free(&r.pa);
	return diag_errors(&b->diag) - before;
}

unsigned render_site(struct build *b)
{
	struct render r;
	unsigned before = diag_errors(&b->diag);

	memset(&r, 0, sizeof(r));
	r.b = b;
	r.s = &b->site;
	render_setup_paths(&r);
	if (setup_theme(&r))
		return 1;
	collect_urls(&r);
	if (diag_errors(&b->diag) != before) {
		/* Clashing URLs: nothing can be written, but the links are
		 * still checked so the run reports everything. */
		check_links(&r, true);
		free_urls(&r);
		free(r.events);
		arena_free(&r.pa);
		return diag_errors(&b->diag) - before;
	}
	check_links(&r, false);
	r.ledger = ledger_open(&r);
	r.css_url = "";
	if (!b->check_only)
		r.writing = out_open(&r.out, b->out_dir, b->site_dir, &b->diag) == 0;
	if (b->check_only || r.writing) {
		struct render_team *team;

		copy_assets(&r);
		copy_statics(&r);
		seq_region(&r, 0);
		team = render_fork(&r);
		render_pages(&r);
		render_actions(&r);
		render_calendar(&r);
		render_newsletters(&r);
		render_partners(&r);
		render_services(&r);
		render_search(&r);
		render_home(&r);
		render_aliases(&r);
		render_404(&r);
		render_join(&r, team);
		render_sitemap(&r);
		ledger_check(&r);
	}
	if (r.writing) {
		/* The ledger in the site source changes only once the new
		 * site is in place, and never for a preview: nothing of it
		 * is published. */
		/* No counts wanted: they would cost a walk of the old tree. */
		if (diag_errors(&b->diag) == before &&
		    out_commit(&r.out, NULL) == 0 && !b->live_reload)
			ledger_save(&r);
		out_abort(&r.out); /* nothing to do after a successful commit */
	}
	ledger_free(r.ledger);
	free_urls(&r);
	free(r.events);
	buf_free(&r.html);
	arena_free(&r.pa);
	return diag_errors(&b->diag) - before;
}
