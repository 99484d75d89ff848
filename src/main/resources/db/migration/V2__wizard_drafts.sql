-- Wizard drafts: what a user has entered so far, kept on the server so that Back, Next and reload lose nothing.
create table wizard_draft (
    id         varchar(36) primary key,
    form_json  varchar(200000) not null,
    step       varchar(16) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
