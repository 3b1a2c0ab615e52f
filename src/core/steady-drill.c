/* steady-drill.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "steady-program-private.h"

/* Ranges a program file may use; the parser enforces them. */
const SteadyParamSpec steady_timing_specs[STEADY_N_TIMINGS] = {
  [STEADY_TIMING_GET_READY] = { "get-ready", 0, 120 },
  [STEADY_TIMING_LIFT]      = { "lift", 0.2, 120 },
  [STEADY_TIMING_LOWER]     = { "lower", 0.2, 120 },
  [STEADY_TIMING_REST]      = { "rest", 0, 120 },
  [STEADY_TIMING_CIRCLE]    = { "circle", 0.2, 120 },
  [STEADY_TIMING_DRIFT]     = { "drift", 0.2, 120 },
  [STEADY_TIMING_RETURN]    = { "return", 0.2, 120 },
  [STEADY_TIMING_SWITCH]    = { "switch", 0, 120 },
};

const SteadyParamSpec steady_motion_param_specs[STEADY_N_MOTION_PARAMS] = {
  [STEADY_MOTION_PARAM_LIFT_CM]   = { "lift-cm", 1, 10 },
  [STEADY_MOTION_PARAM_RADIUS_CM] = { "radius-cm", 1, 20 },
  [STEADY_MOTION_PARAM_ANGLE_DEG] = { "angle-deg", 5, 90 },
};

int
steady_param_spec_lookup (const SteadyParamSpec *specs,
                          guint                  n_specs,
                          const char            *name)
{
  for (guint i = 0; i < n_specs; i++)
    if (g_strcmp0 (specs[i].name, name) == 0)
      return i;

  return -1;
}

G_DEFINE_FINAL_TYPE (SteadyDrill, steady_drill, G_TYPE_OBJECT)

static void
steady_drill_finalize (GObject *object)
{
  SteadyDrill *self = (SteadyDrill *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->motion);
  g_strfreev (self->steps);
  g_strfreev (self->tips);

  G_OBJECT_CLASS (steady_drill_parent_class)->finalize (object);
}

static void
steady_drill_class_init (SteadyDrillClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_drill_finalize;
}

static void
steady_drill_init (SteadyDrill *self)
{
  for (guint i = 0; i < STEADY_N_TIMINGS; i++)
    self->timing[i] = NAN;
  for (guint i = 0; i < STEADY_N_MOTION_PARAMS; i++)
    self->motion_params[i] = NAN;
  self->sides = STEADY_SIDE_BOTH;
}

const char *
steady_drill_get_id (SteadyDrill *self)
{
  g_return_val_if_fail (STEADY_IS_DRILL (self), NULL);
  return self->id;
}

const char *
steady_drill_get_title (SteadyDrill *self)
{
  g_return_val_if_fail (STEADY_IS_DRILL (self), NULL);
  return self->title;
}

const char *
steady_drill_get_summary (SteadyDrill *self)
{
  g_return_val_if_fail (STEADY_IS_DRILL (self), NULL);
  return self->summary;
}

const char *
steady_drill_get_motion (SteadyDrill *self)
{
  g_return_val_if_fail (STEADY_IS_DRILL (self), NULL);
  return self->motion;
}

SteadySide
steady_drill_get_sides (SteadyDrill *self)
{
  g_return_val_if_fail (STEADY_IS_DRILL (self), STEADY_SIDE_NONE);
  return self->sides;
}

static const char * const *
strv_or_empty (GStrv strv)
{
  static const char * const empty[] = { NULL };

  return strv ? (const char * const *)strv : empty;
}

const char * const *
steady_drill_get_steps (SteadyDrill *self)
{
  g_return_val_if_fail (STEADY_IS_DRILL (self), NULL);
  return strv_or_empty (self->steps);
}

const char * const *
steady_drill_get_tips (SteadyDrill *self)
{
  g_return_val_if_fail (STEADY_IS_DRILL (self), NULL);
  return strv_or_empty (self->tips);
}

const SteadyRange *
steady_drill_get_reps (SteadyDrill *self)
{
  g_return_val_if_fail (STEADY_IS_DRILL (self), NULL);
  return &self->reps;
}

const SteadyRange *
steady_drill_get_hold (SteadyDrill *self)
{
  g_return_val_if_fail (STEADY_IS_DRILL (self), NULL);
  return &self->hold;
}

gboolean
steady_drill_get_breath (SteadyDrill *self,
                         double      *in_seconds,
                         double      *out_seconds)
{
  g_return_val_if_fail (STEADY_IS_DRILL (self), FALSE);

  if (in_seconds != NULL)
    *in_seconds = self->has_breath ? self->breath_in : 0;
  if (out_seconds != NULL)
    *out_seconds = self->has_breath ? self->breath_out : 0;

  return self->has_breath;
}

double
steady_drill_get_timing (SteadyDrill *self,
                         const char  *name,
                         double       fallback)
{
  int i;

  g_return_val_if_fail (STEADY_IS_DRILL (self), fallback);
  g_return_val_if_fail (name != NULL, fallback);

  i = steady_param_spec_lookup (steady_timing_specs, STEADY_N_TIMINGS, name);
  g_return_val_if_fail (i >= 0, fallback);

  return isnan (self->timing[i]) ? fallback : self->timing[i];
}

double
steady_drill_get_motion_param (SteadyDrill *self,
                               const char  *name,
                               double       fallback)
{
  int i;

  g_return_val_if_fail (STEADY_IS_DRILL (self), fallback);
  g_return_val_if_fail (name != NULL, fallback);

  i = steady_param_spec_lookup (steady_motion_param_specs, STEADY_N_MOTION_PARAMS, name);
  g_return_val_if_fail (i >= 0, fallback);

  return isnan (self->motion_params[i]) ? fallback : self->motion_params[i];
}
