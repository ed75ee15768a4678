/* weft-graph-overlays.h: what the graph view draws over its tiles
 *
 * The tiles hold the scene (weft-graph-painter.h); over them, every
 * frame: the highlights, names in screen-sized text when the drawn ones
 * are too small to read (pills for the nodes that matter), the minimap,
 * the legend, and a status line.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gtk/gtk.h>

#include "weft-graph-painter.h"

G_BEGIN_DECLS

/* What the view shows, as the overlays need it. */
typedef struct {
  WeftLayout                *layout;       /* NULL before the first layout */
  const WeftGraphPaintState *paint;        /* the palette, what is lit */
  double                     scale;        /* pixels per layout point */
  double                     ox;           /* the layout point at the top left */
  double                     oy;
  int                        width;
  int                        height;
  gboolean                   show_legend;
  gboolean                   busy;         /* a layout is running */
  const char                *message;
} WeftGraphOverlayView;

typedef struct _WeftGraphOverlays WeftGraphOverlays;

/* Over @widget (not referenced: it owns the overlays); the minimap is
 * drawn with @painter. */
WeftGraphOverlays *weft_graph_overlays_new             (GtkWidget                  *widget,
                                                        WeftGraphPainter           *painter);
void               weft_graph_overlays_free            (WeftGraphOverlays          *self);

/* Forgets the minimap, the legend and the order of names drawn once and
 * kept (a new layout, zoom or palette). */
void               weft_graph_overlays_clear           (WeftGraphOverlays          *self);

/* Over the tiles of @view->layout, inside the view's clip: highlights,
 * names and pills, the minimap, the legend. */
void               weft_graph_overlays_snapshot        (WeftGraphOverlays          *self,
                                                        GtkSnapshot                *snapshot,
                                                        const WeftGraphOverlayView *view);
/* The line saying what the view is doing or why it is empty, if any. */
void               weft_graph_overlays_snapshot_status (WeftGraphOverlays          *self,
                                                        GtkSnapshot                *snapshot,
                                                        const WeftGraphOverlayView *view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftGraphOverlays, weft_graph_overlays_free)

G_END_DECLS
