/*
 * import — a workbook in memory: sheets of rows of cells, as the readers
 * fill them and the template is made of.
 */
#include <stdlib.h>
#include <string.h>

#include "import_int.h"

struct im_sheet *
im_book_add(struct im_book *b, const char *name, const char *file)
{
	b->s = xrealloc(b->s, (b->n + 1) * sizeof *b->s);
	struct im_sheet *s = &b->s[b->n++];
	memset(s, 0, sizeof *s);
	s->name = xstrdup(name);
	s->file = xstrdup(file);
	return s;
}

int
im_sheet_set(struct im_sheet *s, int row, int col, const char *v, size_t n, int num)
{
	if (col + 1 > IM_MAX_CELLS - (long)s->ncells)
		return -1;
	if (s->nrows == 0 || s->rows[s->nrows - 1].num != row) {
		s->rows = xrealloc(s->rows, (s->nrows + 1) * sizeof *s->rows);
		memset(&s->rows[s->nrows], 0, sizeof *s->rows);
		s->rows[s->nrows++].num = row;
	}
	struct im_row *r = &s->rows[s->nrows - 1];
	if (col >= r->n) {
		if (s->ncells + (size_t)(col + 1 - r->n) > (size_t)IM_MAX_CELLS)
			return -1;
		s->ncells += (size_t)(col + 1 - r->n);
		r->c = xrealloc(r->c, (size_t)(col + 1) * sizeof *r->c);
		memset(r->c + r->n, 0, (size_t)(col + 1 - r->n) * sizeof *r->c);
		r->n = col + 1;
	}
	free(r->c[col].v);
	r->c[col].v = xstrndup(v, n);
	r->c[col].num = num;
	return 0;
}

void
im_book_free(struct im_book *b)
{
	for (size_t i = 0; i < b->n; i++) {
		struct im_sheet *s = &b->s[i];
		for (size_t r = 0; r < s->nrows; r++) {
			for (int c = 0; c < s->rows[r].n; c++)
				free(s->rows[r].c[c].v);
			free(s->rows[r].c);
		}
		free(s->rows);
		free(s->name);
		free(s->file);
	}
	free(b->s);
	memset(b, 0, sizeof *b);
}
