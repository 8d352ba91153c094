/*
 * source — XSLT: a source document transformed by a stylesheet into the
 * FO tree; the stylesheet cache, the security policy (no writes, no
 * network, reads from the allowed folders), document() read by the one
 * policy, folio's extension functions, and libxslt's messages turned into
 * file:line diagnostics.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <pthread.h>
#include <assert.h>
#include <stdarg.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/uri.h>
#include <libxml/xpathInternals.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/security.h>
#include <libxslt/xsltutils.h>
#include <libxslt/extensions.h>
#include <libxslt/documents.h>
#include <libxslt/imports.h>

#include "source.h"
#include "source_int.h"
#include "../base/file.h"
#include "../base/limits.h"

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
	return src_path_allowed(value);
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
	size_t n = src_msg_trim(msg);
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
	src_msg_trim(msg);
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
		src_on_error(data, e);
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
	/* every entry hold() made ends with its NUL */
	assert(held->n == 0 || held->p[held->n - 1] == '\0');
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
	assert(k == n);
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
static xsltDocLoaderFunc default_doc_loader;

static xmlDocPtr
doc_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt, xsltLoadType type)
{
	if (type != XSLT_LOAD_DOCUMENT || ctxt == NULL || xslt_diag == NULL)
		return default_doc_loader(uri, dict, options, ctxt, type);
	xsltTransformContextPtr tc = ctxt;
	char *path = uri_path((const char *)uri);
	if (path == NULL || !src_path_allowed(path)) {
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
		doc = src_parse_source(b.p, b.n, path, dict, &ec);
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

/*
 * The FO tree of the result res (freed), made from res itself: libxslt
 * gives its nodes no line of the FO, so src_tree_of_result gives each
 * the line it has in the FO as serialised, which is written only when
 * fo_out asks for it (docs/messages.md).  A result that would not read
 * back as it is (a text written without escaping, an output method other
 * than xml) is serialised and parsed, as every result was before.
 */
static struct xdoc *
result_tree(xmlDocPtr res, xsltStylesheetPtr style, const char *name, const char *fo_out,
    struct diag *d)
{
	int indent, omit;
	const xmlChar *method;
	XSLT_GET_IMPORT_INT(indent, style, indent);
	XSLT_GET_IMPORT_INT(omit, style, omitXmlDeclaration);
	XSLT_GET_IMPORT_PTR(method, style, method);
	struct xdoc *out = NULL;
	if (method == NULL || xmlStrEqual(method, (const xmlChar *)"xml"))
		out = src_tree_of_result(res, indent == 1, omit == 1 ? 1 : 2, name);
	if (out == NULL || fo_out) {
		xmlChar *mem = NULL;
		int len = 0;
		xsltSaveResultToString(&mem, &len, res, style);
		if (mem && fo_out)
			file_write(fo_out, mem, (size_t)len, d);
		if (mem && out == NULL)
			out = src_xml_parse((const char *)mem, (size_t)len, name, d);
		xmlFree(mem);
	}
	xmlFreeDoc(res);
	return out;
}

static struct xdoc *
xslt_run(const char *xsl, const char *in, const char *in_bytes, size_t in_len,
    const char **params, const char *name, const char *fo_out, struct diag *d)
{
	struct errctx ec = { .d = d, .file = in };
	struct xdoc *out = NULL;
	const char **qp = NULL;
	size_t np = 0;

	src_setup_once();
	register_extensions();
	oom_context(_("transforming %s with %s"), in, xsl);
	xmlDocPtr doc = in_bytes ? src_parse_source(in_bytes, in_len, in, NULL, &ec) : src_load_source(in, in, NULL, &ec);
	if (doc == NULL)
		return NULL;
	xslt_diag = d;
	xslt_file = xsl;
	xmlSetGenericErrorFunc(NULL, xslt_error);
	struct errctx sc = { .d = d, .file = xsl };
	struct buf held = {0};
	xmlSetStructuredErrorFunc(&sc, xslt_compile_error);
	xslt_held = &held;
	struct sheet *sheet = src_path_allowed(xsl) ? sheet_take(xsl) : NULL;
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
	/* the source is not needed any more: freed before the FO tree is made */
	xmlFreeDoc(doc);
	doc = NULL;
	out = result_tree(res, style, name, fo_out, d);
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

void
src_xslt_setup(void)
{
	default_doc_loader = xsltDocDefaultLoader;
	xsltSetLoaderFunc(doc_loader);
	/* libxslt's handler is one for the process; xslt_error finds the
	 * transformation of its own thread */
	xsltSetGenericErrorFunc(NULL, xslt_error);
}
