/*
 * docset — folio forms: blank forms in batches, and folio forms --list.
 * A form is chosen by its id, its printed number or its Chinese name (or a
 * part of the name that names one form).  Serial numbers (编号) continue
 * from batch to batch: the next number of each form is kept in
 * ROOT/form-serials.txt, read and rewritten (through a temporary, renamed)
 * under a lock on the project folder, and only after every PDF of the
 * batch is written.  Output names carry the form and the serial range.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/file.h"
#include "../source/source.h"
#include "../fo/fo.h"
#include "../text/text.h"
#include "../area/area.h"
#include "../layout/layout.h"
#include "../pdf/pdf.h"
#include "docset.h"
#include "docset_int.h"

#define SERIAL_MAX 999999   /* six digits, as printed */
#define FORM_TABLES 16      /* tables of a form whose empty rows are fitted */

struct form_info {
	char *file;     /* absolute */
	char *id;
	char *number;   /* printed number, or "" */
	char *name;     /* the register's name, else the form's title */
	char *title;
	int   parts;    /* copies per set (联), 1 when the form has none */
	int   pick;     /* chosen */
	long  start;    /* first serial of this batch, 0 for none */
	/* the tables whose empty rows fit a blank form to its page: those
	 * with blank-rows, not grouped, in document order (form-table.xsl
	 * counts them alike) */
	int   ntab;
	int   blank[FORM_TABLES];   /* empty rows as designed */
	int   floor[FORM_TABLES];   /* the fewest empty rows it may keep */
	int   rows[FORM_TABLES];    /* empty rows added (negative: taken away), once fitted */
	int   fitted;
};

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
static struct form_info *
load_forms(const struct docset_opts *o, size_t *n, struct diag *d)
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

static void
free_forms(struct form_info *v, size_t n)
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
static int
pick_forms(struct form_info *v, size_t n, char **want, int nwant, struct diag *d)
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

/* ---------------------------------------------------------------- serial numbers */

struct serials {
	char **id;
	long  *next;
	size_t n;
};

static long
serial_next(const struct serials *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->id[i], id) == 0)
			return s->next[i];
	return 1;
}

static void
serial_set(struct serials *s, const char *id, long next)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->id[i], id) == 0) {
			s->next[i] = next;
			return;
		}
	s->id = xrealloc(s->id, (s->n + 1) * sizeof *s->id);
	s->next = xrealloc(s->next, (s->n + 1) * sizeof *s->next);
	s->id[s->n] = xstrdup(id);
	s->next[s->n++] = next;
}

static void
serials_free(struct serials *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->id[i]);
	free(s->id);
	free(s->next);
}

/* Read the state file: "ID NEXT" per line, # comments.  A missing file is
 * an empty state; a line that is not understood is an error (a number
 * must never be issued twice because the file was damaged). */
static int
serials_read(const char *path, struct serials *s, struct diag *d)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return errno == ENOENT ? 0 : (diag_report(d, DIAG_ERROR, path, 0, 0, _("cannot read: %s"),
		    strerror(errno)), -1);
	char line[512];
	int ln = 0, rc = 0;
	while (fgets(line, sizeof line, f)) {
		ln++;
		char id[256];
		long next;
		char extra;
		if (line[0] == '#' || strspn(line, " \t\r\n") == strlen(line))
			continue;
		if (sscanf(line, "%255s %ld %c", id, &next, &extra) != 2 || next < 1 || next > SERIAL_MAX + 1) {
			diag_report(d, DIAG_ERROR, path, ln, 0, _("not \"FORM-ID NEXT-NUMBER\": the serial "
			    "numbers already used cannot be known; repair the line"));
			rc = -1;
			continue;
		}
		serial_set(s, id, next);
	}
	fclose(f);
	return rc;
}

/* Through a temporary renamed over the file (base/file.h): all or nothing. */
static int
serials_write(const char *path, const struct serials *s, struct diag *d)
{
	struct buf b = {0};
	buf_puts(&b, "# folio forms: the next serial number (编号) of each form.\n"
	    "# Written by folio after each numbered batch; do not lower a number.\n");
	for (size_t i = 0; i < s->n; i++)
		buf_printf(&b, "%s %ld\n", s->id[i], s->next[i]);
	int rc = file_write(path, b.p, b.n, d);
	buf_free(&b);
	return rc;
}

/* ---------------------------------------------------------------- jobs */

static void
range_name(char *out, size_t n, const char *stem, long start, long end, int copies)
{
	if (start > 0)
		snprintf(out, n, "%s-No%06ld-%06ld.pdf", stem, start, end);
	else if (copies > 1)
		snprintf(out, n, "%s-x%d.pdf", stem, copies);
	else
		snprintf(out, n, "%s.pdf", stem);
}

static int form_fit(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    struct form_info *f, struct diag *d);

/* ---------------------------------------------------------------- copies laid out once */

#define SERIAL_DIGITS 6

/* A serial number whose every digit differs from s's: the second layout
 * shows it, so that each digit of the number is seen to vary. */
static long
serial_other(long s)
{
	long r = 0, m = 1;
	for (int k = 0; k < SERIAL_DIGITS; k++, s /= 10, m *= 10) {
		long dg = s % 10;
		r += (dg == 9 ? 8 : dg + 1) * m;
	}
	return r;
}

/* Do the ten digits have one advance in face? (the serial's runs keep
 * their width whatever number they show) */
static int
digits_even(struct text_face *face)
{
	int32_t a0 = text_face_advance(face, '0');
	for (uint32_t c = '1'; c <= '9'; c++)
		if (a0 < 0 || text_face_advance(face, c) != a0)
			return 0;
	return 1;
}

struct vary_list {
	struct pdf_vary *v;
	size_t           n;
};

/*
 * Are the areas a (the copy numbered sa) and b (numbered sb) alike but
 * for runs that show the number?  Those runs of a go to out.
 */
static int
same_but_serial(const struct area *a, const struct area *b, long sa, long sb, int page,
    struct vary_list *out)
{
	for (; a || b; a = a->next, b = b->next) {
		if (a == NULL || b == NULL || a->kind != b->kind || a->x != b->x || a->y != b->y ||
		    a->w != b->w || a->h != b->h || a->face != b->face || a->size != b->size ||
		    a->color != b->color || a->len != b->len || a->nglyphs != b->nglyphs ||
		    a->spacing != b->spacing || a->baseline != b->baseline || a->deco != b->deco ||
		    a->background != b->background || a->thickness != b->thickness ||
		    a->has_matrix != b->has_matrix || a->bold != b->bold || a->italic != b->italic ||
		    memcmp(a->border, b->border, sizeof a->border) != 0 ||
		    (a->path == NULL) != (b->path == NULL) || (a->image == NULL) != (b->image == NULL))
			return 0;
		if (a->path && (a->path->npts != b->path->npts ||
		    memcmp(a->path->pts, b->path->pts, a->path->npts * 2 * sizeof *a->path->pts) != 0))
			return 0;
		if (a->image && strcmp(a->image->path ? a->image->path : "", b->image->path ? b->image->path : "") != 0)
			return 0;
		if (a->kind == AREA_RUN && a->len > 0 && memcmp(a->text, b->text, a->len) != 0) {
			char fa[16], fb[16];
			snprintf(fa, sizeof fa, "%0*ld", SERIAL_DIGITS, sa);
			snprintf(fb, sizeof fb, "%0*ld", SERIAL_DIGITS, sb);
			size_t at = 0;
			int found = 0;
			for (; at + SERIAL_DIGITS <= a->len && !found; at++)
				found = memcmp(a->text + at, fa, SERIAL_DIGITS) == 0 &&
				    memcmp(b->text + at, fb, SERIAL_DIGITS) == 0 &&
				    memcmp(a->text, b->text, at) == 0 &&
				    memcmp(a->text + at + SERIAL_DIGITS, b->text + at + SERIAL_DIGITS,
				    a->len - at - SERIAL_DIGITS) == 0;
			if (!found || a->face == NULL || !digits_even(a->face) || a->deco || a->pagenum ||
			    a->link_dest || a->link_uri)
				return 0;
			out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
			out->v[out->n++] = (struct pdf_vary){ page, a, at - 1, SERIAL_DIGITS };
		}
		if (!same_but_serial(a->first, b->first, sa, sb, page, out))
			return 0;
	}
	return 1;
}

/* A job of one copy of each form, numbered from serial[k] (0: none). */
static void
copies_job(struct buf *job, const struct form_info *const *f, const long *serial, size_t n)
{
	buf_puts(job, "<job xmlns=\"urn:folio:job\" mode=\"blank\" title=\"空白表格\">\n");
	for (size_t k = 0; k < n; k++) {
		char rows[FORM_TABLES * 12];
		rows_text(rows, sizeof rows, f[k]->rows, f[k]->ntab);
		ds_job_item(job, "form", f[k]->file, 1, (int)serial[k], rows);
	}
	buf_puts(job, "</job>\n");
}

/* The job laid out: the FO tree in *ft, NULL after errors (reported to d). */
static struct area_tree *
copies_lay(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    const struct buf *job, const char *pdf, struct fo_tree **ft, struct diag *d)
{
	struct xdoc *fo = ds_job_fo(o, site, job->p, job->n, "forms-job.xml", pdf, d);
	*ft = fo ? fo_tree_build_take(fo, d) : NULL;
	return *ft ? lay_document(*ft, fonts, d) : NULL;
}

/* The page of the destination id, 0 if there is none. */
static int
dest_page(const struct area_tree *t, const char *id)
{
	for (const struct area_dest *x = t->dests; x; x = x->next)
		if (strcmp(x->id, id) == 0)
			return x->page;
	return 0;
}

/*
 * copies of each form in one PDF, each form laid out once (docs/forms.md,
 * "Copies"): the pages of one copy are drawn once and every copy's page
 * draws them, with its own serial number.  Numbered forms are laid out a
 * second time with other numbers: what differs between the two must be the
 * runs of the number and nothing else.  Returns 0, -1 after errors
 * (reported), or 1 when the copies cannot be made so (a page with links,
 * something else that differs between copies, --fo): the caller lays out
 * every copy.
 */
static int
forms_copies(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    const struct form_info *const *f, size_t n, int copies, const char *pdf, struct diag *d)
{
	if (copies < 2 || n == 0 || o->fo_dir)
		return 1;
	long *sa = xcalloc(n, sizeof *sa), *sb = xcalloc(n, sizeof *sb);
	int numbered = 0;
	for (size_t k = 0; k < n; k++) {
		sa[k] = f[k]->start;
		sb[k] = f[k]->start > 0 ? serial_other(f[k]->start) : 0;
		numbered |= f[k]->start > 0;
	}
	struct buf job = {0};
	copies_job(&job, f, sa, n);
	struct fo_tree *fa = NULL, *fb = NULL;
	struct area_tree *a = copies_lay(o, site, fonts, &job, pdf, &fa, d), *b = NULL;
	int rc = a && d->worst < DIAG_ERROR ? 0 : -1;
	struct pdf_item *items = xcalloc(n, sizeof *items);
	struct vary_list vl = { NULL, 0 };
	size_t *nv = xcalloc(n + 1, sizeof *nv);
	for (size_t k = 0; k < n && rc == 0; k++) {
		char id[32];
		snprintf(id, sizeof id, "i%zu", k + 1);
		items[k].first = dest_page(a, id);
		snprintf(id, sizeof id, "i%zu", k + 2);
		items[k].last = k + 1 < n ? dest_page(a, id) - 1 : a->npages;
		items[k].copies = copies;
		items[k].serial = sa[k];
		if (items[k].first < 1 || items[k].last < items[k].first)
			rc = 1;
	}
	for (const struct area_page *p = a && rc == 0 ? a->first : NULL; p; p = p->next)
		if (p->links)
			rc = 1;
	if (rc == 0 && numbered) {
		/* the second layout's messages are the first's */
		struct diag q;
		diag_init(&q);
		text_fonts_set_diag(fonts, &q);
		struct docset_opts oo = *o;
		job.n = 0;
		copies_job(&job, f, sb, n);
		b = copies_lay(&oo, site, fonts, &job, pdf, &fb, &q);
		text_fonts_set_diag(fonts, d);
		diag_free(&q);
		const struct area_page *pa = a->first, *pb = b ? b->first : NULL;
		if (b == NULL || b->npages != a->npages)
			rc = 1;
		for (size_t k = 0; k < n && rc == 0; k++)
			for (int i = items[k].first; i <= items[k].last && rc == 0; i++) {
				if (pa->w != pb->w || pa->h != pb->h ||
				    !same_but_serial(pa->root, pb->root, sa[k], sb[k], i, &vl))
					rc = 1;
				pa = pa->next;
				pb = pb->next;
			}
		/* the second layout was only to compare: its memory goes before
		 * the PDF is written */
		area_tree_free(b);
		fo_tree_free(fb);
		b = NULL;
		fb = NULL;
		/* each item's runs, in the order of its pages */
		for (size_t k = 0, j = 0; k < n && rc == 0; k++) {
			while (j < vl.n && vl.v[j].page <= items[k].last) {
				nv[k]++;
				j++;
			}
		}
		for (size_t k = 0, j = 0; k < n && rc == 0; k++) {
			items[k].vary = vl.v + j;
			items[k].nvary = nv[k];
			j += nv[k];
		}
	}
	if (rc == 0)
		rc = pdf_write_copies(a, items, n, pdf, d);
	if (rc <= 0)
		ds_layout_check(a, pdf, d);
	area_tree_free(b);
	fo_tree_free(fb);
	area_tree_free(a);
	fo_tree_free(fa);
	free(vl.v);
	free(nv);
	free(items);
	free(sa);
	free(sb);
	buf_free(&job);
	return rc;
}

/* The forms of a batch, a PDF each. */
struct forms_batch {
	struct docset_opts       q;
	const struct ds_site    *site;
	struct text_fonts       *fonts;
	struct diag             *d;       /* the run's */
	const struct form_info  *v;
	size_t                  *pick;    /* indices into v */
	size_t                   n;
	const char              *dir;
	int                      copies;
};

static const char *
form_name(void *ctx, size_t i)
{
	struct forms_batch *fb = ctx;
	return fb->v[fb->pick[i]].id;
}

static const char *
form_file(void *ctx, size_t i)
{
	struct forms_batch *fb = ctx;
	return fb->v[fb->pick[i]].file;
}

static int
form_one(void *ctx, size_t i, struct diag *cd)
{
	struct forms_batch *fb = ctx;
	/* fitted here, in the worker: a copy of the form's entry */
	struct form_info g = fb->v[fb->pick[i]];
	const struct form_info *f = &g;
	text_fonts_set_diag(fb->fonts, cd);
	int fit = form_fit(&fb->q, fb->site, fb->fonts, &g, cd);
	text_fonts_set_diag(fb->fonts, fb->d);
	if (fit < 0)
		return -1;
	const char *head = "<job xmlns=\"urn:folio:job\" mode=\"blank\" title=\"空白表格\">\n";
	struct buf one = {0};
	buf_puts(&one, head);
	char rows[FORM_TABLES * 12];
	rows_text(rows, sizeof rows, f->rows, f->ntab);
	ds_job_item(&one, "form", f->file, fb->copies, (int)f->start, rows);
	buf_puts(&one, "</job>\n");
	char name[300];
	range_name(name, sizeof name, f->id, f->start, f->start + fb->copies - 1, fb->copies);
	char *pdf = ds_path(fb->dir, name);
	text_fonts_set_diag(fb->fonts, cd);
	int rc = forms_copies(&fb->q, fb->site, fb->fonts, &f, 1, fb->copies, pdf, cd);
	if (rc > 0)
		rc = ds_run_job(&fb->q, fb->site, fb->fonts, one.p, one.n, "forms-job.xml", pdf, cd);
	text_fonts_set_diag(fb->fonts, fb->d);
	if (rc == 0 && !fb->q.quiet)
		fprintf(stderr, _("folio: wrote %s\n"), pdf);
	free(pdf);
	buf_free(&one);
	return rc;
}

int
docset_forms(const struct docset_opts *o, struct text_fonts *fonts, char **forms, int nforms,
    int combined, int copies, int serial, int serial_start, struct diag *d)
{
	int to_stdout = o->out_dir && strcmp(o->out_dir, "-") == 0;
	char *out = o->out_dir ? xstrdup(o->out_dir) : ds_path(o->root, "output");
	char *dir = ds_path(out, "forms");
	char *state = ds_path(o->root, "form-serials.txt");
	struct serials ser = {0};
	struct ds_site site;
	size_t n = 0;
	int rc = 0, lock = -1;

	ds_allow(o);
	if (ds_site_load(o, &site, d) < 0)
		rc = -1;
	ds_site_allow(&site);
	ds_site_fonts(&site, fonts);
	struct form_info *v = load_forms(o, &n, d);
	if (rc == 0)
		rc = pick_forms(v, n, forms, nforms, d);
	if (rc == 0 && serial) {
		/* one numbered batch at a time in a project */
		lock = open(o->root, O_RDONLY | O_DIRECTORY);
		if (lock >= 0)
			flock(lock, LOCK_EX);
		rc = serials_read(state, &ser, d);
		for (size_t i = 0; i < n && rc == 0; i++) {
			if (!v[i].pick)
				continue;
			long next = serial_next(&ser, v[i].id);
			if (serial_start > 0 && serial_start < next) {
				diag_report(d, DIAG_ERROR, state, 0, 0, _("%s: the numbers up to %06ld were issued "
				    "already; --serial-start must be %ld or more (or leave it out to continue)"),
				    v[i].id, next - 1, next);
				rc = -1;
			}
			v[i].start = serial_start > 0 ? serial_start : next;
			if (v[i].start + copies - 1 > SERIAL_MAX) {
				diag_report(d, DIAG_ERROR, state, 0, 0, _("%s: the numbers would pass %06d"),
				    v[i].id, SERIAL_MAX);
				rc = -1;
			}
		}
	}
	if (rc == 0 && !to_stdout) {
		if (file_mkdirs(dir, d) < 0)
			rc = -1;
	}
	const char *head = "<job xmlns=\"urn:folio:job\" mode=\"blank\" title=\"空白表格\">\n";
	struct buf job = {0};
	long lo = 0, hi = 0;
	buf_puts(&job, head);
	struct forms_batch fb;
	memset(&fb, 0, sizeof fb);
	fb.q = *o;
	fb.site = &site;
	fb.fonts = fonts;
	fb.d = d;
	fb.v = v;
	fb.dir = dir;
	fb.copies = copies;
	fb.pick = xcalloc(n + 1, sizeof *fb.pick);
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (!v[i].pick)
			continue;
		long end = v[i].start + copies - 1;
		if (combined && form_fit(o, &site, fonts, &v[i], d) < 0) {
			rc = -1;
			break;
		}
		char rows[FORM_TABLES * 12];
		rows_text(rows, sizeof rows, v[i].rows, v[i].ntab);
		ds_job_item(&job, "form", v[i].file, copies, (int)v[i].start, rows);
		if (v[i].start > 0) {
			lo = lo == 0 || v[i].start < lo ? v[i].start : lo;
			hi = end > hi ? end : hi;
		}
		fb.pick[fb.n++] = i;
	}
	if (!combined && rc == 0 && fb.n > 0) {
		/* a PDF per form: a batch; the progress lines say what was written */
		fb.q.quiet = o->quiet || fb.n > 1;
		struct ds_batch b = { fb.n, o->jobs, o->quiet || fb.n < 2, N_("forms"), form_name, form_file,
		    form_one, &fb };
		rc = ds_batch_run(&b, d);
	}
	buf_puts(&job, "</job>\n");
	if (combined && rc == 0) {
		char name[300];
		range_name(name, sizeof name, "forms", lo, hi, copies);
		char *pdf = to_stdout ? xstrdup("-") : ds_path(dir, name);
		const struct form_info **fv = xcalloc(fb.n + 1, sizeof *fv);
		for (size_t k = 0; k < fb.n; k++)
			fv[k] = &v[fb.pick[k]];
		rc = forms_copies(o, &site, fonts, fv, fb.n, copies, pdf, d);
		free(fv);
		if (rc > 0)
			rc = ds_run_job(o, &site, fonts, job.p, job.n, "forms-job.xml", pdf, d);
		if (rc == 0 && !o->quiet && !to_stdout)
			fprintf(stderr, _("folio: wrote %s\n"), pdf);
		free(pdf);
	}
	buf_free(&job);
	free(fb.pick);
	/* the numbers are used once the PDFs exist */
	if (rc == 0 && serial) {
		for (size_t i = 0; i < n; i++)
			if (v[i].pick) {
				serial_set(&ser, v[i].id, v[i].start + copies);
				if (!o->quiet)
					fprintf(stderr, _("folio: %s %s: numbers %06ld to %06ld\n"), v[i].id, v[i].name,
					    v[i].start, v[i].start + copies - 1);
			}
		rc = serials_write(state, &ser, d);
	}
	if (lock >= 0)
		close(lock);
	serials_free(&ser);
	free_forms(v, n);
	ds_site_free(&site);
	src_allow_reset();
	free(state);
	free(out);
	free(dir);
	return rc;
}

/* One blank copy of a form laid out, not written, with rows[i] empty rows
 * more in its i-th table with empty rows: its pages per part, and in *room
 * the room left at the foot of the first part's last page; -1 on errors
 * (reported to d). */
static int
form_lay(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    const struct form_info *f, const int *rows, mpt *room, struct diag *d)
{
	struct buf job = {0};
	char rt[FORM_TABLES * 12];
	rows_text(rt, sizeof rt, rows, f->ntab);
	buf_puts(&job, "<job xmlns=\"urn:folio:job\" mode=\"blank\" title=\"\">\n");
	ds_job_item(&job, "form", f->file, 1, 0, rt);
	buf_puts(&job, "</job>\n");
	/* the layout's warnings belong to rendering the form, not to a list */
	struct diag q;
	diag_init(&q);
	text_fonts_set_diag(fonts, &q);
	struct docset_opts oo = *o;
	oo.fo_dir = NULL;
	struct xdoc *fo = ds_job_fo(&oo, site, job.p, job.n, "forms-job.xml", "list.pdf", &q);
	buf_free(&job);
	struct fo_tree *ft = fo ? fo_tree_build_take(fo, &q) : NULL;
	struct area_tree *at = ft ? lay_document(ft, fonts, &q) : NULL;
	int pages = at ? at->npages / f->parts : -1;
	if (room) {
		*room = 0;
		const struct area_page *p = at ? at->first : NULL;
		for (int k = 1; p && k < pages; k++)
			p = p->next;
		if (p)
			*room = ds_page_room(p);
	}
	area_tree_free(at);
	fo_tree_free(ft);
	text_fonts_set_diag(fonts, d);
	for (size_t i = 0; i < q.n; i++)
		if (q.v[i].level >= DIAG_ERROR)
			diag_report(d, q.v[i].level, q.v[i].file, q.v[i].line, q.v[i].col, "%s", q.v[i].text);
	diag_free(&q);
	return pages > 0 ? pages : -1;
}

/* The changes of the tables' empty rows after the first k rows of the
 * order in which they are taken away: one at a time from the table with
 * the most rows above its fewest, the first of equals. */
static void
form_take(const struct form_info *f, int k, int *rows)
{
	for (int i = 0; i < f->ntab; i++)
		rows[i] = 0;
	for (; k > 0; k--) {
		int best = -1;
		for (int i = 0; i < f->ntab; i++) {
			int left = f->blank[i] + rows[i] - f->floor[i];
			if (left > 0 && (best < 0 || left > f->blank[best] + rows[best] - f->floor[best]))
				best = i;
		}
		if (best < 0)
			return;
		rows[best]--;
	}
}

/*
 * Fit a blank form to one page through the empty rows of its tables
 * (docs/sources-forms.md, "Blank forms fill their pages"): a form that
 * runs onto a second page loses as few empty rows as it takes to fit one
 * page, taken one at a time from the table with the most (each keeps at
 * least three body rows, or the rows it was designed with when fewer);
 * a one-page form then fills its page with as many more rows of its
 * record table (the most empty rows, the first of equals) as it has room
 * for.  A form that does not fit one page even so keeps the rows it was
 * designed with: its tables break between rows.  The row height stays the
 * site's.  Sets f->rows; returns the pages per part, -1 on errors.
 */
static int
form_fit(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    struct form_info *f, struct diag *d)
{
	mpt room = 0;
	int rows[FORM_TABLES] = {0};
	int pages = form_lay(o, site, fonts, f, f->fitted ? f->rows : rows, NULL, d);
	if (f->fitted || pages < 0 || f->ntab == 0) {
		f->fitted = 1;
		return pages;
	}
	f->fitted = 1;
	int spare = 0;   /* rows that may go */
	for (int i = 0; i < f->ntab; i++)
		spare += f->blank[i] - f->floor[i];
	if (pages > 1) {
		form_take(f, spare, rows);
		if (spare == 0 || form_lay(o, site, fonts, f, rows, NULL, d) != 1)
			return pages;   /* it cannot fit one page: as designed */
		/* the fewest rows taken away that fit one page */
		int lo = 1, hi = spare;
		while (lo < hi) {
			int mid = lo + (hi - lo) / 2;
			form_take(f, mid, rows);
			if (form_lay(o, site, fonts, f, rows, NULL, d) == 1)
				hi = mid;
			else
				lo = mid + 1;
		}
		form_take(f, lo, rows);
	}
	/* fill the page: a row of the site's height per row of room */
	pages = form_lay(o, site, fonts, f, rows, &room, d);
	if (pages != 1)
		return pages;
	int rec = 0;
	for (int i = 1; i < f->ntab; i++)
		if (f->blank[i] > f->blank[rec])
			rec = i;
	mpt row_h = ds_site_row_height(site);
	int add = row_h > 0 ? (int)(room / row_h) : 0;
	if (add > 200)
		add = 200;
	int base = rows[rec];
	for (; add > 0; add--) {
		rows[rec] = base + add;
		if (form_lay(o, site, fonts, f, rows, NULL, d) == 1)
			break;
	}
	rows[rec] = base + add;
	memcpy(f->rows, rows, sizeof rows);
	return pages;
}

/* The pages of one blank copy of a form, as printed (fitted). */
static int
form_pages(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    struct form_info *f, struct diag *d)
{
	return form_fit(o, site, fonts, f, d);
}

/* s, then spaces up to width terminal columns (a Chinese character takes two) */
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
 * read them: *rc is -1 when the site file has errors. */
static struct form_info *
forms_open(const struct docset_opts *o, struct text_fonts *fonts, struct ds_site *site,
    size_t *n, int *rc, struct diag *d)
{
	ds_allow(o);
	*rc = ds_site_load(o, site, d) < 0 ? -1 : 0;
	ds_site_allow(site);
	ds_site_fonts(site, fonts);
	return load_forms(o, n, d);
}

int
docset_forms_list(const struct docset_opts *o, struct text_fonts *fonts, char **forms, int nforms,
    FILE *out, struct diag *d)
{
	struct ds_site site;
	size_t n = 0;
	int rc;
	struct docset_opts q = *o;
	q.fo_dir = NULL;
	struct form_info *v = forms_open(o, fonts, &site, &n, &rc, d);
	if (rc == 0)
		rc = pick_forms(v, n, forms, nforms, d);
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
		for (size_t i = 0; i < n; i++) {
			if (!v[i].pick)
				continue;
			int pages = form_pages(&q, &site, fonts, &v[i], d);
			if (pages < 0)
				rc = -1;
			fprintf(out, "%-20s %-18s %5d %5d  %s\n", v[i].number, v[i].id, pages, v[i].parts, v[i].name);
		}
	}
	free_forms(v, n);
	ds_site_free(&site);
	src_allow_reset();
	return rc;
}

int
docset_forms_info(const struct docset_opts *o, struct text_fonts *fonts,
    struct docset_form **out, size_t *nout, struct diag *d)
{
	struct ds_site site;
	size_t n = 0;
	int rc;
	struct docset_opts q = *o;
	q.fo_dir = NULL;
	struct form_info *v = forms_open(o, fonts, &site, &n, &rc, d);
	struct docset_form *r = xcalloc(n + 1, sizeof *r);
	for (size_t i = 0; i < n; i++) {
		r[i].id = xstrdup(v[i].id);
		r[i].number = xstrdup(v[i].number);
		r[i].name = xstrdup(v[i].name);
		r[i].parts = v[i].parts;
		r[i].pages = rc == 0 ? form_pages(&q, &site, fonts, &v[i], d) : -1;
		if (r[i].pages < 0)
			rc = -1;
	}
	free_forms(v, n);
	ds_site_free(&site);
	src_allow_reset();
	*out = r;
	*nout = n;
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
