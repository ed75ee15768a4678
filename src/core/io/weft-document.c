/* weft-document.c: a dataset being edited, with its file, its undo
 * history and its journal
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "weft-document.h"
#include "weft-error.h"
#include "weft-file.h"
#include "weft-loader.h"
#include "weft-saver.h"

struct _WeftDocument
{
  GObject        parent_instance;

  WeftDataset   *dataset;
  WeftUndoStack *stack;
  WeftJournal   *journal;
  GFile         *file;
  char          *format;
  WeftFileStamp  stamp;
};

G_DEFINE_FINAL_TYPE (WeftDocument, weft_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
weft_document_dispose (GObject *object)
{
  WeftDocument *self = (WeftDocument *) object;

  /* The journal stays on disk unless the document was closed. */
  g_clear_object (&self->journal);
  g_clear_object (&self->stack);

  G_OBJECT_CLASS (weft_document_parent_class)->dispose (object);
}

static void
weft_document_finalize (GObject *object)
{
  WeftDocument *self = (WeftDocument *) object;

  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_free (self->format);

  G_OBJECT_CLASS (weft_document_parent_class)->finalize (object);
}

static void
weft_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WeftDocument *self = WEFT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, weft_document_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_document_class_init (WeftDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = weft_document_dispose;
  object_class->finalize = weft_document_finalize;
  object_class->get_property = weft_document_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
weft_document_init (WeftDocument *self)
{
}

static gboolean
prepare_edits (gpointer data)
{
  g_autoptr(WeftDocument) self = g_weak_ref_get (data);

  if (self != NULL)
    weft_dataset_prepare_edits (self->dataset);
  return G_SOURCE_REMOVE;
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
on_modified (WeftDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

WeftDocument *
weft_document_new (WeftDataset         *dataset,
                   GFile               *file,
                   const char          *format,
                   const WeftFileStamp *stamp)
{
  WeftDocument *self;

  g_return_val_if_fail (weft_dataset_is_finished (dataset), NULL);

  self = g_object_new (WEFT_TYPE_DOCUMENT, NULL);
  self->dataset = g_object_ref (dataset);
  self->stack = weft_undo_stack_new (dataset);
  self->file = file ? g_object_ref (file) : NULL;
  self->format = g_strdup (format ? format : "weft");
  if (stamp != NULL)
    self->stamp = *stamp;
  else if (file != NULL)
    weft_file_stamp_query (file, &self->stamp);
  g_signal_connect_object (self->stack, "notify::modified", G_CALLBACK (on_modified), self, G_CONNECT_SWAPPED);

  /* What the first delete would make, when the main loop is idle. */
  {
    GWeakRef *ref = g_new0 (GWeakRef, 1);

    g_weak_ref_init (ref, self);
    g_idle_add_full (G_PRIORITY_LOW, prepare_edits, ref, free_weak_ref);
  }

  return self;
}

WeftDocument *
weft_document_new_empty (void)
{
  g_autoptr(WeftDataset) dataset = weft_dataset_new ();

  weft_dataset_finish (dataset, NULL);
  return weft_document_new (dataset, NULL, NULL, NULL);
}

WeftDocument *
weft_document_load (GFile            *file,
                    WeftDiagnostics  *diagnostics,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autoptr(WeftDataset) dataset = NULL;
  WeftFileStamp stamp;

  /* Before reading: a change made while it is read shows later. */
  weft_file_stamp_query (file, &stamp);
  dataset = weft_dataset_load_file (file, diagnostics, cancellable, error);
  if (dataset == NULL)
    return NULL;
  return weft_document_new (dataset, file, "weft", &stamp);
}

WeftDataset *
weft_document_get_dataset (WeftDocument *self)
{
  return self->dataset;
}

WeftUndoStack *
weft_document_get_undo_stack (WeftDocument *self)
{
  return self->stack;
}

GFile *
weft_document_get_file (WeftDocument *self)
{
  return self->file;
}

const char *
weft_document_get_format (WeftDocument *self)
{
  return self->format;
}

gboolean
weft_document_get_modified (WeftDocument *self)
{
  return weft_undo_stack_get_modified (self->stack);
}

void
weft_document_set_author (WeftDocument *self,
                          const char   *author)
{
  weft_undo_stack_set_author (self->stack, author);
}

WeftEdit *
weft_document_begin_edit (WeftDocument *self,
                          const char   *label)
{
  return weft_undo_stack_begin (self->stack, label);
}

gboolean
weft_document_commit_edit (WeftDocument  *self,
                           WeftEdit      *edit,
                           GError       **error)
{
  return weft_undo_stack_commit (self->stack, edit, error);
}

gboolean
weft_document_undo (WeftDocument *self)
{
  return weft_undo_stack_undo (self->stack);
}

gboolean
weft_document_redo (WeftDocument *self)
{
  return weft_undo_stack_redo (self->stack);
}

gboolean
weft_document_can_undo (WeftDocument *self)
{
  return weft_undo_stack_can_undo (self->stack);
}

gboolean
weft_document_can_redo (WeftDocument *self)
{
  return weft_undo_stack_can_redo (self->stack);
}

void
weft_document_start_journal (WeftDocument *self,
                             const char   *dir)
{
  g_return_if_fail (self->journal == NULL);

  self->journal = weft_journal_new (self->dataset, self->file, self->format, &self->stamp, dir);
}

WeftJournal *
weft_document_get_journal (WeftDocument *self)
{
  return self->journal;
}

gboolean
weft_document_get_changed_on_disk (WeftDocument *self)
{
  WeftFileStamp now;

  if (self->file == NULL)
    return FALSE;
  weft_file_stamp_query (self->file, &now);
  return !weft_file_stamp_equal (&now, &self->stamp);
}

gboolean
weft_document_save (WeftDocument  *self,
                    GFile         *file,
                    gboolean       force,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gboolean own = file == NULL || (self->file != NULL && g_file_equal (file, self->file));
  gsize length;

  /* An imported file is saved as .weft elsewhere (save as), never over
   * itself. */
  g_return_val_if_fail (file != NULL || g_str_equal (self->format, "weft"), FALSE);
  if (file == NULL)
    file = self->file;
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  name = g_file_get_parse_name (file);

  if (own && !force && weft_document_get_changed_on_disk (self))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                   _("%s was changed by another program since it was opened; reload it, "
                     "or save your changes under another name"), name);
      return FALSE;
    }

  data = weft_dataset_to_data (self->dataset, &length);
  if (self->journal != NULL && !weft_journal_begin_save (self->journal, file, data, length, &local_error))
    g_debug ("%s", local_error->message);
  g_clear_error (&local_error);

  if (!weft_file_replace_contents (file, data, length, cancellable, &local_error))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO,
                   _("Could not save %s: %s. The previous version of the file is unchanged; "
                     "free some space or save to another folder."),
                   name, local_error->message);
      return FALSE;
    }

  g_set_object (&self->file, file);
  g_free (self->format);
  self->format = g_strdup ("weft");
  weft_file_stamp_query (file, &self->stamp);
  if (self->journal != NULL)
    weft_journal_end_save (self->journal, file, &self->stamp);
  weft_undo_stack_set_saved (self->stack);
  return TRUE;
}

void
weft_document_close (WeftDocument *self)
{
  if (self->journal != NULL)
    weft_journal_discard (self->journal);
}

WeftDocument *
weft_document_recover (WeftRecoverable      *recoverable,
                       WeftDocumentLoadFunc  load,
                       gpointer              user_data,
                       GError              **error)
{
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(WeftDocument) self = NULL;
  GFile *file = weft_recoverable_get_file (recoverable);
  const char *format = weft_recoverable_get_format (recoverable);
  WeftFileStamp stamp;

  if (weft_recoverable_get_state (recoverable) != WEFT_RECOVERY_READY)
    {
      g_autofree char *name = file ? g_file_get_parse_name (file) : NULL;

      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                   weft_recoverable_get_state (recoverable) == WEFT_RECOVERY_FILE_MISSING
                   ? _("The changes cannot be brought back: %s is gone")
                   : _("The changes cannot be brought back: %s was changed by another program since"),
                   name);
      return NULL;
    }

  memset (&stamp, 0, sizeof stamp);
  if (file != NULL)
    weft_file_stamp_query (file, &stamp);
  if (file == NULL)
    {
      dataset = weft_dataset_new ();
      weft_dataset_finish (dataset, NULL);
    }
  else if (load != NULL)
    dataset = load (file, format, user_data, error);
  else
    dataset = weft_dataset_load_file (file, NULL, NULL, error);
  if (dataset == NULL)
    return NULL;

  self = weft_document_new (dataset, file, format, &stamp);
  if (!weft_journal_replay (recoverable, dataset, self->stack, error))
    return NULL;
  self->journal = weft_journal_resume (recoverable, dataset, error);
  if (self->journal == NULL)
    return NULL;
  return g_steal_pointer (&self);
}
