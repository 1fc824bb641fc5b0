/*
 * fuzzydate: the date fields of the content contract (section 3).
 *
 * Action plans rarely know the day of an activity, so a date field may be
 * a moment, a day, a month, a quarter, a half-year, a season, a year, a
 * range between two of those, or "tbd".  This module parses such a value
 * into a struct fuzzydate that knows its earliest and latest possible
 * local day, so items can be sorted, compared and shown without ever
 * inventing precision the writer did not give.
 *
 * Accepted forms (after leading and trailing blanks are dropped):
 *   YYYY-MM-DDTHH:MM  a moment, Europe/Brussels wall time (upper-case T)
 *   YYYY-MM-DD        a day
 *   D/M/YYYY          a day, Belgian day-first (see below)
 *   YYYY-MM           a month
 *   YYYY-Qn           a quarter, n = 1..4
 *   YYYY-Hn           a half-year, n = 1..2
 *   YYYY-season       a season of the site's table (default voorjaar,
 *                     najaar), written exactly as in the table
 *   YYYY              a year
 *   A/B               a range from A to B, each one of the forms above
 *                     except D/M/YYYY; blanks around '/' are allowed
 *   tbd               not yet known (lower case, never inside a range)
 *
 * Decisions, so the content stays greppable and unambiguous:
 *  - Years have four digits, 1000..9999; a two-digit year is an error.
 *  - Year-first fields have fixed widths: month, day, hour and minute are
 *    two digits each ("2025-1-5" and "T9:00" are errors with a hint).
 *  - Q and H are upper case only; "2025-q2" is an error whose message
 *    shows the right spelling (lower-case words are season names).
 *  - No seconds, no zone suffix: a moment is always Brussels wall time.
 *  - Belgian dates and the range '/': a value with exactly two '/' whose
 *    first two parts are numbers is one day-first date, never a range, and
 *    must then be D/M/YYYY: day and month one or two digits, the year
 *    four ("14/10/2025", "1/3/2026"); a two-digit last part is a
 *    two-digit year error ("14/10/25").  A value with one '/' is a range;
 *    any other use of two or more '/' is an error.  Range ends are
 *    written year-first, so "14/10/2025/16/10/2025" is an error: write
 *    "2025-10-14/2025-10-16".  Day-first with dashes ("14-10-2025") is an
 *    error that says so.
 *  - A range is well ordered when its end's latest possible moment is not
 *    before its start's earliest ("2025-03/2025-03" is allowed).
 *  - A moment in the spring-forward hour is an error; one in the autumn
 *    hour that happens twice is accepted as the first (summer time)
 *    occurrence and flagged so the caller can warn.
 */
#ifndef ZS_FUZZYDATE_H
#define ZS_FUZZYDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "civil.h"
#include "slice.h"

enum {
	FD_YEAR_MIN = 1000,
	FD_YEAR_MAX = 9999,
};

/* From most to least precise; the order is the sort order's tie-break. */
enum fd_precision {
	FD_MOMENT,
	FD_DAY,
	FD_MONTH,
	FD_QUARTER,
	FD_HALF,
	FD_SEASON,
	FD_YEAR,
	FD_RANGE,
	FD_TBD,
};

/* What went wrong; FDE_OK on success. */
enum fd_error {
	FDE_OK,
	FDE_EMPTY,          /* nothing but blanks */
	FDE_SYNTAX,         /* none of the forms */
	FDE_TWO_DIGIT_YEAR, /* "25-10-14", "14/10/25" */
	FDE_YEAR,           /* not four digits, or out of range */
	FDE_MONTH,          /* month not 01..12 */
	FDE_DAY,            /* no such day in that month */
	FDE_TIME,           /* hour not 00..23 or minute not 00..59 */
	FDE_QUARTER,        /* not Q1..Q4 */
	FDE_HALF,           /* not H1..H2 */
	FDE_SEASON,         /* not a season of the site */
	FDE_GAP,            /* skipped by the spring-forward change */
	FDE_RANGE_FORM,     /* nested range, tbd in a range, missing end */
	FDE_RANGE_ORDER,    /* the range ends before it starts */
};

/* One season of site.yaml: 1 <= first_month <= last_month <= 12. */
struct fd_season {
	struct slice name;
	int first_month, last_month;
};

struct fd_seasons {
	const struct fd_season *v;
	size_t n;
};

/* voorjaar = months 1..6, najaar = 7..12 */
const struct fd_seasons *fd_default_seasons(void);

/* One date that is not a range (nor tbd). */
struct fd_point {
	enum fd_precision prec; /* FD_MOMENT .. FD_YEAR */
	int year;
	int month;        /* 1..12 for MOMENT, DAY, MONTH; else 0 */
	int day;          /* MOMENT and DAY; else 0 */
	int hour, minute; /* MOMENT; else 0 */
	int part;         /* quarter 1..4, half 1..2, season: table index */
	struct slice season; /* SEASON: the name, pointing into the table */
	bool day_first;   /* written D/M/YYYY */
	bool ambiguous;   /* MOMENT in the autumn hour that happens twice */
	/* The span, local Europe/Brussels days since 1970-01-01 and minutes
	 * of the day, both ends inclusive: a moment is one minute, anything
	 * coarser runs from 00:00 of its first day to 23:59 of its last. */
	int64_t first_day, last_day;
	int first_minute, last_minute;
	int64_t utc; /* MOMENT: seconds since 1970-01-01T00:00Z; else 0 */
};

struct fuzzydate {
	enum fd_precision prec;
	/* The date itself, or a range's start; unset for FD_TBD. */
	struct fd_point from;
	/* A range's end; unset unless prec == FD_RANGE. */
	struct fd_point to;
	/* The whole span (from.first .. to.last for ranges).  For FD_TBD the
	 * days are INT64_MAX, so a tbd value is never in the past. */
	int64_t first_day, last_day;
	int first_minute, last_minute;
	bool ambiguous; /* some endpoint is an ambiguous moment */
};

struct fd_status {
	enum fd_error err;
	size_t offset;      /* error: byte offset inside the text given */
	size_t warn_offset; /* ambiguous: byte offset of that moment */
	bool ambiguous;     /* a warning, with FDE_OK */
};

/*
 * Parses text.  seasons may be NULL for the default table.  Returns true
 * on success.  On failure st->err and st->offset say what and where, and
 * an English message (without the value's location) is appended to msg
 * when msg is not NULL.  out is all zero on failure.
 */
bool fuzzydate_parse(struct slice text, const struct fd_seasons *seasons,
		     struct fuzzydate *out, struct fd_status *st,
		     struct buf *msg);
/* The same, with the message in Dutch when dutch is true. */
bool fuzzydate_parse_in(struct slice text, const struct fd_seasons *seasons,
			struct fuzzydate *out, struct fd_status *st,
			struct buf *msg, bool dutch);

/* "a moment", "a day", "a month" ... "a range", "tbd": for messages. */
const char *fuzzydate_precision_name(enum fd_precision p);

/*
 * Sort order: earliest possible moment; then precision, more precise
 * first, a range ranking just after a single date of its start's
 * precision (2025-03-01 < 2025-03-01/2025-03-03 < 2025-03); then the
 * earlier latest day; tbd last.  0 means "equal": compare ids next.
 */
int fuzzydate_cmp(const struct fuzzydate *a, const struct fuzzydate *b);

/* An end field is fine when its latest possible moment is not before the
 * start's earliest; an end or a start that is tbd is always fine. */
bool fuzzydate_end_ok(const struct fuzzydate *start,
		      const struct fuzzydate *end);

/* True when the item (start, optional end) is over by the day today:
 * its latest possible day is before today.  Never for tbd. */
bool fuzzydate_is_past(const struct fuzzydate *start,
		       const struct fuzzydate *end, int64_t today);

/* Every endpoint known to the day (DAY or MOMENT): iCalendar can carry it,
 * as whole days unless fuzzydate_is_time_precise. */
bool fuzzydate_is_day_precise(const struct fuzzydate *d);
/* Every endpoint a MOMENT. */
bool fuzzydate_is_time_precise(const struct fuzzydate *d);

/* ISO 8601 of one point, as precise as it is (civil.h writes it): a
 * moment with its UTC offset and the clock given, a day, a month
 * ("2025-10") or a year.  False, and nothing written, for a quarter, a
 * half-year or a season, which ISO 8601 has no short form for. */
bool fuzzydate_put_iso(struct buf *b, const struct fd_point *p,
		       enum civil_clock clock);

#endif
