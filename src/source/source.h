/*
 * source — safe XML loading and XSLT.  The only stage that includes libxml2
 * and libxslt headers: documents leave it as a plain tree of struct xnode,
 * allocated in an arena, with source lines kept for diagnostics.
 * Parsing never touches the network and never loads external entities or
 * DTDs; XSLT runs with file writing and network access denied.
 */
#ifndef FOLIO_SOURCE_H
#define FOLIO_SOURCE_H

#include "../base/base.h"

enum xnode_kind {
	XNODE_ELEMENT,
	XNODE_TEXT
};

struct xattr {
	const char *ns;     /* namespace URI or NULL */
	const char *name;   /* local name */
	const char *value;
};

struct xnode {
	enum xnode_kind kind;
	const char     *ns;        /* element namespace URI or NULL */
	const char     *name;      /* element local name */
	const char     *text;      /* text content (XNODE_TEXT) */
	size_t          textlen;   /* bytes */
	int             line;      /* 1-based source line, 0 if unknown */
	struct xattr   *attrs;
	int             nattrs;
	struct xnode   *parent, *first, *last, *next;
};

struct xdoc {
	struct arena *arena;   /* owns every node and string */
	struct xnode *root;    /* document element */
	const char   *file;    /* name for diagnostics */
	const char   *base;    /* directory of the file, for relative URIs */
};

/*
 * Load and parse path ("-" reads standard input).  Returns an owned xdoc, or
 * NULL after reporting every parse error as file:line:col to d.
 */
struct xdoc *src_xml_load(const char *path, struct diag *d);
/* Parse a document held in memory; name is used in diagnostics. */
struct xdoc *src_xml_parse(const char *bytes, size_t n, const char *name,
    struct diag *d);
void src_xdoc_free(struct xdoc *doc);

/* The value of attribute name (no namespace) of e, or NULL. */
const char *xnode_attr(const struct xnode *e, const char *name);
/* The first element child of e named name, or NULL (e may be NULL);
 * xnode_next: the next element sibling of e named name.  Borrowed. */
const struct xnode *xnode_child(const struct xnode *e, const char *name);
const struct xnode *xnode_next(const struct xnode *e, const char *name);
/* The text children of e joined, as they are (owned; "" for NULL). */
char *xnode_text(const struct xnode *e);
/* The same without white space (spaces, tabs, line ends) at either end. */
char *xnode_text_trimmed(const struct xnode *e);

/* Wrap an already built subtree (e.g. fo:root inside a test case) as an
 * xdoc that borrows its nodes from owner; free with src_xdoc_free. */
struct xdoc *src_xdoc_borrow(const struct xdoc *owner, struct xnode *root);

/*
 * Directories whose files the loader may read (stylesheets, includes,
 * document() and RELAX NG includes).  Nothing outside them is ever read
 * through libxml2, and nothing from the network at all.  With no directory
 * allowed, every external load is refused.
 */
void src_allow_dir(const char *dir);
void src_allow_reset(void);

/*
 * Validate the XML file path against the RELAX NG schema rng.  Every
 * problem is reported to d as file:line.  Returns 0 if valid, -1 if not (or
 * if the schema cannot be loaded).
 */
int src_relaxng_validate(const char *path, const char *rng, struct diag *d);

/* What a schema found wrong with one element, for a caller that words the
 * message itself (docset: field labels, in the user's language). */
enum src_rng_kind {
	SRC_RNG_VALUE,        /* the text or an attribute is not of its type: name = type */
	SRC_RNG_UNEXPECTED,   /* element `name` is not allowed here (or not in this order) */
	SRC_RNG_MISSING,      /* element `name` is missing inside `path` */
	SRC_RNG_ATTRIBUTES,   /* an attribute of `path` is missing, unknown or wrong */
	SRC_RNG_CONTENT,      /* the content of `path` is wrong (follows a more precise one) */
	SRC_RNG_OTHER         /* anything else: message says what */
};

struct src_rng_problem {
	enum src_rng_kind kind;
	int               line;
	char             *path;     /* element path from the root: "case/fees/fee/unit-price" */
	char             *name;     /* element or type name the problem is about, or "" */
	char             *value;    /* the value refused, or "" */
	char             *message;  /* libxml2's own words, for SRC_RNG_OTHER */
};

/*
 * As src_relaxng_validate, but the validity problems are returned in *v (owned,
 * n of them; free with src_rng_problems_free) rather than reported; a file
 * that cannot be read or parsed, or a schema that cannot be loaded, is
 * still reported to d.  With bytes, those n bytes are validated (named
 * path) instead of the file.  Returns 0 if valid, -1 if not.
 */
int src_relaxng_problems(const char *path, const char *bytes, size_t nbytes, const char *rng,
    struct src_rng_problem **v, size_t *n, struct diag *d);
void src_rng_problems_free(struct src_rng_problem *v, size_t n);

/*
 * Run the XSLT stylesheet xsl on the XML file in, with string parameters
 * params (name, value, …, NULL; values are passed as XPath strings).  File
 * writing, directory creation and network access are denied; reading is
 * limited to the allowed directories.  If fo_out is not NULL the result is
 * also written there (atomically).  Returns the result as an owned xdoc
 * named name, or NULL after reporting why.
 */
struct xdoc *src_xslt_run(const char *xsl, const char *in, const char **params,
    const char *name, const char *fo_out, struct diag *d);

/* The same, with the input document held in memory (in_name names it). */
struct xdoc *src_xslt_run_mem(const char *xsl, const char *bytes, size_t n,
    const char *in_name, const char **params, const char *name, const char *fo_out,
    struct diag *d);

/* Free what the stage keeps between documents (compiled stylesheets). */
void src_cleanup(void);

#endif
