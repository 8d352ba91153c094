/*
 * docset — copies of blank forms laid out once (docs/forms.md, "Copies"):
 * a numbered form laid out a second time with other numbers, the two area
 * trees compared so that only the runs of the serial number differ, and
 * every copy's page drawn from the one layout with its own number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../source/source.h"
#include "../fo/fo.h"
#include "../text/text.h"
#include "../area/area.h"
#include "../layout/layout.h"
#include "../pdf/pdf.h"
#include "docset.h"
#include "docset_int.h"
#include "docset_forms.h"

/* ---------------------------------------------------------------- copies laid out once */

#define SERIAL_DIGITS 6

/* A serial number whose every digit differs from s's: the second layout
 * shows it, so that each digit of the number is seen to vary. */
static long
serial_other(long s)
{
	long r = 0, m = 1;
	for (int k = 0; k < SERIAL_DIGITS; k++, s /= 10, m *= 10) {
		long dg = s % 10;
		r += (dg == 9 ? 8 : dg + 1) * m;
	}
	return r;
}

/* Do the ten digits have one advance in face? (the serial's runs keep
 * their width whatever number they show) */
static int
digits_even(struct text_face *face)
{
	int32_t a0 = text_face_advance(face, '0');
	for (uint32_t c = '1'; c <= '9'; c++)
		if (a0 < 0 || text_face_advance(face, c) != a0)
			return 0;
	return 1;
}

struct vary_list {
	struct pdf_vary *v;
	size_t           n;
};

/* Whether a and b have the same borders, field by field: a struct
 * area_border has padding, which memcmp would read. */
static int
same_borders(const struct area *a, const struct area *b)
{
	for (int i = 0; i < 4; i++)
		if (a->border[i].style != b->border[i].style || a->border[i].width != b->border[i].width ||
		    a->border[i].color != b->border[i].color)
			return 0;
	return 1;
}

/*
 * Are the areas a (the copy numbered sa) and b (numbered sb) alike but
 * for runs that show the number?  Those runs of a go to out.
 */
static int
same_but_serial(const struct area *a, const struct area *b, long sa, long sb, int page,
    struct vary_list *out)
{
	for (; a || b; a = a->next, b = b->next) {
		if (a == NULL || b == NULL || a->kind != b->kind || a->x != b->x || a->y != b->y ||
		    a->w != b->w || a->h != b->h || a->face != b->face || a->size != b->size ||
		    a->color != b->color || a->len != b->len || a->nglyphs != b->nglyphs ||
		    a->spacing != b->spacing || a->baseline != b->baseline || a->deco != b->deco ||
		    a->background != b->background || a->thickness != b->thickness ||
		    a->has_matrix != b->has_matrix || a->bold != b->bold || a->italic != b->italic ||
		    !same_borders(a, b) ||
		    (a->path == NULL) != (b->path == NULL) || (a->image == NULL) != (b->image == NULL))
			return 0;
		if (a->path && (a->path->npts != b->path->npts ||
		    memcmp(a->path->pts, b->path->pts, a->path->npts * 2 * sizeof *a->path->pts) != 0))
			return 0;
		if (a->image && strcmp(a->image->path ? a->image->path : "", b->image->path ? b->image->path : "") != 0)
			return 0;
		if (a->kind == AREA_RUN && a->len > 0 && memcmp(a->text, b->text, a->len) != 0) {
			char fa[16], fb[16];
			snprintf(fa, sizeof fa, "%0*ld", SERIAL_DIGITS, sa);
			snprintf(fb, sizeof fb, "%0*ld", SERIAL_DIGITS, sb);
			size_t at = 0;
			int found = 0;
			for (; at + SERIAL_DIGITS <= a->len && !found; at++)
				found = memcmp(a->text + at, fa, SERIAL_DIGITS) == 0 &&
				    memcmp(b->text + at, fb, SERIAL_DIGITS) == 0 &&
				    memcmp(a->text, b->text, at) == 0 &&
				    memcmp(a->text + at + SERIAL_DIGITS, b->text + at + SERIAL_DIGITS,
				    a->len - at - SERIAL_DIGITS) == 0;
			if (!found || a->face == NULL || !digits_even(a->face) || a->deco || a->pagenum ||
			    a->link_dest || a->link_uri)
				return 0;
			out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
			out->v[out->n++] = (struct pdf_vary){ page, a, at - 1, SERIAL_DIGITS };
		}
		if (!same_but_serial(a->first, b->first, sa, sb, page, out))
			return 0;
	}
	return 1;
}

/* A job of one copy of each form, numbered from serial[k] (0: none). */
static void
copies_job(struct buf *job, const struct form_info *const *f, const long *serial, size_t n)
{
	buf_puts(job, FORM_JOB_HEAD);
	for (size_t k = 0; k < n; k++)
		ds_form_job_item(job, f[k], f[k]->rows, 1, serial[k]);
	buf_puts(job, "</job>\n");
}

/* The job laid out: the FO tree in *ft, NULL after errors (reported to d). */
static struct area_tree *
copies_lay(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    const struct buf *job, const char *pdf, struct fo_tree **ft, struct diag *d)
{
	struct xdoc *fo = ds_job_fo(o, site, job->p, job->n, NULL, pdf, d);
	*ft = fo ? fo_tree_build_take(fo, d) : NULL;
	return *ft ? lay_document(*ft, fonts, d) : NULL;
}

/* The page of the destination id, 0 if there is none. */
static int
dest_page(const struct area_tree *t, const char *id)
{
	for (const struct area_dest *x = t->dests; x; x = x->next)
		if (strcmp(x->id, id) == 0)
			return x->page;
	return 0;
}

/*
 * copies of each form in one PDF, each form laid out once (docs/forms.md,
 * "Copies"): the pages of one copy are drawn once and every copy's page
 * draws them, with its own serial number.  Numbered forms are laid out a
 * second time with other numbers: what differs between the two must be the
 * runs of the number and nothing else.  Returns 0, -1 after errors
 * (reported), or 1 when the copies cannot be made so (a page with links,
 * something else that differs between copies, --fo): the caller lays out
 * every copy.
 */
int
ds_forms_copies(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    const struct form_info *const *f, size_t n, int copies, const char *pdf, struct diag *d)
{
	if (copies < 2 || n == 0 || o->fo_dir)
		return 1;
	long *sa = xcalloc(n, sizeof *sa), *sb = xcalloc(n, sizeof *sb);
	int numbered = 0;
	for (size_t k = 0; k < n; k++) {
		sa[k] = f[k]->start;
		sb[k] = f[k]->start > 0 ? serial_other(f[k]->start) : 0;
		numbered |= f[k]->start > 0;
	}
	struct buf job = {0};
	copies_job(&job, f, sa, n);
	struct fo_tree *fa = NULL, *fb = NULL;
	struct area_tree *a = copies_lay(o, site, fonts, &job, pdf, &fa, d), *b = NULL;
	int rc = a && d->worst < DIAG_ERROR ? 0 : -1;
	struct pdf_item *items = xcalloc(n, sizeof *items);
	struct vary_list vl = { NULL, 0 };
	size_t *nv = xcalloc(n + 1, sizeof *nv);
	for (size_t k = 0; k < n && rc == 0; k++) {
		char id[32];
		snprintf(id, sizeof id, "i%zu", k + 1);
		items[k].first = dest_page(a, id);
		snprintf(id, sizeof id, "i%zu", k + 2);
		items[k].last = k + 1 < n ? dest_page(a, id) - 1 : a->npages;
		items[k].copies = copies;
		items[k].serial = sa[k];
		if (items[k].first < 1 || items[k].last < items[k].first)
			rc = 1;
	}
	for (const struct area_page *p = a && rc == 0 ? a->first : NULL; p; p = p->next)
		if (p->links)
			rc = 1;
	if (rc == 0 && numbered) {
		/* the second layout's messages are the first's */
		struct diag q;
		diag_init(&q);
		text_fonts_set_diag(fonts, &q);
		struct docset_opts oo = *o;
		job.n = 0;
		copies_job(&job, f, sb, n);
		b = copies_lay(&oo, site, fonts, &job, pdf, &fb, &q);
		text_fonts_set_diag(fonts, d);
		diag_free(&q);
		const struct area_page *pa = a->first, *pb = b ? b->first : NULL;
		if (b == NULL || b->npages != a->npages)
			rc = 1;
		for (size_t k = 0; k < n && rc == 0; k++)
			for (int i = items[k].first; i <= items[k].last && rc == 0; i++) {
				if (pa->w != pb->w || pa->h != pb->h ||
				    !same_but_serial(pa->root, pb->root, sa[k], sb[k], i, &vl))
					rc = 1;
				pa = pa->next;
				pb = pb->next;
			}
		/* the second layout was only to compare: its memory goes before
		 * the PDF is written */
		area_tree_free(b);
		fo_tree_free(fb);
		b = NULL;
		fb = NULL;
		/* each item's runs, in the order of its pages */
		for (size_t k = 0, j = 0; k < n && rc == 0; k++) {
			while (j < vl.n && vl.v[j].page <= items[k].last) {
				nv[k]++;
				j++;
			}
		}
		for (size_t k = 0, j = 0; k < n && rc == 0; k++) {
			items[k].vary = vl.v + j;
			items[k].nvary = nv[k];
			j += nv[k];
		}
	}
	if (rc == 0)
		rc = pdf_write_copies(a, items, n, pdf, d);
	if (rc <= 0)
		ds_layout_check(a, pdf, d);
	area_tree_free(b);
	fo_tree_free(fb);
	area_tree_free(a);
	fo_tree_free(fa);
	free(vl.v);
	free(nv);
	free(items);
	free(sa);
	free(sb);
	buf_free(&job);
	return rc;
}
