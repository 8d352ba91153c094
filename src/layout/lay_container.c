/*
 * layout — fo:block-container and the box of fo:inline-container.
 *
 * A block-container with auto height and no rotation flows like a block
 * (it may break across pages).  One with a height, a reference-orientation
 * or absolute-position is laid out whole into a box (lay_box_build) that
 * goes into the vertical list as one V_BOX item; an absolutely positioned
 * one takes no room in the flow and is placed at top/left/bottom/right of
 * the containing reference area (absolute) or of the page (fixed).
 *
 * Rotation (reference-orientation 90, 180, 270, XSL 1.1 §7.21.3): the
 * content is laid out in its own frame, inline direction along the frame's
 * x, and then every area is mapped into page coordinates; runs get a text
 * matrix, borders change sides.  The area tree stays in page space, so
 * what the dump says is where things are on the paper.
 *
 *    frame (0°)          90°: frame x runs up the page, frame y to the right
 *   ┌────────┐           ┌──┐
 *   │abc     │           │c │
 *   │def     │           │b │   page x = A.x + fy
 *   └────────┘           │a │   page y = A.y + A.h - fx
 *                        └──┘
 *
 * width and height are the border box's (as folio's blocks, tables and
 * flowing containers have them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"

/* The content rectangle a frame maps to, in the box's coordinates. */
struct frame {
	mpt x, y, w, h;   /* page orientation */
	int o;            /* 90, 180 or 270 */
};

static void
map_pt(const struct frame *A, mpt fx, mpt fy, mpt *px, mpt *py)
{
	fx -= A->x;
	fy -= A->y;
	switch (A->o) {
	case 90:
		*px = A->x + fy;
		*py = A->y + A->h - fx;
		break;
	case 180:
		*px = A->x + A->w - fx;
		*py = A->y + A->h - fy;
		break;
	default:   /* 270 */
		*px = A->x + A->w - fy;
		*py = A->y + fx;
		break;
	}
}

/* Page side a frame side lands on. */
static int
map_side(int o, int side)
{
	static const int t90[4] = { SIDE_START, SIDE_END, SIDE_AFTER, SIDE_BEFORE };
	static const int t180[4] = { SIDE_AFTER, SIDE_BEFORE, SIDE_END, SIDE_START };
	static const int t270[4] = { SIDE_END, SIDE_START, SIDE_BEFORE, SIDE_AFTER };
	return o == 90 ? t90[side] : o == 180 ? t180[side] : t270[side];
}

/* Rotation matrix ×65536 in page space (y down), composed with m. */
static void
rotate_matrix(int o, int32_t m[4], int had)
{
	int32_t r[4];
	if (o == 90) {
		r[0] = 0; r[1] = -65536; r[2] = 65536; r[3] = 0;
	} else if (o == 180) {
		r[0] = -65536; r[1] = 0; r[2] = 0; r[3] = -65536;
	} else {
		r[0] = 0; r[1] = 65536; r[2] = -65536; r[3] = 0;
	}
	if (!had) {
		memcpy(m, r, sizeof r);
		return;
	}
	/* columns (a b) and (c d) are the images of x and y: R·M */
	int64_t a = ((int64_t)r[0] * m[0] + (int64_t)r[2] * m[1]) / 65536;
	int64_t b = ((int64_t)r[1] * m[0] + (int64_t)r[3] * m[1]) / 65536;
	int64_t c = ((int64_t)r[0] * m[2] + (int64_t)r[2] * m[3]) / 65536;
	int64_t d = ((int64_t)r[1] * m[2] + (int64_t)r[3] * m[3]) / 65536;
	m[0] = (int32_t)a;
	m[1] = (int32_t)b;
	m[2] = (int32_t)c;
	m[3] = (int32_t)d;
}

/* Map a frame's areas into page space. */
static void
bake(struct area *a, const struct frame *A)
{
	for (; a; a = a->next) {
		mpt x0, y0, x1, y1;
		map_pt(A, a->x, a->y, &x0, &y0);
		map_pt(A, a->x + a->w, a->y + a->h, &x1, &y1);
		if (a->kind == AREA_RUN) {
			mpt ox, oy;
			map_pt(A, a->x, a->baseline, &ox, &oy);
			rotate_matrix(A->o, a->matrix, a->has_matrix);
			a->has_matrix = 1;
			a->x = ox;
			a->baseline = oy;
			a->y = y0 < y1 ? y0 : y1;
		} else {
			if (a->kind == AREA_LINE) {
				mpt bx, by;
				map_pt(A, a->x, a->baseline, &bx, &by);
				a->baseline = by;
			}
			if (a->kind == AREA_BLOCK || a->kind == AREA_REGION) {
				struct area_border b[4];
				memcpy(b, a->border, sizeof b);
				for (int s = 0; s < 4; s++)
					a->border[map_side(A->o, s)] = b[s];
			}
			if (a->kind == AREA_RULE && A->o != 180) {
				/* a rule across the page becomes a filled box along it */
				a->kind = AREA_BLOCK;
				a->background = a->color;
				mpt t = a->thickness;
				map_pt(A, a->x, a->y, &x0, &y0);
				map_pt(A, a->x + a->w, a->y + t, &x1, &y1);
			}
			a->x = x0 < x1 ? x0 : x1;
			a->y = y0 < y1 ? y0 : y1;
			a->w = x0 < x1 ? x1 - x0 : x0 - x1;
			a->h = y0 < y1 ? y1 - y0 : y0 - y1;
		}
		bake(a->first, A);
	}
}

/* ---------------------------------------------------------------- boxes */

struct area *
lay_box_content(struct lay *L, const struct fo_node *n, mpt cw, mpt ch, mpt *used)
{
	struct lblock *ctx = arena_alloc(L->at->arena, sizeof *ctx);
	struct vlist vl;
	struct fill f;
	struct area *frame = area_new(L->at, AREA_BLOCK, NULL);

	/* laid out for real even while an enclosing table is being measured */
	struct lay_measure *measuring = L->measure;
	L->measure = NULL;
	ctx->fo = n;
	ctx->w = cw;
	memset(&vl, 0, sizeof vl);
	lay_blocks_in(L, n, ctx, &vl, cw);
	lay_fill_init(&f, L, &vl, 0);
	*used = lay_fill_all(&f, frame, 0, 0, cw, ch);
	struct vitem notes;
	memset(&notes, 0, sizeof notes);
	lay_notes_gather(L, &notes, &vl);
	L->box_notes = notes.notes;
	L->nbox_notes = notes.nnotes;
	vlist_free(&vl);
	L->measure = measuring;
	frame->w = cw;
	frame->h = ch == LAY_INF ? *used : ch;
	return frame;
}

/* The baseline of the box's last line, from its top; -1 if it has none. */
static mpt
last_baseline(const struct area *a)
{
	mpt b = -1;
	for (const struct area *c = a->first; c; c = c->next) {
		if (c->kind == AREA_LINE)
			b = c->baseline;
		else if (c->kind != AREA_RUN) {
			mpt k = last_baseline(c);
			if (k >= 0)
				b = k;
		}
	}
	return b;
}

/*
 * The area of container n: border box W × H (H LAY_INF: auto), width given
 * or not (auto matters when rotated).  *baseline: last line's baseline.
 */
static struct area *
box_build(struct lay *L, const struct fo_node *n, mpt W, mpt H, int w_auto, mpt *baseline)
{
	const struct fo_style *st = n->style;
	mpt pad[4], bw[4];
	for (int s = 0; s < 4; s++) {
		pad[s] = fo_len_resolve(st->padding[s], W);
		bw[s] = st->border[s].width;
	}
	mpt hx = pad[SIDE_START] + pad[SIDE_END] + bw[SIDE_START] + bw[SIDE_END];
	mpt vx = pad[SIDE_BEFORE] + pad[SIDE_AFTER] + bw[SIDE_BEFORE] + bw[SIDE_AFTER];
	int o = st->ref_orient, turned = o == 90 || o == 270;
	mpt cwp = W - hx > 1000 ? W - hx : 1000;
	mpt chp = H == LAY_INF ? LAY_INF : (H - vx > 0 ? H - vx : 0);
	mpt fw = cwp, fh = chp;
	if (turned) {
		if (chp == LAY_INF) {
			char key[64];
			snprintf(key, sizeof key, "rotnoh:%d", n->line);
			diag_once(L->d, key, DIAG_WARNING, L->fo->file, n->line, 0,
			    "fo:%s with reference-orientation=\"%d\" has no height; its width is used "
			    "for the length of its lines", fo_type_name(n->type), o);
			fw = cwp;
		} else {
			fw = chp;
		}
		fh = w_auto ? LAY_INF : cwp;
	}
	mpt used;
	struct area *frame = lay_box_content(L, n, fw, fh, &used);
	mpt FH = fh == LAY_INF ? used : fh;
	if (fh != LAY_INF && used > fh) {
		char key[64];
		snprintf(key, sizeof key, "overflow:%d", n->line);
		diag_once(L->d, key, DIAG_WARNING, L->fo->file, n->line, 0,
		    "the content of fo:%s is %.1fpt tall but it has room for %.1fpt; it %s",
		    fo_type_name(n->type), used / 1000.0, fh / 1000.0,
		    st->overflow_hidden ? "is clipped" : "overflows");
	}
	if (used < FH && st->display_align != 0) {
		mpt dy = st->display_align == 1 ? (FH - used) / 2 : FH - used;
		for (struct area *c = frame->first; c; c = c->next)
			lay_translate(c, 0, dy);
	}
	struct area *box = area_new(L->at, AREA_BLOCK, NULL);
	box->name = fo_type_name(n->type);
	box->line = n->line;
	box->fo = n;
	box->background = st->background;
	for (int s = 0; s < 4; s++) {
		box->border[s].style = st->border[s].style;
		box->border[s].width = bw[s];
		box->border[s].color = st->border[s].color;
	}
	struct frame A = { bw[SIDE_START] + pad[SIDE_START], bw[SIDE_BEFORE] + pad[SIDE_BEFORE],
		turned ? FH : fw, turned ? fw : FH, o };
	box->w = A.w + hx;
	box->h = A.h + vx;
	for (struct area *c = frame->first; c; c = c->next)
		lay_translate(c, A.x, A.y);
	*baseline = o == 0 ? last_baseline(frame) : -1;
	if (o != 0)
		bake(frame->first, &A);
	struct area *holder = box;
	if (st->overflow_hidden) {
		holder = area_new(L->at, AREA_VIEWPORT, box);
		holder->x = A.x;
		holder->y = A.y;
		holder->w = A.w;
		holder->h = A.h;
		holder->clip = 1;
	}
	for (struct area *c = frame->first, *next; c; c = next) {
		next = c->next;
		area_append(holder, c);
	}
	return box;
}

struct area *
lay_box_build(struct lay *L, const struct fo_node *n, mpt W, mpt H, int w_auto, mpt *baseline)
{
	return box_build(L, n, W, H, w_auto, baseline);
}

/* ---------------------------------------------------------------- in the flow */

/* absolute-position="absolute" or "fixed": out of the flow, placed later. */
static void
positioned(struct lay *L, const struct fo_node *n, struct lblock *ctx, struct vlist *vl, mpt refw)
{
	const struct fo_style *st = n->style;
	int fixed = st->abs_pos == ABSPOS_FIXED;
	mpt rw = fixed ? L->page_w : refw, rh = fixed ? L->page_h : L->body_h;
	if (L->measure)
		return;
	struct lblock *b = lay_lblock_new(L, n, ctx, refw);
	mpt left = st->pos[SIDE_START].is_auto ? 0 : fo_len_resolve(st->pos[SIDE_START], rw);
	mpt right = st->pos[SIDE_END].is_auto ? 0 : fo_len_resolve(st->pos[SIDE_END], rw);
	mpt top = fo_len_resolve(st->pos[SIDE_BEFORE], rh);
	mpt bottom = fo_len_resolve(st->pos[SIDE_AFTER], rh);
	mpt W = !st->width.is_auto ? fo_len_resolve(st->width, rw) : rw - left - right;
	mpt H = LAY_INF;
	if (!st->height.is_auto)
		H = fo_len_resolve(st->height, rh);
	else if (!st->pos[SIDE_BEFORE].is_auto && !st->pos[SIDE_AFTER].is_auto)
		H = rh - top - bottom;
	if (W < 1000)
		W = 1000;
	mpt base;
	struct area *a = box_build(L, n, W, H, st->width.is_auto, &base);
	struct vitem *v = vl_push(vl, V_BOX, 0);
	v->line = a;
	v->blk = b;
	v->abs = st->abs_pos;
	v->notes = L->box_notes;
	v->nnotes = L->nbox_notes;
}

void
lay_container(struct lay *L, const struct fo_node *n, struct lblock *ctx, struct vlist *vl, mpt refw)
{
	const struct fo_style *st = n->style;
	if (st->abs_pos != ABSPOS_AUTO) {
		positioned(L, n, ctx, vl, refw);
		return;
	}
	if (st->height.is_auto && st->ref_orient == 0) {
		lay_container_flow(L, n, ctx, vl, refw);
		return;
	}
	struct lblock *b = lay_lblock_new(L, n, ctx, refw);
	if (L->measure) {
		mpt edges = b->pad[SIDE_START] + b->pad[SIDE_END] + b->bw[SIDE_START] + b->bw[SIDE_END];
		mpt mn = b->w - edges, mx = b->w - edges;
		if (st->width.is_auto)
			lay_measure_blocks(L, n, &mn, &mx);
		lay_measure_add(L, b, mn, mx);
		return;
	}
	mpt H = st->height.is_auto ? LAY_INF : fo_len_resolve(st->height, L->body_h);
	mpt base;
	struct area *a = box_build(L, n, b->w, H, st->width.is_auto, &base);
	struct vitem *v = lay_block_push_atom(L, n, vl, V_BOX, a->h);
	v->line = a;
	v->blk = b;
	v->notes = L->box_notes;
	v->nnotes = L->nbox_notes;
	lay_block_atom_end(n, vl);
}

void
lay_box_place(struct fill *f, const struct vitem *v)
{
	struct lay *L = f->L;
	struct area *a = v->line;
	const struct fo_style *st = v->blk->fo->style;
	mpt x, y;

	if (v->abs == ABSPOS_AUTO) {
		x = f->rx + v->blk->x;
		y = f->ry + f->y;
		f->y += v->h;
	} else {
		int fixed = v->abs == ABSPOS_FIXED;
		mpt rx = fixed ? 0 : f->rx, ry = fixed ? 0 : f->ry;
		mpt rw = fixed ? L->page_w : f->refw, rh = fixed ? L->page_h : f->refh;
		if (rh >= LAY_INF)
			rh = L->body_h;
		if (!st->pos[SIDE_START].is_auto)
			x = rx + fo_len_resolve(st->pos[SIDE_START], rw);
		else if (!st->pos[SIDE_END].is_auto)
			x = rx + rw - fo_len_resolve(st->pos[SIDE_END], rw) - a->w;
		else
			x = f->rx + v->blk->x;
		if (!st->pos[SIDE_BEFORE].is_auto)
			y = ry + fo_len_resolve(st->pos[SIDE_BEFORE], rh);
		else if (!st->pos[SIDE_AFTER].is_auto)
			y = ry + rh - fo_len_resolve(st->pos[SIDE_AFTER], rh) - a->h;
		else
			y = f->ry + f->y;
	}
	lay_translate(a, x - a->x, y - a->y);
	area_append(lay_fill_parent(f), a);
	lay_page_box(f, a, v->blk->fo);
	if (f->flow && f->page)
		lay_mark_tree(L, v->blk->fo);   /* its content was laid out before the page */
}
