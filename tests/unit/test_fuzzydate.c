/*
 * test_fuzzydate: every form of the content contract's date table, the
 * Belgian day-first form, the errors (with their byte offsets and
 * messages), the DST edges of 2025 and 2026, the sort order, and each
 * precision written back as ISO 8601.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "check.h"
#include "civil.h"
#include "fuzzydate.h"

static int64_t day_of(int y, int m, int d)
{
	return days_from_civil(y, m, d);
}

static int64_t utc_at(int y, int m, int d, int hh, int mm)
{
	return day_of(y, m, d) * CIVIL_SECONDS_PER_DAY + hh * 3600 + mm * 60;
}

/* The test's name for a value, control characters shown as '?'. */
static void name_value(char *what, size_t n, const char *fmt,
		       const char *text)
{
	snprintf(what, n, fmt, text);
	for (char *p = what; *p; p++)
		if ((unsigned char)*p < ' ')
			*p = '?';
}

/* Parses text that must be valid, with the default seasons. */
static struct fuzzydate ok_with(const char *text, const struct fd_seasons *s)
{
	struct fuzzydate d;
	struct fd_status st;
	struct buf msg = BUF_INIT;
	char what[128];

	name_value(what, sizeof(what), "'%s' parses", text);
	if (!CHECK(fuzzydate_parse(sl_cstr(text), s, &d, &st, &msg), what))
		printf("#   %s\n", msg.ptr);
	buf_free(&msg);
	return d;
}

static struct fuzzydate ok(const char *text)
{
	return ok_with(text, NULL);
}

static void err_with(const char *text, const struct fd_seasons *s,
		     enum fd_error err, size_t offset, const char *message)
{
	struct fuzzydate d;
	struct fd_status st;
	struct buf msg = BUF_INIT;
	char what[160];
	bool parsed = fuzzydate_parse(sl_cstr(text), s, &d, &st, &msg);

	name_value(what, sizeof(what), "'%s' is rejected", text);
	CHECK(!parsed && d.prec == FD_MOMENT && d.first_day == 0, what);
	name_value(what, sizeof(what), "'%s': error code", text);
	CHECK_INT(st.err, err, what);
	name_value(what, sizeof(what), "'%s': error offset", text);
	CHECK_INT(st.offset, offset, what);
	if (message) {
		name_value(what, sizeof(what), "'%s': message", text);
		CHECK_STR(msg.ptr, message, what);
	} else if (parsed || msg.len == 0) {
		name_value(what, sizeof(what), "'%s': has a message", text);
		CHECK(0, what);
	}
	buf_free(&msg);
}

static void err(const char *text, enum fd_error e, size_t offset,
		const char *message)
{
	err_with(text, NULL, e, offset, message);
}

/* ---- the forms ------------------------------------------------------- */

static void test_moment(void)
{
	struct fuzzydate d = ok("2025-10-14T12:00");

	CHECK_INT(d.prec, FD_MOMENT, "moment: precision");
	CHECK(d.from.year == 2025 && d.from.month == 10 && d.from.day == 14 &&
	      d.from.hour == 12 && d.from.minute == 0, "moment: parts");
	CHECK_INT(d.first_day, day_of(2025, 10, 14), "moment: first day");
	CHECK_INT(d.last_day, day_of(2025, 10, 14), "moment: last day");
	CHECK_INT(d.first_minute, 720, "moment: minute of day");
	CHECK_INT(d.last_minute, 720, "moment: last minute");
	CHECK_INT(d.from.utc, utc_at(2025, 10, 14, 10, 0),
		  "moment: CEST to UTC");
	d = ok("2025-01-15T12:00");
	CHECK_INT(d.from.utc, utc_at(2025, 1, 15, 11, 0), "moment: CET to UTC");
	d = ok("2025-01-01T00:00");
	CHECK_INT(d.from.utc, utc_at(2024, 12, 31, 23, 0),
		  "midnight of New Year");
	d = ok("2025-10-14T23:59");
	CHECK_INT(d.first_minute, 1439, "23:59 is the last minute");
}

static void test_day_month(void)
{
	struct fuzzydate d = ok("2025-10-14");

	CHECK_INT(d.prec, FD_DAY, "day: precision");
	CHECK_INT(d.first_day, day_of(2025, 10, 14), "day: first day");
	CHECK_INT(d.last_day, day_of(2025, 10, 14), "day: last day");
	CHECK(d.first_minute == 0 && d.last_minute == 1439, "day: all day");
	CHECK(!d.from.day_first, "day: year-first");
	d = ok("2024-02-29");
	CHECK_INT(d.first_day, day_of(2024, 2, 29), "leap day 2024");
	d = ok("2025-03");
	CHECK_INT(d.prec, FD_MONTH, "month: precision");
	CHECK(d.from.year == 2025 && d.from.month == 3 && d.from.day == 0,
	      "month: parts");
	CHECK_INT(d.first_day, day_of(2025, 3, 1), "month: first day");
	CHECK_INT(d.last_day, day_of(2025, 3, 31), "month: last day");
	d = ok("2024-02");
	CHECK_INT(d.last_day, day_of(2024, 2, 29), "February 2024 ends on 29");
}

static void test_coarse(void)
{
	struct fuzzydate d = ok("2025-Q2");

	CHECK(d.prec == FD_QUARTER && d.from.part == 2, "quarter");
	CHECK_INT(d.first_day, day_of(2025, 4, 1), "Q2 starts 1 April");
	CHECK_INT(d.last_day, day_of(2025, 6, 30), "Q2 ends 30 June");
	d = ok("2025-Q4");
	CHECK_INT(d.last_day, day_of(2025, 12, 31), "Q4 ends 31 December");
	d = ok("2026-H2");
	CHECK(d.prec == FD_HALF && d.from.part == 2, "half");
	CHECK_INT(d.first_day, day_of(2026, 7, 1), "H2 starts 1 July");
	CHECK_INT(d.last_day, day_of(2026, 12, 31), "H2 ends 31 December");
	d = ok("2026-H1");
	CHECK_INT(d.last_day, day_of(2026, 6, 30), "H1 ends 30 June");
	d = ok("2025-najaar");
	CHECK(d.prec == FD_SEASON && d.from.part == 1, "najaar");
	CHECK(sl_eq_cstr(d.from.season, "najaar"), "najaar: name");
	CHECK_INT(d.first_day, day_of(2025, 7, 1), "najaar starts in July");
	CHECK_INT(d.last_day, day_of(2025, 12, 31), "najaar ends in December");
	d = ok("2025-voorjaar");
	CHECK_INT(d.first_day, day_of(2025, 1, 1),
		  "voorjaar starts in January");
	CHECK_INT(d.last_day, day_of(2025, 6, 30), "voorjaar ends in June");
	d = ok("2026");
	CHECK(d.prec == FD_YEAR && d.from.year == 2026, "year");
	CHECK_INT(d.first_day, day_of(2026, 1, 1), "year: first day");
	CHECK_INT(d.last_day, day_of(2026, 12, 31), "year: last day");
	d = ok("tbd");
	CHECK_INT(d.prec, FD_TBD, "tbd");
	CHECK_INT(d.first_day, INT64_MAX, "tbd: no day");
}

static void test_site_seasons(void)
{
	static const struct fd_season list[] = {
		{ { "lente", 5 }, 3, 5 },
		{ { "zomer", 5 }, 6, 8 },
		{ { "herfst", 6 }, 9, 11 },
	};
	struct fd_seasons t = { list, 3 };
	struct fd_seasons two = { list, 2 };
	struct fuzzydate d = ok_with("2025-zomer", &t);

	CHECK(d.prec == FD_SEASON && d.from.part == 1, "site season zomer");
	CHECK_INT(d.first_day, day_of(2025, 6, 1), "zomer starts in June");
	CHECK_INT(d.last_day, day_of(2025, 8, 31), "zomer ends in August");
	err_with("2025-najaar", &t, FDE_SEASON, 5,
		 "unknown season 'najaar': use lente, zomer or herfst");
	err_with("2025-herfst", &two, FDE_SEASON, 5,
		 "unknown season 'herfst': use lente or zomer");
	err_with("2025-lente", &(struct fd_seasons){ NULL, 0 }, FDE_SEASON, 5,
		 "unknown season 'lente': this site defines no seasons");
}

static void test_ranges(void)
{
	struct fuzzydate d = ok("2025-03/2025-04");

	CHECK_INT(d.prec, FD_RANGE, "range");
	CHECK(d.from.prec == FD_MONTH && d.to.prec == FD_MONTH,
	      "range: endpoint precisions");
	CHECK_INT(d.first_day, day_of(2025, 3, 1), "range: first day");
	CHECK_INT(d.last_day, day_of(2025, 4, 30), "range: last day");
	d = ok("2025-10-14T12:00/2025-10-14T13:30");
	CHECK(d.from.prec == FD_MOMENT && d.to.prec == FD_MOMENT,
	      "range of moments");
	CHECK(d.first_minute == 720 && d.last_minute == 810,
	      "range of moments: minutes");
	CHECK_INT(d.to.utc, utc_at(2025, 10, 14, 11, 30), "range end: UTC");
	d = ok("2025-Q2/2026-H1");
	CHECK(d.from.prec == FD_QUARTER && d.to.prec == FD_HALF,
	      "mixed precisions");
	d = ok("2025-03 / 2025-04");
	CHECK_INT(d.prec, FD_RANGE, "blanks around '/' are allowed");
	d = ok("2025-03-15/2025-03");
	CHECK_INT(d.last_day, day_of(2025, 3, 31), "end containing the start");
	d = ok("2025-03/2025-03");
	CHECK_INT(d.prec, FD_RANGE, "a range of one month is allowed");
	d = ok("2025-10-14T12:00/2025-10-14T12:00");
	CHECK_INT(d.prec, FD_RANGE, "a range of one minute is allowed");
	d = ok("2025-12-30/2026-01-02");
	CHECK_INT(d.last_day, day_of(2026, 1, 2), "range over New Year");
}

static void test_blanks(void)
{
	struct fuzzydate d = ok("  2025-10-14 \n");

	CHECK_INT(d.first_day, day_of(2025, 10, 14), "surrounding blanks");
	d = ok("\ttbd ");
	CHECK_INT(d.prec, FD_TBD, "tbd with blanks");
	err("  2025-02-31", FDE_DAY, 10,
	    "2025-02-31 is not a day: February 2025 has 28 days");
	err("", FDE_EMPTY, 0,
	    "empty date: write a date such as 2025-10-14, or tbd");
	err("   ", FDE_EMPTY, 0, NULL);
}

static void test_belgian(void)
{
	struct fuzzydate d = ok("14/10/2025");

	CHECK(d.prec == FD_DAY && d.from.day_first, "Belgian date");
	CHECK_INT(d.first_day, day_of(2025, 10, 14), "14/10/2025");
	d = ok("1/3/2026");
	CHECK_INT(d.first_day, day_of(2026, 3, 1), "1/3/2026");
	d = ok("01/03/2026");
	CHECK_INT(d.first_day, day_of(2026, 3, 1), "01/03/2026");
	d = ok(" 29/2/2024 ");
	CHECK_INT(d.first_day, day_of(2024, 2, 29), "29/2/2024");
	err("31/02/2025", FDE_DAY, 0,
	    "31/02/2025 is not a day: February 2025 has 28 days");
	err("29/2/2025", FDE_DAY, 0,
	    "29/2/2025 is not a day: February 2025 has 28 days");
	err("14/13/2025", FDE_MONTH, 3,
	    "month 13 does not exist: months are 01..12");
	err("14/10/25", FDE_TWO_DIGIT_YEAR, 6,
	    "two-digit year '25': write the year in full");
	err("2025/10/14", FDE_SYNTAX, 0,
	    "write a year-first date with dashes, as in 2025-10-14");
	err("14/10/02025", FDE_SYNTAX, 0, NULL);
	err("14-10-2025", FDE_SYNTAX, 0,
	    "write a day-first date with slashes (14/10/2025) or year first "
	    "(2025-10-14)");
	err("1-3-2026", FDE_SYNTAX, 0, NULL);
	err("14.10.2025", FDE_YEAR, 0, NULL);
	err("14/10", FDE_SYNTAX, 0,
	    "'14/10' has no year: write D/M/YYYY or YYYY-MM-DD");
	err("14/10/2025/16/10/2025", FDE_RANGE_FORM, 5, NULL);
}

/* ---- errors ---------------------------------------------------------- */

static void test_bad_days(void)
{
	err("2025-02-31", FDE_DAY, 8,
	    "2025-02-31 is not a day: February 2025 has 28 days");
	err("2025-02-29", FDE_DAY, 8,
	    "2025-02-29 is not a day: February 2025 has 28 days");
	err("2025-04-31", FDE_DAY, 8,
	    "2025-04-31 is not a day: April 2025 has 30 days");
	err("2025-04-00", FDE_DAY, 8, NULL);
	err("2025-13-01", FDE_MONTH, 5,
	    "month 13 does not exist: months are 01..12");
	err("2025-00", FDE_MONTH, 5, NULL);
	err("2025-10-14T24:00", FDE_TIME, 11,
	    "hour 24 does not exist: use 00..23 (midnight is 00:00 of the "
	    "next day)");
	err("2025-10-14T12:60", FDE_TIME, 14,
	    "minute 60 does not exist: use 00..59");
	err("2025-02-31T10:00", FDE_DAY, 8,
	    "2025-02-31 is not a day: February 2025 has 28 days");
}

static void test_bad_years(void)
{
	err("25-10-14", FDE_TWO_DIGIT_YEAR, 0,
	    "two-digit year '25': write the year in full");
	err("25", FDE_TWO_DIGIT_YEAR, 0, NULL);
	err("25-10", FDE_TWO_DIGIT_YEAR, 0, NULL);
	err("202", FDE_YEAR, 0, "year '202' must have four digits");
	err("20255", FDE_YEAR, 0, NULL);
	err("0999", FDE_YEAR, 0, "year 0999 is out of range: use 1000..9999");
	err("2025-03/25-04", FDE_TWO_DIGIT_YEAR, 8, NULL);
}

static void test_garbage(void)
{
	err("2025-1-5", FDE_SYNTAX, 5,
	    "month '1' must have two digits: write 01");
	err("2025-10-5", FDE_SYNTAX, 8,
	    "day '5' must have two digits: write 05");
	err("2025-10-14T9:00", FDE_SYNTAX, 11,
	    "hour '9' must have two digits: write 09");
	err("2025-10-14T09:5", FDE_SYNTAX, 14, NULL);
	err("2025-10-14T0900", FDE_SYNTAX, 11,
	    "expected the hour as two digits here");
	err("2025-10-14 12:00", FDE_SYNTAX, 10,
	    "write an upper-case T between day and time, as in "
	    "2025-10-14T12:00");
	err("2025-10-14t12:00", FDE_SYNTAX, 10, NULL);
	err("2025-10-14T12:00:00", FDE_SYNTAX, 16,
	    "seconds are not supported: write HH:MM");
	err("2025-10-14T12:00Z", FDE_SYNTAX, 16,
	    "leave out the time zone: times are local Europe/Brussels time");
	err("2025-10-14T12:00+02:00", FDE_SYNTAX, 16, NULL);
	err("2025-10-14x", FDE_SYNTAX, 10, NULL);
	err("2025-", FDE_SYNTAX, 0, NULL);
	err("2025x", FDE_SYNTAX, 0, NULL);
	err("+2025", FDE_SYNTAX, 0, NULL);
	err("hello", FDE_SYNTAX, 0,
	    "'hello' is not a date: use YYYY-MM-DD, YYYY-MM-DDTHH:MM, YYYY-MM, "
	    "YYYY-Qn, YYYY-Hn, YYYY-season, YYYY, a range A/B, or tbd");
	err("TBD", FDE_SYNTAX, 0, "write tbd in lower case");
	err("2025-q2", FDE_QUARTER, 5,
	    "write a quarter with an upper-case Q, as in 2025-Q2");
	err("2026-h1", FDE_HALF, 5,
	    "write a half-year with an upper-case H, as in 2026-H1");
	err("2025-Q5", FDE_QUARTER, 5,
	    "quarter 'Q5' does not exist: use Q1..Q4");
	err("2025-Q0", FDE_QUARTER, 5, NULL);
	err("2025-Q12", FDE_QUARTER, 5, NULL);
	err("2025-H3", FDE_HALF, 5,
	    "half-year 'H3' does not exist: use H1..H2");
	err("2025-Q", FDE_SYNTAX, 0, NULL);
	err("2025-Q2x", FDE_SYNTAX, 0, NULL);
	err("2025-zomer", FDE_SEASON, 5,
	    "unknown season 'zomer': use voorjaar or najaar");
	err("2025-Najaar", FDE_SEASON, 5, NULL);
	err("2025--10", FDE_SYNTAX, 0, NULL);
	err("5/5/2025x", FDE_SYNTAX, 0,
	    "'5/5/2025x' is not a date: write a day-first date as D/M/YYYY, "
	    "as in 14/10/2025");
	err("1/1/2x", FDE_SYNTAX, 0, NULL);
}

static void test_range_errors(void)
{
	err("2025-06/2025-03", FDE_RANGE_ORDER, 8,
	    "range ends before it starts");
	err("2025-10-14T13:00/2025-10-14T12:00", FDE_RANGE_ORDER, 17,
	    "range ends before it starts");
	err("2026/2025", FDE_RANGE_ORDER, 5, NULL);
	err("2025-03/2025-04/2025-05", FDE_RANGE_FORM, 15,
	    "more than one '/': a range is A/B with year-first dates, as in "
	    "2025-10-14/2025-10-16");
	err("tbd/2025", FDE_RANGE_FORM, 0,
	    "tbd cannot be part of a range: write tbd alone");
	err("2025/tbd", FDE_RANGE_FORM, 5, NULL);
	err("2025/", FDE_RANGE_FORM, 4, "a range needs a date after '/'");
	err("/2025", FDE_RANGE_FORM, 0, "a range needs a date before '/'");
	err("2025-10-14/16", FDE_RANGE_FORM, 11,
	    "'16' is not a date: write both ends of a range in full, as in "
	    "2025-10-14/2025-10-16");
	err("2025-03/2025-zomer", FDE_SEASON, 13, NULL);
	err("2025-03-30T01:00/2025-03-30T02:30", FDE_GAP, 28, NULL);
}

/* ---- summer time ----------------------------------------------------- */

static int count_status(int y, int m, int d, int hh, enum fd_error want,
			bool ambiguous)
{
	int bad = 0;

	for (int mm = 0; mm < 60; mm++) {
		char text[32];
		struct fuzzydate fd;
		struct fd_status st;

		snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d", y, m,
			 d, hh, mm);
		fuzzydate_parse(sl_cstr(text), NULL, &fd, &st, NULL);
		bad += st.err != want || st.ambiguous != ambiguous ||
		       (ambiguous && (st.warn_offset != 11 || !fd.ambiguous));
	}
	return bad;
}

static void test_dst(void)
{
	struct fuzzydate d;
	struct fd_status st;

	CHECK_INT(count_status(2025, 3, 30, 2, FDE_GAP, false), 0,
		  "2025-03-30T02:00..02:59 are all gap errors");
	CHECK_INT(count_status(2026, 3, 29, 2, FDE_GAP, false), 0,
		  "2026-03-29T02:00..02:59 are all gap errors");
	CHECK_INT(count_status(2025, 10, 26, 2, FDE_OK, true), 0,
		  "2025-10-26T02:00..02:59 are all ambiguous");
	CHECK_INT(count_status(2026, 10, 25, 2, FDE_OK, true), 0,
		  "2026-10-25T02:00..02:59 are all ambiguous");
	CHECK_INT(count_status(2025, 3, 30, 1, FDE_OK, false), 0,
		  "2025-03-30T01:xx are fine");
	CHECK_INT(count_status(2025, 3, 30, 3, FDE_OK, false), 0,
		  "2025-03-30T03:xx are fine");
	CHECK_INT(count_status(2025, 10, 26, 1, FDE_OK, false), 0,
		  "2025-10-26T01:xx are not ambiguous");
	CHECK_INT(count_status(2025, 10, 26, 3, FDE_OK, false), 0,
		  "2025-10-26T03:xx are not ambiguous");
	err("2025-03-30T02:30", FDE_GAP, 11,
	    "2025-03-30T02:30 does not exist in Europe/Brussels: clocks skip "
	    "from 02:00 to 03:00 that night");
	d = ok("2025-03-30T01:59");
	CHECK_INT(d.from.utc, utc_at(2025, 3, 30, 0, 59),
		  "01:59 before the gap");
	d = ok("2025-03-30T03:00");
	CHECK_INT(d.from.utc, utc_at(2025, 3, 30, 1, 0), "03:00 after the gap");
	CHECK(fuzzydate_parse(SL("2025-10-26T02:30"), NULL, &d, &st, NULL),
	      "ambiguous 02:30 parses");
	CHECK(st.ambiguous && d.ambiguous && d.from.ambiguous,
	      "ambiguous 02:30 is flagged");
	CHECK_INT(d.from.utc, utc_at(2025, 10, 26, 0, 30),
		  "ambiguous 02:30 is the first (CEST) one");
	CHECK(fuzzydate_parse(SL("2025-10-26T01:00/2025-10-26T02:30"), NULL,
			      &d, &st, NULL),
			      "range with ambiguous end parses");
	CHECK(st.ambiguous && d.ambiguous && d.to.ambiguous &&
	      !d.from.ambiguous,
	      "the range's end is flagged");
	CHECK_INT(st.warn_offset, 28,
		  "warning offset points at the end's time");
	CHECK(fuzzydate_parse(SL("2025-10-26"), NULL, &d, &st, NULL) &&
	      !st.ambiguous && !d.ambiguous, "the day itself is not ambiguous");
}

/* ---- ordering and questions ------------------------------------------ */

static int cmp_text(const char *a, const char *b)
{
	struct fuzzydate x = ok(a), y = ok(b);

	return fuzzydate_cmp(&x, &y);
}

static int qsort_cmp(const void *a, const void *b)
{
	return fuzzydate_cmp(a, b);
}

static void test_sorting(void)
{
	static const char *const want[] = {
		"2025-01", "2025-Q1", "2025-H1", "2025-voorjaar", "2025",
		"2025-03-01T00:00", "2025-03-01", "2025-03-01/2025-03-03",
		"2025-03", "2025-03/2025-04", "2025-03/2025-05",
		"2025-03-01T09:00", "2025-10-14", "2026", "tbd",
	};
	enum { N = sizeof(want) / sizeof(want[0]) };
	static const int shuffle[N] = { 14, 7, 3, 12, 0, 9, 5, 1, 11, 4, 13,
					8, 2, 10, 6 };
	struct fuzzydate v[N], w[N];
	bool same = true;

	CHECK(cmp_text("2025-03-01", "2025-03") < 0,
	      "2025-03-01 (day) before 2025-03 (month)");
	CHECK(cmp_text("2025-Q1", "2025-01") > 0, "2025-Q1 after 2025-01");
	CHECK(cmp_text("tbd", "2099") > 0, "tbd after any date");
	CHECK(cmp_text("2099", "tbd") < 0, "any date before tbd");
	CHECK(cmp_text("tbd", "tbd") == 0, "tbd equals tbd");
	CHECK(cmp_text("2025-03", "2025-03") == 0, "equal dates: ids decide");
	CHECK(cmp_text("14/10/2025", "2025-10-14") == 0,
	      "Belgian and ISO days are equal");
	CHECK(cmp_text("2025-02-28", "2025-03") < 0, "earlier day first");
	for (int i = 0; i < N; i++)
		v[i] = ok(want[shuffle[i]]);
	qsort(v, N, sizeof(v[0]), qsort_cmp);
	for (int i = 0; i < N; i++) {
		w[i] = ok(want[i]);
		same = same && fuzzydate_cmp(&v[i], &w[i]) == 0;
	}
	CHECK(same, "a shuffled list sorts into the documented order");
}

static bool end_ok_text(const char *start, const char *end)
{
	struct fuzzydate s = ok(start), e = ok(end);

	return fuzzydate_end_ok(&s, &e);
}

static void test_end_ok(void)
{
	CHECK(end_ok_text("2025-10-14T12:00", "2025-10-14T13:30"), "end later");
	CHECK(!end_ok_text("2025-10-14T12:00", "2025-10-14T11:00"),
	      "end earlier the same day");
	CHECK(end_ok_text("2025-10-14T12:00", "2025-10-14T12:00"), "end equal");
	CHECK(end_ok_text("2025-10-14T12:00", "2025-10-14"),
	      "a day end lasts the whole day");
	CHECK(end_ok_text("2025-04-24", "2025-04-25"), "two-day event");
	CHECK(end_ok_text("2025-04-24", "2025-04-24"), "one-day event");
	CHECK(!end_ok_text("2025-04-24", "2025-04-23"), "end the day before");
	CHECK(end_ok_text("2025-03", "2025-03-15"), "end inside a month start");
	CHECK(!end_ok_text("2025-03", "2025-02"), "end month before");
	CHECK(end_ok_text("2025-03", "tbd"), "tbd end");
	CHECK(end_ok_text("tbd", "2025-03"), "tbd start");
}

static bool past_text(const char *start, const char *end, int64_t today)
{
	struct fuzzydate s = ok(start), e;

	if (end == NULL)
		return fuzzydate_is_past(&s, NULL, today);
	e = ok(end);
	return fuzzydate_is_past(&s, &e, today);
}

static void test_questions(void)
{
	int64_t today = day_of(2025, 10, 15);
	struct fuzzydate d;

	CHECK(past_text("2025-10-14", NULL, today), "yesterday is past");
	CHECK(!past_text("2025-10-15", NULL, today), "today is not past");
	CHECK(!past_text("2025-10-15T08:00", NULL, today),
	      "this morning is not past (day granularity)");
	CHECK(!past_text("2025-10", NULL, today), "this month is not past");
	CHECK(past_text("2025-09", NULL, today), "last month is past");
	CHECK(!past_text("2025-Q3/2025-Q4", NULL, today), "a running range");
	CHECK(!past_text("2025-10-10", "2025-10-20", today), "a running event");
	CHECK(past_text("2025-10-10", "2025-10-14", today), "an ended event");
	CHECK(!past_text("tbd", NULL, today), "tbd is never past");
	CHECK(past_text("2025-10-10", "tbd", today),
	      "tbd end: the start counts");
	d = ok("2025-10-14");
	CHECK(fuzzydate_is_day_precise(&d) && !fuzzydate_is_time_precise(&d),
	      "a day is day-precise only");
	d = ok("2025-10-14T12:00");
	CHECK(fuzzydate_is_day_precise(&d) && fuzzydate_is_time_precise(&d),
	      "a moment is both");
	d = ok("2025-10");
	CHECK(!fuzzydate_is_day_precise(&d) && !fuzzydate_is_time_precise(&d),
	      "a month is neither");
	d = ok("2025-10-14/2025-10-16");
	CHECK(fuzzydate_is_day_precise(&d), "a range of days is day-precise");
	d = ok("2025-10-14T12:00/2025-10-14T13:00");
	CHECK(fuzzydate_is_time_precise(&d),
	      "a range of moments is time-precise");
	d = ok("2025-10-14/2025-10-16T12:00");
	CHECK(fuzzydate_is_day_precise(&d) && !fuzzydate_is_time_precise(&d),
	      "a day-to-moment range is day-precise only");
	d = ok("2025-10-14/2025-11");
	CHECK(!fuzzydate_is_day_precise(&d), "a day-to-month range is not");
	d = ok("tbd");
	CHECK(!fuzzydate_is_day_precise(&d), "tbd is not");
	CHECK_STR(fuzzydate_precision_name(FD_MONTH), "a month",
		  "precision name");
	CHECK_STR(fuzzydate_precision_name(FD_TBD), "tbd", "tbd name");
}

/* fuzzydate_put_iso of the start of a valid value ("" when it writes
 * nothing, which must then also say false). */
static void iso_is(const char *text, enum civil_clock clock,
		   const char *want)
{
	struct fuzzydate d = ok(text);
	struct buf b = BUF_INIT;
	bool wrote = fuzzydate_put_iso(&b, &d.from, clock);
	char what[128];

	name_value(what, sizeof(what), "'%s' in ISO 8601", text);
	CHECK_STR(b.ptr, want, what);
	name_value(what, sizeof(what), "'%s': written or not, as it says",
		   text);
	CHECK(wrote == (want[0] != '\0'), what);
	buf_free(&b);
}

static void test_iso(void)
{
	iso_is("2025-10-14T12:00", CIVIL_HH_MM, "2025-10-14T12:00+02:00");
	iso_is("2025-10-14T12:00", CIVIL_HH_MM_SS,
	       "2025-10-14T12:00:00+02:00");
	iso_is("2025-03-30T01:30", CIVIL_HH_MM, "2025-03-30T01:30+01:00");
	iso_is("2025-03-30T03:30", CIVIL_HH_MM, "2025-03-30T03:30+02:00");
	iso_is("2025-10-26T02:30", CIVIL_HH_MM, "2025-10-26T02:30+02:00");
	iso_is("2025-10-26T03:30", CIVIL_HH_MM, "2025-10-26T03:30+01:00");
	iso_is("14/10/2025", CIVIL_HH_MM, "2025-10-14");
	iso_is("2025-03", CIVIL_HH_MM, "2025-03");
	iso_is("2026", CIVIL_HH_MM_SS, "2026");
	iso_is("2025-Q2", CIVIL_HH_MM, "");
	iso_is("2026-H1", CIVIL_HH_MM, "");
	iso_is("2025-najaar", CIVIL_HH_MM, "");
	iso_is("2025-10-14/2025-10-16", CIVIL_HH_MM, "2025-10-14");
}

int main(void)
{
	test_moment();
	test_day_month();
	test_coarse();
	test_site_seasons();
	test_ranges();
	test_blanks();
	test_belgian();
	test_bad_days();
	test_bad_years();
	test_garbage();
	test_range_errors();
	test_dst();
	test_sorting();
	test_end_ok();
	test_questions();
	test_iso();
	return check_done();
}
