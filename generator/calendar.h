/*
 * calendar: what the calendar's two modules share.
 *
 * render_calendar.c builds the pages (lists, month grids, facets, event
 * pages); calendar_export.c writes what leaves the site in other formats
 * (iCalendar files, "add to calendar" links, schema.org JSON-LD).  Both
 * work on calendar entries: the published events and the milestones of
 * published action fiches that no event stands for, each with the one
 * span of days it covers, so every view agrees on where an item belongs.
 */
#ifndef ZS_CALENDAR_H
#define ZS_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

#include "fuzzydate.h"
#include "ical.h"
#include "render_int.h"

enum {
	/* A day-precise item longer than this shows on its first day only
	 * (and on today while it runs) in the lists, not on every day. */
	CAL_SPAN_MAX_DAYS = 31,
	/* Month grids are made from the first to the last item, but never
	 * further than this many years from "now" either way. */
	CAL_GRID_MAX_YEARS = 10,
	/* Clients are asked to refresh a subscribed feed this often. */
	CAL_REFRESH_HOURS = 12,
	/* A list entry names at most this many municipalities, else counts
	 * them ("12 gemeenten"). */
	CAL_MUNICIPALITIES_SHOWN = 8,
};

/* Folder names under the calendar's path (/kalender/...). */
#define CAL_DIR_ARCHIVE "archief"
#define CAL_DIR_SUBSCRIBE "abonneren"
#define CAL_DIR_TYPE "soort"
#define CAL_DIR_AUDIENCE "doelgroep"
#define CAL_DIR_MUNICIPALITY "gemeente"

/* The facets a calendar can be narrowed to. */
enum cal_facet { CF_TYPE, CF_AUDIENCE, CF_MUNICIPALITY, CF__COUNT };

struct cal_entry {
	const struct event *ev;       /* NULL for a milestone */
	const struct action *action;  /* the milestone's fiche */
	const struct milestone *ms;
	size_t ms_index;              /* 1-based, in the fiche's list */
	const struct fuzzydate *start;
	const struct fuzzydate *end;  /* NULL when none or tbd */
	/* The first and last point: to is from for a single date. */
	const struct fd_point *from, *to;
	int64_t first_day, last_day;  /* local days; INT64_MAX for tbd */
	struct slice title;
	int status;                   /* enum event_status */
	bool tentative;
	bool day_precise;             /* both ends known to the day */
	bool tbd;
};

/* The entries of one facet's vocabulary, by vocabulary index: entry
 * indices idx[off[k]] .. idx[off[k + 1] - 1], in calendar order.  Built
 * once, so a site with many municipalities costs linear time, not
 * municipalities times entries. */
struct cal_facet_index {
	size_t *idx, *off;
	size_t *upcoming;             /* per vocabulary index */
};

struct cal {
	struct cal_entry *v;          /* sorted: date, precision, id */
	size_t n;
	struct cal_facet_index facet[CF__COUNT]; /* after cal_index() */
};

/* The entries of this edition (free with cal_free). */
void cal_collect(struct render *r, struct cal *c);
/* Fills c->facet. */
void cal_index(struct render *r, struct cal *c);
void cal_free(struct cal *c);

/* False for a vocabulary id given a second time (model.c reports it):
 * its pages and feeds are made once, for the first. */
bool cal_facet_first(struct render *r, enum cal_facet f, size_t i);
extern const enum vocab cal_facet_vocab[CF__COUNT];
extern const char *const cal_facet_dir[CF__COUNT];

/* The page of an entry: the event's, or the fiche of a milestone. */
const char *cal_entry_url(struct render *r, const struct cal_entry *e);

/* ---- calendar_export.c ---- */

/* The entry as an iCalendar event; false when it is not day-precise.
 * Its texts live in the page arena. */
bool cal_ical_event(struct render *r, const struct cal_entry *e,
		    struct ical_event *out);
/* Every .ics file: the whole calendar, per facet, one per event. */
void cal_write_feeds(struct render *r, const struct cal *c);
/* Claims the paths of those files (claim_url). */
void cal_claim_feeds(struct render *r, const struct cal *c);
/* "kalender.ics" (f == CF__COUNT), "kalender/soort/TYPE.ics", ...,
 * without the base path. */
void cal_feed_path(struct render *r, struct buf *b, enum cal_facet f,
		   int index);
/* Event page data: add-to-calendar links and the JSON-LD in "jsonld". */
void cal_put_export(struct render *r, struct tv *m, const struct cal_entry *e);

#endif
