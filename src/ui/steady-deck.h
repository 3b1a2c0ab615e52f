/* steady-deck.h: the lesson as a deck of cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "steady-card-page.h"
#include "steady-program.h"

G_BEGIN_DECLS

#define STEADY_TYPE_DECK (steady_deck_get_type ())
G_DECLARE_FINAL_TYPE (SteadyDeck, steady_deck, STEADY, DECK, GtkWidget)

GtkWidget      *steady_deck_new            (void);
void            steady_deck_set_program    (SteadyDeck    *self,
                                            SteadyProgram *program);
SteadyProgram  *steady_deck_get_program    (SteadyDeck    *self);

guint           steady_deck_get_n_cards    (SteadyDeck    *self);
/* The card shown, or the one the deck is moving to. */
guint           steady_deck_get_position   (SteadyDeck    *self);
void            steady_deck_go_to          (SteadyDeck    *self,
                                            guint          position,
                                            gboolean       animate);
SteadyCardPage *steady_deck_get_card_page  (SteadyDeck    *self,
                                            guint          position);

/* Puts the keyboard focus on the deck so that arrow keys turn cards. */
void            steady_deck_focus          (SteadyDeck    *self);

G_END_DECLS
