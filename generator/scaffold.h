/*
 * scaffold: `zonesite new KIND "Titel"`, a new content file to fill in.
 *
 * The file holds every key of the content contract for its kind, each with
 * a Dutch comment saying what to write (for action fiches the prompts of
 * the official Word template).  Required keys are present: with the title,
 * a date taken from "now", or left empty where no value can be guessed
 * (an event's start, a service's municipality), so that `zonesite check`
 * names what is still to fill in.  Optional keys are commented out.  The
 * id is the slug of the title (accents folded, as slug.c does); an
 * existing file is never replaced.
 */
#ifndef ZS_SCAFFOLD_H
#define ZS_SCAFFOLD_H

#include <stdint.h>

#include "buf.h"
#include "model.h"

enum scaffold_status {
	SCAFFOLD_OK,
	SCAFFOLD_EXISTS, /* the file is there: nothing written */
	SCAFFOLD_IO,     /* errno says why */
};

/* The kind named by word: action, event, newsletter, partner, service,
 * page (or the Dutch actie, activiteit, nieuwsbrief, partner, dienst,
 * pagina); -1 for anything else. */
int scaffold_kind(const char *word);

/* The id of a new file: the slug of its title. */
void scaffold_id(const char *title, struct buf *id);

/* The text of a new file of kind k; now_day: Brussels days since 1970. */
void scaffold_text(enum kind k, const char *title, int64_t now_day,
		   struct buf *out);

/* Writes text to SITE/FOLDER/ID.md (the folder is made if missing),
 * refusing to replace a file; path receives the path written or tried. */
enum scaffold_status scaffold_write(const char *site_dir, enum kind k,
				    const char *id, const struct buf *text,
				    struct buf *path);

#endif
