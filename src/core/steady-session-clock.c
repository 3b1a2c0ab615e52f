/* steady-session-clock.c
 *
 * The whole state is one affine mapping: while running t = now - origin,
 * while paused t = paused_t. Every operation rewrites origin or paused_t,
 * so skips and pauses are exact arithmetic that a test can drive with
 * plain numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "steady-session-clock.h"

struct _SteadySessionClock
{
  GObject         parent_instance;

  SteadyTimeline *timeline;
  gboolean        paused;
  double          origin;    /* while running: now at which t was 0 */
  double          paused_t;  /* while paused: t */
};

G_DEFINE_FINAL_TYPE (SteadySessionClock, steady_session_clock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIMELINE,
  PROP_PAUSED,
  N_PROPS
};

enum {
  SEEKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
steady_session_clock_dispose (GObject *object)
{
  SteadySessionClock *self = (SteadySessionClock *)object;

  g_clear_object (&self->timeline);

  G_OBJECT_CLASS (steady_session_clock_parent_class)->dispose (object);
}

static void
steady_session_clock_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SteadySessionClock *self = STEADY_SESSION_CLOCK (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      g_value_set_object (value, self->timeline);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_session_clock_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SteadySessionClock *self = STEADY_SESSION_CLOCK (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      self->timeline = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_session_clock_class_init (SteadySessionClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steady_session_clock_dispose;
  object_class->get_property = steady_session_clock_get_property;
  object_class->set_property = steady_session_clock_set_property;

  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL,
                         STEADY_TYPE_TIMELINE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SEEKED] =
    g_signal_new ("seeked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DOUBLE);
}

static void
steady_session_clock_init (SteadySessionClock *self)
{
  self->paused = TRUE;
}

SteadySessionClock *
steady_session_clock_new (SteadyTimeline *timeline)
{
  g_return_val_if_fail (STEADY_IS_TIMELINE (timeline), NULL);

  return g_object_new (STEADY_TYPE_SESSION_CLOCK, "timeline", timeline, NULL);
}

SteadyTimeline *
steady_session_clock_get_timeline (SteadySessionClock *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_CLOCK (self), NULL);
  return self->timeline;
}

gboolean
steady_session_clock_get_paused (SteadySessionClock *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_CLOCK (self), TRUE);
  return self->paused;
}

static double
clamp_t (SteadySessionClock *self,
         double              t)
{
  if (!(t > 0))   /* also NaN */
    return 0;
  return MIN (t, steady_timeline_get_total (self->timeline));
}

double
steady_session_clock_get_time (SteadySessionClock *self,
                               double              now)
{
  g_return_val_if_fail (STEADY_IS_SESSION_CLOCK (self), 0);

  if (self->paused)
    return self->paused_t;

  return clamp_t (self, now - self->origin);
}

gboolean
steady_session_clock_is_finished (SteadySessionClock *self,
                                  double              now)
{
  g_return_val_if_fail (STEADY_IS_SESSION_CLOCK (self), FALSE);

  return steady_session_clock_get_time (self, now) >= steady_timeline_get_total (self->timeline);
}

static void
set_paused (SteadySessionClock *self,
            gboolean            paused)
{
  if (self->paused == paused)
    return;

  self->paused = paused;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

void
steady_session_clock_pause (SteadySessionClock *self,
                            double              now)
{
  g_return_if_fail (STEADY_IS_SESSION_CLOCK (self));

  if (self->paused)
    return;

  self->paused_t = steady_session_clock_get_time (self, now);
  set_paused (self, TRUE);
}

void
steady_session_clock_resume (SteadySessionClock *self,
                             double              now)
{
  g_return_if_fail (STEADY_IS_SESSION_CLOCK (self));

  if (!self->paused)
    return;

  self->origin = now - self->paused_t;
  set_paused (self, FALSE);
}

/* Moves the mapping so that t is @t at @now, without a signal. */
static void
place (SteadySessionClock *self,
       double              now,
       double              t)
{
  t = clamp_t (self, t);

  if (self->paused)
    self->paused_t = t;
  else
    self->origin = now - t;
}

void
steady_session_clock_seek (SteadySessionClock *self,
                           double              now,
                           double              t)
{
  g_return_if_fail (STEADY_IS_SESSION_CLOCK (self));

  place (self, now, t);
  g_signal_emit (self, signals[SEEKED], 0, steady_session_clock_get_time (self, now));
}

void
steady_session_clock_skip_forward (SteadySessionClock *self,
                                   double              now)
{
  double t;

  g_return_if_fail (STEADY_IS_SESSION_CLOCK (self));

  t = steady_session_clock_get_time (self, now);
  steady_session_clock_seek (self, now, steady_timeline_next_rep_start (self->timeline, t));
}

void
steady_session_clock_skip_back (SteadySessionClock *self,
                                double              now)
{
  double t;

  g_return_if_fail (STEADY_IS_SESSION_CLOCK (self));

  t = steady_session_clock_get_time (self, now);
  steady_session_clock_seek (self, now, steady_timeline_previous_rep_start (self->timeline, t));
}

void
steady_session_clock_restart (SteadySessionClock *self,
                              double              now)
{
  g_return_if_fail (STEADY_IS_SESSION_CLOCK (self));

  steady_session_clock_seek (self, now, 0);
}

void
steady_session_clock_switch_source (SteadySessionClock *self,
                                    double              old_now,
                                    double              new_now)
{
  g_return_if_fail (STEADY_IS_SESSION_CLOCK (self));

  /* Not a jump: no "seeked". */
  place (self, new_now, steady_session_clock_get_time (self, old_now));
}
