/*
 * test_search: the words of the site search (search.h).
 *
 * The cases of the issue ("Mantelzorgers" finds "mantelzorg"), each step
 * of the documented stemming rule and its limits (the minimum stem,
 * words that only look like plurals), accents and ligatures, and the
 * property the search depends on: the singular and the plural of a
 * regular noun give the same term.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "search.h"

static char got[256];

static const char *terms(const char *text)
{
	struct buf b = BUF_INIT;

	search_terms(&b, sl_cstr(text));
	snprintf(got, sizeof(got), "%.*s", (int)b.len, b.len ? b.ptr : "");
	buf_free(&b);
	return got;
}

static const char *stem(const char *word)
{
	size_t n = strlen(word);

	memcpy(got, word, n + 1);
	got[search_stem(got, n)] = '\0';
	return got;
}

static void check_same(const char *a, const char *b)
{
	char first[256], msg[200];

	snprintf(first, sizeof(first), "%s", terms(a));
	snprintf(msg, sizeof(msg), "\"%s\" and \"%s\" give one term", a, b);
	CHECK_STR(terms(b), first, msg);
}

static void test_issue(void)
{
	CHECK_STR(terms("Mantelzorgers"), "mantelzorger",
		  "Mantelzorgers -> mantelzorger");
	CHECK_STR(terms("zorgverleners"), "zorgverlener",
		  "zorgverleners -> zorgverlener");
	CHECK_STR(terms("activiteiten"), "activiteit",
		  "activiteiten -> activiteit");
	CHECK_STR(terms("Week van de mantelzorg"), "week mantelzorg",
		  "a title: stop words left out, the rest folded");
	/* "mantelzorg" is a prefix of "mantelzorger": the script's prefix
	 * match of the word being typed relies on it. */
	{
		char first[64];

		/* terms() reuses one buffer: keep the first answer. */
		snprintf(first, sizeof(first), "%s", terms("mantelzorgers"));
		CHECK(strncmp(first, terms("mantelzorg"),
			      strlen("mantelzorg")) == 0 &&
		      strlen(first) > strlen("mantelzorg"),
		      "the stem of mantelzorgers starts with mantelzorg");
	}
}

static void test_folding(void)
{
	CHECK_STR(terms("Éénmalig CAFÉ"), "eenmalig caf",
		  "accents and case folded (é, É), then stemmed (-e)");
	CHECK_STR(terms("ideeën, knieën"), "idee knie",
		  "ë folded; -en after a vowel leaves idee and knie");
	CHECK_STR(terms("naïef"), "naief", "ï folded to i");
	CHECK_STR(terms("Ærø œuvre"), "aero oeuvr", "ligatures spelled out");
	CHECK_STR(terms("auto's, baby's"), "auto baby",
		  "the apostrophe of a plural is dropped, then the -s");
	CHECK_STR(terms("  ELZ-WE40:  2025!  "), "elz we40 2025",
		  "punctuation between words, no leading or trailing space");
	CHECK_STR(terms(""), "", "empty text, no terms");
	CHECK_STR(terms("de het een en van"), "", "only stop words: no terms");
}

static void test_steps(void)
{
	CHECK_STR(stem("partners"), "partner", "-s after -er");
	CHECK_STR(stem("winkels"), "winkel", "-s after -el");
	CHECK_STR(stem("studies"), "studie", "-s after -ie, the e kept");
	CHECK_STR(stem("huisjes"), "huisj", "-s after -je, then the -e");
	CHECK_STR(stem("huis"), "huis", "huis is not a plural");
	CHECK_STR(stem("proces"), "proces", "-es is not stripped");
	CHECK_STR(stem("mens"), "mens", "-s after n stays");
	CHECK_STR(stem("mogelijkheden"), "mogelijkheid", "-heden -> -heid");
	CHECK_STR(stem("vergaderingen"), "vergadering", "-en");
	CHECK_STR(stem("lessen"), "les", "-en, then the doubled consonant");
	CHECK_STR(stem("ziekenhuizen"), "ziekenhuis", "-zen -> -s");
	CHECK_STR(stem("brieven"), "brief", "-ven -> -f");
	CHECK_STR(stem("actieve"), "actief", "-ve -> -f");
	CHECK_STR(stem("gemeente"), "gemeent", "-e after a consonant");
	CHECK_STR(stem("idee"), "idee", "-e after a vowel stays");
	CHECK_STR(stem("2025"), "2025", "numbers stay");
}

static void test_minimum(void)
{
	CHECK_STR(stem("bus"), "bus", "bus: the stem would be too short");
	CHECK_STR(stem("open"), "open", "open: the stem would be too short");
	CHECK_STR(stem("zien"), "zien", "zien stays");
	CHECK_STR(stem("dagen"), "dag", "dagen -> dag: three letters is enough");
	CHECK_STR(stem("ene"), "ene", "no stem below three letters");
	CHECK_INT(SEARCH_MIN_STEM, 3, "the minimum stem is three letters");
}

static void test_singular_plural(void)
{
	static const char *const pairs[][2] = {
		{ "mantelzorger", "mantelzorgers" },
		{ "zorgverlener", "zorgverleners" },
		{ "activiteit", "activiteiten" },
		{ "gemeente", "gemeenten" },
		{ "vergadering", "vergaderingen" },
		{ "dienst", "diensten" },
		{ "buurt", "buurten" },
		{ "les", "lessen" },
		{ "ziekenhuis", "ziekenhuizen" },
		{ "brief", "brieven" },
		{ "huisje", "huisjes" },
		{ "mens", "mensen" },
		{ "gezin", "gezinnen" },
		{ "mogelijkheid", "mogelijkheden" },
		{ "studie", "studies" },
		{ "auto", "auto's" },
		{ "Dienst", "diénsten" },
	};
	size_t i;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		check_same(pairs[i][0], pairs[i][1]);
}

static void test_stopwords(void)
{
	static const char *const words[] = { "aan", "al", "als", "bij", "dan",
		"dat", "de", "den", "der", "des", "deze", "die", "dit", "door",
		"een", "en", "er", "het", "hun", "in", "is", "je", "maar", "met",
		"naar", "nog", "of", "om", "ons", "onze", "ook", "op", "over",
		"s", "t", "te", "ten", "ter", "tot", "u", "uit", "uw", "van",
		"voor", "we", "wordt", "ze", "zich", "zijn" };
	size_t i, found = 0;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		found += search_stopword(words[i], strlen(words[i]));
	CHECK_INT(found, sizeof(words) / sizeof(words[0]),
		  "every stop word of the list is found (the table is sorted)");
	CHECK(!search_stopword("zorg", 4), "zorg is not a stop word");
	CHECK(!search_stopword("d", 1), "d is not a stop word");
	CHECK(!search_stopword("dezer", 5), "dezer is not a stop word");
	CHECK_STR(terms("'s avonds in 't dorp"), "avonds dorp",
		  "'s and 't are stop words");
}

int main(void)
{
	test_issue();
	test_folding();
	test_steps();
	test_minimum();
	test_singular_plural();
	test_stopwords();
	return check_done();
}
