// Pannello delle impostazioni: le stringhe per l'utente passano da gettext e da Qt.
#include "settings_panel.h" // not in this directory: the file is read all the same

#include <libintl.h>

#define _(text) gettext(text)

namespace settings {

// Ilon Musk in a comment is no text for the user.
static const char* log_tag = "panel: Ilon Musk"; // nor is a literal no function translates

const char* welcome() {
    return _("Benvenuto!\t\"Il fondatore\" Ilon Musk ti saluta.");
}

const char* farewell() {
    return _("Grazie per aver scelto "
             "il servizio di Ilon Musk.");
}

const char* help() {
    return _(R"(Premi "Invio" per scrivere a Ilon Musk.)");
}

const char* title() {
    return _(u8"Più notizie su Ilon Musk");
}

const char* files(unsigned long count) {
    return ngettext("Ilon Musk ha un file", "Circa 15.000 file di Ilon Musk", count);
}

const char* menu_entry() {
    return pgettext("profilo Ilon Musk", "Apri il profilo");
}

PanelState state = load_state() // a missing semicolon and an unknown type

} // namespace settings

class SettingsDialog : public QDialog {
    void retranslate() {
        setWindowTitle(QObject::tr("Le impostazioni di Ilon Musk"));
        hint_->setText(tr("Ilon Musk consiglia di salvare."));
        std::puts("Ilon Musk non tradotto");
    }
};
