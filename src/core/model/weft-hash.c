/* weft-hash.c: SipHash (Aumasson and Bernstein, 2012), written from the
 * paper's description
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include "weft-hash.h"

#define ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))

#define SIPROUND(v0, v1, v2, v3) \
  G_STMT_START { \
    v0 += v1; v1 = ROTL (v1, 13); v1 ^= v0; v0 = ROTL (v0, 32); \
    v2 += v3; v3 = ROTL (v3, 16); v3 ^= v2; \
    v0 += v3; v3 = ROTL (v3, 21); v3 ^= v0; \
    v2 += v1; v1 = ROTL (v1, 17); v1 ^= v2; v2 = ROTL (v2, 32); \
  } G_STMT_END

static inline guint64
read_le64 (const guint8 *p)
{
  guint64 v = 0;

  for (guint i = 0; i < 8; i++)
    v |= (guint64) p[i] << (8 * i);
  return v;
}

guint64
weft_siphash (const guint8 *key,
              const void   *data,
              gsize         length,
              guint         c_rounds,
              guint         d_rounds)
{
  const guint8 *in = data;
  guint64 k0 = read_le64 (key);
  guint64 k1 = read_le64 (key + 8);
  guint64 v0 = k0 ^ G_GUINT64_CONSTANT (0x736f6d6570736575);
  guint64 v1 = k1 ^ G_GUINT64_CONSTANT (0x646f72616e646f6d);
  guint64 v2 = k0 ^ G_GUINT64_CONSTANT (0x6c7967656e657261);
  guint64 v3 = k1 ^ G_GUINT64_CONSTANT (0x7465646279746573);
  gsize whole = length - length % 8;
  guint64 last = (guint64) (length & 0xff) << 56;

  for (gsize i = 0; i < whole; i += 8)
    {
      guint64 m = read_le64 (in + i);

      v3 ^= m;
      for (guint r = 0; r < c_rounds; r++)
        SIPROUND (v0, v1, v2, v3);
      v0 ^= m;
    }

  /* The last 0 to 7 bytes, with the length in the top byte. */
  for (gsize i = whole; i < length; i++)
    last |= (guint64) in[i] << (8 * (i - whole));
  v3 ^= last;
  for (guint r = 0; r < c_rounds; r++)
    SIPROUND (v0, v1, v2, v3);
  v0 ^= last;

  v2 ^= 0xff;
  for (guint r = 0; r < d_rounds; r++)
    SIPROUND (v0, v1, v2, v3);

  return v0 ^ v1 ^ v2 ^ v3;
}

static guint8 process_key[16];

static void
init_key (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* GLib seeds its generator from /dev/urandom. */
      g_autoptr(GRand) rand = g_rand_new ();

      for (guint i = 0; i < 4; i++)
        {
          guint32 word = g_rand_int (rand);

          memcpy (process_key + 4 * i, &word, 4);
        }
      g_once_init_leave (&initialized, 1);
    }
}

guint
weft_str_hash (gconstpointer key)
{
  const char *text = key;
  guint64 h;

  init_key ();
  h = weft_siphash (process_key, text, strlen (text), 1, 3);
  return (guint) (h ^ (h >> 32));
}
