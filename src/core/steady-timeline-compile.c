/* steady-timeline-compile.c: a drill and settings made into segments and cues
 *
 * Each side is laid out phase by phase in time order; every phase adds its
 * segment and the cues that sound and caption it. The cues are sorted once
 * at the end, so every query is a binary search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "steady-timeline-private.h"

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

/* "Left side" alone leaves a patient guessing (lie on it, or lift it?):
 * each drill names its side by what the patient does with it. */
const char *
steady_timeline_get_side_label (SteadyTimeline *self,
                                SteadySide      side)
{
  gboolean right = side == STEADY_SIDE_RIGHT;

  g_return_val_if_fail (STEADY_IS_TIMELINE (self), NULL);

  if (side != STEADY_SIDE_LEFT && side != STEADY_SIDE_RIGHT)
    return "";

  switch (self->motion)
    {
    case MOTION_CLAMSHELL:
      /* The working hip is the top one. */
      return right ? _("Right hip, lying on your left side")
                   : _("Left hip, lying on your right side");
    case MOTION_KNEE_CIRCLES:
      return right ? _("Right knee circles") : _("Left knee circles");
    case MOTION_KNEE_ROTATION:
      return right ? _("Knees to your right") : _("Knees to your left");
    default:
      return right ? _("Right side") : _("Left side");
    }
}

static const char *
direction_label (int direction)
{
  return direction > 0 ? _("clockwise") : _("anticlockwise");
}

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
    return steady_timeline_get_side_label (self, side);

  if (phase == STEADY_PHASE_CIRCLE)
    {
      char *text;

      /* TRANSLATORS: "Circle 3 of 8 · clockwise" (or "anticlockwise") */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Circle %u of %u · %s", "Circle %u of %u · %s", reps),
                              rep, reps, direction_label (direction));
      return intern_take (self, text);
    }

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
    {
      /* Alone, the instruction begins the sentence. */
      gunichar first = g_utf8_get_char (instruction);
      char title[6];
      int len = g_unichar_to_utf8 (g_unichar_totitle (first), title);

      caption = g_strdup_printf ("%.*s%s", len, title, g_utf8_next_char (instruction));
    }

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
  int beats = (int) ceil (duration - STEADY_TIMELINE_EPSILON) - 1;

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
  gulong seconds = (gulong) ceil (duration - STEADY_TIMELINE_EPSILON);

  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Hold for %g second",
                                          "Hold for %g seconds",
                                          seconds),
                             duration);
  add_cue (b, start, 0, STEADY_CUE_PROMPT, 0, speak ? _("Hold") : NULL, caption);
}

void
steady_breath_plan_init (SteadyBreathPlan *plan,
                         double            hold,
                         double            in,
                         double            out)
{
  double period = in + out;
  double last;

  plan->n = (guint) floor ((hold + STEADY_TIMELINE_EPSILON) / period);
  if (plan->n == 0)
    plan->n = 1;
  plan->in = in;
  plan->out = out;

  last = hold - (plan->n - 1) * period;
  plan->last_in = last * in / period;
  plan->last_out = last - plan->last_in;
}

void
steady_breath_plan_get (const SteadyBreathPlan *plan,
                        guint                   k,
                        double                 *offset,
                        double                 *in,
                        double                 *out)
{
  *offset = k * (plan->in + plan->out);
  *in = k + 1 < plan->n ? plan->in : plan->last_in;
  *out = k + 1 < plan->n ? plan->out : plan->last_out;
}

static void
add_breaths (Builder *b,
             double   start)
{
  const SteadyBreathPlan *plan = &b->self->breath;

  for (guint k = 0; k < plan->n; k++)
    {
      double offset, in, out;

      steady_breath_plan_get (plan, k, &offset, &in, &out);
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

          /* TRANSLATORS: "Get ready: Left knee circles" */
          caption = g_strdup_printf (_("Get ready: %s"), steady_timeline_get_side_label (b.self, b.side));
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
          /* TRANSLATORS: "Switch sides: Knees to your right" */
          caption = g_strdup_printf (_("Switch sides: %s"), steady_timeline_get_side_label (b.self, b.side));
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

  if (x->cue.time < y->cue.time - STEADY_TIMELINE_EPSILON)
    return -1;
  if (x->cue.time > y->cue.time + STEADY_TIMELINE_EPSILON)
    return 1;
  if (cue_rank (x->cue.kind) != cue_rank (y->cue.kind))
    return cue_rank (x->cue.kind) - cue_rank (y->cue.kind);
  return (x->order > y->order) - (x->order < y->order);
}

/* Sorts the cues by time, and works out the caption shown from each cue
 * on: that of the latest cue that is not a tick. Cues that sound at the
 * same moment share one caption that names them all ("Hold for 30
 * seconds · Breathe in"), so that no sound goes without its caption. */
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

  for (guint i = 0, end; i < n; i = end)
    {
      g_autoptr(GString) together = NULL;
      guint captioned = 0;

      /* The cues sounding at the same moment as cue i. */
      for (end = i; end < n && items[end].cue.time <= items[i].cue.time + STEADY_TIMELINE_EPSILON; end++)
        if (items[end].cue.kind != STEADY_CUE_TICK)
          {
            if (captioned++ == 0)
              {
                shown = items[end].cue.caption;
                together = g_string_new (shown);
              }
            else
              /* TRANSLATORS: joins the captions of cues that sound together */
              g_string_append_printf (together, _(" · %s"), items[end].cue.caption);
          }
      if (captioned > 1)
        shown = g_string_chunk_insert_const (self->strings, together->str);

      for (guint j = i; j < end; j++)
        {
          g_array_index (self->cues, SteadyCue, j) = items[j].cue;
          g_array_append_val (self->shown, shown);
        }
    }
}

void
steady_timeline_compile (SteadyTimeline *self)
{
  g_assert (STEADY_IS_TIMELINE (self));
  g_assert (self->segments->len == 0);

  compile (self);
  sort_cues (self);
}
