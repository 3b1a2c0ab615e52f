/* steady-figure-view.c
 *
 * Draws with the core's figure painter in snapshot. A tick callback exists
 * only while something moves (playing, mapped, animations on, and a demo
 * loop or a moving illustration to show); with animations off a drill is
 * shown as its key poses with motion arrows. Given a list of drills it
 * cycles through their demos (the kiosk's attract loop), and "drill"
 * follows the one shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-figure-view.h"
#include "steady-illustration.h"
#include "steady-motion.h"
#include "steady-painter.h"
#include "steady-painter-cache.h"

typedef enum {
  MODE_NONE,
  MODE_DRILL,          /* the demo loop */
  MODE_COACH,          /* a state given from outside */
  MODE_ILLUSTRATION,
} Mode;

struct _SteadyFigureView
{
  GtkWidget           parent_instance;

  Mode                mode;
  SteadyDrill        *drill;
  GListModel         *drills;       /* cycling through these, or NULL */
  double              seconds_per_drill;
  char               *illustration;
  SteadyMotionParams  params;
  SteadyMotionState   state;        /* MODE_COACH */
  gboolean            arrow;        /* MODE_COACH: a still moving from… */
  SteadyMotionState   arrow_from;   /* …here to state, with an arrow */

  SteadyCamera        camera;
  double              drag_yaw;
  double              drag_pitch;

  gboolean            playing;
  double              elapsed;      /* seconds into the loop */
  gint64              tick_origin;  /* frame time (µs) when elapsed was 0 */
  guint               tick_id;

  char               *description;
  SteadyPainterCache *painter_cache;
};

G_DEFINE_FINAL_TYPE (SteadyFigureView, steady_figure_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DRILL,
  PROP_ILLUSTRATION,
  PROP_PLAYING,
  PROP_DRILLS,
  PROP_SECONDS_PER_DRILL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
animations_enabled (SteadyFigureView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

static const char *
current_motion (SteadyFigureView *self)
{
  return self->drill != NULL ? steady_drill_get_motion (self->drill) : NULL;
}

static void
current_state (SteadyFigureView  *self,
               SteadyMotionState *state)
{
  if (self->mode == MODE_COACH)
    *state = self->state;
  else
    steady_motion_demo_state (current_motion (self), self->elapsed, state);
}

static void
update_description (SteadyFigureView *self)
{
  g_autofree char *text = NULL;
  const char *label = NULL;

  if (self->mode == MODE_DRILL || self->mode == MODE_COACH)
    {
      SteadyMotionState state;

      current_state (self, &state);
      if (self->mode == MODE_DRILL && !animations_enabled (self))
        steady_motion_key_states (current_motion (self), state.side, &state, &(SteadyMotionState) { 0 });
      text = steady_motion_describe (current_motion (self), &state);
      label = steady_drill_get_title (self->drill);
    }
  else if (self->mode == MODE_ILLUSTRATION)
    {
      text = g_strdup (steady_illustration_describe (self->illustration));
      label = _("Illustration");
    }
  else
    text = g_strdup ("");

  if (g_strcmp0 (text, self->description) == 0)
    return;

  g_free (self->description);
  self->description = g_steal_pointer (&text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : _("Figure"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
stop_cycling (SteadyFigureView *self)
{
  if (self->drills == NULL)
    return;
  g_clear_object (&self->drills);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRILLS]);
}

/* Shows the drill of the cycle that @elapsed falls in. */
static void
update_cycle (SteadyFigureView *self)
{
  g_autoptr(SteadyDrill) drill = NULL;
  guint n;

  if (self->drills == NULL || (n = g_list_model_get_n_items (self->drills)) == 0)
    return;

  drill = g_list_model_get_item (self->drills, (guint) (self->elapsed / self->seconds_per_drill) % n);
  if (drill == self->drill)
    return;

  g_set_object (&self->drill, drill);
  self->mode = MODE_DRILL;
  steady_motion_params_init_from_drill (&self->params, drill);
  steady_camera_init_for_motion (&self->camera, steady_drill_get_motion (drill));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRILL]);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  SteadyFigureView *self = STEADY_FIGURE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->tick_origin == 0)
    self->tick_origin = now - (gint64) (self->elapsed * G_USEC_PER_SEC);
  self->elapsed = (now - self->tick_origin) / (double) G_USEC_PER_SEC;

  update_cycle (self);
  update_description (self);
  gtk_widget_queue_draw (widget);

  return G_SOURCE_CONTINUE;
}

static void
update_ticking (SteadyFigureView *self)
{
  gboolean moves = self->playing &&
                   gtk_widget_get_mapped (GTK_WIDGET (self)) &&
                   animations_enabled (self) &&
                   (self->mode == MODE_DRILL ||
                    (self->mode == MODE_ILLUSTRATION && steady_illustration_is_animated (self->illustration)));

  if (moves && self->tick_id == 0)
    {
      self->tick_origin = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
    }
  else if (!moves && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
style_for_widget (SteadyFigureView   *self,
                  SteadyPainterStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  SteadyPainterTheme theme = STEADY_PAINTER_THEME_LIGHT;

  if (adw_style_manager_get_high_contrast (manager))
    theme = STEADY_PAINTER_THEME_HIGH_CONTRAST;
  else if (adw_style_manager_get_dark (manager))
    theme = STEADY_PAINTER_THEME_DARK;
  steady_painter_style_init (style, theme);
}

static void
paint (SteadyFigureView *self,
       cairo_t          *cr,
       double            width,
       double            height)
{
  SteadyPainterStyle style;

  style_for_widget (self, &style);

  switch (self->mode)
    {
    case MODE_ILLUSTRATION:
      steady_illustration_paint (cr, self->illustration,
                                 animations_enabled (self) ? self->elapsed : 0.0,
                                 width, height, &style);
      break;

    case MODE_DRILL:
    case MODE_COACH:
      {
        SteadyMotionState state;
        SteadyPose pose;

        current_state (self, &state);
        if (self->mode == MODE_DRILL && !animations_enabled (self))
          {
            SteadyMotionState start, end;
            SteadyPose from;

            steady_motion_key_states (current_motion (self), state.side, &start, &end);
            steady_motion_pose (current_motion (self), &start, &self->params, &from);
            steady_motion_pose (current_motion (self), &end, &self->params, &pose);
            steady_painter_paint_still (cr, &from, &pose,
                                        steady_motion_get_mover (current_motion (self), start.side),
                                        &self->camera, width, height, &style);
          }
        else if (self->mode == MODE_COACH && self->arrow)
          {
            SteadyPose from;

            steady_motion_pose (current_motion (self), &self->arrow_from, &self->params, &from);
            steady_motion_pose (current_motion (self), &state, &self->params, &pose);
            steady_painter_paint_still (cr, &from, &pose,
                                        steady_motion_get_mover (current_motion (self), state.side),
                                        &self->camera, width, height, &style);
          }
        else
          {
            steady_motion_pose (current_motion (self), &state, &self->params, &pose);
            /* A cairo node that refers to the cache's frame: cairo
             * snapshots it, and copies it only if the cache paints into
             * it while GTK still holds the node. Handing the frame over
             * as a texture instead (steady_painter_cache_render()) took
             * twice the CPU under GTK's cairo renderer, which turns each
             * new texture into a new surface (bench/window.py: 0.94 of
             * the reference figure's CPU against 0.43; the kiosk's attract
             * loop 1.18 against 0.45). */
            if (self->painter_cache == NULL)
              self->painter_cache = steady_painter_cache_new ();
            steady_painter_cache_set_recording_scale (self->painter_cache,
                                                      gtk_widget_get_scale_factor (GTK_WIDGET (self)));
            steady_painter_cache_paint (self->painter_cache, cr, &pose, &self->camera,
                                        width, height, &style);
          }
      }
      break;

    case MODE_NONE:
    default:
      steady_painter_set_color (cr, &style.background, 1.0);
      cairo_paint (cr);
      break;
    }
}

static void
steady_figure_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  SteadyFigureView *self = STEADY_FIGURE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  paint (self, cr, width, height);
  cairo_destroy (cr);
}

static void
steady_figure_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 480;
    }
  else
    {
      *minimum = 120;
      *natural = 360;
    }
}

static void
steady_figure_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (steady_figure_view_parent_class)->map (widget);
  update_ticking (STEADY_FIGURE_VIEW (widget));
}

static void
steady_figure_view_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (steady_figure_view_parent_class)->unmap (widget);
  update_ticking (STEADY_FIGURE_VIEW (widget));
}

static void
drag_begin_cb (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               SteadyFigureView *self)
{
  /* A card's illustration has no camera to orbit, and on a card a drag
   * belongs to the deck: let the carousel have it. */
  if (self->drill == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_yaw = self->camera.yaw;
  self->drag_pitch = self->camera.pitch;
}

static void
drag_update_cb (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                SteadyFigureView *self)
{
  steady_camera_set_orbit (&self->camera, self->drag_yaw - dx * 0.4, self->drag_pitch + dy * 0.3);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pressed_cb (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            SteadyFigureView *self)
{
  if (n_press == 2)
    steady_figure_view_reset_view (self);
}

static void
settings_changed_cb (SteadyFigureView *self)
{
  update_ticking (self);
}

static void
style_changed_cb (SteadyFigureView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
steady_figure_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (steady_figure_view_parent_class)->root (widget);
  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-enable-animations",
                           G_CALLBACK (settings_changed_cb), widget, G_CONNECT_SWAPPED);
}

static void
steady_figure_view_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_settings (widget), settings_changed_cb, widget);
  GTK_WIDGET_CLASS (steady_figure_view_parent_class)->unroot (widget);
}

static void
steady_figure_view_dispose (GObject *object)
{
  SteadyFigureView *self = STEADY_FIGURE_VIEW (object);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_object (&self->drill);
  g_clear_object (&self->drills);

  G_OBJECT_CLASS (steady_figure_view_parent_class)->dispose (object);
}

static void
steady_figure_view_finalize (GObject *object)
{
  SteadyFigureView *self = STEADY_FIGURE_VIEW (object);

  g_free (self->illustration);
  g_free (self->description);
  g_clear_object (&self->painter_cache);

  G_OBJECT_CLASS (steady_figure_view_parent_class)->finalize (object);
}

static void
steady_figure_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SteadyFigureView *self = STEADY_FIGURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DRILL:
      g_value_set_object (value, self->drill);
      break;
    case PROP_ILLUSTRATION:
      g_value_set_string (value, self->illustration);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    case PROP_DRILLS:
      g_value_set_object (value, self->drills);
      break;
    case PROP_SECONDS_PER_DRILL:
      g_value_set_double (value, self->seconds_per_drill);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_figure_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SteadyFigureView *self = STEADY_FIGURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DRILL:
      steady_figure_view_set_drill (self, g_value_get_object (value));
      break;
    case PROP_ILLUSTRATION:
      steady_figure_view_set_illustration (self, g_value_get_string (value));
      break;
    case PROP_PLAYING:
      steady_figure_view_set_playing (self, g_value_get_boolean (value));
      break;
    case PROP_DRILLS:
      steady_figure_view_set_drills (self, g_value_get_object (value));
      break;
    case PROP_SECONDS_PER_DRILL:
      steady_figure_view_set_seconds_per_drill (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_figure_view_class_init (SteadyFigureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_figure_view_dispose;
  object_class->finalize = steady_figure_view_finalize;
  object_class->get_property = steady_figure_view_get_property;
  object_class->set_property = steady_figure_view_set_property;

  widget_class->snapshot = steady_figure_view_snapshot;
  widget_class->measure = steady_figure_view_measure;
  widget_class->map = steady_figure_view_map;
  widget_class->unmap = steady_figure_view_unmap;
  widget_class->root = steady_figure_view_root;
  widget_class->unroot = steady_figure_view_unroot;

  properties[PROP_DRILL] =
    g_param_spec_object ("drill", NULL, NULL, STEADY_TYPE_DRILL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ILLUSTRATION] =
    g_param_spec_string ("illustration", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A GListModel of SteadyDrill to cycle through; "drill" is the one shown. */
  properties[PROP_DRILLS] =
    g_param_spec_object ("drills", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECONDS_PER_DRILL] =
    g_param_spec_double ("seconds-per-drill", NULL, NULL, 1.0, 600.0, 8.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "steady-figure");
}

static void
steady_figure_view_init (SteadyFigureView *self)
{
  GtkGesture *drag, *click;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->playing = TRUE;
  self->seconds_per_drill = 8.0;
  steady_motion_params_init (&self->params);
  steady_camera_init_for_motion (&self->camera, NULL);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  update_description (self);
}

GtkWidget *
steady_figure_view_new (void)
{
  return g_object_new (STEADY_TYPE_FIGURE_VIEW, NULL);
}

void
steady_figure_view_set_drill (SteadyFigureView *self,
                              SteadyDrill      *drill)
{
  g_return_if_fail (STEADY_IS_FIGURE_VIEW (self));
  g_return_if_fail (drill == NULL || STEADY_IS_DRILL (drill));

  stop_cycling (self);
  if (g_set_object (&self->drill, drill))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRILL]);

  g_clear_pointer (&self->illustration, g_free);
  if (drill != NULL)
    {
      self->mode = MODE_DRILL;
      steady_motion_params_init_from_drill (&self->params, drill);
      steady_camera_init_for_motion (&self->camera, steady_drill_get_motion (drill));
    }
  else
    self->mode = MODE_NONE;
  self->elapsed = 0.0;
  self->tick_origin = 0;

  update_ticking (self);
}

SteadyDrill *
steady_figure_view_get_drill (SteadyFigureView *self)
{
  g_return_val_if_fail (STEADY_IS_FIGURE_VIEW (self), NULL);

  return self->drill;
}

void
steady_figure_view_set_illustration (SteadyFigureView *self,
                                     const char       *illustration)
{
  g_return_if_fail (STEADY_IS_FIGURE_VIEW (self));

  if (g_strcmp0 (self->illustration, illustration) != 0)
    {
      g_free (self->illustration);
      self->illustration = g_strdup (illustration);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ILLUSTRATION]);
    }
  stop_cycling (self);
  g_clear_object (&self->drill);
  self->mode = steady_illustration_is_known (illustration) ? MODE_ILLUSTRATION : MODE_NONE;
  self->elapsed = 0.0;
  self->tick_origin = 0;

  update_ticking (self);
}

const char *
steady_figure_view_get_illustration (SteadyFigureView *self)
{
  g_return_val_if_fail (STEADY_IS_FIGURE_VIEW (self), NULL);

  return self->illustration;
}

void
steady_figure_view_set_motion_state (SteadyFigureView        *self,
                                     const SteadyMotionState *state)
{
  g_return_if_fail (STEADY_IS_FIGURE_VIEW (self));
  g_return_if_fail (state != NULL);
  g_return_if_fail (self->drill != NULL);

  self->state = *state;
  self->arrow = FALSE;
  self->mode = MODE_COACH;
  update_ticking (self);
}

void
steady_figure_view_set_motion_arrow (SteadyFigureView        *self,
                                     const SteadyMotionState *from,
                                     const SteadyMotionState *to)
{
  g_return_if_fail (STEADY_IS_FIGURE_VIEW (self));
  g_return_if_fail (from != NULL && to != NULL);
  g_return_if_fail (self->drill != NULL);

  if (self->mode == MODE_COACH && self->arrow
      && memcmp (&self->arrow_from, from, sizeof *from) == 0
      && memcmp (&self->state, to, sizeof *to) == 0)
    return;

  self->arrow_from = *from;
  self->state = *to;
  self->arrow = TRUE;
  self->mode = MODE_COACH;
  update_ticking (self);
}

gboolean
steady_figure_view_get_motion_arrow (SteadyFigureView *self)
{
  g_return_val_if_fail (STEADY_IS_FIGURE_VIEW (self), FALSE);

  return self->mode == MODE_COACH && self->arrow;
}

void
steady_figure_view_set_playing (SteadyFigureView *self,
                                gboolean          playing)
{
  g_return_if_fail (STEADY_IS_FIGURE_VIEW (self));

  playing = !!playing;
  if (self->playing == playing)
    return;

  self->playing = playing;
  /* Resume from where the loop stopped. */
  self->tick_origin = 0;
  update_ticking (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

gboolean
steady_figure_view_get_playing (SteadyFigureView *self)
{
  g_return_val_if_fail (STEADY_IS_FIGURE_VIEW (self), FALSE);

  return self->playing;
}

void
steady_figure_view_reset_view (SteadyFigureView *self)
{
  g_return_if_fail (STEADY_IS_FIGURE_VIEW (self));

  steady_camera_init_for_motion (&self->camera, current_motion (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
steady_figure_view_get_orbit (SteadyFigureView *self,
                              double           *yaw,
                              double           *pitch)
{
  g_return_if_fail (STEADY_IS_FIGURE_VIEW (self));

  if (yaw != NULL)
    *yaw = self->camera.yaw;
  if (pitch != NULL)
    *pitch = self->camera.pitch;
}

void
steady_figure_view_set_time (SteadyFigureView *self,
                             double            seconds)
{
  g_return_if_fail (STEADY_IS_FIGURE_VIEW (self));

  self->elapsed = MAX (0.0, seconds);
  self->tick_origin = 0;
  update_cycle (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
steady_figure_view_is_animating (SteadyFigureView *self)
{
  g_return_val_if_fail (STEADY_IS_FIGURE_VIEW (self), FALSE);

  return self->tick_id != 0;
}

/* Cycles through @drills (a GListModel of SteadyDrill), each one's demo
 * loop for "seconds-per-drill", from the first; NULL stops cycling and
 * leaves the drill shown. */
void
steady_figure_view_set_drills (SteadyFigureView *self,
                               GListModel       *drills)
{
  g_return_if_fail (STEADY_IS_FIGURE_VIEW (self));
  g_return_if_fail (drills == NULL || G_IS_LIST_MODEL (drills));

  if (drills == NULL)
    {
      stop_cycling (self);
      return;
    }

  if (g_set_object (&self->drills, drills))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRILLS]);
  if (self->illustration != NULL)
    {
      g_clear_pointer (&self->illustration, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ILLUSTRATION]);
    }
  /* Start afresh with the first drill. */
  if (self->drill != NULL)
    {
      g_clear_object (&self->drill);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRILL]);
    }
  self->mode = MODE_NONE;
  self->elapsed = 0.0;
  self->tick_origin = 0;
  update_cycle (self);

  update_ticking (self);
}

GListModel *
steady_figure_view_get_drills (SteadyFigureView *self)
{
  g_return_val_if_fail (STEADY_IS_FIGURE_VIEW (self), NULL);

  return self->drills;
}

void
steady_figure_view_set_seconds_per_drill (SteadyFigureView *self,
                                          double            seconds)
{
  g_return_if_fail (STEADY_IS_FIGURE_VIEW (self));
  g_return_if_fail (seconds >= 1.0);

  if (self->seconds_per_drill == seconds)
    return;

  self->seconds_per_drill = seconds;
  update_cycle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_PER_DRILL]);
}

double
steady_figure_view_get_seconds_per_drill (SteadyFigureView *self)
{
  g_return_val_if_fail (STEADY_IS_FIGURE_VIEW (self), 0.0);

  return self->seconds_per_drill;
}

gboolean
steady_figure_slot_set (GtkWidget  *slot,
                        GtkWidget **current,
                        GtkWidget  *figure)
{
  g_return_val_if_fail (GTK_IS_BOX (slot), FALSE);
  g_return_val_if_fail (current != NULL, FALSE);
  g_return_val_if_fail (figure == NULL || GTK_IS_WIDGET (figure), FALSE);

  if (*current == figure)
    return FALSE;

  if (*current != NULL)
    gtk_box_remove (GTK_BOX (slot), *current);
  *current = figure;
  if (figure != NULL)
    {
      gtk_widget_set_hexpand (figure, TRUE);
      gtk_widget_set_vexpand (figure, TRUE);
      gtk_box_append (GTK_BOX (slot), figure);
    }
  gtk_widget_set_visible (slot, figure != NULL);

  return TRUE;
}
