/* test-illustration.c: every card has a drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "figure-test-util.h"
#include "steady-illustration.h"

#define W 200
#define H 150

static cairo_surface_t *
paint (const char *id,
       double      t)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);
  SteadyPainterStyle style;

  steady_painter_style_init (&style, STEADY_PAINTER_THEME_LIGHT);
  g_assert_true (steady_illustration_paint (cr, id, t, W, H, &style));
  cairo_destroy (cr);

  return surface;
}

static void
test_every_card (void)
{
  const char *cards[] = {
    "alarm-and-fire", "movement-finds-a-way", "workplace", "sleeping-glutes",
    "spinal-lockdown", "pop-teaches-instability", "wobbly-table", "where-it-leads",
    "stop-kicking", "drill-clamshell", "drill-knee-circles", "drill-knee-rotation",
    "safety",
  };
  const char * const *ids = steady_illustration_list ();

  g_assert_cmpuint (g_strv_length ((char **) ids), ==, G_N_ELEMENTS (cards));
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      g_assert_true (steady_illustration_is_known (cards[i]));
      g_assert_true (g_strv_contains (ids, cards[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    g_assert_cmpuint (strlen (steady_illustration_describe (cards[i])), >, 30);
  g_assert_null (steady_illustration_describe ("unicorn"));
  g_assert_false (steady_illustration_is_known ("unicorn"));
  g_assert_false (steady_illustration_is_known (NULL));
}

static void
test_draws_something (gconstpointer data)
{
  const char *id = data;
  cairo_surface_t *surface = paint (id, 0.0);
  cairo_surface_t *blank = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (blank);
  SteadyPainterStyle style;
  g_autofree char *golden = g_strdup_printf ("card-%s.png", id);

  steady_painter_style_init (&style, STEADY_PAINTER_THEME_LIGHT);
  steady_painter_set_color (cr, &style.background, 1.0);
  cairo_paint (cr);
  cairo_destroy (cr);

  /* Something real is drawn: at least 4 % of the picture. */
  g_assert_cmpfloat (figure_test_difference (surface, blank, 16), >, 0.04);

  /* Gentle motion moves; a still stays. */
  {
    cairo_surface_t *later = paint (id, 1.3);
    double moved = figure_test_difference (surface, later, 8);

    if (steady_illustration_is_animated (id))
      g_assert_cmpfloat (moved, >, 0.0);
    else
      g_assert_cmpfloat (moved, ==, 0.0);
    cairo_surface_destroy (later);
  }

  figure_test_assert_golden (surface, golden);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (blank);
}

static gboolean
near_color (const guint8             *px,
            const SteadyPainterColor *color)
{
  /* ARGB32 in native order, opaque here: B, G, R, A on little-endian. */
  guint32 v = *(const guint32 *) px;
  int r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;

  return ABS (r - (int) (color->red * 255)) <= 40 && ABS (g - (int) (color->green * 255)) <= 40 &&
         ABS (b - (int) (color->blue * 255)) <= 40;
}

/* Nothing is cut off, whatever the shape of the room the page gives the
 * picture (wide and short above a card's text in a portrait window, tall
 * beside it): along the picture's edge there is only the background, or
 * the floor a drill's figure lies on, never a part of a drawing. */
static void
test_fits (gconstpointer data)
{
  const char *id = data;
  const int sizes[][2] = { { 580, 220 }, { 1200, 300 }, { 400, 560 }, { 800, 600 }, { 300, 900 } };
  const double times[] = { 0.0, 1.3, 2.9 };
  SteadyPainterStyle style;

  steady_painter_style_init (&style, STEADY_PAINTER_THEME_LIGHT);
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    for (guint j = 0; j < G_N_ELEMENTS (times); j++)
      {
        int w = sizes[k][0], h = sizes[k][1];
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
        cairo_t *cr = cairo_create (surface);
        const guint8 *data_px;
        int stride;

        steady_painter_set_color (cr, &style.background, 1.0);
        cairo_paint (cr);
        g_assert_true (steady_illustration_paint (cr, id, times[j], w, h, &style));
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        data_px = cairo_image_surface_get_data (surface);
        stride = cairo_image_surface_get_stride (surface);

        for (int y = 0; y < h; y++)
          for (int x = 0; x < w; x++)
            {
              const guint8 *px = data_px + y * stride + x * 4;

              if (x != 0 && y != 0 && x != w - 1 && y != h - 1)
                continue;
              if (!near_color (px, &style.background) && !near_color (px, &style.mat))
                g_error ("%s at %dx%d, %.1f s: cut off at the edge, pixel (%d, %d)",
                         id, w, h, times[j], x, y);
            }
        cairo_surface_destroy (surface);
      }
}

static void
test_unknown (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);
  SteadyPainterStyle style;

  steady_painter_style_init (&style, STEADY_PAINTER_THEME_DARK);
  g_assert_false (steady_illustration_paint (cr, "unicorn", 0, W, H, &style));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  const char * const *ids = steady_illustration_list ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/illustration/every-card", test_every_card);
  g_test_add_func ("/illustration/unknown", test_unknown);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/illustration/draws/%s", ids[i]);

      g_autofree char *fits = g_strdup_printf ("/illustration/fits/%s", ids[i]);

      g_test_add_data_func (path, ids[i], test_draws_something);
      g_test_add_data_func (fits, ids[i], test_fits);
    }

  return g_test_run ();
}
