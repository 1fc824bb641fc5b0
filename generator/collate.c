/*
 * collate: Dutch alphabetical order for names.  See collate.h for the
 * rules; this file holds the letter table and the sort key.
 *
 * A sort key is four levels separated by LEVEL_SEP, a byte below every
 * byte inside a level, so comparing keys with memcmp compares level 1
 * first and goes on to the next level only on a tie:
 *   1. letters and digits, folded (a-z, 0-9, ' ' between words, other
 *      letters as their UTF-8 bytes), the leading article skipped;
 *   2. whether an article was skipped, then one accent weight per letter;
 *   3. one case weight per letter of the whole name;
 *   4. the name's bytes.
 */
#include "collate.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

enum {
	LEVEL_SEP = 0x01,
	WEIGHT_BASE = 0x02,   /* unaccented, lower case, no article */
	WORD_SEP = ' ',       /* sorts below '0' and 'a' */
	ACCENT_OTHER = 14,    /* ligatures, strokes, decomposed marks */
	MAX_FOLD = 3,         /* letters one character may fold into */
};

/* What one character of a name is, for sorting. */
enum fkind { F_LETTERS, F_SEP, F_IGNORE, F_MARK, F_OTHER };

struct fchar {
	enum fkind kind;
	char letters[MAX_FOLD + 1]; /* F_LETTERS: folded a-z / 0-9 */
	unsigned char accent;       /* 0 none, 1.. see fold_table */
	bool upper;
};

/*
 * U+00C0..U+017F: the letters each folds to, its accent (1 acute, 2 grave,
 * 3 circumflex, 4 diaeresis, 5 tilde, 6 ring, 7 cedilla, 8 caron,
 * 9 macron, 10 breve, 11 dot, 12 double acute, 13 ogonek, 14 other) and
 * whether it is upper case.  Made from Unicode's canonical decompositions;
 * "" marks the two symbols in the range (× and ÷).
 */
static const struct { const char *letters; unsigned char accent, upper; }
fold_table[] = {
	{ "a", 2, 1 }, { "a", 1, 1 }, { "a", 3, 1 }, { "a", 5, 1 },  /* U+00C0 */
	{ "a", 4, 1 }, { "a", 6, 1 }, { "ae", 14, 1 }, { "c", 7, 1 },  /* U+00C4 */
	{ "e", 2, 1 }, { "e", 1, 1 }, { "e", 3, 1 }, { "e", 4, 1 },  /* U+00C8 */
	{ "i", 2, 1 }, { "i", 1, 1 }, { "i", 3, 1 }, { "i", 4, 1 },  /* U+00CC */
	{ "d", 14, 1 }, { "n", 5, 1 }, { "o", 2, 1 }, { "o", 1, 1 },  /* U+00D0 */
	{ "o", 3, 1 }, { "o", 5, 1 }, { "o", 4, 1 }, { "", 0, 0 },  /* U+00D4 */
	{ "o", 14, 1 }, { "u", 2, 1 }, { "u", 1, 1 }, { "u", 3, 1 },  /* U+00D8 */
	{ "u", 4, 1 }, { "y", 1, 1 }, { "th", 14, 1 }, { "ss", 14, 0 },  /* U+00DC */
	{ "a", 2, 0 }, { "a", 1, 0 }, { "a", 3, 0 }, { "a", 5, 0 },  /* U+00E0 */
	{ "a", 4, 0 }, { "a", 6, 0 }, { "ae", 14, 0 }, { "c", 7, 0 },  /* U+00E4 */
	{ "e", 2, 0 }, { "e", 1, 0 }, { "e", 3, 0 }, { "e", 4, 0 },  /* U+00E8 */
	{ "i", 2, 0 }, { "i", 1, 0 }, { "i", 3, 0 }, { "i", 4, 0 },  /* U+00EC */
	{ "d", 14, 0 }, { "n", 5, 0 }, { "o", 2, 0 }, { "o", 1, 0 },  /* U+00F0 */
	{ "o", 3, 0 }, { "o", 5, 0 }, { "o", 4, 0 }, { "", 0, 0 },  /* U+00F4 */
	{ "o", 14, 0 }, { "u", 2, 0 }, { "u", 1, 0 }, { "u", 3, 0 },  /* U+00F8 */
	{ "u", 4, 0 }, { "y", 1, 0 }, { "th", 14, 0 }, { "y", 4, 0 },  /* U+00FC */
	{ "a", 9, 1 }, { "a", 9, 0 }, { "a", 10, 1 }, { "a", 10, 0 },  /* U+0100 */
	{ "a", 13, 1 }, { "a", 13, 0 }, { "c", 1, 1 }, { "c", 1, 0 },  /* U+0104 */
	{ "c", 3, 1 }, { "c", 3, 0 }, { "c", 11, 1 }, { "c", 11, 0 },  /* U+0108 */
	{ "c", 8, 1 }, { "c", 8, 0 }, { "d", 8, 1 }, { "d", 8, 0 },  /* U+010C */
	{ "d", 14, 1 }, { "d", 14, 0 }, { "e", 9, 1 }, { "e", 9, 0 },  /* U+0110 */
	{ "e", 10, 1 }, { "e", 10, 0 }, { "e", 11, 1 }, { "e", 11, 0 },  /* U+0114 */
	{ "e", 13, 1 }, { "e", 13, 0 }, { "e", 8, 1 }, { "e", 8, 0 },  /* U+0118 */
	{ "g", 3, 1 }, { "g", 3, 0 }, { "g", 10, 1 }, { "g", 10, 0 },  /* U+011C */
	{ "g", 11, 1 }, { "g", 11, 0 }, { "g", 7, 1 }, { "g", 7, 0 },  /* U+0120 */
	{ "h", 3, 1 }, { "h", 3, 0 }, { "h", 14, 1 }, { "h", 14, 0 },  /* U+0124 */
	{ "i", 5, 1 }, { "i", 5, 0 }, { "i", 9, 1 }, { "i", 9, 0 },  /* U+0128 */
	{ "i", 10, 1 }, { "i", 10, 0 }, { "i", 13, 1 }, { "i", 13, 0 },  /* U+012C */
	{ "i", 11, 1 }, { "i", 14, 0 }, { "ij", 14, 1 }, { "ij", 14, 0 },  /* U+0130 */
	{ "j", 3, 1 }, { "j", 3, 0 }, { "k", 7, 1 }, { "k", 7, 0 },  /* U+0134 */
	{ "k", 14, 0 }, { "l", 1, 1 }, { "l", 1, 0 }, { "l", 7, 1 },  /* U+0138 */
	{ "l", 7, 0 }, { "l", 8, 1 }, { "l", 8, 0 }, { "l", 14, 1 },  /* U+013C */
	{ "l", 14, 0 }, { "l", 14, 1 }, { "l", 14, 0 }, { "n", 1, 1 },  /* U+0140 */
	{ "n", 1, 0 }, { "n", 7, 1 }, { "n", 7, 0 }, { "n", 8, 1 },  /* U+0144 */
	{ "n", 8, 0 }, { "n", 14, 0 }, { "n", 14, 1 }, { "n", 14, 0 },  /* U+0148 */
	{ "o", 9, 1 }, { "o", 9, 0 }, { "o", 10, 1 }, { "o", 10, 0 },  /* U+014C */
	{ "o", 12, 1 }, { "o", 12, 0 }, { "oe", 14, 1 }, { "oe", 14, 0 },  /* U+0150 */
	{ "r", 1, 1 }, { "r", 1, 0 }, { "r", 7, 1 }, { "r", 7, 0 },  /* U+0154 */
	{ "r", 8, 1 }, { "r", 8, 0 }, { "s", 1, 1 }, { "s", 1, 0 },  /* U+0158 */
	{ "s", 3, 1 }, { "s", 3, 0 }, { "s", 7, 1 }, { "s", 7, 0 },  /* U+015C */
	{ "s", 8, 1 }, { "s", 8, 0 }, { "t", 7, 1 }, { "t", 7, 0 },  /* U+0160 */
	{ "t", 8, 1 }, { "t", 8, 0 }, { "t", 14, 1 }, { "t", 14, 0 },  /* U+0164 */
	{ "u", 5, 1 }, { "u", 5, 0 }, { "u", 9, 1 }, { "u", 9, 0 },  /* U+0168 */
	{ "u", 10, 1 }, { "u", 10, 0 }, { "u", 6, 1 }, { "u", 6, 0 },  /* U+016C */
	{ "u", 12, 1 }, { "u", 12, 0 }, { "u", 13, 1 }, { "u", 13, 0 },  /* U+0170 */
	{ "w", 3, 1 }, { "w", 3, 0 }, { "y", 3, 1 }, { "y", 3, 0 },  /* U+0174 */
	{ "y", 4, 1 }, { "z", 1, 1 }, { "z", 1, 0 }, { "z", 11, 1 },  /* U+0178 */
	{ "z", 11, 0 }, { "z", 8, 1 }, { "z", 8, 0 }, { "s", 14, 0 },  /* U+017C */
};

enum { FOLD_FIRST = 0xC0, FOLD_LAST = 0x17F };

/* Decodes one code point at s[*i], advancing *i; -1 for a bad byte. */
static int32_t next_cp(struct slice s, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s.ptr + *i;
	size_t left = s.len - *i, n, k;
	int32_t cp;

	if (p[0] < 0x80) {
		*i += 1;
		return p[0];
	}
	n = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 0;
	if (n == 0 || n > left || p[0] > 0xF4) {
		*i += 1;
		return -1;
	}
	cp = p[0] & (0x7F >> n);
	for (k = 1; k < n; k++) {
		if ((p[k] & 0xC0) != 0x80) {
			*i += 1;
			return -1;
		}
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	*i += n;
	return cp;
}

static bool is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC;
}

static void classify(int32_t cp, struct fchar *f)
{
	memset(f, 0, sizeof(*f));
	f->kind = F_LETTERS;
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
		f->letters[0] = (char)cp;
	} else if (cp >= 'A' && cp <= 'Z') {
		f->letters[0] = (char)(cp - 'A' + 'a');
		f->upper = true;
	} else if (is_apostrophe(cp) || cp == 0x00AD) {
		f->kind = F_IGNORE;
	} else if (cp >= 0x0300 && cp <= 0x036F) {
		f->kind = F_MARK;
	} else if (cp >= FOLD_FIRST && cp <= FOLD_LAST &&
		   fold_table[cp - FOLD_FIRST].letters[0]) {
		strcpy(f->letters, fold_table[cp - FOLD_FIRST].letters);
		f->accent = fold_table[cp - FOLD_FIRST].accent;
		f->upper = fold_table[cp - FOLD_FIRST].upper;
	} else if (cp < FOLD_FIRST || (cp >= 0x2000 && cp <= 0x206F) ||
		   (cp >= 0x3000 && cp <= 0x303F)) {
		/* ASCII and Latin-1 punctuation, symbols, spaces, general
		 * and CJK punctuation: between words. */
		f->kind = F_SEP;
	} else {
		f->kind = F_OTHER;
	}
}

/* The length of a leading article to skip ("de ", "het ", "'t "), with
 * the blanks after it, or 0.  Something must be left to sort on. */
static size_t article_len(struct slice s)
{
	static const char *const articles[] = { "de", "het", "'t",
		"\xE2\x80\x99t" };
	size_t a, n, i;

	for (a = 0; a < sizeof(articles) / sizeof(articles[0]); a++) {
		n = strlen(articles[a]);
		if (s.len <= n || s.ptr[n] != ' ')
			continue;
		for (i = 0; i < n; i++) {
			char c = s.ptr[i];

			if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) !=
			    articles[a][i])
				break;
		}
		if (i < n)
			continue;
		while (n < s.len && s.ptr[n] == ' ')
			n++;
		return n < s.len ? n : 0;
	}
	return 0;
}

/* Level 1 of s into out (sep: the byte between words); level 2's accent
 * weights into acc when it is not NULL. */
static void primary(struct slice s, struct buf *out, struct buf *acc)
{
	bool pending = false;
	size_t i = 0, start = out->len, k;

	while (i < s.len) {
		size_t at = i;
		int32_t cp = next_cp(s, &i);
		struct fchar f;

		classify(cp, &f);
		if (cp < 0 || f.kind == F_SEP) {
			pending = out->len > start;
			continue;
		}
		if (f.kind == F_IGNORE)
			continue;
		if (f.kind == F_MARK) {
			if (acc && acc->len &&
			    (unsigned char)acc->ptr[acc->len - 1] == WEIGHT_BASE)
				acc->ptr[acc->len - 1] = WEIGHT_BASE + ACCENT_OTHER;
			continue;
		}
		if (pending)
			buf_putc(out, WORD_SEP);
		pending = false;
		if (f.kind == F_OTHER) {
			buf_put(out, s.ptr + at, i - at);
			if (acc)
				buf_putc(acc, WEIGHT_BASE);
			continue;
		}
		for (k = 0; f.letters[k]; k++) {
			buf_putc(out, f.letters[k]);
			if (acc)
				buf_putc(acc, WEIGHT_BASE + f.accent);
		}
	}
}

/* Level 3: one weight per letter of the whole name. */
static void tertiary(struct slice s, struct buf *out)
{
	size_t i = 0, k;

	while (i < s.len) {
		struct fchar f;

		classify(next_cp(s, &i), &f);
		if (f.kind == F_OTHER)
			buf_putc(out, WEIGHT_BASE);
		for (k = 0; f.kind == F_LETTERS && f.letters[k]; k++)
			buf_putc(out, WEIGHT_BASE + f.upper);
	}
}

void collate_key(struct buf *out, struct slice name)
{
	struct buf acc = BUF_INIT;
	size_t skip = article_len(name);

	buf_putc(&acc, WEIGHT_BASE + (skip > 0));
	primary(sl_make(name.ptr + skip, name.len - skip), out, &acc);
	buf_putc(out, LEVEL_SEP);
	buf_putsl(out, buf_slice(&acc));
	buf_putc(out, LEVEL_SEP);
	tertiary(name, out);
	buf_putc(out, LEVEL_SEP);
	buf_putsl(out, name);
	buf_free(&acc);
}

int collate_cmp(struct slice a, struct slice b)
{
	struct buf ka = BUF_INIT, kb = BUF_INIT;
	int c;

	collate_key(&ka, a);
	collate_key(&kb, b);
	c = sl_cmp(buf_slice(&ka), buf_slice(&kb));
	buf_free(&ka);
	buf_free(&kb);
	return c;
}

char collate_initial(struct slice name)
{
	struct buf p = BUF_INIT;
	size_t skip = article_len(name);
	char c;

	primary(sl_make(name.ptr + skip, name.len - skip), &p, NULL);
	if (p.len && p.ptr[0] >= 'a' && p.ptr[0] <= 'z')
		c = (char)(p.ptr[0] - 'a' + 'A');
	else if (p.len && (unsigned char)p.ptr[0] >= 0x80)
		c = COLLATE_AFTER_Z;
	else
		c = COLLATE_BEFORE_A;
	buf_free(&p);
	return c;
}

void collate_fold(struct buf *out, struct slice name)
{
	primary(name, out, NULL);
}
