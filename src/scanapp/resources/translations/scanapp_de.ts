<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ActionRow</name>
    <message>
        <source>Scan here</source>
        <translation>Hier scannen</translation>
    </message>
    <message>
        <source>Scanner input</source>
        <translation>Scannereingabe</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Change the session&apos;s name and area</source>
        <translation>Name und Bereich der Sitzung ändern</translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Einreichen</translation>
    </message>
    <message>
        <source>&amp;Re-open session</source>
        <translation>Sitzung &amp;wieder öffnen</translation>
    </message>
    <message>
        <source>Session discarded</source>
        <translation>Sitzung verworfen</translation>
    </message>
</context>
<context>
    <name>ActiveSessionBanner</name>
    <message>
        <source>Active Inventory Reconciliation Session</source>
        <translation>Aktive Inventurabgleich-Sitzung</translation>
    </message>
    <message>
        <source>Inventory Reconciliation in Progress</source>
        <translation>Inventurabgleich läuft</translation>
    </message>
    <message>
        <source>{name} · {lab} · {config} · started by {who} at {when} · found {found} of {expected}</source>
        <translation>{name} · {lab} · {config} · gestartet von {who} am {when} · {found} von {expected} gefunden</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>ScanApp cannot start</source>
        <translation>ScanApp kann nicht starten</translation>
    </message>
</context>
<context>
    <name>AsOfLabel</name>
    <message>
        <source>As of {when}</source>
        <translation>Stand {when}</translation>
    </message>
    <message>
        <source>What this device had at its last successful sync ({when}), and its own counts since.</source>
        <translation>Was dieses Gerät bei seiner letzten erfolgreichen Synchronisierung ({when}) hatte, und seine eigenen Zählungen seither.</translation>
    </message>
    <message>
        <source>No sync server</source>
        <translation>Ohne Server</translation>
    </message>
    <message>
        <source>No sync server is set: this shows this device&apos;s own counts only.</source>
        <translation>Kein Synchronisierungsserver eingestellt: Hier stehen nur die Zählungen dieses Geräts.</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nie synchronisiert</translation>
    </message>
    <message>
        <source>This device has never synced: this shows its own counts only.</source>
        <translation>Dieses Gerät wurde nie synchronisiert: Hier stehen nur seine eigenen Zählungen.</translation>
    </message>
</context>
<context>
    <name>BarcodeTrackingPage</name>
    <message>
        <source>Barcode Tracking</source>
        <translation>Barcode-Tracking</translation>
    </message>
    <message>
        <source>C&amp;ounts</source>
        <translation>&amp;Zählungen</translation>
    </message>
    <message>
        <source>The store&apos;s cycle counts</source>
        <translation>Die Zählungen der Filiale</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Scan a location, then items</source>
        <translation>Lagerort, dann Artikel scannen</translation>
    </message>
    <message>
        <source>Scanner input</source>
        <translation>Scannereingabe</translation>
    </message>
    <message>
        <source>Move &amp;all found here</source>
        <translation>Alle hierher &amp;umlagern</translation>
    </message>
    <message>
        <source>Move every item found here that the inventory records elsewhere</source>
        <translation>Jeden hier gefundenen Artikel hierher umlagern, den der Bestand an einem anderen Lagerort führt</translation>
    </message>
    <message>
        <source>C&amp;lear All</source>
        <translation>Alles &amp;leeren</translation>
    </message>
    <message>
        <source>Clear this list; the session keeps every scan</source>
        <translation>Diese Liste leeren; die Sitzung behält jeden Scan</translation>
    </message>
    <message>
        <source>Reconciliation sessions</source>
        <translation>Abgleich-Sitzungen</translation>
    </message>
    <message>
        <source>Reconciliation sessions: start, end, past ones</source>
        <translation>Abgleich-Sitzungen: starten, beenden, frühere ansehen</translation>
    </message>
    <message>
        <source>Scans, newest first</source>
        <translation>Scans, neueste zuerst</translation>
    </message>
    <message>
        <source>&amp;Note…</source>
        <translation>&amp;Notiz…</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>A&amp;rtikel</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>&amp;Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Unknown codes</source>
        <translation>Unbekannte &amp;Codes</translation>
    </message>
    <message>
        <source>Here: {place}</source>
        <translation>Hier: {place}</translation>
    </message>
    <message>
        <source>Here: —</source>
        <translation>Hier: —</translation>
    </message>
    <message>
        <source>&amp;Unknown codes ({n})</source>
        <translation>Unbekannte &amp;Codes ({n})</translation>
    </message>
    <message>
        <source>Scans since Clear All ({n}), newest first</source>
        <translation>Scans seit „Alles leeren“ ({n}), neueste zuerst</translation>
    </message>
    <message>
        <source>The list is cleared. The session keeps every scan: see Inventory Reconciliation in Progress.</source>
        <translation>Die Liste ist geleert. Die Sitzung behält jeden Scan: siehe „Inventurabgleich läuft“.</translation>
    </message>
    <message numerus="yes">
        <source>Moved %n item(s) here to {place}.</source>
        <translation>
            <numerusform>%n Artikel nach {place} umgelagert.</numerusform>
            <numerusform>%n Artikel nach {place} umgelagert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found here is recorded elsewhere.</source>
        <translation>Kein hier gefundener Artikel ist an einem anderen Lagerort erfasst.</translation>
    </message>
    <message>
        <source>{item} moved to {place}.</source>
        <translation>{item} nach {place} umgelagert.</translation>
    </message>
    <message>
        <source>{item} split: the new part has its own label.</source>
        <translation>{item} geteilt: Der neue Teil hat ein eigenes Etikett.</translation>
    </message>
    <message>
        <source>{item}: quantity set.</source>
        <translation>{item}: Menge gesetzt.</translation>
    </message>
    <message>
        <source>{item} archived.</source>
        <translation>{item} archiviert.</translation>
    </message>
</context>
<context>
    <name>CandidateModel</name>
    <message>
        <source>{name} ({sku}), code {code}: {reason}</source>
        <translation>{name} ({sku}), Code {code}: {reason}</translation>
    </message>
</context>
<context>
    <name>CaptureBanner</name>
    <message>
        <source>ScanApp is not the active window: the scanner now types into the other program. Tap ScanApp to scan here again.</source>
        <translation>ScanApp ist nicht das aktive Fenster: Der Scanner tippt jetzt in das andere Programm. Tippen Sie auf ScanApp, um wieder hier zu scannen.</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Ingredient</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Labor</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lagerort</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Klärung</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>Gefunden in</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Unmatched code</source>
        <translation>Unbekannter Code</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzte Synchronisierung</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Letzter Versuch</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Nicht synchronisiert</translation>
    </message>
    <message>
        <source>Clock offset</source>
        <translation>Uhrabweichung</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Sessions held</source>
        <translation>Gehaltene Sitzungen</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Server says</source>
        <translation>Laut Server</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Zählende Person</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>Gescannt</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Absolute variance</source>
        <translation>Abweichung (Betrag)</translation>
    </message>
    <message>
        <source>Over threshold</source>
        <translation>Über Schwelle</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>Gelistet</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Accurate</source>
        <translation>Genau</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
</context>
<context>
    <name>CountCard</name>
    <message>
        <source>{kind} · planned {when}</source>
        <translation>{kind} · geplant für {when}</translation>
    </message>
    <message>
        <source>{sessions} · {units}</source>
        <translation>{sessions} · {units}</translation>
    </message>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n units scanned</source>
        <translation>
            <numerusform>%n Stück gescannt</numerusform>
            <numerusform>%n Stück gescannt</numerusform>
        </translation>
    </message>
    <message>
        <source>Start counting</source>
        <translation>Zählung starten</translation>
    </message>
    <message>
        <source>Opens {when}. Your account cannot start a count early: ask a supervisor.</source>
        <translation>Startbar ab {when}. Ihr Konto darf Zählungen nicht vorzeitig starten: Fragen Sie die Schichtleitung.</translation>
    </message>
</context>
<context>
    <name>CountsPage</name>
    <message>
        <source>Your account cannot open the counts list. Ask a supervisor for counting rights, or sign out and sign in as a user who has them.</source>
        <translation>Ihr Konto kann die Liste der Zählungen nicht öffnen. Bitten Sie die Schichtleitung um Zählrechte, oder melden Sie sich ab und als Benutzer mit diesen Rechten wieder an.</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Zählungen</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>S&amp;canner…</source>
        <translation>S&amp;canner…</translation>
    </message>
    <message>
        <source>Scanner settings and test pad: source, device, timing, decoding</source>
        <translation>Scanner-Einstellungen und Testfeld: Quelle, Gerät, Timing, Dekodierung</translation>
    </message>
    <message>
        <source>&amp;Barcode Tracking</source>
        <translation>&amp;Barcode-Tracking</translation>
    </message>
    <message>
        <source>The lab&apos;s inventory reconciliation</source>
        <translation>Der Inventurabgleich des Labors</translation>
    </message>
    <message>
        <source>Super&amp;visor</source>
        <translation>Schicht&amp;leitung</translation>
    </message>
    <message>
        <source>Supervisor station: devices, review queue</source>
        <translation>Schichtleitung: Geräte, Prüfliste</translation>
    </message>
    <message>
        <source>&amp;Lock…</source>
        <translation>&amp;Sperre…</translation>
    </message>
    <message>
        <source>When ScanApp locks itself: minutes without a touch (supervisor)</source>
        <translation>Wann sich ScanApp sperrt: Minuten ohne Bedienung (Schichtleitung)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation>&amp;Neue Sitzung</translation>
    </message>
    <message>
        <source>No counts on this device yet: a supervisor creates them.</source>
        <translation>Noch keine Zählungen auf diesem Gerät: Die Schichtleitung legt sie an.</translation>
    </message>
    <message>
        <source>Sessions · {count}</source>
        <translation>Sitzungen · {count}</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Neue Sitzung</translation>
    </message>
    <message>
        <source>Create session</source>
        <translation>Sitzung anlegen</translation>
    </message>
    <message>
        <source>Session created. Open it to start counting.</source>
        <translation>Sitzung angelegt. Öffnen Sie sie, um mit dem Zählen zu beginnen.</translation>
    </message>
    <message>
        <source>Force-release session?</source>
        <translation>Freigabe der Sitzung erzwingen?</translation>
    </message>
    <message>
        <source>“{name}” is {holder}. Releasing it lets another user or device work on it. Scans made under the old lock on a device that was offline are kept for a supervisor to review, never lost.</source>
        <translation>„{name}“ ist {holder}. Nach der Freigabe kann ein anderer Benutzer oder ein anderes Gerät daran arbeiten. Scans, die ein Gerät offline unter der alten Belegung gemacht hat, bleiben zur Prüfung durch die Schichtleitung erhalten und gehen nie verloren.</translation>
    </message>
    <message>
        <source>Force release</source>
        <translation>Freigabe erzwingen</translation>
    </message>
    <message>
        <source>Session released.</source>
        <translation>Sitzung freigegeben.</translation>
    </message>
    <message numerus="yes">
        <source>ScanApp now locks after %n minutes without a touch.</source>
        <translation>
            <numerusform>ScanApp sperrt sich jetzt nach %n Minute ohne Bedienung.</numerusform>
            <numerusform>ScanApp sperrt sich jetzt nach %n Minuten ohne Bedienung.</numerusform>
        </translation>
    </message>
    <message>
        <source>ScanApp no longer locks by itself.</source>
        <translation>ScanApp sperrt sich nicht mehr von selbst.</translation>
    </message>
    <message>
        <source>Scanner settings saved ({device}); they apply from the next session opened.</source>
        <translation>Scanner-Einstellungen gespeichert ({device}); sie gelten ab der nächsten geöffneten Sitzung.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>ScanApp problem</source>
        <translation>Problem in ScanApp</translation>
    </message>
    <message>
        <source>ScanApp hit a bug</source>
        <translation>Fehler in ScanApp</translation>
    </message>
    <message>
        <source>Something went wrong inside ScanApp. Every scan shown as accepted is saved. The details below are in the log; please pass them on to support.</source>
        <translation>In ScanApp ist etwas schiefgegangen. Jeder als angenommen angezeigte Scan ist gespeichert. Die Details unten stehen auch im Protokoll; bitte geben Sie sie an den Support weiter.</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve variance</source>
        <translation>Abweichung freigeben</translation>
    </message>
    <message>
        <source>Reject for recount</source>
        <translation>Ablehnen zur Nachzählung</translation>
    </message>
    <message>
        <source>Force variance</source>
        <translation>Abweichung erzwingen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Force</source>
        <translation>Erzwingen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Required: why (e.g. damaged stock found in backstock)</source>
        <translation>Pflicht: warum (z. B. beschädigte Ware im Lager gefunden)</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Give a reason first, then your PIN again.</source>
        <translation>Geben Sie zuerst einen Grund an, dann erneut Ihre PIN.</translation>
    </message>
    <message>
        <source>{n} units</source>
        <translation>{n} Stück</translation>
    </message>
    <message>
        <source>{n} %</source>
        <translation>{n} %</translation>
    </message>
</context>
<context>
    <name>DevicesTab</name>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>S&amp;ync all</source>
        <translation>Alle s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>Sync this device now, then read every device&apos;s state again (each handheld syncs on its own)</source>
        <translation>Dieses Gerät jetzt synchronisieren, dann den Stand aller Geräte neu lesen (jedes Handgerät synchronisiert sich selbst)</translation>
    </message>
    <message>
        <source>Session to release</source>
        <translation>Freizugebende Sitzung</translation>
    </message>
    <message>
        <source>&amp;Force release…</source>
        <translation>Freigabe &amp;erzwingen …</translation>
    </message>
    <message>
        <source>End the selected device&apos;s hold on the session (supervisor PIN)</source>
        <translation>Die Sperre des gewählten Geräts auf der Sitzung beenden (PIN der Schichtleitung)</translation>
    </message>
    <message>
        <source>Held session:</source>
        <translation>Gehaltene Sitzung:</translation>
    </message>
    <message>
        <source>Sync is off (no server is set): everything stays on this device.</source>
        <translation>Synchronisierung ist aus (kein Server eingestellt): alles bleibt auf diesem Gerät.</translation>
    </message>
    <message>
        <source>Syncing this device…</source>
        <translation>Dieses Gerät wird synchronisiert …</translation>
    </message>
    <message>
        <source>This device is synced. The list shows every device now.</source>
        <translation>Dieses Gerät ist synchronisiert. Die Liste zeigt jetzt alle Geräte.</translation>
    </message>
    <message>
        <source>This device did not sync: {why}</source>
        <translation>Dieses Gerät wurde nicht synchronisiert: {why}</translation>
    </message>
    <message>
        <source>Force release works only online: the sync server cannot be reached now. Nothing was changed.</source>
        <translation>Freigabe erzwingen geht nur online: der Synchronisierungsserver ist jetzt nicht erreichbar. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Force release “{session}”?</source>
        <translation>Freigabe von „{session}“ erzwingen?</translation>
    </message>
    <message>
        <source>{device} holds this session. Released, it becomes read-only there; anything it scanned since goes to the review queue, nothing is lost. A supervisor enters their PIN.</source>
        <translation>{device} hält diese Sitzung. Nach der Freigabe ist sie dort nur lesbar; was dort seitdem gescannt wurde, kommt in die Prüfliste, nichts geht verloren. Die Schichtleitung gibt ihre PIN ein.</translation>
    </message>
    <message>
        <source>Force release</source>
        <translation>Freigabe erzwingen</translation>
    </message>
    <message>
        <source>“{session}” was released. It can be opened on any device now.</source>
        <translation>„{session}“ wurde freigegeben. Sie kann jetzt auf jedem Gerät geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Search products</source>
        <translation>Artikel suchen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>EndSessionDialog</name>
    <message>
        <source>End Reconciliation Session</source>
        <translation>Abgleich-Sitzung beenden</translation>
    </message>
    <message>
        <source>End Reconciliation Session: {name}</source>
        <translation>Abgleich-Sitzung beenden: {name}</translation>
    </message>
    <message>
        <source>Where the items are now</source>
        <translation>Wo die Artikel jetzt sind</translation>
    </message>
    <message>
        <source>Resolve &amp;selected</source>
        <translation>Auswahl &amp;klären</translation>
    </message>
    <message>
        <source>Resolve all &amp;unresolved</source>
        <translation>&amp;Alle übrigen klären</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Klärung:</translation>
    </message>
    <message>
        <source>&amp;End Reconciliation Session</source>
        <translation>Abgleich-Sitzung &amp;beenden</translation>
    </message>
    <message>
        <source>{not_found} of {expected} expected items were not found; {left} still need a resolution. Found: {found}.</source>
        <translation>{not_found} von {expected} erwarteten Artikeln wurden nicht gefunden; {left} sind noch zu klären. Gefunden: {found}.</translation>
    </message>
    <message>
        <source>Live re-check of “{config}”: </source>
        <translation>Live-Prüfung von „{config}“: </translation>
    </message>
    <message>
        <source>the scope is as it was at the start.</source>
        <translation>Der Umfang ist wie beim Start.</translation>
    </message>
    <message>
        <source>{added} item(s) match now that were not in the scope ({added_list}); {removed} in the scope no longer match ({removed_list}).</source>
        <translation>{added} Artikel passen jetzt, die nicht im Umfang waren ({added_list}); {removed} im Umfang passen nicht mehr ({removed_list}).</translation>
    </message>
</context>
<context>
    <name>EndShiftDialog</name>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>End shift</source>
        <translation>Schicht beenden</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Close ScanApp</source>
        <translation>ScanApp schließen</translation>
    </message>
    <message>
        <source>Close without waiting</source>
        <translation>Schließen, ohne zu warten</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Trotzdem schließen</translation>
    </message>
    <message>
        <source>Sign out without waiting</source>
        <translation>Abmelden, ohne zu warten</translation>
    </message>
    <message>
        <source>Sign out anyway</source>
        <translation>Trotzdem abmelden</translation>
    </message>
    <message numerus="yes">
        <source>Syncing with the server: %n changes still to send…</source>
        <translation>
            <numerusform>Synchronisierung mit dem Server: noch %n Änderung zu senden…</numerusform>
            <numerusform>Synchronisierung mit dem Server: noch %n Änderungen zu senden…</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing with the server…</source>
        <translation>Synchronisierung mit dem Server…</translation>
    </message>
    <message numerus="yes">
        <source> %n scans wait for a supervisor&apos;s review.</source>
        <translation>
            <numerusform> %n Scan wartet auf die Prüfung durch die Schichtleitung.</numerusform>
            <numerusform> %n Scans warten auf die Prüfung durch die Schichtleitung.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything is synced.</source>
        <translation>Alles ist synchronisiert.</translation>
    </message>
    <message>
        <source>the server did not take them yet</source>
        <translation>der Server hat sie noch nicht angenommen</translation>
    </message>
    <message numerus="yes">
        <source>%n changes are not synced. They stay on this device and go up at the next sync.</source>
        <translation>
            <numerusform>%n Änderung ist nicht synchronisiert. Sie bleibt auf diesem Gerät und wird bei der nächsten Synchronisierung gesendet.</numerusform>
            <numerusform>%n Änderungen sind nicht synchronisiert. Sie bleiben auf diesem Gerät und werden bei der nächsten Synchronisierung gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>{left} Why: {why}</source>
        <translation>{left} Grund: {why}</translation>
    </message>
</context>
<context>
    <name>FiguresTab</name>
    <message>
        <source>Figures per</source>
        <translation>Kennzahlen je</translation>
    </message>
    <message>
        <source>per session</source>
        <translation>je Sitzung</translation>
    </message>
    <message>
        <source>per area</source>
        <translation>je Bereich</translation>
    </message>
    <message>
        <source>per counter</source>
        <translation>je zählender Person</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>&amp;PDF exportieren…</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>No count yet.</source>
        <translation>Noch keine Zählung.</translation>
    </message>
    <message>
        <source>Completion {completion} ({counted} of {listed} listed) · accuracy {accuracy} · {units} units</source>
        <translation>Fortschritt {completion} ({counted} von {listed} gelisteten) · Genauigkeit {accuracy} · {units} Stück</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Export the count</source>
        <translation>Zählung exportieren</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. Choose a folder you can write to.</source>
        <translation>{path} konnte nicht geschrieben werden: {reason}. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Exportiert nach {path}.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Directed count</source>
        <translation>Vorgabezählung</translation>
    </message>
    <message>
        <source>Hard count</source>
        <translation>Vollzählung</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Undirected</source>
        <translation>Nicht gelistet</translation>
    </message>
    <message>
        <source>Uncounted</source>
        <translation>Ungezählt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Zurückgewiesen</translation>
    </message>
    <message>
        <source>In supervisor review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>Fehlt weiterhin</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Moved elsewhere</source>
        <translation>An anderen Ort umgelagert</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Entfällt</translation>
    </message>
    <message>
        <source>move</source>
        <translation>umgelagert</translation>
    </message>
    <message>
        <source>split</source>
        <translation>geteilt</translation>
    </message>
    <message>
        <source>set</source>
        <translation>Menge gesetzt</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>archiviert</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>geklärt</translation>
    </message>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in Gebrauch</translation>
    </message>
    <message>
        <source>quarantined</source>
        <translation>in Quarantäne</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archiviert</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>a QDate format: weekday, day, month</comment>
        <translation>ddd, d. MMM</translation>
    </message>
    <message>
        <source>{day} {time}</source>
        <translation>{day} {time}</translation>
    </message>
    <message>
        <source>the latest scan</source>
        <translation>der neueste Scan</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Ihnen</translation>
    </message>
    <message>
        <source>{who} on this device</source>
        <translation>{who} auf diesem Gerät</translation>
    </message>
    <message>
        <source>{who} on device {device}</source>
        <translation>{who} auf Gerät {device}</translation>
    </message>
    <message numerus="yes">
        <source>%n scans ago</source>
        <translation>
            <numerusform>vor %n Scan</numerusform>
            <numerusform>vor %n Scans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandCountModel</name>
    <message>
        <source>One less</source>
        <translation>Eins weniger</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>Eins mehr</translation>
    </message>
    <message>
        <source>Remove this item</source>
        <translation>Diesen Artikel entfernen</translation>
    </message>
</context>
<context>
    <name>HandCountedDialog</name>
    <message>
        <source>Hand-Counted Items</source>
        <translation>Handgezählte Artikel</translation>
    </message>
    <message>
        <source>Search by SKU or parent product name and press Enter to add. Only items on this count&apos;s directed list can be added.</source>
        <translation>Nach Artikelnummer oder Name des Hauptartikels suchen und mit Enter hinzufügen. Nur Artikel der Vorgabeliste dieser Zählung können hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Search by SKU or parent product name and press Enter to add.</source>
        <translation>Nach Artikelnummer oder Name des Hauptartikels suchen und mit Enter hinzufügen.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>SKU or parent product name, then Enter</source>
        <translation>Artikelnummer oder Hauptartikel, dann Enter</translation>
    </message>
    <message numerus="yes">
        <source>%n matches: Enter adds the highlighted one.</source>
        <translation>
            <numerusform>%n Treffer: Enter fügt den markierten hinzu.</numerusform>
            <numerusform>%n Treffer: Enter fügt den markierten hinzu.</numerusform>
        </translation>
    </message>
    <message>
        <source>No product on this count&apos;s directed list matches “{text}”.</source>
        <translation>Kein Artikel der Vorgabeliste dieser Zählung passt zu „{text}“.</translation>
    </message>
    <message>
        <source>No product matches “{text}”.</source>
        <translation>Kein Artikel passt zu „{text}“.</translation>
    </message>
    <message>
        <source>Added {name} ({sku}).</source>
        <translation>{name} ({sku}) hinzugefügt.</translation>
    </message>
    <message>
        <source>{items}, {units}</source>
        <translation>{items}, {units}</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n units</source>
        <translation>
            <numerusform>%n Stück</numerusform>
            <numerusform>%n Stück</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleLockDialog</name>
    <message>
        <source>Lock when idle</source>
        <translation>Sperre bei Inaktivität</translation>
    </message>
    <message>
        <source>ScanApp locks after this many minutes without a touch, click or key, and asks for the PIN of whoever is signed in. 0 never locks. A supervisor enters their own PIN to change it.</source>
        <translation>ScanApp sperrt sich nach so vielen Minuten ohne Berührung, Klick oder Taste und fragt dann nach der PIN der angemeldeten Person. 0 sperrt nie. Zum Ändern gibt die Schichtleitung ihre eigene PIN ein.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Minutes before ScanApp locks</source>
        <translation>Minuten bis zur Sperre</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Sperren nach</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <source>{text} is not a quantity: type a number, e.g. 2.5.</source>
        <translation>{text} ist keine Menge: Geben Sie eine Zahl ein, z. B. 2,5.</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Eine leere Eingabe</translation>
    </message>
    <message>
        <source>Type a number, e.g. 2.5.</source>
        <translation>Geben Sie eine Zahl ein, z. B. 2,5.</translation>
    </message>
    <message>
        <source>Scan an item to see it here.</source>
        <translation>Scannen Sie einen Artikel, um ihn hier zu sehen.</translation>
    </message>
    <message>
        <source>Move &amp;here</source>
        <translation>&amp;Hierher umlagern</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>Umla&amp;gern…</translation>
    </message>
    <message>
        <source>Spli&amp;t…</source>
        <translation>&amp;Teilen…</translation>
    </message>
    <message>
        <source>S&amp;et…</source>
        <translation>&amp;Menge…</translation>
    </message>
    <message>
        <source>Archi&amp;ve</source>
        <translation>Archiv&amp;ieren</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Where the item goes</source>
        <translation>Wohin der Artikel kommt</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Umlagern</translation>
    </message>
    <message>
        <source>To (scan or pick):</source>
        <translation>Nach (scannen oder wählen):</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>New label: scan it</source>
        <translation>Neues Etikett: scannen</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>New quantity</source>
        <translation>Neue Menge</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Menge:</translation>
    </message>
    <message>
        <source>{code} is an item label, not a location: scan the label of the place {item} goes, pick it, or Cancel.</source>
        <translation>{code} ist ein Artikeletikett, kein Lagerort: Scannen Sie das Etikett des Lagerorts für {item}, wählen Sie ihn aus, oder brechen Sie ab.</translation>
    </message>
    <message>
        <source>{barcode} · {ingredient}</source>
        <translation>{barcode} · {ingredient}</translation>
    </message>
    <message>
        <source>{lab} · {location} · {quantity} {unit} · {status}</source>
        <translation>{lab} · {location} · {quantity} {unit} · {status}</translation>
    </message>
    <message>
        <source>Move &amp;here ({place})</source>
        <translation>&amp;Hierher umlagern ({place})</translation>
    </message>
</context>
<context>
    <name>ItemHistoryDialog</name>
    <message>
        <source>Inventory history: {item}</source>
        <translation>Bestandsverlauf: {item}</translation>
    </message>
    <message>
        <source>Inventory history of {item} · {ingredient}</source>
        <translation>Bestandsverlauf von {item} · {ingredient}</translation>
    </message>
    <message>
        <source>Nothing was done to this item yet.</source>
        <translation>Mit diesem Artikel ist noch nichts geschehen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>counted 0</source>
        <translation>0 gezählt</translation>
    </message>
    <message>
        <source>{name} ({sku}): counted as 0 (none there), expected {expected}</source>
        <translation>{name} ({sku}): als 0 gezählt (keiner da), erwartet {expected}</translation>
    </message>
    <message>
        <source>{name} ({sku}): {units} scanned, expected {expected}</source>
        <translation>{name} ({sku}): {units} gescannt, erwartet {expected}</translation>
    </message>
</context>
<context>
    <name>LabMenus</name>
    <message>
        <source>Start Inventory Reconciliation Session</source>
        <translation>Inventurabgleich-Sitzung starten</translation>
    </message>
    <message>
        <source>End Reconciliation Session</source>
        <translation>Abgleich-Sitzung beenden</translation>
    </message>
    <message>
        <source>View Past Inventory Reconciliation Sessions</source>
        <translation>Frühere Inventurabgleich-Sitzungen ansehen</translation>
    </message>
    <message>
        <source>The session started: scan a location label, then the items there.</source>
        <translation>Die Sitzung läuft: Scannen Sie ein Lagerort-Etikett, dann die Artikel dort.</translation>
    </message>
    <message>
        <source>Only {who}, who started this session, can end it. You can keep scanning in it.</source>
        <translation>Nur {who} hat diese Sitzung gestartet und kann sie beenden. Sie können weiter darin scannen.</translation>
    </message>
    <message>
        <source>The session has ended. It is kept under View Past Inventory Reconciliation Sessions.</source>
        <translation>Die Sitzung ist beendet. Sie bleibt unter „Frühere Inventurabgleich-Sitzungen ansehen“ erhalten.</translation>
    </message>
    <message>
        <source>Archive {item}?</source>
        <translation>{item} archivieren?</translation>
    </message>
    <message>
        <source>{item} ({ingredient}) will be archived, linked to this session and written to its history.</source>
        <translation>{item} ({ingredient}) wird archiviert, mit dieser Sitzung verknüpft und in den Verlauf des Artikels geschrieben.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
</context>
<context>
    <name>LabScanController</name>
    <message>
        <source>Scanner: {error}</source>
        <translation>Scanner: {error}</translation>
    </message>
    <message>
        <source>Scanner disconnected: {message}</source>
        <translation>Scanner getrennt: {message}</translation>
    </message>
    <message>
        <source>Taken: {code}</source>
        <translation>Erfasst: {code}</translation>
    </message>
    <message>
        <source>The scan was not recorded: {error}</source>
        <translation>Der Scan wurde nicht erfasst: {error}</translation>
    </message>
</context>
<context>
    <name>LabScanModel</name>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Rejected: {reason}</source>
        <translation>Abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>{code} · unknown code</source>
        <translation>{code} · unbekannter Code</translation>
    </message>
    <message>
        <source>no note</source>
        <translation>keine Notiz</translation>
    </message>
    <message>
        <source>found at {place}</source>
        <translation>gefunden in {place}</translation>
    </message>
    <message>
        <source>Scan #{ordinal} at {time}: {data}</source>
        <translation>Scan Nr. {ordinal} um {time}: {data}</translation>
    </message>
    <message>
        <source>{barcode}: {ingredient}, {quantity} {unit}, {status}</source>
        <translation>{barcode}: {ingredient}, {quantity} {unit}, {status}</translation>
    </message>
</context>
<context>
    <name>LabTags</name>
    <message>
        <source>In Scope</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Not in Scope</source>
        <translation>Nicht erwartet</translation>
    </message>
    <message>
        <source>Wrong location</source>
        <translation>Falscher Lagerort</translation>
    </message>
</context>
<context>
    <name>LabViews</name>
    <message>
        <source>View all inventory not scanned from original listing</source>
        <translation>Nicht gescannten Bestand der ursprünglichen Liste anzeigen</translation>
    </message>
    <message>
        <source>View all inventory scanned not in original listing</source>
        <translation>Gescannten Bestand außerhalb der ursprünglichen Liste anzeigen</translation>
    </message>
    <message>
        <source>View all inventory in original listing</source>
        <translation>Gesamten Bestand der ursprünglichen Liste anzeigen</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Starting ScanApp…</source>
        <translation>ScanApp startet…</translation>
    </message>
</context>
<context>
    <name>LineActions</name>
    <message>
        <source>This scan waits for a supervisor&apos;s review and counts in no total: the supervisor decides it.</source>
        <translation>Dieser Scan wartet auf die Prüfung durch die Schichtleitung und zählt in keiner Summe: Die Schichtleitung entscheidet darüber.</translation>
    </message>
    <message>
        <source>Remove scan?</source>
        <translation>Scan entfernen?</translation>
    </message>
    <message>
        <source>Remove the scan of {what} (#{ordinal})? Every total adjusts.</source>
        <translation>Den Scan von {what} (Nr. {ordinal}) entfernen? Alle Summen passen sich an.</translation>
    </message>
    <message>
        <source>Remove scan</source>
        <translation>Scan entfernen</translation>
    </message>
    <message>
        <source>Scan removed; the totals are adjusted.</source>
        <translation>Scan entfernt; die Summen sind angepasst.</translation>
    </message>
    <message numerus="yes">
        <source>Matched to {name}: %n scans moved to {category}.</source>
        <translation>
            <numerusform>{name} zugeordnet: %n Scan nach „{category}“ verschoben.</numerusform>
            <numerusform>{name} zugeordnet: %n Scans nach „{category}“ verschoben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n hand-counted units.</source>
        <translation>
            <numerusform>%n handgezähltes Stück hinzugefügt.</numerusform>
            <numerusform>%n handgezählte Stück hinzugefügt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingModel</name>
    <message>
        <source>not scanned</source>
        <translation>ungescannt</translation>
    </message>
    <message>
        <source>place not scanned</source>
        <translation>ohne Lagerort</translation>
    </message>
    <message>
        <source>unresolved</source>
        <translation>ungeklärt</translation>
    </message>
</context>
<context>
    <name>ListingViewDialog</name>
    <message numerus="yes">
        <source>{session} · listing config {config} · %n item(s)</source>
        <translation>
            <numerusform>{session} · Listenkonfiguration {config} · %n Artikel</numerusform>
            <numerusform>{session} · Listenkonfiguration {config} · %n Artikel</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>ScanApp is locked</source>
        <translation>ScanApp ist gesperrt</translation>
    </message>
    <message>
        <source>Scans are not taken while the app is locked; everything scanned before is saved.</source>
        <translation>Solange die App gesperrt ist, werden keine Scans angenommen; alles zuvor Gescannte ist gespeichert.</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>Als andere Person anmelden</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>{name} is signed in. Enter the PIN to carry on.</source>
        <translation>{name} ist angemeldet. Geben Sie die PIN ein, um weiterzumachen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Session “{name}” was discarded and removed from review.</source>
        <translation>Die Sitzung „{name}“ wurde verworfen und aus der Prüfung genommen.</translation>
    </message>
</context>
<context>
    <name>MatchProductDialog</name>
    <message>
        <source>Match Product</source>
        <translation>Artikel zuordnen</translation>
    </message>
    <message numerus="yes">
        <source>{code} matches no product: %n scans, all matched by one Save.</source>
        <translation>
            <numerusform>{code} passt zu keinem Artikel: %n Scan.</numerusform>
            <numerusform>{code} passt zu keinem Artikel: %n Scans, alle mit einem Speichern zugeordnet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n earlier scans</source>
        <translation>
            <numerusform>…und %n früherer Scan</numerusform>
            <numerusform>…und %n frühere Scans</numerusform>
        </translation>
    </message>
    <message>
        <source>Code, SKU or product name</source>
        <translation>Code, Artikelnummer oder Artikelname</translation>
    </message>
    <message>
        <source>Also add this code as an alias of the product</source>
        <translation>Diesen Code zusätzlich beim Artikel hinterlegen</translation>
    </message>
    <message>
        <source>Later scans of this code will match the product on every device.</source>
        <translation>Spätere Scans dieses Codes werden auf jedem Gerät diesem Artikel zugeordnet.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message numerus="yes">
        <source>%n possible products. Pick one and Save.</source>
        <translation>
            <numerusform>%n möglicher Artikel. Wählen Sie ihn aus und speichern Sie.</numerusform>
            <numerusform>%n mögliche Artikel. Wählen Sie einen aus und speichern Sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>No product found. Search by SKU, product name or another code.</source>
        <translation>Kein Artikel gefunden. Suchen Sie nach Artikelnummer, Artikelname oder einem anderen Code.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung ausblenden</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Your account may not {action}: ask a supervisor, or sign in as a user who may.</source>
        <translation>Ihr Konto ist nicht berechtigt, {action}. Fragen Sie die Schichtleitung, oder melden Sie sich als berechtigter Benutzer an.</translation>
    </message>
    <message>
        <source>You cannot {action}: {user} on device {device} is working on this session. Ask a supervisor to release it.</source>
        <translation>Es ist nicht möglich, {action}: {user} arbeitet auf Gerät {device} an dieser Sitzung. Bitten Sie die Schichtleitung, sie freizugeben.</translation>
    </message>
    <message>
        <source>You cannot {action}: the session is not started. Press Start counting first.</source>
        <translation>Es ist nicht möglich, {action}: Die Sitzung ist nicht gestartet. Drücken Sie zuerst „Zählung starten“.</translation>
    </message>
    <message>
        <source>You cannot {action}: the session is already in progress.</source>
        <translation>Es ist nicht möglich, {action}: Die Sitzung läuft bereits.</translation>
    </message>
    <message>
        <source>You cannot {action}: the session is submitted. Re-open it first.</source>
        <translation>Es ist nicht möglich, {action}: Die Sitzung ist eingereicht. Öffnen Sie sie zuerst wieder.</translation>
    </message>
    <message>
        <source>You cannot {action}: the session is not submitted.</source>
        <translation>Es ist nicht möglich, {action}: Die Sitzung ist nicht eingereicht.</translation>
    </message>
    <message>
        <source>You cannot {action}: the session is discarded.</source>
        <translation>Es ist nicht möglich, {action}: Die Sitzung ist verworfen.</translation>
    </message>
    <message>
        <source>Start counting opens at {when}. Before then only a manager, a supervisor or an associate allowed to start early can start it.</source>
        <translation>„Zählung starten“ ist ab {when} möglich. Vorher können nur die Inventurleitung, die Schichtleitung oder Mitarbeitende, die vorzeitig starten dürfen, die Zählung starten.</translation>
    </message>
    <message>
        <source>Only {user}, who started this session, can end it.</source>
        <translation>Nur {user} hat diese Sitzung gestartet und kann sie beenden.</translation>
    </message>
    <message>
        <source>This session was already ended at {at} (on another station, or here before): there is nothing left to end.</source>
        <translation>Diese Sitzung wurde bereits am {at} beendet (an einer anderen Station oder zuvor hier): Es gibt nichts mehr zu beenden.</translation>
    </message>
    <message>
        <source>A count needs a name.</source>
        <translation>Eine Zählung braucht einen Namen.</translation>
    </message>
    <message>
        <source>A session needs a name.</source>
        <translation>Eine Sitzung braucht einen Namen.</translation>
    </message>
    <message>
        <source>A hard count has no directed list.</source>
        <translation>Eine Vollzählung hat keine Vorgabeliste.</translation>
    </message>
    <message>
        <source>Submit is blocked: match or remove the unmatched items first (see the Unmatched tab; {count} left).</source>
        <translation>Einreichen ist gesperrt: Ordnen Sie zuerst die unbekannten Codes Artikeln zu oder entfernen Sie sie (siehe Reiter „Unbekannt“; noch {count}).</translation>
    </message>
    <message>
        <source>This is a hard count: every product not scanned in it will be recorded as zero on hand. Confirm to submit.</source>
        <translation>Dies ist eine Vollzählung: Jeder hier nicht gescannte Artikel wird mit Bestand null erfasst. Bestätigen Sie, um einzureichen.</translation>
    </message>
    <message>
        <source>This session is not on this device ({id}).</source>
        <translation>Diese Sitzung ist nicht auf diesem Gerät ({id}).</translation>
    </message>
    <message>
        <source>This count is not on this device ({id}).</source>
        <translation>Diese Zählung ist nicht auf diesem Gerät ({id}).</translation>
    </message>
    <message>
        <source>No user {id} on this device: a supervisor must sync first.</source>
        <translation>Kein Benutzer {id} auf diesem Gerät: Die Schichtleitung muss zuerst synchronisieren.</translation>
    </message>
    <message>
        <source>That scan is not in this session any more.</source>
        <translation>Dieser Scan ist nicht mehr in dieser Sitzung.</translation>
    </message>
    <message>
        <source>That scan belongs to another session.</source>
        <translation>Dieser Scan gehört zu einer anderen Sitzung.</translation>
    </message>
    <message>
        <source>This scan was already removed.</source>
        <translation>Dieser Scan wurde bereits entfernt.</translation>
    </message>
    <message>
        <source>This scan was removed; there is nothing to match.</source>
        <translation>Dieser Scan wurde entfernt; es gibt nichts zuzuordnen.</translation>
    </message>
    <message>
        <source>Only unmatched items can be matched to a product.</source>
        <translation>Nur unbekannte Scans können einem Artikel zugeordnet werden.</translation>
    </message>
    <message>
        <source>There is no unmatched scan to match.</source>
        <translation>Es gibt keinen unbekannten Scan zum Zuordnen.</translation>
    </message>
    <message>
        <source>No product with SKU {sku}.</source>
        <translation>Kein Artikel mit Artikelnummer {sku}.</translation>
    </message>
    <message>
        <source>The quantity of {sku} cannot be negative.</source>
        <translation>Die Menge von {sku} kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>A quantity of {units} is out of range.</source>
        <translation>Eine Menge von {units} liegt außerhalb des zulässigen Bereichs.</translation>
    </message>
    <message>
        <source>{sku} is not on this count&apos;s directed list; hand-counted items can only be added for listed products.</source>
        <translation>{sku} steht nicht auf der Vorgabeliste dieser Zählung; handgezählte Artikel können nur für Artikel der Liste hinzugefügt werden.</translation>
    </message>
    <message>
        <source>The session is being worked by {user} on device {device}.</source>
        <translation>An der Sitzung arbeitet {user} auf Gerät {device}.</translation>
    </message>
    <message>
        <source>The lease was lost: it expired or was released by a supervisor.</source>
        <translation>Die Belegung ist verloren: Sie ist abgelaufen oder wurde von der Schichtleitung freigegeben.</translation>
    </message>
    <message>
        <source>Only the holder can release the lease.</source>
        <translation>Nur wer die Sitzung belegt, kann sie freigeben.</translation>
    </message>
    <message>
        <source>A PIN needs at least {length} characters.</source>
        <translation>Eine PIN braucht mindestens {length} Zeichen.</translation>
    </message>
    <message>
        <source>A PIN or password has at most {length} characters.</source>
        <translation>Eine PIN oder ein Passwort hat höchstens {length} Zeichen.</translation>
    </message>
    <message>
        <source>This user already has a PIN: a supervisor can reset it.</source>
        <translation>Dieser Benutzer hat bereits eine PIN: Die Schichtleitung kann sie zurücksetzen.</translation>
    </message>
    <message>
        <source>A refused scan was never counted: there is nothing to remove.</source>
        <translation>Ein zurückgewiesener Scan wurde nie gezählt: Es gibt nichts zu entfernen.</translation>
    </message>
    <message>
        <source>{code} looks like a location label but does not say LOC:lab:place.</source>
        <translation>{code} sieht wie ein Lagerort-Etikett aus, hat aber nicht die Form LOC:Labor:Lagerort.</translation>
    </message>
    <message>
        <source>{text} is not a resolution; choose one of: {names}.</source>
        <translation>{text} ist keine Klärung; möglich sind: {names}.</translation>
    </message>
    <message>
        <source>{item} is archived: an archived item cannot be moved, split or set.</source>
        <translation>{item} ist archiviert: Ein archivierter Artikel kann nicht umgelagert, geteilt oder in der Menge geändert werden.</translation>
    </message>
    <message>
        <source>{item} belongs to {item_lab}, not {lab}: do it in a session of {item_lab}.</source>
        <translation>{item} gehört zu {item_lab}, nicht zu {lab}: Erledigen Sie das in einer Sitzung von {item_lab}.</translation>
    </message>
    <message>
        <source>{code} is the label of the location {place} ({lab}), not an item label: scan the new item&apos;s own label.</source>
        <translation>{code} ist das Etikett des Lagerorts {place} ({lab}), kein Artikeletikett: Scannen Sie das eigene Etikett des neuen Artikels.</translation>
    </message>
    <message>
        <source>A listing config needs a name.</source>
        <translation>Eine Listenkonfiguration braucht einen Namen.</translation>
    </message>
    <message>
        <source>Cannot filter on {unknown}; filters: {known}.</source>
        <translation>Filtern nach {unknown} ist nicht möglich; Filter: {known}.</translation>
    </message>
    <message>
        <source>A listing config shows at least one column.</source>
        <translation>Eine Listenkonfiguration zeigt mindestens eine Spalte.</translation>
    </message>
    <message>
        <source>A reconciliation session needs a name.</source>
        <translation>Eine Abgleich-Sitzung braucht einen Namen.</translation>
    </message>
    <message>
        <source>Choose the lab where the reconciliation takes place.</source>
        <translation>Wählen Sie das Labor, in dem der Abgleich stattfindet.</translation>
    </message>
    <message>
        <source>{code} is a place in {place_lab}; this session reconciles {lab}. Scan a location of {lab}.</source>
        <translation>{code} ist ein Lagerort in {place_lab}; diese Sitzung gleicht {lab} ab. Scannen Sie einen Lagerort in {lab}.</translation>
    </message>
    <message>
        <source>A note is at most {most} characters; this one has {length}.</source>
        <translation>Eine Notiz hat höchstens {most} Zeichen; diese hat {length}.</translation>
    </message>
    <message>
        <source>{code} is not an unknown code of this session.</source>
        <translation>{code} ist kein unbekannter Code dieser Sitzung.</translation>
    </message>
    <message>
        <source>Choose the items to resolve.</source>
        <translation>Wählen Sie die Artikel, die geklärt werden sollen.</translation>
    </message>
    <message>
        <source>{items}: not in this session&apos;s listing; only expected items are resolved.</source>
        <translation>{items}: nicht in der Liste dieser Sitzung; geklärt werden nur erwartete Artikel.</translation>
    </message>
    <message>
        <source>{items}: found in this session; only items nobody found are resolved.</source>
        <translation>{items}: in dieser Sitzung gefunden; geklärt werden nur Artikel, die niemand gefunden hat.</translation>
    </message>
    <message>
        <source>Moved elsewhere: say where the items are now.</source>
        <translation>An anderen Ort umgelagert: Geben Sie an, wo die Artikel jetzt sind.</translation>
    </message>
    <message>
        <source>Only a reconciliation session is ended; counts are submitted.</source>
        <translation>Beendet wird nur eine Abgleich-Sitzung; Zählungen werden eingereicht.</translation>
    </message>
    <message>
        <source>1 expected item not found yet without a resolution: resolve it (still missing, archived, moved elsewhere, not applicable) before ending.</source>
        <translation>1 erwarteter Artikel ist weder gefunden noch geklärt: Klären Sie ihn (fehlt weiterhin, archiviert, an anderen Ort umgelagert, entfällt), bevor Sie beenden.</translation>
    </message>
    <message>
        <source>{left} expected items not found yet without a resolution: resolve each (still missing, archived, moved elsewhere, not applicable) before ending.</source>
        <translation>{left} erwartete Artikel sind weder gefunden noch geklärt: Klären Sie jeden (fehlt weiterhin, archiviert, an anderen Ort umgelagert, entfällt), bevor Sie beenden.</translation>
    </message>
    <message>
        <source>That is a count&apos;s session, not a reconciliation session.</source>
        <translation>Das ist die Sitzung einer Zählung, keine Abgleich-Sitzung.</translation>
    </message>
    <message>
        <source>Say where the item goes.</source>
        <translation>Geben Sie an, wohin der Artikel kommt.</translation>
    </message>
    <message>
        <source>{place} is a location label: pick or scan the place itself.</source>
        <translation>{place} ist ein Lagerort-Etikett: Wählen oder scannen Sie den Lagerort selbst.</translation>
    </message>
    <message>
        <source>{item} is recorded at {place} already.</source>
        <translation>{item} ist bereits in {place} erfasst.</translation>
    </message>
    <message>
        <source>A quantity cannot be negative.</source>
        <translation>Eine Menge kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>{item} is already archived.</source>
        <translation>{item} ist bereits archiviert.</translation>
    </message>
    <message>
        <source>Split off more than 0 and less than {most} ({item} has {most}); got {quantity}.</source>
        <translation>Teilen Sie mehr als 0 und weniger als {most} ab ({item} hat {most}); eingegeben: {quantity}.</translation>
    </message>
    <message>
        <source>Barcode {barcode} is empty or already in use.</source>
        <translation>Barcode {barcode} ist leer oder schon vergeben.</translation>
    </message>
    <message>
        <source>No inventory item {barcode}.</source>
        <translation>Kein Bestandsartikel {barcode}.</translation>
    </message>
    <message>
        <source>Inventory actions belong to a reconciliation session.</source>
        <translation>Bestandsaktionen gehören zu einer Abgleich-Sitzung.</translation>
    </message>
    <message>
        <source>Rejecting or forcing a variance needs a reason: say why, for the audit.</source>
        <translation>Ablehnen oder Erzwingen einer Abweichung braucht einen Grund: Geben Sie ihn für die Prüfung an.</translation>
    </message>
    <message>
        <source>{item} is neither on this count&apos;s list nor counted in it.</source>
        <translation>{item} steht weder auf der Liste dieser Zählung noch wurde der Artikel darin gezählt.</translation>
    </message>
    <message>
        <source>{item} is not counted yet: there is no variance to decide. Recount it first.</source>
        <translation>{item} ist noch nicht gezählt: Es gibt keine Abweichung zu entscheiden. Zählen Sie den Artikel zuerst (Nachzählung).</translation>
    </message>
    <message>
        <source>A variance threshold is a number of 0 or more (units or percent); got {value}.</source>
        <translation>Eine Abweichungsschwelle ist eine Zahl ab 0 (Stück oder Prozent); erhalten: {value}.</translation>
    </message>
    <message>
        <source>Choose the items to recount.</source>
        <translation>Wählen Sie die Artikel für die Nachzählung.</translation>
    </message>
    <message>
        <source>That is a lab reconciliation: variances, thresholds and recounts are for counts.</source>
        <translation>Das ist ein Laborabgleich: Abweichungen, Schwellen und Nachzählungen gibt es nur für Zählungen.</translation>
    </message>
    <message>
        <source>Rejected: {reason}</source>
        <translation>Abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>Unmatched: {code} matches no product</source>
        <translation>Unbekannt: {code} passt zu keinem Artikel</translation>
    </message>
    <message>
        <source>Here: {place}</source>
        <translation>Hier: {place}</translation>
    </message>
    <message>
        <source>In Scope: {item}</source>
        <translation>Erwartet: {item}</translation>
    </message>
    <message>
        <source>In Scope: {item} (scan a location label to record where items are)</source>
        <translation>Erwartet: {item} (scannen Sie ein Lagerort-Etikett, um festzuhalten, wo die Artikel sind)</translation>
    </message>
    <message>
        <source>Wrong location: {item} is recorded at {recorded}, found at {found}</source>
        <translation>Falscher Lagerort: {item} ist in {recorded} erfasst, gefunden in {found}</translation>
    </message>
    <message>
        <source>Not in Scope: {item} belongs to {item_lab}, not {lab}</source>
        <translation>Nicht erwartet: {item} gehört zu {item_lab}, nicht zu {lab}</translation>
    </message>
    <message>
        <source>Not in Scope: {item} is archived in the inventory, yet it is here: check it</source>
        <translation>Nicht erwartet: {item} ist im Bestand archiviert, liegt aber hier: Bitte prüfen</translation>
    </message>
    <message>
        <source>Not in Scope: {item} is not in this session&apos;s listing</source>
        <translation>Nicht erwartet: {item} steht nicht in der Liste dieser Sitzung</translation>
    </message>
    <message>
        <source>Not in Scope: {code} matches no inventory item; it is kept (add a note under Unknown codes).</source>
        <translation>Nicht erwartet: {code} passt zu keinem Bestandsartikel; der Code bleibt erhalten (Notiz unter „Unbekannte Codes“ möglich).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>zu zählen</translation>
    </message>
    <message>
        <source>scan</source>
        <translation>zu scannen</translation>
    </message>
    <message>
        <source>create a count</source>
        <translation>eine Zählung anzulegen</translation>
    </message>
    <message>
        <source>start a reconciliation session</source>
        <translation>eine Abgleich-Sitzung zu starten</translation>
    </message>
    <message>
        <source>create a session</source>
        <translation>eine Sitzung anzulegen</translation>
    </message>
    <message>
        <source>work on a session</source>
        <translation>an einer Sitzung zu arbeiten</translation>
    </message>
    <message>
        <source>open the session</source>
        <translation>die Sitzung zu öffnen</translation>
    </message>
    <message>
        <source>start a session</source>
        <translation>eine Sitzung zu starten</translation>
    </message>
    <message>
        <source>start counting</source>
        <translation>die Zählung zu starten</translation>
    </message>
    <message>
        <source>edit the session</source>
        <translation>die Sitzung zu bearbeiten</translation>
    </message>
    <message>
        <source>discard the session</source>
        <translation>die Sitzung zu verwerfen</translation>
    </message>
    <message>
        <source>submit the session</source>
        <translation>die Sitzung einzureichen</translation>
    </message>
    <message>
        <source>re-open the session</source>
        <translation>die Sitzung wieder zu öffnen</translation>
    </message>
    <message>
        <source>end the session</source>
        <translation>die Sitzung zu beenden</translation>
    </message>
    <message>
        <source>force-release another user&apos;s session</source>
        <translation>die Freigabe der Sitzung eines anderen Benutzers zu erzwingen</translation>
    </message>
    <message>
        <source>reset another user&apos;s PIN</source>
        <translation>die PIN eines anderen Benutzers zurückzusetzen</translation>
    </message>
    <message>
        <source>change when ScanApp locks</source>
        <translation>die automatische Sperre von ScanApp zu ändern</translation>
    </message>
    <message>
        <source>approve, reject or force a variance</source>
        <translation>eine Abweichung freigeben, ablehnen oder erzwingen</translation>
    </message>
    <message>
        <source>change a count&apos;s variance threshold</source>
        <translation>den Abweichungsschwellenwert einer Zählung ändern</translation>
    </message>
    <message>
        <source>create a recount session</source>
        <translation>eine Nachzählungssitzung anlegen</translation>
    </message>
    <message>
        <source>review fenced and refused scans</source>
        <translation>gesperrte und abgewiesene Scans prüfen</translation>
    </message>
    <message>
        <source>No session is open here: open a session to scan.</source>
        <translation>Hier ist keine Sitzung geöffnet: Öffnen Sie eine Sitzung, um zu scannen.</translation>
    </message>
    <message>
        <source>You may not count: sign in as a user who counts to scan.</source>
        <translation>Sie dürfen nicht zählen: Melden Sie sich zum Scannen als Benutzer mit Zählrecht an.</translation>
    </message>
    <message>
        <source>Another user or device holds this session: scan in a session of your own, or ask a supervisor to release this one.</source>
        <translation>Ein anderer Benutzer oder ein anderes Gerät belegt diese Sitzung: Scannen Sie in einer eigenen Sitzung, oder bitten Sie die Schichtleitung, diese freizugeben.</translation>
    </message>
    <message>
        <source>This session is not started: press Start counting, then scan.</source>
        <translation>Diese Sitzung ist nicht gestartet: Drücken Sie „Zählung starten“ und scannen Sie dann.</translation>
    </message>
    <message>
        <source>This session is submitted: Re-open session to scan more.</source>
        <translation>Diese Sitzung ist eingereicht: Drücken Sie „Sitzung wieder öffnen“, um weiter zu scannen.</translation>
    </message>
    <message>
        <source>This session is discarded: open another session to scan.</source>
        <translation>Diese Sitzung ist verworfen: Öffnen Sie eine andere Sitzung, um zu scannen.</translation>
    </message>
    <message>
        <source>This session cannot be counted here: go back to the counts list.</source>
        <translation>Diese Sitzung kann hier nicht gezählt werden: Gehen Sie zurück zur Liste der Zählungen.</translation>
    </message>
    <message>
        <source>Scans are not taken while “{title}” is open: close it, then scan again.</source>
        <translation>Solange „{title}“ offen ist, werden keine Scans angenommen: Schließen Sie das Fenster und scannen Sie erneut.</translation>
    </message>
    <message>
        <source>ScanApp is locked: enter your PIN, then scan.</source>
        <translation>ScanApp ist gesperrt: Geben Sie Ihre PIN ein und scannen Sie dann.</translation>
    </message>
    <message>
        <source>The Barcode Tracking page is not shown: open it to scan.</source>
        <translation>Die Seite Barcode-Tracking ist nicht geöffnet: Öffnen Sie sie, um zu scannen.</translation>
    </message>
    <message>
        <source>You may not reconcile lab inventory: sign in as a lab user to scan.</source>
        <translation>Sie dürfen keinen Laborbestand abgleichen: Melden Sie sich zum Scannen als Laborbenutzer an.</translation>
    </message>
    <message>
        <source>No reconciliation session is active: ⚙ → Start Inventory Reconciliation Session, then scan.</source>
        <translation>Keine Abgleich-Sitzung aktiv: ⚙ → Inventurabgleich-Sitzung starten, dann scannen.</translation>
    </message>
    <message>
        <source>This reconciliation session has ended: start a new one (⚙) to scan.</source>
        <translation>Diese Abgleich-Sitzung ist beendet: Starten Sie eine neue (⚙), um zu scannen.</translation>
    </message>
    <message>
        <source>This device lost the session: {title}. It is read-only here: go back to the counts list. Anything scanned here after the loss waits for a supervisor&apos;s review.</source>
        <translation>Dieses Gerät hat die Sitzung verloren: {title}. Sie ist hier nur noch lesbar: Gehen Sie zurück zur Liste der Zählungen. Was hier nach dem Verlust gescannt wurde, wartet auf die Prüfung durch die Schichtleitung.</translation>
    </message>
    <message>
        <source>This session is being taken from the sync server: scan again in a moment.</source>
        <translation>Die Sitzung wird gerade vom Sync-Server übernommen: Scannen Sie gleich noch einmal.</translation>
    </message>
    <message>
        <source>no session open</source>
        <translation>keine Sitzung offen</translation>
    </message>
    <message>
        <source>this user may not count</source>
        <translation>Benutzer darf nicht zählen</translation>
    </message>
    <message>
        <source>held by another user or device</source>
        <translation>anderweitig belegt</translation>
    </message>
    <message>
        <source>session not started</source>
        <translation>Sitzung nicht gestartet</translation>
    </message>
    <message>
        <source>session submitted</source>
        <translation>Sitzung eingereicht</translation>
    </message>
    <message>
        <source>session discarded</source>
        <translation>Sitzung verworfen</translation>
    </message>
    <message>
        <source>not countable here</source>
        <translation>hier nicht zählbar</translation>
    </message>
    <message>
        <source>“{title}” was open</source>
        <translation>„{title}“ war offen</translation>
    </message>
    <message>
        <source>ScanApp was locked</source>
        <translation>ScanApp war gesperrt</translation>
    </message>
    <message>
        <source>Barcode Tracking not shown</source>
        <translation>Barcode-Tracking nicht geöffnet</translation>
    </message>
    <message>
        <source>this user may not reconcile</source>
        <translation>Benutzer darf nicht abgleichen</translation>
    </message>
    <message>
        <source>no reconciliation session</source>
        <translation>keine Abgleich-Sitzung</translation>
    </message>
    <message>
        <source>reconciliation ended</source>
        <translation>Abgleich beendet</translation>
    </message>
    <message>
        <source>this device lost the session</source>
        <translation>Gerät hat die Sitzung verloren</translation>
    </message>
    <message>
        <source>the session was being taken</source>
        <translation>Sitzung wurde gerade übernommen</translation>
    </message>
    <message>
        <source>too long: {length} characters (at most {most})</source>
        <translation>zu lang: {length} Zeichen (höchstens {most})</translation>
    </message>
    <message>
        <source>empty scan</source>
        <translation>leerer Scan</translation>
    </message>
    <message>
        <source>incomplete symbology identifier {id}</source>
        <translation>unvollständige Symbologie-Kennung {id}</translation>
    </message>
    <message>
        <source>unreadable symbology identifier {id}</source>
        <translation>unlesbare Symbologie-Kennung {id}</translation>
    </message>
    <message>
        <source>unreadable data: invalid byte sequence at position {position}</source>
        <translation>unlesbare Daten: ungültige Bytefolge an Stelle {position}</translation>
    </message>
    <message>
        <source>unreadable data: control character {char} at position {position}</source>
        <translation>unlesbare Daten: Steuerzeichen {char} an Stelle {position}</translation>
    </message>
    <message>
        <source>GTIN must be digits only</source>
        <translation>Eine GTIN besteht nur aus Ziffern</translation>
    </message>
    <message>
        <source>GTIN must have 8, 12, 13 or 14 digits, not {length}</source>
        <translation>Eine GTIN hat 8, 12, 13 oder 14 Ziffern, nicht {length}</translation>
    </message>
    <message>
        <source>{reason} (as EAN-8), and not a UPC-E either: {detail}</source>
        <translation>{reason} (als EAN-8), und auch kein UPC-E: {detail}</translation>
    </message>
    <message>
        <source>bad check digit: {detail}</source>
        <translation>falsche Prüfziffer: {detail}</translation>
    </message>
    <message>
        <source>not a valid UPC-E: {detail}</source>
        <translation>kein gültiger UPC-E: {detail}</translation>
    </message>
    <message>
        <source>not a valid GS1 element string: {detail}</source>
        <translation>kein gültiger GS1-Elementstring: {detail}</translation>
    </message>
    <message>
        <source>not a valid GS1 Digital Link: {detail}</source>
        <translation>kein gültiger GS1 Digital Link: {detail}</translation>
    </message>
    <message>
        <source>not a valid web address: {detail}</source>
        <translation>keine gültige Webadresse: {detail}</translation>
    </message>
    <message>
        <source>not a valid {what}: {detail}</source>
        <translation>keine gültige {what}: {detail}</translation>
    </message>
    <message>
        <source>unknown EAN/UPC symbology identifier {id}</source>
        <translation>unbekannte EAN/UPC-Symbologie-Kennung {id}</translation>
    </message>
    <message>
        <source>{id} says ITF-14: 14 digits, but the data is {length} characters</source>
        <translation>{id} kündigt ITF-14 an (14 Ziffern), aber die Daten haben {length} Zeichen</translation>
    </message>
    <message>
        <source>{id} says {claim}, but the data has other characters than digits</source>
        <translation>{id} kündigt {claim} an, aber die Daten enthalten andere Zeichen als Ziffern</translation>
    </message>
    <message>
        <source>{id} says {claim}, but the data has {length} digits</source>
        <translation>{id} kündigt {claim} an, aber die Daten haben {length} Ziffern</translation>
    </message>
    <message>
        <source>{id} says {claim}, but the data has {length}</source>
        <translation>{id} kündigt {claim} an, aber die Daten haben {length}</translation>
    </message>
    <message>
        <source>({ai}) appears twice with different values: {first} and {second}</source>
        <translation>({ai}) kommt zweimal mit verschiedenen Werten vor: {first} und {second}</translation>
    </message>
    <message>
        <source>({ai}) {what}: {reason}</source>
        <translation>({ai}) {what}: {reason}</translation>
    </message>
    <message>
        <source>moved from {old} to {new}</source>
        <translation>verschoben von {old} nach {new}</translation>
    </message>
    <message>
        <source>quantity set from {old} to {new}</source>
        <translation>Menge von {old} auf {new} gesetzt</translation>
    </message>
    <message>
        <source>archived (was {old})</source>
        <translation>archiviert (war {old})</translation>
    </message>
    <message>
        <source>split {quantity} off into {new}</source>
        <translation>{quantity} abgeteilt in {new}</translation>
    </message>
    <message>
        <source>split from {old}</source>
        <translation>abgeteilt von {old}</translation>
    </message>
    <message>
        <source>resolved as {resolution}</source>
        <translation>geklärt als {resolution}</translation>
    </message>
    <message>
        <source>resolved as {resolution}, to {place}</source>
        <translation>geklärt als {resolution}, nach {place}</translation>
    </message>
    <message>
        <source>resolved as {resolution}: {note}</source>
        <translation>geklärt als {resolution}: {note}</translation>
    </message>
    <message>
        <source>resolved as {resolution}, to {place}: {note}</source>
        <translation>geklärt als {resolution}, nach {place}: {note}</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note on {code}</source>
        <translation>Notiz zu {code}</translation>
    </message>
    <message>
        <source>{code} matches no inventory item. It is kept; a note says what it is.</source>
        <translation>{code} passt zu keinem Bestandsartikel. Der Code bleibt erhalten; eine Notiz sagt, worum es sich handelt.</translation>
    </message>
    <message>
        <source>e.g. supplier sticker on a new box</source>
        <translation>z. B. Lieferantenaufkleber auf neuem Karton</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Notiz speichern</translation>
    </message>
</context>
<context>
    <name>PadRow</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>GTIN-14 {gtin} ({format})</source>
        <translation>GTIN-14 {gtin} ({format})</translation>
    </message>
    <message>
        <source>rejected: {reason}</source>
        <translation>abgelehnt: {reason}</translation>
    </message>
</context>
<context>
    <name>PastSessionsDialog</name>
    <message>
        <source>Save the report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>View Past Inventory Reconciliation Sessions</source>
        <translation>Frühere Inventurabgleich-Sitzungen ansehen</translation>
    </message>
    <message>
        <source>Past Inventory Reconciliation Sessions</source>
        <translation>Frühere Inventurabgleich-Sitzungen</translation>
    </message>
    <message>
        <source>No reconciliation session has ended yet.</source>
        <translation>Noch keine Abgleich-Sitzung ist beendet.</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>Klärungen</translation>
    </message>
    <message>
        <source>Unknown codes</source>
        <translation>Unbekannte Codes</translation>
    </message>
    <message>
        <source>Save {format}</source>
        <translation>{format} speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>{name} · read-only · found {found} of {expected}, {unknown} unknown code(s), {scans} scans</source>
        <translation>{name} · nur lesen · {found} von {expected} gefunden · unbekannte Codes: {unknown} · Scans: {scans}</translation>
    </message>
    <message>
        <source>The report was not saved: {error}</source>
        <translation>Der Bericht wurde nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Gespeichert unter {path}.</translation>
    </message>
</context>
<context>
    <name>PinEntry</name>
    <message>
        <source>PIN or password</source>
        <translation>PIN oder Passwort</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>Noch einmal dasselbe</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Wiederholung</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries: wait %n seconds, then try again.</source>
        <translation>
            <numerusform>Zu viele Fehlversuche: Warten Sie %n Sekunde und versuchen Sie es dann erneut.</numerusform>
            <numerusform>Zu viele Fehlversuche: Warten Sie %n Sekunden und versuchen Sie es dann erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries: wait %n minutes, then try again.</source>
        <translation>
            <numerusform>Zu viele Fehlversuche: Warten Sie %n Minute und versuchen Sie es dann erneut.</numerusform>
            <numerusform>Zu viele Fehlversuche: Warten Sie %n Minuten und versuchen Sie es dann erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}&apos;s PIN on this device is damaged and cannot be checked. A supervisor can reset it.</source>
        <translation>Die PIN von {name} auf diesem Gerät ist beschädigt und kann nicht geprüft werden. Die Schichtleitung kann sie zurücksetzen.</translation>
    </message>
    <message>
        <source>{name} has no PIN yet: they choose one when they first sign in.</source>
        <translation>{name} hat noch keine PIN: Sie wird bei der ersten Anmeldung gewählt.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before a wait.</source>
        <translation>
            <numerusform>Falsche PIN. Noch %n Versuch bis zur Wartezeit.</numerusform>
            <numerusform>Falsche PIN. Noch %n Versuche bis zur Wartezeit.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
    <message>
        <source>{name}, choose a PIN or password of at least {n} characters, and type it twice.</source>
        <translation>{name}, wählen Sie eine PIN oder ein Passwort mit mindestens {n} Zeichen und geben Sie es zweimal ein.</translation>
    </message>
    <message>
        <source>{name}, enter your PIN.</source>
        <translation>{name}, geben Sie Ihre PIN ein.</translation>
    </message>
    <message numerus="yes">
        <source>A PIN needs at least %n characters.</source>
        <translation>
            <numerusform>Eine PIN braucht mindestens %n Zeichen.</numerusform>
            <numerusform>Eine PIN braucht mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN in both fields.</source>
        <translation>Die beiden PINs unterscheiden sich. Geben Sie in beide Felder dieselbe PIN ein.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message>
        <source>Show items</source>
        <translation>Artikel zeigen</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Alle Artikel</translation>
    </message>
    <message>
        <source>Remaining (not counted)</source>
        <translation>Offen (nicht gezählt)</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Select an item to see its count by session.</source>
        <translation>Wählen Sie einen Artikel, um seine Zählung je Sitzung zu sehen.</translation>
    </message>
    <message>
        <source>Which items the table shows</source>
        <translation>Welche Artikel die Tabelle zeigt</translation>
    </message>
    <message>
        <source>No count yet.</source>
        <translation>Noch keine Zählung.</translation>
    </message>
    <message>
        <source>Reading the count…</source>
        <translation>Die Zählung wird gelesen…</translation>
    </message>
    <message>
        <source>{listed} listed · {counted} counted · {remaining} remaining · {units} units counted</source>
        <translation>{listed} gelistet · {counted} gezählt · {remaining} offen · {units} Stück gezählt</translation>
    </message>
    <message>
        <source>{name}, by session</source>
        <translation>{name}, je Sitzung</translation>
    </message>
    <message>
        <source>{name}: not counted in any session</source>
        <translation>{name}: in keiner Sitzung gezählt</translation>
    </message>
</context>
<context>
    <name>RecountDialog</name>
    <message>
        <source>New recount session</source>
        <translation>Neue Nachzählungssitzung</translation>
    </message>
    <message>
        <source>Create recount</source>
        <translation>Nachzählung anlegen</translation>
    </message>
    <message numerus="yes">
        <source>{shown} and %n more</source>
        <translation>
            <numerusform>{shown} und %n weiterer</numerusform>
            <numerusform>{shown} und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items to recount: {items}</source>
        <translation>
            <numerusform>%n Artikel zum Nachzählen: {items}</numerusform>
            <numerusform>%n Artikel zum Nachzählen: {items}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <source>Review queue</source>
        <translation>Prüfliste</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>Ü&amp;bernehmen …</translation>
    </message>
    <message>
        <source>Count it in its own session after all</source>
        <translation>Doch in der eigenen Sitzung zählen</translation>
    </message>
    <message>
        <source>Move to a &amp;new session…</source>
        <translation>In &amp;neue Sitzung verschieben …</translation>
    </message>
    <message>
        <source>Count it in a new session of the same count (name and area)</source>
        <translation>In einer neuen Sitzung derselben Zählung zählen (Name und Bereich)</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Verwerfen …</translation>
    </message>
    <message>
        <source>Leave it out of every count (it stays in the audit log)</source>
        <translation>Aus jeder Zählung herauslassen (bleibt im Prüfprotokoll)</translation>
    </message>
    <message>
        <source>Nothing waits for review. {as_of}</source>
        <translation>Nichts wartet auf Prüfung. {as_of}</translation>
    </message>
    <message>
        <source>Review works only online: the sync server cannot be reached now. Nothing was changed.</source>
        <translation>Die Prüfung geht nur online: der Synchronisierungsserver ist jetzt nicht erreichbar. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Merge into “{session}”?</source>
        <translation>In „{session}“ übernehmen?</translation>
    </message>
    <message>
        <source>Move to a new session?</source>
        <translation>In eine neue Sitzung verschieben?</translation>
    </message>
    <message>
        <source>Discard this event?</source>
        <translation>Dieses Ereignis verwerfen?</translation>
    </message>
    <message>
        <source>{who}&apos;s {what} counts in “{session}” after all.</source>
        <translation>{what} von {who} zählt doch in „{session}“.</translation>
    </message>
    <message>
        <source>{who}&apos;s {what} counts in a new session of the same count, made now.</source>
        <translation>{what} von {who} zählt in einer neuen Sitzung derselben Zählung, die jetzt angelegt wird.</translation>
    </message>
    <message>
        <source>{who}&apos;s {what} is left out of every count. The audit log keeps it.</source>
        <translation>{what} von {who} bleibt aus jeder Zählung heraus. Das Prüfprotokoll behält es.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Why (kept in the audit log)</source>
        <translation>Warum (steht im Prüfprotokoll)</translation>
    </message>
    <message>
        <source>Review of {session}</source>
        <translation>Prüfung von {session}</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Neue Sitzung</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>The new session needs a name. Nothing was changed.</source>
        <translation>Die neue Sitzung braucht einen Namen. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Merged into “{session}”. The counts update with this sync.</source>
        <translation>In „{session}“ übernommen. Die Zählungen aktualisieren sich mit dieser Synchronisierung.</translation>
    </message>
    <message>
        <source>Moved to a new session. The counts update with this sync.</source>
        <translation>In eine neue Sitzung verschoben. Die Zählungen aktualisieren sich mit dieser Synchronisierung.</translation>
    </message>
    <message>
        <source>Discarded. The audit log keeps it.</source>
        <translation>Verworfen. Das Prüfprotokoll behält es.</translation>
    </message>
</context>
<context>
    <name>ScanButton</name>
    <message>
        <source>Start counting</source>
        <translation>Zählung starten</translation>
    </message>
    <message>
        <source>Resume counting</source>
        <translation>Zählung fortsetzen</translation>
    </message>
    <message>
        <source>Scanner ready</source>
        <translation>Scanner bereit</translation>
    </message>
    <message>
        <source>Scans come here, whatever is selected on the screen: scan away.</source>
        <translation>Scans kommen hier an, egal was auf dem Bildschirm ausgewählt ist: Scannen Sie los.</translation>
    </message>
    <message>
        <source>Scans do not come here now (another window or a dialog has the focus): press to scan again.</source>
        <translation>Scans kommen gerade nicht hier an (ein anderes Fenster oder ein Dialog hat den Fokus): Drücken Sie hier, um wieder zu scannen.</translation>
    </message>
    <message>
        <source>Start the session and focus the scanner input ({key}).</source>
        <translation>Sitzung starten und Scannereingabe aktivieren ({key}).</translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message>
        <source>Scan here</source>
        <translation>Hier scannen</translation>
    </message>
    <message>
        <source>Scanner: {error}</source>
        <translation>Scanner: {error}</translation>
    </message>
    <message>
        <source>scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>{device}: {state}</source>
        <translation>{device}: {state}</translation>
    </message>
    <message>
        <source>Scanner {device} disconnected: {message}</source>
        <translation>Scanner {device} getrennt: {message}</translation>
    </message>
    <message>
        <source>{message} It could not be kept in the log: {error}</source>
        <translation>{message} Der Scan konnte nicht im Protokoll festgehalten werden: {error}</translation>
    </message>
    <message numerus="yes">
        <source>%n scans were not recorded: {error}</source>
        <translation>
            <numerusform>Der Scan wurde nicht erfasst: {error}</numerusform>
            <numerusform>%n Scans wurden nicht erfasst: {error}</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused: {code}</source>
        <translation>Zurückgewiesen: {code}</translation>
    </message>
    <message numerus="yes">
        <source>{text} (%n scans recorded)</source>
        <translation>
            <numerusform>{text} (%n Scan erfasst)</numerusform>
            <numerusform>{text} (%n Scans erfasst)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanListModel</name>
    <message>
        <source>Remove this scan</source>
        <translation>Diesen Scan entfernen</translation>
    </message>
    <message>
        <source>Refused: {code}</source>
        <translation>Zurückgewiesen: {code}</translation>
    </message>
    <message>
        <source>Rejected: {reason}</source>
        <translation>Abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>In supervisor review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>hand-counted × {units}</source>
        <translation>handgezählt × {units}</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>getippt</translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation>unbekannte Quelle</translation>
    </message>
    <message>
        <source>Refused at {time} from {source}, not counted</source>
        <translation>Zurückgewiesen um {time} von {source}, nicht gezählt</translation>
    </message>
    <message>
        <source>Scanned data: {data}</source>
        <translation>Gescannte Daten: {data}</translation>
    </message>
    <message>
        <source>Scan #{ordinal} at {time} from {source}</source>
        <translation>Scan Nr. {ordinal} um {time} von {source}</translation>
    </message>
    <message>
        <source>Code: {code}</source>
        <translation>Code: {code}</translation>
    </message>
    <message>
        <source>Product: {name} ({sku})</source>
        <translation>Artikel: {name} ({sku})</translation>
    </message>
    <message>
        <source>In supervisor review, not in any total: the sync server did not apply it ({why}).</source>
        <translation>In Prüfung durch die Schichtleitung, in keiner Summe: Der Sync-Server hat ihn nicht übernommen ({why}).</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <source>Scan {code} was not recorded. {why}</source>
        <translation>Scan {code} wurde nicht erfasst. {why}</translation>
    </message>
    <message>
        <source>{message} It could not be kept in the log: {error}</source>
        <translation>{message} Der Scan konnte nicht im Protokoll festgehalten werden: {error}</translation>
    </message>
    <message>
        <source>a dialog</source>
        <translation>ein Dialog</translation>
    </message>
</context>
<context>
    <name>ScannerSettingsDialog</name>
    <message>
        <source>Scanner settings and test pad</source>
        <translation>Scanner-Einstellungen und Testfeld</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ScannerSettingsPage</name>
    <message>
        <source>Keyboard wedge</source>
        <translation>Tastaturemulation</translation>
    </message>
    <message>
        <source>USB scanner read directly (evdev, Linux)</source>
        <translation>USB-Scanner direkt gelesen (evdev, Linux)</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Serielle Schnittstelle</translation>
    </message>
    <message>
        <source>Read it when the scanner sends one</source>
        <translation>Auswerten, wenn gesendet</translation>
    </message>
    <message>
        <source>Require it (reject codes without)</source>
        <translation>Verlangen (Codes ohne ablehnen)</translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Reject the scan</source>
        <translation>Scan ablehnen</translation>
    </message>
    <message>
        <source>Remove them and read the rest</source>
        <translation>Entfernen und den Rest lesen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Tab ends a code, like Enter</source>
        <translation>Tab beendet einen Code, wie Enter</translation>
    </message>
    <message>
        <source>e.g. ~ when the scanner cannot send GS</source>
        <translation>z. B. ~ (Scanner ohne GS)</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> Zeichen</translation>
    </message>
    <message>
        <source>off (two scans are two units)</source>
        <translation>aus (zwei Scans sind zwei Stück)</translation>
    </message>
    <message>
        <source>Save for this scanner</source>
        <translation>Für diesen Scanner speichern</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriell</translation>
    </message>
    <message>
        <source>Baud</source>
        <translation>Baud</translation>
    </message>
    <message>
        <source>Line end</source>
        <translation>Zeilenende</translation>
    </message>
    <message>
        <source>Scanner or person (key timing)</source>
        <translation>Scanner oder Mensch (Tastentiming)</translation>
    </message>
    <message>
        <source>Typed by hand above a median key gap of</source>
        <translation>Getippt bei Tastenabstand (Median) über</translation>
    </message>
    <message>
        <source>and always below a length of</source>
        <translation>und immer bei weniger Zeichen als</translation>
    </message>
    <message>
        <source>Decoding</source>
        <translation>Dekodierung</translation>
    </message>
    <message>
        <source>Strip prefix</source>
        <translation>Präfix entfernen</translation>
    </message>
    <message>
        <source>Strip suffix</source>
        <translation>Suffix entfernen</translation>
    </message>
    <message>
        <source>GS sent as</source>
        <translation>GS gesendet als</translation>
    </message>
    <message>
        <source>AIM symbology id</source>
        <translation>AIM-Symbologie-ID</translation>
    </message>
    <message>
        <source>Longest code</source>
        <translation>Längster Code</translation>
    </message>
    <message>
        <source>Control characters</source>
        <translation>Steuerzeichen</translation>
    </message>
    <message>
        <source>Bytes are</source>
        <translation>Kodierung der Bytes</translation>
    </message>
    <message>
        <source>Same code again within</source>
        <translation>Gleicher Code erneut innerhalb von</translation>
    </message>
    <message>
        <source>Could not list devices: {error}</source>
        <translation>Geräte konnten nicht aufgelistet werden: {error}</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Saved for {device}.</source>
        <translation>Für {device} gespeichert.</translation>
    </message>
    <message>
        <source>{device} — {description}</source>
        <translation>{device} — {description}</translation>
    </message>
    <message>
        <source>{name} — {path}</source>
        <translation>{name} — {path}</translation>
    </message>
</context>
<context>
    <name>ScannerTestPad</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Scan here (keyboard wedge)</source>
        <translation>Hier scannen (Tastaturemulation)</translation>
    </message>
    <message>
        <source>Test pad scanner input</source>
        <translation>Scannereingabe des Testfelds</translation>
    </message>
    <message>
        <source>Live input (hex; key gaps in ms for keyboard sources)</source>
        <translation>Live-Eingabe (hex; Tastenabstände in ms bei Tastaturquellen)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Keyboard wedge: click the field below and scan.</source>
        <translation>Tastaturemulation: Klicken Sie in das Feld unten und scannen Sie.</translation>
    </message>
    <message>
        <source>(no device chosen)</source>
        <translation>(kein Gerät gewählt)</translation>
    </message>
    <message>
        <source>{kind} scanner {device}: press Start to read it here.</source>
        <translation>{kind}-Scanner {device}: Drücken Sie „Start“, um ihn hier zu lesen.</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <source>Edit session</source>
        <translation>Sitzung bearbeiten</translation>
    </message>
    <message>
        <source>Discard session?</source>
        <translation>Sitzung verwerfen?</translation>
    </message>
    <message numerus="yes">
        <source>“{name}” will be marked as discarded and removed from review. Its %n scanned units will not count. You go back to the counts list.</source>
        <translation>
            <numerusform>Die Sitzung „{name}“ wird als verworfen markiert und aus der Prüfung genommen. %n gescanntes Stück zählt dann nicht. Sie kehren zur Liste der Zählungen zurück.</numerusform>
            <numerusform>Die Sitzung „{name}“ wird als verworfen markiert und aus der Prüfung genommen. %n gescannte Stück zählen dann nicht. Sie kehren zur Liste der Zählungen zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard session</source>
        <translation>Sitzung verwerfen</translation>
    </message>
    <message>
        <source>Show unmatched</source>
        <translation>Unbekannte zeigen</translation>
    </message>
    <message>
        <source>Submit hard count?</source>
        <translation>Vollzählung einreichen?</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Einreichen</translation>
    </message>
    <message>
        <source>I understand: every uncounted item counts as zero</source>
        <translation>Verstanden: Jeder ungezählte Artikel zählt als null</translation>
    </message>
    <message>
        <source>Session submitted. Re-open it to count more.</source>
        <translation>Sitzung eingereicht. Öffnen Sie sie wieder, um weiterzuzählen.</translation>
    </message>
</context>
<context>
    <name>SessionCard</name>
    <message>
        <source>{name} (default)</source>
        <translation>{name} (Standard)</translation>
    </message>
    <message>
        <source>no area</source>
        <translation>kein Bereich</translation>
    </message>
    <message>
        <source>Held by {who}</source>
        <translation>Belegt von {who}</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>{units} · {products}</source>
        <translation>{units} · {products}</translation>
    </message>
    <message numerus="yes">
        <source>%n units</source>
        <translation>
            <numerusform>%n Stück</numerusform>
            <numerusform>%n Stück</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n products</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>View this session (another user or device holds it)</source>
        <translation>Diese Sitzung ansehen (ein anderer Benutzer oder ein anderes Gerät belegt sie)</translation>
    </message>
    <message>
        <source>Work on this session</source>
        <translation>In dieser Sitzung arbeiten</translation>
    </message>
    <message>
        <source>Force release</source>
        <translation>Freigabe erzwingen</translation>
    </message>
    <message>
        <source>Free the session so another user or device can work it (a supervisor enters their PIN)</source>
        <translation>Die Sitzung freigeben, damit ein anderer Benutzer oder ein anderes Gerät daran arbeiten kann (die Schichtleitung gibt ihre PIN ein)</translation>
    </message>
</context>
<context>
    <name>SessionFormDialog</name>
    <message>
        <source>e.g. Backstock left wall</source>
        <translation>z. B. Lager, linke Wand</translation>
    </message>
    <message>
        <source>Choose or type an area</source>
        <translation>Bereich wählen oder eingeben</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>&amp;Bereich</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>SessionHeader</name>
    <message>
        <source>‹ Counts</source>
        <translation>‹ Zählungen</translation>
    </message>
    <message>
        <source>Back to the counts list (Alt+Left); releases this session for others</source>
        <translation>Zurück zur Liste der Zählungen (Alt+Links); gibt diese Sitzung für andere frei</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source> · {kind}</source>
        <translation> · {kind}</translation>
    </message>
    <message>
        <source>{session} · {area}</source>
        <translation>{session} · {area}</translation>
    </message>
    <message>
        <source>· {user}</source>
        <translation>· {user}</translation>
    </message>
    <message>
        <source>Units scanned: {units}
Unique products: {products}</source>
        <translation>Stück gescannt: {units}
Verschiedene Artikel: {products}</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>&amp;Hand-Counted Items</source>
        <translation>&amp;Handgezählte Artikel</translation>
    </message>
    <message>
        <source>Add items that were counted by hand</source>
        <translation>Von Hand gezählte Artikel hinzufügen</translation>
    </message>
    <message>
        <source>Held by {who}. Every action is disabled until the session is released; a supervisor can force-release it from the sessions list.</source>
        <translation>Belegt von {who}. Alle Aktionen sind gesperrt, bis die Sitzung freigegeben ist; die Schichtleitung kann die Freigabe in der Sitzungsliste erzwingen.</translation>
    </message>
    <message>
        <source>Working offline: the session is claimed on this device, and the sync server confirms it at the next sync.</source>
        <translation>Offline: Die Sitzung ist auf diesem Gerät reserviert; der Sync-Server bestätigt das bei der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>Your account cannot count: ask a supervisor, or sign in as a user who counts.</source>
        <translation>Ihr Konto darf nicht zählen: Fragen Sie die Schichtleitung, oder melden Sie sich als Benutzer mit Zählrecht an.</translation>
    </message>
    <message>
        <source>Another user or device holds this session.</source>
        <translation>Ein anderer Benutzer oder ein anderes Gerät belegt diese Sitzung.</translation>
    </message>
    <message>
        <source>Taking this session from the sync server: scanning starts in a moment.</source>
        <translation>Die Sitzung wird vom Sync-Server übernommen: Gleich kann gescannt werden.</translation>
    </message>
    <message>
        <source>Start counting opens {when}. To start earlier, sign in as a manager, a supervisor or an associate allowed to start early.</source>
        <translation>„Zählung starten“ ist ab {when} möglich. Um früher zu starten, melden Sie sich als Inventurleitung, Schichtleitung oder als jemand an, der vorzeitig starten darf.</translation>
    </message>
</context>
<context>
    <name>SessionTabs</name>
    <message>
        <source>&amp;Counted</source>
        <translation>&amp;Gezählt</translation>
    </message>
    <message>
        <source>&amp;Unmatched</source>
        <translation>&amp;Unbekannt</translation>
    </message>
    <message>
        <source>Un&amp;directed</source>
        <translation>&amp;Nicht gelistet</translation>
    </message>
    <message>
        <source>Unc&amp;ounted</source>
        <translation>Unge&amp;zählt</translation>
    </message>
    <message>
        <source>Scans, newest first</source>
        <translation>Scans, neueste zuerst</translation>
    </message>
    <message>
        <source>Sca&amp;ns</source>
        <translation>&amp;Scans</translation>
    </message>
    <message>
        <source>{tab} ({rows})</source>
        <translation>{tab} ({rows})</translation>
    </message>
    <message>
        <source>Sca&amp;ns ({scans}), {left_out} not counted</source>
        <translation>&amp;Scans ({scans}), {left_out} nicht gezählt</translation>
    </message>
    <message>
        <source>{rejected} rejected (unreadable or invalid), {refused} refused (nothing could take them)</source>
        <translation>{rejected} abgelehnt (unlesbar oder ungültig), {refused} zurückgewiesen (nichts konnte sie annehmen)</translation>
    </message>
    <message>
        <source>Sca&amp;ns ({scans}), newest first</source>
        <translation>&amp;Scans ({scans}), neueste zuerst</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>counts</source>
        <translation>zählen</translation>
    </message>
    <message>
        <source>start early</source>
        <translation>vorzeitig starten</translation>
    </message>
    <message>
        <source>release locks</source>
        <translation>Sitzungen freigeben</translation>
    </message>
    <message>
        <source>lab</source>
        <translation>Labor</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the things a user may do</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>no counting permissions</source>
        <translation>keine Zählrechte</translation>
    </message>
    <message>
        <source>Who is counting?</source>
        <translation>Wer zählt?</translation>
    </message>
    <message>
        <source>Pick your name, then enter your PIN. These are the users on this device.</source>
        <translation>Wählen Sie Ihren Namen und geben Sie dann Ihre PIN ein. Dies sind die Benutzer auf diesem Gerät.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Forgot PIN…</source>
        <translation>PIN vergessen…</translation>
    </message>
    <message>
        <source>A supervisor enters their PIN, then you choose a new one</source>
        <translation>Die Schichtleitung gibt ihre PIN ein, dann wählen Sie eine neue</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>There are no users on this device yet. Start ScanApp with --demo to try it, or sync with the server to get your store&apos;s users.</source>
        <translation>Auf diesem Gerät gibt es noch keine Benutzer. Starten Sie ScanApp zum Ausprobieren mit --demo, oder synchronisieren Sie mit dem Server, um die Benutzer Ihrer Filiale zu erhalten.</translation>
    </message>
    <message>
        <source>Sign in as {name}</source>
        <translation>Als {name} anmelden</translation>
    </message>
    <message>
        <source>Choose PIN and sign in</source>
        <translation>PIN wählen und anmelden</translation>
    </message>
    <message>
        <source>Reset {name}&apos;s PIN?</source>
        <translation>PIN von {name} zurücksetzen?</translation>
    </message>
    <message>
        <source>A supervisor enters their own PIN. Then {name} chooses a new PIN here: once this device syncs, it is their PIN on every device.</source>
        <translation>Die Schichtleitung gibt ihre eigene PIN ein. Dann wählt {name} hier eine neue PIN: Sobald dieses Gerät synchronisiert, gilt sie auf jedem Gerät.</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>PIN zurücksetzen</translation>
    </message>
</context>
<context>
    <name>StartSessionDialog</name>
    <message>
        <source>Location</source>
        <translation>Lagerort</translation>
    </message>
    <message>
        <source>Ingredient</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Start Inventory Reconciliation Session</source>
        <translation>Inventurabgleich-Sitzung starten</translation>
    </message>
    <message>
        <source>A descriptive name, e.g. Freezers, week 12</source>
        <translation>Ein aussagekräftiger Name, z. B. Gefrierschränke, KW 12</translation>
    </message>
    <message>
        <source>Create a listing config…</source>
        <translation>Listenkonfiguration anlegen…</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Lab</source>
        <translation>&amp;Labor</translation>
    </message>
    <message>
        <source>Listing &amp;Config</source>
        <translation>Listen&amp;konfiguration</translation>
    </message>
    <message>
        <source>&amp;Start session</source>
        <translation>&amp;Sitzung starten</translation>
    </message>
    <message>
        <source>The new listing config&apos;s name</source>
        <translation>Name der neuen Listenkonfiguration</translation>
    </message>
    <message>
        <source>Filters: tick the values an item may have (none ticked: any value).</source>
        <translation>Filter: Haken Sie die Werte an, die ein Artikel haben darf (keiner angehakt: jeder Wert).</translation>
    </message>
    <message>
        <source>New listing config</source>
        <translation>Neue Listenkonfiguration</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>There is no lab inventory on this device yet.</source>
        <translation>Auf diesem Gerät gibt es noch keinen Laborbestand.</translation>
    </message>
    <message numerus="yes">
        <source>%n inventory item(s) in scope: the session will expect them.</source>
        <translation>
            <numerusform>%n Bestandsartikel im Umfang: Die Sitzung wird ihn erwarten.</numerusform>
            <numerusform>%n Bestandsartikel im Umfang: Die Sitzung wird sie erwarten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the session a name.</source>
        <translation>Geben Sie der Sitzung einen Namen.</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source>UPC-E read as another code: its UPC-A form</source>
        <translation>UPC-E als anderer Code gelesen: seine UPC-A-Form</translation>
    </message>
    <message>
        <source>UPC-A scanned, catalog has the UPC-E form</source>
        <translation>UPC-A gescannt, der Katalog hat die UPC-E-Form</translation>
    </message>
    <message>
        <source>scanner left out the check digit</source>
        <translation>Scanner hat die Prüfziffer weggelassen</translation>
    </message>
    <message>
        <source>leading zero missing</source>
        <translation>führende Null fehlt</translation>
    </message>
    <message>
        <source>same item, packaging level {indicator}</source>
        <translation>gleicher Artikel, Verpackungsebene {indicator}</translation>
    </message>
    <message>
        <source>two digits swapped ({right} read as {scanned})</source>
        <translation>zwei Ziffern vertauscht ({right} als {scanned} gelesen)</translation>
    </message>
    <message>
        <source>one digit misread ({right} read as {scanned})</source>
        <translation>eine Ziffer falsch gelesen ({right} als {scanned})</translation>
    </message>
    <message>
        <source>has this code</source>
        <translation>hat diesen Code</translation>
    </message>
    <message>
        <source>matches the search</source>
        <translation>passt zur Suche</translation>
    </message>
    <message>
        <source>{reason}, on the list</source>
        <translation>{reason}, auf der Liste</translation>
    </message>
</context>
<context>
    <name>SupervisorDevices</name>
    <message>
        <source>{sign}{n} s</source>
        <translation>{sign}{n} s</translation>
    </message>
    <message>
        <source>{sign}{m} min {s} s</source>
        <translation>{sign}{m} min {s} s</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Stale: check this device</source>
        <translation>Veraltet: Gerät prüfen</translation>
    </message>
    <message>
        <source>Has unsynced events</source>
        <translation>Hat nicht synchronisierte Ereignisse</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>SupervisorPrompt</name>
    <message>
        <source>Supervisor</source>
        <translation>Schichtleitung</translation>
    </message>
    <message>
        <source>No user on this device may do this. A supervisor must sync first.</source>
        <translation>Kein Benutzer auf diesem Gerät darf das. Die Schichtleitung muss zuerst synchronisieren.</translation>
    </message>
</context>
<context>
    <name>SupervisorReview</name>
    <message>
        <source>Fenced: the lease was lost</source>
        <translation>Gesperrt: die Sitzungssperre ging verloren</translation>
    </message>
    <message>
        <source>Refused by a rule</source>
        <translation>Von einer Regel abgelehnt</translation>
    </message>
    <message>
        <source>Sent under another sign-in</source>
        <translation>Unter einer anderen Anmeldung gesendet</translation>
    </message>
    <message>
        <source>Proposed catalog change</source>
        <translation>Vorgeschlagene Katalogänderung</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Rejected scan</source>
        <translation>Abgelehnter Scan</translation>
    </message>
    <message>
        <source>Hand count</source>
        <translation>Handzählung</translation>
    </message>
    <message>
        <source>Scan removed</source>
        <translation>Scan entfernt</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>New alias</source>
        <translation>Neuer Alias</translation>
    </message>
    <message>
        <source>PIN chosen</source>
        <translation>PIN gewählt</translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation>PIN zurückgesetzt</translation>
    </message>
</context>
<context>
    <name>SupervisorStation</name>
    <message>
        <source>No sync server is set on this device.</source>
        <translation>Auf diesem Gerät ist kein Synchronisierungsserver eingestellt.</translation>
    </message>
    <message>
        <source>The sync server cannot be reached.</source>
        <translation>Der Synchronisierungsserver ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>You are not signed in to the sync server on this device: tap the sync state and enter your PIN.</source>
        <translation>Sie sind auf diesem Gerät nicht am Synchronisierungsserver angemeldet: tippen Sie auf den Synchronisierungsstatus und geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
        <source>The sync server refused: this needs a supervisor&apos;s rights there.</source>
        <translation>Der Synchronisierungsserver lehnt ab: dafür braucht es dort die Rechte der Schichtleitung.</translation>
    </message>
    <message>
        <source>The sync server refused: {detail}</source>
        <translation>Der Synchronisierungsserver lehnt ab: {detail}</translation>
    </message>
    <message>
        <source>As of {time} (from the sync server)</source>
        <translation>Stand {time} (vom Synchronisierungsserver)</translation>
    </message>
    <message>
        <source>Nothing read from the sync server yet. {why}</source>
        <translation>Noch nichts vom Synchronisierungsserver gelesen. {why}</translation>
    </message>
    <message>
        <source>As of {time}, the last list read. {why}</source>
        <translation>Stand {time}, die zuletzt gelesene Liste. {why}</translation>
    </message>
    <message>
        <source>{why} This works only online: nothing was changed. Try again once the device is back online.</source>
        <translation>{why} Das geht nur online: nichts wurde geändert. Versuchen Sie es erneut, sobald das Gerät wieder online ist.</translation>
    </message>
    <message>
        <source>{why} Nothing was changed.</source>
        <translation>{why} Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>That did not work: {error}</source>
        <translation>Das hat nicht geklappt: {error}</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Prüfliste</translation>
    </message>
    <message>
        <source>Supervisor station</source>
        <translation>Schichtleitung</translation>
    </message>
    <message>
        <source>← &amp;Back</source>
        <translation>← &amp;Zurück</translation>
    </message>
    <message>
        <source>Back to the counts list</source>
        <translation>Zurück zur Zählungsliste</translation>
    </message>
    <message>
        <source>Asking the sync server…</source>
        <translation>Synchronisierungsserver wird gefragt …</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Abweichung</translation>
    </message>
</context>
<context>
    <name>SupervisorTab</name>
    <message>
        <source>Count</source>
        <translation>Zählung</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>The count shown</source>
        <translation>Die gezeigte Zählung</translation>
    </message>
    <message>
        <source>Reading the count…</source>
        <translation>Die Zählung wird gelesen…</translation>
    </message>
    <message>
        <source>{name} ({state})</source>
        <translation>{name} ({state})</translation>
    </message>
</context>
<context>
    <name>SyncHeader</name>
    <message>
        <source>Sync state: tap to sync now</source>
        <translation>Sync-Status: Tippen, um jetzt zu synchronisieren</translation>
    </message>
    <message>
        <source>Ser&amp;ver…</source>
        <translation>Ser&amp;ver…</translation>
    </message>
    <message>
        <source>The sync server this device sends its counts to (a supervisor&apos;s PIN)</source>
        <translation>Der Sync-Server, an den dieses Gerät seine Zählungen sendet (PIN der Schichtleitung)</translation>
    </message>
    <message>
        <source>End shif&amp;t</source>
        <translation>Schich&amp;t beenden</translation>
    </message>
    <message>
        <source>Sync everything, say what is left, then sign out</source>
        <translation>Alles synchronisieren, sagen, was übrig ist, dann abmelden</translation>
    </message>
    <message numerus="yes">
        <source>%n changes not synced</source>
        <translation>
            <numerusform>%n Änderung nicht synchronisiert</numerusform>
            <numerusform>%n Änderungen nicht synchronisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in supervisor review</source>
        <translation>
            <numerusform>%n in Prüfung</numerusform>
            <numerusform>%n in Prüfung</numerusform>
        </translation>
    </message>
    <message>
        <source>last synced {when}</source>
        <translation>zuletzt synchronisiert {when}</translation>
    </message>
    <message>
        <source>tried {when}</source>
        <translation>versucht {when}</translation>
    </message>
    <message>
        <source>Sync off: no server set</source>
        <translation>Sync aus: kein Server eingestellt</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Synced {when}</source>
        <translation>Synchronisiert {when}</translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached</source>
        <translation>Offline: Der Server ist nicht erreichbar</translation>
    </message>
    <message>
        <source>Sync error: the server asks for a sign-in. Tap here, then enter your PIN</source>
        <translation>Sync-Fehler: Der Server verlangt eine Anmeldung. Hier tippen, dann Ihre PIN eingeben</translation>
    </message>
    <message>
        <source>Sync error: {reason}</source>
        <translation>Sync-Fehler: {reason}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Server: {server}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Last successful sync: {when}</source>
        <translation>Letzte erfolgreiche Synchronisierung: {when}</translation>
    </message>
    <message>
        <source>Last attempt: {when}</source>
        <translation>Letzter Versuch: {when}</translation>
    </message>
    <message>
        <source>Tap to sync now.</source>
        <translation>Tippen, um jetzt zu synchronisieren.</translation>
    </message>
</context>
<context>
    <name>SyncServerDialog</name>
    <message>
        <source>Sync server</source>
        <translation>Sync-Server</translation>
    </message>
    <message>
        <source>The address of the store&apos;s sync server, such as http://192.168.1.20:8765. Leave it empty to stop syncing: everything stays on this device.</source>
        <translation>Die Adresse des Sync-Servers der Filiale, etwa http://192.168.1.20:8765. Leer lassen, um nicht mehr zu synchronisieren: Dann bleibt alles auf diesem Gerät.</translation>
    </message>
    <message>
        <source>http://host:port</source>
        <translation>http://host:port</translation>
    </message>
    <message>
        <source>Sync server address</source>
        <translation>Adresse des Sync-Servers</translation>
    </message>
    <message>
        <source>ScanApp was started with --server {url}: that address is used until it is started without it.</source>
        <translation>ScanApp wurde mit --server {url} gestartet: Diese Adresse gilt, bis ScanApp ohne sie gestartet wird.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>TestPadModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Key gaps min/median/max ms</source>
        <translation>Tastenabstände min/Median/max ms</translation>
    </message>
    <message>
        <source>Symbology</source>
        <translation>Symbologie</translation>
    </message>
    <message>
        <source>GS</source>
        <translation>GS</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>Getippt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>getippt</translation>
    </message>
    <message>
        <source>scanned</source>
        <translation>gescannt</translation>
    </message>
</context>
<context>
    <name>ThresholdDialog</name>
    <message>
        <source>Variance threshold</source>
        <translation>Abweichungsschwelle</translation>
    </message>
    <message>
        <source>Items past it wait in Pending approval (this device&apos;s default: {default}). A supervisor&apos;s PIN changes it for this count.</source>
        <translation>Artikel darüber warten in „Freigabe ausstehend“ (Voreinstellung dieses Geräts: {default}). Die PIN der Schichtleitung ändert sie für diese Zählung.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Threshold in</source>
        <translation>Schwelle in</translation>
    </message>
    <message>
        <source>Percent of expected</source>
        <translation>Prozent vom Bestand</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Also this device&apos;s default</source>
        <translation>Auch als Voreinstellung dieses Geräts</translation>
    </message>
    <message>
        <source>For counts without a threshold of their own</source>
        <translation>Für Zählungen ohne eigene Schwelle</translation>
    </message>
</context>
<context>
    <name>UnmatchedModel</name>
    <message>
        <source>Match…</source>
        <translation>Zuordnen…</translation>
    </message>
    <message>
        <source>Match every scan of this code to a product (Alt+M)</source>
        <translation>Jeden Scan dieses Codes einem Artikel zuordnen (Alt+M)</translation>
    </message>
    <message>
        <source>{code} · {scans}</source>
        <translation>{code} · {scans}</translation>
    </message>
    <message numerus="yes">
        <source>%n scans</source>
        <translation>
            <numerusform>%n Scan</numerusform>
            <numerusform>%n Scans</numerusform>
        </translation>
    </message>
    <message>
        <source>{time}, {ago}</source>
        <translation>{time}, {ago}</translation>
    </message>
    <message>
        <source>between {before} and {after}</source>
        <translation>zwischen {before} und {after}</translation>
    </message>
    <message>
        <source>after {before}, nothing matched since</source>
        <translation>nach {before}, seitdem nichts erkannt</translation>
    </message>
    <message>
        <source>before {after}, the first matched scan</source>
        <translation>vor {after}, dem ersten erkannten Scan</translation>
    </message>
    <message>
        <source>no matched scan around it</source>
        <translation>kein erkannter Scan in der Nähe</translation>
    </message>
    <message>
        <source>{when}, {where}</source>
        <translation>{when}, {where}</translation>
    </message>
    <message numerus="yes">
        <source>…and %n earlier scans (all in Match)</source>
        <translation>
            <numerusform>…und %n früherer Scan (alle in „Zuordnen“)</numerusform>
            <numerusform>…und %n frühere Scans (alle in „Zuordnen“)</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation>unbekannte Quelle</translation>
    </message>
    <message>
        <source>Scanned data: {data} (from {source})</source>
        <translation>Gescannte Daten: {data} (von {source})</translation>
    </message>
</context>
<context>
    <name>Variance</name>
    <message>
        <source>(recount)</source>
        <translation>(Nachzählung)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>Nicht gezählt</translation>
    </message>
    <message>
        <source>No stock record</source>
        <translation>Kein Bestand erfasst</translation>
    </message>
    <message>
        <source>Within threshold</source>
        <translation>Innerhalb der Schwelle</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>Freigabe ausstehend</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Forced</source>
        <translation>Erzwungen</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>nicht gezählt</translation>
    </message>
    <message>
        <source>counted 0</source>
        <translation>0 gezählt</translation>
    </message>
    <message>
        <source>not listed</source>
        <translation>nicht gelistet</translation>
    </message>
</context>
<context>
    <name>VarianceTab</name>
    <message>
        <source>Show items</source>
        <translation>Artikel zeigen</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>Freigabe ausstehend</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Alle Artikel</translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>Nicht gezählt</translation>
    </message>
    <message>
        <source>Needs recount (not counted, pending, rejected)</source>
        <translation>Zum Nachzählen (nicht gezählt, ausstehend, abgelehnt)</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Approved or forced</source>
        <translation>Freigegeben oder erzwungen</translation>
    </message>
    <message>
        <source>Within threshold</source>
        <translation>Innerhalb der Schwelle</translation>
    </message>
    <message>
        <source>No stock record</source>
        <translation>Kein Bestand erfasst</translation>
    </message>
    <message>
        <source>T&amp;hreshold…</source>
        <translation>&amp;Schwelle…</translation>
    </message>
    <message>
        <source>Attributi&amp;on</source>
        <translation>Zu&amp;ordnung</translation>
    </message>
    <message>
        <source>T&amp;hreshold: {t}…</source>
        <translation>&amp;Schwelle: {t}…</translation>
    </message>
    <message>
        <source>Change this count&apos;s variance threshold (supervisor PIN)</source>
        <translation>Die Abweichungsschwelle dieser Zählung ändern (PIN der Schichtleitung)</translation>
    </message>
    <message>
        <source>Which items the table shows</source>
        <translation>Welche Artikel die Tabelle zeigt</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Freigeben…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>A&amp;blehnen…</translation>
    </message>
    <message>
        <source>&amp;Force…</source>
        <translation>&amp;Erzwingen…</translation>
    </message>
    <message>
        <source>Re&amp;count…</source>
        <translation>&amp;Nachzählung…</translation>
    </message>
    <message>
        <source>A recount session for the selected items, else every item not counted, pending or rejected</source>
        <translation>Eine Nachzählungssitzung für die gewählten Artikel, sonst für jeden nicht gezählten, ausstehenden oder abgelehnten</translation>
    </message>
    <message>
        <source>The variance put down to each session, area or counter</source>
        <translation>Die Abweichung je Sitzung, Bereich oder zählender Person</translation>
    </message>
    <message>
        <source>Attribution by</source>
        <translation>Zuordnung nach</translation>
    </message>
    <message>
        <source>by session</source>
        <translation>nach Sitzung</translation>
    </message>
    <message>
        <source>by area</source>
        <translation>nach Bereich</translation>
    </message>
    <message>
        <source>by counter</source>
        <translation>nach zählender Person</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Zuordnung</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} ({sku}): expected {expected}, {counted}, variance {variance} ({percent}).</source>
        <translation>{name} ({sku}): Bestand {expected}, {counted}, Abweichung {variance} ({percent}).</translation>
    </message>
    <message>
        <source>counted {n}</source>
        <translation>{n} gezählt</translation>
    </message>
    <message numerus="yes">
        <source>%n selected items.</source>
        <translation>
            <numerusform>%n gewählter Artikel.</numerusform>
            <numerusform>%n gewählte Artikel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{what}: %n items, by {who}.</source>
        <translation>
            <numerusform>{what}: %n Artikel, durch {who}.</numerusform>
            <numerusform>{what}: %n Artikel, durch {who}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Threshold set to {t}: items past it wait for approval.</source>
        <translation>Schwelle auf {t} gesetzt: Artikel darüber warten auf Freigabe.</translation>
    </message>
    <message>
        <source>Nothing to recount: every item is counted and none waits or was rejected.</source>
        <translation>Nichts nachzuzählen: Jeder Artikel ist gezählt, keiner wartet oder wurde abgelehnt.</translation>
    </message>
    <message>
        <source>Recount {n}</source>
        <translation>Nachzählung {n}</translation>
    </message>
    <message numerus="yes">
        <source>Recount session “{name}” ({area}) created for %n items. It is on the counts list under “{count}”: open it there to count; its Uncounted tab lists exactly these items.</source>
        <translation>
            <numerusform>Nachzählungssitzung „{name}“ ({area}) für %n Artikel angelegt. Sie steht in der Zählungsliste unter „{count}“: Öffnen Sie sie dort zum Zählen; ihr Reiter Ungezählt listet genau diesen Artikel.</numerusform>
            <numerusform>Nachzählungssitzung „{name}“ ({area}) für %n Artikel angelegt. Sie steht in der Zählungsliste unter „{count}“: Öffnen Sie sie dort zum Zählen; ihr Reiter Ungezählt listet genau diese Artikel.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowSync</name>
    <message>
        <source>Sync is off (no server is set): everything stays on this device.</source>
        <translation>Sync ist aus (kein Server eingestellt): Alles bleibt auf diesem Gerät.</translation>
    </message>
    <message>
        <source>Change the sync server?</source>
        <translation>Sync-Server ändern?</translation>
    </message>
    <message>
        <source>A supervisor enters their PIN to change where this device sends its counts.</source>
        <translation>Die Schichtleitung gibt ihre PIN ein, um zu ändern, wohin dieses Gerät seine Zählungen sendet.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
</TS>
