/*
 * fo — build the FO tree from a struct xdoc: the element table, structure
 * checks, property specification and computed styles (interned).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/limits.h"
#include "../source/source.h"
#include "fo_int.h"

#define FO_NS     "http://www.w3.org/1999/XSL/Format"
#define FOLIO_NS  "urn:folio:fo"
#define DC_NS     "http://purl.org/dc/elements/1.1/"
#define SVG_NS    "http://www.w3.org/2000/svg"

/* What an element may contain, for the structure checks. */
enum content {
	C_NONE,      /* empty */
	C_MASTERS,   /* layout-master-set, regions … */
	C_BLOCKS,    /* block-level FOs only; whitespace ignored */
	C_MIXED,     /* text, inline- and block-level FOs */
	C_TEXT,      /* text only (title) */
	C_FOREIGN,   /* one element of another namespace (SVG) */
	C_TABLE,     /* table-column, table-header, table-footer, table-body */
	C_ROWS,      /* table-row, or table-cell directly (starts-row/ends-row) */
	C_CELLS,     /* table-cell */
	C_LIST,      /* list-item */
	C_ITEM       /* list-item-label, then list-item-body */
};

struct elem_def {
	const char *name;
	uint8_t     content;   /* enum content */
	uint8_t     block;     /* a block-level FO */
};

static const struct elem_def elems[] = {
	{ "root",                C_MASTERS, 0 },  /* FO_ROOT */
	{ "layout-master-set",   C_MASTERS, 0 },  /* FO_LAYOUT_MASTER_SET */
	{ "simple-page-master",  C_MASTERS, 0 },  /* FO_SIMPLE_PAGE_MASTER */
	{ "region-body",         C_NONE, 0 },     /* FO_REGION_BODY */
	{ "region-before",       C_NONE, 0 },     /* FO_REGION_BEFORE */
	{ "region-after",        C_NONE, 0 },     /* FO_REGION_AFTER */
	{ "region-start",        C_NONE, 0 },     /* FO_REGION_START */
	{ "region-end",          C_NONE, 0 },     /* FO_REGION_END */
	{ "declarations",        C_NONE, 0 },     /* FO_DECLARATIONS */
	{ "page-sequence",       C_MASTERS, 0 },  /* FO_PAGE_SEQUENCE */
	{ "title",               C_MIXED, 0 },    /* FO_TITLE */
	{ "flow",                C_BLOCKS, 0 },   /* FO_FLOW */
	{ "static-content",      C_BLOCKS, 0 },   /* FO_STATIC_CONTENT */
	{ "block",               C_MIXED, 1 },    /* FO_BLOCK */
	{ "block-container",     C_BLOCKS, 1 },   /* FO_BLOCK_CONTAINER */
	{ "table",               C_TABLE, 1 },    /* FO_TABLE */
	{ "table-column",        C_NONE, 0 },     /* FO_TABLE_COLUMN */
	{ "table-header",        C_ROWS, 0 },     /* FO_TABLE_HEADER */
	{ "table-footer",        C_ROWS, 0 },     /* FO_TABLE_FOOTER */
	{ "table-body",          C_ROWS, 0 },     /* FO_TABLE_BODY */
	{ "table-row",           C_CELLS, 0 },    /* FO_TABLE_ROW */
	{ "table-cell",          C_BLOCKS, 0 },   /* FO_TABLE_CELL */
	{ "list-block",          C_LIST, 1 },     /* FO_LIST_BLOCK */
	{ "list-item",           C_ITEM, 0 },     /* FO_LIST_ITEM */
	{ "list-item-label",     C_BLOCKS, 0 },   /* FO_LIST_ITEM_LABEL */
	{ "list-item-body",      C_BLOCKS, 0 },   /* FO_LIST_ITEM_BODY */
	{ "leader",              C_MIXED, 0 },    /* FO_LEADER */
	{ "inline-container",    C_BLOCKS, 0 },   /* FO_INLINE_CONTAINER */
	{ "inline",              C_MIXED, 0 },    /* FO_INLINE */
	{ "wrapper",             C_MIXED, 0 },    /* FO_WRAPPER */
	{ "character",           C_NONE, 0 },     /* FO_CHARACTER */
	{ "page-number",         C_NONE, 0 },     /* FO_PAGE_NUMBER */
	{ "external-graphic",    C_NONE, 0 },     /* FO_EXTERNAL_GRAPHIC */
	{ "instream-foreign-object", C_FOREIGN, 0 }, /* FO_INSTREAM_FOREIGN_OBJECT */
	{ "page-number-citation", C_NONE, 0 },    /* FO_PAGE_NUMBER_CITATION */
	{ "page-number-citation-last", C_NONE, 0 }, /* FO_PAGE_NUMBER_CITATION_LAST */
	{ "basic-link",          C_MIXED, 0 },    /* FO_BASIC_LINK */
	{ "bookmark-tree",       C_MASTERS, 0 },  /* FO_BOOKMARK_TREE */
	{ "bookmark",            C_MASTERS, 0 },  /* FO_BOOKMARK */
	{ "bookmark-title",      C_MIXED, 0 },    /* FO_BOOKMARK_TITLE */
	{ "change-bar-begin",    C_NONE, 0 },     /* FO_CHANGE_BAR_BEGIN */
	{ "change-bar-end",      C_NONE, 0 },     /* FO_CHANGE_BAR_END */
	{ "page-sequence-master", C_MASTERS, 0 }, /* FO_PAGE_SEQUENCE_MASTER */
	{ "single-page-master-reference", C_NONE, 0 },       /* FO_SINGLE_PAGE_MASTER_REFERENCE */
	{ "repeatable-page-master-reference", C_NONE, 0 },   /* FO_REPEATABLE_PAGE_MASTER_REFERENCE */
	{ "repeatable-page-master-alternatives", C_MASTERS, 0 }, /* FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES */
	{ "conditional-page-master-reference", C_NONE, 0 },  /* FO_CONDITIONAL_PAGE_MASTER_REFERENCE */
	{ "marker",              C_MIXED, 0 },    /* FO_MARKER */
	{ "retrieve-marker",     C_NONE, 0 },     /* FO_RETRIEVE_MARKER */
	{ "footnote",            C_MIXED, 0 },    /* FO_FOOTNOTE */
	{ "footnote-body",       C_BLOCKS, 0 },   /* FO_FOOTNOTE_BODY */
	{ "#text",               C_NONE, 0 },     /* FO_TEXT */
};
_Static_assert(sizeof elems / sizeof elems[0] == FO__MAX, "element table");

const char *
fo_type_name(enum fo_type t)
{
	return elems[t].name;
}

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

/*
 * Elements made of others: the multi-* elements print their content as a
 * wrapper does (a PDF is not interactive: a multi-switch shows the case
 * shown at the start, a multi-toggle its content); fo:table-and-caption
 * and fo:table-caption are blocks, the caption before the table or after
 * it by caption-side (docs/fo-subset.md).
 */
static const struct { const char *name; enum fo_type as; const char *note; } aliases[] = {
	{ "multi-switch", FO_WRAPPER, "the multi-case shown at the start; the others skipped with a warning" },
	{ "multi-case", FO_WRAPPER, "printed when it is the one shown at the start" },
	{ "multi-toggle", FO_WRAPPER, "its content; a PDF has no states to switch" },
	{ "multi-properties", FO_WRAPPER, "its content, without the multi-property-sets" },
	{ "table-and-caption", FO_BLOCK, "the caption before the table, or after it by caption-side" },
	{ "table-caption", FO_BLOCK, "kept with its table" },
	{ "float", FO_BLOCK, "laid out where it stands, with a warning: folio does not float it yet" },
};

static enum fo_type
lookup_elem(const char *name)
{
	for (int i = 0; i < FO_TEXT; i++)
		if (elems[i].name[0] == name[0] && strcmp(elems[i].name, name) == 0)
			return (enum fo_type)i;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(aliases[i].name, name) == 0)
			return aliases[i].as;
	return FO__MAX;
}

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
append(struct fo_node *parent, struct fo_node *n)
{
	n->parent = parent;
	if (parent->last)
		parent->last->next = n;
	else
		parent->first = n;
	parent->last = n;
}

static int
all_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
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
			continue;  /* foreign attributes (xml:lang, fox:…) are ignored */
		}
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

/* Table and list parts exist only inside their own parents. */
static int
is_part(enum fo_type t)
{
	return t == FO_TABLE_COLUMN || t == FO_TABLE_HEADER || t == FO_TABLE_FOOTER ||
	    t == FO_TABLE_BODY || t == FO_TABLE_ROW || t == FO_TABLE_CELL ||
	    t == FO_LIST_ITEM || t == FO_LIST_ITEM_LABEL || t == FO_LIST_ITEM_BODY;
}

/* May an element of type t be a child of one with content model parent? */
static int
allowed(enum content parent, enum fo_type t)
{
	switch (parent) {
	case C_BLOCKS:
		/* change bars are neutral: allowed wherever text or blocks are */
		return (elems[t].block || t == FO_WRAPPER || t == FO_CHANGE_BAR_BEGIN ||
		    t == FO_CHANGE_BAR_END || t == FO_MARKER || t == FO_RETRIEVE_MARKER) && !is_part(t);
	case C_MIXED:
		return !is_part(t);
	case C_TABLE:
		return t == FO_TABLE_COLUMN || t == FO_TABLE_HEADER || t == FO_TABLE_FOOTER ||
		    t == FO_TABLE_BODY;
	case C_ROWS:
		return t == FO_TABLE_ROW || t == FO_TABLE_CELL;
	case C_CELLS:
		return t == FO_TABLE_CELL;
	case C_LIST:
		return t == FO_LIST_ITEM;
	case C_ITEM:
		return t == FO_LIST_ITEM_LABEL || t == FO_LIST_ITEM_BODY;
	case C_NONE: case C_MASTERS: case C_TEXT: case C_FOREIGN:
		return 1;
	}
	return 1;
}

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
	enum fo_type t = lookup_elem(x->name);
	struct fo_node *n = arena_alloc(b->t->arena, sizeof *n);

	n->type = t;
	n->src = x;
	n->line = x->line;
	n->style = compute_style(b, x, pstyle);
	n->id = xnode_attr(x, "id");
	fo_names_read(n, x, b->d, b->t->file);
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
	if (named(x, "table-and-caption"))
		caption_side(b, n);
	return n;
}

/* ---------------------------------------------------------------- blocks in inlines */

/* An inline FO that may hold block-level FOs (XSL 1.1 §6.6.7, §6.11.3, §6.9.2). */
static int
splittable(enum fo_type t)
{
	return t == FO_INLINE || t == FO_WRAPPER || t == FO_BASIC_LINK;
}

static int
holds_blocks(const struct fo_node *n)
{
	for (const struct fo_node *c = n->first; c; c = c->next)
		if (elems[c->type].block || (splittable(c->type) && holds_blocks(c)))
			return 1;
	return 0;
}

/* A part of inline n: its style and source, no children; the id stays
 * with the first part. */
static struct fo_node *
inline_part(struct build *b, const struct fo_node *n, int first)
{
	struct fo_node *p = arena_alloc(b->t->arena, sizeof *p);
	*p = *n;
	p->parent = NULL;
	p->first = p->last = p->next = NULL;
	if (!first)
		p->id = NULL;
	return p;
}

/*
 * Split inline n at the block-level FOs it holds, at any depth of inlines,
 * appending the pieces to out: parts of n (with the inline content between
 * blocks) and the blocks themselves, in order.  A block in an inline
 * makes block areas, the inline's areas end before it and go on after it,
 * as FOP and XEP do; the blocks inherited the inline's properties already.
 */
static void
split_inline(struct build *b, struct fo_node *n, struct fo_node *out)
{
	struct fo_node *part = NULL, *next;
	int parts = 0;
	for (struct fo_node *c = n->first; c; c = next) {
		next = c->next;
		c->next = NULL;
		struct fo_node pieces = { .type = FO_INLINE }, *k, *kn;
		if (splittable(c->type) && holds_blocks(c))
			split_inline(b, c, &pieces);
		else
			pieces.first = c;
		for (k = pieces.first; k; k = kn) {
			kn = k->next;
			k->next = NULL;
			if (elems[k->type].block) {
				append(out, k);
				part = NULL;
				continue;
			}
			if (part == NULL) {
				part = inline_part(b, n, parts++ == 0);
				append(out, part);
			}
			append(part, k);
		}
	}
}

/* The children of block n with every inline that holds blocks split. */
static void
hoist_blocks(struct build *b, struct fo_node *n)
{
	int any = 0;
	for (struct fo_node *c = n->first; c && !any; c = c->next)
		any = splittable(c->type) && holds_blocks(c);
	if (!any)
		return;
	struct fo_node *c = n->first, *next;
	n->first = n->last = NULL;
	for (; c; c = next) {
		next = c->next;
		c->next = NULL;
		if (splittable(c->type) && holds_blocks(c))
			split_inline(b, c, n);
		else
			append(n, c);
	}
}

/* text-transform (XSL 1.1 §7.17.6), on the text as the tree is built;
 * capitalize starts each run of letters with a capital. */
static void
transform_text(struct build *b, struct fo_node *tn)
{
	struct buf out = {0};
	const char *p = tn->text, *e = tn->text + tn->textlen;
	int in_word = 0;
	while (p < e) {
		uint32_t c = utf8_next(&p, e), m = c;
		switch ((enum fo_text_transform)tn->style->text_transform) {
		case TT_UPPER: m = uc_upper(c); break;
		case TT_LOWER: m = uc_lower(c); break;
		case TT_CAPITALIZE: m = in_word ? c : uc_upper(c); break;
		case TT_NONE: break;
		}
		in_word = uc_is_letter(c) || (c >= '0' && c <= '9') || c == '\'';
		if (c == 0xDF && m == c && tn->style->text_transform == TT_UPPER) {
			buf_puts(&out, "SS");   /* ß has no capital of one letter */
			continue;
		}
		char u[4];
		buf_add(&out, u, (size_t)utf8_encode(m, u));
	}
	tn->text = arena_strndup(b->t->arena, out.p ? out.p : "", out.n);
	tn->textlen = out.n;
	buf_free(&out);
}

/*
 * font-variant="small-caps": runs of small letters become capitals in an
 * inline at 80 % of the size (the fonts folio uses have no small capitals
 * of their own), appended to n with the rest of the text as it is.
 */
static void
small_caps(struct build *b, struct fo_node *n, struct fo_node *tn)
{
	struct fo_style *st = NULL;
	const char *p = tn->text, *e = tn->text + tn->textlen, *run = p;
	int lower = -1;
	while (run < e) {
		const char *q = p;
		int low = 0;
		if (p < e) {
			uint32_t c = utf8_next(&q, e);
			low = uc_is_lower(c);
		}
		if (p < e && (lower < 0 || low == lower)) {
			lower = low;
			p = q;
			continue;
		}
		/* the run [run, p) is all small letters (lower) or none */
		struct fo_node *t = arena_alloc(b->t->arena, sizeof *t);
		*t = *tn;
		t->text = run;
		t->textlen = (size_t)(p - run);
		if (lower == 1) {
			if (st == NULL) {
				st = arena_alloc(b->t->arena, sizeof *st);
				*st = *n->style;
				st->font_size = n->style->font_size * 4 / 5;
				st->small_caps = 0;
				st->text_transform = TT_UPPER;
			}
			struct fo_node *in = arena_alloc(b->t->arena, sizeof *in);
			in->type = FO_INLINE;
			in->src = n->src;
			in->line = tn->line;
			in->style = st;
			t->style = st;
			transform_text(b, t);
			append(in, t);
			append(n, in);
		} else {
			append(n, t);
		}
		run = p;
		lower = -1;
	}
}

static void
build_children(struct build *b, const struct xnode *x, struct fo_node *n, int depth)
{
	enum content content = (enum content)elems[n->type].content;

	for (const struct xnode *c = x->first; c; c = c->next) {
		if (c->kind == XNODE_TEXT) {
			if (content == C_MIXED) {
				struct fo_node *tn = arena_alloc(b->t->arena, sizeof *tn);
				tn->type = FO_TEXT;
				tn->style = n->style;
				tn->line = c->line;
				tn->text = c->text;
				tn->textlen = c->textlen;
				if (n->style->text_transform != TT_NONE)
					transform_text(b, tn);
				if (n->style->small_caps)
					small_caps(b, n, tn);
				else
					append(n, tn);
			} else if (!all_space(c->text, c->textlen)) {
				diag_once(b->d, "text-in-blocks", DIAG_WARNING, b->t->file, c->line, 0,
				    "text directly inside fo:%s is not allowed there and is skipped",
				    elems[n->type].name);
			}
			continue;
		}
		if (content == C_FOREIGN) {
			keep_foreign(b, n, c);
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
		if (named(c, "float"))
			diag_once(b->d, "float", DIAG_WARNING, b->t->file, c->line, 0,
			    "fo:float is laid out where it stands, in the flow; folio does not float it");
		enum fo_type t = lookup_elem(c->name);
		if (t == FO__MAX) {
			warn_unsupported_elem(b, c);
			continue;
		}
		if (!allowed(content, t)) {
			diag_report(b->d, DIAG_WARNING, b->t->file, c->line, 0,
			    "fo:%s is not allowed inside fo:%s and is skipped", c->name, elems[n->type].name);
			continue;
		}
		if (content == C_NONE) {
			diag_report(b->d, DIAG_WARNING, b->t->file, c->line, 0,
			    "fo:%s must be empty; its child fo:%s is skipped", elems[n->type].name, c->name);
			continue;
		}
		append(n, build_elem(b, c, n->style, depth + 1));
	}
	if (n->type == FO_BLOCK)
		hoist_blocks(b, n);
}

/* ---------------------------------------------------------------- ids */

struct idref {
	const char *id;
	int         line;
};

static void
collect_ids(const struct fo_node *n, struct idref **v, size_t *nv, size_t *cap)
{
	for (; n; n = n->next) {
		if (n->id && n->type != FO_TEXT) {
			if (*nv == *cap) {
				*cap = *cap ? *cap * 2 : 64;
				*v = xrealloc(*v, *cap * sizeof **v);
			}
			(*v)[(*nv)++] = (struct idref){ n->id, n->line };
		}
		collect_ids(n->first, v, nv, cap);
	}
}

static int
idref_cmp(const void *a, const void *b)
{
	const struct idref *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : x->line - y->line;
}

/* XSL 1.1 §7.30.8: ids are unique in the document.  A duplicate is an
 * error that names both places. */
static void
check_ids(struct build *b)
{
	struct idref *v = NULL;
	size_t n = 0, cap = 0;
	collect_ids(b->t->root, &v, &n, &cap);
	if (n > 1)
		qsort(v, n, sizeof *v, idref_cmp);
	for (size_t i = 1; i < n; i++)
		if (strcmp(v[i].id, v[i - 1].id) == 0)
			diag_report(b->d, DIAG_ERROR, b->t->file, v[i].line, 0,
			    "id \"%s\" is used twice: here and on line %d", v[i].id, v[i - 1].line);
	free(v);
}


/* All text under x, white space collapsed, into an arena string or NULL. */
static const char *
xtext(struct build *b, const struct xnode *x)
{
	struct buf raw = {0}, t = {0};
	const struct xnode *stack[64];
	int sp = 0;
	if (x == NULL)
		return NULL;
	stack[sp++] = x;
	while (sp > 0) {   /* depth-first, in document order */
		const struct xnode *n = stack[--sp];
		if (n->kind == XNODE_TEXT) {
			buf_add(&raw, n->text, n->textlen);
			continue;
		}
		const struct xnode *kids[256];
		int nk = 0;
		for (const struct xnode *c = n->first; c && nk < 256; c = c->next)
			kids[nk++] = c;
		while (nk > 0 && sp < 64)
			stack[sp++] = kids[--nk];
	}
	int space = 0;
	for (size_t i = 0; i < raw.n; i++) {
		char ch = raw.p[i];
		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
			space = t.n > 0;
			continue;
		}
		if (space)
			buf_putc(&t, ' ');
		space = 0;
		buf_putc(&t, ch);
	}
	const char *r = t.n ? arena_strdup(b->t->arena, t.p) : NULL;
	buf_free(&raw);
	buf_free(&t);
	return r;
}

static const struct xnode *
find_ns(const struct xnode *x, const char *ns, const char *name)
{
	for (const struct xnode *c = x->first; c; c = c->next) {
		if (c->kind != XNODE_ELEMENT)
			continue;
		if (c->ns && strcmp(c->ns, ns) == 0 && strcmp(c->name, name) == 0)
			return c;
		const struct xnode *r = find_ns(c, ns, name);
		if (r)
			return r;
	}
	return NULL;
}

#define PDF_NS "http://ns.adobe.com/pdf/1.3/"

/*
 * Document metadata: XMP in fo:declarations (dc:title, dc:creator,
 * dc:subject, dc:description, pdf:Keywords) or folio's own
 * <folio:info title="…" author="…" subject="…" keywords="…"/>; the title
 * falls back to the first fo:title.
 */
static void
find_title(struct build *b)
{
	struct fo_tree *t = b->t;
	for (struct fo_node *c = t->root->first; c; c = c->next) {
		if (c->type != FO_DECLARATIONS)
			continue;
		const struct xnode *x = c->src;
		const struct xnode *info = find_ns(x, FOLIO_NS, "info");
		if (info) {
			const char *v;
			if ((v = xnode_attr(info, "title")) != NULL) t->title = v;
			if ((v = xnode_attr(info, "author")) != NULL) t->author = v;
			if ((v = xnode_attr(info, "subject")) != NULL) t->subject = v;
			if ((v = xnode_attr(info, "keywords")) != NULL) t->keywords = v;
		}
		if (t->title == NULL)
			t->title = xtext(b, find_ns(x, DC_NS, "title"));
		if (t->author == NULL)
			t->author = xtext(b, find_ns(x, DC_NS, "creator"));
		if (t->subject == NULL)
			t->subject = xtext(b, find_ns(x, DC_NS, "subject"));
		if (t->subject == NULL)
			t->subject = xtext(b, find_ns(x, DC_NS, "description"));
		if (t->keywords == NULL)
			t->keywords = xtext(b, find_ns(x, PDF_NS, "Keywords"));
	}
	if (t->title)
		return;
	for (struct fo_node *c = t->root->first; c && !t->title; c = c->next)
		if (c->type == FO_PAGE_SEQUENCE)
			for (struct fo_node *k = c->first; k; k = k->next)
				if (k->type == FO_TITLE && k->src) {
					t->title = xtext(b, k->src);
					break;
				}
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
	if (r == NULL || marker == NULL || parent == NULL || marker->src == NULL)
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
	t->file = doc->file;
	t->base = doc->base;
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
	find_title(&b);
	check_ids(&b);
	fo_names_check(t, d);
	b.d = NULL;
	rb->b = b;
	t->rebuild = rb;
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
	src_xdoc_free(t->doc);
	arena_free(t->arena);
	free(t);
}

void
fo_subset_print(void *stream)
{
	FILE *f = stream;
	fputs("# The supported XSL-FO subset\n\n"
	    "Generated by `folio subset` from the tables in src/fo/ (fo_build.c,\n"
	    "fo_prop.c); `make test` checks that this file matches.  Any other element\n"
	    "or property gets one warning with file:line and is skipped.\n\n"
	    "## Elements\n\n| element | content |\n|---|---|\n", f);
	static const char *content[] = { "empty", "page masters / sequence parts",
		"block-level FOs", "text, inline- and block-level FOs", "text",
		"one SVG `svg` element (docs/graphics.md)",
		"table-column, table-header, table-footer, table-body",
		"table-row, or table-cell (with starts-row, ends-row)", "table-cell",
		"list-item", "list-item-label, list-item-body" };
	for (int i = 0; i < FO_TEXT; i++)
		fprintf(f, "| fo:%s | %s |\n", elems[i].name, content[elems[i].content]);
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		fprintf(f, "| fo:%s | as fo:%s: %s |\n", aliases[i].name, elems[aliases[i].as].name,
		    aliases[i].note);
	fputs("\n## Properties\n\n| property | inherited | initial value |\n|---|---|---|\n", f);
	for (size_t i = 0; i < fo_nprops; i++)
		fprintf(f, "| %s | %s | %s |\n", fo_props[i].name,
		    fo_props[i].inherited ? "yes" : "no", fo_props[i].initial);
	fputs("\nLengths: pt, mm, cm, in, pc, px, q, em, %, and XSL 1.1 expressions\n"
	    "(+ - * div mod, parentheses; abs, min, max, round, floor, ceiling;\n"
	    "proportional-column-width, label-end, body-start).  from-parent(),\n"
	    "inherited-property-value() and from-nearest-specified-value() give the\n"
	    "parent's computed value (the nearest specified one is taken from the\n"
	    "parent too: the same for inherited properties); inside an expression\n"
	    "they stand for a length.  Colours: the CSS/SVG colour names, #rgb,\n"
	    "#rrggbb, rgb() with numbers or percentages, rgb-icc() (its sRGB values).\n"
	    "font-size 0 and widows/orphans 0 are accepted, as in FOP.\n", f);
}
