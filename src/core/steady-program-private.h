/* steady-program-private.h: what the parser fills in
 *
 * Cards and drills are immutable once parsed; only steady-program.c builds
 * them, so their fields are shared here rather than through setters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "steady-card.h"
#include "steady-drill.h"

G_BEGIN_DECLS

typedef enum {
  STEADY_TIMING_GET_READY,
  STEADY_TIMING_LIFT,
  STEADY_TIMING_LOWER,
  STEADY_TIMING_REST,
  STEADY_TIMING_CIRCLE,
  STEADY_TIMING_DRIFT,
  STEADY_TIMING_RETURN,
  STEADY_TIMING_SWITCH,
  STEADY_N_TIMINGS
} SteadyTiming;

typedef enum {
  STEADY_MOTION_PARAM_LIFT_CM,
  STEADY_MOTION_PARAM_RADIUS_CM,
  STEADY_MOTION_PARAM_ANGLE_DEG,
  STEADY_N_MOTION_PARAMS
} SteadyMotionParam;

/* A number attribute: its name, the range a file may use, and whether it is
 * a duration that must not be zero. Shared by the parser and the getters. */
typedef struct {
  const char *name;
  double      min;
  double      max;
} SteadyParamSpec;

extern const SteadyParamSpec steady_timing_specs[STEADY_N_TIMINGS];
extern const SteadyParamSpec steady_motion_param_specs[STEADY_N_MOTION_PARAMS];

struct _SteadyCard
{
  GObject         parent_instance;

  char           *id;
  SteadyCardKind  kind;
  char           *title;
  char           *illustration;
  char           *drill_id;
  GStrv           paragraphs;
};

struct _SteadyDrill
{
  GObject      parent_instance;

  char        *id;
  char        *title;
  char        *summary;
  char        *motion;
  SteadySide   sides;
  GStrv        steps;
  GStrv        tips;
  SteadyRange  reps;
  SteadyRange  hold;
  gboolean     has_breath;
  double       breath_in;
  double       breath_out;
  double       timing[STEADY_N_TIMINGS];        /* NAN when unset */
  double       motion_params[STEADY_N_MOTION_PARAMS];
};

int steady_param_spec_lookup (const SteadyParamSpec *specs,
                              guint                  n_specs,
                              const char            *name);

G_END_DECLS
