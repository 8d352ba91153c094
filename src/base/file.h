/*
 * file — whole files in and out, safely.  Input: paths.  Output: bytes read
 * from regular files only (a FIFO or a device is refused before any read),
 * and files written through a temporary that is renamed over a regular
 * file or a new path, never over a device, a FIFO or a symbolic link
 * (docs/security.md).  Temporaries are removed when SIGINT, SIGTERM or
 * SIGHUP ends the process.  Depends on base only.
 */
#ifndef FOLIO_FILE_H
#define FOLIO_FILE_H

#include <stdio.h>

#include "base.h"

/*
 * Open path for reading, only if it is a regular file: it is opened with
 * O_NONBLOCK (so a FIFO with no writer does not block) and checked with
 * fstat before anything is read.  Returns a blocking descriptor (the
 * caller closes it), or -1 with a static reason in *why ("is a FIFO, not a
 * regular file", or strerror's text).
 */
int file_open_regular(const char *path, const char **why);

/*
 * Read the whole of path into out (appended; NUL-terminated).  "-" reads
 * standard input, whatever it is.  limit is the largest size accepted in
 * bytes (0: no limit).  Returns 0, or -1 with a reason in *why; nothing is
 * appended on failure.
 */
int file_read(const char *path, size_t limit, struct buf *out, const char **why);

/*
 * An output file.  file_out_open decides where the bytes go:
 *   "-"                     standard output
 *   a new path, a regular file
 *                           a temporary beside it (PATH.tmpXXXXXX), renamed
 *                           over it by file_out_commit; an existing file
 *                           keeps its permission bits
 *   a symbolic link         the same, for the file the link names: the link
 *                           stays (a link to nothing is refused)
 *   a character device or FIFO, or any path under /dev/ or /proc/
 *                           written directly, never replaced (so
 *                           /dev/stdout reaches the pipe or file it is)
 *   anything else           refused (a directory, a socket, a block device)
 * Write through f; every failure is reported once as "PATH: cannot write:
 * REASON" and makes file_output_failed() true.
 */
struct file_out {
	FILE *f;          /* write here; NULL when open failed */
	char *path;       /* as given, for messages */
	char *target;     /* the file finally written (a symlink resolved) */
	char *tmp;        /* temporary beside target; NULL when written directly */
	int   err;        /* errno of the first failure, 0 when none */
};

/* Returns 0, or -1 after reporting why to d (o->f is then NULL). */
int file_out_open(struct file_out *o, const char *path, struct diag *d);
/* Flush, close and rename into place.  Returns 0, or -1 after reporting
 * why (the temporary is removed).  Frees what o holds either way. */
int file_out_commit(struct file_out *o, struct diag *d);
/* Give up: close, remove the temporary; free what o holds. */
void file_out_abort(struct file_out *o);
/* Record a failure found by the caller (errno value) on o. */
void file_out_fail(struct file_out *o, int err);

/* Write n bytes to path through file_out.  Returns 0 or -1 (reported). */
int file_write(const char *path, const void *bytes, size_t n, struct diag *d);

/*
 * Write n bytes to the new file path, atomically and only if path does not
 * exist yet (a temporary beside it, fsync'd, then link(2)), with the mode a
 * new file of the user's gets.  Returns 0; 1 when path exists already
 * (nothing written, nothing reported); -1 after reporting why.
 */
int file_write_new(const char *path, const void *bytes, size_t n, struct diag *d);

/* Do the files a and b hold the same bytes?  0 when either cannot be read. */
int file_same_bytes(const char *a, const char *b);

/* Has any output of this process failed?  (The exit status is then 3.) */
int file_output_failed(void);
/* An output failure happened in another process (a batch's worker). */
void file_output_set_failed(void);
/* Report an output failure found elsewhere (errno value err) as
 * "PATH: cannot write: REASON"; file_output_failed() is then true. */
void file_fail(const char *path, int err, struct diag *d);
/* Create the folder path and its parents (mode 0777 less the umask).
 * Returns 0, or -1 after reporting "PATH: cannot create the folder:
 * REASON" as an output failure. */
int file_mkdirs(const char *path, struct diag *d);

/*
 * Temporaries to remove if a signal ends the process: a file, or a
 * folder with the files in it (one level).  The first call installs
 * handlers for SIGINT, SIGTERM and SIGHUP (unless the signal is ignored);
 * the handler removes what is registered and re-raises the signal.
 * path is copied.  file_temp_forget takes it off the list.
 */
void file_temp_add(const char *path, int is_dir);
void file_temp_forget(const char *path);
/* Make the folder path (mode 0777 less the umask) and put it on the list
 * in one step, with no moment a signal could leave it behind.  Returns 0,
 * or -1 with errno set (nothing made). */
int file_temp_mkdir(const char *path);

/* A new folder $TMPDIR/PREFIX-XXXXXX (/tmp without TMPDIR), mode 0700, into
 * out; -1 with errno.  file_remove_tree removes a folder and all in it
 * (links are removed, not followed). */
int  file_temp_dir(char *out, size_t n, const char *prefix);
void file_remove_tree(const char *dir);

#endif /* FOLIO_FILE_H */
