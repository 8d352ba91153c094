/*
 * source — libxml2 documents to struct xnode trees in one arena, and the
 * ways every stage walks them (xnode_attr, xnode_child, xnode_next,
 * xnode_text).
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "source.h"
#include "source_int.h"

/*
 * Names and namespace URIs copied once per document: a long document has
 * a few dozen of them, and a copy for every element took most of its tree
 * (the namespace URI of XSL-FO alone, 48 bytes an element).
 */
struct names {
	const char  **val;
	size_t        n, cap;   /* cap: a power of two */
	struct arena *a;
};

static size_t
name_hash(const char *s)
{
	size_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static const char *
name_of(struct names *t, const xmlChar *xs)
{
	const char *s = (const char *)xs;
	if (s == NULL)
		return NULL;
	if (2 * (t->n + 1) > t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 64;
		const char **val = xcalloc(cap, sizeof *val);
		for (size_t i = 0; i < t->cap; i++) {
			if (t->val[i] == NULL)
				continue;
			size_t h = name_hash(t->val[i]) & (cap - 1);
			while (val[h])
				h = (h + 1) & (cap - 1);
			val[h] = t->val[i];
		}
		free(t->val);
		t->val = val;
		t->cap = cap;
	}
	size_t h = name_hash(s) & (t->cap - 1);
	while (t->val[h] && strcmp(t->val[h], s) != 0)
		h = (h + 1) & (t->cap - 1);
	if (t->val[h] == NULL) {
		t->val[h] = arena_strdup(t->a, s);
		t->n++;
	}
	return t->val[h];
}

/* Element n's name, namespace and attributes into x. */
static void
element_of(struct names *nm, xmlNodePtr n, struct xnode *x)
{
	struct arena *a = nm->a;
	x->kind = XNODE_ELEMENT;
	x->name = name_of(nm, n->name);
	x->ns = n->ns ? name_of(nm, n->ns->href) : NULL;
	int k = 0;
	for (xmlAttrPtr at = n->properties; at; at = at->next)
		k++;
	x->attrs = k ? arena_alloc(a, (size_t)k * sizeof(struct xattr)) : NULL;
	for (xmlAttrPtr at = n->properties; at; at = at->next) {
		xmlChar *v = xmlNodeListGetString(n->doc, at->children, 1);
		struct xattr *xa = &x->attrs[x->nattrs++];
		xa->name = name_of(nm, at->name);
		xa->ns = at->ns ? name_of(nm, at->ns->href) : NULL;
		xa->value = arena_strdup(a, v ? (const char *)v : "");
		xmlFree(v);
	}
}

static struct xnode *
convert(struct names *nm, xmlNodePtr n, struct xnode *parent)
{
	struct arena *a = nm->a;
	struct xnode *x = arena_alloc(a, sizeof *x);
	x->parent = parent;
	x->line = (int)xmlGetLineNo(n);
	if (n->type == XML_ELEMENT_NODE) {
		element_of(nm, n, x);
		for (xmlNodePtr c = n->children; c; c = c->next) {
			struct xnode *cx = NULL;
			if (c->type == XML_ELEMENT_NODE) {
				cx = convert(nm, c, x);
			} else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
				const char *t = (const char *)c->content;
				size_t len = t ? strlen(t) : 0;
				/* merge adjacent text */
				if (x->last && x->last->kind == XNODE_TEXT) {
					struct xnode *lt = x->last;
					char *m = arena_alloc(a, lt->textlen + len + 1);
					memcpy(m, lt->text, lt->textlen);
					memcpy(m + lt->textlen, t, len);
					lt->text = m;
					lt->textlen += len;
					continue;
				}
				cx = arena_alloc(a, sizeof *cx);
				cx->kind = XNODE_TEXT;
				cx->parent = x;
				cx->line = (int)xmlGetLineNo(c);
				cx->text = arena_strndup(a, t ? t : "", len);
				cx->textlen = len;
			} else if (c->type == XML_ENTITY_REF_NODE) {
				continue;  /* unresolved entity: dropped */
			}
			if (cx == NULL)
				continue;
			if (x->last)
				x->last->next = cx;
			else
				x->first = cx;
			x->last = cx;
		}
	}
	return x;
}

static char *
dir_of(struct arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL || strcmp(path, "-") == 0)
		return arena_strdup(a, ".");
	return arena_strndup(a, path, (size_t)(slash - path == 0 ? 1 : slash - path));
}

struct xdoc *
src_tree_of(xmlDocPtr doc, const char *name, struct diag *d)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (root == NULL) {
		diag_report(d, DIAG_ERROR, name, 0, 0, "no document element");
		xmlFreeDoc(doc);
		return NULL;
	}
	struct xdoc *x = xcalloc(1, sizeof *x);
	x->arena = arena_new();
	x->file = arena_strdup(x->arena, name);
	x->base = dir_of(x->arena, name);
	struct names nm = { .a = x->arena };
	x->root = convert(&nm, root, NULL);
	free(nm.val);
	xmlFreeDoc(doc);
	return x;
}

/* ---------------------------------------------------------------- XSLT results */

/*
 * An XSLT result tree, as the FO file `--fo` writes would read back.
 * libxslt writes it (xsltSaveResultTo, libxml2's xmlNodeDumpOutput) with
 * the XML declaration on line 1, line ends in attribute values as
 * character references, and, with indent="yes", each child of an element
 * that holds no text on a line of its own, indented by two spaces a
 * level (at most 30 levels).  The tree built here has the blank text the
 * indenting adds, and gives each node the line it has in that file, so
 * the FO's diagnostics point into it whether it was written or not
 * (docs/messages.md).
 */
struct rtree {
	struct names nm;
	long         line;     /* of the file being followed, at this point */
	int          raw;      /* a text written unescaped: not followed */
};

static long
newlines(const char *s, size_t n)
{
	long k = 0;
	for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))) != NULL; p++)
		k++;
	return k;
}

static void
r_append(struct xnode *x, struct xnode *cx)
{
	if (x->last)
		x->last->next = cx;
	else
		x->first = cx;
	x->last = cx;
}

static void
r_text(struct rtree *r, struct xnode *x, const char *t, size_t len)
{
	if (len == 0)
		return;
	struct arena *a = r->nm.a;
	if (x->last && x->last->kind == XNODE_TEXT) {
		struct xnode *lt = x->last;
		char *m = arena_alloc(a, lt->textlen + len + 1);
		memcpy(m, lt->text, lt->textlen);
		memcpy(m + lt->textlen, t, len);
		m[lt->textlen + len] = '\0';
		lt->text = m;
		lt->textlen += len;
	} else {
		struct xnode *cx = arena_alloc(a, sizeof *cx);
		cx->kind = XNODE_TEXT;
		cx->parent = x;
		cx->line = (int)r->line;
		cx->text = arena_strndup(a, t, len);
		cx->textlen = len;
		r_append(x, cx);
	}
	r->line += newlines(t, len);
}

/* A line end and the indentation of level, as the serialiser writes them
 * between the children of an element without text. */
static void
r_indent(struct rtree *r, struct xnode *x, int level)
{
	char sp[1 + 2 * 30];
	int k = 2 * (level > 30 ? 30 : level);
	sp[0] = '\n';
	memset(sp + 1, ' ', (size_t)k);
	r_text(r, x, sp, 1 + (size_t)k);
}

static struct xnode *
r_convert(struct rtree *r, xmlNodePtr n, struct xnode *parent, int format, int level)
{
	struct xnode *x = arena_alloc(r->nm.a, sizeof *x);
	x->parent = parent;
	x->line = (int)r->line;
	element_of(&r->nm, n, x);
	int f = format;
	for (xmlNodePtr c = n->children; c && f; c = c->next)
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE ||
		    c->type == XML_ENTITY_REF_NODE)
			f = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (f)
			r_indent(r, x, level + 1);
		if (c->type == XML_ELEMENT_NODE) {
			r_append(x, r_convert(r, c, x, f, level + 1));
		} else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			const char *t = (const char *)c->content;
			r->raw |= c->name != NULL && strcmp((const char *)c->name, "textnoenc") == 0;
			r_text(r, x, t ? t : "", t ? strlen(t) : 0);
		} else if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
			const char *t = (const char *)c->content;
			r->line += t ? newlines(t, strlen(t)) : 0;
		} else if (c->type == XML_ENTITY_REF_NODE) {
			r->raw = 1;
		}
	}
	if (f && n->children)
		r_indent(r, x, level);
	return x;
}

struct xdoc *
src_tree_of_result(xmlDocPtr res, int indent, int first_line, const char *name)
{
	xmlNodePtr root = xmlDocGetRootElement(res);
	if (root == NULL || res->children != root || root->next != NULL)
		return NULL;
	struct xdoc *x = xcalloc(1, sizeof *x);
	x->arena = arena_new();
	x->file = arena_strdup(x->arena, name);
	x->base = dir_of(x->arena, name);
	struct rtree r = { .nm = { .a = x->arena }, .line = first_line };
	x->root = r_convert(&r, root, NULL, indent, 0);
	free(r.nm.val);
	if (r.raw) {
		src_xdoc_free(x);
		return NULL;
	}
	return x;
}

void
src_xdoc_free(struct xdoc *doc)
{
	if (doc == NULL)
		return;
	arena_free(doc->arena);
	free(doc);
}

struct xdoc *
src_xdoc_borrow(const struct xdoc *owner, struct xnode *root)
{
	struct xdoc *x = xcalloc(1, sizeof *x);
	x->arena = arena_new();
	x->file = arena_strdup(x->arena, owner->file);
	x->base = arena_strdup(x->arena, owner->base);
	x->root = root;
	return x;
}

const char *
xnode_attr(const struct xnode *e, const char *name)
{
	for (int i = 0; i < e->nattrs; i++)
		if (e->attrs[i].ns == NULL && strcmp(e->attrs[i].name, name) == 0)
			return e->attrs[i].value;
	return NULL;
}

const struct xnode *
xnode_child(const struct xnode *e, const char *name)
{
	for (const struct xnode *c = e ? e->first : NULL; c; c = c->next)
		if (c->kind == XNODE_ELEMENT && strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

const struct xnode *
xnode_next(const struct xnode *e, const char *name)
{
	for (const struct xnode *c = e ? e->next : NULL; c; c = c->next)
		if (c->kind == XNODE_ELEMENT && strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

char *
xnode_text(const struct xnode *e)
{
	struct buf b = {0};
	for (const struct xnode *c = e ? e->first : NULL; c; c = c->next)
		if (c->kind == XNODE_TEXT)
			buf_add(&b, c->text, c->textlen);
	return b.p ? b.p : xstrdup("");
}

char *
xnode_text_trimmed(const struct xnode *e)
{
	char *s = xnode_text(e);
	size_t a = strspn(s, " \t\r\n"), n = strlen(s);
	while (n > a && strchr(" \t\r\n", s[n - 1]))
		n--;
	memmove(s, s + a, n - a);
	s[n - a] = '\0';
	return s;
}
