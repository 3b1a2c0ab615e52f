/* steady-stop-card.c: a calm "stop and talk to your clinician" page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-lazy-icon.h"
#include "steady-stop-card.h"

struct _SteadyStopCard
{
  GtkWidget         parent_instance;

  SteadyStopReason  reason;
  char             *description;

  AdwStatusPage    *status;
  GtkWidget        *done_button;
};

G_DEFINE_FINAL_TYPE (SteadyStopCard, steady_stop_card, GTK_TYPE_WIDGET)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[DONE], 0);
}

static void
steady_stop_card_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), STEADY_TYPE_STOP_CARD);
  /* The template's top widget has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (steady_stop_card_parent_class)->dispose (object);
}

static void
steady_stop_card_finalize (GObject *object)
{
  SteadyStopCard *self = STEADY_STOP_CARD (object);

  g_free (self->description);

  G_OBJECT_CLASS (steady_stop_card_parent_class)->finalize (object);
}

static void
steady_stop_card_class_init (SteadyStopCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_stop_card_dispose;
  object_class->finalize = steady_stop_card_finalize;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steady-stop-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyStopCard, status);
  gtk_widget_class_bind_template_child (widget_class, SteadyStopCard, done_button);
  gtk_widget_class_install_action (widget_class, "stop-card.done", NULL, done_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "steadystopcard");
}

static void
steady_stop_card_init (SteadyStopCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* A warning sign: this card tells the patient to stop. */
  steady_lazy_icon_attach (self->status, "dialog-warning-symbolic");
  steady_stop_card_set_reason (self, STEADY_STOP_NONE, NULL);
}

GtkWidget *
steady_stop_card_new (void)
{
  return g_object_new (STEADY_TYPE_STOP_CARD, NULL);
}

static void
set_reason (SteadyStopCard        *self,
            SteadyStopReason       reason,
            const SteadyStopRules *rules,
            gboolean               before_drill)
{
  g_autofree char *why = NULL;
  SteadyStopRules defaults;

  if (rules == NULL)
    {
      steady_stop_rules_init_default (&defaults);
      rules = &defaults;
    }

  self->reason = reason;
  g_free (self->description);
  why = steady_stop_reason_describe (reason, rules);
  if (why != NULL && before_drill)
    /* TRANSLATORS: said before a drill starts; %s is why, e.g. "pain 7 or more" */
    self->description = g_strdup_printf (_("You told Steady: %s. That is a sign to rest, "
                                           "not to push on. Leave the drill for today, and "
                                           "talk to your physiotherapist or doctor before "
                                           "you do it."), why);
  else if (why != NULL)
    /* TRANSLATORS: %s is why, e.g. "pain 7 or more" */
    self->description = g_strdup_printf (_("You told Steady: %s. That is a sign to rest, "
                                           "not to push on. Stop the drill now, and talk "
                                           "to your physiotherapist or doctor before you "
                                           "do it again."), why);
  else
    self->description = g_strdup (_("Stop the drill now, and talk to your physiotherapist "
                                    "or doctor before you do it again."));
  adw_status_page_set_description (self->status, self->description);
}

/* Why the patient stopped, after a drill (or during it). */
void
steady_stop_card_set_reason (SteadyStopCard        *self,
                             SteadyStopReason       reason,
                             const SteadyStopRules *rules)
{
  g_return_if_fail (STEADY_IS_STOP_CARD (self));

  set_reason (self, reason, rules, FALSE);
}

/* Why the drill does not start: the "before" check-in met a stop rule. */
void
steady_stop_card_set_reason_before_drill (SteadyStopCard        *self,
                                          SteadyStopReason       reason,
                                          const SteadyStopRules *rules)
{
  g_return_if_fail (STEADY_IS_STOP_CARD (self));

  set_reason (self, reason, rules, TRUE);
}

SteadyStopReason
steady_stop_card_get_reason (SteadyStopCard *self)
{
  g_return_val_if_fail (STEADY_IS_STOP_CARD (self), STEADY_STOP_NONE);

  return self->reason;
}

const char *
steady_stop_card_get_description (SteadyStopCard *self)
{
  g_return_val_if_fail (STEADY_IS_STOP_CARD (self), NULL);

  return self->description;
}

void
steady_stop_card_focus (SteadyStopCard *self)
{
  g_return_if_fail (STEADY_IS_STOP_CARD (self));

  gtk_widget_grab_focus (self->done_button);
}
