<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About intake</source>
        <translation>Acerca de intake</translation>
    </message>
    <message>
        <source>intake, version %1</source>
        <translation>intake, versión %1</translation>
    </message>
    <message>
        <source>Intake and referral assistant for substance-use and harm-reduction programs.</source>
        <translation>Asistente de admisión y derivación para programas de consumo de sustancias y de reducción de daños.</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later (%1). Service directories are read and written as Open Referral HSDS 3.0.</source>
        <translation>Software libre bajo la Licencia Pública General de GNU, versión 3 o posterior (%1). Los directorios de servicios se leen y se escriben en formato Open Referral HSDS 3.0.</translation>
    </message>
    <message>
        <source>Bundled components</source>
        <translation>Componentes incluidos</translation>
    </message>
    <message>
        <source>&amp;Bundled components and their licences:</source>
        <translation>Componentes &amp;incluidos y sus licencias:</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>Texto de la licencia</translation>
    </message>
    <message>
        <source>Licence &amp;text:</source>
        <translation>&amp;Texto de la licencia:</translation>
    </message>
    <message>
        <source>The licence text of %1 is not in this installation. The desktop build copies it from the package when it is made; a development copy of intake does not hold it. Expected at: %2</source>
        <translation>El texto de la licencia de %1 no está en esta instalación. La versión de escritorio lo copia del paquete al prepararse; una copia de desarrollo de intake no lo tiene. Se esperaba en: %2</translation>
    </message>
    <message>
        <source>The licence text of %1 is missing from this installation. Expected at: %2</source>
        <translation>Falta el texto de la licencia de %1 en esta instalación. Se esperaba en: %2</translation>
    </message>
    <message>
        <source>The list of bundled components could not be read:
%1</source>
        <translation>No se pudo leer la lista de componentes incluidos:
%1</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>Your answers could not be saved just now; they are kept on screen.</source>
        <translation>Sus respuestas no se pudieron guardar en este momento; siguen en la pantalla.</translation>
    </message>
</context>
<context>
    <name>CircumstancesPage</name>
    <message>
        <source>Circumstances</source>
        <translation>Circunstancias</translation>
    </message>
    <message>
        <source>Circumstances and preferences</source>
        <translation>Circunstancias y preferencias</translation>
    </message>
    <message>
        <source>These help find services that fit the client&apos;s life. Skip any of them.</source>
        <translation>Ayudan a encontrar servicios que se ajusten a la vida del cliente. Puede saltarse cualquiera.</translation>
    </message>
    <message>
        <source>The client&apos;s life now</source>
        <translation>La vida del cliente ahora</translation>
    </message>
    <message>
        <source>&amp;Pregnant</source>
        <translation>Embara&amp;zada</translation>
    </message>
    <message>
        <source>Pregnant</source>
        <translation>Embarazada</translation>
    </message>
    <message>
        <source>Had a baby in the last &amp;year</source>
        <translation>Tuvo un &amp;bebé en el último año</translation>
    </message>
    <message>
        <source>Postpartum</source>
        <translation>Posparto</translation>
    </message>
    <message>
        <source>Cares for chil&amp;dren</source>
        <translation>C&amp;uida a niños</translation>
    </message>
    <message>
        <source>Parenting</source>
        <translation>Cuida a niños</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>No se preguntó</translation>
    </message>
    <message>
        <source>&amp;Housing</source>
        <translation>&amp;Vivienda</translation>
    </message>
    <message>
        <source>Coverage: %1</source>
        <translation>Cobertura: %1</translation>
    </message>
    <message>
        <source>&amp;Coverage</source>
        <translation>&amp;Cobertura</translation>
    </message>
    <message>
        <source>&amp;Veteran</source>
        <translation>Ve&amp;terano/a</translation>
    </message>
    <message>
        <source>&amp;Justice involvement</source>
        <translation>Asuntos con la &amp;justicia</translation>
    </message>
    <message>
        <source>Needs &amp;transport</source>
        <translation>Necesita trans&amp;porte</translation>
    </message>
    <message>
        <source>M&amp;edication</source>
        <translation>&amp;Medicamentos</translation>
    </message>
    <message>
        <source>Program for own &amp;gender</source>
        <translation>Programa para su propio &amp;género</translation>
    </message>
    <message>
        <source>How &amp;far (at most)</source>
        <translation>Qué tan &amp;lejos (como máximo)</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Veteran</source>
        <translation>Veterano/a</translation>
    </message>
    <message>
        <source>Justice involvement</source>
        <translation>Asuntos con la justicia</translation>
    </message>
    <message>
        <source>Has &amp;mental health concerns</source>
        <translation>Tiene inquietudes de &amp;salud mental</translation>
    </message>
    <message>
        <source>Mental health concerns</source>
        <translation>Inquietudes de salud mental</translation>
    </message>
    <message>
        <source>Needs transportation</source>
        <translation>Necesita transporte</translation>
    </message>
    <message>
        <source>What the client prefers</source>
        <translation>Lo que prefiere el cliente</translation>
    </message>
    <message>
        <source>Fa&amp;ith-based programs</source>
        <translation>Programas &amp;religiosos</translation>
    </message>
    <message>
        <source>In person or &amp;online</source>
        <translation>En persona o en lín&amp;ea</translation>
    </message>
    <message>
        <source>Gender-specific program</source>
        <translation>Programa según el género</translation>
    </message>
    <message>
        <source>No limit given</source>
        <translation>Sin límite indicado</translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source>Maximum distance in kilometres</source>
        <translation>Distancia máxima en kilómetros</translation>
    </message>
</context>
<context>
    <name>ClientFinder</name>
    <message>
        <source>Name, alias or date of birth (1990-04-12)</source>
        <translation>Nombre, alias o fecha de nacimiento (1990-04-12)</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Buscar clientes</translation>
    </message>
    <message>
        <source>Type part of a name or alias, a year of birth, or a date like 4/12/1990</source>
        <translation>Escriba parte de un nombre o alias, un año de nacimiento o una fecha como 4/12/1990 (mes/día/año)</translation>
    </message>
    <message>
        <source>&amp;New intake</source>
        <translation>&amp;Nueva admisión</translation>
    </message>
    <message>
        <source>Start an intake for a new client (Ctrl+N)</source>
        <translation>Comenzar una admisión para un cliente nuevo (Ctrl+N)</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Number of clients shown</source>
        <translation>Número de clientes mostrados</translation>
    </message>
    <message>
        <source>Unfinished intakes</source>
        <translation>Admisiones sin terminar</translation>
    </message>
    <message>
        <source>&amp;Resume draft</source>
        <translation>&amp;Reanudar borrador</translation>
    </message>
    <message>
        <source>Disc&amp;ard draft…</source>
        <translation>D&amp;escartar borrador…</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>&amp;Unfinished intakes (drafts):</source>
        <translation>Admisiones sin &amp;terminar (borradores):</translation>
    </message>
    <message>
        <source>Cli&amp;ents:</source>
        <translation>Cl&amp;ientes:</translation>
    </message>
    <message>
        <source>The search failed. The details were written to the log.</source>
        <translation>La búsqueda falló. Los detalles quedaron en el registro.</translation>
    </message>
    <message>
        <source>No clients yet. Start with New intake.</source>
        <translation>Todavía no hay clientes. Comience con Nueva admisión.</translation>
    </message>
    <message>
        <source>No client matches the search.</source>
        <translation>Ningún cliente coincide con la búsqueda.</translation>
    </message>
    <message>
        <source>The %1 most recent matches are shown. Type more to narrow.</source>
        <translation>Se muestran las %1 coincidencias más recientes. Escriba más para acotar.</translation>
    </message>
    <message>
        <source>%1 client</source>
        <translation>%1 cliente</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation>%1 clientes</translation>
    </message>
    <message>
        <source>Discard the unfinished intake?</source>
        <translation>¿Descartar la admisión sin terminar?</translation>
    </message>
    <message>
        <source>The answers entered for %1 will be deleted.</source>
        <translation>Se borrarán las respuestas anotadas para %1.</translation>
    </message>
    <message>
        <source>The answers entered in this intake will be deleted.</source>
        <translation>Se borrarán las respuestas anotadas en esta admisión.</translation>
    </message>
</context>
<context>
    <name>ClientHistoryView</name>
    <message>
        <source>Client chosen</source>
        <translation>Cliente elegido</translation>
    </message>
    <message>
        <source>Intakes</source>
        <translation>Admisiones</translation>
    </message>
    <message>
        <source>Referrals made at this intake</source>
        <translation>Derivaciones hechas en esta admisión</translation>
    </message>
    <message>
        <source>New intake for this c&amp;lient</source>
        <translation>Nueva admisión para este c&amp;liente</translation>
    </message>
    <message>
        <source>Start a new intake for the client chosen</source>
        <translation>Comenzar una nueva admisión para el cliente elegido</translation>
    </message>
    <message>
        <source>Letters and hand&amp;outs…</source>
        <translation>Cartas y f&amp;olletos…</translation>
    </message>
    <message>
        <source>Print or save the letters and the handout of the intake chosen</source>
        <translation>Imprimir o guardar las cartas y el folleto de la admisión elegida</translation>
    </message>
    <message>
        <source>&amp;Intakes:</source>
        <translation>Ad&amp;misiones:</translation>
    </message>
    <message>
        <source>Referrals &amp;made at this intake:</source>
        <translation>Deri&amp;vaciones hechas en esta admisión:</translation>
    </message>
    <message>
        <source>No client chosen</source>
        <translation>Ningún cliente elegido</translation>
    </message>
    <message>
        <source>Choose a client in the list to see their past intakes and referrals.</source>
        <translation>Elija un cliente en la lista para ver sus admisiones y derivaciones anteriores.</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Leyendo el historial…</translation>
    </message>
    <message>
        <source>No finished intakes yet.</source>
        <translation>Todavía no hay admisiones terminadas.</translation>
    </message>
    <message>
        <source>The history could not be read. The details were written to the log.</source>
        <translation>No se pudo leer el historial. Los detalles quedaron en el registro.</translation>
    </message>
    <message>
        <source>%1 (alias)</source>
        <translation>%1 (alias)</translation>
    </message>
    <message>
        <source>%1 · born %2</source>
        <translation>%1 · nació el %2</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <source>%1 (alias)</source>
        <translation>%1 (alias)</translation>
    </message>
    <message>
        <source>%1, last seen %2</source>
        <translation>%1, última visita %2</translation>
    </message>
    <message>
        <source>%1, born %2, last seen %3</source>
        <translation>%1, nació el %2, última visita %3</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>El cliente</translation>
    </message>
    <message>
        <source>Only a name is needed; an alias is fine. Skip anything the client would rather not share.</source>
        <translation>Solo hace falta un nombre; un alias está bien. Sáltese lo que el cliente prefiera no contar.</translation>
    </message>
    <message>
        <source>This is an alias onl&amp;y</source>
        <translation>E&amp;s solo un alias</translation>
    </message>
    <message>
        <source>The name is an alias only</source>
        <translation>El nombre es solo un alias</translation>
    </message>
    <message>
        <source>N&amp;ame or alias (required)</source>
        <translation>Nom&amp;bre o alias (obligatorio)</translation>
    </message>
    <message>
        <source>Enter a name or an alias.</source>
        <translation>Escriba un nombre o un alias.</translation>
    </message>
    <message>
        <source>Name or alias</source>
        <translation>Nombre o alias</translation>
    </message>
    <message>
        <source>Name or alias (required)</source>
        <translation>Nombre o alias (obligatorio)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, e.g. 1990-04-12</source>
        <translation>AAAA-MM-DD, p. ej. 1990-04-12</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>Fec&amp;ha de nacimiento</translation>
    </message>
    <message>
        <source>years</source>
        <translation>años</translation>
    </message>
    <message>
        <source>or a&amp;ge</source>
        <translation>o &amp;edad</translation>
    </message>
    <message>
        <source>Age in years, if no date of birth</source>
        <translation>Edad en años, si no hay fecha de nacimiento</translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation>Prefiere no decirlo</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>No se preguntó</translation>
    </message>
    <message>
        <source>Gend&amp;er</source>
        <translation>&amp;Género</translation>
    </message>
    <message>
        <source>&amp;Pronouns</source>
        <translation>&amp;Pronombres</translation>
    </message>
    <message>
        <source>&amp;Languages (preferred first)</source>
        <translation>&amp;Idiomas (el preferido primero)</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Postal &amp;code (where the client stays)</source>
        <translation>Código posta&amp;l (donde se queda)</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation>Correo electrónic&amp;o</translation>
    </message>
    <message>
        <source>Safe to contact</source>
        <translation>Se le puede contactar sin riesgo</translation>
    </message>
    <message>
        <source>&amp;Safe for the clinic to call, text or mail?</source>
        <translation>¿Es seguro llamarle, escribirle o enviarle &amp;correo?</translation>
    </message>
    <message>
        <source>Clients already on record</source>
        <translation>Clientes que ya tienen registro</translation>
    </message>
    <message>
        <source>&amp;Use this record</source>
        <translation>&amp;Usar este registro</translation>
    </message>
    <message>
        <source>No, this is someone ne&amp;w</source>
        <translation>No, es una persona nue&amp;va</translation>
    </message>
    <message>
        <source>Start a ne&amp;w record instead</source>
        <translation>Empezar un registro nue&amp;vo</translation>
    </message>
    <message>
        <source>&lt;b&gt;This person may already have a record.&lt;/b&gt; If it is one of these, use that record so the client&apos;s history stays together.</source>
        <translation>&lt;b&gt;Puede que esta persona ya tenga un registro.&lt;/b&gt; Si es una de estas, use ese registro para que el historial del cliente quede junto.</translation>
    </message>
    <message>
        <source>a client on record</source>
        <translation>un cliente registrado</translation>
    </message>
    <message>
        <source>This intake will be added to the record of %1.</source>
        <translation>Esta admisión se agregará al registro de %1.</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Name or alias</source>
        <translation>Nombre o alias</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Última visita</translation>
    </message>
    <message>
        <source>%1 (alias)</source>
        <translation>%1 (alias)</translation>
    </message>
    <message>
        <source>%1 is an alias: this client did not give a legal name.</source>
        <translation>%1 es un alias: este cliente no dio su nombre legal.</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Opening the records…</source>
        <translation>Abriendo los registros…</translation>
    </message>
</context>
<context>
    <name>ComponentTableModel</name>
    <message>
        <source>Component</source>
        <translation>Componente</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Se usa para</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
</context>
<context>
    <name>ComponentUses</name>
    <message>
        <source>this program</source>
        <translation>este programa</translation>
    </message>
    <message>
        <source>the desktop interface</source>
        <translation>la interfaz de escritorio</translation>
    </message>
    <message>
        <source>letters and handouts (PDF)</source>
        <translation>cartas y hojas para el cliente (PDF)</translation>
    </message>
    <message>
        <source>the database and its migrations</source>
        <translation>la base de datos y sus migraciones</translation>
    </message>
    <message>
        <source>ReportLab&apos;s compiled speed-ups</source>
        <translation>las aceleraciones compiladas de ReportLab</translation>
    </message>
    <message>
        <source>joining Arabic letters in letters and handouts</source>
        <translation>unir las letras árabes en las cartas y hojas para el cliente</translation>
    </message>
    <message>
        <source>right-to-left order of Arabic and Hebrew in letters and handouts</source>
        <translation>el orden de derecha a izquierda del árabe y el hebreo en las cartas y hojas para el cliente</translation>
    </message>
    <message>
        <source>checking intakes and plans</source>
        <translation>comprobar admisiones y planes</translation>
    </message>
    <message>
        <source>validation, data folders, FHIR export, images</source>
        <translation>validación, carpetas de datos, exportación FHIR, imágenes</translation>
    </message>
    <message>
        <source>US ZIP code centroids for distances</source>
        <translation>centros de los códigos postales de EE. UU. para calcular distancias</translation>
    </message>
    <message>
        <source>font in letters</source>
        <translation>tipo de letra de las cartas</translation>
    </message>
    <message>
        <source>font in letters (Chinese, Japanese, Korean)</source>
        <translation>tipo de letra de las cartas (chino, japonés, coreano)</translation>
    </message>
    <message>
        <source>directory import and export</source>
        <translation>importar y exportar el directorio</translation>
    </message>
    <message>
        <source>the runtime inside the desktop build</source>
        <translation>el entorno de ejecución de la versión de escritorio</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Consent to share</source>
        <translation>Consentimiento para compartir</translation>
    </message>
    <message>
        <source>Federal rules (42 CFR Part 2) protect this information. A letter goes to a service only if the client agrees here; the client may revoke it in writing.</source>
        <translation>Las normas federales (42 CFR Parte 2) protegen esta información. Una carta se envía a un servicio solo si el cliente lo autoriza aquí; el cliente puede revocarlo por escrito.</translation>
    </message>
    <message>
        <source>The client &amp;gives consent now</source>
        <translation>El cliente &amp;da su consentimiento ahora</translation>
    </message>
    <message>
        <source>No c&amp;onsent now</source>
        <translation>Sin c&amp;onsentimiento por ahora</translation>
    </message>
    <message>
        <source>What may be shared</source>
        <translation>Qué se puede compartir</translation>
    </message>
    <message>
        <source>May share: %1</source>
        <translation>Se puede compartir: %1</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Con quién</translation>
    </message>
    <message>
        <source>Services that may receive a letter</source>
        <translation>Servicios que pueden recibir una carta</translation>
    </message>
    <message>
        <source>Service to add</source>
        <translation>Servicio que agregar</translation>
    </message>
    <message>
        <source>Type a service&apos;s name</source>
        <translation>Escriba el nombre de un servicio</translation>
    </message>
    <message>
        <source>&amp;Add service</source>
        <translation>Agregar ser&amp;vicio</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected service</source>
        <translation>Quitar el servicio elegido</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Propósito</translation>
    </message>
    <message>
        <source>Ends on a &amp;date</source>
        <translation>Termina en una &amp;fecha</translation>
    </message>
    <message>
        <source>Ends &amp;when</source>
        <translation>Termina &amp;cuando</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Consent ends on</source>
        <translation>El consentimiento termina el</translation>
    </message>
    <message>
        <source>e.g. &quot;End of treatment&quot;</source>
        <translation>p. ej. &quot;Fin del tratamiento&quot;</translation>
    </message>
    <message>
        <source>Consent ends when</source>
        <translation>El consentimiento termina cuando</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Give the date the consent ends, or the event that ends it.</source>
        <translation>Indique la fecha en que termina el consentimiento o el hecho que lo termina.</translation>
    </message>
    <message>
        <source>&amp;Signed by</source>
        <translation>F&amp;irmado por</translation>
    </message>
    <message>
        <source>Enter the name of the person who signed.</source>
        <translation>Escriba el nombre de la persona que firmó.</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>No se indicó</translation>
    </message>
    <message>
        <source>Signer &amp;is</source>
        <translation>Quien firma &amp;es</translation>
    </message>
    <message>
        <source>Da&amp;te signed</source>
        <translation>Fec&amp;ha de la firma</translation>
    </message>
    <message>
        <source>Enter the date the consent was signed.</source>
        <translation>Escriba la fecha en que se firmó el consentimiento.</translation>
    </message>
    <message>
        <source>Referral for care at the client&apos;s request</source>
        <translation>Derivación para recibir atención, a pedido del cliente</translation>
    </message>
</context>
<context>
    <name>DirectoryBrowser</name>
    <message>
        <source>All pathways</source>
        <translation>Todas las rutas</translation>
    </message>
    <message>
        <source>All service types</source>
        <translation>Todos los tipos de servicio</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Todos los idiomas</translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a service to see its details.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Elija un servicio para ver sus detalles.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Name, organization, description or type</source>
        <translation>Nombre, organización, descripción o tipo</translation>
    </message>
    <message>
        <source>Search services</source>
        <translation>Buscar servicios</translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Service type</source>
        <translation>Tipo de servicio</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Number of services shown</source>
        <translation>Número de servicios mostrados</translation>
    </message>
    <message>
        <source>Service details</source>
        <translation>Detalles del servicio</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>&amp;Pathway:</source>
        <translation>&amp;Ruta:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>%2 service</source>
        <translation>%2 servicio</translation>
    </message>
    <message>
        <source>%2 services</source>
        <translation>%2 servicios</translation>
    </message>
    <message>
        <source>%1 of %2 service</source>
        <translation>%1 de %2 servicio</translation>
    </message>
    <message>
        <source>%1 of %2 services</source>
        <translation>%1 de %2 servicios</translation>
    </message>
</context>
<context>
    <name>DirectoryImport</name>
    <message>
        <source>Import directory: choose a .zip, a .json, or any .csv file of the folder</source>
        <translation>Importar directorio: elija un .zip, un .json o cualquier archivo .csv de la carpeta</translation>
    </message>
    <message>
        <source>Open Referral HSDS 3.0 (*.zip *.json *.csv);;All files (*)</source>
        <translation>Open Referral HSDS 3.0 (*.zip *.json *.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Import cancelled; the directory was not changed.</source>
        <translation>Importación cancelada; el directorio no cambió.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Import directory</source>
        <translation>Importar directorio</translation>
    </message>
    <message>
        <source>Imported %1 service from %2.</source>
        <translation>Se importó %1 servicio de %2.</translation>
    </message>
    <message>
        <source>Imported %1 services from %2.</source>
        <translation>Se importaron %1 servicios de %2.</translation>
    </message>
    <message>
        <source>%1 warning: the listings were imported, but some details may need a look.</source>
        <translation>%1 advertencia: los servicios se importaron, pero conviene revisar algunos detalles.</translation>
    </message>
    <message>
        <source>%1 warnings: the listings were imported, but some details may need a look.</source>
        <translation>%1 advertencias: los servicios se importaron, pero conviene revisar algunos detalles.</translation>
    </message>
    <message>
        <source>The directory was not imported: %1 problem must be fixed in the file first. Nothing was changed. Errors are listed first.</source>
        <translation>El directorio no se importó: primero hay que corregir %1 problema en el archivo. No se cambió nada. Los errores aparecen primero.</translation>
    </message>
    <message>
        <source>The directory was not imported: %1 problems must be fixed in the file first. Nothing was changed. Errors are listed first.</source>
        <translation>El directorio no se importó: primero hay que corregir %1 problemas en el archivo. No se cambió nada. Los errores aparecen primero.</translation>
    </message>
    <message>
        <source>The directory was not imported; see the list of problems.</source>
        <translation>El directorio no se importó; vea la lista de problemas.</translation>
    </message>
    <message>
        <source>Directory imported</source>
        <translation>Directorio importado</translation>
    </message>
    <message>
        <source>Show &amp;warnings</source>
        <translation>Ver &amp;advertencias</translation>
    </message>
    <message>
        <source>Import warnings</source>
        <translation>Advertencias de la importación</translation>
    </message>
    <message>
        <source>Directory not imported</source>
        <translation>Directorio no importado</translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <source>Loading the directory…</source>
        <translation>Cargando el directorio…</translation>
    </message>
</context>
<context>
    <name>DraftTableModel</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Último cambio</translation>
    </message>
    <message>
        <source>Counselor</source>
        <translation>Consejero/a</translation>
    </message>
    <message>
        <source>No name given yet</source>
        <translation>Todavía sin nombre</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>intake ran into a problem it did not expect, so what you were just doing may not have finished. You can carry on working.</source>
        <translation>intake encontró un problema inesperado, así que es posible que lo que estaba haciendo no haya terminado. Puede seguir trabajando.</translation>
    </message>
    <message>
        <source>If it happens again, tell whoever looks after intake at your clinic. The details they need are in the log folder:
%1</source>
        <translation>Si vuelve a ocurrir, avise a quien se ocupa de intake en su clínica. Los detalles que necesita están en la carpeta de registros:
%1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>Export referral summaries</source>
        <translation>Exportar resúmenes de derivaciones</translation>
    </message>
    <message>
        <source>CSV spreadsheet (one row per referral)</source>
        <translation>Hoja de cálculo CSV (una fila por derivación)</translation>
    </message>
    <message>
        <source>JSON (one record per referral)</source>
        <translation>JSON (un registro por derivación)</translation>
    </message>
    <message>
        <source>FHIR R4 Bundle</source>
        <translation>FHIR R4 Bundle</translation>
    </message>
    <message>
        <source>De-identified report (counts only)</source>
        <translation>Informe sin datos personales (solo recuentos)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>&amp;All dates</source>
        <translation>&amp;Todas las fechas</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Add a &amp;byte-order mark (for spreadsheets that need one)</source>
        <translation>Agregar una &amp;marca de orden de bytes (para hojas de cálculo que la necesitan)</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>Archivo de salida</translation>
    </message>
    <message>
        <source>Choose where to save the file</source>
        <translation>Elegir dónde guardar el archivo</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Fechas:</translation>
    </message>
    <message>
        <source>F&amp;rom (intake finished on or after):</source>
        <translation>&amp;Desde (admisión terminada ese día o después):</translation>
    </message>
    <message>
        <source>&amp;Until (on or before):</source>
        <translation>&amp;Hasta (ese día o antes):</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;Guardar en:</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>&amp;Cancelar la exportación</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Ce&amp;rrar</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportación cancelada; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <source>Nothing was exported: see the problems.</source>
        <translation>No se exportó nada: vea los problemas.</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>No se puede exportar</translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>No se exportó nada.</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>No se pudo escribir el archivo: %1</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to intake</source>
        <translation>Bienvenido/a a intake</translation>
    </message>
    <message>
        <source>Before the first intake, please tell intake two things it prints on every letter and handout. You can change them later in Settings.</source>
        <translation>Antes de la primera admisión, indique a intake dos datos que imprime en cada carta y hoja para el cliente. Puede cambiarlos más adelante en Configuración.</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>For example: Harbor Community Clinic</source>
        <translation>Por ejemplo: Clínica Comunitaria del Puerto</translation>
    </message>
    <message>
        <source>Counselor&apos;s name</source>
        <translation>Nombre del consejero/a</translation>
    </message>
    <message>
        <source>Your name, as it signs letters</source>
        <translation>Su nombre, tal como firma las cartas</translation>
    </message>
    <message>
        <source>Setup status</source>
        <translation>Estado de la configuración</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Más tarde</translation>
    </message>
    <message>
        <source>Skip for now: intake asks again next time</source>
        <translation>Omitir por ahora: intake lo volverá a preguntar la próxima vez</translation>
    </message>
    <message>
        <source>&amp;Clinic name:</source>
        <translation>&amp;Nombre de la clínica:</translation>
    </message>
    <message>
        <source>C&amp;ounselor&apos;s name:</source>
        <translation>Nombre del c&amp;onsejero/a:</translation>
    </message>
    <message>
        <source>This is too long: keep it under 500 characters.</source>
        <translation>Es demasiado largo: use menos de 500 caracteres.</translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s name: it is printed on letters and handouts.</source>
        <translation>Escriba el nombre de la clínica: se imprime en las cartas y en las hojas para el cliente.</translation>
    </message>
    <message>
        <source>Enter the counselor&apos;s name: it signs the letters.</source>
        <translation>Escriba el nombre del consejero/a: firma las cartas.</translation>
    </message>
    <message>
        <source>This name was not accepted: %1.</source>
        <translation>Este nombre no se aceptó: %1.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Not saved: a name needs fixing first.</source>
        <translation>No se guardó: primero hay que corregir un nombre.</translation>
    </message>
    <message>
        <source>The names could not be saved. Try again, or choose Later and set them in Settings. The details are in the log.</source>
        <translation>No se pudieron guardar los nombres. Inténtelo de nuevo, o elija Más tarde y escríbalos en Configuración. Los detalles están en el registro.</translation>
    </message>
</context>
<context>
    <name>GoalsPage</name>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>What does the client want right now? Tick every goal that fits; any mix is fine. Every kind of help is still shown, goals only set the order.</source>
        <translation>¿Qué quiere el cliente ahora? Marque todas las metas que correspondan; cualquier combinación está bien. Se muestra todo tipo de ayuda igual; las metas solo fijan el orden.</translation>
    </message>
    <message>
        <source>Choose at least one goal.</source>
        <translation>Elija al menos una meta.</translation>
    </message>
    <message>
        <source>e.g. &quot;Stay alive, use less, keep my kids&quot;</source>
        <translation>p. ej. &quot;Seguir con vida, consumir menos, quedarme con mis hijos&quot;</translation>
    </message>
    <message>
        <source>The client&apos;s own words</source>
        <translation>Las propias palabras del cliente</translation>
    </message>
    <message>
        <source>In the client&apos;s &amp;own words</source>
        <translation>Con las pr&amp;opias palabras del cliente</translation>
    </message>
</context>
<context>
    <name>HistoryWords</name>
    <message>
        <source>Abstinence</source>
        <translation>Abstinencia</translation>
    </message>
    <message>
        <source>Reduced use</source>
        <translation>Reducir el consumo</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>12-step mutual aid</source>
        <translation>Ayuda mutua de 12 pasos</translation>
    </message>
    <message>
        <source>Secular mutual aid</source>
        <translation>Ayuda mutua laica</translation>
    </message>
    <message>
        <source>Moderation and reduced use</source>
        <translation>Moderación y reducción del consumo</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <source>Harm reduction</source>
        <translation>Reducción de daños</translation>
    </message>
    <message>
        <source>Peer support</source>
        <translation>Apoyo entre pares</translation>
    </message>
    <message>
        <source>Crisis and emergency help</source>
        <translation>Crisis y ayuda de emergencia</translation>
    </message>
    <message>
        <source>Basic needs</source>
        <translation>Necesidades básicas</translation>
    </message>
    <message>
        <source>Health care</source>
        <translation>Atención de salud</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Not updated</source>
        <translation>Sin actualizar</translation>
    </message>
    <message>
        <source>Needs client action</source>
        <translation>El cliente debe dar un paso</translation>
    </message>
    <message>
        <source>Referred elsewhere</source>
        <translation>Derivado a otro lugar</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Cumple los requisitos</translation>
    </message>
    <message>
        <source>Got help</source>
        <translation>Recibió ayuda</translation>
    </message>
    <message>
        <source>Couldn&apos;t contact</source>
        <translation>No se pudo contactar</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>No cumple los requisitos</translation>
    </message>
    <message>
        <source>No capacity</source>
        <translation>Sin cupo</translation>
    </message>
    <message>
        <source>Couldn&apos;t get help</source>
        <translation>No pudo recibir ayuda</translation>
    </message>
    <message>
        <source>No longer interested</source>
        <translation>Ya no le interesa</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Safety first</source>
        <translation>Seguridad primero</translation>
    </message>
    <message>
        <source>Added by the counselor</source>
        <translation>Agregada por el consejero/a</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>To go on: %1</source>
        <translation>Para seguir: %1</translation>
    </message>
</context>
<context>
    <name>IntakeTableModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Derivaciones</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Counselor</source>
        <translation>Consejero/a</translation>
    </message>
    <message>
        <source>On file</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Not on file</source>
        <translation>No firmado</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <source>New intake</source>
        <translation>Nueva admisión</translation>
    </message>
    <message>
        <source>Intake (resumed draft)</source>
        <translation>Admisión (borrador reanudado)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>It could not be saved because of an unexpected problem (details in the log). The answers are kept in the draft; try Finish again.</source>
        <translation>No se pudo guardar por un problema inesperado (los detalles están en el registro). Las respuestas siguen en el borrador; pruebe Finalizar otra vez.</translation>
    </message>
    <message>
        <source>Close the intake</source>
        <translation>Cerrar la admisión</translation>
    </message>
    <message>
        <source>Keep the answers given so far?</source>
        <translation>¿Conservar las respuestas dadas hasta ahora?</translation>
    </message>
    <message>
        <source>A kept draft can be finished later from the client list. A discarded draft is deleted with every answer in it.</source>
        <translation>Un borrador conservado se puede terminar más tarde desde la lista de clientes. Un borrador descartado se borra con todas sus respuestas.</translation>
    </message>
    <message>
        <source>&amp;Keep the draft</source>
        <translation>&amp;Conservar el borrador</translation>
    </message>
    <message>
        <source>&amp;Discard it</source>
        <translation>&amp;Descartarlo</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Volver</translation>
    </message>
    <message>
        <source>The draft could not be saved or discarded just now. Try again.</source>
        <translation>El borrador no se pudo guardar ni descartar en este momento. Pruebe otra vez.</translation>
    </message>
    <message>
        <source>%1, born %2</source>
        <translation>%1, nació el %2</translation>
    </message>
</context>
<context>
    <name>KeptOutModel</name>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Why it was kept out</source>
        <translation>Por qué se dejó fuera</translation>
    </message>
    <message>
        <source>Referred anyway</source>
        <translation>Derivado de todos modos</translation>
    </message>
    <message>
        <source>Yes: %1</source>
        <translation>Sí: %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>&amp;Abstinence</source>
        <translation>A&amp;bstinencia</translation>
    </message>
    <message>
        <source>Stop using, for now or for good.</source>
        <translation>Dejar de consumir, por ahora o para siempre.</translation>
    </message>
    <message>
        <source>&amp;Reduced use</source>
        <translation>&amp;Reducir el consumo</translation>
    </message>
    <message>
        <source>Use less, less often, or in a way that feels more in control.</source>
        <translation>Consumir menos, con menos frecuencia o de una forma que se sienta más bajo control.</translation>
    </message>
    <message>
        <source>&amp;Safety</source>
        <translation>S&amp;eguridad</translation>
    </message>
    <message>
        <source>Stay alive and well while still using: overdose prevention, supplies, a safe place to stay.</source>
        <translation>Seguir con vida y bien mientras se sigue consumiendo: prevención de sobredosis, materiales, un lugar seguro donde quedarse.</translation>
    </message>
    <message>
        <source>Abstinence</source>
        <translation>Abstinencia</translation>
    </message>
    <message>
        <source>Reduced use</source>
        <translation>Reducir el consumo</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Alcohol</source>
        <translation>Alcohol</translation>
    </message>
    <message>
        <source>Opioids (heroin, fentanyl, pain pills)</source>
        <translation>Opioides (heroína, fentanilo, pastillas para el dolor)</translation>
    </message>
    <message>
        <source>Methamphetamine</source>
        <translation>Metanfetamina</translation>
    </message>
    <message>
        <source>Cocaine or crack</source>
        <translation>Cocaína o crack</translation>
    </message>
    <message>
        <source>Benzodiazepines (benzos)</source>
        <translation>Benzodiacepinas (benzos)</translation>
    </message>
    <message>
        <source>Cannabis</source>
        <translation>Cannabis</translation>
    </message>
    <message>
        <source>Tobacco or nicotine</source>
        <translation>Tabaco o nicotina</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Otra sustancia</translation>
    </message>
    <message>
        <source>Injecting</source>
        <translation>Inyectada</translation>
    </message>
    <message>
        <source>Smoking</source>
        <translation>Fumada</translation>
    </message>
    <message>
        <source>Snorting</source>
        <translation>Inhalada por la nariz</translation>
    </message>
    <message>
        <source>Swallowing (by mouth)</source>
        <translation>Tragada (por la boca)</translation>
    </message>
    <message>
        <source>Another way</source>
        <translation>De otra forma</translation>
    </message>
    <message>
        <source>Every day or most days</source>
        <translation>Todos o casi todos los días</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Cada semana</translation>
    </message>
    <message>
        <source>Once a month or less</source>
        <translation>Una vez al mes o menos</translation>
    </message>
    <message>
        <source>Not now (used before)</source>
        <translation>Ahora no (consumió antes)</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <source>Nonbinary</source>
        <translation>No binario</translation>
    </message>
    <message>
        <source>Another gender</source>
        <translation>Otro género</translation>
    </message>
    <message>
        <source>Stable housing</source>
        <translation>Vivienda estable</translation>
    </message>
    <message>
        <source>Unstable (staying with others, may lose it soon)</source>
        <translation>Inestable (se queda con otras personas, puede perderla pronto)</translation>
    </message>
    <message>
        <source>Unhoused (outside, car, shelter)</source>
        <translation>Sin vivienda (en la calle, en un auto, en un albergue)</translation>
    </message>
    <message>
        <source>Medicaid</source>
        <translation>Medicaid</translation>
    </message>
    <message>
        <source>Medicare</source>
        <translation>Medicare</translation>
    </message>
    <message>
        <source>Private insurance</source>
        <translation>Seguro privado</translation>
    </message>
    <message>
        <source>VA health care</source>
        <translation>Atención médica de la VA</translation>
    </message>
    <message>
        <source>No coverage</source>
        <translation>Sin cobertura</translation>
    </message>
    <message>
        <source>Open to it</source>
        <translation>Lo considera</translation>
    </message>
    <message>
        <source>Already taking it</source>
        <translation>Ya lo toma</translation>
    </message>
    <message>
        <source>Not sure yet</source>
        <translation>Todavía no está seguro/a</translation>
    </message>
    <message>
        <source>Not open to it</source>
        <translation>No lo considera</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenidos</translation>
    </message>
    <message>
        <source>No preference</source>
        <translation>Sin preferencia</translation>
    </message>
    <message>
        <source>Would rather avoid</source>
        <translation>Prefiere evitarlos</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>Online or by phone</source>
        <translation>En línea o por teléfono</translation>
    </message>
    <message>
        <source>Either</source>
        <translation>Cualquiera de los dos</translation>
    </message>
    <message>
        <source>Name and date of birth</source>
        <translation>Nombre y fecha de nacimiento</translation>
    </message>
    <message>
        <source>Phone and email</source>
        <translation>Teléfono y correo electrónico</translation>
    </message>
    <message>
        <source>Goals and own words</source>
        <translation>Metas y sus propias palabras</translation>
    </message>
    <message>
        <source>Substance use</source>
        <translation>Consumo de sustancias</translation>
    </message>
    <message>
        <source>Overdose risks</source>
        <translation>Riesgos de sobredosis</translation>
    </message>
    <message>
        <source>Circumstances</source>
        <translation>Circunstancias</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>El cliente</translation>
    </message>
    <message>
        <source>Parent or guardian</source>
        <translation>Padre, madre o tutor</translation>
    </message>
    <message>
        <source>Authorized representative</source>
        <translation>Representante autorizado</translation>
    </message>
</context>
<context>
    <name>LanguageListModel</name>
    <message>
        <source>%1 (preferred)</source>
        <translation>%1 (preferido)</translation>
    </message>
</context>
<context>
    <name>LanguageNames</name>
    <message>
        <source>American Sign Language</source>
        <translation>Lengua de señas americana</translation>
    </message>
    <message>
        <source>Hmong</source>
        <translation>Hmong</translation>
    </message>
    <message>
        <source>Amharic</source>
        <translation>Amárico</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Árabe</translation>
    </message>
    <message>
        <source>Bangla</source>
        <translation>Bengalí</translation>
    </message>
    <message>
        <source>Bosnian</source>
        <translation>Bosnio</translation>
    </message>
    <message>
        <source>Cantonese</source>
        <translation>Cantonés</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chino</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Filipino</source>
        <translation>Filipino</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Alemán</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>Griego</translation>
    </message>
    <message>
        <source>Haitian Creole</source>
        <translation>Criollo haitiano</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>Hindi</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japonés</translation>
    </message>
    <message>
        <source>Khmer</source>
        <translation>Jemer</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Coreano</translation>
    </message>
    <message>
        <source>Lao</source>
        <translation>Lao</translation>
    </message>
    <message>
        <source>Navajo</source>
        <translation>Navajo</translation>
    </message>
    <message>
        <source>Nepali</source>
        <translation>Nepalí</translation>
    </message>
    <message>
        <source>Pashto</source>
        <translation>Pastún</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>Persa</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polaco</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <source>Punjabi</source>
        <translation>Panyabí</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Ruso</translation>
    </message>
    <message>
        <source>Samoan</source>
        <translation>Samoano</translation>
    </message>
    <message>
        <source>Somali</source>
        <translation>Somalí</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Swahili</source>
        <translation>Suajili</translation>
    </message>
    <message>
        <source>Tigrinya</source>
        <translation>Tigriña</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>Ucraniano</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>Urdu</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>Vietnamita</translation>
    </message>
    <message>
        <source>Yiddish</source>
        <translation>Ídish</translation>
    </message>
</context>
<context>
    <name>LanguagePicker</name>
    <message>
        <source>Languages the client speaks, preferred first</source>
        <translation>Idiomas que habla el cliente, el preferido primero</translation>
    </message>
    <message>
        <source>Language to add</source>
        <translation>Idioma que agregar</translation>
    </message>
    <message>
        <source>Type a language, e.g. Spanish</source>
        <translation>Escriba un idioma, p. ej. español</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Add the language</source>
        <translation>Agregar el idioma</translation>
    </message>
    <message>
        <source>Make preferred</source>
        <translation>Hacer preferido</translation>
    </message>
    <message>
        <source>Move the selected language up (Ctrl+Up)</source>
        <translation>Subir el idioma elegido (Ctrl+Arriba)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected language (Delete)</source>
        <translation>Quitar el idioma elegido (Supr)</translation>
    </message>
</context>
<context>
    <name>LettersDialog</name>
    <message>
        <source>Letters and handout</source>
        <translation>Cartas y hoja para el cliente</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Derivaciones</translation>
    </message>
    <message>
        <source>&amp;Referrals (ticked ones go on the handout and in Print all):</source>
        <translation>&amp;Derivaciones (las marcadas van en la hoja para el cliente y en Imprimir todo):</translation>
    </message>
    <message>
        <source>Provider letter status</source>
        <translation>Estado de la carta al proveedor</translation>
    </message>
    <message>
        <source>Provider &amp;letter to the selected referral</source>
        <translation>Carta al &amp;proveedor de la derivación elegida</translation>
    </message>
    <message>
        <source>Client &amp;handout for the ticked referrals</source>
        <translation>&amp;Hoja para el cliente con las derivaciones marcadas</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Sections in the provider letter</source>
        <translation>Secciones de la carta al proveedor</translation>
    </message>
    <message>
        <source>Only what the client&apos;s consent allows can be ticked.</source>
        <translation>Solo se puede marcar lo que permite el consentimiento del cliente.</translation>
    </message>
    <message>
        <source>Loading the intake…</source>
        <translation>Cargando la admisión…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Printing progress</source>
        <translation>Progreso de la impresión</translation>
    </message>
    <message>
        <source>Ca&amp;ncel printing</source>
        <translation>Ca&amp;ncelar la impresión</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>Print &amp;all…</source>
        <translation>Imprimir &amp;todo…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>This intake has no referrals to write letters for.</source>
        <translation>Esta admisión no tiene derivaciones para las que escribir cartas.</translation>
    </message>
    <message>
        <source>&amp;Identity (name, date of birth)</source>
        <translation>Identi&amp;dad (nombre, fecha de nacimiento)</translation>
    </message>
    <message>
        <source>C&amp;ontact details</source>
        <translation>Datos de c&amp;ontacto</translation>
    </message>
    <message>
        <source>&amp;Goals</source>
        <translation>&amp;Metas</translation>
    </message>
    <message>
        <source>S&amp;ubstance use</source>
        <translation>Cons&amp;umo de sustancias</translation>
    </message>
    <message>
        <source>Ris&amp;ks</source>
        <translation>Rie&amp;sgos</translation>
    </message>
    <message>
        <source>Circu&amp;mstances</source>
        <translation>Circu&amp;nstancias</translation>
    </message>
    <message>
        <source>A provider letter to %1 can be made.</source>
        <translation>Se puede hacer una carta al proveedor %1.</translation>
    </message>
    <message>
        <source>provider-letter.pdf</source>
        <translation>carta-al-proveedor.pdf</translation>
    </message>
    <message>
        <source>handout.pdf</source>
        <translation>hoja-para-el-cliente.pdf</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Se guardó %1.</translation>
    </message>
    <message>
        <source>Making the letters…</source>
        <translation>Preparando las cartas…</translation>
    </message>
    <message>
        <source>Client handout</source>
        <translation>Hoja para el cliente</translation>
    </message>
    <message>
        <source>Provider letter to %1</source>
        <translation>Carta al proveedor %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>%v of %m letters made</source>
        <translation>%v de %m cartas hechas</translation>
    </message>
    <message>
        <source>Making the letters: %1 of %2 done.</source>
        <translation>Preparando las cartas: %1 de %2 listas.</translation>
    </message>
    <message>
        <source>The letters went to the printer, but %1 provider letter(s) could not be recorded in the client&apos;s accounting of disclosures. Note the disclosure by hand; the details were written to the log.</source>
        <translation>Las cartas se enviaron a la impresora, pero %1 carta(s) al proveedor no se pudieron anotar en el registro de divulgaciones del cliente. Anote la divulgación a mano; los detalles quedaron en el registro del programa.</translation>
    </message>
    <message>
        <source>The printer could not be started, so nothing was printed. Check that it is connected, or, when printing to a file, that the folder can be written to.</source>
        <translation>No se pudo iniciar la impresora, así que no se imprimió nada. Compruebe que está conectada o, si imprime a un archivo, que se puede escribir en la carpeta.</translation>
    </message>
    <message>
        <source>The file could not be written (%1), so nothing was saved.</source>
        <translation>No se pudo escribir el archivo (%1), así que no se guardó nada.</translation>
    </message>
    <message>
        <source>The printer stopped while printing “%1”; the pages before it may have printed.</source>
        <translation>La impresora se detuvo al imprimir «%1»; puede que las páginas anteriores se hayan impreso.</translation>
    </message>
    <message>
        <source>its file could not be found</source>
        <translation>no se encontró su archivo</translation>
    </message>
    <message>
        <source>its file is not a PDF that can be read</source>
        <translation>su archivo no es un PDF que se pueda leer</translation>
    </message>
    <message>
        <source>its file is protected by a password</source>
        <translation>su archivo está protegido con contraseña</translation>
    </message>
    <message>
        <source>it has no pages</source>
        <translation>no tiene páginas</translation>
    </message>
    <message>
        <source>Could not print “%1”: %2. Nothing was printed.</source>
        <translation>No se pudo imprimir «%1»: %2. No se imprimió nada.</translation>
    </message>
    <message>
        <source>Printed %1 page(s) to %2.</source>
        <translation>Se imprimieron %1 página(s) en %2.</translation>
    </message>
    <message>
        <source>Printing cancelled; no file was written.</source>
        <translation>Impresión cancelada; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <source>Printing cancelled; nothing was sent to the printer.</source>
        <translation>Impresión cancelada; no se envió nada a la impresora.</translation>
    </message>
    <message>
        <source>Printing stopped: %1 of %2 letters, each complete, went to the printer.</source>
        <translation>Impresión detenida: %1 de %2 cartas, cada una completa, llegaron a la impresora.</translation>
    </message>
    <message>
        <source>A provider letter for each ticked referral that allows one, and the handout.</source>
        <translation>Una carta al proveedor por cada derivación marcada que lo permita, y la hoja para el cliente.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>You can give the client the handout instead.</source>
        <translation>En su lugar, puede darle al cliente la hoja para el cliente.</translation>
    </message>
    <message>
        <source>No provider letter: %1</source>
        <translation>Sin carta al proveedor: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>The document could not be written or printed: %1</source>
        <translation>No se pudo escribir ni imprimir el documento: %1</translation>
    </message>
    <message>
        <source>Something went wrong; nothing more was done.</source>
        <translation>Algo salió mal; no se hizo nada más.</translation>
    </message>
    <message>
        <source>Making the preview…</source>
        <translation>Preparando la vista previa…</translation>
    </message>
    <message>
        <source>Preview only: nothing was recorded or printed.</source>
        <translation>Solo vista previa: no se registró ni se imprimió nada.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>%v of %m pages</source>
        <translation>%v de %m páginas</translation>
    </message>
    <message>
        <source>Printing letter %1 of %2, “%3”: page %4 of %5 done.</source>
        <translation>Imprimiendo la carta %1 de %2, «%3»: página %4 de %5 lista.</translation>
    </message>
    <message>
        <source>Sent %1 page(s) to the printer.</source>
        <translation>Se enviaron %1 página(s) a la impresora.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Demo directory: sample listings, not real services</source>
        <translation>Directorio de muestra: servicios de ejemplo, no reales</translation>
    </message>
    <message>
        <source>&amp;Clients</source>
        <translation>&amp;Clientes</translation>
    </message>
    <message>
        <source>&amp;Directory</source>
        <translation>&amp;Directorio</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>Con&amp;figuración</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Directory in use</source>
        <translation>Directorio en uso</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Import directory…</source>
        <translation>&amp;Importar directorio…</translation>
    </message>
    <message>
        <source>Import services from an Open Referral HSDS 3.0 file</source>
        <translation>Importar servicios de un archivo Open Referral HSDS 3.0</translation>
    </message>
    <message>
        <source>&amp;Export referral summaries…</source>
        <translation>&amp;Exportar resúmenes de derivaciones…</translation>
    </message>
    <message>
        <source>Write referral summaries as CSV, JSON, FHIR or a de-identified report</source>
        <translation>Escribir resúmenes de derivaciones como CSV, JSON, FHIR o un informe sin datos personales</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About intake</source>
        <translation>&amp;Acerca de intake</translation>
    </message>
    <message>
        <source>New intake</source>
        <translation>Nueva admisión</translation>
    </message>
    <message>
        <source>Find a client</source>
        <translation>Buscar un cliente</translation>
    </message>
    <message>
        <source>The demo directory was loaded. Use File &gt; Import directory…</source>
        <translation>Se cargó el directorio de muestra. Use Archivo &gt; Importar directorio…</translation>
    </message>
    <message>
        <source>The database could not be opened.</source>
        <translation>No se pudo abrir la base de datos.</translation>
    </message>
    <message>
        <source>%1
%2

Check that the file or server can be reached and that you may open it, then start intake again.</source>
        <translation>%1
%2

Compruebe que el archivo o el servidor estén a su alcance y que usted tenga permiso para abrirlo; luego vuelva a abrir intake.</translation>
    </message>
    <message>
        <source>The directory could not be loaded.</source>
        <translation>No se pudo cargar el directorio.</translation>
    </message>
    <message>
        <source>An unexpected problem stopped it. The details were written to the log.</source>
        <translation>Lo detuvo un problema inesperado. Los detalles quedaron en el registro.</translation>
    </message>
    <message>
        <source>The directory is not available.</source>
        <translation>El directorio no está disponible.</translation>
    </message>
    <message>
        <source>%1 service</source>
        <translation>%1 servicio</translation>
    </message>
    <message>
        <source>%1 services</source>
        <translation>%1 servicios</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>versión %1</translation>
    </message>
    <message>
        <source>Saved. Welcome to intake.</source>
        <translation>Guardado. Le damos la bienvenida a intake.</translation>
    </message>
    <message>
        <source>An intake is open already: finish or close it first.</source>
        <translation>Ya hay una admisión abierta: termínela o ciérrela primero.</translation>
    </message>
    <message>
        <source>The intake was saved.</source>
        <translation>La admisión quedó guardada.</translation>
    </message>
    <message>
        <source>an in-memory database</source>
        <translation>una base de datos en memoria</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Document preview</source>
        <translation>Vista previa del documento</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>Página &amp;anterior</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>Página &amp;siguiente</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Refer anyway</source>
        <translation>Derivar de todos modos</translation>
    </message>
    <message>
        <source>Why refer the client to %1 anyway? (required)</source>
        <translation>¿Por qué derivar al cliente a %1 de todos modos? (obligatorio)</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Recomendaciones</translation>
    </message>
    <message>
        <source>Every kind of help the client can use, best fit first. Tick the referrals to make (Space ticks the selected one).</source>
        <translation>Todo tipo de ayuda que el cliente puede usar, la más adecuada primero. Marque las derivaciones que quiere hacer (la barra espaciadora marca la elegida).</translation>
    </message>
    <message>
        <source>Recommended referrals by pathway</source>
        <translation>Derivaciones recomendadas por ruta</translation>
    </message>
    <message>
        <source>&amp;Referrals</source>
        <translation>Deri&amp;vaciones</translation>
    </message>
    <message>
        <source>Details of the selected referral</source>
        <translation>Detalles de la derivación elegida</translation>
    </message>
    <message>
        <source>Services kept out, and why</source>
        <translation>Servicios dejados fuera, y por qué</translation>
    </message>
    <message>
        <source>Refer an&amp;yway…</source>
        <translation>Derivar de &amp;todos modos…</translation>
    </message>
    <message>
        <source>&amp;Do not refer</source>
        <translation>No &amp;derivar</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Kept out</source>
        <translation>Dejados fuera</translation>
    </message>
    <message>
        <source>Show services &amp;kept out</source>
        <translation>Ver servicios de&amp;jados fuera</translation>
    </message>
    <message>
        <source>Add ticked services to the &amp;consent</source>
        <translation>Agregar los servicios marcados al &amp;consentimiento</translation>
    </message>
    <message>
        <source>Some answers need fixing before a plan can be made:</source>
        <translation>Hay que corregir algunas respuestas antes de armar un plan:</translation>
    </message>
    <message>
        <source>Finding services for this client…</source>
        <translation>Buscando servicios para este cliente…</translation>
    </message>
    <message>
        <source>Kept out (%1)</source>
        <translation>Dejados fuera (%1)</translation>
    </message>
    <message>
        <source>An unexpected problem stopped it; the details are in the log.</source>
        <translation>Lo detuvo un problema inesperado; los detalles están en el registro.</translation>
    </message>
    <message>
        <source>The plan could not be made. %1</source>
        <translation>No se pudo armar el plan. %1</translation>
    </message>
    <message>
        <source>1 referral</source>
        <translation>1 derivación</translation>
    </message>
    <message>
        <source>%1 referrals</source>
        <translation>%1 derivaciones</translation>
    </message>
    <message>
        <source> in 1 pathway.</source>
        <translation> en 1 ruta.</translation>
    </message>
    <message>
        <source> in %1 pathways.</source>
        <translation> en %1 rutas.</translation>
    </message>
    <message>
        <source>No service in the directory fits this client now.</source>
        <translation>Ningún servicio del directorio se ajusta a este cliente ahora.</translation>
    </message>
    <message>
        <source>1 referral ticked</source>
        <translation>1 derivación marcada</translation>
    </message>
    <message>
        <source>%1 referrals ticked</source>
        <translation>%1 derivaciones marcadas</translation>
    </message>
    <message>
        <source>No consent was given on the Consent page, so no letter can be sent.</source>
        <translation>No se dio consentimiento en la página Consentimiento, así que no se puede enviar ninguna carta.</translation>
    </message>
    <message>
        <source>1 service added to the consent</source>
        <translation>1 servicio agregado al consentimiento</translation>
    </message>
    <message>
        <source>%1 services added to the consent</source>
        <translation>%1 servicios agregados al consentimiento</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Safety first: offered whatever the goals</source>
        <translation>Seguridad primero: se ofrece sean cuales sean las metas</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distancia</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Please note</source>
        <translation>Tenga en cuenta</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distancia</translation>
    </message>
    <message>
        <source>Fits the client&apos;s goals</source>
        <translation>Se ajusta a las metas del cliente</translation>
    </message>
    <message>
        <source>Also available</source>
        <translation>También disponible</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Safety first</source>
        <translation>Seguridad primero</translation>
    </message>
    <message>
        <source>1 service</source>
        <translation>1 servicio</translation>
    </message>
    <message>
        <source>%1 services</source>
        <translation>%1 servicios</translation>
    </message>
    <message>
        <source>(1 more not listed)</source>
        <translation>(1 más sin mostrar)</translation>
    </message>
    <message>
        <source>(%1 more not listed)</source>
        <translation>(%1 más sin mostrar)</translation>
    </message>
    <message>
        <source>ticked</source>
        <translation>marcada</translation>
    </message>
    <message>
        <source>not ticked</source>
        <translation>sin marcar</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>&amp;Copy list</source>
        <translation>&amp;Copiar la lista</translation>
    </message>
</context>
<context>
    <name>ReferralListModel</name>
    <message>
        <source>A provider letter can be made.</source>
        <translation>Se puede hacer una carta al proveedor.</translation>
    </message>
</context>
<context>
    <name>ReferralTableModel</name>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>ResumePrompt</name>
    <message>
        <source>a client not named yet</source>
        <translation>un cliente todavía sin nombre</translation>
    </message>
    <message>
        <source>The intake for %1 was not finished when the program closed.</source>
        <translation>La admisión de %1 no estaba terminada cuando el programa se cerró.</translation>
    </message>
    <message>
        <source>Resume the unfinished intake?</source>
        <translation>¿Reanudar la admisión sin terminar?</translation>
    </message>
    <message>
        <source>Every answer given so far was saved. Resume it now?</source>
        <translation>Todas las respuestas dadas hasta ahora quedaron guardadas. ¿Reanudarla ahora?</translation>
    </message>
    <message>
        <source>1 other unfinished intake is listed under Unfinished intakes.</source>
        <translation>Hay 1 admisión más sin terminar en la lista Admisiones sin terminar.</translation>
    </message>
    <message>
        <source>%1 other unfinished intakes are listed under Unfinished intakes.</source>
        <translation>Hay %1 admisiones más sin terminar en la lista Admisiones sin terminar.</translation>
    </message>
    <message>
        <source>&amp;Resume now</source>
        <translation>&amp;Reanudar ahora</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Más tarde</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Review and finish</source>
        <translation>Revisar y finalizar</translation>
    </message>
    <message>
        <source>Read this back with the client. Finish saves the intake and the referrals.</source>
        <translation>Léalo junto con el cliente. Finalizar guarda la admisión y las derivaciones.</translation>
    </message>
    <message>
        <source>Summary of the intake</source>
        <translation>Resumen de la admisión</translation>
    </message>
    <message>
        <source>&amp;Letters and handouts…</source>
        <translation>Cartas y &amp;hojas para el cliente…</translation>
    </message>
    <message>
        <source>Saving the intake…</source>
        <translation>Guardando la admisión…</translation>
    </message>
    <message>
        <source>The intake was not saved yet. Please fix:</source>
        <translation>La admisión todavía no se guardó. Corrija:</translation>
    </message>
    <message>
        <source>Saved. The intake and its referrals are in the client&apos;s record.</source>
        <translation>Guardado. La admisión y sus derivaciones están en el registro del cliente.</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>El cliente</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>Substance use</source>
        <translation>Consumo de sustancias</translation>
    </message>
    <message>
        <source>Staying safe</source>
        <translation>Mantenerse a salvo</translation>
    </message>
    <message>
        <source>Circumstances and preferences</source>
        <translation>Circunstancias y preferencias</translation>
    </message>
    <message>
        <source>Consent to share</source>
        <translation>Consentimiento para compartir</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Derivaciones</translation>
    </message>
    <message>
        <source>(alias)</source>
        <translation>(alias)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Existing client %1</source>
        <translation>Cliente ya registrado %1</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation>Pronombres</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Safe to contact</source>
        <translation>Se le puede contactar sin riesgo</translation>
    </message>
    <message>
        <source>In their words</source>
        <translation>Con sus palabras</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>No lo dijo</translation>
    </message>
    <message>
        <source>Uses alone</source>
        <translation>Consume a solas</translation>
    </message>
    <message>
        <source>Overdose in the last 12 months</source>
        <translation>Sobredosis en los últimos 12 meses</translation>
    </message>
    <message>
        <source>Recently went a while without using</source>
        <translation>Hace poco pasó un tiempo sin consumir</translation>
    </message>
    <message>
        <source>Mixes depressants</source>
        <translation>Mezcla depresores</translation>
    </message>
    <message>
        <source>Seizures or DTs when stopping before</source>
        <translation>Convulsiones o delirium tremens al dejar antes</translation>
    </message>
    <message>
        <source>Fentanyl possible in supply</source>
        <translation>Puede haber fentanilo en lo que consume</translation>
    </message>
    <message>
        <source>Thoughts of suicide</source>
        <translation>Pensamientos de suicidio</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation>Prefiere no decirlo</translation>
    </message>
    <message>
        <source>last used today</source>
        <translation>último consumo hoy</translation>
    </message>
    <message>
        <source>last used yesterday</source>
        <translation>último consumo ayer</translation>
    </message>
    <message>
        <source>last used %1 days ago</source>
        <translation>último consumo hace %1 días</translation>
    </message>
    <message>
        <source>Pregnant</source>
        <translation>Embarazada</translation>
    </message>
    <message>
        <source>Had a baby in the last year</source>
        <translation>Tuvo un bebé en el último año</translation>
    </message>
    <message>
        <source>Cares for children</source>
        <translation>Cuida a niños</translation>
    </message>
    <message>
        <source>Veteran</source>
        <translation>Veterano/a</translation>
    </message>
    <message>
        <source>Justice involvement</source>
        <translation>Asuntos con la justicia</translation>
    </message>
    <message>
        <source>Mental health concerns</source>
        <translation>Inquietudes de salud mental</translation>
    </message>
    <message>
        <source>Needs help getting to services</source>
        <translation>Necesita ayuda para llegar a los servicios</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Vivienda</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Faith-based programs</source>
        <translation>Programas religiosos</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Modalidad</translation>
    </message>
    <message>
        <source>Program for their own gender</source>
        <translation>Programa para su propio género</translation>
    </message>
    <message>
        <source>Travels up to</source>
        <translation>Viaja hasta</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>No consent now: no letter can go to a provider.</source>
        <translation>Sin consentimiento por ahora: no se puede enviar ninguna carta a un proveedor.</translation>
    </message>
    <message>
        <source>May share</source>
        <translation>Se puede compartir</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <source>No service named yet</source>
        <translation>Todavía no se nombró ningún servicio</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Propósito</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Safety first</source>
        <translation>Seguridad primero</translation>
    </message>
    <message>
        <source>Referred anyway</source>
        <translation>Derivado de todos modos</translation>
    </message>
    <message>
        <source>None ticked</source>
        <translation>Ninguna marcada</translation>
    </message>
    <message>
        <source>No referral will be recorded.</source>
        <translation>No se registrará ninguna derivación.</translation>
    </message>
</context>
<context>
    <name>SafetyPage</name>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Do you sometimes &amp;use when no one else is around?</source>
        <translation>¿A veces &amp;consume cuando no hay nadie más cerca?</translation>
    </message>
    <message>
        <source>Uses alone</source>
        <translation>Consume a solas</translation>
    </message>
    <message>
        <source>In the last year, have you &amp;overdosed, or has someone had to help you breathe or wake up?</source>
        <translation>En el último año, ¿tuvo una s&amp;obredosis, o alguien tuvo que ayudarle a respirar o a despertar?</translation>
    </message>
    <message>
        <source>Overdose in the last 12 months</source>
        <translation>Sobredosis en los últimos 12 meses</translation>
    </message>
    <message>
        <source>Have you recently gone a while &amp;without using, e.g. in jail or prison, detox, treatment or hospital?</source>
        <translation>¿Hace poco pasó un tiempo &amp;sin consumir, por ejemplo en la cárcel, en desintoxicación, en tratamiento o en el hospital?</translation>
    </message>
    <message>
        <source>Reduced tolerance</source>
        <translation>Tolerancia reducida</translation>
    </message>
    <message>
        <source>Do you ever &amp;mix opioids with alcohol, benzos, xylazine or sleeping pills?</source>
        <translation>¿Alguna vez &amp;mezcla opioides con alcohol, benzos, xilacina o pastillas para dormir?</translation>
    </message>
    <message>
        <source>Mixes depressants</source>
        <translation>Mezcla depresores</translation>
    </message>
    <message>
        <source>When you stopped drinking or taking benzos before, did you ever have &amp;seizures or the DTs?</source>
        <translation>Cuando dejó de beber o de tomar benzos antes, ¿tuvo alguna vez con&amp;vulsiones o delirium tremens?</translation>
    </message>
    <message>
        <source>Severe withdrawal before</source>
        <translation>Abstinencia grave antes</translation>
    </message>
    <message>
        <source>Could there be &amp;fentanyl in what you use?</source>
        <translation>¿Podría haber &amp;fentanilo en lo que consume?</translation>
    </message>
    <message>
        <source>Possible fentanyl exposure</source>
        <translation>Posible exposición al fentanilo</translation>
    </message>
    <message>
        <source>Lately, have you had &amp;thoughts of ending your life?</source>
        <translation>Últimamente, ¿ha tenido &amp;pensamientos de quitarse la vida?</translation>
    </message>
    <message>
        <source>Thoughts of suicide</source>
        <translation>Pensamientos de suicidio</translation>
    </message>
    <message>
        <source>Staying safe</source>
        <translation>Mantenerse a salvo</translation>
    </message>
    <message>
        <source>These questions help make sure the client gets overdose-prevention help, whatever their goals. Any of them can be skipped.</source>
        <translation>Estas preguntas ayudan a que el cliente reciba ayuda para prevenir sobredosis, sean cuales sean sus metas. Se puede saltar cualquiera.</translation>
    </message>
    <message>
        <source>If the client says yes to thoughts of ending their life, the 988 Suicide &amp; Crisis Lifeline comes first in the plan. Stay with the client and follow your clinic&apos;s crisis steps.</source>
        <translation>Si el cliente dice que sí a los pensamientos de quitarse la vida, la Línea 988 de Prevención del Suicidio y Crisis aparece primero en el plan. Quédese con el cliente y siga los pasos de crisis de su clínica.</translation>
    </message>
</context>
<context>
    <name>ServiceDetails</name>
    <message>
        <source>This service is inactive: check with them before referring.</source>
        <translation>Este servicio está inactivo: confírmelo con ellos antes de hacer una derivación.</translation>
    </message>
    <message>
        <source>This service is no longer offered.</source>
        <translation>Este servicio ya no se ofrece.</translation>
    </message>
    <message>
        <source>This service is temporarily closed.</source>
        <translation>Este servicio está cerrado temporalmente.</translation>
    </message>
    <message>
        <source>Alert:</source>
        <translation>Aviso:</translation>
    </message>
    <message>
        <source>Services offered</source>
        <translation>Servicios que ofrece</translation>
    </message>
    <message>
        <source>Who can come</source>
        <translation>Quién puede ir</translation>
    </message>
    <message>
        <source>How it works</source>
        <translation>Cómo funciona</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>How to get in</source>
        <translation>Cómo empezar</translation>
    </message>
    <message>
        <source>Other classifications</source>
        <translation>Otras clasificaciones</translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation>Última verificación</translation>
    </message>
    <message>
        <source>Status: %1.</source>
        <translation>Estado: %1.</translation>
    </message>
    <message>
        <source>Only for: %1</source>
        <translation>Solo para: %1</translation>
    </message>
    <message>
        <source>Only for use of: %1</source>
        <translation>Solo para el consumo de: %1</translation>
    </message>
    <message>
        <source>Ages %1 to %2</source>
        <translation>De %1 a %2 años</translation>
    </message>
    <message>
        <source>Ages %1 and up</source>
        <translation>Desde los %1 años</translation>
    </message>
    <message>
        <source>Up to age %1</source>
        <translation>Hasta los %1 años</translation>
    </message>
    <message>
        <source>All ages</source>
        <translation>Todas las edades</translation>
    </message>
    <message>
        <source>Call for address</source>
        <translation>Llame para pedir la dirección</translation>
    </message>
    <message>
        <source>Getting there: %1</source>
        <translation>Cómo llegar: %1</translation>
    </message>
    <message>
        <source>Wait time: %1</source>
        <translation>Tiempo de espera: %1</translation>
    </message>
    <message>
        <source>Not recorded: this listing may be out of date.</source>
        <translation>Sin fecha: es posible que esta información esté desactualizada.</translation>
    </message>
    <message>
        <source>%1: more than a year ago, so this listing may be out of date.</source>
        <translation>%1: hace más de un año, así que es posible que esta información esté desactualizada.</translation>
    </message>
    <message>
        <source>MMMM d, yyyy</source>
        <comment>date format (Qt QLocale): month name, day, year</comment>
        <translation>d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
</context>
<context>
    <name>ServiceTable</name>
    <message>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
</context>
<context>
    <name>ServiceTableModel</name>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Pathways</source>
        <translation>Rutas</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Tipos</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactivo</translation>
    </message>
    <message>
        <source>no longer offered</source>
        <translation>ya no se ofrece</translation>
    </message>
    <message>
        <source>temporarily closed</source>
        <translation>cerrado temporalmente</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Clinic address</source>
        <translation>Dirección de la clínica</translation>
    </message>
    <message>
        <source>Clinic phone</source>
        <translation>Teléfono de la clínica</translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation>Archivo del logotipo</translation>
    </message>
    <message>
        <source>No logo: letters print the clinic&apos;s name only</source>
        <translation>Sin logotipo: las cartas llevan solo el nombre de la clínica</translation>
    </message>
    <message>
        <source>Logo preview</source>
        <translation>Vista previa del logotipo</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>Choose a logo file</source>
        <translation>Elegir un archivo de logotipo</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the logo</source>
        <translation>Quitar el logotipo</translation>
    </message>
    <message>
        <source>Counselor&apos;s name</source>
        <translation>Nombre del consejero/a</translation>
    </message>
    <message>
        <source>Counselor&apos;s credentials</source>
        <translation>Credenciales del consejero/a</translation>
    </message>
    <message>
        <source>For example: LCSW, CADC</source>
        <translation>Por ejemplo: LCSW, CADC</translation>
    </message>
    <message>
        <source>Default maximum distance in kilometres</source>
        <translation>Distancia máxima predeterminada en kilómetros</translation>
    </message>
    <message>
        <source>Paper size for letters</source>
        <translation>Tamaño del papel de las cartas</translation>
    </message>
    <message>
        <source>Letter (8.5 × 11 in)</source>
        <translation>Carta (8,5 × 11 pulg.)</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Guardar configuración</translation>
    </message>
    <message>
        <source>Re&amp;vert changes</source>
        <translation>Des&amp;hacer cambios</translation>
    </message>
    <message>
        <source>Settings status</source>
        <translation>Estado de la configuración</translation>
    </message>
    <message>
        <source>Opening the records…</source>
        <translation>Abriendo los registros…</translation>
    </message>
    <message>
        <source>Clinic (printed on letters)</source>
        <translation>Clínica (aparece en las cartas)</translation>
    </message>
    <message>
        <source>Clinic &amp;name:</source>
        <translation>&amp;Nombre de la clínica:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Di&amp;rección:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logotipo:</translation>
    </message>
    <message>
        <source>Counselor (signs the letters)</source>
        <translation>Consejero/a (firma las cartas)</translation>
    </message>
    <message>
        <source>Co&amp;unselor&apos;s name:</source>
        <translation>Nom&amp;bre del consejero/a:</translation>
    </message>
    <message>
        <source>Cr&amp;edentials:</source>
        <translation>Credenciale&amp;s:</translation>
    </message>
    <message>
        <source>Referrals and letters</source>
        <translation>Derivaciones y cartas</translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>Default ma&amp;ximum distance:</source>
        <translation>Distancia má&amp;xima predeterminada:</translation>
    </message>
    <message>
        <source>Pape&amp;r size:</source>
        <translation>Tamaño del &amp;papel:</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Esta computadora</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>&amp;Idioma de la interfaz:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Carpeta de datos:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de datos:</translation>
    </message>
    <message>
        <source>Not saved: a value needs fixing first.</source>
        <translation>No se guardó: primero hay que corregir un valor.</translation>
    </message>
    <message>
        <source>The settings could not be read or saved. The details are in the log.</source>
        <translation>No se pudo leer ni guardar la configuración. Los detalles están en el registro.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Changes not saved yet.</source>
        <translation>Hay cambios sin guardar.</translation>
    </message>
    <message>
        <source>Enter a number, such as 40.</source>
        <translation>Escriba un número, por ejemplo 40.</translation>
    </message>
    <message>
        <source>The distance must be a number greater than 0, such as 40.</source>
        <translation>La distancia debe ser un número mayor que 0, por ejemplo 40.</translation>
    </message>
    <message>
        <source>Choose an image file for the logo, or remove it.</source>
        <translation>Elija un archivo de imagen para el logotipo, o quítelo.</translation>
    </message>
    <message>
        <source>This is too long: keep it under 500 characters.</source>
        <translation>Es demasiado largo: use menos de 500 caracteres.</translation>
    </message>
    <message>
        <source>The interface language of this computer.</source>
        <translation>El idioma de la interfaz en esta computadora.</translation>
    </message>
    <message>
        <source>intake will be in %1 the next time it starts.</source>
        <translation>intake aparecerá en %1 la próxima vez que se abra.</translation>
    </message>
    <message>
        <source>Choose the clinic&apos;s logo</source>
        <translation>Elegir el logotipo de la clínica</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>This file could not be read as an image.</source>
        <translation>No se pudo leer este archivo como imagen.</translation>
    </message>
</context>
<context>
    <name>SubstanceTableModel</name>
    <message>
        <source>Substance</source>
        <translation>Sustancia</translation>
    </message>
    <message>
        <source>In the client&apos;s words</source>
        <translation>Con palabras del cliente</translation>
    </message>
    <message>
        <source>How taken</source>
        <translation>Cómo la consume</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Con qué frecuencia</translation>
    </message>
    <message>
        <source>Last use</source>
        <translation>Último consumo</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>No lo dijo</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>Hace %1 días</translation>
    </message>
</context>
<context>
    <name>SubstancesPage</name>
    <message>
        <source>Substance use</source>
        <translation>Consumo de sustancias</translation>
    </message>
    <message>
        <source>One row for each substance the client uses now or used before. Leave out anything the client would rather not say.</source>
        <translation>Una fila por cada sustancia que el cliente consume ahora o consumió antes. Deje fuera lo que el cliente prefiera no decir.</translation>
    </message>
    <message>
        <source>Substances</source>
        <translation>Sustancias</translation>
    </message>
    <message>
        <source>S&amp;ubstances</source>
        <translation>Sus&amp;tancias</translation>
    </message>
    <message>
        <source>&amp;Add a substance</source>
        <translation>A&amp;gregar una sustancia</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected substance</source>
        <translation>Quitar la sustancia elegida</translation>
    </message>
    <message>
        <source>The selected substance</source>
        <translation>La sustancia elegida</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>No lo dijo</translation>
    </message>
    <message>
        <source>&amp;Substance</source>
        <translation>Sustanc&amp;ia</translation>
    </message>
    <message>
        <source>e.g. &quot;fentanyl&quot;, &quot;pain pills&quot;, &quot;kratom&quot;</source>
        <translation>p. ej. &quot;fentanilo&quot;, &quot;pastillas para el dolor&quot;, &quot;kratom&quot;</translation>
    </message>
    <message>
        <source>In the client&apos;s &amp;words</source>
        <translation>Con pala&amp;bras del cliente</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>No se preguntó</translation>
    </message>
    <message>
        <source>How &amp;taken</source>
        <translation>Cómo la c&amp;onsume</translation>
    </message>
    <message>
        <source>How &amp;often</source>
        <translation>Con qué f&amp;recuencia</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>No se sabe</translation>
    </message>
    <message>
        <source> days ago</source>
        <translation> días</translation>
    </message>
    <message>
        <source>&amp;Last use (0 = today)</source>
        <translation>Ú&amp;ltimo consumo (0 = hoy)</translation>
    </message>
    <message>
        <source>Days since last use, 0 for today</source>
        <translation>Días desde el último consumo, 0 si fue hoy</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Fila %1: %2</translation>
    </message>
</context>
<context>
    <name>TriState</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation>Prefiere no decirlo</translation>
    </message>
</context>
</TS>
