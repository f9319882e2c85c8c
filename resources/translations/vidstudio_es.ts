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
    <name>DropZone</name>
    <message>
        <source>Drop a photo here, click to choose one, or paste with Ctrl+V</source>
        <translation>Suelta una foto aquí, haz clic para elegir una o pégala con Ctrl+V</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Drop a photo here</source>
        <translation>Suelta una foto aquí</translation>
    </message>
    <message>
        <source>or click to browse (JPEG, PNG, WebP…)</source>
        <translation>o haz clic para buscarla (JPEG, PNG, WebP…)</translation>
    </message>
    <message>
        <source>Drop or click to replace</source>
        <translation>Suelta o haz clic para cambiarla</translation>
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
        <source>Uploading</source>
        <translation>Subiendo</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Interrupted: vidstudio was closed during the render.</source>
        <translation>Interrumpido: vidstudio se cerró mientras se creaba el vídeo.</translation>
    </message>
    <message>
        <source>Interrupted: vidstudio was closed during the upload.</source>
        <translation>Interrumpido: vidstudio se cerró durante la subida.</translation>
    </message>
    <message>
        <source>Render cancelled.</source>
        <translation>Creación cancelada.</translation>
    </message>
    <message>
        <source>Removed from the queue.</source>
        <translation>Quitado de la cola.</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>The template is missing; choose another template.</source>
        <translation>Falta la plantilla; elige otra.</translation>
    </message>
    <message>
        <source>The template %1 has no %2 version.</source>
        <translation>La plantilla %1 no tiene versión %2.</translation>
    </message>
    <message>
        <source>Add a photo first.</source>
        <translation>Primero añade una foto.</translation>
    </message>
    <message>
        <source>The photo %1 is no longer there; add it again.</source>
        <translation>La foto %1 ya no está; vuelve a añadirla.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; choose another output folder.</source>
        <translation>La carpeta %1 no existe; elige otra carpeta de salida.</translation>
    </message>
    <message>
        <source>vidstudio cannot save in %1; choose another output folder.</source>
        <translation>vidstudio no puede guardar en %1; elige otra carpeta de salida.</translation>
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
        <source>Photo</source>
        <translation>Foto</translation>
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
        <source>Choose a photo</source>
        <translation>Elige una foto</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Imágenes (%1)</translation>
    </message>
    <message>
        <source>The pasted image could not be saved.</source>
        <translation>No se pudo guardar la imagen pegada.</translation>
    </message>
    <message>
        <source>%1 is not a photo vidstudio can use. Use a JPEG, PNG, WebP, BMP, TIFF or GIF image.</source>
        <translation>%1 no es una foto que vidstudio pueda usar. Usa una imagen JPEG, PNG, WebP, BMP, TIFF o GIF.</translation>
    </message>
    <message>
        <source>Skipped (not an image): %1</source>
        <translation>Omitido (no es una imagen): %1</translation>
    </message>
    <message>
        <source>“%1” cannot be used: the file is damaged or is not a supported image.</source>
        <translation>No se puede usar «%1»: el archivo está dañado o no es una imagen compatible.</translation>
    </message>
    <message>
        <source>%1 photos dropped. Type a title, then drop them again to make one video for each.</source>
        <translation>Has soltado %1 fotos. Escribe un título y vuelve a soltarlas para crear un vídeo de cada una.</translation>
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
        <source>Add a photo first: drop one on the photo area.</source>
        <translation>Primero añade una foto: suéltala en la zona de la foto.</translation>
    </message>
    <message>
        <source>Type a title first.</source>
        <translation>Primero escribe un título.</translation>
    </message>
    <message>
        <source>The photo %1 is no longer there.</source>
        <translation>La foto %1 ya no está.</translation>
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
