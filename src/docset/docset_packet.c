/*
 * docset — folio packet (a customer's move-in packet, every form filled
 * from the case).  It builds a job document (namespace urn:folio:job)
 * listing what to render and runs templates/job.xsl on it (the job
 * functions are shared with folio forms, docset_forms.c); each PDF is written atomically, and a packet's
 * folder appears only when all its files are written.  A packet is laid
 * out once: packet.pdf is the whole area tree, and each document's and
 * form's own PDF is its pages of that tree.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* The handover procedure's order: documents handed out, then 收楼表格一…八. */
static const char *const packet_docs[] = {
	"customer-handbook", "renovation-rules", "emergency-manual",
	"safety-agreement", "access-pass-register",
};
static const char *const packet_forms[] = {
	"XT-KF-CX-001-R01", "XT-KF-CX-001-R02", "XT-KF-CX-001-R03", "XT-KF-CX-001-R04",
	"XT-KF-CX-001-R05", "XT-KF-CX-001-R06", "XT-KF-CX-001-R07", "XT-KF-CX-001-R08",
};
#define NDOCS  (sizeof packet_docs / sizeof packet_docs[0])
#define NFORMS (sizeof packet_forms / sizeof packet_forms[0])
#define NITEMS (NDOCS + NFORMS + 1)   /* and the receipt */

char *
ds_abspath(const char *p)
{
	char *r = realpath(p, NULL);
	return r ? r : xstrdup(p);
}

void
ds_job_item(struct buf *b, const char *kind, const char *href, int copies, int serial, const char *rows)
{
	buf_printf(b, "  <item kind=\"%s\"", kind);
	if (href) {
		buf_puts(b, " href=\"");
		buf_add_xml(b, href, strlen(href));
		buf_putc(b, '"');
	}
	if (copies > 1)
		buf_printf(b, " copies=\"%d\"", copies);
	if (serial > 0)
		buf_printf(b, " serial-start=\"%d\"", serial);
	if (rows && *rows)
		buf_printf(b, " rows=\"%s\"", rows);
	buf_puts(b, "/>\n");
}

/* Run templates/job.xsl on a job: the FO document (owned), or NULL.  The
 * FO is named name ("2024-001.fo"), or after pdf when name is NULL; its
 * messages name it so, and --fo writes it under that name. */
struct xdoc *
ds_job_fo(const struct docset_opts *o, const struct ds_site *site, const char *job, size_t n,
    const char *name, const char *pdf, struct diag *d)
{
	char *xsl = ds_path(ds_data(o), "templates/job.xsl");
	const char *params[8];
	ds_site_params(site, params, 0, 8);
	char fn[300];
	const char *base = strrchr(pdf, '/');
	snprintf(fn, sizeof fn, "%s", name ? name : base ? base + 1 : pdf);
	size_t k = strlen(fn);
	if (k > 4 && strcmp(fn + k - 4, ".pdf") == 0)
		strcpy(fn + k - 4, ".fo");
	char *fo_out = NULL;
	if (o->fo_dir && file_mkdirs(o->fo_dir, d) == 0)
		fo_out = ds_path(o->fo_dir, fn);
	/* the job document gets a name of its own: were it named after the case
	 * file, document() would return the job itself for the case's URI */
	struct xdoc *fo = src_xslt_run_mem(xsl, job, n, "folio-job.xml", params, fo_out ? fo_out : fn, fo_out, d);
	free(xsl);
	free(fo_out);
	return fo;
}

/* Run templates/job.xsl on a job and write the PDF. */
int
ds_run_job(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    const char *job, size_t n, const char *name, const char *pdf, struct diag *d)
{
	struct xdoc *fo = ds_job_fo(o, site, job, n, name, pdf, d);
	if (fo == NULL)
		return -1;
	return ds_render(fo, fonts, pdf, d);
}

/* ---------------------------------------------------------------- case checks */

static int
has_text(const struct xnode *e)
{
	for (const struct xnode *c = e ? e->first : NULL; c; c = c->next)
		if (c->kind == XNODE_TEXT && strspn(c->text, " \t\n\r") < c->textlen)
			return 1;
	return 0;
}

static void
need(struct ds_fields *fc, const struct xnode *root, const char *path, const char *who)
{
	const struct xnode *e = ds_at(root, path);
	if (e && has_text(e))
		return;
	char full[300], ex[256];
	snprintf(full, sizeof full, "case/%s", path);
	if (ds_fields_reported(fc, full))
		return;
	const struct xnode *parent = root;
	char p2[256];
	snprintf(p2, sizeof p2, "%s", path);
	char *slash = strrchr(p2, '/');
	if (slash) {
		*slash = '\0';
		const struct xnode *pe = ds_at(root, p2);
		if (pe)
			parent = pe;
	}
	ds_fields_example(fc, full, ex, sizeof ex);
	ds_fields_error(fc, e ? e->line : parent->line, full, _("missing; %s needs it: fill it in%s"), who, ex);
}

/* The text of x's <title>, or dflt. */
static void
title_of(const struct xdoc *x, const char *dflt, char *out, size_t n)
{
	const struct xnode *t = xnode_child(x->root, "title");
	const char *title = NULL;
	for (const struct xnode *c = t ? t->first : NULL; c; c = c->next)
		if (c->kind == XNODE_TEXT)
			title = c->text;
	snprintf(out, n, "%s", title ? title : dflt);
}

/*
 * Check the case paths a source needs: for a form, fields marked
 * required="true" (path); for a document, its <field ref="…"/> placeholders.
 */
static void
need_paths(struct ds_fields *fc, const struct xnode *e, int form, const struct xnode *root,
    const char *who)
{
	const char *path = NULL;
	if (form) {
		const char *req = xnode_attr(e, "required");
		if (req && strcmp(req, "true") == 0)
			path = xnode_attr(e, "path");
	} else if (strcmp(e->name, "field") == 0) {
		path = xnode_attr(e, "ref");
	}
	if (path && path[0] != '@')
		need(fc, root, path, who);
	for (const struct xnode *c = e->first; c; c = c->next)
		if (c->kind == XNODE_ELEMENT)
			need_paths(fc, c, form, root, who);
}

/* The file of the packet's source i: its forms first, then its documents
 * (owned). */
static char *
source_path(const struct docset_opts *o, size_t i)
{
	char name[128];
	if (i < NFORMS) {
		snprintf(name, sizeof name, "procedures/forms/%s.xml", packet_forms[i]);
		return ds_path(o->root, name);
	}
	char *cdir = ds_content(o);
	snprintf(name, sizeof name, "%s.xml", packet_docs[i - NFORMS]);
	char *p = ds_path(cdir, name);
	free(cdir);
	return p;
}

/* Fields the packet's forms mark required and the documents' placeholders. */
static void
collect_needs(const struct docset_opts *o, struct ds_fields *fc, const struct xnode *root)
{
	for (size_t i = 0; i < NFORMS + NDOCS; i++) {
		int form = i < NFORMS;
		char who[256], title[200];
		char *p = source_path(o, i);
		struct diag q;
		diag_init(&q);
		struct xdoc *x = src_xml_load(p, &q);
		diag_free(&q);
		free(p);
		if (x == NULL)
			continue;
		title_of(x, form ? packet_forms[i] : packet_docs[i - NFORMS], title, sizeof title);
		if (form)
			snprintf(who, sizeof who, "%s (%s)", title, packet_forms[i]);
		else
			snprintf(who, sizeof who, "%s", title);
		need_paths(fc, x->root, form, root, who);
		src_xdoc_free(x);
	}
}

/* folio check: the documents and forms every packet is made of exist, so
 * that a packet does not fail on them when it is made. */
int
ds_check_packet_sources(const struct docset_opts *o, struct diag *d)
{
	int bad = 0;
	for (size_t i = 0; i < NFORMS + NDOCS; i++) {
		char *p = source_path(o, i);
		FILE *f = fopen(p, "rb");
		if (f)
			fclose(f);
		else {
			diag_report(d, DIAG_ERROR, p, 0, 0, _("every packet needs this file, and it cannot be "
			    "read: %s"), strerror(errno));
			bad = 1;
		}
		free(p);
	}
	return bad ? -1 : 0;
}

/* A case's id is its file's name, and no other file of cases/ has it
 * (unless it is a copy of this very file: the same case). */
static void
check_case_id(const struct docset_opts *o, struct ds_fields *fc, const char *file, const char *as,
    const struct xnode *root, int others)
{
	if (as)
		file = as;
	const char *id = xnode_attr(root, "id");
	if (id == NULL || *id == '\0' || strcmp(file, "<stdin>") == 0 || strcmp(file, "-") == 0 ||
	    ds_fields_reported(fc, "case/@id"))
		return;
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	size_t n = strlen(base);
	if (n < 4 || strncmp(base, id, n - 4) != 0 || strlen(id) != n - 4)
		ds_fields_error(fc, root->line, "case/@id", _("\"%s\" is not the file's name (%s): a copied "
		    "case needs its own number; give it one and name the file after it"), id, base);
	if (!others)   /* folio import compares the bytes it would write itself */
		return;
	struct buf other = {0};
	buf_printf(&other, "%s/cases/%s.xml", o->root, id);
	char *a = realpath(other.p, NULL), *b = realpath(file, NULL);
	if (as && a && b == NULL)
		b = xstrdup(a);   /* the file to be: the case to be replaced is this one */
	if (a && b && strcmp(a, b) != 0 && !file_same_bytes(a, b))
		ds_fields_error(fc, root->line, "case/@id", _("\"%s\" is the number of another case, "
		    "%s: every case needs its own number"), id, other.p);
	free(a);
	free(b);
	buf_free(&other);
}

static int
check_case(const struct docset_opts *o, const struct ds_labels *labels, const char *file, const char *as,
    int packet, ds_locate_fn *fn, void *ctx, struct buf *normalised, struct docset_field_errors *errs,
    struct diag *d)
{
	char *rng = ds_path(ds_data(o), "schemas/case.rng");
	struct ds_fields *fc = ds_fields_new(labels, file, d);
	if (fn)
		ds_fields_locate(fc, fn, ctx);
	ds_fields_collect(fc, errs);
	struct diag q;
	diag_init(&q);
	struct xdoc *x = src_xml_load(file, &q);
	diag_free(&q);
	/* what the packet's forms and documents need, naming them, first:
	 * the schema's word for the same missing field is then left out */
	if (x && packet)
		collect_needs(o, fc, x->root);
	struct buf norm = {0};
	int bad = ds_fields_validate(fc, rng, &norm) < 0;
	free(rng);
	src_xdoc_free(x);
	x = norm.n ? src_xml_parse(norm.p, norm.n, file, &q) : NULL;
	diag_free(&q);
	if (x) {
		ds_case_rules(fc, x->root);
		check_case_id(o, fc, file, as, x->root, fn == NULL);
		src_xdoc_free(x);
	} else {
		bad = 1;
	}
	if (normalised)
		buf_add(normalised, norm.p ? norm.p : "", norm.n);
	buf_free(&norm);
	int errors = ds_fields_free(fc);
	return bad || errors ? -1 : 0;
}

int
ds_check_case(const struct docset_opts *o, const struct ds_labels *labels, const char *file,
    int packet, struct buf *normalised, struct diag *d)
{
	return check_case(o, labels, file, NULL, packet, NULL, NULL, normalised, NULL, d);
}

int
ds_check_case_as(const struct docset_opts *o, const struct ds_labels *labels, const char *file,
    const char *as, int packet, struct buf *normalised, struct docset_field_errors *errs, struct diag *d)
{
	return check_case(o, labels, file, as, packet, NULL, NULL, normalised, errs, d);
}

int
docset_case_check(const struct docset_opts *o, const char *file, const char *as,
    struct buf *normalised, struct docset_field_errors *errs, struct diag *d)
{
	struct ds_labels *labels = ds_labels_load(o);
	ds_allow(o);
	/* the file checked may be a temporary outside the project */
	char *dir = ds_abspath(file), *slash = strrchr(dir, '/');
	if (slash) {
		*slash = '\0';
		src_allow_dir(dir);
	}
	free(dir);
	int rc = ds_check_case_as(o, labels, file, as, 1, normalised, errs, d);
	src_allow_reset();
	ds_labels_free(labels);
	return rc;
}

int
ds_check_case_located(const struct docset_opts *o, const struct ds_labels *labels,
    const char *file, ds_locate_fn *fn, void *ctx, struct buf *normalised, struct diag *d)
{
	return check_case(o, labels, file, NULL, 1, fn, ctx, normalised, NULL, d);
}

static char *
case_id(const char *file, struct diag *d)
{
	struct xdoc *x = src_xml_load(file, d);
	char *id = NULL;
	if (x) {
		const char *v = xnode_attr(x->root, "id");
		if (v && *v && strchr(v, '/') == NULL && v[0] != '.')
			id = xstrdup(v);
		else
			diag_report(d, DIAG_ERROR, file, x->root->line, 0, "the case has no usable id");
		src_xdoc_free(x);
	}
	return id;
}

/* ---------------------------------------------------------------- packet */

static int
remove_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	if (dp == NULL)
		return -1;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		char *p = ds_path(dir, de->d_name);
		unlink(p);
		free(p);
	}
	closedir(dp);
	return rmdir(dir);
}

/*
 * The pages of the packet's item k (1-based): from the start of the page
 * sequence that holds its anchor (job.xsl: id "i<k>" on its first block) to
 * the page before item k+1's, or to the end.  -1 if the anchor is missing.
 */
static const struct area_dest *
dest_of(const struct area_tree *t, const char *id)
{
	for (const struct area_dest *d = t->dests; d; d = d->next)
		if (strcmp(d->id, id) == 0)
			return d;
	return NULL;
}

static int
seq_start(const struct area_tree *t, int page)
{
	int start = 1;
	for (const struct area_page *p = t->first; p && p->index <= page; p = p->next)
		if (p->seq_first)
			start = p->index;
	return start;
}

static int
item_pages(const struct area_tree *t, size_t k, int *first, int *last)
{
	char id[32];
	snprintf(id, sizeof id, "i%zu", k);
	const struct area_dest *a = dest_of(t, id);
	snprintf(id, sizeof id, "i%zu", k + 1);
	const struct area_dest *b = dest_of(t, id);
	if (a == NULL)
		return -1;
	*first = seq_start(t, a->page);
	*last = b ? seq_start(t, b->page) - 1 : t->npages;
	return *last >= *first ? 0 : -1;
}

/* The source a packet folder records it was made from (owned), or NULL. */
static char *
provenance_source(const char *dir)
{
	char *p = ds_path(dir, "provenance.txt"), *src = NULL;
	struct buf b = {0};
	const char *why = NULL;
	if (file_read(p, 1 << 20, &b, &why) == 0)
		for (const char *l = b.p; l != NULL && src == NULL; l = strchr(l, '\n'), l = l ? l + 1 : NULL)
			if (strncmp(l, "source: ", 8) == 0)
				src = xstrndup(l + 8, strcspn(l + 8, "\n"));
	buf_free(&b);
	free(p);
	return src;
}

/* dir/provenance.txt: which case, from which file, with which content. */
static int
write_provenance(const char *dir, const char *id, const char *src, const struct buf *norm, struct diag *d)
{
	struct buf raw = {0}, text = {0};
	const char *why = NULL;
	char hex[65];
	if (strcmp(src, "-") != 0 && file_read(src, LIMIT_SOURCE_BYTES, &raw, &why) == 0)
		sha256_hex(raw.p, raw.n, hex);
	else
		sha256_hex(norm->p ? norm->p : "", norm->n, hex);
	buf_free(&raw);
	buf_printf(&text, "case: %s\nsource: %s\nsha256: %s\n", id, src, hex);
	char *p = ds_path(dir, "provenance.txt");
	int rc = file_write(p, text.p, text.n, d);
	free(p);
	buf_free(&text);
	return rc;
}

/* May the packet folder fin be written from the case file src?  It may
 * when it does not exist or was made from src; -1 after reporting. */
static int
packet_ours(const char *casefile, const char *fin, const char *src, struct diag *d)
{
	struct stat pst;
	if (stat(fin, &pst) != 0)
		return 0;
	char *prev = provenance_source(fin);
	int rc = prev != NULL && strcmp(prev, src) == 0 ? 0 : -1;
	if (rc < 0 && prev)
		diag_report(d, DIAG_ERROR, casefile, 0, 0, _("%s was made from %s: a packet is never "
		    "replaced by another case's; give this case its own number, or move that folder "
		    "away"), fin, prev);
	else if (rc < 0)
		diag_report(d, DIAG_ERROR, casefile, 0, 0, _("%s exists but does not record which case "
		    "it was made from (provenance.txt): move it away, then run again"), fin);
	if (rc < 0)
		diag_summary(d, DIAG_ERROR, casefile, _("its packet is not written"));
	free(prev);
	return rc;
}

/* The job of a case's packet (abscase: the checked copy in tmp) into job;
 * names[i]: the PDF of item i in tmp (owned). */
static void
packet_job(const struct docset_opts *o, const char *id, const char *abscase, const char *tmp, struct buf *job,
    char **names)
{
	buf_puts(job, "<job xmlns=\"urn:folio:job\" mode=\"completed\" title=\"收楼文件 ");
	buf_add_xml(job, id, strlen(id));
	buf_puts(job, "\">\n  <case href=\"");
	buf_add_xml(job, abscase, strlen(abscase));
	buf_puts(job, "\"/>\n");
	for (size_t i = 0; i < NITEMS; i++) {
		char rel[200], *href = NULL;
		const char *kind, *name;
		if (i < NDOCS) {
			snprintf(rel, sizeof rel, "%s.xml", packet_docs[i]);
			kind = "document";
			name = packet_docs[i];
		} else if (i < NDOCS + NFORMS) {
			snprintf(rel, sizeof rel, "procedures/forms/%s.xml", packet_forms[i - NDOCS]);
			kind = "form";
			name = packet_forms[i - NDOCS];
		} else {
			rel[0] = '\0';
			kind = "receipt";
			name = "receipt";
		}
		if (rel[0]) {
			char *cdir = i < NDOCS ? ds_content(o) : NULL;
			char *p = ds_path(cdir ? cdir : o->root, rel);
			free(cdir);
			href = ds_abspath(p);
			free(p);
		}
		ds_job_item(job, kind, href, 1, 0, NULL);
		char pdfname[256];
		snprintf(pdfname, sizeof pdfname, "%02zu-%s.pdf", i + 1, name);
		names[i] = ds_path(tmp, pdfname);
		free(href);
	}
	buf_puts(job, "</job>\n");
}

/* The packet's PDFs into tmp: laid out once, the whole packet, then each
 * item's pages; rc is what the packet's making came to so far (nothing is
 * written unless it is 0, but the layout is checked all the same). */
static int
packet_pdfs(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    const char *casefile, const char *id, const char *abscase, const char *tmp, int rc, struct diag *d)
{
	struct buf job = {0};
	char *names[NITEMS];
	packet_job(o, id, abscase, tmp, &job, names);
	char *packet = ds_path(tmp, "packet.pdf");
	/* one FO a case: --fo with several cases writes each under its own name */
	char foname[160];
	snprintf(foname, sizeof foname, "%s.fo", id);
	struct xdoc *fo = ds_job_fo(o, site, job.p, job.n, foname, packet, d);
	struct fo_tree *ft = fo ? fo_tree_build_take(fo, d) : NULL;
	struct area_tree *at = ft ? lay_document(ft, fonts, d) : NULL;
	if (rc == 0)
		rc = at && d->worst < DIAG_ERROR ? pdf_write(at, packet, d) : -1;
	ds_layout_check(at, packet, d);
	const struct area_bookmark *bm = at ? at->bookmarks : NULL;
	for (size_t i = 0; i < NITEMS && rc == 0; i++, bm = bm ? bm->next : NULL) {
		int first, last;
		if (item_pages(at, i + 1, &first, &last) < 0 || bm == NULL) {
			diag_report(d, DIAG_ERROR, casefile, 0, 0, "item %zu of the packet has no pages", i + 1);
			rc = -1;
			break;
		}
		struct buf title = {0};
		buf_printf(&title, "%s — 收楼文件 %s", bm->title ? bm->title : "", id);
		struct area_tree *part = area_tree_slice(at, first, last, title.p, bm);
		rc = pdf_write(part, names[i], d);
		area_tree_free(part);
		buf_free(&title);
	}
	area_tree_free(at);
	fo_tree_free(ft);
	free(packet);
	for (size_t i = 0; i < NITEMS; i++)
		free(names[i]);
	buf_free(&job);
	return rc;
}

static int
one_packet(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    const char *casefile, const char *outdir, struct diag *d)
{
	struct ds_labels *labels = ds_labels_load(o);
	struct buf norm = {0};
	int bad = ds_check_case(o, labels, casefile, 1, &norm, d) < 0;
	ds_labels_free(labels);
	ds_case_leftovers(o, casefile, d);
	if (bad) {
		diag_summary(d, DIAG_ERROR, casefile, _("the case has errors (above); its packet is not written"));
		buf_free(&norm);
		return -1;
	}
	char *id = case_id(casefile, d);
	if (id == NULL) {
		buf_free(&norm);
		return -1;
	}
	char tmpname[300], finalname[300];
	snprintf(tmpname, sizeof tmpname, ".%s.tmp%ld", id, (long)getpid());
	snprintf(finalname, sizeof finalname, "%s", id);
	char *tmp = ds_path(outdir, tmpname), *fin = ds_path(outdir, finalname);
	int rc = 0;
	/* a packet folder is replaced only by a packet of the same case file */
	char *src = ds_abspath(casefile);
	int ok = packet_ours(casefile, fin, src, d) == 0;
	if (ok && file_temp_mkdir(tmp) != 0 &&
	    (errno != EEXIST || remove_dir(tmp) != 0 || file_temp_mkdir(tmp) != 0)) {
		/* (one left by an earlier run that had this process id is ours to remove) */
		file_fail(tmp, errno, d);
		ok = 0;
	}
	if (!ok) {
		free(src);
		free(tmp);
		free(fin);
		free(id);
		buf_free(&norm);
		return -1;
	}
	/* the templates read the case as checked (lenient values normalised):
	 * that copy stays in the packet, the data it was made from */
	char *copy = ds_path(tmp, "case.xml");
	if (file_write(copy, norm.p ? norm.p : "", norm.n, d) < 0)
		rc = -1;
	if (rc == 0 && write_provenance(tmp, id, src, &norm, d) < 0)
		rc = -1;
	free(src);
	buf_free(&norm);
	src_allow_dir(tmp);
	char *abscase = ds_abspath(copy);
	free(copy);

	rc = packet_pdfs(o, site, fonts, casefile, id, abscase, tmp, rc, d);
	if (rc == 0) {
		/* replace an earlier packet of this case as a whole */
		struct stat st;
		if (stat(fin, &st) == 0)
			remove_dir(fin);
		if (rename(tmp, fin) != 0) {
			file_fail(fin, errno, d);
			rc = -1;
		}
	}
	if (rc != 0)
		remove_dir(tmp);
	file_temp_forget(tmp);
	if (rc == 0 && !o->quiet)
		fprintf(stderr, "folio: wrote %s/\n", fin);
	free(tmp);
	free(fin);
	free(abscase);
	free(id);
	return rc;
}

/* ---------------------------------------------------------------- a batch of cases */

struct packets {
	struct docset_opts    q;       /* the run's options; quiet in a batch */
	const struct ds_site *site;
	struct text_fonts    *fonts;
	struct diag          *d;       /* the run's */
	char                **cases;
	char                **names;   /* the case file's name without .xml */
	size_t                n;
	const char           *dir;
};

static const char *
packet_name(void *ctx, size_t i)
{
	return ((struct packets *)ctx)->names[i];
}

static const char *
packet_file(void *ctx, size_t i)
{
	return ((struct packets *)ctx)->cases[i];
}

/* One case with its own messages: one bad case stops only itself. */
static int
packet_one(void *ctx, size_t i, struct diag *cd)
{
	struct packets *p = ctx;
	ds_allow(&p->q);
	ds_site_allow(p->site);
	/* the case may live outside the project: its folder may be read */
	char *c = ds_abspath(p->cases[i]);
	char *slash = strrchr(c, '/');
	if (slash) {
		*slash = '\0';
		src_allow_dir(c);
	}
	free(c);
	text_fonts_set_diag(p->fonts, cd);
	int rc = one_packet(&p->q, p->site, p->fonts, p->cases[i], p->dir, cd);
	text_fonts_set_diag(p->fonts, p->d);
	src_allow_reset();
	return rc;
}

/* The cases named: a folder stands for its *.xml files, sorted. */
static void
expand_cases(struct packets *p, char **cases, int ncases, struct diag *d)
{
	for (int i = 0; i < ncases; i++) {
		struct stat st;
		size_t k = 0;
		char **files = NULL;
		if (strcmp(cases[i], "-") != 0 && stat(cases[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			files = ds_list_xml(cases[i], &k);
			if (k == 0)
				diag_report(d, DIAG_ERROR, cases[i], 0, 0, _("a folder of cases, but no case "
				    "file (*.xml) in it"));
		} else {
			files = xmalloc(sizeof *files);
			files[0] = xstrdup(cases[i]);
			k = 1;
		}
		p->cases = xrealloc(p->cases, (p->n + k + 1) * sizeof *p->cases);
		p->names = xrealloc(p->names, (p->n + k + 1) * sizeof *p->names);
		for (size_t j = 0; j < k; j++) {
			const char *base = strrchr(files[j], '/');
			base = base ? base + 1 : files[j];
			size_t len = strlen(base);
			p->cases[p->n] = files[j];
			p->names[p->n++] = xstrndup(base, len > 4 && strcmp(base + len - 4, ".xml") == 0 ?
			    len - 4 : len);
		}
		free(files);
	}
}

int
docset_packet(const struct docset_opts *o, struct text_fonts *fonts, char **cases, int ncases,
    struct diag *d)
{
	char *out = o->out_dir ? xstrdup(o->out_dir) : ds_path(o->root, "output");
	char *dir = ds_path(out, "packets");
	int bad = 0;
	struct ds_site site;
	ds_allow(o);
	if (ds_site_load(o, &site, d) < 0) {
		ds_site_free(&site);
		free(dir);
		free(out);
		return -1;
	}
	ds_site_fonts(&site, fonts);
	struct packets p;
	memset(&p, 0, sizeof p);
	p.q = *o;
	p.site = &site;
	p.fonts = fonts;
	p.d = d;
	p.dir = dir;
	expand_cases(&p, cases, ncases, d);
	if (d->worst >= DIAG_ERROR)
		bad = 1;
	size_t run = p.n;
	if (file_mkdirs(dir, d) < 0)
		run = 0, bad = 1;
	/* in a batch the progress lines say what was written */
	p.q.quiet = o->quiet || p.n > 1;
	struct ds_batch b = { run, o->jobs, o->quiet || p.n < 2, N_("cases"), packet_name, packet_file,
	    packet_one, &p };
	if (run > 0 && ds_batch_run(&b, d) < 0)
		bad = 1;   /* the other cases are still produced */
	ds_list_free(p.cases, p.n);
	ds_list_free(p.names, p.n);
	ds_site_free(&site);
	free(dir);
	free(out);
	return bad ? -1 : 0;
}
