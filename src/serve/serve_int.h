/*
 * serve — internal interface between the files of the server stage.
 */
#ifndef FOLIO_SERVE_INT_H
#define FOLIO_SERVE_INT_H

#include <stddef.h>

#include "serve.h"

struct xnode;

/* Largest request body accepted (bytes); more is refused with 413. */
#define SERVE_BODY_MAX   (4u << 20)
/* Memory per connection for headers and buffers (libmicrohttpd). */
#define SERVE_CONN_MEM   (64u << 10)

/* A reply: status, media type and an owned body (malloc'd). */
struct reply {
	unsigned    status;
	const char *type;
	char       *body;
	size_t      n;
	char        etag[72];          /* ETag header, or "" */
	char        location[256];     /* Location header (a redirection), or "" */
	char        disposition[192];  /* Content-Disposition, or "" */
};

/* What a handler sees of a request (copied from the connection). */
struct req {
	const struct docset_opts *o;
	const char *method;
	const char *url;        /* the path */
	const char *rest;       /* what follows the route's prefix ("2024-001" of /api/v1/cases/2024-001) */
	const char *body;       /* NUL-terminated */
	size_t      n;          /* bytes of body */
	char       *if_match;   /* If-Match, or NULL */
	char       *if_none;    /* If-None-Match, or NULL */
	char       *type;       /* Content-Type, or NULL */
	char       *document;   /* ?document=, or NULL */
	char       *q;          /* ?q= (a search), or NULL */
	char       *done;       /* ?done= (what a page says was done), or NULL */
	char       *partial;    /* ?partial= (an import of the good rows), or NULL */
};

/* A reply with a body copied from s (n bytes). */
void reply_bytes(struct reply *r, unsigned status, const char *type, const char *s, size_t n);
/* A 303 redirection to url. */
void reply_redirect(struct reply *r, const char *url);

#include <pthread.h>

/* The engine's one entrance (serve_api.c says why). */
extern pthread_mutex_t engine;

struct json_object;
struct diag;
/* A JSON reply (j taken). */
void reply_json(struct reply *r, unsigned status, struct json_object *j);
/* The errors of d as {"errors":[{"file","line","col","message"}]}, 422. */
void reply_diag(struct reply *r, const struct diag *d, const char *root);
/* A PDF reply: b's bytes taken. */
void reply_pdf(struct reply *r, struct buf *b);
/* The real path of the project's root (owned). */
char *root_real(const struct docset_opts *o);

/* A JSON error reply {"errors":[{"message":…}]} (serve_api.c). */
void reply_error(struct reply *r, unsigned status, const char *message);

/* The handlers (serve_api.c).  body is NUL-terminated, n bytes. */
void api_render(const struct docset_opts *o, const char *body, size_t n, struct reply *r);
void api_forms_list(const struct docset_opts *o, struct reply *r);
void api_forms_make(const struct docset_opts *o, const char *body, size_t n, struct reply *r);
void api_cases(const struct docset_opts *o, struct reply *r);
/* A list read for a reply, with what was said reading it (rc < 0: some of it
 * could not be read); api_*_free frees all of it. */
struct api_case_list {
	struct docset_case *v;
	size_t              n;
	int                 rc;
	struct diag         d;
};
struct api_form_list {
	struct docset_form *v;
	size_t              n;
	int                 rc;
	struct diag         d;
};
/* docset_cases under the engine's lock: the cases of cases/ for a reply. */
int api_cases_load(const struct docset_opts *o, struct api_case_list *c);
void api_cases_free(struct api_case_list *c);
/* docset_forms_info under the engine's lock: the forms register for a reply. */
int api_forms_load(const struct docset_opts *o, struct api_form_list *f);
void api_forms_free(struct api_form_list *f);
void api_case_get(const struct req *q, struct reply *r);
void api_case_put(const struct req *q, struct reply *r);
void api_packet(const struct req *q, struct reply *r);

/* ---- shared by the API and the web page (serve_api.c) ---- */

/* Is id a case number usable as a file name (letters, digits, - and _,
 * 1 to 64, not starting with -)? */
int case_id_ok(const char *id);
/* The ETag of bytes: a quoted SHA-256 prefix. */
void case_etag(const char *bytes, size_t n, char out[72]);
/* Read ROOT/cases/ID.xml into b; 0, or -1 (errno) */
int case_read(const struct docset_opts *o, const char *id, struct buf *b);
struct json_object;
struct case_lines;
/*
 * Check the case xml (its lines mapping to what was sent) as folio check
 * does: with replace, as ROOT/cases/ID.xml (the case there is this one);
 * without, as a case from elsewhere (ROOT/cases/ID.xml is another case
 * unless it has the same bytes).  The problems are appended to errs as
 * {path, label, message}; the bytes to keep to keep.  Engine work: call it
 * on the engine's thread.  Returns 0 if the case is good, -1 otherwise.
 */
int case_check(const struct docset_opts *o, const char *id, int replace, const char *xml, size_t n,
    const struct case_lines *lines, struct json_object *errs, struct buf *keep);
/*
 * Save the case as ROOT/cases/ID.xml atomically, if the file's ETag is
 * still etag (NULL: the file must not exist; "*": it must exist).  Returns 0, 1 when
 * the ETag does not match (nothing written), -1 on a system error (errno).
 */
int case_save(const struct docset_opts *o, const char *id, const char *etag, const char *bytes,
    size_t n, char new_etag[72]);
/* Make the packet of a case file into outdir/packets/ID/.  -1 with reasons in d. */
int case_packet(const struct docset_opts *o, const char *file, const char *outdir, struct diag *d);
/* The PDF of a packet folder that document names (owned), or NULL. */
char *packet_document(const char *dir, const char *document);
/* The files of a packet folder (PDFs in order, then case.xml) as a zip (owned in b). */
int packet_zip(const char *dir, struct buf *b);

/* ---- a case as data (serve_case.c) ---- */

/* The fields of a case in the schema's order, depth first: a group is
 * followed by its fields (one level deeper). */
enum {
	CF_GROUP  = 1,   /* has fields */
	CF_REPEAT = 2,   /* may come more than once: an array */
	CF_OPT    = 4,   /* may be left out */
	CF_ATTR   = 8    /* an attribute, "@name" */
};
struct case_field {
	int         depth;     /* 0: the case */
	const char *name;      /* element name, or "@attribute" */
	unsigned    flags;     /* CF_* */
	const char *choices;   /* "a|b|c": the values allowed, or NULL */
	int         min;       /* a repeated field: fewest members */
};
extern const struct case_field case_fields[];
extern const size_t case_nfields;
/* The index after field i and all of its fields. */
size_t case_field_next(size_t i);

/* Where a field of a case's XML is: its line and path in what was sent. */
struct case_line {
	int   line;
	char *path;      /* "customer/contacts/contact[2]" ("" for the case) */
	char *generic;   /* "case/customer/contacts/contact" */
};
struct case_lines {
	struct case_line *v;
	size_t            n;
};
void case_lines_free(struct case_lines *l);
/* The lines of a parsed case. */
void case_lines_of_xml(const struct xnode *root, struct case_lines *l);
/* The path in what was sent of a problem at line of the field generic (owned). */
char *case_error_path(const struct case_lines *l, int line, const char *generic);
/* Append {path, label, message} to the array errs. */
void case_error_add(struct json_object *errs, const char *path, const char *label, const char *message);
/* The XML of a case given as JSON (appended to xml, its lines to lines).
 * Returns 0, or -1 with what is wrong with the JSON's shape in errs. */
int case_from_json(struct json_object *j, struct buf *xml, struct case_lines *lines, struct json_object *errs);
/* A case as JSON (owned). */
struct json_object *case_to_json(const struct xnode *root);
/* A case file's bytes as JSON (owned), parsed under the engine's lock; NULL
 * when they are not XML, with the problems in d. */
struct json_object *api_case_json(const struct buf *b, struct diag *d);

/* A web form's fields (application/x-www-form-urlencoded). */
struct form {
	struct { char *key, *value; } *v;
	size_t n;
};
void form_parse(const char *body, size_t n, struct form *f);
const char *form_value(const struct form *f, const char *key);   /* borrowed, or NULL */
void form_free(struct form *f);
/* The case in a form (fields named by their paths; "_" names skipped), owned. */
struct json_object *form_case_json(const struct form *f);

/* ---- the web page (serve_web*.c) ---- */
/* Text escaped for HTML (& < > " ') into b. */
void html_esc(struct buf *b, const char *s);
/* A page's beginning: its title and the navigation (active: the part's path, or NULL). */
void page_begin(struct buf *b, const char *title, const char *active);
/* The page's end; b's bytes become r's body with status. */
void page_end(struct buf *b, struct reply *r, unsigned status);
/* The errors of d as a list (<ul>) into b. */
void html_errors(struct buf *b, const struct diag *d);
/* Is id a case number?  If not, r is the page that says so (400). */
int web_id_ok(const char *id, struct reply *r);
/* A page that says what went wrong: intro, then the errors of d (may be NULL). */
void page_problem(struct reply *r, unsigned status, const char *title, const char *intro, const struct diag *d);
/* The member at key of obj (NULL when absent or not an object). */
struct json_object *web_member(struct json_object *obj, const char *key);
/* a/b, or b when a is "" (owned). */
char *web_path_join(const char *a, const char *b);
/* The output folder: --out, or ROOT/output (owned). */
char *web_out_dir(const struct docset_opts *o);
struct dirent;
/* scandir's filter for the PDFs of a folder (not hidden). */
int web_pdf_file(const struct dirent *e);
/* The first PDF of dir (by name) read into pdf, its name into name (may be
 * NULL); 1, or 0 when there is none or it cannot be read. */
int web_first_pdf(const char *dir, struct buf *pdf, char *name, size_t n);
/* The form of a case (serve_web_form.c): its values in obj, its problems in
 * errs (may be NULL), posted to action with etag (may be NULL); edit: the
 * case number cannot be changed. */
void web_case_form(struct buf *b, const struct docset_opts *o, struct json_object *obj, struct json_object *errs,
    const char *action, const char *etag, int edit);
void web_style(const struct req *q, struct reply *r);
void web_home(const struct req *q, struct reply *r);
void web_cases(const struct req *q, struct reply *r);
void web_new(const struct req *q, struct reply *r);
void web_case(const struct req *q, struct reply *r);
void web_generate(const struct req *q, struct reply *r);
void web_packet(const struct req *q, struct reply *r);
void web_packet_file(const struct req *q, struct reply *r);
void web_forms(const struct req *q, struct reply *r);
void web_manual(const struct req *q, struct reply *r);
void web_manual_pdf(const struct req *q, struct reply *r);

/* ---- spreadsheet import (serve_import.c) ---- */
void api_import(const struct req *q, struct reply *r);
void api_import_template(const struct req *q, struct reply *r);
void web_import(const struct req *q, struct reply *r);

/* The users file (serve_auth.c): lines USER:CRYPT-HASH. */
struct serve_users;
/* Read path; NULL after printing why on stderr. */
struct serve_users *serve_users_load(const char *path);
void serve_users_free(struct serve_users *u);
/* Do user and password match an entry?  (crypt_r: safe from any thread) */
int serve_users_check(const struct serve_users *u, const char *user, const char *password);

#endif
