/* weft-undo.c: the undo and redo history of a dataset
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include "weft-undo.h"

struct _WeftUndoStack
{
  GObject      parent_instance;

  WeftDataset *dataset;
  char        *author;
  GPtrArray   *edits;       /* WeftEdit, oldest first */
  guint        position;    /* edits[0 .. position) are done */
  gint         saved;       /* the position that was saved; -1 when no
                             * position is (what was saved was dropped) */
};

G_DEFINE_FINAL_TYPE (WeftUndoStack, weft_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AUTHOR,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
weft_undo_stack_finalize (GObject *object)
{
  WeftUndoStack *self = (WeftUndoStack *) object;

  /* Newest first: an edit's steps may hold items older edits refer to. */
  while (self->edits->len > 0)
    g_ptr_array_remove_index (self->edits, self->edits->len - 1);
  g_ptr_array_unref (self->edits);
  g_clear_object (&self->dataset);
  g_free (self->author);

  G_OBJECT_CLASS (weft_undo_stack_parent_class)->finalize (object);
}

static void
weft_undo_stack_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WeftUndoStack *self = WEFT_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, weft_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, weft_undo_stack_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, weft_undo_stack_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_undo_stack_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WeftUndoStack *self = WEFT_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_AUTHOR:
      weft_undo_stack_set_author (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
weft_undo_stack_class_init (WeftUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = weft_undo_stack_finalize;
  object_class->get_property = weft_undo_stack_get_property;
  object_class->set_property = weft_undo_stack_set_property;

  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
weft_undo_stack_init (WeftUndoStack *self)
{
  self->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) weft_edit_unref);
}

WeftUndoStack *
weft_undo_stack_new (WeftDataset *dataset)
{
  WeftUndoStack *self = g_object_new (WEFT_TYPE_UNDO_STACK, NULL);

  self->dataset = g_object_ref (dataset);
  return self;
}

WeftDataset *
weft_undo_stack_get_dataset (WeftUndoStack *self)
{
  return self->dataset;
}

void
weft_undo_stack_set_author (WeftUndoStack *self,
                            const char    *author)
{
  if (g_strcmp0 (self->author, author) == 0)
    return;
  g_free (self->author);
  self->author = g_strdup (author);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char *
weft_undo_stack_get_author (WeftUndoStack *self)
{
  return self->author;
}

WeftEdit *
weft_undo_stack_begin (WeftUndoStack *self,
                       const char    *label)
{
  WeftEdit *edit = weft_edit_new (self->dataset, label);

  if (edit != NULL && self->author != NULL)
    weft_edit_set_author (edit, self->author);
  return edit;
}

/* Notifies what a change of position or length may have changed. */
static void
notify_state (WeftUndoStack *self,
              gboolean       could_undo,
              gboolean       could_redo,
              gboolean       was_modified)
{
  if (could_undo != weft_undo_stack_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != weft_undo_stack_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (was_modified != weft_undo_stack_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
weft_undo_stack_push (WeftUndoStack *self,
                      WeftEdit      *edit)
{
  gboolean could_undo = weft_undo_stack_can_undo (self);
  gboolean could_redo = weft_undo_stack_can_redo (self);
  gboolean was_modified = weft_undo_stack_get_modified (self);

  g_return_if_fail (weft_edit_get_state (edit) == WEFT_EDIT_DONE);
  g_return_if_fail (weft_edit_get_dataset (edit) == self->dataset);

  /* What could be redone is gone for good, the newest first. */
  if (self->saved > (gint) self->position)
    self->saved = -1;
  while (self->edits->len > self->position)
    g_ptr_array_remove_index (self->edits, self->edits->len - 1);

  g_ptr_array_add (self->edits, weft_edit_ref (edit));
  self->position++;
  notify_state (self, could_undo, could_redo, was_modified);
}

gboolean
weft_undo_stack_commit (WeftUndoStack  *self,
                        WeftEdit       *edit,
                        GError        **error)
{
  if (!weft_edit_commit (edit, error))
    return FALSE;
  if (!weft_edit_is_empty (edit))
    weft_undo_stack_push (self, edit);
  return TRUE;
}

gboolean
weft_undo_stack_undo (WeftUndoStack *self)
{
  gboolean could_redo = weft_undo_stack_can_redo (self);
  gboolean was_modified = weft_undo_stack_get_modified (self);

  if (self->position == 0)
    return FALSE;

  self->position--;
  weft_edit_undo (g_ptr_array_index (self->edits, self->position));
  notify_state (self, TRUE, could_redo, was_modified);
  return TRUE;
}

gboolean
weft_undo_stack_redo (WeftUndoStack *self)
{
  gboolean could_undo = weft_undo_stack_can_undo (self);
  gboolean was_modified = weft_undo_stack_get_modified (self);

  if (self->position == self->edits->len)
    return FALSE;

  weft_edit_redo (g_ptr_array_index (self->edits, self->position));
  self->position++;
  notify_state (self, could_undo, TRUE, was_modified);
  return TRUE;
}

gboolean
weft_undo_stack_can_undo (WeftUndoStack *self)
{
  return self->position > 0;
}

gboolean
weft_undo_stack_can_redo (WeftUndoStack *self)
{
  return self->position < self->edits->len;
}

const char *
weft_undo_stack_get_undo_label (WeftUndoStack *self)
{
  if (self->position == 0)
    return NULL;
  return weft_edit_get_label (g_ptr_array_index (self->edits, self->position - 1));
}

const char *
weft_undo_stack_get_redo_label (WeftUndoStack *self)
{
  if (self->position == self->edits->len)
    return NULL;
  return weft_edit_get_label (g_ptr_array_index (self->edits, self->position));
}

guint
weft_undo_stack_get_length (WeftUndoStack *self)
{
  return self->edits->len;
}

guint
weft_undo_stack_get_position (WeftUndoStack *self)
{
  return self->position;
}

WeftEdit *
weft_undo_stack_get_edit (WeftUndoStack *self,
                          guint          index)
{
  g_return_val_if_fail (index < self->edits->len, NULL);
  return g_ptr_array_index (self->edits, index);
}

gboolean
weft_undo_stack_get_modified (WeftUndoStack *self)
{
  return self->saved != (gint) self->position;
}

void
weft_undo_stack_set_saved (WeftUndoStack *self)
{
  gboolean was_modified = weft_undo_stack_get_modified (self);

  self->saved = self->position;
  notify_state (self, weft_undo_stack_can_undo (self), weft_undo_stack_can_redo (self), was_modified);
}
