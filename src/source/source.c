/*
 * source — the one policy by which every XML document is read: internal
 * entities only, no external entities, DTDs or network; libxml2's errors
 * as file:line:col diagnostics; what libxml2 and libxslt keep for the
 * process set once.  The tree it makes is source_tree.c's, RELAX NG
 * validation source_rng.c's, XSLT source_xslt.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <pthread.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>

#include "source.h"
#include "source_int.h"
#include "../base/file.h"
#include "../base/limits.h"

void
src_report_xml(struct errctx *ec, enum diag_level level, const char *file, int line, int col,
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

size_t
src_msg_trim(char *msg)
{
	size_t n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	return n;
}

void
src_on_error(void *data, xmlErrorPtr e)
{
	struct errctx *ec = data;
	char msg[512];
	size_t n;

	if (e == NULL)
		return;
	if (ec->probs && e->domain == XML_FROM_RELAXNGV && src_rng_collect(ec, e) == 0) {
		ec->count++;
		return;
	}
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "XML error");
	n = src_msg_trim(msg);
	if (e->code == XML_ERR_ENTITY_LOOP)
		snprintf(msg + n, sizeof msg - n, "%s",
		    " (entities expand to too much text: libxml2's guard against entity bombs)");
	int line = e->line;
	if (line == 0 && e->node != NULL)
		line = (int)xmlGetLineNo((xmlNodePtr)e->node);   /* validation errors */
	src_report_xml(ec, e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR,
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
int
src_path_allowed(const char *url)
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
		src_report_xml(parsing, DIAG_ERROR, parsing->file, in ? in->line : 0,
		    in ? in->col : 0, msg);
		return NULL;
	}
	if (!src_path_allowed(url))
		return NULL;
	return xmlNewInputFromFile(ctxt, url);
}

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

/* What the libraries keep for the whole process, set once by the first
 * thread that needs them. */
static void
setup(void)
{
	/* libxml2's and libxslt's allocations: out of memory is folio's exit 1 */
	xmlMemSetup(free, lib_malloc, lib_realloc, lib_strdup);
	xmlInitParser();
	xmlSetExternalEntityLoader(entity_loader);
	src_xslt_setup();
}

void
src_setup_once(void)
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
xmlDocPtr
src_parse_source(const char *bytes, size_t n, const char *name, xmlDictPtr dict, struct errctx *ec)
{
	if (n > INT_MAX) {
		src_report_xml(ec, DIAG_ERROR, name, 0, 0, "the file is too large to parse");
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
	xmlSetStructuredErrorFunc(ec, src_on_error);
	int errors = ec->errors;
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, bytes, (int)n, name, NULL, PARSE_OPTS);
	xmlSetStructuredErrorFunc(outer_data, outer_f);
	parsing = outer;
	parsing_ctxt = outer_ctxt;
	int wf = ctxt->wellFormed;
	xmlFreeParserCtxt(ctxt);
	if (doc == NULL || !wf || ec->errors > errors) {
		if (ec->errors == errors)
			src_report_xml(ec, DIAG_ERROR, name, 0, 0, "cannot parse XML");
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* Read path (a regular file, or "-") and parse it as a source document. */
xmlDocPtr
src_load_source(const char *path, const char *name, xmlDictPtr dict, struct errctx *ec)
{
	struct buf b = {0};
	const char *why = NULL;
	if (file_read(path, LIMIT_SOURCE_BYTES, &b, &why) < 0) {
		char msg[512];
		snprintf(msg, sizeof msg, "cannot read: %s", why);
		src_report_xml(ec, DIAG_ERROR, name, 0, 0, msg);
		return NULL;
	}
	xmlDocPtr doc = src_parse_source(b.p, b.n, name, dict, ec);
	buf_free(&b);
	return doc;
}

struct xdoc *
src_xml_parse(const char *bytes, size_t n, const char *name, struct diag *d)
{
	struct errctx ec = { .d = d, .file = name };
	src_setup_once();
	oom_context(_("reading %s"), name);
	xmlDocPtr doc = src_parse_source(bytes, n, name, NULL, &ec);
	return doc ? src_tree_of(doc, name, d) : NULL;
}

struct xdoc *
src_xml_load(const char *path, struct diag *d)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	struct errctx ec = { .d = d, .file = name };
	src_setup_once();
	oom_context(_("reading %s"), name);
	xmlDocPtr doc = src_load_source(path, name, NULL, &ec);
	return doc ? src_tree_of(doc, name, d) : NULL;
}
