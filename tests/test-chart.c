/* test-chart.c: the history charts (goldens without text) and their
 * summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "figure-test-util.h"
#include "steady-chart.h"

/* Thursday 5 November 2026, 12:00 UTC */
#define T0 G_GINT64_CONSTANT (1793880000)
#define DAY 86400

static SteadyJournalPoint
point (double days,
       int    value)
{
  SteadyJournalPoint p = { T0 + (gint64) (days * DAY), value, STEADY_CHECKIN_BEFORE, 0 };

  return p;
}

/* 56 days from Monday 5 October 2026, sessions on a pattern, today the
 * last Wednesday. */
static GArray *
make_days (GDate *today)
{
  GArray *days = g_array_new (FALSE, TRUE, sizeof (SteadyJournalDay));
  GDate first;

  g_date_clear (today, 1);
  g_date_set_dmy (today, 25, G_DATE_NOVEMBER, 2026);
  steady_chart_calendar_first_day (today, 8, &first);
  g_assert_cmpint (g_date_get_weekday (&first), ==, G_DATE_MONDAY);
  g_assert_cmpint (g_date_get_day (&first), ==, 5);
  g_assert_cmpint (g_date_get_month (&first), ==, G_DATE_OCTOBER);

  for (guint i = 0; i < 56; i++)
    {
      SteadyJournalDay day = { 0 };

      day.date = first;
      g_date_add_days (&day.date, i);
      day.max_pain = day.max_pop_urge = STEADY_CHECKIN_SKIPPED;
      if (i % 3 != 1 && i > 10)
        {
          day.n_sessions = 1 + i % 2;
          day.n_finished = day.n_sessions;
          day.units_done = 30;
        }
      if (i == 20 || i == 44)
        {
          day.n_stopped = 1;
          day.n_finished--;
        }
      if (i == 30)
        day.units_done = 0;
      g_array_append_val (days, day);
    }

  return days;
}

static cairo_surface_t *
paint_calendar (SteadyPainterTheme theme,
                gboolean           text)
{
  g_autoptr(GArray) days = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 280, 320);
  cairo_t *cr = cairo_create (surface);
  SteadyChartStyle style;
  GDate today;

  days = make_days (&today);
  steady_chart_style_init (&style, theme);
  style.draw_text = text;
  steady_chart_paint_calendar (cr, (SteadyJournalDay *) days->data, days->len, &today,
                               280, 320, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static cairo_surface_t *
paint_series (SteadyPainterTheme theme,
              gboolean           text)
{
  const SteadyJournalPoint points[] = {
    point (0, 5), point (0.01, 6), point (3, 4), point (7, 4), point (10, 3), point (20, 2),
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 160);
  cairo_t *cr = cairo_create (surface);
  SteadyChartStyle style;

  steady_chart_style_init (&style, theme);
  style.draw_text = text;
  steady_chart_paint_series (cr, points, G_N_ELEMENTS (points), T0 - DAY, T0 + 22 * DAY,
                             400, 160, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static void
test_calendar_golden (void)
{
  const struct { SteadyPainterTheme theme; const char *name; } cases[] = {
    { STEADY_PAINTER_THEME_LIGHT, "chart-calendar-light.png" },
    { STEADY_PAINTER_THEME_DARK, "chart-calendar-dark.png" },
    { STEADY_PAINTER_THEME_HIGH_CONTRAST, "chart-calendar-high-contrast.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_surface_t *surface = paint_calendar (cases[i].theme, FALSE);

      figure_test_assert_golden (surface, cases[i].name);
      cairo_surface_destroy (surface);
    }
}

static void
test_series_golden (void)
{
  const struct { SteadyPainterTheme theme; const char *name; } cases[] = {
    { STEADY_PAINTER_THEME_LIGHT, "chart-series-light.png" },
    { STEADY_PAINTER_THEME_DARK, "chart-series-dark.png" },
    { STEADY_PAINTER_THEME_HIGH_CONTRAST, "chart-series-high-contrast.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_surface_t *surface = paint_series (cases[i].theme, FALSE);

      figure_test_assert_golden (surface, cases[i].name);
      cairo_surface_destroy (surface);
    }
}

/* With labels the pictures differ from the goldens only where text is
 * (fonts vary between machines, so no golden holds the text). */
static void
test_labels_drawn (void)
{
  cairo_surface_t *plain = paint_calendar (STEADY_PAINTER_THEME_LIGHT, FALSE);
  cairo_surface_t *labelled = paint_calendar (STEADY_PAINTER_THEME_LIGHT, TRUE);

  g_assert_cmpfloat (figure_test_difference (plain, labelled, 24), >, 0.01);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (labelled);

  plain = paint_series (STEADY_PAINTER_THEME_DARK, FALSE);
  labelled = paint_series (STEADY_PAINTER_THEME_DARK, TRUE);
  g_assert_cmpfloat (figure_test_difference (plain, labelled, 24), >, 0.01);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (labelled);
}

/* Tiny and empty rectangles draw nothing wrong. */
static void
test_degenerate (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
  cairo_t *cr = cairo_create (surface);
  SteadyChartStyle style;

  steady_chart_style_init (&style, STEADY_PAINTER_THEME_LIGHT);
  steady_chart_paint_series (cr, NULL, 0, 0, 0, 4, 4, &style);
  steady_chart_paint_calendar (cr, NULL, 0, NULL, 4, 4, &style);
  steady_chart_paint_series (cr, NULL, 0, 0, 10, 0, 0, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_describe_series (void)
{
  const SteadyJournalPoint pain[] = {
    point (0, 5), point (2, 4), point (6, 3), point (9, 4), point (15, 2), point (21, 2),
  };
  const SteadyJournalPoint days[] = { point (0, 7), point (4, 5), point (4.2, 3) };
  const SteadyJournalPoint same_day[] = { point (0, 1), point (0.2, 0) };
  const SteadyJournalPoint fortnight[] = { point (0, 2), point (14, 2) };
  const SteadyJournalPoint one[] = { point (0, 4) };
  const SteadyJournalPoint dip[] = { point (0, 2), point (3, 0), point (6, 2) };
  g_autofree char *g = steady_chart_describe_series ("Pain", dip, G_N_ELEMENTS (dip));
  g_autofree char *a = steady_chart_describe_series ("Pain", pain, G_N_ELEMENTS (pain));
  g_autofree char *b = steady_chart_describe_series ("Urge to pop", days, G_N_ELEMENTS (days));
  g_autofree char *c = steady_chart_describe_series ("Pain", same_day, G_N_ELEMENTS (same_day));
  g_autofree char *d = steady_chart_describe_series ("Pain", fortnight, G_N_ELEMENTS (fortnight));
  g_autofree char *e = steady_chart_describe_series ("Pain", one, 1);
  g_autofree char *f = steady_chart_describe_series ("Pain", NULL, 0);

  g_assert_cmpstr (a, ==, "Pain: 6 check-ins over 3 weeks, from 5 to 2, lowest 2.");
  g_assert_cmpstr (b, ==, "Urge to pop: 3 check-ins over 4 days, from 7 to 3, lowest 3.");
  g_assert_cmpstr (c, ==, "Pain: 2 check-ins over one day, from 1 to 0, lowest 0.");
  /* The same value all along is said once. */
  g_assert_cmpstr (d, ==, "Pain: 2 check-ins over 2 weeks, always 2.");
  g_assert_cmpstr (g, ==, "Pain: 3 check-ins over 6 days, from 2 to 2, lowest 0.");
  g_assert_cmpstr (e, ==, "Pain: 1 check-in, 4.");
  g_assert_cmpstr (f, ==, "Pain: no check-ins yet.");
}

static void
test_describe_calendar (void)
{
  g_autoptr(GArray) days = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;
  GDate today;

  days = make_days (&today);
  a = steady_chart_describe_calendar ((SteadyJournalDay *) days->data, days->len);
  /* Days 11–55 but not those with i % 3 == 1: 45 - 15 = 30 days. */
  g_assert_cmpstr (a, ==, "Last 8 weeks: sessions on 30 days, 2 of them with a session stopped early.");

  for (guint i = 0; i < days->len; i++)
    g_array_index (days, SteadyJournalDay, i).n_stopped = 0;
  b = steady_chart_describe_calendar ((SteadyJournalDay *) days->data, days->len);
  g_assert_cmpstr (b, ==, "Last 8 weeks: sessions on 30 days.");

  for (guint i = 0; i < days->len; i++)
    g_array_index (days, SteadyJournalDay, i).n_sessions = 0;
  c = steady_chart_describe_calendar ((SteadyJournalDay *) days->data, days->len);
  g_assert_cmpstr (c, ==, "Last 8 weeks: no sessions yet.");

  d = steady_chart_describe_streak (0);
  g_assert_cmpstr (d, ==, "No streak yet");
  e = steady_chart_describe_streak (3);
  g_assert_cmpstr (e, ==, "3 days in a row");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/calendar-golden", test_calendar_golden);
  g_test_add_func ("/chart/series-golden", test_series_golden);
  g_test_add_func ("/chart/labels-drawn", test_labels_drawn);
  g_test_add_func ("/chart/degenerate", test_degenerate);
  g_test_add_func ("/chart/describe-series", test_describe_series);
  g_test_add_func ("/chart/describe-calendar", test_describe_calendar);

  return g_test_run ();
}
