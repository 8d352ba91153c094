/*
 * import — tenants from a spreadsheet (folio import, docs/import.md): a
 * workbook (.xlsx) or a set of CSV files, one row per tenant on the main
 * sheet (客户) and one per contact, fee, key, meter … on further sheets
 * joined by the case number, becomes cases/ID.xml, one file per tenant.
 * Every row is checked as folio check checks a case; problems are named by
 * sheet, row and column.  Nothing is written while any row is wrong, unless
 * partial is set.  Used by folio import and, for an upload, by folio serve.
 */
#ifndef FOLIO_IMPORT_H
#define FOLIO_IMPORT_H

#include "../base/base.h"

struct docset_opts;

/* What became of one tenant (the on_case callback). */
enum import_status {
	IMPORT_WRITTEN,     /* cases/ID.xml written */
	IMPORT_UNCHANGED,   /* cases/ID.xml holds exactly this already */
	IMPORT_REFUSED      /* its rows have errors (reported), or its file exists with other data */
};

struct import_opts {
	const struct docset_opts *doc;  /* the project: root (cases/ goes there), data (schemas) */
	const char *sheet;    /* the main sheet of a workbook (NULL: 客户, else the first) */
	int         partial;  /* write the good tenants even when others have errors */
	/* called once per tenant, in row order, after the decision (may be NULL) */
	void      (*on_case)(void *ctx, const char *id, const char *file, enum import_status st);
	/*
	 * called for each problem of a sheet, a row or a cell, in sheet, row
	 * and column order, just after it went to d (may be NULL): sheet its
	 * name (a CSV file: the sheet it stands for, 客户, 联系人 …), row 0 for
	 * the sheet as a whole, col its letters ("F") or "" for the whole row,
	 * label the column's label or NULL, text what is wrong without where.
	 * Problems of no sheet (a file that is no workbook) and the summary go
	 * to d only.
	 */
	void      (*on_problem)(void *ctx, enum diag_level level, const char *sheet, int row, const char *col,
	              const char *label, const char *text);
	void       *ctx;
};

/*
 * Import path: a workbook (*.xlsx) or a CSV file (*.csv, with its part
 * files STEM-联系人.csv … beside it).  Every problem goes to d, by sheet,
 * row and column.  Returns 0 when every tenant was written or unchanged,
 * -1 otherwise (with partial, the good ones are written still).
 */
int import_file(const char *path, const struct import_opts *o, struct diag *d);

/*
 * The same for a file held in memory (an upload): name is what messages
 * call it and says its kind (.xlsx or .csv); a CSV alone is the main sheet
 * only, with no part files.
 */
int import_bytes(const char *name, const char *bytes, size_t n, const struct import_opts *o,
    struct diag *d);

/*
 * The same for CSV files held in memory (an upload of several): each is
 * one sheet, which one told by the columns its first row names, never by a
 * file's name; one of them must be the main sheet.  Messages name a file
 * by its sheet (联系人.csv), or by its place before it is known ("file 2").
 */
int import_csv_set(const char *const *bytes, const size_t *n, size_t count, const struct import_opts *o,
    struct diag *d);

/*
 * An empty template with the headers of every sheet: path *.xlsx (one
 * workbook), or *.csv (STEM.csv and one STEM-PART.csv per part, UTF-8 with
 * a byte order mark, as Excel reads them).  Returns 0, or -1 (reported).
 */
int import_template(const char *path, const struct import_opts *o, struct diag *d);

/* The template workbook's bytes, appended to out (a download). */
int import_template_xlsx(const struct import_opts *o, struct buf *out, struct diag *d);

#endif
