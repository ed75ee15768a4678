/* weft-layout.h: Graphviz places the graph; plain structs come back
 *
 * The graph is written as DOT text (weft-dot-writer.c), which Graphviz
 * reads into a fresh graph (the same text is the DOT export), lays out,
 * and the adapter (weft-graphviz.c, the only file that includes
 * Graphviz's headers) copies node boxes, label positions and edge splines
 * (with their arrowheads) into the structs below, with y pointing down and
 * the origin at the top left of the drawing, in points, and frees
 * everything Graphviz made. Layouts run now or in the background
 * (weft-layout-job.c), in this process or in a helper
 * (weft-layout-protocol.c).
 *
 * Graphviz is not thread-safe: one context per process, one lock around
 * every call. Any function here may be called from any thread; calls wait
 * for each other.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gio/gio.h>

#include "weft-graph.h"

G_BEGIN_DECLS

typedef enum {
  WEFT_ENGINE_AUTO,
  WEFT_ENGINE_DOT,
  WEFT_ENGINE_NEATO,
  WEFT_ENGINE_FDP,
  WEFT_ENGINE_SFDP,
  WEFT_ENGINE_CIRCO,
  WEFT_ENGINE_TWOPI,
  WEFT_N_ENGINES
} WeftLayoutEngine;

/* Above this many edges, only dot places edge labels; for the other
 * engines the label goes to the middle of its edge, unplaced (and is left
 * out of Graphviz's own renderings). */
#define WEFT_LAYOUT_LABEL_LIMIT 1000

typedef enum {
  WEFT_EXPORT_SVG,
  WEFT_EXPORT_PNG,
  WEFT_EXPORT_PDF,
  WEFT_EXPORT_DOT,
  WEFT_N_EXPORT_FORMATS
} WeftExportFormat;

typedef struct {
  double x;
  double y;
} WeftPoint;

/* One cubic Bézier chain: points[0], then three points per segment. The
 * chain stops at the base of an arrowhead; the arrow runs from there to
 * its tip. */
typedef struct {
  const WeftPoint *points;
  guint            n_points;
  gboolean         has_start_arrow;   /* at the tail end: points[0] -> start_tip */
  gboolean         has_end_arrow;     /* points[n-1] -> end_tip */
  WeftPoint        start_tip;
  WeftPoint        end_tip;
} WeftSpline;

typedef struct {
  double x;        /* centre */
  double y;
  double width;
  double height;
  double label_x;  /* centre of the label */
  double label_y;
} WeftNodeBox;

typedef struct {
  const WeftSpline *splines;
  guint             n_splines;
  gboolean          has_label;    /* when Graphviz did not place it, it is at
                                   * the edge's middle and its size estimated */
  double            label_x;      /* centre */
  double            label_y;
  double            label_width;
  double            label_height;
  double            x1, y1, x2, y2;  /* bounds of splines, arrows and label */
} WeftEdgePath;

typedef struct _WeftLayout WeftLayout;

#define WEFT_TYPE_LAYOUT (weft_layout_get_type ())
GType             weft_layout_get_type          (void) G_GNUC_CONST;

const char       *weft_layout_engine_to_string  (WeftLayoutEngine  engine);
gboolean          weft_layout_engine_from_string (const char       *string,
                                                  WeftLayoutEngine *engine);
/* The engine AUTO means for a graph of this size: sfdp. The window fits
 * every layout to its pane (weft_layout_fit()), and a force-directed
 * placement packs into any shape far better than dot's ranks (the
 * example's names at 11 px need a pane of 700 x 360 from sfdp's start,
 * 800 x 420 from dot's); sfdp is also the fastest from a few nodes to
 * tens of thousands. */
WeftLayoutEngine  weft_layout_engine_choose     (guint             n_nodes,
                                                 guint             n_edges);
/* What to use when @engine ran out of time: a faster engine, or
 * WEFT_ENGINE_AUTO when there is nothing faster. */
WeftLayoutEngine  weft_layout_engine_fallback   (WeftLayoutEngine  engine);

/* Whether Graphviz places edge labels for this engine and size (see
 * WEFT_LAYOUT_LABEL_LIMIT). */
gboolean          weft_layout_places_edge_labels (WeftLayoutEngine engine,
                                                  guint            n_edges);

const char       *weft_export_format_to_string  (WeftExportFormat  format);
/* From a file name's extension (.svg, .png, .pdf, .dot or .gv). */
gboolean          weft_export_format_from_path  (const char       *path,
                                                 WeftExportFormat *format,
                                                 GError          **error);

/* ---- Graphviz itself (weft-graphviz.c) ---- */

/* Checks once per process that Graphviz can lay out a one-node graph with
 * dot; when its plugin configuration is missing it knows no engines, and
 * the error says so and how to fix it. Later calls return the first
 * answer. */
gboolean          weft_layout_check             (GError          **error);

/* ---- Layout jobs (weft-layout-job.c) ---- */

/* Lays @graph out now, in the calling thread (waiting for any other
 * layout first). */
WeftLayout       *weft_layout_run               (WeftGraph        *graph,
                                                 WeftLayoutEngine  engine,
                                                 GError          **error);

/* Lays @graph out in a worker thread and calls @callback in the calling
 * thread's main context.
 *
 * Graphviz cannot be interrupted in the middle of a layout. So when
 * @cancellable is cancelled or @timeout_ms (0: no limit; counted from this
 * call, waiting included) passes, the task finishes at once with
 * G_IO_ERROR_CANCELLED or WEFT_ERROR_CANCELLED_TIMEOUT and the caller
 * moves on, while the worker, if Graphviz is already running, runs on to
 * the end and throws its result away, keeping the Graphviz lock until
 * then. A layout abandoned before it got the lock never starts. The next
 * asynchronous layout (typically a faster engine, see
 * weft_layout_engine_fallback()) that finds the lock held by an abandoned
 * one does not wait: it runs in a helper process (weft-layout-helper),
 * which its own cancellation or time limit kills at once. Without the
 * helper it waits for the lock. */
void              weft_layout_run_async         (WeftGraph           *graph,
                                                 WeftLayoutEngine     engine,
                                                 guint                timeout_ms,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
WeftLayout       *weft_layout_run_finish        (GAsyncResult        *result,
                                                 GError             **error);
/* As weft_layout_run_async(), with no time limit and always in the helper
 * process: what the user asked for and may stop, so that stopping it
 * stops the work at once (the process is killed; no thread is left
 * laying out). Finish with weft_layout_run_finish(). */
void              weft_layout_run_in_helper_async (WeftGraph         *graph,
                                                   WeftLayoutEngine   engine,
                                                   GCancellable      *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer           user_data);
/* weft_layout_fit() in a worker thread; G_IO_ERROR_CANCELLED when
 * @cancellable is cancelled first. */
void              weft_layout_fit_async         (WeftLayout          *layout,
                                                 double               width,
                                                 double               height,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
WeftLayout       *weft_layout_fit_finish        (GAsyncResult        *result,
                                                 GError             **error);

/* ---- A layout (weft-layout.c) ---- */

WeftLayout       *weft_layout_ref               (WeftLayout       *self);
void              weft_layout_unref             (WeftLayout       *self);

WeftGraph        *weft_layout_get_graph         (WeftLayout       *self);
/* The engine that made it (never AUTO). */
WeftLayoutEngine  weft_layout_get_engine        (WeftLayout       *self);
/* The drawing's size in points; it spans (0, 0) to (width, height). */
double            weft_layout_get_width         (WeftLayout       *self);
double            weft_layout_get_height        (WeftLayout       *self);
/* Indexed like the graph's nodes and edges. */
const WeftNodeBox  *weft_layout_get_node        (WeftLayout       *self,
                                                 guint             index);
const WeftEdgePath *weft_layout_get_edge        (WeftLayout       *self,
                                                 guint             index);
/* Graphviz's warnings during the layout, or NULL. */
const char       *weft_layout_get_warnings      (WeftLayout       *self);
/* Whether the helper process made it (see weft_layout_run_async()). */
gboolean          weft_layout_get_in_helper     (WeftLayout       *self);

/* Each node's centre as `dot -Tplain` writes it (inches, y up, "%.5g"),
 * one "x y" line a node in the graph's order: to show that the command
 * line laid out the same graph the same way (tests, benchmarks). */
char             *weft_layout_dup_plain_centres (WeftLayout       *self);

/* The part of @layout that shows @graph, a graph of the same dataset whose
 * nodes and edges are all in the layout's: everything where it was, in a
 * drawing of the same size (a filter hides, nothing moves). NULL when
 * @graph has a node or an edge the layout does not. */
WeftLayout       *weft_layout_subset            (WeftLayout       *layout,
                                                 WeftGraph        *graph);
/* @layout with what an edit changed (weft-layout-fit.c): @graph, a graph
 * of the same dataset, drawn with every node and edge @layout has where
 * it was; a node it lacks goes near the nodes it is linked to (their
 * middle, then the nearest place free of other boxes), of the size the
 * nodes of its type have; an edge it lacks goes straight. The drawing
 * grows to hold them, never moving what was there. */
WeftLayout       *weft_layout_grow              (WeftLayout       *layout,
                                                 WeftGraph        *graph);

/* The size Graphviz gives node @index of @graph (its name, shape and
 * margin) with @engine, measured on that node alone (weft-graphviz.c).
 * FALSE when Graphviz could not. */
gboolean          weft_layout_measure_node      (WeftGraph        *graph,
                                                 guint             index,
                                                 WeftLayoutEngine  engine,
                                                 double           *width,
                                                 double           *height);
/* Node @index of @self (a layout nobody else draws yet) made @width x
 * @height where that is bigger, around the same centre; moved to the
 * nearest place free of the other boxes only when it would overlap one.
 * Nothing else moves; the drawing grows to hold it. */
void              weft_layout_resize_node       (WeftLayout       *self,
                                                 guint             index,
                                                 double            width,
                                                 double            height);

/* ---- A layout fitted to a pane (weft-layout-fit.c) ---- */

/* Pixels kept free around the drawing at the fitted zoom. */
#define WEFT_LAYOUT_FIT_MARGIN 8
/* The fitted zoom goes no further than this; a pane with room to spare
 * gets the nodes spread out instead (names are 11 px at zoom 1). */
#define WEFT_LAYOUT_MAX_FIT_SCALE 1.4
/* The farthest any view zooms out. */
#define WEFT_LAYOUT_MIN_SCALE 0.005
/* The nearest any view zooms in. */
#define WEFT_LAYOUT_MAX_SCALE 8.0

/* A copy of @layout for a pane of @width x @height pixels: the nodes in
 * the pane's shape, as close as they go without two boxes (and a gap
 * around each) overlapping, spread out when the pane has room to spare;
 * edges straight from box to box. NULL when @cancellable is cancelled. */
WeftLayout       *weft_layout_fit               (WeftLayout       *layout,
                                                 double            width,
                                                 double            height,
                                                 GCancellable     *cancellable);
/* The zoom (pixels per layout point) at which a pane of @width x
 * @height pixels shows all of @layout, with WEFT_LAYOUT_FIT_MARGIN around
 * it, at most WEFT_LAYOUT_MAX_FIT_SCALE. */
double            weft_layout_fit_scale         (WeftLayout       *layout,
                                                 double            width,
                                                 double            height);

/* ---- Graphviz's own renderings (weft-graphviz.c) ---- */

/* Lays @graph out again and renders it with Graphviz's own renderers
 * (SVG, PNG, PDF), or writes it as DOT: valid Graphviz input, without
 * positions, that lays out as it is (`dot -Tsvg file.dot` uses the same
 * engine through its "layout" attribute). The bytes are followed by a NUL
 * (not counted in their size), so SVG and DOT can be read as strings. */
GBytes           *weft_layout_export            (WeftGraph        *graph,
                                                 WeftLayoutEngine  engine,
                                                 WeftExportFormat  format,
                                                 GError          **error);
/* The same with @title (or NULL) at the top and, with @legend, a table of
 * the node kinds and edge looks the graph has under it (the graph's
 * label, an HTML-like table). */
GBytes           *weft_layout_export_titled     (WeftGraph        *graph,
                                                 WeftLayoutEngine  engine,
                                                 WeftExportFormat  format,
                                                 const char       *title,
                                                 gboolean          legend,
                                                 GError          **error);

/* Parses @dot (DOT text), lays it out with @engine and renders @format
 * ("svg", "plain", …) the way the dot command line would; for tests and
 * benchmarks comparing with it. Graphviz's messages become the error.
 * Followed by a NUL, as weft_layout_export(). */
GBytes           *weft_layout_render_dot        (const char       *dot,
                                                 const char       *engine,
                                                 const char       *format,
                                                 GError          **error);

/* The whole of weft-layout-helper: reads DOT on stdin, lays it out with
 * the engine named in argv[1], prints the geometry for the parent
 * (weft-layout-protocol.h). */
int               weft_layout_helper_main       (int               argc,
                                                 char            **argv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftLayout, weft_layout_unref)

G_END_DECLS
