/* weft-view-state.h: a window's panes as a saved view, and back
 *
 * What Save View keeps (weft-saved-views.h: focus and hops, time window,
 * hidden kinds, claim statuses, search, selection, the path's ends, which
 * panes show, the timeline's span, the graph's zoom and centre), taken
 * from a window and written into a view through an edit; and a view put
 * back into the window, at once or moving the panes there (about 400 ms;
 * at once when GTK's animations are off).
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-saved-views.h"
#include "weft-window.h"

G_BEGIN_DECLS

/* What to call @item in a list: a view's or a story's title (else its
 * id), another item's label. Borrowed. */
const char *weft_view_state_item_title (const WeftItem *item);
/* A title saying what the panes show now: the focus, else the path, the
 * search, the time window or the dataset's title. Newly allocated. */
char     *weft_view_state_dup_title (WeftWindow     *window);
/* Sets every member of @view but its id, title and note to what
 * @window shows now, through @edit. */
gboolean  weft_view_state_record    (WeftWindow     *window,
                                     WeftEdit       *edit,
                                     WeftView       *view,
                                     GError        **error);
/* Creates a view of what @window shows under @title with @note (may be
 * NULL), one undoable edit of the window's dataset: the new view
 * (borrowed), or NULL with @error set. */
WeftView *weft_view_state_save      (WeftWindow     *window,
                                     const char     *title,
                                     const char     *note,
                                     GError        **error);
/* The same inside @edit, which the caller commits. */
WeftView *weft_view_state_create    (WeftWindow     *window,
                                     WeftEdit       *edit,
                                     const char     *title,
                                     const char     *note,
                                     GError        **error);
/* The session's state as a view of no dataset (for putting it back with
 * weft_saved_view_apply()); free it with weft_view_state_free(). */
WeftView *weft_view_state_dup_session (WeftSession  *session);
void      weft_view_state_free      (WeftView       *view);
/* Puts @view back into @window: the session's state, the panes shown,
 * the timeline's span and the graph's zoom and centre (moving there when
 * @animate). What the view names and no longer exists is said in the
 * window's banner (not while presenting). */
void      weft_view_state_apply     (WeftWindow     *window,
                                     const WeftView *view,
                                     gboolean        animate);
/* Moves the timeline's span (when @has_span) and the graph's zoom and
 * centre (when @has_graph) from where they are to these. */
void      weft_view_state_move      (WeftWindow     *window,
                                     gboolean        has_span,
                                     double          lower,
                                     double          upper,
                                     gboolean        has_graph,
                                     double          scale,
                                     double          x,
                                     double          y,
                                     gboolean        animate);
/* Whether the panes are still moving, or the timeline's span is still
 * held while its width settles (for tests). */
gboolean  weft_view_state_is_moving (WeftWindow     *window);

G_END_DECLS
