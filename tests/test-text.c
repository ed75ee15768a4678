/* test-text.c: text from files made safe to show
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "weft-text.h"
#include "weft-test.h"

typedef struct {
  const char *text;
  gssize      length;
  const char *expected;
} EscapeCase;

static const EscapeCase cases[] = {
  { "", -1, "" },
  { "Huawei", -1, "Huawei" },
  { "back\\slash \\u{001B}", -1, "back\\slash \\u{001B}" },
  { "a\x1b[31mred\x1b[0m", -1, "a\\u{001B}[31mred\\u{001B}[0m" },
  { "title\x1b]0;owned\x07", -1, "title\\u{001B}]0;owned\\u{0007}" },
  { "tab\tnew\nreturn\r", -1, "tab\\tnew\\nreturn\\r" },
  { "del\x7f", -1, "del\\u{007F}" },
  { "csi\xc2\x9b" "2J", -1, "csi\\u{009B}2J" },
  { "\xe2\x80\xae" "evil", -1, "\\u{202E}evil" },
  { "zero\xe2\x80\x8bwidth", -1, "zero\\u{200B}width" },
  { "line\xe2\x80\xa8sep", -1, "line\\u{2028}sep" },
  { "Caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80", -1, "Caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80" },
  { "bad\xff" "byte", -1, "bad\xef\xbf\xbd" "byte" },
  { "cut\xc3", -1, "cut\xef\xbf\xbd" },
  { "abc\x1b", 3, "abc" },
  { "ab\x1b" "cd", 4, "ab\\u{001B}c" },
};

static void
test_escape (void)
{
  g_assert_null (weft_text_escape (NULL, -1));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = weft_text_escape (cases[i].text, cases[i].length);
      g_autofree char *twice = weft_text_escape (escaped, -1);

      g_test_message ("case %u: %s", i, escaped);
      g_assert_cmpstr (escaped, ==, cases[i].expected);
      /* Escaping what is already escaped changes nothing. */
      g_assert_cmpstr (twice, ==, escaped);
    }
}

static void
test_unsafe (void)
{
  /* Every control character is unsafe; no printable one is. */
  for (gunichar c = 0; c < 0x20; c++)
    g_assert_true (weft_text_is_unsafe (c));
  for (gunichar c = 0x7f; c < 0xa0; c++)
    g_assert_true (weft_text_is_unsafe (c));
  for (gunichar c = 0x20; c < 0x7f; c++)
    g_assert_false (weft_text_is_unsafe (c));
  g_assert_true (weft_text_is_unsafe (0x202e));   /* right-to-left override */
  g_assert_true (weft_text_is_unsafe (0x2066));   /* left-to-right isolate */
  g_assert_true (weft_text_is_unsafe (0xfeff));   /* zero-width no-break space */
  g_assert_false (weft_text_is_unsafe (0xe9));
  g_assert_false (weft_text_is_unsafe (0x4e2d));
  g_assert_false (weft_text_is_unsafe (0x1f600));
}

static void
test_every_byte (void)
{
  /* Whatever the bytes, the result is valid UTF-8 with nothing unsafe. */
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);

  for (guint round = 0; round < 5000; round++)
    {
      char buf[24];
      gsize len = (gsize) g_rand_int_range (rand, 1, sizeof buf);
      g_autofree char *escaped = NULL;

      for (gsize i = 0; i < len; i++)
        buf[i] = (char) g_rand_int_range (rand, 1, 256);
      escaped = weft_text_escape (buf, (gssize) len);
      g_assert_true (g_utf8_validate (escaped, -1, NULL));
      for (const char *p = escaped; *p != '\0'; p = g_utf8_next_char (p))
        g_assert_false (weft_text_is_unsafe (g_utf8_get_char (p)));
    }
}

/* Lines and columns count characters; a string may hold NUL bytes. */
static void
test_position (void)
{
  const char text[] = "a\xc3\xa9\xe4\xb8\xad\nxy\0z\n\n\xf0\x9f\x98\x80q";
  guint line = 1, column = 1;

  g_assert_cmpuint (weft_utf8_count_chars ("", 0), ==, 0);
  g_assert_cmpuint (weft_utf8_count_chars (text, 6), ==, 3);          /* a é 中 */
  g_assert_cmpuint (weft_utf8_count_chars (text + 7, 4), ==, 4);      /* x y NUL z */

  weft_text_advance_position (text, 6, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 4);
  weft_text_advance_position (text + 6, 5, &line, &column);          /* \n x y NUL z */
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 5);
  weft_text_advance_position (text + 11, sizeof text - 1 - 11, &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 3);                                  /* 😀 q */
}

int
main (int   argc,
      char *argv[])
{
  weft_test_init (&argc, &argv);

  g_test_add_func ("/weft/text/escape", test_escape);
  g_test_add_func ("/weft/text/unsafe", test_unsafe);
  g_test_add_func ("/weft/text/every-byte", test_every_byte);
  g_test_add_func ("/weft/text/position", test_position);

  return weft_test_run ();
}
