/* weft-story-dialogs.h: which story to present, and Add to Story
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <adwaita.h>

#include "weft-window.h"

G_BEGIN_DECLS

/* F5 when the dataset has stories: a row for every event in date order,
 * then one for each story; choosing one activates win.present-story with
 * its id ("" for every event). Returned borrowed. */
AdwMessageDialog *weft_story_chooser_present (WeftWindow       *window);
/* Add to Story: which story (a new one, by default when there is none),
 * a note, then the current state as a new view step ("view") or the
 * selected event as an event step ("event"), one undoable edit.
 * Returned borrowed. */
AdwMessageDialog *weft_add_to_story_present  (WeftWindow       *window);
/* The story Add to Story adds to (G_MAXUINT: a new one), its new title
 * and note: for tests. */
void              weft_add_to_story_set      (AdwMessageDialog *dialog,
                                              guint             story,
                                              const char       *title,
                                              const char       *note);

G_END_DECLS
