/* weft-sidebar.c: the entity browser and the search results
 *
 * A list of every entity with its kind icon and counts, filtered by the
 * session's hidden kinds and time window. While the session has a search
 * text, the list holds what it finds instead, grouped as entities,
 * events, claims, quotes, relations, sources and eras, each group under a
 * heading with its count (entities still filtered by kind and window).
 * Selecting a row selects its item in the session; a selection made
 * elsewhere selects its row. Return in the search field selects the next
 * result. The list is one Tab stop (arrows move inside it), each kind chip
 * another. An empty list says why, in its place.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "weft-item-object.h"
#include "weft-kinds.h"
#include "weft-saved-views-list.h"
#include "weft-sidebar.h"

struct _WeftSidebar
{
  WeftSessionPane     parent_instance;

  GHashTable         *active;        /* entities active in the window, or NULL */
  gboolean            searching;     /* the list holds search results */
  guint               stepped;       /* the row Return last chose, or G_MAXUINT */

  GtkWidget          *box;
  GtkSearchEntry     *search_entry;
  GtkWidget          *chips;
  GtkToggleButton    *chip_buttons[WEFT_N_ENTITY_KINDS];
  GtkListView        *list_view;
  GtkWidget          *list_stack;    /* the list, or what an empty one says */
  GtkWidget          *empty_page;
  GtkWidget          *saved_views;   /* weft-saved-views-list.h */
  GtkLabel           *count_label;
  GListStore         *store;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (WeftSidebar, weft_sidebar, WEFT_TYPE_SESSION_PANE)

static WeftSession *
session_of (WeftSidebar *self)
{
  return weft_session_pane_get_session (WEFT_SESSION_PANE (self));
}

/* Whether the list shows @entity: its kind is shown and, with a time
 * window, it is active in it. */
static gboolean
entity_shown (WeftSidebar *self,
              WeftEntity  *entity)
{
  guint hidden = weft_session_get_hidden_kinds (session_of (self));

  if (hidden & (1u << entity->kind))
    return FALSE;
  return self->active == NULL || g_hash_table_contains (self->active, entity);
}

static gboolean
filter_func (gpointer object,
             gpointer user_data)
{
  WeftItem *item = weft_item_object_get_item (object);

  return item == NULL || item->type != WEFT_ITEM_ENTITY || entity_shown (user_data, (WeftEntity *) item);
}

/* "3 events": a group's heading, and its part of what the search field
 * tells a screen reader. */
static char *
format_group (WeftMatchKind kind,
              guint         n)
{
  switch (kind)
    {
    case WEFT_MATCH_ENTITY:
      /* Translators: keep the ' in %'u: it groups the digits ("1,234 entities"). */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u entity", "%'u entities", n), n);
    case WEFT_MATCH_EVENT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n), n);
    case WEFT_MATCH_CLAIM:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n), n);
    case WEFT_MATCH_CITATION:
      /* Translators: search results: quotes of claims that contain the search text. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quote", "%u quotes", n), n);
    case WEFT_MATCH_RELATION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n), n);
    case WEFT_MATCH_SOURCE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n), n);
    case WEFT_MATCH_ERA:
    case WEFT_N_MATCH_KINDS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u era", "%u eras", n), n);
    }
}

/* How many entities a heading or the dataset has, as the list shows them. */
static guint
count_entities (WeftSidebar *self)
{
  WeftSession *session = session_of (self);
  WeftDataset *dataset = session != NULL ? weft_session_get_dataset (session) : NULL;

  return dataset != NULL ? weft_dataset_get_entities (dataset)->len : 0;
}

/* The words under the search field, also its accessible description: the
 * entities shown ("12 of 55 entities"), or each group of search results
 * ("1 of 55 entities, 3 events, 2 claims"), or that nothing matches. */
static void
update_count (WeftSidebar *self)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);
  guint shown = weft_sidebar_get_n_shown (self);
  guint total = count_entities (self);
  g_autoptr(GString) text = g_string_new (NULL);
  WeftSession *session = session_of (self);

  /* %'u groups the digits as the user's locale does (glibc's printf, which
   * GLib uses there): "12,345 entities", "12.345 entidades". */
  if (self->searching)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (weft_session_get_search_text (session)));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(WeftItemObject) object = g_list_model_get_item (model, i);
          g_autofree char *group = NULL;

          if (!weft_item_object_is_heading (object))
            continue;
          if (weft_item_object_get_kind (object) == WEFT_MATCH_ENTITY)
            /* Translators: "12 of 55 entities"; keep the ' in %'u: it groups the digits. */
            group = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u entity", "%'u of %'u entities", total),
                                     shown, total);
          else
            group = format_group (weft_item_object_get_kind (object), weft_item_object_get_count (object));
          /* Translators: between the groups of search results: "1 of 55 entities, 3 events" */
          g_string_append_printf (text, "%s%s", text->len > 0 ? _(", ") : "", group);
        }
      if (n == 0)
        /* Translators: the search field's text found nothing. */
        g_string_printf (text, _("Nothing matches “%s”"), stripped);
    }
  else if (shown == total)
    /* Translators: keep the ' in %'u: it groups the digits ("1,234 entities"). */
    g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u entity", "%'u entities", total), total);
  else
    /* Translators: "12 of 55 entities"; keep the ' in %'u: it groups the digits. */
    g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u of %'u entity", "%'u of %'u entities", total),
                     shown, total);
  gtk_label_set_label (self->count_label, text->str);
  /* A screen reader hears the count with the search field. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

/* What an empty list says in its place: why it is empty, and what to do. */
static void
update_empty_page (WeftSidebar *self)
{
  WeftSession *session = session_of (self);
  WeftDataset *dataset = session != NULL ? weft_session_get_dataset (session) : NULL;
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0;

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty_page),
                                 self->searching ? "system-search-symbolic" : "weft-kind-person-symbolic");
  if (!empty)
    ;
  else if (self->searching)
    weft_status_page_set (self->empty_page, _("No Results"),
                          _("Nothing in this dataset contains the search text. Try fewer letters or another word."));
  else if (dataset == NULL || count_entities (self) == 0)
    weft_status_page_set (self->empty_page, _("No Entities"),
                          _("This dataset names no people, organizations or places, only events: they are on the timeline. Search still finds them."));
  else
    weft_status_page_set (self->empty_page, _("No Entity Shown"),
                          _("No entity of the kinds shown takes part in the time window. Show more kinds above, or clear the time window."));
  gtk_stack_set_visible_child (GTK_STACK (self->list_stack),
                               empty ? self->empty_page : gtk_widget_get_parent (GTK_WIDGET (self->list_view)));
}

static void on_items_changed (WeftSidebar *self);

/* Whether keyboard focus is in the list. */
static gboolean
list_has_focus (WeftSidebar *self)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == list || gtk_widget_is_ancestor (focus, list));
}

/* Keyboard focus that was in a list now empty does not go with it: the
 * search field takes it. */
static void
keep_focus (WeftSidebar *self,
            gboolean     had_focus)
{
  if (had_focus && g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Fills the list: every entity, or the session's search results in their
 * groups, each under its heading (entities only as the filter shows them,
 * so that a heading counts its rows). */
static void
rebuild (WeftSidebar *self)
{
  WeftSession *session = session_of (self);
  WeftDataset *dataset = session != NULL ? weft_session_get_dataset (session) : NULL;
  const WeftSearchResults *results = dataset != NULL ? weft_session_get_search_results (session) : NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean had_focus = list_has_focus (self);

  self->searching = results != NULL && results->query != NULL && results->query[0] != '\0';
  if (dataset == NULL)
    ;
  else if (!self->searching)
    {
      GPtrArray *entities = weft_dataset_get_entities (dataset);

      for (guint i = 0; i < entities->len; i++)
        g_ptr_array_add (objects, weft_item_object_new (&((WeftEntity *) g_ptr_array_index (entities, i))->item));
    }
  else
    for (guint k = 0; k < WEFT_N_MATCH_KINDS; k++)
      {
        guint heading = objects->len;

        for (guint i = results->first[k]; i < results->first[k] + results->counts[k]; i++)
          {
            const WeftMatch *match = &g_array_index (results->matches, WeftMatch, i);

            if (k != WEFT_MATCH_ENTITY || entity_shown (self, (WeftEntity *) match->item))
              g_ptr_array_add (objects, weft_item_object_new_match (match));
          }
        if (objects->len > heading)
          g_ptr_array_insert (objects, heading, weft_item_object_new_heading (k, objects->len - heading));
      }

  self->stepped = G_MAXUINT;
  self->updating = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       objects->pdata, objects->len);
  self->updating = FALSE;
  on_items_changed (self);
  keep_focus (self, had_focus);
}

static void
refilter (WeftSidebar *self)
{
  gboolean had_focus = list_has_focus (self);

  if (self->searching)
    rebuild (self);
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  keep_focus (self, had_focus);
}

static void
select_row_of_session (WeftSidebar *self)
{
  WeftSession *session = session_of (self);
  WeftItem *item = session ? weft_session_get_selection (session) : NULL;
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);

  WeftItemObject *selected = gtk_single_selection_get_selected_item (self->selection);

  /* A claim's quote stays selected when its claim is (Return steps from
   * one to the other). */
  if (item != NULL && selected != NULL && weft_item_object_get_item (selected) == item)
    return;

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (item != NULL)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(WeftItemObject) object = g_list_model_get_item (model, i);

        if (weft_item_object_get_item (object) == item)
          {
            gtk_single_selection_set_selected (self->selection, i);
            gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
            break;
          }
      }
  self->updating = FALSE;
}

static void
on_items_changed (WeftSidebar *self)
{
  update_count (self);
  update_empty_page (self);
  select_row_of_session (self);
}

static void
on_selected_changed (WeftSidebar *self)
{
  WeftSession *session = session_of (self);
  WeftItemObject *object;

  if (self->updating || session == NULL)
    return;

  object = gtk_single_selection_get_selected_item (self->selection);
  if (object != NULL && !weft_item_object_is_heading (object))
    weft_session_set_selection (session, weft_item_object_get_item (object));
}

/* Return in the search field: the first result, then each after it
 * (headings passed over), going round; the first again after the text
 * changes or the field is focused anew (Ctrl+F, Return: the best match). */
static void
on_search_activate (WeftSidebar *self)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);
  guint next = self->stepped == G_MAXUINT ? 0 : self->stepped + 1;

  for (guint tries = 0; tries < n; tries++, next++)
    {
      g_autoptr(WeftItemObject) object = g_list_model_get_item (model, next % n);

      if (weft_item_object_is_heading (object))
        continue;
      self->stepped = next % n;
      gtk_single_selection_set_selected (self->selection, next % n);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", next % n);
      return;
    }
}

static void
restart_stepping (WeftSidebar *self)
{
  self->stepped = G_MAXUINT;
}

static void
on_search_changed (WeftSidebar *self)
{
  WeftSession *session = session_of (self);

  if (session != NULL)
    weft_session_set_search_text (session, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_session_search (WeftSidebar *self)
{
  const char *text = weft_session_get_search_text (session_of (self));

  /* Not back to the session: GtkSearchEntry says "search-changed" at once
   * when the old text is deleted, which would set the session's text to
   * "" (and free @text) on the way. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
    }
  rebuild (self);
}

static void
on_session_window (WeftSidebar *self)
{
  WeftSession *session = session_of (self);
  WeftDataset *dataset = weft_session_get_dataset (session);
  gint64 lower, upper;

  g_clear_pointer (&self->active, g_hash_table_unref);
  if (dataset != NULL && weft_session_get_window (session, &lower, &upper))
    {
      g_autoptr(WeftSubgraph) window = weft_dataset_window (dataset, lower, upper);

      self->active = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < window->entities->len; i++)
        g_hash_table_add (self->active, g_ptr_array_index (window->entities, i));
    }
  refilter (self);
}

static void
on_session_hidden_kinds (WeftSidebar *self)
{
  guint hidden = weft_session_get_hidden_kinds (session_of (self));

  for (guint k = 0; k < WEFT_N_ENTITY_KINDS; k++)
    gtk_toggle_button_set_active (self->chip_buttons[k], (hidden & (1u << k)) == 0);
  refilter (self);
}

static void
on_chip_toggled (GtkToggleButton *button,
                 WeftSidebar     *self)
{
  guint kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "weft-kind"));
  WeftSession *session = session_of (self);
  guint hidden;

  if (session == NULL)
    return;

  hidden = weft_session_get_hidden_kinds (session);
  if (gtk_toggle_button_get_active (button))
    hidden &= ~(1u << kind);
  else
    hidden |= 1u << kind;
  weft_session_set_hidden_kinds (session, hidden);
}

static void
on_session_dataset (WeftSidebar *self)
{
  WeftDataset *dataset = weft_session_get_dataset (session_of (self));
  GPtrArray *entities = dataset != NULL ? weft_dataset_get_entities (dataset) : NULL;
  guint counts[WEFT_N_ENTITY_KINDS] = { 0 };

  for (guint i = 0; entities != NULL && i < entities->len; i++)
    counts[((WeftEntity *) g_ptr_array_index (entities, i))->kind]++;

  /* Chips only for the kinds the dataset has. */
  for (guint k = 0; k < WEFT_N_ENTITY_KINDS; k++)
    gtk_widget_set_visible (GTK_WIDGET (self->chip_buttons[k]), counts[k] > 0);

  self->searching = FALSE;
  on_session_window (self);
  rebuild (self);
}

/* ---- Rows --------------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  /* The kind is in the words below the name. */
  GtkWidget *icon = weft_decorative_icon_new (NULL);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "entity-row");
  gtk_widget_add_css_class (icon, "kind-icon");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  /* "Gobierno · 5 eventos · 23 afirmaciones" does not fit on one line:
   * the counts wrap onto a second line rather than lose their end. */
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (detail), 2);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), detail);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          WeftSidebar              *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *name = gtk_widget_get_first_child (texts);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  WeftItemObject *object = gtk_list_item_get_item (list_item);
  WeftItem *item = weft_item_object_get_item (object);
  const WeftMatch *match = weft_item_object_get_match (object);
  WeftEntity *e = (WeftEntity *) item;
  WeftDataset *dataset = weft_session_get_dataset (session_of (self));
  guint n_events = 0, n_claims = 0, n_relations = 0;
  g_autofree char *events = NULL;
  g_autofree char *claims = NULL;
  g_autofree char *text = NULL;
  gboolean heading = item == NULL;

  /* A group's heading: its count and kind, not a row to select. */
  gtk_list_item_set_selectable (list_item, !heading);
  gtk_list_item_set_activatable (list_item, !heading);
  gtk_widget_set_visible (icon, !heading);
  gtk_widget_set_visible (detail, !heading);
  if (heading)
    {
      g_autofree char *group = format_group (weft_item_object_get_kind (object), weft_item_object_get_count (object));

      gtk_widget_add_css_class (box, "results-heading");
      gtk_widget_remove_css_class (box, "entity-row");
      gtk_label_set_label (GTK_LABEL (name), group);
      gtk_widget_set_tooltip_text (box, NULL);
      return;
    }
  gtk_widget_remove_css_class (box, "results-heading");
  gtk_widget_add_css_class (box, "entity-row");

  /* A match of another kind: what it is, and the text that matched when
   * its name does not show it (a description, a quote, an alias). */
  if (item->type != WEFT_ITEM_ENTITY || (match != NULL && match->field != WEFT_MATCH_FIELD_NAME))
    {
      const char *label = weft_item_get_label (item);
      const char *kind = match->kind == WEFT_MATCH_CITATION ? _("Quote") : weft_item_type_label (item->type);
      g_autofree char *found = NULL;

      gtk_image_set_from_icon_name (GTK_IMAGE (icon), weft_item_icon_name (item));
      gtk_label_set_label (GTK_LABEL (name), label);
      if (match->text != NULL && g_strcmp0 (match->text, label) != 0)
        /* Translators: a search result's kind and the text that matched: "Event · …in Xinjiang…" */
        found = g_strdup_printf (_("%s · %s"), kind, match->text);
      gtk_label_set_label (GTK_LABEL (detail), found != NULL ? found : kind);
      gtk_widget_set_tooltip_text (box, match->text);
      return;
    }

  weft_dataset_get_entity_events (dataset, e, &n_events);
  weft_dataset_get_entity_claims (dataset, e, &n_claims);
  weft_dataset_get_entity_relations (dataset, e, &n_relations);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), weft_kind_icon_name (e->kind));
  gtk_label_set_label (GTK_LABEL (name), e->name);

  events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n_events), n_events);
  claims = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n_claims), n_claims);
  /* Translators: "Company · 3 events · 5 claims" */
  text = g_strdup_printf (_("%s · %s · %s"), weft_entity_kind_label (e->kind), events, claims);
  gtk_label_set_label (GTK_LABEL (detail), text);
  gtk_widget_set_tooltip_text (box, e->description);
}

/* ---- Keyboard ----------------------------------------------------------- */

/* GTK 4.8's list view makes every row a Tab stop: Tab and Shift+Tab leave
 * the list instead (the arrows move in it), by moving focus on from the
 * window with the list out of the focus chain for the while. */
static gboolean
on_list_key (GtkEventControllerKey *keys,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             WeftSidebar           *self)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  GtkRoot *root = gtk_widget_get_root (list);
  GtkDirectionType direction;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || root == NULL)
    return FALSE;

  direction = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  gtk_widget_set_can_focus (list, FALSE);
  gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);
  return TRUE;
}

/* ---- Object ------------------------------------------------------------- */

static void
weft_sidebar_session_changed (WeftSessionPane *pane)
{
  WeftSidebar *self = WEFT_SIDEBAR (pane);

  self->searching = FALSE;
  weft_session_pane_set_session (WEFT_SESSION_PANE (self->saved_views), session_of (self));
  g_list_store_remove_all (self->store);
  if (session_of (self) != NULL)
    {
      on_session_dataset (self);
      on_session_search (self);
    }
}

static void
weft_sidebar_dispose (GObject *object)
{
  WeftSidebar *self = WEFT_SIDEBAR (object);

  weft_session_pane_set_session (WEFT_SESSION_PANE (self), NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (weft_sidebar_parent_class)->dispose (object);
}

static void
weft_sidebar_finalize (GObject *object)
{
  WeftSidebar *self = WEFT_SIDEBAR (object);

  g_clear_pointer (&self->active, g_hash_table_unref);

  G_OBJECT_CLASS (weft_sidebar_parent_class)->finalize (object);
}

static void
focus_search (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WeftSidebar *self = WEFT_SIDEBAR (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
weft_sidebar_class_init (WeftSidebarClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = weft_sidebar_dispose;
  G_OBJECT_CLASS (klass)->finalize = weft_sidebar_finalize;
  WEFT_SESSION_PANE_CLASS (klass)->session_changed = weft_sidebar_session_changed;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "sidebar.search", NULL, focus_search);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "weftsidebar");
}

static void
weft_sidebar_init (WeftSidebar *self)
{
  GSignalGroup *session_signals = weft_session_pane_get_signals (WEFT_SESSION_PANE (self));
  GtkListItemFactory *factory;
  GtkWidget *scroller;

  self->stepped = G_MAXUINT;
  g_signal_group_connect_swapped (session_signals, "notify::dataset", G_CALLBACK (on_session_dataset), self);
  g_signal_group_connect_swapped (session_signals, "dataset-changed", G_CALLBACK (on_session_dataset), self);
  g_signal_group_connect_swapped (session_signals, "notify::search-text", G_CALLBACK (on_session_search), self);
  g_signal_group_connect_swapped (session_signals, "notify::hidden-kinds", G_CALLBACK (on_session_hidden_kinds), self);
  g_signal_group_connect_swapped (session_signals, "notify::selection", G_CALLBACK (select_row_of_session), self);
  g_signal_group_connect_swapped (session_signals, "notify::window", G_CALLBACK (on_session_window), self);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (self->box, "sidebar-box");

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search names, events, claims, quotes"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);
  gtk_widget_set_margin_start (GTK_WIDGET (self->search_entry), 8);
  gtk_widget_set_margin_end (GTK_WIDGET (self->search_entry), 8);
  gtk_widget_set_margin_top (GTK_WIDGET (self->search_entry), 8);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_swapped (focus, "enter", G_CALLBACK (restart_stepping), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), focus);
  }
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->search_entry));

  self->chips = g_object_new (GTK_TYPE_FLOW_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->chips), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->chips), 9);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->chips), 2);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->chips), 2);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->chips), TRUE);
  gtk_widget_set_margin_start (self->chips, 8);
  gtk_widget_set_margin_end (self->chips, 8);
  for (guint k = 0; k < WEFT_N_ENTITY_KINDS; k++)
    {
      /* Check boxes to assistive technologies (shown or hidden), one Tab
       * stop each: their places in the flow box take no focus. */
      GtkWidget *chip = g_object_new (GTK_TYPE_TOGGLE_BUTTON, "accessible-role", GTK_ACCESSIBLE_ROLE_CHECKBOX, NULL);
      GtkWidget *place = g_object_new (GTK_TYPE_FLOW_BOX_CHILD,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                       "focusable", FALSE,
                                       "child", chip,
                                       NULL);
      g_autofree char *tooltip = g_strdup_printf (_("Show or hide: %s"), weft_entity_kind_label (k));

      /* Icons only, so every kind fits in one row; the tooltip and the
       * accessible label name the kind. */
      gtk_button_set_icon_name (GTK_BUTTON (chip), weft_kind_icon_name (k));
      gtk_widget_set_tooltip_text (chip, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      weft_entity_kind_label (k), -1);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), TRUE);
      weft_accessible_follow_toggle (GTK_TOGGLE_BUTTON (chip));
      gtk_widget_add_css_class (chip, "kind-chip");
      gtk_widget_add_css_class (chip, "flat");
      g_object_set_data (G_OBJECT (chip), "weft-kind", GUINT_TO_POINTER (k));
      g_signal_connect (chip, "toggled", G_CALLBACK (on_chip_toggled), self);
      self->chip_buttons[k] = GTK_TOGGLE_BUTTON (chip);
      gtk_flow_box_append (GTK_FLOW_BOX (self->chips), place);
    }
  gtk_box_append (GTK_BOX (self->box), self->chips);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_label_set_wrap (self->count_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption-heading");
  gtk_widget_set_margin_start (GTK_WIDGET (self->count_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->count_label), 4);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->count_label));

  self->store = g_list_store_new (WEFT_TYPE_ITEM_OBJECT);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                                  GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filter_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected_changed), self);
  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (on_items_changed), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (self->selection), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Entities"), -1);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
  }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scroller, TRUE);
  self->list_stack = gtk_stack_new ();
  gtk_stack_add_child (GTK_STACK (self->list_stack), scroller);
  self->empty_page = weft_status_page_new ("system-search-symbolic", "", "");
  gtk_stack_add_child (GTK_STACK (self->list_stack), self->empty_page);
  gtk_box_append (GTK_BOX (self->box), self->list_stack);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  self->saved_views = weft_saved_views_list_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->saved_views);
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self->box), scroller);
}

GtkWidget *
weft_sidebar_new (void)
{
  return g_object_new (WEFT_TYPE_SIDEBAR, NULL);
}

guint
weft_sidebar_get_n_shown (WeftSidebar *self)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);
  guint entities = 0;

  if (!self->searching)
    return n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WeftItemObject) object = g_list_model_get_item (model, i);
      WeftItem *item = weft_item_object_get_item (object);

      entities += item != NULL && item->type == WEFT_ITEM_ENTITY;
    }
  return entities;
}

guint
weft_sidebar_get_n_rows (WeftSidebar *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

WeftItemObject *
weft_sidebar_dup_row (WeftSidebar *self,
                      guint        position)
{
  return g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);
}

const char *
weft_sidebar_get_count_text (WeftSidebar *self)
{
  return gtk_label_get_label (self->count_label);
}

GtkWidget *
weft_sidebar_get_saved_views (WeftSidebar *self)
{
  return self->saved_views;
}

GtkWidget *
weft_sidebar_get_empty_page (WeftSidebar *self)
{
  return gtk_stack_get_visible_child (GTK_STACK (self->list_stack)) == self->empty_page ? self->empty_page : NULL;
}
