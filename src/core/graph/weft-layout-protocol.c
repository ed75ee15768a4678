/* weft-layout-protocol.c: what the layout helper and Weft send each other
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <stdarg.h>
#include <glib/gi18n-lib.h>

#include "weft-error.h"
#include "weft-layout-private.h"
#include "weft-layout-protocol.h"

void
weft_layout_protocol_write (WeftLayout *self,
                            guint       n_nodes,
                            guint       n_edges,
                            FILE       *out)
{
  fprintf (out, "L %u %u %u %u %a %a\n", n_nodes, n_edges, self->n_splines, self->n_points,
           self->width, self->height);
  for (guint i = 0; i < n_nodes; i++)
    {
      const WeftNodeBox *nb = &self->nodes[i];
      fprintf (out, "%a %a %a %a\n", nb->x, nb->y, nb->width, nb->height);
    }
  for (guint i = 0; i < n_edges; i++)
    {
      const WeftEdgePath *ep = &self->edges[i];

      fprintf (out, "%u %d %a %a %a %a %a %a %a %a\n", ep->n_splines, ep->has_label, ep->label_x, ep->label_y,
               ep->label_width, ep->label_height, ep->x1, ep->y1, ep->x2, ep->y2);
      for (guint j = 0; j < ep->n_splines; j++)
        {
          const WeftSpline *sp = &ep->splines[j];

          fprintf (out, "%u %d %a %a %d %a %a", sp->n_points, sp->has_start_arrow, sp->start_tip.x,
                   sp->start_tip.y, sp->has_end_arrow, sp->end_tip.x, sp->end_tip.y);
          for (guint k = 0; k < sp->n_points; k++)
            fprintf (out, " %a %a", sp->points[k].x, sp->points[k].y);
          fputc ('\n', out);
        }
    }
}

/* Reads a number for each letter of @types into the variables after it
 * ('u': a guint *, 'd': a double *), moving *@p past them; FALSE when one
 * is not there. */
static gboolean
read_numbers (const char **p,
              const char  *types,
              ...)
{
  va_list args;
  gboolean ok = TRUE;

  va_start (args, types);
  for (const char *t = types; ok && *t != '\0'; t++)
    {
      char *end;

      if (*t == 'u')
        *va_arg (args, guint *) = (guint) g_ascii_strtoull (*p, &end, 10);
      else
        *va_arg (args, double *) = g_ascii_strtod (*p, &end);
      ok = end != *p;
      *p = end;
      while (**p == ' ')
        (*p)++;
    }
  va_end (args);
  return ok;
}

WeftLayout *
weft_layout_protocol_read (const char        *text,
                           WeftGraph         *graph,
                           WeftLayoutEngine   engine)
{
  g_autoptr(WeftLayout) self = NULL;
  const char *p = text;
  guint n_nodes, n_edges, n_splines, n_points, s = 0, q = 0;
  double width, height;

  if (!g_str_has_prefix (p, "L "))
    return NULL;
  p += 2;
  if (!read_numbers (&p, "uuuudd", &n_nodes, &n_edges, &n_splines, &n_points, &width, &height) ||
      n_nodes != weft_graph_get_n_nodes (graph) || n_edges != weft_graph_get_n_edges (graph) ||
      n_splines > 64u * (n_edges + 1) || n_points > 1024u * (n_edges + 1))
    return NULL;

  self = weft_layout_alloc (engine, n_nodes, n_edges, n_splines, n_points);
  self->width = width;
  self->height = height;

  for (guint i = 0; i < n_nodes; i++)
    {
      WeftNodeBox *nb = &self->nodes[i];

      if (!read_numbers (&p, "dddd", &nb->x, &nb->y, &nb->width, &nb->height))
        return NULL;
      nb->label_x = nb->x;
      nb->label_y = nb->y;
    }
  for (guint i = 0; i < n_edges; i++)
    {
      WeftEdgePath *ep = &self->edges[i];
      guint has_label;

      if (!read_numbers (&p, "uudddddddd", &ep->n_splines, &has_label, &ep->label_x, &ep->label_y,
                         &ep->label_width, &ep->label_height, &ep->x1, &ep->y1, &ep->x2, &ep->y2) ||
          ep->n_splines > self->n_splines - s)
        return NULL;
      ep->has_label = has_label != 0;
      ep->splines = &self->splines[s];
      for (guint j = 0; j < ep->n_splines; j++)
        {
          WeftSpline *sp = &self->splines[s++];
          guint start_arrow, end_arrow;

          if (!read_numbers (&p, "uuddudd", &sp->n_points, &start_arrow, &sp->start_tip.x, &sp->start_tip.y,
                             &end_arrow, &sp->end_tip.x, &sp->end_tip.y) ||
              sp->n_points > self->n_points - q)
            return NULL;
          sp->has_start_arrow = start_arrow != 0;
          sp->has_end_arrow = end_arrow != 0;
          sp->points = &self->points[q];
          for (guint k = 0; k < sp->n_points; k++, q++)
            if (!read_numbers (&p, "dd", &self->points[q].x, &self->points[q].y))
              return NULL;
        }
    }

  return g_steal_pointer (&self);
}

/* The helper program: WEFT_LAYOUT_HELPER, else the installed one, else
 * the one a build tree has beside the running program (src/weft and
 * src/core/graph/weft-layout-helper). */
static char *
find_helper (void)
{
  const char *env = g_getenv ("WEFT_LAYOUT_HELPER");
  g_autofree char *self_path = NULL;
  char *candidate;

  if (env != NULL && *env != '\0')
    return g_file_test (env, G_FILE_TEST_IS_EXECUTABLE) ? g_strdup (env) : NULL;

  candidate = g_build_filename (LIBEXECDIR, "weft-layout-helper", NULL);
  if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
    return candidate;
  g_free (candidate);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_path);

      candidate = g_build_filename (dir, "core", "graph", "weft-layout-helper", NULL);
      if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
        return candidate;
      g_free (candidate);
      candidate = g_build_filename (dir, "weft-layout-helper", NULL);
      if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
        return candidate;
      g_free (candidate);
    }
  return NULL;
}

WeftLayout *
weft_layout_protocol_run_helper (WeftGraph         *graph,
                                 const char        *dot,
                                 WeftLayoutEngine   engine,
                                 GCancellable      *cancellable,
                                 GError           **error)
{
  g_autofree char *helper = find_helper ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) local_error = NULL;
  WeftLayout *layout;

  if (helper != NULL)
    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                G_SUBPROCESS_FLAGS_STDERR_PIPE, &local_error,
                                helper, weft_layout_engine_to_string (engine), NULL);
  if (process == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No layout helper to run");
      return NULL;
    }

  if (!g_subprocess_communicate_utf8 (process, dot, cancellable, &out, &err, &local_error))
    {
      g_subprocess_force_exit (process);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_LAYOUT, _("Graphviz (%s) could not lay the graph out: %s"),
                   weft_layout_engine_to_string (engine), err ? g_strstrip (err) : "");
      return NULL;
    }

  layout = weft_layout_protocol_read (out ? out : "", graph, engine);
  if (layout == NULL)
    {
      g_set_error (error, WEFT_ERROR, WEFT_ERROR_LAYOUT, _("The layout helper %s answered nonsense"), helper);
      return NULL;
    }
  if (err != NULL && *g_strstrip (err) != '\0')
    layout->warnings = g_steal_pointer (&err);
  layout->in_helper = TRUE;
  weft_layout_finish (layout, graph);
  return layout;
}
