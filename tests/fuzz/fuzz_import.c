/*
 * fuzz_import — a tenants spreadsheet through `folio import` (import.h):
 * an input that starts as a zip does ("PK") is a workbook, any other a CSV
 * file; read, its headers matched, its rows joined, each tenant's case
 * made and checked, and the good ones written into the temporary folder's
 * cases/ (the project there; the schemas from FOLIO_ROOT, default the
 * current folder, the top of the tree).
 */
#include "fuzz.h"
#include "docset/docset.h"
#include "import/import.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct docset_opts o;
	struct import_opts io;

	diag_init(&d);
	memset(&o, 0, sizeof o);
	o.root = fuzz_dir();
	o.data = getenv("FOLIO_ROOT") ? getenv("FOLIO_ROOT") : ".";
	memset(&io, 0, sizeof io);
	io.doc = &o;
	io.partial = size > 0 && data[size - 1] & 1;   /* both ways of writing */
	const char *name = size >= 2 && data[0] == 'P' && data[1] == 'K' ? "in.xlsx" : "in.csv";
	import_bytes(name, (const char *)data, size, &io, &d);
	fuzz_done(&d);
	return 0;
}
