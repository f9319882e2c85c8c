<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>PublishError</name>
    <message>
        <source>{name} is not a video this app can read.</source>
        <translation>{name} no es un vídeo que esta aplicación pueda leer.</translation>
    </message>
    <message>
        <source>Cannot make a poster from {name}.</source>
        <translation>No se puede crear un póster a partir de {name}.</translation>
    </message>
    <message>
        <source>Publishing failed unexpectedly ({error}).</source>
        <translation>La publicación falló de forma inesperada ({error}).</translation>
    </message>
    <message>
        <source>This video has not been uploaded yet.</source>
        <translation>Este vídeo aún no se ha subido.</translation>
    </message>
    <message>
        <source>Publishing was cancelled.</source>
        <translation>Se canceló la publicación.</translation>
    </message>
    <message>
        <source>Cannot find the {service} server {host} (the name lookup failed). Check the address in Settings and the internet connection.</source>
        <translation>No se encuentra el servidor de {service} {host} (falló la búsqueda del nombre). Revisa la dirección en Configuración y la conexión a internet.</translation>
    </message>
    <message>
        <source>{service} at {host} did not answer in time. Publishing will try again.</source>
        <translation>{service} en {host} no respondió a tiempo. Se volverá a intentar la publicación.</translation>
    </message>
    <message>
        <source>Cannot reach {service} at {host}. Check the internet connection; publishing will try again.</source>
        <translation>No se puede conectar con {service} en {host}. Revisa la conexión a internet; se volverá a intentar la publicación.</translation>
    </message>
    <message>
        <source>The video {name} is no longer on this computer. Render it again.</source>
        <translation>El vídeo {name} ya no está en este ordenador. Vuelve a crearlo.</translation>
    </message>
    <message>
        <source>The photo {name} is no longer on this computer. Render it again.</source>
        <translation>La foto {name} ya no está en este ordenador. Vuelve a crear el vídeo.</translation>
    </message>
    <message>
        <source>The poster {name} is no longer on this computer. Render it again.</source>
        <translation>El póster {name} ya no está en este ordenador. Vuelve a crear el vídeo.</translation>
    </message>
    <message>
        <source>Cannot read the file {name}: {reason}.</source>
        <translation>No se puede leer el archivo {name}: {reason}.</translation>
    </message>
    <message>
        <source>No AWS credentials found. In Settings, choose an AWS profile or enter an access key.</source>
        <translation>No se encontraron credenciales de AWS. En Configuración, elige un perfil de AWS o introduce una clave de acceso.</translation>
    </message>
    <message>
        <source>The AWS profile named in Settings does not exist on this computer.</source>
        <translation>El perfil de AWS indicado en Configuración no existe en este ordenador.</translation>
    </message>
    <message>
        <source>The AWS sign-in (SSO) has expired. Sign in again, then retry.</source>
        <translation>El inicio de sesión de AWS (SSO) ha caducado. Vuelve a iniciar sesión y reinténtalo.</translation>
    </message>
    <message>
        <source>Choose an AWS region in Settings.</source>
        <translation>Elige una región de AWS en Configuración.</translation>
    </message>
    <message>
        <source>The AWS region in Settings is not valid.</source>
        <translation>La región de AWS de Configuración no es válida.</translation>
    </message>
    <message>
        <source>The S3 bucket name in Settings is not valid.</source>
        <translation>El nombre del bucket de S3 en Configuración no es válido.</translation>
    </message>
    <message>
        <source>The S3 endpoint URL in Settings is not valid.</source>
        <translation>La URL del endpoint de S3 en Configuración no es válida.</translation>
    </message>
    <message>
        <source>Uploading to Amazon S3 failed ({error}).</source>
        <translation>La subida a Amazon S3 falló ({error}).</translation>
    </message>
    <message>
        <source>The S3 bucket {bucket} does not exist. Check the bucket name and region in Settings.</source>
        <translation>El bucket de S3 {bucket} no existe. Revisa el nombre del bucket y la región en Configuración.</translation>
    </message>
    <message>
        <source>The video is missing at Amazon S3 after the upload. Publishing will upload it again.</source>
        <translation>El vídeo no aparece en Amazon S3 después de subirlo. Se volverá a subir.</translation>
    </message>
    <message>
        <source>Amazon S3 rejected the AWS secret access key. Check it in Settings.</source>
        <translation>Amazon S3 rechazó la clave de acceso secreta de AWS. Revísala en Configuración.</translation>
    </message>
    <message>
        <source>Amazon S3 does not know this AWS access key ID. Check it in Settings.</source>
        <translation>Amazon S3 no reconoce este ID de clave de acceso de AWS. Revísalo en Configuración.</translation>
    </message>
    <message>
        <source>The AWS credentials have expired. Sign in again or enter new keys in Settings.</source>
        <translation>Las credenciales de AWS han caducado. Vuelve a iniciar sesión o introduce claves nuevas en Configuración.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is wrong, so Amazon S3 refuses the request. Correct the time.</source>
        <translation>El reloj de este ordenador no está en hora, por eso Amazon S3 rechaza la petición. Corrige la hora.</translation>
    </message>
    <message>
        <source>Amazon S3 refused access to the bucket {bucket}: these AWS credentials may not upload there. Ask your administrator for s3:PutObject permission.</source>
        <translation>Amazon S3 denegó el acceso al bucket {bucket}: estas credenciales de AWS no pueden subir archivos ahí. Pide a tu administrador el permiso s3:PutObject.</translation>
    </message>
    <message>
        <source>The S3 bucket {bucket} is in another region. Set its region in Settings.</source>
        <translation>El bucket de S3 {bucket} está en otra región. Indica su región en Configuración.</translation>
    </message>
    <message>
        <source>Amazon S3 is busy right now. Publishing will try again.</source>
        <translation>Amazon S3 está saturado en este momento. Se volverá a intentar la publicación.</translation>
    </message>
    <message>
        <source>The video arrived damaged at Amazon S3. Publishing will upload it again.</source>
        <translation>El vídeo llegó dañado a Amazon S3. Se volverá a subir.</translation>
    </message>
    <message>
        <source>Amazon S3 had a temporary problem. Publishing will try again.</source>
        <translation>Amazon S3 tuvo un problema temporal. Se volverá a intentar la publicación.</translation>
    </message>
    <message>
        <source>Amazon S3 refused the upload ({error}).</source>
        <translation>Amazon S3 rechazó la subida ({error}).</translation>
    </message>
    <message>
        <source>Supabase refused the row: row-level security. Use the service_role key in Settings.</source>
        <translation>Supabase rechazó la fila: seguridad a nivel de fila (RLS). Usa la clave service_role en Configuración.</translation>
    </message>
    <message>
        <source>Supabase Storage refused the upload: row-level security. Use the service_role key in Settings.</source>
        <translation>Supabase Storage rechazó la subida: seguridad a nivel de fila (RLS). Usa la clave service_role en Configuración.</translation>
    </message>
    <message>
        <source>Supabase rejected the key in Settings: it is not a valid key for this project. Copy the service_role key again from the Supabase dashboard (Project Settings, API).</source>
        <translation>Supabase rechazó la clave de Configuración: no es una clave válida para este proyecto. Vuelve a copiar la clave service_role desde el panel de Supabase (Project Settings, API).</translation>
    </message>
    <message>
        <source>The Supabase key in Settings has expired. Copy the current service_role key from the Supabase dashboard (Project Settings, API).</source>
        <translation>La clave de Supabase de Configuración ha caducado. Copia la clave service_role actual desde el panel de Supabase (Project Settings, API).</translation>
    </message>
    <message>
        <source>Supabase Storage refused the upload.</source>
        <translation>Supabase Storage rechazó la subida.</translation>
    </message>
    <message>
        <source>The Supabase URL in Settings is not valid (it looks like https://abcd.supabase.co).</source>
        <translation>La URL de Supabase en Configuración no es válida (tiene la forma https://abcd.supabase.co).</translation>
    </message>
    <message>
        <source>Publishing to Supabase failed ({error}).</source>
        <translation>La publicación en Supabase falló ({error}).</translation>
    </message>
    <message>
        <source>The table {table} does not exist in Supabase. Run the SQL in supabase/migrations on the project, or fix the table name in Settings.</source>
        <translation>La tabla {table} no existe en Supabase. Ejecuta el SQL de supabase/migrations en el proyecto o corrige el nombre de la tabla en Configuración.</translation>
    </message>
    <message>
        <source>The table {table} in Supabase is missing columns. Run the SQL in supabase/migrations.</source>
        <translation>A la tabla {table} de Supabase le faltan columnas. Ejecuta el SQL de supabase/migrations.</translation>
    </message>
    <message>
        <source>Supabase&apos;s database is not available right now. Publishing will try again.</source>
        <translation>La base de datos de Supabase no está disponible ahora. Se volverá a intentar la publicación.</translation>
    </message>
    <message>
        <source>Supabase refused the row (error {error}).</source>
        <translation>Supabase rechazó la fila (error {error}).</translation>
    </message>
    <message>
        <source>The Supabase Storage bucket {bucket} does not exist. Create it (public) in the Supabase dashboard, or fix the bucket name in Settings.</source>
        <translation>El bucket {bucket} de Supabase Storage no existe. Créalo (público) en el panel de Supabase o corrige el nombre del bucket en Configuración.</translation>
    </message>
    <message>
        <source>Supabase Storage is busy right now. Publishing will try again.</source>
        <translation>Supabase Storage está saturado en este momento. Se volverá a intentar la publicación.</translation>
    </message>
    <message>
        <source>Supabase Storage had a temporary problem. Publishing will try again.</source>
        <translation>Supabase Storage tuvo un problema temporal. Se volverá a intentar la publicación.</translation>
    </message>
    <message>
        <source>The file is larger than Supabase Storage allows for this bucket.</source>
        <translation>El archivo es más grande de lo que Supabase Storage permite en este bucket.</translation>
    </message>
    <message>
        <source>Supabase Storage refused the upload (HTTP {error}).</source>
        <translation>Supabase Storage rechazó la subida (HTTP {error}).</translation>
    </message>
    <message>
        <source>Enter the AWS access key ID and secret access key in Settings.</source>
        <translation>Introduce el ID de clave de acceso y la clave de acceso secreta de AWS en Configuración.</translation>
    </message>
    <message>
        <source>Enter the Supabase project URL in Settings.</source>
        <translation>Introduce la URL del proyecto de Supabase en Configuración.</translation>
    </message>
    <message>
        <source>Enter the Supabase service_role key in Settings.</source>
        <translation>Introduce la clave service_role de Supabase en Configuración.</translation>
    </message>
    <message>
        <source>The check failed ({error}).</source>
        <translation>La comprobación falló ({error}).</translation>
    </message>
    <message>
        <source>Enter the S3 bucket name in Settings.</source>
        <translation>Introduce el nombre del bucket de S3 en Configuración.</translation>
    </message>
    <message>
        <source>The video arrived incomplete at Amazon S3. Publishing will upload it again.</source>
        <translation>El vídeo llegó incompleto a Amazon S3. Se volverá a subir.</translation>
    </message>
    <message>
        <source>Amazon S3 stored the video with the wrong type. Publishing will upload it again.</source>
        <translation>Amazon S3 guardó el vídeo con un tipo incorrecto. Se volverá a subir.</translation>
    </message>
    <message>
        <source>Connected: videos can be uploaded to the bucket {bucket}.</source>
        <translation>Conectado: se pueden subir vídeos al bucket {bucket}.</translation>
    </message>
    <message>
        <source>This computer&apos;s password store (Credential Manager) is not available, so the keys cannot be read or saved ({error}).</source>
        <translation>El almacén de contraseñas de este ordenador (Administrador de credenciales) no está disponible, así que no se pueden leer ni guardar las claves ({error}).</translation>
    </message>
    <message>
        <source>Supabase accepted the row but does not show it. Check the table&apos;s policies (service_role needs insert and select).</source>
        <translation>Supabase aceptó la fila pero no la muestra. Revisa las políticas de la tabla (service_role necesita insert y select).</translation>
    </message>
    <message>
        <source>The table {table} accepted a row without a render_id: run the SQL in supabase/migrations so that render_id is required and unique.</source>
        <translation>La tabla {table} aceptó una fila sin render_id: ejecuta el SQL de supabase/migrations para que render_id sea obligatorio y único.</translation>
    </message>
    <message>
        <source>Storage: files can be uploaded to the bucket {bucket}. Table: rows can be added to {table}.</source>
        <translation>Storage: se pueden subir archivos al bucket {bucket}. Tabla: se pueden añadir filas a {table}.</translation>
    </message>
</context>
<context>
    <name>PublishJob</name>
    <message>
        <source>The video {0} is no longer on this computer. Render it again.</source>
        <translation>El vídeo {0} ya no está en este ordenador. Vuelve a crearlo.</translation>
    </message>
    <message>
        <source>The photo {0} is no longer on this computer. Render it again.</source>
        <translation>La foto {0} ya no está en este ordenador. Vuelve a crear el vídeo.</translation>
    </message>
    <message>
        <source>{0} Trying again in {1} s.</source>
        <translation>{0} Nuevo intento en {1} s.</translation>
    </message>
    <message>
        <source>Published.</source>
        <translation>Publicado.</translation>
    </message>
</context>
<context>
    <name>PublishSettingsPage</name>
    <message>
        <source>Videos: Amazon S3</source>
        <translation>Vídeos: Amazon S3</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Iniciar sesión con</translation>
    </message>
    <message>
        <source>AWS profile</source>
        <translation>Perfil de AWS</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>ID de clave de acceso</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Clave de acceso secreta</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation>URL del endpoint</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Enlaces</translation>
    </message>
    <message>
        <source>Link lifetime</source>
        <translation>Duración del enlace</translation>
    </message>
    <message>
        <source>AWS profile, single sign-on or environment</source>
        <translation>Perfil de AWS, inicio de sesión único o entorno</translation>
    </message>
    <message>
        <source>Access keys saved on this computer</source>
        <translation>Claves de acceso guardadas en este ordenador</translation>
    </message>
    <message>
        <source>Private link that expires (presigned)</source>
        <translation>Enlace privado que caduca (prefirmado)</translation>
    </message>
    <message>
        <source>Public link (the bucket is public)</source>
        <translation>Enlace público (el bucket es público)</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <source>for example eu-west-1</source>
        <translation>por ejemplo eu-west-1</translation>
    </message>
    <message>
        <source>empty for Amazon S3</source>
        <translation>vacío para Amazon S3</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Photo, poster and listing: Supabase</source>
        <translation>Foto, póster y ficha: Supabase</translation>
    </message>
    <message>
        <source>Project URL</source>
        <translation>URL del proyecto</translation>
    </message>
    <message>
        <source>Service key</source>
        <translation>Clave de servicio</translation>
    </message>
    <message>
        <source>Storage bucket</source>
        <translation>Bucket de Storage</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>https://your-project.supabase.co</source>
        <translation>https://tu-proyecto.supabase.co</translation>
    </message>
    <message>
        <source>Publish every video as soon as it is rendered</source>
        <translation>Publicar cada vídeo en cuanto esté creado</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>saved: leave empty to keep it</source>
        <translation>guardada: déjalo vacío para conservarla</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>aún no guardada</translation>
    </message>
    <message>
        <source>the service_role key</source>
        <translation>la clave service_role</translation>
    </message>
    <message>
        <source>The settings could not be saved: {0}</source>
        <translation>No se pudo guardar la configuración: {0}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
</context>
</TS>
