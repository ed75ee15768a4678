/* weft-layout-helper.c: lays out one graph in a process of its own
 *
 * Weft runs this when the in-process Graphviz is busy with a layout that
 * ran past its time limit: Graphviz cannot be interrupted, but a process
 * can be killed. Reads DOT on stdin, writes the geometry on stdout.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-layout-helper"

#include "config.h"

#include "weft-layout.h"

int
main (int    argc,
      char **argv)
{
  return weft_layout_helper_main (argc, argv);
}
