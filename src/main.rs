//! Entry point: installs the panic banner, then mounts the app on the page's body.

fn main() {
    claimtag::services::crash::install();
    yew::Renderer::<claimtag::App>::new().render();
}
