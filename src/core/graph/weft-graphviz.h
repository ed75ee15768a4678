/* weft-graphviz.h: the adapter, the one file that includes <gvc.h>
 *
 * Its public calls (weft_layout_check(), weft_layout_export(),
 * weft_layout_render_dot(), weft_layout_helper_main()) are declared in
 * weft-layout.h; this is what the layout jobs (weft-layout-job.c) ask of
 * it.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-layout.h"

G_BEGIN_DECLS

/* Lays out @dot, the text weft_dot_write_graph() wrote for @graph, with
 * @engine (not AUTO), in this thread, holding Graphviz's lock.
 *
 * Without @abandoned it waits for the lock. With @abandoned (an
 * asynchronous job's flag), it returns NULL without an error when the
 * flag is set before Graphviz starts; and when @held_by_abandoned is
 * given and the lock is held by a layout whose own flag is set (nobody
 * waits for it any more), it sets *@held_by_abandoned and returns NULL at
 * once instead of waiting. While Graphviz runs, @abandoned marks the
 * lock's holder for the others. */
WeftLayout *weft_graphviz_lay_out (WeftGraph         *graph,
                                   const char        *dot,
                                   WeftLayoutEngine   engine,
                                   gint              *abandoned,
                                   gboolean          *held_by_abandoned,
                                   GError           **error);

G_END_DECLS
