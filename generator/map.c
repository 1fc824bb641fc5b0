/*
 * map: projection, fixed-decimal SVG numbers, marker shapes and letters,
 * and the spreading of markers that would hide each other.  See map.h.
 *
 * Rounding happens once, when a number is printed, from the unrounded
 * projected value: rounding twice (say, a point and then a label offset
 * computed from it) could give different bytes for the same input on
 * machines that round the intermediate differently.
 */
#include "map.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define PI 3.14159265358979323846
#define DEG (PI / 180.0)

/* 10^MAP_DECIMALS, the number of steps per unit. */
static double steps(void)
{
	double s = 1;
	int i;

	for (i = 0; i < MAP_DECIMALS; i++)
		s *= 10;
	return s;
}

/* ---- framing and projection ---- */

void map_bbox_add(struct map_bbox *b, double lon, double lat)
{
	if (!b->set) {
		b->min_lon = b->max_lon = lon;
		b->min_lat = b->max_lat = lat;
		b->set = true;
		return;
	}
	b->min_lon = fmin(b->min_lon, lon);
	b->max_lon = fmax(b->max_lon, lon);
	b->min_lat = fmin(b->min_lat, lat);
	b->max_lat = fmax(b->max_lat, lat);
}

void map_bbox_min_span(struct map_bbox *b, double span)
{
	/* As many kilometres east-west as north-south: a lone point gets a
	 * square frame, not a tall strip. */
	double lon_span = span / cos((b->min_lat + b->max_lat) / 2 * DEG);
	double mid;

	if (b->max_lon - b->min_lon < lon_span) {
		mid = (b->min_lon + b->max_lon) / 2;
		b->min_lon = mid - lon_span / 2;
		b->max_lon = mid + lon_span / 2;
	}
	if (b->max_lat - b->min_lat < span) {
		mid = (b->min_lat + b->max_lat) / 2;
		b->min_lat = mid - span / 2;
		b->max_lat = mid + span / 2;
	}
}

/* Projected coordinates in degrees, before framing. */
static double proj_x(const struct map_frame *f, double lon)
{
	return f->proj == MAP_EQUIRECT ? lon * f->k : lon;
}

static double proj_y(const struct map_frame *f, double lat)
{
	if (f->proj == MAP_EQUIRECT)
		return lat;
	return log(tan(PI / 4 + lat * DEG / 2)) / DEG;
}

void map_fit(struct map_frame *f, enum map_projection proj,
	     const struct map_bbox *b, double max_w, double max_h, double pad)
{
	double x1, y0, sx, sy;

	memset(f, 0, sizeof(*f));
	f->proj = proj;
	f->k = cos((b->min_lat + b->max_lat) / 2 * DEG);
	f->pad = pad;
	f->x0 = proj_x(f, b->min_lon);
	x1 = proj_x(f, b->max_lon);
	y0 = proj_y(f, b->min_lat);
	f->y1 = proj_y(f, b->max_lat);
	sx = (max_w - 2 * pad) / (x1 - f->x0);
	sy = (max_h - 2 * pad) / (f->y1 - y0);
	f->scale = sx < sy ? sx : sy;
	f->width = map_round(2 * pad + (x1 - f->x0) * f->scale);
	f->height = map_round(2 * pad + (f->y1 - y0) * f->scale);
}

void map_project(const struct map_frame *f, double lon, double lat,
		 double *x, double *y)
{
	*x = f->pad + (proj_x(f, lon) - f->x0) * f->scale;
	*y = f->pad + (f->y1 - proj_y(f, lat)) * f->scale;
}

void map_unproject(const struct map_frame *f, double x, double y,
		   double *lon, double *lat)
{
	double px = (x - f->pad) / f->scale + f->x0;
	double py = f->y1 - (y - f->pad) / f->scale;

	*lon = f->proj == MAP_EQUIRECT ? px / f->k : px;
	*lat = f->proj == MAP_EQUIRECT ? py :
	       (2 * atan(exp(py * DEG)) - PI / 2) / DEG;
}

/* ---- numbers ---- */

double map_round(double v)
{
	double s = steps();

	return (double)llround(v * s) / s;
}

void map_put_num(struct buf *b, double v)
{
	long long n = llround(v * steps()), whole, frac;
	long long s = (long long)steps();

	if (n < 0) {
		buf_putc(b, '-');
		n = -n;
	}
	whole = n / s;
	frac = n % s;
	buf_printf(b, "%lld", whole);
	if (MAP_DECIMALS > 0)
		buf_printf(b, ".%0*lld", MAP_DECIMALS, frac);
}

void map_put_point(struct buf *b, double x, double y)
{
	map_put_num(b, x);
	buf_putc(b, ',');
	map_put_num(b, y);
}

void map_put_ring(struct buf *b, const struct map_frame *f,
		  const double *lonlat, size_t n)
{
	long long px = 0, py = 0;
	size_t i, drawn = 0;
	double x, y, s = steps();

	for (i = 0; i < n; i++) {
		map_project(f, lonlat[2 * i], lonlat[2 * i + 1], &x, &y);
		if (drawn && llround(x * s) == px && llround(y * s) == py)
			continue;
		px = llround(x * s);
		py = llround(y * s);
		buf_putc(b, drawn ? 'L' : 'M');
		map_put_point(b, x, y);
		drawn++;
	}
	if (drawn)
		buf_putc(b, 'Z');
}

double map_ring_centroid(const struct map_frame *f, const double *lonlat,
			 size_t n, double *cx, double *cy)
{
	double a = 0, sx = 0, sy = 0, mx = 0, my = 0;
	double x0, y0, x1, y1, c;
	size_t i;

	*cx = *cy = 0;
	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		map_project(f, lonlat[2 * i], lonlat[2 * i + 1], &x0, &y0);
		map_project(f, lonlat[2 * ((i + 1) % n)],
			    lonlat[2 * ((i + 1) % n) + 1], &x1, &y1);
		c = x0 * y1 - x1 * y0;
		a += c;
		sx += (x0 + x1) * c;
		sy += (y0 + y1) * c;
		mx += x0;
		my += y0;
	}
	if (fabs(a) < 1e-9) {
		*cx = mx / (double)n;
		*cy = my / (double)n;
		return 0;
	}
	*cx = sx / (3 * a);
	*cy = sy / (3 * a);
	return fabs(a) / 2;
}

/* ---- markers ---- */

/* Each shape is centred on its point and about 24 units across, so a
 * letter of 12 units fits inside; triangles are larger to make room. */
static const char *const shapes[MAP_SHAPES] = {
	"m0,-11a11,11 0 1,1 0,22a11,11 0 1,1 0,-22z",        /* circle */
	"m-10,-10h20v20h-20z",                                /* square */
	"m0,-13.5l13.5,13.5l-13.5,13.5l-13.5,-13.5z",         /* diamond */
	"m0,-19l16.5,28.5h-33z",                              /* triangle */
	"m12.5,0l-6.25,10.8h-12.5l-6.25,-10.8l6.25,-10.8h12.5z", /* hexagon */
	"m0,19l-16.5,-28.5h33z",                              /* triangle down */
	"m0,-13l12.4,9l-4.7,14.5h-15.4l-4.7,-14.5z",          /* pentagon */
	"m-7,-13h14v6h6v14h-6v6h-14v-6h-6v-14h6z",            /* cross */
};

const char *map_shape_path(size_t i)
{
	return shapes[i % MAP_SHAPES];
}

static char upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The first candidate of one pass not yet taken, or 0. */
static char pick(struct slice l, int pass, const bool *taken)
{
	size_t i;
	bool word_start = true;

	for (i = 0; i < l.len; i++) {
		char c = l.ptr[i];
		bool ok;

		switch (pass) {
		case 0: ok = c >= 'A' && c <= 'Z'; break;
		case 1: ok = is_alpha(c) && word_start; break;
		default: ok = is_alpha(c); break;
		}
		word_start = !is_alpha(c) && !(c >= '0' && c <= '9') &&
			     !((unsigned char)c & 0x80);
		if (ok && !taken[(unsigned char)upper(c)])
			return upper(c);
	}
	return 0;
}

void map_letters(const struct slice *labels, size_t n,
		 char (*letters)[MAP_LETTER_MAX])
{
	bool taken[256] = { false };
	size_t i;
	int pass;
	char c, d;

	for (i = 0; i < n; i++) {
		for (pass = 0, c = 0; pass < 3 && !c; pass++)
			c = pick(labels[i], pass, taken);
		for (d = '1'; !c && d <= '9'; d++)
			if (!taken[(unsigned char)d])
				c = d;
		if (c) {
			taken[(unsigned char)c] = true;
			letters[i][0] = c;
			letters[i][1] = '\0';
		} else {
			/* Only after 9 digits went to earlier categories, so
			 * the position has two digits: unique. */
			snprintf(letters[i], MAP_LETTER_MAX, "%u",
				 (unsigned)((i + 1) % 10000000));
		}
	}
}

/* ---- spreading ---- */

enum {
	SPREAD_RINGS = 10,      /* rings of candidate spots tried */
	SPREAD_PER_RING = 8,    /* spots on the first ring; ring r has r times */
};

/*
 * The markers placed so far, bucketed by grid cells gap wide, so that a
 * spot is checked against its neighbours only: a zone with thousands of
 * services would otherwise compare every marker with every other.  Two
 * centres closer than gap lie at most one cell apart (two, to allow for
 * rounding in the division), so the cells around a spot hold every marker
 * that can be too close; a bucket shared by far cells only costs a few
 * more comparisons.  The answer is the one a scan of all placed markers
 * gives, whatever the order.
 */
struct spread_grid {
	size_t *head;   /* per bucket: 1 + the last marker put in it, 0: none */
	size_t *next;   /* per marker: 1 + the one before it in its bucket */
	size_t mask;    /* buckets - 1 (a power of two) */
	double gap;
};

enum {
	SPREAD_REACH = 2,       /* cells searched on each side of a spot */
	/* Beyond this many cells from the origin, a coordinate is not a
	 * point of the map: the grid is not used. */
	SPREAD_MAX_CELL = 1 << 30,
};

static bool grid_cell(const struct spread_grid *g, double x, double y,
		      long long *cx, long long *cy)
{
	double fx = floor(x / g->gap), fy = floor(y / g->gap);

	if (!(fabs(fx) < SPREAD_MAX_CELL && fabs(fy) < SPREAD_MAX_CELL))
		return false;
	*cx = (long long)fx;
	*cy = (long long)fy;
	return true;
}

static size_t grid_bucket(const struct spread_grid *g, long long cx,
			  long long cy)
{
	unsigned long long h = (unsigned long long)cx * 0x9e3779b97f4a7c15ULL ^
			       (unsigned long long)cy * 0xc2b2ae3d27d4eb4fULL;

	return (size_t)(h ^ h >> 29) & g->mask;
}

static bool near_marker(const double *xy, size_t j, double x, double y,
			double gap)
{
	double dx = xy[2 * j] - x, dy = xy[2 * j + 1] - y;

	return dx * dx + dy * dy < gap * gap - 1e-9;
}

/* No placed marker (the first placed of xy) closer to x,y than gap; g
 * (NULL: scan them all) holds exactly those markers. */
static bool free_at(const struct spread_grid *g, const double *xy,
		    size_t placed, double x, double y, double gap)
{
	long long cx, cy, i, k, d;
	size_t j;

	if (g == NULL || !grid_cell(g, x, y, &cx, &cy)) {
		for (j = 0; j < placed; j++)
			if (near_marker(xy, j, x, y, gap))
				return false;
		return true;
	}
	/* The spot's own cell first, then the rings of cells around it: a
	 * taken spot is found at once, before the crowd next door (markers
	 * that found no free spot stay piled up where they were) is read. */
	for (d = 0; d <= SPREAD_REACH; d++)
		for (i = -d; i <= d; i++)
			for (k = -d; k <= d; k++) {
				if (i != -d && i != d && k != -d && k != d)
					continue;
				for (j = g->head[grid_bucket(g, cx + i, cy + k)];
				     j; j = g->next[j - 1])
					if (near_marker(xy, j - 1, x, y, gap))
						return false;
			}
	return true;
}

/* Puts marker i, at its final place, in the grid; false when its place
 * is off any grid (then the grid cannot be used). */
static bool grid_put(struct spread_grid *g, const double *xy, size_t i)
{
	long long cx, cy;
	size_t b;

	if (!grid_cell(g, xy[2 * i], xy[2 * i + 1], &cx, &cy))
		return false;
	b = grid_bucket(g, cx, cy);
	g->next[i] = g->head[b];
	g->head[b] = i + 1;
	return true;
}

static bool inside(double x, double y, double w, double h)
{
	return x >= 0 && y >= 0 && x <= w && y <= h;
}

void map_spread(double *xy, size_t n, double gap, double w, double h)
{
	struct spread_grid grid = { NULL, NULL, 0, gap };
	const struct spread_grid *g = NULL;
	size_t i, k, buckets = 1;
	int ring;

	if (gap > 0 && isfinite(gap)) {
		while (buckets < 2 * n)
			buckets *= 2;
		grid.head = xcalloc(buckets, sizeof(size_t));
		grid.next = xcalloc(n + 1, sizeof(size_t));
		grid.mask = buckets - 1;
		g = &grid;
	}
	for (i = 0; i < n; i++) {
		double x = xy[2 * i], y = xy[2 * i + 1];
		bool done = i == 0 || free_at(g, xy, i, x, y, gap);

		for (ring = 1; !done && ring <= SPREAD_RINGS; ring++) {
			size_t spots = (size_t)ring * SPREAD_PER_RING;

			for (k = 0; !done && k < spots; k++) {
				/* Start straight up, go clockwise. */
				double a = 2 * PI * (double)k / (double)spots;
				double cx = x + sin(a) * gap * ring;
				double cy = y - cos(a) * gap * ring;

				if (inside(cx, cy, w, h) &&
				    free_at(g, xy, i, cx, cy, gap)) {
					xy[2 * i] = cx;
					xy[2 * i + 1] = cy;
					done = true;
				}
			}
		}
		if (g && !grid_put(&grid, xy, i))
			g = NULL;
	}
	free(grid.head);
	free(grid.next);
}
