/*
 * fo — the properties that are names: read from the source element into
 * the typed fields of struct fo_node (name, ref, uri, bg_image, ikey), checked
 * where XSL 1.1 requires them, so that layout never reads an attribute.
 */
#include <string.h>

#include "../source/source.h"
#include "fo_int.h"

enum name_field { NF_NAME, NF_REF, NF_URI, NF_KEY };

/*
 * Which element carries which name, the field it goes to, and, when XSL
 * requires it, what its absence costs (the warning's second half).  An
 * absence layout itself reports (a page-sequence's master-reference, a
 * change bar's class, an external-graphic's src) has no text here.
 */
static const struct {
	enum fo_type    type;
	const char     *prop;
	enum name_field field;
	const char     *missing;   /* NULL: optional, or reported by layout */
} names[] = {
	{ FO_SIMPLE_PAGE_MASTER, "master-name", NF_NAME, "no page sequence can use it" },
	{ FO_PAGE_SEQUENCE_MASTER, "master-name", NF_NAME, "no page sequence can use it" },
	{ FO_REGION_BODY, "region-name", NF_NAME, NULL },
	{ FO_REGION_BEFORE, "region-name", NF_NAME, NULL },
	{ FO_REGION_AFTER, "region-name", NF_NAME, NULL },
	{ FO_REGION_START, "region-name", NF_NAME, NULL },
	{ FO_REGION_END, "region-name", NF_NAME, NULL },
	{ FO_FLOW, "flow-name", NF_NAME, "it flows into the region-body" },
	{ FO_STATIC_CONTENT, "flow-name", NF_NAME, "it names no region and is not printed" },
	{ FO_MARKER, "marker-class-name", NF_NAME, "no fo:retrieve-marker can retrieve it" },
	{ FO_CHANGE_BAR_BEGIN, "change-bar-class", NF_NAME, NULL },
	{ FO_CHANGE_BAR_END, "change-bar-class", NF_NAME, NULL },
	{ FO_PAGE_SEQUENCE, "master-reference", NF_REF, NULL },
	{ FO_SINGLE_PAGE_MASTER_REFERENCE, "master-reference", NF_REF, "it names no page master" },
	{ FO_REPEATABLE_PAGE_MASTER_REFERENCE, "master-reference", NF_REF, "it names no page master" },
	{ FO_CONDITIONAL_PAGE_MASTER_REFERENCE, "master-reference", NF_REF, "it names no page master" },
	{ FO_RETRIEVE_MARKER, "retrieve-class-name", NF_REF, "it retrieves nothing" },
	{ FO_PAGE_NUMBER_CITATION, "ref-id", NF_REF, "it cites no page" },
	{ FO_PAGE_NUMBER_CITATION_LAST, "ref-id", NF_REF, "it cites no page" },
	{ FO_BASIC_LINK, "internal-destination", NF_REF, NULL },
	{ FO_BOOKMARK, "internal-destination", NF_REF, NULL },
	{ FO_BASIC_LINK, "external-destination", NF_URI, NULL },
	{ FO_BOOKMARK, "external-destination", NF_URI, NULL },
	{ FO_EXTERNAL_GRAPHIC, "src", NF_URI, NULL },
	{ FO_INDEX_RANGE_END, "ref-id", NF_REF, "it ends no index range" },
	{ FO_INDEX_KEY_REFERENCE, "ref-index-key", NF_KEY, "it cites no page" },
	{ FO_INDEX_RANGE_BEGIN, "index-key", NF_KEY, "it begins no index range" },
};

/* background-image: none, or empty, is no image (§7.8.3) */
static const char *
bg_image(const char *v)
{
	if (v == NULL)
		return NULL;
	const char *p = v + strspn(v, " \t\n\r");
	return *p != '\0' && strncmp(p, "none", 4) != 0 ? v : NULL;
}

void
fo_names_read(struct fo_tree *t, struct fo_node *n, const struct xnode *x, struct diag *d)
{
	const char *file = t->file, *key = NULL;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (names[i].type != n->type)
			continue;
		const char *v = xnode_attr(x, names[i].prop);
		if (v == NULL && names[i].missing && fo_rx_lookup(x) == FO__MAX)
			diag_report(d, DIAG_WARNING, file, x->line, 0, "fo:%s without %s: %s",
			    fo_type_name(n->type), names[i].prop, names[i].missing);
		switch (names[i].field) {
		case NF_NAME: n->name = v; break;
		case NF_REF: n->ref = v; break;
		case NF_URI: n->uri = v; break;
		case NF_KEY: key = v; break;
		}
	}
	/* XSL 1.1 §7.24.2: index-key on any formatting object; RenderX's
	 * rx:key, ref-key and ref-id (fo_rx.c) */
	if (n->type != FO_INDEX_KEY_REFERENCE && key == NULL)
		key = xnode_attr(x, "index-key");
	if (key == NULL && n->type != FO_INDEX_KEY_REFERENCE)
		key = fo_rx_key(x);
	if (fo_rx_lookup(x) == FO_INDEX_KEY_REFERENCE)
		key = xnode_attr(x, "ref-key");
	if (fo_rx_lookup(x) != FO__MAX && n->type != FO_INDEX_PAGE_CITATION_LIST &&
	    (n->type == FO_INDEX_RANGE_END ? n->ref : key) == NULL)
		diag_report(d, DIAG_WARNING, file, x->line, 0, "rx:%s without %s: %s", x->name,
		    n->type == FO_INDEX_RANGE_END ? "ref-id" : n->type == FO_INDEX_KEY_REFERENCE
		    ? "ref-key" : "rx:key", n->type == FO_INDEX_RANGE_END ? "it ends no index range"
		    : n->type == FO_INDEX_KEY_REFERENCE ? "it cites no page" : "it begins no index range");
	if (key && key[0] != '\0' && t->nindex_keys < UINT32_MAX) {
		/* kept aside: most nodes have none (docs/scale.md) */
		uint32_t k = t->nindex_keys;
		if (k >= 8 && (k & (k - 1)) == 0)   /* full: doubled (8, 16, 32 …) */
			t->index_keys = xrealloc(t->index_keys, (size_t)k * 2 * sizeof *t->index_keys);
		else if (k == 0)
			t->index_keys = xrealloc(t->index_keys, 8 * sizeof *t->index_keys);
		t->index_keys[t->nindex_keys++] = arena_strdup(t->arena, key);
		n->ikey = t->nindex_keys;
	}
	if (n->type == FO_INDEX_RANGE_BEGIN && xnode_attr(x, "id") == NULL)
		diag_report(d, DIAG_WARNING, file, x->line, 0,
		    "fo:index-range-begin without id: no fo:index-range-end can end it; "
		    "it cites its own page only");
	n->bg_image = bg_image(xnode_attr(x, "background-image"));
}

/*
 * XSL 1.1 §6.4.5: master names are unique among the masters.  Layout takes
 * the first of a name; a later one is reported and never used.
 */
void
fo_names_check(const struct fo_tree *t, struct diag *d)
{
	for (const struct fo_node *set = t->root->first; set; set = set->next) {
		if (set->type != FO_LAYOUT_MASTER_SET)
			continue;
		for (const struct fo_node *m = set->first; m; m = m->next) {
			if (m->name == NULL)
				continue;
			for (const struct fo_node *e = set->first; e != m; e = e->next)
				if (e->name && e->type == m->type && strcmp(e->name, m->name) == 0) {
					diag_report(d, DIAG_WARNING, t->file, m->line, 0,
					    "master-name \"%s\" is used twice: here and on line %d; "
					    "this master is not used", m->name, e->line);
					break;
				}
		}
	}
}
