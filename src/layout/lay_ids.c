/*
 * layout — ids and where they landed: the map that page-number citations
 * read.  Layout runs again when a citation's text changed (a number wider
 * than its placeholder moves lines), until the map is stable: usually two
 * passes, never more than LIMIT_LAYOUT_PASSES.
 */
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"

static size_t
hash(const char *s)
{
	size_t h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

const struct lay_id *
idmap_find(const struct idmap *m, const char *id)
{
	if (m == NULL || m->tcap == 0)
		return NULL;
	size_t k = hash(id) & (m->tcap - 1);
	while (m->tab[k]) {
		const struct lay_id *e = &m->v[m->tab[k] - 1];
		if (strcmp(e->id, id) == 0)
			return e;
		k = (k + 1) & (m->tcap - 1);
	}
	return NULL;
}

static void
rehash(struct idmap *m)
{
	size_t cap = m->tcap ? m->tcap * 2 : 64;
	free(m->tab);
	m->tab = xcalloc(cap, sizeof *m->tab);
	m->tcap = cap;
	for (size_t i = 0; i < m->n; i++) {
		size_t k = hash(m->v[i].id) & (cap - 1);
		while (m->tab[k])
			k = (k + 1) & (cap - 1);
		m->tab[k] = i + 1;
	}
}

int
idmap_set(struct idmap *m, const char *id, const char *label, int page)
{
	struct lay_id *e = (struct lay_id *)idmap_find(m, id);
	if (e) {
		if (strcmp(e->last, label) != 0) {
			free(e->last);
			e->last = xstrdup(label);
		}
		e->last_page = page;
		return 0;
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->v = xrealloc(m->v, m->cap * sizeof *m->v);
	}
	e = &m->v[m->n++];
	e->id = xstrdup(id);
	e->first = xstrdup(label);
	e->last = xstrdup(label);
	e->page = page;
	e->last_page = page;
	if (m->n * 2 > m->tcap)
		rehash(m);
	else {
		size_t k = hash(id) & (m->tcap - 1);
		while (m->tab[k])
			k = (k + 1) & (m->tcap - 1);
		m->tab[k] = m->n;
	}
	return 1;
}

int
idmap_equal(const struct idmap *a, const struct idmap *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++) {
		const struct lay_id *o = idmap_find(b, a->v[i].id);
		if (o == NULL || strcmp(o->first, a->v[i].first) != 0 || strcmp(o->last, a->v[i].last) != 0)
			return 0;
	}
	return 1;
}

void
idmap_free(struct idmap *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].id);
		free(m->v[i].first);
		free(m->v[i].last);
	}
	free(m->v);
	free(m->tab);
	lay_index_keys_free(m);
	memset(m, 0, sizeof *m);
}
