/*
 * frontmatter: the YAML layer.  libyaml objects never leave frontmatter.c.
 *
 * A content file is a '---' line, a YAML block, a '---' line, then the
 * Markdown body.  This module splits the file and turns the YAML block (or
 * a whole .yaml file) into a tree of ynodes that remember where in the
 * *whole file* each key and value stands, so later stages can report
 * file:line:col without knowing where the block began.
 *
 * No YAML typing happens here: every scalar keeps its text and its style
 * (plain or quoted); validate.c decides what a value means for its key, so
 * that `yes` can be a string in one place and an error in another.
 * Duplicate keys, anchors and aliases, tags, excessive depth and size are
 * reported here, as diagnostics in the caller's diag context.
 */
#ifndef ZS_FRONTMATTER_H
#define ZS_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "slice.h"

/* Limits: a front matter block is written by hand, these are generous. */
enum {
	YAML_MAX_DEPTH = 32,
	YAML_MAX_NODES = 1000000,
};

enum ynode_kind { Y_SCALAR, Y_SEQ, Y_MAP };

/* PLAIN: unquoted; QUOTED: '...' or "..."; BLOCK: | or > */
enum yscalar_style { YS_PLAIN, YS_QUOTED, YS_BLOCK };

struct ynode;

struct ymap_entry {
	struct slice key;
	struct pos key_pos;
	struct ynode *value;
};

struct ynode {
	enum ynode_kind kind;
	struct pos pos; /* where the value starts in the whole file */
	/* Y_SCALAR: decoded text (escapes resolved, NUL-terminated in arena) */
	struct slice text;
	enum yscalar_style style;
	/* Y_SEQ */
	struct ynode **items;
	size_t nitems;
	/* Y_MAP, in file order; keys are unique (duplicates were reported) */
	struct ymap_entry *entries;
	size_t nentries;
};

struct frontmatter {
	struct ynode *root;   /* a Y_MAP; an empty map for an empty block;
				 NULL when the block is missing or broken */
	struct slice body;    /* the Markdown after the closing '---' */
	unsigned body_line;   /* 1-based line of the body's first byte */
	size_t body_offset;   /* byte offset of the body in the file */
};

/*
 * Splits src (UTF-8, LF line ends, no BOM: load.c normalised it) into front
 * matter and body and parses the block.  Returns 0 on success, -1 when a
 * diagnostic was reported (fm->root is then NULL or partial).  Scalar
 * texts go to a, the tree (nodes, entries, items) to tree: a record
 * decoded from the tree keeps slices of the texts, and the tree can go
 * (a and tree may be the same arena).
 */
int fm_parse(struct arena *a, struct arena *tree, struct diag_ctx *d,
	     struct source *src, struct frontmatter *fm);

/* Parses a whole YAML file (site.yaml, objectives.yaml); *root may be any
 * kind; an empty file gives NULL with no diagnostic.  0 or -1 as above. */
int yaml_parse_file(struct arena *a, struct diag_ctx *d, struct source *src,
		    struct ynode **root);

/* A copy of the tree n in a; the scalar texts are not copied. */
struct ynode *ynode_copy(struct arena *a, const struct ynode *n);

/* The value of key in a map, or NULL. */
struct ynode *ynode_get(const struct ynode *map, const char *key);
const struct ymap_entry *ynode_entry(const struct ynode *map, const char *key);

/* A plain empty scalar, ~, null, Null or NULL: the key is as good as absent. */
bool ynode_is_null(const struct ynode *n);

const char *ynode_kind_name(const struct ynode *n);

#endif
