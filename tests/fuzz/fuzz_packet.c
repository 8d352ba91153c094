/*
 * fuzz_packet — a move-in case file through `folio packet` (docset.h):
 * checked against its schema, transformed by the packet's templates, laid
 * out and written, every document, into the temporary folder.  The
 * project's templates, schemas and site file are read from FOLIO_ROOT
 * (default: the current folder, the top of the tree).
 */
#include "fuzz.h"
#include "docset/docset.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct docset_opts o;
	char out[4200], name[4200];

	diag_init(&d);
	struct text_fonts *fonts = fuzz_fonts(&d);
	snprintf(name, sizeof name, "%s", fuzz_file("case.xml", data, size));
	snprintf(out, sizeof out, "%s", fuzz_path("out"));
	memset(&o, 0, sizeof o);
	o.root = getenv("FOLIO_ROOT") ? getenv("FOLIO_ROOT") : ".";
	o.out_dir = out;
	o.quiet = getenv("FUZZ_VERBOSE") == NULL;
	char *cases[] = { name, NULL };
	docset_packet(&o, fonts, cases, 1, &d);
	fuzz_done(&d);
	return 0;
}
