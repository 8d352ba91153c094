/*
 * import — the sheets of a tenants workbook: each part's header row
 * matched to the fields' labels, and the part rows joined to their tenant
 * by the case number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../docset/docset.h"
#include "../docset/docset_int.h"
#include "import_int.h"

/* ---------------------------------------------------------------- sheets and headers */

int
im_row_empty(const struct im_row *r)
{
	for (int c = 0; c < r->n; c++) {
		const char *v = r->c[c].v;
		if (v && v[strspn(v, " \t\r\n")] != '\0')
			return 0;
	}
	return 1;
}

/* Match the header row of part's sheet to the fields; -1 on a problem (reported). */
int
im_headers(struct job *j, int part)
{
	const struct im_part_def *pd = &im_parts[part];
	struct im_sheet *s = j->sheet[part];
	int bad = 0;
	for (int f = 0; f < pd->nf; f++)
		j->col[part][f] = -1;
	if (s == NULL)
		return 0;
	size_t first = 0;
	while (first < s->nrows && im_row_empty(&s->rows[first]))
		first++;
	if (first == s->nrows) {
		if (part == IM_MAIN) {
			im_cell_error(j, DIAG_ERROR, part, NULL, -1, -1, "%s", _("the sheet is empty: its first row "
			    "names the columns, each further row is a tenant (folio import --template)"));
			return -1;
		}
		return 0;
	}
	const struct im_row *h = &s->rows[first];
	for (int c = 0; c < h->n; c++) {
		const char *v = h->c[c].v;
		if (v == NULL || v[strspn(v, " \t\r\n")] == '\0')
			continue;
		size_t n = strlen(v);
		while (n && strchr(" \t\r\n", v[n - 1]))
			n--;
		v += strspn(v, " \t\r\n");
		n = strlen(v) < n ? strlen(v) : n;
		int found = -1;
		for (int f = 0; f < pd->nf && found < 0; f++) {
			const char *l = ds_label(j->labels, pd->f[f].path);
			if (l && strlen(l) == n && strncmp(l, v, n) == 0)
				found = f;
		}
		char *hv = xstrndup(v, n);
		if (found < 0) {
			im_cell_error(j, DIAG_ERROR, part, h, -1, c, _("\"%s\" is not a column of this sheet: a header "
			    "is a field's name as docs/import.md lists it (folio import --template writes them)"), hv);
			bad = 1;
		} else if (j->col[part][found] >= 0) {
			char cn[8];
			im_col_name(j->col[part][found], cn);
			im_cell_error(j, DIAG_ERROR, part, h, -1, c, _("\"%s\" is also the header of column %s: "
			    "keep one of them"), hv, cn);
			bad = 1;
		} else {
			j->col[part][found] = c;
		}
		free(hv);
	}
	for (int f = 0; f < pd->nf; f++)
		if (pd->f[f].req && j->col[part][f] < 0) {
			const char *l = ds_label(j->labels, pd->f[f].path);
			im_cell_error(j, DIAG_ERROR, part, h, -1, -1, _("the column %s is missing: add it (folio import "
			    "--template writes every column)"), l ? l : pd->f[f].path);
			bad = 1;
		}
	/* the header row is not data */
	s->rows += first + 1;
	s->nrows -= first + 1;
	return bad ? -1 : 0;
}

struct idx {
	const char *id;
	size_t      t;
};

static int
idx_cmp(const void *a, const void *b)
{
	return strcmp(((const struct idx *)a)->id, ((const struct idx *)b)->id);
}

/* The tenants of the main sheet, and the part rows joined to them. */
int
im_join(struct job *j, struct im_gen *g)
{
	struct im_sheet *s = j->sheet[IM_MAIN];
	int bad = 0;
	j->t = xcalloc(s->nrows + 1, sizeof *j->t);
	struct idx *ix = xcalloc(s->nrows + 1, sizeof *ix);
	char **ids = xcalloc(s->nrows + 1, sizeof *ids);
	size_t nix = 0;
	for (size_t r = 0; r < s->nrows; r++) {
		if (im_row_empty(&s->rows[r]))
			continue;
		struct im_tenant *t = &j->t[j->nt];
		t->main = (struct im_rec){ IM_MAIN, s, &s->rows[r], j->col[IM_MAIN] };
		struct buf id = {0};
		if (im_value(g, &t->main, 0, &id)) {
			ids[j->nt] = id.p;
			ix[nix].id = id.p;
			ix[nix++].t = j->nt;
		}
		j->nt++;
	}
	if (nix > 1)
		qsort(ix, nix, sizeof *ix, idx_cmp);
	j->bad = xcalloc(j->nt + 1, sizeof *j->bad);
	for (size_t i = 1; i < nix; i++)
		if (strcmp(ix[i].id, ix[i - 1].id) == 0) {
			size_t a = ix[i - 1].t < ix[i].t ? ix[i - 1].t : ix[i].t, b = ix[i - 1].t < ix[i].t ? ix[i].t : ix[i - 1].t;
			im_cell_error(j, DIAG_ERROR, IM_MAIN, j->t[b].main.row, 0, j->col[IM_MAIN][0], _("the case number "
			    "%s is already on row %d: every tenant needs its own"), ix[i].id, j->t[a].main.row->num);
			j->bad[b]++;
		}
	for (int p = 1; p < IM_NPARTS; p++) {
		struct im_sheet *ps = j->sheet[p];
		for (size_t r = 0; ps && r < ps->nrows; r++) {
			if (im_row_empty(&ps->rows[r]))
				continue;
			struct im_rec rec = { p, ps, &ps->rows[r], j->col[p] };
			struct buf id = {0};
			if (!im_value(g, &rec, 0, &id)) {
				im_cell_error(j, DIAG_ERROR, p, rec.row, 0, j->col[p][0], "%s", _("empty: write the case "
				    "number of the tenant this row belongs to, as in the main sheet"));
				j->orphans++;
				continue;
			}
			struct idx key = { id.p, 0 }, *hit = nix ? bsearch(&key, ix, nix, sizeof *ix, idx_cmp) : NULL;
			if (hit == NULL) {
				im_cell_error(j, DIAG_ERROR, p, rec.row, 0, j->col[p][0], _("no tenant has the case number "
				    "%s in the sheet %s: check the number, or add the tenant's row there"), id.p,
				    im_sheet_name(j->labels, IM_MAIN));
				j->orphans++;
			} else {
				struct im_tenant *t = &j->t[hit->t];
				t->rows[p] = xrealloc(t->rows[p], (t->n[p] + 1) * sizeof *t->rows[p]);
				t->rows[p][t->n[p]++] = rec;
			}
			buf_free(&id);
		}
	}
	/* each tenant has the rows its case needs */
	for (size_t i = 0; i < j->nt; i++)
		for (int p = 1; p < IM_NPARTS; p++)
			if (j->t[i].n[p] < (size_t)im_parts[p].min) {
				im_cell_error(j, DIAG_ERROR, IM_MAIN, j->t[i].main.row, -1, -1, _("the sheet %s has %zu rows "
				    "with this tenant's case number; at least %d are needed"), im_sheet_name(j->labels, p),
				    j->t[i].n[p], im_parts[p].min);
				j->bad[i]++;
			}
	for (size_t i = 0; i < j->nt; i++)
		free(ids[i]);
	free(ids);
	free(ix);
	return bad ? -1 : 0;
}
