/*
 * source — internal interface between the files of the source stage (the
 * only users of libxml2 and libxslt).
 */
#ifndef FOLIO_SOURCE_INT_H
#define FOLIO_SOURCE_INT_H

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "source.h"

/* Where one document's problems go while libxml2 reads or checks it. */
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

/* Report msg once (libxml2 repeats itself) and at most 50 times (source.c). */
void src_report_xml(struct errctx *ec, enum diag_level level, const char *file, int line, int col,
    const char *msg);
/* libxml2's structured error handler: data is a struct errctx (source.c). */
void src_on_error(void *data, xmlErrorPtr e);
/* Set what libxml2 and libxslt keep for the process, once (source.c). */
void src_setup_once(void);
/* Is path (a file name or file: URL) inside an allowed folder? (source.c) */
int src_path_allowed(const char *url);
/*
 * Parse a source document held in memory by the one policy, into dict
 * when not NULL (documents of a transformation share its dictionary).
 * Returns the document, or NULL after reporting every problem to ec: a
 * document with any error is not used (source.c).
 */
xmlDocPtr src_parse_source(const char *bytes, size_t n, const char *name, xmlDictPtr dict, struct errctx *ec);
/* Read path (a regular file, or "-") and parse it as a source document (source.c). */
xmlDocPtr src_load_source(const char *path, const char *name, xmlDictPtr dict, struct errctx *ec);
/* The tree of doc in an arena, doc freed; NULL with an error when it has
 * no document element (source_tree.c). */
struct xdoc *src_tree_of(xmlDocPtr doc, const char *name, struct diag *d);
/*
 * The tree of an XSLT result res (not freed), as its serialisation would
 * read back: with indent, the blank text libxml2's serialiser puts between
 * the children of an element without text; each node with the line it has
 * in that serialisation, the document element on first_line.  NULL when
 * the result holds what that reading would change (a text written
 * without escaping, an entity reference, a node beside the document
 * element): the caller serialises and parses instead (source_tree.c).
 */
struct xdoc *src_tree_of_result(xmlDocPtr res, int indent, int first_line, const char *name);
/* A validity problem into ec->probs; 0 when collected (source_rng.c). */
int src_rng_collect(struct errctx *ec, xmlErrorPtr e);
/* libxslt's document loader and error handler, set once (source_xslt.c). */
void src_xslt_setup(void);
/* msg without its trailing newlines and blanks; returns its length (source.c). */
size_t src_msg_trim(char *msg);

#endif
