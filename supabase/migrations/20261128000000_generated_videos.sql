-- generated_videos: one row per published render, read by the web platform.
-- The desktop app inserts with the service_role key; nobody else may read or write
-- through the API (row-level security on, policies for service_role only).
-- Idempotent: safe to run again.

create table if not exists public.generated_videos (
    id               bigint generated always as identity primary key,
    created_at       timestamptz not null default now(),
    render_id        text not null,
    title            text not null,
    subtitle         text not null default '',
    template         text not null,
    aspect           text not null,
    width            integer not null check (width > 0),
    height           integer not null check (height > 0),
    duration_seconds double precision not null check (duration_seconds > 0),
    fps              integer not null check (fps > 0),
    size_bytes       bigint not null check (size_bytes > 0),
    video_url        text not null,
    s3_bucket        text not null,
    s3_key           text not null,
    image_url        text not null,
    poster_url       text not null,
    backend          text not null check (backend in ('local', 'lambda')),
    render_seconds   double precision check (render_seconds >= 0),
    cost_estimate    numeric(12, 6) check (cost_estimate >= 0),
    app_version      text not null,
    constraint generated_videos_render_id_key unique (render_id)
);

comment on table public.generated_videos is
    'Promo videos published by vidstudio: the MP4 in S3, photo and poster in Storage.';

create index if not exists generated_videos_created_at_idx
    on public.generated_videos (created_at desc);

alter table public.generated_videos enable row level security;

grant select, insert on table public.generated_videos to service_role;

drop policy if exists "service_role inserts" on public.generated_videos;
create policy "service_role inserts" on public.generated_videos
    for insert to service_role with check (true);

drop policy if exists "service_role reads" on public.generated_videos;
create policy "service_role reads" on public.generated_videos
    for select to service_role using (true);
