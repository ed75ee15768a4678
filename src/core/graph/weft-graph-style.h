/* weft-graph-style.h: how the relationship graph looks, by kind and evidence
 *
 * One table serves the window (which draws the graph itself) and the
 * Graphviz exports, so a company is the same blue box in both and the
 * legend describes both.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

/* The font Graphviz measures labels in and the painter draws them in, at
 * these sizes in points, so that names fit the boxes Graphviz made. A
 * layout point is a pixel at zoom 1: names are 11 px there, the least
 * the graph draws (../shared/DESIGN.md, legibility). */
#define WEFT_GRAPH_FONT "DejaVu Sans"
#define WEFT_GRAPH_NODE_FONT_SIZE 11
#define WEFT_GRAPH_EDGE_FONT_SIZE 8
/* Names are wrapped to lines of about this many characters (a wide
 * character counts two), so a long name makes a taller node, not a
 * wider one. */
#define WEFT_GRAPH_LINE_CHARS 18

/* Shapes the view can draw from a node's box; each has a Graphviz twin.
 * Entities use shapes that take no more room than their name's box (a
 * house or an octagon around a name is twice its area), except persons'
 * ellipses: kinds are told apart by outline and hue. */
typedef enum {
  WEFT_NODE_SHAPE_ELLIPSE,
  WEFT_NODE_SHAPE_BOX,
  WEFT_NODE_SHAPE_ROUNDED,
  WEFT_NODE_SHAPE_BOX3D,       /* a block with depth: governments */
  WEFT_NODE_SHAPE_FOLDER,      /* a tab on the top right: groups */
  WEFT_NODE_SHAPE_TAB,         /* a tab on the top left: programs */
  WEFT_NODE_SHAPE_COMPONENT,   /* two pins on the left: technology */
  WEFT_NODE_SHAPE_CDS,         /* a signpost pointing right: places */
  WEFT_NODE_SHAPE_NOTE,        /* a folded corner: events */
} WeftNodeShape;

typedef struct {
  WeftNodeShape  shape;
  const char    *graphviz_shape;  /* "box", "ellipse", … */
  const char    *graphviz_style;  /* "filled" or "rounded,filled" */
  guint32        color;           /* 0xRRGGBB: the kind's hue, for strokes and glyphs */
  const char    *glyph;           /* one symbol for the kind, e.g. "⚙" */
  const char    *graphviz_margin; /* room around the name (inches, "x,y") where the
                                   * shape draws more than a line around it */
} WeftNodeStyle;

/* The room around a name in a plain box: 3 and 3 points. */
#define WEFT_GRAPH_NODE_MARGIN "0.04,0.04"

/* What stands behind an edge, weakest first. For a relation:
 * - no claims: UNSUPPORTED;
 * - any confirmed claim: CONFIRMED;
 * - every claim denied: DENIED;
 * - otherwise any reported claim and no denial: REPORTED;
 * - otherwise (alleged, disputed, opinion, or reported and denied at
 *   once): ALLEGED. */
typedef enum {
  WEFT_EVIDENCE_UNSUPPORTED,
  WEFT_EVIDENCE_DENIED,
  WEFT_EVIDENCE_ALLEGED,
  WEFT_EVIDENCE_REPORTED,
  WEFT_EVIDENCE_CONFIRMED,
  WEFT_N_EVIDENCE
} WeftEvidence;

/* How each evidence level is drawn:
 * - CONFIRMED: solid, thick;
 * - REPORTED: solid;
 * - ALLEGED: dashed;
 * - DENIED: "struck through": red, the arrowhead replaced by a bar (tee, ⊣,
 *   "blocked") and the label prefixed with ✗;
 * - UNSUPPORTED: thin grey dotted.
 * The same in the window and in every export. */
typedef struct {
  WeftEvidence  evidence;
  const char   *graphviz_style;   /* "solid", "dashed", "dotted" */
  double        penwidth;         /* points */
  gboolean      grey;             /* drawn in a muted colour */
  gboolean      red;              /* drawn in the error colour */
  gboolean      tee;              /* a bar instead of an arrowhead */
  const char   *label_prefix;     /* "" or "✗ " */
  double        dash[2];          /* on, off in points; 0 for solid */
} WeftEdgeStyle;

const WeftNodeStyle *weft_graph_style_for_entity  (WeftEntityKind  kind);
const WeftNodeStyle *weft_graph_style_for_event   (void);
const WeftNodeStyle *weft_graph_style_for_claim   (void);
const WeftEdgeStyle *weft_graph_style_for_evidence (WeftEvidence   evidence);
/* An entity by its kind, an event, a claim; anything else a relation may
 * name (a source, an era, a relation) looks like an event: a document. */
const WeftNodeStyle *weft_graph_style_for_item    (const WeftItem *item);

/* The evidence level of a set of claims (see WeftEvidence). */
WeftEvidence   weft_evidence_for_claims   (WeftClaim * const *claims,
                                           guint              n_claims);
const char    *weft_evidence_to_string    (WeftEvidence       evidence);
const char    *weft_evidence_label        (WeftEvidence       evidence);  /* translated */
const char    *weft_evidence_description  (WeftEvidence       evidence);  /* translated */

/* "sanctioned_by" -> "sanctioned by": a relation type as people read it. */
char          *weft_relation_type_display (const char        *type);

/* Colours for drawing on a background: @t from 0 (background) to 1 (hue). */
guint32        weft_color_mix             (guint32            background,
                                           guint32            hue,
                                           double             t);
/* The fill and stroke of a node of @style over @background, so that light
 * and dark styles both read well. */
void           weft_node_style_colors     (const WeftNodeStyle *style,
                                           gboolean             dark,
                                           guint32             *fill,
                                           guint32             *stroke);

/* One row of the legend. */
typedef struct {
  const char          *label;      /* translated */
  const WeftNodeStyle *node_style; /* or NULL for an edge row */
  const WeftEdgeStyle *edge_style; /* or NULL for a node row */
} WeftLegendEntry;

/* @text as the lines a node shows: broken at spaces (or after a slash,
 * or between wide characters) into lines of at most
 * WEFT_GRAPH_LINE_CHARS, joined by newlines; a longer word keeps a line
 * of its own. */
char          *weft_graph_wrap_label      (const char        *text);

/* Every node kind, then every evidence level; static storage. */
const WeftLegendEntry *weft_graph_legend   (guint *n_entries);

G_END_DECLS
