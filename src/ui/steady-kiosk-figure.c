/* steady-kiosk-figure.c: the kiosk's figure, posed by whoever drives it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "steady-camera.h"
#include "steady-illustration.h"
#include "steady-kiosk-figure.h"
#include "steady-motion.h"
#include "steady-painter.h"
#include "steady-pose.h"

struct _SteadyKioskFigure
{
  GtkWidget          parent_instance;

  char              *motion;        /* NULL: an illustration */
  SteadyMotionParams params;
  SteadyMotionState  state;
  char              *illustration;
  double             t;
};

G_DEFINE_FINAL_TYPE (SteadyKioskFigure, steady_kiosk_figure, GTK_TYPE_WIDGET)

static guint n_live;

static void
steady_kiosk_figure_style (SteadyKioskFigure  *self,
                           SteadyPainterStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  SteadyPainterTheme theme = STEADY_PAINTER_THEME_LIGHT;

  if (adw_style_manager_get_high_contrast (manager))
    theme = STEADY_PAINTER_THEME_HIGH_CONTRAST;
  else if (adw_style_manager_get_dark (manager))
    theme = STEADY_PAINTER_THEME_DARK;

  steady_painter_style_init (style, theme);
  /* The page's own background shows through. */
  style->fill_background = FALSE;
}

static void
steady_kiosk_figure_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  SteadyKioskFigure *self = STEADY_KIOSK_FIGURE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  SteadyPainterStyle style;
  cairo_t *cr;

  if (width < 1 || height < 1 || (self->motion == NULL && self->illustration == NULL))
    return;

  steady_kiosk_figure_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->motion != NULL)
    {
      SteadyPose pose;
      SteadyCamera camera;

      steady_motion_pose (self->motion, &self->state, &self->params, &pose);
      steady_camera_init_for_motion (&camera, self->motion);
      steady_camera_prepare (&camera, &pose, width, height);
      steady_painter_paint (cr, &pose, &camera, width, height, &style);
    }
  else
    steady_illustration_paint (cr, self->illustration, self->t, width, height, &style);

  cairo_destroy (cr);
}

static void
steady_kiosk_figure_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  *minimum = 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 420;
}

void
steady_kiosk_figure_set_motion (SteadyKioskFigure       *self,
                                SteadyDrill             *drill,
                                const SteadyMotionState *state)
{
  const char *motion;

  g_return_if_fail (STEADY_IS_KIOSK_FIGURE (self));
  g_return_if_fail (STEADY_IS_DRILL (drill));
  g_return_if_fail (state != NULL);

  motion = steady_drill_get_motion (drill);
  if (g_strcmp0 (self->motion, motion) != 0)
    {
      g_free (self->motion);
      self->motion = g_strdup (motion);
    }
  g_clear_pointer (&self->illustration, g_free);
  steady_motion_params_init_from_drill (&self->params, drill);
  self->state = *state;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
steady_kiosk_figure_set_illustration (SteadyKioskFigure *self,
                                      const char        *id,
                                      double             t)
{
  g_return_if_fail (STEADY_IS_KIOSK_FIGURE (self));
  g_return_if_fail (id != NULL);

  if (g_strcmp0 (self->illustration, id) != 0)
    {
      g_free (self->illustration);
      self->illustration = g_strdup (id);
    }
  g_clear_pointer (&self->motion, g_free);
  self->t = t;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
steady_kiosk_figure_get_n_live (void)
{
  return n_live;
}

static void
steady_kiosk_figure_finalize (GObject *object)
{
  SteadyKioskFigure *self = STEADY_KIOSK_FIGURE (object);

  g_free (self->motion);
  g_free (self->illustration);
  n_live--;

  G_OBJECT_CLASS (steady_kiosk_figure_parent_class)->finalize (object);
}

static void
steady_kiosk_figure_class_init (SteadyKioskFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = steady_kiosk_figure_finalize;
  widget_class->snapshot = steady_kiosk_figure_snapshot;
  widget_class->measure = steady_kiosk_figure_measure;
  gtk_widget_class_set_css_name (widget_class, "steadykioskfigure");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
steady_kiosk_figure_init (SteadyKioskFigure *self)
{
  n_live++;
  steady_motion_params_init (&self->params);
  self->state.side = STEADY_SIDE_LEFT;
}

GtkWidget *
steady_kiosk_figure_new (void)
{
  return g_object_new (STEADY_TYPE_KIOSK_FIGURE, NULL);
}
