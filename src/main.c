/*
 * folio — the command line: parse arguments, run the stages, map the worst
 * diagnostic to the exit status.
 *
 *   folio render IN.fo -o OUT.pdf [--areas OUT.xml]
 *   folio check             (validate every source)
 *   folio check --layout    (is what folio ships ready to print?)
 *   folio manual [--procedure CODE] [--copy N] [--fo DIR]
 *   folio subset            (the supported XSL-FO subset, as Markdown)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "base/file.h"
#include "source/source.h"
#include "fo/fo.h"
#include "text/text.h"
#include "area/area.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "docset/docset.h"

static void
usage(FILE *f)
{
	fputs("usage: folio render IN.fo -o OUT.pdf [--areas AREAS.xml]\n"
	      "       folio check [--root DIR]\n"
	      "       folio check --layout [--root DIR] [FILE.fo…]\n"
	      "       folio packet [--root DIR] [-o OUTDIR] [--fo DIR] CASE.xml...\n"
	      "       folio forms [--root DIR] [-o OUTDIR] [--combined] [--copies N] [--serial] [FORM...]\n"
	      "       folio archive [--root DIR]   (keep this revision's sources for change bars)\n"
	      "       folio manual [--root DIR] [-o OUTDIR] [--procedure CODE] [--copy N] [--fo DIR]\n"
	      "       folio subset\n"
	      "       folio --version\n"
	      "IN or OUT may be - for standard input or output.\n", f);
}

/* Write the area dump (through a temporary, renamed). */
static int
write_areas(const struct area_tree *at, const char *path, struct diag *d)
{
	struct file_out o;
	if (file_out_open(&o, path, d) < 0)
		return -1;
	if (area_dump(at, o.f) != 0)
		file_out_fail(&o, errno);
	return file_out_commit(&o, d);
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

/* folio check / folio manual: the document-set jobs. */
static int
cmd_docset(const char *cmd, int argc, char **argv)
{
	struct docset_opts o;
	struct diag d;
	int rc, combined = 0, copies = 1, serial = 0, npos = 0, layout = 0;
	char **pos = xcalloc((size_t)argc + 1, sizeof *pos);

	memset(&o, 0, sizeof o);
	o.root = getenv("FOLIO_ROOT") ? getenv("FOLIO_ROOT") : ".";
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--root") == 0 && v)
			o.root = argv[++i];
		else if (strcmp(a, "-o") == 0 && v)
			o.out_dir = argv[++i];
		else if (strcmp(a, "--fo") == 0 && v)
			o.fo_dir = argv[++i];
		else if (strcmp(a, "--procedure") == 0 && v)
			o.procedure = argv[++i];
		else if (strcmp(a, "--copy") == 0 && v) {
			char *end;
			long n = strtol(argv[++i], &end, 10);
			if (*end || n < 1 || n > 9999) {
				fprintf(stderr, "folio: --copy needs a number from 1 to 9999\n");
				return 2;
			}
			o.copy = (int)n;
		} else if (strcmp(a, "--layout") == 0 && strcmp(cmd, "check") == 0) {
			layout = 1;
		} else if (strcmp(a, "--combined") == 0) {
			combined = 1;
		} else if (strcmp(a, "--serial") == 0) {
			serial = 1;
		} else if (strcmp(a, "--copies") == 0 && v) {
			char *end;
			long n = strtol(argv[++i], &end, 10);
			if (*end || n < 1 || n > 10000) {
				fprintf(stderr, "folio: --copies needs a number from 1 to 10000\n");
				free(pos);
				return 2;
			}
			copies = (int)n;
		} else if (a[0] != '-' && (strcmp(cmd, "packet") == 0 || strcmp(cmd, "forms") == 0
		    || strcmp(cmd, "check") == 0)) {
			pos[npos++] = argv[i];
		} else {
			fprintf(stderr, "folio: unknown option %s\n", a);
			usage(stderr);
			free(pos);
			return 2;
		}
	}
	if (strcmp(cmd, "check") == 0 && npos > 0 && !layout) {
		fprintf(stderr, "folio: check takes files only with --layout\n");
		usage(stderr);
		free(pos);
		return 2;
	}
	if (strcmp(cmd, "packet") == 0 && npos == 0) {
		fprintf(stderr, "folio: packet needs at least one case file\n");
		usage(stderr);
		free(pos);
		return 2;
	}
	{
		/* the jobs read the project's sources: say so when they are not here */
		size_t n = strlen(o.root) + 32;
		char *probe = xmalloc(n);
		snprintf(probe, n, "%s/schemas/case.rng", o.root);
		int here = access(probe, R_OK) == 0;
		free(probe);
		if (!here) {
			fprintf(stderr, "folio: %s is not a folio project (no schemas/ there): run folio from "
			    "the project's folder or give --root DIR\n", o.root);
			free(pos);
			return 2;
		}
	}
	diag_init(&d);
	if (strcmp(cmd, "check") == 0 && layout) {
		struct text_fonts *fonts = text_fonts_new(&d);
		rc = docset_layout(&o, fonts, pos, npos, &d) < 0 ? 1 : 0;
		text_fonts_free(fonts);
	} else if (strcmp(cmd, "check") == 0) {
		rc = docset_check(&o, &d) < 0 ? 1 : 0;
	} else if (strcmp(cmd, "archive") == 0) {
		rc = docset_archive(&o, &d) < 0 ? 1 : 0;
	} else if (strcmp(cmd, "packet") == 0 || strcmp(cmd, "forms") == 0) {
		struct text_fonts *fonts = text_fonts_new(&d);
		if (strcmp(cmd, "packet") == 0)
			rc = docset_packet(&o, fonts, pos, npos, &d) < 0 ? 1 : 0;
		else
			rc = docset_forms(&o, fonts, pos, npos, combined, copies, serial, &d) < 0 ? 1 : 0;
		text_fonts_free(fonts);
	} else {
		struct text_fonts *fonts = text_fonts_new(&d);
		rc = docset_manual(&o, fonts, &d) < 0 ? 1 : 0;
		text_fonts_free(fonts);
	}
	if (rc == 0 && d.worst >= DIAG_ERROR)
		rc = 1;
	if (file_output_failed())
		rc = 3;
	diag_flush(&d, stderr);
	diag_free(&d);
	free(pos);
	src_cleanup();
	return rc;
}

int
main(int argc, char **argv)
{
	intl_init();
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "render") == 0)
		return cmd_render(argc - 2, argv + 2);
	if (strcmp(argv[1], "check") == 0 || strcmp(argv[1], "manual") == 0 ||
	    strcmp(argv[1], "archive") == 0 || strcmp(argv[1], "packet") == 0 ||
	    strcmp(argv[1], "forms") == 0)
		return cmd_docset(argv[1], argc - 2, argv + 2);
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
