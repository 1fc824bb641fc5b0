/*
 * fuzzydate: parsing, ordering and comparing the fuzzy date fields of the
 * content contract.  The accepted forms and the decisions behind them are
 * listed in fuzzydate.h.
 *
 * The parser is a hand-written scanner over fixed-width fields rather
 * than sscanf: it must say exactly which byte is wrong and why, in words a
 * communication officer understands, and it must refuse what sscanf would
 * let through ("2025-1-5", "+2025", "2025-10-14 ").  Every position it
 * reports is a byte offset into the caller's original slice, so the caller
 * can add it to the value's place in the file.
 */
#include "fuzzydate.h"

#include <stdarg.h>
#include <string.h>

#include "civil.h"
#include "xalloc.h"

enum {
	YEAR_DIGITS = 4,
	FIELD_DIGITS = 2,   /* month, day, hour, minute (year-first) */
	LAST_MINUTE = CIVIL_MINUTES_PER_DAY - 1,
	QUARTERS = 4,
	HALVES = 2,
	MONTHS_PER_QUARTER = 3,
	MONTHS_PER_HALF = 6,
};

static const struct fd_season default_season_list[] = {
	{ { "voorjaar", 8 }, 1, 6 },
	{ { "najaar", 6 }, 7, 12 },
};

static const struct fd_seasons default_season_table = {
	default_season_list,
	sizeof(default_season_list) / sizeof(default_season_list[0]),
};

/* For messages, in English and Dutch (see fuzzydate_parse_in). */
static const char *const month_en[13] = {
	"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};
static const char *const month_nl[13] = {
	"", "januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december",
};

const struct fd_seasons *fd_default_seasons(void)
{
	return &default_season_table;
}

/* The text being parsed and where to report; positions index text. */
struct scan {
	const char *text;
	const struct fd_seasons *seasons;
	struct fd_status *st;
	struct buf *msg;
	bool nl; /* messages in Dutch */
};

/* A word filled into a message, in the message's language. */
static const char *W(const struct scan *sc, const char *en, const char *nl)
{
	return sc->nl ? nl : en;
}

/* A stretch [b, e) of the text. */
struct span {
	size_t b, e;
};

/* en and nl: one message in English and Dutch, with the same arguments
 * (the compiler checks both against them). */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 6), format(printf, 5, 6)))
#endif
static bool fail(struct scan *sc, enum fd_error err, size_t at,
		 const char *en, const char *nl, ...)
{
	va_list ap;

	sc->st->err = err;
	sc->st->offset = at;
	if (sc->msg) {
		va_start(ap, nl);
		buf_vprintf(sc->msg, sc->nl ? nl : en, ap);
		va_end(ap);
	}
	return false;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A season name starts with a letter (any non-ASCII byte may be one). */
static bool is_letter(char c)
{
	unsigned char u = (unsigned char)c;

	return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static struct span trim(const char *t, struct span s)
{
	while (s.b < s.e && is_blank(t[s.b]))
		s.b++;
	while (s.e > s.b && is_blank(t[s.e - 1]))
		s.e--;
	return s;
}

static size_t digits_at(const char *t, size_t at, size_t end)
{
	size_t n = 0;

	while (at + n < end && is_digit(t[at + n]))
		n++;
	return n;
}

/* Value of n digits; n is small (at most a few), so int is enough. */
static int number_at(const char *t, size_t at, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (t[at + i] - '0');
	return v;
}

static bool all_digits(const char *t, struct span s)
{
	return s.e > s.b && digits_at(t, s.b, s.e) == s.e - s.b;
}

static bool span_is(const char *t, struct span s, const char *word)
{
	return sl_eq(sl_make(t + s.b, s.e - s.b), sl_cstr(word));
}

static bool span_is_nocase(const char *t, struct span s, const char *word)
{
	size_t n = strlen(word);

	if (s.e - s.b != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = t[s.b + i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return false;
	}
	return true;
}

static int span_len(struct span s)
{
	return (int)(s.e - s.b);
}

static bool generic_error(struct scan *sc, struct span s)
{
	return fail(sc, FDE_SYNTAX, s.b,
		    "'%.*s' is not a date: use YYYY-MM-DD, YYYY-MM-DDTHH:MM, "
		    "YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY-season, YYYY, "
		    "a range A/B, or tbd",
		    "'%.*s' is geen datum: gebruik JJJJ-MM-DD, JJJJ-MM-DDTUU:MM, "
		    "JJJJ-MM, JJJJ-Qn, JJJJ-Hn, JJJJ-seizoen, JJJJ, "
		    "een periode A/B, of tbd",
		    span_len(s), sc->text + s.b);
}

/* ---- spans of a point ---------------------------------------------- */

static void set_months(struct fd_point *pt, int first, int last)
{
	pt->first_day = days_from_civil(pt->year, first, 1);
	pt->last_day = days_from_civil(pt->year, last,
				       civil_days_in_month(pt->year, last));
	pt->first_minute = 0;
	pt->last_minute = LAST_MINUTE;
}

static void set_day(struct fd_point *pt)
{
	pt->first_day = days_from_civil(pt->year, pt->month, pt->day);
	pt->last_day = pt->first_day;
	pt->first_minute = 0;
	pt->last_minute = LAST_MINUTE;
}

/* ---- year-first forms ----------------------------------------------- */

static bool check_year(struct scan *sc, struct span s, struct fd_point *pt)
{
	pt->year = number_at(sc->text, s.b, YEAR_DIGITS);
	if (pt->year < FD_YEAR_MIN || pt->year > FD_YEAR_MAX)
		return fail(sc, FDE_YEAR, s.b,
			    "year %.4s is out of range: use %d..%d",
			    "jaar %.4s valt buiten het bereik: gebruik %d..%d",
			    sc->text + s.b, FD_YEAR_MIN, FD_YEAR_MAX);
	return true;
}

/* A fixed-width two-digit field at at; what names it in messages. */
static bool two_digits(struct scan *sc, size_t at, size_t end,
		       const char *what, int *v)
{
	size_t n = digits_at(sc->text, at, end);

	if (n == 1)
		return fail(sc, FDE_SYNTAX, at,
			    "%s '%c' must have two digits: write 0%c",
			    "%s '%c' moet twee cijfers hebben: schrijf 0%c",
			    what, sc->text[at], sc->text[at]);
	if (n != FIELD_DIGITS)
		return fail(sc, FDE_SYNTAX, at,
			    "expected the %s as two digits here",
			    "hier werd %s in twee cijfers verwacht", what);
	*v = number_at(sc->text, at, FIELD_DIGITS);
	return true;
}

static bool check_month(struct scan *sc, size_t at, int month)
{
	if (month >= 1 && month <= 12)
		return true;
	return fail(sc, FDE_MONTH, at,
		    "month %d does not exist: months are 01..12",
		    "maand %d bestaat niet: maanden gaan van 01 tot 12",
		    month);
}

static bool check_day(struct scan *sc, struct span date, size_t at,
		      const struct fd_point *pt)
{
	int n = civil_days_in_month(pt->year, pt->month);

	if (pt->day >= 1 && pt->day <= n)
		return true;
	return fail(sc, FDE_DAY, at, "%.*s is not a day: %s %d has %d days",
		    "%.*s is geen dag: %s %d heeft %d dagen",
		    span_len(date), sc->text + date.b,
		    sc->nl ? month_nl[pt->month] : month_en[pt->month],
		    pt->year, n);
}

/* What follows HH:MM when it is not the end of the value. */
static bool time_tail_error(struct scan *sc, size_t at)
{
	char c = sc->text[at];

	if (c == ':')
		return fail(sc, FDE_SYNTAX, at,
			    "seconds are not supported: write HH:MM",
			    "seconden worden niet ondersteund: schrijf UU:MM");
	if (c == 'Z' || c == '+' || c == '-')
		return fail(sc, FDE_SYNTAX, at,
			    "leave out the time zone: times are local "
			    "Europe/Brussels time",
			    "laat de tijdzone weg: tijden zijn lokale tijd "
			    "van Europe/Brussels");
	return fail(sc, FDE_SYNTAX, at, "unexpected text after the time",
		    "onverwachte tekst na het uur");
}

static bool check_time(struct scan *sc, size_t at, struct fd_point *pt)
{
	if (pt->hour > 23)
		return fail(sc, FDE_TIME, at,
			    "hour %02d does not exist: use 00..23 (midnight "
			    "is 00:00 of the next day)",
			    "uur %02d bestaat niet: gebruik 00..23 "
			    "(middernacht is 00:00 van de volgende dag)",
			    pt->hour);
	if (pt->minute > 59)
		return fail(sc, FDE_TIME, at + 3,
			    "minute %02d does not exist: use 00..59",
			    "minuut %02d bestaat niet: gebruik 00..59",
			    pt->minute);
	return true;
}

/* Places the moment on the UTC time line: the DST rule decides. */
static bool locate_moment(struct scan *sc, struct span s, size_t at,
			  struct fd_point *pt)
{
	int64_t local = pt->first_day * CIVIL_SECONDS_PER_DAY +
			(int64_t)pt->first_minute * 60;
	enum tz_local_kind k = brussels_to_utc(local, &pt->utc);

	if (k == TZ_LOCAL_GAP)
		return fail(sc, FDE_GAP, at,
			    "%.*s does not exist in Europe/Brussels: clocks "
			    "skip from 02:00 to 03:00 that night",
			    "%.*s bestaat niet in Europe/Brussels: de klok "
			    "springt die nacht van 02:00 naar 03:00",
			    span_len(s), sc->text + s.b);
	if (k == TZ_LOCAL_AMBIGUOUS) {
		pt->ambiguous = true;
		if (!sc->st->ambiguous)
			sc->st->warn_offset = at;
		sc->st->ambiguous = true;
	}
	return true;
}

/* HH:MM at at, after the T of a day. */
static bool parse_time(struct scan *sc, struct span s, size_t at,
		       struct fd_point *pt)
{
	if (!two_digits(sc, at, s.e, W(sc, "hour", "uur"), &pt->hour))
		return false;
	if (at + 2 >= s.e || sc->text[at + 2] != ':')
		return fail(sc, FDE_SYNTAX, at + 2,
			    "expected ':' between hour and minute (HH:MM)",
			    "':' verwacht tussen uur en minuten (UU:MM)");
	if (!two_digits(sc, at + 3, s.e, W(sc, "minute", "minuut"),
			&pt->minute))
		return false;
	if (at + 5 != s.e)
		return time_tail_error(sc, at + 5);
	if (!check_time(sc, at, pt))
		return false;
	pt->prec = FD_MOMENT;
	pt->first_minute = pt->last_minute = pt->hour * 60 + pt->minute;
	return locate_moment(sc, s, at, pt);
}

/* After YYYY-MM-DD: the end, or THH:MM. */
static bool parse_after_day(struct scan *sc, struct span s, size_t at,
			    struct fd_point *pt)
{
	char c;

	pt->prec = FD_DAY;
	set_day(pt);
	if (at == s.e)
		return true;
	c = sc->text[at];
	if (c == 'T')
		return parse_time(sc, s, at + 1, pt);
	if (c == ' ' || c == 't')
		return fail(sc, FDE_SYNTAX, at,
			    "write an upper-case T between day and time, "
			    "as in 2025-10-14T12:00",
			    "schrijf een hoofdletter T tussen dag en uur, "
			    "zoals in 2025-10-14T12:00");
	return fail(sc, FDE_SYNTAX, at, "unexpected text after the day",
		    "onverwachte tekst na de dag");
}

/* MM, MM-DD or MM-DDTHH:MM at at (after "YYYY-"). */
static bool parse_month_on(struct scan *sc, struct span s, size_t at,
			   struct fd_point *pt)
{
	if (!two_digits(sc, at, s.e, W(sc, "month", "maand"), &pt->month) ||
	    !check_month(sc, at, pt->month))
		return false;
	if (at + 2 == s.e) {
		pt->prec = FD_MONTH;
		set_months(pt, pt->month, pt->month);
		return true;
	}
	if (sc->text[at + 2] != '-')
		return fail(sc, FDE_SYNTAX, at + 2,
			    "unexpected text after the month",
			    "onverwachte tekst na de maand");
	if (!two_digits(sc, at + 3, s.e, W(sc, "day", "dag"), &pt->day) ||
	    !check_day(sc, (struct span){ s.b, at + 5 }, at + 3, pt))
		return false;
	return parse_after_day(sc, s, at + 5, pt);
}

/* Qn or Hn at at: letter is 'Q' or 'H'. */
static bool parse_part(struct scan *sc, struct span s, size_t at,
		       struct fd_point *pt)
{
	bool quarter = sc->text[at] == 'Q';
	int max = quarter ? QUARTERS : HALVES;
	size_t n = digits_at(sc->text, at + 1, s.e);
	int v = n == 1 ? number_at(sc->text, at + 1, 1) : 0;

	if (n == 0 || at + 1 + n != s.e)
		return generic_error(sc, s);
	if (v < 1 || v > max)
		return fail(sc, quarter ? FDE_QUARTER : FDE_HALF, at,
			    "%s '%.*s' does not exist: use %c1..%c%d",
			    "%s '%.*s' bestaat niet: gebruik %c1..%c%d",
			    quarter ? W(sc, "quarter", "kwartaal")
				    : W(sc, "half-year", "halfjaar"),
			    (int)(n + 1), sc->text + at, sc->text[at],
			    sc->text[at], max);
	pt->part = v;
	if (quarter) {
		pt->prec = FD_QUARTER;
		set_months(pt, v * MONTHS_PER_QUARTER - 2,
			   v * MONTHS_PER_QUARTER);
	} else {
		pt->prec = FD_HALF;
		set_months(pt, v * MONTHS_PER_HALF - 5, v * MONTHS_PER_HALF);
	}
	return true;
}

static bool season_ok(const struct fd_season *s)
{
	return s->first_month >= 1 && s->first_month <= s->last_month &&
	       s->last_month <= 12 && s->name.len > 0;
}

/* "use voorjaar or najaar", from the site's table. */
static void list_seasons(struct buf *b, const struct fd_seasons *t, bool nl)
{
	size_t valid = 0, shown = 0;

	for (size_t i = 0; i < t->n; i++)
		valid += season_ok(&t->v[i]);
	if (valid == 0) {
		buf_puts(b, nl ? "deze site heeft geen seizoenen"
			      : "this site defines no seasons");
		return;
	}
	buf_puts(b, nl ? "gebruik " : "use ");
	for (size_t i = 0; i < t->n; i++) {
		if (!season_ok(&t->v[i]))
			continue;
		if (shown > 0)
			buf_puts(b, shown + 1 == valid ? (nl ? " of " : " or ")
						       : ", ");
		buf_putsl(b, t->v[i].name);
		shown++;
	}
}

/* name follows "YYYY-" (parse_point made sure of it). */
static bool unknown_season(struct scan *sc, struct span name)
{
	const char *t = sc->text;
	char c = t[name.b];
	char upper = c == 'q' ? 'Q' : 'H';

	if ((c == 'q' || c == 'h') &&
	    all_digits(t, (struct span){ name.b + 1, name.e }))
		return fail(sc, c == 'q' ? FDE_QUARTER : FDE_HALF, name.b,
			    "write %s with an upper-case %c, as in %.*s%c%.*s",
			    "schrijf %s met een hoofdletter %c, zoals in "
			    "%.*s%c%.*s",
			    c == 'q' ? W(sc, "a quarter", "een kwartaal")
				     : W(sc, "a half-year", "een halfjaar"),
			    upper,
			    YEAR_DIGITS + 1, t + name.b - YEAR_DIGITS - 1,
			    upper, span_len(name) - 1, t + name.b + 1);
	fail(sc, FDE_SEASON, name.b, "unknown season '%.*s': ",
	     "onbekend seizoen '%.*s': ",
	     span_len(name), t + name.b);
	if (sc->msg)
		list_seasons(sc->msg, sc->seasons, sc->nl);
	return false;
}

static bool parse_season(struct scan *sc, struct span name,
			 struct fd_point *pt)
{
	struct slice want = sl_make(sc->text + name.b, name.e - name.b);

	for (size_t i = 0; i < sc->seasons->n; i++) {
		const struct fd_season *s = &sc->seasons->v[i];

		if (!season_ok(s) || !sl_eq(s->name, want))
			continue;
		pt->prec = FD_SEASON;
		pt->part = (int)i;
		pt->season = s->name;
		set_months(pt, s->first_month, s->last_month);
		return true;
	}
	if (is_letter(sc->text[name.b]))
		return unknown_season(sc, name);
	name.b -= YEAR_DIGITS + 1; /* the whole value, from its year */
	return generic_error(sc, name);
}

/* D-M-YYYY or DD-MM-YYYY: a Belgian date with the wrong separator. */
static bool dashed_day_first(const char *t, struct span s, size_t n)
{
	size_t at = s.b + n + 1;
	size_t m = digits_at(t, at, s.e);
	struct span year;

	if (m < 1 || m > 2 || at + m >= s.e || t[at + m] != '-')
		return false;
	year = (struct span){ at + m + 1, s.e };
	return span_len(year) == YEAR_DIGITS && all_digits(t, year);
}

/* The digits at the start are not a four-digit year: say why. */
static bool bad_year(struct scan *sc, struct span s, size_t n,
		     bool in_range)
{
	const char *t = sc->text;
	bool dash = s.b + n < s.e && t[s.b + n] == '-';

	if (n == 0)
		return generic_error(sc, s);
	if (n <= 2 && dash && dashed_day_first(t, s, n))
		return fail(sc, FDE_SYNTAX, s.b,
			    "write a day-first date with slashes (14/10/2025) "
			    "or year first (2025-10-14)",
			    "schrijf een datum met de dag eerst met schuine "
			    "strepen (14/10/2025) of met het jaar eerst "
			    "(2025-10-14)");
	if (n <= 2 && in_range && s.b + n == s.e)
		return fail(sc, FDE_RANGE_FORM, s.b,
			    "'%.*s' is not a date: write both ends of a range "
			    "in full, as in 2025-10-14/2025-10-16",
			    "'%.*s' is geen datum: schrijf beide uiteinden van "
			    "een periode voluit, zoals in 2025-10-14/2025-10-16",
			    (int)n, t + s.b);
	if (n == 2 && (dash || s.b + n == s.e))
		return fail(sc, FDE_TWO_DIGIT_YEAR, s.b,
			    "two-digit year '%.2s': write the year in full",
			    "jaartal in twee cijfers '%.2s': schrijf het jaar "
			    "voluit", t + s.b);
	return fail(sc, FDE_YEAR, s.b,
		    "year '%.*s' must have four digits",
		    "jaar '%.*s' moet vier cijfers hebben", (int)n, t + s.b);
}

/* One year-first date (not a range, not tbd) filling s exactly. */
static bool parse_point(struct scan *sc, struct span s, bool in_range,
			struct fd_point *pt)
{
	const char *t = sc->text;
	size_t n = digits_at(t, s.b, s.e);
	size_t at = s.b + YEAR_DIGITS + 1;

	if (n != YEAR_DIGITS)
		return bad_year(sc, s, n, in_range);
	if (!check_year(sc, s, pt))
		return false;
	if (s.b + YEAR_DIGITS == s.e) {
		pt->prec = FD_YEAR;
		set_months(pt, 1, 12);
		return true;
	}
	if (t[s.b + YEAR_DIGITS] != '-' || at == s.e)
		return generic_error(sc, s);
	if (is_digit(t[at]))
		return parse_month_on(sc, s, at, pt);
	if (t[at] == 'Q' || t[at] == 'H')
		return parse_part(sc, s, at, pt);
	return parse_season(sc, (struct span){ at, s.e }, pt);
}

/* ---- Belgian day-first: D/M/YYYY ------------------------------------ */

static bool parse_belgian(struct scan *sc, struct span s,
			  const struct span part[3], struct fd_point *pt)
{
	const char *t = sc->text;
	int nd = span_len(part[0]), nm = span_len(part[1]);
	int ny = span_len(part[2]);
	bool year_digits = all_digits(t, part[2]);

	if (nd == YEAR_DIGITS && ny <= 2)
		return fail(sc, FDE_SYNTAX, s.b,
			    "write a year-first date with dashes, as in "
			    "2025-10-14",
			    "schrijf een datum met het jaar eerst met "
			    "streepjes, zoals in 2025-10-14");
	if (ny == 2 && year_digits && nd <= 2 && nm <= 2)
		return fail(sc, FDE_TWO_DIGIT_YEAR, part[2].b,
			    "two-digit year '%.2s': write the year in full",
			    "jaartal in twee cijfers '%.2s': schrijf het jaar "
			    "voluit", t + part[2].b);
	if (nd > 2 || nm > 2 || ny != YEAR_DIGITS || !year_digits)
		return fail(sc, FDE_SYNTAX, s.b,
			    "'%.*s' is not a date: write a day-first date as "
			    "D/M/YYYY, as in 14/10/2025",
			    "'%.*s' is geen datum: schrijf een datum met de "
			    "dag eerst als D/M/JJJJ, zoals in 14/10/2025",
			    span_len(s),
			    t + s.b);
	if (!check_year(sc, part[2], pt))
		return false;
	pt->day = number_at(t, part[0].b, (size_t)nd);
	pt->month = number_at(t, part[1].b, (size_t)nm);
	if (!check_month(sc, part[1].b, pt->month) ||
	    !check_day(sc, s, part[0].b, pt))
		return false;
	pt->prec = FD_DAY;
	pt->day_first = true;
	set_day(pt);
	return true;
}

/* ---- the whole value ------------------------------------------------ */

static void from_point(struct fuzzydate *d, const struct fd_point *pt)
{
	d->prec = pt->prec;
	d->from = *pt;
	d->first_day = pt->first_day;
	d->first_minute = pt->first_minute;
	d->last_day = pt->last_day;
	d->last_minute = pt->last_minute;
	d->ambiguous = pt->ambiguous;
}

/* Is (ad, am) before (bd, bm)? */
static bool before(int64_t ad, int am, int64_t bd, int bm)
{
	return ad < bd || (ad == bd && am < bm);
}

static bool range_side(struct scan *sc, struct span side, size_t slash,
		       bool is_end, struct fd_point *pt)
{
	if (side.b == side.e)
		return fail(sc, FDE_RANGE_FORM, is_end ? slash : side.b,
			    "a range needs a date %s '/'",
			    "een periode heeft een datum nodig %s '/'",
			    is_end ? W(sc, "after", "na")
				   : W(sc, "before", "voor"));
	if (span_is_nocase(sc->text, side, "tbd"))
		return fail(sc, FDE_RANGE_FORM, side.b,
			    "tbd cannot be part of a range: write tbd alone",
			    "tbd kan geen deel van een periode zijn: schrijf "
			    "tbd alleen");
	return parse_point(sc, side, true, pt);
}

static bool parse_range(struct scan *sc, struct span s, size_t slash,
			struct fuzzydate *d)
{
	struct span l = trim(sc->text, (struct span){ s.b, slash });
	struct span r = trim(sc->text, (struct span){ slash + 1, s.e });
	struct fd_point a = { 0 }, b = { 0 };

	if (all_digits(sc->text, l) && all_digits(sc->text, r) &&
	    span_len(l) <= 2 && span_len(r) <= 2)
		return fail(sc, FDE_SYNTAX, s.b,
			    "'%.*s' has no year: write D/M/YYYY or YYYY-MM-DD",
			    "'%.*s' heeft geen jaar: schrijf D/M/JJJJ of "
			    "JJJJ-MM-DD",
			    span_len(s), sc->text + s.b);
	if (!range_side(sc, l, slash, false, &a) ||
	    !range_side(sc, r, slash, true, &b))
		return false;
	if (before(b.last_day, b.last_minute, a.first_day, a.first_minute))
		return fail(sc, FDE_RANGE_ORDER, r.b,
			    "range ends before it starts",
			    "de periode eindigt voor ze begint");
	from_point(d, &a);
	d->prec = FD_RANGE;
	d->to = b;
	d->last_day = b.last_day;
	d->last_minute = b.last_minute;
	d->ambiguous = a.ambiguous || b.ambiguous;
	return true;
}

/* Splits at up to three '/'; returns how many there are. */
static size_t split_slashes(const char *t, struct span s, struct span part[3])
{
	size_t n = 0, b = s.b;

	for (size_t i = s.b; i < s.e; i++) {
		if (t[i] != '/')
			continue;
		if (n < 2)
			part[n] = (struct span){ b, i };
		n++;
		b = i + 1;
	}
	if (n <= 2)
		part[n] = (struct span){ b, s.e };
	return n;
}

static bool parse_value(struct scan *sc, struct span s, struct fuzzydate *d)
{
	struct span part[3];
	size_t slashes = split_slashes(sc->text, s, part);
	struct fd_point pt = { 0 };

	/* Two slashes after two numbers: meant as D/M/YYYY, not a range. */
	if (slashes == 2 && all_digits(sc->text, part[0]) &&
	    all_digits(sc->text, part[1])) {
		if (!parse_belgian(sc, s, part, &pt))
			return false;
		from_point(d, &pt);
		return true;
	}
	if (slashes >= 2)
		return fail(sc, FDE_RANGE_FORM, part[1].e,
			    "more than one '/': a range is A/B with "
			    "year-first dates, as in 2025-10-14/2025-10-16",
			    "meer dan één '/': een periode is A/B met datums "
			    "met het jaar eerst, zoals in "
			    "2025-10-14/2025-10-16");
	if (slashes == 1)
		return parse_range(sc, s, part[0].e, d);
	if (!parse_point(sc, s, false, &pt))
		return false;
	from_point(d, &pt);
	return true;
}

static void set_tbd(struct fuzzydate *d)
{
	d->prec = FD_TBD;
	d->first_day = d->last_day = INT64_MAX;
	d->first_minute = 0;
	d->last_minute = LAST_MINUTE;
}

bool fuzzydate_parse(struct slice text, const struct fd_seasons *seasons,
		     struct fuzzydate *out, struct fd_status *st,
		     struct buf *msg)
{
	return fuzzydate_parse_in(text, seasons, out, st, msg, false);
}

bool fuzzydate_parse_in(struct slice text, const struct fd_seasons *seasons,
			struct fuzzydate *out, struct fd_status *st,
			struct buf *msg, bool dutch)
{
	struct scan sc = { text.ptr, seasons ? seasons : fd_default_seasons(),
			   st, msg, dutch };
	struct span s = trim(text.ptr, (struct span){ 0, text.len });

	memset(out, 0, sizeof(*out));
	memset(st, 0, sizeof(*st));
	if (s.b == s.e)
		return fail(&sc, FDE_EMPTY, 0,
			    "empty date: write a date such as 2025-10-14, "
			    "or tbd",
			    "lege datum: schrijf een datum zoals 2025-10-14, "
			    "of tbd");
	if (span_is(text.ptr, s, "tbd")) {
		set_tbd(out);
		return true;
	}
	if (span_is_nocase(text.ptr, s, "tbd"))
		return fail(&sc, FDE_SYNTAX, s.b, "write tbd in lower case",
			    "schrijf tbd in kleine letters");
	if (parse_value(&sc, s, out))
		return true;
	memset(out, 0, sizeof(*out));
	st->ambiguous = false;
	st->warn_offset = 0;
	return false;
}

/* ---- questions about parsed dates ----------------------------------- */

const char *fuzzydate_precision_name(enum fd_precision p)
{
	static const char *const names[] = {
		"a moment", "a day", "a month", "a quarter", "a half-year",
		"a season", "a year", "a range", "tbd",
	};

	if ((unsigned)p >= sizeof(names) / sizeof(names[0]))
		die("fuzzydate_precision_name: bad precision %d", (int)p);
	return names[p];
}

static int cmp_i64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* Single dates of one precision, then ranges starting at it. */
static int sort_rank(const struct fuzzydate *d)
{
	return 2 * (int)d->from.prec + (d->prec == FD_RANGE);
}

int fuzzydate_cmp(const struct fuzzydate *a, const struct fuzzydate *b)
{
	bool at = a->prec == FD_TBD, bt = b->prec == FD_TBD;
	int c;

	if (at || bt)
		return (int)at - (int)bt;
	if ((c = cmp_i64(a->first_day, b->first_day)) != 0 ||
	    (c = cmp_i64(a->first_minute, b->first_minute)) != 0 ||
	    (c = cmp_i64(sort_rank(a), sort_rank(b))) != 0 ||
	    (c = cmp_i64(a->last_day, b->last_day)) != 0)
		return c;
	return cmp_i64(a->last_minute, b->last_minute);
}

bool fuzzydate_end_ok(const struct fuzzydate *start,
		      const struct fuzzydate *end)
{
	if (start->prec == FD_TBD || end->prec == FD_TBD)
		return true;
	return !before(end->last_day, end->last_minute, start->first_day,
		       start->first_minute);
}

bool fuzzydate_is_past(const struct fuzzydate *start,
		       const struct fuzzydate *end, int64_t today)
{
	const struct fuzzydate *d = start;

	if (start->prec == FD_TBD)
		return false;
	if (end && end->prec != FD_TBD)
		d = end;
	return d->last_day < today;
}

static bool endpoints_at_most(const struct fuzzydate *d,
			      enum fd_precision p)
{
	if (d->prec == FD_TBD)
		return false;
	if (d->prec == FD_RANGE)
		return d->from.prec <= p && d->to.prec <= p;
	return d->prec <= p;
}

bool fuzzydate_is_day_precise(const struct fuzzydate *d)
{
	return endpoints_at_most(d, FD_DAY);
}

bool fuzzydate_is_time_precise(const struct fuzzydate *d)
{
	return endpoints_at_most(d, FD_MOMENT);
}

bool fuzzydate_put_iso(struct buf *b, const struct fd_point *p,
		       enum civil_clock clock)
{
	switch (p->prec) {
	case FD_MOMENT:
		brussels_put_moment(b, p->first_day, p->first_minute, clock);
		return true;
	case FD_DAY:
		civil_put_date(b, p->first_day, CIVIL_ISO_EXTENDED);
		return true;
	case FD_MONTH:
		civil_put_month(b, p->year, p->month);
		return true;
	case FD_YEAR:
		civil_put_year(b, p->year);
		return true;
	default:
		return false;
	}
}
