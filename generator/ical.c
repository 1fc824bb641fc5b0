/*
 * ical: the iCalendar writer.  See ical.h for the rules it keeps.
 *
 * Each content line is first assembled whole in a scratch buffer and then
 * folded while it is copied out, so escaping and folding never interfere:
 * escaping works on characters, folding on octets of the finished line.
 * The VTIMEZONE lists each change of offset as its own observance (one
 * DAYLIGHT and one STANDARD per year) rather than an RRULE: the values
 * come straight from brussels_transitions(), the same function every
 * instant of the site is computed with, so a client reading the file can
 * never disagree with the pages.  Dates, times and offsets are written
 * by civil.h in ISO 8601's basic form, which is iCalendar's.
 */
#include "ical.h"

#include "civil.h"

enum {
	SECONDS_PER_MINUTE = 60,
	/* The observances start a year before the earliest timed value, so
	 * a January item finds the STANDARD observance that rules it. */
	TZ_YEARS_BEFORE = 1,
};

static const char prodid[] = "-//zonesite//kalender//NL";

/* Octets in the UTF-8 sequence that starts with c (1 for a stray byte). */
static size_t seq_len(unsigned char c)
{
	if (c >= 0xf0 && c <= 0xf7)
		return 4;
	if (c >= 0xe0)
		return c <= 0xef ? 3 : 1;
	if (c >= 0xc0)
		return 2;
	return 1;
}

void ical_fold(struct buf *out, struct slice line)
{
	size_t i = 0, used = 0;

	while (i < line.len) {
		size_t n = seq_len((unsigned char)line.ptr[i]);

		/* A run of ASCII octets goes out in one piece, up to the fold;
		 * feeds hold megabytes of text, mostly ASCII. */
		if (n == 1 && used < ICAL_FOLD_OCTETS) {
			size_t room = ICAL_FOLD_OCTETS - used, k = 1;

			while (k < room && i + k < line.len &&
			       (unsigned char)line.ptr[i + k] < 0x80)
				k++;
			buf_put(out, line.ptr + i, k);
			used += k;
			i += k;
			continue;
		}
		if (n > line.len - i)
			n = line.len - i;
		if (used + n > ICAL_FOLD_OCTETS) {
			buf_puts(out, "\r\n ");
			used = 1;
		}
		buf_put(out, line.ptr + i, n);
		used += n;
		i += n;
	}
	buf_puts(out, "\r\n");
}

/* Octets that ical_escape_text() copies as they are. */
static bool plain_text_octet(unsigned char c)
{
	return (c >= 0x20 && c != 0x7f && c != '\\' && c != ';' && c != ',') ||
	       c == '\t';
}

void ical_escape_text(struct buf *out, struct slice s)
{
	size_t i;

	for (i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.ptr[i];
		size_t k = i;

		while (k < s.len && plain_text_octet((unsigned char)s.ptr[k]))
			k++;
		if (k > i) {
			buf_put(out, s.ptr + i, k - i);
			i = k - 1;
			continue;
		}
		switch (c) {
		case '\\': buf_puts(out, "\\\\"); break;
		case ';': buf_puts(out, "\\;"); break;
		case ',': buf_puts(out, "\\,"); break;
		case '\r':
			if (i + 1 < s.len && s.ptr[i + 1] == '\n')
				i++;
			buf_puts(out, "\\n");
			break;
		case '\n': buf_puts(out, "\\n"); break;
		default:
			/* RFC 5545 3.3.11: no control characters but HTAB */
			break;
		}
	}
}

static int64_t local_seconds(int64_t day, int minute)
{
	return day * CIVIL_SECONDS_PER_DAY + (int64_t)minute * SECONDS_PER_MINUTE;
}

int ical_local_kind(int64_t day, int minute)
{
	int64_t utc;

	switch (brussels_to_utc(local_seconds(day, minute), &utc)) {
	case TZ_LOCAL_GAP: return -1;
	case TZ_LOCAL_AMBIGUOUS: return 1;
	default: return 0;
	}
}

int64_t ical_utc(const struct ical_time *t)
{
	int64_t utc;

	brussels_to_utc(local_seconds(t->day, t->all_day ? 0 : t->minute), &utc);
	return utc;
}

/* ---- lines ------------------------------------------------------------ */

/* The line being assembled; emit() folds it out and starts the next. */
struct writer {
	struct buf *out;
	struct buf line;
};

static void emit(struct writer *w)
{
	ical_fold(w->out, buf_slice(&w->line));
	buf_reset(&w->line);
}

static void prop_raw(struct writer *w, const char *name, struct slice v)
{
	buf_puts(&w->line, name);
	buf_putc(&w->line, ':');
	buf_putsl(&w->line, v);
	emit(w);
}

static void prop_text(struct writer *w, const char *name, struct slice v)
{
	if (v.len == 0)
		return;
	buf_puts(&w->line, name);
	buf_putc(&w->line, ':');
	ical_escape_text(&w->line, v);
	emit(w);
}

/*
 * DTSTART;TZID=Europe/Brussels:20251014T120000, or ;VALUE=DATE:...  A wall
 * time of the autumn hour that happens twice is written in UTC instead:
 * RFC 5545 3.3.5 says it means the first occurrence (as the content model
 * does), but clients differ (ical.js takes the second), and a UTC value
 * leaves them nothing to choose.
 */
static void prop_time(struct writer *w, const char *name,
		      const struct ical_time *t)
{
	buf_puts(&w->line, name);
	if (t->all_day) {
		buf_puts(&w->line, ";VALUE=DATE:");
		civil_put_date(&w->line, t->day, CIVIL_ISO_BASIC);
	} else if (ical_local_kind(t->day, t->minute) > 0) {
		buf_putc(&w->line, ':');
		civil_put_utc(&w->line, ical_utc(t), CIVIL_ISO_BASIC);
	} else {
		buf_puts(&w->line, ";TZID=" ICAL_TZID ":");
		civil_put_date_time(&w->line, local_seconds(t->day, t->minute),
				    CIVIL_ISO_BASIC);
	}
	emit(w);
}

static void prop_categories(struct writer *w, const struct ical_event *e)
{
	size_t i, written = 0;

	buf_puts(&w->line, "CATEGORIES:");
	for (i = 0; i < e->ncategories; i++) {
		if (e->categories[i].len == 0)
			continue;
		if (written++)
			buf_putc(&w->line, ',');
		ical_escape_text(&w->line, e->categories[i]);
	}
	if (written)
		emit(w);
	else
		buf_reset(&w->line);
}

/* ---- components ------------------------------------------------------- */

static void observance(struct writer *w, const struct tz_transition *t)
{
	bool summer = t->offset_after > t->offset_before;
	const char *kind = summer ? "DAYLIGHT" : "STANDARD";

	prop_raw(w, "BEGIN", sl_cstr(kind));
	buf_puts(&w->line, "TZOFFSETFROM:");
	civil_put_offset(&w->line, t->offset_before, CIVIL_ISO_BASIC);
	emit(w);
	buf_puts(&w->line, "TZOFFSETTO:");
	civil_put_offset(&w->line, t->offset_after, CIVIL_ISO_BASIC);
	emit(w);
	prop_raw(w, "TZNAME", summer ? SL("CEST") : SL("CET"));
	/* An observance starts at the wall time before the change. */
	buf_puts(&w->line, "DTSTART:");
	civil_put_date_time(&w->line, t->utc + t->offset_before,
			    CIVIL_ISO_BASIC);
	emit(w);
	prop_raw(w, "END", sl_cstr(kind));
}

static void vtimezone(struct writer *w, int64_t first_year, int64_t last_year)
{
	struct tz_transition t[2];
	int64_t y;

	prop_raw(w, "BEGIN", SL("VTIMEZONE"));
	prop_raw(w, "TZID", SL(ICAL_TZID));
	prop_raw(w, "X-LIC-LOCATION", SL(ICAL_TZID));
	for (y = first_year; y <= last_year; y++) {
		brussels_transitions(y, t);
		observance(w, &t[0]);
		observance(w, &t[1]);
	}
	prop_raw(w, "END", SL("VTIMEZONE"));
}

static const char *const status_words[] = {
	[ICAL_STATUS_TENTATIVE] = "TENTATIVE",
	[ICAL_STATUS_CONFIRMED] = "CONFIRMED",
	[ICAL_STATUS_CANCELLED] = "CANCELLED",
};

static void vevent(struct writer *w, const struct ical_event *e,
		   int64_t dtstamp)
{
	prop_raw(w, "BEGIN", SL("VEVENT"));
	prop_text(w, "UID", e->uid);
	buf_puts(&w->line, "DTSTAMP:");
	civil_put_utc(&w->line, dtstamp, CIVIL_ISO_BASIC);
	emit(w);
	prop_time(w, "DTSTART", &e->start);
	if (e->end.set)
		prop_time(w, "DTEND", &e->end);
	prop_text(w, "SUMMARY", e->summary);
	prop_text(w, "DESCRIPTION", e->description);
	prop_text(w, "LOCATION", e->location);
	if (e->url.len)
		prop_raw(w, "URL", e->url);
	prop_categories(w, e);
	if (e->status != ICAL_STATUS_NONE)
		prop_raw(w, "STATUS", sl_cstr(status_words[e->status]));
	prop_raw(w, "END", SL("VEVENT"));
}

void ical_vevent(struct buf *out, const struct ical_event *e,
		 int64_t dtstamp)
{
	struct writer w = { out, BUF_INIT };

	vevent(&w, e, dtstamp);
	buf_free(&w.line);
}

static void year_of(const struct ical_time *t, int64_t *lo, int64_t *hi,
		    bool *any)
{
	int64_t y;

	if (!t->set || t->all_day)
		return;
	civil_from_days(t->day, &y, NULL, NULL);
	if (!*any || y < *lo)
		*lo = y;
	if (!*any || y > *hi)
		*hi = y;
	*any = true;
}

static size_t count_gaps(const struct ical_event *e)
{
	size_t n = 0;

	if (e->start.set && !e->start.all_day &&
	    ical_local_kind(e->start.day, e->start.minute) < 0)
		n++;
	if (e->end.set && !e->end.all_day &&
	    ical_local_kind(e->end.day, e->end.minute) < 0)
		n++;
	return n;
}

size_t ical_write_head(struct buf *out, const struct ical_calendar *cal,
		       const struct ical_event *ev, size_t n)
{
	struct writer w = { out, BUF_INIT };
	int64_t lo = 0, hi = 0;
	bool timed = false;
	size_t i, gaps = 0;

	prop_raw(&w, "BEGIN", SL("VCALENDAR"));
	prop_raw(&w, "VERSION", SL("2.0"));
	prop_text(&w, "PRODID", SL(prodid));
	prop_raw(&w, "CALSCALE", SL("GREGORIAN"));
	prop_raw(&w, "METHOD", SL("PUBLISH"));
	prop_text(&w, "NAME", cal->name);
	prop_text(&w, "X-WR-CALNAME", cal->name);
	prop_text(&w, "X-WR-CALDESC", cal->description);
	prop_raw(&w, "X-WR-TIMEZONE", SL(ICAL_TZID));
	if (cal->url.len) {
		buf_puts(&w.line, "SOURCE;VALUE=URI:");
		buf_putsl(&w.line, cal->url);
		emit(&w);
	}
	if (cal->refresh_hours > 0) {
		buf_printf(&w.line, "REFRESH-INTERVAL;VALUE=DURATION:PT%dH",
			   cal->refresh_hours);
		emit(&w);
		buf_printf(&w.line, "X-PUBLISHED-TTL:PT%dH", cal->refresh_hours);
		emit(&w);
	}
	for (i = 0; i < n; i++) {
		year_of(&ev[i].start, &lo, &hi, &timed);
		year_of(&ev[i].end, &lo, &hi, &timed);
		gaps += count_gaps(&ev[i]);
	}
	if (timed)
		vtimezone(&w, lo - TZ_YEARS_BEFORE, hi);
	buf_free(&w.line);
	return gaps;
}

void ical_write_tail(struct buf *out)
{
	struct writer w = { out, BUF_INIT };

	prop_raw(&w, "END", SL("VCALENDAR"));
	buf_free(&w.line);
}

size_t ical_write(struct buf *out, const struct ical_calendar *cal,
		  const struct ical_event *ev, size_t n)
{
	struct writer w = { out, BUF_INIT };
	size_t i, gaps = ical_write_head(out, cal, ev, n);

	for (i = 0; i < n; i++) {
		if (ev[i].text.ptr)
			buf_putsl(out, ev[i].text);
		else
			vevent(&w, &ev[i], cal->dtstamp);
	}
	buf_free(&w.line);
	ical_write_tail(out);
	return gaps;
}
