/* weft-relation-popover.h: the type and claim of a relation drawn in the graph
 *
 * Quick capture: a drag from one node of the graph to another asks, in a
 * popover at the drop point, the relation's type (typed, or one of the
 * types in use) and the claim that supports it (searchable, optional:
 * without one the relation is unsourced). Enter creates the relation as
 * one edit through the undo stack; Escape closes it with nothing changed.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gtk/gtk.h>

#include "weft-undo.h"

G_BEGIN_DECLS

#define WEFT_TYPE_RELATION_POPOVER (weft_relation_popover_get_type ())
G_DECLARE_FINAL_TYPE (WeftRelationPopover, weft_relation_popover, WEFT, RELATION_POPOVER, GtkPopover)

/* A popover asking for a relation from @from to @to (ids) in @stack's
 * dataset. It emits "created" (the new relation) and pops down once the
 * relation is made. */
GtkWidget *weft_relation_popover_new       (WeftUndoStack       *stack,
                                            const char          *from,
                                            const char          *to);
/* The type's entry and the claim's picker (weft-edit-picker.h): for tests. */
GtkWidget *weft_relation_popover_get_type_entry (WeftRelationPopover *self);
GtkWidget *weft_relation_popover_get_claim_picker (WeftRelationPopover *self);
/* The types of relation the dataset uses, sorted, one per row of the
 * popover's list (borrowed). */
GtkStringList *weft_relation_popover_get_types (WeftRelationPopover *self);
/* Creates the relation (what Enter does); on failure says why in the
 * popover (and in @error) and stays open. */
gboolean   weft_relation_popover_commit    (WeftRelationPopover *self,
                                            GError             **error);

G_END_DECLS
