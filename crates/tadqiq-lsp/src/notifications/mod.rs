//! Notifications: each changes the session in arrival order, under a short lock and before
//! anything awaits, then queues work for the analysis worker. One file per method.

pub mod did_change;
pub mod did_change_configuration;
pub mod did_change_watched_files;
pub mod did_change_workspace_folders;
pub mod did_close;
pub mod did_open;
pub mod did_save;
