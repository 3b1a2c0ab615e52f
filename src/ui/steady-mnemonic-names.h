/* steady-mnemonic-names.h: screen-reader names for buttons with mnemonics
 *
 * GTK 4.8 names a button whose label has a mnemonic ("_Start") after the
 * raw label string and the label widget inside it, so a screen reader
 * hears "underscore Start Start". For every such button under a widget
 * this sets the name to the label as shown ("Start"), and keeps it so
 * when the label changes (Pause ↔ Resume).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void steady_mnemonic_names_fix      (GtkWidget *root);
/* @button has a fuller name of its own ("Did your hip pop? Yes"): keep it,
 * and drop only the second naming through its label widget. */
void steady_mnemonic_names_keep_own (GtkWidget *button);

G_END_DECLS
