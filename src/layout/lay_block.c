/*
 * layout — block-level FOs to a vertical list: space, border and padding,
 * lines, forced breaks, and where a page break is allowed (keeps, widows,
 * orphans).  XSL 1.1 §4.3 space resolution is simplified: adjacent spaces
 * with nothing but zero-height edges between them resolve to the largest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/limits.h"
#include "lay_int.h"

struct vitem *
vl_push(struct vlist *vl, enum vkind kind, mpt h)
{
	if (vl->n == vl->cap) {
		vl->cap = vl->cap ? vl->cap * 2 : 4;   /* small: every table cell has one */
		vl->v = xrealloc(vl->v, vl->cap * sizeof *vl->v);
	}
	struct vitem *v = &vl->v[vl->n++];
	memset(v, 0, sizeof *v);
	v->kind = (uint8_t)kind;
	v->h = h;
	if (kind == V_LINE && vl->side_next) {
		v->side = vl->side_next;   /* a side float stands at this line's top */
		vl->side_next = NULL;
	}
	/* a V_CLOSE after them: they stood at the end of its block */
	if (vl->pend && (kind == V_LINE || kind == V_OPEN || kind == V_CLOSE || kind == V_BOX)) {
		v->anchors = vl->pend;
		vl->pend = NULL;
	}
	return v;
}

/* The last item of vl that lands somewhere (not a space or break), or NULL. */
static struct vitem *
last_placed(struct vlist *vl)
{
	for (size_t k = vl->n; k-- > 0;) {
		struct vitem *v = &vl->v[k];
		if (v->kind == V_LINE || v->kind == V_OPEN || v->kind == V_CLOSE || v->kind == V_BOX)
			return v;
	}
	return NULL;
}

/*
 * An fo:index-range-end ends its range where the content before it ends:
 * with the last item pushed; other anchors (a range's begin, an empty FO
 * with an index-key) begin where the content after them does.
 */
void
lay_anchor_pend(struct lay *L, struct vlist *vl, const struct fo_node *n)
{
	struct lay_anchor *a = arena_alloc(L->at->arena, sizeof *a);
	a->fo = n;
	a->next = NULL;
	struct vitem *prev = n->type == FO_INDEX_RANGE_END ? last_placed(vl) : NULL;
	struct lay_anchor **t = prev ? &prev->anchors : &vl->pend;
	while (*t)
		t = &(*t)->next;
	*t = a;
}

/* Anchors left at the end of a list land with its last line or block end. */
void
lay_anchors_flush(struct vlist *vl)
{
	struct vitem *v = vl->pend ? last_placed(vl) : NULL;
	if (v == NULL)
		return;
	struct lay_anchor **t = &v->anchors;
	while (*t)
		t = &(*t)->next;
	*t = vl->pend;
	vl->pend = NULL;
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
		return v->kind == V_LINE || v->kind == V_CLOSE || v->kind == V_BREAK ||
		    v->kind == V_ROW || v->kind == V_BOX;
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
add_break(struct vlist *vl, uint8_t kind, int after)
{
	struct vitem *v = vl_push(vl, V_BREAK, 0);
	v->brk_kind = kind;
	v->brk_after = (uint8_t)after;
	v->brk_ok = 1;
	vl->space_at = SIZE_MAX;
}

mpt
lay_len(struct lay *L, struct fo_len len, mpt ref, const struct fo_node *n)
{
	mpt v = fo_len_resolve(len, ref);
	if (len.label_end == 0 && len.body_start == 0)
		return v;
	if (L->list == NULL) {
		char key[64];
		snprintf(key, sizeof key, "listfn:%d", n ? n->line : 0);
		diag_once(L->d, key, DIAG_WARNING, L->fo->file, n ? n->line : 0, 0,
		    "label-end() and body-start() mean something only inside an fo:list-item; "
		    "they are taken as 0 here");
		return v;
	}
	return v + len.label_end * L->list->label_end + len.body_start * L->list->body_start;
}

/*
 * Nested margins, borders and padding add up: the sums are saturated at
 * LIMIT_LENGTH_MAX (base mpt_add) and a block whose sums reach it is
 * reported once, so no position overflows.
 */
static void
too_deep(struct lay *L, const struct fo_node *n)
{
	char key[64];
	snprintf(key, sizeof key, "lensum:%d", n->line);
	diag_once(L->d, key, DIAG_WARNING, L->fo->file, n->line, 0,
	    "the margins, borders, padding and indents of fo:%s and its ancestors add up to "
	    "more than %dpt; they are cut there", fo_type_name(n->type), LIMIT_LENGTH_MAX / MPT_PER_PT);
}

/* The borders and padding of one side, cut so that with the ancestors' they
 * stay within LIMIT_LENGTH_MAX. */
static void
nest_side(struct lblock *b, int k, int side, mpt parent, int *over)
{
	mpt have = mpt_add(b->bw[side], b->pad[side], over);
	mpt sum = mpt_add(parent, have, over);
	if (sum - parent < have) {
		/* take the cut from the padding first, then the border */
		mpt cut = have - (sum - parent);
		mpt p = cut < b->pad[side] ? cut : b->pad[side];
		b->pad[side] -= p;
		b->bw[side] -= cut - p;
	}
	b->nest[k] = sum;
}

struct lblock *
lay_lblock_new(struct lay *L, const struct fo_node *n, struct lblock *ctx, mpt refw)
{
	const struct fo_style *st = n->style;
	struct lblock *b = arena_alloc(L->scratch, sizeof *b);
	mpt si, ei;
	int over = 0;

	b->fo = n;
	b->parent = ctx;
	for (int i = 0; i < 4; i++) {
		b->pad[i] = mpt_add(fo_len_resolve(st->padding[i], refw), 0, &over);
		b->bw[i] = st->border[i].width;
	}
	nest_side(b, 0, SIDE_BEFORE, ctx ? ctx->nest[0] : 0, &over);
	nest_side(b, 1, SIDE_AFTER, ctx ? ctx->nest[1] : 0, &over);
	/* XSL 1.1 §5.3.2: indents from margins, borders and padding */
	mpt pstart = mpt_add(ctx ? ctx->pad[SIDE_START] : 0, ctx ? ctx->bw[SIDE_START] : 0, &over);
	mpt pend = mpt_add(ctx ? ctx->pad[SIDE_END] : 0, ctx ? ctx->bw[SIDE_END] : 0, &over);
	mpt sbox = mpt_add(b->pad[SIDE_START], b->bw[SIDE_START], &over);
	mpt ebox = mpt_add(b->pad[SIDE_END], b->bw[SIDE_END], &over);
	mpt mstart = mpt_add(fo_len_resolve(st->margin[SIDE_START], refw), 0, &over);
	mpt mendm = mpt_add(fo_len_resolve(st->margin[SIDE_END], refw), 0, &over);
	mpt psi = ctx ? mpt_add(ctx->x, pstart, &over) : 0;
	mpt pei = ctx ? mpt_add(mpt_add(refw, -ctx->x, &over), mpt_add(-ctx->w, pend, &over), &over) : 0;
	if ((ctx == NULL || ctx->fo == NULL) && n->parent) {
		/* the top of a flow, static content or footnote body: the
		 * indents inherited from fo:flow, fo:page-sequence, fo:root
		 * (XSL 1.1 §5.3.2, §7.11.6; DocBook indents its body this way) */
		psi = mpt_add(psi, lay_len(L, n->parent->style->start_indent, refw, n), &over);
		pei = mpt_add(pei, lay_len(L, n->parent->style->end_indent, refw, n), &over);
	}
	if (st->start_indent_set)
		si = mpt_add(lay_len(L, st->start_indent, refw, n), 0, &over);
	else
		si = mpt_add(mpt_add(psi, mstart, &over), sbox, &over);
	if (st->end_indent_set) {
		ei = mpt_add(lay_len(L, st->end_indent, refw, n), 0, &over);
		/* measuring, a list label's end is the body's start: not room taken */
		b->mend = st->end_indent.label_end ? 0 : ei;
	} else {
		ei = mpt_add(mpt_add(pei, mendm, &over), ebox, &over);
		b->mend = mpt_add(mpt_add(ctx ? ctx->mend : 0, mendm, &over), ebox, &over);
	}
	b->x = si - sbox;
	b->w = refw - si - ei + sbox + ebox;
	if (!st->width.is_auto && (n->type == FO_BLOCK_CONTAINER || n->type == FO_TABLE))
		b->w = fo_len_resolve(st->width, refw);
	b->w = mpt_add(b->w, 0, &over);
	if (over)
		too_deep(L, n);
	if (b->w < sbox + ebox + 1000) {
		if (n->first)   /* an empty block (DocBook's in 0pt regions) loses nothing */
			diag_once(L->d, "narrow", DIAG_WARNING, L->fo->file, n->line, 0,
			    "fo:%s is narrower than its borders and padding; it is widened", fo_type_name(n->type));
		b->w = sbox + ebox + 1000;
	}
	b->keep_together = st->keep_together != KEEP_AUTO;
	b->retain = st->edge_retain;   /* its borders and padding on every page it is split over */
	lay_float_intrude(L, b, ctx);
	return b;
}

/* keep-with-previous: no break between this item (the last pushed) and
 * what comes before it: not before the item itself, nor at the spaces and
 * edges between it and the content before */
static void
keep_previous(struct vlist *vl)
{
	vl->v[vl->n - 1].brk_ok = 0;
	for (size_t k = vl->n - 1; k > 0; k--) {
		struct vitem *p = &vl->v[k - 1];
		if (p->kind == V_LINE || p->kind == V_CLOSE || p->kind == V_ROW || p->kind == V_BOX)
			break;
		if (p->kind != V_BREAK)
			p->brk_ok = 0;
	}
}

void
lay_block_push_open(struct lay *L, struct lblock *b, struct vlist *vl)
{
	const struct fo_style *st = b->fo->style;
	(void)L;
	if (st->break_before != BREAK_AUTO)
		add_break(vl, st->break_before, 0);
	add_space(vl, &st->space_before);

	int ok = vl_boundary_ok(vl);
	struct vitem *v = vl_push(vl, V_OPEN, b->bw[SIDE_BEFORE] + b->pad[SIDE_BEFORE]);
	v->brk_ok = (uint8_t)ok;
	v->blk = b;
	if (st->keep_with_previous != KEEP_AUTO)
		keep_previous(vl);
	if (v->h > 0)
		vl->space_at = SIZE_MAX;
	if (b->keep_together)
		vl->in_keep++;
}

void
lay_block_push_close(struct lay *L, struct lblock *b, struct vlist *vl)
{
	const struct fo_style *st = b->fo->style;
	(void)L;
	if (b->keep_together)
		vl->in_keep--;
	struct vitem *v = vl_push(vl, V_CLOSE, b->bw[SIDE_AFTER] + b->pad[SIDE_AFTER]);
	v->blk = b;
	if (v->h > 0)
		vl->space_at = SIZE_MAX;
	if (st->keep_with_next != KEEP_AUTO) {
		vl->keep_next = 1;
		/* nor at the spaces after its last content (a child's space-after):
		 * a break there is a break after this block */
		for (size_t k = vl->n - 1; k > 0; k--) {
			struct vitem *p = &vl->v[k - 1];
			if (p->kind == V_LINE || p->kind == V_ROW || p->kind == V_BOX || p->kind == V_OPEN)
				break;
			if (p->kind != V_BREAK)
				p->brk_ok = 0;
		}
	}
	add_space(vl, &st->space_after);
	if (st->break_after != BREAK_AUTO)
		add_break(vl, st->break_after, 1);
}

struct vitem *
lay_block_push_atom(struct lay *L, const struct fo_node *n, struct vlist *vl, enum vkind kind, mpt h)
{
	const struct fo_style *st = n->style;
	(void)L;
	if (st->break_before != BREAK_AUTO)
		add_break(vl, st->break_before, 0);
	add_space(vl, &st->space_before);
	int ok = vl_boundary_ok(vl);
	struct vitem *v = vl_push(vl, kind, h);
	v->brk_ok = (uint8_t)ok;
	if (st->keep_with_previous != KEEP_AUTO)
		keep_previous(vl);
	vl->space_at = SIZE_MAX;
	vl->keep_next = 0;
	return v;
}

/* After lay_block_push_atom and filling its item: keeps, space, break after. */
void
lay_block_atom_end(const struct fo_node *n, struct vlist *vl)
{
	const struct fo_style *st = n->style;
	if (st->keep_with_next != KEEP_AUTO)
		vl->keep_next = 1;
	add_space(vl, &st->space_after);
	if (st->break_after != BREAK_AUTO)
		add_break(vl, st->break_after, 1);
}

void
lay_vlist_freeze(struct lay *L, struct vlist *vl)
{
	struct vitem *v = NULL;
	if (vl->n) {
		v = arena_alloc(L->scratch, vl->n * sizeof *v);
		memcpy(v, vl->v, vl->n * sizeof *v);
	}
	free(vl->v);
	vl->v = v;
	vl->cap = vl->n;
}

static void block_level(struct lay *L, const struct fo_node *c, struct lblock *ctx,
    struct vlist *vl, mpt refw);

/*
 * The marker a retrieve-marker in a block brings, when its content has
 * block-level FOs (a list, a table): then it stands as blocks, not inline.
 */
const struct fo_node *
lay_retrieve_blocks(struct lay *L, const struct fo_node *c)
{
	if (c->type != FO_RETRIEVE_MARKER)
		return NULL;
	const struct fo_node *m = lay_retrieve(L, c);
	for (const struct fo_node *k = m ? m->first : NULL; k; k = k->next)
		if (lay_is_block_level(k))
			return m;
	return NULL;
}

/* The children of block n from first on: runs of inline content become
 * lines, block-level children blocks. */
static void
block_children(struct lay *L, const struct fo_node *n, const struct fo_node *first_child,
    struct lblock *b, struct vlist *vl, mpt refw, int *first)
{
	for (const struct fo_node *c = first_child; c; ) {
		const struct fo_node *m;
		if (lay_is_block_level(c)) {
			block_level(L, c, b, vl, refw);
			c = c->next;
			*first = 0;
			continue;
		}
		if ((m = lay_retrieve_blocks(L, c)) != NULL) {
			/* XSL 1.1 §6.13.6: the marker's children stand here */
			block_children(L, n, m->first, b, vl, refw, first);
			c = c->next;
			continue;
		}
		const struct fo_node *stop = lay_inlines(L, n, c, b, vl, *first);
		*first = 0;
		if (stop == c)
			c = c->next;  /* nothing consumed: skip */
		else
			c = stop;
	}
}

static void
lay_block(struct lay *L, const struct fo_node *n, struct lblock *ctx, struct vlist *vl, mpt refw)
{
	lay_float_clear(L, n, ctx, vl);
	struct lblock *b = lay_lblock_new(L, n, ctx, refw);
	int first = 1;

	lay_block_push_open(L, b, vl);
	block_children(L, n, n->first, b, vl, refw, &first);
	lay_block_push_close(L, b, vl);
}

int
lay_is_block_level(const struct fo_node *n)
{
	return n->type == FO_BLOCK || n->type == FO_BLOCK_CONTAINER || n->type == FO_TABLE ||
	    n->type == FO_LIST_BLOCK;
}

static void
block_level(struct lay *L, const struct fo_node *c, struct lblock *ctx, struct vlist *vl, mpt refw)
{
	if (L->flow && L->measure == NULL && L->flow_done < L->flow_total) {
		L->flow_done++;
		lay_progress(L, LAY_PROGRESS_TEXT);
	}
	if (c->type == FO_BLOCK) {
		if (!lay_float_take(L, c, ctx, vl, refw))
			lay_block(L, c, ctx, vl, refw);
	}
	else if (c->type == FO_BLOCK_CONTAINER)
		lay_container(L, c, ctx, vl, refw);
	else if (c->type == FO_TABLE)
		lay_table(L, c, ctx, vl, refw);
	else if (c->type == FO_LIST_BLOCK)
		lay_list(L, c, ctx, vl, refw);
}

/* A block-container that flows like a block (auto height, not rotated). */
void
lay_container_flow(struct lay *L, const struct fo_node *n, struct lblock *ctx, struct vlist *vl,
    mpt refw)
{
	lay_block(L, n, ctx, vl, refw);
}

/*
 * A child of a multi-column flow (L->span_w set): span="all" lays it out
 * across the columns, its items marked so that the page fill gives it a
 * band of its own (lay_page.c).  Spaces do not merge across the change.
 */
static void
flow_child(struct lay *L, const struct fo_node *c, struct lblock *ctx, struct vlist *vl, mpt refw)
{
	if (!c->style->span_all) {
		block_level(L, c, ctx, vl, refw);
		return;
	}
	struct lblock *wide = arena_alloc(L->at->arena, sizeof *wide);
	*wide = *ctx;
	wide->w = L->span_w;
	size_t n0 = vl->n;
	vl->space_at = SIZE_MAX;
	block_level(L, c, wide, vl, L->span_w);
	vl->space_at = SIZE_MAX;
	for (size_t k = n0; k < vl->n; k++)
		vl->v[k].span = 1;
}

void
lay_blocks(struct lay *L, const struct fo_node *parent, struct lblock *ctx, struct vlist *vl)
{
	lay_blocks_in(L, parent, ctx, vl, ctx->w);
}

void
lay_blocks_in(struct lay *L, const struct fo_node *parent, struct lblock *ctx, struct vlist *vl,
    mpt refw)
{
	vl->space_at = SIZE_MAX;
	for (const struct fo_node *c = parent->first; c; c = c->next) {
		switch (c->type) {
		case FO_BLOCK:
		case FO_BLOCK_CONTAINER:
		case FO_TABLE:
		case FO_LIST_BLOCK:
			if (L->span_w > 0 && parent->type == FO_FLOW)
				flow_child(L, c, ctx, vl, refw);
			else
				block_level(L, c, ctx, vl, refw);
			break;
		case FO_WRAPPER:
			lay_blocks_in(L, c, ctx, vl, refw);
			break;
		case FO_CHANGE_BAR_BEGIN:
		case FO_CHANGE_BAR_END:
			lay_change_bar(L, c);
			break;
		case FO_INDEX_RANGE_BEGIN:
		case FO_INDEX_RANGE_END:
			lay_anchor_pend(L, vl, c);
			break;
		case FO_INDEX_PAGE_CITATION_LIST: case FO_INDEX_KEY_REFERENCE:
		case FO_INDEX_PAGE_CITATION_LIST_SEPARATOR: case FO_INDEX_PAGE_CITATION_RANGE_SEPARATOR:
		case FO_INDEX_PAGE_NUMBER_PREFIX: case FO_INDEX_PAGE_NUMBER_SUFFIX:
			break;
		case FO_RETRIEVE_MARKER: {
			/* the retrieved marker's children stand here (XSL 1.1 §6.13.6) */
			const struct fo_node *m = lay_retrieve(L, c);
			if (m)
				lay_blocks_in(L, m, ctx, vl, refw);
			break;
		}
		case FO_MARKER: case FO_FOOTNOTE: case FO_FOOTNOTE_BODY:
		case FO_PAGE_SEQUENCE_MASTER: case FO_SINGLE_PAGE_MASTER_REFERENCE:
		case FO_REPEATABLE_PAGE_MASTER_REFERENCE: case FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES:
		case FO_CONDITIONAL_PAGE_MASTER_REFERENCE:
			break;
		case FO_TABLE_COLUMN: case FO_TABLE_HEADER: case FO_TABLE_FOOTER:
		case FO_TABLE_BODY: case FO_TABLE_ROW: case FO_TABLE_CELL:
		case FO_LIST_ITEM: case FO_LIST_ITEM_LABEL: case FO_LIST_ITEM_BODY:
		case FO_LEADER: case FO_INLINE_CONTAINER:
		case FO_ROOT: case FO_LAYOUT_MASTER_SET: case FO_SIMPLE_PAGE_MASTER:
		case FO_REGION_BODY: case FO_REGION_BEFORE: case FO_REGION_AFTER:
		case FO_REGION_START: case FO_REGION_END: case FO_DECLARATIONS:
		case FO_PAGE_SEQUENCE: case FO_TITLE: case FO_FLOW: case FO_STATIC_CONTENT:
		case FO_INLINE: case FO_CHARACTER: case FO_PAGE_NUMBER: case FO_TEXT:
		case FO_EXTERNAL_GRAPHIC: case FO_INSTREAM_FOREIGN_OBJECT:
		case FO_PAGE_NUMBER_CITATION: case FO_PAGE_NUMBER_CITATION_LAST: case FO_BASIC_LINK:
		case FO_BOOKMARK_TREE: case FO_BOOKMARK: case FO_BOOKMARK_TITLE:
		case FO__MAX:
			break;
		}
	}
	if (parent->type == FO_FLOW || parent->type == FO_STATIC_CONTENT)
		lay_anchors_flush(vl);
}

void
lay_notes_gather(struct lay *L, struct vitem *v, const struct vlist *vl)
{
	int n = v->nnotes;
	for (size_t i = 0; i < vl->n; i++)
		n += vl->v[i].nnotes;
	if (n == v->nnotes)
		return;
	const struct fo_node **all = arena_alloc(L->at->arena, (size_t)n * sizeof *all);
	int k = 0;
	for (int i = 0; i < v->nnotes; i++)
		all[k++] = v->notes[i];
	for (size_t i = 0; i < vl->n; i++)
		for (int j = 0; j < vl->v[i].nnotes; j++)
			all[k++] = vl->v[i].notes[j];
	v->notes = all;
	v->nnotes = k;
}
