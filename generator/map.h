/*
 * map: the projection and the drawing primitives of the services map.
 *
 * The map is an SVG drawn at build time, so a visitor's browser asks no
 * tile server for anything.  Two projections are offered:
 *
 *   MAP_EQUIRECT (the default), a local equirectangular projection:
 *     X = lon * cos(lat0),  Y = lat          (degrees)
 *   where lat0 is the latitude of the middle of the framed area.  Over a
 *   zone of a few tens of kilometres it keeps shapes true (a degree of
 *   longitude in Flanders is only 0.63 of a degree of latitude; drawing
 *   lon/lat as they are would stretch every municipality sideways).
 *
 *   MAP_MERCATOR, spherical Web Mercator (EPSG:3857) in degrees:
 *     X = lon,  Y = ln(tan(pi/4 + lat/2)) * 180/pi
 *   used when a zone switches on its own tile layer, so the drawing lines
 *   up with the tiles.
 *
 * The framed area [X0, X1] x [Y0, Y1] is then scaled uniformly into the
 * SVG's user units with a margin `pad`:
 *     x = pad + (X - X0) * s,   y = pad + (Y1 - Y) * s   (y grows downwards)
 *     s = min((max_w - 2 pad) / (X1 - X0), (max_h - 2 pad) / (Y1 - Y0))
 * Every number written into the SVG is rounded to MAP_DECIMALS decimals
 * and printed the same way, so the same input gives the same bytes.
 */
#ifndef ZS_MAP_H
#define ZS_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "slice.h"

enum map_projection { MAP_EQUIRECT, MAP_MERCATOR };

enum {
	MAP_DECIMALS = 1,      /* decimals of every SVG number */
	MAP_SHAPES = 8,        /* marker shapes, used in turn per category */
	MAP_LETTER_MAX = 8,    /* bytes of a marker letter, with its NUL */
};

/* Sizes of the drawings, in SVG user units (CSS pixels at 1:1). */
#define MAP_WIDTH 640.0          /* the zone map */
#define MAP_MAX_HEIGHT 720.0
#define MAP_PAD 20.0             /* margin around the framed area */
#define MAP_LOCATOR_WIDTH 320.0  /* the small map on a service's page */
#define MAP_LOCATOR_MAX_HEIGHT 320.0
#define MAP_MIN_SPAN 0.01        /* degrees: the least area ever framed */
#define MAP_MARKER_GAP 26.0      /* least distance between marker centres */

/* An area in longitude and latitude. */
struct map_bbox {
	double min_lon, min_lat, max_lon, max_lat;
	bool set;
};

struct map_frame {
	enum map_projection proj;
	double k;          /* MAP_EQUIRECT: cos(lat0) */
	double x0, y1;     /* projected left edge and top edge */
	double scale;      /* user units per projected degree */
	double pad;
	double width, height; /* of the drawing, rounded */
};

void map_bbox_add(struct map_bbox *b, double lon, double lat);
/* Widens b around its middle to at least span degrees of latitude and
 * as many kilometres of longitude. */
void map_bbox_min_span(struct map_bbox *b, double span);

/* Frames b (set, with a non-zero span) into at most max_w x max_h. */
void map_fit(struct map_frame *f, enum map_projection proj,
	     const struct map_bbox *b, double max_w, double max_h, double pad);
/* SVG coordinates of a position, not yet rounded. */
void map_project(const struct map_frame *f, double lon, double lat,
		 double *x, double *y);

/* The inverse: the position drawn at (x, y). */
void map_unproject(const struct map_frame *f, double x, double y,
		   double *lon, double *lat);

/* v rounded to MAP_DECIMALS; and printed that way ("12.5", "-3.0"), never
 * "-0.0". */
double map_round(double v);
void map_put_num(struct buf *b, double v);
/* "x,y" of a projected position, rounded. */
void map_put_point(struct buf *b, double x, double y);
/* Path data of a closed ring of n lon/lat positions: "Mx,yLx,y...Z";
 * points that round onto the previous one are left out. */
void map_put_ring(struct buf *b, const struct map_frame *f,
		  const double *lonlat, size_t n);
/* Where to put a ring's name: its area centroid in SVG coordinates (the
 * mean of its points for a degenerate ring).  Returns the ring's area. */
double map_ring_centroid(const struct map_frame *f, const double *lonlat,
			 size_t n, double *cx, double *cy);

/* Relative path data of marker shape i % MAP_SHAPES, centred on the
 * current point: append it to "Mx,y". */
const char *map_shape_path(size_t i);

/* One distinct letter (or digit) per category label, in order: the
 * label's capitals first, then the initials of its words, then its other
 * letters, then digits; ASCII only.  letters[i] holds a C string. */
void map_letters(const struct slice *labels, size_t n,
		 char (*letters)[MAP_LETTER_MAX]);

/* Moves markers apart until no two centres are closer than gap: each in
 * turn keeps its place when it can, else takes the first free spot on
 * rings around it (a fixed order of angles, so the result is
 * reproducible).  xy holds n x,y pairs, changed in place; the spots stay
 * inside [0, w] x [0, h] when they can. */
void map_spread(double *xy, size_t n, double gap, double w, double h);

#endif
