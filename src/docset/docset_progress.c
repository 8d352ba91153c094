/*
 * docset — the progress of one long document on standard error, for
 * folio render, folio manual and folio forms --combined: the text being
 * composed, the pages laid out, the pages written to the PDF.  A job
 * shorter than FOLIO_PROGRESS_DELAY seconds (default 2) says nothing; on a
 * terminal one line is updated in place, otherwise a plain line is printed
 * every 2 seconds and at each change of stage (docs/messages.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../layout/layout.h"
#include "../pdf/pdf.h"
#include "docset.h"
#include "docset_int.h"

struct docset_progress {
	double t0, last, delay;
	int    tty, shown, stage;   /* stage: 1 text, 2 pages, 3 writing */
	int    pass;
	FILE  *f;
};

double
ds_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One report: stage, pass, its text.  Printed when the job is long and
 * the last report is old enough, or the stage changed. */
static void
report(struct docset_progress *p, int stage, int pass, const char *text)
{
	double t = ds_now();
	if (t - p->t0 < p->delay)
		return;
	int changed = stage != p->stage || pass != p->pass;
	if (p->shown && !changed && t - p->last < (p->tty ? 0.2 : 2.0))
		return;
	p->stage = stage;
	p->pass = pass;
	p->last = t;
	p->shown = 1;
	char line[200];
	if (pass > 1)
		/* TRANSLATORS: progress of a long document: its text, then the layout pass */
		snprintf(line, sizeof line, _("%s (pass %d)"), text, pass);
	else
		snprintf(line, sizeof line, "%s", text);
	fprintf(p->f, p->tty ? "\r%s\033[K" : "%s\n", line);
	fflush(p->f);
}

static void
on_layout(void *ctx, enum lay_progress what, int pass, long done, long total)
{
	struct docset_progress *p = ctx;
	char text[160];
	if (what == LAY_PROGRESS_TEXT) {
		/* cheap test first: this is called for every top-level block */
		if (ds_now() - p->last < (p->tty ? 0.2 : 2.0) && p->stage == 1 && p->pass == pass)
			return;
		/* TRANSLATORS: progress of a long document: the share of its text composed into lines */
		snprintf(text, sizeof text, _("composing the text: %ld%%"), total > 0 ? done * 100 / total : 0);
		report(p, 1, pass, text);
	} else {
		/* TRANSLATORS: progress of a long document: the pages laid out so far */
		snprintf(text, sizeof text, _("pages laid out: %ld"), done);
		report(p, 2, pass, text);
	}
}

static void
on_pdf(void *ctx, long done, long total)
{
	struct docset_progress *p = ctx;
	char text[160];
	/* TRANSLATORS: progress of a long document: pages written to the PDF, done of all */
	snprintf(text, sizeof text, _("writing the PDF: page %ld of %ld"), done, total);
	report(p, 3, 0, text);
}

struct docset_progress *
docset_progress_begin(int quiet)
{
	if (quiet)
		return NULL;
	struct docset_progress *p = xcalloc(1, sizeof *p);
	const char *e = getenv("FOLIO_PROGRESS_DELAY");
	p->delay = e && *e ? atof(e) : 2.0;
	p->f = stderr;
	p->tty = isatty(STDERR_FILENO);
	p->t0 = ds_now();
	lay_set_progress(on_layout, p);
	pdf_set_progress(on_pdf, p);
	return p;
}

void
docset_progress_end(struct docset_progress *p)
{
	if (p == NULL)
		return;
	lay_set_progress(NULL, NULL);
	pdf_set_progress(NULL, NULL);
	if (p->tty && p->shown) {
		fputc('\n', p->f);
		fflush(p->f);
	}
	free(p);
}
