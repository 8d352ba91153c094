/*
 * layout — a region-body of several columns (XSL 1.1 §6.4.14): the page's
 * before-floats across the top of the body (lay_float.c), then the flow
 * poured into bands of columns, balanced where all of a band fits, and
 * span="all" blocks across the body between the bands; footnotes across
 * the body at its foot.
 */
#include <string.h>

#include "lay_int.h"

/* The end of the band that starts at item i: the items up to where the
 * span="all" marking changes. */
static size_t
band_end(const struct vlist *vl, size_t i)
{
	size_t k = i;
	while (k < vl->n && vl->v[k].span == vl->v[i].span)
		k++;
	return k;
}

/* Footnotes' room on a page: those carried and those cited so far, and
 * the separator once. */
static mpt
notes_room(const struct lay_notes *nt, mpt carried, mpt cited)
{
	return carried + cited + (carried == 0 && cited > 0 ? nt->sep_h : 0);
}

/*
 * One band of columns: the items up to f->band_end poured into the
 * columns of m's body from y0 down, at most h tall.  When they all fit,
 * the columns are balanced: the least height that takes them all with no
 * row split (XSL 1.1 §6.4.14, as FOP does before a span and at the end of
 * the flow).  Footnotes cited in the band shorten it.  Returns the height
 * the band takes; f->i is where it stopped.
 */
static mpt
column_band(struct lay *L, struct fill *f, struct lay_notes *nt, const struct master *m,
    struct area *body_area, mpt y0, mpt h, mpt *cited, mpt carried, int *first, uint8_t *split)
{
	const struct vlist *vl = f->vl;
	size_t from = f->i;
	int over;
	/* the footnotes of what the columns would take leave less room */
	for (int round = 0; round < 3; round++) {
		size_t e = lay_fill_probe_cols(f, m->ncol, h, &over);
		mpt fh = lay_notes_height(L, vl, from, e, m->body.w);
		mpt room = notes_room(nt, carried, *cited + fh) - notes_room(nt, carried, *cited);
		if (room == 0)
			break;
		mpt h2 = m->body.h - y0 - notes_room(nt, carried, *cited + fh);
		if (h2 >= h || h2 < (m->body.h - y0) / 2)
			break;
		h = h2;
	}
	/* all of the band fits: balance */
	size_t lim = f->band_end;
	size_t e = lay_fill_probe_cols(f, m->ncol, h, &over);
	int balanced = e >= lim && !over;
	if (balanced) {
		mpt lo = 0, hi = h;
		while (hi - lo > 100) {
			mpt mid = lo + (hi - lo) / 2;
			if (lay_fill_probe_cols(f, m->ncol, mid, &over) >= lim && !over)
				hi = mid;
			else
				lo = mid;
		}
		h = hi;
		f->nosplit = 1;
	}
	mpt used = 0;
	for (int col = 0; col < m->ncol && f->i < lim; col++) {
		struct cut c;
		mpt x = m->body.x + (mpt)(((int64_t)m->colw + m->gap) * col);
		size_t at = f->i;
		lay_fill_begin(f, body_area, x, m->body.y + y0, m->colw, h);
		if (*first) {
			lay_page_carry(L, f);
			*first = 0;
		}
		lay_fill_cut(f, h, 0, &c);
		lay_fill_place(f, &c);
		*split = c.split;
		if (c.split && c.end < vl->n && vl->v[c.end].kind == V_ROW)
			lay_notes_row_add(L, nt, vl->v[c.end].row, m->body.w, 0);
		lay_fill_end(f);
		if (f->y > used)
			used = f->y;
		mpt fh = lay_notes_height(L, vl, at, c.end, m->body.w);
		if (fh > 0) {
			*cited += fh;
			lay_notes_add(L, nt, vl, at, c.end, m->body.w);
		}
		if (f->i == at && !c.split)
			break;
		/* a column break moves on to the next column; another ends the page */
		int other = 0;
		while (f->i < lim && vl->v[f->i].kind == V_BREAK && !other) {
			if (vl->v[f->i].brk_kind == BREAK_COLUMN)
				f->i++;
			else
				other = 1;
		}
		if (other)
			break;
	}
	f->nosplit = 0;
	return used;
}

/*
 * A band of span="all" blocks from f, across the columns as a page body of
 * its own, from y0 down, at most h tall; its footnotes shorten it.
 * Returns the height it takes; *c where it stopped.
 */
static mpt
span_band(struct lay *L, struct fill *f, struct lay_notes *nt, const struct master *m,
    struct area *body_area, mpt y0, mpt h, mpt *cited, mpt carried, int *first, struct cut *c)
{
	const struct vlist *vl = f->vl;
	size_t at = f->i;
	lay_fill_begin(f, body_area, m->body.x, m->body.y + y0, m->body.w, h);
	if (*first) {
		lay_page_carry(L, f);
		*first = 0;
	}
	lay_fill_cut(f, h, 0, c);
	mpt fh = lay_notes_height(L, vl, at, c->end, m->body.w);
	if (fh > 0) {
		mpt h2 = m->body.h - y0 - notes_room(nt, carried, *cited + fh);
		struct cut c2;
		lay_fill_cut(f, h2 > h / 2 ? h2 : h / 2, 0, &c2);
		if (c2.end > at)
			*c = c2;
		fh = lay_notes_height(L, vl, at, c->end, m->body.w);
		*cited += fh;
		lay_notes_add(L, nt, vl, at, c->end, m->body.w);
	}
	lay_fill_place(f, c);
	if (c->split && c->end < vl->n && vl->v[c->end].kind == V_ROW)
		lay_notes_row_add(L, nt, vl->v[c->end].row, m->body.w, 0);
	lay_fill_end(f);
	return f->y;
}

/*
 * Fill page pg's multi-column body from f: the before-floats across its
 * top (the before-float-reference-area spans the columns, XSL 1.1
 * §6.4.14), then bands of columns and of span="all" blocks one below the
 * other, until the page is full or a page break comes; footnotes across
 * the body at its foot.  f->y: the height below the floats.
 */
void
lay_fill_columns(struct lay *L, struct fill *f, struct lay_notes *nt, struct lay_floats *fl,
    const struct master *m, struct area_page *pg, mpt top, struct cut *c)
{
	const struct vlist *vl = f->vl;
	struct area *body_area = lay_page_region(L, pg->root, &m->body);
	mpt carried = 0, cited = 0, y0 = top;
	int first = 1;
	memset(c, 0, sizeof *c);
	lay_floats_place(L, fl, body_area, m->body.x, m->body.y, m->body.w, pg);
	if (top >= m->body.h) {
		/* a float as tall as the page: the flow goes on below it on the next */
		c->end = f->i;
		f->y = 0;
		return;
	}
	if (lay_notes_pending(nt)) {
		struct cut cn;
		lay_notes_cut(nt, m->body.h / 2 - nt->sep_h, 0, &cn);
		carried = cn.h + nt->sep_h;
	}
	while (f->i < vl->n) {
		if (vl->v[f->i].kind == V_BREAK) {
			/* at the top of the page, or a column break where new
			 * columns begin: nothing to do */
			if ((first && y0 == top) || vl->v[f->i].brk_kind == BREAK_COLUMN) {
				f->i++;
				continue;
			}
			break;        /* ends the page: lay_sequence reads it */
		}
		c->split = 0;
		mpt h = m->body.h - y0 - notes_room(nt, carried, cited);
		if (h <= 0 && !first)
			break;
		f->band_end = band_end(vl, f->i);
		size_t at = f->i;
		if (vl->v[f->i].span) {
			struct cut cs;
			y0 += span_band(L, f, nt, m, body_area, y0, h, &cited, carried, &first, &cs);
			c->split = cs.split;
		} else {
			y0 += column_band(L, f, nt, m, body_area, y0, h, &cited, carried, &first, &c->split);
		}
		if (f->i == at && !c->split)
			break;
		if (f->i < f->band_end)
			break;        /* the page is full, or a break ends it */
	}
	f->band_end = 0;
	f->y = y0 - top;
	lay_notes_place(L, nt, body_area, &(struct lay_rect){ m->body.x, m->body.y, m->body.w, m->body.h },
	    y0, pg);
}
