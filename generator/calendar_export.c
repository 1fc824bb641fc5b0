/*
 * calendar_export: the calendar in formats other than HTML.
 *
 *  - iCalendar: /kalender.ics with everything, one feed per event type,
 *    audience and municipality beside that facet's page
 *    (/kalender/soort/TYPE.ics, /kalender/doelgroep/ID.ics,
 *    /kalender/gemeente/ID.ics), and one file per event (/kalender/ID.ics).
 *    The contract's /kalender/TYPE.ics would share its name with the file
 *    of an event whose id is a type's id (an events/overleg.md next to the
 *    default type "overleg"), so type feeds live under soort/ like the
 *    others.  Only entries known to the day go in: a calendar program
 *    cannot say "some time in March".
 *  - "Add to calendar" links for Google Calendar and Outlook on the web.
 *  - schema.org Event JSON-LD for the event page's head.
 *
 * UIDs are made from the site's address and the event's id only, so they
 * stay the same across builds and edits, and a client updates an event in
 * place when its day or title changes.  Texts are built in the page arena,
 * which is released once the files are written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "calendar.h"
#include "civil.h"
#include "dutch.h"
#include "geojson.h"
#include "markdown.h"
#include "xalloc.h"

static const char google_base[] =
	"https://calendar.google.com/calendar/render?action=TEMPLATE";
static const char outlook_base[] =
	"https://outlook.office.com/calendar/0/deeplink/compose"
	"?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent";

static struct slice keep(struct render *r, const struct buf *b)
{
	return sl_make(arena_strndup(&r->pa, b->ptr, b->len), b->len);
}

/* ---- paths ---- */

void cal_feed_path(struct render *r, struct buf *b, enum cal_facet f,
		   int index)
{
	const struct vocab_entry *v;

	if (f == CF__COUNT) {
		buf_printf(b, "%s.ics", r->kind_path[K_EVENT]);
		return;
	}
	v = &LIST_AT(r->s->cfg.vocab[cal_facet_vocab[f]], struct vocab_entry,
		     index);
	buf_printf(b, "%s/%s/%.*s.ics", r->kind_path[K_EVENT],
		   cal_facet_dir[f], SL_FMT(v->id.s));
}

static void event_file_path(struct render *r, struct buf *b,
			    const struct event *e)
{
	buf_printf(b, "%s/%.*s.ics", r->kind_path[K_EVENT], SL_FMT(e->it.id));
}

void cal_claim_feeds(struct render *r, const struct cal *c)
{
	static const char *const what[CF__COUNT][2] = {
		{ "the feed of event type '%.*s'",
		  "de agenda van activiteitensoort '%.*s'" },
		{ "the feed of audience '%.*s'",
		  "de agenda van doelgroep '%.*s'" },
		{ "the feed of municipality '%.*s'",
		  "de agenda van gemeente '%.*s'" } };
	const struct diag_ctx *d = &r->b->diag;
	struct buf p = BUF_INIT, w = BUF_INIT;
	size_t i;
	int f;

	cal_feed_path(r, &p, CF__COUNT, -1);
	claim_url(r, p.ptr, diag_tr(d, "the calendar feed",
				    "de agenda van de kalender"), NULL,
		  (struct pos){ 0, 0 });
	for (f = 0; f < CF__COUNT; f++)
		for (i = 0; i < r->s->cfg.vocab[cal_facet_vocab[f]].n; i++) {
			const struct vocab_entry *v = &LIST_AT(
				r->s->cfg.vocab[cal_facet_vocab[f]],
				struct vocab_entry, i);

			if (!cal_facet_first(r, (enum cal_facet)f, i))
				continue;
			buf_reset(&p);
			buf_reset(&w);
			cal_feed_path(r, &p, (enum cal_facet)f, (int)i);
			buf_printf(&w, diag_tr(d, what[f][0], what[f][1]),
				   SL_FMT(v->id.s));
			claim_url(r, p.ptr, w.ptr, NULL, (struct pos){ 0, 0 });
		}
	for (i = 0; i < c->n; i++) {
		const struct event *e = c->v[i].ev;

		if (!e || !c->v[i].day_precise)
			continue;
		buf_reset(&p);
		buf_reset(&w);
		event_file_path(r, &p, e);
		buf_printf(&w, diag_tr(d, "the iCalendar file of event '%.*s'",
				       "het iCalendar-bestand van activiteit "
				       "'%.*s'"), SL_FMT(e->it.id));
		claim_url(r, p.ptr, w.ptr, e->it.src, (struct pos){ 1, 1 });
	}
	buf_free(&p);
	buf_free(&w);
}

/* ---- texts ---- */

/* The body as plain text, with every link made absolute: a calendar
 * program has no page to resolve "/kalender/" against. */
static void body_text(struct render *r, const struct item *it, struct buf *out)
{
	bool abs = r->abs_links;
	const char *campaign = r->campaign;

	r->abs_links = true;
	r->campaign = NULL;
	body_render(r, it, out, true);
	r->abs_links = abs;
	r->campaign = campaign;
}

static struct slice partner_name(struct render *r, const struct ref *ref)
{
	if (ref->index == REF_ZONE)
		return r->s->cfg.zone.name.s;
	return item_title(r->s->kinds[K_PARTNER].v[ref->index]);
}

static const struct service *location_service(struct render *r,
					      const struct event *e)
{
	if (!e->location.h.set || !e->location.service.set ||
	    e->location.service.index < 0)
		return NULL;
	return (const struct service *)
	       r->s->kinds[K_SERVICE].v[e->location.service.index];
}

static void address_text(struct render *r, struct buf *b,
			 const struct address *a)
{
	if (!a->h.set)
		return;
	if (a->street.set)
		buf_putsl(b, a->street.s);
	if (a->postcode.set || a->municipality.set || a->place.set)
		buf_puts(b, a->street.set ? ", " : "");
	if (a->postcode.set) {
		buf_putsl(b, a->postcode.s);
		buf_putc(b, ' ');
	}
	if (a->municipality.set)
		buf_putsl(b, vocab_label(r->s, V_MUNICIPALITY,
					 a->municipality.index));
	else if (a->place.set)
		buf_putsl(b, a->place.s);
	while (b->len && b->ptr[b->len - 1] == ' ')
		buf_truncate(b, b->len - 1);
}

/* "Lokaal dienstencentrum De Kade, Bruggestraat 1, 8730 Beernem" */
static void location_text(struct render *r, struct buf *b,
			  const struct event *e)
{
	const struct service *sv = location_service(r, e);
	size_t mark;

	if (e->location.h.set) {
		if (e->location.name.set)
			buf_putsl(b, e->location.name.s);
		else if (sv)
			buf_putsl(b, sv->name.s);
		mark = b->len;
		if (mark)
			buf_puts(b, ", ");
		if (e->location.address.set)
			buf_putsl(b, e->location.address.s);
		else if (sv)
			address_text(r, b, &sv->address);
		if (b->len == mark + 2 && mark)
			buf_truncate(b, mark);
	}
	if (b->len == 0 && e->online.url.set)
		buf_putsl(b, label(r, L_ICAL_LOCATION_ONLINE));
}

/* A new paragraph of a plain-text description, unless it is empty. */
static void paragraph(struct buf *b, const struct buf *text)
{
	if (text->len == 0)
		return;
	if (b->len)
		buf_puts(b, "\n\n");
	buf_putsl(b, buf_slice(text));
}

/* A line of the details: label id with its placeholders filled in. */
static void line_of(struct render *r, struct buf *b, enum label_id id,
		    const struct label_arg *args, size_t nargs)
{
	if (b->len)
		buf_putc(b, '\n');
	label_fill(b, label(r, id), args, nargs);
}

/* The same for a label with one placeholder, name. */
static void line(struct render *r, struct buf *b, enum label_id id,
		 const char *name, struct slice value)
{
	struct label_arg arg = { name, value };

	line_of(r, b, id, &arg, 1);
}

static void registration_line(struct render *r, struct buf *b,
			      const struct registration *reg)
{
	struct buf day = BUF_INIT;

	if (!reg->deadline.set) {
		line(r, b, L_ICAL_REGISTRATION, "url", reg->url.s);
		return;
	}
	fuzzydate_format_nl(&day, reg->deadline.fd, NULL);
	line_of(r, b, L_ICAL_REGISTRATION_DEADLINE, (const struct label_arg[]){
		{ "url", reg->url.s }, { "date", buf_slice(&day) } }, 2);
	buf_free(&day);
}

static void event_details(struct render *r, struct buf *b,
			  const struct event *e)
{
	const struct registration *reg = &e->registration;

	if (reg->h.set && reg->url.set)
		registration_line(r, b, reg);
	if (reg->h.set && reg->capacity.set) {
		char n[24];

		snprintf(n, sizeof(n), "%lld", reg->capacity.v);
		line(r, b, L_ICAL_CAPACITY, "count", sl_cstr(n));
	}
	if (e->online.url.set)
		line(r, b, L_ICAL_ONLINE, "url", e->online.url.s);
	if (e->organiser.set)
		line(r, b, L_ICAL_ORGANISER, "name",
		     partner_name(r, &e->organiser));
}

/* Status, the body, the practical details and the page's address. */
static void description_text(struct render *r, struct buf *b,
			     const struct cal_entry *e, const char *page)
{
	struct buf t = BUF_INIT, url = BUF_INIT;

	if (e->status == ES_CANCELLED || e->status == ES_POSTPONED)
		buf_printf(&t, "%.*s.",
			   SL_FMT(label(r, L_EVENT_STATUS(e->status))));
	else if (e->tentative)
		buf_putsl(&t, label(r, L_ICAL_TENTATIVE));
	paragraph(b, &t);
	buf_reset(&t);
	if (e->ev) {
		body_text(r, &e->ev->it, &t);
		paragraph(b, &t);
		buf_reset(&t);
		event_details(r, &t, e->ev);
	} else {
		line(r, &t, L_ICAL_MILESTONE, "action", e->action->title.s);
	}
	paragraph(b, &t);
	buf_reset(&t);
	abs_site_url(r, &url, page);
	line(r, &t, L_ICAL_MORE_INFO, "url", buf_slice(&url));
	paragraph(b, &t);
	buf_free(&url);
	buf_free(&t);
}

/* ---- iCalendar ---- */

static void uid_text(struct render *r, struct buf *b, const struct cal_entry *e)
{
	struct slice host = r->base_url;
	const char *sep = memchr(host.ptr, ':', host.len);

	if (sep && (size_t)(sep - host.ptr) + 3 <= host.len) {
		host.len -= (size_t)(sep + 3 - host.ptr);
		host.ptr = sep + 3;
	}
	if (e->ev)
		buf_printf(b, "event-%.*s@%.*s", SL_FMT(e->ev->it.id),
			   SL_FMT(host));
	else
		buf_printf(b, "milestone-%.*s-%zu@%.*s",
			   SL_FMT(e->action->it.id), e->ms_index, SL_FMT(host));
}

/* DTSTART and DTEND from the entry's first and last point. */
static void ical_times(const struct cal_entry *e, struct ical_event *out)
{
	const struct fd_point *a = e->from, *z = e->to;

	if (a->prec == FD_MOMENT) {
		out->start = (struct ical_time){ true, false, a->first_day,
						 a->first_minute };
		if (z->prec == FD_MOMENT && (z->first_day != a->first_day ||
					     z->first_minute != a->first_minute))
			out->end = (struct ical_time){ true, false, z->first_day,
						       z->first_minute };
		else if (z->prec == FD_DAY && z->first_day > a->first_day)
			out->end = (struct ical_time){ true, false,
						       z->first_day + 1, 0 };
		return;
	}
	out->start = (struct ical_time){ true, true, a->first_day, 0 };
	out->end = (struct ical_time){ true, true, e->last_day + 1, 0 };
}

static void categories(struct render *r, const struct cal_entry *e,
		       struct ical_event *out)
{
	const struct event *ev = e->ev;
	size_t n = ev ? ev->audience.n + 1 : 1, i;
	struct slice *v = arena_array(&r->pa, n, sizeof(*v));

	out->categories = v;
	if (!ev) {
		v[out->ncategories++] = label(r, L_SECTION_ACTIONS);
		return;
	}
	if (ev->type.set)
		v[out->ncategories++] = vocab_label(r->s, V_EVENT_TYPE,
						    ev->type.index);
	for (i = 0; i < ev->audience.n; i++)
		v[out->ncategories++] = vocab_label(r->s, V_AUDIENCE,
			LIST_AT(ev->audience, struct ref, i).index);
}

/* cal_ical_event(), with the DESCRIPTION (the event's whole body as
 * plain text, the costliest field) only when described is set. */
static bool ical_event_of(struct render *r, const struct cal_entry *e,
			  struct ical_event *out, bool described)
{
	struct buf b = BUF_INIT;
	const char *page = cal_entry_url(r, e);

	memset(out, 0, sizeof(*out));
	if (!e->day_precise)
		return false;
	uid_text(r, &b, e);
	out->uid = keep(r, &b);
	ical_times(e, out);
	buf_reset(&b);
	if (e->status == ES_CANCELLED || e->status == ES_POSTPONED)
		buf_printf(&b, "%.*s: ",
			   SL_FMT(label(r, L_EVENT_STATUS(e->status))));
	buf_putsl(&b, e->title);
	out->summary = keep(r, &b);
	buf_reset(&b);
	if (described) {
		description_text(r, &b, e, page);
		out->description = keep(r, &b);
		buf_reset(&b);
	}
	if (e->ev)
		location_text(r, &b, e->ev);
	out->location = keep(r, &b);
	buf_reset(&b);
	abs_site_url(r, &b, page);
	out->url = keep(r, &b);
	categories(r, e, out);
	if (e->status == ES_CANCELLED || e->status == ES_POSTPONED)
		out->status = ICAL_STATUS_CANCELLED;
	else if (e->tentative)
		out->status = ICAL_STATUS_TENTATIVE;
	else if (e->status == ES_CONFIRMED || e->status == ES_DONE)
		out->status = ICAL_STATUS_CONFIRMED;
	buf_free(&b);
	return true;
}

bool cal_ical_event(struct render *r, const struct cal_entry *e,
		    struct ical_event *out)
{
	return ical_event_of(r, e, out, true);
}

/* The feed's description and source, for the calendar app. */
static void feed_header(struct render *r, struct ical_calendar *cal,
			const char *path, struct buf *url, struct buf *desc)
{
	abs_url(r, url, sl_cstr(path));
	label_fill(desc, label(r, L_ICAL_FEED_DESCRIPTION),
		   (const struct label_arg[]){
			{ "zone", r->s->cfg.zone.name.s },
			{ "feed", cal->name } }, 2);
	cal->description = buf_slice(desc);
	cal->url = buf_slice(url);
	cal->refresh_hours = CAL_REFRESH_HOURS;
}

static void ical_bug(const char *path)
{
	die("internal error: %s holds a local time that does not exist "
	    "in Europe/Brussels", path);
}

/* One event's own calendar file. */
static void write_event_file(struct render *r, const char *path,
			     struct slice name, const struct ical_event *ev)
{
	struct ical_calendar cal = { 0 };
	struct buf out = BUF_INIT;

	cal.name = name;
	cal.dtstamp = r->b->now_utc;
	if (ical_write(&out, &cal, ev, 1) != 0)
		ical_bug(path);
	emit_file(r, path, &out);
	buf_free(&out);
}

/*
 * A feed, written as pieces: its head, each event's VEVENT text where it
 * already is (struct feed_events), and its tail.  The main feed of a big
 * calendar runs to hundreds of megabytes; this way it is never copied
 * into one buffer.
 */
static void write_feed(struct render *r, const char *path, struct slice name,
		       const struct ical_event *ev, size_t n)
{
	struct ical_calendar cal = { 0 };
	struct buf head = BUF_INIT, tail = BUF_INIT, url = BUF_INIT,
		   desc = BUF_INIT;
	struct slice *v = xcalloc(n + 2, sizeof(*v));
	size_t i;

	cal.name = name;
	cal.dtstamp = r->b->now_utc;
	feed_header(r, &cal, path, &url, &desc);
	if (ical_write_head(&head, &cal, ev, n) != 0)
		ical_bug(path);
	ical_write_tail(&tail);
	v[0] = buf_slice(&head);
	for (i = 0; i < n; i++)
		v[i + 1] = ev[i].text;
	v[n + 1] = buf_slice(&tail);
	emit_pieces(r, path, v, n + 2);
	free(v);
	buf_free(&head);
	buf_free(&tail);
	buf_free(&url);
	buf_free(&desc);
}

static struct slice feed_name(struct render *r, struct buf *b,
			      struct slice what)
{
	const struct site_config *c = &r->s->cfg;

	buf_reset(b);
	buf_printf(b, "%.*s \xe2\x80\x93 %.*s",
		   SL_FMT(c->zone.short_name.set ? c->zone.short_name.s :
			  c->zone.name.s), SL_FMT(what));
	return buf_slice(b);
}

/*
 * The event of entry e for the feeds, as its VEVENT text (kept in texts)
 * and its times: every feed that lists it copies the text.  Its fields
 * are made in a scratch arena lent as r->pa and dropped at once, so a
 * big calendar holds one copy of each event, not its parts as well.
 */
static bool feed_event(struct render *r, const struct cal_entry *e,
		       struct ical_event *out, struct arena *scratch,
		       struct arena *texts)
{
	struct arena page = r->pa;
	struct buf b = BUF_INIT;
	struct ical_event ev;
	bool ok;

	r->pa = *scratch;
	ok = cal_ical_event(r, e, &ev);
	memset(out, 0, sizeof(*out));
	if (ok) {
		ical_vevent(&b, &ev, r->b->now_utc);
		out->start = ev.start;
		out->end = ev.end;
		out->text = sl_make(arena_strndup(texts, b.ptr, b.len), b.len);
	}
	arena_reset(&r->pa);
	*scratch = r->pa;
	r->pa = page;
	buf_free(&b);
	return ok;
}

/* The feeds' events, each made the first time a unit of this worker
 * needs it (render workers share out the feeds and the events' files). */
struct feed_events {
	const struct cal *c;
	struct ical_event *all, *sel;
	bool *has, *made;
	struct arena scratch, texts;
};

static bool feed_has(struct render *r, struct feed_events *fe, size_t i)
{
	if (!fe->made[i]) {
		fe->has[i] = feed_event(r, &fe->c->v[i], &fe->all[i],
					&fe->scratch, &fe->texts);
		fe->made[i] = true;
	}
	return fe->has[i];
}

static void write_facet_feeds(struct render *r, struct feed_events *fe)
{
	struct buf path = BUF_INIT, name = BUF_INIT;
	size_t i, j, n;
	int f;

	for (f = 0; f < CF__COUNT; f++)
		for (i = 0; i < r->s->cfg.vocab[cal_facet_vocab[f]].n; i++) {
			const struct cal_facet_index *x = &fe->c->facet[f];

			if (!cal_facet_first(r, (enum cal_facet)f, i))
				continue;
			/* A feed copies each event's text: about half a
			 * page's work per event. */
			if (!unit_begin(r, UNIT_PAGE +
				       2 * (x->off[i + 1] - x->off[i]))) {
				unit_end(r);
				continue;
			}
			for (n = 0, j = x->off[i]; j < x->off[i + 1]; j++)
				if (feed_has(r, fe, x->idx[j]))
					fe->sel[n++] = fe->all[x->idx[j]];
			buf_reset(&path);
			cal_feed_path(r, &path, (enum cal_facet)f, (int)i);
			write_feed(r, path.ptr, feed_name(r, &name,
				   vocab_label(r->s, cal_facet_vocab[f],
					       (int)i)), fe->sel, n);
			unit_end(r);
		}
	buf_free(&path);
	buf_free(&name);
}

void cal_write_feeds(struct render *r, const struct cal *c)
{
	struct feed_events fe = { .c = c, .scratch = ARENA_INIT,
				  .texts = ARENA_INIT };
	struct buf path = BUF_INIT, name = BUF_INIT;
	size_t i, n = 0;

	fe.all = xcalloc(c->n + 1, sizeof(*fe.all));
	fe.sel = xcalloc(c->n + 1, sizeof(*fe.sel));
	fe.has = xcalloc(c->n + 1, sizeof(*fe.has));
	fe.made = xcalloc(c->n + 1, sizeof(*fe.made));
	if (unit_begin(r, UNIT_PAGE + 3 * c->n)) {
		for (i = 0; i < c->n; i++)
			if (feed_has(r, &fe, i))
				fe.sel[n++] = fe.all[i];
		cal_feed_path(r, &path, CF__COUNT, -1);
		write_feed(r, path.ptr, feed_name(r, &name,
			   label(r, L_TITLE_CALENDAR)), fe.sel, n);
	}
	unit_end(r);
	write_facet_feeds(r, &fe);
	for (i = 0; i < c->n; i++) {
		if (!c->v[i].ev)
			continue;
		if (unit_begin(r, UNIT_PAGE / 2) && feed_has(r, &fe, i)) {
			buf_reset(&path);
			event_file_path(r, &path, c->v[i].ev);
			write_event_file(r, path.ptr, c->v[i].title,
					 &fe.all[i]);
		}
		unit_end(r);
	}
	arena_free(&fe.scratch);
	arena_free(&r->pa);
	arena_free(&fe.texts);
	buf_free(&path);
	buf_free(&name);
	free(fe.all);
	free(fe.sel);
	free(fe.has);
	free(fe.made);
}

/* ---- "add to calendar" links ---- */

/* RFC 3986 query component: unreserved characters stay, the rest is
 * percent-encoded byte by byte (UTF-8). */
static void query(struct buf *b, const char *key, struct slice v)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;

	buf_printf(b, "&%s=", key);
	for (i = 0; i < v.len; i++) {
		unsigned char c = (unsigned char)v.ptr[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' || c == '~') {
			buf_putc(b, (char)c);
		} else {
			buf_putc(b, '%');
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		}
	}
}

/* A DTSTART or DTEND as the links want it: a day, or the UTC instant. */
static void stamp(struct buf *b, const struct ical_time *t, enum civil_iso form)
{
	if (t->all_day)
		civil_put_date(b, t->day, form);
	else
		civil_put_utc(b, ical_utc(t), form);
}

/* A short text for the links: the first paragraph and the page. */
static void link_details(struct render *r, struct buf *b,
			 const struct cal_entry *e, const char *page)
{
	if (e->ev && e->ev->it.doc && md_summary(e->ev->it.doc, b))
		buf_puts(b, "\n\n");
	abs_site_url(r, b, page);
}

static void put_links(struct render *r, struct tv *m, const struct ical_event *ev,
		      struct slice details)
{
	const struct ical_time *end = ev->end.set ? &ev->end : &ev->start;
	struct buf u = BUF_INIT, t = BUF_INIT;

	buf_puts(&u, google_base);
	query(&u, "text", ev->summary);
	stamp(&t, &ev->start, CIVIL_ISO_BASIC);
	buf_putc(&t, '/');
	stamp(&t, end, CIVIL_ISO_BASIC);
	query(&u, "dates", buf_slice(&t));
	query(&u, "details", details);
	if (ev->location.len)
		query(&u, "location", ev->location);
	query(&u, "ctz", SL(ICAL_TZID));
	put_buf(r, m, "google_url", &u);
	buf_reset(&u);
	buf_puts(&u, outlook_base);
	query(&u, "subject", ev->summary);
	buf_reset(&t);
	stamp(&t, &ev->start, CIVIL_ISO_EXTENDED);
	query(&u, "startdt", buf_slice(&t));
	buf_reset(&t);
	stamp(&t, end, CIVIL_ISO_EXTENDED);
	query(&u, "enddt", buf_slice(&t));
	if (ev->start.all_day)
		query(&u, "allday", SL("true"));
	query(&u, "body", details);
	if (ev->location.len)
		query(&u, "location", ev->location);
	put_buf(r, m, "outlook_url", &u);
	buf_free(&u);
	buf_free(&t);
}

/* ---- JSON-LD ---- */

static void json_key(struct buf *b, const char *key, struct slice v)
{
	if (v.len == 0)
		return;
	buf_printf(b, ",\"%s\":", key);
	json_put_string(b, v);
}

static void json_date(struct buf *b, const char *key, const struct fd_point *p)
{
	struct buf t = BUF_INIT;

	if (fuzzydate_put_iso(&t, p, CIVIL_HH_MM_SS))
		json_key(b, key, buf_slice(&t));
	buf_free(&t);
}

static void json_organizer(struct render *r, struct buf *b,
			   const struct ref *ref)
{
	struct buf u = BUF_INIT;

	buf_puts(b, "{\"@type\":\"Organization\",\"name\":");
	json_put_string(b, partner_name(r, ref));
	if (ref->index == REF_ZONE) {
		abs_url(r, &u, SL(""));
	} else if (r->s->kinds[K_PARTNER].v[ref->index]->published) {
		abs_site_url(r, &u, item_url(r,
			     r->s->kinds[K_PARTNER].v[ref->index]));
	}
	json_key(b, "url", buf_slice(&u));
	buf_putc(b, '}');
	buf_free(&u);
}

static void json_organizers(struct render *r, struct buf *b,
			    const struct event *e)
{
	size_t i, n = e->organiser.set + e->co_organisers.n;

	if (n == 0)
		return;
	buf_puts(b, n > 1 ? ",\"organizer\":[" : ",\"organizer\":");
	if (e->organiser.set)
		json_organizer(r, b, &e->organiser);
	for (i = 0; i < e->co_organisers.n; i++) {
		if (i || e->organiser.set)
			buf_putc(b, ',');
		json_organizer(r, b, &LIST_AT(e->co_organisers, struct ref, i));
	}
	if (n > 1)
		buf_putc(b, ']');
}

/* Belgian postcodes have four digits. */
static bool is_postcode(const char *p)
{
	int k;

	for (k = 0; k < 4; k++)
		if (p[k] < '0' || p[k] > '9')
			return false;
	return true;
}

/* "Dorpsplein 1, 8210 Zedelgem": the street, the postcode and the town
 * when the free text ends that way; else all of it as the street. */
static void json_free_address(struct buf *b, struct slice a)
{
	size_t i;

	for (i = a.len; i-- > 1;)
		if (a.ptr[i - 1] == ',' && a.ptr[i] == ' ' && i + 6 < a.len &&
		    is_postcode(a.ptr + i + 1) && a.ptr[i + 5] == ' ')
			break;
	buf_puts(b, "{\"@type\":\"PostalAddress\"");
	if (i == 0) {
		json_key(b, "streetAddress", a);
	} else {
		json_key(b, "streetAddress", sl_make(a.ptr, i - 1));
		json_key(b, "postalCode", sl_make(a.ptr + i + 1, 4));
		json_key(b, "addressLocality", sl_make(a.ptr + i + 6,
						       a.len - i - 6));
	}
	buf_puts(b, ",\"addressCountry\":\"BE\"}");
}

static void json_address(struct render *r, struct buf *b,
			 const struct address *a)
{
	buf_puts(b, "{\"@type\":\"PostalAddress\"");
	if (a->street.set)
		json_key(b, "streetAddress", a->street.s);
	if (a->postcode.set)
		json_key(b, "postalCode", a->postcode.s);
	if (a->municipality.set)
		json_key(b, "addressLocality", vocab_label(r->s, V_MUNICIPALITY,
							   a->municipality.index));
	else if (a->place.set)
		json_key(b, "addressLocality", a->place.s);
	buf_puts(b, ",\"addressCountry\":\"BE\"}");
}

static void json_place(struct render *r, struct buf *b, const struct event *e)
{
	const struct service *sv = location_service(r, e);
	struct slice name = e->location.name.set ? e->location.name.s :
			    sv ? sv->name.s : SL_NULL;

	buf_puts(b, "{\"@type\":\"Place\"");
	json_key(b, "name", name);
	if (e->location.address.set) {
		buf_puts(b, ",\"address\":");
		json_free_address(b, e->location.address.s);
	} else if (sv && sv->address.h.set) {
		buf_puts(b, ",\"address\":");
		json_address(r, b, &sv->address);
	}
	if (sv && sv->it.published) {
		struct buf u = BUF_INIT;

		abs_site_url(r, &u, item_url(r, &sv->it));
		json_key(b, "url", buf_slice(&u));
		buf_free(&u);
	}
	buf_putc(b, '}');
}

static void json_location(struct render *r, struct buf *b,
			  const struct event *e)
{
	bool place = e->location.h.set, online = e->online.url.set;

	buf_printf(b, ",\"eventAttendanceMode\":\"https://schema.org/%s\"",
		   place && online ? "MixedEventAttendanceMode" :
		   online ? "OnlineEventAttendanceMode" :
		   "OfflineEventAttendanceMode");
	if (!place && !online)
		return;
	buf_puts(b, place && online ? ",\"location\":[" : ",\"location\":");
	if (place)
		json_place(r, b, e);
	if (online) {
		buf_puts(b, place ? ",{" : "{");
		buf_puts(b, "\"@type\":\"VirtualLocation\"");
		json_key(b, "url", e->online.url.s);
		buf_putc(b, '}');
	}
	if (place && online)
		buf_putc(b, ']');
}

static void json_ld(struct render *r, struct buf *b, const struct cal_entry *ce,
		    const char *page)
{
	const struct event *e = ce->ev;
	struct buf t = BUF_INIT;
	static const char *const status[] = { [ES_PLANNED] = "EventScheduled",
		[ES_CONFIRMED] = "EventScheduled", [ES_POSTPONED] = "EventPostponed",
		[ES_CANCELLED] = "EventCancelled", [ES_DONE] = "EventScheduled" };

	buf_puts(b, "{\"@context\":\"https://schema.org\",\"@type\":\"Event\"");
	json_key(b, "name", e->title.s);
	abs_site_url(r, &t, page);
	json_key(b, "url", buf_slice(&t));
	buf_reset(&t);
	if (e->it.doc && md_summary(e->it.doc, &t))
		json_key(b, "description", buf_slice(&t));
	if (!ce->tbd) {
		json_date(b, "startDate", ce->from);
		if (ce->to != ce->from)
			json_date(b, "endDate", ce->to);
	}
	buf_printf(b, ",\"eventStatus\":\"https://schema.org/%s\"",
		   status[e->status.v]);
	json_location(r, b, e);
	json_organizers(r, b, e);
	if (e->registration.h.set && e->registration.capacity.set)
		buf_printf(b, ",\"maximumAttendeeCapacity\":%lld",
			   e->registration.capacity.v);
	if (e->type.set)
		json_key(b, "keywords", vocab_label(r->s, V_EVENT_TYPE,
						    e->type.index));
	buf_putc(b, '}');
	buf_free(&t);
}

void cal_put_export(struct render *r, struct tv *m, const struct cal_entry *e)
{
	struct ical_event ev;
	struct buf b = BUF_INIT;
	const char *page = cal_entry_url(r, e);

	if (e->ev) {
		json_ld(r, &b, e, page);
		put_buf(r, m, "jsonld", &b);
		buf_reset(&b);
	}
	/* The links carry their own details (link_details), not the
	 * feed's description. */
	if (e->ev && ical_event_of(r, e, &ev, false)) {
		buf_putsl(&b, r->base_path);
		event_file_path(r, &b, e->ev);
		put_buf(r, m, "ics_url", &b);
		buf_reset(&b);
		buf_printf(&b, "%.*s.ics", SL_FMT(e->ev->it.id));
		put_buf(r, m, "ics_name", &b);
		buf_reset(&b);
		link_details(r, &b, e, page);
		put_links(r, m, &ev, buf_slice(&b));
	}
	buf_free(&b);
}
