/*
 * spec-runner: runs the Mustache specification's tests against template.c.
 *
 * Usage: spec-runner DIR.  Reads the .yml files of DIR in sorted order
 * (skipping ~lambdas.yml: our data is plain data, never code), turns each
 * test's data into template values, registers its partials, renders its
 * template in lenient mode (missing partials are empty, as the spec wants) and
 * compares the output with the expected text byte for byte.
 *
 * YAML typing follows the spec's YAML 1.2 core schema where our values
 * need it: plain null/~ and an empty plain scalar are null, plain
 * true/false are booleans, plain numbers become the text "%.15g" gives
 * for the double (1.210 -> "1.21"), everything else is a string.
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "template.h"

/* Test counts, threaded through instead of kept in globals. */
struct tally {
	unsigned passed, failed;
};

static bool scalar_is(const yaml_node_t *n, const char *const *words)
{
	for (; *words; words++)
		if (strcmp((const char *)n->data.scalar.value, *words) == 0)
			return true;
	return false;
}

/* A decimal YAML number: [-+]digits[.digits][e[-+]digits], or .5 */
static bool looks_numeric(const char *s)
{
	bool digits = false;

	if (*s == '-' || *s == '+')
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		digits = true;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits = true;
	if (digits && (*s == 'e' || *s == 'E')) {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return digits && *s == '\0';
}

static const struct tv *scalar_tv(struct arena *a, const yaml_node_t *n)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL",
					     NULL };
	static const char *const trues[] = { "true", "True", "TRUE", NULL };
	static const char *const falses[] = { "false", "False", "FALSE", NULL };
	const char *text = (const char *)n->data.scalar.value;
	struct slice s = sl_make(text, n->data.scalar.length);

	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return tv_strdup(a, s);
	if (scalar_is(n, nulls))
		return tv_null();
	if (scalar_is(n, trues) || scalar_is(n, falses))
		return tv_bool(a, scalar_is(n, trues));
	if (looks_numeric(text)) {
		char num[64];

		snprintf(num, sizeof(num), "%.15g", strtod(text, NULL));
		return tv_strdup(a, sl_cstr(num));
	}
	return tv_strdup(a, s);
}

static const struct tv *node_tv(struct arena *a, yaml_document_t *doc,
				yaml_node_t *n);

static const struct tv *seq_tv(struct arena *a, yaml_document_t *doc,
			       yaml_node_t *n)
{
	struct tv *v = tv_list_new(a);
	yaml_node_item_t *i;

	for (i = n->data.sequence.items.start; i < n->data.sequence.items.top;
	     i++)
		tv_list_push(a, v,
			     node_tv(a, doc, yaml_document_get_node(doc, *i)));
	return v;
}

/* Keys are copied: libyaml's buffers go with the document. */
static const struct tv *map_tv(struct arena *a, yaml_document_t *doc,
			       yaml_node_t *n)
{
	struct tv *v = tv_map_new(a);
	yaml_node_pair_t *p;

	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *val = yaml_document_get_node(doc, p->value);
		struct slice key;

		if (k == NULL || k->type != YAML_SCALAR_NODE)
			continue;
		key = sl_make((const char *)k->data.scalar.value,
			      k->data.scalar.length);
		tv_map_put_sl(a, v, arena_slice(a, key), node_tv(a, doc, val));
	}
	return v;
}

static const struct tv *node_tv(struct arena *a, yaml_document_t *doc,
				yaml_node_t *n)
{
	if (n == NULL)
		return tv_null();
	switch (n->type) {
	case YAML_SCALAR_NODE: return scalar_tv(a, n);
	case YAML_SEQUENCE_NODE: return seq_tv(a, doc, n);
	case YAML_MAPPING_NODE: return map_tv(a, doc, n);
	case YAML_NO_NODE: break;
	}
	return tv_null();
}

/* The value of key in a mapping node, or NULL. */
static yaml_node_t *get(yaml_document_t *doc, yaml_node_t *map,
			const char *key)
{
	yaml_node_pair_t *p;

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);

		if (k && k->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, key) == 0)
			return yaml_document_get_node(doc, p->value);
	}
	return NULL;
}

static const char *text_of(yaml_node_t *n)
{
	if (n == NULL || n->type != YAML_SCALAR_NODE)
		return "";
	return (const char *)n->data.scalar.value;
}

/* One line, with the escapes a C string would need. */
static void print_quoted(const char *label, const char *p, size_t n)
{
	size_t i;

	printf("#   %s: \"", label);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		switch (c) {
		case '\n': fputs("\\n", stdout); break;
		case '\r': fputs("\\r", stdout); break;
		case '\t': fputs("\\t", stdout); break;
		case '"': fputs("\\\"", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		default:
			if (c < 0x20)
				printf("\\x%02x", c);
			else
				putchar(c);
		}
	}
	puts("\"");
}

static void run_test(const char *file, yaml_document_t *doc,
		     yaml_node_t *test, struct tally *tally)
{
	static const char main_name[] = "(test template)";
	struct arena a = ARENA_INIT;
	struct diag_ctx d;
	struct tpl_set *s;
	const struct tpl *t;
	struct buf out = BUF_INIT;
	yaml_node_t *partials = get(doc, test, "partials");
	const char *want = text_of(get(doc, test, "expected"));
	int rc = -1;

	diag_init(&d);
	s = tpl_set_new(&a, &d);
	tpl_set_lenient(s, true);
	if (partials && partials->type == YAML_MAPPING_NODE) {
		yaml_node_pair_t *p;

		for (p = partials->data.mapping.pairs.start;
		     p < partials->data.mapping.pairs.top; p++)
			tpl_set_add_string(s,
				text_of(yaml_document_get_node(doc, p->key)),
				text_of(yaml_document_get_node(doc, p->value)));
	}
	tpl_set_add_string(s, main_name, text_of(get(doc, test, "template")));
	t = tpl_get(s, main_name);
	if (t)
		rc = tpl_render(s, t, node_tv(&a, doc, get(doc, test, "data")),
				&out);
	if (rc == 0 && out.len == strlen(want) &&
	    memcmp(out.ptr, want, out.len) == 0) {
		tally->passed++;
		printf("ok - %s: %s\n", file, text_of(get(doc, test, "name")));
	} else {
		tally->failed++;
		printf("not ok - %s: %s\n", file,
		       text_of(get(doc, test, "name")));
		print_quoted("expected", want, strlen(want));
		print_quoted("got", rc == 0 ? out.ptr : "(render error)",
			     rc == 0 ? out.len : strlen("(render error)"));
	}
	fflush(stdout);
	diag_flush(&d, stderr);
	diag_free(&d);
	buf_free(&out);
	arena_free(&a);
}

static int run_file(const char *path, struct tally *tally)
{
	FILE *f = fopen(path, "rb");
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *tests;
	yaml_node_item_t *i;

	if (f == NULL) {
		perror(path);
		return -1;
	}
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &doc)) {
		fprintf(stderr, "%s:%zu: YAML error: %s\n", path,
			parser.problem_mark.line + 1,
			parser.problem ? parser.problem : "?");
		yaml_parser_delete(&parser);
		fclose(f);
		return -1;
	}
	tests = get(&doc, yaml_document_get_root_node(&doc), "tests");
	if (tests && tests->type == YAML_SEQUENCE_NODE)
		for (i = tests->data.sequence.items.start;
		     i < tests->data.sequence.items.top; i++)
			run_test(base, &doc, yaml_document_get_node(&doc, *i),
				 tally);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	struct tally tally = { 0, 0 };
	struct buf pattern = BUF_INIT;
	glob_t g;
	size_t i;
	int bad = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: spec-runner DIR\n");
		return 2;
	}
	buf_printf(&pattern, "%s/*.yml", argv[1]);
	if (glob(pattern.ptr, 0, NULL, &g) != 0) {
		fprintf(stderr, "spec-runner: no .yml files in %s\n", argv[1]);
		buf_free(&pattern);
		return 2;
	}
	for (i = 0; i < g.gl_pathc; i++) {
		const char *p = g.gl_pathv[i];
		const char *base = strrchr(p, '/') ? strrchr(p, '/') + 1 : p;

		if (strcmp(base, "~lambdas.yml") == 0)
			continue;
		if (run_file(p, &tally) < 0)
			bad = 1;
	}
	globfree(&g);
	buf_free(&pattern);
	printf("# %u passed, %u failed\n", tally.passed, tally.failed);
	return tally.failed || bad ? 1 : 0;
}
