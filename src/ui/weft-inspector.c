/* weft-inspector.c: what the selected item is, and who says so
 *
 * Rebuilt whenever the session's selection changes. Every item named here
 * is a link that selects it, named for screen readers by what it is; text
 * from the dataset is always set as plain text, never as markup. Keyboard
 * focus inside the inspector survives a rebuild: it moves to the new
 * item's heading (or the path's, when a path was just found).
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "weft-dataset-check.h"
#include "weft-edit-history.h"
#include "weft-inspector.h"
#include "weft-kinds.h"

struct _WeftInspector
{
  WeftSessionPane  parent_instance;

  GtkWidget       *scroller;
  GtkWidget       *content;

  /* Where keyboard focus goes after a rebuild; children of content. */
  GtkWidget       *heading;          /* the item's title, or "Nothing Selected" */
  GtkWidget       *path_heading;     /* the path's title, when one is shown */
  gboolean         refocus;          /* a link was activated: focus the new heading */
  gboolean         path_changed;     /* a new path: focus its heading */
};

G_DEFINE_FINAL_TYPE (WeftInspector, weft_inspector, WEFT_TYPE_SESSION_PANE)

static WeftSession *
session_of (WeftInspector *self)
{
  return weft_session_pane_get_session (WEFT_SESSION_PANE (self));
}

/* ---- Building blocks ---------------------------------------------------- */

/* Text the user can select and copy. */
static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = weft_text_label_new (text, css_class);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Selectable labels take focus; keep Tab moving through the links. Not
   * focusable is not enough: GTK 4.8 then stops Tab at the label without
   * moving focus (the inspector was a wall to the keyboard). */
  gtk_widget_set_can_focus (label, FALSE);
  return label;
}

static void
add (WeftInspector *self,
     GtkWidget     *child)
{
  gtk_box_append (GTK_BOX (self->content), child);
}

static void
add_heading (WeftInspector *self,
             const char    *text)
{
  GtkWidget *label = text_label (text, "heading");

  gtk_widget_set_margin_top (label, 12);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  add (self, label);
}

static void
add_field (WeftInspector *self,
           const char    *name,
           const char    *value)
{
  GtkWidget *box;
  GtkWidget *key;

  if (value == NULL || value[0] == '\0')
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  key = text_label (name, "caption-heading");
  gtk_widget_add_css_class (key, "dim-label");
  gtk_label_set_selectable (GTK_LABEL (key), FALSE);
  gtk_box_append (GTK_BOX (box), key);
  gtk_box_append (GTK_BOX (box), text_label (value, NULL));
  add (self, box);
}

static void
on_link_clicked (GtkButton     *button,
                 WeftInspector *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "weft-id");

  WeftSession *session = session_of (self);

  /* The button goes with the rebuild; the keyboard goes to the heading. */
  self->refocus = TRUE;
  if (session != NULL)
    weft_session_select_id (session, id);
  self->refocus = FALSE;
}

/* The label of the item with id @id, or the id when there is none. */
static const char *
label_of_id (WeftInspector *self,
             const char    *id)
{
  WeftItem *item = weft_dataset_lookup (weft_session_get_dataset (session_of (self)), id);

  return item != NULL ? weft_item_get_label (item) : id;
}

/* What a screen reader calls a link to @item: what it is, and what tells
 * it apart (a claim's status, an event's date, where a relation leads
 * from the selected entity), then its label. @role is a participant's
 * role in an event, or NULL. */
static char *
link_name (WeftInspector  *self,
           const WeftItem *item,
           const char     *role)
{
  const char *label = weft_item_get_label (item);

  switch (item->type)
    {
    case WEFT_ITEM_CLAIM:
      {
        g_autofree char *status = g_utf8_strdown (weft_claim_status_label (((const WeftClaim *) item)->status), -1);

        /* Translators: a link to a claim, as a screen reader names it:
         * "Claim, alleged: Huawei tested software that…" */
        return g_strdup_printf (_("Claim, %s: %s"), status, label);
      }
    case WEFT_ITEM_EVENT:
      {
        g_autofree char *date = weft_date_format_short (&((const WeftEvent *) item)->date);

        /* Translators: a link to an event, as a screen reader names it:
         * "Event, Oct 2021: Chinese websites were selling…" */
        return g_strdup_printf (_("Event, %s: %s"), date, label);
      }
    case WEFT_ITEM_RELATION:
      {
        const WeftRelation *r = (const WeftRelation *) item;
        WeftItem *selected = weft_session_get_selection (session_of (self));
        g_autofree char *type = g_strdelimit (g_strdup (r->type), "_", ' ');

        if (selected != NULL && g_strcmp0 (selected->id, r->from) == 0)
          /* Translators: a link to a relation of the selected entity, as a
           * screen reader names it: "Relation: manufactures → Facial
           * recognition cameras" */
          return g_strdup_printf (_("Relation: %s → %s"), type, label_of_id (self, r->to));
        if (selected != NULL && g_strcmp0 (selected->id, r->to) == 0)
          /* Translators: a link to a relation towards the selected entity:
           * "Relation: supplies ← Hikvision" */
          return g_strdup_printf (_("Relation: %s ← %s"), type, label_of_id (self, r->from));
        /* Translators: a link to a relation: "Relation: Huawei manufactures →
         * Facial recognition cameras" */
        return g_strdup_printf (_("Relation: %s %s → %s"), label_of_id (self, r->from), type,
                                label_of_id (self, r->to));
      }
    case WEFT_ITEM_ENTITY:
      if (role != NULL)
        /* Translators: a link to an event's participant, as a screen reader
         * names it: kind, name and role, "Company: Huawei, supplier" */
        return g_strdup_printf (C_("inspector link", "%s: %s, %s"), weft_entity_kind_label (((const WeftEntity *) item)->kind), label,
                                role);
      /* Translators: a link to an entity, source or era, as a screen reader
       * names it: "Company: Huawei", "Source: South China Morning Post" */
      return g_strdup_printf (C_("inspector link", "%s: %s"), weft_entity_kind_label (((const WeftEntity *) item)->kind),
                              label);
    case WEFT_ITEM_SOURCE:
    case WEFT_ITEM_ERA:
    case WEFT_ITEM_NONE:
    default:
      return g_strdup_printf (C_("inspector link", "%s: %s"), weft_item_type_label (item->type), label);
    }
}

/* A flat button that selects @item: icon, label, and an optional detail
 * (for an entity, its role in the event shown). */
static GtkWidget *
item_link (WeftInspector  *self,
           const WeftItem *item,
           const char     *detail)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (weft_item_get_label (item));
  g_autofree char *tooltip = g_strdup_printf (_("Select %s"), weft_item_get_label (item));
  g_autofree char *name = link_name (self, item, item->type == WEFT_ITEM_ENTITY ? detail : NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), label);
  if (detail != NULL)
    {
      GtkWidget *d = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (d), 0);
      gtk_label_set_ellipsize (GTK_LABEL (d), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (d, "dim-label");
      gtk_widget_add_css_class (d, "caption");
      gtk_box_append (GTK_BOX (texts), d);
    }
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), weft_decorative_icon_new (weft_item_icon_name (item)));
  gtk_box_append (GTK_BOX (box), texts);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "item-link");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "weft-id", g_strdup (item->id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_link_clicked), self);
  return button;
}

static void
add_link_by_id (WeftInspector *self,
                const char    *id,
                const char    *detail)
{
  WeftItem *item = weft_dataset_lookup (weft_session_get_dataset (session_of (self)), id);

  if (item != NULL)
    add (self, item_link (self, item, detail));
}

static GtkWidget *
status_badge (WeftClaimStatus status)
{
  GtkWidget *badge = gtk_label_new (weft_claim_status_label (status));
  g_autofree char *css = g_strdup_printf ("status-%s", weft_claim_status_to_string (status));

  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, css);
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

static char *
describe_date (const char     *text,
               const WeftDate *date)
{
  g_autofree char *understood = weft_date_describe (date);

  /* Translators: the date as written, then as Weft understands it:
   * "2021-10 (October 2021, month precision)" */
  return g_strdup_printf (_("%s (%s)"), text, understood);
}

/* A small pill that runs @action; @label has a mnemonic when @mnemonic. */
static GtkWidget *
pill_button (const char *label,
             gboolean    mnemonic,
             const char *action)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_button_set_use_underline (GTK_BUTTON (button), mnemonic);
  if (mnemonic)
    weft_accessible_set_label (button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "small");
  return button;
}

static void
add_actions (WeftInspector *self,
             WeftItem      *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  if (item->type == WEFT_ITEM_ENTITY || item->type == WEFT_ITEM_EVENT || item->type == WEFT_ITEM_CLAIM)
    gtk_box_append (GTK_BOX (box), pill_button (_("Show on _Timeline"), TRUE, "win.show-on-timeline"));
  if (item->type == WEFT_ITEM_ENTITY)
    gtk_box_append (GTK_BOX (box), pill_button (_("_Focus in Graph"), TRUE, "win.focus-selection"));
  gtk_box_set_homogeneous (GTK_BOX (box), FALSE);
  gtk_widget_set_margin_top (box, 6);
  add (self, box);

  if (item->type == WEFT_ITEM_ENTITY)
    {
      GtkWidget *paths = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      WeftEntity *from = weft_session_get_path_from (session_of (self));
      GtkWidget *start = pill_button (_("_Path From Here"), TRUE, "win.path-from");

      gtk_widget_set_tooltip_text (start, _("Then pick another entity to see the shortest chain of evidence between them"));
      gtk_box_append (GTK_BOX (paths), start);
      if (from != NULL && &from->item != item)
        {
          /* Translators: the button that ends a path at the selected entity: "Path from Huawei to Here" */
          g_autofree char *text = g_strdup_printf (_("Path from %s to Here"), from->name);
          GtkWidget *end = pill_button (text, FALSE, "win.path-to");

          gtk_widget_add_css_class (end, "suggested-action");
          gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (end))), PANGO_ELLIPSIZE_END);
          gtk_box_append (GTK_BOX (paths), end);
        }
      add (self, paths);
    }
}

/* A heading keyboard focus can land on after a rebuild; a screen reader
 * reads it, then @description (unless NULL). */
static GtkWidget *
focusable_heading (const char *text,
                   const char *css_class,
                   const char *description)
{
  GtkWidget *heading = text_label (text, css_class);

  gtk_widget_set_can_focus (heading, TRUE);
  gtk_widget_set_focusable (heading, TRUE);
  gtk_widget_add_css_class (heading, "focusable-heading");
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return heading;
}

static void
add_title (WeftInspector *self,
           WeftItem      *item,
           const char    *kind)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = weft_decorative_icon_new (weft_item_icon_name (item));
  GtkWidget *kind_label = text_label (kind, "caption-heading");
  const char *label = weft_item_get_label (item);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 16);
  gtk_widget_add_css_class (kind_label, "dim-label");
  gtk_label_set_selectable (GTK_LABEL (kind_label), FALSE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), kind_label);
  add (self, box);
  /* Names are short and set large; a claim's sentence reads better smaller. */
  self->heading = focusable_heading (label, g_utf8_strlen (label, -1) <= 40 ? "title-2" : "title-4", kind);
  add (self, self->heading);
}

/* ---- One section per kind of item --------------------------------------- */

static void
add_claim_links (WeftInspector *self,
                 WeftClaim    **claims,
                 guint          n)
{
  for (guint i = 0; i < n; i++)
    add (self, item_link (self, &claims[i]->item, weft_claim_status_label (claims[i]->status)));
}

static void
show_entity (WeftInspector *self,
             WeftEntity    *e)
{
  WeftDataset *ds = weft_session_get_dataset (session_of (self));
  guint n_events, n_claims, n_relations;
  WeftEvent **events = weft_dataset_get_entity_events (ds, e, &n_events);
  WeftClaim **claims = weft_dataset_get_entity_claims (ds, e, &n_claims);
  WeftRelation **relations = weft_dataset_get_entity_relations (ds, e, &n_relations);

  add_title (self, &e->item, weft_entity_kind_label (e->kind));
  if (e->aliases != NULL && e->aliases[0] != NULL)
    {
      g_autofree char *aliases = g_strjoinv (", ", (char **) e->aliases);
      add_field (self, _("Also known as"), aliases);
    }
  add_field (self, _("Description"), e->description);
  add_field (self, _("Country"), e->country);
  add_actions (self, &e->item);

  if (n_events > 0)
    {
      g_autofree char *heading = g_strdup_printf (_("Events (%u)"), n_events);

      add_heading (self, heading);
      for (guint i = 0; i < n_events; i++)
        {
          g_autofree char *date = weft_date_format_short (&events[i]->date);
          add (self, item_link (self, &events[i]->item, date));
        }
    }

  if (n_relations > 0)
    {
      g_autoptr(GPtrArray) types = g_ptr_array_new ();
      g_autofree char *heading = g_strdup_printf (_("Relations (%u)"), n_relations);

      add_heading (self, heading);
      /* Grouped by type, in order of first appearance. */
      for (guint i = 0; i < n_relations; i++)
        if (!g_ptr_array_find_with_equal_func (types, relations[i]->type, g_str_equal, NULL))
          g_ptr_array_add (types, (gpointer) relations[i]->type);

      for (guint t = 0; t < types->len; t++)
        {
          const char *type = g_ptr_array_index (types, t);
          g_autofree char *pretty = g_strdelimit (g_strdup (type), "_", ' ');
          GtkWidget *label = text_label (pretty, "caption-heading");

          gtk_widget_set_margin_top (label, 6);
          gtk_label_set_selectable (GTK_LABEL (label), FALSE);
          add (self, label);
          for (guint i = 0; i < n_relations; i++)
            if (g_str_equal (relations[i]->type, type))
              {
                const char *other_id = g_str_equal (relations[i]->from, e->item.id) ? relations[i]->to : relations[i]->from;
                WeftItem *other = weft_dataset_lookup (ds, other_id);
                g_autofree char *detail = g_strdup_printf ("%s %s",
                                                           g_str_equal (relations[i]->from, e->item.id) ? "→" : "←",
                                                           other ? weft_item_get_label (other) : other_id);
                add (self, item_link (self, &relations[i]->item, detail));
              }
        }
    }

  if (n_claims > 0)
    {
      g_autofree char *heading = g_strdup_printf (_("Claims about it (%u)"), n_claims);

      add_heading (self, heading);
      add_claim_links (self, claims, n_claims);
    }
}

static void
show_claim_list (WeftInspector *self,
                 WeftItem      *item)
{
  g_autoptr(GPtrArray) claims = weft_dataset_dup_item_claims (weft_session_get_dataset (session_of (self)), item);
  g_autofree char *heading = NULL;

  if (claims->len == 0)
    {
      add_heading (self, _("Claims"));
      add (self, text_label (_("No claim supports this yet."), "dim-label"));
      return;
    }

  heading = g_strdup_printf (_("Claims (%u)"), claims->len);
  add_heading (self, heading);
  add_claim_links (self, (WeftClaim **) claims->pdata, claims->len);
}

static void
show_event (WeftInspector *self,
            WeftEvent     *e)
{
  g_autofree char *date = describe_date (e->date_text, &e->date);

  add_title (self, &e->item, _("Event"));
  add_field (self, _("Date"), date);
  add_field (self, _("Description"), e->description);
  /* Translators: the group an event belongs to in the dataset (the
   * timeline can give each group a lane), not the kind of entity "Group". */
  add_field (self, C_("event field", "Group"), e->group);
  add_actions (self, &e->item);

  if (e->n_participants > 0)
    {
      add_heading (self, _("Participants"));
      for (guint i = 0; i < e->n_participants; i++)
        add_link_by_id (self, e->participants[i].entity, e->participants[i].role);
    }

  show_claim_list (self, &e->item);
}

static void
show_relation (WeftInspector *self,
               WeftRelation  *r)
{
  g_autofree char *type = g_strdelimit (g_strdup (r->type), "_", ' ');

  add_title (self, &r->item, _("Relation"));
  add_field (self, _("Type"), type);
  if (r->date_text != NULL)
    {
      g_autofree char *date = describe_date (r->date_text, &r->date);
      add_field (self, _("Date"), date);
    }
  add_heading (self, _("From"));
  add_link_by_id (self, r->from, NULL);
  add_heading (self, _("To"));
  add_link_by_id (self, r->to, NULL);
  show_claim_list (self, &r->item);
}

static void
show_citation (WeftInspector      *self,
               const WeftCitation *c)
{
  WeftSource *source = (WeftSource *) weft_dataset_lookup (weft_session_get_dataset (session_of (self)), c->source);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *quoted = g_strdup_printf ("“%s”", c->quote);
  GtkWidget *quote = text_label (quoted, "quote");

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "citation");
  gtk_box_append (GTK_BOX (card), quote);

  if (source != NULL)
    {
      g_autoptr(GString) meta = g_string_new (NULL);
      GtkWidget *link = item_link (self, &source->item, NULL);

      if (source->publisher != NULL)
        g_string_append (meta, source->publisher);
      if (source->author != NULL)
        g_string_append_printf (meta, "%s%s", meta->len ? " · " : "", source->author);
      if (source->date_text != NULL)
        {
          g_autofree char *date = weft_date_format_short (&source->date);
          g_string_append_printf (meta, "%s%s", meta->len ? " · " : "", date);
        }
      if (c->locator != NULL)
        g_string_append_printf (meta, "%s%s", meta->len ? " · " : "", c->locator);

      gtk_box_append (GTK_BOX (card), link);
      if (meta->len > 0)
        gtk_box_append (GTK_BOX (card), text_label (meta->str, "dim-label"));
      if (source->url != NULL && (g_str_has_prefix (source->url, "https://") || g_str_has_prefix (source->url, "http://")))
        {
          /* Opens only when clicked, in the user's browser. */
          GtkWidget *url = gtk_link_button_new_with_label (source->url, source->url);

          gtk_widget_set_halign (url, GTK_ALIGN_START);
          gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (url))), PANGO_ELLIPSIZE_MIDDLE);
          gtk_box_append (GTK_BOX (card), url);
        }
      else if (source->url != NULL)
        gtk_box_append (GTK_BOX (card), text_label (source->url, "dim-label"));
    }
  else
    gtk_box_append (GTK_BOX (card), text_label (c->source, "dim-label"));

  add (self, card);
}

/* A claim that cites no source says so, with a way to cite one: the
 * claim's form, where its citations are (edit.edit). The button goes
 * under the words, so that a longer translation wraps on the whole
 * width rather than in a narrow column beside it. */
static void
add_unsourced (WeftInspector *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = text_label (_("No source is cited for this claim."), "warning");
  GtkWidget *button;

  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (box), row);
  button = pill_button (_("_Cite a Source…"), TRUE, "edit.edit");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_add_css_class (box, "unsourced");
  add (self, box);
}

static void
show_claim (WeftInspector *self,
            WeftClaim     *c)
{
  WeftDataset *ds = weft_session_get_dataset (session_of (self));
  guint n_events, n_relations;
  WeftEvent **events = weft_dataset_get_claim_events (ds, c, &n_events);
  WeftRelation **relations = weft_dataset_get_claim_relations (ds, c, &n_relations);

  add_title (self, &c->item, _("Claim"));
  add (self, status_badge (c->status));
  if (c->date_text != NULL)
    {
      g_autofree char *date = describe_date (c->date_text, &c->date);
      add_field (self, _("Date"), date);
    }
  if (c->claimant != NULL)
    {
      add_heading (self, _("Claimed by"));
      add_link_by_id (self, c->claimant, NULL);
    }
  if (c->about != NULL && c->about[0] != NULL)
    {
      add_heading (self, _("About"));
      for (guint i = 0; c->about[i] != NULL; i++)
        add_link_by_id (self, c->about[i], NULL);
    }

  {
    g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Source (%u)", "Sources (%u)",
                                                             c->n_citations), c->n_citations);
    add_heading (self, heading);
  }
  if (weft_claim_is_unsourced (c))
    add_unsourced (self);
  for (guint i = 0; i < c->n_citations; i++)
    show_citation (self, &c->citations[i]);

  if (n_events + n_relations > 0)
    {
      add_heading (self, _("Supports"));
      for (guint i = 0; i < n_events; i++)
        add (self, item_link (self, &events[i]->item, NULL));
      for (guint i = 0; i < n_relations; i++)
        add (self, item_link (self, &relations[i]->item, NULL));
    }
}

static void
show_source (WeftInspector *self,
             WeftSource    *s)
{
  add_title (self, &s->item, _("Source"));
  add_field (self, _("Publisher"), s->publisher);
  add_field (self, _("Author"), s->author);
  if (s->date_text != NULL)
    {
      g_autofree char *date = describe_date (s->date_text, &s->date);
      add_field (self, _("Date"), date);
    }
  add_field (self, _("Address"), s->url);
  if (s->cited_by != NULL)
    {
      add_heading (self, _("Cited by"));
      add_link_by_id (self, s->cited_by, NULL);
    }
}

static void
show_era (WeftInspector *self,
          WeftEra       *e)
{
  g_autofree char *date = describe_date (e->date_text, &e->date);

  add_title (self, &e->item, _("Era"));
  add_field (self, _("Date"), date);
}

static void
show_nothing (WeftInspector *self)
{
  GtkWidget *page = weft_status_page_new ("weft-claim-symbolic", _("Nothing Selected"),
                                          _("Pick an entity, event or relation to see the claims behind it and who makes them."));

  gtk_widget_set_focusable (page, TRUE);
  add (self, page);
  self->heading = page;
}

/* The shortest path the session holds, a hop at a time with the claims
 * and quotes behind each. */
static void
show_path (WeftInspector *self)
{
  WeftSession *session = session_of (self);
  WeftEntity *from = weft_session_get_path_from (session);
  WeftEntity *to = weft_session_get_path_to (session);
  GPtrArray *path = weft_session_get_path (session);
  GtkWidget *header;
  GtkWidget *clear;
  g_autofree char *title = NULL;

  if (from == NULL || to == NULL)
    return;

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  clear = gtk_button_new_from_icon_name ("window-close-symbolic");
  /* Translators: "Path from IBM to Huawei" */
  title = g_strdup_printf (_("Path from %s to %s"), from->name, to->name);
  self->path_heading = focusable_heading (title, "heading", NULL);
  gtk_widget_set_hexpand (self->path_heading, TRUE);
  gtk_box_append (GTK_BOX (header), self->path_heading);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "win.clear-path");
  gtk_widget_set_tooltip_text (clear, _("Clear the path"));
  weft_accessible_set_label (clear, _("Clear the path"));
  gtk_widget_add_css_class (clear, "flat");
  gtk_widget_add_css_class (clear, "circular");
  gtk_box_append (GTK_BOX (header), clear);
  add (self, header);

  if (path == NULL)
    {
      add (self, text_label (_("No chain of relations, shared events or claims links them."), "dim-label"));
      add (self, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      return;
    }

  for (guint i = 0; i < path->len; i++)
    {
      WeftHop *hop = g_ptr_array_index (path, i);
      /* Translators: one hop of a path: "1. Huawei → U.S. government" */
      g_autofree char *line = g_strdup_printf (_("%u. %s → %s"), i + 1, hop->from->name, hop->to->name);
      GtkWidget *label = text_label (line, "heading");

      gtk_widget_set_margin_top (label, 6);
      add (self, label);
      add (self, item_link (self, hop->via, weft_item_type_label (hop->via->type)));
      if (hop->evidence->len == 0)
        add (self, text_label (_("No claim supports this link."), "dim-label"));
      for (guint j = 0; j < hop->evidence->len; j++)
        {
          WeftClaim *claim = g_ptr_array_index (hop->evidence, j);

          add (self, item_link (self, &claim->item, weft_claim_status_label (claim->status)));
          if (claim->n_citations > 0)
            {
              g_autofree char *quote = g_strdup_printf ("“%s”", claim->citations[0].quote);
              GtkWidget *q = text_label (quote, "quote");

              gtk_widget_set_margin_start (q, 24);
              add (self, q);
            }
        }
    }
  add (self, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
}

/* The selected @item, its links, and what a screen reader says of it. */
static void
show_item (WeftInspector *self,
           WeftItem      *item)
{
  switch (item->type)
    {
    case WEFT_ITEM_ENTITY: show_entity (self, (WeftEntity *) item); break;
    case WEFT_ITEM_EVENT: show_event (self, (WeftEvent *) item); break;
    case WEFT_ITEM_CLAIM: show_claim (self, (WeftClaim *) item); break;
    case WEFT_ITEM_RELATION: show_relation (self, (WeftRelation *) item); break;
    case WEFT_ITEM_SOURCE: show_source (self, (WeftSource *) item); break;
    case WEFT_ITEM_ERA: show_era (self, (WeftEra *) item); break;
    case WEFT_ITEM_NONE:
    default:
      show_nothing (self);
      break;
    }
  add (self, weft_edit_history_new (item));

  {
    /* Translators: what a screen reader hears: "Selected: Claim, …" */
    g_autofree char *description = g_strdup_printf (_("Selected: %s, %s"), weft_item_type_label (item->type),
                                                    weft_item_get_label (item));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

/* Keyboard focus on the heading the rebuild made: the path's when a path
 * was just found, else the item's. */
static gboolean
focus_heading (WeftInspector *self)
{
  GtkWidget *heading = self->path_changed && self->path_heading != NULL ? self->path_heading : self->heading;

  if (heading == NULL || !gtk_widget_grab_focus (heading))
    return FALSE;
  /* A label selects its text when focused; the heading is only read. */
  if (GTK_IS_LABEL (heading))
    gtk_label_select_region (GTK_LABEL (heading), 0, 0);
  return TRUE;
}

/* Empties the inspector. Focus in it lets go first: GTK 4.8 keeps
 * pointing at a focus widget that is gone until the next frame, and only
 * then looks for another. */
static void
clear (WeftInspector *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  if (focus != NULL && gtk_widget_is_ancestor (focus, self->content))
    gtk_root_set_focus (root, NULL);
  self->heading = NULL;
  self->path_heading = NULL;
  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
}

static void
rebuild (WeftInspector *self)
{
  WeftSession *session = session_of (self);
  WeftItem *item = session ? weft_session_get_selection (session) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* Focus in here would go with the widget that has it. */
  gboolean refocus = self->refocus || (focus != NULL && gtk_widget_is_ancestor (focus, self->content));

  clear (self);

  if (session != NULL)
    show_path (self);

  if (item == NULL)
    {
      show_nothing (self);
      add (self, weft_edit_history_new (NULL));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Nothing selected"), -1);
    }
  else
    show_item (self, item);

  if (refocus)
    focus_heading (self);
  self->path_changed = FALSE;
}

static void
on_path_changed (WeftInspector *self)
{
  self->path_changed = weft_session_get_path_to (session_of (self)) != NULL;
  rebuild (self);
}

/* Shows @form (weft-edit-form.h) instead of the item; NULL: the item. */
void
weft_inspector_show_form (WeftInspector *self,
                          GtkWidget     *form)
{
  if (form == NULL)
    {
      self->refocus = TRUE;
      rebuild (self);
      self->refocus = FALSE;
      return;
    }
  clear (self);
  add (self, form);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

/* ---- Object ------------------------------------------------------------- */

static void
weft_inspector_session_changed (WeftSessionPane *pane)
{
  WeftInspector *self = WEFT_INSPECTOR (pane);

  if (self->content != NULL)
    rebuild (self);
}

static void
weft_inspector_dispose (GObject *object)
{
  WeftInspector *self = WEFT_INSPECTOR (object);

  weft_session_pane_set_session (WEFT_SESSION_PANE (self), NULL);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (weft_inspector_parent_class)->dispose (object);
}

static void
weft_inspector_class_init (WeftInspectorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = weft_inspector_dispose;
  WEFT_SESSION_PANE_CLASS (klass)->session_changed = weft_inspector_session_changed;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "weftinspector");
}

static void
weft_inspector_init (WeftInspector *self)
{
  GSignalGroup *session_signals = weft_session_pane_get_signals (WEFT_SESSION_PANE (self));
  GtkWidget *clamp = adw_clamp_new ();

  g_signal_group_connect_swapped (session_signals, "notify::selection", G_CALLBACK (rebuild), self);
  g_signal_group_connect_swapped (session_signals, "notify::dataset", G_CALLBACK (rebuild), self);
  g_signal_group_connect_swapped (session_signals, "dataset-changed", G_CALLBACK (rebuild), self);
  g_signal_group_connect_swapped (session_signals, "notify::path-to", G_CALLBACK (on_path_changed), self);

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->content, "inspector-content");
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 520);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Inspector"), -1);
  rebuild (self);
}

GtkWidget *
weft_inspector_new (void)
{
  return g_object_new (WEFT_TYPE_INSPECTOR, NULL);
}

gboolean
weft_inspector_grab_heading (WeftInspector *self)
{
  g_return_val_if_fail (WEFT_IS_INSPECTOR (self), FALSE);

  return focus_heading (self);
}

/* For tests: the labels shown now, one a line. */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_label (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

char *
weft_inspector_dup_text (WeftInspector *self)
{
  GString *out = g_string_new (NULL);

  collect_text (self->content, out);
  return g_string_free (out, FALSE);
}
