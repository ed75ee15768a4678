/* weft-layout-job.c: laying a graph out now or in the background
 *
 * A layout runs in the calling thread (weft_layout_run()) or in a worker
 * thread (weft_layout_run_async()) with a cancellable and a time limit.
 * Graphviz cannot be interrupted: a job that is cancelled or runs out of
 * time answers its caller at once and is abandoned, its worker running
 * on to the end; the next job that finds Graphviz held by an abandoned
 * one lays out in the helper process instead (weft-layout-protocol.h),
 * which can be killed.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "weft-dot-writer.h"
#include "weft-error.h"
#include "weft-graphviz.h"
#include "weft-layout-private.h"
#include "weft-layout-protocol.h"

/* Lays out; returns NULL with no error when *@abandoned was set before
 * Graphviz started. An asynchronous layout (@abandoned given) that finds
 * Graphviz held by an abandoned layout runs in the helper process, which
 * @cancellable can kill, instead of waiting; with @in_helper it always
 * does (in this process when there is no helper). */
static WeftLayout *
run_layout (WeftGraph         *graph,
            WeftLayoutEngine   engine,
            gint              *abandoned,
            GCancellable      *cancellable,
            gboolean           in_helper,
            GError           **error)
{
  g_autoptr(GError) helper_error = NULL;
  g_autofree char *dot = NULL;
  gboolean held_by_abandoned = FALSE;
  WeftLayout *layout;

  if (!weft_layout_check (error))
    return NULL;

  engine = weft_layout_engine_resolve (graph, engine);
  dot = weft_dot_write_graph (graph, engine);

  if (!in_helper)
    {
      if (abandoned == NULL)
        return weft_graphviz_lay_out (graph, dot, engine, NULL, NULL, error);
      layout = weft_graphviz_lay_out (graph, dot, engine, abandoned, &held_by_abandoned, error);
      if (!held_by_abandoned)
        return layout;
    }

  layout = weft_layout_protocol_run_helper (graph, dot, engine, cancellable, &helper_error);
  if (g_error_matches (helper_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    /* No helper: wait for Graphviz after all. */
    return weft_graphviz_lay_out (graph, dot, engine, abandoned, NULL, error);
  if (g_error_matches (helper_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;
  if (helper_error != NULL)
    g_propagate_error (error, g_steal_pointer (&helper_error));
  return layout;
}

WeftLayout *
weft_layout_run (WeftGraph         *graph,
                 WeftLayoutEngine   engine,
                 GError           **error)
{
  g_return_val_if_fail (graph != NULL, NULL);

  return run_layout (graph, engine, NULL, NULL, FALSE, error);
}

/* ---- Asynchronous layout ------------------------------------------------ */

/* One request. The outer task is what the caller waits on; it finishes
 * exactly once, in the caller's main context, with the first of: the
 * worker's result, the time limit, the cancellation. */
typedef struct {
  gatomicrefcount   ref_count;
  GTask            *outer;      /* NULL once finished */
  WeftGraph        *graph;
  WeftLayoutEngine  engine;
  GSource          *timeout;
  GSource          *cancelled;
  GCancellable     *kill;       /* kills a helper process once abandoned */
  gint              abandoned;  /* atomic: the worker's result is not wanted */
  gboolean          in_helper;  /* always in the helper process */
} Job;

static Job *
job_ref (Job *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

static void
job_unref (Job *job)
{
  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;

  g_assert (job->outer == NULL);
  g_object_unref (job->kill);
  weft_graph_unref (job->graph);
  g_free (job);
}

static void
job_finish (Job        *job,
            WeftLayout *layout,
            GError     *error)
{
  GTask *outer = g_steal_pointer (&job->outer);

  g_atomic_int_set (&job->abandoned, 1);
  g_cancellable_cancel (job->kill);
  if (job->timeout != NULL)
    {
      g_source_destroy (job->timeout);
      g_clear_pointer (&job->timeout, g_source_unref);
    }
  if (job->cancelled != NULL)
    {
      g_source_destroy (job->cancelled);
      g_clear_pointer (&job->cancelled, g_source_unref);
    }

  if (error != NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, layout, (GDestroyNotify) weft_layout_unref);
  g_object_unref (outer);
}

static gboolean
on_timeout (gpointer user_data)
{
  Job *job = user_data;

  if (job->outer != NULL)
    job_finish (job, NULL,
                g_error_new (WEFT_ERROR, WEFT_ERROR_CANCELLED_TIMEOUT,
                             _("The %s layout took too long and was abandoned"),
                             weft_layout_engine_to_string (job->engine)));
  return G_SOURCE_REMOVE;
}

static gboolean
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  Job *job = user_data;

  if (job->outer != NULL)
    job_finish (job, NULL,
                g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The layout was cancelled")));
  return G_SOURCE_REMOVE;
}

static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  WeftLayout *layout;

  /* Abandoned while waiting for a thread, or for the lock while an
   * earlier layout held it: never start. */
  if (g_atomic_int_get (&job->abandoned))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  layout = run_layout (job->graph, job->engine, &job->abandoned, job->kill, job->in_helper, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, layout, (GDestroyNotify) weft_layout_unref);
}

static void
layout_thread_done (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Job *job = user_data;
  GError *error = NULL;
  WeftLayout *layout = g_task_propagate_pointer (G_TASK (result), &error);

  if (job->outer != NULL)
    {
      if (layout == NULL && error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The layout was cancelled"));
      job_finish (job, layout, error);
    }
  else
    {
      /* Too late: the caller has moved on. */
      g_clear_pointer (&layout, weft_layout_unref);
      g_clear_error (&error);
    }
  job_unref (job);
}

static void
start_job (WeftGraph           *graph,
           WeftLayoutEngine     engine,
           gboolean             in_helper,
           guint                timeout_ms,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GMainContext *context = g_main_context_ref_thread_default ();
  Job *job;

  job = g_new0 (Job, 1);
  g_atomic_ref_count_init (&job->ref_count);
  job->graph = weft_graph_ref (graph);
  job->engine = engine;
  job->in_helper = in_helper;
  job->kill = g_cancellable_new ();
  job->outer = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (job->outer, weft_layout_run_async);
  g_task_set_check_cancellable (job->outer, FALSE);

  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    {
      job_finish (job, NULL,
                  g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The layout was cancelled")));
      job_unref (job);
      g_main_context_unref (context);
      return;
    }

  if (timeout_ms > 0)
    {
      job->timeout = g_timeout_source_new (timeout_ms);
      g_source_set_callback (job->timeout, on_timeout, job_ref (job), (GDestroyNotify) job_unref);
      g_source_set_static_name (job->timeout, "[weft] layout time limit");
      g_source_attach (job->timeout, context);
    }
  if (cancellable != NULL)
    {
      job->cancelled = g_cancellable_source_new (cancellable);
      g_source_set_callback (job->cancelled, (GSourceFunc) (void (*) (void)) on_cancelled,
                             job_ref (job), (GDestroyNotify) job_unref);
      g_source_set_static_name (job->cancelled, "[weft] layout cancelled");
      g_source_attach (job->cancelled, context);
    }

  inner = g_task_new (NULL, NULL, layout_thread_done, job);
  g_task_set_task_data (inner, job_ref (job), (GDestroyNotify) job_unref);
  g_task_run_in_thread (inner, layout_thread);
  g_main_context_unref (context);
}

void
weft_layout_run_async (WeftGraph           *graph,
                       WeftLayoutEngine     engine,
                       guint                timeout_ms,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (graph != NULL);

  start_job (graph, engine, FALSE, timeout_ms, cancellable, callback, user_data);
}

void
weft_layout_run_in_helper_async (WeftGraph           *graph,
                                 WeftLayoutEngine     engine,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (graph != NULL);

  start_job (graph, engine, TRUE, 0, cancellable, callback, user_data);
}

/* ---- Fitting in the background ---------------------------------------- */

typedef struct {
  WeftLayout *layout;
  double      width;
  double      height;
} FitJob;

static void
fit_job_free (FitJob *job)
{
  weft_layout_unref (job->layout);
  g_free (job);
}

static void
fit_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  FitJob *job = task_data;
  WeftLayout *fitted = weft_layout_fit (job->layout, job->width, job->height, cancellable);

  if (fitted == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("The layout was cancelled"));
  else
    g_task_return_pointer (task, fitted, (GDestroyNotify) weft_layout_unref);
}

void
weft_layout_fit_async (WeftLayout          *layout,
                       double               width,
                       double               height,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  FitJob *job = g_new0 (FitJob, 1);

  job->layout = weft_layout_ref (layout);
  job->width = width;
  job->height = height;
  g_task_set_source_tag (task, weft_layout_fit_async);
  g_task_set_task_data (task, job, (GDestroyNotify) fit_job_free);
  g_task_run_in_thread (task, fit_thread);
}

WeftLayout *
weft_layout_fit_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

WeftLayout *
weft_layout_run_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
