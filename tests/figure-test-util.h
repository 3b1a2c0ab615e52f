/* figure-test-util.h: comparing pictures with a tolerance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <stdlib.h>

/* The share of pixels (0–1) whose colour differs by more than @threshold
 * in any channel; sizes must match. */
static inline double
figure_test_difference (cairo_surface_t *a,
                        cairo_surface_t *b,
                        int              threshold)
{
  int w, h, sa, sb, bad = 0;
  const guchar *pa, *pb;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  w = cairo_image_surface_get_width (a);
  h = cairo_image_surface_get_height (a);
  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  sa = cairo_image_surface_get_stride (a);
  sb = cairo_image_surface_get_stride (b);
  pa = cairo_image_surface_get_data (a);
  pb = cairo_image_surface_get_data (b);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = pa + y * sa + 4 * x, *q = pb + y * sb + 4 * x;

        for (int c = 0; c < 4; c++)
          if (abs ((int) p[c] - (int) q[c]) > threshold)
            {
              bad++;
              break;
            }
      }

  return (double) bad / (w * h);
}

/* Compares @surface with tests/golden/@name; with STEADY_UPDATE_GOLDEN=1 in
 * the environment, writes it there instead. */
static inline void
figure_test_assert_golden (cairo_surface_t *surface,
                           const char      *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", name, NULL);
  cairo_surface_t *golden;
  double diff;

  if (g_strcmp0 (g_getenv ("STEADY_UPDATE_GOLDEN"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      return;
    }

  golden = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (golden), ==, CAIRO_STATUS_SUCCESS);
  diff = figure_test_difference (surface, golden, 24);
  if (diff > 0.005)
    {
      g_autofree char *actual = g_strdup_printf ("%s/%s", g_get_tmp_dir (), name);

      cairo_surface_write_to_png (surface, actual);
      g_error ("%s differs from its golden in %.2f%% of pixels (actual: %s)", name, diff * 100, actual);
    }
  cairo_surface_destroy (golden);
}
