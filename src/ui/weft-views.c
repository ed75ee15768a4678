/* weft-views.c: placeholders until the timeline and graph views land
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-views.h"

static GtkWidget *
placeholder (const char *title)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  return page;
}

GtkWidget *
weft_views_new_timeline (WeftSession *session)
{
  return placeholder (_("Timeline"));
}

GtkWidget *
weft_views_new_graph (WeftSession *session)
{
  return placeholder (_("Graph"));
}

void
weft_views_show_on_timeline (GtkWidget *timeline,
                             WeftItem  *item)
{
}

void
weft_views_export (GtkWindow       *parent,
                   WeftSession     *session,
                   GtkWidget       *view,
                   AdwToastOverlay *toasts)
{
}

void
weft_views_print (GtkWindow       *parent,
                  WeftSession     *session,
                  GtkWidget       *view,
                  AdwToastOverlay *toasts)
{
}
