/* steady-chart.h: the history drawn with cairo — an 8-week calendar of
 * days with sessions and line charts of check-in values — and their text
 * summaries for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "steady-journal.h"
#include "steady-painter.h"

G_BEGIN_DECLS

/* Colours come from the caller (the widget takes them from the style
 * manager), as for the figure painter. */
typedef struct {
  SteadyPainterColor background;
  SteadyPainterColor ink;          /* labels, axis */
  SteadyPainterColor grid;         /* grid lines, empty days */
  SteadyPainterColor line;         /* the series, days with sessions */
  SteadyPainterColor warning;      /* days with a session stopped early */
  SteadyPainterColor today;        /* the ring around today */
  gboolean           fill_background;
  gboolean           draw_text;    /* weekday and axis labels (off for goldens) */
  double             text_scale;   /* the desktop's text scaling (1 = none) */
} SteadyChartStyle;

void   steady_chart_style_init         (SteadyChartStyle         *style,
                                        SteadyPainterTheme        theme);

/* Weeks as rows (oldest at the top), Monday to Sunday as columns. @days
 * are consecutive (steady_journal_get_days); days after @today are left
 * empty. A day with sessions is filled, its shade growing with what was
 * done; a day with a session stopped early carries a mark. */
void   steady_chart_paint_calendar     (cairo_t                  *cr,
                                        const SteadyJournalDay   *days,
                                        guint                     n_days,
                                        const GDate              *today,
                                        double                    width,
                                        double                    height,
                                        const SteadyChartStyle   *style);

/* A 0–10 line chart of @points (oldest first) between @since and @until
 * (Unix seconds). */
void   steady_chart_paint_series       (cairo_t                  *cr,
                                        const SteadyJournalPoint *points,
                                        guint                     n_points,
                                        gint64                    since,
                                        gint64                    until,
                                        double                    width,
                                        double                    height,
                                        const SteadyChartStyle   *style);

/* "Pain: 6 check-ins over 3 weeks, from 5 to 2, lowest 2." — @name is the
 * series' translated name. */
char  *steady_chart_describe_series    (const char               *name,
                                        const SteadyJournalPoint *points,
                                        guint                     n_points);

/* "Last 8 weeks: sessions on 12 days, 1 of them stopped early." */
char  *steady_chart_describe_calendar  (const SteadyJournalDay   *days,
                                        guint                     n_days);

/* "3 days in a row" / "No streak yet". */
char  *steady_chart_describe_streak    (int                       streak);

/* The Monday on or before @today minus (@n_weeks - 1) weeks: the first
 * day of a calendar of @n_weeks that ends in @today's week. */
void   steady_chart_calendar_first_day (const GDate              *today,
                                        guint                     n_weeks,
                                        GDate                    *first);

G_END_DECLS
