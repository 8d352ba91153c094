/*
 * layout — before-floats (XSL 1.1 §6.10.2, fo:float float="before"): the
 * floats of a page-sequence's flow, taken out of the flow where they stand
 * and placed whole at the top of the region-body, above the flow's content
 * of the page their anchor (the flow item after them) lands on.
 *
 *   lay_float_take    while the flow's list is built: lay the float's
 *                     content out to the body width, note its anchor
 *   lay_floats_plan   before a page is filled: the waiting floats first,
 *                     then those anchored on the page while the page still
 *                     holds their anchor with them above it; the first
 *                     that does not fit waits for the next page with all
 *                     after it (floats keep their order)
 *   lay_floats_place  the chosen floats at the top of the body, then the
 *                     xsl-before-float-separator; the flow starts below
 *
 * A float elsewhere (in a table, list, container, footnote, static
 * content or another float) and a side float (start, end) are laid out
 * where they stand, with a warning.  docs/floats.md
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"

static int
is_float(const struct fo_node *n)
{
	const char *name = fo_node_name(n);
	return n->type == FO_BLOCK && name && strcmp(name, "float") == 0;
}

static const char *
side_name(const struct fo_node *n)
{
	return n->style->float_side == 1 ? "before" : n->style->float_side == 2 ? "start" : "end";
}

/* The height a vertical list takes poured whole into one fragment. */
static mpt
list_height(struct lay *L, const struct vlist *vl)
{
	struct fill p;
	struct cut c;
	lay_fill_init(&p, L, vl, 0);
	lay_fill_cut(&p, LAY_INF, 0, &c);
	return c.h;
}

static const struct fo_node *
separator(const struct fo_node *seq)
{
	for (const struct fo_node *sc = seq->first; sc; sc = sc->next) {
		const char *fn = sc->type == FO_STATIC_CONTENT ? sc->name : NULL;
		if (fn && strcmp(fn, "xsl-before-float-separator") == 0)
			return sc;
	}
	return NULL;
}

void
lay_floats_init(struct lay *L, struct lay_floats *fl, const struct fo_node *seq,
    const struct vlist *flow, mpt width, int columns)
{
	memset(fl, 0, sizeof *fl);
	fl->flow = flow;
	fl->columns = (uint8_t)columns;
	fl->width = width;
	fl->sep = separator(seq);
	if (fl->sep) {
		struct lblock ctx;
		struct vlist sv;
		memset(&ctx, 0, sizeof ctx);
		memset(&sv, 0, sizeof sv);
		ctx.w = width;
		lay_blocks(L, fl->sep, &ctx, &sv);
		fl->sep_h = list_height(L, &sv);
		vlist_free(&sv);
	}
	L->floats = fl;
}

int
lay_float_take(struct lay *L, const struct fo_node *n, struct vlist *vl)
{
	if (!is_float(n) || n->style->float_side == 0)
		return 0;
	struct lay_floats *fl = L->floats;
	if (n->style->float_side != 1) {
		diag_once(L->d, "float-side", DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:float float=\"%s\" is laid out where it stands, as a block: folio floats only "
		    "float=\"before\"", side_name(n));
		return 0;
	}
	if (fl == NULL || vl != fl->flow || L->measure) {
		diag_once(L->d, "float-nested", DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:float inside a table, list, container, footnote, static content or another "
		    "float is laid out where it stands, as a block: folio floats only the flow's own");
		return 0;
	}
	if (fl->columns) {
		diag_once(L->d, "float-columns", DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:float in a region-body of several columns is laid out where it stands, as a block");
		return 0;
	}
	if (fl->n == fl->cap) {
		fl->cap = fl->cap ? fl->cap * 2 : 4;
		fl->v = xrealloc(fl->v, fl->cap * sizeof *fl->v);
	}
	struct lay_float *fv = &fl->v[fl->n];
	memset(fv, 0, sizeof *fv);
	fv->fo = n;
	fv->anchor = vl->n;
	struct lblock ctx;
	memset(&ctx, 0, sizeof ctx);
	ctx.w = fl->width;
	/* the float's content is laid out apart: floats inside it stand in place */
	L->floats = NULL;
	lay_blocks(L, n, &ctx, &fv->vl);
	L->floats = fl;
	for (size_t j = 0; j < fv->vl.n; j++)
		if (fv->vl.v[j].nnotes > 0)
			diag_once(L->d, "note-in-float", DIAG_WARNING, L->fo->file,
			    fv->vl.v[j].notes[0]->line, 0,
			    "fo:footnote inside fo:float is not allowed (XSL 1.1 §6.10.2); its body is not placed");
	fv->h = list_height(L, &fv->vl);
	fl->n++;
	return 1;
}

int
lay_floats_pending(const struct lay_floats *fl)
{
	return fl->next < fl->n;
}

/* Where the flow f would end on a fresh page of height H (a probe). */
static void
probe(const struct fill *f, mpt H, struct cut *c)
{
	struct fill p = *f;
	p.y = lay_fill_top(f);
	p.placed = 0;
	p.content = 0;
	lay_fill_cut(&p, H, 0, c);
}

mpt
lay_floats_plan(struct lay *L, struct lay_floats *fl, struct fill *f, mpt H)
{
	fl->plan = fl->next;
	if (fl->next >= fl->n)
		return 0;
	/* lay_fill_begin counts a fragment's table rows from 0 */
	for (int d = 0; d < f->depth; d++)
		f->stack[d].rows = 0;
	mpt top = 0;
	size_t k = fl->next, last = f->vl->n ? f->vl->n - 1 : 0;
	/* waiting floats (anchored on pages already made): in order while
	 * they fit; the first of them always, on a page of its own if need be */
	for (; k < fl->n; k++) {
		size_t a = fl->v[k].anchor < last ? fl->v[k].anchor : last;
		if (a >= f->i && !lay_fill_done(f))
			break;
		mpt t = top + fl->v[k].h + (top == 0 ? fl->sep_h : 0);
		if (t > H && k > fl->next)
			goto done;
		if (t > H)
			diag_once(L->d, "float-tall", DIAG_WARNING, L->fo->file, fl->v[k].fo->line, 0,
			    "fo:float is taller than the page body; it is placed anyway and overflows the page");
		top = t;
	}
	/* floats anchored on this page: each while its anchor stays on the
	 * page below it and what is above the anchor fits */
	for (; k < fl->n; k++) {
		size_t a = fl->v[k].anchor < last ? fl->v[k].anchor : last;
		mpt t = top + fl->v[k].h + (top == 0 ? fl->sep_h : 0);
		struct cut c;
		if (t >= H)
			break;
		probe(f, H - t, &c);
		if (c.h > H - t || !(a < c.end || (c.split && a == c.end)))
			break;
		top = t;
	}
done:
	fl->plan = k;
	return top;
}

void
lay_floats_place(struct lay *L, struct lay_floats *fl, struct area *region, mpt x, mpt y,
    mpt w, struct area_page *pg)
{
	if (fl == NULL || fl->plan <= fl->next)
		return;
	for (; fl->next < fl->plan; fl->next++) {
		struct lay_float *fv = &fl->v[fl->next];
		struct fill ff;
		lay_fill_init(&ff, L, &fv->vl, 0);
		ff.flow = 1;
		ff.page = pg;
		ff.pagenum = pg->label;
		struct area *a = area_new(L->at, AREA_BLOCK, region);
		a->name = "float";
		a->line = fv->fo->line;
		a->fo = fv->fo;
		a->background = 0xFFFFFFFFu;
		a->x = x;
		a->y = y;
		a->w = w;
		lay_page_id(&ff, fv->fo->id, x, y);
		mpt h = lay_fill_all(&ff, a, x, y, w, LAY_INF);
		a->h = h;
		y += h;
	}
	if (fl->sep) {
		struct lblock ctx;
		struct vlist sv;
		struct fill sf;
		memset(&ctx, 0, sizeof ctx);
		memset(&sv, 0, sizeof sv);
		ctx.w = w;
		lay_blocks(L, fl->sep, &ctx, &sv);
		lay_fill_init(&sf, L, &sv, 0);
		sf.page = pg;
		sf.pagenum = pg->label;
		lay_fill_all(&sf, region, x, y, w, fl->sep_h);
		vlist_free(&sv);
	}
}

void
lay_floats_free(struct lay *L, struct lay_floats *fl)
{
	for (size_t i = 0; i < fl->n; i++)
		vlist_free(&fl->v[i].vl);
	free(fl->v);
	memset(fl, 0, sizeof *fl);
	if (L->floats == fl)
		L->floats = NULL;
}
