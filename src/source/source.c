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
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlsave.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/security.h>
#include <libxslt/xsltutils.h>
#include <libxslt/extensions.h>
#include <libxml/xpathInternals.h>
#include <unistd.h>
#include <sys/stat.h>

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
	int line = e->line;
	if (line == 0 && e->node != NULL)
		line = (int)xmlGetLineNo((xmlNodePtr)e->node);   /* validation errors */
	diag_report(ec->d, e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR,
	    ec->file, line, e->int2 > 0 ? e->int2 : 0, "%s", msg);
}

/* ---------------------------------------------------------------- loader */

static char **allowed;      /* real paths of the allowed directories */
static size_t nallowed;

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

/* External entities, DTDs and includes load only from allowed directories. */
static xmlParserInputPtr
no_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)id;
	if (!path_allowed(url))
		return NULL;
	return xmlNewInputFromFile(ctxt, url);
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

static struct xdoc *finish(xmlDocPtr doc, const char *name, struct diag *d);

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

/* ---------------------------------------------------------------- RELAX NG */

static struct xdoc *finish(xmlDocPtr doc, const char *name, struct diag *d);

static xmlDocPtr
read_doc(const char *path, struct errctx *ec)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (ctxt == NULL)
		return NULL;
	xmlSetStructuredErrorFunc(ec, on_error);
	/* read the file ourselves, so the loader's directory check does not apply to it */
	FILE *f = fopen(path, "rb");
	struct buf b = {0};
	char tmp[65536];
	size_t k;
	xmlDocPtr doc = NULL;
	if (f == NULL) {
		diag_report(ec->d, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
		ec->count++;
	} else {
		while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
			buf_add(&b, tmp, k);
		fclose(f);
		doc = xmlCtxtReadMemory(ctxt, b.p ? b.p : "", (int)b.n, path, NULL, PARSE_OPTS);
		if (doc && !ctxt->wellFormed) {
			xmlFreeDoc(doc);
			doc = NULL;
		}
		buf_free(&b);
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeParserCtxt(ctxt);
	return doc;
}

int
src_relaxng_validate(const char *path, const char *rng, struct diag *d)
{
	struct errctx ec = { d, path, 0 };
	setup_once();
	xmlDocPtr doc = read_doc(path, &ec);
	if (doc == NULL) {
		if (ec.count == 0)
			diag_report(d, DIAG_ERROR, path, 0, 0, "cannot parse XML");
		return -1;
	}
	struct errctx sc = { d, rng, 0 };
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
		xmlSetStructuredErrorFunc(&ec, on_error);
		xmlRelaxNGSetValidStructuredErrors(vc, on_error, &ec);
		rc = xmlRelaxNGValidateDoc(vc, doc) == 0 ? 0 : -1;
		if (rc != 0 && ec.count == 0)
			diag_report(d, DIAG_ERROR, path, 0, 0, "does not match %s", rng);
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
register_extensions(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	xsltRegisterExtModuleFunction((const xmlChar *)"amount-zh",
	    (const xmlChar *)"urn:folio:xslt", ext_amount_zh);
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

static struct diag *xslt_diag;
static const char *xslt_file;
/* While a transformation runs, what libxslt reports is held here: an
 * xsl:message of a transformation that succeeds is a warning, the reports
 * of one that fails are errors (libxslt gives both the same channel). */
static struct buf *xslt_held;

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
	if (n > 0 && xslt_held) {
		buf_puts(xslt_held, msg);
		buf_putc(xslt_held, '\0');
	} else if (n > 0 && xslt_diag) {
		diag_report(xslt_diag, DIAG_ERROR, xslt_file, 0, 0, "%s", msg);
	}
}

/* Report what was held during a transformation, at level. */
static void
xslt_release(struct buf *held, enum diag_level level)
{
	for (size_t i = 0; i < held->n; i += strlen(held->p + i) + 1)
		diag_report(xslt_diag, level, xslt_file, 0, 0, "%s%s", level == DIAG_WARNING ? "xsl:message: " : "",
		    held->p + i);
	buf_free(held);
}

static int
write_atomic(const char *path, const xmlChar *bytes, int n, struct diag *d)
{
	size_t len = strlen(path);
	char *tmp = xmalloc(len + 16);
	snprintf(tmp, len + 16, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	int ok = fd >= 0;
	if (ok) {
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
		ok = write(fd, bytes, (size_t)n) == n;
		ok = close(fd) == 0 && ok;
		ok = ok && rename(tmp, path) == 0;
	}
	if (!ok) {
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot write: %s", strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return ok ? 0 : -1;
}

/* Compiled stylesheets, kept while the process runs: a packet renders
 * fifteen jobs with the same templates. */
static struct { char *path; xsltStylesheetPtr style; } sheets[8];
static int nsheets;

static xsltStylesheetPtr
stylesheet(const char *path)
{
	for (int i = 0; i < nsheets; i++)
		if (strcmp(sheets[i].path, path) == 0)
			return sheets[i].style;
	xsltStylesheetPtr s = xsltParseStylesheetFile((const xmlChar *)path);
	if (s && nsheets < 8) {
		sheets[nsheets].path = xstrdup(path);
		sheets[nsheets++].style = s;
	}
	return s;
}

void
src_cleanup(void)
{
	for (int i = 0; i < nsheets; i++) {
		xsltFreeStylesheet(sheets[i].style);
		free(sheets[i].path);
	}
	nsheets = 0;
	src_allow_reset();
}

static xmlDocPtr
parse_mem(const char *bytes, size_t n, const char *name, struct errctx *ec)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (ctxt == NULL)
		return NULL;
	xmlSetStructuredErrorFunc(ec, on_error);
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, bytes, (int)n, name, NULL, PARSE_OPTS);
	if (doc && !ctxt->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeParserCtxt(ctxt);
	return doc;
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
	struct errctx ec = { d, in, 0 };
	struct xdoc *out = NULL;
	const char **qp = NULL;
	size_t np = 0;

	setup_once();
	register_extensions();
	xmlDocPtr doc = in_bytes ? parse_mem(in_bytes, in_len, in, &ec) : read_doc(in, &ec);
	if (doc == NULL)
		return NULL;
	xslt_diag = d;
	xslt_file = xsl;
	xsltSetGenericErrorFunc(NULL, xslt_error);
	xmlSetGenericErrorFunc(NULL, xslt_error);
	struct errctx sc = { d, xsl, 0 };
	xmlSetStructuredErrorFunc(&sc, on_error);
	xsltStylesheetPtr style = path_allowed(xsl) ? stylesheet(xsl) : NULL;
	xmlSetStructuredErrorFunc(NULL, NULL);
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
	struct buf held = {0};
	xslt_held = &held;
	xmlDocPtr res = xsltApplyStylesheetUser(style, doc, qp, NULL, NULL, tc);
	xslt_held = NULL;
	int state = tc->state;
	xsltFreeTransformContext(tc);
	xsltFreeSecurityPrefs(sec);
	if (res == NULL || state != XSLT_STATE_OK) {
		xslt_release(&held, DIAG_ERROR);
		diag_report(d, DIAG_ERROR, xsl, 0, 0, "the transformation of %s failed", in);
		xmlFreeDoc(res);
		goto done;
	}
	xslt_release(&held, DIAG_WARNING);
	/* result line numbers refer to nothing useful: count them off the
	 * serialised FO instead, so diagnostics point into the --fo file */
	{
		xmlChar *mem = NULL;
		int len = 0;
		xsltSaveResultToString(&mem, &len, res, style);
		xmlFreeDoc(res);
		if (mem) {
			if (fo_out)
				write_atomic(fo_out, mem, len, d);
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
	xmlFreeDoc(doc);
	xsltSetGenericErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	xslt_diag = NULL;
	return out;
}
