/*
 * layout — fo:retrieve-table-marker (XSL 1.1 §6.13.7): in a table's header
 * or footer, the content of a marker of the table's body rows on the page
 * where that header or footer is drawn.  Headers and footers are laid out
 * once, before the pages (lay_table.c), with nothing retrieved; once every
 * page of a pass is made, the cells of each header and footer drawn that
 * hold a retrieve-table-marker are laid out again with the markers of
 * their page and their content replaced, at the same place.  The cell
 * keeps the height it had (as in FOP: the marker must not change it); what
 * is taller overflows the cell with a warning.
 */
#include <stdio.h>
#include <string.h>

#include "lay_int.h"

int
lay_is_table_marker(const struct fo_node *n)
{
	const char *name = n->type == FO_RETRIEVE_MARKER ? fo_node_name(n) : NULL;
	return name && strcmp(name, "retrieve-table-marker") == 0;
}

/* Does the subtree of n hold a retrieve-table-marker? */
static int
holds_table_marker(const struct fo_node *n)
{
	if (lay_is_table_marker(n))
		return 1;
	for (const struct fo_node *c = n->first; c; c = c->next)
		if (holds_table_marker(c))
			return 1;
	return 0;
}

/* The table whose header or footer holds cell n, or NULL. */
static const struct fo_node *
head_or_foot_table(const struct fo_node *n)
{
	const struct fo_node *p = n->parent;
	while (p && p->type == FO_TABLE_ROW)
		p = p->parent;
	if (p && (p->type == FO_TABLE_HEADER || p->type == FO_TABLE_FOOTER))
		return p->parent;
	return NULL;
}

/* Is marker m in table t's body (not in its header or footer)? */
static int
in_body(const struct fo_node *m, const struct fo_node *t)
{
	for (const struct fo_node *p = m->parent; p; p = p->parent) {
		if (p == t)
			return 1;
		if (p->type == FO_TABLE_HEADER || p->type == FO_TABLE_FOOTER || p->type == FO_TABLE)
			return 0;
	}
	return 0;
}

const struct fo_node *
lay_retrieve_table(struct lay *L, const struct fo_node *rm)
{
	const struct fo_node *t = L->rtm_table;
	const char *cls = rm->ref;
	if (t == NULL) {
		const struct fo_node *p = rm->parent;
		while (p && p->type != FO_TABLE_HEADER && p->type != FO_TABLE_FOOTER)
			p = p->parent;
		if (p == NULL)
			diag_once(L->d, "rtm-where", DIAG_WARNING, L->fo->file, rm->line, 0,
			    "fo:retrieve-table-marker outside fo:table-header and fo:table-footer retrieves nothing");
		return NULL;   /* a header or footer laid out before the pages: nothing yet */
	}
	if (cls == NULL)
		return NULL;
	uint8_t pos = rm->style->rtm_pos;
	int first = pos == RETRIEVE_FIRST_STARTING || pos == RETRIEVE_FIRST_CARRYOVER;
	const struct fo_node *hit = NULL, *carried = NULL;
	for (size_t i = 0; i < L->nmarks; i++) {
		const struct lay_mark *m = &L->marks[i];
		if (m->page != L->rtm_page || strcmp(m->cls, cls) != 0 || !in_body(m->marker, t))
			continue;
		if (m->kind == MARK_CARRY) {
			if (carried == NULL)
				carried = m->marker;
			continue;
		}
		if (m->kind != (pos == RETRIEVE_LAST_ENDING ? MARK_END : MARK_START))
			continue;
		hit = m->marker;
		if (first)
			break;
	}
	if (pos == RETRIEVE_FIRST_CARRYOVER && carried)
		hit = carried;
	if (hit == NULL && pos == RETRIEVE_LAST_ENDING)
		/* no row ends on the page: the last that starts on it */
		for (size_t i = 0; i < L->nmarks; i++) {
			const struct lay_mark *m = &L->marks[i];
			if (m->page == L->rtm_page && m->kind == MARK_START && strcmp(m->cls, cls) == 0 &&
			    in_body(m->marker, t))
				hit = m->marker;
		}
	/* boundary table: the last one of an earlier page of the table */
	if (hit == NULL && rm->style->rtm_bnd == 0)
		for (size_t i = L->nmarks; i > 0 && hit == NULL; i--) {
			const struct lay_mark *m = &L->marks[i - 1];
			if (m->page < L->rtm_page && m->kind == MARK_START && strcmp(m->cls, cls) == 0 &&
			    in_body(m->marker, t))
				hit = m->marker;
		}
	return hit && rm->parent ? fo_marker_restyle(L->fo, hit, rm->parent->style) : hit;
}

/* The first block area in a's subtree, or NULL. */
static const struct area *
first_block(const struct area *a)
{
	for (const struct area *c = a->first; c; c = c->next)
		if (c->kind == AREA_BLOCK || c->kind == AREA_LINE)
			return c;
	return NULL;
}

/* Lay out cell area a (a header or footer cell of table t drawn on page pg)
 * again with the page's markers, its content at the same place. */
static void
refill(struct lay *L, struct area *a, const struct fo_node *t, int pg)
{
	const struct fo_node *cell = a->fo;
	const struct area *old = first_block(a);
	if (old == NULL)
		return;
	L->rtm_table = t;
	L->rtm_page = pg;
	mpt used;
	/* the content's width: its first block's (a block without indents, usually) */
	mpt cw = old->w;
	struct area *frame = lay_box_content(L, cell, cw, LAY_INF, &used);
	L->rtm_table = NULL;
	const struct area *nf = first_block(frame);
	if (nf == NULL)
		return;
	mpt dx = old->x - nf->x, dy = old->y - nf->y;
	mpt room = a->y + a->h - old->y;
	if (used > room) {
		char key[64];
		snprintf(key, sizeof key, "rtm-tall:%d", cell->line);
		diag_once(L->d, key, DIAG_WARNING, L->fo->file, cell->line, 0,
		    "the marker retrieved into this table-cell is taller than the cell laid out "
		    "without it; it overflows the cell (give the cell a height)");
	}
	a->first = a->last = NULL;
	for (struct area *c = frame->first, *next; c; c = next) {
		next = c->next;
		lay_translate(c, dx, dy);
		area_append(a, c);
	}
}

static void
walk(struct lay *L, struct area *a, int pg)
{
	for (; a; a = a->next) {
		const struct fo_node *n = a->fo;
		if (a->kind == AREA_BLOCK && n && n->type == FO_TABLE_CELL) {
			const struct fo_node *t = head_or_foot_table(n);
			if (t && holds_table_marker(n)) {
				refill(L, a, t, pg);
				continue;
			}
		}
		walk(L, a->first, pg);
	}
}

void
lay_table_markers(struct lay *L)
{
	for (struct area_page *p = L->at->first; p; p = p->next)
		if (p->root)
			walk(L, p->root, p->index);
}
