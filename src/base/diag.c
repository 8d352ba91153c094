/*
 * base — diagnostics: messages collected with their file, line and column
 * into a sink, warn-once keys, summaries printed last, the worst level
 * counted for the exit status, and the messages printed once, sorted.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "limits.h"

/* ---------------------------------------------------------------- diag */

void
diag_init(struct diag *d)
{
	memset(d, 0, sizeof(*d));
	d->worst = DIAG_NOTE;
	d->max_msgs = LIMIT_DIAG_MSGS;
}

const char *
diag_level_name(enum diag_level level)
{
	switch (level) {
	case DIAG_NOTE:    return _("note");
	case DIAG_WARNING: return _("warning");
	case DIAG_ERROR:   return _("error");
	}
	return "?";
}

static const char *
intern_file(struct diag *d, const char *file)
{
	if (file == NULL)
		return NULL;
	for (size_t i = 0; i < d->nfiles; i++)
		if (strcmp(d->files[i], file) == 0)
			return d->files[i];
	d->files = xrealloc(d->files, (d->nfiles + 1) * sizeof(char *));
	d->files[d->nfiles] = xstrdup(file);
	return d->files[d->nfiles++];
}

void
diag_vreport(struct diag *d, enum diag_level level, const char *file,
    int line, int col, const char *fmt, va_list ap)
{
	if (d == NULL)
		return;
	if (level > d->worst || !d->any)
		d->worst = level > d->worst ? level : d->worst;
	d->any = 1;
	if (level == DIAG_NOTE && d->quiet)
		return;
	if (d->n >= d->max_msgs) {
		d->dropped++;
		return;
	}
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = xrealloc(d->v, d->cap * sizeof(*d->v));
	}
	assert(d->n < d->cap);
	struct diag_msg *m = &d->v[d->n];
	struct buf b = {0};
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	b.p = xmalloc((size_t)(n > 0 ? n : 0) + 1);
	vsnprintf(b.p, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
	m->level = level;
	m->file = intern_file(d, file);
	m->line = line;
	m->col = col;
	m->text = b.p;
	m->seq = (unsigned)d->n;
	m->last = 0;
	d->n++;
}

void
diag_summary(struct diag *d, enum diag_level level, const char *file, const char *fmt, ...)
{
	if (d == NULL)
		return;
	size_t n = d->n;
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(d, level, file, 0, 0, fmt, ap);
	va_end(ap);
	if (d->n > n)
		d->v[d->n - 1].last = 1;
}

void
diag_report(struct diag *d, enum diag_level level, const char *file,
    int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(d, level, file, line, col, fmt, ap);
	va_end(ap);
}

int
diag_once(struct diag *d, const char *key, enum diag_level level,
    const char *file, int line, int col, const char *fmt, ...)
{
	if (d == NULL)
		return 0;
	for (size_t i = 0; i < d->nonce; i++)
		if (strcmp(d->once[i], key) == 0)
			return 0;
	if (d->nonce == d->caponce) {
		d->caponce = d->caponce ? d->caponce * 2 : 16;
		d->once = xrealloc(d->once, d->caponce * sizeof(char *));
	}
	d->once[d->nonce++] = xstrdup(key);
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(d, level, file, line, col, fmt, ap);
	va_end(ap);
	return 1;
}

static int
msg_cmp(const void *a, const void *b)
{
	const struct diag_msg *x = a, *y = b;
	int c;

	if (x->last != y->last)
		return x->last ? 1 : -1;
	if (x->last)
		return x->seq < y->seq ? -1 : x->seq > y->seq;
	if (x->file != y->file) {
		if (x->file == NULL)
			return -1;
		if (y->file == NULL)
			return 1;
		if ((c = strcmp(x->file, y->file)) != 0)
			return c;
	}
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
diag_flush(struct diag *d, void *stream)
{
	FILE *f = stream;

	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), msg_cmp);
	for (size_t i = 0; i < d->n; i++) {
		struct diag_msg *m = &d->v[i];
		if (m->file && m->line && m->col)
			fprintf(f, "%s:%d:%d: ", m->file, m->line, m->col);
		else if (m->file && m->line)
			fprintf(f, "%s:%d: ", m->file, m->line);
		else if (m->file)
			fprintf(f, "%s: ", m->file);
		else
			fputs("folio: ", f);
		fprintf(f, "%s: %s\n", diag_level_name(m->level), m->text);
		free(m->text);
	}
	if (d->dropped) {
		fprintf(f, "folio: %s: ", _("note"));
		fprintf(f, _("%zu more messages not shown\n"), d->dropped);
	}
	d->n = 0;
	d->dropped = 0;
	fflush(f);
}

void
diag_merge(struct diag *dst, struct diag *src)
{
	for (size_t i = 0; i < src->n; i++) {
		struct diag_msg *m = &src->v[i];
		if (m->last)
			diag_summary(dst, m->level, m->file, "%s", m->text);
		else
			diag_report(dst, m->level, m->file, m->line, m->col, "%s", m->text);
	}
	if (src->any && src->worst > dst->worst)
		dst->worst = src->worst;
	dst->any |= src->any;
	dst->dropped += src->dropped;
	for (size_t i = 0; i < src->nonce; i++) {
		int known = 0;
		for (size_t k = 0; k < dst->nonce && !known; k++)
			known = strcmp(dst->once[k], src->once[i]) == 0;
		if (!known) {
			if (dst->nonce == dst->caponce) {
				dst->caponce = dst->caponce ? dst->caponce * 2 : 16;
				dst->once = xrealloc(dst->once, dst->caponce * sizeof(char *));
			}
			dst->once[dst->nonce++] = xstrdup(src->once[i]);
		}
	}
	struct diag empty;
	diag_free(src);
	diag_init(&empty);
	*src = empty;
}

void
diag_free(struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].text);
	free(d->v);
	for (size_t i = 0; i < d->nonce; i++)
		free(d->once[i]);
	free(d->once);
	for (size_t i = 0; i < d->nfiles; i++)
		free(d->files[i]);
	free(d->files);
	memset(d, 0, sizeof(*d));
}
