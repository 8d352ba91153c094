/*
 * pdf_nav — how a reader moves through the document: link annotations
 * (to an id's exact place, or a URI), the outline (bookmarks), and page
 * labels equal to the printed page numbers.
 */
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "pdf_int.h"
#include "../area/area.h"

static float
pt(mpt x)
{
	return (float)x / 1000.0f;
}

static int
dest_cmp(const void *a, const void *b)
{
	const struct area_dest *x = *(const struct area_dest *const *)a;
	const struct area_dest *y = *(const struct area_dest *const *)b;
	return strcmp(x->id, y->id);
}

struct dests {
	const struct area_dest **v;
	size_t n;
};

static const struct area_dest *
dest_find(const struct dests *ds, const char *id)
{
	size_t lo = 0, hi = ds->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(ds->v[mid]->id, id);
		if (c == 0)
			return ds->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* A destination at the exact place of the id: its page, left and top. */
static HPDF_Destination
make_dest(struct pdf_writer *w, pdf_page_fn *fn, void *ctx, const struct area_tree *t,
    const struct area_dest *d)
{
	if (d == NULL || d->page < 1 || d->page > t->npages)
		return NULL;
	float ph = 0;
	HPDF_Dict target = fn(ctx, d->page, &ph);
	if (target == NULL)
		return NULL;
	/* [page /XYZ left top null]: null zoom keeps the reader's zoom */
	return pdf_haru_dest_xyz(w->doc, target, pt(d->x), ph - pt(d->y));
}

/* The pages of a document written page by page. */
static HPDF_Dict
page_of(void *ctx, int index, float *ph)
{
	HPDF_Page *pages = ctx;
	*ph = HPDF_Page_GetHeight(pages[index - 1]);
	return pages[index - 1];
}

static HPDF_Dict
uri_action(struct pdf_writer *w, const char *uri)
{
	HPDF_Dict a = pdf_haru_dict(w->doc);
	pdf_haru_put_name(a, "S", "URI");
	pdf_haru_put_str(a, "URI", uri);
	return a;
}

static void
write_links(struct pdf_writer *w, HPDF_Page *pages, const struct area_tree *t, const struct dests *ds)
{
	for (const struct area_page *p = t->first; p; p = p->next) {
		HPDF_Page page = pages[p->index - 1];
		float ph = pt(p->h);
		for (const struct area_link *l = p->links; l; l = l->next) {
			HPDF_Rect r = { pt(l->x), ph - pt(l->y + l->h), pt(l->x + l->w), ph - pt(l->y) };
			HPDF_Annotation an = NULL;
			if (l->dest) {
				HPDF_Destination dst = make_dest(w, page_of, pages, t, dest_find(ds, l->dest));
				if (dst)
					an = HPDF_Page_CreateLinkAnnot(page, r, dst);
			} else if (l->uri) {
				an = HPDF_Page_CreateURILinkAnnot(page, r, l->uri);
			}
			if (an)
				HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
		}
	}
}

static void
write_outline(struct pdf_writer *w, pdf_page_fn *fn, void *ctx, const struct area_tree *t,
    const struct dests *ds, HPDF_Outline parent, const struct area_bookmark *bm)
{
	for (; bm; bm = bm->next) {
		HPDF_Outline o = HPDF_CreateOutline(w->doc, parent, "", NULL);
		if (o == NULL)
			return;
		pdf_put_text(o, "Title", bm->title ? bm->title : "");
		if (bm->dest) {
			HPDF_Destination dst = make_dest(w, fn, ctx, t, dest_find(ds, bm->dest));
			if (dst)
				HPDF_Outline_SetDestination(o, dst);
		} else if (bm->uri) {
			pdf_haru_put(o, "A", uri_action(w, bm->uri));
		}
		HPDF_Outline_SetOpened(o, bm->open && bm->first ? HPDF_TRUE : HPDF_FALSE);
		write_outline(w, fn, ctx, t, ds, o, bm->first);
	}
}

/*
 * PDF page labels equal the printed numbers: a numbering range per page
 * sequence in a style PDF knows (decimal, roman, letters), or the label
 * itself for each page (01, Chinese numerals).
 */
int
pdf_label_starts(const struct area_page *p, const struct area_page *prev)
{
	return prev == NULL || p->seq_first || p->label_style != prev->label_style ||
	    p->label_style == 0 || p->number != prev->number + 1;
}

void
pdf_label_add(HPDF_Doc doc, HPDF_Array nums, int index0, const struct area_page *p)
{
	HPDF_Dict d = pdf_haru_dict(doc);
	if (p->label_style) {
		char st[2] = { (char)p->label_style, '\0' };
		pdf_haru_put_name(d, "S", st);
		if (p->number != 1)
			pdf_haru_put_int(d, "St", p->number);
	} else {
		pdf_put_text(d, "P", p->label ? p->label : "");
	}
	pdf_haru_add_int(nums, index0);
	pdf_haru_add(nums, d);
}

/* A leaf of the page-label number tree, with the page range it covers. */
static void
label_leaf(struct pdf_writer *w, HPDF_Array kids, HPDF_Array nums, int first, int last)
{
	HPDF_Dict leaf = pdf_haru_dict_indirect(w->doc);
	HPDF_Array limits = pdf_haru_array(w->doc);
	pdf_haru_put(leaf, "Nums", nums);
	pdf_haru_add_int(limits, first);
	pdf_haru_add_int(limits, last);
	pdf_haru_put(leaf, "Limits", limits);
	pdf_haru_add(kids, leaf);
}

static void
page_labels(struct pdf_writer *w, const struct area_tree *t)
{
	/* a number tree: one /Nums array, or leaves of at most LEAF ranges
	 * under /Kids (libharu's arrays hold at most 32767 items) */
	enum { LEAF = 4096 };
	HPDF_Array kids = NULL, nums = pdf_haru_array(w->doc);
	int n = 0, first = 0, last = 0;
	const struct area_page *prev = NULL;
	for (const struct area_page *p = t->first; p; p = p->next) {
		int start = pdf_label_starts(p, prev);
		prev = p;
		if (!start)
			continue;
		if (n > 0 && n % LEAF == 0) {
			if (kids == NULL)
				kids = pdf_haru_array(w->doc);
			label_leaf(w, kids, nums, first, last);
			nums = pdf_haru_array(w->doc);
		}
		if (n % LEAF == 0)
			first = p->index - 1;
		pdf_label_add(w->doc, nums, p->index - 1, p);
		last = p->index - 1;
		n++;
	}
	HPDF_Dict labels = pdf_haru_dict(w->doc);
	if (kids) {
		label_leaf(w, kids, nums, first, last);
		pdf_haru_put(labels, "Kids", kids);
	} else {
		pdf_haru_put(labels, "Nums", nums);
	}
	pdf_haru_put(pdf_haru_catalog(w->doc), "PageLabels", labels);
}

/* The destinations of t, sorted by id (ds->v owned). */
static void
dests_sorted(const struct area_tree *t, struct dests *ds)
{
	ds->n = 0;
	for (const struct area_dest *d = t->dests; d; d = d->next)
		ds->n++;
	ds->v = xmalloc((ds->n ? ds->n : 1) * sizeof *ds->v);
	size_t k = 0;
	for (const struct area_dest *d = t->dests; d; d = d->next)
		ds->v[k++] = d;
	if (ds->n > 1)
		qsort(ds->v, ds->n, sizeof *ds->v, dest_cmp);
}

void
pdf_outline(struct pdf_writer *w, const struct area_tree *t, pdf_page_fn *fn, void *ctx)
{
	if (t->bookmarks == NULL)
		return;
	struct dests ds;
	dests_sorted(t, &ds);
	write_outline(w, fn, ctx, t, &ds, NULL, t->bookmarks);
	HPDF_SetPageMode(w->doc, HPDF_PAGE_MODE_USE_OUTLINE);
	free(ds.v);
}

void
pdf_nav(struct pdf_writer *w, HPDF_Page *pages, const struct area_tree *t)
{
	page_labels(w, t);
	struct dests ds;
	dests_sorted(t, &ds);
	write_links(w, pages, t, &ds);
	free(ds.v);
	pdf_outline(w, t, page_of, pages);
}
