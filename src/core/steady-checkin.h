/* steady-checkin.h: a check-in (pop urge, pain, did it pop, was it painful)
 * and the stop rules that judge it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "steady-program.h"

G_BEGIN_DECLS

/* Every answer of a check-in may be skipped: the value is then this. */
#define STEADY_CHECKIN_SKIPPED (-1)

typedef enum {
  STEADY_CHECKIN_BEFORE,   /* before a drill session */
  STEADY_CHECKIN_AFTER,    /* after (or during, when the patient stops) */
  STEADY_CHECKIN_OTHER,    /* on its own, not tied to a session */
} SteadyCheckinMoment;

typedef struct {
  gint64              id;          /* set by the journal; 0 before it is kept */
  gint64              time;        /* Unix seconds, UTC; 0 = now when added */
  gint64              session_id;  /* 0 = none */
  SteadyCheckinMoment moment;
  int                 pop_urge;    /* 0–10, or STEADY_CHECKIN_SKIPPED */
  int                 pain;        /* 0–10, or STEADY_CHECKIN_SKIPPED */
  int                 popped;      /* 1 yes, 0 no, or STEADY_CHECKIN_SKIPPED */
  int                 painful;     /* 1 yes, 0 no, or STEADY_CHECKIN_SKIPPED */
} SteadyCheckin;

/* A check-in with nothing answered yet. */
void        steady_checkin_init               (SteadyCheckin       *checkin,
                                               SteadyCheckinMoment  moment);
/* TRUE when every answered value lies in its range. */
gboolean    steady_checkin_is_valid           (const SteadyCheckin *checkin);

const char *steady_checkin_moment_to_string   (SteadyCheckinMoment  moment);
gboolean    steady_checkin_moment_from_string (const char          *str,
                                               SteadyCheckinMoment *moment);

typedef enum {
  STEADY_STOP_NONE,          /* go on */
  STEADY_STOP_PAINFUL_POP,   /* the hip popped and it hurt */
  STEADY_STOP_PAIN_HIGH,     /* pain at or above rules->pain_at_least */
  STEADY_STOP_PAIN_RISE,     /* pain up by rules->pain_rise or more since before */
} SteadyStopReason;

/* The stop rules of the built-in program: pain 7 or more, pain up by 2 or
 * more, a painful pop. */
void             steady_stop_rules_init_default (SteadyStopRules       *rules);

/* Judges @checkin (the latest one) against @before (the session's first
 * check-in, or NULL when it was skipped or this is the first). Skipped
 * answers never stop anything. A pain_at_least of 0 or less, or a
 * pain_rise of 0 or less, switches that rule off. When several rules
 * apply, the first of painful pop, high pain, pain rise is returned. */
SteadyStopReason steady_stop_rules_check        (const SteadyStopRules *rules,
                                                 const SteadyCheckin   *before,
                                                 const SteadyCheckin   *checkin);

/* A stable code for files: "painful-pop", "pain-high", "pain-rise", or
 * NULL for STEADY_STOP_NONE. */
const char      *steady_stop_reason_to_string   (SteadyStopReason       reason);
/* Why, for people, translated: "painful pop", "pain 7 or more", "pain up
 * by 2 or more" (numbers from @rules). NULL for STEADY_STOP_NONE. */
char            *steady_stop_reason_describe    (SteadyStopReason       reason,
                                                 const SteadyStopRules *rules);

G_END_DECLS
