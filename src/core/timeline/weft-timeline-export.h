/* weft-timeline-export.h: the timeline as an SVG, PNG or PDF picture
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "weft-session.h"
#include "weft-timeline-index.h"

G_BEGIN_DECLS

typedef enum {
  WEFT_TIMELINE_FORMAT_SVG,
  WEFT_TIMELINE_FORMAT_PNG,
  WEFT_TIMELINE_FORMAT_PDF,
} WeftTimelineFormat;

/* The format a file name's extension names (case-insensitive). */
gboolean weft_timeline_format_from_path (const char         *path,
                                         WeftTimelineFormat *format);

typedef struct {
  gboolean          has_from;   /* first day shown; else the data's start */
  gint64            from;
  gboolean          has_to;     /* last day shown (inclusive); else the data's end */
  gint64            to;
  guint             width;      /* pixels (PDF: 96 a inch); 0: 1600 */
  WeftTimelineLanes lanes;
  gboolean          dark;
  gboolean          legend;     /* the key to shapes and claim colours, under the lanes */
  gboolean          heading;    /* the dataset's title and the span, above */
  GHashTable       *collapsed;  /* lane keys, or NULL */
  guint             view_width; /* with view_height: the window's timeline pane of */
  guint             view_height;/*   that size instead (weft-timeline-pane.h), fitted
                                 *   unless from and to are given; width, legend and
                                 *   heading do not apply */
  const char       *title;      /* the heading's; NULL: the dataset's */
  WeftSession      *session;    /* NULL, or a session whose time window, selection and search
                                 * are drawn as the window's timeline draws them: the window
                                 * tinted, a selected event ringed, a selected entity's or
                                 * claim's events lit (else the search's), the rest dimmed, the
                                 * selected entity's lane tinted (and, in a view, scrolled to) */
} WeftTimelineExportOptions;

/* Everything shown, with a legend and a heading, lanes by group when the
 * dataset has groups (else by entity). */
void     weft_timeline_export_options_init (WeftTimelineExportOptions       *options,
                                            WeftDataset                     *dataset);

/* The lanes that suit a dataset: by group when its events have groups. */
WeftTimelineLanes weft_timeline_default_lanes (WeftDataset *dataset);

/* Draws the timeline with the same layout and renderer as the screen and
 * writes it to @file. Titles are text (SVG <text>, PDF fonts), not
 * outlines; in SVG each event drawn on its own is a <g class="event">
 * whose id is the event's (a second mark of the same event: "ID~2", …),
 * with a <title> holding its whole title and its id. */
gboolean weft_timeline_export       (WeftDataset                     *dataset,
                                     GFile                           *file,
                                     WeftTimelineFormat               format,
                                     const WeftTimelineExportOptions *options,
                                     GError                         **error);
/* The same, into memory; *@width and *@height (nullable) receive the size
 * in pixels. */
GBytes  *weft_timeline_export_bytes (WeftDataset                     *dataset,
                                     WeftTimelineFormat               format,
                                     const WeftTimelineExportOptions *options,
                                     guint                           *width,
                                     guint                           *height,
                                     GError                         **error);

/* A cairo_write_func_t that appends to the GByteArray it is given. */
cairo_status_t weft_timeline_write_to_array (void                *closure,
                                             const unsigned char *data,
                                             unsigned int         length);
/* Writes @bytes over @file as every export does (weft_file_replace_contents():
 * the old file stays whole when a write fails), with an error that names
 * the file. */
gboolean weft_timeline_export_write (GFile   *file,
                                     GBytes  *bytes,
                                     GError **error);

/* The page the exports draw (heading, span, lanes, legend), laid out once
 * and drawn onto any cairo context: the window prints it. */
typedef struct _WeftTimelinePage WeftTimelinePage;

WeftTimelinePage *weft_timeline_page_new      (WeftDataset                     *dataset,
                                               const WeftTimelineExportOptions *options,
                                               GError                         **error);
void              weft_timeline_page_free     (WeftTimelinePage                *page);
/* In pixels: one unit of the context weft_timeline_page_draw() draws on. */
void              weft_timeline_page_get_size (WeftTimelinePage                *page,
                                               double                          *width,
                                               double                          *height);
/* Draws the page with its top left corner at @cr's origin, clipped to its
 * size. Text stays text (pango glyphs), so a PDF or printer surface gets
 * vectors and fonts. */
void              weft_timeline_page_draw     (WeftTimelinePage                *page,
                                               cairo_t                         *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WeftTimelinePage, weft_timeline_page_free)

G_END_DECLS
