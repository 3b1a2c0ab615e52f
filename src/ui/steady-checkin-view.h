/* steady-checkin-view.h: a quick, large, skippable check-in — urge to
 * pop, pain, did it pop, was it painful
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "steady-checkin.h"

G_BEGIN_DECLS

#define STEADY_TYPE_CHECKIN_VIEW (steady_checkin_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadyCheckinView, steady_checkin_view, STEADY, CHECKIN_VIEW, GtkWidget)

/* Signals:
 *   "submitted" (const SteadyCheckin *checkin): Save was pressed (or the
 *     action checkin.submit activated); @checkin, valid during the
 *     emission, has the moment set, time 0 (now) and session 0: the caller
 *     fills in the session and keeps it.
 *   "skipped": Skip was pressed (checkin.skip). */

GtkWidget           *steady_checkin_view_new        (SteadyCheckinMoment  moment);

/* BEFORE asks "before you start", AFTER "how did that go". Setting it
 * clears the answers. */
void                 steady_checkin_view_set_moment (SteadyCheckinView   *self,
                                                     SteadyCheckinMoment  moment);
SteadyCheckinMoment  steady_checkin_view_get_moment (SteadyCheckinView   *self);

/* Back to no answers: both scales "not answered", neither yes nor no
 * chosen. */
void                 steady_checkin_view_reset      (SteadyCheckinView   *self);

/* The answers as they stand. Each is STEADY_CHECKIN_SKIPPED until the
 * patient gives it: a scale once they click, drag or use a key on it
 * (until its Clear button or Delete takes the answer back), yes or no once
 * chosen. */
void                 steady_checkin_view_get_checkin (SteadyCheckinView  *self,
                                                      SteadyCheckin      *checkin);

/* Sets the answers shown (values as in SteadyCheckin; a scale set to
 * STEADY_CHECKIN_SKIPPED reads "not answered"). */
void                 steady_checkin_view_set_checkin (SteadyCheckinView   *self,
                                                      const SteadyCheckin *checkin);

/* Gives the keyboard focus to the first question. */
void                 steady_checkin_view_focus      (SteadyCheckinView   *self);

G_END_DECLS
