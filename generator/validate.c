/*
 * validate: the schema-driven decoder.  See validate.h.
 *
 * decode_value() is one flat switch over field types; each case checks the
 * YAML node's shape and style, reports what is wrong at the value's own
 * position, and stores the value in the record at the field's offset.
 */
#include "validate.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "fuzzydate.h"
#include "xalloc.h"

enum { MAX_SUGGEST_DISTANCE = 3, MAX_PATH_LEN = 512, MAX_ID_LEN = 120 };

static unsigned decode_value(struct vctx *v, const struct field *f,
			     const char *key, const struct ynode *n,
			     void *dst);

/* ---- small predicates ---- */

static bool is_plain(const struct ynode *n)
{
	return n->kind == Y_SCALAR && n->style == YS_PLAIN;
}

static bool is_bool_word(struct slice s)
{
	return sl_eq_cstr(s, "true") || sl_eq_cstr(s, "false");
}

/* Words YAML 1.1 took for booleans, which the contract does not. */
static bool is_yaml11_bool(struct slice s)
{
	static const char *const words[] = { "yes", "no", "on", "off", "y",
		"n", "True", "False", "TRUE", "FALSE", "Yes", "No", "YES",
		"NO", "On", "Off", "ON", "OFF", NULL };
	size_t i;

	for (i = 0; words[i]; i++)
		if (sl_eq_cstr(s, words[i]))
			return true;
	return false;
}

static bool looks_numeric(struct slice s)
{
	size_t i = 0, digits = 0;

	if (i < s.len && (s.ptr[i] == '-' || s.ptr[i] == '+'))
		i++;
	for (; i < s.len; i++) {
		if (isdigit((unsigned char)s.ptr[i]))
			digits++;
		else if (s.ptr[i] != '.' && s.ptr[i] != '_')
			return false;
	}
	return digits > 0;
}

static bool parse_int(struct slice s, long long *out)
{
	char tmp[32];
	char *end;

	if (s.len == 0 || s.len >= sizeof(tmp))
		return false;
	memcpy(tmp, s.ptr, s.len);
	tmp[s.len] = '\0';
	if (!isdigit((unsigned char)tmp[tmp[0] == '-']))
		return false;
	errno = 0;
	*out = strtoll(tmp, &end, 10);
	return errno == 0 && *end == '\0';
}

static bool parse_double(struct slice s, double *out)
{
	char tmp[64];
	char *end;

	if (s.len == 0 || s.len >= sizeof(tmp) || !looks_numeric(s))
		return false;
	memcpy(tmp, s.ptr, s.len);
	tmp[s.len] = '\0';
	errno = 0;
	*out = strtod(tmp, &end);
	return errno == 0 && *end == '\0' && isfinite(*out);
}

bool validate_id(struct slice id)
{
	size_t i;

	if (id.len == 0 || id.len > MAX_ID_LEN || id.ptr[0] == '-')
		return false;
	for (i = 0; i < id.len; i++) {
		char c = id.ptr[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '-'))
			return false;
	}
	return true;
}

const char *validate_unsafe_scheme(struct slice url)
{
	static const char *const schemes[] = { "javascript", "vbscript",
		"data", NULL };
	size_t i = 0, j, k;

	while (i < url.len && isspace((unsigned char)url.ptr[i]))
		i++;
	for (k = 0; schemes[k]; k++) {
		size_t n = strlen(schemes[k]);

		if (url.len - i <= n || url.ptr[i + n] != ':')
			continue;
		for (j = 0; j < n; j++)
			if (tolower((unsigned char)url.ptr[i + j]) !=
			    schemes[k][j])
				break;
		if (j == n)
			return schemes[k];
	}
	return NULL;
}

/* ---- nearest-key suggestions (Levenshtein over short words) ---- */

static size_t edit_distance(struct slice a, const char *b)
{
	size_t m = strlen(b), i, j;
	size_t row[64];

	if (a.len >= 63 || m >= 63)
		return SIZE_MAX;
	for (j = 0; j <= m; j++)
		row[j] = j;
	for (i = 1; i <= a.len; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t cost = a.ptr[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = diag + cost;

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[m];
}

/*
 * Do a and b differ only in their digits?  Then they are two numbers of
 * one series (objectives "1.2" and "1.3", "elp-2024" and "elp-2025"), not
 * a typo of one another, and suggesting the other would mislead.
 */
static bool only_digits_differ(struct slice a, const char *b)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < a.len && isdigit((unsigned char)a.ptr[i]))
			i++;
		while (b[j] && isdigit((unsigned char)b[j]))
			j++;
		if (i == a.len || !b[j])
			return i == a.len && !b[j];
		if (a.ptr[i++] != b[j++])
			return false;
	}
}

const char *validate_nearest(struct slice w, const char *const *words,
			     size_t n)
{
	const char *best = NULL;
	size_t best_d = SIZE_MAX, i;
	size_t limit = w.len <= 4 ? 1 : w.len <= 8 ? 2 : MAX_SUGGEST_DISTANCE;

	for (i = 0; i < n && words[i]; i++) {
		size_t d = edit_distance(w, words[i]);

		if (only_digits_differ(w, words[i]))
			continue;

		if (d < best_d) {
			best_d = d;
			best = words[i];
		}
	}
	return best_d <= limit ? best : NULL;
}

static void suggestion(const struct vctx *v, struct buf *b, const char *near)
{
	if (near)
		buf_printf(b, diag_tr(v->d, "; did you mean '%s'?",
				      "; bedoel je '%s'?"), near);
}

/* The words a type or value is named by in messages, and other fixed
 * phrases filled into them, in Dutch. */
static const struct {
	const char *en, *nl;
} type_words[] = {
	{ "text", "tekst" }, { "a date", "een datum" },
	{ "a list", "een lijst" },
	{ "a mapping", "een mapping (sleutels met waarden)" },
	{ "a whole number", "een geheel getal" }, { "a word", "een woord" },
	{ "true or false", "true of false" },
	{ "[latitude, longitude]", "[breedtegraad, lengtegraad]" },
	{ "a number", "een getal" }, { "nothing", "niets" },
	{ "a moment", "een tijdstip" }, { "a day", "een dag" },
	{ "a month", "een maand" }, { "a quarter", "een kwartaal" },
	{ "a half-year", "een halfjaar" }, { "a season", "een seizoen" },
	{ "a year", "een jaar" }, { "a range", "een periode" },
	/* why a path is not safe (path_problem, alias_problem) */
	{ "it is empty", "het is leeg" }, { "it is too long", "het is te lang" },
	{ "it must not start with '/'", "het mag niet met '/' beginnen" },
	{ "use '/' between folders, not '\\'",
	  "gebruik '/' tussen mappen, geen '\\'" },
	{ "it contains a control character", "het bevat een controleteken" },
	{ "it has an empty folder name", "het heeft een lege mapnaam" },
	{ "'..' would leave the folder", "'..' zou de map verlaten" },
	{ "names starting with '.' are not published",
	  "namen die met '.' beginnen, worden niet gepubliceerd" },
	{ "use one name of lower-case a-z, 0-9 and '-'",
	  "gebruik één naam van kleine letters a-z, cijfers 0-9 en '-'" },
	{ "it must start with '/'", "het moet met '/' beginnen" },
	{ "'/' is the home page", "'/' is de startpagina" },
	{ "use only letters, digits, '-', '_', '.' and '/'",
	  "gebruik alleen letters, cijfers, '-', '_', '.' en '/'" },
};

const char *validate_type_word(const struct diag_ctx *d, const char *en)
{
	size_t i;

	if (d->lang != LANG_NL)
		return en;
	for (i = 0; i < sizeof(type_words) / sizeof(type_words[0]); i++)
		if (!strcmp(type_words[i].en, en))
			return type_words[i].nl;
	return en;
}

/* ---- reporting helpers ---- */

static unsigned type_error(struct vctx *v, const char *key,
			   const struct ynode *n, const char *want)
{
	const char *got = ynode_kind_name(n);

	if (n->kind == Y_SCALAR && is_plain(n) && is_bool_word(n->text))
		got = "true/false";
	else if (n->kind == Y_SCALAR && is_plain(n) && looks_numeric(n->text))
		got = "a number";
	diag(v->d, D_TYPE, v->src, n->pos, key, validate_type_word(v->d, want),
	     validate_type_word(v->d, got));
	return 1;
}

static struct pos pos_plus(struct pos p, const struct ynode *n,
			   size_t byte_off)
{
	size_t i;

	if (n->style == YS_QUOTED)
		p.col++;
	for (i = 0; i < byte_off && i < n->text.len; i++)
		if (((unsigned char)n->text.ptr[i] & 0xC0) != 0x80)
			p.col++;
	return p;
}

/* ---- scalar cases ---- */

static unsigned want_scalar(struct vctx *v, const char *key,
			    const struct ynode *n, const char *want)
{
	if (n->kind == Y_SCALAR)
		return 0;
	return type_error(v, key, n, want);
}

static unsigned decode_text(struct vctx *v, const struct field *f,
			    const char *key, const struct ynode *n,
			    struct text *t)
{
	if (want_scalar(v, key, n, "text"))
		return 1;
	if (is_plain(n) && is_bool_word(n->text))
		return type_error(v, key, n, "text");
	/* An unquoted code is an error, but its text is kept so that
	 * references to it do not cascade into errors of their own. */
	t->s = n->text;
	t->pos = n->pos;
	t->set = true;
	if (f->type == FT_CODE && is_plain(n) && looks_numeric(n->text)) {
		diag(v->d, D_CODE_UNQUOTED, v->src, n->pos, key,
		     n->text.ptr);
		return 1;
	}
	return 0;
}

static unsigned decode_int(struct vctx *v, const struct field *f,
			   const char *key, const struct ynode *n,
			   struct num *out)
{
	long long x;

	/* "29" in quotes is text to YAML; say which quotes to drop. */
	if (n->kind == Y_SCALAR && n->style == YS_QUOTED &&
	    parse_int(n->text, &x)) {
		diag(v->d, D_NUMBER_QUOTED, v->src, n->pos, key, n->text.ptr);
		return 1;
	}
	if (n->kind != Y_SCALAR || !is_plain(n) || !looks_numeric(n->text))
		return type_error(v, key, n, "a whole number");
	if (!parse_int(n->text, &x) || x < f->min || x > f->max) {
		if (f->min == 2000 && f->max == 2100)
			diag(v->d, D_PLAN_YEAR, v->src, n->pos, key);
		else
			diag(v->d, D_BAD_NUMBER, v->src, n->pos,
			     n->text.ptr, key);
		return 1;
	}
	out->v = x;
	out->pos = n->pos;
	out->set = true;
	return 0;
}

static unsigned decode_bool(struct vctx *v, const char *key,
			    const struct ynode *n, struct flag *out)
{
	if (n->kind == Y_SCALAR && is_plain(n) && is_bool_word(n->text)) {
		out->v = sl_eq_cstr(n->text, "true");
		out->pos = n->pos;
		out->set = true;
		return 0;
	}
	/* "true" in quotes is text: the message must not claim that
	 * true is not a boolean. */
	if (n->kind == Y_SCALAR && n->style == YS_QUOTED &&
	    is_bool_word(n->text)) {
		diag(v->d, D_BOOL_QUOTED, v->src, n->pos, key, n->text.ptr);
		return 1;
	}
	if (n->kind == Y_SCALAR && (is_yaml11_bool(n->text) ||
				    is_bool_word(n->text))) {
		diag(v->d, D_BOOL_WORD, v->src, n->pos, key, n->text.ptr);
		return 1;
	}
	return type_error(v, key, n, "true or false");
}

static unsigned decode_date(struct vctx *v, const struct field *f,
			    const char *key, const struct ynode *n,
			    struct date *out)
{
	struct fd_seasons seasons = { NULL, 0 };
	struct fuzzydate *fd;
	struct fd_status st;
	struct buf msg = BUF_INIT;

	if (want_scalar(v, key, n, "a date"))
		return 1;
	if (v->site) {
		seasons.v = v->site->cfg.seasons.v;
		seasons.n = v->site->cfg.seasons.n;
	}
	fd = arena_alloc(v->a, sizeof(*fd));
	if (!fuzzydate_parse_in(n->text, seasons.n ? &seasons : NULL, fd, &st,
				&msg, v->d->lang == LANG_NL)) {
		if (st.err == FDE_GAP)
			diag(v->d, D_DATE_GAP, v->src, pos_plus(n->pos, n,
			     st.offset), n->text.ptr);
		else
			diag(v->d, D_BAD_DATE, v->src,
			     pos_plus(n->pos, n, st.offset), msg.ptr);
		if (st.err != FDE_GAP)
			diag_fix(v->d, D_FIX_DATE, n->text.ptr);
		buf_free(&msg);
		return 1;
	}
	buf_free(&msg);
	if (st.ambiguous)
		diag(v->d, D_DATE_AMBIGUOUS, v->src,
		     pos_plus(n->pos, n, st.warn_offset), n->text.ptr);
	if (f->type == FT_DAY && fd->prec != FD_DAY) {
		diag(v->d, D_NEED_DAY, v->src, n->pos, key,
		     validate_type_word(v->d,
					fuzzydate_precision_name(fd->prec)));
		return 1;
	}
	out->fd = fd;
	out->raw = n->text;
	out->pos = n->pos;
	out->set = true;
	return 0;
}

static size_t count_words(const char *const *w)
{
	size_t n = 0;

	while (w[n])
		n++;
	return n;
}

static unsigned decode_enum(struct vctx *v, const struct field *f,
			    const char *key, const struct ynode *n,
			    struct choice *out)
{
	size_t i, nw = count_words(f->words);
	struct buf list = BUF_INIT;
	char *words;

	if (want_scalar(v, key, n, "a word"))
		return 1;
	for (i = 0; i < nw; i++) {
		if (!sl_eq_cstr(n->text, f->words[i]))
			continue;
		if (is_plain(n) && looks_numeric(n->text)) {
			diag(v->d, D_CODE_UNQUOTED, v->src, n->pos, key,
			     n->text.ptr);
			return 1;
		}
		out->v = (int)i;
		out->pos = n->pos;
		out->set = true;
		return 0;
	}
	for (i = 0; i < nw; i++)
		buf_printf(&list, "%s%s", i ? ", " : "", f->words[i]);
	words = buf_detach(&list, NULL);
	suggestion(v, &list, validate_nearest(n->text, f->words, nw));
	diag(v->d, D_BAD_ENUM, v->src, n->pos, n->text.ptr, key, words,
	     list.ptr ? list.ptr : "");
	if (validate_nearest(n->text, f->words, nw))
		diag_fix(v->d, D_FIX_REPLACE, n->text.ptr,
			 validate_nearest(n->text, f->words, nw));
	else
		diag_fix(v->d, D_FIX_ENUM, n->text.ptr, words);
	free(words);
	buf_free(&list);
	return 1;
}

static const char *const vocab_what[V__COUNT] = {
	"municipality", "cluster", "audience", "event type", "partner type",
	"service category",
};
static const char *const vocab_what_nl[V__COUNT] = {
	"gemeente", "cluster", "doelgroep", "soort activiteit",
	"soort partner", "dienstencategorie",
};

static unsigned decode_vocab(struct vctx *v, const struct field *f,
			     const char *key, const struct ynode *n,
			     struct ref *out)
{
	const struct list *l;
	const char **ids, *near;
	struct buf hint = BUF_INIT;
	size_t i;

	if (decode_text(v, &(struct field){ .type = FT_CODE }, key, n,
			&(struct text){ 0 }))
		return 1;
	if (v->site == NULL)
		die("vocabulary field '%s' decoded before site.yaml", key);
	out->id = n->text;
	out->pos = n->pos;
	out->set = true;
	out->index = model_find_vocab(v->site, (enum vocab)f->target, n->text);
	if (out->index >= 0 || v->site->config_broken)
		return 0; /* with site.yaml broken, its own error says it all */
	l = &v->site->cfg.vocab[f->target];
	ids = xcalloc(l->n + 1, sizeof(*ids));
	for (i = 0; i < l->n; i++)
		ids[i] = LIST_AT(*l, struct vocab_entry, i).id.s.ptr;
	near = validate_nearest(n->text, ids, l->n);
	suggestion(v, &hint, near);
	diag(v->d, D_DANGLING_REF, v->src, n->pos, key,
	     diag_tr(v->d, vocab_what[f->target], vocab_what_nl[f->target]),
	     n->text.ptr, hint.ptr ? hint.ptr : "");
	buf_reset(&hint);
	buf_printf(&hint, "'%s' in site.yaml", vocab_keys[f->target]);
	if (near)
		diag_fix(v->d, D_FIX_REPLACE, n->text.ptr, near);
	else
		diag_fix(v->d, D_FIX_REF, n->text.ptr, n->text.ptr, hint.ptr);
	free(ids);
	buf_free(&hint);
	return 1;
}

static unsigned decode_ref(struct vctx *v, const char *key,
			   const struct ynode *n, struct ref *out)
{
	struct text t = { 0 };

	if (decode_text(v, &(struct field){ .type = FT_CODE }, key, n, &t))
		return 1;
	out->id = t.s;
	out->pos = t.pos;
	out->index = REF_UNRESOLVED;
	out->set = true;
	return 0;
}

static unsigned decode_url(struct vctx *v, const char *key,
			   const struct ynode *n, struct text *out)
{
	const char *bad;
	struct slice s;

	if (decode_text(v, &(struct field){ .type = FT_TEXT }, key, n, out))
		return 1;
	s = out->s;
	bad = validate_unsafe_scheme(s);
	if (bad) {
		struct buf scheme = BUF_INIT;

		/* "javascript:", as markdown.c says it for body links. */
		buf_printf(&scheme, "%s:", bad);
		diag(v->d, D_UNSAFE_URL, v->src, n->pos, s.ptr, scheme.ptr);
		buf_free(&scheme);
		out->set = false;
		return 1;
	}
	if ((!sl_starts_with(s, "https://") && !sl_starts_with(s, "http://")) ||
	    s.len < 10 || memchr(s.ptr, ' ', s.len) || memchr(s.ptr, '"', s.len) ||
	    memchr(s.ptr, '<', s.len)) {
		diag(v->d, D_BAD_URL, v->src, n->pos, s.ptr);
		out->set = false;
		return 1;
	}
	return 0;
}

static unsigned decode_email(struct vctx *v, const char *key,
			     const struct ynode *n, struct text *out)
{
	const char *at, *dot;

	if (decode_text(v, &(struct field){ .type = FT_TEXT }, key, n, out))
		return 1;
	at = memchr(out->s.ptr, '@', out->s.len);
	dot = at ? strchr(at, '.') : NULL;
	if (!at || at == out->s.ptr || !dot || dot[1] == '\0' ||
	    dot == at + 1 || strpbrk(out->s.ptr, " <>\"(),;:") ||
	    strchr(at + 1, '@')) {
		diag(v->d, D_BAD_EMAIL, v->src, n->pos, out->s.ptr);
		out->set = false;
		return 1;
	}
	return 0;
}

/* A relative path that stays inside its folder: no '..', no absolute
 * path, no empty or hidden component, no backslash. */
static const char *path_problem(struct slice p)
{
	size_t i, start = 0;

	if (p.len == 0)
		return "it is empty";
	if (p.len > MAX_PATH_LEN)
		return "it is too long";
	if (p.ptr[0] == '/')
		return "it must not start with '/'";
	for (i = 0; i <= p.len; i++) {
		if (i < p.len && p.ptr[i] == '\\')
			return "use '/' between folders, not '\\'";
		if (i < p.len && (unsigned char)p.ptr[i] < 0x20)
			return "it contains a control character";
		if (i < p.len && p.ptr[i] != '/')
			continue;
		if (i == start)
			return "it has an empty folder name";
		if (p.ptr[start] == '.')
			return i - start == 2 && p.ptr[start + 1] == '.' ?
			       "'..' would leave the folder" :
			       "names starting with '.' are not published";
		start = i + 1;
	}
	return NULL;
}

static unsigned decode_file(struct vctx *v, const struct field *f,
			    const char *key, const struct ynode *n,
			    struct text *out)
{
	const char *why;
	struct buf path = BUF_INIT;
	struct stat st;
	unsigned err = 0;

	if (decode_text(v, &(struct field){ .type = FT_TEXT }, key, n, out))
		return 1;
	why = path_problem(out->s);
	if (why) {
		diag(v->d, D_BAD_PATH, v->src, n->pos, out->s.ptr,
		     validate_type_word(v->d, why));
		out->set = false;
		return 1;
	}
	buf_printf(&path, "%s/%s%s", v->site_dir,
		   f->type == FT_STATIC ? "static/" : "", out->s.ptr);
	if (stat(path.ptr, &st) != 0 || !S_ISREG(st.st_mode)) {
		if (f->type == FT_STATIC)
			diag(v->d, D_STATIC_MISSING, v->src, n->pos,
			     out->s.ptr);
		else
			diag(v->d, D_IO, v->src, n->pos, out->s.ptr);
		out->set = false;
		err = 1;
	}
	buf_free(&path);
	return err;
}

static bool slug_ok(struct slice s)
{
	return validate_id(s) && s.ptr[s.len - 1] != '-';
}

static unsigned decode_slug(struct vctx *v, const char *key,
			    const struct ynode *n, struct text *out)
{
	if (decode_text(v, &(struct field){ .type = FT_TEXT }, key, n, out))
		return 1;
	if (!slug_ok(out->s)) {
		diag(v->d, D_BAD_PATH, v->src, n->pos, out->s.ptr,
		     validate_type_word(v->d, "use one name of lower-case "
					"a-z, 0-9 and '-'"));
		out->set = false;
		return 1;
	}
	return 0;
}

/* What is wrong with an alias, or NULL when it is a safe site path. */
static const char *alias_problem(struct slice s)
{
	const char *why;
	size_t i;

	if (s.len == 0 || s.ptr[0] != '/')
		return "it must start with '/'";
	s.ptr++;
	s.len--;
	if (s.len && s.ptr[s.len - 1] == '/')
		s.len--;
	if (s.len == 0)
		return "'/' is the home page";
	why = path_problem(s);
	if (why)
		return why;
	for (i = 0; i < s.len; i++)
		if (!isalnum((unsigned char)s.ptr[i]) &&
		    !strchr("-_./", s.ptr[i]))
			return "use only letters, digits, '-', '_', '.' and '/'";
	return NULL;
}

/* /a/b/ or /a/b.html: a site path whose segments are safe.  The message
 * says why, so that "../" and a missing leading '/' are told apart. */
static unsigned decode_alias(struct vctx *v, const char *key,
			     const struct ynode *n, struct text *out)
{
	const char *why;

	if (decode_text(v, &(struct field){ .type = FT_TEXT }, key, n, out))
		return 1;
	why = alias_problem(out->s);
	if (why == NULL)
		return 0;
	diag(v->d, D_BAD_ALIAS, v->src, n->pos, out->s.ptr,
	     validate_type_word(v->d, why));
	out->set = false;
	return 1;
}

static unsigned decode_color(struct vctx *v, const char *key,
			     const struct ynode *n, struct text *out)
{
	size_t i;

	if (decode_text(v, &(struct field){ .type = FT_TEXT }, key, n, out))
		return 1;
	for (i = 1; i < out->s.len && isxdigit((unsigned char)out->s.ptr[i]);
	     i++)
		;
	if (out->s.len != 7 || out->s.ptr[0] != '#' || i != 7) {
		diag(v->d, D_BAD_COLOR, v->src, n->pos, out->s.ptr);
		out->set = false;
		return 1;
	}
	return 0;
}

static unsigned decode_geo(struct vctx *v, const char *key,
			   const struct ynode *n, struct geo *out)
{
	double lat, lon;

	if (n->kind != Y_SEQ || n->nitems != 2)
		return type_error(v, key, n, "[latitude, longitude]");
	if (!is_plain(n->items[0]) || !is_plain(n->items[1]) ||
	    !parse_double(n->items[0]->text, &lat) ||
	    !parse_double(n->items[1]->text, &lon) || lat < -90 || lat > 90 ||
	    lon < -180 || lon > 180) {
		diag(v->d, D_GEO_RANGE, v->src, n->pos);
		return 1;
	}
	out->lat = lat;
	out->lon = lon;
	out->pos = n->pos;
	out->set = true;
	return 0;
}

/* seasons: {voorjaar: [1, 6], najaar: [7, 12]} */
static unsigned decode_seasons(struct vctx *v, const char *key,
			       const struct ynode *n, struct list *out)
{
	struct fd_season *s;
	unsigned err = 0;
	size_t i;

	if (n->kind != Y_MAP)
		return type_error(v, key, n, "a mapping");
	if (n->nentries == 0) {
		diag(v->d, D_VOCAB_EMPTY, v->src, n->pos, key);
		return 1;
	}
	s = arena_array(v->a, n->nentries, sizeof(*s));
	for (i = 0; i < n->nentries; i++) {
		const struct ymap_entry *e = &n->entries[i];
		const struct ynode *r = e->value;
		long long a, b;

		if (!validate_id(e->key) || r->kind != Y_SEQ ||
		    r->nitems != 2 || !parse_int(r->items[0]->text, &a) ||
		    !parse_int(r->items[1]->text, &b) || a < 1 || b > 12 ||
		    a > b) {
			diag(v->d, D_SEASON_RANGE, v->src, e->key_pos,
			     e->key.ptr);
			err++;
			continue;
		}
		s[i].name = e->key;
		s[i].first_month = (int)a;
		s[i].last_month = (int)b;
	}
	if (err)
		return err;
	out->v = s;
	out->n = n->nentries;
	out->pos = n->pos;
	out->set = true;
	return 0;
}

/* ---- containers ---- */

/* "audience: burgers": the list to write instead, with the quotes a
 * number needs when the items are codes ("postcodes: 8020"). */
static unsigned need_list(struct vctx *v, const struct field *f,
			  const char *key, const struct ynode *n)
{
	struct buf item = BUF_INIT;
	bool quote = f->elem->type != FT_INT && looks_numeric(n->text);

	buf_printf(&item, quote ? "\"%s\"" : "%s", n->text.ptr);
	diag(v->d, D_NEED_LIST, v->src, n->pos, key, item.ptr);
	buf_free(&item);
	return 1;
}

struct entry_key {
	struct slice text;
	size_t index;
};

static int cmp_entry_key(const void *a, const void *b)
{
	const struct entry_key *x = a, *y = b;
	int c = sl_cmp(x->text, y->text);

	return c ? c : (x->index > y->index) - (x->index < y->index);
}

static bool entry_decoded(const struct field *el, const char *dst)
{
	if (el->type == FT_ENUM)
		return ((const struct choice *)dst)->set;
	return ((const struct ref *)dst)->set;
}

/* The same id twice in a list of ids is a slip.  Sorting finds repeats in
 * n log n, so a list of 100,000 entries stays fast; each repeat after the
 * first is reported where it stands. */
static unsigned report_duplicates(struct vctx *v, const struct field *f,
				  const char *key, const struct ynode *n,
				  const char *items)
{
	struct entry_key *keys;
	unsigned err = 0;
	size_t i, k = 0;

	if (f->elem->type != FT_REF && f->elem->type != FT_VOCAB &&
	    f->elem->type != FT_ENUM)
		return 0;
	keys = xreallocarray(NULL, n->nitems + 1, sizeof(*keys));
	for (i = 0; i < n->nitems; i++)
		if (entry_decoded(f->elem, items + i * f->size))
			keys[k++] = (struct entry_key){ n->items[i]->text, i };
	if (k > 1)
		qsort(keys, k, sizeof(*keys), cmp_entry_key);
	for (i = 1; i < k; i++) {
		if (!sl_eq(keys[i - 1].text, keys[i].text))
			continue;
		diag(v->d, D_DUP_ENTRY, v->src, n->items[keys[i].index]->pos,
		     keys[i].text.ptr, key);
		err++;
	}
	free(keys);
	return err;
}

static unsigned decode_list(struct vctx *v, const struct field *f,
			    const char *key, const struct ynode *n,
			    struct list *out)
{
	unsigned err = 0;
	size_t i;
	char *items;

	/* One plain word where a list of words is wanted is the commonest
	 * slip ("audience: burgers"): show the list to write. */
	if (n->kind == Y_SCALAR && is_plain(n) && f->elem->type != FT_STRUCT &&
	    !is_bool_word(n->text))
		return need_list(v, f, key, n);
	if (n->kind != Y_SEQ)
		return type_error(v, key, n, "a list");
	if (n->nitems == 0 && (f->flags & F_NONEMPTY)) {
		diag(v->d, D_VOCAB_EMPTY, v->src, n->pos, key);
		return 1;
	}
	items = arena_array(v->a, n->nitems, f->size);
	for (i = 0; i < n->nitems; i++) {
		void *dst = items + i * f->size;

		if (decode_value(v, f->elem, key, n->items[i], dst))
			err++;
	}
	err += report_duplicates(v, f, key, n, items);
	out->v = items;
	out->n = n->nitems;
	out->pos = n->pos;
	out->set = true;
	return err;
}

static unsigned decode_value(struct vctx *v, const struct field *f,
			     const char *key, const struct ynode *n,
			     void *dst)
{
	switch (f->type) {
	case FT_TEXT:
	case FT_CODE:
		return decode_text(v, f, key, n, dst);
	case FT_INT:
		return decode_int(v, f, key, n, dst);
	case FT_BOOL:
		return decode_bool(v, key, n, dst);
	case FT_DATE:
	case FT_DAY:
		return decode_date(v, f, key, n, dst);
	case FT_ENUM:
		return decode_enum(v, f, key, n, dst);
	case FT_VOCAB:
		return decode_vocab(v, f, key, n, dst);
	case FT_REF:
		return decode_ref(v, key, n, dst);
	case FT_URL:
		return decode_url(v, key, n, dst);
	case FT_EMAIL:
		return decode_email(v, key, n, dst);
	case FT_STATIC:
	case FT_FILE:
		return decode_file(v, f, key, n, dst);
	case FT_ALIAS:
		return decode_alias(v, key, n, dst);
	case FT_SLUG:
		return decode_slug(v, key, n, dst);
	case FT_COLOR:
		return decode_color(v, key, n, dst);
	case FT_GEO:
		return decode_geo(v, key, n, dst);
	case FT_ANY:
		*(const struct ynode **)dst = n;
		return 0;
	case FT_STRUCT:
		/* Nested records begin with struct nested (model.h). */
		((struct nested *)dst)->pos = n->pos;
		((struct nested *)dst)->set = n->kind == Y_MAP;
		return validate_record(v, f->sub, n, dst);
	case FT_LIST:
		return decode_list(v, f, key, n, dst);
	case FT_SEASONS:
		return decode_seasons(v, key, n, dst);
	}
	return 0;
}

/* ---- records ---- */

static const struct field *find_field(const struct schema *sc,
				      struct slice key)
{
	const struct field *f;

	for (f = sc->fields; f->key; f++)
		if (sl_eq_cstr(key, f->key))
			return f;
	return NULL;
}

/* The known key of sc nearest to an unknown one, or NULL. */
static const char *nearest_key(const struct schema *sc, struct slice key)
{
	const char *keys[128];
	size_t n = 0;
	const struct field *f;

	for (f = sc->fields; f->key && n < 127; f++)
		keys[n++] = f->key;
	keys[n] = NULL;
	return validate_nearest(key, keys, n);
}

static unsigned unknown_key(struct vctx *v, const struct schema *sc,
			    const struct ymap_entry *e)
{
	struct buf hint = BUF_INIT;

	const char *near = nearest_key(sc, e->key);

	suggestion(v, &hint, near);
	if (hint.len == 0 && sl_eq_cstr(e->key, "id"))
		buf_puts(&hint, diag_tr(v->d,
			 "; a file's id is its name without .md",
			 "; de id van een bestand is zijn naam zonder .md"));
	diag(v->d, D_UNKNOWN_KEY, v->src, e->key_pos, e->key.ptr,
	     hint.ptr ? hint.ptr : "");
	if (near)
		diag_fix(v->d, D_FIX_RENAME_KEY, e->key.ptr, near);
	else
		diag_fix(v->d, D_FIX_REMOVE_KEY, e->key.ptr);
	buf_free(&hint);
	return 1;
}

/* Absent enums take their default; a default of -1 means "none". */
static void apply_defaults(const struct schema *sc, char *rec)
{
	const struct field *f;

	for (f = sc->fields; f->key; f++) {
		struct choice *c = (struct choice *)(rec + f->off);

		if (f->type == FT_ENUM && !c->set)
			c->v = f->def;
	}
}

/*
 * Is the required key f absent because it was misspelt ("strat:")?  The
 * unknown key's error already names f; saying that f is missing as well
 * would report one slip twice.
 */
static bool misspelt(const struct schema *sc, const struct ynode *map,
		     const struct field *f)
{
	size_t i;

	for (i = 0; i < map->nentries; i++) {
		struct slice key = map->entries[i].key;

		if (!find_field(sc, key) && nearest_key(sc, key) == f->key)
			return true;
	}
	return false;
}

unsigned validate_record(struct vctx *v, const struct schema *sc,
			 const struct ynode *map, void *rec)
{
	const struct field *f;
	unsigned err = 0;
	size_t i;

	apply_defaults(sc, rec);
	if (map->kind != Y_MAP) {
		diag(v->d, D_NOT_MAPPING, v->src, map->pos, sc->what);
		return 1;
	}
	for (i = 0; i < map->nentries; i++) {
		const struct ymap_entry *e = &map->entries[i];

		f = find_field(sc, e->key);
		if (!f) {
			err += unknown_key(v, sc, e);
			continue;
		}
		if (ynode_is_null(e->value)) {
			if (f->flags & F_REQUIRED) {
				diag(v->d, D_EMPTY_VALUE, v->src, e->key_pos,
				     f->key);
				diag_fix(v->d, D_FIX_FILL_KEY, f->key);
				err++;
			}
			continue;
		}
		err += decode_value(v, f, f->key, e->value,
				    (char *)rec + f->off);
	}
	for (f = sc->fields; f->key; f++) {
		if ((f->flags & F_REQUIRED) && !ynode_entry(map, f->key) &&
		    !misspelt(sc, map, f)) {
			diag(v->d, D_MISSING_KEY, v->src, map->pos, f->key);
			diag_fix(v->d, D_FIX_ADD_KEY, f->key);
			err++;
		}
	}
	return err;
}
