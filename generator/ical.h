/*
 * ical: the iCalendar writer (RFC 5545), for the calendar's feeds and the
 * one-event files behind "add to calendar".
 *
 * Written by code, never by a template, because the format's rules are
 * about octets rather than text: every line ends in CRLF; a line longer
 * than 75 octets is folded (CRLF and one space) without splitting a UTF-8
 * sequence; TEXT values escape backslash, semicolon, comma and newlines.
 * Timed items carry TZID=Europe/Brussels and the file holds the matching
 * VTIMEZONE, computed from civil.h's rule for exactly the years the file
 * needs, so the file and the site agree on every instant; a wall time
 * that happens twice (the autumn hour) is written in UTC, see ical.c.  All-day items
 * are VALUE=DATE with an exclusive DTEND, as RFC 5545 3.6.1 prescribes.
 *
 * The module knows nothing of the site's model: the caller describes each
 * event as a struct ical_event.  Output depends only on its input (DTSTAMP
 * comes from the caller's "now"), so two builds give the same bytes.
 */
#ifndef ZS_ICAL_H
#define ZS_ICAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "slice.h"

enum {
	/* RFC 5545 3.1: content lines SHOULD NOT be longer than this many
	 * octets, excluding the line break; continuation lines count their
	 * leading space. */
	ICAL_FOLD_OCTETS = 75,
};

#define ICAL_TZID "Europe/Brussels"

/* A DTSTART or DTEND. */
struct ical_time {
	bool set;
	bool all_day;  /* VALUE=DATE */
	int64_t day;   /* all-day: the local day, days since 1970-01-01 */
	int minute;    /* timed: minute of that local day, 0..1439 */
};

enum ical_status { ICAL_STATUS_NONE, ICAL_STATUS_TENTATIVE,
		   ICAL_STATUS_CONFIRMED, ICAL_STATUS_CANCELLED };

struct ical_event {
	struct slice uid;         /* globally unique, stable */
	struct ical_time start;   /* required */
	/* Optional.  For all-day items the exclusive end day (the day after
	 * the last); for timed items the end moment. */
	struct ical_time end;
	struct slice summary;
	struct slice description; /* plain text; newlines allowed */
	struct slice location;
	struct slice url;         /* absolute */
	const struct slice *categories;
	size_t ncategories;
	enum ical_status status;
	/* When text.ptr is set: this event's VEVENT as ical_vevent() wrote
	 * it, which ical_write() copies instead of writing the fields above
	 * again (start and end still count for the VTIMEZONE).  A feed of
	 * many calendars writes each event once. */
	struct slice text;
};

/* The calendar object around the events. */
struct ical_calendar {
	struct slice name;        /* NAME and X-WR-CALNAME; may be empty */
	struct slice description; /* X-WR-CALDESC; may be empty */
	struct slice url;         /* where the feed lives; may be empty */
	/* A subscribable feed: clients are asked to refresh this often
	 * (REFRESH-INTERVAL, X-PUBLISHED-TTL); 0 for a one-off file. */
	int refresh_hours;
	int64_t dtstamp;          /* UTC seconds: the build's "now" */
};

/* Appends one content line, folded, with its CRLF.  line holds
 * "NAME;PARAMS:value" with the value already escaped. */
void ical_fold(struct buf *out, struct slice line);

/* Appends s escaped as an RFC 5545 TEXT value: \\ \; \, and \n for a
 * line break (CRLF, LF or CR); other control characters are dropped. */
void ical_escape_text(struct buf *out, struct slice s);

/* How a local Brussels wall time maps to an instant: 0 normal, 1 it
 * happens twice (the first is meant, as in RFC 5545 3.3.5), -1 it does
 * not exist (the spring-forward gap). */
int ical_local_kind(int64_t day, int minute);

/* The UTC instant of a timed ical_time (the first one if ambiguous). */
int64_t ical_utc(const struct ical_time *t);

/*
 * Appends a whole VCALENDAR with the events in the order given, and a
 * VTIMEZONE when some event is timed.  Returns the number of timed
 * values that do not exist in Europe/Brussels (written nevertheless, as
 * RFC 5545 reads them); callers treat anything but 0 as their own bug,
 * since the content model already refuses such times.
 */
size_t ical_write(struct buf *out, const struct ical_calendar *cal,
		  const struct ical_event *ev, size_t n);

/* ical_write() in three parts, for a calendar written as pieces: what
 * comes before the events (returning the same count), each event's
 * e->text, then what comes after. */
size_t ical_write_head(struct buf *out, const struct ical_calendar *cal,
		       const struct ical_event *ev, size_t n);
void ical_write_tail(struct buf *out);

/* Appends the VEVENT of e, stamped dtstamp (UTC seconds), exactly as
 * ical_write() would: the bytes for e->text. */
void ical_vevent(struct buf *out, const struct ical_event *e,
		 int64_t dtstamp);

#endif
