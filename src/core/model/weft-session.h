/* weft-session.h: what is shown, shared by every view of one dataset
 *
 * The session is the one object that holds view state: the selected item,
 * the time window, the focus entity and its hop count, the path ends, the
 * search text and the hidden kinds. Views observe it (notify::PROPERTY) and
 * redraw; actions change it. So a selection made in the timeline shows in
 * the graph, the list and the inspector at once.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"
#include "weft-query.h"

G_BEGIN_DECLS

/* A time window: the days from @lower to @upper, both included
 * (lower <= upper). The session's "window" property holds one, or NULL
 * when no window is selected. */
typedef struct {
  gint64 lower;
  gint64 upper;
} WeftTimeWindow;

#define WEFT_TYPE_TIME_WINDOW (weft_time_window_get_type ())
GType           weft_time_window_get_type (void) G_GNUC_CONST;
WeftTimeWindow *weft_time_window_copy     (const WeftTimeWindow *window);
void            weft_time_window_free     (WeftTimeWindow       *window);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftTimeWindow, weft_time_window_free)

#define WEFT_TYPE_SESSION (weft_session_get_type ())
G_DECLARE_FINAL_TYPE (WeftSession, weft_session, WEFT, SESSION, GObject)

WeftSession  *weft_session_new                  (WeftDataset   *dataset);

/* "dataset": replacing it clears everything else. An edit of it (its
 * "changed") comes out as the session's "dataset-changed" signal, with
 * the same WeftDatasetChange, once the session has let go of what went. */
WeftDataset  *weft_session_get_dataset          (WeftSession   *self);
void          weft_session_set_dataset          (WeftSession   *self,
                                                 WeftDataset   *dataset);

/* "selection": an item of the dataset, or NULL. */
WeftItem     *weft_session_get_selection        (WeftSession   *self);
void          weft_session_set_selection        (WeftSession   *self,
                                                 WeftItem      *item);
/* Selects the item with that id; FALSE when there is none. */
gboolean      weft_session_select_id            (WeftSession   *self,
                                                 const char    *id);

/* "window" (a WeftTimeWindow, or NULL): the selected time window. The
 * functions read and set it by its two days; set_window() puts them in
 * order. One notify::window says that it changed. */
gboolean      weft_session_get_window           (WeftSession   *self,
                                                 gint64        *lower,
                                                 gint64        *upper);
void          weft_session_set_window           (WeftSession   *self,
                                                 gint64         lower,
                                                 gint64         upper);
void          weft_session_clear_window         (WeftSession   *self);

/* "focus" (an entity or NULL) and "focus-hops" (1 to 3). */
WeftEntity   *weft_session_get_focus            (WeftSession   *self);
void          weft_session_set_focus            (WeftSession   *self,
                                                 WeftEntity    *entity);
guint         weft_session_get_focus_hops       (WeftSession   *self);
void          weft_session_set_focus_hops       (WeftSession   *self,
                                                 guint          hops);

/* "path-from" and "path-to": two entities whose shortest path is shown;
 * weft_session_get_path() is that path (WeftHop *), or NULL. */
WeftEntity   *weft_session_get_path_from        (WeftSession   *self);
WeftEntity   *weft_session_get_path_to          (WeftSession   *self);
void          weft_session_set_path             (WeftSession   *self,
                                                 WeftEntity    *from,
                                                 WeftEntity    *to);
GPtrArray    *weft_session_get_path             (WeftSession   *self);

/* "search-text": what the user typed in the search entry. */
const char   *weft_session_get_search_text      (WeftSession   *self);
void          weft_session_set_search_text      (WeftSession   *self,
                                                 const char    *text);
/* What the search text finds (weft_dataset_search_all()), made on first
 * use and kept until the text or the dataset changes, so every view reads
 * the same results; NULL when the text is blank or there is no dataset.
 * Borrowed. */
const WeftSearchResults *weft_session_get_search_results (WeftSession *self);

/* "hidden-kinds": a mask of 1 << WeftEntityKind; entities of these kinds
 * are not shown. "show-events" and "show-claims": whether the graph draws
 * events and claims as nodes of their own. */
guint         weft_session_get_hidden_kinds     (WeftSession   *self);
void          weft_session_set_hidden_kinds     (WeftSession   *self,
                                                 guint          mask);
gboolean      weft_session_get_show_events      (WeftSession   *self);
void          weft_session_set_show_events      (WeftSession   *self,
                                                 gboolean       show);
gboolean      weft_session_get_show_claims      (WeftSession   *self);
void          weft_session_set_show_claims      (WeftSession   *self,
                                                 gboolean       show);

/* What paths and a focus follow: "path-excluded-kinds" and
 * "path-statuses" (masks; a path only), "named-together" (also the
 * focus's neighbourhood). A path is found again when they change. */
const WeftLinkOptions *weft_session_get_link_options (WeftSession           *self);
void          weft_session_set_link_options     (WeftSession           *self,
                                                 const WeftLinkOptions *links);

/* What the graph should show now: the focus neighbourhood (when there is
 * a focus), within the time window (when there is one), without hidden
 * kinds. Newly allocated. */
WeftSubgraph *weft_session_dup_visible_subgraph (WeftSession   *self);
/* The same before the time window and the hidden kinds: what the graph
 * lays out, so that those filters hide nodes where they are. */
WeftSubgraph *weft_session_dup_unfiltered_subgraph (WeftSession *self);

G_END_DECLS
