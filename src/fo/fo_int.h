/*
 * fo — internal interface between the files of the FO stage:
 *
 *   fo_build.c      the tree: elements to nodes, styles interned, markers
 *                   restyled where they are retrieved
 *   fo_elem.c       the element table: names, content models, the subset
 *   fo_names.c      the properties that are names, into node fields
 *   fo_rx.c         RenderX's index extensions read as XSL 1.1's
 *   fo_content.c    normalised content: blocks out of inlines,
 *                   text-transform, small-caps
 *   fo_meta.c       document metadata and unique ids
 *   fo_prop.c       the property table and the lookup of a name
 *   fo_shorthand.c  shorthands expanded into their components
 *   fo_value.c      one value parsed into its field, by kind
 *   fo_style.c      a computed style: initial values, inheritance,
 *                   from-parent(), the order of the table
 *   fo_expr.c       length expressions
 *   fo_check.c      the tree's invariants
 */
#ifndef FOLIO_FO_INT_H
#define FOLIO_FO_INT_H

#include <string.h>

#include "fo.h"

struct style_ctx {
	struct diag      *d;
	const char       *file;
	int               line;
	const char       *prop;      /* property being applied, for messages */
	struct arena     *arena;
};

/* A keyword a property takes and the value it stands for. */
struct fo_keyword {
	const char *name;
	uint8_t     value;
};

/* One property of the supported subset.  Table in fo_prop.c. */
struct prop_def {
	const char *name;
	uint8_t     kind;       /* enum prop_kind */
	int8_t      arg;        /* side, component or flags, by kind */
	uint8_t     inherited;  /* inherited (XSL 1.1 §5.1.4); for docs/fo-subset.md */
	const char *initial;    /* for docs/fo-subset.md */
	uint16_t    off;        /* the field the value goes to: offset in struct fo_style */
	const struct fo_keyword *kw;  /* PK_KEYWORD: its keywords, NULL-terminated */
};

/*
 * The kinds of value a property takes, each with the one function that
 * parses it into struct fo_style (the dispatch table of fo_value.c, built
 * from this same list so that it covers every kind).  Kinds that name a
 * field by its offset (keyword, length, colour, integer …) serve many
 * properties; the rest are the few whose values need their own grammar.
 */
#define PROP_KINDS(X) \
	X(PK_RAW,            apply_none)          /* a name, read into the node (fo_names.c) */ \
	X(PK_KEYWORD,        apply_keyword)       /* one of p->kw, into a uint8_t at p->off */ \
	X(PK_LENGTH,         apply_length)        /* struct fo_len at p->off; arg: LEN_* flags */ \
	X(PK_ABS,            apply_abs)           /* mpt at p->off; arg: ABS_* flags */ \
	X(PK_COLOR,          apply_color)         /* uint32_t at p->off; arg 1: transparent too */ \
	X(PK_INT,            apply_int)           /* int32_t at p->off; arg: index of int_ranges */ \
	X(PK_CODE,           apply_code)          /* char[arg] at p->off: language, country */ \
	X(PK_CHAR,           apply_char)          /* one character, uint32_t at p->off */ \
	X(PK_FONT_FAMILY,    apply_font_family) \
	X(PK_FONT_SIZE,      apply_font_size) \
	X(PK_FONT_WEIGHT,    apply_font_weight) \
	X(PK_LINE_HEIGHT,    apply_line_height) \
	X(PK_INDENT,         apply_indent)        /* arg: 0 start, 1 end */ \
	X(PK_MARGIN,         apply_margin)        /* arg: side */ \
	X(PK_SPACE,          apply_space)         /* arg: 0 before, 1 after */ \
	X(PK_SPACE_COMP,     apply_space_comp)    /* arg: which*8 + component */ \
	X(PK_PADDING,        apply_padding)       /* arg: side */ \
	X(PK_BORDER_WIDTH,   apply_border_width)  /* arg: side */ \
	X(PK_KEEP,           apply_keep)          /* arg: 0 next, 1 previous, 2 together */ \
	X(PK_KEEP_COMP,      apply_keep_comp)     /* arg: which*4 + component */ \
	X(PK_DECORATION,     apply_decoration) \
	X(PK_BASELINE_SHIFT, apply_baseline_shift) \
	X(PK_BORDER_SEP,     apply_border_sep)    /* arg: -1 both, 0 inline, 1 block direction */ \
	X(PK_LEADER_LENGTH,  apply_leader_length) /* arg: -1 all, 0 minimum, 1 optimum, 2 maximum */ \
	X(PK_LEADER_PW,      apply_leader_pw) \
	X(PK_REF_ORIENT,     apply_ref_orient) \
	X(PK_INITIAL_PAGE,   apply_initial_page) \
	X(PK_CONTENT_SIZE,   apply_content_size)  /* arg: 0 width, 1 height */ \
	X(PK_BG_POS,         apply_bg_pos)        /* arg: 0 horizontal, 1 vertical */ \
	X(PK_FORMAT,         apply_format) \
	X(PK_GROUPING_SEP,   apply_grouping_sep) \
	/* shorthands: expanded before computing (fo_shorthand.c) */ \
	X(PK_SH_MARGIN,      apply_none) \
	X(PK_SH_PADDING,     apply_none) \
	X(PK_SH_BORDER,      apply_none)          /* arg: side, or -1 for all */ \
	X(PK_SH_BORDER_WIDTH, apply_none) \
	X(PK_SH_BORDER_STYLE, apply_none) \
	X(PK_SH_BORDER_COLOR, apply_none) \
	X(PK_SH_WHITE_SPACE, apply_none) \
	X(PK_SH_PAGE_BREAK,  apply_none)          /* arg: 0 before, 1 after, 2 inside */ \
	X(PK_SH_FONT,        apply_none) \
	X(PK_SH_VALIGN,      apply_none) \
	X(PK_SH_BG_POS,      apply_none) \
	X(PK_SH_XML_LANG,    apply_none)          /* xml:lang: language and country */

enum prop_kind {
#define KIND_ENUM(k, fn) k,
	PROP_KINDS(KIND_ENUM)
#undef KIND_ENUM
	PK__COUNT
};

/* PK_LENGTH flags */
#define LEN_NOAUTO      1   /* auto is not a value */
#define LEN_INDEFINITE  2   /* indefinite means auto */
/* PK_ABS flags */
#define ABS_NORMAL      1   /* normal means 0 */
#define ABS_NONNEG      2   /* a negative value is taken as 0 */
#define ABS_SPACING     4   /* letter- and word-spacing: within ±LIMIT_FONT_SIZE_MAX,
                             * so that no sum along a line can overflow */

/* PK_INT: the whole numbers a property takes, and its one keyword */
struct fo_int_range {
	long        lo, hi;
	const char *kw;      /* or NULL */
	int32_t     kwval;
};

/* fo_prop.c: the table, and the keywords other files parse with */
extern const struct prop_def fo_props[];
extern const size_t fo_nprops;
extern const struct fo_int_range fo_int_ranges[];
extern const struct fo_keyword fo_kw_border_style[], fo_kw_conditionality[];
int  fo_prop_lookup(const char *name);      /* index or -1 */
/* The index of border-SIDE-color (which 0), of its relative name (1), of
 * border-SIDE-width (2) and of its relative name (3); side: enum fo_side. */
int  fo_prop_border(int side, int which);

static inline int
fo_is(const char *v, const char *kw)
{
	return strcmp(v, kw) == 0;
}

/* fo_value.c: one value into its field; a bad value's warning */
void fo_value_apply(struct fo_style *s, const struct fo_style *parent,
    const struct prop_def *p, const char *v, struct style_ctx *c);
/* The size of the field of a kind that sets one (by offset), else 0. */
size_t fo_value_size(const struct prop_def *p);
/* Warn that v is not what the property expects; the value is ignored. */
void fo_value_bad(struct style_ctx *c, const char *v, const char *expected);

/* fo_shorthand.c */
/* Expand shorthands in spec (indexed like fo_props) into their components. */
void fo_props_expand(const char **spec, struct style_ctx *c);
/* Split v in place into at most max words at white space outside
 * parentheses. */
void fo_split_words(char *v, char **w, int *n, int max);

/* fo_style.c */
void fo_style_initial(struct fo_style *s);  /* initial values of everything */
/* Compute the style of an element from its parent's and its attributes. */
void fo_style_compute(struct fo_style *s, const struct fo_style *parent,
    const char **spec, struct style_ctx *c);

/* the namespaces the FO stage reads */
#define FO_NS     "http://www.w3.org/1999/XSL/Format"
#define FOLIO_NS  "urn:folio:fo"
#define RX_NS     "http://www.renderx.com/XSL/Extensions"
#define XML_NS_URI "http://www.w3.org/XML/1998/namespace"
#define DC_NS     "http://purl.org/dc/elements/1.1/"
#define SVG_NS    "http://www.w3.org/2000/svg"
#define PDF_NS    "http://ns.adobe.com/pdf/1.3/"

/* fo_elem.c: the element table.  What an element may contain, for the
 * structure checks: */
enum fo_model {
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
	C_ITEM,      /* list-item-label, then list-item-body */
	C_CITES,     /* index-page-citation-list: its separators, index-key-references */
	C_KEYREF     /* index-key-reference: index-page-number-prefix, -suffix */
};
enum fo_type  fo_elem_lookup(const char *name);   /* FO__MAX: not an FO folio knows */
enum fo_model fo_elem_model(enum fo_type t);
int           fo_elem_block(enum fo_type t);      /* a block-level FO */
/* May an element of type t be a child of one with content model parent? */
int           fo_elem_allowed(enum fo_model parent, enum fo_type t);

/* fo_rx.c: RenderX's index extensions read as XSL 1.1's */
enum fo_type fo_rx_lookup(const struct xnode *x);   /* FO__MAX: not one of them */
int  fo_rx_attr(const struct xnode *x, const char *name);   /* an attribute of its own */
const char *fo_rx_key(const struct xnode *x);       /* rx:key, or NULL */
/* Rows of the subset's element table (docs/fo-subset.md). */
void fo_rx_subset(void *stream);
/* An rx:page-index built: its separators and merging as XSL 1.1 has them. */
void fo_rx_finish(struct arena *a, struct fo_node *n);

/* fo_content.c: content normalised as the tree is built */
void fo_append(struct fo_node *parent, struct fo_node *n);
/* A new FO of type t made in a, with style st, from source line line. */
struct fo_node *fo_node_new(struct arena *a, enum fo_type t, const struct fo_style *st, int line);
/* The children of block n with every inline that holds blocks split. */
void fo_hoist_blocks(struct arena *a, struct fo_node *n);
/* text-transform of tn's style applied to its text (a copy in a). */
void fo_text_transform(struct arena *a, struct fo_node *tn);
/* Text node tn appended to n with its small letters as capitals in
 * inlines at 80 % of the size (font-variant="small-caps"). */
void fo_small_caps(struct arena *a, struct fo_node *n, struct fo_node *tn);

/* fo_meta.c */
void fo_meta_read(struct fo_tree *t);   /* title, author … from declarations */
void fo_ids_check(const struct fo_tree *t, struct diag *d);   /* ids unique */

/* fo_names.c: read the names n carries (master-name, flow-name, ref-id …) from its
 * element x into n's typed fields, warning where a required one is
 * missing. */
void fo_names_read(struct fo_tree *t, struct fo_node *n, const struct xnode *x, struct diag *d);
/* Check the names across the tree (master names unique). */
void fo_names_check(const struct fo_tree *t, struct diag *d);

/* fo_expr.c: length expression evaluation; em_base is the font size for em. */
int  fo_expr_length(const char *text, mpt em_base, struct fo_len *out);
/* A plain number, e.g. line-height="1.5": value ×1000. */
int  fo_expr_number(const char *text, int32_t *out_x1000);

#endif
