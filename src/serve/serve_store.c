/*
 * serve — the cases under ROOT/cases as the API and the web page keep
 * them: a case number checked before it becomes a file name, a case's
 * ETag, the checks of folio check on a case that was sent, a save that is
 * atomic and refused when the case changed since it was read, and a
 * packet made from a case.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "../base/base.h"
#include "../base/file.h"
#include "../text/text.h"
#include "serve_int.h"

/* Saves are one at a time: the ETag compared is the one replaced. */
static pthread_mutex_t saving = PTHREAD_MUTEX_INITIALIZER;

int
case_id_ok(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > 64 || id[0] == '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = id[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_'))
			return 0;
	}
	return 1;
}

void
case_etag(const char *bytes, size_t n, char out[72])
{
	char hex[65];
	sha256_hex(bytes, n, hex);
	snprintf(out, 72, "\"%.32s\"", hex);
}

static char *
case_file(const struct docset_opts *o, const char *id)
{
	char *p = xmalloc(strlen(o->root) + strlen(id) + 16);
	sprintf(p, "%s/cases/%s.xml", o->root, id);
	return p;
}

int
case_read(const struct docset_opts *o, const char *id, struct buf *b)
{
	if (!case_id_ok(id)) {
		errno = EINVAL;
		return -1;
	}
	char *p = case_file(o, id);
	const char *why = NULL;
	struct stat st;
	int rc = -1;
	/* a regular file of the cases folder, never a link out of it */
	if (lstat(p, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			errno = ENOENT;
		else if ((rc = file_read(p, 4u << 20, b, &why)) < 0)
			errno = EIO;
	}
	free(p);
	return rc;
}

/* Does this diagnostic repeat a field error already kept? */
static int
is_field_error(const struct diag_msg *m, const struct docset_field_errors *fe)
{
	size_t n = strlen(m->text);
	for (size_t i = 0; i < fe->n; i++) {
		size_t k = strlen(fe->v[i].message);
		if (fe->v[i].line == m->line && n >= k && strcmp(m->text + n - k, fe->v[i].message) == 0)
			return 1;
	}
	return 0;
}

int
case_check(const struct docset_opts *o, const char *id, int replace, const char *xml, size_t n,
    const struct case_lines *lines, struct json_object *errs, struct buf *keep)
{
	char dir[512];
	struct diag d;
	struct docset_field_errors fe = { NULL, 0 };
	int rc = -1;
	diag_init(&d);
	if (file_temp_dir(dir, sizeof dir, "folio-serve") < 0) {
		case_error_add(errs, "", NULL, "cannot make a temporary folder");
		diag_free(&d);
		return -1;
	}
	char *file = xmalloc(strlen(dir) + strlen(id) + 8);
	sprintf(file, "%s/%s.xml", dir, id);
	char *as = replace ? case_file(o, id) : NULL;
	pthread_mutex_lock(&engine);
	if (file_write(file, xml, n, &d) == 0)
		rc = docset_case_check(o, file, as, keep, &fe, &d);
	pthread_mutex_unlock(&engine);
	for (size_t i = 0; i < fe.n; i++) {
		char *p = case_error_path(lines, fe.v[i].line, fe.v[i].path);
		case_error_add(errs, p, fe.v[i].label, fe.v[i].message);
		free(p);
	}
	/* what is not a field's problem (the XML itself) is said as it is */
	for (size_t i = 0; i < d.n; i++)
		if (d.v[i].level >= DIAG_ERROR && !is_field_error(&d.v[i], &fe))
			case_error_add(errs, "", NULL, d.v[i].text);
	if (rc == 0 && d.worst >= DIAG_ERROR)
		rc = -1;
	docset_field_errors_free(&fe);
	file_remove_tree(dir);
	free(file);
	free(as);
	diag_free(&d);
	return rc;
}

int
case_save(const struct docset_opts *o, const char *id, const char *etag, const char *bytes,
    size_t n, char new_etag[72])
{
	struct buf cur = {0};
	struct diag d;
	int rc;
	pthread_mutex_lock(&saving);
	int exists = case_read(o, id, &cur) == 0;
	char now[72] = "";
	if (exists)
		case_etag(cur.p ? cur.p : "", cur.n, now);
	if (etag == NULL)
		rc = exists ? 1 : 0;
	else if (strcmp(etag, "*") == 0)
		rc = exists ? 0 : 1;
	else
		rc = exists && strcmp(etag, now) == 0 ? 0 : 1;
	if (rc == 0) {
		/* through a temporary beside it, renamed over it: never half written */
		char *p = case_file(o, id);
		diag_init(&d);
		pthread_mutex_lock(&engine);   /* the temporaries' list is the engine's */
		rc = file_write(p, bytes, n, &d) == 0 ? 0 : -1;
		pthread_mutex_unlock(&engine);
		if (rc < 0)
			errno = EIO;
		diag_free(&d);
		free(p);
		case_etag(bytes, n, new_etag);
	}
	pthread_mutex_unlock(&saving);
	buf_free(&cur);
	return rc;
}

int
case_packet(const struct docset_opts *o, const char *file, const char *outdir, struct diag *d)
{
	struct docset_opts q = *o;
	q.out_dir = outdir;
	q.fo_dir = NULL;
	q.quiet = 1;
	char *cases[1] = { (char *)file };
	pthread_mutex_lock(&engine);
	struct text_fonts *fonts = text_fonts_new(d);
	int rc = docset_packet(&q, fonts, cases, 1, d);
	text_fonts_free(fonts);
	pthread_mutex_unlock(&engine);
	return rc < 0 || d->worst >= DIAG_ERROR ? -1 : 0;
}
