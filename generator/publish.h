/*
 * publish: `zonesite publish`, the built site sent to the zone's server.
 *
 * site.yaml names the target (an extension of the content contract):
 *
 *   publish:
 *     target: "webmaster@www.example.be:/var/www/zone/"
 *
 * `zonesite publish` builds the public edition exactly as `build` does
 * (every check of `check` included) and only when that succeeds runs
 *
 *   rsync --archive --delete-after --delay-updates
 *         --exclude=/.zonesite-output -- OUT/ TARGET
 *
 * rsync is run directly (fork and exec, no shell), so nothing in the
 * target is ever interpreted by a shell.  --archive without --checksum is
 * enough: the build keeps the modification time of every file whose bytes
 * did not change (write.h), so rsync's size-and-time test sends only what
 * changed.  --delay-updates and --delete-after keep the live site whole
 * while it is being updated: new files are put in place together at the
 * end, and old ones are removed only after that.
 */
#ifndef ZS_PUBLISH_H
#define ZS_PUBLISH_H

#include "build.h"

/* Checks site.yaml's publish.target (called by model.c with the other
 * site values): a target that rsync would read as an option, or that
 * holds a control character, is an error at its position. */
void publish_check_target(struct diag_ctx *d, const struct source *src,
			  const struct text *target);

/* After a successful build of b into b->out_dir: rsync it to the target.
 * Returns the exit status of `zonesite publish`: 0 published, 1 no target
 * in site.yaml (nothing sent), 3 rsync could not run or failed. */
int publish_run(const struct build *b);

#endif
