/*
 * layout — the column widths of an fo:table (docs/tables.md).  Fixed:
 * lengths, percentages, then proportional-column-width() shares of the
 * rest.  Auto: CSS 2.1 §17.5.2.2 from the cells' minimum and maximum
 * content widths (lay_measure.c), spanning cells widening the columns they
 * cross, narrowest spans first.
 */
#include <stdlib.h>

#include "lay_table.h"

/* Measure cell t: the least and the natural width of its border box. */
static void
measure_cell(struct lay *L, const struct ltable *T, const struct tcell *t, mpt *min, mpt *max)
{
	const struct fo_style *st = t->fo->style;
	mpt extra = fo_len_resolve(st->padding[SIDE_START], 0) + fo_len_resolve(st->padding[SIDE_END], 0);
	if (T->collapse)   /* as cell_setup draws them: its end edge, its start one at the table's edge */
		extra += (lay_table_has_neighbour(T, t, SIDE_START) ? 0 : t->edge[SIDE_START].width) +
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
mpt
lay_table_widths_auto(struct lay *L, struct ltable *T, mpt avail, mpt spec)
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
		lay_table_warn(L, T->fo, "wide", "the content of fo:table needs %.1fpt but %.1fpt is "
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
void
lay_table_widths_fixed(struct lay *L, struct ltable *T, mpt W)
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
			lay_table_warn(L, T->fo, "fixed", "the columns of fo:table add up to %.1fpt but the "
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
int
lay_table_has_proportional(const struct grid *g)
{
	for (int c = 0; c < g->ncols; c++)
		if (g->col[c].fo && g->col[c].fo->style->column_width.prop > 0)
			return 1;
	return 0;
}

/* Table width for measuring inside an auto table: least and natural. */
void
lay_table_measure(struct lay *L, struct ltable *T, mpt *min, mpt *max)
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

mpt
lay_table_column_offsets(struct ltable *T)
{
	struct grid *g = &T->g;
	mpt x = T->collapse ? 0 : T->sep[0];
	for (int c = 0; c < g->ncols; c++) {
		g->col[c].x = x;
		x += g->col[c].w + (T->collapse ? 0 : T->sep[0]);
	}
	return x;
}

