/*
 * fuzz_svg — an SVG document, as bytes, through the svg stage (svg.h) onto
 * a page of its own, then the area dump and the PDF writer.
 */
#include "fuzz.h"
#include "svg/svg.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	diag_init(&d);
	struct text_fonts *fonts = fuzz_fonts(&d);
	struct xdoc *doc = src_xml_parse((const char *)data, size, "fuzz.svg", &d);
	if (doc && doc->root && doc->root->kind == XNODE_ELEMENT && strcmp(doc->root->name, "svg") == 0) {
		struct area_tree *at = area_tree_new();
		long elements = 0; /* the document's cap, as a render counts it */
		struct svg_env env = { at, fonts, &d, "fuzz.svg", "sans-serif", PT(12), 400, 0, 0, &elements };
		mpt w, h;
		svg_size(doc->root, &env, &w, &h);
		/* the page is the drawing: svg_size keeps it within what a PDF
		 * page may be (14,400 pt); at least 3 pt */
		struct area_page *p = area_page_add(at, w > PT(3) ? w : PT(3), h > PT(3) ? h : PT(3));
		p->root = area_new(at, AREA_REGION, NULL);
		p->root->w = p->w;
		p->root->h = p->h;
		p->root->background = 0xFFFFFFFFu;
		svg_draw(doc->root, &env, p->root, 0, 0, w, h);
		FILE *f = fopen("/dev/null", "w");
		if (f) {
			area_dump(at, f);
			fclose(f);
		}
		pdf_write(at, fuzz_path("out.pdf"), &d);
		area_tree_free(at);
	}
	src_xdoc_free(doc);
	fuzz_done(&d);
	return 0;
}
