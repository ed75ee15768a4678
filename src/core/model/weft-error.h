/* weft-error.h: the one error domain of Weft
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WEFT_ERROR (weft_error_quark ())

typedef enum {
  WEFT_ERROR_FAILED,      /* anything else */
  WEFT_ERROR_IO,          /* a file cannot be read or written */
  WEFT_ERROR_SYNTAX,      /* not well-formed JSON, CSV, … */
  WEFT_ERROR_INVALID,     /* well-formed but wrong: types, references, … */
  WEFT_ERROR_DATE,        /* an EDTF date that cannot be parsed */
  WEFT_ERROR_VERSION,     /* made by a newer Weft */
  WEFT_ERROR_LIMIT,       /* a safety limit was reached */
  WEFT_ERROR_NOT_FOUND,   /* an id that is not in the dataset */
  WEFT_ERROR_LAYOUT,      /* Graphviz could not lay out or render */
  WEFT_ERROR_CANCELLED_TIMEOUT, /* a layout ran past its time limit */
  WEFT_ERROR_FORMAT,      /* unknown or unsupported file format */
} WeftErrorCode;

/* The quark of the WEFT_ERROR domain. */
GQuark weft_error_quark (void);

G_END_DECLS
