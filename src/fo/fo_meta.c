/*
 * fo — what the tree says of itself: the document's metadata (title,
 * author, subject, keywords) for the PDF's Info, and the uniqueness of
 * its ids (§7.30.8).
 */
#include <stdlib.h>
#include <string.h>

#include "../source/source.h"
#include "fo_int.h"

struct idref {
	const char *id;
	int         line;
};

static void
collect_ids(const struct fo_node *n, struct idref **v, size_t *nv, size_t *cap)
{
	for (; n; n = n->next) {
		if (n->id && n->type != FO_TEXT) {
			if (*nv == *cap) {
				*cap = *cap ? *cap * 2 : 64;
				*v = xrealloc(*v, *cap * sizeof **v);
			}
			(*v)[(*nv)++] = (struct idref){ n->id, n->line };
		}
		collect_ids(n->first, v, nv, cap);
	}
}

static int
idref_cmp(const void *a, const void *b)
{
	const struct idref *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : x->line - y->line;
}

/* XSL 1.1 §7.30.8: ids are unique in the document.  A duplicate is an
 * error that names both places. */
void
fo_ids_check(const struct fo_tree *t, struct diag *d)
{
	struct idref *v = NULL;
	size_t n = 0, cap = 0;
	collect_ids(t->root, &v, &n, &cap);
	if (n > 1)
		qsort(v, n, sizeof *v, idref_cmp);
	for (size_t i = 1; i < n; i++)
		if (strcmp(v[i].id, v[i - 1].id) == 0)
			diag_report(d, DIAG_ERROR, t->file, v[i].line, 0,
			    "id \"%s\" is used twice: here and on line %d", v[i].id, v[i - 1].line);
	free(v);
}


/* All text under x, white space collapsed, into an arena string or NULL. */
static const char *
xtext(struct arena *a, const struct xnode *x)
{
	struct buf raw = {0}, t = {0};
	const struct xnode *stack[64];
	int sp = 0;
	if (x == NULL)
		return NULL;
	stack[sp++] = x;
	while (sp > 0) {   /* depth-first, in document order */
		const struct xnode *n = stack[--sp];
		if (n->kind == XNODE_TEXT) {
			buf_add(&raw, n->text, n->textlen);
			continue;
		}
		const struct xnode *kids[256];
		int nk = 0;
		for (const struct xnode *c = n->first; c && nk < 256; c = c->next)
			kids[nk++] = c;
		while (nk > 0 && sp < 64)
			stack[sp++] = kids[--nk];
	}
	int space = 0;
	for (size_t i = 0; i < raw.n; i++) {
		char ch = raw.p[i];
		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
			space = t.n > 0;
			continue;
		}
		if (space)
			buf_putc(&t, ' ');
		space = 0;
		buf_putc(&t, ch);
	}
	const char *r = t.n ? arena_strdup(a, t.p) : NULL;
	buf_free(&raw);
	buf_free(&t);
	return r;
}

static const struct xnode *
find_ns(const struct xnode *x, const char *ns, const char *name)
{
	for (const struct xnode *c = x->first; c; c = c->next) {
		if (c->kind != XNODE_ELEMENT)
			continue;
		if (c->ns && strcmp(c->ns, ns) == 0 && strcmp(c->name, name) == 0)
			return c;
		const struct xnode *r = find_ns(c, ns, name);
		if (r)
			return r;
	}
	return NULL;
}

/*
 * Document metadata: XMP in fo:declarations (dc:title, dc:creator,
 * dc:subject, dc:description, pdf:Keywords) or folio's own
 * <folio:info title="…" author="…" subject="…" keywords="…"/>; the title
 * falls back to the first fo:title.
 */
void
fo_meta_read(struct fo_tree *t)
{
	for (struct fo_node *c = t->root->first; c; c = c->next) {
		if (c->type != FO_DECLARATIONS)
			continue;
		const struct xnode *x = c->src;
		const struct xnode *info = find_ns(x, FOLIO_NS, "info");
		if (info) {
			const char *v;
			if ((v = xnode_attr(info, "title")) != NULL) t->title = v;
			if ((v = xnode_attr(info, "author")) != NULL) t->author = v;
			if ((v = xnode_attr(info, "subject")) != NULL) t->subject = v;
			if ((v = xnode_attr(info, "keywords")) != NULL) t->keywords = v;
		}
		if (t->title == NULL)
			t->title = xtext(t->arena, find_ns(x, DC_NS, "title"));
		if (t->author == NULL)
			t->author = xtext(t->arena, find_ns(x, DC_NS, "creator"));
		if (t->subject == NULL)
			t->subject = xtext(t->arena, find_ns(x, DC_NS, "subject"));
		if (t->subject == NULL)
			t->subject = xtext(t->arena, find_ns(x, DC_NS, "description"));
		if (t->keywords == NULL)
			t->keywords = xtext(t->arena, find_ns(x, PDF_NS, "Keywords"));
	}
	if (t->title)
		return;
	for (struct fo_node *c = t->root->first; c && !t->title; c = c->next)
		if (c->type == FO_PAGE_SEQUENCE)
			for (struct fo_node *k = c->first; k; k = k->next)
				if (k->type == FO_TITLE && k->src) {
					t->title = xtext(t->arena, k->src);
					break;
				}
}

