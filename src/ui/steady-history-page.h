/* steady-history-page.h: the patient's progress — an 8-week calendar, the
 * streak, and charts of the urge to pop and of pain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "steady-journal.h"

G_BEGIN_DECLS

#define STEADY_TYPE_HISTORY_PAGE (steady_history_page_get_type ())
G_DECLARE_FINAL_TYPE (SteadyHistoryPage, steady_history_page, STEADY, HISTORY_PAGE, GtkWidget)

#define STEADY_HISTORY_WEEKS 8

GtkWidget     *steady_history_page_new                  (void);

/* Shows @journal (read again by steady_history_page_reload()). */
void           steady_history_page_set_journal          (SteadyHistoryPage *self,
                                                         SteadyJournal     *journal);
SteadyJournal *steady_history_page_get_journal          (SteadyHistoryPage *self);
/* Reads the journal again (after a session). */
void           steady_history_page_reload               (SteadyHistoryPage *self);
/* "Now" in Unix seconds for tests; 0 (the default) is the real clock. */
void           steady_history_page_set_now              (SteadyHistoryPage *self,
                                                         gint64             now);
/* Tells the patient that a damaged journal was moved to @path (NULL
 * hides the notice). */
void           steady_history_page_set_recovered_path   (SteadyHistoryPage *self,
                                                         const char        *path);

/* TRUE while there is nothing to show (a new user). */
gboolean       steady_history_page_is_empty             (SteadyHistoryPage *self);
/* What the page says, as shown and as screen readers hear it. */
const char    *steady_history_page_get_streak_text      (SteadyHistoryPage *self);
const char    *steady_history_page_get_calendar_summary (SteadyHistoryPage *self);
const char    *steady_history_page_get_urge_summary     (SteadyHistoryPage *self);
const char    *steady_history_page_get_pain_summary     (SteadyHistoryPage *self);
const char    *steady_history_page_get_notice           (SteadyHistoryPage *self);

void           steady_history_page_focus                (SteadyHistoryPage *self);

G_END_DECLS
