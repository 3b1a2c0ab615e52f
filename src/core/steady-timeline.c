/* steady-timeline.c: a drill and a patient's settings compiled into time
 *
 * The timeline is compiled once, in time order, into two arrays: segments
 * that tile the session and the cues that sound and caption it. Every query
 * afterwards is a binary search and a little arithmetic on those arrays, so
 * the figure, the counters, the captions and the sound can all ask "what is
 * happening at t?" on every frame and get the same answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "steady-timeline-private.h"

/* The first and the last circle of a direction ease the knee out onto the
 * circle and back in over this fraction of the circle, so the figure never
 * jumps. */
#define CIRCLE_RAMP 0.25

G_DEFINE_FINAL_TYPE (SteadyTimeline, steady_timeline, G_TYPE_OBJECT)

static void
steady_timeline_dispose (GObject *object)
{
  SteadyTimeline *self = (SteadyTimeline *)object;

  g_clear_object (&self->drill);

  G_OBJECT_CLASS (steady_timeline_parent_class)->dispose (object);
}

static void
steady_timeline_finalize (GObject *object)
{
  SteadyTimeline *self = (SteadyTimeline *)object;

  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->cues, g_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (steady_timeline_parent_class)->finalize (object);
}

static void
steady_timeline_class_init (SteadyTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steady_timeline_dispose;
  object_class->finalize = steady_timeline_finalize;
}

static void
steady_timeline_init (SteadyTimeline *self)
{
  self->segments = g_array_new (FALSE, TRUE, sizeof (SteadySegment));
  self->cues = g_array_new (FALSE, TRUE, sizeof (SteadyCue));
  self->shown = g_array_new (FALSE, TRUE, sizeof (const char *));
  self->strings = g_string_chunk_new (1024);
}

/* Names and labels */

const char *
steady_phase_get_name (SteadyPhase phase)
{
  switch (phase)
    {
    case STEADY_PHASE_GET_READY: return "get-ready";
    case STEADY_PHASE_LIFT: return "lift";
    case STEADY_PHASE_HOLD: return "hold";
    case STEADY_PHASE_LOWER: return "lower";
    case STEADY_PHASE_REST: return "rest";
    case STEADY_PHASE_CIRCLE: return "circle";
    case STEADY_PHASE_DRIFT: return "drift";
    case STEADY_PHASE_RETURN: return "return";
    case STEADY_PHASE_SWITCH_SIDES: return "switch-sides";
    case STEADY_PHASE_DONE: return "done";
    default: g_return_val_if_reached (NULL);
    }
}

/* Whether the body moves through @phase at a set pace (lifting, lowering,
 * a circle, drifting and coming back); the coach shows that pace. */
gboolean
steady_phase_is_movement (SteadyPhase phase)
{
  return phase == STEADY_PHASE_LIFT || phase == STEADY_PHASE_LOWER ||
         phase == STEADY_PHASE_CIRCLE || phase == STEADY_PHASE_DRIFT ||
         phase == STEADY_PHASE_RETURN;
}

/* Whether @phase is time to be counted down: a hold, a rest, the wait
 * before a side starts. */
gboolean
steady_phase_is_countdown (SteadyPhase phase)
{
  return phase == STEADY_PHASE_HOLD || phase == STEADY_PHASE_REST ||
         phase == STEADY_PHASE_GET_READY || phase == STEADY_PHASE_SWITCH_SIDES;
}

const char *
steady_phase_get_label (SteadyPhase phase)
{
  switch (phase)
    {
    case STEADY_PHASE_GET_READY: return _("Get ready");
    case STEADY_PHASE_LIFT: return _("Lift");
    case STEADY_PHASE_HOLD: return _("Hold");
    case STEADY_PHASE_LOWER: return _("Lower");
    case STEADY_PHASE_REST: return _("Rest");
    case STEADY_PHASE_CIRCLE: return _("Circle");
    case STEADY_PHASE_DRIFT: return _("Drift to the side");
    case STEADY_PHASE_RETURN: return _("Return");
    case STEADY_PHASE_SWITCH_SIDES: return _("Switch sides");
    case STEADY_PHASE_DONE: return _("Done");
    default: g_return_val_if_reached (NULL);
    }
}


SteadyTimeline *
steady_timeline_new (SteadyDrill                  *drill,
                     const SteadySessionSettings  *settings,
                     GError                      **error)
{
  g_autoptr(SteadyTimeline) self = NULL;
  const char *motion;

  g_return_val_if_fail (STEADY_IS_DRILL (drill), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (STEADY_TYPE_TIMELINE, NULL);
  self->drill = g_object_ref (drill);

  if (settings != NULL)
    self->settings = *settings;
  else
    steady_session_settings_init_from_drill (&self->settings, drill);

  if (!steady_session_settings_validate (&self->settings, drill, error))
    return NULL;

  motion = steady_drill_get_motion (drill);
  if (strcmp (motion, "clamshell") == 0)
    self->motion = MOTION_CLAMSHELL;
  else if (strcmp (motion, "quadruped-knee-circles") == 0)
    self->motion = MOTION_KNEE_CIRCLES;
  else
    self->motion = MOTION_KNEE_ROTATION;

  if (self->motion == MOTION_KNEE_ROTATION)
    steady_breath_plan_init (&self->breath, self->settings.hold,
                      self->settings.breath_in, self->settings.breath_out);

  steady_timeline_compile (self);

  return g_steal_pointer (&self);
}

/* Queries */

SteadyDrill *
steady_timeline_get_drill (SteadyTimeline *self)
{
  g_return_val_if_fail (STEADY_IS_TIMELINE (self), NULL);
  return self->drill;
}

const SteadySessionSettings *
steady_timeline_get_settings (SteadyTimeline *self)
{
  g_return_val_if_fail (STEADY_IS_TIMELINE (self), NULL);
  return &self->settings;
}

double
steady_timeline_get_total (SteadyTimeline *self)
{
  g_return_val_if_fail (STEADY_IS_TIMELINE (self), 0);
  return self->total;
}

const SteadySegment *
steady_timeline_get_segments (SteadyTimeline *self,
                              guint          *n_segments)
{
  g_return_val_if_fail (STEADY_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (n_segments != NULL, NULL);

  *n_segments = self->segments->len;
  return (const SteadySegment *) self->segments->data;
}

const SteadyCue *
steady_timeline_get_cues (SteadyTimeline *self,
                          guint          *n_cues)
{
  g_return_val_if_fail (STEADY_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (n_cues != NULL, NULL);

  *n_cues = self->cues->len;
  return (const SteadyCue *) self->cues->data;
}

static double
clamp_time (SteadyTimeline *self,
            double          t)
{
  if (!(t > 0))   /* also NaN */
    return 0;
  return MIN (t, self->total);
}

guint
steady_timeline_find_segment (SteadyTimeline *self,
                              double          t)
{
  guint lo = 0, hi;

  g_return_val_if_fail (STEADY_IS_TIMELINE (self), 0);

  t = clamp_time (self, t);

  /* The last segment whose start is <= t. */
  hi = self->segments->len;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->segments, SteadySegment, mid).start <= t)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

/* Index of the first cue whose time is >= @t. */
static guint
lower_bound_cue (SteadyTimeline *self,
                 double          t)
{
  guint lo = 0, hi = self->cues->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->cues, SteadyCue, mid).time < t)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

const SteadyCue *
steady_timeline_find_cues (SteadyTimeline *self,
                           double          from,
                           double          to,
                           guint          *n_cues)
{
  guint first, last;

  g_return_val_if_fail (STEADY_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (n_cues != NULL, NULL);

  first = lower_bound_cue (self, from);
  last = to > from ? lower_bound_cue (self, to) : first;
  *n_cues = last - first;

  if (*n_cues == 0)
    return NULL;

  return &g_array_index (self->cues, SteadyCue, first);
}

static double
ease (double p)
{
  p = CLAMP (p, 0.0, 1.0);
  return 0.5 - 0.5 * cos (G_PI * p);
}

static void
moment_breath (SteadyTimeline *self,
               double          elapsed,
               SteadyMoment   *out)
{
  const SteadyBreathPlan *plan = &self->breath;
  double period = plan->in + plan->out;
  double offset, in, breath_out;
  guint k;

  k = (guint) MIN (floor (elapsed / period), plan->n - 1);
  steady_breath_plan_get (plan, k, &offset, &in, &breath_out);
  elapsed -= offset;

  out->breath_number = k + 1;
  out->n_breaths = plan->n;

  if (elapsed < in)
    {
      out->breath = STEADY_BREATH_IN;
      out->breath_progress = elapsed / in;
      out->motion.breath = ease (out->breath_progress);
    }
  else
    {
      out->breath = STEADY_BREATH_OUT;
      out->breath_progress = MIN ((elapsed - in) / breath_out, 1.0);
      out->motion.breath = 1.0 - ease (out->breath_progress);
    }
}

static void
moment_motion (SteadyTimeline      *self,
               const SteadySegment *segment,
               SteadyMoment        *out)
{
  double p = out->segment_progress;
  SteadyMotionState *motion = &out->motion;

  motion->side = segment->side;
  motion->direction = segment->direction;

  switch (segment->phase)
    {
    case STEADY_PHASE_LIFT:
    case STEADY_PHASE_DRIFT:
      motion->amount = ease (p);
      motion->working = TRUE;
      break;

    case STEADY_PHASE_HOLD:
      motion->amount = 1.0;
      /* The clamshell holds by contracting; the rotation holds by letting go. */
      motion->working = self->motion == MOTION_CLAMSHELL;
      break;

    case STEADY_PHASE_LOWER:
    case STEADY_PHASE_RETURN:
      motion->amount = 1.0 - ease (p);
      motion->working = TRUE;
      break;

    case STEADY_PHASE_CIRCLE:
      /* Positive angles go clockwise, so a circle's angle runs from 0 to
       * 2π × direction. */
      motion->angle = segment->direction * 2 * G_PI * p;
      motion->amount = 1.0;
      if (segment->rep == 1)
        motion->amount = MIN (motion->amount, ease (p / CIRCLE_RAMP));
      if (segment->rep == segment->reps)
        motion->amount = MIN (motion->amount, ease ((1.0 - p) / CIRCLE_RAMP));
      motion->working = TRUE;
      break;

    case STEADY_PHASE_GET_READY:
    case STEADY_PHASE_REST:
    case STEADY_PHASE_SWITCH_SIDES:
    case STEADY_PHASE_DONE:
    default:
      break;
    }
}

void
steady_timeline_get_moment (SteadyTimeline *self,
                            double          t,
                            SteadyMoment   *out)
{
  const SteadySegment *segment;
  guint index, cue;

  g_return_if_fail (STEADY_IS_TIMELINE (self));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);

  t = clamp_time (self, t);
  index = steady_timeline_find_segment (self, t);
  segment = &g_array_index (self->segments, SteadySegment, index);

  out->segment = index;
  out->t = t;
  out->phase = segment->phase;
  out->label = segment->label;
  out->counter = segment->counter;
  out->side = segment->side;
  out->rep = segment->rep;
  out->reps = segment->reps;
  out->direction = segment->direction;
  out->segment_elapsed = t - segment->start;
  out->segment_left = MAX (segment->duration - out->segment_elapsed, 0.0);
  out->segment_progress = segment->duration > 0
                          ? CLAMP (out->segment_elapsed / segment->duration, 0.0, 1.0)
                          : 1.0;

  if (segment->phase == STEADY_PHASE_HOLD)
    {
      out->hold_left = out->segment_left;
      out->hold_progress = out->segment_progress;
      if (self->motion == MOTION_KNEE_ROTATION)
        moment_breath (self, out->segment_elapsed, out);
    }

  moment_motion (self, segment, out);

  /* The caption of the latest cue at or before t. */
  cue = lower_bound_cue (self, nextafter (t, G_MAXDOUBLE));
  out->caption = cue > 0 ? g_array_index (self->shown, const char *, cue - 1) : NULL;
  if (out->caption == NULL)
    out->caption = segment->label;
}

double
steady_timeline_next_rep_start (SteadyTimeline *self,
                                double          t)
{
  g_return_val_if_fail (STEADY_IS_TIMELINE (self), 0);

  for (guint i = 0; i < self->segments->len; i++)
    {
      const SteadySegment *segment = &g_array_index (self->segments, SteadySegment, i);

      if (segment->rep_start && segment->start > t)
        return segment->start;
    }

  return self->total;
}

double
steady_timeline_previous_rep_start (SteadyTimeline *self,
                                    double          t)
{
  gboolean found_current = FALSE;

  g_return_val_if_fail (STEADY_IS_TIMELINE (self), 0);

  for (guint i = self->segments->len; i > 0; i--)
    {
      const SteadySegment *segment = &g_array_index (self->segments, SteadySegment, i - 1);

      if (!segment->rep_start || segment->start > t)
        continue;

      if (found_current)
        return segment->start;
      found_current = TRUE;
    }

  return 0;
}
