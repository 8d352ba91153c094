/*
 * docset — a blank form fitted to one page through the empty rows of its
 * tables (docs/sources-forms.md, "Blank forms fill their pages"): laid out
 * with rows taken away or added until it fills its page.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../source/source.h"
#include "../fo/fo.h"
#include "../text/text.h"
#include "../area/area.h"
#include "../layout/layout.h"
#include "docset.h"
#include "docset_int.h"
#include "docset_forms.h"

/* One blank copy of a form laid out, not written, with rows[i] empty rows
 * more in its i-th table with empty rows: its pages per part, and in *room
 * the room left at the foot of the first part's last page; -1 on errors
 * (reported to d). */
static int
form_lay(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    const struct form_info *f, const int *rows, mpt *room, struct diag *d)
{
	struct buf job = {0};
	buf_puts(&job, "<job xmlns=\"urn:folio:job\" mode=\"blank\" title=\"\">\n");
	ds_form_job_item(&job, f, rows, 1, 0);
	buf_puts(&job, "</job>\n");
	/* the layout's warnings belong to rendering the form, not to a list */
	struct diag q;
	diag_init(&q);
	text_fonts_set_diag(fonts, &q);
	struct docset_opts oo = *o;
	oo.fo_dir = NULL;
	struct xdoc *fo = ds_job_fo(&oo, site, job.p, job.n, NULL, "list.pdf", &q);
	buf_free(&job);
	struct fo_tree *ft = fo ? fo_tree_build_take(fo, &q) : NULL;
	struct area_tree *at = ft ? lay_document(ft, fonts, &q) : NULL;
	int pages = at ? at->npages / f->parts : -1;
	if (room) {
		*room = 0;
		const struct area_page *p = at ? at->first : NULL;
		for (int k = 1; p && k < pages; k++)
			p = p->next;
		if (p)
			*room = ds_page_room(p);
	}
	area_tree_free(at);
	fo_tree_free(ft);
	text_fonts_set_diag(fonts, d);
	for (size_t i = 0; i < q.n; i++)
		if (q.v[i].level >= DIAG_ERROR)
			diag_report(d, q.v[i].level, q.v[i].file, q.v[i].line, q.v[i].col, "%s", q.v[i].text);
	diag_free(&q);
	return pages > 0 ? pages : -1;
}

/* The changes of the tables' empty rows after the first k rows of the
 * order in which they are taken away: one at a time from the table with
 * the most rows above its fewest, the first of equals. */
static void
form_take(const struct form_info *f, int k, int *rows)
{
	for (int i = 0; i < f->ntab; i++)
		rows[i] = 0;
	for (; k > 0; k--) {
		int best = -1;
		for (int i = 0; i < f->ntab; i++) {
			int left = f->blank[i] + rows[i] - f->floor[i];
			if (left > 0 && (best < 0 || left > f->blank[best] + rows[best] - f->floor[best]))
				best = i;
		}
		if (best < 0)
			return;
		rows[best]--;
		assert(f->blank[best] + rows[best] >= f->floor[best]);   /* a table keeps its fewest */
	}
}

/*
 * Fit a blank form to one page through the empty rows of its tables
 * (docs/sources-forms.md, "Blank forms fill their pages"): a form that
 * runs onto a second page loses as few empty rows as it takes to fit one
 * page, taken one at a time from the table with the most (each keeps at
 * least three body rows, or the rows it was designed with when fewer);
 * a one-page form then fills its page with as many more rows of its
 * record table (the most empty rows, the first of equals) as it has room
 * for.  A form that does not fit one page even so keeps the rows it was
 * designed with: its tables break between rows.  The row height stays the
 * site's.  Sets f->rows; returns the pages per part, -1 on errors.
 */
int
ds_form_fit(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    struct form_info *f, struct diag *d)
{
	assert(f->ntab >= 0 && f->ntab <= FORM_TABLES);
	mpt room = 0;
	int rows[FORM_TABLES] = {0};
	int pages = form_lay(o, site, fonts, f, f->fitted ? f->rows : rows, NULL, d);
	if (f->fitted || pages < 0 || f->ntab == 0) {
		f->fitted = 1;
		return pages;
	}
	f->fitted = 1;
	int spare = 0;   /* rows that may go */
	for (int i = 0; i < f->ntab; i++)
		spare += f->blank[i] - f->floor[i];
	if (pages > 1) {
		form_take(f, spare, rows);
		if (spare == 0 || form_lay(o, site, fonts, f, rows, NULL, d) != 1)
			return pages;   /* it cannot fit one page: as designed */
		/* the fewest rows taken away that fit one page */
		int lo = 1, hi = spare;
		while (lo < hi) {
			int mid = lo + (hi - lo) / 2;
			form_take(f, mid, rows);
			if (form_lay(o, site, fonts, f, rows, NULL, d) == 1)
				hi = mid;
			else
				lo = mid + 1;
		}
		form_take(f, lo, rows);
	}
	/* fill the page: a row of the site's height per row of room */
	pages = form_lay(o, site, fonts, f, rows, &room, d);
	if (pages != 1)
		return pages;
	int rec = 0;
	for (int i = 1; i < f->ntab; i++)
		if (f->blank[i] > f->blank[rec])
			rec = i;
	mpt row_h = ds_site_row_height(site);
	int add = row_h > 0 ? (int)(room / row_h) : 0;
	if (add > 200)
		add = 200;
	int base = rows[rec];
	for (; add > 0; add--) {
		rows[rec] = base + add;
		if (form_lay(o, site, fonts, f, rows, NULL, d) == 1)
			break;
	}
	rows[rec] = base + add;
	memcpy(f->rows, rows, sizeof rows);
	return pages;
}
