-- generated_videos gains what a listing tour adds: every photo and clip, the length, the sound.
--   media_urls        the public URLs of the video's photos and clips in their order (a JSON
--                     array of strings; a clip is the JPEG of its first frame). image_url stays
--                     the first photo's URL, which the web platform shows.
--   duration_seconds  the video's length in seconds. The first migration already made it
--                     (double precision, not null), so here it is only named: a table made
--                     without it gets it, an existing column is left exactly as it is.
--   has_audio         whether the MP4 has an audio stream (read from the file itself).
--   music_name        the music track's name (its file name without the extension), or null.
-- Rows published before this migration keep null in the new columns.
-- Row-level security and the policies of 20261128000000 are not touched: service_role
-- inserts and reads, nobody else. Idempotent: safe to run again.

alter table public.generated_videos
    add column if not exists media_urls jsonb,
    add column if not exists duration_seconds numeric,
    add column if not exists has_audio boolean,
    add column if not exists music_name text;

alter table public.generated_videos
    drop constraint if exists generated_videos_media_urls_is_array;
alter table public.generated_videos
    add constraint generated_videos_media_urls_is_array
    check (media_urls is null or jsonb_typeof(media_urls) = 'array');

comment on column public.generated_videos.media_urls is
    'Public URLs of the photos and clips (a clip: its first frame as a JPEG), in video order.';
comment on column public.generated_videos.has_audio is
    'Whether the MP4 has an audio stream.';
comment on column public.generated_videos.music_name is
    'The music track''s name (file name without extension); null without music.';
