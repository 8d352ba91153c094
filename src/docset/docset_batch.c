/*
 * docset — batches: many cases or forms in one command, each made in
 * isolation, in worker processes.
 *
 *   parent ──index──► worker k (fork of the parent: fonts, site and
 *          ◄─result──  stylesheets already loaded)   one pipe each way
 *
 * Processes, not threads: the engine keeps process-wide state (libxml2's
 * and libxslt's globals, the loader's allowed folders, the fonts' caches),
 * and a process that runs out of memory or crashes ends alone.  The parent
 * hands out one item at a time (the next to the first worker free), merges
 * each item's messages into the run's, prints the progress and, at the end,
 * a summary of the items that failed with the place of their first error.
 * A worker that ends while making an item (a signal, out of memory) fails
 * that item only: a new worker takes its place.  With one job, or one
 * item, the items are made here, one after the other, with the same
 * progress and summary.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../base/file.h"
#include "docset_int.h"

/* ---------------------------------------------------------------- progress */

struct progress {
	size_t   n, done;
	int      quiet, tty, shown;
	double   t0;
	FILE    *f;
};

/* s seconds as m:ss or h:mm:ss */
static void
clock_text(char *out, size_t n, double s)
{
	long t = (long)(s + 0.5);
	if (t >= 3600)
		snprintf(out, n, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(out, n, "%ld:%02ld", t / 60, t % 60);
}

static void
progress_item(struct progress *p, const char *name, int failed)
{
	p->done++;
	if (p->quiet)
		return;
	double spent = ds_now() - p->t0;
	char eta[32];
	clock_text(eta, sizeof eta, p->done < p->n ? spent / (double)p->done * (double)(p->n - p->done) : spent);
	/* TRANSLATORS: batch progress: [done/all] item, "failed" when it failed, then the time left */
	fprintf(p->f, "%s[%zu/%zu] %s%s  %s %s%s", p->tty ? "\r" : "", p->done, p->n, name,
	    failed ? _("  failed") : "", p->done < p->n ? _("ETA") : _("done in"), eta,
	    p->tty && !failed ? "\033[K" : p->tty ? "\033[K\n" : "\n");   /* a failure stays */
	fflush(p->f);
	p->shown = 1;
}

static void
progress_end(struct progress *p)
{
	if (p->tty && p->shown) {
		fputc('\n', p->f);
		fflush(p->f);
	}
}

/* ---------------------------------------------------------------- results */

/*
 * A result on the pipe: its length (uint32), then
 *   index, status, output failed, worst, any, dropped, messages (uint32 each)
 *   per message: level, line, col, last, file length (~0 for none), text length, bytes
 */
static void
put_u32(struct buf *b, uint32_t v)
{
	buf_add(b, (const char *)&v, sizeof v);
}

static void
encode(struct buf *b, uint32_t index, int status, const struct diag *d)
{
	put_u32(b, 0);   /* the length, set below */
	put_u32(b, index);
	put_u32(b, (uint32_t)status);
	put_u32(b, (uint32_t)file_output_failed());
	put_u32(b, (uint32_t)d->worst);
	put_u32(b, (uint32_t)d->any);
	put_u32(b, (uint32_t)d->dropped);
	put_u32(b, (uint32_t)d->n);
	for (size_t i = 0; i < d->n; i++) {
		const struct diag_msg *m = &d->v[i];
		put_u32(b, (uint32_t)m->level);
		put_u32(b, (uint32_t)m->line);
		put_u32(b, (uint32_t)m->col);
		put_u32(b, (uint32_t)m->last);
		put_u32(b, m->file ? (uint32_t)strlen(m->file) : UINT32_MAX);
		put_u32(b, (uint32_t)strlen(m->text));
		if (m->file)
			buf_add(b, m->file, strlen(m->file));
		buf_add(b, m->text, strlen(m->text));
	}
	uint32_t len = (uint32_t)(b->n - sizeof len);
	memcpy(b->p, &len, sizeof len);
}

static int
get_u32(const char **p, const char *end, uint32_t *v)
{
	if ((size_t)(end - *p) < sizeof *v)
		return -1;
	memcpy(v, *p, sizeof *v);
	*p += sizeof *v;
	return 0;
}

/* Decode a result into d (a fresh sink); -1 if it is not whole. */
static int
decode(const char *p, size_t n, uint32_t *index, int *status, struct diag *d)
{
	const char *end = p + n;
	uint32_t st, outf, worst, any, dropped, nm;
	if (get_u32(&p, end, index) || get_u32(&p, end, &st) || get_u32(&p, end, &outf) ||
	    get_u32(&p, end, &worst) || get_u32(&p, end, &any) || get_u32(&p, end, &dropped) ||
	    get_u32(&p, end, &nm))
		return -1;
	for (uint32_t i = 0; i < nm; i++) {
		uint32_t level, line, col, last, fl, tl;
		if (get_u32(&p, end, &level) || get_u32(&p, end, &line) || get_u32(&p, end, &col) ||
		    get_u32(&p, end, &last) || get_u32(&p, end, &fl) || get_u32(&p, end, &tl))
			return -1;
		size_t need = (fl == UINT32_MAX ? 0 : (size_t)fl) + (size_t)tl;
		if ((size_t)(end - p) < need)
			return -1;
		char *file = fl == UINT32_MAX ? NULL : xstrndup(p, fl);
		p += fl == UINT32_MAX ? 0 : fl;
		char *text = xstrndup(p, tl);
		p += tl;
		if (last)
			diag_summary(d, (enum diag_level)level, file, "%s", text);
		else
			diag_report(d, (enum diag_level)level, file, (int)line, (int)col, "%s", text);
		free(file);
		free(text);
	}
	d->worst = (enum diag_level)worst;
	d->any = (int)any;
	d->dropped = dropped;
	*status = (int)st;
	if (outf)
		file_output_set_failed();
	return 0;
}

static int
write_all(int fd, const void *p, size_t n)
{
	const char *s = p;
	while (n > 0) {
		ssize_t k = write(fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

/* 1 when n bytes were read, 0 at the end of the pipe, -1 on error */
static int
read_all(int fd, void *p, size_t n)
{
	char *s = p;
	size_t got = 0;
	while (got < n) {
		ssize_t k = read(fd, s + got, n - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0)
			return got == 0 ? 0 : -1;
		got += (size_t)k;
	}
	return 1;
}

/* ---------------------------------------------------------------- making one item */

/* Item i with its own messages: 0 or -1 (failed). */
static int
make_one(const struct ds_batch *b, size_t i, struct diag *cd)
{
	int rc = b->one(b->ctx, i, cd);
	return rc < 0 || cd->worst >= DIAG_ERROR ? -1 : 0;
}

/* The first error of a failed item, for the summary: "FILE:LINE: TEXT". */
static void
first_error(struct buf *out, const struct diag *cd, const char *file)
{
	const struct diag_msg *best = NULL;
	for (size_t i = 0; i < cd->n; i++) {
		const struct diag_msg *m = &cd->v[i];
		if (m->level < DIAG_ERROR || m->last)
			continue;
		/* one with a line first, then the earliest line */
		if (best == NULL || (best->line == 0 && m->line > 0) ||
		    (m->line > 0 && best->line > 0 && (m->file == best->file ||
		    (m->file && best->file && strcmp(m->file, best->file) == 0)) && m->line < best->line))
			best = m;
	}
	const char *f = best && best->file ? best->file : file;
	if (best && best->line > 0)
		buf_printf(out, "\n  %s:%d: %s", f, best->line, best->text);
	else if (best)
		buf_printf(out, "\n  %s: %s", f, best->text);
	else
		buf_printf(out, "\n  %s: %s", f, _("failed"));
}

struct run {
	const struct ds_batch *b;
	struct diag *d;
	struct progress pr;
	struct buf failures;
	size_t nfailed;
};

/* An item is done: its messages into the run's, progress, summary line. */
static void
item_done(struct run *r, size_t i, int failed, struct diag *cd)
{
	if (failed) {
		r->nfailed++;
		first_error(&r->failures, cd, r->b->file(r->b->ctx, i));
	}
	diag_merge(r->d, cd);
	progress_item(&r->pr, r->b->name(r->b->ctx, i), failed);
}

/* ---------------------------------------------------------------- workers */

struct worker {
	pid_t  pid;      /* 0: none */
	int    to, from; /* index pipe (written here), result pipe (read here) */
	long   item;     /* the item being made, -1 for none */
};

/* The worker's loop: an index in, the item made, its result out. */
static void
worker_main(const struct ds_batch *b, int in, int out, pid_t parent)
{
	/* a worker ends with the run (its temporaries removed by the handler) */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() != parent)
		_exit(1);
	uint32_t index;
	while (read_all(in, &index, sizeof index) == 1) {
		struct diag cd;
		diag_init(&cd);
		int rc = make_one(b, index, &cd);
		struct buf res = {0};
		encode(&res, index, rc, &cd);
		diag_free(&cd);
		if (write_all(out, res.p, res.n) < 0)
			_exit(1);
		buf_free(&res);
	}
	_exit(0);
}

static int
worker_start(const struct ds_batch *b, struct worker *w, struct worker *all, int nall)
{
	int to[2], from[2];
	if (pipe(to) != 0)
		return -1;
	if (pipe(from) != 0) {
		close(to[0]);
		close(to[1]);
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0) {
		close(to[0]);
		close(to[1]);
		close(from[0]);
		close(from[1]);
		return -1;
	}
	if (pid == 0) {
		/* the other workers' pipes are theirs */
		for (int k = 0; k < nall; k++)
			if (all[k].pid > 0) {
				close(all[k].to);
				close(all[k].from);
			}
		close(to[1]);
		close(from[0]);
		worker_main(b, to[0], from[1], parent);
	}
	close(to[0]);
	close(from[1]);
	w->pid = pid;
	w->to = to[1];
	w->from = from[0];
	w->item = -1;
	return 0;
}

/* A worker ended (its pipe closed): reap it, and fail the item it made. */
static void
worker_lost(struct run *r, struct worker *w)
{
	int status = 0;
	close(w->to);
	close(w->from);
	while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
		;
	w->pid = 0;
	if (w->item < 0)
		return;
	size_t i = (size_t)w->item;
	w->item = -1;
	struct diag cd;
	diag_init(&cd);
	if (WIFSIGNALED(status))
		diag_report(&cd, DIAG_ERROR, r->b->file(r->b->ctx, i), 0, 0, _("the process making it "
		    "ended by signal %d; nothing of it is written"), WTERMSIG(status));
	else
		diag_report(&cd, DIAG_ERROR, r->b->file(r->b->ctx, i), 0, 0, _("the process making it "
		    "stopped (exit status %d, see above); nothing of it is written"),
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	item_done(r, i, 1, &cd);
	diag_free(&cd);
}

/* Read one result from worker w; -1 when the worker has gone. */
static int
worker_result(struct run *r, struct worker *w)
{
	uint32_t len;
	if (read_all(w->from, &len, sizeof len) != 1)
		return -1;
	char *p = xmalloc(len ? len : 1);
	if (read_all(w->from, p, len) != 1) {
		free(p);
		return -1;
	}
	struct diag cd;
	diag_init(&cd);
	uint32_t index;
	int status;
	if (decode(p, len, &index, &status, &cd) < 0 || (long)index != w->item) {
		free(p);
		diag_free(&cd);
		return -1;
	}
	free(p);
	w->item = -1;
	item_done(r, index, status != 0, &cd);
	diag_free(&cd);
	return 0;
}

static int
run_parallel(struct run *r, int jobs)
{
	const struct ds_batch *b = r->b;
	struct worker *w = xcalloc((size_t)jobs, sizeof *w);
	struct pollfd *pf = xcalloc((size_t)jobs, sizeof *pf);
	size_t next = 0;
	/* a worker gone must not end the run by SIGPIPE */
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	int starts = 0;
	for (int k = 0; k < jobs; k++)
		if (worker_start(b, &w[k], w, jobs) == 0)
			starts++;
	if (starts == 0) {
		free(w);
		free(pf);
		signal(SIGPIPE, old);
		return -1;   /* made here instead */
	}
	for (;;) {
		/* hand out items to the free workers; start workers that are gone */
		for (int k = 0; k < jobs; k++) {
			if (w[k].pid == 0 && next < b->n && starts < jobs + (int)b->n &&
			    worker_start(b, &w[k], w, jobs) == 0)
				starts++;
			if (w[k].pid > 0 && w[k].item < 0 && next < b->n) {
				uint32_t index = (uint32_t)next;
				if (write_all(w[k].to, &index, sizeof index) == 0)
					w[k].item = (long)next++;
				else
					worker_lost(r, &w[k]);   /* a new one next time round */
			}
		}
		int busy = 0;
		for (int k = 0; k < jobs; k++) {
			pf[k].fd = w[k].pid > 0 && w[k].item >= 0 ? w[k].from : -1;
			pf[k].events = POLLIN;
			pf[k].revents = 0;
			busy += pf[k].fd >= 0;
		}
		if (busy == 0 && next >= b->n)
			break;
		if (busy == 0) {
			/* no worker could be started: the rest here */
			while (next < b->n) {
				struct diag cd;
				diag_init(&cd);
				int rc = make_one(b, next, &cd);
				item_done(r, next++, rc != 0, &cd);
				diag_free(&cd);
			}
			break;
		}
		if (poll(pf, (nfds_t)jobs, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int k = 0; k < jobs; k++)
			if (pf[k].fd >= 0 && pf[k].revents != 0 && worker_result(r, &w[k]) < 0)
				worker_lost(r, &w[k]);
	}
	/* no more items: each worker sees the end of its pipe and exits */
	for (int k = 0; k < jobs; k++)
		if (w[k].pid > 0) {
			w[k].item = -1;
			worker_lost(r, &w[k]);
		}
	signal(SIGPIPE, old);
	free(w);
	free(pf);
	return 0;
}

int
ds_batch_run(const struct ds_batch *b, struct diag *d)
{
	struct run r;
	memset(&r, 0, sizeof r);
	r.b = b;
	r.d = d;
	r.pr.n = b->n;
	r.pr.quiet = b->quiet;
	r.pr.f = stderr;
	r.pr.tty = isatty(STDERR_FILENO);
	r.pr.t0 = ds_now();
	int jobs = b->jobs > 0 ? b->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (jobs < 1)
		jobs = 1;
	if ((size_t)jobs > b->n)
		jobs = (int)b->n;
	if (jobs <= 1 || run_parallel(&r, jobs) < 0) {
		for (size_t i = 0; i < b->n; i++) {
			struct diag cd;
			diag_init(&cd);
			int rc = make_one(b, i, &cd);
			item_done(&r, i, rc != 0, &cd);
			diag_free(&cd);
		}
	}
	progress_end(&r.pr);
	if (r.nfailed > 0 && b->n > 1)
		diag_summary(d, DIAG_ERROR, NULL, _("%zu of %zu %s failed:%s"), r.nfailed, b->n,
		    _(b->what), r.failures.p);
	buf_free(&r.failures);
	return r.nfailed > 0 ? -1 : 0;
}
