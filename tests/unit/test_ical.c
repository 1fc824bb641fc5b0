/*
 * test_ical: the iCalendar writer, octet by octet.
 *
 * Folding is checked on ASCII and on two-, three- and four-byte UTF-8
 * sequences placed right at the 75-octet boundary, where a naive folder
 * would cut a character in two; escaping on every TEXT special; the DST
 * cases on both changes of 2025 (the spring gap, the autumn hour that
 * happens twice); and one whole calendar against its exact bytes.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "civil.h"
#include "ical.h"

/* Every physical line ends in CRLF, holds at most 75 octets, is valid
 * UTF-8 on its own, and a continuation starts with one space. */
static int lines_ok(const char *s, size_t n, char *why, size_t whylen)
{
	size_t start = 0, i, k;
	int line = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')) {
			snprintf(why, whylen, "bare LF at %zu", i);
			return 0;
		}
		if (s[i] != '\r')
			continue;
		if (i + 1 >= n || s[i + 1] != '\n') {
			snprintf(why, whylen, "bare CR at %zu", i);
			return 0;
		}
		if (i - start > ICAL_FOLD_OCTETS) {
			snprintf(why, whylen, "line %d has %zu octets", line,
				 i - start);
			return 0;
		}
		for (k = start; k < i;) {
			unsigned char c = (unsigned char)s[k];
			size_t len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 :
				     c >= 0xc0 ? 2 : 0;
			size_t j;

			if (len == 0 || k + len > i) {
				snprintf(why, whylen, "line %d splits a character",
					 line);
				return 0;
			}
			for (j = 1; j < len; j++)
				if (((unsigned char)s[k + j] & 0xc0) != 0x80) {
					snprintf(why, whylen, "line %d: bad UTF-8", line);
					return 0;
				}
			k += len;
		}
		start = i + 2;
		line++;
	}
	if (start != n) {
		snprintf(why, whylen, "no CRLF at the end");
		return 0;
	}
	return 1;
}

/* Undoes folding: drops every CRLF followed by a space. */
static void unfold(const struct buf *in, struct buf *out)
{
	size_t i;

	for (i = 0; i < in->len; i++) {
		if (in->ptr[i] == '\r' && i + 2 < in->len &&
		    in->ptr[i + 1] == '\n' && in->ptr[i + 2] == ' ') {
			i += 2;
			continue;
		}
		buf_putc(out, in->ptr[i]);
	}
}

static void fold_case(const char *what, const char *line)
{
	struct buf out = BUF_INIT, back = BUF_INIT;
	char why[96] = "", name[160];

	ical_fold(&out, sl_cstr(line));
	snprintf(name, sizeof(name), "fold %s: lines are whole and short", what);
	if (!CHECK(lines_ok(out.ptr, out.len, why, sizeof(why)), name))
		printf("#   %s\n", why);
	unfold(&out, &back);
	buf_puts(&back, ""); /* keep the terminator */
	snprintf(name, sizeof(name), "fold %s: unfolding gives the line back",
		 what);
	CHECK(back.len == strlen(line) + 2 &&
	      memcmp(back.ptr, line, strlen(line)) == 0, name);
	buf_free(&out);
	buf_free(&back);
}

static void repeat(char *dst, const char *unit, int times)
{
	*dst = '\0';
	while (times-- > 0)
		strcat(dst, unit);
}

static void test_folding(void)
{
	char line[1024], pre[128];
	struct buf out = BUF_INIT;

	ical_fold(&out, SL("UID:abc"));
	CHECK_STR(out.ptr, "UID:abc\r\n", "a short line is not folded");
	buf_reset(&out);
	repeat(line, "x", 75);
	ical_fold(&out, sl_cstr(line));
	CHECK_INT(out.len, 77, "exactly 75 octets stay on one line");
	buf_reset(&out);
	repeat(line, "x", 76);
	ical_fold(&out, sl_cstr(line));
	CHECK(out.len == 81 && memcmp(out.ptr + 75, "\r\n x\r\n", 6) == 0,
	      "the 76th octet goes to a continuation line");
	buf_reset(&out);
	/* 73 ASCII octets + a 3-byte euro sign: 76 octets, the sign moves */
	repeat(pre, "a", 73);
	snprintf(line, sizeof(line), "%s\xe2\x82\xac", pre);
	ical_fold(&out, sl_cstr(line));
	CHECK(out.len == 73 + 2 + 1 + 3 + 2 &&
	      memcmp(out.ptr + 73, "\r\n \xe2\x82\xac\r\n", 8) == 0,
	      "a 3-byte character at the boundary is not split");
	buf_reset(&out);
	/* 72 + a 4-byte emoji = 76: the emoji moves whole */
	repeat(pre, "a", 72);
	snprintf(line, sizeof(line), "%s\xf0\x9f\x98\x80z", pre);
	ical_fold(&out, sl_cstr(line));
	CHECK(memcmp(out.ptr + 72, "\r\n \xf0\x9f\x98\x80z\r\n", 10) == 0,
	      "a 4-byte character at the boundary is not split");
	buf_free(&out);

	repeat(line, "\xc3\xa9", 200);
	fold_case("400 octets of 2-byte e-acute", line);
	repeat(pre, "b", 1);
	snprintf(line, sizeof(line), "DESCRIPTION:%s", pre);
	repeat(line + strlen(line), "\xe2\x82\xac", 100);
	fold_case("3-byte euro signs after an odd prefix", line);
	repeat(line, "\xf0\x9f\x98\x80", 60);
	fold_case("60 4-byte emoji", line);
	strcpy(line, "SUMMARY:");
	repeat(line + strlen(line), "z\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 30);
	fold_case("mixed 1-2-3-4 byte characters", line);
}

static void escape_case(const char *in, const char *want, const char *what)
{
	struct buf out = BUF_INIT;

	ical_escape_text(&out, sl_cstr(in));
	CHECK_STR(out.ptr, want, what);
	buf_free(&out);
}

static void test_escaping(void)
{
	escape_case("a\\b", "a\\\\b", "backslash is doubled");
	escape_case("a;b,c", "a\\;b\\,c", "semicolon and comma are escaped");
	escape_case("a\nb", "a\\nb", "LF becomes \\n");
	escape_case("a\r\nb", "a\\nb", "CRLF becomes one \\n");
	escape_case("a\rb", "a\\nb", "a lone CR becomes \\n");
	escape_case("a:b\"c", "a:b\"c", "colon and quote stay (TEXT)");
	escape_case("a\x01" "b\x7f" "c\td", "abc\td",
		    "control characters are dropped, HTAB stays");
	escape_case("Caf\xc3\xa9; \xe2\x82\xac" "5, \xf0\x9f\x98\x80\\",
		    "Caf\xc3\xa9\\; \xe2\x82\xac" "5\\, \xf0\x9f\x98\x80\\\\",
		    "multi-byte text around specials is kept");
}

static void test_dst(void)
{
	int64_t spring = days_from_civil(2025, 3, 30);
	int64_t autumn = days_from_civil(2025, 10, 26);
	struct ical_time t = { true, false, autumn, 2 * 60 + 30 };

	CHECK_INT(ical_local_kind(spring, 2 * 60 + 30), -1,
		  "2025-03-30 02:30 does not exist");
	CHECK_INT(ical_local_kind(spring, 1 * 60 + 59), 0,
		  "2025-03-30 01:59 is normal");
	CHECK_INT(ical_local_kind(spring, 3 * 60), 0,
		  "2025-03-30 03:00 is normal");
	CHECK_INT(ical_local_kind(autumn, 2 * 60 + 30), 1,
		  "2025-10-26 02:30 happens twice");
	CHECK_INT(ical_local_kind(autumn, 3 * 60), 0,
		  "2025-10-26 03:00 is normal");
	/* the first 02:30 is summer time: 00:30Z */
	CHECK_INT(ical_utc(&t), autumn * 86400 + 30 * 60,
		  "the ambiguous 02:30 is the first one (00:30Z)");
	t.day = spring;
	t.minute = 3 * 60;
	CHECK_INT(ical_utc(&t), spring * 86400 + 60 * 60,
		  "2025-03-30 03:00 CEST is 01:00Z");
}

static const struct ical_calendar test_cal = {
	SL("Kalender, test"), SL("Alles; ook dit"), SL("https://x.example/k.ics"),
	12, 1759276800 /* 2025-10-01T00:00:00Z */,
};

static void test_whole_calendar(void)
{
	static const struct slice cats[] = { SL("Overleg"), SL("Zorg, welzijn") };
	struct ical_event ev[3];
	struct buf out = BUF_INIT;
	char why[96] = "";
	size_t gaps;

	memset(ev, 0, sizeof(ev));
	ev[0].uid = SL("event-a@x.example");
	ev[0].start = (struct ical_time){ true, false,
		days_from_civil(2025, 10, 14), 12 * 60 };
	ev[0].end = (struct ical_time){ true, false,
		days_from_civil(2025, 10, 14), 13 * 60 + 30 };
	ev[0].summary = SL("Overleg: caf\xc3\xa9, wonen; zorg");
	ev[0].description = SL("Lijn 1\nLijn 2 \\ einde");
	ev[0].location = SL("Zaal \xe2\x80\x98" "De Valk\xe2\x80\x99, Oostkamp");
	ev[0].url = SL("https://x.example/kalender/a/");
	ev[0].categories = cats;
	ev[0].ncategories = 2;
	ev[0].status = ICAL_STATUS_TENTATIVE;
	ev[1].uid = SL("event-b@x.example");
	ev[1].start = (struct ical_time){ true, true,
		days_from_civil(2025, 10, 18), 0 };
	ev[1].end = (struct ical_time){ true, true,
		days_from_civil(2025, 10, 26), 0 };
	ev[1].summary = SL("Week");
	ev[1].status = ICAL_STATUS_CANCELLED;
	ev[2].uid = SL("event-c@x.example");
	ev[2].start = (struct ical_time){ true, false,
		days_from_civil(2025, 10, 26), 2 * 60 + 30 };
	ev[2].summary = SL("Nacht");
	gaps = ical_write(&out, &test_cal, ev, 3);
	CHECK_INT(gaps, 0, "no time in the spring gap");
	if (!CHECK(lines_ok(out.ptr, out.len, why, sizeof(why)),
		   "whole calendar: CRLF, short lines, whole characters"))
		printf("#   %s\n", why);
	CHECK_STR(out.ptr,
		  "BEGIN:VCALENDAR\r\n"
		  "VERSION:2.0\r\n"
		  "PRODID:-//zonesite//kalender//NL\r\n"
		  "CALSCALE:GREGORIAN\r\n"
		  "METHOD:PUBLISH\r\n"
		  "NAME:Kalender\\, test\r\n"
		  "X-WR-CALNAME:Kalender\\, test\r\n"
		  "X-WR-CALDESC:Alles\\; ook dit\r\n"
		  "X-WR-TIMEZONE:Europe/Brussels\r\n"
		  "SOURCE;VALUE=URI:https://x.example/k.ics\r\n"
		  "REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n"
		  "X-PUBLISHED-TTL:PT12H\r\n"
		  "BEGIN:VTIMEZONE\r\n"
		  "TZID:Europe/Brussels\r\n"
		  "X-LIC-LOCATION:Europe/Brussels\r\n"
		  "BEGIN:DAYLIGHT\r\n"
		  "TZOFFSETFROM:+0100\r\n"
		  "TZOFFSETTO:+0200\r\n"
		  "TZNAME:CEST\r\n"
		  "DTSTART:20240331T020000\r\n"
		  "END:DAYLIGHT\r\n"
		  "BEGIN:STANDARD\r\n"
		  "TZOFFSETFROM:+0200\r\n"
		  "TZOFFSETTO:+0100\r\n"
		  "TZNAME:CET\r\n"
		  "DTSTART:20241027T030000\r\n"
		  "END:STANDARD\r\n"
		  "BEGIN:DAYLIGHT\r\n"
		  "TZOFFSETFROM:+0100\r\n"
		  "TZOFFSETTO:+0200\r\n"
		  "TZNAME:CEST\r\n"
		  "DTSTART:20250330T020000\r\n"
		  "END:DAYLIGHT\r\n"
		  "BEGIN:STANDARD\r\n"
		  "TZOFFSETFROM:+0200\r\n"
		  "TZOFFSETTO:+0100\r\n"
		  "TZNAME:CET\r\n"
		  "DTSTART:20251026T030000\r\n"
		  "END:STANDARD\r\n"
		  "END:VTIMEZONE\r\n"
		  "BEGIN:VEVENT\r\n"
		  "UID:event-a@x.example\r\n"
		  "DTSTAMP:20251001T000000Z\r\n"
		  "DTSTART;TZID=Europe/Brussels:20251014T120000\r\n"
		  "DTEND;TZID=Europe/Brussels:20251014T133000\r\n"
		  "SUMMARY:Overleg: caf\xc3\xa9\\, wonen\\; zorg\r\n"
		  "DESCRIPTION:Lijn 1\\nLijn 2 \\\\ einde\r\n"
		  "LOCATION:Zaal \xe2\x80\x98" "De Valk\xe2\x80\x99\\, Oostkamp\r\n"
		  "URL:https://x.example/kalender/a/\r\n"
		  "CATEGORIES:Overleg,Zorg\\, welzijn\r\n"
		  "STATUS:TENTATIVE\r\n"
		  "END:VEVENT\r\n"
		  "BEGIN:VEVENT\r\n"
		  "UID:event-b@x.example\r\n"
		  "DTSTAMP:20251001T000000Z\r\n"
		  "DTSTART;VALUE=DATE:20251018\r\n"
		  "DTEND;VALUE=DATE:20251026\r\n"
		  "SUMMARY:Week\r\n"
		  "STATUS:CANCELLED\r\n"
		  "END:VEVENT\r\n"
		  "BEGIN:VEVENT\r\n"
		  "UID:event-c@x.example\r\n"
		  "DTSTAMP:20251001T000000Z\r\n"
		  "DTSTART:20251026T003000Z\r\n"
		  "SUMMARY:Nacht\r\n"
		  "END:VEVENT\r\n"
		  "END:VCALENDAR\r\n",
		  "a whole calendar, byte for byte (ambiguous time in UTC)");
	buf_free(&out);
}

static void test_edge_calendars(void)
{
	struct ical_calendar one = { SL("Een"), SL(""), SL(""), 0, 0 };
	struct ical_event ev;
	struct buf out = BUF_INIT;

	memset(&ev, 0, sizeof(ev));
	ev.uid = SL("u");
	ev.start = (struct ical_time){ true, true, days_from_civil(2026, 6, 1), 0 };
	ev.end = (struct ical_time){ true, true, days_from_civil(2026, 6, 2), 0 };
	ical_write(&out, &one, &ev, 1);
	CHECK(strstr(out.ptr, "VTIMEZONE") == NULL,
	      "no VTIMEZONE when every item is all-day");
	CHECK(strstr(out.ptr, "REFRESH-INTERVAL") == NULL &&
	      strstr(out.ptr, "X-WR-CALDESC") == NULL,
	      "a one-off file has no refresh interval nor empty properties");
	buf_reset(&out);
	ev.start = (struct ical_time){ true, false,
		days_from_civil(2025, 3, 30), 2 * 60 + 30 };
	ev.end.set = false;
	CHECK_INT(ical_write(&out, &one, &ev, 1), 1,
		  "a time in the spring gap is counted as an error");
	buf_reset(&out);
	ical_write(&out, &one, NULL, 0);
	CHECK_STR(out.ptr, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
		  "PRODID:-//zonesite//kalender//NL\r\nCALSCALE:GREGORIAN\r\n"
		  "METHOD:PUBLISH\r\nNAME:Een\r\nX-WR-CALNAME:Een\r\n"
		  "X-WR-TIMEZONE:Europe/Brussels\r\nEND:VCALENDAR\r\n",
		  "an empty feed is a valid empty calendar");
	buf_free(&out);
}

/* A feed of cached VEVENT texts (ical_vevent, the text field) is the
 * same bytes as one written from the fields: a timed event with a long,
 * escaped, multibyte description and an all-day one. */
static void test_cached_vevents(void)
{
	struct ical_calendar cal = { SL("Feed"), SL("Alles"),
				     SL("https://x.example/kalender.ics"), 6,
				     1759312800 };
	struct ical_event ev[2], cached[2];
	struct buf desc = BUF_INIT, direct = BUF_INIT, viacache = BUF_INIT;
	struct buf text[2] = { BUF_INIT, BUF_INIT };
	int i;

	for (i = 0; i < 40; i++)
		buf_puts(&desc, "Caf\xc3\xa9, zorg; \xe2\x80\x98welzijn\xe2\x80\x99 "
			 "\\ net\xf0\x9f\x98\x80werk\n");
	memset(ev, 0, sizeof(ev));
	ev[0].uid = SL("event-a@x.example");
	ev[0].start = (struct ical_time){ true, false,
		days_from_civil(2025, 10, 26), 2 * 60 + 30 };
	ev[0].summary = SL("Overleg");
	ev[0].description = buf_slice(&desc);
	ev[0].status = ICAL_STATUS_CONFIRMED;
	ev[1].uid = SL("event-b@x.example");
	ev[1].start = (struct ical_time){ true, true,
		days_from_civil(2026, 1, 5), 0 };
	ev[1].summary = SL("Week");
	ical_write(&direct, &cal, ev, 2);
	memset(cached, 0, sizeof(cached));
	for (i = 0; i < 2; i++) {
		ical_vevent(&text[i], &ev[i], cal.dtstamp);
		cached[i].start = ev[i].start;
		cached[i].end = ev[i].end;
		cached[i].text = buf_slice(&text[i]);
	}
	ical_write(&viacache, &cal, cached, 2);
	CHECK(direct.len > 2000 && direct.len == viacache.len &&
	      memcmp(direct.ptr, viacache.ptr, direct.len) == 0,
	      "a feed of cached VEVENT texts has the bytes of one written "
	      "from the fields");
	buf_free(&desc);
	buf_free(&direct);
	buf_free(&viacache);
	buf_free(&text[0]);
	buf_free(&text[1]);
}

int main(void)
{
	test_folding();
	test_escaping();
	test_dst();
	test_whole_calendar();
	test_edge_calendars();
	test_cached_vevents();
	return check_done();
}
