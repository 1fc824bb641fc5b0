/*
 * test_geojson: reading municipality outlines (geojson.c) through the YAML
 * layer, point in polygon, and the JSON output helpers.
 *
 * The boundaries file is JSON read by libyaml (YAML 1.2 holds JSON), so
 * the first cases pin down that libyaml really takes JSON as JSON writes
 * it: no space after ':', tabs between tokens, "\/" and "\u" escapes,
 * exponents.  The demo zone's own file is then read and every coordinate
 * compared, in order, with an independent scan of its text.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "check.h"
#include "diag.h"
#include "geojson.h"
#include "xalloc.h"

struct run {
	struct arena a;
	struct diag_ctx d;
	struct gj_collection c;
	unsigned errors;
	char *out; /* the diagnostics as printed */
};

static void read_text(struct run *r, const char *path, const char *text)
{
	struct source *src;
	size_t len;
	FILE *f;

	memset(r, 0, sizeof(*r));
	r->a = (struct arena)ARENA_INIT;
	diag_init(&r->d);
	src = diag_source(&r->d, path, text, strlen(text));
	r->errors = geojson_read(&r->a, &r->d, src, &r->c);
	if (r->d.n == 0) {
		r->out = xstrdup("");
		return;
	}
	f = open_memstream(&r->out, &len);
	if (!f)
		die("open_memstream failed");
	diag_flush(&r->d, f);
	fclose(f);
}

static void finish(struct run *r)
{
	free(r->out);
	diag_free(&r->d);
	arena_free(&r->a);
}

static bool same(double a, double b)
{
	return a == b;
}

/* ---- JSON as JSON writes it ---- */

static void test_json_forms(void)
{
	struct run r;
	const struct gj_feature *f;

	read_text(&r, "b.geojson",
		  "{\"type\":\"FeatureCollection\",\"features\":[\n"
		  "\t{\"type\":\"Feature\",\"id\":\"a\\/b\",\n"
		  "\t \"properties\":{\"name\":\"Caf\\u00e9\"},\n"
		  "\t \"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
		  "[[[0,0],[1e0,0],[1,-0.5E1],[0,0]]]}}]}\n");
	CHECK_INT(r.errors, 0, "compact JSON with tabs reads without errors");
	CHECK_STR(r.out, "", "compact JSON: no diagnostics");
	CHECK_INT(r.c.n, 1, "compact JSON: one feature");
	f = &r.c.v[0];
	CHECK(sl_eq_cstr(f->id, "a/b"), "the Feature's own id, \\/ unescaped");
	CHECK(sl_eq_cstr(f->name, "Caf\xc3\xa9"), "\\u00e9 is decoded to UTF-8");
	CHECK(f->nrings == 1 && f->rings[0].n == 4, "one ring of four positions");
	CHECK(same(f->rings[0].lonlat[2], 1) && same(f->rings[0].lonlat[5], -5),
	      "exponents: 1e0 = 1, -0.5E1 = -5");
	finish(&r);
}

static void test_numbers(void)
{
	static const char *const good[] = { "0", "-0.5", "1e-3", "2E+2",
		"51.085", "-1.5e2", NULL };
	static const double good_v[] = { 0, -0.5, 0.001, 200, 51.085, -150 };
	static const char *const bad[] = { "01", ".5", "1.", "+1", "0x10",
		"1e", "--1", "NaN", "Infinity", "1_000", "", NULL };
	double v;
	size_t i;
	bool ok = true;

	for (i = 0; good[i]; i++)
		ok = ok && json_number(sl_cstr(good[i]), &v) && v == good_v[i];
	CHECK(ok, "JSON numbers are read with their value");
	for (i = 0, ok = true; bad[i]; i++)
		if (json_number(sl_cstr(bad[i]), &v)) {
			printf("#   accepted: %s\n", bad[i]);
			ok = false;
		}
	CHECK(ok, "what JSON's grammar refuses is refused");
}

/* ---- structure and diagnostics ---- */

static const char collection[] =
	"{\"type\": \"FeatureCollection\", \"features\": [\n"
	/* A square with a square hole. */
	"{\"type\": \"Feature\", \"properties\": {\"id\": \"ring\"}, \"geometry\":"
	" {\"type\": \"Polygon\", \"coordinates\": [\n"
	"  [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],\n"
	"  [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]]}},\n"
	/* Two islands. */
	"{\"type\": \"Feature\", \"properties\": {\"name\": \"Islands\"}, \"geometry\":"
	" {\"type\": \"MultiPolygon\", \"coordinates\": [\n"
	"  [[[20, 0], [22, 0], [22, 2], [20, 0]]],\n"
	"  [[[30, 0], [32, 0], [31, 2], [30, 0]]]]}},\n"
	/* No geometry: no outline, no complaint. */
	"{\"type\": \"Feature\", \"properties\": {\"id\": \"none\"}, \"geometry\": null}\n"
	"]}\n";

static void test_structure(void)
{
	struct run r;

	read_text(&r, "b.geojson", collection);
	CHECK_INT(r.errors, 0, "polygon with hole and multipolygon: no errors");
	CHECK_INT(r.c.n, 2, "a feature without geometry is skipped");
	CHECK(sl_eq_cstr(r.c.v[0].id, "ring") && sl_is_null(r.c.v[0].name),
	      "id from properties");
	CHECK(sl_eq_cstr(r.c.v[1].name, "Islands") && sl_is_null(r.c.v[1].id),
	      "name from properties");
	CHECK_INT(r.c.v[0].nrings, 2, "outer ring and hole kept");
	CHECK_INT(r.c.v[1].nrings, 2, "both islands kept");
	CHECK(same(r.c.v[0].rings[1].lonlat[0], 4) &&
	      same(r.c.v[0].rings[1].lonlat[1], 4), "positions are [lon, lat]");
	CHECK(r.c.v[1].min_lon == 20 && r.c.v[1].max_lon == 32 &&
	      r.c.v[1].min_lat == 0 && r.c.v[1].max_lat == 2,
	      "bounds over every ring");

	CHECK(gj_inside(&r.c.v[0], 2, 2), "inside the outer ring");
	CHECK(!gj_inside(&r.c.v[0], 5, 5), "in the hole is outside (even-odd)");
	CHECK(gj_inside(&r.c.v[0], 5, 3), "between hole and edge is inside");
	CHECK(!gj_inside(&r.c.v[0], 11, 5), "east of the square is outside");
	CHECK(!gj_inside(&r.c.v[0], -1, 4),
	      "a ray through the hole's corner counts each edge once");
	CHECK(gj_inside(&r.c.v[1], 31, 1), "inside the second island");
	CHECK(!gj_inside(&r.c.v[1], 26, 1), "between the islands is outside");
	CHECK(gj_inside(&r.c.v[1], 21.9, 1), "inside the first island's triangle");
	CHECK(!gj_inside(&r.c.v[1], 20.5, 1.5), "beside its slanted edge is outside");
	finish(&r);
}

static void test_errors(void)
{
	struct run r;

	read_text(&r, "b.geojson", "{\"type\": \"Feature\"}\n");
	CHECK_STR(r.out,
		  "b.geojson:1:10: error: the boundaries file must be a GeoJSON "
		  "FeatureCollection (RFC 7946): its \"type\" must be "
		  "\"FeatureCollection\"\n"
		  "    1 | {\"type\": \"Feature\"}\n"
		  "      |          ^\n", "a Feature alone is refused");
	finish(&r);

	read_text(&r, "b.geojson",
		  "{\"type\": \"FeatureCollection\", \"features\": [\n"
		  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\",\n"
		  " \"coordinates\": [[[3.3, 51.1], [\"3.4\", 51.1], [3.4, 51.2], [3.3, 51.1]]]}}]}\n");
	CHECK_INT(r.errors, 1, "a quoted coordinate: one error");
	CHECK_STR(r.out,
		  "b.geojson:3:32: error: a position must be [longitude, latitude]: "
		  "plain numbers, longitude -180..180, latitude -90..90\n"
		  "    3 |  \"coordinates\": [[[3.3, 51.1], [\"3.4\", 51.1], "
		  "[3.4, 51.2], [3.3, 51.1]]]}}]}\n"
		  "      |                                ^\n",
		  "a quoted coordinate: pointed at");
	CHECK_INT(r.c.n, 0, "the broken feature is left out");
	finish(&r);

	read_text(&r, "b.geojson",
		  "{\"type\": \"FeatureCollection\", \"features\": [\n"
		  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\":\n"
		  "  [[[0, 0], [1, 0], [1, 1], [0, 1]]]}},\n"
		  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\":\n"
		  "  [[[0, 0], [1, 0], [0, 0]]]}},\n"
		  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [0, 0]}},\n"
		  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\":\n"
		  "  [[[0, 0], [1, 0], [1, 95], [0, 0]]]}}\n"
		  "]}\n");
	CHECK_INT(r.errors, 4, "unclosed, short, Point, out of range: four errors");
	CHECK(strstr(r.out, "b.geojson:3:4: error: a ring needs at least 4 "
			    "positions and must end where it starts") != NULL,
	      "an unclosed ring is reported where it starts");
	CHECK(strstr(r.out, "b.geojson:5:4: error: a ring needs") != NULL,
	      "a ring of three positions is reported");
	CHECK(strstr(r.out, "b.geojson:6:42: error: geometry type 'Point' is not "
			    "an outline; use Polygon or MultiPolygon") != NULL,
	      "a Point is not an outline");
	CHECK(strstr(r.out, "b.geojson:8:21: error: a position must be") != NULL,
	      "latitude 95 is out of range");
	finish(&r);

	read_text(&r, "b.geojson", "[1, 2\n");
	CHECK(r.errors > 0 && strstr(r.out, "b.geojson:1:1: error: YAML syntax error") != NULL,
	      "broken JSON is a syntax error with its place");
	finish(&r);
}

/* ---- the demo zone's file ---- */

/* Every "[number, number]" of the text, in order: a scan that shares
 * nothing with libyaml or geojson.c. */
static size_t scan_pairs(const char *t, double *out, size_t max)
{
	size_t n = 0;
	const char *p = t;

	while ((p = strchr(p, '[')) != NULL) {
		char *end, *end2;
		double a, b;

		p++;
		a = strtod(p, &end);
		if (end == p || *end != ',')
			continue;
		b = strtod(end + 1, &end2);
		if (end2 == end + 1 || *end2 != ']')
			continue;
		if (n + 2 <= max) {
			out[n] = a;
			out[n + 1] = b;
		}
		n += 2;
	}
	return n;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	fclose(f);
	return buf_detach(&b, NULL);
}

static void test_demo_file(void)
{
	static const char *const ids[] = { "beernem", "oostkamp", "zedelgem",
		"jabbeke" };
	char *text = slurp("content/data/municipalities.geojson");
	double want[4096];
	size_t nwant, got = 0, i, j;
	bool ok = true, ids_ok = true;
	struct run r;

	if (!CHECK(text != NULL, "demo boundaries file is readable"))
		return;
	nwant = scan_pairs(text, want, sizeof(want) / sizeof(want[0]));
	read_text(&r, "content/data/municipalities.geojson", text);
	CHECK_INT(r.errors, 0, "demo boundaries: no errors");
	CHECK_STR(r.out, "", "demo boundaries: no diagnostics");
	CHECK_INT(r.c.n, 4, "demo boundaries: four municipalities");
	for (i = 0; i < r.c.n && i < 4; i++)
		ids_ok = ids_ok && sl_eq_cstr(r.c.v[i].id, ids[i]);
	CHECK(ids_ok, "demo boundaries: ids in file order");
	for (i = 0; i < r.c.n; i++)
		for (j = 0; j < r.c.v[i].nrings; j++) {
			size_t k, m = 2 * r.c.v[i].rings[j].n;

			for (k = 0; k < m; k++, got++)
				if (got >= nwant ||
				    !same(r.c.v[i].rings[j].lonlat[k], want[got]))
					ok = false;
		}
	CHECK(nwant > 0 && got == nwant,
	      "demo boundaries: as many coordinates as the text has");
	CHECK(ok, "demo boundaries: every coordinate equals the text's, in order");
	CHECK(r.c.n == 4 && r.c.v[0].min_lon > 3 && r.c.v[0].min_lon < 4 &&
	      r.c.v[0].min_lat > 51 && r.c.v[0].min_lat < 52,
	      "demo boundaries: longitude first (3.x E, 51.x N)");
	/* Beernem's centre (Kaaistraat, the LDC De Kade) is in Beernem. */
	CHECK(gj_inside(&r.c.v[0], 3.3385, 51.1405) &&
	      !gj_inside(&r.c.v[1], 3.3385, 51.1405),
	      "demo boundaries: De Kade lies in Beernem, not in Oostkamp");
	finish(&r);
	free(text);
}

/* ---- output ---- */

static void test_output(void)
{
	struct buf b = BUF_INIT;

	json_put_coord(&b, 3.3385);
	buf_putc(&b, ' ');
	json_put_coord(&b, 51.0);
	buf_putc(&b, ' ');
	json_put_coord(&b, -0.00000001);
	buf_putc(&b, ' ');
	json_put_coord(&b, 0.0000001);
	buf_putc(&b, ' ');
	json_put_coord(&b, -2.5);
	CHECK_STR(b.ptr, "3.3385 51 0 0.0000001 -2.5",
		  "coordinates: shortest of 7 decimals, never -0");
	buf_reset(&b);
	json_put_string(&b, sl_cstr("a\"b\\c\n<d>&\x01 é\xe2\x80\xa8\xe2\x80\xa9\xe2\x80\x94"));
	CHECK_STR(b.ptr, "\"a\\\"b\\\\c\\n\\u003cd\\u003e\\u0026\\u0001 é"
		  "\\u2028\\u2029\xe2\x80\x94\"",
		  "strings: quotes, backslashes, controls, <>&, U+2028/9 escaped; "
		  "other UTF-8 kept");
	buf_free(&b);
}

int main(void)
{
	test_json_forms();
	test_numbers();
	test_structure();
	test_errors();
	test_demo_file();
	test_output();
	return check_done();
}
