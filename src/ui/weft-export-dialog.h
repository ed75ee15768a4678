/* weft-export-dialog.h: what an export of the timeline draws
 *
 * Ctrl+E asks first what to export (everything, what is visible, the time
 * window), how wide, with the legend and the title or not; then where
 * (weft-views.c), the format following the file's extension.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <adwaita.h>

#include "weft-session.h"
#include "weft-timeline-export.h"

G_BEGIN_DECLS

typedef enum {
  WEFT_EXPORT_RANGE_ALL,       /* every event */
  WEFT_EXPORT_RANGE_VISIBLE,   /* the span and folded lanes the view shows */
  WEFT_EXPORT_RANGE_WINDOW,    /* the session's time window */
} WeftExportRange;

#define WEFT_TYPE_EXPORT_DIALOG (weft_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WeftExportDialog, weft_export_dialog, WEFT, EXPORT_DIALOG, AdwMessageDialog)

/* A dialog over @parent for exporting @timeline (a WeftTimelineView) of
 * @session; its responses are "cancel" and "export". */
GtkWidget       *weft_export_dialog_new           (GtkWindow        *parent,
                                                   WeftSession      *session,
                                                   GtkWidget        *timeline);
/* The timeline view it exports (borrowed). */
GtkWidget       *weft_export_dialog_get_timeline  (WeftExportDialog *self);
/* The range chosen (the time window only when the session has one). */
WeftExportRange  weft_export_dialog_get_range     (WeftExportDialog *self);
void             weft_export_dialog_set_range     (WeftExportDialog *self,
                                                   WeftExportRange   range);
/* The export's options as chosen; a table of folded lanes in @options is
 * borrowed from the view. */
void             weft_export_dialog_get_options   (WeftExportDialog          *self,
                                                   WeftTimelineExportOptions *options);
/* The name the file chooser suggests: the dataset's title made safe for a
 * file name, then ".svg" ("Smart cities in China.svg"); "timeline.svg"
 * without a title. */
char            *weft_export_dialog_dup_file_name (WeftExportDialog *self);

/* @title as a file name: no slashes, control characters or leading dots,
 * spaces collapsed, at most 80 characters; NULL when nothing is left. */
char            *weft_safe_file_name              (const char       *title);

G_END_DECLS
