/* weft-old-loader.h: the .weft reader before it streamed (json-glib's
 * tree, then a walk over it), kept for the tests that compare the two
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

/* As weft_dataset_load_data() did before it streamed. */
WeftDataset *weft_old_load_data (const char       *data,
                                 gsize             length,
                                 const char       *name,
                                 WeftDiagnostics  *diagnostics,
                                 GError          **error);

/* Reads @text with the reader before and the streaming one, and with the
 * streaming one from a stream that gives @chunk bytes a read. Returns
 * NULL when all three agree: the same error, the same diagnostics
 * (formatted), datasets that save as the same text; otherwise what
 * differs (g_free() it).
 *
 * One difference is meant: the reader before found where a problem is by
 * its path, after the fact, taking the last value in the text with that
 * path. Where a path names two values (a member given twice, whose first
 * value holds what the last one lacks; a member named "" or "a.b" or
 * "x[0]", whose path is another's), it could point at the wrong one; the
 * streaming reader points at the value the problem is about. On such
 * inputs (found by scanning the text for a path named twice; *@exact is
 * then FALSE) the two are compared without lines and columns: the same
 * problems, counted alike, the same datasets. */
char        *weft_old_loader_compare (const char  *text,
                                      gsize        length,
                                      gsize        chunk,
                                      gboolean    *exact);

G_END_DECLS
