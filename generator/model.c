/*
 * model: from parsed files to one consistent site.
 *
 * Decodes site.yaml first (the vocabularies and seasons every other file is
 * checked against), then objectives.yaml, then each content file; then
 * resolves every reference by walking the schema tables again, checks the
 * rules that span fields (an end before its start, a stub without the
 * fiche it points to) and marks what the edition publishes.  Markdown
 * bodies are parsed here too, because links between pages can only be
 * checked once every page's anchors are known.
 */
#include "model.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "build.h"
#include "civil.h"
#include "frontmatter.h"
#include "fuzzydate.h"
#include "markdown.h"
#include "partner_refs.h"
#include "publish.h"
#include "schema.h"
#include "validate.h"
#include "xalloc.h"

const char *const kind_names[K__COUNT] = {
	[K_PAGE] = "page", [K_PARTNER] = "partner", [K_SERVICE] = "service",
	[K_ACTION] = "action", [K_EVENT] = "event",
	[K_NEWSLETTER] = "newsletter", [K_OBJECTIVE] = "objective",
};
const char *const kind_names_nl[K__COUNT] = {
	[K_PAGE] = "pagina", [K_PARTNER] = "partner", [K_SERVICE] = "dienst",
	[K_ACTION] = "actie", [K_EVENT] = "activiteit",
	[K_NEWSLETTER] = "nieuwsbrief", [K_OBJECTIVE] = "doelstelling",
};
const char *const kind_plurals[K__COUNT] = {
	[K_PAGE] = "pages", [K_PARTNER] = "partners", [K_SERVICE] = "services",
	[K_ACTION] = "actions", [K_EVENT] = "events",
	[K_NEWSLETTER] = "newsletters", [K_OBJECTIVE] = "objectives",
};
const char *const kind_plurals_nl[K__COUNT] = {
	[K_PAGE] = "pagina's", [K_PARTNER] = "partners", [K_SERVICE] = "diensten",
	[K_ACTION] = "acties", [K_EVENT] = "activiteiten",
	[K_NEWSLETTER] = "nieuwsbrieven", [K_OBJECTIVE] = "doelstellingen",
};

size_t site_items(const struct site *s)
{
	size_t n = 0;
	int k;

	for (k = 0; k < K__ITEMS; k++)
		n += s->kinds[k].n;
	return n;
}

const char *const vocab_keys[V__COUNT] = {
	"municipalities", "clusters", "audiences", "event_types",
	"partner_types", "service_categories",
};

/* Vocabularies drawn from the Flemish action plans, used when site.yaml
 * gives none.  A list in site.yaml replaces the default list whole. */
static const struct { enum vocab v; const char *id, *label, *color; }
default_vocab[] = {
	{ V_CLUSTER, "zorg", "Zorg", NULL },
	{ V_CLUSTER, "welzijn", "Welzijn", NULL },
	{ V_CLUSTER, "lokale-besturen", "Lokale besturen", NULL },
	{ V_CLUSTER, "pzon", "PZON", NULL },
	{ V_AUDIENCE, "professionals", "Zorg- en hulpverleners", NULL },
	{ V_AUDIENCE, "burgers", "Burgers", NULL },
	{ V_AUDIENCE, "mantelzorgers", "Mantelzorgers", NULL },
	{ V_AUDIENCE, "lokale-besturen", "Lokale besturen", NULL },
	{ V_EVENT_TYPE, "eerstelijnsplatform", "Eerstelijnsplatform", NULL },
	{ V_EVENT_TYPE, "lunchwebinar", "Lunchwebinar", NULL },
	{ V_EVENT_TYPE, "speeddate", "Speeddate", NULL },
	{ V_EVENT_TYPE, "symposium", "Symposium", NULL },
	{ V_EVENT_TYPE, "vorming", "Vorming", NULL },
	{ V_EVENT_TYPE, "overleg", "Overleg", NULL },
	{ V_EVENT_TYPE, "werkgroep", "Werkgroep", NULL },
	{ V_EVENT_TYPE, "algemene-vergadering", "Algemene vergadering", NULL },
	{ V_EVENT_TYPE, "netwerkevent", "Netwerkevent", NULL },
	{ V_PARTNER_TYPE, "lokaal-bestuur", "Lokaal bestuur", NULL },
	{ V_PARTNER_TYPE, "ocmw", "OCMW", NULL },
	{ V_PARTNER_TYPE, "huisartsenkring", "Huisartsenkring", NULL },
	{ V_PARTNER_TYPE, "ziekenhuis", "Ziekenhuis", NULL },
	{ V_PARTNER_TYPE, "ggz", "Geestelijke gezondheidszorg", NULL },
	{ V_PARTNER_TYPE, "welzijnsorganisatie", "Welzijnsorganisatie", NULL },
	{ V_PARTNER_TYPE, "mutualiteit", "Mutualiteit", NULL },
	{ V_PARTNER_TYPE, "woonwinkel", "Woonwinkel", NULL },
	{ V_PARTNER_TYPE, "preventie", "Preventie", NULL },
	{ V_PARTNER_TYPE, "mantelzorg", "Mantelzorg", NULL },
	{ V_PARTNER_TYPE, "overheid", "Overheid", NULL },
	{ V_SERVICE_CATEGORY, "ldc", "Lokaal dienstencentrum", "#1b6e8f" },
	{ V_SERVICE_CATEGORY, "sociaal-huis", "Sociaal huis", "#7a3b8f" },
	{ V_SERVICE_CATEGORY, "caw", "CAW-onthaal", "#9c4a1a" },
	{ V_SERVICE_CATEGORY, "ggz", "Geestelijke gezondheid", "#2f6b2f" },
	{ V_SERVICE_CATEGORY, "woonwinkel", "Woonwinkel", "#8a2846" },
	{ V_SERVICE_CATEGORY, "mantelzorg", "Mantelzorgondersteuning", "#5a4fb0" },
};

/* ---- lookups ---- */

static int cmp_item(const void *a, const void *b)
{
	return sl_cmp((*(struct item *const *)a)->id,
		      (*(struct item *const *)b)->id);
}

/* Folded to 32 bits: the hash is kept in every slot beside the index. */
static uint32_t id_hash(struct slice id)
{
	uint64_t h = sl_hash(id);

	return (uint32_t)(h ^ (h >> 32));
}

/* Open addressing with linear probing, at most half full. */
static void index_ids(struct arena *a, struct kind_table *t)
{
	size_t cap = 16, i, h;

	while (cap < 2 * t->n)
		cap *= 2;
	t->slot = arena_array(a, cap, sizeof(*t->slot));
	memset(t->slot, 0, cap * sizeof(*t->slot));
	t->mask = cap - 1;
	for (i = 0; i < t->n; i++) {
		uint32_t hash = id_hash(t->v[i]->id);

		for (h = hash & t->mask; t->slot[h].index1;
		     h = (h + 1) & t->mask)
			;
		t->slot[h] = (struct id_slot){ (uint32_t)(i + 1), hash };
	}
}

static int find_hashed(const struct kind_table *t, struct slice id)
{
	uint32_t hash = id_hash(id);
	size_t h;

	for (h = hash & t->mask; t->slot[h].index1; h = (h + 1) & t->mask)
		if (t->slot[h].hash == hash &&
		    sl_eq(t->v[t->slot[h].index1 - 1]->id, id))
			return (int)(t->slot[h].index1 - 1);
	return -1;
}

int model_find_index(const struct site *s, enum kind k, struct slice id)
{
	const struct kind_table *t = &s->kinds[k];
	size_t lo = 0, hi = t->n;

	if (t->mask)
		return find_hashed(t, id);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = sl_cmp(t->v[mid]->id, id);

		if (c == 0)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

struct item *model_find(const struct site *s, enum kind k, struct slice id)
{
	int i = model_find_index(s, k, id);

	return i < 0 ? NULL : s->kinds[k].v[i];
}

const size_t *model_action_events(const struct site *s,
				  const struct action *a, size_t *n)
{
	int i;

	*n = 0;
	if (s->action_event_off == NULL)
		return NULL;
	i = model_find_index(s, K_ACTION, a->it.id);
	if (i < 0 || s->kinds[K_ACTION].v[i] != &a->it)
		return NULL;
	*n = s->action_event_off[i + 1] - s->action_event_off[i];
	return s->action_event_idx + s->action_event_off[i];
}

/* Counting sort of the events by action index (see struct site). */
static void index_action_events(struct site *s)
{
	const struct kind_table *ev = &s->kinds[K_EVENT];
	size_t na = s->kinds[K_ACTION].n, i, *fill;

	free(s->action_event_off);
	free(s->action_event_idx);
	s->action_event_off = xcalloc(na + 2, sizeof(size_t));
	s->action_event_idx = xcalloc(ev->n + 1, sizeof(size_t));
	for (i = 0; i < ev->n; i++) {
		const struct event *e = ITEM_AS(const struct event, ev->v[i]);

		if (e->action.set && e->action.index >= 0 &&
		    (size_t)e->action.index < na)
			s->action_event_off[e->action.index + 1]++;
	}
	for (i = 0; i < na; i++)
		s->action_event_off[i + 1] += s->action_event_off[i];
	fill = xcalloc(na + 1, sizeof(size_t));
	memcpy(fill, s->action_event_off, na * sizeof(size_t));
	for (i = 0; i < ev->n; i++) {
		const struct event *e = ITEM_AS(const struct event, ev->v[i]);

		if (e->action.set && e->action.index >= 0 &&
		    (size_t)e->action.index < na)
			s->action_event_idx[fill[e->action.index]++] = i;
	}
	free(fill);
}

static struct slice vocab_id(const struct site *s, enum vocab v, int i)
{
	return LIST_AT(s->cfg.vocab[v], struct vocab_entry, i).id.s;
}

/* Binary search in the sorted index: a zone may list many entries (all
 * postcodes of a province), and every file looks them up. */
int model_find_vocab(const struct site *s, enum vocab v, struct slice id)
{
	const int *order = s->vocab_sorted[v];
	size_t lo = 0, hi = s->cfg.vocab[v].n;

	while (order && lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = sl_cmp(vocab_id(s, v, order[mid]), id);

		if (c == 0)
			return order[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

struct id_index {
	struct slice id;
	int index;
};

static int cmp_id_index(const void *a, const void *b)
{
	const struct id_index *x = a, *y = b;
	int c = sl_cmp(x->id, y->id);

	return c ? c : (x->index > y->index) - (x->index < y->index);
}

static void index_vocabs(struct build *b)
{
	struct site *s = &b->site;
	size_t i, n;
	int v;

	for (v = 0; v < V__COUNT; v++) {
		struct id_index *tmp;

		n = s->cfg.vocab[v].n;
		s->vocab_sorted[v] = arena_array(&b->arena, n + 1, sizeof(int));
		tmp = xreallocarray(NULL, n + 1, sizeof(*tmp));
		for (i = 0; i < n; i++)
			tmp[i] = (struct id_index){ vocab_id(s, v, (int)i), (int)i };
		if (n > 1)
			qsort(tmp, n, sizeof(*tmp), cmp_id_index);
		for (i = 0; i < n; i++)
			s->vocab_sorted[v][i] = tmp[i].index;
		free(tmp);
	}
}

int model_find_objective(const struct site *s, struct slice id)
{
	size_t i;

	for (i = 0; i < s->nobjectives; i++)
		if (sl_eq(s->objectives[i].id.s, id))
			return (int)i;
	return -1;
}

struct slice vocab_label(const struct site *s, enum vocab v, int index)
{
	const struct vocab_entry *e;

	if (index < 0 || (size_t)index >= s->cfg.vocab[v].n)
		return SL("");
	e = &LIST_AT(s->cfg.vocab[v], struct vocab_entry, index);
	if (e->label.set)
		return e->label.s;
	if (e->name.set)
		return e->name.s;
	return e->id.s;
}

/* The day MODEL_STALE_MONTHS months before today; a day of the month
 * that month lacks (29 February) becomes its last day. */
bool model_is_stale(const struct date *updated, int64_t today)
{
	int64_t y;
	int m, d, months;

	if (!updated->set || updated->fd == NULL ||
	    updated->fd->prec == FD_TBD)
		return false;
	civil_from_days(today, &y, &m, &d);
	months = (int)(y * 12 + (m - 1)) - MODEL_STALE_MONTHS;
	y = civil_floor_div(months, 12);
	m = (int)civil_floor_mod(months, 12) + 1;
	if (d > civil_days_in_month(y, m))
		d = civil_days_in_month(y, m);
	return updated->fd->last_day < days_from_civil(y, m, d);
}

/* ---- site.yaml and objectives.yaml ---- */

static void default_vocabs(struct build *b)
{
	struct site_config *c = &b->site.cfg;
	size_t i, nd = sizeof(default_vocab) / sizeof(default_vocab[0]);
	int v;

	for (v = 0; v < V__COUNT; v++) {
		struct vocab_entry *e;
		size_t n = 0;

		if (c->vocab[v].set)
			continue;
		for (i = 0; i < nd; i++)
			n += default_vocab[i].v == (enum vocab)v;
		e = arena_array(&b->arena, n ? n : 1, sizeof(*e));
		c->vocab[v].v = e;
		c->vocab[v].n = n;
		for (i = 0; i < nd; i++) {
			if (default_vocab[i].v != (enum vocab)v)
				continue;
			e->id = (struct text){ .s = sl_cstr(default_vocab[i].id), .set = true };
			e->label = (struct text){ .s = sl_cstr(default_vocab[i].label), .set = true };
			e->color = (struct text){ .s = sl_cstr(default_vocab[i].color), .set = default_vocab[i].color != NULL };
			e++;
		}
	}
	if (!c->seasons.set) {
		const struct fd_seasons *d = fd_default_seasons();

		c->seasons.v = (void *)d->v;
		c->seasons.n = d->n;
	}
}

/* Ids must be valid and unique; the sorted index puts repeats side by
 * side, and the later entry is the one reported. */
static void check_vocab_ids(struct build *b)
{
	struct site *s = &b->site;
	int v;
	size_t i;

	for (v = 0; v < V__COUNT; v++) {
		const struct list *l = &s->cfg.vocab[v];
		const int *order = s->vocab_sorted[v];

		if (!l->set)
			continue;
		for (i = 0; i < l->n; i++) {
			const struct text *id = &LIST_AT(*l, struct vocab_entry, i).id;

			if (!validate_id(id->s))
				diag(&b->diag, D_BAD_ID, s->config_src,
				     id->pos, id->s.ptr);
			if (i > 0 && sl_eq(vocab_id(s, v, order[i - 1]),
					   vocab_id(s, v, order[i]))) {
				const struct text *dup = &LIST_AT(*l,
					struct vocab_entry, order[i]).id;

				diag(&b->diag, D_DUP_VOCAB, s->config_src,
				     dup->pos, vocab_keys[v], dup->s.ptr);
			}
		}
	}
}

static void check_site_values(struct build *b)
{
	struct site_config *c = &b->site.cfg;
	struct source *src = b->site.config_src;

	if (c->timezone.set && !sl_eq_cstr(c->timezone.s, "Europe/Brussels"))
		diag(&b->diag, D_BAD_TIMEZONE, src, c->timezone.pos,
		     c->timezone.s.ptr);
	if (c->language.set && !sl_eq_cstr(c->language.s, "nl-BE"))
		diag(&b->diag, D_BAD_LANGUAGE, src, c->language.pos,
		     c->language.s.ptr);
	publish_check_target(&b->diag, src, &c->publish.target);
}

static struct vctx vctx_for(struct build *b, struct source *src)
{
	return (struct vctx){ &b->arena, &b->diag, src, &b->site,
			      b->site_dir };
}

/* site.yaml's `messages: en|nl`, read before site.yaml is checked so
 * that the words filled into its own messages are in that language too
 * (validate_record reports a wrong value).  --lang overrides it. */
static void messages_language(struct build *b, const struct ynode *root)
{
	const struct ynode *n = root->kind == Y_MAP
				? ynode_get(root, "messages") : NULL;
	int lang;

	if (n == NULL || n->kind != Y_SCALAR || b->diag.lang_fixed)
		return;
	lang = diag_lang_parse(n->text.ptr);
	if (lang >= 0)
		b->diag.lang = (enum diag_lang)lang;
}

static void decode_site(struct build *b)
{
	struct ynode *root = NULL;
	struct vctx v = vctx_for(b, b->site.config_src);

	v.site = NULL;
	if (yaml_parse_file(&b->arena, &b->diag, b->site.config_src, &root)) {
		/* Its vocabularies are unknown: do not blame every file
		 * that uses them. */
		b->site.config_broken = true;
	} else if (root == NULL) {
		diag(&b->diag, D_MISSING_KEY, b->site.config_src,
		     (struct pos){ 1, 1 }, "zone");
		diag(&b->diag, D_MISSING_KEY, b->site.config_src,
		     (struct pos){ 1, 1 }, "base_url");
	} else {
		messages_language(b, root);
		if (validate_record(&v, &schema_site, root, &b->site.cfg))
			b->site.config_broken = root->kind != Y_MAP;
	}
	default_vocabs(b);
	index_vocabs(b);
	check_vocab_ids(b);
	check_site_values(b);
}

static void decode_objectives(struct build *b)
{
	struct ynode *root = NULL;
	struct vctx v = vctx_for(b, b->objectives_src);
	size_t i;

	if (b->objectives_src == NULL ||
	    yaml_parse_file(&b->arena, &b->diag, b->objectives_src, &root) ||
	    root == NULL)
		return;
	if (root->kind != Y_SEQ) {
		diag(&b->diag, D_TYPE, b->objectives_src, root->pos,
		     "objectives.yaml", "a list", ynode_kind_name(root));
		return;
	}
	b->site.objectives = arena_array(&b->arena, root->nitems + 1,
					 sizeof(struct objective));
	for (i = 0; i < root->nitems; i++) {
		struct objective *o = &b->site.objectives[b->site.nobjectives];

		o->h.pos = root->items[i]->pos;
		o->src = b->objectives_src;
		/* Kept even with errors: its id still answers references. */
		validate_record(&v, &schema_objective, root->items[i], o);
		if (o->id.set)
			b->site.nobjectives++;
		else
			memset(o, 0, sizeof(*o));
	}
}

/* ---- content files ---- */

/*
 * The front matter tree is only read while the record is decoded: the
 * record keeps slices of the texts (in the build's arena) and tree is
 * reset for the next file, but for extra:, which is copied.  On a big
 * site the trees would otherwise be a sixth of the build's memory.
 */
static struct item *decode_item(struct build *b, enum kind k,
				const struct loaded *f, struct arena *tree)
{
	const struct schema *sc = schema_kinds[k];
	struct vctx v = vctx_for(b, f->src);
	struct frontmatter fm;
	struct item *it;

	it = arena_alloc(&b->arena, sc->size);
	it->kind = k;
	it->id = f->id;
	it->src = f->src;
	/* A file that cannot be read or parsed stays in the table, marked
	 * broken, so that references to it are not reported as well. */
	if (f->src == NULL ||
	    fm_parse(&b->arena, tree, &b->diag, f->src, &fm) != 0 ||
	    !fm.root) {
		it->broken = true;
		return it;
	}
	it->body = fm.body;
	it->body_line = fm.body_line;
	it->body_offset = fm.body_offset;
	validate_record(&v, sc, fm.root, it);
	if (it->extra)
		it->extra = ynode_copy(&b->arena, it->extra);
	return it;
}

static void decode_items(struct build *b)
{
	struct arena tree = ARENA_INIT;
	int k;
	size_t i;

	for (k = 0; k < K__ITEMS; k++) {
		const struct loaded_kind *lk = &b->files[k];
		struct kind_table *t = &b->site.kinds[k];

		t->v = arena_array(&b->arena, lk->n + 1, sizeof(*t->v));
		for (i = 0; i < lk->n; i++) {
			struct item *it = decode_item(b, (enum kind)k,
						      &lk->v[i], &tree);

			if (it)
				t->v[t->n++] = it;
			arena_reset(&tree);
		}
		qsort(t->v, t->n, sizeof(*t->v), cmp_item);
		/* model_find_index returns an index as an int. */
		if (t->n > (size_t)INT_MAX)
			die("%zu %s: more than one index can hold", t->n,
			    kind_names[k]);
		index_ids(&b->arena, t);
	}
	arena_free(&tree);
}

/* ---- references ---- */

static const char **ids_of(const struct site *s, enum kind k, size_t *n)
{
	const char **ids;
	size_t i;

	*n = k == K_OBJECTIVE ? s->nobjectives : s->kinds[k].n;
	ids = xcalloc(*n + 1, sizeof(*ids));
	for (i = 0; i < *n; i++)
		ids[i] = k == K_OBJECTIVE ? s->objectives[i].id.s.ptr :
					    s->kinds[k].v[i]->id.ptr;
	return ids;
}

static void resolve_ref(struct build *b, struct source *src,
			const struct field *f, const char *key, struct ref *r)
{
	struct buf hint = BUF_INIT;
	const char **ids;
	size_t n;

	if (!r->set)
		return;
	if ((f->flags & F_ZONE) && sl_eq_cstr(r->id, "zorgraad")) {
		r->index = REF_ZONE;
		return;
	}
	r->index = f->target == K_OBJECTIVE ?
		   model_find_objective(&b->site, r->id) :
		   model_find_index(&b->site, (enum kind)f->target, r->id);
	if (r->index >= 0)
		return;
	ids = ids_of(&b->site, (enum kind)f->target, &n);
	if (validate_nearest(r->id, ids, n))
		buf_printf(&hint, diag_tr(&b->diag, "; did you mean '%s'?",
					  "; bedoel je '%s'?"),
			   validate_nearest(r->id, ids, n));
	if (f->flags & F_ZONE)
		buf_puts(&hint, diag_tr(&b->diag,
			 " (write 'zorgraad' for the zone itself)",
			 " (schrijf 'zorgraad' voor de zone zelf)"));
	diag(&b->diag, D_DANGLING_REF, src, r->pos, key,
	     diag_tr(&b->diag, kind_names[f->target],
		     kind_names_nl[f->target]), r->id.ptr,
	     hint.ptr ? hint.ptr : "");
	if (validate_nearest(r->id, ids, n))
		diag_fix(&b->diag, D_FIX_REPLACE, r->id.ptr,
			 validate_nearest(r->id, ids, n));
	else if (f->target == K_OBJECTIVE)
		diag_fix(&b->diag, D_FIX_REF, r->id.ptr, r->id.ptr,
			 "objectives.yaml");
	else
		diag_fix(&b->diag, D_FIX_CREATE, kind_folders[f->target],
			 r->id.ptr);
	free(ids);
	buf_free(&hint);
}

static void resolve_record(struct build *b, struct source *src,
			   const struct schema *sc, char *rec);

static void resolve_value(struct build *b, struct source *src,
			  const struct field *f, const char *key, char *dst)
{
	struct list *l = (struct list *)dst;
	size_t i;

	switch (f->type) {
	case FT_REF:
		resolve_ref(b, src, f, key, (struct ref *)dst);
		break;
	case FT_STRUCT:
		if (((struct nested *)dst)->set)
			resolve_record(b, src, f->sub, dst);
		break;
	case FT_LIST:
		for (i = 0; i < l->n; i++)
			resolve_value(b, src, f->elem, key,
				      (char *)l->v + i * f->size);
		break;
	default:
		break;
	}
}

static void resolve_record(struct build *b, struct source *src,
			   const struct schema *sc, char *rec)
{
	const struct field *f;

	for (f = sc->fields; f->key; f++)
		resolve_value(b, src, f, f->key, rec + f->off);
}

static void resolve_all(struct build *b)
{
	size_t i;
	int k;

	for (i = 0; i < b->site.nobjectives; i++)
		resolve_record(b, b->objectives_src, &schema_objective,
			       (char *)&b->site.objectives[i]);
	resolve_record(b, b->site.config_src, &schema_site,
		       (char *)&b->site.cfg);
	for (k = 0; k < K__ITEMS; k++)
		for (i = 0; i < b->site.kinds[k].n; i++) {
			struct item *it = b->site.kinds[k].v[i];

			resolve_record(b, it->src, schema_kinds[k], (char *)it);
		}
}

/* ---- rules that span fields ---- */

static void check_span(struct build *b, struct source *src, const char *what,
		       const struct date *start, const struct date *end)
{
	if (start->set && end->set && !fuzzydate_end_ok(start->fd, end->fd))
		diag(&b->diag, D_END_BEFORE_START, src, end->pos, what);
}

static void check_objectives(struct build *b)
{
	struct site *s = &b->site;
	size_t i, j, steps;

	for (i = 0; i < s->nobjectives; i++) {
		int at = (int)i;

		for (j = 0; j < i; j++)
			if (sl_eq(s->objectives[j].id.s, s->objectives[i].id.s))
				diag(&b->diag, D_DUP_VOCAB, b->objectives_src,
				     s->objectives[i].id.pos,
				     diag_tr(&b->diag, "objective",
					     "doelstelling"),
				     s->objectives[i].id.s.ptr);
		for (steps = 0; at >= 0 && s->objectives[at].parent.set &&
				steps <= s->nobjectives; steps++)
			at = s->objectives[at].parent.index;
		if (steps > s->nobjectives)
			diag(&b->diag, D_PARENT_CYCLE, b->objectives_src,
			     s->objectives[i].parent.pos,
			     s->objectives[i].id.s.ptr);
	}
}

static void check_action(struct build *b, struct action *a)
{
	struct source *src = a->it.src;
	const struct ref *so = &a->strategic_objective;

	if (so->set && so->index >= 0 &&
	    b->site.objectives[so->index].parent.set)
		diag(&b->diag, D_NOT_STRATEGIC, src, so->pos, so->id.ptr);

	check_span(b, src, "period", &a->period.start, &a->period.end);
	if (a->template_.v == TPL_STUB && !a->alias_of.set)
		diag(&b->diag, D_STUB_NEEDS_ALIAS, src, a->template_.pos);
	if (a->alias_of.set && a->template_.v != TPL_STUB)
		diag(&b->diag, D_ALIAS_NOT_STUB, src, a->alias_of.pos);
	if (a->alias_of.set && sl_eq(a->alias_of.id, a->it.id))
		diag(&b->diag, D_SELF_REF, src, a->alias_of.pos, "alias_of");
}

static void check_event(struct build *b, struct event *e)
{
	size_t i;

	check_span(b, e->it.src, "end", &e->start, &e->end);
	for (i = 0; i < e->programme.n; i++) {
		struct programme_entry *p =
			&LIST_AT(e->programme, struct programme_entry, i);

		check_span(b, e->it.src, "programme end", &p->start, &p->end);
	}
}

/* Leftover Word prompts, in the front matter as much as in the body. */
static void check_prompts(struct build *b, struct item *it)
{
	const char *t = it->src->text;
	size_t i, at;

	for (i = 0; i < md_ntemplate_prompts; i++) {
		const char *p = md_template_prompts[i];
		size_t n = strlen(p);

		at = 0;
		while ((at = mem_find(t, at, it->src->len, p, n)) !=
		       MEM_NOT_FOUND) {
			diag(&b->diag, D_TEMPLATE_PROMPT, it->src,
			     diag_pos_at(it->src, at), p);
			at += n;
		}
	}
}

static void check_items(struct build *b)
{
	size_t i;
	int k;

	for (k = 0; k < K__ITEMS; k++) {
		for (i = 0; i < b->site.kinds[k].n; i++) {
			struct item *it = b->site.kinds[k].v[i];

			if (it->broken)
				continue;
			check_prompts(b, it);
			if (k == K_ACTION)
				check_action(b, (struct action *)it);
			else if (k == K_EVENT)
				check_event(b, (struct event *)it);
			else if (k == K_SERVICE && !((struct service *)it)->geo.set)
				diag(&b->diag, D_NO_GEO, it->src,
				     (struct pos){ 1, 1 });
			it->published = it->visibility.v <= (int)b->edition;
			if (k == K_ACTION &&
			    ((struct action *)it)->status.v == AS_PLACEHOLDER &&
			    b->edition != ED_INTERNAL)
				it->published = false;
		}
	}
}

/* ---- Markdown bodies ---- */

static void parse_bodies(struct build *b)
{
	static const char *const reserved[] = { "inhoud", "main", "top",
		"menu", "zoeken" };
	struct md_options o = { 0 };
	size_t i;
	int k;

	o.unsafe_html = b->site.cfg.markdown.unsafe_html.v;
	o.straight_quotes = b->site.cfg.markdown.smart.set &&
			    !b->site.cfg.markdown.smart.v;
	o.reserved_ids = reserved;
	o.nreserved = sizeof(reserved) / sizeof(reserved[0]);
	for (k = 0; k < K__ITEMS; k++)
		for (i = 0; i < b->site.kinds[k].n; i++) {
			struct item *it = b->site.kinds[k].v[i];

			if (it->broken)
				continue;
			it->doc = md_parse(&b->diag, it->src, it->body,
					   it->body_line, &o);
		}
}

static const char *const sections_2025[] = { "Wat?", "Waarom?", "Voor wie?",
	"Met wie?", "Hoe?", "Mijlpalen", "Evaluatie", NULL };
static const char *const sections_2024[] = { "Korte omschrijving", "Wat?",
	"Waarom?", "Voor wie?", "Met wie?", "Wanneer?", "Hoe?",
	"Communicatie", "Evaluatie", NULL };

static void check_sections(struct build *b, struct action *a)
{
	const char *const *want;
	const struct md_heading *h;
	size_t n, i;

	if (a->template_.v == TPL_2025)
		want = sections_2025;
	else if (a->template_.v == TPL_2024)
		want = sections_2024;
	else
		return;
	if (a->it.doc == NULL)
		return;
	h = md_headings(a->it.doc, &n);
	for (; *want; want++) {
		for (i = 0; i < n; i++)
			if (h[i].level == 2 && sl_eq_cstr(h[i].text, *want))
				break;
		if (i == n)
			diag(&b->diag, D_MISSING_SECTION, a->it.src,
			     (struct pos){ a->it.body_line, 1 }, *want,
			     words_template[a->template_.v]);
	}
}

void model_free(struct site *s)
{
	size_t i;
	int k;

	for (k = 0; k < K__ITEMS; k++)
		for (i = 0; i < s->kinds[k].n; i++)
			if (s->kinds[k].v[i]->doc)
				md_free(s->kinds[k].v[i]->doc);
	free(s->action_event_off);
	free(s->action_event_idx);
	s->action_event_off = s->action_event_idx = NULL;
}

unsigned model_build(struct build *b)
{
	unsigned before = diag_errors(&b->diag);
	size_t i;

	b->site.dir = (char *)b->site_dir;
	b->site.edition = b->edition;
	b->site.now_day = (int)b->now_day;
	decode_site(b);
	decode_objectives(b);
	decode_items(b);
	resolve_all(b);
	index_action_events(&b->site);
	check_objectives(b);
	check_items(b);
	parse_bodies(b);
	for (i = 0; i < b->site.kinds[K_ACTION].n; i++)
		check_sections(b, (struct action *)b->site.kinds[K_ACTION].v[i]);
	partner_refs_check(b);
	return diag_errors(&b->diag) - before;
}
