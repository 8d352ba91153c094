/*
 * layout — fo:table to row groups in a vertical list: cells set up from the
 * grid and the column widths, header and footer kept for repetition.
 *
 * Design
 * ------
 * A table becomes, in the vertical list of its flow,
 *
 *   V_OPEN(table)  V_ROW(header)…  V_ROW(body)…  V_ROW(footer)…  V_CLOSE(table)
 *
 * where each V_ROW is a *row group*: grid rows bound together by row spans
 * (usually one row).  A group is laid out in advance: every cell's content
 * is its own vertical list (lay_blocks_in with the cell as reference area)
 * with its own struct fill, and the grid rows get heights from the cells'
 * content (lay_row_solve).  Pagination (lay_fill.c) treats a V_ROW like a
 * line that it may cut:
 *
 *      page n                       page n+1
 *   ┌──────────────────┐         ┌──────────────────┐
 *   │ header (original)│         │ header (a clone) │ ◄ lay_fill_begin
 *   │ row              │         │ row 3, rest      │ ◄ the split row again:
 *   │ row              │         │ row 4            │   each cell's fill goes
 *   │ row 3, first part│ ◄ split │ …                │   on where it stopped
 *   │ footer (a clone) │ ◄ end   │ footer (original)│
 *   └──────────────────┘         └──────────────────┘
 *
 * - A break may come before a body row (unless keeps forbid it), never
 *   between header rows, before the first body row or before a footer row.
 * - While a table is open, every candidate break must leave room for the
 *   footer that lay_fill_end will repeat there (lay_table_repeat_h).
 * - A row that does not fit is split (lay_row_split_ok / lay_row_place):
 *   each cell is cut by the same rules as a page, by allowed breaks only
 *   when other content is already on the page ("strict"); if some cell
 *   cannot place anything that way, the row moves to the next page whole.
 *   keep-together on the row (or inherited from the table) forbids splits.
 * - Headers and footers repeat as clones of templates taken before the
 *   originals were placed, so the area tree stays a tree.
 *
 * Everything is linear in the number of cells: each cell is laid out once
 * (twice with table-layout="auto": measured, then laid out), each page's
 * scan stops at the first row that does not fit, and the grid keeps, per
 * column, only the row up to which a span occupies it.
 *
 * The grid is lay_table_grid.c's, column widths lay_table_widths.c's,
 * collapsed borders lay_table_borders.c's (separate borders: each cell its
 * own, border-separation between), placing and splitting row groups
 * lay_row.c's; this file builds the row groups and pushes them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lay_table.h"

void
lay_table_warn(struct lay *L, const struct fo_node *n, const char *what, const char *fmt, ...)
{
	char key[96], msg[512];
	va_list ap;
	snprintf(key, sizeof key, "tbl:%s:%d", what, n ? n->line : 0);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_once(L->d, key, DIAG_WARNING, L->fo->file, n ? n->line : 0, 0, "%s", msg);
}

static uint32_t
cell_background(const struct ltable *T, const struct tcell *t)
{
	const struct trow *row = &T->g.row[t->r];
	if (t->fo->style->background != COLOR_NONE)
		return t->fo->style->background;
	if ((row->fo && row->fo->style->background != COLOR_NONE) ||
	    row->grp->style->background != COLOR_NONE)
		return COLOR_NONE;   /* the row's area paints it */
	const struct fo_node *cf = T->g.col[t->c].fo;
	return cf ? cf->style->background : COLOR_NONE;
}

/* Geometry, borders and content of grid cell t as row-group cell lc. */
static void
cell_setup(struct lay *L, struct ltable *T, const struct tcell *t, struct lcell *lc, int r0)
{
	const struct fo_style *st = t->fo->style;
	const struct grid *g = &T->g;
	mpt tw = T->blk->w;

	lc->fo = t->fo;
	lc->row0 = t->r - r0;
	lc->row1 = t->r + t->rs - 1 - r0;
	lc->x = T->cx0 + g->col[t->c].x;
	lc->w = (t->cs - 1) * (T->collapse ? 0 : T->sep[0]);
	for (int k = t->c; k < t->c + t->cs; k++)
		lc->w += g->col[k].w;
	for (int s = 0; s < 4; s++)
		lc->pad[s] = fo_len_resolve(st->padding[s], tw);
	if (T->collapse) {
		for (int s = 0; s < 4; s++) {
			lc->bd[s] = t->edge[s];
			int owned = s == SIDE_AFTER || s == SIDE_END || !lay_table_has_neighbour(T, t, s);
			lc->bw[s] = owned ? t->edge[s].width : 0;
			lc->bd[s].width = lc->bw[s];
		}
		lc->top_bw = t->edge[SIDE_BEFORE].width;
	} else {
		for (int s = 0; s < 4; s++) {
			lc->bd[s].style = st->border[s].style;
			lc->bd[s].width = lc->bw[s] = st->border[s].width;
			lc->bd[s].color = st->border[s].color;
		}
		lc->top_bw = lc->bw[SIDE_BEFORE];
	}
	lc->background = cell_background(T, t);
	lc->cx = lc->x + lc->bw[SIDE_START] + lc->pad[SIDE_START];
	lc->cw = lc->w - lc->bw[SIDE_START] - lc->bw[SIDE_END] - lc->pad[SIDE_START] - lc->pad[SIDE_END];
	if (lc->cw < 1000)
		lc->cw = 1000;
	lc->align = st->display_align;
	lc->refarea = 1;
	lc->retain = 1;

	struct lblock *ctx = arena_alloc(L->scratch, sizeof *ctx);
	ctx->fo = t->fo;
	ctx->w = lc->cw;
	memset(&lc->vl, 0, sizeof lc->vl);
	lay_blocks_in(L, t->fo, ctx, &lc->vl, lc->cw);
	lay_vlist_freeze(L, &lc->vl);
	lay_fill_init(&lc->fill, L, &lc->vl, 0);
	if (!T->collapse && st->empty_cells_hide && lc->vl.n == 0) {
		lc->background = COLOR_NONE;
		for (int s = 0; s < 4; s++) {
			lc->bd[s].width = 0;
			lc->bd[s].style = BORDER_NONE;
		}
	}
}

/* ================================================================ repetition */

mpt
lay_table_repeat_h(const struct ltable *t, const struct lrow *next, int footer)
{
	if (footer) {
		if (!t->rep_foot || (next && next->tbl == t && next->part == PART_FOOTER))
			return 0;
		return t->foot_h;
	}
	if (!t->rep_head || (next && next->tbl == t && next->part == PART_HEADER))
		return 0;
	return t->head_h;
}

void
lay_table_replay(struct fill *f, struct ltable *t, int footer)
{
	const struct lrow *next = f->i < f->vl->n ? f->vl->v[f->i].row : NULL;
	if (lay_table_repeat_h(t, next, footer) == 0)
		return;
	struct lrow **tpl = footer ? t->foot : t->head;
	int n = footer ? t->nfoot : t->nhead;
	for (int k = 0; k < n; k++) {
		lay_row_place(f, lay_row_clone(f->L, tpl[k]), -1, 0);
		f->stack[f->depth - 1].rows++;
	}
}

/* ================================================================ building */

/* The row group starting at grid row r: rows bound by row spans. */
static int
group_end(const struct grid *g, int r)
{
	int reach = r, end = r;
	const struct trow *first = &g->row[r];
	for (int k = r; k < g->nrows && k <= reach; k++) {
		if (g->row[k].grp != first->grp)
			break;
		const struct trow *row = &g->row[k];
		for (int i = row->first; i < row->first + row->n; i++)
			if (g->cell[i].r + g->cell[i].rs - 1 > reach)
				reach = g->cell[i].r + g->cell[i].rs - 1;
		end = k + 1;
	}
	return end;
}

static struct lrow *
group_build(struct lay *L, struct ltable *T, int ra, int rb)
{
	struct grid *g = &T->g;
	struct lrow *row = arena_alloc(L->scratch, sizeof *row);
	int ncells = 0;

	row->tbl = T;
	row->part = g->row[ra].part;
	row->nrows = rb - ra;
	row->minh = arena_alloc(L->scratch, (size_t)row->nrows * sizeof *row->minh);
	row->rowh = arena_alloc(L->scratch, (size_t)row->nrows * sizeof *row->rowh);
	row->rowfo = arena_alloc(L->scratch, (size_t)row->nrows * sizeof *row->rowfo);
	row->sep = T->collapse ? 0 : T->sep[1];
	row->x = T->cx0;
	row->w = 0;
	for (int c = 0; c < g->ncols; c++)
		row->w += g->col[c].w;
	if (!T->collapse)
		row->w += (g->ncols + 1) * T->sep[0];
	for (int r = ra; r < rb; r++) {
		const struct fo_node *rf = g->row[r].fo;
		row->rowfo[r - ra] = rf;
		row->minh[r - ra] = rf && !rf->style->height.is_auto ? fo_len_resolve(rf->style->height, 0) : 0;
		if (rf && !rf->style->min_height.is_auto && fo_len_resolve(rf->style->min_height, 0) > row->minh[r - ra])
			row->minh[r - ra] = fo_len_resolve(rf->style->min_height, 0);
		if (rf && rf->style->keep_together != KEEP_AUTO)
			row->keep = 1;
		ncells += g->row[r].n;
	}
	if (T->fo->style->keep_together != KEEP_AUTO)
		row->keep = 1;
	row->ncells = ncells;
	row->cells = arena_alloc(L->scratch, (size_t)(ncells ? ncells : 1) * sizeof *row->cells);
	int k = 0;
	for (int r = ra; r < rb; r++)
		for (int i = g->row[r].first; i < g->row[r].first + g->row[r].n; i++)
			cell_setup(L, T, &g->cell[i], &row->cells[k++], ra);
	lay_row_solve(L, row);
	return row;
}

static void
push_row(struct lay *L, struct ltable *T, struct vlist *vl, struct lrow *row, int first_body,
    int ra, int rb)
{
	const struct grid *g = &T->g;
	const struct fo_node *rf = g->row[ra].fo, *last = g->row[rb - 1].fo;
	int body = row->part == PART_BODY;

	if (body && rf && rf->style->break_before != BREAK_AUTO && !first_body) {
		struct vitem *b = vl_push(vl, V_BREAK, 0);
		b->brk_kind = rf->style->break_before;
		b->brk_ok = 1;
	}
	int ok = body && !first_body && vl_boundary_ok(vl);
	if (rf && rf->style->keep_with_previous != KEEP_AUTO)
		ok = 0;
	if (vl->in_keep)
		row->keep = 1;
	struct vitem *v = vl_push(vl, V_ROW, row->h);
	v->brk_ok = (uint8_t)ok;
	v->row = row;
	v->blk = T->blk;
	for (int c = 0; c < row->ncells; c++)
		lay_notes_gather(L, v, &row->cells[c].vl);
	vl->space_at = SIZE_MAX;
	vl->keep_next = last && last->style->keep_with_next != KEEP_AUTO;
	if (body && last && last->style->break_after != BREAK_AUTO) {
		struct vitem *b = vl_push(vl, V_BREAK, 0);
		b->brk_kind = last->style->break_after;
		b->brk_after = 1;
		b->brk_ok = 1;
	}
	(void)L;
}

/* Row groups of one part, pushed (and kept as templates when repeated). */
static void
push_part(struct lay *L, struct ltable *T, struct vlist *vl, uint8_t part, int *first_body)
{
	const struct grid *g = &T->g;
	for (int r = 0; r < g->nrows; ) {
		if (g->row[r].part != part) {
			r++;
			continue;
		}
		int e = group_end(g, r);
		/* repeated headers and footers are cloned on every page: they
		 * keep the area tree's arena */
		int repeated = (part == PART_HEADER && T->rep_head) || (part == PART_FOOTER && T->rep_foot);
		struct arena *save = L->scratch;
		size_t mem = repeated ? 0 : lay_row_arena_begin(L, &save);
		struct lrow *row = group_build(L, T, r, e);
		row->mem = mem ? lay_row_arena_end(L, mem, save) : 0;
		if (part == PART_HEADER && T->rep_head) {
			T->head = xrealloc(T->head, (size_t)(T->nhead + 1) * sizeof *T->head);
			T->head[T->nhead++] = lay_row_clone(L, row);
			T->head_h += row->h;
		} else if (part == PART_FOOTER && T->rep_foot) {
			T->foot = xrealloc(T->foot, (size_t)(T->nfoot + 1) * sizeof *T->foot);
			T->foot[T->nfoot++] = lay_row_clone(L, row);
			T->foot_h += row->h;
		}
		push_row(L, T, vl, row, part == PART_BODY && *first_body, r, e);
		if (part == PART_BODY)
			*first_body = 0;
		r = e;
	}
}

/* Templates live in the arena; their arrays are moved there too. */
static void
templates_to_arena(struct lay *L, struct ltable *T)
{
	struct lrow **h = T->head, **f = T->foot;
	if (h)
		T->head = lay_arena_dup(L, h, (size_t)T->nhead * sizeof *h);
	if (f)
		T->foot = lay_arena_dup(L, f, (size_t)T->nfoot * sizeof *f);
	free(h);
	free(f);
}

/* Column offsets from the table's content edge, and the content width. */
void
lay_table(struct lay *L, const struct fo_node *n, struct lblock *ctx, struct vlist *vl, mpt refw)
{
	const struct fo_style *st = n->style;
	struct ltable *T = arena_alloc(L->scratch, sizeof *T);
	struct grid *g = &T->g;

	T->fo = n;
	lay_grid_build(L, n, g);
	if (g->ncols == 0 || g->ncells == 0) {
		if (g->ncells == 0)
			lay_table_warn(L, n, "empty", "fo:table has %s; nothing is laid out",
			    g->ncols ? "no cells" : "no columns and no cells");
		lay_grid_free(g);
		memset(g, 0, sizeof *g);
		return;
	}
	T->collapse = st->collapse;
	T->sep[0] = T->collapse ? 0 : st->border_sep[0];
	T->sep[1] = T->collapse ? 0 : st->border_sep[1];
	if (T->collapse)
		lay_table_collapse(T);

	struct lblock *b = lay_lblock_new(L, n, ctx, refw);
	T->blk = b;
	b->tbl = T;
	if (T->collapse) {
		/* the outer border belongs to the cells; padding does not apply */
		b->noborder = 1;
		for (int s = 0; s < 4; s++)
			b->bw[s] = b->pad[s] = 0;
	} else {
		b->retain = 1;
	}
	mpt edges = b->bw[SIDE_START] + b->pad[SIDE_START] + b->bw[SIDE_END] + b->pad[SIDE_END];
	if (L->measure) {
		mpt mn, mx;
		lay_table_measure(L, T, &mn, &mx);
		lay_measure_add(L, b, mn, mx);
		lay_grid_free(g);
		return;
	}
	mpt avail = b->w - edges;
	if (st->table_fixed || lay_table_has_proportional(g)) {
		/* proportional-column-width() asks for shares of the table's
		 * width: the fixed model, as FOP and XEP lay such tables out */
		lay_table_widths_fixed(L, T, avail);
	} else {
		mpt spec = st->width.is_auto ? -1 : avail;
		mpt W = lay_table_widths_auto(L, T, avail, spec);
		b->w = W + edges;
	}
	lay_table_column_offsets(T);
	T->cx0 = b->x + b->bw[SIDE_START] + b->pad[SIDE_START];
	if (!T->collapse)
		b->pad[SIDE_AFTER] += T->sep[1];   /* the spacing under the last row */
	T->rep_head = !st->omit_header;
	T->rep_foot = !st->omit_footer;

	lay_block_push_open(L, b, vl);
	int first_body = 1;
	push_part(L, T, vl, PART_HEADER, &first_body);
	push_part(L, T, vl, PART_BODY, &first_body);
	push_part(L, T, vl, PART_FOOTER, &first_body);
	vl->keep_next = 0;
	lay_block_push_close(L, b, vl);
	if (L->body_h > 0 && T->head_h + T->foot_h > L->body_h / 2) {
		/* repeated, they would leave no room for the body on any page */
		lay_table_warn(L, n, "repeat", "the table-header and table-footer of fo:table take %.1fpt "
		    "of a %.1fpt page body; they are not repeated", (T->head_h + T->foot_h) / 1000.0,
		    L->body_h / 1000.0);
		T->rep_head = T->rep_foot = 0;
	}
	templates_to_arena(L, T);
	lay_grid_free(g);
	memset(g, 0, sizeof *g);
}
