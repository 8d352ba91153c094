/*
 * layout — row groups: grid rows of a table bound by row spans, or a list
 * item's label and body (lay_table.c and lay_list.c build them).  Each
 * cell's content is laid out in advance as its own vertical list with its
 * own struct fill; lay_row_solve gives the grid rows heights from it.
 * Pagination (lay_fill.c) treats a row group like a line it may cut:
 * lay_row_split_ok asks whether a first part fits, cutting each cell by the
 * same rules as a page (by allowed breaks only when other content is
 * already there, "strict"), lay_row_place places the whole or that part and
 * leaves the rest for the next fragment, where each cell's fill goes on
 * where it stopped.  lay_row_clone copies a group not yet placed (repeated
 * table headers and footers), so the area tree stays a tree.
 */
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"

/* Height the cell needs above and below its content in this fragment. */
static mpt
cell_top(const struct lcell *lc, int at_top)
{
	if (lc->started)
		return lc->retain ? lc->top_bw + lc->pad[SIDE_BEFORE] : 0;
	return (at_top ? lc->top_bw : lc->bw[SIDE_BEFORE]) + lc->pad[SIDE_BEFORE] + lc->shift;
}

static mpt
cell_bottom(const struct lcell *lc)
{
	return lc->pad[SIDE_AFTER] + lc->bw[SIDE_AFTER];
}

/* Height of what is left of the cell's content. */
static mpt
cell_rest(const struct lcell *lc)
{
	struct fill tmp = lc->fill;
	struct cut c;
	if (lay_fill_done(&tmp))
		return 0;
	tmp.y = lay_fill_top(&tmp);
	tmp.placed = tmp.content = 0;
	lay_fill_cut(&tmp, LAY_INF, 0, &c);
	return c.h;
}

static int
cell_done(const struct lcell *lc)
{
	return lc->started && lay_fill_done(&lc->fill);
}

/* First grid row of a cell that is still there. */
static int
first_row(const struct lrow *row, const struct lcell *lc)
{
	return lc->row0 > row->r0 ? lc->row0 : row->r0;
}

void
lay_row_solve(struct lay *L, struct lrow *row)
{
	(void)L;
	for (int r = 0; r < row->nrows; r++)
		row->rowh[r] = r < row->r0 ? 0 : row->minh[r];
	row->top_extra = 0;
	for (int span = 1; span <= row->nrows; span++)
		for (int k = 0; k < row->ncells; k++) {
			struct lcell *lc = &row->cells[k];
			if (lc->row1 < row->r0 || cell_done(lc))
				continue;
			int r0 = first_row(row, lc);
			if (lc->row1 - r0 + 1 != span)
				continue;
			mpt need = cell_top(lc, 0) + cell_rest(lc) + cell_bottom(lc);
			mpt have = (lc->row1 - r0) * row->sep;
			for (int r = r0; r <= lc->row1; r++)
				have += row->rowh[r];
			if (need > have)
				row->rowh[lc->row1] += need - have;
			if (!lc->started && r0 == row->r0 && lc->top_bw - lc->bw[SIDE_BEFORE] > row->top_extra)
				row->top_extra = lc->top_bw - lc->bw[SIDE_BEFORE];
		}
	row->h = 0;
	for (int r = row->r0; r < row->nrows; r++)
		row->h += row->rowh[r] + row->sep;
}

mpt
lay_row_height(const struct lrow *row, int first)
{
	return row->h + (first ? row->top_extra : 0);
}

int
lay_row_splittable(const struct lrow *row)
{
	return !row->keep && row->part == PART_BODY;
}

/* Offsets of the grid rows from the group's top: T[r], T[nrows] the end. */
static void
row_offsets(const struct lrow *row, mpt extra, mpt *T)
{
	mpt y = 0;
	for (int r = 0; r < row->nrows; r++) {
		if (r < row->r0) {
			T[r] = 0;
			continue;
		}
		y += row->sep;
		T[r] = y;
		y += row->rowh[r] + (r == row->r0 ? extra : 0);
	}
	T[row->nrows] = y;
}

int
lay_row_split_ok(struct lay *L, struct lrow *row, mpt avail, int strict, int first)
{
	mpt *T = xmalloc((size_t)(row->nrows + 1) * sizeof *T);
	int progress = 0, ok = 1;
	(void)L;
	row_offsets(row, first ? row->top_extra : 0, T);
	for (int k = 0; k < row->ncells && ok; k++) {
		struct lcell *lc = &row->cells[k];
		if (cell_done(lc) || lc->row1 < row->r0)
			continue;
		int r0 = first_row(row, lc);
		mpt oy = T[r0];
		if (oy >= avail)
			continue;
		mpt ca = avail - oy - cell_top(lc, first && r0 == row->r0) - cell_bottom(lc);
		struct fill tmp = lc->fill;
		struct cut c;
		tmp.y = lay_fill_top(&tmp);
		tmp.placed = tmp.content = 0;
		if (lay_fill_done(&tmp)) {
			progress = 1;   /* an empty cell fits as it is */
			continue;
		}
		if (ca <= tmp.y) {
			if (strict)
				ok = 0;
			continue;
		}
		lay_fill_cut(&tmp, ca, strict, &c);
		if (c.end > tmp.i || c.split)
			progress = 1;
		else if (strict)
			ok = 0;
	}
	free(T);
	return ok && progress;
}

static struct area *
cell_area(struct lay *L, struct area *parent, const struct lcell *lc, mpt x, mpt y)
{
	struct area *a = area_new(L->at, AREA_BLOCK, parent);
	a->x = x;
	a->y = y;
	a->w = lc->w;
	a->name = fo_type_name(lc->fo->type);
	a->line = lc->fo->line;
	a->fo = lc->fo;
	a->background = lc->background;
	for (int s = 0; s < 4; s++)
		a->border[s] = lc->bd[s];
	return a;
}

/* Move the content of a finished cell part down for display-align. */
static void
align_content(struct area *a, const struct lcell *lc, mpt top, mpt used)
{
	mpt free_h = a->h - top - used - cell_bottom(lc);
	if (free_h <= 0 || lc->align == 0)
		return;
	mpt dy = lc->align == 1 ? free_h / 2 : free_h;
	for (struct area *c = a->first; c; c = c->next)
		lay_translate(c, 0, dy);
}

/* A row's or a cell's id and index key on this page: every page one of
 * its areas is on (docs/index.md). */
static void
row_marks(struct fill *f, const struct fo_node *n, const struct area *a)
{
	lay_page_id(f, n->id, a->x, a->y);   /* first and last page of it */
	if (n->ikey && f->page)
		lay_index_at(f->L, f->page, f->pagenum, n, a->x, a->y);
}

/* Areas of the group's grid rows (tables only), clipped to the part F. */
static struct area **
row_areas(struct fill *f, const struct lrow *row, const mpt *T, mpt F, struct area *parent)
{
	struct area **ra = xcalloc((size_t)row->nrows, sizeof *ra);
	if (row->tbl == NULL)
		return ra;
	for (int r = 0; r < row->nrows; r++) {
		if (r < row->r0 || T[r] >= F)
			continue;
		struct area *a = area_new(f->L->at, AREA_BLOCK, parent);
		const struct fo_node *rf = row->rowfo[r];
		a->x = f->rx + row->x;
		a->y = f->ry + f->y + T[r];
		a->w = row->w;
		mpt end = T[r + 1] - (r + 1 < row->nrows ? row->sep : 0);
		if (r + 1 == row->nrows)
			end = T[r + 1];
		a->h = (end < F ? end : F) - T[r];
		a->name = "table-row";
		a->line = rf ? rf->line : 0;
		a->fo = rf;
		if (rf)
			row_marks(f, rf, a);
		if (rf && rf->style->background != COLOR_NONE)
			a->background = rf->style->background;
		ra[r] = a;
	}
	return ra;
}

/* Lay out cell lc's part from oy down (all of it when avail < 0) into a new
 * area; returns the area.  top: what the cell takes above its content. */
static struct area *
cell_part(struct fill *f, struct lcell *lc, mpt oy, mpt top, mpt avail, int strict)
{
	struct area *a = cell_area(f->L, NULL, lc, f->rx + lc->x, f->ry + f->y + oy);
	mpt rx = lc->refarea ? f->rx + lc->cx : f->rx;
	struct cut c;

	lc->fill.pagenum = f->pagenum;
	lc->fill.page = f->page;
	lc->fill.flow = f->flow;
	row_marks(f, lc->fo, a);
	lay_fill_begin(&lc->fill, a, rx, a->y + top, lc->cw, LAY_INF);
	if (avail < 0) {
		lay_fill_cut(&lc->fill, LAY_INF, 0, &c);
	} else {
		mpt h = avail - oy - top - cell_bottom(lc);
		lay_fill_cut(&lc->fill, h > 0 ? h : 0, strict, &c);
	}
	lay_fill_place(&lc->fill, &c);
	lay_fill_end(&lc->fill);
	lc->started = 1;
	return a;
}

/* Size cell part a to the rows it covers in a part F tall; its edges. */
static void
cell_finish(const struct lrow *row, const struct lcell *lc, struct area *a, const mpt *T, mpt F,
    mpt top, int at_top)
{
	int r0 = first_row(row, lc);
	mpt end = lc->row1 + 1 == row->nrows ? T[row->nrows] : T[lc->row1 + 1] - row->sep;
	int cont = !lay_fill_done(&lc->fill);
	if (end > F || cont)
		end = F;
	a->h = end - T[r0];
	if (cont && !lc->retain)
		a->border[SIDE_AFTER].width = 0;
	if (top < lc->bw[SIDE_BEFORE] + lc->pad[SIDE_BEFORE])
		a->border[SIDE_BEFORE].width = 0;   /* a continued part without its edge */
	else if (at_top && r0 == row->r0 && lc->bd[SIDE_BEFORE].style != BORDER_NONE)
		a->border[SIDE_BEFORE].width = lc->top_bw;
	if (!cont)
		align_content(a, lc, top, lc->fill.y);
}

/* After a part F tall: rows it covered are gone, minimum heights shrink. */
static void
row_rest(struct lay *L, struct lrow *row, const mpt *T, mpt F)
{
	int r0 = row->r0;
	for (int r = row->r0; r < row->nrows; r++) {
		mpt used = F - T[r];
		if (used < 0)
			used = 0;
		row->minh[r] = row->minh[r] > used ? row->minh[r] - used : 0;
		if (T[r + 1] <= F && r == r0)
			r0 = r + 1;
	}
	row->r0 = r0 < row->nrows ? r0 : row->nrows - 1;
	lay_row_solve(L, row);
}

void
lay_row_place(struct fill *f, struct lrow *row, mpt avail, int strict)
{
	int whole = avail < 0;
	int at_top = row->tbl && f->depth > 0 && f->stack[f->depth - 1].rows == 0;
	mpt *T = xmalloc((size_t)(row->nrows + 1) * sizeof *T);
	mpt *top = xcalloc((size_t)row->ncells, sizeof *top);
	struct area **ca = xcalloc((size_t)row->ncells, sizeof *ca);
	struct area *parent = f->depth > 0 ? f->stack[f->depth - 1].a : f->parent;
	mpt F = 0;

	row_offsets(row, at_top ? row->top_extra : 0, T);
	if (whole)
		F = T[row->nrows];
	/* content first: a split part's height is known only afterwards */
	for (int k = 0; k < row->ncells; k++) {
		struct lcell *lc = &row->cells[k];
		if (cell_done(lc) || lc->row1 < row->r0)
			continue;
		int r0 = first_row(row, lc);
		if (!whole && T[r0] >= avail)
			continue;
		top[k] = cell_top(lc, at_top && r0 == row->r0);
		ca[k] = cell_part(f, lc, T[r0], top[k], avail, strict);
		mpt bottom = T[r0] + top[k] + lc->fill.y + cell_bottom(lc);
		if (!whole && bottom > F)
			F = bottom;
	}
	/* areas: the grid rows, then each cell part inside its first row */
	struct area **ra = row_areas(f, row, T, F, parent);
	for (int k = 0; k < row->ncells; k++)
		if (ca[k]) {
			cell_finish(row, &row->cells[k], ca[k], T, F, top[k], at_top);
			int r0 = first_row(row, &row->cells[k]);
			area_append(ra[r0] ? ra[r0] : parent, ca[k]);
		}
	f->y += F;
	if (!whole)
		row_rest(f->L, row, T, F);
	free(ra);
	free(T);
	free(top);
	free(ca);
}

/* ================================================================ memory */

size_t
lay_row_arena_begin(struct lay *L, struct arena **save)
{
	*save = L->scratch;
	if (L->scratch != L->at->arena || L->measure || L->recompose || L->pagenum)
		return 0;
	if (L->nrowmem == L->caprowmem) {
		L->caprowmem = L->caprowmem ? 2 * L->caprowmem : 256;
		L->rowmem = xrealloc(L->rowmem, L->caprowmem * sizeof *L->rowmem);
	}
	L->rowmem[L->nrowmem++] = L->scratch = arena_new();
	L->scratch_kept = 0;
	return L->nrowmem;
}

size_t
lay_row_arena_end(struct lay *L, size_t id, struct arena *save)
{
	L->scratch = save;
	return L->scratch_kept ? 0 : id;
}

void
lay_row_release(struct lay *L, const struct lrow *row)
{
	size_t id = row->mem;
	if (id == 0 || id > L->nrowmem || L->rowmem[id - 1] == NULL)
		return;
	arena_free(L->rowmem[id - 1]);
	L->rowmem[id - 1] = NULL;
}

void
lay_rows_free(struct lay *L)
{
	for (size_t i = 0; i < L->nrowmem; i++)
		arena_free(L->rowmem[i]);
	free(L->rowmem);
	L->rowmem = NULL;
	L->nrowmem = L->caprowmem = 0;
}

/* ================================================================ cloning */

static struct area *
area_clone(struct lay *L, const struct area *a)
{
	struct area *c = arena_alloc(L->at->arena, sizeof *c);
	*c = *a;
	c->first = c->last = c->next = NULL;
	for (const struct area *k = a->first; k; k = k->next)
		area_append(c, area_clone(L, k));
	return c;
}

static void
vlist_clone(struct lay *L, struct vlist *dst, const struct vlist *src)
{
	*dst = *src;
	if (src->n == 0)
		return;
	dst->v = arena_alloc(L->at->arena, src->n * sizeof *dst->v);
	memcpy(dst->v, src->v, src->n * sizeof *dst->v);
	for (size_t i = 0; i < src->n; i++) {
		struct vitem *v = &dst->v[i];
		if ((v->kind == V_LINE || v->kind == V_BOX) && v->line)
			v->line = area_clone(L, v->line);
		else if (v->kind == V_ROW)
			v->row = lay_row_clone(L, v->row);
	}
}

void *
lay_arena_dup(struct lay *L, const void *p, size_t n)
{
	void *q = arena_alloc(L->at->arena, n ? n : 1);
	if (n)
		memcpy(q, p, n);
	return q;
}

struct lrow *
lay_row_clone(struct lay *L, const struct lrow *r)
{
	struct lrow *c = lay_arena_dup(L, r, sizeof *r);
	c->minh = lay_arena_dup(L, r->minh, (size_t)r->nrows * sizeof *r->minh);
	c->rowh = lay_arena_dup(L, r->rowh, (size_t)r->nrows * sizeof *r->rowh);
	c->rowfo = lay_arena_dup(L, r->rowfo, (size_t)r->nrows * sizeof *r->rowfo);
	c->cells = lay_arena_dup(L, r->cells, (size_t)r->ncells * sizeof *r->cells);
	for (int k = 0; k < r->ncells; k++) {
		struct lcell *lc = &c->cells[k];
		vlist_clone(L, &lc->vl, &r->cells[k].vl);
		lay_fill_init(&lc->fill, L, &lc->vl, 0);
		lc->started = 0;
	}
	return c;
}
