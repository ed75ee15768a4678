/* test-query.c: neighbourhoods, windows, paths, search and the session
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"


#include "weft-query.h"
#include "weft-session.h"
#include "weft-test.h"

static char *
ids (GPtrArray *items)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, ((WeftItem *) g_ptr_array_index (items, i))->id);
    }
  return g_string_free (s, FALSE);
}

static char *
hops (GArray *array)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < array->len; i++)
    g_string_append_printf (s, "%s%u", i ? " " : "", g_array_index (array, guint, i));
  return g_string_free (s, FALSE);
}

#define assert_ids(array, expected) \
  G_STMT_START { g_autofree char *got_ = ids (array); g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static void
test_neighbours (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  g_autoptr(GPtrArray) nb = weft_dataset_neighbours (ds, weft_dataset_lookup_entity (ds, "b"));
  g_autoptr(GPtrArray) nc = weft_dataset_neighbours (ds, weft_dataset_lookup_entity (ds, "c"));
  g_autoptr(GPtrArray) ne = weft_dataset_neighbours (ds, weft_dataset_lookup_entity (ds, "e"));

  /* The relation first (a), then the shared event (c); r3 leads to an event. */
  assert_ids (nb, "a c");
  /* c: the relation to d, the event with b. */
  assert_ids (nc, "d b");
  assert_ids (ne, "");
}

static void
test_neighbourhood (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  WeftEntity *a = weft_dataset_lookup_entity (ds, "a");
  g_autoptr(WeftSubgraph) h0 = weft_dataset_neighbourhood (ds, a, 0);
  g_autoptr(WeftSubgraph) h1 = weft_dataset_neighbourhood (ds, a, 1);
  g_autoptr(WeftSubgraph) h2 = weft_dataset_neighbourhood (ds, a, 2);
  g_autoptr(WeftSubgraph) h3 = weft_dataset_neighbourhood (ds, a, 3);
  g_autoptr(WeftSubgraph) h9 = weft_dataset_neighbourhood (ds, a, 9);
  g_autofree char *hops1 = hops (h1->hops);
  g_autofree char *hops3 = hops (h3->hops);

  assert_ids (h0->entities, "a");
  assert_ids (h0->relations, "");
  assert_ids (h0->events, "v1");

  assert_ids (h1->entities, "a b");
  g_assert_cmpstr (hops1, ==, "0 1");
  /* r3 joins b to an event, which is not inside. */
  assert_ids (h1->relations, "r1");
  assert_ids (h1->events, "v2 v1");
  assert_ids (h1->claims, "k1 k2");

  assert_ids (h2->entities, "a b c");
  assert_ids (h3->entities, "a b c d");
  g_assert_cmpstr (hops3, ==, "0 1 2 3");
  assert_ids (h3->relations, "r1 r2");
  assert_ids (h3->claims, "k1 k2 k3");

  /* The island is never reached. */
  assert_ids (h9->entities, "a b c d");
}

static void
test_window (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  g_autoptr(WeftSubgraph) w2019 = weft_dataset_window (ds, weft_days_from_civil (2019, 1, 1),
                                                       weft_days_from_civil (2019, 12, 31));
  g_autoptr(WeftSubgraph) w2021 = weft_dataset_window (ds, weft_days_from_civil (2021, 1, 1),
                                                       weft_days_from_civil (2021, 12, 31));
  g_autoptr(WeftSubgraph) wall = weft_dataset_window (ds, weft_days_from_civil (1990, 1, 1),
                                                      weft_days_from_civil (2030, 1, 1));
  g_autoptr(WeftSubgraph) wnone = weft_dataset_window (ds, weft_days_from_civil (1900, 1, 1),
                                                       weft_days_from_civil (1900, 12, 31));
  g_autoptr(WeftSubgraph) wday = weft_dataset_window (ds, weft_days_from_civil (2019, 6, 1),
                                                      weft_days_from_civil (2019, 6, 1));

  assert_ids (w2019->events, "v2");
  assert_ids (w2019->entities, "b c");
  assert_ids (w2019->relations, "");
  assert_ids (w2019->claims, "k2");

  /* The dated relation r2 brings c and d, and its evidence k3. */
  assert_ids (w2021->events, "v3");
  assert_ids (w2021->entities, "c d");
  assert_ids (w2021->relations, "r2");
  assert_ids (w2021->claims, "k3");

  /* Everything dated; the undated relation between active ends; not the
   * island, which nothing dated involves. */
  assert_ids (wall->events, "v2 v1 v3");
  assert_ids (wall->entities, "a b c d");
  assert_ids (wall->relations, "r1 r2 r3");
  assert_ids (wall->claims, "k1 k2 k3");

  assert_ids (wnone->events, "");
  assert_ids (wnone->entities, "");

  /* A one-day window still overlaps a day-precise event. */
  assert_ids (wday->events, "v2");
}

static void
test_shortest_path (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  WeftEntity *a = weft_dataset_lookup_entity (ds, "a");
  WeftEntity *d = weft_dataset_lookup_entity (ds, "d");
  WeftEntity *e = weft_dataset_lookup_entity (ds, "e");
  g_autoptr(GPtrArray) path = weft_dataset_shortest_path (ds, a, d);
  g_autoptr(GPtrArray) back = weft_dataset_shortest_path (ds, d, a);
  g_autoptr(GPtrArray) self = weft_dataset_shortest_path (ds, a, a);
  const char *expect_via[] = { "r1", "v2", "r2" };
  const char *expect_evidence[] = { "k1", "k2", "k3" };
  const char *expect_to[] = { "b", "c", "d" };

  g_assert_nonnull (path);
  g_assert_cmpuint (path->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      WeftHop *hop = g_ptr_array_index (path, i);

      g_assert_cmpstr (hop->via->id, ==, expect_via[i]);
      g_assert_cmpstr (hop->to->item.id, ==, expect_to[i]);
      g_assert_cmpuint (hop->evidence->len, ==, 1);
      g_assert_cmpstr (((WeftItem *) g_ptr_array_index (hop->evidence, 0))->id, ==, expect_evidence[i]);
      /* Hops chain. */
      if (i > 0)
        g_assert_true (hop->from == ((WeftHop *) g_ptr_array_index (path, i - 1))->to);
    }
  g_assert_true (((WeftHop *) g_ptr_array_index (path, 0))->from == a);

  g_assert_cmpuint (back->len, ==, 3);
  g_assert_cmpuint (self->len, ==, 0);
  g_assert_null (weft_dataset_shortest_path (ds, a, e));
}

static void
test_path_prefers_relations (void)
{
  /* b-c are linked by an event and a claim; c-d by a relation and a claim:
   * the relation wins where both are one hop. */
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  g_autoptr(GPtrArray) path = weft_dataset_shortest_path (ds, weft_dataset_lookup_entity (ds, "c"),
                                                          weft_dataset_lookup_entity (ds, "d"));

  g_assert_cmpuint (path->len, ==, 1);
  g_assert_cmpint (((WeftHop *) g_ptr_array_index (path, 0))->via->type, ==, WEFT_ITEM_RELATION);
}

/* How each entity of a neighbourhood came in, and a focus over relations
 * only. */
static void
test_brought_by (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  WeftEntity *a = weft_dataset_lookup_entity (ds, "a");
  g_autoptr(WeftSubgraph) all = weft_dataset_neighbourhood_with (ds, a, 3, NULL);
  g_autoptr(WeftSubgraph) related = NULL;
  WeftLinkOptions links;
  const struct { const char *id, *from, *via; } expected[] = { { "b", "a", "r1" }, { "c", "b", "v2" }, { "d", "c", "r2" } };

  assert_ids (all->entities, "a b c d");
  g_assert_cmpuint (g_hash_table_size (all->brought_by), ==, G_N_ELEMENTS (expected));
  g_assert_null (g_hash_table_lookup (all->brought_by, a));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const WeftLink *link = g_hash_table_lookup (all->brought_by, weft_dataset_lookup (ds, expected[i].id));

      g_assert_nonnull (link);
      g_assert_cmpstr (link->from->item.id, ==, expected[i].from);
      g_assert_cmpstr (link->via->id, ==, expected[i].via);
    }

  /* Relations only: b is reached, not c (b and c share an event and a
   * claim, no relation). */
  weft_link_options_init (&links);
  links.named_together = FALSE;
  related = weft_dataset_neighbourhood_with (ds, a, 3, &links);
  assert_ids (related->entities, "a b");
}

/* Paths that leave out kinds, statuses, or links of entities named
 * together. */
static void
test_path_options (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  WeftEntity *a = weft_dataset_lookup_entity (ds, "a");
  WeftEntity *c = weft_dataset_lookup_entity (ds, "c");
  WeftEntity *d = weft_dataset_lookup_entity (ds, "d");
  WeftLinkOptions links;
  g_autoptr(GPtrArray) path = NULL;

  /* Everything: a -r1- b -v2- c -r2- d. */
  weft_link_options_init (&links);
  path = weft_dataset_shortest_path_with (ds, a, d, &links);
  g_assert_cmpuint (path->len, ==, 3);
  g_clear_pointer (&path, g_ptr_array_unref);

  /* Not through a person (c), though c may be an end. */
  links.excluded_kinds = 1u << WEFT_ENTITY_PERSON;
  g_assert_null (weft_dataset_shortest_path_with (ds, a, d, &links));
  path = weft_dataset_shortest_path_with (ds, c, d, &links);
  g_assert_cmpuint (path->len, ==, 1);
  g_clear_pointer (&path, g_ptr_array_unref);
  links.excluded_kinds = 1u << WEFT_ENTITY_PLACE;
  path = weft_dataset_shortest_path_with (ds, a, d, &links);
  g_assert_cmpuint (path->len, ==, 3);
  g_clear_pointer (&path, g_ptr_array_unref);

  /* Only links a confirmed claim backs: r1 has an alleged one. */
  weft_link_options_init (&links);
  links.statuses = 1u << WEFT_STATUS_CONFIRMED;
  g_assert_null (weft_dataset_shortest_path_with (ds, a, d, &links));
  path = weft_dataset_shortest_path_with (ds, c, d, &links);
  g_assert_cmpuint (path->len, ==, 1);
  g_clear_pointer (&path, g_ptr_array_unref);
  links.statuses |= (1u << WEFT_STATUS_ALLEGED) | (1u << WEFT_STATUS_REPORTED);
  path = weft_dataset_shortest_path_with (ds, a, d, &links);
  g_assert_cmpuint (path->len, ==, 3);
  g_clear_pointer (&path, g_ptr_array_unref);

  /* Relations only: b and c are not linked. */
  weft_link_options_init (&links);
  links.named_together = FALSE;
  g_assert_null (weft_dataset_shortest_path_with (ds, a, d, &links));
}

/* The session's link options find the path again and reach the focus. */
static void
test_session_links (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  g_autoptr(WeftSession) session = weft_session_new (ds);
  g_autoptr(WeftSubgraph) visible = NULL;
  WeftLinkOptions links = *weft_session_get_link_options (session);

  g_assert_true (links.named_together);
  g_assert_cmpuint (links.excluded_kinds | links.statuses, ==, 0);
  weft_session_set_path (session, weft_dataset_lookup_entity (ds, "a"), weft_dataset_lookup_entity (ds, "d"));
  g_assert_cmpuint (weft_session_get_path (session)->len, ==, 3);

  g_object_set (session, "path-excluded-kinds", 1u << WEFT_ENTITY_PERSON, NULL);
  g_assert_null (weft_session_get_path (session));
  g_assert_true (weft_session_get_path_to (session) == weft_dataset_lookup_entity (ds, "d"));
  g_object_set (session, "path-excluded-kinds", 0u, "path-statuses", 1u << WEFT_STATUS_CONFIRMED, NULL);
  g_assert_null (weft_session_get_path (session));
  g_object_set (session, "path-statuses", 0u, NULL);
  g_assert_cmpuint (weft_session_get_path (session)->len, ==, 3);

  weft_session_set_focus (session, weft_dataset_lookup_entity (ds, "b"));
  visible = weft_session_dup_visible_subgraph (session);
  assert_ids (visible->entities, "b a c");
  g_clear_pointer (&visible, weft_subgraph_free);
  g_object_set (session, "named-together", FALSE, NULL);
  g_assert_null (weft_session_get_path (session));
  visible = weft_session_dup_visible_subgraph (session);
  assert_ids (visible->entities, "b a");
}

typedef struct {
  const char *text;
  const char *expected;   /* ids */
} SearchCase;

/* What weft_dataset_search() finds for each case, and that each item
 * found matches the query on its own (as the sidebar and graph ask). */
static void
assert_searches (WeftDataset      *ds,
                 const SearchCase *cases,
                 guint             n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) found = weft_dataset_search (ds, cases[i].text, 0);
      g_autofree char *got = ids (found);
      g_autofree char *needle = g_strstrip (g_strdup (cases[i].text));

      g_test_message ("search “%s”", cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
      for (guint j = 0; j < found->len; j++)
        g_assert_true (weft_item_matches (g_ptr_array_index (found, j), needle));
    }
}

static void
test_search (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  SearchCase cases[] = {
    { "alpha", "a v1 k1" },
    { "ALPHA corp", "a" },
    { "ålpha", "a" },
    { "ÅLPHA", "a" },
    { "alphaco", "a" },
    { "they met", "k2" },
    { "supplies", "k1 r1" },
    { "located_in", "r2" },
    { "report", "r3 s1" },
    { "early", "era1" },
    { "  delta  ", "d v3 k3" },
    { "", "" },
    { "zzz", "" },
  };

  assert_searches (ds, cases, G_N_ELEMENTS (cases));

  {
    g_autoptr(GPtrArray) limited = weft_dataset_search (ds, "a", 2);
    g_assert_cmpuint (limited->len, ==, 2);
  }
}

/* Each match as "KIND ID FIELD", one a line, in the order given. */
static char *
matches_text (const WeftSearchResults *results)
{
  static const char * const fields[] = { "name", "alias", "title", "description", "text", "quote", "type", "label" };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < results->matches->len; i++)
    {
      const WeftMatch *m = &g_array_index (results->matches, WeftMatch, i);

      g_string_append_printf (s, "%s%s %s %s", i > 0 ? "\n" : "", weft_match_kind_to_string (m->kind),
                              m->item->id, fields[m->field]);
    }
  return g_string_free (s, FALSE);
}

/* Every kind of text, with what matched, grouped by kind with counts. */
static void
test_search_all (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  g_autoptr(WeftSearchResults) alpha = weft_dataset_search_all (ds, " alpha ");
  g_autoptr(WeftSearchResults) blank = weft_dataset_search_all (ds, "  ");
  g_autoptr(WeftSearchResults) quote = weft_dataset_search_all (ds, "said to supply");
  g_autoptr(WeftSearchResults) report = weft_dataset_search_all (ds, "REPORT");
  g_autofree char *got = matches_text (alpha);
  g_autofree char *got_quote = matches_text (quote);
  g_autofree char *got_report = matches_text (report);
  const WeftMatch *m;

  /* The claim by its text, and its quote, a match of its own. */
  g_assert_cmpstr (got, ==, "entity a name\nevent v1 title\nclaim k1 text\ncitation k1 quote");
  g_assert_cmpstr (alpha->query, ==, " alpha ");
  g_assert_cmpuint (alpha->counts[WEFT_MATCH_ENTITY], ==, 1);
  g_assert_cmpuint (alpha->counts[WEFT_MATCH_EVENT], ==, 1);
  g_assert_cmpuint (alpha->counts[WEFT_MATCH_CLAIM], ==, 1);
  g_assert_cmpuint (alpha->counts[WEFT_MATCH_CITATION], ==, 1);
  g_assert_cmpuint (alpha->counts[WEFT_MATCH_RELATION], ==, 0);
  g_assert_cmpuint (alpha->first[WEFT_MATCH_CITATION], ==, 3);
  g_assert_cmpuint (alpha->first[WEFT_MATCH_ERA], ==, 4);
  m = &g_array_index (alpha->matches, WeftMatch, alpha->first[WEFT_MATCH_CITATION]);
  g_assert_cmpstr (m->text, ==, "Alpha is said to supply cameras");
  g_assert_cmpuint (m->citation, ==, 0);
  m = &g_array_index (alpha->matches, WeftMatch, 0);
  g_assert_cmpstr (m->text, ==, "Alpha Corp");

  /* A quote alone: the claim's id, the quote's text. */
  g_assert_cmpstr (got_quote, ==, "citation k1 quote");
  /* A relation's type, a source's title. */
  g_assert_cmpstr (got_report, ==, "relation r3 type\nsource s1 title");

  g_assert_cmpuint (blank->matches->len, ==, 0);
  for (guint k = 0; k < WEFT_N_MATCH_KINDS; k++)
    g_assert_cmpuint (blank->counts[k], ==, 0);
  g_assert_cmpstr (weft_match_kind_to_string (WEFT_MATCH_CITATION), ==, "citation");
  g_assert_cmpstr (weft_match_kind_to_string (WEFT_MATCH_ERA), ==, "era");
}

/* Case and accents: a query without accents finds text with or without
 * them; one with accents, only text that has them. */
static void
test_search_folding (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_text (
    "{\"weft\": 1, \"title\": \"Folding\", \"entities\": ["
    "{\"id\": \"pe\", \"name\": \"Perú\", \"kind\": \"place\"},"
    "{\"id\": \"pe2\", \"name\": \"Peru\", \"kind\": \"place\", \"aliases\": [\"República del Peru\"]},"
    "{\"id\": \"hw\", \"name\": \"华为\", \"kind\": \"company\", \"aliases\": [\"HUAWEI Technologies\"]},"
    "{\"id\": \"st\", \"name\": \"Straße AG\", \"kind\": \"company\"},"
    "{\"id\": \"dec\", \"name\": \"Peru\u0301 (decomposed)\", \"kind\": \"place\"}"
    "], \"events\": [{\"id\": \"ev\", \"title\": \"ÉLECTIONS in Lima\", \"date\": \"2021\", \"participants\": []}]}",
    "folding.weft");
  SearchCase cases[] = {
    { "peru", "pe pe2 dec" },
    { "PERU", "pe pe2 dec" },
    { "Perú", "pe dec" },
    { "PERÚ", "pe dec" },
    { "república", "pe2" },
    { "republica", "pe2" },
    { "huawei", "hw" },
    { "Huawei", "hw" },
    { "华为", "hw" },
    { "strasse", "st" },
    { "elections", "ev" },
    { "élections", "ev" },
    { "ELECTIONS", "ev" },
  };

  assert_searches (ds, cases, G_N_ELEMENTS (cases));
  /* What the views pass: a casefolded needle. */
  {
    g_autofree char *folded = g_utf8_casefold ("PERÚ", -1);

    g_assert_true (weft_item_matches (weft_dataset_lookup (ds, "pe"), folded));
    g_assert_false (weft_item_matches (weft_dataset_lookup (ds, "pe2"), folded));
  }
}

/* The example: an event by a word of its title, a claim by its text, a
 * quote, whatever the case; and the events a search lights on the
 * timeline. */
static void
test_search_example (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_example ();
  g_autoptr(WeftSearchResults) genocide = weft_dataset_search_all (ds, "genocide");
  g_autoptr(WeftSearchResults) upper = weft_dataset_search_all (ds, "Huawei");
  g_autoptr(WeftSearchResults) lower = weft_dataset_search_all (ds, "huawei");
  g_autoptr(WeftSearchResults) quote = weft_dataset_search_all (ds, "who coined it as a marketing");
  g_autoptr(GPtrArray) lit = weft_search_results_dup_events (genocide, ds);
  g_autoptr(GPtrArray) lit_quote = weft_search_results_dup_events (quote, ds);
  g_autofree char *got_upper = matches_text (upper);
  g_autofree char *got_lower = matches_text (lower);
  g_autofree char *got_quote = matches_text (quote);
  const WeftMatch *m;

  g_assert_cmpuint (genocide->counts[WEFT_MATCH_EVENT], ==, 1);
  m = &g_array_index (genocide->matches, WeftMatch, genocide->first[WEFT_MATCH_EVENT]);
  g_assert_cmpstr (m->item->id, ==, "ev-uyghur-genocide-designation");
  g_assert_cmpint (m->field, ==, WEFT_MATCH_FIELD_TITLE);
  g_assert_cmpuint (genocide->counts[WEFT_MATCH_CLAIM], >=, 1);
  g_assert_cmpuint (genocide->counts[WEFT_MATCH_CITATION], >=, 1);
  /* The event found, and the events behind the claims found. */
  assert_ids (lit, "ev-uyghur-genocide-designation");

  g_assert_cmpstr (got_upper, ==, got_lower);
  g_assert_cmpuint (upper->counts[WEFT_MATCH_ENTITY], ==, 1);
  g_assert_cmpuint (upper->counts[WEFT_MATCH_CLAIM], >=, 3);

  g_assert_cmpstr (got_quote, ==, "citation cl-ibm-coined-term quote");
  /* A quote lights the events its claim stands behind. */
  assert_ids (lit_quote, "ev-ibm-coins-smart-city");

  /* An entity found lights the events it takes part in. */
  {
    g_autoptr(WeftSearchResults) ibm = weft_dataset_search_all (ds, "IBM");
    g_autoptr(GPtrArray) events = weft_search_results_dup_events (ibm, ds);

    g_assert_cmpuint (ibm->counts[WEFT_MATCH_ENTITY], ==, 1);
    assert_ids (events, "ev-ibm-coins-smart-city");
  }
}

/* The session keeps the results of its search text until it changes. */
static void
test_session_search (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  g_autoptr(WeftSession) session = weft_session_new (ds);
  const WeftSearchResults *results;

  g_assert_null (weft_session_get_search_results (session));
  weft_session_set_search_text (session, "   ");
  g_assert_null (weft_session_get_search_results (session));

  weft_session_set_search_text (session, "alpha");
  results = weft_session_get_search_results (session);
  g_assert_nonnull (results);
  g_assert_cmpuint (results->matches->len, ==, 4);
  g_assert_true (weft_session_get_search_results (session) == results);

  weft_session_set_search_text (session, "beta");
  results = weft_session_get_search_results (session);
  g_assert_cmpstr (results->query, ==, "beta");

  weft_session_set_dataset (session, NULL);
  g_assert_null (weft_session_get_search_results (session));
}

static void
test_session (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  g_autoptr(WeftSession) session = weft_session_new (ds);
  guint window_signals = 0;
  gint64 lower, upper;

  g_signal_connect_swapped (session, "notify::window", G_CALLBACK (g_atomic_int_inc), &window_signals);

  /* Everything, at first. */
  {
    g_autoptr(WeftSubgraph) s = weft_session_dup_visible_subgraph (session);
    assert_ids (s->entities, "a b c d e");
  }

  g_assert_true (weft_session_select_id (session, "k3"));
  g_assert_cmpstr (weft_session_get_selection (session)->id, ==, "k3");
  g_assert_false (weft_session_select_id (session, "nothing"));

  weft_session_set_focus (session, weft_dataset_lookup_entity (ds, "b"));
  weft_session_set_focus_hops (session, 9);
  g_assert_cmpuint (weft_session_get_focus_hops (session), ==, 3);
  weft_session_set_focus_hops (session, 1);
  {
    g_autoptr(WeftSubgraph) s = weft_session_dup_visible_subgraph (session);
    assert_ids (s->entities, "b a c");
  }

  /* The window narrows the focus; the focus itself stays. */
  weft_session_set_window (session, weft_days_from_civil (2021, 12, 31), weft_days_from_civil (2021, 1, 1));
  g_assert_true (weft_session_get_window (session, &lower, &upper));
  g_assert_cmpint (lower, <, upper);
  g_assert_cmpuint (window_signals, ==, 1);
  {
    g_autoptr(WeftSubgraph) s = weft_session_dup_visible_subgraph (session);
    assert_ids (s->entities, "b c");
    assert_ids (s->relations, "");
  }
  weft_session_set_window (session, lower, upper);
  g_assert_cmpuint (window_signals, ==, 1);
  weft_session_clear_window (session);
  g_assert_cmpuint (window_signals, ==, 2);
  g_assert_false (weft_session_get_window (session, NULL, NULL));

  /* Hidden kinds drop entities and their relations, never the focus. */
  weft_session_set_focus (session, NULL);
  weft_session_set_hidden_kinds (session, (1u << WEFT_ENTITY_COMPANY) | (1u << WEFT_ENTITY_GOVERNMENT));
  {
    g_autoptr(WeftSubgraph) s = weft_session_dup_visible_subgraph (session);
    assert_ids (s->entities, "c d e");
    assert_ids (s->relations, "r2");
  }

  weft_session_set_path (session, weft_dataset_lookup_entity (ds, "a"), weft_dataset_lookup_entity (ds, "d"));
  g_assert_cmpuint (weft_session_get_path (session)->len, ==, 3);
  weft_session_set_path (session, weft_dataset_lookup_entity (ds, "a"), weft_dataset_lookup_entity (ds, "e"));
  g_assert_null (weft_session_get_path (session));

  /* A new dataset clears the view state. */
  weft_session_set_dataset (session, NULL);
  g_assert_null (weft_session_get_selection (session));
  g_assert_null (weft_session_get_path_from (session));
}

/* The time window is one boxed property: a copy of two days, or NULL. */
static void
test_session_window (void)
{
  g_autoptr(WeftDataset) ds = weft_test_load_fixture ("network.weft");
  g_autoptr(WeftSession) session = weft_session_new (ds);
  const WeftTimeWindow backwards = { weft_days_from_civil (2021, 12, 31), weft_days_from_civil (2021, 1, 1) };
  g_autoptr(WeftTimeWindow) window = NULL;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (session), "window");
  guint notified = 0;
  gint64 lower, upper;

  g_assert_nonnull (pspec);
  g_assert_true (pspec->value_type == WEFT_TYPE_TIME_WINDOW);
  g_assert_true (G_TYPE_IS_BOXED (WEFT_TYPE_TIME_WINDOW));
  g_signal_connect_swapped (session, "notify::window", G_CALLBACK (g_atomic_int_inc), &notified);

  g_object_get (session, "window", &window, NULL);
  g_assert_null (window);

  /* Set through the property, the days come back in order. */
  g_object_set (session, "window", &backwards, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (session, "window", &window, NULL);
  g_assert_nonnull (window);
  g_assert_cmpint (window->lower, ==, backwards.upper);
  g_assert_cmpint (window->upper, ==, backwards.lower);
  g_assert_true (weft_session_get_window (session, &lower, &upper));
  g_assert_cmpint (lower, ==, window->lower);
  g_assert_cmpint (upper, ==, window->upper);

  /* The same window again says nothing; the value read is a copy. */
  g_object_set (session, "window", window, NULL);
  weft_session_set_window (session, upper, lower);
  g_assert_cmpuint (notified, ==, 1);
  window->upper = window->lower;
  g_assert_true (weft_session_get_window (session, NULL, &upper));
  g_assert_cmpint (upper, ==, backwards.lower);

  /* Another window, one notification. */
  g_object_set (session, "window", window, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (weft_session_get_window (session, &lower, &upper));
  g_assert_cmpint (lower, ==, upper);
  g_clear_pointer (&window, weft_time_window_free);

  /* NULL clears it, once. */
  g_object_set (session, "window", NULL, NULL);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_false (weft_session_get_window (session, NULL, NULL));
  g_object_get (session, "window", &window, NULL);
  g_assert_null (window);
  weft_session_clear_window (session);
  g_assert_cmpuint (notified, ==, 3);

  /* A new dataset clears it too. */
  weft_session_set_window (session, backwards.lower, backwards.upper);
  g_assert_cmpuint (notified, ==, 4);
  weft_session_set_dataset (session, NULL);
  g_assert_cmpuint (notified, ==, 5);
  g_object_get (session, "window", &window, NULL);
  g_assert_null (window);
}

int
main (int    argc,
      char **argv)
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/query/neighbours", test_neighbours);
  g_test_add_func ("/weft/query/neighbourhood", test_neighbourhood);
  g_test_add_func ("/weft/query/window", test_window);
  g_test_add_func ("/weft/query/shortest-path", test_shortest_path);
  g_test_add_func ("/weft/query/path-prefers-relations", test_path_prefers_relations);
  g_test_add_func ("/weft/query/brought-by", test_brought_by);
  g_test_add_func ("/weft/query/path-options", test_path_options);
  g_test_add_func ("/weft/query/session-links", test_session_links);
  g_test_add_func ("/weft/query/search", test_search);
  g_test_add_func ("/weft/query/search-all", test_search_all);
  g_test_add_func ("/weft/query/search-folding", test_search_folding);
  g_test_add_func ("/weft/query/search-example", test_search_example);
  g_test_add_func ("/weft/query/session-search", test_session_search);
  g_test_add_func ("/weft/query/session", test_session);
  g_test_add_func ("/weft/query/session-window", test_session_window);

  return weft_test_run ();
}
