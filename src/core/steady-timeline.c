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
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "steady-timeline.h"

/* Durations the program file may leave out (docs/program-format.md). */
#define FALLBACK_GET_READY 5.0
#define FALLBACK_SWITCH    5.0
#define FALLBACK_LIFT      1.0
#define FALLBACK_LOWER     2.0
#define FALLBACK_REST      2.0
#define FALLBACK_CIRCLE    4.0
#define FALLBACK_CIRCLE_REST 3.0
#define FALLBACK_DRIFT     3.0
#define FALLBACK_RETURN    3.0

/* The first and the last circle of a direction ease the knee out onto the
 * circle and back in over this fraction of the circle, so the figure never
 * jumps. */
#define CIRCLE_RAMP 0.25

/* Cue times are sums of durations; this absorbs their rounding. */
#define EPSILON 1e-9

typedef enum {
  MOTION_CLAMSHELL,
  MOTION_KNEE_CIRCLES,
  MOTION_KNEE_ROTATION,
} Motion;

/* How the breaths of a hold are laid out. A hold of H seconds with breaths
 * of in + out seconds gets n = floor (H / (in + out)) breaths at the chosen
 * pace. When H is not a whole number of breaths, the remainder does not
 * become a short gasp at the end: it stretches the last breath, keeping the
 * in:out ratio, so the hold always ends at the end of an out-breath, just
 * as the patient releases. A hold shorter than one breath is one breath
 * shrunk to fit. */
typedef struct {
  guint  n;
  double in;
  double out;
  double last_in;
  double last_out;
} BreathPlan;

struct _SteadyTimeline
{
  GObject                parent_instance;

  SteadyDrill           *drill;
  SteadySessionSettings  settings;
  Motion                 motion;
  BreathPlan             breath;
  double                 total;

  GArray                *segments;   /* SteadySegment */
  GArray                *cues;       /* SteadyCue */
  GArray                *shown;      /* const char *: caption shown from cue i on */
  GStringChunk          *strings;
};

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

static const char *
side_label (SteadySide side)
{
  return side == STEADY_SIDE_RIGHT ? _("Right side") : _("Left side");
}

static const char *
direction_label (int direction)
{
  return direction > 0 ? _("clockwise") : _("anticlockwise");
}

/* Compiling */

typedef struct {
  SteadyTimeline *self;
  double          now;     /* where the next segment starts */
  SteadySide      side;
} Builder;

static const char *
intern (SteadyTimeline *self,
        const char     *str)
{
  return str ? g_string_chunk_insert_const (self->strings, str) : NULL;
}

static const char *
intern_take (SteadyTimeline *self,
             char           *str)
{
  const char *interned = intern (self, str);

  g_free (str);
  return interned;
}

static void
add_cue (Builder       *b,
         double         time,
         double         duration,
         SteadyCueKind  kind,
         int            number,
         const char    *speech,
         const char    *caption)
{
  SteadyCue cue = {
    .time = time,
    .duration = duration,
    .kind = kind,
    .number = number,
    .speech = intern (b->self, speech),
    .caption = intern (b->self, caption),
  };

  g_assert (caption != NULL);
  g_array_append_val (b->self->cues, cue);
}

static const char *
make_counter (SteadyTimeline *self,
              SteadyPhase     phase,
              SteadySide      side,
              guint           rep,
              guint           reps,
              int             direction)
{
  if (phase == STEADY_PHASE_DONE)
    return _("Done");

  if (rep == 0)
    return side_label (side);

  if (phase == STEADY_PHASE_CIRCLE)
    /* TRANSLATORS: "Circle 3 of 8 · clockwise" */
    return intern_take (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Circle %u of %u · %s",
                                                            "Circle %u of %u · %s",
                                                            reps),
                                               rep, reps, direction_label (direction)));

  return intern_take (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Rep %u of %u",
                                                          "Rep %u of %u",
                                                          reps),
                                             rep, reps));
}

/* Appends a segment at b->now and returns its start. Segments of no
 * length (a timing of 0 in the file) are left out, except DONE. */
static double
add_segment (Builder     *b,
             SteadyPhase  phase,
             double       duration,
             guint        rep,
             guint        reps,
             int          direction,
             gboolean     rep_start)
{
  SteadySegment segment = {
    .start = b->now,
    .duration = duration,
    .phase = phase,
    .side = b->side,
    .rep = rep,
    .reps = rep ? reps : 0,
    .direction = direction,
    .rep_start = rep_start,
  };
  double start = b->now;

  if (duration <= 0 && phase != STEADY_PHASE_DONE)
    return start;

  segment.counter = make_counter (b->self, phase, b->side, rep, reps, direction);
  segment.label = steady_phase_get_label (phase);
  g_array_append_val (b->self->segments, segment);
  b->now += duration;

  return start;
}

/* A PROMPT whose caption is "Rep 7 of 15: what to do". */
static void
add_rep_prompt (Builder    *b,
                double      time,
                guint       rep,
                guint       reps,
                const char *speech,
                const char *instruction)
{
  g_autofree char *caption = NULL;

  if (reps > 1)
    {
      g_autofree char *counter = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Rep %u of %u",
                                                               "Rep %u of %u",
                                                               reps),
                                                  rep, reps);

      /* TRANSLATORS: a rep counter and what to do: "Rep 7 of 15: lift your knee" */
      caption = g_strdup_printf (_("%s: %s"), counter, instruction);
    }
  else
    caption = g_strdup (instruction);

  add_cue (b, time, 0, STEADY_CUE_PROMPT, rep, speech, caption);
}

/* Ticks, the 3-2-1 and the release chime of a hold. They are one metronome
 * counted back from the hold's end, so the countdown always ends exactly on
 * the release even when the hold is not a whole number of seconds; a beat
 * that would fall on the hold's first instant is left out (the hold's own
 * prompt sounds there). */
static void
add_hold_beats (Builder *b,
                double   start,
                double   duration)
{
  double end = start + duration;
  int beats = (int) ceil (duration - EPSILON) - 1;

  for (int k = beats; k >= 1; k--)
    {
      double time = end - k;

      if (k <= 3)
        {
          g_autofree char *number = g_strdup_printf ("%d", k);

          add_cue (b, time, 0, STEADY_CUE_COUNTDOWN, k, number, number);
        }
      else
        {
          g_autofree char *caption =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d second left", "%d seconds left", k), k);

          add_cue (b, time, 0, STEADY_CUE_TICK, 0, NULL, caption);
        }
    }

  add_cue (b, end, 0, STEADY_CUE_RELEASE, 0, NULL, _("Release"));
}

static void
add_hold_prompt (Builder *b,
                 double   start,
                 double   duration,
                 gboolean speak)
{
  g_autofree char *caption = NULL;
  gulong seconds = (gulong) ceil (duration - EPSILON);

  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Hold for %g second",
                                          "Hold for %g seconds",
                                          seconds),
                             duration);
  add_cue (b, start, 0, STEADY_CUE_PROMPT, 0, speak ? _("Hold") : NULL, caption);
}

static void
breath_plan_init (BreathPlan *plan,
                  double      hold,
                  double      in,
                  double      out)
{
  double period = in + out;
  double last;

  plan->n = (guint) floor ((hold + EPSILON) / period);
  if (plan->n == 0)
    plan->n = 1;
  plan->in = in;
  plan->out = out;

  last = hold - (plan->n - 1) * period;
  plan->last_in = last * in / period;
  plan->last_out = last - plan->last_in;
}

/* Breath @k (0-based) of a hold: its offset from the hold's start and its
 * in- and out-breath. */
static void
breath_plan_get (const BreathPlan *plan,
                 guint             k,
                 double           *offset,
                 double           *in,
                 double           *out)
{
  *offset = k * (plan->in + plan->out);
  *in = k + 1 < plan->n ? plan->in : plan->last_in;
  *out = k + 1 < plan->n ? plan->out : plan->last_out;
}

static void
add_breaths (Builder *b,
             double   start)
{
  const BreathPlan *plan = &b->self->breath;

  for (guint k = 0; k < plan->n; k++)
    {
      double offset, in, out;

      breath_plan_get (plan, k, &offset, &in, &out);
      add_cue (b, start + offset, in, STEADY_CUE_BREATH_IN, 0,
               k == 0 ? _("Hold, and breathe in") : _("Breathe in"), _("Breathe in"));
      add_cue (b, start + offset + in, out, STEADY_CUE_BREATH_OUT, 0,
               _("Breathe out"), _("Breathe out"));
    }
}

static void
add_hold (Builder *b,
          guint    rep,
          guint    reps)
{
  double hold = b->self->settings.hold;
  double start = add_segment (b, STEADY_PHASE_HOLD, hold, rep, reps, 0, FALSE);

  if (b->self->motion == MOTION_KNEE_ROTATION)
    {
      /* The first breath speaks "Hold" itself, so the prompt is a caption
       * only and the two never talk over each other. */
      add_hold_prompt (b, start, hold, FALSE);
      add_breaths (b, start);
    }
  else
    add_hold_prompt (b, start, hold, TRUE);

  add_hold_beats (b, start, hold);
}

static void
add_rest (Builder *b,
          double   duration,
          guint    rep,
          guint    reps)
{
  double start = b->now;

  if (duration <= 0)
    return;

  add_segment (b, STEADY_PHASE_REST, duration, rep, reps, 0, FALSE);
  add_cue (b, start, 0, STEADY_CUE_PROMPT, 0, NULL, _("Rest"));
}

static void
compile_clamshell_side (Builder *b)
{
  SteadyDrill *drill = b->self->drill;
  guint reps = b->self->settings.reps;
  double lift = steady_drill_get_timing (drill, "lift", FALLBACK_LIFT);
  double lower = steady_drill_get_timing (drill, "lower", FALLBACK_LOWER);
  double rest = steady_drill_get_timing (drill, "rest", FALLBACK_REST);

  for (guint rep = 1; rep <= reps; rep++)
    {
      g_autofree char *speech = g_strdup_printf (_("Rep %u, lift"), rep);
      double start;

      start = add_segment (b, STEADY_PHASE_LIFT, lift, rep, reps, 0, TRUE);
      add_rep_prompt (b, start, rep, reps, speech, _("lift your top knee"));

      add_hold (b, rep, reps);

      start = add_segment (b, STEADY_PHASE_LOWER, lower, rep, reps, 0, FALSE);
      add_cue (b, start, 0, STEADY_CUE_PROMPT, 0, _("Lower"), _("Lower slowly, with control"));

      add_rest (b, rest, rep, reps);
    }
}

static void
compile_circles_side (Builder *b)
{
  SteadyDrill *drill = b->self->drill;
  guint reps = b->self->settings.reps;
  double circle = steady_drill_get_timing (drill, "circle", FALLBACK_CIRCLE);
  double rest = steady_drill_get_timing (drill, "rest", FALLBACK_CIRCLE_REST);
  static const int directions[] = { +1, -1 };

  for (guint d = 0; d < G_N_ELEMENTS (directions); d++)
    {
      int direction = directions[d];

      if (d > 0 && rest > 0)
        {
          double start = add_segment (b, STEADY_PHASE_REST, rest, 0, 0, 0, FALSE);

          add_cue (b, start, 0, STEADY_CUE_PROMPT, 0, _("Rest"),
                   _("Rest, then circle the other way"));
        }

      for (guint rep = 1; rep <= reps; rep++)
        {
          g_autofree char *speech = NULL;
          double start = add_segment (b, STEADY_PHASE_CIRCLE, circle, rep, reps, direction, TRUE);
          const SteadySegment *segment = &g_array_index (b->self->segments, SteadySegment,
                                                         b->self->segments->len - 1);

          if (rep == 1)
            speech = g_strdup (direction > 0 ? _("Circle clockwise") : _("Circle anticlockwise"));
          else
            speech = g_strdup_printf ("%u", rep);

          add_cue (b, start, 0, STEADY_CUE_PROMPT, rep, speech, segment->counter);
        }
    }
}

static void
compile_rotation_side (Builder *b)
{
  SteadyDrill *drill = b->self->drill;
  guint reps = b->self->settings.reps;
  double drift = steady_drill_get_timing (drill, "drift", FALLBACK_DRIFT);
  double back = steady_drill_get_timing (drill, "return", FALLBACK_RETURN);
  double rest = steady_drill_get_timing (drill, "rest", FALLBACK_REST);
  gboolean left = b->side == STEADY_SIDE_LEFT;

  for (guint rep = 1; rep <= reps; rep++)
    {
      double start;

      start = add_segment (b, STEADY_PHASE_DRIFT, drift, rep, reps, 0, TRUE);
      add_rep_prompt (b, start, rep, reps,
                      left ? _("Knees to the left") : _("Knees to the right"),
                      left ? _("let your knees drift to the left") : _("let your knees drift to the right"));

      add_hold (b, rep, reps);

      start = add_segment (b, STEADY_PHASE_RETURN, back, rep, reps, 0, FALSE);
      add_cue (b, start, 0, STEADY_CUE_PROMPT, 0, _("Back to the middle"),
               _("Bring your knees back to the middle"));

      add_rest (b, rest, rep, reps);
    }
}

static void
compile (SteadyTimeline *self)
{
  static const SteadySide order[] = { STEADY_SIDE_LEFT, STEADY_SIDE_RIGHT };
  Builder b = { self, 0, STEADY_SIDE_NONE };
  double get_ready = steady_drill_get_timing (self->drill, "get-ready", FALLBACK_GET_READY);
  double switch_time = steady_drill_get_timing (self->drill, "switch", FALLBACK_SWITCH);
  gboolean first = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (!(self->settings.sides & order[i]))
        continue;

      b.side = order[i];

      if (first)
        {
          g_autofree char *caption = NULL;

          /* TRANSLATORS: "Get ready: Left side" */
          caption = g_strdup_printf (_("Get ready: %s"), side_label (b.side));
          /* A file that sets get-ready="0" starts straight with rep 1,
           * whose prompt would talk over this one. */
          if (get_ready > 0)
            {
              add_segment (&b, STEADY_PHASE_GET_READY, get_ready, 0, 0, 0, FALSE);
              add_cue (&b, 0, 0, STEADY_CUE_PROMPT, 0, _("Get ready"), caption);
            }
        }
      else
        {
          g_autofree char *caption = NULL;
          double start = b.now;

          /* The cue stays even when the file sets switch="0": the
           * patient must know that the side changed. */
          /* TRANSLATORS: "Switch sides: Right side" */
          caption = g_strdup_printf (_("Switch sides: %s"), side_label (b.side));
          add_segment (&b, STEADY_PHASE_SWITCH_SIDES, switch_time, 0, 0, 0, FALSE);
          add_cue (&b, start, 0, STEADY_CUE_SWITCH_SIDES, 0, _("Switch sides"), caption);
        }
      first = FALSE;

      switch (self->motion)
        {
        case MOTION_CLAMSHELL:
          compile_clamshell_side (&b);
          break;
        case MOTION_KNEE_CIRCLES:
          compile_circles_side (&b);
          break;
        case MOTION_KNEE_ROTATION:
          compile_rotation_side (&b);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  self->total = b.now;
  add_segment (&b, STEADY_PHASE_DONE, 0, 0, 0, 0, FALSE);
  add_cue (&b, self->total, 0, STEADY_CUE_DONE, 0, _("Well done"), _("Done. Well done!"));
}

/* Cues were added phase by phase; a hold's beats come after the next
 * phase's prompt in that order but must sound before it when they share a
 * time (the release, then "Lower"). Sorting by time with the kind's rank as
 * the tie-break, and the order of insertion after that, gives one fixed
 * order. */
static int
cue_rank (SteadyCueKind kind)
{
  switch (kind)
    {
    case STEADY_CUE_RELEASE: return 0;
    case STEADY_CUE_DONE: return 1;
    case STEADY_CUE_SWITCH_SIDES: return 2;
    case STEADY_CUE_PROMPT: return 3;
    case STEADY_CUE_BREATH_IN:
    case STEADY_CUE_BREATH_OUT: return 4;
    case STEADY_CUE_COUNTDOWN: return 5;
    case STEADY_CUE_TICK:
    default: return 6;
    }
}

typedef struct {
  SteadyCue cue;
  guint     order;
} SortItem;

static int
compare_cues (gconstpointer a,
              gconstpointer b)
{
  const SortItem *x = a, *y = b;

  if (x->cue.time < y->cue.time - EPSILON)
    return -1;
  if (x->cue.time > y->cue.time + EPSILON)
    return 1;
  if (cue_rank (x->cue.kind) != cue_rank (y->cue.kind))
    return cue_rank (x->cue.kind) - cue_rank (y->cue.kind);
  return (x->order > y->order) - (x->order < y->order);
}

static void
sort_cues (SteadyTimeline *self)
{
  guint n = self->cues->len;
  g_autofree SortItem *items = g_new (SortItem, n);
  const char *shown = NULL;

  for (guint i = 0; i < n; i++)
    {
      items[i].cue = g_array_index (self->cues, SteadyCue, i);
      items[i].order = i;
    }
  qsort (items, n, sizeof *items, compare_cues);

  for (guint i = 0; i < n; i++)
    {
      g_array_index (self->cues, SteadyCue, i) = items[i].cue;
      if (items[i].cue.kind != STEADY_CUE_TICK)
        shown = items[i].cue.caption;
      g_array_append_val (self->shown, shown);
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
    breath_plan_init (&self->breath, self->settings.hold,
                      self->settings.breath_in, self->settings.breath_out);

  compile (self);
  sort_cues (self);

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
  const BreathPlan *plan = &self->breath;
  double period = plan->in + plan->out;
  double offset, in, breath_out;
  guint k;

  k = (guint) MIN (floor (elapsed / period), plan->n - 1);
  breath_plan_get (plan, k, &offset, &in, &breath_out);
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
