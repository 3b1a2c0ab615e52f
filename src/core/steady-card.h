/* steady-card.h: one card of the lesson (read from the program file)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  STEADY_CARD_KIND_NARRATIVE,
  STEADY_CARD_KIND_DRILL,   /* introduces a drill; steady_card_get_drill_id() names it */
  STEADY_CARD_KIND_SAFETY,
} SteadyCardKind;

#define STEADY_TYPE_CARD (steady_card_get_type ())
G_DECLARE_FINAL_TYPE (SteadyCard, steady_card, STEADY, CARD, GObject)

/* All strings are already translated (gettext, domain "steady"). */
const char          *steady_card_get_id           (SteadyCard *self);
SteadyCardKind       steady_card_get_kind         (SteadyCard *self);
const char          *steady_card_get_title        (SteadyCard *self);
/* An illustration id the figure module knows how to draw. */
const char          *steady_card_get_illustration (SteadyCard *self);
/* NULL unless kind is DRILL. */
const char          *steady_card_get_drill_id     (SteadyCard *self);
/* NULL-terminated list of paragraphs, never NULL. */
const char * const  *steady_card_get_paragraphs   (SteadyCard *self);

G_END_DECLS
