/*
 * layout — inline content to line areas.  Characters are gathered with
 * their styles, white space is handled (XSL 1.1 §7.16, and R16 of docs/cjk.md: a
 * line feed between two wide characters disappears), fonts are chosen per
 * character, break opportunities come from the text stage, and the text
 * stage's composer breaks and justifies.  Each line becomes an area of runs:
 * consecutive glyphs of one style whose spacing is uniform.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"

struct ch {
	uint32_t               cp;
	const struct fo_style *st;
	uint32_t               keep;     /* the keep-together.within-line inline it is in (1, 2, …), or 0 */
	uint8_t                preserved_lf;
	uint8_t                pnum;     /* placeholder of a page number */
	const struct fo_node  *link;     /* inside this fo:basic-link */
	const struct fo_node  *obj;      /* U+FFFC: an inline object */
	uint8_t                edge;     /* obj is a bordered fo:inline: 1 its start, 2 its end */
	const struct fo_node  *cbar;     /* inside this change bar (innermost open) */
	const struct fo_node  *note;     /* the first character of a footnote citation: its body */
	uint32_t               seq;      /* position before white-space handling */
};

struct chars {
	struct ch *v;
	size_t     n, cap;
	uint32_t   keeps;   /* keep-together.within-line inlines so far: two of them side by side may break between them */
};

static void
push(struct chars *c, uint32_t cp, const struct fo_style *st, uint32_t keep)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->v = xrealloc(c->v, c->cap * sizeof *c->v);
	}
	c->v[c->n] = (struct ch){ cp, st, keep, 0, 0, NULL, NULL, 0, NULL, NULL, (uint32_t)c->n };
	c->n++;
}

const struct text_fontset *
lay_fontset(struct lay *L, const struct fo_style *s)
{
	/* most characters have the style of the one before */
	if (L->ncache > 0 && L->cache_style[L->cache_last] == s)
		return L->cache_set[L->cache_last];
	for (size_t i = 0; i < L->ncache; i++)
		if (L->cache_style[i] == s) {
			L->cache_last = i;
			return L->cache_set[i];
		}
	const struct text_fontset *set = text_fontset_lookup(L->fonts, s->font_family,
	    s->font_weight, s->font_italic);
	if (L->ncache == L->capcache) {
		L->capcache = L->capcache ? L->capcache * 2 : 64;
		L->cache_style = xrealloc(L->cache_style, L->capcache * sizeof *L->cache_style);
		L->cache_set = xrealloc(L->cache_set, L->capcache * sizeof *L->cache_set);
	}
	L->cache_last = L->ncache;
	L->cache_style[L->ncache] = s;
	L->cache_set[L->ncache++] = set;
	return set;
}

static int
is_block_level(const struct fo_node *n)
{
	return lay_is_block_level(n);
}

/* An inline object of lay_inline.c: a leader, an inline-container, an edge. */
static void
push_obj(struct lay *L, struct chars *out, const struct fo_node *c, uint32_t keep, int edge)
{
	push(out, 0xFFFC, c->style, keep);
	out->v[out->n - 1].link = L->link;
	out->v[out->n - 1].cbar = L->ncbar ? L->cbar[L->ncbar - 1] : NULL;
	out->v[out->n - 1].obj = c;
	out->v[out->n - 1].edge = (uint8_t)edge;
}

/*
 * XSL 1.1 §6.13.2: change bars begin and end by class, and may overlap or
 * nest; a line is marked when it holds text inside one, or when one is open
 * at block level while the line is made.
 */
void
lay_change_bar(struct lay *L, const struct fo_node *n)
{
	const char *cls = fo_node_attr(n, "change-bar-class");
	L->cbar_events++;
	if (cls == NULL) {
		diag_report(L->d, DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:%s without change-bar-class is ignored", fo_type_name(n->type));
		return;
	}
	if (n->type == FO_CHANGE_BAR_BEGIN) {
		if (L->ncbar < 8)
			L->cbar[L->ncbar++] = n;
		return;
	}
	for (int i = L->ncbar - 1; i >= 0; i--) {
		const char *c = fo_node_attr(L->cbar[i], "change-bar-class");
		if (c && strcmp(c, cls) == 0) {
			memmove(&L->cbar[i], &L->cbar[i + 1], (size_t)(L->ncbar - i - 1) * sizeof L->cbar[0]);
			L->ncbar--;
			return;
		}
	}
	diag_report(L->d, DIAG_WARNING, L->fo->file, n->line, 0,
	    "fo:change-bar-end of class \"%s\" has no fo:change-bar-begin", cls);
}

void
lay_note_ref(struct lay *L, const char *id, int line, int kind)
{
	if (L->nrefs == L->caprefs) {
		L->caprefs = L->caprefs ? L->caprefs * 2 : 64;
		L->refs = xrealloc(L->refs, L->caprefs * sizeof *L->refs);
	}
	L->refs[L->nrefs++] = (struct lay_ref){ id, line, (uint8_t)kind };
}

static void
push_text(struct lay *L, struct chars *out, const char *text, const struct fo_style *st, uint32_t keep)
{
	const char *p = text, *end = text + strlen(text);
	while (p < end) {
		push(out, utf8_next(&p, end), st, keep);
		out->v[out->n - 1].link = L->link;
		out->v[out->n - 1].cbar = L->ncbar ? L->cbar[L->ncbar - 1] : NULL;
	}
}

static int is_ws(uint32_t c);

static void
gather(struct lay *L, const struct fo_node *c, struct chars *out, uint32_t keep)
{
	switch (c->type) {
	case FO_TEXT:
	case FO_CHARACTER: {
		const char *p = c->text, *end = c->text + c->textlen;
		while (p < end) {
			push(out, utf8_next(&p, end), c->style, keep);
			out->v[out->n - 1].link = L->link;
			out->v[out->n - 1].cbar = L->ncbar ? L->cbar[L->ncbar - 1] : NULL;
		}
		break;
	}
	case FO_INLINE:
	case FO_WRAPPER: {
		int boxed = c->type == FO_INLINE && lay_inline_boxed(c);
		if (!keep && c->style->keep_within_line == KEEP_ALWAYS)
			keep = ++out->keeps;
		if (boxed)
			push_obj(L, out, c, keep, 1);
		for (const struct fo_node *k = c->first; k; k = k->next)
			gather(L, k, out, keep);
		if (boxed)
			push_obj(L, out, c, keep, 2);
		break;
	}
	case FO_LEADER:
	case FO_INLINE_CONTAINER:
		push_obj(L, out, c, keep, 0);
		break;
	case FO_TABLE: case FO_LIST_BLOCK: {
		/* a table or list where only inline content can stand (a
		 * footnote citation, a leader): its text joins the line */
		char key[64];
		snprintf(key, sizeof key, "inline-table:%d", c->line);
		diag_once(L->d, key, DIAG_WARNING, L->fo->file, c->line, 0,
		    "fo:%s inside fo:%s cannot be laid out as a %s here; its text is set as running text",
		    fo_type_name(c->type), c->parent ? fo_type_name(c->parent->type) : "?",
		    c->type == FO_TABLE ? "table" : "list");
		for (const struct fo_node *k = c->first; k; k = k->next)
			gather(L, k, out, keep);
		break;
	}
	case FO_TABLE_HEADER: case FO_TABLE_FOOTER: case FO_TABLE_BODY: case FO_TABLE_ROW:
	case FO_TABLE_CELL: case FO_LIST_ITEM: case FO_LIST_ITEM_LABEL: case FO_LIST_ITEM_BODY:
		for (const struct fo_node *k = c->first; k; k = k->next)
			gather(L, k, out, keep);
		break;
	case FO_TABLE_COLUMN:
		break;
	case FO_BASIC_LINK: {
		const struct fo_node *save = L->link;
		const char *dest = fo_node_attr(c, "internal-destination");
		if (dest && *dest)
			lay_note_ref(L, dest, c->line, 1);
		L->link = c;
		if (!keep && c->style->keep_within_line == KEEP_ALWAYS)
			keep = ++out->keeps;
		for (const struct fo_node *k = c->first; k; k = k->next)
			gather(L, k, out, keep);
		L->link = save;
		break;
	}
	case FO_PAGE_NUMBER_CITATION:
	case FO_PAGE_NUMBER_CITATION_LAST: {
		/* XSL 1.1 §6.6.11: the page number of the first (last) area of
		 * the FO with this id; from the previous layout pass, or a
		 * two-digit placeholder in the first */
		const char *ref = fo_node_attr(c, "ref-id");
		const char *txt;
		if (L->pagenum) {
			/* static content is laid out after the pass's flows: this
			 * pass's numbers are all known */
			const struct lay_id *e = ref ? idmap_find(L->ids, ref) : NULL;
			txt = e ? (c->type == FO_PAGE_NUMBER_CITATION ? e->first : e->last) : "??";
		} else {
			const struct lay_id *e = ref && L->ids_prev ? idmap_find(L->ids_prev, ref) : NULL;
			L->ncites++;   /* a flow's citation: the next pass may change it */
			if (e)
				txt = c->type == FO_PAGE_NUMBER_CITATION ? e->first : e->last;
			else if (L->ids_prev == NULL)
				txt = "00";
			else
				txt = "??";   /* a dangling ref-id, reported after layout */
		}
		if (ref)
			lay_note_ref(L, ref, c->line, 0);
		push_text(L, out, txt, c->style, 1);
		break;
	}
	case FO_BOOKMARK_TREE: case FO_BOOKMARK: case FO_BOOKMARK_TITLE:
		break;
	case FO_CHANGE_BAR_BEGIN:
	case FO_CHANGE_BAR_END:
		lay_change_bar(L, c);
		break;
	case FO_FOOTNOTE: {
		/* the citation is inline here; the body goes to the page's foot,
		 * remembered on the citation's first character */
		size_t at = out->n;
		const struct fo_node *body = NULL;
		for (const struct fo_node *k = c->first; k; k = k->next) {
			if (k->type == FO_FOOTNOTE_BODY)
				body = k;
			else
				gather(L, k, out, keep);
		}
		/* on the citation's first visible character: white space
		 * around it may be collapsed away (pretty-printed FO) */
		size_t first = at;
		while (first + 1 < out->n && is_ws(out->v[first].cp))
			first++;
		if (body && out->n > at)
			out->v[first].note = body;
		else if (body)
			diag_once(L->d, "footnote-empty", DIAG_WARNING, L->fo->file, c->line, 0,
			    "fo:footnote without an inline citation: its body is not placed");
		break;
	}
	case FO_FOOTNOTE_BODY:
		break;
	case FO_RETRIEVE_MARKER: {
		const struct fo_node *m = lay_retrieve(L, c);
		for (const struct fo_node *k = m ? m->first : NULL; k; k = k->next)
			gather(L, k, out, keep);
		break;
	}
	case FO_MARKER:
	case FO_PAGE_SEQUENCE_MASTER: case FO_SINGLE_PAGE_MASTER_REFERENCE:
	case FO_REPEATABLE_PAGE_MASTER_REFERENCE: case FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES:
	case FO_CONDITIONAL_PAGE_MASTER_REFERENCE:
		break;
	case FO_PAGE_NUMBER: {
		/* in static content the number is known; in the flow it is not
		 * until the line is placed: reserve "00" and fill it in then */
		const char *num = L->pagenum ? L->pagenum : "00";
		const char *p = num, *end = num + strlen(num);
		while (p < end) {
			push(out, utf8_next(&p, end), c->style, 1);
			out->v[out->n - 1].pnum = L->pagenum == NULL;
		}
		break;
	}
	case FO_EXTERNAL_GRAPHIC:
	case FO_INSTREAM_FOREIGN_OBJECT:
		/* the item's style gives its baseline shift: an enclosing
		 * inline's, as for text, unless the object has its own */
		push(out, 0xFFFC, c->style->shift == SHIFT_BASELINE && c->parent ? c->parent->style
		    : c->style, keep);
		out->v[out->n - 1].link = L->link;
		out->v[out->n - 1].cbar = L->ncbar ? L->cbar[L->ncbar - 1] : NULL;
		out->v[out->n - 1].obj = c;
		break;
	case FO_BLOCK:
	case FO_BLOCK_CONTAINER:
		/* a block inside an inline: its text joins the line (simplified) */
		for (const struct fo_node *k = c->first; k; k = k->next)
			gather(L, k, out, keep);
		break;
	case FO_ROOT: case FO_LAYOUT_MASTER_SET: case FO_SIMPLE_PAGE_MASTER:
	case FO_REGION_BODY: case FO_REGION_BEFORE: case FO_REGION_AFTER:
	case FO_REGION_START: case FO_REGION_END: case FO_DECLARATIONS:
	case FO_PAGE_SEQUENCE: case FO_TITLE: case FO_FLOW: case FO_STATIC_CONTENT:
	case FO__MAX:
		break;
	}
}

static int
is_ws(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* White space (XSL 1.1 §7.16.7–7.16.12) and R16.  Works in place. */
static void
whitespace_chars(struct chars *c)
{
	size_t w = 0;
	/* linefeed-treatment; R16 removes a line feed between wide characters */
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].cp > ' ') {   /* the common case: kept as it is */
			if (w != i)
				c->v[w] = c->v[i];
			w++;
			continue;
		}
		struct ch ch = c->v[i];
		if (ch.cp == '\r')
			continue;
		if (ch.cp == '\n') {
			switch ((enum fo_lf)ch.st->linefeed) {
			case LF_IGNORE:
				continue;
			case LF_PRESERVE:
				ch.preserved_lf = 1;
				break;
			case LF_TREAT_AS_ZWSP:
				ch.cp = 0x200B;
				break;
			case LF_TREAT_AS_SPACE: {
				/* R16: find the neighbours across white space */
				size_t a = w, b = i + 1;
				while (a > 0 && is_ws(c->v[a - 1].cp) && c->v[a - 1].st->ws_collapse)
					a--;
				while (b < c->n && is_ws(c->v[b].cp) && c->v[b].st->ws_collapse)
					b++;
				if (a > 0 && b < c->n && text_is_wide(c->v[a - 1].cp) && text_is_wide(c->v[b].cp)
				    && ch.st->ws_collapse) {
					w = a;          /* drop the white space before */
					i = b - 1;      /* and after */
					continue;
				}
				ch.cp = ' ';
				break;
			}
			}
		} else if (ch.cp == '\t') {
			ch.cp = ' ';
		}
		c->v[w++] = ch;
	}
	c->n = w;
	/* white-space-collapse and white-space-treatment */
	w = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].cp != ' ') {
			if (w != i)
				c->v[w] = c->v[i];
			w++;
			continue;
		}
		struct ch ch = c->v[i];
		if (ch.st->ws_treatment != WST_PRESERVE) {
			int before_lf = i + 1 < c->n && c->v[i + 1].preserved_lf;
			int after_lf = w > 0 && c->v[w - 1].preserved_lf;
			if ((before_lf || after_lf) && ch.st->ws_treatment != WST_IGNORE_IF_AFTER_LINEFEED
			    && ch.st->ws_treatment != WST_IGNORE_IF_BEFORE_LINEFEED)
				continue;
			if (ch.st->ws_treatment == WST_IGNORE)
				continue;
			if (ch.st->ws_collapse && w > 0 && c->v[w - 1].cp == ' ')
				continue;
			if (ch.st->ws_collapse && w == 0)
				continue;  /* leading space of the paragraph */
		}
		c->v[w++] = ch;
	}
	c->n = w;
	while (c->n > 0 && c->v[c->n - 1].cp == ' ' && c->v[c->n - 1].st->ws_treatment != WST_PRESERVE)
		c->n--;
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].preserved_lf)
			c->v[i].cp = '\n';
}

/*
 * Footnote citations whose characters white-space handling removed: each
 * body moves to the next character kept (else the last), so that no body
 * is lost with a collapsed space.  notes[] holds the bodies and their
 * positions before the handling, in order.
 */
static void
whitespace_notes(struct chars *c, const struct fo_node **note, const uint32_t *at, size_t nn)
{
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++)
		c->v[i].note = NULL;
	for (size_t j = 0; j < nn; j++) {
		while (k < c->n && (c->v[k].seq < at[j] || c->v[k].note))
			k++;
		size_t t = k;
		if (t == c->n) {   /* after the last character: the last free one */
			while (t > 0 && c->v[t - 1].note)
				t--;
			if (t == 0)
				return;   /* more notes than characters: cannot happen */
			t--;
		}
		c->v[t].note = note[j];
	}
}

/*
 * White space (XSL 1.1 §7.16.7–7.16.12) and R16.  Works in place.
 */
static const struct fo_node *
whitespace(struct chars *c)
{
	const struct fo_node *lost = NULL;
	const struct fo_node **note = NULL;
	uint32_t *at = NULL;
	size_t nn = 0;
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].note) {
			note = xrealloc(note, (nn + 1) * sizeof *note);
			at = xrealloc(at, (nn + 1) * sizeof *at);
			note[nn] = c->v[i].note;
			at[nn++] = c->v[i].seq;
		}
	whitespace_chars(c);
	if (nn > 0 && c->n > 0)
		whitespace_notes(c, note, at, nn);
	else if (nn > 0)
		lost = note[0];
	free(note);
	free(at);
	return lost;   /* a footnote body with no character left to cite it */
}

/* Per-item data the composer does not need. */
struct glyph {
	const struct fo_style *st;
	struct text_face      *face;
	uint8_t                bold, italic;
	uint8_t                pnum;    /* page-number placeholder */
	const struct fo_node  *link;    /* fo:basic-link */
	mpt                    gadv;    /* the glyph's own advance */
	mpt                    asc, desc;  /* ascent and descent at its size */
	struct area           *obj;     /* an inline object's viewport */
	const struct lobj     *lobj;    /* a leader, inline-container or edge (lay_inline.c) */
};

void
lay_report_missing(struct lay *L)
{
	if (L->nmissing == 0)
		return;
	struct buf b = {0};
	for (size_t i = 0; i < L->nmissing && i < 40; i++) {
		if (i)
			buf_puts(&b, ", ");
		buf_printf(&b, "U+%04X ", L->missing[i]);
		buf_add_utf8(&b, L->missing[i]);
	}
	if (L->nmissing > 40)
		buf_printf(&b, " and %zu more", L->nmissing - 40);
	diag_report(L->d, DIAG_WARNING, L->fo->file, 0, 0,
	    "no installed font draws these characters; they are left blank: %s", b.p);
	buf_free(&b);
}

static void
note_missing(struct lay *L, uint32_t cp)
{
	for (size_t i = 0; i < L->nmissing; i++)
		if (L->missing[i] == cp)
			return;
	L->missing = xrealloc(L->missing, (L->nmissing + 1) * sizeof *L->missing);
	L->missing[L->nmissing++] = cp;
}

/* url('…') or a plain URI, unquoted, in the area tree's arena. */
static const char *
lay_uri(struct lay *L, const char *v)
{
	while (*v == ' ')
		v++;
	if (strncmp(v, "url(", 4) == 0) {
		const char *s = v + 4, *e = v + strlen(v);
		while (e > s && (e[-1] == ')' || e[-1] == ' '))
			e--;
		if (s < e && (*s == '\'' || *s == '"'))
			s++;
		if (e > s && (e[-1] == '\'' || e[-1] == '"'))
			e--;
		return arena_strndup(L->at->arena, s, (size_t)(e - s));
	}
	return v;
}

static mpt
shift_of(const struct fo_style *st, mpt em)
{
	switch ((enum fo_shift)st->shift) {
	case SHIFT_BASELINE: return 0;
	case SHIFT_SUPER: return em / 3;
	case SHIFT_SUB: return -em / 5;
	case SHIFT_LENGTH: return fo_len_resolve(st->shift_len, st->line_height);
	}
	return 0;
}

static void
build_runs(struct lay *L, struct area *line, const struct text_item *it,
    const struct glyph *g, const uint32_t *cps, size_t s, size_t e, mpt baseline)
{
	size_t i = s;
	while (i < e) {
		if (it[i].hidden || it[i].cp == '\n' || it[i].cp == 0x200B || g[i].lobj) {
			i++;
			continue;
		}
		if (g[i].obj) {
			/* the object's bottom on the (shifted) baseline */
			struct area *o = g[i].obj;
			lay_translate(o, it[i].x - o->x, baseline - shift_of(g[i].st, g[i].st->font_size) - o->h - o->y);
			area_append(line, o);
			i++;
			continue;
		}
		size_t j = i + 1;
		mpt extra0 = 0;
		while (j < e && !it[j].hidden && it[j].cp != '\n' && it[j].cp != 0x200B && !g[j].obj && !g[j].lobj &&
		    g[j].st == g[i].st && g[j].face == g[i].face && g[j].pnum == g[i].pnum &&
		    g[j].link == g[i].link) {
			mpt extra = it[j].x - it[j - 1].x - g[j - 1].gadv;
			if (j == i + 1)
				extra0 = extra;
			else if (extra - extra0 > 2 || extra0 - extra > 2)
				break;
			j++;
		}
		struct area *r = area_new(L->at, AREA_RUN, line);
		struct buf b = {0};
		for (size_t k = i; k < j; k++)
			buf_add_utf8(&b, cps[k]);
		r->text = arena_strndup(L->at->arena, b.p, b.n);
		r->len = b.n;
		buf_free(&b);
		r->face = g[i].face;
		r->font = g[i].face ? g[i].face->family : "";
		r->size = g[i].st->font_size;
		r->color = g[i].st->color;
		r->hidden = g[i].st->hidden;
		r->bold = g[i].bold;
		r->italic = g[i].italic;
		r->deco = g[i].st->decoration;
		r->pagenum = g[i].pnum;
		if (g[i].link) {
			const char *dest = fo_node_attr(g[i].link, "internal-destination");
			const char *uri = fo_node_attr(g[i].link, "external-destination");
			if (dest && *dest)
				r->link_dest = dest;
			else if (uri && *uri)
				r->link_uri = lay_uri(L, uri);
		}
		r->nglyphs = (int)(j - i);
		r->x = it[i].x;
		r->spacing = (j - i > 1) ? (it[j - 1].x - it[i].x) : 0;
		for (size_t k = i; k + 1 < j; k++)
			r->spacing -= g[k].gadv;
		/* to the end of the last glyph's set box (a trimmed mark ends early) */
		r->w = it[j - 1].x + it[j - 1].adv - it[j - 1].rcut - it[i].x;
		r->baseline = baseline - shift_of(g[i].st, g[i].st->font_size);
		r->y = r->baseline - g[i].asc;
		r->h = g[i].asc + g[i].desc;
		i = j;
	}
}

/* Ids of inline FOs under n, collected for the first line of a paragraph. */
static void
inline_ids(struct lay *L, const struct fo_node *n, const char ***ids, int *nids)
{
	if (n->id && n->type != FO_BLOCK && n->type != FO_BLOCK_CONTAINER) {
		*ids = xrealloc(*ids, (size_t)(*nids + 1) * sizeof **ids);
		(*ids)[(*nids)++] = n->id;
	}
	if (n->type == FO_BLOCK || n->type == FO_BLOCK_CONTAINER)
		return;
	for (const struct fo_node *c = n->first; c; c = c->next)
		inline_ids(L, c, ids, nids);
}

const struct fo_node *
lay_inlines(struct lay *L, const struct fo_node *block, const struct fo_node *first,
    struct lblock *blk, struct vlist *vl, int first_line)
{
	struct chars cs = {0};
	const struct fo_node *c = first;
	const struct fo_style *bs = block->style;

	const char **ids = NULL;
	int nids = 0;
	int ncites0 = L->ncites, cbar_events0 = L->cbar_events;
	for (; c; c = c->next) {
		if (is_block_level(c) || lay_retrieve_blocks(L, c))
			break;
		gather(L, c, &cs, 0);
		inline_ids(L, c, &ids, &nids);
	}
	const struct fo_node *lost = whitespace(&cs);
	if (lost)
		diag_report(L->d, DIAG_WARNING, L->fo->file, lost->line, 0,
		    "fo:footnote whose citation is only white space: its body is not placed");
	if (cs.n == 0) {
		free(cs.v);
		free(ids);
		return c;
	}

	/* the per-character arrays, in one block (a document has many short
	 * paragraphs: table cells) */
	size_t n = cs.n;
	char *per_char = xcalloc(n, sizeof(struct glyph) + sizeof(struct lobj *) +
	    sizeof(struct text_item) + sizeof(uint32_t) + 1);   /* by alignment */
	struct glyph *g = (struct glyph *)per_char;
	struct lobj **objs = (struct lobj **)(g + n);
	struct text_item *it = (struct text_item *)(objs + n);
	uint32_t *cps = (uint32_t *)(it + n);
	uint8_t *brk = (uint8_t *)(cps + n);

	for (size_t i = 0; i < n; i++)
		cps[i] = cs.v[i].cp;
	mpt line_w = blk->w - blk->pad[SIDE_START] - blk->pad[SIDE_END] - blk->bw[SIDE_START] - blk->bw[SIDE_END];
	const char *lang = bs->language[0] ? bs->language : (L->fo->language ? L->fo->language : "zh");
	for (size_t i = 0; i < n; i++)
		if (cs.v[i].obj)
			objs[i] = lay_obj_new(L, cs.v[i].obj, cs.v[i].edge);
	lay_obj_breaks(L, cps, objs, n, lang, brk);

	/* the script around each character: punctuation and symbols take
	 * the Latin face between Latin letters, the Chinese one beside
	 * Chinese (docs/fonts.md); with no letter on either side, the
	 * block's language decides */
	uint8_t *latin = xmalloc(n);
	{
		int dflt = !(strncmp(lang, "zh", 2) == 0 || strncmp(lang, "ja", 2) == 0 ||
		    strncmp(lang, "ko", 2) == 0);
		int prev = 0, next = 0;
		for (size_t i = 0; i < n; i++) {
			int sc = text_script_of(cps[i]);
			if (sc)
				prev = sc;
			latin[i] = (uint8_t)prev;
		}
		for (size_t i = n; i > 0; i--) {
			int sc = text_script_of(cps[i - 1]), p = latin[i - 1];
			if (sc)
				next = sc;
			latin[i - 1] = (uint8_t)(p == 2 || next == 2 ? 0 : p == 1 || next == 1 ? 1 : dflt);
		}
	}
	for (size_t i = 0; i < n; i++) {
		const struct fo_style *st = cs.v[i].st;
		const struct text_fontset *set = lay_fontset(L, st);
		uint32_t cp = cps[i];
		int32_t adv = 0;
		mpt em = st->font_size;
		int fi = -1;

		it[i].cp = cp;
		it[i].kind = (uint8_t)text_kind_of(cp);
		it[i].brk = brk[i];
		it[i].em = em;
		it[i].keep = cs.v[i].keep != 0;
		if (objs[i]) {
			lay_obj_item(L, objs[i], line_w > 1000 ? line_w : 1000, &it[i], &g[i].asc,
			    &g[i].desc, &g[i].st);
			g[i].lobj = objs[i];
			g[i].gadv = it[i].adv;
			g[i].link = cs.v[i].link;
			continue;
		}
		if (cs.v[i].obj) {
			struct area *o = lay_object(L, cs.v[i].obj, line_w > 1000 ? line_w : 1000);
			it[i].kind = TK_OBJECT;
			it[i].adv = o->w;
			g[i].obj = o;
			g[i].st = st;
			g[i].link = cs.v[i].link;
			g[i].gadv = o->w;
			g[i].asc = o->h;
			g[i].desc = 0;
			if (cs.v[i].keep && i + 1 < n && cs.v[i + 1].keep == cs.v[i].keep && it[i].brk == TB_ALLOW)
				it[i].brk = TB_NONE;
			continue;
		}
		if (cp == '\n') {
			it[i].brk = TB_FORCE;
			it[i].kind = TK_SPACE;
			it[i].adv = 0;
			fi = set->n > 0 ? 0 : -1;
		} else if (cp == 0x200B) {
			it[i].kind = TK_SPACE;
			it[i].brk = TB_ALLOW;
			fi = set->n > 0 ? 0 : -1;
		} else {
			fi = text_fontset_find_ctx(set, cp, latin[i], &adv);
			if (fi < 0) {
				if (cp != ' ')
					note_missing(L, cp);
				fi = set->n > 0 ? 0 : -1;
				adv = fi >= 0 ? set->face[0]->upem / 2 : 0;  /* a blank half em */
			}
		}
		if (fi >= 0) {
			struct text_face *f = set->face[fi];
			g[i].face = f;
			g[i].bold = set->synth_bold[fi];
			g[i].italic = set->synth_italic[fi];
			g[i].gadv = cp == '\n' || cp == 0x200B ? 0 : text_advance(f, adv, em);
			g[i].asc = text_units(f, f->ascender, em);
			g[i].desc = -text_units(f, f->descender, em);
			if (it[i].kind == TK_OPEN || it[i].kind == TK_CLOSE || it[i].kind == TK_PAUSE ||
			    it[i].kind == TK_STOP || it[i].kind == TK_MIDDLE) {
				int32_t lb, rb;
				text_face_blanks(f, cp, &lb, &rb);
				it[i].lblank = text_units(f, lb, em);
				it[i].rblank = text_units(f, rb, em);
				if (it[i].lblank > em / 2)
					it[i].lblank = em / 2;
				if (it[i].rblank > em / 2)
					it[i].rblank = em / 2;
			}
		} else {
			g[i].asc = em * 4 / 5;
			g[i].desc = em / 5;
		}
		g[i].st = st;
		g[i].pnum = cs.v[i].pnum;
		g[i].link = cs.v[i].link;
		/* negative spacing may close a gap, never run the line backwards:
		 * with spacing bounded by the FO stage, a line's sum stays bounded */
		it[i].adv = g[i].gadv + st->letter_spacing + (it[i].kind == TK_SPACE ? st->word_spacing : 0);
		if (it[i].adv < 0)
			it[i].adv = 0;
		if (cs.v[i].keep && i + 1 < n && cs.v[i + 1].keep == cs.v[i].keep && it[i].brk == TB_ALLOW)
			it[i].brk = TB_NONE;
	}

	struct text_para_opts o;
	memset(&o, 0, sizeof o);
	o.width = line_w;
	if (o.width < 1000)
		o.width = 1000;
	o.indent = first_line ? fo_len_resolve(bs->text_indent, o.width) : 0;
	/* R13: text that starts with two ideographic spaces is indented already */
	if (n >= 2 && cps[0] == 0x3000 && cps[1] == 0x3000)
		o.indent = 0;
	o.last_end_indent = fo_len_resolve(bs->last_line_end_indent, o.width);
	o.align = bs->text_align;
	o.align_last = bs->text_align_last;
	o.wrap = bs->wrap;
	o.hanging = bs->hanging;
	o.autospace = 1;

	struct text_line *lines = NULL;
	size_t nl = 0;
	if (L->measure)   /* automatic table layout wants widths, not lines */
		lay_measure_para(L, blk, it, n, o.indent);
	else
		nl = text_para_break(it, n, &o, &lines);
	for (size_t l = 0; l < nl; l++)
		if (lines[l].cut) {
			/* every character is kept: the run goes on on the next line */
			diag_report(L->d, DIAG_WARNING, L->fo->file, block->line, 0,
			    "text with no break opportunity is wider than the line (%.1fpt): "
			    "broken where it reaches the end of the line", o.width / 1000.0);
			break;
		}
	/* a paragraph of a flow with citations: remembered for the end of the pass */
	struct lay_cite_para *cp = NULL;
	if (!L->measure && !L->pagenum && !L->recompose && L->ncites > ncites0) {
		if (L->ncparas == L->capcparas) {
			L->capcparas = L->capcparas ? L->capcparas * 2 : 64;
			L->cparas = xrealloc(L->cparas, L->capcparas * sizeof *L->cparas);
		}
		cp = &L->cparas[L->ncparas++];
		*cp = (struct lay_cite_para){ block, first, blk, first_line, 1, nl,
			arena_alloc(L->at->arena, (nl ? nl : 1) * sizeof *cp->lines) };
		if (L->cbar_events != cbar_events0)
			cp->patchable = 0;
		for (size_t i = 0; i < n; i++)
			if (cs.v[i].pnum || cs.v[i].note || (objs[i] && !lay_obj_simple(objs[i])))
				cp->patchable = 0;
	}
	mpt cx = blk->pad[SIDE_START] + blk->bw[SIDE_START];
	for (size_t l = 0; l < nl; l++) {
		mpt above = 0, below = 0;
		/* the strut: the block's own font and line height */
		{
			const struct text_fontset *set = lay_fontset(L, bs);
			mpt a = bs->font_size * 4 / 5, d = bs->font_size / 5;
			struct text_face *pf = text_fontset_primary(set);
			if (pf) {
				a = text_units(pf, pf->ascender, bs->font_size);
				d = -text_units(pf, pf->descender, bs->font_size);
			}
			mpt half = (bs->line_height - (a + d)) / 2;
			above = half + a;
			below = bs->line_height - above;
		}
		for (size_t i = lines[l].start; i < lines[l].end; i++) {
			if (it[i].hidden)
				continue;
			const struct fo_style *st = g[i].st;
			mpt half = (st->line_height - (g[i].asc + g[i].desc)) / 2;
			mpt sh = bs->shifts_ignored ? 0 : shift_of(st, st->font_size);
			mpt ab = half + g[i].asc + sh, be = st->line_height - (half + g[i].asc) - sh;
			if (g[i].obj || g[i].lobj) {   /* an object's allocation is its border box: no leading */
				ab = g[i].asc + sh;
				be = g[i].desc - sh;
			}
			if (ab > above)
				above = ab;
			if (be > below)
				below = be;
		}
		struct area *la = area_new(L->at, AREA_LINE, NULL);
		la->x = cx;
		la->y = 0;
		la->w = o.width;
		la->h = above + below;
		la->baseline = above;
		la->line = block->line;
		build_runs(L, la, it, g, cps, lines[l].start, lines[l].end, above);
		/* runs are relative to the line's origin */
		for (struct area *r = la->first; r; r = r->next)
			lay_translate(r, cx, 0);
		lay_obj_areas(L, la, it, objs, lines[l].start, lines[l].end, above, cx);

		/* widows and orphans: no break that leaves too few lines */
		int before = (int)l, after = (int)(nl - l);
		int ok = l == 0 ? vl_boundary_ok(vl)
		    : before >= bs->orphans && after >= bs->widows && !vl->in_keep;
		if (cp)
			cp->lines[l] = la;
		struct vitem *v = vl_push(vl, V_LINE, la->h);
		v->brk_ok = (uint8_t)ok;
		v->blk = blk;
		v->line = la;
		v->cbar = L->ncbar ? L->cbar[L->ncbar - 1] : NULL;
		/* footnotes cited in the line, and in its inline-containers */
		int nn = 0;
		const struct fo_node *const *on;
		for (size_t i = lines[l].start; i < lines[l].end; i++)
			nn += (cs.v[i].note != NULL) + lay_obj_notes(g[i].lobj, &on);
		if (nn > 0) {
			v->notes = arena_alloc(L->at->arena, (size_t)nn * sizeof *v->notes);
			for (size_t i = lines[l].start; i < lines[l].end; i++) {
				if (cs.v[i].note)
					v->notes[v->nnotes++] = cs.v[i].note;
				for (int k = lay_obj_notes(g[i].lobj, &on); k > 0; k--)
					v->notes[v->nnotes++] = *on++;
			}
		}
		for (size_t i = lines[l].start; i < lines[l].end && v->cbar == NULL; i++)
			v->cbar = cs.v[i].cbar;
		if (l == 0 && nids > 0) {
			v->ids = arena_alloc(L->at->arena, (size_t)nids * sizeof *v->ids);
			memcpy(v->ids, ids, (size_t)nids * sizeof *ids);
			v->nids = nids;
		}
		vl->keep_next = 0;
		vl->space_at = SIZE_MAX;
	}
	free(ids);
	free(lines);
	free(per_char);
	free(latin);
	free(cs.v);
	return c;
}

void
lay_translate(struct area *a, mpt dx, mpt dy)
{
	a->x += dx;
	a->y += dy;
	if (a->kind == AREA_LINE || a->kind == AREA_RUN)
		a->baseline += dy;
	for (struct area *c = a->first; c; c = c->next)
		lay_translate(c, dx, dy);
}
