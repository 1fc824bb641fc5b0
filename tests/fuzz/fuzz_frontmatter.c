/*
 * fuzz_frontmatter: the front matter split and the YAML layer
 * (frontmatter.c), and the decoding of site.yaml through the schema
 * (validate.c).
 *
 * Every input is read twice, as load.c reads files: as a content file
 * ('---', YAML, '---', Markdown) by fm_parse, and as a whole YAML file by
 * yaml_parse_file; a mapping is then decoded as site.yaml.  Besides not
 * crashing, the tree must keep its promises: positions inside the file,
 * unique keys, a root map for a parsed block.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "frontmatter.h"
#include "fuzz.h"
#include "schema.h"
#include "validate.h"

/* Maps up to this size get their keys compared pairwise. */
enum { WALK_PAIRWISE_MAX = 64 };

static size_t count_lines(const struct source *src)
{
	size_t lines = 1, i;

	for (i = 0; i < src->len; i++)
		lines += src->text[i] == '\n';
	return lines;
}

/* Line 0 is "the whole file"; any other line exists. */
static void check_pos(size_t lines, struct pos p)
{
	FUZZ_ASSERT(p.line <= lines);
}

static void walk(size_t lines, const struct ynode *n, int depth)
{
	size_t i, j;

	FUZZ_ASSERT(depth <= YAML_MAX_DEPTH); /* the parser bounds nesting */
	if (n == NULL)
		return;
	check_pos(lines, n->pos);
	switch (n->kind) {
	case Y_SCALAR:
		FUZZ_ASSERT(n->text.ptr != NULL || n->text.len == 0);
		break;
	case Y_SEQ:
		for (i = 0; i < n->nitems; i++)
			walk(lines, n->items[i], depth + 1);
		break;
	case Y_MAP:
		/* Duplicates were reported and dropped: every key is unique
		 * and has a value (checked pairwise on small maps only). */
		for (i = 0; i < n->nentries; i++) {
			const struct ymap_entry *e = &n->entries[i];

			check_pos(lines, e->key_pos);
			FUZZ_ASSERT(e->value != NULL);
			for (j = 0; n->nentries <= WALK_PAIRWISE_MAX && j < i; j++)
				FUZZ_ASSERT(!sl_eq(e->key, n->entries[j].key));
			if (memchr(e->key.ptr, '\0', e->key.len) == NULL &&
			    e->key.ptr[e->key.len] == '\0')
				FUZZ_ASSERT(ynode_entry(n, e->key.ptr) == e);
			walk(lines, e->value, depth + 1);
		}
		break;
	}
	(void)ynode_kind_name(n);
	(void)ynode_is_null(n);
}

static void as_content_file(const char *text, size_t len)
{
	struct arena a = ARENA_INIT;
	struct diag_ctx d;
	struct frontmatter fm;
	struct source *src;

	diag_init(&d);
	memset(&fm, 0, sizeof(fm));
	src = diag_source(&d, "events/fuzz.md", text, len);
	if (fm_parse(&a, &a, &d, src, &fm) == 0) {
		FUZZ_ASSERT(fm.root != NULL && fm.root->kind == Y_MAP);
		FUZZ_ASSERT(fm.body_offset <= len);
		FUZZ_ASSERT(fm.body.ptr == text + fm.body_offset);
		FUZZ_ASSERT(fm.body_offset + fm.body.len <= len);
	} else {
		FUZZ_ASSERT(d.counts[DL_ERROR] > 0);
	}
	walk(count_lines(src), fm.root, 0);
	fuzz_flush(&d);
	diag_free(&d);
	arena_free(&a);
}

static void as_yaml_file(const char *text, size_t len)
{
	struct arena a = ARENA_INIT;
	struct diag_ctx d;
	struct ynode *root = NULL;
	struct source *src;

	diag_init(&d);
	src = diag_source(&d, "site.yaml", text, len);
	if (yaml_parse_file(&a, &d, src, &root) != 0)
		FUZZ_ASSERT(d.counts[DL_ERROR] > 0);
	walk(count_lines(src), root, 0);
	if (root && root->kind == Y_MAP) {
		/* site.yaml is decoded before there is a site: no vocabularies,
		 * and file checks look in a folder that does not exist. */
		struct vctx v = { &a, &d, src, NULL, "/nonexistent-fuzz-site" };
		void *rec = arena_alloc(&a, schema_site.size);

		memset(rec, 0, schema_site.size);
		(void)validate_record(&v, &schema_site, root, rec);
	}
	fuzz_flush(&d);
	diag_free(&d);
	arena_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len;
	char *text = fuzz_text(data, size, &len);

	if (text == NULL)
		return 0;
	as_content_file(text, len);
	as_yaml_file(text, len);
	free(text);
	return 0;
}
