/* weft-graph-painter.h: draws a laid-out graph with cairo and pango
 *
 * The one painter of the relationship graph, as weft-timeline-render.h is
 * the timeline's: no GTK, colours from a palette the caller passes in, any
 * cairo context (the window's tiles and minimap, images, PDF, SVG). It
 * draws in layout points (y down, see weft-layout.h): the caller sets up
 * @cr's transform and says which part of the drawing is visible.
 *
 * Legibility is decided here, from the zoom alone, so the window, its
 * tiles and `weft graph --view` show the same names: at zoom 1 and more
 * every name is inside its node at 11 px or more; below that, nodes that
 * become too small are marks sized by their number of links, and names
 * are 11 px labels attached to their node, for the nodes that matter most
 * (the focus, search matches, the most connected) as long as a label
 * covers no other node and no other label.
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

/* The smallest text the graph draws, in pixels. */
#define WEFT_GRAPH_MIN_TEXT_PX 11.0

typedef struct {
  WeftColor text;        /* names; edges are drawn in it, fainter */
  WeftColor accent;      /* the selection, the path, what the pointer is on */
  WeftColor match;       /* rings around search matches, pills' borders */
  WeftColor denied;      /* relations every claim denies */
  WeftColor together;    /* links of entities named together */
  WeftColor pill;        /* behind labels drawn over the graph */
  WeftColor minimap;     /* behind the minimap */
  WeftColor legend;      /* behind the legend */
  WeftColor background;  /* the view's own; what dims the rest around a highlight */
  gboolean  dark;        /* node colours for a dark background (weft_node_style_colors()) */
} WeftGraphPalette;

/* libadwaita's light or dark colours. */
const WeftGraphPalette *weft_graph_palette_get (gboolean dark);
/* The colour of an edge's label (on the palette's background). */
WeftColor weft_graph_edge_text_color (const WeftGraphPalette *palette,
                                      WeftEdgeKind            kind,
                                      const WeftEdgeStyle    *style);

typedef struct {
  double x, y, width, height;
} WeftGraphRect;

/* What is lit and what is dimmed. A hovered node (else the selected one)
 * keeps itself, its neighbours and their edges bright and dims the rest;
 * so does a path, for its nodes and hops. */
typedef struct {
  const WeftGraphPalette *palette;
  const gboolean         *is_match;       /* by node: FALSE dims it and its edges; NULL dims nothing */
  const guint            *matches;        /* nodes ringed in the match colour */
  guint                   n_matches;
  guint                   stamp;          /* changes whenever is_match does: the names shown follow it */
  GPtrArray              *path;           /* WeftHop *: hops lit in the accent colour, or NULL */
  gint                    selected_node;  /* ringed, with its neighbourhood lit; -1: none */
  gint                    selected_edge;  /* -1: none */
  gint                    hover_node;     /* a thin ring, its neighbourhood lit; -1: none */
  gint                    hover_edge;
} WeftGraphPaintState;

/* Nothing lit, nothing dimmed. */
void     weft_graph_paint_state_init            (WeftGraphPaintState       *state,
                                                 const WeftGraphPalette    *palette);
/* Whether there is anything to highlight. */
gboolean weft_graph_paint_state_has_highlights  (const WeftGraphPaintState *state);

/* What a drawing put where, in @cr's device units (pixels on an image). */
typedef struct {
  guint         node;        /* index in the graph */
  WeftGraphRect box;         /* the node's box */
  WeftGraphRect shape;       /* what was drawn of it: its box, or a mark */
  gboolean      has_name;    /* its name is drawn inside its box */
  WeftGraphRect name;        /* the name's logical extents, when has_name */
  gboolean      has_label;   /* its name is a label attached to it */
  WeftGraphRect label;       /* the label's extents, background included */
  double        text_size;   /* the font size of the name or label */
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
/* The fitted view of @layout in a pane of @width x @height: the zoom of
 * weft_layout_fit_scale(), the drawing in the middle. */
void     weft_graph_viewport_fit                (WeftGraphViewport         *viewport,
                                                 WeftLayout                *layout,
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
  WEFT_GRAPH_PAINT_NO_TEXT = 1 << 2,     /* shapes only (the minimap) */
} WeftGraphPaintParts;

/* Text handed to a WeftGraphTextFunc instead of being drawn: one line, in
 * device units. */
typedef struct {
  gint             node;   /* the node it names, or -1 */
  gint             edge;   /* the edge it labels, or -1 */
  const char      *text;
  double           x;      /* the left end of its baseline */
  double           y;
  double           size;   /* the font's size, pixels */
  const char      *family;
  gboolean         bold;
  const WeftColor *color;
} WeftGraphTextRun;

typedef void (*WeftGraphTextFunc)  (const WeftGraphTextRun *run,
                                    gpointer                user_data);
/* A filled and outlined shape that belongs to node @node (its outline, a
 * label's background, a mark), in device units, handed over instead of
 * being drawn. @stroke may be NULL. */
typedef void (*WeftGraphShapeFunc) (guint                   node,
                                    const cairo_path_t     *path,
                                    const WeftColor        *fill,
                                    const WeftColor        *stroke,
                                    double                  line_width,
                                    gpointer                user_data);

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
/* Hands text and the shapes of nodes to these functions instead of
 * drawing them (an SVG writer groups them by node); NULL draws them. */
void              weft_graph_painter_set_funcs         (WeftGraphPainter          *self,
                                                        WeftGraphTextFunc          text_func,
                                                        WeftGraphShapeFunc         shape_func,
                                                        gpointer                   user_data);

/* Draws @parts of @layout that meet @viewport, @cr transformed as
 * weft_graph_viewport_apply() does (or as the caller likes, at the
 * viewport's scale: tiles translate by whole pixels). Which names show
 * depends on the scale and the state, never on the viewport, so tiles
 * drawn apart fit together.
 *
 * The scene: names inside nodes from zoom 1, else marks and labels for
 * the nodes that matter (see above); edge labels where they cover
 * nothing else; below a third of a pixel per point everything of one
 * look as one path. The highlights: the rest dimmed around what is lit,
 * match rings, the path, the selection, the hovered node or edge. */
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

/* The legend of @graph (the node kinds and edge looks it has) in a card
 * whose top left is (@card->x, @card->y) in @cr's units (pixels): sets
 * the card's size, and draws it unless @cr is NULL. Text in @palette's
 * colours, 12 px. */
void              weft_graph_painter_draw_legend       (WeftGraphPainter          *self,
                                                        cairo_t                   *cr,
                                                        const WeftGraphPalette    *palette,
                                                        WeftGraph                 *graph,
                                                        WeftGraphRect             *card);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftGraphPainter, weft_graph_painter_free)

G_END_DECLS
