/* test-hash.c: the keyed hash for text from files
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "weft-hash.h"
#include "weft-test.h"

static void
test_vectors (void)
{
  /* From the SipHash paper (appendix A) and its reference test vectors:
   * key 00 01 … 0f; messages 00 01 … (n-1). */
  guint8 key[16], message[64];

  for (guint i = 0; i < 16; i++)
    key[i] = i;
  for (guint i = 0; i < 64; i++)
    message[i] = i;

  g_assert_cmphex (weft_siphash (key, message, 15, 2, 4), ==, G_GUINT64_CONSTANT (0xa129ca6149be45e5));
  g_assert_cmphex (weft_siphash (key, message, 0, 2, 4), ==, G_GUINT64_CONSTANT (0x726fdb47dd0e0e31));
  g_assert_cmphex (weft_siphash (key, message, 8, 2, 4), ==, G_GUINT64_CONSTANT (0x93f5f5799a932462));
  g_assert_cmphex (weft_siphash (key, message, 63, 2, 4), ==, G_GUINT64_CONSTANT (0x958a324ceb064572));
}

static void
test_colliding_ids (void)
{
  /* Strings made of the blocks "aB" and "b!" all have the same djb2 hash:
   * what a hostile file would use. They must spread under weft_str_hash. */
  g_autoptr(GHashTable) values = g_hash_table_new (NULL, NULL);
  guint n = 1 << 12;
  guint djb2 = 0;

  for (guint i = 0; i < n; i++)
    {
      char id[2 * 12 + 1];

      for (guint b = 0; b < 12; b++)
        memcpy (id + 2 * b, (i >> b) & 1 ? "b!" : "aB", 2);
      id[24] = '\0';

      if (i == 0)
        djb2 = g_str_hash (id);
      g_assert_cmpuint (g_str_hash (id), ==, djb2);
      g_hash_table_add (values, GUINT_TO_POINTER (weft_str_hash (id)));
    }

  /* 4,096 random 32-bit values collide with a chance of 1 in 500. */
  g_assert_cmpuint (g_hash_table_size (values), >=, n - 2);
}

static void
test_table (void)
{
  /* Usable as a GHashFunc: equal strings, equal hashes. */
  g_autoptr(GHashTable) table = g_hash_table_new (weft_str_hash, g_str_equal);
  g_autofree char *copy = g_strdup ("ent-huawei");

  g_hash_table_insert (table, (gpointer) "ent-huawei", GINT_TO_POINTER (1));
  g_hash_table_insert (table, (gpointer) "", GINT_TO_POINTER (2));
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (table, copy)), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (table, "")), ==, 2);
  g_assert_null (g_hash_table_lookup (table, "ent-ibm"));
  g_assert_cmpuint (weft_str_hash (copy), ==, weft_str_hash ("ent-huawei"));
}

int
main (int   argc,
      char *argv[])
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/hash/vectors", test_vectors);
  g_test_add_func ("/weft/hash/colliding-ids", test_colliding_ids);
  g_test_add_func ("/weft/hash/table", test_table);

  return weft_test_run ();
}
