-- Rebuilds of views (package api.views), shared by every node on the database: one row per request, numbered per
-- view. A request is carried out by whichever node first finds every segment of the view's processor free: every
-- node stops its own processor for the view when it sees the request, so the reset never races a live node. Kept as
-- the record of who rebuilt what and when.

create table view_rebuild (
    view_name         varchar(100) not null,
    generation        bigint       not null,
    state             varchar(20)  not null,
    requested_by      varchar(100) not null,
    requested_at      timestamp(6) with time zone not null,
    target_position   bigint,
    replay_started_at timestamp(6) with time zone,
    finished_at       timestamp(6) with time zone,
    constraint pk_view_rebuild primary key (view_name, generation)
);
