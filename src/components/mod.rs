//! Yew components: they render [`crate::state::AppState`] and turn DOM events into actions.

pub mod annotation_editor;
pub mod app;
pub mod article_details;
pub mod article_view;
pub mod dialogs;
pub mod label_toolbar;
pub mod library_view;
pub mod load_dialog;
pub mod modal;
pub mod notice_bar;
pub mod paragraph_view;
pub mod persistence;
pub mod save_banner;
pub mod selection_toolbar;
pub mod sidebar;
pub mod suggestion_panel;
pub mod top_bar;
