/*
 * fo — build the FO tree from a struct xdoc: each element to a node, its
 * children checked against its content model, its properties gathered
 * and its style computed (memoised and interned); markers restyled where
 * they are retrieved.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/limits.h"
#include "../source/source.h"
#include "fo_int.h"

struct build {
	struct fo_tree *t;
	struct diag    *d;
	struct fo_style **styles;   /* intern table, open addressing */
	size_t          nstyles, capstyles;
	const char    **spec;       /* scratch, fo_nprops entries */
	const char    **fam;        /* interned font-family strings */
	size_t          nfam;
	/* memo: (parent style, element, attributes) → style; documents repeat
	 * the same cells and blocks thousands of times */
	struct memo {
		uint64_t               h;
		const struct fo_style *parent;
		const char            *key;    /* arena */
		const struct fo_style *style;
	}              *memo;
	size_t          nmemo, capmemo;
	struct buf      key;        /* scratch */
};

/* ---------------------------------------------------------------- styles */

static const struct fo_style *
intern(struct build *b, const struct fo_style *s)
{
	if (b->nstyles * 2 >= b->capstyles) {
		size_t cap = b->capstyles ? b->capstyles * 2 : 256;
		struct fo_style **v = xcalloc(cap, sizeof *v);
		for (size_t i = 0; i < b->capstyles; i++) {
			if (b->styles[i] == NULL)
				continue;
			size_t k = hash_bytes(HASH_INIT, b->styles[i], sizeof(struct fo_style)) & (cap - 1);
			while (v[k])
				k = (k + 1) & (cap - 1);
			v[k] = b->styles[i];
		}
		free(b->styles);
		b->styles = v;
		b->capstyles = cap;
	}
	size_t k = hash_bytes(HASH_INIT, s, sizeof *s) & (b->capstyles - 1);
	while (b->styles[k]) {
		if (memcmp(b->styles[k], s, sizeof *s) == 0)
			return b->styles[k];
		k = (k + 1) & (b->capstyles - 1);
	}
	struct fo_style *n = arena_alloc(b->t->arena, sizeof *n);
	memcpy(n, s, sizeof *n);
	b->styles[k] = n;
	b->nstyles++;
	return n;
}

/* Font family strings are interned too, so styles compare by pointer. */
static const char *
intern_family(struct build *b, const char *fam)
{
	/* a small linear pool: documents use few families */
	for (size_t i = 0; i < b->nfam; i++)
		if (strcmp(b->fam[i], fam) == 0)
			return b->fam[i];
	b->fam = xrealloc(b->fam, (b->nfam + 1) * sizeof *b->fam);
	b->fam[b->nfam] = arena_strdup(b->t->arena, fam);
	return b->fam[b->nfam++];
}

/* ---------------------------------------------------------------- tree */

static int
named(const struct xnode *x, const char *name)
{
	return x && x->ns && strcmp(x->ns, FO_NS) == 0 && strcmp(x->name, name) == 0;
}

/*
 * Is child c of x left out of the tree on purpose?  The cases of a
 * multi-switch after the one shown (said once), a multi-property-set
 * (its properties apply to states a PDF does not have).
 */
static int
left_out(struct build *b, const struct xnode *x, const struct xnode *c)
{
	if (named(c, "multi-property-set") && named(x, "multi-properties"))
		return 1;
	if (!named(c, "multi-case") || !named(x, "multi-switch"))
		return 0;
	const struct xnode *shown = NULL;
	for (const struct xnode *k = x->first; k && !shown; k = k->next) {
		const char *st = named(k, "multi-case") ? xnode_attr(k, "starting-state") : NULL;
		if (named(k, "multi-case") && (st == NULL || strcmp(st, "hide") != 0))
			shown = k;
	}
	if (shown == NULL)   /* none shown at the start: the first */
		for (shown = x->first; shown && !named(shown, "multi-case"); shown = shown->next)
			;
	if (c == shown)
		return 0;
	diag_report(b->d, DIAG_WARNING, b->t->file, c->line, 0,
	    "fo:multi-case is not the one shown at the start (line %d); a PDF prints that one "
	    "only, so this case's content is skipped", shown->line);
	return 1;
}


static void
warn_unsupported_elem(struct build *b, const struct xnode *x)
{
	char key[200];
	const char *prefix = x->ns && strcmp(x->ns, FO_NS) == 0 ? "fo:" : "";
	snprintf(key, sizeof key, "elem:%s%s", prefix, x->name);
	diag_once(b->d, key, DIAG_WARNING, b->t->file, x->line, 0,
	    "unsupported element %s%s: it and its content are skipped%s",
	    prefix, x->name, x->ns && strcmp(x->ns, FO_NS) == 0 ? ""
	    : " (not in the XSL-FO namespace)");
}

static const struct fo_style *compute_style_new(struct build *b, const struct xnode *x,
    const struct fo_style *parent);

static const struct fo_style *
compute_style(struct build *b, const struct xnode *x, const struct fo_style *parent)
{
	buf_reset(&b->key);
	buf_puts(&b->key, x->name);
	for (int i = 0; i < x->nattrs; i++) {
		buf_putc(&b->key, '\1');
		if (x->attrs[i].ns)
			buf_puts(&b->key, x->attrs[i].ns);
		buf_putc(&b->key, '\2');
		buf_puts(&b->key, x->attrs[i].name);
		buf_putc(&b->key, '\3');
		buf_puts(&b->key, x->attrs[i].value);
	}
	uint64_t h = hash_bytes(HASH_INIT, b->key.p, b->key.n) ^ (uint64_t)(uintptr_t)parent * 0x9E3779B97F4A7C15ull;
	if (b->capmemo) {
		for (size_t k = h & (b->capmemo - 1); b->memo[k].key; k = (k + 1) & (b->capmemo - 1))
			if (b->memo[k].h == h && b->memo[k].parent == parent && strcmp(b->memo[k].key, b->key.p) == 0)
				return b->memo[k].style;
	}
	const struct fo_style *s = compute_style_new(b, x, parent);
	if (b->nmemo * 2 >= b->capmemo) {
		size_t cap = b->capmemo ? b->capmemo * 2 : 1024;
		struct memo *m = xcalloc(cap, sizeof *m);
		for (size_t i = 0; i < b->capmemo; i++) {
			if (b->memo[i].key == NULL)
				continue;
			size_t k = b->memo[i].h & (cap - 1);
			while (m[k].key)
				k = (k + 1) & (cap - 1);
			m[k] = b->memo[i];
		}
		free(b->memo);
		b->memo = m;
		b->capmemo = cap;
	}
	size_t k = h & (b->capmemo - 1);
	while (b->memo[k].key)
		k = (k + 1) & (b->capmemo - 1);
	b->memo[k] = (struct memo){ h, parent, arena_strndup(b->t->arena, b->key.p, b->key.n), s };
	b->nmemo++;
	return s;
}

static const struct fo_style *
compute_style_new(struct build *b, const struct xnode *x, const struct fo_style *parent)
{
	struct style_ctx c = { b->d, b->t->file, x->line, NULL, b->t->arena };
	int any = 0;

	memset(b->spec, 0, fo_nprops * sizeof *b->spec);
	for (int i = 0; i < x->nattrs; i++) {
		const struct xattr *a = &x->attrs[i];
		int k;
		if (a->ns != NULL) {
			if (strcmp(a->ns, FOLIO_NS) == 0 && strcmp(a->name, "hanging-punctuation") == 0) {
				b->spec[fo_prop_lookup("hanging-punctuation")] = a->value;
				any = 1;
			}
			if (strcmp(a->ns, XML_NS_URI) == 0 && strcmp(a->name, "lang") == 0) {
				b->spec[fo_prop_lookup("xml:lang")] = a->value;
				any = 1;
			}
			continue;  /* other foreign attributes (fox:…) are ignored */
		}
		if (fo_rx_attr(x, a->name))
			continue;   /* read by fo_rx.c and fo_names.c */
		k = fo_prop_lookup(a->name);
		if (k < 0 || strcmp(a->name, "hanging-punctuation") == 0) {
			char key[200];
			snprintf(key, sizeof key, "prop:%s", a->name);
			diag_once(b->d, key, DIAG_WARNING, b->t->file, x->line, 0,
			    "unsupported property %s on fo:%s is ignored", a->name, x->name);
			continue;
		}
		b->spec[k] = a->value;
		any = 1;
	}
	struct fo_style s;
	(void)any;
	fo_style_compute(&s, parent, b->spec, &c);
	s.font_family = intern_family(b, s.font_family);
	return intern(b, &s);
}

static void build_children(struct build *b, const struct xnode *x, struct fo_node *n, int depth);

/* fo:instream-foreign-object keeps its one SVG element for layout (src/svg). */
static void
keep_foreign(struct build *b, struct fo_node *n, const struct xnode *c)
{
	if (c->ns && strcmp(c->ns, SVG_NS) == 0 && strcmp(c->name, "svg") == 0 && n->foreign == NULL) {
		n->foreign = c;
		return;
	}
	diag_report(b->d, DIAG_WARNING, b->t->file, c->line, 0, n->foreign
	    ? "fo:instream-foreign-object holds one drawing; <%s> after the first is skipped"
	    : "fo:instream-foreign-object: <%s> is not an SVG <svg> element and is skipped", c->name);
}

/* fo:table-and-caption: a caption-side of after, bottom or end puts the
 * caption after the table; it is kept with the table either way. */
static void
caption_side(struct build *b, struct fo_node *n)
{
	struct fo_node *cap = NULL;
	for (struct fo_node *c = n->first; c; c = c->next)
		if (c->type == FO_BLOCK && named(c->src, "table-caption"))
			cap = c;
	if (cap == NULL)
		return;
	struct fo_style *st = arena_alloc(b->t->arena, sizeof *st);
	*st = *cap->style;
	if (n->style->caption_after && cap != n->last) {
		struct fo_node **pp = &n->first;
		while (*pp != cap)
			pp = &(*pp)->next;
		*pp = cap->next;
		cap->next = NULL;
		n->last->next = cap;
		n->last = cap;
		st->keep_with_previous = KEEP_ALWAYS;
	} else {
		st->keep_with_next = KEEP_ALWAYS;
	}
	cap->style = st;
}

static struct fo_node *
build_elem(struct build *b, const struct xnode *x, const struct fo_style *pstyle, int depth)
{
	enum fo_type t = fo_rx_lookup(x);
	if (t == FO__MAX)
		t = fo_elem_lookup(x->name);
	struct fo_node *n = arena_alloc(b->t->arena, sizeof *n);

	n->type = t;
	n->src = x;
	n->line = x->line;
	n->style = compute_style(b, x, pstyle);
	n->id = xnode_attr(x, "id");
	const char *role = xnode_attr(x, "role");
	if (role && strcmp(role, "signature") == 0)
		n->role = FO_ROLE_SIGNATURE;
	fo_names_read(b->t, n, x, b->d);
	if (n->style->unicode_bidi == UBIDI_NORMAL && strcmp(x->name, "bidi-override") == 0) {
		/* what the element is for: its direction overrides */
		struct fo_style *st = arena_alloc(b->t->arena, sizeof *st);
		*st = *n->style;
		st->unicode_bidi = UBIDI_OVERRIDE;
		n->style = st;
	}
	if (t == FO_CHARACTER) {
		const char *ch = xnode_attr(x, "character");
		if (ch == NULL || *ch == '\0') {
			diag_report(b->d, DIAG_WARNING, b->t->file, x->line, 0,
			    "fo:character without a character property is ignored");
			ch = "";
		}
		n->text = ch;
		n->textlen = strlen(ch);
	}
	if (depth > LIMIT_DEPTH) {
		diag_once(b->d, "depth", DIAG_ERROR, b->t->file, x->line, 0,
		    "elements nested deeper than %d levels; the deeper content is skipped", LIMIT_DEPTH);
		return n;
	}
	build_children(b, x, n, depth);
	fo_rx_finish(b->t->arena, n);
	if (named(x, "table-and-caption"))
		caption_side(b, n);
	return n;
}

static void
build_children(struct build *b, const struct xnode *x, struct fo_node *n, int depth)
{
	enum fo_model content = fo_elem_model(n->type);

	for (const struct xnode *c = x->first; c; c = c->next) {
		if (c->kind == XNODE_TEXT) {
			if (content == C_MIXED) {
				struct fo_node *tn = fo_node_new(b->t->arena, FO_TEXT, n->style, c->line);
				tn->text = c->text;
				tn->textlen = c->textlen;
				if (n->style->text_transform != TT_NONE)
					fo_text_transform(b->t->arena, tn);
				if (n->style->small_caps)
					fo_small_caps(b->t->arena, n, tn);
				else
					fo_append(n, tn);
			} else if (!str_is_space(c->text, c->textlen)) {
				diag_once(b->d, "text-in-blocks", DIAG_WARNING, b->t->file, c->line, 0,
				    "text directly inside fo:%s is not allowed there and is skipped",
				    fo_type_name(n->type));
			}
			continue;
		}
		if (content == C_FOREIGN) {
			keep_foreign(b, n, c);
			continue;
		}
		enum fo_type rx = fo_rx_lookup(c);
		if (rx != FO__MAX) {
			if (fo_elem_allowed(content, rx) && content != C_NONE)
				fo_append(n, build_elem(b, c, n->style, depth + 1));
			else
				diag_report(b->d, DIAG_WARNING, b->t->file, c->line, 0,
				    "rx:%s is not allowed inside fo:%s and is skipped", c->name,
				    fo_type_name(n->type));
			continue;
		}
		if (c->ns == NULL || strcmp(c->ns, FO_NS) != 0) {
			if (n->type == FO_DECLARATIONS)
				continue;  /* metadata, read separately */
			warn_unsupported_elem(b, c);
			continue;
		}
		if (left_out(b, x, c))
			continue;
		enum fo_type t = fo_elem_lookup(c->name);
		if (t == FO__MAX) {
			warn_unsupported_elem(b, c);
			continue;
		}
		if (!fo_elem_allowed(content, t)) {
			diag_report(b->d, DIAG_WARNING, b->t->file, c->line, 0,
			    "fo:%s is not allowed inside fo:%s and is skipped", c->name, fo_type_name(n->type));
			continue;
		}
		if (content == C_NONE) {
			diag_report(b->d, DIAG_WARNING, b->t->file, c->line, 0,
			    "fo:%s must be empty; its child fo:%s is skipped", fo_type_name(n->type), c->name);
			continue;
		}
		fo_append(n, build_elem(b, c, n->style, depth + 1));
	}
	if (n->type == FO_BLOCK)
		fo_hoist_blocks(b->t->arena, n);
}

/* ---------------------------------------------------------------- retrieved markers */

/*
 * The build state, kept with the tree so that retrieved markers can be
 * styled where they are retrieved, and the copies made so far, by marker
 * and parent style (both interned or in the tree: compared by pointer).
 */
struct fo_rebuild {
	struct build b;
	struct restyled {
		const struct fo_node  *marker;
		const struct fo_style *parent;
		const struct fo_node  *copy;
	}           *v;
	size_t       n, cap;   /* open addressing, cap a power of two */
};

static size_t
restyle_slot(const struct fo_rebuild *r, const struct fo_node *m, const struct fo_style *p)
{
	uint64_t h = ((uint64_t)(uintptr_t)m * 0x9E3779B97F4A7C15ull) ^ (uint64_t)(uintptr_t)p;
	size_t k = (size_t)(h ^ (h >> 29)) & (r->cap - 1);
	while (r->v[k].marker && (r->v[k].marker != m || r->v[k].parent != p))
		k = (k + 1) & (r->cap - 1);
	return k;
}

const struct fo_node *
fo_marker_restyle(const struct fo_tree *t, const struct fo_node *marker,
    const struct fo_style *parent)
{
	struct fo_rebuild *r = t->rebuild;
	if (r == NULL || marker == NULL || parent == NULL || marker->detached || marker->src == NULL)
		return marker;
	if (r->n * 2 >= r->cap) {
		struct fo_rebuild old = *r;
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = xcalloc(r->cap, sizeof *r->v);
		for (size_t i = 0; i < old.cap; i++)
			if (old.v[i].marker)
				r->v[restyle_slot(r, old.v[i].marker, old.v[i].parent)] = old.v[i];
		free(old.v);
	}
	size_t k = restyle_slot(r, marker, parent);
	if (r->v[k].marker)
		return r->v[k].copy;
	/* XSL 1.1 §6.13.6: the children inherit from the retrieve-marker's
	 * parent.  Their diagnostics were reported when the marker was built. */
	struct diag scratch;
	diag_init(&scratch);
	r->b.d = &scratch;
	struct fo_node *c = arena_alloc(t->arena, sizeof *c);
	*c = *marker;
	c->style = parent;
	c->first = c->last = c->next = NULL;
	build_children(&r->b, marker->src, c, 1);
	r->b.d = NULL;
	diag_free(&scratch);
	r->v[k] = (struct restyled){ marker, parent, c };
	r->n++;
	return c;
}

/* The node after n in document order, or NULL. */
static struct fo_node *
walk_next(struct fo_node *n)
{
	if (n->first)
		return n->first;
	while (n && n->next == NULL)
		n = n->parent;
	return n ? n->next : NULL;
}

static const char *
dup_or_null(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

/*
 * Make the tree independent of its source and free the source (docs/scale.md,
 * "Memory a job needs"): the strings the nodes borrow are copied into the
 * tree's arena and each element keeps its local name only.  The source stays
 * when the document has an fo:marker (fo_marker_restyle builds the marker's
 * children again at layout) or an SVG instream-foreign-object (layout draws
 * the SVG elements themselves); then nothing is copied.
 */
static void
detach_source(struct fo_tree *t)
{
	for (struct fo_node *n = t->root; n; n = walk_next(n))
		if (n->type == FO_MARKER || n->foreign)
			return;
	struct arena *a = t->arena;
	const char **names = NULL;   /* element names other than the type's, interned */
	size_t nnames = 0;
	for (struct fo_node *n = t->root; n; n = walk_next(n)) {
		if (n->text)
			n->text = arena_strndup(a, n->text, n->textlen);
		n->id = dup_or_null(a, n->id);
		n->name = dup_or_null(a, n->name);
		n->ref = dup_or_null(a, n->ref);
		n->uri = dup_or_null(a, n->uri);
		n->bg_image = dup_or_null(a, n->bg_image);
		const char *e = n->src ? n->src->name : NULL;
		if (e && strcmp(e, fo_type_name(n->type)) == 0) {
			e = fo_type_name(n->type);
		} else if (e) {
			size_t i = 0;
			while (i < nnames && strcmp(names[i], e) != 0)
				i++;
			if (i == nnames) {
				names = xrealloc(names, (nnames + 1) * sizeof *names);
				names[nnames++] = arena_strdup(a, e);
			}
			e = names[i];
		}
		n->elem = e;
		n->detached = 1;
	}
	free(names);
	t->title = dup_or_null(a, t->title);
	t->author = dup_or_null(a, t->author);
	t->subject = dup_or_null(a, t->subject);
	t->keywords = dup_or_null(a, t->keywords);
	t->language = dup_or_null(a, t->language);
	src_xdoc_free(t->doc);
	t->doc = NULL;
}

struct fo_tree *
fo_tree_build_take(struct xdoc *doc, struct diag *d)
{
	oom_context(_("building the FO tree of %s"), doc->file ? doc->file : "-");
	struct fo_rebuild *rb = xcalloc(1, sizeof *rb);
	struct build b;
	struct fo_tree *t = xcalloc(1, sizeof *t);
	struct fo_style init;

	memset(&b, 0, sizeof b);
	t->arena = arena_new();
	t->doc = doc;
	/* the tree's own copies: the source may be freed before the tree */
	t->file = dup_or_null(t->arena, doc->file);
	t->base = dup_or_null(t->arena, doc->base);
	b.t = t;
	b.d = d;
	b.spec = xcalloc(fo_nprops, sizeof *b.spec);

	const struct xnode *x = doc->root;
	if (x->ns == NULL || strcmp(x->ns, FO_NS) != 0 || strcmp(x->name, "root") != 0) {
		diag_report(d, DIAG_ERROR, t->file, x->line, 0,
		    "the document element is %s, not fo:root in the XSL-FO namespace", x->name);
		goto fail;
	}
	fo_style_initial(&init);
	t->root = build_elem(&b, x, &init, 0);
	/* the document language for PDF /Lang: language[-country] */
	const char *lang = xnode_attr(x, "language"), *country = xnode_attr(x, "country");
	if (lang == NULL && t->root->style->language[0]) {   /* from xml:lang */
		lang = t->root->style->language;
		country = t->root->style->country;
	}
	if (lang && country && *country) {
		size_t n = strlen(lang) + strlen(country) + 2;
		char *l = arena_alloc(t->arena, n);
		snprintf(l, n, "%s-%s", lang, country);
		t->language = l;
	} else {
		t->language = lang;
	}
	int masters = 0, seqs = 0;
	for (struct fo_node *c = t->root->first; c; c = c->next) {
		if (c->type == FO_LAYOUT_MASTER_SET)
			masters++;
		else if (c->type == FO_PAGE_SEQUENCE)
			seqs++;
	}
	if (masters != 1 || seqs == 0) {
		diag_report(d, DIAG_ERROR, t->file, x->line, 0,
		    "fo:root needs one fo:layout-master-set and at least one fo:page-sequence");
		goto fail;
	}
	fo_meta_read(t);
	fo_ids_check(t, d);
	fo_names_check(t, d);
	b.d = NULL;
	rb->b = b;
	t->rebuild = rb;
	detach_source(t);
	fo_check(t);
	return t;
fail:
	free(b.styles);
	free(b.spec);
	free(b.fam);
	free(b.memo);
	buf_free(&b.key);
	free(rb);
	fo_tree_free(t);
	return NULL;
}

void
fo_tree_free(struct fo_tree *t)
{
	if (t == NULL)
		return;
	if (t->rebuild) {
		struct build *b = &t->rebuild->b;
		free(b->styles);
		free(b->spec);
		free(b->fam);
		free(b->memo);
		buf_free(&b->key);
		free(t->rebuild->v);
		free(t->rebuild);
	}
	free(t->index_keys);
	src_xdoc_free(t->doc);
	arena_free(t->arena);
	free(t);
}

const char *
fo_index_key(const struct fo_tree *t, const struct fo_node *n)
{
	return n->ikey ? t->index_keys[n->ikey - 1] : NULL;
}

const char *
fo_node_name(const struct fo_node *n)
{
	if (n->detached)
		return n->elem;
	return n->src ? n->src->name : NULL;
}

