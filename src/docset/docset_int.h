/*
 * docset — internal interface between the files of the document-set stage.
 */
#ifndef FOLIO_DOCSET_INT_H
#define FOLIO_DOCSET_INT_H

#include "docset.h"

struct xnode;

char *ds_path(const char *a, const char *b);              /* owned "a/b" */
char **ds_list_xml(const char *dir, size_t *n);           /* owned, sorted */
void ds_list_free(char **v, size_t n);
/* Let the XML loader read the project's source folders only. */
void ds_allow(const struct docset_opts *o);
/* Warn of sources that differ from the archived copy of the current
 * revision, when it is archived (docset_issued.c). */
void ds_check_issued(const struct docset_opts *o, const struct xnode *manual, struct diag *d);
/* Schema and cross-reference checks of procedures/; -1 if any problem. */
int ds_check_procedures(const struct docset_opts *o, struct diag *d);

/*
 * Field messages (docset_fields.c): labels from schemas/labels.xml, and a
 * context per source file that words its problems with them.
 */
struct ds_labels;
struct ds_fields;
struct buf;
struct ds_labels *ds_labels_load(const struct docset_opts *o);   /* owned */
void ds_labels_free(struct ds_labels *l);
struct ds_fields *ds_fields_new(const struct ds_labels *l, const char *file, struct diag *d);
/*
 * A source made from another file (folio import: cells of a spreadsheet):
 * every problem and warning of c goes to fn instead of d, with the line of
 * the source, the field's path and the message without the field's name.
 */
typedef void ds_locate_fn(void *ctx, enum diag_level level, int line, const char *path,
    const char *msg);
void ds_fields_locate(struct ds_fields *c, ds_locate_fn *fn, void *ctx);
/* Also keep every field error c reports in out (the caller frees it). */
void ds_fields_collect(struct ds_fields *c, struct docset_field_errors *out);
/* Frees c; returns the number of errors it reported. */
int ds_fields_free(struct ds_fields *c);
/* Report a problem of the field at path ("case/lease/end"), labelled. */
void ds_fields_error(struct ds_fields *c, int line, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Has a problem of path (or inside it) been reported? */
int ds_fields_reported(const struct ds_fields *c, const char *path);
/* The field's example as a message tail (", e.g. 12000.00"), or "". */
void ds_fields_example(const struct ds_fields *c, const char *path, char *out, size_t n);
/* Check every value, then the schema rng: all problems as field messages.
 * Lenient values are normalised with a warning; with normalised, the
 * source's bytes as they are to be read are appended there.  -1 if any error. */
int ds_fields_validate(struct ds_fields *c, const char *rng, struct buf *normalised);
/* The same for one file, without the context. */
int ds_validate(const struct ds_labels *l, const char *file, const char *rng, struct diag *d);

/* Case rules (docset_case.c). */
/* The element at a path of child names below e ("lease/end"), or NULL. */
const struct xnode *ds_at(const struct xnode *e, const char *path);
/* The text of e (NULL: ""), cut to n bytes. */
void ds_text(const struct xnode *e, char *out, size_t n);
/* The rules the schema cannot express: check characters, dates in order. */
void ds_case_rules(struct ds_fields *fc, const struct xnode *root);
/* Every problem of a case file at once, as field messages: the schema, its
 * values, the rules, and with packet the fields the packet's forms and
 * documents need.  With normalised, the bytes to read the case from.  -1 if
 * any error. */
int ds_check_case(const struct docset_opts *o, const struct ds_labels *labels, const char *file,
    int packet, struct buf *normalised, struct diag *d);
/* The same, for a case read from file that is to become as (cases/ID.xml:
 * its name and number are checked as that file's), the field errors also
 * kept in errs (or NULL). */
int ds_check_case_as(const struct docset_opts *o, const struct ds_labels *labels, const char *file,
    const char *as, int packet, struct buf *normalised, struct docset_field_errors *errs, struct diag *d);
/* Warn of the phones, plates, ID and credit numbers and contacts of the
 * case file that another case of cases/ has too (docset_leftovers.c). */
void ds_case_leftovers(const struct docset_opts *o, const char *file, struct diag *d);
/* The documents and forms of every packet exist; -1 if not. */
int ds_check_packet_sources(const struct docset_opts *o, struct diag *d);

/* The same for a case made from another file (folio import), with the
 * packet's rules: the problems go to fn (ds_fields_locate); a case file of
 * the same number under cases/ is left to the caller. */
int ds_check_case_located(const struct docset_opts *o, const struct ds_labels *labels,
    const char *file, ds_locate_fn *fn, void *ctx, struct buf *normalised, struct diag *d);
/* The label of the field at path (labels.xml, longest suffix), or NULL. */
const char *ds_label(const struct ds_labels *l, const char *path);
/* The value rule of the field at path ("date", "amount" …), or NULL. */
const char *ds_label_type(const struct ds_labels *l, const char *path);

struct xdoc;
struct text_fonts;

/* The folder of templates/ and schemas/. */
const char *ds_data(const struct docset_opts *o);
/* The folder of the packet's documents (owned). */
char *ds_content(const struct docset_opts *o);

/* The site file (docset_site.c), read once per job. */
struct ds_site {
	char        *file;      /* absolute path */
	char        *logo;      /* absolute path of the logo, or NULL */
	char        *latin;     /* default faces, or NULL */
	char        *chinese;
	struct xdoc *doc;
};
/* Find, validate and read the site file; -1 with the reasons in d. */
int ds_site_load(const struct docset_opts *o, struct ds_site *s, struct diag *d);
void ds_site_free(struct ds_site *s);
/* Let the XSLT read the site file and its logo (after ds_allow). */
void ds_site_allow(const struct ds_site *s);
/* The site's default faces become what "serif" means. */
void ds_site_fonts(const struct ds_site *s, struct text_fonts *fonts);
/* Does the site have a value named key (a fixed name or a hotline id)? */
int ds_site_has(const struct ds_site *s, const char *key);
/* Every placeholder of the source file names a site value; -1 if not. */
int ds_site_check_refs(const struct ds_site *s, const char *file, struct diag *d);
/* Append the parameters site and site-logo to params (n used, cap room). */
const char **ds_site_params(const struct ds_site *s, const char **params, int n, int cap);
/* Lay out and write an FO document (taken); -1 with reasons in d. */
int ds_render(struct xdoc *fo, struct text_fonts *fonts, const char *path, struct diag *d);

/* folio check --layout (docset_layout.c): from now on, every document laid
 * out is checked; rows to write in must be row_h high; prefix is left out
 * of the document names in the findings. */
struct area_tree;
void ds_layout_enable(mpt row_h, const char *prefix);
/* The findings of one laid-out document (nothing unless enabled). */
void ds_layout_check(const struct area_tree *t, const char *path, struct diag *d);
struct area_page;
/* The room left below the lowest area of the page's body region. */
mpt ds_page_room(const struct area_page *p);
/* The site's form row height (form-row-height, default 8mm). */
mpt ds_site_row_height(const struct ds_site *s);

/* The jobs of templates/job.xsl (docset_packet.c), shared with folio forms. */
char *ds_abspath(const char *p);   /* owned; p itself when it cannot be resolved */
/* rows: the empty rows added to (or, negative, taken from) each of a blank
 * form's tables with blank-rows, in document order ("0 -1 2"), as
 * docset_forms.c fits the form to its page; NULL or "" for none. */
void ds_job_item(struct buf *b, const char *kind, const char *href, int copies, int serial, const char *rows);
/* The FO of a job (owned), or NULL, named name, or after pdf when name is
 * NULL (its messages name it so); with --fo also written there. */
struct xdoc *ds_job_fo(const struct docset_opts *o, const struct ds_site *site, const char *job,
    size_t n, const char *name, const char *pdf, struct diag *d);
/* Run a job and write the PDF. */
int ds_run_job(const struct docset_opts *o, const struct ds_site *site, struct text_fonts *fonts,
    const char *job, size_t n, const char *name, const char *pdf, struct diag *d);

/*
 * A batch (docset_batch.c): items 0…n-1, each made by one(ctx, i, d) with
 * a diagnostics sink of its own, in jobs worker processes (0: one per
 * core) or, with one job or one item, in this process.  Each item's
 * messages are merged into the run's; progress "[k/n] NAME  ETA m:ss" on
 * standard error (updated in place on a terminal) unless quiet; with
 * several items, a summary of the failed ones with the place of their
 * first error.  Returns 0, or -1 if any item failed.
 */
struct ds_batch {
	size_t       n;
	int          jobs;
	int          quiet;
	const char  *what;                                   /* N_("cases") */
	const char *(*name)(void *ctx, size_t i);            /* in the progress */
	const char *(*file)(void *ctx, size_t i);            /* in the summary */
	int        (*one)(void *ctx, size_t i, struct diag *d);   /* 0 or -1 */
	void        *ctx;
};
int ds_batch_run(const struct ds_batch *b, struct diag *d);

/* docset_progress.c: seconds on the monotonic clock, for progress and ETAs. */
double ds_now(void);

#endif
