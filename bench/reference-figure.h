/* reference-figure.h: the baseline stick figure for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

/* A cleared background and 15 round-capped strokes, moving with @t. The
 * figure benchmarks compare Steady's painter against this, offscreen and
 * animated in a window. */
void paint_reference (cairo_t *cr,
                      double   w,
                      double   h,
                      double   t);
