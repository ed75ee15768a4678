/* test-views.c: saved views and stories: the format (read, written,
 * checked with positions) and their edits (undoable, with history)
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <string.h>

#include "weft-edit.h"
#include "weft-loader.h"
#include "weft-saver.h"
#include "weft-test.h"
#include "weft-saved-views.h"

#define TIME G_GINT64_CONSTANT (1714555800)

/* Loads @text as t.weft; every diagnostic formatted, one per line. */
static char *
diagnose (const char   *text,
          WeftDataset **dataset_out)
{
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("t.weft");
  g_autoptr(GError) error = NULL;
  WeftDataset *dataset = weft_dataset_load_data (text, strlen (text), "t.weft", diagnostics, &error);

  /* An error in the file is in the diagnostics too. */
  if (dataset_out != NULL)
    *dataset_out = dataset;
  else
    g_clear_object (&dataset);
  return weft_diagnostics_format_all (diagnostics);
}

/* The fixture: two views and a story of four steps over the example. */
static void
test_fixture (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("views.weft");
  GPtrArray *views = weft_dataset_get_views (dataset);
  WeftView *huawei = weft_dataset_lookup_view (dataset, "view-huawei");
  WeftView *path = weft_dataset_lookup_view (dataset, "view-ibm-ccp");
  WeftStory *story = weft_dataset_lookup_story (dataset, "story-smart-cities");
  double x = 0, y = 0;

  g_assert_cmpuint (views->len, ==, 2);
  g_assert_nonnull (huawei);
  g_assert_cmpstr (huawei->title, ==, "Huawei, two hops, 2015–2020");
  g_assert_cmpstr (huawei->focus, ==, "ent-huawei");
  g_assert_cmpuint (weft_view_get_hops (huawei), ==, 2);
  g_assert_cmpstr (huawei->window_text, ==, "2015/2020");
  g_assert_cmpint (huawei->window.start.precision, ==, WEFT_DATE_PRECISION_YEAR);
  g_assert_cmpstr (huawei->hidden_kinds[0], ==, "technology");
  g_assert_cmpuint (g_strv_length ((char **) huawei->statuses), ==, 3);
  g_assert_cmpstr (huawei->search, ==, "Huawei");
  g_assert_cmpstr (huawei->selected, ==, "ent-huawei");
  g_assert_cmpint (huawei->layout, ==, WEFT_LAYOUT_BOTH);
  g_assert_cmpstr (huawei->span_text, ==, "2015/2020");
  g_assert_cmpfloat (weft_view_get_zoom (huawei), ==, 1.5);
  g_assert_true (weft_view_get_centre (huawei, &x, &y));
  g_assert_cmpfloat (x, ==, 120.0);
  g_assert_cmpfloat (y, ==, -40.5);

  g_assert_nonnull (path);
  g_assert_cmpstr (path->path[0], ==, "ent-ibm");
  g_assert_cmpstr (path->path[1], ==, "ent-ccp");
  g_assert_null (path->path[2]);
  g_assert_cmpint (path->layout, ==, WEFT_LAYOUT_GRAPH);
  /* Defaults for what is missing. */
  g_assert_cmpuint (weft_view_get_hops (path), ==, 1);
  g_assert_cmpfloat (weft_view_get_zoom (path), ==, 1.0);
  g_assert_false (weft_view_get_centre (path, &x, &y));
  g_assert_null (path->focus);
  g_assert_null (path->window_text);

  g_assert_nonnull (story);
  g_assert_cmpstr (story->title, ==, "How smart cities spread");
  g_assert_cmpuint (story->n_steps, ==, 4);
  g_assert_cmpstr (story->steps[0].event, ==, "ev-ibm-coins-smart-city");
  g_assert_cmpstr (story->steps[1].view, ==, "view-huawei");
  g_assert_null (story->steps[1].event);
  g_assert_cmpstr (story->steps[3].note, ==, "What links the two ends.");
  g_assert_null (weft_dataset_lookup_view (dataset, "story-smart-cities"));

  {
    g_autofree char *ids = weft_dataset_dup_ids (dataset, WEFT_ITEM_VIEW);

    g_assert_cmpstr (ids, ==, "view-huawei, view-ibm-ccp");
  }
}

/* Saved as read: the fixture's members in its order, byte for byte once
 * saved; a view with only an id stays so; unknown members are kept. */
static void
test_round_trip (void)
{
  static const char text[] =
    "{\"weft\": 1, \"title\": \"t\", \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}],\n"
    " \"views\": [{\"id\": \"v\", \"later\": {\"x\": 1}}, {\"id\": \"w\", \"hops\": 0, \"layout\": \"timeline\"}],\n"
    " \"stories\": [{\"id\": \"s\", \"steps\": [{\"view\": \"v\", \"note\": \"n\"}]}]}\n";
  g_autoptr(WeftDataset) fixture = weft_test_load_fixture ("views.weft");
  g_autofree char *saved = weft_dataset_to_data (fixture, NULL);
  g_autoptr(WeftDataset) again = weft_test_load_text (saved, "saved.weft");
  g_autofree char *saved_again = weft_dataset_to_data (again, NULL);
  g_autoptr(WeftDataset) dataset = NULL;
  g_autofree char *report = diagnose (text, &dataset);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonObject *v;

  g_assert_cmpstr (saved, ==, saved_again);
  g_assert_nonnull (strstr (saved, "\"views\" : ["));
  g_assert_cmpuint (weft_view_get_hops (weft_dataset_lookup_view (again, "view-huawei")), ==, 2);

  /* The unknown member is a warning and is written back. */
  g_assert_nonnull (strstr (report, "t.weft:2:33: warning: views[0].later: unknown member"));
  root = weft_test_parse_saved (dataset, parser);
  v = json_array_get_object_element (json_object_get_array_member (root, "views"), 0);
  g_assert_cmpstr (json_object_get_string_member (v, "id"), ==, "v");
  g_assert_true (json_object_has_member (v, "later"));
  g_assert_false (json_object_has_member (v, "focus"));
  g_assert_false (json_object_has_member (v, "hops"));
  v = json_array_get_object_element (json_object_get_array_member (root, "views"), 1);
  g_assert_cmpint (json_object_get_int_member (v, "hops"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (v, "layout"), ==, "timeline");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "stories")), ==, 1);
}

/* A file without views saves without "views" or "stories". */
static void
test_none (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_example ();
  g_autofree char *saved = weft_dataset_to_data (dataset, NULL);

  g_assert_cmpuint (weft_dataset_get_views (dataset)->len, ==, 0);
  g_assert_null (strstr (saved, "\"views\""));
  g_assert_null (strstr (saved, "\"stories\""));
}

/* What a view or a step names may be gone: a warning at its place. Bad
 * values are errors at theirs. */
static void
test_problems (void)
{
  static const char missing[] =
    "{\"weft\": 1, \"title\": \"t\",\n"
    " \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}],\n"
    " \"events\": [{\"id\": \"e\", \"title\": \"E\", \"date\": \"2000\", \"participants\": [{\"entity\": \"a\"}]}],\n"
    " \"views\": [{\"id\": \"v\", \"focus\": \"gone\",\n"
    "             \"path\": [\"a\", \"gone-too\"], \"selected\": \"e\"}],\n"
    " \"stories\": [{\"id\": \"s\", \"steps\": [{\"view\": \"v\"}, {\"event\": \"lost\"}]}]}\n";
  static const char bad[] =
    "{\"weft\": 1, \"title\": \"t\",\n"
    " \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}],\n"
    " \"events\": [{\"id\": \"e\", \"title\": \"E\", \"date\": \"2000\", \"participants\": [{\"entity\": \"a\"}]}],\n"
    " \"views\": [{\"id\": \"v\", \"hops\": -1, \"window\": \"2015/x\", \"layout\": \"pie\",\n"
    "             \"focus\": \"e\", \"path\": [\"a\"], \"statuses\": [\"rumoured\"], \"graph\": {\"zoom\": 0},\n"
    "             \"title\": 3, \"split\": 1.5}],\n"
    " \"stories\": [{\"id\": \"s\", \"steps\": [{\"view\": \"e\"}, {}]}, {\"id\": \"a\"}]}\n";
  g_autoptr(WeftDataset) dataset = NULL;
  g_autofree char *report = diagnose (missing, &dataset);
  g_autofree char *errors = NULL;

  g_assert_nonnull (dataset);
  g_assert_cmpstr (report, ==,
                   "t.weft:4:33: warning: views[0].focus: “gone” is not the id of anything in this file (deleted?); "
                   "the view keeps it and shows nothing for it\n"
                   "t.weft:5:28: warning: views[0].path[1]: “gone-too” is not the id of anything in this file (deleted?); "
                   "the view keeps it and shows nothing for it\n"
                   "t.weft:6:51: warning: stories[0].steps[1].event: “lost” is not the id of anything in this file (deleted?); "
                   "the view keeps it and shows nothing for it\n");
  g_clear_object (&dataset);

  errors = diagnose (bad, &dataset);
  g_assert_null (dataset);
  g_assert_nonnull (strstr (errors, "t.weft:4:32: error: views[0].hops: “hops” must be a whole number, 0 or more\n"));
  g_assert_nonnull (strstr (errors, "t.weft:4:52: error: views[0].window: "));
  g_assert_nonnull (strstr (errors, "t.weft:4:66: error: views[0].layout: unknown layout “pie”"));
  g_assert_nonnull (strstr (errors, "t.weft:5:78: error: views[0].graph: “graph” must be an object"));
  g_assert_nonnull (strstr (errors, "t.weft:6:35: error: views[0].split: “split” must be a number above 0 and below 1\n"));
  g_assert_nonnull (strstr (errors, "t.weft:6:23: error: views[0].title: “title” must be a string, not a number\n"));
  g_assert_nonnull (strstr (errors, "t.weft:5:23: error: views[0].focus: “e” is an event, but an entity is expected here\n"));
  g_assert_nonnull (strstr (errors, "t.weft:4:12: warning: views[0].path: a path has two ends, [from, to]; this one has 1\n"));
  g_assert_nonnull (strstr (errors, "t.weft:4:12: error: views[0].statuses[0]: unknown statuses “rumoured”"));
  g_assert_nonnull (strstr (errors, "t.weft:7:45: error: stories[0].steps[0].view: “e” is an event, but a saved view is expected here\n"));
  g_assert_nonnull (strstr (errors, "t.weft:7:51: error: stories[0].steps[1]: a step shows a view or an event"));
  /* Ids are unique across the file, views and stories too. */
  g_assert_nonnull (strstr (errors, "t.weft:7:64: error: stories[1].id: duplicate id “a”"));
}

/* ---- Edits ---------------------------------------------------------------- */

static WeftEdit *
begin (WeftDataset *dataset,
       const char  *label)
{
  WeftEdit *edit = weft_edit_new (dataset, label);

  weft_edit_set_author (edit, "tester");
  weft_edit_set_time (edit, TIME);
  return edit;
}

static void
commit (WeftEdit *edit)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (weft_edit_commit (edit, &error));
  g_assert_no_error (error);
}

/* The dataset is consistent, and what it saves reads back the same. */
static void
assert_valid (WeftDataset *dataset)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = weft_dataset_to_data (dataset, NULL);
  g_autoptr(WeftDataset) again = weft_test_load_text (text, "saved.weft");
  g_autofree char *text_again = weft_dataset_to_data (again, NULL);

  g_assert_true (weft_dataset_verify (dataset, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, text_again);
}

/* Create a view, change every kind of member, delete it: each undoable,
 * each with history; undoing everything saves the original. */
static void
test_edit_view (void)
{
  static const char * const hidden[] = { "place", "person", NULL };
  static const char * const ends[] = { "ent-ibm", "ent-ccp", NULL };
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("views.weft");
  g_autofree char *original = weft_dataset_to_data (dataset, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftEdit) create = begin (dataset, "Save View");
  g_autoptr(WeftEdit) change = NULL;
  g_autoptr(WeftEdit) remove = NULL;
  WeftView *view;
  double x, y;

  view = (WeftView *) weft_edit_create (create, WEFT_ITEM_VIEW, "view-new", &error);
  g_assert_no_error (error);
  g_assert_true (weft_edit_set (create, &view->item, "title", "New", &error));
  g_assert_true (weft_edit_set (create, &view->item, "note", "A note", &error));
  g_assert_true (weft_edit_set (create, &view->item, "focus", "ent-huawei", &error));
  g_assert_true (weft_edit_set (create, &view->item, "window", "2010/2012", &error));
  g_assert_true (weft_edit_set (create, &view->item, "layout", "timeline", &error));
  g_assert_no_error (error);
  commit (create);
  g_assert_true (weft_dataset_lookup_view (dataset, "view-new") == view);
  g_assert_cmpuint (weft_dataset_get_views (dataset)->len, ==, 3);
  g_assert_cmpint (view->window.start.precision, ==, WEFT_DATE_PRECISION_YEAR);
  g_assert_cmpuint (view->item.n_history, ==, 1);
  g_assert_cmpint (view->item.history[0].action, ==, WEFT_HISTORY_CREATED);
  assert_valid (dataset);

  change = begin (dataset, "Change View");
  g_assert_true (weft_edit_set_view_hops (change, view, 3, &error));
  g_assert_true (weft_edit_set_view_graph (change, view, 2.0, 10.0, 20.0, &error));
  g_assert_true (weft_edit_set_list (change, &view->item, "hidden_kinds", hidden, &error));
  g_assert_true (weft_edit_set_list (change, &view->item, "path", ends, &error));
  g_assert_true (weft_edit_set (change, &view->item, "search", "smart", &error));
  g_assert_true (weft_edit_set (change, &view->item, "title", "Renamed", &error));
  /* Not EDTF, not a layout: refused, nothing changed. */
  g_assert_false (weft_edit_set (change, &view->item, "span", "soon", &error));
  g_clear_error (&error);
  g_assert_false (weft_edit_set (change, &view->item, "layout", "pie", &error));
  g_clear_error (&error);
  commit (change);
  g_assert_cmpuint (weft_view_get_hops (view), ==, 3);
  g_assert_cmpfloat (weft_view_get_zoom (view), ==, 2.0);
  g_assert_true (weft_view_get_centre (view, &x, &y));
  g_assert_cmpfloat (y, ==, 20.0);
  g_assert_cmpstr (view->title, ==, "Renamed");
  g_assert_cmpstr (view->path[1], ==, "ent-ccp");
  g_assert_cmpuint (view->item.n_history, ==, 2);
  assert_valid (dataset);

  weft_edit_undo (change);
  g_assert_cmpstr (view->title, ==, "New");
  g_assert_cmpuint (weft_view_get_hops (view), ==, 1);
  g_assert_null (view->graph);
  weft_edit_redo (change);
  g_assert_cmpstr (view->title, ==, "Renamed");

  remove = begin (dataset, "Delete View");
  g_assert_true (weft_edit_delete (remove, &view->item, WEFT_DELETE_REFUSE, &error));
  g_assert_no_error (error);
  commit (remove);
  g_assert_null (weft_dataset_lookup_view (dataset, "view-new"));
  assert_valid (dataset);

  weft_edit_undo (remove);
  g_assert_nonnull (weft_dataset_lookup_view (dataset, "view-new"));
  weft_edit_undo (change);
  weft_edit_undo (create);
  {
    g_autofree char *back = weft_dataset_to_data (dataset, NULL);

    g_assert_cmpstr (back, ==, original);
  }
}

/* Steps added, moved, removed: undoable; a story's step must name a view
 * or an event that exists. */
static void
test_edit_story (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("views.weft");
  g_autofree char *original = weft_dataset_to_data (dataset, NULL);
  WeftStory *story = weft_dataset_lookup_story (dataset, "story-smart-cities");
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftEdit) add = begin (dataset, "Add to Story");
  g_autoptr(WeftEdit) move = NULL;
  g_autoptr(WeftEdit) cut = NULL;

  g_assert_false (weft_edit_add_story_step (add, story, G_MAXUINT, "ent-huawei", NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_false (weft_edit_add_story_step (add, story, G_MAXUINT, NULL, NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_true (weft_edit_add_story_step (add, story, G_MAXUINT, "view-huawei", NULL, "Again", &error));
  g_assert_true (weft_edit_add_story_step (add, story, 0, NULL, "ev-covid-pandemic", "First", &error));
  g_assert_no_error (error);
  commit (add);
  g_assert_cmpuint (story->n_steps, ==, 6);
  g_assert_cmpstr (story->steps[0].event, ==, "ev-covid-pandemic");
  g_assert_cmpstr (story->steps[5].note, ==, "Again");
  assert_valid (dataset);

  move = begin (dataset, "Reorder Story");
  g_assert_true (weft_edit_move_story_step (move, story, 0, 5, &error));
  g_assert_false (weft_edit_move_story_step (move, story, 0, 6, &error));
  g_clear_error (&error);
  commit (move);
  g_assert_cmpstr (story->steps[0].event, ==, "ev-ibm-coins-smart-city");
  g_assert_cmpstr (story->steps[4].note, ==, "Again");
  g_assert_cmpstr (story->steps[5].event, ==, "ev-covid-pandemic");

  cut = begin (dataset, "Remove Step");
  g_assert_true (weft_edit_remove_story_step (cut, story, 1, &error));
  g_assert_no_error (error);
  commit (cut);
  g_assert_cmpuint (story->n_steps, ==, 5);
  g_assert_cmpstr (story->steps[1].event, ==, "ev-smart-city-exports-tally");
  assert_valid (dataset);

  weft_edit_undo (cut);
  weft_edit_undo (move);
  weft_edit_undo (add);
  {
    g_autofree char *back = weft_dataset_to_data (dataset, NULL);

    g_assert_cmpstr (back, ==, original);
  }
}

/* Deleting an entity a view names: refused while the view names it, or
 * with its references (the view no longer names it); a file whose view
 * names a deleted entity loads with a warning. Renaming follows. */
/* A new story has no steps (no array at all): the first is added. */
static void
test_edit_new_story (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("views.weft");
  g_autoptr(WeftEdit) make = begin (dataset, "New Story");
  g_autoptr(WeftEdit) add = NULL;
  g_autoptr(GError) error = NULL;
  WeftStory *story = (WeftStory *) weft_edit_create (make, WEFT_ITEM_STORY, "story-new", &error);

  g_assert_no_error (error);
  commit (make);
  g_assert_cmpuint (story->n_steps, ==, 0);
  add = begin (dataset, "Add to Story");
  g_assert_true (weft_edit_add_story_step (add, story, 0, NULL, "ev-covid-pandemic", "The first", &error));
  g_assert_no_error (error);
  commit (add);
  g_assert_cmpuint (story->n_steps, ==, 1);
  g_assert_cmpstr (story->steps[0].event, ==, "ev-covid-pandemic");
  g_assert_cmpstr (story->steps[0].note, ==, "The first");
  assert_valid (dataset);
}

static void
test_edit_deleted (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("views.weft");
  WeftItem *ibm = weft_dataset_lookup (dataset, "ent-ibm");
  WeftView *path = weft_dataset_lookup_view (dataset, "view-ibm-ccp");
  WeftView *huawei = weft_dataset_lookup_view (dataset, "view-huawei");
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftEdit) refuse = begin (dataset, "Delete IBM");
  g_autoptr(WeftEdit) rename = NULL;
  g_autoptr(WeftEdit) remove = NULL;
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("t.weft");
  g_autofree char *text = NULL;
  g_autoptr(WeftDataset) again = NULL;
  g_autofree char *report = NULL;

  g_assert_false (weft_edit_delete (refuse, ibm, WEFT_DELETE_REFUSE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  weft_edit_cancel (refuse);

  rename = begin (dataset, "Rename Huawei");
  g_assert_true (weft_edit_set (rename, weft_dataset_lookup (dataset, "ent-huawei"), "id", "ent-hw", &error));
  g_assert_no_error (error);
  commit (rename);
  g_assert_cmpstr (huawei->focus, ==, "ent-hw");
  g_assert_cmpstr (huawei->selected, ==, "ent-hw");
  weft_edit_undo (rename);
  g_assert_cmpstr (huawei->focus, ==, "ent-huawei");

  remove = begin (dataset, "Delete IBM");
  g_assert_true (weft_edit_delete (remove, ibm, WEFT_DELETE_REFERENCES, &error));
  g_assert_no_error (error);
  commit (remove);
  g_assert_cmpstr (path->path[0], ==, "ent-ccp");
  assert_valid (dataset);
  /* Saved and read again: a warning, not an error. */
  text = weft_dataset_to_data (dataset, NULL);
  again = weft_dataset_load_data (text, strlen (text), "t.weft", diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  report = weft_diagnostics_format_all (diagnostics);
  g_assert_cmpuint (weft_diagnostics_get_n_errors (diagnostics), ==, 0);
  g_assert_nonnull (strstr (report, "warning: views[1].path: a path has two ends, [from, to]; this one has 1"));

  weft_edit_undo (remove);
  g_assert_cmpstr (path->path[0], ==, "ent-ibm");
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/views/fixture", test_fixture);
  g_test_add_func ("/weft/views/round-trip", test_round_trip);
  g_test_add_func ("/weft/views/none", test_none);
  g_test_add_func ("/weft/views/problems", test_problems);
  g_test_add_func ("/weft/views/edit-view", test_edit_view);
  g_test_add_func ("/weft/views/edit-story", test_edit_story);
  g_test_add_func ("/weft/views/edit-new-story", test_edit_new_story);
  g_test_add_func ("/weft/views/edit-deleted", test_edit_deleted);

  return weft_test_run ();
}
