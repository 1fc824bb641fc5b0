/*
 * test_map: the projection and drawing primitives of the services map
 * (map.c), against values worked out by hand.
 *
 * The frames are chosen so the arithmetic is easy to redo on paper: at
 * latitude 60 degrees cos(lat0) is exactly 1/2, and Web Mercator at 60
 * degrees is ln(tan 75 deg) = ln(2 + sqrt 3) = 1.3169579 rad = 75.45612 deg.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "map.h"

static void check_near(double got, double want, double tol, const char *what)
{
	if (!CHECK(fabs(got - want) <= tol, what))
		printf("#   got:  %.6f\n#   want: %.6f\n", got, want);
}

static const char *num(struct buf *b, double v)
{
	buf_reset(b);
	map_put_num(b, v);
	return b->ptr;
}

/* lon 0..2, lat 59..61 into at most 640 x 800 with a margin of 16:
 * lat0 = 60, k = 1/2, so the area is 1 x 2 projected degrees; the width
 * allows 608 units per degree, the height 768 / 2 = 384: the height wins.
 * Drawing: 32 + 384 = 416 wide, 32 + 768 = 800 high. */
static void test_equirect(void)
{
	struct map_bbox b = { 0 };
	struct map_frame f;
	double x, y;

	map_bbox_add(&b, 2, 61);
	map_bbox_add(&b, 0, 59);
	map_bbox_add(&b, 1, 60);
	CHECK(b.set && b.min_lon == 0 && b.max_lon == 2 && b.min_lat == 59 &&
	      b.max_lat == 61, "bbox grows to hold every point");
	map_fit(&f, MAP_EQUIRECT, &b, 640, 800, 16);
	check_near(f.k, 0.5, 1e-12, "equirect: k = cos(60 deg) = 1/2");
	check_near(f.scale, 384, 1e-9, "equirect: the height decides the scale");
	check_near(f.width, 416, 1e-9, "equirect: width 16 + 384 + 16");
	check_near(f.height, 800, 1e-9, "equirect: height 16 + 768 + 16");
	map_project(&f, 0, 61, &x, &y);
	check_near(x, 16, 1e-9, "north-west corner x = pad");
	check_near(y, 16, 1e-9, "north-west corner y = pad");
	map_project(&f, 1, 60, &x, &y);
	check_near(x, 208, 1e-9, "(1E, 60N): x = 16 + 1 * 0.5 * 384");
	check_near(y, 400, 1e-9, "(1E, 60N): y = 16 + (61 - 60) * 384");
	map_project(&f, 2, 59, &x, &y);
	check_near(x, 400, 1e-9, "south-east corner x = 16 + 384");
	check_near(y, 784, 1e-9, "south-east corner y = 16 + 768");
	/* The shape is kept: one degree of longitude is half as wide on the
	 * map as one degree of latitude is high, as on the ground at 60N. */
	map_project(&f, 0.5, 60, &x, &y);
	check_near(x, 112, 1e-9, "(0.5E, 60N): x = 16 + 0.25 * 384");
}

/* A wide area: lon 0..4 at lat0 = 60 is 2 projected degrees wide and 1
 * high (lat 59.5..60.5); into 640 x 800 with pad 20 the width decides:
 * (640 - 40) / 2 = 300 units per degree, 40 + 300 = 340 high. */
static void test_equirect_wide(void)
{
	struct map_bbox b = { 0 };
	struct map_frame f;
	double x, y;

	map_bbox_add(&b, 0, 59.5);
	map_bbox_add(&b, 4, 60.5);
	map_fit(&f, MAP_EQUIRECT, &b, 640, 800, 20);
	check_near(f.scale, 300, 1e-9, "wide: the width decides the scale");
	check_near(f.width, 640, 1e-9, "wide: full width");
	check_near(f.height, 340, 1e-9, "wide: height 20 + 300 + 20");
	map_project(&f, 3, 60, &x, &y);
	check_near(x, 470, 1e-9, "wide: (3E, 60N) x = 20 + 1.5 * 300");
	check_near(y, 170, 1e-9, "wide: (3E, 60N) y = 20 + 0.5 * 300");
}

/* lon 0..10, lat 0..60 in Web Mercator: 10 x 75.45612 degrees; into
 * 1000 x 1000 without margin the height decides: 1000 / 75.45612 =
 * 13.25274 units per degree. */
static void test_mercator(void)
{
	struct map_bbox b = { 0 };
	struct map_frame f;
	double x, y;

	map_bbox_add(&b, 0, 0);
	map_bbox_add(&b, 10, 60);
	map_fit(&f, MAP_MERCATOR, &b, 1000, 1000, 0);
	check_near(f.y1, 75.45612, 1e-5, "mercator: Y(60N) = ln(2 + sqrt 3) in degrees");
	check_near(f.scale, 13.25274, 1e-5, "mercator: scale 1000 / 75.45612");
	map_project(&f, 5, 0, &x, &y);
	check_near(x, 66.2637, 1e-3, "mercator: (5E, 0N) x = 5 * 13.25274");
	check_near(y, 1000, 1e-6, "mercator: the equator is the bottom edge");
	map_project(&f, 0, 60, &x, &y);
	check_near(y, 0, 1e-9, "mercator: 60N is the top edge");
	/* 30N: ln(tan 60 deg) = ln(sqrt 3) = 0.5493061 rad = 31.47292 deg. */
	map_project(&f, 0, 30, &x, &y);
	check_near(y, (75.45612 - 31.47292) * 13.25274, 1e-3,
		   "mercator: (0E, 30N) y = (Y(60) - Y(30)) * scale");
}

static void test_min_span(void)
{
	struct map_bbox b = { 0 };

	/* At 60N a degree of longitude is half as long: twice the span. */
	map_bbox_add(&b, 3.3, 60);
	map_bbox_min_span(&b, 0.01);
	check_near(b.min_lon, 3.29, 1e-12, "a lone point: widened west by 0.01");
	check_near(b.max_lon, 3.31, 1e-12, "a lone point: widened east by 0.01");
	check_near(b.max_lat - b.min_lat, 0.01, 1e-12, "a lone point: widened north-south");
}

static void test_numbers(void)
{
	struct buf b = BUF_INIT;

	CHECK_STR(num(&b, 12.34), "12.3", "one decimal, rounded down");
	CHECK_STR(num(&b, 2.25), "2.3", "halves round away from zero");
	CHECK_STR(num(&b, 7), "7.0", "whole numbers keep their decimal");
	CHECK_STR(num(&b, -0.04), "0.0", "never -0.0");
	CHECK_STR(num(&b, -0.06), "-0.1", "negative numbers keep their sign");
	CHECK_STR(num(&b, 1234.56), "1234.6", "large numbers");
	check_near(map_round(208.04), 208.0, 1e-12, "map_round to tenths");
	buf_reset(&b);
	map_put_point(&b, 1.26, 3);
	CHECK_STR(b.ptr, "1.3,3.0", "a point is x,y");
	buf_free(&b);
}

/* A ring around (1E, 60N) on the frame of test_equirect: corners at
 * lon 0.5/1.5 and lat 59.5/60.5; the repeated corner rounds onto the one
 * before it and is left out. */
static void test_ring(void)
{
	struct map_bbox b = { 0 };
	struct map_frame f;
	struct buf out = BUF_INIT;
	static const double ring[] = { 0.5, 60.5, 1.5, 60.5, 1.5, 60.5,
		1.5, 59.5, 0.5, 59.5, 0.5, 60.5 };
	double cx, cy, area;

	map_bbox_add(&b, 0, 59);
	map_bbox_add(&b, 2, 61);
	map_fit(&f, MAP_EQUIRECT, &b, 640, 800, 16);
	map_put_ring(&out, &f, ring, 6);
	CHECK_STR(out.ptr, "M112.0,208.0L304.0,208.0L304.0,592.0L112.0,592.0"
		  "L112.0,208.0Z", "ring path: projected, rounded, closed");
	area = map_ring_centroid(&f, ring, 6, &cx, &cy);
	check_near(cx, 208, 1e-9, "centroid x of the square");
	check_near(cy, 400, 1e-9, "centroid y of the square");
	check_near(area, 192.0 * 384.0, 1e-6, "area of the 192 x 384 rectangle");
	buf_free(&out);
}

static void test_letters(void)
{
	static const struct slice demo[] = {
		SL("Lokaal dienstencentrum"), SL("Sociaal huis / OCMW"),
		SL("CAW-onthaal"), SL("Woonwinkel"), SL("Geestelijke gezondheid"),
		SL("Mantelzorgondersteuning"), SL("Huisartsenwachtpost"),
		SL("Gezinsondersteuning / Huis van het Kind"), SL("Overige"),
	};
	static const struct slice clash[] = {
		SL("ggz"), SL("gezin"), SL("g"), SL("é"),
	};
	char letters[9][MAP_LETTER_MAX];
	char got[64] = "";
	size_t i;

	map_letters(demo, 9, letters);
	for (i = 0; i < 9; i++)
		strcat(got, letters[i]);
	CHECK_STR(got, "LSCWGMHKO",
		  "demo letters: capitals first, 'Huis van het Kind' gives K");
	map_letters(clash, 4, letters);
	got[0] = '\0';
	for (i = 0; i < 4; i++) {
		strcat(got, letters[i]);
		strcat(got, " ");
	}
	CHECK_STR(got, "G E 1 2 ",
		  "clashes: initials, then other letters, then digits");
}

static void test_shapes(void)
{
	size_t i, j;
	bool distinct = true;

	for (i = 0; i < MAP_SHAPES; i++)
		for (j = 0; j < i; j++)
			distinct = distinct &&
				   strcmp(map_shape_path(i), map_shape_path(j));
	CHECK(distinct, "the marker shapes differ");
	CHECK_STR(map_shape_path(MAP_SHAPES), map_shape_path(0),
		  "shapes repeat after the last one");
	CHECK(map_shape_path(0)[0] == 'm',
	      "shapes are relative paths, to follow an 'Mx,y'");
}

static void test_spread(void)
{
	double xy[] = { 100, 100, 100, 100, 100, 100, 300, 300 };

	map_spread(xy, 4, 26, 640, 640);
	check_near(xy[0], 100, 0, "the first marker keeps its place");
	check_near(xy[2], 100, 1e-9, "the second moves straight up: x");
	check_near(xy[3], 74, 1e-9, "the second moves straight up: y - 26");
	/* 45 degrees is 19.9 from the second; 90 degrees is free. */
	check_near(xy[4], 126, 1e-9, "the third moves east: x + 26");
	check_near(xy[5], 100, 1e-9, "the third moves east: y");
	check_near(xy[6], 300, 0, "a marker far away stays");

	{
		double edge[] = { 10, 5, 10, 5 };

		map_spread(edge, 2, 26, 640, 640);
		CHECK(edge[3] >= 0 && fabs(hypot(edge[2] - 10, edge[3] - 5) - 26) < 1e-9,
		      "a spot outside the drawing is skipped");
	}
}

/* map_spread as first written: every spot checked against every marker
 * placed before (10 rings, 8 spots on the first, clockwise from north). */
static void spread_by_scan(double *xy, size_t n, double gap, double w,
			   double h)
{
	size_t i, j, k;
	int ring;

	for (i = 1; i < n; i++) {
		double x = xy[2 * i], y = xy[2 * i + 1];
		bool done = false;

		for (ring = 0; !done && ring <= 10; ring++) {
			size_t spots = ring ? (size_t)ring * 8 : 1;

			for (k = 0; !done && k < spots; k++) {
				double a = 2 * 3.14159265358979323846 *
					   (double)k / (double)spots;
				double cx = ring ? x + sin(a) * gap * ring : x;
				double cy = ring ? y - cos(a) * gap * ring : y;
				bool free = ring == 0 ||
					    (cx >= 0 && cy >= 0 && cx <= w && cy <= h);

				for (j = 0; free && j < i; j++) {
					double dx = xy[2 * j] - cx, dy = xy[2 * j + 1] - cy;

					free = !(dx * dx + dy * dy < gap * gap - 1e-9);
				}
				if (free) {
					xy[2 * i] = cx;
					xy[2 * i + 1] = cy;
					done = true;
				}
			}
		}
	}
}

/* Thousands of markers, most in three tight clusters (more than the
 * rings can hold, so many keep their crowded place), some off the
 * drawing: the grid map_spread uses gives the scan's every coordinate. */
static void test_spread_many(void)
{
	enum { N = 3000 };
	static double a[2 * N], b[2 * N];
	unsigned long r = 12345;
	size_t i, same = 0;

	for (i = 0; i < N; i++) {
		double cx = i % 3 == 0 ? 100 : i % 3 == 1 ? 400 : -30;

		r = r * 6364136223846793005UL + 1442695040888963407UL;
		a[2 * i] = i % 7 == 0 ? (double)(r >> 40 & 1023) - 100
				      : cx + (double)(r >> 33 & 63) / 8;
		a[2 * i + 1] = i % 7 == 0 ? (double)(r >> 20 & 1023) - 100
					  : 300 + (double)(r >> 45 & 63) / 8;
	}
	memcpy(b, a, sizeof(a));
	map_spread(a, N, 26, 640, 640);
	spread_by_scan(b, N, 26, 640, 640);
	for (i = 0; i < 2 * N; i++)
		same += a[i] == b[i];
	CHECK(same == 2 * N, "3000 crowded markers: the grid places each "
	      "where a scan of all placed markers does");
}

int main(void)
{
	test_equirect();
	test_equirect_wide();
	test_mercator();
	test_min_span();
	test_numbers();
	test_ring();
	test_letters();
	test_shapes();
	test_spread();
	test_spread_many();
	return check_done();
}
