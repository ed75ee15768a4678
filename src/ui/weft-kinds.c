/* weft-kinds.c
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

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
