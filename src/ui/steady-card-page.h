/* steady-card-page.h: one card of the lesson, as a page of the deck
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "steady-card.h"

G_BEGIN_DECLS

#define STEADY_TYPE_CARD_PAGE (steady_card_page_get_type ())
G_DECLARE_FINAL_TYPE (SteadyCardPage, steady_card_page, STEADY, CARD_PAGE, GtkWidget)

GtkWidget  *steady_card_page_new              (SteadyCard     *card);
SteadyCard *steady_card_page_get_card         (SteadyCardPage *self);
const char *steady_card_page_get_title        (SteadyCardPage *self);

/* The last card leads on to the drills: it shows a "Go to the drills" button. */
gboolean    steady_card_page_get_text_fits    (SteadyCardPage *self);

void        steady_card_page_set_leads_to_drills (SteadyCardPage *self,
                                                  gboolean        leads);
gboolean    steady_card_page_get_leads_to_drills (SteadyCardPage *self);

/* The illustration (a SteadyFigureView) goes beside the text. Without one
 * the text stands alone, centred. @figure may be NULL to take it out. */
void        steady_card_page_set_playing      (SteadyCardPage *self,
                                               gboolean        playing);
void        steady_card_page_set_figure       (SteadyCardPage *self,
                                               GtkWidget      *figure);
GtkWidget  *steady_card_page_get_figure       (SteadyCardPage *self);

G_END_DECLS
