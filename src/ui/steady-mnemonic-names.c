/* steady-mnemonic-names.c: screen-reader names for buttons with mnemonics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "steady-mnemonic-names.h"

#define HOOKED "steady-mnemonic-names-hooked"

static void
drop_labelled_by (GtkAccessible *button)
{
  gtk_accessible_reset_relation (button, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* "_Start" as shown: an underscore marks the mnemonic; "__" shows one. */
static char *
as_shown (const char *label)
{
  GString *shown = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (shown, *p);
    }
  return g_string_free (shown, FALSE);
}

static void
name_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *shown = NULL;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;

  shown = as_shown (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, shown,
                                  -1);
  drop_labelled_by (GTK_ACCESSIBLE (button));
}

void
steady_mnemonic_names_keep_own (GtkWidget *button)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  g_object_set_data (G_OBJECT (button), HOOKED, GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "notify::label", G_CALLBACK (drop_labelled_by), NULL);
  /* Content such as AdwButtonContent names its button when it is shown. */
  g_signal_connect (button, "map", G_CALLBACK (drop_labelled_by), NULL);
  drop_labelled_by (GTK_ACCESSIBLE (button));
}

void
steady_mnemonic_names_fix (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && g_object_get_data (G_OBJECT (root), HOOKED) == NULL)
    {
      g_object_set_data (G_OBJECT (root), HOOKED, GINT_TO_POINTER (TRUE));
      g_signal_connect (root, "notify::label", G_CALLBACK (name_button), NULL);
      g_signal_connect (root, "notify::use-underline", G_CALLBACK (name_button), NULL);
      name_button (GTK_BUTTON (root));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    steady_mnemonic_names_fix (child);
}
