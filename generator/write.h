/*
 * write: the output tree, built beside the published one and swapped in.
 *
 * A build never damages the published site.  out_open() creates a fresh
 * temporary folder PARENT/.NAME.new-PID beside the output folder
 * PARENT/NAME (same parent, so a rename can swap them); every page goes
 * there, and only out_commit() replaces the output folder, with one atomic
 * renameat2(RENAME_EXCHANGE) where Linux allows it.  A build with any error
 * in its diag context, or any failed write, cannot commit: the caller calls
 * out_abort() and the old folder is left exactly as it was.
 *
 * A page whose bytes did not change is hard-linked from the old tree into
 * the new one, so it keeps its inode and its mtime and rsync, which
 * compares size and mtime, does not send it again.  Only changed and new
 * files are written.  Files are streamed to disk one at a time: nothing of
 * the site is held in memory but two 64 KiB buffers (comparison, copy),
 * the open folders of the path being written, and the set of paths
 * written so far (a few dozen bytes a page).
 *
 * The spare tree.  Creating and deleting every folder of the site on each
 * build is what a rebuild would spend its time on (on ext4 without a
 * journal, new inodes are slow to find while many were freed recently).
 * So the tree a commit replaces is not deleted: it is kept beside the
 * output as PARENT/.NAME.spare (mode 0700) and the next build recycles it
 * as its new tree: renamed to .NAME.new-PID, its folders are reused, an
 * unchanged page is a hard link to the published file (already there from
 * the build before, or linked now), a changed page is rewritten in place
 * when no other name links to its file and written as a new file
 * otherwise, and whatever the build did not write is swept out before the
 * swap.  The spare never holds anything but earlier outputs, is never
 * published, and deleting it is always safe (the next build is then as
 * slow as a first one).  An aborted build parks its tree as the spare.
 *
 * Output paths are checked before anything touches the disk (see
 * out_write()); the old tree is only ever read through O_NOFOLLOW, so a
 * symbolic link inside it (put there by hand) is never followed, and in
 * the new tree a symbolic link or a file where a folder is needed (or the
 * reverse), left in a recycled spare, is removed, never followed.  The set
 * of paths written so far makes a second write to one path, or a path
 * used both as a file and as a folder, a D_OUT_CLASH.
 *
 * out_open() refuses output folders it must not replace: "/", the home
 * folder or a folder above it, a symbolic link, a mount point, the site
 * source folder or a folder containing it, and any non-empty folder
 * without the ".zonesite-output" marker that every build writes.
 */
#ifndef ZS_WRITE_H
#define ZS_WRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

/* Limits on a path inside the output folder; each is far above what the
 * site's own URL scheme produces, and keeps one directory fd per level. */
enum {
	OUT_PATH_MAX = 1024,	/* bytes in a relative output path */
	OUT_NAME_MAX = 255,	/* bytes in one component (NAME_MAX) */
	OUT_MAX_DEPTH = 32,	/* components in one path */
};

#define OUT_MARKER ".zonesite-output"

/* Counts of one build; the marker file is not counted.  A benchmark of
 * an unchanged rebuild expects written == 0. */
struct out_stats {
	/* files written because their bytes are new or changed */
	unsigned long written;
	/* of those, paths where the old tree had no file */
	unsigned long created;
	/* unchanged files carried over with their mtime */
	unsigned long kept;
	/* of those, copied (new inode, old mtime) because link() failed */
	unsigned long kept_copied;
	/* files of the old tree that this build no longer produces */
	unsigned long removed;
	unsigned long long bytes_written;
};

/* One path of the new tree, in the set of paths written so far. */
struct out_seen {
	const char *path;	/* NULL: a free slot */
	size_t len;
	bool dir;
	size_t order;		/* how many paths came before it */
};

/* One open directory of the path being written, in both trees. */
struct out_dir {
	int newfd;
	int oldfd;	/* -1: no real folder (or a symlink) in the old tree */
	size_t end;	/* length of its path in out_tree.dirpath */
};

/* Everything below is private to write.c, except force_rename. */
struct out_tree {
	struct diag_ctx *d;
	char *outdir;		/* as the user gave it, for messages */
	char *parent;		/* its parent folder, for messages */
	char *name;		/* last component of outdir */
	char *tmpname;		/* .NAME.new-PID: the tree being built */
	char *oldname;		/* .NAME.old-PID: the old tree, when renameat2
				 * cannot exchange the two */
	char *sparename;	/* .NAME.spare: the tree kept for the next
				 * build (see "The spare tree" above) */
	int parentfd;
	int newfd;		/* root of the new tree; holds a flock */
	int oldfd;		/* root of the old tree, or -1 */
	bool open;		/* between out_open and commit/abort */
	bool failed;		/* an OS error: the tree cannot be committed */
	bool old_marker;	/* the old tree has its marker file */
	bool recycled;		/* the new tree is a recycled spare */
	/* Set after out_open to skip RENAME_EXCHANGE and use the two-rename
	 * fallback; for the tests and for filesystems that misreport. */
	bool force_rename;
	/* Whether new files come out 0644 and new folders 0755 by
	 * themselves (umask, default ACL), found on the first of each in a
	 * fresh tree: then they need no fchmod. */
	enum out_modes { OUT_MODES_UNKNOWN, OUT_MODES_EXACT, OUT_MODES_FIX }
		file_modes, dir_modes;
	struct out_dir dirs[OUT_MAX_DEPTH];
	size_t ndirs;
	char dirpath[OUT_PATH_MAX + 1]; /* the folders open in dirs[] */
	unsigned char *chunk;	/* comparison and copy buffers */
	struct out_seen *seen;	/* the paths written so far (hash set) */
	size_t nseen, seencap;
	struct arena names;	/* the bytes of those paths */
	struct out_stats st;
};

/*
 * Prepares a new tree for outdir; the parent folder is created if needed.
 * protect (may be NULL) is the site source folder: outdir must not be it
 * nor contain it.  Removes leftovers of crashed builds (.NAME.new-PID,
 * .NAME.old-PID of dead processes).  Reports and returns -1 on refusal or
 * error; then t needs no out_abort (calling it is harmless).
 */
int out_open(struct out_tree *t, const char *outdir, const char *protect,
	     struct diag_ctx *d);

/*
 * Writes one file at relpath, e.g. "kalender/foo/index.html", creating its
 * folders.  relpath must be relative, at most OUT_PATH_MAX bytes and
 * OUT_MAX_DEPTH components of at most OUT_NAME_MAX bytes, with no empty,
 * "." or ".." component, no backslash or control character, and no
 * component starting with '.' except a first ".well-known" (RFC 8615):
 * hidden files are invisible to webmasters and some (.htaccess) would
 * reconfigure the web server.  Otherwise D_OUT_ESCAPE.  relpath is a C
 * string: a caller building it from a slice must refuse NUL bytes.  A
 * path written twice, or both as a file and as a folder, is a
 * D_OUT_CLASH.  New files are 0644 and folders 0755 whatever the umask.
 * An OS error is a D_OUT_IO and makes the tree uncommittable; later
 * writes then fail silently.  Returns 0 or -1.
 */
int out_write(struct out_tree *t, const char *relpath, const void *data,
	      size_t len);

/* The same for a file given as n pieces, written one after the other
 * (v[i].ptr may be NULL when v[i].len is 0): a big file made of parts
 * kept elsewhere, such as a calendar feed of events, is never copied
 * into one buffer. */
int out_write_pieces(struct out_tree *t, const char *relpath,
		     const struct slice *v, size_t n);

/* The same for a static file srcpath (must be a regular file), compared
 * and copied in chunks; a read error on it is a D_IO on srcpath. */
int out_copy(struct out_tree *t, const char *relpath, const char *srcpath);

/*
 * Render workers (render_workers.c) write into one tree from several
 * processes.  out_mark() notes where a worker starts; out_export() then
 * encodes what the worker wrote since (paths, folders, counts), and
 * out_import(), in the process that commits, records those paths as
 * written (a path both wrote is a D_OUT_CLASH) and adds the counts, so
 * that the sweep before the commit keeps them.  Returns -1 on a damaged
 * message.
 */
struct out_mark {
	size_t nseen;
	struct out_stats st;
};
struct buf;
struct wire;
void out_mark(const struct out_tree *t, struct out_mark *m);
void out_export(const struct out_tree *t, const struct out_mark *m,
		struct buf *out);
int out_import(struct out_tree *t, struct wire *in);

/*
 * Swaps the new tree in and keeps the old one as the spare (or removes it,
 * without following its symbolic links, when it cannot be kept).  A
 * recycled tree is first swept of what this build did not write.  Before
 * the swap the new root gets the old root's permissions (0755 for a first
 * build) and the filesystem is synced, so a crash just after the swap
 * cannot publish unwritten files.  Refuses, returning -1 with the tree
 * still open (call out_abort), when a write failed or d holds any error.
 * st (may be NULL) receives the counts; with NULL the old tree is not
 * walked to count the files it loses.  Failing to remove the old tree
 * after the swap is only a warning: the new site is in place.
 */
int out_commit(struct out_tree *t, struct out_stats *st);

/* Parks the new tree as the spare (or removes it); the old folder is
 * untouched.  Does nothing after a successful out_commit or a failed
 * out_open, so it can always be called. */
void out_abort(struct out_tree *t);

#endif
