/*
 * pdf_copies — a document of copies (folio forms --copies), each page of
 * one copy drawn once.
 *
 *   one copy's pages ──► a form XObject each (drawn on a scratch page
 *   that is not written, its resources moved to the XObject) ──► each
 *   copy's page: "/Xn Do", then the runs that differ per copy (the
 *   serial number) with the copy's digits
 *
 * 1,000 copies of a 75-page batch are 75,000 page objects, and libharu
 * keeps every object until the document is saved.  So a copy's page and
 * its content stream are lazy (pdf_haru.h): at rest an empty dictionary;
 * the entries and the stream's bytes are made when libharu writes the
 * object and freed as soon as it is written.  The leaves of the page
 * labels are made the same way.  Copies with
 * nothing of their own share one content stream per page.  The document
 * is saved as PDF 1.5 (pdf_haru_save_packed): its page objects in object
 * streams, about 9 bytes a page instead of 110.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "pdf.h"
#include "pdf_int.h"
#include "../area/area.h"

struct copies;

/* A page of the copies (page and content stream share it). */
struct cpage {
	struct copies *c;
	HPDF_Dict      dict;       /* the page */
	struct pdf_page_ref ref;   /* its /Pages node; its contents, shared or its own */
	struct pdf_lazy lazy;      /* its own contents, made when written */
	uint32_t       item;
	uint32_t       copy;       /* 0-based */
	int            tpage;      /* page of t, 1-based */
};

/* A leaf of the page labels: the ranges that start at page from on. */
struct cleaf {
	struct copies *c;
	struct pdf_lazy lazy;
	size_t         from;       /* page of the document, 0-based */
	size_t         n;          /* ranges */
	int            first, last;
};

struct copies {
	struct pdf_writer       w;
	const struct area_tree *t;
	const struct pdf_item  *items;
	size_t                  nitems;
	const struct area_page **tp;    /* t's pages, by index - 1 */
	char                   (*xname)[32];   /* each page's XObject's name */
	HPDF_Dict              *shared;  /* each page's "/Xn Do" stream, made when needed */
	size_t                 *start;   /* first page of each item in the document */
	size_t                  npages;
	struct cpage           *pages;
	HPDF_Page               surf;    /* where a copy's own runs are drawn */
	struct buf              b;       /* the bytes of the contents being written */
};

/* The page of t and the copy at page v (0-based) of the document. */
static void
locate(const struct copies *c, size_t v, size_t *item, uint32_t *copy, int *tpage)
{
	size_t lo = 0, hi = c->nitems;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (c->start[mid] <= v)
			lo = mid;
		else
			hi = mid;
	}
	const struct pdf_item *it = &c->items[lo];
	size_t np = (size_t)(it->last - it->first + 1), off = v - c->start[lo];
	*item = lo;
	*copy = (uint32_t)(off / np);
	*tpage = it->first + (int)(off % np);
}

/* ---------------------------------------------------------------- lazy objects */

/* The content of page cp: its page's XObject, then each run of the page
 * that differs per copy, with the copy's number. */
static int
copy_content(void *ctx, struct buf *out)
{
	struct cpage *cp = ctx;
	struct copies *c = cp->c;
	const struct pdf_item *it = &c->items[cp->item];
	pdf_haru_page_clear(c->surf);
	char op[48];
	int n = snprintf(op, sizeof op, "/%s Do\n", c->xname[cp->tpage - 1]);
	pdf_haru_page_write(c->surf, op, (size_t)n);
	long serial = it->serial + (long)cp->copy;
	for (size_t k = 0; k < it->nvary; k++) {
		const struct pdf_vary *v = &it->vary[k];
		if (v->page != cp->tpage)
			continue;
		struct area r = *v->run;
		char *text = xmalloc(r.len + 1);
		memcpy(text, r.text, r.len);
		char digits[24];
		snprintf(digits, sizeof digits, "%0*ld", v->ndigits, serial);
		if (v->at + (size_t)v->ndigits <= r.len && (int)strlen(digits) == v->ndigits)
			memcpy(text + v->at, digits, (size_t)v->ndigits);
		r.text = text;
		/* the serial's digits are other characters than the glyphs
		 * shaped for the page: drawn through the cmap */
		r.glyphs = NULL;
		r.ngids = 0;
		r.next = NULL;
		pdf_draw_run(&c->w, c->surf, c->tp[cp->tpage - 1]->h, &r);
		free(text);
	}
	out->n = 0;
	pdf_haru_page_bytes(c->surf, out);
	return c->w.failed ? -1 : 0;
}

/* Calls add for each page from page from of the document that starts a
 * range of labels, until n ranges (0: all); returns the ranges seen. */
static size_t
label_ranges(struct copies *c, size_t from, size_t n,
    void (*add)(void *ctx, size_t v, const struct area_page *p), void *ctx)
{
	size_t seen = 0;
	const struct area_page *prev = NULL;
	if (from > 0) {
		size_t item;
		uint32_t copy;
		int tpage;
		locate(c, from - 1, &item, &copy, &tpage);
		prev = c->tp[tpage - 1];
	}
	for (size_t v = from; v < c->npages && (n == 0 || seen < n); v++) {
		const struct area_page *p = c->tp[c->pages[v].tpage - 1];
		if (pdf_label_starts(p, prev)) {
			if (add)
				add(ctx, v, p);
			seen++;
		}
		prev = p;
	}
	return seen;
}

struct leaf_fill {
	struct copies *c;
	HPDF_Array     nums;
};

static void
leaf_add(void *ctx, size_t v, const struct area_page *p)
{
	struct leaf_fill *f = ctx;
	pdf_label_add(f->c->w.doc, f->nums, (int)v, p);
}

/* A leaf's entries, made when it is written and dropped after. */
static int
leaf_entries(void *ctx, HPDF_Dict dict)
{
	struct cleaf *l = ctx;
	HPDF_Doc doc = l->c->w.doc;
	struct leaf_fill f = { l->c, pdf_haru_array(doc) };
	HPDF_Array limits = pdf_haru_array(doc);
	if (f.nums == NULL || limits == NULL)
		return -1;
	label_ranges(l->c, l->from, l->n, leaf_add, &f);
	int st = pdf_haru_put(dict, "Nums", f.nums);
	st |= pdf_haru_add_int(limits, l->first);
	st |= pdf_haru_add_int(limits, l->last);
	return st | pdf_haru_put(dict, "Limits", limits);
}

/* ---------------------------------------------------------------- page labels */

enum { LEAF = 4096 };

struct leaf_plan {
	struct cleaf *v;
	size_t        n;
	size_t        ranges;
};

static void
plan_add(void *ctx, size_t v, const struct area_page *p)
{
	struct leaf_plan *lp = ctx;
	(void)p;
	if (lp->ranges % LEAF == 0) {
		lp->v = xrealloc(lp->v, (lp->n + 1) * sizeof *lp->v);
		lp->v[lp->n++] = (struct cleaf){ NULL, {0}, v, 0, (int)v, (int)v };
	}
	struct cleaf *l = &lp->v[lp->n - 1];
	l->n++;
	l->last = (int)v;
	lp->ranges++;
}

/* As pdf.c's page_labels: one /Nums array, or lazy leaves under /Kids. */
static struct cleaf *
copy_labels(struct copies *c, size_t *nleaves)
{
	HPDF_Doc doc = c->w.doc;
	struct leaf_plan lp = { NULL, 0, 0 };
	label_ranges(c, 0, 0, plan_add, &lp);
	HPDF_Dict labels = pdf_haru_dict(doc);
	if (lp.n <= 1) {
		struct leaf_fill f = { c, pdf_haru_array(doc) };
		label_ranges(c, 0, 0, leaf_add, &f);
		pdf_haru_put(labels, "Nums", f.nums);
		free(lp.v);
		lp.v = NULL;
		lp.n = 0;
	} else {
		HPDF_Array kids = pdf_haru_array(doc);
		for (size_t i = 0; i < lp.n; i++) {
			lp.v[i].c = c;
			lp.v[i].lazy = (struct pdf_lazy){ .entries = leaf_entries, .ctx = &lp.v[i] };
			HPDF_Dict leaf = pdf_haru_lazy_dict(doc, &lp.v[i].lazy);
			pdf_haru_add(kids, leaf);
		}
		pdf_haru_put(labels, "Kids", kids);
	}
	pdf_haru_put(pdf_haru_catalog(doc), "PageLabels", labels);
	*nleaves = lp.n;
	return lp.v;
}

/* ---------------------------------------------------------------- the document */

static HPDF_Dict
copy_page_of(void *ctx, int index, float *ph)
{
	struct copies *c = ctx;
	for (size_t i = 0; i < c->nitems; i++) {
		const struct pdf_item *it = &c->items[i];
		if (index >= it->first && index <= it->last && it->copies > 0) {
			*ph = (float)c->tp[index - 1]->h / 1000.0f;
			return c->pages[c->start[i] + (size_t)(index - it->first)].dict;
		}
	}
	return NULL;
}

/* Each page of t as a form XObject, and its name on the copies' pages. */
static HPDF_Dict *
templates(struct copies *c)
{
	struct pdf_writer *w = &c->w;
	int np = c->t->npages;
	HPDF_Dict *xo = xcalloc((size_t)(np > 0 ? np : 1), sizeof *xo);
	for (size_t i = 0; i < c->nitems && !w->failed; i++) {
		const struct pdf_item *it = &c->items[i];
		for (int k = it->first; k <= it->last && !w->failed; k++) {
			const struct area_page *p = c->tp[k - 1];
			HPDF_Page sp = pdf_haru_scratch_page(w->scratch);
			if (sp == NULL)
				break;
			w->skip = it->vary;
			w->nskip = it->nvary;
			pdf_draw_page(w, sp, p);
			w->skip = NULL;
			w->nskip = 0;
			HPDF_Dict x = pdf_haru_stream(w->doc);
			HPDF_Dict res = pdf_haru_page_take_resources(sp);
			if (x == NULL || res == NULL)
				break;
			HPDF_Box box = { 0, 0, (HPDF_REAL)p->w / 1000.0f, (HPDF_REAL)p->h / 1000.0f };
			pdf_haru_put_name(x, "Type", "XObject");
			pdf_haru_put_name(x, "Subtype", "Form");
			pdf_haru_put_box(x, "BBox", box);
			pdf_haru_put(x, "Resources", res);
			struct buf b = {0};
			pdf_haru_page_bytes(sp, &b);
			if (pdf_stream_deflated(x, b.p ? b.p : "", b.n) < 0)
				pdf_haru_stream_write(x, b.p, b.n);
			buf_free(&b);
			xo[k - 1] = x;
		}
	}
	return xo;
}

/* The copies' pages, in page nodes of at most 1,024, each with its own
 * content stream or the shared "/Xn Do" of its page of t. */
static void
copy_pages(struct copies *c, HPDF_Dict res)
{
	struct pdf_writer *w = &c->w;
	HPDF_Dict chunk = NULL;
	HPDF_Array kids = NULL;
	mpt cw = 0, ch = 0;
	for (size_t v = 0; v < c->npages && !w->failed; v++) {
		struct cpage *cp = &c->pages[v];
		size_t item;
		locate(c, v, &item, &cp->copy, &cp->tpage);
		cp->item = (uint32_t)item;
		cp->c = c;
		const struct area_page *p = c->tp[cp->tpage - 1];
		/* at most 1,024 pages a node (libharu's arrays hold 32,767),
		 * each node with the size and resources of its pages */
		if (chunk == NULL || pdf_haru_count(kids) >= 1024 || p->w != cw || p->h != ch) {
			HPDF_Box box = { 0, 0, (HPDF_REAL)p->w / 1000.0f, (HPDF_REAL)p->h / 1000.0f };
			chunk = pdf_haru_pages_node(w->doc, box, res);
			if (chunk == NULL)
				return;
			kids = pdf_haru_pages_kids(chunk);
			cw = p->w;
			ch = p->h;
		}
		cp->ref.done = (long)v + 1;
		cp->ref.total = (long)c->npages;
		HPDF_Dict pg = pdf_haru_lean_page(w->doc, chunk, &cp->ref);
		if (pg == NULL)
			return;
		cp->dict = pg;
		int own = 0;
		for (size_t k = 0; k < c->items[item].nvary && !own; k++)
			own = c->items[item].vary[k].page == cp->tpage;
		if (own) {
			cp->lazy = (struct pdf_lazy){ .bytes = copy_content, .ctx = cp };
			HPDF_Dict cs = pdf_haru_lazy_stream(w->doc, &cp->lazy, &c->b);
			if (cs == NULL)
				return;
			cp->ref.contents = cs;
		} else {
			HPDF_Dict *sh = &c->shared[cp->tpage - 1];
			if (*sh == NULL) {
				*sh = pdf_haru_stream(w->doc);
				if (*sh == NULL)
					return;
				char op[48];
				int len = snprintf(op, sizeof op, "/%s Do\n", c->xname[cp->tpage - 1]);
				pdf_haru_stream_write(*sh, op, (size_t)len);
			}
			cp->ref.contents = *sh;
		}
	}
}

/* The writer begun on path, every item's varying runs known to it (the
 * copies draw them themselves).  Returns pdf_begin()'s result. */
static int
copies_begin(struct copies *c, const char *path, struct diag *d)
{
	size_t nvary = 0;
	for (size_t i = 0; i < c->nitems; i++)
		nvary += c->items[i].nvary;
	struct pdf_vary *all = xcalloc(nvary + 1, sizeof *all);
	for (size_t i = 0, k = 0; i < c->nitems; i++)
		for (size_t j = 0; j < c->items[i].nvary; j++)
			all[k++] = c->items[i].vary[j];
	int rc = pdf_begin(&c->w, c->t, path, all, nvary, d);
	free(all);
	return rc;
}

/* t's pages by index, and the first page of each item in the document. */
static void
copies_plan(struct copies *c)
{
	const struct area_tree *t = c->t;
	c->tp = xcalloc((size_t)t->npages + 1, sizeof *c->tp);
	for (const struct area_page *p = t->first; p; p = p->next)
		c->tp[p->index - 1] = p;
	c->start = xcalloc(c->nitems + 1, sizeof *c->start);
	for (size_t i = 0; i < c->nitems; i++) {
		c->start[i] = c->npages;
		c->npages += (size_t)(c->items[i].last - c->items[i].first + 1) *
		    (size_t)c->items[i].copies;
	}
}

/* The resources the copies' pages share: the XObjects xo of t's pages
 * (their names kept in c->xname) and the fonts of their own runs.
 * Returns them, or NULL if they could not be made. */
static HPDF_Dict
shared_resources(struct copies *c, HPDF_Dict *xo)
{
	struct pdf_writer *w = &c->w;
	HPDF_Dict res = NULL;
	c->surf = w->scratch ? pdf_haru_scratch_page(w->scratch) : NULL;
	c->xname = xcalloc((size_t)c->t->npages + 1, sizeof *c->xname);
	c->shared = xcalloc((size_t)c->t->npages + 1, sizeof *c->shared);
	if (c->surf == NULL || w->failed)
		return NULL;
	for (int k = 0; k < c->t->npages; k++)
		if (xo[k]) {
			const char *nm = pdf_haru_page_xobject(c->surf, xo[k]);
			snprintf(c->xname[k], sizeof c->xname[k], "%s", nm ? nm : "X0");
		}
	for (size_t i = 0; i < w->nfaces; i++)
		if (w->faces[i].font)
			pdf_haru_page_font(c->surf, w->faces[i].font);
	res = pdf_haru_page_take_resources(c->surf);
	if (res)
		pdf_haru_indirect(w->doc, res);
	return res;
}

int
pdf_write_copies(const struct area_tree *t, const struct pdf_item *items, size_t n,
    const char *path, struct diag *d)
{
	struct copies c;
	memset(&c, 0, sizeof c);
	c.t = t;
	c.items = items;
	c.nitems = n;
	if (copies_begin(&c, path, d) < 0)
		return -1;
	struct pdf_writer *w = &c.w;
	w->scratch = pdf_haru_scratch_new(w->doc);
	w->packed = 1;

	copies_plan(&c);
	HPDF_Dict *xo = templates(&c);
	/* the copies' pages: their XObjects and the fonts of their own runs */
	HPDF_Dict res = shared_resources(&c, xo);
	c.pages = xcalloc(c.npages + 1, sizeof *c.pages);
	if (res)
		copy_pages(&c, res);
	size_t nleaves = 0;
	struct cleaf *leaves = NULL;
	if (!w->failed) {
		leaves = copy_labels(&c, &nleaves);
		pdf_outline(w, t, copy_page_of, &c);
	}
	int rc = pdf_end(w, w->failed || res == NULL ? -1 : 0);
	free(leaves);
	free(xo);
	free(c.tp);
	free(c.start);
	free(c.xname);
	free(c.shared);
	free(c.pages);
	buf_free(&c.b);
	return rc;
}
