/*
 * render_actions: the action plan on the site.
 *
 * A zone's plan is a set of fiches in a mandatory Word template, a month
 * by month "Tijdslijn" and, a year later, a report against its indicators.
 * Here the same fiche files give:
 *
 *   /acties/                the plan in force (see plan_year_current()),
 *                           by strategic, then operational objective
 *   /acties/YYYY/           the plan of each year, the one in force too
 *   /acties/tijdslijn/      the month grid of the plan in force, and
 *   /acties/YYYY/tijdslijn/ of each year
 *   /acties/rapport/        the plan report (internal edition only), and
 *   /acties/YYYY/rapport/   of each year
 *   /acties/ID/             each fiche
 *
 * A fiche shows its body under the template's own Dutch headings, in the
 * template's order whatever order the writer used, and puts each field
 * under the heading the Word template asks it under ("Voor wie?" holds
 * the target groups, "Met wie?" the partners, ...); a field whose heading
 * the template lacks goes to the facts at the top.  A stub is a short
 * page pointing at the fiche it names; a placeholder is only published in
 * the internal edition (model.c decides, main.c lists what it left out).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "civil.h"
#include "dutch.h"
#include "fuzzydate.h"
#include "render_int.h"
#include "slug.h"
#include "xalloc.h"

enum {
	MONTHS = 12,
	/* Actions on one printed A4 landscape page of the timeline. */
	TIMELINE_PER_PAGE = 15,
	/* Rows of milestones one action may take in the timeline; more
	 * still render, but print keeps only this many lines' height. */
	TIMELINE_MAX_LANES = 6,
	/* Sections of one fiche body that the page can reorder. */
	FICHE_MAX_SECTIONS = 64,
};

/* ---- paths ---- */

/* "acties/", "acties/2025/", plus sub ("", "tijdslijn/", "rapport/");
 * year 0 is the plan in force. */
static void plan_path(struct render *r, struct buf *p, int year,
		      const char *sub)
{
	buf_reset(p);
	buf_printf(p, "%s/", r->kind_path[K_ACTION]);
	if (year)
		buf_printf(p, "%d/", year);
	buf_puts(p, sub);
}

static const char *plan_url(struct render *r, int year, const char *sub)
{
	struct buf p = BUF_INIT, u = BUF_INIT;
	const char *s;

	plan_path(r, &p, year, sub);
	buf_putsl(&u, r->base_path);
	buf_putsl(&u, buf_slice(&p));
	s = arena_strndup(&r->pa, u.ptr, u.len);
	buf_free(&p);
	buf_free(&u);
	return s;
}

static void claim_plan(struct render *r, struct buf *p, int year,
		       const char *sub, const char *what)
{
	plan_path(r, p, year, sub);
	claim_url(r, p->ptr, what, NULL, (struct pos){ 0, 0 });
}

void claim_action_urls(struct render *r)
{
	struct buf p = BUF_INIT;
	size_t n, i;
	int *years = plan_years(r->s, &n);
	bool internal = r->s->edition == ED_INTERNAL;

	claim_plan(r, &p, 0, "tijdslijn/", diag_tr(&r->b->diag, "the timeline of the plan",
			   "de tijdslijn van het plan"));
	if (internal)
		claim_plan(r, &p, 0, "rapport/", diag_tr(&r->b->diag, "the plan report",
			   "het rapport van het plan"));
	for (i = 0; i < n; i++) {
		claim_plan(r, &p, years[i], "", diag_tr(&r->b->diag, "a plan year's page",
			   "de pagina van een planjaar"));
		claim_plan(r, &p, years[i], "tijdslijn/", diag_tr(&r->b->diag, "a plan year's timeline",
			   "de tijdslijn van een planjaar"));
		if (internal)
			claim_plan(r, &p, years[i], "rapport/",
				   diag_tr(&r->b->diag, "a plan year's report",
					   "het rapport van een planjaar"));
	}
	free(years);
	buf_free(&p);
}

/* ---- shared pieces ---- */

static int cmp_actions(const void *a, const void *b)
{
	return action_code_cmp(*(struct action *const *)a,
			       *(struct action *const *)b);
}

static struct tv *objective_tv(struct render *r, const struct ref *ref)
{
	const struct objective *o;
	struct tv *m;

	if (!ref->set || ref->index < 0)
		return NULL;
	o = &r->s->objectives[ref->index];
	m = rmap(r);
	put_text(r, m, "id", &o->id);
	put_text(r, m, "text", &o->text);
	return m;
}

/* Enumerated values shown by their label: first is the label of the
 * enumeration's first word (labels.h keeps each group in word order). */
static struct tv *choices(struct render *r, const struct list *l,
			  enum label_id first)
{
	struct tv *out = rlist(r);
	size_t i;

	for (i = 0; i < l->n; i++)
		push(r, out, tv_str(&r->pa, label(r, (enum label_id)(first +
				     LIST_AT(*l, struct choice, i).v))));
	return out;
}

static struct tv *refs(struct render *r, const struct list *l, enum kind k)
{
	struct tv *out = rlist(r);
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct ref *ref = &LIST_AT(*l, struct ref, i);

		if (k == K_PARTNER)
			push(r, out, partner_link(r, ref));
		else if (k == K_OBJECTIVE)
			push(r, out, objective_tv(r, ref));
	}
	return out;
}

/* "trekker, facilitator": the zone's role as one phrase, for a line of
 * text where a list cannot stand. */
static void put_roles(struct render *r, struct tv *m, const struct action *a)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < a->role.n; i++)
		buf_printf(&b, "%s%.*s", i ? ", " : "", SL_FMT(label(r,
			   L_ROLE(LIST_AT(a->role, struct choice, i).v))));
	if (b.len)
		put_buf(r, m, "roles", &b);
	buf_free(&b);
}

static struct tv *action_card(struct render *r, const struct action *a)
{
	struct tv *m = item_link(r, &a->it);

	put_text(r, m, "code", &a->code);
	put_text(r, m, "summary", &a->summary);
	put_cstr(r, m, "status", words_action_status[a->status.v]);
	put_label(r, m, "status_label", L_ACTION_STATUS(a->status.v));
	if (a->continued_from.set)
		put_int(r, m, "continued_from", a->continued_from.v);
	if (a->lead.set)
		put(r, m, "lead", partner_link(r, &a->lead));
	put(r, m, "role", choices(r, &a->role, L_ROLE_TREKKER));
	put_roles(r, m, a);
	put_bool(r, m, "stub", a->template_.v == TPL_STUB);
	if (a->alias_of.set && a->alias_of.index >= 0)
		put(r, m, "alias_of", item_link(r,
		    r->s->kinds[K_ACTION].v[a->alias_of.index]));
	return m;
}

static void put_today(struct render *r, struct tv *m)
{
	struct buf b = BUF_INIT;

	nl_format_day(&b, r->s->now_day);
	put_buf(r, m, "today", &b);
	buf_free(&b);
}

/* ---- months of the plan year ---- */

/* What one action does in each month of a plan year. */
struct month_marks {
	bool on[MONTHS];      /* the period or a milestone touches it */
	int outside;          /* milestones outside the year */
};

/* The months (0..11) of year that [first, last] touches; false when it
 * lies outside the year. */
static bool months_of(int year, int64_t first, int64_t last, int *m1,
		      int *m2)
{
	int64_t y0 = days_from_civil(year, 1, 1);
	int64_t y1 = days_from_civil(year, 12, 31);
	int64_t y;
	int d;

	if (last < y0 || first > y1)
		return false;
	if (first < y0)
		first = y0;
	if (last > y1)
		last = y1;
	civil_from_days(first, &y, m1, &d);
	civil_from_days(last, &y, m2, &d);
	(*m1)--;
	(*m2)--;
	return true;
}

/* The period without an end is its start's own span ("2025-Q2" is the
 * second quarter): the page never stretches what the writer gave. */
static bool period_months(const struct action *a, int year, int *m1,
			  int *m2)
{
	const struct fuzzydate *s = a->period.start.set ?
				    a->period.start.fd : NULL;
	const struct fuzzydate *e = a->period.end.set ? a->period.end.fd : NULL;

	if (s == NULL || s->prec == FD_TBD)
		return false;
	if (e == NULL || e->prec == FD_TBD)
		e = s;
	return months_of(year, s->first_day, e->last_day, m1, m2);
}

static bool milestone_months(const struct milestone *ms, int year, int *m1,
			     int *m2)
{
	if (!ms->date.set || ms->date.fd->prec == FD_TBD)
		return false;
	return months_of(year, ms->date.fd->first_day, ms->date.fd->last_day,
			 m1, m2);
}

static void action_months(const struct action *a, int year,
			  struct month_marks *mm)
{
	size_t i;
	int m1, m2, m;

	memset(mm, 0, sizeof(*mm));
	if (period_months(a, year, &m1, &m2))
		for (m = m1; m <= m2; m++)
			mm->on[m] = true;
	for (i = 0; i < a->milestones.n; i++) {
		const struct milestone *ms =
			&LIST_AT(a->milestones, struct milestone, i);

		if (!milestone_months(ms, year, &m1, &m2)) {
			mm->outside += ms->date.set && ms->date.fd->prec != FD_TBD;
			continue;
		}
		for (m = m1; m <= m2; m++)
			mm->on[m] = true;
	}
}

static bool any_month(const struct month_marks *mm)
{
	int m;

	for (m = 0; m < MONTHS; m++)
		if (mm->on[m])
			return true;
	return false;
}

/* {name: "jan", full: "januari"} for the month headers. */
static struct tv *month_tv(struct render *r, int m)
{
	struct tv *t = rmap(r);

	put_cstr(r, t, "name", nl_month_short(m + 1));
	put_cstr(r, t, "full", nl_month(m + 1));
	return t;
}

static struct tv *month_strip(struct render *r, const struct action *a)
{
	struct month_marks mm;
	struct tv *out = rlist(r);
	int m;

	action_months(a, (int)a->plan.v, &mm);
	if (!any_month(&mm))
		return NULL;
	for (m = 0; m < MONTHS; m++) {
		struct tv *t = month_tv(r, m);

		put_bool(r, t, "on", mm.on[m]);
		push(r, out, t);
	}
	return out;
}

/* ---- the fiche ---- */

static struct tv *milestone_tv(struct render *r, const struct milestone *ms)
{
	struct tv *m = rmap(r);

	put_date(r, m, "date", &ms->date, NULL);
	put_text(r, m, "date_label", &ms->label);
	put_text(r, m, "title", &ms->title);
	put_bool(r, m, "tentative", ms->tentative.v);
	if (ms->event.set && ms->event.index >= 0) {
		const struct event *e = ITEM_AS(const struct event,
			r->s->kinds[K_EVENT].v[ms->event.index]);

		put(r, m, "event", item_link(r, &e->it));
		put_bool(r, m, "held", event_is_held(e, r->s->now_day));
	}
	return m;
}

static struct tv *milestones(struct render *r, const struct action *a)
{
	struct tv *out = rlist(r);
	size_t i;

	for (i = 0; i < a->milestones.n; i++)
		push(r, out, milestone_tv(r, &LIST_AT(a->milestones,
						      struct milestone, i)));
	return out;
}

static struct tv *indicator_tv(struct render *r, const struct action *a,
			       const struct indicator *ind,
			       enum label_id phase)
{
	struct tv *m = rmap(r);
	long long value;

	put_label(r, m, "phase", phase);
	put_text(r, m, "indicator", &ind->indicator);
	put_text(r, m, "target", &ind->target);
	put_text(r, m, "method", &ind->method);
	if (indicator_value(r->s, a, ind, r->s->now_day, &value)) {
		put_int(r, m, "value", value);
		put_label(r, m, "metric", L_METRIC(ind->metric.v));
	}
	return m;
}

static struct tv *evaluation(struct render *r, const struct action *a)
{
	const struct evaluation *e = &a->evaluation;
	const struct list *phases[] = { &e->process, &e->output, &e->impact };
	static const enum label_id names[] = { L_PHASE_PROCESS,
		L_PHASE_OUTPUT, L_PHASE_IMPACT };
	struct tv *rows = rlist(r);
	size_t p, i;

	for (p = 0; p < 3; p++)
		for (i = 0; i < phases[p]->n; i++)
			push(r, rows, indicator_tv(r, a, &LIST_AT(*phases[p],
				struct indicator, i), names[p]));
	return rows;
}

/* "3 keer per jaar", with how the plan year's events went so far
 * (put_series: "2 van 3 ingepland, 1 gehouden"). */
static void put_recurrence(struct render *r, struct tv *m,
			   const struct action *a)
{
	struct buf b = BUF_INIT;

	if (!a->recurrence.h.set || !a->recurrence.count.set)
		return;
	report_recurrence_text(&b, &r->labels, a);
	put_buf(r, m, "recurrence", &b);
	put_text(r, m, "recurrence_note", &a->recurrence.note);
	put_series(r, m, a);
	buf_free(&b);
}

/* Fields that the Word template asks for under one of its headings. */
enum slot {
	SL_TARGET_GROUPS = 1 << 0,
	SL_MUNICIPALITIES = 1 << 1,
	SL_LEAD = 1 << 2,
	SL_ROLE = 1 << 3,
	SL_PARTNERS = 1 << 4,
	SL_PERIOD = 1 << 5,
	SL_MONTHS = 1 << 6,
	SL_MILESTONES = 1 << 7,
	SL_CHANNELS = 1 << 8,
	SL_EVALUATION = 1 << 9,
};

#define SL_WHO (SL_TARGET_GROUPS | SL_MUNICIPALITIES)
#define SL_WITH (SL_LEAD | SL_ROLE | SL_PARTNERS)

struct tpl_section {
	const char *heading, *anchor;
	unsigned slots;
};

/* The headings of the Flemish plan templates, in their order: the 2025
 * template (with the contract's "Mijlpalen"), the 2024 one as the 2025
 * plan reprinted it for continued actions, and the short text of actions
 * that already ran before 2024, which has no headings of its own. */
static const struct tpl_section sections_2025[] = {
	{ "Wat?", "wat", 0 },
	{ "Waarom?", "waarom", 0 },
	{ "Voor wie?", "voor-wie", SL_WHO },
	{ "Met wie?", "met-wie", SL_WITH },
	{ "Hoe?", "hoe", 0 },
	{ "Mijlpalen", "mijlpalen", SL_MONTHS | SL_MILESTONES },
	{ "Evaluatie", "evaluatie", SL_EVALUATION },
	{ NULL, NULL, 0 },
};

static const struct tpl_section sections_2024[] = {
	{ "Korte omschrijving", "korte-omschrijving", 0 },
	{ "Waarom?", "waarom", 0 },
	{ "Voor wie?", "voor-wie", SL_WHO },
	{ "Wat?", "wat", 0 },
	{ "Met wie?", "met-wie", SL_WITH },
	{ "Hoe?", "hoe", 0 },
	{ "Link", "link", 0 },
	{ "Wanneer?", "wanneer", SL_PERIOD | SL_MONTHS | SL_MILESTONES },
	{ "Communicatie", "communicatie", SL_CHANNELS },
	{ "Evaluatie", "evaluatie", SL_EVALUATION },
	{ NULL, NULL, 0 },
};

static const struct tpl_section sections_short[] = {
	{ "Mijlpalen", "mijlpalen", SL_MONTHS | SL_MILESTONES },
	{ "Evaluatie", "evaluatie", SL_EVALUATION },
	{ NULL, NULL, 0 },
};

/* One "## heading" of the body and the HTML up to the next one. */
struct body_section {
	struct slice heading;
	const char *anchor;
	struct slice html;
	bool used;
};

struct body_parts {
	struct slice intro; /* before the first "## " */
	struct body_section v[FICHE_MAX_SECTIONS];
	size_t n;
};

/* Occurrences of needle in s[0..n). */
static size_t count_in(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle), i, c = 0;

	for (i = 0; i + k <= n; i++)
		if (s[i] == needle[0] && memcmp(s + i, needle, k) == 0)
			c++;
	return c;
}

/* Whether html[0..at) closed every quote and list item it opened: a
 * "## " inside a quote or a list is no section of the fiche. */
static bool at_top_level(struct slice html, size_t at)
{
	return count_in(html.ptr, at, "<blockquote") ==
	       count_in(html.ptr, at, "</blockquote>") &&
	       count_in(html.ptr, at, "<li>") + count_in(html.ptr, at, "<li ") ==
	       count_in(html.ptr, at, "</li>");
}

/*
 * Cuts the rendered body at its level-2 headings.  markdown.c writes each
 * as <h2 id="ANCHOR">, anchors unique in the document, so looking for
 * them in order from the last cut finds exactly the headings; one inside a
 * quote or a list stays where it is, and past FICHE_MAX_SECTIONS the rest
 * stays with the last section.
 */
static void split_body(const struct md_doc *doc, struct slice html,
		       struct body_parts *bp)
{
	size_t nh = 0;
	const struct md_heading *h = doc ? md_headings(doc, &nh) : NULL;
	struct buf tag = BUF_INIT;
	size_t i, at = 0, n = 0, start[FICHE_MAX_SECTIONS + 1];
	size_t body[FICHE_MAX_SECTIONS];

	for (i = 0; h && i < nh && n < FICHE_MAX_SECTIONS; i++) {
		const char *hit, *close;

		if (h[i].level != 2)
			continue;
		buf_reset(&tag);
		buf_printf(&tag, "<h2 id=\"%s\">", h[i].anchor);
		hit = strstr(html.ptr + at, tag.ptr);
		close = hit ? strstr(hit, "</h2>\n") : NULL;
		if (close == NULL || !at_top_level(html,
						   (size_t)(hit - html.ptr)))
			continue;
		start[n] = (size_t)(hit - html.ptr);
		body[n] = (size_t)(close - html.ptr) + 6;
		bp->v[n] = (struct body_section){ h[i].text, h[i].anchor,
						  SL_NULL, false };
		at = body[n];
		n++;
	}
	start[n] = html.len;
	bp->n = n;
	bp->intro = sl_make(html.ptr, n ? start[0] : html.len);
	for (i = 0; i < n; i++)
		bp->v[i].html = sl_make(html.ptr + body[i], start[i + 1] - body[i]);
	buf_free(&tag);
}

static struct body_section *find_section(struct body_parts *bp,
					 const char *heading)
{
	size_t i;

	for (i = 0; i < bp->n; i++)
		if (!bp->v[i].used && sl_eq_cstr(bp->v[i].heading, heading))
			return &bp->v[i];
	return NULL;
}

/* Puts the fields of slots into m; returns whether any had something. */
static bool put_slots(struct render *r, struct tv *m, const struct action *a,
		      unsigned slots)
{
	bool any = false;
	struct tv *v;

	if ((slots & SL_TARGET_GROUPS) && a->target_groups.n) {
		put(r, m, "target_groups", text_list(r, &a->target_groups));
		any = true;
	}
	if (slots & SL_MUNICIPALITIES) {
		put_bool(r, m, "show_municipalities", true);
		put(r, m, "municipalities", vocab_list(r, V_MUNICIPALITY,
						       &a->municipalities));
		any = true;
	}
	if ((slots & SL_LEAD) && a->lead.set) {
		put(r, m, "lead", partner_link(r, &a->lead));
		any = true;
	}
	if ((slots & SL_ROLE) && a->role.n) {
		put(r, m, "role", choices(r, &a->role, L_ROLE_TREKKER));
		any = true;
	}
	if ((slots & SL_PARTNERS) && a->partners.n) {
		put(r, m, "partners", refs(r, &a->partners, K_PARTNER));
		any = true;
	}
	if ((slots & SL_PERIOD) && a->period.start.set) {
		put_date(r, m, "period", &a->period.start, &a->period.end);
		any = true;
	}
	if ((slots & SL_CHANNELS) && a->channels.n) {
		put(r, m, "channels", choices(r, &a->channels,
					       L_CHANNEL_WEBSITE));
		any = true;
	}
	put_bool(r, m, "has_facts", any);
	if ((slots & SL_MONTHS) && (v = month_strip(r, a)) != NULL) {
		put(r, m, "months", v);
		put_int(r, m, "months_year", a->plan.v);
		any = true;
	}
	if ((slots & SL_MILESTONES) && a->milestones.n) {
		put(r, m, "milestones", milestones(r, a));
		any = true;
	}
	if ((slots & SL_EVALUATION) && tv_len(v = evaluation(r, a))) {
		put(r, m, "evaluation", v);
		put_today(r, m);
		any = true;
	}
	return any;
}

/* A heading the template adds needs an id the body does not use. */
static const char *section_anchor(struct render *r, const struct md_doc *doc,
				  const char *anchor)
{
	struct buf b = BUF_INIT;
	const char *s;

	if (doc == NULL || !md_has_anchor(doc, sl_cstr(anchor)))
		return anchor;
	buf_printf(&b, "fiche-%s", anchor);
	s = arena_strndup(&r->pa, b.ptr, b.len);
	buf_free(&b);
	return s;
}

static struct tv *section_tv(struct render *r, struct slice heading,
			     const char *anchor, struct slice html)
{
	struct tv *m = rmap(r);

	put_sl(r, m, "heading", heading);
	put_cstr(r, m, "anchor", anchor);
	if (html.len)
		put_sl(r, m, "html", html);
	return m;
}

static const struct tpl_section *template_sections(const struct action *a)
{
	switch ((enum action_template)a->template_.v) {
	case TPL_2024: return sections_2024;
	case TPL_SHORT: return sections_short;
	default: return sections_2025;
	}
}

/* The body's sections in the template's order, each with its fields;
 * headings the template does not know follow, in the body's order.
 * Returns the slots placed, so the facts show the others. */
static unsigned put_sections(struct render *r, struct tv *page,
			     const struct action *a, struct slice html)
{
	const struct tpl_section *ts = template_sections(a);
	struct body_parts *bp = xcalloc(1, sizeof(*bp));
	struct tv *out = rlist(r);
	unsigned placed = 0;
	size_t i;

	split_body(a->it.doc, html, bp);
	if (bp->intro.len)
		put_sl(r, page, "intro", bp->intro);
	for (; ts->heading; ts++) {
		struct body_section *bs = find_section(bp, ts->heading);
		struct tv *m = section_tv(r, sl_cstr(ts->heading), bs ?
			bs->anchor : section_anchor(r, a->it.doc, ts->anchor),
			bs ? bs->html : SL_NULL);
		bool data = put_slots(r, m, a, ts->slots);

		placed |= ts->slots;
		if (bs)
			bs->used = true;
		if (bs || data)
			push(r, out, m);
	}
	for (i = 0; i < bp->n; i++)
		if (!bp->v[i].used)
			push(r, out, section_tv(r, bp->v[i].heading,
						bp->v[i].anchor, bp->v[i].html));
	put(r, page, "sections", out);
	free(bp);
	return placed;
}

static void render_fiche(struct render *r, const struct action *a)
{
	struct tv *m = action_card(r, a), *facts = rmap(r);
	struct buf dir = BUF_INIT, html = BUF_INIT;
	unsigned placed;

	put_sl(r, m, "title", a->title.s);
	put_text(r, m, "description", &a->summary);
	put_int(r, m, "plan", a->plan.v);
	put_cstr(r, m, "template", words_template[a->template_.v]);
	put_cstr(r, m, "plan_url", plan_url(r, (int)a->plan.v, ""));
	put_cstr(r, m, "timeline_url", plan_url(r, (int)a->plan.v,
						"tijdslijn/"));
	body_render(r, &a->it, &html, false);
	if (a->template_.v == TPL_STUB) {
		if (html.len)
			put_buf(r, m, "body", &html);
	} else {
		placed = put_sections(r, m, a, buf_slice(&html));
		put(r, facts, "strategic_objective",
		    objective_tv(r, &a->strategic_objective));
		put(r, facts, "operational_objectives",
		    refs(r, &a->operational_objectives, K_OBJECTIVE));
		put_slots(r, facts, a, ~placed & (SL_WHO | SL_WITH |
						  SL_PERIOD | SL_CHANNELS));
		put(r, facts, "themes", text_list(r, &a->themes));
		put_recurrence(r, facts, a);
		put_today(r, facts);
		put(r, m, "facts", facts);
	}
	item_dir(r, &a->it, &dir);
	emit_page(r, a->template_.v == TPL_STUB ? "action-stub" : "action",
		  dir.ptr, m, true);
	buf_free(&dir);
	buf_free(&html);
}

/* ---- the plan by objective ---- */

/* The first operational objective of the fiche that belongs to strategic
 * objective so: where the plan lists the action; -1 for none. */
static int primary_od(const struct site *s, const struct action *a, int so)
{
	size_t i;

	for (i = 0; i < a->operational_objectives.n; i++) {
		const struct ref *od =
			&LIST_AT(a->operational_objectives, struct ref, i);

		if (od->index >= 0 && s->objectives[od->index].parent.set &&
		    s->objectives[od->index].parent.index == so)
			return od->index;
	}
	return -1;
}

static bool in_objective(const struct action *a, int so)
{
	return a->strategic_objective.set && a->strategic_objective.index == so;
}

/* {id, text, anchor} of an objective; the anchor is "doel-" and the
 * id's slug ("doel-1-2"), an id being any code the plan uses. */
static void put_objective(struct render *r, struct tv *m,
			  const struct objective *o)
{
	struct buf a = BUF_INIT;

	buf_puts(&a, "doel-");
	slug_append(&a, o->id.s);
	put_text(r, m, "id", &o->id);
	put_text(r, m, "text", &o->text);
	put_buf(r, m, "anchor", &a);
	buf_free(&a);
}

/* The cards of one objective's group; hlevel is their heading level,
 * under a strategic objective (h2) or an operational one (h3). */
static struct tv *od_group(struct render *r, struct action *const *v,
			   size_t n, int so, int od)
{
	struct tv *g = rmap(r), *items = rlist(r);
	size_t i;

	for (i = 0; i < n; i++)
		if (in_objective(v[i], so) && primary_od(r->s, v[i], so) == od)
			push(r, items, action_card(r, v[i]));
	if (od >= 0)
		put_objective(r, g, &r->s->objectives[od]);
	put_int(r, g, "hlevel", od >= 0 ? 4 : 3);
	put(r, g, "actions", items);
	put_int(r, g, "count", (long long)tv_len(items));
	return tv_len(items) ? g : NULL;
}

static struct tv *objective_groups(struct render *r, struct action *const *v,
				   size_t n)
{
	struct tv *groups = rlist(r);
	size_t o, c, i;

	for (o = 0; o < r->s->nobjectives; o++) {
		const struct objective *obj = &r->s->objectives[o];
		struct tv *g, *ods = rlist(r), *og;
		size_t count = 0;

		if (obj->parent.set)
			continue;
		g = rmap(r);
		put_objective(r, g, obj);
		if ((og = od_group(r, v, n, (int)o, -1)) != NULL)
			put(r, g, "direct", og);
		for (c = 0; c < r->s->nobjectives; c++)
			if (r->s->objectives[c].parent.set &&
			    r->s->objectives[c].parent.index == (int)o &&
			    (og = od_group(r, v, n, (int)o, (int)c)) != NULL)
				push(r, ods, og);
		put(r, g, "operational", ods);
		for (i = 0; i < n; i++)
			count += in_objective(v[i], (int)o);
		put_int(r, g, "count", (long long)count);
		put_bool(r, g, "empty", count == 0);
		push(r, groups, g);
	}
	return groups;
}

static struct tv *year_links(struct render *r, const int *years, size_t n,
			     int year)
{
	struct tv *out = rlist(r);
	size_t i;

	for (i = 0; i < n; i++) {
		struct tv *m = rmap(r);

		put_int(r, m, "year", years[i]);
		put_cstr(r, m, "url", plan_url(r, years[i], ""));
		put_bool(r, m, "current", years[i] == year);
		push(r, out, m);
	}
	return out;
}

struct plan_ctx {
	struct action **v; /* the year's published fiches, by code */
	size_t n;
	int year, current;
	const int *years;
	size_t nyears;
};

/* Links between the pages of one plan: those of the plan in force
 * (year_in_path 0, /acties/...) lead to each other, those of a year's
 * pages (/acties/2025/...) to that year's. */
static void put_plan_links(struct render *r, struct tv *m,
			   const struct plan_ctx *c, int year_in_path)
{
	put_int(r, m, "year", c->year);
	put_cstr(r, m, "plan_url", plan_url(r, year_in_path, ""));
	put_cstr(r, m, "timeline_url", plan_url(r, year_in_path, "tijdslijn/"));
	if (r->s->edition == ED_INTERNAL)
		put_cstr(r, m, "report_url", plan_url(r, year_in_path,
						      "rapport/"));
	if (c->nyears > 1)
		put(r, m, "years", year_links(r, c->years, c->nyears, c->year));
}

static void render_plan(struct render *r, const struct plan_ctx *c,
			int year_in_path)
{
	struct tv *m = rmap(r), *rest = rlist(r);
	struct buf dir = BUF_INIT, title = BUF_INIT;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (!c->v[i]->strategic_objective.set)
			push(r, rest, action_card(r, c->v[i]));
	put_int(r, m, "hlevel", 3);
	buf_printf(&title, "%.*s %d", SL_FMT(label(r, L_TITLE_PLAN)), c->year);
	put_buf(r, m, "title", &title);
	put(r, m, "objectives", objective_groups(r, c->v, c->n));
	put(r, m, "other", rest);
	put_int(r, m, "count", (long long)c->n);
	put_plan_links(r, m, c, year_in_path);
	plan_path(r, &dir, year_in_path, "");
	emit_page(r, "actions", dir.ptr, m, true);
	buf_free(&dir);
	buf_free(&title);
}

/* ---- the timeline ---- */

/* A milestone in the grid: months m1..m2 (0-based) in a row ("lane") of
 * its action; a milestone of one month sits in lane 0 with any others of
 * that month, one that spans months takes the first lane where they are
 * free. */
struct tl_mark {
	const struct milestone *ms;
	int m1, m2, lane;
};

struct tl_action {
	struct tl_mark *v;
	size_t n;
	int lanes;
	struct month_marks mm;
};

static bool lane_free(const struct tl_action *t, int lane, int m1, int m2)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i].lane == lane && t->v[i].m1 <= m2 && m1 <= t->v[i].m2)
			return false;
	return true;
}

static void place_marks(struct tl_action *t, const struct action *a,
			int year)
{
	size_t i;
	int m1, m2, lane;

	t->v = xcalloc(a->milestones.n + 1, sizeof(*t->v));
	t->lanes = 1;
	action_months(a, year, &t->mm);
	for (i = 0; i < a->milestones.n; i++) {
		const struct milestone *ms =
			&LIST_AT(a->milestones, struct milestone, i);

		if (milestone_months(ms, year, &m1, &m2) && m1 == m2)
			t->v[t->n++] = (struct tl_mark){ ms, m1, m2, 0 };
	}
	for (i = 0; i < a->milestones.n; i++) {
		const struct milestone *ms =
			&LIST_AT(a->milestones, struct milestone, i);

		if (!milestone_months(ms, year, &m1, &m2) || m1 == m2)
			continue;
		for (lane = 0; !lane_free(t, lane, m1, m2); lane++)
			;
		t->v[t->n++] = (struct tl_mark){ ms, m1, m2, lane };
		if (lane + 1 > t->lanes)
			t->lanes = lane + 1;
	}
}

static struct tv *mark_tv(struct render *r, const struct tl_mark *k)
{
	struct tv *m = milestone_tv(r, k->ms);

	if (k->m1 != k->m2)
		put_bool(r, m, "span", true);
	return m;
}

static struct tv *month_cell(struct render *r, const struct tl_action *t,
			     int lane, int month)
{
	struct tv *cell = rmap(r), *marks = rlist(r);
	size_t i;

	put_bool(r, cell, "on", t->mm.on[month]);
	put_cstr(r, cell, "month", nl_month(month + 1));
	for (i = 0; lane == 0 && i < t->n; i++)
		if (t->v[i].lane == 0 && t->v[i].m1 == month &&
		    t->v[i].m2 == month)
			push(r, marks, mark_tv(r, &t->v[i]));
	put(r, cell, "marks", marks);
	return cell;
}

static struct tv *lane_row(struct render *r, const struct tl_action *t,
			   int lane)
{
	struct tv *row = rmap(r), *cells = rlist(r);
	int m = 0;
	size_t i;

	while (m < MONTHS) {
		const struct tl_mark *span = NULL;

		for (i = 0; i < t->n; i++)
			if (t->v[i].lane == lane && t->v[i].m1 == m &&
			    t->v[i].m2 > m)
				span = &t->v[i];
		if (span) {
			struct tv *cell = rmap(r), *marks = rlist(r);

			push(r, marks, mark_tv(r, span));
			put_bool(r, cell, "on", true);
			put_int(r, cell, "colspan", span->m2 - span->m1 + 1);
			put(r, cell, "marks", marks);
			push(r, cells, cell);
			m = span->m2 + 1;
		} else {
			push(r, cells, month_cell(r, t, lane, m));
			m++;
		}
	}
	put_bool(r, row, "first", lane == 0);
	put(r, row, "cells", cells);
	return row;
}

static struct tv *timeline_action(struct render *r, const struct action *a,
				  int year, size_t index)
{
	struct tv *m = action_card(r, a), *rows = rlist(r);
	struct tl_action t = { 0 };
	int lane;

	place_marks(&t, a, year);
	for (lane = 0; lane < t.lanes; lane++)
		push(r, rows, lane_row(r, &t, lane));
	put(r, m, "rows", rows);
	put_int(r, m, "lanes", t.lanes);
	put_int(r, m, "print_lanes", t.lanes < TIMELINE_MAX_LANES ?
		t.lanes : TIMELINE_MAX_LANES);
	put_bool(r, m, "page_break", index > 0 &&
		 index % TIMELINE_PER_PAGE == 0);
	if (t.mm.outside)
		put_int(r, m, "outside", t.mm.outside);
	free(t.v);
	return m;
}

static void render_timeline(struct render *r, const struct plan_ctx *c,
			    int year_in_path)
{
	struct tv *m = rmap(r), *months = rlist(r), *rows = rlist(r);
	struct buf dir = BUF_INIT, title = BUF_INIT;
	size_t i, n = 0;
	int k;

	for (k = 0; k < MONTHS; k++)
		push(r, months, month_tv(r, k));
	for (i = 0; i < c->n; i++)
		if (c->v[i]->template_.v != TPL_STUB)
			push(r, rows, timeline_action(r, c->v[i], c->year, n++));
	buf_printf(&title, "%.*s %d", SL_FMT(label(r, L_TITLE_TIMELINE)),
		   c->year);
	put_buf(r, m, "title", &title);
	put(r, m, "months", months);
	put(r, m, "actions", rows);
	put_int(r, m, "count", (long long)n);
	put_plan_links(r, m, c, year_in_path);
	plan_path(r, &dir, year_in_path, "tijdslijn/");
	emit_page(r, "actions-timeline", dir.ptr, m, true);
	buf_free(&dir);
	buf_free(&title);
}

/* ---- the plan report (internal edition) ---- */

static struct tv *report_action_tv(struct render *r,
				   const struct report_action *ra)
{
	struct tv *m = action_card(r, ra->a);
	const struct action_series *sr = &ra->series;

	put_int(r, m, "planned", (long long)sr->planned);
	put_int(r, m, "held", (long long)sr->held);
	put_int(r, m, "unreported", (long long)sr->unreported);
	put_int(r, m, "cancelled", (long long)sr->cancelled);
	if (ra->a->recurrence.h.set && ra->a->recurrence.count.set) {
		struct buf b = BUF_INIT;

		report_recurrence_text(&b, &r->labels, ra->a);
		put_buf(r, m, "recurrence", &b);
		buf_free(&b);
	}
	if (ra->has_target) {
		long long short_by;
		enum label_id stand = report_stand(ra, &short_by);

		put_int(r, m, "target", ra->target);
		if (stand == L_REPORT_SHORT)
			put_int(r, m, "short_by", short_by);
		else
			put_label(r, m, "stand", stand);
	}
	return m;
}

static struct tv *report_indicator_tv(struct render *r,
				      const struct report_action *ra,
				      const struct report_indicator *ri)
{
	static const enum label_id phase[] = { L_PHASE_PROCESS,
		L_PHASE_OUTPUT, L_PHASE_IMPACT };
	struct tv *m = rmap(r);

	put(r, m, "action", action_card(r, ra->a));
	put_label(r, m, "phase", phase[ri->phase]);
	put_text(r, m, "indicator", &ri->ind->indicator);
	put_text(r, m, "target", &ri->ind->target);
	put_label(r, m, "metric", L_METRIC(ri->ind->metric.v));
	put_int(r, m, "value", ri->value);
	if (ri->reached_known)
		put_label(r, m, "stand", ri->reached ? L_REPORT_REACHED :
			  L_REPORT_NOT_YET);
	return m;
}

/* "actions/x.md": where the file is inside the site folder, the same
 * whatever folder the build was given. */
static void put_file(struct render *r, struct tv *m, const struct item *it)
{
	struct buf b = BUF_INIT;

	buf_printf(&b, "%s/%.*s.md", kind_folders[it->kind], SL_FMT(it->id));
	put_buf(r, m, "file", &b);
	buf_free(&b);
}

static struct tv *stale_tv(struct render *r, const struct item *it)
{
	struct tv *m = item_link(r, it);
	const struct date *d = it->kind == K_PARTNER ?
		&ITEM_AS(const struct partner, it)->updated :
		&ITEM_AS(const struct service, it)->updated;

	put_bool(r, m, "partner", it->kind == K_PARTNER);
	put_date(r, m, "updated", d, NULL);
	put_file(r, m, it);
	return m;
}

static void put_report_lists(struct render *r, struct tv *m,
			     const struct plan_report *rep)
{
	struct tv *acts = rlist(r), *inds = rlist(r), *late = rlist(r);
	struct tv *ph = rlist(r), *stale = rlist(r);
	size_t i, j;

	for (i = 0; i < rep->nactions; i++) {
		push(r, acts, report_action_tv(r, &rep->actions[i]));
		for (j = 0; j < rep->actions[i].nind; j++)
			push(r, inds, report_indicator_tv(r, &rep->actions[i],
					&rep->actions[i].ind[j]));
	}
	for (i = 0; i < rep->nlate; i++) {
		struct tv *t = milestone_tv(r, rep->late[i].ms);

		put(r, t, "action", action_card(r, rep->late[i].a));
		push(r, late, t);
	}
	for (i = 0; i < rep->nplaceholders; i++) {
		struct tv *t = action_card(r, rep->placeholders[i]);

		put_file(r, t, &rep->placeholders[i]->it);
		push(r, ph, t);
	}
	for (i = 0; i < rep->nstale; i++)
		push(r, stale, stale_tv(r, rep->stale[i]));
	put(r, m, "report_actions", acts);
	put(r, m, "indicators", inds);
	put(r, m, "late", late);
	put(r, m, "placeholders", ph);
	put(r, m, "stale", stale);
}

static void render_report(struct render *r, const struct plan_ctx *c,
			  int year_in_path)
{
	struct tv *m = rmap(r);
	struct plan_report rep;
	struct buf dir = BUF_INIT, title = BUF_INIT;

	report_build(&rep, r->s, c->year, r->s->now_day);
	buf_printf(&title, "%.*s %d", SL_FMT(label(r, L_TITLE_REPORT)),
		   c->year);
	put_buf(r, m, "title", &title);
	put_int(r, m, "stale_months", MODEL_STALE_MONTHS);
	put_today(r, m);
	put_report_lists(r, m, &rep);
	put_plan_links(r, m, c, year_in_path);
	plan_path(r, &dir, year_in_path, "rapport/");
	emit_page(r, "actions-report", dir.ptr, m, false);
	report_free(&rep);
	buf_free(&dir);
	buf_free(&title);
}

/* ---- the kind ---- */

static void render_year(struct render *r, struct plan_ctx *c,
			struct action *const *all, size_t n)
{
	size_t i;

	c->n = 0;
	for (i = 0; i < n; i++)
		if (all[i]->plan.v == c->year)
			c->v[c->n++] = all[i];
	render_plan(r, c, c->year);
	render_timeline(r, c, c->year);
	if (r->s->edition == ED_INTERNAL)
		render_report(r, c, c->year);
	if (c->year != c->current)
		return;
	render_plan(r, c, 0);
	render_timeline(r, c, 0);
	if (r->s->edition == ED_INTERNAL)
		render_report(r, c, 0);
}

void render_actions(struct render *r)
{
	const struct kind_table *t = &r->s->kinds[K_ACTION];
	struct action **v = xcalloc(t->n + 1, sizeof(*v));
	struct plan_ctx c = { 0 };
	size_t i, n = 0;

	for (i = 0; i < t->n; i++)
		if (t->v[i]->published)
			v[n++] = (struct action *)t->v[i];
	qsort(v, n, sizeof(*v), cmp_actions);
	c.v = xcalloc(n + 1, sizeof(*c.v));
	c.years = plan_years(r->s, &c.nyears);
	for (i = 0; i < n; i++) {
		if (unit_begin(r, UNIT_PAGE))
			render_fiche(r, v[i]);
		unit_end(r);
	}
	c.current = plan_year_current(r->s, r->s->now_day);
	for (i = 0; i < c.nyears; i++) {
		c.year = c.years[i];
		render_year(r, &c, v, n);
	}
	if (c.nyears == 0) {
		/* No fiche yet: the section and its timeline still exist
		 * (the menu and links lead there), empty. */
		c.year = c.current;
		render_plan(r, &c, 0);
		render_timeline(r, &c, 0);
		if (r->s->edition == ED_INTERNAL)
			render_report(r, &c, 0);
	}
	free((void *)c.years);
	free(c.v);
	free(v);
}
