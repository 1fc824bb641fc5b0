/*
 * geojson: the municipality outlines of the map, and JSON output helpers.
 *
 * The boundaries file (site.yaml map.boundaries) is GeoJSON, RFC 7946: a
 * FeatureCollection whose features are Polygons or MultiPolygons with
 * positions written [longitude, latitude].  JSON is a subset of YAML 1.2
 * in practice, and libyaml reads it (also without a space after ':', with
 * "\/" escapes and with tabs between tokens), so the file goes through
 * frontmatter.c's yaml_parse_file like any other file of the site: one
 * parser, and every problem is reported at its line and column.  Numbers
 * stay text there; here they must be plain (unquoted) and follow JSON's
 * number grammar before strtod turns them into doubles.
 *
 * A feature names its municipality by properties.id (or the Feature's own
 * "id"), else by properties.name; the caller matches that against
 * site.yaml.  All rings of one feature (outer rings and holes, of every
 * polygon) are kept in one list: the even-odd rule over all of them is
 * exactly "inside an outer ring and not in one of its holes".
 */
#ifndef ZS_GEOJSON_H
#define ZS_GEOJSON_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "slice.h"

/* Limits: generous for municipality outlines, bounded for safety. */
enum {
	GJ_MAX_FEATURES = 10000,
	GJ_MAX_RINGS = 100000,   /* per feature */
};

/* A closed ring: n positions (the last equals the first), lon/lat pairs. */
struct gj_ring {
	const double *lonlat; /* 2 * n doubles: lon0, lat0, lon1, lat1 ... */
	size_t n;
};

struct gj_feature {
	struct slice id;        /* properties.id or the Feature's id; may be null */
	struct slice name;      /* properties.name; may be null */
	struct pos pos;         /* where the Feature object starts */
	struct gj_ring *rings;  /* outer rings and holes, every polygon */
	size_t nrings;
	double min_lon, min_lat, max_lon, max_lat;
};

struct gj_collection {
	struct gj_feature *v;
	size_t n;
	struct source *src;
};

/* Reads src into out (memory in a); problems are reported to d.  Returns
 * the number of errors; features with errors are left out. */
unsigned geojson_read(struct arena *a, struct diag_ctx *d, struct source *src,
		      struct gj_collection *out);

/* Even-odd rule over every ring of f (holes included), in lon/lat. */
bool gj_inside(const struct gj_feature *f, double lon, double lat);

/* A JSON string literal that is also a safe JavaScript string inside
 * <script> (JSON-LD, the search index, redirects): quotes, backslashes and
 * control characters escaped; '<', '>' and '&' too, so "</script>" and
 * "<!--" cannot appear; U+2028 and U+2029 as \u escapes.  The one JSON
 * string writer of the generator. */
void json_put_string(struct buf *b, struct slice s);
/* A coordinate with at most 7 decimals (about 1 cm), trailing zeros
 * dropped, never "-0": the same double always gives the same bytes. */
void json_put_coord(struct buf *b, double v);
/* True when s is a JSON number (RFC 8259 grammar); *out is its value. */
bool json_number(struct slice s, double *out);

#endif
