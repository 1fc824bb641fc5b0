/*
 * load: read the site folder from disk.
 *
 * Walks the folders of the content contract in sorted order (so builds are
 * reproducible whatever the file system returns), reads each file whole,
 * checks it is UTF-8, drops a leading BOM, turns CRLF into LF, refuses
 * symbolic links that lead outside the site, and registers every file as a
 * diagnostics source.  Nothing is parsed here.
 */
#ifndef ZS_LOAD_H
#define ZS_LOAD_H

#include "buf.h"
#include "build.h"

/* Reads everything; returns the number of errors reported. */
unsigned load_site(struct build *b);

/* Reads one text file of the site (relative to the site folder); NULL when
 * it does not exist and !required, or on error (reported). */
struct source *load_text(struct build *b, const char *rel, bool required);

/* path = dir/rel as a person would type it: just rel for "." (or "./"),
 * no doubled slash after "site/" or "/". */
void load_join(struct buf *path, const char *dir, const char *rel);

/* True when path, once symbolic links are followed, is inside dir. */
bool load_inside(const char *dir, const char *path);

#endif
