/*
 * layout — collapsed borders of an fo:table (border-collapse="collapse",
 * XSL 1.1 §6.7.10 / CSS 2.1 §17.6.2.1): per grid segment the wider border
 * wins, then double > solid > dashed > dotted, then cell > row > row group
 * > column > table.  The cell above or to the left draws a shared border,
 * and a row that starts a page draws its own before border too (lay_row.c).
 */
#include <stdlib.h>

#include "lay_table.h"

static int
style_rank(uint8_t s)
{
	switch ((enum fo_border_style)s) {
	case BORDER_DOUBLE: return 4;
	case BORDER_SOLID: return 3;
	case BORDER_DASHED: return 2;
	case BORDER_DOTTED: return 1;
	case BORDER_NONE: return 0;
	}
	return 0;
}

/* Candidate b against the best so far: wider, then by style; the earlier
 * candidate (cell before row before group before column before table) wins
 * a tie (XSL 1.1 §6.7.10, CSS 2.1 §17.6.2.1). */
static void
consider(struct area_border *best, const struct fo_border *b)
{
	if (b->style == BORDER_NONE || b->width <= 0)
		return;
	if (b->width > best->width ||
	    (b->width == best->width && style_rank(b->style) > style_rank(best->style))) {
		best->style = b->style;
		best->width = b->width;
		best->color = b->color;
	}
}

static void
consider_n(struct area_border *best, const struct fo_node *n, int side)
{
	if (n)
		consider(best, &n->style->border[side]);
}

/* The winning border on one side of cell t (per grid segment, the widest). */
static struct area_border
edge_of(const struct ltable *T, const struct tcell *t, int side)
{
	const struct grid *g = &T->g;
	struct area_border win = { BORDER_NONE, 0, 0 };
	int horiz = side == SIDE_BEFORE || side == SIDE_AFTER;
	int from = horiz ? t->c : t->r, to = horiz ? t->c + t->cs : t->r + t->rs;

	for (int k = from; k < to; k++) {
		struct area_border best = { BORDER_NONE, 0, 0 };
		int r = horiz ? (side == SIDE_BEFORE ? t->r : t->r + t->rs - 1) : k;
		int c = horiz ? k : (side == SIDE_START ? t->c : t->c + t->cs - 1);
		int nr = r + (side == SIDE_BEFORE ? -1 : side == SIDE_AFTER ? 1 : 0);
		int nc = c + (side == SIDE_START ? -1 : side == SIDE_END ? 1 : 0);
		int inside = nr >= 0 && nr < g->nrows && nc >= 0 && nc < g->ncols;
		int other = inside ? g->slot[nr * g->ncols + nc] : -1;
		int opp = side ^ 1;   /* before<->after, start<->end */
		const struct trow *row = &g->row[r];
		/* the cells: the one above or to the left first */
		if (other >= 0 && (side == SIDE_BEFORE || side == SIDE_START))
			consider(&best, &g->cell[other].fo->style->border[opp]);
		consider(&best, &t->fo->style->border[side]);
		if (other >= 0 && (side == SIDE_AFTER || side == SIDE_END))
			consider(&best, &g->cell[other].fo->style->border[opp]);
		/* rows, row groups, columns, the table */
		if (horiz) {
			consider_n(&best, row->fo, side);
			if (inside)
				consider_n(&best, g->row[nr].fo, opp);
			if (!inside || g->row[nr].grp != row->grp) {
				consider_n(&best, row->grp, side);
				if (inside)
					consider_n(&best, g->row[nr].grp, opp);
			}
			if (!inside) {
				consider_n(&best, g->col[c].fo, side);
				consider_n(&best, T->fo, side);
			}
		} else {
			if (!inside) {
				consider_n(&best, row->fo, side);
				consider_n(&best, row->grp, side);
			}
			consider_n(&best, g->col[c].fo, side);
			if (inside)
				consider_n(&best, g->col[nc].fo, opp);
			if (!inside)
				consider_n(&best, T->fo, side);
		}
		if (best.width > win.width ||
		    (best.width == win.width && style_rank(best.style) > style_rank(win.style)))
			win = best;
	}
	return win;
}

void
lay_table_collapse(struct ltable *T)
{
	struct grid *g = &T->g;
	g->slot = xmalloc((size_t)g->nrows * (size_t)g->ncols * sizeof *g->slot);
	for (int i = 0; i < g->nrows * g->ncols; i++)
		g->slot[i] = -1;
	for (int i = 0; i < g->ncells; i++) {
		const struct tcell *t = &g->cell[i];
		for (int r = t->r; r < t->r + t->rs; r++)
			for (int c = t->c; c < t->c + t->cs; c++)
				g->slot[r * g->ncols + c] = i;
	}
	for (int i = 0; i < g->ncells; i++)
		for (int s = 0; s < 4; s++)
			g->cell[i].edge[s] = edge_of(T, &g->cell[i], s);
}

int
lay_table_has_neighbour(const struct ltable *T, const struct tcell *t, int side)
{
	const struct grid *g = &T->g;
	int r = side == SIDE_BEFORE ? t->r - 1 : t->r;
	int c = side == SIDE_START ? t->c - 1 : t->c;
	return r >= 0 && c >= 0 && g->slot[r * g->ncols + c] >= 0;
}
