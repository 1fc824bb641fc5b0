/*
 * civil: proleptic Gregorian arithmetic and the EU summer-time rule for
 * Europe/Brussels.  See civil.h for the conventions.
 *
 * Day counts go through "days before year y since year 0", a closed form
 * in floor divisions, so negative years and days need no special case and
 * the inverse is a short search inside one 400-year cycle.  The ISO 8601
 * writers at the end are the only ones in zonesite: every page, feed and
 * file prints its days and instants through them.
 */
#include "civil.h"

#include <stddef.h>

enum {
	DAYS_PER_400Y = 146097,
	SECONDS_PER_MINUTE = 60,
	MINUTES_PER_HOUR = 60,
	SECONDS_PER_HOUR = 3600,
	/* 02:00 local winter time == 01:00 UTC: the hour clocks change. */
	TRANSITION_UTC_SECONDS = 3600,
};

/* Days before the first of each month in a common year. */
static const int days_before_month[13] = {
	0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
};

static const int month_length[13] = {
	0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
};

int64_t civil_floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if (a % b != 0 && ((a < 0) != (b < 0)))
		q--;
	return q;
}

int64_t civil_floor_mod(int64_t a, int64_t b)
{
	return a - civil_floor_div(a, b) * b;
}

bool civil_is_leap(int64_t year)
{
	return civil_floor_mod(year, 4) == 0 &&
	       (civil_floor_mod(year, 100) != 0 ||
		civil_floor_mod(year, 400) == 0);
}

int civil_days_in_month(int64_t year, int month)
{
	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && civil_is_leap(year))
		return 29;
	return month_length[month];
}

bool civil_valid(int64_t year, int month, int day)
{
	return day >= 1 && day <= civil_days_in_month(year, month);
}

/*
 * Days from 0000-01-01 to y-01-01: 365 a year plus one per leap year in
 * [0, y), counted as multiples of 4, less those of 100, plus those of 400
 * (ceil(y / k) == floor((y + k - 1) / k), also for negative y).
 */
static int64_t days_before_year(int64_t y)
{
	return 365 * y + civil_floor_div(y + 3, 4) -
	       civil_floor_div(y + 99, 100) + civil_floor_div(y + 399, 400);
}

static int64_t epoch_offset(void)
{
	return days_before_year(1970);
}

int64_t days_from_civil(int64_t year, int month, int day)
{
	int64_t doy = days_before_month[month] + day - 1;

	if (month > 2 && civil_is_leap(year))
		doy++;
	return days_before_year(year) - epoch_offset() + doy;
}

/* Month and day from a 0-based day of the year. */
static void split_day_of_year(int64_t year, int64_t doy, int *month,
			      int *day)
{
	int m = 12;
	int leap = civil_is_leap(year) ? 1 : 0;

	while (days_before_month[m] + (m > 2 ? leap : 0) > doy)
		m--;
	doy -= days_before_month[m] + (m > 2 ? leap : 0);
	if (month)
		*month = m;
	if (day)
		*day = (int)doy + 1;
}

void civil_from_days(int64_t days, int64_t *year, int *month, int *day)
{
	int64_t n = days + epoch_offset(); /* days since 0000-01-01 */
	int64_t era = civil_floor_div(n, DAYS_PER_400Y);
	int64_t rest = n - era * DAYS_PER_400Y;
	/* rest / 366 undershoots the year in the cycle by at most two. */
	int64_t y = rest / 366;

	while (days_before_year(y + 1) <= rest)
		y++;
	split_day_of_year(y, rest - days_before_year(y), month, day);
	if (year)
		*year = era * 400 + y;
}

int civil_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (4). */
	return (int)civil_floor_mod(days + 3, 7) + 1;
}

void civil_iso_week(int64_t days, int64_t *iso_year, int *week)
{
	/* A week belongs to the year that holds its Thursday. */
	int64_t thursday = days - civil_weekday(days) + 4;
	int64_t y;

	civil_from_days(thursday, &y, NULL, NULL);
	if (iso_year)
		*iso_year = y;
	if (week)
		*week = (int)((thursday - days_from_civil(y, 1, 1)) / 7) + 1;
}

int64_t civil_last_weekday(int64_t year, int month, int weekday)
{
	int64_t last = days_from_civil(year, month,
				       civil_days_in_month(year, month));

	return last - civil_floor_mod(civil_weekday(last) - weekday, 7);
}

/* UTC instants at which summer time starts and ends in a year. */
static void summer_bounds(int64_t year, int64_t *start, int64_t *end)
{
	*start = civil_last_weekday(year, 3, CIVIL_SUNDAY) *
			 CIVIL_SECONDS_PER_DAY + TRANSITION_UTC_SECONDS;
	*end = civil_last_weekday(year, 10, CIVIL_SUNDAY) *
		       CIVIL_SECONDS_PER_DAY + TRANSITION_UTC_SECONDS;
}

static int64_t year_of_seconds(int64_t secs)
{
	int64_t y;

	civil_from_days(civil_floor_div(secs, CIVIL_SECONDS_PER_DAY), &y,
			NULL, NULL);
	return y;
}

int brussels_offset_at(int64_t utc)
{
	int64_t start, end;

	summer_bounds(year_of_seconds(utc), &start, &end);
	return utc >= start && utc < end ? BRUSSELS_CEST : BRUSSELS_CET;
}

int64_t brussels_from_utc(int64_t utc, int *offset)
{
	int off = brussels_offset_at(utc);

	if (offset)
		*offset = off;
	return utc + off;
}

/*
 * The changes happen at the end of March and October, far from New Year,
 * so the local year is the year of both bounds.  On the wall clock summer
 * time starts at 02:00 (becoming 03:00) and ends at 03:00 (becoming 02:00).
 */
enum tz_local_kind brussels_to_utc(int64_t local, int64_t *utc)
{
	int64_t start, end, gap_from, dup_from, dup_to;
	int64_t hour = CIVIL_SECONDS_PER_DAY / 24;

	summer_bounds(year_of_seconds(local), &start, &end);
	gap_from = start + BRUSSELS_CET;
	dup_to = end + BRUSSELS_CEST;
	dup_from = dup_to - hour;
	if (local < gap_from || local >= dup_to) {
		*utc = local - BRUSSELS_CET;
		return TZ_LOCAL_NORMAL;
	}
	if (local < gap_from + hour) {
		*utc = local - BRUSSELS_CET;
		return TZ_LOCAL_GAP;
	}
	*utc = local - BRUSSELS_CEST;
	return local >= dup_from ? TZ_LOCAL_AMBIGUOUS : TZ_LOCAL_NORMAL;
}

void brussels_transitions(int64_t year, struct tz_transition out[2])
{
	int64_t start, end;

	summer_bounds(year, &start, &end);
	out[0] = (struct tz_transition){ start, BRUSSELS_CET, BRUSSELS_CEST };
	out[1] = (struct tz_transition){ end, BRUSSELS_CEST, BRUSSELS_CET };
}

/* ---- ISO 8601 text ---- */

void civil_put_date(struct buf *b, int64_t day, enum civil_iso form)
{
	int64_t y;
	int m, d;

	civil_from_days(day, &y, &m, &d);
	buf_printf(b, form == CIVIL_ISO_BASIC ? "%04lld%02d%02d" :
		   "%04lld-%02d-%02d", (long long)y, m, d);
}

void civil_put_month(struct buf *b, int64_t year, int month)
{
	buf_printf(b, "%04lld-%02d", (long long)year, month);
}

void civil_put_year(struct buf *b, int64_t year)
{
	buf_printf(b, "%04lld", (long long)year);
}

/* "T12:30" or "T12:30:00" (basic: "T1230", "T123000") of a second of
 * the day. */
static void put_clock(struct buf *b, int64_t secs, enum civil_iso form,
		      enum civil_clock clock)
{
	const char *sep = form == CIVIL_ISO_BASIC ? "" : ":";

	buf_printf(b, "T%02d%s%02d", (int)(secs / SECONDS_PER_HOUR), sep,
		   (int)(secs / SECONDS_PER_MINUTE % MINUTES_PER_HOUR));
	if (clock == CIVIL_HH_MM_SS)
		buf_printf(b, "%s%02d", sep, (int)(secs % SECONDS_PER_MINUTE));
}

void civil_put_date_time(struct buf *b, int64_t seconds, enum civil_iso form)
{
	civil_put_date(b, civil_floor_div(seconds, CIVIL_SECONDS_PER_DAY),
		       form);
	put_clock(b, civil_floor_mod(seconds, CIVIL_SECONDS_PER_DAY), form,
		  CIVIL_HH_MM_SS);
}

void civil_put_utc(struct buf *b, int64_t utc, enum civil_iso form)
{
	civil_put_date_time(b, utc, form);
	buf_putc(b, 'Z');
}

void civil_put_offset(struct buf *b, int seconds, enum civil_iso form)
{
	int m = (seconds < 0 ? -seconds : seconds) / SECONDS_PER_MINUTE;

	buf_printf(b, form == CIVIL_ISO_BASIC ? "%c%02d%02d" : "%c%02d:%02d",
		   seconds < 0 ? '-' : '+', m / MINUTES_PER_HOUR,
		   m % MINUTES_PER_HOUR);
}

void brussels_put_moment(struct buf *b, int64_t day, int minute,
			 enum civil_clock clock)
{
	int64_t local = day * CIVIL_SECONDS_PER_DAY +
			(int64_t)minute * SECONDS_PER_MINUTE, utc;

	brussels_to_utc(local, &utc);
	civil_put_date(b, day, CIVIL_ISO_EXTENDED);
	put_clock(b, (int64_t)minute * SECONDS_PER_MINUTE, CIVIL_ISO_EXTENDED,
		  clock);
	civil_put_offset(b, (int)(local - utc), CIVIL_ISO_EXTENDED);
}
