/*
 * file — reading whole regular files, writing files through a temporary
 * that is renamed into place, and removing temporaries on a signal.
 */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"

/* ---------------------------------------------------------------- reading */

static const char *
kind_reason(mode_t m)
{
	if (S_ISDIR(m))
		return "is a folder, not a regular file";
	if (S_ISFIFO(m))
		return "is a FIFO, not a regular file";
	if (S_ISCHR(m))
		return "is a character device, not a regular file";
	if (S_ISBLK(m))
		return "is a block device, not a regular file";
	if (S_ISSOCK(m))
		return "is a socket, not a regular file";
	return "is not a regular file";
}

int
file_open_regular(const char *path, const char **why)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat st;

	if (fd < 0) {
		*why = strerror(errno);
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		int e = errno;
		close(fd);
		errno = e;
		*why = strerror(e);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		*why = kind_reason(st.st_mode);
		errno = EINVAL;
		return -1;
	}
	int fl = fcntl(fd, F_GETFL);
	if (fl != -1)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	return fd;
}

int
file_read(const char *path, size_t limit, struct buf *out, const char **why)
{
	int std = strcmp(path, "-") == 0;
	int fd = std ? STDIN_FILENO : file_open_regular(path, why);
	size_t start = out->n;
	char tmp[65536];

	if (fd < 0)
		return -1;
	ssize_t k;
	for (;;) {
		k = read(fd, tmp, sizeof tmp);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			*why = strerror(errno);
			break;
		}
		if (k == 0)
			break;
		if (limit && out->n - start + (size_t)k > limit) {
			*why = "the file is larger than folio's limit for it";
			errno = EFBIG;
			k = -1;
			break;
		}
		buf_add(out, tmp, (size_t)k);
	}
	int e = errno;
	if (!std)
		close(fd);
	if (k < 0) {
		/* nothing of a file that could not be read whole */
		out->n = start;
		if (out->p)
			out->p[start] = '\0';
		errno = e;
		return -1;
	}
	if (out->p == NULL)
		buf_add(out, "", 0);
	return 0;
}

/* ---------------------------------------------------------------- temporaries */

/*
 * What a signal handler removes.  Slots are changed only with the signals
 * blocked, so the handler never sees a half-written slot; it calls only
 * async-signal-safe functions (unlink, open, getdents64, unlinkat, rmdir).
 */
#define NTEMPS 64

static struct temp {
	char *path;
	int   is_dir;
} temps[NTEMPS];

static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP };

static void
remove_dir_entries(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	char b[4096];

	if (fd < 0)
		return;
	/* entries removed while reading may shift the rest: read again
	 * until a pass finds nothing */
	for (int pass = 0; pass < 8; pass++) {
		int any = 0;
		ssize_t n;
		lseek(fd, 0, SEEK_SET);
		while ((n = getdents64(fd, b, sizeof b)) > 0) {
			for (ssize_t off = 0; off < n;) {
				struct dirent64 *de = (struct dirent64 *)(b + off);
				const char *s = de->d_name;
				if (!(s[0] == '.' && (s[1] == '\0' || (s[1] == '.' && s[2] == '\0')))) {
					unlinkat(fd, s, 0);
					any = 1;
				}
				off += de->d_reclen;
			}
		}
		if (!any)
			break;
	}
	close(fd);
}

/* Remove every temporary registered (a signal, or memory ran out). */
static void
remove_temps(void)
{
	for (int i = 0; i < NTEMPS; i++) {
		if (temps[i].path == NULL)
			continue;
		if (temps[i].is_dir) {
			remove_dir_entries(temps[i].path);
			rmdir(temps[i].path);
		} else {
			unlink(temps[i].path);
		}
	}
}

static void
on_signal(int sig)
{
	int e = errno;
	remove_temps();
	errno = e;
	raise(sig);   /* SA_RESETHAND: the default action, once this returns */
}

static void
block(sigset_t *old)
{
	sigset_t s;
	sigemptyset(&s);
	for (size_t i = 0; i < sizeof cleanup_signals / sizeof *cleanup_signals; i++)
		sigaddset(&s, cleanup_signals[i]);
	pthread_sigmask(SIG_BLOCK, &s, old);
}

static void
install_handlers(void)
{
	oom_hook(remove_temps);
	for (size_t i = 0; i < sizeof cleanup_signals / sizeof *cleanup_signals; i++) {
		struct sigaction sa, old;
		if (sigaction(cleanup_signals[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
			continue;   /* ignored (nohup, a background job): stay so */
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sa.sa_flags = SA_RESETHAND;
		sigemptyset(&sa.sa_mask);
		sigaction(cleanup_signals[i], &sa, NULL);
	}
}

static void
install(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, install_handlers);
}

/* Threads change the list one at a time; the handler only reads it (a
 * slot's path is stored whole, after its string is made). */
static pthread_mutex_t temps_lock = PTHREAD_MUTEX_INITIALIZER;

/* With the signals blocked: put path in a free slot. */
static void
temp_add_blocked(const char *path, int is_dir)
{
	install();
	char *copy = xstrdup(path);
	pthread_mutex_lock(&temps_lock);
	for (int i = 0; i < NTEMPS && copy != NULL; i++)
		if (temps[i].path == NULL) {
			temps[i].is_dir = is_dir;
			temps[i].path = copy;
			copy = NULL;
		}
	pthread_mutex_unlock(&temps_lock);
	/* more than NTEMPS temporaries at once: this one is not removed on a
	 * signal (folio never has more than a few) */
	free(copy);
}

void
file_temp_add(const char *path, int is_dir)
{
	sigset_t old;
	block(&old);
	temp_add_blocked(path, is_dir);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

int
file_temp_mkdir(const char *path)
{
	sigset_t old;
	block(&old);
	int rc = mkdir(path, 0777);
	int e = errno;
	if (rc == 0)
		temp_add_blocked(path, 1);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	errno = e;
	return rc;
}

void
file_temp_forget(const char *path)
{
	sigset_t old;
	block(&old);
	pthread_mutex_lock(&temps_lock);
	for (int i = 0; i < NTEMPS; i++)
		if (temps[i].path && strcmp(temps[i].path, path) == 0) {
			char *p = temps[i].path;
			temps[i].path = NULL;
			free(p);
			break;
		}
	pthread_mutex_unlock(&temps_lock);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* ---------------------------------------------------------------- writing */

/* The process's umask, read once: reading it means setting it, which
 * another thread's new file must not see happen. */
static mode_t umask_value;

static void
read_umask(void)
{
	umask_value = umask(022);
	umask(umask_value);
}

static mode_t
new_file_mode(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, read_umask);
	return 0666 & ~umask_value;
}

static atomic_int output_failed;   /* any thread's output */

int
file_output_failed(void)
{
	return output_failed;
}

void
file_output_set_failed(void)
{
	output_failed = 1;
}

static void
report(const char *path, int err, const char *reason, struct diag *d)
{
	output_failed = 1;
	if (reason == NULL)
		reason = strerror(err ? err : EIO);
	if (path == NULL || strcmp(path, "-") == 0)
		diag_report(d, DIAG_ERROR, NULL, 0, 0, "cannot write to standard output: %s", reason);
	else
		diag_report(d, DIAG_ERROR, path, 0, 0, _("cannot write: %s"), reason);
}

void
file_fail(const char *path, int err, struct diag *d)
{
	report(path, err, NULL, d);
}

int
file_mkdirs(const char *path, struct diag *d)
{
	char *p = xstrdup(path);
	struct stat st;
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		mkdir(p, 0777);
		*s = '/';
	}
	int rc = mkdir(p, 0777);
	int err = errno;
	if (rc != 0 && err == EEXIST && stat(p, &st) == 0 && S_ISDIR(st.st_mode))
		rc = 0;
	else if (rc != 0 && err == EEXIST)
		err = ENOTDIR;
	free(p);
	if (rc != 0) {
		output_failed = 1;
		diag_report(d, DIAG_ERROR, path, 0, 0, _("cannot create the folder: %s"), strerror(err));
		return -1;
	}
	return 0;
}

static void
out_free(struct file_out *o)
{
	free(o->path);
	free(o->target);
	free(o->tmp);
	memset(o, 0, sizeof *o);
}

/* A temporary beside target, with mode, registered for removal on a
 * signal before the signal can come.  Returns a descriptor or -1. */
static int
make_temp(struct file_out *o, mode_t mode)
{
	size_t n = strlen(o->target) + 16;
	sigset_t old;

	o->tmp = xmalloc(n);
	snprintf(o->tmp, n, "%s.tmpXXXXXX", o->target);
	block(&old);
	int fd = mkostemp(o->tmp, O_CLOEXEC);
	int e = errno;
	if (fd >= 0)
		temp_add_blocked(o->tmp, 0);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (fd < 0) {
		free(o->tmp);
		o->tmp = NULL;
		errno = e;
		return -1;
	}
	fchmod(fd, mode);   /* mkstemp makes it owner-only */
	return fd;
}

int
file_out_open(struct file_out *o, const char *path, struct diag *d)
{
	struct stat st;
	const char *reason = NULL;
	int fd = -1, err = 0, direct = 0;
	mode_t mode = new_file_mode();

	memset(o, 0, sizeof *o);
	o->path = xstrdup(path);
	if (strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	o->target = xstrdup(path);
	if (strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0) {
		/* /dev/stdout, /dev/fd/N and the like: whatever they lead to is
		 * opened and written, nothing there is ever replaced */
		if (stat(path, &st) != 0) {
			err = errno;
			goto fail;
		}
		if (S_ISDIR(st.st_mode)) {
			reason = "is a folder";
			goto fail;
		}
		fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | (S_ISREG(st.st_mode) ? O_TRUNC : 0));
		goto opened;
	}
	if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode)) {
			/* write to the file the link names; the link stays */
			char *r = NULL;
			if (stat(path, &st) != 0) {
				err = errno;
				if (err == ENOENT)
					reason = "is a symbolic link to a file that does not exist";
				goto fail;
			}
			if (S_ISREG(st.st_mode)) {
				if ((r = realpath(path, NULL)) == NULL) {
					err = errno;
					goto fail;
				}
				free(o->target);
				o->target = r;
			}
		}
		if (S_ISREG(st.st_mode)) {
			mode = st.st_mode & 07777;
		} else if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
			direct = 1;
		} else {
			reason = S_ISDIR(st.st_mode) ? "is a folder"
			    : "is not a regular file, a character device or a FIFO";
			goto fail;
		}
	} else if (errno != ENOENT) {
		err = errno;
		goto fail;
	}
	if (direct) {
		/* /dev/null, /dev/stdout, a FIFO: written in place, never
		 * replaced (a FIFO waits for its reader, as with > in a shell) */
		fd = open(o->target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	} else {
		fd = make_temp(o, mode);
	}
opened:
	if (fd < 0) {
		err = errno;
		goto fail;
	}
	o->f = fdopen(fd, "wb");
	if (o->f == NULL) {
		err = errno;
		close(fd);
		goto fail;
	}
	return 0;
fail:
	if (o->tmp) {
		unlink(o->tmp);
		file_temp_forget(o->tmp);
	}
	report(path, err, reason, d);
	out_free(o);
	return -1;
}

void
file_out_fail(struct file_out *o, int err)
{
	if (o->err == 0)
		o->err = err ? err : EIO;
}

int
file_out_commit(struct file_out *o, struct diag *d)
{
	if (o->f == NULL) {
		out_free(o);
		return -1;
	}
	assert(o->f == stdout || o->tmp != NULL || o->target != NULL);
	if (fflush(o->f) != 0)
		file_out_fail(o, errno);
	if (ferror(o->f))
		file_out_fail(o, errno);
	if (o->f != stdout) {
		if (fclose(o->f) != 0)
			file_out_fail(o, errno);
		if (o->err == 0 && o->tmp && rename(o->tmp, o->target) != 0)
			file_out_fail(o, errno);
		if (o->tmp) {
			if (o->err)
				unlink(o->tmp);
			file_temp_forget(o->tmp);
		}
	}
	int err = o->err;
	if (err)
		report(o->path, err, NULL, d);
	out_free(o);
	return err ? -1 : 0;
}

void
file_out_abort(struct file_out *o)
{
	if (o->f && o->f != stdout)
		fclose(o->f);
	if (o->tmp) {
		unlink(o->tmp);
		file_temp_forget(o->tmp);
	}
	out_free(o);
}

int
file_write(const char *path, const void *bytes, size_t n, struct diag *d)
{
	struct file_out o;
	if (file_out_open(&o, path, d) < 0)
		return -1;
	if (n > 0 && fwrite(bytes, 1, n, o.f) != n)
		file_out_fail(&o, errno);
	return file_out_commit(&o, d);
}

int
file_write_new(const char *path, const void *bytes, size_t n, struct diag *d)
{
	struct file_out o;
	int rc = -1;

	memset(&o, 0, sizeof o);
	o.path = xstrdup(path);
	o.target = xstrdup(path);
	/* a temporary beside it, then link(2), which fails if the name
	 * exists: two writers of one new file cannot overwrite each other */
	int fd = make_temp(&o, new_file_mode());
	if (fd < 0) {
		report(path, errno, NULL, d);
		out_free(&o);
		return -1;
	}
	assert(o.tmp != NULL);   /* make_temp names it when it succeeds */
	ssize_t w = n > 0 ? write(fd, bytes, n) : 0;
	int err = w < 0 ? errno : (size_t)w != n ? ENOSPC : 0;
	if (fsync(fd) != 0 && err == 0)
		err = errno;
	if (close(fd) != 0 && err == 0)
		err = errno;
	if (err == 0 && link(o.tmp, path) != 0)
		err = errno;
	if (err == EEXIST)
		rc = 1;
	else if (err != 0)
		report(path, err, NULL, d);
	else
		rc = 0;
	unlink(o.tmp);
	file_temp_forget(o.tmp);
	out_free(&o);
	return rc;
}

int
file_same_bytes(const char *a, const char *b)
{
	FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
	int same = fa && fb;
	while (same) {
		int ca = getc(fa), cb = getc(fb);
		same = ca == cb;
		if (ca == EOF || cb == EOF)
			break;
	}
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

int
file_temp_dir(char *out, size_t n, const char *prefix)
{
	const char *t = getenv("TMPDIR");
	if ((size_t)snprintf(out, n, "%s/%s-XXXXXX", t && *t ? t : "/tmp", prefix) >= n) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return mkdtemp(out) ? 0 : -1;
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

void
file_remove_tree(const char *dir)
{
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
