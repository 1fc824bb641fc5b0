/*
 * render_newsletters: the newsletter archive, each issue's page, its two
 * mail versions and the Atom feed.
 *
 * One Markdown issue yields:
 *   /nieuwsbrief/             the archive, by year, newest first
 *   /nieuwsbrief/ID/          the issue, with previous/next
 *   /nieuwsbrief/ID/email.html  what the officer pastes into the mailing
 *                             tool: inline styles, a table at most 600 px
 *                             wide, every URL absolute, the campaign
 *                             parameter on every link into the site
 *   /nieuwsbrief/ID/email.txt   the plain-text mail, 72 columns, links as
 *                             numbered references at the end
 *   /nieuwsbrief/feed.xml     an Atom feed (RFC 4287) of the issues
 *
 * The agenda block and the "partner in de kijker" block are drawn from the
 * records the issue names, never retyped, so a moved event shows its new
 * date in every issue that lists it.  Dates come from the content only:
 * the feed's <updated> is the newest issue's date, never the clock.
 * Issues are written newest first, which the ledger relies on to name the
 * newest mail as a URL's last referrer.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "civil.h"
#include "fuzzydate.h"
#include "mail.h"
#include "render_int.h"
#include "xalloc.h"

#define MAIL_HTML "email.html"
#define MAIL_TEXT "email.txt"
#define FEED_FILE "feed.xml"

/* What every page of one issue shares. */
struct issue_ctx {
	struct newsletter **v;  /* published issues, newest first */
	size_t n, i;
	struct buf campaign;    /* "utm_campaign=..." or empty */
};

static int cmp_newest(const void *a, const void *b)
{
	const struct newsletter *x = *(struct newsletter *const *)a;
	const struct newsletter *y = *(struct newsletter *const *)b;
	int c = fuzzydate_cmp(y->date.fd, x->date.fd);

	return c ? c : sl_cmp(y->it.id, x->it.id);
}

/* ---- URLs, as the mode of r wants them (see site_url) ---- */

static const char *link_to(struct render *r, const char *path)
{
	struct buf u = BUF_INIT;
	const char *s;

	site_url(r, &u, path, SL_NULL);
	s = arena_strndup(&r->pa, u.ptr, u.len);
	buf_free(&u);
	return s;
}

/* An image is no link: it never carries the campaign. */
static const char *static_url(struct render *r, struct slice rel)
{
	const char *campaign = r->campaign, *s;
	struct buf p = BUF_INIT;

	buf_putsl(&p, r->base_path);
	buf_putsl(&p, rel);
	r->campaign = NULL;
	s = link_to(r, p.ptr);
	r->campaign = campaign;
	buf_free(&p);
	return s;
}

/* "nieuwsbrief/ID/email.html": a file of an issue's folder. */
static void issue_path(struct render *r, struct buf *b, const struct item *it,
		       const char *file)
{
	item_dir(r, it, b);
	buf_puts(b, file);
}

/* "nieuwsbrief/feed.xml" */
static void feed_path(struct render *r, struct buf *b)
{
	buf_printf(b, "%s/%s", r->kind_path[K_NEWSLETTER], FEED_FILE);
}

/* Only published issues are rendered, so the issue always has a URL. */
static const char *issue_file(struct render *r, const struct newsletter *n,
			      const char *file)
{
	struct buf p = BUF_INIT;
	const char *s;

	buf_putsl(&p, r->base_path);
	issue_path(r, &p, &n->it, file);
	s = link_to(r, p.ptr);
	buf_free(&p);
	return s;
}

static const char *feed_url(struct render *r)
{
	struct buf p = BUF_INIT;
	const char *s;

	buf_putsl(&p, r->base_path);
	feed_path(r, &p);
	s = link_to(r, p.ptr);
	buf_free(&p);
	return s;
}

/* ---- the blocks an issue draws from other records ---- */

static struct tv *issue_card(struct render *r, const struct newsletter *n)
{
	struct tv *m = item_link(r, &n->it);

	put_cstr(r, m, "url", link_to(r, item_url(r, &n->it)));
	put_date(r, m, "date", &n->date, NULL);
	put_text(r, m, "summary", &n->summary);
	if (n->number.set)
		put_int(r, m, "number", n->number.v);
	return m;
}

static struct tv *spotlight(struct render *r, const struct newsletter *n)
{
	const struct partner *p;
	struct buf summary = BUF_INIT;
	struct tv *m;

	if (!n->spotlight.set || n->spotlight.index < 0)
		return NULL;
	p = (const struct partner *)r->s->kinds[K_PARTNER].v[n->spotlight.index];
	m = item_link(r, &p->it);
	if (p->it.published)
		put_cstr(r, m, "url", link_to(r, item_url(r, &p->it)));
	if (p->type.set)
		put(r, m, "type", vocab_tv(r, V_PARTNER_TYPE, &p->type));
	put_text(r, m, "website", &p->website);
	if (p->logo.set)
		put_cstr(r, m, "logo_url", static_url(r, p->logo.s));
	/* Mustache looks a missing name up in the issue around the block:
	 * absent values are put as false, never left out. */
	if (!p->it.published)
		put_bool(r, m, "url", false);
	if (p->it.doc && md_summary(p->it.doc, &summary))
		put_buf(r, m, "summary", &summary);
	else
		put_bool(r, m, "summary", false);
	buf_free(&summary);
	return m;
}

static struct tv *agenda(struct render *r, const struct newsletter *n)
{
	struct tv *list = rlist(r);
	size_t k;

	for (k = 0; k < n->events.n; k++) {
		const struct ref *ref = &LIST_AT(n->events, struct ref, k);
		const struct event *e;
		struct tv *card;

		if (ref->index < 0)
			continue;
		e = (const struct event *)r->s->kinds[K_EVENT].v[ref->index];
		card = event_card(r, e);
		if (e->it.published)
			put_cstr(r, card, "url", link_to(r, item_url(r, &e->it)));
		else
			put_bool(r, card, "url", false); /* not the issue's */
		push(r, list, card);
	}
	return list;
}

/* The ids of the two blocks, unless a heading of the body took them. */
static void put_block_ids(struct render *r, struct tv *m,
			  const struct newsletter *n)
{
	static const char *const ids[][2] = {
		{ "spotlight_id", "partner-in-de-kijker" },
		{ "agenda_id", "agenda" },
	};
	struct buf id = BUF_INIT;
	size_t k;

	for (k = 0; k < 2; k++) {
		buf_reset(&id);
		buf_puts(&id, ids[k][1]);
		if (n->it.doc && md_has_anchor(n->it.doc, buf_slice(&id)))
			buf_puts(&id, "-blok");
		put_buf(r, m, ids[k][0], &id);
	}
	buf_free(&id);
}

/* The '=' line under the title of the plain-text mail. */
static void put_underline(struct render *r, struct tv *m, struct slice title)
{
	struct buf u = BUF_INIT;
	size_t n = mail_width(title);

	while (n--)
		buf_putc(&u, '=');
	put_buf(r, m, "title_underline", &u);
	buf_free(&u);
}

/* Everything the page and the two mails show of an issue. */
static struct tv *issue_data(struct render *r, const struct issue_ctx *c)
{
	const struct newsletter *nl = c->v[c->i];
	struct tv *m = issue_card(r, nl), *list;
	struct tv *sp = spotlight(r, nl);

	put_sl(r, m, "title", nl->title.s);
	put_underline(r, m, nl->title.s);
	put_text(r, m, "description", &nl->summary);
	list = agenda(r, nl);
	put(r, m, "agenda", list);
	if (sp)
		put(r, m, "spotlight", sp);
	put_block_ids(r, m, nl);
	if (c->i + 1 < c->n)
		put(r, m, "older", issue_card(r, c->v[c->i + 1]));
	if (c->i > 0)
		put(r, m, "newer", issue_card(r, c->v[c->i - 1]));
	put_cstr(r, m, "archive_url", link_to(r, kind_url(r, K_NEWSLETTER)));
	put_cstr(r, m, "online_url", link_to(r, item_url(r, &nl->it)));
	put_text(r, m, "subscribe_url", &r->s->cfg.newsletter.subscribe_url);
	return m;
}

/* ---- the issue's page ---- */

static void render_issue(struct render *r, const struct issue_ctx *c)
{
	const struct newsletter *nl = c->v[c->i];
	struct tv *m = issue_data(r, c);
	struct buf dir = BUF_INIT;

	put_cstr(r, m, "mail_html_url", issue_file(r, nl, MAIL_HTML));
	put_cstr(r, m, "mail_text_url", issue_file(r, nl, MAIL_TEXT));
	put_cstr(r, m, "feed_url", feed_url(r));
	put_body(r, m, &nl->it);
	item_dir(r, &nl->it, &dir);
	emit_page(r, "newsletter", dir.ptr, m, true);
	buf_free(&dir);
}

/* ---- the mail versions ---- */

static void mail_mode(struct render *r, const struct issue_ctx *c, bool on)
{
	r->abs_links = on;
	r->campaign = on && c->campaign.len ? c->campaign.ptr : NULL;
}

static void render_mail_html(struct render *r, const struct issue_ctx *c)
{
	const struct newsletter *nl = c->v[c->i];
	struct buf html = BUF_INIT, styled = BUF_INIT, path = BUF_INIT;
	struct tv *m;

	mail_mode(r, c, true);
	m = issue_data(r, c);
	body_render(r, &nl->it, &html, false);
	mail_inline_styles(buf_slice(&html), &styled);
	if (styled.len)
		put_buf(r, m, "body", &styled);
	put_int(r, m, "max_width", MAIL_MAX_WIDTH);
	mail_mode(r, c, false);
	issue_path(r, &path, &nl->it, MAIL_HTML);
	emit_page(r, "email", path.ptr, m, false);
	buf_free(&html);
	buf_free(&styled);
	buf_free(&path);
}

/* The site-wide values the text template uses (emit_page adds them to
 * pages; the text is rendered here, so it gets them here). */
static struct tv *site_data(struct render *r)
{
	const struct site_config *cfg = &r->s->cfg;
	struct tv *site = rmap(r), *contact = rmap(r);

	put_text(r, site, "name", &cfg->zone.name);
	put_text(r, site, "legal_name", &cfg->zone.legal_name);
	put_text(r, contact, "email", &cfg->contact.email);
	put_text(r, contact, "phone", &cfg->contact.phone);
	put_text(r, contact, "address", &cfg->contact.address);
	put(r, site, "contact", contact);
	return site;
}

/* Template output with "<URL>" links -> numbered, wrapped, listed. */
static void finish_text(const struct buf *raw, struct buf *out)
{
	struct mail_refs refs = { NULL, 0 };
	struct buf numbered = BUF_INIT;

	mail_link_refs(buf_slice(raw), &refs, &numbered);
	mail_wrap(buf_slice(&numbered), MAIL_TEXT_WIDTH, out);
	while (out->len && out->ptr[out->len - 1] == '\n')
		buf_truncate(out, out->len - 1);
	buf_puts(out, "\n\n");
	mail_ref_list(&refs, out);
	mail_refs_free(&refs);
	buf_free(&numbered);
}

static void render_mail_text(struct render *r, const struct issue_ctx *c)
{
	const struct newsletter *nl = c->v[c->i];
	const struct tpl *t = tpl_get(r->tpls, "email-text");
	struct buf body = BUF_INIT, raw = BUF_INIT, out = BUF_INIT;
	struct buf path = BUF_INIT;
	struct tv *root = rmap(r), *m;

	mail_mode(r, c, true);
	m = issue_data(r, c);
	body_render(r, &nl->it, &body, true);
	if (body.len)
		put_buf(r, m, "body", &body);
	mail_mode(r, c, false);
	put(r, root, "page", m);
	put(r, root, "site", site_data(r));
	if (t && tpl_render(r->tpls, t, root, &raw) == 0) {
		finish_text(&raw, &out);
		issue_path(r, &path, &nl->it, MAIL_TEXT);
		emit_file(r, path.ptr, &out);
	}
	arena_free(&r->pa);
	buf_free(&body);
	buf_free(&raw);
	buf_free(&out);
	buf_free(&path);
}

/* ---- the campaign ---- */

/* Reports an unknown placeholder once; then no issue gets a campaign. */
static bool campaign_ok(struct render *r)
{
	const struct text *t = &r->s->cfg.newsletter.campaign;
	struct buf tmp = BUF_INIT;
	struct slice bad;
	bool ok = true;

	if (t->set && mail_campaign(t->s, SL("x"), &tmp, &bad) != 0) {
		struct buf name = BUF_INIT;

		buf_putsl(&name, bad);
		diag(&r->b->diag, D_CAMPAIGN_PLACEHOLDER, r->s->config_src,
		     t->pos, name.ptr);
		buf_free(&name);
		ok = false;
	}
	buf_free(&tmp);
	return ok;
}

static void set_campaign(struct render *r, struct issue_ctx *c, bool ok)
{
	const struct text *t = &r->s->cfg.newsletter.campaign;
	struct slice bad;

	buf_reset(&c->campaign);
	if (ok && t->set && t->s.len)
		mail_campaign(t->s, c->v[c->i]->it.id, &c->campaign, &bad);
}

/* ---- the feed ---- */

/* XML text and attribute values; characters XML 1.0 forbids are dropped. */
static void xml_put(struct buf *b, struct slice s)
{
	size_t i;

	for (i = 0; i < s.len; i++) {
		unsigned char ch = (unsigned char)s.ptr[i];

		switch (ch) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default:
			if (ch >= 0x20 || ch == '\t' || ch == '\n')
				buf_putc(b, (char)ch);
		}
	}
}

static void xml_elem(struct buf *b, const char *indent, const char *name,
		     struct slice s)
{
	buf_printf(b, "%s<%s>", indent, name);
	xml_put(b, s);
	buf_printf(b, "</%s>\n", name);
}

/* RFC 3339: the issue's day at midnight, Brussels time. */
static void put_rfc3339(struct buf *b, const struct date *d)
{
	brussels_put_moment(b, d->fd->first_day, 0, CIVIL_HH_MM_SS);
}

static void feed_entry(struct render *r, const struct newsletter *nl,
		       struct buf *x)
{
	struct buf s = BUF_INIT;
	const char *url = link_to(r, item_url(r, &nl->it));

	buf_puts(x, "  <entry>\n");
	xml_elem(x, "    ", "title", nl->title.s);
	buf_puts(x, "    <link rel=\"alternate\" type=\"text/html\" href=\"");
	xml_put(x, sl_cstr(url));
	buf_puts(x, "\"/>\n");
	xml_elem(x, "    ", "id", sl_cstr(url));
	put_rfc3339(&s, &nl->date);
	xml_elem(x, "    ", "published", buf_slice(&s));
	xml_elem(x, "    ", "updated", buf_slice(&s));
	if (nl->summary.set)
		xml_elem(x, "    ", "summary", nl->summary.s);
	buf_reset(&s);
	body_render(r, &nl->it, &s, false);
	if (s.len) {
		buf_puts(x, "    <content type=\"html\">");
		xml_put(x, buf_slice(&s));
		buf_puts(x, "</content>\n");
	}
	buf_puts(x, "  </entry>\n");
	buf_free(&s);
}

static void feed_head(struct render *r, const struct newsletter *newest,
		      struct buf *x)
{
	const struct site_config *cfg = &r->s->cfg;
	struct buf s = BUF_INIT;

	buf_puts(x, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		 "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl-BE\">\n");
	label_fill(&s, label(r, L_FEED_NEWSLETTERS),
		   &(const struct label_arg){ "zone", cfg->zone.name.s }, 1);
	xml_elem(x, "  ", "title", buf_slice(&s));
	buf_puts(x, "  <link rel=\"self\" type=\"application/atom+xml\" href=\"");
	xml_put(x, sl_cstr(feed_url(r)));
	buf_puts(x, "\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"");
	xml_put(x, sl_cstr(link_to(r, kind_url(r, K_NEWSLETTER))));
	buf_puts(x, "\"/>\n");
	xml_elem(x, "  ", "id", sl_cstr(feed_url(r)));
	buf_reset(&s);
	put_rfc3339(&s, &newest->date);
	xml_elem(x, "  ", "updated", buf_slice(&s));
	buf_puts(x, "  <author>\n");
	xml_elem(x, "    ", "name", cfg->zone.legal_name.set ?
		 cfg->zone.legal_name.s : cfg->zone.name.s);
	if (cfg->contact.email.set)
		xml_elem(x, "    ", "email", cfg->contact.email.s);
	xml_elem(x, "    ", "uri", sl_cstr(link_to(r, r->base_path.ptr)));
	buf_puts(x, "  </author>\n");
	buf_free(&s);
}

static void render_feed(struct render *r, struct newsletter **v, size_t n)
{
	struct buf x = BUF_INIT, path = BUF_INIT;
	size_t i;

	if (n == 0)
		return;
	r->abs_links = true;
	feed_head(r, v[0], &x);
	for (i = 0; i < n; i++)
		feed_entry(r, v[i], &x);
	buf_puts(&x, "</feed>\n");
	r->abs_links = false;
	feed_path(r, &path);
	emit_file(r, path.ptr, &x);
	arena_free(&r->pa);
	buf_free(&x);
	buf_free(&path);
}

/* ---- the archive ---- */

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
	if (n)
		put_cstr(r, m, "feed_url", feed_url(r));
	buf_printf(&dir, "%s/", r->kind_path[K_NEWSLETTER]);
	emit_page(r, "newsletters", dir.ptr, m, true);
	buf_free(&dir);
}

static struct newsletter **published_issues(struct render *r, size_t *n)
{
	const struct kind_table *t = &r->s->kinds[K_NEWSLETTER];
	struct newsletter **v = xcalloc(t->n + 1, sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 0; i < t->n; i++)
		if (t->v[i]->published)
			v[(*n)++] = (struct newsletter *)t->v[i];
	qsort(v, *n, sizeof(*v), cmp_newest);
	return v;
}

/* Also runs after content errors (render_check_links), when an issue may
 * have no valid date: it needs no order, so nothing here reads dates. */
void claim_newsletter_urls(struct render *r)
{
	static const char *const files[] = { MAIL_HTML, MAIL_TEXT };
	const struct kind_table *t = &r->s->kinds[K_NEWSLETTER];
	struct buf p = BUF_INIT, what = BUF_INIT;
	size_t n = 0, i, f;

	for (i = 0; i < t->n; i++) {
		const struct item *it = t->v[i];

		if (!it->published)
			continue;
		n++;
		for (f = 0; f < 2; f++) {
			buf_reset(&p);
			buf_reset(&what);
			issue_path(r, &p, it, files[f]);
			buf_printf(&what, diag_tr(&r->b->diag,
				   "the mail version of newsletter '%.*s'",
				   "de mailversie van nieuwsbrief '%.*s'"),
				   SL_FMT(it->id));
			claim_url(r, p.ptr, what.ptr, it->src, (struct pos){ 1, 1 });
		}
	}
	if (n) {
		buf_reset(&p);
		feed_path(r, &p);
		claim_url(r, p.ptr, diag_tr(&r->b->diag, "the newsletter feed",
			  "de feed van de nieuwsbrief"), NULL,
			  (struct pos){ 0, 0 });
	}
	buf_free(&p);
	buf_free(&what);
}

void render_newsletters(struct render *r)
{
	struct issue_ctx c = { NULL, 0, 0, BUF_INIT };
	bool ok = campaign_ok(r);

	c.v = published_issues(r, &c.n);
	for (c.i = 0; c.i < c.n; c.i++) {
		set_campaign(r, &c, ok);
		if (unit_begin(r, 3 * UNIT_PAGE)) {
			render_issue(r, &c);
			render_mail_html(r, &c);
			render_mail_text(r, &c);
		}
		unit_end(r);
	}
	render_archive(r, c.v, c.n);
	render_feed(r, c.v, c.n);
	buf_free(&c.campaign);
	free(c.v);
}
