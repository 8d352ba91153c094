/*
 * docset — folio forms: blank forms in batches, a PDF each or one for all.
 * Serial numbers (编号) continue from batch to batch: the next number of
 * each form is kept in ROOT/form-serials.txt, read and rewritten (through
 * a temporary, renamed) under a lock on the project folder, and only after
 * every PDF of the batch is written.  Output names carry the form and the
 * serial range.  The register (which forms, chosen how, folio forms
 * --list) is docset_forms_reg.c's, fitting a form to its page
 * docset_forms_fit.c's, copies laid out once docset_forms_copies.c's.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "../base/file.h"
#include "../source/source.h"
#include "../text/text.h"
#include "docset.h"
#include "docset_int.h"
#include "docset_forms.h"

/* ---------------------------------------------------------------- serial numbers */

struct serials {
	char **id;
	long  *next;
	size_t n;
};

static long
serial_next(const struct serials *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->id[i], id) == 0)
			return s->next[i];
	return 1;
}

static void
serial_set(struct serials *s, const char *id, long next)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->id[i], id) == 0) {
			s->next[i] = next;
			return;
		}
	s->id = xrealloc(s->id, (s->n + 1) * sizeof *s->id);
	s->next = xrealloc(s->next, (s->n + 1) * sizeof *s->next);
	s->id[s->n] = xstrdup(id);
	s->next[s->n++] = next;
}

static void
serials_free(struct serials *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->id[i]);
	free(s->id);
	free(s->next);
}

/* Read the state file: "ID NEXT" per line, # comments.  A missing file is
 * an empty state; a line that is not understood is an error (a number
 * must never be issued twice because the file was damaged). */
static int
serials_read(const char *path, struct serials *s, struct diag *d)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return errno == ENOENT ? 0 : (diag_report(d, DIAG_ERROR, path, 0, 0, _("cannot read: %s"),
		    strerror(errno)), -1);
	char line[512];
	int ln = 0, rc = 0;
	while (fgets(line, sizeof line, f)) {
		ln++;
		char id[256];
		long next;
		char extra;
		if (line[0] == '#' || strspn(line, " \t\r\n") == strlen(line))
			continue;
		if (sscanf(line, "%255s %ld %c", id, &next, &extra) != 2 || next < 1 || next > SERIAL_MAX + 1) {
			diag_report(d, DIAG_ERROR, path, ln, 0, _("not \"FORM-ID NEXT-NUMBER\": the serial "
			    "numbers already used cannot be known; repair the line"));
			rc = -1;
			continue;
		}
		serial_set(s, id, next);
	}
	fclose(f);
	return rc;
}

/* Through a temporary renamed over the file (base/file.h): all or nothing. */
static int
serials_write(const char *path, const struct serials *s, struct diag *d)
{
	struct buf b = {0};
	buf_puts(&b, "# folio forms: the next serial number (编号) of each form.\n"
	    "# Written by folio after each numbered batch; do not lower a number.\n");
	for (size_t i = 0; i < s->n; i++)
		buf_printf(&b, "%s %ld\n", s->id[i], s->next[i]);
	int rc = file_write(path, b.p, b.n, d);
	buf_free(&b);
	return rc;
}

/* The first numbers of the picked forms, copies each: from serial_start,
 * or where each form's numbers stopped; -1 after reporting. */
static int
serials_take(const char *state, struct serials *ser, struct form_info *v, size_t n, int copies,
    int serial_start, struct diag *d)
{
	int rc = serials_read(state, ser, d);
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (!v[i].pick)
			continue;
		long next = serial_next(ser, v[i].id);
		if (serial_start > 0 && serial_start < next) {
			diag_report(d, DIAG_ERROR, state, 0, 0, _("%s: the numbers up to %06ld were issued "
			    "already; --serial-start must be %ld or more (or leave it out to continue)"),
			    v[i].id, next - 1, next);
			rc = -1;
		}
		v[i].start = serial_start > 0 ? serial_start : next;
		assert(v[i].start >= 1);   /* serials_read refuses a next number below 1 */
		if (v[i].start + copies - 1 > SERIAL_MAX) {
			diag_report(d, DIAG_ERROR, state, 0, 0, _("%s: the numbers would pass %06d"),
			    v[i].id, SERIAL_MAX);
			rc = -1;
		}
	}
	return rc;
}

/* The numbers of the picked forms are used: the state file says so. */
static int
serials_commit(const char *state, struct serials *ser, const struct form_info *v, size_t n, int copies,
    int quiet, struct diag *d)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].pick) {
			serial_set(ser, v[i].id, v[i].start + copies);
			if (!quiet)
				fprintf(stderr, _("folio: %s %s: numbers %06ld to %06ld\n"), v[i].id, v[i].name,
				    v[i].start, v[i].start + copies - 1);
		}
	return serials_write(state, ser, d);
}

/* ---------------------------------------------------------------- jobs */

static void
range_name(char *out, size_t n, const char *stem, long start, long end, int copies)
{
	if (start > 0)
		snprintf(out, n, "%s-No%06ld-%06ld.pdf", stem, start, end);
	else if (copies > 1)
		snprintf(out, n, "%s-x%d.pdf", stem, copies);
	else
		snprintf(out, n, "%s.pdf", stem);
}

/* The forms of a batch, a PDF each. */
struct forms_batch {
	struct docset_opts       q;
	const struct ds_site    *site;
	struct text_fonts       *fonts;
	struct diag             *d;       /* the run's */
	const struct form_info  *v;
	size_t                  *pick;    /* indices into v */
	size_t                   n;
	const char              *dir;
	int                      copies;
};

static const char *
form_name(void *ctx, size_t i)
{
	struct forms_batch *fb = ctx;
	return fb->v[fb->pick[i]].id;
}

static const char *
form_file(void *ctx, size_t i)
{
	struct forms_batch *fb = ctx;
	return fb->v[fb->pick[i]].file;
}

static int
form_one(void *ctx, size_t i, struct diag *cd)
{
	struct forms_batch *fb = ctx;
	/* fitted here, in the worker: a copy of the form's entry */
	struct form_info g = fb->v[fb->pick[i]];
	const struct form_info *f = &g;
	text_fonts_set_diag(fb->fonts, cd);
	int fit = ds_form_fit(&fb->q, fb->site, fb->fonts, &g, cd);
	text_fonts_set_diag(fb->fonts, fb->d);
	if (fit < 0)
		return -1;
	struct buf one = {0};
	buf_puts(&one, FORM_JOB_HEAD);
	ds_form_job_item(&one, f, f->rows, fb->copies, f->start);
	buf_puts(&one, "</job>\n");
	char name[300];
	range_name(name, sizeof name, f->id, f->start, f->start + fb->copies - 1, fb->copies);
	char *pdf = ds_path(fb->dir, name);
	text_fonts_set_diag(fb->fonts, cd);
	int rc = ds_forms_copies(&fb->q, fb->site, fb->fonts, &f, 1, fb->copies, pdf, cd);
	if (rc > 0)
		rc = ds_run_job(&fb->q, fb->site, fb->fonts, one.p, one.n, NULL, pdf, cd);
	text_fonts_set_diag(fb->fonts, fb->d);
	if (rc == 0 && !fb->q.quiet)
		fprintf(stderr, _("folio: wrote %s\n"), pdf);
	free(pdf);
	buf_free(&one);
	return rc;
}

int
docset_forms(const struct docset_opts *o, struct text_fonts *fonts, char **forms, int nforms,
    int combined, int copies, int serial, int serial_start, struct diag *d)
{
	int to_stdout = o->out_dir && strcmp(o->out_dir, "-") == 0;
	char *out = o->out_dir ? xstrdup(o->out_dir) : ds_path(o->root, "output");
	char *dir = ds_path(out, "forms");
	char *state = ds_path(o->root, "form-serials.txt");
	struct serials ser = {0};
	struct ds_site site;
	size_t n = 0;
	int rc = 0, lock = -1;

	ds_allow(o);
	if (ds_site_load(o, &site, d) < 0)
		rc = -1;
	ds_site_allow(&site);
	ds_site_fonts(&site, fonts);
	struct form_info *v = ds_forms_load(o, &n, d);
	if (rc == 0)
		rc = ds_forms_pick(v, n, forms, nforms, d);
	if (rc == 0 && serial) {
		/* one numbered batch at a time in a project */
		lock = open(o->root, O_RDONLY | O_DIRECTORY);
		if (lock >= 0)
			flock(lock, LOCK_EX);
		rc = serials_take(state, &ser, v, n, copies, serial_start, d);
	}
	if (rc == 0 && !to_stdout) {
		if (file_mkdirs(dir, d) < 0)
			rc = -1;
	}
	struct buf job = {0};
	long lo = 0, hi = 0;
	buf_puts(&job, FORM_JOB_HEAD);
	struct forms_batch fb;
	memset(&fb, 0, sizeof fb);
	fb.q = *o;
	fb.site = &site;
	fb.fonts = fonts;
	fb.d = d;
	fb.v = v;
	fb.dir = dir;
	fb.copies = copies;
	fb.pick = xcalloc(n + 1, sizeof *fb.pick);
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (!v[i].pick)
			continue;
		long end = v[i].start + copies - 1;
		if (combined && ds_form_fit(o, &site, fonts, &v[i], d) < 0) {
			rc = -1;
			break;
		}
		ds_form_job_item(&job, &v[i], v[i].rows, copies, v[i].start);
		if (v[i].start > 0) {
			lo = lo == 0 || v[i].start < lo ? v[i].start : lo;
			hi = end > hi ? end : hi;
		}
		fb.pick[fb.n++] = i;
	}
	if (!combined && rc == 0 && fb.n > 0) {
		/* a PDF per form: a batch; the progress lines say what was written */
		fb.q.quiet = o->quiet || fb.n > 1;
		struct ds_batch b = { fb.n, o->jobs, o->quiet || fb.n < 2, N_("forms"), form_name, form_file,
		    form_one, &fb };
		rc = ds_batch_run(&b, d);
	}
	buf_puts(&job, "</job>\n");
	if (combined && rc == 0) {
		char name[300];
		range_name(name, sizeof name, "forms", lo, hi, copies);
		char *pdf = to_stdout ? xstrdup("-") : ds_path(dir, name);
		const struct form_info **fv = xcalloc(fb.n + 1, sizeof *fv);
		for (size_t k = 0; k < fb.n; k++)
			fv[k] = &v[fb.pick[k]];
		struct docset_progress *pr = docset_progress_begin(o->quiet);
		rc = ds_forms_copies(o, &site, fonts, fv, fb.n, copies, pdf, d);
		free(fv);
		if (rc > 0)
			rc = ds_run_job(o, &site, fonts, job.p, job.n, NULL, pdf, d);
		docset_progress_end(pr);
		if (rc == 0 && !o->quiet && !to_stdout)
			fprintf(stderr, _("folio: wrote %s\n"), pdf);
		free(pdf);
	}
	buf_free(&job);
	free(fb.pick);
	/* the numbers are used once the PDFs exist */
	if (rc == 0 && serial)
		rc = serials_commit(state, &ser, v, n, copies, o->quiet, d);
	if (lock >= 0)
		close(lock);
	serials_free(&ser);
	ds_forms_free(v, n);
	ds_site_free(&site);
	src_allow_reset();
	free(state);
	free(out);
	free(dir);
	return rc;
}
