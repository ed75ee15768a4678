/* weft-kinds.h: how items look: icons for entity kinds and item types,
 * the label their text goes in, and what assistive technologies are told
 * about the controls that show them
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gtk/gtk.h>

#include "weft-dataset.h"

G_BEGIN_DECLS

/* Weft's own symbolic icons, in the application's resources. */
const char *weft_kind_icon_name (WeftEntityKind kind);
const char *weft_item_icon_name (const WeftItem *item);

/* A label for text from the dataset: plain text, never markup, wrapped
 * anywhere a line must break, aligned to the start; with @css_class
 * unless it is NULL. */
GtkWidget  *weft_text_label_new (const char     *text,
                                 const char     *css_class);

/* An icon beside words that say the same: assistive technologies skip it
 * (GTK 4.8 would name it "GtkImage"). */
GtkWidget  *weft_decorative_icon_new (const char *icon_name);

/* "_Timeline" -> "Timeline", "时间线(_T)" -> "时间线". */
char       *weft_strip_mnemonic (const char     *label);

/* Names @widget @label (its mnemonic stripped) for assistive technologies,
 * and only that: GTK 4.8 reads a button with a mnemonic as its label and
 * its mnemonic label both ("_Open Open"). Call again after changing the
 * button's label. */
void        weft_accessible_set_label (GtkWidget  *widget,
                                       const char *label);

/* Makes @button's accessible "checked" state follow whether it is active;
 * @button was made with the role of a check box or a radio button (GTK 4.8
 * only says "pressed", which screen readers do not speak for a push button). */
void        weft_accessible_follow_toggle (GtkToggleButton *button);

/* What an empty pane says: an AdwStatusPage (compact, filling the
 * height) with @icon_name, @title and @description, which assistive
 * technologies read as its name and description. Call set again to
 * change the words. */
GtkWidget  *weft_status_page_new (const char *icon_name,
                                  const char *title,
                                  const char *description);
void        weft_status_page_set (GtkWidget  *page,
                                  const char *title,
                                  const char *description);

G_END_DECLS
