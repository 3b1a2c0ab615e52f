/* steady-cue.h: a sound (and its caption) due at a moment of a session
 *
 * The timeline produces these; the cue engine plays or renders them; the
 * UI shows their captions. Times are seconds on the session timeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  STEADY_CUE_TICK,          /* soft tick, once per hold second */
  STEADY_CUE_COUNTDOWN,     /* 3-2-1 at the end of a hold; number = 3, 2, 1 */
  STEADY_CUE_RELEASE,       /* release chime at the end of a hold */
  STEADY_CUE_BREATH_IN,     /* rising tone lasting exactly `duration` */
  STEADY_CUE_BREATH_OUT,    /* falling tone lasting exactly `duration` */
  STEADY_CUE_SWITCH_SIDES,
  STEADY_CUE_DONE,
  STEADY_CUE_PROMPT,        /* spoken only: "Lift", "Hold", "Lower", rep numbers … */
} SteadyCueKind;

typedef struct {
  double         time;      /* seconds from the start of the session */
  double         duration;  /* seconds; 0 for instantaneous cues */
  SteadyCueKind  kind;
  int            number;    /* countdown digit or rep number; 0 if none */
  const char    *speech;    /* translated words to speak, or NULL */
  const char    *caption;   /* translated caption, never NULL */
} SteadyCue;

G_END_DECLS
