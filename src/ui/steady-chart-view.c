/* steady-chart-view.c: a history chart (steady-chart) in a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "steady-chart.h"
#include "steady-chart-view.h"

typedef enum {
  KIND_NONE,
  KIND_CALENDAR,
  KIND_SERIES,
} ChartKind;

struct _SteadyChartView
{
  GtkWidget  parent_instance;

  ChartKind  kind;
  GArray    *data;
  GDate      today;
  gint64     since;
  gint64     until;
  char      *summary;
};

G_DEFINE_FINAL_TYPE (SteadyChartView, steady_chart_view, GTK_TYPE_WIDGET)

/* The desktop's text scaling (GNOME's "Large Text" is 1.25; 1 = none). */
static double
text_scale (SteadyChartView *self)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  return dpi > 0 ? CLAMP (dpi / (96.0 * 1024), 0.5, 3.0) : 1.0;
}

static void
style_for_widget (SteadyChartView  *self,
                  SteadyChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  SteadyPainterTheme theme = STEADY_PAINTER_THEME_LIGHT;
  GdkRGBA ink;

  if (adw_style_manager_get_high_contrast (manager))
    theme = STEADY_PAINTER_THEME_HIGH_CONTRAST;
  else if (adw_style_manager_get_dark (manager))
    theme = STEADY_PAINTER_THEME_DARK;
  steady_chart_style_init (style, theme);

  /* The page's own background shows through; labels take its text colour. */
  style->fill_background = FALSE;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &ink);
  G_GNUC_END_IGNORE_DEPRECATIONS
  style->ink = (SteadyPainterColor) { ink.red, ink.green, ink.blue, ink.alpha * 0.8 };
  /* Labels grow with the desktop's text scaling, as the page's text does. */
  style->text_scale = text_scale (self);
  if (theme == STEADY_PAINTER_THEME_DARK)
    style->background = (SteadyPainterColor) { 0.14, 0.14, 0.14, 1 };
}

static void
steady_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  SteadyChartView *self = STEADY_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  SteadyChartStyle style;
  cairo_t *cr;

  if (self->kind == KIND_NONE || width <= 0 || height <= 0)
    return;

  style_for_widget (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->kind == KIND_CALENDAR)
    steady_chart_paint_calendar (cr, (SteadyJournalDay *) self->data->data, self->data->len,
                                 g_date_valid (&self->today) ? &self->today : NULL,
                                 width, height, &style);
  else
    steady_chart_paint_series (cr, (SteadyJournalPoint *) self->data->data, self->data->len,
                               self->since, self->until, width, height, &style);
  cairo_destroy (cr);
}

static void
steady_chart_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  SteadyChartView *self = STEADY_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
    }
  else
    {
      /* Taller with larger text, so the cells stay wider than the
       * weekday labels above them. */
      double scale = MAX (text_scale (self), 1.0);

      *minimum = (self->kind == KIND_CALENDAR ? 260 : 160) * scale;
      *natural = (self->kind == KIND_CALENDAR ? 300 : 200) * scale;
    }
}

static void
on_style_changed (SteadyChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
steady_chart_view_dispose (GObject *object)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_signal_handlers_disconnect_by_func (manager, on_style_changed, object);

  G_OBJECT_CLASS (steady_chart_view_parent_class)->dispose (object);
}

static void
steady_chart_view_finalize (GObject *object)
{
  SteadyChartView *self = STEADY_CHART_VIEW (object);

  g_clear_pointer (&self->data, g_array_unref);
  g_free (self->summary);

  G_OBJECT_CLASS (steady_chart_view_parent_class)->finalize (object);
}

static void
steady_chart_view_class_init (SteadyChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_chart_view_dispose;
  object_class->finalize = steady_chart_view_finalize;
  widget_class->snapshot = steady_chart_view_snapshot;
  widget_class->measure = steady_chart_view_measure;

  gtk_widget_class_set_css_name (widget_class, "steadychartview");
  /* A picture to screen readers, named by its summary. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
steady_chart_view_init (SteadyChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_date_clear (&self->today, 1);
  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (on_style_changed), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (on_style_changed), self);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi",
                           G_CALLBACK (gtk_widget_queue_resize), self, G_CONNECT_SWAPPED);
}

GtkWidget *
steady_chart_view_new (void)
{
  return g_object_new (STEADY_TYPE_CHART_VIEW, NULL);
}

void
steady_chart_view_set_calendar (SteadyChartView *self,
                                GArray          *days,
                                const GDate     *today)
{
  g_return_if_fail (STEADY_IS_CHART_VIEW (self));
  g_return_if_fail (days != NULL);

  g_clear_pointer (&self->data, g_array_unref);
  self->data = days;
  self->kind = KIND_CALENDAR;
  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
steady_chart_view_set_series (SteadyChartView *self,
                              GArray          *points,
                              gint64           since,
                              gint64           until)
{
  g_return_if_fail (STEADY_IS_CHART_VIEW (self));
  g_return_if_fail (points != NULL);

  g_clear_pointer (&self->data, g_array_unref);
  self->data = points;
  self->kind = KIND_SERIES;
  self->since = since;
  self->until = until;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
steady_chart_view_set_summary (SteadyChartView *self,
                               const char      *summary)
{
  g_return_if_fail (STEADY_IS_CHART_VIEW (self));

  g_free (self->summary);
  self->summary = g_strdup (summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary != NULL ? summary : "",
                                  -1);
}

const char *
steady_chart_view_get_summary (SteadyChartView *self)
{
  g_return_val_if_fail (STEADY_IS_CHART_VIEW (self), NULL);

  return self->summary;
}
