/* test-edit.c: every command and its inverse, history, the "changed"
 * signal, the undo stack, and random edits undone to the byte
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include "weft-dataset-change.h"
#include "weft-dataset-check.h"
#include "weft-error.h"
#include "weft-history.h"
#include "weft-loader.h"
#include "weft-saver.h"
#include "weft-test.h"
#include "weft-edit-random.h"

/* A fixed time for history entries: 2024-05-01T09:30:00Z. */
#define TIME G_GINT64_CONSTANT (1714555800)

static char *
saved (WeftDataset *dataset)
{
  return weft_dataset_to_data (dataset, NULL);
}

static void
assert_valid (WeftDataset *dataset)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = saved (dataset);
  g_autoptr(WeftDataset) again = NULL;
  g_autofree char *text_again = NULL;

  if (!weft_dataset_verify (dataset, &error))
    g_error ("%s", error->message);
  /* What it saves loads without a problem, and saves the same. */
  again = weft_dataset_load_data (text, strlen (text), "saved.weft", NULL, &error);
  g_assert_no_error (error);
  text_again = saved (again);
  g_assert_cmpstr (text, ==, text_again);
}

/* Counts the "changed" signals and keeps the last change. */
typedef struct {
  guint              n;
  WeftDatasetChange *last;
} Changes;

static void
on_changed (WeftDataset       *dataset,
            WeftDatasetChange *change,
            Changes           *changes)
{
  changes->n++;
  g_clear_pointer (&changes->last, weft_dataset_change_unref);
  changes->last = weft_dataset_change_ref (change);
}

static void
changes_clear (Changes *changes)
{
  g_clear_pointer (&changes->last, weft_dataset_change_unref);
}

static WeftEdit *
begin (WeftDataset *dataset,
       const char  *label)
{
  WeftEdit *edit = weft_edit_new (dataset, label);

  weft_edit_set_author (edit, "Ada");
  weft_edit_set_time (edit, TIME);
  return edit;
}

/* Commits @edit, then checks that undoing it gives @before to the byte,
 * and that redoing it gives what the commit gave. */
static void
commit_and_check_inverse (WeftEdit   *edit,
                          const char *before)
{
  WeftDataset *dataset = weft_edit_get_dataset (edit);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_true (weft_edit_commit (edit, &error));
  g_assert_no_error (error);
  assert_valid (dataset);
  after = saved (dataset);
  g_assert_cmpstr (after, !=, before);

  weft_edit_undo (edit);
  assert_valid (dataset);
  undone = saved (dataset);
  g_assert_cmpstr (undone, ==, before);

  weft_edit_redo (edit);
  assert_valid (dataset);
  redone = saved (dataset);
  g_assert_cmpstr (redone, ==, after);
}

/* ---- Members ------------------------------------------------------------ */

static void
test_history_round_trip (void)
{
  const char *text =
    "{\"weft\": 1, \"title\": \"T\", \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\", "
    "\"history\": [{\"at\": \"2024-05-01T09:30:00Z\", \"by\": \"Ada\", \"action\": \"created\"}, "
    "{\"at\": \"2024-05-02T10:00:00Z\", \"by\": \"Bo\", \"action\": \"changed\", \"fields\": [\"name\"], "
    "\"note\": \"typo\"}]}]}";
  g_autoptr(WeftDataset) dataset = weft_test_load_text (text, "history.weft");
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new ("bad.weft");
  g_autoptr(WeftDataset) bad = NULL;
  g_autoptr(GError) error = NULL;
  WeftEntity *a = weft_dataset_lookup_entity (dataset, "a");
  const WeftHistoryEntry *h;
  guint n;

  h = weft_item_get_history (&a->item, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (h[0].at, ==, "2024-05-01T09:30:00Z");
  g_assert_cmpint (h[0].action, ==, WEFT_HISTORY_CREATED);
  g_assert_null (h[0].fields);
  g_assert_cmpstr (h[1].by, ==, "Bo");
  g_assert_cmpint (h[1].action, ==, WEFT_HISTORY_CHANGED);
  g_assert_cmpstr (h[1].fields[0], ==, "name");
  g_assert_cmpstr (h[1].note, ==, "typo");
  assert_valid (dataset);

  /* An action that is not one of the four is an error where it is. */
  text = "{\"weft\": 1, \"title\": \"T\", \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\", "
         "\"history\": [{\"at\": \"x\", \"by\": \"y\", \"action\": \"eaten\"}]}]}";
  bad = weft_dataset_load_data (text, strlen (text), "bad.weft", diagnostics, &error);
  g_assert_null (bad);
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
  g_assert_cmpstr (weft_diagnostics_get (diagnostics, 0)->path, ==, "entities[0].history[0].action");
}

static void
test_set_each_kind (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("network.weft");
  WeftItem *a = weft_dataset_lookup (dataset, "a");
  WeftItem *v1 = weft_dataset_lookup (dataset, "v1");
  WeftItem *k1 = weft_dataset_lookup (dataset, "k1");
  WeftItem *s1 = weft_dataset_lookup (dataset, "s1");
  const char *aliases[] = { "A", "Alfa", NULL };
  WeftParticipant participants[] = { { "b", "host", NULL }, { "c", NULL, NULL } };
  WeftCitation citations[] = { { "s2", "a new quote", "p. 9", NULL } };
  struct {
    WeftItem   *item;
    const char *member;
    const char *value;
  } sets[] = {
    { a, "name", "Alpha Corporation" },         /* a required string */
    { a, "description", "A maker of cameras" }, /* an optional one, added */
    { a, "country", NULL },                     /* … and taken away */
    { a, "kind", "organization" },              /* an enum */
    { v1, "date", "2009-03~" },                 /* a date, which moves the event */
    { k1, "date", "2020" },                     /* an optional date */
    { k1, "claimant", "b" },                    /* a reference */
    { s1, "cited_by", "s2" },
    { NULL, "title", "A network, edited" },     /* the dataset's own */
    { NULL, "language", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autofree char *before = saved (dataset);
      g_autoptr(WeftEdit) edit = begin (dataset, "set");
      g_autoptr(GError) error = NULL;

      g_assert_true (weft_edit_set (edit, sets[i].item, sets[i].member, sets[i].value, &error));
      g_assert_no_error (error);
      commit_and_check_inverse (edit, before);
    }

  {
    g_autofree char *before = saved (dataset);
    g_autoptr(WeftEdit) edit = begin (dataset, "lists");

    g_assert_true (weft_edit_set_list (edit, a, "aliases", aliases, NULL));
    g_assert_true (weft_edit_set_list (edit, a, "tags", NULL, NULL));
    g_assert_true (weft_edit_set_participants (edit, (WeftEvent *) v1, participants, 2, NULL));
    g_assert_true (weft_edit_set_citations (edit, (WeftClaim *) k1, citations, 1, NULL));
    commit_and_check_inverse (edit, before);
    g_assert_cmpstr (((WeftEntity *) a)->aliases[1], ==, "Alfa");
    g_assert_cmpuint (((WeftEvent *) v1)->n_participants, ==, 2);
    g_assert_cmpstr (((WeftClaim *) k1)->citations[0].quote, ==, "a new quote");
  }

  {
    /* Any member, from a struct of the item's type. */
    g_autofree char *before = saved (dataset);
    g_autoptr(WeftEdit) edit = begin (dataset, "copy");

    g_assert_true (weft_edit_copy_member (edit, k1, "about", weft_dataset_lookup (dataset, "k3"), NULL));
    g_assert_true (weft_edit_copy_member (edit, v1, "date", weft_dataset_lookup (dataset, "v3"), NULL));
    commit_and_check_inverse (edit, before);
  }
}

static void
test_refusals (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("network.weft");
  g_autofree char *before = saved (dataset);
  g_autoptr(WeftEdit) edit = begin (dataset, "wrong");
  WeftItem *a = weft_dataset_lookup (dataset, "a");
  WeftItem *k1 = weft_dataset_lookup (dataset, "k1");
  WeftItem *v1 = weft_dataset_lookup (dataset, "v1");
  const char *about[] = { "a", "nobody", NULL };
  WeftParticipant wrong[] = { { "k1", NULL, NULL } };
  struct {
    WeftItem   *item;
    const char *member;
    const char *value;
    gint        code;
  } sets[] = {
    { k1, "claimant", "nobody", WEFT_ERROR_NOT_FOUND },
    { k1, "claimant", "v1", WEFT_ERROR_INVALID },     /* an event, not an entity */
    { v1, "date", "sometime", WEFT_ERROR_DATE },
    { v1, "date", NULL, WEFT_ERROR_INVALID },         /* required */
    { a, "kind", "alien", WEFT_ERROR_INVALID },
    { a, "aliases", "A", WEFT_ERROR_INVALID },        /* a list, not a string */
    { a, "history", "x", WEFT_ERROR_INVALID },        /* written by commits */
    { a, "nonsense", "x", WEFT_ERROR_INVALID },
    { a, "id", "b", WEFT_ERROR_INVALID },             /* taken */
    { a, "id", "", WEFT_ERROR_INVALID },
    { NULL, "weft", "2", WEFT_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (weft_edit_set (edit, sets[i].item, sets[i].member, sets[i].value, &error));
      g_assert_error (error, WEFT_ERROR, sets[i].code);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (weft_edit_set_list (edit, k1, "about", about, &error));
    g_assert_error (error, WEFT_ERROR, WEFT_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (weft_edit_set_participants (edit, (WeftEvent *) v1, wrong, 1, &error));
    g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (weft_edit_create (edit, WEFT_ITEM_ENTITY, "a", &error));
    g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (weft_edit_merge (edit, (WeftEntity *) a, (WeftEntity *) a, &error));
    g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
  }

  /* Nothing changed: the edit is empty and commits without a signal. */
  g_assert_true (weft_edit_is_empty (edit));
  g_assert_true (weft_edit_commit (edit, NULL));
  {
    g_autofree char *after = saved (dataset);

    g_assert_cmpstr (after, ==, before);
  }
}

/* ---- Creating ----------------------------------------------------------- */

static void
test_create_each_kind (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("network.weft");
  g_autofree char *before = saved (dataset);
  g_autoptr(WeftEdit) edit = begin (dataset, "create");
  g_autoptr(GError) error = NULL;
  const char *about[] = { "ent", NULL };
  const char *claims[] = { "cl", NULL };
  WeftCitation citation = { "src", "“Exactly this”", NULL, NULL };
  WeftParticipant participant = { "ent", "subject", NULL };
  WeftItem *src, *ent, *ev, *cl, *rel, *era;
  guint n;

  src = weft_edit_create (edit, WEFT_ITEM_SOURCE, "src", &error);
  g_assert_no_error (error);
  ent = weft_edit_create (edit, WEFT_ITEM_ENTITY, "ent", NULL);
  ev = weft_edit_create (edit, WEFT_ITEM_EVENT, "ev", NULL);
  cl = weft_edit_create (edit, WEFT_ITEM_CLAIM, "cl", NULL);
  rel = weft_edit_create (edit, WEFT_ITEM_RELATION, "rel", NULL);
  era = weft_edit_create (edit, WEFT_ITEM_ERA, NULL, NULL);
  g_assert_cmpstr (era->id, ==, "era");

  g_assert_true (weft_edit_set (edit, src, "title", "A source", NULL));
  g_assert_true (weft_edit_set (edit, src, "url", "https://example.org/", NULL));
  g_assert_true (weft_edit_set (edit, ent, "name", "An entity", NULL));
  g_assert_true (weft_edit_set (edit, ev, "title", "An event", NULL));
  g_assert_true (weft_edit_set (edit, ev, "date", "2022-02", NULL));
  g_assert_true (weft_edit_set_participants (edit, (WeftEvent *) ev, &participant, 1, NULL));
  g_assert_true (weft_edit_set_list (edit, ev, "claims", claims, NULL));
  g_assert_true (weft_edit_set (edit, cl, "text", "A claim", NULL));
  g_assert_true (weft_edit_set_list (edit, cl, "about", about, NULL));
  g_assert_true (weft_edit_set_citations (edit, (WeftClaim *) cl, &citation, 1, NULL));
  g_assert_true (weft_edit_set (edit, rel, "from", "ent", NULL));
  g_assert_true (weft_edit_set (edit, rel, "to", "a", NULL));
  g_assert_true (weft_edit_set (edit, rel, "type", "knows", NULL));
  g_assert_true (weft_edit_set (edit, era, "date", "2020/2022", NULL));
  commit_and_check_inverse (edit, before);

  /* In the indexes, and each with its history. */
  g_assert_true (weft_dataset_lookup (dataset, "ent") == ent);
  g_assert_true (weft_dataset_get_entity_events (dataset, (WeftEntity *) ent, &n)[0] == (WeftEvent *) ev);
  g_assert_true (weft_dataset_get_entity_claims (dataset, (WeftEntity *) ent, &n)[0] == (WeftClaim *) cl);
  g_assert_true (weft_dataset_get_entity_relations (dataset, (WeftEntity *) ent, &n)[0] == (WeftRelation *) rel);
  g_assert_true (weft_dataset_get_claim_events (dataset, (WeftClaim *) cl, &n)[0] == (WeftEvent *) ev);
  g_assert_cmpuint (ev->n_history, ==, 1);
  g_assert_cmpint (ev->history[0].action, ==, WEFT_HISTORY_CREATED);
  g_assert_cmpstr (ev->history[0].at, ==, "2024-05-01T09:30:00Z");
  g_assert_cmpstr (ev->history[0].by, ==, "Ada");
  g_assert_null (ev->history[0].fields);
}

static void
test_create_incomplete (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("network.weft");
  g_autofree char *before = saved (dataset);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  WeftEdit *edit;

  /* An event needs a date; a relation, its ends. */
  edit = begin (dataset, "event");
  g_assert_nonnull (weft_edit_create (edit, WEFT_ITEM_EVENT, "ev", NULL));
  g_assert_false (weft_edit_commit (edit, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "date"));
  g_assert_cmpint (weft_edit_get_state (edit), ==, WEFT_EDIT_CANCELLED);
  weft_edit_unref (edit);
  g_clear_error (&error);

  edit = begin (dataset, "relation");
  g_assert_nonnull (weft_edit_create (edit, WEFT_ITEM_RELATION, "rel", NULL));
  g_assert_false (weft_edit_commit (edit, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
  weft_edit_unref (edit);

  assert_valid (dataset);
  after = saved (dataset);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (weft_dataset_lookup (dataset, "ev"));
}

/* ---- Deleting, merging, renaming ---------------------------------------- */

static void
assert_references (WeftDataset *dataset,
                   const char  *id,
                   const char  *expected)
{
  g_autoptr(GArray) refs = weft_dataset_dup_references (dataset, weft_dataset_lookup (dataset, id));
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < refs->len; i++)
    {
      const WeftReference *r = &g_array_index (refs, WeftReference, i);

      g_string_append_printf (got, "%s%s.%s", i ? " " : "", r->item->id, r->member);
    }
  g_assert_cmpstr (got->str, ==, expected);
}

static void
test_references (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("network.weft");

  assert_references (dataset, "b", "v2.participants k1.about k2.claimant r1.to r3.from");
  assert_references (dataset, "c", "v2.participants k2.about k3.about r2.from");
  assert_references (dataset, "s1", "s2.cited_by k1.citations k2.citations");
  assert_references (dataset, "k2", "v2.claims");
  assert_references (dataset, "v1", "r3.to");
  assert_references (dataset, "v2", "k2.about");
  assert_references (dataset, "era1", "");
}

static void
test_delete (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("network.weft");
  g_autofree char *before = saved (dataset);
  g_autoptr(WeftEdit) edit = begin (dataset, "delete");
  g_autoptr(GError) error = NULL;
  WeftItem *b = weft_dataset_lookup (dataset, "b");
  WeftEvent *v2 = (WeftEvent *) weft_dataset_lookup (dataset, "v2");
  WeftClaim *k1 = (WeftClaim *) weft_dataset_lookup (dataset, "k1");
  WeftClaim *k2 = (WeftClaim *) weft_dataset_lookup (dataset, "k2");

  /* Refused while referred to, saying by what. */
  g_assert_false (weft_edit_delete (edit, b, WEFT_DELETE_REFUSE, &error));
  g_assert_error (error, WEFT_ERROR, WEFT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "5 items"));
  g_assert_nonnull (strstr (error->message, "“v2”"));
  g_assert_true (weft_edit_is_empty (edit));

  /* With its references: the participant goes, "about" and "claimant"
   * lose it, and the relations that end at it go. */
  g_assert_true (weft_edit_delete (edit, b, WEFT_DELETE_REFERENCES, NULL));
  g_assert_null (weft_dataset_lookup (dataset, "b"));
  g_assert_null (weft_dataset_lookup (dataset, "r1"));
  g_assert_null (weft_dataset_lookup (dataset, "r3"));
  g_assert_cmpuint (v2->n_participants, ==, 1);
  g_assert_cmpstr (v2->participants[0].entity, ==, "c");
  g_assert_cmpstr (k1->about[0], ==, "a");
  g_assert_null (k1->about[1]);
  g_assert_null (k2->claimant);
  commit_and_check_inverse (edit, before);

  /* The others got a "changed" entry naming the member they lost. */
  g_assert_cmpuint (k2->item.n_history, ==, 1);
  g_assert_cmpstr (k2->item.history[0].fields[0], ==, "claimant");
  g_assert_null (k2->item.history[0].fields[1]);
}

static void
test_delete_each_kind (void)
{
  const char *ids[] = { "s1", "a", "v1", "k2", "r2", "era1", "c", "s2" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("network.weft");
      g_autofree char *before = saved (dataset);
      g_autoptr(WeftEdit) edit = begin (dataset, "delete");

      g_assert_true (weft_edit_delete (edit, weft_dataset_lookup (dataset, ids[i]), WEFT_DELETE_REFERENCES, NULL));
      g_assert_null (weft_dataset_lookup (dataset, ids[i]));
      commit_and_check_inverse (edit, before);
    }
}

static void
test_merge (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("network.weft");
  g_autofree char *before = saved (dataset);
  g_autoptr(WeftEdit) edit = begin (dataset, "merge");
  WeftEntity *c = weft_dataset_lookup_entity (dataset, "c");
  WeftEntity *b = weft_dataset_lookup_entity (dataset, "b");
  WeftEvent *v2 = (WeftEvent *) weft_dataset_lookup (dataset, "v2");
  WeftClaim *k2 = (WeftClaim *) weft_dataset_lookup (dataset, "k2");
  guint n;

  /* Gamma merged into Beta Ministry: v2 had both; k2 is by b about c. */
  g_assert_true (weft_edit_merge (edit, b, c, NULL));
  commit_and_check_inverse (edit, before);

  g_assert_null (weft_dataset_lookup (dataset, "c"));
  g_assert_cmpstr (b->aliases[0], ==, "Gamma");
  g_assert_null (b->aliases[1]);
  g_assert_cmpuint (v2->n_participants, ==, 2);      /* roles differ */
  g_assert_cmpstr (v2->participants[1].entity, ==, "b");
  g_assert_cmpstr (k2->about[0], ==, "b");
  g_assert_cmpstr (k2->about[1], ==, "v2");
  g_assert_cmpstr (((WeftRelation *) weft_dataset_lookup (dataset, "r2"))->from, ==, "b");
  weft_dataset_get_entity_relations (dataset, b, &n);
  g_assert_cmpuint (n, ==, 3);

  g_assert_cmpuint (b->item.n_history, ==, 1);
  g_assert_cmpint (b->item.history[0].action, ==, WEFT_HISTORY_MERGED);
  g_assert_cmpstr (b->item.history[0].note, ==, "merged “Gamma” (c)");
  g_assert_cmpstr (b->item.history[0].fields[0], ==, "aliases");
}

static void
test_rename_id (void)
{
  const char *text =
    "{\"weft\": 1, \"title\": \"T\", \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"}],"
    " \"claims\": [{\"id\": \"k\", \"text\": \"about itself\", \"status\": \"opinion\", \"about\": [\"k\", \"a\"],"
    " \"claimant\": \"a\", \"citations\": []}]}";
  g_autoptr(WeftDataset) dataset = weft_test_load_text (text, "self.weft");
  g_autoptr(WeftDataset) network = weft_test_load_fixture ("network.weft");
  WeftClaim *k = (WeftClaim *) weft_dataset_lookup (dataset, "k");

  {
    g_autofree char *before = saved (dataset);
    g_autoptr(WeftEdit) edit = begin (dataset, "rename");

    g_assert_true (weft_edit_set (edit, &k->item, "id", "k-new", NULL));
    g_assert_true (weft_edit_set (edit, weft_dataset_lookup (dataset, "a"), "id", "a-new", NULL));
    commit_and_check_inverse (edit, before);
    g_assert_cmpstr (k->about[0], ==, "k-new");
    g_assert_cmpstr (k->about[1], ==, "a-new");
    g_assert_cmpstr (k->claimant, ==, "a-new");
  }

  {
    g_autofree char *before = saved (network);
    g_autoptr(WeftEdit) edit = begin (network, "rename");

    g_assert_true (weft_edit_set (edit, weft_dataset_lookup (network, "b"), "id", "beta", NULL));
    g_assert_true (weft_edit_set (edit, weft_dataset_lookup (network, "s1"), "id", "report", NULL));
    g_assert_true (weft_edit_set (edit, weft_dataset_lookup (network, "k2"), "id", "met", NULL));
    commit_and_check_inverse (edit, before);
    assert_references (network, "beta", "v2.participants k1.about met.claimant r1.to r3.from");
    assert_references (network, "report", "s2.cited_by k1.citations met.citations");
  }
}

/* ---- History, the signal, the stack ------------------------------------- */

static void
test_history_entries (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("network.weft");
  WeftItem *a = weft_dataset_lookup (dataset, "a");

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(WeftEdit) edit = begin (dataset, "rename");

      weft_edit_set_author (edit, i == 0 ? "Ada" : "Bo");
      weft_edit_set_time (edit, TIME + 60 * i);
      g_assert_true (weft_edit_set (edit, a, "name", i == 0 ? "A1" : "A2", NULL));
      g_assert_true (weft_edit_set (edit, a, "country", "FR", NULL));
      if (i == 1)
        weft_edit_set_note (edit, a, "from the 2021 report");
      g_assert_true (weft_edit_commit (edit, NULL));
    }

  g_assert_cmpuint (a->n_history, ==, 2);
  g_assert_cmpstr (a->history[0].at, ==, "2024-05-01T09:30:00Z");
  g_assert_cmpstr (a->history[0].by, ==, "Ada");
  g_assert_cmpint (a->history[0].action, ==, WEFT_HISTORY_CHANGED);
  g_assert_cmpstr (a->history[0].fields[0], ==, "name");
  g_assert_cmpstr (a->history[0].fields[1], ==, "country");
  g_assert_null (a->history[0].fields[2]);
  g_assert_null (a->history[0].note);
  g_assert_cmpstr (a->history[1].at, ==, "2024-05-01T09:31:00Z");
  g_assert_cmpstr (a->history[1].by, ==, "Bo");
  g_assert_null (a->history[1].fields[1]);     /* the country did not change */
  g_assert_cmpstr (a->history[1].note, ==, "from the 2021 report");
  assert_valid (dataset);

  /* The default author is the user's name. */
  {
    g_autoptr(WeftEdit) edit = weft_edit_new (dataset, "x");

    g_assert_cmpstr (weft_edit_get_author (edit), ==, weft_history_default_author ());
    weft_edit_cancel (edit);
  }
}

static void
test_changed_signal (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("network.weft");
  g_autoptr(WeftUndoStack) stack = weft_undo_stack_new (dataset);
  WeftItem *a = weft_dataset_lookup (dataset, "a");
  Changes changes = { 0 };
  const WeftItemChange *items;
  WeftEdit *edit;
  guint n;

  g_signal_connect (dataset, "changed", G_CALLBACK (on_changed), &changes);

  /* A rename says it was a name (and the history), nothing else. */
  edit = weft_undo_stack_begin (stack, "Rename");
  g_assert_true (weft_edit_set (edit, a, "name", "Alpha", NULL));
  g_assert_cmpuint (changes.n, ==, 0);
  g_assert_true (weft_undo_stack_commit (stack, edit, NULL));
  weft_edit_unref (edit);
  g_assert_cmpuint (changes.n, ==, 1);
  items = weft_dataset_change_get_items (changes.last, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (items[0].item == a);
  g_assert_cmpint (items[0].kind, ==, WEFT_CHANGE_CHANGED);
  g_assert_true (weft_item_change_has_member (&items[0], "name"));
  g_assert_true (weft_item_change_has_member (&items[0], "history"));
  g_assert_false (weft_item_change_has_member (&items[0], "kind"));
  g_assert_false (weft_dataset_change_touches_links (changes.last));
  g_assert_false (weft_dataset_change_moves_items (changes.last));
  g_assert_true (weft_dataset_change_has_member (changes.last, WEFT_ITEM_ENTITY, "name"));
  g_assert_false (weft_dataset_change_has_member (changes.last, WEFT_ITEM_EVENT, "name"));

  /* A deletion, in one signal for everything it took. */
  edit = weft_undo_stack_begin (stack, "Delete");
  g_assert_true (weft_edit_delete (edit, weft_dataset_lookup (dataset, "d"), WEFT_DELETE_REFERENCES, NULL));
  g_assert_true (weft_undo_stack_commit (stack, edit, NULL));
  weft_edit_unref (edit);
  g_assert_cmpuint (changes.n, ==, 2);
  g_assert_true (weft_dataset_change_touches_links (changes.last));
  g_assert_true (weft_dataset_change_moves_items (changes.last));
  items = weft_dataset_change_get_items (changes.last, &n);
  g_assert_cmpuint (n, ==, 4);    /* v3 and k3 changed, r2 and d removed */
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (items[i].kind, ==, g_str_equal (items[i].item->id, "r2") || g_str_equal (items[i].item->id, "d")
                                        ? WEFT_CHANGE_REMOVED : WEFT_CHANGE_CHANGED);

  /* Undo says the opposite. */
  g_assert_true (weft_undo_stack_undo (stack));
  g_assert_cmpuint (changes.n, ==, 3);
  items = weft_dataset_change_get_items (changes.last, &n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (items[i].item->id, "d"))
      g_assert_cmpint (items[i].kind, ==, WEFT_CHANGE_ADDED);

  /* The title is the header's. */
  edit = weft_undo_stack_begin (stack, "Title");
  g_assert_true (weft_edit_set (edit, NULL, "title", "New", NULL));
  g_assert_true (weft_undo_stack_commit (stack, edit, NULL));
  weft_edit_unref (edit);
  g_assert_cmpuint (weft_dataset_change_get_header (changes.last), ==,
                    1u << (weft_member_lookup (&weft_file_members, "title") - weft_file_members.members));
  weft_dataset_change_get_items (changes.last, &n);
  g_assert_cmpuint (n, ==, 0);

  changes_clear (&changes);
}

static void
notify_count (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_undo_stack (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("network.weft");
  g_autoptr(WeftUndoStack) stack = weft_undo_stack_new (dataset);
  g_autofree char *original = saved (dataset);
  guint modified_notes = 0;
  WeftItem *a = weft_dataset_lookup (dataset, "a");

  g_signal_connect (stack, "notify::modified", G_CALLBACK (notify_count), &modified_notes);
  g_assert_false (weft_undo_stack_can_undo (stack));
  g_assert_false (weft_undo_stack_get_modified (stack));
  weft_undo_stack_set_author (stack, "Ada");

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(WeftEdit) edit = weft_undo_stack_begin (stack, i == 0 ? "one" : i == 1 ? "two" : "three");
      g_autofree char *name = g_strdup_printf ("A%u", i);

      g_assert_cmpstr (weft_edit_get_author (edit), ==, "Ada");
      g_assert_true (weft_edit_set (edit, a, "name", name, NULL));
      g_assert_true (weft_undo_stack_commit (stack, edit, NULL));
    }
  g_assert_cmpuint (modified_notes, ==, 1);
  g_assert_true (weft_undo_stack_get_modified (stack));
  g_assert_cmpstr (weft_undo_stack_get_undo_label (stack), ==, "three");
  g_assert_null (weft_undo_stack_get_redo_label (stack));

  /* An empty edit is not kept. */
  {
    g_autoptr(WeftEdit) edit = weft_undo_stack_begin (stack, "nothing");

    g_assert_true (weft_edit_set (edit, a, "name", "A2", NULL));
    g_assert_true (weft_undo_stack_commit (stack, edit, NULL));
    g_assert_cmpuint (weft_undo_stack_get_length (stack), ==, 3);
  }

  weft_undo_stack_set_saved (stack);
  g_assert_false (weft_undo_stack_get_modified (stack));
  g_assert_true (weft_undo_stack_undo (stack));
  g_assert_true (weft_undo_stack_get_modified (stack));
  g_assert_cmpstr (weft_undo_stack_get_redo_label (stack), ==, "three");
  g_assert_true (weft_undo_stack_redo (stack));
  g_assert_false (weft_undo_stack_get_modified (stack));

  while (weft_undo_stack_undo (stack))
    ;
  g_assert_false (weft_undo_stack_undo (stack));
  {
    g_autofree char *text = saved (dataset);

    g_assert_cmpstr (text, ==, original);
  }

  /* A new edit drops what could be redone, and the saved state with it. */
  {
    g_autoptr(WeftEdit) edit = weft_undo_stack_begin (stack, "other");

    g_assert_true (weft_edit_set (edit, a, "name", "Other", NULL));
    g_assert_true (weft_undo_stack_commit (stack, edit, NULL));
  }
  g_assert_cmpuint (weft_undo_stack_get_length (stack), ==, 1);
  g_assert_false (weft_undo_stack_can_redo (stack));
  g_assert_true (weft_undo_stack_get_modified (stack));
  g_assert_true (weft_undo_stack_undo (stack));
  g_assert_true (weft_undo_stack_get_modified (stack));
}

/* ---- Saving ------------------------------------------------------------- */

/* The line of @lines holding "id" : "@id", and the next line holding an
 * "id" (the next item's), in *@first and *@next. */
static void
find_item_lines (char       **lines,
                 const char  *id,
                 guint       *first,
                 guint       *next)
{
  g_autofree char *own = g_strdup_printf ("\"id\" : \"%s\"", id);
  guint n = g_strv_length (lines);

  for (*first = 0; *first < n && strstr (lines[*first], own) == NULL; (*first)++)
    ;
  g_assert_cmpuint (*first, <, n);
  for (*next = *first + 1; *next < n && strstr (lines[*next], "\"id\" : ") == NULL; (*next)++)
    ;
}

/* Whether the lines of @a and @b differ only inside the item @id: after
 * the lines they share at both ends, what is left is between its "id"
 * and the next item's, in both. */
static void
assert_only_item_lines (const char *a,
                        const char *b,
                        const char *id)
{
  g_auto(GStrv) x = g_strsplit (a, "\n", -1);
  g_auto(GStrv) y = g_strsplit (b, "\n", -1);
  guint nx = g_strv_length (x), ny = g_strv_length (y);
  guint head = 0, tail = 0, first, next;

  while (head < nx && head < ny && g_str_equal (x[head], y[head]))
    head++;
  while (tail < nx - head && tail < ny - head && g_str_equal (x[nx - 1 - tail], y[ny - 1 - tail]))
    tail++;
  g_assert_cmpuint (head, <, ny);

  find_item_lines (x, id, &first, &next);
  g_assert_cmpuint (head, >, first);
  g_assert_cmpuint (nx - tail, <, next);
  find_item_lines (y, id, &first, &next);
  g_assert_cmpuint (head, >, first);
  g_assert_cmpuint (ny - tail, <, next);
}

static void
test_saved_lines (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_example ();
  g_autofree char *before = saved (dataset);
  WeftEntity *huawei = weft_dataset_lookup_entity (dataset, "ent-huawei");
  WeftItem *event = g_ptr_array_index (weft_dataset_get_events (dataset), 3);
  WeftEdit *edit;

  /* A new name, then a new date (which moves the event on the timeline,
   * not in the file). */
  edit = begin (dataset, "rename");
  g_assert_true (weft_edit_set (edit, &huawei->item, "name", "Huawei (renamed)", NULL));
  g_assert_true (weft_edit_commit (edit, NULL));
  weft_edit_unref (edit);
  {
    g_autofree char *after = saved (dataset);

    assert_only_item_lines (before, after, "ent-huawei");
    g_free (before);
    before = g_steal_pointer (&after);
  }

  edit = begin (dataset, "date");
  g_assert_true (weft_edit_set (edit, event, "date", "1999-12-31", NULL));
  g_assert_true (weft_edit_commit (edit, NULL));
  weft_edit_unref (edit);
  {
    g_autofree char *after = saved (dataset);

    assert_only_item_lines (before, after, event->id);
  }
}

/* ---- Unsourced claims --------------------------------------------------- */

static void
test_unsourced (void)
{
  g_autoptr(WeftDataset) dataset = weft_test_load_fixture ("network.weft");
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (NULL);
  g_autoptr(WeftEdit) edit = begin (dataset, "claim");
  g_autoptr(GPtrArray) unsourced = NULL;
  const char *about[] = { "a", NULL };
  WeftItem *claim;

  g_assert_cmpuint (weft_dataset_check (dataset, diagnostics), ==, 0);

  /* A claim without a citation can be made and saved. */
  claim = weft_edit_create (edit, WEFT_ITEM_CLAIM, "k5", NULL);
  g_assert_true (weft_edit_set (edit, claim, "text", "Alpha is big", NULL));
  g_assert_true (weft_edit_set_list (edit, claim, "about", about, NULL));
  g_assert_true (weft_edit_commit (edit, NULL));
  assert_valid (dataset);

  g_assert_true (weft_claim_is_unsourced ((WeftClaim *) claim));
  g_assert_false (weft_claim_is_unsourced ((WeftClaim *) weft_dataset_lookup (dataset, "k1")));
  unsourced = weft_dataset_dup_unsourced_claims (dataset);
  g_assert_cmpuint (unsourced->len, ==, 1);
  g_assert_true (g_ptr_array_index (unsourced, 0) == claim);
  g_assert_cmpuint (weft_dataset_check (dataset, diagnostics), ==, 1);
  g_assert_cmpint (weft_diagnostics_get (diagnostics, 0)->severity, ==, WEFT_SEVERITY_WARNING);
  g_assert_cmpstr (weft_diagnostics_get (diagnostics, 0)->path, ==, "claims[4].citations");
}

/* ---- Random edits ------------------------------------------------------- */

static guint
rand_below (gpointer data,
            guint    bound)
{
  return g_rand_int_range (data, 0, bound);
}

static void
random_edits (WeftDataset *dataset,
              guint32      seed,
              guint        n_edits)
{
  g_autoptr(WeftUndoStack) stack = weft_undo_stack_new (dataset);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  WeftRandom r = { rand_below, rand };
  g_autofree char *original = saved (dataset);
  g_autofree char *edited = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_edits; i++)
    {
      weft_random_edit (&r, stack, TIME + i);
      if (!weft_dataset_verify (dataset, &error))
        g_error ("seed %u, edit %u: %s", seed, i, error->message);
    }
  assert_valid (dataset);
  g_test_message ("seed %u: %u edits kept, %u items", seed, weft_undo_stack_get_length (stack),
                  weft_dataset_get_entities (dataset)->len + weft_dataset_get_events (dataset)->len +
                  weft_dataset_get_claims (dataset)->len + weft_dataset_get_relations (dataset)->len);

  /* Everything undone: the original, to the byte. */
  while (weft_undo_stack_redo (stack))
    ;
  edited = saved (dataset);
  while (weft_undo_stack_undo (stack))
    g_assert_true (weft_dataset_verify (dataset, NULL));
  {
    g_autofree char *text = saved (dataset);

    g_assert_cmpstr (text, ==, original);
  }

  /* Everything redone: the edited dataset, to the byte. */
  while (weft_undo_stack_redo (stack))
    g_assert_true (weft_dataset_verify (dataset, NULL));
  {
    g_autofree char *text = saved (dataset);

    g_assert_cmpstr (text, ==, edited);
  }
}

static void
test_random (void)
{
  for (guint32 seed = 1; seed <= 40; seed++)
    {
      g_autoptr(WeftDataset) network = weft_test_load_fixture ("network.weft");

      random_edits (network, seed, 60);
    }
  for (guint32 seed = 100; seed < 104; seed++)
    {
      g_autoptr(WeftDataset) example = weft_test_load_example ();

      random_edits (example, seed, 150);
    }
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/edit/history-round-trip", test_history_round_trip);
  g_test_add_func ("/weft/edit/set-each-kind", test_set_each_kind);
  g_test_add_func ("/weft/edit/refusals", test_refusals);
  g_test_add_func ("/weft/edit/create-each-kind", test_create_each_kind);
  g_test_add_func ("/weft/edit/create-incomplete", test_create_incomplete);
  g_test_add_func ("/weft/edit/references", test_references);
  g_test_add_func ("/weft/edit/delete", test_delete);
  g_test_add_func ("/weft/edit/delete-each-kind", test_delete_each_kind);
  g_test_add_func ("/weft/edit/merge", test_merge);
  g_test_add_func ("/weft/edit/rename-id", test_rename_id);
  g_test_add_func ("/weft/edit/history-entries", test_history_entries);
  g_test_add_func ("/weft/edit/changed-signal", test_changed_signal);
  g_test_add_func ("/weft/edit/undo-stack", test_undo_stack);
  g_test_add_func ("/weft/edit/saved-lines", test_saved_lines);
  g_test_add_func ("/weft/edit/unsourced", test_unsourced);
  g_test_add_func ("/weft/edit/random", test_random);

  return weft_test_run ();
}
