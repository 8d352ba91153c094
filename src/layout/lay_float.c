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
 * In a body of several columns the before-floats go across all of them
 * (the before-float-reference-area spans the region-body), the columns
 * below.  Side floats (start, end) are taken out of the lines beside them
 * (take_side, lay_float_beside), but in columns laid out where they
 * stand, as is a float elsewhere (in a table, list, container, footnote,
 * static content or another float), with a warning.  docs/floats.md
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"

/* The room between a side float and the text beside it: none but its
 * blocks' margins, as XSL 1.1 and FOP have it. */
#define LAY_FLOAT_GAP 0

static int
is_float(const struct fo_node *n)
{
	const char *name = fo_node_name(n);
	return n->type == FO_BLOCK && name && strcmp(name, "float") == 0;
}

/* A start or end float: taken out of its block's lines (lay_float_take),
 * not a block of it, unless it stands in place */
static int
side_float(const struct fo_node *n)
{
	return is_float(n) && n->style->float_side > 1;
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

/* The separator's blocks at width w, as a vertical list (owned by sv). */
static void
separator_list(struct lay *L, const struct fo_node *sep, mpt w, struct vlist *sv)
{
	struct lblock ctx;
	memset(&ctx, 0, sizeof ctx);
	memset(sv, 0, sizeof *sv);
	ctx.w = w;
	lay_blocks(L, sep, &ctx, sv);
}

void
lay_floats_init(struct lay *L, struct lay_floats *fl, const struct fo_node *seq,
    const struct vlist *flow, mpt width, int columns)
{
	memset(fl, 0, sizeof *fl);
	fl->flow = flow;
	fl->columns = columns > 1;
	fl->width = width;
	fl->sep = separator(seq);
	if (fl->sep) {
		struct vlist sv;
		separator_list(L, fl->sep, width, &sv);
		fl->sep_h = list_height(L, &sv);
		vlist_free(&sv);
	}
	L->floats = fl;
}

/* The height of the flow's items from s->from to its end so far. */
static mpt
side_used(struct lay_floats *fl, struct lay_side *s)
{
	const struct vlist *vl = fl->flow;
	if (s->counted < s->from)
		s->counted = s->from;
	for (; s->counted < vl->n; s->counted++)
		s->used = mpt_add(s->used, vl->v[s->counted].h, NULL);
	return s->used;
}

/* Is the side float of s still beside what comes next in ctx? */
static int
side_active(struct lay_floats *fl, struct lay_side *s, const struct lblock *ctx)
{
	if (s->fv == NULL)
		return 0;
	if (side_used(fl, s) >= s->fv->h) {
		s->fv = NULL;   /* passed */
		return 0;
	}
	/* the blocks after it in the block it stands in, or in its ancestors */
	for (const struct lblock *c = s->fv->ctx; c; c = c->parent)
		if (c == ctx)
			return 1;
	return 0;
}

/* Float fv's content is laid out: its height, and the footnotes it may
 * not hold reported. */
static void
float_measured(struct lay *L, struct lay_float *fv)
{
	for (size_t j = 0; j < fv->vl.n; j++)
		if (fv->vl.v[j].nnotes > 0)
			diag_once(L->d, "note-in-float", DIAG_WARNING, L->fo->file,
			    fv->vl.v[j].notes[0]->line, 0,
			    "fo:footnote inside fo:float is not allowed (XSL 1.1 §6.10.2); its body is not placed");
	fv->h = list_height(L, &fv->vl);
}

/* Take side float n out of the flow: laid out where it stands to see what
 * it takes across, placed at the top of the next line. */
static int
take_side(struct lay *L, struct lay_floats *fl, const struct fo_node *n, struct lblock *ctx,
    struct vlist *vl, mpt refw)
{
	struct lay_side *s = &fl->side[n->style->float_side == 2 ? 0 : 1];
	if (side_active(fl, s, ctx) || vl->side_next) {
		diag_once(L->d, "float-beside", DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:float float=\"%s\" beside another side float on the same side is laid out "
		    "where it stands, as a block", side_name(n));
		return 0;
	}
	struct lay_float *fv = arena_alloc(L->at->arena, sizeof *fv);
	memset(fv, 0, sizeof *fv);
	fv->fo = n;
	fv->side = n->style->float_side;
	fv->ctx = ctx;
	L->floats = NULL;
	lay_blocks_in(L, n, ctx, &fv->vl, refw);
	L->floats = fl;
	/* across: from the start of the reference area to its content's end
	 * (start), or from its content's start to the end, and a gap */
	mpt lo = LAY_INF, hi = -LAY_INF;
	for (size_t j = 0; j < fv->vl.n; j++) {
		const struct lblock *b = fv->vl.v[j].blk;
		if (b == NULL || b->parent != ctx)
			continue;
		/* with the margins of its blocks: the room they keep from the text */
		mpt ms = fo_len_resolve(b->fo->style->margin[SIDE_START], refw);
		mpt me = fo_len_resolve(b->fo->style->margin[SIDE_END], refw);
		if (b->x - ms < lo)
			lo = b->x - ms;
		if (b->x + b->w + me > hi)
			hi = b->x + b->w + me;
	}
	mpt cs = ctx ? ctx->x + ctx->bw[SIDE_START] + ctx->pad[SIDE_START] : 0;
	mpt ce = ctx && ctx->fo ? ctx->x + ctx->w - ctx->bw[SIDE_END] - ctx->pad[SIDE_END] : refw;
	/* an end float's content moves to the end edge */
	fv->shift = fv->side == 2 ? 0 : ce - hi;
	if (fv->side == 2) {
		fv->x0 = cs;
		fv->x1 = hi + LAY_FLOAT_GAP;
	} else {
		fv->x0 = lo + fv->shift - LAY_FLOAT_GAP;
		fv->x1 = ce;
	}
	if (lo >= hi || (fv->side == 2 ? ce - fv->x1 : fv->x0 - cs) < (ce - cs) / 4) {
		vlist_free(&fv->vl);
		diag_once(L->d, "float-wide", DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:float float=\"%s\" leaves less than a quarter of the width beside it (give its "
		    "block-container a width); it is laid out where it stands, as a block", side_name(n));
		return 0;
	}
	float_measured(L, fv);
	lay_vlist_freeze(L, &fv->vl);
	fv->anchor = vl->n;
	s->fv = fv;
	s->from = s->counted = vl->n;
	s->used = 0;
	vl->side_next = fv;
	if (fl->nsides == fl->capsides) {
		size_t cap = fl->capsides ? fl->capsides * 2 : 4;
		struct lay_float **a = arena_alloc(L->at->arena, cap * sizeof *a);
		if (fl->nsides)
			memcpy(a, fl->sides, fl->nsides * sizeof *a);
		fl->sides = a;
		fl->capsides = cap;
	}
	fl->sides[fl->nsides++] = fv;
	return 1;
}

int
lay_float_take(struct lay *L, const struct fo_node *n, struct lblock *ctx, struct vlist *vl,
    mpt refw)
{
	if (!is_float(n) || n->style->float_side == 0)
		return 0;
	struct lay_floats *fl = L->floats;
	if (fl == NULL || vl != fl->flow || L->measure) {
		diag_once(L->d, "float-nested", DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:float inside a table, list, container, footnote, static content or another "
		    "float is laid out where it stands, as a block: folio floats only the flow's own");
		return 0;
	}
	if (fl->columns && n->style->float_side != 1) {
		diag_once(L->d, "float-columns", DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:float float=\"%s\" in a region-body of several columns is laid out where it "
		    "stands, as a block", side_name(n));
		return 0;
	}
	if (n->style->float_side != 1)
		return take_side(L, fl, n, ctx, vl, refw);
	if (fl->n == fl->cap) {
		fl->cap = fl->cap ? fl->cap * 2 : 4;
		fl->v = xrealloc(fl->v, fl->cap * sizeof *fl->v);
	}
	struct lay_float *fv = &fl->v[fl->n];
	memset(fv, 0, sizeof *fv);
	fv->fo = n;
	fv->anchor = vl->n;
	struct lblock bctx;
	memset(&bctx, 0, sizeof bctx);
	bctx.w = fl->width;
	/* the float's content is laid out apart: floats inside it stand in place */
	L->floats = NULL;
	lay_blocks(L, n, &bctx, &fv->vl);
	L->floats = fl;
	float_measured(L, fv);
	fl->n++;
	return 1;
}

/* Narrow b to what side float fv leaves beside it. */
static void
narrow(struct lblock *b, const struct lay_float *fv)
{
	mpt l = b->x, r = b->x + b->w;
	if (fv->side == 2 && l < fv->x1)
		l = fv->x1;
	if (fv->side != 2 && r > fv->x0)
		r = fv->x0;
	if (r - l < 1000)
		r = l + 1000;
	b->x = l;
	b->w = r - l;
}

/* A block of lines only, with no box of its own to draw (borders,
 * padding, background): beside a side float its lines narrow, not it. */
static int
lines_only(const struct lblock *b)
{
	const struct fo_node *n = b->fo;
	if (n == NULL || n->type != FO_BLOCK || n->style->background != COLOR_NONE)
		return 0;
	for (int s = 0; s < 4; s++)
		if (b->bw[s] > 0 || b->pad[s] > 0)
			return 0;
	for (const struct fo_node *c = n->first; c; c = c->next)
		if ((lay_is_block_level(c) && !side_float(c)) || c->type == FO_WRAPPER ||
		    c->type == FO_RETRIEVE_MARKER)
			return 0;   /* blocks inside: they narrow with it */
	return 1;
}

void
lay_float_intrude(struct lay *L, struct lblock *b, const struct lblock *ctx)
{
	struct lay_floats *fl = L->floats;
	if (fl == NULL || L->measure || lines_only(b))
		return;
	for (int k = 0; k < 2; k++)
		if (side_active(fl, &fl->side[k], ctx))
			narrow(b, fl->side[k].fv);
}

/* A copy of c (a fresh one when c is b) narrowed beside side float fv:
 * the content box narrows, b's borders and padding stay the block's. */
static struct lblock *
beside_copy(struct lay *L, const struct lblock *b, struct lblock *c, const struct lay_float *fv)
{
	if (c == b) {
		c = arena_alloc(L->at->arena, sizeof *c);
		*c = *b;
	}
	mpt pl = b->bw[SIDE_START] + b->pad[SIDE_START], pr = b->bw[SIDE_END] + b->pad[SIDE_END];
	struct lblock in = *c;
	in.x = c->x + pl;
	in.w = c->w - pl - pr;
	narrow(&in, fv);
	c->x = in.x - pl;
	c->w = in.w + pl + pr;
	return c;
}

struct lblock *
lay_float_beside(struct lay *L, struct lblock *b, mpt *rest, struct lblock **mid, mpt *rest2)
{
	struct lay_floats *fl = L->floats;
	*rest = *rest2 = 0;
	*mid = NULL;
	if (fl == NULL || L->measure)
		return b;
	struct lblock *c = b;
	mpt r[2] = { 0, 0 };
	for (int k = 0; k < 2; k++) {
		struct lay_side *s = &fl->side[k];
		/* a float in b's text, or one b begins beside when b narrows
		 * by lines (lines_only) */
		int beside = s->fv && s->fv->ctx == b && side_active(fl, s, b);
		if (!beside && s->fv && lines_only(b) && b->parent && side_active(fl, s, b->parent))
			beside = 1;
		if (!beside)
			continue;
		r[k] = s->fv->h - side_used(fl, s);
		if (r[k] <= 0)
			r[k] = 1;
		c = beside_copy(L, b, c, s->fv);
	}
	*rest = r[0] > r[1] ? r[0] : r[1];
	if (r[0] > 0 && r[1] > 0 && r[0] != r[1]) {
		/* a start and an end float: below the shorter the lines are
		 * narrowed on the taller one's side only */
		int t = r[0] > r[1] ? 0 : 1;
		*mid = beside_copy(L, b, b, fl->side[t].fv);
		*rest = r[1 - t];
		*rest2 = r[t];
	}
	return c;
}

void
lay_float_clear(struct lay *L, const struct fo_node *n, const struct lblock *ctx, struct vlist *vl)
{
	struct lay_floats *fl = L->floats;
	uint8_t clr = n->style->clear_side;   /* 1 start, 2 end, 3 both */
	if (fl == NULL || clr == 0 || vl != fl->flow || L->measure)
		return;
	mpt need = 0;
	for (int k = 0; k < 2; k++) {
		struct lay_side *s = &fl->side[k];
		if (!(clr & (k == 0 ? 1 : 2)) || !side_active(fl, s, ctx))
			continue;
		mpt rest = s->fv->h - side_used(fl, s);
		if (rest > need)
			need = rest;
	}
	if (need <= 0)
		return;
	/* the space that takes the block below the floats it clears, kept
	 * with what is beside them */
	struct vitem *v = vl_push(vl, V_SPACE, need);
	v->retain = 1;
	vl->space_at = SIZE_MAX;
	for (int k = 0; k < 2; k++)
		if (clr & (k == 0 ? 1 : 2))
			side_active(fl, &fl->side[k], ctx);   /* passed now */
}

void
lay_floats_flow_done(struct lay *L, struct lay_floats *fl, struct vlist *vl)
{
	if (vl->side_next) {
		/* a side float after the flow's last line: an empty line holds it */
		struct area *la = area_new(L->at, AREA_LINE, NULL);
		struct vitem *v = vl_push(vl, V_LINE, 0);
		v->line = la;
		v->brk_ok = (uint8_t)vl_boundary_ok(vl);
		if (vl->n >= 2)
			v->blk = vl->v[vl->n - 2].blk;
	}
	/* no page break beside a side float: its anchor line and what
	 * follows within its height stay on its page */
	for (size_t i = 0, k = 0; i < vl->n && k < fl->nsides; i++) {
		if (vl->v[i].side == NULL)
			continue;
		mpt h = 0;
		for (size_t j = i + 1; j < vl->n && h < vl->v[i].side->h; j++) {
			h = mpt_add(h, vl->v[j - 1].h, NULL);
			if (h < vl->v[i].side->h)
				vl->v[j].brk_ok = 0;
		}
		k++;
	}
	fl->side[0].fv = fl->side[1].fv = NULL;
}

void
lay_float_side_place(struct fill *f, struct lay_float *fv)
{
	struct lay *L = f->L;
	struct fill ff;
	lay_fill_init(&ff, L, &fv->vl, 0);
	ff.flow = f->flow;
	ff.page = f->page;
	ff.pagenum = f->pagenum;
	struct area *a = area_new(L->at, AREA_BLOCK, f->parent);
	a->name = "float";
	a->line = fv->fo->line;
	a->fo = fv->fo;
	a->background = 0xFFFFFFFFu;
	a->x = f->rx + (fv->side == 2 ? fv->x0 : fv->x0 + LAY_FLOAT_GAP);
	a->y = f->ry + f->y;
	a->w = fv->side == 2 ? fv->x1 - LAY_FLOAT_GAP - fv->x0 : fv->x1 - fv->x0 - LAY_FLOAT_GAP;
	lay_page_id(&ff, fv->fo->id, a->x, a->y);
	a->h = lay_fill_all(&ff, a, f->rx + fv->shift, f->ry + f->y, f->refw, LAY_INF);
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

/* Does the flow f, from a fresh page of ncol columns H tall, hold item a
 * (and all before it) in its first band of columns?  Anchors after a
 * span="all" block wait for the next page: a probe of its first band
 * only. */
static int
holds_cols(const struct fill *f, int ncol, mpt H, size_t a)
{
	const struct vlist *vl = f->vl;
	struct fill p = *f;
	size_t e = f->i;
	while (e < vl->n && vl->v[e].span == vl->v[f->i].span)
		e++;
	if (a >= e)
		return 0;
	if (vl->v[f->i].span) {   /* across the body: one column */
		struct cut c;
		p.band_end = e;
		probe(&p, H, &c);
		return c.h <= H && (a < c.end || (c.split && a == c.end));
	}
	int over;
	p.band_end = e;
	return a < lay_fill_probe_cols(&p, ncol, H, &over);
}

mpt
lay_floats_plan(struct lay *L, struct lay_floats *fl, struct fill *f, mpt H, int ncol)
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
		if (ncol > 1) {
			if (!holds_cols(f, ncol, H - t, a))
				break;
			top = t;
			continue;
		}
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
		struct vlist sv;
		struct fill sf;
		separator_list(L, fl->sep, w, &sv);
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
