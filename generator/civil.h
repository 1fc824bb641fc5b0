/*
 * civil: calendar arithmetic and the one time zone zonesite knows.
 *
 * Days are counted as int64 days since 1970-01-01 in the proleptic
 * Gregorian calendar, instants as int64 seconds since 1970-01-01T00:00Z
 * (leap seconds ignored, as everywhere).  A "local" count is the same
 * arithmetic applied to the wall clock of Europe/Brussels.
 *
 * Europe/Brussels is computed from the EU rule alone: CET (+01:00), with
 * summer time CEST (+02:00) from the last Sunday of March 01:00 UTC to the
 * last Sunday of October 01:00 UTC.  That rule has been in force since
 * 1996; dates before 1996 use it too (history is not our business: a
 * zone's calendar lives in the present).  We do not read the system's
 * tz database or TZ, so a build gives the same bytes on every machine.
 *
 * The same module writes days and instants as ISO 8601 text, for every
 * format that carries them (<time>, JSON-LD, Atom, iCalendar, calendar
 * links), so they all agree on the day and on the offset.
 */
#ifndef ZS_CIVIL_H
#define ZS_CIVIL_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

enum {
	CIVIL_SECONDS_PER_DAY = 86400,
	CIVIL_MINUTES_PER_DAY = 1440,
	BRUSSELS_CET = 3600,  /* UTC offset in seconds, winter */
	BRUSSELS_CEST = 7200, /* UTC offset in seconds, summer */
};

/* ISO weekday numbers. */
enum { CIVIL_MONDAY = 1, CIVIL_SUNDAY = 7 };

/* Floor division and its remainder (never negative for b > 0). */
int64_t civil_floor_div(int64_t a, int64_t b);
int64_t civil_floor_mod(int64_t a, int64_t b);

bool civil_is_leap(int64_t year);
/* 28..31; 0 when month is not 1..12. */
int civil_days_in_month(int64_t year, int month);
/* month 1..12 and day 1..days_in_month */
bool civil_valid(int64_t year, int month, int day);

/* Days since 1970-01-01; month and day must be valid (civil_valid). */
int64_t days_from_civil(int64_t year, int month, int day);
/* The inverse; any pointer may be NULL. */
void civil_from_days(int64_t days, int64_t *year, int *month, int *day);

/* ISO weekday of a day: Monday = 1 .. Sunday = 7. */
int civil_weekday(int64_t days);
/* ISO 8601 week: the week's year (may differ near New Year) and 1..53. */
void civil_iso_week(int64_t days, int64_t *iso_year, int *week);
/* The last given ISO weekday of a month, as days since 1970-01-01. */
int64_t civil_last_weekday(int64_t year, int month, int weekday);

/* How a local wall time maps onto instants. */
enum tz_local_kind {
	TZ_LOCAL_NORMAL,    /* exactly one instant */
	TZ_LOCAL_GAP,       /* skipped when clocks go forward: none */
	TZ_LOCAL_AMBIGUOUS, /* repeated when clocks go back: two */
};

/* A change of UTC offset, as the iCalendar VTIMEZONE writer needs it. */
struct tz_transition {
	int64_t utc;       /* the instant of the change */
	int offset_before; /* seconds east of UTC before it */
	int offset_after;  /* and from it on */
};

/*
 * Local wall time (local seconds since 1970-01-01T00:00 local) to UTC.
 * AMBIGUOUS gives the first occurrence (summer time, +02:00).  GAP gives
 * the instant the wall time would be under the winter offset (02:30 gives
 * 01:30Z, which the clocks show as 03:30); callers treat GAP as an error.
 */
enum tz_local_kind brussels_to_utc(int64_t local, int64_t *utc);
/* UTC to local wall seconds; *offset (may be NULL) gets the offset used. */
int64_t brussels_from_utc(int64_t utc, int *offset);
/* The UTC offset in seconds in effect at an instant. */
int brussels_offset_at(int64_t utc);
/* The year's two changes: [0] to summer time (March), [1] back (October). */
void brussels_transitions(int64_t year, struct tz_transition out[2]);

/* ---- ISO 8601 text ---- */

/* The extended form (2025-10-14T12:30:00, +02:00) of RFC 3339, JSON-LD,
 * Atom and <time>, or the basic one (20251014T123000, +0200) of
 * iCalendar and Google Calendar's links. */
enum civil_iso { CIVIL_ISO_EXTENDED, CIVIL_ISO_BASIC };
/* How much of the clock a Brussels moment shows. */
enum civil_clock { CIVIL_HH_MM, CIVIL_HH_MM_SS };

/* A day: "2025-10-14" or "20251014". */
void civil_put_date(struct buf *b, int64_t day, enum civil_iso form);
/* A month, "2025-10", and a year, "2025": a date known no closer, a
 * calendar's month.  Extended form only: ISO 8601 allows no basic form
 * of a month (YYYYMM could be taken for YYMMDD). */
void civil_put_month(struct buf *b, int64_t year, int month);
void civil_put_year(struct buf *b, int64_t year);
/* A count of seconds since 1970-01-01T00:00, UTC or local wall time
 * alike, without a zone: "2025-10-14T12:30:00" or "20251014T123000". */
void civil_put_date_time(struct buf *b, int64_t seconds,
			 enum civil_iso form);
/* An instant in UTC: the same with "Z". */
void civil_put_utc(struct buf *b, int64_t utc, enum civil_iso form);
/* A UTC offset in seconds: "+02:00" or "+0200". */
void civil_put_offset(struct buf *b, int seconds, enum civil_iso form);
/* A Brussels wall time (local day, minute of the day) in the extended
 * form with the offset in force then: "2025-10-14T12:30+02:00", or
 * "2025-10-14T12:30:00+02:00" (CIVIL_HH_MM_SS, as RFC 3339 wants).  The
 * offset is that of the instant brussels_to_utc() gives. */
void brussels_put_moment(struct buf *b, int64_t day, int minute,
			 enum civil_clock clock);

#endif
