/*
 * import — folio import: a tenants workbook or CSV files → cases/ID.xml.
 * The sheets are read (import_xlsx.c, import_csv.c), their headers matched
 * to the fields' labels, the part rows joined to their tenant by the case
 * number, each tenant's case made (import_case.c) and checked as folio
 * check checks a case, its problems put back on the cells they came from.
 * Then, only when every tenant is good (or with partial, the good ones),
 * each case is written atomically; a case file that exists is replaced by
 * nothing but the same bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/file.h"
#include "../base/limits.h"
#include "../docset/docset.h"
#include "../docset/docset_int.h"
#include "../source/source.h"
#include "import_int.h"

/* ---------------------------------------------------------------- the job */

static void
notify(const struct import_opts *o, const char *id, const char *file, enum import_status st)
{
	if (o->on_case)
		o->on_case(o->ctx, id, file, st);
}

/* Check each tenant's case; keep the bytes of the good ones in out[i]. */
static void
check_all(struct job *j, struct buf *out, char **ids)
{
	char tmpdir[512];
	if (file_temp_dir(tmpdir, sizeof tmpdir, "folio-import") < 0) {
		diag_report(j->d, DIAG_ERROR, NULL, 0, 0, _("cannot make a temporary folder in %s: %s"),
		    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", strerror(errno));
		for (size_t i = 0; i < j->nt; i++)
			j->bad[i]++;
		return;
	}
	file_temp_add(tmpdir, 1);
	for (size_t i = 0; i < j->nt; i++) {
		struct im_gen g = { {0}, NULL, 0, j->labels, j->book.date1904 };
		im_case_xml(&g, &j->t[i]);
		struct buf id = {0};
		im_value(&g, &j->t[i].main, 0, &id);
		ids[i] = id.p ? id.p : xstrdup("");
		/* the checks want the file named after the case (a name safe as a file's) */
		struct buf file = {0};
		int safe = id.n > 0 && id.n < 64 && strspn(id.p, "0123456789-") == id.n;
		if (safe)
			buf_printf(&file, "%s/%s.xml", tmpdir, id.p);
		else
			buf_printf(&file, "%s/row-%d.xml", tmpdir, j->t[i].main.row->num);
		struct diag q;
		diag_init(&q);
		if (file_write(file.p, g.x.p, g.x.n, &q) == 0) {
			j->gen = &g;
			j->cur = i;
			int rc = ds_check_case_located(j->o->doc, j->labels, file.p, im_located, j, &out[i], &q);
			if (rc < 0 && j->bad[i] == 0)
				j->bad[i]++;
			unlink(file.p);
		} else {
			j->bad[i]++;
		}
		/* anything not about a field (it should not happen): on the tenant's row */
		for (size_t k = 0; k < q.n; k++)
			if (q.v[k].level >= DIAG_WARNING)
				im_cell_error(j, q.v[k].level, IM_MAIN, j->t[i].main.row, -1, -1, "%s", q.v[k].text);
		diag_free(&q);
		buf_free(&file);
		buf_free(&g.x);
		free(g.w);
	}
	rmdir(tmpdir);
	file_temp_forget(tmpdir);
}

/* Write the good cases (all of them good, or partial); -1 if any was not. */
static int
write_all(struct job *j, struct buf *out, char **ids)
{
	size_t nbad = 0, written = 0, same = 0;
	for (size_t i = 0; i < j->nt; i++)
		nbad += j->bad[i] > 0;
	const char *root = j->o->doc->root;
	char *dir = ds_path(root, "cases");
	/* a case file that exists: only the same bytes again */
	int *exists = xcalloc(j->nt + 1, sizeof *exists);
	for (size_t i = 0; i < j->nt; i++) {
		if (j->bad[i])
			continue;
		struct buf path = {0}, old = {0};
		buf_printf(&path, "%s/%s.xml", dir, ids[i]);
		const char *why;
		struct stat st;
		if (lstat(path.p, &st) == 0) {
			if (file_read(path.p, LIMIT_SOURCE_BYTES, &old, &why) == 0 && old.n == out[i].n &&
			    memcmp(old.p, out[i].p, old.n) == 0) {
				exists[i] = 1;
			} else {
				im_cell_error(j, DIAG_ERROR, IM_MAIN, j->t[i].main.row, 0, j->col[IM_MAIN][0],
				    _("%s already exists with other data: an import never replaces a case; give a new "
				    "tenant its own case number, or change the case itself (or move it away first)"),
				    path.p);
				j->bad[i]++;
				nbad++;
			}
		}
		buf_free(&path);
		buf_free(&old);
	}
	im_flush_cells(j);
	int rc = nbad || j->orphans ? -1 : 0;
	if (rc < 0 && !j->o->partial) {
		if (nbad)
			diag_summary(j->d, DIAG_ERROR, j->book.s[0].file, _("%zu of %zu tenants have errors (above): "
			    "nothing is imported; correct them and import again, or import the others with "
			    "--partial"), nbad, j->nt);
		else
			diag_summary(j->d, DIAG_ERROR, j->book.s[0].file, "%s", _("rows of no tenant (above): "
			    "nothing is imported; correct them and import again, or import the tenants with "
			    "--partial"));
		for (size_t i = 0; i < j->nt; i++)
			notify(j->o, ids[i], NULL, IMPORT_REFUSED);
		free(exists);
		free(dir);
		return -1;
	}
	if (nbad < j->nt && file_mkdirs(dir, j->d) < 0)
		rc = -1;
	for (size_t i = 0; i < j->nt; i++) {
		struct buf path = {0};
		buf_printf(&path, "%s/%s.xml", dir, ids[i]);
		if (j->bad[i]) {
			notify(j->o, ids[i], NULL, IMPORT_REFUSED);
		} else if (exists[i]) {
			same++;
			notify(j->o, ids[i], path.p, IMPORT_UNCHANGED);
		} else {
			if (file_write(path.p, out[i].p ? out[i].p : "", out[i].n, j->d) == 0) {
				written++;
				notify(j->o, ids[i], path.p, IMPORT_WRITTEN);
			} else {
				rc = -1;
				notify(j->o, ids[i], NULL, IMPORT_REFUSED);
			}
		}
		buf_free(&path);
	}
	if (rc < 0)
		diag_summary(j->d, DIAG_ERROR, j->book.s[0].file, _("%zu of %zu tenants have errors (above) and "
		    "are not imported, %zu rows belong to no tenant; %zu written, %zu unchanged"), nbad, j->nt,
		    j->orphans, written, same);
	free(exists);
	free(dir);
	return rc;
}

/* The sheets of the parts, by name; a sheet of no part is reported. */
static int
find_sheets(struct job *j, const char *main_name)
{
	for (int p = 0; p < IM_NPARTS; p++)
		j->sheet[p] = NULL;
	const char *want = main_name ? main_name : IM_MAIN_SHEET;
	for (size_t i = 0; i < j->book.n; i++)
		if (strcmp(j->book.s[i].name, want) == 0)
			j->sheet[IM_MAIN] = &j->book.s[i];
	if (j->sheet[IM_MAIN] == NULL && main_name) {
		diag_report(j->d, DIAG_ERROR, j->book.s[0].file, 0, 0, _("the workbook has no sheet %s"), main_name);
		return -1;
	}
	if (j->sheet[IM_MAIN] == NULL)
		j->sheet[IM_MAIN] = &j->book.s[0];
	for (size_t i = 0; i < j->book.n; i++) {
		struct im_sheet *s = &j->book.s[i];
		if (s == j->sheet[IM_MAIN])
			continue;
		int found = 0;
		for (int p = 1; p < IM_NPARTS && !found; p++)
			if (strcmp(s->name, im_sheet_name(j->labels, p)) == 0 && j->sheet[p] == NULL) {
				j->sheet[p] = s;
				found = 1;
			}
		int empty = 1;
		for (size_t r = 0; r < s->nrows && empty; r++)
			empty = im_row_empty(&s->rows[r]);
		if (!found && !empty)
			diag_report(j->d, DIAG_WARNING, s->file, 0, 0, _("sheet %s is not read: it is not one of the "
			    "sheets of docs/import.md"), s->name);
	}
	return 0;
}

static int
run(struct job *j)
{
	int rc = 0;
	for (int p = 0; p < IM_NPARTS; p++)
		if (im_headers(j, p) < 0)
			rc = -1;
	struct im_gen g = { {0}, NULL, 0, j->labels, j->book.date1904 };
	if (rc == 0 && im_join(j, &g) < 0)
		rc = -1;
	if (rc == 0 && j->nt == 0) {
		im_cell_error(j, DIAG_ERROR, IM_MAIN, NULL, -1, -1, "%s", _("no tenants: the sheet has its header "
		    "row only"));
		rc = -1;
	}
	if (rc < 0) {
		im_flush_cells(j);
		diag_summary(j->d, DIAG_ERROR, j->book.s[0].file, "%s", _("nothing is imported"));
		return -1;
	}
	struct buf *out = xcalloc(j->nt, sizeof *out);
	char **ids = xcalloc(j->nt, sizeof *ids);
	ds_allow(j->o->doc);
	check_all(j, out, ids);
	rc = write_all(j, out, ids);
	src_allow_reset();
	for (size_t i = 0; i < j->nt; i++) {
		buf_free(&out[i]);
		free(ids[i]);
	}
	free(out);
	free(ids);
	return rc;
}

static void
job_free(struct job *j)
{
	for (size_t i = 0; i < j->nt; i++)
		for (int p = 0; p < IM_NPARTS; p++)
			free(j->t[i].rows[p]);
	free(j->t);
	free(j->bad);
	ds_labels_free(j->labels);
	im_book_free(&j->book);
}

static int
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && strcasecmp(s + n - k, tail) == 0;
}

/* The sheets' rows, the header row kept where im_headers() can skip it. */
static int
import_book(struct job *j)
{
	/* remember where each sheet's rows start, for freeing */
	size_t n = j->book.n;
	struct im_row **start = xcalloc(n + 1, sizeof *start);
	size_t *count = xcalloc(n + 1, sizeof *count);
	for (size_t i = 0; i < n; i++) {
		start[i] = j->book.s[i].rows;
		count[i] = j->book.s[i].nrows;
	}
	int rc = find_sheets(j, j->o->sheet) < 0 ? -1 : run(j);
	for (size_t i = 0; i < n; i++) {
		j->book.s[i].rows = start[i];
		j->book.s[i].nrows = count[i];
	}
	free(start);
	free(count);
	return rc;
}

static void
job_init(struct job *j, const struct import_opts *o, struct diag *d)
{
	memset(j, 0, sizeof *j);
	j->o = o;
	j->d = d;
	j->labels = ds_labels_load(o->doc);
}

int
import_bytes(const char *name, const char *bytes, size_t n, const struct import_opts *o,
    struct diag *d)
{
	struct job j;
	job_init(&j, o, d);
	int rc;
	if (ends_with(name, ".xlsx")) {
		rc = im_read_xlsx(name, bytes, n, &j.book, d);
	} else if (ends_with(name, ".csv")) {
		struct im_sheet *s = im_book_add(&j.book, im_sheet_name(j.labels, IM_MAIN), name);
		s->csv = 1;
		rc = im_read_csv(name, bytes, n, s, d);
	} else {
		diag_report(d, DIAG_ERROR, name, 0, 0, "%s", _("not a spreadsheet folio imports: give a "
		    ".xlsx workbook or a .csv file"));
		rc = -1;
	}
	if (rc == 0)
		rc = import_book(&j);
	job_free(&j);
	return rc;
}

/* The part whose columns the header row of s names most (the case number,
 * which every part has, not counted), or -1 when it names none. */
static int
part_of_headers(const struct ds_labels *l, const struct im_sheet *s)
{
	size_t first = 0;
	while (first < s->nrows && im_row_empty(&s->rows[first]))
		first++;
	if (first == s->nrows)
		return -1;
	const struct im_row *h = &s->rows[first];
	int best = -1, most = 0;
	for (int p = 0; p < IM_NPARTS; p++) {
		int k = 0;
		for (int c = 0; c < h->n; c++) {
			const char *v = h->c[c].v;
			if (v == NULL)
				continue;
			v += strspn(v, " \t\r\n");
			size_t n = strlen(v);
			while (n && strchr(" \t\r\n", v[n - 1]))
				n--;
			for (int f = 1; f < im_parts[p].nf; f++) {
				const char *lb = ds_label(l, im_parts[p].f[f].path);
				if (lb && strlen(lb) == n && strncmp(lb, v, n) == 0)
					k++;
			}
		}
		if (k > most) {
			most = k;
			best = p;
		}
	}
	return best;
}

int
import_csv_set(const char *const *bytes, const size_t *n, size_t count, const struct import_opts *o,
    struct diag *d)
{
	struct job j;
	job_init(&j, o, d);
	int rc = 0;
	long at[IM_NPARTS];   /* the sheet of each part (indexes: the book grows) */
	for (int p = 0; p < IM_NPARTS; p++)
		at[p] = -1;
	for (size_t i = 0; i < count; i++) {
		char name[64];
		snprintf(name, sizeof name, _("file %zu"), i + 1);
		struct im_sheet *s = im_book_add(&j.book, name, name);
		s->csv = 1;
		if (im_read_csv(name, bytes[i], n[i], s, d) < 0) {
			rc = -1;
			continue;
		}
		int p = part_of_headers(j.labels, s);
		if (p < 0) {
			diag_report(d, DIAG_ERROR, name, 0, 0, "%s", _("its first row names none of the columns of "
			    "the sheets of docs/import.md: a CSV file is one sheet of the template (folio import "
			    "--template FILE.csv writes them)"));
			rc = -1;
		} else if (at[p] >= 0) {
			diag_report(d, DIAG_ERROR, name, 0, 0, _("the sheet %s again: another file has its columns "
			    "already; give each sheet once"), im_sheet_name(j.labels, p));
			rc = -1;
		} else {
			/* named after its sheet: the messages say which one */
			at[p] = (long)i;
			char file[80];
			snprintf(file, sizeof file, "%s.csv", im_sheet_name(j.labels, p));
			free(s->name);
			free(s->file);
			s->name = xstrdup(im_sheet_name(j.labels, p));
			s->file = xstrdup(file);
		}
	}
	if (rc == 0 && at[IM_MAIN] < 0) {
		diag_report(d, DIAG_ERROR, count ? j.book.s[0].file : NULL, 0, 0, _("no file has the columns of "
		    "the sheet %s, one row per tenant"), im_sheet_name(j.labels, IM_MAIN));
		rc = -1;
	}
	if (rc == 0) {
		/* the main sheet first: the summary names it */
		size_t m = (size_t)at[IM_MAIN];
		struct im_sheet t = j.book.s[0];
		j.book.s[0] = j.book.s[m];
		j.book.s[m] = t;
		rc = import_book(&j);
	}
	job_free(&j);
	return rc;
}

/* Read path (a regular file, within the cap) into b; -1 after reporting. */
static int
slurp(const char *path, struct buf *b, struct diag *d)
{
	const char *why = NULL;
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > IM_MAX_FILE) {
		diag_report(d, DIAG_ERROR, path, 0, 0, _("the file is larger than %ld MB: a tenants "
		    "spreadsheet is far smaller"), IM_MAX_FILE >> 20);
		return -1;
	}
	if (file_read(path, IM_MAX_FILE, b, &why) < 0) {
		diag_report(d, DIAG_ERROR, path, 0, 0, _("cannot read: %s"), why ? why : strerror(errno));
		return -1;
	}
	return 0;
}

int
import_file(const char *path, const struct import_opts *o, struct diag *d)
{
	if (!ends_with(path, ".csv")) {
		struct buf b = {0};
		int rc = slurp(path, &b, d) < 0 ? -1 : import_bytes(path, b.p ? b.p : "", b.n, o, d);
		buf_free(&b);
		return rc;
	}
	if (o->sheet) {
		diag_report(d, DIAG_ERROR, path, 0, 0, "%s", _("--sheet names a sheet of a workbook: a CSV file "
		    "is one sheet, its parts are files beside it (docs/import.md)"));
		return -1;
	}
	/* STEM.csv is the main sheet, STEM-联系人.csv … its parts */
	struct job j;
	job_init(&j, o, d);
	int rc = 0;
	size_t stem = strlen(path) - 4;
	for (int p = 0; p < IM_NPARTS && rc == 0; p++) {
		struct buf file = {0}, b = {0};
		if (p == IM_MAIN)
			buf_puts(&file, path);
		else
			buf_printf(&file, "%.*s-%s.csv", (int)stem, path, im_sheet_name(j.labels, p));
		if (p == IM_MAIN || access(file.p, F_OK) == 0) {
			struct im_sheet *s = im_book_add(&j.book, im_sheet_name(j.labels, p), file.p);
			s->csv = 1;
			if (slurp(file.p, &b, d) < 0 || im_read_csv(file.p, b.p ? b.p : "", b.n, s, d) < 0)
				rc = -1;
		}
		buf_free(&b);
		buf_free(&file);
	}
	if (rc == 0)
		rc = import_book(&j);
	job_free(&j);
	return rc;
}

/* ---------------------------------------------------------------- the template */

static void
template_book(const struct ds_labels *l, struct im_book *b, const char *file)
{
	for (int p = 0; p < IM_NPARTS; p++) {
		struct im_sheet *s = im_book_add(b, im_sheet_name(l, p), file);
		for (int f = 0; f < im_parts[p].nf; f++) {
			const char *h = ds_label(l, im_parts[p].f[f].path);
			h = h ? h : im_parts[p].f[f].path;
			(void)im_sheet_set(s, 1, f, h, strlen(h), 0);
		}
	}
}

int
import_template_xlsx(const struct import_opts *o, struct buf *out, struct diag *d)
{
	struct ds_labels *l = ds_labels_load(o->doc);
	struct im_book b = {0};
	template_book(l, &b, "template");
	int rc = im_write_xlsx(&b, out, d);
	im_book_free(&b);
	ds_labels_free(l);
	return rc;
}

int
import_template(const char *path, const struct import_opts *o, struct diag *d)
{
	if (ends_with(path, ".xlsx")) {
		struct buf b = {0};
		int rc = import_template_xlsx(o, &b, d);
		if (rc == 0)
			rc = file_write(path, b.p, b.n, d);
		buf_free(&b);
		return rc;
	}
	if (!ends_with(path, ".csv")) {
		diag_report(d, DIAG_ERROR, path, 0, 0, "%s", _("a template is a .xlsx workbook or .csv files: "
		    "name it so"));
		return -1;
	}
	struct ds_labels *l = ds_labels_load(o->doc);
	struct im_book b = {0};
	template_book(l, &b, path);
	int rc = 0;
	size_t stem = strlen(path) - 4;
	for (int p = 0; p < IM_NPARTS && rc == 0; p++) {
		struct buf file = {0}, csv = {0};
		if (p == IM_MAIN)
			buf_puts(&file, path);
		else
			buf_printf(&file, "%.*s-%s.csv", (int)stem, path, b.s[p].name);
		im_write_csv(&b.s[p], &csv);
		rc = file_write(file.p, csv.p, csv.n, d);
		buf_free(&file);
		buf_free(&csv);
	}
	im_book_free(&b);
	ds_labels_free(l);
	return rc;
}
