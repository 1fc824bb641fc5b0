/*
 * render_search: the site search, /zoeken/ and its index.
 *
 * A static site has no server to ask, so the build writes what a search
 * needs: /zoeken/index.json lists every action, event, newsletter issue,
 * partner, service and free page that this edition publishes (the item's
 * `published` flag decides, as it does for every page and link: an item
 * the edition leaves out is never in the index), each with its kind,
 * title, URL, one short line
 * (a date, a type and place, or a summary) and its terms: the words of its
 * title, its key words (types, audiences, municipalities, themes) and the
 * first SEARCH_LEAD_MAX bytes of its summary or first paragraph, folded
 * and stemmed by search.c, sorted and without repeats.  Bodies are not
 * indexed whole, so the index grows with the number of items, not with
 * the length of their texts.  themes/default/assets/search.js fetches it
 * and matches what is typed with the same rule.
 *
 * The index is in a fixed order that also ranks equal matches: upcoming
 * activities (soonest first), the action plan, services, partners, free
 * pages, newsletters (newest first), then past activities (latest first).
 *
 * The page itself works without the script: it then offers the ways in
 * that need none, the calendar by type, audience and municipality, the
 * directory by type and municipality, the map, the action plan and the
 * newsletter archive, each facet only when the build writes its page.
 */
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "dutch.h"
#include "fuzzydate.h"
#include "geojson.h"
#include "render_int.h"
#include "report.h"
#include "search.h"
#include "xalloc.h"

/* Bytes of an item's summary or first paragraph that are searched, and
 * of the line shown under a result: enough for a lead sentence. */
enum { SEARCH_LEAD_MAX = 240, SEARCH_LINE_MAX = 160 };

#define SEARCH_INDEX_FILE "index.json"
#define SEP " \xC2\xB7 " /* " · " between the parts of a line */

/* What one item contributes: the text its terms come from, and its line. */
struct entry {
	struct buf text, line;
};

/* ---- text helpers ---- */

static void add(struct buf *b, struct slice s)
{
	if (s.ptr == NULL || s.len == 0)
		return;
	if (b->len)
		buf_putc(b, ' ');
	buf_putsl(b, s);
}

static void add_text(struct buf *b, const struct text *t)
{
	if (t->set)
		add(b, t->s);
}

/* Appends s, shortened at a word boundary to at most max bytes (never in
 * the middle of a UTF-8 sequence) with "…" when it was longer. */
static void add_cut(struct buf *b, struct slice s, size_t max)
{
	size_t n = s.len;

	if (n > max) {
		n = max;
		while (n > 0 && s.ptr[n] != ' ')
			n--;
		if (n == 0) /* one long word: cut between characters */
			for (n = max; n > 0 &&
			     ((unsigned char)s.ptr[n] & 0xC0) == 0x80; n--)
				;
	}
	while (n > 0 && s.ptr[n - 1] == ' ')
		n--;
	buf_put(b, s.ptr, n);
	if (n < s.len)
		buf_puts(b, "\xE2\x80\xA6");
}

static void add_line(struct buf *line, struct slice s)
{
	if (s.ptr == NULL || s.len == 0)
		return;
	if (line->len)
		buf_puts(line, SEP);
	add_cut(line, s, SEARCH_LINE_MAX);
}

/* The summary when the item has one, else its first paragraph. */
static void lead(const struct item *it, const struct text *summary,
		 struct buf *out)
{
	if (summary && summary->set)
		buf_putsl(out, summary->s);
	else if (it->doc != NULL)
		md_summary(it->doc, out);
}

/* Adds the lead, cut to SEARCH_LEAD_MAX, to the text; and to the line
 * when show is set. */
static void add_lead(struct entry *e, const struct item *it,
		     const struct text *summary, bool show)
{
	struct buf l = BUF_INIT, cut = BUF_INIT;

	lead(it, summary, &l);
	add_cut(&cut, buf_slice(&l), SEARCH_LEAD_MAX);
	add(&e->text, buf_slice(&cut));
	if (show)
		add_line(&e->line, buf_slice(&l));
	buf_free(&l);
	buf_free(&cut);
}

static void add_vocab(struct render *r, struct entry *e, enum vocab v,
		      const struct ref *ref, bool show)
{
	struct slice l;

	if (!ref->set || ref->index < 0)
		return;
	l = vocab_label(r->s, v, ref->index);
	add(&e->text, l);
	if (show)
		add_line(&e->line, l);
}

/* Every label of a list of vocabulary references; on the line joined by
 * commas when show is set. */
static void add_vocab_list(struct render *r, struct entry *e, enum vocab v,
			   const struct list *l, bool show)
{
	struct buf joined = BUF_INIT;
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct ref *ref = &LIST_AT(*l, struct ref, i);

		if (!ref->set || ref->index < 0)
			continue;
		add(&e->text, vocab_label(r->s, v, ref->index));
		if (joined.len)
			buf_puts(&joined, ", ");
		buf_putsl(&joined, vocab_label(r->s, v, ref->index));
	}
	if (show)
		add_line(&e->line, buf_slice(&joined));
	buf_free(&joined);
}

static void add_texts(struct entry *e, const struct list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		add_text(&e->text, &LIST_AT(*l, struct text, i));
}

static void add_date(struct entry *e, const struct date *start,
		     const struct date *end)
{
	struct buf d = BUF_INIT;

	if (start->set && start->fd != NULL) {
		fuzzydate_format_nl(&d, start->fd,
				    end && end->set ? end->fd : NULL);
		add_line(&e->line, buf_slice(&d));
	}
	buf_free(&d);
}

/* ---- one item per kind ---- */

static void describe_event(struct render *r, const struct event *ev,
			   struct entry *e)
{
	add_text(&e->text, &ev->label);
	add_date(e, &ev->start, &ev->end);
	if (ev->status.set && (ev->status.v == ES_CANCELLED ||
			       ev->status.v == ES_POSTPONED))
		add_line(&e->line, label(r, L_EVENT_STATUS(ev->status.v)));
	add_vocab(r, e, V_EVENT_TYPE, &ev->type, true);
	if (ev->location.name.set) {
		add_text(&e->text, &ev->location.name);
		add_line(&e->line, ev->location.name.s);
	}
	add_vocab_list(r, e, V_AUDIENCE, &ev->audience, false);
	add_vocab_list(r, e, V_MUNICIPALITY, &ev->municipalities, false);
	add_lead(e, &ev->it, NULL, false);
}

static void describe_action(struct render *r, const struct action *a,
			    struct entry *e)
{
	(void)r;
	add_texts(e, &a->themes);
	add_texts(e, &a->target_groups);
	add_lead(e, &a->it, &a->summary, true);
}

static void describe_newsletter(struct render *r, const struct newsletter *n,
				struct entry *e)
{
	(void)r;
	add_date(e, &n->date, NULL);
	add_lead(e, &n->it, &n->summary, false);
}

static void describe_partner(struct render *r, const struct partner *p,
			     struct entry *e)
{
	add_text(&e->text, &p->short_name);
	add_vocab(r, e, V_PARTNER_TYPE, &p->type, true);
	add_vocab(r, e, V_CLUSTER, &p->cluster, false);
	add_vocab_list(r, e, V_MUNICIPALITY, &p->municipalities, true);
	add_lead(e, &p->it, NULL, false);
}

static void describe_service(struct render *r, const struct service *s,
			     struct entry *e)
{
	add_vocab(r, e, V_SERVICE_CATEGORY, &s->category, true);
	add_vocab(r, e, V_MUNICIPALITY, &s->municipality, true);
	add_texts(e, &s->target_groups);
	if (s->partner.set && s->partner.index >= 0)
		add(&e->text, item_title(r->s->kinds[K_PARTNER]
					 .v[s->partner.index]));
	add_lead(e, &s->it, NULL, false);
}

static void describe(struct render *r, const struct item *it,
		     struct entry *e)
{
	switch (it->kind) {
	case K_EVENT: describe_event(r, (const struct event *)it, e); break;
	case K_ACTION: describe_action(r, (const struct action *)it, e); break;
	case K_NEWSLETTER:
		describe_newsletter(r, (const struct newsletter *)it, e);
		break;
	case K_PARTNER: describe_partner(r, (const struct partner *)it, e); break;
	case K_SERVICE: describe_service(r, (const struct service *)it, e); break;
	case K_PAGE:
		add_lead(e, it, &((const struct page *)it)->summary, true);
		break;
	default: break;
	}
}

/* ---- the index ---- */

static int cmp_slice(const void *a, const void *b)
{
	return sl_cmp(*(const struct slice *)a, *(const struct slice *)b);
}

/* The terms of text, sorted and without repeats, as one JSON string. */
static void put_terms(struct buf *json, struct slice text)
{
	struct buf stems = BUF_INIT, joined = BUF_INIT;
	struct slice *w;
	size_t i = 0, n = 0, k;

	search_terms(&stems, text);
	w = xcalloc(stems.len / 2 + 2, sizeof(*w));
	while (i < stems.len) {
		size_t start = i;

		while (i < stems.len && stems.ptr[i] != ' ')
			i++;
		w[n++] = sl_make(stems.ptr + start, i - start);
		i++;
	}
	if (n)
		qsort(w, n, sizeof(*w), cmp_slice);
	for (k = 0; k < n; k++) {
		if (k && sl_eq(w[k], w[k - 1]))
			continue;
		if (joined.len)
			buf_putc(&joined, ' ');
		buf_putsl(&joined, w[k]);
	}
	json_put_string(json, buf_slice(&joined));
	free(w);
	buf_free(&stems);
	buf_free(&joined);
}

/* Appends the item's entry; *count says whether a comma goes first. */
static void put_entry(struct render *r, struct buf *json, size_t *count,
		      const struct item *it)
{
	struct entry e = { BUF_INIT, BUF_INIT };
	struct slice title = item_title(it);

	if (!it->published) /* callers pass published items; never leak one */
		return;
	add(&e.text, title);
	describe(r, it, &e);
	buf_puts(json, (*count)++ ? ",\n{\"k\":" : "\n{\"k\":");
	json_put_string(json, sl_cstr(kind_names[it->kind]));
	buf_puts(json, ",\"t\":");
	json_put_string(json, title);
	buf_puts(json, ",\"u\":");
	json_put_string(json, sl_cstr(item_url(r, it)));
	buf_puts(json, ",\"d\":");
	json_put_string(json, buf_slice(&e.line));
	buf_puts(json, ",\"w\":");
	put_terms(json, buf_slice(&e.text));
	buf_putc(json, '}');
	buf_free(&e.text);
	buf_free(&e.line);
	/* item_url() and the labels live in the page arena. */
	arena_reset(&r->pa);
}

static bool event_past(struct render *r, const struct event *ev)
{
	return event_is_past(ev, r->s->now_day);
}

static void put_kind(struct render *r, struct buf *json, size_t *count,
		     enum kind k, bool newest_first)
{
	size_t i, n;
	struct item **v = published_items(&r->s->kinds[k], &n);

	for (i = 0; i < n; i++)
		put_entry(r, json, count, v[newest_first ? n - 1 - i : i]);
	free(v);
}

static void put_kinds(struct render *r, struct buf *json)
{
	static const struct { enum kind k; enum label_id l; } kinds[] = {
		{ K_ACTION, L_KIND_ACTION }, { K_EVENT, L_KIND_EVENT },
		{ K_NEWSLETTER, L_KIND_NEWSLETTER }, { K_PARTNER, L_KIND_PARTNER },
		{ K_SERVICE, L_KIND_SERVICE }, { K_PAGE, L_KIND_PAGE },
	};
	size_t i;

	buf_puts(json, "\"kinds\":{");
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (i)
			buf_putc(json, ',');
		json_put_string(json, sl_cstr(kind_names[kinds[i].k]));
		buf_putc(json, ':');
		json_put_string(json, label(r, kinds[i].l));
	}
	buf_puts(json, "},\n");
}

static void write_index(struct render *r)
{
	struct event *const *ev;
	struct buf json = BUF_INIT;
	size_t i, n, count = 0;

	ev = events_by_date(r, &n);
	buf_puts(&json, "{\"version\":1,");
	put_kinds(r, &json);
	buf_puts(&json, "\"items\":[");
	for (i = 0; i < n; i++)
		if (!event_past(r, ev[i]))
			put_entry(r, &json, &count, &ev[i]->it);
	put_kind(r, &json, &count, K_ACTION, false);
	put_kind(r, &json, &count, K_SERVICE, false);
	put_kind(r, &json, &count, K_PARTNER, false);
	put_kind(r, &json, &count, K_PAGE, false);
	put_kind(r, &json, &count, K_NEWSLETTER, true);
	for (i = n; i-- > 0;)
		if (event_past(r, ev[i]))
			put_entry(r, &json, &count, &ev[i]->it);
	buf_puts(&json, "\n]}\n");
	emit_file(r, SEARCH_DIR "/" SEARCH_INDEX_FILE, &json);
	buf_free(&json);
}

/* ---- the page ---- */

/* {label, url} of each entry of vocabulary v whose page
 * SECTION/FOLDER/ID/ (section_dir) the build writes. */
static struct tv *facet_links(struct render *r, enum kind section,
			      const char *folder, enum vocab v)
{
	const struct list *l = &r->s->cfg.vocab[v];
	struct tv *out = rlist(r);
	struct buf p = BUF_INIT, u = BUF_INIT;
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct vocab_entry *e = &LIST_AT(*l, struct vocab_entry, i);
		struct tv *m;

		buf_reset(&p);
		section_dir(r, &p, section, folder, e->id.s);
		if (!url_claimed(r, p.ptr))
			continue;
		m = rmap(r);
		buf_reset(&u);
		buf_putsl(&u, r->base_path);
		buf_putsl(&u, buf_slice(&p));
		put_sl(r, m, "label", vocab_label(r->s, v, (int)i));
		put_buf(r, m, "url", &u);
		push(r, out, m);
	}
	buf_free(&p);
	buf_free(&u);
	return out;
}

static void put_facets(struct render *r, struct tv *page)
{
	put(r, page, "cal_types", facet_links(r, K_EVENT,
		cal_facet_dir[CF_TYPE], cal_facet_vocab[CF_TYPE]));
	put(r, page, "cal_audiences", facet_links(r, K_EVENT,
		cal_facet_dir[CF_AUDIENCE], cal_facet_vocab[CF_AUDIENCE]));
	put(r, page, "cal_municipalities", facet_links(r, K_EVENT,
		cal_facet_dir[CF_MUNICIPALITY],
		cal_facet_vocab[CF_MUNICIPALITY]));
	put(r, page, "partner_types", facet_links(r, K_PARTNER,
		PARTNER_FACET_TYPE, V_PARTNER_TYPE));
	put(r, page, "partner_municipalities", facet_links(r, K_PARTNER,
		PARTNER_FACET_MUNICIPALITY, V_MUNICIPALITY));
}

static void render_page(struct render *r)
{
	struct tv *page = rmap(r);
	struct buf u = BUF_INIT;

	put_label(r, page, "title", L_TITLE_SEARCH);
	put_label(r, page, "description", L_DESCRIPTION_SEARCH);
	buf_printf(&u, "%.*s%s/", SL_FMT(r->base_path), SEARCH_DIR);
	put_buf(r, page, "url", &u);
	buf_puts(&u, SEARCH_INDEX_FILE);
	put_buf(r, page, "index_url", &u);
	put_cstr(r, page, "calendar_url", kind_url(r, K_EVENT));
	put_cstr(r, page, "archive_url",
		 section_url(r, K_EVENT, CAL_DIR_ARCHIVE, SL("")));
	put_cstr(r, page, "plan_url", kind_url(r, K_ACTION));
	put_cstr(r, page, "newsletters_url", kind_url(r, K_NEWSLETTER));
	put_cstr(r, page, "partners_url", kind_url(r, K_PARTNER));
	put_cstr(r, page, "map_url", kind_url(r, K_SERVICE));
	put_label(r, page, "plan_title", L_TITLE_PLAN);
	put_label(r, page, "calendar_title", L_TITLE_CALENDAR);
	put_label(r, page, "archive_title", L_TITLE_ARCHIVE);
	put_label(r, page, "newsletters_title", L_TITLE_NEWSLETTERS);
	put_label(r, page, "partners_title", L_TITLE_PARTNERS);
	put_label(r, page, "map_title", L_TITLE_SERVICES);
	put_facets(r, page);
	buf_free(&u);
	emit_page(r, "search", SEARCH_DIR "/", page, true);
}

void claim_search_urls(struct render *r)
{
	const struct pos none = { 0, 0 };
	const char *what = diag_tr(&r->b->diag, "the site search",
				   "de zoekfunctie van de site");

	claim_url(r, SEARCH_DIR "/", what, NULL, none);
	claim_url(r, SEARCH_DIR "/" SEARCH_INDEX_FILE, what, NULL, none);
}

void render_search(struct render *r)
{
	if (unit_begin(r, unit_list_weight(site_items(r->s))))
		write_index(r);
	unit_end(r);
	render_page(r);
}
