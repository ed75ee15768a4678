/* weft-graph-picture.h: the graph as the window's pane shows it, as a file
 *
 * A picture is a pane of a given size: the layout fitted to it
 * (weft_layout_fit()), at the fitted zoom, drawn by the painter with the
 * light or dark palette, so `weft graph --view 1280x720` is what a graph
 * pane of 1280 x 720 pixels shows. A slide adds the dataset's title above
 * and the legend beside the pane; a titled picture the title above the
 * pane alone. Printing draws a picture too.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-graph-painter.h"
#include "weft-layout.h"

G_BEGIN_DECLS

typedef struct {
  double      width;    /* the whole picture, in pixels */
  double      height;
  gboolean    dark;     /* the dark palette */
  gboolean    legend;   /* the legend card in the top left corner, the pane beside or below it */
  gboolean    slide;    /* the title above and the legend beside the pane */
  const char *title;    /* a slide's (or a titled picture's); NULL: the dataset's; "": none */
  gboolean    titled;   /* the title above the pane, also without a slide */
  WeftGraph  *shown;    /* only these nodes of raw's graph, where the fit puts them (as the
                         * window's time window and hidden kinds hide nodes); NULL: all */
  double      zoom;     /* > 0: pane pixels a layout point, as weft_graph_view_set_scale() puts
                         * it, the legend card over the pane; 0: fitted */
  gboolean    centred;  /* with zoom: the pane's middle on this point of the fitted layout, as */
  double      centre_x; /*   weft_graph_view_set_center() puts it; else on the layout's middle */
  double      centre_y;
} WeftGraphPictureOptions;

typedef struct _WeftGraphPicture WeftGraphPicture;

/* Fits @raw (as Graphviz placed it) to the pane the options leave and
 * draws it there. */
WeftGraphPicture *weft_graph_picture_new         (WeftLayout                    *raw,
                                                  const WeftGraphPictureOptions *options);
void              weft_graph_picture_free        (WeftGraphPicture              *self);

/* The fitted layout, its view, and what the painter put where (device
 * units of a drawing at the origin, at one unit a pixel). */
WeftLayout       *weft_graph_picture_get_layout  (WeftGraphPicture              *self);
const WeftGraphViewport *weft_graph_picture_get_viewport (WeftGraphPicture      *self);
const WeftGraphDrawnNode *weft_graph_picture_get_drawn (WeftGraphPicture        *self,
                                                        guint                   *n_drawn);
/* The picture's size in pixels. */
void              weft_graph_picture_get_size    (WeftGraphPicture              *self,
                                                  double                        *width,
                                                  double                        *height);
/* The pane's place in the picture. */
WeftGraphRect     weft_graph_picture_get_pane    (WeftGraphPicture              *self);
/* Where the title and the legend card are in the picture (empty
 * rectangles when there are none); no node or name is drawn under them. */
void              weft_graph_picture_get_cards   (WeftGraphPicture              *self,
                                                  WeftGraphRect                 *title,
                                                  WeftGraphRect                 *legend);

/* Draws the picture with its top left at @cr's origin, one unit a pixel;
 * text stays text. */
void              weft_graph_picture_draw        (WeftGraphPicture              *self,
                                                  cairo_t                       *cr);
/* As SVG (each node a <g class="node" id="ID"> with a <title> and its
 * name as <text>, sizes in pixels, no transforms), PNG or PDF (96 pixels
 * an inch). */
GBytes           *weft_graph_picture_export      (WeftGraphPicture              *self,
                                                  WeftExportFormat               format,
                                                  GError                       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftGraphPicture, weft_graph_picture_free)

G_END_DECLS
