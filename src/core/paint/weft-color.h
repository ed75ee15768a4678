/* weft-color.h: a colour as the painters draw with it
 *
 * The graph painter (core/graph) and the timeline painter (core/timeline)
 * may not include each other, and core/model knows no cairo; what they
 * share about colour lives here, below both.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} WeftColor;

/* A WeftColor initializer from 0xRRGGBB and an alpha. */
#define WEFT_COLOR_HEX(hex, a) \
  { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

/* 0xRRGGBB with @alpha. */
WeftColor weft_color_from_rgb   (guint32          rgb,
                                 double           alpha);
/* Sets @color as @cr's source, its alpha multiplied by @alpha. */
void      weft_color_set_source (cairo_t         *cr,
                                 const WeftColor *color,
                                 double           alpha);

/* The relative luminance of @color (WCAG 2), its alpha ignored. */
double    weft_color_luminance  (const WeftColor *color);
/* The contrast ratio of two colours (WCAG 2): 1 to 21. */
double    weft_color_contrast   (const WeftColor *a,
                                 const WeftColor *b);
/* Black or white, whichever reads better on @background. */
WeftColor weft_color_readable_on (const WeftColor *background);

G_END_DECLS
