//! Yew components: they render [`crate::state::AppState`] and turn DOM events into actions.

pub mod annotation_editor;
pub mod app;
pub mod article_details;
pub mod article_view;
pub mod bring_in;
pub mod corpus_filters;
pub mod corpus_view;
pub mod dialogs;
pub mod excerpt;
pub mod export_panel;
pub mod intake_dialog;
pub mod job_progress;
pub mod label_toolbar;
pub mod load_dialog;
pub mod modal;
pub mod notice_bar;
pub mod paragraph_view;
pub mod persistence;
pub mod save_banner;
pub mod selection_toolbar;
pub mod sidebar;
pub mod suggestion_panel;
pub mod text_search_box;
pub mod top_bar;
