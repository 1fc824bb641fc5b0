/*
 * slug: heading text to anchor id.  The rule is in slug.h.
 *
 * The folding tables hold one ASCII letter per code point, so a missing or
 * extra entry shifts everything after it; the static assertions on their
 * sizes catch that.  Ligatures use an upper-case letter as a code for the
 * two letters they expand to, since no table entry is upper-case otherwise.
 */
#include "slug.h"

#include <stdint.h>

/* U+00C0..U+00FF.  '-' marks the two signs in the block (x and ÷). */
static const char latin1_fold[] =
	"aaaaaaAceeeeiiii" /* À..Ï */
	"dnooooo-ouuuuyTS" /* Ð..ß */
	"aaaaaaAceeeeiiii" /* à..ï */
	"dnooooo-ouuuuyTy"; /* ð..ÿ */

/* U+0100..U+017F, grouped by base letter. */
static const char latin_ext_a_fold[] =
	"aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh"
	"iiiiiiiiii" "II" "jj" "kkk" "llllllllll" "nnnnnnnnn" "oooooo" "OO"
	"rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";

_Static_assert(sizeof(latin1_fold) == 0x40 + 1, "Latin-1 fold table size");
_Static_assert(sizeof(latin_ext_a_fold) == 0x80 + 1,
	       "Latin Extended-A fold table size");

enum { FOLD_SEPARATOR = -1 };

struct slug_state {
	struct buf *out;
	size_t n;          /* bytes appended so far */
	int pending_sep;   /* a separator was seen after some output */
};

/* Decodes one UTF-8 sequence; an invalid one counts as a single byte
 * U+FFFD so that the slug still comes out and the loader reports it. */
static uint32_t utf8_next(const unsigned char *p, size_t n, size_t *used)
{
	uint32_t cp;
	size_t len, i;

	if (p[0] < 0x80) {
		*used = 1;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0)
		len = 2, cp = p[0] & 0x1F;
	else if ((p[0] & 0xF0) == 0xE0)
		len = 3, cp = p[0] & 0x0F;
	else if ((p[0] & 0xF8) == 0xF0)
		len = 4, cp = p[0] & 0x07;
	else
		len = 0, cp = 0;
	*used = 1;
	if (len == 0 || len > n)
		return 0xFFFD;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0xFFFD;
		cp = cp << 6 | (p[i] & 0x3F);
	}
	*used = len;
	return cp;
}

static int expand_code(char c, char out[2])
{
	static const char *const pairs[] = { "Aae", "Iij", "Ooe", "Sss",
					     "Tth" };
	size_t i;

	if (c == '-')
		return FOLD_SEPARATOR;
	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		if (pairs[i][0] == c) {
			out[0] = pairs[i][1];
			out[1] = pairs[i][2];
			return 2;
		}
	out[0] = c;
	return 1;
}

/* Invisible marks and apostrophes join the letters around them rather
 * than split a word ("auto's", "zorg\u00ADverlening", e + U+0301). */
static int is_dropped(uint32_t cp)
{
	return cp == '\'' || cp == 0x00AD || cp == 0x02BC || cp == 0x2018 ||
	       cp == 0x2019 || (cp >= 0x0300 && cp <= 0x036F) ||
	       (cp >= 0x200B && cp <= 0x200D);
}

/* The ASCII letters for cp in out: returns their number, 0 to drop cp, or
 * FOLD_SEPARATOR. */
static int fold(uint32_t cp, char out[2])
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp >= 'A' && cp <= 'Z') {
		out[0] = (char)(cp - 'A' + 'a');
		return 1;
	}
	if (is_dropped(cp))
		return 0;
	if (cp >= 0xC0 && cp <= 0xFF)
		return expand_code(latin1_fold[cp - 0xC0], out);
	if (cp >= 0x100 && cp <= 0x17F)
		return expand_code(latin_ext_a_fold[cp - 0x100], out);
	return FOLD_SEPARATOR;
}

/* Writes one folded letter, with the separator owed before it; returns 0
 * once the length limit is reached. */
static int emit(struct slug_state *st, char c)
{
	if (st->pending_sep) {
		if (st->n + 2 > SLUG_MAX_LEN)
			return 0;
		buf_putc(st->out, '-');
		st->n++;
		st->pending_sep = 0;
	}
	if (st->n + 1 > SLUG_MAX_LEN)
		return 0;
	buf_putc(st->out, c);
	st->n++;
	return 1;
}

size_t slug_append(struct buf *out, struct slice text)
{
	struct slug_state st = { out, 0, 0 };
	const unsigned char *p = (const unsigned char *)text.ptr;
	size_t i = 0, used;

	while (i < text.len) {
		char letters[2];
		int k, j;

		k = fold(utf8_next(p + i, text.len - i, &used), letters);
		i += used;
		if (k == FOLD_SEPARATOR) {
			st.pending_sep = st.n > 0;
			continue;
		}
		for (j = 0; j < k; j++)
			if (!emit(&st, letters[j]))
				return st.n;
	}
	if (st.n == 0) {
		buf_puts(out, SLUG_EMPTY);
		return sizeof(SLUG_EMPTY) - 1;
	}
	return st.n;
}
