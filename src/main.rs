//! Entry point: mounts the app on the page's body.

fn main() {
    yew::Renderer::<claimtag::App>::new().render();
}
