//! The colour theme: follow the system, or force light or dark.

/// A colour theme choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The next choice in the toggle's cycle: system → light → dark → system.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// The button text for this choice.
    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "Auto theme",
            Theme::Light => "Light theme",
            Theme::Dark => "Dark theme",
        }
    }
}

/// Applies `theme` to the page (`data-theme` on `<html>`, read by `styles/tokens.css`).
pub fn apply(theme: Theme) {
    let Some(root) = gloo::utils::document().document_element() else {
        return;
    };
    // Setting an attribute on <html> can fail only for an invalid name; these are constant.
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        Theme::Light => root.set_attribute("data-theme", "light"),
        Theme::Dark => root.set_attribute("data-theme", "dark"),
    };
}
