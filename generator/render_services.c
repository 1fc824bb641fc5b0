/*
 * render_services: the map of care and welfare services, its list, its
 * filter pages, each service's page and the open data file.
 *
 * Pages:
 *   /kaart/                   the zone map (an SVG drawn here, see map.h)
 *                             beside the list, grouped by municipality, then
 *                             category; a small script filters both at once
 *   /kaart/soort/CAT/         the same for one category (works without script)
 *   /kaart/gemeente/MUN/      the same for one municipality, framed on it
 *   /kaart/ID/                a service, with a locator map of its
 *                             municipality, its partner and its events
 *   /kaart/diensten.geojson   every service as RFC 7946 GeoJSON
 *
 * Markers appear in the order of the list (municipality, category, id), so
 * the keyboard meets them in the order a reader meets the list.  Each
 * category has a colour, a shape and a letter, so no one needs to tell
 * colours apart.  The outlines come from the optional boundaries file;
 * without it the markers stand on a blank frame and the page says so.
 */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "geojson.h"
#include "load.h"
#include "map.h"
#include "render_int.h"
#include "report.h"
#include "xalloc.h"

/* Folders of the filter pages under the services path, and the data file. */
#define FACET_CATEGORY_DIR "soort"
#define FACET_MUNICIPALITY_DIR "gemeente"
#define GEOJSON_FILE "diensten.geojson"
#define DEFAULT_BOUNDARIES "data/municipalities.geojson"
#define MAP_SCRIPT "map.js"
/* A category without a colour in site.yaml: white on it is 9.7:1. */
#define FALLBACK_COLOR "#37474f"
/* Marker label: this far beside the marker's centre. */
#define LABEL_OFFSET 16.0
/* Area names (15 units, capitals, spaced: see style.css): room they need,
 * how far from markers is far enough, and how much the middle counts. */
#define LABEL_CHAR_WIDTH 12.0
#define LABEL_HEIGHT 10.0
#define LABEL_ROOM 24.0
#define LABEL_CENTRE_WEIGHT 0.1
enum { LABEL_GRID = 12 }; /* spots tried: (LABEL_GRID - 1)^2 */

/* One published service, in list order. */
struct svc {
	const struct service *s;
	size_t index; /* in the kind table */
	int mi, ci;   /* municipality, category; -1 when unknown or absent */
};

/* What every map of the build shares. */
struct smap {
	struct gj_collection gj;
	int *feature_muni;          /* per feature: municipality or -1 */
	bool have_boundaries;
	unsigned boundary_errors;
	enum map_projection proj;
	size_t ncat;                /* categories of site.yaml */
	char (*letters)[MAP_LETTER_MAX]; /* ncat + 1: the last for "other" */
	struct svc *v;
	size_t n;
	size_t *cat_n, *muni_n;     /* services per category (last: other),
				       per municipality */
	const char *script;         /* map.js's URL, NULL without one */
	/* The events held at service k, in date order, are
	 * at_ev[at_off[k]..at_off[k+1]): sorted out once, so a service page
	 * does not scan the whole calendar. */
	size_t *at_off;
	const struct event **at_ev;
};

/* ---- the boundaries file ---- */

/* The municipality a feature outlines, by id, else by name. */
static int feature_municipality(const struct site *s,
				const struct gj_feature *f)
{
	size_t i, n = s->cfg.vocab[V_MUNICIPALITY].n;
	int mi;

	/* An official file may carry its own codes as ids (NIS codes): then
	 * the name still matches. */
	if (!sl_is_null(f->id) &&
	    (mi = model_find_vocab(s, V_MUNICIPALITY, f->id)) >= 0)
		return mi;
	for (i = 0; !sl_is_null(f->name) && i < n; i++)
		if (sl_eq(vocab_label(s, V_MUNICIPALITY, (int)i), f->name))
			return (int)i;
	return -1;
}

static void match_features(struct render *r, struct smap *m)
{
	size_t i, j;

	m->feature_muni = arena_array(&r->b->arena, m->gj.n + 1, sizeof(int));
	for (i = 0; i < m->gj.n; i++) {
		const struct gj_feature *f = &m->gj.v[i];
		struct slice shown = sl_is_null(f->id) ? f->name : f->id;

		m->feature_muni[i] = feature_municipality(r->s, f);
		if (m->feature_muni[i] < 0) {
			diag(&r->b->diag, D_GJ_UNMATCHED, m->gj.src, f->pos,
			     sl_is_null(shown) ? "(no id or name)" :
			     arena_strndup(&r->b->arena, shown.ptr, shown.len));
			continue;
		}
		for (j = 0; j < i; j++)
			if (m->feature_muni[j] == m->feature_muni[i]) {
				struct slice l = vocab_label(r->s,
					V_MUNICIPALITY, m->feature_muni[i]);

				diag(&r->b->diag, D_GJ_DUP, m->gj.src, f->pos,
				     arena_strndup(&r->b->arena, l.ptr, l.len));
				m->feature_muni[i] = -1;
				break;
			}
	}
}

/* map.boundaries, else the default file when the site has one. */
static void load_boundaries(struct render *r, struct smap *m)
{
	const struct text *path = &r->s->cfg.map.boundaries;
	struct source *src;

	src = load_text(r->b, path->set ? path->s.ptr : DEFAULT_BOUNDARIES,
			path->set);
	if (src == NULL)
		return;
	/* Features with errors are left out; the others are still matched,
	 * so one run reports every problem of the file. */
	m->boundary_errors = geojson_read(&r->b->arena, &r->b->diag, src, &m->gj);
	if (m->gj.n > 0) {
		m->have_boundaries = true;
		match_features(r, m);
	}
}

/* ---- checks of the services against the outlines ---- */

static const char *fmt_coord(struct render *r, double v)
{
	struct buf b = BUF_INIT;
	const char *s;

	json_put_coord(&b, v);
	s = arena_strndup(&r->b->arena, b.ptr, b.len);
	buf_free(&b);
	return s;
}

/* The feature holding a position, or -1. */
static int feature_at(const struct smap *m, double lon, double lat)
{
	size_t i;

	for (i = 0; i < m->gj.n; i++)
		if (gj_inside(&m->gj.v[i], lon, lat))
			return (int)i;
	return -1;
}

static struct slice feature_label(const struct render *r,
				  const struct smap *m, int fi)
{
	const struct gj_feature *f = &m->gj.v[fi];

	if (m->feature_muni[fi] >= 0)
		return vocab_label(r->s, V_MUNICIPALITY, m->feature_muni[fi]);
	return sl_is_null(f->name) ? f->id : f->name;
}

/*
 * Warns about every service outside all outlines.  When all of them lie
 * inside once latitude and longitude trade places, and there are several,
 * the outlines are the ones written backwards: one warning on the file.
 */
static void check_outside(struct render *r, const struct smap *m)
{
	const struct kind_table *t = &r->s->kinds[K_SERVICE];
	size_t i, ngeo = 0, nout = 0, nswap = 0;

	for (i = 0; i < t->n; i++) {
		const struct service *s = (const struct service *)t->v[i];

		if (t->v[i]->broken || !s->geo.set)
			continue;
		ngeo++;
		if (feature_at(m, s->geo.lon, s->geo.lat) < 0) {
			nout++;
			nswap += feature_at(m, s->geo.lat, s->geo.lon) >= 0;
		}
	}
	if (nout > 1 && nout == ngeo && nswap == nout) {
		diag(&r->b->diag, D_GJ_SWAPPED, m->gj.src, m->gj.v[0].pos);
		return;
	}
	for (i = 0; i < t->n; i++) {
		const struct service *s = (const struct service *)t->v[i];
		int fi;

		if (t->v[i]->broken || !s->geo.set ||
		    feature_at(m, s->geo.lon, s->geo.lat) >= 0)
			continue;
		fi = feature_at(m, s->geo.lat, s->geo.lon);
		if (fi >= 0)
			diag(&r->b->diag, D_GEO_SWAPPED, s->it.src, s->geo.pos,
			     fmt_coord(r, s->geo.lat), fmt_coord(r, s->geo.lon),
			     fmt_coord(r, s->geo.lon), fmt_coord(r, s->geo.lat),
			     arena_strndup(&r->b->arena, feature_label(r, m, fi).ptr,
					   feature_label(r, m, fi).len));
		else
			diag(&r->b->diag, D_GEO_OUTSIDE, s->it.src, s->geo.pos,
			     fmt_coord(r, s->geo.lat), fmt_coord(r, s->geo.lon));
	}
}

/* tiles must name the three tile coordinates, or no tile can be asked. */
static bool tiles_ok(struct render *r)
{
	const struct text *t = &r->s->cfg.map.tiles;
	const char *const need[] = { "{z}", "{x}", "{y}" };
	size_t i;

	if (!t->set)
		return false;
	for (i = 0; i < 3; i++)
		if (!strstr(t->s.ptr, need[i])) {
			diag(&r->b->diag, D_MAP_TILES, r->s->config_src, t->pos,
			     t->s.ptr);
			return false;
		}
	return true;
}

/* The theme's map.js, with a hash of its bytes in the URL (like the
 * stylesheet's) so no browser keeps an old copy; NULL when the theme has
 * none, and then the pages ask for none. */
static const char *script_url(struct render *r)
{
	struct buf path = BUF_INIT, u = BUF_INIT;
	uint32_t h = 2166136261u;
	const char *s = NULL;
	FILE *f;
	int c;

	buf_printf(&path, "%s/assets/%s", r->theme_dir, MAP_SCRIPT);
	f = fopen(path.ptr, "rb");
	if (f != NULL) {
		while ((c = getc(f)) != EOF) {
			h ^= (unsigned char)c;
			h *= 16777619u;
		}
		fclose(f);
		buf_printf(&u, "%.*sassets/%s?v=%08x", SL_FMT(r->base_path),
			   MAP_SCRIPT, (unsigned)h);
		s = arena_strndup(&r->b->arena, u.ptr, u.len);
	}
	buf_free(&path);
	buf_free(&u);
	return s;
}

/* ---- the services in list order ---- */

/* Unknown or absent municipality or category: after the known ones, as
 * the list shows them ("Overige" last). */
static int sort_key(int index)
{
	return index < 0 ? INT_MAX : index;
}

static int cmp_svc(const void *a, const void *b)
{
	const struct svc *x = a, *y = b;

	if (sort_key(x->mi) != sort_key(y->mi))
		return sort_key(x->mi) < sort_key(y->mi) ? -1 : 1;
	if (sort_key(x->ci) != sort_key(y->ci))
		return sort_key(x->ci) < sort_key(y->ci) ? -1 : 1;
	return sl_cmp(x->s->it.id, y->s->it.id);
}

static size_t cat_slot(const struct smap *m, int ci)
{
	return ci < 0 ? m->ncat : (size_t)ci;
}

static void collect_svcs(struct render *r, struct smap *m)
{
	const struct kind_table *t = &r->s->kinds[K_SERVICE];
	size_t i;

	m->v = xcalloc(t->n + 1, sizeof(*m->v));
	m->cat_n = xcalloc(m->ncat + 1, sizeof(*m->cat_n));
	m->muni_n = xcalloc(r->s->cfg.vocab[V_MUNICIPALITY].n + 1,
			    sizeof(*m->muni_n));
	for (i = 0; i < t->n; i++) {
		const struct service *s = (const struct service *)t->v[i];
		struct svc *v;

		if (!s->it.published)
			continue;
		v = &m->v[m->n++];
		v->s = s;
		v->index = i;
		v->mi = s->municipality.set ? s->municipality.index : -1;
		v->ci = s->category.set ? s->category.index : -1;
		m->cat_n[cat_slot(m, v->ci)]++;
		if (v->mi >= 0)
			m->muni_n[v->mi]++;
	}
	qsort(m->v, m->n, sizeof(*m->v), cmp_svc);
}

static void setup_categories(struct render *r, struct smap *m)
{
	struct slice *labels;
	size_t i;

	m->ncat = r->s->cfg.vocab[V_SERVICE_CATEGORY].n;
	labels = xcalloc(m->ncat + 1, sizeof(*labels));
	for (i = 0; i < m->ncat; i++)
		labels[i] = vocab_label(r->s, V_SERVICE_CATEGORY, (int)i);
	labels[m->ncat] = label(r, L_OTHER);
	m->letters = arena_array(&r->b->arena, m->ncat + 1,
				 sizeof(*m->letters));
	map_letters(labels, m->ncat + 1, m->letters);
	free(labels);
}

/* ---- symbols: colour, shape and letter of a category ---- */

static struct slice cat_color(const struct render *r, int ci)
{
	const struct vocab_entry *e;

	if (ci < 0)
		return SL(FALLBACK_COLOR);
	e = &LIST_AT(r->s->cfg.vocab[V_SERVICE_CATEGORY], struct vocab_entry, ci);
	return e->color.set ? e->color.s : SL(FALLBACK_COLOR);
}

static struct slice cat_label(const struct render *r, int ci)
{
	return ci < 0 ? label(r, L_OTHER) :
	       vocab_label(r->s, V_SERVICE_CATEGORY, ci);
}

/* {color, shape, letter}: what a marker and a legend entry draw. */
static void put_symbol(struct render *r, const struct smap *m, struct tv *t,
		       int ci)
{
	put_sl(r, t, "color", cat_color(r, ci));
	put_cstr(r, t, "shape", map_shape_path(cat_slot(m, ci)));
	put_cstr(r, t, "letter", m->letters[cat_slot(m, ci)]);
}

/* ---- drawing ---- */

static struct slice muni_id(const struct render *r, int mi)
{
	if (mi < 0)
		return SL_NULL;
	return LIST_AT(r->s->cfg.vocab[V_MUNICIPALITY], struct vocab_entry,
		       mi).id.s;
}

static struct slice cat_id(const struct render *r, int ci)
{
	if (ci < 0)
		return SL_NULL;
	return LIST_AT(r->s->cfg.vocab[V_SERVICE_CATEGORY], struct vocab_entry,
		       ci).id.s;
}

static void put_num(struct render *r, struct tv *t, const char *key, double v)
{
	struct buf b = BUF_INIT;

	map_put_num(&b, v);
	put_buf(r, t, key, &b);
	buf_free(&b);
}

static const struct svc *const *plotted(const struct svc *const *sel,
					size_t n, size_t *np)
{
	const struct svc **v = xcalloc(n + 1, sizeof(*v));
	size_t i;

	*np = 0;
	for (i = 0; i < n; i++)
		if (sel[i]->s->geo.set)
			v[(*np)++] = sel[i];
	return (const struct svc *const *)v;
}

/* The area framed: the outlines of muni (all when muni < 0) and the
 * plotted services. */
static struct map_bbox frame_box(const struct smap *m, int muni,
				 const struct svc *const *v, size_t n)
{
	struct map_bbox b = { 0, 0, 0, 0, false };
	size_t i;

	for (i = 0; i < m->gj.n; i++) {
		const struct gj_feature *f = &m->gj.v[i];

		if (muni >= 0 && m->feature_muni[i] != muni)
			continue;
		map_bbox_add(&b, f->min_lon, f->min_lat);
		map_bbox_add(&b, f->max_lon, f->max_lat);
	}
	for (i = 0; i < n; i++)
		map_bbox_add(&b, v[i]->s->geo.lon, v[i]->s->geo.lat);
	return b;
}

/* Markers drawn on a map: where they stand (after spreading) and where
 * the services really are. */
struct placed {
	double *xy, *oxy;
	size_t n;
};

/* How well a name fits at (x, y): its box as far from the markers as can
 * be (up to LABEL_ROOM), then close to the middle of the area; -HUGE_VAL
 * when the name would stick out of the outline or the drawing. */
static double label_score(const struct gj_feature *g, const struct map_frame *f,
			  const struct placed *p, double x, double y,
			  double half, double cx, double cy)
{
	double lon, lat, d = LABEL_ROOM;
	size_t i;
	int side;

	if (x - half < 0 || x + half > f->width || y < LABEL_HEIGHT ||
	    y > f->height - LABEL_HEIGHT)
		return -HUGE_VAL;
	for (side = -1; side <= 1; side++) {
		map_unproject(f, x + side * half, y, &lon, &lat);
		if (!gj_inside(g, lon, lat))
			return -HUGE_VAL;
	}
	/* From each marker to the box the name takes. */
	for (i = 0; i < p->n; i++) {
		double dx = fmax(fabs(p->xy[2 * i] - x) - half, 0);
		double dy = fmax(fabs(p->xy[2 * i + 1] - y) - LABEL_HEIGHT, 0);

		d = fmin(d, hypot(dx, dy));
	}
	return d - LABEL_CENTRE_WEIGHT * hypot(x - cx, y - cy);
}

/* Where an area's name goes: the centroid of its largest ring, unless a
 * spot on a grid over the area is clearer of markers.  The grid is walked
 * in a fixed order and only a strictly better spot wins: reproducible. */
static void label_spot(const struct gj_feature *g, const struct map_frame *f,
		       const struct placed *p, struct slice name,
		       double *lx, double *ly)
{
	double half = LABEL_CHAR_WIDTH * (double)name.len / 2;
	double x0, y0, x1, y1, best, sc, cx = *lx, cy = *ly;
	int i, j;

	map_project(f, g->min_lon, g->max_lat, &x0, &y0);
	map_project(f, g->max_lon, g->min_lat, &x1, &y1);
	best = label_score(g, f, p, cx, cy, half, cx, cy);
	for (i = 1; i < LABEL_GRID; i++)
		for (j = 1; j < LABEL_GRID; j++) {
			double x = x0 + (x1 - x0) * i / LABEL_GRID;
			double y = y0 + (y1 - y0) * j / LABEL_GRID;

			sc = label_score(g, f, p, x, y, half, cx, cy);
			if (sc > best + 1e-9) {
				best = sc;
				*lx = x;
				*ly = y;
			}
		}
}

/* The centroid of a feature's largest ring, and its path data into d. */
static void area_path(const struct gj_feature *g, const struct map_frame *f,
		      struct buf *d, double *cx, double *cy)
{
	double best = -1, x, y, area;
	size_t j;

	for (j = 0; j < g->nrings; j++) {
		map_put_ring(d, f, g->rings[j].lonlat, g->rings[j].n);
		area = map_ring_centroid(f, g->rings[j].lonlat, g->rings[j].n,
					 &x, &y);
		if (area > best) {
			best = area;
			*cx = x;
			*cy = y;
		}
	}
}

/* The outlines, one path per feature, with their names.  labels: name
 * every area, else only the current one. */
static struct tv *draw_areas(struct render *r, const struct smap *m,
			     const struct map_frame *f, int current,
			     bool labels, const struct placed *p)
{
	struct tv *areas = rlist(r);
	struct buf d = BUF_INIT;
	size_t i;

	for (i = 0; i < m->gj.n; i++) {
		const struct gj_feature *g = &m->gj.v[i];
		struct tv *a = rmap(r);
		double cx = 0, cy = 0, x0, y0, x1, y1;
		int mi = m->feature_muni[i];
		struct slice name;

		/* An outline wholly outside the frame would only add bytes. */
		map_project(f, g->min_lon, g->max_lat, &x0, &y0);
		map_project(f, g->max_lon, g->min_lat, &x1, &y1);
		if (x1 < 0 || y1 < 0 || x0 > f->width || y0 > f->height)
			continue;
		buf_reset(&d);
		area_path(g, f, &d, &cx, &cy);
		put_buf(r, a, "d", &d);
		put_bool(r, a, "current", mi >= 0 && mi == current);
		put_sl(r, a, "id", muni_id(r, mi));
		if (mi >= 0 && (labels || mi == current)) {
			name = vocab_label(r->s, V_MUNICIPALITY, mi);
			label_spot(g, f, p, name, &cx, &cy);
			put_sl(r, a, "label", name);
			put_num(r, a, "lx", cx);
			put_num(r, a, "ly", cy);
		}
		push(r, areas, a);
	}
	buf_free(&d);
	return areas;
}

/* One marker at (x, y); (ox, oy) is where the service really is. */
static struct tv *marker(struct render *r, const struct smap *m,
			 const struct map_frame *f, const struct svc *v,
			 const double *xy, const double *oxy)
{
	struct tv *t = item_link(r, &v->s->it);
	bool right = xy[0] < f->width * 0.6;
	struct buf p = BUF_INIT;

	put_symbol(r, m, t, v->ci);
	put_sl(r, t, "category", cat_label(r, v->ci));
	put_sl(r, t, "category_id", cat_id(r, v->ci));
	put_sl(r, t, "municipality_id", muni_id(r, v->mi));
	put_num(r, t, "x", xy[0]);
	put_num(r, t, "y", xy[1]);
	put_num(r, t, "lx", xy[0] + (right ? LABEL_OFFSET : -LABEL_OFFSET));
	put_cstr(r, t, "anchor", right ? "start" : "end");
	if (map_round(xy[0]) != map_round(oxy[0]) ||
	    map_round(xy[1]) != map_round(oxy[1])) {
		buf_putc(&p, 'M');
		map_put_point(&p, oxy[0], oxy[1]);
		buf_putc(&p, 'L');
		map_put_point(&p, xy[0], xy[1]);
		put_buf(r, t, "leader", &p);
		put_num(r, t, "ox", oxy[0]);
		put_num(r, t, "oy", oxy[1]);
	}
	buf_free(&p);
	return t;
}

static void place_markers(const struct map_frame *f,
			  const struct svc *const *v, size_t n,
			  struct placed *p)
{
	size_t i;

	p->n = n;
	p->xy = xcalloc(2 * n + 2, sizeof(double));
	p->oxy = xcalloc(2 * n + 2, sizeof(double));
	for (i = 0; i < n; i++)
		map_project(f, v[i]->s->geo.lon, v[i]->s->geo.lat,
			    &p->oxy[2 * i], &p->oxy[2 * i + 1]);
	memcpy(p->xy, p->oxy, 2 * n * sizeof(double));
	map_spread(p->xy, n, MAP_MARKER_GAP, f->width, f->height);
}

/* {width, height, areas, markers, ...}: the data of templates/map.mustache. */
static struct tv *draw_map(struct render *r, const struct smap *m,
			   const struct svc *const *sel, size_t nsel,
			   int muni, double max_w, double max_h)
{
	struct tv *t = rmap(r), *markers = rlist(r);
	const struct svc *const *v;
	struct map_frame f;
	struct map_bbox b;
	struct placed p;
	size_t i, n;

	v = plotted(sel, nsel, &n);
	b = frame_box(m, muni, v, n);
	if (!b.set) {
		free((void *)v);
		return NULL;
	}
	map_bbox_min_span(&b, MAP_MIN_SPAN);
	map_fit(&f, m->proj, &b, max_w, max_h, MAP_PAD);
	place_markers(&f, v, n, &p);
	put_num(r, t, "width", f.width);
	put_num(r, t, "height", f.height);
	if (m->have_boundaries)
		put(r, t, "areas", draw_areas(r, m, &f, muni, muni < 0, &p));
	put_bool(r, t, "blank", !m->have_boundaries);
	for (i = 0; i < n; i++)
		push(r, markers, marker(r, m, &f, v[i], &p.xy[2 * i],
					&p.oxy[2 * i]));
	put(r, t, "markers", markers);
	put_int(r, t, "count", (long long)n);
	if (m->proj == MAP_MERCATOR) {
		/* What a tile script needs to place tiles: see map.h. */
		put_num(r, t, "pad", f.pad);
		put_cstr(r, t, "x0", fmt_coord(r, f.x0));
		put_cstr(r, t, "y1", fmt_coord(r, f.y1));
		put_cstr(r, t, "scale", fmt_coord(r, f.scale));
	}
	free(p.xy);
	free(p.oxy);
	free((void *)v);
	return t;
}

/* ---- list, legend and filters ---- */

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
	put_bool(r, m, "on_map", s->geo.set);
	return m;
}

/* The list's cards carry the marker's symbol and the filter keys. */
static struct tv *list_card(struct render *r, const struct smap *m,
			    const struct svc *v)
{
	struct tv *t = service_card(r, &v->s->it);
	struct tv *sym = rmap(r);

	put_symbol(r, m, sym, v->ci);
	put(r, t, "symbol", sym);
	put_sl(r, t, "category_id", cat_id(r, v->ci));
	put_sl(r, t, "municipality_id", muni_id(r, v->mi));
	return t;
}

/* Municipality -> category -> cards, like group_items() but with the
 * cards of list_card(). */
static struct tv *grouped_list(struct render *r, const struct smap *m,
			       const struct svc *const *v, size_t n)
{
	struct tv *groups = rlist(r), *og = NULL, *subs = NULL, *items = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		if (i == 0 || v[i]->mi != v[i - 1]->mi) {
			og = rmap(r);
			subs = rlist(r);
			put_sl(r, og, "label", v[i]->mi < 0 ? label(r, L_OTHER) :
			       vocab_label(r->s, V_MUNICIPALITY, v[i]->mi));
			put_sl(r, og, "id", muni_id(r, v[i]->mi));
			put(r, og, "groups", subs);
			push(r, groups, og);
		}
		if (i == 0 || v[i]->mi != v[i - 1]->mi || v[i]->ci != v[i - 1]->ci) {
			struct tv *ig = rmap(r);

			items = rlist(r);
			put_sl(r, ig, "label", cat_label(r, v[i]->ci));
			put_sl(r, ig, "id", cat_id(r, v[i]->ci));
			put(r, ig, "items", items);
			push(r, subs, ig);
		}
		push(r, items, list_card(r, m, v[i]));
	}
	/* Counts once the groups are complete. */
	for (i = 0; i < tv_len(groups); i++) {
		const struct tv *g = groups->u.list.items[i];
		const struct tv *gs = tv_map_get(g, "groups");
		size_t j;

		for (j = 0; j < tv_len(gs); j++) {
			struct tv *ig = (struct tv *)gs->u.list.items[j];

			put_int(r, ig, "count",
				(long long)tv_len(tv_map_get(ig, "items")));
		}
	}
	return groups;
}

/* Category filters, which are also the legend: symbol, label, count. */
static struct tv *category_facets(struct render *r, const struct smap *m,
				  int current)
{
	struct tv *list = rlist(r);
	size_t c, count;

	for (c = 0; c <= m->ncat; c++) {
		int ci = c < m->ncat ? (int)c : -1;
		struct tv *t;

		count = m->cat_n[cat_slot(m, ci)];
		if (count == 0)
			continue;
		t = rmap(r);
		put_symbol(r, m, t, ci);
		put_sl(r, t, "label", cat_label(r, ci));
		put_sl(r, t, "id", cat_id(r, ci));
		put_int(r, t, "count", (long long)count);
		if (ci >= 0)
			put_cstr(r, t, "url", section_url(r, K_SERVICE,
				 FACET_CATEGORY_DIR, cat_id(r, ci)));
		put_bool(r, t, "current", ci >= 0 && ci == current);
		push(r, list, t);
	}
	return list;
}

static struct tv *municipality_facets(struct render *r, const struct smap *m,
				      int current)
{
	struct tv *list = rlist(r);
	size_t k, count, nm = r->s->cfg.vocab[V_MUNICIPALITY].n;

	for (k = 0; k < nm; k++) {
		struct tv *t;

		count = m->muni_n[k];
		if (count == 0)
			continue;
		t = rmap(r);
		put_sl(r, t, "label", vocab_label(r->s, V_MUNICIPALITY, (int)k));
		put_sl(r, t, "id", muni_id(r, (int)k));
		put_int(r, t, "count", (long long)count);
		put_cstr(r, t, "url", section_url(r, K_SERVICE,
			 FACET_MUNICIPALITY_DIR, muni_id(r, (int)k)));
		put_bool(r, t, "current", (int)k == current);
		push(r, list, t);
	}
	return list;
}

static struct tv *unplotted(struct render *r, const struct svc *const *v,
			    size_t n)
{
	struct tv *list = rlist(r);
	size_t i;

	for (i = 0; i < n; i++)
		if (!v[i]->s->geo.set)
			push(r, list, item_link(r, &v[i]->s->it));
	return list;
}

/* Data every variant of the map page has. */
static void put_map_page(struct render *r, const struct smap *m,
			 struct tv *page, const struct svc *const *v, size_t n,
			 int cat, int muni)
{
	struct tv *map = draw_map(r, m, v, n, muni, MAP_WIDTH, MAP_MAX_HEIGHT);
	struct buf u = BUF_INIT;

	put(r, page, "map", map);
	put(r, page, "categories", category_facets(r, m, cat));
	put(r, page, "municipality_filters", municipality_facets(r, m, muni));
	put(r, page, "municipalities", grouped_list(r, m, v, n));
	put(r, page, "unplotted", unplotted(r, v, n));
	put_int(r, page, "count", (long long)n);
	put_cstr(r, page, "all_url", kind_url(r, K_SERVICE));
	put_bool(r, page, "all", cat < 0 && muni < 0);
	buf_printf(&u, "%s%s", kind_url(r, K_SERVICE), GEOJSON_FILE);
	put_buf(r, page, "geojson_url", &u);
	put_cstr(r, page, "script", m->script);
	if (r->s->cfg.map.tiles.set && m->proj == MAP_MERCATOR) {
		put_text(r, page, "tiles", &r->s->cfg.map.tiles);
		put_text(r, page, "tiles_attribution", &r->s->cfg.map.attribution);
	}
	buf_free(&u);
}

/* ---- pages ---- */

static void render_index(struct render *r, const struct smap *m)
{
	const struct svc **v = xcalloc(m->n + 1, sizeof(*v));
	struct tv *page = rmap(r);
	struct buf dir = BUF_INIT;
	size_t i;

	for (i = 0; i < m->n; i++)
		v[i] = &m->v[i];
	put_label(r, page, "title", L_TITLE_SERVICES);
	put_map_page(r, m, page, v, m->n, -1, -1);
	buf_printf(&dir, "%s/", r->kind_path[K_SERVICE]);
	emit_page(r, "services", dir.ptr, page, true);
	buf_free(&dir);
	free(v);
}

/* A filter page: the services of one category (cat >= 0) or of one
 * municipality. */
static void render_facet(struct render *r, const struct smap *m, int cat,
			 int muni)
{
	const struct svc **v;
	struct tv *page, *facet;
	struct buf dir = BUF_INIT;
	size_t i, n = 0;

	if ((cat >= 0 ? m->cat_n[cat] : m->muni_n[muni]) == 0)
		return;
	v = xcalloc(m->n + 1, sizeof(*v));
	page = rmap(r);
	facet = rmap(r);
	for (i = 0; i < m->n; i++)
		if ((cat >= 0 && m->v[i].ci == cat) ||
		    (muni >= 0 && m->v[i].mi == muni))
			v[n++] = &m->v[i];
	put_sl(r, page, "title", cat >= 0 ? cat_label(r, cat) :
	       vocab_label(r->s, V_MUNICIPALITY, muni));
	put_label(r, page, "map_title", L_TITLE_SERVICES);
	put_bool(r, facet, cat >= 0 ? "category" : "municipality", true);
	put(r, page, "facet", facet);
	put_map_page(r, m, page, v, n, cat, muni);
	section_dir(r, &dir, K_SERVICE,
		    cat >= 0 ? FACET_CATEGORY_DIR : FACET_MUNICIPALITY_DIR,
		    cat >= 0 ? cat_id(r, cat) : muni_id(r, muni));
	emit_page(r, "services", dir.ptr, page, true);
	buf_free(&dir);
	free(v);
}

/* The small map of a service's page: its municipality and this marker. */
static struct tv *locator(struct render *r, const struct smap *m,
			  const struct svc *v)
{
	const struct svc *one[1] = { v };
	struct tv *t;

	if (!v->s->geo.set)
		return NULL;
	t = draw_map(r, m, one, 1, v->mi, MAP_LOCATOR_WIDTH,
		     MAP_LOCATOR_MAX_HEIGHT);
	if (t)
		put_sl(r, t, "municipality", v->mi < 0 ? SL_NULL :
		       vocab_label(r->s, V_MUNICIPALITY, v->mi));
	return t;
}

/* Buckets the events of events_by_date() by their location service
 * (see struct smap), keeping their order. */
static void index_events(struct render *r, struct smap *m)
{
	size_t ns = r->s->kinds[K_SERVICE].n, i, n, *fill;
	struct event *const *ev = events_by_date(r, &n);

	m->at_off = xcalloc(ns + 2, sizeof(size_t));
	m->at_ev = xcalloc(n + 1, sizeof(*m->at_ev));
	for (i = 0; i < n; i++)
		if (ev[i]->location.service.set &&
		    ev[i]->location.service.index >= 0 &&
		    (size_t)ev[i]->location.service.index < ns)
			m->at_off[ev[i]->location.service.index + 1]++;
	for (i = 0; i < ns; i++)
		m->at_off[i + 1] += m->at_off[i];
	fill = xcalloc(ns + 1, sizeof(size_t));
	memcpy(fill, m->at_off, ns * sizeof(size_t));
	for (i = 0; i < n; i++)
		if (ev[i]->location.service.set &&
		    ev[i]->location.service.index >= 0 &&
		    (size_t)ev[i]->location.service.index < ns)
			m->at_ev[fill[ev[i]->location.service.index]++] = ev[i];
	free(fill);
}

/* Published events held at service index, upcoming and past apart. */
static void put_events(struct render *r, const struct smap *m,
		       struct tv *page, size_t index)
{
	struct tv *next = rlist(r), *past = rlist(r);
	size_t i;

	for (i = m->at_off[index]; i < m->at_off[index + 1]; i++) {
		const struct event *e = m->at_ev[i];

		push(r, event_is_past(e, r->s->now_day) ? past : next,
		     event_card(r, e));
	}
	put(r, page, "events", next);
	put(r, page, "past_events", past);
}

static void render_service(struct render *r, const struct smap *m,
			   const struct svc *v)
{
	const struct service *s = v->s;
	struct tv *page = list_card(r, m, v);
	struct buf dir = BUF_INIT, geo = BUF_INIT;

	put_sl(r, page, "title", s->name.s);
	put_text(r, page, "email", &s->email);
	put_text(r, page, "website", &s->website);
	put(r, page, "target_groups", text_list(r, &s->target_groups));
	if (s->partner.set && s->partner.index >= 0)
		put(r, page, "partner", item_link(r,
		    r->s->kinds[K_PARTNER].v[s->partner.index]));
	if (s->geo.set) {
		json_put_coord(&geo, s->geo.lat);
		buf_puts(&geo, ", ");
		json_put_coord(&geo, s->geo.lon);
		put_buf(r, page, "geo", &geo);
	}
	put(r, page, "locator", locator(r, m, v));
	put_events(r, m, page, v->index);
	put_date(r, page, "updated", &s->updated, NULL);
	put_cstr(r, page, "map_url", kind_url(r, K_SERVICE));
	if (v->ci >= 0)
		put_cstr(r, page, "category_url", section_url(r, K_SERVICE,
			 FACET_CATEGORY_DIR, cat_id(r, v->ci)));
	if (v->mi >= 0)
		put_cstr(r, page, "municipality_url", section_url(r, K_SERVICE,
			 FACET_MUNICIPALITY_DIR, muni_id(r, v->mi)));
	put_body(r, page, &s->it);
	item_dir(r, &s->it, &dir);
	emit_page(r, "service", dir.ptr, page, true);
	buf_free(&dir);
	buf_free(&geo);
}

/* ---- open data ---- */

static void json_member(struct buf *b, const char *key, struct slice v)
{
	buf_printf(b, ", \"%s\": ", key);
	if (sl_is_null(v))
		buf_puts(b, "null");
	else
		json_put_string(b, v);
}

/* RFC 7946: positions [longitude, latitude]; a service without geo is a
 * Feature with a null geometry (listed, not placed).  One feature per
 * line, in id order, so a diff of two builds reads well. */
static void render_geojson(struct render *r, const struct smap *m)
{
	const struct kind_table *t = &r->s->kinds[K_SERVICE];
	struct buf b = BUF_INIT, u = BUF_INIT, path = BUF_INIT;
	size_t i, n = 0;

	buf_puts(&b, "{\"type\": \"FeatureCollection\", \"features\": [");
	for (i = 0; i < t->n; i++) {
		const struct service *s = (const struct service *)t->v[i];
		int ci = s->category.set ? s->category.index : -1;
		int mi = s->municipality.set ? s->municipality.index : -1;

		if (!s->it.published)
			continue;
		buf_puts(&b, n++ ? ",\n" : "\n");
		buf_puts(&b, "{\"type\": \"Feature\", \"geometry\": ");
		if (s->geo.set) {
			buf_puts(&b, "{\"type\": \"Point\", \"coordinates\": [");
			json_put_coord(&b, s->geo.lon);
			buf_puts(&b, ", ");
			json_put_coord(&b, s->geo.lat);
			buf_puts(&b, "]}");
		} else {
			buf_puts(&b, "null");
		}
		buf_puts(&b, ", \"properties\": {\"id\": ");
		json_put_string(&b, s->it.id);
		json_member(&b, "name", s->name.s);
		json_member(&b, "category", cat_id(r, ci));
		json_member(&b, "category_label", ci < 0 ? SL_NULL :
			    cat_label(r, ci));
		json_member(&b, "municipality", muni_id(r, mi));
		json_member(&b, "municipality_name", mi < 0 ? SL_NULL :
			    vocab_label(r->s, V_MUNICIPALITY, mi));
		buf_reset(&u);
		abs_site_url(r, &u, item_url(r, &s->it));
		json_member(&b, "url", buf_slice(&u));
		buf_puts(&b, "}}");
	}
	buf_puts(&b, "\n]}\n");
	buf_printf(&path, "%s/%s", r->kind_path[K_SERVICE], GEOJSON_FILE);
	emit_file(r, path.ptr, &b);
	(void)m;
	buf_free(&b);
	buf_free(&u);
	buf_free(&path);
}

/* ---- the stage ---- */

void claim_service_urls(struct render *r)
{
	const struct kind_table *t = &r->s->kinds[K_SERVICE];
	struct buf p = BUF_INIT;
	size_t i, j;
	int v;

	buf_printf(&p, "%s/%s", r->kind_path[K_SERVICE], GEOJSON_FILE);
	claim_url(r, p.ptr, diag_tr(&r->b->diag, "the services' open data",
				    "de open data van de diensten"), NULL,
		  (struct pos){ 0, 0 });
	for (v = 0; v < 2; v++) {
		enum vocab voc = v ? V_MUNICIPALITY : V_SERVICE_CATEGORY;
		const struct list *l = &r->s->cfg.vocab[voc];

		for (i = 0; i < l->n; i++) {
			struct slice id = LIST_AT(*l, struct vocab_entry, i).id.s;
			bool used = false;

			for (j = 0; j < t->n && !used; j++) {
				const struct service *s =
					(const struct service *)t->v[j];
				const struct ref *ref = v ? &s->municipality :
							    &s->category;

				used = s->it.published && ref->set &&
				       ref->index == (int)i;
			}
			if (!used)
				continue;
			buf_reset(&p);
			section_dir(r, &p, K_SERVICE,
				    v ? FACET_MUNICIPALITY_DIR :
				    FACET_CATEGORY_DIR, id);
			claim_url(r, p.ptr, diag_tr(&r->b->diag,
				  "a filter page of the map",
				  "een filterpagina van de kaart"), NULL,
				  (struct pos){ 0, 0 });
		}
	}
	buf_free(&p);
}

void render_services(struct render *r)
{
	struct smap m;
	size_t i;

	memset(&m, 0, sizeof(m));
	m.proj = tiles_ok(r) ? MAP_MERCATOR : MAP_EQUIRECT;
	load_boundaries(r, &m);
	if (m.have_boundaries && m.boundary_errors == 0)
		check_outside(r, &m);
	setup_categories(r, &m);
	collect_svcs(r, &m);
	m.script = script_url(r);
	index_events(r, &m);
	for (i = 0; i < m.n; i++) {
		if (unit_begin(r, UNIT_PAGE))
			render_service(r, &m, &m.v[i]);
		unit_end(r);
	}
	if (unit_begin(r, unit_list_weight(m.n)))
		render_index(r, &m);
	unit_end(r);
	for (i = 0; i < m.ncat; i++) {
		if (unit_begin(r, unit_list_weight(m.cat_n[i])))
			render_facet(r, &m, (int)i, -1);
		unit_end(r);
	}
	for (i = 0; i < r->s->cfg.vocab[V_MUNICIPALITY].n; i++) {
		if (unit_begin(r, unit_list_weight(m.muni_n[i])))
			render_facet(r, &m, -1, (int)i);
		unit_end(r);
	}
	if (unit_begin(r, unit_list_weight(m.n)))
		render_geojson(r, &m);
	unit_end(r);
	free(m.v);
	free(m.cat_n);
	free(m.muni_n);
	free(m.at_off);
	free(m.at_ev);
}
