/* weft-kinds.c
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <adwaita.h>

#include "weft-kinds.h"

const char *
weft_kind_icon_name (WeftEntityKind kind)
{
  static const char * const names[] = {
    "weft-kind-organization-symbolic",
    "weft-kind-company-symbolic",
    "weft-kind-government-symbolic",
    "weft-kind-person-symbolic",
    "weft-kind-place-symbolic",
    "weft-kind-group-symbolic",
    "weft-kind-technology-symbolic",
    "weft-kind-program-symbolic",
    "weft-kind-other-symbolic",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == WEFT_N_ENTITY_KINDS);

  if (kind >= WEFT_N_ENTITY_KINDS)
    kind = WEFT_ENTITY_OTHER;
  return names[kind];
}

GtkWidget *
weft_text_label_new (const char *text,
                     const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

const char *
weft_item_icon_name (const WeftItem *item)
{
  switch (item->type)
    {
    case WEFT_ITEM_ENTITY: return weft_kind_icon_name (((const WeftEntity *) item)->kind);
    case WEFT_ITEM_EVENT: return "weft-event-symbolic";
    case WEFT_ITEM_CLAIM: return "weft-claim-symbolic";
    case WEFT_ITEM_RELATION: return "weft-relation-symbolic";
    case WEFT_ITEM_SOURCE: return "weft-source-symbolic";
    case WEFT_ITEM_ERA: return "weft-era-symbolic";
    case WEFT_ITEM_NONE:
    default:
      return "weft-kind-other-symbolic";
    }
}

GtkWidget *
weft_decorative_icon_new (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

char *
weft_strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        p += 3;
      else if (*p != '_')
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

void
weft_accessible_set_label (GtkWidget  *widget,
                           const char *label)
{
  g_autofree char *name = weft_strip_mnemonic (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
update_checked (GtkToggleButton *button)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_toggle_button_get_active (button) ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                                     : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

void
weft_accessible_follow_toggle (GtkToggleButton *button)
{
  g_signal_connect (button, "notify::active", G_CALLBACK (update_checked), NULL);
  update_checked (button);
}

void
weft_status_page_set (GtkWidget  *page,
                      const char *title,
                      const char *description)
{
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (page),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

GtkWidget *
weft_status_page_new (const char *icon_name,
                      const char *title,
                      const char *description)
{
  GtkWidget *page = g_object_new (ADW_TYPE_STATUS_PAGE,
                                  "icon-name", icon_name,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                  "vexpand", TRUE,
                                  NULL);

  gtk_widget_add_css_class (page, "compact");
  weft_status_page_set (page, title, description);
  return page;
}
