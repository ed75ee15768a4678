/* weft-window.c: one dataset, its timeline, graph, entity list and inspector
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-error.h"
#include "weft-formats.h"
#include "weft-graph-view.h"
#include "weft-inspector.h"
#include "weft-kinds.h"
#include "weft-loader.h"
#include "weft-saver.h"
#include "weft-paths.h"
#include "weft-present.h"
#include "weft-timeline-view.h"
#include "weft-save-view-dialog.h"
#include "weft-saved-views.h"
#include "weft-sidebar.h"
#include "weft-story-dialogs.h"
#include "weft-view-state.h"
#include "weft-views.h"
#include "weft-window.h"

#define MAX_BANNER_PROBLEMS 3

struct _WeftWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwHeaderBar    *header_bar;
  AdwSplitButton  *open_button;
  GtkWidget       *view_switcher;
  GtkButton       *view_buttons[3];  /* timeline, split, graph */
  GtkToggleButton *sidebar_button;
  GtkToggleButton *inspector_button;
  GtkMenuButton   *menu_button;
  GtkWidget       *present_button;
  GtkRevealer     *banner_revealer;
  GtkLabel        *banner_label;
  GtkButton       *banner_button;
  AdwFlap         *sidebar_flap;
  AdwFlap         *inspector_flap;
  GtkWidget       *sidebar;
  GtkWidget       *inspector;
  GtkOverlay      *views_overlay;
  GtkRevealer     *focus_revealer;
  GtkLabel        *focus_label;
  GtkDropDown     *hops_dropdown;
  GtkPaned        *paned;
  GtkWidget       *timeline_slot;
  GtkWidget       *graph_slot;

  GtkWidget       *title_widget;
  GtkWidget       *timeline;
  GtkWidget       *graph;
  GtkWidget       *presentation;
  GtkWidget       *presentation_frame; /* the card's scroller, in the views' overlay */
  GtkWidget       *graph_empty;      /* what the graph's place says when there is no graph */

  WeftSession     *session;
  GSignalGroup    *session_signals;
  GListModel      *toasts;           /* the toast overlay's children */
  GSettings       *settings;
  GFile           *file;
  char            *imported_name;    /* shown when the dataset came from another format */
  GFile           *imported_file;    /* that file, and its format (for the journal) */
  WeftFormat       imported_format;
  GFileMonitor    *monitor;
  gboolean         is_example;
  char            *banner_details;   /* every problem, for "Show All" */
  char            *banner_action;
  struct _LoadData *loading;         /* the latest open, until it ends */
  WeftWindowView   view;
  double           split_fraction;

  int              step;             /* presentation: event index, or -1 */
  GPtrArray       *slides;           /* presentation: its events, in order (NULL for a story's view step) */
  char            *story;            /* presentation: the story's id, or NULL for every event */
  guint            present_tick;
  int              placed_width;     /* the timeline's size when its event was placed */
  int              placed_height;
  guint            restore_tick;     /* after presentation: waiting for the window's size */
  guint            restore_frames;
  guint            restore_frames_sized;
  int              restore_timeline_width;
  struct {                           /* what presentation changed, put back when it ends */
    WeftWindowView view;
    gboolean       sidebar;
    gboolean       inspector;
    gboolean       banner;
    char          *selection;        /* an item's id, or NULL */
    char          *focus;            /* an entity's id, or NULL */
    guint          hops;
    GWeakRef       widget;           /* keyboard focus */
    gboolean       in_inspector;
    double         split;            /* the paned's position over its height, or 0 */
    double         span_lower;       /* the timeline's */
    double         span_upper;
    double         scroll;
    double         graph_scale;      /* the graph's zoom and centre */
    double         graph_x;
    double         graph_y;
    int            width;            /* the window's */
    int            height;
    gboolean       fullscreen;
    WeftView      *state;            /* the session's, while presenting a story */
  } before;
  guint            split_idle;
  gboolean         compact;          /* narrow: icons in the header, side panes over the views */
  guint            compact_idle;
  int              wide_minimum;     /* the header's minimum width when not compact */
  int              wanted_width;     /* the stored width, until the first change of compactness */
  char            *view_labels[3];
  char            *open_label;
  gboolean         was_maximized;
  WeftEditController *editor;        /* new datasets, forms, undo (weft-edit-controller.h) */
  gboolean         is_new;           /* a new dataset, never saved */
};

G_DEFINE_FINAL_TYPE (WeftWindow, weft_window, ADW_TYPE_APPLICATION_WINDOW)

/* The nicks are what the win.view action and the "last-view" setting say. */
G_DEFINE_ENUM_TYPE (WeftWindowView, weft_window_view,
  G_DEFINE_ENUM_VALUE (WEFT_WINDOW_VIEW_TIMELINE, "timeline"),
  G_DEFINE_ENUM_VALUE (WEFT_WINDOW_VIEW_SPLIT, "split"),
  G_DEFINE_ENUM_VALUE (WEFT_WINDOW_VIEW_GRAPH, "graph"))

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Keyboard focus ----------------------------------------------------- */

/* The views take keyboard focus: the timeline, or the graph alone. */
static void
focus_views (WeftWindow *self)
{
  GtkWidget *view = self->view == WEFT_WINDOW_VIEW_GRAPH ? self->graph : self->timeline;

  /* A dataset without entities: what the graph's place says instead. */
  if (!gtk_widget_get_visible (view) && self->graph_empty != NULL)
    view = self->graph_empty;
  gtk_widget_grab_focus (view);
}

/* Keyboard focus in @leaving, a pane or bar about to close, would be lost
 * with it (and every key with it, until a click): the views take it. */
static void
rescue_focus (WeftWindow *self,
              GtkWidget  *leaving)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && (focus == leaving || gtk_widget_is_ancestor (focus, leaving)))
    focus_views (self);
}

/* A folded revealer leaves the accessible tree (GTK 4.8 lists what it
 * hides, an empty label as "GtkLabel"): hidden once folded, shown again
 * when told to reveal. */
static void
sync_revealer_visible (GtkRevealer *revealer)
{
  gtk_widget_set_visible (GTK_WIDGET (revealer),
                          gtk_revealer_get_reveal_child (revealer) || gtk_revealer_get_child_revealed (revealer));
}

static void
hide_when_folded (GtkRevealer *revealer)
{
  g_signal_connect (revealer, "notify::reveal-child", G_CALLBACK (sync_revealer_visible), NULL);
  g_signal_connect (revealer, "notify::child-revealed", G_CALLBACK (sync_revealer_visible), NULL);
  sync_revealer_visible (revealer);
}

/* The same for every revealer in @widget (a bar a view makes). */
static void
hide_revealers_when_folded (GtkWidget *widget)
{
  if (GTK_IS_REVEALER (widget))
    hide_when_folded (GTK_REVEALER (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    hide_revealers_when_folded (child);
}

/* Shown before it reveals, so it slides as it did. */
static void
reveal (WeftWindow  *self,
        GtkRevealer *revealer,
        gboolean     reveal)
{
  if (reveal)
    gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
  else
    rescue_focus (self, GTK_WIDGET (revealer));
  gtk_revealer_set_reveal_child (revealer, reveal);
}

/* libadwaita 1.2 leaves a toast's close button unnamed (read "GtkImage"):
 * each toast, from the window or a view, gets its name as it is shown. */
static void
name_close_buttons (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL &&
      gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    weft_accessible_set_label (widget, _("Dismiss"));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_close_buttons (child);
}

static void
on_toast_shown (GListModel *children,
                guint       position,
                guint       removed,
                guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) child = g_list_model_get_item (children, i);

      name_close_buttons (child);
    }
}

/* ---- Banner ------------------------------------------------------------- */

static void
show_banner (WeftWindow *self,
             const char *text,
             const char *button_label,
             const char *action,
             const char *details)
{
  gtk_label_set_label (self->banner_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_button), button_label != NULL);
  if (button_label != NULL)
    {
      gtk_button_set_label (self->banner_button, button_label);
      weft_accessible_set_label (GTK_WIDGET (self->banner_button), button_label);
    }
  g_free (self->banner_action);
  self->banner_action = g_strdup (action);
  g_free (self->banner_details);
  self->banner_details = g_strdup (details);
  reveal (self, self->banner_revealer, TRUE);
}

static void
hide_banner (WeftWindow *self)
{
  reveal (self, self->banner_revealer, FALSE);
}

const char *
weft_window_get_banner_text (WeftWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_label (self->banner_label);
}

static void
show_problems_dialog (WeftWindow *self)
{
  GtkWidget *dialog, *scroller, *label;

  if (self->banner_details == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Problems in the File"), NULL);
  scroller = gtk_scrolled_window_new ();
  label = gtk_label_new (self->banner_details);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 480);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Each line names the file, line and column of a problem. "
                                 "Correct them in a text editor, then open the file again."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_banner_button (WeftWindow *self)
{
  if (self->banner_action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), self->banner_action, NULL);
}

/* ---- Title and view ----------------------------------------------------- */

static void
update_title (WeftWindow *self)
{
  WeftDataset *dataset = weft_session_get_dataset (self->session);
  const char *title = dataset ? weft_dataset_get_title (dataset) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *window_title = NULL;

  if (self->file != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      name = info ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (self->file);
    }
  else if (self->imported_name != NULL)
    /* Translators: the title of a window showing a file read from another
     * format, which Save does not overwrite: "timeline.json (imported)" */
    name = g_strdup_printf (_("%s (imported)"), self->imported_name);
  else if (self->is_new)
    name = g_strdup (_("New Dataset"));
  else
    name = g_strdup (_("Example"));
  if (self->editor != NULL && weft_edit_controller_get_modified (self->editor))
    {
      /* Translators: the window's title when there are unsaved changes: "• file.weft" */
      g_autofree char *marked = g_strdup_printf (_("• %s"), name);

      g_free (name);
      name = g_steal_pointer (&marked);
    }

  adw_window_title_set_title (ADW_WINDOW_TITLE (self->title_widget), name);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title_widget), title ? title : "");
  /* Translators: the window title: "file.weft — Weft" */
  window_title = g_strdup_printf (_("%s — Weft"), name);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
apply_view (WeftWindow *self)
{
  gtk_widget_set_visible (self->timeline_slot, self->view != WEFT_WINDOW_VIEW_GRAPH);
  gtk_widget_set_visible (self->graph_slot, self->view != WEFT_WINDOW_VIEW_TIMELINE);
}

static void
set_view (WeftWindow     *self,
          WeftWindowView  view)
{
  if (self->view == view)
    return;

  self->view = view;
  apply_view (self);
  if (self->settings != NULL)
    {
      g_autoptr(GEnumClass) views = g_type_class_ref (WEFT_TYPE_WINDOW_VIEW);

      g_settings_set_string (self->settings, "last-view", g_enum_get_value (views, view)->value_nick);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/* ---- Files -------------------------------------------------------------- */

static void on_file_changed (WeftWindow *self, GFile *file, GFile *other, GFileMonitorEvent event);

/* A cancelled monitor says nothing more. */
static void
drop_monitor (WeftWindow *self)
{
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

static void
set_file (WeftWindow *self,
          GFile      *file,
          gboolean    is_example)
{
  drop_monitor (self);

  if (is_example)
    g_clear_object (&self->file);
  else
    g_set_object (&self->file, file);
  self->is_example = is_example;

  if (self->file != NULL)
    {
      self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_NONE, NULL, NULL);
      if (self->monitor != NULL)
        g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", self->file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", self->file != NULL);
}

/* What the window shows from now on: @dataset read from @file (NULL:
 * new, never saved) in @format, or the example. A file in another format
 * than .weft is shown as imported: Save must not write a .weft over the
 * user's TimelineJS or FtM file, so it asks where. */
static void
show (WeftWindow  *self,
      WeftDataset *dataset,
      GFile       *file,
      WeftFormat   format,
      gboolean     is_example)
{
  gboolean imported = file != NULL && format != WEFT_FORMAT_WEFT && !is_example;

  g_clear_pointer (&self->imported_name, g_free);
  g_clear_object (&self->imported_file);
  set_file (self, imported ? NULL : file, is_example);
  self->is_new = file == NULL && !is_example;
  if (imported)
    {
      self->imported_name = g_file_get_basename (file);
      self->imported_file = g_object_ref (file);
      self->imported_format = format;
    }
  weft_session_set_dataset (self->session, dataset);
  update_title (self);
}

static void
on_file_changed (WeftWindow        *self,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED)
    return;

  if (weft_edit_controller_get_modified (self->editor))
    weft_edit_controller_ask_changed_on_disk (self->editor);
  else
    show_banner (self, _("The file has changed on disk."), _("_Reload"), "win.reload", NULL);
}

typedef struct _LoadData {
  GFile             *file;
  WeftDiagnostics   *diagnostics;
  gboolean           is_example;
  WeftImportOptions  options;        /* its summary and load are the ones below */
  WeftImportSummary  summary;
  WeftLoadOptions    load;           /* cancel-open stops it */
  int                percent;        /* read so far; set by the loading thread */
  guint              tick;           /* shows the progress once a load takes a while */
  gboolean           shown;
  WeftWindow        *window;         /* the task keeps it */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->load.cancellable);
  g_clear_object (&data->file);
  weft_diagnostics_free (data->diagnostics);
  g_free (data);
}

/* On the loading thread. */
static void
load_progress (guint64  done,
               guint64  total,
               gpointer user_data)
{
  LoadData *data = user_data;

  g_atomic_int_set (&data->percent, (int) (done * 100 / MAX (total, 1)));
}

/* A large file: the banner says how far the load has got, with Cancel. */
static gboolean
show_load_progress (gpointer user_data)
{
  LoadData *data = user_data;
  g_autofree char *name = g_file_get_basename (data->file);
  int percent = g_atomic_int_get (&data->percent);
  g_autofree char *text = NULL;

  if (percent > 0)
    /* Translators: the banner while a large file opens: "Opening FILE… 42 %" */
    text = g_strdup_printf (_("Opening %s… %d %%"), name, percent);
  else
    text = g_strdup_printf (_("Opening %s…"), name);
  show_banner (data->window, text, _("_Cancel"), "win.cancel-open", NULL);
  data->shown = TRUE;
  return G_SOURCE_CONTINUE;
}

static void
cancel_open (WeftWindow *self)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading->load.cancellable);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  /* Every format Weft reads, recognised from the content. */
  WeftDataset *dataset = weft_import_file (data->file, WEFT_FORMAT_AUTO, &data->options, data->diagnostics, &error);

  if (dataset == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

static void
show_load_error (WeftWindow      *self,
                 GFile           *file,
                 WeftDiagnostics *diagnostics,
                 const GError    *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = weft_diagnostics_get_length (diagnostics);

  /* Translators: the banner when a file cannot be opened: "Could not open FILE." */
  g_string_append_printf (text, _("Could not open %s; the dataset shown is unchanged."), name);
  if (n == 0)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, error->message);
      show_banner (self, text->str, NULL, NULL, NULL);
      return;
    }

  for (guint i = 0; i < MIN (n, MAX_BANNER_PROBLEMS); i++)
    {
      g_autofree char *line = weft_diagnostic_format (weft_diagnostics_get (diagnostics, i),
                                                      weft_diagnostics_get_file (diagnostics));
      g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  {
    g_autofree char *all = weft_diagnostics_format_all (diagnostics);
    guint total = n + weft_diagnostics_get_n_dropped (diagnostics);
    g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show the Problem", "Show All %u Problems", total),
                                             total);

    show_banner (self, text->str, more, "win.show-problems", all);
  }
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  WeftWindow *self = WEFT_WINDOW (source);
  GTask *task = G_TASK (result);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = g_task_propagate_pointer (task, &error);
  GTask *outer = user_data;

  g_clear_handle_id (&data->tick, g_source_remove);
  if (self->loading == data)
    self->loading = NULL;

  if (dataset == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_load_error (self, data->file, data->diagnostics, error);
      else if (data->shown)
        hide_banner (self);
      g_task_return_error (outer, g_steal_pointer (&error));
      g_object_unref (outer);
      return;
    }

  hide_banner (self);
  show (self, dataset, data->file, data->summary.format, data->is_example);

  if (self->imported_name != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Imported %s from %s; save it as a Weft dataset to keep it."),
                                               self->imported_name,
                                               weft_format_info_get_label (weft_format_get_info (data->summary.format)));
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }

  if (!data->is_example)
    {
      g_autofree char *uri = g_file_get_uri (data->file);
      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
    }
  else
    show_banner (self,
                 _("This is Weft’s example: an article on smart cities in China, its claims and sources. "
                   "Open your own dataset with Open, or drop a file here."),
                 _("_Open…"), "win.open", NULL);

  g_task_return_boolean (outer, TRUE);
  g_object_unref (outer);
}

static void
open_internal (WeftWindow          *self,
               GFile               *file,
               gboolean             is_example,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *outer = g_task_new (self, NULL, callback, user_data);
  g_autoptr(GTask) task = g_task_new (self, NULL, load_done, outer);
  LoadData *data = g_new0 (LoadData, 1);
  g_autofree char *name = g_file_get_parse_name (file);

  g_task_set_source_tag (outer, weft_window_open);
  data->file = g_object_ref (file);
  data->diagnostics = weft_diagnostics_new (name);
  data->is_example = is_example;
  data->options.summary = &data->summary;
  data->options.load = &data->load;
  data->load.cancellable = g_cancellable_new ();
  data->load.progress = load_progress;
  data->load.progress_data = data;
  data->window = self;
  self->loading = data;
  data->tick = g_timeout_add (300, show_load_progress, data);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

void
weft_window_open (WeftWindow          *self,
                  GFile               *file,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_return_if_fail (WEFT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* What the user opens in place of unsaved changes asks first. */
  if (callback == NULL && weft_edit_controller_hold_open (self->editor, file))
    return;
  open_internal (self, file, FALSE, callback, user_data);
}

gboolean
weft_window_open_finish (WeftWindow    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
weft_window_open_example (WeftWindow *self)
{
  g_autofree char *path = weft_dup_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  open_internal (self, file, TRUE, NULL, NULL);
}

/* Opens @file in a new window of @app. */
static void
open_in_new_window (GtkApplication *app,
                    GFile          *file)
{
  WeftWindow *window = weft_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  weft_window_open (window, file, NULL, NULL);
}

/* A window already showing a file of the user's keeps it; the file opens
 * in a new window. The example is simply replaced. */
static void
open_chosen (WeftWindow *self,
             GFile      *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->is_example || app == NULL)
    weft_window_open (self, file, NULL, NULL);
  else
    open_in_new_window (app, file);
}

/* A file chooser of the window's, and what the chosen file is for. */
typedef struct {
  WeftWindow  *self;
  void       (*chosen) (WeftWindow *self, GFile *file);
} Chooser;

static void
chooser_free (gpointer  data,
              GClosure *closure)
{
  g_free (data);
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     Chooser         *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      chooser->chosen (chooser->self, file);
    }
  g_object_unref (dialog);
}

/* Shows @native, modal; @chosen gets the file the user picks. */
static void
run_chooser (WeftWindow           *self,
             GtkFileChooserNative *native,
             void                (*chosen) (WeftWindow *self, GFile *file))
{
  Chooser *chooser = g_new (Chooser, 1);

  chooser->self = self;
  chooser->chosen = chosen;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_data (native, "response", G_CALLBACK (on_chooser_response), chooser, chooser_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
add_filters (GtkFileChooser *chooser)
{
  GtkFileFilter *supported = gtk_file_filter_new ();
  GtkFileFilter *weft = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();
  const WeftFormatInfo * const *formats;
  guint n;

  gtk_file_filter_set_name (supported, _("Datasets Weft can read"));
  formats = weft_formats_list (&n);
  for (guint i = 0; i < n; i++)
    if (formats[i]->flags & WEFT_FORMAT_CAN_IMPORT)
      for (guint j = 0; formats[i]->extensions[j] != NULL; j++)
        {
          g_autofree char *pattern = g_strdup_printf ("*.%s", formats[i]->extensions[j]);
          gtk_file_filter_add_pattern (supported, pattern);
        }
  gtk_file_chooser_add_filter (chooser, supported);

  gtk_file_filter_set_name (weft, _("Weft datasets"));
  gtk_file_filter_add_pattern (weft, "*.weft");
  gtk_file_filter_add_mime_type (weft, "application/x-weft+json");
  gtk_file_chooser_add_filter (chooser, weft);
  g_object_unref (supported);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  g_object_unref (weft);
  g_object_unref (all);
}

static void
open_action (WeftWindow *self)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (_("Open a Dataset"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN,
                                                              _("_Open"), _("_Cancel"));

  add_filters (GTK_FILE_CHOOSER (native));
  run_chooser (self, native, open_chosen);
}

/* win.open-recent, the one action with a parameter: the file's URI. */
static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  weft_window_open (WEFT_WINDOW (widget), file, NULL, NULL);
}

static void
reload_action (WeftWindow *self)
{
  if (self->file != NULL)
    weft_window_open (self, self->file, NULL, NULL);
}

static void
show_error (WeftWindow *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_to (WeftWindow *self,
         GFile      *file)
{
  g_autoptr(GError) error = NULL;
  WeftDataset *dataset = weft_session_get_dataset (self->session);
  g_autofree char *basename = g_file_get_basename (file);
  WeftFormat format = weft_format_for_export_name (basename);

  if (dataset == NULL)
    return;

  /* Another format is an export: the window keeps showing its file. */
  if (format != WEFT_FORMAT_AUTO && format != WEFT_FORMAT_WEFT)
    {
      gboolean lossy = FALSE;
      g_autofree char *text = weft_edit_controller_export (self->editor, file, format, &lossy, &error);

      if (text == NULL)
        show_error (self, _("Could Not Export"), error->message);
      else
        {
          AdwToast *toast = adw_toast_new (text);

          /* Long enough to read what the format leaves out. */
          if (lossy)
            adw_toast_set_timeout (toast, 10);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      return;
    }

  if (!weft_edit_controller_save (self->editor, file, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        weft_edit_controller_ask_changed_on_disk (self->editor);
      else
        show_error (self, _("Could Not Save"), error->message);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = g_strdup_printf (_("Saved %s"), name);

      /* A new monitor, made after our own write, so that write is not
       * reported as a change from elsewhere. */
      g_clear_pointer (&self->imported_name, g_free);
  g_clear_object (&self->imported_file);
      self->is_new = FALSE;
      set_file (self, file, FALSE);
      update_title (self);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
}

static void
save_as_action (WeftWindow *self)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (_("Save the Dataset"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE,
                                                              _("_Save"), _("_Cancel"));
  g_autofree char *name = NULL;
  const WeftFormatInfo * const *formats;
  guint n;

  if (self->file != NULL)
    name = g_file_get_basename (self->file);
  else if (self->imported_name != NULL)
    {
      /* "timeline.json" -> "timeline.weft" */
      const char *dot = strrchr (self->imported_name, '.');
      g_autofree char *stem = dot ? g_strndup (self->imported_name, dot - self->imported_name)
                                  : g_strdup (self->imported_name);
      name = g_strconcat (stem, ".weft", NULL);
    }
  else
    name = g_strdup ("smart-cities.weft");

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  /* The format follows the name's extension; each filter says which. */
  formats = weft_formats_list (&n);
  for (guint i = 0; i < n; i++)
    if (formats[i]->flags & WEFT_FORMAT_CAN_EXPORT)
      {
        GtkFileFilter *filter = gtk_file_filter_new ();
        g_autofree char *pattern = g_strdup_printf ("*.%s", formats[i]->extension);
        g_autofree char *label = g_strdup_printf ("%s (.%s)", weft_format_info_get_label (formats[i]),
                                                  formats[i]->extension);

        gtk_file_filter_set_name (filter, label);
        gtk_file_filter_add_pattern (filter, pattern);
        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
        g_object_unref (filter);
      }
  run_chooser (self, native, save_to);
}

static void
save_action (WeftWindow *self)
{
  if (self->file == NULL)
    save_as_action (self);
  else
    save_to (self, self->file);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         WeftWindow    *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  weft_window_open (self, files->data, NULL, NULL);
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    for (GSList *l = files->next; l != NULL; l = l->next)
      open_in_new_window (gtk_window_get_application (GTK_WINDOW (self)), l->data);
  return TRUE;
}

/* The view switcher and Open keep their words for assistive technologies,
 * as icons too; the parts of Open (libadwaita 1.2 names neither) say what
 * they do. */
static void
name_header_buttons (WeftWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->view_buttons); i++)
    weft_accessible_set_label (GTK_WIDGET (self->view_buttons[i]), self->view_labels[i]);
  for (GtkWidget *part = gtk_widget_get_first_child (GTK_WIDGET (self->open_button)); part != NULL;
       part = gtk_widget_get_next_sibling (part))
    if (GTK_IS_MENU_BUTTON (part))
      {
        GtkPopover *menu = gtk_menu_button_get_popover (GTK_MENU_BUTTON (part));

        weft_accessible_set_label (part, _("Recent Files"));
        if (menu != NULL)
          weft_accessible_set_label (GTK_WIDGET (menu), _("Recent Files"));
      }
    else if (GTK_IS_BUTTON (part))
      weft_accessible_set_label (part, self->open_label);
  /* Menus are named after their type otherwise. */
  weft_accessible_set_label (GTK_WIDGET (gtk_menu_button_get_popover (self->menu_button)), _("Main Menu"));
}

static void
rebuild_recent_menu (WeftWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GMenu) menu = g_menu_new ();
  guint count = 0;

  for (GList *l = items; l != NULL && count < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".weft") || !gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (menu, item);
      count++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (count == 0)
    {
      g_autoptr(GMenuItem) none = g_menu_item_new (_("No Recent Files"), "win.none");
      g_menu_append_item (menu, none);
    }

  adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (menu));
  /* A new menu, named as its button is. */
  name_header_buttons (self);
}

/* ---- Panes, focus, selection -------------------------------------------- */

static void
search_action (WeftWindow *self)
{
  adw_flap_set_reveal_flap (self->sidebar_flap, TRUE);
  gtk_widget_activate_action (self->sidebar, "sidebar.search", NULL);
}

/* The selection when it is an entity, else NULL. */
static WeftEntity *
selected_entity (WeftWindow *self)
{
  WeftItem *item = weft_session_get_selection (self->session);

  return item != NULL && item->type == WEFT_ITEM_ENTITY ? (WeftEntity *) item : NULL;
}

/* Shows both views when @view is hidden. */
static void
bring_into_view (WeftWindow     *self,
                 WeftWindowView  view)
{
  if (self->view != view)
    set_view (self, WEFT_WINDOW_VIEW_SPLIT);
}

static void
focus_selection_action (WeftWindow *self)
{
  WeftEntity *entity = selected_entity (self);

  if (entity == NULL)
    return;

  weft_session_set_focus (self->session, entity);
  bring_into_view (self, WEFT_WINDOW_VIEW_GRAPH);
}

static void
unfocus_action (WeftWindow *self)
{
  weft_session_set_focus (self->session, NULL);
}

static void
path_from_action (WeftWindow *self)
{
  WeftEntity *from = selected_entity (self);
  g_autofree char *text = NULL;

  if (from == NULL)
    return;
  /* The start is kept until the end is picked. */
  weft_session_set_path (self->session, from, NULL);
  text = g_strdup_printf (_("Now pick the entity the path from %s should reach"), from->name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
path_to_action (WeftWindow *self)
{
  WeftEntity *to = selected_entity (self);
  WeftEntity *from = weft_session_get_path_from (self->session);

  if (to == NULL || from == NULL)
    return;
  weft_session_set_path (self->session, from, to);
  bring_into_view (self, WEFT_WINDOW_VIEW_GRAPH);
}

static void
clear_path_action (WeftWindow *self)
{
  weft_session_set_path (self->session, NULL, NULL);
}

static void
show_on_timeline_action (WeftWindow *self)
{
  WeftItem *item = weft_session_get_selection (self->session);

  if (item == NULL)
    return;

  bring_into_view (self, WEFT_WINDOW_VIEW_TIMELINE);
  weft_views_show_on_timeline (self->timeline, item);
}

static void
on_focus_changed (WeftWindow *self)
{
  WeftEntity *focus = weft_session_get_focus (self->session);

  reveal (self, self->focus_revealer, focus != NULL);
  if (focus != NULL)
    {
      /* Translators: the breadcrumb in focus mode: "Focus: Huawei" */
      g_autofree char *text = g_strdup_printf (_("Focus: %s"), focus->name);
      gtk_label_set_label (self->focus_label, text);
    }
  gtk_drop_down_set_selected (self->hops_dropdown, weft_session_get_focus_hops (self->session) - 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unfocus", focus != NULL);
}

static void
on_hops_selected (WeftWindow *self)
{
  GtkStringObject *hops = gtk_drop_down_get_selected_item (self->hops_dropdown);
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->hops_dropdown));

  weft_session_set_focus_hops (self->session, gtk_drop_down_get_selected (self->hops_dropdown) + 1);
  /* GTK 4.8 names the drop-down's button "GtkToggleButton": it says the
   * value instead ("2 hops"). */
  if (GTK_IS_TOGGLE_BUTTON (button) && hops != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_string_object_get_string (hops), -1);
}

/* A side pane closing takes keyboard focus with it unless it moves. */
static void
on_flap_revealed (WeftWindow *self,
                  GParamSpec *pspec,
                  AdwFlap    *flap)
{
  if (!adw_flap_get_reveal_flap (flap))
    rescue_focus (self, adw_flap_get_flap (flap));
}

static void
on_selection_changed (WeftWindow *self)
{
  WeftItem *item = weft_session_get_selection (self->session);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.focus-selection",
                                 item != NULL && item->type == WEFT_ITEM_ENTITY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-on-timeline", item != NULL);

  /* On a narrow window the inspector is folded away: show it when the user
   * picks something. */
  if (item != NULL && self->step < 0 && !adw_flap_get_folded (self->inspector_flap))
    adw_flap_set_reveal_flap (self->inspector_flap, TRUE);
}

/* ---- A dataset without entities --------------------------------------- */

/* A dataset without entities (a TimelineJS file) has no graph: its place
 * says so and what to do instead of an empty graph, and the window opens
 * on the timeline (the stored view is kept for the next dataset). */
static void
on_dataset_changed (WeftWindow *self)
{
  WeftDataset *dataset = weft_session_get_dataset (self->session);
  gboolean no_graph = dataset != NULL && weft_dataset_get_entities (dataset)->len == 0;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, self->graph_slot);

  /* Keyboard focus does not go with the graph: the timeline takes it
   * first (GTK would hand it to the paned). */
  if (had_focus && no_graph && self->step < 0)
    {
      gtk_widget_set_visible (self->timeline_slot, TRUE);
      gtk_widget_grab_focus (self->timeline);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (self->graph_slot); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, (child == self->graph_empty) == no_graph);
  if (no_graph && self->view != WEFT_WINDOW_VIEW_TIMELINE && self->step < 0)
    {
      self->view = WEFT_WINDOW_VIEW_TIMELINE;
      apply_view (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
    }
}

static void
add_graph_empty (WeftWindow *self)
{
  self->graph_empty = weft_status_page_new ("weft-view-graph-symbolic", _("No Entities to Connect"),
                                            _("This dataset has only events, which are on the timeline. "
                                              "The graph shows people, organizations and places and how they connect: "
                                              "add some to the dataset to see it here."));
  gtk_widget_set_visible (self->graph_empty, FALSE);
  gtk_widget_set_focusable (self->graph_empty, TRUE);
  gtk_box_append (GTK_BOX (self->graph_slot), self->graph_empty);
  g_signal_group_connect_swapped (self->session_signals, "notify::dataset", G_CALLBACK (on_dataset_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "dataset-changed", G_CALLBACK (on_dataset_changed), self);
}

/* ---- Presentation ------------------------------------------------------- */

/* The slides: the events in the presentation core's order (by start, an
 * open start by its known end), one card each in plain words. The card
 * stands in one place, a column at the right of the views over their
 * whole height, opaque; the views give it that room (they never go under
 * it), the timeline's text grows with the screen (1.75 times at 1920 x
 * 1080) and each step brings its event into view, zoomed, clear of
 * whatever the card covers. Leaving puts the window back as it was. */

/* The timeline's text scale and the card's width for the window's size. */
static double
presentation_scale (WeftWindow *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  return CLAMP (1.75 * MIN (w / 1920, h / 1080), 1, 4);
}

/* Adds @text to the card in large type, and to what a screen reader says
 * of it (@spoken, one line each). */
static GtkWidget *
card_add (WeftWindow *self,
          GString    *spoken,
          const char *text,
          const char *css_class)
{
  GtkWidget *label = weft_text_label_new (text, css_class);

  gtk_box_append (GTK_BOX (self->presentation), label);
  if (spoken != NULL)
    g_string_append_printf (spoken, "%s%s", spoken->len > 0 ? "\n" : "", text);
  return label;
}

/* The card's size and the room the views leave it; the timeline's text
 * scale; then the event in view, clear of the card where it covers the
 * timeline. Again whenever the window's size changes. */
static void
place_presented_event (WeftWindow *self)
{
  WeftTimelineView *timeline = WEFT_TIMELINE_VIEW (self->timeline);
  GtkWidget *views = gtk_overlay_get_child (self->views_overlay);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int card = CLAMP (width * 32 / 100, 400, 680);
  graphene_rect_t bounds, area;
  WeftEvent *event;

  if (self->step < 0 || self->slides == NULL)
    return;
  event = weft_window_get_presented_event (self);
  gtk_widget_set_size_request (self->presentation_frame, card, -1);
  gtk_widget_set_margin_end (views, card);
  if (presentation_scale (self) >= 1.3)
    gtk_widget_remove_css_class (self->presentation_frame, "compact");
  else
    gtk_widget_add_css_class (self->presentation_frame, "compact");
  weft_timeline_view_set_text_scale (timeline, presentation_scale (self));
  weft_graph_view_set_text_scale (WEFT_GRAPH_VIEW (self->graph), presentation_scale (self));
  /* The timeline's text is larger: it gets more of the height. */
  if (gtk_widget_get_height (GTK_WIDGET (self->paned)) > 0)
    gtk_paned_set_position (self->paned, gtk_widget_get_height (GTK_WIDGET (self->paned)) * 65 / 100);

  /* What of the timeline the card covers (nothing while the views make
   * room, unless the window is too narrow for both). */
  area = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (self->timeline), gtk_widget_get_height (self->timeline));
  if (gtk_widget_compute_bounds (self->presentation_frame, self->timeline, &bounds) &&
      graphene_rect_intersection (&bounds, &area, &bounds))
    weft_timeline_view_set_obscured (timeline, &bounds);
  else
    weft_timeline_view_set_obscured (timeline, NULL);
  if (event != NULL)
    weft_timeline_view_reveal_event (timeline, event, TRUE);
  self->placed_width = gtk_widget_get_width (self->timeline);
  self->placed_height = gtk_widget_get_height (self->timeline);
}

/* Each frame while presenting: the event placed again when the timeline's
 * size changed (going full screen, a new window size). */
static gboolean
presentation_tick (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  WeftWindow *self = data;

  if (gtk_widget_get_width (self->timeline) != self->placed_width ||
      gtk_widget_get_height (self->timeline) != self->placed_height)
    place_presented_event (self);
  return G_SOURCE_CONTINUE;
}

/* The story's step on show, or NULL when presenting every event. */
static const WeftStoryStep *
presented_step (WeftWindow *self)
{
  WeftDataset *dataset = weft_session_get_dataset (self->session);
  WeftStory *story = self->story != NULL && dataset != NULL ? weft_dataset_lookup_story (dataset, self->story) : NULL;

  return story != NULL && self->step >= 0 && (guint) self->step < story->n_steps ? &story->steps[self->step] : NULL;
}

/* A story's step that is not an event: its view put back (the panes move
 * there), its title on the card. */
static const char *
show_view_step (WeftWindow          *self,
                const WeftStoryStep *step)
{
  WeftDataset *dataset = weft_session_get_dataset (self->session);
  WeftView *view = step != NULL && step->view != NULL ? weft_dataset_lookup_view (dataset, step->view) : NULL;

  if (view == NULL)
    return step != NULL && step->view != NULL ? step->view : step != NULL && step->event != NULL ? step->event : "";
  weft_view_state_apply (self, view, TRUE);
  return weft_view_get_title (view);
}

static void
show_step (WeftWindow *self)
{
  const WeftStoryStep *story_step;
  const char *heading = NULL;
  WeftDataset *dataset = weft_session_get_dataset (self->session);
  guint n = self->slides->len;
  WeftEvent *event;
  GtkWidget *card, *child, *progress;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GString) spoken = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *count = NULL;
  guint told;
  double lower, upper;

  if (n == 0)
    return;
  weft_timeline_view_get_span (WEFT_TIMELINE_VIEW (self->timeline), &lower, &upper);
  self->step = CLAMP (self->step, 0, (int) n - 1);
  event = g_ptr_array_index (self->slides, self->step);
  story_step = presented_step (self);

  /* The timeline rings the event, the graph focuses on who took part. */
  if (event == NULL)
    heading = show_view_step (self, story_step);
  else if (story_step != NULL)
    {
      /* After a view: the panes and filters as presentation began. */
      weft_saved_view_apply (self->before.state, self->session);
      set_view (self, WEFT_WINDOW_VIEW_SPLIT);
    }
  if (event != NULL)
    weft_session_set_selection (self->session, &event->item);
  if (event != NULL && event->n_participants > 0)
    {
      WeftEntity *first = weft_dataset_lookup_entity (dataset, event->participants[0].entity);

      if (first != NULL)
        weft_session_set_focus (self->session, first);
    }

  card = self->presentation;
  while ((child = gtk_widget_get_first_child (card)) != NULL)
    gtk_box_remove (GTK_BOX (card), child);

  if (event != NULL)
    date = weft_present_date_words (&event->date);
  /* Translators: the presentation's step counter: "3 of 16" */
  count = g_strdup_printf (_("%d of %u"), self->step + 1, n);
  card_add (self, spoken, count, "presentation-counter");
  progress = gtk_progress_bar_new ();
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (progress), (self->step + 1) / (double) n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (progress), GTK_ACCESSIBLE_PROPERTY_LABEL, count, -1);
  gtk_box_append (GTK_BOX (card), progress);
  if (story_step != NULL && story_step->note != NULL)
    card_add (self, spoken, story_step->note, "presentation-note");
  if (event == NULL)
    {
      /* A view: its title, which is the card's name. */
      card_add (self, NULL, heading, "presentation-title");
      gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken->str, -1);
      place_presented_event (self);
      return;
    }
  card_add (self, spoken, date, "presentation-date");
  /* The title is the card's name; the rest its description. */
  card_add (self, NULL, event->title, "presentation-title");
  if (event->description != NULL)
    card_add (self, spoken, event->description, "presentation-body");

  claims = weft_dataset_dup_item_claims (dataset, &event->item);
  for (told = 0; told < claims->len && told < 3; told++)
    {
      WeftClaim *claim = g_ptr_array_index (claims, told);
      g_autofree char *line = g_strdup_printf ("%s — %s", weft_claim_status_label (claim->status), claim->text);

      card_add (self, spoken, line, "presentation-claim");
      if (claim->n_citations > 0)
        {
          const WeftCitation *citation = &claim->citations[0];
          WeftItem *source = weft_dataset_lookup (dataset, citation->source);
          g_autofree char *quote = g_strdup_printf ("“%s”", citation->quote);
          g_autofree char *from = g_strdup_printf ("— %s", source != NULL ? weft_item_get_label (source) : citation->source);

          card_add (self, spoken, quote, "presentation-quote");
          card_add (self, spoken, from, "presentation-source");
        }
    }
  if (told < claims->len)
    {
      guint more = claims->len - told;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more claim",
                                                            "and %u more claims", more), more);

      card_add (self, spoken, text, "presentation-source");
    }

  /* The card has keyboard focus: a screen reader reads each new step. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, event->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken->str,
                                  -1);
  place_presented_event (self);
  /* In a story, the timeline moves to the event rather than jumping. */
  if (story_step != NULL)
    {
      double to_lower, to_upper;

      weft_timeline_view_get_span (WEFT_TIMELINE_VIEW (self->timeline), &to_lower, &to_upper);
      weft_timeline_view_set_span (WEFT_TIMELINE_VIEW (self->timeline), lower, upper);
      weft_view_state_move (self, TRUE, to_lower, to_upper, FALSE, 0, 0, 0, TRUE);
    }
}

int
weft_window_get_presentation_step (WeftWindow *self)
{
  return self->step;
}

GtkWidget *
weft_window_get_presentation_card (WeftWindow *self)
{
  return self->presentation;
}

WeftEvent *
weft_window_get_presented_event (WeftWindow *self)
{
  return self->step >= 0 && self->slides != NULL ? g_ptr_array_index (self->slides, self->step) : NULL;
}

gboolean
weft_window_is_restoring (WeftWindow *self)
{
  return self->restore_tick != 0;
}

/* Next, previous and leave work only while presenting. */
static void
enable_presentation_actions (WeftWindow *self,
                             gboolean    presenting)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-next", presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-previous", presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-leave", presenting);
}

/* What presentation changes, as it is before it starts. */
static void
remember_before_presentation (WeftWindow *self)
{
  WeftItem *selection = weft_session_get_selection (self->session);
  WeftEntity *focus = weft_session_get_focus (self->session);
  GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (self));
  int total = gtk_widget_get_height (GTK_WIDGET (self->paned));

  self->before.view = self->view;
  self->before.sidebar = adw_flap_get_reveal_flap (self->sidebar_flap);
  self->before.inspector = adw_flap_get_reveal_flap (self->inspector_flap);
  self->before.banner = gtk_revealer_get_reveal_child (self->banner_revealer);
  g_free (self->before.selection);
  self->before.selection = selection != NULL ? g_strdup (selection->id) : NULL;
  g_free (self->before.focus);
  self->before.focus = focus != NULL ? g_strdup (focus->item.id) : NULL;
  self->before.hops = weft_session_get_focus_hops (self->session);
  g_weak_ref_set (&self->before.widget, widget);
  self->before.in_inspector = widget != NULL && gtk_widget_is_ancestor (widget, self->inspector);
  /* The split as a share of the height, the timeline's span and scroll,
   * the window's size: put back once it has that size again. */
  self->before.split = self->view == WEFT_WINDOW_VIEW_SPLIT && total > 0
                       ? gtk_paned_get_position (self->paned) / (double) total : 0;
  weft_timeline_view_get_span (WEFT_TIMELINE_VIEW (self->timeline), &self->before.span_lower, &self->before.span_upper);
  self->before.scroll = weft_timeline_view_get_scroll (WEFT_TIMELINE_VIEW (self->timeline));
  self->before.graph_scale = weft_graph_view_get_scale (WEFT_GRAPH_VIEW (self->graph));
  weft_graph_view_get_center (WEFT_GRAPH_VIEW (self->graph), &self->before.graph_x, &self->before.graph_y);
  self->before.width = gtk_widget_get_width (GTK_WIDGET (self));
  self->before.height = gtk_widget_get_height (GTK_WIDGET (self));
  self->before.fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
}

/* Focus for @widget, which had it before presentation (the inspector for
 * its heading). Not before @widget is on screen: GTK 4.8 tells assistive
 * technologies nothing of focus given to a widget not shown yet. */
static void
restore_focus (WeftWindow *self,
               GtkWidget  *widget)
{
  g_signal_handlers_disconnect_by_func (widget, restore_focus, self);
  if (self->step >= 0)
    return;
  if (widget == self->inspector ? !weft_inspector_grab_heading (WEFT_INSPECTOR (widget)) : !gtk_widget_grab_focus (widget))
    focus_views (self);
}

/* After leaving: once the window has its old size again (or after about a
 * second, when the window manager does not give it back), the split, the
 * timeline's span and its scroll as they were. */
static gboolean
restore_tick (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  WeftWindow *self = data;
  WeftTimelineView *timeline = WEFT_TIMELINE_VIEW (self->timeline);
  int total = gtk_widget_get_height (GTK_WIDGET (self->paned));
  int timeline_width = gtk_widget_get_width (self->timeline);
  /* The window's old size, the side panes done sliding, the timeline's
   * width settled. */
  gboolean sized = gtk_widget_get_width (widget) == self->before.width &&
                   gtk_widget_get_height (widget) == self->before.height &&
                   gtk_window_is_fullscreen (GTK_WINDOW (self)) == self->before.fullscreen &&
                   adw_flap_get_reveal_progress (self->sidebar_flap) == (self->before.sidebar ? 1 : 0) &&
                   adw_flap_get_reveal_progress (self->inspector_flap) == (self->before.inspector ? 1 : 0) &&
                   timeline_width == self->restore_timeline_width;

  if (self->step >= 0)
    {
      self->restore_tick = 0;
      return G_SOURCE_REMOVE;
    }
  /* A frame more after the size is right, for the views to take it. */
  if (!sized)
    self->restore_frames_sized = 0;
  else
    self->restore_frames_sized++;
  self->restore_timeline_width = timeline_width;
  if (self->restore_frames_sized < 2 && ++self->restore_frames < 90)
    return G_SOURCE_CONTINUE;

  if (self->before.split > 0 && total > 0)
    gtk_paned_set_position (self->paned, (int) round (total * self->before.split));
  weft_timeline_view_set_span (timeline, self->before.span_lower, self->before.span_upper);
  weft_timeline_view_scroll (timeline, 0, self->before.scroll - weft_timeline_view_get_scroll (timeline), 0, TRUE);
  weft_graph_view_set_scale (WEFT_GRAPH_VIEW (self->graph), self->before.graph_scale);
  weft_graph_view_set_center (WEFT_GRAPH_VIEW (self->graph), self->before.graph_x, self->before.graph_y);
  self->restore_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
leave_presentation (WeftWindow *self)
{
  WeftDataset *dataset = weft_session_get_dataset (self->session);
  g_autoptr(GtkWidget) focus = g_weak_ref_get (&self->before.widget);
  GtkWidget *target;

  if (self->step < 0)
    return;
  g_weak_ref_set (&self->before.widget, NULL);
  if (self->present_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->present_tick);
  self->present_tick = 0;

  /* The selection and the graph's focus as they were. */
  if (self->before.selection == NULL || !weft_session_select_id (self->session, self->before.selection))
    weft_session_set_selection (self->session, NULL);
  weft_session_set_focus (self->session, self->before.focus != NULL
                                         ? weft_dataset_lookup_entity (dataset, self->before.focus) : NULL);
  weft_session_set_focus_hops (self->session, self->before.hops);
  /* A story's views changed the rest too: all as it was. */
  if (self->before.state != NULL)
    weft_saved_view_apply (self->before.state, self->session);
  g_clear_pointer (&self->before.state, weft_view_state_free);
  g_clear_pointer (&self->story, g_free);
  g_object_set_data (G_OBJECT (self), "weft-view-move", NULL);

  self->step = -1;
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  /* Off the card before it goes (GTK 4.8 would pick a widget itself, after
   * the next frame). */
  focus_views (self);
  gtk_widget_set_visible (self->presentation_frame, FALSE);
  gtk_widget_set_visible (self->presentation, FALSE);
  gtk_widget_set_margin_end (gtk_overlay_get_child (self->views_overlay), 0);
  weft_timeline_view_set_obscured (WEFT_TIMELINE_VIEW (self->timeline), NULL);
  weft_timeline_view_set_text_scale (WEFT_TIMELINE_VIEW (self->timeline), 1);
  weft_graph_view_set_text_scale (WEFT_GRAPH_VIEW (self->graph), 1);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), TRUE);
  set_view (self, self->before.view);
  adw_flap_set_reveal_flap (self->sidebar_flap, self->before.sidebar);
  adw_flap_set_reveal_flap (self->inspector_flap, self->before.inspector);
  if (self->before.banner)
    reveal (self, self->banner_revealer, TRUE);
  if (!self->before.fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (self));
  enable_presentation_actions (self, FALSE);
  self->restore_frames = self->restore_frames_sized = 0;
  if (self->restore_tick == 0)
    self->restore_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_tick, self, NULL);

  /* Keyboard focus where it was, once it is on screen again; a widget of
   * the inspector's went with its rebuild, and the inspector's heading
   * stands for it. */
  if (focus != NULL && gtk_widget_get_root (focus) == GTK_ROOT (self))
    target = focus;
  else
    target = self->before.in_inspector ? self->inspector : NULL;
  if (target != NULL && gtk_widget_get_mapped (target))
    restore_focus (self, target);
  else if (target != NULL)
    g_signal_connect_object (target, "map", G_CALLBACK (restore_focus), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/* The events of @story's steps, NULL for a view (and an event gone). */
static GPtrArray *
dup_story_slides (WeftDataset *dataset,
                  WeftStory   *story)
{
  GPtrArray *slides = g_ptr_array_new ();

  for (guint i = 0; i < story->n_steps; i++)
    {
      WeftItem *event = story->steps[i].event != NULL ? weft_dataset_lookup (dataset, story->steps[i].event) : NULL;

      g_ptr_array_add (slides, event != NULL && event->type == WEFT_ITEM_EVENT ? event : NULL);
    }
  return slides;
}

/* Presents the story @story_id, or every event in date order (NULL). */
static void
start_presentation (WeftWindow *self,
                    const char *story_id)
{
  WeftDataset *dataset = weft_session_get_dataset (self->session);
  WeftStory *story = story_id != NULL && dataset != NULL ? weft_dataset_lookup_story (dataset, story_id) : NULL;
  g_autoptr(GPtrArray) slides = NULL;

  if (dataset == NULL || self->step >= 0)
    return;
  slides = story != NULL ? dup_story_slides (dataset, story) : weft_present_dup_events (dataset);
  if (slides->len == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (story != NULL ? _("This story has no steps to present")
                                                                       : _("This dataset has no events to present")));
      return;
    }

  /* A restore still waiting for the window's size is done now. */
  if (self->restore_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->restore_tick);
      self->restore_tick = 0;
    }
  remember_before_presentation (self);
  if (story != NULL)
    {
      self->story = g_strdup (story_id);
      self->before.state = weft_view_state_dup_session (self->session);
    }
  self->slides = g_steal_pointer (&slides);
  self->step = 0;
  hide_banner (self);
  gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), FALSE);
  adw_flap_set_reveal_flap (self->sidebar_flap, FALSE);
  adw_flap_set_reveal_flap (self->inspector_flap, FALSE);
  set_view (self, WEFT_WINDOW_VIEW_SPLIT);
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_widget_set_visible (self->presentation_frame, TRUE);
  gtk_widget_set_visible (self->presentation, TRUE);
  enable_presentation_actions (self, TRUE);
  show_step (self);
  self->present_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), presentation_tick, self, NULL);
  gtk_widget_grab_focus (self->presentation);
}

/* F5: leaves, or asks which story when the dataset has any. */
static void
present_action (WeftWindow *self)
{
  WeftDataset *dataset = weft_session_get_dataset (self->session);

  if (self->step >= 0)
    leave_presentation (self);
  else if (dataset != NULL && weft_dataset_get_stories (dataset)->len > 0)
    weft_story_chooser_present (self);
  else
    start_presentation (self, NULL);
}

static void
present_story_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);

  start_presentation (WEFT_WINDOW (widget), id[0] != '\0' ? id : NULL);
}

/* ---- Saved views ------------------------------------------------------------ */

static void
save_view_action (WeftWindow *self)
{
  if (self->step < 0 && weft_session_get_dataset (self->session) != NULL)
    weft_save_view_dialog_present (self);
}

static void
add_to_story_action (WeftWindow *self)
{
  if (self->step < 0 && weft_session_get_dataset (self->session) != NULL)
    weft_add_to_story_present (self);
}

static void
apply_view_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WeftWindow *self = WEFT_WINDOW (widget);
  WeftDataset *dataset = weft_session_get_dataset (self->session);
  WeftView *view = dataset != NULL ? weft_dataset_lookup_view (dataset, g_variant_get_string (parameter, NULL)) : NULL;

  if (view != NULL && self->step < 0)
    weft_view_state_apply (self, view, TRUE);
}

/* Moves the presentation by @steps events. */
static void
present_step (WeftWindow *self,
              int         steps)
{
  if (self->step < 0)
    return;
  self->step += steps;
  show_step (self);
}

static void
present_next_action (WeftWindow *self)
{
  present_step (self, 1);
}

static void
present_previous_action (WeftWindow *self)
{
  present_step (self, -1);
}

/* ---- Export and print --------------------------------------------------- */

static void
export_timeline_action (WeftWindow *self)
{
  weft_views_export (GTK_WINDOW (self), self->session, self->timeline, self->toast_overlay);
}

static void
export_graph_action (WeftWindow *self)
{
  weft_views_export (GTK_WINDOW (self), self->session, self->graph, self->toast_overlay);
}

static void
on_graph_export (WeftWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.export-graph", NULL);
}

static void
print_action (WeftWindow *self)
{
  GtkWidget *view = self->view == WEFT_WINDOW_VIEW_GRAPH ? self->graph : self->timeline;

  weft_views_print (GTK_WINDOW (self), self->session, view, self->toast_overlay);
}

/* ---- Actions ------------------------------------------------------------ */

typedef void (*WindowAction) (WeftWindow *self);

/* The win.* actions without a parameter that one function runs, with
 * their shortcuts. */
static const struct {
  const char      *name;
  WindowAction     run;
  guint            key;
  GdkModifierType  modifiers;
} window_actions[] = {
  { "win.open", open_action, GDK_KEY_o, GDK_CONTROL_MASK },
  { "win.reload", reload_action, GDK_KEY_r, GDK_CONTROL_MASK },
  { "win.cancel-open", cancel_open, 0, 0 },
  { "win.save", save_action, GDK_KEY_s, GDK_CONTROL_MASK },
  { "win.save-as", save_as_action, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
  { "win.search", search_action, 0, 0 },          /* Ctrl+F comes first: see init */
  { "win.focus-selection", focus_selection_action, GDK_KEY_Return, GDK_CONTROL_MASK },
  { "win.unfocus", unfocus_action, 0, 0 },
  { "win.show-on-timeline", show_on_timeline_action, 0, 0 },
  { "win.path-from", path_from_action, 0, 0 },
  { "win.path-to", path_to_action, 0, 0 },
  { "win.clear-path", clear_path_action, 0, 0 },
  { "win.dismiss-banner", hide_banner, 0, 0 },
  { "win.show-problems", show_problems_dialog, 0, 0 },
  { "win.present", present_action, GDK_KEY_F5, 0 },
  { "win.present-next", present_next_action, 0, 0 },
  { "win.present-previous", present_previous_action, 0, 0 },
  { "win.present-leave", leave_presentation, 0, 0 },
  { "win.export-timeline", export_timeline_action, GDK_KEY_e, GDK_CONTROL_MASK },
  { "win.export-graph", export_graph_action, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
  { "win.print", print_action, GDK_KEY_p, GDK_CONTROL_MASK },
  { "win.save-view", save_view_action, GDK_KEY_d, GDK_CONTROL_MASK },
  { "win.add-to-story", add_to_story_action, 0, 0 },
};

static void
run_window_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    if (g_str_equal (action_name, window_actions[i].name))
      window_actions[i].run (WEFT_WINDOW (widget));
}

/* ---- Settings ----------------------------------------------------------- */

static void
restore_settings (WeftWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");
  g_autofree char *view = g_settings_get_string (self->settings, "last-view");
  g_autoptr(GEnumClass) views = g_type_class_ref (WEFT_TYPE_WINDOW_VIEW);
  GEnumValue *value = g_enum_get_value_by_nick (views, view);

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  self->wanted_width = width;
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->split_fraction = g_settings_get_double (self->settings, "split-position");
  if (value != NULL)
    set_view (self, value->value);
}

static void
store_settings (WeftWindow *self)
{
  int width, height;
  int total = gtk_widget_get_height (GTK_WIDGET (self->paned));

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && !gtk_window_is_fullscreen (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (total > 0 && self->view == WEFT_WINDOW_VIEW_SPLIT)
    g_settings_set_double (self->settings, "split-position",
                           CLAMP (gtk_paned_get_position (self->paned) / (double) total, 0.1, 0.9));
  g_settings_apply (self->settings);
}

static gboolean
weft_window_close_request (GtkWindow *window)
{
  if (weft_edit_controller_hold_close (WEFT_WINDOW (window)->editor))
    return TRUE;
  store_settings (WEFT_WINDOW (window));
  return GTK_WINDOW_CLASS (weft_window_parent_class)->close_request (window);
}

double
weft_window_get_split (WeftWindow *self)
{
  int total = gtk_widget_get_height (GTK_WIDGET (self->paned));

  if (self->view != WEFT_WINDOW_VIEW_SPLIT || total <= 0)
    return 0;
  return CLAMP (gtk_paned_get_position (self->paned) / (double) total, 0.05, 0.95);
}

static gboolean restore_split (gpointer data);

void
weft_window_set_split (WeftWindow *self,
                       double      split)
{
  g_return_if_fail (split > 0 && split < 1);

  /* Once the paned has its height with both panes in it (after the
   * allocation a change of view queues). */
  self->split_fraction = split;
  if (self->split_idle == 0)
    self->split_idle = g_idle_add (restore_split, self);
  gtk_widget_queue_allocate (GTK_WIDGET (self->paned));
}

static gboolean
restore_split (gpointer data)
{
  WeftWindow *self = data;
  int total = gtk_widget_get_height (GTK_WIDGET (self->paned));

  self->split_idle = 0;
  /* Not while presenting, which gives the timeline its own share. */
  if (total > 0 && self->split_fraction > 0 && self->view == WEFT_WINDOW_VIEW_SPLIT && self->step < 0)
    {
      gtk_paned_set_position (self->paned, (int) (total * self->split_fraction));
      self->split_fraction = 0;
    }
  return G_SOURCE_REMOVE;
}

/* ---- Narrow windows ------------------------------------------------------
 *
 * Below COMPACT_WIDTH (or the wide header's own minimum and a margin, where
 * a language makes that wider) the window is compact: the view switcher
 * and Open show icons, the title and the presentation button leave the
 * header (the window's title and the main menu keep them), and the side
 * panes fold over the views instead of beside them. So the window can be
 * tiled at half a 1366-pixel screen. (libadwaita 1.2 has no breakpoints.)
 */
#define COMPACT_WIDTH 800

static const char * const view_icons[3] = {
  "weft-view-timeline-symbolic", "weft-view-split-symbolic", "weft-view-graph-symbolic",
};

static int
compact_width (WeftWindow *self)
{
  return MAX (COMPACT_WIDTH, self->wide_minimum + 40);
}

static void
set_compact (WeftWindow *self,
             gboolean    compact)
{
  AdwFlapFoldPolicy policy = compact ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_AUTO;

  if (self->compact == compact)
    return;
  self->compact = compact;

  for (guint i = 0; i < G_N_ELEMENTS (self->view_buttons); i++)
    {
      if (compact)
        gtk_button_set_icon_name (self->view_buttons[i], view_icons[i]);
      else
        gtk_button_set_label (self->view_buttons[i], self->view_labels[i]);
      gtk_button_set_use_underline (self->view_buttons[i], !compact);
    }
  if (compact)
    adw_split_button_set_icon_name (self->open_button, "document-open-symbolic");
  else
    adw_split_button_set_label (self->open_button, self->open_label);
  adw_split_button_set_use_underline (self->open_button, !compact);
  name_header_buttons (self);

  gtk_widget_set_visible (self->title_widget, !compact);
  gtk_widget_set_visible (self->present_button, !compact);
  adw_flap_set_fold_policy (self->sidebar_flap, policy);
  adw_flap_set_fold_policy (self->inspector_flap, policy);

  /* A window stored narrower than the wide header allows opens at the
   * header's width; now it can have the width it had. */
  if (compact && self->wanted_width > 0 && self->wanted_width < gtk_widget_get_width (GTK_WIDGET (self)))
    gtk_window_set_default_size (GTK_WINDOW (self), self->wanted_width, gtk_widget_get_height (GTK_WIDGET (self)));
  self->wanted_width = 0;
}

static gboolean
update_compact (gpointer data)
{
  WeftWindow *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->compact_idle = 0;
  if (width > 0)
    set_compact (self, width < compact_width (self));
  return G_SOURCE_REMOVE;
}

gboolean
weft_window_get_compact (WeftWindow *self)
{
  g_return_val_if_fail (WEFT_IS_WINDOW (self), FALSE);
  return self->compact;
}

static void
weft_window_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  WeftWindow *self = WEFT_WINDOW (widget);

  GTK_WIDGET_CLASS (weft_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Put the split where it was once the paned has a size; not from inside
   * this allocation, which must not queue another. */
  if (self->split_fraction > 0 && self->split_idle == 0)
    self->split_idle = g_idle_add (restore_split, self);

  /* The same for compactness, which changes what the header holds. */
  if (!self->compact)
    gtk_widget_measure (GTK_WIDGET (self->header_bar), GTK_ORIENTATION_HORIZONTAL, -1,
                        &self->wide_minimum, NULL, NULL, NULL);
  if ((width < compact_width (self)) != self->compact && self->compact_idle == 0)
    self->compact_idle = g_idle_add (update_compact, self);
}

/* ---- Object ------------------------------------------------------------- */

static void
weft_window_dispose (GObject *object)
{
  WeftWindow *self = WEFT_WINDOW (object);

  g_clear_handle_id (&self->split_idle, g_source_remove);
  g_object_set_data (G_OBJECT (self), "weft-view-move", NULL);
  if (self->present_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->present_tick);
  if (self->restore_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->restore_tick);
  self->present_tick = self->restore_tick = 0;
  g_clear_handle_id (&self->compact_idle, g_source_remove);
  drop_monitor (self);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->editor);
  if (self->toasts != NULL)
    g_signal_handlers_disconnect_by_func (self->toasts, on_toast_shown, NULL);
  g_clear_object (&self->toasts);

  gtk_widget_dispose_template (GTK_WIDGET (self), WEFT_TYPE_WINDOW);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (weft_window_parent_class)->dispose (object);
}

static void
weft_window_finalize (GObject *object)
{
  WeftWindow *self = WEFT_WINDOW (object);

  g_free (self->banner_details);
  g_free (self->banner_action);
  g_free (self->imported_name);
  g_clear_object (&self->imported_file);
  for (guint i = 0; i < G_N_ELEMENTS (self->view_labels); i++)
    g_free (self->view_labels[i]);
  g_free (self->open_label);
  g_free (self->before.selection);
  g_free (self->before.focus);
  g_weak_ref_clear (&self->before.widget);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_free (self->story);
  weft_view_state_free (self->before.state);

  G_OBJECT_CLASS (weft_window_parent_class)->finalize (object);
}

static void
weft_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WeftWindow *self = WEFT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_enum (value, self->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WeftWindow *self = WEFT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      set_view (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_window_class_init (WeftWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = weft_window_dispose;
  object_class->finalize = weft_window_finalize;
  object_class->get_property = weft_window_get_property;
  object_class->set_property = weft_window_set_property;
  widget_class->size_allocate = weft_window_size_allocate;
  window_class->close_request = weft_window_close_request;

  /* What the window shows; win.view sets it by nick. */
  properties[PROP_VIEW] =
    g_param_spec_enum ("view", NULL, NULL, WEFT_TYPE_WINDOW_VIEW, WEFT_WINDOW_VIEW_SPLIT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WEFT_TYPE_SIDEBAR);
  g_type_ensure (WEFT_TYPE_INSPECTOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/weft/Weft/weft-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, view_switcher);
  gtk_widget_class_bind_template_child_full (widget_class, "view_timeline", FALSE,
                                             G_STRUCT_OFFSET (WeftWindow, view_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "view_split", FALSE,
                                             G_STRUCT_OFFSET (WeftWindow, view_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "view_graph", FALSE,
                                             G_STRUCT_OFFSET (WeftWindow, view_buttons[2]));
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, present_button);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, banner_button);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, sidebar_flap);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, inspector_flap);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, views_overlay);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, focus_revealer);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, focus_label);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, hops_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, timeline_slot);
  gtk_widget_class_bind_template_child (widget_class, WeftWindow, graph_slot);

  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    {
      gtk_widget_class_install_action (widget_class, window_actions[i].name, NULL, run_window_action);
      if (window_actions[i].key != 0)
        gtk_widget_class_add_binding_action (widget_class, window_actions[i].key, window_actions[i].modifiers,
                                             window_actions[i].name, NULL);
    }
  /* The actions with a parameter. (win.toggle-sidebar and
   * win.toggle-inspector are the flaps' own, added in init.) */
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.apply-view", "s", apply_view_action);
  gtk_widget_class_install_action (widget_class, "win.present-story", "s", present_story_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  /* F10 is GNOME's key for the main menu (its button is the primary menu). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.toggle-inspector", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.view", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.view", "s", "split");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.view", "s", "graph");
}

static void
weft_window_init (WeftWindow *self)
{
  GtkDropTarget *drop;

  /* The "win.view" action reads the property as the template is built. */
  self->view = WEFT_WINDOW_VIEW_SPLIT;
  self->step = -1;
  g_weak_ref_init (&self->before.widget, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->session = weft_session_new (NULL);

  /* What the view switcher and Open say when the window is wide; narrow,
   * they show icons and keep the words for assistive technologies. */
  for (guint i = 0; i < G_N_ELEMENTS (self->view_buttons); i++)
    {
      self->view_labels[i] = g_strdup (gtk_button_get_label (self->view_buttons[i]));
      /* Radio buttons to assistive technologies, which say which is on. */
      weft_accessible_follow_toggle (GTK_TOGGLE_BUTTON (self->view_buttons[i]));
    }
  self->open_label = g_strdup (adw_split_button_get_label (self->open_button));
  name_header_buttons (self);
  weft_accessible_follow_toggle (self->sidebar_button);
  weft_accessible_follow_toggle (self->inspector_button);

  /* A group to assistive technologies (a plain widget is named after its type). */
  self->title_widget = g_object_new (ADW_TYPE_WINDOW_TITLE, "title", "Weft", "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  /* The view switcher sits at the start; the title says what is open. */
  g_object_ref (self->view_switcher);
  adw_header_bar_set_title_widget (self->header_bar, self->title_widget);
  adw_header_bar_pack_start (self->header_bar, self->view_switcher);
  g_object_unref (self->view_switcher);

  weft_session_pane_set_session (WEFT_SESSION_PANE (self->sidebar), self->session);
  weft_session_pane_set_session (WEFT_SESSION_PANE (self->inspector), self->session);

  self->timeline = weft_views_new_timeline (self->session);
  self->graph = weft_views_new_graph (self->session);
  /* The lanes follow the preference, and changing them from the view's
   * menu changes the preference. */
  g_settings_bind (self->settings, "lane-grouping", self->timeline, "lanes", G_SETTINGS_BIND_DEFAULT);
  gtk_widget_set_vexpand (self->timeline, TRUE);
  gtk_widget_set_vexpand (self->graph, TRUE);
  g_settings_bind (self->settings, "graph-engine", self->graph, "engine", G_SETTINGS_BIND_DEFAULT);
  gtk_box_append (GTK_BOX (self->timeline_slot), self->timeline);
  {
    GtkWidget *graph_bar = weft_views_new_graph_bar (self->graph);

    hide_revealers_when_folded (graph_bar);
    gtk_box_append (GTK_BOX (self->graph_slot), graph_bar);
  }
  gtk_box_append (GTK_BOX (self->graph_slot), self->graph);
  /* The graph's own export action asks the window. */
  g_signal_connect_object (self->graph, "export", G_CALLBACK (on_graph_export), self, G_CONNECT_SWAPPED);

  /* One object to assistive technologies, named after the event shown. */
  self->presentation = g_object_new (GTK_TYPE_BOX,
                                     "orientation", GTK_ORIENTATION_VERTICAL,
                                     "spacing", 12,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                     "focusable", TRUE,
                                     NULL);
  gtk_widget_add_css_class (self->presentation, "presentation-content");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->presentation), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Presentation"), -1);
  /* A column at the right, over the views' whole height, opaque; its text
   * scrolls when an event says more than fits. */
  self->presentation_frame = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->presentation_frame), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->presentation_frame), self->presentation);
  gtk_widget_add_css_class (self->presentation_frame, "presentation-card");
  gtk_widget_set_halign (self->presentation_frame, GTK_ALIGN_END);
  gtk_widget_set_valign (self->presentation_frame, GTK_ALIGN_FILL);
  gtk_widget_set_visible (self->presentation_frame, FALSE);
  gtk_widget_set_visible (self->presentation, FALSE);
  gtk_overlay_add_overlay (self->views_overlay, self->presentation_frame);

  g_signal_connect_swapped (self->banner_button, "clicked", G_CALLBACK (on_banner_button), self);
  self->toasts = gtk_widget_observe_children (GTK_WIDGET (self->toast_overlay));
  g_signal_connect (self->toasts, "items-changed", G_CALLBACK (on_toast_shown), NULL);
  self->session_signals = g_signal_group_new (WEFT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::focus", G_CALLBACK (on_focus_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::focus-hops", G_CALLBACK (on_focus_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::selection", G_CALLBACK (on_selection_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::dataset", G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->session_signals, "dataset-changed", G_CALLBACK (update_title), self);
  add_graph_empty (self);
  g_signal_group_set_target (self->session_signals, self->session);
  g_signal_connect_swapped (self->hops_dropdown, "notify::selected", G_CALLBACK (on_hops_selected), self);
  hide_when_folded (self->banner_revealer);
  hide_when_folded (self->focus_revealer);

  /* win.toggle-sidebar and win.toggle-inspector show and hide the side
   * panes, and their buttons show whether they are out. */
  {
    g_autoptr(GPropertyAction) sidebar = g_property_action_new ("toggle-sidebar", self->sidebar_flap, "reveal-flap");
    g_autoptr(GPropertyAction) inspector = g_property_action_new ("toggle-inspector", self->inspector_flap, "reveal-flap");

    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (sidebar));
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (inspector));
  }
  g_signal_connect_swapped (self->sidebar_flap, "notify::reveal-flap", G_CALLBACK (on_flap_revealed), self);
  g_signal_connect_swapped (self->inspector_flap, "notify::reveal-flap", G_CALLBACK (on_flap_revealed), self);

  /* Keys that come before the focused widget's own. Presentation's, before
   * the views' (arrows pan the timeline otherwise); while not presenting
   * their actions are disabled and the keys go on to the views. Search,
   * before a focused label's (Ctrl+F moves its caret). */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();
    const struct { guint key; GdkModifierType modifiers; const char *action; } first_keys[] = {
      { GDK_KEY_space, 0, "win.present-next" },
      { GDK_KEY_Right, 0, "win.present-next" },
      { GDK_KEY_Page_Down, 0, "win.present-next" },
      { GDK_KEY_Left, 0, "win.present-previous" },
      { GDK_KEY_Page_Up, 0, "win.present-previous" },
      { GDK_KEY_Escape, 0, "win.present-leave" },
      { GDK_KEY_f, GDK_CONTROL_MASK, "win.search" },
    };

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    for (guint i = 0; i < G_N_ELEMENTS (first_keys); i++)
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (first_keys[i].key,
                                                                                      first_keys[i].modifiers),
                                                              gtk_named_action_new (first_keys[i].action)));
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (rebuild_recent_menu), self,
                           G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  self->editor = weft_edit_controller_new (GTK_WINDOW (self), self->session, self->inspector);
  g_signal_connect_object (self->editor, "notify::modified", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);

  set_file (self, NULL, FALSE);
  on_focus_changed (self);
  on_hops_selected (self);
  on_selection_changed (self);
  enable_presentation_actions (self, FALSE);
  restore_settings (self);
  update_title (self);
}

WeftWindow *
weft_window_new (GtkApplication *application)
{
  return g_object_new (WEFT_TYPE_WINDOW, "application", application, NULL);
}

void
weft_window_show_dataset (WeftWindow  *self,
                          WeftDataset *dataset,
                          GFile       *file)
{
  hide_banner (self);
  show (self, dataset, file, WEFT_FORMAT_WEFT, FALSE);
}

void
weft_window_show_imported (WeftWindow  *self,
                           WeftDataset *dataset,
                           GFile       *source,
                           WeftFormat   format)
{
  g_return_if_fail (format != WEFT_FORMAT_WEFT);

  hide_banner (self);
  show (self, dataset, source, format, FALSE);
}

void
weft_window_show_example (WeftWindow  *self,
                          WeftDataset *dataset)
{
  hide_banner (self);
  show (self, dataset, NULL, WEFT_FORMAT_WEFT, TRUE);
}

GFile *
weft_window_get_imported_file (WeftWindow *self,
                               WeftFormat *format)
{
  if (format != NULL)
    *format = self->imported_format;
  return self->imported_file;
}

void
weft_window_show_notice (WeftWindow *self,
                         const char *text,
                         const char *button_label,
                         const char *action)
{
  show_banner (self, text, button_label, action, NULL);
}

gboolean
weft_window_is_new (WeftWindow *self)
{
  return self->is_new;
}

WeftEditController *
weft_window_get_editor (WeftWindow *self)
{
  return self->editor;
}

WeftSession *
weft_window_get_session (WeftWindow *self)
{
  return self->session;
}

GFile *
weft_window_get_file (WeftWindow *self)
{
  return self->file;
}

gboolean
weft_window_is_example (WeftWindow *self)
{
  return self->is_example;
}

GtkWidget *
weft_window_get_sidebar (WeftWindow *self)
{
  return self->sidebar;
}

GtkWidget *
weft_window_get_inspector (WeftWindow *self)
{
  return self->inspector;
}

GtkWidget *
weft_window_get_timeline (WeftWindow *self)
{
  return self->timeline;
}

GtkWidget *
weft_window_get_graph (WeftWindow *self)
{
  return self->graph;
}
