/* steady-stop-card.h: a calm "stop and talk to your clinician" page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "steady-checkin.h"

G_BEGIN_DECLS

#define STEADY_TYPE_STOP_CARD (steady_stop_card_get_type ())
G_DECLARE_FINAL_TYPE (SteadyStopCard, steady_stop_card, STEADY, STOP_CARD, GtkWidget)

/* Signal "done": the patient pressed "I understand" (action
 * stop-card.done); the caller leaves the session. */

GtkWidget  *steady_stop_card_new             (void);

/* Says why the drill stopped: @reason judged by @rules (NULL for the
 * built-in rules). STEADY_STOP_NONE gives a general "stop" text. */
void        steady_stop_card_set_reason      (SteadyStopCard        *self,
                                              SteadyStopReason       reason,
                                              const SteadyStopRules *rules);
void        steady_stop_card_set_reason_before_drill (SteadyStopCard        *self,
                                                      SteadyStopReason       reason,
                                                      const SteadyStopRules *rules);
SteadyStopReason steady_stop_card_get_reason (SteadyStopCard        *self);
/* The text shown under the title. */
const char *steady_stop_card_get_description (SteadyStopCard        *self);

void        steady_stop_card_focus           (SteadyStopCard        *self);

G_END_DECLS
