/*
 * layout — fo:table: grid, column widths, row layout, row splitting and
 * header/footer repetition.
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
 * Column widths: docs/tables.md (fixed: lengths, percentages, then
 * proportional-column-width() shares of the rest; auto: CSS 2.1 §17.5.2.2
 * from the cells' minimum and maximum content widths).  Borders: separate
 * (each cell its own, border-separation between) or collapse (XSL 1.1
 * §6.7.10 / CSS 2.1 §17.6.2.1: wider wins, then double > solid > dashed >
 * dotted, then cell > row > row group > column > table; the cell above or
 * to the left draws a shared border, and a row that starts a page draws
 * its own before border too).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/limits.h"
#include "lay_int.h"

#define MEASURE_W  PT(100000)   /* reference width while measuring content */

/* ================================================================ grid */

struct tcol {
	const struct fo_node *fo;  /* its fo:table-column, or NULL */
	mpt   min, max;            /* content widths, auto layout */
	mpt   w;                   /* resolved width */
	mpt   x;                   /* start, from the table's content edge */
};

struct tcell {
	const struct fo_node *fo;
	int   r, c, rs, cs;        /* first grid row and column, spans */
	struct area_border edge[4];/* collapsed: the winning border of each side */
};

struct trow {
	const struct fo_node *fo;  /* fo:table-row, or NULL (cells directly in a body) */
	const struct fo_node *grp; /* fo:table-header, -footer or -body */
	uint8_t part;              /* enum lay_part */
	int     first, n;          /* its cells: cell[first .. first+n) */
};

struct grid {
	struct tcol  *col;
	int           ncols, nexplicit;
	struct trow  *row;
	int           nrows, caprows;
	struct tcell *cell;
	int           ncells, capcells;
	int          *busy;        /* per column: first grid row free of spans */
	int          *slot;        /* collapsed borders: nrows × ncols cell index, -1 */
};

struct ltable {
	const struct fo_node *fo;
	struct lblock *blk;
	struct grid    g;
	uint8_t        collapse;
	mpt            sep[2];      /* border-separation, separate model */
	mpt            cx0;         /* content edge, in the fill's frame */
	struct lrow  **head, **foot;/* templates of the repeated rows */
	int            nhead, nfoot;
	mpt            head_h, foot_h;
	uint8_t        rep_head, rep_foot;
};

static void
warn_at(struct lay *L, const struct fo_node *n, const char *what, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A warning once per source line and kind. */
static void
warn_at(struct lay *L, const struct fo_node *n, const char *what, const char *fmt, ...)
{
	char key[96], msg[512];
	va_list ap;
	snprintf(key, sizeof key, "tbl:%s:%d", what, n ? n->line : 0);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_once(L->d, key, DIAG_WARNING, L->fo->file, n ? n->line : 0, 0, "%s", msg);
}

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

static void
grid_free(struct grid *g)
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
			warn_at(L, c, "cols", "more than %d table columns; the rest are ignored",
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
		warn_at(L, n, "colnum", "fo:table-cell column-number=\"%d\" is taken by a cell "
		    "spanning from above; it goes to column %d", st->column_number, c + 1);
	if (g->nexplicit > 0 && c + cs > g->ncols) {
		if (c >= g->ncols) {
			warn_at(L, n, "pastcol", "fo:table-cell is past the last of the %d "
			    "fo:table-column; a column is added", g->nexplicit);
		} else {
			warn_at(L, n, "span", "number-columns-spanned=\"%d\" goes past the last "
			    "column; the cell spans %d", cs, g->ncols - c);
			cs = g->ncols - c;
		}
	}
	if (c + cs > LIMIT_TABLE_COLUMNS) {
		warn_at(L, n, "cols", "more than %d table columns; the cell is cut", LIMIT_TABLE_COLUMNS);
		if (c >= LIMIT_TABLE_COLUMNS)
			return;
		cs = LIMIT_TABLE_COLUMNS - c;
	}
	grid_cols(g, c + cs);
	/* a cell spanning columns a span from above occupies: cut it there */
	for (int k = c + 1; k < c + cs; k++)
		if (g->busy[k] > r) {
			warn_at(L, n, "overlap", "fo:table-cell overlaps a cell spanning from above; "
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
			warn_at(L, t->fo, "rowspan", "number-rows-spanned=\"%d\" goes past the end of "
			    "fo:%s; the cell spans %d", t->rs, fo_type_name(grp->type), g->nrows - t->r);
			t->rs = g->nrows - t->r;
		}
	}
}

/* Header rows first, then the bodies, then the footer, whatever the order. */
static void
grid_build(struct lay *L, const struct fo_node *tbl, struct grid *g)
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

/* ================================================================ widths */

static int has_neighbour(const struct ltable *T, const struct tcell *t, int side);

/* Measure cell t: the least and the natural width of its border box. */
static void
measure_cell(struct lay *L, const struct ltable *T, const struct tcell *t, mpt *min, mpt *max)
{
	const struct fo_style *st = t->fo->style;
	mpt extra = fo_len_resolve(st->padding[SIDE_START], 0) + fo_len_resolve(st->padding[SIDE_END], 0);
	if (T->collapse)   /* as cell_setup draws them: its end edge, its start one at the table's edge */
		extra += (has_neighbour(T, t, SIDE_START) ? 0 : t->edge[SIDE_START].width) +
		    t->edge[SIDE_END].width;
	else
		extra += st->border[SIDE_START].width + st->border[SIDE_END].width;
	lay_measure_blocks(L, t->fo, min, max);
	*min += extra;
	*max += extra;
}

/* Share out amount over columns [c, c+n) in proportion to weight (or evenly). */
static void
share(mpt *dst, const mpt *weight, int n, mpt amount)
{
	int64_t total = 0;
	for (int k = 0; k < n; k++)
		total += weight[k] > 0 ? weight[k] : 0;
	mpt given = 0;
	int64_t acc = 0;
	for (int k = 0; k < n; k++) {
		int64_t w = total > 0 ? (weight[k] > 0 ? weight[k] : 0) : 1;
		acc += w;
		mpt upto = (mpt)((int64_t)amount * acc / (total > 0 ? total : n));
		dst[k] += upto - given;
		given = upto;
	}
}

/* CSS 2.1 §17.5.2.2: column minimum and maximum widths from the cells. */
static void
auto_column_widths(struct lay *L, struct ltable *T, mpt *cmin, mpt *cmax, int *pct)
{
	struct grid *g = &T->g;
	mpt *mn = xcalloc((size_t)g->ncells, sizeof *mn), *mx = xcalloc((size_t)g->ncells, sizeof *mx);

	for (int i = 0; i < g->ncells; i++)
		measure_cell(L, T, &g->cell[i], &mn[i], &mx[i]);
	for (int c = 0; c < g->ncols; c++) {
		cmin[c] = cmax[c] = 0;
		pct[c] = 0;
		const struct fo_node *cf = g->col[c].fo;
		if (cf && !cf->style->column_width.is_auto && cf->style->column_width.prop == 0) {
			if (cf->style->column_width.pct != 0)
				pct[c] = cf->style->column_width.pct;
			else
				cmin[c] = cmax[c] = cf->style->column_width.abs;
		}
	}
	for (int i = 0; i < g->ncells; i++) {
		const struct tcell *t = &g->cell[i];
		if (t->cs != 1)
			continue;
		if (mn[i] > cmin[t->c])
			cmin[t->c] = mn[i];
		if (mx[i] > cmax[t->c])
			cmax[t->c] = mx[i];
	}
	for (int c = 0; c < g->ncols; c++)
		if (cmax[c] < cmin[c])
			cmax[c] = cmin[c];
	/* spanning cells, narrowest spans first: widen the columns they cross */
	for (int span = 2; span <= g->ncols; span++)
		for (int i = 0; i < g->ncells; i++) {
			const struct tcell *t = &g->cell[i];
			if (t->cs != span)
				continue;
			mpt seps = (span - 1) * T->sep[0], smin = seps, smax = seps;
			for (int k = t->c; k < t->c + span; k++) {
				smin += cmin[k];
				smax += cmax[k];
			}
			if (mn[i] > smin)
				share(&cmin[t->c], &cmax[t->c], span, mn[i] - smin);
			if (mx[i] > smax)
				share(&cmax[t->c], &cmax[t->c], span, mx[i] - smax);
			for (int k = t->c; k < t->c + span; k++)
				if (cmax[k] < cmin[k])
					cmax[k] = cmin[k];
		}
	free(mn);
	free(mx);
}

/*
 * table-layout="auto".  avail: content width the table may take; spec:
 * the width it was given, or -1.  Returns the content width used.
 */
static mpt
widths_auto(struct lay *L, struct ltable *T, mpt avail, mpt spec)
{
	struct grid *g = &T->g;
	int n = g->ncols;
	mpt *cmin = xcalloc((size_t)n, sizeof *cmin), *cmax = xcalloc((size_t)n, sizeof *cmax);
	int *pct = xcalloc((size_t)n, sizeof *pct);
	mpt seps = T->collapse ? 0 : (n + 1) * T->sep[0];
	int64_t smin = 0, smax = 0;
	int anypct = 0;

	auto_column_widths(L, T, cmin, cmax, pct);
	for (int c = 0; c < n; c++) {
		smin += cmin[c];
		smax += cmax[c];
		anypct |= pct[c] != 0;
	}
	mpt W;
	if (spec >= 0)
		W = spec;
	else if (anypct || smax + seps > avail)
		W = avail;
	else
		W = (mpt)smax + seps;
	if (W < smin + seps) {
		warn_at(L, T->fo, "wide", "the content of fo:table needs %.1fpt but %.1fpt is "
		    "there; the table is wider than its space", (smin + seps) / 1000.0, W / 1000.0);
		W = (mpt)smin + seps;
	}
	mpt room = W - seps;
	/* percentages first, then the others share what is left */
	for (int c = 0; c < n; c++) {
		g->col[c].w = cmin[c];
		if (pct[c]) {
			mpt p = (mpt)((int64_t)pct[c] * room / 10000);
			g->col[c].w = p > cmin[c] ? p : cmin[c];
			room -= g->col[c].w;
			smin -= cmin[c];
			smax -= cmax[c];
		}
	}
	mpt *add = xcalloc((size_t)n, sizeof *add), *wt = xcalloc((size_t)n, sizeof *wt);
	int nfree = 0;
	for (int c = 0; c < n; c++)
		if (!pct[c])
			nfree++;
	if (nfree > 0 && room > smin) {
		if (room >= smax) {
			/* every column at its maximum; the rest in proportion to it,
			 * to the columns without a fixed width when there are any */
			int anyauto = 0;
			for (int c = 0; c < n; c++)
				if (!pct[c] && !(g->col[c].fo && !g->col[c].fo->style->column_width.is_auto &&
				    g->col[c].fo->style->column_width.prop == 0))
					anyauto = 1;
			for (int c = 0; c < n; c++) {
				if (pct[c])
					continue;
				add[c] = cmax[c] - cmin[c];
				int fixed = g->col[c].fo && !g->col[c].fo->style->column_width.is_auto &&
				    g->col[c].fo->style->column_width.prop == 0;
				wt[c] = anyauto && fixed ? 0 : (cmax[c] > 0 ? cmax[c] : 1);
			}
			share(add, wt, n, room - (mpt)smax);
		} else {
			for (int c = 0; c < n; c++)
				wt[c] = pct[c] ? 0 : cmax[c] - cmin[c];
			share(add, wt, n, room - (mpt)smin);
		}
	}
	for (int c = 0; c < n; c++)
		g->col[c].w += add[c];
	free(add);
	free(wt);
	free(cmin);
	free(cmax);
	free(pct);
	return W;
}

/* table-layout="fixed": lengths and percentages, then proportional shares. */
static void
widths_fixed(struct lay *L, struct ltable *T, mpt W)
{
	struct grid *g = &T->g;
	int n = g->ncols;
	mpt seps = T->collapse ? 0 : (n + 1) * T->sep[0];
	mpt room = W - seps;
	int64_t fixed = 0, props = 0;

	for (int c = 0; c < n; c++) {
		const struct fo_node *cf = g->col[c].fo;
		struct fo_len cw = cf ? cf->style->column_width : (struct fo_len){ .is_auto = 1 };
		if (cw.is_auto) {
			/* no width: one share of what is left */
			g->col[c].w = 0;
			g->col[c].min = 1000;
		} else {
			g->col[c].w = fo_len_resolve(cw, room);
			if (g->col[c].w < 0)
				g->col[c].w = 0;
			g->col[c].min = cw.prop;
		}
		fixed += g->col[c].w;
		props += g->col[c].min;
	}
	if (fixed > room) {
		/* percentages adding up to 100% may round past the width: not worth a word */
		if (fixed > room + n * 10)
			warn_at(L, T->fo, "fixed", "the columns of fo:table add up to %.1fpt but the "
			    "table has %.1fpt; they are scaled down to fit", fixed / 1000.0, room / 1000.0);
		mpt given = 0;
		int64_t acc = 0;
		for (int c = 0; c < n; c++) {
			acc += g->col[c].w;
			mpt upto = room > 0 ? (mpt)(acc * room / fixed) : 0;
			g->col[c].w = upto - given;
			given = upto;
		}
		return;
	}
	if (props > 0) {
		mpt rest = room - (mpt)fixed, given = 0;
		int64_t acc = 0;
		for (int c = 0; c < n; c++) {
			acc += g->col[c].min;
			mpt upto = (mpt)(acc * rest / props);
			g->col[c].w += upto - given;
			given = upto;
		}
	}
}

/* Has a column a proportional-column-width() share? */
static int
has_proportional(const struct grid *g)
{
	for (int c = 0; c < g->ncols; c++)
		if (g->col[c].fo && g->col[c].fo->style->column_width.prop > 0)
			return 1;
	return 0;
}

/* Table width for measuring inside an auto table: least and natural. */
static void
measure_table(struct lay *L, struct ltable *T, mpt *min, mpt *max)
{
	struct grid *g = &T->g;
	const struct fo_style *st = T->fo->style;
	if (!st->width.is_auto && st->width.pct == 0) {
		*min = *max = st->width.abs;
		return;
	}
	mpt *cmin = xcalloc((size_t)g->ncols, sizeof *cmin), *cmax = xcalloc((size_t)g->ncols, sizeof *cmax);
	int *pct = xcalloc((size_t)g->ncols, sizeof *pct);
	auto_column_widths(L, T, cmin, cmax, pct);
	mpt seps = T->collapse ? 0 : (g->ncols + 1) * T->sep[0];
	*min = *max = seps;
	for (int c = 0; c < g->ncols; c++) {
		*min += cmin[c];
		*max += cmax[c];
	}
	free(cmin);
	free(cmax);
	free(pct);
}

/* ================================================================ borders */

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

static void
resolve_collapsed(struct ltable *T)
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

/* ================================================================ cells */

/* Does the cell above (before) or to the left (start) exist? */
static int
has_neighbour(const struct ltable *T, const struct tcell *t, int side)
{
	const struct grid *g = &T->g;
	int r = side == SIDE_BEFORE ? t->r - 1 : t->r;
	int c = side == SIDE_START ? t->c - 1 : t->c;
	return r >= 0 && c >= 0 && g->slot[r * g->ncols + c] >= 0;
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
			int owned = s == SIDE_AFTER || s == SIDE_END || !has_neighbour(T, t, s);
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

	struct lblock *ctx = arena_alloc(L->at->arena, sizeof *ctx);
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

/* ================================================================ row groups */

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
			lay_page_id(f, rf->id, a->x, a->y);   /* first and last page of it */
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
	lay_page_id(f, lc->fo->id, a->x, a->y);   /* first and last page of it */
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

static struct lrow *row_clone(struct lay *L, const struct lrow *r);

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
			v->row = row_clone(L, v->row);
	}
}

static void *
arena_dup(struct lay *L, const void *p, size_t n)
{
	void *q = arena_alloc(L->at->arena, n ? n : 1);
	if (n)
		memcpy(q, p, n);
	return q;
}

static struct lrow *
row_clone(struct lay *L, const struct lrow *r)
{
	struct lrow *c = arena_dup(L, r, sizeof *r);
	c->minh = arena_dup(L, r->minh, (size_t)r->nrows * sizeof *r->minh);
	c->rowh = arena_dup(L, r->rowh, (size_t)r->nrows * sizeof *r->rowh);
	c->rowfo = arena_dup(L, r->rowfo, (size_t)r->nrows * sizeof *r->rowfo);
	c->cells = arena_dup(L, r->cells, (size_t)r->ncells * sizeof *r->cells);
	for (int k = 0; k < r->ncells; k++) {
		struct lcell *lc = &c->cells[k];
		vlist_clone(L, &lc->vl, &r->cells[k].vl);
		lay_fill_init(&lc->fill, L, &lc->vl, 0);
		lc->started = 0;
	}
	return c;
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
		lay_row_place(f, row_clone(f->L, tpl[k]), -1, 0);
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
	struct lrow *row = arena_alloc(L->at->arena, sizeof *row);
	int ncells = 0;

	row->tbl = T;
	row->part = g->row[ra].part;
	row->nrows = rb - ra;
	row->minh = arena_alloc(L->at->arena, (size_t)row->nrows * sizeof *row->minh);
	row->rowh = arena_alloc(L->at->arena, (size_t)row->nrows * sizeof *row->rowh);
	row->rowfo = arena_alloc(L->at->arena, (size_t)row->nrows * sizeof *row->rowfo);
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
	row->cells = arena_alloc(L->at->arena, (size_t)(ncells ? ncells : 1) * sizeof *row->cells);
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
		struct lrow *row = group_build(L, T, r, e);
		if (part == PART_HEADER && T->rep_head) {
			T->head = xrealloc(T->head, (size_t)(T->nhead + 1) * sizeof *T->head);
			T->head[T->nhead++] = row_clone(L, row);
			T->head_h += row->h;
		} else if (part == PART_FOOTER && T->rep_foot) {
			T->foot = xrealloc(T->foot, (size_t)(T->nfoot + 1) * sizeof *T->foot);
			T->foot[T->nfoot++] = row_clone(L, row);
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
		T->head = arena_dup(L, h, (size_t)T->nhead * sizeof *h);
	if (f)
		T->foot = arena_dup(L, f, (size_t)T->nfoot * sizeof *f);
	free(h);
	free(f);
}

/* Column offsets from the table's content edge, and the content width. */
static mpt
column_offsets(struct ltable *T)
{
	struct grid *g = &T->g;
	mpt x = T->collapse ? 0 : T->sep[0];
	for (int c = 0; c < g->ncols; c++) {
		g->col[c].x = x;
		x += g->col[c].w + (T->collapse ? 0 : T->sep[0]);
	}
	return x;
}

void
lay_table(struct lay *L, const struct fo_node *n, struct lblock *ctx, struct vlist *vl, mpt refw)
{
	const struct fo_style *st = n->style;
	struct ltable *T = arena_alloc(L->at->arena, sizeof *T);
	struct grid *g = &T->g;

	T->fo = n;
	grid_build(L, n, g);
	if (g->ncols == 0 || g->ncells == 0) {
		if (g->ncells == 0)
			warn_at(L, n, "empty", "fo:table has %s; nothing is laid out",
			    g->ncols ? "no cells" : "no columns and no cells");
		grid_free(g);
		memset(g, 0, sizeof *g);
		return;
	}
	T->collapse = st->collapse;
	T->sep[0] = T->collapse ? 0 : st->border_sep[0];
	T->sep[1] = T->collapse ? 0 : st->border_sep[1];
	if (T->collapse)
		resolve_collapsed(T);

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
		measure_table(L, T, &mn, &mx);
		lay_measure_add(L, b, mn, mx);
		grid_free(g);
		return;
	}
	mpt avail = b->w - edges;
	if (st->table_fixed || has_proportional(g)) {
		/* proportional-column-width() asks for shares of the table's
		 * width: the fixed model, as FOP and XEP lay such tables out */
		widths_fixed(L, T, avail);
	} else {
		mpt spec = st->width.is_auto ? -1 : avail;
		mpt W = widths_auto(L, T, avail, spec);
		b->w = W + edges;
	}
	column_offsets(T);
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
		warn_at(L, n, "repeat", "the table-header and table-footer of fo:table take %.1fpt "
		    "of a %.1fpt page body; they are not repeated", (T->head_h + T->foot_h) / 1000.0,
		    L->body_h / 1000.0);
		T->rep_head = T->rep_foot = 0;
	}
	templates_to_arena(L, T);
	grid_free(g);
	memset(g, 0, sizeof *g);
}

/* ================================================================ measuring */

void
lay_measure_add(struct lay *L, const struct lblock *blk, mpt min, mpt max)
{
	struct lay_measure *m = L->measure;
	mpt left = blk ? blk->x + blk->pad[SIDE_START] + blk->bw[SIDE_START] : 0;
	mpt right = blk ? blk->mend : 0;
	if (left < 0)
		left = 0;
	if (right < 0 || right > m->refw / 2)
		right = 0;
	if (left + min + right > m->min)
		m->min = left + min + right;
	if (left + max + right > m->max)
		m->max = left + max + right;
}

static int
is_west(uint8_t k)
{
	return k == TK_LATIN || k == TK_DIGIT;
}

/*
 * A paragraph's least width (its widest piece between break opportunities)
 * and natural width (its widest line between forced breaks), with the ¼ em
 * between Han and Latin (R10) the composer would add.
 */
void
lay_measure_para(struct lay *L, const struct lblock *blk, const struct text_item *it, size_t n,
    mpt indent)
{
	/* spaces count once something follows them: on the piece only when no
	 * break opportunity comes between, on the line unless a forced one */
	mpt seg = indent, line = indent, trail = 0, ltrail = 0, mn = 0, mx = 0;
	for (size_t i = 0; i < n; i++) {
		mpt a = it[i].kind == TK_LEADER ? it[i].lmin : it[i].adv;
		mpt gap = 0;
		if (i + 1 < n && ((it[i].kind == TK_HAN && is_west(it[i + 1].kind)) ||
		    (is_west(it[i].kind) && it[i + 1].kind == TK_HAN)))
			gap = (it[i].kind == TK_HAN ? it[i].em : it[i + 1].em) / 4;
		if (it[i].kind == TK_SPACE) {
			trail += it[i].adv;
			ltrail += it[i].adv;
		} else {
			seg += trail + a;
			line += ltrail + (it[i].kind == TK_LEADER ? it[i].adv : a);
			trail = ltrail = 0;
		}
		if (seg > mn)
			mn = seg;
		if (line > mx)
			mx = line;
		if (it[i].brk != TB_NONE) {
			seg = 0;
			trail = 0;
			if (it[i].brk == TB_FORCE)
				line = ltrail = 0;
		} else {
			seg += gap;
		}
		line += gap;
	}
	/* rounding in the composer: a hair more than the sum */
	lay_measure_add(L, blk, mn + 10, mx + 10);
}

void
lay_measure_blocks(struct lay *L, const struct fo_node *n, mpt *min, mpt *max)
{
	struct lay_measure m = { 0, 0, MEASURE_W };
	struct lay_measure *save = L->measure;
	struct diag *d = L->d, quiet;
	struct lblock *ctx = arena_alloc(L->at->arena, sizeof *ctx);
	struct vlist vl;

	/* everything is laid out again for real: say and note things only then */
	const struct fo_node *cbar[sizeof L->cbar / sizeof L->cbar[0]];
	int ncbar = L->ncbar;
	memcpy(cbar, L->cbar, sizeof cbar);
	diag_init(&quiet);
	L->d = &quiet;
	L->measure = &m;
	ctx->fo = n;
	ctx->w = MEASURE_W;
	memset(&vl, 0, sizeof vl);
	lay_blocks_in(L, n, ctx, &vl, MEASURE_W);
	vlist_free(&vl);
	L->measure = save;
	L->d = d;
	memcpy(L->cbar, cbar, sizeof cbar);
	L->ncbar = ncbar;
	diag_free(&quiet);
	*min = m.min;
	*max = m.max;
}
