/*
 * labels: defaults, the theme's labels.yaml and the filling in of
 * placeholders.  See labels.h.
 */
#include "labels.h"

#include <stdlib.h>
#include <unistd.h>

#include "buf.h"
#include "frontmatter.h"
#include "validate.h"
#include "xalloc.h"

static const char *const keys[L__COUNT] = {
#define X(id, key, text) [id] = key,
	LABEL_TABLE(X)
#undef X
};

static const char *const defaults[L__COUNT] = {
#define X(id, key, text) [id] = text,
	LABEL_TABLE(X)
#undef X
};

void labels_defaults(struct labels *l)
{
	int k;

	for (k = 0; k < L__COUNT; k++)
		l->text[k] = sl_cstr(defaults[k]);
}

/* The length of the placeholder "{name}" at text[i], or 0 when none
 * starts there.  A name is made of a-z and '_'. */
static size_t placeholder_at(struct slice text, size_t i)
{
	size_t j = i + 1;

	if (text.ptr[i] != '{')
		return 0;
	while (j < text.len && ((text.ptr[j] >= 'a' && text.ptr[j] <= 'z') ||
				text.ptr[j] == '_'))
		j++;
	return j > i + 1 && j < text.len && text.ptr[j] == '}' ? j + 1 - i : 0;
}

/* The name inside the placeholder of length n at text[i]. */
static struct slice placeholder_name(struct slice text, size_t i, size_t n)
{
	return sl_make(text.ptr + i + 1, n - 2);
}

void label_fill(struct buf *out, struct slice text,
		const struct label_arg *args, size_t nargs)
{
	size_t i = 0, n, k;

	while (i < text.len) {
		n = placeholder_at(text, i);
		for (k = 0; n && k < nargs; k++)
			if (sl_eq_cstr(placeholder_name(text, i, n),
				       args[k].name))
				break;
		if (n == 0 || k == nargs) {
			buf_putc(out, text.ptr[i++]);
			continue;
		}
		buf_putsl(out, args[k].value);
		i += n;
	}
}

/* How often the placeholder named name stands in text. */
static unsigned count_placeholder(struct slice text, struct slice name)
{
	unsigned count = 0;
	size_t i, n;

	for (i = 0; i < text.len; i += n ? n : 1) {
		n = placeholder_at(text, i);
		if (n && sl_eq(placeholder_name(text, i, n), name))
			count++;
	}
	return count;
}

/* What is wrong with a theme's text for label k, put in why ("" when
 * nothing): the first placeholder of the default it lacks or repeats,
 * else the first one it has that the default does not. */
static void check_placeholders(struct diag_ctx *d, int k, struct slice text,
			       struct buf *why)
{
	struct slice def = sl_cstr(defaults[k]), name;
	size_t i, n;
	unsigned count;

	for (i = 0; i < def.len && why->len == 0; i += n ? n : 1) {
		if ((n = placeholder_at(def, i)) == 0)
			continue;
		name = placeholder_name(def, i, n);
		count = count_placeholder(text, name);
		if (count == 0)
			buf_printf(why, diag_tr(d, "{%.*s} is missing",
				   "{%.*s} ontbreekt"), SL_FMT(name));
		else if (count > 1)
			buf_printf(why, diag_tr(d, "{%.*s} is there %u times",
				   "{%.*s} staat er %u keer"), SL_FMT(name),
				   count);
	}
	for (i = 0; i < text.len && why->len == 0; i += n ? n : 1) {
		if ((n = placeholder_at(text, i)) == 0)
			continue;
		name = placeholder_name(text, i, n);
		if (count_placeholder(def, name) == 0)
			buf_printf(why, diag_tr(d, "{%.*s} is not one of them",
				   "{%.*s} hoort daar niet bij"),
				   SL_FMT(name));
	}
}

static int find_key(struct slice k)
{
	int i;

	for (i = 0; i < L__COUNT; i++)
		if (sl_eq_cstr(k, keys[i]))
			return i;
	return -1;
}

/* labels.yaml is read with the site's own sources so its messages point
 * into it like any other file. */
static struct source *read_yaml(struct arena *a, struct diag_ctx *d,
				const char *path)
{
	struct buf text = BUF_INIT;
	FILE *f = fopen(path, "rb");
	char chunk[4096];
	size_t n;
	char *copy;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&text, chunk, n);
	fclose(f);
	copy = arena_strndup(a, text.ptr, text.len);
	n = text.len;
	buf_free(&text);
	return diag_source(d, path, copy, n);
}

/* A theme's text for label k, unless its placeholders are wrong: a
 * page would then miss its value or show "{name}". */
static void set_label(struct labels *l, struct diag_ctx *d,
		      const struct source *src, int k, const struct ynode *v)
{
	struct buf why = BUF_INIT;

	check_placeholders(d, k, v->text, &why);
	if (why.len)
		diag(d, D_LABEL_PLACEHOLDER, src, v->pos, keys[k],
		     defaults[k], why.ptr);
	else
		l->text[k] = v->text;
	buf_free(&why);
}

unsigned labels_load(struct labels *l, struct arena *a, struct diag_ctx *d,
		     const char *theme_dir)
{
	struct buf path = BUF_INIT;
	struct ynode *root = NULL;
	struct source *src;
	unsigned before = diag_errors(d);
	size_t i;
	int k;

	labels_defaults(l);
	buf_printf(&path, "%s/labels.yaml", theme_dir);
	src = read_yaml(a, d, path.ptr);
	buf_free(&path);
	if (src == NULL || yaml_parse_file(a, d, src, &root) || root == NULL)
		return diag_errors(d) - before;
	if (root->kind != Y_MAP) {
		diag(d, D_NOT_MAPPING, src, root->pos, "labels.yaml");
		return diag_errors(d) - before;
	}
	for (i = 0; i < root->nentries; i++) {
		const struct ymap_entry *e = &root->entries[i];

		k = find_key(e->key);
		if (k < 0) {
			const char *near = validate_nearest(e->key, keys, L__COUNT);
			struct buf hint = BUF_INIT;

			if (near)
				buf_printf(&hint, diag_tr(d, "; did you mean "
					   "'%s'?", "; bedoel je '%s'?"), near);
			diag(d, D_UNKNOWN_KEY, src, e->key_pos, e->key.ptr,
			     hint.ptr);
			buf_free(&hint);
		} else if (e->value->kind != Y_SCALAR) {
			diag(d, D_TYPE, src, e->value->pos, e->key.ptr,
			     validate_type_word(d, "text"),
			     validate_type_word(d, ynode_kind_name(e->value)));
		} else {
			set_label(l, d, src, k, e->value);
		}
	}
	return diag_errors(d) - before;
}
