<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/about_dialog.py" line="+42"/>
        <source>About PeerDesk</source>
        <translation>Acerca de PeerDesk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PeerDesk {version} (Qt {qt}, Python {python})</source>
        <translation>PeerDesk {version} (Qt {qt}, Python {python})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{database}
and its key file, which must stay beside it:
{keys}</source>
        <translation>{database}
y su archivo de claves, que debe quedarse a su lado:
{keys}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vault</source>
        <translation>Bóveda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version:</source>
        <translation>Versión:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault:</source>
        <translation>La bóveda:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups:</source>
        <translation>Copias de seguridad:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Encrypted records and anonymised reports for peer-support centres. Everything stays on this computer; nothing is sent over the internet. Free software under the GNU GPL, version 3 or later.</source>
        <translation>Registros cifrados e informes anónimos para centros de apoyo entre pares. Todo se queda en este ordenador; nada se envía por internet. Software libre bajo la GNU GPL, versión 3 o posterior.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Last backup: {when}.</source>
        <translation>Última copia: {when}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No backup has been made yet.</source>
        <translation>Aún no se ha hecho ninguna copia.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No backup folder has been chosen yet: an administrator chooses one in Admin › Backups.</source>
        <translation>Aún no se ha elegido una carpeta para las copias: una persona administradora la elige en Administración › Copias de seguridad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatically once a day, and when someone presses Back up now.</source>
        <translation>Automáticamente una vez al día, y cuando alguien pulsa Hacer copia ahora.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only when someone presses Back up now (automatic backups are off).</source>
        <translation>Solo cuando alguien pulsa Hacer copia ahora (las copias automáticas están desactivadas).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That folder can&apos;t be found right now (is the USB stick plugged in?).</source>
        <translation>Ahora no se encuentra esa carpeta (¿está conectada la memoria USB?).</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/staff_dialogs.py" line="+109"/>
        <source>Give the person this first password in private. PeerDesk asks them to choose their own the first time they sign in.</source>
        <translation>Dé a la persona esta primera contraseña en privado. PeerDesk le pedirá que elija la suya la primera vez que inicie sesión.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roles:</source>
        <translation>Funciones:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add account</source>
        <translation>&amp;Añadir cuenta</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/setup_wizard.py" line="+100"/>
        <source>The first person</source>
        <translation>La primera persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own account: you will add your colleagues from it. Use your own name.</source>
        <translation>Su propia cuenta: desde ella añadirá a sus compañeros. Use su propio nombre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Create vault</source>
        <translation>&amp;Crear bóveda</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>I run the centre and &amp;work with peers (administrator and programme lead)</source>
        <translation>Dirijo el centro y &amp;trabajo con las personas usuarias (administración y coordinación del programa)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You add staff and look after backups, and you also record peers, sessions and reports. Usual when the centre is small.</source>
        <translation>Añade al personal y se ocupa de las copias de seguridad, y también registra personas usuarias, sesiones e informes. Lo habitual en un centro pequeño.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I only look after &amp;accounts and backups (administrator; a programme lead will be added for peers&apos; records)</source>
        <translation>Solo me ocupo de las &amp;cuentas y las copias de seguridad (administración; se añadirá una coordinación del programa para los expedientes)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your &amp;name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What you do:</source>
        <translation>Qué hace usted:</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/admin/admin_page.py" line="+39"/>
        <source>&amp;Staff</source>
        <translation>&amp;Personal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screen lo&amp;ck</source>
        <translation>&amp;Bloqueo de pantalla</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit &amp;log</source>
        <translation>&amp;Registro de auditoría</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Backups</source>
        <translation>&amp;Copias de seguridad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Retention</source>
        <translation>Con&amp;servación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin</source>
        <translation>Administración</translation>
    </message>
</context>
<context>
    <name>AttendanceChart</name>
    <message>
        <location filename="../../src/peerdesk/ui/groups/chart.py" line="+23"/>
        <source>Chart of attendance per meeting</source>
        <translation>Gráfico de asistencia por reunión</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{meetings} meetings held, {total} people in all</source>
        <translation>{meetings} reuniones celebradas, {total} personas en total</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No registers taken yet: bars appear once a meeting is marked.</source>
        <translation>Aún no se ha pasado lista: las barras aparecen cuando se marca una reunión.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Attended (on the register)</source>
        <translation>Asistieron (en la lista)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anonymous head-count</source>
        <translation>Recuento anónimo</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/groups/models.py" line="+204"/>
        <source>walk-in</source>
        <translation>sin cita</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/audit_page.py" line="+35"/>
        <source>Search the audit log…</source>
        <translation>Buscar en el registro de auditoría…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the audit log</source>
        <translation>Buscar en el registro de auditoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{total} most recent events</source>
        <translation>{total} eventos más recientes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{shown} of {total} events match</source>
        <translation>{shown} de {total} eventos coinciden</translation>
    </message>
</context>
<context>
    <name>AutoBackupNotifier</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/auto_backup.py" line="+22"/>
        <source>Today&apos;s automatic backup was saved and checked.</source>
        <translation>La copia de seguridad automática de hoy se guardó y se comprobó.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Automatic backup not made</source>
        <translation>No se hizo la copia automática</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today&apos;s automatic backup could not be made. Your work is safe and the vault is unchanged.

{reason}

An administrator can check Admin › Backups.</source>
        <translation>No se pudo hacer la copia de seguridad automática de hoy. Su trabajo está a salvo y la bóveda no ha cambiado.

{reason}

Una persona administradora puede revisar Administración › Copias de seguridad.</translation>
    </message>
</context>
<context>
    <name>BackupText</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/backup_text.py" line="+10"/>
        <source>{mb} MB</source>
        <translation>{mb} MB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kb} KB</source>
        <translation>{kb} KB</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{peers} peers, {sessions} one-to-one sessions, {groups} groups, {meetings} meetings and {staff} staff accounts</source>
        <translation>{peers} personas, {sessions} sesiones individuales, {groups} grupos, {meetings} reuniones y {staff} cuentas del personal</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/backups_page.py" line="+77"/>
        <source>No folder chosen yet: a USB stick is a good place</source>
        <translation>Aún no se ha elegido carpeta: una memoria USB es un buen sitio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup folder</source>
        <translation>Carpeta de copias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose folder…</source>
        <translation>&amp;Elegir carpeta…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> backups</source>
        <translation> copias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups to keep</source>
        <translation>Copias que conservar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up &amp;automatically once a day, when someone first signs in</source>
        <translation>Hacer copia &amp;automática una vez al día, cuando alguien inicia sesión por primera vez</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic backup message</source>
        <translation>Mensaje de la copia automática</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic backup is switched on but no folder is chosen, so no backups are being made. Choose a folder.</source>
        <translation>La copia de seguridad automática está activada pero no hay carpeta elegida, así que no se está haciendo ninguna copia. Elija una carpeta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save settings</source>
        <translation>&amp;Guardar ajustes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Carpeta:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keep the newest:</source>
        <translation>&amp;Conservar las más recientes:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last backup</source>
        <translation>Última copia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup result</source>
        <translation>Resultado de la copia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back &amp;up now</source>
        <translation>Hacer &amp;copia ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurar…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backups in the folder</source>
        <translation>Copias en la carpeta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each backup is encrypted like the vault: the same passwords and the recovery key open it. It is checked after writing. Restoring makes a new vault beside this one; this vault is never written over.</source>
        <translation>Cada copia está cifrada como la bóveda: la abren las mismas contraseñas y la clave de recuperación. Se comprueba después de escribirla. Restaurar crea una bóveda nueva junto a esta; esta bóveda nunca se sobrescribe.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Backups in this folder:</source>
        <translation>Copias en esta carpeta:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Last backup: {when}</source>
        <translation>Última copia: {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none yet</source>
        <translation>ninguna todavía</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Choose a folder first: automatic backups need somewhere to go.</source>
        <translation>Elija antes una carpeta: las copias automáticas necesitan un sitio donde guardarse.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the backup folder</source>
        <translation>Elija la carpeta de copias</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Backing up…</source>
        <translation>Haciendo la copia…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backing up</source>
        <translation>Haciendo la copia</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Backup saved and checked: {path} ({size}). It holds {counts}.</source>
        <translation>Copia guardada y comprobada: {path} ({size}). Contiene {counts}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No backup was made. {reason}</source>
        <translation>No se hizo ninguna copia. {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup not made</source>
        <translation>Copia no hecha</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not recorded</source>
        <translation>No anotado en el registro</translation>
    </message>
</context>
<context>
    <name>BecamePeerDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/became_peer_dialog.py" line="+25"/>
        <source>Add them as a peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Their contact with the listening service moves onto their record: on their timeline, and still counted once in the report. First contact and how it came are filled in from it; check them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their {n} contacts with the listening service move onto their record: on their timeline, and still counted once each in the report. First contact and how it came are filled in from the earliest; check them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarPopup</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/forms.py" line="+70"/>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/callback_dialog.py" line="+36"/>
        <source>Someone to call back</source>
        <translation>Alguien a quien devolver la llamada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The name or alias to ask for (optional)</source>
        <translation>El nombre o alias por el que preguntar (opcional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A number, a handle, an address</source>
        <translation>Un número, un usuario, una dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They &amp;agreed we keep this, to call them back</source>
        <translation>&amp;Aceptó que lo guardemos para devolverle la llamada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. texts only after 6 pm</source>
        <translation>p. ej. mensajes solo después de las 18:00</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept hidden</source>
        <translation>Se mantiene oculta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code word</source>
        <translation>Palabra clave</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Got in touch on</source>
        <translation>&amp;Contactó el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;By</source>
        <translation>&amp;Por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How to &amp;reach them</source>
        <translation>Cómo &amp;localizarle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As&amp;k for</source>
        <translation>&amp;Preguntar por</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Safe ways</source>
        <translation>Vías seguras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Safe &amp;times</source>
        <translation>&amp;Horarios seguros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code &amp;word</source>
        <translation>Pala&amp;bra clave</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It shows on Today under “To call back” until someone has called. It is erased when they are called back, become a peer, or after the centre&apos;s period.</source>
        <translation>Aparece en Hoy, en «Para devolver la llamada», hasta que alguien llame. Se borra cuando se le devuelve la llamada, cuando pasa a ser una persona atendida o al terminar el plazo del centro.</translation>
    </message>
</context>
<context>
    <name>CallbackSection</name>
    <message>
        <location filename="../../src/peerdesk/ui/today/listening_sections.py" line="+82"/>
        <source>To call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody is waiting for a call-back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for a call-back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called &amp;back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add them as a &amp;peer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No longer &amp;needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>To call back ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Record that they were called back? The way to reach them is erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close this call-back? The way to reach them is erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Call-back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yes, erase it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallerPageDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/caller_dialogs.py" line="+104"/>
        <source>Known caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Their contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Change nickname or note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Became a peer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Erase them and their contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{n} contacts · last {last} · {note}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallersTab</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/callers_tab.py" line="+50"/>
        <source>Find a known caller by nickname…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a known caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a known &amp;caller…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Known callers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Someone who gets in touch again and again without giving a name: a nickname and a short note only. Enter or double-click opens their contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{n:,} known caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} known callers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CentrePage</name>
    <message>
        <location filename="../../src/peerdesk/ui/setup_wizard.py" line="-68"/>
        <source>Welcome to PeerDesk</source>
        <translation>Bienvenida a PeerDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let&apos;s set up this computer for your centre. It takes a minute.</source>
        <translation>Vamos a preparar este ordenador para su centro. Lleva un minuto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Harbour Lane Peer Support</source>
        <translation>p. ej. Apoyo entre Pares Calle del Puerto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PeerDesk keeps your centre&apos;s records in one encrypted file on this computer. It never sends anything over the internet.</source>
        <translation>PeerDesk guarda los registros de su centro en un único archivo cifrado en este ordenador. Nunca envía nada por internet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Centre &amp;name:</source>
        <translation>&amp;Nombre del centro:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Does your centre already use PeerDesk on its own team server? Join it instead, with the connection file you were given.</source>
        <translation>¿Su centro ya usa PeerDesk en su propio servidor de equipo? Únase a él, con el archivo de conexión que le dieron.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Join my centre&apos;s team…</source>
        <translation>&amp;Unirme al equipo de mi centro…</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/password_dialog.py" line="+31"/>
        <source>Choose your own password</source>
        <translation>Elija su propia contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your account was given a first password by an administrator. Choose your own now — one only you know.</source>
        <translation>Una persona administradora le dio una primera contraseña. Elija ahora la suya, una que solo usted conozca.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your password unlocks the vault. Choose one that only you know.</source>
        <translation>Su contraseña abre la bóveda. Elija una que solo usted conozca.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Change password</source>
        <translation>&amp;Cambiar contraseña</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;urrent password:</source>
        <translation>Contraseña &amp;actual:</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/staff_dialogs.py" line="+47"/>
        <source>Change roles</source>
        <translation>Cambiar funciones</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Roles for {name}:</source>
        <translation>Funciones de {name}:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Change roles</source>
        <translation>&amp;Cambiar funciones</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/dialogs.py" line="+173"/>
        <source>Record a check</source>
        <translation>Registrar una comprobación</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kept hidden</source>
        <translation>Se mantiene oculta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sho&amp;w</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Check</source>
        <translation>&amp;Comprobación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Done or signed on</source>
        <translation>&amp;Hecha o firmada el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reference</source>
        <translation>&amp;Referencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Expires on</source>
        <translation>&amp;Caduca el</translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message>
        <location line="-60"/>
        <source>Record training</source>
        <translation>Registrar formación</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Modules completed</source>
        <translation>Módulos completados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Course</source>
        <translation>&amp;Curso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Modules completed</source>
        <translation>&amp;Módulos completados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The course counts as completed when its last module is done.</source>
        <translation>El curso cuenta como completado cuando se hace su último módulo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Completed on</source>
        <translation>&amp;Completado el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Renew by</source>
        <translation>&amp;Renovar antes del</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave empty to use the course&apos;s renewal interval.</source>
        <translation>Déjelo vacío para usar el intervalo de renovación del curso.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add a course first.</source>
        <translation>Añada primero un curso.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/team/conflict_dialog.py" line="+35"/>
        <source>Someone else saved this record</source>
        <translation>Otra persona guardó este registro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year of birth</source>
        <translation>Año de nacimiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Age band</source>
        <translation>Franja de edad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gender, in their words</source>
        <translation>Género, en sus palabras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact by</source>
        <translation>Primer contacto por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact</source>
        <translation>Primer contacto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed on</source>
        <translation>Cerrado el</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason for closing</source>
        <translation>Motivo del cierre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caseworker</source>
        <translation>Trabajador/a de casos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peer supporter</source>
        <translation>Apoyo entre pares</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A colleague saved this record after you opened it. Their changes and yours are below; where you both changed a field, choose which to keep.</source>
        <translation>Un/a colega guardó este registro después de que usted lo abriera. Sus cambios y los suyos están abajo; donde ambos cambiaron un campo, elija cuál conservar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theirs</source>
        <translation>De su colega</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yours</source>
        <translation>Suyos</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Save this</source>
        <translation>&amp;Guardar esto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/record_dialogs.py" line="+56"/>
        <source>Record consent</source>
        <translation>Registrar consentimiento</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Consent to</source>
        <translation>Consentimiento para</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Given on</source>
        <translation>&amp;Dado el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Review by</source>
        <translation>&amp;Revisar antes de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave empty if it does not need reviewing.</source>
        <translation>Déjelo vacío si no hace falta revisarlo.</translation>
    </message>
</context>
<context>
    <name>ConsentModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/record_models.py" line="+62"/>
        <source>Withdrawn {date}</source>
        <translation>Retirado el {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review due</source>
        <translation>Revisión pendiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Current</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet in force</source>
        <translation>Aún no vigente</translation>
    </message>
</context>
<context>
    <name>ConsultationDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/voice/dialogs.py" line="+157"/>
        <source>Change the consultation</source>
        <translation>Cambiar la consulta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a consultation</source>
        <translation>Registrar una consulta</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What peers said</source>
        <translation>Lo que dijeron las personas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What we will do</source>
        <translation>Lo que haremos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why not</source>
        <translation>Por qué no</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;How peers were asked</source>
        <translation>&amp;Cómo se preguntó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Topic</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many took &amp;part</source>
        <translation>Cuántas &amp;participaron</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A head-count only: no names.</source>
        <translation>Solo el número: sin nombres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What peers &amp;said</source>
        <translation>Lo que &amp;dijeron</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What we will &amp;do</source>
        <translation>Lo que &amp;haremos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>St&amp;atus</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Why not</source>
        <translation>Por qué &amp;no</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed when it won&apos;t be done: peers are told why.</source>
        <translation>Necesario cuando no se hará: se explica a las personas por qué.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/contact_dialog.py" line="+62"/>
        <source>&amp;Listened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si&amp;gnposted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offered a &amp;one-to-one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offered a gro&amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Became a p&amp;eer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Change a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Log a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Date of the contact</source>
        <translation>Fecha del contacto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time of the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source> min</source>
        <translation type="unfinished"> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration in minutes</source>
        <translation type="unfinished">Duración en minutos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not known</source>
        <translation type="unfinished">Se desconoce</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Known caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add a known caller…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Topics</source>
        <translation type="unfinished">Temas</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Safety concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What was done about it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What was done about the safety concern</source>
        <translation>Qué se hizo ante la preocupación por la seguridad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional. Kept encrypted, never in reports; no names or numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wants a &amp;call-back to arrange a first one-to-one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hannel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken &amp;by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;In touch before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Known caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To&amp;pics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ser&amp;vices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only the person who took this contact can read its notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No&amp;tes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This contact is on the record of the peer it led to; changes are recorded in their audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>— Not a known caller —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Give the date of the contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+3"/>
        <source>Delete contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Delete this contact and its notes? The deletion is recorded in the audit log. This can&apos;t be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactImportDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/import_dialog.py" line="+50"/>
        <source>Import a call log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose file…</source>
        <translation type="unfinished">&amp;Elegir archivo…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A call log kept in a spreadsheet, saved as CSV: one row per contact, with the headings of the call log template. Every row is checked first; if any has a problem, nothing is imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems</source>
        <translation type="unfinished">Problemas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import</source>
        <translation type="unfinished">&amp;Importar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Problems and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the call log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Checking every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>… and {n:,} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 contact is ready to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} contacts are ready to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 new known caller will be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} new known callers will be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 problem: nothing can be imported until it is put right in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n:,} problems: nothing can be imported until they are put right in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Importing…</source>
        <translation type="unfinished">Importando…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Imported 1 contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported {n:,} contacts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/list_model.py" line="+31"/>
        <source> · safety concern</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactRetention</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/contact_retention.py" line="+35"/>
        <source>Listening service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source> months</source>
        <translation> meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep anonymous contacts for this many months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep a way to call someone back for at most this many days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sa&amp;ve periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete &amp;what is past the period…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep anonymous &amp;contacts for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep a way to call someone &amp;back for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contacts with no person record are kept for this long after the day they happened, then listed here; known callers with no contact inside the period go with them. Contacts on a peer&apos;s record follow that record instead. A way to call someone back is erased once they are called, or after this many days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nothing is past the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Past the period (on or before {cutoff}): {contacts:,} contacts (the oldest from {oldest}), {callers:,} known callers and {callbacks:,} closed call-backs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved: contacts for {months} months, ways to call back for {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete past the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete {contacts:,} contacts, {callers:,} known callers and {callbacks:,} call-backs for good? The audit log records how many, nothing else. This can&apos;t be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete for good</source>
        <translation type="unfinished">Borrar para siempre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deleting…</source>
        <translation type="unfinished">Borrando…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deleted {n:,} contacts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsList</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/contacts_list.py" line="+44"/>
        <source>Search notes, or a known caller&apos;s nickname…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Any channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Any region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Any topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Any outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of contacts shown</source>
        <translation type="unfinished">Número de contactos mostrados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contacts</source>
        <translation type="unfinished">Contactos</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>{n:,} contact</source>
        <translation type="unfinished">{n:,} contacto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} contacts</source>
        <translation type="unfinished">{n:,} contactos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No contact matches. Try other words, or clear the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No contacts yet. Press Ctrl+Shift+C (or “Log a contact…”) when someone gets in touch.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/contacts_page.py" line="+47"/>
        <source>Con&amp;tacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Known callers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log a contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a contact ({keys})</source>
        <translation type="unfinished">Registrar un contacto ({keys})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lists and office &amp;hours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import a call log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contacts</source>
        <translation type="unfinished">Contactos</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/dialogs.py" line="+42"/>
        <source>Add a course</source>
        <translation>Añadir un curso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Competencies</source>
        <translation>Competencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be &amp;renewed</source>
        <translation>Debe &amp;renovarse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> months</source>
        <translation> meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ompetencies</source>
        <translation>C&amp;ompetencias</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Renew &amp;every</source>
        <translation>Renovar &amp;cada</translation>
    </message>
</context>
<context>
    <name>CourseModulesDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/courses.py" line="+50"/>
        <source>Course</source>
        <translation>Curso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Modules, in order</source>
        <translation>Módulos, en orden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its own competencies</source>
        <translation>Sus propias competencias</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional: competencies this module counts for on its own, renewed on the course&apos;s interval from the day it is done.</source>
        <translation>Opcional: competencias para las que cuenta este módulo por sí solo, renovadas con el intervalo del curso a partir del día en que se hace.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add as a new module</source>
        <translation>&amp;Añadir como módulo nuevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sa&amp;ve changes to the module</source>
        <translation>&amp;Guardar cambios del módulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>S&amp;ubir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+89"/>
        <source>Re&amp;tire</source>
        <translation>&amp;Retirar</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>&amp;Course</source>
        <translation>&amp;Curso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Modules</source>
        <translation>&amp;Módulos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Module &amp;name</source>
        <translation>&amp;Nombre del módulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its own c&amp;ompetencies</source>
        <translation>Sus pr&amp;opias competencias</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Course modules</source>
        <translation>Módulos del curso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A course with modules counts as completed on the day its last module is done. A retired module is no longer needed; completions already recorded still count. Alt+Up and Alt+Down move the chosen module.</source>
        <translation>Un curso con módulos cuenta como completado el día en que se hace su último módulo. Un módulo retirado ya no hace falta; lo ya registrado sigue contando. Alt+Arriba y Alt+Abajo mueven el módulo elegido.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source> (retired)</source>
        <translation> (retirado)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Res&amp;tore</source>
        <translation>Recu&amp;perar</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Add a course first.</source>
        <translation>Añada primero un curso.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a module in the list first.</source>
        <translation>Elija primero un módulo de la lista.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/forms.py" line="+20"/>
        <source>YYYY-MM-DD (optional)</source>
        <translation>AAAA-MM-DD (opcional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose from a calendar</source>
        <translation>Elegir en un calendario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose from a calendar (Alt+Down or F4)</source>
        <translation>Elegir en un calendario (Alt+Abajo o F4)</translation>
    </message>
</context>
<context>
    <name>DayPicker</name>
    <message>
        <location filename="../../src/peerdesk/ui/team/contacts_page.py" line="+76"/>
        <source>Day shown</source>
        <translation>Día mostrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>◀ Pre&amp;vious day</source>
        <translation>◀ Día &amp;anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;xt day ▶</source>
        <translation>Día sig&amp;uiente ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To&amp;day</source>
        <translation>Ho&amp;y</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The day</source>
        <translation>El día</translation>
    </message>
</context>
<context>
    <name>DeleteRatingDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/record_dialogs.py" line="+166"/>
        <source>Delete a rating</source>
        <translation>Borrar una valoración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title} of {date}: {answers}</source>
        <translation>{title} del {date}: {answers}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why it is being deleted</source>
        <translation>Por qué se borra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason *</source>
        <translation>&amp;Motivo *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete rating</source>
        <translation>Borrar valoración</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../src/peerdesk/ui/groups/dialogs.py" line="+37"/>
        <source>Facilitators</source>
        <translation>Facilitadores</translation>
    </message>
</context>
<context>
    <name>DirectoryEntryDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/directory_dialog.py" line="+36"/>
        <source>Change a service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What it offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Serves &amp;every region (a national service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regions served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. Mon–Fri 9–5, or 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For staff: who to ask for, what to expect. Not printed on the handout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What it &amp;offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;gions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening &amp;hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No&amp;tes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last &amp;checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectoryPicker</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/directory_picker.py" line="+82"/>
        <source>Type a service, a need or a region; Enter adds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find a service in the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Services found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Services chosen (Delete removes one)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/directory_tab.py" line="+88"/>
        <source>Find a service by name, need or region…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What it offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show archi&amp;ved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add a service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hange…</source>
        <translation>Cam&amp;biar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark &amp;checked today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+73"/>
        <source>Archi&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print or save a list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Any need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{n:,} service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rest&amp;ore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Delete a service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “{name}” from the directory? This can&apos;t be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation type="unfinished">Eliminar</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <location filename="../../src/peerdesk/ui/drafts.py" line="+67"/>
        <source>You were writing a session when PeerDesk locked. Nothing was lost.

Carry on with it now?</source>
        <translation>Estaba escribiendo una sesión cuando PeerDesk se bloqueó. No se perdió nada.

¿Quiere seguir con ella ahora?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You were writing {n} sessions when PeerDesk locked. Nothing was lost.

Carry on with it now?</source>
        <translation>Estaba escribiendo {n} sesiones cuando PeerDesk se bloqueó. No se perdió nada.

¿Quiere seguir con ellas ahora?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Carry on</source>
        <translation>&amp;Seguir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Later</source>
        <translation>&amp;Más tarde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/directory_tab.py" line="-184"/>
        <source> (archived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EraseCallerDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/erase_caller.py" line="+22"/>
        <source>Erase a known caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This deletes the profile and all {n} of their contacts, with every note, for good. The audit log records that it was done, not what was held. Backups already made still hold them until they are replaced.

Type the nickname to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type the nickname to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erase for good</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/record_requests.py" line="+45"/>
        <source>Erase a record</source>
        <translation>Borrar un registro</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} one-to-one session with its notes and follow-ups</source>
        <translation>{n} sesión individual con sus notas y seguimientos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} one-to-one sessions with their notes and follow-ups</source>
        <translation>{n} sesiones individuales con sus notas y seguimientos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} consent record</source>
        <translation>{n} registro de consentimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} consent records</source>
        <translation>{n} registros de consentimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} referral</source>
        <translation>{n} derivación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} referrals</source>
        <translation>{n} derivaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} rating</source>
        <translation>{n} valoración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} ratings</source>
        <translation>{n} valoraciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} attendance mark</source>
        <translation>{n} marca de asistencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} attendance marks</source>
        <translation>{n} marcas de asistencia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This deletes {ref} and everything about them, for good: their details and safe-contact preferences, {sessions}, {consents}, {referrals}, {ratings}, their group memberships and {marks}.

Meetings and their anonymous head-counts stay: those are not about anyone. The audit log keeps that the record was erased, by its reference only. Backups made earlier still hold the record until they are replaced.

Type the reference code {ref} to confirm.</source>
        <translation>Esto borra {ref} y todo lo relativo a esa persona, para siempre: sus datos y preferencias de contacto seguro, {sessions}, {consents}, {referrals}, {ratings}, su pertenencia a grupos y {marks}.

Las reuniones y sus recuentos anónimos se quedan: no tratan de nadie. El registro de auditoría guarda que se borró el registro, solo por su referencia. Las copias de seguridad anteriores siguen conteniendo el registro hasta que se sustituyan.

Escriba el código de referencia {ref} para confirmar.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reference code, typed to confirm</source>
        <translation>Código de referencia, escrito para confirmar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Erase for good</source>
        <translation>&amp;Borrar para siempre</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Erasing…</source>
        <translation>Borrando…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The record could not be erased. Nothing was deleted.</source>
        <translation>No se pudo borrar el registro. No se borró nada.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../src/peerdesk/ui/errors.py" line="+19"/>
        <source>PeerDesk met an unexpected problem and stopped what it was doing. Nothing further was changed. If it happens again, note what you were doing and ask for help.</source>
        <translation>PeerDesk tuvo un problema inesperado y dejó lo que estaba haciendo. No se cambió nada más. Si vuelve a ocurrir, anote lo que estaba haciendo y pida ayuda.</translation>
    </message>
</context>
<context>
    <name>ExpiringModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="+132"/>
        <source> · expired</source>
        <translation> · caducado</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/export_page.py" line="+69"/>
        <source>What the export holds</source>
        <translation>Qué contiene la exportación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least {n} characters: four or five words, or a suggestion</source>
        <translation>Al menos {n} caracteres: cuatro o cinco palabras, o una sugerencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export passphrase</source>
        <translation>Frase de contraseña de la exportación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the passphrase again</source>
        <translation>Escriba otra vez la frase de contraseña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;uggest one</source>
        <translation>S&amp;ugerir una</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggested passphrase</source>
        <translation>Frase de contraseña sugerida</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Again:</source>
        <translation>&amp;Otra vez:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export everything…</source>
        <translation>&amp;Exportarlo todo…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export result</source>
        <translation>Resultado de la exportación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The export is a zip file encrypted with AES-256: 7-Zip, PeaZip, WinZip or Keka open it with the passphrase (the zip support built into Windows can&apos;t). Inside: one spreadsheet (CSV) per table, one JSON file with everything, a data dictionary saying what every column means, and a README. It is not anonymised: keep it as carefully as the vault, and keep the passphrase apart from it. Without the passphrase nobody can open it, not even PeerDesk. The export is recorded in the audit log.</source>
        <translation>La exportación es un archivo zip cifrado con AES-256: 7-Zip, PeaZip, WinZip o Keka lo abren con la frase de contraseña (el soporte zip integrado en Windows no puede). Dentro: una hoja de cálculo (CSV) por tabla, un archivo JSON con todo, un diccionario de datos que explica cada columna y un README. No es anónima: guárdela con el mismo cuidado que la bóveda, y guarde la frase de contraseña aparte. Sin la frase de contraseña nadie puede abrirla, ni siquiera PeerDesk. La exportación queda anotada en el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Export everything the centre holds — peers&apos; records, sessions and notes, groups and attendance, referrals, ratings, staff, settings and the audit log — in open formats any spreadsheet or database can read, for moving to another system or archiving.</source>
        <translation>Exporte todo lo que guarda el centro —los registros de las personas, sesiones y notas, grupos y asistencia, derivaciones, valoraciones, personal, ajustes y el registro de auditoría— en formatos abiertos que cualquier hoja de cálculo o base de datos puede leer, para pasar a otro sistema o archivar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your export will hold the main database only: the centre&apos;s settings, the staff accounts and the audit log. Administrators hold no key to peers&apos; records, so no peer&apos;s record, session or note can be in it. A programme lead&apos;s export holds everything.</source>
        <translation>Su exportación contendrá solo la base de datos principal: los ajustes del centro, las cuentas del personal y el registro de auditoría. Las personas administradoras no tienen la clave de los registros de las personas atendidas, así que no puede contener ningún registro, sesión ni nota. La exportación de una persona responsable de programa lo contiene todo.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Suggested: {phrase} — write it down now and keep it apart from the export; it is not shown again.</source>
        <translation>Sugerida: {phrase}. Anótela ahora y guárdela aparte de la exportación; no se vuelve a mostrar.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The two passphrases are not the same.</source>
        <translation>Las dos frases de contraseña no son iguales.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+81"/>
        <source>Not exported</source>
        <translation>No exportado</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Save the export</source>
        <translation>Guardar la exportación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted zip (*.zip)</source>
        <translation>Zip cifrado (*.zip)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting</source>
        <translation>Exportando</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Exporting {what}…</source>
        <translation>Exportando {what}…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saved: {path} ({size}; {tables} tables, {rows} rows), encrypted with the passphrase.</source>
        <translation>Guardada: {path} ({size}; {tables} tablas, {rows} filas), cifrada con la frase de contraseña.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No export was saved. {reason}</source>
        <translation>No se guardó ninguna exportación. {reason}</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/voice/dialogs.py" line="+16"/>
        <source>Enter a feedback form</source>
        <translation>Introducir un formulario de opinión</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What changed for them</source>
        <translation>Qué cambió para ellas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What helped</source>
        <translation>Qué ayudó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anything else</source>
        <translation>Algo más</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filled in</source>
        <translation>&amp;Rellenado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What &amp;changed for them</source>
        <translation>Qué &amp;cambió para ellas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What &amp;helped</source>
        <translation>Qué a&amp;yudó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anything &amp;else</source>
        <translation>&amp;Algo más</translation>
    </message>
</context>
<context>
    <name>FirstStepsPanel</name>
    <message>
        <location filename="../../src/peerdesk/ui/today/first_steps.py" line="+31"/>
        <source>Print or write down the recovery key and keep it safe</source>
        <translation>Imprima o anote la clave de recuperación y guárdela en un lugar seguro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I have stored it</source>
        <translation>Ya la he guardado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a folder for backups (a USB stick is a good place)</source>
        <translation>Elija una carpeta para las copias de seguridad (una memoria USB es un buen sitio)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose folder…</source>
        <translation>Elegir carpeta…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add your colleagues&apos; accounts</source>
        <translation>Añada las cuentas de sus compañeros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add staff…</source>
        <translation>Añadir personal…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring in peers from an existing spreadsheet</source>
        <translation>Traiga las personas usuarias desde una hoja de cálculo existente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the centre&apos;s name on reports and add your logo</source>
        <translation>Revise el nombre del centro en los informes y añada su logotipo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report settings…</source>
        <translation>Ajustes del informe…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Automatic backup is switched on but no backup folder is chosen, so no backups are being made. Choose a folder in Admin › Backups.</source>
        <translation>La copia de seguridad automática está activada pero no hay carpeta elegida, así que no se está haciendo ninguna copia. Elija una carpeta en Administración › Copias de seguridad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup warning</source>
        <translation>Aviso de copias de seguridad</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>First steps</source>
        <translation>Primeros pasos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Hide this list</source>
        <translation>&amp;Ocultar esta lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Once every step is done or not needed</source>
        <translation>Cuando cada paso esté hecho o no haga falta</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+34"/>
        <source>Not needed</source>
        <translation>No hace falta</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Not needed: {step}</source>
        <translation>No hace falta: {step}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Each step ticks itself off when it is done.</source>
        <translation>Cada paso se marca solo cuando está hecho.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To do</source>
        <translation>Por hacer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Someone in another role does this.</source>
        <translation>Esto lo hace alguien con otra función.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/form_dialog.py" line="+106"/>
        <source>Save  (Ctrl+Return)</source>
        <translation>Guardar  (Ctrl+Intro)</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/groups/dialogs.py" line="+35"/>
        <source>For example: Tuesday women&apos;s circle</source>
        <translation>Por ejemplo: círculo de mujeres de los martes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mode</source>
        <translation>&amp;Modalidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Facilitators</source>
        <translation>&amp;Facilitadores</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Change group</source>
        <translation>Cambiar grupo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a group</source>
        <translation>Añadir un grupo</translation>
    </message>
</context>
<context>
    <name>GroupListPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/groups/section.py" line="+59"/>
        <source>Search groups by name, kind or facilitator…</source>
        <translation>Buscar grupos por nombre, tipo o facilitador…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search groups</source>
        <translation>Buscar grupos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show a&amp;rchived</source>
        <translation>Mostrar a&amp;rchivados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add group…</source>
        <translation>&amp;Añadir grupo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of groups shown</source>
        <translation>Número de grupos mostrados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arc&amp;hive…</source>
        <translation>Arc&amp;hivar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;store</source>
        <translation>Re&amp;staurar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>{n} group</source>
        <translation>{n} grupo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} groups</source>
        <translation>{n} grupos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No groups yet. “Add group…” starts one: a name is all it needs.</source>
        <translation>Aún no hay grupos. «Añadir grupo…» crea uno: solo hace falta un nombre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You don&apos;t facilitate any groups yet. A caseworker or programme lead can add you as a facilitator.</source>
        <translation>Aún no facilita ningún grupo. Quien lleva casos o coordina programas puede añadirle como facilitador/a.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No group matches. Clear the search, or show archived groups.</source>
        <translation>Ningún grupo coincide. Borre la búsqueda o muestre los grupos archivados.</translation>
    </message>
</context>
<context>
    <name>GroupModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/groups/models.py" line="-171"/>
        <source>{name}  (archived {date})</source>
        <translation>{name}  (archivado el {date})</translation>
    </message>
</context>
<context>
    <name>GroupPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/groups/group_page.py" line="+65"/>
        <source>← Back to groups</source>
        <translation>← Volver a los grupos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to groups (Esc or Alt+Left)</source>
        <translation>Volver a los grupos (Esc o Alt+Izquierda)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Meetings</source>
        <translation>&amp;Reuniones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M&amp;embers</source>
        <translation>Mi&amp;embros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendance over &amp;time</source>
        <translation>Asistencia a lo largo del &amp;tiempo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Meetings</source>
        <translation>Reuniones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take &amp;register…</source>
        <translation>Pasar &amp;lista…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the register of the chosen meeting (Enter)</source>
        <translation>Abrir la lista de la reunión elegida (Intro)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Schedule meeting…</source>
        <translation>&amp;Programar reunión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule se&amp;ries…</source>
        <translation>Programar se&amp;rie…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Change meeting…</source>
        <translation>&amp;Cambiar reunión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cance&amp;l meeting…</source>
        <translation>Cance&amp;lar reunión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rest&amp;ore meeting</source>
        <translation>Rest&amp;aurar reunión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the cancellation of the chosen meeting</source>
        <translation>Deshacer la cancelación de la reunión elegida</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No meetings yet. Schedule one, or a weekly series.</source>
        <translation>Aún no hay reuniones. Programe una, o una serie semanal.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a member… type a few letters of a name, then Enter</source>
        <translation>Añadir un miembro… escriba unas letras de un nombre y pulse Intro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;End membership…</source>
        <translation>&amp;Dar de baja…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rate = meetings attended out of the meetings they were marked for. Leaving a group keeps every past mark.</source>
        <translation>Tasa = reuniones a las que asistió de aquellas en que se le marcó. Dejar un grupo conserva todas las marcas anteriores.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>facilitated by {names}</source>
        <translation>facilitado por {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no facilitators yet</source>
        <translation>aún sin facilitadores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} members</source>
        <translation>{n} miembros</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} member</source>
        <translation>{n} miembro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>archived {date}</source>
        <translation>archivado el {date}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{n} meeting with a register: {total} attendances on the register and {anon} counted anonymously.</source>
        <translation>{n} reunión con lista: {total} asistencias en la lista y {anon} contadas de forma anónima.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} meetings with a register: {total} attendances on the register and {anon} counted anonymously.</source>
        <translation>{n} reuniones con lista: {total} asistencias en la lista y {anon} contadas de forma anónima.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> The chart shows the latest {n}.</source>
        <translation> El gráfico muestra las últimas {n}.</translation>
    </message>
    <message>
        <location line="+79"/>
        <location line="+3"/>
        <source>Cancel meeting</source>
        <translation>Cancelar reunión</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Cancel the meeting of {date}? It stays in the list, marked cancelled.</source>
        <translation>¿Cancelar la reunión del {date}? Sigue en la lista, marcada como cancelada.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>already a member</source>
        <translation>ya es miembro</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+3"/>
        <source>End membership</source>
        <translation>Dar de baja</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>{name} leaves this group from today? Their past attendance is kept.</source>
        <translation>¿{name} deja este grupo desde hoy? Se conserva su asistencia anterior.</translation>
    </message>
</context>
<context>
    <name>GroupsSection</name>
    <message>
        <location filename="../../src/peerdesk/ui/groups/section.py" line="-96"/>
        <source>Your role ({role}) does not include groups, so there is nothing to show here. Caseworkers and programme leads run groups; peer supporters see the groups they facilitate.</source>
        <translation>Su función ({role}) no incluye los grupos, así que aquí no hay nada que mostrar. Quienes llevan casos o coordinan programas dirigen grupos; las personas de apoyo ven los grupos que facilitan.</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <location line="+84"/>
        <location line="+3"/>
        <source>Archive group</source>
        <translation>Archivar grupo</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Archive “{name}”? It leaves the list; every meeting and mark is kept, and it can be restored.</source>
        <translation>¿Archivar «{name}»? Sale de la lista; se conservan todas las reuniones y marcas, y se puede restaurar.</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/directory_tab.py" line="+190"/>
        <source>A list of services to hand over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>“{title}”: 1 service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{title}”: {n} services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the list as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved {name}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../src/peerdesk/ui/help_menu.py" line="+21"/>
        <source>&amp;User guide</source>
        <translation>&amp;Guía de uso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Importing from a spreadsheet</source>
        <translation>&amp;Importar desde una hoja de cálculo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About PeerDesk</source>
        <translation>&amp;Acerca de PeerDesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../src/peerdesk/ui/help_window.py" line="+38"/>
        <source>User guide</source>
        <translation>Guía de uso (en inglés)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importing from a spreadsheet</source>
        <translation>Importar desde una hoja de cálculo (en inglés)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>PeerDesk help</source>
        <translation>Ayuda de PeerDesk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Guide</source>
        <translation>Guía</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Find in this guide</source>
        <translation>Buscar en esta guía</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Guide text</source>
        <translation>Texto de la guía</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Guide:</source>
        <translation>&amp;Guía:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>This guide is missing from this installation of PeerDesk ({name}). Reinstalling PeerDesk puts it back.</source>
        <translation>Falta esta guía en esta instalación de PeerDesk ({name}). Al reinstalar PeerDesk vuelve a estar.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>“{text}” is not in this guide.</source>
        <translation>«{text}» no está en esta guía.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PeerDesk doesn&apos;t open websites or e-mail. The link is: {url}</source>
        <translation>PeerDesk no abre sitios web ni correo electrónico. El enlace es: {url}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>That link leads outside the guides that come with PeerDesk.</source>
        <translation>Ese enlace lleva fuera de las guías que vienen con PeerDesk.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save a copy of {name}</source>
        <translation>Guardar una copia de {name}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The copy could not be saved there ({reason}). Choose another folder.</source>
        <translation>No se pudo guardar la copia ahí ({reason}). Elija otra carpeta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved a copy: {path}</source>
        <translation>Copia guardada: {path}</translation>
    </message>
</context>
<context>
    <name>HoursDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/dialogs.py" line="+45"/>
        <source>Add hours</source>
        <translation>Añadir horas</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hours</source>
        <translation>&amp;Horas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote</source>
        <translation>N&amp;ota</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/import_dialog.py" line="+67"/>
        <source>Import from a spreadsheet</source>
        <translation>Importar desde una hoja de cálculo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Spreadsheet file</source>
        <translation>Archivo de hoja de cálculo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A spreadsheet saved as CSV</source>
        <translation>Una hoja de cálculo guardada como CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose file…</source>
        <translation>&amp;Elegir archivo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import &amp;guide (F1)</source>
        <translation>&amp;Guía de importación (F1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the spreadsheet, saved as CSV. Every row is checked first; if any row has a problem, nothing is imported. The columns are described in the import guide that comes with PeerDesk (F1), with a template to start from.</source>
        <translation>Elija la hoja de cálculo, guardada como CSV. Primero se comprueba cada fila; si alguna tiene un problema, no se importa nada. Las columnas se describen en la guía de importación que viene con PeerDesk (F1), con una plantilla para empezar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Column mapping</source>
        <translation>Correspondencia de columnas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk field</source>
        <translation>Campo de PeerDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column in the file</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> (required)</source>
        <translation> (obligatorio)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>First rows of the file</source>
        <translation>Primeras filas del archivo</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>First rows</source>
        <translation>Primeras filas</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose the spreadsheet</source>
        <translation>Elija la hoja de cálculo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheets saved as CSV (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>Hojas de cálculo guardadas como CSV (*.csv *.txt *.tsv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Checking rows… {percent}%</source>
        <translation>Comprobando filas… {percent}%</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checking the file…</source>
        <translation>Comprobando el archivo…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>(not used)</source>
        <translation>(sin usar)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(column {n})</source>
        <translation>(columna {n})</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>… and {n} more</source>
        <translation>… y {n} más</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rows} rows: {peers} peers and {sessions} sessions.</source>
        <translation>{rows} filas: {peers} personas y {sessions} sesiones.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No problems found: ready to import.</source>
        <translation>No se encontraron problemas: listo para importar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{number} problem to correct in the spreadsheet (or in the mapping) before anything can be imported.</source>
        <translation>{number} problema que corregir en la hoja de cálculo (o en la correspondencia) antes de poder importar nada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{number} problems to correct in the spreadsheet (or in the mapping) before anything can be imported.</source>
        <translation>{number} problemas que corregir en la hoja de cálculo (o en la correspondencia) antes de poder importar nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problems ({n})</source>
        <translation>Problemas ({n})</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Importing… {percent}%</source>
        <translation>Importando… {percent}%</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Imported {number} peer and {sessions} sessions.</source>
        <translation>Importada {number} persona y {sessions} sesiones.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported {number} peers and {sessions} sessions.</source>
        <translation>Importadas {number} personas y {sessions} sesiones.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was imported</source>
        <translation>No se importó nada</translation>
    </message>
</context>
<context>
    <name>JoinTeamDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/team/join_dialog.py" line="+52"/>
        <source>Sign in to your centre&apos;s team</source>
        <translation>Iniciar sesión en el equipo de su centro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join my centre&apos;s team</source>
        <translation>Unirme al equipo de mi centro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This PC works on your centre&apos;s team server. Sign in with your PeerDesk name and password.</source>
        <translation>Este PC trabaja con el servidor del equipo de su centro. Inicie sesión con su nombre y contraseña de PeerDesk.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your centre&apos;s records are on its own team server. Choose the connection file whoever runs the server gave you, then sign in with your PeerDesk name and password.</source>
        <translation>Los registros de su centro están en su propio servidor de equipo. Elija el archivo de conexión que le dio quien administra el servidor y luego inicie sesión con su nombre y contraseña de PeerDesk.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connection file</source>
        <translation>Archivo de conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connection &amp;file:</source>
        <translation>&amp;Archivo de conexión:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your own new password</source>
        <translation>Su nueva contraseña propia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your own new password again</source>
        <translation>Su nueva contraseña propia, otra vez</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your own ne&amp;w password:</source>
        <translation>Su &amp;nueva contraseña propia:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password a&amp;gain:</source>
        <translation>Nueva contraseña, &amp;otra vez:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Joining</source>
        <translation>Uniéndose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reaching the team server and signing in…</source>
        <translation>Conectando con el servidor del equipo e iniciando sesión…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join and sign in</source>
        <translation>&amp;Unirme e iniciar sesión</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The team connection file</source>
        <translation>El archivo de conexión del equipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team connection files (*.peerdesk-team *.json);;All files (*)</source>
        <translation>Archivos de conexión del equipo (*.peerdesk-team *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose the connection file first.</source>
        <translation>Elija primero el archivo de conexión.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your PeerDesk name.</source>
        <translation>Escriba su nombre en PeerDesk.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two new passwords differ.</source>
        <translation>Las dos contraseñas nuevas no coinciden.</translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/dialogs.py" line="+12"/>
        <source>Write in my journal</source>
        <translation>Escribir en mi diario</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Entry</source>
        <translation>&amp;Entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private: only you can read it, unless you share it with your supervisor.</source>
        <translation>Privada: solo usted puede leerla, salvo que la comparta con su supervisor/a.</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="+33"/>
        <source>Shared with your supervisor</source>
        <translation>Compartida con su supervisor/a</translation>
    </message>
</context>
<context>
    <name>KeyWork</name>
    <message>
        <location filename="../../src/peerdesk/ui/key_work.py" line="+29"/>
        <source>the centre&apos;s settings, accounts and audit log</source>
        <translation>los ajustes del centro, las cuentas y el registro de auditoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peers&apos; records</source>
        <translation>los expedientes de las personas</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>You have just given access to peers&apos; records to: {names}. Their roles were given by an administrator; if that is not right, tell your programme lead.</source>
        <translation>Acaba de dar acceso a los expedientes de las personas a: {names}. Sus funciones las dio un administrador; si no es correcto, avise a su responsable del programa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Access given</source>
        <translation>Acceso dado</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+66"/>
        <source>Securing the vault</source>
        <translation>Protegiendo el almacén</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Moving {what} to a new key, so that no old copy of a key file opens them…</source>
        <translation>Pasando {what} a una clave nueva, para que ninguna copia antigua de un archivo de claves pueda abrirlos…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>PeerDesk was locked or busy before it could finish.</source>
        <translation>PeerDesk se bloqueó o estaba ocupado antes de poder terminar.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>PeerDesk could not finish moving the vault to new keys: {why}

Nothing has been lost and you can go on working. Try again now, or leave it: it will be offered again the next time someone who holds these keys signs in.</source>
        <translation>PeerDesk no pudo terminar de pasar la bóveda a claves nuevas: {why}

No se ha perdido nada y puede seguir trabajando. Inténtelo de nuevo ahora, o déjelo: se volverá a ofrecer la próxima vez que inicie sesión alguien que tenga estas claves.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Try again now</source>
        <translation>Intentarlo de nuevo ahora</translation>
    </message>
</context>
<context>
    <name>KnownCallerDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/caller_dialogs.py" line="-103"/>
        <source>Change a known caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a known caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A name they chose or you use, e.g. “Tuesday texter”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional, short: what helps when they get in touch. No surname, number or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N&amp;ote</source>
        <translation>N&amp;ota</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A known caller is someone who gets in touch again and again without giving a name. Their contacts show as one list, and they can become a peer later with that history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineChart</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/chart.py" line="+34"/>
        <source>Chart of ratings over time</source>
        <translation>Gráfico de valoraciones a lo largo del tiempo</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No ratings of this kind yet.</source>
        <translation>Aún no hay valoraciones de este tipo.</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/settings_dialog.py" line="+55"/>
        <source>A new name, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+50"/>
        <source>Retir&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-24"/>
        <source>{name} (retired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Bring bac&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListeningSettingsDialog</name>
    <message>
        <location line="+70"/>
        <source>Listening service: lists and office hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The areas people get in touch from, as the centre names them. Contacts and directory services choose from this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What contacts are about. Start from these and change them to fit your centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the services in the directory offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact &amp;topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Directory categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office &amp;hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockSettingsPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/lock_settings_page.py" line="+30"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock after this many idle minutes</source>
        <translation>Bloquear tras estos minutos sin actividad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PeerDesk locks itself when nobody has touched the keyboard or mouse for this long, and keeps anything being typed for after sign-in. On a shared PC, shorter is safer. Anyone can lock at once with Ctrl+L, or hide everything with the Hide button or by pressing Shift three times.</source>
        <translation>PeerDesk se bloquea cuando nadie ha tocado el teclado ni el ratón durante este tiempo, y guarda lo que se estaba escribiendo para después de iniciar sesión. En un ordenador compartido, cuanto menos tiempo, más seguro. Cualquiera puede bloquear al instante con Ctrl+L, u ocultarlo todo con el botón Ocultar o pulsando Mayús tres veces.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Lock after</source>
        <translation>&amp;Bloquear tras</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved: PeerDesk locks after {minutes} idle minutes.</source>
        <translation>Guardado: PeerDesk se bloquea tras {minutes} minutos sin actividad.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/pages.py" line="+27"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/main_window.py" line="+48"/>
        <source>{n} failed sign-in attempt since the last sign-in — see Admin › Audit log</source>
        <translation>{n} intento fallido de inicio de sesión desde el último inicio — vea Administración › Registro de auditoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} failed sign-in attempts since the last sign-in — see Admin › Audit log</source>
        <translation>{n} intentos fallidos de inicio de sesión desde el último inicio — vea Administración › Registro de auditoría</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock PeerDesk now (Ctrl+L)</source>
        <translation>Bloquear PeerDesk ahora (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Change my password…</source>
        <translation>&amp;Cambiar mi contraseña…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Account</source>
        <translation>&amp;Cuenta</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log a &amp;contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contacts</source>
        <translation type="unfinished">Contactos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Supporters</source>
        <translation>Personas de apoyo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Peers&apos; voice</source>
        <translation>La voz de las personas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Admin</source>
        <translation>Administración</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Signed in as</source>
        <translation>Sesión iniciada por</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hide</source>
        <translation>&amp;Ocultar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide PeerDesk at once and lock it (or press Shift three times)</source>
        <translation>Ocultar PeerDesk al instante y bloquearlo (o pulse Mayús tres veces)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quick hide</source>
        <translation>Ocultación rápida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blanks every PeerDesk window at once and locks. Shift pressed three times does the same.</source>
        <translation>Deja en blanco todas las ventanas de PeerDesk al instante y bloquea. Pulsar Mayús tres veces hace lo mismo.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Show the audit log</source>
        <translation>Ver el registro de auditoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Your password has been changed. Use it from now on.</source>
        <translation>Su contraseña se ha cambiado. Úsela a partir de ahora.</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="-96"/>
        <source>Current</source>
        <translation>Al día</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due soon</source>
        <translation>Vence pronto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>Caducada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{done} of {required} modules</source>
        <translation>{done} de {required} módulos</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/groups/dialogs.py" line="+44"/>
        <source>Change meeting</source>
        <translation>Cambiar reunión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule a series of meetings</source>
        <translation>Programar una serie de reuniones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule a meeting</source>
        <translation>Programar una reunión</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HH:MM, e.g. 18:30</source>
        <translation>HH:MM, p. ej. 18:30</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A room, an address, or “online”</source>
        <translation>Una sala, una dirección o «en línea»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every week</source>
        <translation>Cada semana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every fortnight</source>
        <translation>Cada quince días</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> meetings</source>
        <translation> reuniones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;First meeting</source>
        <translation>&amp;Primera reunión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Time</source>
        <translation>&amp;Hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Place</source>
        <translation>&amp;Lugar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Repeat</source>
        <translation>&amp;Repetir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;How many</source>
        <translation>&amp;Cuántas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Facilitators</source>
        <translation>&amp;Facilitadores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change meeting — {group}</source>
        <translation>Cambiar reunión — {group}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule a series of meetings — {group}</source>
        <translation>Programar una serie de reuniones — {group}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule a meeting — {group}</source>
        <translation>Programar una reunión — {group}</translation>
    </message>
</context>
<context>
    <name>MeetingModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/groups/models.py" line="-10"/>
        <source>Register to take</source>
        <translation>Lista por pasar</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held</source>
        <translation>Celebrada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
</context>
<context>
    <name>MemberModel</name>
    <message>
        <location line="+64"/>
        <source>{attended} of {marked}</source>
        <translation>{attended} de {marked}</translation>
    </message>
</context>
<context>
    <name>MembershipModel</name>
    <message>
        <location line="+99"/>
        <source>still a member</source>
        <translation>sigue siendo miembro</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../src/peerdesk/ui/messages_catalogue.py" line="+8"/>
        <source>A PeerDesk vault already exists at this location.</source>
        <translation>Ya existe una bóveda de PeerDesk en esta ubicación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A call-back is either done or closed.</source>
        <translation>Una llamada de vuelta está hecha o cerrada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A closed record needs the date it was closed.</source>
        <translation>Un expediente cerrado necesita la fecha en que se cerró.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A competency chosen no longer exists.</source>
        <translation>Una competencia elegida ya no existe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A correction keeps the rating&apos;s peer and measure.</source>
        <translation>Una corrección mantiene la persona y la medida de la valoración.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A day of the week is out of range.</source>
        <translation>Un día de la semana está fuera de rango.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A disclosure threshold above 50 would hide almost everything.</source>
        <translation>Un umbral de divulgación por encima de 50 ocultaría casi todo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A head-count of {count} is more than {most}; please check it.</source>
        <translation>Un recuento de {count} es más de {most}; compruébelo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A journal entry is seen only by the person who wrote it (and the supervisor they shared it with).</source>
        <translation>Una entrada del diario solo la ve quien la escribió (y el supervisor con quien la compartió).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A logo must be a PNG or JPEG picture, and that file is not one. Nothing was changed.</source>
        <translation>Un logotipo debe ser una imagen PNG o JPEG, y ese archivo no lo es. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A module ticked is no longer part of this course.</source>
        <translation>Un módulo marcado ya no forma parte de este curso.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A peer supporter logs only the contacts they took.</source>
        <translation>Un compañero de apoyo solo registra los contactos que atendió.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A peer supporter logs only their own sessions.</source>
        <translation>Un apoyo entre pares registra solo sus propias sesiones.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A person is marked twice on one register.</source>
        <translation>Una persona está marcada dos veces en una misma lista de asistencia.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A record on the team server could not be opened with this centre&apos;s key: it was changed on the server, or belongs to another centre.</source>
        <translation>Un registro del servidor del equipo no se pudo abrir con la clave de este centro: se cambió en el servidor o pertenece a otro centro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A recovery key has {expected} characters in {groups} groups; {typed} were typed.</source>
        <translation>Una clave de recuperación tiene {expected} caracteres en {groups} grupos; se han escrito {typed}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A register can&apos;t be taken before the meeting has happened.</source>
        <translation>No se puede pasar lista antes de que se haya celebrado la reunión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A report covers at most five years.</source>
        <translation>Un informe abarca como máximo cinco años.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A series can have 1 to {most} meetings.</source>
        <translation>Una serie puede tener de 1 a {most} reuniones.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A service chosen is no longer in the directory; choose another.</source>
        <translation>Un servicio elegido ya no está en el directorio; elija otro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A supervision session lasts from 1 minute to 12 hours.</source>
        <translation>Una sesión de supervisión dura de 1 minuto a 12 horas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A way to reach someone is kept only with their agreement: tick that they agreed, or don&apos;t keep it.</source>
        <translation>Una forma de contactar con alguien solo se guarda con su consentimiento: marque que lo dio, o no la guarde.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age band</source>
        <translation>Franja de edad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer {number} must be between {low} and {high}.</source>
        <translation>La respuesta {number} debe estar entre {low} y {high}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anything else</source>
        <translation>Algo más</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for</source>
        <translation>Preguntar por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign an active caseworker, peer supporter or programme lead.</source>
        <translation>Asigne a un trabajador de casos, un acompañante entre pares o un responsable de programa activo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls OK</source>
        <translation>Llamadas sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caseworker (account name)</source>
        <translation>Trabajador/a del caso (nombre de la cuenta)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check date</source>
        <translation>Fecha de la comprobación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose A4 or Letter.</source>
        <translation>Elija A4 o Carta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a folder first: automatic backups need somewhere to go.</source>
        <translation>Elige primero una carpeta: las copias automáticas necesitan un lugar donde guardarse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a folder for the backups first.</source>
        <translation>Elija primero una carpeta para las copias de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a mentor: a supporter or an experienced peer.</source>
        <translation>Elija una mentora: una persona de apoyo o una persona con experiencia.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a new location for the restored vault, not the backup itself.</source>
        <translation>Elija una ubicación nueva para la bóveda restaurada, no la propia copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a password of your own, not the joining one.</source>
        <translation>Elija una contraseña propia, no la de incorporación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an administrator account.</source>
        <translation>Elija una cuenta de administrador.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose at least one day the centre is open.</source>
        <translation>Elija al menos un día en que el centro esté abierto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose at least one outcome (“Listened”, if nothing else).</source>
        <translation>Elija al menos un resultado («Escuchado», si no hubo otro).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose at least one record to delete.</source>
        <translation>Elija al menos un registro para eliminar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose at least one role.</source>
        <translation>Elija al menos un rol.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose between {least} and {most} minutes.</source>
        <translation>Elija entre {least} y {most} minutos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose every 1 to 52 weeks.</source>
        <translation>Elige cada 1 a 52 semanas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose someone who takes contacts.</source>
        <translation>Elija a alguien que atienda contactos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose someone whose roles include supervisor.</source>
        <translation>Elige a alguien que tenga el rol de supervisor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the backup folder with its full location.</source>
        <translation>Elija la carpeta de copias de seguridad con su ubicación completa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the peer being mentored.</source>
        <translation>Elija la persona que recibe la mentoría.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed date</source>
        <translation>Fecha de cierre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing time</source>
        <translation>Hora de cierre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code word</source>
        <translation>Palabra clave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column “{heading}” is not used: no PeerDesk field is chosen for it.</source>
        <translation>La columna «{heading}» no se usa: no se ha elegido ningún campo de PeerDesk para ella.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column “{heading}” is not used: no call log field has that heading.</source>
        <translation>La columna «{heading}» no se usa: ningún campo del registro de llamadas tiene ese encabezado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed on</source>
        <translation>Completado el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent date</source>
        <translation>Fecha del consentimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts, sessions or referrals point to this service ({used}), so it can&apos;t be deleted. Archive it instead: it leaves the lists and they keep what they said.</source>
        <translation>Hay contactos, sesiones o derivaciones que remiten a este servicio ({used}), así que no se puede eliminar. Archívelo en su lugar: sale de las listas y ellos conservan lo que decían.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Course name</source>
        <translation>Nombre del curso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Course name can&apos;t be empty.</source>
        <translation>El nombre del curso no puede estar vacío.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date last checked</source>
        <translation>Fecha de la última comprobación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of the contact</source>
        <translation>Fecha del contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of the enquiry</source>
        <translation>Fecha de la consulta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not contact</source>
        <translation>No contactar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Don&apos;t include the account name in the password.</source>
        <translation>No incluya el nombre de la cuenta en la contraseña.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration (minutes)</source>
        <translation>Duración (minutos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration must be at least one minute.</source>
        <translation>La duración debe ser de al menos un minuto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration of {minutes} minutes is more than {hours} hours; please check it.</source>
        <translation>Una duración de {minutes} minutos es más de {hours} horas; compruébela.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration “{value}” should be a whole number of minutes.</source>
        <translation>La duración «{value}» debe ser un número entero de minutos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email OK</source>
        <translation>Correo sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End date</source>
        <translation>Fecha de fin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter at least one minute.</source>
        <translation>Introduce al menos un minuto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires on</source>
        <translation>Caduca el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish or skip each step before hiding the list.</source>
        <translation>Termina u omite cada paso antes de ocultar la lista.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact date</source>
        <translation>Fecha del primer contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up date</source>
        <translation>Fecha de seguimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the caller a nickname, such as “Tuesday texter”.</source>
        <translation>Dé un apodo a quien llama, como «el de los mensajes del martes».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the month as YYYY-MM, for example 2026-10.</source>
        <translation>Indique el mes como AAAA-MM, por ejemplo 2026-10.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the service&apos;s name.</source>
        <translation>Indique el nombre del servicio.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group name</source>
        <translation>Nombre del grupo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group {group} has a typing mistake. Please check it.</source>
        <translation>El grupo {group} tiene un error de escritura. Compruébelo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many took part must be between 0 and {maximum:,}.</source>
        <translation>Cuántas participaron debe estar entre 0 y {maximum:,}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How they made contact</source>
        <translation>Cómo contactó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How to reach them</source>
        <translation>Cómo contactar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How we reach them</source>
        <translation>Cómo contactamos con ellos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In touch before</source>
        <translation>Contacto anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It could not be saved there ({why}). Choose another folder.</source>
        <translation>No se ha podido guardar ahí ({why}). Elija otra carpeta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep a way to call someone back for {low} to {high} days.</source>
        <translation>Guarde la forma de devolver una llamada entre {low} y {high} días.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep anonymous contacts for {low} to {high} whole months.</source>
        <translation>Guarde los contactos anónimos entre {low} y {high} meses completos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep between 1 and {most} backups.</source>
        <translation>Conserve entre 1 y {most} copias de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep closed records for {least} to {most} whole years after they were closed.</source>
        <translation>Conserve los expedientes cerrados de {least} a {most} años completos después de cerrarse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known caller (nickname)</source>
        <translation>Persona conocida (apodo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map the course to at least one competency.</source>
        <translation>Asocia el curso al menos a una competencia.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting date</source>
        <translation>Fecha de la reunión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting notes</source>
        <translation>Notas de la reunión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Module name</source>
        <translation>Nombre del módulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Module name can&apos;t be empty.</source>
        <translation>El nombre del módulo no puede estar vacío.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More than one active person on the team server has that PeerDesk name. Nothing was changed.</source>
        <translation>Más de una persona activa en el servidor del equipo tiene ese nombre de PeerDesk. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moving a centre into the team copies peers&apos; records, and {account}&apos;s sign-in holds no key to them. A programme lead moves the vault. Nothing was changed.</source>
        <translation>Pasar un centro al equipo copia los registros de los pares, y el inicio de sesión de {account} no tiene ninguna clave para ellos. Una coordinación de programa pasa la bóveda. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moving the centre into the team is a programme lead&apos;s to do: it copies every record. Nothing was changed.</source>
        <translation>Pasar el centro al equipo le corresponde a una coordinación de programa: copia todos los registros. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name an administrator of the centre in the export: they set up the new vault and give everyone else a new password.</source>
        <translation>Indique un administrador del centro que esté en la exportación: prepara la bóveda nueva y da a todos los demás una contraseña nueva.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No backup was made: {problem}. The vault is unchanged; run a check of the vault.</source>
        <translation>No se ha hecho ninguna copia: {problem}. El almacén no ha cambiado; ejecute una comprobación del almacén.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No supervisor or programme lead can receive notes yet (they need to have signed in once). Save without notes.</source>
        <translation>Ningún supervisor ni responsable del programa puede recibir notas todavía (deben haber entrado una vez). Guarda sin notas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody active on the team server has that PeerDesk name. Nothing was changed.</source>
        <translation>Nadie activo en el servidor del equipo tiene ese nombre de PeerDesk. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a register mark: {mark}.</source>
        <translation>No es una marca de asistencia válida: {mark}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number given when sent</source>
        <translation>Número asignado al enviarlo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office hours must end after they start.</source>
        <translation>El horario de atención debe terminar después de empezar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a cancelled meeting can be restored.</source>
        <translation>Solo se puede restaurar una reunión cancelada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a caseworker or a programme lead can change groups.</source>
        <translation>Solo un trabajador de casos o un responsable de programa puede cambiar los grupos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a caseworker or a programme lead can see the groups (and a peer supporter the groups they run).</source>
        <translation>Solo un trabajador de casos o un responsable de programa puede ver los grupos (y un acompañante entre pares, los grupos que dirige).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a caseworker or a programme lead can work with peers&apos; records (and a peer supporter with the peers assigned to them).</source>
        <translation>Solo un trabajador de casos o un responsable de programa puede trabajar con los expedientes de los pares (y un acompañante entre pares, con los pares que tiene asignados).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a programme lead can approve a quote for reports.</source>
        <translation>Solo una persona responsable del programa puede aprobar una cita para los informes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a programme lead can change the listening service&apos;s lists and office hours.</source>
        <translation>Solo un responsable del programa puede cambiar las listas y el horario de atención del servicio de escucha.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a programme lead can export peers&apos; records with the whole centre.</source>
        <translation>Solo un responsable del programa puede exportar los expedientes de los pares junto con los datos de todo el centro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a programme lead can export, erase or review peers&apos; whole records.</source>
        <translation>Solo un responsable del programa puede exportar, borrar o revisar los expedientes completos de los pares.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a programme lead can import from a spreadsheet.</source>
        <translation>Solo un responsable del programa puede importar desde una hoja de cálculo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a programme lead can run reports.</source>
        <translation>Solo un responsable del programa puede preparar informes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a programme lead or a caseworker can add a meeting.</source>
        <translation>Solo una responsable de programa o una trabajadora de casos puede añadir una reunión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a programme lead or a caseworker can change the casework key: it will be done at the next sign-in of one of them.</source>
        <translation>Solo una responsable de programa o una trabajadora de casos puede cambiar la clave de los casos: se hará en el próximo inicio de sesión de una de ellas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a programme lead or a caseworker can read every note.</source>
        <translation>Solo un responsable del programa o un trabajador de casos puede leer todas las notas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a programme lead or a caseworker can see every peer.</source>
        <translation>Solo un responsable del programa o un trabajador de casos puede ver a todos los pares.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a programme lead or a caseworker can work with mentoring, consultations, feedback and quotes.</source>
        <translation>Solo una persona responsable del programa o un/a trabajador/a de casos puede trabajar con mentorías, consultas, opiniones y citas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a programme lead, a caseworker or a peer supporter can log or see listening-service contacts.</source>
        <translation>Solo un responsable del programa, un trabajador de casos o un acompañante entre pares puede registrar o ver los contactos del servicio de escucha.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an administrator can change the main key: it will be done at the next sign-in of one of them.</source>
        <translation>Solo un administrador puede cambiar la clave principal: se hará en el próximo inicio de sesión de uno de ellos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an administrator can make, list or restore backups.</source>
        <translation>Solo un administrador puede hacer, listar o restaurar copias de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an administrator can manage staff accounts and the screen-lock setting.</source>
        <translation>Solo un administrador puede gestionar las cuentas del personal y el ajuste del bloqueo de pantalla.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an administrator gives people their logins.</source>
        <translation>Solo un administrador da a las personas su acceso.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an administrator or a programme lead can check the audit log.</source>
        <translation>Solo una persona administradora o una responsable de programa puede revisar el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an administrator or a programme lead can export the whole centre&apos;s data.</source>
        <translation>Solo un administrador o un responsable del programa puede exportar todos los datos del centro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an administrator or a programme lead can manage the supporters register, training and checks.</source>
        <translation>Solo un administrador o un responsable del programa puede gestionar el registro de acompañantes, la formación y las comprobaciones.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an administrator or a programme lead can see the audit log.</source>
        <translation>Solo un administrador o un responsable del programa puede ver el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an administrator or a programme lead sets up the centre&apos;s first steps.</source>
        <translation>Solo un administrador o un responsable del programa configura los primeros pasos del centro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only programme leads, administrators and the supervisor record supervision.</source>
        <translation>Solo los responsables del programa, los administradores y el supervisor registran la supervisión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the person who logged this session can change it.</source>
        <translation>Solo quien registró esta sesión puede cambiarla.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the person who took this contact can change it.</source>
        <translation>Solo quien atendió este contacto puede cambiarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the person who wrote an entry can share it.</source>
        <translation>Solo quien escribió una entrada puede compartirla.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the server account that set the team up (the owner of its tables) can move a vault in. Nothing was changed.</source>
        <translation>Solo la cuenta del servidor que preparó el equipo (la propietaria de sus tablas) puede pasar una bóveda. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened with the recovery key, PeerDesk only sets a new password for an administrator. Sign in with a password to do anything else.</source>
        <translation>Abierto con la clave de recuperación, PeerDesk solo establece una contraseña nueva para un administrador. Inicie sesión con una contraseña para hacer cualquier otra cosa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>Horario de apertura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening time</source>
        <translation>Hora de apertura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other safety notes</source>
        <translation>Otras notas de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer key</source>
        <translation>Clave del par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer key (the old spreadsheet&apos;s id)</source>
        <translation>Clave de la persona (el identificador de la hoja antigua)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer supporter (account name)</source>
        <translation>Acompañante de pares (nombre de la cuenta)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk could not check the team server&apos;s certificate at {where} against the CA certificate in the connection file (expired, for another host, or not from that CA). Nothing was sent.</source>
        <translation>PeerDesk no pudo comprobar el certificado del servidor del equipo en {where} con el certificado de la CA del archivo de conexión (caducado, de otro servidor o no emitido por esa CA). No se envió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk could not make its safety copy of the vault before upgrading it, so it did not upgrade ({why}). Nothing has been changed.</source>
        <translation>PeerDesk no pudo hacer su copia de seguridad del almacén antes de actualizarlo, así que no lo ha actualizado ({why}). No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk could not make its temporary file for checking this sheet beside the vault (the folder may be full or read-only). Nothing was imported and the vault is unchanged.</source>
        <translation>PeerDesk no pudo crear junto a la bóveda su archivo temporal para comprobar esta hoja (la carpeta puede estar llena o ser de solo lectura). No se ha importado nada y la bóveda no ha cambiado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk could not reach the team server at {where}: check that it is running and that this PC can reach it.</source>
        <translation>PeerDesk no pudo llegar al servidor del equipo en {where}: compruebe que está en marcha y que este PC puede alcanzarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk could not use the team server.</source>
        <translation>PeerDesk no pudo usar el servidor del equipo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk could not write to the vault file, usually because the disk is full (or was removed). Nothing more was saved. Free some space or check the disk, then try again.</source>
        <translation>PeerDesk no pudo escribir en el archivo de la bóveda, normalmente porque el disco está lleno (o se ha quitado). No se ha guardado nada más. Libere espacio o revise el disco y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk needs a database whose name is lower-case letters, digits and _, starting with a letter, at most 40 characters (it names the team&apos;s roles after it); {database} isn&apos;t one.</source>
        <translation>PeerDesk necesita una base de datos cuyo nombre tenga solo minúsculas, cifras y _, empiece por una letra y tenga 40 caracteres como mucho (da ese nombre a los roles del equipo); {database} no lo cumple.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk&apos;s encrypted storage engine is not available, so it will not run. Reinstall PeerDesk.</source>
        <translation>El motor de almacenamiento cifrado de PeerDesk no está disponible, así que no se ejecutará. Vuelva a instalar PeerDesk.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk&apos;s temporary file for checking this sheet could not be used. Nothing was imported and the vault is unchanged. Check the file again.</source>
        <translation>No se pudo usar el archivo temporal de PeerDesk para comprobar esta hoja. No se ha importado nada y la bóveda no ha cambiado. Vuelva a comprobar el archivo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferred name or alias</source>
        <translation>Nombre preferido o alias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating date</source>
        <translation>Fecha de la valoración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for closing</source>
        <translation>Motivo del cierre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral date</source>
        <translation>Fecha de la derivación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renew by</source>
        <translation>Renovar antes del</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renew every 1 to {maximum} months, or leave it empty when the course never needs renewing.</source>
        <translation>Renueve cada 1 a {maximum} meses, o déjelo vacío si el curso no necesita renovarse nunca.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review date</source>
        <translation>Fecha de revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safe times</source>
        <translation>Horas seguras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safety concern</source>
        <translation>Preocupación por la seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say how to get back to them (a number, a handle, an address).</source>
        <translation>Indique cómo volver a contactar (un número, un usuario, una dirección).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say what was done.</source>
        <translation>Diga qué se hizo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say where the referral is to.</source>
        <translation>Indique adónde se deriva.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say why it won&apos;t be done: peers are told.</source>
        <translation>Diga por qué no se hará: se explica a las personas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealed notes need your own key; sign in with your password.</source>
        <translation>Las notas selladas necesitan tu propia clave; entra con tu contraseña.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search is still being prepared ({percent} %). It works as soon as this PC has its copy of the records you may see.</source>
        <translation>La búsqueda aún se está preparando ({percent} %). Funcionará en cuanto este PC tenga su copia de los registros que puede ver.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session date</source>
        <translation>Fecha de la sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session kind</source>
        <translation>Tipo de sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session mode</source>
        <translation>Modalidad de la sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session notes</source>
        <translation>Notas de la sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share only with someone who supervises you.</source>
        <translation>Comparte solo con alguien que te supervise.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signposted to</source>
        <translation>Derivado a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some of the chosen records are no longer past the retention period (they may have been reopened or changed). Nothing was deleted; refresh the list.</source>
        <translation>Algunos de los registros elegidos ya no han superado el periodo de conservación (pueden haberse reabierto o cambiado). No se ha eliminado nada; actualice la lista.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone can&apos;t be their own supervisor.</source>
        <translation>Nadie puede ser su propio supervisor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone else saved this record after you opened it.</source>
        <translation>Otra persona guardó este registro después de que usted lo abriera.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone else saved this record after you opened it. Choose, field by field, what to keep.</source>
        <translation>Otra persona guardó este registro después de que usted lo abriera. Elija, campo por campo, qué conservar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone on the team server already has that PeerDesk name: give this person another (a second name or an initial). Nothing was changed.</source>
        <translation>Alguien en el servidor del equipo ya tiene ese nombre de PeerDesk: dele a esta persona otro (un segundo nombre o una inicial). No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong.</source>
        <translation>Algo ha salido mal.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start time must be written as HH:MM, for example 18:30.</source>
        <translation>La hora de inicio debe escribirse como HH:MM, por ejemplo 18:30.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status date</source>
        <translation>Fecha del estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervision date</source>
        <translation>Fecha de la supervisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervision notes are seen only by the supporter&apos;s supervisor and programme leads.</source>
        <translation>Las notas de supervisión solo las ven la persona supervisora de quien acompaña y las personas responsables del programa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken by (account name)</source>
        <translation>Atendido por (nombre de la cuenta)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Texts OK</source>
        <translation>Mensajes sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That account has been removed.</source>
        <translation>Esa cuenta se ha eliminado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That account is already linked to another supporter.</source>
        <translation>Esa cuenta ya está vinculada a otro voluntario de apoyo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That account name and password don&apos;t match. Please try again.</source>
        <translation>El nombre de cuenta y la contraseña no coinciden. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That account was removed from the centre; name an administrator who is still there.</source>
        <translation>Esa cuenta se eliminó del centro; indique un administrador que siga en él.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That account&apos;s record could not be verified; run a check of the vault. Nothing was changed.</source>
        <translation>No se pudo verificar el registro de esa cuenta; haga una comprobación de la bóveda. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That call-back is no longer waiting.</source>
        <translation>Esa llamada de vuelta ya no está pendiente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That category is no longer on the list; choose another.</source>
        <translation>Esa categoría ya no está en la lista; elija otra.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That change was refused because it would break the vault&apos;s own rules. Nothing was changed.</source>
        <translation>Se rechazó ese cambio porque rompería las reglas de la propia bóveda. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That contact is already on a peer&apos;s record.</source>
        <translation>Ese contacto ya está en el expediente de un par.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That draft is no longer there.</source>
        <translation>Ese borrador ya no existe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That file can&apos;t be read. Check that it is not open in another program and that you may read it.</source>
        <translation>No se puede leer ese archivo. Compruebe que no esté abierto en otro programa y que tenga permiso para leerlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That file no longer exists.</source>
        <translation>Ese archivo ya no existe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That folder does not exist.</source>
        <translation>Esa carpeta no existe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That is a folder. Give the restored vault a file name in it, for example restored.peerdesk.</source>
        <translation>Eso es una carpeta. Dé a la bóveda restaurada un nombre de archivo dentro de ella, por ejemplo restaurada.peerdesk.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That is a folder: give the export a file name.</source>
        <translation>Eso es una carpeta: dé un nombre de archivo a la exportación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That is a folder; choose a CSV file.</source>
        <translation>Eso es una carpeta; elija un archivo CSV.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That is the vault in use. Restore into a new location; a restore never writes over a vault.</source>
        <translation>Esa es la bóveda en uso. Restaure en una ubicación nueva; una restauración nunca sobrescribe una bóveda.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That makes {hours:.1f} hours on {date}; a day has 24.</source>
        <translation>Eso suma {hours:.1f} horas el {date}; un día tiene 24.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That passphrase does not open this export.</source>
        <translation>Esa frase de contraseña no abre esta exportación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That password is one of the first ones an attacker tries. Choose another.</source>
        <translation>Esa contraseña es de las primeras que prueba un atacante. Elija otra.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That person can already sign in to the team server: a joining password is only for someone moved in from a vault who has no login yet. Nothing was changed.</source>
        <translation>Esa persona ya puede iniciar sesión en el servidor del equipo: una contraseña de incorporación es solo para alguien trasladado desde una bóveda que aún no tiene acceso. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That person is not on this register, or you may not change it.</source>
        <translation>Esa persona no está en esta lista de asistencia, o no puede cambiarla.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That picture can&apos;t be read: it may be damaged, or far too large in pixels. Nothing was changed.</source>
        <translation>No se puede leer esa imagen: puede estar dañada o tener demasiados píxeles. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That picture is too large ({megabytes:.1f} MB); a logo can be at most 1 MB. Save a smaller copy and choose it again.</source>
        <translation>Esa imagen es demasiado grande ({megabytes:.1f} MB); un logotipo puede tener como máximo 1 MB. Guarde una copia más pequeña y vuelva a elegirla.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That record no longer exists.</source>
        <translation>Ese registro ya no existe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That recovery key does not open this backup.</source>
        <translation>Esa clave de recuperación no abre esta copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That recovery key does not open this vault.</source>
        <translation>Esa clave de recuperación no abre esta bóveda.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That region is no longer on the list; choose another.</source>
        <translation>Esa región ya no está en la lista; elija otra.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That service is no longer in the directory; choose another, or type where to.</source>
        <translation>Ese servicio ya no está en el directorio; elija otro o escriba adónde.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That step can&apos;t be skipped.</source>
        <translation>Ese paso no se puede omitir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That topic is no longer on the list; choose another.</source>
        <translation>Ese tema ya no está en la lista; elija otro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The administrator&apos;s name</source>
        <translation>El nombre del administrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The audit log in this export does not check out ({problem}), so nothing was imported.</source>
        <translation>El registro de auditoría de esta exportación no cuadra ({problem}), así que no se ha importado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup could not be copied there ({why}). Nothing was restored.</source>
        <translation>No se ha podido copiar la copia de seguridad ahí ({why}). No se ha restaurado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup could not be made. Nothing was left in the backup folder and the vault is unchanged.</source>
        <translation>No se pudo hacer la copia de seguridad. No ha quedado nada en la carpeta de copias y la bóveda no ha cambiado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup could not be written to that folder ({why}). Nothing was left there and the vault is unchanged. Check the folder (is the USB stick plugged in?) and try again.</source>
        <translation>No se ha podido escribir la copia de seguridad en esa carpeta ({why}). No se ha dejado nada allí y el almacén no ha cambiado. Compruebe la carpeta (¿está conectada la memoria USB?) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup did not check out after writing, so it was deleted. The vault is unchanged. Try again, or use another folder or stick.</source>
        <translation>La copia de seguridad no superó la comprobación tras escribirse, así que se eliminó. La bóveda no ha cambiado. Vuelva a intentarlo o use otra carpeta o memoria.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup folder {folder} can&apos;t be found. If it is on a USB stick, plug it in; or choose another folder. No backup was made.</source>
        <translation>No se encuentra la carpeta de copias {folder}. Si está en una memoria USB, conéctela; o elija otra carpeta. No se ha hecho ninguna copia.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup&apos;s key file ({name}) is missing, so the backup can&apos;t be opened. A backup is two files: put the key file back beside it.</source>
        <translation>Falta el archivo de claves de la copia ({name}), así que la copia no se puede abrir. Una copia son dos archivos: vuelva a poner el archivo de claves a su lado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup&apos;s key file did not check out after writing, so the backup was deleted. The vault is unchanged.</source>
        <translation>El archivo de claves de la copia no superó la comprobación tras escribirse, así que se eliminó la copia. La bóveda no ha cambiado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The casework file {name} does not belong with the vault as it is now (it may be an older copy, or from another vault). Nothing has been changed. Put back the casework file that belongs with it, or restore the vault from a backup.</source>
        <translation>El archivo de expedientes {name} no corresponde al almacén tal como está ahora (puede ser una copia antigua o de otro almacén). No se ha cambiado nada. Vuelva a poner el archivo de expedientes que le corresponde, o restaure el almacén desde una copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The casework key was changed on another PC since you signed in: sign in again to continue the change.</source>
        <translation>La clave de los casos se cambió en otro PC desde que inició sesión: vuelva a iniciar sesión para continuar el cambio.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The centre&apos;s lists or accounts changed while importing; nothing was imported. Check the file again.</source>
        <translation>Las listas o las cuentas del centro cambiaron durante la importación; no se ha importado nada. Vuelva a comprobar el archivo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The centre&apos;s name</source>
        <translation>El nombre del centro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The change of the casework key made no progress on {table}: some of its rows could not be written back. It will be tried again at the next sign-in.</source>
        <translation>El cambio de la clave de los casos no avanzó en {table}: algunas de sus filas no se pudieron volver a escribir. Se intentará de nuevo en el próximo inicio de sesión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The change of the main key made no progress on {table}: some of its rows could not be written back. It will be tried again at the next sign-in.</source>
        <translation>El cambio de la clave principal no avanzó en {table}: algunas de sus filas no se pudieron volver a escribir. Se intentará de nuevo en el próximo inicio de sesión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The closed date is before the first contact date.</source>
        <translation>La fecha de cierre es anterior a la del primer contacto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection to the team server at {where} was lost; check that it is running and that this PC can reach it.</source>
        <translation>Se perdió la conexión con el servidor del equipo en {where}; compruebe que está en marcha y que este PC puede acceder a él.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection to the team server was lost before this was saved, so none of it was kept there. Save it again when the server can be reached.</source>
        <translation>Se perdió la conexión con el servidor del equipo antes de guardar esto, así que no se conservó nada allí. Guárdelo de nuevo cuando se pueda llegar al servidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection to the team server was lost during the move, so none of it was kept there (it is one transaction). The vault is unchanged; run the move again when the server can be reached.</source>
        <translation>Se perdió la conexión con el servidor del equipo durante el traslado, así que no se guardó nada allí (es una sola transacción). La bóveda no ha cambiado; repita el traslado cuando se pueda acceder al servidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The contact can&apos;t be in the future ({date}).</source>
        <translation>El contacto no puede ser futuro ({date}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The contact can&apos;t be in the future ({when}). Check the date and time.</source>
        <translation>El contacto no puede ser futuro ({when}). Compruebe la fecha y la hora.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The contact date ({date}) is before {year}; please check the year.</source>
        <translation>La fecha del contacto ({date}) es anterior a {year}; compruebe el año.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy of peers&apos; records did not match the original, so the backup was deleted. The vault is unchanged.</source>
        <translation>La copia de los expedientes de los pares no coincidía con el original, así que se eliminó la copia de seguridad. La bóveda no ha cambiado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy on the team server did not match the vault ({table}: {what}), so none of it was kept. Nothing was changed.</source>
        <translation>La copia en el servidor del equipo no coincidía con la bóveda ({table}: {what}), así que no se guardó nada. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The current password is not right.</source>
        <translation>La contraseña actual no es correcta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The disclosure threshold must be at least {minimum}.</source>
        <translation>El umbral de divulgación debe ser al menos {minimum}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The email address “{text}” doesn&apos;t look right: write it like help@example.org.</source>
        <translation>La dirección de correo «{text}» no parece correcta: escríbala como ayuda@ejemplo.org.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The end date is before the start date.</source>
        <translation>La fecha de fin es anterior a la de inicio.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The expiry date ({expires_on}) must come after the check date ({checked_on}).</source>
        <translation>La fecha de caducidad ({expires_on}) debe ser posterior a la fecha de la comprobación ({checked_on}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The expiry date ({expires_on}) must come after the day it was signed ({checked_on}).</source>
        <translation>La fecha de caducidad ({expires_on}) debe ser posterior al día en que se firmó ({checked_on}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The export could not be saved there ({why}). Choose another folder.</source>
        <translation>No se pudo guardar ahí la exportación ({why}). Elija otra carpeta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The export was stopped; no file was saved.</source>
        <translation>Se detuvo la exportación; no se ha guardado ningún archivo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file has 1 problem; nothing was imported. Correct it and check the file again.</source>
        <translation>El archivo tiene 1 problema; no se ha importado nada. Corríjalo y vuelva a comprobar el archivo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file has changed since it was checked. Check it again before importing; nothing was imported.</source>
        <translation>El archivo ha cambiado desde que se comprobó. Vuelva a comprobarlo antes de importar; no se ha importado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file has headings but no rows: there is nothing to import.</source>
        <translation>El archivo tiene encabezados pero ninguna fila: no hay nada que importar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file has no column headed “{heading}”.</source>
        <translation>El archivo no tiene ninguna columna con el encabezado «{heading}».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file has {count:,} problems; nothing was imported. Correct them and check the file again.</source>
        <translation>El archivo tiene {count:,} problemas; no se ha importado nada. Corríjalos y vuelva a comprobar el archivo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is empty: there is nothing to import.</source>
        <translation>El archivo está vacío: no hay nada que importar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is not in UTF-8, so it was read as Windows-1252 (Western European). Check that accented letters look right in the preview; if not, save it again as “CSV UTF-8”.</source>
        <translation>El archivo no está en UTF-8, así que se ha leído como Windows-1252 (Europa occidental). Compruebe que las letras acentuadas se ven bien en la vista previa; si no, vuelva a guardarlo como «CSV UTF-8».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file or the staff accounts changed while importing; nothing was imported. Check the file again.</source>
        <translation>El archivo o las cuentas del personal cambiaron durante la importación; no se ha importado nada. Vuelva a comprobar el archivo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file {file} is damaged or has been changed outside PeerDesk, so the vault can&apos;t be opened safely. Nothing has been changed. Restore it from a backup, or ask for help.</source>
        <translation>El archivo {file} está dañado o se ha cambiado fuera de PeerDesk, así que la bóveda no se puede abrir con seguridad. No se ha cambiado nada. Restáurelo desde una copia de seguridad o pida ayuda.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first line of the file can&apos;t be read as CSV.</source>
        <translation>La primera línea del archivo no se puede leer como CSV.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first line of the file is empty; it should hold the column headings (see the call log template).</source>
        <translation>La primera línea del archivo está vacía; debería contener los encabezados de columna (vea la plantilla del registro de llamadas).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first line of the file is empty; it should hold the column headings (see the import template).</source>
        <translation>La primera línea del archivo está vacía; debería contener los encabezados de columna (vea la plantilla de importación).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The follow-up date is before the session.</source>
        <translation>La fecha de seguimiento es anterior a la sesión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The form is empty: tick a change or write something.</source>
        <translation>El formulario está vacío: marque un cambio o escriba algo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The head-count can&apos;t be negative.</source>
        <translation>El recuento no puede ser negativo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The head-count must be a whole number (0 or more).</source>
        <translation>El recuento debe ser un número entero (0 o más).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key contains characters a recovery key never uses; check it against the printed copy.</source>
        <translation>La clave contiene caracteres que una clave de recuperación nunca usa; compárela con la copia impresa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key file does not belong with this vault file as it is now (it may be an old copy, or from another vault). Nothing has been changed. Put back the key file that belongs with it, or restore both from the same backup.</source>
        <translation>El archivo de claves no corresponde a este archivo de bóveda tal como está ahora (puede ser una copia antigua o de otra bóveda). No se ha cambiado nada. Vuelva a poner el archivo de claves que le corresponde, o restaure ambos desde la misma copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key file {file} does not belong with the vault beside it as it is now (it may be an old copy, or from another vault). Nothing has been changed. Put back the key file that belongs with it, or restore both from the same backup.</source>
        <translation>El archivo de claves {file} no corresponde a la bóveda que tiene al lado tal como está ahora (puede ser una copia antigua o de otra bóveda). No se ha cambiado nada. Vuelva a poner el archivo de claves que le corresponde, o restaure ambos desde la misma copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key this account holds doesn&apos;t open {name}; open the vault in PeerDesk once, then move it.</source>
        <translation>La clave de esta cuenta no abre {name}; abra la bóveda una vez en PeerDesk y luego pásela.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The main key was changed on another PC since you signed in: sign in again to continue the change.</source>
        <translation>La clave principal se cambió en otro PC desde que inició sesión: vuelva a iniciar sesión para continuar el cambio.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The mentor and the peer they mentor must be two different people.</source>
        <translation>La mentora y la persona a la que acompaña deben ser dos personas distintas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new password must be different from the current one.</source>
        <translation>La contraseña nueva debe ser distinta de la actual.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password starts or ends with a space; remove it so it can be typed reliably.</source>
        <translation>La contraseña empieza o termina con un espacio; quítelo para poder escribirla sin errores.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The period ends before it starts.</source>
        <translation>El periodo termina antes de empezar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The person&apos;s name</source>
        <translation>El nombre de la persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The phone number “{text}” doesn&apos;t look right: use digits, spaces and + - ( ) only (and “ext 12” for an extension).</source>
        <translation>El número de teléfono «{text}» no parece correcto: use solo dígitos, espacios y + - ( ) (y «ext 12» para una extensión).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The quote</source>
        <translation>La cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The re-encrypted copy did not verify; nothing was changed.</source>
        <translation>La copia recifrada no se pudo verificar; no se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The re-encrypted copy is incomplete; nothing was changed.</source>
        <translation>La copia recifrada está incompleta; no se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The record was deleted, but the old safety copy of the vault kept from an upgrade could not be removed ({why}). It still holds the record: delete the file {file} beside the vault.</source>
        <translation>El expediente se ha eliminado, pero no se ha podido quitar la antigua copia de seguridad del almacén que se guardó al actualizar ({why}). Esa copia aún contiene el expediente: elimine el archivo {file} que está junto al almacén.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The renewal date ({renew_by}) must come after the day it was completed ({completed_on}).</source>
        <translation>La fecha de renovación ({renew_by}) debe ser posterior al día en que se completó ({completed_on}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The report could not be saved there ({why}). Choose another folder.</source>
        <translation>No se pudo guardar ahí el informe ({why}). Elija otra carpeta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The restored copy did not pass its checks, so it was removed: {problem}. Try an older backup.</source>
        <translation>La copia restaurada no ha superado sus comprobaciones, así que se ha eliminado: {problem}. Pruebe con una copia más antigua.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The restored copy does not hold what the backup said it holds, so it was removed. Try an older backup.</source>
        <translation>La copia restaurada no contiene lo que la copia de seguridad decía contener, así que se eliminó. Pruebe con una copia más antigua.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The review date must be after the consent date.</source>
        <translation>La fecha de revisión debe ser posterior a la del consentimiento.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The status can&apos;t change before they started ({date}).</source>
        <translation>El estado no puede cambiar antes de que empezara ({date}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team connection file {path} can&apos;t be read ({why}).</source>
        <translation>No se puede leer el archivo de conexión del equipo {path} ({why}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server already has people in it, so `team init` makes no first administrator there: an administrator adds people from PeerDesk (people moved in from a vault get a joining password with `peerdesk team issue-login`). Nothing was changed.</source>
        <translation>El servidor del equipo ya tiene personas, así que `team init` no crea allí un primer administrador: un administrador añade personas desde PeerDesk (las personas trasladadas desde una bóveda reciben una contraseña de incorporación con `peerdesk team issue-login`). No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server already holds a centre&apos;s records ({table} has rows). A vault is moved only into a team set up for it and still empty. Nothing was changed.</source>
        <translation>El servidor del equipo ya tiene los registros de un centro ({table} tiene filas). Una bóveda solo se pasa a un equipo preparado para ella y aún vacío. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server at {where} does not offer TLS; PeerDesk connects to it over the network only with TLS. Nothing was sent.</source>
        <translation>El servidor del equipo en {where} no ofrece TLS; PeerDesk solo se conecta a él por la red con TLS. No se envió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server at {where} has no database {database}.</source>
        <translation>El servidor del equipo en {where} no tiene la base de datos {database}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server can&apos;t be reached, so a meeting can&apos;t be added now: it goes on the centre&apos;s timetable, which colleagues plan around. Try again when the server is back; registers of meetings already listed can still be taken.</source>
        <translation>No se puede acceder al servidor del equipo, así que ahora no se puede añadir una reunión: va al calendario del centro, con el que sus colegas se organizan. Inténtelo de nuevo cuando el servidor vuelva; la lista de asistencia de las reuniones ya anotadas se puede seguir pasando.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server can&apos;t be reached, so the report can&apos;t be counted or published now: its figures and every release before it are on the server. Nothing was recorded. Try again when it is back.</source>
        <translation>No se puede conectar con el servidor del equipo, así que el informe no se puede contar ni publicar ahora: sus cifras y todas las publicaciones anteriores están en el servidor. No se ha registrado nada. Vuelva a intentarlo cuando vuelva a estar disponible.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server can&apos;t be reached, so this change can&apos;t be saved now: a change to a record already on the server must be checked against what colleagues saved meanwhile. Try again when the server is back; new sessions can still be logged.</source>
        <translation>No se puede acceder al servidor del equipo, así que este cambio no se puede guardar ahora: un cambio a un registro que ya está en el servidor debe comprobarse con lo que sus colegas guardaron mientras tanto. Inténtelo de nuevo cuando el servidor vuelva; las sesiones nuevas se pueden seguir registrando.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server can&apos;t be reached. New sessions and new peers are kept on this PC, encrypted, and sent when it is back; changes to records already on the server have to wait until then.</source>
        <translation>No se puede acceder al servidor del equipo. Las sesiones nuevas y los pares nuevos se guardan en este PC, cifrados, y se envían cuando vuelva; los cambios a registros que ya están en el servidor tienen que esperar hasta entonces.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server refused the sign-in for {user}: the name or password is wrong.</source>
        <translation>El servidor del equipo rechazó el inicio de sesión de {user}: el nombre o la contraseña no son correctos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server refused this ({reason}); nothing of it was saved.</source>
        <translation>El servidor del equipo rechazó esto ({reason}); no se guardó nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server runs PostgreSQL {major}; PeerDesk needs PostgreSQL 15 or newer. Nothing was changed.</source>
        <translation>El servidor del equipo usa PostgreSQL {major}; PeerDesk necesita PostgreSQL 15 o posterior. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server was set up by an older PeerDesk (schema version {found}; this PeerDesk needs {known}). Ask whoever runs the server to run `peerdesk team init` with this PeerDesk. Nothing was changed.</source>
        <translation>El servidor del equipo fue preparado por un PeerDesk más antiguo (versión de esquema {found}; este PeerDesk necesita {known}). Pida a quien administra el servidor que ejecute `peerdesk team init` con este PeerDesk. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server&apos;s audit log was too busy to record this; nothing was saved. Try again.</source>
        <translation>El registro de auditoría del servidor del equipo estaba demasiado ocupado para anotar esto; no se guardó nada. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server&apos;s database has no centre in it.</source>
        <translation>La base de datos del servidor del equipo no contiene ningún centro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server&apos;s records were set up by a newer PeerDesk (schema version {found}; this PeerDesk knows up to {known}). Update PeerDesk on this PC; nothing was changed on the server.</source>
        <translation>Los registros del servidor del equipo los preparó un PeerDesk más reciente (versión de esquema {found}; este PeerDesk conoce hasta la {known}). Actualice PeerDesk en este PC; no se cambió nada en el servidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server&apos;s schema is not up to date (version {found}; this PeerDesk needs {latest}): run `peerdesk team init` first. Nothing was changed.</source>
        <translation>El esquema del servidor del equipo no está al día (versión {found}; este PeerDesk necesita {latest}): ejecute primero `peerdesk team init`. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two passphrases are not the same.</source>
        <translation>Las dos frases de paso no son iguales.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no son iguales.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The upgraded copy is incomplete; nothing was changed.</source>
        <translation>La copia actualizada está incompleta; no se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault file is damaged or has been changed outside PeerDesk, so it can&apos;t be opened safely. Nothing has been changed. Restore it from a backup, or ask for help.</source>
        <translation>El archivo de la bóveda está dañado o se ha cambiado fuera de PeerDesk, así que no se puede abrir con seguridad. No se ha cambiado nada. Restáurelo desde una copia de seguridad o pida ayuda.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault is busy with another task. Wait a moment and try again.</source>
        <translation>La bóveda está ocupada con otra tarea. Espere un momento y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault&apos;s authority key is not the one your account trusts: the vault may have been changed outside PeerDesk, so it won&apos;t sign you in. Ask an administrator to run a check of the vault. Nothing has been changed.</source>
        <translation>La clave de autoridad de la bóveda no es la que su cuenta reconoce: la bóveda puede haberse cambiado fuera de PeerDesk, así que no le dejará entrar. Pida a un administrador que haga una comprobación de la bóveda. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault&apos;s casework file ({name}) is missing, so peers&apos; records can&apos;t be opened. Nothing has been changed. Put it back beside the vault, or restore both from a backup.</source>
        <translation>Falta el archivo de expedientes del almacén ({name}), así que no se pueden abrir los expedientes de las personas. No se ha cambiado nada. Vuelva a ponerlo junto al almacén, o restaure ambos desde una copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault&apos;s key changed while the backup was made. No backup was made; try again.</source>
        <translation>La clave de la bóveda cambió mientras se hacía la copia. No se ha hecho ninguna copia; vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault&apos;s key file is damaged, so the vault can&apos;t be unlocked. Nothing has been changed. Restore the key file from a backup.</source>
        <translation>El archivo de claves de la bóveda está dañado, así que la bóveda no se puede desbloquear. No se ha cambiado nada. Restaure el archivo de claves desde una copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault&apos;s key file is missing, so the vault can&apos;t be unlocked. Put the key file back beside the vault, or restore from a backup.</source>
        <translation>Falta el archivo de claves de la bóveda, así que no se puede desbloquear. Vuelva a ponerlo junto a la bóveda o restaure desde una copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault&apos;s key file {file} is damaged, so the vault can&apos;t be unlocked. Nothing has been changed. Restore the key file from a backup.</source>
        <translation>El archivo de claves de la bóveda {file} está dañado, así que la bóveda no se puede desbloquear. No se ha cambiado nada. Restaure el archivo de claves desde una copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault&apos;s key file {file} is missing, so the vault can&apos;t be unlocked. Put the key file back beside the vault, or restore from a backup.</source>
        <translation>Falta el archivo de claves de la bóveda {file}, así que no se puede desbloquear. Vuelva a ponerlo junto a la bóveda o restaure desde una copia de seguridad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The web address “{text}” doesn&apos;t look right: write it like www.example.org or https://example.org/help.</source>
        <translation>La dirección web «{text}» no parece correcta: escríbala como www.ejemplo.org o https://ejemplo.org/ayuda.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is already a category called “{name}”.</source>
        <translation>Ya hay una categoría llamada «{name}».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is already a competency with that name.</source>
        <translation>Ya existe una competencia con ese nombre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is already a course with that name.</source>
        <translation>Ya existe un curso con ese nombre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is already a file with that name; choose another.</source>
        <translation>Ya hay un archivo con ese nombre; elija otro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is already a region called “{name}”.</source>
        <translation>Ya hay una región llamada «{name}».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is already a topic called “{name}”.</source>
        <translation>Ya hay un tema llamado «{name}».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is already a vault at that location. Choose a new name; a restore never writes over a vault.</source>
        <translation>Ya hay una bóveda en esa ubicación. Elija un nombre nuevo; una restauración nunca sobrescribe una bóveda.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is already an account with that name (perhaps a removed one). Choose another name.</source>
        <translation>Ya hay una cuenta con ese nombre (quizá una eliminada). Elija otro nombre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no PeerDesk vault at this location.</source>
        <translation>No hay ninguna bóveda de PeerDesk en esta ubicación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no account with that name in the export.</source>
        <translation>No hay ninguna cuenta con ese nombre en la exportación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no backup at {path}.</source>
        <translation>No hay ninguna copia de seguridad en {path}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no team connection file at {path}.</source>
        <translation>No hay ningún archivo de conexión del equipo en {path}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is not enough free disk space beside the vault for checking this sheet. Nothing was imported and the vault is unchanged. Free some space and check the file again.</source>
        <translation>No hay espacio libre suficiente junto a la bóveda para comprobar esta hoja. No se ha importado nada y la bóveda no ha cambiado. Libere espacio y vuelva a comprobar el archivo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is not enough free disk space to save. Nothing was saved and the vault is unchanged. Free some space and try again.</source>
        <translation>No hay espacio libre suficiente para guardar. No se ha guardado nada y la bóveda no ha cambiado. Libere espacio y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is not enough free space in the backup folder for a backup (or the disk was removed). No backup was made and the vault is unchanged. Free some space or choose another folder, then try again.</source>
        <translation>No hay espacio libre suficiente en la carpeta de copias para una copia de seguridad (o se ha quitado el disco). No se ha hecho ninguna copia y el almacén no ha cambiado. Libere espacio o elija otra carpeta y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is not enough free space there to restore the backup. Nothing was restored.</source>
        <translation>No hay espacio libre suficiente ahí para restaurar la copia. No se ha restaurado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is not enough space to save it there. Nothing was saved.</source>
        <translation>No hay espacio suficiente para guardarlo ahí. No se ha guardado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is not enough space to save the export there. Nothing was saved.</source>
        <translation>No hay espacio suficiente para guardar ahí la exportación. No se ha guardado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is not enough space to save the report there. Nothing was saved.</source>
        <translation>No hay espacio suficiente para guardar ahí el informe. No se ha guardado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These figures can&apos;t be published without letting a small count be worked out from earlier releases. Nothing was published.</source>
        <translation>Estas cifras no se pueden publicar sin permitir deducir un recuento pequeño a partir de publicaciones anteriores. No se ha publicado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These notes were written before your key could receive them; they open for you once a colleague who can read them opens them.</source>
        <translation>Estas notas se escribieron antes de que tu clave pudiera recibirlas; se abrirán para ti cuando un compañero que pueda leerlas las abra.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This account holds no authority key, so it can&apos;t change accounts.</source>
        <translation>Esta cuenta no tiene la clave de autoridad, así que no puede cambiar cuentas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This account is not active. Ask an administrator to reactivate it.</source>
        <translation>Esta cuenta no está activa. Pida a un administrador que la reactive.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This account&apos;s record in the vault could not be verified (it may have been changed outside PeerDesk), so it can&apos;t sign in. Ask an administrator to run a check of the vault. Nothing has been changed.</source>
        <translation>No se pudo verificar el registro de esta cuenta en la bóveda (puede haberse cambiado fuera de PeerDesk), así que no puede iniciar sesión. Pida a un administrador que haga una comprobación de la bóveda. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This backup ({name}) is damaged or was changed, so it can&apos;t be opened.</source>
        <translation>Esta copia de seguridad ({name}) está dañada o se ha modificado, así que no se puede abrir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This check of the file has been used already; check the file again before importing. Nothing was imported.</source>
        <translation>Esta comprobación del archivo ya se ha usado; vuelva a comprobar el archivo antes de importar. No se ha importado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This connection file has not been set up with `peerdesk team init` yet: ask whoever runs the server for the file it wrote.</source>
        <translation>Este archivo de conexión aún no se ha preparado con `peerdesk team init`: pida a quien administra el servidor el archivo que generó.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This connection file is for another centre&apos;s team: the server at {host} holds a different centre. Ask whoever runs the server for this centre&apos;s file.</source>
        <translation>Este archivo de conexión es del equipo de otro centro: el servidor en {host} guarda otro centro. Pida el archivo de este centro a quien administra el servidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This course already has a module with that name.</source>
        <translation>Este curso ya tiene un módulo con ese nombre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This course has no modules: record the whole course.</source>
        <translation>Este curso no tiene módulos: registre el curso completo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This entry can&apos;t be opened with your current key (it was written before your password was reset).</source>
        <translation>Esta entrada no se puede abrir con tu clave actual (se escribió antes de que se restableciera tu contraseña).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This export does not match the PeerDesk version it says made it (its tables are not the ones that version keeps), so nothing was imported.</source>
        <translation>Esta exportación no coincide con la versión de PeerDesk que dice haberla hecho (sus tablas no son las que guarda esa versión), así que no se ha importado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This export is damaged or incomplete (or was changed after it was made), so nothing was imported. Use another copy of the export.</source>
        <translation>Esta exportación está dañada o incompleta (o se cambió después de hacerla), así que no se ha importado nada. Use otra copia de la exportación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This export is damaged, or the passphrase is not the one it was made with. Nothing was imported.</source>
        <translation>Esta exportación está dañada, o la frase de paso no es la que se usó al hacerla. No se ha importado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This export was made by a newer PeerDesk ({made_by}). Update PeerDesk to import it; nothing was imported.</source>
        <translation>Esta exportación la hizo un PeerDesk más reciente ({made_by}). Actualice PeerDesk para importarla; no se ha importado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This export was made by a newer PeerDesk. Update PeerDesk to import it; nothing was imported.</source>
        <translation>Esta exportación la hizo un PeerDesk más reciente. Actualice PeerDesk para importarla; no se ha importado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file doesn&apos;t look like a spreadsheet saved as CSV text. In the spreadsheet program choose “Save as” → “CSV”, then import that file.</source>
        <translation>Este archivo no parece una hoja de cálculo guardada como texto CSV. En el programa de hojas de cálculo elija «Guardar como» → «CSV» y luego importe ese archivo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file is not a PeerDesk export. Nothing was imported.</source>
        <translation>Este archivo no es una exportación de PeerDesk. No se ha importado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file is not a PeerDesk export: a file inside it is not encrypted. Nothing was imported.</source>
        <translation>Este archivo no es una exportación de PeerDesk: un archivo que contiene no está cifrado. No se ha importado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file was checked by another account; check it again.</source>
        <translation>Otra cuenta comprobó este archivo; vuelva a comprobarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This form holds too much text to keep as a draft.</source>
        <translation>Este formulario tiene demasiado texto para guardarlo como borrador.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is the last active administrator; add another one first.</source>
        <translation>Es el último administrador activo; añada otro primero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This meeting was cancelled; restore it before taking a register.</source>
        <translation>Esta reunión se canceló; restáurela antes de pasar lista.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This peer has not given consent to be quoted without their name. Record that consent on their page first.</source>
        <translation>Esta persona no ha dado su consentimiento para ser citada sin su nombre. Registre antes ese consentimiento en su página.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This peer is not assigned to you.</source>
        <translation>Este par no le está asignado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This range partly overlaps the published report {code}; it can be previewed only.</source>
        <translation>Este periodo se solapa en parte con el informe publicado {code}; solo se puede previsualizar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This record is no longer on the team server, or you may no longer see it.</source>
        <translation>Este registro ya no está en el servidor del equipo, o usted ya no puede verlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This vault can&apos;t be moved into the team as it is.</source>
        <translation>Esta bóveda no se puede pasar al equipo tal como está.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This vault is already open in another PeerDesk window on this computer. Close that one first.</source>
        <translation>Esta bóveda ya está abierta en otra ventana de PeerDesk en este equipo. Ciérrela primero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This vault was last opened by an older PeerDesk. Open it once in this PeerDesk (which brings it up to date), then move it. Nothing was changed.</source>
        <translation>Esta bóveda se abrió por última vez con un PeerDesk más antiguo. Ábrala una vez en este PeerDesk (que la pone al día) y luego pásela. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This vault was made by a newer version of PeerDesk. Install the newer version to open it. Nothing has been changed.</source>
        <translation>Esta bóveda la hizo una versión más reciente de PeerDesk. Instale la versión más reciente para abrirla. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This vault&apos;s casework was last opened by an older PeerDesk. Open it once in this PeerDesk, then move it. Nothing was changed.</source>
        <translation>El trabajo de casos de esta bóveda se abrió por última vez con un PeerDesk más antiguo. Ábrala una vez en este PeerDesk y luego pásela. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the modules they completed.</source>
        <translation>Marque los módulos que completó.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type how they describe their gender, or choose another option.</source>
        <translation>Escriba cómo describe su género, o elija otra opción.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the nickname “{nickname}” exactly to confirm. Nothing was deleted.</source>
        <translation>Escriba el apodo «{nickname}» exactamente para confirmar. No se ha eliminado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the reference code {ref} exactly to confirm. Nothing was deleted.</source>
        <translation>Escriba el código de referencia {ref} exactamente para confirmar. No se ha eliminado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown kind of draft: {kind}.</source>
        <translation>Tipo de borrador desconocido: {kind}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use at least {minimum} characters (a few words together work well).</source>
        <translation>Use al menos {minimum} caracteres (unas cuantas palabras juntas funcionan bien).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use at least {minimum} characters for an export&apos;s passphrase (four or five words together work well).</source>
        <translation>Use al menos {minimum} caracteres para la frase de contraseña de una exportación (cuatro o cinco palabras juntas funcionan bien).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use at most {maximum:,} characters.</source>
        <translation>Use como máximo {maximum:,} caracteres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use more different characters; repeated characters are easy to guess.</source>
        <translation>Use más caracteres distintos; los caracteres repetidos son fáciles de adivinar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voicemail OK</source>
        <translation>Buzón de voz sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What helped</source>
        <translation>Qué ayudó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is past the period has changed since the list was shown. Nothing was deleted; look again.</source>
        <translation>Lo que ha superado el periodo ha cambiado desde que se mostró la lista. No se ha eliminado nada; vuelva a mirar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done</source>
        <translation>Qué se hizo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done about the safety concern</source>
        <translation>Qué se hizo ante la preocupación por la seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was said</source>
        <translation>Lo que se dijo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What we will do</source>
        <translation>Lo que haremos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where to</source>
        <translation>Adónde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why not</source>
        <translation>Por qué no</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worker (account name)</source>
        <translation>Profesional (nombre de la cuenta)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write something first.</source>
        <translation>Escribe algo primero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year of birth (or date of birth)</source>
        <translation>Año de nacimiento (o fecha de nacimiento)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year of birth {year} is not plausible; leave it empty or choose an age band instead.</source>
        <translation>El año de nacimiento {year} no es verosímil; déjelo vacío o elija una franja de edad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can enter only your own hours.</source>
        <translation>Solo puedes introducir tus propias horas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can only log contacts you took yourself.</source>
        <translation>Solo puede registrar contactos que haya atendido usted.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can only log your own sessions.</source>
        <translation>Solo puede registrar sus propias sesiones.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can see only your own hours.</source>
        <translation>Solo puedes ver tus propias horas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can see only your own supervision.</source>
        <translation>Solo puedes ver tu propia supervisión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can see only your own supporter record. Programme leads and administrators keep the register.</source>
        <translation>Solo puedes ver tu propio registro de voluntario de apoyo. Los responsables del programa y los administradores llevan el registro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can&apos;t do that to your own account while signed in with it.</source>
        <translation>No puede hacer eso con su propia cuenta mientras ha iniciado sesión con ella.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You don&apos;t facilitate this group.</source>
        <translation>Usted no facilita este grupo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You signed in with a joining password an administrator gave you. Choose your own password now; the joining one then stops working.</source>
        <translation>Ha iniciado sesión con una contraseña de incorporación que le dio un administrador. Elija ahora su propia contraseña; la de incorporación dejará de funcionar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You wrote what was done about a safety concern: tick “Safety concern” too, or clear that text.</source>
        <translation>Ha escrito qué se hizo ante una preocupación por la seguridad: marque también «Preocupación por la seguridad», o borre ese texto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your access to peers&apos; records is being set up: it is ready after a colleague who already has it (a programme lead, caseworker or peer supporter) next signs in.</source>
        <translation>Se está preparando su acceso a los expedientes de las personas: estará listo cuando un colega que ya lo tiene (responsable del programa, trabajador/a del caso o acompañante de pares) vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your account on the team server has no keys yet: ask an administrator to add you again.</source>
        <translation>Su cuenta en el servidor del equipo aún no tiene claves: pida a un/a administrador/a que le añada de nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your account on the team server is no longer active, so this PC no longer keeps your copy of peers&apos; records.</source>
        <translation>Su cuenta en el servidor del equipo ya no está activa, así que este PC ya no guarda su copia de los registros de las personas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your journal key is not set up; sign out and in again.</source>
        <translation>Tu clave del diario no está configurada; sal y vuelve a entrar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your keys on the team server did not open with this password. If it was changed on another PC, use the new one.</source>
        <translation>Sus claves en el servidor del equipo no se abrieron con esta contraseña. Si se cambió en otro PC, use la nueva.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your role does not allow this.</source>
        <translation>Su rol no permite esto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your role does not open peers&apos; records.</source>
        <translation>Su rol no abre los registros de los pares.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your supervisor needs to have signed in once before you can share with them.</source>
        <translation>Tu supervisor tiene que haber entrado una vez antes de que puedas compartir con él.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a cell holds more than {limit:,} characters, far more than any note; the rest of the file was not read.</source>
        <translation>una celda tiene más de {limit:,} caracteres, mucho más que cualquier nota; el resto del archivo no se ha leído.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>differs from line {earlier} for the same peer key; one person&apos;s details must agree on every row.</source>
        <translation>no coincide con la línea {earlier} para la misma clave de persona; los datos de una persona deben coincidir en todas sus filas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty; every row needs the old spreadsheet&apos;s id for the person, so their rows stay together.</source>
        <translation>vacío; cada fila necesita el identificador de la persona en la hoja antigua, para que sus filas sigan juntas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line {line}: {column}: {message}</source>
        <translation>línea {line}: {column}: {message}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing; a row with session details needs the session&apos;s date, mode, kind and duration.</source>
        <translation>falta; una fila con datos de sesión necesita la fecha, la modalidad, el tipo y la duración de la sesión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing; every peer needs a preferred name or alias (on at least one of their rows).</source>
        <translation>falta; cada persona necesita un nombre preferido o alias (en al menos una de sus filas).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing; give the first contact date, or at least one session for this peer.</source>
        <translation>falta; indique la fecha del primer contacto, o al menos una sesión de esta persona.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no column of the file is chosen for “{what}”, which every row needs.</source>
        <translation>no se ha elegido ninguna columna del archivo para «{what}», que toda fila necesita.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no staff account has this name; leave it empty or use the account&apos;s name exactly.</source>
        <translation>ninguna cuenta del personal tiene este nombre; déjelo vacío o use exactamente el nombre de la cuenta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no staff account has this name; leave it empty to record the sessions as yours.</source>
        <translation>ninguna cuenta del personal tiene este nombre; déjelo vacío para registrar las sesiones como suyas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none of the first line&apos;s headings is one PeerDesk knows, so it may be data rather than headings. Put the headings on line 1 or choose the columns.</source>
        <translation>ninguno de los encabezados de la primera línea es uno que PeerDesk conozca, así que pueden ser datos y no encabezados. Ponga los encabezados en la línea 1 o elija las columnas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the channel is missing.</source>
        <translation>falta el canal.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the content hash differs</source>
        <translation>el hash del contenido es distinto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the date is missing.</source>
        <translation>falta la fecha.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the duration is missing.</source>
        <translation>falta la duración.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file has headings but no rows to import.</source>
        <translation>el archivo tiene encabezados pero ninguna fila que importar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file has no “{what}” column (the template&apos;s heading, or a common alternative).</source>
        <translation>el archivo no tiene la columna «{what}» (el encabezado de la plantilla, o una alternativa habitual).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the plain columns&apos; hash differs</source>
        <translation>el hash de las columnas sin cifrar es distinto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the time is missing (HH:MM, for example 21:40).</source>
        <translation>falta la hora (HH:MM, por ejemplo 21:40).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this account can&apos;t be assigned peers (it must be an active caseworker, peer supporter or programme lead).</source>
        <translation>a esta cuenta no se le pueden asignar pares (debe ser un trabajador de casos, un acompañante entre pares o un responsable de programa activo).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this row can&apos;t be read as CSV (often a stray quote mark); the rest of the file was not read.</source>
        <translation>esta fila no se puede leer como CSV (a menudo por unas comillas sueltas); el resto del archivo no se ha leído.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{account}&apos;s sign-in holds no authority key of the vault. Nothing was changed.</source>
        <translation>El inicio de sesión de {account} no tiene la clave de autoridad de la bóveda. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} asks for sslmode {mode}; PeerDesk connects over the network only with verify-full (TLS, with the server&apos;s certificate checked).</source>
        <translation>{path} pide sslmode {mode}; PeerDesk solo se conecta por la red con verify-full (TLS, comprobando el certificado del servidor).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} has no CA certificate for the server; PeerDesk needs it to check the server is the centre&apos;s own (TLS verify-full).</source>
        <translation>{path} no tiene el certificado de la CA del servidor; PeerDesk lo necesita para comprobar que el servidor es el del centro (TLS verify-full).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a PeerDesk team connection file.</source>
        <translation>{path} no es un archivo de conexión de equipo de PeerDesk.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} needs a host, a port and a database.</source>
        <translation>{path} necesita un servidor, un puerto y una base de datos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} was written by a newer PeerDesk; update PeerDesk on this PC.</source>
        <translation>{path} lo escribió un PeerDesk más reciente; actualice PeerDesk en este PC.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title} has {questions} questions; {answers} answers were given.</source>
        <translation>{title} tiene {questions} preguntas; se dieron {answers} respuestas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{user} may not connect to the team database {database}.</source>
        <translation>{user} no puede conectarse a la base de datos del equipo {database}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} ({date}) is before {year}; please check the year.</source>
        <translation>{what} ({date}) es anterior a {year}; compruebe el año.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} ({date}) is more than {years} years ahead; please check the year.</source>
        <translation>{what} ({date}) está a más de {years} años vista; compruebe el año.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} can be at most {maximum:,} characters (this is {length:,}).</source>
        <translation>{what} puede tener como máximo {maximum:,} caracteres (este tiene {length:,}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} can&apos;t be empty.</source>
        <translation>{what} no puede quedar vacío.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} can&apos;t be empty: say why, for the record.</source>
        <translation>{what} no puede quedar vacío: diga el motivo, para que conste.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} can&apos;t be in the future ({date}).</source>
        <translation>{what} no puede ser futura ({date}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} contains invisible control characters; please retype it.</source>
        <translation>{what} contiene caracteres de control invisibles; vuelva a escribirlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} must be a real date written as YYYY-MM-DD (for example 2026-03-31).</source>
        <translation>{what} debe ser una fecha real escrita como AAAA-MM-DD (por ejemplo 2026-03-31).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} must be a time of day written as HH:MM (for example 21:40).</source>
        <translation>{what} debe ser una hora del día escrita como HH:MM (por ejemplo 21:40).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} must be on one line.</source>
        <translation>{what} debe ocupar una sola línea.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} “{value}” is not a date; write it as {formats}.</source>
        <translation>{what} «{value}» no es una fecha; escríbala como {formats}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} “{value}” is not a real date.</source>
        <translation>{what} «{value}» no es una fecha real.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} “{value}” is not one of: {allowed}.</source>
        <translation>{what} «{value}» no es ninguno de estos: {allowed}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} “{value}” should be yes or no.</source>
        <translation>{what} «{value}» debe ser sí o no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} “{value}” should be yes, no or not asked.</source>
        <translation>{what} «{value}» debe ser sí, no o no preguntado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: contains invisible control characters (often left by copying and pasting); please retype that part.</source>
        <translation>{what}: contiene caracteres de control invisibles (a menudo quedan al copiar y pegar); vuelva a escribir esa parte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{key}” is not one of PeerDesk&apos;s import fields: {fields}.</source>
        <translation>«{key}» no es uno de los campos de importación de PeerDesk: {fields}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not a channel PeerDesk knows ({names}).</source>
        <translation>«{value}» no es un canal que PeerDesk conozca ({names}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not an active account that takes contacts.</source>
        <translation>«{value}» no es una cuenta activa que atienda contactos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not an age band; use one of {allowed}, or an age in years.</source>
        <translation>«{value}» no es una franja de edad; use una de {allowed}, o una edad en años.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not an outcome ({names}).</source>
        <translation>«{value}» no es un resultado ({names}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not one of the centre&apos;s contact topics (the list is empty).</source>
        <translation>«{value}» no está entre los temas de contacto del centro (la lista está vacía).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not one of the centre&apos;s contact topics ({listed}).</source>
        <translation>«{value}» no está entre los temas de contacto del centro ({listed}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not one of the centre&apos;s directory services (the list is empty).</source>
        <translation>«{value}» no está entre los servicios del directorio del centro (la lista está vacía).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not one of the centre&apos;s directory services ({listed}).</source>
        <translation>«{value}» no está entre los servicios del directorio del centro ({listed}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not one of the centre&apos;s regions (the list is empty).</source>
        <translation>«{value}» no está entre las regiones del centro (la lista está vacía).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not one of the centre&apos;s regions ({listed}).</source>
        <translation>«{value}» no está entre las regiones del centro ({listed}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” should be first time, returning or not known.</source>
        <translation>«{value}» debe ser primera vez, repite o no se sabe.</translation>
    </message>
</context>
<context>
    <name>NeutralScreen</name>
    <message>
        <location filename="../../src/peerdesk/ui/quick_hide.py" line="+84"/>
        <source>Locked.</source>
        <translation>Bloqueado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue to sign in</source>
        <translation>Continuar para iniciar sesión</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <location filename="../../src/peerdesk/ui/password_fields.py" line="+15"/>
        <source>Too short</source>
        <translation>Demasiado corta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weak</source>
        <translation>Débil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fair</source>
        <translation>Aceptable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strong</source>
        <translation>Fuerte</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>At least 10 characters; a few words work well</source>
        <translation>Al menos 10 caracteres; unas cuantas palabras funcionan bien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the new password again</source>
        <translation>Escriba otra vez la contraseña nueva</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password strength</source>
        <translation>Solidez de la contraseña</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Password:</source>
        <translation>Co&amp;ntraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strength:</source>
        <translation>Solidez:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Confirm password:</source>
        <translation>&amp;Confirmar contraseña:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>NewVaultQuestion</name>
    <message>
        <location filename="../../src/peerdesk/ui/new_vault_question.py" line="+27"/>
        <source>There is no PeerDesk vault at:

{path}

Set up a new centre there?</source>
        <translation>No hay ninguna bóveda de PeerDesk en:

{path}

¿Crear un centro nuevo ahí?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If you meant to open an existing vault, check the location (a typing mistake, or a USB stick that is not plugged in) and start PeerDesk again.</source>
        <translation>Si quería abrir una bóveda existente, compruebe la ubicación (un error al escribirla, o una memoria USB sin conectar) y vuelva a iniciar PeerDesk.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Set up a new centre there…</source>
        <translation>&amp;Crear un centro nuevo ahí…</translation>
    </message>
</context>
<context>
    <name>NoAccessPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/no_access.py" line="+16"/>
        <source>Your role ({role}) looks after accounts and backups and does not include peers&apos; records, so there is nothing to show here. Caseworkers, peer supporters and programme leads work with peers.</source>
        <translation>Su función ({role}) se ocupa de cuentas y copias de seguridad y no incluye los registros de las personas, así que aquí no hay nada que mostrar. Trabajan con las personas quienes llevan casos, dan apoyo entre pares o coordinan programas.</translation>
    </message>
</context>
<context>
    <name>OfficeHoursEditor</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/settings_dialog.py" line="-60"/>
        <source>Opens at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closes at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save office hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Opens at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Closes at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The report counts contacts outside these hours as out of hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved: {hours}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverdueModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="+51"/>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/voice/dialogs.py" line="-129"/>
        <source>Change the mentoring pair</source>
        <translation>Cambiar la pareja de mentoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a mentoring pair</source>
        <translation>Iniciar una pareja de mentoría</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+19"/>
        <source>Choose a peer…</source>
        <translation>Elija una persona…</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>A &amp;supporter</source>
        <translation>Una persona de &amp;apoyo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An e&amp;xperienced peer</source>
        <translation>Una persona con e&amp;xperiencia</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a supporter…</source>
        <translation>Elija una persona de apoyo…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Goals</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Peer mentored</source>
        <translation>&amp;Persona acompañada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mentor</source>
        <translation>&amp;Mentora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tarts on</source>
        <translation>&amp;Empieza el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ends on</source>
        <translation>&amp;Termina el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional. Meetings are the peer&apos;s sessions of kind Mentoring between these dates.</source>
        <translation>Opcional. Los encuentros son las sesiones de tipo Mentoría de la persona entre estas fechas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Goals</source>
        <translation>&amp;Objetivos</translation>
    </message>
</context>
<context>
    <name>PairModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/voice/page.py" line="+83"/>
        <source> (peer)</source>
        <translation> (persona)</translation>
    </message>
</context>
<context>
    <name>PeerAttendanceTab</name>
    <message>
        <location filename="../../src/peerdesk/ui/groups/peer_attendance.py" line="+25"/>
        <source>Groups of this peer</source>
        <translation>Grupos de esta persona</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attendance of this peer</source>
        <translation>Asistencia de esta persona</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Attended {attended} of {marked} meetings they were marked for.</source>
        <translation>Asistió a {attended} de {marked} reuniones en las que se la marcó.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not on any register yet.</source>
        <translation>Aún no figura en ninguna lista.</translation>
    </message>
</context>
<context>
    <name>PeerDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/peer_dialog.py" line="+37"/>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Woman</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Man</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-binary</source>
        <translation>No binario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In their own words…</source>
        <translation>Con sus propias palabras…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefers not to say</source>
        <translation>Prefiere no decirlo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not asked yet</source>
        <translation>Aún no se ha preguntado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not OK</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Staff member {n}</source>
        <translation>Miembro del personal {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>— Nobody yet —</source>
        <translation>— Nadie todavía —</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Change details</source>
        <translation>Cambiar datos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a peer</source>
        <translation>Añadir una persona</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preferred name or alias</source>
        <translation>Nombre preferido o alias</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 1991</source>
        <translation>p. ej. 1991</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year of birth</source>
        <translation>Año de nacimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known</source>
        <translation>Se desconoce</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age band</source>
        <translation>Franja de edad</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>How they describe their gender</source>
        <translation>Cómo describe su género</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. English, Romanian</source>
        <translation>p. ej. inglés, rumano</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferred name or alias *</source>
        <translation>Nombre &amp;preferido o alias *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Full name</source>
        <translation>Nombre &amp;completo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only if they want it recorded.</source>
        <translation>Solo si quiere que conste.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Year of birth / age band</source>
        <translation>&amp;Año de nacimiento / franja de edad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gender</source>
        <translation>&amp;Género</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Languages</source>
        <translation>&amp;Idiomas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nationality</source>
        <translation>&amp;Nacionalidad</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First &amp;contact by</source>
        <translation>Primer &amp;contacto por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact &amp;date</source>
        <translation>&amp;Fecha del primer contacto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Status</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed o&amp;n</source>
        <translation>Cerrado &amp;el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for closing</source>
        <translation>Motivo del cierre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case&amp;worker</source>
        <translation>&amp;Trabajador/a de casos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer s&amp;upporter</source>
        <translation>Persona de a&amp;poyo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do &amp;not contact them at all</source>
        <translation>&amp;No contactar en absoluto</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Texts</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voicemail</source>
        <translation>Buzón de voz</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>e.g. texts only after 6 pm</source>
        <translation>p. ej. mensajes solo después de las 18:00</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept hidden</source>
        <translation>Se mantiene oculta</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Never shown in the safe-contact banner</source>
        <translation>Nunca se muestra en el aviso de contacto seguro</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Code word</source>
        <translation>Palabra clave</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="-162"/>
        <source>⚠ Ask how it&apos;s safe to contact them before calling or texting.</source>
        <translation>⚠ Pregunte cómo es seguro contactar con la persona antes de llamar o enviar mensajes.</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Safe &amp;times</source>
        <translation>&amp;Horarios seguros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code wor&amp;d</source>
        <translation>Pala&amp;bra clave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other safety notes</source>
        <translation>Otras notas de seguridad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About them</source>
        <translation>Sobre la persona</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Casework</source>
        <translation>Caso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Safe contact</source>
        <translation>Contacto seguro</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add peer</source>
        <translation>Añadir persona</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Year of birth must be a year such as 1991.</source>
        <translation>El año de nacimiento debe ser un año como 1991.</translation>
    </message>
</context>
<context>
    <name>PeerListModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/list_model.py" line="+40"/>
        <source>{date} (overdue)</source>
        <translation>{date} (atrasado)</translation>
    </message>
</context>
<context>
    <name>PeerListPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/list_parts.py" line="+20"/>
        <source>No peers yet. Press Ctrl+N or “Add peer…” to add the first person the centre supports — only a preferred name or alias is needed.</source>
        <translation>Aún no hay personas. Pulse Ctrl+N o «Añadir persona…» para añadir a la primera persona que apoya el centro; solo hace falta un nombre preferido o alias.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody matches. Try the start of a name or alias, a full name, or a reference such as P-0042 — or clear the filters.</source>
        <translation>Nadie coincide. Pruebe con el principio de un nombre o alias, un nombre completo o una referencia como P-0042, o quite los filtros.</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/peers/list_page.py" line="+40"/>
        <source>Search by name, alias, full name or reference (P-0042)…</source>
        <translation>Buscar por nombre, alias, nombre completo o referencia (P-0042)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search peers</source>
        <translation>Buscar personas</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/peers/list_parts.py" line="+8"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/peers/list_page.py" line="+4"/>
        <source>Caseworker</source>
        <translation>Trabajador/a de casos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;My caseload</source>
        <translation>&amp;Mis casos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add peer…</source>
        <translation>&amp;Añadir persona…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a peer (Ctrl+N)</source>
        <translation>Añadir una persona (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import from spreadsheet…</source>
        <translation>&amp;Importar desde hoja de cálculo…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of peers shown</source>
        <translation>Número de personas mostradas</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Peers</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Any caseworker</source>
        <translation>Cualquier trabajador/a de casos</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/peers/list_parts.py" line="+30"/>
        <source>{n:,} peer matches</source>
        <translation>{n:,} persona coincide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} peers match</source>
        <translation>{n:,} personas coinciden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n:,} peer</source>
        <translation>{n:,} persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} peers</source>
        <translation>{n:,} personas</translation>
    </message>
</context>
<context>
    <name>PeerPageView</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/peer_page.py" line="+160"/>
        <source>← Back to the list</source>
        <translation>← Volver a la lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the list (Esc or Alt+Left)</source>
        <translation>Volver a la lista (Esc o Alt+Izquierda)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit details…</source>
        <translation>&amp;Editar datos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log session…</source>
        <translation>&amp;Registrar sesión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a one-to-one session (Ctrl+Shift+S)</source>
        <translation>Registrar una sesión individual (Ctrl+Mayús+S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re&amp;quests</source>
        <translation>&amp;Solicitudes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export everything held (subject access)…</source>
        <translation>Exportar todo lo que se guarda (derecho de acceso)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erase this person…</source>
        <translation>Borrar a esta persona…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Overview</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Timeline</source>
        <translation>&amp;Cronología</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Consent</source>
        <translation>&amp;Consentimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Referrals</source>
        <translation>&amp;Derivaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;utcomes</source>
        <translation>&amp;Resultados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mentorin&amp;g &amp;&amp; quotes</source>
        <translation>Mentorí&amp;a y citas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Atte&amp;ndance</source>
        <translation>A&amp;sistencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Audit trail</source>
        <translation>&amp;Historial de auditoría</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Mark &amp;done</source>
        <translation>Marcar como &amp;hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No open follow-ups.</source>
        <translation>No hay seguimientos abiertos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open follow-ups</source>
        <translation>Seguimientos abiertos</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose a session to read its notes here.</source>
        <translation>Elija una sesión para leer aquí sus notas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes of the chosen entry</source>
        <translation>Notas de la entrada elegida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hange session…</source>
        <translation>&amp;Cambiar sesión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete session…</source>
        <translation>Borrar sesión…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Record &amp;consent…</source>
        <translation>Registrar &amp;consentimiento…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Retirar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A peer whose statistics consent is withdrawn is left out of every report.</source>
        <translation>Una persona que retira el consentimiento para estadísticas queda fuera de todos los informes.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+13"/>
        <source>Mentoring pairs</source>
        <translation>Parejas de mentoría</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Quotes</source>
        <translation>Citas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a &amp;mentoring pair…</source>
        <translation>Iniciar una pareja de &amp;mentoría…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a &amp;quote…</source>
        <translation>Guardar una &amp;cita…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mentoring meetings are sessions of kind Mentoring. A quote needs their consent to be quoted.</source>
        <translation>Los encuentros de mentoría son sesiones de tipo Mentoría. Una cita necesita su consentimiento para ser citada.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Their words (quotes)</source>
        <translation>Sus palabras (citas)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not in a mentoring pair.</source>
        <translation>No está en ninguna pareja de mentoría.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No quotes saved.</source>
        <translation>No hay citas guardadas.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add &amp;referral…</source>
        <translation>Añadir &amp;derivación…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chan&amp;ge…</source>
        <translation>Cam&amp;biar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct the selected referral&apos;s date, where to or status (Enter or double-click)</source>
        <translation>Corregir la fecha, el destino o el estado de la derivación seleccionada (Intro o doble clic)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mark as:</source>
        <translation>Marcar como:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Measure shown in the chart</source>
        <translation>Medida que muestra el gráfico</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record a &amp;rating…</source>
        <translation>Registrar una &amp;valoración…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct a ratin&amp;g…</source>
        <translation>Corre&amp;gir una valoración…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete a rat&amp;ing…</source>
        <translation>Borrar una valorac&amp;ión…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Everything done to this record, newest first. Opening this list is itself recorded.</source>
        <translation>Todo lo hecho con este registro, lo más reciente primero. Abrir esta lista también queda registrado.</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>{title} — {n} rating</source>
        <translation>{title} — {n} valoración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{title} — {n} ratings</source>
        <translation>{title} — {n} valoraciones</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Listening-service contact from before they became a peer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Safety concern: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+84"/>
        <location line="+4"/>
        <source>Delete session</source>
        <translation>Borrar sesión</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Delete the session of {date} and its notes? The deletion is recorded in the audit log. This can&apos;t be undone.</source>
        <translation>¿Borrar la sesión del {date} y sus notas? El borrado queda en el registro de auditoría. Esto no se puede deshacer.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+3"/>
        <source>Withdraw consent</source>
        <translation>Retirar consentimiento</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Record that consent to “{scope}” is withdrawn from today?</source>
        <translation>¿Registrar que el consentimiento para «{scope}» se retira desde hoy?</translation>
    </message>
</context>
<context>
    <name>PeerPicker</name>
    <message>
        <location filename="../../src/peerdesk/ui/sessions/session_dialog.py" line="+55"/>
        <source>Type a name, alias or reference…</source>
        <translation>Escriba un nombre, alias o referencia…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer</source>
        <translation>Persona</translation>
    </message>
</context>
<context>
    <name>PeerSuggestBox</name>
    <message>
        <location filename="../../src/peerdesk/ui/groups/suggest.py" line="+36"/>
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../src/peerdesk/ui/reports/period_picker.py" line="+52"/>
        <location line="+9"/>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+16"/>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+19"/>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Custom range</source>
        <translation>Intervalo a medida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of period</source>
        <translation>Tipo de periodo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;eriod:</source>
        <translation>Pe&amp;riodo:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Year of the month</source>
        <translation>Año del mes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Q1 (Jan–Mar)</source>
        <translation>T1 (ene–mar)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Q2 (Apr–Jun)</source>
        <translation>T2 (abr–jun)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q3 (Jul–Sep)</source>
        <translation>T3 (jul–sep)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Q4 (Oct–Dec)</source>
        <translation>T4 (oct–dic)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Year of the quarter</source>
        <translation>Año del trimestre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>First day of the range</source>
        <translation>Primer día del intervalo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last day of the range</source>
        <translation>Último día del intervalo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The range ends before it starts: choose a last day on or after the first day.</source>
        <translation>El intervalo termina antes de empezar: elija un último día igual o posterior al primero.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../src/peerdesk/ui/printing.py" line="+45"/>
        <source>Print the recovery key</source>
        <translation>Imprimir la clave de recuperación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PeerDesk recovery key</source>
        <translation>Clave de recuperación de PeerDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For: {centre}</source>
        <translation>Para: {centre}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anyone holding this key can open the vault. Keep it locked away.</source>
        <translation>Quien tenga esta clave puede abrir la bóveda. Guárdela bajo llave.</translation>
    </message>
</context>
<context>
    <name>QuoteDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/voice/dialogs.py" line="+99"/>
        <source>Change the quote</source>
        <translation>Cambiar la cita</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save a quote</source>
        <translation>Guardar una cita</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a peer…</source>
        <translation>Elija una persona…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The quote</source>
        <translation>La cita</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Peer</source>
        <translation type="unfinished">&amp;Persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs their consent “May be quoted, without my name, in reports”.</source>
        <translation>Necesita su consentimiento «Se me puede citar, sin mi nombre, en los informes».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Said on</source>
        <translation>&amp;Dicho el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their &amp;words</source>
        <translation>Sus &amp;palabras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave out names, places, reference codes, phone numbers and emails. A programme lead approves each quote before a report prints it.</source>
        <translation>Deje fuera nombres, lugares, códigos de referencia, teléfonos y correos. Una persona responsable del programa aprueba cada cita antes de que un informe la imprima.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%d of %d characters</source>
        <translation>%d de %d caracteres</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This may identify someone: it contains %s. Change it, or press Save anyway.</source>
        <translation>Esto podría identificar a alguien: contiene %s. Cámbielo o pulse Guardar de todos modos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save an&amp;yway</source>
        <translation>Guardar de &amp;todos modos</translation>
    </message>
</context>
<context>
    <name>QuoteModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/voice/page.py" line="+71"/>
        <source>May identify: %s</source>
        <translation>Podría identificar: %s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Current</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>Retirado</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/record_dialogs.py" line="-116"/>
        <source>Correct a rating</source>
        <translation>Corregir una valoración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a rating</source>
        <translation>Registrar una valoración</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Measure</source>
        <translation>&amp;Medida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Why it is being corrected</source>
        <translation>Por qué se corrige</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reason *</source>
        <translation>&amp;Motivo *</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>— choose —</source>
        <translation>— elija —</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Declined to answer</source>
        <translation>Prefirió no responder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined to answer question {n}</source>
        <translation>Prefirió no responder a la pregunta {n}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Question {n} has no answer: choose one, or tick “Declined to answer”.</source>
        <translation>La pregunta {n} no tiene respuesta: elija una o marque «Prefirió no responder».</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/recovery_dialog.py" line="+35"/>
        <source>Use the recovery key</source>
        <translation>Usar la clave de recuperación</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX</source>
        <translation>XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the recovery key printed when PeerDesk was set up. Upper or lower case and the dashes don&apos;t matter.</source>
        <translation>Escriba la clave de recuperación que se imprimió al configurar PeerDesk. Las mayúsculas, minúsculas y los guiones no importan.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Administrator account</source>
        <translation>Cuenta de administración</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Set password and sign in</source>
        <translation>&amp;Poner contraseña y entrar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key is right. Choose the administrator account and give it a new password. Other staff keep their own passwords.</source>
        <translation>La clave es correcta. Elija la cuenta de administración y póngale una contraseña nueva. El resto del personal conserva sus contraseñas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Administrator:</source>
        <translation>&amp;Administración:</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose an administrator account.</source>
        <translation>Elija una cuenta de administración.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/setup_wizard.py" line="+92"/>
        <source>Your recovery key</source>
        <translation>Su clave de recuperación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is shown only this once.</source>
        <translation>Solo se muestra esta vez.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print the key…</source>
        <translation>&amp;Imprimir la clave…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I have &amp;stored the recovery key safely</source>
        <translation>He &amp;guardado la clave de recuperación en un lugar seguro</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If every staff password is forgotten, this key is the only way back into the records. Print it or write it down exactly.</source>
        <translation>Si se olvidan todas las contraseñas del personal, esta clave es la única forma de volver a los registros. Imprímala o cópiela exactamente.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Sent to the printer. Check the page before you store it.</source>
        <translation>Enviada a la impresora. Revise la hoja antes de guardarla.</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/record_dialogs.py" line="-128"/>
        <source>Correct a referral</source>
        <translation>Corregir una derivación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a referral</source>
        <translation>Añadir una derivación</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Referred &amp;to</source>
        <translation>Derivado &amp;a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Where</source>
        <translation>&amp;Dónde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status</source>
        <translation>&amp;Estado</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/groups/models.py" line="-203"/>
        <source>— not marked —</source>
        <translation>— sin marcar —</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>no longer a member</source>
        <translation>ya no es miembro</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/groups/register_page.py" line="+45"/>
        <source>Type letters to jump to a person · ↑/↓ move · Space changes the mark · 1 attended · 2 apologies · 3 did not attend · 0 clears · Enter saves · Esc leaves</source>
        <translation>Escriba letras para ir a una persona · ↑/↓ mover · Espacio cambia la marca · 1 asistió · 2 se excusó · 3 no asistió · 0 borra · Intro guarda · Esc sale</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{n} attended</source>
        <translation>{n} asistieron</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} apologies</source>
        <translation>{n} se excusaron</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} did not attend</source>
        <translation>{n} no asistieron</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} walk-in</source>
        <translation>{n} sin cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} walk-ins</source>
        <translation>{n} sin cita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>head-count {n}</source>
        <translation>recuento {n}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} not marked yet</source>
        <translation>{n} aún sin marcar</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>← Back to the group</source>
        <translation>← Volver al grupo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Jump to… type a few letters of a name</source>
        <translation>Ir a… escriba unas letras de un nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump to a person</source>
        <translation>Ir a una persona</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add walk-in… type a few letters, then Enter</source>
        <translation>Añadir sin cita… escriba unas letras y pulse Intro</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Register</source>
        <translation>Lista</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Anonymous head-count</source>
        <translation>Recuento anónimo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People who came but want no record: a number, no names</source>
        <translation>Personas que vinieron pero no quieren constar: un número, sin nombres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Register summary</source>
        <translation>Resumen de la lista</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save register</source>
        <translation>&amp;Guardar lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save (Enter or Ctrl+Return)</source>
        <translation>Guardar (Intro o Ctrl+Intro)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Anonymous &amp;head-count:</source>
        <translation>&amp;Recuento anónimo:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>people who came but want no record</source>
        <translation>personas que vinieron pero no quieren constar</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Register — {group}</source>
        <translation>Lista — {group}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changing a register already taken</source>
        <translation>cambiando una lista ya pasada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new register</source>
        <translation>lista nueva</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Nobody on this register starts with that — add them as a walk-in instead?</source>
        <translation>Nadie en esta lista empieza así. ¿Añadirla como persona sin cita?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>already on the register</source>
        <translation>ya está en la lista</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Not saved: {reason} Your marks are still here.</source>
        <translation>No se guardó: {reason} Sus marcas siguen aquí.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+2"/>
        <source>Discard marks</source>
        <translation>Descartar marcas</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>This register has marks that are not saved. Leave without saving them?</source>
        <translation>Esta lista tiene marcas sin guardar. ¿Salir sin guardarlas?</translation>
    </message>
</context>
<context>
    <name>ReleaseHistory</name>
    <message>
        <location filename="../../src/peerdesk/ui/reports/release_history.py" line="+17"/>
        <source>Release</source>
        <translation>Publicación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What changed</source>
        <translation>Qué cambió</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Published reports</source>
        <translation>Informes publicados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every report published, with its revisions. Publishing a period again prints the same figures unless they changed.</source>
        <translation>Cada informe publicado, con sus revisiones. Publicar de nuevo un periodo imprime las mismas cifras salvo que hayan cambiado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First release</source>
        <translation>Primera publicación</translation>
    </message>
</context>
<context>
    <name>ReportSettingsDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/reports/settings_dialog.py" line="+57"/>
        <source>Report settings</source>
        <translation>Ajustes del informe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Centre name on the cover</source>
        <translation>Nombre del centro en la portada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Smallest count shown</source>
        <translation>Menor recuento que se muestra</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rounding</source>
        <translation>Redondeo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose logo…</source>
        <translation>&amp;Elegir logotipo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a logo</source>
        <translation>Elegir un logotipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move logo</source>
        <translation>&amp;Quitar logotipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the logo</source>
        <translation>Quitar el logotipo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Centre &amp;name:</source>
        <translation>&amp;Nombre del centro:</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Counts from 1 to one less than this are never printed: they are hidden as “*”.</source>
        <translation>Los recuentos de 1 hasta uno menos que este nunca se imprimen: se ocultan como «*».</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add an “In their &amp;words” page: approved quotes whose consent is current when printed</source>
        <translation>Añadir una página «En sus &amp;palabras»: citas aprobadas cuyo consentimiento esté vigente al imprimir</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Hide counts &amp;below k =</source>
        <translation>Ocultar recuentos &amp;menores que k =</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;ounding:</source>
        <translation>R&amp;edondeo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paper:</source>
        <translation>&amp;Papel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quotes:</source>
        <translation>Citas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo on the cover:</source>
        <translation>Logotipo en la portada:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The logo is kept inside the encrypted vault: a PNG or JPEG of at most 1 MB.</source>
        <translation>El logotipo se guarda dentro de la bóveda cifrada: un PNG o JPEG de 1 MB como máximo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No logo</source>
        <translation>Sin logotipo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the centre&apos;s logo</source>
        <translation>Elija el logotipo del centro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Logo not used</source>
        <translation>Logotipo no usado</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The centre&apos;s name</source>
        <translation>El nombre del centro</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Settings not saved</source>
        <translation>Ajustes no guardados</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/reports/reports_page.py" line="+89"/>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Prepare report</source>
        <translation>&amp;Preparar informe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count the figures for this period (Ctrl+R)</source>
        <translation>Contar las cifras de este periodo (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepare report</source>
        <translation>Preparar informe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report se&amp;ttings…</source>
        <translation>&amp;Ajustes del informe…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report settings</source>
        <translation>Ajustes del informe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Problem with the period</source>
        <translation>Problema con el periodo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preparing the report</source>
        <translation>Preparando el informe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preparing the report…</source>
        <translation>Preparando el informe…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel preparing the report</source>
        <translation>Cancelar la preparación del informe</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Report preview</source>
        <translation>Vista previa del informe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a period and press Prepare report. The figures appear here exactly as they will be printed: small counts hidden, no names.</source>
        <translation>Elija un periodo y pulse Preparar informe. Las cifras aparecen aquí tal como se imprimirán: recuentos pequeños ocultos, sin nombres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save P&amp;DF…</source>
        <translation>Guardar P&amp;DF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+230"/>
        <source>Save the report as PDF</source>
        <translation>Guardar el informe como PDF</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>Save C&amp;SV…</source>
        <translation>Guardar C&amp;SV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+231"/>
        <source>Save the report&apos;s tables as CSV</source>
        <translation>Guardar las tablas del informe como CSV</translation>
    </message>
    <message>
        <location line="-230"/>
        <source>P&amp;rint…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+261"/>
        <source>Print the report</source>
        <translation>Imprimir el informe</translation>
    </message>
    <message>
        <location line="-260"/>
        <source>P&amp;ublish…</source>
        <translation>P&amp;ublicar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+177"/>
        <source>Publish the report</source>
        <translation>Publicar el informe</translation>
    </message>
    <message>
        <location line="-175"/>
        <location line="+58"/>
        <source>Record this report as published, so it prints the same figures every time. A preview is marked &apos;not for publication&apos; on every page.</source>
        <translation>Registrar este informe como publicado, para que imprima siempre las mismas cifras. Una vista previa lleva «no apta para publicación» en cada página.</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Report status</source>
        <translation>Estado del informe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Published reports</source>
        <translation>Informes publicados</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Preparing the report for %s…</source>
        <translation>Preparando el informe de %s…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancelled: no report was prepared.</source>
        <translation>Cancelado: no se preparó ningún informe.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Prepared: %s. This is a preview, not for publication.</source>
        <translation>Preparado: %s. Es una vista previa, no apta para publicación.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Published release %s.</source>
        <translation>Publicado: %s.</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/reports/release_history.py" line="+17"/>
        <source>Release %s was published before and its figures have not changed: here it is again.</source>
        <translation>La publicación %s ya se hizo y sus cifras no han cambiado: aquí está de nuevo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revised with it: %s.</source>
        <translation>Revisado con ella: %s.</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/reports/reports_page.py" line="+7"/>
        <source>Report not prepared</source>
        <translation>Informe no preparado</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Publish the report for %s?

It is recorded in the vault as a release: publishing this period again prints the same figures, and figures that change later come out only as a numbered revision.</source>
        <translation>¿Publicar el informe de %s?

Queda registrado en la bóveda como publicación: publicar de nuevo este periodo imprime las mismas cifras, y las cifras que cambien después solo salen como una revisión numerada.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Publishing the report for %s…</source>
        <translation>Publicando el informe de %s…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Settings saved. Prepare the report again to use them.</source>
        <translation>Ajustes guardados. Prepare el informe de nuevo para usarlos.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved %s (%d pages).</source>
        <translation>Guardado %s (%d páginas).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %s.</source>
        <translation>Guardado %s.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report not saved</source>
        <translation>Informe no guardado</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/staff_dialogs.py" line="-34"/>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new first password for {name}. They will be asked to choose their own when they next sign in.</source>
        <translation>Una nueva primera contraseña para {name}. Se le pedirá que elija la suya la próxima vez que inicie sesión.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new first password for {name}. They will be asked to choose their own when they next sign in. This also reactivates the account.</source>
        <translation>Una nueva primera contraseña para {name}. Se le pedirá que elija la suya la próxima vez que inicie sesión. Esto también reactiva la cuenta.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Reset password</source>
        <translation>&amp;Restablecer contraseña</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/restore_dialog.py" line="+38"/>
        <source>The recovery key</source>
        <translation>La clave de recuperación</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken {taken} (vault version {version}).
Holds {counts}.</source>
        <translation>Hecha el {taken} (versión de bóveda {version}).
Contiene {counts}.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Restore a backup</source>
        <translation>Restaurar una copia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backup file</source>
        <translation>Archivo de copia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open it with</source>
        <translation>Abrirla con</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password or recovery key</source>
        <translation>Contraseña o clave de recuperación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show what it holds</source>
        <translation>&amp;Ver qué contiene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a backup and type a password that opened the vault then, or the recovery key.</source>
        <translation>Elija una copia y escriba una contraseña que abría la bóveda entonces, o la clave de recuperación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the backup holds</source>
        <translation>Qué contiene la copia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New vault location</source>
        <translation>Ubicación de la bóveda nueva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore result</source>
        <translation>Resultado de la restauración</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backup &amp;file:</source>
        <translation>&amp;Archivo de copia:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New vault:</source>
        <translation>Bóveda &amp;nueva:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open it with:</source>
        <translation>A&amp;brirla con:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password or key:</source>
        <translation>&amp;Contraseña o clave:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Restore as a new vault</source>
        <translation>&amp;Restaurar como bóveda nueva</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose a backup</source>
        <translation>Elija una copia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PeerDesk backups (*.peerdesk)</source>
        <translation>Copias de PeerDesk (*.peerdesk)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where should the restored vault go?</source>
        <translation>¿Dónde debe ir la bóveda restaurada?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk vaults (*.peerdesk)</source>
        <translation>Bóvedas de PeerDesk (*.peerdesk)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Restoring…</source>
        <translation>Restaurando…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Restored into a new vault: {path}

This vault is unchanged. To open the restored one, start PeerDesk with:
    {command}</source>
        <translation>Restaurada en una bóveda nueva: {path}

Esta bóveda no ha cambiado. Para abrir la restaurada, inicie PeerDesk con:
    {command}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing was restored. {reason}</source>
        <translation>No se restauró nada. {reason}</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/retention_page.py" line="+66"/>
        <source>Closed records are kept for this many years after they were closed, then listed here for review. Deleting one removes the person and everything about them, as erasure does; meetings&apos; anonymous head-counts stay. The audit log records how many were deleted and their reference codes, never a name.</source>
        <translation>Los registros cerrados se guardan estos años después de cerrarse y luego aparecen aquí para revisarlos. Borrar uno elimina a la persona y todo lo relativo a ella, como el borrado; los recuentos anónimos de las reuniones se quedan. El registro de auditoría anota cuántos se borraron y sus códigos de referencia, nunca un nombre.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> years</source>
        <translation> años</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep closed records for this many years</source>
        <translation>Guardar los registros cerrados estos años</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keep closed records for</source>
        <translation>&amp;Guardar los registros cerrados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed records past the retention period</source>
        <translation>Registros cerrados que superan el periodo de conservación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select &amp;all</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete selected…</source>
        <translation>&amp;Borrar seleccionados…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>1 closed record is past the period.</source>
        <translation>1 registro cerrado supera el periodo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} closed records are past the period.</source>
        <translation>{n} registros cerrados superan el periodo.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saved: closed records are kept for {years} years.</source>
        <translation>Guardado: los registros cerrados se guardan {years} años.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete 1 closed record and everything about that person, for good? Meetings&apos; anonymous head-counts stay. This can&apos;t be undone.</source>
        <translation>¿Borrar para siempre 1 registro cerrado y todo lo relativo a esa persona? Los recuentos anónimos de las reuniones se quedan. Esto no se puede deshacer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete {n} closed records and everything about those people, for good? Meetings&apos; anonymous head-counts stay. This can&apos;t be undone.</source>
        <translation>¿Borrar para siempre {n} registros cerrados y todo lo relativo a esas personas? Los recuentos anónimos de las reuniones se quedan. Esto no se puede deshacer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete closed records</source>
        <translation>Borrar registros cerrados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete for good</source>
        <translation>Borrar para siempre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deleting…</source>
        <translation>Borrando…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Deleted 1 record.</source>
        <translation>Se borró 1 registro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted {n} records.</source>
        <translation>Se borraron {n} registros.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/today/listening_sections.py" line="+17"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewSection</name>
    <message>
        <location line="+12"/>
        <location line="+4"/>
        <source>Directory services to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Every service in the directory was checked in the last twelve months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Still right: mark &amp;checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;details…</source>
        <translation type="unfinished">Cambiar &amp;datos…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Directory services to check ({n})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolesPicker</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/staff_dialogs.py" line="-118"/>
        <source>accounts, backups and settings; no peers&apos; records</source>
        <translation>cuentas, copias de seguridad y ajustes; ningún expediente de personas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every record, reports, retention</source>
        <translation>todos los expedientes, informes, conservación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every peer and every note</source>
        <translation>todas las personas y todas las notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the peers assigned to them</source>
        <translation>las personas que tiene asignadas</translation>
    </message>
</context>
<context>
    <name>SafeContactBanner</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/banner.py" line="+36"/>
        <location line="+1"/>
        <location line="+23"/>
        <location line="+4"/>
        <source>Safe contact</source>
        <translation>Contacto seguro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>⚠ Safe contact</source>
        <translation>⚠ Contacto seguro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No restrictions recorded.</source>
        <translation>No hay restricciones registradas.</translation>
    </message>
</context>
<context>
    <name>ServicePick</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/directory_picker.py" line="+59"/>
        <source>Type to find it in the directory, or type where to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where to</source>
        <translation>Adónde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Services found in the directory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/sessions/session_dialog.py" line="+39"/>
        <source>Change a session</source>
        <translation>Cambiar una sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a session</source>
        <translation>Registrar una sesión</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration in minutes</source>
        <translation>Duración en minutos</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>What happened, in your words. Kept encrypted; never in reports.</source>
        <translation>Lo que pasó, con sus palabras. Se guarda cifrado; nunca aparece en informes.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Peer</source>
        <translation>&amp;Persona</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uration</source>
        <translation>D&amp;uración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mode</source>
        <translation>&amp;Modalidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Topics</source>
        <translation>&amp;Temas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Si&amp;gnposted to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ext steps</source>
        <translation>Pró&amp;ximos pasos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Follow up by</source>
        <translation>&amp;Seguimiento antes de</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Choose who the session was with.</source>
        <translation>Elija con quién fue la sesión.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Before their first contact?</source>
        <translation>¿Antes de su primer contacto?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This session is dated {held}, before {ref}&apos;s first contact on {first}. Save it with this date?</source>
        <translation>Esta sesión tiene fecha {held}, anterior al primer contacto de {ref} el {first}. ¿Guardarla con esta fecha?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this peer</source>
        <translation>esta persona</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Yes, save it</source>
        <translation>&amp;Sí, guardarla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No, change the date</source>
        <translation>&amp;No, cambiar la fecha</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/sessions/sessions_page.py" line="+56"/>
        <source>Recent sessions</source>
        <translation>Sesiones recientes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notes found</source>
        <translation>Notas encontradas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search notes and next steps… (Enter)</source>
        <translation>Buscar en notas y próximos pasos… (Intro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search notes</source>
        <translation>Buscar en notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search notes</source>
        <translation>&amp;Buscar en notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log a session…</source>
        <translation>&amp;Registrar una sesión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a one-to-one session (Ctrl+Shift+S)</source>
        <translation>Registrar una sesión individual (Ctrl+Mayús+S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The {n} most recent sessions you can see. Enter or double-click opens the peer.</source>
        <translation>Las {n} sesiones más recientes que puede ver. Intro o doble clic abre a la persona.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sessions yet. Open a peer and press Ctrl+Shift+S, or use “Log a session…”.</source>
        <translation>Aún no hay sesiones. Abra a una persona y pulse Ctrl+Mayús+S, o use «Registrar una sesión…».</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The {n} most recent sessions with notes containing every word. Enter or double-click opens the peer.</source>
        <translation>Las {n} sesiones más recientes con notas que contienen todas las palabras. Intro o doble clic abre a la persona.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} session with notes containing every word. Enter or double-click opens the peer.</source>
        <translation>{n} sesión con notas que contienen todas las palabras. Intro o doble clic abre a la persona.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} sessions with notes containing every word. Enter or double-click opens the peer.</source>
        <translation>{n} sesiones con notas que contienen todas las palabras. Intro o doble clic abre a la persona.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No notes contain all of those words.</source>
        <translation>Ninguna nota contiene todas esas palabras.</translation>
    </message>
</context>
<context>
    <name>SettingParts</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/setting_parts.py" line="+79"/>
        <source>Nothing deleted</source>
        <translation>No se borró nada</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../src/peerdesk/ui/setup_wizard.py" line="+27"/>
        <source>&amp;Finish and sign in</source>
        <translation>&amp;Terminar y entrar</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <location filename="../../src/peerdesk/ui/sign_in.py" line="+36"/>
        <source>Too many unsuccessful tries. You can try again in {n} second.</source>
        <translation>Demasiados intentos fallidos. Puede volver a intentarlo dentro de {n} segundo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many unsuccessful tries. You can try again in {n} seconds.</source>
        <translation>Demasiados intentos fallidos. Puede volver a intentarlo dentro de {n} segundos.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Sign in to open your centre&apos;s records.</source>
        <translation>Inicie sesión para abrir los registros de su centro.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Account name</source>
        <translation>Nombre de la cuenta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Entrar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forgot every password? Use the recovery key</source>
        <translation>¿Se olvidaron todas las contraseñas? Use la clave de recuperación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Help (F1)</source>
        <translation>Ayuda (F1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the user guide</source>
        <translation>Abrir la guía de uso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Account:</source>
        <translation>&amp;Cuenta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>Co&amp;ntraseña:</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Demo vault — made-up data only. Sign in as {user} / password {password}</source>
        <translation>Bóveda de demostración — solo datos inventados. Entre como {user} / contraseña {password}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Type or choose your account name.</source>
        <translation>Escriba o elija el nombre de su cuenta.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/staff_model.py" line="+16"/>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivated</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>Eliminada</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/staff_page.py" line="+37"/>
        <source>Search staff…</source>
        <translation>Buscar personal…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search staff</source>
        <translation>Buscar personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff accounts</source>
        <translation>Cuentas del personal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add staff…</source>
        <translation>&amp;Añadir personal…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset password…</source>
        <translation>&amp;Restablecer contraseña…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change r&amp;ole…</source>
        <translation>Cambiar &amp;función…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Desactivar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deactivate stops someone signing in at once. Remove is for people who have left: the vault is re-encrypted so no old copy of their key opens it.</source>
        <translation>Desactivar impide al instante que alguien inicie sesión. Eliminar es para quien ya se ha ido: la bóveda se vuelve a cifrar para que ninguna copia antigua de su clave la abra.</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Deactivate account</source>
        <translation>Desactivar cuenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} will not be able to sign in until an administrator resets their password. Their records and history stay as they are.</source>
        <translation>{name} no podrá iniciar sesión hasta que una persona administradora restablezca su contraseña. Sus registros e historial quedan como están.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove account</source>
        <translation>Eliminar cuenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove {name}&apos;s account for good?

Their key is deleted and the whole vault is re-encrypted under a new key, so that an old copy of the key file can no longer open it. This takes a moment; don&apos;t switch the computer off meanwhile.

Their name stays in the audit log. This can&apos;t be undone.</source>
        <translation>¿Eliminar para siempre la cuenta de {name}?

Se borra su clave y toda la bóveda se vuelve a cifrar con una clave nueva, para que una copia antigua del archivo de claves ya no pueda abrirla. Lleva un momento; no apague el ordenador mientras tanto.

Su nombre queda en el registro de auditoría. Esto no se puede deshacer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove and re-encrypt</source>
        <translation>Eliminar y volver a cifrar</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/dialogs.py" line="-181"/>
        <source>Change status</source>
        <translation>Cambiar estado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;tatus</source>
        <translation>Es&amp;tado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
</context>
<context>
    <name>StorePeerList</name>
    <message>
        <location filename="../../src/peerdesk/ui/team/peers_pages.py" line="+62"/>
        <source>Search by name, alias, full name or reference (P-0042)…  (Ctrl+F)</source>
        <translation>Buscar por nombre, alias, nombre completo o referencia (P-0042)…  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search peers</source>
        <translation>Buscar personas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;My peers</source>
        <translation>&amp;Mis personas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the peers assigned to you</source>
        <translation>Solo las personas asignadas a usted</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add peer…</source>
        <translation>&amp;Añadir persona…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a peer (Ctrl+N)</source>
        <translation>Añadir una persona (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Peers</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Number of peers shown</source>
        <translation>Número de personas mostradas</translation>
    </message>
</context>
<context>
    <name>StorePeerView</name>
    <message>
        <location line="+78"/>
        <source>← &amp;Back to peers</source>
        <translation>← &amp;Volver a personas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change &amp;details…</source>
        <translation>Cambiar &amp;datos…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log a s&amp;ession…</source>
        <translation>&amp;Registrar una sesión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a one-to-one session (Ctrl+Shift+S)</source>
        <translation>Registrar una sesión individual (Ctrl+Mayús+S)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact</source>
        <translation>Primer contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact by</source>
        <translation>Primer contacto por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year of birth / age band</source>
        <translation>Año de nacimiento / franja de edad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>One-to-one sessions</source>
        <translation>Sesiones individuales</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No sessions yet. Press Ctrl+Shift+S or “Log a session…” to log one.</source>
        <translation>Aún no hay sesiones. Pulse Ctrl+Mayús+S o «Registrar una sesión…» para registrar una.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The team server can&apos;t be reached: this is what this PC has cached. Their details, safe-contact notes and sessions show when it is back. A new session can still be logged; it is kept on this PC, encrypted, and sent then.</source>
        <translation>No se puede conectar con el servidor del equipo: esto es lo que este PC tiene guardado. Sus datos, las notas de contacto seguro y las sesiones se muestran cuando vuelva. Se puede seguir registrando una sesión nueva; se guarda en este PC, cifrada, y se envía entonces.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sessions show when the server is back.</source>
        <translation>Las sesiones se muestran cuando vuelva el servidor.</translation>
    </message>
</context>
<context>
    <name>StorePeersSection</name>
    <message>
        <location line="+125"/>
        <source>Open or select a peer first, then log their session.</source>
        <translation>Abra o seleccione primero a una persona y registre luego su sesión.</translation>
    </message>
</context>
<context>
    <name>StoreSessionDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/team/store_forms.py" line="+113"/>
        <source>Log a session</source>
        <translation>Registrar una sesión</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration in minutes</source>
        <translation>Duración en minutos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What happened, in your words. Kept encrypted; never in reports.</source>
        <translation>Lo que pasó, con sus palabras. Se guarda cifrado; nunca aparece en informes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Peer</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uration</source>
        <translation>D&amp;uración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mode</source>
        <translation>&amp;Modalidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ext steps</source>
        <translation>Pró&amp;ximos pasos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Follow up by</source>
        <translation>&amp;Seguimiento antes de</translation>
    </message>
</context>
<context>
    <name>StoreSessionsModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/team/sessions_page.py" line="+47"/>
        <source>{date} · done</source>
        <translation>{date} · hecho</translation>
    </message>
</context>
<context>
    <name>StoreSessionsPage</name>
    <message>
        <location line="+37"/>
        <location line="+20"/>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Search by reference, name, kind or mode…  (Ctrl+F)</source>
        <translation>Buscar por referencia, nombre, tipo o modalidad…  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search sessions</source>
        <translation>Buscar sesiones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held from</source>
        <translation>Celebradas desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held until</source>
        <translation>Celebradas hasta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Until:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refres&amp;h</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark follow-up &amp;done</source>
        <translation>&amp;Marcar seguimiento hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the selected session&apos;s follow-up done today (Ctrl+D)</source>
        <translation>Marcar hoy como hecho el seguimiento de la sesión seleccionada (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number of sessions shown</source>
        <translation>Número de sesiones mostradas</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The newest {n:,} sessions; narrow the dates for older ones</source>
        <translation>Las {n:,} sesiones más recientes; acote las fechas para ver las anteriores</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n:,} session</source>
        <translation>{n:,} sesión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} sessions</source>
        <translation>{n:,} sesiones</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Done: {ref}&apos;s follow-up.</source>
        <translation>Hecho: el seguimiento de {ref}.</translation>
    </message>
</context>
<context>
    <name>StoreTodayPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/team/today_page.py" line="+37"/>
        <source>Refres&amp;h</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-ups due</source>
        <translation>Seguimientos pendientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No follow-ups are due.</source>
        <translation>No hay seguimientos pendientes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions logged today</source>
        <translation>Sesiones registradas hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sessions logged yet today.</source>
        <translation>Hoy aún no se ha registrado ninguna sesión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter or double-click opens the peer; Ctrl+D marks the selected follow-up done. Overdue follow-ups are marked in red.</source>
        <translation>Intro o doble clic abre la persona; Ctrl+D marca hecho el seguimiento seleccionado. Los seguimientos vencidos aparecen en rojo.</translation>
    </message>
</context>
<context>
    <name>SubjectAccessExport</name>
    <message>
        <location filename="../../src/peerdesk/ui/peers/record_requests.py" line="+30"/>
        <source>Save everything held</source>
        <translation>Guardar todo lo que se guarda</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
</context>
<context>
    <name>SupervisionDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/dialogs.py" line="+109"/>
        <source>Record supervision</source>
        <translation>Registrar supervisión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Someone from outside</source>
        <translation>Alguien de fuera</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Super&amp;visor</source>
        <translation>Super&amp;visor/a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Length</source>
        <translation>&amp;Duración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen only by the supervisor and programme leads.</source>
        <translation>Solo la ven el/la supervisor/a y las personas responsables del programa.</translation>
    </message>
</context>
<context>
    <name>SupervisionModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="-10"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
</context>
<context>
    <name>SupporterDialog</name>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/dialogs.py" line="-176"/>
        <source>Change supporter</source>
        <translation>Cambiar persona de apoyo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a supporter</source>
        <translation>Añadir una persona de apoyo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A phone number or an email</source>
        <translation>Un teléfono o un correo electrónico</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roles</source>
        <translation>Funciones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No PeerDesk account</source>
        <translation>Sin cuenta de PeerDesk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preferred &amp;name</source>
        <translation>&amp;Nombre preferido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How we &amp;reach them</source>
        <translation>Cómo &amp;contactarle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;oles</source>
        <translation>F&amp;unciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Started on</source>
        <translation>&amp;Empezó el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PeerDesk &amp;account</source>
        <translation>&amp;Cuenta de PeerDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: a supporter who signs in sees their own record.</source>
        <translation>Opcional: una persona de apoyo que inicia sesión ve su propio registro.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;tatus</source>
        <translation>Es&amp;tado</translation>
    </message>
</context>
<context>
    <name>SupportersPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="+69"/>
        <source>Modules</source>
        <translation>Módulos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>since completing it on {date}</source>
        <translation>desde que lo completó el {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{done} of {required} modules</source>
        <translation>{done} de {required} módulos</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Supporter record</source>
        <translation>Registro de la persona de apoyo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Supporters</source>
        <translation>Personas de apoyo</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Your own supporter record.</source>
        <translation>Su propio registro como persona de apoyo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My &amp;record</source>
        <translation>Mi &amp;registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My &amp;hours</source>
        <translation>Mis &amp;horas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search by name, role or status (Ctrl+F)</source>
        <translation>Buscar por nombre, función o estado (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search supporters</source>
        <translation>Buscar personas de apoyo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Add a supporter…</source>
        <translation>&amp;Añadir una persona de apoyo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hange…</source>
        <translation>Cam&amp;biar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus…</source>
        <translation>Es&amp;tado…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record &amp;training…</source>
        <translation>Registrar &amp;formación…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a chec&amp;k…</source>
        <translation>Registrar una com&amp;probación…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a co&amp;urse…</source>
        <translation>Añadir un c&amp;urso…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Course mo&amp;dules…</source>
        <translation>Mó&amp;dulos de cursos…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enter or double-click opens a supporter&apos;s record.</source>
        <translation>Intro o doble clic abre el registro de la persona de apoyo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Register</source>
        <translation>&amp;Registro</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Competency matrix</source>
        <translation>Matriz de competencias</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save as &amp;PDF…</source>
        <translation>Guardar como &amp;PDF…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current, due soon (within 30 days), expired or missing, for everyone in training, active or on a break.</source>
        <translation>Al día, vence pronto (en 30 días), caducada o sin registrar, para todas las personas en formación, activas o en pausa.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Competency &amp;matrix</source>
        <translation>&amp;Matriz de competencias</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expiring in the next 30 days</source>
        <translation>Caduca en los próximos 30 días</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checks and training that expire in the next 30 days, or expired in the last 30.</source>
        <translation>Comprobaciones y formación que caducan en los próximos 30 días o caducaron en los últimos 30.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Expiring</source>
        <translation>&amp;Caducan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hours</source>
        <translation>&amp;Horas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The supporter chosen on the Register tab. Notes are seen only by the supervisor and programme leads.</source>
        <translation>La persona de apoyo elegida en la pestaña Registro. Las notas solo las ven el/la supervisor/a y las personas responsables del programa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Supervision sessions</source>
        <translation>Sesiones de supervisión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record &amp;supervision…</source>
        <translation>Registrar &amp;supervisión…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read &amp;notes</source>
        <translation>Leer &amp;notas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> weeks</source>
        <translation> semanas</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Supervision every</source>
        <translation>Supervisión cada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Supervision notes</source>
        <translation>Notas de supervisión</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Overdue supervision</source>
        <translation>Supervisión atrasada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Super&amp;vision</source>
        <translation>Super&amp;visión</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No notes.</source>
        <translation>Sin notas.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+11"/>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>YYYY-MM</source>
        <translation>AAAA-MM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sho&amp;w</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add hours…</source>
        <translation>&amp;Añadir horas…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as &amp;CSV…</source>
        <translation>Guardar como &amp;CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as P&amp;DF…</source>
        <translation>Guardar como P&amp;DF…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Timesheet</source>
        <translation>Hoja de horas</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Type the month as YYYY-MM, for example 2026-03.</source>
        <translation>Escriba el mes como AAAA-MM, por ejemplo 2026-03.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hours entered by hand only: counting sessions, meetings and contacts needs access to peers&apos; records.</source>
        <translation>Solo horas introducidas a mano: contar sesiones, reuniones y contactos requiere acceso a los registros de las personas usuarias.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save the timesheet</source>
        <translation>Guardar la hoja de horas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your reflective journal: only you can read an entry, unless you share it with your supervisor. Never in reports.</source>
        <translation>Su diario reflexivo: solo usted puede leer una entrada, salvo que la comparta con su supervisor/a. Nunca aparece en informes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Write an entry…</source>
        <translation>&amp;Escribir una entrada…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share with my su&amp;pervisor</source>
        <translation>Compartir con mi su&amp;pervisor/a</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop sharing</source>
        <translation>Dejar de compartir</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Journal entries</source>
        <translation>Entradas del diario</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Journal entry</source>
        <translation>Entrada del diario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My &amp;journal</source>
        <translation>Mi &amp;diario</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose an entry first.</source>
        <translation>Elija primero una entrada.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nobody has supervised you in PeerDesk yet.</source>
        <translation>Nadie le ha supervisado todavía en PeerDesk.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Choose a supporter in the list first.</source>
        <translation>Elija primero una persona de apoyo en la lista.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save the competency matrix</source>
        <translation>Guardar la matriz de competencias</translation>
    </message>
</context>
<context>
    <name>TableHeader</name>
    <message>
        <location filename="../../src/peerdesk/ui/admin/audit_model.py" line="+19"/>
        <location filename="../../src/peerdesk/ui/groups/models.py" line="-65"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../src/peerdesk/ui/peers/record_models.py" line="+92"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/peerdesk/ui/peers/record_models.py" line="-113"/>
        <location line="+114"/>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="-447"/>
        <location filename="../../src/peerdesk/ui/today/today_page.py" line="+73"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/admin/backups_page.py" line="-297"/>
        <source>Taken</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/admin/retention_page.py" line="-143"/>
        <location filename="../../src/peerdesk/ui/admin/staff_model.py" line="+10"/>
        <location filename="../../src/peerdesk/ui/groups/models.py" line="-35"/>
        <location line="+83"/>
        <location line="+24"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed on</source>
        <translation>Cerrado el</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/admin/staff_model.py" line="+1"/>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/peerdesk/ui/groups/models.py" line="-70"/>
        <location filename="../../src/peerdesk/ui/peers/list_model.py" line="+12"/>
        <location filename="../../src/peerdesk/ui/peers/record_models.py" line="-57"/>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="-50"/>
        <location filename="../../src/peerdesk/ui/voice/page.py" line="-43"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Added</source>
        <translation>Alta</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/groups/models.py" line="-36"/>
        <location filename="../../src/peerdesk/ui/sessions/models.py" line="+40"/>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="+57"/>
        <location filename="../../src/peerdesk/ui/team/peers_pages.py" line="-242"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../src/peerdesk/ui/sessions/models.py" line="+2"/>
        <location filename="../../src/peerdesk/ui/team/peers_pages.py" line="-2"/>
        <source>Mode</source>
        <translation>Modalidad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Facilitators</source>
        <translation>Facilitadores</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last meeting</source>
        <translation>Última reunión</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+127"/>
        <location filename="../../src/peerdesk/ui/peers/record_models.py" line="-58"/>
        <location line="+53"/>
        <location line="+19"/>
        <location filename="../../src/peerdesk/ui/sessions/models.py" line="-13"/>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="-1"/>
        <location line="+21"/>
        <location filename="../../src/peerdesk/ui/team/peers_pages.py" line="-4"/>
        <location filename="../../src/peerdesk/ui/team/sessions_page.py" line="-135"/>
        <location filename="../../src/peerdesk/ui/voice/page.py" line="-9"/>
        <location line="+24"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attended</source>
        <translation>Asistentes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Head-count</source>
        <translation>Recuento</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/admin/retention_page.py" line="-3"/>
        <location filename="../../src/peerdesk/ui/groups/models.py" line="+43"/>
        <location line="+25"/>
        <location filename="../../src/peerdesk/ui/peers/list_model.py" line="-4"/>
        <location filename="../../src/peerdesk/ui/sessions/models.py" line="+2"/>
        <location filename="../../src/peerdesk/ui/today/today_page.py" line="-4"/>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/groups/models.py" line="-24"/>
        <source>Attended / marked</source>
        <translation>Asistió / marcadas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rate</source>
        <translation>Tasa</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+51"/>
        <source>Mark</source>
        <translation>Marca</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+21"/>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Walk-in</source>
        <translation>Sin cita</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Joined</source>
        <translation>Entró</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>Salió</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/peers/list_model.py" line="+2"/>
        <location filename="../../src/peerdesk/ui/sessions/models.py" line="+2"/>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="-79"/>
        <location filename="../../src/peerdesk/ui/today/today_page.py" line="+2"/>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/admin/retention_page.py" line="+4"/>
        <location filename="../../src/peerdesk/ui/peers/list_model.py" line="+21"/>
        <source>Caseworker</source>
        <translation>Trabajador/a de casos</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/callers_tab.py" line="-51"/>
        <source>Nickname</source>
        <translation>Apodo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contacts</source>
        <translation type="unfinished">Contactos</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../src/peerdesk/ui/peers/list_model.py" line="+2"/>
        <source>Last contact</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/peers/list_model.py" line="+2"/>
        <source>Next follow-up</source>
        <translation>Próximo seguimiento</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/peers/record_models.py" line="-70"/>
        <location line="+114"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Consent to</source>
        <translation>Consentimiento para</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Given</source>
        <translation>Dado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review by</source>
        <translation>Revisar antes de</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Situación</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Referred to</source>
        <translation>Derivado a</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="+73"/>
        <source>Due</source>
        <translation>Para</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After</source>
        <translation>Tras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed by</source>
        <translation>Acordado por</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/caller_dialogs.py" line="+20"/>
        <location filename="../../src/peerdesk/ui/contacts/list_model.py" line="+6"/>
        <location filename="../../src/peerdesk/ui/peers/record_models.py" line="+13"/>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="-26"/>
        <location filename="../../src/peerdesk/ui/today/today_page.py" line="-4"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../src/peerdesk/ui/contacts/list_model.py" line="+3"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/peerdesk/ui/contacts/list_model.py" line="+2"/>
        <location filename="../../src/peerdesk/ui/sessions/models.py" line="+11"/>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="+13"/>
        <location filename="../../src/peerdesk/ui/team/peers_pages.py" line="+2"/>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/peerdesk/ui/contacts/list_model.py" line="+11"/>
        <source>Taken by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/peerdesk/ui/contacts/list_model.py" line="-5"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="+1"/>
        <location filename="../../src/peerdesk/ui/team/peers_pages.py" line="+6"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/sessions/models.py" line="+2"/>
        <source>Worker</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Where the words appear</source>
        <translation>Dónde aparecen las palabras</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/directory_tab.py" line="-252"/>
        <location filename="../../src/peerdesk/ui/today/listening_sections.py" line="-38"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What it offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../src/peerdesk/ui/today/listening_sections.py" line="+1"/>
        <source>Last checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/list_model.py" line="-4"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topics</source>
        <translation type="unfinished">Temas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Known caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/today/listening_sections.py" line="-95"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Got in touch by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask for</source>
        <translation>Preguntar por</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How to reach them</source>
        <translation>Cómo contactar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Safe way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/today/today_page.py" line="+8"/>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/supporters/page.py" line="-60"/>
        <source>Roles</source>
        <translation>Funciones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Empezó</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+18"/>
        <location line="+18"/>
        <source>Supporter</source>
        <translation>Persona de apoyo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last supervision</source>
        <translation>Última supervisión</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shared</source>
        <translation>Compartida</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/voice/page.py" line="-55"/>
        <source>Peer mentored</source>
        <translation>Persona acompañada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mentor</source>
        <translation>Mentora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starts</source>
        <translation>Empieza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ends</source>
        <translation>Termina</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meetings</source>
        <translation type="unfinished">Reuniones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goals</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic</source>
        <translation type="unfinished">Tema</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Took part</source>
        <translation>Participaron</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>We did / will do</source>
        <translation>Hicimos / haremos</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Filled in</source>
        <translation>Rellenado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What changed</source>
        <translation type="unfinished">Qué cambió</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What helped</source>
        <translation>Qué ayudó</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Said on</source>
        <translation>Dicho el</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words</source>
        <translation>Palabras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name check</source>
        <translation>Revisión de nombres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/team/peers_pages.py" line="+2"/>
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/team/contacts_page.py" line="-40"/>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/team/groups_page.py" line="+98"/>
        <source>Next meeting</source>
        <translation>Próxima reunión</translation>
    </message>
    <message>
        <location filename="../../src/peerdesk/ui/team/sessions_page.py" line="+3"/>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
</context>
<context>
    <name>TeamContactList</name>
    <message>
        <location filename="../../src/peerdesk/ui/team/contacts_page.py" line="-17"/>
        <source>waiting to be sent</source>
        <translation>pendiente de envío</translation>
    </message>
</context>
<context>
    <name>TeamContactsPage</name>
    <message>
        <location line="+75"/>
        <source>Log &amp;a contact…</source>
        <translation>&amp;Registrar un contacto…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a contact ({keys})</source>
        <translation>Registrar un contacto ({keys})</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Number of contacts shown</source>
        <translation>Número de contactos mostrados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search notes, topics, region, channel…  (Ctrl+F)</source>
        <translation>Buscar en notas, temas, región, canal…  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the day&apos;s contacts</source>
        <translation>Buscar en los contactos del día</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contacts waiting to be sent</source>
        <translation>Contactos pendientes de envío</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{n:,} contact</source>
        <translation>{n:,} contacto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} contacts</source>
        <translation>{n:,} contactos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No contact that day matches. Try other words.</source>
        <translation>Ningún contacto de ese día coincide. Pruebe con otras palabras.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No contacts this day. Press Ctrl+Shift+C (or “Log a contact…”) when someone gets in touch.</source>
        <translation>No hay contactos este día. Pulse Ctrl+Mayús+C (o «Registrar un contacto…») cuando alguien se ponga en contacto.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{n} contact saved on this PC is waiting to send.</source>
        <translation>{n} contacto guardado en este PC está pendiente de envío.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} contacts saved on this PC are waiting to send.</source>
        <translation>{n} contactos guardados en este PC están pendientes de envío.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The team server can&apos;t be reached: this list shows only what this PC keeps to send. The day&apos;s other contacts show when it is back.</source>
        <translation>No se puede conectar con el servidor del equipo: esta lista muestra solo lo que este PC guarda para enviar. Los demás contactos del día se mostrarán cuando vuelva.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The team server couldn&apos;t be reached, so the contact is kept on this PC, encrypted, and will be sent once it is back.</source>
        <translation>No se pudo conectar con el servidor del equipo, así que el contacto se guarda en este PC, cifrado, y se enviará cuando vuelva.</translation>
    </message>
</context>
<context>
    <name>TeamGroupList</name>
    <message>
        <location filename="../../src/peerdesk/ui/team/groups_page.py" line="+4"/>
        <source>Op&amp;en</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No groups yet. Groups are started on the centre&apos;s PeerDesk and moved to the team with it.</source>
        <translation>Aún no hay grupos. Los grupos se crean en el PeerDesk del centro y pasan al equipo con él.</translation>
    </message>
</context>
<context>
    <name>TeamGroupPage</name>
    <message>
        <location line="+56"/>
        <source>&amp;Add meeting…</source>
        <translation>&amp;Añadir reunión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;ke register…</source>
        <translation>Pasar &amp;lista…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No meetings yet.</source>
        <translation>Aún no hay reuniones.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>facilitated by {names}</source>
        <translation>facilitado por {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no facilitators yet</source>
        <translation>aún sin facilitadores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} member</source>
        <translation>{n} miembro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} members</source>
        <translation>{n} miembros</translation>
    </message>
</context>
<context>
    <name>TeamGroups</name>
    <message>
        <location line="-154"/>
        <source>Register saved.</source>
        <translation>Lista de asistencia guardada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team server can&apos;t be reached: this is as this PC read it earlier. Marks are kept on this PC and sent when the server is back.</source>
        <translation>No se puede acceder al servidor del equipo: esto es lo que este PC leyó antes. Las marcas se guardan en este PC y se envían cuando el servidor vuelva.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The team server can&apos;t be reached: the register is kept on this PC, encrypted, and sent when the server is back.</source>
        <translation>No se puede acceder al servidor del equipo: la lista de asistencia se guarda en este PC, cifrada, y se envía cuando el servidor vuelva.</translation>
    </message>
</context>
<context>
    <name>TeamMeetingDialog</name>
    <message>
        <location line="+100"/>
        <source>Add a meeting</source>
        <translation>Añadir una reunión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a meeting — {group}</source>
        <translation>Añadir una reunión — {group}</translation>
    </message>
</context>
<context>
    <name>TeamRegisterPage</name>
    <message>
        <location line="+96"/>
        <source>Sa&amp;ve register</source>
        <translation>Guardar &amp;lista</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Register — {group}</source>
        <translation>Lista — {group}</translation>
    </message>
</context>
<context>
    <name>TeamReportsPage</name>
    <message>
        <location filename="../../src/peerdesk/ui/team/reports_page.py" line="+81"/>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prep&amp;are report</source>
        <translation>Prep&amp;arar informe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count the figures for this period on the team server (Ctrl+R)</source>
        <translation>Contar las cifras de este periodo en el servidor del equipo (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Report preview</source>
        <translation>Vista previa del informe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a period and press Prepare report. The figures are counted on the team server and appear here exactly as they will be printed: small counts hidden, no names.</source>
        <translation>Elija un periodo y pulse Preparar informe. Las cifras se cuentan en el servidor del equipo y aparecen aquí tal como se imprimirán: recuentos pequeños ocultos, sin nombres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P&amp;ublish…</source>
        <translation>P&amp;ublicar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record this report in the team server&apos;s release register, so it prints the same figures on every PC.</source>
        <translation>Registrar este informe en el registro de publicaciones del servidor del equipo, para que imprima las mismas cifras en todos los PC.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save P&amp;DF…</source>
        <translation>Guardar P&amp;DF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report status</source>
        <translation>Estado del informe</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Published reports (on the team server)</source>
        <translation>Informes publicados (en el servidor del equipo)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Counting the report for %s on the team server…</source>
        <translation>Contando el informe de %s en el servidor del equipo…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Publishing the report for %s…</source>
        <translation>Publicando el informe de %s…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Published release %s on the team server.</source>
        <translation>Publicación %s hecha en el servidor del equipo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prepared: %s. This is a preview, not for publication.</source>
        <translation>Preparado: %s. Es una vista previa, no apta para publicación.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The report could not be prepared: %s</source>
        <translation>No se pudo preparar el informe: %s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Publish the report</source>
        <translation>Publicar el informe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish the report for %s?

It is recorded in the team server&apos;s release register: publishing this period again, from any PC, prints the same figures, and figures that change later come out only as a numbered revision.</source>
        <translation>¿Publicar el informe de %s?

Queda registrado en el registro de publicaciones del servidor del equipo: publicar este periodo otra vez, desde cualquier PC, imprime las mismas cifras, y las cifras que cambien después solo salen como una revisión numerada.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the report as PDF</source>
        <translation>Guardar el informe como PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved %s (%d pages).</source>
        <translation>Guardado %s (%d páginas).</translation>
    </message>
</context>
<context>
    <name>TeamStatusWindow</name>
    <message>
        <location filename="../../src/peerdesk/ui/team/status_window.py" line="+78"/>
        <source>This PC has joined your centre&apos;s team.</source>
        <translation>Este PC se ha unido al equipo de su centro.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send &amp;what is waiting</source>
        <translation>En&amp;viar lo que espera</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preparing this PC</source>
        <translation>Preparando este PC</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find a peer by name or a word of a note</source>
        <translation>Buscar a una persona por su nombre o por una palabra de una nota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a peer</source>
        <translation>Buscar a una persona</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Changing the casework key, because someone who held it has left: {n} records re-sealed so far. You can work meanwhile.</source>
        <translation>Cambiando la clave de los casos, porque alguien que la tenía se ha ido: {n} registros vueltos a cifrar hasta ahora. Puede seguir trabajando mientras tanto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changing the main key, because someone has left: {n} records re-sealed so far. You can work meanwhile.</source>
        <translation>Cambiando la clave principal, porque alguien se ha ido: {n} registros vueltos a cifrar hasta ahora. Puede seguir trabajando mientras tanto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preparing search on this PC: {n} %. You can work meanwhile.</source>
        <translation>Preparando la búsqueda en este PC: {n} %. Puede seguir trabajando mientras tanto.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Search is ready.</source>
        <translation>La búsqueda está lista.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preparing this PC stopped; it goes on at the next sign-in.</source>
        <translation>La preparación de este PC se ha detenido; continuará en el próximo inicio de sesión.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Peers found: {n}.</source>
        <translation>Personas encontradas: {n}.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sending what was saved on this PC…</source>
        <translation>Enviando lo que se guardó en este PC…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking whether the team server can be reached…</source>
        <translation>Comprobando si se puede conectar con el servidor del equipo…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected to the team server.</source>
        <translation>Conectado al servidor del equipo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected to the team server. {n} saved while it couldn&apos;t be reached are waiting to be sent.</source>
        <translation>Conectado al servidor del equipo. {n} guardados mientras no se podía acceder esperan para enviarse.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The team server can&apos;t be reached. New sessions and new peers are kept on this PC, encrypted, and sent when it is back; changes to records already on the server have to wait until then.</source>
        <translation>No se puede acceder al servidor del equipo. Las sesiones nuevas y los pares nuevos se guardan en este PC, cifrados, y se envían cuando vuelva; los cambios a registros que ya están en el servidor tienen que esperar hasta entonces.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{n} were refused by the server and are kept on this PC.</source>
        <translation>El servidor rechazó {n}; se guardan en este PC.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server went away again; {n} are still waiting.</source>
        <translation>El servidor se volvió a ir; {n} siguen esperando.</translation>
    </message>
</context>
<context>
    <name>TeamWindow</name>
    <message>
        <location filename="../../src/peerdesk/ui/team/team_window.py" line="+89"/>
        <source>PeerDesk — team</source>
        <translation>PeerDesk — equipo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The team server can&apos;t be reached</source>
        <translation>No se puede conectar con el servidor del equipo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting to be sent</source>
        <translation>Pendiente de enviar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+126"/>
        <source>Send &amp;now</source>
        <translation>E&amp;nviar ahora</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Send what this PC kept while the server couldn&apos;t be reached</source>
        <translation>Enviar lo que este PC guardó mientras no se podía conectar con el servidor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock PeerDesk now (Ctrl+L)</source>
        <translation>Bloquear PeerDesk ahora (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>T&amp;oday</source>
        <translation>H&amp;oy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Peers</source>
        <translation>&amp;Personas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sessions</source>
        <translation>&amp;Sesiones</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Contacts</source>
        <translation>&amp;Contactos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Groups</source>
        <translation>&amp;Grupos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Team</source>
        <translation>&amp;Equipo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reports</source>
        <translation>&amp;Informes</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>{n} saved on this PC is waiting to be sent.</source>
        <translation>{n} guardado en este PC está pendiente de enviar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} saved on this PC are waiting to be sent.</source>
        <translation>{n} guardados en este PC están pendientes de enviar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected to the team server.</source>
        <translation>Conectado al servidor del equipo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The peers list is as this PC last had it, at {time}.</source>
        <translation>La lista de personas es la que este PC tenía por última vez, a las {time}.</translation>
    </message>
</context>
<context>
    <name>TextCheck</name>
    <message>
        <location filename="../../src/peerdesk/ui/contacts/widgets.py" line="+48"/>
        <source>{n:,} characters: at most {max:,} can be saved. Shorten it; nothing is cut off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This looks like a phone number. Keep contact details out of it: it is meant to stay anonymous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This looks like an email address. Keep contact details out of it: it is meant to stay anonymous.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <location line="+56"/>
        <source>HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/today/today_page.py" line="+5"/>
        <source> · overdue</source>
        <translation> · atrasado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · due</source>
        <translation> · pendiente</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location line="+142"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-ups due</source>
        <translation>Seguimientos pendientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No follow-ups are due.</source>
        <translation>No hay seguimientos pendientes.</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>&amp;Mine</source>
        <translation>&amp;Míos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the follow-ups you set</source>
        <translation>Solo los seguimientos que usted fijó</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Everyone</source>
        <translation>De &amp;todos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every follow-up you can see</source>
        <translation>Todos los seguimientos que puede ver</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mark &amp;done</source>
        <translation>Marcar como &amp;hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the selected follow-up done today (Ctrl+D)</source>
        <translation>Marcar hoy como hecho el seguimiento seleccionado (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark done</source>
        <translation>Marcar hecho</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Sessions logged today</source>
        <translation>Sesiones registradas hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sessions logged yet today.</source>
        <translation>Hoy aún no se ha registrado ninguna sesión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent reviews due</source>
        <translation>Revisiones de consentimiento pendientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No consent reviews are due.</source>
        <translation>No hay revisiones de consentimiento pendientes.</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+64"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>&amp;Log a contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a listening-service contact (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter or double-click opens the peer; Ctrl+D marks the selected follow-up done. Overdue follow-ups are marked in red.</source>
        <translation>Intro o doble clic abre la persona; Ctrl+D marca hecho el seguimiento seleccionado. Los seguimientos vencidos aparecen en rojo.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Supporters: checks and training expiring in the next 30 days</source>
        <translation>Personas de apoyo: comprobaciones y formación que caducan en los próximos 30 días</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing expires in the next 30 days.</source>
        <translation>Nada caduca en los próximos 30 días.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Supporters: supervision overdue</source>
        <translation>Personas de apoyo: supervisión atrasada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everyone active has had supervision on time.</source>
        <translation>Todas las personas activas han tenido supervisión a tiempo.</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Done: {ref}&apos;s follow-up.</source>
        <translation>Hecho: el seguimiento de {ref}.</translation>
    </message>
</context>
<context>
    <name>TodaySection</name>
    <message>
        <location line="-79"/>
        <source>{title} ({n})</source>
        <translation>{title} ({n})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title} ({n}, {late} overdue)</source>
        <translation>{title} ({n}, {late} atrasados)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title} ({n}, {late} past their date)</source>
        <translation>{title} ({n}, {late} con la fecha pasada)</translation>
    </message>
</context>
<context>
    <name>VoiceLabels</name>
    <message>
        <location filename="../../src/peerdesk/ui/voice/labels.py" line="+28"/>
        <source>Group discussion</source>
        <translation>Debate en grupo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Survey</source>
        <translation>Encuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback box</source>
        <translation>Buzón de opiniones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planned</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Won&apos;t do</source>
        <translation>No se hará</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filled in anonymously</source>
        <translation>Rellenado de forma anónima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered by staff with the peer</source>
        <translation>Introducido por el personal con la persona</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Self-confidence and self-esteem</source>
        <translation>Confianza en sí misma y autoestima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Less depression and anxiety</source>
        <translation>Menos depresión y ansiedad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Less isolation</source>
        <translation>Menos aislamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationships</source>
        <translation>Relaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anger</source>
        <translation>Ira</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alcohol or drugs</source>
        <translation>Alcohol o drogas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Understanding the impact of abuse</source>
        <translation>Comprender el impacto del abuso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust in themselves and others</source>
        <translation>Confianza en sí mismas y en los demás</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Less self-destructive behaviour</source>
        <translation>Menos conductas autodestructivas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a person&apos;s name or alias</source>
        <translation>el nombre o el alias de una persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a reference code</source>
        <translation>un código de referencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a phone number</source>
        <translation>un número de teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an email address</source>
        <translation>una dirección de correo electrónico</translation>
    </message>
</context>
<context>
    <name>VoicePage</name>
    <message>
        <location filename="../../src/peerdesk/ui/voice/page.py" line="+51"/>
        <source>Peers&apos; voice</source>
        <translation>La voz de las personas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mentoring pairs</source>
        <translation>Parejas de mentoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by peer, mentor or goals (Ctrl+F)</source>
        <translation>Buscar por persona, mentora u objetivos (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meetings are the peer&apos;s one-to-one sessions of kind Mentoring between the pair&apos;s dates.</source>
        <translation>Los encuentros son las sesiones individuales de tipo Mentoría de la persona entre las fechas de la pareja.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Start a pair…</source>
        <translation>&amp;Iniciar una pareja…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hange…</source>
        <translation type="unfinished">Cam&amp;biar…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Mentoring</source>
        <translation>&amp;Mentoría</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consultations</source>
        <translation>Consultas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by topic, method, status or action (Ctrl+F)</source>
        <translation>Buscar por tema, método, estado o acción (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You said, we did: what peers told us and what the centre did about it.</source>
        <translation>Dijisteis, hicimos: lo que nos dijeron las personas y lo que el centro hizo al respecto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record a consultation…</source>
        <translation>&amp;Registrar una consulta…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;You said, we did</source>
        <translation>&amp;Dijisteis, hicimos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save “you said, we did” as &amp;PDF…</source>
        <translation>Guardar «dijisteis, hicimos» como &amp;PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What peers said is printed as it was written: read it over before pinning it up.</source>
        <translation>Lo que dijeron las personas se imprime tal como se escribió: reléalo antes de colgarlo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Consultations</source>
        <translation>&amp;Consultas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feedback forms</source>
        <translation>Formularios de opinión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by what changed or what helped (Ctrl+F)</source>
        <translation>Buscar por lo que cambió o lo que ayudó (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Enter a feedback form…</source>
        <translation>&amp;Introducir un formulario de opinión…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+21"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Feedback form</source>
        <translation>Formulario de opinión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Feedback</source>
        <translation>&amp;Opiniones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quotes</source>
        <translation>Citas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by peer, words or check (Ctrl+F)</source>
        <translation>Buscar por persona, palabras o revisión (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A report&apos;s “In their words” page prints approved quotes whose consent is current when it is printed.</source>
        <translation>La página «En sus palabras» de un informe imprime las citas aprobadas cuyo consentimiento esté vigente al imprimirse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a &amp;quote…</source>
        <translation>Guardar una &amp;cita…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chan&amp;ge…</source>
        <translation type="unfinished">Cam&amp;biar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Approve</source>
        <translation>&amp;Aprobar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Withdraw approval</source>
        <translation>&amp;Retirar la aprobación</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Quotes</source>
        <translation>C&amp;itas</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Choose a pair in the list first.</source>
        <translation>Elija antes una pareja de la lista.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a consultation in the list first.</source>
        <translation>Elija antes una consulta de la lista.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save “you said, we did”</source>
        <translation>Guardar «dijisteis, hicimos»</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>What changed: %s</source>
        <translation>Qué cambió: %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What helped: %s</source>
        <translation>Qué ayudó: %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anything else: %s</source>
        <translation>Algo más: %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+5"/>
        <location line="+28"/>
        <location line="+9"/>
        <source>Choose a quote in the list first.</source>
        <translation>Elija antes una cita de la lista.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Approve the quote</source>
        <translation>Aprobar la cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This quote may identify someone: it contains %s. Approve it for reports anyway?</source>
        <translation>Esta cita podría identificar a alguien: contiene %s. ¿Aprobarla para los informes de todos modos?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve anyway</source>
        <translation>Aprobar de todos modos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a form in the list first.</source>
        <translation>Elija antes un formulario de la lista.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the form</source>
        <translation>Eliminar el formulario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete this feedback form? This can&apos;t be undone.</source>
        <translation>¿Eliminar este formulario de opinión? No se puede deshacer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Delete the quote</source>
        <translation>Eliminar la cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete this quote? It will be in no report from now on. This can&apos;t be undone.</source>
        <translation>¿Eliminar esta cita? No aparecerá en ningún informe a partir de ahora. No se puede deshacer.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ended</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not started</source>
        <translation>sin empezar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{mentee} mentored by {mentor}</source>
        <translation>{mentee}, con la mentoría de {mentor}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} meeting</source>
        <translation>{n} encuentro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} meetings</source>
        <translation>{n} encuentros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goals: {goals}</source>
        <translation>Objetivos: {goals}</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <location filename="../../src/peerdesk/ui/today/listening_sections.py" line="-15"/>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Any way they gave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Got in touch on {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
