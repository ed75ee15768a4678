/* weft-timeline-render.h: draws a laid-out timeline frame with cairo and pango
 *
 * The same code draws the screen and the exported SVG, PNG and PDF.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "weft-color.h"
#include "weft-timeline-layout.h"

G_BEGIN_DECLS

/* The colour the graph's painter draws with too (core/paint). */
typedef WeftColor WeftTimelineColor;

/* Lane (event group) colours: hues apart from every claim status's
 * (teal, ochre, pink, olive, cyan, brown; tests/test-timeline.c checks the
 * distance), so that a lane never reads as "alleged" or "confirmed". */
#define WEFT_TIMELINE_N_CATEGORIES 6

typedef struct {
  WeftTimelineColor background;
  WeftTimelineColor text;
  WeftTimelineColor text_dim;       /* secondary text, and titles of dimmed events */
  WeftTimelineColor grid;
  WeftTimelineColor grid_major;
  WeftTimelineColor header;         /* behind the axis */
  WeftTimelineColor lane_stripe;    /* behind every other lane */
  WeftTimelineColor cluster;
  WeftTimelineColor cluster_text;
  WeftTimelineColor accent;         /* selection */
  WeftTimelineColor window;         /* the selected time window */
  WeftTimelineColor neutral;        /* events without a group (not a status's grey) */
  WeftTimelineColor categories[WEFT_TIMELINE_N_CATEGORIES];
  WeftTimelineColor statuses[WEFT_N_STATUSES];
} WeftTimelinePalette;

const WeftTimelinePalette *weft_timeline_palette_get (gboolean dark);

/* The colour of an era ("#8fbf8f", "#abc"), or of a palette category when
 * @spec is not one. */
void weft_timeline_color_parse (const char              *spec,
                                const WeftTimelineColor *fallback,
                                WeftTimelineColor       *color);
/* An event's colour (by its group). */
const WeftTimelineColor *weft_timeline_palette_item_color (const WeftTimelinePalette *palette,
                                                           const WeftTimelineItem    *item);
/* @over drawn on opaque @under: the opaque colour one sees. */
void   weft_timeline_color_over      (const WeftTimelineColor *over,
                                      const WeftTimelineColor *under,
                                      WeftTimelineColor       *result);
/* The WCAG contrast ratio (1 to 21) of @text, drawn on opaque @under. */
double weft_timeline_color_contrast  (const WeftTimelineColor *text,
                                      const WeftTimelineColor *under);
/* An era's colour (from the data, or a category) as it is drawn: its
 * band on the axis (@in_lanes FALSE) or its tint behind the lanes, with
 * the alpha lowered as far as needed for every text on it to keep 4.5:1,
 * with the time window's and the selection's tints over it too. */
void   weft_timeline_palette_era_tint (const WeftTimelinePalette *palette,
                                       const WeftTimelineColor   *era,
                                       gboolean                   in_lanes,
                                       WeftTimelineColor         *tint);

/* No text is drawn smaller than this, in pixels, whatever the font scale
 * (the screen's text scaling); the view's text scale only enlarges. */
#define WEFT_TIMELINE_MIN_TEXT_SIZE 9.0

/* What a text says of its item, besides its words: each state has the
 * colour its text is drawn in and the tint it lays behind it. */
typedef enum {
  WEFT_TIMELINE_STATE_PLAIN,     /* nothing lit, or this lit without a box */
  WEFT_TIMELINE_STATE_DIMMED,    /* not lit while others are: secondary text, never faded */
  WEFT_TIMELINE_STATE_LIT,       /* lit (the selection's, the search's) or hovered: a faint box */
  WEFT_TIMELINE_STATE_SELECTED,  /* the selected event, a lit lane's title row: the selection's tint */
  WEFT_TIMELINE_N_STATES
} WeftTimelineTextState;

/* The colour of @role's text in @state, as the painter draws it. (The
 * legend's heading alone is drawn in the primary text colour.) */
const WeftTimelineColor *weft_timeline_palette_text_color (const WeftTimelinePalette *palette,
                                                           WeftTimelineText           role,
                                                           WeftTimelineTextState      state);
/* What @state lays behind @role's text, over whatever is there: the
 * selected event's box (and a lit lane's title row), a lit or hovered
 * event's fainter one, a cluster's pill (fainter among dimmed events);
 * alpha 0 when nothing. */
void   weft_timeline_palette_text_tint   (const WeftTimelinePalette *palette,
                                          WeftTimelineText           role,
                                          WeftTimelineTextState      state,
                                          WeftTimelineColor         *tint);
/* The time window's tint over the lanes, or over the axis (@header),
 * where it is stronger. */
void   weft_timeline_palette_window_tint (const WeftTimelinePalette *palette,
                                          gboolean                   header,
                                          WeftTimelineColor         *tint);

typedef enum {
  WEFT_TIMELINE_REGION_LANES,   /* scrolls with the lanes; clip to below the header */
  WEFT_TIMELINE_REGION_HEADER,  /* the axis and eras */
  WEFT_TIMELINE_REGION_OTHER,   /* titles and legends of exports */
} WeftTimelineRegion;

/* One string to draw. */
typedef struct {
  WeftTimelineText         role;
  const char              *text;
  double                   x;
  double                   y;          /* the top of the text */
  double                   max_width;  /* > 0: cut with an ellipsis */
  const WeftTimelineColor *color;
  WeftTimelineRegion       region;
  const WeftEvent         *event;      /* an event's title: the event */
} WeftTimelineTextRun;

/* Text drawn somewhere other than on the cairo context (as SVG <text>, or
 * as cached GTK render nodes). */
typedef void (*WeftTimelineTextFunc) (const WeftTimelineTextRun *run,
                                      gpointer                   user_data);

typedef struct {
  const WeftTimelinePalette *palette;
  const WeftEvent           *selected;       /* ringed, its lanes linked */
  const WeftEvent           *hovered;
  const guint8              *highlight;      /* by event index: non-zero lights up, the rest dims; or NULL */
  guint                      n_highlight;
  const guint8              *lit_lanes;      /* by lane (index order): non-zero tints its title and
                                              * marks its edge (the selection's entities); or NULL */
  guint                      n_lit_lanes;
  gboolean                   has_window;     /* the selected time window, in days */
  double                     window_lower;
  double                     window_upper;
  double                     scroll_y;       /* the lanes scrolled up by this much */
  double                     height;         /* of the drawing; <= 0: the whole frame */
  gboolean                   draw_background;
  WeftTimelineTextFunc       text_func;      /* NULL: pango draws the text on the context */
  gpointer                   text_data;
  gboolean                   has_unsourced;  /* the legend explains unsourced claims' marks */
} WeftTimelineRenderState;

void weft_timeline_render_state_init (WeftTimelineRenderState   *state,
                                      const WeftTimelinePalette *palette);

typedef struct _WeftTimelineRenderer WeftTimelineRenderer;

/* A context of its own at 96 dpi with unhinted metrics, which measures
 * the same on every surface (image, PDF, SVG): what exports and slides
 * lay text out with. */
PangoContext         *weft_timeline_pango_context_new (void);

/* Fonts come from @context (a widget's, so the screen's settings apply) or,
 * when NULL, from a context of its own at 96 dpi with unhinted metrics,
 * which measures the same on every surface. @scale enlarges every font. */
WeftTimelineRenderer *weft_timeline_renderer_new      (PangoContext         *context,
                                                       double                font_scale);
void                  weft_timeline_renderer_free     (WeftTimelineRenderer *self);

/* A WeftTimelineMeasureFunc: pass the renderer as its data. Caches. */
double        weft_timeline_renderer_measure        (WeftTimelineText      role,
                                                     const char           *text,
                                                     gpointer              renderer);
/* A layout of @text in the role's font, cut to @max_width (if > 0). */
PangoLayout  *weft_timeline_renderer_create_layout  (WeftTimelineRenderer *self,
                                                     WeftTimelineText      role,
                                                     const char           *text,
                                                     double                max_width);
const PangoFontDescription *weft_timeline_renderer_get_font (WeftTimelineRenderer *self,
                                                             WeftTimelineText      role);
/* Distance from the top of a line of the role's text to its baseline. */
double        weft_timeline_renderer_get_baseline   (WeftTimelineRenderer *self,
                                                     WeftTimelineText      role);
/* @text shortened with "…" to fit @max_width, as the layouts do. */
char         *weft_timeline_renderer_ellipsize      (WeftTimelineRenderer *self,
                                                     WeftTimelineText      role,
                                                     const char           *text,
                                                     double                max_width);

/* Draws @frame at the origin of @cr: the lanes, then the axis and eras
 * above them. */
void          weft_timeline_renderer_draw           (WeftTimelineRenderer          *self,
                                                     cairo_t                       *cr,
                                                     const WeftTimelineFrame       *frame,
                                                     const WeftTimelineRenderState *state);

/* Adds a rectangle with corners of radius @r (at most half its width or
 * height) to @cr's path, as a sub-path. */
void          weft_timeline_rounded_rect            (cairo_t                       *cr,
                                                     double                         x,
                                                     double                         y,
                                                     double                         w,
                                                     double                         h,
                                                     double                         r);

/* ---- Legend ------------------------------------------------------------ */

typedef enum {
  WEFT_TIMELINE_LEGEND_POINT,        /* a day */
  WEFT_TIMELINE_LEGEND_BAR,          /* a month, a year, a period */
  WEFT_TIMELINE_LEGEND_APPROXIMATE,  /* ~: a soft end */
  WEFT_TIMELINE_LEGEND_UNCERTAIN,    /* ?: a dashed end */
  WEFT_TIMELINE_LEGEND_OPEN,         /* ..: fades out */
  WEFT_TIMELINE_LEGEND_CLUSTER,      /* events too close to show one by one */
  WEFT_TIMELINE_LEGEND_STATUS,       /* a claim marker of one status */
  WEFT_TIMELINE_LEGEND_UNSOURCED,    /* a claim that cites no source: a hollow marker */
} WeftTimelineLegendKind;

typedef struct {
  WeftTimelineLegendKind kind;
  WeftClaimStatus        status;     /* for WEFT_TIMELINE_LEGEND_STATUS */
  const char            *label;      /* translated */
} WeftTimelineLegendEntry;

/* Every entry of the legend, in order: shapes, then claim statuses. */
const WeftTimelineLegendEntry *weft_timeline_legend_get (guint *n_entries);

/* Draws the legend in rows within @width from (@x, @y); returns its
 * height. */
double        weft_timeline_renderer_draw_legend    (WeftTimelineRenderer          *self,
                                                     cairo_t                       *cr,
                                                     const WeftTimelineRenderState *state,
                                                     double                         x,
                                                     double                         y,
                                                     double                         width);

/* Draws one string as the renderer does, or hands it to the state's
 * text_func (used by exports for headings). */
void          weft_timeline_renderer_draw_text      (WeftTimelineRenderer          *self,
                                                     cairo_t                       *cr,
                                                     const WeftTimelineRenderState *state,
                                                     const WeftTimelineTextRun     *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftTimelineRenderer, weft_timeline_renderer_free)

G_END_DECLS
