/*
 * docset — the blank forms' internal interface, between the register
 * (docset_forms_reg.c), the fitting of a form to its page
 * (docset_forms_fit.c), copies laid out once (docset_forms_copies.c) and
 * the batches (docset_forms.c).
 */
#ifndef FOLIO_DOCSET_FORMS_H
#define FOLIO_DOCSET_FORMS_H

#include <stddef.h>

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

struct docset_opts;
struct ds_site;
struct text_fonts;
struct diag;
struct buf;

/* Every form of procedures/forms/, in file order, with its register name
 * (n of them; free with ds_forms_free) (docset_forms_reg.c). */
struct form_info *ds_forms_load(const struct docset_opts *o, size_t *n, struct diag *d);
void ds_forms_free(struct form_info *v, size_t n);
/* Mark the forms the user named (all when none); -1 after reporting. */
int ds_forms_pick(struct form_info *v, size_t n, char **want, int nwant, struct diag *d);
/* A job of blank forms begins so. */
#define FORM_JOB_HEAD "<job xmlns=\"urn:folio:job\" mode=\"blank\" title=\"空白表格\">\n"
/* Form f as an item of job: copies of it numbered from start (0: none),
 * rows[i] empty rows more in its i-th table with empty rows. */
void ds_form_job_item(struct buf *job, const struct form_info *f, const int *rows, int copies, long start);
/* Fit f to one page through its tables' empty rows (sets f->rows, once);
 * returns the pages per part as printed, -1 on errors (docset_forms_fit.c). */
int ds_form_fit(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    struct form_info *f, struct diag *d);
/* copies of each of the n forms f into pdf, each form laid out once; 0,
 * -1 after errors, 1 when the caller must lay out every copy
 * (docset_forms_copies.c). */
int ds_forms_copies(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    const struct form_info *const *f, size_t n, int copies, const char *pdf, struct diag *d);

#endif
