/*
 * Layout test runner.  Each tests/layout/NAME.xml is
 *
 *   <testcase>
 *     <info>what is tested</info>
 *     <fo> <fo:root …>…</fo:root> </fo>
 *     <checks>
 *       <eval xpath="…" expected="…" [tolerance="N"]/>   string or number
 *       <true xpath="…"/>                                  boolean
 *       <diag contains="…"/>                               a diagnostic says this
 *       <no-diag contains="…"/>                            no diagnostic says this
 *     </checks>
 *   </testcase>
 *
 * The FO is laid out in memory, the area tree dumped as XML and each XPath
 * evaluated on it.  Prints one line per failed check and a summary line
 * "layout: N passed, M failed" (counting test cases).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "base/base.h"
#include "source/source.h"
#include "fo/fo.h"
#include "text/text.h"
#include "area/area.h"
#include "layout/layout.h"

static xmlNodePtr
child(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

static int
run_case(const char *path, struct text_fonts *fonts, int verbose)
{
	/* read the file ourselves: folio's entity loader refuses every URL */
	char *bytes = NULL;
	size_t nbytes = 0;
	FILE *in = fopen(path, "rb");
	if (in) {
		FILE *mb = open_memstream(&bytes, &nbytes);
		char tmp[8192];
		size_t k;
		while ((k = fread(tmp, 1, sizeof tmp, in)) > 0)
			fwrite(tmp, 1, k, mb);
		fclose(mb);
		fclose(in);
	}
	xmlDocPtr tc = bytes ? xmlReadMemory(bytes, (int)nbytes, path, NULL, XML_PARSE_NONET) : NULL;
	free(bytes);
	if (tc == NULL) {
		printf("FAIL %s: cannot parse the test case\n", path);
		return 0;
	}
	xmlNodePtr root = xmlDocGetRootElement(tc);
	xmlNodePtr fo = child(child(root, "fo"), "root");
	xmlNodePtr checks = child(root, "checks");
	if (fo == NULL || checks == NULL) {
		printf("FAIL %s: no <fo><fo:root> or no <checks>\n", path);
		xmlFreeDoc(tc);
		return 0;
	}
	/* serialise the fo:root with its namespace so folio parses it as a file */
	xmlDocPtr fodoc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr copy = xmlDocCopyNode(fo, fodoc, 1);
	xmlDocSetRootElement(fodoc, copy);
	xmlReconciliateNs(fodoc, copy);
	xmlChar *mem;
	int memlen;
	xmlDocDumpMemoryEnc(fodoc, &mem, &memlen, "UTF-8");
	xmlFreeDoc(fodoc);

	struct diag d;
	diag_init(&d);
	text_fonts_set_diag(fonts, &d);
	struct xdoc *x = src_xml_parse((const char *)mem, (size_t)memlen, path, &d);
	xmlFree(mem);
	struct fo_tree *t = x ? fo_tree_build_take(x, &d) : NULL;
	struct area_tree *at = t ? lay_document(t, fonts, &d) : NULL;

	char *dump = NULL;
	size_t dumplen = 0;
	FILE *mf = open_memstream(&dump, &dumplen);
	if (at)
		area_dump(at, mf);
	else
		fputs("<areaTree/>", mf);
	fclose(mf);
	/* collect diagnostics text */
	char *diags = NULL;
	size_t diaglen = 0;
	mf = open_memstream(&diags, &diaglen);
	diag_flush(&d, mf);
	fclose(mf);

	xmlDocPtr ad = xmlReadMemory(dump, (int)dumplen, "areas.xml", NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
	xmlXPathContextPtr ctx = ad ? xmlXPathNewContext(ad) : NULL;
	int ok = 1;
	for (xmlNodePtr c = checks->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *kind = (const char *)c->name;
		xmlChar *xp = xmlGetProp(c, (const xmlChar *)"xpath");
		xmlChar *exp = xmlGetProp(c, (const xmlChar *)"expected");
		xmlChar *tol = xmlGetProp(c, (const xmlChar *)"tolerance");
		xmlChar *contains = xmlGetProp(c, (const xmlChar *)"contains");
		char msg[1024] = "";
		if (strcmp(kind, "diag") == 0 || strcmp(kind, "no-diag") == 0) {
			int found = contains && diags && strstr(diags, (const char *)contains) != NULL;
			if (found != (strcmp(kind, "diag") == 0))
				snprintf(msg, sizeof msg, "%s \"%s\" (diagnostics: %s)", kind,
				    contains ? (const char *)contains : "", diags ? diags : "");
		} else if (ctx == NULL) {
			snprintf(msg, sizeof msg, "no area tree (diagnostics: %s)", diags ? diags : "");
		} else {
			xmlXPathObjectPtr r = xmlXPathEvalExpression(xp, ctx);
			if (r == NULL) {
				snprintf(msg, sizeof msg, "bad XPath %s", xp);
			} else if (strcmp(kind, "true") == 0) {
				if (!xmlXPathCastToBoolean(r))
					snprintf(msg, sizeof msg, "not true: %s", xp);
			} else {
				xmlChar *got = xmlXPathCastToString(r);
				int pass;
				if (tol) {
					double g = xmlXPathCastToNumber(r), e = atof((const char *)exp);
					pass = fabs(g - e) <= atof((const char *)tol);
				} else {
					pass = exp && strcmp((const char *)got, (const char *)exp) == 0;
				}
				if (!pass)
					snprintf(msg, sizeof msg, "%s = \"%s\", expected \"%s\"%s%s", xp, got,
					    exp ? (const char *)exp : "", tol ? " ± " : "", tol ? (const char *)tol : "");
				xmlFree(got);
			}
			xmlXPathFreeObject(r);
		}
		if (msg[0]) {
			ok = 0;
			printf("FAIL %s:%d: %s\n", path, (int)xmlGetLineNo(c), msg);
		}
		xmlFree(xp);
		xmlFree(exp);
		xmlFree(tol);
		xmlFree(contains);
	}
	if (!ok && verbose)
		printf("---- area tree of %s\n%s\n", path, dump);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(ad);
	free(dump);
	free(diags);
	area_tree_free(at);
	fo_tree_free(t);
	text_fonts_set_diag(fonts, NULL);
	diag_free(&d);
	xmlFreeDoc(tc);
	return ok;
}

int
main(int argc, char **argv)
{
	int pass = 0, fail = 0, verbose = getenv("VERBOSE") != NULL;
	struct diag fd;
	diag_init(&fd);
	struct text_fonts *fonts = text_fonts_new(&fd);
	for (int i = 1; i < argc; i++) {
		if (run_case(argv[i], fonts, verbose))
			pass++;
		else
			fail++;
	}
	text_fonts_free(fonts);
	diag_free(&fd);
	xmlCleanupParser();
	printf("layout: %d passed, %d failed\n", pass, fail);
	return fail ? 1 : 0;
}
