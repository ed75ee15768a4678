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

G_END_DECLS
