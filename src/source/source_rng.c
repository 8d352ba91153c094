/*
 * source — RELAX NG validation of a source document: its problems
 * reported as diagnostics, or collected by kind, element path and line
 * for the checks that put them back on a form's fields.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/relaxng.h>

#include "source.h"
#include "source_int.h"

/* ---------------------------------------------------------------- RELAX NG */

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

int
src_rng_collect(struct errctx *ec, xmlErrorPtr e)
{
	assert(ec->probs != NULL && ec->nprobs != NULL);   /* src_on_error checks */
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
	src_msg_trim(msg);
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
	src_setup_once();
	xmlDocPtr doc = rng_bytes ? src_parse_source(rng_bytes, rng_nbytes, path, NULL, &ec) : src_load_source(path, path, NULL, &ec);
	if (doc == NULL)
		return -1;
	struct errctx sc = { .d = d, .file = rng };
	xmlSetStructuredErrorFunc(&sc, src_on_error);
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
		xmlSetStructuredErrorFunc(&ec, src_on_error);
		xmlRelaxNGSetValidStructuredErrors(vc, src_on_error, &ec);
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
