/*
 * layout — fo:list-block.  Each list-item is a block (space, borders,
 * keeps) holding one row group of two cells, the label and the body, side
 * by side (lay_row.c places and splits it: a long body goes on on the
 * next page, the label stays with its first part).
 *
 *   |<- start-indent ->|<- provisional-distance-between-starts ->|
 *                      [label .......]<-sep->[body ..............]
 *                                   label-end()   body-start()
 *
 * label-end() and body-start() (XSL 1.1 §7.30.12) are resolved here, from
 * the list-block's start-indent and provisional distances.  When the label
 * has no end-indent or the body no start-indent, folio uses label-end() and
 * body-start() (the only useful values) rather than overlapping the two.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"

/* First baseline of a cell's content, from its top (relative-align baseline). */
static mpt
first_baseline(const struct vlist *vl)
{
	mpt y = 0;
	int on = 0;
	for (size_t i = 0; i < vl->n; i++) {
		const struct vitem *v = &vl->v[i];
		if (v->kind == V_LINE)
			return y + v->line->baseline;
		if (v->kind == V_ROW || v->kind == V_BOX)
			return -1;
		if (v->kind == V_SPACE && !on && !v->retain)
			continue;
		if (v->kind == V_OPEN)
			on = 1;
		y += v->h;
	}
	return -1;
}

/* The box of a label or body, with the list functions as defaults. */
static struct lblock *
part_box(struct lay *L, const struct fo_node *n, struct lblock *item, mpt refw, int label)
{
	const struct fo_style *st = n->style;
	struct lblock *b = lay_lblock_new(L, n, item, refw);
	if (label && !st->end_indent_set) {
		mpt end = refw - L->list->label_end + b->pad[SIDE_END] + b->bw[SIDE_END];
		if (end > b->x + 1000)
			b->w = end - b->x;
		b->mend = 0;
	}
	if (!label && !st->start_indent_set) {
		mpt x = L->list->body_start - b->pad[SIDE_START] - b->bw[SIDE_START];
		mpt end = b->x + b->w;
		b->x = x;
		b->w = end - x > 1000 ? end - x : 1000;
	}
	return b;
}

static void
part_cell(struct lay *L, struct lcell *lc, const struct fo_node *n, struct lblock *b, mpt refw)
{
	const struct fo_style *st = n->style;
	lc->fo = n;
	lc->x = b->x;
	lc->w = b->w;
	lc->cx = 0;
	lc->cw = b->w - b->pad[SIDE_START] - b->pad[SIDE_END] - b->bw[SIDE_START] - b->bw[SIDE_END];
	for (int s = 0; s < 4; s++) {
		lc->bw[s] = b->bw[s];
		lc->pad[s] = b->pad[s];
		lc->bd[s].style = st->border[s].style;
		lc->bd[s].width = st->border[s].width;
		lc->bd[s].color = st->border[s].color;
	}
	lc->top_bw = lc->bw[SIDE_BEFORE];
	lc->background = st->background;
	memset(&lc->vl, 0, sizeof lc->vl);
	lay_blocks_in(L, n, b, &lc->vl, refw);
	lay_vlist_freeze(L, &lc->vl);
	lay_fill_init(&lc->fill, L, &lc->vl, 0);
}

static void
item(struct lay *L, const struct fo_node *n, struct lblock *list, struct vlist *vl, mpt refw)
{
	const struct fo_node *label = NULL, *body = NULL;
	for (const struct fo_node *c = n->first; c; c = c->next) {
		if (c->type == FO_LIST_ITEM_LABEL && label == NULL)
			label = c;
		else if (c->type == FO_LIST_ITEM_BODY && body == NULL)
			body = c;
	}
	if (label == NULL || body == NULL) {
		char key[64];
		snprintf(key, sizeof key, "listitem:%d", n->line);
		diag_once(L->d, key, DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:list-item needs an fo:list-item-label and an fo:list-item-body; %s",
		    label || body ? "the one it has is laid out alone" : "it is empty and skipped");
		if (label == NULL && body == NULL)
			return;
	}
	struct lblock *ib = lay_lblock_new(L, n, list, refw);
	lay_block_push_open(L, ib, vl);
	const struct fo_node *part[2] = { label, body };
	struct lblock *pb[2] = { NULL, NULL };
	struct arena *save = L->scratch;
	size_t mem = lay_row_arena_begin(L, &save);
	for (int k = 0; k < 2; k++)
		if (part[k])
			pb[k] = part_box(L, part[k], ib, refw, k == 0);
	if (L->measure) {
		struct vlist scratch;
		memset(&scratch, 0, sizeof scratch);
		for (int k = 0; k < 2; k++)
			if (part[k])
				lay_blocks_in(L, part[k], pb[k], &scratch, refw);
		vlist_free(&scratch);
		L->scratch = save;
		lay_block_push_close(L, ib, vl);
		return;
	}
	struct lrow *row = arena_alloc(L->scratch, sizeof *row);
	row->part = PART_BODY;
	row->nrows = 1;
	row->minh = arena_alloc(L->scratch, sizeof *row->minh);
	row->rowh = arena_alloc(L->scratch, sizeof *row->rowh);
	row->rowfo = arena_alloc(L->scratch, sizeof *row->rowfo);
	row->cells = arena_alloc(L->scratch, 2 * sizeof *row->cells);
	for (int k = 0; k < 2; k++)
		if (part[k])
			part_cell(L, &row->cells[row->ncells++], part[k], pb[k], refw);
	row->mem = mem ? lay_row_arena_end(L, mem, save) : 0;
	if (row->ncells == 2 && n->style->rel_align_baseline) {
		mpt b0 = first_baseline(&row->cells[0].vl), b1 = first_baseline(&row->cells[1].vl);
		if (b0 >= 0 && b1 >= 0) {
			b0 += row->cells[0].bw[SIDE_BEFORE] + row->cells[0].pad[SIDE_BEFORE];
			b1 += row->cells[1].bw[SIDE_BEFORE] + row->cells[1].pad[SIDE_BEFORE];
			row->cells[b0 < b1 ? 0 : 1].shift = b0 < b1 ? b1 - b0 : b0 - b1;
		}
	}
	lay_row_solve(L, row);
	row->keep = vl->in_keep > 0;
	struct vitem *v = vl_push(vl, V_ROW, row->h);
	v->brk_ok = (uint8_t)vl_boundary_ok(vl);
	v->row = row;
	v->blk = ib;
	for (int c = 0; c < row->ncells; c++)
		lay_notes_gather(L, v, &row->cells[c].vl);
	vl->keep_next = 0;
	vl->space_at = SIZE_MAX;
	lay_block_push_close(L, ib, vl);
}

void
lay_list(struct lay *L, const struct fo_node *n, struct lblock *ctx, struct vlist *vl, mpt refw)
{
	const struct fo_style *st = n->style;
	struct lblock *lb = lay_lblock_new(L, n, ctx, refw);
	mpt start = lb->x + lb->bw[SIDE_START] + lb->pad[SIDE_START];
	mpt dist = fo_len_resolve(st->dist_starts, refw), sep = fo_len_resolve(st->label_sep, refw);
	struct lay_listctx lc = { refw - (start + dist - sep), start + dist };
	const struct lay_listctx *save = L->list;

	lay_block_push_open(L, lb, vl);
	for (const struct fo_node *c = n->first; c; c = c->next)
		if (c->type == FO_LIST_ITEM) {
			L->list = &lc;
			item(L, c, lb, vl, refw);
			L->list = save;
		}
	lay_block_push_close(L, lb, vl);
}
