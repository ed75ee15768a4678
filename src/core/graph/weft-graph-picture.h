/* weft-graph-picture.h: the graph as the window's pane shows it, as a file
 *
 * A picture is a pane of a given size: the layout fitted to it
 * (weft_layout_fit()), at the fitted zoom, drawn by the painter with the
 * light or dark palette, so `weft graph --view 1280x720` is what a graph
 * pane of 1280 x 720 pixels shows. A slide adds the dataset's title above
 * and the legend beside the pane. Printing draws a picture too.
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
  gboolean    legend;   /* the legend card in the top left corner, as in the window */
  gboolean    slide;    /* the title above and the legend beside the pane */
  const char *title;    /* a slide's; NULL: the dataset's */
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
