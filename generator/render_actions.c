/*
 * render_actions: the action plan, by objective, and each action fiche.
 *
 * A fiche shows every field of the contract that is set, with the plan
 * template's own Dutch section headings coming from its body.  A stub is a
 * short page pointing at the fiche that describes it; a placeholder is only
 * published in the internal edition (model.c decides).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzzydate.h"
#include "render_int.h"
#include "xalloc.h"

/* Codes like "8", "10", "3b" sort by their number first. */
static int cmp_code(const struct action *x, const struct action *y)
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

static int cmp_actions(const void *a, const void *b)
{
	return cmp_code(*(struct action *const *)a, *(struct action *const *)b);
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
	put_bool(r, m, "stub", a->template_.v == TPL_STUB);
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

static struct tv *milestones(struct render *r, const struct action *a)
{
	struct tv *out = rlist(r);
	size_t i;

	for (i = 0; i < a->milestones.n; i++) {
		const struct milestone *ms =
			&LIST_AT(a->milestones, struct milestone, i);
		struct tv *m = rmap(r);

		put_date(r, m, "date", &ms->date, NULL);
		put_text(r, m, "date_label", &ms->label);
		put_text(r, m, "title", &ms->title);
		put_bool(r, m, "tentative", ms->tentative.v);
		if (ms->event.set)
			put(r, m, "event", item_link(r,
			    r->s->kinds[K_EVENT].v[ms->event.index]));
		push(r, out, m);
	}
	return out;
}

static struct tv *indicators(struct render *r, const struct list *l,
			     enum label_id phase)
{
	struct tv *out = rlist(r);
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct indicator *ind = &LIST_AT(*l, struct indicator, i);
		struct tv *m = rmap(r);

		put_label(r, m, "phase", phase);
		put_text(r, m, "indicator", &ind->indicator);
		put_text(r, m, "target", &ind->target);
		put_text(r, m, "method", &ind->method);
		push(r, out, m);
	}
	return out;
}

static void put_evaluation(struct render *r, struct tv *m,
			   const struct action *a)
{
	const struct evaluation *e = &a->evaluation;
	struct tv *rows = rlist(r);
	const struct list *phases[] = { &e->process, &e->output, &e->impact };
	static const enum label_id names[] = { L_PHASE_PROCESS,
		L_PHASE_OUTPUT, L_PHASE_IMPACT };
	size_t p, i;

	for (p = 0; p < 3; p++) {
		struct tv *l = indicators(r, phases[p], names[p]);

		for (i = 0; i < phases[p]->n; i++)
			push(r, rows, (struct tv *)l->u.list.items[i]);
	}
	if (tv_len(rows))
		put(r, m, "evaluation", rows);
}

static void put_recurrence(struct render *r, struct tv *m,
			   const struct action *a)
{
	const struct recurrence *rc = &a->recurrence;
	struct buf b = BUF_INIT;

	if (!rc->h.set)
		return;
	if (rc->min.v)
		buf_printf(&b, "%.*s ", SL_FMT(label(r, L_AT_LEAST)));
	buf_printf(&b, "%lld %.*s %.*s", rc->count.v, SL_FMT(label(r, L_TIMES)),
		   SL_FMT(label(r, L_PER(rc->per.set ? rc->per.v : 0))));
	put_buf(r, m, "recurrence", &b);
	put_text(r, m, "recurrence_note", &rc->note);
	buf_free(&b);
}

static void render_fiche(struct render *r, const struct action *a)
{
	struct tv *m = action_card(r, a);
	struct buf dir = BUF_INIT;

	put_sl(r, m, "title", a->title.s);
	put_text(r, m, "description", &a->summary);
	put_int(r, m, "plan", a->plan.v);
	put_cstr(r, m, "template", words_template[a->template_.v]);
	if (a->alias_of.set)
		put(r, m, "alias_of", item_link(r,
		    r->s->kinds[K_ACTION].v[a->alias_of.index]));
	put(r, m, "strategic_objective", objective_tv(r, &a->strategic_objective));
	put(r, m, "operational_objectives",
	    refs(r, &a->operational_objectives, K_OBJECTIVE));
	put(r, m, "role", choices(r, &a->role, L_ROLE_TREKKER));
	put(r, m, "partners", refs(r, &a->partners, K_PARTNER));
	put(r, m, "target_groups", text_list(r, &a->target_groups));
	put(r, m, "municipalities", vocab_list(r, V_MUNICIPALITY,
					       &a->municipalities));
	put(r, m, "themes", text_list(r, &a->themes));
	put_date(r, m, "period", &a->period.start, &a->period.end);
	put(r, m, "milestones", milestones(r, a));
	put_recurrence(r, m, a);
	put(r, m, "channels", choices(r, &a->channels, L_CHANNEL_WEBSITE));
	put_evaluation(r, m, a);
	put_cstr(r, m, "plan_url", kind_url(r, K_ACTION));
	put_body(r, m, &a->it);
	buf_printf(&dir, "%s/%.*s/", r->kind_path[K_ACTION], SL_FMT(a->it.id));
	emit_page(r, a->template_.v == TPL_STUB ? "action-stub" : "action",
		  dir.ptr, m, true);
	buf_free(&dir);
}

/* The plan page: strategic objectives, their fiches in code order, and
 * the fiches that name no objective at the end. */
static void render_plan(struct render *r, struct action **v, size_t n)
{
	struct tv *m = rmap(r), *groups = rlist(r), *rest = rlist(r);
	size_t o, i;
	struct buf dir = BUF_INIT;

	for (o = 0; o < r->s->nobjectives; o++) {
		const struct objective *obj = &r->s->objectives[o];
		struct tv *g, *items;

		if (obj->parent.set)
			continue;
		g = rmap(r);
		items = rlist(r);
		put_text(r, g, "id", &obj->id);
		put_text(r, g, "text", &obj->text);
		for (i = 0; i < n; i++)
			if (v[i]->strategic_objective.index == (int)o &&
			    v[i]->strategic_objective.set)
				push(r, items, action_card(r, v[i]));
		put(r, g, "actions", items);
		put_int(r, g, "count", (long long)tv_len(items));
		push(r, groups, g);
	}
	for (i = 0; i < n; i++)
		if (!v[i]->strategic_objective.set)
			push(r, rest, action_card(r, v[i]));
	put_label(r, m, "title", L_TITLE_PLAN);
	put(r, m, "objectives", groups);
	if (tv_len(rest))
		put(r, m, "other", rest);
	put_int(r, m, "count", (long long)n);
	buf_printf(&dir, "%s/", r->kind_path[K_ACTION]);
	emit_page(r, "actions", dir.ptr, m, true);
	buf_free(&dir);
}

void render_actions(struct render *r)
{
	const struct kind_table *t = &r->s->kinds[K_ACTION];
	struct action **v = xcalloc(t->n + 1, sizeof(*v));
	size_t i, n = 0;

	for (i = 0; i < t->n; i++)
		if (t->v[i]->published)
			v[n++] = (struct action *)t->v[i];
	qsort(v, n, sizeof(*v), cmp_actions);
	for (i = 0; i < n; i++)
		render_fiche(r, v[i]);
	render_plan(r, v, n);
	free(v);
}
