/*
 * source — libxml2 documents in, struct xnode trees out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <assert.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlsave.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/security.h>
#include <libxslt/xsltutils.h>
#include <libxslt/extensions.h>
#include <libxslt/documents.h>
#include <libxml/uri.h>
#include <libxml/xpathInternals.h>
#include <unistd.h>
#include <sys/stat.h>

#include "source.h"
#include "../base/file.h"
#include "../base/limits.h"

struct errctx {
	struct diag *d;
	const char  *file;
	int          count;      /* messages reported */
	int          errors;     /* … of them errors */
	int          line, col;  /* the last one, reported once */
	char         last[256];
	/* validity problems are collected here instead of reported, when set */
	struct src_rng_problem **probs;
	size_t      *nprobs;
};

static int collect_problem(struct errctx *ec, xmlErrorPtr e);

static void
report_xml(struct errctx *ec, enum diag_level level, const char *file, int line, int col,
    const char *msg)
{
	/* libxml2 repeats a message for every entity it unwinds: once is enough */
	if (ec->count > 0 && line == ec->line && col == ec->col && strcmp(msg, ec->last) == 0)
		return;
	if (ec->count > 50)
		return;
	ec->count++;
	if (level >= DIAG_ERROR)
		ec->errors++;
	ec->line = line;
	ec->col = col;
	snprintf(ec->last, sizeof ec->last, "%s", msg);
	diag_report(ec->d, level, file, line, col, "%s", msg);
}

static void
on_error(void *data, xmlErrorPtr e)
{
	struct errctx *ec = data;
	char msg[512];
	size_t n;

	if (e == NULL)
		return;
	if (ec->probs && e->domain == XML_FROM_RELAXNGV && collect_problem(ec, e) == 0) {
		ec->count++;
		return;
	}
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "XML error");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	if (e->code == XML_ERR_ENTITY_LOOP)
		snprintf(msg + n, sizeof msg - n, "%s",
		    " (entities expand to too much text: libxml2's guard against entity bombs)");
	int line = e->line;
	if (line == 0 && e->node != NULL)
		line = (int)xmlGetLineNo((xmlNodePtr)e->node);   /* validation errors */
	report_xml(ec, e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR,
	    e->file ? e->file : ec->file, line,
	    e->int2 > 0 ? e->int2 : 0, msg);
}

/* ---------------------------------------------------------------- loader */

/* Per thread, like everything below that one document's parse, validation
 * or transformation sets for libxml2's and libxslt's callbacks: a server
 * may run jobs on several threads (docs/architecture.md, Threads). */
static _Thread_local char **allowed;      /* real paths of the allowed directories */
static _Thread_local size_t nallowed;

void
src_allow_dir(const char *dir)
{
	char *r = realpath(dir, NULL);
	if (r == NULL)
		return;
	allowed = xrealloc(allowed, (nallowed + 1) * sizeof *allowed);
	allowed[nallowed++] = r;
}

void
src_allow_reset(void)
{
	for (size_t i = 0; i < nallowed; i++)
		free(allowed[i]);
	free(allowed);
	allowed = NULL;
	nallowed = 0;
}

/* Is path (a file name or file: URL) inside an allowed directory? */
static int
path_allowed(const char *url)
{
	const char *path = url;
	if (url == NULL)
		return 0;
	if (strncmp(url, "file://", 7) == 0)
		path = url + 7;
	else if (strstr(url, "://") != NULL || strncmp(url, "ftp:", 4) == 0)
		return 0;   /* no network, ever */
	char *r = realpath(path, NULL);
	if (r == NULL)
		return 0;
	int ok = 0;
	for (size_t i = 0; i < nallowed && !ok; i++) {
		size_t n = strlen(allowed[i]);
		ok = strncmp(r, allowed[i], n) == 0 && (r[n] == '/' || r[n] == '\0');
	}
	free(r);
	return ok;
}

/*
 * The one policy for every source document (FO files, sources, cases, the
 * documents templates read with document(), a transformation's result):
 * internal entities are substituted, within libxml2's guard against
 * entity bombs; external entities, external DTDs and the network are
 * never loaded; any error is an error of the document (docs/security.md).
 * Stylesheets and schemas are trusted: what they include loads from the
 * allowed directories only.
 */
#define PARSE_OPTS (XML_PARSE_NOENT | XML_PARSE_NONET | XML_PARSE_NOCDATA \
	| XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES)

static _Thread_local struct errctx *parsing;          /* the source document being parsed */
static _Thread_local xmlParserCtxtPtr parsing_ctxt;   /* … and its parser */

static xmlParserInputPtr
entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	if (parsing != NULL) {
		xmlParserInputPtr in = parsing_ctxt ? parsing_ctxt->input : NULL;
		char msg[512];
		snprintf(msg, sizeof msg, "external entity \"%s\" not read: sources are read "
		    "without external entities or DTDs", url ? url : id ? id : "?");
		report_xml(parsing, DIAG_ERROR, parsing->file, in ? in->line : 0,
		    in ? in->col : 0, msg);
		return NULL;
	}
	if (!path_allowed(url))
		return NULL;
	return xmlNewInputFromFile(ctxt, url);
}

static xsltDocLoaderFunc default_doc_loader;
static xmlDocPtr doc_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
    xsltLoadType type);

/* libxml2's allocator: the C library's, with folio's out-of-memory exit
 * (libxml2 itself would go on with a NULL, and libxslt may not survive it) */
static void *
lib_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		oom_exit(n);
	return p;
}

static void *
lib_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (q == NULL)
		oom_exit(n);
	return q;
}

static char *
lib_strdup(const char *s)
{
	char *p = strdup(s);
	if (p == NULL)
		oom_exit(strlen(s) + 1);
	return p;
}

static void xslt_error(void *ctx, const char *fmt, ...);

/* What the libraries keep for the whole process, set once by the first
 * thread that needs them. */
static void
setup(void)
{
	/* libxml2's and libxslt's allocations: out of memory is folio's exit 1 */
	xmlMemSetup(free, lib_malloc, lib_realloc, lib_strdup);
	xmlInitParser();
	xmlSetExternalEntityLoader(entity_loader);
	default_doc_loader = xsltDocDefaultLoader;
	xsltSetLoaderFunc(doc_loader);
	/* libxslt's handler is one for the process; xslt_error finds the
	 * transformation of its own thread */
	xsltSetGenericErrorFunc(NULL, xslt_error);
}

static void
setup_once(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, setup);
}

/*
 * Parse a source document held in memory by the policy above, into dict
 * when not NULL (documents of a transformation share its dictionary).
 * Returns the document, or NULL after reporting every problem to ec: a
 * document with any error is not used.
 */
static xmlDocPtr
parse_source(const char *bytes, size_t n, const char *name, xmlDictPtr dict, struct errctx *ec)
{
	if (n > INT_MAX) {
		report_xml(ec, DIAG_ERROR, name, 0, 0, "the file is too large to parse");
		return NULL;
	}
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (ctxt == NULL)
		return NULL;
	if (dict != NULL) {
		xmlDictFree(ctxt->dict);
		ctxt->dict = dict;
		xmlDictReference(dict);
	}
	struct errctx *outer = parsing;
	xmlParserCtxtPtr outer_ctxt = parsing_ctxt;
	xmlStructuredErrorFunc outer_f = xmlStructuredError;
	void *outer_data = xmlStructuredErrorContext;
	parsing = ec;
	parsing_ctxt = ctxt;
	xmlSetStructuredErrorFunc(ec, on_error);
	int errors = ec->errors;
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, bytes, (int)n, name, NULL, PARSE_OPTS);
	xmlSetStructuredErrorFunc(outer_data, outer_f);
	parsing = outer;
	parsing_ctxt = outer_ctxt;
	int wf = ctxt->wellFormed;
	xmlFreeParserCtxt(ctxt);
	if (doc == NULL || !wf || ec->errors > errors) {
		if (ec->errors == errors)
			report_xml(ec, DIAG_ERROR, name, 0, 0, "cannot parse XML");
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* Read path (a regular file, or "-") and parse it as a source document. */
static xmlDocPtr
load_source(const char *path, const char *name, xmlDictPtr dict, struct errctx *ec)
{
	struct buf b = {0};
	const char *why = NULL;
	if (file_read(path, LIMIT_SOURCE_BYTES, &b, &why) < 0) {
		char msg[512];
		snprintf(msg, sizeof msg, "cannot read: %s", why);
		report_xml(ec, DIAG_ERROR, name, 0, 0, msg);
		return NULL;
	}
	xmlDocPtr doc = parse_source(b.p, b.n, name, dict, ec);
	buf_free(&b);
	return doc;
}

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

static struct xnode *
convert(struct names *nm, xmlNodePtr n, struct xnode *parent)
{
	struct arena *a = nm->a;
	struct xnode *x = arena_alloc(a, sizeof *x);
	x->parent = parent;
	x->line = (int)xmlGetLineNo(n);
	if (n->type == XML_ELEMENT_NODE) {
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
	struct names nm = { .a = x->arena };
	x->root = convert(&nm, root, NULL);
	free(nm.val);
	xmlFreeDoc(doc);
	return x;
}

struct xdoc *
src_xml_parse(const char *bytes, size_t n, const char *name, struct diag *d)
{
	struct errctx ec = { .d = d, .file = name };
	setup_once();
	oom_context(_("reading %s"), name);
	xmlDocPtr doc = parse_source(bytes, n, name, NULL, &ec);
	return doc ? finish(doc, name, d) : NULL;
}

struct xdoc *
src_xml_load(const char *path, struct diag *d)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	struct errctx ec = { .d = d, .file = name };
	setup_once();
	oom_context(_("reading %s"), name);
	xmlDocPtr doc = load_source(path, name, NULL, &ec);
	return doc ? finish(doc, name, d) : NULL;
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

/* ---------------------------------------------------------------- RELAX NG */

static xmlDocPtr
read_doc(const char *path, struct errctx *ec)
{
	return load_source(path, path, NULL, ec);
}

/* The element path of n from the root, local names: "case/customer/mobile". */
static char *
node_path(xmlNodePtr n)
{
	struct buf b = {0};
	const char *seg[64];
	int k = 0;
	for (; n && n->type == XML_ELEMENT_NODE && k < 64; n = n->parent)
		seg[k++] = (const char *)n->name;
	while (k-- > 0) {
		buf_puts(&b, seg[k]);
		if (k > 0)
			buf_putc(&b, '/');
	}
	return b.p ? b.p : xstrdup("");
}

static int
collect_problem(struct errctx *ec, xmlErrorPtr e)
{
	xmlNodePtr n = e->node;
	if (n && n->type == XML_ATTRIBUTE_NODE)
		n = n->parent;
	if (n && n->type != XML_ELEMENT_NODE)
		n = n->parent;
	enum src_rng_kind kind;
	const char *name = "", *value = "";
	int line = 0;
	switch (e->code) {
	case XML_RELAXNG_ERR_TYPEVAL:      /* Type %s doesn't allow value '%s' */
	case XML_RELAXNG_ERR_VALUE:        /* Error validating value %s */
		kind = SRC_RNG_VALUE;
		name = e->str1 ? e->str1 : "";
		value = e->code == XML_RELAXNG_ERR_TYPEVAL && e->str2 ? e->str2 : "";
		break;
	case XML_RELAXNG_ERR_DATATYPE:     /* Error validating datatype %s: follows TYPEVAL */
		return 0;
	case XML_RELAXNG_ERR_ELEMWRONG:    /* Did not expect element %s there */
	case XML_RELAXNG_ERR_INTEREXTRA:   /* Extra element %s in interleave */
	case XML_RELAXNG_ERR_ELEMEXTRANS:
	case XML_RELAXNG_ERR_ELEMNONS:
	case XML_RELAXNG_ERR_ELEMWRONGNS:
		kind = SRC_RNG_UNEXPECTED;
		name = e->str1 ? e->str1 : (n ? (const char *)n->name : "");
		if (n && n->type == XML_ELEMENT_NODE && n->parent && n->parent->type == XML_ELEMENT_NODE &&
		    name && strcmp(name, (const char *)n->name) == 0) {
			line = (int)xmlGetLineNo(n);
			n = n->parent;   /* the path is the element it appears in */
		}
		break;
	case XML_RELAXNG_ERR_NOELEM:       /* Expecting an element %s, got nothing */
		kind = SRC_RNG_MISSING;
		name = e->str1 ? e->str1 : "";
		break;
	case XML_RELAXNG_ERR_ELEMNAME:     /* Expecting element %s, got %s */
		kind = SRC_RNG_MISSING;
		name = e->str1 ? e->str1 : "";
		if (n && n->parent && n->parent->type == XML_ELEMENT_NODE) {
			line = (int)xmlGetLineNo(n);
			n = n->parent;
		}
		break;
	case XML_RELAXNG_ERR_ATTRVALID:    /* Element %s failed to validate attributes */
	case XML_RELAXNG_ERR_INVALIDATTR:  /* Invalid attribute %s for element %s */
		kind = SRC_RNG_ATTRIBUTES;
		name = e->code == XML_RELAXNG_ERR_INVALIDATTR && e->str1 ? e->str1 : "";
		break;
	case XML_RELAXNG_ERR_CONTENTVALID: /* Element %s failed to validate content */
		kind = SRC_RNG_CONTENT;
		break;
	default:
		kind = SRC_RNG_OTHER;
		break;
	}
	struct src_rng_problem *p;
	*ec->probs = xrealloc(*ec->probs, (*ec->nprobs + 1) * sizeof **ec->probs);
	p = &(*ec->probs)[(*ec->nprobs)++];
	p->kind = kind;
	p->line = line > 0 ? line : n ? (int)xmlGetLineNo(n) : e->line;
	if (p->line <= 0)
		p->line = e->line;
	p->path = n ? node_path(n) : xstrdup("");
	p->name = xstrdup(name);
	p->value = xstrdup(value);
	char msg[512];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "");
	size_t k = strlen(msg);
	while (k > 0 && (msg[k - 1] == '\n' || msg[k - 1] == ' '))
		msg[--k] = '\0';
	p->message = xstrdup(msg);
	return 0;
}

void
src_rng_problems_free(struct src_rng_problem *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].name);
		free(v[i].value);
		free(v[i].message);
	}
	free(v);
}

static int rng_validate(const char *path, const char *rng, struct src_rng_problem **v,
    size_t *n, struct diag *d);

int
src_relaxng_validate(const char *path, const char *rng, struct diag *d)
{
	return rng_validate(path, rng, NULL, NULL, d);
}

static _Thread_local const char *rng_bytes;   /* validate these instead of reading the file */
static _Thread_local size_t rng_nbytes;

int
src_relaxng_problems(const char *path, const char *bytes, size_t nbytes, const char *rng,
    struct src_rng_problem **v, size_t *n, struct diag *d)
{
	*v = NULL;
	*n = 0;
	rng_bytes = bytes;
	rng_nbytes = nbytes;
	int rc = rng_validate(path, rng, v, n, d);
	rng_bytes = NULL;
	return rc;
}

static int
rng_validate(const char *path, const char *rng, struct src_rng_problem **probs,
    size_t *nprobs, struct diag *d)
{
	struct errctx ec = { .d = d, .file = path };
	setup_once();
	xmlDocPtr doc = rng_bytes ? parse_source(rng_bytes, rng_nbytes, path, NULL, &ec) : read_doc(path, &ec);
	if (doc == NULL)
		return -1;
	struct errctx sc = { .d = d, .file = rng };
	xmlSetStructuredErrorFunc(&sc, on_error);
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(rng);
	xmlRelaxNGPtr schema = pc ? xmlRelaxNGParse(pc) : NULL;
	xmlRelaxNGFreeParserCtxt(pc);
	int rc = -1;
	if (schema == NULL) {
		if (sc.count == 0)
			diag_report(d, DIAG_ERROR, rng, 0, 0, "cannot load the schema");
	} else {
		xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
		ec.count = 0;
		ec.probs = probs;
		ec.nprobs = nprobs;
		xmlSetStructuredErrorFunc(&ec, on_error);
		xmlRelaxNGSetValidStructuredErrors(vc, on_error, &ec);
		rc = xmlRelaxNGValidateDoc(vc, doc) == 0 ? 0 : -1;
		if (rc != 0 && ec.count == 0 && probs == NULL)
			diag_report(d, DIAG_ERROR, path, 0, 0, "does not match %s", rng);
		else if (rc != 0 && probs && *nprobs == 0) {
			/* nothing precise was said: one problem for the root */
			*probs = xcalloc(1, sizeof **probs);
			*nprobs = 1;
			(*probs)->kind = SRC_RNG_OTHER;
			(*probs)->line = 1;
			(*probs)->path = xstrdup("");
			(*probs)->name = xstrdup("");
			(*probs)->value = xstrdup("");
			(*probs)->message = xstrdup("does not match the schema");
		}
		xmlRelaxNGFreeValidCtxt(vc);
		xmlRelaxNGFree(schema);
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeDoc(doc);
	return rc;
}

/* ---------------------------------------------------------------- XSLT */

/* f:amount-zh(string) in namespace urn:folio:xslt: the amount in Chinese
 * capital numerals; an empty string for what is not an amount. */
static void
ext_amount_zh(xmlXPathParserContextPtr ctxt, int nargs)
{
	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	xmlChar *s = xmlXPathPopString(ctxt);
	struct buf b = {0};
	if (s == NULL || zh_amount_capital((const char *)s, &b) < 0)
		buf_puts(&b, "");
	xmlXPathReturnString(ctxt, xmlStrdup((const xmlChar *)(b.p ? b.p : "")));
	xmlFree(s);
	buf_free(&b);
}

static void
register_amount(void)
{
	xsltRegisterExtModuleFunction((const xmlChar *)"amount-zh",
	    (const xmlChar *)"urn:folio:xslt", ext_amount_zh);
}

static void
register_extensions(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, register_amount);
}

static int
xslt_deny(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value)
{
	(void)sec;
	(void)ctxt;
	(void)value;
	return 0;
}

static int
xslt_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value)
{
	(void)sec;
	(void)ctxt;
	return path_allowed(value);
}

static _Thread_local struct diag *xslt_diag;
static _Thread_local const char *xslt_file;
/*
 * While a stylesheet compiles or a transformation runs, what libxslt and
 * libxml2 report is held here, one NUL-terminated entry each, tagged 'm'
 * (libxslt's channel: its messages and xsl:message) or 'x' (a libxml2
 * error, such as an XPath one), and sorted out at the end (xslt_release).
 */
static _Thread_local struct buf *xslt_held;

static void
hold(char tag, const char *msg)
{
	buf_putc(xslt_held, tag);
	buf_puts(xslt_held, msg);
	buf_putc(xslt_held, '\0');
}

static void
xslt_error(void *ctx, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	(void)ctx;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	size_t n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	if (n > 0 && xslt_held)
		hold('m', msg);
	else if (n > 0 && xslt_diag)
		diag_report(xslt_diag, DIAG_ERROR, xslt_file, 0, 0, "%s", msg);
}

static void
xslt_xml_error(void *data, xmlErrorPtr e)
{
	(void)data;
	if (e == NULL || xslt_held == NULL)
		return;
	char msg[512];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "error");
	size_t n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	hold('x', msg);
}

/* While a stylesheet compiles: XPath errors wait for libxslt's location;
 * errors in the stylesheet's XML carry their own. */
static void
xslt_compile_error(void *data, xmlErrorPtr e)
{
	if (e != NULL && e->domain == XML_FROM_XPATH && xslt_held)
		xslt_xml_error(data, e);
	else
		on_error(data, e);
}

/*
 * libxslt puts the location in a message of its own before the message it
 * locates: "runtime error: file F line N element E".  Returns 1 and the
 * file and line when msg is such a one.
 */
static int
xslt_location(const char *msg, struct buf *file, int *line)
{
	const char *p;
	if (strncmp(msg, "runtime error: file ", 20) == 0)
		p = msg + 20;
	else if (strncmp(msg, "compilation error: file ", 24) == 0)
		p = msg + 24;
	else
		return 0;
	const char *l = strstr(p, " line ");
	if (l == NULL)
		return 0;
	buf_reset(file);
	buf_add(file, p, (size_t)(l - p));
	*line = atoi(l + 6);
	return 1;
}

struct held_msg {
	char        tag;
	const char *text;
	int         loc;       /* a location message */
	struct buf  file;
	int         line;
};

/*
 * Report what was held as file:line diagnostics, each once.  A location
 * message locates the message after it; libxml2's errors (raised before
 * libxslt's location message) take the next location.  A located message
 * is an error, or a warning when the transformation succeeded; an
 * unlocated one of a transformation that succeeded is an xsl:message.
 */
static void
xslt_release(struct buf *held, int failed)
{
	size_t n = 0;
	for (size_t i = 0; i < held->n; i += strlen(held->p + i) + 1)
		n++;
	struct held_msg *v = xcalloc(n ? n : 1, sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < held->n; i += strlen(held->p + i) + 1, k++) {
		v[k].tag = held->p[i];
		v[k].text = held->p + i + 1;
		v[k].loc = v[k].tag == 'm' && xslt_location(v[k].text, &v[k].file, &v[k].line);
	}
	for (size_t i = 0; i < n; i++) {
		if (v[i].loc)
			continue;
		const struct held_msg *at = NULL;
		if (i > 0 && v[i - 1].loc && v[i].tag == 'm')
			at = &v[i - 1];
		for (size_t j = i + 1; at == NULL && v[i].tag == 'x' && j < n; j++)
			if (v[j].loc)
				at = &v[j];
		int dup = 0;
		for (size_t j = 0; j < i && !dup; j++)
			dup = !v[j].loc && strcmp(v[j].text, v[i].text) == 0 && v[j].line == (at ? at->line : 0) &&
			    strcmp(v[j].file.p ? v[j].file.p : "", at && at->file.p ? at->file.p : "") == 0;
		if (at) {
			buf_puts(&v[i].file, at->file.p ? at->file.p : "");
			v[i].line = at->line;
		}
		if (dup)
			continue;
		enum diag_level level = failed || at ? DIAG_ERROR : DIAG_WARNING;
		if (!failed && at)
			level = DIAG_WARNING;
		diag_report(xslt_diag, level, at ? v[i].file.p : xslt_file, at ? v[i].line : 0, 0, "%s%s",
		    !failed && !at && v[i].tag == 'm' ? "xsl:message: " : "", v[i].text);
	}
	for (size_t i = 0; i < n; i++)
		buf_free(&v[i].file);
	free(v);
	buf_free(held);
}

/* A file: URI or a plain path as a path (owned), or NULL for other schemes. */
static char *
uri_path(const char *uri)
{
	if (strncmp(uri, "file://", 7) == 0)
		uri += 7;
	else if (strstr(uri, "://") != NULL || strncmp(uri, "ftp:", 4) == 0)
		return NULL;
	char *u = xmlURIUnescapeString(uri, 0, NULL);
	char *p = u ? xstrdup(u) : NULL;
	xmlFree(u);
	return p;
}

/*
 * libxslt's document loader.  Stylesheets (xsl:include, xsl:import) load as
 * libxslt loads them; a document a template reads with document() is read
 * and parsed like every other source document.  A file that is not there
 * is an empty node-set, as XSLT says (templates test for it); one that
 * cannot be read or parsed is an error that stops the transformation,
 * never a blank field.
 */
static xmlDocPtr
doc_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt, xsltLoadType type)
{
	if (type != XSLT_LOAD_DOCUMENT || ctxt == NULL || xslt_diag == NULL)
		return default_doc_loader(uri, dict, options, ctxt, type);
	xsltTransformContextPtr tc = ctxt;
	char *path = uri_path((const char *)uri);
	if (path == NULL || !path_allowed(path)) {
		free(path);
		return NULL;   /* libxslt's read check has said why */
	}
	struct errctx ec = { .d = xslt_diag, .file = path };
	struct buf b = {0};
	const char *why = NULL;
	xmlDocPtr doc = NULL;
	if (file_read(path, LIMIT_SOURCE_BYTES, &b, &why) < 0) {
		if (errno != ENOENT) {
			diag_report(xslt_diag, DIAG_ERROR, path, 0, 0, "cannot read: %s", why);
			tc->state = XSLT_STATE_STOPPED;
		}
	} else {
		doc = parse_source(b.p, b.n, path, dict, &ec);
		if (doc == NULL) {
			xmlNodePtr inst = tc->inst;
			diag_report(xslt_diag, DIAG_ERROR,
			    inst && inst->doc && inst->doc->URL ? (const char *)inst->doc->URL : xslt_file,
			    inst ? (int)xmlGetLineNo(inst) : 0, 0,
			    "document('%s') has errors: the transformation stops", path);
			tc->state = XSLT_STATE_STOPPED;
		}
	}
	buf_free(&b);
	free(path);
	return doc;
}

/*
 * Compiled stylesheets, kept while the process runs: a packet renders
 * fifteen jobs with the same templates.  At most SHEETS_MAX are kept; to
 * make room the least recently used one that no transformation holds is
 * freed, and when every one is held the new one is used once and freed.
 * One lock for every thread (libxslt shares a compiled stylesheet between
 * transformations); a transformation holds its sheet from sheet_take to
 * sheet_drop, so that it is not freed under it.
 */
#define SHEETS_MAX 8
struct sheet {
	char             *path;    /* owned; NULL: not in the cache */
	xsltStylesheetPtr style;
	int               users;   /* transformations holding it */
	unsigned long     used;    /* when it was last taken (a counter) */
};
static pthread_mutex_t sheets_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sheet sheets[SHEETS_MAX];
static int nsheets;
static unsigned long sheets_clock;

/* A slot for a new sheet: a free one, else the least recently used one
 * not held, its stylesheet freed; NULL when every one is held. */
static struct sheet *
sheet_slot(void)
{
	if (nsheets < SHEETS_MAX)
		return &sheets[nsheets++];
	struct sheet *old = NULL;
	for (int i = 0; i < nsheets; i++)
		if (sheets[i].users == 0 && (old == NULL || sheets[i].used < old->used))
			old = &sheets[i];
	if (old != NULL) {
		xsltFreeStylesheet(old->style);
		free(old->path);
		memset(old, 0, sizeof *old);
	}
	return old;
}

/* The compiled stylesheet at path, held until sheet_drop, or NULL when it
 * does not compile (its errors reported through this thread's handlers). */
static struct sheet *
sheet_take(const char *path)
{
	struct sheet *e = NULL;
	pthread_mutex_lock(&sheets_lock);
	for (int i = 0; i < nsheets && e == NULL; i++)
		if (sheets[i].path != NULL && strcmp(sheets[i].path, path) == 0)
			e = &sheets[i];
	if (e == NULL) {
		xsltStylesheetPtr s = xsltParseStylesheetFile((const xmlChar *)path);
		if (s != NULL && (e = sheet_slot()) != NULL) {
			e->path = xstrdup(path);
			e->style = s;
		} else if (s != NULL) {
			e = xcalloc(1, sizeof *e);   /* path NULL: freed by sheet_drop */
			e->style = s;
		}
	}
	if (e != NULL) {
		e->users++;
		e->used = ++sheets_clock;
	}
	pthread_mutex_unlock(&sheets_lock);
	return e;
}

static void
sheet_drop(struct sheet *e)
{
	if (e == NULL)
		return;
	pthread_mutex_lock(&sheets_lock);
	assert(e->users > 0);
	e->users--;
	int uncached = e->path == NULL;
	pthread_mutex_unlock(&sheets_lock);
	if (uncached) {
		xsltFreeStylesheet(e->style);
		free(e);
	}
}

void
src_cleanup(void)
{
	pthread_mutex_lock(&sheets_lock);
	int kept = 0;
	for (int i = 0; i < nsheets; i++) {
		if (sheets[i].users > 0) {   /* another thread's transformation */
			sheets[kept++] = sheets[i];
			continue;
		}
		xsltFreeStylesheet(sheets[i].style);
		free(sheets[i].path);
	}
	for (int i = kept; i < nsheets; i++)
		memset(&sheets[i], 0, sizeof sheets[i]);
	nsheets = kept;
	pthread_mutex_unlock(&sheets_lock);
	src_allow_reset();
}

static struct xdoc *xslt_run(const char *xsl, const char *in, const char *in_bytes, size_t in_len,
    const char **params, const char *name, const char *fo_out, struct diag *d);

struct xdoc *
src_xslt_run(const char *xsl, const char *in, const char **params, const char *name,
    const char *fo_out, struct diag *d)
{
	return xslt_run(xsl, in, NULL, 0, params, name, fo_out, d);
}

struct xdoc *
src_xslt_run_mem(const char *xsl, const char *bytes, size_t n, const char *in_name,
    const char **params, const char *name, const char *fo_out, struct diag *d)
{
	return xslt_run(xsl, in_name, bytes, n, params, name, fo_out, d);
}

static struct xdoc *
xslt_run(const char *xsl, const char *in, const char *in_bytes, size_t in_len,
    const char **params, const char *name, const char *fo_out, struct diag *d)
{
	struct errctx ec = { .d = d, .file = in };
	struct xdoc *out = NULL;
	const char **qp = NULL;
	size_t np = 0;

	setup_once();
	register_extensions();
	oom_context(_("transforming %s with %s"), in, xsl);
	xmlDocPtr doc = in_bytes ? parse_source(in_bytes, in_len, in, NULL, &ec) : read_doc(in, &ec);
	if (doc == NULL)
		return NULL;
	xslt_diag = d;
	xslt_file = xsl;
	xmlSetGenericErrorFunc(NULL, xslt_error);
	struct errctx sc = { .d = d, .file = xsl };
	struct buf held = {0};
	xmlSetStructuredErrorFunc(&sc, xslt_compile_error);
	xslt_held = &held;
	struct sheet *sheet = path_allowed(xsl) ? sheet_take(xsl) : NULL;
	xsltStylesheetPtr style = sheet ? sheet->style : NULL;
	xslt_held = NULL;
	xmlSetStructuredErrorFunc(NULL, NULL);
	xslt_release(&held, style == NULL);
	if (style == NULL) {
		diag_report(d, DIAG_ERROR, xsl, 0, 0, "cannot load the stylesheet");
		goto done;
	}
	/* string parameters become XPath string literals */
	for (np = 0; params && params[np]; np += 2)
		;
	qp = xcalloc(np + 1, sizeof *qp);
	for (size_t i = 0; i < np; i += 2) {
		qp[i] = params[i];
		const char *v = params[i + 1];
		size_t n = strlen(v) + 3;
		char *q = xmalloc(n);
		snprintf(q, n, strchr(v, '\'') ? "\"%s\"" : "'%s'", v);
		qp[i + 1] = q;
	}
	xsltSecurityPrefsPtr sec = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xslt_deny);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xslt_deny);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xslt_deny);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xslt_deny);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, xslt_read);
	xsltTransformContextPtr tc = xsltNewTransformContext(style, doc);
	xsltSetCtxtSecurityPrefs(sec, tc);
	xslt_held = &held;
	xmlSetStructuredErrorFunc(NULL, xslt_xml_error);
	xmlDocPtr res = xsltApplyStylesheetUser(style, doc, qp, NULL, NULL, tc);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xslt_held = NULL;
	int state = tc->state;
	xsltFreeTransformContext(tc);
	xsltFreeSecurityPrefs(sec);
	if (res == NULL || state != XSLT_STATE_OK) {
		xslt_release(&held, 1);
		diag_report(d, DIAG_ERROR, xsl, 0, 0, "the transformation of %s failed", in);
		xmlFreeDoc(res);
		goto done;
	}
	xslt_release(&held, 0);
	/* result line numbers refer to nothing useful: count them off the
	 * serialised FO instead, so diagnostics point into the --fo file */
	{
		xmlChar *mem = NULL;
		int len = 0;
		xsltSaveResultToString(&mem, &len, res, style);
		xmlFreeDoc(res);
		if (mem) {
			if (fo_out)
				file_write(fo_out, mem, (size_t)len, d);
			out = src_xml_parse((const char *)mem, (size_t)len, name, d);
			xmlFree(mem);
		}
	}
done:
	if (qp) {
		for (size_t i = 1; i < np; i += 2)
			free((char *)qp[i]);
		free(qp);
	}
	/* the stylesheet stays cached for the next job (src_cleanup frees it) */
	sheet_drop(sheet);
	xmlFreeDoc(doc);
	xmlSetGenericErrorFunc(NULL, NULL);
	xslt_diag = NULL;
	return out;
}
