/*
 * layout — measuring content widths for automatic table layout (CSS 2.1
 * §17.5.2.2): block content is laid out as usual, but lay_line.c hands
 * each paragraph's items to lay_measure_para instead of breaking lines, and
 * the least width (the widest piece between break opportunities) and the
 * natural width (the widest line between forced breaks) are gathered.
 */
#include <string.h>

#include "lay_int.h"

#define MEASURE_W  PT(100000)   /* reference width while measuring content */

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
		if (i + 1 < n)
			gap = text_autospace(&it[i], &it[i + 1]);
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

/* Measuring begins in m: the pass's diagnostics and change bars set aside. */
static void
measure_begin(struct lay *L, struct lay_measure *m, mpt refw)
{
	memset(m, 0, sizeof *m);
	m->refw = refw;
	m->outer = L->measure;
	m->d = L->d;
	diag_init(&m->quiet);
	memcpy(m->cbar, L->cbar, sizeof m->cbar);
	m->ncbar = L->ncbar;
	L->d = &m->quiet;
	L->measure = m;
}

/* Measuring in m ends: the pass as it was before measure_begin. */
static void
measure_end(struct lay *L, struct lay_measure *m)
{
	L->measure = m->outer;
	L->d = m->d;
	memcpy(L->cbar, m->cbar, sizeof m->cbar);
	L->ncbar = m->ncbar;
	diag_free(&m->quiet);
}

void
lay_measure_blocks(struct lay *L, const struct fo_node *n, mpt *min, mpt *max)
{
	struct lay_measure m;
	struct lblock *ctx = arena_alloc(L->at->arena, sizeof *ctx);
	struct vlist vl;

	measure_begin(L, &m, MEASURE_W);
	ctx->fo = n;
	ctx->w = MEASURE_W;
	memset(&vl, 0, sizeof vl);
	lay_blocks_in(L, n, ctx, &vl, MEASURE_W);
	vlist_free(&vl);
	measure_end(L, &m);
	*min = m.min;
	*max = m.max;
}
