/*
 * geojson: read municipality outlines from a GeoJSON file; JSON output
 * helpers.  See geojson.h.
 *
 * Reading is strict about what the map needs (closed rings of numeric
 * [longitude, latitude] positions) and lenient about the rest: foreign
 * members, a "bbox", other properties and an altitude after the latitude
 * are allowed by RFC 7946 and ignored here.  A Feature whose geometry is
 * null has no outline and is skipped without a word.
 */
#include "geojson.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontmatter.h"
#include "xalloc.h"

/* Reading state for one file. */
struct gjr {
	struct arena *a;
	struct diag_ctx *d;
	struct source *src;
	unsigned errors;
};

/* Reports a problem of the file; s1 and s2 fill the message's %s, if any. */
static void report(struct gjr *g, enum diag_id id, struct pos pos,
		   const char *s1, const char *s2)
{
	diag(g->d, id, g->src, pos, s1, s2);
	if (diag_level_of(id) == DL_ERROR)
		g->errors++;
}

/* ---- numbers ---- */

static size_t digits(struct slice s, size_t i)
{
	while (i < s.len && s.ptr[i] >= '0' && s.ptr[i] <= '9')
		i++;
	return i;
}

bool json_number(struct slice s, double *out)
{
	char tmp[64];
	size_t i = 0, j;
	char *end;

	if (s.len == 0 || s.len >= sizeof(tmp))
		return false;
	if (s.ptr[i] == '-')
		i++;
	j = digits(s, i);
	if (j == i || (s.ptr[i] == '0' && j > i + 1))
		return false;
	i = j;
	if (i < s.len && s.ptr[i] == '.') {
		j = digits(s, i + 1);
		if (j == i + 1)
			return false;
		i = j;
	}
	if (i < s.len && (s.ptr[i] == 'e' || s.ptr[i] == 'E')) {
		i++;
		if (i < s.len && (s.ptr[i] == '+' || s.ptr[i] == '-'))
			i++;
		j = digits(s, i);
		if (j == i)
			return false;
		i = j;
	}
	if (i != s.len)
		return false;
	memcpy(tmp, s.ptr, s.len);
	tmp[s.len] = '\0';
	errno = 0;
	*out = strtod(tmp, &end);
	return errno == 0 && *end == '\0' && isfinite(*out);
}

static bool plain_number(const struct ynode *n, double *out)
{
	return n && n->kind == Y_SCALAR && n->style == YS_PLAIN &&
	       json_number(n->text, out);
}

/* ---- geometry ---- */

static bool read_position(struct gjr *g, const struct ynode *n, double *lon,
			  double *lat)
{
	if (n->kind != Y_SEQ || n->nitems < 2 || n->nitems > 3 ||
	    !plain_number(n->items[0], lon) || !plain_number(n->items[1], lat) ||
	    (n->nitems == 3 && !plain_number(n->items[2], &(double){ 0 })) ||
	    *lon < -180 || *lon > 180 || *lat < -90 || *lat > 90) {
		report(g, D_GJ_POSITION, n->pos, NULL, NULL);
		return false;
	}
	return true;
}

/* Appends one linear ring to rings (a buffer of struct gj_ring). */
static bool read_ring(struct gjr *g, const struct ynode *n, struct buf *rings)
{
	struct gj_ring ring;
	double *v;
	size_t i;

	if (n->kind != Y_SEQ) {
		report(g, D_GJ_MEMBER, n->pos, "a ring", "a list of positions");
		return false;
	}
	if (rings->len / sizeof(ring) >= GJ_MAX_RINGS) {
		diag(g->d, D_GJ_TOO_MANY, g->src, n->pos, GJ_MAX_RINGS,
		     "rings in one feature");
		g->errors++;
		return false;
	}
	v = arena_array(g->a, n->nitems ? 2 * n->nitems : 1, sizeof(double));
	for (i = 0; i < n->nitems; i++)
		if (!read_position(g, n->items[i], &v[2 * i], &v[2 * i + 1]))
			return false;
	if (n->nitems < 4 || v[0] != v[2 * n->nitems - 2] ||
	    v[1] != v[2 * n->nitems - 1]) {
		report(g, D_GJ_RING, n->pos, NULL, NULL);
		return false;
	}
	ring.lonlat = v;
	ring.n = n->nitems;
	buf_put(rings, &ring, sizeof(ring));
	return true;
}

static bool read_polygon(struct gjr *g, const struct ynode *n,
			 struct buf *rings)
{
	size_t i;
	bool ok = true;

	if (n->kind != Y_SEQ || n->nitems == 0) {
		report(g, D_GJ_MEMBER, n->pos, "a Polygon's coordinates",
		       "a non-empty list of rings");
		return false;
	}
	for (i = 0; i < n->nitems; i++)
		ok = read_ring(g, n->items[i], rings) && ok;
	return ok;
}

static bool read_geometry(struct gjr *g, const struct ynode *geom,
			  struct buf *rings)
{
	const struct ynode *type = ynode_get(geom, "type");
	const struct ynode *coords = ynode_get(geom, "coordinates");
	size_t i;
	bool ok = true;

	if (geom->kind != Y_MAP || !type || type->kind != Y_SCALAR) {
		report(g, D_GJ_MEMBER, geom->pos, "'geometry'",
		       "an object with a 'type'");
		return false;
	}
	if (!sl_eq_cstr(type->text, "Polygon") &&
	    !sl_eq_cstr(type->text, "MultiPolygon")) {
		report(g, D_GJ_GEOMETRY, type->pos, type->text.ptr, NULL);
		return false;
	}
	if (!coords) {
		report(g, D_GJ_MEMBER, geom->pos, "'geometry'",
		       "an object with 'coordinates'");
		return false;
	}
	if (sl_eq_cstr(type->text, "Polygon"))
		return read_polygon(g, coords, rings);
	if (coords->kind != Y_SEQ) {
		report(g, D_GJ_MEMBER, coords->pos,
		       "a MultiPolygon's coordinates", "a list of polygons");
		return false;
	}
	for (i = 0; i < coords->nitems; i++)
		ok = read_polygon(g, coords->items[i], rings) && ok;
	return ok;
}

/* ---- features ---- */

static struct slice text_of(const struct ynode *n)
{
	return n && n->kind == Y_SCALAR && !ynode_is_null(n) ? n->text : SL_NULL;
}

static void bounds(struct gj_feature *f)
{
	size_t i, j;

	f->min_lon = f->min_lat = INFINITY;
	f->max_lon = f->max_lat = -INFINITY;
	for (i = 0; i < f->nrings; i++)
		for (j = 0; j < f->rings[i].n; j++) {
			double lon = f->rings[i].lonlat[2 * j];
			double lat = f->rings[i].lonlat[2 * j + 1];

			f->min_lon = fmin(f->min_lon, lon);
			f->max_lon = fmax(f->max_lon, lon);
			f->min_lat = fmin(f->min_lat, lat);
			f->max_lat = fmax(f->max_lat, lat);
		}
}

/* Fills f from a Feature object; false when it has no usable outline. */
static bool read_feature(struct gjr *g, const struct ynode *n,
			 struct gj_feature *f)
{
	const struct ynode *type = ynode_get(n, "type");
	const struct ynode *props, *geom;
	struct buf rings = BUF_INIT;
	bool ok;

	if (n->kind != Y_MAP || !type || !sl_eq_cstr(type->text, "Feature")) {
		report(g, D_GJ_MEMBER, n->pos, "each of 'features'",
		       "a Feature object ({\"type\": \"Feature\", ...})");
		return false;
	}
	props = ynode_get(n, "properties");
	geom = ynode_get(n, "geometry");
	memset(f, 0, sizeof(*f));
	f->pos = n->pos;
	f->id = text_of(ynode_get(props, "id"));
	if (sl_is_null(f->id))
		f->id = text_of(ynode_get(n, "id"));
	f->name = text_of(ynode_get(props, "name"));
	if (!geom || ynode_is_null(geom))
		return false;
	ok = read_geometry(g, geom, &rings);
	if (ok && rings.len) {
		f->nrings = rings.len / sizeof(struct gj_ring);
		f->rings = arena_array(g->a, f->nrings, sizeof(struct gj_ring));
		memcpy(f->rings, rings.ptr, rings.len);
		bounds(f);
	}
	buf_free(&rings);
	return ok && f->nrings > 0;
}

static bool read_collection(struct gjr *g, const struct ynode *root,
			    const struct ynode **features)
{
	const struct ynode *type = ynode_get(root, "type");

	if (!root || root->kind != Y_MAP) {
		report(g, D_GJ_NOT_COLLECTION, root ? root->pos : (struct pos){ 1, 1 },
		       "the file is not a JSON object", NULL);
		return false;
	}
	if (!type || !sl_eq_cstr(type->text, "FeatureCollection")) {
		report(g, D_GJ_NOT_COLLECTION, type ? type->pos : root->pos,
		       "its \"type\" must be \"FeatureCollection\"", NULL);
		return false;
	}
	*features = ynode_get(root, "features");
	if (!*features || (*features)->kind != Y_SEQ) {
		report(g, D_GJ_MEMBER, *features ? (*features)->pos : root->pos,
		       "'features'", "a list of Feature objects");
		return false;
	}
	if ((*features)->nitems > GJ_MAX_FEATURES) {
		diag(g->d, D_GJ_TOO_MANY, g->src, (*features)->pos,
		     GJ_MAX_FEATURES, "features");
		g->errors++;
		return false;
	}
	return true;
}

unsigned geojson_read(struct arena *a, struct diag_ctx *d, struct source *src,
		      struct gj_collection *out)
{
	struct gjr g = { a, d, src, 0 };
	struct ynode *root = NULL;
	const struct ynode *features;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->src = src;
	if (yaml_parse_file(a, d, src, &root) != 0)
		return 1;
	if (!read_collection(&g, root, &features))
		return g.errors;
	out->v = arena_array(a, features->nitems ? features->nitems : 1,
			     sizeof(*out->v));
	for (i = 0; i < features->nitems; i++)
		if (read_feature(&g, features->items[i], &out->v[out->n]))
			out->n++;
	return g.errors;
}

/* ---- point in polygon ---- */

/* A ray from the point towards +lon crosses the edge (a, b): the edge must
 * straddle the point's latitude (half-open, so a vertex on the ray counts
 * once) and cross east of the point. */
static bool crosses(const double *a, const double *b, double lon, double lat)
{
	double x;

	if ((a[1] > lat) == (b[1] > lat))
		return false;
	x = a[0] + (lat - a[1]) * (b[0] - a[0]) / (b[1] - a[1]);
	return lon < x;
}

bool gj_inside(const struct gj_feature *f, double lon, double lat)
{
	bool in = false;
	size_t i, j;

	if (lon < f->min_lon || lon > f->max_lon || lat < f->min_lat ||
	    lat > f->max_lat)
		return false;
	for (i = 0; i < f->nrings; i++)
		for (j = 0; j + 1 < f->rings[i].n; j++)
			if (crosses(&f->rings[i].lonlat[2 * j],
				    &f->rings[i].lonlat[2 * j + 2], lon, lat))
				in = !in;
	return in;
}

/* ---- output ---- */

void json_put_string(struct buf *b, struct slice s)
{
	size_t i;

	buf_putc(b, '"');
	for (i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.ptr[i];

		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c < 0x20 || c == '<' || c == '>' || c == '&')
			buf_printf(b, "\\u%04x", c);
		else if (c == 0xe2 && i + 2 < s.len &&
			 (unsigned char)s.ptr[i + 1] == 0x80 &&
			 ((unsigned char)s.ptr[i + 2] == 0xa8 ||
			  (unsigned char)s.ptr[i + 2] == 0xa9)) {
			/* U+2028, U+2029: not allowed in older JavaScript
			 * string literals. */
			buf_printf(b, "\\u20%02x",
				   (unsigned char)s.ptr[i + 2] - 0xa8 + 0x28);
			i += 2;
		} else {
			buf_putc(b, (char)c);
		}
	}
	buf_putc(b, '"');
}

void json_put_coord(struct buf *b, double v)
{
	char tmp[64];
	size_t n;

	snprintf(tmp, sizeof(tmp), "%.7f", v);
	n = strlen(tmp);
	while (n > 1 && tmp[n - 1] == '0')
		n--;
	if (tmp[n - 1] == '.')
		n--;
	tmp[n] = '\0';
	buf_puts(b, strcmp(tmp, "-0") == 0 ? "0" : tmp);
}
