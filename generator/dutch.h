/*
 * dutch: names and date formatting in Belgian Dutch (nl-BE).
 *
 * Our own tables, never setlocale(): the C library's locales differ from
 * machine to machine (or are missing), and a build must give the same
 * bytes everywhere.  Names are lower case, as Dutch writes them inside a
 * sentence; a template capitalises at the start of a sentence if it must.
 *
 * Conventions (nl-BE house style of the zones):
 *  - "dinsdag 14 oktober 2025", "14 oktober 2025", "14 okt";
 *  - times "9.00 uur", "12.00 uur": a full stop between hour and minutes,
 *    no leading zero on the hour; a time range "12.00–13.30 uur";
 *  - an en dash (U+2013) joins ranges: without spaces between single
 *    words or numbers ("14–16 oktober 2025", "maart–april 2025"), with
 *    spaces between groups ("30 september – 2 oktober 2025");
 *  - "2e kwartaal 2025", and half-years alike: "1e helft 2026" (shorter
 *    than "eerste jaarhelft", and parallel to the quarters);
 *  - "datum volgt" for a date that is not yet known.
 */
#ifndef ZS_DUTCH_H
#define ZS_DUTCH_H

#include <stdint.h>

#include "buf.h"
#include "fuzzydate.h"

/* month 1..12, weekday 1 (maandag) .. 7 (zondag); others die. */
const char *nl_month(int month);       /* "januari" */
const char *nl_month_short(int month); /* "jan", "mrt", "okt" */
const char *nl_weekday(int weekday);   /* "maandag" */
const char *nl_weekday_short(int weekday); /* "ma", "di" */

/* day: days since 1970-01-01 (civil.h); minute: of the day, 0..1439. */
/* "dinsdag 14 oktober 2025" */
void nl_format_day_long(struct buf *b, int64_t day);
/* "14 oktober 2025" */
void nl_format_day(struct buf *b, int64_t day);
/* "14 okt" */
void nl_format_day_short(struct buf *b, int64_t day);
/* "12.00 uur" */
void nl_format_time(struct buf *b, int minute);
/* "12.00–13.30 uur" */
void nl_format_time_range(struct buf *b, int from, int to);
/* "maart 2025" */
void nl_format_month(struct buf *b, int year, int month);

/*
 * Appends how an item's date reads on the site: start is its date field,
 * end its optional end field (NULL or tbd: none).  Shows exactly the
 * precision written: a month item is "maart 2025", never a day.  A single
 * day or moment carries its weekday ("dinsdag 14 oktober 2025, 12.00
 * uur"); ranges compact what both ends share ("14–16 oktober 2025",
 * "dinsdag 14 oktober 2025, 12.00–13.30 uur").  An end that adds nothing
 * (the same date, or the day of a moment start) is not shown.  When start
 * is itself a range and end is given, end replaces the range's end.
 */
void fuzzydate_format_nl(struct buf *b, const struct fuzzydate *start,
			 const struct fuzzydate *end);

#endif
