/*
 * test_slug: heading text to anchor ids, including the fixed anchors the
 * content contract promises for the action fiche and newsletter headings.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "slug.h"

static void check_slug(const char *text, const char *want)
{
	struct buf b = BUF_INIT;
	char what[200];
	size_t n;

	n = slug_append(&b, sl_cstr(text));
	snprintf(what, sizeof(what), "slug of \"%s\"", text);
	CHECK_STR(b.ptr, want, what);
	CHECK_INT(n, strlen(want), "slug_append returns its length");
	buf_free(&b);
}

static void test_contract_anchors(void)
{
	check_slug("Wat?", "wat");
	check_slug("Waarom?", "waarom");
	check_slug("Voor wie?", "voor-wie");
	check_slug("Met wie?", "met-wie");
	check_slug("Hoe?", "hoe");
	check_slug("Mijlpalen", "mijlpalen");
	check_slug("Evaluatie", "evaluatie");
	check_slug("Wat ga je wel doen?", "wat-ga-je-wel-doen");
	check_slug("Wat ga je niet doen?", "wat-ga-je-niet-doen");
	check_slug("Korte omschrijving", "korte-omschrijving");
	check_slug("Wanneer?", "wanneer");
	check_slug("Communicatie", "communicatie");
	check_slug("Eigen nieuws", "eigen-nieuws");
	check_slug("Nieuws uit het netwerk", "nieuws-uit-het-netwerk");
}

static void test_folding(void)
{
	check_slug("Één café", "een-cafe");
	check_slug("Naïef geëvalueerd", "naief-geevalueerd");
	check_slug("Ça va, Françoise", "ca-va-francoise");
	check_slug("Öffnung à la française", "offnung-a-la-francaise");
	check_slug("Coûts, señor", "couts-senor");
	check_slug("Straße", "strasse");
	check_slug("Æbleskiver og Ørsted", "aebleskiver-og-orsted");
	check_slug("Þing", "thing");
	check_slug("Ĳsselmeer en ĳs", "ijsselmeer-en-ijs");
	check_slug("Œuvre", "oeuvre");
	check_slug("Łódź Škoda Ğ İ ı ſ", "lodz-skoda-g-i-i-s");
	check_slug("Ÿ ÿ Ž ž ŉ", "y-y-z-z-n");
	check_slug("5 × 3 ÷ 2", "5-3-2");
}

static void test_separators(void)
{
	check_slug("  --Hallo,   wereld!--  ", "hallo-wereld");
	check_slug("Auto's en foto’s", "autos-en-fotos");
	check_slug("zorg\xC2\xADverlening", "zorgverlening");
	check_slug("Cafe\xCC\x81 e\xCC\x88", "cafe-e");
	check_slug("2025: Q1/Q2", "2025-q1-q2");
	check_slug("Emoji 😀 hier", "emoji-hier");
	check_slug("日本語", "sectie");
	check_slug("?!", "sectie");
	check_slug("", "sectie");
	check_slug("Bad \xFF byte", "bad-byte");
	check_slug("cut \xC3", "cut");
}

static void test_length_limit(void)
{
	struct buf b = BUF_INIT;
	char text[400];
	size_t i;

	for (i = 0; i + 2 < sizeof(text); i += 2) {
		text[i] = 'a';
		text[i + 1] = ' ';
	}
	text[i] = '\0';
	slug_append(&b, sl_cstr(text));
	CHECK(b.len <= SLUG_MAX_LEN, "slug is at most SLUG_MAX_LEN");
	CHECK(b.len >= SLUG_MAX_LEN - 1, "slug uses the room it has");
	CHECK(b.ptr[b.len - 1] != '-', "a cut slug does not end in '-'");
	buf_free(&b);
}

static void test_appends(void)
{
	struct buf b = BUF_INIT;

	buf_puts(&b, "x:");
	slug_append(&b, SL("Voor wie?"));
	CHECK_STR(b.ptr, "x:voor-wie", "slug_append appends");
	buf_free(&b);
}

int main(void)
{
	test_contract_anchors();
	test_folding();
	test_separators();
	test_length_limit();
	test_appends();
	return check_done();
}
