/*
 * source — libxml2 documents in, struct xnode trees out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "source.h"

struct errctx {
	struct diag *d;
	const char  *file;
	int          count;
};

static void
on_error(void *data, xmlErrorPtr e)
{
	struct errctx *ec = data;
	char msg[512];
	size_t n;

	if (e == NULL || ec->count > 50)
		return;
	ec->count++;
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "XML error");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	diag_report(ec->d, e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR,
	    ec->file, e->line, e->int2 > 0 ? e->int2 : 1, "%s", msg);
}

/* No external entity, DTD or XInclude is ever fetched. */
static xmlParserInputPtr
no_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)id;
	(void)ctxt;
	(void)url;
	return NULL;
}

static void
setup_once(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	xmlInitParser();
	xmlSetExternalEntityLoader(no_loader);
}

static struct xnode *
convert(struct arena *a, xmlNodePtr n, struct xnode *parent)
{
	struct xnode *x = arena_alloc(a, sizeof *x);
	x->parent = parent;
	x->line = (int)xmlGetLineNo(n);
	if (n->type == XML_ELEMENT_NODE) {
		x->kind = XNODE_ELEMENT;
		x->name = arena_strdup(a, (const char *)n->name);
		x->ns = n->ns && n->ns->href ? arena_strdup(a, (const char *)n->ns->href) : NULL;
		int k = 0;
		for (xmlAttrPtr at = n->properties; at; at = at->next)
			k++;
		x->attrs = k ? arena_alloc(a, (size_t)k * sizeof(struct xattr)) : NULL;
		for (xmlAttrPtr at = n->properties; at; at = at->next) {
			xmlChar *v = xmlNodeListGetString(n->doc, at->children, 1);
			struct xattr *xa = &x->attrs[x->nattrs++];
			xa->name = arena_strdup(a, (const char *)at->name);
			xa->ns = at->ns && at->ns->href ? arena_strdup(a, (const char *)at->ns->href) : NULL;
			xa->value = arena_strdup(a, v ? (const char *)v : "");
			xmlFree(v);
		}
		for (xmlNodePtr c = n->children; c; c = c->next) {
			struct xnode *cx = NULL;
			if (c->type == XML_ELEMENT_NODE) {
				cx = convert(a, c, x);
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

static struct xdoc *
finish(xmlDocPtr doc, const char *name, struct diag *d)
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
	x->root = convert(x->arena, root, NULL);
	xmlFreeDoc(doc);
	return x;
}

#define PARSE_OPTS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING \
	| XML_PARSE_BIG_LINES)

struct xdoc *
src_xml_parse(const char *bytes, size_t n, const char *name, struct diag *d)
{
	struct errctx ec = { d, name, 0 };
	setup_once();
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (ctxt == NULL)
		return NULL;
	xmlSetStructuredErrorFunc(&ec, on_error);
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, bytes, (int)n, name, NULL, PARSE_OPTS);
	xmlSetStructuredErrorFunc(NULL, NULL);
	int wf = ctxt->wellFormed;
	xmlFreeParserCtxt(ctxt);
	if (doc == NULL || !wf) {
		if (ec.count == 0)
			diag_report(d, DIAG_ERROR, name, 0, 0, "cannot parse XML");
		xmlFreeDoc(doc);
		return NULL;
	}
	return finish(doc, name, d);
}

struct xdoc *
src_xml_load(const char *path, struct diag *d)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	struct buf b = {0};
	char tmp[65536];
	size_t k;

	if (f == NULL) {
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_add(&b, tmp, k);
	int err = ferror(f);
	if (f != stdin)
		fclose(f);
	if (err) {
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot read");
		buf_free(&b);
		return NULL;
	}
	struct xdoc *x = src_xml_parse(b.p ? b.p : "", b.n,
	    strcmp(path, "-") == 0 ? "<stdin>" : path, d);
	buf_free(&b);
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
