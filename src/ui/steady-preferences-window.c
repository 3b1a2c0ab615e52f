/* steady-preferences-window.c: the patient's settings for every drill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "steady-mnemonic-names.h"
#include "steady-coach-settings.h"
#include "steady-preferences-window.h"

struct _SteadyPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  SteadyProgram        *program;
  /* GSettings key → the control that edits it (not owned). */
  GHashTable           *controls;

  AdwPreferencesPage   *page;
  AdwComboRow          *sound_mode_row;
  GtkScale             *volume_scale;
};

G_DEFINE_FINAL_TYPE (SteadyPreferencesWindow, steady_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The sides a patient can choose, in the order of the combo row. */
static const SteadySide side_choices[] = {
  STEADY_SIDE_BOTH, STEADY_SIDE_LEFT, STEADY_SIDE_RIGHT,
};

static void
on_spin_changed (GtkSpinButton           *spin,
                 SteadyPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (spin), "steady-key");
  g_autoptr(GVariant) current = g_settings_get_value (self->settings, key);
  double value = gtk_spin_button_get_value (spin);

  if (g_variant_is_of_type (current, G_VARIANT_TYPE_UINT32))
    g_settings_set_uint (self->settings, key, (guint) (value + 0.5));
  else
    g_settings_set_double (self->settings, key, value);
}

static void
add_number_row (SteadyPreferencesWindow *self,
                AdwPreferencesGroup     *group,
                const char              *key,
                const char              *title,
                const char              *subtitle,
                double                   min,
                double                   max,
                double                   value)
{
  GtkWidget *row;
  GtkWidget *spin;

  if (key == NULL)
    return;

  spin = gtk_spin_button_new_with_range (min, max, 1.0);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_object_set_data_full (G_OBJECT (spin), "steady-key", g_strdup (key), g_free);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_changed), self);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);

  g_hash_table_insert (self->controls, g_strdup (key), spin);
}

static void
on_sides_selected (AdwComboRow             *row,
                   GParamSpec              *pspec,
                   SteadyPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "steady-key");
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (side_choices))
    g_settings_set_enum (self->settings, key, side_choices[selected]);
}

static void
add_sides_row (SteadyPreferencesWindow *self,
               AdwPreferencesGroup     *group,
               SteadyDrill             *drill,
               const char              *key,
               SteadySide               value)
{
  const char *motion = steady_drill_get_motion (drill);
  const char *subtitle = NULL;
  g_autoptr(GtkStringList) model = NULL;
  GtkWidget *row;

  model = gtk_string_list_new (NULL);
  gtk_string_list_append (model, _("Both sides, left first"));
  gtk_string_list_append (model, _("Left side only"));
  gtk_string_list_append (model, _("Right side only"));

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Sides"));
  /* What a side means differs from drill to drill. */
  if (g_strcmp0 (motion, "clamshell") == 0)
    subtitle = _("The side is the top hip, the one that works");
  else if (g_strcmp0 (motion, "quadruped-knee-circles") == 0)
    subtitle = _("The side is the knee that circles");
  else if (g_strcmp0 (motion, "supine-knee-rotation") == 0)
    subtitle = _("The side is where the knees drift to");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  for (guint i = 0; i < G_N_ELEMENTS (side_choices); i++)
    if (side_choices[i] == value)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  g_object_set_data_full (G_OBJECT (row), "steady-key", g_strdup (key), g_free);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_sides_selected), self);
  adw_preferences_group_add (group, row);

  g_hash_table_insert (self->controls, g_strdup (key), row);
}

static char *
range_text (const SteadyRange *range,
            gboolean           seconds)
{
  if (seconds)
    /* TRANSLATORS: the range of seconds a patient may choose in */
    return g_strdup_printf (_("%.0f to %.0f seconds"), range->min, range->max);

  /* TRANSLATORS: the range a patient may choose in, e.g. "15 to 20" */
  return g_strdup_printf (_("%.0f to %.0f"), range->min, range->max);
}

static void
add_drill_group (SteadyPreferencesWindow *self,
                 SteadyDrill             *drill)
{
  SteadySessionSettings values;
  AdwPreferencesGroup *group;
  const char *key;
  g_autofree char *reps_subtitle = NULL;
  gboolean circles = g_strcmp0 (steady_drill_get_motion (drill), "quadruped-knee-circles") == 0;

  /* A motion Steady keeps no settings for has nothing to show. */
  if (steady_coach_settings_get_key (drill, "reps") == NULL)
    return;

  steady_coach_settings_load (self->settings, drill, &values);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, steady_drill_get_title (drill));

  reps_subtitle = range_text (steady_drill_get_reps (drill), FALSE);
  add_number_row (self, group, steady_coach_settings_get_key (drill, "reps"),
                  circles ? _("Circles each way") : _("Reps per side"), reps_subtitle,
                  steady_drill_get_reps (drill)->min, steady_drill_get_reps (drill)->max,
                  values.reps);

  key = steady_coach_settings_get_key (drill, "hold");
  if (key != NULL && steady_session_settings_drill_uses_hold (drill))
    {
      const SteadyRange *hold = steady_drill_get_hold (drill);
      g_autofree char *subtitle = range_text (hold, TRUE);

      add_number_row (self, group, key, _("Hold, in seconds"), subtitle,
                      hold->min, hold->max, values.hold);
    }

  if (steady_session_settings_drill_uses_breath (drill))
    {
      add_number_row (self, group, steady_coach_settings_get_key (drill, "breath-in"),
                      _("Breathe in, in seconds"), _("3 to 20 seconds"),
                      STEADY_BREATH_MIN_SECONDS, STEADY_BREATH_MAX_SECONDS, values.breath_in);
      add_number_row (self, group, steady_coach_settings_get_key (drill, "breath-out"),
                      _("Breathe out, in seconds"), _("3 to 20 seconds"),
                      STEADY_BREATH_MIN_SECONDS, STEADY_BREATH_MAX_SECONDS, values.breath_out);
    }

  if (steady_drill_get_sides (drill) == STEADY_SIDE_BOTH)
    add_sides_row (self, group, drill, steady_coach_settings_get_key (drill, "sides"), values.sides);

  adw_preferences_page_add (self->page, group);
}

static void
on_sound_mode_selected (AdwComboRow             *row,
                        GParamSpec              *pspec,
                        SteadyPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  /* The rows are in the enum's order: silent, tones, voice. */
  if (selected <= STEADY_CUE_SOUND_VOICE)
    g_settings_set_enum (self->settings, "sound-mode", selected);
}

static void
steady_preferences_window_dispose (GObject *object)
{
  SteadyPreferencesWindow *self = STEADY_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEADY_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->program);

  G_OBJECT_CLASS (steady_preferences_window_parent_class)->dispose (object);
}

static void
steady_preferences_window_finalize (GObject *object)
{
  SteadyPreferencesWindow *self = STEADY_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->controls, g_hash_table_unref);

  G_OBJECT_CLASS (steady_preferences_window_parent_class)->finalize (object);
}

static void
steady_preferences_window_class_init (SteadyPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_preferences_window_dispose;
  object_class->finalize = steady_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steady-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyPreferencesWindow, page);
  gtk_widget_class_bind_template_child (widget_class, SteadyPreferencesWindow, sound_mode_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyPreferencesWindow, volume_scale);
}

static void
steady_preferences_window_init (SteadyPreferencesWindow *self)
{
  self->controls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  steady_mnemonic_names_fix (GTK_WIDGET (self));
}

GtkWidget *
steady_preferences_window_new (GSettings     *settings,
                               SteadyProgram *program)
{
  SteadyPreferencesWindow *self;
  GListModel *drills;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (program == NULL || STEADY_IS_PROGRAM (program), NULL);

  self = g_object_new (STEADY_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  g_set_object (&self->program, program);

  adw_combo_row_set_selected (self->sound_mode_row, g_settings_get_enum (settings, "sound-mode"));
  g_signal_connect (self->sound_mode_row, "notify::selected",
                    G_CALLBACK (on_sound_mode_selected), self);
  g_hash_table_insert (self->controls, g_strdup ("sound-mode"), self->sound_mode_row);

  g_settings_bind (settings, "volume",
                   gtk_range_get_adjustment (GTK_RANGE (self->volume_scale)), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_hash_table_insert (self->controls, g_strdup ("volume"), self->volume_scale);

  if (program != NULL)
    {
      drills = steady_program_get_drills (program);
      for (guint i = 0; i < g_list_model_get_n_items (drills); i++)
        {
          g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, i);

          add_drill_group (self, drill);
        }
    }

  return GTK_WIDGET (self);
}

GtkWidget *
steady_preferences_window_get_control (SteadyPreferencesWindow *self,
                                       const char              *key)
{
  g_return_val_if_fail (STEADY_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->controls, key);
}
