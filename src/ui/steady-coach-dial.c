/* steady-coach-dial.c: the coach's hold ring and breathing guide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "steady-coach-dial.h"

struct _SteadyCoachDial
{
  GtkWidget    parent_instance;

  gboolean     hold_active;
  double       hold_progress;
  double       hold_seconds;
  gboolean     pace_active;
  double       pace_progress;
  double       pace_seconds;
  SteadyBreath breath;
  double       breath_progress;
  gboolean     compact;
};

G_DEFINE_FINAL_TYPE (SteadyCoachDial, steady_coach_dial, GTK_TYPE_WIDGET)

#define MIN_SIZE 160

static gboolean
animations_enabled (SteadyCoachDial *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

void
steady_coach_dial_get_layout (SteadyCoachDial  *self,
                              SteadyDialLayout *layout)
{
  double hold_progress = self->hold_progress;
  double pace_progress = self->pace_progress;
  double breath_progress = self->breath_progress;

  g_return_if_fail (STEADY_IS_COACH_DIAL (self));
  g_return_if_fail (layout != NULL);

  if (!animations_enabled (self))
    {
      /* Stills: whole seconds on the ring, the breath's goal in the disc. */
      if (self->hold_active && self->hold_seconds > 0)
        hold_progress = floor (hold_progress * self->hold_seconds + 1e-9) / self->hold_seconds;
      /* A movement's pace steps by whole seconds, and shows at least the
       * first step, so that it is there from the start. */
      if (self->pace_active && self->pace_seconds > 0)
        pace_progress = MIN (1.0, ceil (pace_progress * self->pace_seconds + 1e-9)
                                  / ceil (self->pace_seconds - 1e-9));
      breath_progress = 1.0;
    }

  steady_dial_layout_compute (layout,
                              gtk_widget_get_width (GTK_WIDGET (self)),
                              gtk_widget_get_height (GTK_WIDGET (self)),
                              self->hold_active, hold_progress,
                              self->pace_active, pace_progress,
                              self->breath, breath_progress);
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  /* libadwaita's named colours follow the light, dark and high-contrast
   * styles; the widget's own colour is the fallback. */
  if (!gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}

static void
steady_coach_dial_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  SteadyCoachDial *self = STEADY_COACH_DIAL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  SteadyDialLayout layout;
  GdkRGBA foreground;
  GdkRGBA accent;
  gboolean high_contrast;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  steady_coach_dial_get_layout (self, &layout);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  lookup_color (widget, "accent_color", &accent);

  /* High contrast: the track and the breath stand out from the page as
   * much as the ring does. */
  high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The track: the whole ring, faint, so an empty ring still reads as one. */
  cairo_set_line_width (cr, layout.ring_width);
  cairo_set_source_rgba (cr, foreground.red, foreground.green, foreground.blue,
                         foreground.alpha * (high_contrast ? 0.35 : 0.12));
  cairo_arc (cr, layout.center_x, layout.center_y, layout.ring_radius, 0, 2 * G_PI);
  cairo_stroke (cr);

  if (layout.disc_visible)
    {
      /* The largest breath, outlined, so the disc has something to fill. */
      cairo_set_line_width (cr, MAX (layout.ring_width / 6, 1.5));
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, high_contrast ? 1.0 : 0.45);
      cairo_arc (cr, layout.center_x, layout.center_y, layout.disc_max_radius, 0, 2 * G_PI);
      cairo_stroke (cr);

      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, high_contrast ? 0.4 : 0.28);
      cairo_arc (cr, layout.center_x, layout.center_y, layout.disc_radius, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  /* A movement's pace: fainter than a hold's ring, and growing rather than
   * emptying, so the two never read alike. */
  if (layout.pace_visible && layout.pace_done > 0)
    {
      cairo_set_line_width (cr, layout.ring_width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue,
                             accent.alpha * (high_contrast ? 0.7 : 0.45));
      cairo_arc (cr, layout.center_x, layout.center_y, layout.ring_radius,
                 layout.pace_start, layout.pace_end);
      cairo_stroke (cr);
    }

  if (layout.ring_visible && layout.ring_left > 0)
    {
      cairo_set_line_width (cr, layout.ring_width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_arc (cr, layout.center_x, layout.center_y, layout.ring_radius,
                 layout.ring_start, layout.ring_end);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

static void
steady_coach_dial_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  SteadyCoachDial *self = STEADY_COACH_DIAL (widget);

  *minimum = MIN_SIZE;
  *natural = self->compact ? MIN_SIZE * 5 / 4 : MIN_SIZE * 2;
}

/* Compact: asks for little more than its smallest, for when the room it
 * would take is better given to the figure. */
void
steady_coach_dial_set_compact (SteadyCoachDial *self,
                               gboolean         compact)
{
  g_return_if_fail (STEADY_IS_COACH_DIAL (self));

  if (self->compact == compact)
    return;
  self->compact = compact;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
steady_coach_dial_class_init (SteadyCoachDialClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = steady_coach_dial_snapshot;
  widget_class->measure = steady_coach_dial_measure;

  gtk_widget_class_set_css_name (widget_class, "steadycoachdial");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
steady_coach_dial_init (SteadyCoachDial *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
steady_coach_dial_new (void)
{
  return g_object_new (STEADY_TYPE_COACH_DIAL, NULL);
}

void
steady_coach_dial_set_state (SteadyCoachDial *self,
                             gboolean         hold_active,
                             double           hold_progress,
                             double           hold_seconds,
                             gboolean         pace_active,
                             double           pace_progress,
                             double           pace_seconds,
                             SteadyBreath     breath,
                             double           breath_progress)
{
  g_return_if_fail (STEADY_IS_COACH_DIAL (self));

  if (self->hold_active == hold_active && self->hold_progress == hold_progress
      && self->hold_seconds == hold_seconds && self->pace_active == pace_active
      && self->pace_progress == pace_progress && self->pace_seconds == pace_seconds
      && self->breath == breath && self->breath_progress == breath_progress)
    return;

  self->hold_active = hold_active;
  self->hold_progress = hold_progress;
  self->hold_seconds = hold_seconds;
  self->pace_active = pace_active;
  self->pace_progress = pace_progress;
  self->pace_seconds = pace_seconds;
  self->breath = breath;
  self->breath_progress = breath_progress;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
