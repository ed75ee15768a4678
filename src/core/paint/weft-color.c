/* weft-color.c: a colour as the painters draw with it
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include "weft-color.h"

WeftColor
weft_color_from_rgb (guint32 rgb,
                     double  alpha)
{
  return (WeftColor) WEFT_COLOR_HEX (rgb, alpha);
}

void
weft_color_set_source (cairo_t         *cr,
                       const WeftColor *color,
                       double           alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}
