/* steady-chart-view.h: a history chart (steady-chart) in a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "steady-journal.h"

G_BEGIN_DECLS

#define STEADY_TYPE_CHART_VIEW (steady_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadyChartView, steady_chart_view, STEADY, CHART_VIEW, GtkWidget)

GtkWidget  *steady_chart_view_new          (void);

/* Shows the calendar of @days (a GArray of SteadyJournalDay, taken). */
void        steady_chart_view_set_calendar (SteadyChartView *self,
                                            GArray          *days,
                                            const GDate     *today);
/* Shows the line chart of @points (a GArray of SteadyJournalPoint, taken)
 * between @since and @until. */
void        steady_chart_view_set_series   (SteadyChartView *self,
                                            GArray          *points,
                                            gint64           since,
                                            gint64           until);
/* What screen readers hear: the chart's text summary. */
void        steady_chart_view_set_summary  (SteadyChartView *self,
                                            const char      *summary);
const char *steady_chart_view_get_summary  (SteadyChartView *self);

G_END_DECLS
