/*
 * fo — the invariants of a built FO tree, asserted (STYLE.md): the links
 * between nodes agree, every element has a style, and every computed value
 * is within the range the FO stage promises layout.  Compiled in debug and
 * ASan builds; with NDEBUG (release) fo_check does nothing.
 */
#include <assert.h>

#include "../base/limits.h"
#include "fo_int.h"

#ifndef NDEBUG
static void
check_len(struct fo_len l)
{
	assert(l.abs >= -LIMIT_LENGTH_MAX && l.abs <= LIMIT_LENGTH_MAX);
	assert(l.is_auto <= 1);
}

static void
check_style(const struct fo_style *s)
{
	assert(s->font_family != NULL && s->font_family[0] != '\0');
	/* 0 is allowed: the usual way to take the line strut away around an image */
	assert(s->font_size == 0 ||
	    (s->font_size >= LIMIT_FONT_SIZE_MIN && s->font_size <= LIMIT_FONT_SIZE_MAX));
	assert(s->font_weight >= 100 && s->font_weight <= 900);
	assert(s->line_height >= 0 && s->line_height <= LIMIT_LENGTH_MAX);
	assert(s->lh_factor >= 0 && s->lh_factor <= LIMIT_LINE_HEIGHT_FACTOR);
	assert(s->text_align <= ALIGN_JUSTIFY && s->text_align_last <= ALIGN_RELATIVE);
	assert(s->widows >= 0 && s->orphans >= 0);  /* 0: no constraint */
	for (int i = 0; i < 4; i++) {
		assert(s->border[i].style <= BORDER_DOUBLE);
		assert(s->border[i].width >= 0 && s->border[i].width <= LIMIT_LENGTH_MAX);
		assert(s->border[i].style != BORDER_NONE || s->border[i].width == 0);
		assert(s->padding[i].abs >= 0);
		check_len(s->margin[i]);
		check_len(s->padding[i]);
	}
	check_len(s->start_indent);
	check_len(s->end_indent);
	check_len(s->text_indent);
	assert(s->cols_repeated >= 1 && s->cols_spanned >= 1 && s->rows_spanned >= 1);
	assert(s->column_number >= 0);
	assert(s->border_sep[0] >= 0 && s->border_sep[1] >= 0);
	assert(s->extent >= 0 && s->rule_thickness >= 0);
	assert(s->ref_orient % 90 == 0 && s->ref_orient >= 0 && s->ref_orient < 360);
	assert(s->ipn_kind <= IPN_NUMBER);
	assert(s->ipn_kind != IPN_NUMBER || (s->ipn >= 1 && s->ipn <= LIMIT_PAGE_NUMBER));
	assert(s->force_page_count <= FPC_NO_FORCE && s->page_position <= PAGEPOS_ONLY);
	assert(s->max_repeats >= -1);
	assert(s->cbar_width >= 0 && s->cbar_style <= BORDER_DOUBLE);
	assert(s->content_mode[0] <= CONTENT_LENGTH && s->content_mode[1] <= CONTENT_LENGTH);
}

static void
check_node(const struct fo_node *n, int depth)
{
	assert(n->type < FO__MAX);
	assert(depth <= 4 * LIMIT_DEPTH);   /* the builder stops at LIMIT_DEPTH elements */
	assert((n->first == NULL) == (n->last == NULL));
	if (n->type == FO_TEXT) {
		assert(n->first == NULL);
		assert(n->text != NULL || n->textlen == 0);
	} else {
		assert(n->style != NULL);
		check_style(n->style);
	}
	const struct fo_node *last = NULL;
	for (const struct fo_node *c = n->first; c; c = c->next) {
		assert(c->parent == n);
		check_node(c, depth + 1);
		last = c;
	}
	assert(last == n->last);
}
#endif

void
fo_check(const struct fo_tree *t)
{
#ifndef NDEBUG
	assert(t != NULL && t->root != NULL && t->arena != NULL);
	assert(t->root->type == FO_ROOT && t->root->parent == NULL);
	check_node(t->root, 0);
#else
	(void)t;
#endif
}
