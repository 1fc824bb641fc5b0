/*
 * fuzz_fuzzydate: the fuzzy date parser (fuzzydate.c) and the Dutch
 * formatting of what it parsed (dutch.c).
 *
 * The input's first byte picks the season table (the default one or a
 * site's own four seasons); the rest is a start value and, after the
 * first newline, an optional end value, as in an item's start: and end:.
 * Besides not crashing, the parser must keep the promises of fuzzydate.h:
 * on failure everything is zero and the error points inside the text; on
 * success the span is ordered and its minutes are minutes of a day; the
 * sort order is a total order on what it parsed; and the Dutch text of any
 * date a build accepts is non-empty UTF-8.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dutch.h"
#include "fuzz.h"
#include "fuzzydate.h"

enum { MINUTES_PER_DAY = 24 * 60 };

static const struct fd_season four[] = {
	{ { "lente", 5 }, 3, 5 }, { { "zomer", 5 }, 6, 8 },
	{ { "herfst", 6 }, 9, 11 }, { { "winter", 6 }, 12, 12 },
};
static const struct fd_seasons four_seasons = { four, 4 };

static bool all_zero(const struct fuzzydate *d)
{
	static const struct fuzzydate zero;

	return memcmp(d, &zero, sizeof(zero)) == 0;
}

static void check_span(const struct fuzzydate *d)
{
	if (d->prec == FD_TBD)
		return;
	FUZZ_ASSERT(d->first_day <= d->last_day);
	FUZZ_ASSERT(d->first_minute >= 0 && d->first_minute < MINUTES_PER_DAY);
	FUZZ_ASSERT(d->last_minute >= 0 && d->last_minute < MINUTES_PER_DAY);
	FUZZ_ASSERT(d->first_day < d->last_day ||
		    d->first_minute <= d->last_minute);
	if (d->prec == FD_RANGE) {
		FUZZ_ASSERT(d->first_day == d->from.first_day);
		FUZZ_ASSERT(d->last_day == d->to.last_day);
	}
}

static bool parse(struct slice text, const struct fd_seasons *seasons,
		  struct fuzzydate *d)
{
	struct fd_status st;
	struct buf msg = BUF_INIT;
	bool ok;

	memset(&st, 0xAA, sizeof(st));
	ok = fuzzydate_parse(text, seasons, d, &st, &msg);
	if (ok) {
		FUZZ_ASSERT(st.err == FDE_OK);
		FUZZ_ASSERT(!st.ambiguous || st.warn_offset <= text.len);
		check_span(d);
	} else {
		FUZZ_ASSERT(st.err != FDE_OK);
		FUZZ_ASSERT(st.offset <= text.len);
		FUZZ_ASSERT(all_zero(d));
		FUZZ_ASSERT(msg.len > 0);
	}
	buf_free(&msg);
	return ok;
}

static int sign(int c)
{
	return (c > 0) - (c < 0);
}

static void check_dutch(const struct fuzzydate *start,
			const struct fuzzydate *end)
{
	struct buf b = BUF_INIT;
	size_t i = 0, n;

	fuzzydate_format_nl(&b, start, end);
	FUZZ_ASSERT(b.len > 0);
	while (i < b.len) {
		n = fuzz_utf8_seq((const unsigned char *)b.ptr + i, b.len - i);
		FUZZ_ASSERT(n > 0);
		i += n;
	}
	buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct fd_seasons *seasons;
	struct fuzzydate a, b;
	struct slice rest, start, end = SL_NULL;
	const char *nl;
	bool has_a, has_b = false;

	if (size == 0 || size > FUZZ_MAX_INPUT)
		return 0;
	seasons = data[0] & 1 ? &four_seasons : NULL;
	rest = sl_make((const char *)data + 1, size - 1);
	nl = memchr(rest.ptr, '\n', rest.len);
	start = nl ? sl_make(rest.ptr, (size_t)(nl - rest.ptr)) : rest;
	if (nl)
		end = sl_make(nl + 1, rest.len - start.len - 1);
	has_a = parse(start, seasons, &a);
	if (nl)
		has_b = parse(end, seasons, &b);
	if (has_a) {
		FUZZ_ASSERT(fuzzydate_cmp(&a, &a) == 0);
		(void)fuzzydate_is_past(&a, NULL, a.first_day);
		(void)fuzzydate_is_day_precise(&a);
		(void)fuzzydate_is_time_precise(&a);
		check_dutch(&a, NULL);
	}
	if (has_a && has_b) {
		FUZZ_ASSERT(sign(fuzzydate_cmp(&a, &b)) ==
			    -sign(fuzzydate_cmp(&b, &a)));
		(void)fuzzydate_is_past(&a, &b, b.last_day);
		/* A build formats start and end only when the end is fine. */
		if (fuzzydate_end_ok(&a, &b))
			check_dutch(&a, &b);
	}
	return 0;
}
