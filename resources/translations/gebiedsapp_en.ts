<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Gebiedsgrenzen en kaarten: CBS / Kadaster, Wijk- en buurtkaart 2024 (gegeneraliseerd), CC BY 4.0, via cartomap/nl.</source>
        <translation>Area boundaries and maps: CBS / Kadaster, Wijk- en buurtkaart 2024 (generalised), CC BY 4.0, via cartomap/nl.</translation>
    </message>
    <message>
        <source>Over Gebiedsapp</source>
        <translation>About Gebiedsapp</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gebiedsapp %1&lt;/h3&gt;&lt;p&gt;Voor gebiedsgericht werken in de gemeente Oldambt: koffiekargesprekken, contacten, signalen en samenvattingen voor de gebiedswethouder.&lt;/p&gt;&lt;p&gt;Licentie: European Union Public Licence %2.&lt;/p&gt;&lt;p&gt;%3 (&lt;a href=&apos;%4&apos;&gt;licentie&lt;/a&gt;)&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gebiedsapp %1&lt;/h3&gt;&lt;p&gt;For area-based work in the municipality of Oldambt: coffee cart conversations, contacts, signals and summaries for the area alderman.&lt;/p&gt;&lt;p&gt;Licence: European Union Public Licence %2.&lt;/p&gt;&lt;p&gt;%3 (&lt;a href=&apos;%4&apos;&gt;licence&lt;/a&gt;)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Onderdelen van derden en hun licenties:</source>
        <translation>Third-party components and their licences:</translation>
    </message>
    <message>
        <source>Onderdelen van derden en hun licenties</source>
        <translation>Third-party components and their licences</translation>
    </message>
    <message>
        <source>THIRD_PARTY_NOTICES.md is niet gevonden bij deze installatie.</source>
        <translation>THIRD_PARTY_NOTICES.md was not found in this installation.</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <source>Koffiekargesprek</source>
        <translation>Coffee cart conversation</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>geen datum</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>%s  te laat</source>
        <translation>%s  overdue</translation>
    </message>
    <message>
        <source>te laat</source>
        <translation>overdue</translation>
    </message>
</context>
<context>
    <name>ActivitiesModel</name>
    <message>
        <source>Avond</source>
        <translation>Evening</translation>
    </message>
    <message>
        <source>Schouw</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>Vereniging</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>Anders</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>gepland</source>
        <translation>planned</translation>
    </message>
</context>
<context>
    <name>ActivitiesScreen</name>
    <message>
        <source>Activiteiten</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Activiteiten van het gebied</source>
        <translation>The area&apos;s activities</translation>
    </message>
    <message>
        <source>Dubbelklik (of Enter) om een activiteit te bewerken.</source>
        <translation>Double-click (or Enter) to edit an activity.</translation>
    </message>
    <message>
        <source>Opslaan (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Geschiedenis…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>Eerdere versies van deze activiteit</source>
        <translation>Earlier versions of this activity</translation>
    </message>
    <message>
        <source>Verwijderen…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>Een per vergissing vastgelegde activiteit weghalen</source>
        <translation>Remove an activity recorded by mistake</translation>
    </message>
    <message>
        <source>Nieuwe activiteit</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>Annuleren (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>&amp;Vastleggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>A&amp;genda</source>
        <translation>A&amp;genda</translation>
    </message>
    <message>
        <source>Bewonersavonden, schouwen en overleggen in %s, en de agenda.</source>
        <translation>Residents&apos; evenings, inspections and meetings in %s, and the agenda.</translation>
    </message>
    <message>
        <source>Concept hersteld. Sla het op met Ctrl+Enter.</source>
        <translation>Draft restored. Save it with Ctrl+Enter.</translation>
    </message>
    <message>
        <source>Activiteiten laden…</source>
        <translation>Loading activities…</translation>
    </message>
    <message>
        <source>%s activiteiten sinds %s (en gepland)</source>
        <translation>%s activities since %s (and planned)</translation>
    </message>
    <message>
        <source>De activiteiten konden niet worden geladen. Zie het logboek.</source>
        <translation>The activities could not be loaded. See the log.</translation>
    </message>
    <message>
        <source>Activiteit niet opgeslagen</source>
        <translation>Activity not saved</translation>
    </message>
    <message>
        <source>Je hebt deze activiteit nog niet opgeslagen. Wat wil je doen?</source>
        <translation>You have not saved this activity yet. What do you want to do?</translation>
    </message>
    <message>
        <source>Een bewaard concept kun je later herstellen; weggooien kun je niet ongedaan maken.</source>
        <translation>A kept draft can be restored later; discarding cannot be undone.</translation>
    </message>
    <message>
        <source>Concept weggegooid.</source>
        <translation>Draft discarded.</translation>
    </message>
    <message>
        <source>Concept bewaard; je kunt het later herstellen.</source>
        <translation>Draft kept; you can restore it later.</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Kies een gebied.</source>
        <translation>Choose an area.</translation>
    </message>
    <message>
        <source>Wijziging opgeslagen</source>
        <translation>Change saved</translation>
    </message>
    <message>
        <source>Activiteit opgeslagen</source>
        <translation>Activity saved</translation>
    </message>
    <message>
        <source>, met %s nieuwe actie(s)</source>
        <translation>, with %s new action(s)</translation>
    </message>
    <message>
        <source>Activiteit verwijderen</source>
        <translation>Remove activity</translation>
    </message>
    <message>
        <source>Deze activiteit verwijderen? Haal alleen weg wat per vergissing is vastgelegd.</source>
        <translation>Remove this activity? Only remove what was recorded by mistake.</translation>
    </message>
    <message>
        <source>Activiteit verwijderd.</source>
        <translation>Activity removed.</translation>
    </message>
</context>
<context>
    <name>ActivityForm</name>
    <message>
        <source>Nieuwe activiteit</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Begintijd</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>Eindtijd</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>Soort activiteit</source>
        <translation>Kind of activity</translation>
    </message>
    <message>
        <source>Gebied</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>bijv. dorpshuis, school, kerk</source>
        <translation>e.g. village hall, school, church</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>niet geteld</source>
        <translation>not counted</translation>
    </message>
    <message>
        <source>Aantal aanwezigen</source>
        <translation>Number of people present</translation>
    </message>
    <message>
        <source>Hoeveel mensen er waren (vul je in na de activiteit)</source>
        <translation>How many people came (filled in after the activity)</translation>
    </message>
    <message>
        <source>Waar ging het over?</source>
        <translation>What was it about?</translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Aantekeningen</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Wat werd er gezegd? Geen namen van bewoners.</source>
        <translation>What was said? No residents&apos; names.</translation>
    </message>
    <message>
        <source>Uitkomsten</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <source>Wat is afgesproken of opgehaald?</source>
        <translation>What was agreed or learnt?</translation>
    </message>
    <message>
        <source>Gekoppelde signalen</source>
        <translation>Linked signals</translation>
    </message>
    <message>
        <source>Gekoppelde acties</source>
        <translation>Linked actions</translation>
    </message>
    <message>
        <source>Gekoppelde initiatieven</source>
        <translation>Linked initiatives</translation>
    </message>
    <message>
        <source>Nieuwe afgesproken actie (Enter voegt toe)</source>
        <translation>New agreed action (Enter adds it)</translation>
    </message>
    <message>
        <source>Omschrijving van een nieuwe actie</source>
        <translation>Description of a new action</translation>
    </message>
    <message>
        <source>Eigenaar van de actie</source>
        <translation>Owner of the action</translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Uiterlijk klaar op</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Koppelingen</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation>Signals</translation>
    </message>
    <message>
        <source>Acties</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Initiatieven</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>v&amp;an</source>
        <translation>fro&amp;m</translation>
    </message>
    <message>
        <source>t&amp;ot</source>
        <translation>t&amp;o</translation>
    </message>
    <message>
        <source>&amp;Soort:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Plaats:</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <source>Geb&amp;ied:</source>
        <translation>Ar&amp;ea:</translation>
    </message>
    <message>
        <source>Onde&amp;rwerp:</source>
        <translation>&amp;Subject:</translation>
    </message>
    <message>
        <source>Aan&amp;wezig:</source>
        <translation>Attendan&amp;ce:</translation>
    </message>
    <message>
        <source>&amp;Thema&apos;s:</source>
        <translation>&amp;Themes:</translation>
    </message>
    <message>
        <source>Aa&amp;ntekeningen:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <source>&amp;Uitkomsten:</source>
        <translation>O&amp;utcomes:</translation>
    </message>
    <message>
        <source>&amp;Koppelingen (aanvinken):</source>
        <translation>&amp;Links (tick them):</translation>
    </message>
    <message>
        <source>(nog niemand)</source>
        <translation>(nobody yet)</translation>
    </message>
    <message>
        <source>Activiteit bewerken (versie %s)</source>
        <translation>Edit activity (version %s)</translation>
    </message>
    <message>
        <source>Activiteit bewerken (hersteld concept)</source>
        <translation>Edit activity (restored draft)</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <source>Gebieden</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Signaalcategorieën</source>
        <translation>Signal categories</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Teamserver</source>
        <translation>Team server</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>hele dag</source>
        <translation>all day</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source> weken</source>
        <translation> weeks</translation>
    </message>
    <message>
        <source>Lang niet geweest na</source>
        <translation>Not visited after</translation>
    </message>
    <message>
        <source>Een dorp of wijk zonder koffiekarronde of activiteit in zoveel weken</source>
        <translation>A village or neighbourhood without a coffee cart round or activity in this many weeks</translation>
    </message>
    <message>
        <source>Lang &amp;niet geweest na:</source>
        <translation>&amp;Not visited after:</translation>
    </message>
    <message>
        <source>Opslaan als agenda (.ics)…</source>
        <translation>Save as calendar (.ics)…</translation>
    </message>
    <message>
        <source>De rondes en activiteiten hieronder als agendabestand voor Outlook</source>
        <translation>The rounds and activities below as a calendar file for Outlook</translation>
    </message>
    <message>
        <source>Komende rondes en activiteiten</source>
        <translation>Upcoming rounds and activities</translation>
    </message>
    <message>
        <source>Geweest</source>
        <translation>Past</translation>
    </message>
    <message>
        <source>Lang niet geweest</source>
        <translation>Not visited for a long time</translation>
    </message>
    <message>
        <source>Een bezoek is een koffiekarronde of activiteit in het dorp of de wijk (of een deel ervan). Geplande activiteiten tellen pas als ze geweest zijn.</source>
        <translation>A visit is a coffee cart round or an activity in the village or neighbourhood (or a part of it). Planned activities count once they have taken place.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Komend&lt;/b&gt; in %s (%s)</source>
        <translation>&lt;b&gt;Upcoming&lt;/b&gt; in %s (%s)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Geweest&lt;/b&gt;, de laatste %s dagen (%s)</source>
        <translation>&lt;b&gt;Past&lt;/b&gt;, the last %s days (%s)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Langer dan %s weken niet geweest&lt;/b&gt; (%s)</source>
        <translation>&lt;b&gt;Not visited for more than %s weeks&lt;/b&gt; (%s)</translation>
    </message>
    <message>
        <source>Agenda opslaan</source>
        <translation>Save calendar</translation>
    </message>
    <message>
        <source>Agenda (*.ics)</source>
        <translation>Calendar (*.ics)</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Het agendabestand kon niet worden opgeslagen: %s (%s)</source>
        <translation>The calendar file could not be saved: %s (%s)</translation>
    </message>
    <message>
        <source>Agenda opgeslagen</source>
        <translation>Calendar saved</translation>
    </message>
    <message>
        <source>%s afspraken opgeslagen in %s. Open het bestand om ze in Outlook te zetten.</source>
        <translation>%s appointments saved in %s. Open the file to put them in Outlook.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Database beschadigd</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <source>

Er is niets opgeslagen. De app sluit; start hem opnieuw om een reservekopie terug te zetten of de database alleen-lezen te openen.</source>
        <translation>

Nothing was saved. The app closes; start it again to restore a backup or to open the database read-only.</translation>
    </message>
    <message>
        <source>Database kan niet worden geopend</source>
        <translation>Database cannot be opened</translation>
    </message>
    <message>
        <source>De database kon niet worden geopend. Er is niets gewijzigd.</source>
        <translation>The database could not be opened. Nothing was changed.</translation>
    </message>
    <message>
        <source>Technische melding: %s</source>
        <translation>Technical message: %s</translation>
    </message>
    <message>
        <source>Gegevensmap niet beschrijfbaar</source>
        <translation>Data folder not writable</translation>
    </message>
    <message>
        <source>

De Gebiedsapp gaat verder waar dat kan.</source>
        <translation>

Gebiedsapp carries on where it can.</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Iemand anders heeft dit intussen gewijzigd. De nieuwste gegevens worden getoond; breng je wijziging opnieuw aan.</source>
        <translation>Someone else changed this in the meantime. The latest data is shown; please make your change again.</translation>
    </message>
    <message>
        <source>De wijziging kon niet in de database worden opgeslagen. Er is niets gewijzigd; wat u typte staat nog in het formulier.</source>
        <translation>The change could not be saved in the database. Nothing was changed; what you typed is still in the form.</translation>
    </message>
</context>
<context>
    <name>AreaNavigator</name>
    <message>
        <source>Zoek een dorp of wijk…</source>
        <translation type="vanished">Search for a village or district…</translation>
    </message>
    <message>
        <source>Zoek een dorp of wijk…  (Ctrl+L)</source>
        <translation>Find a village or neighbourhood…  (Ctrl+L)</translation>
    </message>
    <message>
        <source>Typ een naam en druk op Enter om dat gebied te kiezen</source>
        <translation>Type a name and press Enter to choose that area</translation>
    </message>
    <message>
        <source>Gebied zoeken</source>
        <translation>Search area</translation>
    </message>
    <message>
        <source>Gebieden</source>
        <translation>Areas</translation>
    </message>
</context>
<context>
    <name>AreaPage</name>
    <message>
        <source>Teams invullen…</source>
        <translation>Fill in teams…</translation>
    </message>
    <message>
        <source>Team van dit gebied</source>
        <translation>Team for this area</translation>
    </message>
    <message>
        <source>Koffiekar (afgelopen 12 maanden) en initiatieven</source>
        <translation>Coffee cart (past 12 months) and initiatives</translation>
    </message>
    <message>
        <source>Waar inwoners over praten</source>
        <translation>What residents talk about</translation>
    </message>
    <message>
        <source>CBS-buurten</source>
        <translation type="vanished">CBS neighbourhoods</translation>
    </message>
    <message>
        <source>Inwoners en CBS-buurten</source>
        <translation>Inhabitants and CBS neighbourhoods</translation>
    </message>
    <message>
        <source>Laatste koffiekarrondes</source>
        <translation>Latest coffee cart rounds</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Gebied</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Plek</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Gesprekken</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Wat de enquête zegt</source>
        <translation>What the survey says</translation>
    </message>
    <message>
        <source>Uitkomsten van de inwonersenquête</source>
        <translation>Outcomes of the residents survey</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Vraag</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Koffiekar</source>
        <translation>Coffee cart</translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation>Signals</translation>
    </message>
    <message>
        <source>&amp;Enquête importeren…</source>
        <translation>Import &amp;survey…</translation>
    </message>
    <message>
        <source>Uitkomsten van een inwonersenquête inlezen uit een CSV- of Excel-bestand</source>
        <translation>Read the outcomes of a residents survey from a CSV or Excel file</translation>
    </message>
    <message>
        <source>De cijfers konden niet worden berekend. Zie het logboek.</source>
        <translation>The figures could not be calculated. See the log.</translation>
    </message>
    <message>
        <source>in %s</source>
        <translation>in %s</translation>
    </message>
    <message>
        <source>%s deelgebieden</source>
        <translation>%s sub-areas</translation>
    </message>
    <message>
        <source>Er zijn nog geen teamleden vastgelegd. Vul per dorp en wijk in wie gebiedsregisseur, opbouwwerker en gebiedswethouder is; dan toont &apos;Wie werkt waar&apos; het overzicht.</source>
        <translation>No team members have been recorded yet. Fill in for each village and district who the area coordinator, community worker and area alderman are; &apos;Who works where&apos; then shows the overview.</translation>
    </message>
    <message>
        <source>Elk dorp en elke wijk heeft een eigen team. Kies een gebied links, of open &apos;Wie werkt waar&apos; (Ctrl+9) voor het overzicht van de hele gemeente.</source>
        <translation>Each village and district has its own team. Choose an area on the left, or open &apos;Who works where&apos; (Ctrl+9) for the overview of the whole municipality.</translation>
    </message>
    <message>
        <source>nog niet ingevuld</source>
        <translation>not filled in yet</translation>
    </message>
    <message>
        <source>Heel Oldambt: %s CBS-wijken en %s CBS-buurten.</source>
        <translation>All of Oldambt: %s CBS districts and %s CBS neighbourhoods.</translation>
    </message>
    <message>
        <source>Niet aan een CBS-buurt gekoppeld.</source>
        <translation>Not linked to a CBS neighbourhood.</translation>
    </message>
    <message>
        <source>Inwoners: nog geen CBS-cijfers ingelezen (Beheer → CBS-cijfers importeren…).</source>
        <translation>Inhabitants: no CBS figures imported yet (Beheer → Import CBS figures…).</translation>
    </message>
    <message>
        <source>Inwoners: onbekend (%s).</source>
        <translation>Inhabitants: unknown (%s).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Inwoners: %s&lt;/b&gt; (CBS %s</source>
        <translation>&lt;b&gt;Inhabitants: %s&lt;/b&gt; (CBS %s</translation>
    </message>
    <message>
        <source>, samen %s CBS-buurten</source>
        <translation>, %s CBS neighbourhoods together</translation>
    </message>
    <message>
        <source> · %s huishoudens</source>
        <translation> · %s households</translation>
    </message>
    <message>
        <source>Let op: een CBS-buurt wordt gedeeld met %s; die telt hier helemaal mee.</source>
        <translation>Note: a CBS neighbourhood is shared with %s; it counts in full here.</translation>
    </message>
    <message>
        <source>Cijfers worden berekend…</source>
        <translation>Calculating figures…</translation>
    </message>
    <message>
        <source>Rondes</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Lopende initiatieven
(vandaag)</source>
        <translation>Current initiatives
(today)</translation>
    </message>
    <message>
        <source>%s t/m %s</source>
        <translation>%s to %s</translation>
    </message>
    <message>
        <source>%s — %s gesprekken</source>
        <translation>%s — %s conversations</translation>
    </message>
    <message>
        <source>Nog geen gesprekken in deze periode.</source>
        <translation>No conversations in this period yet.</translation>
    </message>
    <message>
        <source>Nog geen uitkomsten van een inwonersenquête.</source>
        <translation>No residents survey outcomes yet.</translation>
    </message>
    <message>
        <source>Inwonersenquête %s. Koffiekar: gesprekken en contacten over het thema in de afgelopen 12 maanden; signalen: signalen uit die gesprekken en contacten. Uitkomsten van minder dan %s respondenten worden niet getoond.</source>
        <translation>Residents survey %s. Coffee cart: conversations and contacts on the theme in the last 12 months; signals: signals from those conversations and contacts. Outcomes of fewer than %s respondents are not shown.</translation>
    </message>
    <message>
        <source>geen thema</source>
        <translation>no theme</translation>
    </message>
    <message>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>%s enquête-uitkomsten opgeslagen.</source>
        <translation>%s survey outcomes saved.</translation>
    </message>
</context>
<context>
    <name>AreaTreeModel</name>
    <message>
        <source>Gebied</source>
        <translation>Area</translation>
    </message>
</context>
<context>
    <name>AreasPage</name>
    <message>
        <source>In welke gebieden werkt u?</source>
        <translation>Which areas do you work in?</translation>
    </message>
    <message>
        <source>Vink de gebieden aan; u wordt daar gekoppeld in de gekozen rol, vanaf vandaag.</source>
        <translation>Tick the areas; you will be linked to them in the chosen role, from today.</translation>
    </message>
    <message>
        <source>Gebieden</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Geen gebied gekozen? Dat kan later via Beheer → Teams.</source>
        <translation>No area chosen? That can be done later via Administration → Teams.</translation>
    </message>
</context>
<context>
    <name>AreasTab</name>
    <message>
        <source>Gebieden</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Alleen de gemeente zelf heeft geen bovenliggend gebied.</source>
        <translation>Only the municipality itself has no parent area.</translation>
    </message>
    <message>
        <source>Zoek een buurt of code</source>
        <translation>Search a neighbourhood or code</translation>
    </message>
    <message>
        <source>Zoek een buurt of code…</source>
        <translation>Search a neighbourhood or code…</translation>
    </message>
    <message>
        <source>Alleen gekoppelde</source>
        <translation>Linked only</translation>
    </message>
    <message>
        <source>CBS-buurten</source>
        <translation>CBS neighbourhoods</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Nieuw deelgebied…</source>
        <translation>New sub-area…</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Naam:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Soort:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Bovenliggend gebied:</source>
        <translation>Parent area:</translation>
    </message>
    <message>
        <source>CBS-buurten:</source>
        <translation>CBS neighbourhoods:</translation>
    </message>
    <message>
        <source>Omschrijving:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Geen gebied gekozen</source>
        <translation>No area chosen</translation>
    </message>
    <message>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
    <message numerus="yes">
        <source>Gekoppeld: %n CBS-buurt(en)</source>
        <translation>
            <numerusform>Linked: %n CBS neighbourhood</numerusform>
            <numerusform>Linked: %n CBS neighbourhoods</numerusform>
        </translation>
    </message>
    <message>
        <source>Nieuw deelgebied</source>
        <translation>New sub-area</translation>
    </message>
    <message>
        <source>Naam van het nieuwe deelgebied onder %s:</source>
        <translation>Name of the new sub-area under %s:</translation>
    </message>
    <message>
        <source>Nieuw gebied</source>
        <translation>New area</translation>
    </message>
    <message>
        <source>&apos;%s&apos; verwijderen?

Gesprekken en andere gegevens die bij dit gebied horen blijven bewaard, maar het gebied is niet meer te kiezen.</source>
        <translation>Delete &apos;%s&apos;?

Conversations and other data belonging to this area are kept, but the area can no longer be chosen.</translation>
    </message>
    <message>
        <source>Gebied verwijderen</source>
        <translation>Delete area</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Koppelen aan gebied</source>
        <translation>Link to area</translation>
    </message>
    <message>
        <source>Koppel %s aan een gebied in een rol.</source>
        <translation>Link %s to an area in a role.</translation>
    </message>
    <message>
        <source>einddatum</source>
        <translation>end date</translation>
    </message>
    <message>
        <source>Gebied:</source>
        <translation>Area:</translation>
    </message>
    <message>
        <source>Rol:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Vanaf:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Tot en met:</source>
        <translation>Up to and including:</translation>
    </message>
    <message>
        <source>Koppelen</source>
        <translation>Link</translation>
    </message>
</context>
<context>
    <name>AuditDamageNotice</name>
    <message>
        <source>Auditlog beschadigd</source>
        <translation>Audit log damaged</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Niets te tonen in deze periode.</source>
        <translation>Nothing to show in this period.</translation>
    </message>
</context>
<context>
    <name>BuurtMap</name>
    <message>
        <source>geen gegevens</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>1 open signaal</source>
        <translation>1 open signal</translation>
    </message>
    <message numerus="yes">
        <source>%n open signalen</source>
        <translation>
            <numerusform>%n open signal</numerusform>
            <numerusform>%n open signals</numerusform>
        </translation>
    </message>
    <message>
        <source>grens benaderd, geen CBS-buurt</source>
        <translation>approximate boundary, no CBS buurt</translation>
    </message>
    <message>
        <source>grens benaderd</source>
        <translation>approximate boundary</translation>
    </message>
    <message>
        <source>Open signalen</source>
        <translation>Open signals</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <source>Signaalcategorieën</source>
        <translation>Signal categories</translation>
    </message>
    <message>
        <source>Nieuwe categorie</source>
        <translation>New category</translation>
    </message>
    <message>
        <source>Hoofdcategorie:</source>
        <translation>Main category:</translation>
    </message>
    <message>
        <source>(geen: hoofdcategorie)</source>
        <translation>(none: main category)</translation>
    </message>
    <message>
        <source>Deze hoofdcategorie heeft subcategorieën en blijft daarom een hoofdcategorie.</source>
        <translation>This main category has subcategories and therefore remains a main category.</translation>
    </message>
    <message>
        <source>Buiten gebruik: bestaande signalen houden deze categorie, bij nieuwe signalen wordt zij niet meer aangeboden.</source>
        <translation>Retired: existing signals keep this category, new signals no longer offer it.</translation>
    </message>
    <message>
        <source>Afhandeltermijn</source>
        <translation>Handling period</translation>
    </message>
    <message>
        <source>Wie een signaal in deze categorie gewoonlijk afhandelt.</source>
        <translation>Who usually handles a signal in this category.</translation>
    </message>
    <message>
        <source>Afhandeltermijn:</source>
        <translation>Handling period:</translation>
    </message>
    <message>
        <source>Standaard partner:</source>
        <translation>Default partner:</translation>
    </message>
    <message>
        <source>Afhandeltermijn: %s %s</source>
        <translation>Handling period: %s %s</translation>
    </message>
    <message>
        <source>Standaard partner: %s</source>
        <translation>Default partner: %s</translation>
    </message>
    <message>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>CbsImportDialog</name>
    <message>
        <source>CBS-cijfers importeren</source>
        <translation>Import CBS figures</translation>
    </message>
    <message>
        <source>Download op CBS StatLine de tabel ‘Kerncijfers wijken en buurten’ voor Oldambt als CSV en kies dat bestand. De app haalt zelf niets van internet. Cijfers van een jaar dat al is ingelezen, worden vervangen.</source>
        <translation>Download the table ‘Kerncijfers wijken en buurten’ for Oldambt from CBS StatLine as CSV and choose that file. The app fetches nothing from the internet itself. Figures of a year already imported are replaced.</translation>
    </message>
    <message>
        <source>Nog geen bestand gekozen</source>
        <translation type="vanished">No file chosen yet</translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation type="vanished">File</translation>
    </message>
    <message>
        <source>&amp;Bestand kiezen…</source>
        <translation type="vanished">Choose &amp;file…</translation>
    </message>
    <message>
        <source>kies</source>
        <translation>choose</translation>
    </message>
    <message>
        <source>Jaar van de cijfers</source>
        <translation>Year of the figures</translation>
    </message>
    <message>
        <source>&amp;Jaar van de cijfers:</source>
        <translation>&amp;Year of the figures:</translation>
    </message>
    <message>
        <source>Bestand:</source>
        <translation type="vanished">File:</translation>
    </message>
    <message>
        <source>Wat wordt opgeslagen</source>
        <translation>What will be stored</translation>
    </message>
    <message>
        <source>Geweigerde regels</source>
        <translation>Refused lines</translation>
    </message>
    <message>
        <source>Wordt opgeslagen</source>
        <translation>Will be stored</translation>
    </message>
    <message>
        <source>Geweigerd</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation type="vanished">Cancel</translation>
    </message>
    <message>
        <source>CSV van CBS StatLine kiezen</source>
        <translation>Choose a CSV from CBS StatLine</translation>
    </message>
    <message>
        <source>CSV-bestanden (*.csv *.txt);;Alle bestanden (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Bestand controleren…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>Het bestand kon niet worden gecontroleerd; zie het logboek.</source>
        <translation type="vanished">The file could not be checked; see the log.</translation>
    </message>
    <message>
        <source>Kies een CSV-bestand.</source>
        <translation>Choose a CSV file.</translation>
    </message>
    <message>
        <source>Kerncijfers %s: %s gemeente, %s wijken en %s buurten worden opgeslagen; %s geweigerd.</source>
        <translation>Key figures %s: %s municipality, %s districts and %s neighbourhoods will be stored; %s refused.</translation>
    </message>
    <message>
        <source>De %s opgeslagen regels van %s worden vervangen.</source>
        <translation>The %s stored lines of %s will be replaced.</translation>
    </message>
    <message>
        <source>%s regels van andere gemeenten worden overgeslagen.</source>
        <translation>%s lines of other municipalities are skipped.</translation>
    </message>
    <message>
        <source>* Deze code kent de gebiedsindeling van de app niet (ander jaar?).</source>
        <translation>* The app’s area division does not know this code (another year?).</translation>
    </message>
    <message>
        <source>Per regio ook %s andere cijfers; ‘.’ betekent: ontbreekt bij CBS.</source>
        <translation>Per region also %s other figures; ‘.’ means: missing at CBS.</translation>
    </message>
    <message>
        <source>Wordt opgeslagen (%s)</source>
        <translation>Will be stored (%s)</translation>
    </message>
    <message>
        <source>Geweigerd (%s)</source>
        <translation>Refused (%s)</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <source>Waarom? (niet verplicht)</source>
        <translation>Why? (optional)</translation>
    </message>
    <message>
        <source>&amp;Notitie:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Wijzigen</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>ChoicePicker</name>
    <message>
        <source>Kies een %s.</source>
        <translation>Choose a %s.</translation>
    </message>
    <message>
        <source>Geen %s gevonden met ‘%s’.</source>
        <translation>No %s found matching ‘%s’.</translation>
    </message>
    <message>
        <source>‘%s’ past bij %d %s; kies er een uit de lijst.</source>
        <translation>‘%s’ matches %d %s; choose one from the list.</translation>
    </message>
</context>
<context>
    <name>ChooseAreaDialog</name>
    <message>
        <source>Nieuwe koffiekarronde</source>
        <translation>New coffee cart round</translation>
    </message>
    <message>
        <source>Een koffiekarronde hoort bij een dorp of wijk, niet bij de hele gemeente. Waar sta je vandaag?</source>
        <translation>A coffee cart round belongs to a village or district, not to the whole municipality. Where are you today?</translation>
    </message>
    <message>
        <source>typ een deel van de naam</source>
        <translation>type part of the name</translation>
    </message>
    <message>
        <source>Dorp of wijk zoeken</source>
        <translation>Search village or district</translation>
    </message>
    <message>
        <source>Dorpen en wijken</source>
        <translation>Villages and districts</translation>
    </message>
    <message>
        <source>Ronde starten</source>
        <translation>Start round</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message>
        <source>Conflicten</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Hetzelfde veld is op twee laptops verschillend gewijzigd. Tot u kiest, toont elke laptop de versie van de server. Kies per conflict welke versie blijft; de geschiedenis van het record bewaart beide.</source>
        <translation>The same field was changed differently on two laptops. Until you choose, every laptop shows the server&apos;s version. Choose per conflict which version stays; the record&apos;s history keeps both.</translation>
    </message>
    <message>
        <source>Toon ook &amp;opgeloste</source>
        <translation>Also show res&amp;olved</translation>
    </message>
    <message>
        <source>&amp;Mijn versie houden</source>
        <translation>Keep &amp;my version</translation>
    </message>
    <message>
        <source>Versie van de &amp;server houden</source>
        <translation>Keep the &amp;server&apos;s version</translation>
    </message>
    <message>
        <source>Samen&amp;voegen…</source>
        <translation>Mer&amp;ge…</translation>
    </message>
    <message>
        <source>Zelf de waarden van de velden kiezen of typen</source>
        <translation>Choose or type the values of the fields yourself</translation>
    </message>
    <message>
        <source>Geen open conflicten</source>
        <translation>No open conflicts</translation>
    </message>
    <message>
        <source>1 open conflict</source>
        <translation>1 open conflict</translation>
    </message>
    <message>
        <source>%s open conflicten</source>
        <translation>%s open conflicts</translation>
    </message>
    <message>
        <source>Kies een conflict in de lijst.</source>
        <translation>Choose a conflict in the list.</translation>
    </message>
    <message>
        <source>%s (%s) — gevonden op %s</source>
        <translation>%s (%s) — found on %s</translation>
    </message>
    <message>
        <source>Veld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Mijn versie (%s)</source>
        <translation>My version (%s)</translation>
    </message>
    <message>
        <source>deze laptop</source>
        <translation>this laptop</translation>
    </message>
    <message>
        <source>Versie van de server (%s)</source>
        <translation>The server&apos;s version (%s)</translation>
    </message>
    <message>
        <source>Mijn versie</source>
        <translation>My version</translation>
    </message>
    <message>
        <source>Versie van de server</source>
        <translation>The server&apos;s version</translation>
    </message>
    <message>
        <source>Het record bestaat niet meer op deze laptop.</source>
        <translation>The record no longer exists on this laptop.</translation>
    </message>
    <message>
        <source>Conflict niet opgelost</source>
        <translation>Conflict not resolved</translation>
    </message>
    <message>
        <source>Opgelost: %s. De keuze gaat bij de volgende synchronisatie naar het team.</source>
        <translation>Resolved: %s. The choice goes to the team at the next synchronisation.</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>(geen meedenkers in dit gebied)</source>
        <translation>(no contributors in this area)</translation>
    </message>
    <message>
        <source>Nieuw contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Soort contact</source>
        <translation>Contact type</translation>
    </message>
    <message>
        <source>Gebied</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Met wie</source>
        <translation>With whom</translation>
    </message>
    <message>
        <source>Naam van de groep, bijv. &apos;moestuinclub&apos;</source>
        <translation>Name of the group, e.g. &apos;allotment club&apos;</translation>
    </message>
    <message>
        <source>Groepsnaam</source>
        <translation>Group name</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Meedenker uit het register</source>
        <translation>Participant from the register</translation>
    </message>
    <message>
        <source>De meedenkers van dit gebied (met toestemming in het register)</source>
        <translation>The participants of this area (with consent in the register)</translation>
    </message>
    <message>
        <source>Waar ging het over?</source>
        <translation>What was it about?</translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Aantekeningen</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Wat is er besproken? Geen namen van bewoners.</source>
        <translation>What was discussed? No names of residents.</translation>
    </message>
    <message>
        <source>Afgesproken actie: wat moet er gebeuren?</source>
        <translation>Agreed action: what needs to happen?</translation>
    </message>
    <message>
        <source>Omschrijving van de actie</source>
        <translation>Description of the action</translation>
    </message>
    <message>
        <source>Eigenaar van de actie</source>
        <translation>Owner of the action</translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Uiterlijk klaar op</source>
        <translation>To be done by</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Voeg de actie toe (Enter in de omschrijving)</source>
        <translation>Add the action (Enter in the description)</translation>
    </message>
    <message>
        <source>Afgesproken acties</source>
        <translation>Agreed actions</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Verwijder de gekozen actie (Delete)</source>
        <translation>Remove the selected action (Delete)</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Soort:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;Gebied:</source>
        <translation>&amp;Area:</translation>
    </message>
    <message>
        <source>&amp;Met wie:</source>
        <translation>&amp;With whom:</translation>
    </message>
    <message>
        <source>&amp;Onderwerp:</source>
        <translation>&amp;Subject:</translation>
    </message>
    <message>
        <source>&amp;Thema&apos;s:</source>
        <translation>&amp;Themes:</translation>
    </message>
    <message>
        <source>&amp;Aantekeningen:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <source>Afgesproken a&amp;cties:</source>
        <translation>Agreed a&amp;ctions:</translation>
    </message>
    <message>
        <source>(kies een organisatie)</source>
        <translation>(choose an organisation)</translation>
    </message>
    <message>
        <source>(kies een meedenker)</source>
        <translation>(choose a participant)</translation>
    </message>
    <message>
        <source>(nog niemand)</source>
        <translation>(nobody yet)</translation>
    </message>
    <message>
        <source>Contact bewerken (versie %s)</source>
        <translation>Edit contact (version %s)</translation>
    </message>
    <message>
        <source>Contact bewerken (hersteld concept)</source>
        <translation>Edit contact (restored draft)</translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message>
        <source>Contacten</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Gelogde contacten</source>
        <translation>Logged contacts</translation>
    </message>
    <message>
        <source>Dubbelklik (of Enter) om een contact te bewerken.</source>
        <translation>Double-click (or Enter) to edit a contact.</translation>
    </message>
    <message>
        <source>Opslaan (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Geschiedenis…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>Eerdere versies van dit contact</source>
        <translation>Earlier versions of this contact</translation>
    </message>
    <message>
        <source>Signaal maken…</source>
        <translation>Create signal…</translation>
    </message>
    <message>
        <source>Een signaal voor dit contact, vooraf ingevuld en eraan gekoppeld</source>
        <translation>A signal for this contact, filled in beforehand and linked to it</translation>
    </message>
    <message>
        <source>Nieuw contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Begin een nieuw contact (Ctrl+Shift+N)</source>
        <translation>Start a new contact (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Annuleren (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Contacten van de opbouwwerker in %s: huisbezoeken, telefoon, bijeenkomsten.</source>
        <translation>Contacts of the community worker in %s: home visits, phone calls, meetings.</translation>
    </message>
    <message>
        <source>Concept hersteld. Sla het op met Ctrl+Enter.</source>
        <translation>Draft restored. Save it with Ctrl+Enter.</translation>
    </message>
    <message>
        <source>Contacten laden…</source>
        <translation>Loading contacts…</translation>
    </message>
    <message>
        <source>%s contacten sinds %s</source>
        <translation>%s contacts since %s</translation>
    </message>
    <message>
        <source>De contacten konden niet worden geladen. Zie het logboek.</source>
        <translation>The contacts could not be loaded. See the log.</translation>
    </message>
    <message>
        <source>Het register van meedenkers kon niet worden geladen. Zie het logboek.</source>
        <translation>The register of contributors could not be loaded. See the log file.</translation>
    </message>
    <message>
        <source>Dit contact was met een meedenker uit het register: kies die meedenker opnieuw bij &apos;Met wie&apos; voordat je opslaat.</source>
        <translation>This contact was with a contributor from the register: choose that contributor again under &apos;With whom&apos; before you save.</translation>
    </message>
    <message>
        <source>Concept weggegooid.</source>
        <translation>Draft discarded.</translation>
    </message>
    <message>
        <source>Concept bewaard; je kunt het later herstellen.</source>
        <translation>Draft kept; you can restore it later.</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Kies een gebied.</source>
        <translation>Choose an area.</translation>
    </message>
    <message>
        <source>Wijziging opgeslagen</source>
        <translation>Change saved</translation>
    </message>
    <message>
        <source>Contact opgeslagen</source>
        <translation>Contact saved</translation>
    </message>
    <message>
        <source>, met %s actie(s)</source>
        <translation>, with %s action(s)</translation>
    </message>
    <message>
        <source>(een meedenker)</source>
        <translation>(a participant)</translation>
    </message>
    <message>
        <source>Geschiedenis van dit contact</source>
        <translation>History of this contact</translation>
    </message>
</context>
<context>
    <name>ConversationFields</name>
    <message>
        <source>Nieuw gesprek</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <source>Waar ging het gesprek over? (één regel)</source>
        <translation>What was the conversation about? (one line)</translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>letterlijke uitspraak (optioneel)</source>
        <translation>literal quote (optional)</translation>
    </message>
    <message>
        <source>Citaat</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>bruikbaar voor rapportage (anoniem)</source>
        <translation>usable for reporting (anonymous)</translation>
    </message>
    <message>
        <source>wil contact</source>
        <translation>wants contact</translation>
    </message>
    <message>
        <source>wil meedenken</source>
        <translation>wants to take part</translation>
    </message>
    <message>
        <source>naam</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Naam van de bewoner</source>
        <translation>Name of the resident</translation>
    </message>
    <message>
        <source>telefoon</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>email</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>toestemming vastgelegd</source>
        <translation>consent recorded</translation>
    </message>
    <message>
        <source>De bewoner geeft toestemming om naam en telefoon of e-mail te bewaren voor dit doel. Zonder toestemming worden geen persoonsgegevens opgeslagen.</source>
        <translation>The resident consents to their name and phone or email being kept for this purpose. Without consent no personal data is stored.</translation>
    </message>
    <message>
        <source>terugbelactie</source>
        <translation>call-back action</translation>
    </message>
    <message>
        <source>Wordt met het gesprek opgeslagen als actie; vink uit als het niet nodig is</source>
        <translation>Saved with the conversation as an action; untick if it is not needed</translation>
    </message>
    <message>
        <source>Omschrijving van de terugbelactie</source>
        <translation>Description of the call-back action</translation>
    </message>
    <message>
        <source>Eigenaar van de terugbelactie</source>
        <translation>Owner of the call-back action</translation>
    </message>
    <message>
        <source>Terugbellen uiterlijk</source>
        <translation>Call back by</translation>
    </message>
    <message>
        <source>eigenaar</source>
        <translation>owner</translation>
    </message>
    <message>
        <source>uiterlijk</source>
        <translation>due by</translation>
    </message>
    <message>
        <source>actie aanmaken</source>
        <translation>create action</translation>
    </message>
    <message>
        <source>wat moet er gebeuren?</source>
        <translation>what needs to happen?</translation>
    </message>
    <message>
        <source>Omschrijving van de actie</source>
        <translation>Description of the action</translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Opslaan  (Ctrl+Enter)</source>
        <translation>Save  (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Leegmaken  (Esc)</source>
        <translation>Clear  (Esc)</translation>
    </message>
    <message>
        <source>Geschiedenis…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>Tab: volgend veld · Enter: thema kiezen · Backspace: thema weghalen</source>
        <translation>Tab: next field · Enter: choose theme · Backspace: remove theme</translation>
    </message>
    <message>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Afhandeling</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Bewoner</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Bewoner terugbellen</source>
        <translation>Call back resident</translation>
    </message>
</context>
<context>
    <name>ConversationForm</name>
    <message>
        <source>(nog niemand)</source>
        <translation>(nobody yet)</translation>
    </message>
    <message>
        <source>Concept hersteld (%s)</source>
        <translation>Draft restored (%s)</translation>
    </message>
    <message>
        <source>Gesprek bewerken</source>
        <translation>Edit conversation</translation>
    </message>
    <message>
        <source>Nieuw gesprek</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <source>De contactgegevens van deze bewoner staan apart (AVG) en zijn hier niet te wijzigen.</source>
        <translation>This resident&apos;s contact details are kept separately (GDPR) and cannot be changed here.</translation>
    </message>
    <message>
        <source>Bij dit gesprek zijn geen contactgegevens vastgelegd.</source>
        <translation>No contact details were recorded with this conversation.</translation>
    </message>
    <message>
        <source>Concept bewaard %s</source>
        <translation>Draft kept %s</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Er is geen thema dat past bij &apos;%s&apos;. Kies een thema uit de lijst.</source>
        <translation>No theme matches &apos;%s&apos;. Choose a theme from the list.</translation>
    </message>
    <message>
        <source>Welk thema?</source>
        <translation>Which theme?</translation>
    </message>
    <message>
        <source>&apos;%s&apos; past bij %s thema&apos;s. Typ meer van de naam, of kies er een met ↓ en Enter.</source>
        <translation>&apos;%s&apos; matches %s themes. Type more of the name, or choose one with ↓ and Enter.</translation>
    </message>
    <message>
        <source>Opgeslagen %s</source>
        <translation>Saved %s</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>Gesprekken</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Bewerken (Enter)</source>
        <translation>Edit (Enter)</translation>
    </message>
    <message>
        <source>Geschiedenis…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>Signaal maken…</source>
        <translation>Create signal…</translation>
    </message>
    <message>
        <source>Een signaal voor dit gesprek, vooraf ingevuld en eraan gekoppeld</source>
        <translation>A signal for this conversation, filled in beforehand and linked to it</translation>
    </message>
    <message>
        <source>Gekozen gesprek bewerken</source>
        <translation>Edit selected conversation</translation>
    </message>
    <message>
        <source>Gesprekken in deze ronde (%s)</source>
        <translation>Conversations in this round (%s)</translation>
    </message>
</context>
<context>
    <name>ConversationsModel</name>
    <message>
        <source> (bruikbaar voor rapportage)</source>
        <translation> (usable for reporting)</translation>
    </message>
</context>
<context>
    <name>DemoPage</name>
    <message>
        <source>Oefenen met voorbeeldgegevens</source>
        <translation>Practise with sample data</translation>
    </message>
    <message>
        <source>Mag overgeslagen worden.</source>
        <translation>May be skipped.</translation>
    </message>
    <message>
        <source>Een oefendatabase met verzonnen gegevens maken en openen</source>
        <translation>Create and open a practice database with made-up data</translation>
    </message>
    <message>
        <source>Voorbeeldgegevens zijn verzonnen en komen nooit in uw echte database. Hier kan geen aparte oefendatabase naast worden gemaakt; vraag uw beheerder.</source>
        <translation>Sample data is made up and never goes into your real database. A separate practice database cannot be created here; ask your administrator.</translation>
    </message>
    <message>
        <source>Wilt u eerst oefenen? De voorbeeldgegevens zijn verzonnen (nep: geen echte bewoners of gesprekken) en komen nooit in uw echte database, maar in een aparte oefendatabase:
%s

Die opent in een tweede venster, met hetzelfde wachtwoord. Uw echte database blijft leeg tot u zelf iets vastlegt.</source>
        <translation>Would you like to practise first? The sample data is made up (fake: no real residents or conversations) and never goes into your real database, but into a separate practice database:
%s

It opens in a second window, with the same passphrase. Your real database stays empty until you record something yourself.</translation>
    </message>
</context>
<context>
    <name>DraftAutosaver</name>
    <message>
        <source>Let op: je concept kon niet worden bewaard. Niets weggooien; probeer het straks opnieuw.</source>
        <translation>Note: your draft could not be kept. Do not discard anything; try again shortly.</translation>
    </message>
</context>
<context>
    <name>EndDateDialog</name>
    <message>
        <source>Koppeling beëindigen</source>
        <translation>End link</translation>
    </message>
    <message>
        <source>%s

Laatste dag (de koppeling liep vanaf %s):</source>
        <translation>%s

Last day (the link ran from %s):</translation>
    </message>
    <message>
        <source>Beëindigen</source>
        <translation>End</translation>
    </message>
</context>
<context>
    <name>ExceptionReporter</name>
    <message>
        <source>Er ging iets mis</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Er ging iets mis in de Gebiedsapp. Wat je al had opgeslagen, is veilig. Wat je aan het typen was, is als concept bewaard.

Je kunt gewoon verder werken. Lukt iets steeds niet, sluit de app dan en start hem opnieuw: je concepten worden dan aangeboden onder &apos;Herstel je werk?&apos;.

De technische details staan in het logboek:
%s</source>
        <translation>Something went wrong in Gebiedsapp. What you had already saved is safe. What you were typing has been kept as a draft.

You can carry on working. If something keeps failing, close the app and start it again: your drafts are then offered under &apos;Recover your work?&apos;.

The technical details are in the log file:
%s</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <source>Uitwisselingsbestand inlezen</source>
        <translation>Read an exchange file</translation>
    </message>
    <message>
        <source>Uitwisselingsbestand maken</source>
        <translation>Make an exchange file</translation>
    </message>
    <message>
        <source>Lees de wijzigingen in van een laptop die de teamserver niet bereikt. Wat op beide laptops is veranderd, wordt samengevoegd; verschillen die niet samen kunnen gaan komen in het scherm Conflicten. De wijzigingen gaan bij de volgende synchronisatie mee naar de teamserver.</source>
        <translation>Read the changes of a laptop that does not reach the team server. What changed on both laptops is merged; differences that cannot go together appear on the Conflicts screen. The changes go along to the team server at the next sync.</translation>
    </message>
    <message>
        <source>Schrijf de wijzigingen van deze laptop naar een versleuteld bestand, voor een collega of het kantoor als deze laptop de teamserver niet bereikt. De wijzigingen blijven ook hier klaarstaan voor de teamserver. Geef het wachtwoord apart door, niet in dezelfde e-mail als het bestand.</source>
        <translation>Write this laptop&apos;s changes to an encrypted file, for a colleague or the office when this laptop does not reach the team server. The changes also stay ready here for the team server. Pass on the password separately, not in the same e-mail as the file.</translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Kiezen…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Bestand:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Wachtwoord van het bestand</source>
        <translation>Password of the file</translation>
    </message>
    <message>
        <source>Wachtwoord:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Wachtwoord nogmaals</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>Alle wijzigingen die nog naar de teamserver moeten (niet alleen die sinds het vorige bestand)</source>
        <translation>All changes still waiting for the team server (not only those since the previous file)</translation>
    </message>
    <message>
        <source>Nogmaals:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <source>Inlezen</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Maken</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>Uitwisselingsbestanden (*%s)</source>
        <translation>Exchange files (*%s)</translation>
    </message>
    <message>
        <source>Kies eerst een bestand.</source>
        <translation>Choose a file first.</translation>
    </message>
    <message>
        <source>De twee wachtwoorden zijn niet gelijk; er is niets gedaan.</source>
        <translation>The two passwords differ; nothing was done.</translation>
    </message>
    <message>
        <source>Bezig…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Ingelezen van %s: %d nieuw, %d bijgewerkt, %d gewist, %d al aanwezig, %d conflicten.</source>
        <translation>Read from %s: %d new, %d updated, %d erased, %d already present, %d conflicts.</translation>
    </message>
    <message>
        <source>Los de conflicten op in het scherm Conflicten.</source>
        <translation>Resolve the conflicts on the Conflicts screen.</translation>
    </message>
    <message>
        <source>%d wijzigingen geschreven naar %s.</source>
        <translation>%d changes written to %s.</translation>
    </message>
    <message>
        <source>Het lukte niet: %s. Er is niets gewijzigd.</source>
        <translation>It did not work: %s. Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Alleen gebiedsregisseurs en opbouwwerkers met een lopende toewijzing mogen persoonsgegevens van bewoners exporteren. Koppel je account aan je teamlid in Beheer → Teams als dat voor jou hoort te gelden.</source>
        <translation>Only area coordinators and community workers with a current assignment may export residents&apos; personal data. Link your account to your team member in Administration → Teams if that should apply to you.</translation>
    </message>
    <message>
        <source>Deze lijst bevat geen persoonsgegevens van bewoners.</source>
        <translation>This list holds no personal data of residents.</translation>
    </message>
    <message>
        <source>Let op: het bestand bevat dan namen, telefoonnummers en e-mailadressen van bewoners. Bewaar het alleen op een beveiligde plek en verwijder het als het niet meer nodig is.</source>
        <translation>Note: the file then holds residents&apos; names, phone numbers and email addresses. Keep it only in a secure place and delete it when it is no longer needed.</translation>
    </message>
    <message>
        <source>Exporteren</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Excel-werkmap (.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>CSV voor Excel (.csv, puntkomma&apos;s)</source>
        <translation>CSV for Excel (.csv, semicolons)</translation>
    </message>
    <message>
        <source>GeoJSON voor GIS, zoals QGIS (.geojson; kaartpunten zonder persoonsgegevens)</source>
        <translation>GeoJSON for GIS, such as QGIS (.geojson; map points without personal data)</translation>
    </message>
    <message>
        <source>Persoonsgegevens opnemen</source>
        <translation>Include personal data</translation>
    </message>
    <message>
        <source>Opslaan als…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Bestandsformaat:</source>
        <translation>File format:</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Excel-werkmap (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV voor Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>GeoJSON voor GIS (*.geojson)</source>
        <translation>GeoJSON for GIS (*.geojson)</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Persoonlijk</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Terugkoppeling vastleggen</source>
        <translation>Record feedback</translation>
    </message>
    <message>
        <source>Wat is de bewoner verteld?</source>
        <translation>What was the resident told?</translation>
    </message>
    <message>
        <source>&amp;Wanneer:</source>
        <translation>&amp;When:</translation>
    </message>
    <message>
        <source>&amp;Hoe:</source>
        <translation>&amp;How:</translation>
    </message>
    <message>
        <source>&amp;Door wie:</source>
        <translation>&amp;By whom:</translation>
    </message>
    <message>
        <source>&amp;Notitie:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Vastleggen</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Eerste keer instellen</source>
        <translation>First-time setup</translation>
    </message>
    <message>
        <source>&lt; &amp;Vorige</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Volgende &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>Vol&amp;tooien</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>&amp;Overslaan</source>
        <translation>&amp;Skip</translation>
    </message>
</context>
<context>
    <name>GapsModel</name>
    <message>
        <source>nog nooit</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Handleiding Gebiedsapp</source>
        <translation>Gebiedsapp user guide</translation>
    </message>
    <message>
        <source>Handleiding</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>De handleiding is niet gevonden bij deze installatie. Vraag IT-beheer.</source>
        <translation>The user guide was not found in this installation. Ask IT support.</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Eerdere versies blijven bewaard: wie wat wanneer heeft veranderd.</source>
        <translation>Earlier versions are kept: who changed what and when.</translation>
    </message>
    <message>
        <source>Dit is nog nooit gewijzigd; er is alleen de eerste versie.</source>
        <translation>This has never been changed; there is only the first version.</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Geschiedenis van het gesprek</source>
        <translation>History of the conversation</translation>
    </message>
    <message>
        <source>Nu: &lt;b&gt;%s&lt;/b&gt;. Elke wijziging hieronder, de nieuwste bovenaan.</source>
        <translation>Now: &lt;b&gt;%s&lt;/b&gt;. Every change below, newest first.</translation>
    </message>
    <message>
        <source>Dit gesprek is sinds het opslaan niet gewijzigd.</source>
        <translation>This conversation has not been changed since it was saved.</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Veld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Werd</source>
        <translation>Became</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Nog geen bestand gekozen</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <source>&amp;Bestand kiezen…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <source>Bestand:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Geldige rijen importeren</source>
        <translation>&amp;Import valid rows</translation>
    </message>
    <message>
        <source>Bestand lezen…</source>
        <translation>Reading file…</translation>
    </message>
    <message>
        <source>%s regels · %s kolommen · scheidingsteken: %s · tekenset: %s</source>
        <translation>%s rows · %s columns · separator: %s · encoding: %s</translation>
    </message>
    <message>
        <source>%s regels · %s kolommen · Excel-werkmap</source>
        <translation>%s rows · %s columns · Excel workbook</translation>
    </message>
    <message>
        <source>(niet gebruiken)</source>
        <translation>(do not use)</translation>
    </message>
    <message>
        <source>Regels controleren…</source>
        <translation>Checking rows…</translation>
    </message>
    <message>
        <source>Het bestand kon niet worden gecontroleerd; zie het logboek.</source>
        <translation>The file could not be checked; see the log.</translation>
    </message>
</context>
<context>
    <name>InitiativeForm</name>
    <message>
        <source>Nieuw initiatief</source>
        <translation>New initiative</translation>
    </message>
    <message>
        <source>Naam van het initiatief</source>
        <translation>Name of the initiative</translation>
    </message>
    <message>
        <source>bijv. &apos;Speeltuin Hoofdstraat&apos; (verplicht)</source>
        <translation>e.g. &apos;Hoofdstraat playground&apos; (required)</translation>
    </message>
    <message>
        <source>De naam staat in de samenvatting voor de wethouder: noem er geen bewoner in.</source>
        <translation>The name appears in the summary for the alderman: do not name a resident in it.</translation>
    </message>
    <message>
        <source>Gebied</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Gestart op</source>
        <translation>Started on</translation>
    </message>
    <message>
        <source>Sinds wanneer het team het initiatief kent en steunt</source>
        <translation>Since when the team has known and supported the initiative</translation>
    </message>
    <message>
        <source>Afgerond of gestopt op</source>
        <translation>Completed or stopped on</translation>
    </message>
    <message>
        <source>Gedragen door</source>
        <translation>Led by</translation>
    </message>
    <message>
        <source>Groep of vereniging – geen naam van een bewoner</source>
        <translation>Group or association – no resident&apos;s name</translation>
    </message>
    <message>
        <source>Een groep bewoners of een organisatie. Schrijf hier nooit de naam van één bewoner: een initiatief bewaart geen persoonsgegevens.</source>
        <translation>A group of residents or an organisation. Never write the name of a single resident here: an initiative keeps no personal data.</translation>
    </message>
    <message>
        <source>Begeleider uit het team</source>
        <translation>Team supporter</translation>
    </message>
    <message>
        <source>Budget aangevraagd</source>
        <translation>Budget requested</translation>
    </message>
    <message>
        <source>Budget toegekend</source>
        <translation>Budget granted</translation>
    </message>
    <message>
        <source>Bron van het budget</source>
        <translation>Source of the budget</translation>
    </message>
    <message>
        <source>bijv. leefbaarheidsbudget</source>
        <translation>e.g. liveability budget</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Wat willen de bewoners bereiken?</source>
        <translation>What do the residents want to achieve?</translation>
    </message>
    <message>
        <source>Ondersteuning door het team</source>
        <translation>Support from the team</translation>
    </message>
    <message>
        <source>Advies, contacten, hulp bij een aanvraag…</source>
        <translation>Advice, contacts, help with an application…</translation>
    </message>
    <message>
        <source>Afgerond op:</source>
        <translation>Completed on:</translation>
    </message>
    <message>
        <source>Afgerond of gestopt op (alleen bij die status)</source>
        <translation>Completed or stopped on (only with that status)</translation>
    </message>
    <message>
        <source>&amp;Naam *:</source>
        <translation>&amp;Name *:</translation>
    </message>
    <message>
        <source>&amp;Gebied:</source>
        <translation>&amp;Area:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Begeleider:</source>
        <translation>&amp;Supporter:</translation>
    </message>
    <message>
        <source>Ges&amp;tart op:</source>
        <translation>S&amp;tarted on:</translation>
    </message>
    <message>
        <source>Gedragen &amp;door:</source>
        <translation>Led &amp;by:</translation>
    </message>
    <message>
        <source>Budget ge&amp;vraagd:</source>
        <translation>Budget re&amp;quested:</translation>
    </message>
    <message>
        <source>Toege&amp;kend:</source>
        <translation>&amp;Granted:</translation>
    </message>
    <message>
        <source>B&amp;ron budget:</source>
        <translation>S&amp;ource of budget:</translation>
    </message>
    <message>
        <source>M&amp;ijlpalen:</source>
        <translation>M&amp;ilestones:</translation>
    </message>
    <message>
        <source>O&amp;mschrijving:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <source>&amp;Ondersteuning door het team:</source>
        <translation>Su&amp;pport from the team:</translation>
    </message>
    <message>
        <source>T&amp;hema&apos;s:</source>
        <translation>T&amp;hemes:</translation>
    </message>
    <message>
        <source>&amp;Partners:</source>
        <translation>&amp;Partners:</translation>
    </message>
    <message>
        <source>Gestopt op:</source>
        <translation>Stopped on:</translation>
    </message>
    <message>
        <source>(niemand)</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <source>Kies een gebied.</source>
        <translation>Choose an area.</translation>
    </message>
    <message>
        <source>Bewerken (versie %s)</source>
        <translation>Edit (version %s)</translation>
    </message>
    <message>
        <source>%s (verwijderd gebied)</source>
        <translation>%s (deleted area)</translation>
    </message>
</context>
<context>
    <name>InitiativesModel</name>
    <message>
        <source>Geen open mijlpaal (%s van %s bereikt)</source>
        <translation>No open milestone (%s of %s reached)</translation>
    </message>
    <message>
        <source>Te laat: %s (streefdatum voorbij, nog niet bereikt)</source>
        <translation>Overdue: %s (target date passed, not yet reached)</translation>
    </message>
    <message>
        <source>%s van %s mijlpalen bereikt</source>
        <translation>%s of %s milestones reached</translation>
    </message>
    <message>
        <source>Gedragen door: %s</source>
        <translation>Led by: %s</translation>
    </message>
    <message>
        <source>Begeleider: %s</source>
        <translation>Supporter: %s</translation>
    </message>
    <message>
        <source>%s op %s</source>
        <translation>%s on %s</translation>
    </message>
</context>
<context>
    <name>InitiativesScreen</name>
    <message>
        <source>Initiatieven</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <source>Initiatieven van het gebied</source>
        <translation>Initiatives of the area</translation>
    </message>
    <message>
        <source>Ook afgeronde en gestopte</source>
        <translation>Also completed and stopped</translation>
    </message>
    <message>
        <source>Toon ook de initiatieven die klaar of gestopt zijn</source>
        <translation>Also show initiatives that are completed or stopped</translation>
    </message>
    <message>
        <source>Dubbelklik (of Enter) om te openen.</source>
        <translation>Double-click (or Enter) to open.</translation>
    </message>
    <message>
        <source>Nieuw initiatief</source>
        <translation>New initiative</translation>
    </message>
    <message>
        <source>Begin een nieuw initiatief in het formulier</source>
        <translation>Start a new initiative in the form</translation>
    </message>
    <message>
        <source>Opslaan (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Geschiedenis…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>Eerdere versies van dit initiatief</source>
        <translation>Earlier versions of this initiative</translation>
    </message>
    <message>
        <source>Verwijderen…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Verwijder dit initiatief (na een vraag)</source>
        <translation>Delete this initiative (after confirming)</translation>
    </message>
    <message>
        <source>Annuleren (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Bewonersinitiatieven in %s: status, mijlpalen, ondersteuning en budget.</source>
        <translation>Residents&apos; initiatives in %s: status, milestones, support and budget.</translation>
    </message>
    <message>
        <source>De keuzes van het formulier konden niet worden geladen.</source>
        <translation>The form&apos;s choices could not be loaded.</translation>
    </message>
    <message>
        <source>Initiatieven laden…</source>
        <translation>Loading initiatives…</translation>
    </message>
    <message>
        <source>%s initiatief</source>
        <translation>%s initiative</translation>
    </message>
    <message>
        <source>%s initiatieven</source>
        <translation>%s initiatives</translation>
    </message>
    <message>
        <source>%s lopend initiatief</source>
        <translation>%s current initiative</translation>
    </message>
    <message>
        <source>%s lopende initiatieven</source>
        <translation>%s current initiatives</translation>
    </message>
    <message>
        <source>De initiatieven konden niet worden geladen.</source>
        <translation>The initiatives could not be loaded.</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Wijzigingen weggegooid.</source>
        <translation>Changes discarded.</translation>
    </message>
    <message>
        <source>Wijziging opgeslagen</source>
        <translation>Change saved</translation>
    </message>
    <message>
        <source>Initiatief opgeslagen</source>
        <translation>Initiative saved</translation>
    </message>
    <message>
        <source>dit initiatief</source>
        <translation>this initiative</translation>
    </message>
    <message>
        <source>&apos;%s&apos; verwijderen? Het verdwijnt uit de lijsten en de samenvatting; de geschiedenis blijft bewaard. Is het initiatief gestopt, kies dan liever de status &apos;Gestopt&apos;.</source>
        <translation>Delete &apos;%s&apos;? It disappears from the lists and the summary; its history is kept. If the initiative has stopped, choose the status &apos;Stopped&apos; instead.</translation>
    </message>
    <message>
        <source>Initiatief verwijderen</source>
        <translation>Delete initiative</translation>
    </message>
    <message>
        <source>Niet verwijderd</source>
        <translation>Not deleted</translation>
    </message>
    <message>
        <source>Initiatief verwijderd: %s</source>
        <translation>Initiative deleted: %s</translation>
    </message>
</context>
<context>
    <name>KeyFigures</name>
    <message>
        <source>Koffiekarrondes</source>
        <translation>Coffee cart rounds</translation>
    </message>
    <message>
        <source>keren dat het team met de koffiekar in het gebied stond</source>
        <translation>times the team was in the area with the coffee cart</translation>
    </message>
    <message>
        <source>Koffiekargesprekken</source>
        <translation>Coffee cart conversations</translation>
    </message>
    <message>
        <source>gesprekken met bewoners bij de koffiekar</source>
        <translation>conversations with residents at the coffee cart</translation>
    </message>
    <message>
        <source>Contacten</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>huisbezoeken, telefoontjes, bijeenkomsten en e-mails</source>
        <translation>home visits, phone calls, meetings and emails</translation>
    </message>
    <message>
        <source>Nieuwe meedenkers</source>
        <translation>New contributors</translation>
    </message>
    <message>
        <source>bewoners die zich aanmeldden om mee te denken</source>
        <translation>residents who signed up to contribute</translation>
    </message>
    <message>
        <source>Nieuwe signalen</source>
        <translation>New signals</translation>
    </message>
    <message>
        <source>gemeld in deze periode</source>
        <translation>reported in this period</translation>
    </message>
    <message>
        <source>Afgesloten signalen</source>
        <translation>Closed signals</translation>
    </message>
    <message>
        <source>afgehandeld of geannuleerd in deze periode</source>
        <translation>resolved or cancelled in this period</translation>
    </message>
    <message>
        <source>Open signalen</source>
        <translation>Open signals</translation>
    </message>
    <message>
        <source>nog niet afgesloten aan het eind van de periode</source>
        <translation>not yet closed at the end of the period</translation>
    </message>
    <message>
        <source>Waarvan over de termijn</source>
        <translation>Of which past the term</translation>
    </message>
    <message>
        <source>open signalen voorbij hun afhandeltermijn</source>
        <translation>open signals past their handling term</translation>
    </message>
    <message>
        <source>Nieuwe initiatieven</source>
        <translation>New initiatives</translation>
    </message>
    <message>
        <source>bewonersinitiatieven gestart in deze periode</source>
        <translation>residents&apos; initiatives started in this period</translation>
    </message>
    <message>
        <source>Lopende initiatieven</source>
        <translation>Current initiatives</translation>
    </message>
    <message>
        <source>nog niet afgerond of gestopt aan het eind</source>
        <translation>not yet completed or stopped at the end</translation>
    </message>
    <message>
        <source>Afgeronde initiatieven</source>
        <translation>Completed initiatives</translation>
    </message>
    <message>
        <source>met succes afgerond in deze periode</source>
        <translation>successfully completed in this period</translation>
    </message>
    <message>
        <source>Open acties</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <source>afgesproken acties die nog niet gedaan zijn</source>
        <translation>agreed actions not yet done</translation>
    </message>
    <message>
        <source>Activiteiten</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>bewonersavonden, dorpsschouwen, overleg met verenigingen</source>
        <translation>residents&apos; evenings, village walk-rounds, meetings with associations</translation>
    </message>
    <message>
        <source>Aanwezigen bij activiteiten</source>
        <translation>Attendance at activities</translation>
    </message>
    <message>
        <source>opgeteld over die activiteiten</source>
        <translation>added up over those activities</translation>
    </message>
</context>
<context>
    <name>KoffiekarScreen</name>
    <message>
        <source>Koffiekar</source>
        <translation>Coffee cart</translation>
    </message>
    <message>
        <source>Nieuwe ronde</source>
        <translation>New round</translation>
    </message>
    <message>
        <source>Nieuwe ronde, vandaag hier  (Ctrl+N)</source>
        <translation>New round, here today  (Ctrl+N)</translation>
    </message>
    <message>
        <source>Koffiekarrondes</source>
        <translation>Coffee cart rounds</translation>
    </message>
    <message>
        <source>Alle rondes en gesprekken van dit dorp of deze wijk opslaan als bestand</source>
        <translation>Save all rounds and conversations of this village or district as a file</translation>
    </message>
    <message>
        <source>&amp;Verslag van de ronde</source>
        <translation>Round &amp;report</translation>
    </message>
    <message>
        <source>Wat er in deze ronde is gehoord, op één A4 (zonder persoonsgegevens)</source>
        <translation>What was heard in this round, on one A4 page (without personal data)</translation>
    </message>
    <message>
        <source>Ronde opslaan</source>
        <translation>Save round</translation>
    </message>
    <message>
        <source>Koffiekar · %s</source>
        <translation>Coffee cart · %s</translation>
    </message>
    <message>
        <source>Kies links een dorp of wijk.</source>
        <translation>Choose a village or district on the left.</translation>
    </message>
    <message>
        <source>Een koffiekarronde hoort bij een dorp of wijk: kies er links een.</source>
        <translation>A coffee cart round belongs to a village or district: choose one on the left.</translation>
    </message>
    <message>
        <source>Nog geen rondes hier. Ctrl+N start een ronde voor vandaag.</source>
        <translation>No rounds here yet. Ctrl+N starts a round for today.</translation>
    </message>
    <message>
        <source>Kies een ronde, of start met Ctrl+N een ronde voor vandaag.</source>
        <translation>Choose a round, or press Ctrl+N to start a round for today.</translation>
    </message>
    <message>
        <source>Verslag van de koffiekarronde</source>
        <translation>Coffee cart round report</translation>
    </message>
    <message>
        <source>Niet gevonden</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Niet te herstellen</source>
        <translation>Cannot be restored</translation>
    </message>
    <message>
        <source>Het gebied of de koffiekarronde van dit concept bestaat niet meer. Het concept blijft bewaard.</source>
        <translation>The area or coffee cart round of this draft no longer exists. The draft is kept.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Kern</source>
        <translation>Village or town</translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Buurtschap</source>
        <translation>Hamlet</translation>
    </message>
    <message>
        <source>Gebied (eigen indeling)</source>
        <translation>Area (own division)</translation>
    </message>
    <message>
        <source>Gebiedsregisseur</source>
        <translation>Area coordinator</translation>
    </message>
    <message>
        <source>Opbouwwerker</source>
        <translation>Community worker</translation>
    </message>
    <message>
        <source>Gebiedswethouder</source>
        <translation>Area alderman</translation>
    </message>
    <message>
        <source>werkdagen</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>kalenderdagen</source>
        <translation>calendar days</translation>
    </message>
    <message>
        <source>Politie</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Woningcorporatie</source>
        <translation>Housing association</translation>
    </message>
    <message>
        <source>Welzijn en opbouwwerk</source>
        <translation>Welfare and community work</translation>
    </message>
    <message>
        <source>Zorg</source>
        <translation>Care</translation>
    </message>
    <message>
        <source>Dorps- of wijkvereniging</source>
        <translation>Village or neighbourhood association</translation>
    </message>
    <message>
        <source>Andere overheid</source>
        <translation>Other government body</translation>
    </message>
    <message>
        <source>Overig</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Ter plekke beantwoord</source>
        <translation>Answered on the spot</translation>
    </message>
    <message>
        <source>Doorverwijzen</source>
        <translation>Refer on</translation>
    </message>
    <message>
        <source>Actie nodig</source>
        <translation>Action needed</translation>
    </message>
    <message>
        <source>Huisbezoek</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Bijeenkomst</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Spreekuur</source>
        <translation>Drop-in hours</translation>
    </message>
    <message>
        <source>Anders</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Bewoner (anoniem)</source>
        <translation>Resident (anonymous)</translation>
    </message>
    <message>
        <source>Geregistreerde meedenker</source>
        <translation>Registered contributor</translation>
    </message>
    <message>
        <source>Groep bewoners</source>
        <translation>Group of residents</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Gedaan</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Vervallen</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <source>Idee</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>In voorbereiding</source>
        <translation>In preparation</translation>
    </message>
    <message>
        <source>In uitvoering</source>
        <translation>Under way</translation>
    </message>
    <message>
        <source>Afgerond</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Gestopt</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Wil contact</source>
        <translation>Wants contact</translation>
    </message>
    <message>
        <source>Wil meedenken of meewerken</source>
        <translation>Wants to contribute or take part</translation>
    </message>
    <message>
        <source>Gesprek</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Koffiekarronde</source>
        <translation>Coffee cart round</translation>
    </message>
    <message>
        <source>Activiteit</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Dorpsschouw</source>
        <translation>Village walk-round</translation>
    </message>
    <message>
        <source>Overleg dorps- of wijkvereniging</source>
        <translation>Meeting with village or neighbourhood association</translation>
    </message>
    <message>
        <source>Koffiekar</source>
        <translation>Coffee cart</translation>
    </message>
    <message>
        <source>Bewonersavond</source>
        <translation>Residents&apos; evening</translation>
    </message>
    <message>
        <source>Enquête</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>Eigen waarneming</source>
        <translation>Own observation</translation>
    </message>
    <message>
        <source>Online (webformulier of app)</source>
        <translation>Online (web form or app)</translation>
    </message>
    <message>
        <source>Laag</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Normaal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Hoog</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Gemeld</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>In behandeling</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Doorgezet naar partner</source>
        <translation>Passed on to partner</translation>
    </message>
    <message>
        <source>Ingepland</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>In de wacht</source>
        <translation>On hold</translation>
    </message>
    <message>
        <source>Afgehandeld</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Geannuleerd</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Heropend</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Prioriteit</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Gesplitst</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>binnen de termijn</source>
        <translation>within the term</translation>
    </message>
    <message>
        <source>buiten de termijn</source>
        <translation>past the term</translation>
    </message>
    <message>
        <source>ruim buiten de termijn</source>
        <translation>well past the term</translation>
    </message>
    <message>
        <source>aangemaakt</source>
        <translation>created</translation>
    </message>
    <message>
        <source>gewijzigd</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>verwijderd</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>geëxporteerd</source>
        <translation>exported</translation>
    </message>
    <message>
        <source>afgedrukt of als PDF opgeslagen</source>
        <translation>printed or saved as PDF</translation>
    </message>
    <message>
        <source>geïmporteerd</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>persoonsgegevens gewist</source>
        <translation>personal data erased</translation>
    </message>
    <message>
        <source>database geopend</source>
        <translation>database opened</translation>
    </message>
    <message>
        <source>bewaartermijn toegepast</source>
        <translation>retention period applied</translation>
    </message>
    <message>
        <source>versleuteling gewijzigd</source>
        <translation>encryption changed</translation>
    </message>
    <message>
        <source>beschadiging van het auditlog gevonden</source>
        <translation>damage to the audit log found</translation>
    </message>
</context>
<context>
    <name>LinkList</name>
    <message>
        <source>(niet meer te kiezen)</source>
        <translation>(no longer offered)</translation>
    </message>
    <message>
        <source>Nieuw: %s</source>
        <translation>New: %s</translation>
    </message>
    <message>
        <source>Wordt gemaakt bij het opslaan; uitvinken haalt hem weg</source>
        <translation>Made when saving; untick to take it away</translation>
    </message>
</context>
<context>
    <name>ListsScreen</name>
    <message>
        <source>Lijsten</source>
        <translation>Lists</translation>
    </message>
    <message>
        <source>Heel Oldambt</source>
        <translation>All of Oldambt</translation>
    </message>
    <message>
        <source>Zoek in samenvattingen, citaten, onderwerpen en aantekeningen</source>
        <translation>Search summaries, quotes, subjects and notes</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Tot en met</source>
        <translation>Up to and including</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Afhandeling</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>(alle)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <source>&amp;Zoeken:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>&amp;Van:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;t/m:</source>
        <translation>&amp;to:</translation>
    </message>
    <message>
        <source>T&amp;hema:</source>
        <translation>T&amp;heme:</translation>
    </message>
    <message>
        <source>A&amp;uteur:</source>
        <translation>A&amp;uthor:</translation>
    </message>
    <message>
        <source>Afh&amp;andeling:</source>
        <translation>Follo&amp;w-up:</translation>
    </message>
    <message>
        <source>&amp;Rondes</source>
        <translation>&amp;Rounds</translation>
    </message>
    <message>
        <source>ronde</source>
        <translation>round</translation>
    </message>
    <message>
        <source>rondes</source>
        <translation>rounds</translation>
    </message>
    <message>
        <source>&amp;Gesprekken</source>
        <translation>&amp;Conversations</translation>
    </message>
    <message>
        <source>gesprek</source>
        <translation>conversation</translation>
    </message>
    <message>
        <source>gesprekken</source>
        <translation>conversations</translation>
    </message>
    <message>
        <source>&amp;Contacten</source>
        <translation>Con&amp;tacts</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>contacten</source>
        <translation>contacts</translation>
    </message>
    <message>
        <source>&amp;Acties</source>
        <translation>&amp;Actions</translation>
    </message>
    <message>
        <source>actie</source>
        <translation>action</translation>
    </message>
    <message>
        <source>acties</source>
        <translation>actions</translation>
    </message>
    <message>
        <source>Koffiekarrondes; een thema betekent: er was een gesprek over.</source>
        <translation>Coffee cart rounds; a theme means: there was a conversation about it.</translation>
    </message>
    <message>
        <source>Acties die in de periode zijn afgesproken, open en afgerond. Thema en afhandeling gelden hier niet.</source>
        <translation>Actions agreed in the period, open and completed. Theme and follow-up do not apply here.</translation>
    </message>
    <message>
        <source>Zoeken…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Dit filter geldt niet voor deze lijst.</source>
        <translation>This filter does not apply to this list.</translation>
    </message>
    <message>
        <source>meer dan %s %s; verfijn het filter</source>
        <translation>more than %s %s; refine the filter</translation>
    </message>
    <message>
        <source>Zoeken mislukt; zie het logboek.</source>
        <translation>Search failed; see the log.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Gebiedsapp – gebiedsgericht werken in Oldambt</source>
        <translation>Gebiedsapp – area-based work in Oldambt</translation>
    </message>
    <message>
        <source>Schermen</source>
        <translation>Screens</translation>
    </message>
    <message>
        <source>Gebied</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Koffiekar</source>
        <translation>Coffee cart</translation>
    </message>
    <message>
        <source>Contacten</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation>Signals</translation>
    </message>
    <message>
        <source>Initiatieven</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Mijn acties</source>
        <translation>My actions</translation>
    </message>
    <message>
        <source>Lijsten</source>
        <translation>Lists</translation>
    </message>
    <message>
        <source>Wie werkt waar</source>
        <translation>Who works where</translation>
    </message>
    <message>
        <source>Beheer</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Conflicten</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Activiteiten</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Nieuwe &amp;koffiekarronde</source>
        <translation>New coffee cart r&amp;ound</translation>
    </message>
    <message>
        <source>Nieuw &amp;contact</source>
        <translation>New &amp;contact</translation>
    </message>
    <message>
        <source>Nieuwe acti&amp;viteit</source>
        <translation>New acti&amp;vity</translation>
    </message>
    <message>
        <source>&amp;Concepten herstellen…</source>
        <translation>&amp;Restore drafts…</translation>
    </message>
    <message>
        <source>&amp;Reservekopie maken</source>
        <translation>Make &amp;backup</translation>
    </message>
    <message>
        <source>Reservekopie &amp;terugzetten…</source>
        <translation>Res&amp;tore backup…</translation>
    </message>
    <message>
        <source>&amp;Map voor reservekopieën…</source>
        <translation>Backup &amp;folder…</translation>
    </message>
    <message>
        <source>&amp;Uitwisselingsbestand maken…</source>
        <translation>Make an &amp;exchange file…</translation>
    </message>
    <message>
        <source>Uitwisselingsbestand &amp;inlezen…</source>
        <translation>&amp;Read an exchange file…</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Bee&amp;ld</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Gebied &amp;zoeken</source>
        <translation>&amp;Find area</translation>
    </message>
    <message>
        <source>B&amp;eheer</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>Gebieden</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Signaalcategorieën</source>
        <translation>Signal categories</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Teamserver</source>
        <translation>Team server</translation>
    </message>
    <message>
        <source>&amp;CBS-cijfers importeren…</source>
        <translation>Import &amp;CBS figures…</translation>
    </message>
    <message>
        <source>&amp;Inzage en verwijdering…</source>
        <translation>&amp;Access and erasure…</translation>
    </message>
    <message>
        <source>Database &amp;versleutelen…</source>
        <translation>&amp;Encrypt database…</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord wijzigen…</source>
        <translation>Change &amp;passphrase…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Handleiding</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>&amp;Sneltoetsen</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Eerste keer instellen…</source>
        <translation>&amp;First-time setup…</translation>
    </message>
    <message>
        <source>&amp;Over Gebiedsapp</source>
        <translation>&amp;About Gebiedsapp</translation>
    </message>
    <message>
        <source>Database: %s</source>
        <translation>Database: %s</translation>
    </message>
    <message>
        <source>Medewerker: %s</source>
        <translation>User: %s</translation>
    </message>
    <message>
        <source>Alleen voor beheerders</source>
        <translation>Administrators only</translation>
    </message>
    <message>
        <source>Concepten</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>Er zijn geen bewaarde concepten.</source>
        <translation>There are no saved drafts.</translation>
    </message>
    <message>
        <source>Reservekopie mislukt</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>Reservekopie gemaakt: %s</source>
        <translation>Backup made: %s</translation>
    </message>
</context>
<context>
    <name>MePage</name>
    <message>
        <source>Wie bent u?</source>
        <translation>Who are you?</translation>
    </message>
    <message>
        <source>U wordt als teamlid opgenomen, met uw aanmelding als account.</source>
        <translation>You are added as a team member, with your sign-in as the account.</translation>
    </message>
    <message>
        <source>Als eerste teamlid wordt u ook beheerder (te wijzigen via Beheer → Teams).</source>
        <translation>As the first team member you also become administrator (can be changed via Administration → Teams).</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Uw aanmeldnaam op deze computer; daaraan herkent de app uw &apos;Mijn acties&apos;.</source>
        <translation>Your sign-in name on this computer; the app uses it to recognise your &apos;My actions&apos;.</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Account:</translation>
    </message>
    <message>
        <source>&amp;Rol:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>Vul uw naam in.</source>
        <translation>Fill in your name.</translation>
    </message>
    <message>
        <source>Vul uw account in (uw aanmeldnaam op deze computer).</source>
        <translation>Fill in your account (your sign-in name on this computer).</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Samenvoegen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Pas de velden aan tot ze kloppen; ze beginnen met uw versie. Onder elk veld staat de versie van de server.</source>
        <translation>Edit the fields until they are right; they start with your version. Below each field is the server&apos;s version.</translation>
    </message>
    <message>
        <source>Server: %s</source>
        <translation>Server: %s</translation>
    </message>
    <message>
        <source>Samengevoegd &amp;bewaren</source>
        <translation>&amp;Save merged</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&apos;%s&apos; is geen geldige waarde voor %s.</source>
        <translation>&apos;%s&apos; is not a valid value for %s.</translation>
    </message>
</context>
<context>
    <name>MilestoneDelegate</name>
    <message>
        <source>Wat moet er bereikt worden? (geen namen van bewoners)</source>
        <translation>What needs to be achieved? (no names of residents)</translation>
    </message>
    <message>
        <source>dd-mm-jjjj</source>
        <translation>dd-mm-yyyy</translation>
    </message>
</context>
<context>
    <name>MilestonesEditor</name>
    <message>
        <source>Mijlpalen</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <source>Typ in een cel om die te wijzigen; F2 of dubbelklik ook. Delete maakt de cel leeg; Ctrl+Delete verwijdert de mijlpaal.</source>
        <translation>Type in a cell to change it; F2 or double-click also work. Delete clears the cell; Ctrl+Delete removes the milestone.</translation>
    </message>
    <message>
        <source>Mijlpaal toevoegen</source>
        <translation>Add milestone</translation>
    </message>
    <message>
        <source>Bereikt vandaag</source>
        <translation>Reached today</translation>
    </message>
    <message>
        <source>Zet de gekozen mijlpaal op bereikt (vandaag), of haal dat weer weg</source>
        <translation>Mark the selected milestone as reached (today), or undo that</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Verwijder de gekozen mijlpaal (Ctrl+Delete)</source>
        <translation>Remove the selected milestone (Ctrl+Delete)</translation>
    </message>
</context>
<context>
    <name>MilestonesModel</name>
    <message>
        <source>Te laat: de streefdatum is voorbij en de mijlpaal is niet bereikt</source>
        <translation>Overdue: the target date has passed and the milestone has not been reached</translation>
    </message>
    <message>
        <source>Typ een datum als dd-mm-jjjj; leeg laten mag</source>
        <translation>Type a date as dd-mm-yyyy; leaving it empty is allowed</translation>
    </message>
    <message>
        <source>Typ wat er bereikt moet worden</source>
        <translation>Type what needs to be achieved</translation>
    </message>
    <message>
        <source>De %s van mijlpaal &apos;%s&apos; is geen datum: &apos;%s&apos;. Schrijf die als dd-mm-jjjj (bijvoorbeeld 01-09-2026).</source>
        <translation>The %s of milestone &apos;%s&apos; is not a date: &apos;%s&apos;. Write it as dd-mm-yyyy (for example 01-09-2026).</translation>
    </message>
</context>
<context>
    <name>MyActionsScreen</name>
    <message>
        <source>Koppel je account aan je teamlid in Beheer → Teams om je acties te zien</source>
        <translation>Link your account to your team member in Administration → Teams to see your actions</translation>
    </message>
    <message>
        <source>Mijn acties</source>
        <translation>My actions</translation>
    </message>
    <message>
        <source>Wat je hebt afgesproken in gesprekken en contacten, wat het eerst moet bovenaan. Kies een actie en druk op Spatie als hij gedaan is.</source>
        <translation>What you agreed in conversations and contacts, most urgent at the top. Choose an action and press Space when it is done.</translation>
    </message>
    <message>
        <source>Toon ook afgeronde</source>
        <translation>Also show completed</translation>
    </message>
    <message>
        <source>Gedaan (Spatie)</source>
        <translation>Done (Space)</translation>
    </message>
    <message>
        <source>Markeer de gekozen actie als gedaan</source>
        <translation>Mark the selected action as done</translation>
    </message>
    <message>
        <source>Ongedaan maken</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Zet de laatst afgeronde actie weer open</source>
        <translation>Reopen the last completed action</translation>
    </message>
    <message>
        <source>%s open</source>
        <translation>%s open</translation>
    </message>
    <message>
        <source>, waarvan %s te laat</source>
        <translation>, of which %s overdue</translation>
    </message>
    <message>
        <source>Weer openzetten (Spatie)</source>
        <translation>Reopen (Space)</translation>
    </message>
    <message>
        <source>Gedaan: %s</source>
        <translation>Done: %s</translation>
    </message>
    <message>
        <source>Weer open: %s</source>
        <translation>Reopened: %s</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Notitie voor de geschiedenis (niet verplicht)</source>
        <translation>Note for the history (optional)</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Wijzigen</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>PartnerPicker</name>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
</context>
<context>
    <name>PartnersTab</name>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Buiten gebruik: bestaande signalen en contacten houden deze partner, maar hij wordt niet meer aangeboden.</source>
        <translation>Retired: existing signals and contacts keep this partner, but it is no longer offered.</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Nieuwe partner</source>
        <translation>New partner</translation>
    </message>
    <message>
        <source>Buiten gebruik stellen</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>Naam:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Soort:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Telefoon:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Omschrijving:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Weer in gebruik nemen</source>
        <translation>Bring back into use</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Database openen</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>Wachtwoord kiezen</source>
        <translation>Choose a passphrase</translation>
    </message>
    <message>
        <source>Database versleutelen</source>
        <translation>Encrypt database</translation>
    </message>
    <message>
        <source>Wachtwoord wijzigen</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>Wachtwoord van de reservekopie</source>
        <translation>Passphrase of the backup</translation>
    </message>
    <message>
        <source>De database is versleuteld. Geef het wachtwoord om hem te openen.</source>
        <translation>The database is encrypted. Enter the passphrase to open it.</translation>
    </message>
    <message>
        <source>De gegevens van bewoners worden versleuteld op deze laptop bewaard. Kies een wachtwoord voor de database.</source>
        <translation>Residents&apos; data is kept encrypted on this laptop. Choose a passphrase for the database.</translation>
    </message>
    <message>
        <source>Deze database is nog niet versleuteld, dus neemt hij geen namen, telefoonnummers of e-mailadressen van bewoners op. Kies een wachtwoord om hem te versleutelen. De onversleutelde bestanden (ook de reservekopieën) worden daarna overschreven en verwijderd.</source>
        <translation>This database is not encrypted yet, so it does not take residents&apos; names, phone numbers or email addresses. Choose a passphrase to encrypt it. The unencrypted files (the backups too) are then overwritten and deleted.</translation>
    </message>
    <message>
        <source>De database en zijn reservekopieën worden opnieuw versleuteld met het nieuwe wachtwoord. Het oude wachtwoord opent ze daarna niet meer.</source>
        <translation>The database and its backups are encrypted again with the new passphrase. The old passphrase no longer opens them afterwards.</translation>
    </message>
    <message>
        <source>Deze reservekopie is versleuteld met een ander wachtwoord dan de database nu heeft (van vóór een wachtwoordwijziging, of van een database die verloren ging). Geef het wachtwoord van toen.</source>
        <translation>This backup is encrypted with a different passphrase from the one the database has now (from before a change of passphrase, or from a database that was lost). Enter the passphrase of that time.</translation>
    </message>
    <message>
        <source>Zonder dit wachtwoord is niets meer te lezen, ook niet door de beheerder: er is geen achterdeur. Een zin van vier of meer losse woorden is sterk en goed te onthouden.</source>
        <translation>Without this passphrase nothing can be read, not even by the administrator: there is no back door. A phrase of four or more unrelated words is strong and easy to remember.</translation>
    </message>
    <message>
        <source>Database: %s</source>
        <translation>Database: %s</translation>
    </message>
    <message>
        <source>Huidig wachtwoord:</source>
        <translation>Current passphrase:</translation>
    </message>
    <message>
        <source>Wachtwoord:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord:</source>
        <translation>New passphrase:</translation>
    </message>
    <message>
        <source>Nogmaals:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <source>Sterkte:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>Wachtwoord onthouden op deze computer (in de sleutelhanger)</source>
        <translation>Remember the passphrase on this computer (in the keyring)</translation>
    </message>
    <message>
        <source>Alleen voor uw eigen account op deze computer. Wie uw account kan gebruiken, kan dan ook de database openen.</source>
        <translation>Only for your own account on this computer. Whoever can use your account can then open the database too.</translation>
    </message>
    <message>
        <source>Deze computer heeft geen sleutelhanger: het wachtwoord kan hier niet worden onthouden.</source>
        <translation>This computer has no keyring: the passphrase cannot be remembered here.</translation>
    </message>
    <message>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Database maken</source>
        <translation>Create database</translation>
    </message>
    <message>
        <source>Versleutelen</source>
        <translation>Encrypt</translation>
    </message>
    <message>
        <source>Wijzigen</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Minstens %d tekens. Bijvoorbeeld: vier woorden die niet bij elkaar horen.</source>
        <translation>At least %d characters. For example: four words that do not belong together.</translation>
    </message>
    <message>
        <source>Heel zwak</source>
        <translation>Very weak</translation>
    </message>
    <message>
        <source>Zwak</source>
        <translation>Weak</translation>
    </message>
    <message>
        <source>Matig</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Sterk</source>
        <translation>Strong</translation>
    </message>
    <message>
        <source>Heel sterk</source>
        <translation>Very strong</translation>
    </message>
    <message>
        <source>Goed: dit raadt niemand.</source>
        <translation>Good: nobody will guess this.</translation>
    </message>
    <message>
        <source>Sterk genoeg. Een extra woord maakt het nog beter.</source>
        <translation>Strong enough. One more word makes it even better.</translation>
    </message>
    <message>
        <source>Te voorspelbaar: een bekend woord, plaatsnaam, datum of toetsenbordreeks. Gebruik een zin van vier of meer losse woorden.</source>
        <translation>Too predictable: a common word, place name, date or keyboard pattern. Use a phrase of four or more unrelated words.</translation>
    </message>
    <message>
        <source>Te makkelijk te raden. Voeg een paar ongewone woorden toe.</source>
        <translation>Too easy to guess. Add a few unusual words.</translation>
    </message>
    <message>
        <source>De twee wachtwoorden zijn niet gelijk.</source>
        <translation>The two passphrases are not the same.</translation>
    </message>
    <message>
        <source>Gebruik minstens %d tekens; een zin van vier woorden werkt goed.</source>
        <translation>Use at least %d characters; a phrase of four words works well.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Wachtwoord voor de teamserver</source>
        <translation>Password for the team server</translation>
    </message>
    <message>
        <source>Typ het wachtwoord van &apos;%s&apos; voor de teamserver %s.</source>
        <translation>Type the password of &apos;%s&apos; for the team server %s.</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Onthouden op deze laptop</source>
        <translation>&amp;Remember on this laptop</translation>
    </message>
    <message>
        <source>Bewaart het wachtwoord in de sleutelhanger van Windows; dan kan de app ook op de achtergrond synchroniseren.</source>
        <translation>Keeps the password in the Windows keyring; then the app can also synchronise in the background.</translation>
    </message>
    <message>
        <source>&amp;Synchroniseren</source>
        <translation>&amp;Synchronise</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Af&amp;drukken…</source>
        <translation>&amp;Print…</translation>
    </message>
</context>
<context>
    <name>PendingActionsModel</name>
    <message>
        <source>nog niemand</source>
        <translation>nobody yet</translation>
    </message>
    <message>
        <source>geen datum</source>
        <translation>no date</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Maand</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Kwartaal</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Van – tot</source>
        <translation>From – to</translation>
    </message>
    <message>
        <source>Soort periode</source>
        <translation>Period type</translation>
    </message>
    <message>
        <source>kwartaal %d</source>
        <translation>quarter %d</translation>
    </message>
    <message>
        <source>t/m</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>PersonalDataWarning</name>
    <message>
        <source>Waarschuwing persoonsgegevens</source>
        <translation>Personal data warning</translation>
    </message>
    <message>
        <source>Let op: %s lijkt een naam, telefoonnummer of e-mailadres te bevatten. Deze tekst komt in de rapportages; daar wordt het onleesbaar gemaakt, maar haal het liever hier al weg. Opslaan kan wel.</source>
        <translation>Note: %s seems to contain a name, phone number or e-mail address. This text goes into the reports; it is masked there, but better remove it here. You can still save.</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Dubbelklik om een foto groot te bekijken.</source>
        <translation>Double-click to view a photo full size.</translation>
    </message>
    <message>
        <source>Nog geen foto&apos;s.</source>
        <translation>No photos yet.</translation>
    </message>
    <message>
        <source>Foto &amp;toevoegen…</source>
        <translation>&amp;Add photo…</translation>
    </message>
    <message>
        <source>&amp;Bekijken</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Opslaan &amp;als…</source>
        <translation>Save a&amp;s…</translation>
    </message>
    <message>
        <source>Ver&amp;wijderen…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>Foto&apos;s toevoegen</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <source>Foto niet toegevoegd</source>
        <translation>Photo not added</translation>
    </message>
    <message>
        <source> Er is niets opgeslagen.</source>
        <translation> Nothing has been saved.</translation>
    </message>
    <message>
        <source>Foto verwijderen</source>
        <translation>Delete photo</translation>
    </message>
    <message>
        <source>Foto &apos;%s&apos; verwijderen? De foto wordt echt gewist; in de geschiedenis blijft alleen de bestandsnaam staan.</source>
        <translation>Delete photo &apos;%s&apos;? The photo is permanently erased; only the file name remains in the history.</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Foto: %s</source>
        <translation>Photo: %s</translation>
    </message>
    <message>
        <source>toegevoegd %s door %s</source>
        <translation>added %s by %s</translation>
    </message>
    <message>
        <source>&amp;Opslaan als…</source>
        <translation>&amp;Save as…</translation>
    </message>
</context>
<context>
    <name>Photos</name>
    <message>
        <source>Foto&apos;s (*.jpg *.jpeg *.png *.gif *.webp);;Alle bestanden (*)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.gif *.webp);;All files (*)</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Inzage en verwijdering</source>
        <translation>Access and erasure</translation>
    </message>
    <message>
        <source>Als gebiedswethouder ziet u geen persoonsgegevens van bewoners. Vraag de gebiedsregisseur of de beheerder om een verzoek van een bewoner af te handelen.</source>
        <translation>As area alderman you do not see residents&apos; personal data. Ask the area coordinator or the administrator to handle a resident&apos;s request.</translation>
    </message>
    <message>
        <source>Zoek een bewoner op naam, telefoonnummer of e-mailadres. Geef een bewoner die daarom vraagt een overzicht van alles wat over hem of haar is bewaard, of wis de bewoner overal (AVG artikel 15 en 17).</source>
        <translation>Search for a resident by name, phone number or email address. Give a resident who asks for it an overview of everything kept about them, or erase the resident everywhere (GDPR articles 15 and 17).</translation>
    </message>
    <message>
        <source>Naam, telefoonnummer of e-mailadres</source>
        <translation>Name, phone number or email address</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Vastgelegd op</source>
        <translation>Recorded on</translation>
    </message>
    <message>
        <source>Kies alle regels van dezelfde persoon (Ctrl+klik, Shift+klik of Ctrl+A).</source>
        <translation>Select all lines of the same person (Ctrl+click, Shift+click or Ctrl+A).</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Gevonden</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Fragment</source>
        <translation>Excerpt</translation>
    </message>
    <message>
        <source>Vink aan wat over deze bewoner gaat: dat komt in het overzicht en wordt bij wissen vervangen door [gewist]. Alleen een voornaam of achternaam kan iemand anders zijn.</source>
        <translation>Tick what concerns this resident: it goes into the overview and is replaced by [gewist] on erasure. A first name or surname alone may be someone else.</translation>
    </message>
    <message>
        <source>Alle &amp;aanvinken</source>
        <translation>Tick &amp;all</translation>
    </message>
    <message>
        <source>&amp;Geen aanvinken</source>
        <translation>Tick &amp;none</translation>
    </message>
    <message>
        <source>Inzage als &amp;PDF…</source>
        <translation>Access as &amp;PDF…</translation>
    </message>
    <message>
        <source>Inzage als &amp;JSON…</source>
        <translation>Access as &amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;Wissen…</source>
        <translation>&amp;Erase…</translation>
    </message>
    <message>
        <source>Alle gegevens van deze bewoner overal wissen</source>
        <translation>Erase all data of this resident everywhere</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&lt;b&gt;Vermeldingen in teksten&lt;/b&gt;</source>
        <translation>&lt;b&gt;Mentions in texts&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Teksten doorzoeken…</source>
        <translation>Searching texts…</translation>
    </message>
    <message>
        <source>De teksten konden niet worden doorzocht; probeer het opnieuw.</source>
        <translation>The texts could not be searched; please try again.</translation>
    </message>
    <message>
        <source>Geen andere teksten noemen deze bewoner.</source>
        <translation>No other texts mention this resident.</translation>
    </message>
    <message>
        <source>%d vermelding(en) gevonden, %d aangevinkt. Vink aan wat over deze bewoner gaat; alleen een voornaam of achternaam kan iemand anders zijn.</source>
        <translation>%d mention(s) found, %d ticked. Tick what concerns this resident; a first name or surname alone may be someone else.</translation>
    </message>
    <message>
        <source>Nog %d vermelding(en) van alleen een voornaam of achternaam staan hier niet; zoek die zo nodig op in de schermen zelf.</source>
        <translation>%d more mention(s) of only a first name or surname are not shown here; look them up in the screens themselves if needed.</translation>
    </message>
    <message>
        <source>Geen overzicht</source>
        <translation>No overview</translation>
    </message>
    <message>
        <source>Het bestand kon niet worden opgeslagen (%s).</source>
        <translation>The file could not be saved (%s).</translation>
    </message>
    <message>
        <source>Het overzicht kon niet in het auditlog worden vastgelegd en is niet bewaard. </source>
        <translation>The overview could not be recorded in the audit log and has not been kept. </translation>
    </message>
    <message>
        <source>Opgeslagen</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Het overzicht staat in:
%s

Het bevat persoonsgegevens: geef het alleen aan de bewoner zelf en verwijder het daarna.</source>
        <translation>The overview is in:
%s

It contains personal data: give it only to the resident and delete it afterwards.</translation>
    </message>
    <message>
        <source>Inzage opslaan als</source>
        <translation>Save access overview as</translation>
    </message>
    <message>
        <source>(zonder naam)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>Alle gegevens van %s (%d vastgelegde keer/keren) worden gewist: naam, telefoon, e-mail, toestemmingen en meedenkersregister; gesprekken en contacten worden losgekoppeld, foto&apos;s bij de signalen daaruit verwijderd, en %d aangevinkte vermelding(en) in teksten vervangen door [gewist].

Dit kan niet ongedaan worden gemaakt. Doorgaan?</source>
        <translation>All data of %s (recorded %d time(s)) will be erased: name, phone, email, consents and participant register; conversations and contacts are unlinked, photos in the related signals deleted, and %d ticked mention(s) in texts replaced by [gewist].

This cannot be undone. Continue?</translation>
    </message>
    <message>
        <source>Niet gewist</source>
        <translation>Not erased</translation>
    </message>
    <message>
        <source>De bewoner is gewist. Losgekoppeld: %d gesprek(ken) en %d contact(en); verwijderd: %d foto(&apos;s); %d vermelding(en) in %d tekst(en) vervangen door [gewist]. Oudere reservekopieën bevatten de gegevens nog tot ze worden opgeruimd.</source>
        <translation>The resident has been erased. Unlinked: %d conversation(s) and %d contact(s); deleted: %d photo(s); %d mention(s) in %d text(s) replaced by [gewist]. Older backups still contain the data until they are cleaned up.</translation>
    </message>
    <message>
        <source>Gewist</source>
        <translation>Erased</translation>
    </message>
    <message>
        <source>Het opruimen van de database na het wissen is niet gelukt; het wordt bij de volgende start opnieuw geprobeerd.</source>
        <translation>Cleaning up the database after the erasure failed; it will be tried again at the next start.</translation>
    </message>
    <message>
        <source>Bewoner wissen</source>
        <translation>Erase resident</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>%s (wijziging)</source>
        <translation>%s (change)</translation>
    </message>
    <message>
        <source>%s, ronde van %s</source>
        <translation>%s, round of %s</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Herstel je werk?</source>
        <translation>Restore your work?</translation>
    </message>
    <message>
        <source>Deze invoer was nog niet opgeslagen toen het programma de vorige keer stopte. Herstel een concept om verder te gaan waar je was, of gooi het weg. Met &apos;Later&apos; blijft alles bewaard.</source>
        <translation>This input had not been saved yet when the program last stopped. Restore a draft to continue where you were, or discard it. With &apos;Later&apos; everything is kept.</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Alle concepten blijven bewaard</source>
        <translation>All drafts are kept</translation>
    </message>
    <message>
        <source>laatst bewaard %s</source>
        <translation>last kept %s</translation>
    </message>
    <message>
        <source>Herstellen</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Weggooien…</source>
        <translation>Discard…</translation>
    </message>
    <message>
        <source>Concept weggooien?</source>
        <translation>Discard draft?</translation>
    </message>
    <message>
        <source>Dit concept wordt definitief weggegooid:

%s: %s

Weet je het zeker?</source>
        <translation>This draft will be permanently discarded:

%s: %s

Are you sure?</translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <source>bij het starten</source>
        <translation>at start</translation>
    </message>
    <message>
        <source>met de hand</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>voor een import</source>
        <translation>before an import</translation>
    </message>
    <message>
        <source>voor het terugzetten van een andere kopie</source>
        <translation>before restoring another copy</translation>
    </message>
    <message>
        <source>voor het bijwerken van de app</source>
        <translation>before updating the app</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Database beschadigd</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <source>Er is geen bruikbare reservekopie gevonden in %s. U kunt de database alleen-lezen openen om te bekijken en te exporteren wat er nog in staat.</source>
        <translation>No usable backup was found in %s. You can open the database read-only to view and export what is still in it.</translation>
    </message>
    <message>
        <source>Nieuwste goede reservekopie: %s (%s).

Terugzetten bewaart eerst de beschadigde database. Alleen-lezen openen verandert niets: bekijken en exporteren kan, opslaan niet.</source>
        <translation>Newest good backup: %s (%s).

Restoring first keeps the damaged database. Opening read-only changes nothing: you can view and export, not save.</translation>
    </message>
    <message>
        <source>Reservekopie terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Alleen-lezen openen</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Niet teruggezet</source>
        <translation>Not restored</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Reservekopie terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Kies de reservekopie die u wilt terugzetten. De huidige database wordt eerst zelf als reservekopie bewaard; daarna sluit de app. Reservekopieën staan in %s.</source>
        <translation>Choose the backup you want to restore. The current database is first kept as a backup itself; the app then closes. Backups are in %s.</translation>
    </message>
    <message>
        <source>Gemaakt</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Waarom</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Bevat</source>
        <translation>Contains</translation>
    </message>
    <message>
        <source>Er zijn nog geen reservekopieën in deze map.</source>
        <translation>There are no backups in this folder yet.</translation>
    </message>
    <message>
        <source>&amp;Terugzetten…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Dit wachtwoord opent deze reservekopie niet.</source>
        <translation>This passphrase does not open this backup.</translation>
    </message>
    <message>
        <source>Niet teruggezet</source>
        <translation>Not restored</translation>
    </message>
    <message>
        <source>De reservekopie van %s (%s) terugzetten?

Alles wat daarna is vastgelegd, is dan niet meer in de database; de huidige database wordt eerst als reservekopie bewaard. De app sluit daarna.</source>
        <translation>Restore the backup of %s (%s)?

Everything recorded after that will no longer be in the database; the current database is first kept as a backup. The app then closes.</translation>
    </message>
    <message>
        <source>De app is nog bezig met een reservekopie. Probeer het over een minuut opnieuw; er is niets gewijzigd.</source>
        <translation>The app is still making a backup. Try again in a minute; nothing was changed.</translation>
    </message>
    <message>
        <source>Teruggezet</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>De reservekopie is teruggezet. De app sluit nu; start hem opnieuw.</source>
        <translation>The backup has been restored. The app is closing now; please start it again.</translation>
    </message>
    <message>
        <source>

De database van daarvoor staat in:
%s</source>
        <translation>

The previous database is in:
%s</translation>
    </message>
</context>
<context>
    <name>ServerAddress</name>
    <message>
        <source>Zet geen gebruikersnaam of wachtwoord in het adres; die worden hier niet bewaard. Gebruik de vorm postgresql://server[:poort]/database.</source>
        <translation>Do not put a user name or password in the address; they are not kept here. Use the form postgresql://server[:port]/database.</translation>
    </message>
    <message>
        <source>&apos;%s&apos; is geen geldig adres van een teamserver. Gebruik de vorm postgresql://server[:poort]/database, bijvoorbeeld postgresql://gebiedsapp.oldambt.local:5432/gebiedsapp.</source>
        <translation>&apos;%s&apos; is not a valid team server address. Use the form postgresql://server[:port]/database, for example postgresql://gebiedsapp.oldambt.local:5432/gebiedsapp.</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Teamserver (mag leeg blijven)</source>
        <translation>Team server (may be left empty)</translation>
    </message>
    <message>
        <source>Het adres van de teamserver wordt bewaard voor het samenwerken met uw team; dat synchroniseren komt in een latere versie. Er wordt geen wachtwoord bewaard.</source>
        <translation type="vanished">The team server address is kept for working with your team; synchronising comes in a later version. No password is kept.</translation>
    </message>
    <message>
        <source>Met het adres van de teamserver deelt u uw werk met uw team (Synchroniseren, F9). Het wachtwoord wordt bij de eerste keer gevraagd. Later te wijzigen via Beheer → Teamserver.</source>
        <translation>With the team server address you share your work with your team (Synchronise, F9). The password is asked the first time. To change later via Administration → Team server.</translation>
    </message>
    <message>
        <source>Adres van de teamserver</source>
        <translation>Team server address</translation>
    </message>
    <message>
        <source>postgresql://server:5432/gebiedsapp</source>
        <translation>postgresql://server:5432/gebiedsapp</translation>
    </message>
    <message>
        <source>&amp;Adres:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>Zet geen gebruikersnaam of wachtwoord in het adres; die worden hier niet bewaard. Gebruik de vorm postgresql://server[:poort]/database.</source>
        <translation type="vanished">Do not put a user name or password in the address; they are not kept here. Use the form postgresql://server[:port]/database.</translation>
    </message>
    <message>
        <source>&apos;%s&apos; is geen geldig adres van een teamserver. Gebruik de vorm postgresql://server[:poort]/database, bijvoorbeeld postgresql://gebiedsapp.oldambt.local:5432/gebiedsapp.</source>
        <translation type="vanished">&apos;%s&apos; is not a valid team server address. Use the form postgresql://server[:port]/database, for example postgresql://gebiedsapp.oldambt.local:5432/gebiedsapp.</translation>
    </message>
</context>
<context>
    <name>ServerTab</name>
    <message>
        <source>Adres van de teamserver</source>
        <translation>Team server address</translation>
    </message>
    <message>
        <source>postgresql://server:5432/gebiedsapp</source>
        <translation>postgresql://server:5432/gebiedsapp</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Bewaard &amp;wachtwoord vergeten</source>
        <translation>Forget the kept &amp;password</translation>
    </message>
    <message>
        <source>Haalt het wachtwoord uit de sleutelhanger; de volgende keer wordt het gevraagd</source>
        <translation>Removes the password from the keyring; it is asked the next time</translation>
    </message>
    <message>
        <source>&amp;Adres:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>Teamserver</source>
        <translation>Team server</translation>
    </message>
    <message>
        <source>Via de teamserver deelt het team één beeld van het gebied (Synchroniseren, F9). Vul het adres in dat IT heeft gegeven, in de vorm postgresql://server[:poort]/database; leeg: niet synchroniseren. Het wachtwoord staat nooit in het adres: het wordt bij de eerste keer synchroniseren gevraagd en desgewenst in de sleutelhanger van deze laptop bewaard.</source>
        <translation>Through the team server the team shares one picture of the area (Synchronise, F9). Enter the address IT gave you, in the form postgresql://server[:port]/database; empty: no synchronising. The password is never in the address: it is asked at the first synchronisation and, if you wish, kept in this laptop&apos;s keyring.</translation>
    </message>
    <message>
        <source>Op deze laptop is het wachtwoord van &apos;%s&apos; bewaard in de sleutelhanger.</source>
        <translation>On this laptop the password of &apos;%s&apos; is kept in the keyring.</translation>
    </message>
    <message>
        <source>Op deze laptop is geen wachtwoord voor de teamserver bewaard.</source>
        <translation>No password for the team server is kept on this laptop.</translation>
    </message>
    <message>
        <source>Adres niet opgeslagen</source>
        <translation>Address not saved</translation>
    </message>
    <message>
        <source>Opgeslagen.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Opgeslagen: er wordt niet gesynchroniseerd.</source>
        <translation>Saved: no synchronising.</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <source>Ronde</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Ronde opslaan (Ctrl+S)</source>
        <translation>Save round (Ctrl+S)</translation>
    </message>
    <message>
        <source>bijv. bij de supermarkt</source>
        <translation>e.g. at the supermarket</translation>
    </message>
    <message>
        <source>Plek</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Begintijd</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>Eindtijd</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>CBS-buurt</source>
        <translation>CBS neighbourhood</translation>
    </message>
    <message>
        <source>Weer</source>
        <translation>Weather</translation>
    </message>
    <message>
        <source>Voorbijgangers</source>
        <translation>Passers-by</translation>
    </message>
    <message>
        <source>Aanwezige teamleden</source>
        <translation>Team members present</translation>
    </message>
    <message>
        <source>Spatie vinkt het gekozen teamlid aan of uit</source>
        <translation>Space ticks or unticks the selected team member</translation>
    </message>
    <message>
        <source>notities bij de ronde</source>
        <translation>notes on the round</translation>
    </message>
    <message>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <source>tot</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Aanwezig</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>(onbekend)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>nieuwe ronde, nog niet gestart</source>
        <translation>new round, not started yet</translation>
    </message>
    <message>
        <source>gewijzigd, concept bewaard</source>
        <translation>changed, draft kept</translation>
    </message>
    <message>
        <source>gewijzigd</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>plek nog niet ingevuld</source>
        <translation>place not filled in yet</translation>
    </message>
    <message>
        <source>Ronde niet opgeslagen</source>
        <translation>Round not saved</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Toets</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Doet</source>
        <translation>Does</translation>
    </message>
    <message>
        <source>Waar</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Meer toetsen binnen een lijst of formulier (zoals Spatie in Mijn acties) staan in de handleiding (F1).</source>
        <translation>More keys within a list or form (such as Space in My actions) are in the user guide (F1).</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SignalDetailPane</name>
    <message>
        <source>Geen signaal gekozen</source>
        <translation>No signal chosen</translation>
    </message>
    <message>
        <source>Gebied</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Locatie</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Prioriteit</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Gemeld op</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Terugkoppeling</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Status wijzigen naar</source>
        <translation>Change status to</translation>
    </message>
    <message>
        <source>&amp;Categorie…</source>
        <translation>&amp;Category…</translation>
    </message>
    <message>
        <source>&amp;Partner…</source>
        <translation>&amp;Partner…</translation>
    </message>
    <message>
        <source>Pri&amp;oriteit…</source>
        <translation>Pri&amp;ority…</translation>
    </message>
    <message>
        <source>&amp;Splitsen…</source>
        <translation>&amp;Split…</translation>
    </message>
    <message>
        <source>&amp;Terugkoppeling vastleggen…</source>
        <translation>Record &amp;feedback…</translation>
    </message>
    <message>
        <source>&amp;Werkbon (PDF)</source>
        <translation>&amp;Work order (PDF)</translation>
    </message>
    <message>
        <source>Dit signaal op één A4, als werkbon voor de partner (zonder persoonsgegevens)</source>
        <translation>This signal on one A4 page, as a work order for the partner (without personal data)</translation>
    </message>
    <message>
        <source>Wijzigen</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Herkomst</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Deelsignalen</source>
        <translation>Sub-signals</translation>
    </message>
    <message>
        <source>Foto&apos;s</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Terugkoppeling aan de bewoner</source>
        <translation>Feedback to the resident</translation>
    </message>
    <message>
        <source>Geschiedenis (nieuwste eerst)</source>
        <translation>History (newest first)</translation>
    </message>
    <message>
        <source>Werkbon</source>
        <translation>Work order</translation>
    </message>
    <message>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>gesloten op %s</source>
        <translation>closed on %s</translation>
    </message>
    <message>
        <source>bewoner wil terugkoppeling</source>
        <translation>resident wants feedback</translation>
    </message>
    <message>
        <source>niet gevraagd</source>
        <translation>not requested</translation>
    </message>
    <message>
        <source>Heropen het signaal eerst.</source>
        <translation>Reopen the signal first.</translation>
    </message>
    <message>
        <source>Deelsignaal van: </source>
        <translation>Sub-signal of: </translation>
    </message>
    <message>
        <source>Nog niet gegeven.</source>
        <translation>Not given yet.</translation>
    </message>
    <message>
        <source>Gemeld</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Zet het signaal op &apos;%s&apos;</source>
        <translation>Set the signal to &apos;%s&apos;</translation>
    </message>
    <message>
        <source>Status wijzigen</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>Het signaal gaat van &apos;%s&apos; naar &apos;%s&apos;.</source>
        <translation>The signal goes from &apos;%s&apos; to &apos;%s&apos;.</translation>
    </message>
    <message>
        <source>Categorie wijzigen</source>
        <translation>Change category</translation>
    </message>
    <message>
        <source>&amp;Categorie:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>Partner wijzigen</source>
        <translation>Change partner</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <source>(geen: het team zelf)</source>
        <translation>(none: the team itself)</translation>
    </message>
    <message>
        <source>Prioriteit wijzigen</source>
        <translation>Change priority</translation>
    </message>
    <message>
        <source>&amp;Prioriteit:</source>
        <translation>&amp;Priority:</translation>
    </message>
</context>
<context>
    <name>SignalForm</name>
    <message>
        <source>Nieuw signaal</source>
        <translation>New signal</translation>
    </message>
    <message>
        <source>Adres of omschrijving van de plek</source>
        <translation>Address or description of the place</translation>
    </message>
    <message>
        <source>breedtegraad, bv. 53,1712</source>
        <translation>latitude, e.g. 53,1712</translation>
    </message>
    <message>
        <source>Breedtegraad</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Niet verplicht. Breedte- en lengtegraad in graden, met komma of punt; een geplakt paar als &apos;53.1712, 7.0341&apos; mag ook in dit veld.</source>
        <translation>Optional. Latitude and longitude in degrees, with a comma or a point; a pasted pair such as &apos;53.1712, 7.0341&apos; is also accepted in this field.</translation>
    </message>
    <message>
        <source>lengtegraad, bv. 7,0341</source>
        <translation>longitude, e.g. 7,0341</translation>
    </message>
    <message>
        <source>Lengtegraad</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Wat is er gemeld of gezien?</source>
        <translation>What was reported or seen?</translation>
    </message>
    <message>
        <source>(kies een categorie)</source>
        <translation>(choose a category)</translation>
    </message>
    <message>
        <source>(standaard van de categorie)</source>
        <translation>(category default)</translation>
    </message>
    <message>
        <source>De melder wil &amp;terugkoppeling</source>
        <translation>The reporter wants &amp;feedback</translation>
    </message>
    <message>
        <source>&amp;Gebied:</source>
        <translation>&amp;Area:</translation>
    </message>
    <message>
        <source>CBS-&amp;buurt:</source>
        <translation>CBS &amp;neighbourhood:</translation>
    </message>
    <message>
        <source>&amp;Locatie:</source>
        <translation>&amp;Location:</translation>
    </message>
    <message>
        <source>C&amp;oördinaten:</source>
        <translation>C&amp;oordinates:</translation>
    </message>
    <message>
        <source>B&amp;eschrijving:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <source>&amp;Categorie:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <source>Bro&amp;n:</source>
        <translation>Sour&amp;ce:</translation>
    </message>
    <message>
        <source>P&amp;rioriteit:</source>
        <translation>P&amp;riority:</translation>
    </message>
    <message>
        <source>Ge&amp;meld op:</source>
        <translation>Reported o&amp;n:</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Opslaan (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Uit een koffiekargesprek; kies nog een categorie.</source>
        <translation>From a coffee cart conversation; still choose a category.</translation>
    </message>
    <message>
        <source>Uit een contact; kies nog een categorie.</source>
        <translation>From a contact; still choose a category.</translation>
    </message>
    <message>
        <source>(onbekend)</source>
        <translation>(unknown)</translation>
    </message>
</context>
<context>
    <name>SignalImportDialog</name>
    <message>
        <source>Signalen importeren uit CSV of Excel</source>
        <translation>Import signals from CSV or Excel</translation>
    </message>
    <message>
        <source>Nog geen bestand gekozen</source>
        <translation type="vanished">No file chosen yet</translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation type="vanished">File</translation>
    </message>
    <message>
        <source>&amp;Bestand kiezen…</source>
        <translation type="vanished">Choose &amp;file…</translation>
    </message>
    <message>
        <source>Bestand:</source>
        <translation type="vanished">File:</translation>
    </message>
    <message>
        <source>Koppeling: ons veld ← kolom in het bestand</source>
        <translation>Mapping: our field ← column in the file</translation>
    </message>
    <message>
        <source>* verplicht; zonder gebied volgen gebied en buurt uit de coördinaten. Zonder datum krijgen de signalen de datum van vandaag; zonder bron wordt het &apos;telefoon&apos;.</source>
        <translation>* required; without an area, area and neighbourhood follow from the coordinates. Without a date the signals get today&apos;s date; without a source it becomes &apos;telefoon&apos;.</translation>
    </message>
    <message>
        <source>Voorbeeld van de geldige regels</source>
        <translation>Preview of the valid rows</translation>
    </message>
    <message>
        <source>Afgekeurde regels</source>
        <translation>Rejected rows</translation>
    </message>
    <message>
        <source>Voorbeeld</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Afgekeurd</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>&amp;Geldige rijen importeren</source>
        <translation>&amp;Import valid rows</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation type="vanished">Cancel</translation>
    </message>
    <message>
        <source>CSV- of Excel-bestand kiezen</source>
        <translation>Choose a CSV or Excel file</translation>
    </message>
    <message>
        <source>CSV- en Excel-bestanden (*.csv *.txt *.tsv *.xlsx);;CSV-bestanden (*.csv *.txt *.tsv);;Excel-werkmappen (*.xlsx);;Alle bestanden (*)</source>
        <translation>CSV and Excel files (*.csv *.txt *.tsv *.xlsx);;CSV files (*.csv *.txt *.tsv);;Excel workbooks (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>Bestand lezen…</source>
        <translation type="vanished">Reading file…</translation>
    </message>
    <message>
        <source>%s regels · %s kolommen · Excel-werkmap (eerste blad)</source>
        <translation>%s rows · %s columns · Excel workbook (first sheet)</translation>
    </message>
    <message>
        <source>%s regels · %s kolommen · scheidingsteken: %s · tekenset: %s</source>
        <translation type="vanished">%s rows · %s columns · separator: %s · encoding: %s</translation>
    </message>
    <message>
        <source>(niet gebruiken)</source>
        <translation type="vanished">(do not use)</translation>
    </message>
    <message>
        <source>Regels controleren…</source>
        <translation type="vanished">Checking rows…</translation>
    </message>
    <message>
        <source>Het bestand kon niet worden gecontroleerd; zie het logboek.</source>
        <translation type="vanished">The file could not be checked; see the log.</translation>
    </message>
    <message>
        <source>Kies een CSV- of Excel-bestand.</source>
        <translation>Choose a CSV or Excel file.</translation>
    </message>
    <message>
        <source>%s geldig, %s afgekeurd</source>
        <translation>%s valid, %s rejected</translation>
    </message>
    <message>
        <source>Voorbeeld (%s)</source>
        <translation>Preview (%s)</translation>
    </message>
    <message>
        <source>Voorbeeld (eerste %s van %s)</source>
        <translation>Preview (first %s of %s)</translation>
    </message>
    <message>
        <source>Afgekeurd (%s)</source>
        <translation>Rejected (%s)</translation>
    </message>
    <message>
        <source>Het bestand heeft geen regels onder de kopregel.</source>
        <translation>The file has no rows below the header row.</translation>
    </message>
    <message>
        <source>Geen enkele regel is geldig; er valt niets te importeren.</source>
        <translation>Not a single row is valid; there is nothing to import.</translation>
    </message>
    <message>
        <source>Alleen de geldige regels worden geïmporteerd; de afgekeurde regels niet. Verbeter die in het bestand en importeer ze later apart.</source>
        <translation>Only the valid rows are imported; the rejected rows are not. Correct them in the file and import them separately later.</translation>
    </message>
    <message>
        <source>Alle regels zijn geldig.</source>
        <translation>All rows are valid.</translation>
    </message>
    <message>
        <source>&amp;Geldige rijen importeren (%s)</source>
        <translation>&amp;Import valid rows (%s)</translation>
    </message>
    <message>
        <source>Niet geïmporteerd</source>
        <translation>Not imported</translation>
    </message>
</context>
<context>
    <name>SignalsModel</name>
    <message>
        <source>binnen</source>
        <translation>within</translation>
    </message>
    <message>
        <source>buiten</source>
        <translation>past</translation>
    </message>
    <message>
        <source>ruim buiten</source>
        <translation>well past</translation>
    </message>
</context>
<context>
    <name>SignalsScreen</name>
    <message>
        <source>Altijd</source>
        <translation>Always</translation>
    </message>
    <message>
        <source>Laatste 30 dagen</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Laatste 3 maanden</source>
        <translation>Last 3 months</translation>
    </message>
    <message>
        <source>Laatste 12 maanden</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation>Signals</translation>
    </message>
    <message>
        <source>Heel Oldambt</source>
        <translation>All of Oldambt</translation>
    </message>
    <message>
        <source>&amp;Nieuw signaal…</source>
        <translation>&amp;New signal…</translation>
    </message>
    <message>
        <source>&amp;Importeren…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>Signalen importeren uit een CSV- of Excel-export (bijv. uit Signalen)</source>
        <translation>Import signals from a CSV or Excel export (e.g. from Signalen)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>(alle)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Prioriteit</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>&amp;Wacht op terugkoppeling</source>
        <translation>&amp;Waiting for feedback</translation>
    </message>
    <message>
        <source>Afgesloten signalen waarvan de melder nog terugkoppeling verwacht.</source>
        <translation>Closed signals whose reporter still expects feedback.</translation>
    </message>
    <message>
        <source>Buurtfilter opheffen</source>
        <translation>Clear neighbourhood filter</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Categorie:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <source>P&amp;rioriteit:</source>
        <translation>P&amp;riority:</translation>
    </message>
    <message>
        <source>&amp;Termijn:</source>
        <translation>&amp;Deadline:</translation>
    </message>
    <message>
        <source>P&amp;eriode:</source>
        <translation>P&amp;eriod:</translation>
    </message>
    <message>
        <source>Aantallen per status</source>
        <translation>Counts per status</translation>
    </message>
    <message>
        <source>Klik op een buurt om alleen de signalen daar te zien, of op een punt om dat signaal te openen</source>
        <translation>Click a neighbourhood to see only the signals there, or a point to open that signal</translation>
    </message>
    <message>
        <source>signaal</source>
        <translation>signal</translation>
    </message>
    <message>
        <source>signalen</source>
        <translation>signals</translation>
    </message>
    <message>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>%s %s geïmporteerd (status Gemeld).</source>
        <translation>%s %s imported (status Gemeld).</translation>
    </message>
    <message>
        <source>Gebied %s  ✕</source>
        <translation>Area %s  ✕</translation>
    </message>
    <message>
        <source>Buurt %s  ✕</source>
        <translation>Neighbourhood %s  ✕</translation>
    </message>
    <message>
        <source>De lijst &apos;wacht op terugkoppeling&apos; bevat alleen afgesloten signalen.</source>
        <translation>The &apos;waiting for feedback&apos; list contains only closed signals.</translation>
    </message>
    <message>
        <source>Zoeken…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>; de eerste %s worden getoond, verfijn het filter</source>
        <translation>; the first %s are shown, refine the filter</translation>
    </message>
    <message>
        <source>Geen signalen met deze filters.</source>
        <translation>No signals with these filters.</translation>
    </message>
    <message>
        <source>Laden mislukt; zie het logboek.</source>
        <translation>Loading failed; see the log.</translation>
    </message>
    <message>
        <source>Nieuw signaal</source>
        <translation>New signal</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>in een ander venster</source>
        <translation>in another window</translation>
    </message>
    <message>
        <source>Op één database kan maar één Gebiedsapp tegelijk werken, anders zou je werk van het andere venster door elkaar lopen. Ga naar dat venster, of sluit het en start de app dan opnieuw.</source>
        <translation>Only one Gebiedsapp at a time can work on a database, or your work would get mixed up with the other window&apos;s. Go to that window, or close it and then start the app again.</translation>
    </message>
    <message>
        <source>Wacht tot die opdracht klaar is en start de app dan opnieuw.</source>
        <translation>Wait until that command has finished and then start the app again.</translation>
    </message>
    <message>
        <source>Gebiedsapp is al geopend</source>
        <translation>Gebiedsapp is already open</translation>
    </message>
    <message>
        <source>De database %s is al geopend %s.

%s Er is niets gewijzigd.</source>
        <translation>The database %s is already open %s.

%s Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Signaal splitsen</source>
        <translation>Split signal</translation>
    </message>
    <message>
        <source>Elk deelsignaal krijgt een eigen categorie en partner. Het signaal zelf is afgehandeld zodra alle deelsignalen zijn afgesloten.</source>
        <translation>Each sub-signal gets its own category and partner. The signal itself is handled once all sub-signals are closed.</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Beschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Deelsignaal &amp;toevoegen</source>
        <translation>&amp;Add sub-signal</translation>
    </message>
    <message>
        <source>Notitie voor de geschiedenis (niet verplicht)</source>
        <translation>Note for the history (optional)</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Splitsen</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>(kies een categorie)</source>
        <translation>(choose a category)</translation>
    </message>
    <message>
        <source>(standaard van de categorie)</source>
        <translation>(category default)</translation>
    </message>
</context>
<context>
    <name>SummaryBody</name>
    <message>
        <source>Cijfer</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Deze periode</source>
        <translation>This period</translation>
    </message>
    <message>
        <source>Vorige periode</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <source>Verschil</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Geen gesprekken of contacten met een thema.</source>
        <translation>No conversations or contacts with a theme.</translation>
    </message>
    <message>
        <source>Geen nieuwe signalen.</source>
        <translation>No new signals.</translation>
    </message>
    <message>
        <source>Open signalen</source>
        <translation>Open signals</translation>
    </message>
    <message>
        <source>Wat bewoners zeiden</source>
        <translation>What residents said</translation>
    </message>
    <message>
        <source>Afgesproken acties die nog open staan</source>
        <translation>Agreed actions still open</translation>
    </message>
    <message>
        <source>Bewonersinitiatieven</source>
        <translation>Residents&apos; initiatives</translation>
    </message>
    <message>
        <source>Kerncijfers</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <source>Deze periode naast de vorige periode van dezelfde lengte.</source>
        <translation>This period beside the previous period of the same length.</translation>
    </message>
    <message>
        <source>Open signalen per buurt</source>
        <translation>Open signals per neighbourhood</translation>
    </message>
    <message>
        <source>CBS-buurten van het gebied; hoe donkerder, hoe meer open signalen.</source>
        <translation>CBS neighbourhoods of the area; the darker, the more open signals.</translation>
    </message>
    <message>
        <source>Waar bewoners over praten</source>
        <translation>What residents talk about</translation>
    </message>
    <message>
        <source>Gesprekken en contacten per thema; het dunne grijze streepje is de vorige periode.</source>
        <translation>Conversations and contacts per theme; the thin grey line is the previous period.</translation>
    </message>
    <message>
        <source>Nieuwe signalen per categorie</source>
        <translation>New signals per category</translation>
    </message>
    <message>
        <source>Signalen gemeld in deze periode, per hoofdcategorie.</source>
        <translation>Signals reported in this period, per main category.</translation>
    </message>
    <message>
        <source>… en waar ze nu staan</source>
        <translation>… and where they are now</translation>
    </message>
    <message>
        <source>De status van die signalen op dit moment.</source>
        <translation>The status of those signals at this moment.</translation>
    </message>
    <message>
        <source>Nog niet afgesloten aan het eind van de periode; over de termijn eerst.</source>
        <translation>Not yet closed at the end of the period; overdue first.</translation>
    </message>
    <message>
        <source>Uitspraken die als bruikbaar voor rapportage zijn gemarkeerd; zonder namen.</source>
        <translation>Statements marked as usable for reporting; without names.</translation>
    </message>
    <message>
        <source>Initiatieven die in deze periode liepen of eindigden, met hun status nu: lopende eerst.</source>
        <translation>Initiatives that ran or ended in this period, with their current status: current ones first.</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>&amp;Voorbeeld PDF</source>
        <translation>&amp;Preview PDF</translation>
    </message>
    <message>
        <source>Af&amp;drukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Opslaan als PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>De samenvatting voor de wethouder als PDF bekijken</source>
        <translation>View the summary for the alderman as a PDF</translation>
    </message>
    <message>
        <source>Met &amp;bijlage</source>
        <translation>With &amp;appendix</translation>
    </message>
    <message>
        <source>De PDF met een bijlage met alle cijfers en volledige lijsten</source>
        <translation>The PDF with an appendix of all figures and complete lists</translation>
    </message>
    <message>
        <source>Alle lijsten achter de samenvatting (open signalen, uitspraken, acties...) </source>
        <translation>All lists behind the summary (open signals, statements, actions...) </translation>
    </message>
    <message>
        <source>opslaan als Excel- of CSV-bestand</source>
        <translation>save as an Excel or CSV file</translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Cijfer</source>
        <translation type="vanished">Figure</translation>
    </message>
    <message>
        <source>Deze periode</source>
        <translation type="vanished">This period</translation>
    </message>
    <message>
        <source>Vorige periode</source>
        <translation type="vanished">Previous period</translation>
    </message>
    <message>
        <source>Verschil</source>
        <translation type="vanished">Difference</translation>
    </message>
    <message>
        <source>Geen gesprekken of contacten met een thema.</source>
        <translation type="vanished">No conversations or contacts with a theme.</translation>
    </message>
    <message>
        <source>Geen nieuwe signalen.</source>
        <translation type="vanished">No new signals.</translation>
    </message>
    <message>
        <source>Open signalen</source>
        <translation type="vanished">Open signals</translation>
    </message>
    <message>
        <source>Afgesproken acties die nog open staan</source>
        <translation type="vanished">Agreed actions still open</translation>
    </message>
    <message>
        <source>Bewonersinitiatieven</source>
        <translation type="vanished">Residents&apos; initiatives</translation>
    </message>
    <message>
        <source>Kerncijfers</source>
        <translation type="vanished">Key figures</translation>
    </message>
    <message>
        <source>Deze periode naast de vorige periode van dezelfde lengte.</source>
        <translation type="vanished">This period beside the previous period of the same length.</translation>
    </message>
    <message>
        <source>Open signalen per buurt</source>
        <translation type="vanished">Open signals per neighbourhood</translation>
    </message>
    <message>
        <source>CBS-buurten van het gebied; hoe donkerder, hoe meer open signalen.</source>
        <translation type="vanished">CBS neighbourhoods of the area; the darker, the more open signals.</translation>
    </message>
    <message>
        <source>Waar bewoners over praten</source>
        <translation type="vanished">What residents talk about</translation>
    </message>
    <message>
        <source>Gesprekken en contacten per thema; het dunne grijze streepje is de vorige periode.</source>
        <translation type="vanished">Conversations and contacts per theme; the thin grey line is the previous period.</translation>
    </message>
    <message>
        <source>Nieuwe signalen per categorie</source>
        <translation type="vanished">New signals per category</translation>
    </message>
    <message>
        <source>Signalen gemeld in deze periode, per hoofdcategorie.</source>
        <translation type="vanished">Signals reported in this period, per main category.</translation>
    </message>
    <message>
        <source>… en waar ze nu staan</source>
        <translation type="vanished">… and where they are now</translation>
    </message>
    <message>
        <source>De status van die signalen op dit moment.</source>
        <translation type="vanished">The status of those signals at this moment.</translation>
    </message>
    <message>
        <source>Nog niet afgesloten aan het eind van de periode; over de termijn eerst.</source>
        <translation type="vanished">Not yet closed at the end of the period; overdue first.</translation>
    </message>
    <message>
        <source>Wat bewoners zeiden</source>
        <translation type="vanished">What residents said</translation>
    </message>
    <message>
        <source>Uitspraken die als bruikbaar voor rapportage zijn gemarkeerd; zonder namen.</source>
        <translation type="vanished">Statements marked as usable for reporting; without names.</translation>
    </message>
    <message>
        <source>Initiatieven die in deze periode liepen of eindigden, met hun status nu: lopende eerst.</source>
        <translation type="vanished">Initiatives that ran or ended in this period, with their current status: current ones first.</translation>
    </message>
    <message>
        <source>Cijfers berekenen…</source>
        <translation>Calculating figures…</translation>
    </message>
    <message>
        <source>De cijfers konden niet worden berekend: %s</source>
        <translation>The figures could not be calculated: %s</translation>
    </message>
    <message>
        <source>De lijsten konden niet worden gelezen: %s</source>
        <translation>The lists could not be read: %s</translation>
    </message>
    <message>
        <source>Kies links een gebied.</source>
        <translation>Choose an area on the left.</translation>
    </message>
    <message>
        <source>Samenvatting voor de wethouder: %s</source>
        <translation>Summary for the alderman: %s</translation>
    </message>
    <message>
        <source>%s (%s), vergeleken met %s.</source>
        <translation>%s (%s), compared with %s.</translation>
    </message>
    <message>
        <source>Geen team vastgelegd.</source>
        <translation>No team recorded.</translation>
    </message>
    <message>
        <source>Meer dan vorige periode: </source>
        <translation>More than previous period: </translation>
    </message>
    <message>
        <source>Minder: </source>
        <translation>Fewer: </translation>
    </message>
    <message>
        <source>Mediane doorlooptijd van afgesloten signalen: %s dagen</source>
        <translation>Median lead time of closed signals: %s days</translation>
    </message>
    <message>
        <source>In deze periode is geen signaal afgesloten.</source>
        <translation>No signal was closed in this period.</translation>
    </message>
    <message>
        <source>Aan dit gebied zijn geen CBS-buurten gekoppeld.</source>
        <translation>No CBS neighbourhoods are linked to this area.</translation>
    </message>
    <message>
        <source>Geen uitspraken voor rapportage.</source>
        <translation>No quotes for reporting.</translation>
    </message>
</context>
<context>
    <name>SurveyImportDialog</name>
    <message>
        <source>Inwonersenquête importeren uit CSV of Excel</source>
        <translation>Import a residents survey from CSV or Excel</translation>
    </message>
    <message>
        <source>Nog geen bestand gekozen</source>
        <translation type="vanished">No file chosen yet</translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation type="vanished">File</translation>
    </message>
    <message>
        <source>&amp;Bestand kiezen…</source>
        <translation type="vanished">Choose &amp;file…</translation>
    </message>
    <message>
        <source>Bestand:</source>
        <translation type="vanished">File:</translation>
    </message>
    <message>
        <source>Koppeling: ons veld ← kolom in het bestand</source>
        <translation>Mapping: our field ← column in the file</translation>
    </message>
    <message>
        <source>Jaar van de enquête</source>
        <translation type="vanished">Year of the survey</translation>
    </message>
    <message>
        <source>&amp;Jaar van de enquête</source>
        <translation type="vanished">&amp;Year of the survey</translation>
    </message>
    <message>
        <source>Jaar als het bestand geen jaarkolom heeft</source>
        <translation>Year when the file has no year column</translation>
    </message>
    <message>
        <source>&amp;Jaar zonder jaarkolom</source>
        <translation>&amp;Year without a year column</translation>
    </message>
    <message>
        <source>* verplicht. Met een gekoppelde vraagkolom is het bestand per gebied en vraag; anders is elke andere kolom een vraag en elke regel een respondent. Bestanden met namen, e-mailadressen, telefoonnummers of adressen worden geweigerd.</source>
        <translation>* required. With a question column mapped, the file has one row per area and question; otherwise every other column is a question and every row a respondent. Files with names, e-mail addresses, phone numbers or addresses are refused.</translation>
    </message>
    <message>
        <source>Vraag</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Vragen en hun thema</source>
        <translation>Questions and their theme</translation>
    </message>
    <message>
        <source>Uitkomsten</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <source>Afgekeurde regels</source>
        <translation>Rejected rows</translation>
    </message>
    <message>
        <source>Afgekeurd</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Vragen en thema&apos;s</source>
        <translation>Questions and themes</translation>
    </message>
    <message>
        <source>&amp;Geldige rijen importeren</source>
        <translation type="vanished">Import &amp;valid rows</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation type="vanished">Cancel</translation>
    </message>
    <message>
        <source>Enquêtebestand kiezen</source>
        <translation>Choose a survey file</translation>
    </message>
    <message>
        <source>CSV- en Excel-bestanden (*.csv *.txt *.tsv *.xlsx);;Alle bestanden (*)</source>
        <translation>CSV and Excel files (*.csv *.txt *.tsv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>Bestand lezen…</source>
        <translation type="vanished">Reading the file…</translation>
    </message>
    <message>
        <source>%s regels · %s kolommen · Excel-werkmap</source>
        <translation type="vanished">%s rows · %s columns · Excel workbook</translation>
    </message>
    <message>
        <source>%s regels · %s kolommen · scheidingsteken: %s · tekenset: %s</source>
        <translation type="vanished">%s rows · %s columns · delimiter: %s · encoding: %s</translation>
    </message>
    <message>
        <source>(niet gebruiken)</source>
        <translation type="vanished">(do not use)</translation>
    </message>
    <message>
        <source>Thema van %s</source>
        <translation>Theme of %s</translation>
    </message>
    <message>
        <source>(geen thema)</source>
        <translation>(no theme)</translation>
    </message>
    <message>
        <source>Regels controleren…</source>
        <translation type="vanished">Checking the rows…</translation>
    </message>
    <message>
        <source>Het bestand kon niet worden gecontroleerd; zie het logboek.</source>
        <translation type="vanished">The file could not be checked; see the log.</translation>
    </message>
    <message>
        <source>Kies een bestand.</source>
        <translation>Choose a file.</translation>
    </message>
    <message>
        <source>%s geldig, %s afgekeurd · %s uitkomsten</source>
        <translation>%s valid, %s rejected · %s outcomes</translation>
    </message>
    <message>
        <source>Afgekeurd (%s)</source>
        <translation>Rejected (%s)</translation>
    </message>
    <message>
        <source>Alle regels zijn geldig.</source>
        <translation>All rows are valid.</translation>
    </message>
    <message>
        <source>Geen enkele regel is geldig; er valt niets te importeren.</source>
        <translation>No row is valid; there is nothing to import.</translation>
    </message>
    <message>
        <source>Alleen de geldige regels worden geïmporteerd; de afgekeurde regels niet.</source>
        <translation>Only the valid rows are imported; the rejected rows are not.</translation>
    </message>
    <message>
        <source>Niet geïmporteerd</source>
        <translation>Not imported</translation>
    </message>
</context>
<context>
    <name>SyncBusy</name>
    <message>
        <source>Er loopt nu een synchronisatie met de teamserver. Wacht tot die klaar is (de statusbalk onderaan toont hoe ver hij is) of breek hem af: druk op F9 en kies Annuleren. Probeer het daarna opnieuw; er is niets gewijzigd.</source>
        <translation>A synchronisation with the team server is running. Wait until it has finished (the status bar at the bottom shows how far it is) or stop it: press F9 and choose Cancel. Then try again; nothing has been changed.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Verbinden</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>Ophalen</source>
        <translation>Fetching</translation>
    </message>
    <message>
        <source>Versturen</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>&amp;Synchroniseren</source>
        <translation>&amp;Synchronise</translation>
    </message>
    <message>
        <source>Wijzigingen uitwisselen met de teamserver (%s)</source>
        <translation>Exchange changes with the team server (%s)</translation>
    </message>
    <message>
        <source>Teamserver: %s</source>
        <translation>Team server: %s</translation>
    </message>
    <message>
        <source>1 conflict</source>
        <translation>1 conflict</translation>
    </message>
    <message>
        <source>%s conflicten</source>
        <translation>%s conflicts</translation>
    </message>
    <message>
        <source>Open het scherm Conflicten</source>
        <translation>Open the Conflicts screen</translation>
    </message>
    <message>
        <source>Nog niet gesynchroniseerd</source>
        <translation>Not synchronised yet</translation>
    </message>
    <message>
        <source>Gesynchroniseerd: %s</source>
        <translation>Synchronised: %s</translation>
    </message>
    <message>
        <source>meer dan %s wijzigingen wachten</source>
        <translation>more than %s changes waiting</translation>
    </message>
    <message>
        <source>1 wijziging wacht</source>
        <translation>1 change waiting</translation>
    </message>
    <message>
        <source>%s wijzigingen wachten</source>
        <translation>%s changes waiting</translation>
    </message>
    <message>
        <source>minstens %s</source>
        <translation>at least %s</translation>
    </message>
    <message>
        <source>%s niet te versturen</source>
        <translation>%s cannot be sent</translation>
    </message>
    <message>
        <source>De vorige synchronisatie wordt nog afgebroken; even geduld.</source>
        <translation>The previous synchronisation is still stopping; a moment please.</translation>
    </message>
    <message>
        <source>Deze database is alleen-lezen geopend; synchroniseren kan niet.</source>
        <translation>This database was opened read-only; synchronising is not possible.</translation>
    </message>
    <message>
        <source>Geen teamserver ingesteld</source>
        <translation>No team server set</translation>
    </message>
    <message>
        <source>Er is nog geen teamserver ingesteld. Vul het adres in onder Beheer → Teamserver (of Help → Eerste keer instellen…) en synchroniseer daarna.</source>
        <translation>No team server has been set yet. Enter its address under Administration → Team server (or Help → First-time setup…) and synchronise after that.</translation>
    </message>
    <message>
        <source>Synchroniseren</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <source>Synchroniseren…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <source>Het wachtwoord kon niet in de sleutelhanger worden bewaard.</source>
        <translation>The password could not be kept in the keyring.</translation>
    </message>
    <message>
        <source>Synchroniseren mislukte door een onverwachte fout. Wat al was uitgewisseld blijft bewaard; probeer het later opnieuw.</source>
        <translation>Synchronising failed through an unexpected error. What was already exchanged is kept; try again later.</translation>
    </message>
    <message>
        <source>Verbinden met de teamserver…</source>
        <translation>Connecting to the team server…</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Synchroniseren wordt afgebroken…</source>
        <translation>Stopping the synchronisation…</translation>
    </message>
    <message>
        <source>Synchroniseren: %s…</source>
        <translation>Synchronising: %s…</translation>
    </message>
    <message>
        <source>%s: %s van %s</source>
        <translation>%s: %s of %s</translation>
    </message>
    <message>
        <source>Bezig</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>teamserver niet bereikbaar</source>
        <translation>team server not reachable</translation>
    </message>
    <message>
        <source>Op de achtergrond wordt het over een paar minuten opnieuw geprobeerd.</source>
        <translation>It is tried again in the background in a few minutes.</translation>
    </message>
    <message>
        <source>Synchroniseren mislukt</source>
        <translation>Synchronising failed</translation>
    </message>
    <message>
        <source>Gesynchroniseerd.</source>
        <translation>Synchronised.</translation>
    </message>
    <message>
        <source>Gesynchroniseerd</source>
        <translation>Synchronised</translation>
    </message>
    <message>
        <source>%s opgehaald, %s verstuurd.</source>
        <translation>%s fetched, %s sent.</translation>
    </message>
    <message>
        <source>1 nieuw conflict: kies in het scherm Conflicten (Ctrl+Shift+C) welke versie blijft.</source>
        <translation>1 new conflict: choose in the Conflicts screen (Ctrl+Shift+C) which version stays.</translation>
    </message>
    <message>
        <source>%s nieuwe conflicten: kies in het scherm Conflicten (Ctrl+Shift+C) welke versie blijft.</source>
        <translation>%s new conflicts: choose in the Conflicts screen (Ctrl+Shift+C) which version stays.</translation>
    </message>
    <message>
        <source>%s records van deze laptop gehaald: u mag ze niet meer zien (een gebied of uw rol is gewijzigd, of ze zijn naar een ander gebied verplaatst). Op de teamserver blijven ze bewaard.</source>
        <translation>%s records removed from this laptop: you may no longer see them (an area or your role changed, or they were moved to another area). The team server keeps them.</translation>
    </message>
    <message>
        <source>%s wijzigingen geweigerd door de server (geen rechten voor dat gebied of die gegevens); ze blijven op deze laptop bewaard.</source>
        <translation>%s changes refused by the server (no rights for that area or those data); they are kept on this laptop.</translation>
    </message>
    <message>
        <source>%s referentiegegevens (thema&apos;s, categorieën, partners, gebieden) op deze laptop weken af en zijn vervangen door die van de teamserver: alleen een beheerder kan ze wijzigen.</source>
        <translation>%s reference data rows (themes, categories, partners, areas) on this laptop differed and were replaced by the team server&apos;s: only an administrator can change them.</translation>
    </message>
    <message>
        <source>%s referentiegegevens staan alleen op deze laptop en worden niet verstuurd: alleen een beheerder kan ze op de teamserver zetten. Ze blijven bewaard; vraag de beheerder ze toe te voegen.</source>
        <translation>%s reference data rows exist only on this laptop and are not sent: only an administrator can put them on the team server. They are kept; ask the administrator to add them.</translation>
    </message>
    <message>
        <source>%s wijzigingen konden niet worden verstuurd: ze horen bij een gebied dat niet (meer) aan u is toegewezen. Ze blijven op deze laptop bewaard. Vraag de beheerder u het gebied weer toe te wijzen, of geef ze aan een collega van dat gebied met Bestand → Uitwisselingsbestand maken…</source>
        <translation>%s changes could not be sent: they belong to an area that is no longer assigned to you. They are kept on this laptop. Ask the administrator to assign the area to you again, or give them to a colleague of that area with File → Make an exchange file…</translation>
    </message>
    <message>
        <source>%s records overgeslagen: u mag ze op de server niet zien.</source>
        <translation>%s records skipped: you may not see them on the server.</translation>
    </message>
    <message>
        <source>Nog te versturen: %s.</source>
        <translation>Still to send: %s.</translation>
    </message>
    <message>
        <source>synchroniseren lukte niet</source>
        <translation>synchronising failed</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>Gebied</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Teamtoewijzing</source>
        <translation>Team assignment</translation>
    </message>
    <message>
        <source>Toestemming</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Koffiekargesprek</source>
        <translation>Coffee cart conversation</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Initiatief</source>
        <translation>Initiative</translation>
    </message>
    <message>
        <source>Mijlpaal</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Koffiekarronde</source>
        <translation>Coffee cart round</translation>
    </message>
    <message>
        <source>Meedenker</source>
        <translation>Sounding-board member</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Bewoner</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Signaal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Signaalcategorie</source>
        <translation>Signal category</translation>
    </message>
    <message>
        <source>Foto bij een signaal</source>
        <translation>Photo of a signal</translation>
    </message>
    <message>
        <source>Teamlid</source>
        <translation>Team member</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Geanonimiseerd op</source>
        <translation>Anonymised on</translation>
    </message>
    <message>
        <source>Beheerder</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Budget toegekend</source>
        <translation>Budget granted</translation>
    </message>
    <message>
        <source>Budget aangevraagd</source>
        <translation>Budget requested</translation>
    </message>
    <message>
        <source>Bron van het budget</source>
        <translation>Source of the budget</translation>
    </message>
    <message>
        <source>Buurt</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <source>Onderschrift</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>Gedragen door</source>
        <translation>Carried by</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>CBS-wijk</source>
        <translation>CBS district</translation>
    </message>
    <message>
        <source>Afgesloten op</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Soort contact</source>
        <translation>Kind of contact</translation>
    </message>
    <message>
        <source>Gesprek</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Standaardpartner</source>
        <translation>Default partner</translation>
    </message>
    <message>
        <source>Verwijderd</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Gedaan op</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Streefdatum</source>
        <translation>Target date</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Einddatum</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Eindtijd</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>Afgerond op</source>
        <translation>Finished on</translation>
    </message>
    <message>
        <source>Bestandsnaam</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Gegeven op</source>
        <translation>Given on</translation>
    </message>
    <message>
        <source>Groep</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Afhandeling</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Sleutel</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Breedtegraad</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Locatie</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Lengtegraad</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Valt onder</source>
        <translation>Falls under</translation>
    </message>
    <message>
        <source>Voorbijgangers</source>
        <translation>Passers-by</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Plek</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Prioriteit</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Doel</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Citaat</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Citaat bruikbaar in rapportage</source>
        <translation>Quote usable in reports</translation>
    </message>
    <message>
        <source>Bereikt op</source>
        <translation>Reached on</translation>
    </message>
    <message>
        <source>Vastgelegd door</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Gemeld op</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>Buiten gebruik</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Volgorde</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Begindatum</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Begintijd</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>Gestart op</source>
        <translation>Started on</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Ondersteuning</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Begeleider</source>
        <translation>Supporter</translation>
    </message>
    <message>
        <source>Eenheid van de termijn</source>
        <translation>Unit of the term</translation>
    </message>
    <message>
        <source>Wil terugkoppeling</source>
        <translation>Wants feedback</translation>
    </message>
    <message>
        <source>Weer</source>
        <translation>Weather</translation>
    </message>
    <message>
        <source>Met wie</source>
        <translation>With whom</translation>
    </message>
    <message>
        <source>Ingetrokken op</source>
        <translation>Withdrawn on</translation>
    </message>
    <message>
        <source>mijn versie</source>
        <translation>my version</translation>
    </message>
    <message>
        <source>versie van de server</source>
        <translation>the server&apos;s version</translation>
    </message>
    <message>
        <source>samengevoegd</source>
        <translation>merged</translation>
    </message>
    <message>
        <source>(verwijderd)</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Opgelost: %s (%s, %s)</source>
        <translation>Resolved: %s (%s, %s)</translation>
    </message>
</context>
<context>
    <name>TableHeader</name>
    <message>
        <source>Vraag</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Respondenten</source>
        <translation>Respondents</translation>
    </message>
    <message>
        <source>Bereikt op</source>
        <translation>Reached on</translation>
    </message>
    <message>
        <source>Buurt</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <source>Deze laptop</source>
        <translation>This laptop</translation>
    </message>
    <message>
        <source>De eerste mijlpaal die nog niet bereikt is</source>
        <translation>The first milestone not yet reached</translation>
    </message>
    <message>
        <source>Dorp of wijk</source>
        <translation>Village or neighbourhood</translation>
    </message>
    <message>
        <source>Gebiedsregisseur</source>
        <translation>Area coordinator</translation>
    </message>
    <message>
        <source>Gebiedswethouder</source>
        <translation>Area alderman</translation>
    </message>
    <message>
        <source>Gemeld</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Gevonden</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Initiatief</source>
        <translation>Initiative</translation>
    </message>
    <message>
        <source>Uitspraak</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Laatst geweest</source>
        <translation>Last visited</translation>
    </message>
    <message>
        <source>Mijlpaal</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Opbouwwerker</source>
        <translation>Community worker</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Regel</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Inwoners</source>
        <translation>Inhabitants</translation>
    </message>
    <message>
        <source>Huishoudens</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>0-15</source>
        <translation>0-15</translation>
    </message>
    <message>
        <source>15-25</source>
        <translation>15-25</translation>
    </message>
    <message>
        <source>25-45</source>
        <translation>25-45</translation>
    </message>
    <message>
        <source>45-65</source>
        <translation>45-65</translation>
    </message>
    <message>
        <source>65+</source>
        <translation>65+</translation>
    </message>
    <message>
        <source>Andere cijfers</source>
        <translation>Other figures</translation>
    </message>
    <message>
        <source>Streefdatum</source>
        <translation>Target date</translation>
    </message>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Toegekend</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>Vanaf</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Velden</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Volgende mijlpaal</source>
        <translation>Next milestone</translation>
    </message>
    <message>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Weken</source>
        <translation>Weeks</translation>
    </message>
    <message>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
</context>
<context>
    <name>TaxonomyEditor</name>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Buiten gebruik stellen</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>Naam:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Omschrijving:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Weer in gebruik nemen</source>
        <translation>Bring back into use</translation>
    </message>
</context>
<context>
    <name>TaxonomyTreeModel</name>
    <message>
        <source> (buiten gebruik)</source>
        <translation> (retired)</translation>
    </message>
</context>
<context>
    <name>TeamOverviewScreen</name>
    <message>
        <source>Wie werkt waar</source>
        <translation>Who works where</translation>
    </message>
    <message>
        <source>Per dorp en wijk het team van gebiedsregisseur, opbouwwerker en gebiedswethouder op de gekozen datum.</source>
        <translation>For each village and district the team of area coordinator, community worker and area alderman on the chosen date.</translation>
    </message>
    <message>
        <source>Peildatum</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Teams bewerken…</source>
        <translation>Edit teams…</translation>
    </message>
    <message>
        <source>Peildatum:</source>
        <translation>Reference date:</translation>
    </message>
    <message>
        <source>Per gebied</source>
        <translation>By area</translation>
    </message>
    <message>
        <source>Per wethouder</source>
        <translation>By alderman</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <source>Teamleden</source>
        <translation>Team members</translation>
    </message>
    <message>
        <source>bijv. Gemeente Oldambt</source>
        <translation>e.g. Gemeente Oldambt</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>aanmeldnaam op deze laptop</source>
        <translation>sign-in name on this laptop</translation>
    </message>
    <message>
        <source>De naam waarmee dit teamlid zich aanmeldt (nu: de gebruikersnaam van de computer). Zo toont &apos;Mijn acties&apos; de acties van dit teamlid.</source>
        <translation>The name this team member signs in with (now: the computer&apos;s user name). This way &apos;My actions&apos; shows this team member&apos;s actions.</translation>
    </message>
    <message>
        <source>Dat ben ik</source>
        <translation>That&apos;s me</translation>
    </message>
    <message>
        <source>Vul uw eigen aanmeldnaam op deze computer in (&apos;%s&apos;)</source>
        <translation>Fill in your own sign-in name on this computer (&apos;%s&apos;)</translation>
    </message>
    <message>
        <source>Ingevuld met uw aanmeldnaam (&apos;%s&apos;): het eerste teamlid bent u meestal zelf. Wis het als dit teamlid iemand anders is.</source>
        <translation>Filled in with your sign-in name (&apos;%s&apos;): the first team member is usually yourself. Clear it if this team member is someone else.</translation>
    </message>
    <message>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Alleen actieve teamleden worden aangeboden bij nieuwe rondes.</source>
        <translation>Only active team members are offered for new rounds.</translation>
    </message>
    <message>
        <source>Beheerder</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Een beheerder beheert gebieden, teams, thema&apos;s, categorieën en partners, de map voor reservekopieën en de bewaartermijnen, en handelt AVG-verzoeken af. Zolang er geen beheerder is, mag iedereen dat. Vraagt een account.</source>
        <translation>An administrator manages areas, teams, themes, categories and partners, the backup folder and the retention periods, and handles GDPR requests. As long as there is no administrator, anyone may do so. Requires an account.</translation>
    </message>
    <message>
        <source>Nieuw teamlid</source>
        <translation>New team member</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Naam:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Organisatie:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Telefoon:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>Koppelingen</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Koppelen aan gebied…</source>
        <translation>Link to area…</translation>
    </message>
    <message>
        <source>Koppeling beëindigen…</source>
        <translation>End link…</translation>
    </message>
    <message>
        <source>Koppeling verwijderen</source>
        <translation>Delete link</translation>
    </message>
    <message>
        <source>Alleen voor een koppeling die per vergissing is ingevoerd. Wisselt iemand van gebied, beëindig de koppeling dan.</source>
        <translation>Only for a link entered by mistake. If someone changes area, end the link instead.</translation>
    </message>
    <message>
        <source>Koppelingen aan gebieden</source>
        <translation>Links to areas</translation>
    </message>
    <message>
        <source>Koppelingen van %s aan gebieden</source>
        <translation>Links of %s to areas</translation>
    </message>
    <message>
        <source>%s als %s van %s</source>
        <translation>%s as %s of %s</translation>
    </message>
    <message>
        <source>De koppeling van %s als %s van %s verwijderen?

Doe dit alleen bij een vergissing; wisselt iemand van gebied, beëindig de koppeling dan, zodat de geschiedenis klopt.</source>
        <translation>Delete the link of %s as %s of %s?

Only do this for a mistake; if someone changes area, end the link instead, so that the history is correct.</translation>
    </message>
</context>
<context>
    <name>ThemePicker</name>
    <message>
        <source>Typ om te zoeken, Enter kiest</source>
        <translation>Type to search, Enter chooses</translation>
    </message>
    <message>
        <source>Thema zoeken</source>
        <translation>Search theme</translation>
    </message>
    <message>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>(vervallen thema)</source>
        <translation>(lapsed theme)</translation>
    </message>
    <message>
        <source>Dit thema wordt niet meer aangeboden voor nieuwe invoer.</source>
        <translation>This theme is no longer offered for new entries.</translation>
    </message>
    <message>
        <source>&apos;%s&apos; past bij %s thema&apos;s: kies er een (Enter kiest het bovenste, ↓ en Spatie een ander)</source>
        <translation>&apos;%s&apos; matches %s themes: choose one (Enter chooses the top one, ↓ and Space another)</translation>
    </message>
    <message>
        <source>Geen thema past bij &apos;%s&apos;</source>
        <translation>No theme matches &apos;%s&apos;</translation>
    </message>
    <message>
        <source>Gekozen: %s</source>
        <translation>Chosen: %s</translation>
    </message>
    <message>
        <source>Nog geen thema gekozen</source>
        <translation>No theme chosen yet</translation>
    </message>
    <message>
        <source>typ een deel van een thema, Enter kiest</source>
        <translation>type part of a theme, Enter chooses</translation>
    </message>
    <message>
        <source>Thema dat Enter kiest</source>
        <translation>Theme that Enter chooses</translation>
    </message>
    <message>
        <source>geen thema past</source>
        <translation>no theme matches</translation>
    </message>
    <message>
        <source>Enter kiest: %s (%s passen, ↓ voor een ander)</source>
        <translation>Enter chooses: %s (%s match, ↓ for another)</translation>
    </message>
    <message>
        <source>Enter kiest: %s</source>
        <translation>Enter chooses: %s</translation>
    </message>
    <message>
        <source>(onbekend thema)</source>
        <translation>(unknown theme)</translation>
    </message>
    <message>
        <source>Klik om &apos;%s&apos; weg te halen (of Backspace in het lege veld)</source>
        <translation>Click to remove &apos;%s&apos; (or Backspace in the empty field)</translation>
    </message>
</context>
<context>
    <name>ThemesTab</name>
    <message>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Nieuw thema</source>
        <translation>New theme</translation>
    </message>
    <message>
        <source>Hoofdthema:</source>
        <translation>Main theme:</translation>
    </message>
    <message>
        <source>(geen: hoofdthema)</source>
        <translation>(none: main theme)</translation>
    </message>
    <message>
        <source>Dit hoofdthema heeft onderliggende thema&apos;s en blijft daarom een hoofdthema.</source>
        <translation>This main theme has sub-themes and therefore remains a main theme.</translation>
    </message>
    <message>
        <source>Buiten gebruik: bestaande gesprekken houden dit thema, bij nieuwe gesprekken wordt het niet meer aangeboden.</source>
        <translation>Retired: existing conversations keep this theme, new conversations no longer offer it.</translation>
    </message>
</context>
<context>
    <name>Unlock</name>
    <message>
        <source>Het wachtwoord is onjuist. Let op hoofdletters en de Caps Lock-toets. Zonder het juiste wachtwoord is de database niet te openen; er is geen achterdeur.</source>
        <translation>The passphrase is wrong. Mind capital letters and the Caps Lock key. Without the right passphrase the database cannot be opened; there is no back door.</translation>
    </message>
    <message>
        <source>Geen versleuteling</source>
        <translation>No encryption</translation>
    </message>
    <message>
        <source>Versleuteling (SQLCipher) is op deze computer niet beschikbaar. De nieuwe database wordt niet versleuteld en neemt daarom geen namen, telefoonnummers of e-mailadressen van bewoners op. Vraag de beheerder om de Gebiedsapp opnieuw te installeren.</source>
        <translation>Encryption (SQLCipher) is not available on this computer. The new database is not encrypted and so does not take residents&apos; names, phone numbers or email addresses. Ask the administrator to reinstall Gebiedsapp.</translation>
    </message>
    <message>
        <source>Versleutelen</source>
        <translation>Encrypt</translation>
    </message>
    <message>
        <source>Deze database is al versleuteld.</source>
        <translation>This database is already encrypted.</translation>
    </message>
    <message>
        <source>Alleen een databasebestand op deze computer wordt versleuteld.</source>
        <translation>Only a database file on this computer is encrypted.</translation>
    </message>
    <message>
        <source>Niet versleuteld</source>
        <translation>Not encrypted</translation>
    </message>
    <message>
        <source>Versleuteld</source>
        <translation>Encrypted</translation>
    </message>
    <message>
        <source>De database en zijn reservekopieën zijn versleuteld; de onversleutelde bestanden zijn overschreven en verwijderd. Bewaar het wachtwoord goed: zonder is niets te lezen.</source>
        <translation>The database and its backups are encrypted; the unencrypted files have been overwritten and deleted. Keep the passphrase safe: without it nothing can be read.</translation>
    </message>
    <message>
        <source>Wachtwoord wijzigen</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>Deze database is niet versleuteld; versleutel hem eerst.</source>
        <translation>This database is not encrypted; encrypt it first.</translation>
    </message>
    <message>
        <source>Het huidige wachtwoord is onjuist; er is niets gewijzigd.</source>
        <translation>The current passphrase is wrong; nothing was changed.</translation>
    </message>
    <message>
        <source>Wachtwoord niet gewijzigd</source>
        <translation>Passphrase not changed</translation>
    </message>
    <message>
        <source>Wachtwoord gewijzigd</source>
        <translation>Passphrase changed</translation>
    </message>
    <message>
        <source>Het wachtwoord is gewijzigd, ook van de reservekopieën. Het oude wachtwoord opent ze niet meer.</source>
        <translation>The passphrase has been changed, for the backups too. The old passphrase no longer opens them.</translation>
    </message>
    <message>
        <source>De app is nog bezig met een reservekopie. Probeer het over een minuut opnieuw; er is niets gewijzigd.</source>
        <translation>The app is still making a backup. Try again in a minute; nothing was changed.</translation>
    </message>
    <message>
        <source>

Er is niets gewijzigd.</source>
        <translation>

Nothing was changed.</translation>
    </message>
    <message>
        <source>Versleuteling (SQLCipher) is op deze computer niet beschikbaar; vraag de beheerder om de Gebiedsapp opnieuw te installeren.</source>
        <translation>Encryption (SQLCipher) is not available on this computer; ask the administrator to reinstall Gebiedsapp.</translation>
    </message>
    <message>
        <source>Alleen-lezen: de database is beschadigd</source>
        <translation>Read-only: the database is damaged</translation>
    </message>
    <message>
        <source>Niet versleuteld: geen contactgegevens van bewoners</source>
        <translation>Not encrypted: no residents&apos; contact details</translation>
    </message>
    <message>
        <source>Database niet versleuteld</source>
        <translation>Database not encrypted</translation>
    </message>
    <message>
        <source>Deze database is niet versleuteld. Zolang dat zo is, neemt de Gebiedsapp geen namen, telefoonnummers of e-mailadressen van bewoners op.

Nu versleutelen?</source>
        <translation>This database is not encrypted. As long as it is not, Gebiedsapp does not take residents&apos; names, phone numbers or email addresses.

Encrypt now?</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welkom bij de Gebiedsapp</source>
        <translation>Welcome to Gebiedsapp</translation>
    </message>
    <message>
        <source>Eerste keer instellen: vijf korte stappen.</source>
        <translation>First-time setup: five short steps.</translation>
    </message>
    <message>
        <source>✓ Het wachtwoord van de database is ingesteld. Zonder dat wachtwoord is de database niet te openen; bewaar het goed.</source>
        <translation>✓ The database passphrase has been set. Without that passphrase the database cannot be opened; keep it safe.</translation>
    </message>
    <message>
        <source>De database is niet versleuteld en neemt daarom geen namen, telefoonnummers of e-mailadressen van bewoners op. Versleutel hem later via Beheer → Database versleutelen…</source>
        <translation>The database is not encrypted and therefore does not record names, phone numbers or email addresses of residents. Encrypt it later via Administration → Encrypt database…</translation>
    </message>
    <message>
        <source>De database staat op een server; daar is geen wachtwoord voor nodig.</source>
        <translation>The database is on a server; no passphrase is needed for it.</translation>
    </message>
    <message>
        <source>In een paar stappen: wie u bent, in welke gebieden u werkt, oefenen met voorbeeldgegevens en de teamserver. Alles kunt u later wijzigen; met &apos;Overslaan&apos; slaat u dit over. U vindt het terug onder Help → Eerste keer instellen…</source>
        <translation>In a few steps: who you are, which areas you work in, practising with sample data and the team server. You can change everything later; &apos;Skip&apos; skips this. You can find it again under Help → First-time setup…</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Overal</source>
        <translation>Everywhere</translation>
    </message>
    <message>
        <source>(geen beschrijving)</source>
        <translation>(no description)</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Terug (vraagt eerst wat er met getypte tekst moet gebeuren)</source>
        <translation>Back (first asks what to do with typed text)</translation>
    </message>
    <message>
        <source>%s en %s deelgebieden</source>
        <translation>%s and %s sub-areas</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Contact niet opgeslagen</source>
        <translation>Contact not saved</translation>
    </message>
    <message>
        <source>Je hebt dit contact nog niet opgeslagen. Wat wil je doen?</source>
        <translation>You have not saved this contact yet. What do you want to do?</translation>
    </message>
    <message>
        <source>Een bewaard concept kun je later herstellen; weggooien kun je niet ongedaan maken.</source>
        <translation>A kept draft can be restored later; discarding cannot be undone.</translation>
    </message>
    <message>
        <source>Exporteren…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>De hele lijst met de gekozen filters opslaan als Excel- of CSV-bestand</source>
        <translation>Save the whole list with the chosen filters as an Excel or CSV file</translation>
    </message>
    <message>
        <source>Geschiedenis van dit initiatief</source>
        <translation>History of this initiative</translation>
    </message>
    <message>
        <source>bijv. 1.250,50</source>
        <translation>e.g. 1.250,50</translation>
    </message>
    <message>
        <source>Een bedrag in euro&apos;s, bijv. 1.250 of 1.250,50; leeg: onbekend</source>
        <translation>An amount in euros, e.g. 1.250 or 1.250,50; empty: unknown</translation>
    </message>
    <message>
        <source>Initiatief niet opgeslagen</source>
        <translation>Initiative not saved</translation>
    </message>
    <message>
        <source>Je hebt wijzigingen in dit initiatief nog niet opgeslagen.</source>
        <translation>You have not saved the changes to this initiative yet.</translation>
    </message>
    <message>
        <source>Wil je ze opslaan? Weggooien kun je niet ongedaan maken.</source>
        <translation>Do you want to save them? Discarding cannot be undone.</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Gesprek niet opgeslagen</source>
        <translation>Conversation not saved</translation>
    </message>
    <message>
        <source>Dit gesprek is nog niet opgeslagen.</source>
        <translation>This conversation has not been saved yet.</translation>
    </message>
    <message>
        <source>Bewaar het als concept (het wordt je later weer aangeboden), gooi de tekst weg, of ga terug naar het formulier.</source>
        <translation>Keep it as a draft (it will be offered to you again later), discard the text, or go back to the form.</translation>
    </message>
    <message>
        <source>Welk thema?</source>
        <translation>Which theme?</translation>
    </message>
    <message>
        <source>&apos;%s&apos; past bij meer dan één thema. Welk thema bedoel je?</source>
        <translation>&apos;%s&apos; matches more than one theme. Which theme do you mean?</translation>
    </message>
    <message>
        <source>Het gesprek wordt opgeslagen met het thema dat je kiest.</source>
        <translation>The conversation is saved with the theme you choose.</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Opslaan als PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Opgeslagen</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>PDF opgeslagen:
%s</source>
        <translation>PDF saved:
%s</translation>
    </message>
    <message>
        <source>Geen PDF-lezer</source>
        <translation>No PDF reader</translation>
    </message>
    <message>
        <source>Er is geen programma gevonden om PDF&apos;s te openen. De PDF staat in:
%s</source>
        <translation>No program was found to open PDFs. The PDF is in:
%s</translation>
    </message>
    <message>
        <source>Afdrukken</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Niet afgedrukt</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <source>Afdrukken is mislukt: %s</source>
        <translation>Printing failed: %s</translation>
    </message>
    <message>
        <source>Voorbeeld bekijken</source>
        <translation>View preview</translation>
    </message>
    <message>
        <source>Opslaan als PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Concept bewaren</source>
        <translation>Keep draft</translation>
    </message>
    <message>
        <source>Weggooien</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Map voor reservekopieën</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>Map niet gekozen</source>
        <translation>Folder not chosen</translation>
    </message>
    <message>
        <source>Foto opslaan als</source>
        <translation>Save photo as</translation>
    </message>
    <message>
        <source>Opslaan mislukt</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <source>De foto kon niet worden opgeslagen: %s</source>
        <translation>The photo could not be saved: %s</translation>
    </message>
    <message>
        <source>categorie</source>
        <translation>category</translation>
    </message>
    <message>
        <source>categorieën</source>
        <translation>categories</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
</context>
<context>
    <name>self.widget</name>
    <message>
        <source>Exporteren als</source>
        <translation>Export as</translation>
    </message>
    <message>
        <source>Exporteren…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Exporteren</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exporteren… %s rijen</source>
        <translation>Exporting… %s rows</translation>
    </message>
    <message>
        <source>1 rij opgeslagen in:
%s</source>
        <translation>1 row saved in:
%s</translation>
    </message>
    <message>
        <source>%s rijen opgeslagen in:
%s</source>
        <translation>%s rows saved in:
%s</translation>
    </message>
    <message>
        <source>Elke tabel staat in een eigen bestand, met de kolomnamen op de eerste regel.</source>
        <translation>Each table is in its own file, with the column names on the first line.</translation>
    </message>
    <message>
        <source>%s signalen zonder coördinaten staan niet op de kaart en niet in het bestand.</source>
        <translation>%s signals without coordinates are not on the map and not in the file.</translation>
    </message>
    <message>
        <source>Geëxporteerd</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>Exporteren geannuleerd; er is geen bestand gemaakt.</source>
        <translation>Export cancelled; no file has been created.</translation>
    </message>
    <message>
        <source>Geannuleerd</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Het bestand %s kon niet worden opgeslagen (%s). Kies een andere map of sluit het bestand als het in Excel openstaat.</source>
        <translation>The file %s could not be saved (%s). Choose another folder or close the file if it is open in Excel.</translation>
    </message>
    <message>
        <source>Exporteren is mislukt; er is geen bestand gemaakt. Zie het logboek.

Technische melding: %s</source>
        <translation>Export failed; no file has been created. See the log.

Technical message: %s</translation>
    </message>
    <message>
        <source>Niet geëxporteerd</source>
        <translation>Not exported</translation>
    </message>
    <message>
        <source>PDF maken…</source>
        <translation>Creating PDF…</translation>
    </message>
    <message>
        <source>PDF maken</source>
        <translation>Create PDF</translation>
    </message>
    <message>
        <source>PDF maken… deel %d van %d</source>
        <translation>Creating PDF… part %d of %d</translation>
    </message>
    <message>
        <source>Geannuleerd; er is geen PDF gemaakt.</source>
        <translation>Cancelled; no PDF has been created.</translation>
    </message>
    <message>
        <source>De PDF %s kon niet worden opgeslagen (%s). Kies een andere map, of sluit het bestand als het in een PDF-lezer openstaat.</source>
        <translation>The PDF %s could not be saved (%s). Choose another folder, or close the file if it is open in a PDF reader.</translation>
    </message>
    <message>
        <source>De PDF kon niet worden gemaakt; zie het logboek. Technische melding: %s</source>
        <translation>The PDF could not be created; see the log. Technical message: %s</translation>
    </message>
    <message>
        <source>Geen PDF</source>
        <translation>No PDF</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>⚠ Geen reservekopie gemaakt</source>
        <translation>⚠ No backup made</translation>
    </message>
    <message>
        <source>Reservekopie mislukt</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>

U kunt gewoon doorwerken, maar zolang dit zo is wordt er geen reservekopie gemaakt. Deze melding komt hooguit één keer per dag terug; onderin het venster blijft het zichtbaar.</source>
        <translation>

You can carry on working, but as long as this is the case no backup is made. This message returns at most once a day; it stays visible at the bottom of the window.</translation>
    </message>
</context>
</TS>
