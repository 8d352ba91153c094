/*
 * fo — RenderX's index extensions read as XSL 1.1's (docs/index.md): what
 * DocBook XSL writes with xep.extensions=1.  rx:key on any FO is an
 * index-key (fo_names.c), rx:begin-index-range and rx:end-index-range are
 * fo:index-range-begin and -end, rx:page-index with its rx:index-item
 * children an fo:index-page-citation-list of fo:index-key-references:
 * its list-separator and range-separator become separator children, an
 * item's link-back="true" page-number-treatment="link", and
 * merge-subsequent-page-numbers="true" on an item merges the list's
 * sequential pages (XEP's default is not to).
 */
#include <stdio.h>
#include <string.h>

#include "../source/source.h"
#include "fo_int.h"

static const struct { const char *name; enum fo_type as; } rx_elems[] = {
	{ "page-index", FO_INDEX_PAGE_CITATION_LIST },
	{ "index-item", FO_INDEX_KEY_REFERENCE },
	{ "begin-index-range", FO_INDEX_RANGE_BEGIN },
	{ "end-index-range", FO_INDEX_RANGE_END },
};

enum fo_type
fo_rx_lookup(const struct xnode *x)
{
	if (x->ns == NULL || strcmp(x->ns, RX_NS) != 0)
		return FO__MAX;
	for (size_t i = 0; i < sizeof rx_elems / sizeof rx_elems[0]; i++)
		if (strcmp(rx_elems[i].name, x->name) == 0)
			return rx_elems[i].as;
	return FO__MAX;
}

void
fo_rx_subset(void *stream)
{
	for (size_t i = 0; i < sizeof rx_elems / sizeof rx_elems[0]; i++)
		fprintf(stream, "| rx:%s | as fo:%s: RenderX's extension, as DocBook XSL writes it "
		    "with xep.extensions=1 (docs/index.md) |\n", rx_elems[i].name,
		    fo_type_name(rx_elems[i].as));
}

int
fo_rx_attr(const struct xnode *x, const char *name)
{
	static const char *const own[] = { "list-separator", "range-separator", "ref-key",
		"merge-subsequent-page-numbers", "link-back", "ref-id" };
	if (x->ns == NULL || strcmp(x->ns, RX_NS) != 0)
		return 0;
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		if (strcmp(own[i], name) == 0)
			return 1;
	return 0;
}

const char *
fo_rx_key(const struct xnode *x)
{
	for (int i = 0; i < x->nattrs; i++)
		if (x->attrs[i].ns && strcmp(x->attrs[i].ns, RX_NS) == 0 &&
		    strcmp(x->attrs[i].name, "key") == 0)
			return x->attrs[i].value;
	return NULL;
}

static int
is_true(const char *v)
{
	return v && strcmp(v, "true") == 0;
}

/* A separator child of list holding text (NULL: none). */
static struct fo_node *
separator(struct arena *a, struct fo_node *list, enum fo_type t, const char *text)
{
	if (text == NULL)
		return NULL;
	struct fo_node *s = fo_node_new(a, t, list->style, list->line);
	struct fo_node *tx = fo_node_new(a, FO_TEXT, list->style, list->line);
	s->parent = list;
	tx->text = text;
	tx->textlen = strlen(text);
	tx->parent = s;
	s->first = s->last = tx;
	return s;
}

void
fo_rx_finish(struct arena *a, struct fo_node *n)
{
	if (n->type != FO_INDEX_PAGE_CITATION_LIST || fo_rx_lookup(n->src) == FO__MAX)
		return;
	int merge = 0;
	for (struct fo_node *c = n->first; c; c = c->next) {
		if (c->type != FO_INDEX_KEY_REFERENCE)
			continue;
		merge |= is_true(xnode_attr(c->src, "merge-subsequent-page-numbers"));
		if (is_true(xnode_attr(c->src, "link-back"))) {
			struct fo_style *st = arena_alloc(a, sizeof *st);
			*st = *c->style;
			st->index_link = 1;
			c->style = st;
		}
	}
	struct fo_style *st = arena_alloc(a, sizeof *st);
	*st = *n->style;
	st->index_keep_seq = !merge;
	n->style = st;
	/* separators first, as fo:index-page-citation-list has them */
	struct fo_node *seps[2] = {
		separator(a, n, FO_INDEX_PAGE_CITATION_LIST_SEPARATOR, xnode_attr(n->src, "list-separator")),
		separator(a, n, FO_INDEX_PAGE_CITATION_RANGE_SEPARATOR, xnode_attr(n->src, "range-separator")),
	};
	for (int i = 1; i >= 0; i--)
		if (seps[i]) {
			seps[i]->next = n->first;
			n->first = seps[i];
			if (n->last == NULL)
				n->last = seps[i];
		}
}
