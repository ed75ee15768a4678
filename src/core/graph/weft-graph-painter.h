/* weft-graph-painter.h: draws a laid-out graph with cairo and pango
 *
 * The one painter of the relationship graph, as weft-timeline-render.h is
 * the timeline's: no GTK, colours from a palette the caller passes in, any
 * cairo context (the window's tiles and minimap, images, PDF, SVG). It
 * draws in layout points (y down, see weft-layout.h): the caller sets up
 * @cr's transform and says which part of the drawing is visible.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <cairo.h>

#include "weft-color.h"
#include "weft-graph.h"
#include "weft-layout.h"
#include "weft-query.h"

G_BEGIN_DECLS

typedef struct {
  WeftColor text;      /* names; edges are drawn in it, fainter */
  WeftColor accent;    /* the selection, the path, what the pointer is on */
  WeftColor match;     /* rings around search matches, pills' borders */
  WeftColor denied;    /* relations every claim denies */
  WeftColor pill;      /* behind names drawn over the graph */
  WeftColor minimap;   /* behind the minimap */
  WeftColor legend;    /* behind the legend */
  gboolean  dark;      /* node colours for a dark background (weft_node_style_colors()) */
} WeftGraphPalette;

/* libadwaita's light or dark colours. */
const WeftGraphPalette *weft_graph_palette_get (gboolean dark);

typedef struct {
  double x, y, width, height;
} WeftGraphRect;

/* What is lit and what is dimmed. */
typedef struct {
  const WeftGraphPalette *palette;
  const gboolean         *is_match;       /* by node: FALSE dims it and its edges; NULL dims nothing */
  const guint            *matches;        /* nodes ringed in the match colour */
  guint                   n_matches;
  GPtrArray              *path;           /* WeftHop *: hops lit in the accent colour, or NULL */
  gint                    selected_node;  /* ringed, with its edges to its neighbours; -1: none */
  gint                    selected_edge;  /* -1: none */
  gint                    hover_node;     /* a thin ring; -1: none */
  gint                    hover_edge;
} WeftGraphPaintState;

/* Nothing lit, nothing dimmed. */
void     weft_graph_paint_state_init            (WeftGraphPaintState       *state,
                                                 const WeftGraphPalette    *palette);
/* Whether there is anything to highlight. */
gboolean weft_graph_paint_state_has_highlights  (const WeftGraphPaintState *state);

/* What a drawing put where, in @cr's device units (pixels on an image). */
typedef struct {
  guint         node;      /* index in the graph */
  WeftGraphRect box;       /* the node's box */
  WeftGraphRect name;      /* its name's logical extents, when has_name */
  gboolean      has_name;
} WeftGraphDrawnNode;

/* The part of the drawing a picture shows. */
typedef struct {
  double        scale;     /* device units per layout point */
  WeftGraphRect visible;   /* in layout points */
} WeftGraphViewport;

/* The view of @width x @height device units whose top left shows layout
 * point (@x, @y). */
void     weft_graph_viewport_init               (WeftGraphViewport         *viewport,
                                                 double                     scale,
                                                 double                     x,
                                                 double                     y,
                                                 double                     width,
                                                 double                     height);
/* Transforms @cr so that it draws layout points where @viewport shows
 * them: the visible part's top left at the origin. */
void     weft_graph_viewport_apply              (const WeftGraphViewport   *viewport,
                                                 cairo_t                   *cr);

typedef enum {
  WEFT_GRAPH_PAINT_SCENE = 1 << 0,       /* edges, nodes, names; dimmed by is_match */
  WEFT_GRAPH_PAINT_HIGHLIGHTS = 1 << 1,  /* what the state lights up, over the scene */
  WEFT_GRAPH_PAINT_ALL = WEFT_GRAPH_PAINT_SCENE | WEFT_GRAPH_PAINT_HIGHLIGHTS,
} WeftGraphPaintParts;

typedef struct _WeftGraphPainter WeftGraphPainter;

WeftGraphPainter *weft_graph_painter_new               (void);
void              weft_graph_painter_free              (WeftGraphPainter          *self);

/* Whether the next drawings note what they put where (off at first:
 * tiles do not need it); each drawing of the scene starts a new record. */
void              weft_graph_painter_set_record        (WeftGraphPainter          *self,
                                                        gboolean                   record);
/* The nodes the last drawing of the scene drew, in drawing order. */
const WeftGraphDrawnNode *weft_graph_painter_get_drawn (WeftGraphPainter          *self,
                                                        guint                     *n_drawn);

/* Draws @parts of @layout that meet @viewport, @cr transformed as
 * weft_graph_viewport_apply() does (or as the caller likes, at the
 * viewport's scale: tiles translate by whole pixels).
 *
 * The scene: names only where they are readable, simpler forms as
 * things get small, and below a third of a pixel per point everything of
 * one look as one path. The highlights: match rings, the path, the
 * selection with its edges to its neighbours, the hovered node or edge. */
void              weft_graph_painter_draw              (WeftGraphPainter          *self,
                                                        cairo_t                   *cr,
                                                        WeftLayout                *layout,
                                                        const WeftGraphPaintState *state,
                                                        WeftGraphPaintParts        parts,
                                                        const WeftGraphViewport   *viewport);

/* The outline of @shape in the box centred on (@x, @y), as a new sub-path. */
void              weft_graph_shape_path                (cairo_t                   *cr,
                                                        WeftNodeShape              shape,
                                                        double                     x,
                                                        double                     y,
                                                        double                     width,
                                                        double                     height);
/* A legend row's sample in the box at (@x, @y): the node's shape, or a
 * short edge of the evidence level as seen at twice the size. */
void              weft_graph_painter_draw_swatch       (cairo_t                   *cr,
                                                        const WeftGraphPalette    *palette,
                                                        const WeftLegendEntry     *entry,
                                                        double                     x,
                                                        double                     y,
                                                        double                     width,
                                                        double                     height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftGraphPainter, weft_graph_painter_free)

G_END_DECLS
