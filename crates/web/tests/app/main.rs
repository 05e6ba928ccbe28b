//! Ymarfer's web tests: the real server on 127.0.0.1:0 with a fresh database,
//! driven over HTTP and, in `browser`, by headless Chromium. Every test runs on
//! SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accounts;
mod acts;
mod acts_accounts;
mod acts_benefits;
mod acts_organisations;
mod acts_programmes;
mod acts_projects;
mod acts_sessions;
mod acts_space;
mod api;
mod api_acts;
mod audit;
mod bounds;
mod browser;
mod claims;
mod comparison;
mod doors;
mod firms;
mod hardening;
mod health;
mod home_loop;
mod impact;
mod live;
mod markup;
mod net_impact;
mod notices;
mod pages;
mod paging;
mod privacy;
mod programmes;
mod projects;
mod queries;
mod returns;
mod routes;
mod run_charts;
mod scale_out;
mod scenarios;
mod shared_tools;
mod showcase;
mod smtp;
mod space;
mod support;
mod trust;
