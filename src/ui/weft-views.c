/* weft-views.c: creating, exporting and printing the timeline and graph
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-error.h"
#include "weft-graph-bar.h"
#include "weft-graph-view.h"
#include "weft-layout.h"
#include "weft-file.h"
#include "weft-export-dialog.h"
#include "weft-timeline-export.h"
#include "weft-timeline-view.h"
#include "weft-views.h"

GtkWidget *
weft_views_new_timeline (WeftSession *session)
{
  return weft_timeline_view_new (session);
}

GtkWidget *
weft_views_new_graph (WeftSession *session)
{
  return weft_graph_view_new (session);
}

GtkWidget *
weft_views_new_graph_bar (GtkWidget *graph)
{
  return weft_graph_bar_new (WEFT_GRAPH_VIEW (graph));
}

void
weft_views_show_on_timeline (GtkWidget *timeline,
                             WeftItem  *item)
{
  if (item->type == WEFT_ITEM_EVENT)
    gtk_widget_activate_action (timeline, "timeline.center-event", "s", item->id);
  else
    /* The timeline lights up the events of the selected entity or claim;
     * zoom to them. */
    gtk_widget_activate_action (timeline, "timeline.zoom-selection", NULL);
}

/* ---- Export ------------------------------------------------------------- */

static void
toast (AdwToastOverlay *toasts,
       const char      *text)
{
  if (toasts != NULL)
    adw_toast_overlay_add_toast (toasts, adw_toast_new (text));
}

static void
error_dialog (GtkWindow    *parent,
              const char   *heading,
              const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  GtkWidget       *view;
  AdwToastOverlay *toasts;
  GtkWindow       *parent;
  WeftExportDialog *options;         /* the timeline's, as chosen, or NULL */
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->view);
  g_clear_object (&data->toasts);
  g_clear_object (&data->options);
  g_free (data);
}

static gboolean
export_view (GtkWidget        *view,
             WeftExportDialog *dialog,
             GFile            *file,
             GError          **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);

  if (WEFT_IS_TIMELINE_VIEW (view))
    {
      WeftTimelineFormat format;

      if (!weft_timeline_format_from_path (name, &format))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” does not end in .svg, .png or .pdf; choose one of these"), name);
          return FALSE;
        }
      if (dialog != NULL)
        {
          WeftTimelineExportOptions options;
          WeftSession *session = weft_timeline_view_get_session (WEFT_TIMELINE_VIEW (view));

          weft_export_dialog_get_options (dialog, &options);
          return weft_timeline_export (weft_session_get_dataset (session), file, format, &options, error);
        }
      return weft_timeline_view_export (WEFT_TIMELINE_VIEW (view), file, format, error);
    }

  if (WEFT_IS_GRAPH_VIEW (view))
    {
      WeftExportFormat format;
      g_autoptr(GBytes) bytes = NULL;

      if (!weft_export_format_from_path (name, &format, error))
        return FALSE;
      bytes = weft_graph_view_export (WEFT_GRAPH_VIEW (view), format, error);
      if (bytes == NULL)
        return FALSE;
      /* Keeps the old file when a write fails (weft-file.h). */
      return weft_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         NULL, error);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("This view cannot be exported"));
  return FALSE;
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    ExportData      *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (export_view (data->view, data->options, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = g_strdup_printf (_("Exported %s"), name);

          toast (data->toasts, text);
        }
      else
        error_dialog (data->parent, _("Could Not Export"), error);
    }

  export_data_free (data);
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern,
            const char     *mime)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

/* Asks where to write @view, with @dialog's options for the timeline. */
static void
choose_export_file (GtkWindow        *parent,
                    GtkWidget        *view,
                    WeftExportDialog *dialog,
                    AdwToastOverlay  *toasts)
{
  gboolean timeline = WEFT_IS_TIMELINE_VIEW (view);
  g_autofree char *name = dialog != NULL ? weft_export_dialog_dup_file_name (dialog) : NULL;
  GtkFileChooserNative *native;
  ExportData *data;

  native = gtk_file_chooser_native_new (timeline ? _("Export the Timeline") : _("Export the Graph"),
                                        parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name != NULL ? name : timeline ? "timeline.svg" : "graph.svg");
  add_filter (GTK_FILE_CHOOSER (native), _("SVG image"), "*.svg", "image/svg+xml");
  add_filter (GTK_FILE_CHOOSER (native), _("PNG image"), "*.png", "image/png");
  add_filter (GTK_FILE_CHOOSER (native), _("PDF document"), "*.pdf", "application/pdf");
  if (!timeline)
    add_filter (GTK_FILE_CHOOSER (native), _("Graphviz DOT"), "*.dot", "text/vnd.graphviz");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  data = g_new0 (ExportData, 1);
  data->view = g_object_ref (view);
  data->toasts = toasts ? g_object_ref (toasts) : NULL;
  data->parent = parent;
  data->options = dialog != NULL ? g_object_ref (dialog) : NULL;
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_export_options (WeftExportDialog *dialog,
                   const char       *response,
                   AdwToastOverlay  *toasts)
{
  if (g_strcmp0 (response, "export") == 0)
    choose_export_file (gtk_window_get_transient_for (GTK_WINDOW (dialog)), weft_export_dialog_get_timeline (dialog), dialog, toasts);
}

void
weft_views_export (GtkWindow       *parent,
                   WeftSession     *session,
                   GtkWidget       *view,
                   AdwToastOverlay *toasts)
{
  GtkWidget *dialog;

  if (weft_session_get_dataset (session) == NULL)
    return;
  if (!WEFT_IS_TIMELINE_VIEW (view))
    {
      choose_export_file (parent, view, NULL, toasts);
      return;
    }

  /* The timeline: what to draw first (range, width, legend, title). */
  dialog = weft_export_dialog_new (parent, session, view);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_options), toasts);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
weft_views_export_to_file (GtkWidget  *view,
                           GFile      *file,
                           GError    **error)
{
  return export_view (view, NULL, file, error);
}

/* ---- Print -------------------------------------------------------------- */

/* One page of vectors, made before the dialog opens (so errors come first
 * and the page is what was on screen): the timeline is the page the
 * export draws, with the same renderer; the graph is the picture its
 * export draws, with the same painter. Either is fitted to the printable
 * area and centred. */
typedef struct {
  WeftTimelinePage *timeline;
  WeftGraphPicture *graph;
  double            width;    /* of the picture, in its own units */
  double            height;
  GError           *error;    /* from drawing the page */
} PrintJob;

static void
print_job_clear (PrintJob *job)
{
  g_clear_pointer (&job->timeline, weft_timeline_page_free);
  g_clear_pointer (&job->graph, weft_graph_picture_free);
  g_clear_error (&job->error);
}

static void
print_job_unref (PrintJob *job)
{
  g_rc_box_release_full (job, (GDestroyNotify) print_job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintJob, print_job_unref)

static WeftSession *
view_session (GtkWidget *view)
{
  if (WEFT_IS_TIMELINE_VIEW (view))
    return weft_timeline_view_get_session (WEFT_TIMELINE_VIEW (view));
  if (WEFT_IS_GRAPH_VIEW (view))
    return weft_graph_view_get_session (WEFT_GRAPH_VIEW (view));
  return NULL;
}

static PrintJob *
print_job_new (GtkWidget  *view,
               GError    **error)
{
  g_autoptr(PrintJob) job = g_rc_box_new0 (PrintJob);
  WeftSession *session = view_session (view);

  if (session == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("This view cannot be printed"));
      return NULL;
    }
  if (weft_session_get_dataset (session) == NULL)
    {
      g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_FAILED, _("There is nothing to print: open a file first"));
      return NULL;
    }

  if (WEFT_IS_TIMELINE_VIEW (view))
    {
      job->timeline = weft_timeline_view_new_page (WEFT_TIMELINE_VIEW (view), error);
      if (job->timeline == NULL)
        return NULL;
      weft_timeline_page_get_size (job->timeline, &job->width, &job->height);
    }
  else
    {
      job->graph = weft_graph_view_new_picture (WEFT_GRAPH_VIEW (view), error);
      if (job->graph == NULL)
        return NULL;
      weft_graph_picture_get_size (job->graph, &job->width, &job->height);
    }
  return g_steal_pointer (&job);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  double scale = MIN (page_width / job->width, page_height / job->height);
  double x = (page_width - job->width * scale) / 2;
  double y = (page_height - job->height * scale) / 2;

  if (job->error != NULL || !(scale > 0))
    return;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  if (job->timeline != NULL)
    weft_timeline_page_draw (job->timeline, cr);
  else
    weft_graph_picture_draw (job->graph, cr);
  cairo_restore (cr);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (&job->error, WEFT_ERROR, WEFT_ERROR_FAILED, _("Could not draw the page: %s"),
                   cairo_status_to_string (cairo_status (cr)));
      gtk_print_operation_cancel (operation);
    }
}

/* Shows the print dialog (@filename NULL) or writes the page as a PDF to
 * @filename; both draw the same page. */
static gboolean
print_view (GtkWidget   *view,
            GtkWindow   *parent,
            const char  *filename,
            GError     **error)
{
  g_autoptr(PrintJob) job = print_job_new (view, error);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  GtkPrintOperationResult result;

  if (job == NULL)
    return FALSE;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, "Weft");
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  setup = gtk_page_setup_new ();
  /* Timelines and graphs are wide. */
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page),
                         g_rc_box_acquire (job), (GClosureNotify) print_job_unref, 0);

  if (filename != NULL)
    gtk_print_operation_set_export_filename (operation, filename);
  result = gtk_print_operation_run (operation,
                                    filename != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                     : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  if (job->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      return FALSE;
    }
  return TRUE;
}

void
weft_views_print (GtkWindow       *parent,
                  WeftSession     *session,
                  GtkWidget       *view,
                  AdwToastOverlay *toasts)
{
  g_autoptr(GError) error = NULL;

  if (weft_session_get_dataset (session) == NULL)
    return;

  if (!print_view (view, parent, NULL, &error))
    error_dialog (parent, _("Could Not Print"), error);
}

gboolean
weft_views_print_to_pdf (GtkWidget   *view,
                         const char  *filename,
                         GError     **error)
{
  g_return_val_if_fail (GTK_IS_WIDGET (view), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  return print_view (view, NULL, filename, error);
}
