/* steady-chart.c: the history drawn with cairo, and its text summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "steady-chart.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"
#define DAY_SECONDS 86400

void
steady_chart_style_init (SteadyChartStyle   *style,
                         SteadyPainterTheme  theme)
{
  g_return_if_fail (style != NULL);

  /* The accent and warning colours follow libadwaita's palette. */
  switch (theme)
    {
    case STEADY_PAINTER_THEME_DARK:
      *style = (SteadyChartStyle) {
        .background = { 0.19, 0.19, 0.19, 1 },
        .ink = { 1, 1, 1, 0.8 },
        .grid = { 1, 1, 1, 0.1 },
        .line = { 0.47, 0.68, 0.93, 1 },
        .warning = { 0.97, 0.89, 0.36, 1 },
        .today = { 1, 1, 1, 0.9 },
      };
      break;
    case STEADY_PAINTER_THEME_HIGH_CONTRAST:
      *style = (SteadyChartStyle) {
        .background = { 1, 1, 1, 1 },
        .ink = { 0, 0, 0, 1 },
        .grid = { 0, 0, 0, 0.25 },
        .line = { 0, 0.2, 0.55, 1 },
        .warning = { 0.65, 0, 0, 1 },
        .today = { 0, 0, 0, 1 },
      };
      break;
    case STEADY_PAINTER_THEME_LIGHT:
    default:
      *style = (SteadyChartStyle) {
        .background = { 1, 1, 1, 1 },
        .ink = { 0, 0, 0, 0.8 },
        .grid = { 0, 0, 0, 0.08 },
        .line = { 0.11, 0.44, 0.85, 1 },
        .warning = { 0.80, 0.38, 0, 1 },
        .today = { 0, 0, 0, 0.8 },
      };
      break;
    }
  style->fill_background = TRUE;
  style->draw_text = TRUE;
  style->text_scale = 1.0;
}

static void
set_color (cairo_t                  *cr,
           const SteadyPainterColor *color,
           double                    alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Draws @text with its reference point at (@x, @y): @xalign 0 left, 0.5
 * centre, 1 right; the text's middle is at @y. */
static void
draw_label (cairo_t                  *cr,
            const char               *text,
            double                    size,
            const SteadyPainterColor *color,
            double                    x,
            double                    y,
            double                    xalign)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);

  cairo_save (cr);
  set_color (cr, color, 1);
  cairo_move_to (cr, x - xalign * w, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* How wide @text is at @size, in pixels. */
static int
label_width (cairo_t    *cr,
             const char *text,
             double      size)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  int w;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

static void
rounded_square (cairo_t *cr,
                double   x,
                double   y,
                double   size,
                double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + size - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + size - r, y + size - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + size - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
steady_chart_calendar_first_day (const GDate *today,
                                 guint        n_weeks,
                                 GDate       *first)
{
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (n_weeks > 0);
  g_return_if_fail (first != NULL);

  *first = *today;
  g_date_subtract_days (first, g_date_get_weekday (first) - G_DATE_MONDAY);
  g_date_subtract_days (first, 7 * (n_weeks - 1));
}

void
steady_chart_paint_calendar (cairo_t                *cr,
                             const SteadyJournalDay *days,
                             guint                   n_days,
                             const GDate            *today,
                             double                  width,
                             double                  height,
                             const SteadyChartStyle *style)
{
  double label_w = 0, label_h = 0, cell, gap, x0, y0, font;
  guint offset, n_weeks;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (days != NULL || n_days == 0);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  if (style->fill_background)
    {
      set_color (cr, &style->background, 1);
      cairo_paint (cr);
    }
  if (n_days == 0)
    {
      cairo_restore (cr);
      return;
    }

  offset = g_date_get_weekday (&days[0].date) - G_DATE_MONDAY;
  n_weeks = (offset + n_days + 6) / 7;

  font = CLAMP (MIN (width, height) / 22.0, 9.0, 16.0) * style->text_scale;
  if (style->draw_text)
    {
      label_w = font * 4.2;
      label_h = font * 1.8;
    }
  cell = MIN ((width - label_w) / 7.0, (height - label_h) / n_weeks);
  gap = cell * 0.14;
  /* Centred in what is left of the rectangle. */
  x0 = label_w + ((width - label_w) - 7 * cell) / 2;
  y0 = label_h + ((height - label_h) - n_weeks * cell) / 2;

  if (style->draw_text)
    {
      GDate monday = days[0].date;
      char names[7][64];
      double day_font = font;
      int widest = 0;

      g_date_subtract_days (&monday, offset);
      for (guint col = 0; col < 7; col++)
        {
          GDate date = monday;

          g_date_add_days (&date, col);
          g_date_strftime (names[col], sizeof names[col], "%a", &date);
          widest = MAX (widest, label_width (cr, names[col], font));
        }
      /* The weekdays never run into each other: where a column is too
       * narrow for them (long names, large text), they get smaller. */
      if (widest > cell * 0.9)
        day_font = MAX (font * cell * 0.9 / widest, 6.0);
      for (guint col = 0; col < 7; col++)
        draw_label (cr, names[col], day_font, &style->ink, x0 + (col + 0.5) * cell, y0 - label_h / 2, 0.5);
      for (guint row = 0; row < n_weeks; row++)
        {
          GDate date = monday;
          char name[64];

          g_date_add_days (&date, 7 * row);
          g_date_strftime (name, sizeof name, "%e %b", &date);
          draw_label (cr, g_strstrip (name), font * 0.9, &style->ink,
                      x0 - gap * 2, y0 + (row + 0.5) * cell, 1.0);
        }
    }

  for (guint i = 0; i < n_days; i++)
    {
      const SteadyJournalDay *day = &days[i];
      guint slot = offset + i;
      double x = x0 + (slot % 7) * cell + gap / 2;
      double y = y0 + (slot / 7) * cell + gap / 2;
      double size = cell - gap;
      gboolean future = today != NULL && g_date_compare (&day->date, today) > 0;

      rounded_square (cr, x, y, size, size * 0.18);
      if (future)
        {
          set_color (cr, &style->grid, 1);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          continue;
        }
      if (day->n_sessions == 0)
        set_color (cr, &style->grid, 1.6);
      else
        /* A day where something was done is solid; one with only an
         * empty session (started and stopped at once) is a paler shade. */
        set_color (cr, &style->line, day->units_done > 0 ? 1.0 : 0.4);
      cairo_fill (cr);

      if (day->n_stopped > 0)
        {
          set_color (cr, &style->background, 1);
          cairo_arc (cr, x + size * 0.76, y + size * 0.24, size * 0.17, 0, 2 * G_PI);
          cairo_fill (cr);
          set_color (cr, &style->warning, 1);
          cairo_arc (cr, x + size * 0.76, y + size * 0.24, size * 0.12, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      if (today != NULL && g_date_compare (&day->date, today) == 0)
        {
          rounded_square (cr, x - gap * 0.35, y - gap * 0.35, size + gap * 0.7, size * 0.22);
          set_color (cr, &style->today, 1);
          cairo_set_line_width (cr, MAX (1.5, gap * 0.35));
          cairo_stroke (cr);
        }
    }

  cairo_restore (cr);
}

static void
format_date (gint64  time,
             char   *buffer,
             gsize   size)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *text = g_date_time_format (local, "%e %b");

  g_strlcpy (buffer, g_strstrip (text), size);
}

void
steady_chart_paint_series (cairo_t                  *cr,
                           const SteadyJournalPoint *points,
                           guint                     n_points,
                           gint64                    since,
                           gint64                    until,
                           double                    width,
                           double                    height,
                           const SteadyChartStyle   *style)
{
  double left, right, top, bottom, font, span, line_w;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (points != NULL || n_points == 0);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  if (style->fill_background)
    {
      set_color (cr, &style->background, 1);
      cairo_paint (cr);
    }

  font = CLAMP (height / 12.0, 9.0, 15.0) * style->text_scale;
  line_w = CLAMP (height / 80.0, 2.0, 4.0);
  left = style->draw_text ? font * 2.4 : line_w * 3;
  right = width - line_w * 3;
  top = line_w * 3;
  bottom = height - (style->draw_text ? font * 2.0 : line_w * 3);
  if (right <= left || bottom <= top)
    {
      cairo_restore (cr);
      return;
    }

  /* Grid lines at 0, 5 and 10. */
  for (int v = 0; v <= 10; v += 5)
    {
      double y = bottom - (bottom - top) * v / 10.0;

      set_color (cr, &style->grid, 2.0);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, left, round (y) + 0.5);
      cairo_line_to (cr, right, round (y) + 0.5);
      cairo_stroke (cr);
      if (style->draw_text)
        {
          char label[8];

          g_snprintf (label, sizeof label, "%d", v);
          draw_label (cr, label, font, &style->ink, left - font * 0.6, y, 1.0);
        }
    }

  if (style->draw_text && until > since)
    {
      char label[64];

      format_date (since, label, sizeof label);
      draw_label (cr, label, font, &style->ink, left, bottom + font, 0.0);
      format_date (until - 1, label, sizeof label);
      draw_label (cr, label, font, &style->ink, right, bottom + font, 1.0);
    }

  span = MAX (1.0, (double) (until - since));
  cairo_set_line_width (cr, line_w);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_color (cr, &style->line, 1);
  for (guint i = 0; i < n_points; i++)
    {
      double x = left + (right - left) * CLAMP ((points[i].time - since) / span, 0.0, 1.0);
      double y = bottom - (bottom - top) * CLAMP (points[i].value, 0, 10) / 10.0;

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n_points; i++)
    {
      double x = left + (right - left) * CLAMP ((points[i].time - since) / span, 0.0, 1.0);
      double y = bottom - (bottom - top) * CLAMP (points[i].value, 0, 10) / 10.0;

      set_color (cr, &style->background, 1);
      cairo_arc (cr, x, y, line_w * 2.2, 0, 2 * G_PI);
      cairo_fill (cr);
      set_color (cr, &style->line, 1);
      cairo_arc (cr, x, y, line_w * 1.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}

/* "3 weeks", "5 days", "one day". */
static char *
describe_span (gint64 seconds)
{
  gint64 days = (seconds + DAY_SECONDS / 2) / DAY_SECONDS;

  if (days < 1)
    return g_strdup (_("one day"));
  if (days < 14)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), (guint) days);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week", "%u weeks", (days + 3) / 7),
                          (guint) ((days + 3) / 7));
}

char *
steady_chart_describe_series (const char               *name,
                              const SteadyJournalPoint *points,
                              guint                     n_points)
{
  g_autofree char *span = NULL;
  int lowest = G_MAXINT;
  int highest = G_MININT;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (points != NULL || n_points == 0, NULL);

  if (n_points == 0)
    /* TRANSLATORS: %s is a chart's name, "Pain" or "Urge to pop" */
    return g_strdup_printf (_("%s: no check-ins yet."), name);
  if (n_points == 1)
    /* TRANSLATORS: %s is a chart's name, %d its only value (0–10) */
    return g_strdup_printf (_("%s: 1 check-in, %d."), name, points[0].value);

  for (guint i = 0; i < n_points; i++)
    {
      lowest = MIN (lowest, points[i].value);
      highest = MAX (highest, points[i].value);
    }
  span = describe_span (points[n_points - 1].time - points[0].time);

  /* "from 3 to 3, lowest 3" says one thing three times. */
  if (lowest == highest)
    /* TRANSLATORS: "Urge to pop: 8 check-ins over 2 weeks, always 3." */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s: %u check-in over %s, always %d.",
                                         "%s: %u check-ins over %s, always %d.",
                                         n_points),
                            name, n_points, span, lowest);

  /* TRANSLATORS: "Pain: 6 check-ins over 3 weeks, from 5 to 2, lowest 2." */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s: %u check-in over %s, from %d to %d, lowest %d.",
                                       "%s: %u check-ins over %s, from %d to %d, lowest %d.",
                                       n_points),
                          name, n_points, span, points[0].value,
                          points[n_points - 1].value, lowest);
}

char *
steady_chart_describe_calendar (const SteadyJournalDay *days,
                                guint                   n_days)
{
  g_autofree char *weeks = NULL;
  g_autofree char *active = NULL;
  guint n_active = 0, n_stopped = 0;

  g_return_val_if_fail (days != NULL || n_days == 0, NULL);

  for (guint i = 0; i < n_days; i++)
    {
      if (days[i].n_sessions > 0)
        n_active++;
      if (days[i].n_stopped > 0)
        n_stopped++;
    }

  weeks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last %u week", "Last %u weeks",
                                        (n_days + 6) / 7),
                           (n_days + 6) / 7);
  if (n_active == 0)
    /* TRANSLATORS: %s is "Last 8 weeks" */
    return g_strdup_printf (_("%s: no sessions yet."), weeks);

  active = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "sessions on %u day",
                                         "sessions on %u days", n_active), n_active);
  if (n_stopped == 0)
    /* TRANSLATORS: "Last 8 weeks: sessions on 12 days." */
    return g_strdup_printf (_("%s: %s."), weeks, active);

  /* TRANSLATORS: "Last 8 weeks: sessions on 12 days, 1 of them with a
   * session stopped early." */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s: %s, %u of them with a session stopped early.",
                                       "%s: %s, %u of them with a session stopped early.",
                                       n_stopped),
                          weeks, active, n_stopped);
}

char *
steady_chart_describe_streak (int streak)
{
  if (streak <= 0)
    return g_strdup (_("No streak yet"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day in a row", "%d days in a row",
                                       streak),
                          streak);
}
