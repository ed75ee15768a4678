/* weft-saved-views.h: saved views and stories (the "views" and "stories" of a
 * .weft file): their defaults, and what they name
 *
 * Views and stories are items like any other: the member tables read and
 * write them, edits create, change and delete them (undoable, with
 * history). What they name may be gone (an entity deleted since): that
 * is a warning at its place, never an error.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"
#include "weft-diagnostics.h"
#include "weft-edit.h"
#include "weft-session.h"

G_BEGIN_DECLS

GPtrArray  *weft_dataset_get_views        (WeftDataset     *self);
GPtrArray  *weft_dataset_get_stories      (WeftDataset     *self);

/* The view or story with @id, or NULL. */
WeftView   *weft_dataset_lookup_view      (WeftDataset     *self,
                                           const char      *id);
WeftStory  *weft_dataset_lookup_story     (WeftDataset     *self,
                                           const char      *id);

/* The ids of @type's items, ", "-separated, for a message (owned). */
char       *weft_dataset_dup_ids          (WeftDataset     *self,
                                           WeftItemType     type);

/* Hops around the focus: the view's, or 1. */
guint       weft_view_get_hops            (const WeftView  *view);
/* With both panes shown, the timeline's share of the height (0 when
 * missing: the window's own). */
double      weft_view_get_split           (const WeftView  *view);
/* The graph's zoom (1 when missing) and centre (FALSE when missing). */
double      weft_view_get_zoom            (const WeftView  *view);
gboolean    weft_view_get_centre          (const WeftView  *view,
                                           double          *x,
                                           double          *y);
/* The title to show: the view's, else its id. */
const char *weft_view_get_title           (const WeftView  *view);

/* What is wrong with @node as the value of the JSON member @name of
 * @shape (a WeftJsonShape), or NULL when nothing is: the readers' check
 * (translated, owned). */
char       *weft_json_shape_problem       (JsonNode        *node,
                                           const char      *name,
                                           guint            shape);

/* ---- Applying a view ------------------------------------------------------ */

/* Puts @view's state into @session: focus and hops (the session keeps 1
 * to 3), time window, hidden kinds, the claim statuses a path follows,
 * search, selection, path. What the view leaves out is cleared; names
 * that name nothing are left out. */
void          weft_saved_view_apply         (const WeftView  *view,
                                             WeftSession     *session);
/* What the graph shows for @session once a view is applied: the visible
 * subgraph; with a path and no focus, only the path (its entities, the
 * relations between them, the events and claims it goes through). */
WeftSubgraph *weft_saved_view_dup_subgraph  (WeftSession     *session);

/* ---- Edits (weft-edit.h): undoable, with history ----------------------- */

/* Sets a view's hops (a whole number), or its graph's zoom and centre. */
gboolean    weft_edit_set_view_hops       (WeftEdit        *edit,
                                           WeftView        *view,
                                           guint            hops,
                                           GError         **error);
/* Sets a view's split (0 removes it). */
gboolean    weft_edit_set_view_split      (WeftEdit        *edit,
                                           WeftView        *view,
                                           double           split,
                                           GError         **error);
gboolean    weft_edit_set_view_graph      (WeftEdit        *edit,
                                           WeftView        *view,
                                           double           zoom,
                                           double           x,
                                           double           y,
                                           GError         **error);
/* Inserts a step at @position (G_MAXUINT: at the end) showing the view
 * @view_id or the event @event_id (one of them), with @note (may be NULL). */
gboolean    weft_edit_add_story_step      (WeftEdit        *edit,
                                           WeftStory       *story,
                                           guint            position,
                                           const char      *view_id,
                                           const char      *event_id,
                                           const char      *note,
                                           GError         **error);
/* Moves step @from to @to (its place once moved). */
gboolean    weft_edit_move_story_step     (WeftEdit        *edit,
                                           WeftStory       *story,
                                           guint            from,
                                           guint            to,
                                           GError         **error);
gboolean    weft_edit_remove_story_step   (WeftEdit        *edit,
                                           WeftStory       *story,
                                           guint            position,
                                           GError         **error);

/* Called by weft_dataset_finish() once every id is registered: a view or
 * step naming nothing is a warning; naming the wrong type of item, an
 * unknown kind or status, a path not of two ends, a step with neither or
 * both of view and event are errors. */
void        weft_views_check              (WeftDataset     *self,
                                           WeftDiagnostics *diagnostics);

G_END_DECLS
