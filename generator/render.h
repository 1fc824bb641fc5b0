/*
 * render: from the model to pages.
 *
 * Builds the template data of every page (struct tv), renders it with the
 * theme's Mustache templates and hands each file to write.c.  Markdown
 * bodies are rendered here, phase two of markdown.h, because only now is
 * every page's URL known to resolve links against.  `zonesite check` runs
 * this stage too, without writing, so that link errors are found.
 */
#ifndef ZS_RENDER_H
#define ZS_RENDER_H

#include "build.h"

/* Renders (and unless b->check_only, writes and swaps in) the whole site.
 * Returns the number of errors reported. */
unsigned render_site(struct build *b);

/* Checks templates and Markdown links only: for a site with content
 * errors, whose pages are not built.  Returns the errors reported. */
unsigned render_check_links(struct build *b);

#endif
