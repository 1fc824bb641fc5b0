/*
 * labels: defaults and the theme's labels.yaml.  See labels.h.
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
			l->text[k] = e->value->text;
		}
	}
	return diag_errors(d) - before;
}
