/* steady-history-page.c: the patient's progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "steady-chart.h"
#include "steady-chart-view.h"
#include "steady-history-page.h"

struct _SteadyHistoryPage
{
  GtkWidget        parent_instance;

  SteadyJournal   *journal;
  gint64           now;
  gboolean         empty;
  char            *streak_text;
  char            *notice;

  GtkLabel        *notice_label;
  GtkStack        *content_stack;
  GtkLabel        *streak_label;
  SteadyChartView *calendar;
  GtkLabel        *calendar_summary;
  SteadyChartView *urge_chart;
  GtkLabel        *urge_summary;
  SteadyChartView *pain_chart;
  GtkLabel        *pain_summary;
  GtkWidget       *export_button;
};

G_DEFINE_FINAL_TYPE (SteadyHistoryPage, steady_history_page, GTK_TYPE_WIDGET)

static void
steady_history_page_dispose (GObject *object)
{
  SteadyHistoryPage *self = STEADY_HISTORY_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), STEADY_TYPE_HISTORY_PAGE);
  /* The template's top widget has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (steady_history_page_parent_class)->dispose (object);
}

static void
steady_history_page_finalize (GObject *object)
{
  SteadyHistoryPage *self = STEADY_HISTORY_PAGE (object);

  g_free (self->streak_text);
  g_free (self->notice);

  G_OBJECT_CLASS (steady_history_page_parent_class)->finalize (object);
}

static void
steady_history_page_class_init (SteadyHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_history_page_dispose;
  object_class->finalize = steady_history_page_finalize;

  g_type_ensure (STEADY_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steady-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyHistoryPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHistoryPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyHistoryPage, streak_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHistoryPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, SteadyHistoryPage, calendar_summary);
  gtk_widget_class_bind_template_child (widget_class, SteadyHistoryPage, urge_chart);
  gtk_widget_class_bind_template_child (widget_class, SteadyHistoryPage, urge_summary);
  gtk_widget_class_bind_template_child (widget_class, SteadyHistoryPage, pain_chart);
  gtk_widget_class_bind_template_child (widget_class, SteadyHistoryPage, pain_summary);
  gtk_widget_class_bind_template_child (widget_class, SteadyHistoryPage, export_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "steadyhistorypage");
}

static void
steady_history_page_init (SteadyHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->empty = TRUE;
  steady_history_page_reload (self);
}

GtkWidget *
steady_history_page_new (void)
{
  return g_object_new (STEADY_TYPE_HISTORY_PAGE, NULL);
}

void
steady_history_page_set_journal (SteadyHistoryPage *self,
                                 SteadyJournal     *journal)
{
  g_return_if_fail (STEADY_IS_HISTORY_PAGE (self));
  g_return_if_fail (journal == NULL || STEADY_IS_JOURNAL (journal));

  g_set_object (&self->journal, journal);
  steady_history_page_reload (self);
}

SteadyJournal *
steady_history_page_get_journal (SteadyHistoryPage *self)
{
  g_return_val_if_fail (STEADY_IS_HISTORY_PAGE (self), NULL);

  return self->journal;
}

void
steady_history_page_set_now (SteadyHistoryPage *self,
                             gint64             now)
{
  g_return_if_fail (STEADY_IS_HISTORY_PAGE (self));

  self->now = now;
  steady_history_page_reload (self);
}

static gint64
local_midnight (const GDate *date)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_get_year (date),
                                                         g_date_get_month (date),
                                                         g_date_get_day (date), 0, 0, 0);

  return g_date_time_to_unix (midnight);
}

static void
set_series (SteadyChartView      *chart,
            GtkLabel             *label,
            SteadyJournal        *journal,
            SteadyJournalMeasure  measure,
            const char           *name,
            gint64                since,
            gint64                until,
            gboolean             *any)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GArray *points = NULL;

  if (journal != NULL)
    points = steady_journal_get_series (journal, measure, since, &error);
  if (error != NULL)
    g_warning ("%s", error->message);
  if (points == NULL)
    points = g_array_new (FALSE, TRUE, sizeof (SteadyJournalPoint));

  summary = steady_chart_describe_series (name, (SteadyJournalPoint *) points->data, points->len);
  *any = *any || points->len > 0;
  steady_chart_view_set_series (chart, points, since, until);
  steady_chart_view_set_summary (chart, summary);
  gtk_label_set_text (label, summary);
}

void
steady_history_page_reload (SteadyHistoryPage *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *calendar_summary = NULL;
  GArray *days = NULL;
  GDate today, first;
  gint64 since, until;
  gboolean any = FALSE;
  int streak = 0;

  g_return_if_fail (STEADY_IS_HISTORY_PAGE (self));

  utc = self->now != 0 ? g_date_time_new_from_unix_utc (self->now) : g_date_time_new_now_utc ();
  now = g_date_time_to_local (utc);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  steady_chart_calendar_first_day (&today, STEADY_HISTORY_WEEKS, &first);
  since = local_midnight (&first);
  until = local_midnight (&today) + 24 * 60 * 60;

  if (self->journal != NULL)
    {
      days = steady_journal_get_days (self->journal, &first, 7 * STEADY_HISTORY_WEEKS, NULL, &error);
      if (days != NULL)
        streak = steady_journal_get_streak (self->journal, &today, NULL, &error);
      if (error != NULL)
        g_warning ("%s", error->message);
    }
  if (days == NULL)
    days = g_array_new (FALSE, TRUE, sizeof (SteadyJournalDay));
  for (guint i = 0; i < days->len; i++)
    any = any || g_array_index (days, SteadyJournalDay, i).n_sessions > 0;

  calendar_summary = steady_chart_describe_calendar ((SteadyJournalDay *) days->data, days->len);
  steady_chart_view_set_calendar (self->calendar, days, &today);
  steady_chart_view_set_summary (self->calendar, calendar_summary);
  gtk_label_set_text (self->calendar_summary, calendar_summary);

  g_free (self->streak_text);
  self->streak_text = steady_chart_describe_streak (MAX (streak, 0));
  gtk_label_set_text (self->streak_label, self->streak_text);

  set_series (self->urge_chart, self->urge_summary, self->journal, STEADY_JOURNAL_POP_URGE,
              _("Urge to pop"), since, until, &any);
  set_series (self->pain_chart, self->pain_summary, self->journal, STEADY_JOURNAL_PAIN,
              _("Pain"), since, until, &any);

  self->empty = !any;
  gtk_stack_set_visible_child_name (self->content_stack, self->empty ? "empty" : "history");
  gtk_widget_set_sensitive (self->export_button, self->journal != NULL);
}

void
steady_history_page_set_recovered_path (SteadyHistoryPage *self,
                                        const char        *path)
{
  g_return_if_fail (STEADY_IS_HISTORY_PAGE (self));

  g_clear_pointer (&self->notice, g_free);
  if (path != NULL)
    /* TRANSLATORS: %s is the path where the damaged journal was moved */
    self->notice = g_strdup_printf (_("Your journal could not be read, so Steady started a new one. "
                                      "The old file is kept, untouched, at %s — your clinic or "
                                      "a technician may be able to recover it."), path);
  gtk_label_set_text (self->notice_label, self->notice != NULL ? self->notice : "");
  gtk_label_select_region (self->notice_label, 0, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), self->notice != NULL);
}

gboolean
steady_history_page_is_empty (SteadyHistoryPage *self)
{
  g_return_val_if_fail (STEADY_IS_HISTORY_PAGE (self), TRUE);

  return self->empty;
}

const char *
steady_history_page_get_streak_text (SteadyHistoryPage *self)
{
  g_return_val_if_fail (STEADY_IS_HISTORY_PAGE (self), NULL);

  return self->streak_text;
}

const char *
steady_history_page_get_calendar_summary (SteadyHistoryPage *self)
{
  g_return_val_if_fail (STEADY_IS_HISTORY_PAGE (self), NULL);

  return steady_chart_view_get_summary (self->calendar);
}

const char *
steady_history_page_get_urge_summary (SteadyHistoryPage *self)
{
  g_return_val_if_fail (STEADY_IS_HISTORY_PAGE (self), NULL);

  return steady_chart_view_get_summary (self->urge_chart);
}

const char *
steady_history_page_get_pain_summary (SteadyHistoryPage *self)
{
  g_return_val_if_fail (STEADY_IS_HISTORY_PAGE (self), NULL);

  return steady_chart_view_get_summary (self->pain_chart);
}

const char *
steady_history_page_get_notice (SteadyHistoryPage *self)
{
  g_return_val_if_fail (STEADY_IS_HISTORY_PAGE (self), NULL);

  return self->notice;
}

void
steady_history_page_focus (SteadyHistoryPage *self)
{
  g_return_if_fail (STEADY_IS_HISTORY_PAGE (self));

  gtk_widget_grab_focus (self->export_button);
  /* The focus may have passed through the selectable notice on its way,
   * which selects all of it; nothing should look selected. */
  gtk_label_select_region (self->notice_label, 0, 0);
}
