/*
 * docset — the forms register: every form of procedures/forms/ with its
 * id, printed number, register name and parts, the tables whose empty
 * rows fit it to its page; forms chosen by id, number or (a part of) the
 * name; folio forms --list and the server's register, with each form's
 * pages as printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/base.h"
#include "../source/source.h"
#include "../text/text.h"
#include "docset.h"
#include "docset_int.h"
#include "docset_forms.h"

/* The tables with empty rows, in document order: their blank-rows, and
 * the fewest they may keep, so that at least three body rows stay (static
 * rows count; a table designed with fewer keeps them all). */
static void
fill_tables(const struct xnode *e, struct form_info *f)
{
	for (const struct xnode *c = e ? e->first : NULL; c; c = c->next) {
		if (c->kind != XNODE_ELEMENT)
			continue;
		if (strcmp(c->name, "table") != 0) {
			fill_tables(c, f);
			continue;
		}
		const char *b = xnode_attr(c, "blank-rows");
		if (b == NULL || xnode_child(c, "group") != NULL || f->ntab >= FORM_TABLES)
			continue;
		int n = atoi(b) > 0 ? atoi(b) : 0, statics = 0;
		for (const struct xnode *r = xnode_child(c, "row"); r; r = xnode_next(r, "row"))
			statics++;
		int keep = statics >= 3 ? 0 : 3 - statics;
		f->blank[f->ntab] = n;
		f->floor[f->ntab] = n < keep ? n : keep;
		f->ntab++;
	}
}

/* The job item's rows: the change of each table's empty rows, "0 -1 2" */
static void
rows_text(char *out, size_t n, const int *rows, int ntab)
{
	size_t at = 0;
	int any = 0;
	out[0] = '\0';
	for (int i = 0; i < ntab; i++)
		any |= rows[i] != 0;
	for (int i = 0; any && i < ntab && at + 12 < n; i++)
		at += (size_t)snprintf(out + at, n - at, "%s%d", i ? " " : "", rows[i]);
}

void
ds_form_job_item(struct buf *job, const struct form_info *f, const int *rows, int copies, long start)
{
	char rt[FORM_TABLES * 12];
	rows_text(rt, sizeof rt, rows, f->ntab);
	ds_job_item(job, "form", f->file, copies, (int)start, rt);
}

static char *
text_of(const struct xnode *e)
{
	char *s = xnode_text(e);
	/* collapse white space */
	char *w = s;
	int sp = 0;
	for (char *r = s; *r; r++) {
		if (strchr(" \t\r\n", *r)) {
			sp = w != s;
			continue;
		}
		if (sp)
			*w++ = ' ';
		sp = 0;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

/* Every form of procedures/forms/, in file order, with its register name. */
struct form_info *
ds_forms_load(const struct docset_opts *o, size_t *n, struct diag *d)
{
	char *fdir = ds_path(o->root, "procedures/forms");
	char **files = ds_list_xml(fdir, n);
	char *regf = ds_path(o->root, "procedures/forms-register.xml");
	struct diag q;
	diag_init(&q);
	struct xdoc *reg = src_xml_load(regf, &q);
	diag_free(&q);
	struct form_info *v = xcalloc(*n + 1, sizeof *v);
	for (size_t i = 0; i < *n; i++) {
		struct xdoc *x = src_xml_load(files[i], d);
		const char *id = x ? xnode_attr(x->root, "id") : NULL;
		const char *num = x ? xnode_attr(x->root, "number") : NULL;
		const char *slash = strrchr(files[i], '/');
		v[i].file = ds_abspath(files[i]);
		v[i].id = id ? xstrdup(id) : xstrndup(slash ? slash + 1 : files[i],
		    strlen(slash ? slash + 1 : files[i]) - 4);
		v[i].number = xstrdup(num ? num : "");
		v[i].title = text_of(x ? xnode_child(x->root, "title") : NULL);
		const struct xnode *cp = x ? xnode_child(x->root, "copies") : NULL;
		int parts = 0;
		for (const struct xnode *c = xnode_child(cp, "copy"); c; c = xnode_next(c, "copy"))
			parts++;
		v[i].parts = parts > 0 ? parts : 1;
		if (x)
			fill_tables(x->root, &v[i]);
		/* the register's name for this id */
		const struct xnode *pf = reg ? xnode_child(reg->root, "procedure-forms") : NULL;
		for (; pf && v[i].name == NULL; pf = xnode_next(pf, "procedure-forms"))
			for (const struct xnode *f = xnode_child(pf, "form"); f; f = xnode_next(f, "form"))
				if (xnode_attr(f, "id") && strcmp(xnode_attr(f, "id"), v[i].id) == 0) {
					v[i].name = text_of(xnode_child(f, "name"));
					break;
				}
		if (v[i].name == NULL)
			v[i].name = xstrdup(v[i].title);
		src_xdoc_free(x);
	}
	src_xdoc_free(reg);
	ds_list_free(files, *n);
	free(fdir);
	free(regf);
	return v;
}

void
ds_forms_free(struct form_info *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].file);
		free(v[i].id);
		free(v[i].number);
		free(v[i].name);
		free(v[i].title);
	}
	free(v);
}

/* Mark the forms the user named (all when none); -1 after reporting. */
int
ds_forms_pick(struct form_info *v, size_t n, char **want, int nwant, struct diag *d)
{
	int rc = 0;
	if (nwant == 0) {
		for (size_t i = 0; i < n; i++)
			v[i].pick = 1;
		return 0;
	}
	for (int k = 0; k < nwant; k++) {
		const char *w = want[k];
		long hit = -1;
		for (size_t i = 0; i < n && hit < 0; i++)
			if (strcmp(w, v[i].id) == 0 || strcmp(w, v[i].number) == 0 || strcmp(w, v[i].name) == 0 ||
			    strcmp(w, v[i].title) == 0)
				hit = (long)i;
		if (hit < 0 && *w) {
			/* a part of a name: it must name one form */
			int count = 0;
			struct buf names = {0};
			for (size_t i = 0; i < n; i++)
				if (strstr(v[i].name, w) || strstr(v[i].title, w)) {
					if (count++ == 0)
						hit = (long)i;
					buf_printf(&names, "%s%s %s", count > 1 ? ", " : "", v[i].id, v[i].name);
				}
			if (count > 1) {
				diag_report(d, DIAG_ERROR, NULL, 0, 0, _("\"%s\" names %d forms (%s): give more of "
				    "the name, the id or the printed number"), w, count, names.p);
				hit = -2;
			}
			buf_free(&names);
		}
		if (hit == -1)
			diag_report(d, DIAG_ERROR, NULL, 0, 0, _("no form %s (give a form id such as "
			    "XT-KF-CX-001-R01, a printed number such as WB/XT-KF-JL-001-01 or a Chinese name; "
			    "folio forms --list lists them)"), w);
		if (hit < 0)
			rc = -1;
		else
			v[hit].pick = 1;
	}
	return rc;
}

static void
put_col(FILE *out, const char *s, int width, int right)
{
	int w = 0;
	for (const char *p = s, *end = s + strlen(s); p < end;) {
		uint32_t cp = utf8_next(&p, end);
		w += (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
		    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
		    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
		    (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000 ? 2 : 1;
	}
	if (right)
		fprintf(out, "%*s%s", width > w ? width - w : 0, "", s);
	else
		fprintf(out, "%s%*s", s, width > w ? width - w : 0, "");
}

/* The site and the forms register, as --list and the server's register
 * read them: rc is -1 when the site file has errors. */
struct forms_reg {
	struct ds_site      site;
	struct docset_opts  q;      /* the options, no FO written */
	struct form_info   *v;
	size_t              n;
	int                 rc;
};

static void
forms_open(struct forms_reg *r, const struct docset_opts *o, struct text_fonts *fonts, struct diag *d)
{
	r->q = *o;
	r->q.fo_dir = NULL;
	r->n = 0;
	ds_allow(o);
	r->rc = ds_site_load(o, &r->site, d) < 0 ? -1 : 0;
	ds_site_allow(&r->site);
	ds_site_fonts(&r->site, fonts);
	r->v = ds_forms_load(o, &r->n, d);
}

static void
forms_close(struct forms_reg *r)
{
	ds_forms_free(r->v, r->n);
	ds_site_free(&r->site);
	src_allow_reset();
}

int
docset_forms_list(const struct docset_opts *o, struct text_fonts *fonts, char **forms, int nforms,
    FILE *out, struct diag *d)
{
	struct forms_reg g;
	forms_open(&g, o, fonts, d);
	int rc = g.rc;
	if (rc == 0)
		rc = ds_forms_pick(g.v, g.n, forms, nforms, d);
	if (rc == 0) {
		/* TRANSLATORS: the columns of folio forms --list */
		put_col(out, _("number"), 20, 0);
		fputc(' ', out);
		put_col(out, _("id"), 18, 0);
		fputc(' ', out);
		put_col(out, _("pages"), 5, 1);
		fputc(' ', out);
		put_col(out, _("parts"), 5, 1);
		fprintf(out, "  %s\n", _("name"));
		for (size_t i = 0; i < g.n; i++) {
			const struct form_info *f = &g.v[i];
			if (!f->pick)
				continue;
			int pages = ds_form_fit(&g.q, &g.site, fonts, &g.v[i], d);
			if (pages < 0)
				rc = -1;
			fprintf(out, "%-20s %-18s %5d %5d  %s\n", f->number, f->id, pages, f->parts, f->name);
		}
	}
	forms_close(&g);
	return rc;
}

int
docset_forms_info(const struct docset_opts *o, struct text_fonts *fonts,
    struct docset_form **out, size_t *nout, struct diag *d)
{
	struct forms_reg g;
	forms_open(&g, o, fonts, d);
	int rc = g.rc;
	struct docset_form *r = xcalloc(g.n + 1, sizeof *r);
	for (size_t i = 0; i < g.n; i++) {
		r[i].id = xstrdup(g.v[i].id);
		r[i].number = xstrdup(g.v[i].number);
		r[i].name = xstrdup(g.v[i].name);
		r[i].parts = g.v[i].parts;
		r[i].pages = rc == 0 ? ds_form_fit(&g.q, &g.site, fonts, &g.v[i], d) : -1;
		if (r[i].pages < 0)
			rc = -1;
	}
	*out = r;
	*nout = g.n;
	forms_close(&g);
	return rc;
}

void
docset_forms_info_free(struct docset_form *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].id);
		free(v[i].number);
		free(v[i].name);
	}
	free(v);
}
