/* weft-graph-picture.c: the graph as the window's pane shows it, as a file
 *
 * The painter draws everything; for SVG it hands over the shapes of each
 * node and every line of text (weft_graph_painter_set_funcs()), which are
 * written as one <g class="node" id="ID"> a node, with a <title> holding
 * the id, over what cairo's SVG surface drew (the background and the
 * edges): cairo would write text as glyph outlines and groups nothing.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "weft-error.h"
#include "weft-graph-picture.h"

/* A slide's margin, title size and the room between its parts, pixels. */
#define SLIDE_MARGIN 24.0
#define TITLE_PX 24.0
#define SLIDE_GAP 16.0

struct _WeftGraphPicture
{
  WeftGraphPictureOptions  options;
  char                    *title;
  const WeftGraphPalette  *palette;
  WeftGraphPainter        *painter;
  WeftLayout              *layout;     /* fitted to the pane */
  WeftGraphViewport        viewport;
  WeftGraphRect            pane;       /* in the picture */
  double                   title_height;
  WeftGraphRect            title_box;  /* in the picture; empty when none */
  WeftGraphRect            legend_box;
};

/* A layout of @text in the graph's font at @px pixels. */
static PangoLayout *
title_layout (cairo_t    *cr,
              const char *text,
              double      px,
              double      width)
{
  PangoLayout *layout;
  PangoFontDescription *font = pango_font_description_from_string (WEFT_GRAPH_FONT);

  if (cr != NULL)
    layout = pango_cairo_create_layout (cr);
  else
    {
      PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

      layout = pango_layout_new (context);
      g_object_unref (context);
    }
  pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

WeftGraphPicture *
weft_graph_picture_new (WeftLayout                    *raw,
                        const WeftGraphPictureOptions *options)
{
  WeftGraphPicture *self = g_new0 (WeftGraphPicture, 1);
  WeftGraph *graph = weft_layout_get_graph (raw);
  double width = MAX (options->width, 64), height = MAX (options->height, 64);

  self->options = *options;
  self->options.width = width;
  self->options.height = height;
  self->palette = weft_graph_palette_get (options->dark);
  self->painter = weft_graph_painter_new ();
  self->pane = (WeftGraphRect) { 0, 0, width, height };

  if (options->slide || options->titled)
    {
      const char *title = options->title ? options->title : weft_dataset_get_title (weft_graph_get_dataset (graph));

      self->title = g_strdup (title ? title : "");
      self->title_height = *self->title != '\0' ? ceil (TITLE_PX * 1.3) + SLIDE_GAP : 0;
      if (self->title_height > 0)
        self->title_box = (WeftGraphRect) { SLIDE_MARGIN, SLIDE_MARGIN, width - 2 * SLIDE_MARGIN, ceil (TITLE_PX * 1.3) };
    }
  if (options->slide || options->legend)
    weft_graph_painter_draw_legend (self->painter, NULL, self->palette, graph, &self->legend_box);
  if (options->slide)
    {
      double legend_w = self->legend_box.width;
      self->pane.x = SLIDE_MARGIN;
      self->pane.y = SLIDE_MARGIN + self->title_height;
      self->pane.width = width - 2 * SLIDE_MARGIN - (legend_w > 0 ? legend_w + SLIDE_GAP : 0);
      self->pane.height = height - self->pane.y - SLIDE_MARGIN;
      self->legend_box.x = width - SLIDE_MARGIN - legend_w;
      self->legend_box.y = self->pane.y;
    }
  else
    {
      /* The window's pane, below the title when there is one; the legend
       * in its top left corner, the layout fitted to the rest: beside the
       * card or below it, whichever takes the smaller share of the pane. */
      double card_w = self->legend_box.width, card_h = self->legend_box.height;

      self->pane.y = self->title_height > 0 ? SLIDE_MARGIN + self->title_height - SLIDE_GAP / 2 : 0;
      self->pane.height = height - self->pane.y;
      self->legend_box.x = 12;
      self->legend_box.y = self->pane.y + 12;
      if (options->zoom > 0)
        ; /* A zoomed view's pane is the window's, the card over it. */
      else if (card_w > 0 && (card_w + 24) / self->pane.width <= (card_h + 24) / self->pane.height)
        {
          self->pane.x = card_w + 24;
          self->pane.width -= self->pane.x;
        }
      else if (card_w > 0)
        {
          self->pane.y += card_h + 24;
          self->pane.height -= card_h + 24;
        }
    }
  self->pane.width = MAX (self->pane.width, 64);
  self->pane.height = MAX (self->pane.height, 64);

  self->layout = weft_layout_fit (raw, self->pane.width, self->pane.height, NULL);
  if (options->shown != NULL)
    {
      WeftLayout *part = weft_layout_subset (self->layout, options->shown);

      if (part != NULL)
        {
          weft_layout_unref (self->layout);
          self->layout = part;
        }
    }
  if (options->zoom > 0)
    {
      /* As the window's view puts it: the zoom within its bounds, the
       * origin on whole pixels. */
      double scale = CLAMP (options->zoom, WEFT_LAYOUT_MIN_SCALE, WEFT_LAYOUT_MAX_SCALE);
      double cx = options->centred ? options->centre_x : weft_layout_get_width (self->layout) / 2;
      double cy = options->centred ? options->centre_y : weft_layout_get_height (self->layout) / 2;

      weft_graph_viewport_init (&self->viewport, scale,
                                round ((cx - self->pane.width / (2 * scale)) * scale) / scale,
                                round ((cy - self->pane.height / (2 * scale)) * scale) / scale,
                                self->pane.width, self->pane.height);
    }
  else
    weft_graph_viewport_fit (&self->viewport, self->layout, self->pane.width, self->pane.height);
  weft_graph_painter_set_record (self->painter, TRUE);
  return self;
}

void
weft_graph_picture_free (WeftGraphPicture *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->layout, weft_layout_unref);
  weft_graph_painter_free (self->painter);
  g_free (self->title);
  g_free (self);
}

WeftLayout *
weft_graph_picture_get_layout (WeftGraphPicture *self)
{
  return self->layout;
}

const WeftGraphViewport *
weft_graph_picture_get_viewport (WeftGraphPicture *self)
{
  return &self->viewport;
}

const WeftGraphDrawnNode *
weft_graph_picture_get_drawn (WeftGraphPicture *self,
                              guint            *n_drawn)
{
  return weft_graph_painter_get_drawn (self->painter, n_drawn);
}

void
weft_graph_picture_get_size (WeftGraphPicture *self,
                             double           *width,
                             double           *height)
{
  *width = self->options.width;
  *height = self->options.height;
}

WeftGraphRect
weft_graph_picture_get_pane (WeftGraphPicture *self)
{
  return self->pane;
}

void
weft_graph_picture_get_cards (WeftGraphPicture *self,
                              WeftGraphRect    *title,
                              WeftGraphRect    *legend)
{
  *title = self->title_box;
  *legend = self->legend_box;
}

/* The title (unless it is written as SVG text), the pane and the
 * legend. */
static void
draw (WeftGraphPicture *self,
      cairo_t          *cr)
{
  WeftGraph *graph = weft_layout_get_graph (self->layout);
  WeftGraphPaintState state;
  WeftGraphRect card = self->legend_box;

  weft_color_set_source (cr, &self->palette->background, 1);
  cairo_paint (cr);

  if (self->title != NULL && *self->title != '\0')
    {
      g_autoptr(PangoLayout) layout = title_layout (cr, self->title, TITLE_PX, self->options.width - 2 * SLIDE_MARGIN);

      cairo_save (cr);
      cairo_move_to (cr, SLIDE_MARGIN, SLIDE_MARGIN);
      weft_color_set_source (cr, &self->palette->text, 1);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }

  cairo_save (cr);
  cairo_rectangle (cr, self->pane.x, self->pane.y, self->pane.width, self->pane.height);
  cairo_clip (cr);
  cairo_translate (cr, self->pane.x, self->pane.y);
  weft_graph_viewport_apply (&self->viewport, cr);
  weft_graph_paint_state_init (&state, self->palette);
  weft_graph_painter_draw (self->painter, cr, self->layout, &state, WEFT_GRAPH_PAINT_SCENE, &self->viewport);
  cairo_restore (cr);

  if (self->options.slide || self->options.legend)
    weft_graph_painter_draw_legend (self->painter, cr, self->palette, graph, &card);
}

void
weft_graph_picture_draw (WeftGraphPicture *self,
                         cairo_t          *cr)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->options.width, self->options.height);
  cairo_clip (cr);
  draw (self, cr);
  cairo_restore (cr);
}

/* ---- SVG -------------------------------------------------------------------- */

typedef struct {
  WeftGraph *graph;
  GString  **nodes;    /* by node: its shapes and text */
  GString   *other;    /* text of no node */
} Svg;

/* @text as XML character data: escaped, and no control characters, which
 * XML 1.0 forbids even escaped. */
static char *
xml_escape (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  for (char *p = valid; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';
  return g_markup_escape_text (valid, -1);
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

/* fill="#rrggbb" fill-opacity="a" (or stroke…). */
static void
append_paint (GString         *out,
              const char      *what,
              const WeftColor *color)
{
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\" %s-opacity=\"", what,
                          (guint) CLAMP (round (color->red * 255), 0, 255),
                          (guint) CLAMP (round (color->green * 255), 0, 255),
                          (guint) CLAMP (round (color->blue * 255), 0, 255), what);
  append_number (out, color->alpha);
  g_string_append_c (out, '"');
}

static void
svg_shape (guint               node,
           const cairo_path_t *path,
           const WeftColor    *fill,
           const WeftColor    *stroke,
           double              line_width,
           gpointer            user_data)
{
  Svg *svg = user_data;
  GString *out = svg->nodes[node];
  static const char commands[] = { [CAIRO_PATH_MOVE_TO] = 'M', [CAIRO_PATH_LINE_TO] = 'L',
                                   [CAIRO_PATH_CURVE_TO] = 'C', [CAIRO_PATH_CLOSE_PATH] = 'Z' };

  g_string_append (out, "<path d=\"");
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *data = &path->data[i];

      g_string_append_c (out, commands[data->header.type]);
      for (int k = 1; k < data->header.length; k++)
        {
          append_number (out, data[k].point.x);
          g_string_append_c (out, ',');
          append_number (out, data[k].point.y);
          g_string_append_c (out, ' ');
        }
    }
  g_string_append_c (out, '"');
  if (fill->alpha > 0)
    append_paint (out, "fill", fill);
  else
    g_string_append (out, " fill=\"none\"");
  if (stroke != NULL)
    {
      append_paint (out, "stroke", stroke);
      g_string_append (out, " stroke-width=\"");
      append_number (out, line_width);
      g_string_append (out, "\" stroke-linejoin=\"round\"");
    }
  g_string_append (out, "/>\n");
}

static void
svg_text (const WeftGraphTextRun *run,
          gpointer                user_data)
{
  Svg *svg = user_data;
  GString *out = run->node >= 0 ? svg->nodes[run->node] : svg->other;
  g_autofree char *text = xml_escape (run->text);
  g_autofree char *family = xml_escape (run->family);

  g_string_append (out, "<text x=\"");
  append_number (out, run->x);
  g_string_append (out, "\" y=\"");
  append_number (out, run->y);
  g_string_append_printf (out, "\" font-family=\"'%s', sans-serif\" font-size=\"", family);
  append_number (out, run->size);
  g_string_append_c (out, '"');
  if (run->bold)
    g_string_append (out, " font-weight=\"bold\"");
  append_paint (out, "fill", run->color);
  g_string_append_printf (out, " xml:space=\"preserve\">%s</text>\n", text);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Cairo's document with the nodes and text before its end. */
static gboolean
finish_svg (WeftGraphPicture *self,
            GByteArray       *bytes,
            Svg              *svg,
            GError          **error)
{
  static const char end[] = "</svg>";
  g_autoptr(GString) tail = g_string_new (NULL);
  guint at = bytes->len;

  while (at >= strlen (end) && memcmp (bytes->data + at - strlen (end), end, strlen (end)) != 0)
    at--;
  if (at < strlen (end))
    {
      g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_FAILED,
                           _("Could not draw the graph: the SVG surface wrote no document"));
      return FALSE;
    }
  at -= strlen (end);

  for (guint i = 0; i < weft_graph_get_n_nodes (svg->graph); i++)
    {
      g_autofree char *id = NULL;

      if (svg->nodes[i]->len == 0)
        continue;
      id = xml_escape (weft_graph_get_node (svg->graph, i)->item->id);
      g_string_append_printf (tail, "<g class=\"node\" id=\"%s\">\n<title>%s</title>\n%s</g>\n", id, id,
                              svg->nodes[i]->str);
    }
  if (self->title != NULL && *self->title != '\0')
    {
      g_autoptr(PangoLayout) layout = title_layout (NULL, self->title, TITLE_PX, self->options.width - 2 * SLIDE_MARGIN);
      g_autofree char *text = xml_escape (pango_layout_get_text (layout));
      g_autofree char *family = xml_escape (WEFT_GRAPH_FONT);

      g_string_append_printf (tail, "<text class=\"title\" x=\"%d\" y=\"%d\" font-family=\"'%s', sans-serif\" "
                              "font-size=\"%d\" font-weight=\"bold\"", (int) SLIDE_MARGIN,
                              (int) (SLIDE_MARGIN + pango_layout_get_baseline (layout) / PANGO_SCALE), family,
                              (int) TITLE_PX);
      append_paint (tail, "fill", &self->palette->text);
      g_string_append_printf (tail, " xml:space=\"preserve\">%s</text>\n", text);
    }
  g_string_append_printf (tail, "<g class=\"labels\">\n%s</g>\n", svg->other->str);
  g_byte_array_remove_range (bytes, at, bytes->len - at);
  g_byte_array_append (bytes, (const guint8 *) tail->str, tail->len);
  g_byte_array_append (bytes, (const guint8 *) end, strlen (end));
  g_byte_array_append (bytes, (const guint8 *) "\n", 1);
  return TRUE;
}

GBytes *
weft_graph_picture_export (WeftGraphPicture  *self,
                           WeftExportFormat   format,
                           GError           **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint n_nodes = weft_graph_get_n_nodes (weft_layout_get_graph (self->layout));
  int width = (int) ceil (self->options.width), height = (int) ceil (self->options.height);
  Svg svg = { weft_layout_get_graph (self->layout), NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  char *title;

  switch (format)
    {
    case WEFT_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      svg.nodes = g_new (GString *, MAX (n_nodes, 1));
      for (guint i = 0; i < n_nodes; i++)
        svg.nodes[i] = g_string_new (NULL);
      svg.other = g_string_new (NULL);
      weft_graph_painter_set_funcs (self->painter, svg_text, svg_shape, &svg);
      break;
    case WEFT_EXPORT_PDF:
      /* 96 pixels to the inch. */
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width * 0.75, height * 0.75);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Weft " PACKAGE_VERSION);
      if (self->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
      break;
    case WEFT_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    case WEFT_EXPORT_DOT:
    case WEFT_N_EXPORT_FORMATS:
    default:
      g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_FORMAT,
                           _("A picture of the view is SVG, PNG or PDF, not DOT"));
      return NULL;
    }

  cr = cairo_create (surface);
  if (format == WEFT_EXPORT_PDF)
    cairo_scale (cr, 0.75, 0.75);
  /* The title goes in as text of its own in SVG. */
  title = self->title;
  if (format == WEFT_EXPORT_SVG)
    self->title = NULL;
  weft_graph_picture_draw (self, cr);
  self->title = title;
  status = cairo_status (cr);
  cairo_destroy (cr);
  weft_graph_painter_set_funcs (self->painter, NULL, NULL, NULL);
  if (status == CAIRO_STATUS_SUCCESS && format == WEFT_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && format == WEFT_EXPORT_SVG && !finish_svg (self, bytes, &svg, error))
    status = CAIRO_STATUS_WRITE_ERROR;
  else if (status != CAIRO_STATUS_SUCCESS)
    g_set_error (error, WEFT_ERROR, WEFT_ERROR_FAILED, _("Could not draw the graph: %s"),
                 cairo_status_to_string (status));
  if (svg.nodes != NULL)
    {
      for (guint i = 0; i < n_nodes; i++)
        g_string_free (svg.nodes[i], TRUE);
      g_free (svg.nodes);
      g_string_free (svg.other, TRUE);
    }
  if (status != CAIRO_STATUS_SUCCESS)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
