/*
 * test_civil: calendar arithmetic and Europe/Brussels summer time.
 *
 * Known day numbers and weekdays were checked against an independent
 * calendar; the round trip runs over five thousand years so that every
 * leap-year rule (4, 100, 400) and negative day counts are crossed.
 * The ISO 8601 writers are checked on both sides of each change of
 * offset, where a wrong offset would move an event by an hour.
 */
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "check.h"
#include "civil.h"

enum { HOUR = 3600, MINUTE = 60 };

static int64_t utc_at(int y, int m, int d, int hh, int mm)
{
	return days_from_civil(y, m, d) * CIVIL_SECONDS_PER_DAY +
	       (int64_t)hh * HOUR + (int64_t)mm * MINUTE;
}

/* Local wall seconds use the same arithmetic as UTC ones. */
#define local_at utc_at

static void test_known_days(void)
{
	int64_t y;
	int m, d;

	CHECK_INT(days_from_civil(1970, 1, 1), 0, "1970-01-01 is day 0");
	CHECK_INT(days_from_civil(2025, 10, 14), 20375, "2025-10-14");
	CHECK_INT(days_from_civil(2000, 3, 1), 11017, "2000-03-01");
	CHECK_INT(days_from_civil(2024, 2, 29), 19782, "2024-02-29");
	CHECK_INT(days_from_civil(1, 1, 1), -719162, "0001-01-01");
	CHECK_INT(days_from_civil(1600, 2, 29), -135081, "1600-02-29");
	CHECK_INT(days_from_civil(9999, 12, 31), 2932896, "9999-12-31");
	CHECK_INT(days_from_civil(1969, 12, 31), -1, "1969-12-31 is day -1");
	civil_from_days(-1, &y, &m, &d);
	CHECK(y == 1969 && m == 12 && d == 31, "day -1 is 1969-12-31");
	civil_from_days(20375, &y, &m, &d);
	CHECK(y == 2025 && m == 10 && d == 14, "day 20375 is 2025-10-14");
}

static void test_round_trip(void)
{
	int64_t prev = days_from_civil(-1001, 12, 31), bad = 0;

	for (int y = -1000; y <= 4000; y++) {
		for (int m = 1; m <= 12; m++) {
			for (int d = 1; d <= civil_days_in_month(y, m); d++) {
				int64_t n = days_from_civil(y, m, d), yy;
				int mm, dd;

				civil_from_days(n, &yy, &mm, &dd);
				bad += n != prev + 1 || yy != y || mm != m ||
				       dd != d;
				prev = n;
			}
		}
	}
	CHECK_INT(bad, 0, "years -1000..4000 round-trip day by day");
}

static void test_leap(void)
{
	CHECK(civil_is_leap(2024), "2024 is a leap year");
	CHECK(!civil_is_leap(2025), "2025 is not");
	CHECK(!civil_is_leap(1900), "1900 is not (divisible by 100)");
	CHECK(civil_is_leap(2000), "2000 is (divisible by 400)");
	CHECK(civil_is_leap(-4), "-4 is (proleptic)");
	CHECK_INT(civil_days_in_month(2024, 2), 29, "February 2024");
	CHECK_INT(civil_days_in_month(2025, 2), 28, "February 2025");
	CHECK_INT(civil_days_in_month(2025, 4), 30, "April");
	CHECK_INT(civil_days_in_month(2025, 12), 31, "December");
	CHECK_INT(civil_days_in_month(2025, 13), 0, "month 13");
	CHECK_INT(civil_days_in_month(2025, 0), 0, "month 0");
	CHECK(civil_valid(2024, 2, 29), "2024-02-29 valid");
	CHECK(!civil_valid(2025, 2, 29), "2025-02-29 invalid");
	CHECK(!civil_valid(2025, 4, 31), "2025-04-31 invalid");
	CHECK(!civil_valid(2025, 1, 0), "day 0 invalid");
}

static void test_weekdays(void)
{
	int64_t iy;
	int w;

	CHECK_INT(civil_weekday(0), 4, "1970-01-01 was a Thursday");
	CHECK_INT(civil_weekday(days_from_civil(2025, 10, 14)), 2,
		  "2025-10-14 is a Tuesday");
	CHECK_INT(civil_weekday(days_from_civil(2025, 10, 19)), 7,
		  "2025-10-19 is a Sunday");
	CHECK_INT(civil_weekday(days_from_civil(1969, 12, 29)), 1,
		  "1969-12-29 was a Monday (negative days)");
	CHECK_INT(civil_last_weekday(2025, 3, CIVIL_SUNDAY),
		  days_from_civil(2025, 3, 30), "last Sunday of March 2025");
	CHECK_INT(civil_last_weekday(2026, 10, CIVIL_SUNDAY),
		  days_from_civil(2026, 10, 25), "last Sunday of October 2026");
	CHECK_INT(civil_last_weekday(2025, 8, CIVIL_SUNDAY),
		  days_from_civil(2025, 8, 31), "a month ending on Sunday");
	civil_iso_week(days_from_civil(2025, 10, 14), &iy, &w);
	CHECK(iy == 2025 && w == 42, "2025-10-14 is in week 42");
	civil_iso_week(days_from_civil(2021, 1, 3), &iy, &w);
	CHECK(iy == 2020 && w == 53, "2021-01-03 is in 2020-W53");
	civil_iso_week(days_from_civil(2021, 1, 4), &iy, &w);
	CHECK(iy == 2021 && w == 1, "2021-01-04 is in 2021-W01");
	civil_iso_week(days_from_civil(2024, 12, 30), &iy, &w);
	CHECK(iy == 2025 && w == 1, "2024-12-30 is in 2025-W01");
}

static void test_transitions(void)
{
	struct tz_transition t[2];

	brussels_transitions(2025, t);
	CHECK_INT(t[0].utc, utc_at(2025, 3, 30, 1, 0),
		  "2025 summer time starts");
	CHECK(t[0].offset_before == BRUSSELS_CET &&
	      t[0].offset_after == BRUSSELS_CEST, "March: +01:00 to +02:00");
	CHECK_INT(t[1].utc, utc_at(2025, 10, 26, 1, 0),
		  "2025 summer time ends");
	CHECK(t[1].offset_before == BRUSSELS_CEST &&
	      t[1].offset_after == BRUSSELS_CET, "October: +02:00 to +01:00");
	brussels_transitions(2026, t);
	CHECK_INT(t[0].utc, utc_at(2026, 3, 29, 1, 0),
		  "2026 summer time starts");
	CHECK_INT(t[1].utc, utc_at(2026, 10, 25, 1, 0),
		  "2026 summer time ends");
	brussels_transitions(1990, t);
	CHECK_INT(t[0].utc, utc_at(1990, 3, 25, 1, 0),
		  "1990 uses the EU rule too (documented)");
}

static void test_offsets(void)
{
	int64_t s25 = utc_at(2025, 3, 30, 1, 0);
	int64_t e25 = utc_at(2025, 10, 26, 1, 0);
	int64_t s26 = utc_at(2026, 3, 29, 1, 0);
	int64_t e26 = utc_at(2026, 10, 25, 1, 0);
	int off;

	CHECK_INT(brussels_offset_at(s25 - 1), BRUSSELS_CET,
		  "2025-03 just before");
	CHECK_INT(brussels_offset_at(s25), BRUSSELS_CEST,
		  "2025-03 at the change");
	CHECK_INT(brussels_offset_at(e25 - 1), BRUSSELS_CEST,
		  "2025-10 just before");
	CHECK_INT(brussels_offset_at(e25), BRUSSELS_CET,
		  "2025-10 at the change");
	CHECK_INT(brussels_offset_at(s26 - 1), BRUSSELS_CET,
		  "2026-03 just before");
	CHECK_INT(brussels_offset_at(s26), BRUSSELS_CEST,
		  "2026-03 at the change");
	CHECK_INT(brussels_offset_at(e26 - 1), BRUSSELS_CEST,
		  "2026-10 just before");
	CHECK_INT(brussels_offset_at(e26), BRUSSELS_CET,
		  "2026-10 at the change");
	CHECK_INT(brussels_offset_at(utc_at(2025, 1, 1, 0, 0)), BRUSSELS_CET,
		  "New Year is winter time");
	CHECK_INT(brussels_offset_at(utc_at(2025, 7, 1, 12, 0)), BRUSSELS_CEST,
		  "July is summer time");
	CHECK_INT(brussels_from_utc(s25 - 1, &off),
		  local_at(2025, 3, 30, 2, 0) - 1,
		  "01:59:59 local before spring forward");
	CHECK_INT(off, BRUSSELS_CET, "with +01:00");
	CHECK_INT(brussels_from_utc(s25, &off), local_at(2025, 3, 30, 3, 0),
		  "03:00 local at spring forward");
	CHECK_INT(off, BRUSSELS_CEST, "with +02:00");
	CHECK_INT(brussels_from_utc(e25 - 1, NULL),
		  local_at(2025, 10, 26, 3, 0) - 1,
		  "02:59:59 local (first time) before fall back");
	CHECK_INT(brussels_from_utc(e25, &off), local_at(2025, 10, 26, 2, 0),
		  "02:00 local (second time) at fall back");
	CHECK_INT(off, BRUSSELS_CET, "with +01:00");
}

static void expect_local(int y, int m, int d, int hh, int mm,
			 enum tz_local_kind kind, int64_t utc, const char *what)
{
	int64_t got = 0;
	enum tz_local_kind k = brussels_to_utc(local_at(y, m, d, hh, mm), &got);

	CHECK_INT(k, kind, what);
	CHECK_INT(got, utc, what);
}

static void test_local_to_utc(void)
{
	expect_local(2025, 3, 30, 1, 59, TZ_LOCAL_NORMAL,
		     utc_at(2025, 3, 30, 0, 59), "2025-03-30 01:59 is CET");
	expect_local(2025, 3, 30, 2, 0, TZ_LOCAL_GAP,
		     utc_at(2025, 3, 30, 1, 0),
		     "2025-03-30 02:00 is in the gap");
	expect_local(2025, 3, 30, 2, 59, TZ_LOCAL_GAP,
		     utc_at(2025, 3, 30, 1, 59),
		     "2025-03-30 02:59 is in the gap");
	expect_local(2025, 3, 30, 3, 0, TZ_LOCAL_NORMAL,
		     utc_at(2025, 3, 30, 1, 0), "2025-03-30 03:00 is CEST");
	expect_local(2025, 10, 26, 1, 59, TZ_LOCAL_NORMAL,
		     utc_at(2025, 10, 25, 23, 59), "2025-10-26 01:59 is CEST");
	expect_local(2025, 10, 26, 2, 0, TZ_LOCAL_AMBIGUOUS,
		     utc_at(2025, 10, 26, 0, 0),
		     "2025-10-26 02:00 ambiguous, first");
	expect_local(2025, 10, 26, 2, 59, TZ_LOCAL_AMBIGUOUS,
		     utc_at(2025, 10, 26, 0, 59),
		     "2025-10-26 02:59 ambiguous, first");
	expect_local(2025, 10, 26, 3, 0, TZ_LOCAL_NORMAL,
		     utc_at(2025, 10, 26, 2, 0), "2025-10-26 03:00 is CET");
	expect_local(2026, 3, 29, 2, 30, TZ_LOCAL_GAP,
		     utc_at(2026, 3, 29, 1, 30),
		     "2026-03-29 02:30 is in the gap");
	expect_local(2026, 10, 25, 2, 30, TZ_LOCAL_AMBIGUOUS,
		     utc_at(2026, 10, 25, 0, 30), "2026-10-25 02:30 ambiguous");
	expect_local(2025, 10, 14, 12, 0, TZ_LOCAL_NORMAL,
		     utc_at(2025, 10, 14, 10, 0), "2025-10-14 12:00 is 10:00Z");
	expect_local(2025, 12, 31, 23, 30, TZ_LOCAL_NORMAL,
		     utc_at(2025, 12, 31, 22, 30), "New Year's Eve is CET");
	expect_local(2025, 3, 29, 2, 30, TZ_LOCAL_NORMAL,
		     utc_at(2025, 3, 29, 1, 30),
		     "the day before the change is not a gap");
}

/* Runs call, which writes to the buffer b, and compares its text. */
#define CHECK_TEXT(call, want, what)                                        \
	do {                                                                \
		struct buf t_ = BUF_INIT;                                   \
		struct buf *b = &t_;                                        \
		call;                                                       \
		CHECK_STR(t_.ptr, (want), (what));                          \
		buf_free(&t_);                                              \
	} while (0)

static void test_iso_text(void)
{
	int64_t day = days_from_civil(2025, 10, 14);

	CHECK_TEXT(civil_put_date(b, day, CIVIL_ISO_EXTENDED), "2025-10-14",
		   "a day, extended");
	CHECK_TEXT(civil_put_date(b, day, CIVIL_ISO_BASIC), "20251014",
		   "a day, basic (iCalendar)");
	CHECK_TEXT(civil_put_date(b, days_from_civil(987, 3, 5),
				  CIVIL_ISO_EXTENDED), "0987-03-05",
		   "a year below 1000 keeps four digits");
	CHECK_TEXT(civil_put_month(b, 2025, 3), "2025-03",
		   "a month keeps two digits");
	CHECK_TEXT(civil_put_month(b, 987, 10), "0987-10",
		   "a month of a year below 1000");
	CHECK_TEXT(civil_put_year(b, 987), "0987", "a year below 1000");
	CHECK_TEXT(civil_put_date_time(b, utc_at(2025, 10, 14, 9, 5) + 7,
				       CIVIL_ISO_EXTENDED),
		   "2025-10-14T09:05:07", "a date and time, extended");
	CHECK_TEXT(civil_put_date_time(b, utc_at(2025, 10, 14, 9, 5) + 7,
				       CIVIL_ISO_BASIC),
		   "20251014T090507", "a date and time, basic");
	CHECK_TEXT(civil_put_date_time(b, -1, CIVIL_ISO_BASIC),
		   "19691231T235959", "a second before 1970 floors");
	CHECK_TEXT(civil_put_utc(b, utc_at(2025, 3, 30, 1, 0),
				 CIVIL_ISO_EXTENDED),
		   "2025-03-30T01:00:00Z", "an instant in UTC, extended");
	CHECK_TEXT(civil_put_utc(b, utc_at(2025, 3, 30, 1, 0),
				 CIVIL_ISO_BASIC),
		   "20250330T010000Z", "an instant in UTC, basic");
	CHECK_TEXT(civil_put_offset(b, BRUSSELS_CEST, CIVIL_ISO_EXTENDED),
		   "+02:00", "summer offset, extended");
	CHECK_TEXT(civil_put_offset(b, BRUSSELS_CET, CIVIL_ISO_BASIC),
		   "+0100", "winter offset, basic (TZOFFSETTO)");
	CHECK_TEXT(civil_put_offset(b, -(4 * HOUR + 30 * MINUTE),
				    CIVIL_ISO_EXTENDED),
		   "-04:30", "a negative offset with minutes");
	CHECK_TEXT(civil_put_offset(b, 0, CIVIL_ISO_BASIC), "+0000",
		   "offset zero");
}

/* Wall times on both sides of the changes of 2025 (30 March and
 * 26 October) and 2026 (29 March and 25 October), with the offset each
 * instant has in Europe/Brussels. */
static void test_brussels_moments(void)
{
	int64_t mar = civil_last_weekday(2025, 3, CIVIL_SUNDAY);
	int64_t oct = civil_last_weekday(2025, 10, CIVIL_SUNDAY);

	CHECK_INT(mar, days_from_civil(2025, 3, 30), "2025: 30 March");
	CHECK_INT(oct, days_from_civil(2025, 10, 26), "2025: 26 October");
	CHECK_TEXT(brussels_put_moment(b, mar, 1 * 60 + 59, CIVIL_HH_MM),
		   "2025-03-30T01:59+01:00", "the last winter minute");
	CHECK_TEXT(brussels_put_moment(b, mar, 3 * 60, CIVIL_HH_MM),
		   "2025-03-30T03:00+02:00", "the first summer minute");
	CHECK_TEXT(brussels_put_moment(b, mar - 1, 12 * 60, CIVIL_HH_MM_SS),
		   "2025-03-29T12:00:00+01:00", "the day before, with seconds");
	CHECK_TEXT(brussels_put_moment(b, mar + 1, 0, CIVIL_HH_MM_SS),
		   "2025-03-31T00:00:00+02:00", "the midnight after (Atom)");
	CHECK_TEXT(brussels_put_moment(b, mar, 2 * 60 + 30, CIVIL_HH_MM),
		   "2025-03-30T02:30+01:00",
		   "a wall time in the gap keeps the winter offset");
	CHECK_TEXT(brussels_put_moment(b, oct, 1 * 60 + 59, CIVIL_HH_MM),
		   "2025-10-26T01:59+02:00", "before the autumn hour");
	CHECK_TEXT(brussels_put_moment(b, oct, 2 * 60 + 30, CIVIL_HH_MM),
		   "2025-10-26T02:30+02:00",
		   "the autumn hour is its first (summer) occurrence");
	CHECK_TEXT(brussels_put_moment(b, oct, 3 * 60, CIVIL_HH_MM_SS),
		   "2025-10-26T03:00:00+01:00", "after the autumn hour");
	CHECK_TEXT(brussels_put_moment(b, oct - 1, 23 * 60 + 59, CIVIL_HH_MM),
		   "2025-10-25T23:59+02:00", "the evening before, summer");
	CHECK_TEXT(brussels_put_moment(b, days_from_civil(2026, 3, 29),
				       3 * 60 + 15, CIVIL_HH_MM),
		   "2026-03-29T03:15+02:00", "2026: summer from 29 March");
	CHECK_TEXT(brussels_put_moment(b, days_from_civil(2026, 3, 28),
				       3 * 60 + 15, CIVIL_HH_MM),
		   "2026-03-28T03:15+01:00", "2026: winter on 28 March");
	CHECK_TEXT(brussels_put_moment(b, days_from_civil(2026, 10, 25),
				       3 * 60, CIVIL_HH_MM),
		   "2026-10-25T03:00+01:00", "2026: winter from 25 October");
}

int main(void)
{
	test_known_days();
	test_round_trip();
	test_leap();
	test_weekdays();
	test_transitions();
	test_offsets();
	test_local_to_utc();
	test_iso_text();
	test_brussels_moments();
	return check_done();
}
