/* weft-journal.c: every edit on disk as it is made, and recovery
 *
 * One JSON text a line. The first says what the edits apply to:
 *
 *   {"weft-journal": 1, "file": URI or null, "format": "weft", "size": N,
 *    "mtime": µs, "inode": N, "title": …, "started": ISO 8601}
 *
 * then one line per edit, undo or redo, with every operation it made in
 * order (an undo is what it did, not a reference to the edit):
 *
 *   {"edit": label, "kind": "do" | "undo" | "redo", "at": ISO 8601,
 *    "steps": [{"set": "entities", "at": 3, "id": "ibm", "member": "name",
 *               "value": "IBM"},
 *              {"insert": "events", "at": 7, "item": {…}},
 *              {"remove": …, "at", "id"}, {"history": …, "at", "id", "entry"},
 *              {"pop": …}, {"alias": …, "at", "id", "name"}, {"unalias": …}]}
 *
 * ("set" of the dataset's own members names the array ""), and before a
 * save {"saving": {"file": URI, "sha256": …, "size": N}}.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "weft-dataset-private.h"
#include "weft-edit-private.h"
#include "weft-error.h"
#include "weft-journal.h"
#include "weft-loader.h"
#include "weft-saver.h"

#define JOURNAL_VERSION 1

/* ---- Stamps -------------------------------------------------------------- */

gboolean
weft_file_stamp_query (GFile         *file,
                       WeftFileStamp *stamp)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file,
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                                                 G_FILE_ATTRIBUTE_UNIX_INODE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  memset (stamp, 0, sizeof *stamp);
  if (info == NULL)
    return FALSE;

  stamp->exists = TRUE;
  stamp->size = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_STANDARD_SIZE);
  stamp->mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
                 g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  stamp->inode = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE);
  return TRUE;
}

gboolean
weft_file_stamp_equal (const WeftFileStamp *a,
                       const WeftFileStamp *b)
{
  return a->exists == b->exists && a->size == b->size && a->mtime == b->mtime && a->inode == b->inode;
}

/* ---- Lines ---------------------------------------------------------------- */

static char *
object_to_line (JsonObject *object,
                gsize      *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  gsize n;
  char *text;

  json_generator_set_root (generator, node);
  text = weft_json_generator_to_data (generator, &n);
  text = g_realloc (text, n + 2);
  text[n++] = '\n';
  text[n] = '\0';
  *length = n;
  return text;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           GError     **error)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* ---- Recording ------------------------------------------------------------ */

struct _WeftJournal
{
  GObject        parent_instance;

  WeftDataset   *dataset;
  char          *dir;
  GFile         *file;       /* what the edits apply to, or NULL */
  char          *format;
  WeftFileStamp  stamp;
  char          *path;       /* NULL until the first edit */
  int            fd;
  JsonArray     *pending;    /* the steps of the run being recorded */
  gint64         last_sync;  /* monotonic µs */
  guint          sync_source;
  GError        *error;
  gboolean       discarded;
};

G_DEFINE_FINAL_TYPE (WeftJournal, weft_journal, G_TYPE_OBJECT)

static void
close_file (WeftJournal *self)
{
  g_clear_handle_id (&self->sync_source, g_source_remove);
  if (self->fd >= 0)
    {
      fdatasync (self->fd);
      close (self->fd);   /* and its lock with it */
      self->fd = -1;
    }
}

static void
weft_journal_dispose (GObject *object)
{
  WeftJournal *self = (WeftJournal *) object;

  if (self->dataset != NULL)
    {
      weft_edit_set_recorder (self->dataset, NULL, NULL);
      g_clear_object (&self->dataset);
    }
  close_file (self);

  G_OBJECT_CLASS (weft_journal_parent_class)->dispose (object);
}

static void
weft_journal_finalize (GObject *object)
{
  WeftJournal *self = (WeftJournal *) object;

  g_free (self->dir);
  g_clear_object (&self->file);
  g_free (self->format);
  g_free (self->path);
  g_clear_pointer (&self->pending, json_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (weft_journal_parent_class)->finalize (object);
}

static void
weft_journal_class_init (WeftJournalClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = weft_journal_dispose;
  G_OBJECT_CLASS (klass)->finalize = weft_journal_finalize;
}

static void
weft_journal_init (WeftJournal *self)
{
  self->fd = -1;
}

char *
weft_journal_default_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "weft", "journal", NULL);
}

const char *
weft_journal_get_path (WeftJournal *self)
{
  return self->path;
}

const GError *
weft_journal_get_error (WeftJournal *self)
{
  return self->error;
}

void
weft_journal_sync (WeftJournal *self)
{
  g_clear_handle_id (&self->sync_source, g_source_remove);
  if (self->fd >= 0)
    fdatasync (self->fd);
  self->last_sync = g_get_monotonic_time ();
}

static gboolean
sync_later (gpointer data)
{
  WeftJournal *self = data;

  self->sync_source = 0;
  weft_journal_sync (self);
  return G_SOURCE_REMOVE;
}

/* Written already; on the disk within a second. */
static void
schedule_sync (WeftJournal *self)
{
  gint64 since = g_get_monotonic_time () - self->last_sync;

  if (since >= G_USEC_PER_SEC)
    weft_journal_sync (self);
  else if (self->sync_source == 0)
    self->sync_source = g_timeout_add (MAX (1, (G_USEC_PER_SEC - since) / 1000), sync_later, self);
}

static void
fail (WeftJournal *self,
      GError      *error)
{
  g_debug ("journal %s: %s", self->path ? self->path : self->dir, error->message);
  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);
  close_file (self);
}

static gboolean
write_line (WeftJournal *self,
            JsonObject  *object)
{
  g_autofree char *line = NULL;
  GError *error = NULL;
  gsize length;

  if (self->fd < 0)
    return FALSE;
  line = object_to_line (object, &length);
  if (!write_all (self->fd, line, length, &error))
    {
      fail (self, error);
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
header (WeftJournal *self)
{
  JsonObject *o = json_object_new ();
  g_autofree char *started = now_text ();
  const char *title = weft_dataset_get_title (self->dataset);

  json_object_set_int_member (o, "weft-journal", JOURNAL_VERSION);
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);

      json_object_set_string_member (o, "file", uri);
    }
  else
    json_object_set_null_member (o, "file");
  json_object_set_string_member (o, "format", self->format);
  json_object_set_int_member (o, "size", self->stamp.size);
  json_object_set_int_member (o, "mtime", self->stamp.mtime);
  json_object_set_int_member (o, "inode", self->stamp.inode);
  if (title != NULL)
    json_object_set_string_member (o, "title", title);
  json_object_set_string_member (o, "started", started);
  return o;
}

/* Makes the journal's file, locked, with its first line, at the first
 * edit. */
static gboolean
ensure_open (WeftJournal *self)
{
  static guint counter;
  g_autoptr(JsonObject) first = NULL;
  g_autofree char *stamp = NULL;

  if (self->fd >= 0)
    return TRUE;
  if (self->error != NULL || self->discarded)
    return FALSE;

  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      int saved = errno;

      fail (self, g_error_new (G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", self->dir, g_strerror (saved)));
      return FALSE;
    }

  stamp = now_text ();
  g_free (self->path);
  self->path = g_strdup_printf ("%s/weft-%s-%d-%u.jsonl", self->dir, stamp, (int) getpid (), ++counter);
  self->fd = g_open (self->path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0600);
  if (self->fd < 0 || flock (self->fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;

      fail (self, g_error_new (G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", self->path, g_strerror (saved)));
      return FALSE;
    }

  first = header (self);
  if (!write_line (self, first))
    return FALSE;
  weft_journal_sync (self);
  return TRUE;
}

/* The step just made, as the journal writes it. */
static JsonObject *
step_to_json (WeftJournal *self,
              WeftEdit    *edit,
              guint        index)
{
  static const char * const kinds[] = {
    [WEFT_STEP_SET] = "set", [WEFT_STEP_INSERT] = "insert", [WEFT_STEP_REMOVE] = "remove",
    [WEFT_STEP_HISTORY] = "history", [WEFT_STEP_ALIAS] = "alias", [WEFT_STEP_UNALIAS] = "unalias",
    [WEFT_STEP_POP] = "pop",
  };
  JsonObject *o = json_object_new ();
  WeftStepInfo info;

  weft_edit_get_step (edit, index, &info);
  json_object_set_string_member (o, kinds[info.kind], weft_item_array_name (info.type));
  if (info.item != NULL)
    {
      json_object_set_int_member (o, "at", info.position);
      json_object_set_string_member (o, "id", info.id);
    }

  switch (info.kind)
    {
    case WEFT_STEP_SET:
      {
        g_autoptr(JsonObject) value = json_object_new ();
        gconstpointer base = info.item ? (gconstpointer) info.item
                                       : (gconstpointer) weft_dataset_get_header (self->dataset);

        json_object_set_string_member (o, "member", info.member->name);
        weft_member_to_json (self->dataset, value, info.member, base);
        if (json_object_has_member (value, info.member->name))
          json_object_set_member (o, "value", json_object_dup_member (value, info.member->name));
      }
      break;

    case WEFT_STEP_INSERT:
      json_object_set_object_member (o, "item",
                                     weft_members_to_json (self->dataset, weft_item_members (info.type), info.item));
      break;

    case WEFT_STEP_HISTORY:
      json_object_set_object_member (o, "entry",
                                     weft_members_to_json (self->dataset,
                                                           weft_member_lookup (weft_item_members (info.type),
                                                                               "history")->table,
                                                           &info.item->history[info.item->n_history - 1]));
      break;

    case WEFT_STEP_ALIAS:
    case WEFT_STEP_UNALIAS:
      json_object_set_string_member (o, "name", info.alias);
      break;

    case WEFT_STEP_REMOVE:
    case WEFT_STEP_POP:
    default:
      break;
    }
  return o;
}

static void
record (WeftEdit       *edit,
        WeftRecordKind  kind,
        guint           step,
        gpointer        user_data)
{
  WeftJournal *self = user_data;
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(JsonArray) steps = g_steal_pointer (&self->pending);
  g_autofree char *now = NULL;
  const char *at = NULL;

  switch (kind)
    {
    case WEFT_RECORD_STEP:
      self->pending = steps ? g_steal_pointer (&steps) : json_array_new ();
      json_array_add_object_element (self->pending, step_to_json (self, edit, step));
      return;

    case WEFT_RECORD_CANCEL:
      return;

    case WEFT_RECORD_COMMIT:
      at = weft_edit_get_time_text (edit);
      break;
    case WEFT_RECORD_UNDO:
    case WEFT_RECORD_REDO:
    default:
      at = now = now_text ();
      break;
    }

  if (steps == NULL || json_array_get_length (steps) == 0 || !ensure_open (self))
    return;

  entry = json_object_new ();
  json_object_set_string_member (entry, "edit", weft_edit_get_label (edit));
  json_object_set_string_member (entry, "kind", kind == WEFT_RECORD_COMMIT ? "do" : kind == WEFT_RECORD_UNDO ? "undo" : "redo");
  json_object_set_string_member (entry, "at", at);
  json_object_set_array_member (entry, "steps", g_steal_pointer (&steps));
  if (write_line (self, entry))
    schedule_sync (self);
}

WeftJournal *
weft_journal_new (WeftDataset         *dataset,
                  GFile               *file,
                  const char          *format,
                  const WeftFileStamp *stamp,
                  const char          *dir)
{
  WeftJournal *self = g_object_new (WEFT_TYPE_JOURNAL, NULL);

  self->dataset = g_object_ref (dataset);
  self->file = file ? g_object_ref (file) : NULL;
  self->format = g_strdup (format ? format : "weft");
  if (stamp != NULL)
    self->stamp = *stamp;
  self->dir = dir ? g_strdup (dir) : weft_journal_default_dir ();
  weft_edit_set_recorder (dataset, record, self);

  return self;
}

gboolean
weft_journal_begin_save (WeftJournal  *self,
                         GFile        *file,
                         const char   *data,
                         gsize         length,
                         GError      **error)
{
  g_autoptr(JsonObject) line = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *uri = NULL;
  JsonObject *saving;

  /* Nothing recorded: nothing to protect. */
  if (self->fd < 0)
    return TRUE;

  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  uri = g_file_get_uri (file);
  saving = json_object_new ();
  json_object_set_string_member (saving, "file", uri);
  json_object_set_string_member (saving, "sha256", sha);
  json_object_set_int_member (saving, "size", length);
  line = json_object_new ();
  json_object_set_object_member (line, "saving", saving);

  if (!write_line (self, line))
    {
      g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_IO, self->error->message);
      return FALSE;
    }
  weft_journal_sync (self);
  return TRUE;
}

void
weft_journal_end_save (WeftJournal         *self,
                       GFile               *file,
                       const WeftFileStamp *stamp)
{
  /* The file holds everything: the next edit starts a new journal. */
  if (self->path != NULL)
    {
      close_file (self);
      g_unlink (self->path);
      g_clear_pointer (&self->path, g_free);
    }
  g_set_object (&self->file, file);
  self->stamp = *stamp;
  g_clear_error (&self->error);
}

void
weft_journal_discard (WeftJournal *self)
{
  close_file (self);
  if (self->path != NULL)
    g_unlink (self->path);
  g_clear_pointer (&self->path, g_free);
  self->discarded = TRUE;
  if (self->dataset != NULL)
    weft_edit_set_recorder (self->dataset, NULL, NULL);
}

/* ---- Reading journals ------------------------------------------------------ */

struct _WeftRecoverable
{
  char              *path;
  GFile             *file;
  char              *format;
  char              *title;
  char              *last_time;
  WeftRecoveryState  state;
  guint              first;    /* the line of the first entry to replay */
  GStrv              labels;
  gint64             started;  /* for the order */
};

/* The lines of a journal that parse, as JSON objects (a last line cut
 * short by a crash is left out), or NULL when the first is no header. */
static GPtrArray *
read_lines (const char  *path,
            GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *objects;
  gsize length;

  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;

  objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      if (!json_parser_load_from_data (parser, lines[i], -1, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (root = json_parser_get_root (parser)))
        break;
      g_ptr_array_add (objects, json_object_ref (json_node_get_object (root)));
    }

  if (objects->len == 0 || !json_object_has_member (g_ptr_array_index (objects, 0), "weft-journal") ||
      json_object_get_int_member (g_ptr_array_index (objects, 0), "weft-journal") != JOURNAL_VERSION)
    {
      g_ptr_array_unref (objects);
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID, _("%s is not a Weft journal"), path);
      return NULL;
    }
  return objects;
}

/* The object @name of @object, or @fallback. */
static JsonObject *
get_object (JsonObject *object,
            const char *name,
            JsonObject *fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : fallback;
}

static char *
file_checksum (GFile *file)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* What @lines apply to, and from which line to replay them. */
static void
find_base (WeftRecoverable *self,
           GPtrArray       *lines)
{
  JsonObject *first = g_ptr_array_index (lines, 0);
  WeftFileStamp stamp, was = { TRUE, 0, 0, 0 };
  g_autofree char *sha = NULL;
  g_autofree char *uri = NULL;

  self->first = 1;
  self->state = WEFT_RECOVERY_READY;
  if (self->file == NULL)
    return;

  was.size = json_object_get_int_member_with_default (first, "size", 0);
  was.mtime = json_object_get_int_member_with_default (first, "mtime", 0);
  was.inode = json_object_get_int_member_with_default (first, "inode", 0);
  if (!weft_file_stamp_query (self->file, &stamp))
    {
      self->state = WEFT_RECOVERY_FILE_MISSING;
      return;
    }
  if (weft_file_stamp_equal (&stamp, &was))
    return;

  /* Saved into since, by the session (it was killed before it could
   * start again from the file): only what came after is missing. */
  sha = file_checksum (self->file);
  uri = g_file_get_uri (self->file);
  for (guint i = lines->len; i-- > 1;)
    {
      JsonObject *saving = get_object (g_ptr_array_index (lines, i), "saving", NULL);

      if (saving != NULL && sha != NULL &&
          g_strcmp0 (json_object_get_string_member_with_default (saving, "sha256", NULL), sha) == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (saving, "file", NULL), uri) == 0)
        {
          self->first = i + 1;
          return;
        }
    }
  self->state = WEFT_RECOVERY_FILE_CHANGED;
}

static gboolean
is_entry (JsonObject *line)
{
  return json_object_has_member (line, "edit") && json_object_has_member (line, "steps");
}

/* "Rename Huawei", "Undo Rename Huawei"… */
static char *
entry_label (JsonObject *line)
{
  const char *label = json_object_get_string_member_with_default (line, "edit", "");
  const char *kind = json_object_get_string_member_with_default (line, "kind", "do");

  if (g_str_equal (kind, "undo"))
    /* Translators: what a recovered journal brings back: an undo of an edit */
    return g_strdup_printf (_("Undo %s"), label);
  if (g_str_equal (kind, "redo"))
    /* Translators: what a recovered journal brings back: a redo of an edit */
    return g_strdup_printf (_("Redo %s"), label);
  return g_strdup (label);
}

static WeftRecoverable *
read_recoverable (const char *path)
{
  g_autoptr(GPtrArray) lines = read_lines (path, NULL);
  g_autoptr(GPtrArray) labels = NULL;
  WeftRecoverable *self;
  JsonObject *first;
  const char *uri;

  if (lines == NULL)
    return NULL;

  first = g_ptr_array_index (lines, 0);
  self = g_new0 (WeftRecoverable, 1);
  self->path = g_strdup (path);
  uri = json_object_get_string_member_with_default (first, "file", NULL);
  self->file = uri ? g_file_new_for_uri (uri) : NULL;
  self->format = g_strdup (json_object_get_string_member_with_default (first, "format", "weft"));
  self->title = g_strdup (json_object_get_string_member_with_default (first, "title", NULL));
  self->last_time = g_strdup (json_object_get_string_member_with_default (first, "started", ""));
  find_base (self, lines);

  labels = g_ptr_array_new ();
  for (guint i = self->first; i < lines->len; i++)
    {
      JsonObject *line = g_ptr_array_index (lines, i);

      if (!is_entry (line))
        continue;
      g_ptr_array_add (labels, entry_label (line));
      g_free (self->last_time);
      self->last_time = g_strdup (json_object_get_string_member_with_default (line, "at", ""));
    }
  g_ptr_array_add (labels, NULL);
  self->labels = (GStrv) g_ptr_array_free (g_steal_pointer (&labels), FALSE);

  return self;
}

void
weft_recoverable_free (WeftRecoverable *self)
{
  g_free (self->path);
  g_clear_object (&self->file);
  g_free (self->format);
  g_free (self->title);
  g_free (self->last_time);
  g_strfreev (self->labels);
  g_free (self);
}

static gint
newest_first (gconstpointer a,
              gconstpointer b)
{
  const WeftRecoverable *x = *(WeftRecoverable * const *) a;
  const WeftRecoverable *y = *(WeftRecoverable * const *) b;

  return g_strcmp0 (y->last_time, x->last_time);
}

GPtrArray *
weft_journal_find_recoverable (const char *dir)
{
  g_autofree char *own = dir ? NULL : weft_journal_default_dir ();
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) weft_recoverable_free);
  g_autoptr(GDir) folder = g_dir_open (dir ? dir : own, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      WeftRecoverable *r;
      int fd;

      if (!g_str_has_prefix (name, "weft-") || !g_str_has_suffix (name, ".jsonl"))
        continue;
      path = g_build_filename (dir ? dir : own, name, NULL);

      /* A journal a live session holds is not for recovering. */
      fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_SH | LOCK_NB) != 0)
        {
          close (fd);
          continue;
        }
      r = read_recoverable (path);
      close (fd);

      if (r != NULL && g_strv_length (r->labels) == 0)
        {
          /* Nothing that the file does not hold already. */
          g_unlink (path);
          g_clear_pointer (&r, weft_recoverable_free);
        }
      if (r != NULL)
        g_ptr_array_add (found, r);
    }

  g_ptr_array_sort (found, newest_first);
  return found;
}

const char *
weft_recoverable_get_path (const WeftRecoverable *self)
{
  return self->path;
}

GFile *
weft_recoverable_get_file (const WeftRecoverable *self)
{
  return self->file;
}

const char *
weft_recoverable_get_format (const WeftRecoverable *self)
{
  return self->format;
}

const char *
weft_recoverable_get_title (const WeftRecoverable *self)
{
  return self->title;
}

WeftRecoveryState
weft_recoverable_get_state (const WeftRecoverable *self)
{
  return self->state;
}

const char * const *
weft_recoverable_get_labels (const WeftRecoverable *self)
{
  return (const char * const *) self->labels;
}

const char *
weft_recoverable_get_last_time (const WeftRecoverable *self)
{
  return self->last_time;
}

char *
weft_recoverable_dup_summary (const WeftRecoverable *self)
{
  guint n = g_strv_length (self->labels);
  g_autofree char *name = self->file ? g_file_get_basename (self->file) : NULL;
  g_autofree char *what = NULL;
  g_autofree char *when = g_strdup (self->last_time);

  /* "2024-05-01T09:30:00Z" -> "2024-05-01 09:30" */
  if (strlen (when) >= 16)
    {
      when[10] = ' ';
      when[16] = '\0';
    }

  if (self->title != NULL && name != NULL)
    /* Translators: "“Smart cities” (smart-cities.weft)" */
    what = g_strdup_printf (_("“%s” (%s)"), self->title, name);
  else if (name != NULL)
    what = g_strdup_printf ("%s", name);
  else
    what = g_strdup (_("a new dataset"));

  /* Translators: "3 changes to “Smart cities” (smart-cities.weft), the
   * last at 2024-05-01 09:30 UTC" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change to %s, the last at %s UTC",
                                       "%u changes to %s, the last at %s UTC", n),
                          n, what, when);
}

gboolean
weft_recoverable_discard (WeftRecoverable  *self,
                          GError          **error)
{
  if (g_unlink (self->path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", self->path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* ---- Replaying -------------------------------------------------------------- */

static WeftItemType
array_type (const char *name)
{
  for (WeftItemType type = WEFT_ITEM_SOURCE; type <= WEFT_ITEM_ERA; type++)
    if (g_strcmp0 (weft_item_array_name (type), name) == 0)
      return type;
  return WEFT_ITEM_NONE;
}

/* @object read as an item of @type into @scratch. The loader's
 * complaints do not matter: the journal holds what Weft wrote, and what
 * it says of a value an edit has not given yet (the empty date of a new
 * event) the loader reads back as it was. */
static WeftItem *
read_item (WeftDataset  *scratch,
           WeftItemType  type,
           JsonObject   *object)
{
  g_autoptr(WeftDiagnostics) diagnostics = weft_diagnostics_new (NULL);
  g_autoptr(JsonObject) wrap = json_object_new ();
  JsonArray *one = json_array_new ();
  GPtrArray *items = weft_dataset_get_items (scratch, type);

  json_array_add_object_element (one, json_object_ref (object));
  json_object_set_array_member (wrap, weft_item_array_name (type), one);
  weft_dataset_read_json_items (scratch, wrap, diagnostics);
  return items->len > 0 ? g_ptr_array_index (items, items->len - 1) : NULL;
}

static const char * const step_names[] = {
  [WEFT_STEP_SET] = "set", [WEFT_STEP_INSERT] = "insert", [WEFT_STEP_REMOVE] = "remove",
  [WEFT_STEP_HISTORY] = "history", [WEFT_STEP_ALIAS] = "alias", [WEFT_STEP_UNALIAS] = "unalias",
  [WEFT_STEP_POP] = "pop",
};

static gboolean
replay_step (WeftEdit     *edit,
             WeftDataset  *scratch,
             JsonObject   *step,
             GError      **error)
{
  WeftStepKind kind = 0;
  WeftItemType type;
  const char *id = json_object_get_string_member_with_default (step, "id", NULL);
  guint position = json_object_get_int_member_with_default (step, "at", 0);
  const WeftMember *member = NULL;
  gconstpointer from = NULL;
  WeftDatasetHeader header = { 0 };
  WeftItem *item;

  while (kind < G_N_ELEMENTS (step_names) && !json_object_has_member (step, step_names[kind]))
    kind++;
  if (kind == G_N_ELEMENTS (step_names))
    goto bad;
  type = array_type (json_object_get_string_member_with_default (step, step_names[kind], ""));
  if (type == WEFT_ITEM_NONE && kind != WEFT_STEP_SET)
    goto bad;

  switch (kind)
    {
    case WEFT_STEP_SET:
      {
        const char *name = json_object_get_string_member_with_default (step, "member", "");
        JsonNode *value = json_object_get_member (step, "value");

        member = weft_member_lookup (type ? weft_item_members (type) : &weft_file_members, name);
        if (member == NULL)
          goto bad;
        if (type == WEFT_ITEM_NONE)
          {
            /* The dataset's own members are strings. */
            if (member->type != WEFT_MEMBER_STRING)
              goto bad;
            WEFT_MEMBER_FIELD (&header, member->offset, const char *) = value ? json_node_get_string (value) : NULL;
            from = &header;
          }
        else
          {
            g_autoptr(JsonObject) object = json_object_new ();

            json_object_set_string_member (object, "id", id ? id : "");
            if (value != NULL)
              json_object_set_member (object, name, json_node_copy (value));
            if ((item = read_item (scratch, type, object)) == NULL)
              goto bad;
            from = item;
          }
      }
      break;

    case WEFT_STEP_INSERT:
      {
        JsonObject *object = get_object (step, "item", NULL);

        if (object == NULL || (item = read_item (scratch, type, object)) == NULL)
          goto bad;
        id = item->id;
        from = item;
      }
      break;

    case WEFT_STEP_HISTORY:
      {
        JsonObject *entry = get_object (step, "entry", NULL);
        g_autoptr(JsonObject) object = json_object_new ();
        JsonArray *history = json_array_new ();

        if (entry == NULL)
          goto bad;
        json_array_add_object_element (history, json_object_ref (entry));
        json_object_set_string_member (object, "id", id ? id : "");
        json_object_set_array_member (object, "history", history);
        if ((item = read_item (scratch, type, object)) == NULL || item->n_history != 1)
          goto bad;
        from = item->history;
      }
      break;

    case WEFT_STEP_ALIAS:
    case WEFT_STEP_UNALIAS:
      from = json_object_get_string_member_with_default (step, "name", NULL);
      if (from == NULL)
        goto bad;
      break;

    case WEFT_STEP_REMOVE:
    case WEFT_STEP_POP:
    default:
      break;
    }

  return weft_edit_replay_step (edit, kind, type, position, id, member, from, error);

bad:
  g_set_error_literal (error, WEFT_ERROR, WEFT_ERROR_INVALID, _("a step of an edit cannot be read"));
  return FALSE;
}

gboolean
weft_journal_replay (WeftRecoverable  *self,
                     WeftDataset      *dataset,
                     WeftUndoStack    *stack,
                     GError          **error)
{
  g_autoptr(GPtrArray) lines = read_lines (self->path, error);
  g_autoptr(WeftDataset) scratch = weft_dataset_new ();
  g_autoptr(GError) local_error = NULL;

  if (lines == NULL)
    return FALSE;

  for (guint i = self->first; i < lines->len; i++)
    {
      JsonObject *line = g_ptr_array_index (lines, i);
      g_autoptr(WeftEdit) edit = NULL;
      g_autofree char *label = NULL;
      JsonArray *steps;

      if (!is_entry (line))
        continue;

      label = entry_label (line);
      edit = weft_edit_new (dataset, label);
      steps = json_object_get_array_member (line, "steps");
      for (guint j = 0; j < json_array_get_length (steps); j++)
        {
          JsonNode *step = json_array_get_element (steps, j);

          if (!JSON_NODE_HOLDS_OBJECT (step) || !replay_step (edit, scratch, json_node_get_object (step), &local_error))
            {
              weft_edit_cancel (edit);
              g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                           _("%s, line %u: %s"), self->path, i + 1,
                           local_error ? local_error->message : _("a step of an edit cannot be read"));
              return FALSE;
            }
        }
      weft_edit_replay_commit (edit, json_object_get_string_member_with_default (line, "at", ""));
      weft_undo_stack_push (stack, edit);
    }

  if (!weft_dataset_verify (dataset, &local_error))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_INVALID,
                   _("%s does not fit the dataset it was made for: %s"), self->path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

WeftJournal *
weft_journal_resume (WeftRecoverable  *self,
                     WeftDataset      *dataset,
                     GError          **error)
{
  g_autoptr(WeftJournal) journal = NULL;
  g_autofree char *dir = g_path_get_dirname (self->path);
  WeftFileStamp stamp = { 0 };

  if (self->file != NULL)
    weft_file_stamp_query (self->file, &stamp);
  journal = weft_journal_new (dataset, self->file, self->format, &stamp, dir);
  journal->path = g_strdup (self->path);
  journal->fd = g_open (self->path, O_WRONLY | O_APPEND | O_CLOEXEC, 0600);
  if (journal->fd < 0 || flock (journal->fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", self->path, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&journal);
}
