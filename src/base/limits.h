/*
 * Every cap folio enforces, each with its reason.  Exceeding one is a
 * diagnostic, never a crash.
 */
#ifndef FOLIO_LIMITS_H
#define FOLIO_LIMITS_H

#define LIMIT_DEPTH          200     /* FO nesting depth: deeper is hostile input */
#define LIMIT_PAGES          100000  /* pages per document: runaway layout guard */
#define LIMIT_PAGE_NUMBER    1000000000 /* initial-page-number: with LIMIT_PAGES
                                         * more, a page number still fits an int */
#define LIMIT_PAGE_MIN       PT(36)  /* smallest page side: half an inch */
#define LIMIT_PAGE_MAX       PT(14400) /* largest page side: PDF's 200 in */
#define LIMIT_FONT_SIZE_MAX  PT(1000)  /* larger is an error in the source */
#define LIMIT_FONT_SIZE_MIN  100       /* 0.1 pt */
#define LIMIT_LINE_HEIGHT_FACTOR 1000000 /* line-height as a number (×1000): 1000 */
#define LIMIT_LENGTH_MAX     PT(100000) /* any length, and any sum of lengths layout
                                         * keeps (nested margins, borders, padding,
                                         * indents): sums saturate here (mpt_add)
                                         * with a warning, so mpt arithmetic on a
                                         * few of them stays in range */
#define LIMIT_SOURCE_BYTES   (256L << 20) /* an XML file read into memory: libxml2
                                        * takes an int size; larger is not a document */
#define LIMIT_DIAG_MSGS      2000    /* messages kept; the rest are counted */
#define LIMIT_EXPR_DEPTH     32      /* nesting of parentheses in expressions */
#define LIMIT_EMPTY_PAGES    50      /* pages in a row without progress */
#define LIMIT_LAYOUT_PASSES  4       /* passes until page citations settle: 2 in practice */
#define LIMIT_TABLE_COLUMNS  1000    /* columns of one table: wider is hostile input */
#define LIMIT_TABLE_SPAN     1000    /* number-columns-repeated/-spanned, number-rows-spanned */

/* graphics: images and SVG drawings (docs/graphics.md) */
#define LIMIT_IMAGE_BYTES    (256L << 20) /* an image file read into memory */
#define LIMIT_IMAGE_SIDE     65535   /* pixels per side: JPEG's own maximum */
#define LIMIT_IMAGE_PIXELS   40000000L /* decoded pixels (A4 at 600 dpi is 35 M) */
#define LIMIT_IMAGE_DECODED  (300L << 20) /* memory to decode one PNG: inflated rows
                                        * and 8-bit samples; A4 at 600 dpi in RGB
                                        * with alpha takes 280 MB, 40 M pixels at
                                        * 16 bits 360-480 MB are refused */
#define LIMIT_BG_TILES 4096       /* tiles of one area's background image: a
                                        * 1-pixel image repeated over an A4 page
                                        * would be 560,000 image draws (tens of
                                        * MB of page content); past the cap the
                                        * rest is left unpainted, warned */
#define LIMIT_IMAGES_DECODED (1L << 30) /* decoded PNG samples of a whole document,
                                        * counted 4 bytes a pixel: the PDF writer
                                        * holds every embedded image until the
                                        * file is written */
#define LIMIT_OBJECT_SIZE    PT(14400) /* an image's or drawing's side: the largest page */
#define LIMIT_SVG_DEPTH      64      /* nesting of svg, g, use and marker in a drawing */
#define LIMIT_SVG_ELEMENTS   100000  /* elements visited per drawing, each use instance
                                      * counted: stops exponential use chains */
#define LIMIT_SVG_DOC_ELEMENTS 250000L /* elements of all drawings of a document
                                      * (each layout pass), each use instance
                                      * counted: fifty drawings at the cap
                                      * above took 76 s and 2 GB; this is
                                      * about 4 s (a flowchart has hundreds) */
#define LIMIT_SVG_POINTS     1000000 /* path points per drawing: bounds memory */
#define LIMIT_SVG_DASHES     10000   /* dashes along a path before dashing is dropped:
                                      * a hair-fine dash array would stall viewers */

#endif
