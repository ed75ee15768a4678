/* test-graph-picture.c: a pane of the graph as the window draws it
 *
 * Legibility asserted from the painter's own record of what it drew: at
 * the fitted zoom every name is at least 11 pixels, inside its node or a
 * label touching it, no name meets another name or another node, and the
 * drawing spans the pane; the fitted layout's boxes never overlap; the
 * SVG is a node a group, names as text.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "weft-graph-picture.h"
#include "weft-loader.h"
#include "weft-paths.h"

static WeftDataset *
load_example (void)
{
  g_autofree char *path = weft_get_example_path ();
  g_autoptr(GError) error = NULL;
  WeftDataset *dataset = weft_dataset_load_path (path, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

/* Graphviz's placement of all of @dataset. */
static WeftLayout *
raw_layout (WeftDataset *dataset)
{
  g_autoptr(WeftSubgraph) all = weft_dataset_all (dataset);
  g_autoptr(WeftGraph) graph = weft_graph_new (dataset, all, FALSE, FALSE);
  g_autoptr(GError) error = NULL;
  WeftLayout *layout = weft_layout_run (graph, WEFT_ENGINE_AUTO, &error);

  g_assert_no_error (error);
  return layout;
}

static WeftGraphPicture *
draw (WeftLayout *raw,
      double      width,
      double      height)
{
  WeftGraphPictureOptions options = { width, height, FALSE, FALSE, FALSE, NULL };
  WeftGraphPicture *picture = weft_graph_picture_new (raw, &options);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);

  weft_graph_picture_draw (picture, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return picture;
}

static gboolean
meet (const WeftGraphRect *a,
      const WeftGraphRect *b)
{
  /* Touching is not meeting: half a pixel of slack for rounding. */
  return a->x + 0.5 < b->x + b->width && b->x + 0.5 < a->x + a->width &&
         a->y + 0.5 < b->y + b->height && b->y + 0.5 < a->y + a->height;
}

static gboolean
within (const WeftGraphRect *inner,
        const WeftGraphRect *outer,
        double               slack)
{
  return inner->x >= outer->x - slack && inner->y >= outer->y - slack &&
         inner->x + inner->width <= outer->x + outer->width + slack &&
         inner->y + inner->height <= outer->y + outer->height + slack;
}

/* The name of @d as drawn: inside its box, or a label. */
static const WeftGraphRect *
name_of (const WeftGraphDrawnNode *d)
{
  return d->has_name ? &d->name : d->has_label ? &d->label : NULL;
}

/* What the issue asks of a fitted pane: returns how many names show. */
static guint
assert_legible (WeftGraphPicture *picture,
                double            width,
                double            height)
{
  guint n_drawn, named = 0;
  const WeftGraphDrawnNode *drawn = weft_graph_picture_get_drawn (picture, &n_drawn);
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  g_assert_cmpuint (n_drawn, ==, weft_graph_get_n_nodes (weft_layout_get_graph (weft_graph_picture_get_layout (picture))));
  for (guint i = 0; i < n_drawn; i++)
    {
      const WeftGraphRect *name = name_of (&drawn[i]);

      x1 = MIN (x1, drawn[i].shape.x);
      y1 = MIN (y1, drawn[i].shape.y);
      x2 = MAX (x2, drawn[i].shape.x + drawn[i].shape.width);
      y2 = MAX (y2, drawn[i].shape.y + drawn[i].shape.height);
      if (name == NULL)
        continue;
      named++;

      /* At least 11 pixels, in the pane. */
      g_assert_cmpfloat (drawn[i].text_size, >=, 11 - 1e-6);
      g_assert_true (within (name, &(WeftGraphRect) { 0, 0, width, height }, 0.5));
      /* Inside its node's box, or a label over or touching its mark. */
      if (drawn[i].has_name)
        g_assert_true (within (name, &drawn[i].box, 1.0));
      else
        {
          WeftGraphRect grown = { name->x - 1, name->y - 1, name->width + 2, name->height + 2 };

          g_assert_true (meet (&grown, &drawn[i].shape));
        }

      for (guint j = 0; j < n_drawn; j++)
        {
          const WeftGraphRect *other = name_of (&drawn[j]);

          if (j == i)
            continue;
          /* No name over another node, nor over another name. */
          if (meet (name, &drawn[j].shape))
            g_error ("the name of node %u covers node %u", drawn[i].node, drawn[j].node);
          if (other != NULL && meet (name, other))
            g_error ("the names of nodes %u and %u overlap", drawn[i].node, drawn[j].node);
        }
      x1 = MIN (x1, name->x);
      y1 = MIN (y1, name->y);
      x2 = MAX (x2, name->x + name->width);
      y2 = MAX (y2, name->y + name->height);
    }

  /* The drawing spans the pane: 70 % one way, 50 % the other. */
  g_test_message ("%g x %g: drawing %.0f x %.0f, %u of %u named", width, height, x2 - x1, y2 - y1, named, n_drawn);
  g_assert_true (((x2 - x1) >= 0.7 * width && (y2 - y1) >= 0.5 * height) ||
                 ((x2 - x1) >= 0.5 * width && (y2 - y1) >= 0.7 * height));
  return named;
}

/* The example in the Graph view at 1280x720 and in the Graph pane of a
 * 1920x1080 window: every name inside its node. */
static void
test_legible (void)
{
  g_autoptr(WeftDataset) dataset = load_example ();
  g_autoptr(WeftLayout) raw = raw_layout (dataset);
  const double panes[][2] = { { 1280, 720 }, { 1920, 1000 }, { 810, 750 }, { 1450, 520 } };

  for (guint k = 0; k < G_N_ELEMENTS (panes); k++)
    {
      g_autoptr(WeftGraphPicture) picture = draw (raw, panes[k][0], panes[k][1]);
      guint n_drawn;
      const WeftGraphDrawnNode *drawn = weft_graph_picture_get_drawn (picture, &n_drawn);

      g_assert_cmpuint (assert_legible (picture, panes[k][0], panes[k][1]), ==, n_drawn);
      for (guint i = 0; i < n_drawn; i++)
        g_assert_true (drawn[i].has_name);
    }
}

/* A pane too small for every name inside: labels where they fit, and the
 * same rules. */
static void
test_small_pane (void)
{
  g_autoptr(WeftDataset) dataset = load_example ();
  g_autoptr(WeftLayout) raw = raw_layout (dataset);
  const double panes[][2] = { { 720, 380 }, { 500, 300 }, { 320, 240 } };

  for (guint k = 0; k < G_N_ELEMENTS (panes); k++)
    {
      g_autoptr(WeftGraphPicture) picture = draw (raw, panes[k][0], panes[k][1]);

      g_assert_cmpuint (assert_legible (picture, panes[k][0], panes[k][1]), >, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/weft/graph-picture/legible", test_legible);
  g_test_add_func ("/weft/graph-picture/small-pane", test_small_pane);

  return g_test_run ();
}
