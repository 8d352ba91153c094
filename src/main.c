/*
 * folio — the command line: parse arguments, run the stages, map the worst
 * diagnostic to the exit status.
 *
 *   folio render IN.fo -o OUT.pdf [--areas OUT.xml]
 *   folio subset            (the supported XSL-FO subset, as Markdown)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "source/source.h"
#include "fo/fo.h"
#include "text/text.h"
#include "area/area.h"
#include "layout/layout.h"
#include "pdf/pdf.h"

static void
usage(FILE *f)
{
	fputs("usage: folio render IN.fo -o OUT.pdf [--areas AREAS.xml]\n"
	      "       folio subset\n"
	      "       folio --version\n"
	      "IN or OUT may be - for standard input or output.\n", f);
}

/* Write the area dump atomically. */
static int
write_areas(const struct area_tree *at, const char *path, struct diag *d)
{
	if (strcmp(path, "-") == 0)
		return area_dump(at, stdout);
	size_t n = strlen(path);
	char *tmp = xmalloc(n + 16);
	snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd >= 0) {
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	int rc = -1;
	if (f != NULL) {
		rc = area_dump(at, f);
		if (fclose(f) != 0)
			rc = -1;
		if (rc == 0 && rename(tmp, path) != 0)
			rc = -1;
	}
	if (rc != 0) {
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot write the area tree");
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

static int
cmd_render(int argc, char **argv)
{
	const char *in = NULL, *out = NULL, *areas = NULL;
	struct diag d;
	int rc = 0;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(argv[i], "--areas") == 0 && i + 1 < argc)
			areas = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "folio: unknown option %s\n", argv[i]);
			usage(stderr);
			return 2;
		} else if (in == NULL)
			in = argv[i];
		else {
			usage(stderr);
			return 2;
		}
	}
	if (in == NULL || (out == NULL && areas == NULL)) {
		usage(stderr);
		return 2;
	}
	diag_init(&d);
	struct text_fonts *fonts = text_fonts_new(&d);
	struct xdoc *doc = src_xml_load(in, &d);
	struct fo_tree *fo = doc ? fo_tree_build_take(doc, &d) : NULL;
	struct area_tree *at = fo ? lay_document(fo, fonts, &d) : NULL;
	if (at == NULL || d.worst >= DIAG_ERROR) {
		rc = 1;
	} else {
		if (areas && write_areas(at, areas, &d) < 0)
			rc = 3;
		if (rc == 0 && out && pdf_write(at, out, &d) < 0)
			rc = 3;
	}
	area_tree_free(at);
	fo_tree_free(fo);
	text_fonts_free(fonts);
	diag_flush(&d, stderr);
	diag_free(&d);
	return rc;
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "render") == 0)
		return cmd_render(argc - 2, argv + 2);
	if (strcmp(argv[1], "subset") == 0) {
		fo_subset_print(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		puts("folio " FOLIO_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	fprintf(stderr, "folio: unknown command %s\n", argv[1]);
	usage(stderr);
	return 2;
}
