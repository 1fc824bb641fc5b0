/*
 * test_dutch: nl-BE names and date phrases, compared byte for byte (the
 * en dash is U+2013, written here as its UTF-8 bytes so the expectation
 * cannot be confused with a hyphen).
 */
#include <stdio.h>

#include "buf.h"
#include "check.h"
#include "civil.h"
#include "dutch.h"
#include "fuzzydate.h"

#define ND "\xe2\x80\x93" /* en dash */

static struct fuzzydate parse(const char *text)
{
	struct fuzzydate d;
	struct fd_status st;

	if (!fuzzydate_parse(sl_cstr(text), NULL, &d, &st, NULL))
		printf("# test setup: '%s' does not parse\n", text);
	return d;
}

/* fuzzydate_format_nl of start and optional end, against want. */
static void expect(const char *start, const char *end, const char *want)
{
	struct fuzzydate s = parse(start), e;
	struct buf b = BUF_INIT;
	char what[160];

	if (end)
		e = parse(end);
	fuzzydate_format_nl(&b, &s, end ? &e : NULL);
	snprintf(what, sizeof(what), "%s%s%s", start, end ? " .. " : "",
		 end ? end : "");
	CHECK_STR(b.ptr, want, what);
	buf_free(&b);
}

static void test_names(void)
{
	CHECK_STR(nl_month(1), "januari", "januari");
	CHECK_STR(nl_month(3), "maart", "maart");
	CHECK_STR(nl_month(12), "december", "december");
	CHECK_STR(nl_month_short(3), "mrt", "mrt");
	CHECK_STR(nl_month_short(5), "mei", "mei");
	CHECK_STR(nl_month_short(10), "okt", "okt");
	CHECK_STR(nl_weekday(1), "maandag", "maandag");
	CHECK_STR(nl_weekday(7), "zondag", "zondag");
	CHECK_STR(nl_weekday_short(2), "di", "di");
	CHECK_STR(nl_weekday_short(6), "za", "za");
}

static void test_pieces(void)
{
	struct buf b = BUF_INIT;
	int64_t day = days_from_civil(2025, 10, 14);

	nl_format_day_long(&b, day);
	CHECK_STR(b.ptr, "dinsdag 14 oktober 2025", "long day");
	buf_reset(&b);
	nl_format_day(&b, day);
	CHECK_STR(b.ptr, "14 oktober 2025", "day");
	buf_reset(&b);
	nl_format_day_short(&b, day);
	CHECK_STR(b.ptr, "14 okt", "short day");
	buf_reset(&b);
	nl_format_day_short(&b, days_from_civil(2025, 3, 1));
	CHECK_STR(b.ptr, "1 mrt", "short day, one digit");
	buf_reset(&b);
	nl_format_time(&b, 12 * 60);
	CHECK_STR(b.ptr, "12.00 uur", "time");
	buf_reset(&b);
	nl_format_time(&b, 9 * 60 + 5);
	CHECK_STR(b.ptr, "9.05 uur", "morning time, no leading zero");
	buf_reset(&b);
	nl_format_time_range(&b, 12 * 60, 13 * 60 + 30);
	CHECK_STR(b.ptr, "12.00" ND "13.30 uur", "time range");
	buf_reset(&b);
	nl_format_month(&b, 2025, 3);
	CHECK_STR(b.ptr, "maart 2025", "month");
	buf_free(&b);
}

static void test_single(void)
{
	expect("2025-10-14", NULL, "dinsdag 14 oktober 2025");
	expect("14/10/2025", NULL, "dinsdag 14 oktober 2025");
	expect("2025-10-14T12:00", NULL, "dinsdag 14 oktober 2025, 12.00 uur");
	expect("2025-03", NULL, "maart 2025");
	expect("2025-Q2", NULL, "2e kwartaal 2025");
	expect("2025-Q1", NULL, "1e kwartaal 2025");
	expect("2026-H1", NULL, "1e helft 2026");
	expect("2026-H2", NULL, "2e helft 2026");
	expect("2025-najaar", NULL, "najaar 2025");
	expect("2025-voorjaar", NULL, "voorjaar 2025");
	expect("2026", NULL, "2026");
	expect("tbd", NULL, "datum volgt");
	expect("tbd", "2025-03", "datum volgt");
	expect("2025-03", "tbd", "maart 2025");
}

static void test_site_season(void)
{
	static const struct fd_season list[] = { { { "zomer", 5 }, 6, 8 } };
	struct fd_seasons t = { list, 1 };
	struct fuzzydate d;
	struct fd_status st;
	struct buf b = BUF_INIT;

	CHECK(fuzzydate_parse(SL("2025-zomer"), &t, &d, &st, NULL),
	      "site season parses");
	fuzzydate_format_nl(&b, &d, NULL);
	CHECK_STR(b.ptr, "zomer 2025", "a site's own season name");
	buf_free(&b);
}

static void test_ranges(void)
{
	expect("2025-03/2025-04", NULL, "maart" ND "april 2025");
	expect("2025-03/2026-06", NULL, "maart 2025 " ND " juni 2026");
	expect("2025-10-14/2025-10-16", NULL, "14" ND "16 oktober 2025");
	expect("2025-09-30/2025-10-02", NULL,
	       "30 september " ND " 2 oktober 2025");
	expect("2025-12-30/2026-01-02", NULL,
	       "30 december 2025 " ND " 2 januari 2026");
	expect("2025-10-14T12:00/2025-10-14T13:30", NULL,
	       "dinsdag 14 oktober 2025, 12.00" ND "13.30 uur");
	expect("2025-10-14T12:00/2025-10-15T13:30", NULL,
	       "14 oktober 2025, 12.00 uur " ND " 15 oktober 2025, 13.30 uur");
	expect("2025-Q1/2025-Q2", NULL, "1e" ND "2e kwartaal 2025");
	expect("2025-Q4/2026-Q1", NULL,
	       "4e kwartaal 2025 " ND " 1e kwartaal 2026");
	expect("2025-voorjaar/2025-najaar", NULL, "voorjaar" ND "najaar 2025");
	expect("2025/2026", NULL, "2025" ND "2026");
	expect("2025-03/2025-Q3", NULL, "maart 2025 " ND " 3e kwartaal 2025");
	expect("2025-03-15/2025-04", NULL, "15 maart 2025 " ND " april 2025");
	expect("2025-03/2025-03", NULL, "maart 2025");
	expect("2025-10-14/2025-10-14", NULL, "dinsdag 14 oktober 2025");
}

static void test_with_end(void)
{
	expect("2025-04-24", "2025-04-25", "24" ND "25 april 2025");
	expect("2025-04-24", "2025-04-24", "donderdag 24 april 2025");
	expect("2025-10-14T12:00", "2025-10-14T13:30",
	       "dinsdag 14 oktober 2025, 12.00" ND "13.30 uur");
	expect("2025-03", "2025-04", "maart" ND "april 2025");
	expect("2025-03", "2026-06", "maart 2025 " ND " juni 2026");
	expect("2025-09-30", "2025-10-02",
	       "30 september " ND " 2 oktober 2025");
	expect("2025-10-14T12:00", "2025-10-14",
	       "dinsdag 14 oktober 2025, 12.00 uur");
	expect("2025-10-14T12:00", "2025-10-16",
	       "14 oktober 2025, 12.00 uur " ND " 16 oktober 2025");
}

int main(void)
{
	test_names();
	test_pieces();
	test_single();
	test_site_season();
	test_ranges();
	test_with_end();
	return check_done();
}
