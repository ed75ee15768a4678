/* weft-timeline-render.c: draws a laid-out timeline frame with cairo and pango
 *
 * SPDX-License-Identifier: MIT
 *
 * How dates look (and the legend says so):
 *   a day                       a dot
 *   a month, a year, a period   a bar over the days it may mean
 *   approximate end (~)         the bar's end fades softly; a dot gets a soft halo
 *   uncertain end (?)           the end is pale with a dashed edge; a dot is hollow, dashed
 *   open end (..)               the bar fades out over metrics.fade_length pixels
 * Claims show as small squares in their status colour after the title.
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "weft-hash.h"
#include "weft-timeline-render.h"

#define MAX_CACHED_LAYOUTS 4000
/* Bitmaps of titles, counts and glyphs kept for image surfaces. */
#define MAX_SPRITE_BYTES (32 * 1024 * 1024)
#define MAX_CACHED_WIDTHS 20000
#define MAX_CLAIM_MARKS 5
/* How strongly eras tint the lanes and their bands, at most. */
#define ERA_LANE_ALPHA 0.13
#define ERA_BAND_ALPHA 0.55
/* The time window tints the axis more than the lanes. */
#define HEADER_WINDOW_ALPHA 1.6
/* The selected event's box. */
#define SELECTION_ALPHA 0.16

#define RGB(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }
#define STATUSES(reported, alleged, disputed, confirmed, denied, opinion) { \
    [WEFT_STATUS_REPORTED] = RGB (reported, 1), [WEFT_STATUS_ALLEGED] = RGB (alleged, 1), \
    [WEFT_STATUS_DISPUTED] = RGB (disputed, 1), [WEFT_STATUS_CONFIRMED] = RGB (confirmed, 1), \
    [WEFT_STATUS_DENIED] = RGB (denied, 1), [WEFT_STATUS_OPINION] = RGB (opinion, 1) }

/* Colours from the GNOME palette, so that the timeline sits well beside
 * libadwaita. Claim statuses have the palette's blue, orange, purple,
 * green and red, and grey for opinions (the light orange and green a
 * shade darker, so that claim marks stand 3:1 out of the time window); lanes (event groups) take hues
 * in between, each at least 20 (CIEDE2000) from every status colour and
 * at least 3:1 against the background, in an order where neighbours
 * differ most; events without a group are near the text colour, apart
 * from the grey of opinions. Every text is at least 4.5:1 against what
 * is behind it (tests/test-timeline.c computes both from this table). */
static const WeftTimelinePalette light_palette = {
  .background = RGB (0xffffff, 1),
  .text = RGB (0x1d1d20, 1),
  .text_dim = RGB (0x57555d, 1),
  .grid = RGB (0x000000, 0.07),
  .grid_major = RGB (0x000000, 0.16),
  .header = RGB (0xf6f5f4, 1),
  .lane_stripe = RGB (0x000000, 0.028),
  .cluster = RGB (0x9a9996, 0.35),
  .cluster_text = RGB (0x241f31, 1),
  .accent = RGB (0x1c71d8, 1),
  .window = RGB (0x3584e4, 0.13),
  .neutral = RGB (0x3d3846, 1),
  .categories = {
    RGB (0x0e6b73, 1), RGB (0x9e7a00, 1), RGB (0xd16d9e, 1),
    RGB (0x61620c, 1), RGB (0x36a0b1, 1), RGB (0x7a4f2a, 1),
  },
  .statuses = STATUSES (0x3584e4, 0xdc5c00, 0x9141ac, 0x1f9460, 0xc01c28, 0x77767b),
};

static const WeftTimelinePalette dark_palette = {
  .background = RGB (0x1e1e1e, 1),
  .text = RGB (0xffffff, 0.92),
  .text_dim = RGB (0xd3d2cf, 1),
  .grid = RGB (0xffffff, 0.07),
  .grid_major = RGB (0xffffff, 0.17),
  .header = RGB (0x2a2a2a, 1),
  .lane_stripe = RGB (0xffffff, 0.03),
  .cluster = RGB (0x9a9996, 0.38),
  .cluster_text = RGB (0xffffff, 0.95),
  .accent = RGB (0x78aeed, 1),
  .window = RGB (0x78aeed, 0.16),
  .neutral = RGB (0xdbc9fd, 1),
  .categories = {
    RGB (0x3e9ea7, 1), RGB (0xd1b400, 1), RGB (0xfba9ce, 1),
    RGB (0x809a3e, 1), RGB (0x85dff0, 1), RGB (0x9c7d6a, 1),
  },
  .statuses = STATUSES (0x62a0ea, 0xffa348, 0xc061cb, 0x57e389, 0xf66151, 0xc0bfbc),
};

const WeftTimelinePalette *
weft_timeline_palette_get (gboolean dark)
{
  return dark ? &dark_palette : &light_palette;
}

void
weft_timeline_color_over (const WeftTimelineColor *over,
                          const WeftTimelineColor *under,
                          WeftTimelineColor       *result)
{
  double a = over->alpha;

  result->red = under->red * (1 - a) + over->red * a;
  result->green = under->green * (1 - a) + over->green * a;
  result->blue = under->blue * (1 - a) + over->blue * a;
  result->alpha = 1;
}

static double
relative_luminance (const WeftTimelineColor *c)
{
  double rgb[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

double
weft_timeline_color_contrast (const WeftTimelineColor *text,
                              const WeftTimelineColor *under)
{
  WeftTimelineColor seen;
  double a, b;

  weft_timeline_color_over (text, under, &seen);
  a = relative_luminance (&seen);
  b = relative_luminance (under);
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* Is @text readable on @tint over @under, and then under @first, under
 * @second and under both (each may be NULL)? */
static gboolean
readable (const WeftTimelineColor *text,
          const WeftTimelineColor *tint,
          const WeftTimelineColor *under,
          const WeftTimelineColor *first,
          const WeftTimelineColor *second)
{
  WeftTimelineColor seen[4];
  guint n = 1;

  weft_timeline_color_over (tint, under, &seen[0]);
  if (first != NULL)
    weft_timeline_color_over (first, &seen[0], &seen[n++]);
  if (second != NULL)
    weft_timeline_color_over (second, &seen[0], &seen[n++]);
  if (first != NULL && second != NULL)
    weft_timeline_color_over (second, &seen[1], &seen[n++]);
  for (guint i = 0; i < n; i++)
    if (weft_timeline_color_contrast (text, &seen[i]) < 4.5)
      return FALSE;
  return TRUE;
}

void
weft_timeline_palette_era_tint (const WeftTimelinePalette *p,
                                const WeftTimelineColor   *era,
                                gboolean                   in_lanes,
                                WeftTimelineColor         *tint)
{
  WeftTimelineColor under[2], window, selection;

  weft_timeline_palette_window_tint (p, !in_lanes, &window);
  *tint = *era;
  if (in_lanes)
    {
      /* Behind titles and secondary text, on plain and striped lanes,
       * under the time window, a selection, or both. */
      under[0] = p->background;
      weft_timeline_color_over (&p->lane_stripe, &p->background, &under[1]);
      weft_timeline_palette_text_tint (p, WEFT_TIMELINE_TEXT_LABEL, WEFT_TIMELINE_STATE_SELECTED, &selection);
      tint->alpha = ERA_LANE_ALPHA;
    }
  else
    {
      /* Its title on it, drawn over the axis or over the time window's
       * tint there. */
      under[0] = p->header;
      weft_timeline_color_over (&window, &p->header, &under[1]);
      tint->alpha = ERA_BAND_ALPHA;
    }

  for (; tint->alpha > 0.01; tint->alpha *= 0.85)
    {
      gboolean ok = TRUE;

      for (guint u = 0; u < 2 && ok; u++)
        ok = in_lanes ? readable (&p->text, tint, &under[u], &window, &selection) &&
                        readable (&p->text_dim, tint, &under[u], &window, &selection)
                      : readable (&p->text, tint, &under[u], NULL, NULL);
      if (ok)
        return;
    }
  tint->alpha = 0;
}

const WeftTimelineColor *
weft_timeline_palette_text_color (const WeftTimelinePalette *p,
                                  WeftTimelineText           role,
                                  WeftTimelineTextState      state)
{
  switch (role)
    {
    case WEFT_TIMELINE_TEXT_LABEL:
      return state == WEFT_TIMELINE_STATE_DIMMED ? &p->text_dim : &p->text;
    case WEFT_TIMELINE_TEXT_COUNT:
      return &p->cluster_text;
    case WEFT_TIMELINE_TEXT_TICK:
    case WEFT_TIMELINE_TEXT_LEGEND:
      return &p->text_dim;
    case WEFT_TIMELINE_TEXT_MAJOR:
    case WEFT_TIMELINE_TEXT_LANE:
    case WEFT_TIMELINE_TEXT_ERA:
    case WEFT_TIMELINE_TEXT_TITLE:
    case WEFT_TIMELINE_N_TEXTS:
    default:
      return &p->text;
    }
}

void
weft_timeline_palette_text_tint (const WeftTimelinePalette *p,
                                 WeftTimelineText           role,
                                 WeftTimelineTextState      state,
                                 WeftTimelineColor         *tint)
{
  *tint = p->accent;
  switch (role)
    {
    case WEFT_TIMELINE_TEXT_LABEL:
      if (state == WEFT_TIMELINE_STATE_SELECTED)
        tint->alpha *= SELECTION_ALPHA;
      else if (state == WEFT_TIMELINE_STATE_LIT)
        tint->alpha *= SELECTION_ALPHA / 2;
      else
        tint->alpha = 0;
      break;
    case WEFT_TIMELINE_TEXT_LANE:
    case WEFT_TIMELINE_TEXT_LEGEND:
      /* A lit lane's title and count. */
      tint->alpha = state == WEFT_TIMELINE_STATE_SELECTED ? tint->alpha * SELECTION_ALPHA : 0;
      break;
    case WEFT_TIMELINE_TEXT_COUNT:
      *tint = p->cluster;
      if (state == WEFT_TIMELINE_STATE_DIMMED)
        tint->alpha *= 0.5;
      break;
    case WEFT_TIMELINE_TEXT_TICK:
    case WEFT_TIMELINE_TEXT_MAJOR:
    case WEFT_TIMELINE_TEXT_ERA:
    case WEFT_TIMELINE_TEXT_TITLE:
    case WEFT_TIMELINE_N_TEXTS:
    default:
      tint->alpha = 0;
      break;
    }
}

void
weft_timeline_palette_window_tint (const WeftTimelinePalette *p,
                                   gboolean                   header,
                                   WeftTimelineColor         *tint)
{
  *tint = p->window;
  if (header)
    tint->alpha *= HEADER_WINDOW_ALPHA;
}

const WeftTimelineColor *
weft_timeline_palette_item_color (const WeftTimelinePalette *palette,
                                  const WeftTimelineItem    *item)
{
  if (item->color == G_MAXUINT)
    return &palette->neutral;
  return &palette->categories[item->color % WEFT_TIMELINE_N_CATEGORIES];
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

void
weft_timeline_color_parse (const char              *spec,
                           const WeftTimelineColor *fallback,
                           WeftTimelineColor       *color)
{
  gsize len = spec != NULL ? strlen (spec) : 0;
  int v[6];

  *color = *fallback;
  if (len != 4 && len != 7)
    return;
  if (spec[0] != '#')
    return;
  for (gsize i = 1; i < len; i++)
    if ((v[i - 1] = hex_digit (spec[i])) < 0)
      return;

  if (len == 4)
    {
      color->red = v[0] * 17 / 255.0;
      color->green = v[1] * 17 / 255.0;
      color->blue = v[2] * 17 / 255.0;
    }
  else
    {
      color->red = (v[0] * 16 + v[1]) / 255.0;
      color->green = (v[2] * 16 + v[3]) / 255.0;
      color->blue = (v[4] * 16 + v[5]) / 255.0;
    }
  color->alpha = 1;
}

void
weft_timeline_render_state_init (WeftTimelineRenderState   *state,
                                 const WeftTimelinePalette *palette)
{
  memset (state, 0, sizeof *state);
  state->palette = palette != NULL ? palette : weft_timeline_palette_get (FALSE);
  state->draw_background = TRUE;
}

/* ---- Fonts and text ---------------------------------------------------- */

/* A small bitmap drawn once and then copied: on an image surface that is
 * several times faster than shaping text or filling a curved path again,
 * and looks the same (only its origin snaps to a whole pixel). */
typedef struct {
  cairo_surface_t *surface;
  double           x;   /* its top left, from the point it is drawn at */
  double           y;
  double           w;
  double           h;
} Sprite;

static void
sprite_free (gpointer data)
{
  Sprite *sprite = data;

  cairo_surface_destroy (sprite->surface);
  g_free (sprite);
}

struct _WeftTimelineRenderer
{
  PangoContext         *context;
  PangoFontDescription *fonts[WEFT_TIMELINE_N_TEXTS];
  PangoLayout          *measurers[WEFT_TIMELINE_N_TEXTS];
  GHashTable           *widths[WEFT_TIMELINE_N_TEXTS];   /* text -> double * */
  GHashTable           *layouts;                         /* "role|width|text" -> PangoLayout */
  GHashTable           *sprites;                         /* key -> Sprite */
  gsize                 sprite_bytes;
  double                baselines[WEFT_TIMELINE_N_TEXTS];
  double                line_heights[WEFT_TIMELINE_N_TEXTS];
};

/* At 96 dpi a point is 4/3 px: every size is at least 8.25 pt, 11 px. */
static const struct {
  double   size;     /* points */
  gboolean bold;
} role_fonts[WEFT_TIMELINE_N_TEXTS] = {
  [WEFT_TIMELINE_TEXT_LABEL] = { 9.5, FALSE },
  [WEFT_TIMELINE_TEXT_TICK] = { 8.5, FALSE },
  [WEFT_TIMELINE_TEXT_MAJOR] = { 8.5, TRUE },
  [WEFT_TIMELINE_TEXT_LANE] = { 9, TRUE },
  [WEFT_TIMELINE_TEXT_ERA] = { 8.5, FALSE },
  [WEFT_TIMELINE_TEXT_COUNT] = { 8.5, TRUE },
  [WEFT_TIMELINE_TEXT_TITLE] = { 15, TRUE },
  [WEFT_TIMELINE_TEXT_LEGEND] = { 8.5, FALSE },
};

PangoContext *
weft_timeline_pango_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 96);
  /* Unhinted metrics measure the same on image, PDF and SVG surfaces. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

WeftTimelineRenderer *
weft_timeline_renderer_new (PangoContext *context,
                            double        font_scale)
{
  WeftTimelineRenderer *self = g_new0 (WeftTimelineRenderer, 1);
  const PangoFontDescription *base = NULL;

  if (!(font_scale > 0.1 && font_scale < 10))
    font_scale = 1;

  if (context != NULL)
    {
      self->context = g_object_ref (context);
      base = pango_context_get_font_description (context);
    }
  else
    self->context = weft_timeline_pango_context_new ();

  self->layouts = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, g_object_unref);
  self->sprites = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, sprite_free);

  for (guint r = 0; r < WEFT_TIMELINE_N_TEXTS; r++)
    {
      PangoFontDescription *desc;
      PangoLayout *layout;
      PangoRectangle logical;

      if (base != NULL)
        desc = pango_font_description_copy (base);
      else
        desc = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans");
      if (pango_font_description_get_family (desc) == NULL)
        pango_font_description_set_family (desc, "Sans");
      /* Never below WEFT_TIMELINE_MIN_TEXT_SIZE pixels (at 96 dpi, 3/4 pt
       * a pixel), however small the screen's text scaling. */
      pango_font_description_set_size (desc, (int) (MAX (role_fonts[r].size * font_scale,
                                                         WEFT_TIMELINE_MIN_TEXT_SIZE * 0.75) * PANGO_SCALE));
      pango_font_description_set_weight (desc, role_fonts[r].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      self->fonts[r] = desc;

      layout = pango_layout_new (self->context);
      pango_layout_set_font_description (layout, desc);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      pango_layout_set_text (layout, "Mg", -1);
      pango_layout_get_extents (layout, NULL, &logical);
      self->baselines[r] = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
      self->line_heights[r] = logical.height / (double) PANGO_SCALE;
      self->measurers[r] = layout;
      self->widths[r] = g_hash_table_new_full (weft_str_hash, g_str_equal, g_free, g_free);
    }

  return self;
}

void
weft_timeline_renderer_free (WeftTimelineRenderer *self)
{
  if (self == NULL)
    return;

  for (guint r = 0; r < WEFT_TIMELINE_N_TEXTS; r++)
    {
      pango_font_description_free (self->fonts[r]);
      g_object_unref (self->measurers[r]);
      g_hash_table_unref (self->widths[r]);
    }
  g_hash_table_unref (self->layouts);
  g_hash_table_unref (self->sprites);
  g_object_unref (self->context);
  g_free (self);
}

const PangoFontDescription *
weft_timeline_renderer_get_font (WeftTimelineRenderer *self,
                                 WeftTimelineText      role)
{
  g_return_val_if_fail (role < WEFT_TIMELINE_N_TEXTS, NULL);
  return self->fonts[role];
}

double
weft_timeline_renderer_get_baseline (WeftTimelineRenderer *self,
                                     WeftTimelineText      role)
{
  g_return_val_if_fail (role < WEFT_TIMELINE_N_TEXTS, 0);
  return self->baselines[role];
}

static double
measure_uncached (WeftTimelineRenderer *self,
                  WeftTimelineText      role,
                  const char           *text,
                  gssize                length)
{
  PangoRectangle logical;

  pango_layout_set_text (self->measurers[role], text, (int) length);
  pango_layout_get_extents (self->measurers[role], NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

double
weft_timeline_renderer_measure (WeftTimelineText  role,
                                const char       *text,
                                gpointer          renderer)
{
  WeftTimelineRenderer *self = renderer;
  double *cached;

  g_return_val_if_fail (self != NULL && role < WEFT_TIMELINE_N_TEXTS, 0);

  if (text == NULL || text[0] == '\0')
    return 0;

  cached = g_hash_table_lookup (self->widths[role], text);
  if (cached != NULL)
    return *cached;

  if (g_hash_table_size (self->widths[role]) > MAX_CACHED_WIDTHS)
    g_hash_table_remove_all (self->widths[role]);

  cached = g_new (double, 1);
  *cached = measure_uncached (self, role, text, -1);
  g_hash_table_insert (self->widths[role], g_strdup (text), cached);
  return *cached;
}

PangoLayout *
weft_timeline_renderer_create_layout (WeftTimelineRenderer *self,
                                      WeftTimelineText      role,
                                      const char           *text,
                                      double                max_width)
{
  PangoLayout *layout;

  g_return_val_if_fail (role < WEFT_TIMELINE_N_TEXTS, NULL);

  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, self->fonts[role]);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  /* Plain text: names from data are never markup. */
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) ceil (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

char *
weft_timeline_renderer_ellipsize (WeftTimelineRenderer *self,
                                  WeftTimelineText      role,
                                  const char           *text,
                                  double                max_width)
{
  glong n_chars, lo, hi;

  if (text == NULL)
    return g_strdup ("");
  if (max_width <= 0 || measure_uncached (self, role, text, -1) <= max_width + 0.5)
    return g_strdup (text);

  /* The longest prefix that fits with the ellipsis. */
  n_chars = g_utf8_strlen (text, -1);
  lo = 0;
  hi = n_chars;
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      const char *end = g_utf8_offset_to_pointer (text, mid);
      g_autofree char *candidate = g_strdup_printf ("%.*s…", (int) (end - text), text);

      if (measure_uncached (self, role, candidate, -1) <= max_width + 0.5)
        lo = mid;
      else
        hi = mid - 1;
    }
  if (lo == 0)
    return g_strdup ("");
  {
    const char *end = g_utf8_offset_to_pointer (text, lo);
    g_autofree char *prefix = g_strndup (text, end - text);

    g_strchomp (prefix);
    return g_strconcat (prefix, "…", NULL);
  }
}

static PangoLayout *
cached_layout (WeftTimelineRenderer *self,
               WeftTimelineText      role,
               const char           *text,
               double                max_width)
{
  g_autofree char *key = g_strdup_printf ("%u|%.1f|%s", role, max_width, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (self->layouts) > MAX_CACHED_LAYOUTS)
    g_hash_table_remove_all (self->layouts);

  layout = weft_timeline_renderer_create_layout (self, role, text, max_width);
  g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
  return layout;
}

static int
compare_doubles (const void *pa,
                 const void *pb)
{
  double a = *(const double *) pa, b = *(const double *) pb;

  return a < b ? -1 : (a > b ? 1 : 0);
}

/* Sets @c's colour, its alpha times @alpha, as the source. */
#define set_color weft_color_set_source

/* Sprites only on image surfaces, drawn without scaling or rotation;
 * *@scale receives the surface's device scale. */
static gboolean
can_blit (cairo_t *cr,
          double  *scale)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t m;
  double sx, sy;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_get_matrix (cr, &m);
  if (m.xx != 1 || m.yy != 1 || m.xy != 0 || m.yx != 0)
    return FALSE;
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (sx != sy || sx <= 0)
    return FALSE;
  *scale = sx;
  return TRUE;
}

/* A new sprite of @w x @h user units whose top left is at (@x, @y) from
 * where it is drawn; returns a context to draw it with, origin there. */
static cairo_t *
sprite_begin (Sprite *sprite,
              double  x,
              double  y,
              double  w,
              double  h,
              double  scale)
{
  cairo_t *cr;

  sprite->x = floor (x);
  sprite->y = floor (y);
  sprite->w = ceil (x + w) - sprite->x;
  sprite->h = ceil (y + h) - sprite->y;
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                (int) MAX (ceil (sprite->w * scale), 1),
                                                (int) MAX (ceil (sprite->h * scale), 1));
  cairo_surface_set_device_scale (sprite->surface, scale, scale);
  cr = cairo_create (sprite->surface);
  cairo_translate (cr, -sprite->x, -sprite->y);
  return cr;
}

static void
sprite_keep (WeftTimelineRenderer *self,
             char                 *key,
             Sprite               *sprite)
{
  gsize bytes = (gsize) cairo_image_surface_get_stride (sprite->surface) *
                cairo_image_surface_get_height (sprite->surface);

  if (self->sprite_bytes + bytes > MAX_SPRITE_BYTES)
    {
      g_hash_table_remove_all (self->sprites);
      self->sprite_bytes = 0;
    }
  self->sprite_bytes += bytes;
  g_hash_table_insert (self->sprites, key, sprite);
}

static void
sprite_draw (cairo_t      *cr,
             const Sprite *sprite,
             double        x,
             double        y)
{
  x += sprite->x;
  y += sprite->y;
  cairo_user_to_device (cr, &x, &y);
  x = round (x);
  y = round (y);
  cairo_device_to_user (cr, &x, &y);
  cairo_set_source_surface (cr, sprite->surface, x, y);
  cairo_rectangle (cr, x, y, sprite->w, sprite->h);
  cairo_fill (cr);
}

static char *
color_key (const WeftTimelineColor *c,
           double                   alpha)
{
  return g_strdup_printf ("%02x%02x%02x%02x",
                          (guint) CLAMP (c->red * 255 + 0.5, 0, 255),
                          (guint) CLAMP (c->green * 255 + 0.5, 0, 255),
                          (guint) CLAMP (c->blue * 255 + 0.5, 0, 255),
                          (guint) CLAMP (c->alpha * alpha * 255 + 0.5, 0, 255));
}

static const Sprite *
text_sprite (WeftTimelineRenderer    *self,
             WeftTimelineText         role,
             const char              *text,
             double                   max_width,
             const WeftTimelineColor *color,
             double                   scale)
{
  g_autofree char *rgba = color_key (color, 1);
  /* Whole numbers: formatting doubles was a good part of a frame. */
  g_autofree char *key = g_strdup_printf ("t%u|%ld|%s|%ld|%s", role, lround (max_width * 10), rgba,
                                          lround (scale * 1000), text);
  Sprite *sprite = g_hash_table_lookup (self->sprites, key);
  PangoLayout *layout;
  PangoRectangle ink, logical;
  double x0, y0, x1, y1;
  cairo_t *cr;

  if (sprite != NULL)
    return sprite;

  layout = cached_layout (self, role, text, max_width);
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  x0 = MIN (ink.x, logical.x) - 1;
  y0 = MIN (ink.y, logical.y) - 1;
  x1 = MAX (ink.x + ink.width, logical.x + logical.width) + 1;
  y1 = MAX (ink.y + ink.height, logical.y + logical.height) + 1;

  sprite = g_new0 (Sprite, 1);
  cr = sprite_begin (sprite, x0, y0, x1 - x0, y1 - y0, scale);
  set_color (cr, color, 1);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);
  sprite_keep (self, g_steal_pointer (&key), sprite);
  return sprite;
}

void
weft_timeline_renderer_draw_text (WeftTimelineRenderer          *self,
                                  cairo_t                       *cr,
                                  const WeftTimelineRenderState *state,
                                  const WeftTimelineTextRun     *run)
{
  double scale;

  if (run->text == NULL || run->text[0] == '\0')
    return;
  if (run->max_width > 0 && run->max_width < 4)
    return;

  if (state->text_func != NULL)
    {
      state->text_func (run, state->text_data);
      return;
    }

  if (can_blit (cr, &scale))
    {
      sprite_draw (cr, text_sprite (self, run->role, run->text, run->max_width, run->color, scale), run->x, run->y);
      return;
    }

  cairo_move_to (cr, run->x, run->y);
  set_color (cr, run->color, 1);
  pango_cairo_show_layout (cr, cached_layout (self, run->role, run->text, run->max_width));
}

/* @width when @text is wider (to cut it there), else 0 (never cut). */
static double
cut_width (WeftTimelineRenderer *self,
           WeftTimelineText      role,
           const char           *text,
           double                width)
{
  return width + 0.5 < weft_timeline_renderer_measure (role, text, self) ? width : 0;
}

/* ---- Shapes ------------------------------------------------------------ */

typedef enum {
  END_SOLID,
  END_SOFT,          /* ~ */
  END_UNCERTAIN,     /* ? */
  END_SOFT_UNCERTAIN, /* % */
  END_OPEN,          /* .. */
} EndStyle;

static EndStyle
end_style (WeftDateFlags flags,
           gboolean      open)
{
  gboolean soft = (flags & WEFT_DATE_FLAG_APPROXIMATE) != 0;
  gboolean uncertain = (flags & (WEFT_DATE_FLAG_UNCERTAIN | WEFT_DATE_FLAG_UNKNOWN)) != 0;

  if (open)
    return END_OPEN;
  if (soft && uncertain)
    return END_SOFT_UNCERTAIN;
  if (soft)
    return END_SOFT;
  if (uncertain)
    return END_UNCERTAIN;
  return END_SOLID;
}

void
weft_timeline_rounded_rect (cairo_t *cr,
                            double   x,
                            double   y,
                            double   w,
                            double   h,
                            double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static double
cap_length (EndStyle style,
            double   width,
            double   fade)
{
  switch (style)
    {
    case END_OPEN:
      return MIN (fade, width);
    case END_SOFT:
    case END_UNCERTAIN:
    case END_SOFT_UNCERTAIN:
      return MIN (18, width / 3);
    case END_SOLID:
    default:
      return 0;
    }
}

/* The lengths of both ends of a shape @width long, shrunk together when
 * they would not fit. */
static void
cap_lengths (EndStyle  start,
             EndStyle  end,
             double    width,
             double    fade,
             double   *cap_s,
             double   *cap_e)
{
  *cap_s = cap_length (start, width, fade);
  *cap_e = cap_length (end, width, fade);
  if (*cap_s + *cap_e > width)
    {
      double k = width / (*cap_s + *cap_e);

      *cap_s *= k;
      *cap_e *= k;
    }
}

/* Alpha stops for one end: @outer at the end itself, @inner a cap away.
 * Cairo keeps stops at the same offset in the order they are added, so
 * the end of a bar adds them from the inside out. */
static void
add_end_stops (cairo_pattern_t         *pattern,
               EndStyle                 style,
               double                   outer,
               double                   inner,
               gboolean                 at_end,
               const WeftTimelineColor *c,
               double                   alpha)
{
  double stops[3][2];
  guint n = 0;

  switch (style)
    {
    case END_OPEN:
      stops[n][0] = outer; stops[n++][1] = 0;
      stops[n][0] = inner; stops[n++][1] = 1;
      break;
    case END_SOFT:
      stops[n][0] = outer; stops[n++][1] = 0.12;
      stops[n][0] = inner; stops[n++][1] = 1;
      break;
    case END_UNCERTAIN:
      stops[n][0] = outer; stops[n++][1] = 0.3;
      stops[n][0] = inner; stops[n++][1] = 0.3;
      stops[n][0] = inner; stops[n++][1] = 1;
      break;
    case END_SOFT_UNCERTAIN:
      stops[n][0] = outer; stops[n++][1] = 0.05;
      stops[n][0] = inner; stops[n++][1] = 0.45;
      stops[n][0] = inner; stops[n++][1] = 1;
      break;
    case END_SOLID:
    default:
      stops[n][0] = outer; stops[n++][1] = 1;
      break;
    }

  for (guint i = 0; i < n; i++)
    {
      guint k = at_end ? n - 1 - i : i;

      cairo_pattern_add_color_stop_rgba (pattern, stops[k][0], c->red, c->green, c->blue,
                                         c->alpha * alpha * stops[k][1]);
    }
}

/* Saves @cr and sets it up for dashed lines of @c: restore it after. */
static void
begin_dashes (cairo_t                 *cr,
              double                   on,
              double                   off,
              double                   line_width,
              const WeftTimelineColor *c,
              double                   alpha)
{
  const double dash[] = { on, off };

  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, line_width);
  set_color (cr, c, alpha);
}

static void
dashed_cap (cairo_t                 *cr,
            double                   x_end,
            double                   x_inner,
            double                   y0,
            double                   y1,
            const WeftTimelineColor *c,
            double                   alpha)
{
  begin_dashes (cr, 2.5, 2, 1.2, c, alpha);
  cairo_move_to (cr, x_inner, y0 + 0.6);
  cairo_line_to (cr, x_end, y0 + 0.6);
  cairo_line_to (cr, x_end, y1 - 0.6);
  cairo_line_to (cr, x_inner, y1 - 0.6);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A bar from @x0 to @x1 centred on @yc, its ends drawn by their style. */
static void
draw_bar (cairo_t                 *cr,
          double                   x0,
          double                   x1,
          double                   yc,
          double                   h,
          EndStyle                 start,
          EndStyle                 end,
          double                   fade,
          const WeftTimelineColor *c,
          double                   alpha)
{
  double w = x1 - x0;
  double y0 = yc - h / 2, y1 = yc + h / 2;
  double cap_s, cap_e;
  cairo_pattern_t *pattern;

  if (w <= 0)
    return;

  cap_lengths (start, end, w, fade, &cap_s, &cap_e);

  if (start == END_SOLID && end == END_SOLID)
    {
      set_color (cr, c, alpha);
      weft_timeline_rounded_rect (cr, x0, y0, w, h, 2.5);
      cairo_fill (cr);
      return;
    }

  pattern = cairo_pattern_create_linear (x0, 0, x1, 0);
  add_end_stops (pattern, start, 0, cap_s / w, FALSE, c, alpha);
  add_end_stops (pattern, end, 1, 1 - cap_e / w, TRUE, c, alpha);
  cairo_set_source (cr, pattern);
  weft_timeline_rounded_rect (cr, x0, y0, w, h, start == END_OPEN || end == END_OPEN ? 0 : 2.5);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);

  if ((start == END_UNCERTAIN || start == END_SOFT_UNCERTAIN) && cap_s >= 3)
    dashed_cap (cr, x0 + 0.6, x0 + cap_s, y0, y1, c, alpha);
  if ((end == END_UNCERTAIN || end == END_SOFT_UNCERTAIN) && cap_e >= 3)
    dashed_cap (cr, x1 - 0.6, x1 - cap_e, y0, y1, c, alpha);
}

static void
draw_point (cairo_t                 *cr,
            double                   cx,
            double                   cy,
            double                   r,
            EndStyle                 style,
            const WeftTimelineColor *c,
            double                   alpha)
{
  switch (style)
    {
    case END_SOFT:
      {
        cairo_pattern_t *halo = cairo_pattern_create_radial (cx, cy, 0, cx, cy, r + 3.5);

        cairo_pattern_add_color_stop_rgba (halo, 0, c->red, c->green, c->blue, c->alpha * alpha);
        cairo_pattern_add_color_stop_rgba (halo, 0.45, c->red, c->green, c->blue, c->alpha * alpha);
        cairo_pattern_add_color_stop_rgba (halo, 1, c->red, c->green, c->blue, 0);
        cairo_set_source (cr, halo);
        cairo_arc (cr, cx, cy, r + 3.5, 0, 2 * G_PI);
        cairo_fill (cr);
        cairo_pattern_destroy (halo);
      }
      break;

    case END_UNCERTAIN:
    case END_SOFT_UNCERTAIN:
      set_color (cr, c, alpha * 0.3);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_fill (cr);
      begin_dashes (cr, 2, 1.6, 1.3, c, alpha);
      cairo_arc (cr, cx, cy, r - 0.65, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;

    case END_SOLID:
    case END_OPEN:
    default:
      set_color (cr, c, alpha);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    }
}

/* ---- The frame --------------------------------------------------------- */

typedef struct {
  WeftTimelineRenderer          *self;
  cairo_t                       *cr;
  const WeftTimelineFrame       *frame;
  const WeftTimelineRenderState *state;
  const WeftTimelinePalette     *palette;
  double                         width;
  double                         height;     /* of the drawing */
  double                         lanes_top;  /* y of lane coordinate 0 */
} Draw;

static double
mark_glyph_y (const Draw             *d,
              const WeftTimelineMark *mark)
{
  return d->lanes_top + mark->y + d->frame->metrics.row_height - 9;
}

static double
event_alpha (const Draw      *d,
             const WeftEvent *event)
{
  const WeftTimelineRenderState *s = d->state;

  if (s->highlight == NULL)
    return 1;
  if (event->item.index < s->n_highlight && s->highlight[event->item.index])
    return 1;
  if (event == s->selected)
    return 1;
  return 0.28;
}

static void
draw_event_mark (const Draw             *d,
                 const WeftTimelineMark *mark)
{
  const WeftTimelineItem *item = weft_timeline_index_get_item (d->frame->index, mark->item);
  const WeftTimelineMetrics *m = &d->frame->metrics;
  const WeftTimelineColor *color = weft_timeline_palette_item_color (d->palette, item);
  const WeftTimelineRenderState *s = d->state;
  double alpha = event_alpha (d, item->event);
  double row_y = d->lanes_top + mark->y;
  double gy = mark_glyph_y (d, mark);
  const guint8 *statuses;
  guint n_claims;
  cairo_t *cr = d->cr;

  if (item->event == s->selected || item->event == s->hovered ||
      (s->highlight != NULL && alpha >= 1))
    {
      gboolean selected = item->event == s->selected;
      WeftTimelineColor box;

      weft_timeline_palette_text_tint (d->palette, WEFT_TIMELINE_TEXT_LABEL,
                                       selected ? WEFT_TIMELINE_STATE_SELECTED : WEFT_TIMELINE_STATE_LIT, &box);
      weft_timeline_rounded_rect (cr, mark->box_x0 - 4, row_y + 0.5, mark->box_x1 - mark->box_x0 + 8,
                    m->row_height - 2, 5);
      set_color (cr, &box, 1);
      cairo_fill_preserve (cr);
      set_color (cr, &d->palette->accent, selected ? 0.9 : 0.35);
      cairo_set_line_width (cr, selected ? 1.5 : 1);
      cairo_stroke (cr);
    }

  if (item->shape == WEFT_TIMELINE_SHAPE_POINT)
    {
      EndStyle style = end_style (item->start_flags, FALSE);
      double cx = (mark->x0 + mark->x1) / 2, scale;

      if (can_blit (cr, &scale))
        {
          g_autofree char *rgba = color_key (color, alpha);
          g_autofree char *key = g_strdup_printf ("p%d|%ld|%s|%ld", style, lround (m->point_radius * 100), rgba,
                                                  lround (scale * 1000));
          Sprite *sprite = g_hash_table_lookup (d->self->sprites, key);

          if (sprite == NULL)
            {
              double reach = m->point_radius + 5;
              cairo_t *scr;

              sprite = g_new0 (Sprite, 1);
              scr = sprite_begin (sprite, -reach, -reach, 2 * reach, 2 * reach, scale);
              draw_point (scr, 0, 0, m->point_radius, style, color, alpha);
              cairo_destroy (scr);
              sprite_keep (d->self, g_steal_pointer (&key), sprite);
            }
          sprite_draw (cr, sprite, cx, gy);
        }
      else
        draw_point (cr, cx, gy, m->point_radius, style, color, alpha);
    }
  else
    draw_bar (cr, mark->x0, mark->x1, gy, m->bar_height,
              end_style (item->start_flags, item->open_start),
              end_style (item->end_flags, item->open_end),
              m->fade_length, color, alpha);

  /* A dimmed event's title is secondary text, still readable. */
  weft_timeline_renderer_draw_text (d->self, cr, s, &(WeftTimelineTextRun) {
      .role = WEFT_TIMELINE_TEXT_LABEL, .text = item->event->title, .x = mark->label_x, .y = row_y + 2,
      .max_width = mark->label_width + 0.5 < mark->full_label_width ? mark->label_width : 0,
      .color = weft_timeline_palette_text_color (d->palette, WEFT_TIMELINE_TEXT_LABEL,
                                                 alpha >= 1 ? WEFT_TIMELINE_STATE_PLAIN : WEFT_TIMELINE_STATE_DIMMED),
      .region = WEFT_TIMELINE_REGION_LANES,
      .event = item->event });

  statuses = weft_timeline_index_get_claim_statuses (d->frame->index, item->event, &n_claims);
  for (guint i = 0; i < MIN (n_claims, MAX_CLAIM_MARKS); i++)
    {
      double size = m->claim_size;
      double cx = mark->label_x + mark->label_width + 4 + i * (size + 2) + size / 2;
      double cy = row_y + 2 + d->self->line_heights[WEFT_TIMELINE_TEXT_LABEL] / 2;

      /* Squares, so that they do not read as dots of day events; on
       * whole pixels, which cairo fills fastest. A claim that cites no
       * source is only outlined. */
      set_color (cr, &d->palette->statuses[MIN (statuses[i] & ~WEFT_TIMELINE_CLAIM_UNSOURCED, WEFT_N_STATUSES - 1)], alpha);
      if (statuses[i] & WEFT_TIMELINE_CLAIM_UNSOURCED)
        {
          cairo_rectangle (cr, round (cx - size / 2) + 0.75, round (cy - size / 2) + 0.75, size - 1.5, size - 1.5);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      else
        {
          cairo_rectangle (cr, round (cx - size / 2), round (cy - size / 2), size, size);
          cairo_fill (cr);
        }
    }
}

static void
draw_cluster_mark (const Draw             *d,
                   const WeftTimelineMark *mark)
{
  const WeftTimelineMetrics *m = &d->frame->metrics;
  double y = d->lanes_top + mark->y + 4;
  double h = m->cluster_row_height - 8;
  /* Among dimmed events, a fainter pill. */
  WeftTimelineTextState state = d->state->highlight != NULL ? WEFT_TIMELINE_STATE_DIMMED : WEFT_TIMELINE_STATE_PLAIN;
  WeftTimelineColor pill;
  double scale;

  weft_timeline_palette_text_tint (d->palette, WEFT_TIMELINE_TEXT_COUNT, state, &pill);
  if (can_blit (d->cr, &scale))
    {
      double w = round (mark->x1 - mark->x0);
      g_autofree char *rgba = color_key (&pill, 1);
      g_autofree char *key = g_strdup_printf ("c%ld|%ld|%s|%ld", lround (w * 100), lround (h * 100), rgba,
                                              lround (scale * 1000));
      Sprite *sprite = g_hash_table_lookup (d->self->sprites, key);

      if (sprite == NULL)
        {
          cairo_t *scr;

          sprite = g_new0 (Sprite, 1);
          scr = sprite_begin (sprite, 0, 0, w, h, scale);
          weft_timeline_rounded_rect (scr, 0, 0, w, h, h / 2);
          set_color (scr, &pill, 1);
          cairo_fill (scr);
          cairo_destroy (scr);
          sprite_keep (d->self, g_steal_pointer (&key), sprite);
        }
      sprite_draw (d->cr, sprite, mark->x0, y);
    }
  else
    {
      weft_timeline_rounded_rect (d->cr, mark->x0, y, mark->x1 - mark->x0, h, h / 2);
      set_color (d->cr, &pill, 1);
      cairo_fill (d->cr);
    }

  /* The pill dims with the other events; its number stays readable. */
  weft_timeline_renderer_draw_text (d->self, d->cr, d->state, &(WeftTimelineTextRun) {
      .role = WEFT_TIMELINE_TEXT_COUNT, .text = mark->count_label, .x = mark->label_x,
      .y = y + (h - d->self->line_heights[WEFT_TIMELINE_TEXT_COUNT]) / 2,
      .color = weft_timeline_palette_text_color (d->palette, WEFT_TIMELINE_TEXT_COUNT, state),
      .region = WEFT_TIMELINE_REGION_LANES });
}

/* Dashed links between the lanes of the selected or hovered event. */
static void
draw_links (const Draw      *d,
            const WeftEvent *event)
{
  double prev_x = 0, prev_y = 0;
  gboolean have_prev = FALSE;

  if (event == NULL)
    return;

  begin_dashes (d->cr, 3, 3, 1.2, &d->palette->accent, 0.7);
  for (guint i = 0; i < d->frame->marks->len; i++)
    {
      const WeftTimelineMark *mark = &g_array_index (d->frame->marks, WeftTimelineMark, i);
      double x, y;

      if (mark->kind != WEFT_TIMELINE_MARK_EVENT ||
          weft_timeline_index_get_item (d->frame->index, mark->item)->event != event)
        continue;
      x = MAX (mark->x0 + d->frame->metrics.point_radius, 2);
      y = mark_glyph_y (d, mark);
      if (have_prev)
        {
          cairo_move_to (d->cr, prev_x, prev_y + d->frame->metrics.point_radius + 1);
          cairo_line_to (d->cr, x, y - d->frame->metrics.row_height + 8);
          cairo_stroke (d->cr);
        }
      prev_x = x;
      prev_y = y;
      have_prev = TRUE;
    }
  cairo_restore (d->cr);
}

static void
draw_window (const Draw *d,
             double      y0,
             double      y1,
             gboolean    header)
{
  const WeftTimelineScale *scale = &d->frame->scale;
  WeftTimelineColor tint;
  double x0, x1;

  if (!d->state->has_window)
    return;

  x0 = weft_timeline_scale_x (scale, d->state->window_lower);
  x1 = weft_timeline_scale_x (scale, d->state->window_upper + 1);
  if (x1 < 0 || x0 > d->width)
    return;
  x0 = MAX (x0, -2);
  x1 = MIN (x1, d->width + 2);

  weft_timeline_palette_window_tint (d->palette, header, &tint);
  set_color (d->cr, &tint, 1);
  cairo_rectangle (d->cr, x0, y0, x1 - x0, y1 - y0);
  cairo_fill (d->cr);
  set_color (d->cr, &d->palette->accent, 0.8);
  cairo_rectangle (d->cr, x0, y0, 1.5, y1 - y0);
  cairo_rectangle (d->cr, x1 - 1.5, y0, 1.5, y1 - y0);
  cairo_fill (d->cr);
}

/* An era's colour, its alpha how strongly it tints: its band in the
 * header, or the lanes behind it, as much as the text on it allows. */
static void
era_color (const Draw              *d,
           guint                    era_index,
           gboolean                 in_lanes,
           WeftTimelineColor       *color)
{
  GPtrArray *eras = weft_dataset_get_eras (weft_timeline_index_get_dataset (d->frame->index));
  WeftEra *era = g_ptr_array_index (eras, era_index);
  const WeftTimelinePalette *p = d->palette;

  WeftTimelineColor parsed;

  weft_timeline_color_parse (era->color, &p->categories[era_index % WEFT_TIMELINE_N_CATEGORIES], &parsed);
  weft_timeline_palette_era_tint (p, &parsed, in_lanes, color);
}

/* A tall band of plain rectangles: the middle solid and snapped to whole
 * pixels (pixman fills those fast), only the ends with gradients. */
static void
fill_band (cairo_t                 *cr,
           double                   x0,
           double                   x1,
           double                   y0,
           double                   y1,
           EndStyle                 start,
           EndStyle                 end,
           double                   fade,
           const WeftTimelineColor *c,
           double                   alpha,
           gboolean                 middle)
{
  double w = x1 - x0;
  double cap_s, cap_e, m0, m1;

  if (w <= 0 || y1 <= y0)
    return;

  cap_lengths (start, end, w, fade, &cap_s, &cap_e);
  m0 = round (x0 + cap_s);
  m1 = round (x1 - cap_e);

  if (middle && m1 > m0)
    {
      set_color (cr, c, alpha);
      cairo_rectangle (cr, m0, y0, m1 - m0, y1 - y0);
      cairo_fill (cr);
    }

  for (guint side = 0; side < 2; side++)
    {
      EndStyle style = side == 0 ? start : end;
      double outer = side == 0 ? x0 : x1;
      double inner = side == 0 ? m0 : m1;
      cairo_pattern_t *pattern;

      if (style == END_SOLID || fabs (inner - outer) < 0.5)
        {
          if (fabs (inner - outer) >= 0.01)
            {
              set_color (cr, c, alpha);
              cairo_rectangle (cr, MIN (outer, inner), y0, fabs (inner - outer), y1 - y0);
              cairo_fill (cr);
            }
          continue;
        }

      pattern = cairo_pattern_create_linear (outer, 0, inner, 0);
      add_end_stops (pattern, style, 0, 1, FALSE, c, alpha);
      cairo_set_source (cr, pattern);
      cairo_rectangle (cr, MIN (outer, inner), y0, fabs (inner - outer), y1 - y0);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);

      if (style == END_UNCERTAIN || style == END_SOFT_UNCERTAIN)
        {
          begin_dashes (cr, 4, 3, 1, c, MIN (alpha * 3, 1));
          cairo_move_to (cr, outer + (side == 0 ? 0.5 : -0.5), y0);
          cairo_line_to (cr, outer + (side == 0 ? 0.5 : -0.5), y1);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }
}

/* An era band's fill, with soft or faded ends as its dates say: a rounded
 * bar in the header, plain rectangles behind the lanes. */
static void
fill_era (const Draw                *d,
          const WeftTimelineEraBand *band,
          double                     y0,
          double                     y1,
          gboolean                   tall,
          gboolean                   ends_only)
{
  WeftTimelineColor color;
  EndStyle start = end_style (band->start_flags, (band->start_flags & WEFT_DATE_FLAG_OPEN) != 0);
  EndStyle end = end_style (band->end_flags, (band->end_flags & WEFT_DATE_FLAG_OPEN) != 0);

  era_color (d, band->era, tall, &color);
  if (tall)
    fill_band (d->cr, band->x0, band->x1, y0, y1, start, end, d->frame->metrics.fade_length, &color, 1,
               !ends_only);
  else
    draw_bar (d->cr, band->x0, band->x1, (y0 + y1) / 2, y1 - y0, start, end,
              d->frame->metrics.fade_length, &color, 1);
}

/* The middle of an era band behind the lanes (its ends have gradients). */
static void
era_middle (const Draw                *d,
            const WeftTimelineEraBand *band,
            double                    *m0,
            double                    *m1)
{
  EndStyle start = end_style (band->start_flags, (band->start_flags & WEFT_DATE_FLAG_OPEN) != 0);
  EndStyle end = end_style (band->end_flags, (band->end_flags & WEFT_DATE_FLAG_OPEN) != 0);
  double cap_s, cap_e;

  cap_lengths (start, end, band->x1 - band->x0, d->frame->metrics.fade_length, &cap_s, &cap_e);
  *m0 = CLAMP (round (band->x0 + cap_s), 0, d->width);
  *m1 = CLAMP (round (band->x1 - cap_e), 0, d->width);
}

static void
blend (WeftTimelineColor       *under,
       const WeftTimelineColor *over,
       double                   alpha)
{
  WeftTimelineColor faint = *over;

  faint.alpha *= alpha;
  weft_timeline_color_over (&faint, under, under);
}

/* Behind the lanes: the background, every other lane striped, the eras
 * faint. Alpha blending a dozen layers over two million pixels is most of
 * a frame's cost, so the blend is worked out here once per column between
 * era edges and lane, and each such cell filled with an opaque colour on
 * whole pixels (pixman copies those at memory speed). Only the soft or
 * open ends of eras are blended, on top. */
static void
draw_lanes_background (const Draw *d,
                       double      top,
                       double      bottom)
{
  const WeftTimelineFrame *frame = d->frame;
  cairo_t *cr = d->cr;
  g_autofree double *edges = g_new (double, 2 + 2 * frame->eras->len);
  g_autofree WeftTimelineColor *era_colors = g_new (WeftTimelineColor, MAX (frame->eras->len, 1));
  g_autofree double *middles = g_new (double, 2 * MAX (frame->eras->len, 1));
  guint n_edges = 0;
  double y_end = round (top);

  edges[n_edges++] = 0;
  edges[n_edges++] = d->width;
  for (guint i = 0; i < frame->eras->len; i++)
    {
      const WeftTimelineEraBand *band = &g_array_index (frame->eras, WeftTimelineEraBand, i);

      era_color (d, band->era, TRUE, &era_colors[i]);
      era_middle (d, band, &middles[2 * i], &middles[2 * i + 1]);
      edges[n_edges++] = middles[2 * i];
      edges[n_edges++] = middles[2 * i + 1];
    }
  qsort (edges, n_edges, sizeof (double), compare_doubles);

  /* Opaque colours: cairo's image surfaces then copy instead of blending
   * (an explicit SOURCE operator would make the SVG and PDF surfaces
   * fall back to embedded bitmaps). */
  cairo_save (cr);
  for (guint l = 0; l <= frame->lanes->len; l++)
    {
      double y0, y1;
      gboolean stripe;

      if (l < frame->lanes->len)
        {
          const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, l);

          y0 = MAX (round (d->lanes_top + box->y), round (top));
          y1 = MIN (round (d->lanes_top + box->y + box->height), round (bottom));
          stripe = l % 2 == 1;
        }
      else
        {
          /* Under the last lane, to the bottom. */
          y0 = MAX (y_end, round (top));
          y1 = round (d->height);
          stripe = FALSE;
        }
      if (y1 <= y0)
        continue;
      y_end = MAX (y_end, y1);

      for (guint k = 0; k + 1 < n_edges; k++)
        {
          double a = edges[k], b = edges[k + 1];
          WeftTimelineColor c = d->palette->background;

          if (b <= a)
            continue;
          for (guint i = 0; i < frame->eras->len && l < frame->lanes->len; i++)
            if (middles[2 * i] <= a && middles[2 * i + 1] >= b)
              blend (&c, &era_colors[i], 1);
          if (stripe)
            blend (&c, &d->palette->lane_stripe, 1);
          cairo_set_source_rgb (cr, c.red, c.green, c.blue);
          cairo_rectangle (cr, a, y0, b - a, y1 - y0);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);

  /* The ends of eras, blended. */
  for (guint i = 0; i < frame->eras->len; i++)
    fill_era (d, &g_array_index (frame->eras, WeftTimelineEraBand, i), top,
              MIN (bottom, d->lanes_top + frame->lanes_height), TRUE, TRUE);
}

static void
draw_lanes (const Draw *d)
{
  const WeftTimelineFrame *frame = d->frame;
  const WeftTimelineMetrics *m = &frame->metrics;
  cairo_t *cr = d->cr;
  double top = frame->header_height;
  double bottom = d->lanes_top + frame->lanes_height;

  cairo_save (cr);
  cairo_rectangle (cr, 0, top, d->width, MAX (d->height - top, 0));
  cairo_clip (cr);

  if (d->state->draw_background)
    draw_lanes_background (d, top, MIN (MAX (bottom, top), d->height));
  else
    {
      /* Over whatever is there: stripes, then the eras, faint. */
      for (guint i = 0; i < frame->lanes->len; i++)
        {
          const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, i);
          double y = d->lanes_top + box->y;

          if (y > d->height || y + box->height < top || i % 2 == 0)
            continue;
          set_color (cr, &d->palette->lane_stripe, 1);
          cairo_rectangle (cr, 0, y, d->width, box->height);
          cairo_fill (cr);
        }
      for (guint i = 0; i < frame->eras->len; i++)
        fill_era (d, &g_array_index (frame->eras, WeftTimelineEraBand, i), top,
                  MIN (MAX (bottom, top), d->height), TRUE, FALSE);
    }

  /* Grid. */
  for (guint i = 0; i < frame->ticks->len; i++)
    {
      const WeftTimelineTick *t = &g_array_index (frame->ticks, WeftTimelineTick, i);

      if (t->x < 0 || t->x > d->width)
        continue;
      set_color (cr, t->major ? &d->palette->grid_major : &d->palette->grid, 1);
      cairo_rectangle (cr, floor (t->x), top, 1, MAX (bottom - top, 0));
      cairo_fill (cr);
    }

  draw_window (d, top, MAX (bottom, top), FALSE);

  /* Lane titles. */
  for (guint i = 0; i < frame->lanes->len; i++)
    {
      const WeftTimelineLaneBox *box = &g_array_index (frame->lanes, WeftTimelineLaneBox, i);
      const WeftTimelineLane *lane = weft_timeline_index_get_lane (frame->index, box->lane);
      double y = d->lanes_top + box->y;
      double ty = y + (m->lane_header_height - d->self->line_heights[WEFT_TIMELINE_TEXT_LANE]) / 2;
      double tw = weft_timeline_renderer_measure (WEFT_TIMELINE_TEXT_LANE, lane->title, d->self);
      g_autofree char *count = NULL;
      double cy = y + m->lane_header_height / 2;
      WeftTimelineTextState state = WEFT_TIMELINE_STATE_PLAIN;

      if (y > d->height || y + box->height < top)
        continue;

      /* A lane of the selection's entities: its title row tinted as a
       * selected event's box is (so its text keeps its contrast), and a
       * bar along its left edge. */
      if (d->state->lit_lanes != NULL && box->lane < d->state->n_lit_lanes && d->state->lit_lanes[box->lane])
        {
          WeftTimelineColor tint;

          state = WEFT_TIMELINE_STATE_SELECTED;
          weft_timeline_palette_text_tint (d->palette, WEFT_TIMELINE_TEXT_LANE, state, &tint);
          set_color (cr, &tint, 1);
          cairo_rectangle (cr, 0, y, d->width, m->lane_header_height);
          cairo_fill (cr);
          set_color (cr, &d->palette->accent, 1);
          cairo_rectangle (cr, 0, y, 4, box->height - m->lane_gap);
          cairo_fill (cr);
        }

      /* A disclosure triangle: pointing right when collapsed. */
      set_color (cr, &d->palette->text_dim, 1);
      if (box->collapsed)
        {
          cairo_move_to (cr, 9, cy - 4);
          cairo_line_to (cr, 14, cy);
          cairo_line_to (cr, 9, cy + 4);
        }
      else
        {
          cairo_move_to (cr, 7.5, cy - 2.5);
          cairo_line_to (cr, 15.5, cy - 2.5);
          cairo_line_to (cr, 11.5, cy + 2.5);
        }
      cairo_close_path (cr);
      cairo_fill (cr);

      tw = MIN (tw, d->width * 0.6);
      weft_timeline_renderer_draw_text (d->self, cr, d->state, &(WeftTimelineTextRun) {
          .role = WEFT_TIMELINE_TEXT_LANE, .text = lane->title, .x = 20, .y = ty, .max_width = d->width * 0.6,
          .color = weft_timeline_palette_text_color (d->palette, WEFT_TIMELINE_TEXT_LANE, state),
          .region = WEFT_TIMELINE_REGION_LANES });
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", lane->n_items), lane->n_items);
      weft_timeline_renderer_draw_text (d->self, cr, d->state, &(WeftTimelineTextRun) {
          .role = WEFT_TIMELINE_TEXT_LEGEND, .text = count, .x = 20 + tw + 8,
          .y = y + (m->lane_header_height - d->self->line_heights[WEFT_TIMELINE_TEXT_LEGEND]) / 2,
          .color = weft_timeline_palette_text_color (d->palette, WEFT_TIMELINE_TEXT_LEGEND, state),
          .region = WEFT_TIMELINE_REGION_LANES });
    }

  draw_links (d, d->state->selected);
  if (d->state->hovered != d->state->selected)
    draw_links (d, d->state->hovered);

  for (guint i = 0; i < frame->marks->len; i++)
    {
      const WeftTimelineMark *mark = &g_array_index (frame->marks, WeftTimelineMark, i);
      double y = d->lanes_top + mark->y;

      if (y > d->height || y + m->row_height < top)
        continue;
      if (mark->kind == WEFT_TIMELINE_MARK_EVENT)
        draw_event_mark (d, mark);
      else
        draw_cluster_mark (d, mark);
    }

  cairo_restore (cr);
}

static void
draw_header (const Draw *d)
{
  const WeftTimelineFrame *frame = d->frame;
  const WeftTimelineMetrics *m = &frame->metrics;
  cairo_t *cr = d->cr;
  double axis_h = m->axis_height;
  gboolean any_major = FALSE;
  double minor_y;

  set_color (cr, &d->palette->header, 1);
  cairo_rectangle (cr, 0, 0, d->width, frame->header_height);
  cairo_fill (cr);

  draw_window (d, 0, frame->header_height, TRUE);

  for (guint i = 0; i < frame->ticks->len; i++)
    any_major = any_major || g_array_index (frame->ticks, WeftTimelineTick, i).major;
  minor_y = any_major ? 24 : (axis_h - d->self->line_heights[WEFT_TIMELINE_TEXT_TICK]) / 2 - 1;

  for (guint i = 0; i < frame->ticks->len; i++)
    {
      const WeftTimelineTick *t = &g_array_index (frame->ticks, WeftTimelineTick, i);

      if (t->x >= 0 && t->x <= d->width)
        {
          set_color (cr, t->major ? &d->palette->grid_major : &d->palette->grid_major, t->major ? 1.4 : 1);
          if (t->major)
            cairo_rectangle (cr, floor (t->x), 3, 1, axis_h - 3);
          else
            cairo_rectangle (cr, floor (t->x), minor_y, 1, axis_h - minor_y);
          cairo_fill (cr);
        }
      if (t->label != NULL)
        weft_timeline_renderer_draw_text (d->self, cr, d->state, &(WeftTimelineTextRun) {
            .role = t->major ? WEFT_TIMELINE_TEXT_MAJOR : WEFT_TIMELINE_TEXT_TICK, .text = t->label,
            .x = t->label_x, .y = t->major ? 5 : minor_y,
            .color = weft_timeline_palette_text_color (d->palette, t->major ? WEFT_TIMELINE_TEXT_MAJOR
                                                                            : WEFT_TIMELINE_TEXT_TICK,
                                                       WEFT_TIMELINE_STATE_PLAIN),
            .region = WEFT_TIMELINE_REGION_HEADER });
    }

  /* Era rows: each band with its title. */
  for (guint i = 0; i < frame->eras->len; i++)
    {
      const WeftTimelineEraBand *band = &g_array_index (frame->eras, WeftTimelineEraBand, i);
      GPtrArray *eras = weft_dataset_get_eras (weft_timeline_index_get_dataset (frame->index));
      WeftEra *era = g_ptr_array_index (eras, band->era);
      double y = axis_h + 3 + band->row * m->era_row_height;

      fill_era (d, band, y + 1, y + m->era_row_height - 2, FALSE, FALSE);
      if (band->label_width > 0)
        weft_timeline_renderer_draw_text (d->self, cr, d->state, &(WeftTimelineTextRun) {
            .role = WEFT_TIMELINE_TEXT_ERA, .text = era->title, .x = band->label_x,
            .y = y + (m->era_row_height - 1 - d->self->line_heights[WEFT_TIMELINE_TEXT_ERA]) / 2,
            .max_width = cut_width (d->self, WEFT_TIMELINE_TEXT_ERA, era->title, band->label_width),
            .color = weft_timeline_palette_text_color (d->palette, WEFT_TIMELINE_TEXT_ERA, WEFT_TIMELINE_STATE_PLAIN),
            .region = WEFT_TIMELINE_REGION_HEADER });
    }

  set_color (cr, &d->palette->grid_major, 1);
  cairo_rectangle (cr, 0, frame->header_height - 1, d->width, 1);
  cairo_fill (cr);
}

void
weft_timeline_renderer_draw (WeftTimelineRenderer          *self,
                             cairo_t                       *cr,
                             const WeftTimelineFrame       *frame,
                             const WeftTimelineRenderState *state)
{
  WeftTimelineRenderState defaults;
  Draw d = { 0 };

  g_return_if_fail (self != NULL && cr != NULL && frame != NULL && frame->index != NULL);

  if (state == NULL)
    {
      weft_timeline_render_state_init (&defaults, NULL);
      state = &defaults;
    }

  d.self = self;
  d.cr = cr;
  d.frame = frame;
  d.state = state;
  d.palette = state->palette != NULL ? state->palette : weft_timeline_palette_get (FALSE);
  d.width = frame->scale.width;
  d.height = state->height > 0 ? state->height : frame->header_height + frame->lanes_height;
  d.lanes_top = frame->header_height - state->scroll_y;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, d.width, d.height);
  cairo_clip (cr);

  /* With draw_background, the lanes' background and the header's cover
   * every pixel: no paint first. */
  draw_lanes (&d);
  draw_header (&d);

  cairo_restore (cr);
}

/* ---- Legend ------------------------------------------------------------ */

const WeftTimelineLegendEntry *
weft_timeline_legend_get (guint *n_entries)
{
  static WeftTimelineLegendEntry entries[6 + WEFT_N_STATUSES];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      guint n = 0;

      entries[n++] = (WeftTimelineLegendEntry) { WEFT_TIMELINE_LEGEND_POINT, 0, _("A day") };
      entries[n++] = (WeftTimelineLegendEntry) { WEFT_TIMELINE_LEGEND_BAR, 0, _("A month, a year or a period") };
      entries[n++] = (WeftTimelineLegendEntry) { WEFT_TIMELINE_LEGEND_APPROXIMATE, 0, _("Approximate (~)") };
      entries[n++] = (WeftTimelineLegendEntry) { WEFT_TIMELINE_LEGEND_UNCERTAIN, 0, _("Uncertain (?)") };
      entries[n++] = (WeftTimelineLegendEntry) { WEFT_TIMELINE_LEGEND_OPEN, 0, _("Open end (..)") };
      entries[n++] = (WeftTimelineLegendEntry) { WEFT_TIMELINE_LEGEND_CLUSTER, 0, _("Events too close to tell apart") };
      for (guint s = 0; s < WEFT_N_STATUSES; s++)
        entries[n++] = (WeftTimelineLegendEntry) { WEFT_TIMELINE_LEGEND_STATUS, s, weft_claim_status_label (s) };
      g_once_init_leave (&done, 1);
    }

  *n_entries = G_N_ELEMENTS (entries);
  return entries;
}

#define LEGEND_SAMPLE 30.0
#define LEGEND_ROW 22.0

static void
draw_legend_sample (WeftTimelineRenderer          *self,
                    cairo_t                       *cr,
                    const WeftTimelineRenderState *state,
                    const WeftTimelineLegendEntry *entry,
                    double                         x,
                    double                         yc)
{
  const WeftTimelinePalette *p = state->palette;
  const WeftTimelineColor *c = &p->categories[0];
  WeftTimelineMetrics m;

  weft_timeline_metrics_init (&m);

  switch (entry->kind)
    {
    case WEFT_TIMELINE_LEGEND_POINT:
      draw_point (cr, x + LEGEND_SAMPLE / 2, yc, m.point_radius, END_SOLID, c, 1);
      break;
    case WEFT_TIMELINE_LEGEND_BAR:
    case WEFT_TIMELINE_LEGEND_APPROXIMATE:
    case WEFT_TIMELINE_LEGEND_UNCERTAIN:
    case WEFT_TIMELINE_LEGEND_OPEN:
      {
        /* A bar whose right end is drawn as the entry says. */
        static const EndStyle ends[] = {
          [WEFT_TIMELINE_LEGEND_BAR] = END_SOLID, [WEFT_TIMELINE_LEGEND_APPROXIMATE] = END_SOFT,
          [WEFT_TIMELINE_LEGEND_UNCERTAIN] = END_UNCERTAIN, [WEFT_TIMELINE_LEGEND_OPEN] = END_OPEN,
        };

        draw_bar (cr, x, x + LEGEND_SAMPLE, yc, m.bar_height, END_SOLID, ends[entry->kind],
                  entry->kind == WEFT_TIMELINE_LEGEND_OPEN ? 22 : 20, c, 1);
      }
      break;
    case WEFT_TIMELINE_LEGEND_CLUSTER:
      {
        double h = m.cluster_row_height - 8;
        WeftTimelineColor text = *weft_timeline_palette_text_color (p, WEFT_TIMELINE_TEXT_COUNT, WEFT_TIMELINE_STATE_PLAIN);
        WeftTimelineColor pill;

        weft_timeline_palette_text_tint (p, WEFT_TIMELINE_TEXT_COUNT, WEFT_TIMELINE_STATE_PLAIN, &pill);
        weft_timeline_rounded_rect (cr, x + 3, yc - h / 2, LEGEND_SAMPLE - 6, h, h / 2);
        set_color (cr, &pill, 1);
        cairo_fill (cr);
        weft_timeline_renderer_draw_text (self, cr, state, &(WeftTimelineTextRun) {
            .role = WEFT_TIMELINE_TEXT_COUNT, .text = "12",
            .x = x + (LEGEND_SAMPLE - weft_timeline_renderer_measure (WEFT_TIMELINE_TEXT_COUNT, "12", self)) / 2,
            .y = yc - self->line_heights[WEFT_TIMELINE_TEXT_COUNT] / 2, .color = &text,
            .region = WEFT_TIMELINE_REGION_OTHER });
      }
      break;
    case WEFT_TIMELINE_LEGEND_UNSOURCED:
      set_color (cr, &p->text_dim, 1);
      weft_timeline_rounded_rect (cr, x + LEGEND_SAMPLE - m.claim_size - 2 + 0.75, yc - m.claim_size / 2 + 0.75,
                                  m.claim_size - 1.5, m.claim_size - 1.5, 1.5);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    case WEFT_TIMELINE_LEGEND_STATUS:
    default:
      set_color (cr, &p->statuses[MIN (entry->status, WEFT_N_STATUSES - 1)], 1);
      weft_timeline_rounded_rect (cr, x + LEGEND_SAMPLE - m.claim_size - 2, yc - m.claim_size / 2, m.claim_size, m.claim_size, 1.5);
      cairo_fill (cr);
      break;
    }
}

double
weft_timeline_renderer_draw_legend (WeftTimelineRenderer          *self,
                                    cairo_t                       *cr,
                                    const WeftTimelineRenderState *state,
                                    double                         x,
                                    double                         y,
                                    double                         width)
{
  guint n;
  const WeftTimelineLegendEntry *entries = weft_timeline_legend_get (&n);
  const WeftTimelineLegendEntry unsourced = { WEFT_TIMELINE_LEGEND_UNSOURCED, 0, _("No source cited") };
  double cx = x, cy = y;
  double line_h = self->line_heights[WEFT_TIMELINE_TEXT_LEGEND];
  gboolean claims_heading = FALSE;

  /* The hollow marker comes after the statuses, when a claim has it. */
  for (guint i = 0; i < n + (state->has_unsourced ? 1 : 0); i++)
    {
      const WeftTimelineLegendEntry *e = i < n ? &entries[i] : &unsourced;
      double w = weft_timeline_renderer_measure (WEFT_TIMELINE_TEXT_LEGEND, e->label, self);
      double item_w = LEGEND_SAMPLE + 6 + w + 22;

      if (e->kind == WEFT_TIMELINE_LEGEND_STATUS && !claims_heading)
        {
          const char *heading = _("Claims:");
          double hw = weft_timeline_renderer_measure (WEFT_TIMELINE_TEXT_LEGEND, heading, self);

          /* Claim statuses start a row of their own. */
          cx = x;
          cy += LEGEND_ROW;
          weft_timeline_renderer_draw_text (self, cr, state, &(WeftTimelineTextRun) {
              .role = WEFT_TIMELINE_TEXT_LEGEND, .text = heading, .x = cx,
              .y = cy + (LEGEND_ROW - line_h) / 2, .color = &state->palette->text,
              .region = WEFT_TIMELINE_REGION_OTHER });
          cx += hw + 2;
          claims_heading = TRUE;
        }
      if (e->kind == WEFT_TIMELINE_LEGEND_STATUS || e->kind == WEFT_TIMELINE_LEGEND_UNSOURCED)
        item_w = 14 + 4 + w + 16;

      if (cx > x && cx + item_w - 22 > x + width)
        {
          cx = x;
          cy += LEGEND_ROW;
        }

      if (e->kind == WEFT_TIMELINE_LEGEND_STATUS || e->kind == WEFT_TIMELINE_LEGEND_UNSOURCED)
        {
          WeftTimelineLegendEntry shifted = *e;

          draw_legend_sample (self, cr, state, &shifted, cx - LEGEND_SAMPLE + 14, cy + LEGEND_ROW / 2);
          weft_timeline_renderer_draw_text (self, cr, state, &(WeftTimelineTextRun) {
              .role = WEFT_TIMELINE_TEXT_LEGEND, .text = e->label, .x = cx + 18,
              .y = cy + (LEGEND_ROW - line_h) / 2,
              .color = weft_timeline_palette_text_color (state->palette, WEFT_TIMELINE_TEXT_LEGEND,
                                                         WEFT_TIMELINE_STATE_PLAIN),
              .region = WEFT_TIMELINE_REGION_OTHER });
        }
      else
        {
          draw_legend_sample (self, cr, state, e, cx, cy + LEGEND_ROW / 2);
          weft_timeline_renderer_draw_text (self, cr, state, &(WeftTimelineTextRun) {
              .role = WEFT_TIMELINE_TEXT_LEGEND, .text = e->label, .x = cx + LEGEND_SAMPLE + 6,
              .y = cy + (LEGEND_ROW - line_h) / 2,
              .color = weft_timeline_palette_text_color (state->palette, WEFT_TIMELINE_TEXT_LEGEND,
                                                         WEFT_TIMELINE_STATE_PLAIN),
              .region = WEFT_TIMELINE_REGION_OTHER });
        }
      cx += item_w;
    }

  return cy + LEGEND_ROW - y;
}
