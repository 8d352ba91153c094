/*
 * layout — a vertical list poured into fragments: the page body of a flow,
 * a table cell, a list item's label and body, a block-container.  The same
 * code decides where a fragment ends and places it, so that a cell splits
 * across pages by exactly the rules a page does.
 *
 *   struct fill: vlist + next item + blocks open at that item
 *
 *   lay_fill_begin   new fragment: reopen the open blocks (no before edge),
 *                    replay a table's header when a table continues
 *   lay_fill_cut     scan from the next item: the last allowed break that
 *                    fits, keeping room for the footers and retained edges
 *                    of open tables; a row that does not fit may split
 *   lay_fill_place   place the items before the cut (and the split row's
 *                    first part)
 *   lay_fill_end     replay the footer of a table broken here, close the
 *                    fragments of the open blocks (no after edge)
 *
 * "strict" cuts (a row tried on the page it starts on) take only breaks
 * that keeps, widows and orphans allow and may place nothing; the first
 * fragment on a fresh page is never strict, so something always moves on.
 */
#include <stdlib.h>
#include <string.h>

#include "../base/limits.h"
#include "lay_int.h"

void
lay_fill_init(struct fill *f, struct lay *L, const struct vlist *vl, int pages)
{
	memset(f, 0, sizeof *f);
	f->L = L;
	f->arena = L->scratch;
	f->vl = vl;
	f->pages = (uint8_t)pages;
	f->flow = (uint8_t)pages;
}

static struct area *
top_area(const struct fill *f)
{
	return f->depth > 0 ? f->stack[f->depth - 1].a : f->parent;
}

/* The table whose rows come next, if the innermost open block is one. */
static struct ltable *
open_table(const struct fill *f)
{
	return f->depth > 0 ? f->stack[f->depth - 1].b->tbl : NULL;
}

static void
push_open(struct fill *f, struct lblock *b, struct area *a)
{
	if (f->depth == f->cap) {
		/* from the arena: fills are many (one per cell) and never freed */
		int cap = f->cap ? f->cap * 2 : 4;
		struct open *s = arena_alloc(f->arena, (size_t)cap * sizeof *s);
		if (f->depth)
			memcpy(s, f->stack, (size_t)f->depth * sizeof *s);
		f->stack = s;
		f->cap = cap;
	}
	f->stack[f->depth].b = b;
	f->stack[f->depth].a = a;
	f->stack[f->depth].rows = 0;
	f->depth++;
}

static struct area *
open_area(struct fill *f, struct lblock *b, int continued)
{
	struct area *a = area_new(f->L->at, AREA_BLOCK, top_area(f));
	const struct fo_style *st = b->fo->style;
	a->x = f->rx + b->x;
	a->y = f->ry + f->y;
	a->w = b->w;
	a->name = fo_type_name(b->fo->type);
	a->line = b->fo->line;
	a->fo = b->fo;
	a->background = st->background;
	for (int i = 0; i < 4 && !b->noborder; i++) {
		a->border[i].style = st->border[i].style;
		a->border[i].width = st->border[i].width;
		a->border[i].color = st->border[i].color;
	}
	if (continued && !b->retain)
		a->border[SIDE_BEFORE].width = 0;
	return a;
}

/* ---------------------------------------------------------------- fragments */

/* Height the blocks open at f->i take again at the top of a fragment. */
mpt
lay_fill_top(const struct fill *f)
{
	mpt h = 0;
	for (int i = 0; i < f->depth; i++) {
		const struct lblock *b = f->stack[i].b;
		if (b->retain)
			h += b->bw[SIDE_BEFORE] + b->pad[SIDE_BEFORE];
	}
	struct ltable *t = open_table(f);
	if (t && f->i < f->vl->n)
		h += lay_table_repeat_h(t, f->vl->v[f->i].row, 0);
	return h;
}

void
lay_fill_begin(struct fill *f, struct area *parent, mpt rx, mpt ry, mpt refw, mpt refh)
{
	f->parent = parent;
	f->rx = rx;
	f->ry = ry;
	f->refw = refw;
	f->refh = refh;
	f->y = 0;
	f->placed = 0;
	f->content = 0;
	for (int i = 0; i < f->depth; i++) {
		int save = f->depth;
		f->depth = i;
		f->stack[i].a = open_area(f, f->stack[i].b, 1);
		f->stack[i].rows = 0;
		f->depth = save;
		if (f->stack[i].b->retain)
			f->y += f->stack[i].b->bw[SIDE_BEFORE] + f->stack[i].b->pad[SIDE_BEFORE];
	}
	struct ltable *t = open_table(f);
	if (t && f->i < f->vl->n)
		lay_table_replay(f, t, 0);
}

void
lay_fill_end(struct fill *f)
{
	struct ltable *t = open_table(f);
	if (t && f->i < f->vl->n)
		lay_table_replay(f, t, 1);
	for (int i = f->depth - 1; i >= 0; i--) {
		const struct lblock *b = f->stack[i].b;
		struct area *a = f->stack[i].a;
		if (b->retain)
			f->y += b->pad[SIDE_AFTER] + b->bw[SIDE_AFTER];
		else
			a->border[SIDE_AFTER].width = 0;
		a->h = f->ry + f->y - a->y;
	}
}

struct area *
lay_fill_parent(const struct fill *f)
{
	return top_area(f);
}

int
lay_fill_done(const struct fill *f)
{
	return f->i >= f->vl->n;
}

/* ---------------------------------------------------------------- choosing */

/* A break may come before an item of this kind. */
static int
breakable(uint8_t kind)
{
	return kind == V_LINE || kind == V_OPEN || kind == V_SPACE || kind == V_ROW || kind == V_BOX;
}

/* … after an item of this kind (for breaks that give up keeps). */
static int
after_content(uint8_t kind)
{
	return kind == V_LINE || kind == V_CLOSE || kind == V_SPACE || kind == V_ROW || kind == V_BOX;
}

/* Room a break inside block b needs at the fragment's end. */
static mpt
reserve_of(const struct lblock *b, const struct vitem *next)
{
	mpt r = b->retain ? b->pad[SIDE_AFTER] + b->bw[SIDE_AFTER] : 0;
	if (b->tbl)
		r += lay_table_repeat_h(b->tbl, next ? next->row : NULL, 1);
	return r;
}

static mpt
item_height(const struct fill *f, const struct vitem *v, size_t k, int spaces)
{
	switch ((enum vkind)v->kind) {
	case V_SPACE:
		return spaces || v->retain ? v->h : 0;
	case V_BOX:
		return v->abs ? 0 : v->h;
	case V_ROW:
		return lay_row_height(v->row, k == f->i && f->depth > 0 &&
		    f->stack[f->depth - 1].rows == 0);
	case V_LINE: case V_OPEN: case V_CLOSE: case V_BREAK:
		return v->h;
	}
	return v->h;
}

/*
 * XSL 1.1 §4.3.1: a conditional space is discarded at the start of a
 * reference area or fragment (nothing but zero-height edges before it) and
 * at its end (nothing but zero-height edges and spaces after it, up to the
 * end of the list or the break).  Both rules hold in lay_fill_cut and in
 * placing, so that a cell's measured height is the height it takes.
 */
static int
space_at_end(const struct vlist *vl, size_t k, size_t end)
{
	for (size_t j = k + 1; j < end; j++) {
		const struct vitem *v = &vl->v[j];
		if (v->kind != V_SPACE && v->kind != V_BREAK && !(v->kind == V_CLOSE && v->h == 0))
			return 0;
	}
	return 1;
}

/* After this item, spaces count: it has height, or it is content. */
static int
starts_spaces(const struct vitem *v)
{
	return ((v->kind == V_OPEN || v->kind == V_CLOSE) && v->h > 0) || v->kind == V_LINE ||
	    v->kind == V_ROW || (v->kind == V_BOX && !v->abs);
}

/*
 * Where the fragment that starts at f->i ends when H is its height.
 * strict: only allowed breaks, and nothing rather than an overflow.
 */
void
lay_fill_cut(const struct fill *f, mpt H, int strict, struct cut *c)
{
	const struct vlist *vl = f->vl;
	size_t i = f->i, last_ok = i, last_any = i;
	mpt y = f->y, y_ok = f->y, y_any = f->y, res = 0;
	mpt trail = 0;   /* spaces counted since the last edge or content: gone at a break */
	int spaces = f->placed, content = f->content;

	size_t lim = f->band_end ? f->band_end : vl->n;

	memset(c, 0, sizeof *c);
	c->end = lim;
	for (int d = 0; d < f->depth; d++)
		res += reserve_of(f->stack[d].b, i < vl->n ? &vl->v[i] : NULL);
	for (size_t k = i; k < lim; k++) {
		const struct vitem *v = &vl->v[k];
		if (v->kind == V_BREAK) {
			if (f->pages && content) {
				c->end = k;
				c->h = y - trail;
				return;
			}
			continue;
		}
		if (k > i && content && breakable(v->kind)) {
			if (v->brk_ok && y - trail + res <= H) {
				last_ok = k;
				y_ok = y - trail;
			}
			if (after_content(vl->v[k - 1].kind)) {
				last_any = k;
				y_any = y - trail;
			}
		}
		mpt h = item_height(f, v, k, spaces);
		/* a kept-together row too tall for a fresh page splits all the same */
		int splittable = v->kind == V_ROW && !f->nosplit && (lay_row_splittable(v->row) ||
		    (!content && !strict && v->row->part == PART_BODY));
		int first = k == f->i && f->depth > 0 && f->stack[f->depth - 1].rows == 0;
		/* a body row must leave room for what a break after it needs */
		mpt need = v->kind == V_ROW && v->row->part == PART_BODY ? res : 0;
		if ((int64_t)y + h + need > H && v->kind != V_CLOSE && v->kind != V_SPACE &&
		    (content || strict || splittable) && !(v->kind == V_BOX && v->abs)) {
			mpt avail = H - y - (v->kind == V_ROW ? res : 0);
			if (splittable && lay_row_split_ok(f->L, v->row, avail, strict || content, first)) {
				c->end = k;
				c->split = 1;
				c->strict = (uint8_t)(strict || content);
				c->avail = avail;
				c->h = H;
				return;
			}
			if (content) {
				if (last_ok > i) {
					c->end = last_ok;
					c->h = y_ok;
				} else if (!strict && last_any > i) {
					c->end = last_any;
					c->h = y_any;
				} else if (strict) {
					c->end = i;
					c->h = f->y;
				} else {
					c->end = k;
					c->h = y - trail;
				}
				return;
			}
			if (strict) {
				c->end = i;
				c->h = f->y;
				return;
			}
			/* a fresh fragment takes its first item whatever its size */
		}
		y = mpt_add(y, h, NULL);   /* past H already: no more to report */
		if (v->kind == V_SPACE && !v->retain)
			trail += h;
		else if (v->kind != V_SPACE && !(v->kind == V_CLOSE && v->h == 0))
			trail = 0;
		if (v->kind == V_OPEN)
			res += reserve_of(v->blk, k + 1 < vl->n ? &vl->v[k + 1] : NULL);
		else if (v->kind == V_CLOSE)
			res -= reserve_of(v->blk, NULL);
		if (starts_spaces(v))
			spaces = 1;
		if (v->kind == V_LINE || v->kind == V_ROW || (v->kind == V_BOX && !v->abs))
			content = 1;
	}
	c->h = y - trail;
}

/* ---------------------------------------------------------------- placing */

static void
place_line(struct fill *f, const struct vitem *v)
{
	struct area *la = v->line;
	if (v->side)
		lay_float_side_place(f, v->side);
	for (struct area *r = la->first; r; r = r->next)
		if (r->pagenum && f->pagenum) {
			r->text = f->pagenum;
			r->len = strlen(f->pagenum);
			r->nglyphs = (int)r->len;
			r->spacing = 0;
		}
	lay_translate(la, f->rx + v->blk->x, f->ry + f->y);
	area_append(top_area(f), la);
	lay_page_placed(f, v, la);
	f->y += v->h;
	f->placed = f->content = 1;
}

static void
place(struct fill *f, size_t k, size_t end)
{
	const struct vitem *v = &f->vl->v[k];
	switch ((enum vkind)v->kind) {
	case V_SPACE:
		if (v->retain || (f->placed && !space_at_end(f->vl, k, end)))
			f->y += v->h;
		break;
	case V_BREAK:
		break;
	case V_OPEN:
		if (f->depth < LIMIT_DEPTH) {
			push_open(f, v->blk, open_area(f, v->blk, 0));
			lay_page_placed(f, v, f->stack[f->depth - 1].a);
		}
		f->y += v->h;
		if (v->h > 0)
			f->placed = 1;
		break;
	case V_CLOSE:
		f->y += v->h;
		if (v->h > 0)
			f->placed = 1;
		lay_page_placed(f, v, NULL);
		if (f->depth > 0) {
			struct area *a = f->stack[f->depth - 1].a;
			a->h = f->ry + f->y - a->y;
			f->depth--;
		}
		break;
	case V_LINE:
		place_line(f, v);
		break;
	case V_ROW:
		lay_row_place(f, v->row, -1, 0);
		if (f->depth > 0)
			f->stack[f->depth - 1].rows++;
		f->placed = f->content = 1;
		break;
	case V_BOX:
		lay_box_place(f, v);
		if (!v->abs)
			f->placed = f->content = 1;
		break;
	}
}

void
lay_fill_place(struct fill *f, const struct cut *c)
{
	size_t k;
	for (k = f->i; k < c->end; k++)
		place(f, k, c->end);
	f->i = c->end;
	if (c->split) {
		lay_row_place(f, f->vl->v[c->end].row, c->avail, c->strict);
		if (f->depth > 0)
			f->stack[f->depth - 1].rows++;
		f->placed = f->content = 1;
	}
}

void
lay_fill_seek(struct fill *f, size_t i)
{
	f->depth = 0;
	for (size_t k = 0; k < i && k < f->vl->n; k++) {
		const struct vitem *v = &f->vl->v[k];
		if (v->kind == V_OPEN && f->depth < LIMIT_DEPTH)
			push_open(f, v->blk, NULL);
		else if (v->kind == V_CLOSE && f->depth > 0)
			f->depth--;
	}
	f->i = i;
}

size_t
lay_fill_probe_cols(const struct fill *f, int ncol, mpt h, int *over)
{
	const struct vlist *vl = f->vl;
	size_t lim = f->band_end ? f->band_end : vl->n;
	struct fill p = *f;
	/* the probe's own stack: the blocks its items open and close */
	int cap = f->depth + 8;
	struct open *st = xmalloc((size_t)cap * sizeof *st);
	if (f->depth)
		memcpy(st, f->stack, (size_t)f->depth * sizeof *st);
	p.stack = st;
	p.cap = cap;
	p.nosplit = 1;
	*over = 0;
	for (int col = 0; col < ncol && p.i < lim; col++) {
		struct cut c;
		p.y = lay_fill_top(&p);
		p.placed = 0;
		p.content = 0;
		lay_fill_cut(&p, h, 0, &c);
		/* too tall, or a break that gives up a keep */
		if (c.h > h || (c.end > p.i && c.end < lim && vl->v[c.end].kind != V_BREAK &&
		    !vl->v[c.end].brk_ok))
			*over = 1;
		for (size_t k = p.i; k < c.end; k++) {
			const struct vitem *v = &vl->v[k];
			if (v->kind == V_OPEN) {
				if (p.depth == p.cap) {
					p.cap *= 2;
					p.stack = xrealloc(p.stack, (size_t)p.cap * sizeof *p.stack);
				}
				p.stack[p.depth++] = (struct open){ v->blk, NULL, 0 };
			} else if (v->kind == V_CLOSE && p.depth > 0) {
				p.depth--;
			} else if (v->kind == V_ROW && p.depth > 0) {
				p.stack[p.depth - 1].rows++;
			}
		}
		if (c.end == p.i)
			break;
		p.i = c.end;
		/* a column break moves on to the next column; another break ends the page */
		int other = 0;
		while (p.i < lim && vl->v[p.i].kind == V_BREAK && !other) {
			if (vl->v[p.i].brk_kind == BREAK_COLUMN)
				p.i++;
			else
				other = 1;
		}
		if (other)
			break;
	}
	free(p.stack);
	return p.i;
}

/* Place a whole vertical list at once (static content, containers, cells). */
mpt
lay_fill_all(struct fill *f, struct area *parent, mpt rx, mpt ry, mpt refw, mpt refh)
{
	struct cut c;
	lay_fill_begin(f, parent, rx, ry, refw, refh);
	lay_fill_cut(f, LAY_INF, 0, &c);
	lay_fill_place(f, &c);
	/* what a cut of infinite height leaves is only forced breaks */
	while (!lay_fill_done(f)) {
		size_t before = f->i;
		while (f->i < f->vl->n && f->vl->v[f->i].kind == V_BREAK)
			f->i++;
		lay_fill_cut(f, LAY_INF, 0, &c);
		lay_fill_place(f, &c);
		if (f->i == before)
			break;
	}
	lay_fill_end(f);
	return f->y;
}
