/*
 * import — the messages of an import, each on the cell it is about: "sheet
 * 客户, row 3, column E (联系电话): …", sorted by sheet, row and column
 * when they are flushed; and the problems folio check finds in a generated
 * case, put back from the case's line and path on the cell they came from.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../docset/docset.h"
#include "../docset/docset_int.h"
#include "import_int.h"

/* Report text at a sheet's cell (col -1: the row; row 0: the sheet);
 * sheet, label and tail the same apart. */
static void
at_cell(struct job *j, enum diag_level level, int part, int row, int col, const char *text,
    const char *sheet, const char *label, const char *tail)
{
	j->m = xrealloc(j->m, (j->nm + 1) * sizeof *j->m);
	struct cellmsg *c = &j->m[j->nm];
	c->level = level;
	c->file = j->sheet[part] ? j->sheet[part]->file : j->book.s[0].file;
	c->part = part;
	c->row = row;
	c->col = col;
	c->seq = (unsigned)j->nm++;
	c->text = xstrdup(text);
	c->sheet = sheet;
	c->label = label;
	c->tail = xstrdup(tail);
}

void
im_cell_error(struct job *j, enum diag_level level, int part, const struct im_row *row, int field, int col,
    const char *fmt, ...)
{
	char tail[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tail, sizeof tail, fmt, ap);
	va_end(ap);
	assert(part >= 0 && part < IM_NPARTS);
	assert(field < im_parts[part].nf);
	const struct im_sheet *s = j->sheet[part];
	const char *sheet = s ? s->name : im_sheet_name(j->labels, part);
	int csv = s ? s->csv : 0;
	const char *label = field >= 0 ? ds_label(j->labels, im_parts[part].f[field].path) : NULL;
	struct buf where = {0}, msg = {0};
	char cn[8] = "";
	if (col >= 0)
		im_col_name(col, cn);
	int r = row ? row->num : 0;
	if (csv && r == 0)
		buf_puts(&where, "");
	else if (csv && col >= 0 && label)
		buf_printf(&where, _("row %d, column %s (%s)"), r, cn, label);
	else if (csv && col >= 0)
		buf_printf(&where, _("row %d, column %s"), r, cn);
	else if (csv && label)
		buf_printf(&where, _("row %d (%s)"), r, label);
	else if (csv)
		buf_printf(&where, _("row %d"), r);
	else if (r == 0)
		buf_printf(&where, _("sheet %s"), sheet);
	else if (col >= 0 && label)
		buf_printf(&where, _("sheet %s, row %d, column %s (%s)"), sheet, r, cn, label);
	else if (col >= 0)
		buf_printf(&where, _("sheet %s, row %d, column %s"), sheet, r, cn);
	else if (label)
		buf_printf(&where, _("sheet %s, row %d (%s)"), sheet, r, label);
	else
		buf_printf(&where, _("sheet %s, row %d"), sheet, r);
	if (where.n == 0)   /* a CSV file as a whole: its name says it */
		buf_puts(&msg, tail);
	else
		/* TRANSLATORS: a field message: the field, then what is wrong and how to fix it */
		buf_printf(&msg, _("%s: %s"), where.p, tail);
	at_cell(j, level, part, r, col, msg.p, sheet, label, tail);
	buf_free(&where);
	buf_free(&msg);
}

static int
cellmsg_cmp(const void *a, const void *b)
{
	const struct cellmsg *x = a, *y = b;
	if (x->part != y->part)
		return x->part < y->part ? -1 : 1;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Every message by sheet, row and column, into d. */
void
im_flush_cells(struct job *j)
{
	if (j->nm > 1)
		qsort(j->m, j->nm, sizeof *j->m, cellmsg_cmp);
	for (size_t i = 0; i < j->nm; i++) {
		struct cellmsg *c = &j->m[i];
		diag_report(j->d, c->level, c->file, 0, 0, "%s", c->text);
		if (j->o->on_problem) {
			char cn[8] = "";
			if (c->col >= 0)
				im_col_name(c->col, cn);
			j->o->on_problem(j->o->ctx, c->level, c->sheet, c->row, cn, c->label, c->tail);
		}
		free(c->text);
		free(c->tail);
	}
	free(j->m);
	j->m = NULL;
	j->nm = 0;
}

/* ---------------------------------------------------------------- the checks' problems, on cells */

/* The field of part whose path is a suffix of path (on a / boundary), or -1. */
static int
field_of(int part, const char *path)
{
	size_t n = strlen(path);
	for (int f = 0; path && f < im_parts[part].nf; f++) {
		const char *p = im_parts[part].f[f].path;
		size_t k = strlen(p);
		if (k <= n && strcmp(path + n - k, p) == 0 && (k == n || path[n - k - 1] == '/'))
			return f;
	}
	return -1;
}

void
im_located(void *ctx, enum diag_level level, int line, const char *path, const char *msg)
{
	struct job *j = ctx;
	assert(j->gen != NULL && j->cur < j->nt);   /* set by check_all for the tenant checked */
	const struct im_gen *g = j->gen;
	const struct im_tenant *t = &j->t[j->cur];
	const struct im_rec *rec = &t->main;
	int field = -1;
	if (line >= 1 && (size_t)line <= g->nw) {
		rec = g->w[line - 1].rec;
		field = g->w[line - 1].field;
	}
	/* a part short of rows was said so already: not its schema's echo */
	for (int p = 1; p < IM_NPARTS && path; p++) {
		size_t k = strlen(im_parts[p].container);
		if (t->n[p] < (size_t)im_parts[p].min && strncmp(path, im_parts[p].container, k) == 0)
			return;
	}
	int f = path ? field_of(rec->part, path) : -1;
	if (f >= 0)
		field = f;
	if (field < 0 && path) {
		/* a field of the tenant's row reported at a line of a part (a missing one) */
		f = field_of(IM_MAIN, path);
		if (f >= 0) {
			rec = &t->main;
			field = f;
		}
	}
	if (level >= DIAG_ERROR)
		j->bad[j->cur]++;
	int col = field >= 0 ? rec->col[field] : -1;
	if (field < 0 && path) {
		/* no column: say which field */
		const char *label = ds_label(j->labels, path);
		struct buf m2 = {0};
		buf_printf(&m2, "%s (%s)", label ? label : path, msg);
		im_cell_error(j, level, rec->part, rec->row, -1, -1, "%s", label ? m2.p : msg);
		buf_free(&m2);
		return;
	}
	im_cell_error(j, level, rec->part, rec->row, field, col, "%s", msg);
}
