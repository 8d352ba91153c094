/*
 * fuzz_fo — an FO document, as bytes, through source, fo, layout, area and
 * pdf: the path of `folio render`.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	diag_init(&d);
	fuzz_render((const char *)data, size, "fuzz.fo", &d);
	fuzz_done(&d);
	return 0;
}
