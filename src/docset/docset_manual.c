/*
 * docset — folio manual: procedures/ → templates/manual.xsl → FO → layout
 * → output/manual/<document number>-E<edition>R<revision>.pdf.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <time.h>

#include "../base/file.h"
#include "../base/limits.h"
#include "../source/source.h"
#include "../fo/fo.h"
#include "../text/text.h"
#include "../area/area.h"
#include "../layout/layout.h"
#include "../pdf/pdf.h"
#include "docset.h"
#include "docset_int.h"

/* Render an FO document held as an xdoc (taken) to path. */
int
ds_render(struct xdoc *fo, struct text_fonts *fonts, const char *path, struct diag *d)
{
	struct fo_tree *t = fo_tree_build_take(fo, d);
	struct area_tree *at = t ? lay_document(t, fonts, d) : NULL;
	int rc = -1;
	if (at && d->worst < DIAG_ERROR)
		rc = pdf_write(at, path, d);
	ds_layout_check(at, path, d);
	area_tree_free(at);
	fo_tree_free(t);
	return rc;
}

/*
 * The previous issued revision: the greatest procedures/issued/E<e>R<r>
 * below the current version.  Returns an owned path relative to
 * procedures/ ("issued/E1R0/"), or NULL when there is none.
 */
static char *
previous_issue(const char *pdir, int ed, int rv)
{
	char *idir = ds_path(pdir, "issued");
	DIR *dp = opendir(idir);
	int be = -1, br = -1;
	free(idir);
	if (dp == NULL)
		return NULL;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		int e, r;
		char tail;
		if (sscanf(de->d_name, "E%dR%d%c", &e, &r, &tail) != 2)
			continue;
		if (e > ed || (e == ed && r >= rv))
			continue;
		if (e > be || (e == be && r > br)) {
			be = e;
			br = r;
		}
	}
	closedir(dp);
	if (be < 0)
		return NULL;
	char buf[64];
	snprintf(buf, sizeof buf, "issued/E%dR%d/", be, br);
	return xstrdup(buf);
}

static int
copy_file(const char *from, const char *to, struct diag *d)
{
	struct buf b = {0};
	const char *why = NULL;
	if (file_read(from, LIMIT_SOURCE_BYTES, &b, &why) < 0) {
		diag_report(d, DIAG_ERROR, from, 0, 0, _("cannot read: %s"), why);
		return -1;
	}
	int rc = file_write(to, b.p, b.n, d);
	buf_free(&b);
	return rc;
}

int
docset_archive(const struct docset_opts *o, struct diag *d)
{
	char *pdir = ds_path(o->root, "procedures"), *manual = ds_path(pdir, "manual.xml");
	struct xdoc *md = NULL;
	int rc = -1;
	ds_allow(o);
	if (ds_check_procedures(o, d) < 0) {
		diag_summary(d, DIAG_ERROR, NULL, _("the procedure sources are not valid (above); nothing is archived"));
		goto done;
	}
	md = src_xml_load(manual, d);
	const struct xnode *ver = md ? xnode_child(xnode_child(md->root, "control"), "version") : NULL;
	if (ver == NULL)
		goto done;
	char sub[64];
	snprintf(sub, sizeof sub, "issued/E%sR%s", xnode_attr(ver, "edition"), xnode_attr(ver, "revision"));
	char *dir = ds_path(pdir, sub);
	struct stat st;
	if (stat(dir, &st) == 0) {
		diag_report(d, DIAG_ERROR, dir, 0, 0, _("this revision is archived already: a new archive needs a new <revision> entry in manual.xml"));
		free(dir);
		goto done;
	}
	if (file_mkdirs(dir, d) < 0) {
		free(dir);
		goto done;
	}
	rc = 0;
	const char *fixed[] = { "manual.xml", "forms-register.xml" };
	for (int i = 0; i < 2 && rc == 0; i++) {
		char *from = ds_path(pdir, fixed[i]), *to = ds_path(dir, fixed[i]);
		rc = copy_file(from, to, d);
		free(from);
		free(to);
	}
	const struct xnode *ps = xnode_child(md->root, "procedures");
	for (const struct xnode *r = xnode_child(ps, "procedure-ref"); r && rc == 0; r = xnode_next(r, "procedure-ref")) {
		char *from = ds_path(pdir, xnode_attr(r, "href")), *to = ds_path(dir, xnode_attr(r, "href"));
		rc = copy_file(from, to, d);
		free(from);
		free(to);
	}
	if (rc == 0 && !o->quiet)
		fprintf(stderr, _("folio: archived the sources of this revision in %s\n"), dir);
	free(dir);
done:
	src_xdoc_free(md);
	src_allow_reset();
	free(pdir);
	free(manual);
	return rc;
}

/* The manual's file name without its extension: document number, edition
 * and revision, the procedure and the copy, ASCII only. */
static void
manual_base(char *base, size_t size, const struct docset_opts *o, const char *code, const char *ed,
    const char *rv)
{
	snprintf(base, size, "%s-E%sR%s%s%s%s", code ? code : "manual", ed, rv,
	    o->procedure ? "-" : "", o->procedure ? o->procedure : "",
	    o->copy > 0 ? "-copy" : "");
	for (char *s = base; *s; s++)
		if (*s == '/')
			*s = '-';
	if (o->copy > 0) {
		size_t n = strlen(base);
		snprintf(base + n, size - n, "%03d", o->copy);
	}
}

int
docset_manual(const struct docset_opts *o, struct text_fonts *fonts, struct diag *d)
{
	char *pdir = ds_path(o->root, "procedures"), *tdir = ds_path(ds_data(o), "templates");
	char *manual = ds_path(pdir, "manual.xml"), *xsl = ds_path(tdir, "manual.xsl");
	char *outdir = o->out_dir ? xstrdup(o->out_dir) : ds_path(o->root, "output");
	char *mdir = ds_path(outdir, "manual");
	struct xdoc *md = NULL;
	struct ds_site site;
	int rc = -1;

	ds_allow(o);
	if (ds_site_load(o, &site, d) < 0) {
		diag_report(d, DIAG_ERROR, NULL, 0, 0, _("the site file is not valid; the manual is not built"));
		goto done;
	}
	ds_site_allow(&site);
	ds_site_fonts(&site, fonts);
	if (ds_check_procedures(o, d) < 0) {
		diag_summary(d, DIAG_ERROR, NULL, _("the procedure sources are not valid (above); the manual is not built"));
		goto done;
	}
	md = src_xml_load(manual, d);
	if (md == NULL)
		goto done;
	const char *code = xnode_attr(md->root, "code");
	const struct xnode *ver = xnode_child(xnode_child(md->root, "control"), "version");
	const char *ed = ver ? xnode_attr(ver, "edition") : "0";
	const char *rv = ver ? xnode_attr(ver, "revision") : "0";
	if (o->procedure) {
		int found = 0;
		const struct xnode *ps = xnode_child(md->root, "procedures");
		for (const struct xnode *r = xnode_child(ps, "procedure-ref"); r; r = xnode_next(r, "procedure-ref"))
			found |= strcmp(xnode_attr(r, "code") ? xnode_attr(r, "code") : "", o->procedure) == 0;
		if (!found) {
			diag_report(d, DIAG_ERROR, manual, 0, 0, _("no procedure %s in the manual"), o->procedure);
			goto done;
		}
	}
	char base[256];
	manual_base(base, sizeof base, o, code, ed, rv);
	char copy[16];
	snprintf(copy, sizeof copy, "%d", o->copy);
	char *prev = previous_issue(pdir, atoi(ed ? ed : "0"), atoi(rv ? rv : "0"));
	/* the stylesheet reads the manual itself: its tree is not needed any more */
	src_xdoc_free(md);
	md = NULL;
	const char *params[12] = { "procedure", o->procedure ? o->procedure : "",
		"copy", o->copy > 0 ? copy : "", "previous", prev ? prev : "", NULL };
	ds_site_params(&site, params, 6, 12);
	char *fo_out = NULL;
	if (o->fo_dir) {
		if (file_mkdirs(o->fo_dir, d) < 0)
			goto done;
		char name[300];
		snprintf(name, sizeof name, "%s.fo", base);
		fo_out = ds_path(o->fo_dir, name);
	}
	char foname[300];
	snprintf(foname, sizeof foname, "%s.fo", base);
	clock_t t0 = clock();
	struct xdoc *fo = src_xslt_run(xsl, manual, params, fo_out ? fo_out : foname, fo_out, d);
	free(fo_out);
	free(prev);
	if (fo == NULL)
		goto done;
	/* -o -: the PDF to standard output, no folder */
	int to_stdout = o->out_dir && strcmp(o->out_dir, "-") == 0;
	if (!to_stdout && file_mkdirs(mdir, d) < 0) {
		src_xdoc_free(fo);
		goto done;
	}
	char pdfname[300];
	snprintf(pdfname, sizeof pdfname, "%s.pdf", base);
	char *pdf = to_stdout ? xstrdup("-") : ds_path(mdir, pdfname);
	struct docset_progress *pr = docset_progress_begin(o->quiet);
	rc = ds_render(fo, fonts, pdf, d);
	docset_progress_end(pr);
	if (rc == 0 && !o->quiet && !to_stdout)
		fprintf(stderr, "folio: wrote %s (%.2f s)\n", pdf, (double)(clock() - t0) / CLOCKS_PER_SEC);
	free(pdf);
done:
	src_xdoc_free(md);
	ds_site_free(&site);
	src_allow_reset();
	free(pdir);
	free(tdir);
	free(manual);
	free(xsl);
	free(outdir);
	free(mdir);
	return rc;
}
