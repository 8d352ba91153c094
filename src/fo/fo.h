/*
 * fo — the FO tree.  Input: a struct xdoc holding an fo:root.  Output: a
 * tree of typed nodes with computed property values (struct fo_style),
 * normalised so that layout can trust it: shorthands expanded, inheritance
 * and initial values applied, lengths in millipoints, unsupported elements
 * and properties reported once with file:line.
 */
#ifndef FOLIO_FO_H
#define FOLIO_FO_H

#include "../base/base.h"

struct xdoc;
struct xnode;
struct fo_rebuild;

enum fo_type {
	FO_ROOT,
	FO_LAYOUT_MASTER_SET,
	FO_SIMPLE_PAGE_MASTER,
	FO_REGION_BODY,
	FO_REGION_BEFORE,
	FO_REGION_AFTER,
	FO_REGION_START,
	FO_REGION_END,
	FO_DECLARATIONS,
	FO_PAGE_SEQUENCE,
	FO_TITLE,
	FO_FLOW,
	FO_STATIC_CONTENT,
	FO_BLOCK,
	FO_BLOCK_CONTAINER,
	FO_TABLE,
	FO_TABLE_COLUMN,
	FO_TABLE_HEADER,
	FO_TABLE_FOOTER,
	FO_TABLE_BODY,
	FO_TABLE_ROW,
	FO_TABLE_CELL,
	FO_LIST_BLOCK,
	FO_LIST_ITEM,
	FO_LIST_ITEM_LABEL,
	FO_LIST_ITEM_BODY,
	FO_LEADER,
	FO_INLINE_CONTAINER,
	FO_INLINE,
	FO_WRAPPER,
	FO_CHARACTER,
	FO_PAGE_NUMBER,
	FO_EXTERNAL_GRAPHIC,
	FO_INSTREAM_FOREIGN_OBJECT,
	FO_PAGE_NUMBER_CITATION,
	FO_PAGE_NUMBER_CITATION_LAST,
	FO_BASIC_LINK,
	FO_BOOKMARK_TREE,
	FO_BOOKMARK,
	FO_BOOKMARK_TITLE,
	FO_CHANGE_BAR_BEGIN,
	FO_CHANGE_BAR_END,
	FO_PAGE_SEQUENCE_MASTER,
	FO_SINGLE_PAGE_MASTER_REFERENCE,
	FO_REPEATABLE_PAGE_MASTER_REFERENCE,
	FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES,
	FO_CONDITIONAL_PAGE_MASTER_REFERENCE,
	FO_MARKER,
	FO_RETRIEVE_MARKER,
	FO_FOOTNOTE,
	FO_FOOTNOTE_BODY,
	/* indexes, XSL 1.1 §6.10 (docs/index.md) */
	FO_INDEX_RANGE_BEGIN,
	FO_INDEX_RANGE_END,
	FO_INDEX_PAGE_CITATION_LIST,
	FO_INDEX_KEY_REFERENCE,
	FO_INDEX_PAGE_CITATION_LIST_SEPARATOR,
	FO_INDEX_PAGE_CITATION_RANGE_SEPARATOR,
	FO_INDEX_PAGE_NUMBER_PREFIX,
	FO_INDEX_PAGE_NUMBER_SUFFIX,
	FO_TEXT,            /* character data, not an element */
	FO__MAX
};

/*
 * A length that may depend on a reference length known only at layout:
 * abs + pct × reference, plus the parts only layout can resolve — the
 * proportional-column-width() of a table column and the list functions
 * label-end() and body-start() (XSL 1.1 §5.10.4).
 */
struct fo_len {
	mpt      abs;      /* millipoints */
	int32_t  pct;      /* hundredths of a percent of the reference */
	uint8_t  is_auto;  /* the keyword auto */
	int32_t  prop;     /* proportional-column-width() units ×1000 */
	int16_t  label_end, body_start;  /* coefficients of label-end(), body-start() */
};

/* A space specifier, XSL 1.1 §4.3 (space-before/after). */
struct fo_space {
	mpt      min, opt, max;  /* millipoints */
	uint8_t  retain;         /* conditionality retain */
	int32_t  precedence;     /* INT32_MAX = force */
};

enum fo_border_style {
	BORDER_NONE,
	BORDER_SOLID,
	BORDER_DASHED,
	BORDER_DOTTED,
	BORDER_DOUBLE
};

struct fo_border {
	uint8_t  style;   /* enum fo_border_style */
	mpt      width;   /* millipoints; 0 when style is none */
	uint32_t color;   /* 0xRRGGBB */
};

enum fo_side { SIDE_BEFORE, SIDE_AFTER, SIDE_START, SIDE_END };  /* top, bottom, left, right in lr-tb */

enum fo_align {
	ALIGN_START,
	ALIGN_CENTER,
	ALIGN_END,
	ALIGN_JUSTIFY,
	ALIGN_RELATIVE   /* text-align-last only */
};

enum fo_break { BREAK_AUTO, BREAK_PAGE, BREAK_COLUMN, BREAK_EVEN_PAGE, BREAK_ODD_PAGE };

enum fo_lf { LF_TREAT_AS_SPACE, LF_IGNORE, LF_PRESERVE, LF_TREAT_AS_ZWSP };
enum fo_wst { WST_IGNORE_IF_SURROUNDING_LINEFEED, WST_IGNORE, WST_PRESERVE,
	WST_IGNORE_IF_BEFORE_LINEFEED, WST_IGNORE_IF_AFTER_LINEFEED };

enum fo_deco { DECO_UNDERLINE = 1, DECO_LINE_THROUGH = 2, DECO_OVERLINE = 4 };

enum fo_shift { SHIFT_BASELINE, SHIFT_SUB, SHIFT_SUPER, SHIFT_LENGTH };

enum fo_leader { LEADER_SPACE, LEADER_RULE, LEADER_DOTS, LEADER_USE_CONTENT };

enum fo_abspos { ABSPOS_AUTO, ABSPOS_ABSOLUTE, ABSPOS_FIXED };

/* page sequences and their masters, XSL 1.1 §6.4 and §7.27 */
enum fo_ipn { IPN_AUTO, IPN_AUTO_ODD, IPN_AUTO_EVEN, IPN_NUMBER };
enum fo_fpc { FPC_AUTO, FPC_EVEN, FPC_ODD, FPC_END_ON_EVEN, FPC_END_ON_ODD, FPC_NO_FORCE };
enum fo_pagepos { PAGEPOS_ANY, PAGEPOS_FIRST, PAGEPOS_LAST, PAGEPOS_REST, PAGEPOS_ONLY };
enum fo_oddeven { ODDEVEN_ANY, ODDEVEN_ODD, ODDEVEN_EVEN };
enum fo_blankness { BLANKNESS_ANY, BLANKNESS_BLANK, BLANKNESS_NOT_BLANK };
enum fo_letter_value { LETTER_AUTO, LETTER_ALPHABETIC, LETTER_TRADITIONAL };
/* a page-sequence's format, §7.26.1: the numbering its page numbers use */
enum fo_numfmt { NUMFMT_DECIMAL, NUMFMT_ROMAN_LOWER, NUMFMT_ROMAN_UPPER, NUMFMT_ALPHA_LOWER,
	NUMFMT_ALPHA_UPPER, NUMFMT_CHINESE };
/* fo:retrieve-marker, §7.24 */
enum fo_retrieve_pos { RETRIEVE_FIRST_STARTING, RETRIEVE_FIRST_CARRYOVER,
	RETRIEVE_LAST_STARTING, RETRIEVE_LAST_ENDING };
enum fo_retrieve_bnd { RETRIEVE_PAGE_SEQUENCE, RETRIEVE_PAGE, RETRIEVE_DOCUMENT };
/* content-width and content-height, §7.15.5 */
enum fo_content { CONTENT_AUTO, CONTENT_FIT, CONTENT_DOWN, CONTENT_UP, CONTENT_LENGTH };

#define KEEP_AUTO    0
#define KEEP_ALWAYS  INT32_MAX
#define COLOR_NONE   0xFFFFFFFFu

/*
 * Computed values of one node.  Interned: nodes with equal values share one
 * struct, so compare pointers for equality.  Never modified after interning.
 */
/* unicode-bidi: how an inline's direction takes part in the bidi algorithm */
enum fo_unicode_bidi { UBIDI_NORMAL, UBIDI_EMBED, UBIDI_OVERRIDE };

enum fo_text_transform { TT_NONE, TT_UPPER, TT_LOWER, TT_CAPITALIZE };
enum fo_bg_repeat { BG_REPEAT, BG_REPEAT_X, BG_REPEAT_Y, BG_NO_REPEAT };

struct fo_style {
	/* font */
	const char  *font_family;     /* interned comma list */
	mpt          font_size;       /* millipoints */
	int32_t      font_weight;     /* 100..900 */
	uint8_t      font_italic;     /* italic or oblique */
	/* line */
	int32_t      lh_factor;       /* line-height as a number ×1000, or 0 */
	mpt          line_height;     /* computed line height, millipoints */
	uint8_t      text_align;      /* enum fo_align */
	uint8_t      text_align_last; /* enum fo_align */
	struct fo_len text_indent;
	struct fo_len last_line_end_indent;
	mpt          letter_spacing;  /* millipoints */
	mpt          word_spacing;    /* millipoints added to a space */
	uint8_t      linefeed;        /* enum fo_lf */
	uint8_t      ws_collapse;     /* boolean */
	uint8_t      ws_treatment;    /* enum fo_wst */
	uint8_t      wrap;            /* wrap-option: 1 wrap, 0 no-wrap */
	uint8_t      decoration;      /* enum fo_deco bits in effect */
	uint8_t      shift;           /* enum fo_shift */
	struct fo_len shift_len;      /* baseline-shift length, % of line-height */
	uint8_t      hanging;         /* hanging punctuation (R14) */
	int32_t      keep_within_line;/* keep-together.within-line */
	int32_t      keep_next_line;  /* keep-with-next.within-line (not inherited) */
	int32_t      keep_prev_line;  /* keep-with-previous.within-line (not inherited) */
	char         language[12];
	char         country[8];
	/* hyphenation, §7.10 (docs/hyphenation.md); all inherited */
	uint8_t      hyphenate;       /* hyphenate="true" */
	uint32_t     hyph_char;       /* hyphenation-character, U+2010 by default */
	int32_t      hyph_push;       /* hyphenation-push-character-count */
	int32_t      hyph_remain;     /* hyphenation-remain-character-count */
	int32_t      hyph_ladder;     /* hyphenation-ladder-count; 0: no-limit */
	int32_t      widows, orphans;
	/* colour */
	uint32_t     color;           /* 0xRRGGBB */
	uint32_t     background;      /* 0xRRGGBB or COLOR_NONE */
	/* box */
	struct fo_len start_indent, end_indent;  /* relative to the reference area */
	uint8_t      start_indent_set, end_indent_set;
	struct fo_len margin[4];      /* enum fo_side order */
	uint8_t      margin_set[4];
	struct fo_len padding[4];
	struct fo_border border[4];
	struct fo_space space_before, space_after;
	/* breaks and keeps */
	uint8_t      break_before, break_after;   /* enum fo_break */
	int32_t      keep_with_next, keep_with_previous, keep_together;
	/* page geometry (simple-page-master, regions) and containers */
	struct fo_len width, height;   /* page-width/height, width/height */
	mpt          extent;           /* region-before/after/start/end */
	uint8_t      display_align;    /* 0 before, 1 center, 2 after */
	/* tables, XSL 1.1 §6.7 and §7.28 */
	uint8_t      table_fixed;      /* table-layout="fixed" */
	uint8_t      collapse;         /* border-collapse="collapse" */
	uint8_t      empty_cells_hide; /* empty-cells="hide" */
	uint8_t      omit_header, omit_footer;  /* table-omit-header/footer-at-break */
	uint8_t      starts_row, ends_row;
	mpt          border_sep[2];    /* border-separation: inline, block direction */
	struct fo_len column_width;    /* length, %, proportional-column-width() */
	int32_t      cols_repeated;    /* number-columns-repeated */
	int32_t      cols_spanned, rows_spanned;  /* number-columns/rows-spanned */
	int32_t      column_number;    /* 0: auto */
	/* lists, §6.8 */
	struct fo_len dist_starts;     /* provisional-distance-between-starts */
	struct fo_len label_sep;       /* provisional-label-separation */
	uint8_t      rel_align_baseline; /* relative-align="baseline" */
	/* leaders, §6.6.9 and §7.22 */
	uint8_t      leader_pattern;   /* enum fo_leader */
	uint8_t      leader_align;     /* leader-alignment: 0 none, 1 reference-area, 2 page */
	struct fo_len leader_len[3];   /* leader-length minimum, optimum, maximum */
	struct fo_len leader_pw;       /* leader-pattern-width; auto: use-font-metrics */
	mpt          rule_thickness;   /* millipoints */
	uint8_t      rule_style;       /* enum fo_border_style */
	/* positioned and rotated containers, §7.6 and §7.21.3 */
	uint8_t      abs_pos;          /* enum fo_abspos */
	uint8_t      overflow_hidden;  /* overflow="hidden" (or scroll) */
	int16_t      ref_orient;       /* reference-orientation: 0, 90, 180, 270 */
	struct fo_len pos[4];          /* top, bottom, left, right (enum fo_side order) */
	/* page sequences and masters, §6.4 and §7.27 */
	uint8_t      ipn_kind;         /* enum fo_ipn */
	int32_t      ipn;              /* IPN_NUMBER: 1..LIMIT_PAGE_NUMBER */
	uint8_t      force_page_count; /* enum fo_fpc */
	uint8_t      page_position;    /* enum fo_pagepos */
	uint8_t      odd_or_even;      /* enum fo_oddeven */
	uint8_t      blankness;        /* blank-or-not-blank: enum fo_blankness */
	int32_t      max_repeats;      /* maximum-repeats; -1: no-limit */
	uint8_t      letter_value;     /* enum fo_letter_value */
	uint8_t      num_format;       /* format: enum fo_numfmt */
	uint8_t      num_width;        /* NUMFMT_DECIMAL: zero-padded to this many digits (01: 2) */
	uint32_t     grouping_sep;     /* grouping-separator: a code point, 0 for none */
	int32_t      grouping_size;    /* 0: no grouping */
	/* change bars, §7.7: inherited, except the class */
	uint32_t     cbar_color;       /* COLOR_NONE: the color property */
	mpt          cbar_offset, cbar_width;
	uint8_t      cbar_end;         /* change-bar-placement end, right or outside */
	uint8_t      cbar_style;       /* enum fo_border_style */
	/* bookmarks, links and markers, §6.12, §6.13 */
	uint8_t      starting_hide;    /* starting-state="hide" */
	uint8_t      caption_after;    /* caption-side after, bottom or end */
	uint8_t      precedence;       /* region-before/-after: spans the start and end regions */
	uint8_t      float_side, clear_side;  /* float, clear: validated; not laid out yet */
	uint8_t      text_transform;   /* enum fo_text_transform; applied when the tree is built */
	uint8_t      small_caps;       /* font-variant="small-caps"; made when the tree is built */
	int32_t      column_count;     /* region-body */
	mpt          column_gap;
	uint8_t      span_all;         /* span="all": across the columns (children of fo:flow) */
	uint8_t      shifts_ignored;   /* line-height-shift-adjustment="disregard-shifts" */
	uint8_t      edge_retain;      /* border-/padding-*.conditionality="retain" */
	uint8_t      lr_tb;            /* font-selection-strategy: the one value folio has */
	uint8_t      writing_rl;       /* writing-mode rl-tb: paragraphs right to left */
	uint8_t      direction_rtl;    /* direction="rtl" (for unicode-bidi) */
	uint8_t      unicode_bidi;     /* enum fo_unicode_bidi */
	struct fo_len min_height;     /* block-progression-dimension.minimum (table rows) */
	uint8_t      show_new;         /* show-destination="new" */
	uint8_t      retrieve_pos;     /* enum fo_retrieve_pos */
	uint8_t      retrieve_bnd;     /* enum fo_retrieve_bnd */
	uint8_t      rtm_pos;          /* retrieve-position-within-table: enum fo_retrieve_pos */
	uint8_t      rtm_bnd;          /* retrieve-boundary-within-table: 0 table, 1 table-fragment, 2 page */
	/* graphics, §7.15 */
	uint8_t      scaling_free;     /* scaling="non-uniform" */
	uint8_t      content_mode[2];  /* content-width, content-height: enum fo_content */
	struct fo_len content_len[2];  /* CONTENT_LENGTH: % of the intrinsic size */
	/* visibility, §7.30.17: hidden (or collapse) areas keep their space
	 * and are not painted */
	uint8_t      hidden;
	/* background image, §7.8.3–§7.8.6: the file is fo_node's bg_image,
	 * placed by these */
	uint8_t      bg_repeat;        /* enum fo_bg_repeat */
	/* indexes, §7.24: page-number-treatment (not inherited) and the
	 * merge-* properties of fo:index-page-citation-list (inherited) */
	uint8_t      index_link;       /* page-number-treatment="link" */
	uint8_t      index_keep_seq;   /* merge-sequential-page-numbers="leave-separate" */
	uint8_t      index_keep_ranges;/* merge-ranges-across-index-key-references="leave-separate" */
	uint8_t      index_keep_pages; /* merge-pages-across-index-key-references="leave-separate" */
	struct fo_len bg_pos[2];       /* background-position-horizontal, -vertical:
	                                * % of the padding box less the image */
};

/* The role property, where a check after layout reads it (docs/layout-check.md) */
enum fo_role { FO_ROLE_NONE, FO_ROLE_SIGNATURE };

struct fo_node {
	enum fo_type         type;
	uint8_t              detached; /* elem, not src: the source was freed */
	uint8_t              role;     /* enum fo_role */
	const struct fo_style *style;
	struct fo_node      *parent, *first, *last, *next;
	/* While the tree is built: the element in the source (NULL for text).
	 * Once the source is freed (detached, see fo_tree_build_take): the
	 * element's local name, kept by the tree.  Read with fo_node_name. */
	union {
		const struct xnode *src;
		const char         *elem;
	};
	int                  line;    /* source line */
	uint32_t             ikey;    /* its index key: 1 + its place in the tree's
	                               * index_keys, 0 for none (most nodes); read
	                               * with fo_index_key */
	const char          *id;      /* the id property, or NULL */
	const char          *text;    /* FO_TEXT: UTF-8, not collapsed */
	size_t               textlen; /* bytes */
	const struct xnode  *foreign; /* instream-foreign-object: its SVG element */
	/* The properties that are names, read and checked when the tree is
	 * built (fo_names.c): the value as written, NULL when absent.  Which
	 * one each field holds depends on the element. */
	const char          *name;     /* the name it gives: master-name; region-name
	                                * (absent: the region's default, xsl-region-body
	                                * …); flow-name; marker-class-name;
	                                * change-bar-class */
	const char          *ref;      /* the name it refers to: master-reference;
	                                * retrieve-class-name; ref-id (citations);
	                                * internal-destination (links, bookmarks);
	                                * ref-id (fo:index-range-end) */
	const char          *uri;      /* external-destination (links, bookmarks); src
	                                * (external-graphic) */
	const char          *bg_image; /* background-image; NULL for none */
};

struct fo_tree {
	struct arena   *arena;   /* nodes and styles */
	struct xdoc    *doc;     /* owned source, or NULL once freed: kept only
	                          * while fo:marker or SVG needs it */
	struct fo_node *root;
	const char     *file;    /* source name for diagnostics */
	const char     *base;    /* directory of the source */
	const char     *title;   /* from fo:title or declarations, or NULL */
	const char     *author;  /* dc:creator or folio:info, or NULL */
	const char     *subject; /* dc:subject or dc:description */
	const char     *keywords;/* pdf:Keywords */
	const char     *language;/* from fo:root, or NULL */
	struct fo_rebuild *rebuild; /* build state for fo_marker_restyle, owned */
	/* the index keys of the nodes that have one, in the order they were read:
	 * index-key (any FO, fo:index-range-begin), or ref-index-key
	 * (fo:index-key-reference); never empty.  index-class has no effect
	 * and is not kept (docs/index.md) */
	const char   **index_keys;
	uint32_t       nindex_keys;
};

/* n's index key (see struct fo_tree), or NULL: a string valid while t lives */
const char *fo_index_key(const struct fo_tree *t, const struct fo_node *n);

/*
 * Build the FO tree of doc, taking ownership of doc.  Reports unsupported
 * elements and properties as warnings, structural errors as errors.  Returns
 * an owned tree, or NULL if the document cannot be laid out at all (its
 * document element is not fo:root, no page masters, no page sequence).
 */
struct fo_tree *fo_tree_build_take(struct xdoc *doc, struct diag *d);
void fo_tree_free(struct fo_tree *t);

/*
 * The fo:marker marker with its children styled as if they stood in an
 * element of style parent: where a retrieve-marker brings them (XSL 1.1
 * §6.13.6, they inherit from the retrieve-marker's parent).  Made once per
 * marker and style and kept in t (a cache: t is otherwise unchanged);
 * returns a borrowed node valid while t lives.
 */
const struct fo_node *fo_marker_restyle(const struct fo_tree *t, const struct fo_node *marker,
    const struct fo_style *parent);

/*
 * Assert the tree's invariants (links agree, every element has a style,
 * computed values in range).  Called by fo_tree_build_take; does nothing
 * in release builds (NDEBUG).
 */
void fo_check(const struct fo_tree *t);

/* The local name of the element n was built from ("float" for an
 * fo:float laid out as a block), or NULL for text. */
const char *fo_node_name(const struct fo_node *n);
/* The element name for n's type ("block"), for messages and dumps. */
const char *fo_type_name(enum fo_type t);

/* Resolve len against a reference length (millipoints). */
mpt fo_len_resolve(struct fo_len len, mpt ref);

/*
 * Parse a length expression (XSL 1.1 §5.9) with font_size as the em.  Returns
 * 0 and sets *out, or -1 if the text is not a length.
 */
int fo_length_parse(const char *text, mpt font_size, struct fo_len *out);
/* Parse a colour; returns 0 on success. */
int fo_color_parse(const char *text, uint32_t *out);

/* Print the supported subset (elements and properties) as Markdown. */
void fo_subset_print(void *stream);

#endif
