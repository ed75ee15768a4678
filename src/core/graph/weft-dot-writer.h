/* weft-dot-writer.h: the graph Graphviz lays out, as DOT text
 *
 * One text defines the graph Graphviz lays out: the in-process layout,
 * the helper process and the DOT export all read what
 * weft_dot_write_graph() writes, so `dot -Tplain` on an exported file lays
 * out exactly the graph Weft laid out. Plain GLib: no Graphviz here, so it
 * needs no lock and is tested without Graphviz (tests/test-dot-writer.c).
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib.h>

#include "weft-graph.h"
#include "weft-layout.h"

G_BEGIN_DECLS

/* Graphviz 2.42 reads at most 16 KiB in one quoted string ("longer than
 * 16384?"): longer strings are written as quoted pieces of about this
 * many bytes joined by +, which DOT concatenates. */
#define WEFT_DOT_PIECE 4096

/* @graph for @engine (not AUTO) as DOT: the styles of weft-graph-style.h,
 * every node before the first edge, nodes and edges in the graph's order
 * (Graphviz's layouts depend on it); with @title (or NULL) and the legend
 * (@legend) in an HTML-like graph label at the top. */
char *weft_dot_write_graph   (WeftGraph        *graph,
                              WeftLayoutEngine  engine,
                              const char       *title,
                              gboolean          legend);

/* @text as a Graphviz label that shows @text: a backslash doubled (so \N,
 * \G, \l stay literal), & as &amp; (Graphviz decodes entities), a line
 * break as \n. */
char *weft_dot_escape_label  (const char       *text);

/* Appends @value as one DOT string that Graphviz reads back as @value:
 * bare when it is an identifier or a numeral, else quoted with " escaped
 * and cut into pieces of WEFT_DOT_PIECE bytes (between UTF-8 characters
 * and between the pairs a backslash starts). A backslash in @value must
 * start a pair (\\, \n: labels are escaped so); a lone one at the end is
 * doubled. */
void  weft_dot_append_string (GString          *out,
                              const char       *value);

/* Appends a node's name: @id with each backslash doubled (so an id ending
 * in one can be written), one name per id. */
void  weft_dot_append_name   (GString          *out,
                              const char       *id);

G_END_DECLS
