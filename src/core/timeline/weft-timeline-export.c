/* weft-timeline-export.c: the timeline as an SVG, PNG or PDF picture
 *
 * SPDX-License-Identifier: MIT
 *
 * One page: the dataset's title and span, the axis and eras, the lanes
 * (only those with something in the span, only as tall as they need),
 * then the legend; or, with a view size, the window's timeline pane of
 * that size (weft-timeline-pane.c). Layout and drawing are the screen's.
 * Cairo's SVG
 * surface would write text as glyph outlines, which one cannot search,
 * copy or translate, so for SVG the renderer hands every string to us and
 * we write it as a <text> element over cairo's shapes (text is always
 * drawn last, so the order is unchanged). PDF keeps pango's text, with
 * its fonts embedded.
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "weft-error.h"
#include "weft-file.h"
#include "weft-timeline-export.h"
#include "weft-timeline-lighting.h"
#include "weft-timeline-pane.h"

#define MARGIN 28.0
#define MIN_WIDTH 320
#define MAX_WIDTH 20000
#define MAX_PNG_HEIGHT 32000
#define MAX_HEIGHT 400000
#define MIN_VIEW_HEIGHT 120
/* Label rows of a lane on a page (a page is as tall as its lanes). */
#define PAGE_ROWS 16

gboolean
weft_timeline_format_from_path (const char         *path,
                                WeftTimelineFormat *format)
{
  const char *dot;
  g_autofree char *ext = NULL;

  if (path == NULL || (dot = strrchr (path, '.')) == NULL || strchr (dot, '/') != NULL)
    return FALSE;

  ext = g_ascii_strdown (dot + 1, -1);
  if (g_str_equal (ext, "svg"))
    *format = WEFT_TIMELINE_FORMAT_SVG;
  else if (g_str_equal (ext, "png"))
    *format = WEFT_TIMELINE_FORMAT_PNG;
  else if (g_str_equal (ext, "pdf"))
    *format = WEFT_TIMELINE_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

WeftTimelineLanes
weft_timeline_default_lanes (WeftDataset *dataset)
{
  GPtrArray *events = weft_dataset_get_events (dataset);

  for (guint i = 0; i < events->len; i++)
    {
      WeftEvent *event = g_ptr_array_index (events, i);

      if (event->group != NULL && event->group[0] != '\0')
        return WEFT_TIMELINE_LANES_GROUP;
    }
  return WEFT_TIMELINE_LANES_ENTITY;
}

void
weft_timeline_export_options_init (WeftTimelineExportOptions *options,
                                   WeftDataset               *dataset)
{
  memset (options, 0, sizeof *options);
  options->width = 1600;
  options->legend = TRUE;
  options->heading = TRUE;
  options->lanes = dataset != NULL ? weft_timeline_default_lanes (dataset) : WEFT_TIMELINE_LANES_GROUP;
}

/* ---- SVG text ---------------------------------------------------------- */

typedef struct {
  WeftTimelineRenderer *renderer;
  GString              *text;
  double                frame_x;   /* where the frame is on the page: its text */
  double                frame_y;   /*   arrives in frame coordinates */
  GHashTable           *marks;     /* event -> marks of it written so far */
} SvgText;

/* XML 1.0 allows no C0 controls but tab, newline and return, not even
 * escaped. */
static char *
xml_text (const char *text)
{
  g_autofree char *clean = g_utf8_make_valid (text, -1);

  for (char *p = clean; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';
  return g_markup_escape_text (clean, -1);
}

static void
color_hex (const WeftTimelineColor *c,
           char                     out[8])
{
  g_snprintf (out, 8, "#%02x%02x%02x",
              (guint) CLAMP (round (c->red * 255), 0, 255),
              (guint) CLAMP (round (c->green * 255), 0, 255),
              (guint) CLAMP (round (c->blue * 255), 0, 255));
}

static void
svg_text_func (const WeftTimelineTextRun *run,
               gpointer                   user_data)
{
  SvgText *svg = user_data;
  const PangoFontDescription *font = weft_timeline_renderer_get_font (svg->renderer, run->role);
  g_autofree char *shown = weft_timeline_renderer_ellipsize (svg->renderer, run->role, run->text, run->max_width);
  double x = run->x, y = run->y;
  g_autofree char *escaped = NULL;
  g_autofree char *family = NULL;
  const char *families = pango_font_description_get_family (font);
  double px = pango_font_description_get_size (font) / (double) PANGO_SCALE;
  char fill[8];
  char num[4][G_ASCII_DTOSTR_BUF_SIZE];

  if (shown[0] == '\0')
    return;

  if (!pango_font_description_get_size_is_absolute (font))
    px = px * 96.0 / 72.0;

  /* "Cantarell, DejaVu Sans, Sans" -> "Cantarell, DejaVu Sans, sans-serif" */
  {
    g_auto(GStrv) names = g_strsplit (families != NULL ? families : "Sans", ",", -1);
    GString *list = g_string_new (NULL);

    for (guint i = 0; names[i] != NULL; i++)
      {
        g_autofree char *name = g_strstrip (g_strdup (names[i]));
        g_autofree char *quoted = NULL;

        if (name[0] == '\0')
          continue;
        if (list->len > 0)
          g_string_append (list, ", ");
        if (g_ascii_strcasecmp (name, "Sans") == 0)
          g_string_append (list, "sans-serif");
        else if (g_ascii_strcasecmp (name, "Serif") == 0)
          g_string_append (list, "serif");
        else if (g_ascii_strcasecmp (name, "Monospace") == 0)
          g_string_append (list, "monospace");
        else
          {
            quoted = xml_text (name);
            g_string_append_printf (list, "'%s'", quoted);
          }
      }
    family = g_string_free (list, FALSE);
  }

  if (run->region != WEFT_TIMELINE_REGION_OTHER)
    {
      x += svg->frame_x;
      y += svg->frame_y;
    }
  if (run->event != NULL)
    {
      /* The event, named by its id, its whole title on hover. */
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (svg->marks, run->event)) + 1;
      g_autofree char *id = xml_text (run->event->item.id);
      g_autofree char *title = xml_text (run->event->title);

      g_hash_table_insert (svg->marks, (gpointer) run->event, GUINT_TO_POINTER (n));
      if (n > 1)
        g_string_append_printf (svg->text, "<g class=\"event\" id=\"%s~%u\">", id, n);
      else
        g_string_append_printf (svg->text, "<g class=\"event\" id=\"%s\">", id);
      g_string_append_printf (svg->text, "<title>%s\n%s</title>", title, id);
    }
  escaped = xml_text (shown);
  color_hex (run->color, fill);
  g_string_append_printf (svg->text,
                          "<text x=\"%s\" y=\"%s\" font-family=\"%s\" font-size=\"%spx\" font-weight=\"%s\""
                          " fill=\"%s\" fill-opacity=\"%s\" xml:space=\"preserve\">%s</text>%s\n",
                          g_ascii_formatd (num[0], sizeof num[0], "%.2f", x),
                          g_ascii_formatd (num[1], sizeof num[1], "%.2f",
                                           y + weft_timeline_renderer_get_baseline (svg->renderer, run->role)),
                          family,
                          g_ascii_formatd (num[2], sizeof num[2], "%.2f", px),
                          pango_font_description_get_weight (font) >= PANGO_WEIGHT_BOLD ? "bold" : "normal",
                          fill,
                          g_ascii_formatd (num[3], sizeof num[3], "%.3f", run->color->alpha),
                          escaped, run->event != NULL ? "</g>" : "");
}

/* ---- Drawing ----------------------------------------------------------- */

cairo_status_t
weft_timeline_write_to_array (void                *closure,
                              const unsigned char *data,
                              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
format_day (gint64 day,
            double span)
{
  WeftDate date = { 0 };
  gint64 y;
  guint m, d;

  weft_civil_from_days (day, &y, &m, &d);
  date.start.lower = date.start.upper = day;
  date.start.year = (gint) CLAMP (y, -WEFT_DATE_MAX_YEAR, WEFT_DATE_MAX_YEAR);
  date.start.month = (gint) m;
  date.start.day = (gint) d;
  if (span > 3 * 365.25)
    date.start.precision = WEFT_DATE_PRECISION_YEAR;
  else if (span > 62)
    date.start.precision = WEFT_DATE_PRECISION_MONTH;
  else
    date.start.precision = WEFT_DATE_PRECISION_DAY;
  date.end = date.start;
  date.lower = date.upper = day;
  return weft_date_format_short (&date);
}

static guint
count_events_in (WeftDataset *dataset,
                 double       lower,
                 double       upper)
{
  GPtrArray *events = weft_dataset_get_events (dataset);
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    {
      WeftEvent *event = g_ptr_array_index (events, i);

      if ((double) event->date.lower < upper && (double) event->date.upper + 1 > lower)
        n++;
    }
  return n;
}

struct _WeftTimelinePage {
  WeftTimelinePane          *pane;    /* a view's pane (its renderer), or */
  WeftTimelineIndex         *index;   /*   the page's own lanes, */
  WeftTimelineRenderer      *renderer;
  WeftTimelineFrame         *frame;   /*   laid out once (borrows the index) */
  WeftTimelineRenderState    state;
  char                      *title;
  char                      *subtitle;
  double                     width;
  double                     height;
  double                     frame_y;
  double                     legend_y;
  gboolean                   legend;
  WeftTimelineLit            selection;  /* what the state lights, owned */
  WeftTimelineLit            search;
};

/* @state is the page's own, or a copy that hands text to a callback. */
static void
draw_page (WeftTimelinePage              *page,
           const WeftTimelineRenderState *state,
           cairo_t                       *cr)
{
  const WeftTimelinePalette *palette = state->palette;
  double y = MARGIN;

  cairo_set_source_rgba (cr, palette->background.red, palette->background.green,
                         palette->background.blue, 1);
  cairo_paint (cr);

  if (page->pane != NULL)
    {
      weft_timeline_pane_draw (page->pane, cr, state);
      return;
    }

  if (page->title != NULL)
    {
      weft_timeline_renderer_draw_text (page->renderer, cr, state, &(WeftTimelineTextRun) {
          .role = WEFT_TIMELINE_TEXT_TITLE, .text = page->title, .x = MARGIN, .y = y,
          .max_width = page->width - 2 * MARGIN,
          .color = weft_timeline_palette_text_color (palette, WEFT_TIMELINE_TEXT_TITLE, WEFT_TIMELINE_STATE_PLAIN),
          .region = WEFT_TIMELINE_REGION_OTHER });
      y += 30;
      weft_timeline_renderer_draw_text (page->renderer, cr, state, &(WeftTimelineTextRun) {
          .role = WEFT_TIMELINE_TEXT_LEGEND, .text = page->subtitle, .x = MARGIN, .y = y,
          .max_width = page->width - 2 * MARGIN,
          .color = weft_timeline_palette_text_color (palette, WEFT_TIMELINE_TEXT_LEGEND, WEFT_TIMELINE_STATE_PLAIN),
          .region = WEFT_TIMELINE_REGION_OTHER });
    }

  cairo_save (cr);
  cairo_translate (cr, MARGIN, page->frame_y);
  /* The renderer draws text through the state's text_func, whose
   * coordinates must be the page's: shift them. */
  weft_timeline_renderer_draw (page->renderer, cr, page->frame, state);
  cairo_restore (cr);

  if (page->legend)
    weft_timeline_renderer_draw_legend (page->renderer, cr, state, MARGIN, page->legend_y,
                                        page->width - 2 * MARGIN);
}

static gboolean
check_height (guint    height,
              guint    limit,
              GError **error)
{
  if (height <= limit)
    return TRUE;
  g_set_error (error, WEFT_ERROR, WEFT_ERROR_LIMIT,
               _("The timeline would be %u pixels tall, too tall for one picture: "
                 "show a shorter span (--from, --to) or fewer lanes (--lanes group or kind)"),
               height);
  return FALSE;
}

void
weft_timeline_page_free (WeftTimelinePage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->frame, weft_timeline_frame_free);
  if (page->pane != NULL)
    weft_timeline_pane_free (page->pane);
  else
    {
      g_clear_pointer (&page->renderer, weft_timeline_renderer_free);
      g_clear_pointer (&page->index, weft_timeline_index_free);
    }
  g_free (page->title);
  g_free (page->subtitle);
  weft_timeline_lit_clear (&page->selection);
  weft_timeline_lit_clear (&page->search);
  g_free (page);
}

/* @session's time window, selection and search in the page's state, as
 * the window's timeline shows them (weft-timeline-view.c); the lane of a
 * selected entity, or -1. */
static int
light_session (WeftTimelinePage *page,
               WeftSession      *session)
{
  WeftItem *item = weft_session_get_selection (session);
  gint64 lower, upper;

  if (weft_session_get_window (session, &lower, &upper))
    {
      page->state.has_window = TRUE;
      page->state.window_lower = (double) lower;
      page->state.window_upper = (double) upper;
    }
  if (item != NULL && item->type == WEFT_ITEM_EVENT)
    page->state.selected = (WeftEvent *) item;
  weft_timeline_lit_set_selection (&page->selection, page->index, item);
  weft_timeline_lit_set_search (&page->search, page->index, weft_session_get_search_results (session));
  weft_timeline_lit_apply (&page->selection, &page->search, &page->state);
  return item != NULL && item->type == WEFT_ITEM_ENTITY ? weft_timeline_index_find_entity_lane (page->index, item->id) : -1;
}

WeftTimelinePage *
weft_timeline_page_new (WeftDataset                     *dataset,
                        const WeftTimelineExportOptions *options,
                        GError                         **error)
{
  WeftTimelineExportOptions defaults;
  g_autoptr(WeftTimelinePage) page = NULL;
  WeftTimelineLayoutOptions layout;
  WeftTimelineScale scale;
  WeftTimelineFrame *frame;
  double lower, upper, legend_h = 0;
  int lane = -1;
  gboolean view;
  guint width;

  g_return_val_if_fail (WEFT_IS_DATASET (dataset), NULL);

  if (options == NULL)
    {
      weft_timeline_export_options_init (&defaults, dataset);
      options = &defaults;
    }

  view = options->view_width > 0 || options->view_height > 0;
  width = view ? options->view_width : (options->width == 0 ? 1600 : options->width);
  if (width < MIN_WIDTH || width > MAX_WIDTH)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_LIMIT,
                   _("A timeline picture must be %u to %u pixels wide, not %u"),
                   MIN_WIDTH, MAX_WIDTH, width);
      return NULL;
    }
  if (view && (options->view_height < MIN_VIEW_HEIGHT || options->view_height > MAX_PNG_HEIGHT))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_LIMIT,
                   _("A timeline view must be %u to %u pixels tall, not %u"),
                   MIN_VIEW_HEIGHT, MAX_PNG_HEIGHT, options->view_height);
      return NULL;
    }

  page = g_new0 (WeftTimelinePage, 1);
  if (view)
    {
      page->pane = weft_timeline_pane_new (dataset, options->lanes, 1);
      page->index = weft_timeline_pane_get_index (page->pane);
      page->renderer = weft_timeline_pane_get_renderer (page->pane);
    }
  else
    {
      page->index = weft_timeline_index_new (dataset, options->lanes);
      page->renderer = weft_timeline_renderer_new (NULL, 1);
      page->frame = weft_timeline_frame_new ();
    }

  weft_timeline_fit_span (page->index, &lower, &upper);
  if (options->has_from)
    lower = (double) options->from;
  if (options->has_to)
    upper = (double) options->to + 1;
  if (options->has_from && options->has_to && upper <= lower)
    {
      g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                           _("The end of the span comes before its start: give a later “to” date"));
      return NULL;
    }
  if (upper <= lower)
    {
      /* Only one end given, on the wrong side of the data. */
      if (options->has_from)
        upper = lower + 366;
      else
        lower = upper - 366;
    }

  weft_timeline_render_state_init (&page->state, weft_timeline_palette_get (options->dark));
  page->state.has_unsourced = weft_timeline_index_has_unsourced (page->index);
  if (options->session != NULL)
    lane = light_session (page, options->session);
  if (view)
    {
      /* The window's pane: folded lanes first, as they take less height. */
      if (options->collapsed != NULL)
        {
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, options->collapsed);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            weft_timeline_pane_toggle_lane (page->pane, key);
        }
      weft_timeline_pane_set_size (page->pane, width, options->view_height);
      if (options->has_from || options->has_to)
        weft_timeline_pane_set_span (page->pane, lower, upper);
      /* As the window does for a selected entity. */
      if (lane >= 0)
        weft_timeline_pane_reveal_lane (page->pane, (guint) lane);
      page->width = width;
      page->height = options->view_height;
      page->index = NULL;
      return g_steal_pointer (&page);
    }

  frame = page->frame;
  weft_timeline_layout_options_init (&layout);
  layout.measure = weft_timeline_renderer_measure;
  layout.measure_data = page->renderer;
  layout.compact = TRUE;
  layout.max_rows = PAGE_ROWS;
  layout.collapsed = options->collapsed;
  weft_timeline_scale_init (&scale, lower, upper, width - 2 * MARGIN);
  weft_timeline_layout (page->index, &scale, &layout, frame);

  page->width = width;
  page->legend = options->legend;
  if (options->heading)
    {
      g_autofree char *from = format_day ((gint64) floor (scale.lower), scale.upper - scale.lower);
      g_autofree char *to = format_day ((gint64) floor (scale.upper) - 1, scale.upper - scale.lower);
      guint n = count_events_in (dataset, scale.lower, scale.upper);
      g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n), n);
      const char *title = options->title != NULL ? options->title : weft_dataset_get_title (dataset);

      page->title = g_strdup (title != NULL && title[0] != '\0' ? title : _("Timeline"));
      /* Translators: under an exported timeline's title: "2000 to 2022 · 16 events". */
      page->subtitle = g_strdup_printf (_("%1$s to %2$s · %3$s"), from, to, events);
    }

  page->frame_y = options->heading ? MARGIN + 30 + 30 : MARGIN;
  page->legend_y = page->frame_y + frame->header_height + frame->lanes_height + 16;
  if (frame->lanes->len == 0)
    page->legend_y += 24;
  if (options->legend)
    {
      cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
      cairo_t *scratch_cr = cairo_create (scratch);

      legend_h = weft_timeline_renderer_draw_legend (page->renderer, scratch_cr, &page->state, MARGIN, 0,
                                                     width - 2 * MARGIN);
      cairo_destroy (scratch_cr);
      cairo_surface_destroy (scratch);
    }
  page->height = ceil ((options->legend ? page->legend_y + legend_h : page->legend_y) + MARGIN - 12);

  if (!check_height ((guint) MIN (page->height, (double) G_MAXUINT), MAX_HEIGHT, error))
    return NULL;
  return g_steal_pointer (&page);
}

void
weft_timeline_page_get_size (WeftTimelinePage *page,
                             double           *width,
                             double           *height)
{
  g_return_if_fail (page != NULL);

  if (width != NULL)
    *width = page->width;
  if (height != NULL)
    *height = page->height;
}

void
weft_timeline_page_draw (WeftTimelinePage *page,
                         cairo_t          *cr)
{
  g_return_if_fail (page != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  /* The background is a paint: keep it on the page. */
  cairo_rectangle (cr, 0, 0, page->width, page->height);
  cairo_clip (cr);
  draw_page (page, &page->state, cr);
  cairo_restore (cr);
}

GBytes *
weft_timeline_export_bytes (WeftDataset                     *dataset,
                            WeftTimelineFormat               format,
                            const WeftTimelineExportOptions *options,
                            guint                           *width_out,
                            guint                           *height_out,
                            GError                         **error)
{
  g_autoptr(WeftTimelinePage) page = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  WeftTimelineRenderState state;
  SvgText svg = { 0 };
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  guint width, height;

  g_return_val_if_fail (WEFT_IS_DATASET (dataset), NULL);

  page = weft_timeline_page_new (dataset, options, error);
  if (page == NULL)
    return NULL;
  width = (guint) page->width;
  height = (guint) MIN (page->height, (double) G_MAXUINT);
  if (format == WEFT_TIMELINE_FORMAT_PNG && !check_height (height, MAX_PNG_HEIGHT, error))
    return NULL;

  state = page->state;
  switch (format)
    {
    case WEFT_TIMELINE_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (weft_timeline_write_to_array, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      svg.renderer = page->renderer;
      svg.text = g_string_new (NULL);
      svg.frame_x = page->pane != NULL ? 0 : MARGIN;
      svg.frame_y = page->pane != NULL ? 0 : page->frame_y;
      svg.marks = g_hash_table_new (NULL, NULL);
      state.text_func = svg_text_func;
      state.text_data = &svg;
      break;

    case WEFT_TIMELINE_FORMAT_PDF:
      /* 96 pixels to the inch: a 1600-pixel picture is 1200 points wide. */
      surface = cairo_pdf_surface_create_for_stream (weft_timeline_write_to_array, bytes, width * 0.75, height * 0.75);
      if (page->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, page->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Weft " PACKAGE_VERSION);
      break;

    case WEFT_TIMELINE_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
      break;
    }

  cr = cairo_create (surface);
  if (format == WEFT_TIMELINE_FORMAT_PDF)
    cairo_scale (cr, 0.75, 0.75);
  draw_page (page, &state, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  g_clear_pointer (&svg.marks, g_hash_table_unref);

  if (status == CAIRO_STATUS_SUCCESS && format == WEFT_TIMELINE_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, weft_timeline_write_to_array, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (svg.text != NULL)
        g_string_free (svg.text, TRUE);
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_FAILED,
                   _("Could not draw the timeline: %s"), cairo_status_to_string (status));
      return NULL;
    }

  if (svg.text != NULL)
    {
      /* Text over cairo's shapes, just before the end of the document. */
      const char *end_tag = "</svg>";
      guint at = bytes->len;

      for (guint i = bytes->len >= 6 ? bytes->len - 6 : 0; i > 0; i--)
        if (memcmp (bytes->data + i, end_tag, 6) == 0)
          {
            at = i;
            break;
          }
      if (at == bytes->len)
        {
          g_string_free (svg.text, TRUE);
          g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_FAILED,
                               _("Could not draw the timeline: the SVG surface wrote no document"));
          return NULL;
        }
      {
        g_autoptr(GByteArray) joined = g_byte_array_sized_new (bytes->len + svg.text->len + 32);
        static const char open_group[] = "<g id=\"weft-text\">\n";
        static const char close_group[] = "</g>\n";

        g_byte_array_append (joined, bytes->data, at);
        g_byte_array_append (joined, (const guint8 *) open_group, strlen (open_group));
        g_byte_array_append (joined, (const guint8 *) svg.text->str, svg.text->len);
        g_byte_array_append (joined, (const guint8 *) close_group, strlen (close_group));
        g_byte_array_append (joined, bytes->data + at, bytes->len - at);
        g_string_free (svg.text, TRUE);
        g_byte_array_unref (bytes);
        bytes = g_steal_pointer (&joined);
      }
    }

  if (width_out != NULL)
    *width_out = width;
  if (height_out != NULL)
    *height_out = height;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
weft_timeline_export (WeftDataset                     *dataset,
                      GFile                           *file,
                      WeftTimelineFormat               format,
                      const WeftTimelineExportOptions *options,
                      GError                         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = weft_timeline_export_bytes (dataset, format, options, NULL, NULL, error);
  return bytes != NULL && weft_timeline_export_write (file, bytes, error);
}

gboolean
weft_timeline_export_write (GFile   *file,
                            GBytes  *bytes,
                            GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* Not g_file_replace_contents(): a failed write would leave a
   * half-written picture in place of the old one (weft-loader.h). */
  if (!weft_file_replace_contents (file, data, size, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, _("Cannot write “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
