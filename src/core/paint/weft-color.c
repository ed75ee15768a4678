/* weft-color.c: a colour as the painters draw with it
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>

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

static double
linear (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
weft_color_luminance (const WeftColor *color)
{
  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) + 0.0722 * linear (color->blue);
}

double
weft_color_contrast (const WeftColor *a,
                     const WeftColor *b)
{
  double la = weft_color_luminance (a), lb = weft_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

WeftColor
weft_color_readable_on (const WeftColor *background)
{
  static const WeftColor black = WEFT_COLOR_HEX (0x000000, 1), white = WEFT_COLOR_HEX (0xffffff, 1);

  return weft_color_contrast (&black, background) >= weft_color_contrast (&white, background) ? black : white;
}
