/*
 * layout — block-level FOs to a vertical list: space, border and padding,
 * lines, forced breaks, and where a page break is allowed (keeps, widows,
 * orphans).  XSL 1.1 §4.3 space resolution is simplified: adjacent spaces
 * with nothing but zero-height edges between them resolve to the largest.
 */
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"

struct vitem *
vl_push(struct vlist *vl, enum vkind kind, mpt h)
{
	if (vl->n == vl->cap) {
		vl->cap = vl->cap ? vl->cap * 2 : 256;
		vl->v = xrealloc(vl->v, vl->cap * sizeof *vl->v);
	}
	struct vitem *v = &vl->v[vl->n++];
	memset(v, 0, sizeof *v);
	v->kind = (uint8_t)kind;
	v->h = h;
	return v;
}

void
vlist_free(struct vlist *vl)
{
	free(vl->v);
	memset(vl, 0, sizeof *vl);
}

int
vl_boundary_ok(const struct vlist *vl)
{
	if (vl->n == 0 || vl->in_keep || vl->keep_next)
		return 0;
	/* after content, or after space that follows content */
	for (size_t k = vl->n; k > 0; k--) {
		const struct vitem *v = &vl->v[k - 1];
		if (v->kind == V_SPACE)
			continue;
		return v->kind == V_LINE || v->kind == V_CLOSE || v->kind == V_BREAK;
	}
	return 0;
}

static void
add_space(struct vlist *vl, const struct fo_space *sp)
{
	if (sp->opt <= 0 && !sp->retain)
		return;
	if (vl->space_at != SIZE_MAX && vl->space_at < vl->n) {
		struct vitem *v = &vl->v[vl->space_at];
		if (sp->opt > v->h)
			v->h = sp->opt;
		v->retain |= sp->retain;
		return;
	}
	int ok = vl_boundary_ok(vl);
	struct vitem *v = vl_push(vl, V_SPACE, sp->opt > 0 ? sp->opt : 0);
	v->brk_ok = (uint8_t)ok;
	v->retain = sp->retain;
	vl->space_at = vl->n - 1;
}

static void
add_break(struct vlist *vl, uint8_t kind)
{
	struct vitem *v = vl_push(vl, V_BREAK, 0);
	v->brk_kind = kind;
	v->brk_ok = 1;
	vl->space_at = SIZE_MAX;
}

static void
lay_block(struct lay *L, const struct fo_node *n, struct lblock *ctx, struct vlist *vl, mpt refw)
{
	const struct fo_style *st = n->style;
	struct lblock *b = arena_alloc(L->at->arena, sizeof *b);
	mpt si, ei;

	b->fo = n;
	b->parent = ctx;
	for (int i = 0; i < 4; i++) {
		b->pad[i] = fo_len_resolve(st->padding[i], refw);
		b->bw[i] = st->border[i].width;
	}
	/* XSL 1.1 §5.3.2: indents from margins, borders and padding */
	mpt psi = ctx ? ctx->x + ctx->pad[SIDE_START] + ctx->bw[SIDE_START] : 0;
	mpt pei = ctx ? refw - (ctx->x + ctx->w) + ctx->pad[SIDE_END] + ctx->bw[SIDE_END] : 0;
	if (st->start_indent_set)
		si = fo_len_resolve(st->start_indent, refw);
	else
		si = psi + fo_len_resolve(st->margin[SIDE_START], refw) + b->pad[SIDE_START] + b->bw[SIDE_START];
	if (st->end_indent_set)
		ei = fo_len_resolve(st->end_indent, refw);
	else
		ei = pei + fo_len_resolve(st->margin[SIDE_END], refw) + b->pad[SIDE_END] + b->bw[SIDE_END];
	b->x = si - b->pad[SIDE_START] - b->bw[SIDE_START];
	b->w = refw - si - ei + b->pad[SIDE_START] + b->bw[SIDE_START] + b->pad[SIDE_END] + b->bw[SIDE_END];
	if (!st->width.is_auto && n->type == FO_BLOCK_CONTAINER)
		b->w = fo_len_resolve(st->width, refw);
	if (b->w < b->pad[SIDE_START] + b->pad[SIDE_END] + b->bw[SIDE_START] + b->bw[SIDE_END] + 1000) {
		diag_once(L->d, "narrow", DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:%s is narrower than its borders and padding; it is widened", fo_type_name(n->type));
		b->w = b->pad[SIDE_START] + b->pad[SIDE_END] + b->bw[SIDE_START] + b->bw[SIDE_END] + 1000;
	}
	b->keep_together = st->keep_together != KEEP_AUTO;

	if (st->break_before != BREAK_AUTO)
		add_break(vl, st->break_before);
	add_space(vl, &st->space_before);

	int ok = vl_boundary_ok(vl);
	struct vitem *v = vl_push(vl, V_OPEN, b->bw[SIDE_BEFORE] + b->pad[SIDE_BEFORE]);
	v->brk_ok = (uint8_t)ok;
	v->blk = b;
	if (st->keep_with_previous != KEEP_AUTO) {
		/* no break between this block and what comes before it */
		for (size_t k = vl->n; k > 0; k--) {
			struct vitem *p = &vl->v[k - 1];
			if (p->kind == V_LINE || p->kind == V_CLOSE)
				break;
			if (p->kind != V_BREAK)
				p->brk_ok = 0;
		}
	}
	if (v->h > 0)
		vl->space_at = SIZE_MAX;
	if (b->keep_together)
		vl->in_keep++;

	int first = 1;
	for (const struct fo_node *c = n->first; c; ) {
		if (c->type == FO_BLOCK || c->type == FO_BLOCK_CONTAINER) {
			lay_block(L, c, b, vl, refw);
			c = c->next;
			first = 0;
			continue;
		}
		const struct fo_node *stop = lay_inlines(L, n, c, b, vl, first);
		first = 0;
		if (stop == c)
			c = c->next;  /* nothing consumed: skip */
		else
			c = stop;
	}

	if (b->keep_together)
		vl->in_keep--;
	v = vl_push(vl, V_CLOSE, b->bw[SIDE_AFTER] + b->pad[SIDE_AFTER]);
	v->blk = b;
	if (v->h > 0)
		vl->space_at = SIZE_MAX;
	if (st->keep_with_next != KEEP_AUTO)
		vl->keep_next = 1;
	add_space(vl, &st->space_after);
	if (st->break_after != BREAK_AUTO)
		add_break(vl, st->break_after);
}

void
lay_blocks(struct lay *L, const struct fo_node *parent, struct lblock *ctx, struct vlist *vl)
{
	mpt refw = ctx->w;
	vl->space_at = SIZE_MAX;
	for (const struct fo_node *c = parent->first; c; c = c->next) {
		switch (c->type) {
		case FO_BLOCK:
		case FO_BLOCK_CONTAINER:
			lay_block(L, c, ctx, vl, refw);
			break;
		case FO_WRAPPER:
			lay_blocks(L, c, ctx, vl);
			break;
		case FO_ROOT: case FO_LAYOUT_MASTER_SET: case FO_SIMPLE_PAGE_MASTER:
		case FO_REGION_BODY: case FO_REGION_BEFORE: case FO_REGION_AFTER:
		case FO_REGION_START: case FO_REGION_END: case FO_DECLARATIONS:
		case FO_PAGE_SEQUENCE: case FO_TITLE: case FO_FLOW: case FO_STATIC_CONTENT:
		case FO_INLINE: case FO_CHARACTER: case FO_PAGE_NUMBER: case FO_TEXT:
		case FO__MAX:
			break;
		}
	}
}
