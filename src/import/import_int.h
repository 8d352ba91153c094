/*
 * import — internal interface: a workbook as the readers give it (sheets
 * of rows of cells, as text), the zip container of .xlsx, the CSV reader.
 */
#ifndef FOLIO_IMPORT_INT_H
#define FOLIO_IMPORT_INT_H

#include "import.h"

/* Caps on what a spreadsheet may make folio read (docs/import.md). */
#define IM_MAX_FILE      (64L << 20)   /* the .xlsx or .csv file itself */
#define IM_MAX_ENTRY     (64L << 20)   /* one part of a workbook, inflated */
#define IM_MAX_INFLATED  (128L << 20)  /* all parts of a workbook read, inflated */
#define IM_MAX_ENTRIES   10000         /* files in a workbook's zip */
#define IM_MAX_ROWS      100000        /* rows of one sheet */
#define IM_MAX_COLS      16384         /* columns: Excel's own, XFD */
#define IM_MAX_CELL      32767         /* bytes of one cell: Excel's own limit in characters */
#define IM_MAX_CELLS     (2L << 20)    /* cells of a sheet up to each row's last one: a
                                        * row's cells are an array, and one cell in
                                        * column XFD would make it 16384 long */

struct im_cell {
	char *v;        /* UTF-8 text, NULL when empty */
	int   num;      /* a number of a workbook, as stored (a date is a day count) */
};

struct im_row {
	int             num;    /* row number as the sheet shows it, from 1 */
	struct im_cell *c;      /* by column, from 0 (A) */
	int             n;
};

struct im_sheet {
	char          *name;    /* sheet name (a CSV: its part's name) */
	char          *file;    /* what messages name: the workbook, or the CSV */
	int            csv;     /* a CSV file: messages say no sheet */
	struct im_row *rows;    /* in order, empty rows left out */
	size_t         nrows;
	size_t         ncells;  /* cells allocated, all rows */
};

struct im_book {
	struct im_sheet *s;
	size_t           n;
	int              date1904;   /* day numbers count from 1904-01-01 */
};

void im_book_free(struct im_book *b);
struct im_sheet *im_book_add(struct im_book *b, const char *name, const char *file);
/* Set the cell (row, col) of s; rows come in order.  v is copied.  -1 (and
 * nothing set) when the sheet would be over IM_MAX_CELLS. */
int im_sheet_set(struct im_sheet *s, int row, int col, const char *v, size_t n, int num);
/* Column letters of col (0 → A, 26 → AA). */
void im_col_name(int col, char out[8]);

/* A workbook's bytes → sheets (import_xlsx.c); -1 after reporting why. */
int im_read_xlsx(const char *name, const char *bytes, size_t n, struct im_book *b, struct diag *d);
/* A workbook with these sheets (header rows only) → out (import_xlsx.c). */
int im_write_xlsx(const struct im_book *b, struct buf *out, struct diag *d);

/* One CSV file's bytes → sheet s (import_csv.c); UTF-8 or GB18030. */
int im_read_csv(const char *name, const char *bytes, size_t n, struct im_sheet *s, struct diag *d);
/* One sheet as CSV (UTF-8 with BOM, CRLF) → out. */
void im_write_csv(const struct im_sheet *s, struct buf *out);

/* The zip container (import_zip.c): read the entries of a zip in memory. */
struct im_zip;
struct im_zip *im_zip_open(const char *name, const char *bytes, size_t n, struct diag *d);
/* Entry path inflated into out (appended); 1 if there is no such entry, -1
 * after reporting why (damaged, over the caps). */
int im_zip_read(struct im_zip *z, const char *path, struct buf *out, struct diag *d);
void im_zip_close(struct im_zip *z);
/* Write a zip of n entries (names, contents), deterministic, into out. */
int im_zip_write(const char *const *names, const struct buf *data, size_t n, struct buf *out,
    struct diag *d);


/* ---- the sheets of a tenants workbook and the case they make (import_case.c) ---- */

enum im_part {
	IM_MAIN, IM_CONTACTS, IM_EMERGENCY, IM_VEHICLES, IM_FEES, IM_KEYS, IM_METERS, IM_DEFECTS,
	IM_NPARTS
};

#define IM_MAX_FIELDS 40

struct im_field {
	const char *path;   /* the case field (labels.xml names it: the column's header) */
	int         req;    /* the column must be there */
};

struct im_part_def {
	const char            *sheet;      /* labels.xml path naming the sheet; NULL: the main sheet */
	const char            *container;  /* the case element holding the part's rows */
	int                    min;        /* rows a tenant needs (the schema's minimum) */
	const struct im_field *f;          /* f[0] is the case number */
	int                    nf;
};

extern const struct im_part_def im_parts[IM_NPARTS];

#define IM_MAIN_SHEET "客户"

struct ds_labels;

/* One row of a sheet as a tenant's data. */
struct im_rec {
	int                    part;
	const struct im_sheet *s;
	const struct im_row   *row;
	const int             *col;     /* the column of each field of the part, -1 if absent */
};

struct im_tenant {
	struct im_rec  main;
	struct im_rec *rows[IM_NPARTS];   /* the part rows with this case number, in order */
	size_t         n[IM_NPARTS];
};

/* Where a line of the generated case came from. */
struct im_where {
	const struct im_rec *rec;
	int                  field;   /* the part's field on that line, -1: the row as a whole */
};

struct im_gen {
	struct buf              x;
	struct im_where        *w;       /* w[k]: line k + 1 */
	size_t                  nw;
	const struct ds_labels *labels;
	int                     date1904;
};

/* The case of tenant t, one field per line, into g->x (g->w says where each line came from). */
void im_case_xml(struct im_gen *g, const struct im_tenant *t);
/* The value of a field of r: trimmed, a workbook's number written as the field
 * wants it (a date's day count as YYYY-MM-DD), a Chinese choice as the
 * schema's value.  Appended to out; 0 when the cell is empty. */
int im_value(const struct im_gen *g, const struct im_rec *r, int field, struct buf *out);
/* The sheet name of a part, from labels.xml (the main sheet: 客户). */
const char *im_sheet_name(const struct ds_labels *l, int part);

/* ---- one import's job (import.c, import_cells.c, import_sheets.c) ---- */

struct diag;
struct cellmsg {
	enum diag_level level;
	const char     *file;
	int             part, row, col;   /* col -1: the row */
	unsigned        seq;
	char           *text;
	/* the same apart, for on_problem */
	const char     *sheet;
	const char     *label;      /* the column's label, or NULL */
	char           *tail;       /* what is wrong */
};

struct job {
	const struct import_opts *o;
	struct ds_labels *labels;
	struct diag      *d;
	struct im_book    book;
	struct im_sheet  *sheet[IM_NPARTS];          /* NULL: the part has no sheet */
	int               col[IM_NPARTS][IM_MAX_FIELDS];
	struct im_tenant *t;
	size_t            nt;
	int              *bad;                       /* per tenant: errors found */
	size_t            orphans;                   /* part rows of no tenant (errors) */
	struct cellmsg   *m;
	size_t            nm;
	/* the tenant being checked */
	struct im_gen    *gen;
	size_t            cur;
};

/* "sheet 客户, row 3, column E (联系电话)" with text after it: a message
 * on a cell (field -1: no field's label; col -1: the row) (import_cells.c). */
void im_cell_error(struct job *j, enum diag_level level, int part, const struct im_row *row, int field, int col,
    const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Report the messages held, sorted by sheet, row and column, and forget them. */
void im_flush_cells(struct job *j);
/* The checks' problem at line and path of the case being checked
 * (j->gen, j->cur), on its cell: ds_check_case_located's callback. */
void im_located(void *ctx, enum diag_level level, int line, const char *path, const char *msg);

/* Is every cell of r blank? (import_sheets.c) */
int im_row_empty(const struct im_row *r);
/* Match the header row of part's sheet to the fields; -1 on a problem (reported). */
int im_headers(struct job *j, int part);
/* Join the part rows to their tenants by the case number into j->t; -1 on a problem. */
int im_join(struct job *j, struct im_gen *g);

#endif
