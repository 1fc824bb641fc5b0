/*
 * dutch: Belgian Dutch names and the way dates read on a zone's site.
 * The house style is described in dutch.h.
 *
 * fuzzydate_format_nl reduces an item to two points (from, and an
 * optional to), then writes the shortest phrase that keeps everything the
 * writer gave and adds nothing: equal parts are written once, and an
 * unusual pair of precisions falls back to both points in full.
 */
#include "dutch.h"

#include "civil.h"
#include "xalloc.h"

#define EN_DASH "\xe2\x80\x93" /* U+2013, UTF-8 */

static const char *const month_names[12] = {
	"januari", "februari", "maart", "april", "mei", "juni",
	"juli", "augustus", "september", "oktober", "november", "december",
};

static const char *const month_short[12] = {
	"jan", "feb", "mrt", "apr", "mei", "jun",
	"jul", "aug", "sep", "okt", "nov", "dec",
};

static const char *const weekday_names[7] = {
	"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
	"zaterdag", "zondag",
};

static const char *const weekday_short[7] = {
	"ma", "di", "wo", "do", "vr", "za", "zo",
};

static int check_index(int v, int max, const char *what)
{
	if (v < 1 || v > max)
		die("%s %d out of range 1..%d", what, v, max);
	return v - 1;
}

const char *nl_month(int month)
{
	return month_names[check_index(month, 12, "month")];
}

const char *nl_month_short(int month)
{
	return month_short[check_index(month, 12, "month")];
}

const char *nl_weekday(int weekday)
{
	return weekday_names[check_index(weekday, 7, "weekday")];
}

const char *nl_weekday_short(int weekday)
{
	return weekday_short[check_index(weekday, 7, "weekday")];
}

/* ---- days, times, months -------------------------------------------- */

void nl_format_day(struct buf *b, int64_t day)
{
	int64_t y;
	int m, d;

	civil_from_days(day, &y, &m, &d);
	buf_printf(b, "%d %s %lld", d, nl_month(m), (long long)y);
}

void nl_format_day_long(struct buf *b, int64_t day)
{
	buf_puts(b, nl_weekday(civil_weekday(day)));
	buf_putc(b, ' ');
	nl_format_day(b, day);
}

void nl_format_day_short(struct buf *b, int64_t day)
{
	int m, d;

	civil_from_days(day, NULL, &m, &d);
	buf_printf(b, "%d %s", d, nl_month_short(m));
}

static void put_clock(struct buf *b, int minute)
{
	if (minute < 0 || minute >= CIVIL_MINUTES_PER_DAY)
		die("minute of the day %d out of range", minute);
	buf_printf(b, "%d.%02d", minute / 60, minute % 60);
}

void nl_format_time(struct buf *b, int minute)
{
	put_clock(b, minute);
	buf_puts(b, " uur");
}

void nl_format_time_range(struct buf *b, int from, int to)
{
	put_clock(b, from);
	buf_puts(b, EN_DASH);
	nl_format_time(b, to);
}

void nl_format_month(struct buf *b, int year, int month)
{
	buf_printf(b, "%s %d", nl_month(month), year);
}

/* ---- one point -------------------------------------------------------- */

/* What comes before the year of a coarse point: "maart", "2e kwartaal". */
static void put_period(struct buf *b, const struct fd_point *p)
{
	switch (p->prec) {
	case FD_MONTH:
		buf_puts(b, nl_month(p->month));
		break;
	case FD_QUARTER:
		buf_printf(b, "%de kwartaal", p->part);
		break;
	case FD_HALF:
		buf_printf(b, "%de helft", p->part);
		break;
	case FD_SEASON:
		buf_putsl(b, p->season);
		break;
	default:
		die("put_period: precision %d has no period", (int)p->prec);
	}
}

static void put_point(struct buf *b, const struct fd_point *p, bool weekday)
{
	switch (p->prec) {
	case FD_MOMENT:
	case FD_DAY:
		if (weekday)
			nl_format_day_long(b, p->first_day);
		else
			nl_format_day(b, p->first_day);
		if (p->prec == FD_MOMENT) {
			buf_puts(b, ", ");
			nl_format_time(b, p->first_minute);
		}
		break;
	case FD_YEAR:
		buf_printf(b, "%d", p->year);
		break;
	default:
		put_period(b, p);
		buf_printf(b, " %d", p->year);
		break;
	}
}

/* ---- two points ------------------------------------------------------- */

static bool same_point(const struct fd_point *a, const struct fd_point *z)
{
	return a->prec == z->prec && a->year == z->year &&
	       a->month == z->month && a->day == z->day &&
	       a->hour == z->hour && a->minute == z->minute &&
	       a->part == z->part;
}

/* Does to add nothing to from?  A moment "until that day" does not. */
static bool adds_nothing(const struct fd_point *from,
			 const struct fd_point *to)
{
	if (from->prec == FD_MOMENT && to->prec == FD_DAY)
		return from->first_day == to->first_day;
	return same_point(from, to);
}

/* Days: "14–16 oktober 2025", "30 september – 2 oktober 2025". */
static void put_days(struct buf *b, const struct fd_point *a,
		     const struct fd_point *z)
{
	if (a->year != z->year) {
		nl_format_day(b, a->first_day);
		buf_puts(b, " " EN_DASH " ");
	} else if (a->month != z->month) {
		buf_printf(b, "%d %s " EN_DASH " ", a->day, nl_month(a->month));
	} else {
		buf_printf(b, "%d" EN_DASH, a->day);
	}
	nl_format_day(b, z->first_day);
}

/* Same coarse precision, same year: "maart–april 2025". */
static void put_periods(struct buf *b, const struct fd_point *a,
			const struct fd_point *z)
{
	if (a->prec == FD_QUARTER || a->prec == FD_HALF) {
		buf_printf(b, "%de" EN_DASH, a->part);
	} else {
		put_period(b, a);
		buf_puts(b, EN_DASH);
	}
	put_period(b, z);
	buf_printf(b, " %d", z->year);
}

static void put_span(struct buf *b, const struct fd_point *a,
		     const struct fd_point *z)
{
	bool same_prec = a->prec == z->prec, same_year = a->year == z->year;

	if (same_prec && a->prec == FD_MOMENT && a->first_day == z->first_day) {
		nl_format_day_long(b, a->first_day);
		buf_puts(b, ", ");
		nl_format_time_range(b, a->first_minute, z->first_minute);
	} else if (same_prec && a->prec == FD_DAY) {
		put_days(b, a, z);
	} else if (same_prec && a->prec == FD_YEAR) {
		buf_printf(b, "%d" EN_DASH "%d", a->year, z->year);
	} else if (same_prec && same_year && a->prec >= FD_MONTH &&
		   a->prec <= FD_SEASON) {
		put_periods(b, a, z);
	} else {
		put_point(b, a, false);
		buf_puts(b, " " EN_DASH " ");
		put_point(b, z, false);
	}
}

void fuzzydate_format_nl(struct buf *b, const struct fuzzydate *start,
			 const struct fuzzydate *end)
{
	const struct fd_point *from = &start->from, *to = NULL;

	if (start->prec == FD_TBD) {
		buf_puts(b, "datum volgt");
		return;
	}
	if (start->prec == FD_RANGE)
		to = &start->to;
	if (end && end->prec != FD_TBD)
		to = end->prec == FD_RANGE ? &end->to : &end->from;
	if (to == NULL || adds_nothing(from, to))
		put_point(b, from, true);
	else
		put_span(b, from, to);
}
