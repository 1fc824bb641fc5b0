/*
 * report: the plan report and the figures it shares with the fiche pages.
 * See report.h.
 *
 * The figures are computed from the model alone (no rendering), so that
 * `zonesite report` needs nothing but a loaded site, and the pages that
 * show the same figures call the same functions.  Every walk follows the
 * model's id order or the plan's code order, so the report is the same
 * bytes for the same files and the same "now".
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "dutch.h"
#include "fuzzydate.h"
#include "labels.h"
#include "markdown.h"
#include "schema.h"
#include "xalloc.h"

/* ---- plan years ---- */

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

int *plan_years(const struct site *s, size_t *n)
{
	const struct kind_table *t = &s->kinds[K_ACTION];
	int *v = xcalloc(t->n + 1, sizeof(*v));
	size_t i, k = 0;

	for (i = 0; i < t->n; i++) {
		const struct action *a = ITEM_AS(const struct action, t->v[i]);

		/* A fiche whose plan: was refused has no year: after content
		 * errors the URLs are still claimed, and must not clash. */
		if (a->it.published && a->plan.set)
			v[k++] = (int)a->plan.v;
	}
	if (k)
		qsort(v, k, sizeof(*v), cmp_int);
	for (i = 0, *n = 0; i < k; i++)
		if (*n == 0 || v[*n - 1] != v[i])
			v[(*n)++] = v[i];
	if (*n == 0) {
		free(v);
		return NULL;
	}
	return v;
}

static int year_of(int64_t day)
{
	int64_t y;
	int m, d;

	civil_from_days(day, &y, &m, &d);
	return (int)y;
}

int plan_year_current(const struct site *s, int64_t today)
{
	size_t n, i;
	int *years = plan_years(s, &n);
	int now = year_of(today), pick = now;

	if (n) {
		pick = years[0];
		for (i = 0; i < n; i++)
			if (years[i] <= now)
				pick = years[i];
	}
	free(years);
	return pick;
}

/* ---- an action's events ---- */

bool event_is_past(const struct event *e, int64_t today)
{
	return fuzzydate_is_past(e->start.fd, e->end.set ? e->end.fd : NULL,
				 today);
}

bool event_is_held(const struct event *e, int64_t today)
{
	if (!e->start.set || e->status.v == ES_CANCELLED || !event_is_past(e, today))
		return false;
	return e->status.v == ES_DONE || e->attendance.set;
}

static bool serves(const struct site *s, const struct event *e,
		   const struct action *a)
{
	return e->it.published && e->action.set && e->action.index >= 0 &&
	       s->kinds[K_ACTION].v[e->action.index] == &a->it;
}

static bool in_year(const struct date *d, int year)
{
	if (year == 0 || !d->set || d->fd->prec == FD_TBD)
		return true;
	return year_of(d->fd->first_day) == year;
}

void action_series(const struct site *s, const struct action *a, int year,
		   int64_t today, struct action_series *out)
{
	const struct kind_table *t = &s->kinds[K_EVENT];
	size_t nidx, j, i;
	/* Only the action's own events, when the model has indexed them:
	 * each fiche asking the whole calendar is quadratic. */
	const size_t *idx = model_action_events(s, a, &nidx);

	memset(out, 0, sizeof(*out));
	for (j = 0; j < (idx ? nidx : t->n); j++) {
		const struct event *e;

		i = idx ? idx[j] : j;
		e = ITEM_AS(const struct event, t->v[i]);

		if (!serves(s, e, a) || !e->start.set || !in_year(&e->start, year))
			continue;
		if (e->status.v == ES_CANCELLED) {
			out->cancelled++;
		} else if (event_is_held(e, today)) {
			out->held++;
			if (e->attendance.set) {
				out->attendance += e->attendance.v;
				out->with_attendance++;
			}
		} else if (event_is_past(e, today)) {
			out->unreported++;
		} else {
			out->planned++;
		}
	}
}

bool recurrence_per_year(const struct action *a, long long *times)
{
	static const long long factor[] = { [PER_YEAR] = 1, [PER_QUARTER] = 4,
		[PER_MONTH] = 12 };
	const struct recurrence *rc = &a->recurrence;

	if (!rc->h.set || !rc->count.set)
		return false;
	*times = rc->count.v * factor[rc->per.set ? rc->per.v : PER_YEAR];
	return true;
}

struct mention {
	struct slice id;
	bool found;
};

static void find_action_link(void *ctx, const struct md_link_ref *ref)
{
	struct mention *m = ctx;

	if (ref->kind == MD_LINK_ACTION && sl_eq(ref->id, m->id))
		m->found = true;
}

size_t newsletter_mentions(const struct site *s, const struct action *a,
			   int year, int64_t today)
{
	const struct kind_table *t = &s->kinds[K_NEWSLETTER];
	size_t i, n = 0;

	for (i = 0; i < t->n; i++) {
		const struct newsletter *nl =
			ITEM_AS(const struct newsletter, t->v[i]);
		struct mention m = { a->it.id, false };

		if (!nl->it.published || !nl->date.set || nl->it.doc == NULL ||
		    nl->date.fd->first_day > today || !in_year(&nl->date, year))
			continue;
		md_links(nl->it.doc, find_action_link, &m);
		n += m.found;
	}
	return n;
}

bool indicator_value(const struct site *s, const struct action *a,
		     const struct indicator *ind, int64_t today,
		     long long *value)
{
	struct action_series sr;
	int year = (int)a->plan.v;

	if (!ind->metric.set)
		return false;
	switch ((enum metric)ind->metric.v) {
	case METRIC_EVENT_COUNT:
		action_series(s, a, year, today, &sr);
		*value = (long long)sr.held;
		return true;
	case METRIC_ATTENDANCE:
		action_series(s, a, year, today, &sr);
		*value = sr.attendance;
		return true;
	case METRIC_NEWSLETTER_MENTIONS:
		*value = (long long)newsletter_mentions(s, a, year, today);
		return true;
	}
	return false;
}

bool target_number(const struct text *target, long long *n)
{
	const char *p, *end;
	long long v = 0;
	bool digits = false;

	if (!target->set)
		return false;
	p = target->s.ptr;
	end = p + target->s.len;
	while (p < end && *p == ' ')
		p++;
	for (; p < end && *p >= '0' && *p <= '9'; p++) {
		if (v > 1000000000000LL)
			return false;
		v = v * 10 + (*p - '0');
		digits = true;
	}
	while (p < end && *p == ' ')
		p++;
	if (!digits || p != end)
		return false;
	*n = v;
	return true;
}

/* ---- ordering ---- */

int action_code_cmp(const struct action *x, const struct action *y)
{
	long a = x->code.set ? strtol(x->code.s.ptr, NULL, 10) : 0;
	long b = y->code.set ? strtol(y->code.s.ptr, NULL, 10) : 0;

	if (a != b)
		return a < b ? -1 : 1;
	if (x->code.set && y->code.set) {
		int c = sl_cmp(x->code.s, y->code.s);

		if (c)
			return c;
	}
	return sl_cmp(x->it.id, y->it.id);
}

static int cmp_action_ptr(const void *a, const void *b)
{
	return action_code_cmp(*(const struct action *const *)a,
			       *(const struct action *const *)b);
}

/* ---- building the report ---- */

static void report_indicators(struct report_action *ra, const struct site *s,
			      int64_t today)
{
	const struct evaluation *ev = &ra->a->evaluation;
	const struct list *phases[] = { &ev->process, &ev->output, &ev->impact };
	size_t p, i, n = 0;

	for (p = 0; p < 3; p++)
		n += phases[p]->n;
	ra->ind = xcalloc(n + 1, sizeof(*ra->ind));
	for (p = 0; p < 3; p++)
		for (i = 0; i < phases[p]->n; i++) {
			const struct indicator *ind =
				&LIST_AT(*phases[p], struct indicator, i);
			struct report_indicator *ri = &ra->ind[ra->nind];
			long long target;

			if (!indicator_value(s, ra->a, ind, today, &ri->value))
				continue;
			ri->ind = ind;
			ri->phase = (int)p;
			if (target_number(&ind->target, &target)) {
				ri->reached_known = true;
				ri->reached = ri->value >= target;
			}
			ra->nind++;
		}
}

static void add_late(struct plan_report *rep, const struct site *s,
		     const struct action *a)
{
	size_t i;

	for (i = 0; i < a->milestones.n; i++) {
		const struct milestone *ms =
			&LIST_AT(a->milestones, struct milestone, i);
		const struct event *e = NULL;

		if (!ms->date.set || !fuzzydate_is_past(ms->date.fd, NULL,
							rep->today))
			continue;
		if (ms->event.set && ms->event.index >= 0) {
			e = ITEM_AS(const struct event,
				    s->kinds[K_EVENT].v[ms->event.index]);
			if (event_is_held(e, rep->today))
				continue;
		}
		rep->late = xreallocarray(rep->late, rep->nlate + 1,
					  sizeof(*rep->late));
		rep->late[rep->nlate++] = (struct report_milestone){ a, ms, e };
	}
}

static void add_stale(struct plan_report *rep, const struct site *s,
		      enum kind k)
{
	const struct kind_table *t = &s->kinds[k];
	size_t i;

	for (i = 0; i < t->n; i++) {
		const struct date *d = k == K_PARTNER ?
			&ITEM_AS(const struct partner, t->v[i])->updated :
			&ITEM_AS(const struct service, t->v[i])->updated;

		if (!model_is_stale(d, rep->today))
			continue;
		rep->stale = xreallocarray(rep->stale, rep->nstale + 1,
					   sizeof(*rep->stale));
		rep->stale[rep->nstale++] = t->v[i];
	}
}

void report_build(struct plan_report *rep, const struct site *s, int year,
		  int64_t today)
{
	const struct kind_table *t = &s->kinds[K_ACTION];
	const struct action **v = xcalloc(t->n + 1, sizeof(*v));
	size_t i, n = 0;

	memset(rep, 0, sizeof(*rep));
	rep->year = year;
	rep->today = today;
	for (i = 0; i < t->n; i++) {
		const struct action *a = ITEM_AS(const struct action, t->v[i]);

		if (a->it.published && a->plan.v == year)
			v[n++] = a;
	}
	qsort(v, n, sizeof(*v), cmp_action_ptr);
	rep->actions = xcalloc(n + 1, sizeof(*rep->actions));
	rep->placeholders = xcalloc(n + 1, sizeof(*rep->placeholders));
	for (i = 0; i < n; i++) {
		struct report_action *ra;

		if (v[i]->status.v == AS_PLACEHOLDER) {
			rep->placeholders[rep->nplaceholders++] = v[i];
			continue;
		}
		if (v[i]->template_.v == TPL_STUB)
			continue;
		ra = &rep->actions[rep->nactions++];
		ra->a = v[i];
		action_series(s, v[i], year, today, &ra->series);
		ra->has_target = recurrence_per_year(v[i], &ra->target);
		report_indicators(ra, s, today);
		add_late(rep, s, v[i]);
	}
	add_stale(rep, s, K_PARTNER);
	add_stale(rep, s, K_SERVICE);
	free(v);
}

void report_free(struct plan_report *rep)
{
	size_t i;

	for (i = 0; i < rep->nactions; i++)
		free(rep->actions[i].ind);
	free(rep->actions);
	free(rep->late);
	free(rep->placeholders);
	free(rep->stale);
	memset(rep, 0, sizeof(*rep));
}

/* ---- writing it out ---- */

enum { CSV_COLUMNS = 17 };

static const char *const csv_header[CSV_COLUMNS] = { "onderdeel", "actie",
	"code", "titel", "soort", "onderwerp", "meting", "datum",
	"activiteit", "streefwaarde", "gepland", "gehouden", "niet_gemeld",
	"geannuleerd", "waarde", "stand", "bestand" };

/* The CSV columns of a row, by name; NULL leaves a column empty. */
struct csv_row {
	struct slice v[CSV_COLUMNS];
};

enum csv_col { C_SECTION, C_ACTION, C_CODE, C_TITLE, C_KIND, C_SUBJECT,
	       C_METRIC, C_DATE, C_EVENT, C_TARGET, C_PLANNED, C_HELD,
	       C_UNREPORTED, C_CANCELLED, C_VALUE, C_STAND, C_FILE };

static void csv_cell(struct buf *b, struct slice s)
{
	size_t i;
	bool quote = false;

	for (i = 0; i < s.len; i++)
		if (strchr(",\"\r\n", s.ptr[i]))
			quote = true;
	if (!quote) {
		buf_putsl(b, s);
		return;
	}
	buf_putc(b, '"');
	for (i = 0; i < s.len; i++) {
		if (s.ptr[i] == '"')
			buf_putc(b, '"');
		buf_putc(b, s.ptr[i]);
	}
	buf_putc(b, '"');
}

static void csv_write(struct buf *b, const struct csv_row *r)
{
	int c;

	for (c = 0; c < CSV_COLUMNS; c++) {
		if (c)
			buf_putc(b, ',');
		if (r->v[c].ptr)
			csv_cell(b, r->v[c]);
	}
	buf_puts(b, "\r\n");
}

/* Markdown table cells: '|' and the characters that start inline markup
 * are escaped, so a title reads as typed. */
static void md_cell(struct buf *b, struct slice s)
{
	size_t i;

	buf_putc(b, ' ');
	for (i = 0; i < s.len; i++) {
		char c = s.ptr[i];

		if (c == '\n' || c == '\r') {
			buf_putc(b, ' ');
			continue;
		}
		if (strchr("\\|*_`[]<>#", c))
			buf_putc(b, '\\');
		buf_putc(b, c);
	}
	buf_puts(b, " |");
}

static void md_row(struct buf *b, const struct slice *cells, size_t n)
{
	size_t i;

	buf_putc(b, '|');
	for (i = 0; i < n; i++)
		md_cell(b, cells[i].ptr ? cells[i] : SL(""));
	buf_putc(b, '\n');
}

static void md_table_head(struct buf *b, const char *const *names, size_t n)
{
	size_t i;

	buf_putc(b, '|');
	for (i = 0; i < n; i++)
		buf_printf(b, " %s |", names[i]);
	buf_puts(b, "\n|");
	for (i = 0; i < n; i++)
		buf_puts(b, "---|");
	buf_putc(b, '\n');
}

/* Numbers and formatted dates of a row, one buffer per column, kept
 * until the row is written. */
struct scratch {
	struct buf b[CSV_COLUMNS];
};

static struct slice num(struct scratch *sc, int col, long long v)
{
	buf_reset(&sc->b[col]);
	buf_printf(&sc->b[col], "%lld", v);
	return buf_slice(&sc->b[col]);
}

static void scratch_free(struct scratch *sc)
{
	int i;

	for (i = 0; i < CSV_COLUMNS; i++)
		buf_free(&sc->b[i]);
}

static struct slice action_ref(const struct action *a)
{
	return a->code.set ? a->code.s : a->it.id;
}

void report_recurrence_text(struct buf *b, const struct labels *l,
			    const struct action *a)
{
	const struct recurrence *rc = &a->recurrence;

	buf_reset(b);
	if (!rc->h.set || !rc->count.set)
		return;
	if (rc->min.v)
		buf_printf(b, "%.*s ", SL_FMT(l->text[L_AT_LEAST]));
	buf_printf(b, "%lld %.*s %.*s", rc->count.v, SL_FMT(l->text[L_TIMES]),
		   SL_FMT(l->text[L_PER(rc->per.set ? rc->per.v : 0)]));
}

enum label_id report_stand(const struct report_action *ra,
			   long long *short_by)
{
	const struct action_series *sr = &ra->series;

	*short_by = 0;
	if (sr->planned + sr->held + sr->unreported + sr->cancelled == 0)
		return L_REPORT_NO_EVENTS;
	if ((long long)sr->held >= ra->target)
		return L_REPORT_REACHED;
	if ((long long)(sr->held + sr->planned) >= ra->target)
		return L_REPORT_ON_TRACK;
	*short_by = ra->target - (long long)(sr->held + sr->planned);
	return L_REPORT_SHORT;
}

static struct slice series_stand(const struct labels *l,
				 const struct report_action *ra,
				 struct buf *b)
{
	long long short_by;
	enum label_id id;

	buf_reset(b);
	if (!ra->has_target)
		return SL_NULL;
	id = report_stand(ra, &short_by);
	if (id != L_REPORT_SHORT)
		return l->text[id];
	buf_printf(b, "%.*s: %lld", SL_FMT(l->text[id]), short_by);
	return buf_slice(b);
}

static void day_text(struct buf *b, const struct date *d, bool raw)
{
	buf_reset(b);
	if (!d->set)
		return;
	if (raw)
		buf_putsl(b, d->raw);
	else
		fuzzydate_format_nl(b, d->fd, NULL);
}

static void write_actions(struct buf *out, enum report_format f,
			  const struct plan_report *rep,
			  const struct labels *l)
{
	static const char *const head[] = { "Actie", "Titel", "Status",
		"Doel", "Per jaar", "Gepland", "Gehouden",
		"Voorbij, niet gemeld", "Geannuleerd", "Stand" };
	struct scratch sc = { 0 };
	size_t i;

	if (f == REPORT_MD) {
		buf_puts(out, "\n## Acties en hun activiteiten\n\n");
		if (rep->nactions == 0) {
			buf_puts(out, "Geen fiches in dit actieplan.\n");
			return;
		}
		md_table_head(out, head, 10);
	}
	for (i = 0; i < rep->nactions; i++) {
		const struct report_action *ra = &rep->actions[i];
		const struct action_series *sr = &ra->series;
		struct slice status = l->text[L_ACTION_STATUS(ra->a->status.v)];
		struct slice target = ra->has_target ?
			num(&sc, C_TARGET, ra->target) : SL_NULL;
		struct slice stand;

		report_recurrence_text(&sc.b[C_SUBJECT], l, ra->a);
		stand = series_stand(l, ra, &sc.b[C_STAND]);
		if (f == REPORT_MD) {
			struct slice cells[] = { action_ref(ra->a),
				ra->a->title.s, status,
				buf_slice(&sc.b[C_SUBJECT]), target,
				num(&sc, C_PLANNED, (long long)sr->planned),
				num(&sc, C_HELD, (long long)sr->held),
				num(&sc, C_UNREPORTED, (long long)sr->unreported),
				num(&sc, C_CANCELLED, (long long)sr->cancelled),
				stand };

			md_row(out, cells, 10);
		} else {
			struct csv_row r = { { [C_SECTION] = SL("actie"),
				[C_ACTION] = ra->a->it.id,
				[C_CODE] = ra->a->code.s, [C_TITLE] = ra->a->title.s,
				[C_KIND] = status,
				[C_SUBJECT] = buf_slice(&sc.b[C_SUBJECT]),
				[C_TARGET] = target,
				[C_PLANNED] = num(&sc, C_PLANNED, (long long)sr->planned),
				[C_HELD] = num(&sc, C_HELD, (long long)sr->held),
				[C_UNREPORTED] = num(&sc, C_UNREPORTED,
						     (long long)sr->unreported),
				[C_CANCELLED] = num(&sc, C_CANCELLED,
						    (long long)sr->cancelled),
				[C_STAND] = stand,
				[C_FILE] = sl_cstr(ra->a->it.src->path) } };

			csv_write(out, &r);
		}
	}
	scratch_free(&sc);
}

static void write_indicators(struct buf *out, enum report_format f,
			     const struct plan_report *rep,
			     const struct labels *l)
{
	static const char *const head[] = { "Actie", "Soort", "Indicator",
		"Streefwaarde", "Meting", "Waarde", "Stand" };
	static const enum label_id phase[] = { L_PHASE_PROCESS,
		L_PHASE_OUTPUT, L_PHASE_IMPACT };
	struct scratch sc = { 0 };
	size_t i, j, n = 0;

	for (i = 0; i < rep->nactions; i++)
		n += rep->actions[i].nind;
	if (f == REPORT_MD) {
		buf_puts(out, "\n## Indicatoren die de site meet\n\n");
		if (n == 0) {
			buf_puts(out, "Geen.\n");
			return;
		}
		md_table_head(out, head, 7);
	}
	for (i = 0; i < rep->nactions; i++)
		for (j = 0; j < rep->actions[i].nind; j++) {
			const struct report_action *ra = &rep->actions[i];
			const struct report_indicator *ri = &ra->ind[j];
			struct slice stand = !ri->reached_known ? SL_NULL :
				l->text[ri->reached ? L_REPORT_REACHED :
					L_REPORT_NOT_YET];
			struct slice metric = l->text[L_METRIC(ri->ind->metric.v)];

			if (f == REPORT_MD) {
				struct slice cells[] = { action_ref(ra->a),
					l->text[phase[ri->phase]],
					ri->ind->indicator.s, ri->ind->target.s,
					metric, num(&sc, C_VALUE, ri->value), stand };

				md_row(out, cells, 7);
			} else {
				struct csv_row r = { {
					[C_SECTION] = SL("indicator"),
					[C_ACTION] = ra->a->it.id,
					[C_CODE] = ra->a->code.s,
					[C_TITLE] = ra->a->title.s,
					[C_KIND] = l->text[phase[ri->phase]],
					[C_SUBJECT] = ri->ind->indicator.s,
					[C_METRIC] = sl_cstr(words_metric[ri->ind->metric.v]),
					[C_TARGET] = ri->ind->target.s,
					[C_VALUE] = num(&sc, C_VALUE, ri->value),
					[C_STAND] = stand,
					[C_FILE] = sl_cstr(ra->a->it.src->path) } };

				csv_write(out, &r);
			}
		}
	scratch_free(&sc);
}

static void write_late(struct buf *out, enum report_format f,
		       const struct plan_report *rep)
{
	static const char *const head[] = { "Actie", "Mijlpaal", "Datum",
		"Activiteit" };
	struct scratch sc = { 0 };
	size_t i;

	if (f == REPORT_MD) {
		buf_puts(out, "\n## Mijlpalen voorbij zonder gehouden "
			 "activiteit\n\n");
		if (rep->nlate == 0) {
			buf_puts(out, "Geen.\n");
			return;
		}
		md_table_head(out, head, 4);
	}
	for (i = 0; i < rep->nlate; i++) {
		const struct report_milestone *rm = &rep->late[i];
		struct slice ev = rm->event ? rm->event->it.id : SL_NULL;

		day_text(&sc.b[C_DATE], &rm->ms->date, f == REPORT_CSV);
		if (f == REPORT_MD) {
			struct slice cells[] = { action_ref(rm->a),
				rm->ms->title.s, buf_slice(&sc.b[C_DATE]),
				rm->event ? rm->event->title.s : SL("—") };

			md_row(out, cells, 4);
		} else {
			struct csv_row r = { { [C_SECTION] = SL("mijlpaal"),
				[C_ACTION] = rm->a->it.id, [C_CODE] = rm->a->code.s,
				[C_TITLE] = rm->a->title.s,
				[C_SUBJECT] = rm->ms->title.s,
				[C_DATE] = buf_slice(&sc.b[C_DATE]),
				[C_EVENT] = ev,
				[C_FILE] = sl_cstr(rm->a->it.src->path) } };

			csv_write(out, &r);
		}
	}
	scratch_free(&sc);
}

static void write_placeholders(struct buf *out, enum report_format f,
			       const struct plan_report *rep)
{
	static const char *const head[] = { "Actie", "Titel", "Bestand" };
	size_t i;

	if (f == REPORT_MD) {
		buf_puts(out, "\n## Fiches in opmaak\n\n");
		if (rep->nplaceholders == 0) {
			buf_puts(out, "Geen.\n");
			return;
		}
		md_table_head(out, head, 3);
	}
	for (i = 0; i < rep->nplaceholders; i++) {
		const struct action *a = rep->placeholders[i];

		if (f == REPORT_MD) {
			struct slice cells[] = { action_ref(a), a->title.s,
				sl_cstr(a->it.src->path) };

			md_row(out, cells, 3);
		} else {
			struct csv_row r = { { [C_SECTION] = SL("in-opmaak"),
				[C_ACTION] = a->it.id, [C_CODE] = a->code.s,
				[C_TITLE] = a->title.s,
				[C_FILE] = sl_cstr(a->it.src->path) } };

			csv_write(out, &r);
		}
	}
}

static void write_stale(struct buf *out, enum report_format f,
			const struct plan_report *rep)
{
	static const char *const head[] = { "Soort", "Naam", "Bijgewerkt",
		"Bestand" };
	struct scratch sc = { 0 };
	size_t i;

	if (f == REPORT_MD) {
		buf_printf(out, "\n## Partners en diensten niet bijgewerkt in "
			   "%d maanden\n\n", MODEL_STALE_MONTHS);
		if (rep->nstale == 0) {
			buf_puts(out, "Geen.\n");
			return;
		}
		md_table_head(out, head, 4);
	}
	for (i = 0; i < rep->nstale; i++) {
		const struct item *it = rep->stale[i];
		bool partner = it->kind == K_PARTNER;
		const struct date *d = partner ?
			&ITEM_AS(const struct partner, it)->updated :
			&ITEM_AS(const struct service, it)->updated;
		struct slice name = partner ?
			ITEM_AS(const struct partner, it)->name.s :
			ITEM_AS(const struct service, it)->name.s;

		day_text(&sc.b[C_DATE], d, f == REPORT_CSV);
		if (f == REPORT_MD) {
			struct slice cells[] = { partner ? SL("partner") :
				SL("dienst"), name, buf_slice(&sc.b[C_DATE]),
				sl_cstr(it->src->path) };

			md_row(out, cells, 4);
		} else {
			struct csv_row r = { { [C_SECTION] = partner ?
				SL("partner") : SL("dienst"),
				[C_TITLE] = name,
				[C_SUBJECT] = it->id,
				[C_DATE] = buf_slice(&sc.b[C_DATE]),
				[C_FILE] = sl_cstr(it->src->path) } };

			csv_write(out, &r);
		}
	}
	scratch_free(&sc);
}

void report_write(const struct plan_report *rep, const struct site *s,
		  const struct labels *l, enum report_format f,
		  struct buf *out)
{
	if (f == REPORT_CSV) {
		struct csv_row head;
		int c;

		for (c = 0; c < CSV_COLUMNS; c++)
			head.v[c] = sl_cstr(csv_header[c]);
		csv_write(out, &head);
	} else {
		buf_printf(out, "# %.*s %d\n\n%.*s, stand op ",
			   SL_FMT(l->text[L_TITLE_REPORT]), rep->year,
			   SL_FMT(s->cfg.zone.name.s));
		nl_format_day(out, rep->today);
		buf_puts(out, ".\n");
	}
	write_actions(out, f, rep, l);
	write_indicators(out, f, rep, l);
	write_late(out, f, rep);
	write_placeholders(out, f, rep);
	write_stale(out, f, rep);
}
