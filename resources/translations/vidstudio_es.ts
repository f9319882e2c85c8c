<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About vidstudio</source>
        <translation>Acerca de vidstudio</translation>
    </message>
    <message>
        <source>One photo, a title and a subtitle become a short promo video.</source>
        <translation>Una foto, un título y un subtítulo se convierten en un vídeo promocional corto.</translation>
    </message>
    <message>
        <source>Fonts: Inter, EB Garamond and Noto Color Emoji (SIL Open Font License).</source>
        <translation>Fuentes: Inter, EB Garamond y Noto Color Emoji (licencia SIL Open Font).</translation>
    </message>
</context>
<context>
    <name>BrandSettingsPage</name>
    <message>
        <source>Brand</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Add brand…</source>
        <translation>Añadir marca…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Cambiar nombre…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Look of the selected brand</source>
        <translation>Aspecto de la marca elegida</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <source>Main colour</source>
        <translation>Color principal</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>Color de acento</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Color del texto</translation>
    </message>
    <message>
        <source>Heading font</source>
        <translation>Fuente de los títulos</translation>
    </message>
    <message>
        <source>Body font</source>
        <translation>Fuente del texto</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>Elegir logotipo…</translation>
    </message>
    <message>
        <source>A PNG or SVG file; a transparent background looks best</source>
        <translation>Un archivo PNG o SVG; con fondo transparente queda mejor</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Sin logotipo</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>Elegir un color</translation>
    </message>
    <message>
        <source>Check that your font&apos;s licence lets you use it in videos.</source>
        <translation>Comprueba que la licencia de tu fuente te permite usarla en vídeos.</translation>
    </message>
    <message>
        <source>Show the logo small in a corner for the whole video</source>
        <translation>Mostrar el logotipo pequeño en una esquina durante todo el vídeo</translation>
    </message>
    <message>
        <source>Lock: videos use this brand as it is</source>
        <translation>Bloquear: los vídeos usan esta marca tal cual</translation>
    </message>
    <message>
        <source>A video cannot change this brand&apos;s logo or colours</source>
        <translation>Un vídeo no puede cambiar el logotipo ni los colores de esta marca</translation>
    </message>
    <message>
        <source>New videos start with</source>
        <translation>Los vídeos nuevos empiezan con</translation>
    </message>
    <message>
        <source>No brand yet: add one to give your videos your logo, colours and fonts.</source>
        <translation>Aún no hay ninguna marca: añade una para dar a tus vídeos tu logotipo, tus colores y tus fuentes.</translation>
    </message>
    <message>
        <source>Add brand</source>
        <translation>Añadir marca</translation>
    </message>
    <message>
        <source>Name of the brand</source>
        <translation>Nombre de la marca</translation>
    </message>
    <message>
        <source>Rename brand</source>
        <translation>Cambiar el nombre de la marca</translation>
    </message>
    <message>
        <source>No brand</source>
        <translation>Sin marca</translation>
    </message>
    <message>
        <source>Your own font…</source>
        <translation>Tu propia fuente…</translation>
    </message>
    <message>
        <source>%1 could not be copied; check that it can be opened.</source>
        <translation>No se ha podido copiar %1; comprueba que se puede abrir.</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Elegir el logotipo</translation>
    </message>
    <message>
        <source>Logos (%1)</source>
        <translation>Logotipos (%1)</translation>
    </message>
    <message>
        <source>Choose your font</source>
        <translation>Elegir tu fuente</translation>
    </message>
    <message>
        <source>Fonts (%1)</source>
        <translation>Fuentes (%1)</translation>
    </message>
</context>
<context>
    <name>ChoiceBar</name>
    <message>
        <source>%1 new photos or clips. What should they become?</source>
        <translation>%1 fotos o clips nuevos. ¿Qué quieres hacer con ellos?</translation>
    </message>
    <message>
        <source>Make one tour</source>
        <translation>Hacer un recorrido</translation>
    </message>
    <message>
        <source>Add them to this video, in order</source>
        <translation>Añadirlos a este vídeo, en orden</translation>
    </message>
    <message>
        <source>Make one video each</source>
        <translation>Hacer un vídeo de cada uno</translation>
    </message>
    <message>
        <source>Queue one video per file with the current settings</source>
        <translation>Poner en cola un vídeo por archivo con los ajustes actuales</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ColorField</name>
    <message>
        <source>Choose a colour</source>
        <translation>Elegir un color</translation>
    </message>
</context>
<context>
    <name>DurationPicker</name>
    <message>
        <source>Custom</source>
        <translation>Otra</translation>
    </message>
    <message>
        <source>Any length from 5 to 90 seconds</source>
        <translation>Cualquier duración de 5 a 90 segundos</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>The video lasts %1 seconds</source>
        <translation>El vídeo dura %1 segundos</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Length in seconds</source>
        <translation>Duración en segundos</translation>
    </message>
    <message>
        <source>From %1 to %2 seconds</source>
        <translation>De %1 a %2 segundos</translation>
    </message>
</context>
<context>
    <name>EndCardSection</name>
    <message>
        <source>End card &amp; booking</source>
        <translation>Cierre y reserva</translation>
    </message>
    <message>
        <source>Your brand, the price and how guests book, shown at the end</source>
        <translation>Tu marca, el precio y cómo reservan los huéspedes, al final del vídeo</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <source>Call to action</source>
        <translation>Llamada a la acción</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Or a web link</source>
        <translation>O un enlace web</translation>
    </message>
    <message>
        <source>Price a night</source>
        <translation>Precio por noche</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Oferta</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Huéspedes</translation>
    </message>
    <message>
        <source>Bedrooms</source>
        <translation>Dormitorios</translation>
    </message>
    <message>
        <source>Bathrooms</source>
        <translation>Baños</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>0 leaves it out of the video</source>
        <translation>Con 0 no aparece en el vídeo</translation>
    </message>
    <message>
        <source>with country code, e.g. +62 812 3456 7890</source>
        <translation>con el prefijo del país, p. ej. +62 812 3456 7890</translation>
    </message>
    <message>
        <source>e.g. villa-nismara.com/book</source>
        <translation>p. ej. villa-nismara.com/reservar</translation>
    </message>
    <message>
        <source>e.g. 2500000</source>
        <translation>p. ej. 2500000</translation>
    </message>
    <message>
        <source>e.g. Uluwatu, Bali</source>
        <translation>p. ej. Uluwatu, Bali</translation>
    </message>
    <message>
        <source>e.g. 15% off in March</source>
        <translation>p. ej. 15 % de descuento en marzo</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>A logo for this video only</source>
        <translation>Un logotipo solo para este vídeo</translation>
    </message>
    <message>
        <source>Brand&apos;s</source>
        <translation>El de la marca</translation>
    </message>
    <message>
        <source>Use the brand&apos;s logo</source>
        <translation>Usar el logotipo de la marca</translation>
    </message>
    <message>
        <source>No brand</source>
        <translation>Sin marca</translation>
    </message>
    <message>
        <source>Choose a logo for this video</source>
        <translation>Elegir un logotipo para este vídeo</translation>
    </message>
    <message>
        <source>Logos (%1)</source>
        <translation>Logotipos (%1)</translation>
    </message>
    <message>
        <source>%1 is locked: its logo and colours are used as they are.</source>
        <translation>%1 está bloqueada: se usan su logotipo y sus colores tal cual.</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Sin logotipo</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Same as Windows</source>
        <translation>El mismo que Windows</translation>
    </message>
    <message>
        <source>The language changes as soon as you press OK.</source>
        <translation>El idioma cambia en cuanto pulses Aceptar.</translation>
    </message>
    <message>
        <source>Videos folder</source>
        <translation>Carpeta Vídeos</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Elige la carpeta de salida</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Link copied</source>
        <translation>Enlace copiado</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Double-click a video to load its photo and text into the editor.</source>
        <translation>Haz doble clic en un vídeo para cargar su foto y sus textos en el editor.</translation>
    </message>
    <message>
        <source>No videos yet. Videos you render are listed here.</source>
        <translation>Aún no hay vídeos. Los vídeos que crees aparecerán aquí.</translation>
    </message>
    <message>
        <source>Open in editor</source>
        <translation>Abrir en el editor</translation>
    </message>
    <message>
        <source>Render again</source>
        <translation>Volver a crear</translation>
    </message>
    <message>
        <source>Show file</source>
        <translation>Mostrar archivo</translation>
    </message>
    <message>
        <source>Delete from history</source>
        <translation>Quitar del historial</translation>
    </message>
    <message>
        <source>Removes the entry; the video file stays on disk</source>
        <translation>Quita la entrada; el archivo de vídeo se queda en el disco</translation>
    </message>
    <message>
        <source>Upload the video and add it to the platform</source>
        <translation>Sube el vídeo y lo añade a la plataforma</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <source>Copy the link of the published video</source>
        <translation>Copia el enlace del vídeo publicado</translation>
    </message>
</context>
<context>
    <name>JobState</name>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>Creando</translation>
    </message>
    <message>
        <source>Rendered</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>vidstudio</source>
        <translation>vidstudio</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Defaults and language</source>
        <translation>Valores predeterminados e idioma</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>Versions and licences</source>
        <translation>Versiones y licencias</translation>
    </message>
    <message>
        <source>Photos and clips</source>
        <translation>Fotos y clips</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Música</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>e.g. Nismara Pool Villa</source>
        <translation>p. ej. Villa Nismara con piscina</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Subtítulo</translation>
    </message>
    <message>
        <source>e.g. Your private escape in Bali</source>
        <translation>p. ej. Tu refugio privado en Bali</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Landscape: YouTube, websites</source>
        <translation>Horizontal: YouTube, sitios web</translation>
    </message>
    <message>
        <source>Vertical: Reels, Stories, TikTok</source>
        <translation>Vertical: Reels, Stories, TikTok</translation>
    </message>
    <message>
        <source>Square: feed posts</source>
        <translation>Cuadrado: publicaciones del feed</translation>
    </message>
    <message>
        <source>Portrait: Instagram feed</source>
        <translation>Retrato: feed de Instagram</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>Save videos to</source>
        <translation>Guardar vídeos en</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>Choose the folder for new videos</source>
        <translation>Elige la carpeta para los vídeos nuevos</translation>
    </message>
    <message>
        <source>Render video</source>
        <translation>Crear vídeo</translation>
    </message>
    <message>
        <source>Make the video (Ctrl+R)</source>
        <translation>Crear el vídeo (Ctrl+R)</translation>
    </message>
    <message>
        <source>Render all aspects</source>
        <translation>Crear en todos los formatos</translation>
    </message>
    <message>
        <source>Queue the same video in 16:9, 9:16, 1:1 and 4:5</source>
        <translation>Pone en cola el mismo vídeo en 16:9, 9:16, 1:1 y 4:5</translation>
    </message>
    <message>
        <source>Languages × aspects…</source>
        <translation>Idiomas × formatos…</translation>
    </message>
    <message>
        <source>Queue the video in several languages and aspects at once</source>
        <translation>Pone en cola el vídeo en varios idiomas y formatos a la vez</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <source>Video language</source>
        <translation>Idioma del vídeo</translation>
    </message>
    <message>
        <source>The language of the words in the video</source>
        <translation>El idioma de los textos del vídeo</translation>
    </message>
    <message>
        <source>A title is needed.</source>
        <translation>Hace falta un título.</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 de %2 caracteres</translation>
    </message>
    <message>
        <source>Too long to fit: the end will be cut off. Shorten it.</source>
        <translation>Demasiado largo: el final se cortará. Acórtalo.</translation>
    </message>
    <message>
        <source>Long text: it will be shown smaller to fit.</source>
        <translation>Texto largo: se mostrará más pequeño para que quepa.</translation>
    </message>
    <message>
        <source>Choose photos and clips</source>
        <translation>Elegir fotos y clips</translation>
    </message>
    <message>
        <source>Photos and clips (%1)</source>
        <translation>Fotos y clips (%1)</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>Fotos (%1)</translation>
    </message>
    <message>
        <source>Clips (%1)</source>
        <translation>Clips (%1)</translation>
    </message>
    <message>
        <source>%1 is not a photo or clip vidstudio can use. Use a JPEG, PNG, WebP, BMP, TIFF or GIF photo, or an MP4, MOV or WebM clip.</source>
        <translation>%1 no es una foto ni un clip que vidstudio pueda usar. Usa una foto JPEG, PNG, WebP, BMP, TIFF o GIF, o un clip MP4, MOV o WebM.</translation>
    </message>
    <message>
        <source>%1 cannot be used: this version of vidstudio cannot read video clips.</source>
        <translation>No se puede usar %1: esta versión de vidstudio no puede leer clips de vídeo.</translation>
    </message>
    <message>
        <source>A video can have at most %1 photos and clips: %2 not added.</source>
        <translation>Un vídeo puede tener como máximo %1 fotos y clips: no se añadió %2.</translation>
    </message>
    <message>
        <source>Type a title first: each of the %1 videos uses it.</source>
        <translation>Escribe primero un título: lo usan los %1 vídeos.</translation>
    </message>
    <message>
        <source>Add a photo or clip first: drop them on the strip above.</source>
        <translation>Primero añade una foto o un clip: suéltalos en la tira de arriba.</translation>
    </message>
    <message>
        <source>This file was moved or deleted since this video was made: %1</source>
        <translation>Este archivo se movió o se borró después de hacer este vídeo: %1</translation>
    </message>
    <message>
        <source>These files were moved or deleted since this video was made: %1</source>
        <translation>Estos archivos se movieron o se borraron después de hacer este vídeo: %1</translation>
    </message>
    <message>
        <source>The pasted image could not be saved.</source>
        <translation>No se pudo guardar la imagen pegada.</translation>
    </message>
    <message>
        <source>Your title</source>
        <translation>Tu título</translation>
    </message>
    <message>
        <source>Choose a template.</source>
        <translation>Elige una plantilla.</translation>
    </message>
    <message>
        <source>Type a title first.</source>
        <translation>Primero escribe un título.</translation>
    </message>
    <message>
        <source>Publish anyway?</source>
        <translation>¿Publicar de todos modos?</translation>
    </message>
    <message>
        <source>Before it goes to %1, this video may have a problem:</source>
        <translation>Antes de publicarlo en %1, este vídeo podría tener un problema:</translation>
    </message>
    <message>
        <source>Publish anyway</source>
        <translation>Publicar de todos modos</translation>
    </message>
    <message>
        <source>Quit vidstudio?</source>
        <translation>¿Salir de vidstudio?</translation>
    </message>
    <message>
        <source>A video is still being rendered. Quit and cancel it?</source>
        <translation>Todavía se está creando un vídeo. ¿Salir y cancelarlo?</translation>
    </message>
</context>
<context>
    <name>MediaEditor</name>
    <message>
        <source>Fill the frame</source>
        <translation>Llenar el encuadre</translation>
    </message>
    <message>
        <source>Show the whole photo (blurred background)</source>
        <translation>Mostrar la foto entera (fondo desenfocado)</translation>
    </message>
    <message>
        <source>How this photo or clip fills the video</source>
        <translation>Cómo llena el vídeo esta foto o este clip</translation>
    </message>
    <message>
        <source>Caption (optional), e.g. Infinity pool</source>
        <translation>Rótulo (opcional), p. ej. Piscina infinita</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Rótulo</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Usar</translation>
    </message>
    <message>
        <source>Start of the part of the clip to use</source>
        <translation>Inicio de la parte del clip que se usa</translation>
    </message>
    <message>
        <source>End of the part of the clip to use</source>
        <translation>Final de la parte del clip que se usa</translation>
    </message>
    <message>
        <source>Keep the clip&apos;s sound</source>
        <translation>Conservar el sonido del clip</translation>
    </message>
    <message>
        <source>Click the preview to choose what stays in frame (focus %1 %, %2 %).</source>
        <translation>Haz clic en la vista previa para elegir lo que queda en el encuadre (foco %1 %, %2 %).</translation>
    </message>
</context>
<context>
    <name>MediaStrip</name>
    <message>
        <source>Drop photos and clips here, click to choose them, or paste with Ctrl+V</source>
        <translation>Suelta aquí fotos y clips, haz clic para elegirlos o pégalos con Ctrl+V</translation>
    </message>
    <message>
        <source>Photos and clips</source>
        <translation>Fotos y clips</translation>
    </message>
    <message>
        <source>Drop photos and clips here</source>
        <translation>Suelta aquí fotos y clips</translation>
    </message>
    <message>
        <source>or click to browse (JPEG, PNG, WebP, MP4, MOV…)</source>
        <translation>o haz clic para buscarlos (JPEG, PNG, WebP, MP4, MOV…)</translation>
    </message>
    <message>
        <source>Add photos or clips (Ctrl+O)</source>
        <translation>Añadir fotos o clips (Ctrl+O)</translation>
    </message>
    <message>
        <source>Drag to reorder, Ctrl+← / Ctrl+→ to move, Delete to remove</source>
        <translation>Arrastra para reordenar, Ctrl+← / Ctrl+→ para mover, Supr para quitar</translation>
    </message>
    <message>
        <source>%1 of %2  ·  drag to reorder</source>
        <translation>%1 de %2  ·  arrastra para reordenar</translation>
    </message>
</context>
<context>
    <name>Message</name>
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
        <source>Uploading to Amazon S3 failed for a reason vidstudio does not know; its log has the details.</source>
        <translation>La subida a Amazon S3 falló por un motivo que vidstudio no conoce; su registro tiene los detalles.</translation>
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
        <source>Publishing to Supabase failed for a reason vidstudio does not know; its log has the details.</source>
        <translation>La publicación en Supabase falló por un motivo que vidstudio no conoce; su registro tiene los detalles.</translation>
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
        <source>The check failed for a reason vidstudio does not know; its log has the details.</source>
        <translation>La comprobación falló por un motivo que vidstudio no conoce; su registro tiene los detalles.</translation>
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
    <message>
        <source>{name} is not a video this app can read.</source>
        <translation>{name} no es un vídeo que esta aplicación pueda leer.</translation>
    </message>
    <message>
        <source>Publishing is not set up yet. Open Settings → Publishing to connect S3 and Supabase.</source>
        <translation>La publicación aún no está configurada. Abre Ajustes → Publicación para conectar S3 y Supabase.</translation>
    </message>
    <message>
        <source>Cannot make a poster from {name}.</source>
        <translation>No se puede crear un póster a partir de {name}.</translation>
    </message>
    <message>
        <source>This render has no video yet.</source>
        <translation>Este renderizado aún no tiene vídeo.</translation>
    </message>
    <message>
        <source>This render has no photo to publish.</source>
        <translation>Este renderizado no tiene ninguna foto para publicar.</translation>
    </message>
    <message>
        <source>The clip {name} is no longer on this computer. Render it again.</source>
        <translation>El clip {name} ya no está en este ordenador. Vuelve a crear el vídeo.</translation>
    </message>
    <message>
        <source>The clip {name} cannot be read: it is damaged or not a video this app can open.</source>
        <translation>No se puede leer el clip {name}: está dañado o no es un vídeo que esta aplicación pueda abrir.</translation>
    </message>
    <message>
        <source>This video has not been uploaded yet.</source>
        <translation>Este vídeo aún no se ha subido.</translation>
    </message>
    <message>
        <source>There is no brand called {name}; the brands are: {known}.</source>
        <translation>No hay ninguna marca llamada {name}; las marcas son: {known}.</translation>
    </message>
    <message>
        <source>{name}: the output must end in .mp4.</source>
        <translation>{name}: el archivo de salida debe terminar en .mp4.</translation>
    </message>
    <message>
        <source>{name}: the output must end in .png, .jpg or .jpeg.</source>
        <translation>{name}: el archivo de salida debe terminar en .png, .jpg o .jpeg.</translation>
    </message>
    <message>
        <source>{out} already exists; add --force to replace it.</source>
        <translation>{out} ya existe; añade --force para reemplazarlo.</translation>
    </message>
    <message>
        <source>{target}: no such video file.</source>
        <translation>{target}: no existe ese archivo de vídeo.</translation>
    </message>
    <message>
        <source>To publish {name}, give --photo and --title (or publish its render id).</source>
        <translation>Para publicar {name}, indica --photo y --title (o publica su ID de renderizado).</translation>
    </message>
    <message>
        <source>{photo}: no such photo.</source>
        <translation>{photo}: no existe esa foto.</translation>
    </message>
    <message>
        <source>No video or render id {target} to publish.</source>
        <translation>No hay ningún vídeo ni ID de renderizado {target} que publicar.</translation>
    </message>
    <message>
        <source>There is no platform {value}; use one of {choices}.</source>
        <translation>No hay ninguna plataforma {value}; usa una de estas: {choices}.</translation>
    </message>
    <message>
        <source>Template {id} has no {aspect} version (it has {items}).</source>
        <translation>La plantilla {id} no tiene versión {aspect} (tiene {items}).</translation>
    </message>
    <message>
        <source>Lambda is busy (AWS concurrency limit reached).</source>
        <translation>Lambda está ocupado (se alcanzó el límite de concurrencia de AWS).</translation>
    </message>
    <message>
        <source>The Lambda function {function_name} runs another Remotion version than this app ({version}); deploy a {version} function (see docs/remotion.md).</source>
        <translation>La función de Lambda {function_name} usa una versión de Remotion distinta de la de esta aplicación ({version}); despliega una función {version} (consulta docs/remotion.md).</translation>
    </message>
    <message>
        <source>AWS denied access to the Lambda function {function_name}.</source>
        <translation>AWS denegó el acceso a la función de Lambda {function_name}.</translation>
    </message>
    <message>
        <source>The render failed on Lambda: {value}</source>
        <translation>El renderizado falló en Lambda: {value}</translation>
    </message>
    <message>
        <source>Cannot list the Lambda functions of this region.</source>
        <translation>No se pueden mostrar las funciones de Lambda de esta región.</translation>
    </message>
    <message>
        <source>Cannot reach AWS Lambda.</source>
        <translation>No se puede conectar con AWS Lambda.</translation>
    </message>
    <message>
        <source>The AWS account allows {concurrency_limit} Lambda function(s) at once; a Remotion render needs at least 2.</source>
        <translation>La cuenta de AWS permite {concurrency_limit} función(es) de Lambda a la vez; un renderizado de Remotion necesita al menos 2.</translation>
    </message>
    <message>
        <source>The render request is too large for Lambda; shorten the texts.</source>
        <translation>La solicitud de renderizado es demasiado grande para Lambda; acorta los textos.</translation>
    </message>
    <message>
        <source>There are several Remotion buckets in {region} ({names}); keep one (see remotion.dev/docs/lambda/multiple-buckets).</source>
        <translation>Hay varios buckets de Remotion en {region} ({names}); deja solo uno (consulta remotion.dev/docs/lambda/multiple-buckets).</translation>
    </message>
    <message>
        <source>The Remotion bucket in {region} cannot be found or made.</source>
        <translation>No se puede encontrar ni crear el bucket de Remotion en {region}.</translation>
    </message>
    <message>
        <source>Cannot reach AWS S3.</source>
        <translation>No se puede conectar con AWS S3.</translation>
    </message>
    <message>
        <source>AWS Lambda did not answer in time.</source>
        <translation>AWS Lambda no respondió a tiempo.</translation>
    </message>
    <message>
        <source>Cannot reach AWS Lambda (no internet connection?).</source>
        <translation>No se puede conectar con AWS Lambda (¿no hay conexión a internet?).</translation>
    </message>
    <message>
        <source>No AWS credentials are set up for Lambda renders (see Settings).</source>
        <translation>No hay credenciales de AWS configuradas para renderizar en Lambda (consulta Configuración).</translation>
    </message>
    <message>
        <source>The Lambda function {name} gave an answer vidstudio does not understand.</source>
        <translation>La función de Lambda {name} dio una respuesta que vidstudio no entiende.</translation>
    </message>
    <message>
        <source>Lambda is busy (too many requests).</source>
        <translation>Lambda está ocupado (demasiadas solicitudes).</translation>
    </message>
    <message>
        <source>There is no Lambda function {name} in {region}; check Settings.</source>
        <translation>No hay ninguna función de Lambda {name} en {region}; revisa Configuración.</translation>
    </message>
    <message>
        <source>AWS denied access to the Lambda function {name}; check the AWS credentials.</source>
        <translation>AWS denegó el acceso a la función de Lambda {name}; revisa las credenciales de AWS.</translation>
    </message>
    <message>
        <source>AWS Lambda is not available right now.</source>
        <translation>AWS Lambda no está disponible en este momento.</translation>
    </message>
    <message>
        <source>The Lambda function {function_name} runs Remotion {deployed}, but this app speaks Remotion {version}: deploy a {version} function or pick it in Settings.</source>
        <translation>La función de Lambda {function_name} usa Remotion {deployed}, pero esta aplicación usa Remotion {version}: despliega una función {version} o elígela en Configuración.</translation>
    </message>
    <message>
        <source>The Lambda function did not say which render it started.</source>
        <translation>La función de Lambda no indicó qué renderizado inició.</translation>
    </message>
    <message>
        <source>Uploading the photos, clips and music</source>
        <translation>Subiendo las fotos, los clips y la música</translation>
    </message>
    <message>
        <source>The uploaded photo cannot be loaded back (HTTP {code}); the render was not started.</source>
        <translation>No se puede volver a cargar la foto subida (HTTP {code}); no se inició el renderizado.</translation>
    </message>
    <message>
        <source>The uploaded photo cannot be loaded back (no connection); the render was not started.</source>
        <translation>No se puede volver a cargar la foto subida (sin conexión); no se inició el renderizado.</translation>
    </message>
    <message>
        <source>The uploaded photo cannot be loaded back (HTTP {status}); the render was not started.</source>
        <translation>No se puede volver a cargar la foto subida (HTTP {status}); no se inició el renderizado.</translation>
    </message>
    <message>
        <source>The photo&apos;s link does not serve an image ({value}); the render was not started.</source>
        <translation>El enlace de la foto no devuelve una imagen ({value}); no se inició el renderizado.</translation>
    </message>
    <message>
        <source>The photo at {name} is not the one uploaded; the render was not started.</source>
        <translation>La foto de {name} no es la que se subió; no se inició el renderizado.</translation>
    </message>
    <message>
        <source>The uploaded file {name} cannot be loaded back (HTTP {code}); the render was not started.</source>
        <translation>No se puede volver a cargar el archivo subido {name} (HTTP {code}); no se inició el renderizado.</translation>
    </message>
    <message>
        <source>The uploaded file {name} cannot be loaded back (no connection); the render was not started.</source>
        <translation>No se puede volver a cargar el archivo subido {name} (sin conexión); no se inició el renderizado.</translation>
    </message>
    <message>
        <source>The link of {name} does not serve a video or a sound ({value}); the render was not started.</source>
        <translation>El enlace de {name} no devuelve un vídeo ni un sonido ({value}); no se inició el renderizado.</translation>
    </message>
    <message>
        <source>The link of {name} does not serve a font ({value}); the render was not started.</source>
        <translation>El enlace de {name} no devuelve una fuente ({value}); no se inició el renderizado.</translation>
    </message>
    <message>
        <source>The file at {name} is not the one uploaded; the render was not started.</source>
        <translation>El archivo de {name} no es el que se subió; no se inició el renderizado.</translation>
    </message>
    <message>
        <source>The render request is too large for Lambda and could not be stored in S3.</source>
        <translation>La solicitud de renderizado es demasiado grande para Lambda y no se pudo guardar en S3.</translation>
    </message>
    <message>
        <source>The render request could not be stored in S3 for Lambda (connection lost).</source>
        <translation>No se pudo guardar la solicitud de renderizado en S3 para Lambda (se perdió la conexión).</translation>
    </message>
    <message>
        <source>Render cancelled.</source>
        <translation>Creación cancelada.</translation>
    </message>
    <message>
        <source>Connecting to Lambda</source>
        <translation>Conectando con Lambda</translation>
    </message>
    <message>
        <source>The file {name} could not be uploaded for the Lambda render.</source>
        <translation>No se pudo subir el archivo {name} para el renderizado en Lambda.</translation>
    </message>
    <message>
        <source>The file {name} could not be uploaded for the Lambda render (connection lost).</source>
        <translation>No se pudo subir el archivo {name} para el renderizado en Lambda (se perdió la conexión).</translation>
    </message>
    <message>
        <source>The file {name} could not be uploaded for the Lambda render: {exc}</source>
        <translation>No se pudo subir el archivo {name} para el renderizado en Lambda: {exc}</translation>
    </message>
    <message>
        <source>Starting the render on Lambda</source>
        <translation>Iniciando el renderizado en Lambda</translation>
    </message>
    <message>
        <source>Downloading the video</source>
        <translation>Descargando el vídeo</translation>
    </message>
    <message>
        <source>The Lambda render stopped making progress.</source>
        <translation>El renderizado en Lambda dejó de avanzar.</translation>
    </message>
    <message>
        <source>The video rendered on Lambda cannot be downloaded from S3.</source>
        <translation>No se puede descargar de S3 el vídeo renderizado en Lambda.</translation>
    </message>
    <message>
        <source>The video rendered on Lambda cannot be downloaded (connection lost).</source>
        <translation>No se puede descargar el vídeo renderizado en Lambda (se perdió la conexión).</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. vidstudio wrote the details to its log file.</source>
        <translation>Algo salió mal de forma inesperada. vidstudio guardó los detalles en su archivo de registro.</translation>
    </message>
    <message>
        <source>The disk is full: cannot write {name}. Free some space and try again.</source>
        <translation>El disco está lleno: no se puede guardar {name}. Libera espacio y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>vidstudio has no permission to write {name} in {parent}.</source>
        <translation>vidstudio no tiene permiso para guardar {name} en {parent}.</translation>
    </message>
    <message>
        <source>The folder {parent} does not exist.</source>
        <translation>La carpeta {parent} no existe.</translation>
    </message>
    <message>
        <source>Cannot write {name}: {reason}.</source>
        <translation>No se puede guardar {name}: {reason}.</translation>
    </message>
    <message>
        <source>{target} is a folder; give a file name such as video.mp4.</source>
        <translation>{target} es una carpeta; indica un nombre de archivo, como video.mp4.</translation>
    </message>
    <message>
        <source>{parent} is not a folder.</source>
        <translation>{parent} no es una carpeta.</translation>
    </message>
    <message>
        <source>vidstudio has no permission to write in {parent}.</source>
        <translation>vidstudio no tiene permiso para guardar en {parent}.</translation>
    </message>
    <message>
        <source>Unknown quality {quality} (use draft, standard or high).</source>
        <translation>Calidad desconocida: {quality} (usa draft, standard o high).</translation>
    </message>
    <message>
        <source>The video encoder did not start; reinstall vidstudio.</source>
        <translation>El codificador de vídeo no se inició; vuelve a instalar vidstudio.</translation>
    </message>
    <message>
        <source>The video encoder stopped unexpectedly (exit code {code}){detail}.</source>
        <translation>El codificador de vídeo se detuvo de forma inesperada (código de salida {code}){detail}.</translation>
    </message>
    <message>
        <source>The video could not be encoded ({text}).</source>
        <translation>No se pudo codificar el vídeo ({text}).</translation>
    </message>
    <message>
        <source>Unexpected message from the video encoder: {kind}</source>
        <translation>Mensaje inesperado del codificador de vídeo: {kind}</translation>
    </message>
    <message>
        <source>{name} is not a font file vidstudio can use; choose a TTF or OTF font.</source>
        <translation>{name} no es un archivo de fuente que vidstudio pueda usar; elige una fuente TTF u OTF.</translation>
    </message>
    <message>
        <source>The font file {name} is missing; choose it again in Settings → Brand.</source>
        <translation>Falta el archivo de fuente {name}; vuelve a elegirlo en Ajustes → Marca.</translation>
    </message>
    <message>
        <source>The font file {name} cannot be read ({strerror}); choose it again in Settings → Brand.</source>
        <translation>No se puede leer el archivo de fuente {name} ({strerror}); vuelve a elegirlo en Ajustes → Marca.</translation>
    </message>
    <message>
        <source>Internal error: fonts need a QGuiApplication.</source>
        <translation>Error interno: las fuentes necesitan una QGuiApplication.</translation>
    </message>
    <message>
        <source>The bundled font {name} is missing or damaged; reinstall vidstudio.</source>
        <translation>Falta la fuente incluida {name} o está dañada; vuelve a instalar vidstudio.</translation>
    </message>
    <message>
        <source>The image {name} was not found.</source>
        <translation>No se encontró la imagen {name}.</translation>
    </message>
    <message>
        <source>{name} is a folder, not an image.</source>
        <translation>{name} es una carpeta, no una imagen.</translation>
    </message>
    <message>
        <source>The image {name} cannot be read ({strerror}).</source>
        <translation>No se puede leer la imagen {name} ({strerror}).</translation>
    </message>
    <message>
        <source>The image {name} is empty (0 bytes).</source>
        <translation>La imagen {name} está vacía (0 bytes).</translation>
    </message>
    <message>
        <source>{name} is not an image vidstudio can read.</source>
        <translation>{name} no es una imagen que vidstudio pueda leer.</translation>
    </message>
    <message>
        <source>The clip {name} was not found.</source>
        <translation>No se encontró el clip {name}.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a video clip.</source>
        <translation>{name} es una carpeta, no un clip de vídeo.</translation>
    </message>
    <message>
        <source>The clip {name} is empty (0 bytes).</source>
        <translation>El clip {name} está vacío (0 bytes).</translation>
    </message>
    <message>
        <source>The clip {name} cannot be read ({strerror}).</source>
        <translation>No se puede leer el clip {name} ({strerror}).</translation>
    </message>
    <message>
        <source>The music file {name} is damaged or incomplete.</source>
        <translation>El archivo de música {name} está dañado o incompleto.</translation>
    </message>
    <message>
        <source>The music file {name} was not found.</source>
        <translation>No se encontró el archivo de música {name}.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a music file.</source>
        <translation>{name} es una carpeta, no un archivo de música.</translation>
    </message>
    <message>
        <source>The music file {name} cannot be read ({strerror}).</source>
        <translation>No se puede leer el archivo de música {name} ({strerror}).</translation>
    </message>
    <message>
        <source>The music file {name} is empty (0 bytes).</source>
        <translation>El archivo de música {name} está vacío (0 bytes).</translation>
    </message>
    <message>
        <source>vidstudio has no permission to read {name}.</source>
        <translation>vidstudio no tiene permiso para leer {name}.</translation>
    </message>
    <message>
        <source>{name} is not an audio file vidstudio can read.</source>
        <translation>{name} no es un archivo de audio que vidstudio pueda leer.</translation>
    </message>
    <message>
        <source>{name} has no sound to use as music.</source>
        <translation>{name} no tiene sonido que usar como música.</translation>
    </message>
    <message>
        <source>The music file {name} has no sound in it (0 seconds).</source>
        <translation>El archivo de música {name} no contiene sonido (0 segundos).</translation>
    </message>
    <message>
        <source>The music file {name} is {length} s long; choose a start before its end.</source>
        <translation>El archivo de música {name} dura {length} s; elige un inicio anterior a su final.</translation>
    </message>
    <message>
        <source>{name} is not a video vidstudio can read.</source>
        <translation>{name} no es un vídeo que vidstudio pueda leer.</translation>
    </message>
    <message>
        <source>The clip {name} is damaged or incomplete.</source>
        <translation>El clip {name} está dañado o incompleto.</translation>
    </message>
    <message>
        <source>{name} has no picture, only sound; choose a video clip.</source>
        <translation>{name} no tiene imagen, solo sonido; elige un clip de vídeo.</translation>
    </message>
    <message>
        <source>The clip {name} uses a video format vidstudio cannot read; use H.264, HEVC or VP9.</source>
        <translation>El clip {name} usa un formato de vídeo que vidstudio no puede leer; usa H.264, HEVC o VP9.</translation>
    </message>
    <message>
        <source>The image {name} is damaged or incomplete.</source>
        <translation>La imagen {name} está dañada o incompleta.</translation>
    </message>
    <message>
        <source>{name} is a {format} image; use JPEG, PNG, WebP, BMP, TIFF or GIF.</source>
        <translation>{name} es una imagen {format}; usa JPEG, PNG, WebP, BMP, TIFF o GIF.</translation>
    </message>
    <message>
        <source>The logo {name} is an SVG vidstudio cannot draw; export it again as SVG or PNG.</source>
        <translation>El logotipo {name} es un SVG que vidstudio no puede dibujar; vuelve a exportarlo como SVG o PNG.</translation>
    </message>
    <message>
        <source>The image {name} is too large ({width}×{height} pixels); save it smaller than 200 megapixels.</source>
        <translation>La imagen {name} es demasiado grande ({width}×{height} píxeles); guárdala con menos de 200 megapíxeles.</translation>
    </message>
    <message>
        <source>The image {name} is too large to open safely.</source>
        <translation>La imagen {name} es demasiado grande para abrirla de forma segura.</translation>
    </message>
    <message>
        <source>The image {name} is too large for this computer&apos;s memory.</source>
        <translation>La imagen {name} es demasiado grande para la memoria de este ordenador.</translation>
    </message>
    <message>
        <source>A video can have at most {limit} photos and clips; this one has {count}.</source>
        <translation>Un vídeo puede tener como máximo {limit} fotos y clips; este tiene {count}.</translation>
    </message>
    <message>
        <source>A video lasts from {low} to {high} seconds; {value} seconds is outside that.</source>
        <translation>Un vídeo dura de {low} a {high} segundos; {value} segundos queda fuera.</translation>
    </message>
    <message>
        <source>The title is empty; type a title.</source>
        <translation>El título está vacío; escribe un título.</translation>
    </message>
    <message>
        <source>The title is too long ({count} characters); keep it under {limit}.</source>
        <translation>El título es demasiado largo ({count} caracteres); usa menos de {limit}.</translation>
    </message>
    <message>
        <source>The title contains control characters; retype it.</source>
        <translation>El título contiene caracteres de control; vuelve a escribirlo.</translation>
    </message>
    <message>
        <source>The title has characters the video fonts cannot draw: {chars}</source>
        <translation>El título tiene caracteres que las fuentes del vídeo no pueden mostrar: {chars}</translation>
    </message>
    <message>
        <source>The subtitle is too long ({count} characters); keep it under {limit}.</source>
        <translation>El subtítulo es demasiado largo ({count} caracteres); usa menos de {limit}.</translation>
    </message>
    <message>
        <source>The subtitle contains control characters; retype it.</source>
        <translation>El subtítulo contiene caracteres de control; vuelve a escribirlo.</translation>
    </message>
    <message>
        <source>The subtitle has characters the video fonts cannot draw: {chars}</source>
        <translation>El subtítulo tiene caracteres que las fuentes del vídeo no pueden mostrar: {chars}</translation>
    </message>
    <message>
        <source>The call to action is too long ({count} characters); keep it under {limit}.</source>
        <translation>La llamada a la acción es demasiado larga ({count} caracteres); usa menos de {limit}.</translation>
    </message>
    <message>
        <source>The call to action contains control characters; retype it.</source>
        <translation>La llamada a la acción contiene caracteres de control; vuelve a escribirla.</translation>
    </message>
    <message>
        <source>The call to action has characters the video fonts cannot draw: {chars}</source>
        <translation>La llamada a la acción tiene caracteres que las fuentes del vídeo no pueden mostrar: {chars}</translation>
    </message>
    <message>
        <source>The location has characters the video fonts cannot draw: {chars}</source>
        <translation>La ubicación tiene caracteres que las fuentes del vídeo no pueden dibujar: {chars}</translation>
    </message>
    <message>
        <source>The offer has characters the video fonts cannot draw: {chars}</source>
        <translation>La oferta tiene caracteres que las fuentes del vídeo no pueden dibujar: {chars}</translation>
    </message>
    <message>
        <source>The brand font {font} cannot draw {chars}; choose another font in Settings → Brand.</source>
        <translation>La fuente de marca {font} no puede dibujar {chars}; elige otra fuente en Ajustes → Marca.</translation>
    </message>
    <message>
        <source>Unknown aspect {aspect} (use one of {items})</source>
        <translation>Formato desconocido: {aspect} (usa uno de estos: {items})</translation>
    </message>
    <message>
        <source>This computer ran out of memory while rendering.</source>
        <translation>Este ordenador se quedó sin memoria durante el renderizado.</translation>
    </message>
    <message>
        <source>{name}: a still must be a .png, .jpg or .jpeg file.</source>
        <translation>{name}: una imagen fija debe ser un archivo .png, .jpg o .jpeg.</translation>
    </message>
    <message>
        <source>Frame {frame} is outside the video (0 to {value}).</source>
        <translation>El fotograma {frame} está fuera del vídeo (de 0 a {value}).</translation>
    </message>
    <message>
        <source>Cannot write {name}.</source>
        <translation>No se puede guardar {name}.</translation>
    </message>
    <message>
        <source>Remotion needs Node.js {version} or newer, which was not found.</source>
        <translation>Remotion necesita Node.js {version} o posterior, y no se encontró.</translation>
    </message>
    <message>
        <source>Remotion is not installed in {folder} (run npm ci there).</source>
        <translation>Remotion no está instalado en {folder} (ejecuta npm ci en esa carpeta).</translation>
    </message>
    <message>
        <source>Starting Remotion</source>
        <translation>Iniciando Remotion</translation>
    </message>
    <message>
        <source>Remotion: {percent} % · {frames}/{total} frames</source>
        <translation>Remotion: {percent} % · {frames}/{total} fotogramas</translation>
    </message>
    <message>
        <source>Remotion finished without writing the video.</source>
        <translation>Remotion terminó sin guardar el vídeo.</translation>
    </message>
    <message>
        <source>Remotion stopped unexpectedly: {detail}</source>
        <translation>Remotion se detuvo de forma inesperada: {detail}</translation>
    </message>
    <message>
        <source>Remotion stopped unexpectedly.</source>
        <translation>Remotion se detuvo de forma inesperada.</translation>
    </message>
    <message>
        <source>Remotion could not render: {value}</source>
        <translation>Remotion no pudo renderizar: {value}</translation>
    </message>
    <message>
        <source>Template {id} has no {aspect} version (it has {have}).</source>
        <translation>La plantilla {id} no tiene versión {aspect} (tiene {have}).</translation>
    </message>
    <message>
        <source>Template file not found: {path}</source>
        <translation>No se encontró el archivo de plantilla: {path}</translation>
    </message>
    <message>
        <source>Cannot read template {name}: {exc}</source>
        <translation>No se puede leer la plantilla {name}: {exc}</translation>
    </message>
    <message>
        <source>Template {name} is not valid JSON (line {lineno}, column {colno}): {msg}</source>
        <translation>La plantilla {name} no es un JSON válido (línea {lineno}, columna {colno}): {msg}</translation>
    </message>
    <message>
        <source>Template {name}: the file must hold a JSON object</source>
        <translation>Plantilla {name}: el archivo debe contener un objeto JSON</translation>
    </message>
    <message>
        <source>Template {name}: field id must be {stem}</source>
        <translation>Plantilla {name}: el campo id debe ser {stem}</translation>
    </message>
    <message>
        <source>Template {name}: field {first_error}</source>
        <translation>Plantilla {name}: campo {first_error}</translation>
    </message>
    <message>
        <source>Unknown template {template_id} (available: {names})</source>
        <translation>Plantilla desconocida: {template_id} (disponibles: {names})</translation>
    </message>
    <message>
        <source>Lambda is busy (concurrency limit): rendering on this computer</source>
        <translation>Lambda está ocupado (límite de concurrencia): se renderiza en este equipo</translation>
    </message>
    <message>
        <source>Lambda is not reachable: rendering on this computer</source>
        <translation>No se puede conectar con Lambda: se renderiza en este equipo</translation>
    </message>
    <message>
        <source>Lambda did not answer in time: rendering on this computer</source>
        <translation>Lambda no respondió a tiempo: se renderiza en este equipo</translation>
    </message>
    <message>
        <source>Lambda: {percent} % · {frames}/{total} frames · {lambdas} Lambdas · {cost} so far</source>
        <translation>Lambda: {percent} % · {frames}/{total} fotogramas · {lambdas} Lambdas · {cost} hasta ahora</translation>
    </message>
    <message>
        <source>Rendered on Lambda ({cost})</source>
        <translation>Renderizado en Lambda ({cost})</translation>
    </message>
    <message>
        <source>Rendering on AWS Lambda is not set up: fill in the function, region and site URL in Settings → Rendering.</source>
        <translation>El renderizado en AWS Lambda no está configurado: rellena la función, la región y la URL del sitio en Ajustes → Renderizado.</translation>
    </message>
    <message>
        <source>AWS Lambda cannot be used: {reason}</source>
        <translation>No se puede usar AWS Lambda: {reason}</translation>
    </message>
    <message>
        <source>Unknown place to render {policy} (use local, lambda or auto).</source>
        <translation>Lugar de renderizado desconocido: {policy} (usa local, lambda o auto).</translation>
    </message>
    <message>
        <source>Fill in the function name, the region and the site URL first.</source>
        <translation>Rellena primero el nombre de la función, la región y la URL del sitio.</translation>
    </message>
    <message>
        <source>Connected: the function runs Remotion {version}.</source>
        <translation>Conectado: la función usa Remotion {version}.</translation>
    </message>
    <message>
        <source>Enter the region first.</source>
        <translation>Introduce primero la región.</translation>
    </message>
    <message>
        <source>No Remotion Lambda function (remotion-render-…) in {region}.</source>
        <translation>No hay ninguna función de Remotion Lambda (remotion-render-…) en {region}.</translation>
    </message>
    <message>
        <source>The template is missing; choose another template.</source>
        <translation>Falta la plantilla; elige otra.</translation>
    </message>
    <message>
        <source>The template {template} has no {aspect} version.</source>
        <translation>La plantilla {template} no tiene versión {aspect}.</translation>
    </message>
    <message>
        <source>Add a photo first.</source>
        <translation>Primero añade una foto.</translation>
    </message>
    <message>
        <source>The photo {name} is no longer there; add it again.</source>
        <translation>La foto {name} ya no está; vuelve a añadirla.</translation>
    </message>
    <message>
        <source>The clip {name} is no longer there; add it again.</source>
        <translation>El clip {name} ya no está; vuelve a añadirlo.</translation>
    </message>
    <message>
        <source>The music file {name} is no longer there; choose it again.</source>
        <translation>El archivo de música {name} ya no está; vuelve a elegirlo.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; choose another output folder.</source>
        <translation>La carpeta {folder} no existe; elige otra carpeta de salida.</translation>
    </message>
    <message>
        <source>vidstudio cannot save in {folder}; choose another output folder.</source>
        <translation>vidstudio no puede guardar en {folder}; elige otra carpeta de salida.</translation>
    </message>
    <message>
        <source>Removed from the queue.</source>
        <translation>Quitado de la cola.</translation>
    </message>
    <message>
        <source>Interrupted: vidstudio was closed during the render.</source>
        <translation>Interrumpido: vidstudio se cerró mientras se creaba el vídeo.</translation>
    </message>
    <message>
        <source>Template {template} has no {aspect} version.</source>
        <translation>La plantilla {template} no tiene versión {aspect}.</translation>
    </message>
    <message>
        <source>vidstudio cannot read or save the keys on this computer right now. Restart vidstudio and try again; if it keeps happening, enter the keys again in Settings → Publishing.</source>
        <translation>Ahora mismo vidstudio no puede leer ni guardar las claves en este ordenador. Reinicia vidstudio y vuelve a intentarlo; si sigue pasando, vuelve a introducir las claves en Ajustes → Publicación.</translation>
    </message>
    <message>
        <source>“{value}” is not a colour; pick one or type it like #1A6B5C.</source>
        <translation>«{value}» no es un color; elige uno o escríbelo así: #1A6B5C.</translation>
    </message>
    <message>
        <source>The brand needs a name.</source>
        <translation>La marca necesita un nombre.</translation>
    </message>
    <message>
        <source>The brand {brand} has a colour that is not a colour: “{value}”.</source>
        <translation>La marca {brand} tiene un color que no es un color: «{value}».</translation>
    </message>
    <message>
        <source>The brand {brand} is missing its file {name}; choose it again in Settings → Brand.</source>
        <translation>A la marca {brand} le falta su archivo {name}; vuelve a elegirlo en Ajustes → Marca.</translation>
    </message>
    <message>
        <source>The brand {brand} uses a font vidstudio does not have: {font}.</source>
        <translation>La marca {brand} usa una fuente que vidstudio no tiene: {font}.</translation>
    </message>
    <message>
        <source>{name} is not a logo or a font; choose a PNG or SVG logo, or a TTF or OTF font.</source>
        <translation>{name} no es un logotipo ni una fuente; elige un logotipo PNG o SVG, o una fuente TTF u OTF.</translation>
    </message>
    <message>
        <source>The video language {value} is not one vidstudio knows; use one of {choices}.</source>
        <translation>vidstudio no conoce el idioma de vídeo {value}; usa uno de estos: {choices}.</translation>
    </message>
    <message>
        <source>The price “{value}” is not an amount; type a number such as 2500000 or 180.50.</source>
        <translation>El precio «{value}» no es un importe; escribe un número como 2500000 o 180.50.</translation>
    </message>
    <message>
        <source>The currency {value} is not one vidstudio formats; use one of {choices}.</source>
        <translation>vidstudio no da formato a la moneda {value}; usa una de estas: {choices}.</translation>
    </message>
    <message>
        <source>The number of guests “{value}” must be a whole number from 1 to 99.</source>
        <translation>El número de huéspedes «{value}» debe ser un número entero del 1 al 99.</translation>
    </message>
    <message>
        <source>The number of bedrooms “{value}” must be a whole number from 1 to 99.</source>
        <translation>El número de dormitorios «{value}» debe ser un número entero del 1 al 99.</translation>
    </message>
    <message>
        <source>The number of bathrooms “{value}” must be a whole number from 1 to 99.</source>
        <translation>El número de baños «{value}» debe ser un número entero del 1 al 99.</translation>
    </message>
    <message>
        <source>The WhatsApp number {value} needs its country code, for example +62 812 3456 7890.</source>
        <translation>Al número de WhatsApp {value} le falta el prefijo del país, por ejemplo +62 812 3456 7890.</translation>
    </message>
    <message>
        <source>The WhatsApp number {value} is not a valid phone number; check its digits.</source>
        <translation>El número de WhatsApp {value} no es un teléfono válido; revisa sus dígitos.</translation>
    </message>
    <message>
        <source>The link {value} is not a web address; type one like villa-nismara.com/book.</source>
        <translation>El enlace {value} no es una dirección web; escribe una como villa-nismara.com/book.</translation>
    </message>
    <message>
        <source>The location is too long ({count} characters); keep it under {limit}.</source>
        <translation>La ubicación es demasiado larga ({count} caracteres); no pases de {limit}.</translation>
    </message>
    <message>
        <source>The offer is too long ({count} characters); keep it under {limit}.</source>
        <translation>La oferta es demasiado larga ({count} caracteres); no pases de {limit}.</translation>
    </message>
    <message>
        <source>The WhatsApp message is too long ({count} characters); keep it under {limit}.</source>
        <translation>El mensaje de WhatsApp es demasiado largo ({count} caracteres); no pases de {limit}.</translation>
    </message>
    <message>
        <source>The video {name} was not found.</source>
        <translation>No se encontró el vídeo {name}.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a video.</source>
        <translation>{name} es una carpeta, no un vídeo.</translation>
    </message>
    <message>
        <source>The video {name} is empty (0 bytes).</source>
        <translation>El vídeo {name} está vacío (0 bytes).</translation>
    </message>
    <message>
        <source>The video {name} cannot be read ({strerror}).</source>
        <translation>No se puede leer el vídeo {name} ({strerror}).</translation>
    </message>
    <message>
        <source>The video {name} is damaged or incomplete.</source>
        <translation>El vídeo {name} está dañado o incompleto.</translation>
    </message>
    <message>
        <source>This video lasts {seconds} seconds; {platform} takes at most {limit}.</source>
        <translation>Este vídeo dura {seconds} segundos; {platform} admite {limit} como máximo. Acórtalo.</translation>
    </message>
    <message>
        <source>This video lasts {seconds} seconds; {platform} takes at least {limit}.</source>
        <translation>Este vídeo dura {seconds} segundos; {platform} pide al menos {limit}. Alárgalo.</translation>
    </message>
    <message>
        <source>This video is {width}×{height} pixels ({ratio}); {platform} shows {aspect} videos, so yours will get black bars or be cropped.</source>
        <translation>Este vídeo mide {width}×{height} píxeles ({ratio}); {platform} muestra vídeos {aspect}, así que el tuyo tendrá franjas negras o se recortará.</translation>
    </message>
    <message>
        <source>This video plays {fps} frames per second; {platform} needs between 23 and 60.</source>
        <translation>Este vídeo va a {fps} fotogramas por segundo; {platform} necesita entre 23 y 60.</translation>
    </message>
    <message>
        <source>This video&apos;s frame rate changes as it plays; {platform} needs a steady one, such as 30 frames per second.</source>
        <translation>La velocidad de fotogramas de este vídeo cambia mientras se reproduce; {platform} necesita una constante, por ejemplo 30 fotogramas por segundo.</translation>
    </message>
    <message>
        <source>This video is a {format} file; {platform} expects an MP4 file.</source>
        <translation>Este vídeo es un archivo {format}; {platform} espera un archivo MP4.</translation>
    </message>
    <message>
        <source>This video is compressed as {codec}; {platform} expects H.264.</source>
        <translation>Este vídeo está comprimido en {codec}; {platform} espera H.264.</translation>
    </message>
    <message>
        <source>This video stores its colours as {pixel_format}; {platform} expects yuv420p, the format every phone plays.</source>
        <translation>Este vídeo guarda sus colores como {pixel_format}; {platform} espera yuv420p, el formato que reproduce cualquier móvil.</translation>
    </message>
    <message>
        <source>This video&apos;s colours are not marked as BT.709 (Rec. 709), so {platform} may show them washed out or too strong.</source>
        <translation>Los colores de este vídeo no están marcados como BT.709 (Rec. 709), así que {platform} puede mostrarlos apagados o demasiado intensos.</translation>
    </message>
    <message>
        <source>This video only starts playing once it has loaded completely; export it with fast start (web optimised) turned on.</source>
        <translation>Este vídeo solo empieza a reproducirse cuando se ha cargado entero; expórtalo con el inicio rápido (optimizado para web) activado.</translation>
    </message>
    <message>
        <source>The sound is compressed as {codec}; {platform} expects AAC.</source>
        <translation>El sonido está comprimido en {codec}; {platform} espera AAC.</translation>
    </message>
    <message>
        <source>The sound is recorded at {rate} kHz; {platform} expects 48 kHz.</source>
        <translation>El sonido está grabado a {rate} kHz; {platform} espera 48 kHz.</translation>
    </message>
    <message>
        <source>The sound is too loud ({lufs} LUFS); {platform} plays videos at about −14 LUFS and will turn it down.</source>
        <translation>El sonido está demasiado alto ({lufs} LUFS); {platform} reproduce los vídeos a unos −14 LUFS y lo bajará.</translation>
    </message>
    <message>
        <source>The sound is too quiet ({lufs} LUFS); {platform} plays videos at about −14 LUFS, so it will sound weaker than the videos around it.</source>
        <translation>El sonido está demasiado bajo ({lufs} LUFS); {platform} reproduce los vídeos a unos −14 LUFS, así que sonará más flojo que los vídeos de alrededor.</translation>
    </message>
    <message>
        <source>The sound peaks at {peak} dBTP, so it may crackle once {platform} compresses it again; keep its peaks at −1 dBTP or lower.</source>
        <translation>El sonido llega a picos de {peak} dBTP, así que puede distorsionarse cuando {platform} lo vuelva a comprimir; mantén los picos en −1 dBTP o menos.</translation>
    </message>
</context>
<context>
    <name>MusicRow</name>
    <message>
        <source>Choose music</source>
        <translation>Elegir música</translation>
    </message>
    <message>
        <source>Music (%1)</source>
        <translation>Música (%1)</translation>
    </message>
    <message>
        <source>Music cannot be added with this version of vidstudio.</source>
        <translation>Esta versión de vidstudio no puede añadir música.</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>Add music…</source>
        <translation>Añadir música…</translation>
    </message>
    <message>
        <source>MP3, M4A, AAC, WAV, FLAC or OGG</source>
        <translation>MP3, M4A, AAC, WAV, FLAC u OGG</translation>
    </message>
    <message>
        <source>Remove the music</source>
        <translation>Quitar la música</translation>
    </message>
    <message>
        <source>Fade in</source>
        <translation>Entrada gradual</translation>
    </message>
    <message>
        <source>Fade out</source>
        <translation>Salida gradual</translation>
    </message>
    <message>
        <source>Start at</source>
        <translation>Empezar en</translation>
    </message>
    <message>
        <source>Where in the track the video&apos;s music begins</source>
        <translation>En qué punto de la pista empieza la música del vídeo</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>When the music ends:</source>
        <translation>Cuando acabe la música:</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Silencio</translation>
    </message>
</context>
<context>
    <name>Platform</name>
    <message>
        <source>Instagram Reels</source>
        <translation>Reels de Instagram</translation>
    </message>
    <message>
        <source>Instagram Stories</source>
        <translation>Historias de Instagram</translation>
    </message>
    <message>
        <source>Instagram Feed</source>
        <translation>Feed de Instagram</translation>
    </message>
    <message>
        <source>TikTok</source>
        <translation>TikTok</translation>
    </message>
    <message>
        <source>YouTube Shorts</source>
        <translation>YouTube Shorts</translation>
    </message>
    <message>
        <source>Facebook Reels</source>
        <translation>Reels de Facebook</translation>
    </message>
    <message>
        <source>YouTube</source>
        <translation>YouTube</translation>
    </message>
</context>
<context>
    <name>PlatformPicker</name>
    <message>
        <source>Top bar</source>
        <translation>Barra superior</translation>
    </message>
    <message>
        <source>Buttons</source>
        <translation>Botones</translation>
    </message>
    <message>
        <source>Caption and account</source>
        <translation>Texto y cuenta</translation>
    </message>
    <message>
        <source>Reply bar</source>
        <translation>Barra de respuesta</translation>
    </message>
    <message>
        <source>Cut in the grid</source>
        <translation>Recortado en la cuadrícula</translation>
    </message>
    <message>
        <source>Title bar</source>
        <translation>Barra del título</translation>
    </message>
    <message>
        <source>Player controls</source>
        <translation>Controles del reproductor</translation>
    </message>
    <message>
        <source>%1 takes videos up to %2 s; this one lasts %3 s.</source>
        <translation>%1 admite vídeos de hasta %2 s; este dura %3 s.</translation>
    </message>
    <message>
        <source>%1 needs videos of at least %2 s; this one lasts %3 s.</source>
        <translation>%1 necesita vídeos de al menos %2 s; este dura %3 s.</translation>
    </message>
    <message>
        <source>Any platform</source>
        <translation>Cualquier plataforma</translation>
    </message>
    <message>
        <source>Where the video will be posted: its shape and length limits</source>
        <translation>Dónde vas a publicar el vídeo: su forma y sus límites de duración</translation>
    </message>
    <message>
        <source>Show platform zones</source>
        <translation>Mostrar las zonas de la plataforma</translation>
    </message>
    <message>
        <source>Shade the parts of the picture the app&apos;s buttons and captions cover</source>
        <translation>Sombrea las partes de la imagen que tapan los botones y textos de la aplicación</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>%1 / %2  ·  frame %3 of %4</source>
        <translation>%1 / %2  ·  fotograma %3 de %4</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pausa (Espacio)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Reproducir (Espacio)</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Reproducir o pausar</translation>
    </message>
    <message>
        <source>Drag to move through the video</source>
        <translation>Arrastra para moverte por el vídeo</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop this render (Esc)</source>
        <translation>Detener esta creación (Esc)</translation>
    </message>
    <message>
        <source>Rendering “%1”</source>
        <translation>Creando «%1»</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <source>Rendering %1/%2 frames</source>
        <translation>Creando fotogramas: %1/%2</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Terminando</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>Transcurrido %1</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>quedan unos %1</translation>
    </message>
</context>
<context>
    <name>PublishSettingsPage</name>
    <message>
        <source>Publishing</source>
        <translation>Publicación</translation>
    </message>
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
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
</context>
<context>
    <name>PublishState</name>
    <message>
        <source>Waiting to publish</source>
        <translation>Esperando para publicar</translation>
    </message>
    <message>
        <source>Uploading %1 %</source>
        <translation>Subiendo %1 %</translation>
    </message>
    <message>
        <source>%1 Trying again in %2 s.</source>
        <translation>%1 Se volverá a intentar en %2 s.</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <source>Publishing failed</source>
        <translation>No se pudo publicar</translation>
    </message>
    <message>
        <source>Set up publishing…</source>
        <translation>Configurar la publicación…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Retry publishing</source>
        <translation>Reintentar la publicación</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <source>Draft (fastest)</source>
        <translation>Borrador (más rápido)</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High (slower)</source>
        <translation>Alta (más lento)</translation>
    </message>
</context>
<context>
    <name>QueueRow</name>
    <message>
        <source>Remove from the queue</source>
        <translation>Quitar de la cola</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>Queue  ·  %1 waiting</source>
        <translation>Cola  ·  %1 en espera</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Quitar terminados</translation>
    </message>
    <message>
        <source>Videos you render appear here and are made one at a time.</source>
        <translation>Los vídeos que crees aparecen aquí y se hacen de uno en uno.</translation>
    </message>
</context>
<context>
    <name>RenderMatrixDialog</name>
    <message>
        <source>1 video will be queued.</source>
        <translation>Se pondrá 1 vídeo en cola.</translation>
    </message>
    <message>
        <source>%1 videos will be queued.</source>
        <translation>Se pondrán %1 vídeos en cola.</translation>
    </message>
    <message>
        <source>Queue 1 video</source>
        <translation>Poner 1 vídeo en cola</translation>
    </message>
    <message>
        <source>Queue %1 videos</source>
        <translation>Poner %1 vídeos en cola</translation>
    </message>
    <message>
        <source>Render languages × aspects</source>
        <translation>Crear en varios idiomas × formatos</translation>
    </message>
    <message>
        <source>Languages (those with a title)</source>
        <translation>Idiomas (los que tienen título)</translation>
    </message>
    <message>
        <source>Aspects</source>
        <translation>Formatos</translation>
    </message>
</context>
<context>
    <name>RenderSettingsPage</name>
    <message>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <source>AWS Lambda</source>
        <translation>AWS Lambda</translation>
    </message>
    <message>
        <source>Automatic (AWS Lambda, else this computer)</source>
        <translation>Automático (AWS Lambda; si no, este equipo)</translation>
    </message>
    <message>
        <source>Render on</source>
        <translation>Renderizar en</translation>
    </message>
    <message>
        <source>Remotion Lambda</source>
        <translation>Remotion Lambda</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Site URL</source>
        <translation>URL del sitio</translation>
    </message>
    <message>
        <source>Compositions</source>
        <translation>Composiciones</translation>
    </message>
    <message>
        <source>Time limit (minutes)</source>
        <translation>Tiempo máximo (minutos)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>List the Remotion functions of this region</source>
        <translation>Muestra las funciones de Remotion de esta región</translation>
    </message>
    <message>
        <source>Only when the site names a template&apos;s composition otherwise: template = composition</source>
        <translation>Solo si el sitio llama de otra forma a la composición de una plantilla: plantilla = composición</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Uses the AWS sign-in of Settings → Publishing. Needs a Remotion company licence.</source>
        <translation>Usa el acceso a AWS de Ajustes → Publicación. Requiere una licencia de empresa de Remotion.</translation>
    </message>
    <message>
        <source>Videos are rendered here. Nothing is needed in the cloud.</source>
        <translation>Los vídeos se renderizan aquí. No hace falta nada en la nube.</translation>
    </message>
    <message>
        <source>Videos are rendered on your Remotion Lambda function, then downloaded.</source>
        <translation>Los vídeos se renderizan en tu función de Remotion Lambda y luego se descargan.</translation>
    </message>
    <message>
        <source>Tries AWS Lambda; when it is busy, unreachable or too slow, renders here and says why.</source>
        <translation>Prueba AWS Lambda; si está ocupado, no responde o va demasiado lento, renderiza aquí y explica por qué.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Looking for functions…</source>
        <translation>Buscando funciones…</translation>
    </message>
    <message>
        <source>%1 function(s) found.</source>
        <translation>%1 función(es) encontrada(s).</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>Renderizado</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Open the video in your video player</source>
        <translation>Abre el vídeo en tu reproductor</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copiar ruta</translation>
    </message>
    <message>
        <source>Copy where the video file is</source>
        <translation>Copia la ubicación del archivo de vídeo</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <source>Copy the link of the published video</source>
        <translation>Copia el enlace del vídeo publicado</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Upload the video and add it to the platform</source>
        <translation>Sube el vídeo y lo añade a la plataforma</translation>
    </message>
    <message>
        <source>Connect vidstudio to your S3 bucket and Supabase project</source>
        <translation>Conecta vidstudio con tu bucket de S3 y tu proyecto de Supabase</translation>
    </message>
    <message>
        <source>Your video is ready</source>
        <translation>Tu vídeo está listo</translation>
    </message>
    <message>
        <source>%1 s  ·  %2 × %3  ·  %4  ·  rendered in %5 s</source>
        <translation>%1 s  ·  %2 × %3  ·  %4  ·  creado en %5 s</translation>
    </message>
    <message>
        <source>Render cancelled</source>
        <translation>Creación cancelada</translation>
    </message>
    <message>
        <source>The render was stopped. No file was written.</source>
        <translation>Se detuvo la creación. No se ha guardado ningún archivo.</translation>
    </message>
    <message>
        <source>The render failed</source>
        <translation>No se pudo crear el vídeo</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>Error desconocido.</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>Enlace copiado</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
</context>
</TS>
