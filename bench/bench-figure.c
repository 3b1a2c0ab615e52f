/* bench-figure.c: µs per frame of the figure painter, offscreen, against a
 * flat 15-stroke stick figure drawn in the same run. The figure is painted
 * as the widget paints it, through a SteadyPainterCache into the cache's
 * own surface (only what moved is repainted); the reference paints its
 * frame whole into its own surface. The widget then records a reference
 * to the frame in a cairo node, which GTK plays back as it plays back the
 * reference's strokes; what a copy of the whole frame into another
 * surface would add is printed beside.
 *
 * This machine's load drifts by ±15 % from one second to the next, so each
 * case is measured in three passes, interleaved with the reference frame by
 * frame, and the pass with the middle ratio is printed with the range.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <cairo.h>

#include "reference-figure.h"
#include "steady-motion.h"
#include "steady-painter-cache.h"

#define FRAMES 240
#define PASSES 3

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct {
  double figure_median, figure_p99, reference_median, reference_p99, copy_median, repainted;
} Pass;

static void
measure_pass (const char *motion,
              int         w,
              int         h,
              Pass       *pass)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  SteadyPainterStyle style;
  SteadyMotionParams params;
  SteadyCamera camera;
  g_autoptr (SteadyPainterCache) cache = steady_painter_cache_new ();
  double figure[FRAMES], reference[FRAMES], copy[FRAMES], repainted = 0;
  cairo_surface_t *frame = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *fcr = cairo_create (frame);

  /* Written once, as the cache's frames are: a surface never written maps
   * every page to the same zero page, and copying it costs half as much
   * as copying a real frame. */
  cairo_set_source_rgb (fcr, 0.98, 0.98, 0.98);
  cairo_paint (fcr);
  cairo_destroy (fcr);
  cairo_surface_flush (frame);

  steady_painter_style_init (&style, STEADY_PAINTER_THEME_LIGHT);
  steady_motion_params_init (&params);
  steady_camera_init_for_motion (&camera, motion);

  /* Interleaved, so both see the same machine load. */
  for (int i = 0; i < FRAMES; i++)
    {
      double t = i / 60.0, start;
      SteadyMotionState state;
      SteadyPose pose;

      start = now_us ();
      steady_motion_demo_state (motion, t, &state);
      steady_motion_pose (motion, &state, &params, &pose);
      steady_painter_cache_render (cache, &pose, &camera, w, h, 1.0, &style);
      figure[i] = now_us () - start;
      repainted += steady_painter_cache_get_repainted (cache) / FRAMES;

      start = now_us ();
      paint_reference (cr, w, h, t);
      cairo_surface_flush (surface);
      reference[i] = now_us () - start;

      /* What a painter that keeps its frame apart adds when the frame
       * is wanted in another surface: one copy of a whole frame. */
      start = now_us ();
      cairo_save (cr);
      cairo_set_source_surface (cr, frame, 0, 0);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_rectangle (cr, 0, 0, w, h);
      cairo_fill (cr);
      cairo_restore (cr);
      cairo_surface_flush (surface);
      copy[i] = now_us () - start;
    }

  qsort (figure, FRAMES, sizeof (double), compare_doubles);
  qsort (reference, FRAMES, sizeof (double), compare_doubles);
  qsort (copy, FRAMES, sizeof (double), compare_doubles);
  *pass = (Pass) { figure[FRAMES / 2], figure[FRAMES * 99 / 100],
                   reference[FRAMES / 2], reference[FRAMES * 99 / 100],
                   copy[FRAMES / 2], repainted };

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (frame);
}

static int
compare_by_median_ratio (const void *a,
                         const void *b)
{
  const Pass *x = a, *y = b;
  double rx = x->figure_median / x->reference_median, ry = y->figure_median / y->reference_median;

  return rx < ry ? -1 : rx > ry;
}

static void
measure (const char *motion,
         int         w,
         int         h)
{
  Pass passes[PASSES];
  const Pass *mid = &passes[PASSES / 2];
  double lo_p99 = G_MAXDOUBLE, hi_p99 = 0;

  for (guint p = 0; p < PASSES; p++)
    {
      measure_pass (motion, w, h, &passes[p]);
      lo_p99 = MIN (lo_p99, passes[p].figure_p99 / passes[p].reference_p99);
      hi_p99 = MAX (hi_p99, passes[p].figure_p99 / passes[p].reference_p99);
    }
  qsort (passes, PASSES, sizeof (Pass), compare_by_median_ratio);

  printf ("figure %s %dx%d: median %.0f µs p99 %.0f µs, reference median %.0f µs p99 %.0f µs, "
          "ratio median %.2f p99 %.2f (%.0f%% of the pixels repainted a frame)\n",
          motion, w, h, mid->figure_median, mid->figure_p99,
          mid->reference_median, mid->reference_p99,
          mid->figure_median / mid->reference_median,
          mid->figure_p99 / mid->reference_p99, 100 * mid->repainted);
  printf ("  over %d passes: ratio median %.2f–%.2f, p99 %.2f–%.2f; "
          "a copy of the whole frame into another surface would add: median %.0f µs, %.2f× the reference\n",
          PASSES, passes[0].figure_median / passes[0].reference_median,
          passes[PASSES - 1].figure_median / passes[PASSES - 1].reference_median, lo_p99, hi_p99,
          mid->copy_median, mid->copy_median / mid->reference_median);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  const char * const *motions = steady_motion_list ();
  const int sizes[][2] = { { 800, 600 }, { 1920, 1080 } };

  for (guint m = 0; motions[m] != NULL; m++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      measure (motions[m], sizes[s][0], sizes[s][1]);

  return 0;
}
