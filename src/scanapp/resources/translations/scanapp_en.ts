<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActionRow</name>
    <message>
        <source>Scan here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the session&apos;s name and area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Re-open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session discarded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActiveSessionBanner</name>
    <message>
        <source>Active Inventory Reconciliation Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventory Reconciliation in Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} · {lab} · {config} · started by {who} at {when} · found {found} of {expected}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>ScanApp cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AsOfLabel</name>
    <message>
        <source>As of {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this device had at its last successful sync ({when}), and its own counts since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync server is set: this shows this device&apos;s own counts only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device has never synced: this shows its own counts only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarcodeTrackingPage</name>
    <message>
        <source>Barcode Tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s cycle counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a location, then items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;all found here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move every item found here that the inventory records elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear this list; the session keeps every scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation sessions: start, end, past ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unknown codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here: {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unknown codes ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans since Clear All ({n}), newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list is cleared. The session keeps every scan: see Inventory Reconciliation in Progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Moved %n item(s) here to {place}.</source>
        <translation>
            <numerusform>Moved %n item here to {place}.</numerusform>
            <numerusform>Moved %n items here to {place}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found here is recorded elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item} moved to {place}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item} split: the new part has its own label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item}: quantity set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item} archived.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidateModel</name>
    <message>
        <source>{name} ({sku}), code {code}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptureBanner</name>
    <message>
        <source>ScanApp is not the active window: the scanner now types into the other program. Tap ScanApp to scan here again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingredient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absolute variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accurate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountCard</name>
    <message>
        <source>{kind} · planned {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sessions} · {units}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n units scanned</source>
        <translation>
            <numerusform>%n unit scanned</numerusform>
            <numerusform>%n units scanned</numerusform>
        </translation>
    </message>
    <message>
        <source>Start counting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens {when}. Your account cannot start a count early: ask a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountsPage</name>
    <message>
        <source>Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;canner…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner settings and test pad: source, device, timing, decoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account cannot open the counts list. Ask a supervisor for counting rights, or sign out and sign in as a user who has them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Barcode Tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lab&apos;s inventory reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Super&amp;visor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor station: devices, review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No counts on this device yet: a supervisor creates them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions · {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session created. Open it to start counting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force-release session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is {holder}. Releasing it lets another user or device work on it. Scans made under the old lock on a device that was offline are kept for a supervisor to review, never lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner settings saved ({device}); they apply from the next session opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When ScanApp locks itself: minutes without a touch (supervisor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>ScanApp now locks after %n minutes without a touch.</source>
        <translation>
            <numerusform>ScanApp now locks after %n minute without a touch.</numerusform>
            <numerusform>ScanApp now locks after %n minutes without a touch.</numerusform>
        </translation>
    </message>
    <message>
        <source>ScanApp no longer locks by itself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>ScanApp problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ScanApp hit a bug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside ScanApp. Every scan shown as accepted is saved. The details below are in the log; please pass them on to support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject for recount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: why (e.g. damaged stock found in backstock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason first, then your PIN again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicesTab</name>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync this device now, then read every device&apos;s state again (each handheld syncs on its own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session to release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Force release…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the selected device&apos;s hold on the session (supervisor PIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held session:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync is off (no server is set): everything stays on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing this device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device is synced. The list shows every device now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device did not sync: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force release works only online: the sync server cannot be reached now. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force release “{session}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{device} holds this session. Released, it becomes read-only there; anything it scanned since goes to the review queue, nothing is lost. A supervisor enters their PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{session}” was released. It can be opened on any device now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Search products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndSessionDialog</name>
    <message>
        <source>End Reconciliation Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End Reconciliation Session: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the items are now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve &amp;selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve all &amp;unresolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End Reconciliation Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{not_found} of {expected} expected items were not found; {left} still need a resolution. Found: {found}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live re-check of “{config}”: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scope is as it was at the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{added} item(s) match now that were not in the scope ({added_list}); {removed} in the scope no longer match ({removed_list}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndShiftDialog</name>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close ScanApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out without waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Syncing with the server: %n changes still to send…</source>
        <translation>
            <numerusform>Syncing with the server: %n change still to send…</numerusform>
            <numerusform>Syncing with the server: %n changes still to send…</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing with the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> %n scans wait for a supervisor&apos;s review.</source>
        <translation>
            <numerusform> %n scan waits for a supervisor&apos;s review.</numerusform>
            <numerusform> %n scans wait for a supervisor&apos;s review.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything is synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not take them yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n changes are not synced. They stay on this device and go up at the next sync.</source>
        <translation>
            <numerusform>%n change is not synced. It stays on this device and goes up at the next sync.</numerusform>
            <numerusform>%n changes are not synced. They stay on this device and go up at the next sync.</numerusform>
        </translation>
    </message>
    <message>
        <source>{left} Why: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresTab</name>
    <message>
        <source>Figures per</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No count yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion {completion} ({counted} of {listed} listed) · accuracy {accuracy} · {units} units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the latest scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} on device {device}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n scans ago</source>
        <translation>
            <numerusform>%n scan ago</numerusform>
            <numerusform>%n scans ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Directed count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undirected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncounted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In supervisor review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quarantined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>a QDate format: weekday, day, month</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandCountModel</name>
    <message>
        <source>One less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this item</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandCountedDialog</name>
    <message>
        <source>Hand-Counted Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by SKU or parent product name and press Enter to add. Only items on this count&apos;s directed list can be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by SKU or parent product name and press Enter to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU or parent product name, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n matches: Enter adds the highlighted one.</source>
        <translation>
            <numerusform>%n match: Enter adds the highlighted one.</numerusform>
            <numerusform>%n matches: Enter adds the highlighted one.</numerusform>
        </translation>
    </message>
    <message>
        <source>No product on this count&apos;s directed list matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {name} ({sku}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{items}, {units}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n units</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleLockDialog</name>
    <message>
        <source>Lock when idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ScanApp locks after this many minutes without a touch, click or key, and asks for the PIN of whoever is signed in. 0 never locks. A supervisor enters their own PIN to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes before ScanApp locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <source>Scan an item to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spli&amp;t…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;et…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archi&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the item goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (scan or pick):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New label: scan it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is an item label, not a location: scan the label of the place {item} goes, pick it, or Cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{barcode} · {ingredient}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;here ({place})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a quantity: type a number, e.g. 2.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a number, e.g. 2.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lab} · {location} · {quantity} {unit} · {status}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemHistoryDialog</name>
    <message>
        <source>Inventory history: {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventory history of {item} · {ingredient}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was done to this item yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>{name} ({sku}): {units} scanned, expected {expected}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counted 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({sku}): counted as 0 (none there), expected {expected}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabMenus</name>
    <message>
        <source>Start Inventory Reconciliation Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End Reconciliation Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View Past Inventory Reconciliation Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session started: scan a location label, then the items there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only {who}, who started this session, can end it. You can keep scanning in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session has ended. It is kept under View Past Inventory Reconciliation Sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive {item}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item} ({ingredient}) will be archived, linked to this session and written to its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabScanController</name>
    <message>
        <source>Scanner: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner disconnected: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan was not recorded: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabScanModel</name>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} · unknown code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found at {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan #{ordinal} at {time}: {data}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{barcode}: {ingredient}, {quantity} {unit}, {status}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabTags</name>
    <message>
        <source>In Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong location</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabViews</name>
    <message>
        <source>View all inventory not scanned from original listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View all inventory scanned not in original listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View all inventory in original listing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Starting ScanApp…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineActions</name>
    <message>
        <source>This scan waits for a supervisor&apos;s review and counts in no total: the supervisor decides it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove scan?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the scan of {what} (#{ordinal})? Every total adjusts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan removed; the totals are adjusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Matched to {name}: %n scans moved to {category}.</source>
        <translation>
            <numerusform>Matched to {name}: %n scan moved to {category}.</numerusform>
            <numerusform>Matched to {name}: %n scans moved to {category}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n hand-counted units.</source>
        <translation>
            <numerusform>Added %n hand-counted unit.</numerusform>
            <numerusform>Added %n hand-counted units.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingModel</name>
    <message>
        <source>not scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>place not scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unresolved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListingViewDialog</name>
    <message numerus="yes">
        <source>{session} · listing config {config} · %n item(s)</source>
        <translation>
            <numerusform>{session} · listing config {config} · %n item</numerusform>
            <numerusform>{session} · listing config {config} · %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>ScanApp is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans are not taken while the app is locked; everything scanned before is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is signed in. Enter the PIN to carry on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Session “{name}” was discarded and removed from review.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchProductDialog</name>
    <message>
        <source>Match Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{code} matches no product: %n scans, all matched by one Save.</source>
        <translation>
            <numerusform>{code} matches no product: %n scan.</numerusform>
            <numerusform>{code} matches no product: %n scans, all matched by one Save.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n earlier scans</source>
        <translation>
            <numerusform>…and %n earlier scan</numerusform>
            <numerusform>…and %n earlier scans</numerusform>
        </translation>
    </message>
    <message>
        <source>Code, SKU or product name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also add this code as an alias of the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later scans of this code will match the product on every device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n possible products. Pick one and Save.</source>
        <translation>
            <numerusform>%n possible product. Pick one and Save.</numerusform>
            <numerusform>%n possible products. Pick one and Save.</numerusform>
        </translation>
    </message>
    <message>
        <source>No product found. Search by SKU, product name or another code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Your account may not {action}: ask a supervisor, or sign in as a user who may.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot {action}: {user} on device {device} is working on this session. Ask a supervisor to release it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot {action}: the session is not started. Press Start counting first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot {action}: the session is already in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot {action}: the session is submitted. Re-open it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot {action}: the session is not submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot {action}: the session is discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start counting opens at {when}. Before then only a manager, a supervisor or an associate allowed to start early can start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only {user}, who started this session, can end it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session was already ended at {at} (on another station, or here before): there is nothing left to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A count needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A hard count has no directed list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit is blocked: match or remove the unmatched items first (see the Unmatched tab; {count} left).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a hard count: every product not scanned in it will be recorded as zero on hand. Confirm to submit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session is not on this device ({id}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This count is not on this device ({id}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user {id} on this device: a supervisor must sync first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That scan is not in this session any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That scan belongs to another session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This scan was already removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This scan was removed; there is nothing to match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only unmatched items can be matched to a product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no unmatched scan to match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product with SKU {sku}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity of {sku} cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quantity of {units} is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sku} is not on this count&apos;s directed list; hand-counted items can only be added for listed products.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is being worked by {user} on device {device}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lease was lost: it expired or was released by a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the holder can release the lease.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN needs at least {length} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN or password has at most {length} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user already has a PIN: a supervisor can reset it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A refused scan was never counted: there is nothing to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejecting or forcing a variance needs a reason: say why, for the audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item} is neither on this count&apos;s list nor counted in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item} is not counted yet: there is no variance to decide. Recount it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A variance threshold is a number of 0 or more (units or percent); got {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the items to recount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is a lab reconciliation: variances, thresholds and recounts are for counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start a reconciliation session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>work on a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start counting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discard the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submit the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-open the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>force-release another user&apos;s session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reset another user&apos;s PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change when ScanApp locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approve, reject or force a variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change a count&apos;s variance threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a recount session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review fenced and refused scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session is open here: open a session to scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not count: sign in as a user who counts to scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another user or device holds this session: scan in a session of your own, or ask a supervisor to release this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session is not started: press Start counting, then scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session is submitted: Re-open session to scan more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session is discarded: open another session to scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session cannot be counted here: go back to the counts list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans are not taken while “{title}” is open: close it, then scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ScanApp is locked: enter your PIN, then scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Barcode Tracking page is not shown: open it to scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not reconcile lab inventory: sign in as a lab user to scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reconciliation session is active: ⚙ → Start Inventory Reconciliation Session, then scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This reconciliation session has ended: start a new one (⚙) to scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device lost the session: {title}. It is read-only here: go back to the counts list. Anything scanned here after the loss waits for a supervisor&apos;s review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session is being taken from the sync server: scan again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no session open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this user may not count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held by another user or device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not countable here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}” was open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ScanApp was locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode Tracking not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this user may not reconcile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reconciliation session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconciliation ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this device lost the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the session was being taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} looks like a location label but does not say LOC:lab:place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a resolution; choose one of: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item} is archived: an archived item cannot be moved, split or set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item} belongs to {item_lab}, not {lab}: do it in a session of {item_lab}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is the label of the location {place} ({lab}), not an item label: scan the new item&apos;s own label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A listing config needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot filter on {unknown}; filters: {known}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A listing config shows at least one column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reconciliation session needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the lab where the reconciliation takes place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is a place in {place_lab}; this session reconciles {lab}. Scan a location of {lab}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note is at most {most} characters; this one has {length}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is not an unknown code of this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the items to resolve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{items}: not in this session&apos;s listing; only expected items are resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{items}: found in this session; only items nobody found are resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved elsewhere: say where the items are now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a reconciliation session is ended; counts are submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 expected item not found yet without a resolution: resolve it (still missing, archived, moved elsewhere, not applicable) before ending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{left} expected items not found yet without a resolution: resolve each (still missing, archived, moved elsewhere, not applicable) before ending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is a count&apos;s session, not a reconciliation session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say where the item goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{place} is a location label: pick or scan the place itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item} is recorded at {place} already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quantity cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item} is already archived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split off more than 0 and less than {most} ({item} has {most}); got {quantity}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode {barcode} is empty or already in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No inventory item {barcode}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventory actions belong to a reconciliation session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched: {code} matches no product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here: {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Scope: {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Scope: {item} (scan a location label to record where items are)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong location: {item} is recorded at {recorded}, found at {found}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in Scope: {item} belongs to {item_lab}, not {lab}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in Scope: {item} is archived in the inventory, yet it is here: check it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in Scope: {item} is not in this session&apos;s listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in Scope: {code} matches no inventory item; it is kept (add a note under Unknown codes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too long: {length} characters (at most {most})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete symbology identifier {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable symbology identifier {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable data: invalid byte sequence at position {position}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable data: control character {char} at position {position}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTIN must be digits only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTIN must have 8, 12, 13 or 14 digits, not {length}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} (as EAN-8), and not a UPC-E either: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad check digit: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid UPC-E: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid GS1 element string: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid GS1 Digital Link: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid web address: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid {what}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown EAN/UPC symbology identifier {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id} says ITF-14: 14 digits, but the data is {length} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id} says {claim}, but the data has other characters than digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id} says {claim}, but the data has {length} digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id} says {claim}, but the data has {length}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({ai}) appears twice with different values: {first} and {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({ai}) {what}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved from {old} to {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity set from {old} to {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archived (was {old})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split {quantity} off into {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split from {old}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved as {resolution}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved as {resolution}, to {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved as {resolution}: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved as {resolution}, to {place}: {note}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note on {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} matches no inventory item. It is kept; a note says what it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. supplier sticker on a new box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PadRow</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTIN-14 {gtin} ({format})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PastSessionsDialog</name>
    <message>
        <source>View Past Inventory Reconciliation Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past Inventory Reconciliation Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reconciliation session has ended yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save {format}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} · read-only · found {found} of {expected}, {unknown} unknown code(s), {scans} scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinEntry</name>
    <message numerus="yes">
        <source>Too many wrong tries: wait %n seconds, then try again.</source>
        <translation>
            <numerusform>Too many wrong tries: wait %n second, then try again.</numerusform>
            <numerusform>Too many wrong tries: wait %n seconds, then try again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries: wait %n minutes, then try again.</source>
        <translation>
            <numerusform>Too many wrong tries: wait %n minute, then try again.</numerusform>
            <numerusform>Too many wrong tries: wait %n minutes, then try again.</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}&apos;s PIN on this device is damaged and cannot be checked. A supervisor can reset it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no PIN yet: they choose one when they first sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before a wait.</source>
        <translation>
            <numerusform>Wrong PIN. %n more try before a wait.</numerusform>
            <numerusform>Wrong PIN. %n more tries before a wait.</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}, choose a PIN or password of at least {n} characters, and type it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, enter your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A PIN needs at least %n characters.</source>
        <translation>
            <numerusform>A PIN needs at least %n character.</numerusform>
            <numerusform>A PIN needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN in both fields.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message>
        <source>Show items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining (not counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an item to see its count by session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which items the table shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No count yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{listed} listed · {counted} counted · {remaining} remaining · {units} units counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, by session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: not counted in any session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecountDialog</name>
    <message>
        <source>New recount session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create recount</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{shown} and %n more</source>
        <translation>
            <numerusform>{shown} and %n more</numerusform>
            <numerusform>{shown} and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items to recount: {items}</source>
        <translation>
            <numerusform>%n item to recount: {items}</numerusform>
            <numerusform>%n items to recount: {items}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count it in its own session after all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to a &amp;new session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count it in a new session of the same count (name and area)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave it out of every count (it stays in the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waits for review. {as_of}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review works only online: the sync server cannot be reached now. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge into “{session}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to a new session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this event?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}&apos;s {what} counts in “{session}” after all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}&apos;s {what} counts in a new session of the same count, made now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}&apos;s {what} is left out of every count. The audit log keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (kept in the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review of {session}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new session needs a name. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged into “{session}”. The counts update with this sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved to a new session. The counts update with this sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded. The audit log keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanButton</name>
    <message>
        <source>Start counting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume counting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans come here, whatever is selected on the screen: scan away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans do not come here now (another window or a dialog has the focus): press to scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the session and focus the scanner input ({key}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message>
        <source>Scan here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{device}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner {device} disconnected: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message} It could not be kept in the log: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n scans were not recorded: {error}</source>
        <translation>
            <numerusform>The scan was not recorded: {error}</numerusform>
            <numerusform>%n scans were not recorded: {error}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{text} (%n scans recorded)</source>
        <translation>
            <numerusform>{text} (%n scan recorded)</numerusform>
            <numerusform>{text} (%n scans recorded)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanListModel</name>
    <message>
        <source>Remove this scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In supervisor review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hand-counted × {units}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan #{ordinal} at {time} from {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In supervisor review, not in any total: the sync server did not apply it ({why}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned data: {data}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product: {name} ({sku})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused at {time} from {source}, not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: {code}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <source>Scan {code} was not recorded. {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message} It could not be kept in the log: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerSettingsDialog</name>
    <message>
        <source>Scanner settings and test pad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerSettingsPage</name>
    <message>
        <source>Keyboard wedge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB scanner read directly (evdev, Linux)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read it when the scanner sends one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require it (reject codes without)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject the scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove them and read the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab ends a code, like Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. ~ when the scanner cannot send GS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off (two scans are two units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save for this scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner or person (key timing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed by hand above a median key gap of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and always below a length of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strip prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strip suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GS sent as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AIM symbology id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same code again within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list devices: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved for {device}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{device} — {description}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerTestPad</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan here (keyboard wedge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test pad scanner input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live input (hex; key gaps in ms for keyboard sources)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard wedge: click the field below and scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no device chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} scanner {device}: press Start to read it here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <source>Edit session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“{name}” will be marked as discarded and removed from review. Its %n scanned units will not count. You go back to the counts list.</source>
        <translation>
            <numerusform>“{name}” will be marked as discarded and removed from review. Its %n scanned unit will not count. You go back to the counts list.</numerusform>
            <numerusform>“{name}” will be marked as discarded and removed from review. Its %n scanned units will not count. You go back to the counts list.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show unmatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit hard count?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand: every uncounted item counts as zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session submitted. Re-open it to count more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionCard</name>
    <message>
        <source>{name} (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{units} · {products}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n units</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n products</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View this session (another user or device holds it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work on this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free the session so another user or device can work it (a supervisor enters their PIN)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionFormDialog</name>
    <message>
        <source>e.g. Backstock left wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or type an area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionHeader</name>
    <message>
        <source>‹ Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the counts list (Alt+Left); releases this session for others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{session} · {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>· {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units scanned: {units}
Unique products: {products}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>&amp;Hand-Counted Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add items that were counted by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by {who}. Every action is disabled until the session is released; a supervisor can force-release it from the sessions list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working offline: the session is claimed on this device, and the sync server confirms it at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account cannot count: ask a supervisor, or sign in as a user who counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another user or device holds this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking this session from the sync server: scanning starts in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start counting opens {when}. To start earlier, sign in as a manager, a supervisor or an associate allowed to start early.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionTabs</name>
    <message>
        <source>&amp;Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unmatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;directed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unc&amp;ounted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sca&amp;ns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tab} ({rows})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sca&amp;ns ({scans}), newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sca&amp;ns ({scans}), {left_out} not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rejected} rejected (unreadable or invalid), {refused} refused (nothing could take them)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>release locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the things a user may do</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no counting permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is counting?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick your name, then enter your PIN. These are the users on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor enters their PIN, then you choose a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose PIN and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset {name}&apos;s PIN?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor enters their own PIN. Then {name} chooses a new PIN here: once this device syncs, it is their PIN on every device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no users on this device yet. Start ScanApp with --demo to try it, or sync with the server to get your store&apos;s users.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartSessionDialog</name>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingredient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Inventory Reconciliation Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A descriptive name, e.g. Freezers, week 12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a listing config…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing &amp;Config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new listing config&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters: tick the values an item may have (none ticked: any value).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New listing config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no lab inventory on this device yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n inventory item(s) in scope: the session will expect them.</source>
        <translation>
            <numerusform>%n inventory item in scope: the session will expect it.</numerusform>
            <numerusform>%n inventory items in scope: the session will expect them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the session a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source>UPC-E read as another code: its UPC-A form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPC-A scanned, catalog has the UPC-E form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scanner left out the check digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leading zero missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same item, packaging level {indicator}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two digits swapped ({right} read as {scanned})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one digit misread ({right} read as {scanned})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has this code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}, on the list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorDevices</name>
    <message>
        <source>{sign}{n} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sign}{m} min {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale: check this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has unsynced events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorPrompt</name>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user on this device may do this. A supervisor must sync first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorReview</name>
    <message>
        <source>Fenced: the lease was lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by a rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent under another sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed catalog change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorStation</name>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the counts list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the sync server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync server is set on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in to the sync server on this device: tap the sync state and enter your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server refused: this needs a supervisor&apos;s rights there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server refused: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of {time} (from the sync server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing read from the sync server yet. {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of {time}, the last list read. {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{why} This works only online: nothing was changed. Try again once the device is back online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{why} Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorTab</name>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The count shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({state})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncHeader</name>
    <message>
        <source>Sync state: tap to sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;ver…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server this device sends its counts to (a supervisor&apos;s PIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End shif&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync everything, say what is left, then sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n changes not synced</source>
        <translation>
            <numerusform>%n change not synced</numerusform>
            <numerusform>%n changes not synced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in supervisor review</source>
        <translation>
            <numerusform>%n in supervisor review</numerusform>
            <numerusform>%n in supervisor review</numerusform>
        </translation>
    </message>
    <message>
        <source>last synced {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tried {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync off: no server set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync error: the server asks for a sign-in. Tap here, then enter your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync error: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful sync: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last attempt: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap to sync now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncServerDialog</name>
    <message>
        <source>Sync server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of the store&apos;s sync server, such as http://192.168.1.20:8765. Leave it empty to stop syncing: everything stays on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http://host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ScanApp was started with --server {url}: that address is used until it is started without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestPadModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key gaps min/median/max ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scanned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThresholdDialog</name>
    <message>
        <source>Variance threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items past it wait in Pending approval (this device&apos;s default: {default}). A supervisor&apos;s PIN changes it for this count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent of expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also this device&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For counts without a threshold of their own</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnmatchedModel</name>
    <message>
        <source>Scanned data: {data} (from {source})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match every scan of this code to a product (Alt+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} · {scans}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n scans</source>
        <translation>
            <numerusform>%n scan</numerusform>
            <numerusform>%n scans</numerusform>
        </translation>
    </message>
    <message>
        <source>{time}, {ago}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>between {before} and {after}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after {before}, nothing matched since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before {after}, the first matched scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no matched scan around it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when}, {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>…and %n earlier scans (all in Match)</source>
        <translation>
            <numerusform>…and %n earlier scan (all in Match)</numerusform>
            <numerusform>…and %n earlier scans (all in Match)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Variance</name>
    <message>
        <source>(recount)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stock record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counted 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not listed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VarianceTab</name>
    <message>
        <source>Show items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs recount (not counted, pending, rejected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved or forced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stock record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;hreshold…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributi&amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;hreshold: {t}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change this count&apos;s variance threshold (supervisor PIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which items the table shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Force…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recount session for the selected items, else every item not counted, pending or rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The variance put down to each session, area or counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribution by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} ({sku}): expected {expected}, {counted}, variance {variance} ({percent}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counted {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected items.</source>
        <translation>
            <numerusform>%n selected item.</numerusform>
            <numerusform>%n selected items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{what}: %n items, by {who}.</source>
        <translation>
            <numerusform>{what}: %n item, by {who}.</numerusform>
            <numerusform>{what}: %n items, by {who}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Threshold set to {t}: items past it wait for approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to recount: every item is counted and none waits or was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recount {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Recount session “{name}” ({area}) created for %n items. It is on the counts list under “{count}”: open it there to count; its Uncounted tab lists exactly these items.</source>
        <translation>
            <numerusform>Recount session “{name}” ({area}) created for %n item. It is on the counts list under “{count}”: open it there to count; its Uncounted tab lists exactly this item.</numerusform>
            <numerusform>Recount session “{name}” ({area}) created for %n items. It is on the counts list under “{count}”: open it there to count; its Uncounted tab lists exactly these items.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowSync</name>
    <message>
        <source>Sync is off (no server is set): everything stays on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the sync server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor enters their PIN to change where this device sends its counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
