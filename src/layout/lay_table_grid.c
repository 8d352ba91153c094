/*
 * layout — the grid of an fo:table: its columns (fo:table-column with
 * column-number and number-columns-repeated) and its cells placed in grid
 * rows and columns, with spans cut where they overlap or run past the
 * columns or their row group (XSL 1.1 §7.28.9, starts-row and ends-row).
 * The grid keeps, per column, only the row up to which a span occupies it,
 * so placing cells is linear in their number.
 */
#include <stdlib.h>
#include <string.h>

#include "../base/limits.h"
#include "lay_table.h"

static void
grid_cols(struct grid *g, int n)
{
	if (n <= g->ncols)
		return;
	g->col = xrealloc(g->col, (size_t)n * sizeof *g->col);
	g->busy = xrealloc(g->busy, (size_t)n * sizeof *g->busy);
	for (int c = g->ncols; c < n; c++) {
		memset(&g->col[c], 0, sizeof g->col[c]);
		g->busy[c] = 0;
	}
	g->ncols = n;
}

void
lay_grid_free(struct grid *g)
{
	free(g->col);
	free(g->row);
	free(g->cell);
	free(g->busy);
	free(g->slot);
}

/* table-column: column-number and number-columns-repeated. */
static void
grid_columns(struct lay *L, const struct fo_node *tbl, struct grid *g)
{
	int next = 0;
	for (const struct fo_node *c = tbl->first; c; c = c->next) {
		if (c->type != FO_TABLE_COLUMN)
			continue;
		int at = c->style->column_number ? c->style->column_number - 1 : next;
		int rep = c->style->cols_repeated;
		if (at + rep > LIMIT_TABLE_COLUMNS) {
			lay_table_warn(L, c, "cols", "more than %d table columns; the rest are ignored",
			    LIMIT_TABLE_COLUMNS);
			rep = LIMIT_TABLE_COLUMNS - at;
			if (rep <= 0)
				break;
		}
		grid_cols(g, at + rep);
		for (int k = 0; k < rep; k++)
			g->col[at + k].fo = c;
		next = at + rep;
	}
	g->nexplicit = g->ncols;
}

static int
grid_row_new(struct grid *g, const struct fo_node *row, const struct fo_node *grp, uint8_t part)
{
	if (g->nrows == g->caprows) {
		g->caprows = g->caprows ? g->caprows * 2 : 16;
		g->row = xrealloc(g->row, (size_t)g->caprows * sizeof *g->row);
	}
	struct trow *r = &g->row[g->nrows];
	r->fo = row;
	r->grp = grp;
	r->part = part;
	r->first = g->ncells;
	r->n = 0;
	return g->nrows++;
}

/* Put cell n in grid row r at the first free column from *cursor. */
static void
grid_cell(struct lay *L, struct grid *g, const struct fo_node *n, int r, int *cursor)
{
	const struct fo_style *st = n->style;
	int c = st->column_number ? st->column_number - 1 : *cursor;
	int cs = st->cols_spanned, rs = st->rows_spanned;

	while (c < g->ncols && g->busy[c] > r)
		c++;
	if (st->column_number && c != st->column_number - 1)
		lay_table_warn(L, n, "colnum", "fo:table-cell column-number=\"%d\" is taken by a cell "
		    "spanning from above; it goes to column %d", st->column_number, c + 1);
	if (g->nexplicit > 0 && c + cs > g->ncols) {
		if (c >= g->ncols) {
			lay_table_warn(L, n, "pastcol", "fo:table-cell is past the last of the %d "
			    "fo:table-column; a column is added", g->nexplicit);
		} else {
			lay_table_warn(L, n, "span", "number-columns-spanned=\"%d\" goes past the last "
			    "column; the cell spans %d", cs, g->ncols - c);
			cs = g->ncols - c;
		}
	}
	if (c + cs > LIMIT_TABLE_COLUMNS) {
		lay_table_warn(L, n, "cols", "more than %d table columns; the cell is cut", LIMIT_TABLE_COLUMNS);
		if (c >= LIMIT_TABLE_COLUMNS)
			return;
		cs = LIMIT_TABLE_COLUMNS - c;
	}
	grid_cols(g, c + cs);
	/* a cell spanning columns a span from above occupies: cut it there */
	for (int k = c + 1; k < c + cs; k++)
		if (g->busy[k] > r) {
			lay_table_warn(L, n, "overlap", "fo:table-cell overlaps a cell spanning from above; "
			    "its span is cut");
			cs = k - c;
			break;
		}
	if (g->ncells == g->capcells) {
		g->capcells = g->capcells ? g->capcells * 2 : 64;
		g->cell = xrealloc(g->cell, (size_t)g->capcells * sizeof *g->cell);
	}
	struct tcell *t = &g->cell[g->ncells++];
	memset(t, 0, sizeof *t);
	t->fo = n;
	t->r = r;
	t->c = c;
	t->rs = rs;
	t->cs = cs;
	g->row[r].n++;
	for (int k = c; k < c + cs; k++)
		g->busy[k] = r + rs;
	*cursor = c + cs;
}

/* The rows of one table-header, -footer or -body. */
static void
grid_group(struct lay *L, struct grid *g, const struct fo_node *grp, uint8_t part)
{
	int r0 = g->nrows, r = -1, cursor = 0;

	for (int c = 0; c < g->ncols; c++)
		g->busy[c] = 0;   /* spans end with their group */
	for (const struct fo_node *k = grp->first; k; k = k->next) {
		if (k->type == FO_TABLE_ROW) {
			r = grid_row_new(g, k, grp, part);
			cursor = 0;
			for (const struct fo_node *c = k->first; c; c = c->next)
				if (c->type == FO_TABLE_CELL)
					grid_cell(L, g, c, r, &cursor);
			r = -1;   /* cells after rows start a new one */
			continue;
		}
		if (k->type != FO_TABLE_CELL)
			continue;
		/* cells directly in the group: starts-row, ends-row (§7.28.9) */
		int full = g->nexplicit > 0 && cursor >= g->nexplicit;
		if (r < 0 || (k->style->starts_row && g->row[r].n > 0) || full) {
			r = grid_row_new(g, NULL, grp, part);
			cursor = 0;
		}
		grid_cell(L, g, k, r, &cursor);
		if (k->style->ends_row)
			r = -1;
	}
	/* row spans end with the group */
	for (int i = 0; i < g->ncells; i++) {
		struct tcell *t = &g->cell[i];
		if (t->r >= r0 && t->r + t->rs > g->nrows) {
			lay_table_warn(L, t->fo, "rowspan", "number-rows-spanned=\"%d\" goes past the end of "
			    "fo:%s; the cell spans %d", t->rs, fo_type_name(grp->type), g->nrows - t->r);
			t->rs = g->nrows - t->r;
		}
	}
}

/* Header rows first, then the bodies, then the footer, whatever the order. */
void
lay_grid_build(struct lay *L, const struct fo_node *tbl, struct grid *g)
{
	memset(g, 0, sizeof *g);
	grid_columns(L, tbl, g);
	static const enum fo_type order[] = { FO_TABLE_HEADER, FO_TABLE_BODY, FO_TABLE_FOOTER };
	static const uint8_t part[] = { PART_HEADER, PART_BODY, PART_FOOTER };
	for (int k = 0; k < 3; k++)
		for (const struct fo_node *c = tbl->first; c; c = c->next)
			if (c->type == order[k])
				grid_group(L, g, c, part[k]);
}
