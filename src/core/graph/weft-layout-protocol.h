/* weft-layout-protocol.h: what the layout helper and Weft send each other
 *
 * Weft runs weft-layout-helper when the in-process Graphviz is held by a
 * layout that ran past its time limit (Graphviz cannot be interrupted,
 * a process can be killed). Weft writes the DOT text of
 * weft_dot_write_graph() on the helper's stdin and names the engine as
 * its one argument; the helper lays it out and prints the geometry on
 * stdout as weft_layout_protocol_write() does, Graphviz's messages on
 * stderr, and exits 0 (laid out), 1 (Graphviz failed) or 2 (usage).
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <stdio.h>
#include <gio/gio.h>

#include "weft-layout.h"

G_BEGIN_DECLS

/* Writes @layout (not yet tied to a graph, of @n_nodes and @n_edges) as
 * text: a header line, a line a node, a line an edge and a line a spline;
 * numbers as hexadecimal floats, so nothing is lost or locale-dependent. */
void        weft_layout_protocol_write      (WeftLayout        *layout,
                                             guint              n_nodes,
                                             guint              n_edges,
                                             FILE              *out);
/* Reads what weft_layout_protocol_write() wrote, for @graph; NULL when it
 * is not that or does not fit @graph. */
WeftLayout *weft_layout_protocol_read       (const char        *text,
                                             WeftGraph         *graph,
                                             WeftLayoutEngine   engine);

/* Lays @graph out in a helper process, given its DOT text @dot; a
 * cancelled @cancellable kills the process. G_IO_ERROR_NOT_FOUND when
 * there is no helper to run (not translated: the caller then lays out in
 * this process). */
WeftLayout *weft_layout_protocol_run_helper (WeftGraph         *graph,
                                             const char        *dot,
                                             WeftLayoutEngine   engine,
                                             GCancellable      *cancellable,
                                             GError           **error);

G_END_DECLS
