-- Prices refreshed from the AWS Price List API; they override the bundled catalog (pricing/catalog.json) item by
-- item. Only figures the API actually returned are stored: an unknown price has no row.
create table cost_price (
    region         varchar(32)    not null,
    item           varchar(64)    not null,
    price_usd      numeric(20, 10) not null,
    unit           varchar(128)   not null,
    source         varchar(600)   not null,
    effective_date date,
    refreshed_at   timestamp with time zone not null,
    primary key (region, item)
);
