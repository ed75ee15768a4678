/* weft-error.c
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include "weft-error.h"

G_DEFINE_QUARK (weft-error-quark, weft_error)
