/* weft-file.c: the guarded read and the atomic replace
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "weft-error.h"
#include "weft-file.h"

guint64
weft_max_file_size (void)
{
  const char *value = g_getenv ("WEFT_MAX_FILE_SIZE");
  guint64 parsed;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT64, &parsed, NULL))
    return parsed;
  return WEFT_DEFAULT_MAX_FILE_SIZE;
}

/* @local_error from GIO about @name as Weft reports it: a cancellation
 * as it is, anything else as WEFT_ERROR_IO. */
static void
set_io_error (GError     **error,
              GError      *local_error,
              const char  *name)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (local_error));
  else
    g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, _("%s: %s"), name, local_error->message);
}

GInputStream *
weft_file_open_guarded (GFile         *file,
                        const char    *name,
                        guint64       *size,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 limit = weft_max_file_size ();
  GFileInputStream *stream;

  /* There, not a folder, within the size limit. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_io_error (error, local_error, name);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_IO, _("%s: is a folder, not a file"), name);
      return NULL;
    }
  *size = g_file_info_get_size (info);
  if (*size > limit)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_LIMIT,
                   _("%s: the file is %llu MiB, more than Weft's limit of %llu MiB; "
                     "if it is legitimate, raise the limit with WEFT_MAX_FILE_SIZE (in bytes)"),
                   name, (unsigned long long) (*size >> 20), (unsigned long long) (limit >> 20));
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_io_error (error, local_error, name);
      return NULL;
    }

  return G_INPUT_STREAM (stream);
}

char *
weft_file_load_guarded (GFile         *file,
                        const char    *name,
                        gsize         *length,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 size;

  in = weft_file_open_guarded (file, name, &size, cancellable, error);
  if (in == NULL)
    return NULL;

  /* All of it, then a NUL. */
  out = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, cancellable, &local_error) < 0 ||
      !g_output_stream_write_all (out, "", 1, NULL, cancellable, &local_error) ||
      !g_output_stream_close (out, cancellable, &local_error))
    {
      set_io_error (error, local_error, name);
      return NULL;
    }

  if (length != NULL)
    *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)) - 1;
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* Writes @data to a temporary file beside @file and renames it over @file
 * only once all of it is written. Not g_file_replace_contents(): when a
 * write fails part way (a full disk), it drops its stream, and closing the
 * stream renames the half-written temporary file over the original. A
 * close with a cancelled cancellable is what tells GIO to drop the
 * temporary file and keep the original. */
gboolean
weft_file_replace_contents (GFile         *file,
                            const char    *data,
                            gsize          length,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFile) target = NULL;
  const char *path = g_file_peek_path (file);
  g_autofree char *resolved = path != NULL ? realpath (path, NULL) : NULL;

  /* GIO writes over a symbolic link in place, the old contents truncated
   * first; the file the link points to gets the temporary file and the
   * rename instead, and the link stays a link. */
  target = resolved != NULL ? g_file_new_for_path (resolved) : g_object_ref (file);

  out = g_file_replace (target, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (out == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, length, NULL, cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      return FALSE;
    }

  /* Syncs, then renames; if that fails the original is still there. */
  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}
