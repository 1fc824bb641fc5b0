/*
 * search: folding and stemming for the site search.  See search.h for the
 * rule; themes/default/assets/search.js repeats it line for line, so a
 * change here is a change there (tests/suites/search.mjs compares the two
 * on every title of the demo zone).
 */
#include "search.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"

static bool ends_with(const char *w, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

/* A letter a-z other than a, e, i, o, u, y; digits are not letters. */
static bool is_consonant(char c)
{
	return c >= 'a' && c <= 'z' && !strchr("aeiouy", c);
}

/* Step b: "-ers", "-els", "-jes", "-ies", or a, o, u, y before the s. */
static bool plural_s(const char *w, size_t n)
{
	static const char *const after[] = { "ers", "els", "jes", "ies" };
	size_t i;
	char c;

	if (n < SEARCH_MIN_STEM + 1 || w[n - 1] != 's')
		return false;
	for (i = 0; i < sizeof(after) / sizeof(after[0]); i++)
		if (ends_with(w, n, after[i]))
			return true;
	c = w[n - 2];
	return c == 'a' || c == 'o' || c == 'u' || c == 'y';
}

/* Step c: the singular's voiceless consonant, after b removed a suffix. */
static void devoice(char *w, size_t n)
{
	if (w[n - 1] == 'z')
		w[n - 1] = 's';
	else if (w[n - 1] == 'v')
		w[n - 1] = 'f';
}

size_t search_stem(char *w, size_t n)
{
	if (plural_s(w, n))
		n--;
	if (ends_with(w, n, "heden") && n - 5 >= SEARCH_MIN_STEM) {
		memcpy(w + n - 5, "heid", 4);
		return n - 1;
	}
	if (ends_with(w, n, "en") && n - 2 >= SEARCH_MIN_STEM) {
		n -= 2;
		if (w[n - 1] == w[n - 2] && is_consonant(w[n - 1]))
			n--;
		devoice(w, n);
	} else if (n > SEARCH_MIN_STEM && w[n - 1] == 'e' &&
		   is_consonant(w[n - 2])) {
		n--;
		devoice(w, n);
	}
	return n;
}

/* Sorted, for bsearch; the same list is in search.js. */
static const char *const stopwords[] = {
	"aan", "al", "als", "bij", "dan", "dat", "de", "den", "der", "des",
	"deze", "die", "dit", "door", "een", "en", "er", "het", "hun", "in",
	"is", "je", "maar", "met", "naar", "nog", "of", "om", "ons", "onze",
	"ook", "op", "over", "s", "t", "te", "ten", "ter", "tot", "u", "uit",
	"uw", "van", "voor", "we", "wordt", "ze", "zich", "zijn",
};

static int cmp_stop(const void *key, const void *elem)
{
	const struct slice *k = key;

	return sl_cmp(*k, sl_cstr(*(const char *const *)elem));
}

bool search_stopword(const char *w, size_t n)
{
	struct slice k = sl_make(w, n);

	return bsearch(&k, stopwords, sizeof(stopwords) / sizeof(stopwords[0]),
		       sizeof(stopwords[0]), cmp_stop) != NULL;
}

void search_terms(struct buf *out, struct slice text)
{
	struct buf folded = BUF_INIT;
	size_t i = 0, start, len;
	bool first = true;

	collate_fold(&folded, text);
	while (i < folded.len) {
		start = i;
		while (i < folded.len && folded.ptr[i] != ' ')
			i++;
		len = i - start;
		i++; /* the space */
		if (search_stopword(folded.ptr + start, len))
			continue;
		len = search_stem(folded.ptr + start, len);
		if (!first)
			buf_putc(out, ' ');
		buf_put(out, folded.ptr + start, len);
		first = false;
	}
	buf_free(&folded);
}
