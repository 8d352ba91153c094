/*
 * docset — the document set: which sources are validated how, which
 * template runs on which sources into which file.  The user's jobs
 * (folio check, folio manual) are here; main.c only parses arguments.
 */
#ifndef FOLIO_DOCSET_H
#define FOLIO_DOCSET_H

#include "../base/base.h"

struct text_fonts;

struct docset_opts {
	const char *root;        /* project directory: site.xml, procedures/, cases/, docs/content/ */
	const char *data;        /* the folder of templates/ and schemas/ (NULL: root) */
	const char *site;        /* the site file (NULL: ROOT/site.xml) */
	const char *content;     /* the packet's documents (NULL: ROOT/docs/content) */
	const char *out_dir;     /* where PDFs go (default ROOT/output) */
	const char *fo_dir;      /* also write the intermediate FO here, or NULL */
	const char *procedure;   /* one procedure code, or NULL for the whole manual */
	int         copy;        /* controlled copy number (分发号), 0 for none */
	int         quiet;       /* no progress lines */
	int         jobs;        /* worker processes of a batch, 0: one per core */
};

/*
 * folio check: validate every source against its RELAX NG schema and run
 * the cross-reference checks a schema cannot express.  Every problem is
 * reported to d with file:line.  Returns 0 if all is well, -1 otherwise.
 */
int docset_check(const struct docset_opts *o, struct diag *d);

/*
 * folio manual: check the procedure sources, transform them with
 * templates/manual.xsl, lay out and write the PDF.  Returns 0, or -1 with
 * the reasons in d (nothing is written then).
 */
int docset_manual(const struct docset_opts *o, struct text_fonts *fonts, struct diag *d);

/*
 * folio packet: for each case file, check every problem at once, then write
 * output/packets/<case id>/: each document and completed form as its own
 * PDF and packet.pdf with all of them, bookmarked, in handover order.  A bad
 * case is reported and skipped; the others are still produced.  Returns 0
 * if every case succeeded.
 */
int docset_packet(const struct docset_opts *o, struct text_fonts *fonts, char **cases,
    int ncases, struct diag *d);

/*
 * folio forms: blank forms (all, or those named by id or printed number)
 * into output/forms/: one PDF per form, or forms.pdf when combined; copies
 * of each, numbered (编号) from 1 when serial is set.
 */
int docset_forms(const struct docset_opts *o, struct text_fonts *fonts, char **forms,
    int nforms, int combined, int copies, int serial, int serial_start, struct diag *d);

/*
 * folio forms --list: one line per form (all, or those named) on out:
 * printed number, id, pages of one copy, copies per set (联), name.
 */
int docset_forms_list(const struct docset_opts *o, struct text_fonts *fonts, char **forms,
    int nforms, FILE *out, struct diag *d);

/* One form of the register, for a program (folio serve's JSON). */
struct docset_form {
	char *id;       /* XT-KF-CX-009-R01 */
	char *number;   /* printed number, or "" */
	char *name;     /* the register's name */
	int   pages;    /* pages of one blank copy, -1 if it could not be laid out */
	int   parts;    /* copies per set (联) */
};

/*
 * The forms register as data: every form of procedures/forms/, in file
 * order, its pages laid out.  *out is owned (docset_forms_info_free).
 * Returns 0, or -1 with the reasons in d.
 */
int docset_forms_info(const struct docset_opts *o, struct text_fonts *fonts,
    struct docset_form **out, size_t *n, struct diag *d);
void docset_forms_info_free(struct docset_form *v, size_t n);

/* One case of cases/, for a program: what a list of cases shows. */
struct docset_case {
	char *id;       /* the case's id (its file is cases/ID.xml) */
	char *tenant;   /* customer/name-zh */
	char *floor;    /* unit/floor, "15" */
	char *unit;     /* unit/number, "1501-1503" */
	char *date;     /* handover-date */
};

/*
 * The cases under cases/, sorted by file name; a file that does not parse
 * is reported to d and left out.  *out is owned (docset_cases_free).
 * Returns 0, or -1 if any case could not be read.
 */
int docset_cases(const struct docset_opts *o, struct docset_case **out, size_t *n, struct diag *d);
void docset_cases_free(struct docset_case *v, size_t n);

/* ---- cases for a program (folio serve) ---- */

/* One problem of a field, as folio check words it. */
struct docset_field_error {
	char *path;      /* the field, by element names: "case/customer/contacts/contact/mobile" */
	char *label;     /* its label (schemas/labels.xml), or NULL */
	char *message;   /* what is wrong and how to put it right, without the field's name */
	int   line;      /* of the file checked */
};
struct docset_field_errors {
	struct docset_field_error *v;
	size_t                     n;
};
void docset_field_errors_free(struct docset_field_errors *e);

/*
 * Check the case in file with every check of folio check, as if it were
 * the file as (ROOT/cases/ID.xml: its number must be that name; the case
 * already there is not "another case").  Every problem goes to d; the
 * field problems are also appended to errs.  With normalised, the bytes
 * to keep (lenient values normalised) are appended there.  Returns 0 when
 * the case has no error, -1 otherwise.
 */
int docset_case_check(const struct docset_opts *o, const char *file, const char *as,
    struct buf *normalised, struct docset_field_errors *errs, struct diag *d);

/* The field labels of schemas/labels.xml (owned; docset_labels_free). */
struct ds_labels;
struct ds_labels *docset_labels_load(const struct docset_opts *o);
void docset_labels_free(struct ds_labels *l);
/* The label of the field at path ("case/unit/floor"), and its example
 * value in *example (may be NULL); NULL when it has none.  Borrowed. */
const char *docset_label(const struct ds_labels *l, const char *path, const char **example);

/*
 * folio check --layout: lay out the manual, the packet of every case under
 * cases/ and every blank form (or, with files, those FO files) and report
 * what would not print well: lines out of their box, headings alone at a
 * page foot, tables broken after one row, rows to write in lower than the
 * site's form row height, names broken in signature rows, near-empty
 * pages.  Returns 0 when there is no finding, -1 otherwise.
 */
int docset_layout(const struct docset_opts *o, struct text_fonts *fonts, char **files, int nfiles,
    struct diag *d);

/*
 * folio archive: keep the sources of the current revision under
 * procedures/issued/E<edition>R<revision>/, so that the next revision's
 * manual can mark what changed.  Refuses invalid sources and an existing
 * archive.  Returns 0 or -1.
 */
int docset_archive(const struct docset_opts *o, struct diag *d);

/*
 * folio new-case: write ROOT/cases/ID.xml, a case with every field marked
 * 【待填】 (templates/case-new.xml), atomically; an existing file is never
 * replaced.  Returns 0, or -1 with the reason in d.
 */
int docset_new_case(const struct docset_opts *o, const char *id, struct diag *d);
/* Is id a case number (YYYY-NNN)? */
int docset_new_case_id_ok(const char *id);

/*
 * The progress of one long document on standard error while it is laid
 * out and written (folio render, manual, forms --combined): nothing when
 * quiet or when the job ends within 2 seconds.  Between begin and end the
 * layout and PDF stages of this thread report to it.  begin returns NULL
 * when quiet; end accepts NULL.
 */
struct docset_progress;
struct docset_progress *docset_progress_begin(int quiet);
void docset_progress_end(struct docset_progress *p);

#endif
